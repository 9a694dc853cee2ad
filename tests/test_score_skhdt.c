/* The published case: Sở Kế hoạch và Đầu tư, Thừa Thiên Huế 2018. Its report
 * gives 70/100, Khá, 18th of 21; every group figure below is from that report
 * (seeds/README: hue-skhdt-2018), and each lost point's cause is the one the
 * report explains. */
#include "testutil.h"

#include <stdlib.h>

static cchc_criteria *set;
static cchc_assessment *skhdt;
static cchc_score *score;

static const cchc_node_score *at(const char *id)
{
	const cchc_node *n = cchc_criteria_find(set, id);
	CU_ASSERT_PTR_NOT_NULL_FATAL(n);
	return cchc_score_node(score, n);
}

static void load_once(void)
{
	if (score)
		return;
	cchc_diag *d = cchc_diag_new();
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&set, test_path("criteria/hue-so-2018.xml"), d), 0);
	const cchc_criteria *sets[] = {set};
	CU_ASSERT_EQUAL_FATAL(
		cchc_assessment_load(&skhdt, sets, 1, test_path("samples/hue-2018/so/skhdt.xml"), d), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&score, skhdt), 0);
	CU_ASSERT_EQUAL(cchc_diag_count(d), 0);
	cchc_diag_free(d);
}

static void test_totals(void)
{
	load_once();
	CU_ASSERT_EQUAL(score->total, 7000);
	CU_ASSERT_EQUAL(score->frame, 7000);
	CU_ASSERT_EQUAL(score->bonus, 0);
	CU_ASSERT_EQUAL(score->penalty, 0);
	CU_ASSERT_EQUAL(score->max, 10000);
	CU_ASSERT_EQUAL(score->index, 7000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(score->band);
	CU_ASSERT_STRING_EQUAL(score->band->label, "Khá");
	/* the survey items carry the agency's own expectation: 75,75 claimed */
	CU_ASSERT_EQUAL(score->self_total, 7575);
}

static void test_groups(void)
{
	static const struct {
		const char *id;
		cchc_points points, max;
	} published[] = {
		{"1", 825, 1300}, {"2", 300, 400},  {"3", 50, 200},    {"4", 400, 400},
		{"5", 650, 1000}, {"6", 200, 600},  {"7", 250, 500},   {"8", 1350, 1800},
		{"9", 2975, 3800},
	};
	load_once();
	cchc_points scored = 0;
	for (size_t i = 0; i < sizeof published / sizeof *published; i++) {
		const cchc_node_score *g = at(published[i].id);
		CU_ASSERT_EQUAL(g->points, published[i].points);
		CU_ASSERT_EQUAL(g->max, published[i].max);
		if (i < 8)
			scored += g->points;
	}
	CU_ASSERT_EQUAL(scored, 4025); /* 40,25/62 before the survey */
}

static void test_causes(void)
{
	load_once();
	/* plan issued 12 days late, inside the 15-day grace band: half the point */
	CU_ASSERT_EQUAL(at("1.1.1")->points, 50);
	CU_ASSERT_EQUAL(at("1.1.1")->cause, CCHC_CAUSE_LATE);
	CU_ASSERT_EQUAL(at("1.1.1")->reason->days_late, 12);
	/* one news article at 0,25 each */
	CU_ASSERT_EQUAL(at("1.4")->points, 25);
	CU_ASSERT_EQUAL(at("1.4")->cause, CCHC_CAUSE_PARTIAL);
	/* an initiative claimed without its recognition decision */
	CU_ASSERT_EQUAL(at("1.5")->points, 0);
	CU_ASSERT_EQUAL(at("1.5")->cause, CCHC_CAUSE_UNDOCUMENTED);
	CU_ASSERT_EQUAL(at("1.6.1")->cause, CCHC_CAUSE_NOT_DONE);
	CU_ASSERT_EQUAL(at("2.4")->cause, CCHC_CAUSE_LATE);
	CU_ASSERT_EQUAL(at("2.4")->reason->days_late, 52);
	CU_ASSERT_EQUAL(at("3.5")->cause, CCHC_CAUSE_NOT_DONE);
	/* 3 of 10 leaders certified: 2 × 0,3 rounded down to 0,5 */
	CU_ASSERT_EQUAL(at("5.6")->points, 50);
	CU_ASSERT_EQUAL(at("5.6")->cause, CCHC_CAUSE_PARTIAL);
	/* 4th of 21 in the IT index: second tier */
	CU_ASSERT_EQUAL(at("7.1")->points, 50);
	/* 2112 of 2364 files on time: 3 × 0,893 → 2,5 */
	CU_ASSERT_EQUAL(at("8.3")->points, 250);
	CU_ASSERT_EQUAL(at("8.3")->reason->numerator, 2112);
	CU_ASSERT_EQUAL(at("8.3")->reason->denominator, 2364);
	/* round 1 cut 4.3 for a missing plan; round 2 restored it once supplied */
	CU_ASSERT_EQUAL(at("4.3")->computed, 100);
	CU_ASSERT_EQUAL(at("4.3")->points, 100);
	CU_ASSERT_PTR_NOT_NULL_FATAL(at("4.3")->reason->appraisal);
	CU_ASSERT_EQUAL(at("4.3")->reason->appraisal->round, 2);
	CU_ASSERT_EQUAL(at("4.3")->cause, CCHC_CAUSE_NONE);
	CU_ASSERT_EQUAL(at("9.1")->cause, CCHC_CAUSE_SURVEY);
}

static void test_leaf_counts(void)
{
	load_once();
	const cchc_node *const *groups;
	size_t ng;
	groups = cchc_criteria_groups(set, &ng);
	size_t full = 0, partial = 0, zero = 0;
	for (size_t i = 0; i < ng; i++) {
		const cchc_node_score *g = cchc_score_node(score, groups[i]);
		full += g->leaves_full;
		partial += g->leaves_partial;
		zero += g->leaves_zero;
	}
	CU_ASSERT_EQUAL(full, 42);
	CU_ASSERT_EQUAL(partial, 10);
	CU_ASSERT_EQUAL(zero, 19);
}

static void cleanup(void)
{
	cchc_score_free(score);
	cchc_assessment_free(skhdt);
	cchc_criteria_free(set);
}

int main(void)
{
	static const test_case tests[] = {
		{"published totals and band", test_totals},
		{"published group figures", test_groups},
		{"causes of lost points", test_causes},
		{"leaves at full, partial and zero", test_leaf_counts},
		{NULL, NULL},
	};
	int rc = test_run_suite("score_skhdt", tests);
	cleanup();
	return rc;
}
