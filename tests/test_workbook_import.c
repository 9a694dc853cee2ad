/* Excel in: a filled workbook reads back as the assessment it was written
 * from. XML → template → import → score JSON is byte-identical to scoring the
 * XML, for every sample and test assessment; the same after LibreOffice
 * re-saves the workbook, for a workbook another producer (openpyxl) writes
 * in the documented layout, and after a person inserts, re-orders and hides
 * rows and columns; the published figures (groups and criteria too) come
 * back as given. Mistakes come back by sheet and cell, all at once. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cchc/report.h"
#include "cchc/workbook.h"
#include "testutil.h"

#define MAX_CASES 48

typedef struct {
	const cchc_criteria *set;
	const char *xml;  /* the assessment file, under the source tree */
	const char *crit; /* its criteria file */
	char id[64];
	char *json;       /* scoring the XML */
	char *published;  /* the XML's published figures (published_text) */
} rt_case;

static rt_case cases[MAX_CASES];
static size_t ncases;
static test_hue hue;
static cchc_criteria *kinds, *minimal;
static char paths[MAX_CASES][2][160];

static char *score_json(const cchc_assessment *a)
{
	cchc_score *s = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	CU_ASSERT_FATAL(cchc_render_score_json(&buf, s, CCHC_LANG_VI) == 0);
	cchc_score_free(s);
	char *out = strdup(buf.data);
	cchc_buf_dispose(&buf);
	return out;
}

/* An assessment's published figures as one line of text (malloc'd; "" for none). */
static char *published_text(const cchc_assessment *a)
{
	const cchc_published *p = cchc_assessment_published(a);
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	char v[CCHC_FMT_SIZE];
	if (p) {
		cchc_buf_printf(&buf, "total %s rank %zu band %s source %s;",
		                p->has_total ? cchc_points_spell(v, p->total) : "-", p->rank,
		                p->band ? p->band->label : "-", p->source ? p->source : "-");
		for (size_t i = 0; i < p->ngroups; i++)
			cchc_buf_printf(&buf, " group %s %s", p->groups[i].group->id,
			                cchc_points_spell(v, p->groups[i].points));
		for (size_t i = 0; i < p->ncriteria; i++)
			cchc_buf_printf(&buf, " criterion %s %s", p->criteria[i].criterion->id,
			                cchc_points_spell(v, p->criteria[i].points));
	}
	char *out = strdup(buf.data ? buf.data : "");
	cchc_buf_dispose(&buf);
	return out;
}

static cchc_assessment *load_xml(const cchc_criteria *set, const char *rel)
{
	cchc_diag *diag = cchc_diag_new();
	const cchc_criteria *sets[1] = {set};
	cchc_assessment *a = NULL;
	if (cchc_assessment_load(&a, sets, 1, test_path(rel), diag) != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	return a;
}

static void add(const cchc_criteria *set, const char *crit, const char *xml, const char *id)
{
	CU_ASSERT_FATAL(ncases < MAX_CASES);
	rt_case *c = &cases[ncases];
	c->set = set;
	c->crit = crit;
	snprintf(paths[ncases][0], sizeof paths[0][0], "%s", xml);
	c->xml = paths[ncases][0];
	snprintf(c->id, sizeof c->id, "%s", id);
	cchc_assessment *a = load_xml(set, xml);
	CU_ASSERT_FATAL(a != NULL);
	c->json = score_json(a);
	c->published = published_text(a);
	cchc_assessment_free(a);
	ncases++;
}

static const char *book(const char *kind, const rt_case *c)
{
	static char path[8][512];
	static int k;
	k = (k + 1) % 8;
	snprintf(path[k], sizeof path[k], "%s/wb-%s-%s.xlsx", CCHC_TEST_TMP, kind, c->id);
	return path[k];
}

/* Import a workbook and compare its score JSON with the XML's. */
static int same_as_xml(const rt_case *c, const char *xlsx)
{
	cchc_diag *diag = cchc_diag_new();
	const cchc_criteria *sets[3] = {hue.sets[0], hue.sets[1], c->set};
	cchc_assessment *a = NULL;
	int rc = cchc_workbook_load(&a, xlsx, sets, 3, 0, diag);
	if (rc != 0)
		fprintf(stderr, "\n    %s:\n%s", xlsx, test_diag_text(diag));
	cchc_diag_free(diag);
	if (rc != 0)
		return 0;
	char *json = score_json(a), *published = published_text(a);
	int same = strcmp(json, c->json) == 0;
	if (!same)
		fprintf(stderr, "\n    %s: the score JSON differs from %s's", xlsx, c->xml);
	if (strcmp(published, c->published) != 0) {
		fprintf(stderr, "\n    %s: the published figures differ from %s's:\n    %s\n    %s", xlsx,
		        c->xml, published, c->published);
		same = 0;
	}
	free(published);
	free(json);
	cchc_assessment_free(a);
	return same;
}

static void write_template(const rt_case *c, const char *path)
{
	cchc_assessment *a = load_xml(c->set, c->xml);
	CU_ASSERT_FATAL(a != NULL);
	cchc_template_options opt = {0};
	opt.agency_id = cchc_assessment_agency_id(a);
	opt.from = a;
	cchc_diag *diag = cchc_diag_new();
	int rc = cchc_template_write(path, c->set, &opt, diag);
	if (rc)
		fprintf(stderr, "%s", test_diag_text(diag));
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	cchc_diag_free(diag);
	cchc_assessment_free(a);
}

static void test_round_trip(void)
{
	CU_ASSERT_FATAL(test_hue_load(&hue) == 0);
	kinds = NULL;
	cchc_diag *diag = cchc_diag_new();
	CU_ASSERT_FATAL(cchc_criteria_load(&kinds, test_path("tests/data/workbook/kinds.xml"), diag) == 0);
	CU_ASSERT_FATAL(cchc_criteria_load(&minimal, test_path("tests/data/rules/minimal.xml"), diag) == 0);
	cchc_diag_free(diag);
	for (size_t i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++) {
		int so = i < TEST_HUE_SO;
		const char *id = so ? test_hue_so_ids[i] : test_hue_huyen_ids[i - TEST_HUE_SO];
		char rel[128];
		snprintf(rel, sizeof rel, "samples/hue-2018/%s/%s.xml", so ? "so" : "huyen", id);
		add(hue.sets[so ? 0 : 1], so ? "criteria/hue-so-2018.xml" : "criteria/hue-huyen-2018.xml",
		    rel, id);
	}
	add(kinds, "tests/data/workbook/kinds.xml", "tests/data/workbook/full.xml", "full");
	add(kinds, "tests/data/workbook/kinds.xml", "tests/data/workbook/partial.xml", "partial");
	add(minimal, "tests/data/rules/minimal.xml", "tests/data/rules/minimal-assessment.xml", "minimal");
	for (size_t i = 0; i < ncases; i++) {
		const char *path = book("tpl", &cases[i]);
		write_template(&cases[i], path);
		CU_ASSERT(same_as_xml(&cases[i], path));
	}
}

/* LibreOffice opens and saves the workbooks as .xlsx again (one soffice for all). */
static void test_libreoffice_resave(void)
{
	static const char *const ids[] = {"skhdt", "phuvang", "full", "partial", "minimal"};
	char cmd[4096], dir[256];
	snprintf(dir, sizeof dir, "%s/wb-resaved", CCHC_TEST_TMP);
	mkdir(dir, 0777);
	int n = snprintf(cmd, sizeof cmd,
	                 "soffice --headless --norestore -env:UserInstallation=file://%s/profile "
	                 "--convert-to xlsx --outdir %s",
	                 dir, dir);
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
		for (size_t i = 0; i < ncases; i++)
			if (strcmp(cases[i].id, ids[k]) == 0)
				n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", book("tpl", &cases[i]));
	snprintf(cmd + n, sizeof cmd - (size_t)n, " >/dev/null 2>&1");
	CU_ASSERT_FATAL(system(cmd) == 0);
	for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
		for (size_t i = 0; i < ncases; i++) {
			if (strcmp(cases[i].id, ids[k]) != 0)
				continue;
			char path[512];
			snprintf(path, sizeof path, "%s/wb-tpl-%s.xlsx", dir, ids[k]);
			CU_ASSERT(same_as_xml(&cases[i], path));
		}
}

/* Another producer, from the documented layout only. */
static void test_openpyxl_producer(void)
{
	static char cmd[32768];
	int n = snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s", test_path("tests/wb_producer.py"));
	for (size_t i = 0; i < ncases; i++) {
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", test_path(cases[i].crit));
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", test_path(cases[i].xml));
		n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", book("py", &cases[i]));
	}
	CU_ASSERT_FATAL((size_t)n < sizeof cmd);
	CU_ASSERT_FATAL(system(cmd) == 0);
	for (size_t i = 0; i < ncases; i++)
		CU_ASSERT(same_as_xml(&cases[i], book("py", &cases[i])));
}

static const rt_case *find_case(const char *id)
{
	for (size_t i = 0; i < ncases; i++)
		if (strcmp(cases[i].id, id) == 0)
			return &cases[i];
	CU_FAIL_FATAL("no such case");
	return NULL;
}

static int edit(const char *in, const char *out, const char *edits)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s %s %s", test_path("tests/wb_edit.py"), in, out,
	         edits);
	return system(cmd);
}

/* A person inserts a column and a row, adds a column of their own, hides a row
 * and swaps two criteria: the same assessment. */
static void test_person_edits(void)
{
	const rt_case *c = find_case("skhdt");
	char out[512];
	snprintf(out, sizeof out, "%s/wb-edited-skhdt.xlsx", CCHC_TEST_TMP);
	CU_ASSERT_FATAL(edit(book("tpl", c), out,
	                     "swap-rows=8:9 insert-col=5 insert-row=12 hide-row=20 "
	                     "'extra-col=40:Ghi chú riêng'") == 0);
	CU_ASSERT(same_as_xml(c, out));
	/* text typed the Vietnamese way: 1.3.2 value "100,0", 1.1.1 date "12/02/2018" */
	const cchc_node *v = cchc_criteria_find(c->set, "1.3.2"), *d = cchc_criteria_find(c->set, "1.1.1");
	char edits[256];
	snprintf(edits, sizeof edits, "G%zu='100,0' F%zu=12/02/2018", 5 + v->index, 5 + d->index);
	CU_ASSERT_FATAL(edit(book("tpl", c), out, edits) == 0);
	CU_ASSERT(same_as_xml(c, out));
}

static void test_mistakes(void)
{
	const rt_case *c = find_case("skhdt");
	char out[512], edits[512];
	snprintf(out, sizeof out, "%s/wb-mistakes-skhdt.xlsx", CCHC_TEST_TMP);
	size_t r111 = 5 + cchc_criteria_find(c->set, "1.1.1")->index;
	size_t r112 = 5 + cchc_criteria_find(c->set, "1.1.2")->index;
	size_t r133 = 5 + cchc_criteria_find(c->set, "1.3.3")->index;
	size_t r121 = 5 + cchc_criteria_find(c->set, "1.2.1")->index;
	size_t r21 = 5 + cchc_criteria_find(c->set, "2.1")->index;
	snprintf(edits, sizeof edits,
	         "N%zu='1,5' F%zu=31/02/2018 K%zu='Xuất sắc lắm' H%zu=ba E%zu=Có A%zu=9.9.9", r111, r111,
	         r112, r133, r121, r21 + 1);
	CU_ASSERT_FATAL(edit(book("tpl", c), out, edits) == 0);
	cchc_diag *diag = cchc_diag_new();
	cchc_assessment *a = NULL;
	const cchc_criteria *sets[1] = {c->set};
	ASSERT_EQ(cchc_workbook_load(&a, out, sets, 1, 0, diag), -1);
	CU_ASSERT_PTR_NULL(a);
	char msg[7][320];
	snprintf(msg[0], sizeof msg[0], "Tự chấm!F%zu: \"31/02/2018\" không phải là ngày: nhập ngày/tháng/năm, "
	                                "ví dụ 12/01/2019", r111);
	snprintf(msg[1], sizeof msg[1], "Tự chấm!N%zu: \"1,5\" vượt điểm tối đa 1 của tiêu chí 1.1.1", r111);
	snprintf(msg[2], sizeof msg[2], "Tự chấm!K%zu: \"Xuất sắc lắm\" không phải một mức của tiêu chí 1.1.2: "
	                                "chọn một trong ", r112);
	snprintf(msg[3], sizeof msg[3], "Tự chấm!E%zu: tiêu chí 1.2.1 không chấm theo Có/Không: chọn Không nếu "
	                                "chưa thực hiện, để trống nếu đã thực hiện", r121);
	snprintf(msg[4], sizeof msg[4], "Tự chấm!H%zu: \"ba\" không phải số nguyên không âm: nhập một số như 3",
	         r133);
	snprintf(msg[5], sizeof msg[5], "Tự chấm!A%zu: mã \"9.9.9\" không có trong bộ tiêu chí hue-so-2018: sửa "
	                                "mã hoặc xoá dòng", r21 + 1);
	for (size_t k = 0; k < 6; k++)
		ASSERT_DIAG(diag, 0, msg[k]);
	/* every mistake at once, each once, in the order of the rows */
	ASSERT_EQ(cchc_diag_count(diag), 6);
	const cchc_diag_entry *e = cchc_diag_get(diag, 1);
	CU_ASSERT_FATAL(e != NULL);
	ASSERT_STR(e->file, out);
	ASSERT_EQ(e->line, 0);
	ASSERT_STR(e->message, msg[1]);
	cchc_diag_free(diag);

	/* the loader's own checks come back at the cell too: numerator above denominator */
	snprintf(edits, sizeof edits, "I%zu=#5", r21);
	CU_ASSERT_FATAL(edit(book("tpl", c), out, edits) == 0);
	diag = cchc_diag_new();
	ASSERT_EQ(cchc_workbook_load(&a, out, sets, 1, 0, diag), -1);
	ASSERT_EQ(cchc_diag_count(diag), 1);
	snprintf(msg[6], sizeof msg[6], "Tự chấm!I%zu: <item criterion=\"2.1\">: tử số 5 lớn hơn mẫu số 3: sửa lại",
	         r21);
	test_expect_diag(diag, 0, out, 0, msg[6]);
	cchc_diag_free(diag);
	diag = cchc_diag_new(); /* the loader's English with --lang en */
	ASSERT_EQ(cchc_workbook_load(&a, out, sets, 1, 1, diag), -1);
	snprintf(msg[6], sizeof msg[6], "Tự chấm!I%zu: <item criterion=\"2.1\">: numerator 5 is larger than "
	                                "denominator 3",
	         r21);
	test_expect_diag(diag, 0, out, 0, msg[6]);
	cchc_diag_free(diag);

	/* in English with --lang en */
	snprintf(edits, sizeof edits, "N%zu='1,5'", r111);
	CU_ASSERT_FATAL(edit(book("tpl", c), out, edits) == 0);
	diag = cchc_diag_new();
	ASSERT_EQ(cchc_workbook_load(&a, out, sets, 1, 1, diag), -1);
	snprintf(msg[0], sizeof msg[0], "Tự chấm!N%zu: \"1,5\" is above the max 1 of criterion 1.1.1", r111);
	test_expect_diag(diag, 0, out, 0, msg[0]);
	cchc_diag_free(diag);
}

static void test_not_a_workbook(void)
{
	/* a zip that is not ours: the "cchc" sheet is what marks a workbook */
	const rt_case *c = find_case("skhdt");
	char out[512];
	snprintf(out, sizeof out, "%s/wb-foreign.xlsx", CCHC_TEST_TMP);
	CU_ASSERT_FATAL(edit(book("tpl", c), out, "sheet=cchc A1=notformat") == 0);
	cchc_diag *diag = cchc_diag_new();
	cchc_assessment *a = NULL;
	const cchc_criteria *sets[1] = {c->set};
	ASSERT_EQ(cchc_workbook_load(&a, out, sets, 1, 0, diag), -1);
	test_expect_diag(diag, 0, out, 0,
	                 "cchc: trang \"cchc\" không ghi format cchc-workbook/1, kind assessment: dùng sổ do "
	                 "cchc template tạo");
	cchc_diag_free(diag);
	/* a workbook of another set than the ones given */
	diag = cchc_diag_new();
	sets[0] = kinds;
	ASSERT_EQ(cchc_workbook_load(&a, book("tpl", c), sets, 1, 0, diag), -1);
	test_expect_diag(diag, 0, book("tpl", c), 0,
	                 "cchc: sổ dành cho bộ tiêu chí \"hue-so-2018\", không có trong các bộ đã cho: thêm "
	                 "tệp bộ tiêu chí đó");
	cchc_diag_free(diag);
	CU_ASSERT_EQUAL(cchc_workbook_sniff(book("tpl", c)), 1);
	CU_ASSERT_EQUAL(cchc_workbook_sniff(test_path(c->xml)), 0);
}

static void test_cleanup(void)
{
	for (size_t i = 0; i < ncases; i++) {
		free(cases[i].json);
		free(cases[i].published);
	}
	cchc_criteria_free(kinds);
	cchc_criteria_free(minimal);
	test_hue_free(&hue);
	CU_PASS("freed");
}

int main(void)
{
	static const test_case tests[] = {
		{"XML, template, import: the same score JSON for every sample", test_round_trip},
		{"the same after LibreOffice re-saves the workbooks", test_libreoffice_resave},
		{"the same from another producer (openpyxl, the documented layout)", test_openpyxl_producer},
		{"inserted, re-ordered, hidden rows and columns; Vietnamese text values", test_person_edits},
		{"mistakes by sheet and cell, all at once, Vietnamese or English", test_mistakes},
		{"not a cchc workbook; a workbook of another set", test_not_a_workbook},
		{"cleanup", test_cleanup},
		{NULL, NULL},
	};
	return test_run_suite("workbook_import", tests);
}
