/**
 * @file robust.h
 * How sure is a rank? Monte Carlo over the survey's sampling error (each
 * survey mean drawn from its sampling distribution, answer counts from a
 * multinomial) and optionally over the group weights (each group max
 * perturbed within ±P %, renormalised), re-scored and re-ranked per draw.
 *
 * Reproducible: draws are cut into fixed chunks, each with its own GSL
 * generator seeded from (seed, chunk), and partial results are combined in
 * chunk order, so the output for a seed is the same whatever the thread count.
 */
#ifndef CCHC_ROBUST_H
#define CCHC_ROBUST_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/rank.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cchc_robust_options {
	size_t draws;         /**< Monte Carlo draws (e.g. 10000) */
	uint64_t seed;
	double weights_pct;   /**< perturb group maxima within ±this %; 0: no */
	int survey;           /**< redraw the surveys (1 unless only weights are studied) */
	unsigned threads;     /**< 0: one per available core */
	size_t target_rank;   /**< 0: none; else P(rank ≤ K) is reported */
} cchc_robust_options;

/** One agency across the draws. */
typedef struct cchc_robust_agency {
	const cchc_rank_entry *entry;
	double median_rank;
	size_t rank_p5, rank_p95;  /**< the 90 % rank interval */
	double p_top3, p_target;   /**< share of draws at rank ≤ 3, ≤ target */
	double *p_band;            /**< per band of the set (in set order), then "no band" last */
} cchc_robust_agency;

/** One block: agencies in published rank order. */
typedef struct cchc_robust_block {
	const cchc_block *block;
	cchc_robust_agency *agencies;
	size_t n, nbands;
	double *flip;              /**< flip[i]: share of draws where agency i+1 ends strictly above i */
	double spearman_mean, spearman_worst; /**< published vs each draw's ranking */
	double kendall_mean, kendall_worst;
	double mean_abs_shift;     /**< mean |draw rank − published rank| */
	double spearman_self, kendall_self;   /**< self-claimed vs final totals (NaN if < 3 claimed) */
	double spearman_alt, kendall_alt;     /**< raw totals vs the mean of group percentages */
	double spearman_previous, kendall_previous; /**< vs last year (NaN when not given) */
	size_t n_previous;         /**< agencies found in both years */
} cchc_robust_block;

typedef struct cchc_robust {
	cchc_robust_options options;
	cchc_robust_block *blocks;
	size_t nblocks;
	size_t survey_items;       /**< survey leaves redrawn (all agencies) */
	unsigned threads_used;
} cchc_robust;

/**
 * Run the analysis over every block of ranking; previous may be NULL.
 * @return 0, or -1 (see diag) on bad options or out of memory
 */
int cchc_robust_run(cchc_robust **out, const cchc_ranking *ranking,
                    const cchc_ranking *previous, const cchc_robust_options *options,
                    cchc_diag *diag);

void cchc_robust_free(cchc_robust *robust);

/** Spearman's rho with average ranks for ties (NaN for n < 2 or no variance). */
double cchc_spearman(const double *x, const double *y, size_t n);

/** Kendall's tau-b (ties in either variable handled; NaN when undefined). */
double cchc_kendall(const double *x, const double *y, size_t n);

#ifdef __cplusplus
}
#endif

#endif
