/* Province statistics of a block (GSL), kept apart from the exact ranking. */
#ifndef CCHC_STATS_PRIV_H
#define CCHC_STATS_PRIV_H

#include "cchc/rank.h"

/* Fill b->total, b->self_total, b->nodes and b->most_lost from b->entries,
 * the node statistics from tally when given (the entries' scores may then be
 * slimmed). Returns 0, or -1 when out of memory. */
int cchc_block_stats(cchc_block *b, const cchc_tally *tally);

#endif
