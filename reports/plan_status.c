/* A plan's status on one date: the task table by area, counts per area and
 * overall, the completion and on-time rates (text), and the
 * cchc-plan-status/1 JSON contract. Every figure comes from the engine's
 * cchc_plan_report; nothing is computed here but layout. */
#include <stdio.h>
#include <string.h>

#include "json_writer.h"
#include "report_priv.h"
#include "table.h"

#define CCHC_PLAN_STATUS_SCHEMA "cchc-plan-status/1"

#define CONTENT_W 40 /* task contents are cut with "…" past this */
#define AREA_W 20    /* area titles in the counts table */
#define RATE_SIZE (CCHC_FMT_SIZE + 8) /* a percentage and " %" */

static const cchc_str_id short_label[CCHC_TASK_STATUS_COUNT] = {
	[CCHC_TASK_DONE_ON_TIME] = CCHC_STR_PLAN_ST_ON_TIME, [CCHC_TASK_DONE_LATE] = CCHC_STR_PLAN_ST_LATE,
	[CCHC_TASK_OPEN] = CCHC_STR_PLAN_ST_OPEN,            [CCHC_TASK_OVERDUE] = CCHC_STR_PLAN_ST_OVERDUE,
	[CCHC_TASK_CANCELLED] = CCHC_STR_PLAN_ST_CANCELLED};

static int is_done(cchc_task_status s)
{
	return s == CCHC_TASK_DONE_ON_TIME || s == CCHC_TASK_DONE_LATE;
}

/* ---------------------------------------------------------------- text */

static void header(cchc_buf *out, const cchc_plan_report *r, cchc_lang L)
{
	const cchc_plan *p = r->plan;
	char d[CCHC_FMT_SIZE];
	cchc_buf_printf(out, "%s\n", cchc_str(CCHC_STR_PLAN_TITLE, L));
	cchc_utf8_clean(out, p->title, strlen(p->title));
	cchc_buf_printf(out, " (%s, %d)", p->id, p->year);
	if (p->has_issued) {
		cchc_fmt_date(d, p->issued, L);
		const char *args[] = {d};
		cchc_buf_puts(out, ", ");
		cchc_str_fill(out, CCHC_STR_PLAN_ISSUED, L, args, 1);
	}
	cchc_buf_puts(out, "\n");
	if (p->agency_name) {
		cchc_utf8_clean(out, p->agency_name, strlen(p->agency_name));
		cchc_buf_puts(out, "\n");
	}
	cchc_fmt_date(d, r->as_of, L);
	const char *args[] = {d};
	cchc_str_fill(out, CCHC_STR_PLAN_AS_OF, L, args, 1);
	cchc_buf_puts(out, "\n\n");
}

/* Area rows and tasks not yet done end in empty cells, which the table pads:
 * render into a scratch buffer and drop the spaces before each line break. */
static void render_table(cchc_table *t, cchc_buf *out)
{
	cchc_buf tmp;
	cchc_buf_init(&tmp, 0);
	if (cchc_table_render(t, &tmp, 0) < 0)
		out->failed = 1;
	size_t start = 0;
	for (size_t i = 0; i < tmp.len; i++) {
		if (tmp.data[i] != '\n')
			continue;
		size_t end = i;
		while (end > start && tmp.data[end - 1] == ' ')
			end--;
		cchc_buf_append(out, tmp.data + start, end - start);
		cchc_buf_append(out, "\n", 1);
		start = i + 1;
	}
	cchc_buf_dispose(&tmp);
	cchc_table_free(t);
}

static void status_cell(cchc_table *t, const cchc_plan_task_status *ts, cchc_lang L)
{
	const char *label = cchc_str(short_label[ts->status], L);
	if (ts->days_late == 0) {
		cchc_table_cell(t, label);
		return;
	}
	cchc_str_id unit = ts->days_late == 1 ? CCHC_STR_DAY_ONE : CCHC_STR_DAY_MANY;
	cchc_table_cellf(t, "%s (%ld %s)", label, (long)ts->days_late, cchc_str(unit, L));
}

static void task_row(cchc_table *t, const cchc_plan_report *r, size_t i, cchc_lang L)
{
	const cchc_plan_task *task = &r->plan->tasks[i];
	const cchc_plan_task_status *ts = &r->tasks[i];
	char d[CCHC_FMT_SIZE];
	cchc_table_cell(t, task->id);
	cchc_table_cell(t, task->content);
	cchc_fmt_date(d, task->deadline, L);
	cchc_table_cellf(t, "%s%s", d, task->has_deadline ? "" : "*");
	status_cell(t, ts, L);
	if (is_done(ts->status)) {
		cchc_fmt_date(d, task->state_date, L);
		cchc_table_cell(t, d);
	} else {
		cchc_table_cell(t, "");
	}
}

static void task_table(cchc_buf *out, const cchc_plan_report *r, cchc_lang L)
{
	const cchc_plan *p = r->plan;
	cchc_table t;
	cchc_table_init(&t, "lllll");
	cchc_table_cap(&t, 1, CONTENT_W);
	const cchc_str_id heads[] = {CCHC_STR_PLAN_TASK, CCHC_STR_PLAN_CONTENT, CCHC_STR_PLAN_DEADLINE,
	                             CCHC_STR_PLAN_STATE, CCHC_STR_PLAN_DONE_ON};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		cchc_table_cell(&t, cchc_str(heads[i], L));
	int implied = 0;
	for (size_t a = 0; a < p->nareas; a++) {
		const cchc_plan_area *area = &p->areas[a];
		/* the area as a row of its own, so that one table keeps one set of widths */
		cchc_table_cell(&t, area->id);
		cchc_table_cell(&t, area->title);
		for (int c = 0; c < 3; c++)
			cchc_table_cell(&t, "");
		for (size_t i = area->first; i < area->first + area->ntasks; i++) {
			task_row(&t, r, i, L);
			implied |= !p->tasks[i].has_deadline;
		}
	}
	render_table(&t, out);
	if (implied) {
		char d[CCHC_FMT_SIZE];
		cchc_fmt_date(d, cchc_plan_year_end(p), L);
		const char *args[] = {d};
		cchc_buf_puts(out, "\n");
		cchc_str_fill(out, CCHC_STR_PLAN_NO_DEADLINE, L, args, 1);
		cchc_buf_puts(out, "\n");
	}
}

/* A rate with its unit, or a dash when no task is counted. */
static void fmt_rate(char out[RATE_SIZE], int64_t rate, cchc_lang L)
{
	char v[CCHC_FMT_SIZE];
	if (rate < 0) {
		snprintf(out, RATE_SIZE, "\xE2\x80\x94");
		return;
	}
	cchc_fmt_percent(v, rate, L);
	snprintf(out, RATE_SIZE, "%s %%", v);
}

static void area_table(cchc_buf *out, const cchc_plan_report *r, cchc_lang L)
{
	const cchc_plan *p = r->plan;
	cchc_table t;
	char v[RATE_SIZE];
	cchc_table_init(&t, "lrrrrrrr");
	cchc_table_cap(&t, 0, AREA_W);
	const cchc_str_id heads[] = {CCHC_STR_PLAN_AREA,       CCHC_STR_PLAN_TASK,
	                             CCHC_STR_PLAN_ST_ON_TIME, CCHC_STR_PLAN_ST_LATE,
	                             CCHC_STR_PLAN_ST_OPEN,    CCHC_STR_PLAN_ST_OVERDUE,
	                             CCHC_STR_PLAN_ST_CANCELLED, CCHC_STR_PLAN_COMPLETION};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		cchc_table_cell(&t, cchc_str(heads[i], L));
	for (size_t a = 0; a <= p->nareas; a++) {
		const cchc_plan_counts *c = a < p->nareas ? &r->areas[a] : &r->summary;
		if (a < p->nareas)
			cchc_table_cellf(&t, "%s. %s", p->areas[a].id, p->areas[a].title);
		else
			cchc_table_cell(&t, cchc_str(CCHC_STR_PLAN_WHOLE, L));
		const size_t n[] = {c->total, c->done_on_time, c->done_late, c->open, c->overdue,
		                    c->cancelled};
		for (size_t i = 0; i < sizeof n / sizeof *n; i++)
			cchc_table_cellf(&t, "%zu", n[i]);
		fmt_rate(v, c->completion_rate, L);
		cchc_table_cell(&t, v);
	}
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_PLAN_BY_AREA, L));
	render_table(&t, out);
}

static void summary(cchc_buf *out, const cchc_plan_counts *c, cchc_lang L)
{
	const struct {
		cchc_str_id label;
		size_t n;
	} lines[] = {{CCHC_STR_PLAN_DONE_ON_TIME, c->done_on_time}, {CCHC_STR_PLAN_DONE_LATE, c->done_late},
	             {CCHC_STR_PLAN_OPEN, c->open},                 {CCHC_STR_PLAN_OVERDUE, c->overdue},
	             {CCHC_STR_PLAN_CANCELLED, c->cancelled}};
	char v[RATE_SIZE];
	cchc_buf_printf(out, "\n%s: %zu\n", cchc_str(CCHC_STR_PLAN_TOTAL, L), c->total);
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
		cchc_buf_printf(out, "  %s: %zu\n", cchc_str(lines[i].label, L), lines[i].n);
	fmt_rate(v, c->completion_rate, L);
	cchc_buf_printf(out, "%s: %s", cchc_str(CCHC_STR_PLAN_COMPLETION, L), v);
	if (c->counted)
		cchc_buf_printf(out, " (%zu/%zu)", c->done_on_time + c->done_late, c->counted);
	fmt_rate(v, c->on_time_rate, L);
	cchc_buf_printf(out, "\n%s: %s", cchc_str(CCHC_STR_PLAN_ON_TIME_RATE, L), v);
	if (c->counted)
		cchc_buf_printf(out, " (%zu/%zu)", c->done_on_time, c->counted);
	cchc_buf_puts(out, "\n");
}

int cchc_render_plan_status_text(cchc_buf *out, const cchc_plan_report *r, cchc_lang lang)
{
	header(out, r, lang);
	task_table(out, r, lang);
	area_table(out, r, lang);
	summary(out, &r->summary, lang);
	return out->failed ? -1 : 0;
}

/* ---------------------------------------------------------------- JSON */

static void json_date(cchc_json *j, cchc_date d)
{
	int y, m, day;
	char s[32];
	cchc_date_split(d, &y, &m, &day);
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, day);
	cchc_json_string(j, s);
}

static void json_rate(cchc_json *j, int64_t rate)
{
	if (rate < 0)
		cchc_json_null(j);
	else
		cchc_json_hundredths(j, rate);
}

static void json_counts(cchc_json *j, const cchc_plan_counts *c)
{
	const struct {
		const char *key;
		size_t n;
	} n[] = {{"total", c->total},     {"counted", c->counted},
	         {"done_on_time", c->done_on_time}, {"done_late", c->done_late},
	         {"open", c->open},       {"overdue", c->overdue},
	         {"cancelled", c->cancelled}};
	cchc_json_object_begin(j);
	for (size_t i = 0; i < sizeof n / sizeof *n; i++) {
		cchc_json_key(j, n[i].key);
		cchc_json_int(j, (int64_t)n[i].n);
	}
	cchc_json_key(j, "completion_rate");
	json_rate(j, c->completion_rate);
	cchc_json_key(j, "on_time_rate");
	json_rate(j, c->on_time_rate);
	cchc_json_object_end(j);
}

static void json_plan(cchc_json *j, const cchc_plan *p)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, p->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, p->title);
	cchc_json_key(j, "year");
	cchc_json_int(j, p->year);
	cchc_json_key(j, "agency");
	cchc_json_string(j, p->agency);
	cchc_json_key(j, "agency_name");
	cchc_json_string(j, p->agency_name);
	cchc_json_key(j, "issued");
	if (p->has_issued)
		json_date(j, p->issued);
	else
		cchc_json_null(j);
	cchc_json_key(j, "file");
	cchc_json_string(j, p->file);
	cchc_json_object_end(j);
}

static void json_task(cchc_json *j, const cchc_plan_report *r, size_t i)
{
	const cchc_plan_task *t = &r->plan->tasks[i];
	const cchc_plan_task_status *ts = &r->tasks[i];
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, t->id);
	cchc_json_key(j, "area");
	cchc_json_string(j, r->plan->areas[t->area].id);
	cchc_json_key(j, "deadline");
	json_date(j, t->deadline);
	cchc_json_key(j, "state");
	cchc_json_string(j, cchc_task_status_name(ts->status));
	cchc_json_key(j, "done_date");
	if (is_done(ts->status))
		json_date(j, t->state_date);
	else
		cchc_json_null(j);
	cchc_json_key(j, "days_late");
	cchc_json_int(j, ts->days_late);
	cchc_json_object_end(j);
}

int cchc_render_plan_status_json(cchc_buf *out, const cchc_plan_report *r)
{
	const cchc_plan *p = r->plan;
	cchc_json j;
	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, CCHC_PLAN_STATUS_SCHEMA);
	cchc_json_key(&j, "plan");
	json_plan(&j, p);
	cchc_json_key(&j, "as_of");
	json_date(&j, r->as_of);
	cchc_json_key(&j, "tasks");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < p->ntasks; i++)
		json_task(&j, r, i);
	cchc_json_array_end(&j);
	cchc_json_key(&j, "areas");
	cchc_json_array_begin(&j);
	for (size_t a = 0; a < p->nareas; a++) {
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "id");
		cchc_json_string(&j, p->areas[a].id);
		cchc_json_key(&j, "title");
		cchc_json_string(&j, p->areas[a].title);
		cchc_json_key(&j, "summary");
		json_counts(&j, &r->areas[a]);
		cchc_json_object_end(&j);
	}
	cchc_json_array_end(&j);
	cchc_json_key(&j, "summary");
	json_counts(&j, &r->summary);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
