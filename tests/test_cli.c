/* The cchc tool end to end: exit statuses, the exact messages a user sees,
 * and that a failed run leaves no output file behind. */
#include "testutil.h"
#include "json_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

/* scratch files live in the build tree, never in the sources */
#define SCORE_FILE CCHC_TEST_TMP "/cli-score.txt"

static char out_text[1 << 20], err_text[1 << 16];

/* Run "cchc ARGS" from the source tree; stdout and stderr land in out_text and err_text. */
static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/cli", out_text, sizeof out_text, err_text,
	                    sizeof err_text);
}

#define SET "criteria/hue-so-2018.xml"
#define SKHDT "samples/hue-2018/so/skhdt.xml"

static void test_score_text(void)
{
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Nhóm 1. Công tác chỉ đạo, điều hành CCHC"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "8,25/13"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tổng điểm:        70,00/100\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Xếp loại:         Khá\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tự chấm:          75,75 (chênh lệch +5,75)\n"));
	/* the plans' wording of a cause wraps in its column (72 to 100), beside a title's
	 * second line or on a line of its own */
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text,
	    "    1.1.1 Ban hành kế hoạch CCHC năm kịp thời                   0,50/1  Có thực hiện nhưng chậm so\n"
	    "                                                                        với thời gian quy định\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text,
	    "0,25/1  Thực hiện chưa đầy đủ, đạt\n"
	    "      Trang thông tin điện tử của cơ quan                               chưa cao\n"));
	/* stderr: only the sample's published criterion 3.6 (tests/test_published.c) */
	CU_ASSERT_STRING_EQUAL(err_text, TEST_SKHDT_AT_36 TEST_SKHDT_W36_VI);
}

static void test_score_english_json(void)
{
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Total:          70.00/100\n"));
	CU_ASSERT_EQUAL(run("score --format json " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"schema\": \"cchc-score/1\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"total\": 70,\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"band\": \"Khá\",\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"self_total\": 75.75,\n"));
}

static void test_output_file(void)
{
	const char *out = SCORE_FILE;
	remove(out);
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " -o " SCORE_FILE), 0);
	CU_ASSERT_STRING_EQUAL(out_text, "");
	test_slurp(out, out_text, sizeof out_text);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tổng điểm:        70,00/100\n"));
	remove(out);

	/* a failed run must not leave a file, partial or empty */
	CU_ASSERT_EQUAL(run("score " SET " tests/data/invalid/skhdt-broken.xml -o " SCORE_FILE),
	                1);
	CU_ASSERT_EQUAL(access(out, F_OK), -1);
}

static void test_bad_inputs(void)
{
	/* what is wrong with the data follows --lang (default vi); FILE:LINE: error: stays */
	CU_ASSERT_EQUAL(run("validate " SET " tests/data/invalid/skhdt-broken.xml"), 1);
	CU_ASSERT_STRING_EQUAL(err_text,
	                       "tests/data/invalid/skhdt-broken.xml:42: error: <item>: tiêu chí 1.9 không có "
	                       "trong bộ tiêu chí \"hue-so-2018\": dùng một mã có trong criteria/hue-so-2018.xml\n");
	CU_ASSERT_EQUAL(run("validate " SET " tests/data/invalid/skhdt-broken.xml --lang en"), 1);
	CU_ASSERT_STRING_EQUAL(err_text,
	                       "tests/data/invalid/skhdt-broken.xml:42: error: <item>: criterion "
	                       "\"1.9\" is not in criteria set \"hue-so-2018\": use an id from "
	                       "criteria/hue-so-2018.xml\n");

	CU_ASSERT_EQUAL(run("score " SET " samples/none.xml --lang en"), 1);
	CU_ASSERT_STRING_EQUAL(err_text,
	                       "samples/none.xml: error: cannot open the file: No such file or "
	                       "directory\n");

	CU_ASSERT_EQUAL(run("score " SET " tests/data/invalid/xxe.xml"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "tests/data/invalid/xxe.xml:2: error: không được dùng <!DOCTYPE> "
	                                        "(DTD và thực thể bị từ chối vì lý do an toàn): xóa nó\n"));
	CU_ASSERT_STRING_EQUAL(out_text, "");
}

static void test_usage(void)
{
	CU_ASSERT_EQUAL(run("frobnicate"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "cchc: unknown command 'frobnicate'"));
	CU_ASSERT_EQUAL(run("score " SET), 2);
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " --format yaml"), 2);
	CU_ASSERT_EQUAL(run("--version"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "cchc "));
}

/* A copy of skhdt with one text replaced, in the build tree. */
static void write_variant(const char *path, const char *from, const char *to)
{
	static char text[1 << 17];
	test_slurp(SKHDT, text, sizeof text);
	char *at = strstr(text, from);
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fwrite(text, 1, (size_t)(at - text), f);
	fputs(to, f);
	fputs(at + strlen(from), f);
	fclose(f);
}

static void test_rank(void)
{
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Khối so-nganh: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "18/21  Sở Kế hoạch và Đầu tư"));
	const char *row = strstr(out_text, "18/21  Sở Kế hoạch và Đầu tư");
	CU_ASSERT_PTR_NOT_NULL_FATAL(row);
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "70,00/100  70,00 %  Khá "));
	CU_ASSERT_PTR_NOT_NULL(strstr(row, " 11,70      26,50       0,55  42/10/19     75,75       +5,75\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "7/21   Sở Tài nguyên và Môi trường"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "7/21   Sở Y tế"));

	/* --agency leads with the sentence the agency reads */
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so --agency skhdt --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Sở Kế hoạch và Đầu tư ranks 18 of 21 with 70/100 "
	                                        "points, band Khá; 11.7 points below the top and "
	                                        "26.5 above the bottom."));

	/* two blocks side by side, in the order their sets are given */
	CU_ASSERT_EQUAL(run("rank " SET " criteria/hue-huyen-2018.xml samples/hue-2018 --format csv"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "so-nganh,18,21,skhdt,Sở Kế hoạch và Đầu tư,70.00,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "huyen,4,9,phongdien,"));
	CU_ASSERT(strstr(out_text, "so-nganh,") < strstr(out_text, "huyen,"));
	CU_ASSERT_EQUAL(run("rank " SET " criteria/hue-huyen-2018.xml samples/hue-2018 --block huyen "
	                    "--format csv"), 0);
	CU_ASSERT_PTR_NULL(strstr(out_text, "so-nganh,"));
}

static void test_rank_errors(void)
{
	const char *old = CCHC_TEST_TMP "/skhdt-2017.xml", *other = CCHC_TEST_TMP "/skhdt-other.xml";
	write_variant(old, "year=\"2018\"", "year=\"2017\"");
	write_variant(other, "criteria-set=\"hue-so-2018\"", "criteria-set=\"hue-so-2017\"");
	char args[1024];

	snprintf(args, sizeof args, "rank " SET " %s --lang en", old);
	CU_ASSERT_EQUAL(run(args), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "skhdt-2017.xml:8: error: the assessment is for year "
	                                        "2017 but criteria set \"hue-so-2018\" is for 2018\n"));
	snprintf(args, sizeof args, "rank " SET " %s --lang en", other);
	CU_ASSERT_EQUAL(run(args), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "skhdt-other.xml:8: error: criteria-set=\"hue-so-2017\" "
	                                        "does not match the criteria set given"));
	CU_ASSERT_STRING_EQUAL(out_text, "");

	/* the same agency twice */
	CU_ASSERT_EQUAL(run("rank " SET " " SKHDT " samples/hue-2018/so --lang en"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "error: agency \"skhdt\" is assessed twice (also in "));
	/* an agency filed in another block than its set's */
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/huyen/phuvang.xml " SKHDT " --lang en"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "phuvang.xml:8: error: criteria-set=\"hue-huyen-2018\""));
	/* a FIFO among the inputs is refused, never read (it would block) */
	remove(CCHC_TEST_TMP "/fifo.xml");
	CU_ASSERT_EQUAL_FATAL(system("mkfifo '" CCHC_TEST_TMP "/fifo.xml'"), 0);
	CU_ASSERT_EQUAL(run("rank " SET " " CCHC_TEST_TMP "/fifo.xml"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "fifo.xml: error: not a regular file: give XML files or "
	                                        "folders\n"));
	CU_ASSERT_EQUAL(run("validate " CCHC_TEST_TMP "/fifo.xml"), 1);
	remove(CCHC_TEST_TMP "/fifo.xml");
	/* a block nobody ranks, a format nobody reads */
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so --block huyen"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "no criteria set given ranks block \"huyen\""));
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so --format xml"), 2);
	remove(old);
	remove(other);
}

static void test_gap(void)
{
	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency skhdt --target-rank 10"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá; thấp "
	                                        "hơn đơn vị đứng đầu 11,7 điểm và cách biệt đơn vị "
	                                        "đứng cuối 26,5 điểm."));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Nhóm 1 (đạt 8,25 điểm/13 điểm): Công tác chỉ đạo, "
	                                        "điều hành CCHC: có 6 tiêu chí"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Nhóm 8 (đạt 13,5 điểm/18 điểm)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "- Có thực hiện nhưng chậm so với thời gian quy định: "
	                                        "4 tiêu chí, mất 3 điểm: 1.1.1 (−0,5), 2.4 (−1), 7.2.5 "
	                                        "(−0,5), 8.2 (−1)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Để đạt vị trí thứ 10/21 cần thêm 4,9 điểm."));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Giả định: các cơ quan khác giữ nguyên điểm số năm nay; mỗi tiêu chí được khắc phục đạt và được tự chấm đủ điểm tối đa"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Nội dung nhiệm vụ"));

	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency skhdt --target-rank 10 "
	                    "--format json"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"schema\": \"cchc-gap/1\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"needed\": 4.9,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"effort\": 5,"));

	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency skhdt --format markdown"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "# PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "| TT | Nội dung nhiệm vụ | Giải pháp khắc phục | Chủ trì "
	                                        "| Phối hợp | Thời gian hoàn thành |"));

	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency nope"), 1);
	ASSERT_STR(err_text, "cchc: error: cơ quan, đơn vị \"nope\" không có trong các hồ sơ đánh giá được xếp hạng: đưa "
	                     "hồ sơ đánh giá của nó, hoặc dùng một mã trong <agency id=\"…\"> của các hồ sơ\n");
	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so"), 2);
	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency skhdt --target-rank 0"), 2);
}

/* gap writes next year's plan; plan status reads it back */
static void test_plan_round_trip(void)
{
	const char *plan = CCHC_TEST_TMP "/skhdt-2019.xml";
	remove(plan);
	CU_ASSERT_EQUAL(run("gap " SET " samples/hue-2018/so --agency skhdt --target-rank 10 "
	                    "--emit-plan " CCHC_TEST_TMP "/skhdt-2019.xml"), 0);
	CU_ASSERT_EQUAL(run("plan status " CCHC_TEST_TMP "/skhdt-2019.xml --as-of 2019-04-15 "
	                    "--format json"), 0);
	/* 29 tasks; the 10 worded "Tháng 01/2019", "Tháng 2/2019", "Tháng 03/2019" or
	 * "Quý I/2019" fell due by 31/03 and are overdue on 15/04, the rest still open */
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"total\": 29,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"overdue\": 10,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"open\": 19,"));
	remove(plan);

	/* the seed plans transcribed */
	CU_ASSERT_EQUAL(run("plan status samples/plans/dongnai-sct-2024.xml"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tỷ lệ hoàn thành: 92,11 % (70/76)"));
	CU_ASSERT_EQUAL(run("plan status samples/plans/bacgiang-sct-2023.xml --lang en"), 0);
	CU_ASSERT_EQUAL(run("plan status samples/none.xml"), 1);
	CU_ASSERT_EQUAL(run("plan status"), 2);
}

static void test_robust(void)
{
	CU_ASSERT_EQUAL(run("robust " SET " samples/hue-2018/so --draws 2000 --seed 1 --target-rank 10"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "2000 lần mô phỏng (hạt giống 1)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Khoảng 90 %"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "18/21  Sở Kế hoạch và Đầu tư"));
	/* the top agency is first in every draw */
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "1/21   Sở Thông tin và Truyền thông"));
	CU_ASSERT_EQUAL(run("robust " SET " samples/hue-2018/so --draws 500 --weights 10 --format json "
	                    "--threads 1"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"schema\": \"cchc-robust/1\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"weights_pct\": 10,"));
	CU_ASSERT_EQUAL(run("robust " SET " samples/hue-2018/so --draws 0"), 2);
	CU_ASSERT_EQUAL(run("robust " SET " samples/hue-2018/so --weights 150"), 2);
	CU_ASSERT_EQUAL(run("robust " SET " samples/hue-2018/so --no-survey"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "--no-survey leaves nothing to vary: add --weights P"));
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void test_report_bundle(void)
{
	const char *dir = CCHC_TEST_TMP "/bundle";
	char path[512];
	static char text[1 << 20];
	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so --agency skhdt --target-rank 10 "
	                    "--draws 200 -o " CCHC_TEST_TMP "/bundle"), 0);
	static const char *const files[] = {"index.html", "ranking.xlsx", "ranking.csv",
	                                    "criteria.csv", "gap.md", "report.json"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		CU_ASSERT(exists(path));
	}
	/* CSV with a BOM for Excel; Markdown ready to paste; HTML with the figures */
	snprintf(path, sizeof path, "%s/ranking.csv", dir);
	test_slurp(path, text, sizeof text);
	CU_ASSERT(memcmp(text, "\xEF\xBB\xBF" "block,rank,of,id,name,total", 30) == 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "so-nganh,18,21,skhdt,Sở Kế hoạch và Đầu tư,70.00,"));
	snprintf(path, sizeof path, "%s/criteria.csv", dir);
	test_slurp(path, text, sizeof text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "so-nganh,skhdt,Sở Kế hoạch và Đầu tư,18,1.1.1,"));
	snprintf(path, sizeof path, "%s/gap.md", dir);
	test_slurp(path, text, sizeof text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "# PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC"));
	snprintf(path, sizeof path, "%s/index.html", dir);
	test_slurp(path, text, sizeof text);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "18/21"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "<section class=\"robust\">"));
	/* report.json parses and carries every part */
	snprintf(path, sizeof path, "%s/report.json", dir);
	test_slurp(path, text, sizeof text);
	char err[256];
	json_value *root = json_parse(text, strlen(text), err, sizeof err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(root);
	CU_ASSERT_STRING_EQUAL(json_str(json_path(root, "schema")), "cchc-report/1");
	CU_ASSERT_STRING_EQUAL(json_str(json_path(root, "ranking.schema")), "cchc-rank/1");
	CU_ASSERT_STRING_EQUAL(json_str(json_path(root, "gap.schema")), "cchc-gap/1");
	CU_ASSERT_STRING_EQUAL(json_str(json_path(root, "robust.schema")), "cchc-robust/1");
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_path(root, "gap.target.needed")), 4.9, 1e-9);
	json_free(root);

	/* a second run replaces the bundle whole: no agency now, so no gap.md */
	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so --draws 0 -o " CCHC_TEST_TMP "/bundle"), 0);
	snprintf(path, sizeof path, "%s/gap.md", dir);
	CU_ASSERT(!exists(path));
	/* a failing run leaves the earlier bundle as it was */
	CU_ASSERT_EQUAL(run("report " SET " tests/data/invalid/skhdt-broken.xml -o " CCHC_TEST_TMP "/bundle"), 1);
	snprintf(path, sizeof path, "%s/index.html", dir);
	CU_ASSERT(exists(path));
	/* a folder cchc did not write is never replaced */
	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so -o tests"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "tests: error: exists and is not a cchc report folder"));
	CU_ASSERT(exists("tests/test_cli.c"));
	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so"), 2);
	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so -o x --target-rank 3"), 2);
}

/* The text between the first `from` after `at` and the next `to` (static buffer, "" if absent). */
static const char *between(const char *at, const char *from, const char *to)
{
	static char piece[4096];
	const char *a = at ? strstr(at, from) : NULL;
	const char *b = a ? strstr(a, to) : NULL;
	size_t n = a && b ? (size_t)(b - a) : 0;
	if (n >= sizeof piece)
		n = sizeof piece - 1;
	memcpy(piece, n ? a : "", n);
	piece[n] = '\0';
	return piece;
}

/* skhdt's claim and "chênh lệch" in a ranking's JSON (agencies at path). */
static void check_json_deviation(const char *text, const char *path)
{
	char err[256];
	json_value *root = json_parse(text, strlen(text), err, sizeof err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(root);
	const json_value *agencies = json_path(root, path);
	const json_value *skhdt = NULL;
	for (size_t i = 0; i < json_len(agencies); i++)
		if (strcmp(json_str(json_get(json_at(agencies, i), "id")), "skhdt") == 0)
			skhdt = json_at(agencies, i);
	CU_ASSERT_PTR_NOT_NULL(skhdt);
	CU_ASSERT_STRING_EQUAL(json_num_text(json_get(skhdt, "self_total")), "75.75");
	CU_ASSERT_STRING_EQUAL(json_num_text(json_get(skhdt, "self_deviation")), "5.75");
	json_free(root);
}

/* "Chênh lệch" is self-claimed minus final (Sở KH&ĐT: 75,75 − 70 = +5,75), read
 * back from every output that prints it: score and rank text, CSV, JSON, the
 * page and the workbook of the report. */
static void test_self_deviation_sign(void)
{
	static char text[1 << 20];
	char path[512], err[256];
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tự chấm:          75,75 (chênh lệch +5,75)\n"));
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Self-assessed:  75.75 (difference +5.75)\n"));

	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so"), 0);
	/* the ranking's row, then the self-assessment accuracy table's */
	const char *row = between(out_text, "18/21  Sở Kế hoạch và Đầu tư", "\n");
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "75,75       +5,75"));
	const char *acc = strstr(out_text, "Độ chính xác của tự chấm");
	CU_ASSERT_PTR_NOT_NULL_FATAL(acc);
	row = between(acc, "Sở Kế hoạch và Đầu tư", "\n");
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "75,75    70,00       +5,75"));

	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so --format csv"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(between(out_text, "so-nganh,18,21,skhdt,", "\r\n"), ",75.75,5.75,"));
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so --format json --agency skhdt"), 0);
	check_json_deviation(out_text, "blocks.0.agencies");

	CU_ASSERT_EQUAL(run("report " SET " samples/hue-2018/so --agency skhdt --draws 0 -o "
	                    CCHC_TEST_TMP "/sign"), 0);
	snprintf(path, sizeof path, "%s/index.html", CCHC_TEST_TMP "/sign");
	test_slurp(path, text, sizeof text);
	row = between(text, "<tr class=\"mark\">", "</tr>");
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "Sở Kế hoạch và Đầu tư"));
	CU_ASSERT_PTR_NOT_NULL(strstr(row, ">+5,75</td>"));
	snprintf(path, sizeof path, "%s/ranking.csv", CCHC_TEST_TMP "/sign");
	test_slurp(path, text, sizeof text);
	CU_ASSERT_PTR_NOT_NULL(strstr(between(text, "so-nganh,18,21,skhdt,", "\r\n"), ",75.75,5.75,"));
	snprintf(path, sizeof path, "%s/report.json", CCHC_TEST_TMP "/sign");
	test_slurp(path, text, sizeof text);
	check_json_deviation(text, "ranking.blocks.0.agencies");
	/* the workbook as openpyxl reads it: the "Chênh lệch" cell of skhdt's row */
	CU_ASSERT_EQUAL(test_run_cli("/usr/bin/python3", "-c \"import openpyxl; "
	                "ws = openpyxl.load_workbook('" CCHC_TEST_TMP "/sign/ranking.xlsx')['Xếp hạng']; "
	                "head = [c.value for c in ws[1]]; "
	                "row = [r for r in ws.iter_rows(values_only=True) if 'skhdt' in r][0]; "
	                "print(row[head.index('Tự chấm')], row[head.index('Chênh lệch')])\"",
	                CCHC_TEST_TMP "/sign-py", text, sizeof text, err, sizeof err), 0);
	CU_ASSERT_STRING_EQUAL(text, "75.75 5.75\n");
}

int main(void)
{
	static const test_case tests[] = {
		{"score prints the published figures", test_score_text},
		{"english and json", test_score_english_json},
		{"-o writes atomically, never on failure", test_output_file},
		{"bad inputs: one message, exit 1", test_bad_inputs},
		{"usage errors exit 2", test_usage},
		{"rank: published figures, blocks, CSV", test_rank},
		{"rank: each bad input named", test_rank_errors},
		{"gap: position, groups, causes, target, tasks", test_gap},
		{"gap --emit-plan, then plan status", test_plan_round_trip},
		{"robust: rank intervals, options", test_robust},
		{"report: the bundle, whole or not at all", test_report_bundle},
		{"chênh lệch is self minus final in every output", test_self_deviation_sign},
		{NULL, NULL},
	};
	return test_run_suite("cli", tests);
}
