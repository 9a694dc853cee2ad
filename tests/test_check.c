/* cchc check: each kind of problem put on purpose into a copy of the Huế
 * sample skhdt.xml (tests/data/check/skhdt-check.xml) is found with its
 * severity and points at stake; the estimate under each --survey assumption
 * holds the figures worked out by hand below; the estimated rank is the one
 * `rank --replace` gives; --replace on every analysis command. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define DIR "tests/data/check/"
#define SET DIR "hue-so-2018.xml" /* 4.2 na="never", 5.3 require-docs="true" */
#define NEW DIR "skhdt-check.xml"
#define PREV DIR "skhdt-2017.xml " DIR "hue-so-2017.xml"
#define FIELD "samples/hue-2018/so"

static char out_text[1 << 20], err_text[1 << 16];

static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/check", out_text, sizeof out_text,
	                    err_text, sizeof err_text);
}

#define ASSERT_OUT(needle)                                                                    \
	do {                                                                                      \
		int ok_ = strstr(out_text, (needle)) != NULL;                                         \
		if (!ok_)                                                                             \
			fprintf(stderr, "\n    %s:%d: output lacks \"%s\"; got:\n%s\n", __FILE__, __LINE__, \
			        (needle), out_text);                                                      \
		CU_ASSERT(ok_);                                                                       \
	} while (0)

static cchc_date day(const char *iso)
{
	cchc_date d = 0;
	CU_ASSERT_EQUAL(cchc_date_parse(iso, &d), CCHC_NUM_OK);
	return d;
}

/* The nth finding of kind on criterion id, or NULL. */
static const cchc_finding *find(const cchc_check *c, cchc_check_kind kind, const char *id,
                                int nth)
{
	for (size_t i = 0; i < c->nfindings; i++)
		if (c->findings[i].kind == kind && strcmp(c->findings[i].node->id, id) == 0 && nth-- == 0)
			return &c->findings[i];
	return NULL;
}

#define EXPECT(c, kind, id, nth, sev_, stake_)                                                  \
	do {                                                                                      \
		const cchc_finding *f_ = find((c), (kind), (id), (nth));                              \
		if (!f_)                                                                              \
			fprintf(stderr, "\n    %s:%d: no finding %s on %s\n", __FILE__, __LINE__,        \
			        cchc_check_kind_name(kind), (id));                                        \
		CU_ASSERT_PTR_NOT_NULL_FATAL(f_);                                                     \
		ASSERT_EQ(f_->severity, (sev_));                                                      \
		ASSERT_EQ(f_->stake, (stake_));                                                        \
	} while (0)

typedef struct {
	cchc_criteria *set, *prev_set;
	cchc_assessment *a, *prev;
	cchc_check *check;
} loaded;

static void load(loaded *l, int with_previous)
{
	cchc_diag *diag = cchc_diag_new();
	memset(l, 0, sizeof *l);
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&l->set, SET, diag), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&l->prev_set, DIR "hue-so-2017.xml", diag), 0);
	const cchc_criteria *sets[] = {l->set}, *psets[] = {l->prev_set};
	CU_ASSERT_EQUAL_FATAL(cchc_assessment_load(&l->a, sets, 1, NEW, diag), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_assessment_load(&l->prev, psets, 1, DIR "skhdt-2017.xml", diag), 0);
	cchc_check_options opt = {CCHC_SURVEY_NONE, day("2019-01-20"), 0, 1, 1, 0};
	CU_ASSERT_EQUAL_FATAL(
		cchc_check_build(&l->check, l->a, with_previous ? l->prev : NULL, NULL, &opt, diag), 0);
	cchc_diag_free(diag);
}

static void unload(loaded *l)
{
	cchc_check_free(l->check);
	cchc_assessment_free(l->a);
	cchc_assessment_free(l->prev);
	cchc_criteria_free(l->set);
	cchc_criteria_free(l->prev_set);
}

static void test_findings(void)
{
	loaded l;
	load(&l, 1);
	const cchc_check *c = l.check;
	/* 2.3 left out: its max, 1 point */
	EXPECT(c, CCHC_CHECK_NO_ENTRY, "2.3", 0, CCHC_SEVERITY_WILL_LOSE, 100);
	/* 4.2 N/A under na="never": scored as not done, so its 1 point */
	EXPECT(c, CCHC_CHECK_NA_NOT_ALLOWED, "4.2", 0, CCHC_SEVERITY_WILL_LOSE, 100);
	ASSERT_EQ(cchc_score_node(c->score, cchc_criteria_find(l.set, "4.2"))->points, 0);
	/* 5.3 claimed 1 without a document where the set requires one: withheld */
	EXPECT(c, CCHC_CHECK_NO_DOC, "5.3", 0, CCHC_SEVERITY_WILL_LOSE, 100);
	CU_ASSERT_PTR_NULL(find(c, CCHC_CHECK_NO_EXPLANATION, "5.3", 0)); /* it has a note */
	/* 5.2 claimed 1 with neither document nor note, documents not required */
	EXPECT(c, CCHC_CHECK_NO_DOC, "5.2", 0, CCHC_SEVERITY_MAY_LOSE, 100);
	EXPECT(c, CCHC_CHECK_NO_EXPLANATION, "5.2", 0, CCHC_SEVERITY_FORM, 100);
	/* 4.4's document of 25/01/2019: after the submission, outside 2018 */
	EXPECT(c, CCHC_CHECK_DATE_AFTER_SUBMISSION, "4.4", 0, CCHC_SEVERITY_WILL_LOSE, 100);
	ASSERT_EQ(find(c, CCHC_CHECK_DATE_AFTER_SUBMISSION, "4.4", 0)->date, day("2019-01-25"));
	ASSERT_EQ(find(c, CCHC_CHECK_DATE_AFTER_SUBMISSION, "4.4", 0)->other, day("2019-01-20"));
	EXPECT(c, CCHC_CHECK_DATE_OUTSIDE_YEAR, "4.4", 0, CCHC_SEVERITY_MAY_LOSE, 100);
	/* 5.8's decision of 30/01/2018 cites a plan of 15/03/2018 */
	EXPECT(c, CCHC_CHECK_DATE_BEFORE_CITED, "5.8", 0, CCHC_SEVERITY_WILL_LOSE, 50);
	ASSERT_EQ(find(c, CCHC_CHECK_DATE_BEFORE_CITED, "5.8", 0)->date, day("2018-01-30"));
	ASSERT_EQ(find(c, CCHC_CHECK_DATE_BEFORE_CITED, "5.8", 0)->other, day("2018-03-15"));
	/* 7.2.5 carried over from 2017: on time against 2018's deadline only by last year's date */
	EXPECT(c, CCHC_CHECK_CARRIED_OVER, "7.2.5", 0, CCHC_SEVERITY_WILL_LOSE, 50);
	ASSERT_EQ(find(c, CCHC_CHECK_CARRIED_OVER, "7.2.5", 0)->other, day("2017-09-20"));
	EXPECT(c, CCHC_CHECK_DATE_OUTSIDE_YEAR, "7.2.5", 0, CCHC_SEVERITY_MAY_LOSE, 50);
	CU_ASSERT_PTR_NULL(find(c, CCHC_CHECK_DATE_OUTSIDE_YEAR, "7.2.5", 0)->doc); /* the item's date */
	CU_ASSERT_PTR_NOT_NULL(find(c, CCHC_CHECK_DATE_OUTSIDE_YEAR, "7.2.5", 1)->doc);
	CU_ASSERT_PTR_NULL(find(c, CCHC_CHECK_CARRIED_OVER, "2.2", 0)); /* changed since */
	/* the sample's own: 1.1.1 claimed 1, the deadline rule gives 0,5 for 12/02/2018 */
	EXPECT(c, CCHC_CHECK_OVERCLAIM, "1.1.1", 0, CCHC_SEVERITY_WILL_LOSE, 50);
	ASSERT_EQ(find(c, CCHC_CHECK_OVERCLAIM, "1.1.1", 0)->self, 100);
	ASSERT_EQ(find(c, CCHC_CHECK_OVERCLAIM, "1.1.1", 0)->computed, 50);
	EXPECT(c, CCHC_CHECK_DATE_OUTSIDE_YEAR, "6.3", 0, CCHC_SEVERITY_MAY_LOSE, 0);
	/* page or section: 1.1.1's plan names none, 1.1.2's report names "trang 3" */
	EXPECT(c, CCHC_CHECK_NO_PLACE, "1.1.1", 0, CCHC_SEVERITY_FORM, 50);
	CU_ASSERT_PTR_NULL(find(c, CCHC_CHECK_NO_PLACE, "1.1.2", 0));
	/* sums: each criterion once at its largest stake, the sample's own overclaims
	 * (1.1.1 0,5 + 1.4 0,25 + 1.5 1 + 2.4 1 + 5.1 1 + 6.3 1 + 7.1 0,5 + 8.3 0,5 = 5,75)
	 * and the ones put in (2.3, 4.2, 4.4, 5.3 at 1; 5.8, 7.2.5 at 0,5) = 10,75; 5.2 may */
	ASSERT_EQ(c->will_lose, 1075);
	ASSERT_EQ(c->may_lose, 100);
	/* will lose first, then may, then form */
	for (size_t i = 1; i < c->nfindings; i++)
		CU_ASSERT(c->findings[i - 1].severity <= c->findings[i].severity);
	unload(&l);
	load(&l, 0);
	CU_ASSERT_PTR_NULL(find(l.check, CCHC_CHECK_CARRIED_OVER, "7.2.5", 0));
	unload(&l);
}

static void test_ref_reading(void)
{
	cchc_date d[4];
	ASSERT_EQ(cchc_check_ref_dates("Quyết định số 52/QĐ-SKHĐT ngày 30/01/2018 theo Kế hoạch "
	                               "ngày 5/3/2018 và Nghị định 16/2015/NĐ-CP", d, 4), 2);
	ASSERT_EQ(d[0], day("2018-01-30"));
	ASSERT_EQ(d[1], day("2018-03-05"));
	ASSERT_EQ(cchc_check_ref_dates("ngày 31/02/2018", d, 4), 0); /* no such day */
	CU_ASSERT(cchc_check_ref_has_place("Báo cáo số 2450, trang 3"));
	CU_ASSERT(cchc_check_ref_has_place("Báo cáo số 2450, tr.12"));
	CU_ASSERT(cchc_check_ref_has_place("Báo cáo số 2450, mục tuyên truyền CCHC"));
	CU_ASSERT(cchc_check_ref_has_place("Quyết định 35, Điều 3"));
	CU_ASSERT(cchc_check_ref_has_place("Report 12, page 4"));
	CU_ASSERT(cchc_check_ref_has_place("Kế hoạch 45, Phụ lục kèm theo"));
	CU_ASSERT(!cchc_check_ref_has_place("Tin bài trên Trang TTĐT của Sở"));
	CU_ASSERT(!cchc_check_ref_has_place("Trang Thông tin Điều hành tác nghiệp"));
	CU_ASSERT(!cchc_check_ref_has_place("Kế hoạch số 45/KH-SKHĐT ngày 12/02/2018"));
}

/* The findings as a council member reads them, in both languages. */
static void test_text(void)
{
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --submitted 2019-01-20 "
	                    "--previous " PREV),
	                0);
	ASSERT_OUT("Sẽ mất 10,75 điểm ở 14 tiêu chí; có thể mất thêm 1 điểm ở 1 tiêu chí; "
	           "46 lỗi hình thức.\n");
	ASSERT_OUT("\n  2.3 Xử lý kết quả rà soát, hệ thống hóa văn bản QPPL (1 điểm): chưa nhập kết "
	           "quả, minh chứng: tiêu chí sẽ được 0 điểm.\n    Cần làm: nhập kết quả thực hiện và "
	           "tài liệu kiểm chứng, hoặc ghi rõ chưa thực hiện.\n");
	ASSERT_OUT("\n  4.2 Ban hành quy định chức năng, nhiệm vụ, quyền hạn của các Phòng, Trung tâm "
	           "thuộc cơ quan (1 điểm, dòng 86): khai báo không áp dụng, nhưng tiêu chí này không "
	           "cho phép: chấm 0 điểm.\n");
	ASSERT_OUT("\n  4.4 Ban hành thông báo kết luận thanh tra, kiểm tra đối với nhiệm vụ được phân "
	           "cấp (1 điểm, dòng 91): tài liệu “Các Kết luận thanh tra số 01, 02, 03, 04/KL-TTr "
	           "ngày 25/01/2019” ghi ngày 25/01/2019, sau ngày gửi hồ sơ 20/01/2019.\n");
	ASSERT_OUT("(0,5 điểm, dòng 114): tài liệu “Quyết định số 52/QĐ-SKHĐT ngày 30/01/2018 ban "
	           "hành Quy chế thi đua, khen thưởng theo Kế hoạch số 77/KH-UBND ngày 15/03/2018” ghi "
	           "ngày 30/01/2018 nhưng dẫn văn bản ngày 15/03/2018, khi đó chưa ban hành.\n");
	ASSERT_OUT("(0,5 điểm, dòng 159): số liệu và tài liệu kiểm chứng giữ nguyên như năm trước "
	           "(ngày 20/09/2017), trong khi tiêu chí chấm theo thời hạn của năm đánh giá.\n"
	           "    Cần làm: cập nhật ngày thực hiện và tài liệu của năm 2018.\n");
	ASSERT_OUT("(1 điểm, dòng 100): tự chấm 1 điểm nhưng không có tài liệu kiểm chứng.\n");
	ASSERT_OUT("(0,5 điểm, dòng 15): tự chấm 1 điểm, nhưng với số liệu đã nhập quy định chỉ cho "
	           "0,5 điểm.\n    Cần làm: hạ điểm tự chấm xuống 0,5 điểm, hoặc nhập số liệu, minh "
	           "chứng đạt mức cao hơn.\n");
	ASSERT_OUT("(1 điểm, dòng 99): tự chấm 1 điểm, không có tài liệu kiểm chứng và không có giải "
	           "trình.\n");
	ASSERT_OUT("  45 tài liệu không ghi trang hoặc mục chứng minh, ở các tiêu chí (số tài liệu) "
	           "1.1.1, 1.1.3, 1.2.1 (4), 1.2.2,");
	CU_ASSERT_PTR_NULL(strstr(out_text, "--submitted")); /* given: checked */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --lang en"), 0);
	ASSERT_OUT("\n  2.3 Xử lý kết quả rà soát, hệ thống hóa văn bản QPPL (1 at stake): no entry: the "
	           "criterion scores 0.\n    To do: enter the result and its evidence, or record it as "
	           "not done.\n");
	ASSERT_OUT("No submission date given (--submitted): documents dated after it were not "
	           "checked.\n");
	ASSERT_OUT("No field given (--field): no rank estimated.\n");
	/* nothing of last year's to assume: the survey left out, and said */
	ASSERT_OUT("Total 37.75/62, index 60.89 %, band Trung bình.\nAssumed: the survey left out for "
	           "every agency compared; the index is rescaled to 62 points.\n");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --survey last --lang en"), 1);
	ASSERT_STR(err_text, NEW ": error: --survey last: no survey result of agency \"skhdt\" from "
	                         "last year to assume: give --previous with its last assessment, a "
	                         "--field holding its result, or --survey mean or none\n");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --format markdown"), 0);
	ASSERT_OUT("# KIỂM TRA HỒ SƠ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n");
	ASSERT_OUT("\n### Sẽ mất điểm\n\n- **1.1.1** Ban hành kế hoạch CCHC năm kịp thời (0,5 điểm, dòng 15)");
}

/* Each assumption, worked out by hand from the field's published figures
 * (samples/hue-2018/so): skhdt-check.xml's evidence is the sample's 70,00 less
 * 2.3, 4.2, 5.3 (1 each) plus 7.2.5 on time (0,5) = 67,50, of which the survey
 * (the sample's own) 29,75: 37,75 from the evidence, out of 62. */
static void test_survey(void)
{
	/* last: its own 29,75 from the field: 67,50 = rank --replace's 67,5; ttt 70,55 above
	 * (3,05), bqlkkt 66,75 below (0,75) */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD), 0);
	ASSERT_OUT("Tổng điểm 67,50/100, chỉ số 67,50 %, xếp loại Trung bình.\n");
	ASSERT_OUT("Giả định: điểm điều tra xã hội học bằng điểm năm trước của cơ quan, 29,75/38 "
	           "điểm.\n");
	ASSERT_OUT("Vị trí dự kiến (so với kết quả của 20 cơ quan khác)\nThứ 18/21.\n");
	ASSERT_OUT("Kém cơ quan xếp ngay trên (Thanh tra tỉnh (ttt)) 3,05 điểm.\n");
	ASSERT_OUT("Hơn cơ quan xếp ngay dưới (Ban Quản lý Khu kinh tế, công nghiệp tỉnh (bqlkkt)) "
	           "0,75 điểm.\n");
	ASSERT_OUT("(1000 lần mô phỏng): thứ 18 đến 19.\n");
	/* last from --previous: 2017's survey, 9.1 mean 4 on 1..5 → 7,50; 9.2 A20 B20 → 87,5 % of
	 * 8 = 7,00; 9.3 mean 8 on 0..10 → 6,40; 9.4 A25 B25 → 87,5 % of 6 = 5,25; 9.5 mean 4 →
	 * 4,50: 30,65, so 37,75 + 30,65 = 68,40 */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --previous " PREV), 0);
	ASSERT_OUT("Tổng điểm 68,40/100, chỉ số 68,40 %, xếp loại Trung bình.\n");
	ASSERT_OUT("bằng điểm năm trước của cơ quan, 30,65/38 điểm.\n");
	/* mean: the other 20 agencies' survey points add up to 572,20: 28,61; 37,75 + 28,61 =
	 * 66,36, below bqlkkt's 66,75 (0,39) and above sngv's 58,40 (7,96): 19th */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --survey mean"), 0);
	ASSERT_OUT("Tổng điểm 66,36/100, chỉ số 66,36 %, xếp loại Trung bình.\n");
	ASSERT_OUT("bằng trung bình khối, 28,61/38 điểm (trung bình của 20 cơ quan).\n");
	ASSERT_OUT("Thứ 19/21.\n");
	ASSERT_OUT("(bqlkkt)) 0,39 điểm.\n");
	ASSERT_OUT("(sngv)) 7,96 điểm.\n");
	/* none: 37,75/62 = 60,89 %; everyone without survey: bqlkkt 66,75 − 25 = 41,75 above
	 * (4,00), sngv 58,40 − 23,35 = 35,05 below (2,70), on the 62-point scale */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --survey none --format json"), 0);
	ASSERT_OUT("\"survey\": \"none\",\n    \"survey_points\": null,\n    \"survey_max\": 38,\n"
	           "    \"survey_mean_of\": null,\n    \"total\": 37.75,\n    \"max\": 62,\n"
	           "    \"index\": 60.89,\n    \"band\": \"Trung bình\"\n");
	ASSERT_OUT("\"rank\": 19,\n    \"of\": 21,\n    \"scale\": 62,\n    \"gap_above\": 4,\n");
	ASSERT_OUT("\"gap_below\": 2.7,\n");
	ASSERT_OUT("\"interval\": null\n");
	ASSERT_OUT("{\n  \"schema\": \"cchc-check/1\",\n  \"criteria_set\": \"hue-so-2018\",\n");
	ASSERT_OUT("    {\n      \"kind\": \"date-before-cited\",\n      \"severity\": \"will-lose\",\n"
	           "      \"criterion\": \"5.8\",\n");
	ASSERT_OUT("      \"stake\": 0.5,\n      \"doc\": \"Quyết định số 52/QĐ-SKHĐT ngày 30/01/2018 ban "
	           "hành Quy chế thi đua, khen thưởng theo Kế hoạch số 77/KH-UBND ngày 15/03/2018\",\n"
	           "      \"date\": \"2018-01-30\",\n      \"cited\": \"2018-03-15\"\n    }");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --survey none"), 0);
	ASSERT_OUT("Các khoảng cách tính bằng điểm trên thang 62 điểm (không tính điều tra xã hội "
	           "học).\nKhông tính điều tra xã hội học nên không có sai số mẫu: không có khoảng thứ "
	           "hạng.\n");
}

/* The estimated rank is the one rank --replace gives the same assessment. */
static void test_replace(void)
{
	CU_ASSERT_EQUAL(run("rank " SET " " FIELD " --replace " NEW " --agency skhdt"), 0);
	ASSERT_OUT("Sở Kế hoạch và Đầu tư đứng thứ 18/21, đạt 67,5/100 điểm, xếp loại Trung bình");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field " FIELD " --format json"), 0);
	ASSERT_OUT("\"position\": {\n    \"rank\": 18,\n    \"of\": 21,\n");
	ASSERT_OUT("\"total\": 67.5,\n    \"max\": 100,\n");
	/* gap, robust and report take it too */
	CU_ASSERT_EQUAL(run("gap " SET " " FIELD " --agency skhdt --replace " NEW), 0);
	ASSERT_OUT("18/21");
	CU_ASSERT_EQUAL(run("robust " SET " " FIELD " --draws 200 --replace " NEW), 0);
	ASSERT_OUT("Sở Kế hoạch và Đầu tư");
	CU_ASSERT_EQUAL(run("report " SET " " FIELD " --replace " NEW " -o " CCHC_TEST_TMP
	                    "/check-report"),
	                0);
	char *json = test_read_file(CCHC_TEST_TMP "/check-report/report.json", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(json);
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "skhdt-check.xml"));
	free(json);
	/* an agency the inputs do not hold: nothing to stand in for */
	CU_ASSERT_EQUAL(run("rank " SET " samples/hue-2018/so/stc.xml --replace " NEW), 1);
	ASSERT_STR(err_text, NEW ": error: --replace: agency \"skhdt\" has no assessment among the "
	                         "inputs to stand in for: give the inputs that hold its result, or "
	                         "leave --replace out\n");
	CU_ASSERT_EQUAL(run("rank " SET " " FIELD " --replace"), 2);
}

static void test_usage(void)
{
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --survey bogus"), 2);
	ASSERT_STR(err_text, "cchc check: --survey takes last, mean or none\nTry 'cchc check "
	                     "--help'.\n");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --submitted 20/01/2019"), 2);
	ASSERT_STR(err_text, "cchc check: --submitted takes a date YYYY-MM-DD, e.g. 2019-01-15\nTry "
	                     "'cchc check --help'.\n");
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field"), 2);
	/* a field on another set: its files are refused, or, with their set, hold no agency of the block */
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field samples/hue-2018/huyen"), 1);
	CU_ASSERT_EQUAL(run("check " SET " " NEW " --field criteria/hue-huyen-2018.xml "
	                    "samples/hue-2018/huyen"),
	                1);
	ASSERT_STR(err_text, NEW ": error: --field không có cơ quan, đơn vị nào chấm theo bộ tiêu chí "
	                         "\"hue-so-2018\" mà hồ sơ này dùng: đưa kết quả của khối của nó\n");
	CU_ASSERT_STRING_EQUAL(out_text, ""); /* nothing written */
}

int main(void)
{
	static const test_case tests[] = {
		{"findings, severities and stakes", test_findings},
		{"dates and places in a document's reference", test_ref_reading},
		{"the findings as text, markdown, in English", test_text},
		{"the survey assumptions, by hand", test_survey},
		{"--replace, and the rank it gives", test_replace},
		{"usage errors", test_usage},
		{NULL, NULL},
	};
	return test_run_suite("check", tests);
}
