/**
 * @file score.h
 * Scoring one assessment: points per node, and for every leaf that lost
 * points its cause and the facts behind the reason. The reason's wording
 * (Vietnamese or English) is the renderers' business; the engine gives the
 * figures (dates, values, thresholds) so that every report says the same.
 *
 * Ownership: a cchc_score owns its arrays and borrows strings from the
 * assessment and the criteria set, which must outlive it.
 */
#ifndef CCHC_SCORE_H
#define CCHC_SCORE_H

#include <stddef.h>

#include "cchc/assessment.h"
#include "cchc/criteria.h"
#include "cchc/points.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why a leaf is below its max. */
typedef enum {
	CCHC_CAUSE_NONE = 0,     /**< full points (or N/A) */
	CCHC_CAUSE_LATE,         /**< done after the deadline */
	CCHC_CAUSE_UNDOCUMENTED, /**< claimed, no evidence, points not granted */
	CCHC_CAUSE_PARTIAL,      /**< a rate, count, grade or scale below the top */
	CCHC_CAUSE_NOT_DONE,     /**< no item, met="false", count 0 */
	CCHC_CAUSE_APPRAISAL,    /**< cut by the council */
	CCHC_CAUSE_SURVEY,       /**< survey points below max */
	CCHC_CAUSE_PENALTY,      /**< points deducted in a penalty group */
	CCHC_CAUSE_COUNT
} cchc_cause;

/** The specific situation behind a cause, so a renderer can word it. */
typedef enum {
	CCHC_WHY_NONE = 0,
	CCHC_WHY_NO_ITEM,        /**< no evidence submitted */
	CCHC_WHY_NOT_MET,        /**< met="false" */
	CCHC_WHY_LATE,           /**< date, due, days_late */
	CCHC_WHY_NO_DOC,         /**< self claimed, no doc */
	CCHC_WHY_TIER,           /**< value below the next tier: value, target, target_points */
	CCHC_WHY_LINEAR,         /**< value below `to`: value, target */
	CCHC_WHY_COUNT,          /**< count, target (the count for max) */
	CCHC_WHY_COUNT_ZERO,     /**< count 0 */
	CCHC_WHY_RATIO,          /**< numerator, denominator */
	CCHC_WHY_GRADE,          /**< grade (label), a share below 100 % */
	CCHC_WHY_JUDGED,         /**< the council judged it below max */
	CCHC_WHY_SURVEY_MEAN,    /**< mean on from..to with respondents */
	CCHC_WHY_SURVEY_ANSWERS, /**< weighted answers, value = score in % */
	CCHC_WHY_APPRAISAL,      /**< last appraisal round below the computed points */
	CCHC_WHY_PENALTY_COUNT,  /**< count of penalised events */
	CCHC_WHY_PENALTY_EVENT   /**< the penalised event happened */
} cchc_why;

/** The facts behind a leaf's points. Pointers borrow from the inputs. */
typedef struct cchc_reason {
	cchc_why why;
	cchc_date date, due;
	int days_late;
	cchc_decimal value;          /**< achieved value (tiers, linear, survey mean/score) */
	cchc_decimal target;         /**< value that earns the next better points */
	cchc_points target_points;   /**< the points that target earns */
	int64_t count, numerator, denominator, respondents;
	const char *unit;            /**< from the rule; may be NULL */
	const char *grade;           /**< grade label */
	const cchc_appraisal *appraisal; /**< the deciding round, for APPRAISAL */
	const char *note;            /**< the item's note; may be NULL */
} cchc_reason;

/** Scores of one node. */
typedef struct cchc_node_score {
	cchc_points points;   /**< final points */
	cchc_points max;      /**< the max that counts for this agency (0 if excluded) */
	cchc_points computed; /**< what the rule gave, before any appraisal */
	cchc_points self;     /**< claimed points (sum over the subtree) */
	int has_self;         /**< some claim was made in the subtree */
	int na;               /**< not applicable to this agency */
	int excluded;         /**< removed from the agency's max (N/A or no survey) */
	cchc_cause cause;     /**< leaves only */
	/** Leaves only (zero elsewhere); NULL once the score is slimmed (cchc_score_slim). */
	const cchc_reason *reason;
	size_t leaves_full, leaves_partial, leaves_zero; /**< over the subtree's counted leaves */
} cchc_node_score;

/** The result of scoring one assessment. Fields are read-only. */
typedef struct cchc_score {
	const cchc_criteria *set;
	const cchc_assessment *assessment;
	cchc_node_score *nodes;  /**< indexed by cchc_node.index */
	size_t nnodes;
	cchc_points frame;       /**< points inside the frame (scored + survey groups) */
	cchc_points bonus;       /**< bonus groups, capped */
	cchc_points penalty;     /**< penalty groups (<= 0), floored */
	cchc_points self_check;  /**< deduction (<= 0) for an inaccurate self-assessment */
	cchc_points total;       /**< frame + bonus + penalty + self_check */
	cchc_points max;         /**< the agency's max (the set's, less exclusions) */
	cchc_points self_total;  /**< the agency's own claim over all items */
	int has_self;            /**< the agency made any claim at all */
	int64_t index;           /**< total / max in hundredths of a percent, half up */
	const cchc_band *band;   /**< NULL if below every band */
	cchc_reason *reasons;    /**< the nodes' reasons, by node index; NULL once slimmed */
	/** The leaves whose claim exceeds their final points, in criteria order. */
	const struct cchc_node **overclaimed;
	size_t noverclaimed;
	/** Once slimmed: the groups' node scores, in cchc_criteria_groups() order (nodes is NULL). */
	cchc_node_score *groups;
	/** Once slimmed: the node scores of the criteria the assessment publishes
	 *  (cchc_published.criteria, in that order), for cchc_published_compare(); NULL when none. */
	cchc_node_score *published;
} cchc_score;

/**
 * Score an assessment against its criteria set.
 * @param[out] out the result; free with cchc_score_free()
 * @return 0, or -1 when out of memory
 */
int cchc_score_compute(cchc_score **out, const cchc_assessment *a);

/**
 * Score an assessment as if the leaves flagged in won[] (indexed by
 * cchc_node.index; scored and survey leaves) had been won back: each is
 * earned at its full points and, when the agency claims points anywhere,
 * claimed at them too, so an honest agency stays honest (survey results, which
 * an agency does not claim, stay unclaimed unless it did). Everything else is
 * scored as cchc_score_compute() does — bonus caps, penalty floors, N/A, the
 * self-check — so this is the uplift planner's arithmetic, never a sum of its
 * own. won may be NULL (a plain score). Excluded and penalty leaves are left as
 * they are. Reasons of won leaves are those of their evidence.
 * @return 0, or -1 when out of memory
 */
int cchc_score_compute_overlay(cchc_score **out, const cchc_assessment *a,
                               const unsigned char *won);

/** Free a result; NULL is allowed. */
void cchc_score_free(cchc_score *score);

/**
 * Keep only what ranking reads of a score: the totals, the groups' node
 * scores (cchc_score_group()), the published criteria's (score->published)
 * and the over-claimed leaves. The node scores
 * and reasons go (nodes and reasons become NULL; the reasons point into the
 * assessment's items, so slim the score before cchc_assessment_slim()). A
 * national ranking keeps every agency this way, its block statistics
 * gathered beforehand by a cchc_tally. Returns 0, or -1 when out of memory
 * (the score is then unchanged).
 */
int cchc_score_slim(cchc_score *score);

/** The node scores of group g (its position in cchc_criteria_groups()), slimmed or not. */
const cchc_node_score *cchc_score_group(const cchc_score *score, size_t g);

/** The scores of a node of the score's criteria set. */
static inline const cchc_node_score *cchc_score_node(const cchc_score *s, const cchc_node *n)
{
	return &s->nodes[n->index];
}

/**
 * The "chênh lệch" of a self-assessment, the one definition every output
 * prints: the self-claimed total minus the final total (positive: the agency
 * claimed more than it got, as the province's tables show it); 0 when the
 * agency claimed nothing.
 */
static inline cchc_points cchc_score_self_deviation(const cchc_score *s)
{
	return s->has_self ? s->self_total - s->total : 0;
}

/** The cause's name as used in JSON ("late", "not-done", …); "" for none. */
const char *cchc_cause_name(cchc_cause cause);

/**
 * Compare two agencies' totals exactly on the index (total/max), so agencies
 * with different maxima (N/A exclusions) compare fairly.
 * @return <0, 0 or >0 as a ranks below, equal to or above b
 */
int cchc_score_compare(const cchc_score *a, const cchc_score *b);

#ifdef __cplusplus
}
#endif

#endif
