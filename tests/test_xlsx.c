/* The Excel workbook, reopened the way a person would: unzip its parts, read
 * the XML (libxml2, no network) and check it cell by cell against the Huế
 * 2018 facts: Sở KH&ĐT 18th of 21 with 70/100, Khá; Sở TT&TT first with
 * 81,7; the gap analysis for rank 10 and its task table. Then LibreOffice
 * must open it (converted to PDF). */
#define _POSIX_C_SOURCE 200809L /* popen, opendir */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cchc/report.h"

#define NSO TEST_HUE_SO
#define NHUYEN TEST_HUE_HUYEN

static test_hue hue;
static cchc_ranking *so_ranking;   /* the 21 departments alone */
static cchc_ranking *both_ranking; /* departments and the 9 districts */
static cchc_gap *gap;              /* skhdt, target rank 10 */

#define TMP CCHC_TEST_TMP "/xlsx-out" /* not "test_xlsx": the test program is there */
#define VI_FILE TMP "/ranking.xlsx"

static int load_all(void)
{
	if (test_hue_load(&hue) < 0)
		return -1;
	cchc_diag *d = cchc_diag_new();
	const cchc_score *const *scores = (const cchc_score *const *)hue.scores;
	int rc = cchc_ranking_build(&so_ranking, scores, NSO, d);
	if (rc == 0)
		rc = cchc_ranking_build(&both_ranking, scores, NSO + NHUYEN, d);
	if (rc == 0)
		rc = cchc_gap_build(&gap, so_ranking, "skhdt", 10, NULL, NULL, d);
	if (rc < 0)
		fprintf(stderr, "\n%s", test_diag_text(d));
	cchc_diag_free(d);
	if (rc == 0 && mkdir(TMP, 0777) < 0 && errno != EEXIST)
		rc = -1;
	return rc;
}

/* ---- reading the workbook back ------------------------------------------- */

/* A part of the zip, via unzip -p (NULL when missing). */
static char *unzip_part(const char *file, const char *part, size_t *len)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", file, part);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	size_t n = 0, cap = 1 << 16;
	char *data = malloc(cap);
	size_t got;
	while (data && (got = fread(data + n, 1, cap - n, p)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(data, cap * 2);
			if (!bigger) {
				free(data);
				data = NULL;
				break;
			}
			data = bigger;
			cap *= 2;
		}
	}
	int status = pclose(p);
	if (!data || status != 0 || n == 0) {
		free(data);
		return NULL;
	}
	data[n] = '\0'; /* n < cap: the loop grows the buffer when it fills; strstr needs the NUL */
	*len = n;
	return data;
}

static xmlDoc *part_xml(const char *file, const char *part)
{
	size_t len = 0;
	char *data = unzip_part(file, part, &len);
	if (!data)
		return NULL;
	xmlDoc *doc = xmlReadMemory(data, (int)len, part, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
	free(data);
	return doc;
}

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* The first element called name in document order. */
static xmlNode *find(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		if (is(n, name))
			return n;
		xmlNode *in = find(n->children, name);
		if (in)
			return in;
	}
	return NULL;
}

/* An attribute as a malloc'd string, or NULL (prefixed names by local name). */
static char *attr(const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return (char *)xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

static int attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = attr(n, name);
	int ok = v && strcmp(v, value) == 0;
	xmlFree(v);
	return ok;
}

#define MAX_SHEETS 16
#define MAX_STRINGS 8192

typedef struct {
	const char *file;
	size_t nsheets;
	char *names[MAX_SHEETS];
	char *parts[MAX_SHEETS]; /* "xl/worksheets/sheet1.xml" */
	size_t nstrings;
	char **strings;
} book;

/* Sheet names from workbook.xml, their parts from its relationships. */
static int book_open(book *b, const char *file)
{
	memset(b, 0, sizeof *b);
	b->file = file;
	xmlDoc *wb = part_xml(file, "xl/workbook.xml");
	xmlDoc *rels = part_xml(file, "xl/_rels/workbook.xml.rels");
	if (!wb || !rels) {
		xmlFreeDoc(wb);
		xmlFreeDoc(rels);
		return -1;
	}
	xmlNode *sheets = find(xmlDocGetRootElement(wb), "sheets");
	for (xmlNode *s = sheets ? sheets->children : NULL; s && b->nsheets < MAX_SHEETS; s = s->next) {
		if (!is(s, "sheet"))
			continue;
		char *id = attr(s, "id"); /* r:id */
		b->names[b->nsheets] = attr(s, "name");
		for (xmlNode *r = xmlDocGetRootElement(rels)->children; r && id; r = r->next)
			if (is(r, "Relationship") && attr_is(r, "Id", id)) {
				char *target = attr(r, "Target");
				size_t n = strlen(target) + 4;
				b->parts[b->nsheets] = malloc(n);
				snprintf(b->parts[b->nsheets], n, "xl/%s", target);
				xmlFree(target);
			}
		xmlFree(id);
		b->nsheets++;
	}
	xmlFreeDoc(wb);
	xmlFreeDoc(rels);

	xmlDoc *sst = part_xml(file, "xl/sharedStrings.xml");
	if (sst) {
		b->strings = calloc(MAX_STRINGS, sizeof *b->strings);
		for (xmlNode *si = xmlDocGetRootElement(sst)->children; si && b->strings; si = si->next)
			if (is(si, "si") && b->nstrings < MAX_STRINGS) /* all its <t>, rich or plain */
				b->strings[b->nstrings++] = (char *)xmlNodeGetContent(si);
		xmlFreeDoc(sst);
	}
	return 0;
}

static void book_close(book *b)
{
	for (size_t i = 0; i < b->nsheets; i++) {
		xmlFree(b->names[i]);
		free(b->parts[i]);
	}
	for (size_t i = 0; i < b->nstrings; i++)
		xmlFree(b->strings[i]);
	free(b->strings);
}

static xmlDoc *book_sheet(const book *b, const char *name)
{
	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->names[i], name) == 0 && b->parts[i])
			return part_xml(b->file, b->parts[i]);
	fprintf(stderr, "\n    no sheet \"%s\"\n", name);
	return NULL;
}

static xmlNode *cell_node(xmlDoc *sheet, const char *ref)
{
	xmlNode *data = find(xmlDocGetRootElement(sheet), "sheetData");
	for (xmlNode *row = data ? data->children : NULL; row; row = row->next)
		for (xmlNode *c = is(row, "row") ? row->children : NULL; c; c = c->next)
			if (is(c, "c") && attr_is(c, "r", ref))
				return c;
	return NULL;
}

/* A cell's text: a shared string resolved, else its value (static buffer; "" when empty). */
static const char *cell(const book *b, xmlDoc *sheet, const char *ref)
{
	static char out[8192];
	out[0] = '\0';
	xmlNode *c = sheet ? cell_node(sheet, ref) : NULL;
	if (!c)
		return out;
	char *t = attr(c, "t");
	xmlNode *v = child(c, "v");
	char *text = v ? (char *)xmlNodeGetContent(v) : NULL;
	if (t && strcmp(t, "s") == 0 && text) {
		size_t i = (size_t)strtoul(text, NULL, 10);
		snprintf(out, sizeof out, "%s", i < b->nstrings ? b->strings[i] : "?");
	} else if (t && strcmp(t, "inlineStr") == 0) {
		xmlNode *is_ = child(c, "is");
		char *s = is_ ? (char *)xmlNodeGetContent(is_) : NULL;
		snprintf(out, sizeof out, "%s", s ? s : "");
		xmlFree(s);
	} else if (text) {
		snprintf(out, sizeof out, "%s", text);
	}
	xmlFree(t);
	xmlFree(text);
	return out;
}

/* A cell's number; NaN-free: -999999 when it holds no number. */
static double number(xmlDoc *sheet, const char *ref)
{
	xmlNode *c = sheet ? cell_node(sheet, ref) : NULL;
	char *t = c ? attr(c, "t") : NULL; /* a number has no type, or "n" (LibreOffice) */
	xmlNode *v = c && (!t || strcmp(t, "n") == 0) ? child(c, "v") : NULL;
	char *text = v ? (char *)xmlNodeGetContent(v) : NULL;
	double x = text ? strtod(text, NULL) : -999999;
	xmlFree(t);
	xmlFree(text);
	return x;
}

/* Rows that hold at least one cell. */
static size_t rows_with_cells(xmlDoc *sheet)
{
	size_t n = 0;
	xmlNode *data = find(xmlDocGetRootElement(sheet), "sheetData");
	for (xmlNode *row = data ? data->children : NULL; row; row = row->next)
		n += is(row, "row") && child(row, "c") != NULL;
	return n;
}

/* The row (1-based) whose cell in column col reads text; 0 when none. */
static unsigned find_row(const book *b, xmlDoc *sheet, char col, const char *text)
{
	char ref[16];
	for (unsigned r = 1; r < 2000; r++) {
		snprintf(ref, sizeof ref, "%c%u", col, r);
		if (strcmp(cell(b, sheet, ref), text) == 0)
			return r;
	}
	return 0;
}

/* The column letters whose cell in row reads text; "" when none. */
static const char *find_col(const book *b, xmlDoc *sheet, unsigned row, const char *text)
{
	static char col[4];
	char ref[16];
	for (unsigned c = 0; c < 26 * 27; c++) {
		if (c < 26)
			snprintf(col, sizeof col, "%c", 'A' + c);
		else
			snprintf(col, sizeof col, "%c%c", 'A' + c / 26 - 1, 'A' + c % 26);
		snprintf(ref, sizeof ref, "%s%u", col, row);
		if (strcmp(cell(b, sheet, ref), text) == 0)
			return col;
	}
	col[0] = '\0';
	return col;
}

static const char *ref(const char *col, unsigned row)
{
	static char r[16];
	snprintf(r, sizeof r, "%s%u", col, row);
	return r;
}

/* The frozen rows of a sheet's pane (ySplit), 0 when nothing is frozen. */
static int frozen_rows(xmlDoc *sheet)
{
	xmlNode *pane = find(xmlDocGetRootElement(sheet), "pane");
	if (!pane || !attr_is(pane, "state", "frozen"))
		return 0;
	char *y = attr(pane, "ySplit");
	int n = y ? atoi(y) : 0;
	xmlFree(y);
	return n;
}

#define ASSERT_NUM(actual, expected)                                                          \
	do {                                                                                      \
		double a_ = (actual), e_ = (expected);                                                \
		int ok_ = a_ > e_ - 1e-9 && a_ < e_ + 1e-9;                                           \
		if (!ok_)                                                                             \
			fprintf(stderr, "\n    %s:%d: %s is %.10g, expected %.10g\n", __FILE__, __LINE__,  \
			        #actual, a_, e_);                                                     \
		CU_assertImplementation(ok_, __LINE__, "ASSERT_NUM(" #actual ", " #expected ")",     \
		                        __FILE__, "", CU_FALSE);                                      \
	} while (0)

/* ---- the tests -------------------------------------------------------------- */

static void test_write_vi(void)
{
	unlink(VI_FILE);
	ASSERT_EQ(cchc_write_xlsx(VI_FILE, so_ranking, gap, CCHC_LANG_VI), 0);
	struct stat st;
	ASSERT_EQ(stat(VI_FILE, &st), 0);
	CU_ASSERT(st.st_size > 10000);
}

static void test_sheet_names(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	ASSERT_EQ(b.nsheets, 6);
	ASSERT_STR(b.names[0], "Xếp hạng");
	ASSERT_STR(b.names[1], "Chỉ số thành phần");
	ASSERT_STR(b.names[2], "Chi tiết");
	ASSERT_STR(b.names[3], "Thống kê");
	ASSERT_STR(b.names[4], "Phân tích");
	ASSERT_STR(b.names[5], "Kế hoạch");
	book_close(&b);
}

static void test_ranking_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Xếp hạng");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	static const char *const head[] = {
		"Khối",      "Hạng",      "Số cơ quan", "Mã cơ quan", "Cơ quan",
		"Tổng điểm", "Tối đa",    "Chỉ số",     "Xếp loại",   "Cách đầu",
		"Trên cuối", "Cách trên", "Tiêu chí đạt tối đa", "Tiêu chí đạt một phần",
		"Tiêu chí không đạt điểm", "Tự chấm", "Chênh lệch", ""};
	for (unsigned c = 0; c < sizeof head / sizeof *head; c++) {
		char r[8];
		snprintf(r, sizeof r, "%c1", 'A' + c);
		ASSERT_STR(cell(&b, s, r), head[c]);
	}
	ASSERT_EQ(rows_with_cells(s), 21 + 1);
	ASSERT_EQ(frozen_rows(s), 1);

	/* the leader */
	ASSERT_STR(cell(&b, s, "D2"), "stttt");
	ASSERT_NUM(number(s, "B2"), 1);
	ASSERT_NUM(number(s, "F2"), 81.7);

	/* Sở KH&ĐT: 18/21, 70/100 (70,00 %), Khá, 11,7 below the top, 26,5 over the bottom */
	unsigned r = find_row(&b, s, 'D', "skhdt");
	ASSERT_EQ(r, 19);
	ASSERT_STR(cell(&b, s, ref("A", r)),
	           "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018"); /* not its id */
	ASSERT_NUM(number(s, ref("B", r)), 18);
	ASSERT_NUM(number(s, ref("C", r)), 21);
	ASSERT_STR(cell(&b, s, ref("E", r)), "Sở Kế hoạch và Đầu tư");
	ASSERT_NUM(number(s, ref("F", r)), 70);
	ASSERT_NUM(number(s, ref("G", r)), 100);
	ASSERT_NUM(number(s, ref("H", r)), 0.70);
	ASSERT_STR(cell(&b, s, ref("I", r)), "Khá");
	ASSERT_NUM(number(s, ref("J", r)), 11.7);
	ASSERT_NUM(number(s, ref("K", r)), 26.5);
	/* leaves of the frame: 42 at full, 10 partial, 19 at zero */
	ASSERT_NUM(number(s, ref("M", r)), 42);
	ASSERT_NUM(number(s, ref("N", r)), 10);
	ASSERT_NUM(number(s, ref("O", r)), 19);
	/* self-assessed 75,75: 5,75 over the final total */
	ASSERT_NUM(number(s, ref("P", r)), 75.75);
	ASSERT_NUM(number(s, ref("Q", r)), 5.75);
	/* the groups have their own sheet: this one ends with the ranking's columns */
	ASSERT_STR(cell(&b, s, ref("R", r)), "");
	/* the last place: Ban Dân tộc, 43,5 */
	ASSERT_STR(cell(&b, s, "D22"), "bdt");
	ASSERT_NUM(number(s, "F22"), 43.5);

	/* points carry the "0.00" format, the index "0.00%" */
	size_t len = 0;
	char *styles = unzip_part(VI_FILE, "xl/styles.xml", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(styles);
	CU_ASSERT(strstr(styles, "formatCode=\"0.00\"") != NULL);
	CU_ASSERT(strstr(styles, "formatCode=\"0.00%\"") != NULL);
	free(styles);
	xmlFreeDoc(s);
	book_close(&b);
}

/* The component indices: each group's title as its header over its points and the
 * agency's rank in it; the sheet prints on A4 landscape, one page across. */
static void test_groups_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Chỉ số thành phần");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(frozen_rows(s), 2);
	ASSERT_STR(cell(&b, s, "A1"), "Hạng");
	ASSERT_STR(cell(&b, s, "C1"), "Cơ quan");
	ASSERT_STR(cell(&b, s, "D1"), "1. Công tác chỉ đạo, điều hành CCHC");
	ASSERT_STR(cell(&b, s, "D2"), "Điểm");
	ASSERT_STR(cell(&b, s, "E2"), "Hạng");
	ASSERT_STR(cell(&b, s, "F1"), "2. Xây dựng và tổ chức thực hiện văn bản QPPL");
	ASSERT_EQ(rows_with_cells(s), 21 + 2);
	/* Sở KH&ĐT: group 1 at 8,25, its rank among the 21 as the ranking computed it */
	unsigned r = find_row(&b, s, 'B', "skhdt");
	CU_ASSERT_FATAL(r > 0);
	const cchc_rank_entry *e = cchc_ranking_find(so_ranking, "skhdt", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	ASSERT_NUM(number(s, ref("A", r)), 18);
	ASSERT_NUM(number(s, ref("D", r)), 8.25);
	ASSERT_NUM(number(s, ref("E", r)), (double)e->group_ranks[0]);
	ASSERT_NUM(number(s, ref("G", r)), (double)e->group_ranks[1]);
	/* no group title hidden in a comment any more; the ranking's headers explain the gaps */
	size_t len = 0;
	char *comments = unzip_part(VI_FILE, "xl/comments1.xml", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(comments);
	CU_ASSERT(strstr(comments, "Công tác chỉ đạo") == NULL);
	CU_ASSERT(strstr(comments, "Số điểm kém cơ quan đứng đầu khối") != NULL);
	CU_ASSERT(strstr(comments, "Tự chấm − Kết quả: dương (+) là tự chấm cao hơn kết quả") != NULL);
	free(comments);
	xmlFreeDoc(s);
	/* both sheets print on A4 landscape, one page across */
	for (int i = 1; i <= 2; i++) {
		char part[64];
		snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", i);
		xmlDoc *d = part_xml(VI_FILE, part);
		CU_ASSERT_PTR_NOT_NULL_FATAL(d);
		xmlNode *setup = find(xmlDocGetRootElement(d), "pageSetup");
		CU_ASSERT_PTR_NOT_NULL_FATAL(setup);
		CU_ASSERT(attr_is(setup, "paperSize", "9"));
		CU_ASSERT(attr_is(setup, "orientation", "landscape"));
		char *fit = attr(setup, "fitToWidth"); /* absent: 1 */
		CU_ASSERT(!fit || strcmp(fit, "1") == 0);
		xmlFree(fit);
		CU_ASSERT_PTR_NOT_NULL(find(xmlDocGetRootElement(d), "pageSetUpPr"));
		xmlFreeDoc(d);
	}
	book_close(&b);
}

static void test_detail_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Chi tiết");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(frozen_rows(s), 3);
	ASSERT_STR(cell(&b, s, "A1"), "Hạng");
	ASSERT_STR(cell(&b, s, "C1"), "Cơ quan");
	/* one column per leaf, ids above titles above maxima */
	ASSERT_STR(cell(&b, s, "E1"), "1.1.1");
	ASSERT_STR(cell(&b, s, "E2"), "Ban hành kế hoạch CCHC năm kịp thời");
	ASSERT_NUM(number(s, "E3"), 1);
	const char *col = find_col(&b, s, 1, "1.1.1");
	ASSERT_STR(col, "E");
	unsigned r = find_row(&b, s, 'B', "skhdt");
	ASSERT_EQ(r, 3 + 18);
	/* late: issued 12/02/2018, within the grace days, half the point */
	ASSERT_NUM(number(s, ref("E", r)), 0.5);
	ASSERT_NUM(number(s, ref("D", r)), 70);
	/* 1.5 lost for want of a document */
	col = find_col(&b, s, 1, "1.5");
	CU_ASSERT_FATAL(*col);
	char c15[4];
	snprintf(c15, sizeof c15, "%s", col);
	ASSERT_NUM(number(s, ref(c15, r)), 0);
	ASSERT_NUM(number(s, ref(c15, 3)), 1);
	/* every leaf has its column */
	char last[4];
	size_t nleaves = cchc_criteria_leaf_count(hue.sets[0]);
	unsigned c = (unsigned)(4 + nleaves - 1);
	if (c < 26)
		snprintf(last, sizeof last, "%c", 'A' + c);
	else
		snprintf(last, sizeof last, "%c%c", 'A' + c / 26 - 1, 'A' + c % 26);
	CU_ASSERT(*cell(&b, s, ref(last, 1)) != '\0');
	ASSERT_EQ(rows_with_cells(s), 3 + 21);
	xmlFreeDoc(s);
	book_close(&b);
}

static void test_stats_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Thống kê");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(frozen_rows(s), 1);
	ASSERT_STR(cell(&b, s, "A1"), "Mã");
	ASSERT_STR(cell(&b, s, "D1"), "Số cơ quan được chấm");
	ASSERT_STR(cell(&b, s, "E1"), "Trung bình");
	ASSERT_STR(cell(&b, s, "L1"), "Tổng điểm mất");
	ASSERT_STR(cell(&b, s, "A2"), "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm "
	                              "2018 — Năm 2018 — 21 cơ quan"); /* a title, never an id */
	/* the block's totals: 21 agencies from 43,5 to 81,7 */
	unsigned r = find_row(&b, s, 'B', "Tổng điểm");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("C", r)), 100);
	ASSERT_NUM(number(s, ref("D", r)), 21);
	ASSERT_NUM(number(s, ref("H", r)), 43.5);
	ASSERT_NUM(number(s, ref("I", r)), 81.7);
	const cchc_block *blk = &so_ranking->blocks[0];
	ASSERT_NUM(number(s, ref("E", r)), blk->total.mean);
	ASSERT_NUM(number(s, ref("F", r)), blk->total.median);
	/* group 1 and criterion 1.1.1 as the engine counted them */
	r = find_row(&b, s, 'A', "1");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("C", r)), 13);
	const cchc_node *n = cchc_criteria_find(hue.sets[0], "1.1.1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	const cchc_stat *st = &blk->nodes[n->index];
	r = find_row(&b, s, 'A', "1.1.1");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_STR(cell(&b, s, ref("B", r)), "Ban hành kế hoạch CCHC năm kịp thời");
	ASSERT_NUM(number(s, ref("C", r)), 1);
	ASSERT_NUM(number(s, ref("D", r)), 21);
	ASSERT_NUM(number(s, ref("J", r)), st->share_full);
	ASSERT_NUM(number(s, ref("K", r)), (double)st->below_max);
	ASSERT_NUM(number(s, ref("L", r)), (double)st->points_lost / 100.0);
	/* Sở KH&ĐT is one of those that lost on 1.1.1 */
	CU_ASSERT(st->below_max >= 1);
	ASSERT_NUM(number(s, ref("L", r)) + number(s, ref("E", r)) * 21, 21);
	xmlFreeDoc(s);
	book_close(&b);
}

static void test_analysis_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Phân tích");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_STR(cell(&b, s, "A1"), "PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC VÀ NHIỆM VỤ KHẮC PHỤC");
	unsigned r = find_row(&b, s, 'A',
	                      "Sở Kế hoạch và Đầu tư đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá; "
	                      "thấp hơn đơn vị đứng đầu 11,7 điểm và cách biệt đơn vị đứng cuối 26,5 "
	                      "điểm.");
	CU_ASSERT(r > 0);
	/* the lost criteria: 1.1.1 late, half a point of 1 */
	r = find_row(&b, s, 'A', "1.1.1");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_STR(cell(&b, s, ref("B", r)), "Ban hành kế hoạch CCHC năm kịp thời");
	ASSERT_NUM(number(s, ref("C", r)), 0.5);
	ASSERT_NUM(number(s, ref("D", r)), 1);
	ASSERT_NUM(number(s, ref("E", r)), 0.5);
	ASSERT_STR(cell(&b, s, ref("F", r)), "Có thực hiện nhưng chậm so với thời gian quy định");
	ASSERT_STR(cell(&b, s, ref("G", r)), "ban hành ngày 12/02/2018, trễ 12 ngày so với hạn "
	                                     "31/01/2018 — Ban hành chậm 12 ngày so với thời hạn "
	                                     "của UBND tỉnh");
	ASSERT_STR(cell(&b, s, ref("A", r - 1)), "Tiêu chí");
	ASSERT_STR(cell(&b, s, ref("G", r - 1)), "Lý do");
	/* lost by cause: 30 points over every cause */
	r = find_row(&b, s, 'B', "Tổng cộng");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("D", r)), 30);
	r = find_row(&b, s, 'B', "Chưa thực hiện");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("D", r)), 12.5);
	r = find_row(&b, s, 'B', "Có thực hiện nhưng chậm so với thời gian quy định");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("C", r)), 4);
	ASSERT_NUM(number(s, ref("D", r)), 3);
	/* rank 10 takes 4,90: five 1-point criteria of effort 1 */
	r = find_row(&b, s, 'B', "Hạng mục tiêu");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_NUM(number(s, ref("C", r)), 10);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Hạng hiện tại"))), 18);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Điểm cần thêm"))), 4.9);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Điểm có thể khắc phục"))), 30);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Số tiêu chí cần khắc phục"))), 5);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Điểm khắc phục theo phương án"))), 5);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Công sức"))), 5);
	ASSERT_NUM(number(s, ref("C", find_row(&b, s, 'B', "Hạng cao nhất có thể đạt"))), 1);
	CU_ASSERT(find_row(&b, s, 'A', "Để đạt vị trí thứ 10/21 cần thêm 4,9 điểm.") > 0);
	xmlFreeDoc(s);
	book_close(&b);
}

static void test_plan_sheet(void)
{
	book b;
	CU_ASSERT_FATAL(book_open(&b, VI_FILE) == 0);
	xmlDoc *s = book_sheet(&b, "Kế hoạch");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(frozen_rows(s), 1);
	static const char *const head[] = {"TT",       "Nội dung nhiệm vụ", "Giải pháp khắc phục",
	                                   "Chủ trì",  "Phối hợp",          "Thời gian hoàn thành",
	                                   "Tiêu chí", "Điểm mất"};
	for (unsigned c = 0; c < sizeof head / sizeof *head; c++) {
		char r[8];
		snprintf(r, sizeof r, "%c1", 'A' + c);
		ASSERT_STR(cell(&b, s, r), head[c]);
	}
	/* area I, then its first task: a target-rank task, marked */
	ASSERT_STR(cell(&b, s, "A2"), "I");
	ASSERT_STR(cell(&b, s, "B2"), gap->areas[gap->tasks[0].area]);
	ASSERT_STR(cell(&b, s, "B2"), "Công tác chỉ đạo điều hành và tuyên truyền");
	ASSERT_STR(cell(&b, s, "A3"), "1*");
	const cchc_remedy *rem = gap->tasks[0].remedy;
	ASSERT_STR(cell(&b, s, "B3"), rem->task);
	ASSERT_STR(cell(&b, s, "C3"), rem->solution);
	ASSERT_STR(cell(&b, s, "D3"), rem->owner);
	ASSERT_STR(cell(&b, s, "F3"), rem->when);
	ASSERT_STR(cell(&b, s, "G3"), gap->tasks[0].criterion->id);
	ASSERT_NUM(number(s, "H3"), (double)gap->tasks[0].lost / 100.0);
	/* the task for 1.1.1: issue next year's plan on time */
	unsigned r = find_row(&b, s, 'B', "Ban hành kế hoạch CCHC năm 2019 của cơ quan");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_STR(cell(&b, s, ref("C", r)), "Ban hành Kế hoạch theo đúng thời gian quy định");
	ASSERT_STR(cell(&b, s, ref("D", r)), "Văn phòng");
	ASSERT_STR(cell(&b, s, ref("F", r)), "Tháng 01/2019");
	ASSERT_NUM(number(s, ref("H", r)), 0.5);
	/* every task and area has its row, then the footnote */
	size_t used_areas = 0;
	for (size_t i = 0; i < gap->ntasks; i++)
		used_areas += i == 0 || gap->tasks[i].area != gap->tasks[i - 1].area;
	const size_t rows = 1 + gap->ntasks + used_areas;
	ASSERT_EQ(rows_with_cells(s), rows + 1);
	CU_ASSERT(find_row(&b, s, 'A', "(*) nhiệm vụ thuộc phương án đạt mục tiêu xếp hạng") > 0);
	xmlFreeDoc(s);
	book_close(&b);
}

static void test_english(void)
{
	const char *path = TMP "/ranking-en.xlsx";
	ASSERT_EQ(cchc_write_xlsx(path, so_ranking, gap, CCHC_LANG_EN), 0);
	book b;
	CU_ASSERT_FATAL(book_open(&b, path) == 0);
	ASSERT_EQ(b.nsheets, 6);
	ASSERT_STR(b.names[0], "Ranking");
	ASSERT_STR(b.names[1], "Component indices");
	ASSERT_STR(b.names[2], "Detail");
	ASSERT_STR(b.names[3], "Statistics");
	ASSERT_STR(b.names[4], "Analysis");
	ASSERT_STR(b.names[5], "Plan");
	xmlDoc *s = book_sheet(&b, "Ranking");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_STR(cell(&b, s, "B1"), "Rank");
	ASSERT_STR(cell(&b, s, "Q1"), "Deviation");
	unsigned r = find_row(&b, s, 'D', "skhdt");
	ASSERT_NUM(number(s, ref("F", r)), 70);
	ASSERT_STR(cell(&b, s, ref("I", r)), "Khá"); /* the set's own band label */
	xmlFreeDoc(s);
	s = book_sheet(&b, "Plan");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_STR(cell(&b, s, "B1"), "Task");
	xmlFreeDoc(s);
	book_close(&b);
}

/* The report's own title heads every printed page ('&' doubled, as the header's code wants). */
static void test_report_title(void)
{
	const char *path = TMP "/ranking-title.xlsx";
	const cchc_report_options o = {CCHC_LANG_VI, "UBND tỉnh Thừa Thiên Huế · QĐ 12/QĐ-UBND & PL",
	                               NULL};
	ASSERT_EQ(cchc_write_xlsx_opts(path, so_ranking, gap, &o), 0);
	for (int i = 1; i <= 5; i++) {
		char part[64];
		snprintf(part, sizeof part, "xl/worksheets/sheet%d.xml", i);
		xmlDoc *d = part_xml(path, part);
		CU_ASSERT_PTR_NOT_NULL_FATAL(d);
		xmlNode *h = find(xmlDocGetRootElement(d), "oddHeader");
		xmlChar *t = h ? xmlNodeGetContent(h) : NULL;
		ASSERT_STR((const char *)t, "&CUBND tỉnh Thừa Thiên Huế · QĐ 12/QĐ-UBND && PL");
		xmlFree(t);
		xmlFreeDoc(d);
	}
	xmlDoc *d = part_xml(path, "docProps/core.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	xmlNode *t = find(xmlDocGetRootElement(d), "title");
	xmlChar *v = t ? xmlNodeGetContent(t) : NULL;
	ASSERT_STR((const char *)v, "UBND tỉnh Thừa Thiên Huế · QĐ 12/QĐ-UBND & PL — "
	                            "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
	xmlFree(v);
	xmlFreeDoc(d);
	/* no title: no header */
	d = part_xml(VI_FILE, "xl/worksheets/sheet1.xml");
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	ASSERT_EQ(find(xmlDocGetRootElement(d), "oddHeader") == NULL, 1);
	xmlFreeDoc(d);
}

static void test_two_blocks_without_gap(void)
{
	const char *path = TMP "/ranking-both.xlsx";
	ASSERT_EQ(cchc_write_xlsx(path, both_ranking, NULL, CCHC_LANG_VI), 0);
	book b;
	CU_ASSERT_FATAL(book_open(&b, path) == 0);
	/* no agency: no analysis; a detail sheet per block (each has its criteria) */
	ASSERT_EQ(b.nsheets, 5);
	ASSERT_STR(b.names[0], "Xếp hạng");
	ASSERT_STR(b.names[1], "Chỉ số thành phần");
	ASSERT_STR(b.names[2], "Chi tiết so-nganh");
	ASSERT_STR(b.names[3], "Chi tiết huyen");
	ASSERT_STR(b.names[4], "Thống kê");
	xmlDoc *s = book_sheet(&b, "Xếp hạng");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(rows_with_cells(s), 21 + 9 + 1);
	/* the district set deducts for an inaccurate self-assessment: the column appears */
	ASSERT_STR(cell(&b, s, "R1"), "Trừ do tự chấm sai lệch");
	unsigned r = find_row(&b, s, 'D', "phuvang");
	CU_ASSERT_FATAL(r > 0);
	ASSERT_STR(cell(&b, s, ref("A", r)), cchc_criteria_title(hue.sets[1]));
	ASSERT_NUM(number(s, ref("F", r)), 69.34);
	ASSERT_NUM(number(s, ref("R", r)), -1);
	xmlFreeDoc(s);
	s = book_sheet(&b, "Chi tiết huyen");
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_EQ(rows_with_cells(s), 3 + 9);
	xmlFreeDoc(s);
	book_close(&b);
}

/* Tiny sets for the awkward cases: a block id too long for a sheet name, control characters. */
#define TINY_SET(id, block)                                                                   \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"" id "\" block=\"" block "\" "        \
	"year=\"2018\" title=\"T\" max=\"10\">\n"                                                 \
	"<bands><band label=\"Tốt\" min=\"8\"/><band label=\"Yếu\" min=\"0\"/></bands>\n"          \
	"<group id=\"G1\" title=\"Một\" max=\"10\">\n"                                             \
	"<criterion id=\"a\" title=\"a\" max=\"10\"><rule kind=\"yes-no\"/></criterion>\n"         \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_awkward_names(void)
{
	static const char *const set_xml[2] = {
		TINY_SET("t1", "a-very-long-block-identifier-number-one"),
		TINY_SET("t2", "a-very-long-block-identifier-number-two"),
	};
	/* DEL and NEL are allowed in XML but must not reach a cell */
	static const char *const agency_xml[2] = {
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t1\" year=\"2018\">"
		"<agency id=\"X\" name=\"Cơ quan&#x7F;X&#x85;Y\"/><item criterion=\"a\" met=\"true\"/>"
		"</assessment>",
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t2\" year=\"2018\">"
		"<agency id=\"Z\" name=\"Z\"/><item criterion=\"a\" met=\"false\"/></assessment>",
	};
	cchc_criteria *ts[2] = {NULL, NULL};
	cchc_assessment *as[2] = {NULL, NULL};
	cchc_score *ss[2] = {NULL, NULL};
	cchc_ranking *r = NULL;
	cchc_diag *d = cchc_diag_new();
	int ok = 1;
	for (size_t i = 0; ok && i < 2; i++)
		ok = cchc_criteria_load_memory(&ts[i], set_xml[i], strlen(set_xml[i]), "t.xml", d) == 0;
	for (size_t i = 0; ok && i < 2; i++)
		ok = cchc_assessment_load_memory(&as[i], (const cchc_criteria *const *)ts, 2,
		                                 agency_xml[i], strlen(agency_xml[i]), "a.xml", d) == 0 &&
		     cchc_score_compute(&ss[i], as[i]) == 0;
	ok = ok && cchc_ranking_build(&r, (const cchc_score *const *)ss, 2, d) == 0;
	if (!ok)
		fprintf(stderr, "\n%s", test_diag_text(d));
	CU_ASSERT(ok);
	const char *path = TMP "/awkward.xlsx";
	if (ok)
		ASSERT_EQ(cchc_write_xlsx(path, r, NULL, CCHC_LANG_VI), 0);
	book b;
	if (ok && book_open(&b, path) == 0) {
		/* 31 characters at most; the second, cut to the same, is numbered */
		ASSERT_EQ(b.nsheets, 5);
		ASSERT_STR(b.names[2], "Chi tiết a-very-long-block-iden");
		ASSERT_STR(b.names[3], "Chi tiết a-very-long-block-id 2");
		xmlDoc *s = book_sheet(&b, "Xếp hạng");
		CU_ASSERT_PTR_NOT_NULL(s);
		unsigned row = s ? find_row(&b, s, 'D', "X") : 0;
		CU_ASSERT(row > 0);
		if (row)
			ASSERT_STR(cell(&b, s, ref("E", row)), "Cơ quan X Y");
		xmlFreeDoc(s);
		book_close(&b);
	} else {
		CU_FAIL("the workbook could not be reopened");
	}
	cchc_ranking_free(r);
	for (size_t i = 0; i < 2; i++) {
		cchc_score_free(ss[i]);
		cchc_assessment_free(as[i]);
		cchc_criteria_free(ts[i]);
	}
	cchc_diag_free(d);
}

/* No partial file, ever: a failed write leaves nothing, a good one replaces. */
static void test_atomic(void)
{
	errno = 0;
	ASSERT_EQ(cchc_write_xlsx(TMP "/no-such-dir/ranking.xlsx", so_ranking, gap, CCHC_LANG_VI), -1);
	ASSERT_EQ(errno, ENOENT);

	const char *path = TMP "/replace.xlsx";
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("old", f);
	fclose(f);
	ASSERT_EQ(cchc_write_xlsx(path, so_ranking, NULL, CCHC_LANG_VI), 0);
	book b;
	CU_ASSERT_FATAL(book_open(&b, path) == 0);
	ASSERT_EQ(b.nsheets, 4);
	book_close(&b);

	/* no temporary file left behind */
	DIR *d = opendir(TMP);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".tmp.")) {
			fprintf(stderr, "\n    left behind: %s\n", e->d_name);
			CU_FAIL("a temporary file was left behind");
		}
	closedir(d);
}

static int on_path(const char *prog)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", prog);
	return system(cmd) == 0;
}

/* The workbook opens in LibreOffice: converted to PDF headless. */
static void test_libreoffice(void)
{
	const char *prog = on_path("libreoffice") ? "libreoffice"
	                   : on_path("soffice")   ? "soffice"
	                                          : NULL;
	if (!prog) {
		const char *skip = getenv("CCHC_SKIP_LIBREOFFICE");
		if (skip && strcmp(skip, "1") == 0) {
			fprintf(stderr, "\n    LibreOffice not installed: skipped (CCHC_SKIP_LIBREOFFICE=1)\n");
			return;
		}
		CU_FAIL("LibreOffice is not installed: apt-get install libreoffice-calc-nogui, "
		        "or set CCHC_SKIP_LIBREOFFICE=1 to skip this check");
		return;
	}
	const char *out = TMP "/pdf";
	const char *pdf = TMP "/pdf/ranking.pdf";
	mkdir(out, 0777);
	unlink(pdf);
	/* a private profile: concurrent runs must not share LibreOffice's lock */
	char cmd[2048];
	snprintf(cmd, sizeof cmd,
	         "timeout 180 %s -env:UserInstallation=file://%s/lo-profile --headless --norestore "
	         "--convert-to pdf --outdir '%s' '%s' >'%s/lo.log' 2>&1",
	         prog, TMP, out, VI_FILE, TMP);
	int rc = system(cmd);
	if (rc != 0)
		fprintf(stderr, "\n    %s exited with %d (see %s/lo.log)\n", prog, rc, TMP);
	ASSERT_EQ(rc, 0);
	struct stat st;
	ASSERT_EQ(stat(pdf, &st), 0);
	CU_ASSERT(st.st_size > 20000);
	char magic[5] = {0};
	FILE *f = fopen(pdf, "rb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT(fread(magic, 1, 4, f) == 4);
	fclose(f);
	ASSERT_STR(magic, "%PDF");
}

/* `--csv-dialect vi`: a Vietnamese-locale LibreOffice imports the totals as numbers. */
static void test_csv_dialect_vi(void)
{
	const char *prog = on_path("libreoffice") ? "libreoffice" : on_path("soffice") ? "soffice" : NULL;
	if (!prog) {
		const char *skip = getenv("CCHC_SKIP_LIBREOFFICE");
		CU_ASSERT(skip && strcmp(skip, "1") == 0);
		return;
	}
	cchc_buf rfc, vi;
	cchc_buf_init(&rfc, 0);
	cchc_buf_init(&vi, 0);
	ASSERT_EQ(cchc_render_ranking_csv(&rfc, so_ranking), 0);
	ASSERT_EQ(cchc_csv_dialect_vi(&vi, rfc.data, rfc.len), 0);
	/* the same cells: ';' between them, ',' decimals in numeric columns, quotes kept */
	CU_ASSERT(strncmp(vi.data, "block;rank;of;id;name;total;max;index;band;", 43) == 0);
	CU_ASSERT(strstr(vi.data, "\r\nso-nganh;1;21;stttt;Sở Thông tin và Truyền thông;81,70;100,00;81,70;Tốt;") != NULL);
	const char *dir = TMP "/csv-vi", *csv = TMP "/csv-vi/ranking.csv";
	mkdir(dir, 0777);
	FILE *f = fopen(csv, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("\xEF\xBB\xBF", f);
	fwrite(vi.data, 1, vi.len, f);
	fclose(f);
	cchc_buf_dispose(&rfc);
	cchc_buf_dispose(&vi);
	/* ';' separated, '"' quoted, UTF-8, from line 1, in Vietnamese (1066) */
	char cmd[2048];
	snprintf(cmd, sizeof cmd,
	         "timeout 180 %s -env:UserInstallation=file://%s/lo-profile --headless --norestore "
	         "--infilter='CSV:59,34,76,1,,1066' --convert-to xlsx --outdir '%s' '%s' "
	         ">'%s/lo-csv.log' 2>&1",
	         prog, TMP, dir, csv, TMP);
	ASSERT_EQ(system(cmd), 0);
	book b;
	CU_ASSERT_FATAL(book_open(&b, TMP "/csv-vi/ranking.xlsx") == 0);
	xmlDoc *s = book_sheet(&b, b.names[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_STR(cell(&b, s, "E2"), "Sở Thông tin và Truyền thông");
	ASSERT_NUM(number(s, "F2"), 81.7); /* a number, not the text "81,70" */
	ASSERT_NUM(number(s, "J19"), 11.7);
	ASSERT_NUM(number(s, "B19"), 18);
	xmlFreeDoc(s);
	book_close(&b);
}

static void cleanup(void)
{
	cchc_gap_free(gap);
	cchc_ranking_free(so_ranking);
	cchc_ranking_free(both_ranking);
	test_hue_free(&hue);
	xmlCleanupParser();
}

int main(void)
{
	static const test_case tests[] = {
		{"write the workbook (Vietnamese)", test_write_vi},
		{"sheet names", test_sheet_names},
		{"Xếp hạng: header, rows, Sở KH&ĐT 18/21 70 Khá", test_ranking_sheet},
		{"Chi tiết: agency × leaf points", test_detail_sheet},
		{"Thống kê: block and criterion figures", test_stats_sheet},
		{"Phân tích: position, losses, causes, target", test_analysis_sheet},
		{"Kế hoạch: the task table", test_plan_sheet},
		{"English sheet names and labels", test_english},
		{"Chỉ số thành phần: group titles over points and ranks", test_groups_sheet},
		{"the report's title on every printed page and in the properties", test_report_title},
		{"two blocks, no agency", test_two_blocks_without_gap},
		{"sheet names cut and numbered, control characters", test_awkward_names},
		{"atomic writes", test_atomic},
		{"opens in LibreOffice (PDF)", test_libreoffice},
		{"--csv-dialect vi: a Vietnamese-locale spreadsheet reads numbers", test_csv_dialect_vi},
		{NULL, NULL},
	};
	if (load_all() < 0) {
		cleanup();
		return 1;
	}
	int rc = test_run_suite("xlsx", tests);
	cleanup();
	return rc;
}
