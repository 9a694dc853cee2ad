/* One worksheet's cells, streamed out of its part: each <c> becomes a
 * cchc_cell as its end tag arrives (shared strings borrowed from the
 * workbook, other text kept in the sheet's arena), rows and columns checked
 * against Excel's limits and the cells with values against the cap. */
#include "xlsx_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cchc_sheet {
	cchc_cell *cells;
	size_t n, cap;
	uint32_t *hidden; /* hidden rows, sorted */
	size_t n_hidden, cap_hidden;
	uint32_t rows;
	cchc_arena mem;
};

typedef struct {
	xlsx_sax p;
	const cchc_xlsx *x;
	cchc_sheet *s;
	const char *sheet;   /* its name, for messages */
	int in_data;
	uint32_t row, col;   /* the current row; the last column in it */
	int in_cell, in_v, in_f, in_is, in_t, phonetic;
	uint32_t c_row, c_col;
	char type[16];
	unsigned long style;
	cchc_buf v, f, is;   /* the cell's <v>, <f> and inline string */
	int has_v, has_f, has_is;
	int in_order;        /* cells arrived row-major */
	int oom;
} sheet_parse;

const char *cchc_cell_ref(char buf[16], uint32_t row, uint32_t col)
{
	char letters[8];
	int n = 0;
	for (uint32_t c = col; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	int w = 0;
	while (n > 0)
		buf[w++] = letters[--n];
	snprintf(buf + w, (size_t)(16 - w), "%lu", (unsigned long)row);
	return buf;
}

static void fail(sheet_parse *sp, xlsx_msg id, const char *a, const char *b)
{
	const cchc_xlsx *x = sp->x;
	switch (id) {
	case XM_CELLS:
		xlsx_report(sp->p.diag, x->name, x->lang, id, sp->sheet, x->lim.cells);
		break;
	case XM_TEXT_LONG:
		xlsx_report(sp->p.diag, x->name, x->lang, id, sp->sheet, a, XLSX_MAX_TEXT >> 10);
		break;
	case XM_OOM:
		sp->oom = 1;
		break;
	default:
		xlsx_report(sp->p.diag, x->name, x->lang, id, sp->sheet, a, b);
		break;
	}
	xlsx_xml_fail(&sp->p);
}

/* A whole number of at most 10 digits, or -1 (not one); > max gives max + 1. */
static long long parse_index(const char *s, unsigned long long max)
{
	unsigned long long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v <= max)
			v = v * 10 + (unsigned)(*s - '0');
	}
	return (long long)(v > max ? max + 1 : v);
}

static void row_start(sheet_parse *sp, const xmlChar **attrs, int nattrs)
{
	char buf[64];
	const char *r = xlsx_attr(attrs, nattrs, "r", buf, sizeof buf);
	if (r) {
		long long v = parse_index(r, XLSX_MAX_ROW);
		if (v <= 0) {
			fail(sp, XM_BAD_REF, r, NULL);
			return;
		}
		if (v > XLSX_MAX_ROW) {
			fail(sp, XM_ROW_LIMIT, r, NULL);
			return;
		}
		if ((uint32_t)v <= sp->row)
			sp->in_order = 0;
		sp->row = (uint32_t)v;
	} else if (++sp->row > XLSX_MAX_ROW) {
		snprintf(buf, sizeof buf, "%lu", (unsigned long)sp->row);
		fail(sp, XM_ROW_LIMIT, buf, NULL);
		return;
	}
	sp->col = 0;
	const char *h = xlsx_attr(attrs, nattrs, "hidden", buf, sizeof buf);
	if (h && (strcmp(h, "1") == 0 || strcmp(h, "true") == 0)) {
		cchc_sheet *s = sp->s;
		uint32_t *b = xlsx_grow(s->hidden, s->n_hidden, &s->cap_hidden, sizeof *b);
		if (!b) {
			fail(sp, XM_OOM, NULL, NULL);
			return;
		}
		s->hidden = b;
		b[s->n_hidden++] = sp->row;
	}
}

/* "AB12" into (row, col); 0, or -1 after a diagnostic. */
static int parse_ref(sheet_parse *sp, const char *ref, uint32_t *row, uint32_t *col)
{
	const char *p = ref;
	unsigned long c = 0;
	int letters = 0;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++, letters++)
		if (letters < 7)
			c = c * 26 + (unsigned long)((*p | 0x20) - 'a' + 1);
	long long r = parse_index(p, XLSX_MAX_ROW);
	if (letters == 0 || r <= 0) {
		fail(sp, XM_BAD_REF, ref, NULL);
		return -1;
	}
	if (letters > 3 || c > XLSX_MAX_COL) {
		fail(sp, XM_COL_LIMIT, ref, NULL);
		return -1;
	}
	if (r > XLSX_MAX_ROW) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s", p);
		fail(sp, XM_ROW_LIMIT, buf, NULL);
		return -1;
	}
	*row = (uint32_t)r;
	*col = (uint32_t)c;
	return 0;
}

static void cell_start(sheet_parse *sp, const xmlChar **attrs, int nattrs)
{
	char buf[64];
	const char *ref = xlsx_attr(attrs, nattrs, "r", buf, sizeof buf);
	uint32_t row = sp->row ? sp->row : 1, col = sp->col + 1;
	if (ref && parse_ref(sp, ref, &row, &col) < 0)
		return;
	if (!ref && col > XLSX_MAX_COL) {
		char r[16];
		fail(sp, XM_COL_LIMIT, cchc_cell_ref(r, row, XLSX_MAX_COL), NULL);
		return;
	}
	if (row != (sp->row ? sp->row : 1) || col <= sp->col)
		sp->in_order = 0;
	sp->row = sp->row ? sp->row : row;
	sp->col = col;
	sp->c_row = row;
	sp->c_col = col;
	const char *t = xlsx_attr(attrs, nattrs, "t", sp->type, sizeof sp->type);
	if (!t)
		sp->type[0] = '\0';
	const char *st = xlsx_attr(attrs, nattrs, "s", buf, sizeof buf);
	long long style = st ? parse_index(st, 0xFFFFFFFFu) : 0;
	sp->style = style < 0 ? 0 : (unsigned long)style;
	sp->in_cell = 1;
	sp->has_v = sp->has_f = sp->has_is = 0;
	cchc_buf_dispose(&sp->v);
	cchc_buf_dispose(&sp->f);
	cchc_buf_dispose(&sp->is);
	sp->phonetic = 0;
}

/* A plain number as Excel stores it: -?digits[.digits][E[+-]digits]. */
static int number_text(const char *s)
{
	if (*s == '-')
		s++;
	int digits = 0;
	while (*s >= '0' && *s <= '9')
		s++, digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'E' || *s == 'e') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* t="d": an ISO date (and time) into the workbook's serial, as text. */
static int iso_serial(const cchc_xlsx *x, const char *iso, char *out, size_t size)
{
	char day[11];
	cchc_date d;
	if (strlen(iso) < 10)
		return -1;
	memcpy(day, iso, 10);
	day[10] = '\0';
	if (cchc_date_parse(day, &d) != CCHC_NUM_OK)
		return -1;
	long serial = x->date1904 ? (long)d + 24107 : (long)d + (d < -25508 ? 25568 : 25569);
	long secs = 0;
	const char *t = iso + 10;
	if (*t == 'T' || *t == ' ') {
		int h, m, s = 0;
		if (sscanf(t + 1, "%2d:%2d:%2d", &h, &m, &s) < 2 || h > 23 || m > 59 || s > 59 || h < 0 ||
		    m < 0 || s < 0)
			return -1;
		secs = h * 3600L + m * 60L + s;
	} else if (*t && *t != 'Z') {
		return -1;
	}
	if (serial < 0)
		return -1;
	if (secs == 0) {
		snprintf(out, size, "%ld", serial);
	} else {
		long long frac = ((long long)secs * 1000000000LL + 43200) / 86400;
		int n = snprintf(out, size, "%ld.%09lld", serial, frac);
		while (n > 0 && out[n - 1] == '0')
			out[--n] = '\0';
	}
	return 0;
}

static const char *keep(sheet_parse *sp, const cchc_buf *t, int unescape)
{
	char *s = cchc_arena_strndup(&sp->s->mem, t->data ? t->data : "", t->len);
	if (s && unescape)
		xlsx_unescape(s, t->len);
	if (!s)
		fail(sp, XM_OOM, NULL, NULL);
	return s;
}

/* The cell's address, written only for a message. */
#define REF cchc_cell_ref(ref, c.row, c.col)

static void cell_end(sheet_parse *sp)
{
	const cchc_xlsx *x = sp->x;
	cchc_cell c = {.row = sp->c_row, .col = sp->c_col, .type = CCHC_CELL_BLANK, .text = ""};
	char ref[16], serial[48];
	const char *t = sp->type;
	/* an empty <v/> (openpyxl's formulas) is no value, except for text */
	const char *v = sp->has_v && (sp->v.len || strcmp(t, "str") == 0) ? (sp->v.data ? sp->v.data : "") : NULL;
	sp->in_cell = 0;
	if (sp->v.failed || sp->f.failed || sp->is.failed) {
		int oom = sp->v.failed == CCHC_BUF_NO_MEMORY || sp->f.failed == CCHC_BUF_NO_MEMORY ||
		          sp->is.failed == CCHC_BUF_NO_MEMORY;
		fail(sp, oom ? XM_OOM : XM_TEXT_LONG, REF, NULL);
		return;
	}
	c.date_style = sp->style < x->n_xf && x->xf_date[sp->style];
	if (strcmp(t, "s") == 0) {
		if (v) {
			long long i = parse_index(v, x->n_sst);
			if (i < 0 || (size_t)i >= x->n_sst) {
				xlsx_report(sp->p.diag, x->name, x->lang, XM_SST_INDEX, sp->sheet, REF, v, x->n_sst);
				xlsx_xml_fail(&sp->p);
				return;
			}
			c.type = CCHC_CELL_TEXT;
			c.text = x->sst[i];
		}
	} else if (strcmp(t, "inlineStr") == 0) {
		if (sp->has_is) {
			c.type = CCHC_CELL_TEXT;
			c.text = keep(sp, &sp->is, 1);
		}
	} else if (v && strcmp(t, "b") == 0) {
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0 && strcmp(v, "true") != 0 &&
		    strcmp(v, "false") != 0) {
			fail(sp, XM_BAD_BOOL, REF, v);
			return;
		}
		c.type = CCHC_CELL_BOOL;
		c.text = v[0] == '1' || v[0] == 't' ? "1" : "0";
	} else if (v && strcmp(t, "e") == 0) {
		c.type = CCHC_CELL_ERROR;
		c.text = keep(sp, &sp->v, 0);
	} else if (v && strcmp(t, "d") == 0) {
		if (iso_serial(x, v, serial, sizeof serial) < 0) {
			fail(sp, XM_BAD_DATE, REF, v);
			return;
		}
		c.type = CCHC_CELL_NUMBER;
		c.date_style = 1;
		c.text = cchc_arena_strndup(&sp->s->mem, serial, strlen(serial));
	} else if (v && (t[0] == '\0' || strcmp(t, "n") == 0)) {
		if (!number_text(v)) {
			fail(sp, XM_BAD_NUMBER, REF, v);
			return;
		}
		c.type = CCHC_CELL_NUMBER;
		c.text = keep(sp, &sp->v, 0);
	} else if (v) { /* "str" (a formula's text) and anything else Excel may add */
		c.type = CCHC_CELL_TEXT;
		c.text = keep(sp, &sp->v, 1);
	}
	if (sp->has_f)
		c.formula = keep(sp, &sp->f, 0);
	if (!c.text || (sp->has_f && !c.formula)) {
		fail(sp, XM_OOM, NULL, NULL);
		return;
	}
	if (c.type == CCHC_CELL_BLANK && !sp->has_f)
		return;
	cchc_sheet *s = sp->s;
	if (s->n >= x->lim.cells) {
		fail(sp, XM_CELLS, NULL, NULL);
		return;
	}
	cchc_cell *b = xlsx_grow(s->cells, s->n, &s->cap, sizeof *b);
	if (!b) {
		fail(sp, XM_OOM, NULL, NULL);
		return;
	}
	s->cells = b;
	b[s->n++] = c;
	if (c.row > s->rows)
		s->rows = c.row;
}

#undef REF

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	sheet_parse *sp = user;
	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndef;
	if (sp->p.failed)
		return;
	if (!sp->in_data) {
		sp->in_data = xlsx_is(local, "sheetData");
		return;
	}
	if (sp->in_cell) {
		if (xlsx_is(local, "v"))
			sp->in_v = sp->has_v = 1;
		else if (xlsx_is(local, "f"))
			sp->in_f = sp->has_f = 1;
		else if (xlsx_is(local, "is"))
			sp->in_is = sp->has_is = 1;
		else if (xlsx_is(local, "rPh"))
			sp->phonetic++;
		else if (sp->in_is && !sp->phonetic && xlsx_is(local, "t"))
			sp->in_t = 1;
	} else if (xlsx_is(local, "c")) {
		cell_start(sp, attrs, nattrs);
	} else if (xlsx_is(local, "row")) {
		row_start(sp, attrs, nattrs);
	}
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	sheet_parse *sp = user;
	(void)prefix;
	(void)uri;
	if (sp->p.failed || !sp->in_data)
		return;
	if (sp->in_cell) {
		if (xlsx_is(local, "c"))
			cell_end(sp);
		else if (xlsx_is(local, "v"))
			sp->in_v = 0;
		else if (xlsx_is(local, "f"))
			sp->in_f = 0;
		else if (xlsx_is(local, "is"))
			sp->in_is = 0;
		else if (xlsx_is(local, "rPh"))
			sp->phonetic--;
		else if (xlsx_is(local, "t"))
			sp->in_t = 0;
	} else if (xlsx_is(local, "sheetData")) {
		sp->in_data = 0;
	}
}

static void on_chars(void *user, const xmlChar *ch, int len)
{
	sheet_parse *sp = user;
	if (sp->p.failed || !sp->in_cell)
		return;
	cchc_buf *t = sp->in_v ? &sp->v : sp->in_f ? &sp->f : sp->in_t && !sp->phonetic ? &sp->is : NULL;
	if (t)
		cchc_buf_append(t, (const char *)ch, (size_t)len); /* a failure is seen at </c> */
}

static int cell_cmp(const void *a, const void *b)
{
	const cchc_cell *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int row_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Cells out of row-major order are sorted; two at one address refused. */
static int finish(sheet_parse *sp)
{
	cchc_sheet *s = sp->s;
	int rc = 0;
	if (!sp->in_order && s->n > 1) {
		qsort(s->cells, s->n, sizeof *s->cells, cell_cmp);
		for (size_t i = 1; i < s->n; i++)
			if (s->cells[i].row == s->cells[i - 1].row && s->cells[i].col == s->cells[i - 1].col) {
				char ref[16];
				xlsx_report(sp->p.diag, sp->x->name, sp->x->lang, XM_DUP_CELL, sp->sheet,
				            cchc_cell_ref(ref, s->cells[i].row, s->cells[i].col));
				rc = -1;
			}
	}
	if (s->n_hidden > 1)
		qsort(s->hidden, s->n_hidden, sizeof *s->hidden, row_cmp);
	return rc;
}

int cchc_xlsx_sheet_load(cchc_sheet **out, const cchc_xlsx *x, size_t i, cchc_diag *diag)
{
	*out = NULL;
	cchc_sheet *s = calloc(1, sizeof *s);
	if (!s) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		return -1;
	}
	if (i >= x->n_sheets || !x->sheets[i].part) {
		*out = s; /* a chart sheet: no cells */
		return 0;
	}
	sheet_parse sp = {.p = {.x = x, .part = x->sheets[i].part, .diag = diag},
	                  .x = x,
	                  .s = s,
	                  .sheet = x->sheets[i].name,
	                  .in_order = 1};
	cchc_buf_init(&sp.v, XLSX_MAX_TEXT);
	cchc_buf_init(&sp.f, XLSX_MAX_TEXT);
	cchc_buf_init(&sp.is, XLSX_MAX_TEXT);
	xmlSAXHandler sax = {0};
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_chars;
	int rc = xlsx_xml_parse(&sp.p, xlsx_entry_find(x, x->sheets[i].part), &sax);
	if (sp.oom) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
	}
	if (rc == 0)
		rc = finish(&sp);
	cchc_buf_dispose(&sp.v);
	cchc_buf_dispose(&sp.f);
	cchc_buf_dispose(&sp.is);
	if (rc < 0) {
		cchc_sheet_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

void cchc_sheet_free(cchc_sheet *s)
{
	if (!s)
		return;
	free(s->cells);
	free(s->hidden);
	cchc_arena_free(&s->mem);
	free(s);
}

const cchc_cell *cchc_sheet_cells(const cchc_sheet *s, size_t *n)
{
	*n = s->n;
	return s->cells;
}

const cchc_cell *cchc_sheet_cell(const cchc_sheet *s, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const cchc_cell *c = &s->cells[mid];
		if (c->row == row && c->col == col)
			return c;
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

uint32_t cchc_sheet_rows(const cchc_sheet *s)
{
	return s->rows;
}

int cchc_sheet_row_hidden(const cchc_sheet *s, uint32_t row)
{
	return s->n_hidden > 0 &&
	       bsearch(&row, s->hidden, s->n_hidden, sizeof *s->hidden, row_cmp) != NULL;
}
