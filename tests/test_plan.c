/* The annual plan: loading both samples, the status of a hand-made plan at
 * several dates (deadline boundaries, dates after as-of, cancellations),
 * exact rates with half-up rounding, every loader error with its line, a
 * DOCTYPE refused, and both renderers (without the CLI). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/report.h"

/* ------------------------------------------------------------------ helpers */

static cchc_date D(const char *iso)
{
	cchc_date d = 0;
	if (cchc_date_parse(iso, &d) != CCHC_NUM_OK)
		CU_FAIL("bad date in the test");
	return d;
}

static cchc_plan *load(const char *xml, cchc_diag **diag)
{
	cchc_plan *p = NULL;
	*diag = cchc_diag_new();
	cchc_plan_load_memory(&p, xml, strlen(xml), "test-plan.xml", *diag);
	return p;
}

static cchc_plan *accepted(const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_plan *p = load(xml, &diag);
	if (!p)
		fprintf(stderr, "\n    plan refused:\n%s", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_EQUAL(cchc_diag_count(diag), 0);
	cchc_diag_free(diag);
	return p;
}

/* Load xml expecting a refusal; the caller checks and frees the diagnostics. */
static cchc_diag *refused(const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_plan *p = load(xml, &diag);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT(cchc_diag_count(diag) > 0);
	cchc_plan_free(p);
	return diag;
}

static const cchc_plan_task *task(const cchc_plan *p, const char *id)
{
	for (size_t i = 0; p && i < p->ntasks; i++)
		if (strcmp(p->tasks[i].id, id) == 0)
			return &p->tasks[i];
	CU_FAIL("no such task");
	return NULL;
}

static const cchc_plan_task_status *status_of(const cchc_plan_report *r, const char *id)
{
	for (size_t i = 0; r && i < r->plan->ntasks; i++)
		if (strcmp(r->plan->tasks[i].id, id) == 0)
			return &r->tasks[i];
	CU_FAIL("no such task");
	return NULL;
}

#define ASSERT_COUNTS(c, on_time, late, open_, overdue_, cancelled_)                          \
	do {                                                                                      \
		ASSERT_EQ((c).done_on_time, on_time);                                                 \
		ASSERT_EQ((c).done_late, late);                                                       \
		ASSERT_EQ((c).open, open_);                                                           \
		ASSERT_EQ((c).overdue, overdue_);                                                     \
		ASSERT_EQ((c).cancelled, cancelled_);                                                 \
		ASSERT_EQ((c).total, (on_time) + (late) + (open_) + (overdue_) + (cancelled_));      \
		ASSERT_EQ((c).counted, (c).total - (cancelled_));                                     \
	} while (0)

#define ASSERT_STATUS(r, id, st, days)                                                        \
	do {                                                                                      \
		const cchc_plan_task_status *ts_ = status_of((r), (id));                              \
		if (ts_) {                                                                            \
			ASSERT_EQ(ts_->status, st);                                                       \
			ASSERT_EQ(ts_->days_late, days);                                                  \
		}                                                                                     \
	} while (0)

/* Line numbers matter: the loader tests below name them. */
#define HEAD "<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\" issued=\"2024-01-10\">\n"
#define AREA "<area id=\"A\" title=\"Khu A\">\n"
#define TASK(id, attrs, inner) "<task id=\"" id "\" " attrs "><content>c</content>" inner "</task>\n"
#define TAIL "</area>\n</plan>\n"

/* The hand-made plan (lines 3-6 area A, 9-11 area B). */
static const char plan_xml[] =
	HEAD AREA                                                                     /* 1-2 */
	TASK("A.1", "deadline=\"2024-03-31\"", "<status state=\"done\" date=\"2024-03-31\"/>") /* 3 */
	TASK("A.2", "deadline=\"2024-03-31\"", "<status state=\"done\" date=\"2024-04-05\"/>") /* 4 */
	TASK("A.3", "deadline=\"2024-06-30\"", "")                                   /* 5 */
	TASK("A.4", "when=\"Thường xuyên\"", "<status state=\"open\"/>")             /* 6 */
	"</area>\n<area id=\"B\" title=\"Khu B\">\n"                                  /* 7-8 */
	TASK("B.1", "deadline=\"2024-09-30\"", "<status state=\"cancelled\" date=\"2024-05-01\"/>") /* 9 */
	TASK("B.2", "", "<status state=\"cancelled\" note=\"bỏ\"/>")                  /* 10 */
	TASK("B.3", "deadline=\"2024-02-29\"", "<status state=\"done\" date=\"2024-01-15\"/>") /* 11 */
	TAIL;

static cchc_plan_report *status_at(const cchc_plan *p, const char *as_of)
{
	cchc_plan_report *r = NULL;
	CU_ASSERT_EQUAL(cchc_plan_status(p, D(as_of), &r), 0);
	CU_ASSERT_PTR_NOT_NULL(r);
	return r;
}

/* ------------------------------------------------------------------ samples */

static void test_sample_dongnai(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_plan *p = NULL;
	int rc = cchc_plan_load(&p, test_path("samples/plans/dongnai-sct-2024.xml"), diag);
	if (rc < 0)
		fprintf(stderr, "\n%s", test_diag_text(diag));
	ASSERT_EQ(rc, 0);
	cchc_diag_free(diag);
	if (!p)
		return;
	ASSERT_STR(p->id, "dongnai-sct-2024");
	ASSERT_EQ(p->year, 2024);
	ASSERT_STR(p->agency_name, "Sở Công Thương tỉnh Đồng Nai");
	ASSERT_EQ(p->has_issued, 0);
	ASSERT_EQ(p->nareas, 7);
	ASSERT_EQ(p->ntasks, 77);
	ASSERT_STR(p->areas[1].title, "Cải cách thủ tục hành chính");
	ASSERT_EQ(p->areas[1].first, 8);
	ASSERT_EQ(p->areas[1].ntasks, 31);

	const cchc_plan_task *t = task(p, "II.1.6");
	if (t) {
		ASSERT_EQ(t->has_deadline, 1);
		ASSERT_EQ(t->deadline, D("2024-03-14"));
		ASSERT_STR(t->when, "Trước ngày 14/3/2024");
		ASSERT_STR(t->owner, "Thanh tra Sở");
		ASSERT_STR(t->support, "Các phòng, đơn vị thuộc Sở");
		ASSERT_EQ(t->ntargets, 1);
		ASSERT_EQ(t->state, CCHC_PLAN_STATE_DONE);
		ASSERT_EQ(t->state_date, D("2024-03-26"));
	}
	t = task(p, "II.2.2.1");
	if (t) {
		ASSERT_EQ(t->has_deadline, 0);
		ASSERT_EQ(t->deadline, D("2024-12-31"));
		ASSERT_STR(t->objective, "Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 97%");
		ASSERT_EQ(t->ntargets, 2);
		ASSERT_STR(t->targets[0].metric, "Tỷ lệ hồ sơ giải quyết đúng hạn");
		ASSERT_EQ(t->targets[0].has_min, 1);
		ASSERT_EQ(t->targets[0].min, 97 * (cchc_decimal)CCHC_DECIMAL_SCALE);
		ASSERT_STR(t->targets[0].unit, "%");
	}
	t = task(p, "VII.1");
	if (t) {
		ASSERT_EQ(t->nactivities, 4);
		ASSERT_STR(t->activities[3], "Kế hoạch đo lường mức độ hài lòng người dân");
	}
	ASSERT_STR(task(p, "I.1.3")->owner, "Trung tâm KC&TVPTCN");

	cchc_plan_report *r = status_at(p, "2024-12-31");
	if (r) {
		ASSERT_COUNTS(r->summary, 66, 4, 4, 2, 1);
		ASSERT_EQ(r->summary.completion_rate, 9211); /* 70/76 = 92,105… */
		ASSERT_EQ(r->summary.on_time_rate, 8684);    /* 66/76 = 86,842… */
		ASSERT_STATUS(r, "II.1.6", CCHC_TASK_DONE_LATE, 12);
		ASSERT_STATUS(r, "II.1.8", CCHC_TASK_OVERDUE, 30);
		ASSERT_STATUS(r, "II.2.1.4", CCHC_TASK_CANCELLED, 0);
		ASSERT_COUNTS(r->areas[0], 7, 0, 1, 0, 0);
		ASSERT_EQ(r->areas[0].completion_rate, 8750);
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

static void test_sample_bacgiang(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_plan *p = NULL;
	int rc = cchc_plan_load(&p, test_path("samples/plans/bacgiang-sct-2023.xml"), diag);
	if (rc < 0)
		fprintf(stderr, "\n%s", test_diag_text(diag));
	ASSERT_EQ(rc, 0);
	cchc_diag_free(diag);
	if (!p)
		return;
	ASSERT_STR(p->id, "bacgiang-sct-2023");
	ASSERT_EQ(p->year, 2023);
	ASSERT_EQ(p->nareas, 5);
	ASSERT_EQ(p->ntasks, 18);
	const cchc_plan_task *t = task(p, "III.3.2");
	if (t) {
		ASSERT_EQ(t->deadline, D("2023-11-30"));
		ASSERT_STR(t->when, "Trước T12/2023");
		ASSERT_EQ(t->ntargets, 2);
		ASSERT_EQ(t->targets[1].min, 20 * (cchc_decimal)CCHC_DECIMAL_SCALE);
	}
	cchc_plan_report *r = status_at(p, "2023-12-31");
	if (r) {
		ASSERT_COUNTS(r->summary, 14, 2, 1, 1, 0);
		ASSERT_EQ(r->summary.completion_rate, 8889); /* 16/18 */
		ASSERT_EQ(r->summary.on_time_rate, 7778);    /* 14/18 */
		ASSERT_STATUS(r, "I.1", CCHC_TASK_DONE_LATE, 3);
		ASSERT_STATUS(r, "III.3.2", CCHC_TASK_OVERDUE, 31);
	}
	cchc_plan_report_free(r);
	/* Mid-year: what was done in December is not yet done in June. */
	r = status_at(p, "2023-06-30");
	if (r) {
		ASSERT_COUNTS(r->summary, 3, 1, 14, 0, 0);
		ASSERT_EQ(r->summary.completion_rate, 2222); /* 4/18 */
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

/* ------------------------------------------------------------------ status */

static void test_fields(void)
{
	cchc_plan *p = accepted(plan_xml);
	if (!p)
		return;
	ASSERT_EQ(p->nareas, 2);
	ASSERT_EQ(p->ntasks, 7);
	ASSERT_EQ(p->has_issued, 1);
	ASSERT_EQ(p->issued, D("2024-01-10"));
	ASSERT_EQ(cchc_plan_year_end(p), D("2024-12-31"));
	ASSERT_EQ(p->areas[1].first, 4);
	ASSERT_EQ(p->areas[1].ntasks, 3);
	const cchc_plan_task *t = task(p, "A.4");
	if (t) {
		ASSERT_EQ(t->has_deadline, 0);
		ASSERT_EQ(t->deadline, D("2024-12-31"));
		ASSERT_EQ(t->state, CCHC_PLAN_STATE_OPEN);
		ASSERT_STR(t->when, "Thường xuyên");
		CU_ASSERT_PTR_NULL(t->owner);
		CU_ASSERT_PTR_NULL(t->objective);
	}
	t = task(p, "B.2");
	if (t) {
		ASSERT_EQ(t->area, 1);
		ASSERT_EQ(t->state, CCHC_PLAN_STATE_CANCELLED);
		ASSERT_EQ(t->has_state_date, 0);
		ASSERT_STR(t->note, "bỏ");
	}
	ASSERT_EQ(task(p, "A.3")->state, CCHC_PLAN_STATE_OPEN); /* no <status> */
	cchc_plan_free(p);
}

static void test_year_end(void)
{
	cchc_plan *p = accepted(plan_xml);
	cchc_plan_report *r = p ? status_at(p, "2024-12-31") : NULL;
	if (r) {
		ASSERT_STATUS(r, "A.1", CCHC_TASK_DONE_ON_TIME, 0); /* done on the deadline itself */
		ASSERT_STATUS(r, "A.2", CCHC_TASK_DONE_LATE, 5);
		ASSERT_STATUS(r, "A.3", CCHC_TASK_OVERDUE, 184);
		ASSERT_STATUS(r, "A.4", CCHC_TASK_OPEN, 0); /* due 31/12, judged on 31/12 */
		ASSERT_STATUS(r, "B.1", CCHC_TASK_CANCELLED, 0);
		ASSERT_STATUS(r, "B.2", CCHC_TASK_CANCELLED, 0);
		ASSERT_STATUS(r, "B.3", CCHC_TASK_DONE_ON_TIME, 0);
		ASSERT_COUNTS(r->summary, 2, 1, 1, 1, 2);
		ASSERT_EQ(r->summary.completion_rate, 6000); /* 3/5 */
		ASSERT_EQ(r->summary.on_time_rate, 4000);    /* 2/5 */
		ASSERT_COUNTS(r->areas[0], 1, 1, 1, 1, 0);
		ASSERT_EQ(r->areas[0].completion_rate, 5000);
		ASSERT_EQ(r->areas[0].on_time_rate, 2500);
		ASSERT_COUNTS(r->areas[1], 1, 0, 0, 0, 2);
		ASSERT_EQ(r->areas[1].completion_rate, 10000);
		ASSERT_EQ(r->as_of, D("2024-12-31"));
		CU_ASSERT_PTR_EQUAL(r->plan, p);
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

static void test_dates_after_as_of(void)
{
	cchc_plan *p = accepted(plan_xml);
	if (!p)
		return;
	/* 31/03: A.1 done that day; A.2 done 05/04 is not yet done and due today (open);
	 * B.1 cancelled 01/05 is not yet cancelled; B.2's undated cancellation counts. */
	cchc_plan_report *r = status_at(p, "2024-03-31");
	if (r) {
		ASSERT_STATUS(r, "A.1", CCHC_TASK_DONE_ON_TIME, 0);
		ASSERT_STATUS(r, "A.2", CCHC_TASK_OPEN, 0);
		ASSERT_STATUS(r, "B.1", CCHC_TASK_OPEN, 0);
		ASSERT_STATUS(r, "B.2", CCHC_TASK_CANCELLED, 0);
		ASSERT_COUNTS(r->summary, 2, 0, 4, 0, 1);
		ASSERT_EQ(r->summary.completion_rate, 3333); /* 2/6 = 33,33… */
		ASSERT_EQ(r->summary.on_time_rate, 3333);
	}
	cchc_plan_report_free(r);
	/* The day after A.2's deadline it is overdue by one day. */
	r = status_at(p, "2024-04-01");
	if (r) {
		ASSERT_STATUS(r, "A.2", CCHC_TASK_OVERDUE, 1);
		ASSERT_COUNTS(r->summary, 2, 0, 3, 1, 1);
	}
	cchc_plan_report_free(r);
	/* Done on 05/04: late by five days from that day on. */
	r = status_at(p, "2024-04-05");
	if (r) {
		ASSERT_STATUS(r, "A.2", CCHC_TASK_DONE_LATE, 5);
		ASSERT_COUNTS(r->summary, 2, 1, 3, 0, 1);
		ASSERT_EQ(r->summary.completion_rate, 5000); /* 3/6 */
	}
	cchc_plan_report_free(r);
	/* B.1 is cancelled from 01/05. */
	r = status_at(p, "2024-05-01");
	if (r) {
		ASSERT_STATUS(r, "B.1", CCHC_TASK_CANCELLED, 0);
		ASSERT_COUNTS(r->summary, 2, 1, 2, 0, 2);
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

static void test_deadline_boundary(void)
{
	cchc_plan *p = accepted(plan_xml);
	if (!p)
		return;
	const char *days[] = {"2024-06-29", "2024-06-30", "2024-07-01"};
	const cchc_task_status want[] = {CCHC_TASK_OPEN, CCHC_TASK_OPEN, CCHC_TASK_OVERDUE};
	const int late[] = {0, 0, 1};
	for (size_t i = 0; i < 3; i++) {
		cchc_plan_report *r = status_at(p, days[i]);
		if (r)
			ASSERT_STATUS(r, "A.3", want[i], late[i]);
		cchc_plan_report_free(r);
	}
	/* Before the plan year every undone task is open. */
	cchc_plan_report *r = status_at(p, "2024-01-01");
	if (r) {
		ASSERT_COUNTS(r->summary, 0, 0, 6, 0, 1);
		ASSERT_EQ(r->summary.completion_rate, 0);
	}
	cchc_plan_report_free(r);
	/* Late the next year the task due 31/12 is overdue. */
	r = status_at(p, "2025-01-31");
	if (r)
		ASSERT_STATUS(r, "A.4", CCHC_TASK_OVERDUE, 31);
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

/* n tasks, the first `done` done on time, the rest open (no status). */
static char *plan_of(size_t n, size_t done)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_puts(&b, HEAD AREA);
	for (size_t i = 0; i < n; i++)
		cchc_buf_printf(&b, "<task id=\"T%zu\"><content>c</content>%s</task>\n", i,
		                i < done ? "<status state=\"done\" date=\"2024-02-01\"/>" : "");
	cchc_buf_puts(&b, TAIL);
	return b.data; /* the caller frees */
}

static void test_rounding(void)
{
	const struct {
		size_t n, done;
		int64_t rate;
	} cases[] = {
		{32, 1, 313},   /* 3,125 % → 312,5 hundredths: half up gives 313 (half-even would give 312) */
		{32, 3, 938},   /* 937,5 → 938 */
		{3, 2, 6667},   /* 66,666… */
		{6, 1, 1667},   /* 16,666… */
		{7, 1, 1429},   /* 14,2857… */
		{8, 1, 1250},   /* exact */
		{1, 1, 10000},
		{1, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *xml = plan_of(cases[i].n, cases[i].done);
		cchc_plan *p = xml ? accepted(xml) : NULL;
		cchc_plan_report *r = p ? status_at(p, "2024-12-31") : NULL;
		if (r) {
			ASSERT_EQ(r->summary.completion_rate, cases[i].rate);
			ASSERT_EQ(r->summary.on_time_rate, cases[i].rate);
			ASSERT_EQ(r->summary.done_on_time, cases[i].done);
		}
		cchc_plan_report_free(r);
		cchc_plan_free(p);
		free(xml);
	}
}

static void test_all_cancelled(void)
{
	cchc_plan *p = accepted(HEAD AREA TASK("A.1", "", "<status state=\"cancelled\"/>") TAIL);
	cchc_plan_report *r = p ? status_at(p, "2024-12-31") : NULL;
	if (r) {
		ASSERT_COUNTS(r->summary, 0, 0, 0, 0, 1);
		ASSERT_EQ(r->summary.completion_rate, -1);
		ASSERT_EQ(r->summary.on_time_rate, -1);
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

static void test_status_names(void)
{
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_DONE_ON_TIME), "done_on_time");
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_DONE_LATE), "done_late");
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_OPEN), "open");
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_OVERDUE), "overdue");
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_CANCELLED), "cancelled");
	ASSERT_STR(cchc_task_status_name(CCHC_TASK_STATUS_COUNT), "");
	cchc_plan_free(NULL);
	cchc_plan_report_free(NULL);
}

static void test_texts_collapsed(void)
{
	cchc_plan *p = accepted(
		HEAD AREA
		"<task id=\"A.1\" owner=\"Văn phòng\n   Sở\" budget=\"Ngân sách  tỉnh\" criterion=\"1.1.1\">"
		"<content>\n  Rà soát,\n\tcập nhật   TTHC  \n</content>"
		"<objective>Mục tiêu</objective><activity>Một</activity><activity>Hai</activity>"
		"<solution>Giải pháp</solution><product>Sản phẩm</product>"
		"<target metric=\"Tỷ lệ\" min=\"97.5\" max=\"100\" unit=\"%\"/>"
		"<target metric=\"Số sáng kiến\" max=\"9\"/>"
		"</task>\n" TAIL);
	const cchc_plan_task *t = p ? task(p, "A.1") : NULL;
	if (t) {
		ASSERT_STR(t->content, "Rà soát, cập nhật TTHC");
		ASSERT_STR(t->owner, "Văn phòng Sở");
		ASSERT_STR(t->budget, "Ngân sách tỉnh");
		ASSERT_STR(t->criterion, "1.1.1");
		ASSERT_STR(t->solution, "Giải pháp");
		ASSERT_STR(t->product, "Sản phẩm");
		ASSERT_EQ(t->nactivities, 2);
		ASSERT_STR(t->activities[1], "Hai");
		ASSERT_EQ(t->ntargets, 2);
		ASSERT_EQ(t->targets[0].min, 97500000);
		ASSERT_EQ(t->targets[0].max, 100000000);
		ASSERT_EQ(t->targets[1].has_min, 0);
		ASSERT_EQ(t->targets[1].max, 9000000);
		CU_ASSERT_PTR_NULL(t->targets[1].unit);
		/* libxml2 numbers an element by the line its start tag ends on */
		ASSERT_EQ(t->line, 4);
	}
	cchc_plan_free(p);
}

/* ------------------------------------------------------------------ loader errors */

static void expect(const char *xml, long line, const char *needle)
{
	cchc_diag *diag = refused(xml);
	ASSERT_DIAG(diag, line, needle);
	cchc_diag_free(diag);
}

static void test_duplicate_ids(void)
{
	expect(HEAD AREA TASK("A.1", "", "") TASK("A.2", "", "") TASK("A.1", "", "") TAIL, 5,
	       "a second <task id=\"A.1\"> (the first is at line 3): task ids are unique");
	expect(HEAD AREA TASK("A.1", "", "") "</area>\n<area id=\"A\" title=\"Lặp\">\n"
	       TASK("B.1", "", "") TAIL, 5,
	       "a second <area id=\"A\"> (the first is at line 2): give each area its own id");
	/* Across areas too. */
	expect(HEAD AREA TASK("X", "", "") "</area>\n<area id=\"B\" title=\"B\">\n"
	       TASK("X", "", "") TAIL, 6, "a second <task id=\"X\"> (the first is at line 3)");
}

static void test_deadline_errors(void)
{
	expect(HEAD AREA TASK("A.1", "deadline=\"2024-02-30\"", "") TAIL, 3,
	       "<task \"A.1\"> deadline=\"2024-02-30\": no such date in the calendar");
	expect(HEAD AREA TASK("A.1", "deadline=\"2023-12-31\"", "") TAIL, 3,
	       "<task \"A.1\"> deadline=\"2023-12-31\" is outside the plan's years: a 2024 plan's "
	       "deadlines fall in 2024 or 2025");
	expect(HEAD AREA TASK("A.1", "deadline=\"2026-01-01\"", "") TAIL, 3,
	       "is outside the plan's years");
}

static void test_status_errors(void)
{
	expect(HEAD AREA TASK("A.1", "", "<status state=\"done\"/>") TAIL, 3,
	       "task \"A.1\": <status state=\"done\"> needs date=\"YYYY-MM-DD\", the day the task was "
	       "done");
	expect(HEAD AREA TASK("A.1", "", "<status state=\"open\" date=\"2024-05-01\"/>") TAIL, 3,
	       "task \"A.1\": <status state=\"open\"> takes no date (the task is not done)");
	expect(HEAD AREA TASK("A.1", "", "<status state=\"done\" date=\"2024-01-09\"/>") TAIL, 3,
	       "task \"A.1\": <status> date=\"2024-01-09\" is before the plan was issued (2024-01-10): "
	       "correct the date");
	expect(HEAD AREA TASK("A.1", "", "<status state=\"done\" date=\"2024-13-01\"/>") TAIL, 3,
	       "<status> date=\"2024-13-01\": no such date in the calendar");
	/* No issue date: the window is the year before to the year after. */
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\">\n" AREA
	       TASK("A.1", "", "<status state=\"done\" date=\"2026-01-01\"/>") TAIL, 3,
	       "task \"A.1\": <status> date=\"2026-01-01\" is outside 2023-01-01 to 2025-12-31, the "
	       "years around a 2024 plan");
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\">\n" AREA
	       TASK("A.1", "", "<status state=\"cancelled\" date=\"2022-12-31\"/>") TAIL, 3,
	       "is outside 2023-01-01 to 2025-12-31");
}

static void test_plan_errors(void)
{
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\" issued=\"2022-12-31\">\n"
	       AREA TASK("A.1", "", "") TAIL, 1,
	       "<plan> issued=\"2022-12-31\": a plan for 2024 is issued in 2023 or 2024");
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\" issued=\"2024-02-31\">\n"
	       AREA TASK("A.1", "", "") TAIL, 1, "issued=\"2024-02-31\": no such date in the calendar");
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"1900\" title=\"T\">\n"
	       AREA TASK("A.1", "", "") TAIL, 1, "<plan> year=\"1900\": write the plan's year, 1901 to 9998");
}

static void test_target_errors(void)
{
	expect(HEAD AREA TASK("A.1", "", "<target metric=\"Tỷ lệ\" unit=\"%\"/>") TAIL, 3,
	       "<target metric=\"Tỷ lệ\">: no threshold: give min (at least) or max (at most)");
	expect(HEAD AREA TASK("A.1", "", "<target metric=\"Tỷ lệ\" min=\"90\" max=\"80\"/>") TAIL, 3,
	       "<target metric=\"Tỷ lệ\">: min 90 is above max 80: swap them");
	expect(HEAD AREA TASK("A.1", "", "<target metric=\"Tỷ lệ\" min=\"101\" unit=\"%\"/>") TAIL, 3,
	       "<target metric=\"Tỷ lệ\">: a percentage is 0 to 100");
	expect(HEAD AREA TASK("A.1", "", "<target metric=\"Tỷ lệ\" min=\"0.1234567\"/>") TAIL, 3,
	       "does not match the schema");
}

static void test_schema_errors(void)
{
	/* no <content> */
	expect(HEAD AREA "<task id=\"A.1\"><product>p</product></task>\n" TAIL, 3,
	       "does not match the schema");
	expect(HEAD AREA TASK("A.1", "", "<status state=\"finished\"/>") TAIL, 3,
	       "does not match the schema");
	/* children out of order: the status comes last */
	expect(HEAD AREA "<task id=\"A.1\"><content>c</content><status state=\"open\"/>"
	       "<product>p</product></task>\n" TAIL, 3, "does not match the schema");
	expect(HEAD AREA TASK("A.1", "deadline=\"31/03/2024\"", "") TAIL, 3,
	       "does not match the schema");
	expect(HEAD AREA "<task id=\"A.1\"><content>   </content></task>\n" TAIL, 3,
	       "does not match the schema");
	/* an area with no task */
	expect(HEAD AREA "</area>\n</plan>\n", 2, "does not match the schema");
	expect("<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" title=\"T\">\n" AREA TASK("A.1", "", "") TAIL,
	       1, "does not match the schema");
}

static void test_root_and_parse_errors(void)
{
	expect("<plan id=\"t\" year=\"2024\" title=\"T\"/>\n", 1,
	       "the root element is <plan> with no namespace: expected <plan xmlns=\"urn:cchc:plan:1\">");
	expect("<assessment xmlns=\"urn:cchc:assessment:1\"/>\n", 1, "the root element is <assessment>");
	expect(HEAD AREA TASK("A.1", "", "") "</plan>\n", 4, "not well-formed XML");
	cchc_diag *diag = refused("");
	ASSERT_DIAG(diag, 0, "the file is empty");
	cchc_diag_free(diag);

	cchc_plan *p = (cchc_plan *)1;
	diag = cchc_diag_new();
	ASSERT_EQ(cchc_plan_load(&p, test_path("samples/plans/no-such-plan.xml"), diag), -1);
	CU_ASSERT_PTR_NULL(p);
	ASSERT_DIAG(diag, 0, "cannot open the file");
	cchc_diag_clear(diag);
	p = (cchc_plan *)1;
	ASSERT_EQ(cchc_plan_load_memory(&p, NULL, 0, "x.xml", diag), -1);
	CU_ASSERT_PTR_NULL(p);
	ASSERT_DIAG(diag, 0, "no data");
	cchc_diag_free(diag);
}

static void test_doctype_refused(void)
{
	/* XXE: an external entity must never be read, and the DOCTYPE alone refuses the file. */
	cchc_diag *diag = refused(
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE plan [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
		"<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"T\">\n" AREA
		"<task id=\"A.1\"><content>&xxe;</content></task>\n" TAIL);
	ASSERT_DIAG(diag, 2, "a <!DOCTYPE> is not allowed");
	ASSERT_EQ(cchc_diag_count(diag), 1); /* nothing else: the parser stopped there */
	cchc_diag_free(diag);
	/* A billion-laughs style internal entity is refused the same way. */
	diag = refused("<!DOCTYPE plan [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n"
	               "<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2024\" title=\"&b;\">\n" AREA
	               TASK("A.1", "", "") TAIL);
	ASSERT_DIAG(diag, 1, "a <!DOCTYPE> is not allowed");
	cchc_diag_free(diag);
}

/* Several problems in one file are all reported, each at its line. */
static void test_many_errors(void)
{
	cchc_diag *diag = refused(HEAD AREA
	                          TASK("A.1", "deadline=\"2023-06-30\"", "")              /* 3 */
	                          TASK("A.1", "", "<status state=\"done\"/>")             /* 4 */
	                          TASK("A.3", "", "<target metric=\"m\" min=\"5\" max=\"1\"/>") /* 5 */
	                          TAIL);
	ASSERT_DIAG(diag, 3, "is outside the plan's years");
	ASSERT_DIAG(diag, 4, "needs date=");
	ASSERT_DIAG(diag, 4, "a second <task id=\"A.1\">");
	ASSERT_DIAG(diag, 5, "min 5 is above max 1");
	ASSERT_EQ(cchc_diag_count(diag), 4);
	cchc_diag_free(diag);
}

/* ------------------------------------------------------------------ renderers */

static char *render(const cchc_plan_report *r, int json, cchc_lang lang)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	int rc = json ? cchc_render_plan_status_json(&b, r) : cchc_render_plan_status_text(&b, r, lang);
	ASSERT_EQ(rc, 0);
	return b.data;
}

static void assert_contains(const char *text, const char *needle)
{
	int ok = text && strstr(text, needle) != NULL;
	if (!ok)
		fprintf(stderr, "\n    output lacks \"%s\":\n%s\n", needle, text ? text : "(null)");
	CU_ASSERT(ok);
}

static void test_render_text(void)
{
	cchc_plan *p = accepted(plan_xml);
	cchc_plan_report *r = p ? status_at(p, "2024-12-31") : NULL;
	if (!r) {
		cchc_plan_free(p);
		return;
	}
	char *vi = render(r, 0, CCHC_LANG_VI);
	assert_contains(vi, "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH\n");
	assert_contains(vi, "T (t, 2024), ban hành ngày 10/01/2024\n");
	assert_contains(vi, "Tính đến ngày 31/12/2024\n");
	assert_contains(vi, "A.2       c         31/03/2024   Trễ hạn (5 ngày)    05/04/2024\n");
	assert_contains(vi, "A.3       c         30/06/2024   Quá hạn (184 ngày)\n");
	assert_contains(vi, "A.4       c         31/12/2024*  Đang thực hiện\n");
	assert_contains(vi, "\n* Không ghi thời hạn cụ thể: tính hạn đến 31/12/2024.\n");
	assert_contains(vi, "Toàn kế hoạch");
	assert_contains(vi, "Tổng số nhiệm vụ: 7\n");
	assert_contains(vi, "  Hủy bỏ, không tính vào tỷ lệ: 2\n");
	assert_contains(vi, "Tỷ lệ hoàn thành: 60,00 % (3/5)\n");
	assert_contains(vi, "Tỷ lệ hoàn thành đúng hạn: 40,00 % (2/5)\n");
	CU_ASSERT(vi && !strstr(vi, " \n")); /* no trailing spaces */
	char *en = render(r, 0, CCHC_LANG_EN);
	assert_contains(en, "As of 31/12/2024\n");
	assert_contains(en, "Late (5 days)");
	assert_contains(en, "Overdue (184 days)");
	assert_contains(en, "Completion rate: 60.00 % (3/5)\n");
	free(vi);
	free(en);
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

static void test_render_json(void)
{
	cchc_plan *p = accepted(plan_xml);
	cchc_plan_report *r = p ? status_at(p, "2024-04-05") : NULL;
	if (!r) {
		cchc_plan_free(p);
		return;
	}
	char *js = render(r, 1, CCHC_LANG_VI);
	assert_contains(js, "\"schema\": \"cchc-plan-status/1\"");
	assert_contains(js, "\"as_of\": \"2024-04-05\"");
	assert_contains(js, "\"issued\": \"2024-01-10\"");
	assert_contains(js, "{\n      \"id\": \"A.2\",\n      \"area\": \"A\",\n"
	                    "      \"deadline\": \"2024-03-31\",\n      \"state\": \"done_late\",\n"
	                    "      \"done_date\": \"2024-04-05\",\n      \"days_late\": 5\n    }");
	assert_contains(js, "{\n      \"id\": \"B.1\",\n      \"area\": \"B\",\n"
	                    "      \"deadline\": \"2024-09-30\",\n      \"state\": \"open\",\n"
	                    "      \"done_date\": null,\n      \"days_late\": 0\n    }");
	assert_contains(js, "\"summary\": {\n    \"total\": 7,\n    \"counted\": 6,\n"
	                    "    \"done_on_time\": 2,\n    \"done_late\": 1,\n    \"open\": 3,\n"
	                    "    \"overdue\": 0,\n    \"cancelled\": 1,\n    \"completion_rate\": 50,\n"
	                    "    \"on_time_rate\": 33.33\n  }\n}\n");
	free(js);
	cchc_plan_report_free(r);
	cchc_plan_free(p);

	p = accepted(HEAD AREA TASK("A.1", "", "<status state=\"cancelled\"/>") TAIL);
	r = p ? status_at(p, "2024-12-31") : NULL;
	if (r) {
		js = render(r, 1, CCHC_LANG_VI);
		assert_contains(js, "\"completion_rate\": null");
		free(js);
		char *vi = render(r, 0, CCHC_LANG_VI);
		assert_contains(vi, "Tỷ lệ hoàn thành: \xE2\x80\x94\n");
		free(vi);
	}
	cchc_plan_report_free(r);
	cchc_plan_free(p);
}

int main(void)
{
	static const test_case tests[] = {
		{"sample Đồng Nai 2024 loads, counts and rates", test_sample_dongnai},
		{"sample Bắc Giang 2023 loads, counts and rates", test_sample_bacgiang},
		{"fields of a loaded plan", test_fields},
		{"status at the end of the year", test_year_end},
		{"done and cancelled after as-of do not count yet", test_dates_after_as_of},
		{"deadline boundaries: day before, on, after", test_deadline_boundary},
		{"rates in hundredths, rounded half up", test_rounding},
		{"every task cancelled: no rate", test_all_cancelled},
		{"status names, NULL frees", test_status_names},
		{"texts collapsed, optional fields, targets", test_texts_collapsed},
		{"duplicate area and task ids", test_duplicate_ids},
		{"deadline errors", test_deadline_errors},
		{"status errors", test_status_errors},
		{"plan attribute errors", test_plan_errors},
		{"target errors", test_target_errors},
		{"schema errors", test_schema_errors},
		{"root, parse and file errors", test_root_and_parse_errors},
		{"DOCTYPE and entities refused", test_doctype_refused},
		{"several errors reported at once", test_many_errors},
		{"text report, vi and en", test_render_text},
		{"JSON report", test_render_json},
		{NULL, NULL},
	};
	return test_run_suite("plan", tests);
}
