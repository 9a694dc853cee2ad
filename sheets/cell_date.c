/* Dates in cells: Excel serials in either date system, or text typed day
 * first ("12/01/2019") or in ISO form, checked by the engine's calendar. */
#include "cell_priv.h"

#include <stdio.h>
#include <string.h>

/* Days from 1970-01-01 of serial 0 in each system (1900 counted for serials
 * after Excel's phantom 29/02/1900, serial 60). */
#define EPOCH_1900 25569
#define EPOCH_1904 24107
#define FIRST_DAY (-25567)  /* 1900-01-01 */
#define LAST_DAY 2932896    /* 9999-12-31 */

static cchc_num_status from_serial(const cchc_cell *c, int date1904, cchc_date *out)
{
	cell_dec d;
	int64_t serial;
	if (cell_parse_stored(c->text, &d) < 0)
		return CCHC_NUM_SYNTAX;
	/* a time of day is dropped, unless it is a double's noise just under midnight */
	cchc_num_status st = cell_scale(&d, 0, CELL_NOISE, &serial);
	if (st == CCHC_NUM_PRECISION)
		st = cell_scale(&d, 0, CELL_TRUNCATE, &serial);
	if (st != CCHC_NUM_OK)
		return st;
	int64_t days;
	if (date1904)
		days = serial - EPOCH_1904;
	else if (serial == 60 || serial < 1)
		return CCHC_NUM_RANGE; /* 29/02/1900 never was; 0 is "00/01/1900" */
	else
		days = serial - (serial < 60 ? EPOCH_1900 - 1 : EPOCH_1900);
	if (days < FIRST_DAY || days > LAST_DAY)
		return CCHC_NUM_RANGE;
	*out = (cchc_date)days;
	return CCHC_NUM_OK;
}

/* Up to max digits into *v; the number read. */
static int digits(const char **s, int max, int *v)
{
	int n = 0;
	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

static cchc_num_status from_text(const char *text, cchc_date *out)
{
	char buf[64];
	size_t n = 0;
	const char *s = text;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	while (*s && n + 1 < sizeof buf)
		buf[n++] = *s++;
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	buf[n] = '\0';
	if (*s)
		return CCHC_NUM_SYNTAX;
	const char *p = buf;
	int a, b, y;
	int na = digits(&p, 4, &a);
	char sep = *p;
	if (na == 0 || (sep != '/' && sep != '-' && sep != '.'))
		return CCHC_NUM_SYNTAX;
	p++;
	int nb = digits(&p, 2, &b);
	if (nb == 0 || *p++ != sep)
		return CCHC_NUM_SYNTAX;
	int day, month;
	if (na == 4 && sep == '-') { /* 2019-01-12 */
		y = a;
		month = b;
		if (digits(&p, 2, &day) == 0)
			return CCHC_NUM_SYNTAX;
	} else if (na <= 2) { /* 12/01/2019, day first */
		day = a;
		month = b;
		if (digits(&p, 4, &y) != 4)
			return CCHC_NUM_SYNTAX;
	} else {
		return CCHC_NUM_SYNTAX;
	}
	if (*p)
		return CCHC_NUM_SYNTAX;
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return CCHC_NUM_RANGE;
	char iso[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, month, day);
	return cchc_date_parse(iso, out);
}

cchc_num_status cchc_cell_date(const cchc_cell *c, int date1904, cchc_date *out)
{
	if (!c)
		return CCHC_NUM_SYNTAX;
	if (c->type == CCHC_CELL_NUMBER)
		return from_serial(c, date1904, out);
	if (c->type == CCHC_CELL_TEXT)
		return from_text(c->text, out);
	return CCHC_NUM_SYNTAX;
}
