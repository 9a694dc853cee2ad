/* Ranking within blocks: competition ranks with ties, gaps, group ranks,
 * block statistics (GSL) and self-assessment accuracy, all against values
 * computed by hand in the comments; and the errors a ranking refuses. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>

/* Two groups: G1 (a yes-no 4, b 0,5 per item up to 2) and G2 (c yes-no 4). */
#define SET(id, block)                                                                        \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"" id "\" block=\"" block "\" "        \
	"year=\"2018\" title=\"T\" max=\"10\">\n"                                                 \
	"<bands><band label=\"Tốt\" min=\"8\"/><band label=\"Khá\" min=\"5\"/>"                    \
	"<band label=\"Yếu\" min=\"0\"/></bands>\n"                                                \
	"<group id=\"G1\" title=\"Một\" max=\"6\">\n"                                              \
	"<criterion id=\"a\" title=\"a\" max=\"4\"><rule kind=\"yes-no\"/></criterion>\n"          \
	"<criterion id=\"b\" title=\"b\" max=\"2\"><rule kind=\"per-item\" points=\"0.5\"/>"       \
	"</criterion>\n"                                                                          \
	"</group>\n"                                                                              \
	"<group id=\"G2\" title=\"Hai\" max=\"4\">\n"                                              \
	"<criterion id=\"c\" title=\"c\" max=\"4\"><rule kind=\"yes-no\"/></criterion>\n"          \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static cchc_criteria *set_t, *set_u;

typedef struct {
	cchc_assessment *a[8];
	cchc_score *s[8];
	size_t n;
	cchc_ranking *r;
	cchc_diag *diag;
} fixture;

/* Score one agency of set "t" or "u" with evidence for a, b, c and optional claims. */
static int add(fixture *fx, const char *set, const char *id, const char *a, const char *b,
               const char *c, const char *const claims[3], const char *file)
{
	const cchc_criteria *sets[2] = {set_t, set_u};
	char xml[2048];
	snprintf(xml, sizeof xml,
	         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"%s\" year=\"2018\">\n"
	         "<agency id=\"%s\" name=\"Cơ quan %s\"/>\n"
	         "<item criterion=\"a\" met=\"%s\"%s/>\n"
	         "<item criterion=\"b\" count=\"%s\"%s/>\n"
	         "<item criterion=\"c\" met=\"%s\"%s/>\n"
	         "</assessment>\n",
	         set, id, id, a, claims[0], b, claims[1], c, claims[2]);
	cchc_assessment *as = NULL;
	if (cchc_assessment_load_memory(&as, sets, 2, xml, strlen(xml), file, fx->diag) < 0) {
		fprintf(stderr, "\n%s", test_diag_text(fx->diag));
		return -1;
	}
	fx->a[fx->n] = as;
	if (cchc_score_compute(&fx->s[fx->n], as) < 0)
		return -1;
	fx->n++;
	return 0;
}

static void fx_free(fixture *fx)
{
	cchc_ranking_free(fx->r);
	for (size_t i = 0; i < fx->n; i++) {
		cchc_score_free(fx->s[i]);
		cchc_assessment_free(fx->a[i]);
	}
	cchc_diag_free(fx->diag);
}

/* Totals 10, 5, 5, 4 (the two 5s tie):
 *   A: a ✓ 4, b 4 items 2, c ✓ 4  = 10   G1 6, G2 4   claims 4+2+4 = 10
 *   B: a ✓ 4, b 2 items 1, c ✗ 0  =  5   G1 5, G2 0   claims 4+2+4 = 10 (over by 5)
 *   C: a ✗ 0, b 2 items 1, c ✓ 4  =  5   G1 1, G2 4   no claims
 *   D: a ✓ 4, b 0 items 0, c ✗ 0  =  4   G1 4, G2 0   claims 4+0+0 = 4 */
static const char *const CLAIM_ALL[] = {" self=\"4\"", " self=\"2\"", " self=\"4\""};
static const char *const CLAIM_NONE[] = {"", "", ""};
static const char *const CLAIM_D[] = {" self=\"4\"", " self=\"0\"", " self=\"0\""};

static int load_block(fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	fx->diag = cchc_diag_new();
	/* listed out of order: the ranking sorts */
	if (add(fx, "t", "D", "true", "0", "false", CLAIM_D, "d.xml") < 0 ||
	    add(fx, "t", "B", "true", "2", "false", CLAIM_ALL, "b.xml") < 0 ||
	    add(fx, "t", "A", "true", "4", "true", CLAIM_ALL, "a.xml") < 0 ||
	    add(fx, "t", "C", "false", "2", "true", CLAIM_NONE, "c.xml") < 0)
		return -1;
	return cchc_ranking_build(&fx->r, (const cchc_score *const *)fx->s, fx->n, fx->diag);
}

static const char *id_of(const cchc_rank_entry *e)
{
	return cchc_assessment_agency_id(e->score->assessment);
}

static void test_ranks_and_gaps(void)
{
	fixture fx;
	if (load_block(&fx) < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	ASSERT_EQ(fx.r->nblocks, 1);
	const cchc_block *b = &fx.r->blocks[0];
	ASSERT_STR(b->id, "t");
	ASSERT_EQ(b->n, 4);
	static const struct {
		const char *id;
		size_t rank;
		cchc_points total, gap_top, gap_bottom, gap_above;
		const char *band;
	} want[] = {
		{"A", 1, 1000, 0, 600, 0, "Tốt"},
		{"B", 2, 500, 500, 100, 500, "Khá"}, /* ties sort by id */
		{"C", 2, 500, 500, 100, 500, "Khá"}, /* the agency above a tie is A, not B */
		{"D", 4, 400, 600, 0, 100, "Yếu"},   /* 1, 2, 2, 4 */
	};
	for (size_t i = 0; i < 4; i++) {
		const cchc_rank_entry *e = &b->entries[i];
		ASSERT_STR(id_of(e), want[i].id);
		ASSERT_EQ(e->rank, want[i].rank);
		ASSERT_EQ(e->of, 4);
		ASSERT_EQ(e->score->total, want[i].total);
		ASSERT_EQ(e->gap_top, want[i].gap_top);
		ASSERT_EQ(e->gap_bottom, want[i].gap_bottom);
		ASSERT_EQ(e->gap_above, want[i].gap_above);
		ASSERT_STR(e->score->band->label, want[i].band);
	}
	/* leaves at full / partial / zero: B has a full, b partial, c zero */
	ASSERT_EQ(b->entries[1].leaves_full, 1);
	ASSERT_EQ(b->entries[1].leaves_partial, 1);
	ASSERT_EQ(b->entries[1].leaves_zero, 1);
	/* lookup */
	const cchc_block *found = NULL;
	const cchc_rank_entry *d = cchc_ranking_find(fx.r, "D", &found);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	ASSERT_EQ(d->rank, 4);
	CU_ASSERT_PTR_EQUAL(found, b);
	CU_ASSERT_PTR_NULL(cchc_ranking_find(fx.r, "Z", NULL));
	fx_free(&fx);
}

static void test_group_ranks(void)
{
	fixture fx;
	if (load_block(&fx) < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	const cchc_block *b = &fx.r->blocks[0];
	/* G1: A 6, B 5, D 4, C 1 → A 1, B 2, D 3, C 4.  G2: A 4, C 4, B 0, D 0 → 1, 1, 3, 3. */
	static const size_t g1[] = {1, 2, 4, 3}, g2[] = {1, 3, 1, 3}; /* in rank order A B C D */
	for (size_t i = 0; i < 4; i++) {
		ASSERT_EQ(b->entries[i].group_ranks[0], g1[i]);
		ASSERT_EQ(b->entries[i].group_ranks[1], g2[i]);
	}
	fx_free(&fx);
}

#define ASSERT_NEAR(actual, expected)                                                         \
	do {                                                                                      \
		double a_ = (actual), e_ = (expected);                                                \
		if (fabs(a_ - e_) > 1e-9)                                                             \
			fprintf(stderr, "\n    %s:%d: %s is %.10f, expected %.10f\n", __FILE__, __LINE__, \
			        #actual, a_, e_);                                                     \
		CU_assertImplementation(fabs(a_ - e_) <= 1e-9, __LINE__, #actual, __FILE__, "",      \
		                        CU_FALSE);                                                    \
	} while (0)

static void test_statistics(void)
{
	fixture fx;
	if (load_block(&fx) < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	const cchc_block *b = &fx.r->blocks[0];
	/* totals 10, 5, 5, 4: mean 6, median 5, sample sd √((16+1+1+4)/3) = √(22/3) */
	ASSERT_EQ(b->total.n, 4);
	ASSERT_NEAR(b->total.mean, 6.0);
	ASSERT_NEAR(b->total.median, 5.0);
	ASSERT_NEAR(b->total.sd, sqrt(22.0 / 3.0));
	ASSERT_NEAR(b->total.min, 4.0);
	ASSERT_NEAR(b->total.max, 10.0);
	/* criterion c: 4, 0, 4, 0 → mean 2, half at full, 8 points lost by 2 agencies */
	const cchc_node *c = cchc_criteria_find(set_t, "c");
	const cchc_stat *sc = &b->nodes[c->index];
	ASSERT_NEAR(sc->mean, 2.0);
	ASSERT_NEAR(sc->median, 2.0);
	ASSERT_NEAR(sc->share_full, 0.5);
	ASSERT_EQ(sc->below_max, 2);
	ASSERT_EQ(sc->points_lost, 800);
	/* group G1: 6, 5, 1, 4 → mean 4, median 4,5 */
	const cchc_stat *g1 = &b->nodes[cchc_criteria_find(set_t, "G1")->index];
	ASSERT_NEAR(g1->mean, 4.0);
	ASSERT_NEAR(g1->median, 4.5);
	ASSERT_NEAR(g1->share_full, 0.25);
	/* most lost: b by 3 agencies, c by 2, a by 1 */
	ASSERT_EQ(b->nmost_lost, 3);
	ASSERT_STR(b->most_lost[0]->id, "b");
	ASSERT_STR(b->most_lost[1]->id, "c");
	ASSERT_STR(b->most_lost[2]->id, "a");
	fx_free(&fx);
}

static void test_self_accuracy(void)
{
	fixture fx;
	if (load_block(&fx) < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	const cchc_block *b = &fx.r->blocks[0];
	const cchc_rank_entry *A = &b->entries[0], *B = &b->entries[1], *C = &b->entries[2],
	                      *D = &b->entries[3];
	ASSERT_EQ(A->self_deviation, 0);
	ASSERT_EQ(A->overclaimed, 0);
	/* B claimed 10 for 5: +5, 100 % of its total, on b and c */
	ASSERT_EQ(B->self_deviation, 500);
	ASSERT_EQ(B->self_deviation_pct, 10000);
	ASSERT_EQ(B->overclaimed, 2);
	/* C claimed nothing: nothing to compare */
	ASSERT_EQ(C->self_deviation, 0);
	ASSERT_EQ(C->self_deviation_pct, 0);
	ASSERT_EQ(D->self_deviation, 0);
	/* block: the three that claimed, 10, 10, 4 (mean 8) against 10, 5, 4 (mean 6,33…) */
	ASSERT_EQ(b->self_total.n, 3);
	ASSERT_NEAR(b->self_total.mean, 8.0);
	ASSERT_NEAR(b->self_final.mean, 19.0 / 3.0);
	fx_free(&fx);
}

static void test_blocks_and_duplicates(void)
{
	fixture fx;
	memset(&fx, 0, sizeof fx);
	fx.diag = cchc_diag_new();
	/* two blocks side by side, each ranked on its own */
	if (add(&fx, "t", "A", "true", "4", "true", CLAIM_NONE, "a.xml") < 0 ||
	    add(&fx, "u", "X", "false", "1", "false", CLAIM_NONE, "x.xml") < 0 ||
	    add(&fx, "t", "B", "false", "0", "false", CLAIM_NONE, "b.xml") < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	ASSERT_EQ(cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, fx.n, fx.diag), 0);
	ASSERT_EQ(fx.r->nblocks, 2);
	ASSERT_STR(fx.r->blocks[0].id, "t");
	ASSERT_EQ(fx.r->blocks[0].n, 2);
	ASSERT_STR(fx.r->blocks[1].id, "khoi-u");
	ASSERT_EQ(fx.r->blocks[1].n, 1);
	ASSERT_EQ(fx.r->blocks[1].entries[0].rank, 1);
	ASSERT_EQ(fx.r->blocks[1].entries[0].of, 1);
	cchc_ranking_free(fx.r);
	fx.r = NULL;

	/* the same agency twice in one block */
	if (add(&fx, "t", "A", "false", "0", "false", CLAIM_NONE, "a-copy.xml") < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	ASSERT_EQ(cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, fx.n, fx.diag), -1);
	CU_ASSERT_PTR_NULL(fx.r);
	/* reported once, on one file, naming the other (files in name order) */
	ASSERT_EQ(cchc_diag_count(fx.diag), 1);
	ASSERT_DIAG(fx.diag, 0, "agency \"A\" is assessed twice (also in a-copy.xml): keep one "
	                        "assessment per agency");

	/* and in two blocks */
	cchc_diag_clear(fx.diag);
	cchc_score_free(fx.s[--fx.n]);
	cchc_assessment_free(fx.a[fx.n]);
	if (add(&fx, "u", "A", "false", "0", "false", CLAIM_NONE, "a-u.xml") < 0) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	ASSERT_EQ(cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, fx.n, fx.diag), -1);
	ASSERT_EQ(cchc_diag_count(fx.diag), 1);
	const cchc_diag_entry *e = cchc_diag_get(fx.diag, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "agency \"A\" is also in block"));
	CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "an agency belongs to one block only"));
	fx_free(&fx);
}

/* An agency whose max shrank (a criterion not applicable) ranks on its share,
 * and its gaps are measured on the set's scale, in agreement with its rank. */
static void test_shrunk_max(void)
{
	fixture fx;
	memset(&fx, 0, sizeof fx);
	fx.diag = cchc_diag_new();
	const cchc_criteria *sets[2] = {set_t, set_u};
	/* N: a not applicable (max 6), b 4 items 2, c ✓ 4 → 6/6 = 100 %, as A's 10/10.
	 * M: a ✗, b 2 items 1, c ✓ 4 → 5/10 = 50 %. */
	static const char *const xml[] = {
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">"
		"<agency id=\"N\" name=\"N\"/><item criterion=\"a\" na=\"true\"/>"
		"<item criterion=\"b\" count=\"4\"/><item criterion=\"c\" met=\"true\"/></assessment>",
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">"
		"<agency id=\"M\" name=\"M\"/><item criterion=\"a\" met=\"false\"/>"
		"<item criterion=\"b\" count=\"2\"/><item criterion=\"c\" met=\"true\"/></assessment>",
	};
	int ok = add(&fx, "t", "A", "true", "4", "true", CLAIM_NONE, "a.xml") == 0;
	for (size_t i = 0; ok && i < 2; i++) {
		ok = cchc_assessment_load_memory(&fx.a[fx.n], sets, 2, xml[i], strlen(xml[i]), "x.xml",
		                                 fx.diag) == 0 &&
		     cchc_score_compute(&fx.s[fx.n], fx.a[fx.n]) == 0;
		fx.n += ok;
	}
	ok = ok && cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, fx.n, fx.diag) == 0;
	if (!ok) {
		CU_FAIL("inputs refused");
		fx_free(&fx);
		return;
	}
	const cchc_block *b = &fx.r->blocks[0];
	ASSERT_STR(id_of(&b->entries[1]), "N");
	ASSERT_EQ(b->entries[1].score->max, 600);
	ASSERT_EQ(b->entries[1].rank, 1); /* level with A at 100 % */
	ASSERT_EQ(b->entries[1].gap_top, 0);
	ASSERT_EQ(b->entries[1].gap_bottom, 500); /* 10,00 on the set's scale − M's 5,00 */
	ASSERT_EQ(b->entries[2].gap_above, 500);
	fx_free(&fx);
}

/* Competition ranks straight from the comparator: exact ties only. */
static int cmp_points(size_t a, size_t b, const void *ctx)
{
	const cchc_points *p = ctx;
	return (p[a] > p[b]) - (p[a] < p[b]);
}

static void test_competition_ranks(void)
{
	/* 70,00 and 69,99 differ; the two 81,70s and three 50,00s share ranks */
	const cchc_points p[] = {7000, 8170, 6999, 5000, 8170, 5000, 5000, 9000};
	const size_t want[] = {4, 2, 5, 6, 2, 6, 6, 1};
	size_t ranks[8];
	cchc_competition_ranks(8, cmp_points, p, ranks);
	for (size_t i = 0; i < 8; i++)
		ASSERT_EQ(ranks[i], want[i]);
	cchc_competition_ranks(0, cmp_points, p, ranks); /* nothing to rank: no crash */
}

static void setup(void)
{
	cchc_diag *d = NULL;
	set_t = test_criteria(SET("t", "t"), &d);
	cchc_diag_free(d);
	set_u = test_criteria(SET("u", "khoi-u"), &d);
	if (!set_u)
		fprintf(stderr, "%s", test_diag_text(d));
	cchc_diag_free(d);
}

/* ------------------------------------------------------ slimmed and tallied */

static void same_stat(const cchc_stat *a, const cchc_stat *b)
{
	/* bit for bit: both come from the same sorted values */
	CU_ASSERT(memcmp(a, b, sizeof *a) == 0);
}

/* The Huế 2018 blocks ranked twice: from whole scores, and from scores
 * counted in tallies then slimmed to their groups, as the CLI ranks a
 * national bundle. Every entry and statistic must be the same. */
static void test_slimmed_with_tallies(void)
{
	test_hue whole, slim;
	CU_ASSERT_FATAL(test_hue_load(&whole) == 0);
	CU_ASSERT_FATAL(test_hue_load(&slim) == 0);
	enum { N = TEST_HUE_SO + TEST_HUE_HUYEN };
	cchc_tally *tallies[2] = {cchc_tally_new(slim.sets[0]), cchc_tally_new(slim.sets[1])};
	CU_ASSERT_FATAL(tallies[0] && tallies[1]);
	for (size_t i = 0; i < N; i++) {
		ASSERT_EQ(cchc_tally_add(tallies[i < TEST_HUE_SO ? 0 : 1], slim.scores[i]), 0);
		ASSERT_EQ(cchc_score_slim(slim.scores[i]), 0);
		cchc_assessment_slim(slim.assessments[i]);
		CU_ASSERT_PTR_NULL(slim.scores[i]->nodes);
	}
	/* a slimmed score cannot be added twice, nor ranked without its tally */
	ASSERT_EQ(cchc_tally_add(tallies[0], slim.scores[0]), -1);
	cchc_diag *d = cchc_diag_new();
	cchc_ranking *a = NULL, *b = NULL, *none = NULL;
	ASSERT_EQ(cchc_ranking_build(&none, (const cchc_score *const *)slim.scores, N, d), -1);
	CU_ASSERT_PTR_NULL(none);
	ASSERT_DIAG(d, 0, "cannot rank block \"so-nganh\": its scores were slimmed but no tally "
	                  "counted them (a caller's error)");
	/* a tally that counted other agencies is refused too */
	ASSERT_EQ(cchc_ranking_build_tallied(&none, (const cchc_score *const *)slim.scores, 3,
	                                     tallies, 2, d),
	          -1);
	ASSERT_DIAG(d, 0, "its tally counted other agencies");

	ASSERT_EQ(cchc_ranking_build(&a, (const cchc_score *const *)whole.scores, N, d), 0);
	ASSERT_EQ(cchc_ranking_build_tallied(&b, (const cchc_score *const *)slim.scores, N, tallies, 2,
	                                     d),
	          0);
	CU_ASSERT_FATAL(a && b);
	ASSERT_EQ(b->nblocks, 2);
	for (size_t k = 0; k < a->nblocks && k < b->nblocks; k++) {
		const cchc_block *x = &a->blocks[k], *y = &b->blocks[k];
		size_t nnodes, ngroups;
		cchc_criteria_nodes(x->set, &nnodes);
		cchc_criteria_groups(x->set, &ngroups);
		ASSERT_EQ(y->n, x->n);
		same_stat(&x->total, &y->total);
		same_stat(&x->self_total, &y->self_total);
		same_stat(&x->self_final, &y->self_final);
		for (size_t i = 0; i < nnodes; i++)
			same_stat(&x->nodes[i], &y->nodes[i]);
		ASSERT_EQ(y->nmost_lost, x->nmost_lost);
		for (size_t i = 0; i < x->nmost_lost && i < y->nmost_lost; i++)
			ASSERT_STR(y->most_lost[i]->id, x->most_lost[i]->id); /* two loads of the sets */
		for (size_t i = 0; i < x->n && i < y->n; i++) {
			const cchc_rank_entry *p = &x->entries[i], *q = &y->entries[i];
			ASSERT_STR(cchc_assessment_agency_id(q->score->assessment),
			           cchc_assessment_agency_id(p->score->assessment));
			ASSERT_EQ(q->rank, p->rank);
			ASSERT_EQ(q->gap_top, p->gap_top);
			ASSERT_EQ(q->gap_above, p->gap_above);
			ASSERT_EQ(q->leaves_full, p->leaves_full);
			ASSERT_EQ(q->leaves_partial, p->leaves_partial);
			ASSERT_EQ(q->overclaimed, p->overclaimed);
			ASSERT_EQ(q->self_deviation_pct, p->self_deviation_pct);
			for (size_t g = 0; g < ngroups; g++) {
				ASSERT_EQ(q->group_ranks[g], p->group_ranks[g]);
				ASSERT_EQ(cchc_score_group(q->score, g)->points,
				          cchc_score_group(p->score, g)->points);
			}
		}
	}
	/* a figure to pin it: skhdt 18/21 with 70,00, over-claiming in the same leaves */
	const cchc_rank_entry *e = cchc_ranking_find(b, "skhdt", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	ASSERT_EQ(e->rank, 18);
	ASSERT_EQ(e->score->total, 7000);
	ASSERT_EQ(e->overclaimed, e->score->noverclaimed);
	cchc_ranking_free(a);
	cchc_ranking_free(b);
	cchc_diag_free(d);
	cchc_tally_free(tallies[0]);
	cchc_tally_free(tallies[1]);
	test_hue_free(&whole);
	test_hue_free(&slim);
}

int main(void)
{
	static const test_case tests[] = {
		{"slimmed scores ranked with tallies equal whole scores", test_slimmed_with_tallies},
		{"competition ranks on exact points", test_competition_ranks},
		{"ranks, ties and gaps", test_ranks_and_gaps},
		{"rank in each group", test_group_ranks},
		{"block statistics", test_statistics},
		{"self-assessment accuracy", test_self_accuracy},
		{"blocks, duplicate agencies", test_blocks_and_duplicates},
		{"a shrunk max: ranks and gaps on the set's scale", test_shrunk_max},
		{NULL, NULL},
	};
	setup();
	if (!set_t || !set_u)
		return 1;
	int rc = test_run_suite("rank", tests);
	cchc_criteria_free(set_t);
	cchc_criteria_free(set_u);
	return rc;
}
