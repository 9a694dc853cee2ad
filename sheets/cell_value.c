/* Cell values as people type them in Vietnamese offices: numbers with a
 * decimal comma and dotted or spaced thousands, yes/no words with or without
 * diacritics, "không áp dụng". Numbers stay exact: digits and a power of
 * ten, scaled to integers, never through a double. */
#include "cell_priv.h"

#include <string.h>

#define MAX_DIGITS CELL_MAX_DIGITS
#define MAX_TEXT 96

/* ---- exact decimals ------------------------------------------------------- */

/* A NUMBER cell's stored text: -?D[.F][E[+-]X]. */
int cell_parse_stored(const char *s, cell_dec *d)
{
	memset(d, 0, sizeof *d);
	if (*s == '-') {
		d->neg = 1;
		s++;
	}
	int seen = 0, frac = 0;
	for (; (*s >= '0' && *s <= '9') || (*s == '.' && !frac); s++) {
		if (*s == '.') {
			frac = 1;
			continue;
		}
		seen = 1;
		if (d->nd == 0 && *s == '0') {
			if (frac)
				d->exp--; /* a leading zero after the point */
			continue;
		}
		if (d->nd >= MAX_DIGITS) {
			if (!frac)
				d->exp++; /* digits past the precision kept: only their weight */
			continue;
		}
		d->digits[d->nd++] = (char)(*s - '0');
		if (frac)
			d->exp--;
	}
	if (!seen)
		return -1;
	if (*s == 'E' || *s == 'e') {
		s++;
		int neg = *s == '-';
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return -1;
		long e = 0;
		for (; *s >= '0' && *s <= '9'; s++)
			if (e < 100000)
				e = e * 10 + (*s - '0');
		d->exp += (int)(neg ? -e : e);
	}
	return *s == '\0' ? 0 : -1;
}

cchc_num_status cell_scale(const cell_dec *d, int places, int mode, int64_t *out)
{
	static const uint64_t limit_units = 1000000000u; /* 10^9 whole units */
	if (places < 0 || places > 9)
		return CCHC_NUM_RANGE;
	uint64_t limit = limit_units;
	for (int i = 0; i < places; i++)
		limit *= 10;
	long e = (long)d->exp + places;
	uint64_t v = 0;
	int frac_nonzero = 0, round_up = 0;
	if (d->nd == 0) {
		*out = 0;
		return CCHC_NUM_OK;
	}
	if (e >= 0) {
		if (d->nd + e > 19)
			return CCHC_NUM_RANGE;
		for (int i = 0; i < d->nd; i++)
			v = v * 10 + (uint64_t)d->digits[i];
		for (long i = 0; i < e; i++) {
			if (v > limit)
				return CCHC_NUM_RANGE;
			v *= 10;
		}
	} else {
		long k = -e; /* digits after the scaled point */
		long int_digits = d->nd - k;
		for (long i = 0; i < int_digits; i++) {
			if (v > limit)
				return CCHC_NUM_RANGE;
			v = v * 10 + (uint64_t)d->digits[i];
		}
		/* the first 18 digits of the fraction, and whether any further one is set */
		uint64_t f18 = 0;
		int rest = 0;
		for (long i = 0; i < 18; i++) {
			long at = int_digits + i;
			int digit = at >= 0 && at < d->nd ? d->digits[at] : 0;
			f18 = f18 * 10 + (uint64_t)digit;
		}
		for (long at = int_digits + 18; at < d->nd; at++)
			if (at >= 0 && d->digits[at])
				rest = 1;
		frac_nonzero = f18 != 0 || rest;
		if (frac_nonzero) {
			uint64_t one = 1000000000000000000u, tol = 1000000000u; /* 10^18, 10^(9+places) */
			for (int i = 0; i < places; i++)
				tol *= 10;
			if (mode == CELL_TRUNCATE) {
				/* floor of the magnitude: the caller rounds negatives */
			} else if (mode == CELL_NOISE && (f18 < tol || (f18 == tol && !rest))) {
				frac_nonzero = 0;
			} else if (mode == CELL_NOISE && f18 >= one - tol) {
				frac_nonzero = 0;
				round_up = 1;
			} else {
				return CCHC_NUM_PRECISION;
			}
		}
	}
	v += (uint64_t)round_up;
	if (v > limit)
		return CCHC_NUM_RANGE;
	*out = d->neg ? -(int64_t)v : (int64_t)v;
	if (mode == CELL_TRUNCATE && frac_nonzero && d->neg)
		*out -= 1; /* floor */
	return CCHC_NUM_OK;
}

/* ---- text as typed ---------------------------------------------------------- */

/* White space around a value, no-break spaces included: the length of the
 * one at s, or 0. */
static size_t space_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2; /* U+00A0 */
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x87 || u[2] == 0x89))
		return 3; /* U+202F, U+2007, U+2009 */
	return 0;
}

/* s trimmed, inner spaces of any kind as ' ', into buf; -1 when too long. */
static int trim_copy(const char *s, char *buf, size_t size)
{
	size_t k, n = 0;
	while ((k = space_at(s)) > 0)
		s += k;
	while (*s) {
		if ((k = space_at(s)) > 0) {
			s += k;
			if (n + 1 >= size)
				return -1;
			buf[n++] = ' ';
		} else {
			if (n + 1 >= size)
				return -1;
			buf[n++] = *s++;
		}
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return 0;
}

/* Digits of an integer part in groups of three after the first (1-3), split
 * by sep; sep 0 means no separator may appear. Appended to d. */
static int int_part(const char *s, size_t n, char sep, cell_dec *d)
{
	size_t group = 0;
	int groups = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			group++;
			if (d->nd >= MAX_DIGITS)
				return -1;
			if (d->nd || s[i] != '0')
				d->digits[d->nd++] = (char)(s[i] - '0');
			continue;
		}
		if (!sep || s[i] != sep || group == 0 || (groups == 0 && group > 3) ||
		    (groups > 0 && group != 3))
			return -1;
		groups++;
		group = 0;
	}
	if (groups > 0 && group != 3)
		return -1;
	return 0;
}

cchc_num_status cell_parse_typed(const char *text, int whole, cell_dec *d)
{
	char buf[MAX_TEXT];
	memset(d, 0, sizeof *d);
	if (trim_copy(text, buf, sizeof buf) < 0)
		return CCHC_NUM_SYNTAX;
	const char *s = buf;
	if (*s == '-' || *s == '+') {
		d->neg = *s == '-';
		s++;
	}
	size_t n = strlen(s), commas = 0, dots = 0, spaces = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',')
			commas++;
		else if (s[i] == '.')
			dots++;
		else if (s[i] == ' ')
			spaces++;
		else if (s[i] < '0' || s[i] > '9')
			return CCHC_NUM_SYNTAX;
	}
	char mark = 0, sep = 0;
	if (commas == 1) {
		mark = ',';
		sep = dots ? '.' : ' ';
		if (dots && spaces)
			return CCHC_NUM_SYNTAX;
	} else if (commas > 1) {
		sep = ',';
		mark = dots == 1 ? '.' : 0;
		if (dots > 1 || spaces)
			return CCHC_NUM_SYNTAX;
	} else if (dots == 1) {
		const char *dot = strchr(s, '.');
		/* a whole number: "1.234" can only be thousands */
		if (whole && strlen(dot + 1) == 3 && !spaces)
			sep = '.';
		else
			mark = '.', sep = ' ';
	} else {
		sep = dots ? '.' : ' ';
		if (dots && spaces)
			return CCHC_NUM_SYNTAX;
	}
	const char *m = mark ? strrchr(s, mark) : NULL;
	size_t int_len = m ? (size_t)(m - s) : n;
	if (int_part(s, int_len, sep, d) < 0)
		return CCHC_NUM_SYNTAX;
	int digits = (int)int_len;
	if (m) {
		const char *f = m + 1;
		if (!*f)
			return CCHC_NUM_SYNTAX;
		for (; *f; f++) {
			if (*f < '0' || *f > '9' || d->nd >= MAX_DIGITS)
				return CCHC_NUM_SYNTAX;
			d->exp--;
			if (d->nd || *f != '0')
				d->digits[d->nd++] = (char)(*f - '0');
		}
		digits += 1;
	}
	return digits > 0 && n > 0 ? CCHC_NUM_OK : CCHC_NUM_SYNTAX;
}

/* A cell's number: NUMBER exactly (with a double's noise forgiven), TEXT as typed. */
static cchc_num_status cell_number(const cchc_cell *c, int places, int whole, int64_t *out)
{
	cell_dec d;
	if (!c)
		return CCHC_NUM_SYNTAX;
	if (c->type == CCHC_CELL_NUMBER)
		return cell_parse_stored(c->text, &d) < 0 ? CCHC_NUM_SYNTAX
		                                          : cell_scale(&d, places, CELL_NOISE, out);
	if (c->type != CCHC_CELL_TEXT)
		return CCHC_NUM_SYNTAX;
	cchc_num_status st = cell_parse_typed(c->text, whole, &d);
	return st != CCHC_NUM_OK ? st : cell_scale(&d, places, CELL_EXACT, out);
}

cchc_num_status cchc_cell_decimal(const cchc_cell *c, int places, int64_t *out)
{
	int64_t v;
	cchc_num_status st = cell_number(c, places, 0, &v);
	if (st == CCHC_NUM_OK)
		*out = v;
	return st;
}

cchc_num_status cchc_cell_count(const cchc_cell *c, int64_t *out)
{
	int64_t v;
	cchc_num_status st = cell_number(c, 0, 1, &v);
	if (st != CCHC_NUM_OK)
		return st;
	if (v < 0 || v > 999999999)
		return CCHC_NUM_RANGE;
	*out = v;
	return CCHC_NUM_OK;
}

/* ---- words ------------------------------------------------------------------ */

/* The ASCII letter a Vietnamese letter folds to, or 0 for other code points. */
static char fold_cp(unsigned cp)
{
	/* U+00C0..U+00FF */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuy\0saaaaaaaceeeeiiiidnooooo\0ouuuuy\0y";
	/* U+1EA0..U+1EF9: ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ẹ ẻ ẽ ế ề ể ễ ệ ỉ ị ọ ỏ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ụ ủ ứ ừ ử ữ ự ỳ ỵ ỷ ỹ */
	static const char ext[] = "aaaaaaaaaaaaaaaaaaaaaaaa" "eeeeeeeeeeeeeeee" "iiii"
	                          "oooooooooooooooooooooooo" "uuuuuuuuuuuuuu" "yyyyyyyy";
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	if (cp >= 0x1EA0 && cp <= 0x1EF9)
		return ext[cp - 0x1EA0];
	switch (cp) {
	case 0x102: case 0x103: return 'a';
	case 0x110: case 0x111: return 'd';
	case 0x128: case 0x129: return 'i';
	case 0x168: case 0x169: return 'u';
	case 0x1A0: case 0x1A1: return 'o';
	case 0x1AF: case 0x1B0: return 'u';
	default: return 0;
	}
}

/* One UTF-8 code point at s (its length in *len; invalid bytes are one each). */
static unsigned decode(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	int n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	unsigned cp = n == 2 ? s[0] & 0x1Fu : n == 3 ? s[0] & 0x0Fu : s[0] & 0x07u;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			n = 0;
			break;
		}
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if (n == 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = (size_t)n;
	return cp;
}

size_t cchc_text_fold(char *out, size_t size, const char *in)
{
	size_t n = 0, k;
	int pending_space = 0;
	const char *s = in;
	while ((k = space_at(s)) > 0)
		s += k;
	while (*s) {
		if ((k = space_at(s)) > 0) {
			s += k;
			pending_space = 1;
			continue;
		}
		size_t len;
		unsigned cp = decode((const unsigned char *)s, &len);
		const char *bytes = s;
		s += len;
		if (cp >= 0x300 && cp <= 0x36F)
			continue; /* a combining mark (text in NFD) */
		if (pending_space) {
			if (n + 1 < size)
				out[n] = ' ';
			n++;
			pending_space = 0;
		}
		char a = cp < 0x80 ? (char)cp : fold_cp(cp);
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a) {
			if (n + 1 < size)
				out[n] = a;
			n++;
		} else {
			for (size_t i = 0; i < len; i++, n++)
				if (n + 1 < size)
					out[n] = bytes[i];
		}
	}
	out[n < size ? n : size - 1] = '\0';
	return n;
}

static int fold_cell(const cchc_cell *c, char *buf, size_t size)
{
	if (!c || (c->type != CCHC_CELL_TEXT && c->type != CCHC_CELL_NUMBER && c->type != CCHC_CELL_BOOL))
		return -1;
	return cchc_text_fold(buf, size, c->text) < size ? 0 : -1;
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

int cchc_cell_yesno(const cchc_cell *c)
{
	static const char *const yes[] = {"co", "x", "dat", "true", "1", "yes", "y", NULL};
	static const char *const no[] = {"khong", "khong dat", "chua dat", "false", "0", "no", "n", NULL};
	char buf[64];
	if (fold_cell(c, buf, sizeof buf) < 0)
		return -1;
	return in_list(buf, yes) ? 1 : in_list(buf, no) ? 0 : -1;
}

int cchc_cell_is_na(const cchc_cell *c)
{
	static const char *const na[] = {"khong ap dung", "kad", "n/a", "na", NULL};
	char buf[64];
	return c && c->type == CCHC_CELL_TEXT && fold_cell(c, buf, sizeof buf) == 0 && in_list(buf, na);
}
