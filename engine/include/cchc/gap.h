/**
 * @file gap.h
 * Gap analysis for one agency: the points it lost and why, what it takes to
 * reach a target rank (the cheapest set of lost criteria to win back, found
 * exactly), the rank reachable with everything won back, and the change from
 * the previous year.
 *
 * The model, stated in every report: the other agencies keep this year's
 * scores; a criterion won back is earned and claimed at its full points; and
 * the agency's total is then scored again by the engine with every rule of the
 * total (bonus cap, penalty floor, N/A, the self-check), never summed by the
 * planner (cchc_score_compute_overlay()). A gap borrows the ranking (and
 * through it the scores, which must not be slimmed for the agency analysed),
 * which must outlive it.
 */
#ifndef CCHC_GAP_H
#define CCHC_GAP_H

#include <stddef.h>

#include "cchc/rank.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default effort of winning a criterion back, by cause, when it has no effort="…". */
#define CCHC_EFFORT_LATE 1
#define CCHC_EFFORT_UNDOCUMENTED 1
#define CCHC_EFFORT_APPRAISAL 2
#define CCHC_EFFORT_PARTIAL 2
#define CCHC_EFFORT_NOT_DONE 3
#define CCHC_EFFORT_SURVEY 5

/** One leaf below its max: points the agency can win back. */
typedef struct cchc_loss {
	const cchc_node *leaf;
	const cchc_node_score *ns;
	cchc_points lost;   /**< max − points, > 0 */
	int effort;         /**< the criterion's effort, or the default for its cause */
	int in_recovery;    /**< chosen for the target rank */
} cchc_loss;

/** Up to here, down from here: a criterion compared with last year. */
typedef enum {
	CCHC_TREND_NEW = 0, /**< no counterpart last year */
	CCHC_TREND_UP,
	CCHC_TREND_HELD,
	CCHC_TREND_DOWN
} cchc_trend;

/** A criterion (children of groups) this year against last year. */
typedef struct cchc_change {
	const cchc_node *node;
	const cchc_node *previous_node; /**< NULL: no counterpart */
	cchc_points points, max;
	cchc_points previous_points, previous_max;
	cchc_trend trend;   /**< points compared as a share of max */
	int achieved;       /**< at full points this year */
} cchc_change;

/**
 * A row of the plan's task table: a remedy that wins lost points back. Criteria
 * of one area whose remedies say the same (task, solution, owner, support,
 * deadline) share one row, which lists them.
 */
typedef struct cchc_gap_task {
	const cchc_node *criterion;  /**< the first node whose <remedy> this is (a lost leaf or its ancestor) */
	const cchc_node **criteria;  /**< every such node, in criteria order (criteria[0] == criterion) */
	size_t ncriteria;
	const cchc_remedy *remedy;
	size_t area;                 /**< index into cchc_gap.areas */
	cchc_points lost;            /**< points lost under this remedy */
	int in_recovery;             /**< serves a criterion chosen for the target rank */
} cchc_gap_task;

typedef struct cchc_gap {
	const cchc_block *block;
	const cchc_rank_entry *entry;

	cchc_loss *losses;  /**< scored and survey leaves below max, in criteria order */
	size_t nlosses;
	cchc_points lost_by_cause[CCHC_CAUSE_COUNT]; /**< indexed by cchc_cause */
	size_t count_by_cause[CCHC_CAUSE_COUNT];
	cchc_points recoverable;      /**< sum of all losses */

	size_t target_rank;           /**< 0: no target asked */
	cchc_points needed;           /**< points to reach target_rank: max(0, s* − s) */
	int reachable;                /**< some set of losses, re-scored, reaches target_rank */
	cchc_points recovered;        /**< points of the chosen losses */
	long recovery_effort;         /**< their total effort */
	size_t nrecovery;             /**< losses marked in_recovery */
	cchc_points plan_total;       /**< the total re-scored with the chosen losses won back */
	size_t plan_rank;             /**< the rank that total gives (others keep their scores) */
	int plan_exact;               /**< 1: no cheaper set reaches the target; 0: the search was cut short */
	size_t search_steps;          /**< sets tried by the search (0: none needed) */
	cchc_points best_total;       /**< the total re-scored with every loss won back */
	size_t best_rank;             /**< the rank best_total gives */

	/* the task table: by area (in group order), chosen criteria first, then criteria order */
	cchc_gap_task *tasks;
	size_t ntasks;
	const cchc_node **task_criteria; /**< storage of the tasks' criteria lists */
	const char **areas;           /**< area titles, in group order */
	size_t nareas;
	size_t nlost_without_remedy;  /**< lost leaves no <remedy> covers */

	/* with a previous year */
	const cchc_rank_entry *previous; /**< NULL when none */
	const cchc_block *previous_block;
	cchc_change *changes;         /**< one per criterion of depth 1 in the scored groups, in order */
	size_t nchanges;
	const cchc_node **unmatched_previous; /**< last year's criteria with no counterpart */
	size_t nunmatched_previous;
} cchc_gap;

/** A mapping of last year's criterion ids to this year's (the rest keep their id). */
typedef struct cchc_id_map cchc_id_map;

/**
 * Load a mapping file: one "OLD NEW" pair per line, '#' starts a comment.
 * Errors (a malformed line, an old id mapped twice) name the file and line.
 */
int cchc_id_map_load(cchc_id_map **out, const char *path, cchc_diag *diag);
void cchc_id_map_free(cchc_id_map *map);

/**
 * Analyse agency_id's place in ranking.
 * @param target_rank 0 for none, else the rank to reach (1..of)
 * @param previous last year's ranking, or NULL; map may be NULL
 * @return 0, or -1 (see diag): unknown agency, target out of range, out of memory
 */
int cchc_gap_build(cchc_gap **out, const cchc_ranking *ranking, const char *agency_id,
                   size_t target_rank, const cchc_ranking *previous, const cchc_id_map *map,
                   cchc_diag *diag);

void cchc_gap_free(cchc_gap *gap);

/**
 * The exact cheapest subset of items whose points reach at least `needed`:
 * least total effort, then fewest points (least overshoot); ties resolved the same way every run.
 * take[i] is set to 1 for the chosen items.
 * @return the total effort, or -1 if even all items fall short or memory runs out
 */
long cchc_recover_cheapest(size_t n, const cchc_points *points, const int *effort,
                           cchc_points needed, unsigned char *take);

#ifdef __cplusplus
}
#endif

#endif
