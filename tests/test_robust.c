/* The robustness analysis: noise-free surveys reproduce the ranking; two
 * agencies 0,1 apart with noisy surveys flip about half the time; rank
 * correlations against hand-computed values; one seed, one answer, whatever
 * the thread count. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>

#include "cchc/report.h"

/* One scored leaf (yes-no 5, or its half via judged) and one survey leaf (5 on a 1..5 mean). */
static const char set_xml[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" max=\"10\">\n"
	"<bands><band label=\"Tốt\" min=\"8\"/><band label=\"Khá\" min=\"5\"/>"
	"<band label=\"Yếu\" min=\"0\"/></bands>\n"
	"<group id=\"G\" title=\"G\" max=\"5\"><criterion id=\"j\" title=\"j\" max=\"5\">"
	"<rule kind=\"judged\" step=\"0.01\"/></criterion></group>\n"
	"<group id=\"S\" title=\"S\" max=\"5\" source=\"survey\"><criterion id=\"s\" title=\"s\" "
	"max=\"5\"><rule kind=\"scale\" from=\"1\" to=\"5\" step=\"0.01\"/></criterion></group>\n"
	"</criteria-set>\n";

typedef struct {
	cchc_criteria *set;
	cchc_assessment *a[8];
	cchc_score *s[8];
	size_t n;
	cchc_ranking *r;
} block;

static int add(block *b, const char *id, const char *points, const char *mean, const char *sd)
{
	char xml[1024];
	cchc_diag *d = NULL;
	snprintf(xml, sizeof xml,
	         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"
	         "<agency id=\"%s\" name=\"%s\"/>\n<item criterion=\"j\" points=\"%s\"/>\n"
	         "<survey criterion=\"s\" respondents=\"100\" mean=\"%s\" sd=\"%s\"/>\n"
	         "</assessment>\n",
	         id, id, points, mean, sd);
	b->a[b->n] = test_assessment(b->set, xml, &d);
	if (!b->a[b->n]) {
		fprintf(stderr, "\n%s", test_diag_text(d));
		cchc_diag_free(d);
		return -1;
	}
	cchc_diag_free(d);
	int rc = cchc_score_compute(&b->s[b->n], b->a[b->n]);
	b->n++;
	return rc;
}

static int rank_block(block *b)
{
	cchc_diag *d = cchc_diag_new();
	int rc = cchc_ranking_build(&b->r, (const cchc_score *const *)b->s, b->n, d);
	cchc_diag_free(d);
	return rc;
}

static void block_free(block *b)
{
	cchc_ranking_free(b->r);
	for (size_t i = 0; i < b->n; i++) {
		cchc_score_free(b->s[i]);
		cchc_assessment_free(b->a[i]);
	}
	cchc_criteria_free(b->set);
}

static int new_block(block *b)
{
	cchc_diag *d = NULL;
	memset(b, 0, sizeof *b);
	b->set = test_criteria(set_xml, &d);
	cchc_diag_free(d);
	return b->set ? 0 : -1;
}

static void test_no_noise_reproduces(void)
{
	block b;
	/* totals 9, 7, 7, 5,5 (ties kept), surveys with sd 0 */
	if (new_block(&b) < 0 || add(&b, "A", "5", "4.2", "0") < 0 || add(&b, "B", "4", "3.4", "0") < 0 ||
	    add(&b, "C", "3", "4.2", "0") < 0 || add(&b, "D", "2", "3.8", "0") < 0 || rank_block(&b) < 0) {
		CU_FAIL("inputs refused");
		block_free(&b);
		return;
	}
	cchc_robust_options opt = {500, 7, 0, 1, 2, 2};
	cchc_robust *r = NULL;
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_robust_run(&r, b.r, NULL, &opt, d), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	ASSERT_EQ(r->survey_items, 4);
	const cchc_robust_block *rb = &r->blocks[0];
	for (size_t i = 0; i < rb->n; i++) {
		const cchc_robust_agency *a = &rb->agencies[i];
		ASSERT_EQ(a->rank_p5, a->entry->rank);
		ASSERT_EQ(a->rank_p95, a->entry->rank);
		CU_ASSERT_DOUBLE_EQUAL(a->median_rank, (double)a->entry->rank, 1e-12);
		CU_ASSERT_DOUBLE_EQUAL(a->p_target, a->entry->rank <= 2 ? 1.0 : 0.0, 1e-12);
	}
	/* A 9 → Tốt always; D 5,5 → Khá always */
	CU_ASSERT_DOUBLE_EQUAL(rb->agencies[0].p_band[0], 1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(rb->agencies[3].p_band[1], 1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(rb->spearman_mean, 1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(rb->kendall_worst, 1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(rb->mean_abs_shift, 0.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(rb->flip[0], 0.0, 1e-12);
	cchc_robust_free(r);
	cchc_diag_free(d);
	block_free(&b);
}

static void test_close_pair_flips(void)
{
	block b;
	/* 0,10 apart: A 2,55 + 2,50 (mean 3 → 5 × 2/4) vs B 2,45 + 2,50; noisy surveys
	 * (sd 5 of 100 respondents: se 0,5 on the mean, 0,625 points) swamp the gap */
	if (new_block(&b) < 0 || add(&b, "A", "2.55", "3", "5") < 0 ||
	    add(&b, "B", "2.45", "3", "5") < 0 || rank_block(&b) < 0) {
		CU_FAIL("inputs refused");
		block_free(&b);
		return;
	}
	ASSERT_EQ(b.r->blocks[0].entries[0].score->total - b.r->blocks[0].entries[1].score->total, 10);
	cchc_robust_options opt = {20000, 42, 0, 1, 0, 0};
	cchc_robust *r = NULL;
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_robust_run(&r, b.r, NULL, &opt, d), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r);
	/* the difference of two N(0, 0,625²) draws has sd 0,884: P(B above) = Φ(−0,1/0,884) ≈ 0,455,
	 * and P(A above) the rest: near 50/50 (points are rounded to 0,01, so a few draws tie) */
	double flip = r->blocks[0].flip[0];
	CU_ASSERT(flip > 0.43 && flip < 0.48);
	CU_ASSERT(r->blocks[0].agencies[0].rank_p95 == 2 && r->blocks[0].agencies[1].rank_p5 == 1);
	/* A's 5,05 sits on the Khá line (5): Khá or Yếu, never Tốt (at most 7,55) */
	const double *pb = r->blocks[0].agencies[0].p_band;
	CU_ASSERT_DOUBLE_EQUAL(pb[0], 0.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(pb[1] + pb[2], 1.0, 1e-12);
	CU_ASSERT(pb[1] > 0.45 && pb[1] < 0.60);
	cchc_robust_free(r);
	cchc_diag_free(d);
	block_free(&b);
}

static void test_correlations(void)
{
	const double up[] = {1, 2, 3, 4, 5}, down[] = {5, 4, 3, 2, 1}, swap[] = {2, 1, 4, 3, 5};
	CU_ASSERT_DOUBLE_EQUAL(cchc_spearman(up, down, 5), -1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(cchc_kendall(up, down, 5), -1.0, 1e-12);
	/* Σd² = 4: 1 − 6·4/(5·24) = 0,8; 8 concordant, 2 discordant of 10: 0,6 */
	CU_ASSERT_DOUBLE_EQUAL(cchc_spearman(up, swap, 5), 0.8, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(cchc_kendall(up, swap, 5), 0.6, 1e-12);
	/* ties: x 1,2,2,3 vs y 1,2,3,4: tau-b = 5/√(5·6); Spearman on average ranks
	 * 1, 2,5, 2,5, 4 vs 1..4 = 0,9486833 (√0,9) */
	const double tx[] = {1, 2, 2, 3}, ty[] = {1, 2, 3, 4};
	CU_ASSERT_DOUBLE_EQUAL(cchc_kendall(tx, ty, 4), 5.0 / sqrt(30.0), 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(cchc_spearman(tx, ty, 4), sqrt(0.9), 1e-12);
	CU_ASSERT(isnan(cchc_kendall(up, up, 1)));
}

/* tau-b by counting every pair: the definition, to check the O(n log n) count. */
static double kendall_by_pairs(const double *x, const double *y, size_t n)
{
	double conc = 0, disc = 0, tx = 0, ty = 0, n0 = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double dx = x[i] - x[j], dy = y[i] - y[j];
			n0++;
			tx += dx == 0;
			ty += dy == 0;
			if (dx != 0 && dy != 0)
				(dx > 0) == (dy > 0) ? conc++ : disc++;
		}
	return (conc - disc) / sqrt((n0 - tx) * (n0 - ty));
}

static void test_kendall_against_pairs(void)
{
	unsigned seed = 12345;
	for (int round = 0; round < 300; round++) {
		double x[40], y[40];
		size_t n = 3 + (size_t)(round % 37);
		for (size_t i = 0; i < n; i++) { /* few distinct values: many ties */
			seed = seed * 1103515245u + 12345u;
			x[i] = (double)((seed >> 16) % 7);
			seed = seed * 1103515245u + 12345u;
			y[i] = (double)((seed >> 16) % 5);
		}
		double want = kendall_by_pairs(x, y, n), got = cchc_kendall(x, y, n);
		if (isnan(want)) {
			CU_ASSERT(isnan(got));
		} else {
			CU_ASSERT_DOUBLE_EQUAL(got, want, 1e-12);
		}
	}
}

/* The Huế block, 2000 draws with weights: byte-identical JSON on 1 and 2 threads. */
static void test_threads_agree(void)
{
	test_hue hue;
	cchc_ranking *rk = NULL;
	cchc_diag *d = cchc_diag_new();
	CU_ASSERT_FATAL(test_hue_load(&hue) == 0 &&
	                cchc_ranking_build(&rk, (const cchc_score *const *)hue.scores, TEST_HUE_SO,
	                                   d) == 0);
	cchc_buf out[2];
	for (unsigned t = 1; t <= 2; t++) {
		cchc_robust_options opt = {2000, 2026, 5.0, 1, t, 10};
		cchc_robust *r = NULL;
		cchc_buf_init(&out[t - 1], 0);
		ASSERT_EQ(cchc_robust_run(&r, rk, NULL, &opt, d), 0);
		ASSERT_EQ(r->threads_used, t);
		ASSERT_EQ(cchc_render_robust_json(&out[t - 1], r), 0);
		cchc_robust_free(r);
	}
	CU_ASSERT_FATAL(out[0].len > 1000);
	ASSERT_EQ(out[0].len, out[1].len);
	CU_ASSERT(memcmp(out[0].data, out[1].data, out[0].len) == 0);
	/* and a different seed gives a different (but as valid) picture */
	CU_ASSERT_PTR_NOT_NULL(strstr(out[0].data, "\"schema\": \"cchc-robust/1\""));
	cchc_buf_dispose(&out[0]);
	cchc_buf_dispose(&out[1]);
	cchc_ranking_free(rk);
	test_hue_free(&hue);
	cchc_diag_free(d);
}

int main(void)
{
	static const test_case tests[] = {
		{"no survey noise: every draw is the published ranking", test_no_noise_reproduces},
		{"two agencies 0,1 apart flip", test_close_pair_flips},
		{"Spearman and Kendall against hand values", test_correlations},
		{"Kendall's O(n log n) count equals pair counting", test_kendall_against_pairs},
		{"same seed, same output on 1 and 2 threads", test_threads_agree},
		{NULL, NULL},
	};
	return test_run_suite("robust", tests);
}
