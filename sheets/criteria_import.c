/* Reading a criteria-set workbook back: every cell is checked as it is typed
 * (numbers the Vietnamese way, dates 31/01/2019, the kinds' words, levels,
 * ids), then the set's XML is written one element per line with the cell
 * each line came from, loaded by the criteria loader itself (every semantic
 * check of criteria files applies), and its file:line messages come back at
 * the cells, in the user's language (criteria_import_msg.c). */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "criteria_book.h"
#include "import_priv.h"

#define FOLD 256
#define VALUE 72 /* a number, date, id (at most 64) or word as written in XML */

/* What an XML line stands for, to find the cell a loader message is about. */
typedef enum { LN_NONE = 0, LN_SET, LN_BAND, LN_SELF, LN_GROUP, LN_CRIT, LN_RULE, LN_CHILD, LN_REMEDY } cb_line;

typedef struct {
	int level;       /* 1 a group, 2 its criteria, … */
	uint32_t row;
	int rule_open;   /* its <rule> is written and open (tiers, grades, options may follow) */
	int flushed;     /* its rule and remedy are written */
	int better_lower;
	int remedy;      /* the row has a remedy to write */
} cb_open;

typedef struct {
	importer im;                 /* messages, the XML and the cell of each line */
	unsigned char *what;         /* by line: cb_line */
	size_t nwhat;
	cchc_xlsx *x;
	const cchc_sheet *sheet_now; /* the sheet being read */
	const char *set_name, *tree_name;
	uint32_t set_row[CB_SET_NKEYS]; /* the row of each key on the set sheet (0: none) */
	uint32_t col[CB_NCOLS];      /* the tree sheet's columns, 1-based (0: absent) */
	cb_open stack[CB_MAX_LEVEL + 1];
	int depth;                   /* open nodes */
	const cchc_sheet *tree;
} cb_import;

/* A message without values, in the user's language. */
#define SAY0(ci, l, vi, en) imp_say(&(ci)->im, l, "%s", (ci)->im.english ? (en) : (vi))

/* ---- cells ----------------------------------------------------------------------------------- */

static const cchc_cell *at(const cchc_sheet *s, uint32_t row, uint32_t col)
{
	return col ? cchc_sheet_cell(s, row, col) : NULL;
}

static int blank(const cchc_cell *c)
{
	if (!c || c->type == CCHC_CELL_BLANK)
		return 1;
	return c->type == CCHC_CELL_TEXT && c->text[strspn(c->text, " \t\r\n")] == '\0';
}

/* The cell's text as the person typed it: "0,8" in Vietnamese. */
static const char *shown(const cb_import *ci, const cchc_cell *c, char buf[64])
{
	snprintf(buf, 64, "%s", c->text);
	if (c->type == CCHC_CELL_NUMBER && !ci->im.english)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	return buf;
}

/* A decimal scaled by 10^places, spelled for XML with the zeros after the point dropped. */
static void spell(char out[VALUE], int64_t v, int places)
{
	int64_t scale = 1;
	for (int i = 0; i < places; i++)
		scale *= 10;
	uint64_t a = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
	int n = snprintf(out, VALUE, "%s%" PRIu64, v < 0 ? "-" : "", a / (uint64_t)scale);
	uint64_t frac = a % (uint64_t)scale;
	if (frac && n > 0) {
		char f[24];
		snprintf(f, sizeof f, ".%0*" PRIu64, places, frac);
		for (size_t k = strlen(f); k > 1 && f[k - 1] == '0'; k--)
			f[k - 1] = '\0';
		snprintf(out + n, (size_t)(VALUE - n), "%s", f);
	}
}

static int id_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 1 && n <= 64 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static void words_list(char *out, size_t size, const char *const *words)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; words[i] && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", words[i]);
}

/* The cell as the XML value of a column of type t: 1 with the value in out (text: *text
 * points at the cell's own), 0 blank, -1 reported. */
static int cbi_value(cb_import *ci, const char *sheet, uint32_t row, uint32_t col, cb_type t, const char *const *words,
              char out[VALUE], const char **text)
{
	const cchc_cell *c = at(ci->sheet_now, row, col);
	imp_loc l = {sheet, row, col};
	char b[64], f[FOLD], list[256];
	int64_t v = 0;
	*text = NULL;
	if (blank(c))
		return 0;
	switch (t) {
	case CB_POINTS:
	case CB_DECIMAL: {
		const int places = t == CB_POINTS ? 2 : 6;
		cchc_num_status st = cchc_cell_decimal(c, places, &v);
		if (st == CCHC_NUM_OK) {
			spell(out, v, places);
			return 1;
		}
		if (st == CCHC_NUM_PRECISION)
			IMP_SAY(&ci->im, l, "\"%s\" có quá nhiều chữ số thập phân: ghi tối đa %d chữ số sau dấu phẩy",
			        "\"%s\" has too many decimals: write at most %d", shown(ci, c, b), places);
		else
			IMP_SAY(&ci->im, l, "\"%s\" không phải là số: ghi một số, ví dụ 0,75",
			        "\"%s\" is not a number: write a number such as 0.75", shown(ci, c, b));
		return -1;
	}
	case CB_COUNT:
		if (cchc_cell_count(c, &v) == CCHC_NUM_OK) {
			snprintf(out, VALUE, "%" PRId64, v);
			return 1;
		}
		IMP_SAY(&ci->im, l, "\"%s\" không phải số nguyên không âm: ghi một số như 3",
		        "\"%s\" is not a whole number: write one such as 3", shown(ci, c, b));
		return -1;
	case CB_DATE: {
		cchc_date d;
		if (cchc_cell_date(c, cchc_xlsx_date1904(ci->x), &d) == CCHC_NUM_OK) {
			int y, m, day;
			cchc_date_split(d, &y, &m, &day);
			snprintf(out, VALUE, "%04d-%02d-%02d", y, m, day);
			return 1;
		}
		IMP_SAY(&ci->im, l, "\"%s\" không phải ngày: ghi ngày/tháng/năm, ví dụ 31/01/2019",
		        "\"%s\" is not a date: write day/month/year, like 31/01/2019", shown(ci, c, b));
		return -1;
	}
	case CB_BOOL: {
		int yes = cchc_cell_yesno(c);
		if (yes >= 0) {
			snprintf(out, VALUE, "%s", yes ? "true" : "false");
			return 1;
		}
		const tpl_words *w = tpl_words_for(ci->im.english);
		IMP_SAY(&ci->im, l, "\"%s\" không phải câu trả lời: ghi %s hoặc %s", "\"%s\" is not an answer: write %s or %s",
		        c->text, w->yes, w->no);
		return -1;
	}
	case CB_ENUM:
		cchc_text_fold(f, sizeof f, c->text);
		for (size_t i = 0; words[i]; i++)
			if (strcmp(f, words[i]) == 0) {
				snprintf(out, VALUE, "%s", words[i]);
				return 1;
			}
		words_list(list, sizeof list, words);
		IMP_SAY(&ci->im, l, "\"%s\" không có trong danh sách: chọn một trong %s",
		        "\"%s\" is not one of the list: choose one of %s", c->text, list);
		return -1;
	case CB_ID:
		snprintf(f, sizeof f, "%s", c->text + strspn(c->text, " "));
		for (size_t k = strlen(f); k && f[k - 1] == ' '; k--)
			f[k - 1] = '\0';
		if (!id_ok(f)) {
			IMP_SAY(&ci->im, l, "mã \"%s\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang "
			                    "(tối đa 64 ký tự)",
			        "the id \"%s\" is not valid: use letters without diacritics, digits, '.', '_' and '-' (at most "
			        "64)",
			        c->text);
			return -1;
		}
		memcpy(out, f, strlen(f) + 1); /* at most 64 bytes: id_ok */
		return 1;
	default:
		*text = c->text;
		return 1;
	}
}

/* ---- the XML, one element per line ------------------------------------------------------------ */

static void endl(cb_import *ci, imp_loc l, cb_line what)
{
	size_t line = (size_t)ci->im.line;
	if (line >= ci->nwhat) {
		size_t n = ci->nwhat ? 2 * ci->nwhat : 256;
		while (n <= line)
			n *= 2;
		unsigned char *grown = realloc(ci->what, n);
		if (!grown) {
			ci->im.xml.failed = 1;
			return;
		}
		memset(grown + ci->nwhat, 0, n - ci->nwhat);
		ci->what = grown;
		ci->nwhat = n;
	}
	ci->what[line] = (unsigned char)what;
	imp_endl(&ci->im, l);
}

static void put(cb_import *ci, const char *s)
{
	cchc_buf_puts(&ci->im.xml, s);
}

static void put_attr(cb_import *ci, const char *name, const char *v)
{
	cchc_buf_printf(&ci->im.xml, " %s=\"", name);
	tpl_xml_attr(&ci->im.xml, v);
	put(ci, "\"");
}

static imp_loc loc(const char *sheet, uint32_t row, uint32_t col)
{
	imp_loc l = {sheet, row, col};
	return l;
}

/* The cell of column t at (row, col) as an attribute (blank: none); -1 when reported. */
static int cell_attr(cb_import *ci, const char *sheet, uint32_t row, uint32_t col, const char *name, cb_type t,
                     const char *const *words)
{
	char v[VALUE];
	const char *text;
	int rc = cbi_value(ci, sheet, row, col, t, words, v, &text);
	if (rc > 0)
		put_attr(ci, name, text ? text : v);
	return rc;
}

/* ---- the set sheet ----------------------------------------------------------------------------- */

static void missing(cb_import *ci, const char *sheet, uint32_t row, uint32_t col, const char *what_vi,
                    const char *what_en)
{
	IMP_SAY(&ci->im, loc(sheet, row, col), "thiếu %s: điền ô này", "%s is missing: fill this cell in", ci->im.english ? what_en : what_vi);
}

/* A key of the set sheet without its value (row 0: without its row). */
static void key_missing(cb_import *ci, uint32_t row, cb_set_key k)
{
	IMP_SAY(&ci->im, loc(ci->set_name, row, row ? 2 : 0), "khóa %s chưa có giá trị (%s): điền vào cột B",
	        "the key %s has no value (%s): fill it in, in column B", cb_set_rows[k].key,
	        ci->im.english ? cb_set_rows[k].help_en : cb_set_rows[k].help_vi);
}

static void read_set(cb_import *ci, const cchc_sheet *s)
{
	const char *sh = ci->set_name;
	uint32_t *bands = NULL, nbands = 0, rows = cchc_sheet_rows(s);
	char f[FOLD], k[FOLD];
	ci->sheet_now = s;
	/* the keys follow the header row, the first whose column A says Khóa or Key */
	uint32_t head = 0;
	for (uint32_t r = 1; r <= rows && r <= 10 && !head; r++) {
		cchc_text_fold(f, sizeof f, at(s, r, 1) ? at(s, r, 1)->text : "");
		if (strcmp(f, "khoa") == 0 || strcmp(f, "key") == 0)
			head = r;
	}
	if (!head)
		SAY0(ci, loc(sh, 0, 0), "không tìm thấy dòng tiêu đề có cột \"Khóa\": giữ dòng tiêu đề của trang",
		     "no header row with a \"Key\" column: keep the sheet's header row");
	for (uint32_t r = head ? head + 1 : rows + 1; r <= rows; r++) {
		const cchc_cell *key = at(s, r, 1);
		if (blank(key)) {
			if (!blank(at(s, r, 2)) || !blank(at(s, r, 3)))
				SAY0(ci, loc(sh, r, 1), "dòng có giá trị nhưng thiếu khóa: ghi khóa (id, year, band, …) vào cột A",
				        "a value without a key: write the key (id, year, band, …) in column A");
			continue;
		}
		cchc_text_fold(f, sizeof f, key->text);
		int found = -1;
		for (int i = 0; i < CB_SET_NKEYS && found < 0; i++) {
			cchc_text_fold(k, sizeof k, cb_set_rows[i].key);
			if (strcmp(f, k) == 0)
				found = i;
		}
		if (found < 0) {
			IMP_SAY(&ci->im, loc(sh, r, 1), "khóa \"%s\" không có: dùng id, year, title, max, block, na, no-survey, "
			                                 "require-docs, self-check tolerance, self-check penalty hoặc band",
			        "unknown key \"%s\": use id, year, title, max, block, na, no-survey, require-docs, self-check "
			        "tolerance, self-check penalty or band",
			        key->text);
		} else if (found == CB_SET_BAND) {
			uint32_t *grown = realloc(bands, (nbands + 1) * sizeof *bands);
			if (!grown) {
				ci->im.xml.failed = 1;
				break;
			}
			bands = grown;
			bands[nbands++] = r;
		} else if (ci->set_row[found]) {
			IMP_SAY(&ci->im, loc(sh, r, 1), "khóa %s đã có ở dòng %lu: mỗi khóa một dòng",
			        "the key %s is already on row %lu: one row per key", cb_set_rows[found].key,
			        (unsigned long)ci->set_row[found]);
		} else {
			ci->set_row[found] = r;
		}
	}
	static const cb_set_key required[] = {CB_SET_ID, CB_SET_YEAR, CB_SET_TITLE, CB_SET_MAX};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++) {
		uint32_t r = ci->set_row[required[i]];
		if (!r)
			IMP_SAY(&ci->im, loc(sh, 0, 0), "thiếu dòng khóa %s: thêm dòng đó", "the key %s is missing: add its row",
			        cb_set_rows[required[i]].key);
		else if (blank(at(s, r, 2)))
			key_missing(ci, r, required[i]);
	}
	put(ci, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	endl(ci, loc(NULL, 0, 0), LN_NONE);
	put(ci, "<criteria-set xmlns=\"urn:cchc:criteria:1\"");
	for (int i = CB_SET_ID; i < CB_SET_TOLERANCE; i++)
		if (ci->set_row[i])
			cell_attr(ci, sh, ci->set_row[i], 2, cb_set_rows[i].attr, cb_set_rows[i].type, cb_set_rows[i].words);
	put(ci, ">");
	endl(ci, loc(sh, ci->set_row[CB_SET_MAX], 2), LN_SET);
	put(ci, "<bands>");
	endl(ci, loc(sh, nbands ? bands[0] : 0, 2), LN_NONE);
	if (!nbands)
		SAY0(ci, loc(sh, 0, 0), "chưa có xếp loại: thêm ít nhất một dòng band (tên ở cột B, điểm sàn ở cột C)",
		        "no bands: add at least one band row (its label in B, its minimum in C)");
	for (uint32_t i = 0; i < nbands; i++) {
		put(ci, "<band");
		if (blank(at(s, bands[i], 2)))
			missing(ci, sh, bands[i], 2, "tên xếp loại", "the band's label");
		if (blank(at(s, bands[i], 3)))
			missing(ci, sh, bands[i], 3, "điểm sàn của xếp loại", "the band's minimum");
		cell_attr(ci, sh, bands[i], 2, "label", CB_TEXT, NULL);
		cell_attr(ci, sh, bands[i], 3, "min", CB_POINTS, NULL);
		put(ci, "/>");
		endl(ci, loc(sh, bands[i], 2), LN_BAND);
	}
	put(ci, "</bands>");
	endl(ci, loc(sh, 0, 0), LN_NONE);
	const uint32_t tol = ci->set_row[CB_SET_TOLERANCE], pen = ci->set_row[CB_SET_PENALTY];
	const int has_tol = tol && !blank(at(s, tol, 2)), has_pen = pen && !blank(at(s, pen, 2));
	if (has_tol != has_pen)
		key_missing(ci, has_tol ? pen : tol, has_tol ? CB_SET_PENALTY : CB_SET_TOLERANCE);
	if (has_tol || has_pen) {
		put(ci, "<self-check");
		cell_attr(ci, sh, tol, 2, "tolerance", CB_POINTS, NULL);
		cell_attr(ci, sh, pen, 2, "penalty", CB_POINTS, NULL);
		put(ci, "/>");
		endl(ci, loc(sh, has_tol ? tol : pen, 2), LN_SELF);
	}
	free(bands);
}

/* ---- the tree sheet -------------------------------------------------------------------------- */

static int find_columns(cb_import *ci, const cchc_sheet *s, uint32_t *header)
{
	char f[FOLD], a[FOLD], b[FOLD];
	size_t n;
	const cchc_cell *cells = cchc_sheet_cells(s, &n);
	for (uint32_t r = 1; r <= 10; r++) {
		memset(ci->col, 0, sizeof ci->col);
		for (size_t i = 0; i < n; i++) {
			if (cells[i].row != r)
				continue;
			cchc_text_fold(f, sizeof f, cells[i].text);
			for (int c = 0; c < CB_NCOLS; c++) {
				cchc_text_fold(a, sizeof a, cb_columns[c].vi);
				cchc_text_fold(b, sizeof b, cb_columns[c].en);
				if (!ci->col[c] && (strcmp(f, a) == 0 || strcmp(f, b) == 0)) {
					ci->col[c] = cells[i].col;
					break;
				}
			}
		}
		if (ci->col[CB_LEVEL] && ci->col[CB_NODE_ID]) {
			*header = r;
			return 0;
		}
	}
	SAY0(ci, loc(ci->tree_name, 0, 0),
	        "không tìm thấy dòng tiêu đề có cột \"Cấp\" và \"Mã\": giữ dòng tiêu đề của sổ",
	        "no header row with the columns \"Level\" and \"Id\": keep the workbook's header row");
	return -1;
}

static const char *header(const cb_import *ci, int c)
{
	return ci->im.english ? cb_columns[c].en : cb_columns[c].vi;
}

static int filled(const cb_import *ci, uint32_t row, int c)
{
	return ci->col[c] && !blank(at(ci->tree, row, ci->col[c]));
}

/* A column given where it does not belong. */
static void misplaced(cb_import *ci, uint32_t row, int c, const char *why_vi, const char *why_en)
{
	IMP_SAY(&ci->im, loc(ci->tree_name, row, ci->col[c]), "cột %s %s: để trống ô này", "the column %s %s: leave this cell blank",
	        header(ci, c), ci->im.english ? why_en : why_vi);
}

static void flush(cb_import *ci)
{
	if (!ci->depth)
		return;
	cb_open *o = &ci->stack[ci->depth - 1];
	if (o->flushed)
		return;
	o->flushed = 1;
	if (o->rule_open) {
		put(ci, "</rule>");
		endl(ci, loc(ci->tree_name, o->row, ci->col[CB_RULE]), LN_RULE);
		o->rule_open = 0;
	}
	if (!o->remedy)
		return;
	const char *sh = ci->tree_name;
	if (!filled(ci, o->row, CB_REMEDY))
		missing(ci, sh, o->row, ci->col[CB_REMEDY] ? ci->col[CB_REMEDY] : ci->col[CB_TASK],
		        "giải pháp khắc phục (nhiệm vụ, chủ trì, phối hợp, thời gian đi kèm nó)",
		        "the remedy (its task, owner, support and when go with it)");
	put(ci, "<remedy");
	for (int c = CB_TASK; c <= CB_WHEN; c++)
		cell_attr(ci, sh, o->row, ci->col[c], cb_columns[c].attr, CB_TEXT, NULL);
	put(ci, ">");
	char v[VALUE];
	const char *text = NULL;
	if (ci->col[CB_REMEDY] && cbi_value(ci, sh, o->row, ci->col[CB_REMEDY], CB_TEXT, NULL, v, &text) > 0)
		tpl_xml_attr(&ci->im.xml, text);
	put(ci, "</remedy>");
	endl(ci, loc(sh, o->row, ci->col[CB_REMEDY]), LN_REMEDY);
}

static void close_top(cb_import *ci)
{
	flush(ci);
	cb_open *o = &ci->stack[--ci->depth];
	put(ci, o->level == 1 ? "</group>" : "</criterion>");
	endl(ci, loc(ci->tree_name, o->row, ci->col[CB_NODE_ID]), LN_NONE);
}

typedef struct {
	char *id;
	uint32_t row;
	uint32_t first; /* the row the id is first used on */
} seen_id;

static int by_id_row(const void *a, const void *b)
{
	const seen_id *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->row > y->row) - (x->row < y->row);
}

static int by_row(const void *a, const void *b)
{
	const seen_id *x = a, *y = b;
	return (x->row > y->row) - (x->row < y->row);
}

/* Each id used again, at its row, naming the first: sorted, not compared pairwise (a sheet may
 * hold 100 000 rows). The ids are left in row order. */
static void duplicates(cb_import *ci, seen_id *ids, size_t n)
{
	if (!n)
		return;
	uint32_t *first = malloc(n * sizeof *first);
	if (!first) {
		ci->im.xml.failed = 1;
		return;
	}
	qsort(ids, n, sizeof *ids, by_id_row);
	for (size_t i = 0; i < n; i++)
		first[i] = i && strcmp(ids[i].id, ids[i - 1].id) == 0 ? first[i - 1] : ids[i].row;
	for (size_t i = 0; i < n; i++)
		ids[i].first = first[i];
	free(first);
	qsort(ids, n, sizeof *ids, by_row);
	for (size_t i = 0; i < n; i++)
		if (ids[i].first != ids[i].row)
			IMP_SAY(&ci->im, loc(ci->tree_name, ids[i].row, ci->col[CB_NODE_ID]),
			        "mã \"%s\" đã dùng ở dòng %lu: mỗi mã chỉ dùng một lần",
			        "the id \"%s\" is already used on row %lu: ids must be unique", ids[i].id,
			        (unsigned long)ids[i].first);
}

static void node_row(cb_import *ci, uint32_t r, int level, seen_id **ids, size_t *nids)
{
	const char *sh = ci->tree_name;
	const int group = level == 1, top = ci->depth ? ci->stack[ci->depth - 1].level : 0;
	if (level > top + 1) {
		if (!top)
			SAY0(ci, loc(sh, r, ci->col[CB_LEVEL]), "dòng đầu của cây phải là một nhóm, cấp 1",
			        "the tree must begin with a group, level 1");
		else
			IMP_SAY(&ci->im, loc(sh, r, ci->col[CB_LEVEL]),
			        "cấp %d ngay dưới một dòng cấp %d: mỗi dòng chỉ sâu hơn dòng cha một cấp",
			        "level %d right below a row of level %d: a row is one level below its parent", level, top);
		return;
	}
	flush(ci);
	while (ci->depth && ci->stack[ci->depth - 1].level >= level)
		close_top(ci);
	/* the cells a group or a criterion does not take */
	for (int c = CB_NODE_ID; c < CB_NCOLS; c++) {
		if (!filled(ci, r, c))
			continue;
		if (cb_columns[c].on == CB_ON_GROUP && !group)
			misplaced(ci, r, c, "chỉ dùng cho nhóm (cấp 1)", "is for groups (level 1) only");
		else if (cb_columns[c].on == CB_ON_CRIT && group)
			misplaced(ci, r, c, "chỉ dùng cho tiêu chí (cấp 2 trở xuống)", "is for criteria (level 2 and below) only");
		else if (cb_columns[c].on == CB_ON_CHILD)
			misplaced(ci, r, c, "chỉ dùng ở dòng " CB_TIER_VI ", " CB_GRADE_VI " hoặc " CB_OPTION_VI,
			          "is for " CB_TIER_EN ", " CB_GRADE_EN " and " CB_OPTION_EN " rows only");
		else if (group && (cb_columns[c].on == CB_ON_RULE || cb_columns[c].on == CB_ON_REMEDY))
			misplaced(ci, r, c, "không dùng cho nhóm: nhóm được tổng điểm các tiêu chí của nó",
			          "does not apply to a group: a group is worth the sum of its criteria");
	}
	const int rule = !group && filled(ci, r, CB_RULE);
	for (int c = CB_UNIT; !group && !rule && c <= CB_IF_NONE; c++)
		if (filled(ci, r, c))
			misplaced(ci, r, c, "là tham số của cách chấm, mà dòng này không có Cách chấm",
			          "is a rule's parameter, and this row has no rule kind");
	if (!filled(ci, r, CB_NODE_ID))
		missing(ci, sh, r, ci->col[CB_NODE_ID], "mã", "the id");
	if (!filled(ci, r, CB_TITLE))
		missing(ci, sh, r, ci->col[CB_TITLE] ? ci->col[CB_TITLE] : ci->col[CB_NODE_ID], "tên tiêu chí", "the title");
	char id[VALUE];
	const char *text;
	if (cbi_value(ci, sh, r, ci->col[CB_NODE_ID], CB_ID, NULL, id, &text) > 0) {
		/* kept, and checked for repeats once the tree is read (duplicates()) */
		seen_id *grown = realloc(*ids, (*nids + 1) * sizeof **ids);
		if (grown && (grown[*nids].id = strdup(id)) != NULL) {
			grown[*nids].row = r;
			*ids = grown;
			(*nids)++;
		} else {
			if (grown)
				*ids = grown;
			ci->im.xml.failed = 1;
		}
	}
	put(ci, group ? "<group" : "<criterion");
	for (int c = CB_NODE_ID; c <= CB_VERB; c++)
		if (cb_columns[c].on == CB_ON_NODE || cb_columns[c].on == (group ? CB_ON_GROUP : CB_ON_CRIT))
			cell_attr(ci, sh, r, ci->col[c], cb_columns[c].attr, cb_columns[c].type, cb_columns[c].words);
	put(ci, ">");
	endl(ci, loc(sh, r, ci->col[CB_NODE_ID]), group ? LN_GROUP : LN_CRIT);
	if (ci->depth > CB_MAX_LEVEL) /* cannot be: levels are at most CB_MAX_LEVEL */
		return;
	cb_open *o = &ci->stack[ci->depth++];
	memset(o, 0, sizeof *o);
	o->level = level;
	o->row = r;
	for (int c = CB_REMEDY; !group && c <= CB_WHEN; c++)
		o->remedy |= filled(ci, r, c);
	if (!rule)
		return;
	char better[VALUE];
	o->better_lower = cbi_value(ci, sh, r, ci->col[CB_BETTER], CB_ENUM, cb_columns[CB_BETTER].words, better, &text) > 0 &&
	                  strcmp(better, "lower") == 0;
	put(ci, "<rule");
	for (int c = CB_RULE; c <= CB_IF_NONE; c++)
		cell_attr(ci, sh, r, ci->col[c], cb_columns[c].attr, cb_columns[c].type, cb_columns[c].words);
	put(ci, ">");
	endl(ci, loc(sh, r, ci->col[CB_RULE]), LN_RULE);
	o->rule_open = 1;
}

typedef enum { ROW_TIER, ROW_GRADE, ROW_OPTION } cb_child;

static void child_row(cb_import *ci, uint32_t r, cb_child kind)
{
	const char *sh = ci->tree_name;
	cb_open *o = ci->depth ? &ci->stack[ci->depth - 1] : NULL;
	static const char *const vi[] = {CB_TIER_VI, CB_GRADE_VI, CB_OPTION_VI}, *const en[] = {CB_TIER_EN, CB_GRADE_EN, CB_OPTION_EN};
	if (!o || !o->rule_open) {
		IMP_SAY(&ci->im, loc(sh, r, ci->col[CB_LEVEL]),
		        "dòng %s phải nằm ngay dưới tiêu chí có Cách chấm của nó (hoặc dưới các dòng %s khác của tiêu chí đó)",
		        "a %s row belongs right below its criterion's rule (or below the criterion's other %s rows)",
		        ci->im.english ? en[kind] : vi[kind], ci->im.english ? en[kind] : vi[kind]);
		return;
	}
	const int tier = kind == ROW_TIER;
	for (int c = CB_NODE_ID; c < CB_NCOLS; c++) {
		int used = tier ? c == CB_BOUND || c == CB_TIER_POINTS : c == CB_NODE_ID || c == CB_TITLE || c == CB_SHARE;
		if (!used && filled(ci, r, c))
			IMP_SAY(&ci->im, loc(sh, r, ci->col[c]), "cột %s không dùng ở dòng %s: để trống ô này",
			        "the column %s does not apply to a %s row: leave this cell blank", header(ci, c),
			        ci->im.english ? en[kind] : vi[kind]);
	}
	static const int need_tier[] = {CB_BOUND, CB_TIER_POINTS}, need_other[] = {CB_NODE_ID, CB_TITLE, CB_SHARE};
	const int *need = tier ? need_tier : need_other;
	for (size_t i = 0; i < (tier ? 2u : 3u); i++)
		if (!filled(ci, r, need[i]))
			IMP_SAY(&ci->im, loc(sh, r, ci->col[need[i]] ? ci->col[need[i]] : ci->col[CB_LEVEL]),
			        "dòng %s thiếu %s: điền ô này", "the %s row has no %s: fill this cell in",
			        ci->im.english ? en[kind] : vi[kind], header(ci, need[i]));
	if (tier) {
		put(ci, "<tier");
		cell_attr(ci, sh, r, ci->col[CB_BOUND], o->better_lower ? "max" : "min", CB_DECIMAL, NULL);
		cell_attr(ci, sh, r, ci->col[CB_TIER_POINTS], "points", CB_POINTS, NULL);
	} else {
		put(ci, kind == ROW_GRADE ? "<grade" : "<option");
		cell_attr(ci, sh, r, ci->col[CB_NODE_ID], "id", CB_ID, NULL);
		cell_attr(ci, sh, r, ci->col[CB_TITLE], "label", CB_TEXT, NULL);
		cell_attr(ci, sh, r, ci->col[CB_SHARE], kind == ROW_GRADE ? "share" : "weight",
		          kind == ROW_GRADE ? CB_POINTS : CB_DECIMAL, NULL);
	}
	put(ci, "/>");
	endl(ci, loc(sh, r, ci->col[tier ? CB_BOUND : CB_SHARE]), LN_CHILD);
}

static void read_tree(cb_import *ci, const cchc_sheet *s)
{
	uint32_t head;
	ci->tree = ci->sheet_now = s;
	if (find_columns(ci, s, &head) < 0)
		return;
	seen_id *ids = NULL;
	size_t nids = 0;
	char f[FOLD], w[FOLD];
	for (uint32_t r = head + 1; r <= cchc_sheet_rows(s); r++) {
		const cchc_cell *lv = at(s, r, ci->col[CB_LEVEL]);
		if (blank(lv)) {
			for (int c = CB_NODE_ID; c < CB_NCOLS; c++)
				if (filled(ci, r, c)) {
					IMP_SAY(&ci->im, loc(ci->tree_name, r, ci->col[CB_LEVEL]),
					        "dòng có nội dung nhưng thiếu cấp: ghi cấp (1 nhóm, 2 tiêu chí, …) hoặc %s, %s, %s",
					        "a row with content but no level: write the level (1 group, 2 criterion, …) or %s, %s, %s",
					        ci->im.english ? CB_TIER_EN : CB_TIER_VI, ci->im.english ? CB_GRADE_EN : CB_GRADE_VI,
					        ci->im.english ? CB_OPTION_EN : CB_OPTION_VI);
					break;
				}
			continue;
		}
		int64_t level = 0;
		if (cchc_cell_count(lv, &level) == CCHC_NUM_OK && level >= 1 && level <= CB_MAX_LEVEL) {
			node_row(ci, r, (int)level, &ids, &nids);
			continue;
		}
		cchc_text_fold(f, sizeof f, lv->text);
		static const char *const words[][2] = {{CB_TIER_VI, CB_TIER_EN}, {CB_GRADE_VI, CB_GRADE_EN}, {CB_OPTION_VI, CB_OPTION_EN}};
		int kind = -1;
		for (int k = 0; k < 3 && kind < 0; k++)
			for (int l = 0; l < 2 && kind < 0; l++) {
				cchc_text_fold(w, sizeof w, words[k][l]);
				if (strcmp(f, w) == 0)
					kind = k;
			}
		if (kind >= 0) {
			child_row(ci, r, (cb_child)kind);
			continue;
		}
		char b[64];
		IMP_SAY(&ci->im, loc(ci->tree_name, r, ci->col[CB_LEVEL]),
		        "\"%s\" không phải cấp: ghi 1 (nhóm) đến %d, hoặc %s, %s, %s",
		        "\"%s\" is not a level: write 1 (group) to %d, or %s, %s, %s", shown(ci, lv, b), CB_MAX_LEVEL,
		        ci->im.english ? CB_TIER_EN : CB_TIER_VI, ci->im.english ? CB_GRADE_EN : CB_GRADE_VI,
		        ci->im.english ? CB_OPTION_EN : CB_OPTION_VI);
	}
	while (ci->depth)
		close_top(ci);
	duplicates(ci, ids, nids);
	for (size_t i = 0; i < nids; i++)
		free(ids[i].id);
	free(ids);
}

/* ---- the loader's messages, back at the cells --------------------------------------------------- */

/* The attribute a message names: 'NAME' after "attribute " (libxml2's schema
 * errors), NAME after "attribute " (the loader's), else by its words. */
static const char *named_attr(const char *msg, char buf[32])
{
	const char *a = strstr(msg, "attribute ");
	if (a) {
		a += strlen("attribute ");
		a += *a == '\'';
		size_t n = strcspn(a, "' :,");
		if (n && n < 32) {
			memcpy(buf, a, n);
			buf[n] = '\0';
			return buf;
		}
	}
	static const char *const hints[][2] = {
		{"grace-points", "grace-points"}, {"grace-days", "grace-days"}, {"late-points", "late-points"},
		{"step", "step"}, {"from", "from"}, {"points per item", "points"}, {"points=", "points"},
		{"due=", "due"}, {"min add up", "min"}, {"max add up", "max"}, {"give max", "max"},
		{"give min", "min"}, {"effort", "effort"}, {"source=", "source"}, {"year=", "year"},
		{"set's max", "max"}, {"tolerance", "tolerance"}, {"penalty=", "penalty"}, {"weight", "share"},
		{"share", "share"}, {"rule", "kind"}, {"tier", "kind"}, {"grade", "kind"}, {"used twice", "id"},
		{"empty id", "id"}, {"nested", ""}};
	for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
		if (strstr(msg, hints[i][0]))
			return hints[i][1];
	return NULL;
}

static imp_loc locate(const cb_import *ci, long line, const char *msg)
{
	imp_loc l = {NULL, 0, 0};
	if (line <= 0 || line >= ci->im.line || (size_t)line >= ci->nwhat)
		return l;
	l = ci->im.lines[line];
	char buf[32];
	const char *a = named_attr(msg, buf);
	if (!a)
		return l;
	switch ((cb_line)ci->what[line]) {
	case LN_SET:
		for (int k = CB_SET_ID; k < CB_SET_TOLERANCE; k++)
			if (strcmp(cb_set_rows[k].attr, a) == 0 && ci->set_row[k])
				return loc(ci->set_name, ci->set_row[k], 2);
		break;
	case LN_SELF:
		if (strcmp(a, "penalty") == 0 && ci->set_row[CB_SET_PENALTY])
			return loc(ci->set_name, ci->set_row[CB_SET_PENALTY], 2);
		break;
	case LN_BAND:
		l.col = strcmp(a, "min") == 0 ? 3 : 2;
		break;
	case LN_GROUP:
	case LN_CRIT:
	case LN_RULE:
		if (!*a) {
			l.col = ci->col[CB_LEVEL];
			break;
		}
		for (int c = CB_NODE_ID; c <= CB_IF_NONE; c++) {
			const cb_on on = cb_columns[c].on;
			int here = ci->what[line] == LN_RULE ? on == CB_ON_RULE : on != CB_ON_RULE || strcmp(a, "kind") == 0;
			/* a group's kind is its own column; a criterion's messages about its rule go to the rule kind */
			if (ci->what[line] == LN_GROUP && c == CB_RULE)
				here = 0;
			if (ci->what[line] == LN_CRIT && c == CB_KIND)
				here = 0;
			if (here && strcmp(cb_columns[c].attr, a) == 0 && ci->col[c])
				return loc(l.sheet, l.row, ci->col[c]);
		}
		break;
	case LN_CHILD:
		if (strcmp(a, "points") == 0 && ci->col[CB_TIER_POINTS])
			l.col = ci->col[CB_TIER_POINTS];
		else if ((strcmp(a, "min") == 0 || strcmp(a, "max") == 0) && ci->col[CB_BOUND])
			l.col = ci->col[CB_BOUND];
		else if (strcmp(a, "id") == 0 && ci->col[CB_NODE_ID])
			l.col = ci->col[CB_NODE_ID];
		else if (strcmp(a, "label") == 0 && ci->col[CB_TITLE])
			l.col = ci->col[CB_TITLE];
		break;
	default:
		break;
	}
	return l;
}

static void remap(cb_import *ci, const cchc_diag *from)
{
	for (size_t i = 0; i < cchc_diag_stored(from); i++) {
		const cchc_diag_entry *e = cchc_diag_get(from, i);
		const int here = e->file && strcmp(e->file, ci->im.path) == 0;
		char msg[1024];
		if (ci->im.english || cb_translate(e->message, msg, sizeof msg) < 0)
			snprintf(msg, sizeof msg, "%s", e->message);
		if (!here) {
			cchc_diag_addf(ci->im.diag, e->file, e->line, "%s", msg);
			ci->im.errors++;
			continue;
		}
		imp_say(&ci->im, locate(ci, e->line, e->message), "%s", msg);
	}
}

/* ---- the workbook ------------------------------------------------------------------------------ */

int cchc_criteria_workbook_sniff(const char *path)
{
	return imp_is_kind(path, "criteria");
}

/* The sheet the "cchc" sheet names under key, else the Vietnamese or English name; loaded. */
static cchc_sheet *sheet(cb_import *ci, const cchc_sheet *m, const char *key, const char *vi, const char *en,
                         const char **name)
{
	const char *named = imp_meta(m, key);
	long i = cchc_xlsx_sheet_find(ci->x, named && *named ? named : vi);
	if (i < 0)
		i = cchc_xlsx_sheet_find(ci->x, en);
	cchc_sheet *s = NULL;
	if (i < 0) {
		IMP_SAY(&ci->im, loc(NULL, 0, 0), "thiếu trang \"%s\": dùng sổ do cchc template --criteria tạo",
		        "the sheet \"%s\" is missing: use a workbook cchc template --criteria wrote", ci->im.english ? en : vi);
		return NULL;
	}
	if (cchc_xlsx_sheet_load(&s, ci->x, (size_t)i, ci->im.diag) < 0) {
		ci->im.errors++;
		return NULL;
	}
	*name = imp_keep_name(&ci->im, cchc_xlsx_sheet_name(ci->x, (size_t)i));
	return s;
}

int cchc_criteria_workbook_to_xml(cchc_buf *xml, const char *path, int english, cchc_diag *diag)
{
	cb_import ci;
	memset(&ci, 0, sizeof ci);
	ci.im.path = path;
	ci.im.english = english;
	ci.im.diag = diag;
	ci.im.line = 1;
	cchc_buf_init(&ci.im.xml, 0);
	cchc_sheet *m = NULL, *set = NULL, *tree = NULL;
	int rc = -1;
	int kind = imp_open_kind(&ci.x, &m, path, english, "criteria", diag);
	if (kind == 0)
		imp_say(&ci.im, loc(NULL, 0, 0),
		        english ? "not a cchc criteria workbook (the \"cchc\" sheet does not say kind criteria): use a workbook "
		                  "cchc template --criteria wrote"
		                : "không phải sổ bộ tiêu chí của cchc (trang \"cchc\" không ghi kind criteria): dùng sổ do cchc "
		                  "template --criteria tạo");
	if (kind != 1)
		goto done;
	set = sheet(&ci, m, "sheet.set", CB_SHEET_SET_VI, CB_SHEET_SET_EN, &ci.set_name);
	tree = sheet(&ci, m, "sheet.tree", CB_SHEET_TREE_VI, CB_SHEET_TREE_EN, &ci.tree_name);
	if (!set || !tree)
		goto done;
	read_set(&ci, set);
	read_tree(&ci, tree);
	put(&ci, "</criteria-set>");
	endl(&ci, loc(NULL, 0, 0), LN_NONE);
	if (ci.im.xml.failed) {
		cchc_diag_addf(diag, path, 0, english ? "out of memory" : "hết bộ nhớ");
		goto done;
	}
	if (ci.im.errors)
		goto done;
	/* every check of the criteria loader, its messages at the cells */
	cchc_diag *inner = cchc_diag_new();
	cchc_criteria *loaded = NULL;
	if (!inner)
		goto done;
	if (cchc_criteria_load_memory(&loaded, ci.im.xml.data, ci.im.xml.len, path, inner) == 0)
		rc = cchc_buf_append(xml, ci.im.xml.data, ci.im.xml.len) < 0 ? -1 : 0;
	remap(&ci, inner);
	cchc_criteria_free(loaded);
	cchc_diag_free(inner);
done:
	cchc_sheet_free(tree);
	cchc_sheet_free(set);
	cchc_sheet_free(m);
	cchc_xlsx_free(ci.x);
	cchc_buf_dispose(&ci.im.xml);
	free(ci.im.lines);
	free(ci.what);
	for (size_t i = 0; i < ci.im.nnames; i++)
		free(ci.im.names[i]);
	if (rc < 0) {
		cchc_buf_dispose(xml);
		cchc_buf_init(xml, 0);
	}
	return rc;
}
