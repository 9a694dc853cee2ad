/**
 * @file rank.h
 * Ranking agencies within blocks (khối): competition ranks on exact totals,
 * gaps, component (group) ranks, province statistics and self-assessment
 * accuracy. A block is the set of agencies scored on one criteria set.
 *
 * Ownership: a cchc_ranking owns its arrays; it borrows the scores (and
 * through them the assessments and criteria sets), which must outlive it.
 */
#ifndef CCHC_RANK_H
#define CCHC_RANK_H

#include <stddef.h>

#include "cchc/diag.h"
#include "cchc/score.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One agency's place in its block. */
typedef struct cchc_rank_entry {
	const cchc_score *score;
	size_t rank;                /**< competition rank: 1, 2, 2, 4 */
	size_t of;                  /**< agencies in the block */
	/* Gaps compare totals on the set's scale (total × set max / agency max) so
	 * that they agree with the ranks when N/A exclusions shrink a max; with
	 * equal maxima they are plain differences of totals. */
	cchc_points gap_top;        /**< the top total minus this total */
	cchc_points gap_bottom;     /**< this total minus the bottom total */
	cchc_points gap_above;      /**< the next higher total minus this total (0 at rank 1) */
	size_t *group_ranks;        /**< competition rank in each group, by group order */
	size_t leaves_full, leaves_partial, leaves_zero;
	cchc_points self_deviation; /**< cchc_score_self_deviation(): self_total − total (positive: over-claimed) */
	int64_t self_deviation_pct; /**< |self_deviation| / total, hundredths of a percent */
	size_t overclaimed;         /**< leaves whose claim exceeds the final points */
} cchc_rank_entry;

/** Summary statistics of one figure across a block's agencies (display only). */
typedef struct cchc_stat {
	double mean, median, sd, min, max;
	double share_full;          /**< share of agencies at full points, 0..1 */
	size_t n;                   /**< agencies counted (excluded ones are not) */
	size_t below_max;           /**< agencies that lost points on it */
	cchc_points points_lost;    /**< exact sum of max − points over the agencies counted */
} cchc_stat;

/** One block: its agencies in rank order and its statistics. */
typedef struct cchc_block {
	const char *id;             /**< the criteria set's block id (its id unless given) */
	const cchc_criteria *set;
	cchc_rank_entry *entries;   /**< by rank, ties by agency id */
	size_t n;
	cchc_stat total;            /**< of totals */
	cchc_stat self_total;       /**< of self-claimed totals (agencies that claimed) */
	cchc_stat self_final;       /**< of the final totals of those same agencies */
	cchc_stat *nodes;           /**< per node index: points (n counts non-excluded agencies) */
	const cchc_node **most_lost; /**< leaves by number of agencies losing points, most first */
	size_t nmost_lost;
} cchc_block;

typedef struct cchc_ranking {
	cchc_block *blocks;         /**< in the order their sets were first met */
	size_t nblocks;
} cchc_ranking;

/**
 * Rank scores into blocks by criteria set.
 * Duplicate agency ids (in one block or across blocks) are errors naming both files.
 * @return 0, or -1 (see diag) on duplicates or out of memory
 */
int cchc_ranking_build(cchc_ranking **out, const cchc_score *const *scores, size_t nscores,
                       cchc_diag *diag);

/** Free a ranking; NULL is allowed. */
void cchc_ranking_free(cchc_ranking *ranking);

/**
 * A block's node statistics gathered one score at a time, for a ranking of
 * more agencies than their node scores would fit: add each score to its
 * set's tally while it is whole, cchc_score_slim() it, and rank the slimmed
 * scores with cchc_ranking_build_tallied(). Memory follows the criteria tree
 * and the number of distinct points per node, not the number of agencies.
 */
typedef struct cchc_tally cchc_tally;

/** An empty tally for the agencies of one criteria set; NULL when out of memory. */
cchc_tally *cchc_tally_new(const cchc_criteria *set);

/** Count one agency; its score must be of the tally's set and not slimmed. 0, or -1. */
int cchc_tally_add(cchc_tally *tally, const cchc_score *score);

void cchc_tally_free(cchc_tally *tally);

/**
 * cchc_ranking_build() for scores that may be slimmed: a block whose set has
 * a tally among tallies (which must have counted exactly that block's
 * scores) takes its node statistics from it; every other block reads its
 * scores' nodes, which must not be slimmed. Same result as
 * cchc_ranking_build() on the whole scores.
 */
int cchc_ranking_build_tallied(cchc_ranking **out, const cchc_score *const *scores,
                               size_t nscores, cchc_tally *const *tallies, size_t ntallies,
                               cchc_diag *diag);

/** The entry of an agency, or NULL. */
const cchc_rank_entry *cchc_ranking_find(const cchc_ranking *ranking, const char *agency_id,
                                         const cchc_block **block);

/**
 * Competition ranks of n values (higher is better), compared exactly with cmp.
 * ranks[i] receives the rank of item i. Used for totals and group ranks.
 */
void cchc_competition_ranks(size_t n, int (*cmp)(size_t a, size_t b, const void *ctx),
                            const void *ctx, size_t *ranks);

#ifdef __cplusplus
}
#endif

#endif
