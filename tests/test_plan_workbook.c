/* The plan's progress workbook through the command line: `cchc template --plan`
 * for each sample plan reads back as the plan itself; filled in with openpyxl
 * (tests/wb_edit.py, as a person types: "Có", a date as text "12/01/2024",
 * "Hủy bỏ"), `plan status` gives the hand-computed rates and `import` the plan
 * XML with the new statuses; bad cells give their exact messages, nothing written. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#define OUT_SIZE (1 << 18)
#define TMP CCHC_TEST_TMP "/planbook"

static char out[OUT_SIZE], err[OUT_SIZE], want[OUT_SIZE];

static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, TMP, out, sizeof out, err, sizeof err);
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* openpyxl edits of the progress sheet: IN → OUT. */
static int edit(const char *in, const char *outp, const char *edits)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s %s \"sheet=Tiến độ\" %s", test_path("tests/wb_edit.py"), in,
	         outp, edits);
	return system(cmd);
}

/* As written, the workbook is the plan: the same status, in both languages (the text, as
 * the JSON names the file it read). */
static void test_round_trip(void)
{
	static const char *const plans[] = {"samples/plans/bacgiang-sct-2023.xml", "samples/plans/dongnai-sct-2024.xml"};
	static const char *const langs[] = {"vi", "en"};
	char args[1024], plan[512];
	for (size_t i = 0; i < 2; i++)
		for (size_t l = 0; l < 2; l++) {
			snprintf(plan, sizeof plan, "%s", test_path(plans[i]));
			snprintf(args, sizeof args, "template --plan %s --lang %s -o %s.xlsx", plan, langs[l], TMP);
			ASSERT_EQ(run(args), 0);
			ASSERT_STR(err, "");
			snprintf(args, sizeof args, "plan status %s --lang %s", plan, langs[l]);
			ASSERT_EQ(run(args), 0);
			memcpy(want, out, sizeof want);
			snprintf(args, sizeof args, "plan status %s.xlsx --lang %s", TMP, langs[l]);
			ASSERT_EQ(run(args), 0);
			ASSERT_STR(out, want);
		}
}

static void test_filled(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --plan %s -o %s.xlsx", test_path("samples/plans/bacgiang-sct-2023.xml"),
	         TMP);
	ASSERT_EQ(run(args), 0);
	/* row 12 II.3.3 done on 12/01/2024 (typed as text), row 19 III.3.2 cancelled,
	 * row 20 III.4.1 not done after all, row 8 II.1.3's target met */
	ASSERT_EQ(edit(TMP ".xlsx", TMP "-f.xlsx", "H12=Có I12=12/01/2024 \"H19=Hủy bỏ\" I19= H20=Không I20= K8=Có"), 0);
	/* as of 31/01/2024: 18 tasks, 1 cancelled, 17 counted; done on time 14 − 1 (III.4.1) = 13;
	 * done late I.1, III.1.1 and II.3.3 = 3; overdue III.4.1. 16/17 = 94,12 %, 13/17 = 76,47 % */
	ASSERT_EQ(run("plan status " TMP "-f.xlsx --as-of 2024-01-31 --format json"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"completion_rate\": 94.12"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"on_time_rate\": 76.47"));
	ASSERT_EQ(run("plan status " TMP "-f.xlsx --as-of 2024-01-31"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tỷ lệ hoàn thành: 94,12 % (16/17)\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tỷ lệ hoàn thành đúng hạn: 76,47 % (13/17)\n"));
	/* on 31/12/2023 II.3.3 is not done yet (open, due that day) */
	ASSERT_EQ(run("plan status " TMP "-f.xlsx --format json"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"completion_rate\": 88.24")); /* 15/17 */
	/* import: the plan's XML with the four statuses changed */
	(void)!system("rm -rf " TMP "-out");
	ASSERT_EQ(run("import " TMP "-f.xlsx -o " TMP "-out"), 0);
	ASSERT_STR(err, "");
	char *xml = test_read_file(TMP "-out/bacgiang-sct-2023.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<status state=\"done\" date=\"2024-01-12\" note=\"Chưa hoàn thành rà soát "
	                                   "TTHC nội bộ theo Kế hoạch số 5392/KH-UBND\"/>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<status state=\"cancelled\" note=\"Tỷ lệ hồ sơ qua dịch vụ bưu chính"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<status state=\"done\" date=\"2023-12-20\" note=\"Đạt chỉ tiêu.\"/>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(xml, "<!--")); /* the plan's comments stay */
	free(xml);
	/* the plan file may be given beside its workbook, not another plan */
	char args2[1024];
	snprintf(args2, sizeof args2, "import %s " TMP "-f.xlsx -o " TMP "-out", test_path("samples/plans/bacgiang-sct-2023.xml"));
	ASSERT_EQ(run(args2), 0);
	snprintf(args2, sizeof args2, "import %s " TMP "-f.xlsx -o " TMP "-out", test_path("samples/plans/dongnai-sct-2024.xml"));
	ASSERT_EQ(run(args2), 1);
	ASSERT_STR(err, TMP "-f.xlsx: error: sổ là của kế hoạch \"bacgiang-sct-2023\", không có trong các kế hoạch đã cho: "
	                    "đưa tệp kế hoạch đó, hoặc không đưa (sổ đã mang kế hoạch)\n");
	/* the imported plan reads as the workbook did */
	ASSERT_EQ(run("plan status " TMP "-out/bacgiang-sct-2023.xml --as-of 2024-01-31"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tỷ lệ hoàn thành: 94,12 % (16/17)\n"));
	/* and a workbook from it keeps "target met" in its own column */
	ASSERT_EQ(run("template --plan " TMP "-out/bacgiang-sct-2023.xml -o " TMP "-2.xlsx"), 0);
	ASSERT_EQ(run("import " TMP "-2.xlsx -o " TMP "-out"), 0);
	xml = test_read_file(TMP "-out/bacgiang-sct-2023.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL(xml && strstr(xml, "note=\"Đạt chỉ tiêu.\"/>"));
	free(xml);
	(void)!system("rm -rf " TMP "-out " TMP "-2.xlsx " TMP "-f.xlsx");
}

static void test_bad_cells(void)
{
	ASSERT_EQ(edit(TMP ".xlsx", TMP "-bad.xlsx", "I12=32/01/2024 H12=Có H6=Có I6= K5=Có H7=Xong"), 0);
	(void)!system("rm -rf " TMP "-out");
	ASSERT_EQ(run("import " TMP "-bad.xlsx -o " TMP "-out"), 1);
	ASSERT_STR(err, TMP "-bad.xlsx: error: Tiến độ!K5: nhiệm vụ I.1 không có chỉ tiêu: để trống ô này\n"
	                TMP "-bad.xlsx: error: Tiến độ!I6: nhiệm vụ II.1.1 đã hoàn thành nhưng thiếu ngày hoàn "
	                    "thành: ghi ngày, ví dụ 15/01/2023\n"
	                TMP "-bad.xlsx: error: Tiến độ!H7: \"Xong\" không phải câu trả lời: ghi Có, Không hoặc Hủy bỏ\n"
	                TMP "-bad.xlsx: error: Tiến độ!I12: \"32/01/2024\" không phải ngày: ghi ngày/tháng/năm, ví "
	                    "dụ 15/01/2023\n");
	CU_ASSERT(!exists(TMP "-out"));
	ASSERT_EQ(run("plan status " TMP "-bad.xlsx --lang en"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, TMP "-bad.xlsx: error: Tiến độ!I12: \"32/01/2024\" is not a date: write "
	                                   "day/month/year, like 15/01/2023\n"));
	ASSERT_STR(out, "");
	/* a date with "Không" */
	ASSERT_EQ(edit(TMP ".xlsx", TMP "-bad.xlsx", "H5=Không"), 0);
	ASSERT_EQ(run("plan status " TMP "-bad.xlsx"), 1);
	ASSERT_STR(err, TMP "-bad.xlsx: error: Tiến độ!I5: có ngày hoàn thành mà nhiệm vụ chưa ghi Có: ghi Có vào H5 "
	                    "hoặc xóa ngày\n");
	/* --plan takes the plan alone */
	ASSERT_EQ(run("template --plan x.xml --agency a -o " TMP "-x.xlsx"), 2);
	remove(TMP "-bad.xlsx");
	remove(TMP ".xlsx");
}

/* English: Yes / No / Cancelled, an ISO date as text; a day before the plan was issued. */
static void test_english_and_issued(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --plan %s --lang en -o " TMP "-en.xlsx", test_path("tests/data/plan/issued.xml"));
	ASSERT_EQ(run(args), 0);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s " TMP "-en.xlsx " TMP "-en-f.xlsx sheet=Progress H5=Yes I5=2024-03-15 "
	         "K5=No H6=Cancelled H7=No", test_path("tests/wb_edit.py"));
	ASSERT_EQ(system(cmd), 0);
	/* as of 31/07/2024: A.1 on time, A.2 cancelled, A.3 overdue (31 days): 1/2 and 1/2 */
	ASSERT_EQ(run("plan status " TMP "-en-f.xlsx --as-of 2024-07-31 --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Completion rate: 50.00 % (1/2)\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "On-time rate: 50.00 % (1/2)\n"));
	(void)!system("rm -rf " TMP "-out");
	ASSERT_EQ(run("import " TMP "-en-f.xlsx -o " TMP "-out --lang en"), 0);
	char *xml = test_read_file(TMP "-out/test-issued-2024.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL(xml && strstr(xml, "<status state=\"done\" date=\"2024-03-15\" note=\"Target not met.\"/>"));
	CU_ASSERT_PTR_NOT_NULL(xml && strstr(xml, "<status state=\"cancelled\"/>"));
	free(xml);
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s " TMP "-en.xlsx " TMP "-en-f.xlsx sheet=Progress H5=Yes I5=15/01/2024",
	         test_path("tests/wb_edit.py"));
	ASSERT_EQ(system(cmd), 0);
	ASSERT_EQ(run("plan status " TMP "-en-f.xlsx --lang en"), 1);
	ASSERT_STR(err, TMP "-en-f.xlsx: error: Progress!I5: 15/01/2024 is before the plan was issued on 01/02/2024: "
	                    "check the date\n");
	ASSERT_EQ(run("plan status " TMP "-en-f.xlsx"), 1);
	ASSERT_STR(err, TMP "-en-f.xlsx: error: Progress!I5: ngày 15/01/2024 trước ngày ban hành kế hoạch 01/02/2024: "
	                    "kiểm tra lại ngày\n");
	/* a self-assessment workbook is not a plan's */
	snprintf(args, sizeof args, "template %s --agency skhdt -o " TMP "-sk.xlsx", test_path("criteria/hue-so-2018.xml"));
	ASSERT_EQ(run(args), 0);
	ASSERT_EQ(run("plan status " TMP "-sk.xlsx --lang en"), 1);
	ASSERT_STR(err, TMP "-sk.xlsx: error: not a cchc plan workbook (the \"cchc\" sheet does not say kind plan): use a "
	                    "workbook cchc template --plan wrote\n");
	(void)!system("rm -rf " TMP "-out " TMP "-en.xlsx " TMP "-en-f.xlsx " TMP "-sk.xlsx");
}

/* Columns found by their header: the filled workbook of test_filled with "Đã hoàn thành" dragged
 * to the front, "Ghi chú" before "Lĩnh vực" and a column of one's own inserted imports the same
 * plan; a required column deleted is one message at the header row's Mã cell, nothing written. */
static void test_columns_by_header(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --plan %s -o %s-c.xlsx", test_path("samples/plans/bacgiang-sct-2023.xml"),
	         TMP);
	ASSERT_EQ(run(args), 0);
	static const char fills[] = "H12=Có I12=12/01/2024 \"H19=Hủy bỏ\" I19= H20=Không I20= K8=Có J9=xong";
	ASSERT_EQ(edit(TMP "-c.xlsx", TMP "-c1.xlsx", fills), 0);
	snprintf(args, sizeof args, "%s move-col=8:1 move-col=10:3 insert-col=5 \"extra-col=5:Người theo dõi\"", fills);
	ASSERT_EQ(edit(TMP "-c.xlsx", TMP "-c2.xlsx", args), 0);
	(void)!system("rm -rf " TMP "-o1 " TMP "-o2");
	ASSERT_EQ(run("import " TMP "-c1.xlsx -o " TMP "-o1"), 0);
	ASSERT_EQ(run("import " TMP "-c2.xlsx -o " TMP "-o2"), 0);
	ASSERT_STR(err, "");
	char *a = test_read_file(TMP "-o1/bacgiang-sct-2023.xml", NULL), *b = test_read_file(TMP "-o2/bacgiang-sct-2023.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	ASSERT_STR(b, a);
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "<status state=\"done\" date=\"2024-01-12\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "<status state=\"done\" date=\"2023-12-20\" note=\"Đạt chỉ tiêu.\"/>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "note=\"xong\""));
	free(a);
	free(b);
	ASSERT_EQ(run("plan status " TMP "-c2.xlsx --as-of 2024-01-31"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tỷ lệ hoàn thành: 94,12 % (16/17)\n"));
	/* Ngày hoàn thành (I) deleted; then Mã moved to C: the message follows it */
	ASSERT_EQ(edit(TMP "-c.xlsx", TMP "-c3.xlsx", "delete-col=9"), 0);
	(void)!system("rm -rf " TMP "-o3");
	ASSERT_EQ(run("import " TMP "-c3.xlsx -o " TMP "-o3"), 1);
	ASSERT_STR(err, TMP "-c3.xlsx: error: Tiến độ!A4: dòng tiêu đề thiếu cột \"Ngày hoàn thành\": thêm lại cột có "
	                    "đúng tiêu đề đó, hoặc tạo sổ mới bằng cchc template --plan\n");
	CU_ASSERT(!exists(TMP "-o3"));
	ASSERT_EQ(edit(TMP "-c.xlsx", TMP "-c3.xlsx", "move-col=1:4 delete-col=11"), 0);
	ASSERT_EQ(run("plan status " TMP "-c3.xlsx --lang en"), 1);
	ASSERT_STR(err, TMP "-c3.xlsx: error: Tiến độ!C4: the header row has no \"Target met\" column: put the column "
	                    "back under that header, or write a new workbook with cchc template --plan\n");
	ASSERT_STR(out, "");
	/* no header row at all */
	ASSERT_EQ(edit(TMP "-c.xlsx", TMP "-c3.xlsx", "A4=Số"), 0);
	ASSERT_EQ(run("plan status " TMP "-c3.xlsx"), 1);
	ASSERT_STR(err, TMP "-c3.xlsx: error: Tiến độ: không tìm thấy dòng tiêu đề có cột \"Mã\" trong 30 dòng đầu: giữ "
	                    "dòng tiêu đề của sổ\n");
	(void)!system("rm -rf " TMP "-o1 " TMP "-o2 " TMP "-c*.xlsx");
}

/* The plan rides in the "cchc" sheet, veryHidden: Excel's Unhide menu does not list it. */
static void test_very_hidden(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --plan %s -o %s-h.xlsx", test_path("samples/plans/dongnai-sct-2024.xml"), TMP);
	ASSERT_EQ(run(args), 0);
	FILE *f = popen("unzip -p " TMP "-h.xlsx xl/workbook.xml", "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	size_t n = fread(want, 1, sizeof want - 1, f);
	want[n] = '\0';
	ASSERT_EQ(pclose(f), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(want, "<sheet name=\"cchc\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/>"));
	CU_ASSERT_PTR_NULL(strstr(want, "\"hidden\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(want, "<sheet name=\"Tiến độ\" sheetId=\"1\" r:id=\"rId1\"/>"));
	/* and it still reads as the plan */
	ASSERT_EQ(run("plan status " TMP "-h.xlsx --format json"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"plan\""));
	remove(TMP "-h.xlsx");
}

int main(void)
{
	static const test_case tests[] = {
		{"template --plan for each sample plan reads back as the plan", test_round_trip},
		{"a filled plan workbook: plan status rates and the imported XML", test_filled},
		{"bad progress cells: exact messages, nothing written", test_bad_cells},
		{"an English workbook, and a day before the plan was issued", test_english_and_issued},
		{"columns found by their header: moved, inserted, missing", test_columns_by_header},
		{"the plan's sheet is veryHidden", test_very_hidden},
		{NULL, NULL},
	};
	return test_run_suite("plan_workbook", tests);
}
