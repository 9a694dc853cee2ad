/* Published figures (<published>, issue 13 item 5): read and checked against
 * the criteria set, set against the computed total, rank, band, group and
 * criterion points, and reported by validate, score and rank as warnings (exit
 * 1 only with --strict). The Huế department's figures come from its plan
 * 267/KH-SKHĐT, which contradicts itself: it lists group 3's criteria as five
 * achieved and one lost (1/2) yet publishes 0,5/2. The sample computes the
 * published 0,5 with criterion 3.6 not done, and the commands warn that 3.6
 * was published as achieved; transcribed as listed, group 3 computes 1/2 and
 * they warn of the group and the total instead. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

#define SAMPLE "samples/hue-2018/so/skhdt.xml"
#define CRITERIA "criteria/hue-so-2018.xml"
#define TMP CCHC_TEST_TMP "/published-"
#define LISTED TMP "skhdt-as-listed.xml"

/* Where the sample's figures stand: <published>, its <group id="3"> and its
 * <criterion id="3.6"> (TEST_SKHDT_LINE_36, the last one). */
#define LINE_PUBLISHED 19
#define LINE_GROUP_3 22
#define LINE_CRITERION_31 (TEST_SKHDT_LINE_36 - 5)

static cchc_criteria *set;
static char *sample; /* the sample's text */

/* s with its one occurrence of from replaced by to (malloc'd). */
static char *replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	CU_ASSERT_PTR_NULL_FATAL(strstr(at + 1, from));
	size_t head = (size_t)(at - s), nf = strlen(from), nt = strlen(to);
	char *out = malloc(strlen(s) - nf + nt + 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	memcpy(out, s, head);
	memcpy(out + head, to, nt);
	strcpy(out + head + nt, at + nf);
	return out;
}

/* The sample with criterion 3.6 achieved, as the plan lists group 3: five
 * criteria achieved, one lost (3.5, at 0/1). */
static char *as_listed(void)
{
	return replace(sample, "<item criterion=\"3.6\" met=\"false\" self=\"0\"",
	               "<item criterion=\"3.6\" met=\"true\" self=\"0.5\"");
}

static cchc_assessment *load_text(const char *xml, cchc_diag **diag)
{
	return test_assessment(set, xml, diag);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

static int suite_init(void)
{
	cchc_diag *d = cchc_diag_new();
	cchc_criteria_load(&set, test_path(CRITERIA), d);
	cchc_diag_free(d);
	sample = test_read_file(test_path(SAMPLE), NULL);
	return set && sample ? 0 : -1;
}

/* ------------------------------------------------------------ diagnostics */

static void test_diag_severity(void)
{
	cchc_diag *d = cchc_diag_new();
	cchc_diag_addw(d, "a.xml", 3, "figure %d differs", 1);
	cchc_diag_addf(d, "a.xml", 4, "bad %s", "input");
	cchc_diag_addw(d, NULL, 0, "w");
	ASSERT_EQ(cchc_diag_count(d), 1);
	ASSERT_EQ(cchc_diag_warnings(d), 2);
	ASSERT_EQ(cchc_diag_stored(d), 3);
	ASSERT_EQ(cchc_diag_get(d, 0)->severity, CCHC_DIAG_WARNING);
	ASSERT_EQ(cchc_diag_get(d, 1)->severity, CCHC_DIAG_ERROR);
	test_expect_diag(d, 0, "a.xml", 3, "figure 1 differs");
	test_expect_diag(d, 1, "a.xml", 4, "bad input");
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_diag_count(d) + cchc_diag_warnings(d) + cchc_diag_stored(d), 0);
	cchc_diag_addw(NULL, "a.xml", 1, "dropped");
	ASSERT_EQ(cchc_diag_warnings(NULL), 0);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------ the sample */

static void test_sample_figures(void)
{
	cchc_diag *d = NULL;
	cchc_assessment *a = load_text(sample, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	ASSERT_EQ(cchc_diag_count(d) + cchc_diag_warnings(d), 0);
	const cchc_published *p = cchc_assessment_published(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	ASSERT_EQ(p->line, LINE_PUBLISHED);
	ASSERT_EQ(p->has_total, 1);
	ASSERT_EQ(p->total, 7000);
	ASSERT_EQ(p->rank, 18);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p->band);
	ASSERT_STR(p->band->label, "Khá");
	ASSERT_STR(p->source, "Kế hoạch số 267/KH-SKHĐT ngày 28/01/2019 (Quyết định số "
	                      "3055/QĐ-UBND ngày 27/12/2018)");
	static const struct {
		const char *id;
		cchc_points points;
	} groups[] = {{"1", 825}, {"2", 300}, {"3", 50},  {"4", 400},
	              {"5", 650}, {"6", 200}, {"7", 250}, {"8", 1350}};
	ASSERT_EQ(p->ngroups, 8);
	for (size_t i = 0; i < 8 && i < p->ngroups; i++) {
		ASSERT_STR(p->groups[i].group->id, groups[i].id);
		ASSERT_EQ(p->groups[i].points, groups[i].points);
		ASSERT_EQ(p->groups[i].line, LINE_GROUP_3 - 2 + (long)i);
	}
	/* group 3's criteria as the plan lists them: 3.1 to 3.4 achieved, 3.5 lost, 3.6 achieved */
	static const struct {
		const char *id;
		cchc_points points;
	} criteria[] = {{"3.1", 20}, {"3.2", 10}, {"3.3", 10}, {"3.4", 10}, {"3.5", 0}, {"3.6", 50}};
	ASSERT_EQ(p->ncriteria, 6);
	for (size_t i = 0; i < 6 && i < p->ncriteria; i++) {
		ASSERT_STR(p->criteria[i].criterion->id, criteria[i].id);
		ASSERT_EQ(p->criteria[i].points, criteria[i].points);
		ASSERT_EQ(p->criteria[i].line, LINE_CRITERION_31 + (long)i);
	}
	/* the sample computes every published figure but one, rank included: 3.6,
	 * published as achieved, is not done in its evidence */
	cchc_score *s = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&s, a), 0);
	ASSERT_EQ(cchc_published_max_diffs(a), 17);
	cchc_published_diff diffs[17];
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 17), 1);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_CRITERION);
	ASSERT_EQ(diffs[0].line, TEST_SKHDT_LINE_36);
	CU_ASSERT_PTR_NULL(diffs[0].group);
	ASSERT_STR(diffs[0].criterion->id, "3.6");
	ASSERT_EQ(diffs[0].published, 50);
	ASSERT_EQ(diffs[0].computed, 0);
	ASSERT_EQ(diffs[0].max, 50);
	test_hue h;
	CU_ASSERT_EQUAL_FATAL(test_hue_load(&h), 0);
	cchc_ranking *r = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_ranking_build(&r, (const cchc_score *const *)h.scores, TEST_HUE_SO,
	                                         NULL), 0);
	const cchc_rank_entry *e = cchc_ranking_find(r, "skhdt", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	ASSERT_EQ(cchc_published_compare(e->score, e, diffs, 17), 1);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_CRITERION);
	/* the other samples publish nothing */
	ASSERT_EQ(cchc_published_max_diffs(h.assessments[0]), 0);
	ASSERT_EQ(cchc_published_compare(h.scores[0], &r->blocks[0].entries[0], NULL, 0), 0);
	cchc_ranking_free(r);
	test_hue_free(&h);
	/* a ranking keeps the figures of an agency it slims, and the criteria's computed points */
	CU_ASSERT_EQUAL_FATAL(cchc_score_slim(s), 0);
	cchc_assessment_slim(a);
	CU_ASSERT_PTR_EQUAL(cchc_assessment_published(a), p);
	ASSERT_EQ(p->groups[2].points, 50);
	ASSERT_EQ(p->criteria[5].points, 50);
	CU_ASSERT_PTR_NULL(s->nodes);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s->published);
	ASSERT_EQ(s->published[0].points, 20);
	ASSERT_EQ(s->published[4].max, 100);
	memset(diffs, 0, sizeof diffs);
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 17), 1);
	ASSERT_STR(diffs[0].criterion->id, "3.6");
	ASSERT_EQ(diffs[0].computed, 0);
	ASSERT_EQ(diffs[0].max, 50);
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_diag_free(d);
}

/* Group 3 as the plan lists it: 1/2 computed, 0,5 published, and the total
 * with it; criterion 3.6 then computes its published 0,5. */
static void test_group_3_as_listed(void)
{
	char *text = as_listed();
	cchc_diag *d = NULL;
	cchc_assessment *a = load_text(text, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	cchc_score *s = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&s, a), 0);
	cchc_published_diff diffs[17];
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 17), 2);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_TOTAL);
	ASSERT_EQ(diffs[0].line, LINE_PUBLISHED);
	ASSERT_EQ(diffs[0].published, 7000);
	ASSERT_EQ(diffs[0].computed, 7050);
	ASSERT_EQ(diffs[0].max, 10000);
	ASSERT_EQ(diffs[1].figure, CCHC_FIGURE_GROUP);
	ASSERT_EQ(diffs[1].line, LINE_GROUP_3);
	ASSERT_STR(diffs[1].group->id, "3");
	ASSERT_EQ(diffs[1].published, 50);
	ASSERT_EQ(diffs[1].computed, 100);
	ASSERT_EQ(diffs[1].max, 200);
	/* fewer slots than differences: the count is still all of them */
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 1), 2);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_TOTAL);
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_diag_free(d);
	free(text);
}

/* A criterion at any depth (a sub-total too), among the groups: compared in
 * the order published, after the groups. */
static void test_criteria_any_depth(void)
{
	char *text = replace(sample, "<group id=\"8\" points=\"13.5\"/>",
	                     "<criterion id=\"1.1\" points=\"3\"/><group id=\"8\" points=\"13.5\"/>"
	                     "<criterion id=\"1.1.1\" points=\"0.5\"/><criterion id=\"9.1\" "
	                     "points=\"8\"/>");
	cchc_diag *d = NULL;
	cchc_assessment *a = load_text(text, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	const cchc_published *p = cchc_assessment_published(a);
	ASSERT_EQ(p->ngroups, 8);
	ASSERT_EQ(p->ncriteria, 9);
	ASSERT_STR(p->criteria[0].criterion->id, "1.1");
	ASSERT_STR(p->criteria[1].criterion->id, "1.1.1");
	ASSERT_STR(p->criteria[8].criterion->id, "3.6");
	cchc_score *s = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&s, a), 0);
	cchc_published_diff diffs[20];
	ASSERT_EQ(cchc_published_max_diffs(a), 20);
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 20), 3);
	ASSERT_STR(diffs[0].criterion->id, "1.1");
	ASSERT_EQ(diffs[0].line, LINE_GROUP_3 + 5);
	ASSERT_EQ(diffs[0].published, 300);
	ASSERT_EQ(diffs[0].computed, 250);
	ASSERT_EQ(diffs[0].max, 300);
	ASSERT_STR(diffs[1].criterion->id, "9.1"); /* a survey criterion */
	ASSERT_EQ(diffs[1].published, 800);
	ASSERT_EQ(diffs[1].computed, 775);
	ASSERT_EQ(diffs[1].max, 1000);
	ASSERT_STR(diffs[2].criterion->id, "3.6");
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_diag_free(d);
	free(text);
}

/* A published rank and band that the ranking does not give, in a slimmed ranking. */
static void test_rank_and_band(void)
{
	char *text = replace(sample, "total=\"70\" rank=\"18\" band=\"Khá\"",
	                     "total=\"70\" rank=\"17\" band=\"Tốt\"");
	test_hue h;
	CU_ASSERT_EQUAL_FATAL(test_hue_load(&h), 0);
	size_t k = 0;
	while (k < TEST_HUE_SO && strcmp(test_hue_so_ids[k], "skhdt") != 0)
		k++;
	CU_ASSERT_FATAL(k < TEST_HUE_SO);
	cchc_diag *d = NULL;
	cchc_assessment *a = test_assessment(h.sets[0], text, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	cchc_score *s = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&s, a), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_score_slim(s), 0);
	cchc_assessment_slim(a);
	const cchc_score *scores[TEST_HUE_SO];
	for (size_t i = 0; i < TEST_HUE_SO; i++)
		scores[i] = i == k ? s : h.scores[i];
	cchc_ranking *r = NULL;
	cchc_tally *tally = cchc_tally_new(h.sets[0]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tally);
	for (size_t i = 0; i < TEST_HUE_SO; i++)
		cchc_tally_add(tally, i == k ? h.scores[k] : scores[i]); /* same nodes as s */
	CU_ASSERT_EQUAL_FATAL(cchc_ranking_build_tallied(&r, scores, TEST_HUE_SO, &tally, 1, NULL), 0);
	const cchc_rank_entry *e = cchc_ranking_find(r, "skhdt", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	cchc_published_diff diffs[17];
	ASSERT_EQ(cchc_published_compare(e->score, e, diffs, 17), 3);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_RANK);
	ASSERT_EQ(diffs[0].line, LINE_PUBLISHED);
	ASSERT_EQ(diffs[0].published_rank, 17);
	ASSERT_EQ(diffs[0].computed_rank, 18);
	ASSERT_EQ(diffs[0].of, 21);
	ASSERT_EQ(diffs[1].figure, CCHC_FIGURE_BAND);
	ASSERT_STR(diffs[1].published_band->label, "Tốt");
	CU_ASSERT_PTR_NOT_NULL_FATAL(diffs[1].computed_band);
	ASSERT_STR(diffs[1].computed_band->label, "Khá");
	ASSERT_EQ(diffs[1].computed, 7000);
	/* criterion 3.6, from the node scores slimming kept */
	ASSERT_EQ(diffs[2].figure, CCHC_FIGURE_CRITERION);
	ASSERT_STR(diffs[2].criterion->id, "3.6");
	ASSERT_EQ(diffs[2].computed, 0);
	/* without a ranking, the rank is left out */
	ASSERT_EQ(cchc_published_compare(s, NULL, diffs, 17), 2);
	ASSERT_EQ(diffs[0].figure, CCHC_FIGURE_BAND);
	ASSERT_EQ(diffs[1].figure, CCHC_FIGURE_CRITERION);
	cchc_ranking_free(r);
	cchc_tally_free(tally);
	cchc_score_free(s);
	cchc_assessment_free(a);
	test_hue_free(&h);
	cchc_diag_free(d);
	free(text);
}

/* ------------------------------------------------------------ bad figures */

static void expect_refused(const char *from, const char *to, long line, const char *message)
{
	char *text = replace(sample, from, to);
	cchc_diag *d = NULL;
	cchc_assessment *a = load_text(text, &d);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, "test-assessment.xml", line, message);
	cchc_assessment_free(a);
	cchc_diag_free(d);
	free(text);
}

static void test_refused(void)
{
	expect_refused("<group id=\"8\" points=\"13.5\"/>", "<group id=\"10\" points=\"13.5\"/>",
	               LINE_GROUP_3 + 5,
	               "<group id=\"10\">: criteria set \"hue-so-2018\" has no group \"10\": use a "
	               "group id of " CCHC_SOURCE_DIR "/" CRITERIA);
	expect_refused("<group id=\"8\" points=\"13.5\"/>", "<group id=\"1.1\" points=\"1\"/>",
	               LINE_GROUP_3 + 5,
	               "<group id=\"1.1\">: criteria set \"hue-so-2018\" has no group \"1.1\": use a "
	               "group id of " CCHC_SOURCE_DIR "/" CRITERIA);
	expect_refused("<group id=\"8\" points=\"13.5\"/>", "<group id=\"3\" points=\"0.5\"/>",
	               LINE_GROUP_3 + 5,
	               "a second <group id=\"3\"> in <published> (the first is at line 22): give each "
	               "group's points once");
	expect_refused("<group id=\"3\" points=\"0.5\"/>", "<group id=\"3\" points=\"2.5\"/>",
	               LINE_GROUP_3, "group \"3\": published points 2.50 is outside its range 0.00 "
	                             "to 2.00");
	/* criteria: of the set, not a group, once, within their range */
	expect_refused("<criterion id=\"3.6\" points=\"0.5\"/>",
	               "<criterion id=\"3.9\" points=\"0.5\"/>", TEST_SKHDT_LINE_36,
	               "<criterion id=\"3.9\">: criteria set \"hue-so-2018\" has no criterion \"3.9\": "
	               "use a criterion id of " CCHC_SOURCE_DIR "/" CRITERIA);
	expect_refused("<criterion id=\"3.6\" points=\"0.5\"/>",
	               "<criterion id=\"3\" points=\"0.5\"/>", TEST_SKHDT_LINE_36,
	               "<criterion id=\"3\">: \"3\" is a group of criteria set \"hue-so-2018\", not a "
	               "criterion: give its points as <group id=\"3\">");
	expect_refused("<criterion id=\"3.6\" points=\"0.5\"/>",
	               "<criterion id=\"3.5\" points=\"0.5\"/>", TEST_SKHDT_LINE_36,
	               "a second <criterion id=\"3.5\"> in <published> (the first is at line 32): give "
	               "each criterion's points once");
	expect_refused("<criterion id=\"3.6\" points=\"0.5\"/>",
	               "<criterion id=\"3.6\" points=\"0.75\"/>", TEST_SKHDT_LINE_36,
	               "criterion \"3.6\": published points 0.75 is outside its range 0.00 to 0.50");
	expect_refused("<group id=\"3\" points=\"0.5\"/>", "<group id=\"3.6\" points=\"0.5\"/>",
	               LINE_GROUP_3,
	               "<group id=\"3.6\">: criteria set \"hue-so-2018\" has no group \"3.6\": use a "
	               "group id of " CCHC_SOURCE_DIR "/" CRITERIA);
	expect_refused("band=\"Khá\"", "band=\"Kha\"", LINE_PUBLISHED,
	               "<published band=\"Kha\">: criteria set \"hue-so-2018\" has no such band: use "
	               "one of \"Xuất sắc\", \"Tốt\", \"Khá\", \"Trung bình\", \"Yếu\"");
	/* issue 14: a space before an evidence path is dropped by a browser's link */
	expect_refused("file=\"evidence/bc-612.pdf\"", "file=\" evidence/bc-612.pdf\"", 48,
	               "<doc> file=\" evidence/bc-612.pdf\": the evidence path starts or ends with a "
	               "space, which a link drops: remove it");
	/* a <published> with only its source gives nothing to compare */
	cchc_diag *d = NULL;
	cchc_assessment *a = load_text("<assessment xmlns=\"urn:cchc:assessment:1\" "
	                               "criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                               "<agency id=\"skhdt\" name=\"Sở Kế hoạch và Đầu tư\"/>\n"
	                               "<published source=\"KH 267\">\n</published>\n"
	                               "</assessment>\n", &d);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, "test-assessment.xml", 3,
	                 "<published> gives no figure: give total, rank, band, <group> or <criterion> "
	                 "points, or remove it");
	cchc_diag_free(d);
	/* the schema: right after the agency */
	char *late = replace(sample, "<!-- Thẩm định -->",
	                     "<published total=\"1\"/>");
	a = load_text(late, &d);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, "test-assessment.xml", 259,
	                 "does not match the schema: Element 'published': This element is not "
	                 "expected.");
	cchc_diag_free(d);
	free(late);
}

/* ------------------------------------------------------------ the CLI */

#define OUT TMP "out.txt"
/* the 20 other departments */
#define OTHERS "$(ls samples/hue-2018/so/*.xml | grep -v skhdt)"
#define SCRATCH TMP "cli"

static int run(const char *args, char *out, size_t out_size, char *err, size_t err_size)
{
	return test_run_cli(CCHC_CLI, args, SCRATCH, out, out_size, err, err_size);
}

#define W_TOTAL_VI                                                                           \
	LISTED ":19: warning: tổng điểm công bố là 70,00 nhưng tính từ hồ sơ được 70,50/100: "  \
	       "đối chiếu hồ sơ đánh giá với số liệu đã công bố\n"
#define W_GROUP_VI                                                                           \
	LISTED ":22: warning: điểm nhóm 3 công bố là 0,50 nhưng tính từ hồ sơ được 1,00/2: "    \
	       "đối chiếu hồ sơ các tiêu chí của nhóm 3 với số liệu đã công bố\n"
#define W_TOTAL_EN                                                                           \
	LISTED ":19: warning: the published total 70.00 differs from the 70.50/100 computed "   \
	       "from the evidence: compare the assessment's evidence with the published figures\n"
#define W_GROUP_EN                                                                           \
	LISTED ":22: warning: the published points of group 3, 0.50, differ from the 1.00/2 "   \
	       "computed from the evidence: compare the evidence of group 3's criteria with the " \
	       "published figures\n"
/* the sample as it is: criterion 3.6 published as achieved, not done in its evidence */
#define W_36_VI TEST_SKHDT_AT_36 TEST_SKHDT_W36_VI
#define W_36_EN TEST_SKHDT_AT_36 TEST_SKHDT_W36_EN

static void test_cli(void)
{
	static char out[1 << 16], err[8192];
	char *text = as_listed();
	write_file(LISTED, text);
	free(text);

	/* the sample itself: every figure computes as published but criterion 3.6 */
	ASSERT_EQ(run("validate " CRITERIA " " SAMPLE, out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_36_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, SAMPLE ": valid assessment of \"skhdt\""));
	ASSERT_EQ(run("validate --strict --lang en " CRITERIA " " SAMPLE, out, sizeof out, err,
	              sizeof err), 1);
	ASSERT_STR(err, W_36_EN);
	ASSERT_EQ(run("score " CRITERIA " " SAMPLE, out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_36_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Tổng điểm:        70,00/100\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Nhóm 3. Cải cách thủ tục hành chính"));
	ASSERT_EQ(run("score " CRITERIA " " SAMPLE " --lang en --format json", out, sizeof out, err,
	              sizeof err), 0);
	ASSERT_STR(err, W_36_EN);
	ASSERT_EQ(run("score " CRITERIA " " SAMPLE " --strict", out, sizeof out, err, sizeof err), 1);
	ASSERT_STR(err, W_36_VI);
	ASSERT_STR(out, "");
	ASSERT_EQ(run("rank " CRITERIA " samples/hue-2018/so", out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_36_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "18/21  Sở Kế hoạch và Đầu tư"));
	ASSERT_EQ(run("rank --lang en " CRITERIA " criteria/hue-huyen-2018.xml samples/hue-2018",
	              out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_36_EN);

	/* validate: the warnings (in Vietnamese by default), exit 0; --strict exit 1 */
	ASSERT_EQ(run("validate " CRITERIA " " LISTED, out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_TOTAL_VI W_GROUP_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, LISTED ": valid assessment of \"skhdt\""));
	ASSERT_EQ(run("validate --lang en --strict " CRITERIA " " LISTED, out, sizeof out, err,
	              sizeof err), 1);
	ASSERT_STR(err, W_TOTAL_EN W_GROUP_EN);
	ASSERT_EQ(run("validate --format json " CRITERIA " " LISTED, out, sizeof out, err, sizeof err),
	          2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "it takes no --format or -o"));

	/* score: the table on stdout as ever, the warnings on stderr */
	ASSERT_EQ(run("score " CRITERIA " " LISTED, out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_TOTAL_VI W_GROUP_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "70,50/100"));
	ASSERT_EQ(run("score " CRITERIA " " LISTED " --lang en", out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_TOTAL_EN W_GROUP_EN);
	/* --strict: exit 1 and nothing written */
	remove(OUT);
	ASSERT_EQ(run("score " CRITERIA " " LISTED " --strict -o " OUT, out, sizeof out, err,
	              sizeof err), 1);
	ASSERT_STR(err, W_TOTAL_VI W_GROUP_VI);
	FILE *f = fopen(OUT, "r");
	CU_ASSERT_PTR_NULL(f);
	if (f)
		fclose(f);

	/* rank: the other 20 departments and the transcription; 70,50 still ranks 18th */
	ASSERT_EQ(run("rank " CRITERIA " " OTHERS " " LISTED " --format csv",
	              out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, W_TOTAL_VI W_GROUP_VI);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "so-nganh,18,21,skhdt,"));
	/* --strict over the samples: exit 1, nothing written */
	remove(OUT);
	ASSERT_EQ(run("rank --strict " CRITERIA " samples/hue-2018/so -o " OUT, out, sizeof out, err,
	              sizeof err), 1);
	ASSERT_STR(err, W_36_VI);
	f = fopen(OUT, "r");
	CU_ASSERT_PTR_NULL(f);
	if (f)
		fclose(f);
	remove(LISTED);
}

/* A published rank that differs, from rank only, and in a bundle at the member's lines. */
static void test_cli_rank_bundle(void)
{
	static char out[1 << 16], err[8192];
	char *text = replace(sample, "rank=\"18\"", "rank=\"17\"");
	/* the bundle: the sample's <assessment> element after one line of its own */
	const char *member = strstr(text, "<assessment ");
	CU_ASSERT_PTR_NOT_NULL_FATAL(member);
	long skipped = 0;
	for (const char *c = text; c < member; c++)
		skipped += *c == '\n';
	char *bundle = malloc(strlen(member) + 128);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bundle);
	snprintf(bundle, strlen(member) + 128, "<assessments xmlns=\"urn:cchc:assessment:1\">\n%s"
	         "</assessments>\n", member);
	write_file(TMP "bundle.xml", bundle);
	/* the published rank, then criterion 3.6 (as in the sample), at the member's lines */
	long at = LINE_PUBLISHED - skipped + 1, at_36 = TEST_SKHDT_LINE_36 - skipped + 1;
	char want[2048];
	snprintf(want, sizeof want,
	         TMP "bundle.xml:%ld: warning: the published rank 17 differs from the computed rank "
	             "18/21 (block so-nganh): compare the block's assessments with the published "
	             "figures\n" TMP "bundle.xml:%ld" TEST_SKHDT_W36_EN,
	         at, at_36);
	ASSERT_EQ(run("rank " CRITERIA " " OTHERS " " TMP "bundle.xml --lang en --format json",
	              out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, want);
	/* validate and score have no ranking: the rank is left to rank */
	ASSERT_EQ(run("validate --strict " CRITERIA " " TMP "bundle.xml", out, sizeof out, err,
	              sizeof err), 1);
	snprintf(want, sizeof want, TMP "bundle.xml:%ld" TEST_SKHDT_W36_VI, at_36);
	ASSERT_STR(err, want);
	ASSERT_EQ(run("rank --strict --lang vi " CRITERIA " " OTHERS " " TMP "bundle.xml",
	              out, sizeof out, err, sizeof err), 1);
	snprintf(want, sizeof want,
	         TMP "bundle.xml:%ld: warning: thứ hạng công bố là 17 nhưng xếp hạng tính được là "
	             "18/21 (khối so-nganh): đối chiếu hồ sơ đánh giá các cơ quan trong khối với số "
	             "liệu đã công bố\n" TMP "bundle.xml:%ld" TEST_SKHDT_W36_VI,
	         at, at_36);
	ASSERT_STR(err, want);
	ASSERT_STR(out, "");
	remove(TMP "bundle.xml");
	free(bundle);
	free(text);
}

static void test_cleanup(void)
{
	cchc_criteria_free(set);
	free(sample);
	set = NULL;
	sample = NULL;
}

int main(void)
{
	static const test_case tests[] = {
		{"warnings: a severity, counted apart from errors", test_diag_severity},
		{"the sample: the plan's figures, none differs", test_sample_figures},
		{"group 3 as the plan lists it: 1,00 computed, 0,50 published", test_group_3_as_listed},
		{"criteria at any depth, after the groups", test_criteria_any_depth},
		{"rank and band, in a slimmed ranking", test_rank_and_band},
		{"figures the set cannot have are refused", test_refused},
		{"validate, score and rank warn; --strict fails", test_cli},
		{"the rank in a bundle, at the member's line", test_cli_rank_bundle},
		{"cleanup", test_cleanup},
		{NULL, NULL}};
	if (suite_init() < 0) {
		fprintf(stderr, "cannot load " CRITERIA " or " SAMPLE "\n");
		return 1;
	}
	return test_run_suite("published figures", tests);
}
