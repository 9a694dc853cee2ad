/* Node statistics gathered score by score (see tally_priv.h). */
#include <stdlib.h>
#include <string.h>

#include "tally_priv.h"
#include "util_priv.h"

cchc_tally *cchc_tally_new(const cchc_criteria *set)
{
	cchc_tally *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->set = set;
	cchc_criteria_nodes(set, &t->nnodes);
	t->nodes = cchc_calloc(t->nnodes, sizeof *t->nodes);
	if (!t->nodes) {
		free(t);
		return NULL;
	}
	return t;
}

void cchc_tally_free(cchc_tally *t)
{
	if (!t)
		return;
	for (size_t k = 0; k < t->nnodes; k++)
		free(t->nodes[k].bins);
	free(t->nodes);
	free(t);
}

/* One more agency at value: its bin found by bisection, made if new. */
static int count_value(cchc_node_tally *nt, cchc_points value)
{
	/* full points, the most common value, is the last bin */
	if (nt->nbins && nt->bins[nt->nbins - 1].value == value) {
		nt->bins[nt->nbins - 1].count++;
		return 0;
	}
	size_t lo = 0, hi = nt->nbins;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nt->bins[mid].value < value)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nt->nbins && nt->bins[lo].value == value) {
		nt->bins[lo].count++;
		return 0;
	}
	if (nt->nbins == nt->cap) {
		size_t cap = nt->cap ? 2 * nt->cap : 8;
		cchc_tally_bin *grown = realloc(nt->bins, cap * sizeof *grown);
		if (!grown)
			return -1;
		nt->bins = grown;
		nt->cap = cap;
	}
	memmove(&nt->bins[lo + 1], &nt->bins[lo], (nt->nbins - lo) * sizeof *nt->bins);
	nt->bins[lo] = (cchc_tally_bin){value, 1};
	nt->nbins++;
	return 0;
}

int cchc_tally_add(cchc_tally *t, const cchc_score *s)
{
	if (s->set != t->set || !s->nodes)
		return -1;
	for (size_t k = 0; k < t->nnodes; k++) {
		const cchc_node_score *ns = &s->nodes[k];
		cchc_node_tally *nt = &t->nodes[k];
		if (ns->excluded)
			continue;
		if (count_value(nt, ns->points) < 0)
			return -1;
		nt->n++;
		if (ns->points >= ns->max)
			nt->full++;
		else
			nt->below++;
		nt->lost += ns->max - ns->points;
	}
	t->nscores++;
	return 0;
}
