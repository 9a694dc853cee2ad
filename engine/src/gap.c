/* Gap analysis: the losses and their causes, the points a target rank needs
 * (others keep their scores), the cheapest recovery, the reachable rank. The
 * comparison with the previous year lives in gap_previous.c. */
#include <stdlib.h>
#include <string.h>

#include "cchc/gap.h"
#include "gap_priv.h"
#include "util_priv.h"

__extension__ typedef __int128 wide;

static int default_effort(cchc_cause cause)
{
	switch (cause) {
	case CCHC_CAUSE_LATE:
		return CCHC_EFFORT_LATE;
	case CCHC_CAUSE_UNDOCUMENTED:
		return CCHC_EFFORT_UNDOCUMENTED;
	case CCHC_CAUSE_APPRAISAL:
		return CCHC_EFFORT_APPRAISAL;
	case CCHC_CAUSE_PARTIAL:
		return CCHC_EFFORT_PARTIAL;
	case CCHC_CAUSE_SURVEY:
		return CCHC_EFFORT_SURVEY;
	default:
		return CCHC_EFFORT_NOT_DONE;
	}
}

static int collect_losses(cchc_gap *gap)
{
	const cchc_score *s = gap->entry->score;
	size_t nnodes;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nnodes);
	gap->losses = cchc_calloc(nnodes, sizeof *gap->losses);
	if (!gap->losses)
		return -1;
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_node *n = nodes[i];
		const cchc_node_score *ns = &s->nodes[i];
		cchc_group_kind kind = n->group->kind;
		if (n->nchildren || (kind != CCHC_GROUP_SCORED && kind != CCHC_GROUP_SURVEY) ||
		    ns->excluded || ns->points >= ns->max)
			continue;
		cchc_loss *l = &gap->losses[gap->nlosses++];
		l->leaf = n;
		l->ns = ns;
		l->lost = ns->max - ns->points;
		l->effort = n->effort > 0 ? n->effort : default_effort(ns->cause);
		gap->lost_by_cause[ns->cause] += l->lost;
		gap->count_by_cause[ns->cause]++;
		gap->recoverable += l->lost;
	}
	return 0;
}

/* The total this agency needs so that `other` is no longer strictly above it:
 * totals compare as shares of each agency's max (cchc_score_compare), so
 * the threshold is ceil(other.total × max / other.max). */
static cchc_points threshold(const cchc_score *self, const cchc_score *other)
{
	if (self->max == other->max || self->max <= 0 || other->max <= 0)
		return other->total;
	wide num = (wide)other->total * self->max, den = other->max;
	wide q = num / den;
	if (num % den != 0 && num > 0)
		q++; /* ceil for positive; C division already ceils negatives toward zero */
	return (cchc_points)q;
}

static int by_desc(const void *pa, const void *pb)
{
	cchc_points a = *(const cchc_points *)pa, b = *(const cchc_points *)pb;
	return (a < b) - (a > b);
}

/* Rank of a total s' against the others' thresholds: 1 + those strictly above. */
static size_t rank_with(const cchc_points *t, size_t n, cchc_points total)
{
	size_t above = 0;
	for (size_t i = 0; i < n; i++)
		above += t[i] > total;
	return above + 1;
}

static int plan_target(cchc_gap *gap, size_t target, cchc_diag *diag)
{
	const cchc_block *b = gap->block;
	const cchc_score *self = gap->entry->score;
	cchc_points current;
	unsigned char *won = cchc_calloc(self->nnodes, 1);
	cchc_points *t = cchc_calloc(b->n, sizeof *t);
	int rc = -1;
	if (!won || !t)
		goto out;
	/* The overlay must reproduce the score it starts from, or nothing it says holds. */
	if (cchc_gap_rescore(self, won, &current) < 0)
		goto out;
	if (current != self->total) {
		cchc_diag_addf(diag, NULL, 0, "agency \"%s\": its evidence no longer gives its score "
		               "(was the assessment slimmed?)", cchc_assessment_agency_id(self->assessment));
		goto out;
	}
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (&b->entries[i] != gap->entry)
			t[n++] = threshold(self, b->entries[i].score);
	qsort(t, n, sizeof *t, by_desc);
	for (size_t i = 0; i < gap->nlosses; i++)
		won[gap->losses[i].leaf->index] = 1;
	if (cchc_gap_rescore(self, won, &gap->best_total) < 0)
		goto out;
	gap->best_rank = rank_with(t, n, gap->best_total);
	gap->plan_exact = 1;
	gap->plan_total = self->total;
	gap->plan_rank = gap->entry->rank;
	rc = 0;
	if (!target)
		goto out;
	gap->target_rank = target;
	const cchc_points thr = target <= n ? t[target - 1] : self->total;
	gap->needed = thr > self->total ? thr - self->total : 0;
	gap->reachable = 1;
	if (gap->needed > 0) {
		rc = cchc_gap_search(gap, thr, diag);
		if (rc == 0 && gap->reachable)
			gap->plan_rank = rank_with(t, n, gap->plan_total);
	}
out:
	if (rc < 0 && cchc_diag_count(diag) == 0)
		cchc_diag_addf(diag, NULL, 0, "out of memory");
	free(won);
	free(t);
	return rc;
}

/* The remedy serving a leaf: its own, else the nearest ancestor's. */
static const cchc_node *remedy_owner(const cchc_node *n)
{
	for (; n; n = n->parent)
		if (n->remedy)
			return n;
	return NULL;
}

static int by_area_then_choice(const void *pa, const void *pb)
{
	const cchc_gap_task *a = pa, *b = pb;
	if (a->area != b->area)
		return a->area < b->area ? -1 : 1;
	if (a->in_recovery != b->in_recovery)
		return a->in_recovery ? -1 : 1;
	return (a->criterion->index > b->criterion->index) - (a->criterion->index < b->criterion->index);
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The task a remedy's owner joins: the row in the same area whose remedy says
 * the same in every column (task, solution, owner, support, deadline), so that
 * merging loses nothing; NULL for a new one. */
static cchc_gap_task *task_of(cchc_gap *gap, const cchc_node *owner, size_t area)
{
	const cchc_remedy *r = owner->remedy;
	const char *text = r->task ? r->task : owner->title;
	for (size_t k = 0; k < gap->ntasks; k++) {
		cchc_gap_task *t = &gap->tasks[k];
		const cchc_remedy *q = t->remedy;
		if (t->area == area && same_text(q->task ? q->task : t->criterion->title, text) &&
		    same_text(q->solution, r->solution) && same_text(q->owner, r->owner) &&
		    same_text(q->support, r->support) && same_text(q->when, r->when))
			return t;
	}
	return NULL;
}

static size_t area_of(cchc_gap *gap, const cchc_node *owner)
{
	const char *area = owner->group->area ? owner->group->area : owner->group->title;
	size_t a = 0;
	while (a < gap->nareas && strcmp(gap->areas[a], area) != 0)
		a++;
	if (a == gap->nareas)
		gap->areas[gap->nareas++] = area;
	return a;
}

static int build_tasks(cchc_gap *gap)
{
	gap->tasks = cchc_calloc(gap->nlosses, sizeof *gap->tasks);
	gap->areas = cchc_calloc(gap->nlosses, sizeof *gap->areas);
	gap->task_criteria = cchc_calloc(gap->nlosses, sizeof *gap->task_criteria);
	if (!gap->tasks || !gap->areas || !gap->task_criteria)
		return -1;
	/* Owners in loss order (criteria order), each once, then their tasks. */
	size_t nowners = 0;
	for (size_t i = 0; i < gap->nlosses; i++) {
		const cchc_node *owner = remedy_owner(gap->losses[i].leaf);
		if (!owner) {
			gap->nlost_without_remedy++;
			continue;
		}
		size_t k = 0;
		while (k < nowners && gap->task_criteria[k] != owner)
			k++;
		if (k == nowners)
			gap->task_criteria[nowners++] = owner;
	}
	/* Each task's criteria are a run of task_criteria: count, then place. */
	const cchc_node **owners = cchc_calloc(nowners, sizeof *owners);
	size_t *task_index = cchc_calloc(nowners, sizeof *task_index);
	if (!owners || !task_index) {
		free(owners);
		free(task_index);
		return -1;
	}
	memcpy(owners, gap->task_criteria, nowners * sizeof *owners);
	for (size_t k = 0; k < nowners; k++) {
		const size_t area = area_of(gap, owners[k]);
		cchc_gap_task *t = task_of(gap, owners[k], area);
		if (!t) {
			t = &gap->tasks[gap->ntasks++];
			t->criterion = owners[k];
			t->remedy = owners[k]->remedy;
			t->area = area;
		}
		t->ncriteria++;
		task_index[k] = (size_t)(t - gap->tasks);
	}
	size_t at = 0;
	for (size_t i = 0; i < gap->ntasks; i++) {
		gap->tasks[i].criteria = gap->task_criteria + at;
		at += gap->tasks[i].ncriteria;
		gap->tasks[i].ncriteria = 0;
	}
	for (size_t k = 0; k < nowners; k++) {
		cchc_gap_task *t = &gap->tasks[task_index[k]];
		t->criteria[t->ncriteria++] = owners[k];
	}
	free(owners);
	free(task_index);
	for (size_t i = 0; i < gap->nlosses; i++) {
		const cchc_loss *l = &gap->losses[i];
		const cchc_node *owner = remedy_owner(l->leaf);
		for (size_t k = 0; owner && k < gap->ntasks; k++) {
			cchc_gap_task *t = &gap->tasks[k];
			size_t c = 0;
			while (c < t->ncriteria && t->criteria[c] != owner)
				c++;
			if (c < t->ncriteria) {
				t->lost += l->lost;
				t->in_recovery |= l->in_recovery;
				break;
			}
		}
	}
	qsort(gap->tasks, gap->ntasks, sizeof *gap->tasks, by_area_then_choice);
	return 0;
}

int cchc_gap_build(cchc_gap **out, const cchc_ranking *ranking, const char *agency_id,
                   size_t target_rank, const cchc_ranking *previous, const cchc_id_map *map,
                   cchc_diag *diag)
{
	*out = NULL;
	const cchc_block *block = NULL;
	const cchc_rank_entry *e = cchc_ranking_find(ranking, agency_id, &block);
	if (!e) {
		cchc_diag_addf(diag, NULL, 0, "agency \"%s\" is not among the assessments ranked: give "
		               "its assessment, or one of the ids in their <agency id=\"…\">", agency_id);
		return -1;
	}
	if (target_rank > block->n) {
		cchc_diag_addf(diag, NULL, 0, "target rank %zu is past the last place: block \"%s\" has "
		               "%zu agencies", target_rank, block->id, block->n);
		return -1;
	}
	cchc_gap *gap = calloc(1, sizeof *gap);
	if (!gap) {
		cchc_diag_addf(diag, NULL, 0, "out of memory");
		return -1;
	}
	gap->block = block;
	gap->entry = e;
	if (collect_losses(gap) < 0 || plan_target(gap, target_rank, diag) < 0 || build_tasks(gap) < 0 ||
	    (previous && cchc_gap_compare_previous(gap, previous, map, diag) < 0)) {
		if (cchc_diag_count(diag) == 0)
			cchc_diag_addf(diag, NULL, 0, "out of memory");
		cchc_gap_free(gap);
		return -1;
	}
	*out = gap;
	return 0;
}

void cchc_gap_free(cchc_gap *gap)
{
	if (!gap)
		return;
	free(gap->losses);
	free(gap->tasks);
	free(gap->task_criteria);
	free(gap->areas);
	free(gap->changes);
	free(gap->unmatched_previous);
	free(gap);
}
