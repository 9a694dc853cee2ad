/* The locale layer: the one place numbers and dates become text. Exact
 * integer arithmetic only (points are hundredths, decimals millionths). */
#include "cchc/report.h"

#include <stdint.h>
#include <stdio.h>

int cchc_lang_parse(const char *s, cchc_lang *out)
{
	if (!s || !s[0] || !s[1] || s[2])
		return -1;
	char a = (char)(s[0] | 0x20), b = (char)(s[1] | 0x20);
	if (a == 'v' && b == 'i')
		*out = CCHC_LANG_VI;
	else if (a == 'e' && b == 'n')
		*out = CCHC_LANG_EN;
	else
		return -1;
	return 0;
}

static char decimal_mark(cchc_lang lang)
{
	return lang == CCHC_LANG_EN ? '.' : ',';
}

/* The magnitude without overflow, even for INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/*
 * Write sign, whole part and `digits` fractional digits of v / 10^digits.
 * trim: drop trailing fractional zeros (and the mark when none remain).
 * plus: write '+' before positive values.
 */
static void fmt_fixed(char out[CCHC_FMT_SIZE], int64_t v, unsigned digits, int trim, int plus,
                      cchc_lang lang)
{
	uint64_t scale = 1;
	for (unsigned i = 0; i < digits; i++)
		scale *= 10;
	uint64_t m = magnitude(v);
	uint64_t whole = m / scale, frac = m % scale;
	char fr[8];
	unsigned n = digits;
	for (unsigned i = digits; i > 0; i--) {
		fr[i - 1] = (char)('0' + frac % 10);
		frac /= 10;
	}
	if (trim)
		while (n > 0 && fr[n - 1] == '0')
			n--;
	const char *sign = v < 0 ? "-" : (plus && v > 0 ? "+" : "");
	if (n == 0)
		snprintf(out, CCHC_FMT_SIZE, "%s%llu", sign, (unsigned long long)whole);
	else
		snprintf(out, CCHC_FMT_SIZE, "%s%llu%c%.*s", sign, (unsigned long long)whole,
		         decimal_mark(lang), (int)n, fr);
}

void cchc_fmt_points(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang)
{
	fmt_fixed(out, p, 2, 0, 0, lang);
}

void cchc_fmt_points_short(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang)
{
	fmt_fixed(out, p, 2, 1, 0, lang);
}

void cchc_fmt_points_signed(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang)
{
	fmt_fixed(out, p, 2, 0, 1, lang);
}

void cchc_fmt_decimal(char out[CCHC_FMT_SIZE], cchc_decimal d, cchc_lang lang)
{
	fmt_fixed(out, d, 6, 1, 0, lang);
}

void cchc_fmt_decimal_prec(char out[CCHC_FMT_SIZE], cchc_decimal d, unsigned places,
                           cchc_lang lang)
{
	if (places >= 6) {
		fmt_fixed(out, d, 6, 1, 0, lang);
		return;
	}
	int64_t cut = 1;
	for (unsigned i = places; i < 6; i++)
		cut *= 10;
	/* Truncating toward zero never shows more than was reached. */
	fmt_fixed(out, d / cut, places, 1, 0, lang);
}

void cchc_fmt_percent(char out[CCHC_FMT_SIZE], int64_t hundredths, cchc_lang lang)
{
	fmt_fixed(out, hundredths, 2, 0, 0, lang);
}

void cchc_fmt_date(char out[CCHC_FMT_SIZE], cchc_date date, cchc_lang lang)
{
	(void)lang; /* dd/mm/yyyy is usual in both languages' reports */
	int y, m, d;
	cchc_date_split(date, &y, &m, &d);
	snprintf(out, CCHC_FMT_SIZE, "%02d/%02d/%04d", d, m, y);
}
