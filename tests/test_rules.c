/* Every rule kind at and around its boundaries, and the totals: points are
 * integer hundredths (8,25 points == 825), every expected value computed by
 * hand in the comment beside it. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

/* A set with one scored group "G" holding one leaf "c" of the given max. */
#define LEAF_SET                                                                              \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"%s\">\n"                                                                           \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                          \
	"<group id=\"G\" title=\"G\" max=\"%s\">\n"                                               \
	"<criterion id=\"c\" title=\"C\" max=\"%s\">%s</criterion>\n"                             \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

/* An assessment of set "t" for 2018; %s is the items. */
#define ASSESSMENT                                                                            \
	"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"       \
	"<agency id=\"a\" name=\"A\"/>\n"                                                         \
	"%s\n"                                                                                    \
	"</assessment>\n"

typedef struct {
	cchc_criteria *set;
	cchc_assessment *a;
	cchc_score *score;
} fixture;

static void fx_free(fixture *fx)
{
	cchc_score_free(fx->score);
	cchc_assessment_free(fx->a);
	cchc_criteria_free(fx->set);
	memset(fx, 0, sizeof *fx);
}

/* Load a set and an assessment (items inserted in ASSESSMENT) and score it. */
static int fx_load(fixture *fx, const char *set_xml, const char *items)
{
	cchc_diag *diag = NULL;
	char buf[16384];
	memset(fx, 0, sizeof *fx);
	fx->set = test_criteria(set_xml, &diag);
	if (!fx->set) {
		fprintf(stderr, "\n    criteria set refused:\n%s", test_diag_text(diag));
		cchc_diag_free(diag);
		return -1;
	}
	cchc_diag_free(diag);
	if ((size_t)snprintf(buf, sizeof buf, ASSESSMENT, items) >= sizeof buf)
		return -1;
	fx->a = test_assessment(fx->set, buf, &diag);
	if (!fx->a) {
		fprintf(stderr, "\n    assessment refused:\n%s", test_diag_text(diag));
		cchc_diag_free(diag);
		return -1;
	}
	cchc_diag_free(diag);
	if (cchc_score_compute(&fx->score, fx->a) != 0 || !fx->score)
		return -1;
	return 0;
}

/* Score one leaf "c" of max `max` under `rule`; NULL (and a failed assert) when
 * the inputs are refused. */
static const cchc_node_score *leaf(fixture *fx, const char *max, const char *rule,
                                   const char *items)
{
	char set[8192];
	if ((size_t)snprintf(set, sizeof set, LEAF_SET, max, max, max, rule) >= sizeof set) {
		CU_FAIL("set buffer too small");
		return NULL;
	}
	if (fx_load(fx, set, items) < 0) {
		fx_free(fx);
		CU_FAIL("inputs refused");
		return NULL;
	}
	return cchc_score_node(fx->score, cchc_criteria_find(fx->set, "c"));
}

static const cchc_node_score *node(const fixture *fx, const char *id)
{
	const cchc_node *n = cchc_criteria_find(fx->set, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	return cchc_score_node(fx->score, n);
}

static cchc_date day(const char *text)
{
	cchc_date d = 0;
	CU_ASSERT_EQUAL(cchc_date_parse(text, &d), CCHC_NUM_OK);
	return d;
}

/* ------------------------------------------------------------------ yes-no */

static void test_yes_no(void)
{
	fixture fx;
	const char *rule = "<rule kind=\"yes-no\"/>";
	const cchc_node_score *ns = leaf(&fx, "2", rule, "<item criterion=\"c\" met=\"true\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->computed, 200);
		ASSERT_EQ(ns->max, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NONE);
		ASSERT_EQ(ns->leaves_full, 1);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" met=\"false\" note=\"Chưa làm\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NOT_MET);
		ASSERT_STR(ns->reason->note, "Chưa làm");
		ASSERT_EQ(ns->leaves_zero, 1);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ tiers */

#define TIERS_HIGHER                                                                          \
	"<rule kind=\"tiers\" unit=\"%\" better=\"higher\">"                                      \
	"<tier min=\"80\" points=\"2\"/><tier min=\"50\" points=\"1\"/>"                          \
	"<tier min=\"20\" points=\"0.5\"/></rule>"

static void test_tiers_higher(void)
{
	fixture fx;
	const cchc_node_score *ns;

	/* exactly at the top bound: min 80 ≤ 80 → 2 points */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"80\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NONE);
		fx_free(&fx);
	}
	/* a millionth below: the 50 tier, aiming at 80 for 2 points */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"79.999999\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_TIER);
		ASSERT_EQ(ns->reason->value, 79999999);
		ASSERT_EQ(ns->reason->target, 80000000);
		ASSERT_EQ(ns->reason->target_points, 200);
		ASSERT_STR(ns->reason->unit, "%");
		ASSERT_EQ(ns->leaves_partial, 1);
		fx_free(&fx);
	}
	/* above the top */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"100\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* exactly the middle bound: 50 → 1; next target 80 for 2 */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"50\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->reason->target, 80000000);
		ASSERT_EQ(ns->reason->target_points, 200);
		fx_free(&fx);
	}
	/* the lowest tier: 20 → 0.5; next target 50 for 1 */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"20\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->target, 50000000);
		ASSERT_EQ(ns->reason->target_points, 100);
		fx_free(&fx);
	}
	/* below every tier: 0 points, partial, aiming at the lowest tier (20 → 0.5) */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" value=\"19.99\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_TIER);
		ASSERT_EQ(ns->reason->value, 19990000);
		ASSERT_EQ(ns->reason->target, 20000000);
		ASSERT_EQ(ns->reason->target_points, 50);
		ASSERT_EQ(ns->leaves_zero, 1);
		fx_free(&fx);
	}
}

#define TIERS_LOWER                                                                           \
	"<rule kind=\"tiers\" unit=\"vụ\" better=\"lower\">"                                      \
	"<tier max=\"0\" points=\"1\"/><tier max=\"2\" points=\"0.5\"/></rule>"

static void test_tiers_lower(void)
{
	fixture fx;
	const cchc_node_score *ns;

	/* no violation: max */
	ns = leaf(&fx, "1", TIERS_LOWER, "<item criterion=\"c\" value=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* one violation: the ≤ 2 tier, aiming at 0 for 1 point */
	ns = leaf(&fx, "1", TIERS_LOWER, "<item criterion=\"c\" value=\"1\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_TIER);
		ASSERT_EQ(ns->reason->target, 0);
		ASSERT_EQ(ns->reason->target_points, 100);
		ASSERT_STR(ns->reason->unit, "vụ");
		fx_free(&fx);
	}
	/* exactly at the tier's max bound */
	ns = leaf(&fx, "1", TIERS_LOWER, "<item criterion=\"c\" value=\"2\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		fx_free(&fx);
	}
	/* just above it: no tier; aim at ≤ 2 for 0.5 */
	ns = leaf(&fx, "1", TIERS_LOWER, "<item criterion=\"c\" value=\"2.000001\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->value, 2000001);
		ASSERT_EQ(ns->reason->target, 2000000);
		ASSERT_EQ(ns->reason->target_points, 50);
		fx_free(&fx);
	}
	/* just above 0: the second tier */
	ns = leaf(&fx, "1", TIERS_LOWER, "<item criterion=\"c\" value=\"0.000001\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ linear */

static void test_linear(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"linear\" from=\"0\" to=\"100\" step=\"0.25\"/>";

	/* 1 × 74/100 = 0.74 → rounded down to 0.25: 0.5 */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"74\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_LINEAR);
		ASSERT_EQ(ns->reason->value, 74000000);
		ASSERT_EQ(ns->reason->target, 100000000);
		ASSERT_EQ(ns->reason->target_points, 100);
		fx_free(&fx);
	}
	/* 0.75 exactly is a step: kept */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"75\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 75);
		fx_free(&fx);
	}
	/* 0.24999999 → 0 (not rounded up to 0.25) */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"24.999999\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		fx_free(&fx);
	}
	/* 99.99 → 0.9999 → 0.75 */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"99.99\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 75);
		fx_free(&fx);
	}
	/* at `to` → max */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"100\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* above `to`: clamped to max */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"150\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* below `from`: clamped to 0 */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" value=\"-10\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->value, -10000000);
		fx_free(&fx);
	}
}

static void test_linear_decreasing(void)
{
	fixture fx;
	const cchc_node_score *ns;
	/* fewer days is better: 30 days → 0, 0 days → 2 points */
	const char *rule = "<rule kind=\"linear\" from=\"30\" to=\"0\" unit=\"ngày\"/>";

	/* (15 − 30)/(0 − 30) = 0.5 → 1 point */
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"15\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->target, 0);
		ASSERT_STR(ns->reason->unit, "ngày");
		fx_free(&fx);
	}
	/* 20/30 × 2 = 1.333 → 1.25 (default step 0.25) */
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"10\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 125);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* better than `to` → clamped at max; worse than `from` → 0 */
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"-5\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"40\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" value=\"30\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ per-item */

static void test_per_item(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"per-item\" points=\"0.25\" unit=\"sáng kiến\"/>";

	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" count=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_COUNT_ZERO);
		ASSERT_EQ(ns->reason->count, 0);
		fx_free(&fx);
	}
	/* one item: 0.25, 4 items needed for the max */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" count=\"1\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 25);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_COUNT);
		ASSERT_EQ(ns->reason->count, 1);
		ASSERT_EQ(ns->reason->target, 4000000);
		ASSERT_EQ(ns->reason->target_points, 100);
		ASSERT_STR(ns->reason->unit, "sáng kiến");
		fx_free(&fx);
	}
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" count=\"3\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 75);
		fx_free(&fx);
	}
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" count=\"4\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* more than enough: capped at the max */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" count=\"999999999\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* points not dividing the max: 0.3 each, ⌈1/0.3⌉ = 4 items for the max */
	ns = leaf(&fx, "1", "<rule kind=\"per-item\" points=\"0.3\"/>",
	          "<item criterion=\"c\" count=\"3\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 90);
		ASSERT_EQ(ns->reason->target, 4000000);
		fx_free(&fx);
	}
	ns = leaf(&fx, "1", "<rule kind=\"per-item\" points=\"0.3\"/>",
	          "<item criterion=\"c\" count=\"4\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ deadline */

static void test_deadline(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"10\" "
	                   "grace-points=\"0.25\" late-points=\"0.1\"/>";

	ns = leaf(&fx, "0.5", rule, "<item criterion=\"c\" date=\"2018-01-31\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	ns = leaf(&fx, "0.5", rule, "<item criterion=\"c\" date=\"2018-01-02\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 50);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* one day late: within the grace */
	ns = leaf(&fx, "0.5", rule, "<item criterion=\"c\" date=\"2018-02-01\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 25);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_LATE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_LATE);
		ASSERT_EQ(ns->reason->days_late, 1);
		ASSERT_EQ(ns->reason->date, day("2018-02-01"));
		ASSERT_EQ(ns->reason->due, day("2018-01-31"));
		fx_free(&fx);
	}
	/* the last day of grace */
	ns = leaf(&fx, "0.5", rule, "<item criterion=\"c\" date=\"2018-02-10\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 25);
		ASSERT_EQ(ns->reason->days_late, 10);
		fx_free(&fx);
	}
	/* past the grace: late-points */
	ns = leaf(&fx, "0.5", rule, "<item criterion=\"c\" date=\"2018-02-11\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 10);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_LATE);
		ASSERT_EQ(ns->reason->days_late, 11);
		fx_free(&fx);
	}
	/* across a year end and a leap day: 2020-02-28 → 2020-03-01 is 2 days */
	ns = leaf(&fx, "0.5", "<rule kind=\"deadline\" due=\"2020-02-28\"/>",
	          "<item criterion=\"c\" date=\"2020-03-01\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_LATE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_LATE);
		ASSERT_EQ(ns->reason->days_late, 2);
		fx_free(&fx);
	}
	/* no grace band: one day late is already late-points */
	ns = leaf(&fx, "0.5", "<rule kind=\"deadline\" due=\"2018-12-31\" late-points=\"0.25\"/>",
	          "<item criterion=\"c\" date=\"2019-01-01\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 25);
		ASSERT_EQ(ns->reason->days_late, 1);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ ratio */

static void test_ratio(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"ratio\" step=\"0.25\"/>";

	/* 3 × 45/50 = 2.7 → 2.5 */
	ns = leaf(&fx, "3", rule, "<item criterion=\"c\" numerator=\"45\" denominator=\"50\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 250);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_RATIO);
		ASSERT_EQ(ns->reason->numerator, 45);
		ASSERT_EQ(ns->reason->denominator, 50);
		fx_free(&fx);
	}
	ns = leaf(&fx, "3", rule, "<item criterion=\"c\" numerator=\"50\" denominator=\"50\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 300);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	ns = leaf(&fx, "3", rule, "<item criterion=\"c\" numerator=\"0\" denominator=\"50\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_RATIO);
		fx_free(&fx);
	}
	/* 49/50 × 3 = 2.94 → 2.75 */
	ns = leaf(&fx, "3", rule, "<item criterion=\"c\" numerator=\"49\" denominator=\"50\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 275);
		fx_free(&fx);
	}
	/* nothing to count: if-none defaults to full */
	ns = leaf(&fx, "3", rule, "<item criterion=\"c\" numerator=\"0\" denominator=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 300);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	ns = leaf(&fx, "3", "<rule kind=\"ratio\" if-none=\"full\"/>",
	          "<item criterion=\"c\" numerator=\"0\" denominator=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 300);
		fx_free(&fx);
	}
	/* nothing to count under if-none="zero": a rate at 0 points, partial like any rate */
	ns = leaf(&fx, "3", "<rule kind=\"ratio\" if-none=\"zero\"/>",
	          "<item criterion=\"c\" numerator=\"0\" denominator=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_RATIO);
		ASSERT_EQ(ns->reason->denominator, 0);
		fx_free(&fx);
	}
	/* step 0.01: 2/3 × 1 = 0.6666 → 0.66 */
	ns = leaf(&fx, "1", "<rule kind=\"ratio\" step=\"0.01\"/>",
	          "<item criterion=\"c\" numerator=\"2\" denominator=\"3\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 66);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ grade */

#define GRADES                                                                                \
	"<rule kind=\"grade\">"                                                                   \
	"<grade id=\"A\" label=\"Tốt\" share=\"100\"/>"                                           \
	"<grade id=\"B\" label=\"Khá\" share=\"75\"/>"                                            \
	"<grade id=\"C\" label=\"Trung bình\" share=\"50\"/>"                                     \
	"<grade id=\"D\" label=\"Kém\" share=\"0\"/></rule>"

static void test_grade(void)
{
	fixture fx;
	const cchc_node_score *ns;

	ns = leaf(&fx, "2", GRADES, "<item criterion=\"c\" grade=\"A\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", GRADES, "<item criterion=\"c\" grade=\"B\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 150);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_GRADE);
		ASSERT_STR(ns->reason->grade, "Khá");
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", GRADES, "<item criterion=\"c\" grade=\"C\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_STR(ns->reason->grade, "Trung bình");
		fx_free(&fx);
	}
	/* share 0: graded, so done, at 0 points: partial (not-done is met="false") */
	ns = leaf(&fx, "2", GRADES, "<item criterion=\"c\" grade=\"D\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_GRADE);
		ASSERT_STR(ns->reason->grade, "Kém");
		fx_free(&fx);
	}
	/* a share with decimals: 12.5 % of 2 = 0.25 */
	ns = leaf(&fx, "2",
	          "<rule kind=\"grade\"><grade id=\"A\" label=\"a\" share=\"100\"/>"
	          "<grade id=\"B\" label=\"b\" share=\"12.5\"/></rule>",
	          "<item criterion=\"c\" grade=\"B\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 25);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ judged */

static void test_judged(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"judged\" step=\"0.25\"/>";

	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" points=\"1.75\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 175);
		ASSERT_EQ(ns->computed, 175);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_JUDGED);
		fx_free(&fx);
	}
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" points=\"2\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* judged 0: the council judged the work done, at 0 points */
	ns = leaf(&fx, "2", rule, "<item criterion=\"c\" points=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_PARTIAL);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_JUDGED);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ scale */

static void test_scale_mean(void)
{
	fixture fx;
	const cchc_node_score *ns;
	const char *rule = "<rule kind=\"scale\" from=\"1\" to=\"5\" step=\"0.01\"/>";

	/* 1 × (3.85 − 1)/(5 − 1) = 0.7125 → 0.71 */
	ns = leaf(&fx, "1", rule,
	          "<survey criterion=\"c\" respondents=\"120\" mean=\"3.85\" sd=\"0.90\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 71);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_SURVEY);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_SURVEY_MEAN);
		ASSERT_EQ(ns->reason->value, 3850000);
		ASSERT_EQ(ns->reason->target, 5000000);
		ASSERT_EQ(ns->reason->respondents, 120);
		CU_ASSERT(cchc_assessment_has_survey(fx.a));
		fx_free(&fx);
	}
	ns = leaf(&fx, "1", rule, "<survey criterion=\"c\" respondents=\"10\" mean=\"1\" sd=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_SURVEY);
		fx_free(&fx);
	}
	ns = leaf(&fx, "1", rule, "<survey criterion=\"c\" respondents=\"10\" mean=\"5\" sd=\"0\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* default step 0.01, max 38 spread on 1..5: (4.123456 − 1)/4 × 38 = 29.6728… → 29.67 */
	ns = leaf(&fx, "38", "<rule kind=\"scale\" from=\"1\" to=\"5\"/>",
	          "<survey criterion=\"c\" respondents=\"500\" mean=\"4.123456\" sd=\"1\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 2967);
		fx_free(&fx);
	}
}

#define OPTIONS                                                                               \
	"<rule kind=\"scale\">"                                                                   \
	"<option id=\"A\" label=\"Rất hài lòng\" weight=\"100\"/>"                                \
	"<option id=\"B\" label=\"Hài lòng\" weight=\"60\"/>"                                     \
	"<option id=\"C\" label=\"Bình thường\" weight=\"20\"/>"                                  \
	"<option id=\"D\" label=\"Không hài lòng\" weight=\"0\"/></rule>"

static void test_scale_options(void)
{
	fixture fx;
	const cchc_node_score *ns;

	/* (50×100 + 40×60 + 20×20 + 10×0)/120 = 7800/120 = 65 % → 2 × 0.65 = 1.30 */
	ns = leaf(&fx, "2", OPTIONS,
	          "<survey criterion=\"c\"><answer option=\"A\" count=\"50\"/>"
	          "<answer option=\"B\" count=\"40\"/><answer option=\"C\" count=\"20\"/>"
	          "<answer option=\"D\" count=\"10\"/></survey>");
	if (ns) {
		ASSERT_EQ(ns->points, 130);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_SURVEY);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_SURVEY_ANSWERS);
		ASSERT_EQ(ns->reason->value, 65000000);
		ASSERT_EQ(ns->reason->respondents, 120);
		fx_free(&fx);
	}
	/* (50×100 + 40×60 + 30×20)/120 = 8000/120 = 66.6666 % → 1.3333 → 1.33;
	 * the score 66.666666 % (millionths, rounded down) */
	ns = leaf(&fx, "2", OPTIONS,
	          "<survey criterion=\"c\"><answer option=\"A\" count=\"50\"/>"
	          "<answer option=\"B\" count=\"40\"/><answer option=\"C\" count=\"30\"/></survey>");
	if (ns) {
		ASSERT_EQ(ns->points, 133);
		ASSERT_EQ(ns->reason->value, 66666666);
		ASSERT_EQ(ns->reason->respondents, 120);
		fx_free(&fx);
	}
	/* everybody very satisfied: max */
	ns = leaf(&fx, "2", OPTIONS, "<survey criterion=\"c\"><answer option=\"A\" count=\"7\"/></survey>");
	if (ns) {
		ASSERT_EQ(ns->points, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
		fx_free(&fx);
	}
	/* nobody satisfied: 0 */
	ns = leaf(&fx, "2", OPTIONS, "<survey criterion=\"c\"><answer option=\"D\" count=\"7\"/></survey>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_SURVEY);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ not done */

static void test_not_done(void)
{
	fixture fx;
	const cchc_node_score *ns;

	/* met="false" on a tiers criterion */
	ns = leaf(&fx, "2", TIERS_HIGHER, "<item criterion=\"c\" met=\"false\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NOT_MET);
		fx_free(&fx);
	}
	/* no item at all */
	ns = leaf(&fx, "2", TIERS_HIGHER, "");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->max, 200);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NO_ITEM);
		CU_ASSERT_PTR_NULL(cchc_assessment_item(fx.a, cchc_criteria_find(fx.set, "c")));
		ASSERT_EQ(fx.score->total, 0);
		ASSERT_EQ(fx.score->index, 0);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ N/A */

#define NA_SET(policy, c2)                                                                    \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"100\" na=\"" policy "\">\n"                                                        \
	"<bands><band label=\"A\" min=\"90\"/><band label=\"B\" min=\"65\"/>"                     \
	"<band label=\"C\" min=\"0\"/></bands>\n"                                                 \
	"<group id=\"G1\" title=\"G1\" max=\"60\">\n"                                             \
	"<criterion id=\"c1\" title=\"c1\" max=\"40\"><rule kind=\"yes-no\"/></criterion>\n"      \
	"<criterion id=\"c2\" title=\"c2\" max=\"20\"" c2 "><rule kind=\"yes-no\"/></criterion>\n" \
	"</group>\n"                                                                              \
	"<group id=\"G2\" title=\"G2\" max=\"40\">\n"                                             \
	"<criterion id=\"c3\" title=\"c3\" max=\"40\"><rule kind=\"judged\"/></criterion>\n"      \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

#define NA_ITEMS                                                                              \
	"<item criterion=\"c1\" met=\"true\"/>"                                                   \
	"<item criterion=\"c2\" na=\"true\" note=\"Không có đơn vị trực thuộc\"/>"                \
	"<item criterion=\"c3\" points=\"12.5\"/>"

static void test_na_exclude(void)
{
	fixture fx;
	if (fx_load(&fx, NA_SET("exclude", ""), NA_ITEMS) < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_node_score *c2 = node(&fx, "c2"), *g1 = node(&fx, "G1");
	ASSERT_EQ(c2->na, 1);
	ASSERT_EQ(c2->excluded, 1);
	ASSERT_EQ(c2->max, 0);
	ASSERT_EQ(c2->points, 0);
	ASSERT_EQ(c2->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(g1->points, 4000);
	ASSERT_EQ(g1->max, 4000);
	ASSERT_EQ(g1->leaves_full, 1);
	ASSERT_EQ(g1->leaves_zero, 0);
	/* total 40 + 12.5 = 52.5 of 100 − 20 = 80: 65.625 % → 6563 half up */
	ASSERT_EQ(fx.score->frame, 5250);
	ASSERT_EQ(fx.score->total, 5250);
	ASSERT_EQ(fx.score->max, 8000);
	ASSERT_EQ(fx.score->index, 6563);
	/* bands on the rescaled frame: 65.625 % ≥ 65 → B */
	CU_ASSERT_PTR_NOT_NULL_FATAL(fx.score->band);
	ASSERT_STR(fx.score->band->label, "B");
	fx_free(&fx);
}

static void test_na_award(void)
{
	fixture fx;
	if (fx_load(&fx, NA_SET("award", ""), NA_ITEMS) < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_node_score *c2 = node(&fx, "c2");
	ASSERT_EQ(c2->na, 1);
	ASSERT_EQ(c2->excluded, 0);
	ASSERT_EQ(c2->max, 2000);
	ASSERT_EQ(c2->points, 2000);
	ASSERT_EQ(c2->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(fx.score->total, 7250);
	ASSERT_EQ(fx.score->max, 10000);
	ASSERT_EQ(fx.score->index, 7250);
	fx_free(&fx);

	/* a criterion's own na="award" overrides the set's "exclude" */
	if (fx_load(&fx, NA_SET("exclude", " na=\"award\""), NA_ITEMS) < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(node(&fx, "c2")->points, 2000);
	ASSERT_EQ(fx.score->max, 10000);
	ASSERT_EQ(fx.score->index, 7250);
	fx_free(&fx);
}

/* ------------------------------------------------------------------ appraisal */

static void test_appraisal_cuts(void)
{
	fixture fx;
	const cchc_node_score *ns =
		leaf(&fx, "2", TIERS_HIGHER,
		     "<item criterion=\"c\" value=\"90\" self=\"2\"><doc ref=\"BC 1/2018\"/></item>\n"
		     "<appraisal criterion=\"c\" round=\"1\" points=\"1.5\" by=\"Tổ thẩm định\" "
		     "reason=\"Thiếu số liệu\"/>\n"
		     "<appraisal criterion=\"c\" round=\"2\" points=\"1\" by=\"Hội đồng\"/>");
	if (!ns)
		return;
	ASSERT_EQ(ns->computed, 200);
	ASSERT_EQ(ns->points, 100);
	ASSERT_EQ(ns->self, 200);
	ASSERT_EQ(ns->cause, CCHC_CAUSE_APPRAISAL);
	ASSERT_EQ(ns->reason->why, CCHC_WHY_APPRAISAL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ns->reason->appraisal);
	ASSERT_EQ(ns->reason->appraisal->round, 2);
	ASSERT_EQ(ns->reason->appraisal->points, 100);
	ASSERT_STR(ns->reason->appraisal->by, "Hội đồng");
	const cchc_item *it = cchc_assessment_item(fx.a, cchc_criteria_find(fx.set, "c"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(it);
	ASSERT_EQ(it->nrounds, 2);
	ASSERT_EQ(it->rounds[0].round, 1);
	ASSERT_EQ(it->rounds[0].points, 150);
	ASSERT_STR(it->rounds[0].reason, "Thiếu số liệu");
	ASSERT_EQ(it->rounds[1].round, 2);
	ASSERT_EQ(it->rounds[1].points, 100);
	CU_ASSERT_PTR_NULL(it->rounds[1].reason);
	ASSERT_EQ(fx.score->total, 100);
	fx_free(&fx);
}

static void test_appraisal_out_of_order(void)
{
	fixture fx;
	/* round 2 is written first; it still decides */
	const cchc_node_score *ns =
		leaf(&fx, "2", TIERS_HIGHER,
		     "<item criterion=\"c\" value=\"90\"><doc ref=\"BC\"/></item>\n"
		     "<appraisal criterion=\"c\" round=\"2\" points=\"0.5\"/>\n"
		     "<appraisal criterion=\"c\" round=\"1\" points=\"1.5\"/>");
	if (!ns)
		return;
	ASSERT_EQ(ns->points, 50);
	ASSERT_EQ(ns->computed, 200);
	ASSERT_EQ(ns->cause, CCHC_CAUSE_APPRAISAL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ns->reason->appraisal);
	ASSERT_EQ(ns->reason->appraisal->round, 2);
	const cchc_item *it = cchc_assessment_item(fx.a, cchc_criteria_find(fx.set, "c"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(it);
	ASSERT_EQ(it->nrounds, 2);
	ASSERT_EQ(it->rounds[0].round, 1);
	ASSERT_EQ(it->rounds[0].points, 150);
	ASSERT_EQ(it->rounds[1].round, 2);
	ASSERT_EQ(it->rounds[1].points, 50);
	fx_free(&fx);

	/* three rounds in the order 3, 1, 2: round 3 decides */
	ns = leaf(&fx, "2", TIERS_HIGHER,
	          "<item criterion=\"c\" value=\"60\"/>\n"
	          "<appraisal criterion=\"c\" round=\"3\" points=\"2\"/>\n"
	          "<appraisal criterion=\"c\" points=\"0\"/>\n"
	          "<appraisal criterion=\"c\" round=\"2\" points=\"0.5\"/>");
	if (!ns)
		return;
	ASSERT_EQ(ns->computed, 100);
	ASSERT_EQ(ns->points, 200);
	ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
	const cchc_item *it3 = cchc_assessment_item(fx.a, cchc_criteria_find(fx.set, "c"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(it3);
	ASSERT_EQ(it3->nrounds, 3);
	ASSERT_EQ(it3->rounds[0].round, 1);
	ASSERT_EQ(it3->rounds[1].round, 2);
	ASSERT_EQ(it3->rounds[2].round, 3);
	fx_free(&fx);
}

static void test_appraisal_raises(void)
{
	fixture fx;
	/* the council grants what the rule did not: full points, no cause */
	const cchc_node_score *ns =
		leaf(&fx, "1", "<rule kind=\"yes-no\"/>",
		     "<item criterion=\"c\" met=\"false\"/>\n"
		     "<appraisal criterion=\"c\" points=\"1\"/>");
	if (!ns)
		return;
	ASSERT_EQ(ns->computed, 0);
	ASSERT_EQ(ns->points, 100);
	ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(fx.score->total, 100);
	fx_free(&fx);
}

/* ------------------------------------------------------------------ documents */

static void test_undocumented_claim(void)
{
	fixture fx;
	const char *rule = "<rule kind=\"yes-no\"/>";
	/* claimed 1, nothing to show, not granted */
	const cchc_node_score *ns =
		leaf(&fx, "1", rule, "<item criterion=\"c\" met=\"false\" self=\"1\"/>");
	if (ns) {
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->self, 100);
		ASSERT_EQ(ns->has_self, 1);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_UNDOCUMENTED);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NO_DOC);
		ASSERT_EQ(fx.score->self_total, 100);
		fx_free(&fx);
	}
	/* the same with a document: plainly not done */
	ns = leaf(&fx, "1", rule,
	          "<item criterion=\"c\" met=\"false\" self=\"1\"><doc ref=\"CV 12\"/></item>");
	if (ns) {
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NOT_MET);
		fx_free(&fx);
	}
	/* no claim: not done */
	ns = leaf(&fx, "1", rule, "<item criterion=\"c\" met=\"false\"/>");
	if (ns) {
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NOT_DONE);
		ASSERT_EQ(ns->has_self, 0);
		fx_free(&fx);
	}
}

#define DOCS_SET(set_attr, crit_attr)                                                         \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"1\"" set_attr ">\n"                                                                \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                          \
	"<group id=\"G\" title=\"G\" max=\"1\">\n"                                                \
	"<criterion id=\"c\" title=\"C\" max=\"1\"" crit_attr "><rule kind=\"yes-no\"/></criterion>\n" \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_require_docs(void)
{
	fixture fx;
	if (fx_load(&fx, DOCS_SET(" require-docs=\"true\"", ""),
	            "<item criterion=\"c\" met=\"true\" self=\"1\"/>") == 0) {
		const cchc_node_score *ns = node(&fx, "c");
		ASSERT_EQ(ns->points, 0);
		ASSERT_EQ(ns->computed, 0);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_UNDOCUMENTED);
		ASSERT_EQ(ns->reason->why, CCHC_WHY_NO_DOC);
	} else {
		CU_FAIL("inputs refused");
	}
	fx_free(&fx);

	if (fx_load(&fx, DOCS_SET(" require-docs=\"true\"", ""),
	            "<item criterion=\"c\" met=\"true\"><doc ref=\"QĐ 5\" file=\"evidence/qd-5.pdf\"/>"
	            "</item>") == 0) {
		const cchc_node_score *ns = node(&fx, "c");
		ASSERT_EQ(ns->points, 100);
		ASSERT_EQ(ns->cause, CCHC_CAUSE_NONE);
	} else {
		CU_FAIL("inputs refused");
	}
	fx_free(&fx);

	/* the criterion's own require-docs="true" under a set that does not */
	if (fx_load(&fx, DOCS_SET("", " require-docs=\"true\""),
	            "<item criterion=\"c\" met=\"true\"/>") == 0) {
		ASSERT_EQ(node(&fx, "c")->points, 0);
		ASSERT_EQ(node(&fx, "c")->cause, CCHC_CAUSE_UNDOCUMENTED);
	} else {
		CU_FAIL("inputs refused");
	}
	fx_free(&fx);

	/* ... and require-docs="false" on the criterion under a set that does */
	if (fx_load(&fx, DOCS_SET(" require-docs=\"true\"", " require-docs=\"false\""),
	            "<item criterion=\"c\" met=\"true\"/>") == 0) {
		ASSERT_EQ(node(&fx, "c")->points, 100);
	} else {
		CU_FAIL("inputs refused");
	}
	fx_free(&fx);
}

/* require-docs is about the agency's own claims: survey results come from the
 * province's survey, carry no <doc>, and keep their points. */
static void test_require_docs_spares_surveys(void)
{
	fixture fx;
	if (fx_load(&fx,
	            "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "
	            "max=\"10\" require-docs=\"true\">\n"
	            "<bands><band label=\"A\" min=\"0\"/></bands>\n"
	            "<group id=\"G\" title=\"G\" max=\"6\">\n"
	            "<criterion id=\"c\" title=\"c\" max=\"6\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n"
	            "<group id=\"S\" title=\"S\" max=\"4\" source=\"survey\">\n"
	            "<criterion id=\"s\" title=\"s\" max=\"4\"><rule kind=\"scale\" from=\"1\" to=\"5\"/>"
	            "</criterion>\n"
	            "</group>\n"
	            "</criteria-set>\n",
	            "<item criterion=\"c\" met=\"true\"><doc ref=\"KH 1\"/></item>\n"
	            "<survey criterion=\"s\" respondents=\"200\" mean=\"3\" sd=\"1\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(node(&fx, "c")->points, 600);
	/* 4 × (3 − 1)/4 = 2 */
	ASSERT_EQ(node(&fx, "s")->points, 200);
	ASSERT_EQ(node(&fx, "s")->cause, CCHC_CAUSE_SURVEY);
	ASSERT_EQ(node(&fx, "s")->reason->why, CCHC_WHY_SURVEY_MEAN);
	ASSERT_EQ(fx.score->total, 800);
	fx_free(&fx);
}

/* ------------------------------------------------------------------ surveys */

#define SURVEY_SET(policy)                                                                    \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"100\" no-survey=\"" policy "\">\n"                                                 \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                          \
	"<group id=\"G\" title=\"G\" max=\"60\">\n"                                               \
	"<criterion id=\"c\" title=\"c\" max=\"60\"><rule kind=\"judged\"/></criterion>\n"        \
	"</group>\n"                                                                              \
	"<group id=\"S\" title=\"S\" max=\"40\" source=\"survey\">\n"                             \
	"<criterion id=\"s1\" title=\"s1\" max=\"30\"><rule kind=\"scale\" from=\"1\" to=\"5\"/>"  \
	"</criterion>\n"                                                                          \
	"<criterion id=\"s2\" title=\"s2\" max=\"10\"><rule kind=\"scale\" from=\"1\" to=\"5\"/>"  \
	"</criterion>\n"                                                                          \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_no_survey_rescale(void)
{
	fixture fx;
	if (fx_load(&fx, SURVEY_SET("rescale"), "<item criterion=\"c\" points=\"45\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	CU_ASSERT(!cchc_assessment_has_survey(fx.a));
	const cchc_node_score *s = node(&fx, "S"), *s1 = node(&fx, "s1");
	ASSERT_EQ(s1->excluded, 1);
	ASSERT_EQ(s1->max, 0);
	ASSERT_EQ(s1->points, 0);
	ASSERT_EQ(s1->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(s->excluded, 1);
	ASSERT_EQ(s->max, 0);
	/* 45 of 60: 75 % */
	ASSERT_EQ(fx.score->frame, 4500);
	ASSERT_EQ(fx.score->total, 4500);
	ASSERT_EQ(fx.score->max, 6000);
	ASSERT_EQ(fx.score->index, 7500);
	fx_free(&fx);

	/* with a survey for s1 only: S counts in full; s2 lost with cause survey.
	 * s1: 30 × (3 − 1)/4 = 15; total 60 of 100 */
	if (fx_load(&fx, SURVEY_SET("rescale"),
	            "<item criterion=\"c\" points=\"45\"/>"
	            "<survey criterion=\"s1\" respondents=\"30\" mean=\"3\" sd=\"1.2\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(node(&fx, "s1")->points, 1500);
	ASSERT_EQ(node(&fx, "s1")->cause, CCHC_CAUSE_SURVEY);
	ASSERT_EQ(node(&fx, "s2")->points, 0);
	ASSERT_EQ(node(&fx, "s2")->excluded, 0);
	ASSERT_EQ(node(&fx, "s2")->cause, CCHC_CAUSE_SURVEY);
	ASSERT_EQ(node(&fx, "s2")->reason->why, CCHC_WHY_NO_ITEM);
	ASSERT_EQ(node(&fx, "S")->max, 4000);
	ASSERT_EQ(fx.score->total, 6000);
	ASSERT_EQ(fx.score->max, 10000);
	ASSERT_EQ(fx.score->index, 6000);
	fx_free(&fx);
}

static void test_no_survey_zero(void)
{
	fixture fx;
	if (fx_load(&fx, SURVEY_SET("zero"), "<item criterion=\"c\" points=\"45\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_node_score *s1 = node(&fx, "s1");
	ASSERT_EQ(s1->excluded, 0);
	ASSERT_EQ(s1->max, 3000);
	ASSERT_EQ(s1->points, 0);
	ASSERT_EQ(s1->cause, CCHC_CAUSE_SURVEY);
	ASSERT_EQ(fx.score->max, 10000);
	ASSERT_EQ(fx.score->index, 4500);
	/* the scored leaf missing points keeps its own cause */
	ASSERT_EQ(node(&fx, "c")->cause, CCHC_CAUSE_PARTIAL);
	fx_free(&fx);
}

/* ------------------------------------------------------------------ totals */

#define TOTALS_SET                                                                            \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"10\">\n"                                                                           \
	"<bands><band label=\"Xuất sắc\" min=\"9\"/><band label=\"Tốt\" min=\"7\"/>"              \
	"<band label=\"Khá\" min=\"5\"/><band label=\"Yếu\" min=\"0\"/></bands>\n"                \
	"<group id=\"G1\" title=\"G1\" max=\"6\">\n"                                              \
	"<criterion id=\"c1\" title=\"c1\" max=\"4\"><rule kind=\"yes-no\"/></criterion>\n"       \
	"<criterion id=\"c2\" title=\"c2\" max=\"2\"><rule kind=\"judged\" step=\"0.01\"/></criterion>\n" \
	"</group>\n"                                                                              \
	"<group id=\"G2\" title=\"G2\" max=\"4\">\n"                                              \
	"<criterion id=\"c3\" title=\"c3\" max=\"4\"><rule kind=\"ratio\"/></criterion>\n"        \
	"</group>\n"                                                                              \
	"<group id=\"B\" title=\"Điểm cộng\" kind=\"bonus\" max=\"1\">\n"                         \
	"<criterion id=\"b1\" title=\"b1\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"       \
	"<criterion id=\"b2\" title=\"b2\" max=\"1\"><rule kind=\"per-item\" points=\"0.5\"/></criterion>\n" \
	"</group>\n"                                                                              \
	"<group id=\"P\" title=\"Điểm trừ\" kind=\"penalty\" min=\"-2\">\n"                       \
	"<criterion id=\"p1\" title=\"p1\" min=\"-1\"><rule kind=\"per-item\" points=\"-0.25\"/></criterion>\n" \
	"<criterion id=\"p2\" title=\"p2\" min=\"-1.5\"><rule kind=\"yes-no\"/></criterion>\n"    \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_totals(void)
{
	fixture fx;
	/* c1 4 + c2 1.5 + c3 4×3/4 = 3 → frame 8.5; bonus 1 + 0.5 capped at 1;
	 * penalty 2 × −0.25 = −0.5; total 9 = exactly the "Xuất sắc" bound */
	if (fx_load(&fx, TOTALS_SET,
	            "<item criterion=\"c1\" met=\"true\" self=\"4\"/>\n"
	            "<item criterion=\"c2\" points=\"1.5\" self=\"2\"/>\n"
	            "<item criterion=\"c3\" numerator=\"3\" denominator=\"4\" self=\"3.5\"/>\n"
	            "<item criterion=\"b1\" met=\"true\" self=\"1\"/>\n"
	            "<item criterion=\"b2\" count=\"1\" self=\"0.5\"/>\n"
	            "<item criterion=\"p1\" count=\"2\"/>\n"
	            "<item criterion=\"p2\" met=\"false\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_score *s = fx.score;
	ASSERT_EQ(node(&fx, "c2")->points, 150);
	ASSERT_EQ(node(&fx, "c3")->points, 300);
	ASSERT_EQ(node(&fx, "c3")->cause, CCHC_CAUSE_PARTIAL);
	ASSERT_EQ(node(&fx, "G1")->points, 550);
	ASSERT_EQ(node(&fx, "G1")->max, 600);
	ASSERT_EQ(node(&fx, "G1")->self, 600);
	ASSERT_EQ(node(&fx, "G1")->leaves_full, 1);
	ASSERT_EQ(node(&fx, "G1")->leaves_partial, 1);
	ASSERT_EQ(node(&fx, "B")->points, 100);
	ASSERT_EQ(node(&fx, "B")->max, 100);
	ASSERT_EQ(node(&fx, "B")->self, 100);
	ASSERT_EQ(node(&fx, "p1")->points, -50);
	ASSERT_EQ(node(&fx, "p1")->cause, CCHC_CAUSE_PENALTY);
	ASSERT_EQ(node(&fx, "p1")->reason->why, CCHC_WHY_PENALTY_COUNT);
	ASSERT_EQ(node(&fx, "p1")->reason->count, 2);
	ASSERT_EQ(node(&fx, "p2")->points, 0);
	ASSERT_EQ(node(&fx, "p2")->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(node(&fx, "P")->points, -50);
	ASSERT_EQ(s->frame, 850);
	ASSERT_EQ(s->bonus, 100);
	ASSERT_EQ(s->penalty, -50);
	ASSERT_EQ(s->total, 900);
	ASSERT_EQ(s->max, 1000);
	ASSERT_EQ(s->index, 9000);
	/* claims 4 + 2 + 3.5 + min(1 + 0.5, 1) = 10.5 */
	ASSERT_EQ(s->self_total, 1050);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s->band);
	ASSERT_STR(s->band->label, "Xuất sắc");

	/* one hundredth less: 8.99 → "Tốt", index 8990 */
	fixture fy;
	if (fx_load(&fy, TOTALS_SET,
	            "<item criterion=\"c1\" met=\"true\"/>\n"
	            "<item criterion=\"c2\" points=\"1.49\"/>\n"
	            "<item criterion=\"c3\" numerator=\"3\" denominator=\"4\"/>\n"
	            "<item criterion=\"b1\" met=\"true\"/>\n"
	            "<item criterion=\"b2\" count=\"1\"/>\n"
	            "<item criterion=\"p1\" count=\"2\"/>") < 0) {
		fx_free(&fx);
		fx_free(&fy);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(fy.score->total, 899);
	ASSERT_EQ(fy.score->index, 8990);
	ASSERT_EQ(fy.score->self_total, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fy.score->band);
	ASSERT_STR(fy.score->band->label, "Tốt");
	/* same max: the higher total ranks above */
	CU_ASSERT(cchc_score_compare(fx.score, fy.score) > 0);
	CU_ASSERT(cchc_score_compare(fy.score, fx.score) < 0);
	CU_ASSERT(cchc_score_compare(fx.score, fx.score) == 0);
	fx_free(&fy);
	fx_free(&fx);
}

static void test_bonus_penalty_caps(void)
{
	fixture fx;
	/* bonus: b1 1 + b2 3 × 0.5 = 1.5 capped by b2's max 1 → 2 → group cap 1;
	 * penalty: p1 10 × −0.25 = −2.5 floored at its min −1, p2 −1.5: −2.5 → group floor −2;
	 * frame 4 + 2 + 3 = 9; total 9 + 1 − 2 = 8 */
	if (fx_load(&fx, TOTALS_SET,
	            "<item criterion=\"c1\" met=\"true\"/>\n"
	            "<item criterion=\"c2\" points=\"2\"/>\n"
	            "<item criterion=\"c3\" numerator=\"3\" denominator=\"4\"/>\n"
	            "<item criterion=\"b1\" met=\"true\" self=\"1\"/>\n"
	            "<item criterion=\"b2\" count=\"3\" self=\"1\"/>\n"
	            "<item criterion=\"p1\" count=\"10\" self=\"-1\"/>\n"
	            "<item criterion=\"p2\" met=\"true\" self=\"-1.5\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_score *s = fx.score;
	ASSERT_EQ(node(&fx, "b2")->points, 100);
	ASSERT_EQ(node(&fx, "B")->points, 100);
	ASSERT_EQ(node(&fx, "p1")->points, -100);
	ASSERT_EQ(node(&fx, "p1")->cause, CCHC_CAUSE_PENALTY);
	ASSERT_EQ(node(&fx, "p1")->reason->count, 10);
	ASSERT_EQ(node(&fx, "p2")->points, -150);
	ASSERT_EQ(node(&fx, "p2")->cause, CCHC_CAUSE_PENALTY);
	ASSERT_EQ(node(&fx, "p2")->reason->why, CCHC_WHY_PENALTY_EVENT);
	ASSERT_EQ(node(&fx, "P")->points, -200);
	ASSERT_EQ(node(&fx, "P")->max, 0);
	ASSERT_EQ(s->frame, 900);
	ASSERT_EQ(s->bonus, 100);
	ASSERT_EQ(s->penalty, -200);
	ASSERT_EQ(s->total, 800);
	ASSERT_EQ(s->max, 1000);
	ASSERT_EQ(s->index, 8000);
	/* claims: bonus 2 capped at 1, penalty −2.5 floored at −2: 0 + 1 − 2 = −1 */
	ASSERT_EQ(s->self_total, -100);
	ASSERT_STR(s->band ? s->band->label : NULL, "Tốt");
	fx_free(&fx);

	/* nothing done and a penalty: the total is negative and below every band */
	if (fx_load(&fx, TOTALS_SET, "<item criterion=\"p2\" met=\"true\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(fx.score->frame, 0);
	ASSERT_EQ(fx.score->penalty, -150);
	ASSERT_EQ(fx.score->total, -150);
	ASSERT_EQ(fx.score->index, -1500);
	CU_ASSERT_PTR_NULL(fx.score->band);
	/* the penalty leaves without an item lose nothing */
	ASSERT_EQ(node(&fx, "p1")->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(node(&fx, "b1")->cause, CCHC_CAUSE_NOT_DONE);
	fx_free(&fx);
}

/* A penalty leaf that ends at 0 deducted nothing: it carries no cause, whatever
 * the path to 0 (met="false", or an appraisal cancelling the deduction). */
static void test_penalty_zero_has_no_cause(void)
{
	fixture fx;
	if (fx_load(&fx, TOTALS_SET,
	            "<item criterion=\"c1\" met=\"true\"/>\n"
	            "<item criterion=\"p1\" met=\"false\"/>\n"
	            "<item criterion=\"p2\" met=\"true\"/>\n"
	            "<appraisal criterion=\"p2\" points=\"0\" reason=\"Đã khắc phục\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	const cchc_node_score *p1 = node(&fx, "p1"), *p2 = node(&fx, "p2");
	ASSERT_EQ(p1->points, 0);
	ASSERT_EQ(p1->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(p2->computed, -150);
	ASSERT_EQ(p2->points, 0);
	ASSERT_EQ(p2->cause, CCHC_CAUSE_NONE);
	ASSERT_EQ(fx.score->penalty, 0);
	ASSERT_EQ(fx.score->total, 400);
	fx_free(&fx);

	/* an appraisal deepening a deduction: cause appraisal */
	if (fx_load(&fx, TOTALS_SET,
	            "<item criterion=\"p1\" count=\"1\"/>\n"
	            "<appraisal criterion=\"p1\" points=\"-1\"/>") < 0) {
		fx_free(&fx);
		CU_FAIL("inputs refused");
		return;
	}
	ASSERT_EQ(node(&fx, "p1")->computed, -25);
	ASSERT_EQ(node(&fx, "p1")->points, -100);
	ASSERT_EQ(node(&fx, "p1")->cause, CCHC_CAUSE_APPRAISAL);
	ASSERT_EQ(fx.score->penalty, -100);
	fx_free(&fx);
}

/* ------------------------------------------------------------------ index */

#define INDEX_SET(max)                                                                        \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"" max "\">\n"                                                                      \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                          \
	"<group id=\"G\" title=\"G\" max=\"" max "\">\n"                                          \
	"<criterion id=\"c\" title=\"C\" max=\"" max "\"><rule kind=\"judged\" step=\"0.01\"/>"  \
	"</criterion>\n"                                                                          \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_index_rounding(void)
{
	static const struct {
		const char *max, *items;
		long long total, index;
	} cases[] = {
		{"100", "<item criterion=\"c\" points=\"70\"/>", 7000, 7000},      /* 70 % */
		{"3", "<item criterion=\"c\" points=\"2\"/>", 200, 6667},          /* 66.666… % */
		{"3", "<item criterion=\"c\" points=\"1\"/>", 100, 3333},          /* 33.333… % */
		{"8", "<item criterion=\"c\" points=\"0.01\"/>", 1, 13},           /* 0.125 % half up */
		{"16", "<item criterion=\"c\" points=\"0.01\"/>", 1, 6},           /* 0.0625 % */
		{"100", "<item criterion=\"c\" points=\"99.99\"/>", 9999, 9999},
		{"100", "<item criterion=\"c\" points=\"100\"/>", 10000, 10000},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fixture fx;
		char set[4096];
		snprintf(set, sizeof set, INDEX_SET("%s"), cases[i].max, cases[i].max, cases[i].max);
		if (fx_load(&fx, set, cases[i].items) < 0) {
			fx_free(&fx);
			CU_FAIL("inputs refused");
			continue;
		}
		ASSERT_EQ(fx.score->total, cases[i].total);
		ASSERT_EQ(fx.score->index, cases[i].index);
		fx_free(&fx);
	}
}

/* ------------------------------------------------------------------ compare */

#define COMPARE_SET                                                                           \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"10\">\n"                                                                           \
	"<bands><band label=\"A\" min=\"8\"/><band label=\"B\" min=\"0\"/></bands>\n"             \
	"<group id=\"G\" title=\"G\" max=\"10\">\n"                                               \
	"<criterion id=\"c1\" title=\"c1\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"       \
	"<criterion id=\"c2\" title=\"c2\" max=\"8\"><rule kind=\"judged\" step=\"0.01\"/></criterion>\n" \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_compare(void)
{
	fixture x, y, z, w;
	/* x: 8 of 10 = 80 %; y: c1 N/A, 6.4 of 8 = 80 %; z: 6.41 of 8 = 80.125 %;
	 * w: 6.39 of 8 = 79.875 % */
	int bad = fx_load(&x, COMPARE_SET,
	                  "<item criterion=\"c1\" met=\"true\"/><item criterion=\"c2\" points=\"6\"/>");
	bad |= fx_load(&y, COMPARE_SET,
	               "<item criterion=\"c1\" na=\"true\"/><item criterion=\"c2\" points=\"6.4\"/>");
	bad |= fx_load(&z, COMPARE_SET,
	               "<item criterion=\"c1\" na=\"true\"/><item criterion=\"c2\" points=\"6.41\"/>");
	bad |= fx_load(&w, COMPARE_SET,
	               "<item criterion=\"c1\" na=\"true\"/><item criterion=\"c2\" points=\"6.39\"/>");
	if (bad) {
		CU_FAIL("inputs refused");
	} else {
		ASSERT_EQ(x.score->max, 1000);
		ASSERT_EQ(y.score->max, 800);
		ASSERT_EQ(x.score->index, 8000);
		ASSERT_EQ(y.score->index, 8000);
		ASSERT_EQ(z.score->index, 8013); /* 80.125 → half up */
		ASSERT_EQ(w.score->index, 7988); /* 79.875 → half up */
		CU_ASSERT(cchc_score_compare(x.score, y.score) == 0);
		CU_ASSERT(cchc_score_compare(y.score, x.score) == 0);
		/* z has fewer points than x (6.41 < 8) but a better index */
		CU_ASSERT(cchc_score_compare(z.score, x.score) > 0);
		CU_ASSERT(cchc_score_compare(x.score, z.score) < 0);
		CU_ASSERT(cchc_score_compare(w.score, x.score) < 0);
		CU_ASSERT(cchc_score_compare(x.score, w.score) > 0);
		CU_ASSERT(cchc_score_compare(z.score, w.score) > 0);
		/* bands on the rescaled frame: y is exactly 80 % → A, w just below → B */
		ASSERT_STR(y.score->band ? y.score->band->label : NULL, "A");
		ASSERT_STR(w.score->band ? w.score->band->label : NULL, "B");
	}
	fx_free(&x);
	fx_free(&y);
	fx_free(&z);
	fx_free(&w);
}

/* ------------------------------------------------------------------ names */

static void test_names(void)
{
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_NONE), "");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_LATE), "late");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_UNDOCUMENTED), "undocumented");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_PARTIAL), "partial");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_NOT_DONE), "not-done");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_APPRAISAL), "appraisal");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_SURVEY), "survey");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_PENALTY), "penalty");
	ASSERT_STR(cchc_cause_name(CCHC_CAUSE_COUNT), "");
	ASSERT_STR(cchc_rule_kind_name(CCHC_RULE_YES_NO), "yes-no");
	ASSERT_STR(cchc_rule_kind_name(CCHC_RULE_PER_ITEM), "per-item");
	ASSERT_STR(cchc_rule_kind_name(CCHC_RULE_SCALE), "scale");
	ASSERT_STR(cchc_rule_kind_name(CCHC_RULE_KIND_COUNT), "");
}

/* ---------------------------------------------------------- self-check */

#define SELF_CHECK_SET                                                                        \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"10\">\n"                                                                           \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                           \
	"<self-check tolerance=\"10\" penalty=\"1\"/>\n"                                            \
	"<group id=\"G\" title=\"G\" max=\"10\">\n"                                                \
	"<criterion id=\"a\" title=\"a\" max=\"6\"><rule kind=\"yes-no\"/></criterion>\n"         \
	"<criterion id=\"b\" title=\"b\" max=\"4\"><rule kind=\"yes-no\"/></criterion>\n"         \
	"</group>\n"                                                                             \
	"</criteria-set>\n"

/* Final 6 before the check; the tolerance is 10 % of it, 0,60. */
static void test_self_check(void)
{
	static const struct {
		const char *b_self;
		cchc_points self_check, total;
	} cases[] = {
		{"4", -100, 500},    /* claimed 10: 4 over, more than 0,60 → −1 */
		{"0.6", 0, 600},     /* exactly 10 %: not over the tolerance */
		{"0.61", -100, 500}, /* 0,01 over it */
		{"0", 0, 600},       /* claimed what was granted */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char items[256];
		fixture fx;
		snprintf(items, sizeof items,
		         "<item criterion=\"a\" met=\"true\" self=\"6\"/>\n"
		         "<item criterion=\"b\" met=\"false\" self=\"%s\"/>",
		         cases[i].b_self);
		if (fx_load(&fx, SELF_CHECK_SET, items) < 0) {
			fx_free(&fx);
			CU_FAIL("inputs refused");
			return;
		}
		ASSERT_EQ(fx.score->self_check, cases[i].self_check);
		ASSERT_EQ(fx.score->total, cases[i].total);
		fx_free(&fx);
	}
	/* no claim at all: nothing to check */
	fixture fx;
	if (fx_load(&fx, SELF_CHECK_SET, "<item criterion=\"a\" met=\"true\"/>") == 0) {
		ASSERT_EQ(fx.score->self_check, 0);
		ASSERT_EQ(fx.score->total, 600);
	} else {
		CU_FAIL("inputs refused");
	}
	fx_free(&fx);
}

int main(void)
{
	static const test_case tests[] = {
		{"yes-no gives max or 0", test_yes_no},
		{"tiers (higher is better) at and around each bound", test_tiers_higher},
		{"tiers (lower is better) at and around each bound", test_tiers_lower},
		{"linear rounds down to the step and clamps", test_linear},
		{"linear with a decreasing scale", test_linear_decreasing},
		{"per-item counts, capped at the max", test_per_item},
		{"deadline: on time, grace, late, days late", test_deadline},
		{"ratio rounds down; zero denominator follows if-none", test_ratio},
		{"grade shares, share 0 is partial", test_grade},
		{"judged points", test_judged},
		{"scale from a survey mean", test_scale_mean},
		{"scale from weighted answer options", test_scale_options},
		{"met=false and missing items are not done", test_not_done},
		{"N/A excluded: the agency's max shrinks, the index rescales", test_na_exclude},
		{"N/A awarded: full points", test_na_award},
		{"appraisal cuts: the last round decides, every round kept", test_appraisal_cuts},
		{"appraisal rounds given out of order", test_appraisal_out_of_order},
		{"appraisal above the computed points", test_appraisal_raises},
		{"an undocumented claim", test_undocumented_claim},
		{"require-docs withholds undocumented points", test_require_docs},
		{"require-docs spares survey results", test_require_docs_spares_surveys},
		{"no survey with no-survey=rescale", test_no_survey_rescale},
		{"no survey with no-survey=zero", test_no_survey_zero},
		{"totals: frame, bonus, penalty, index, band, self", test_totals},
		{"bonus capped and penalty floored", test_bonus_penalty_caps},
		{"a penalty leaf at 0 has no cause", test_penalty_zero_has_no_cause},
		{"self-check deducts over the tolerance only", test_self_check},
		{"index in hundredths of a percent, half up", test_index_rounding},
		{"compare agencies with equal and different maxima", test_compare},
		{"cause and rule kind names", test_names},
		{NULL, NULL}};
	return test_run_suite("rules", tests);
}
