/* Gap analysis on small hand-made blocks: points needed under competition
 * ranking (ties share a rank), unreachable targets, default efforts by
 * cause, the comparison with last year through an id mapping. */
#include "testutil.h"

#include <stdio.h>

/* Criteria a (yes-no 4), b (0,5 per item up to 2), c (yes-no 4) in two groups. */
#define SET(id, year, cid)                                                                    \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"" id "\" year=\"" year "\" "          \
	"title=\"T\" max=\"10\">\n"                                                               \
	"<bands><band label=\"Khá\" min=\"5\"/><band label=\"Yếu\" min=\"0\"/></bands>\n"          \
	"<group id=\"G1\" title=\"Một\" max=\"6\">\n"                                              \
	"<criterion id=\"a\" title=\"a\" max=\"4\"><rule kind=\"yes-no\"/>"                        \
	"<remedy task=\"Làm a\" owner=\"Văn phòng\" when=\"Quý I\">Làm đúng hạn</remedy></criterion>\n" \
	"<criterion id=\"b\" title=\"b\" max=\"2\"><rule kind=\"per-item\" points=\"0.5\"/>"     \
	"</criterion>\n"                                                                         \
	"</group>\n"                                                                             \
	"<group id=\"G2\" title=\"Hai\" max=\"4\">\n"                                              \
	"<criterion id=\"" cid "\" title=\"c\" max=\"4\"><rule kind=\"yes-no\"/></criterion>\n"     \
	"</group>\n"                                                                             \
	"</criteria-set>\n"

typedef struct {
	cchc_criteria *set;
	cchc_assessment *a[6];
	cchc_score *s[6];
	size_t n;
	cchc_ranking *r;
} block;

static int add(block *b, const char *year, const char *id, const char *a, const char *count,
               const char *cid, const char *c)
{
	char xml[1024];
	snprintf(xml, sizeof xml,
	         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"%s\" year=\"%s\">\n"
	         "<agency id=\"%s\" name=\"%s\"/>\n"
	         "<item criterion=\"a\" met=\"%s\"/>\n<item criterion=\"b\" count=\"%s\"/>\n"
	         "<item criterion=\"%s\" met=\"%s\"/>\n</assessment>\n",
	         cchc_criteria_id(b->set), year, id, id, a, count, cid, c);
	cchc_diag *d = NULL;
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

static void block_free(block *b)
{
	cchc_ranking_free(b->r);
	for (size_t i = 0; i < b->n; i++) {
		cchc_score_free(b->s[i]);
		cchc_assessment_free(b->a[i]);
	}
	cchc_criteria_free(b->set);
}

/* This year: P 10, Q 8 (b lost), R 6 (a lost), S 4,5 and T 4,5 (b: 1 item, c lost)
 * → ranks 1, 2, 3, 4, 4. */
static int this_year(block *b)
{
	cchc_diag *d = NULL;
	memset(b, 0, sizeof *b);
	b->set = test_criteria(SET("t", "2018", "c"), &d);
	cchc_diag_free(d);
	if (!b->set || add(b, "2018", "P", "true", "4", "c", "true") < 0 ||
	    add(b, "2018", "Q", "true", "0", "c", "true") < 0 ||
	    add(b, "2018", "R", "false", "4", "c", "true") < 0 ||
	    add(b, "2018", "S", "true", "1", "c", "false") < 0 ||
	    add(b, "2018", "T", "true", "1", "c", "false") < 0)
		return -1;
	d = cchc_diag_new();
	int rc = cchc_ranking_build(&b->r, (const cchc_score *const *)b->s, b->n, d);
	cchc_diag_free(d);
	return rc;
}

static void test_needed_points(void)
{
	block b;
	if (this_year(&b) < 0) {
		CU_FAIL("inputs refused");
		block_free(&b);
		return;
	}
	cchc_diag *d = cchc_diag_new();
	cchc_gap *g = NULL;
	/* S (4,5) for rank 2: the 2nd highest of the others is Q's 8; level with Q shares rank 2 → 3,5 */
	ASSERT_EQ(cchc_gap_build(&g, b.r, "S", 2, NULL, NULL, d), 0);
	ASSERT_EQ(g->entry->rank, 4);
	ASSERT_EQ(g->needed, 350);
	/* S lost b (1,5, not… partial: 1 item of 4) and c (4, not done) */
	ASSERT_EQ(g->nlosses, 2);
	ASSERT_EQ(g->recoverable, 550);
	ASSERT_EQ(g->reachable, 1);
	/* b alone (1,5) falls short: c it is, effort 3 (not done); b's partial costs 2 */
	ASSERT_EQ(g->losses[0].effort, CCHC_EFFORT_PARTIAL);
	ASSERT_EQ(g->losses[1].effort, CCHC_EFFORT_NOT_DONE);
	ASSERT_EQ(g->recovered, 400);
	ASSERT_EQ(g->recovery_effort, 3);
	ASSERT_EQ(g->nrecovery, 1);
	CU_ASSERT(g->losses[1].in_recovery);
	/* everything back: 10, level with P → rank 1 */
	ASSERT_EQ(g->best_rank, 1);
	/* the remedy of a lost criterion forms the task table; b and c have none */
	ASSERT_EQ(g->ntasks, 0);
	ASSERT_EQ(g->nlost_without_remedy, 2);
	cchc_gap_free(g);

	/* T (4,5, tied 4th with S) for rank 1 needs 5,5: exactly all it lost (b 1,5 + c 4) */
	ASSERT_EQ(cchc_gap_build(&g, b.r, "T", 1, NULL, NULL, d), 0);
	ASSERT_EQ(g->entry->rank, 4);
	ASSERT_EQ(g->needed, 550);
	ASSERT_EQ(g->recoverable, 550);
	ASSERT_EQ(g->nrecovery, 2);
	ASSERT_EQ(g->reachable, 1);
	ASSERT_EQ(g->best_rank, 1);
	cchc_gap_free(g);

	/* Q for rank 2 needs nothing (already 2nd, tied) */
	ASSERT_EQ(cchc_gap_build(&g, b.r, "Q", 2, NULL, NULL, d), 0);
	ASSERT_EQ(g->needed, 0);
	ASSERT_EQ(g->nrecovery, 0);
	cchc_gap_free(g);

	/* R (6) for rank 1: 4 more, exactly a; the remedy of a is in the task table */
	ASSERT_EQ(cchc_gap_build(&g, b.r, "R", 1, NULL, NULL, d), 0);
	ASSERT_EQ(g->needed, 400);
	ASSERT_EQ(g->ntasks, 1);
	ASSERT_STR(g->tasks[0].remedy->task, "Làm a");
	ASSERT_STR(g->areas[g->tasks[0].area], "Một");
	CU_ASSERT(g->tasks[0].in_recovery);
	cchc_gap_free(g);
	cchc_diag_free(d);
	block_free(&b);
}

static void test_unreachable(void)
{
	block b;
	cchc_diag *d = NULL;
	memset(&b, 0, sizeof b);
	b.set = test_criteria(SET("t", "2018", "c"), &d);
	cchc_diag_free(d);
	/* U 10, V 6 with b at full: V can win back only a (4) → 10, a tie for 1st */
	if (!b.set || add(&b, "2018", "U", "true", "4", "c", "true") < 0 ||
	    add(&b, "2018", "V", "false", "4", "c", "true") < 0 ||
	    add(&b, "2018", "W", "false", "0", "c", "false") < 0) {
		CU_FAIL("inputs refused");
		block_free(&b);
		return;
	}
	d = cchc_diag_new();
	ASSERT_EQ(cchc_ranking_build(&b.r, (const cchc_score *const *)b.s, b.n, d), 0);
	cchc_gap *g = NULL;
	/* W (0) for rank 1 needs 10 and can win back 10: reachable, everything */
	ASSERT_EQ(cchc_gap_build(&g, b.r, "W", 1, NULL, NULL, d), 0);
	ASSERT_EQ(g->needed, 1000);
	ASSERT_EQ(g->reachable, 1);
	ASSERT_EQ(g->nrecovery, 3);
	cchc_gap_free(g);
	cchc_diag_free(d);
	block_free(&b);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

static void test_previous_year(void)
{
	block now, prev;
	cchc_diag *d = NULL;
	if (this_year(&now) < 0) {
		CU_FAIL("inputs refused");
		block_free(&now);
		return;
	}
	memset(&prev, 0, sizeof prev);
	/* last year c was called "c-old" */
	prev.set = test_criteria(SET("t17", "2017", "c-old"), &d);
	cchc_diag_free(d);
	/* S last year: a ✓ 4, b 4 items 2, c-old ✗ → 6; P 10 → S was 2nd of 2 */
	if (!prev.set || add(&prev, "2017", "S", "true", "4", "c-old", "false") < 0 ||
	    add(&prev, "2017", "P", "true", "4", "c-old", "true") < 0) {
		CU_FAIL("inputs refused");
		block_free(&now);
		block_free(&prev);
		return;
	}
	d = cchc_diag_new();
	ASSERT_EQ(cchc_ranking_build(&prev.r, (const cchc_score *const *)prev.s, prev.n, d), 0);

	const char *path = CCHC_TEST_TMP "/map.txt";
	write_file(path, "# 2017 → 2018\nc-old c   # renamed\n\n");
	cchc_id_map *map = NULL;
	ASSERT_EQ(cchc_id_map_load(&map, path, d), 0);
	cchc_gap *g = NULL;
	ASSERT_EQ(cchc_gap_build(&g, now.r, "S", 0, prev.r, map, d), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g->previous);
	ASSERT_EQ(g->previous->rank, 2);
	ASSERT_EQ(g->previous->score->total, 600);
	ASSERT_EQ(g->nchanges, 3);
	/* a held at 4/4, b down from 2 to 0,5, c held at 0 through the mapping */
	ASSERT_STR(g->changes[0].node->id, "a");
	ASSERT_EQ(g->changes[0].trend, CCHC_TREND_HELD);
	ASSERT_EQ(g->changes[0].achieved, 1);
	ASSERT_EQ(g->changes[1].trend, CCHC_TREND_DOWN);
	ASSERT_EQ(g->changes[1].previous_points, 200);
	ASSERT_EQ(g->changes[1].points, 50);
	ASSERT_STR(g->changes[2].previous_node->id, "c-old");
	ASSERT_EQ(g->changes[2].trend, CCHC_TREND_HELD);
	ASSERT_EQ(g->nunmatched_previous, 0);
	cchc_gap_free(g);
	cchc_id_map_free(map);

	/* without the mapping c has no counterpart and c-old is left over */
	ASSERT_EQ(cchc_gap_build(&g, now.r, "S", 0, prev.r, NULL, d), 0);
	ASSERT_EQ(g->changes[2].trend, CCHC_TREND_NEW);
	CU_ASSERT_PTR_NULL(g->changes[2].previous_node);
	ASSERT_EQ(g->nunmatched_previous, 1);
	ASSERT_STR(g->unmatched_previous[0]->id, "c-old");
	cchc_gap_free(g);

	/* an agency missing last year */
	ASSERT_EQ(cchc_gap_build(&g, now.r, "Q", 0, prev.r, NULL, d), -1);
	ASSERT_DIAG(d, 0, "agency \"Q\" is not among last year's assessments");
	cchc_diag_free(d);

	/* malformed mapping files, each line named */
	d = cchc_diag_new();
	write_file(path, "a\nb b2 extra\nc c2\nc c3\nd c2\n");
	ASSERT_EQ(cchc_id_map_load(&map, path, d), -1);
	CU_ASSERT_PTR_NULL(map);
	ASSERT_DIAG(d, 1, "write one pair per line: last year's criterion id, a space, this year's id");
	ASSERT_DIAG(d, 2, "write one pair per line");
	ASSERT_DIAG(d, 4, "\"c\" is already mapped at line 3: map each old id once");
	ASSERT_DIAG(d, 5, "\"c2\" is already the target at line 3");
	remove(path);
	cchc_diag_free(d);
	block_free(&now);
	block_free(&prev);
}

int main(void)
{
	static const test_case tests[] = {
		{"points needed, ties, cheapest recovery", test_needed_points},
		{"everything won back", test_unreachable},
		{"last year, id mapping", test_previous_year},
		{NULL, NULL},
	};
	return test_run_suite("gap", tests);
}
