/* The ranking as JSON: the cchc-rank/1 contract (reports/README.md). Points
 * are exact numbers (hundredths); statistics are display figures (4 decimals). */
#include "json_writer.h"
#include "report_priv.h"

#define CCHC_RANK_SCHEMA "cchc-rank/1"

void cchc_json_standing(cchc_json *j, const cchc_rank_entry *e)
{
	const cchc_score *s = e->score;
	cchc_json_key(j, "total");
	cchc_json_hundredths(j, s->total);
	cchc_json_key(j, "max");
	cchc_json_hundredths(j, s->max);
	cchc_json_key(j, "index");
	cchc_json_hundredths(j, s->index);
	cchc_json_key(j, "band");
	cchc_json_string(j, s->band ? s->band->label : NULL);
	cchc_json_key(j, "gap_top");
	cchc_json_hundredths(j, e->gap_top);
	cchc_json_key(j, "gap_bottom");
	cchc_json_hundredths(j, e->gap_bottom);
}

static void write_stat(cchc_json *j, const cchc_stat *st, int share)
{
	static const char *const keys[] = {"mean", "median", "sd", "min", "max"};
	const double values[] = {st->mean, st->median, st->sd, st->min, st->max};
	cchc_json_key(j, "n");
	cchc_json_int(j, (int64_t)st->n);
	for (size_t i = 0; i < 5; i++) {
		cchc_json_key(j, keys[i]);
		if (st->n) /* nothing counted: no figure, rather than a zero that looks real */
			cchc_json_stat(j, values[i]);
		else
			cchc_json_null(j);
	}
	if (share) {
		cchc_json_key(j, "share_full");
		cchc_json_stat(j, st->share_full);
		cchc_json_key(j, "agencies_losing");
		cchc_json_int(j, (int64_t)st->below_max);
		cchc_json_key(j, "points_lost");
		cchc_json_hundredths(j, st->points_lost);
	}
}

static void write_agency(cchc_json *j, const cchc_block *b, const cchc_rank_entry *e)
{
	const cchc_score *s = e->score;
	const cchc_assessment *a = s->assessment;
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);

	cchc_json_object_begin(j);
	cchc_json_key(j, "rank");
	cchc_json_int(j, (int64_t)e->rank);
	cchc_json_key(j, "of");
	cchc_json_int(j, (int64_t)e->of);
	cchc_json_key(j, "id");
	cchc_json_string(j, cchc_assessment_agency_id(a));
	cchc_json_key(j, "name");
	cchc_json_string(j, cchc_assessment_agency_name(a));
	cchc_json_key(j, "file");
	cchc_json_string(j, cchc_assessment_file(a));
	cchc_json_standing(j, e);
	cchc_json_key(j, "gap_above");
	cchc_json_hundredths(j, e->gap_above);
	cchc_json_key(j, "counts");
	cchc_json_object_begin(j);
	cchc_json_key(j, "full");
	cchc_json_int(j, (int64_t)e->leaves_full);
	cchc_json_key(j, "partial");
	cchc_json_int(j, (int64_t)e->leaves_partial);
	cchc_json_key(j, "zero");
	cchc_json_int(j, (int64_t)e->leaves_zero);
	cchc_json_object_end(j);
	/* null when the agency claimed nothing */
	cchc_json_key(j, "self_total");
	if (s->has_self)
		cchc_json_hundredths(j, s->self_total);
	else
		cchc_json_null(j);
	cchc_json_key(j, "self_deviation");
	if (s->has_self)
		cchc_json_hundredths(j, e->self_deviation);
	else
		cchc_json_null(j);
	cchc_json_key(j, "self_deviation_pct");
	if (s->has_self)
		cchc_json_hundredths(j, e->self_deviation_pct);
	else
		cchc_json_null(j);
	cchc_json_key(j, "self_check");
	cchc_json_hundredths(j, s->self_check);
	cchc_json_key(j, "overclaimed");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < s->noverclaimed; i++)
		cchc_json_string(j, s->overclaimed[i]->id);
	cchc_json_array_end(j);
	cchc_json_key(j, "group_ranks");
	cchc_json_object_begin(j);
	for (size_t g = 0; g < ngroups; g++) {
		cchc_json_key(j, groups[g]->id);
		cchc_json_int(j, (int64_t)e->group_ranks[g]);
	}
	cchc_json_object_end(j);
	cchc_json_key(j, "group_points");
	cchc_json_object_begin(j);
	for (size_t g = 0; g < ngroups; g++) {
		cchc_json_key(j, groups[g]->id);
		cchc_json_hundredths(j, cchc_score_group(s, g)->points);
	}
	cchc_json_object_end(j);
	cchc_json_object_end(j);
}

static void write_node_stats(cchc_json *j, const cchc_block *b, const cchc_node *n)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, n->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, n->title);
	cchc_json_key(j, "max_points"); /* "max" is the statistic: the highest points */
	cchc_json_hundredths(j, n->kind == CCHC_GROUP_PENALTY ? n->min : n->max);
	write_stat(j, &b->nodes[n->index], 1);
	cchc_json_object_end(j);
}

static void write_statistics(cchc_json *j, const cchc_block *b)
{
	size_t ngroups, nnodes;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
	const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
	cchc_json_object_begin(j);
	cchc_json_key(j, "total");
	cchc_json_object_begin(j);
	write_stat(j, &b->total, 0);
	cchc_json_object_end(j);
	cchc_json_key(j, "self_total");
	cchc_json_object_begin(j);
	write_stat(j, &b->self_total, 0);
	cchc_json_object_end(j);
	cchc_json_key(j, "self_final");
	cchc_json_object_begin(j);
	write_stat(j, &b->self_final, 0);
	cchc_json_object_end(j);
	cchc_json_key(j, "groups");
	cchc_json_array_begin(j);
	for (size_t g = 0; g < ngroups; g++)
		write_node_stats(j, b, groups[g]);
	cchc_json_array_end(j);
	cchc_json_key(j, "criteria");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < nnodes; i++)
		if (nodes[i]->depth > 0)
			write_node_stats(j, b, nodes[i]);
	cchc_json_array_end(j);
	cchc_json_key(j, "most_lost");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < b->nmost_lost; i++)
		cchc_json_string(j, b->most_lost[i]->id);
	cchc_json_array_end(j);
	cchc_json_object_end(j);
}

int cchc_render_ranking_json(cchc_buf *out, const cchc_ranking *r)
{
	cchc_json j;
	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, CCHC_RANK_SCHEMA);
	cchc_json_key(&j, "blocks");
	cchc_json_array_begin(&j);
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "id");
		cchc_json_string(&j, b->id);
		cchc_json_key(&j, "criteria_set");
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "id");
		cchc_json_string(&j, cchc_criteria_id(b->set));
		cchc_json_key(&j, "title");
		cchc_json_string(&j, cchc_criteria_title(b->set));
		cchc_json_key(&j, "year");
		cchc_json_int(&j, cchc_criteria_year(b->set));
		cchc_json_key(&j, "max");
		cchc_json_hundredths(&j, cchc_criteria_max(b->set));
		cchc_json_object_end(&j);
		cchc_json_key(&j, "agencies");
		cchc_json_array_begin(&j);
		for (size_t i = 0; i < b->n; i++)
			write_agency(&j, b, &b->entries[i]);
		cchc_json_array_end(&j);
		cchc_json_key(&j, "statistics");
		write_statistics(&j, b);
		cchc_json_object_end(&j);
	}
	cchc_json_array_end(&j);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
