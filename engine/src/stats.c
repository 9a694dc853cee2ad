/* Block statistics with GSL: mean, median, standard deviation, extremes and
 * the share at full points, per node and for the totals. Display figures
 * only: ranking never reads them. */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "stats_priv.h"
#include "tally_priv.h"
#include "util_priv.h"

/* The statistics of v (n values, sorted here unless sorted says they are). */
static void summarise_values(double *v, size_t n, int sorted, size_t full, size_t below,
                             cchc_points lost, cchc_stat *st)
{
	memset(st, 0, sizeof *st);
	st->n = n;
	st->below_max = below;
	st->points_lost = lost;
	if (n == 0)
		return;
	/* sorted first: the median needs it, and the mean and sd then add up in one order */
	if (!sorted)
		gsl_sort(v, 1, n);
	st->mean = gsl_stats_mean(v, 1, n);
	st->sd = n > 1 ? gsl_stats_sd_m(v, 1, n, st->mean) : 0.0;
	st->min = v[0];
	st->max = v[n - 1];
	st->median = gsl_stats_median_from_sorted_data(v, 1, n);
	st->share_full = (double)full / (double)n;
}

static void summarise(double *v, size_t n, size_t full, size_t below, cchc_points lost,
                      cchc_stat *st)
{
	summarise_values(v, n, 0, full, below, lost, st);
}

typedef struct {
	const cchc_node *node;
	size_t lost;
	cchc_points points_lost;
} lost_row;

static int by_most_lost(const void *pa, const void *pb)
{
	const lost_row *a = pa, *b = pb;
	if (a->lost != b->lost)
		return a->lost > b->lost ? -1 : 1;
	if (a->points_lost != b->points_lost)
		return a->points_lost > b->points_lost ? -1 : 1;
	return a->node->index < b->node->index ? -1 : a->node->index > b->node->index;
}

/* The node statistics from a tally: each node's values, ascending, from its bins. */
static void from_tally(const cchc_tally *t, double *v, const cchc_node *const *nodes,
                       cchc_block *b, lost_row *rows, size_t *nleaves)
{
	for (size_t k = 0; k < t->nnodes; k++) {
		const cchc_node_tally *nt = &t->nodes[k];
		size_t n = 0;
		for (size_t i = 0; i < nt->nbins; i++)
			for (size_t c = 0; c < nt->bins[i].count; c++)
				v[n++] = (double)nt->bins[i].value / 100.0;
		summarise_values(v, n, 1, nt->full, nt->below, nt->lost, &b->nodes[k]);
		if (nodes[k]->nchildren == 0 && nt->below > 0 &&
		    (nodes[k]->group->kind == CCHC_GROUP_SCORED || nodes[k]->group->kind == CCHC_GROUP_SURVEY))
			rows[(*nleaves)++] = (lost_row){nodes[k], nt->below, nt->lost};
	}
}

/* A tally of the block's whole scores, for a ranking built without one. */
static cchc_tally *tally_entries(const cchc_block *b)
{
	cchc_tally *t = cchc_tally_new(b->set);
	for (size_t i = 0; t && i < b->n; i++)
		if (cchc_tally_add(t, b->entries[i].score) < 0) {
			cchc_tally_free(t);
			t = NULL;
		}
	return t;
}

int cchc_block_stats(cchc_block *b, const cchc_tally *tally)
{
	size_t nnodes, nleaves = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
	cchc_tally *own = tally ? NULL : tally_entries(b);
	double *v = cchc_calloc(b->n, sizeof *v);
	lost_row *rows = cchc_calloc(nnodes, sizeof *rows);
	b->nodes = cchc_calloc(nnodes, sizeof *b->nodes);
	if (!v || !rows || !b->nodes || (!tally && !own)) {
		cchc_tally_free(own);
		free(v);
		free(rows);
		return -1;
	}
	for (size_t i = 0; i < b->n; i++)
		v[i] = (double)b->entries[i].score->total / 100.0;
	summarise(v, b->n, 0, 0, 0, &b->total);
	/* self-assessment: only agencies that claimed, self against final */
	size_t nself = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->entries[i].score->has_self)
			v[nself++] = (double)b->entries[i].score->self_total / 100.0;
	summarise(v, nself, 0, 0, 0, &b->self_total);
	nself = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->entries[i].score->has_self)
			v[nself++] = (double)b->entries[i].score->total / 100.0;
	summarise(v, nself, 0, 0, 0, &b->self_final);

	from_tally(tally ? tally : own, v, nodes, b, rows, &nleaves);
	cchc_tally_free(own);
	qsort(rows, nleaves, sizeof *rows, by_most_lost);
	b->most_lost = cchc_calloc(nleaves, sizeof *b->most_lost);
	if (!b->most_lost) {
		free(v);
		free(rows);
		return -1;
	}
	for (size_t i = 0; i < nleaves; i++)
		b->most_lost[i] = rows[i].node;
	b->nmost_lost = nleaves;
	free(v);
	free(rows);
	return 0;
}
