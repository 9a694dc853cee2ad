/**
 * @file published.h
 * Published figures against computed ones: where the total, rank, band,
 * group and criterion points a province published for an agency (<published> in its
 * assessment) differ from what cchc computes from the evidence. Real
 * documents contradict themselves (a group published at 0,5/2 whose listed
 * criteria add up to 1); moving past results into cchc shows where. The
 * engine gives each difference as data; the caller words it (a warning, in
 * the user's language).
 */
#ifndef CCHC_PUBLISHED_H
#define CCHC_PUBLISHED_H

#include <stddef.h>

#include "cchc/assessment.h"
#include "cchc/rank.h"
#include "cchc/score.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which published figure differs. */
typedef enum {
	CCHC_FIGURE_TOTAL, /**< total points */
	CCHC_FIGURE_RANK,  /**< rank in the block */
	CCHC_FIGURE_BAND,  /**< band (xếp loại) */
	CCHC_FIGURE_GROUP, /**< one group's points */
	CCHC_FIGURE_CRITERION /**< one criterion's points */
} cchc_figure;

/** One published figure that differs from the computed one. Pointers borrow from the inputs. */
typedef struct cchc_published_diff {
	cchc_figure figure;
	long line;                      /**< the published figure's line in the assessment's file */
	const cchc_node *group;         /**< GROUP: the group; NULL otherwise */
	const cchc_node *criterion;     /**< CRITERION: the criterion; NULL otherwise */
	cchc_points published, computed; /**< TOTAL, GROUP and CRITERION: the points */
	cchc_points max;                /**< GROUP and CRITERION: its max for this agency */
	const cchc_band *published_band, *computed_band; /**< BAND (computed NULL: below every band) */
	size_t published_rank, computed_rank, of; /**< RANK: ranks, and agencies in the block */
} cchc_published_diff;

/**
 * Set the published figures of a score's assessment against the computed
 * ones: the total, the rank (when entry is given), the band, then each group
 * and then each criterion in the order published. Exact: points are compared
 * in hundredths.
 * @param score a score, whole or slimmed, of an assessment (with or without
 *              published figures: none, no difference)
 * @param entry the agency's entry in a ranking, to compare the rank; NULL
 *              leaves the rank out (a single agency has none)
 * @param[out] out receives the first cap differences; may be NULL when cap is 0
 * @return the number of differences, which may exceed cap
 */
size_t cchc_published_compare(const cchc_score *score, const cchc_rank_entry *entry,
                              cchc_published_diff *out, size_t cap);

/** The most differences cchc_published_compare() can find for a: 3 + its published groups and criteria. */
size_t cchc_published_max_diffs(const cchc_assessment *a);

#ifdef __cplusplus
}
#endif

#endif
