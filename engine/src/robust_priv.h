/* Internals of the robustness analysis: the block prepared for fast draws,
 * the per-thread tallies (integer counts: order-free to merge) and the
 * summary. Per-draw correlations are stored by draw index and summed in
 * draw order, so floating-point results never depend on the thread count. */
#ifndef CCHC_ROBUST_PRIV_H
#define CCHC_ROBUST_PRIV_H

#include <stdint.h>

#include <gsl/gsl_rng.h>

#include "cchc/robust.h"

#define RB_MAX_GROUPS 64

/* A survey leaf whose points are redrawn. */
typedef struct {
	size_t group;            /* index among the frame groups */
	const cchc_node *leaf;
	int by_answers;
	double mean, se, lo, hi; /* mean form: scale units */
	double from, k, steps;   /* points = floor((x − from) · k) steps, 0..steps */
	int64_t step;
	int64_t published;       /* the published points: what an error-free draw gives */
	unsigned respondents;
	double *p;               /* answer form: observed shares per option */
	size_t noptions;
} rb_survey;

typedef struct {
	int64_t base[RB_MAX_GROUPS]; /* frame group points without the redrawn leaves */
	int64_t extra;               /* bonus, penalty, self-check: held fixed */
	int64_t max;
	rb_survey *survey;
	size_t nsurvey;
} rb_agency;

typedef struct {
	size_t n, ngroups, draws, target, max_options, nsurvey_items, nbands;
	int64_t group_max[RB_MAX_GROUPS], frame_max, set_max;
	const cchc_band *bands;
	double weights_pct;
	int survey;
	uint64_t seed;
	rb_agency *agencies;     /* in published rank order */
	size_t *published_rank;
	double *published;       /* total / max, published */
	double *published_avg;   /* their average ranks */
	size_t *published_order; /* indices by published total, ascending (Kendall) */
	uint64_t published_ties; /* pairs tied in the published totals */
	double *spearman, *kendall; /* per draw */
} rb_block;

typedef struct {
	uint32_t *hist;          /* n × n: agency i at rank r + 1 */
	uint64_t *band;          /* n × (nbands + 1) */
	uint64_t *top3, *target, *flip, shift_sum;
} rb_tally;

/* Kendall's tau-b against a fixed x (the published totals): x sorted once. */
void rb_kendall_prepare(const double *x, size_t n, size_t *xorder, size_t *tmp, uint64_t *n1);
double rb_kendall_fixed_x(const double *x, const double *y, size_t n, const size_t *xorder,
                          uint64_t n1, size_t *idx, size_t *tmp);

int rb_block_init(rb_block *b, const cchc_block *blk, const cchc_robust_options *opt);
/* One agency's fixed points per frame group and its survey leaves to redraw
 * (a->survey is allocated; rb_block_free frees it once a is in b->agencies). */
int rb_agency_init(rb_agency *a, rb_block *b, const cchc_score *s, const cchc_node *const *groups,
                   size_t ngroups);
/* Every draw of b on up to `threads` threads (0: one per core), summed into total. */
int rb_simulate(rb_block *b, unsigned threads, rb_tally *total);
void rb_block_free(rb_block *b);

/* Points of one redrawn survey leaf. scratch/answers hold noptions entries. */
int64_t rb_draw_survey(const rb_survey *s, gsl_rng *rng, unsigned *scratch, int64_t *answers);

/* Competition ranks of t (higher is better): rank[i] = 1 + #{j : t[j] > t[i]};
 * avg[i] the average rank (ties share their mean position). order and tmp are
 * scratch of n entries. */
void rb_competition_ranks(const double *t, size_t n, size_t *order, size_t *tmp, size_t *rank,
                          double *avg);

int rb_tally_init(rb_tally *t, const rb_block *b);
/* scratch: 2n entries */
void rb_tally_add(rb_tally *t, rb_block *b, size_t draw, const double *totals, const size_t *rank,
                  const double *avg, size_t *scratch);
void rb_tally_merge(rb_tally *into, const rb_tally *from, const rb_block *b);
void rb_tally_free(rb_tally *t);

int rb_summarise(cchc_robust_block *out, const rb_block *b, const rb_tally *t,
                 const cchc_block *blk, const cchc_ranking *previous);

#endif
