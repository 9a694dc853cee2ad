/* Counting the draws, and turning the counts into the per-agency and
 * per-block figures of robust.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "robust_priv.h"
#include "util_priv.h"

/* Bottom-up merge sort of indices by t, highest first; stable. */
static void sort_desc(const double *t, size_t n, size_t *order, size_t *tmp)
{
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = t[order[j]] > t[order[i]] ? order[j++] : order[i++];
			while (i < mid)
				tmp[k++] = order[i++];
			while (j < hi)
				tmp[k++] = order[j++];
		}
		memcpy(order, tmp, n * sizeof *order);
	}
}

void rb_competition_ranks(const double *t, size_t n, size_t *order, size_t *tmp, size_t *rank,
                          double *avg)
{
	sort_desc(t, n, order, tmp);
	for (size_t k = 0; k < n;) {
		size_t e = k + 1;
		while (e < n && t[order[e]] == t[order[k]])
			e++;
		for (size_t m = k; m < e; m++) {
			rank[order[m]] = k + 1;                 /* competition: 1, 2, 2, 4 */
			avg[order[m]] = (double)(k + e + 1) / 2; /* Spearman: ties share the mean rank */
		}
		k = e;
	}
}

/* Pearson correlation of two rank vectors: Spearman's rho when they are average ranks. */
static double pearson(const double *x, const double *y, size_t n)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= (double)n;
	my /= (double)n;
	for (size_t i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
}

int rb_tally_init(rb_tally *t, const rb_block *b)
{
	memset(t, 0, sizeof *t);
	const size_t n = b->n;
	t->hist = cchc_calloc(n * n, sizeof *t->hist);
	t->band = cchc_calloc(n * (b->nbands + 1), sizeof *t->band);
	t->top3 = cchc_calloc(n, sizeof *t->top3);
	t->target = cchc_calloc(n, sizeof *t->target);
	t->flip = cchc_calloc(n, sizeof *t->flip);
	return t->hist && t->band && t->top3 && t->target && t->flip ? 0 : -1;
}

void rb_tally_free(rb_tally *t)
{
	free(t->hist);
	free(t->band);
	free(t->top3);
	free(t->target);
	free(t->flip);
	memset(t, 0, sizeof *t);
}

static size_t band_of(const rb_block *b, double share)
{
	for (size_t k = 0; k < b->nbands; k++)
		if (share * (double)b->set_max >= (double)b->bands[k].min)
			return k;
	return b->nbands;
}

void rb_tally_add(rb_tally *t, rb_block *b, size_t draw, const double *totals, const size_t *rank,
                  const double *avg, size_t *scratch)
{
	const size_t n = b->n;
	for (size_t i = 0; i < n; i++) {
		t->hist[i * n + rank[i] - 1]++;
		t->band[i * (b->nbands + 1) + band_of(b, totals[i])]++;
		t->top3[i] += rank[i] <= 3;
		t->target[i] += b->target && rank[i] <= b->target;
		size_t p = b->published_rank[i];
		t->shift_sum += rank[i] > p ? rank[i] - p : p - rank[i];
		if (i + 1 < n && totals[i + 1] > totals[i])
			t->flip[i]++;
	}
	b->spearman[draw] = pearson(b->published_avg, avg, n);
	b->kendall[draw] = rb_kendall_fixed_x(b->published, totals, n, b->published_order,
	                                      b->published_ties, scratch, scratch + n);
}

void rb_tally_merge(rb_tally *into, const rb_tally *from, const rb_block *b)
{
	const size_t n = b->n;
	for (size_t i = 0; i < n * n; i++)
		into->hist[i] += from->hist[i];
	for (size_t i = 0; i < n * (b->nbands + 1); i++)
		into->band[i] += from->band[i];
	for (size_t i = 0; i < n; i++) {
		into->top3[i] += from->top3[i];
		into->target[i] += from->target[i];
		into->flip[i] += from->flip[i];
	}
	into->shift_sum += from->shift_sum;
}

/* The smallest rank whose cumulative count reaches share × draws. */
static size_t quantile_rank(const uint32_t *row, size_t n, size_t draws, double share)
{
	double need = share * (double)draws;
	uint64_t cum = 0;
	for (size_t r = 0; r < n; r++) {
		cum += row[r];
		if ((double)cum >= need && cum > 0)
			return r + 1;
	}
	return n;
}

/* Median rank: the mean of the two middle draws' ranks when the count is even. */
static double median_rank(const uint32_t *row, size_t n, size_t draws)
{
	size_t lo_pos = (draws - 1) / 2, hi_pos = draws / 2; /* 0-based middle positions */
	size_t lo = 0, hi = 0;
	uint64_t cum = 0;
	for (size_t r = 0; r < n; r++) {
		uint64_t next = cum + row[r];
		if (!lo && lo_pos < next)
			lo = r + 1;
		if (!hi && hi_pos < next)
			hi = r + 1;
		cum = next;
	}
	return (double)(lo + hi) / 2.0;
}

static void mean_and_worst(const double *v, size_t n, double *mean, double *worst)
{
	double sum = 0, w = INFINITY;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) /* in draw order: the same sum for any thread count */
		if (!isnan(v[i])) {
			sum += v[i];
			w = v[i] < w ? v[i] : w;
			k++;
		}
	*mean = k ? sum / (double)k : NAN;
	*worst = k ? w : NAN;
}

/* Agreement of published totals with another figure per agency (only where present). */
static void agreement(const cchc_block *blk, double (*other)(const cchc_rank_entry *, int *),
                      double *rho, double *tau, size_t *count)
{
	double *x = cchc_calloc(blk->n, sizeof *x), *y = cchc_calloc(blk->n, sizeof *y);
	size_t k = 0;
	for (size_t i = 0; x && y && i < blk->n; i++) {
		int ok = 0;
		double v = other(&blk->entries[i], &ok);
		if (!ok)
			continue;
		const cchc_score *s = blk->entries[i].score;
		x[k] = s->max > 0 ? (double)s->total / (double)s->max : (double)s->total;
		y[k++] = v;
	}
	*rho = k >= 3 ? cchc_spearman(x, y, k) : NAN;
	*tau = k >= 3 ? cchc_kendall(x, y, k) : NAN;
	if (count)
		*count = k;
	free(x);
	free(y);
}

static double self_claim(const cchc_rank_entry *e, int *ok)
{
	*ok = e->score->has_self;
	return (double)e->score->self_total;
}

static double mean_group_share(const cchc_rank_entry *e, int *ok)
{
	size_t ng, k = 0;
	const cchc_node *const *groups = cchc_criteria_groups(e->score->set, &ng);
	double sum = 0;
	for (size_t g = 0; g < ng; g++) {
		const cchc_node_score *gs = &e->score->nodes[groups[g]->index];
		if ((groups[g]->kind == CCHC_GROUP_SCORED || groups[g]->kind == CCHC_GROUP_SURVEY) &&
		    gs->max > 0) {
			sum += (double)gs->points / (double)gs->max;
			k++;
		}
	}
	*ok = k > 0;
	return k ? sum / (double)k : 0;
}

static const cchc_ranking *previous_ranking;
static double previous_total(const cchc_rank_entry *e, int *ok)
{
	const cchc_rank_entry *p = previous_ranking
		? cchc_ranking_find(previous_ranking, cchc_assessment_agency_id(e->score->assessment), NULL)
		: NULL;
	*ok = p != NULL;
	return p ? (p->score->max > 0 ? (double)p->score->total / (double)p->score->max : 0) : 0;
}

int rb_summarise(cchc_robust_block *out, const rb_block *b, const rb_tally *t,
                 const cchc_block *blk, const cchc_ranking *previous)
{
	const size_t n = b->n, draws = b->draws;
	memset(out, 0, sizeof *out);
	out->block = blk;
	out->n = n;
	out->nbands = b->nbands;
	out->agencies = cchc_calloc(n, sizeof *out->agencies);
	out->flip = cchc_calloc(n, sizeof *out->flip);
	if (!out->agencies || !out->flip)
		return -1;
	for (size_t i = 0; i < n; i++) {
		cchc_robust_agency *a = &out->agencies[i];
		const uint32_t *row = t->hist + i * n;
		a->entry = &blk->entries[i];
		a->median_rank = median_rank(row, n, draws);
		a->rank_p5 = quantile_rank(row, n, draws, 0.05);
		a->rank_p95 = quantile_rank(row, n, draws, 0.95);
		a->p_top3 = (double)t->top3[i] / (double)draws;
		a->p_target = (double)t->target[i] / (double)draws;
		a->p_band = cchc_calloc(b->nbands + 1, sizeof *a->p_band);
		if (!a->p_band)
			return -1;
		for (size_t k = 0; k <= b->nbands; k++)
			a->p_band[k] = (double)t->band[i * (b->nbands + 1) + k] / (double)draws;
		out->flip[i] = (double)t->flip[i] / (double)draws;
	}
	mean_and_worst(b->spearman, draws, &out->spearman_mean, &out->spearman_worst);
	mean_and_worst(b->kendall, draws, &out->kendall_mean, &out->kendall_worst);
	out->mean_abs_shift = (double)t->shift_sum / ((double)draws * (double)n);
	agreement(blk, self_claim, &out->spearman_self, &out->kendall_self, NULL);
	agreement(blk, mean_group_share, &out->spearman_alt, &out->kendall_alt, NULL);
	previous_ranking = previous;
	if (previous)
		agreement(blk, previous_total, &out->spearman_previous, &out->kendall_previous,
		          &out->n_previous);
	else
		out->spearman_previous = out->kendall_previous = NAN;
	previous_ranking = NULL;
	return 0;
}
