/* The reference says what the code does: each statement of criteria/README.md
 * (and reports/README.md) that once disagreed with the code, checked here
 * against the engine: the self-claimed total, bands and ranks of a shrunk
 * max, what passes down the tree, the nesting limit, the validation rules,
 * the self-check bound, one cause per lost point and the "chênh lệch". */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/report.h"

/* Line 1 of every inline set; %s is the rest of the root's attributes,
 * then the body (bands, self-check, groups). */
#define SET_XML                                                                               \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" %s>\n%s" \
	"</criteria-set>\n"

/* An assessment of set "t" for 2018 by agency %s; %s is the items. */
#define ASSESSMENT_XML                                                                        \
	"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"       \
	"<agency id=\"%s\" name=\"%s\"/>\n"                                                       \
	"%s\n"                                                                                    \
	"</assessment>\n"

static cchc_criteria *set_of(const char *attrs, const char *body)
{
	char xml[16384];
	cchc_diag *diag = NULL;
	snprintf(xml, sizeof xml, SET_XML, attrs, body);
	cchc_criteria *set = test_criteria(xml, &diag);
	if (!set)
		fprintf(stderr, "\n    set refused:\n%s", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL(set);
	cchc_diag_free(diag);
	return set;
}

/* The diagnostics of a set that must be refused (the caller frees them). */
static cchc_diag *set_refused(const char *attrs, const char *body)
{
	char xml[16384];
	cchc_diag *diag = NULL;
	snprintf(xml, sizeof xml, SET_XML, attrs, body);
	cchc_criteria *set = test_criteria(xml, &diag);
	CU_ASSERT_PTR_NULL(set);
	cchc_criteria_free(set);
	return diag;
}

typedef struct {
	cchc_assessment *a;
	cchc_score *s;
} scored;

static scored score_of(const cchc_criteria *set, const char *agency, const char *items)
{
	char xml[16384];
	cchc_diag *diag = NULL;
	scored r = {NULL, NULL};
	snprintf(xml, sizeof xml, ASSESSMENT_XML, agency, agency, items);
	r.a = test_assessment(set, xml, &diag);
	if (!r.a)
		fprintf(stderr, "\n    assessment refused:\n%s", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL(r.a);
	cchc_diag_free(diag);
	if (r.a)
		CU_ASSERT_EQUAL(cchc_score_compute(&r.s, r.a), 0);
	return r;
}

static void scored_free(scored *r)
{
	cchc_score_free(r->s);
	cchc_assessment_free(r->a);
	r->s = NULL;
	r->a = NULL;
}

/* The diagnostics of an assessment that must be refused. */
static cchc_diag *assessment_refused(const cchc_criteria *set, const char *items)
{
	char xml[16384];
	cchc_diag *diag = NULL;
	snprintf(xml, sizeof xml, ASSESSMENT_XML, "a", "A", items);
	cchc_assessment *a = test_assessment(set, xml, &diag);
	CU_ASSERT_PTR_NULL(a);
	cchc_assessment_free(a);
	return diag;
}

static const cchc_node_score *node(const scored *r, const char *id)
{
	const cchc_node *n = cchc_criteria_find(r->s->set, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	return cchc_score_node(r->s, n);
}

/* The leaf's reason as the reports word it, in Vietnamese (static buffer). */
static const char *reason_vi(const scored *r, const char *id)
{
	static char text[1024];
	cchc_buf b;
	cchc_buf_init(&b, 1 << 16);
	const cchc_node *n = cchc_criteria_find(r->s->set, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	CU_ASSERT_EQUAL(cchc_reason_format(&b, n, cchc_score_node(r->s, n), CCHC_LANG_VI), 0);
	snprintf(text, sizeof text, "%s", b.data ? b.data : "");
	cchc_buf_dispose(&b);
	return text;
}

#define BANDS "<bands><band label=\"A\" min=\"8\"/><band label=\"B\" min=\"0\"/></bands>\n"
#define YES_NO(id, max) \
	"<criterion id=\"" id "\" title=\"" id "\" max=\"" max "\"><rule kind=\"yes-no\"/></criterion>\n"

/* ------------------------------------------------- the self-claimed total */

/* "claims in a bonus group are capped at the group's max, in a penalty group
 * floored at its min; the self-check compares those" */
static void test_self_total_built_like_total(void)
{
	cchc_criteria *set = set_of(
		"max=\"10\"",
		BANDS "<self-check tolerance=\"0\" penalty=\"1\"/>\n"
		"<group id=\"G\" title=\"G\" max=\"10\">\n" YES_NO("a", "10") "</group>\n"
		"<group id=\"B\" title=\"B\" kind=\"bonus\" max=\"1\">\n" YES_NO("b1", "1") YES_NO("b2", "1")
		"</group>\n"
		"<group id=\"P\" title=\"P\" kind=\"penalty\" min=\"-1\">\n"
		"<criterion id=\"p1\" title=\"p1\" min=\"-1\"><rule kind=\"yes-no\"/></criterion>\n"
		"<criterion id=\"p2\" title=\"p2\" min=\"-1\"><rule kind=\"yes-no\"/></criterion>\n"
		"</group>\n");
	if (!set)
		return;
	/* claimed 10 + 2 bonus − 2 penalty; granted the same, both capped and floored:
	 * 10 + 1 − 1 = 10 on either side, so a tolerance of 0 deducts nothing */
	scored r = score_of(set, "a",
	                    "<item criterion=\"a\" met=\"true\" self=\"10\"/>\n"
	                    "<item criterion=\"b1\" met=\"true\" self=\"1\"/>\n"
	                    "<item criterion=\"b2\" met=\"true\" self=\"1\"/>\n"
	                    "<item criterion=\"p1\" met=\"true\" self=\"-1\"/>\n"
	                    "<item criterion=\"p2\" met=\"true\" self=\"-1\"/>");
	if (r.s) {
		ASSERT_EQ(node(&r, "B")->self, 100);
		ASSERT_EQ(node(&r, "P")->self, -100);
		ASSERT_EQ(r.s->bonus, 100);
		ASSERT_EQ(r.s->penalty, -100);
		ASSERT_EQ(r.s->self_total, 1000);
		ASSERT_EQ(r.s->self_check, 0);
		ASSERT_EQ(r.s->total, 1000);
		ASSERT_EQ(cchc_score_self_deviation(r.s), 0);
	}
	scored_free(&r);
	/* one bonus point claimed and not granted: 11 against 10, over a 0 tolerance */
	r = score_of(set, "a",
	             "<item criterion=\"a\" met=\"true\" self=\"10\"/>\n"
	             "<item criterion=\"b1\" met=\"false\" self=\"1\"/>");
	if (r.s) {
		ASSERT_EQ(r.s->self_total, 1100);
		ASSERT_EQ(r.s->self_check, -100);
		ASSERT_EQ(r.s->total, 900);
		/* "chênh lệch": self minus final, after the deduction */
		ASSERT_EQ(cchc_score_self_deviation(r.s), 200);
	}
	scored_free(&r);
	cchc_criteria_free(set);
}

/* ----------------------------------------------- bands and ranks of a shrunk max */

#define NA_SET BANDS "<group id=\"G\" title=\"G\" max=\"10\">\n" YES_NO("a", "5") YES_NO("b", "5") "</group>\n"

/* "an agency whose max shrank (N/A, no survey) is banded by its index" */
static void test_band_by_index(void)
{
	cchc_criteria *set = set_of("max=\"10\"", NA_SET);
	if (!set)
		return;
	/* 5 of 5 is 100 %: band A (min 8 of 10), though 5 raw points are below 8 */
	scored r = score_of(set, "x", "<item criterion=\"a\" met=\"true\"/>\n"
	                              "<item criterion=\"b\" na=\"true\"/>");
	if (r.s) {
		ASSERT_EQ(r.s->total, 500);
		ASSERT_EQ(r.s->max, 500);
		ASSERT_EQ(r.s->index, 10000);
		CU_ASSERT_PTR_NOT_NULL_FATAL(r.s->band);
		ASSERT_STR(r.s->band->label, "A");
	}
	scored_free(&r);
	/* 5 of 10 is 50 %: band B */
	r = score_of(set, "y", "<item criterion=\"a\" met=\"true\"/>\n"
	                       "<item criterion=\"b\" met=\"false\"/>");
	if (r.s) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(r.s->band);
		ASSERT_STR(r.s->band->label, "B");
	}
	scored_free(&r);
	cchc_criteria_free(set);
}

/* "ranks compare shares of max; gaps are expressed on the set's scale" */
static void test_ranks_on_shares(void)
{
	cchc_criteria *set = set_of("max=\"10\"", NA_SET);
	if (!set)
		return;
	scored r[3];
	r[0] = score_of(set, "x", "<item criterion=\"a\" met=\"true\"/>\n" /* 5/5 */
	                          "<item criterion=\"b\" na=\"true\"/>");
	r[1] = score_of(set, "y", "<item criterion=\"a\" met=\"true\"/>\n" /* 10/10 */
	                          "<item criterion=\"b\" met=\"true\"/>");
	r[2] = score_of(set, "z", "<item criterion=\"a\" met=\"true\"/>\n" /* 5/10 */
	                          "<item criterion=\"b\" met=\"false\"/>");
	const cchc_score *scores[3] = {r[0].s, r[1].s, r[2].s};
	cchc_ranking *ranking = NULL;
	cchc_diag *d = cchc_diag_new();
	if (r[0].s && r[1].s && r[2].s && cchc_ranking_build(&ranking, scores, 3, d) == 0) {
		const cchc_block *b = &ranking->blocks[0];
		ASSERT_EQ(b->n, 3);
		/* x (5 of 5) ties y (10 of 10) at 100 %, ahead of z (5 of 10) */
		ASSERT_STR(cchc_assessment_agency_id(b->entries[0].score->assessment), "x");
		ASSERT_EQ(b->entries[0].rank, 1);
		ASSERT_EQ(b->entries[1].rank, 1);
		ASSERT_EQ(b->entries[2].rank, 3);
		/* x's 5 of 5 is 10 on the set's scale: no gap to the top, 5 over z */
		ASSERT_EQ(b->entries[0].gap_top, 0);
		ASSERT_EQ(b->entries[0].gap_bottom, 500);
		ASSERT_EQ(b->entries[2].gap_top, 500);
		ASSERT_EQ(b->entries[2].gap_above, 500);
	} else {
		CU_FAIL("ranking refused");
	}
	cchc_ranking_free(ranking);
	cchc_diag_free(d);
	for (size_t i = 0; i < 3; i++)
		scored_free(&r[i]);
	cchc_criteria_free(set);
}

/* ------------------------------------------------------ what passes down */

/* "a parent criterion's na and require-docs pass down to its children" */
static void test_parent_attributes_pass_down(void)
{
	cchc_criteria *set = set_of(
		"max=\"2\" na=\"exclude\" require-docs=\"false\"",
		BANDS "<group id=\"G\" title=\"G\" max=\"2\">\n"
		"<criterion id=\"c\" title=\"c\" max=\"2\" na=\"award\" require-docs=\"true\">\n"
		"<criterion id=\"c.1\" title=\"c.1\" max=\"1\"><criterion id=\"c.1.1\" title=\"c.1.1\" "
		"max=\"1\"><rule kind=\"yes-no\"/></criterion></criterion>\n" YES_NO("c.2", "1")
		"</criterion>\n</group>\n");
	if (!set)
		return;
	const cchc_node *grandchild = cchc_criteria_find(set, "c.1.1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(grandchild);
	ASSERT_EQ(grandchild->na, CCHC_NA_AWARD);
	ASSERT_EQ(grandchild->require_docs, 1);
	/* N/A awarded full points, not excluded; a claim with no document earns 0 */
	scored r = score_of(set, "a", "<item criterion=\"c.1.1\" na=\"true\"/>\n"
	                              "<item criterion=\"c.2\" met=\"true\" self=\"1\"/>");
	if (r.s) {
		ASSERT_EQ(node(&r, "c.1.1")->points, 100);
		ASSERT_EQ(node(&r, "c.1.1")->excluded, 0);
		ASSERT_EQ(node(&r, "c.2")->points, 0);
		ASSERT_EQ(node(&r, "c.2")->cause, CCHC_CAUSE_UNDOCUMENTED);
		ASSERT_EQ(r.s->max, 200);
	}
	scored_free(&r);
	cchc_criteria_free(set);
}

/* "criteria nest at most 16 levels" (the group is level 0) */
static void test_nesting_limit(void)
{
	for (int levels = 16; levels <= 17; levels++) {
		char body[8192];
		size_t n = (size_t)snprintf(body, sizeof body, "%s<group id=\"G\" title=\"G\" max=\"1\">\n",
		                            BANDS);
		for (int i = 1; i <= levels; i++)
			n += (size_t)snprintf(body + n, sizeof body - n,
			                      "<criterion id=\"d%d\" title=\"d\" max=\"1\">\n", i);
		n += (size_t)snprintf(body + n, sizeof body - n, "<rule kind=\"yes-no\"/>\n");
		for (int i = 1; i <= levels; i++)
			n += (size_t)snprintf(body + n, sizeof body - n, "</criterion>\n");
		snprintf(body + n, sizeof body - n, "</group>\n");
		if (levels == 16) {
			cchc_criteria *set = set_of("max=\"1\"", body);
			CU_ASSERT_PTR_NOT_NULL(cchc_criteria_find(set, "d16"));
			cchc_criteria_free(set);
		} else {
			/* line 1 the root, 2 the bands, 3 the group, 3 + i criterion d(i) */
			cchc_diag *d = set_refused("max=\"1\"", body);
			test_expect_diag(d, 0, "test-criteria.xml", 20,
			                 "criterion \"d17\" is nested 17 levels deep: at most 16 are supported");
			cchc_diag_free(d);
		}
	}
}

/* ------------------------------------------------------ validation rules */

/* "grade points in whole hundredths" */
static void test_grade_whole_hundredths(void)
{
	cchc_diag *d = set_refused(
		"max=\"1\"",
		BANDS "<group id=\"G\" title=\"G\" max=\"1\">\n"
		"<criterion id=\"c\" title=\"c\" max=\"1\">\n"
		"<rule kind=\"grade\"><grade id=\"A\" label=\"A\" share=\"100\"/>"
		"<grade id=\"B\" label=\"B\" share=\"12.5\"/></rule>\n" /* 0,125 points: line 5 */
		"</criterion>\n</group>\n");
	test_expect_diag(d, 0, "test-criteria.xml", 5,
	                 "criterion \"c\": grade \"B\" (12.5 % of the max) is not a multiple of 0,01 "
	                 "points");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);
}

#define EVIDENCE_SET                                                                          \
	BANDS "<group id=\"G\" title=\"G\" max=\"4\">\n"                                          \
	"<criterion id=\"v\" title=\"v\" max=\"2\"><rule kind=\"linear\" unit=\"%\" from=\"0\" "  \
	"to=\"100\"/></criterion>\n"                                                              \
	"<criterion id=\"r\" title=\"r\" max=\"2\"><rule kind=\"ratio\"/></criterion>\n"          \
	"</group>\n"                                                                              \
	"<group id=\"S\" title=\"S\" max=\"4\" source=\"survey\">\n"                              \
	"<criterion id=\"m\" title=\"m\" max=\"2\"><rule kind=\"scale\" from=\"1\" to=\"5\"/>"   \
	"</criterion>\n"                                                                          \
	"<criterion id=\"o\" title=\"o\" max=\"2\"><rule kind=\"scale\"><option id=\"y\" "        \
	"label=\"y\" weight=\"100\"/><option id=\"n\" label=\"n\" weight=\"0\"/></rule>"          \
	"</criterion>\n"                                                                          \
	"</group>\n"

/* "unit="%" values 0–100, a survey mean within its scale, answer counts not
 * all zero, numerator ≤ denominator": each on its own line (line 3 on) */
static void test_evidence_rules(void)
{
	cchc_criteria *set = set_of("max=\"8\"", EVIDENCE_SET);
	if (!set)
		return;
	cchc_diag *d = assessment_refused(
		set, "<item criterion=\"v\" value=\"100.5\"/>\n"
		     "<item criterion=\"r\" numerator=\"5\" denominator=\"4\"/>\n"
		     "<survey criterion=\"m\" respondents=\"10\" mean=\"5.5\" sd=\"1\"/>\n"
		     "<survey criterion=\"o\"><answer option=\"y\" count=\"0\"/>"
		     "<answer option=\"n\" count=\"0\"/></survey>");
	test_expect_diag(d, 0, "test-assessment.xml", 3,
	                 "<item criterion=\"v\">: value is a percentage: give 0 to 100");
	test_expect_diag(d, 1, "test-assessment.xml", 4,
	                 "<item criterion=\"r\">: numerator 5 is larger than denominator 4");
	test_expect_diag(d, 2, "test-assessment.xml", 5,
	                 "<survey criterion=\"m\">: mean is outside the scale of the rule");
	test_expect_diag(d, 3, "test-assessment.xml", 6,
	                 "<survey criterion=\"o\">: no answers counted");
	ASSERT_EQ(cchc_diag_count(d), 4);
	cchc_diag_free(d);
	/* the bounds themselves are fine */
	scored r = score_of(set, "a",
	                    "<item criterion=\"v\" value=\"100\"/>\n"
	                    "<item criterion=\"r\" numerator=\"4\" denominator=\"4\"/>\n"
	                    "<survey criterion=\"m\" respondents=\"10\" mean=\"5\" sd=\"1\"/>\n"
	                    "<survey criterion=\"o\"><answer option=\"n\" count=\"1\"/></survey>");
	if (r.s)
		ASSERT_EQ(r.s->total, 600);
	scored_free(&r);
	cchc_criteria_free(set);
}

/* "a <self-check penalty> is at most a tenth of the set's max" */
static void test_self_check_bound(void)
{
#define PENALTY_SET(p)                                                                        \
	BANDS "<self-check tolerance=\"10\" penalty=\"" p "\"/>\n"                                 \
	      "<group id=\"G\" title=\"G\" max=\"27\">\n" YES_NO("a", "27") "</group>\n"
	/* the case: 1000 points on a 27-point set gave a total of −979,34 */
	cchc_diag *d = set_refused("max=\"27\"", PENALTY_SET("1000"));
	test_expect_diag(d, 0, "test-criteria.xml", 3,
	                 "<self-check> penalty=\"1000.00\" is more than a tenth of the set's max "
	                 "27.00: give at most 2.70");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);
	d = set_refused("max=\"27\"", PENALTY_SET("2.71"));
	ASSERT_DIAG(d, 3, "penalty=\"2.71\" is more than a tenth");
	cchc_diag_free(d);
	cchc_criteria *set = set_of("max=\"27\"", PENALTY_SET("2.7"));
	cchc_points tolerance = 0, penalty = 0;
	CU_ASSERT(cchc_criteria_self_check(set, &tolerance, &penalty));
	ASSERT_EQ(penalty, 270);
	cchc_criteria_free(set);
}

/* ------------------------------------------------------ one cause per lost point */

#define CAUSE_SET                                                                             \
	BANDS "<group id=\"G\" title=\"G\" max=\"8\">\n" YES_NO("y", "1")                         \
	"<criterion id=\"g\" title=\"g\" max=\"1\"><rule kind=\"grade\"><grade id=\"A\" "         \
	"label=\"Tốt\" share=\"100\"/><grade id=\"Z\" label=\"Không đạt\" share=\"0\"/></rule>"   \
	"</criterion>\n"                                                                          \
	"<criterion id=\"j\" title=\"j\" max=\"1\"><rule kind=\"judged\"/></criterion>\n"         \
	"<criterion id=\"r\" title=\"r\" max=\"1\"><rule kind=\"ratio\" if-none=\"zero\"/>"       \
	"</criterion>\n"                                                                          \
	"<criterion id=\"t\" title=\"t\" max=\"1\"><rule kind=\"tiers\" unit=\"%\"><tier "        \
	"min=\"50\" points=\"1\"/></rule></criterion>\n"                                          \
	"<criterion id=\"n\" title=\"n\" max=\"1\"><rule kind=\"per-item\" points=\"1\"/>"        \
	"</criterion>\n" YES_NO("u", "1") YES_NO("none", "1") "</group>\n"                        \
	"<group id=\"S\" title=\"S\" max=\"2\" source=\"survey\">\n"                              \
	"<criterion id=\"s\" title=\"s\" max=\"2\"><rule kind=\"scale\" from=\"1\" to=\"5\"/>"   \
	"</criterion>\n</group>\n"

/* "not-done" is evidence that nothing was done; any result a rule measured
 * below the top is "partial", at 0 points too; a council cut is "appraisal"
 * with the council's reason, in a survey group and on an undocumented claim. */
static void test_one_cause_per_lost_point(void)
{
	cchc_criteria *set = set_of("max=\"10\"", CAUSE_SET);
	if (!set)
		return;
	scored r = score_of(
		set, "a",
		"<item criterion=\"y\" met=\"false\"/>\n"
		"<item criterion=\"g\" grade=\"Z\"/>\n"
		"<item criterion=\"j\" points=\"0\"/>\n"
		"<item criterion=\"r\" numerator=\"0\" denominator=\"0\"/>\n"
		"<item criterion=\"t\" value=\"10\"/>\n"
		"<item criterion=\"n\" count=\"0\"/>\n"
		"<item criterion=\"u\" met=\"true\" self=\"1\"/>\n"
		"<appraisal criterion=\"u\" points=\"0\" reason=\"Không có quyết định công nhận\"/>\n"
		"<survey criterion=\"s\" respondents=\"100\" mean=\"5\" sd=\"0.5\"/>\n"
		"<appraisal criterion=\"s\" round=\"2\" points=\"1\" by=\"Tổ thẩm định\" "
		"reason=\"Phiếu khảo sát không hợp lệ\"/>");
	if (r.s) {
		static const struct {
			const char *id;
			cchc_cause cause;
		} want[] = {
			{"y", CCHC_CAUSE_NOT_DONE}, {"g", CCHC_CAUSE_PARTIAL},   {"j", CCHC_CAUSE_PARTIAL},
			{"r", CCHC_CAUSE_PARTIAL},  {"t", CCHC_CAUSE_PARTIAL},   {"n", CCHC_CAUSE_NOT_DONE},
			{"u", CCHC_CAUSE_APPRAISAL}, {"none", CCHC_CAUSE_NOT_DONE}, {"s", CCHC_CAUSE_APPRAISAL},
		};
		for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
			const cchc_node_score *ns = node(&r, want[i].id);
			if (ns->cause != want[i].cause)
				fprintf(stderr, "\n    leaf %s: cause %s, expected %s\n", want[i].id,
				        cchc_cause_name(ns->cause), cchc_cause_name(want[i].cause));
			ASSERT_EQ(ns->cause, want[i].cause);
			ASSERT_EQ(ns->points, want[i].id[0] == 's' ? 100 : 0);
		}
		ASSERT_STR(reason_vi(&r, "u"),
		           "Hội đồng thẩm định: Không có quyết định công nhận (vòng 1)");
		ASSERT_STR(reason_vi(&r, "s"), "Tổ thẩm định: Phiếu khảo sát không hợp lệ (vòng 2)");
		ASSERT_STR(reason_vi(&r, "g"), "được xếp mức “Không đạt”");
	}
	scored_free(&r);
	/* the survey's own shortfall, and an undocumented claim nobody appraised */
	r = score_of(set, "b",
	             "<item criterion=\"u\" met=\"false\" self=\"1\"/>\n"
	             "<survey criterion=\"s\" respondents=\"100\" mean=\"3\" sd=\"0.5\"/>");
	if (r.s) {
		ASSERT_EQ(node(&r, "u")->cause, CCHC_CAUSE_UNDOCUMENTED);
		ASSERT_EQ(node(&r, "s")->cause, CCHC_CAUSE_SURVEY);
		ASSERT_EQ(node(&r, "s")->points, 100);
	}
	scored_free(&r);
	cchc_criteria_free(set);
}

/* The labels are the plans' wording, the JSON names a stable contract. */
static void test_cause_words(void)
{
	static const struct {
		cchc_cause cause;
		const char *name, *vi, *en;
	} words[] = {
		{CCHC_CAUSE_LATE, "late", "Có thực hiện nhưng chậm so với thời gian quy định",
		 "Done, but later than required"},
		{CCHC_CAUSE_UNDOCUMENTED, "undocumented", "Có thực hiện nhưng không có tài liệu kiểm chứng",
		 "Done, but with no supporting document"},
		{CCHC_CAUSE_PARTIAL, "partial", "Thực hiện chưa đầy đủ, đạt chưa cao",
		 "Done incompletely or below target"},
		{CCHC_CAUSE_NOT_DONE, "not-done", "Chưa thực hiện", "Not done"},
		{CCHC_CAUSE_APPRAISAL, "appraisal", "Hội đồng thẩm định trừ điểm",
		 "Cut by the appraisal council"},
		{CCHC_CAUSE_SURVEY, "survey", "Điều tra xã hội học", "Sociological survey"},
		{CCHC_CAUSE_PENALTY, "penalty", "Điểm trừ", "Penalty"},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		ASSERT_STR(cchc_cause_name(words[i].cause), words[i].name);
		ASSERT_STR(cchc_cause_label(words[i].cause, CCHC_LANG_VI), words[i].vi);
		ASSERT_STR(cchc_cause_label(words[i].cause, CCHC_LANG_EN), words[i].en);
	}
}

int main(void)
{
	static const test_case tests[] = {
		{"the self-claimed total is capped and floored like the final one", test_self_total_built_like_total},
		{"a shrunk max is banded by its index", test_band_by_index},
		{"ranks compare shares of max, gaps on the set's scale", test_ranks_on_shares},
		{"a parent's na and require-docs pass down", test_parent_attributes_pass_down},
		{"criteria nest at most 16 levels", test_nesting_limit},
		{"grade points in whole hundredths", test_grade_whole_hundredths},
		{"percent values, survey means, answer counts, numerator and denominator", test_evidence_rules},
		{"the self-check penalty is at most a tenth of the set's max", test_self_check_bound},
		{"one cause per lost point", test_one_cause_per_lost_point},
		{"cause labels are the plans' wording, names stable", test_cause_words},
		{NULL, NULL},
	};
	return test_run_suite("reference", tests);
}
