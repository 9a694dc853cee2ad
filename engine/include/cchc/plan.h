/**
 * @file plan.h
 * The annual CCHC plan (kế hoạch cải cách hành chính năm): areas of reform,
 * their tasks with owner, deadline, targets and status, loaded from
 * urn:cchc:plan:1 XML (criteria/README.md); and the plan's status as of a
 * date: each task done on time, done late, open, overdue or cancelled, with
 * the completion and on-time rates as exact integers.
 *
 * Ownership: a cchc_plan owns every string and array reachable from it; its
 * fields are read-only for callers. A cchc_plan_report borrows its plan and
 * must be freed before it.
 */
#ifndef CCHC_PLAN_H
#define CCHC_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/diag.h"
#include "cchc/points.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What the plan file records about a task (its <status state>). */
typedef enum {
	CCHC_PLAN_STATE_OPEN = 0, /**< not done (also when no <status> is given) */
	CCHC_PLAN_STATE_DONE,     /**< done on `state_date` */
	CCHC_PLAN_STATE_CANCELLED /**< dropped; `state_date` optional */
} cchc_plan_state;

/** A measurable target (chỉ tiêu): at least one of min and max is present. */
typedef struct cchc_plan_target {
	char *metric;
	char *unit;         /**< may be NULL */
	int has_min, has_max;
	cchc_decimal min;   /**< millionths, valid when has_min */
	cchc_decimal max;   /**< millionths, valid when has_max */
	long line;
} cchc_plan_target;

/** One task. Texts have their white space collapsed to single spaces. */
typedef struct cchc_plan_task {
	char *id;
	size_t area;          /**< index into cchc_plan.areas */
	char *content;        /**< Nội dung nhiệm vụ; never NULL */
	char *objective;      /**< Mục tiêu; may be NULL */
	char **activities;    /**< Hoạt động, in order */
	size_t nactivities;
	char *solution;       /**< Giải pháp khắc phục; may be NULL */
	char *product;        /**< Sản phẩm; may be NULL */
	char *when;           /**< the plan's wording of the deadline; may be NULL */
	char *owner;          /**< Chủ trì; may be NULL */
	char *support;        /**< Phối hợp; may be NULL */
	char *budget;         /**< Kinh phí; may be NULL */
	char *criterion;      /**< the CCHC criterion the task wins back; may be NULL */
	cchc_date deadline;   /**< as given, or 31 December of the plan year */
	int has_deadline;     /**< the file gave a deadline */
	cchc_plan_target *targets;
	size_t ntargets;
	cchc_plan_state state;
	int has_state_date;
	cchc_date state_date; /**< day done (always for DONE) or cancelled */
	char *note;           /**< the status note; may be NULL */
	long line;
} cchc_plan_task;

/** An area of reform (lĩnh vực); its tasks are tasks[first .. first + ntasks). */
typedef struct cchc_plan_area {
	char *id;
	char *title;
	size_t first;
	size_t ntasks;
	long line;
} cchc_plan_area;

/** A loaded plan; read-only for callers. */
typedef struct cchc_plan {
	char *file;
	char *id;
	char *title;
	int year;
	char *agency;         /**< may be NULL */
	char *agency_name;    /**< may be NULL */
	char *source;         /**< the document the plan transcribes; may be NULL */
	int has_issued;
	cchc_date issued;
	cchc_plan_area *areas;
	size_t nareas;
	cchc_plan_task *tasks; /**< every task, area by area, in document order */
	size_t ntasks;
} cchc_plan;

/**
 * Load a plan, check it against plan.xsd, then check what the schema cannot:
 * unique area and task ids, calendar dates, deadlines within the plan year or
 * the next, status dates not before the issue date, a date on done tasks,
 * target thresholds. Every problem is recorded with file and line.
 * @param[out] out the plan on success, NULL otherwise
 * @return 0 on success, -1 if invalid (see diag)
 */
int cchc_plan_load(cchc_plan **out, const char *path, cchc_diag *diag);

/** Same from memory; name is used in messages. */
int cchc_plan_load_memory(cchc_plan **out, const char *data, size_t len, const char *name,
                          cchc_diag *diag);

/** Free a plan; NULL is allowed. */
void cchc_plan_free(cchc_plan *plan);

/** 31 December of the plan year: the default date of a status report. */
cchc_date cchc_plan_year_end(const cchc_plan *plan);

/** A task's standing on the report's date. */
typedef enum {
	CCHC_TASK_DONE_ON_TIME = 0, /**< done on or before its deadline */
	CCHC_TASK_DONE_LATE,        /**< done after its deadline */
	CCHC_TASK_OPEN,             /**< not done, deadline on or after the date */
	CCHC_TASK_OVERDUE,          /**< not done, deadline before the date */
	CCHC_TASK_CANCELLED,        /**< left out of the rates */
	CCHC_TASK_STATUS_COUNT
} cchc_task_status;

/** The JSON word of a status: "done_on_time", "done_late", "open", "overdue", "cancelled". */
const char *cchc_task_status_name(cchc_task_status s);

/** Counts over a set of tasks and the rates derived from them. */
typedef struct cchc_plan_counts {
	size_t total;    /**< every task, cancelled ones included */
	size_t counted;  /**< total − cancelled: the rates' denominator */
	size_t done_on_time, done_late, open, overdue, cancelled;
	/** (done_on_time + done_late) / counted, in hundredths of a percent rounded
	 *  half up (8500 is 85,00 %); -1 when no task is counted. */
	int64_t completion_rate;
	/** done_on_time / counted, same unit; -1 when no task is counted. */
	int64_t on_time_rate;
} cchc_plan_counts;

/** One task's standing; aligned with cchc_plan.tasks. */
typedef struct cchc_plan_task_status {
	cchc_task_status status;
	/** Days past the deadline: done − deadline when done late, as_of − deadline
	 *  when overdue, 0 otherwise. */
	int32_t days_late;
} cchc_plan_task_status;

/** The plan's status on one date. */
typedef struct cchc_plan_report {
	const cchc_plan *plan;       /**< borrowed */
	cchc_date as_of;
	cchc_plan_task_status *tasks; /**< plan->ntasks entries */
	cchc_plan_counts *areas;      /**< plan->nareas entries */
	cchc_plan_counts summary;     /**< the whole plan */
} cchc_plan_report;

/**
 * Classify every task as of a date. A task is judged against its deadline
 * (31 December of the plan year when none is given). Done or cancelled with a
 * date after as_of means not yet done (or not yet cancelled) on as_of; a
 * cancellation without a date always counts.
 * @param[out] out the report, freed with cchc_plan_report_free()
 * @return 0, or -1 when out of memory (*out is then NULL)
 */
int cchc_plan_status(const cchc_plan *plan, cchc_date as_of, cchc_plan_report **out);

/** Free a report; NULL is allowed. */
void cchc_plan_report_free(cchc_plan_report *report);

#ifdef __cplusplus
}
#endif

#endif
