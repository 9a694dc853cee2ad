/* The appendix's view of the engine's task table: the same task, named the
 * same way under several criteria, is one row that lists the criteria it
 * serves (its remedies, owners, supports and deadlines merged, each distinct
 * value once); survey-driven tasks go under an area of their own, the survey
 * group's title, after the areas of the scored groups. The engine's list is
 * left as it is (the text and JSON contracts keep one row per criterion). */
#include <stdlib.h>
#include <string.h>

#include "docx_priv.h"

static int survey_task(const cchc_gap_task *t)
{
	return t->criterion->group->kind == CCHC_GROUP_SURVEY;
}

static const char *task_name(const cchc_gap_task *t)
{
	return t->remedy->task && *t->remedy->task ? t->remedy->task : t->criterion->title;
}

static size_t area_of(dx_tasks *out, const char *name)
{
	size_t a = 0;
	while (a < out->nareas && strcmp(out->areas[a], name) != 0)
		a++;
	if (a == out->nareas)
		out->areas[out->nareas++] = name;
	return a;
}

/* Append value as a line of its own unless the cell has it already. */
static void add_distinct(cchc_buf *cell, const char *value)
{
	if (!value || !*value)
		return;
	size_t n = strlen(value);
	for (const char *s = cell->data; s && *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (len == n && memcmp(s, value, n) == 0)
			return;
		s = nl ? nl + 1 : NULL;
	}
	if (cell->len)
		cchc_buf_puts(cell, "\n");
	cchc_buf_puts(cell, value);
}

static dx_task *find_or_add(dx_tasks *out, const cchc_gap *gap, const cchc_gap_task *t)
{
	const char *name = task_name(t);
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(out->t[i].task, name) == 0)
			return &out->t[i];
	dx_task *x = &out->t[out->n++];
	memset(x, 0, sizeof *x);
	x->task = name;
	cchc_buf *bufs[] = {&x->solution, &x->owner, &x->support, &x->when, &x->criteria};
	for (size_t i = 0; i < 5; i++)
		cchc_buf_init(bufs[i], 1 << 16);
	x->area = area_of(out, survey_task(t) ? t->criterion->group->title : gap->areas[t->area]);
	return x;
}

static int by_area(const void *pa, const void *pb)
{
	const dx_task *a = pa, *b = pb;
	if (a->area != b->area)
		return a->area < b->area ? -1 : 1;
	if (a->in_recovery != b->in_recovery)
		return a->in_recovery ? -1 : 1;
	return 0;
}

int dx_tasks_build(dx_tasks *out, const cchc_gap *gap)
{
	memset(out, 0, sizeof *out);
	size_t n = gap->ntasks ? gap->ntasks : 1;
	out->t = calloc(n, sizeof *out->t);
	out->areas = calloc(n, sizeof *out->areas);
	if (!out->t || !out->areas)
		return -1;
	int failed = 0;
	for (int pass = 0; pass < 2; pass++) /* the scored groups' tasks, then the survey's */
		for (size_t i = 0; i < gap->ntasks; i++) {
			const cchc_gap_task *t = &gap->tasks[i];
			if (survey_task(t) != pass)
				continue;
			dx_task *x = find_or_add(out, gap, t);
			add_distinct(&x->solution, t->remedy->solution);
			add_distinct(&x->owner, t->remedy->owner);
			add_distinct(&x->support, t->remedy->support);
			add_distinct(&x->when, t->remedy->when);
			for (size_t c = 0; c < t->ncriteria; c++)
				cchc_buf_printf(&x->criteria, "%s%s", x->criteria.len ? ", " : "",
				                t->criteria[c]->id);
			x->in_recovery |= t->in_recovery;
			failed |= x->solution.failed | x->owner.failed | x->support.failed |
			          x->when.failed | x->criteria.failed;
		}
	/* stable by area, chosen first: insertion sort keeps the engine's order otherwise */
	for (size_t i = 1; i < out->n; i++)
		for (size_t k = i; k > 0 && by_area(&out->t[k - 1], &out->t[k]) > 0; k--) {
			dx_task tmp = out->t[k];
			out->t[k] = out->t[k - 1];
			out->t[k - 1] = tmp;
		}
	return failed ? -1 : 0;
}

void dx_tasks_free(dx_tasks *t)
{
	for (size_t i = 0; t->t && i < t->n; i++) {
		cchc_buf *bufs[] = {&t->t[i].solution, &t->t[i].owner, &t->t[i].support, &t->t[i].when,
		                    &t->t[i].criteria};
		for (size_t k = 0; k < 5; k++)
			cchc_buf_dispose(bufs[k]);
	}
	free(t->t);
	free(t->areas);
	memset(t, 0, sizeof *t);
}
