/* The bundled Thừa Thiên Huế 2018 blocks against the published facts of
 * plan 267/KH-SKHĐT: Sở Kế hoạch và Đầu tư 18th of 21 with 70/100, Khá,
 * 11,7 below the top (81,7) and 26,5 above the bottom (43,5); then its gap
 * analysis for rank 10, every figure worked out from the samples by hand. */
#include "testutil.h"

#include <stdio.h>

#include "cchc/report.h"

static test_hue hue;
static cchc_ranking *ranking;

static int load_all(void)
{
	if (test_hue_load(&hue) < 0)
		return -1;
	cchc_diag *d = cchc_diag_new();
	int rc = cchc_ranking_build(&ranking, (const cchc_score *const *)hue.scores,
	                            TEST_HUE_SO + TEST_HUE_HUYEN, d);
	cchc_diag_free(d);
	return rc;
}

static const cchc_rank_entry *entry(const char *id)
{
	const cchc_rank_entry *e = cchc_ranking_find(ranking, id, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	return e;
}

static void test_published_position(void)
{
	const cchc_rank_entry *e = entry("skhdt");
	ASSERT_EQ(e->rank, 18);
	ASSERT_EQ(e->of, 21);
	ASSERT_EQ(e->score->total, 7000);
	ASSERT_STR(e->score->band->label, "Khá");
	ASSERT_EQ(e->gap_top, 1170);
	ASSERT_EQ(e->gap_bottom, 2650);
	ASSERT_EQ(entry("stttt")->rank, 1);
	ASSERT_EQ(entry("stttt")->score->total, 8170);
	ASSERT_EQ(entry("bdt")->rank, 21);
	ASSERT_EQ(entry("bdt")->score->total, 4350);

	cchc_buf b;
	cchc_buf_init(&b, 0);
	ASSERT_EQ(cchc_render_position(&b, e, CCHC_LANG_VI), 0);
	ASSERT_STR(b.data, "Sở Kế hoạch và Đầu tư đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá; thấp "
	                   "hơn đơn vị đứng đầu 11,7 điểm và cách biệt đơn vị đứng cuối 26,5 điểm.");
	cchc_buf_dispose(&b);
}

static void test_ties_and_blocks(void)
{
	ASSERT_EQ(ranking->nblocks, 2);
	ASSERT_STR(ranking->blocks[0].id, "so-nganh");
	ASSERT_EQ(ranking->blocks[0].n, 21);
	ASSERT_STR(ranking->blocks[1].id, "huyen");
	ASSERT_EQ(ranking->blocks[1].n, 9);
	/* 76,25 twice: both 7th, the next is 9th */
	ASSERT_EQ(entry("stnmt")->rank, 7);
	ASSERT_EQ(entry("syt")->rank, 7);
	ASSERT_EQ(entry("sct")->rank, 9);
	ASSERT_EQ(entry("svhtt")->rank, 13);
	ASSERT_EQ(entry("vpubnd")->rank, 13);
	ASSERT_EQ(entry("snnptnt")->rank, 15);
	/* districts: Phong Điền and Quảng Điền tie at 78,52 */
	ASSERT_EQ(entry("phongdien")->rank, 4);
	ASSERT_EQ(entry("quangdien")->rank, 4);
	ASSERT_EQ(entry("phongdien")->of, 9);
	ASSERT_EQ(entry("txhuongtra")->rank, 6);
	/* Phú Vang claimed 81 for 70,34: over 10 %, the district set's self-check costs 1 */
	ASSERT_EQ(entry("phuvang")->score->self_check, -100);
	ASSERT_EQ(entry("phuvang")->score->total, 6934);
}

static void test_gap_for_rank_10(void)
{
	cchc_diag *d = cchc_diag_new();
	cchc_gap *g = NULL;
	ASSERT_EQ(cchc_gap_build(&g, ranking, "skhdt", 10, NULL, NULL, d), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	/* rank 10 is Sở GTVT's 74,90: 4,90 more */
	ASSERT_EQ(g->needed, 490);
	ASSERT_EQ(g->reachable, 1);
	/* lost points by cause, as in the plan's "Đánh giá chung" */
	ASSERT_EQ(g->lost_by_cause[CCHC_CAUSE_LATE], 300);         /* 1.1.1, 2.4, 7.2.5, 8.2 */
	ASSERT_EQ(g->count_by_cause[CCHC_CAUSE_LATE], 4);
	ASSERT_EQ(g->lost_by_cause[CCHC_CAUSE_UNDOCUMENTED], 100); /* 1.5 */
	ASSERT_EQ(g->lost_by_cause[CCHC_CAUSE_PARTIAL], 525);
	ASSERT_EQ(g->lost_by_cause[CCHC_CAUSE_NOT_DONE], 1250);
	ASSERT_EQ(g->lost_by_cause[CCHC_CAUSE_SURVEY], 825);
	ASSERT_EQ(g->recoverable, 3000); /* 100 − 70 */
	ASSERT_EQ(g->best_rank, 1);
	/* five 1-point criteria of effort 1 are the cheapest way to 4,90 (nothing of
	 * effort 1 is worth more than 1 point, so fewer than 5 cannot reach it) */
	ASSERT_EQ(g->recovery_effort, 5);
	ASSERT_EQ(g->recovered, 500);
	ASSERT_EQ(g->nrecovery, 5);
	/* the task table puts the chosen criteria first in their areas */
	CU_ASSERT(g->ntasks > 10);
	CU_ASSERT(g->tasks[0].in_recovery);
	cchc_gap_free(g);

	/* rank 1 takes 11,70; rank 21 nothing */
	ASSERT_EQ(cchc_gap_build(&g, ranking, "skhdt", 1, NULL, NULL, d), 0);
	ASSERT_EQ(g->needed, 1170);
	cchc_gap_free(g);
	ASSERT_EQ(cchc_gap_build(&g, ranking, "skhdt", 21, NULL, NULL, d), 0);
	ASSERT_EQ(g->needed, 0);
	ASSERT_EQ(g->nrecovery, 0);
	cchc_gap_free(g);

	/* a rank past the block, an unknown agency */
	ASSERT_EQ(cchc_gap_build(&g, ranking, "skhdt", 22, NULL, NULL, d), -1);
	ASSERT_DIAG(d, 0, "target rank 22 is past the last place: block \"so-nganh\" has 21 agencies");
	ASSERT_EQ(cchc_gap_build(&g, ranking, "nope", 0, NULL, NULL, d), -1);
	ASSERT_DIAG(d, 0, "agency \"nope\" is not among the assessments ranked");
	cchc_diag_free(d);
}

static void cleanup(void)
{
	cchc_ranking_free(ranking);
	test_hue_free(&hue);
}

int main(void)
{
	static const test_case tests[] = {
		{"published position of Sở KH&ĐT", test_published_position},
		{"ties and two blocks side by side", test_ties_and_blocks},
		{"gap analysis for rank 10", test_gap_for_rank_10},
		{NULL, NULL},
	};
	if (load_all() < 0) {
		cleanup();
		return 1;
	}
	int rc = test_run_suite("hue_2018", tests);
	cleanup();
	return rc;
}
