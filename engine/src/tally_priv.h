/* A block's node statistics gathered score by score (see cchc_tally in
 * rank.h): for each node, the distinct points and how many agencies have
 * each, so that median and spread come out exact with memory following the
 * criteria tree and the points' spread, not the number of agencies. */
#ifndef CCHC_TALLY_PRIV_H
#define CCHC_TALLY_PRIV_H

#include "cchc/rank.h"

typedef struct {
	cchc_points value;
	size_t count;
} cchc_tally_bin;

typedef struct {
	cchc_tally_bin *bins; /* by value, ascending */
	size_t nbins, cap;
	size_t n;             /* agencies counted (not excluded) */
	size_t full, below;   /* at full points, below */
	cchc_points lost;     /* exact sum of max − points */
} cchc_node_tally;

struct cchc_tally {
	const cchc_criteria *set;
	cchc_node_tally *nodes; /* by node index */
	size_t nnodes;
	size_t nscores;         /* scores added */
};

#endif
