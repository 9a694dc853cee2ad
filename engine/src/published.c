/* Published figures against computed ones (issue 13): each difference as
 * data, in a fixed order (total, rank, band, groups then criteria as
 * published), so every command reports the same ones. */
#include "cchc/published.h"

#include "cchc/criteria.h"

size_t cchc_published_max_diffs(const cchc_assessment *a)
{
	const cchc_published *p = cchc_assessment_published(a);
	return p ? 3 + p->ngroups + p->ncriteria : 0;
}

static size_t put(cchc_published_diff *out, size_t cap, size_t n, cchc_published_diff d)
{
	if (n < cap)
		out[n] = d;
	return n + 1;
}

/* The position of group g in cchc_criteria_groups(), as cchc_score_group() reads it. */
static size_t group_position(const cchc_criteria *set, const cchc_node *g)
{
	size_t ngroups = 0, i = 0;
	const cchc_node *const *groups = cchc_criteria_groups(set, &ngroups);
	while (i + 1 < ngroups && groups[i] != g)
		i++;
	return i;
}

size_t cchc_published_compare(const cchc_score *score, const cchc_rank_entry *entry,
                              cchc_published_diff *out, size_t cap)
{
	const cchc_published *p = cchc_assessment_published(score->assessment);
	size_t n = 0;
	if (!p)
		return 0;
	if (p->has_total && p->total != score->total)
		n = put(out, cap, n, (cchc_published_diff){.figure = CCHC_FIGURE_TOTAL, .line = p->line,
		                                           .published = p->total,
		                                           .computed = score->total,
		                                           .max = score->max});
	if (entry && p->rank && p->rank != entry->rank)
		n = put(out, cap, n, (cchc_published_diff){.figure = CCHC_FIGURE_RANK, .line = p->line,
		                                           .published_rank = p->rank,
		                                           .computed_rank = entry->rank,
		                                           .of = entry->of});
	if (p->band && p->band != score->band)
		n = put(out, cap, n, (cchc_published_diff){.figure = CCHC_FIGURE_BAND, .line = p->line,
		                                           .published_band = p->band,
		                                           .computed_band = score->band,
		                                           .computed = score->total,
		                                           .max = score->max});
	for (size_t i = 0; i < p->ngroups; i++) {
		const cchc_published_group *g = &p->groups[i];
		const cchc_node_score *ns =
			cchc_score_group(score, group_position(score->set, g->group));
		if (g->points != ns->points)
			n = put(out, cap, n, (cchc_published_diff){.figure = CCHC_FIGURE_GROUP,
			                                           .line = g->line, .group = g->group,
			                                           .published = g->points,
			                                           .computed = ns->points,
			                                           .max = ns->max});
	}
	for (size_t i = 0; i < p->ncriteria; i++) {
		const cchc_published_criterion *c = &p->criteria[i];
		/* a slimmed score keeps the published criteria's node scores, in this order */
		const cchc_node_score *ns = score->nodes ? cchc_score_node(score, c->criterion)
		                                         : &score->published[i];
		if (c->points != ns->points)
			n = put(out, cap, n, (cchc_published_diff){.figure = CCHC_FIGURE_CRITERION,
			                                           .line = c->line,
			                                           .criterion = c->criterion,
			                                           .published = c->points,
			                                           .computed = ns->points,
			                                           .max = ns->max});
	}
	return n;
}
