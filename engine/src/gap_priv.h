/* Internals shared by gap.c and gap_previous.c. */
#ifndef CCHC_GAP_PRIV_H
#define CCHC_GAP_PRIV_H

#include "cchc/gap.h"

/* Fill gap->previous*, changes and unmatched_previous; -1 on error (in diag). */
int cchc_gap_compare_previous(cchc_gap *gap, const cchc_ranking *previous,
                              const cchc_id_map *map, cchc_diag *diag);

/* Total of the agency re-scored with the leaves flagged in won (by node index)
 * won back; 0, or -1 when out of memory. */
int cchc_gap_rescore(const cchc_score *self, const unsigned char *won, cchc_points *total);

/* Choose gap's recovery for a target needing total thr: the least effort, then
 * the fewest points, among the sets whose re-score reaches thr. Sets
 * reachable, the chosen losses, recovered, recovery_effort, plan_total,
 * plan_exact. 0, or -1 (out of memory, in diag). */
int cchc_gap_search(cchc_gap *gap, cchc_points thr, cchc_diag *diag);

#endif
