/* A plan's status on one date: each task done on time, done late, open,
 * overdue or cancelled, counted per area and overall, with exact rates. */
#include <stdlib.h>

#include "cchc/plan.h"
#include "util_priv.h"

const char *cchc_task_status_name(cchc_task_status s)
{
	static const char *const names[CCHC_TASK_STATUS_COUNT] = {
		[CCHC_TASK_DONE_ON_TIME] = "done_on_time", [CCHC_TASK_DONE_LATE] = "done_late",
		[CCHC_TASK_OPEN] = "open",                 [CCHC_TASK_OVERDUE] = "overdue",
		[CCHC_TASK_CANCELLED] = "cancelled"};
	return (unsigned)s < CCHC_TASK_STATUS_COUNT ? names[s] : "";
}

/* A recorded date counts only once the report's date has reached it: what is
 * done in June was not yet done in March. */
static cchc_task_status classify(const cchc_plan_task *t, cchc_date as_of, int32_t *days_late)
{
	int reached = t->has_state_date && t->state_date <= as_of;
	*days_late = 0;
	if (t->state == CCHC_PLAN_STATE_CANCELLED && (!t->has_state_date || reached))
		return CCHC_TASK_CANCELLED;
	if (t->state == CCHC_PLAN_STATE_DONE && reached) {
		if (t->state_date <= t->deadline)
			return CCHC_TASK_DONE_ON_TIME;
		*days_late = t->state_date - t->deadline;
		return CCHC_TASK_DONE_LATE;
	}
	if (t->deadline >= as_of)
		return CCHC_TASK_OPEN;
	*days_late = as_of - t->deadline;
	return CCHC_TASK_OVERDUE;
}

/* num/den in hundredths of a percent, rounded half up, exactly. */
static int64_t rate(size_t num, size_t den)
{
	if (den == 0)
		return -1;
	return (int64_t)(((uint64_t)num * 20000u + den) / (2u * (uint64_t)den));
}

static void count(cchc_plan_counts *c, cchc_task_status s)
{
	c->total++;
	switch (s) {
	case CCHC_TASK_DONE_ON_TIME: c->done_on_time++; break;
	case CCHC_TASK_DONE_LATE: c->done_late++; break;
	case CCHC_TASK_OPEN: c->open++; break;
	case CCHC_TASK_OVERDUE: c->overdue++; break;
	default: c->cancelled++; break;
	}
}

static void finish(cchc_plan_counts *c)
{
	c->counted = c->total - c->cancelled;
	c->completion_rate = rate(c->done_on_time + c->done_late, c->counted);
	c->on_time_rate = rate(c->done_on_time, c->counted);
}

int cchc_plan_status(const cchc_plan *plan, cchc_date as_of, cchc_plan_report **out)
{
	cchc_plan_report *r = calloc(1, sizeof *r);
	*out = NULL;
	if (!r)
		return -1;
	r->plan = plan;
	r->as_of = as_of;
	r->tasks = cchc_calloc(plan->ntasks, sizeof *r->tasks);
	r->areas = cchc_calloc(plan->nareas, sizeof *r->areas);
	if (!r->tasks || !r->areas) {
		cchc_plan_report_free(r);
		return -1;
	}
	for (size_t i = 0; i < plan->ntasks; i++) {
		const cchc_plan_task *t = &plan->tasks[i];
		cchc_plan_task_status *ts = &r->tasks[i];
		ts->status = classify(t, as_of, &ts->days_late);
		count(&r->areas[t->area], ts->status);
		count(&r->summary, ts->status);
	}
	for (size_t a = 0; a < plan->nareas; a++)
		finish(&r->areas[a]);
	finish(&r->summary);
	*out = r;
	return 0;
}

void cchc_plan_report_free(cchc_plan_report *report)
{
	if (!report)
		return;
	free(report->tasks);
	free(report->areas);
	free(report);
}
