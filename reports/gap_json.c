/* The gap analysis as JSON: the cchc-gap/1 contract (reports/README.md). */
#include "json_writer.h"
#include "report_priv.h"

#define CCHC_GAP_SCHEMA "cchc-gap/1"

static const char *trend_name(cchc_trend t)
{
	static const char *const names[] = {"new", "up", "held", "down"};
	return (unsigned)t < 4 ? names[t] : "new";
}

static void write_position(cchc_json *j, const cchc_rank_entry *e)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "rank");
	cchc_json_int(j, (int64_t)e->rank);
	cchc_json_key(j, "of");
	cchc_json_int(j, (int64_t)e->of);
	cchc_json_standing(j, e);
	cchc_json_object_end(j);
}

static void write_loss(cchc_json *j, const cchc_loss *l, cchc_lang lang)
{
	cchc_buf reason;
	cchc_buf_init(&reason, 1 << 16);
	cchc_reason_format(&reason, l->leaf, l->ns, lang);
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, l->leaf->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, l->leaf->title);
	cchc_json_key(j, "group");
	cchc_json_string(j, l->leaf->group->id);
	cchc_json_key(j, "points");
	cchc_json_hundredths(j, l->ns->points);
	cchc_json_key(j, "max");
	cchc_json_hundredths(j, l->ns->max);
	cchc_json_key(j, "lost");
	cchc_json_hundredths(j, l->lost);
	cchc_json_key(j, "cause");
	cchc_json_string(j, cchc_cause_name(l->ns->cause));
	cchc_json_key(j, "reason");
	cchc_json_string_len(j, reason.data ? reason.data : "", reason.len);
	cchc_json_key(j, "effort");
	cchc_json_int(j, l->effort);
	cchc_json_key(j, "in_recovery");
	cchc_json_bool(j, l->in_recovery);
	cchc_json_object_end(j);
	cchc_buf_dispose(&reason);
}

static void write_causes(cchc_json *j, const cchc_gap *g)
{
	cchc_json_object_begin(j);
	for (int c = 1; c < CCHC_CAUSE_COUNT; c++) {
		if (!g->count_by_cause[c])
			continue;
		cchc_json_key(j, cchc_cause_name((cchc_cause)c));
		cchc_json_object_begin(j);
		cchc_json_key(j, "criteria");
		cchc_json_int(j, (int64_t)g->count_by_cause[c]);
		cchc_json_key(j, "points");
		cchc_json_hundredths(j, g->lost_by_cause[c]);
		cchc_json_object_end(j);
	}
	cchc_json_object_end(j);
}

static void write_target(cchc_json *j, const cchc_gap *g)
{
	if (!g->target_rank) {
		cchc_json_null(j);
		return;
	}
	cchc_json_object_begin(j);
	cchc_json_key(j, "rank");
	cchc_json_int(j, (int64_t)g->target_rank);
	cchc_json_key(j, "needed");
	cchc_json_hundredths(j, g->needed);
	cchc_json_key(j, "reachable");
	cchc_json_bool(j, g->reachable);
	cchc_json_key(j, "recovered");
	cchc_json_hundredths(j, g->recovered);
	cchc_json_key(j, "effort");
	cchc_json_int(j, g->recovery_effort);
	cchc_json_key(j, "criteria");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < g->nlosses; i++)
		if (g->losses[i].in_recovery)
			cchc_json_string(j, g->losses[i].leaf->id);
	cchc_json_array_end(j);
	cchc_json_key(j, "total_after");
	cchc_json_hundredths(j, g->plan_total);
	cchc_json_key(j, "rank_after");
	cchc_json_int(j, (int64_t)g->plan_rank);
	cchc_json_key(j, "exact");
	cchc_json_bool(j, g->plan_exact);
	cchc_json_object_end(j);
}

/* The uplift model, as keys a program can check (the assumption says it in words). */
static void write_model(cchc_json *j)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "others");
	cchc_json_string(j, "keep-scores");
	cchc_json_key(j, "won_back");
	cchc_json_string(j, "earned-and-claimed-at-max");
	cchc_json_key(j, "total");
	cchc_json_string(j, "rescored");
	cchc_json_object_end(j);
}

static void write_tasks(cchc_json *j, const cchc_gap *g)
{
	cchc_json_array_begin(j);
	for (size_t i = 0; i < g->ntasks; i++) {
		const cchc_gap_task *t = &g->tasks[i];
		const cchc_remedy *r = t->remedy;
		cchc_json_object_begin(j);
		cchc_json_key(j, "area");
		cchc_json_string(j, g->areas[t->area]);
		cchc_json_key(j, "criterion");
		cchc_json_string(j, t->criterion->id);
		cchc_json_key(j, "criteria");
		cchc_json_array_begin(j);
		for (size_t c = 0; c < t->ncriteria; c++)
			cchc_json_string(j, t->criteria[c]->id);
		cchc_json_array_end(j);
		cchc_json_key(j, "task");
		cchc_json_string(j, r->task ? r->task : t->criterion->title);
		cchc_json_key(j, "solution");
		cchc_json_string(j, r->solution);
		cchc_json_key(j, "owner");
		cchc_json_string(j, r->owner);
		cchc_json_key(j, "support");
		cchc_json_string(j, r->support);
		cchc_json_key(j, "when");
		cchc_json_string(j, r->when);
		cchc_json_key(j, "lost");
		cchc_json_hundredths(j, t->lost);
		cchc_json_key(j, "in_recovery");
		cchc_json_bool(j, t->in_recovery);
		cchc_json_object_end(j);
	}
	cchc_json_array_end(j);
}

static void write_previous(cchc_json *j, const cchc_gap *g)
{
	if (!g->previous) {
		cchc_json_null(j);
		return;
	}
	cchc_json_object_begin(j);
	cchc_json_key(j, "position");
	write_position(j, g->previous);
	cchc_json_key(j, "rank_change"); /* places moved up (negative: down) */
	cchc_json_int(j, (int64_t)g->previous->rank - (int64_t)g->entry->rank);
	cchc_json_key(j, "total_change");
	cchc_json_hundredths(j, g->entry->score->total - g->previous->score->total);
	cchc_json_key(j, "criteria");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < g->nchanges; i++) {
		const cchc_change *c = &g->changes[i];
		cchc_json_object_begin(j);
		cchc_json_key(j, "id");
		cchc_json_string(j, c->node->id);
		cchc_json_key(j, "previous_id");
		cchc_json_string(j, c->previous_node ? c->previous_node->id : NULL);
		cchc_json_key(j, "points");
		cchc_json_hundredths(j, c->points);
		cchc_json_key(j, "max");
		cchc_json_hundredths(j, c->max);
		cchc_json_key(j, "previous_points");
		if (c->previous_node)
			cchc_json_hundredths(j, c->previous_points);
		else
			cchc_json_null(j);
		cchc_json_key(j, "trend");
		cchc_json_string(j, trend_name(c->trend));
		cchc_json_key(j, "achieved");
		cchc_json_bool(j, c->achieved);
		cchc_json_object_end(j);
	}
	cchc_json_array_end(j);
	cchc_json_key(j, "unmatched_previous");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < g->nunmatched_previous; i++)
		cchc_json_string(j, g->unmatched_previous[i]->id);
	cchc_json_array_end(j);
	cchc_json_object_end(j);
}

int cchc_render_gap_json(cchc_buf *out, const cchc_gap *g, cchc_lang lang)
{
	const cchc_score *s = g->entry->score;
	cchc_json j;
	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, CCHC_GAP_SCHEMA);
	cchc_json_key(&j, "agency");
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "id");
	cchc_json_string(&j, cchc_assessment_agency_id(s->assessment));
	cchc_json_key(&j, "name");
	cchc_json_string(&j, cchc_assessment_agency_name(s->assessment));
	cchc_json_key(&j, "block");
	cchc_json_string(&j, g->block->id);
	cchc_json_object_end(&j);
	cchc_json_key(&j, "year");
	cchc_json_int(&j, cchc_assessment_year(s->assessment));
	cchc_json_key(&j, "position");
	write_position(&j, g->entry);
	cchc_json_key(&j, "assumption");
	cchc_json_string(&j, cchc_str(CCHC_STR_GAP_ASSUMPTION, lang));
	cchc_json_key(&j, "model");
	write_model(&j);
	cchc_json_key(&j, "losses");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < g->nlosses; i++)
		write_loss(&j, &g->losses[i], lang);
	cchc_json_array_end(&j);
	cchc_json_key(&j, "lost_by_cause");
	write_causes(&j, g);
	cchc_json_key(&j, "recoverable");
	cchc_json_hundredths(&j, g->recoverable);
	cchc_json_key(&j, "best_rank");
	cchc_json_int(&j, (int64_t)g->best_rank);
	cchc_json_key(&j, "best_total");
	cchc_json_hundredths(&j, g->best_total);
	cchc_json_key(&j, "target");
	write_target(&j, g);
	cchc_json_key(&j, "tasks");
	write_tasks(&j, g);
	cchc_json_key(&j, "previous");
	write_previous(&j, g);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
