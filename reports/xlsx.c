/* The Excel workbook: written on a temporary file beside the target and
 * renamed over it (cchc_write_atomic), with the shared formats and cell
 * helpers. The sheets themselves live in xlsx_*.c, one file per sheet. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xlsx_priv.h"

#define SHEET_NAME_MAX 31 /* Excel's limit, in characters */

void cchc_xlsx_check(cchc_xlsx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		x->failed = 1;
}

static size_t encode(uint32_t cp, char enc[4])
{
	if (cp < 0x80) {
		enc[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	enc[0] = (char)(0xF0 | (cp >> 18));
	enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	enc[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Append s as valid UTF-8 without control characters (\n kept), cut at max bytes. */
static void clean(cchc_buf *out, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = cchc_utf8_next(s + i, len - i, &cp);
		char enc[4];
		size_t k;
		if (cp == '\n') {
			enc[0] = '\n';
			k = 1;
		} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			enc[0] = ' ';
			k = 1;
		} else {
			if (cp == 0xFFFE || cp == 0xFFFF) /* not characters in XML */
				cp = 0xFFFD;
			k = encode(cp, enc);
		}
		if (out->len + k > max)
			return;
		cchc_buf_append(out, enc, k);
		i += n;
	}
}

static const char *cleaned(cchc_xlsx *x, const char *s)
{
	x->text.len = 0;
	if (x->text.data)
		x->text.data[0] = '\0';
	clean(&x->text, s ? s : "", CCHC_XLSX_TEXT_MAX);
	if (x->text.failed) {
		x->failed = 1;
		return "";
	}
	return x->text.data ? x->text.data : "";
}

void cchc_xlsx_str(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                   lxw_format *f)
{
	const char *t = cleaned(x, s);
	if (*t)
		cchc_xlsx_check(x, worksheet_write_string(ws, row, col, t, f));
	else
		cchc_xlsx_blank(x, ws, row, col, f);
}

void cchc_xlsx_comment(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                       const char *s)
{
	const char *t = cleaned(x, s);
	if (*t)
		cchc_xlsx_check(x, worksheet_write_comment(ws, row, col, t));
}

void cchc_xlsx_label(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     cchc_str_id id, lxw_format *f)
{
	cchc_xlsx_str(x, ws, row, col, cchc_str(id, x->L), f);
}

void cchc_xlsx_fill(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    cchc_str_id id, const char *const *args, size_t nargs, lxw_format *f)
{
	cchc_buf b;
	cchc_buf_init(&b, CCHC_XLSX_TEXT_MAX * 2);
	if (cchc_str_fill(&b, id, x->L, args, nargs) < 0)
		x->failed = 1;
	else
		cchc_xlsx_str(x, ws, row, col, b.data ? b.data : "", f);
	cchc_buf_dispose(&b);
}

void cchc_xlsx_points(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      cchc_points p, lxw_format *f)
{
	cchc_xlsx_number(x, ws, row, col, (double)p / 100.0, f);
}

void cchc_xlsx_number(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                      lxw_format *f)
{
	cchc_xlsx_check(x, worksheet_write_number(ws, row, col, v, f));
}

void cchc_xlsx_blank(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     lxw_format *f)
{
	if (f) /* a blank without a format is no cell at all */
		cchc_xlsx_check(x, worksheet_write_blank(ws, row, col, f));
}

void cchc_xlsx_width(cchc_xlsx *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
                     double width, lxw_format *f)
{
	cchc_xlsx_check(x, worksheet_set_column(ws, first, last, width, f));
}

void cchc_xlsx_print(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t header_rows, int fit_width)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	if (fit_width)
		worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	if (header_rows)
		cchc_xlsx_check(x, worksheet_repeat_rows(ws, 0, header_rows - 1));
	cchc_xlsx_check(x, worksheet_set_footer(ws, "&C&P/&N"));
	if (x->report_title && *x->report_title) {
		/* the report's title heads every printed page; '&' is the header's escape */
		cchc_buf h;
		cchc_buf_init(&h, 255);
		cchc_buf_puts(&h, "&C");
		size_t cols = 0; /* Excel keeps 255 characters: cut at a code point */
		for (const char *c = x->report_title; *c && cols < 240; c++) {
			cols += ((unsigned char)*c & 0xC0) != 0x80;
			if (cols == 240 && ((unsigned char)*c & 0xC0) != 0x80)
				break;
			cchc_buf_puts(&h, *c == '&' ? "&&" : (char[2]){*c, 0});
		}
		if (!h.failed)
			cchc_xlsx_check(x, worksheet_set_header(ws, h.data));
		cchc_buf_dispose(&h);
	}
}

#define LINE_HEIGHT 15.0 /* points, for the default 11-point font */
#define MAX_LINES 27     /* Excel's rows stop at 409 points */

size_t cchc_xlsx_lines(const char *s, double width)
{
	/* a margin for padding and glyphs wider than the '0' Excel measures in */
	size_t cap = width > 3 ? (size_t)(width - 1.5) : 1, lines = 1, cur = 0;
	const char *p = s ? s : "";
	while (*p) {
		size_t n = strcspn(p, " \n");
		if (n) {
			size_t w = cchc_utf8_width(p, n);
			if (cur && cur + 1 + w <= cap) {
				cur += 1 + w;
			} else {
				if (cur)
					lines++;
				lines += (w ? w - 1 : 0) / cap; /* a word longer than the line breaks */
				cur = w % cap ? w % cap : cap;
			}
		}
		p += n;
		if (*p == '\n') {
			lines++;
			cur = 0;
		}
		if (*p)
			p++;
	}
	return lines;
}

void cchc_xlsx_row_lines(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, size_t lines)
{
	if (lines > MAX_LINES)
		lines = MAX_LINES;
	if (lines > 1)
		cchc_xlsx_check(x, worksheet_set_row(ws, row, LINE_HEIGHT * (double)lines + 2, NULL));
}

size_t cchc_xlsx_text_width(const char *s)
{
	return s ? cchc_utf8_width(s, strlen(s)) : 0;
}

const char *cchc_xlsx_agency_name(const cchc_rank_entry *e)
{
	const char *name = cchc_assessment_agency_name(e->score->assessment);
	return name && *name ? name : cchc_assessment_agency_id(e->score->assessment);
}

static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		ca += (ca >= 'A' && ca <= 'Z') ? 32 : 0;
		cb += (cb >= 'A' && cb <= 'Z') ? 32 : 0;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

/* Excel compares sheet names without regard to case. */
static int name_taken(cchc_xlsx *x, const char *name)
{
	lxw_worksheet *ws;
	LXW_FOREACH_WORKSHEET(ws, x->wb)
	{
		if (ws->name && ascii_casecmp(ws->name, name) == 0)
			return 1;
	}
	return 0;
}

/* The first `chars` characters of s with []:*?/\ replaced, into out. */
static void sheet_name(char *out, size_t size, const char *s, size_t chars)
{
	size_t o = 0, len = strlen(s), i = 0;
	while (i < len && chars > 0) {
		uint32_t cp;
		size_t n = cchc_utf8_next(s + i, len - i, &cp);
		if (o + n + 1 > size)
			break;
		if (n == 1 && (strchr("[]:*?/\\", s[i]) || (unsigned char)s[i] < 0x20))
			out[o] = '-';
		else
			memcpy(out + o, s + i, n);
		o += n;
		i += n;
		chars--;
	}
	out[o] = '\0';
	if (o && out[0] == '\'')
		out[0] = '-';
	if (o && out[o - 1] == '\'')
		out[o - 1] = '-';
}

lxw_worksheet *cchc_xlsx_sheet(cchc_xlsx *x, const char *name)
{
	char base[LXW_MAX_SHEETNAME_LENGTH], cand[LXW_MAX_SHEETNAME_LENGTH + 8];
	cchc_buf b;
	cchc_buf_init(&b, 1 << 12);
	clean(&b, name, 1 << 10);
	sheet_name(base, sizeof base, b.data ? b.data : "", SHEET_NAME_MAX);
	cchc_buf_dispose(&b);
	if (!*base)
		snprintf(base, sizeof base, "%s", "Sheet");
	snprintf(cand, sizeof cand, "%s", base);
	for (unsigned k = 2; k < 1000 && (name_taken(x, cand) ||
	                                  workbook_validate_sheet_name(x->wb, cand) != LXW_NO_ERROR);
	     k++) {
		char suffix[8], cut[LXW_MAX_SHEETNAME_LENGTH];
		int n = snprintf(suffix, sizeof suffix, " %u", k);
		sheet_name(cut, sizeof cut, base, SHEET_NAME_MAX - (size_t)n);
		snprintf(cand, sizeof cand, "%s%s", cut, suffix);
	}
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, cand);
	if (!ws)
		x->failed = 1;
	return ws;
}

static lxw_format *format(cchc_xlsx *x, int border, int bold, int wrap, const char *num,
                          lxw_color_t fill)
{
	lxw_format *f = workbook_add_format(x->wb);
	if (!f) {
		x->failed = 1;
		return NULL;
	}
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (num)
		format_set_num_format(f, num);
	if (fill) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, fill);
	}
	return f;
}

#define HEAD_FILL 0xD9E2F3
#define MARK_FILL 0xFFF2CC
#define POINTS "0.00"
#define SIGNED "+0.00;-0.00;0.00"
#define PERCENT "0.00%"

static void formats(cchc_xlsx *x)
{
	x->head = format(x, 1, 1, 1, NULL, HEAD_FILL);
	x->head_small = format(x, 1, 0, 1, NULL, HEAD_FILL);
	x->title = format(x, 0, 1, 0, NULL, 0);
	x->bold = format(x, 0, 1, 0, NULL, 0);
	x->cell = format(x, 1, 0, 0, NULL, 0);
	x->wrap = format(x, 1, 0, 1, NULL, 0);
	x->centre = format(x, 1, 0, 0, NULL, 0);
	x->count = format(x, 1, 0, 0, "0", 0);
	x->pts = format(x, 1, 0, 0, POINTS, 0);
	x->pts_signed = format(x, 1, 0, 0, SIGNED, 0);
	x->pct = format(x, 1, 0, 0, PERCENT, 0);
	x->group = format(x, 1, 1, 1, NULL, 0);
	x->group_pts = format(x, 1, 1, 0, POINTS, 0);
	x->group_count = format(x, 1, 1, 0, "0", 0);
	x->group_pct = format(x, 1, 1, 0, PERCENT, 0);
	x->mark = format(x, 1, 0, 1, NULL, MARK_FILL);
	x->mark_centre = format(x, 1, 1, 0, NULL, MARK_FILL);
	x->mark_pts = format(x, 1, 0, 0, POINTS, MARK_FILL);
	for (int i = 0; i < 4; i++) {
		x->indent[i] = format(x, 1, 0, 1, NULL, 0);
		if (x->indent[i])
			format_set_indent(x->indent[i], (uint8_t)i);
	}
	if (x->failed)
		return;
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_size(x->head_small, 8);
	format_set_font_size(x->title, 13);
	format_set_align(x->centre, LXW_ALIGN_CENTER);
	format_set_align(x->mark_centre, LXW_ALIGN_CENTER);
}

/* The workbook's date, the same for the same input (cchc_output_date);
 * libxlsxwriter reads 0 as "now", so an epoch of 0 is written a second later. */
static time_t created_date(void)
{
	long long v = cchc_output_date();
	return v ? (time_t)v : 1;
}

/* Writes the workbook to tmp; 0 or -1. */
static int write_workbook(const char *tmp, const cchc_ranking *r, const cchc_gap *gap,
                          const cchc_report_options *o)
{
	const cchc_lang lang = o->lang;
	cchc_xlsx x = {0};
	x.r = r;
	x.gap = gap;
	x.L = lang;
	x.report_title = o->title;
	cchc_buf_init(&x.text, CCHC_XLSX_TEXT_MAX + 16);
	lxw_workbook_options opt = {0};
	x.wb = workbook_new_opt(tmp, &opt);
	if (!x.wb) {
		cchc_buf_dispose(&x.text);
		return -1;
	}
	lxw_doc_properties props = {0};
	char title[256];
	if (o->title && *o->title)
		snprintf(title, sizeof title, "%s \xE2\x80\x94 %s", o->title,
		         cchc_str(CCHC_STR_RANK_TITLE, lang));
	else
		snprintf(title, sizeof title, "%s", cchc_str(CCHC_STR_RANK_TITLE, lang));
	props.title = title;
	props.author = (char *)"cchc";
	props.created = created_date();
	cchc_xlsx_check(&x, workbook_set_properties(x.wb, &props));

	formats(&x);
	if (!x.failed)
		cchc_xlsx_sheet_ranking(&x);
	if (!x.failed)
		cchc_xlsx_sheet_groups(&x);
	if (!x.failed)
		cchc_xlsx_sheet_detail(&x);
	if (!x.failed)
		cchc_xlsx_sheet_stats(&x);
	if (gap && !x.failed)
		cchc_xlsx_sheet_analysis(&x);
	if (gap && !x.failed)
		cchc_xlsx_sheet_plan(&x);
	/* closing frees the workbook whatever happens; it writes the file only now */
	lxw_error e = workbook_close(x.wb);
	cchc_buf_dispose(&x.text);
	return x.failed || e != LXW_NO_ERROR ? -1 : 0;
}

typedef struct {
	const cchc_ranking *r;
	const cchc_gap *gap;
	const cchc_report_options *o;
} workbook_args;

/* libxlsxwriter writes the workbook by name, over the reserved temporary file. */
static int fill(int fd, const char *tmp, void *ctx)
{
	const workbook_args *w = ctx;
	(void)fd;
	return write_workbook(tmp, w->r, w->gap, w->o);
}

int cchc_write_xlsx(const char *path, const cchc_ranking *r, const cchc_gap *gap, cchc_lang lang)
{
	const cchc_report_options o = {lang, NULL, NULL};
	return cchc_write_xlsx_opts(path, r, gap, &o);
}

int cchc_write_xlsx_opts(const char *path, const cchc_ranking *r, const cchc_gap *gap,
                         const cchc_report_options *o)
{
	const cchc_report_options vi = {CCHC_LANG_VI, NULL, NULL};
	if (!path || !r) {
		errno = EINVAL;
		return -1;
	}
	workbook_args w = {r, gap, o ? o : &vi};
	return cchc_write_atomic(path, fill, &w);
}
