/* The workbook-wide parts a sheet reads through: styles.xml (which cell
 * formats show dates) and the shared-string table, each capped. */
#include "xlsx_priv.h"

#include <stdlib.h>
#include <string.h>

#define MAX_NUMFMTS 65536
#define ATTR_MAX 4096

int xlsx_format_is_date(const char *code)
{
	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"':
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			break;
		case '[':
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++; /* the character it escapes, pads or repeats */
			break;
		case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
			return 1;
		default:
			break;
		}
	}
	return 0;
}

static int builtin_date(unsigned id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static int hex4(const char *s, unsigned *cp)
{
	*cp = 0;
	for (int i = 0; i < 4; i++) {
		int c = (unsigned char)s[i], v;
		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'a' && c <= 'f')
			v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = c - 'A' + 10;
		else
			return 0;
		*cp = *cp * 16 + (unsigned)v;
	}
	return 1;
}

size_t xlsx_unescape(char *s, size_t n)
{
	size_t w = 0;
	for (size_t r = 0; r < n;) {
		unsigned cp;
		if (r + 7 <= n && s[r] == '_' && s[r + 1] == 'x' && s[r + 6] == '_' && hex4(s + r + 2, &cp) &&
		    cp != 0 && (cp < 0xD800 || cp > 0xDFFF)) {
			if (cp < 0x80) {
				s[w++] = (char)cp;
			} else if (cp < 0x800) {
				s[w++] = (char)(0xC0 | (cp >> 6));
				s[w++] = (char)(0x80 | (cp & 0x3F));
			} else {
				s[w++] = (char)(0xE0 | (cp >> 12));
				s[w++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				s[w++] = (char)(0x80 | (cp & 0x3F));
			}
			r += 7;
		} else {
			s[w++] = s[r++];
		}
	}
	if (w < n)
		s[w] = '\0';
	return w;
}

static int parse_uint(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	if (!s || !*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > max / 10)
			return 0;
		v = v * 10 + (unsigned)(*s - '0');
	}
	*out = v;
	return v <= max;
}

/* ---- styles.xml ------------------------------------------------------------ */

typedef struct {
	xlsx_sax p;
	cchc_xlsx *x;
	int in_xfs;
	unsigned *custom;      /* numFmtIds of custom date formats */
	size_t n_custom, cap_custom;
	unsigned *xf_fmt;      /* numFmtId per cellXfs entry */
	size_t n_xf, cap_xf;
	int oom;
} styles_parse;

static int push(unsigned **a, size_t *n, size_t *cap, unsigned v)
{
	unsigned *b = xlsx_grow(*a, *n, cap, sizeof *b);
	if (!b)
		return -1;
	*a = b;
	b[(*n)++] = v;
	return 0;
}

static void styles_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                         int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	styles_parse *st = user;
	char id[32], code[ATTR_MAX];
	unsigned long long v = 0;
	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndef;
	if (st->oom || st->p.failed)
		return;
	if (xlsx_is(local, "cellXfs")) {
		st->in_xfs = 1;
	} else if (xlsx_is(local, "numFmt")) {
		const char *c = xlsx_attr(attrs, nattrs, "formatCode", code, sizeof code);
		if (parse_uint(xlsx_attr(attrs, nattrs, "numFmtId", id, sizeof id), 0xFFFFFFFFu, &v) && c &&
		    xlsx_format_is_date(c) && st->n_custom < MAX_NUMFMTS &&
		    push(&st->custom, &st->n_custom, &st->cap_custom, (unsigned)v) < 0)
			st->oom = 1;
	} else if (st->in_xfs && xlsx_is(local, "xf")) {
		if (st->n_xf >= XLSX_MAX_XF) {
			xlsx_report(st->p.diag, st->x->name, st->x->lang, XM_XF_COUNT, XLSX_MAX_XF);
			xlsx_xml_fail(&st->p);
			return;
		}
		if (!parse_uint(xlsx_attr(attrs, nattrs, "numFmtId", id, sizeof id), 0xFFFFFFFFu, &v))
			v = 0;
		if (push(&st->xf_fmt, &st->n_xf, &st->cap_xf, (unsigned)v) < 0)
			st->oom = 1;
	}
}

static void styles_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	styles_parse *st = user;
	(void)prefix;
	(void)uri;
	if (xlsx_is(local, "cellXfs"))
		st->in_xfs = 0;
}

int xlsx_styles_load(cchc_xlsx *x, const xlsx_entry *e, cchc_diag *diag)
{
	styles_parse st = {.p = {.x = x, .part = e->name, .diag = diag}, .x = x};
	xmlSAXHandler sax = {0};
	sax.startElementNs = styles_start;
	sax.endElementNs = styles_end;
	int rc = xlsx_xml_parse(&st.p, e, &sax);
	if (rc == 0 && !st.oom && st.n_xf) {
		x->xf_date = malloc(st.n_xf);
		if (!x->xf_date)
			st.oom = 1;
		for (size_t i = 0; x->xf_date && i < st.n_xf; i++) {
			unsigned f = st.xf_fmt[i];
			int date = builtin_date(f);
			for (size_t k = 0; !date && k < st.n_custom; k++)
				date = st.custom[k] == f;
			x->xf_date[i] = (unsigned char)date;
		}
		x->n_xf = x->xf_date ? st.n_xf : 0;
	}
	if (st.oom) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
	}
	free(st.custom);
	free(st.xf_fmt);
	return rc;
}

/* ---- sharedStrings.xml ------------------------------------------------------ */

typedef struct {
	xlsx_sax p;
	cchc_xlsx *x;
	size_t cap;
	int in_si, in_t, phonetic;
	uint64_t bytes;        /* text kept so far */
	cchc_buf text;         /* the current string */
	int oom;
} sst_parse;

static void sst_over(sst_parse *s, xlsx_msg id)
{
	if (id == XM_SST_COUNT)
		xlsx_report(s->p.diag, s->x->name, s->x->lang, id, s->x->lim.strings);
	else
		xlsx_report(s->p.diag, s->x->name, s->x->lang, id,
		            (unsigned long long)(s->x->lim.string_bytes / XLSX_MIB));
	xlsx_xml_fail(&s->p);
}

static void sst_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                      int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	sst_parse *s = user;
	char buf[32];
	unsigned long long declared = 0;
	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndef;
	if (s->p.failed)
		return;
	if (xlsx_is(local, "sst")) {
		/* a declared count over the cap is refused before a string is read */
		if (parse_uint(xlsx_attr(attrs, nattrs, "uniqueCount", buf, sizeof buf), ~0ULL, &declared) &&
		    declared > s->x->lim.strings)
			sst_over(s, XM_SST_COUNT);
	} else if (xlsx_is(local, "si")) {
		s->in_si = 1;
		s->phonetic = 0;
		cchc_buf_dispose(&s->text);
	} else if (xlsx_is(local, "rPh")) {
		s->phonetic++;
	} else if (xlsx_is(local, "t") && s->in_si && !s->phonetic) {
		s->in_t = 1;
	}
}

static void sst_chars(void *user, const xmlChar *ch, int len)
{
	sst_parse *s = user;
	if (!s->in_t || s->p.failed)
		return;
	if (cchc_buf_append(&s->text, (const char *)ch, (size_t)len) == 0)
		return;
	if (s->text.failed == CCHC_BUF_OVER_CAP) {
		sst_over(s, XM_SST_BYTES);
	} else {
		s->oom = 1;
		xlsx_xml_fail(&s->p);
	}
}

static void sst_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	sst_parse *s = user;
	cchc_xlsx *x = s->x;
	(void)prefix;
	(void)uri;
	if (s->p.failed)
		return;
	if (xlsx_is(local, "t")) {
		s->in_t = 0;
	} else if (xlsx_is(local, "rPh")) {
		s->phonetic--;
	} else if (xlsx_is(local, "si") && s->in_si) {
		s->in_si = 0;
		if (x->n_sst >= x->lim.strings) {
			sst_over(s, XM_SST_COUNT);
			return;
		}
		const char **b = xlsx_grow(x->sst, x->n_sst, &s->cap, sizeof *b);
		if (b)
			x->sst = b;
		size_t n = s->text.data ? xlsx_unescape(s->text.data, s->text.len) : 0;
		if (s->bytes + n > x->lim.string_bytes) {
			sst_over(s, XM_SST_BYTES);
			return;
		}
		const char *kept = b ? cchc_arena_strndup(&x->mem, s->text.data ? s->text.data : "", n) : NULL;
		if (!kept) {
			s->oom = 1;
			xlsx_xml_fail(&s->p);
			return;
		}
		s->bytes += n;
		x->sst[x->n_sst++] = kept;
	}
}

int xlsx_sst_load(cchc_xlsx *x, const xlsx_entry *e, cchc_diag *diag)
{
	sst_parse s = {.p = {.x = x, .part = e->name, .diag = diag}, .x = x};
	cchc_buf_init(&s.text, x->lim.string_bytes);
	xmlSAXHandler sax = {0};
	sax.startElementNs = sst_start;
	sax.endElementNs = sst_end;
	sax.characters = sst_chars;
	int rc = xlsx_xml_parse(&s.p, e, &sax);
	if (s.oom) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
	}
	cchc_buf_dispose(&s.text);
	return rc;
}
