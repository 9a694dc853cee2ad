/* The least-effort recovery, judged by re-scoring. A set of lost criteria
 * reaches the target when the agency's total, scored again with those
 * criteria won back (cchc_score_compute_overlay), reaches the threshold. The
 * total is not a plain sum — the self-check deduction can appear or fall away —
 * so sums only bound the search: every feasible set has
 * Σ lost ≥ threshold − (total before the self-check). The knapsack over that
 * bound is the fast path; when its answer does not re-score to the target, a
 * branch and bound over the same bound finds the exact answer. */
#include <stdint.h>
#include <stdlib.h>

#include "gap_priv.h"
#include "util_priv.h"

/* Past these the search stops and says its answer may not be the cheapest. */
#define SEARCH_NODES 2000000
#define SEARCH_EVALS 20000
#define BOUND_CELLS ((size_t)1 << 24)
#define NO_EFFORT INT32_MAX

typedef struct search {
	const cchc_score *self;
	cchc_loss *losses;
	size_t n;
	size_t *order;         /* losses, cheapest per point first */
	unsigned char *won;    /* by node index, for the overlay */
	unsigned char *pick;   /* by loss index: the set being tried */
	unsigned char *best;   /* by loss index: the best set found */
	cchc_points thr;       /* the total the target needs */
	cchc_points need_lb;   /* Σ lost every feasible set reaches */
	cchc_points g;         /* gcd of the losses' points */
	size_t cap;            /* need_lb in units of g, rounded up */
	int32_t *bound;        /* (n + 1) × (cap + 1): least effort to gather r units from order[i..] */
	long best_effort;
	cchc_points best_points, best_total;
	int found, cut, failed;
	size_t nodes, evals;
} search;

int cchc_gap_rescore(const cchc_score *self, const unsigned char *won, cchc_points *total)
{
	cchc_score *s;
	if (cchc_score_compute_overlay(&s, self->assessment, won) < 0)
		return -1;
	*total = s->total;
	cchc_score_free(s);
	return 0;
}

/* A loss's place in the search order: cheapest per point first, then the
 * bigger, then criteria order (qsort has no context argument, hence the copy). */
typedef struct order_key {
	int64_t effort, lost;
	size_t index, k;
} order_key;

static int by_cost_per_point(const void *pa, const void *pb)
{
	const order_key *a = pa, *b = pb;
	/* effort/lost ascending, compared exactly: a.e × b.l vs b.e × a.l */
	int64_t x = a->effort * b->lost, y = b->effort * a->lost;
	if (x != y)
		return x < y ? -1 : 1;
	if (a->lost != b->lost)
		return a->lost > b->lost ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

static int sort_losses(search *s)
{
	order_key *keys = cchc_calloc(s->n, sizeof *keys);
	if (!keys)
		return -1;
	for (size_t i = 0; i < s->n; i++)
		keys[i] = (order_key){s->losses[i].effort, s->losses[i].lost, s->losses[i].leaf->index, i};
	qsort(keys, s->n, sizeof *keys, by_cost_per_point);
	for (size_t i = 0; i < s->n; i++)
		s->order[i] = keys[i].k;
	free(keys);
	return 0;
}

static void build_bound(search *s)
{
	if (s->need_lb <= 0 || (s->n + 1) > BOUND_CELLS / (s->cap + 1))
		return; /* no table: the search bounds by the effort spent alone */
	s->bound = malloc((s->n + 1) * (s->cap + 1) * sizeof *s->bound);
	if (!s->bound)
		return;
	int32_t *last = s->bound + s->n * (s->cap + 1);
	last[0] = 0;
	for (size_t r = 1; r <= s->cap; r++)
		last[r] = NO_EFFORT;
	for (size_t i = s->n; i-- > 0;) {
		const cchc_loss *l = &s->losses[s->order[i]];
		const size_t units = (size_t)(l->lost / s->g);
		const int32_t *next = s->bound + (i + 1) * (s->cap + 1);
		int32_t *row = s->bound + i * (s->cap + 1);
		for (size_t r = 0; r <= s->cap; r++) {
			const int32_t rest = next[r > units ? r - units : 0];
			const int64_t with = rest == NO_EFFORT ? NO_EFFORT : (int64_t)rest + l->effort;
			row[r] = next[r] < with ? next[r] : (int32_t)(with < NO_EFFORT ? with : NO_EFFORT);
		}
	}
}

/* Least effort still to spend from order[pos..] for the bound, or NO_EFFORT. */
static int64_t still_needed(const search *s, size_t pos, cchc_points have)
{
	const cchc_points rest = s->need_lb - have;
	if (rest <= 0 || !s->bound)
		return 0;
	const size_t r = (size_t)((rest + s->g - 1) / s->g);
	return s->bound[pos * (s->cap + 1) + (r < s->cap ? r : s->cap)];
}

static int better(const search *s, long effort, cchc_points points)
{
	return !s->found || effort < s->best_effort ||
	       (effort == s->best_effort && points < s->best_points);
}

/* Re-score the set in pick; keep it when it reaches the target and beats the best. */
static int try_set(search *s, long effort, cchc_points points)
{
	cchc_points total;
	s->evals++;
	if (cchc_gap_rescore(s->self, s->won, &total) < 0) {
		s->failed = 1;
		return 0;
	}
	if (total < s->thr)
		return 0;
	if (better(s, effort, points)) {
		s->found = 1;
		s->best_effort = effort;
		s->best_points = points;
		s->best_total = total;
		for (size_t i = 0; i < s->n; i++)
			s->best[i] = s->pick[i];
	}
	return 1;
}

static void dfs(search *s, size_t pos, cchc_points have, long effort)
{
	if (s->failed || s->cut)
		return;
	if (++s->nodes > SEARCH_NODES || s->evals >= SEARCH_EVALS) {
		s->cut = 1;
		return;
	}
	if (s->found && (effort > s->best_effort ||
	                 (effort == s->best_effort && have >= s->best_points)))
		return;
	/* A set that reaches the target is kept; anything added to it costs more. */
	if (have >= s->need_lb && try_set(s, effort, have))
		return;
	if (pos == s->n)
		return;
	const int64_t more = still_needed(s, pos, have);
	if (more == NO_EFFORT || (s->found && effort + more > s->best_effort))
		return;
	const size_t k = s->order[pos];
	cchc_loss *l = &s->losses[k];
	s->pick[k] = 1;
	s->won[l->leaf->index] = 1;
	dfs(s, pos + 1, have + l->lost, effort + l->effort);
	s->pick[k] = 0;
	s->won[l->leaf->index] = 0;
	dfs(s, pos + 1, have, effort);
}

/* The fast path: the knapsack over the bound, then one re-score. */
static int knapsack_first(search *s, const cchc_points *pts, const int *eff)
{
	long cost = cchc_recover_cheapest(s->n, pts, eff, s->need_lb, s->pick);
	if (cost < 0)
		return 0;
	cchc_points points = 0;
	for (size_t i = 0; i < s->n; i++) {
		s->won[s->losses[i].leaf->index] = s->pick[i];
		points += s->pick[i] ? s->losses[i].lost : 0;
	}
	int ok = try_set(s, cost, points);
	for (size_t i = 0; i < s->n; i++) {
		s->won[s->losses[i].leaf->index] = 0;
		s->pick[i] = 0;
	}
	return ok;
}

int cchc_gap_search(cchc_gap *gap, cchc_points thr, cchc_diag *diag)
{
	const cchc_score *self = gap->entry->score;
	search s = {.self = self, .losses = gap->losses, .n = gap->nlosses, .thr = thr};
	int rc = -1;
	cchc_points *pts = cchc_calloc(s.n, sizeof *pts);
	int *eff = cchc_calloc(s.n, sizeof *eff);
	s.order = cchc_calloc(s.n, sizeof *s.order);
	s.pick = cchc_calloc(s.n, 1);
	s.best = cchc_calloc(s.n, 1);
	s.won = cchc_calloc(self->nnodes, 1);
	if (!pts || !eff || !s.order || !s.pick || !s.best || !s.won)
		goto out;
	s.need_lb = thr - (self->total - self->self_check);
	for (size_t i = 0; i < s.n; i++) {
		pts[i] = s.losses[i].lost;
		eff[i] = s.losses[i].effort;
		s.order[i] = i;
		s.g = cchc_gcd64(s.g, pts[i]);
	}
	if (s.g <= 0)
		s.g = 1;
	s.cap = s.need_lb > 0 ? (size_t)((s.need_lb + s.g - 1) / s.g) : 0;
	gap->plan_exact = 1;
	if (!knapsack_first(&s, pts, eff) && !s.failed) {
		if (sort_losses(&s) < 0)
			goto out;
		build_bound(&s);
		dfs(&s, 0, 0, 0);
		gap->plan_exact = !s.cut;
	}
	if (s.failed)
		goto out;
	gap->reachable = s.found;
	if (s.found) {
		gap->recovery_effort = s.best_effort;
		gap->plan_total = s.best_total;
		for (size_t i = 0; i < s.n; i++)
			if (s.best[i]) {
				gap->losses[i].in_recovery = 1;
				gap->recovered += gap->losses[i].lost;
				gap->nrecovery++;
			}
	}
	gap->search_steps = s.nodes + s.evals;
	rc = 0;
out:
	if (rc < 0)
		cchc_diag_addf(diag, NULL, 0, "out of memory while planning the recovery");
	free(pts);
	free(eff);
	free(s.order);
	free(s.pick);
	free(s.best);
	free(s.won);
	free(s.bound);
	return rc;
}
