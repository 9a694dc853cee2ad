/* Internals shared by gap.c and gap_previous.c. */
#ifndef CCHC_GAP_PRIV_H
#define CCHC_GAP_PRIV_H

#include "cchc/gap.h"

/* Fill gap->previous*, changes and unmatched_previous; -1 on error (in diag). */
int cchc_gap_compare_previous(cchc_gap *gap, const cchc_ranking *previous,
                              const cchc_id_map *map, cchc_diag *diag);

#endif
