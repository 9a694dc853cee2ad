/* Typed attribute readers with one clear message per bad value. */
#include "attrs_priv.h"

#include <stdio.h>
#include <string.h>

#include "xml_priv.h"

static void report(xmlNodePtr n, const char *name, const char *value, const char *file,
                   cchc_diag *diag, const char *what)
{
	const char *id = cchc_xml_attr(n, "id");
	if (!id)
		id = cchc_xml_attr(n, "criterion");
	cchc_diag_addf(diag, file, cchc_xml_line(n), "<%s%s%s%s> %s=\"%s\": %s", (const char *)n->name,
	               id ? " \"" : "", id ? id : "", id ? "\"" : "", name, value, what);
}

static const char *status_text(cchc_num_status st, const char *syntax, const char *precision,
                               const char *range)
{
	return st == CCHC_NUM_SYNTAX ? syntax : st == CCHC_NUM_PRECISION ? precision : range;
}

int cchc_attr_points(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                     cchc_points *out)
{
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return 0;
	cchc_num_status st = cchc_points_parse(v, out);
	if (st == CCHC_NUM_OK)
		return 1;
	report(n, name, v, file, diag,
	       status_text(st, "points must be a plain decimal with a point, like 8.25",
	                   "points must be a multiple of 0,01 (at most two decimals)",
	                   "points out of range"));
	return -1;
}

int cchc_attr_decimal(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                      cchc_decimal *out)
{
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return 0;
	cchc_num_status st = cchc_decimal_parse(v, out);
	if (st == CCHC_NUM_OK)
		return 1;
	report(n, name, v, file, diag,
	       status_text(st, "write a plain decimal number with a point, like 92 or 3.85",
	                   "at most six decimals are accepted",
	                   "the number is out of range (at most 10^9)"));
	return -1;
}

int cchc_attr_count(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                    int64_t *out)
{
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return 0;
	cchc_num_status st = cchc_count_parse(v, out);
	if (st == CCHC_NUM_OK)
		return 1;
	report(n, name, v, file, diag,
	       status_text(st, "write a whole number of 0 or more", "write a whole number",
	                   "the number is out of range (at most 999999999)"));
	return -1;
}

int cchc_attr_date(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                   cchc_date *out)
{
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return 0;
	cchc_num_status st = cchc_date_parse(v, out);
	if (st == CCHC_NUM_OK)
		return 1;
	report(n, name, v, file, diag,
	       st == CCHC_NUM_SYNTAX ? "write the date as YYYY-MM-DD, like 2018-01-31"
	                             : "no such date in the calendar");
	return -1;
}

int cchc_attr_bool(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag, int *out)
{
	static const char *const words[] = {"false", "true", NULL};
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return 0;
	int i = cchc_attr_enum(n, name, words, 0, file, diag);
	if (i < 0)
		return -1;
	*out = i;
	return 1;
}

int cchc_attr_enum(xmlNodePtr n, const char *name, const char *const *words, int dflt,
                   const char *file, cchc_diag *diag)
{
	const char *v = cchc_xml_attr(n, name);
	if (!v)
		return dflt;
	char accepted[256] = "";
	for (int i = 0; words[i]; i++) {
		if (strcmp(v, words[i]) == 0)
			return i;
		size_t used = strlen(accepted);
		snprintf(accepted + used, sizeof accepted - used, "%s\"%s\"", i ? ", " : "", words[i]);
	}
	char what[320];
	snprintf(what, sizeof what, "write one of %s", accepted);
	report(n, name, v, file, diag, what);
	return -1;
}
