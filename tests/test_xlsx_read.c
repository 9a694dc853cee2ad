/* The hardened .xlsx reader (sheets/): workbooks written by libxlsxwriter
 * here, by openpyxl and LibreOffice (tests/data/xlsx/, make_fixtures.py),
 * and by hand (parts other producers write); the value helpers on what
 * Vietnamese office staff type; the hostile corpus (tests/data/hostile/xlsx/)
 * and every cap, each with its exact message; and the reader's speed. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "testutil.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "cchc/xlsx.h"

#define TMP CCHC_TEST_TMP "/xlsx-read"
#define DATA "tests/data/xlsx/"
#define HOSTILE "tests/data/hostile/xlsx/"

static int make_tmp(void)
{
	return mkdir(TMP, 0777) < 0 && errno != EEXIST ? -1 : 0;
}

/* ---- helpers ---------------------------------------------------------------- */

static cchc_xlsx *open_ok(const char *path)
{
	cchc_diag *d = cchc_diag_new();
	cchc_xlsx *x = NULL;
	int rc = cchc_xlsx_open(&x, path, d);
	if (rc != 0)
		fprintf(stderr, "\n%s: %s", path, test_diag_text(d));
	ASSERT_EQ(rc, 0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	cchc_diag_free(d);
	return x;
}

static cchc_sheet *load_ok(const cchc_xlsx *x, const char *name)
{
	cchc_diag *d = cchc_diag_new();
	cchc_sheet *s = NULL;
	long i = cchc_xlsx_sheet_find(x, name);
	ASSERT_EQ(i >= 0, 1);
	int rc = i >= 0 ? cchc_xlsx_sheet_load(&s, x, (size_t)i, d) : -1;
	if (rc != 0)
		fprintf(stderr, "\n%s", test_diag_text(d));
	ASSERT_EQ(rc, 0);
	cchc_diag_free(d);
	return s;
}

/* The cell at ref ("B3") must have this type and text. */
static void expect_cell(const cchc_sheet *s, uint32_t row, uint32_t col, cchc_cell_type type,
                        const char *text)
{
	const cchc_cell *c = s ? cchc_sheet_cell(s, row, col) : NULL;
	char ref[16];
	if (!c) {
		fprintf(stderr, "\n    no cell %s\n", cchc_cell_ref(ref, row, col));
		CU_FAIL("cell missing");
		return;
	}
	ASSERT_EQ(c->type, type);
	ASSERT_STR(c->text, text);
}

/* A file refused at open with exactly one message. */
static void expect_refused(const char *path, const char *lang, const char *message)
{
	cchc_diag *d = cchc_diag_new();
	cchc_xlsx *x = NULL;
	cchc_xlsx_options opt = {.lang = lang};
	ASSERT_EQ(cchc_xlsx_open_with(&x, path, NULL, 0, &opt, d), -1);
	CU_ASSERT_PTR_NULL(x);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, path, 0, message);
	cchc_xlsx_free(x);
	cchc_diag_free(d);
}

/* A file that opens, whose first sheet is refused with exactly one message. */
static void expect_sheet_refused(const char *path, const cchc_xlsx_options *opt, const char *message)
{
	cchc_diag *d = cchc_diag_new();
	cchc_xlsx *x = NULL;
	cchc_sheet *s = NULL;
	ASSERT_EQ(cchc_xlsx_open_with(&x, path, NULL, 0, opt, d), 0);
	if (x) {
		ASSERT_EQ(cchc_xlsx_sheet_load(&s, x, 0, d), -1);
		CU_ASSERT_PTR_NULL(s);
		ASSERT_EQ(cchc_diag_count(d), 1);
		test_expect_diag(d, 0, path, 0, message);
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
	cchc_diag_free(d);
}

/* A zip of (name, content) pairs written with minizip, for parts crafted here. */
static void write_zip(const char *path, const char *const *parts)
{
	zipFile z = zipOpen64(path, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(z);
	int failed = 0;
	for (; parts[0]; parts += 2) {
		zip_fileinfo info = {0};
		failed |= zipOpenNewFileInZip64(z, parts[0], &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
		                                Z_DEFAULT_COMPRESSION, 0) != ZIP_OK;
		failed |= zipWriteInFileInZip(z, parts[1], (unsigned)strlen(parts[1])) != ZIP_OK;
		failed |= zipCloseFileInZip(z) != ZIP_OK;
	}
	failed |= zipClose(z, NULL) != ZIP_OK;
	ASSERT_EQ(failed, 0);
}

#define WB_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

/* A one-sheet workbook ("Tự chấm") whose sheetData is rows, with a shared-string table. */
static const char *write_book(const char *name, const char *rows, const char *sst)
{
	static char path[512];
	size_t sheet_size = strlen(rows) + 256, table_size = (sst ? strlen(sst) : 0) + 256;
	char *sheet = malloc(sheet_size), *table = malloc(table_size);
	CU_ASSERT_PTR_NOT_NULL_FATAL(sheet);
	CU_ASSERT_PTR_NOT_NULL_FATAL(table);
	snprintf(path, sizeof path, TMP "/%s", name);
	snprintf(sheet, sheet_size, "<worksheet xmlns=\"" WB_NS "\"><sheetData>%s</sheetData></worksheet>",
	         rows);
	snprintf(table, table_size, "<sst xmlns=\"" WB_NS "\">%s</sst>", sst ? sst : "");
	const char *parts[] = {
		"_rels/.rels",
		"<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" R_NS
		"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
		"xl/workbook.xml",
		"<workbook xmlns=\"" WB_NS "\" xmlns:r=\"" R_NS "\"><sheets><sheet name=\"Tự chấm\" "
		"sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
		"xl/_rels/workbook.xml.rels",
		"<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" R_NS
		"/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" R_NS
		"/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
		"xl/worksheets/sheet1.xml", sheet,
		"xl/sharedStrings.xml", table,
		NULL};
	write_zip(path, parts);
	free(sheet);
	free(table);
	return path;
}

/* ---- workbooks from four producers ------------------------------------------------ */

/* libxlsxwriter: every cell type, dates with a built-in and a custom format,
 * rich text, a hidden row, a hidden sheet, a styled blank. */
static void test_libxlsxwriter(void)
{
	const char *path = TMP "/libxlsxwriter.xlsx";
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tự chấm");
	lxw_worksheet *hidden = workbook_add_worksheet(wb, "Ẩn");
	lxw_format *dmy = workbook_add_format(wb), *builtin = workbook_add_format(wb);
	lxw_format *bold = workbook_add_format(wb), *money = workbook_add_format(wb);
	format_set_num_format(dmy, "dd/mm/yyyy");
	format_set_num_format_index(builtin, 14);
	format_set_bold(bold);
	format_set_num_format(money, "#,##0 \"đồng\"");
	worksheet_write_string(ws, 0, 0, "Mã", NULL);
	worksheet_write_number(ws, 0, 1, 0.75, NULL);
	worksheet_write_boolean(ws, 0, 2, 1, NULL);
	worksheet_write_formula_num(ws, 0, 3, "=B1*2", NULL, 1.5);
	worksheet_write_formula_str(ws, 0, 4, "=\"Có\"&\"\"", NULL, "Có");
	lxw_datetime day = {2019, 1, 12, 0, 0, 0};
	worksheet_write_datetime(ws, 0, 5, &day, dmy);
	worksheet_write_datetime(ws, 0, 6, &day, builtin);
	worksheet_write_number(ws, 0, 7, 1234.5, money);
	lxw_rich_string_tuple f1 = {bold, "Kế hoạch "}, f2 = {NULL, "số 45/KH"};
	lxw_rich_string_tuple *rich[] = {&f1, &f2, NULL};
	worksheet_write_rich_string(ws, 1, 0, rich, NULL);
	worksheet_write_string(ws, 2, 0, "dòng ẩn", NULL);
	lxw_row_col_options hide = {.hidden = 1};
	worksheet_set_row_opt(ws, 2, LXW_DEF_ROW_HEIGHT, NULL, &hide);
	worksheet_write_blank(ws, 3, 0, bold);
	worksheet_write_number(ws, 4, 1, 0.1 + 0.2, NULL);
	worksheet_write_string(hidden, 0, 0, "x", NULL);
	worksheet_hide(hidden);
	ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

	cchc_xlsx *x = open_ok(path);
	if (!x)
		return;
	ASSERT_EQ(cchc_xlsx_sheet_count(x), 2);
	ASSERT_STR(cchc_xlsx_sheet_name(x, 0), "Tự chấm");
	ASSERT_EQ(cchc_xlsx_sheet_state(x, 0), 0);
	ASSERT_EQ(cchc_xlsx_sheet_state(x, 1), 1);
	ASSERT_EQ(cchc_xlsx_date1904(x), 0);
	ASSERT_EQ(cchc_xlsx_sheet_find(x, "ẩn"), -1); /* case-insensitive is ASCII only */
	ASSERT_EQ(cchc_xlsx_sheet_find(x, "Ẩn"), 1);
	ASSERT_STR(cchc_xlsx_name(x), path);
	cchc_sheet *s = load_ok(x, "Tự chấm");
	if (s) {
		expect_cell(s, 1, 1, CCHC_CELL_TEXT, "Mã");
		expect_cell(s, 1, 2, CCHC_CELL_NUMBER, "0.75");
		expect_cell(s, 1, 3, CCHC_CELL_BOOL, "1");
		expect_cell(s, 1, 4, CCHC_CELL_NUMBER, "1.5");
		ASSERT_STR(cchc_sheet_cell(s, 1, 4)->formula, "B1*2");
		expect_cell(s, 1, 5, CCHC_CELL_TEXT, "Có");
		expect_cell(s, 1, 6, CCHC_CELL_NUMBER, "43477");
		ASSERT_EQ(cchc_sheet_cell(s, 1, 6)->date_style, 1);
		ASSERT_EQ(cchc_sheet_cell(s, 1, 7)->date_style, 1);
		ASSERT_EQ(cchc_sheet_cell(s, 1, 8)->date_style, 0); /* "đồng" is quoted */
		CU_ASSERT_PTR_NULL(cchc_sheet_cell(s, 1, 2)->formula);
		expect_cell(s, 2, 1, CCHC_CELL_TEXT, "Kế hoạch số 45/KH");
		expect_cell(s, 3, 1, CCHC_CELL_TEXT, "dòng ẩn");
		ASSERT_EQ(cchc_sheet_row_hidden(s, 3), 1);
		ASSERT_EQ(cchc_sheet_row_hidden(s, 2), 0);
		CU_ASSERT_PTR_NULL(cchc_sheet_cell(s, 4, 1)); /* styled but blank */
		ASSERT_EQ(cchc_sheet_rows(s), 5);
		size_t n;
		const cchc_cell *cells = cchc_sheet_cells(s, &n);
		ASSERT_EQ(n, 11);
		for (size_t i = 1; i < n; i++) /* row-major */
			CU_ASSERT(cells[i - 1].row < cells[i].row ||
			          (cells[i - 1].row == cells[i].row && cells[i - 1].col < cells[i].col));
		int64_t v = 0;
		ASSERT_EQ(cchc_cell_decimal(cchc_sheet_cell(s, 5, 2), 2, &v), CCHC_NUM_OK);
		ASSERT_EQ(v, 30);
		cchc_date date = 0;
		ASSERT_EQ(cchc_cell_date(cchc_sheet_cell(s, 1, 6), 0, &date), CCHC_NUM_OK);
		cchc_date expected;
		cchc_date_parse("2019-01-12", &expected);
		ASSERT_EQ(date, expected);
		ASSERT_EQ(cchc_cell_yesno(cchc_sheet_cell(s, 1, 3)), 1);
		ASSERT_EQ(cchc_cell_yesno(cchc_sheet_cell(s, 1, 5)), 1);
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
}

/* openpyxl (inline strings, t="b", "e", "d", a formula without a value,
 * hidden and very hidden sheets) and its 1904 workbook. */
static void test_openpyxl(void)
{
	cchc_xlsx *x = open_ok(DATA "openpyxl.xlsx");
	if (!x)
		return;
	ASSERT_EQ(cchc_xlsx_sheet_count(x), 3);
	ASSERT_EQ(cchc_xlsx_sheet_state(x, 1), 1);
	ASSERT_EQ(cchc_xlsx_sheet_state(x, 2), 2);
	ASSERT_EQ(cchc_xlsx_sheet_find(x, "CCHC"), 2);
	cchc_sheet *s = load_ok(x, "Tự chấm");
	if (s) {
		expect_cell(s, 2, 2, CCHC_CELL_TEXT, "Ban hành kế hoạch CCHC năm");
		expect_cell(s, 2, 3, CCHC_CELL_NUMBER, "0.75");
		expect_cell(s, 2, 4, CCHC_CELL_BOOL, "1");
		expect_cell(s, 2, 5, CCHC_CELL_ERROR, "#DIV/0!");
		expect_cell(s, 2, 6, CCHC_CELL_BLANK, "");
		ASSERT_STR(cchc_sheet_cell(s, 2, 6)->formula, "C2*2");
		expect_cell(s, 2, 7, CCHC_CELL_NUMBER, "43477"); /* t="d" */
		ASSERT_EQ(cchc_sheet_cell(s, 2, 7)->date_style, 1);
		expect_cell(s, 3, 3, CCHC_CELL_TEXT, "0,5");
		expect_cell(s, 4, 3, CCHC_CELL_NUMBER, "0.3"); /* openpyxl writes repr() cut to 15 digits */
		ASSERT_EQ(cchc_sheet_row_hidden(s, 4), 1);
		expect_cell(s, 76, 1, CCHC_CELL_TEXT, "cuối");
		ASSERT_EQ(cchc_sheet_rows(s), 76);
		int64_t v = 0;
		ASSERT_EQ(cchc_cell_decimal(cchc_sheet_cell(s, 3, 3), 2, &v), CCHC_NUM_OK);
		ASSERT_EQ(v, 50);
		ASSERT_EQ(cchc_cell_yesno(cchc_sheet_cell(s, 3, 4)), 0);
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);

	x = open_ok(DATA "openpyxl-1904.xlsx");
	if (!x)
		return;
	ASSERT_EQ(cchc_xlsx_date1904(x), 1);
	s = load_ok(x, "Sheet");
	if (s) {
		expect_cell(s, 1, 1, CCHC_CELL_NUMBER, "42015");
		cchc_date d = 0, expected = 0;
		cchc_date_parse("2019-01-12", &expected);
		ASSERT_EQ(cchc_cell_date(cchc_sheet_cell(s, 1, 1), 1, &d), CCHC_NUM_OK);
		ASSERT_EQ(d, expected);
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
}

/* LibreOffice's re-save of openpyxl.xlsx: shared strings, its own styles,
 * formulas with cached values. */
static void test_libreoffice(void)
{
	cchc_xlsx *x = open_ok(DATA "libreoffice.xlsx");
	if (!x)
		return;
	ASSERT_EQ(cchc_xlsx_sheet_count(x), 3);
	cchc_sheet *s = load_ok(x, "Tự chấm");
	if (s) {
		expect_cell(s, 2, 2, CCHC_CELL_TEXT, "Ban hành kế hoạch CCHC năm");
		expect_cell(s, 2, 3, CCHC_CELL_NUMBER, "0.75");
		expect_cell(s, 2, 4, CCHC_CELL_BOOL, "1");
		expect_cell(s, 2, 5, CCHC_CELL_ERROR, "#DIV/0!");
		expect_cell(s, 2, 6, CCHC_CELL_NUMBER, "1.5");
		ASSERT_STR(cchc_sheet_cell(s, 2, 6)->formula, "C2*2");
		expect_cell(s, 2, 7, CCHC_CELL_NUMBER, "43477");
		ASSERT_EQ(cchc_sheet_cell(s, 2, 7)->date_style, 1);
		expect_cell(s, 3, 4, CCHC_CELL_TEXT, "Không");
		ASSERT_EQ(cchc_sheet_row_hidden(s, 4), 1);
		expect_cell(s, 76, 1, CCHC_CELL_TEXT, "cuối");
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
}

/* Parts written by hand: a workbook at wb/book.xml, absolute and relative
 * targets, rich and phonetic shared strings, _xHHHH_ escapes, t="str", "e",
 * "d", "b", cells and rows without r=, custom formats, a shared formula, a
 * chart sheet, the 1904 system. */
static void test_crafted(void)
{
	cchc_xlsx *x = open_ok(DATA "crafted.xlsx");
	if (!x)
		return;
	ASSERT_EQ(cchc_xlsx_date1904(x), 1);
	ASSERT_EQ(cchc_xlsx_sheet_count(x), 2);
	ASSERT_STR(cchc_xlsx_sheet_name(x, 1), "Biểu đồ");
	cchc_sheet *s = load_ok(x, "Dữ liệu");
	if (s) {
		expect_cell(s, 1, 1, CCHC_CELL_TEXT, "Có");
		expect_cell(s, 1, 2, CCHC_CELL_TEXT, "Kế hoạch số 45");
		expect_cell(s, 1, 3, CCHC_CELL_TEXT, "東京"); /* the reading (rPh) skipped */
		expect_cell(s, 1, 4, CCHC_CELL_TEXT, "a\rb");
		expect_cell(s, 3, 2, CCHC_CELL_NUMBER, "43477");
		ASSERT_EQ(cchc_sheet_cell(s, 3, 2)->date_style, 1);   /* dd/mm/yyyy;@ */
		ASSERT_EQ(cchc_sheet_cell(s, 3, 3)->date_style, 0);   /* "ngày" 0 */
		ASSERT_EQ(cchc_sheet_cell(s, 3, 4)->date_style, 0);   /* [Red]0.00 */
		ASSERT_EQ(cchc_sheet_cell(s, 3, 5)->date_style, 1);   /* built-in 14 */
		ASSERT_EQ(cchc_sheet_row_hidden(s, 3), 1);
		expect_cell(s, 4, 1, CCHC_CELL_TEXT, "dòng 4\n");
		expect_cell(s, 4, 2, CCHC_CELL_TEXT, "dòng 4!");
		ASSERT_STR(cchc_sheet_cell(s, 4, 2)->formula, "A4&\"!\"");
		expect_cell(s, 4, 3, CCHC_CELL_ERROR, "#DIV/0!");
		expect_cell(s, 4, 4, CCHC_CELL_NUMBER, "42015.5"); /* 12:00 in the 1904 system */
		expect_cell(s, 4, 5, CCHC_CELL_BOOL, "0");
		expect_cell(s, 4, 6, CCHC_CELL_NUMBER, "7");
		expect_cell(s, 4, 7, CCHC_CELL_NUMBER, "8");
		ASSERT_STR(cchc_sheet_cell(s, 4, 7)->formula, "");
		CU_ASSERT_PTR_NULL(cchc_sheet_cell(s, 4, 8));
		ASSERT_EQ(cchc_sheet_rows(s), 4);
		cchc_date d = 0, expected = 0;
		cchc_date_parse("2019-01-12", &expected);
		ASSERT_EQ(cchc_cell_date(cchc_sheet_cell(s, 4, 4), 1, &d), CCHC_NUM_OK);
		ASSERT_EQ(d, expected);
		int64_t v = 0;
		ASSERT_EQ(cchc_cell_decimal(cchc_sheet_cell(s, 3, 4), 6, &v), CCHC_NUM_OK);
		ASSERT_EQ(v, 300000);
	}
	cchc_sheet_free(s);
	long chart = cchc_xlsx_sheet_find(x, "BIỂU ĐỒ");
	ASSERT_EQ(chart, -1);
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_xlsx_sheet_load(&s, x, 1, d), 0); /* a chart sheet: no cells */
	size_t n = 99;
	cchc_sheet_cells(s, &n);
	ASSERT_EQ(n, 0);
	ASSERT_EQ(cchc_sheet_rows(s), 0);
	cchc_sheet_free(s);
	cchc_diag_free(d);
	cchc_xlsx_free(x);
}

/* The same bytes from memory: the name given is the one messages use. */
static void test_memory(void)
{
	size_t len = 0;
	char *data = test_read_file(DATA "crafted.xlsx", &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	cchc_diag *d = cchc_diag_new();
	cchc_xlsx *x = NULL;
	ASSERT_EQ(cchc_xlsx_open_memory(&x, data, len, "tải lên.xlsx", d), 0);
	free(data); /* the reader keeps its own copy */
	ASSERT_STR(cchc_xlsx_name(x), "tải lên.xlsx");
	cchc_sheet *s = NULL;
	ASSERT_EQ(cchc_xlsx_sheet_load(&s, x, 0, d), 0);
	expect_cell(s, 1, 2, CCHC_CELL_TEXT, "Kế hoạch số 45");
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
	ASSERT_EQ(cchc_xlsx_open_memory(&x, "PK\3\4", 4, "cut.xlsx", d), -1);
	test_expect_diag(d, 0, "cut.xlsx", 0,
	                 "không phải tệp Excel .xlsx: mở tệp trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)");
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_xlsx_open_memory(&x, NULL, 0, "empty.xlsx", d), -1);
	test_expect_diag(d, 0, "empty.xlsx", 0, "tệp rỗng, không phải tệp Excel .xlsx");
	cchc_diag_free(d);
}

/* ---- the value helpers -------------------------------------------------------------- */

static cchc_cell text_cell(const char *s)
{
	return (cchc_cell){.row = 1, .col = 1, .type = CCHC_CELL_TEXT, .text = s};
}

static cchc_cell number_cell(const char *s)
{
	return (cchc_cell){.row = 1, .col = 1, .type = CCHC_CELL_NUMBER, .text = s};
}

static void expect_decimal(cchc_cell c, int places, cchc_num_status st, int64_t value)
{
	int64_t v = -12345;
	cchc_num_status got = cchc_cell_decimal(&c, places, &v);
	if (got != st || (st == CCHC_NUM_OK && v != value))
		fprintf(stderr, "\n    \"%s\" (type %d, places %d): status %d value %lld\n", c.text, c.type,
		        places, got, (long long)v);
	ASSERT_EQ(got, st);
	if (st == CCHC_NUM_OK)
		ASSERT_EQ(v, value);
	else
		ASSERT_EQ(v, -12345); /* untouched */
}

static void test_decimal(void)
{
	/* as typed */
	expect_decimal(text_cell("0,75"), 2, CCHC_NUM_OK, 75);
	expect_decimal(text_cell("0.75"), 2, CCHC_NUM_OK, 75);
	expect_decimal(text_cell("1.234,5"), 2, CCHC_NUM_OK, 123450);
	expect_decimal(text_cell("1 234,5"), 2, CCHC_NUM_OK, 123450);
	expect_decimal(text_cell("1\xC2\xA0" "234,5"), 2, CCHC_NUM_OK, 123450); /* no-break space */
	expect_decimal(text_cell("-0,25"), 2, CCHC_NUM_OK, -25);
	expect_decimal(text_cell(" 3 "), 2, CCHC_NUM_OK, 300);
	expect_decimal(text_cell("1.234.567"), 0, CCHC_NUM_OK, 1234567);
	expect_decimal(text_cell("1,234,567.5"), 1, CCHC_NUM_OK, 12345675);
	expect_decimal(text_cell("3,85"), 6, CCHC_NUM_OK, 3850000);
	expect_decimal(text_cell(",5"), 2, CCHC_NUM_OK, 50);
	expect_decimal(text_cell("0,500"), 2, CCHC_NUM_OK, 50);
	expect_decimal(text_cell("+2"), 2, CCHC_NUM_OK, 200);
	/* refusals */
	expect_decimal(text_cell("0,755"), 2, CCHC_NUM_PRECISION, 0);
	expect_decimal(text_cell("1.23,5"), 2, CCHC_NUM_SYNTAX, 0);   /* a group of two */
	expect_decimal(text_cell("1.2345,5"), 2, CCHC_NUM_SYNTAX, 0); /* a group of four */
	expect_decimal(text_cell("1,234.5"), 2, CCHC_NUM_SYNTAX, 0);  /* one comma is the decimal mark */
	expect_decimal(text_cell("1 234.567,5"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("1e3"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("NaN"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell(""), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("-"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("0,"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("75%"), 2, CCHC_NUM_SYNTAX, 0);
	expect_decimal(text_cell("2000000000"), 2, CCHC_NUM_RANGE, 0);
	/* stored numbers, a double's noise forgiven */
	expect_decimal(number_cell("0.30000000000000004"), 2, CCHC_NUM_OK, 30);
	expect_decimal(number_cell("0.29999999999999999"), 2, CCHC_NUM_OK, 30);
	expect_decimal(number_cell("0.75"), 2, CCHC_NUM_OK, 75);
	expect_decimal(number_cell("-0.75"), 2, CCHC_NUM_OK, -75);
	expect_decimal(number_cell("1.5E-3"), 6, CCHC_NUM_OK, 1500);
	expect_decimal(number_cell("1E+3"), 2, CCHC_NUM_OK, 100000);
	expect_decimal(number_cell("43466"), 0, CCHC_NUM_OK, 43466);
	expect_decimal(number_cell("0.755"), 2, CCHC_NUM_PRECISION, 0);
	expect_decimal(number_cell("0.7500001"), 2, CCHC_NUM_PRECISION, 0);
	expect_decimal(number_cell("1E+300"), 2, CCHC_NUM_RANGE, 0);
	expect_decimal(number_cell("1E-300"), 2, CCHC_NUM_OK, 0); /* within 1e-9 of 0 */
	expect_decimal(number_cell("0.001"), 2, CCHC_NUM_PRECISION, 0);
	expect_decimal(number_cell("0,75"), 2, CCHC_NUM_SYNTAX, 0);
	cchc_cell b = {.type = CCHC_CELL_BOOL, .text = "1"};
	expect_decimal(b, 2, CCHC_NUM_SYNTAX, 0);
	int64_t v;
	ASSERT_EQ(cchc_cell_decimal(NULL, 2, &v), CCHC_NUM_SYNTAX);
	cchc_cell t = text_cell("1");
	ASSERT_EQ(cchc_cell_decimal(&t, 10, &v), CCHC_NUM_RANGE);
}

static void expect_count(cchc_cell c, cchc_num_status st, int64_t value)
{
	int64_t v = -1;
	ASSERT_EQ(cchc_cell_count(&c, &v), st);
	if (st == CCHC_NUM_OK)
		ASSERT_EQ(v, value);
}

static void test_count(void)
{
	expect_count(text_cell("12"), CCHC_NUM_OK, 12);
	expect_count(text_cell("1.234"), CCHC_NUM_OK, 1234); /* only thousands in a count */
	expect_count(text_cell("1 234"), CCHC_NUM_OK, 1234);
	expect_count(number_cell("7"), CCHC_NUM_OK, 7);
	expect_count(number_cell("7.0000000000000009"), CCHC_NUM_OK, 7);
	expect_count(text_cell("1,5"), CCHC_NUM_PRECISION, 0);
	expect_count(text_cell("1.5"), CCHC_NUM_PRECISION, 0);
	expect_count(text_cell("-1"), CCHC_NUM_RANGE, 0);
	expect_count(number_cell("1000000000"), CCHC_NUM_RANGE, 0);
	expect_count(text_cell("mười"), CCHC_NUM_SYNTAX, 0);
}

static void expect_date(cchc_cell c, int date1904, cchc_num_status st, const char *iso)
{
	cchc_date d = 0, expected = 0;
	cchc_num_status got = cchc_cell_date(&c, date1904, &d);
	if (got != st)
		fprintf(stderr, "\n    \"%s\": status %d\n", c.text, got);
	ASSERT_EQ(got, st);
	if (st == CCHC_NUM_OK) {
		cchc_date_parse(iso, &expected);
		ASSERT_EQ(d, expected);
	}
}

static void test_date(void)
{
	expect_date(text_cell("12/01/2019"), 0, CCHC_NUM_OK, "2019-01-12");
	expect_date(text_cell("12-01-2019"), 0, CCHC_NUM_OK, "2019-01-12");
	expect_date(text_cell("12.01.2019"), 0, CCHC_NUM_OK, "2019-01-12");
	expect_date(text_cell(" 2019-01-12 "), 0, CCHC_NUM_OK, "2019-01-12");
	expect_date(text_cell("1/2/2019"), 0, CCHC_NUM_OK, "2019-02-01");
	expect_date(text_cell("29/02/2020"), 0, CCHC_NUM_OK, "2020-02-29");
	expect_date(text_cell("29/02/2019"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(text_cell("31/04/2019"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(text_cell("12/13/2019"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(text_cell("01/01/1899"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(text_cell("12/01/19"), 0, CCHC_NUM_SYNTAX, NULL);
	expect_date(text_cell("12/01-2019"), 0, CCHC_NUM_SYNTAX, NULL);
	expect_date(text_cell("ngày 12"), 0, CCHC_NUM_SYNTAX, NULL);
	/* serials: 1900 with its phantom 29/02/1900, and 1904 */
	expect_date(number_cell("43477"), 0, CCHC_NUM_OK, "2019-01-12");
	expect_date(number_cell("43477.75"), 0, CCHC_NUM_OK, "2019-01-12"); /* 18:00 */
	expect_date(number_cell("43477.999999999997"), 0, CCHC_NUM_OK, "2019-01-13");
	expect_date(number_cell("42015"), 1, CCHC_NUM_OK, "2019-01-12");
	expect_date(number_cell("1"), 0, CCHC_NUM_OK, "1900-01-01");
	expect_date(number_cell("59"), 0, CCHC_NUM_OK, "1900-02-28");
	expect_date(number_cell("61"), 0, CCHC_NUM_OK, "1900-03-01");
	expect_date(number_cell("0"), 1, CCHC_NUM_OK, "1904-01-01");
	expect_date(number_cell("2958465"), 0, CCHC_NUM_OK, "9999-12-31");
	expect_date(number_cell("60"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(number_cell("0"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(number_cell("-1"), 0, CCHC_NUM_RANGE, NULL);
	expect_date(number_cell("2958466"), 0, CCHC_NUM_RANGE, NULL);
	cchc_cell b = {.type = CCHC_CELL_BOOL, .text = "1"};
	expect_date(b, 0, CCHC_NUM_SYNTAX, NULL);
}

static void test_yesno(void)
{
	static const char *const yes[] = {"Có", "có", "CÓ", "co", " Co ", "x", "X", "Đạt", "đạt", "ĐẠT",
	                                  "dat", "TRUE", "true", "1", "Yes", "YES",
	                                  "Co\xCC\x81", /* NFD: o + combining acute */
	                                  NULL};
	static const char *const no[] = {"Không", "không", "KHÔNG", "khong", "Không đạt", "không  đạt",
	                                 "khong dat", "Chưa đạt", "FALSE", "0", "No", NULL};
	static const char *const neither[] = {"", "có thể", "?", "2", "không áp dụng", "xx", NULL};
	for (const char *const *s = yes; *s; s++) {
		cchc_cell c = text_cell(*s);
		if (cchc_cell_yesno(&c) != 1)
			fprintf(stderr, "\n    \"%s\" is not yes\n", *s);
		ASSERT_EQ(cchc_cell_yesno(&c), 1);
	}
	for (const char *const *s = no; *s; s++) {
		cchc_cell c = text_cell(*s);
		if (cchc_cell_yesno(&c) != 0)
			fprintf(stderr, "\n    \"%s\" is not no\n", *s);
		ASSERT_EQ(cchc_cell_yesno(&c), 0);
	}
	for (const char *const *s = neither; *s; s++) {
		cchc_cell c = text_cell(*s);
		ASSERT_EQ(cchc_cell_yesno(&c), -1);
	}
	cchc_cell t = {.type = CCHC_CELL_BOOL, .text = "1"}, f = {.type = CCHC_CELL_BOOL, .text = "0"};
	cchc_cell one = number_cell("1"), err = {.type = CCHC_CELL_ERROR, .text = "#N/A"};
	ASSERT_EQ(cchc_cell_yesno(&t), 1);
	ASSERT_EQ(cchc_cell_yesno(&f), 0);
	ASSERT_EQ(cchc_cell_yesno(&one), 1);
	ASSERT_EQ(cchc_cell_yesno(&err), -1);
	ASSERT_EQ(cchc_cell_yesno(NULL), -1);
}

static void test_na(void)
{
	static const char *const na[] = {"không áp dụng", "Không áp dụng", "KHÔNG ÁP DỤNG",
	                                 "khong ap dung", "KAD", "kad", "N/A", "n/a", "NA", " na ", NULL};
	static const char *const not_na[] = {"", "không", "áp dụng", "N/A/", "0", NULL};
	for (const char *const *s = na; *s; s++) {
		cchc_cell c = text_cell(*s);
		if (!cchc_cell_is_na(&c))
			fprintf(stderr, "\n    \"%s\" is not N/A\n", *s);
		ASSERT_EQ(cchc_cell_is_na(&c), 1);
	}
	for (const char *const *s = not_na; *s; s++) {
		cchc_cell c = text_cell(*s);
		ASSERT_EQ(cchc_cell_is_na(&c), 0);
	}
	cchc_cell err = {.type = CCHC_CELL_ERROR, .text = "#N/A"};
	ASSERT_EQ(cchc_cell_is_na(&err), 0);
	ASSERT_EQ(cchc_cell_is_na(NULL), 0);
}

static void test_fold_and_ref(void)
{
	char buf[64];
	ASSERT_EQ(cchc_text_fold(buf, sizeof buf, "  Tài liệu   KIỂM CHỨNG\t"), 19);
	ASSERT_STR(buf, "tai lieu kiem chung");
	cchc_text_fold(buf, sizeof buf, "Đường ĐI ưu Ơn");
	ASSERT_STR(buf, "duong di uu on");
	ASSERT_EQ(cchc_text_fold(buf, 4, "abcdef"), 6); /* as snprintf */
	ASSERT_STR(buf, "abc");
	cchc_text_fold(buf, sizeof buf, "東京 ×");
	ASSERT_STR(buf, "東京 ×");
	char ref[16];
	ASSERT_STR(cchc_cell_ref(ref, 14, 6), "F14");
	ASSERT_STR(cchc_cell_ref(ref, 1, 26), "Z1");
	ASSERT_STR(cchc_cell_ref(ref, 1, 27), "AA1");
	ASSERT_STR(cchc_cell_ref(ref, 1048576, 16384), "XFD1048576");
}

/* ---- refusals: the hostile corpus and every cap -------------------------------------- */

static void test_hostile(void)
{
	expect_refused(HOSTILE "not-a-zip.xlsx", NULL,
	               "không phải tệp Excel .xlsx: mở tệp trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)");
	expect_refused(HOSTILE "not-a-zip.xlsx", "en",
	               "not an Excel .xlsx file: open it in Excel and save it as Excel Workbook (.xlsx)");
	expect_refused(HOSTILE "bomb.xlsx", NULL,
	               "phần xl/worksheets/sheet1.xml nén với tỷ lệ 980:1, vượt giới hạn 200:1 (nghi bom nén "
	               "zip): tệp bị từ chối");
	expect_refused(HOSTILE "bomb.xlsx", "en",
	               "part xl/worksheets/sheet1.xml is compressed 980:1, more than the 200:1 limit (a zip "
	               "bomb?): refused");
	expect_refused(HOSTILE "bomb-declared.xlsx", NULL,
	               "phần xl/worksheets/sheet1.xml giải nén ra 83886080 byte, vượt giới hạn 64 MiB mỗi "
	               "phần (nghi bom nén zip): tệp bị từ chối");
	expect_refused(HOSTILE "dotdot-target.xlsx", NULL,
	               "xl/_rels/workbook.xml.rels trỏ tới \"../../../etc/passwd\", ra ngoài gói tệp: tệp bị "
	               "từ chối");
	expect_refused(HOSTILE "doctype.xlsx", NULL,
	               "phần xl/workbook.xml có <!DOCTYPE>, không được phép (DTD và thực thể bị từ chối để an "
	               "toàn): tệp bị từ chối");
	expect_refused(HOSTILE "doctype.xlsx", "en",
	               "part xl/workbook.xml has a <!DOCTYPE>, which is not allowed (DTDs and entities are "
	               "refused for safety): refused");
	expect_refused(HOSTILE "huge-sst.xlsx", NULL,
	               "bảng chuỗi dùng chung có hơn 262144 chuỗi, vượt giới hạn: tệp bị từ chối");
	expect_refused(HOSTILE "encrypted.xlsx", NULL,
	               "Tệp được đặt mật khẩu: mở trong Excel và lưu lại không đặt mật khẩu");
	expect_refused(HOSTILE "encrypted.xlsx", "en",
	               "the workbook is password-protected: open it in Excel and save it without a password");
	expect_refused(HOSTILE "old.xls", NULL,
	               "tệp Excel 97-2003 (.xls) cũ: mở trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)");
	expect_refused(HOSTILE "old.xls", "en",
	               "an old Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook "
	               "(.xlsx)");
	expect_refused(HOSTILE "binary.xlsb", NULL,
	               "sổ làm việc nhị phân Excel (.xlsb): mở trong Excel và lưu dạng Sổ làm việc Excel "
	               "(.xlsx)");
	expect_refused(HOSTILE "ods.ods", NULL,
	               "bảng tính OpenDocument (.ods): mở trong LibreOffice và lưu dạng Excel 2007-365 (.xlsx)");
	expect_sheet_refused(HOSTILE "too-many-rows.xlsx", NULL,
	                     "Sheet1: dòng 1048577 vượt quá giới hạn 1048576 dòng của Excel: tệp bị từ chối");
	cchc_xlsx_options en = {.lang = "en"};
	expect_sheet_refused(HOSTILE "too-many-rows.xlsx", &en,
	                     "Sheet1: row 1048577 is past Excel's limit of 1048576 rows: refused");
	expect_refused(HOSTILE "duplicate-part.xlsx", NULL,
	               "tệp nén có hai phần cùng tên xl/worksheets/sheet1.xml: tệp bị hỏng hoặc bị sửa, mở và "
	               "lưu lại trong Excel");
	expect_refused(HOSTILE "encrypted-entry.xlsx", "en",
	               "part xl/worksheets/sheet1.xml is encrypted: open the workbook in Excel and save it "
	               "without a password");
	expect_sheet_refused(HOSTILE "utf16-part.xlsx", NULL,
	                     "phần xl/worksheets/sheet1.xml không mã hoá UTF-8: mở và lưu lại tệp trong Excel");
	expect_sheet_refused(HOSTILE "bad-crc.xlsx", NULL,
	                     "phần xl/worksheets/sheet1.xml bị hỏng (không giải nén được): mở và lưu lại tệp "
	                     "trong Excel");
	/* entries named ../ or /: ignored, never opened, the workbook reads */
	cchc_xlsx *x = open_ok(HOSTILE "dotdot-entries.xlsx");
	if (x) {
		cchc_sheet *s = load_ok(x, "Sheet1");
		expect_cell(s, 1, 1, CCHC_CELL_NUMBER, "1");
		cchc_sheet_free(s);
	}
	cchc_xlsx_free(x);
	expect_refused("tests/data/xlsx/missing.xlsx", NULL, "không mở được tệp: No such file or directory");
	expect_refused("tests/data/xlsx", NULL,
	               "không phải tệp thông thường: hãy chỉ đường dẫn tới một tệp Excel .xlsx");
	expect_refused("criteria/hue-so-2018.xml", "en",
	               "not an Excel .xlsx file: open it in Excel and save it as Excel Workbook (.xlsx)");
}

/* Each cap lowered so that a small workbook passes it. */
static void test_limits(void)
{
	cchc_xlsx_options opt = {.limits = {.cells = 10}};
	expect_sheet_refused(DATA "openpyxl.xlsx", &opt,
	                     "Tự chấm: trang tính có hơn 10 ô có giá trị, vượt giới hạn: chia thành nhiều tệp "
	                     "nhỏ hơn");
	opt = (cchc_xlsx_options){.lang = "en", .limits = {.cells = 10}};
	expect_sheet_refused(DATA "openpyxl.xlsx", &opt,
	                     "Tự chấm: the sheet has more than 10 cells with values, over the limit: split it "
	                     "into smaller files");
	cchc_diag *d = cchc_diag_new();
	cchc_xlsx *x = NULL;
	opt = (cchc_xlsx_options){.limits = {.strings = 3}};
	ASSERT_EQ(cchc_xlsx_open_with(&x, DATA "crafted.xlsx", NULL, 0, &opt, d), -1);
	test_expect_diag(d, 0, DATA "crafted.xlsx", 0,
	                 "bảng chuỗi dùng chung có hơn 3 chuỗi, vượt giới hạn: tệp bị từ chối");
	cchc_diag_clear(d);
	opt = (cchc_xlsx_options){.limits = {.string_bytes = 1}};
	ASSERT_EQ(cchc_xlsx_open_with(&x, DATA "crafted.xlsx", NULL, 0, &opt, d), -1);
	test_expect_diag(d, 0, DATA "crafted.xlsx", 0,
	                 "bảng chuỗi dùng chung dài hơn 0 MiB, vượt giới hạn: tệp bị từ chối");
	cchc_diag_clear(d);
	opt = (cchc_xlsx_options){.limits = {.part_bytes = 1000}};
	ASSERT_EQ(cchc_xlsx_open_with(&x, DATA "libreoffice.xlsx", NULL, 0, &opt, d), -1);
	ASSERT_DIAG(d, 0, "giải nén ra");
	cchc_diag_clear(d);
	opt = (cchc_xlsx_options){.limits = {.total_bytes = 4 * 1024}};
	ASSERT_EQ(cchc_xlsx_open_with(&x, DATA "openpyxl.xlsx", NULL, 0, &opt, d), -1);
	test_expect_diag(d, 0, DATA "openpyxl.xlsx", 0,
	                 "tệp lớn 6052 byte, vượt giới hạn 0 MiB: chia thành các tệp nhỏ hơn");
	CU_ASSERT_PTR_NULL(x);
	cchc_diag_free(d);
}

/* Damaged sheets, crafted here: each problem named by sheet and cell. */
static void test_damaged_sheets(void)
{
	if (make_tmp() < 0)
		CU_FAIL_FATAL("cannot make " TMP);
	expect_sheet_refused(write_book("sst-index.xlsx", "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>5</v></c></row>",
	                                "<si><t>a</t></si>"),
	                     NULL,
	                     "Tự chấm!B1: ô trỏ tới chuỗi dùng chung số 5 nhưng bảng chỉ có 1 chuỗi: tệp bị hỏng, "
	                     "mở và lưu lại trong Excel");
	expect_sheet_refused(write_book("bad-number.xlsx", "<row r=\"2\"><c r=\"C2\"><v>0,75</v></c></row>", NULL),
	                     NULL, "Tự chấm!C2: giá trị số \"0,75\" không hợp lệ: nhập lại số trong ô");
	expect_sheet_refused(write_book("bad-bool.xlsx", "<row r=\"2\"><c r=\"C2\" t=\"b\"><v>2</v></c></row>", NULL),
	                     NULL, "Tự chấm!C2: giá trị đúng/sai \"2\" không hợp lệ: nhập lại TRUE hoặc FALSE");
	expect_sheet_refused(write_book("bad-date.xlsx",
	                                "<row r=\"2\"><c r=\"C2\" t=\"d\"><v>2019-02-30</v></c></row>", NULL),
	                     NULL,
	                     "Tự chấm!C2: ngày \"2019-02-30\" không hợp lệ: nhập lại ngày dạng ngày/tháng/năm");
	expect_sheet_refused(write_book("dup.xlsx",
	                                "<row r=\"2\"><c r=\"C2\"><v>1</v></c></row>"
	                                "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
	                                "<row r=\"2\"><c r=\"C2\"><v>2</v></c></row>",
	                                NULL),
	                     NULL, "Tự chấm!C2: ô xuất hiện hai lần: tệp bị hỏng, mở và lưu lại trong Excel");
	expect_sheet_refused(write_book("bad-ref.xlsx", "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL), NULL,
	                     "Tự chấm: địa chỉ ô \"1A\" không hợp lệ: mở và lưu lại tệp trong Excel");
	expect_sheet_refused(write_book("col.xlsx", "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL), NULL,
	                     "Tự chấm: ô XFE1 vượt quá cột XFD (16384 cột) của Excel: tệp bị từ chối");
	expect_sheet_refused(write_book("not-xml.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>", NULL), NULL,
	                     "phần xl/worksheets/sheet1.xml, dòng 1: XML không hợp lệ: Opening and ending tag "
	                     "mismatch: c line 1 and row: mở và lưu lại tệp trong Excel");
	/* one cell's text over 256 KiB */
	size_t big = (256 << 10) + 64;
	char *rows = malloc(big + 128);
	CU_ASSERT_PTR_NOT_NULL_FATAL(rows);
	strcpy(rows, "<row r=\"7\"><c r=\"D7\" t=\"inlineStr\"><is><t>");
	size_t at = strlen(rows);
	memset(rows + at, 'a', big);
	strcpy(rows + at + big, "</t></is></c></row>");
	expect_sheet_refused(write_book("long-text.xlsx", rows, NULL), NULL,
	                     "Tự chấm!D7: nội dung ô dài hơn 256 KiB: rút gọn nội dung ô");
	free(rows);
	/* more zip entries than a workbook ever has */
	static const char *many[2 * 10001 + 1];
	static char names[10001][16];
	for (int i = 0; i < 10001; i++) {
		snprintf(names[i], sizeof names[i], "x/%d.xml", i);
		many[2 * i] = names[i];
		many[2 * i + 1] = "";
	}
	write_zip(TMP "/many.xlsx", many);
	expect_refused(TMP "/many.xlsx", NULL,
	               "tệp nén có hơn 10000 mục, không phải một sổ làm việc thông thường: tệp bị từ chối");
	/* out of order but distinct: sorted row-major */
	const char *path = write_book("order.xlsx",
	                              "<row r=\"3\"><c r=\"B3\"><v>3</v></c><c r=\"A3\"><v>2</v></c></row>"
	                              "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
	                              NULL);
	cchc_xlsx *x = open_ok(path);
	cchc_sheet *s = x ? load_ok(x, "Tự chấm") : NULL;
	if (s) {
		size_t n;
		const cchc_cell *c = cchc_sheet_cells(s, &n);
		ASSERT_EQ(n, 3);
		ASSERT_STR(c[0].text, "1");
		ASSERT_STR(c[1].text, "2");
		ASSERT_STR(c[2].text, "3");
		expect_cell(s, 3, 2, CCHC_CELL_NUMBER, "3");
	}
	cchc_sheet_free(s);
	cchc_xlsx_free(x);
}

/* ---- speed ---------------------------------------------------------------------------- */

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* A sheet of rows × 12 columns as an assessment workbook looks: id, title, max, rule
 * text, inputs, claim, points, documents. Returns the median of 9 open + load runs (s). */
static double time_rows(int rows, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, TMP "/%s", name);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tự chấm");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd/mm/yyyy");
	char buf[128];
	for (int r = 0; r < rows; r++) {
		snprintf(buf, sizeof buf, "%d.%d.%d", r / 100 + 1, r / 10 % 10 + 1, r % 10 + 1);
		worksheet_write_string(ws, (lxw_row_t)r, 0, buf, NULL);
		snprintf(buf, sizeof buf, "Tiêu chí số %d: ban hành kế hoạch cải cách hành chính", r);
		worksheet_write_string(ws, (lxw_row_t)r, 1, buf, NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 2, 0.5 + r % 4 * 0.25, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 3, "Ban hành đúng hạn: 0,5 điểm", NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 4, r % 2 ? "Có" : "Không", NULL);
		lxw_datetime d = {2019, 1 + r % 12, 1 + r % 28, 0, 0, 0};
		worksheet_write_datetime(ws, (lxw_row_t)r, 5, &d, date);
		worksheet_write_number(ws, (lxw_row_t)r, 6, r % 100, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 7, "0,25", NULL);
		worksheet_write_formula_num(ws, (lxw_row_t)r, 8, "=C1*2", NULL, 1.0);
		worksheet_write_number(ws, (lxw_row_t)r, 9, 0.25, NULL);
		snprintf(buf, sizeof buf, "Kế hoạch số %d/KH-SKHĐT ngày 12/02/2019", r);
		worksheet_write_string(ws, (lxw_row_t)r, 10, buf, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 11, "", NULL);
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		return -1;
	double t[9];
	for (int i = 0; i < 9; i++) {
		double start = now();
		cchc_diag *d = cchc_diag_new();
		cchc_xlsx *x = NULL;
		cchc_sheet *s = NULL;
		if (cchc_xlsx_open(&x, path, d) != 0 || cchc_xlsx_sheet_load(&s, x, 0, d) != 0)
			fprintf(stderr, "\n%s", test_diag_text(d));
		size_t n = 0;
		if (s)
			cchc_sheet_cells(s, &n);
		ASSERT_EQ(n, (size_t)rows * 11);
		cchc_sheet_free(s);
		cchc_xlsx_free(x);
		cchc_diag_free(d);
		t[i] = now() - start;
	}
	qsort(t, 9, sizeof *t, cmp_double);
	return t[4];
}

static void test_speed(void)
{
	if (make_tmp() < 0)
		CU_FAIL_FATAL("cannot make " TMP);
	double small = time_rows(76, "speed-76.xlsx"), big = time_rows(5000, "speed-5000.xlsx");
	fprintf(stderr, "\n    open + load, median of 9: 76 rows %.2f ms, 5 000 rows %.1f ms\n",
	        small * 1e3, big * 1e3);
	CU_ASSERT(small >= 0 && small < 0.5); /* generous: a shared machine, sanitizers */
	CU_ASSERT(big >= 0 && big < 5.0);
}

int main(void)
{
	if (make_tmp() < 0) {
		fprintf(stderr, "cannot make %s\n", TMP);
		return 1;
	}
	static const test_case tests[] = {
		{"libxlsxwriter", test_libxlsxwriter},
		{"openpyxl", test_openpyxl},
		{"libreoffice", test_libreoffice},
		{"crafted", test_crafted},
		{"memory", test_memory},
		{"decimal", test_decimal},
		{"count", test_count},
		{"date", test_date},
		{"yesno", test_yesno},
		{"na", test_na},
		{"fold_and_ref", test_fold_and_ref},
		{"hostile", test_hostile},
		{"limits", test_limits},
		{"damaged_sheets", test_damaged_sheets},
		{"speed", test_speed},
		{NULL, NULL},
	};
	return test_run_suite("xlsx_read", tests);
}
