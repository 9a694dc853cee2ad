/* The workbook through the command line, as users run it: `cchc template`
 * (the Done-when command), `cchc import`, and workbooks wherever assessments
 * are read: a folder of the 30 Huế workbooks ranks exactly as the XML
 * samples; a workbook with mistakes fails with exit 1 and nothing written. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#define OUT_SIZE (1 << 20)

static char out[OUT_SIZE], err[OUT_SIZE], want[OUT_SIZE];

static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/wbcli", out, sizeof out, err, sizeof err);
}

/* src() has one static buffer: a few paths in one command line need their own. */
static const char *src(const char *relative)
{
	static char buf[8][512];
	static int k;
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s", test_path(relative));
	return buf[k];
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static void test_template_command(void)
{
	char args[1024];
	remove(CCHC_TEST_TMP "/skhdt.xlsx");
	snprintf(args, sizeof args, "template %s --agency skhdt --from %s -o %s/skhdt.xlsx",
	         src("criteria/hue-so-2018.xml"), src("samples/hue-2018/so/skhdt.xml"),
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(err, "");
	CU_ASSERT(exists(CCHC_TEST_TMP "/skhdt.xlsx"));
	/* scored as it stands, the workbook says what the XML says */
	snprintf(args, sizeof args, "score %s %s/skhdt.xlsx --format json",
	         src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	char got[OUT_SIZE];
	memcpy(got, out, sizeof got);
	snprintf(args, sizeof args, "score %s %s --format json", src("criteria/hue-so-2018.xml"),
	         src("samples/hue-2018/so/skhdt.xml"));
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(got, out);
	/* a workbook pre-filled from a workbook */
	snprintf(args, sizeof args, "template %s --agency skhdt --from %s/skhdt.xlsx --lang en -o %s/skhdt-en.xlsx",
	         src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP, CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	snprintf(args, sizeof args, "score %s %s/skhdt-en.xlsx --format json",
	         src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(got, out);
	/* usage errors: exit 2, nothing written */
	remove(CCHC_TEST_TMP "/none.xlsx");
	snprintf(args, sizeof args, "template %s -o %s/none.xlsx", src("criteria/hue-so-2018.xml"),
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 2);
	ASSERT_STR(err, "cchc template: give the agency: --agency ID\nTry 'cchc template --help'.\n");
	snprintf(args, sizeof args, "template %s --agency x", src("criteria/hue-so-2018.xml"));
	ASSERT_EQ(run(args), 2);
	ASSERT_STR(err, "cchc template: give the workbook to write: -o FILE.xlsx\nTry 'cchc template --help'.\n");
	/* answers of another set: exit 1, nothing written */
	snprintf(args, sizeof args, "template %s --agency x --from %s -o %s/none.xlsx",
	         src("criteria/hue-so-2018.xml"), src("samples/hue-2018/huyen/phuvang.xml"),
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 1);
	CU_ASSERT(!exists(CCHC_TEST_TMP "/none.xlsx"));
}

static void test_folder_of_workbooks_ranks_as_xml(void)
{
	char args[2048];
	const char *dir = CCHC_TEST_TMP "/wb-folder";
	mkdir(dir, 0777);
	static const char *const blocks[2][2] = {{"so", "hue-so-2018"}, {"huyen", "hue-huyen-2018"}};
	for (size_t b = 0; b < 2; b++) {
		size_t n = b ? TEST_HUE_HUYEN : TEST_HUE_SO;
		for (size_t i = 0; i < n; i++) {
			const char *id = b ? test_hue_huyen_ids[i] : test_hue_so_ids[i];
			char rel[128], crit[128];
			snprintf(rel, sizeof rel, "samples/hue-2018/%s/%s.xml", blocks[b][0], id);
			snprintf(crit, sizeof crit, "criteria/%s.xml", blocks[b][1]);
			snprintf(args, sizeof args, "template %s --agency %s --from %s -o %s/%s.xlsx",
			         src(crit), id, src(rel), dir, id);
			ASSERT_EQ(run(args), 0);
		}
	}
	snprintf(args, sizeof args, "rank %s %s %s", src("criteria/hue-so-2018.xml"),
	         src("criteria/hue-huyen-2018.xml"), src("samples/hue-2018"));
	ASSERT_EQ(run(args), 0);
	memcpy(want, out, sizeof want);
	snprintf(args, sizeof args, "rank %s %s %s", src("criteria/hue-so-2018.xml"),
	         src("criteria/hue-huyen-2018.xml"), dir);
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(out, want);
	/* import the folder's workbooks, then rank the XML written */
	const char *xml = CCHC_TEST_TMP "/wb-imported";
	snprintf(args, sizeof args, "import %s %s %s/*.xlsx -o %s", src("criteria/hue-so-2018.xml"),
	         src("criteria/hue-huyen-2018.xml"), dir, xml);
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(err, "");
	snprintf(args, sizeof args, "rank %s %s %s", src("criteria/hue-so-2018.xml"),
	         src("criteria/hue-huyen-2018.xml"), xml);
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(out, want);
	snprintf(args, sizeof args, "validate %s %s/skhdt.xlsx", src("criteria/hue-so-2018.xml"), dir);
	ASSERT_EQ(run(args), 0);
	CU_ASSERT(strstr(out, "/wb-folder/skhdt.xlsx: valid assessment of \"skhdt\"\n") != NULL);
}

/* Neither command writes over one of its inputs (issue: output over input). */
static void test_output_over_input(void)
{
	char args[2048], expect[1024];
	const char *dir = CCHC_TEST_TMP "/wb-over";
	/* last year's answers as a.xml; the criteria set copied under the agency's name */
	snprintf(args, sizeof args, "rm -rf %s && mkdir -p %s && cp %s %s/a.xml && cp %s %s/skhdt.xml",
	         dir, dir, src("samples/hue-2018/so/skhdt.xml"), dir, src("criteria/hue-so-2018.xml"),
	         dir);
	CU_ASSERT_FATAL(system(args) == 0);
	char *a_before = test_read_file(CCHC_TEST_TMP "/wb-over/a.xml", NULL);
	char *set_before = test_read_file(CCHC_TEST_TMP "/wb-over/skhdt.xml", NULL);
	snprintf(args, sizeof args, "template %s/skhdt.xml --agency skhdt --from %s/a.xml -o %s/a.xml",
	         dir, dir, dir);
	ASSERT_EQ(run(args), 2);
	snprintf(expect, sizeof expect,
	         "cchc template: -o %s/a.xml is one of the inputs: writing it would destroy it; give "
	         "another file\nTry 'cchc template --help'.\n", dir);
	ASSERT_STR(err, expect);
	snprintf(args, sizeof args, "template %s/skhdt.xml --agency skhdt --from %s/a.xml -o %s/skhdt.xlsx",
	         dir, dir, dir);
	ASSERT_EQ(run(args), 0);
	/* the same input, the same bytes (no "now" in the workbook's properties) */
	snprintf(args, sizeof args, "template %s/skhdt.xml --agency skhdt --from %s/a.xml -o %s/again.xlsx",
	         dir, dir, dir);
	ASSERT_EQ(run(args), 0);
	size_t n1 = 0, n2 = 0;
	char *w1 = test_read_file(CCHC_TEST_TMP "/wb-over/skhdt.xlsx", &n1);
	char *w2 = test_read_file(CCHC_TEST_TMP "/wb-over/again.xlsx", &n2);
	CU_ASSERT(w1 && w2 && n1 == n2 && n1 > 0 && memcmp(w1, w2, n1) == 0);
	free(w1);
	free(w2);
	/* importing skhdt's workbook would write skhdt.xml: the criteria set it was given */
	snprintf(args, sizeof args, "import %s/skhdt.xml %s/skhdt.xlsx -o %s", dir, dir, dir);
	ASSERT_EQ(run(args), 2);
	snprintf(expect, sizeof expect,
	         "cchc import: -o %s/skhdt.xml is one of the inputs: writing it would destroy it; give "
	         "another file\nTry 'cchc import --help'.\n", dir);
	ASSERT_STR(err, expect);
	char *a_after = test_read_file(CCHC_TEST_TMP "/wb-over/a.xml", NULL);
	char *set_after = test_read_file(CCHC_TEST_TMP "/wb-over/skhdt.xml", NULL);
	CU_ASSERT(a_before && a_after && strcmp(a_before, a_after) == 0);
	CU_ASSERT(set_before && set_after && strcmp(set_before, set_after) == 0);
	free(a_before);
	free(a_after);
	free(set_before);
	free(set_after);
}

/* cchc check reads a filled workbook and names its findings by criterion, never
 * by the lines of the XML the workbook was read as. */
static void test_check_workbook(void)
{
	char args[2048];
	const char *book = CCHC_TEST_TMP "/wb-check.xlsx";
	snprintf(args, sizeof args, "template %s --agency skhdt --from %s -o %s",
	         src("criteria/hue-so-2018.xml"), src("samples/hue-2018/so/skhdt.xml"), book);
	ASSERT_EQ(run(args), 0);
	snprintf(args, sizeof args, "check %s %s --field %s", src("criteria/hue-so-2018.xml"), book,
	         src("samples/hue-2018/so"));
	ASSERT_EQ(run(args), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "  1.1.1 Ban hành kế hoạch CCHC năm kịp thời (0,5 điểm): tự "
	                                   "chấm 1 điểm, nhưng với số liệu đã nhập quy định chỉ cho 0,5 "
	                                   "điểm.\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tổng điểm 70,00/100, chỉ số 70,00 %, xếp loại Khá.\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Thứ 18/21.\n"));
	CU_ASSERT_PTR_NULL(strstr(out, "dòng"));
}

static void test_import_refuses_mistakes(void)
{
	char args[2048];
	const char *dir = CCHC_TEST_TMP "/wb-folder";
	/* skhdt's 1.1.1 claimed above its max, in a copy */
	snprintf(args, sizeof args, "/usr/bin/python3 %s %s/skhdt.xlsx %s/wb-bad.xlsx N7=2",
	         src("tests/wb_edit.py"), dir, CCHC_TEST_TMP);
	CU_ASSERT_FATAL(system(args) == 0);
	const char *to = CCHC_TEST_TMP "/wb-not-written";
	snprintf(args, sizeof args, "rm -rf %s", to);
	CU_ASSERT_FATAL(system(args) == 0);
	snprintf(args, sizeof args, "import %s %s/sct.xlsx %s/wb-bad.xlsx -o %s",
	         src("criteria/hue-so-2018.xml"), dir, CCHC_TEST_TMP, to);
	ASSERT_EQ(run(args), 1);
	char expect[512];
	snprintf(expect, sizeof expect,
	         "%s/wb-bad.xlsx: error: Tự chấm!N7: \"2\" vượt điểm tối đa 1 của tiêu chí 1.1.1\n",
	         CCHC_TEST_TMP);
	ASSERT_STR(err, expect);
	CU_ASSERT(!exists(to)); /* nothing written, not even the good workbook's */
	snprintf(args, sizeof args, "import %s %s/wb-bad.xlsx -o %s --lang en",
	         src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP, to);
	ASSERT_EQ(run(args), 1);
	snprintf(expect, sizeof expect,
	         "%s/wb-bad.xlsx: error: Tự chấm!N7: \"2\" is above the max 1 of criterion 1.1.1\n",
	         CCHC_TEST_TMP);
	ASSERT_STR(err, expect);
	/* rank refuses the folder with the bad workbook in it */
	snprintf(args, sizeof args, "rank %s %s/wb-bad.xlsx", src("criteria/hue-so-2018.xml"),
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 1);
	ASSERT_STR(out, "");
	/* in the language of --lang, wherever the workbook is read */
	snprintf(args, sizeof args, "rank %s %s/wb-bad.xlsx --lang en", src("criteria/hue-so-2018.xml"),
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 1);
	ASSERT_STR(err, expect);
	ASSERT_EQ(run("import"), 2);
}

/* Last year's answers of another set, ids mapped as gap --map maps them. */
static void test_last_year_carried(void)
{
	char args[2048];
	char *xml = test_read_file(src("samples/hue-2018/so/skhdt.xml"), NULL);
	CU_ASSERT_FATAL(xml != NULL);
	char *at = strstr(xml, "criteria-set=\"hue-so-2018\" year=\"2018\"");
	CU_ASSERT_FATAL(at != NULL);
	memcpy(at, "criteria-set=\"hue-so-2017\" year=\"2017\"", strlen("criteria-set=\"hue-so-2017\" year=\"2017\""));
	FILE *f = fopen(CCHC_TEST_TMP "/skhdt-2017.xml", "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs(xml, f);
	fclose(f);
	free(xml);
	f = fopen(CCHC_TEST_TMP "/map-2017.txt", "w");
	CU_ASSERT_FATAL(f != NULL);
	fputs("# 2017 → 2018: the two swapped places\n1.4 1.5\n1.5 1.4\n", f);
	fclose(f);
	snprintf(args, sizeof args, "template %s --agency skhdt --from %s/skhdt-2017.xml --map %s/map-2017.txt "
	         "-o %s/carried.xlsx", src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP, CCHC_TEST_TMP,
	         CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	char expect[512];
	/* 1.4's count cannot answer 1.5 (yes-no): it stays behind */
	snprintf(expect, sizeof expect, "%s/skhdt-2017.xml: lưu ý: 1 câu trả lời năm trước không được chuyển sang: "
	         "tiêu chí không còn hoặc nay chấm theo số liệu khác\n", CCHC_TEST_TMP);
	ASSERT_STR(err, expect);
	snprintf(args, sizeof args, "import %s %s/carried.xlsx -o %s/carried", src("criteria/hue-so-2018.xml"),
	         CCHC_TEST_TMP, CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 0);
	char *got = test_read_file(CCHC_TEST_TMP "/carried/skhdt.xml", NULL);
	CU_ASSERT_FATAL(got != NULL);
	/* 1.5's "not done" now answers 1.4; rounds, surveys and published figures stay behind */
	CU_ASSERT(strstr(got, "<item criterion=\"1.4\" met=\"false\" self=\"1.00\"") != NULL);
	CU_ASSERT(strstr(got, "criterion=\"1.5\"") == NULL);
	CU_ASSERT(strstr(got, "<appraisal") == NULL);
	CU_ASSERT(strstr(got, "<survey") == NULL);
	CU_ASSERT(strstr(got, "<published") == NULL);
	CU_ASSERT(strstr(got, "<item criterion=\"1.1.1\" date=\"2018-02-12\"") != NULL);
	free(got);
	snprintf(args, sizeof args, "template %s --agency skhdt --map %s/map-2017.txt -o %s/x.xlsx",
	         src("criteria/hue-so-2018.xml"), CCHC_TEST_TMP, CCHC_TEST_TMP);
	ASSERT_EQ(run(args), 2);
	ASSERT_STR(err, "cchc template: --map goes with --from\nTry 'cchc template --help'.\n");
}

int main(void)
{
	static const test_case tests[] = {
		{"cchc template, scored as it stands, pre-filled from a workbook, usage", test_template_command},
		{"a folder of workbooks ranks as the XML samples; import; validate", test_folder_of_workbooks_ranks_as_xml},
		{"import and rank refuse a workbook with a mistake, nothing written", test_import_refuses_mistakes},
		{"template and import never write over an input", test_output_over_input},
		{"check reads a workbook: findings by criterion, 18/21", test_check_workbook},
		{"last year's answers of another set, ids mapped", test_last_year_carried},
		{NULL, NULL},
	};
	return test_run_suite("workbook_cli", tests);
}
