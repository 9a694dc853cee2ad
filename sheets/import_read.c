/* Reading a filled workbook: the hidden "cchc" sheet says it is one and for
 * which set and agency; columns are found by their header text (Vietnamese
 * or English, case and diacritics ignored), leaf rows by their Mã, so that
 * inserted, re-ordered, extra columns and inserted or hidden rows all work.
 * Each leaf row becomes an <item> (and <appraisal>s), each survey row a
 * <survey>, one element per line, with the cell it came from. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"

#define FOLD 256
#define MAX_ROUNDS 16

typedef struct {
	importer *im;
	cchc_xlsx *x;
	const cchc_criteria *set;
	cchc_lang lang;
	/* the meta sheet's key/value rows */
	const cchc_sheet *meta;
	/* the assessment sheet */
	const char *sheet_name;
	const cchc_sheet *sheet;
	uint32_t col[COL_COUNT_]; /* 0: absent */
	int round_no[MAX_ROUNDS];
	uint32_t round_col[MAX_ROUNDS][3];
	size_t nrounds;
	uint32_t *row_of;  /* by node index: the row it was read from */
} reader;

static void fold(char out[FOLD], const char *s)
{
	cchc_text_fold(out, FOLD, s ? s : "");
}

static const char *cell_text(const cchc_sheet *s, uint32_t row, uint32_t col)
{
	const cchc_cell *c = col ? cchc_sheet_cell(s, row, col) : NULL;
	return c ? c->text : "";
}

static const char *meta_value(const reader *rd, const char *key)
{
	uint32_t rows = cchc_sheet_rows(rd->meta);
	for (uint32_t r = 1; r <= rows; r++)
		if (strcmp(cell_text(rd->meta, r, 1), key) == 0)
			return cell_text(rd->meta, r, 2);
	return NULL;
}

/* The cell's text as the person typed it: "0,8" in Vietnamese. */
static const char *shown(const cchc_cell *c, char buf[64], cchc_lang lang)
{
	snprintf(buf, 64, "%s", c->text);
	if (c->type == CCHC_CELL_NUMBER && lang == CCHC_LANG_VI)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	return buf;
}

static imp_loc loc(const reader *rd, uint32_t row, uint32_t col)
{
	imp_loc l = {rd->sheet_name, row, col};
	return l;
}

static int blank(const cchc_cell *c)
{
	if (!c || c->type == CCHC_CELL_BLANK)
		return 1;
	if (c->type != CCHC_CELL_TEXT)
		return 0;
	for (const char *p = c->text; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return 1;
}

/* ---- the header rows ---------------------------------------------------------------------- */

static int header_is(const char *folded, const char *vi, const char *en)
{
	char a[FOLD], b[FOLD];
	fold(a, vi);
	fold(b, en);
	return strcmp(folded, a) == 0 || strcmp(folded, b) == 0;
}

/* "tham dinh lan 2" after a folded prefix: the round number, else 0. */
static int round_after(const char *folded, const char *prefix)
{
	char p[FOLD];
	fold(p, prefix);
	size_t n = strlen(p);
	if (strncmp(folded, p, n) != 0 || folded[n] != ' ')
		return 0;
	char *end;
	long r = strtol(folded + n + 1, &end, 10);
	return *end == '\0' && r >= 1 && r <= 99 ? (int)r : 0;
}

static int find_columns(reader *rd, uint32_t *header)
{
	const tpl_words *vi = tpl_words_for(0), *en = tpl_words_for(1);
	uint32_t rows = cchc_sheet_rows(rd->sheet);
	for (uint32_t r = 1; r <= rows && r <= 30; r++) {
		size_t n;
		const cchc_cell *cells = cchc_sheet_cells(rd->sheet, &n);
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			if (cells[i].row != r)
				continue;
			char f[FOLD];
			fold(f, cells[i].text);
			for (int c = 0; c < COL_COUNT_; c++)
				if (!rd->col[c] && header_is(f, vi->cols[c], en->cols[c])) {
					rd->col[c] = cells[i].col;
					found |= c == COL_ID;
					break;
				}
			for (int k = 0; k < 3; k++) {
				int rv = round_after(f, vi->round_cols[k]), re = round_after(f, en->round_cols[k]);
				int no = rv ? rv : re;
				if (!no)
					continue;
				size_t at = 0;
				while (at < rd->nrounds && rd->round_no[at] != no)
					at++;
				if (at == rd->nrounds && rd->nrounds < MAX_ROUNDS) {
					rd->round_no[rd->nrounds] = no;
					memset(rd->round_col[rd->nrounds++], 0, sizeof rd->round_col[0]);
				}
				if (at < rd->nrounds)
					rd->round_col[at][k] = cells[i].col;
			}
		}
		if (found) {
			*header = r;
			return 0;
		}
		memset(rd->col, 0, sizeof rd->col);
		rd->nrounds = 0;
	}
	imp_say(rd->im, loc(rd, 0, 0), rd->im->english ? "no header row with an \"Id\" column: keep the workbook's header row"
	                                            : "không tìm thấy dòng tiêu đề có cột \"Mã\": giữ dòng tiêu đề của sổ");
	return -1;
}

/* ---- typed cells -------------------------------------------------------------------------- */

static int read_decimal(reader *rd, uint32_t row, uint32_t col, int places, int64_t *out)
{
	const cchc_cell *c = cchc_sheet_cell(rd->sheet, row, col);
	char b[64];
	switch (cchc_cell_decimal(c, places, out)) {
	case CCHC_NUM_OK:
		return 1;
	case CCHC_NUM_PRECISION:
		IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" có quá nhiều chữ số thập phân: nhập tối đa %d chữ số sau dấu phẩy",
		        "\"%s\" has too many decimals: type at most %d", shown(c, b, rd->lang), places);
		return -1;
	case CCHC_NUM_RANGE:
		IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" quá lớn: nhập một số nhỏ hơn", "\"%s\" is too large: type a smaller number",
		        shown(c, b, rd->lang));
		return -1;
	default:
		IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" không phải là số: nhập một số, ví dụ 0,75",
		        "\"%s\" is not a number: type a number such as 0.75", shown(c, b, rd->lang));
		return -1;
	}
}

static int read_count(reader *rd, uint32_t row, uint32_t col, int64_t *out)
{
	const cchc_cell *c = cchc_sheet_cell(rd->sheet, row, col);
	char b[64];
	if (cchc_cell_count(c, out) == CCHC_NUM_OK)
		return 1;
	IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" không phải số nguyên không âm: nhập một số như 3",
	        "\"%s\" is not a whole number: type a count such as 3", shown(c, b, rd->lang));
	return -1;
}

/* Points within the leaf's range (what tự chấm, the council and the rounds give). */
static int read_points(reader *rd, const cchc_node *n, uint32_t row, uint32_t col, cchc_points *out)
{
	const cchc_cell *c = cchc_sheet_cell(rd->sheet, row, col);
	char b[64], lim[CCHC_FMT_SIZE];
	if (read_decimal(rd, row, col, 2, out) < 0)
		return -1;
	if (*out > n->max) {
		cchc_fmt_points_short(lim, n->max, rd->lang);
		IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" vượt điểm tối đa %s của tiêu chí %s",
		        "\"%s\" is above the max %s of criterion %s", shown(c, b, rd->lang), lim, n->id);
		return -1;
	}
	if (*out < n->min) {
		cchc_fmt_points_short(lim, n->min, rd->lang);
		IMP_SAY(rd->im, loc(rd, row, col), "\"%s\" thấp hơn mức %s của tiêu chí %s: nhập từ %s đến 0",
		        "\"%s\" is below the floor %s of criterion %s: type %s to 0", shown(c, b, rd->lang), lim,
		        n->id, lim);
		return -1;
	}
	return 1;
}

/* ---- XML out ------------------------------------------------------------------------------ */

static void attr(importer *im, const char *name, const char *value)
{
	cchc_buf_printf(&im->xml, " %s=\"", name);
	tpl_xml_attr(&im->xml, value);
	cchc_buf_puts(&im->xml, "\"");
}

static void attr_points(importer *im, const char *name, cchc_points p)
{
	char b[24];
	attr(im, name, cchc_points_spell(b, p));
}

static void attr_decimal(importer *im, const char *name, cchc_decimal d)
{
	char b[48];
	int64_t whole = d / CCHC_DECIMAL_SCALE, frac = d % CCHC_DECIMAL_SCALE;
	if (frac < 0)
		frac = -frac;
	int n = snprintf(b, sizeof b, "%s%" PRId64, d < 0 && whole == 0 ? "-" : "", whole);
	if (frac) {
		snprintf(b + n, sizeof b - (size_t)n, ".%06" PRId64, frac);
		size_t len = strlen(b);
		while (b[len - 1] == '0')
			b[--len] = '\0';
	}
	attr(im, name, b);
}

static void attr_count(importer *im, const char *name, int64_t v)
{
	char b[24];
	snprintf(b, sizeof b, "%" PRId64, v);
	attr(im, name, b);
}

static void attr_date(importer *im, const char *name, cchc_date d)
{
	int y, m, day;
	char b[16];
	cchc_date_split(d, &y, &m, &day);
	snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, day);
	attr(im, name, b);
}

/* ---- one leaf row ------------------------------------------------------------------------- */

static const char *const evidence_names[COL_COUNT_] = {
	[COL_DATE] = "date", [COL_VALUE] = "value", [COL_COUNT] = "count", [COL_NUM] = "numerator",
	[COL_DEN] = "denominator", [COL_GRADE] = "grade", [COL_POINTS] = "points"};

static void grade_labels(const cchc_rule *r, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t g = 0; g < r->ngrades && used + 8 < size; g++)
		used += (size_t)snprintf(out + used, size - used, "%s\"%s\"", g ? ", " : "", r->grades[g].label);
}

/* The evidence of the kind's columns, as XML attributes; 1 when any was given. */
static int leaf_evidence(reader *rd, const cchc_node *n, uint32_t row, int *bad)
{
	importer *im = rd->im;
	const tpl_words *w = tpl_words_for(im->english);
	int any = 0;
	for (int c = COL_DATE; c <= COL_POINTS; c++) {
		uint32_t col = rd->col[c];
		const cchc_cell *cell = col ? cchc_sheet_cell(rd->sheet, row, col) : NULL;
		if (blank(cell))
			continue;
		if (!tpl_reads(n, (tpl_col)c)) {
			IMP_SAY(im, loc(rd, row, col), "cột \"%s\" không dùng cho tiêu chí %s: xoá giá trị này",
			        "column \"%s\" is not read for criterion %s: clear this value", w->cols[c], n->id);
			*bad = 1;
			continue;
		}
		int64_t v;
		cchc_date d;
		char b[64];
		int ok = 0;
		switch (c) {
		case COL_DATE:
			if (cchc_cell_date(cell, cchc_xlsx_date1904(rd->x), &d) == CCHC_NUM_OK) {
				attr_date(im, evidence_names[c], d);
				ok = 1;
			} else {
				IMP_SAY(im, loc(rd, row, col), "\"%s\" không phải là ngày: nhập ngày/tháng/năm, ví dụ 12/01/2019",
				        "\"%s\" is not a date: type day/month/year, e.g. 12/01/2019", shown(cell, b, rd->lang));
			}
			break;
		case COL_VALUE:
			if (read_decimal(rd, row, col, 6, &v) > 0) {
				if (n->rule.unit && strcmp(n->rule.unit, "%") == 0 &&
				    (v < 0 || v > 100 * (int64_t)CCHC_DECIMAL_SCALE))
					IMP_SAY(im, loc(rd, row, col), "\"%s\" là tỷ lệ phần trăm: nhập từ 0 đến 100",
					        "\"%s\" is a percentage: type 0 to 100", shown(cell, b, rd->lang));
				else {
					attr_decimal(im, "value", v);
					ok = 1;
				}
			}
			break;
		case COL_COUNT:
		case COL_NUM:
		case COL_DEN:
			if (read_count(rd, row, col, &v) > 0) {
				attr_count(im, evidence_names[c], v);
				ok = 1;
			}
			break;
		case COL_GRADE: {
			char f[FOLD], g[FOLD];
			fold(f, cell->text);
			size_t k = 0;
			for (; k < n->rule.ngrades; k++) {
				fold(g, n->rule.grades[k].label);
				if (strcmp(f, g) == 0 || strcmp(cell->text, n->rule.grades[k].id) == 0)
					break;
			}
			if (k < n->rule.ngrades) {
				attr(im, "grade", n->rule.grades[k].id);
				ok = 1;
			} else {
				char labels[512];
				grade_labels(&n->rule, labels, sizeof labels);
				IMP_SAY(im, loc(rd, row, col), "\"%s\" không phải một mức của tiêu chí %s: chọn một trong %s",
				        "\"%s\" is not a grade of criterion %s: choose one of %s", cell->text, n->id, labels);
			}
			break;
		}
		case COL_POINTS: {
			cchc_points p;
			if (read_points(rd, n, row, col, &p) > 0) {
				cchc_points step = n->rule.step > 0 ? n->rule.step : 1;
				char sb[CCHC_FMT_SIZE];
				cchc_fmt_points_short(sb, step, rd->lang);
				if (p % step != 0)
					IMP_SAY(im, loc(rd, row, col), "\"%s\" phải là bội của %s", "\"%s\" must be a multiple of %s",
					        shown(cell, b, rd->lang), sb);
				else {
					attr_points(im, "points", p);
					ok = 1;
				}
			}
			break;
		}
		default:
			break;
		}
		if (ok)
			any = 1;
		else
			*bad = 1;
	}
	return any;
}

/* Documents, one per line: "ref", or "ref | file" (the file after the last "|"). */
static void docs(reader *rd, const char *text, uint32_t row)
{
	importer *im = rd->im;
	const char *s = text;
	while (*s) {
		size_t len = strcspn(s, "\n");
		char *line = malloc(len + 1);
		if (!line) {
			im->xml.failed = 1;
			return;
		}
		memcpy(line, s, len);
		line[len] = '\0';
		s += len + (s[len] == '\n');
		char *bar = strrchr(line, '|');
		char *file = NULL;
		if (bar) {
			*bar = '\0';
			file = bar + 1;
		}
		/* trim both */
		char *parts[2] = {line, file};
		for (int k = 0; k < 2; k++) {
			char *p = parts[k];
			if (!p)
				continue;
			while (*p == ' ' || *p == '\t' || *p == '\r')
				p++;
			size_t n = strlen(p);
			while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
				p[--n] = '\0';
			parts[k] = p;
		}
		if (*parts[0] || (parts[1] && *parts[1])) {
			cchc_buf_puts(&im->xml, "    <doc");
			attr(im, "ref", parts[0]);
			if (parts[1] && *parts[1])
				attr(im, "file", parts[1]);
			cchc_buf_puts(&im->xml, "/>");
			imp_endl(im, loc(rd, row, rd->col[COL_DOCS]));
		}
		free(line);
	}
}

static void leaf_row(reader *rd, const cchc_node *n, uint32_t row)
{
	importer *im = rd->im;
	const tpl_words *w = tpl_words_for(im->english);
	const size_t errors = im->errors;
	const cchc_cell *met = rd->col[COL_MET] ? cchc_sheet_cell(rd->sheet, row, rd->col[COL_MET]) : NULL;
	const cchc_cell *na = rd->col[COL_NA] ? cchc_sheet_cell(rd->sheet, row, rd->col[COL_NA]) : NULL;
	const char *note = cell_text(rd->sheet, row, rd->col[COL_NOTE]);
	const char *doc_text = cell_text(rd->sheet, row, rd->col[COL_DOCS]);
	char b[64];
	int bad = 0;

	size_t mark = im->xml.len;
	long mark_line = im->line;
	cchc_buf_puts(&im->xml, "  <item");
	attr(im, "criterion", n->id);
	int any = leaf_evidence(rd, n, row, &bad);
	int yes = -1;
	if (!blank(met)) {
		yes = cchc_cell_yesno(met);
		if (yes < 0)
			IMP_SAY(im, loc(rd, row, rd->col[COL_MET]), "\"%s\" không phải Có hoặc Không: chọn Có hoặc Không",
			        "\"%s\" is not Yes or No: choose Yes or No", shown(met, b, rd->lang));
		else if (yes == 1 && n->rule.kind != CCHC_RULE_YES_NO)
			IMP_SAY(im, loc(rd, row, rd->col[COL_MET]),
			        "tiêu chí %s không chấm theo Có/Không: chọn Không nếu chưa thực hiện, để trống nếu đã thực hiện",
			        "criterion %s is not scored yes/no: choose No when it was not done, leave it blank otherwise",
			        n->id);
		else {
			attr(im, "met", yes ? "true" : "false");
			if (!yes && any)
				IMP_SAY(im, loc(rd, row, rd->col[COL_MET]),
				        "tiêu chí %s ghi Không (chưa thực hiện) nhưng có số liệu: xoá một trong hai",
				        "criterion %s says No (not done) yet has evidence: clear one or the other", n->id);
			any = 1;
		}
	}
	int is_na = 0;
	if (!blank(na)) {
		is_na = cchc_cell_is_na(na) || cchc_cell_yesno(na) == 1;
		if (!is_na && cchc_cell_yesno(na) != 0)
			IMP_SAY(im, loc(rd, row, rd->col[COL_NA]), "\"%s\": chọn Có nếu tiêu chí không áp dụng, hoặc để trống",
			        "\"%s\": choose Yes when the criterion does not apply, or leave it blank",
			        shown(na, b, rd->lang));
		else if (is_na && any)
			IMP_SAY(im, loc(rd, row, rd->col[COL_NA]),
			        "tiêu chí %s được đánh dấu không áp dụng nhưng có số liệu: xoá một trong hai",
			        "criterion %s is marked not applicable yet has evidence: clear one or the other", n->id);
	}
	cchc_points self = 0;
	int has_self = 0;
	if (rd->col[COL_SELF] && !blank(cchc_sheet_cell(rd->sheet, row, rd->col[COL_SELF])))
		has_self = read_points(rd, n, row, rd->col[COL_SELF], &self) > 0;
	if (has_self)
		attr_points(im, "self", self);
	if (is_na)
		attr(im, "na", "true");
	if (*note)
		attr(im, "note", note);
	const int given = any || is_na || has_self || *note || *doc_text;
	/* the loader's messages about the item land on the kind's first evidence cell */
	uint32_t item_col = rd->col[COL_MET] ? rd->col[COL_MET] : rd->col[COL_ID];
	for (int c = COL_DATE; c <= COL_POINTS; c++)
		if (tpl_reads(n, (tpl_col)c) && rd->col[c]) {
			item_col = rd->col[c];
			break;
		}
	if (given && !any && !is_na && !bad && n->rule.kind != CCHC_RULE_SCALE && im->errors == errors) {
		/* what the kind reads, by its header */
		const char *what = w->cols[COL_MET];
		for (int c = COL_DATE; c <= COL_POINTS; c++)
			if (tpl_reads(n, (tpl_col)c)) {
				what = w->cols[c];
				break;
			}
		IMP_SAY(im, loc(rd, row, rd->col[COL_ID]),
		        "tiêu chí %s đã có tự chấm, tài liệu hoặc giải trình nhưng chưa có số liệu: nhập cột \"%s\", "
		        "hoặc chọn Không ở cột \"%s\" nếu chưa thực hiện",
		        "criterion %s has a claim, documents or an explanation but no evidence: fill in \"%s\", or "
		        "choose No under \"%s\" when it was not done",
		        n->id, what, w->cols[COL_MET]);
	}
	if (!given) {
		im->xml.len = mark; /* nothing on this row */
		im->line = mark_line;
		if (im->xml.data)
			im->xml.data[mark] = '\0';
	} else if (*doc_text) {
		cchc_buf_puts(&im->xml, ">");
		imp_endl(im, loc(rd, row, item_col));
		docs(rd, doc_text, row);
		cchc_buf_puts(&im->xml, "  </item>");
		imp_endl(im, loc(rd, row, rd->col[COL_ID]));
	} else {
		cchc_buf_puts(&im->xml, "/>");
		imp_endl(im, loc(rd, row, item_col));
	}

	/* appraisal rounds */
	for (size_t k = 0; k < rd->nrounds; k++) {
		uint32_t pc = rd->round_col[k][RCOL_POINTS];
		const cchc_cell *pcell = pc ? cchc_sheet_cell(rd->sheet, row, pc) : NULL;
		const char *by = cell_text(rd->sheet, row, rd->round_col[k][RCOL_BY]);
		const char *reason = cell_text(rd->sheet, row, rd->round_col[k][RCOL_REASON]);
		if (blank(pcell)) {
			if (*by || *reason)
				IMP_SAY(im, loc(rd, row, pc ? pc : rd->col[COL_ID]),
				        "lần thẩm định %d của tiêu chí %s có người thẩm định hoặc lý do nhưng chưa có điểm: nhập điểm",
				        "appraisal round %d of criterion %s has a name or reason but no points: type the points",
				        rd->round_no[k], n->id);
			continue;
		}
		cchc_points p;
		if (read_points(rd, n, row, pc, &p) < 0)
			continue;
		cchc_buf_puts(&im->xml, "  <appraisal");
		attr(im, "criterion", n->id);
		attr_count(im, "round", rd->round_no[k]);
		attr_points(im, "points", p);
		if (*by)
			attr(im, "by", by);
		if (*reason)
			attr(im, "reason", reason);
		cchc_buf_puts(&im->xml, "/>");
		imp_endl(im, loc(rd, row, pc));
	}
}

/* ---- the survey sheet --------------------------------------------------------------------- */

static void survey_sheet(reader *rd, const char *name, unsigned char *seen_survey)
{
	importer *im = rd->im;
	long i = cchc_xlsx_sheet_find(rd->x, name);
	if (i < 0)
		return; /* no survey sheet: no survey results */
	cchc_sheet *s = NULL;
	if (cchc_xlsx_sheet_load(&s, rd->x, (size_t)i, im->diag) < 0) {
		im->errors++;
		return;
	}
	const tpl_words *vi = tpl_words_for(0), *en = tpl_words_for(1);
	uint32_t col[SCOL_COUNT_] = {0}, header = 0;
	uint32_t opt_col[64];
	char opt_id[64][64];
	size_t nopt = 0;
	size_t ncells;
	const cchc_cell *cells = cchc_sheet_cells(s, &ncells);
	for (size_t k = 0; k < ncells && !header; k++) {
		char f[FOLD];
		fold(f, cells[k].text);
		if (cells[k].row <= 30 && header_is(f, vi->scols[SCOL_ID], en->scols[SCOL_ID]))
			header = cells[k].row;
	}
	for (size_t k = 0; k < ncells && header; k++) {
		if (cells[k].row != header)
			continue;
		char f[FOLD], p1[FOLD], p2[FOLD];
		fold(f, cells[k].text);
		for (int c = 0; c < SCOL_OPTIONS; c++)
			if (!col[c] && header_is(f, vi->scols[c], en->scols[c]))
				col[c] = cells[k].col;
		fold(p1, vi->option_col);
		fold(p2, en->option_col);
		const char *sp = strrchr(cells[k].text, ' ');
		if ((strncmp(f, p1, strlen(p1)) == 0 || strncmp(f, p2, strlen(p2)) == 0) && sp && nopt < 64) {
			snprintf(opt_id[nopt], sizeof opt_id[nopt], "%s", sp + 1);
			opt_col[nopt++] = cells[k].col;
		}
	}
	const char *saved_name = rd->sheet_name;
	const cchc_sheet *saved = rd->sheet;
	rd->sheet_name = imp_keep_name(im, cchc_xlsx_sheet_name(rd->x, (size_t)i));
	rd->sheet = s;
	uint32_t rows = cchc_sheet_rows(s);
	for (uint32_t r = header + 1; header && r <= rows; r++) {
		const cchc_cell *idc = col[SCOL_ID] ? cchc_sheet_cell(s, r, col[SCOL_ID]) : NULL;
		if (blank(idc))
			continue;
		const cchc_node *n = cchc_criteria_find(rd->set, idc->text);
		if (!n || n->nchildren || n->rule.kind != CCHC_RULE_SCALE) {
			IMP_SAY(im, loc(rd, r, col[SCOL_ID]), "mã \"%s\" không phải tiêu chí điều tra XHH của bộ %s: sửa mã hoặc xoá dòng",
			        "\"%s\" is not a survey criterion of set %s: fix the id or delete the row", idc->text,
			        cchc_criteria_id(rd->set));
			continue;
		}
		if (seen_survey[n->index]++) {
			IMP_SAY(im, loc(rd, r, col[SCOL_ID]), "tiêu chí %s có hai dòng kết quả điều tra: giữ một dòng",
			        "criterion %s has two rows of survey results: keep one", n->id);
			continue;
		}
		int answers = 0;
		for (size_t k = 0; k < nopt; k++)
			answers |= !blank(cchc_sheet_cell(s, r, opt_col[k]));
		int mean = 0;
		for (int c = SCOL_RESP; c <= SCOL_SD; c++)
			mean |= col[c] && !blank(cchc_sheet_cell(s, r, col[c]));
		if (!answers && !mean)
			continue;
		cchc_buf_puts(&im->xml, "  <survey");
		attr(im, "criterion", n->id);
		int64_t v;
		if (mean && !answers) {
			static const char *const names[] = {"respondents", "mean", "sd"};
			for (int c = SCOL_RESP; c <= SCOL_SD; c++) {
				if (!col[c] || blank(cchc_sheet_cell(s, r, col[c])))
					continue;
				if (c == SCOL_RESP ? read_count(rd, r, col[c], &v) > 0
				                   : read_decimal(rd, r, col[c], 6, &v) > 0) {
					if (c == SCOL_RESP)
						attr_count(im, names[c - SCOL_RESP], v);
					else
						attr_decimal(im, names[c - SCOL_RESP], v);
				}
			}
			cchc_buf_puts(&im->xml, "/>");
			imp_endl(im, loc(rd, r, col[SCOL_RESP]));
			continue;
		}
		if (mean)
			IMP_SAY(im, loc(rd, r, col[SCOL_RESP]),
			        "tiêu chí %s có cả điểm trung bình và số phiếu theo phương án: giữ một trong hai",
			        "criterion %s has both a mean and answer counts: keep one or the other", n->id);
		cchc_buf_puts(&im->xml, ">");
		imp_endl(im, loc(rd, r, col[SCOL_ID]));
		for (size_t k = 0; k < nopt; k++) {
			if (blank(cchc_sheet_cell(s, r, opt_col[k])) || read_count(rd, r, opt_col[k], &v) < 0)
				continue;
			cchc_buf_puts(&im->xml, "    <answer");
			attr(im, "option", opt_id[k]);
			attr_count(im, "count", v);
			cchc_buf_puts(&im->xml, "/>");
			imp_endl(im, loc(rd, r, opt_col[k]));
		}
		cchc_buf_puts(&im->xml, "  </survey>");
		imp_endl(im, loc(rd, r, col[SCOL_ID]));
	}
	rd->sheet = saved;
	rd->sheet_name = saved_name;
	cchc_sheet_free(s);
}

/* ---- the workbook ------------------------------------------------------------------------- */

static void published(reader *rd)
{
	importer *im = rd->im;
	const char *yes = meta_value(rd, "published");
	if (!yes || !*yes)
		return;
	imp_loc at = {TPL_META_SHEET, 0, 0};
	cchc_buf_puts(&im->xml, "  <published");
	static const char *const keys[] = {"total", "rank", "band", "source"};
	for (size_t k = 0; k < 4; k++) {
		char key[32];
		snprintf(key, sizeof key, "published.%s", keys[k]);
		const char *v = meta_value(rd, key);
		if (v && *v)
			attr(im, keys[k], v);
	}
	cchc_buf_puts(&im->xml, ">");
	imp_endl(im, at);
	uint32_t rows = cchc_sheet_rows(rd->meta);
	for (uint32_t r = 1; r <= rows; r++) {
		const char *k = cell_text(rd->meta, r, 1);
		const char *el = strncmp(k, "published.group:", 16) == 0       ? "group"
		                 : strncmp(k, "published.criterion:", 20) == 0 ? "criterion"
		                                                               : NULL;
		if (!el)
			continue;
		cchc_buf_puts(&im->xml, "    <");
		cchc_buf_puts(&im->xml, el);
		attr(im, "id", k + strlen("published.:") + strlen(el));
		attr(im, "points", cell_text(rd->meta, r, 2));
		cchc_buf_puts(&im->xml, "/>");
		imp_endl(im, at);
	}
	cchc_buf_puts(&im->xml, "  </published>");
	imp_endl(im, at);
}

static const cchc_criteria *pick_set(reader *rd, const cchc_criteria *const *sets, size_t nsets)
{
	importer *im = rd->im;
	imp_loc at = {TPL_META_SHEET, 0, 0};
	const char *format = meta_value(rd, "format"), *kind = meta_value(rd, "kind");
	const char *id = meta_value(rd, "criteria-set");
	if (!format || strcmp(format, CCHC_WORKBOOK_FORMAT) != 0 || !kind || strcmp(kind, "assessment") != 0) {
		IMP_SAY(im, at, "trang \"cchc\" không ghi format %s, kind assessment: dùng sổ do cchc template tạo",
		        "the \"cchc\" sheet does not say format %s, kind assessment: use a workbook cchc template wrote",
		        CCHC_WORKBOOK_FORMAT);
		return NULL;
	}
	for (size_t i = 0; i < nsets; i++)
		if (id && strcmp(cchc_criteria_id(sets[i]), id) == 0)
			return sets[i];
	IMP_SAY(im, at, "sổ dành cho bộ tiêu chí \"%s\", không có trong các bộ đã cho: thêm tệp bộ tiêu chí đó",
	        "the workbook is for criteria set \"%s\", which is not among the sets given: add that set's file",
	        id ? id : "");
	return NULL;
}

int imp_read(importer *im, const char *path, const cchc_criteria *const *sets, size_t nsets)
{
	reader rd;
	memset(&rd, 0, sizeof rd);
	rd.im = im;
	rd.lang = im->english ? CCHC_LANG_EN : CCHC_LANG_VI;
	cchc_xlsx_options xo = {0};
	xo.lang = im->english ? "en" : "vi";
	cchc_sheet *meta = NULL, *sheet = NULL;
	unsigned char *seen = NULL, *seen_survey = NULL;
	int rc = -1;
	size_t before = cchc_diag_count(im->diag);
	if (cchc_xlsx_open_with(&rd.x, path, NULL, 0, &xo, im->diag) < 0)
		goto done;
	long mi = cchc_xlsx_sheet_find(rd.x, TPL_META_SHEET);
	if (mi < 0) {
		imp_loc at = {NULL, 0, 0};
		imp_say(im, at, im->english ? "not a cchc self-assessment workbook (there is no \"cchc\" sheet): use a "
		                              "workbook cchc template wrote"
		                            : "không phải sổ tự chấm của cchc (không có trang \"cchc\"): dùng sổ do cchc "
		                              "template tạo");
		goto done;
	}
	if (cchc_xlsx_sheet_load(&meta, rd.x, (size_t)mi, im->diag) < 0)
		goto done;
	rd.meta = meta;
	if (!(rd.set = pick_set(&rd, sets, nsets)))
		goto done;
	const char *agency = meta_value(&rd, "agency"), *name = meta_value(&rd, "name");
	const char *block = meta_value(&rd, "block"), *year = meta_value(&rd, "year");
	const char *sname = meta_value(&rd, "sheet.assessment");
	long si = cchc_xlsx_sheet_find(rd.x, sname && *sname ? sname : tpl_words_for(0)->sheet_assessment);
	if (si < 0)
		si = cchc_xlsx_sheet_find(rd.x, tpl_words_for(1)->sheet_assessment);
	if (si < 0 || !agency || !*agency) {
		imp_loc at = {TPL_META_SHEET, 0, 0};
		imp_say(im, at, im->english ? "the self-assessment sheet or the agency id is missing: use a workbook cchc "
		                              "template wrote"
		                            : "thiếu trang tự chấm hoặc mã cơ quan (agency): dùng sổ do cchc template tạo");
		goto done;
	}
	if (cchc_xlsx_sheet_load(&sheet, rd.x, (size_t)si, im->diag) < 0)
		goto done;
	rd.sheet = sheet;
	rd.sheet_name = imp_keep_name(im, cchc_xlsx_sheet_name(rd.x, (size_t)si));

	imp_loc top = {TPL_META_SHEET, 0, 0};
	cchc_buf_puts(&im->xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	imp_endl(im, top);
	cchc_buf_puts(&im->xml, "<assessment xmlns=\"urn:cchc:assessment:1\"");
	attr(im, "criteria-set", cchc_criteria_id(rd.set));
	attr(im, "year", year ? year : "");
	cchc_buf_puts(&im->xml, ">");
	imp_endl(im, top);
	cchc_buf_puts(&im->xml, "  <agency");
	attr(im, "id", agency);
	attr(im, "name", name && *name ? name : agency);
	if (block && *block)
		attr(im, "block", block);
	cchc_buf_puts(&im->xml, "/>");
	imp_endl(im, top);
	published(&rd);

	uint32_t header;
	if (find_columns(&rd, &header) < 0)
		goto done;
	size_t nn;
	cchc_criteria_nodes(rd.set, &nn);
	seen = calloc(nn ? nn : 1, sizeof *seen);
	seen_survey = calloc(nn ? nn : 1, 1);
	rd.row_of = calloc(nn ? nn : 1, sizeof *rd.row_of);
	if (!seen || !seen_survey || !rd.row_of) {
		im->xml.failed = 1;
		goto done;
	}
	uint32_t rows = cchc_sheet_rows(sheet);
	for (uint32_t r = header + 1; r <= rows; r++) {
		const cchc_cell *idc = cchc_sheet_cell(sheet, r, rd.col[COL_ID]);
		if (blank(idc))
			continue; /* a blank, inserted or summary row */
		char id[FOLD];
		snprintf(id, sizeof id, "%s", idc->text);
		for (size_t n = strlen(id); n && id[n - 1] == ' ';)
			id[--n] = '\0';
		const cchc_node *n = cchc_criteria_find(rd.set, id);
		if (!n) {
			IMP_SAY(im, loc(&rd, r, rd.col[COL_ID]), "mã \"%s\" không có trong bộ tiêu chí %s: sửa mã hoặc xoá dòng",
			        "id \"%s\" is not in criteria set %s: fix the id or delete the row", id,
			        cchc_criteria_id(rd.set));
			continue;
		}
		if (seen[n->index]) {
			IMP_SAY(im, loc(&rd, r, rd.col[COL_ID]), "tiêu chí %s có hai dòng (dòng %lu và %lu): giữ một dòng",
			        "criterion %s has two rows (%lu and %lu): keep one", n->id,
			        (unsigned long)rd.row_of[n->index], (unsigned long)r);
			continue;
		}
		seen[n->index] = 1;
		rd.row_of[n->index] = r;
		if (n->nchildren == 0)
			leaf_row(&rd, n, r);
	}
	const char *survey = meta_value(&rd, "sheet.survey");
	survey_sheet(&rd, survey && *survey ? survey : tpl_words_for(0)->sheet_survey, seen_survey);
	cchc_buf_puts(&im->xml, "</assessment>");
	imp_endl(im, top);
	rc = im->xml.failed || cchc_diag_count(im->diag) != before || im->errors ? -1 : 0;
done:
	free(seen);
	free(seen_survey);
	free(rd.row_of);
	cchc_sheet_free(sheet);
	cchc_sheet_free(meta);
	cchc_xlsx_free(rd.x);
	return rc;
}
