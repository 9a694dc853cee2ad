/* The engine's diagnostics said again in Vietnamese (diag_say.h): the English
 * message is matched against the engine's format, value by value, and the
 * Vietnamese of the same format is filled with those values. The table of
 * every engine message is diag_vi_table.c. */
#include "cchc/diag_say.h"

#include <stdio.h>
#include <string.h>

#define MAX_VALUES 9
#define MAX_DEPTH 3 /* "%m" inside "%m" inside… */

enum { LIT, STR, INT };

typedef struct {
	const char *v[MAX_VALUES];
	size_t len[MAX_VALUES];
	int quoted[MAX_VALUES];
} values;

/* diag_vi_table.c: the engine's messages, and the parts of them ("%m") */
extern const cchc_diag_phrase cchc_diag_vi_phrases[], cchc_diag_vi_parts[];
extern const size_t cchc_diag_vi_nphrases, cchc_diag_vi_nparts;

const cchc_diag_phrase *cchc_diag_vi_table(size_t *n)
{
	*n = cchc_diag_vi_nphrases;
	return cchc_diag_vi_phrases;
}

const cchc_diag_phrase *cchc_diag_vi_part_table(size_t *n)
{
	*n = cchc_diag_vi_nparts;
	return cchc_diag_vi_parts;
}

/* The conversion at p (*p == '%'): its length and kind; "%%" and a '%' that
 * starts no conversion ("100 %: …") are a literal '%'. */
static size_t conversion(const char *p, int *kind)
{
	*kind = LIT;
	if (p[1] == 's') {
		*kind = STR;
		return 2;
	}
	size_t k = 1;
	if (p[1] == '.') { /* a precision: "%.*s", "%.64s" */
		k = p[2] == '*' ? 3 : 2;
		while (p[k] >= '0' && p[k] <= '9')
			k++;
		if (p[k] == 's') {
			*kind = STR;
			return k + 1;
		}
		return 1;
	}
	while (p[k] == 'l' || p[k] == 'z' || p[k] == 'h' || p[k] == 'j')
		k++;
	if (p[k] == 'd' || p[k] == 'i' || p[k] == 'u') {
		*kind = INT;
		return k + 1;
	}
	return p[1] == '%' ? 2 : 1;
}

/* Match m against the pattern from p on; values from index n. A string value
 * ends at the first place the rest matches (so "%s: %s" splits at the first
 * ": "); one right before another conversion is empty, the later takes it all.
 * The number of values, or -1. */
static int match(const char *pat, const char *p, const char *m, values *vs, int n)
{
	for (;;) {
		if (*p == '\0')
			return *m == '\0' ? n : -1;
		int kind = LIT;
		size_t k = *p == '%' ? conversion(p, &kind) : 1;
		if (kind == LIT) {
			if (*m != (*p == '%' ? '%' : *p))
				return -1;
			p += k;
			m++;
			continue;
		}
		if (n == MAX_VALUES)
			return -1;
		vs->v[n] = m;
		vs->quoted[n] = p > pat && p[-1] == '"';
		p += k;
		if (kind == INT) {
			const char *e = m + (*m == '-');
			const char *digits = e;
			while (*e >= '0' && *e <= '9')
				e++;
			if (e == digits)
				return -1;
			vs->len[n++] = (size_t)(e - m);
			m = e;
			continue;
		}
		int next = LIT;
		if (*p == '%')
			conversion(p, &next);
		if (*p == '\0' || next != LIT) {
			vs->len[n] = next != LIT ? 0 : strlen(m);
			if (*p == '\0')
				return n + 1;
			n++;
			continue;
		}
		const char stop = *p == '%' ? '%' : *p;
		for (const char *e = m; (e = strchr(e, stop)); e++) {
			vs->len[n] = (size_t)(e - m);
			int r = match(pat, p, e, vs, n + 1);
			if (r >= 0)
				return r;
		}
		return -1;
	}
}

/* n bytes at needle, first found in hay, or NULL. */
static const char *find(const char *hay, const char *needle, size_t n)
{
	for (const char *h = strchr(hay, *needle); h; h = strchr(h + 1, *needle))
		if (strncmp(h, needle, n) == 0)
			return h;
	return NULL;
}

/* Whether m holds the pattern's literal pieces in order, the first at its start
 * and the last at its end: a quick no for nearly every pattern. A piece with a
 * literal '%' is not looked for. */
static int plausible(const char *p, const char *m)
{
	if (*p != '%' && *p != *m)
		return 0;
	const size_t ml = strlen(m);
	const char *from = m;
	for (int first = 1; *p; first = 0) {
		const char *piece = p;
		int kind = LIT, percent = 0;
		while (*p) {
			size_t k = *p == '%' ? conversion(p, &kind) : 1;
			if (kind != LIT)
				break;
			percent |= *p == '%';
			p += k;
		}
		const size_t n = (size_t)(p - piece);
		if (n && !percent) {
			if (!*p) /* the last piece ends the message */
				return ml - (size_t)(from - m) >= n && strncmp(m + ml - n, piece, n) == 0;
			const char *at = first ? (strncmp(m, piece, n) == 0 ? m : NULL) : find(from, piece, n);
			if (!at)
				return 0;
			from = at + n;
		}
		if (*p)
			p += conversion(p, &kind);
	}
	return 1;
}

typedef struct {
	char *out;
	size_t size, k;
} sink;

static void put(sink *s, const char *v, size_t n)
{
	if (s->k + 1 >= s->size)
		return;
	if (n > s->size - 1 - s->k) { /* cut on a UTF-8 character boundary */
		n = s->size - 1 - s->k;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(s->out + s->k, v, n);
	s->k += n;
	s->out[s->k] = '\0';
}

static int say(const cchc_diag_phrase *table, size_t nt, const char *en, char *out, size_t size,
               int depth);

/* "8.25" → "8,25" unless quoted; anything else as it is. */
static void put_value(sink *s, const char *v, size_t n, int quoted)
{
	size_t dots = 0, digits = 0;
	for (size_t i = 0; i < n; i++) {
		dots += v[i] == '.';
		digits += v[i] >= '0' && v[i] <= '9';
	}
	const int number = !quoted && digits && dots <= 1 && digits + dots + (v[0] == '-') == n;
	const char *dot = number ? memchr(v, '.', n) : NULL;
	if (!dot) {
		put(s, v, n);
		return;
	}
	put(s, v, (size_t)(dot - v));
	put(s, ",", 1);
	put(s, dot + 1, n - (size_t)(dot - v) - 1);
}

/* A value said again: a message of the general table, or a part of one. */
static void put_message(sink *s, const char *v, size_t n, int depth)
{
	char in[CCHC_DIAG_SAY_SIZE], said[CCHC_DIAG_SAY_SIZE];
	if (n >= sizeof in)
		n = sizeof in - 1;
	memcpy(in, v, n);
	in[n] = '\0';
	if (depth < MAX_DEPTH &&
	    (say(cchc_diag_vi_phrases, cchc_diag_vi_nphrases, in, said, sizeof said, depth + 1) ||
	     say(cchc_diag_vi_parts, cchc_diag_vi_nparts, in, said, sizeof said, depth + 1)))
		put(s, said, strlen(said));
	else
		put(s, in, n);
}

static int say(const cchc_diag_phrase *table, size_t nt, const char *en, char *out, size_t size,
               int depth)
{
	for (size_t t = 0; t < nt; t++) {
		values vs;
		if (!plausible(table[t].en, en))
			continue;
		int n = match(table[t].en, table[t].en, en, &vs, 0);
		if (n < 0)
			continue;
		sink s = {out, size, 0};
		out[0] = '\0';
		for (const char *v = table[t].vi; *v;) {
			const char *pct = strchr(v, '%');
			if (!pct) {
				put(&s, v, strlen(v));
				break;
			}
			put(&s, v, (size_t)(pct - v));
			const char how = pct[1] == 'r' || pct[1] == 'm' || pct[1] == 'x' ? pct[1] : 0;
			const char d = pct[how ? 2 : 1];
			if (d < '1' || d > '9' || d - '1' >= n) {
				put(&s, "%", 1);
				v = pct + 1;
				continue;
			}
			const int i = d - '1';
			if (how == 'm')
				put_message(&s, vs.v[i], vs.len[i], depth);
			else if (how != 'x') /* "%x": an English inflection, not said */
				put_value(&s, vs.v[i], vs.len[i], how == 'r' || vs.quoted[i]);
			v = pct + (how ? 3 : 2);
		}
		return 1;
	}
	return 0;
}

static int copy(const char *en, char *out, size_t size)
{
	sink s = {out, size, 0};
	if (size)
		out[0] = '\0';
	put(&s, en, strlen(en));
	return 0;
}

int cchc_diag_say(const char *en, cchc_lang lang, char *out, size_t size)
{
	if (!size)
		return 0;
	if (lang == CCHC_LANG_VI && say(cchc_diag_vi_phrases, cchc_diag_vi_nphrases, en, out, size, 0))
		return 1;
	return copy(en, out, size);
}

int cchc_diag_say_with(const cchc_diag_phrase *table, size_t n, const char *en, char *out,
                       size_t size)
{
	if (!size)
		return 0;
	if (say(table, n, en, out, size, 0))
		return 1;
	return cchc_diag_say(en, CCHC_LANG_VI, out, size);
}

int cchc_diag_say_after(const char *located, cchc_lang lang, char *out, size_t size)
{
	if (!size)
		return 0;
	for (const char *c = strstr(located, ": "); lang == CCHC_LANG_VI && c; c = strstr(c + 1, ": ")) {
		const size_t where = (size_t)(c + 2 - located);
		if (where >= size)
			break;
		if (say(cchc_diag_vi_phrases, cchc_diag_vi_nphrases, c + 2, out + where, size - where, 0)) {
			memcpy(out, located, where);
			return 1;
		}
	}
	return copy(located, out, size);
}
