/* The self-assessment workbook: its live points agree with the engine.
 * Every sample and test assessment is written with its answers, LibreOffice
 * recalculates each workbook for real (tests/lo_recalc.py blanks the cached
 * values first, then calculateAll), and every leaf, group, total, index and
 * band must equal cchc_score_compute's to the hundredth; a typed change must
 * move the points as the engine moves them. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/workbook.h"
#include "cchc/xlsx.h"
#include "testutil.h"

#define MAX_CASES 64
#define MAX_ROWS 400

typedef struct {
	const cchc_score *score;
	char path[512];
	/* what LibreOffice computed, by row: first column, max column, points column */
	char *a[MAX_ROWS], *c[MAX_ROWS], *p[MAX_ROWS];
	int seen;
} wb_case;

static wb_case cases[MAX_CASES];
static size_t ncases;
static test_hue hue;
static cchc_criteria *kinds, *minimal, *tiny;
static cchc_assessment *extra[16];
static cchc_score *extra_scores[16];
static size_t nextra;

static void add_case(const cchc_score *s, const char *name, int blank)
{
	CU_ASSERT_FATAL(ncases < MAX_CASES);
	wb_case *c = &cases[ncases++];
	c->score = s;
	snprintf(c->path, sizeof c->path, "%s/tpl-%s.xlsx", CCHC_TEST_TMP, name);
	cchc_template_options opt = {0};
	opt.agency_id = cchc_assessment_agency_id(s->assessment);
	opt.agency_name = cchc_assessment_agency_name(s->assessment);
	opt.from = blank ? NULL : s->assessment;
	cchc_diag *diag = cchc_diag_new();
	int rc = cchc_template_write(c->path, s->set, &opt, diag);
	if (rc != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	CU_ASSERT_EQUAL(rc, 0);
	cchc_diag_free(diag);
}

static const cchc_score *score_file(const cchc_criteria *set, const char *rel)
{
	cchc_diag *diag = cchc_diag_new();
	const cchc_criteria *sets[1] = {set};
	cchc_assessment *a = NULL;
	cchc_score *s = NULL;
	if (cchc_assessment_load(&a, sets, 1, test_path(rel), diag) != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	CU_ASSERT_FATAL(a != NULL);
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	extra[nextra] = a;
	extra_scores[nextra++] = s;
	return s;
}

static const cchc_score *score_xml(const cchc_criteria *set, const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_assessment *a = test_assessment(set, xml, &diag);
	if (!a)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	CU_ASSERT_FATAL(a != NULL);
	cchc_score *s = NULL;
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	extra[nextra] = a;
	extra_scores[nextra++] = s;
	return s;
}

static cchc_criteria *load_set(const char *rel)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	if (cchc_criteria_load(&set, test_path(rel), diag) != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	return set;
}

/* One LibreOffice for every workbook; "--set NAME@ROW:COL=VALUE" types into one. */
static void recalc(const char *sets)
{
	static char cmd[65536];
	size_t n = (size_t)snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s",
	                            test_path("tests/lo_recalc.py"), sets);
	for (size_t i = 0; i < ncases; i++)
		n += (size_t)snprintf(cmd + n, sizeof cmd - n, " %s", cases[i].path);
	CU_ASSERT_FATAL(n < sizeof cmd);
	FILE *f = popen(cmd, "r");
	CU_ASSERT_FATAL(f != NULL);
	char line[4096];
	wb_case *cur = NULL;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "== ", 3) == 0) {
			cur = NULL;
			for (size_t i = 0; i < ncases; i++)
				if (strcmp(cases[i].path, line + 3) == 0)
					cur = &cases[i];
			if (cur)
				cur->seen = 1;
			continue;
		}
		char *fields[4] = {0};
		char *s = line;
		for (int k = 0; k < 4 && s; k++) {
			fields[k] = s;
			s = strchr(s, '\t');
			if (s)
				*s++ = '\0';
		}
		long row = strtol(fields[0], NULL, 10);
		if (!cur || row <= 0 || row >= MAX_ROWS || !fields[3])
			continue;
		cur->a[row] = strdup(fields[1]);
		cur->c[row] = strdup(fields[2]);
		cur->p[row] = strdup(fields[3]);
	}
	CU_ASSERT_EQUAL(pclose(f), 0);
}

static long long hundredths(const char *s)
{
	if (!s || !*s)
		return -999999999;
	return llround(strtod(s, NULL) * 100);
}

static void check_case(const wb_case *c)
{
	const cchc_score *s = c->score;
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nn);
	if (!c->seen)
		fprintf(stderr, "\n    LibreOffice did not report %s\n", c->path);
	CU_ASSERT_FATAL(c->seen);
	int bad = 0;
	for (size_t i = 0; i < nn; i++) {
		size_t row = 5 + i;
		const cchc_node_score *ns = cchc_score_node(s, nodes[i]);
		CU_ASSERT_FATAL(row < MAX_ROWS);
		if (!c->a[row] || strcmp(c->a[row], nodes[i]->id) != 0 ||
		    hundredths(c->p[row]) != ns->points) {
			if (bad++ < 5)
				fprintf(stderr, "\n    %s: %s: LibreOffice %s, engine %.2f", c->path,
				        nodes[i]->id, c->p[row] ? c->p[row] : "(none)",
				        (double)ns->points / 100);
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
	size_t first = 5 + nn + 1;
	const long long want[] = {s->frame, s->bonus, s->penalty, s->self_check, s->total, s->max,
	                          s->index};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		long long got = hundredths(c->c[first + k]);
		if (got != want[k])
			fprintf(stderr, "\n    %s: summary row %zu: LibreOffice %s, engine %lld", c->path, k,
			        c->c[first + k] ? c->c[first + k] : "(none)", want[k]);
		CU_ASSERT_EQUAL(got, want[k]);
	}
	ASSERT_STR(c->c[first + 7] ? c->c[first + 7] : "", s->band ? s->band->label : "");
	ASSERT_EQ(hundredths(c->c[first + 8]), s->self_total);
	/* the total under the title */
	ASSERT_EQ(hundredths(c->c[2]), s->total);
}

static void test_formulas_agree(void)
{
	CU_ASSERT_FATAL(test_hue_load(&hue) == 0);
	kinds = load_set("tests/data/workbook/kinds.xml");
	minimal = load_set("tests/data/rules/minimal.xml");
	tiny = load_set("tests/data/rank/tiny-2018.xml");
	CU_ASSERT_FATAL(kinds && minimal && tiny);
	for (size_t i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++)
		add_case(hue.scores[i], cchc_assessment_agency_id(hue.assessments[i]), 0);
	add_case(score_file(kinds, "tests/data/workbook/full.xml"), "kinds-full", 0);
	add_case(score_file(kinds, "tests/data/workbook/partial.xml"), "kinds-partial", 0);
	add_case(score_file(minimal, "tests/data/rules/minimal-assessment.xml"), "minimal", 0);
	static const char *const tiny_ids[] = {"bqlkcn", "snv", "stnmt", "sxd", "syt"};
	for (size_t i = 0; i < 5; i++) {
		char rel[128], name[64];
		snprintf(rel, sizeof rel, "tests/data/rank/tiny/%s.xml", tiny_ids[i]);
		snprintf(name, sizeof name, "tiny-%s", tiny_ids[i]);
		add_case(score_file(tiny, rel), name, 0);
	}
	/* a blank workbook scores what an empty assessment scores */
	add_case(score_xml(kinds, "<assessment xmlns=\"urn:cchc:assessment:1\" "
	                          "criteria-set=\"kinds-2019\" year=\"2019\"><agency id=\"blank\" "
	                          "name=\"blank\"/></assessment>"),
	         "kinds-blank", 1);
	/* typed by a person: skhdt's 1.3.3 (per-item, row 5 + its index, the count column H) from 4
	 * to 1, against the engine on the same change */
	char *xml = test_read_file(test_path("samples/hue-2018/so/skhdt.xml"), NULL);
	CU_ASSERT_FATAL(xml != NULL);
	char *at = strstr(xml, "criterion=\"1.3.3\" count=\"4\"");
	CU_ASSERT_FATAL(at != NULL);
	at[strlen("criterion=\"1.3.3\" count=\"")] = '1';
	const cchc_score *typed = score_xml(hue.sets[0], xml);
	free(xml);
	const cchc_node *leaf = cchc_criteria_find(hue.sets[0], "1.3.3");
	CU_ASSERT_FATAL(leaf != NULL);
	ASSERT_EQ(cchc_score_node(typed, leaf)->points, 25);
	size_t k = 0;
	while (k < TEST_HUE_SO && strcmp(test_hue_so_ids[k], "skhdt") != 0)
		k++;
	CU_ASSERT_FATAL(k < TEST_HUE_SO);
	add_case(hue.scores[k], "typed-skhdt", 0); /* written from skhdt, then typed into */
	cases[ncases - 1].score = typed;
	char sets[128];
	snprintf(sets, sizeof sets, "--set tpl-typed-skhdt.xlsx@%zu:8=1", 5 + leaf->index);
	recalc(sets);
	for (size_t i = 0; i < ncases; i++)
		check_case(&cases[i]);
}

static void test_blank_and_errors(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_template_options opt = {0};
	opt.agency_id = "x";
	/* a folder that does not exist: nothing written, the path named */
	int rc = cchc_template_write(CCHC_TEST_TMP "/no/such/dir/x.xlsx", hue.sets[0], &opt, diag);
	ASSERT_EQ(rc, -1);
	ASSERT_DIAG(diag, 0, "cannot write the workbook");
	cchc_diag_free(diag);
	/* answers of another set are refused */
	diag = cchc_diag_new();
	opt.from = hue.assessments[TEST_HUE_SO];
	rc = cchc_template_write(CCHC_TEST_TMP "/tpl-mismatch.xlsx", hue.sets[0], &opt, diag);
	ASSERT_EQ(rc, -1);
	ASSERT_DIAG(diag, 0, "the answers are for criteria set \"hue-huyen-2018\", the workbook for "
	                     "\"hue-so-2018\"");
	cchc_diag_free(diag);
	FILE *f = fopen(CCHC_TEST_TMP "/tpl-mismatch.xlsx", "rb");
	CU_ASSERT_PTR_NULL(f);
	if (f)
		fclose(f);
}

/* The printed "Tự chấm" sheet as LibreOffice prints it: skhdt's workbook of 2018 to PDF. */
#define PRINT_DIR CCHC_TEST_TMP "/tpl-print"

/* The ids of set in the Mã column of text (one page of pdftotext -layout), in order. */
static size_t ids_on_page(const cchc_criteria *set, char *text, const cchc_node **ids, size_t max)
{
	size_t n = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char tok[64];
		if (sscanf(line, "%63s", tok) != 1 || line[0] == ' ')
			continue; /* the Mã column starts the line; continued titles are indented */
		const cchc_node *nd = cchc_criteria_find(set, tok);
		if (nd && strcmp(nd->id, tok) == 0 && n < max)
			ids[n++] = nd;
	}
	return n;
}

static void test_print_layout(void)
{
	size_t k = 0;
	while (k < TEST_HUE_SO && strcmp(test_hue_so_ids[k], "skhdt") != 0)
		k++;
	CU_ASSERT_FATAL(k < TEST_HUE_SO);
	const cchc_score *s = hue.scores[k];
	CU_ASSERT_FATAL(system("rm -rf " PRINT_DIR " && mkdir -p " PRINT_DIR) == 0);
	cchc_template_options opt = {0};
	opt.agency_id = "skhdt";
	opt.agency_name = cchc_assessment_agency_name(s->assessment);
	opt.from = s->assessment;
	cchc_diag *diag = cchc_diag_new();
	ASSERT_EQ(cchc_template_write(PRINT_DIR "/skhdt.xlsx", s->set, &opt, diag), 0);
	cchc_diag_free(diag);

	/* the page set-up as written: A4 landscape at a fixed scale of 70 % or more, no fit-to-page
	 * (which would shrink it at will), Mã and Tiêu chí and the header row on every page */
	CU_ASSERT_FATAL(system("cd " PRINT_DIR " && unzip -p skhdt.xlsx xl/worksheets/sheet2.xml > sheet.xml && "
	                       "unzip -p skhdt.xlsx xl/workbook.xml > workbook.xml") == 0);
	char *sheet = test_read_file(PRINT_DIR "/sheet.xml", NULL), *book = test_read_file(PRINT_DIR "/workbook.xml", NULL);
	CU_ASSERT_FATAL(sheet && book);
	const char *setup = strstr(sheet, "<pageSetup ");
	CU_ASSERT_PTR_NOT_NULL_FATAL(setup);
	const char *sc = strstr(setup, " scale=\"");
	int scale = sc ? atoi(sc + 8) : 0;
	CU_ASSERT(scale >= 70 && scale <= 100);
	CU_ASSERT_PTR_NOT_NULL(strstr(setup, "paperSize=\"9\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(setup, "orientation=\"landscape\""));
	CU_ASSERT_PTR_NULL(strstr(sheet, "fitToPage"));
	CU_ASSERT_PTR_NOT_NULL(strstr(book, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">"
	                                    "'Tự chấm'!$A:$B,'Tự chấm'!$4:$4</definedName>"));
	free(sheet);
	free(book);

	/* LibreOffice's PDF: the sheet's pages carry the page header; print across, each page of
	 * the left half (Cách chấm) is followed by its right half (Giải trình): two pages across */
	CU_ASSERT_FATAL(system("cd " PRINT_DIR " && soffice --headless --norestore "
	                       "-env:UserInstallation=file://" PRINT_DIR "/profile --convert-to pdf skhdt.xlsx "
	                       ">/dev/null 2>&1 && pdfinfo skhdt.pdf > info.txt") == 0);
	char *info = test_read_file(PRINT_DIR "/info.txt", NULL);
	int pages = 0;
	CU_ASSERT_FATAL(info && strstr(info, "Pages:") && sscanf(strstr(info, "Pages:"), "Pages: %d", &pages) == 1);
	free(info);
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nn);
	const cchc_node **left = calloc(nn, sizeof *left), **right = calloc(nn, sizeof *right);
	const cchc_node **all = calloc(nn, sizeof *all);
	CU_ASSERT_FATAL(left && right && all);
	size_t nall = 0, nleft = 0, halves = 0;
	int sheet_pages = 0;
	for (int p = 1; p <= pages; p++) {
		char cmd[512], path[256];
		snprintf(path, sizeof path, PRINT_DIR "/page-%d.txt", p);
		snprintf(cmd, sizeof cmd, "pdftotext -layout -f %d -l %d " PRINT_DIR "/skhdt.pdf %s", p, p, path);
		CU_ASSERT_FATAL(system(cmd) == 0);
		char *text = test_read_file(path, NULL);
		CU_ASSERT_FATAL(text != NULL);
		if (!strstr(text, "Sở Kế hoạch và Đầu tư (skhdt) — Tự chấm 2018")) {
			free(text);
			continue; /* the guide's and the survey's pages */
		}
		sheet_pages++;
		const int is_left = strstr(text, "Cách chấm") != NULL, is_right = strstr(text, "Giải trình") != NULL;
		CU_ASSERT(is_left != is_right);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "Mã"));
		CU_ASSERT_PTR_NOT_NULL(strstr(text, "Tiêu chí"));
		/* left, right, left, right: the halves of each band of rows side by side */
		CU_ASSERT_EQUAL(is_left, halves % 2 == 0);
		halves++;
		if (is_left) {
			nleft = ids_on_page(s->set, text, left, nn);
			CU_ASSERT(nleft > 0 || strstr(text, "TỔNG ĐIỂM")); /* the totals alone may take a page */
			for (size_t i = 0; i < nleft && nall < nn; i++)
				all[nall++] = left[i];
			/* no heading stranded: a band of rows ends on a leaf */
			if (nleft && nall < nn && left[nleft - 1]->nchildren) {
				fprintf(stderr, "\n    page %d ends on heading %s\n", p, left[nleft - 1]->id);
				CU_FAIL("a heading ends a page");
			}
		} else {
			/* the right half holds the same Mã values, row for row */
			size_t nright = ids_on_page(s->set, text, right, nn);
			ASSERT_EQ(nright, nleft);
			for (size_t i = 0; i < nright && i < nleft; i++)
				CU_ASSERT_PTR_EQUAL(right[i], left[i]);
		}
		free(text);
	}
	CU_ASSERT(sheet_pages >= 4 && sheet_pages % 2 == 0);
	/* every row printed once, in order */
	ASSERT_EQ(nall, nn);
	for (size_t i = 0; i < nall && i < nn; i++)
		CU_ASSERT_PTR_EQUAL(all[i], nodes[i]);
	free(left);
	free(right);
	free(all);
	(void)!system("rm -rf " PRINT_DIR);
}

/* An evidence column no rule of the set reads is not written: tiny-2018 has tiers, per-item
 * and yes-no rules only (its workbooks recalculate right above); the workbook imports back to
 * the same score. */
static void test_unread_columns(void)
{
	const cchc_score *s = NULL;
	for (size_t i = 0; i < ncases && !s; i++)
		if (strstr(cases[i].path, "/tpl-tiny-snv.xlsx"))
			s = cases[i].score;
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	cchc_diag *diag = cchc_diag_new();
	cchc_xlsx *x = NULL;
	cchc_sheet *sh = NULL;
	CU_ASSERT_FATAL(cchc_xlsx_open(&x, CCHC_TEST_TMP "/tpl-tiny-snv.xlsx", diag) == 0);
	long si = cchc_xlsx_sheet_find(x, "Tự chấm");
	CU_ASSERT_FATAL(si >= 0 && cchc_xlsx_sheet_load(&sh, x, (size_t)si, diag) == 0);
	char header[1024] = "";
	for (uint32_t c = 1; c <= 40; c++) {
		const cchc_cell *cell = cchc_sheet_cell(sh, 4, c);
		if (cell && *cell->text)
			snprintf(header + strlen(header), sizeof header - strlen(header), "%s|", cell->text);
	}
	ASSERT_STR(header, "Mã|Tiêu chí|Điểm tối đa|Cách chấm|Thực hiện (Có/Không)|Số liệu|Số lượng|Không áp dụng|"
	                   "Tự chấm|Điểm theo quy tắc|Chênh lệch|Tài liệu kiểm chứng|Giải trình|Điểm tối đa tính|");
	cchc_sheet_free(sh);
	cchc_xlsx_free(x);
	cchc_assessment *a = NULL;
	cchc_score *back = NULL;
	const cchc_criteria *sets[1] = {s->set};
	ASSERT_EQ(cchc_workbook_load(&a, CCHC_TEST_TMP "/tpl-tiny-snv.xlsx", sets, 1, 0, diag), 0);
	ASSERT_EQ(cchc_diag_count(diag), 0);
	CU_ASSERT_FATAL(a && cchc_score_compute(&back, a) == 0);
	ASSERT_EQ(back->total, s->total);
	ASSERT_EQ(back->self_total, s->self_total);
	cchc_score_free(back);
	cchc_assessment_free(a);
	cchc_diag_free(diag);
}

static void cleanup(void)
{
	for (size_t i = 0; i < ncases; i++)
		for (size_t r = 0; r < MAX_ROWS; r++) {
			free(cases[i].a[r]);
			free(cases[i].c[r]);
			free(cases[i].p[r]);
		}
	for (size_t i = 0; i < nextra; i++) {
		cchc_score_free(extra_scores[i]);
		cchc_assessment_free(extra[i]);
	}
	cchc_criteria_free(kinds);
	cchc_criteria_free(minimal);
	cchc_criteria_free(tiny);
	test_hue_free(&hue);
}

static void test_cleanup(void)
{
	cleanup();
	CU_PASS("freed");
}

int main(void)
{
	static const test_case tests[] = {
		{"LibreOffice recalculates every workbook to the engine's points", test_formulas_agree},
		{"unwritable path and answers of another set", test_blank_and_errors},
		{"evidence columns no rule reads are not written; the workbook imports back", test_unread_columns},
		{"printed by LibreOffice: two pages across at 70 % or more, Mã on every page, no heading stranded",
		 test_print_layout},
		{"cleanup", test_cleanup},
		{NULL, NULL},
	};
	return test_run_suite("template", tests);
}
