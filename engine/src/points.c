/* Exact number and date parsing for every value read from XML. */
#include "cchc/points.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Parse [-]digits[.digits] into value * 10^scale_digits. Rejects anything
 * else (exponents, commas, NaN, spaces, '+') so that hostile input never
 * turns into a silently wrong number. */
static cchc_num_status parse_fixed(const char *s, int frac_digits, int64_t limit, int64_t *out)
{
	int neg = 0;
	int64_t whole = 0, frac = 0;
	int nwhole = 0, nfrac = 0;

	if (!s || !*s)
		return CCHC_NUM_SYNTAX;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++, nwhole++) {
		if (whole > limit)
			return CCHC_NUM_RANGE;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++, nfrac++) {
			if (nfrac >= frac_digits) {
				if (*s != '0')
					return CCHC_NUM_PRECISION;
				continue; /* trailing zeros beyond the precision are harmless */
			}
			frac = frac * 10 + (*s - '0');
		}
		if (nfrac == 0)
			return CCHC_NUM_SYNTAX;
	}
	if (*s != '\0' || nwhole == 0)
		return CCHC_NUM_SYNTAX;
	for (int i = nfrac < frac_digits ? nfrac : frac_digits; i < frac_digits; i++)
		frac *= 10;
	int64_t unit = 1;
	for (int i = 0; i < frac_digits; i++)
		unit *= 10;
	if (whole > limit / unit)
		return CCHC_NUM_RANGE;
	int64_t v = whole * unit + frac;
	if (v > limit)
		return CCHC_NUM_RANGE;
	*out = neg ? -v : v;
	return CCHC_NUM_OK;
}

cchc_num_status cchc_points_parse(const char *text, cchc_points *out)
{
	return parse_fixed(text, 2, CCHC_POINTS_LIMIT, out);
}

cchc_num_status cchc_decimal_parse(const char *text, cchc_decimal *out)
{
	return parse_fixed(text, 6, CCHC_DECIMAL_LIMIT, out);
}

cchc_num_status cchc_count_parse(const char *text, int64_t *out)
{
	int64_t v = 0;
	size_t n = text ? strlen(text) : 0;

	if (n == 0)
		return CCHC_NUM_SYNTAX;
	for (size_t i = 0; i < n; i++)
		if (text[i] < '0' || text[i] > '9')
			return CCHC_NUM_SYNTAX;
	if (n > 9)
		return CCHC_NUM_RANGE;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (text[i] - '0');
	*out = v;
	return CCHC_NUM_OK;
}

/* Days from civil, after H. Hinnant's public-domain algorithm. */
static cchc_date days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (cchc_date)(era * 146097 + doe - 719468);
}

void cchc_date_split(cchc_date date, int *year, int *month, int *day)
{
	const int z = date + 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	const int d = doy - (153 * mp + 2) / 5 + 1;
	const int m = mp + (mp < 10 ? 3 : -9);
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

cchc_num_status cchc_date_parse(const char *text, cchc_date *out)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int v[3] = {0, 0, 0};
	static const int width[3] = {4, 2, 2};
	const char *s = text;

	if (!s)
		return CCHC_NUM_SYNTAX;
	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < width[f]; i++, s++) {
			if (*s < '0' || *s > '9')
				return CCHC_NUM_SYNTAX;
			v[f] = v[f] * 10 + (*s - '0');
		}
		if (f < 2 && *s++ != '-')
			return CCHC_NUM_SYNTAX;
	}
	if (*s != '\0')
		return CCHC_NUM_SYNTAX;
	if (v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1)
		return CCHC_NUM_RANGE;
	int dim = mdays[v[1] - 1] + (v[1] == 2 && leap(v[0]));
	if (v[2] > dim)
		return CCHC_NUM_RANGE;
	*out = days_from_civil(v[0], v[1], v[2]);
	return CCHC_NUM_OK;
}

const char *cchc_points_spell(char buf[24], cchc_points p)
{
	/* the sign is written apart: -75 / 100 is 0, and "-0.75" must keep it */
	uint64_t mag = p < 0 ? (uint64_t)0 - (uint64_t)p : (uint64_t)p;
	snprintf(buf, 24, "%s%" PRIu64 ".%02" PRIu64, p < 0 ? "-" : "", mag / 100, mag % 100);
	return buf;
}
