/* Loading an annual CCHC plan: XML → schema → areas and tasks → the checks a
 * schema cannot make (unique ids, calendar dates, dates against the plan year
 * and the issue date, a date on every done task, target thresholds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "attrs_priv.h"
#include "cchc/plan.h"
#include "util_priv.h"
#include "xml_priv.h"

#define NS_PLAN "urn:cchc:plan:1"

/* Hard cap on tasks, so a hostile file cannot make the loader allocate
 * without bound (real plans hold tens of tasks). */
#define PLAN_MAX_TASKS 100000


typedef struct {
	cchc_plan *p;
	cchc_diag *diag;
	const char *file;
	size_t errors;
	int windows; /* the year is valid, so the date windows below are set */
	cchc_date issued_from, issued_to, deadline_from, deadline_to, status_from, status_to;
} loader;

#define FAIL(ld, line, ...)                                                        \
	do {                                                                           \
		cchc_diag_addf((ld)->diag, (ld)->file, (line), __VA_ARGS__);              \
		(ld)->errors++;                                                            \
	} while (0)

static int seen(loader *ld, int rc)
{
	if (rc < 0)
		ld->errors++;
	return rc;
}

static int oom(loader *ld)
{
	FAIL(ld, 0, "out of memory loading the plan");
	return -1;
}

/* ------------------------------------------------------------------ freeing */

static void free_task(cchc_plan_task *t)
{
	char *strings[] = {t->id,    t->content, t->objective, t->solution, t->product, t->when,
	                   t->owner, t->support, t->budget,    t->criterion, t->note};
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
		free(strings[i]);
	for (size_t i = 0; i < t->nactivities; i++)
		free(t->activities[i]);
	free(t->activities);
	for (size_t i = 0; i < t->ntargets; i++) {
		free(t->targets[i].metric);
		free(t->targets[i].unit);
	}
	free(t->targets);
}

void cchc_plan_free(cchc_plan *plan)
{
	if (!plan)
		return;
	for (size_t i = 0; i < plan->ntasks; i++)
		free_task(&plan->tasks[i]);
	free(plan->tasks);
	for (size_t i = 0; i < plan->nareas; i++) {
		free(plan->areas[i].id);
		free(plan->areas[i].title);
	}
	free(plan->areas);
	free(plan->file);
	free(plan->id);
	free(plan->title);
	free(plan->agency);
	free(plan->agency_name);
	free(plan->source);
	free(plan);
}

/* ------------------------------------------------------------------ helpers */

/* Plans are transcribed from wrapped documents: runs of white space become
 * one space so that texts display on one line. NULL in, NULL out. */
static char *collapsed(const char *s)
{
	if (!s)
		return NULL;
	char *out = malloc(strlen(s) + 1);
	if (!out)
		return NULL;
	size_t w = 0;
	int gap = 0;
	for (const char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			gap = w > 0;
			continue;
		}
		if (gap)
			out[w++] = ' ';
		gap = 0;
		out[w++] = *r;
	}
	out[w] = '\0';
	return out;
}

/* An optional attribute, copied; -1 only when out of memory. */
static int copy_attr(loader *ld, xmlNodePtr x, const char *name, char **dst)
{
	const char *v = cchc_xml_attr(x, name);
	if (v && !(*dst = collapsed(v)))
		return oom(ld);
	return 0;
}

/* An element's text, copied (the schema guarantees it is not blank). */
static int copy_text(loader *ld, xmlNodePtr x, char **dst)
{
	xmlChar *raw = xmlNodeGetContent(x);
	if (!raw)
		return oom(ld);
	*dst = collapsed((const char *)raw);
	xmlFree(raw);
	return *dst ? 0 : oom(ld);
}

/* 1 January (last = 0) or 31 December (last = 1) of a year in 1900..9999. */
static cchc_date year_day(int year, int last)
{
	char s[32];
	cchc_date d = 0;
	snprintf(s, sizeof s, "%04d-%s", year, last ? "12-31" : "01-01");
	cchc_date_parse(s, &d);
	return d;
}

/* A date as files spell it, for messages. */
static const char *iso(char buf[32], cchc_date d)
{
	int y, m, day;
	cchc_date_split(d, &y, &m, &day);
	snprintf(buf, 32, "%04d-%02d-%02d", y, m, day);
	return buf;
}

cchc_date cchc_plan_year_end(const cchc_plan *plan)
{
	return year_day(plan->year, 1);
}

/* ------------------------------------------------------------------ the plan */

/* The year bounds every other date: 1901..9998 keeps year ± 1 a valid date. */
static void parse_year(loader *ld, xmlNodePtr root)
{
	int64_t y = 0;
	if (seen(ld, cchc_attr_count(root, "year", ld->file, ld->diag, &y)) != 1)
		return;
	if (y < 1901 || y > 9998) {
		FAIL(ld, xmlGetLineNo(root), "<plan> year=\"%lld\": write the plan's year, 1901 to 9998",
		     (long long)y);
		return;
	}
	int year = (int)y;
	ld->p->year = year;
	ld->windows = 1;
	/* Plans are issued late in the year before or during their year; tasks may
	 * run into the next year; reports of what was done may come that late too. */
	ld->issued_from = year_day(year - 1, 0);
	ld->issued_to = year_day(year, 1);
	ld->deadline_from = year_day(year, 0);
	ld->deadline_to = year_day(year + 1, 1);
	ld->status_from = year_day(year - 1, 0);
	ld->status_to = year_day(year + 1, 1);
}

static int parse_plan_attrs(loader *ld, xmlNodePtr root)
{
	cchc_plan *p = ld->p;
	const char *id = cchc_xml_attr(root, "id"), *title = cchc_xml_attr(root, "title");
	if (!(p->id = cchc_strdup(id ? id : "")) || !(p->title = collapsed(title ? title : "")))
		return oom(ld);
	if (copy_attr(ld, root, "agency", &p->agency) < 0 ||
	    copy_attr(ld, root, "agency-name", &p->agency_name) < 0 ||
	    copy_attr(ld, root, "source", &p->source) < 0)
		return -1;
	parse_year(ld, root);
	if (seen(ld, cchc_attr_date(root, "issued", ld->file, ld->diag, &p->issued)) != 1)
		return 0;
	p->has_issued = 1;
	if (ld->windows && (p->issued < ld->issued_from || p->issued > ld->issued_to))
		FAIL(ld, xmlGetLineNo(root),
		     "<plan> issued=\"%s\": a plan for %d is issued in %d or %d: correct the date or "
		     "the year",
		     cchc_xml_attr(root, "issued"), p->year, p->year - 1, p->year);
	return 0;
}

/* ------------------------------------------------------------------ tasks */

static void parse_target(loader *ld, xmlNodePtr x, cchc_plan_target *tg)
{
	const char *f = ld->file;
	tg->line = xmlGetLineNo(x);
	tg->has_min = seen(ld, cchc_attr_decimal(x, "min", f, ld->diag, &tg->min)) == 1;
	tg->has_max = seen(ld, cchc_attr_decimal(x, "max", f, ld->diag, &tg->max)) == 1;
	const char *lo = cchc_xml_attr(x, "min"), *hi = cchc_xml_attr(x, "max");
	if (!lo && !hi)
		FAIL(ld, tg->line,
		     "<target metric=\"%s\">: no threshold: give min (at least) or max (at most), like "
		     "min=\"97\"",
		     tg->metric);
	else if (tg->has_min && tg->has_max && tg->min > tg->max)
		FAIL(ld, tg->line, "<target metric=\"%s\">: min %s is above max %s: swap them", tg->metric,
		     lo, hi);
	const cchc_decimal hundred = 100 * (cchc_decimal)CCHC_DECIMAL_SCALE;
	int pct = tg->unit && strcmp(tg->unit, "%") == 0;
	if (pct && ((tg->has_min && (tg->min < 0 || tg->min > hundred)) ||
	            (tg->has_max && (tg->max < 0 || tg->max > hundred))))
		FAIL(ld, tg->line, "<target metric=\"%s\">: a percentage is 0 to 100", tg->metric);
}

static void check_status_date(loader *ld, long line, const cchc_plan_task *t, const char *date)
{
	const cchc_plan *p = ld->p;
	char a[32], b[32];
	if (p->has_issued && t->state_date < p->issued)
		FAIL(ld, line,
		     "task \"%s\": <status> date=\"%s\" is before the plan was issued (%s): correct the "
		     "date",
		     t->id, date, iso(a, p->issued));
	else if (ld->windows && (t->state_date < ld->status_from || t->state_date > ld->status_to))
		FAIL(ld, line,
		     "task \"%s\": <status> date=\"%s\" is outside %s to %s, the years around a %d plan: "
		     "correct the year",
		     t->id, date, iso(a, ld->status_from), iso(b, ld->status_to), p->year);
}

static int parse_status(loader *ld, xmlNodePtr x, cchc_plan_task *t)
{
	static const char *const states[] = {"open", "done", "cancelled", NULL}; /* enum order */
	long line = xmlGetLineNo(x);
	int s = seen(ld, cchc_attr_enum(x, "state", states, 0, ld->file, ld->diag));
	if (s < 0)
		return 0;
	t->state = (cchc_plan_state)s;
	if (copy_attr(ld, x, "note", &t->note) < 0)
		return -1;
	int dated = seen(ld, cchc_attr_date(x, "date", ld->file, ld->diag, &t->state_date));
	t->has_state_date = dated == 1;
	if (t->state == CCHC_PLAN_STATE_DONE && dated == 0)
		FAIL(ld, line,
		     "task \"%s\": <status state=\"done\"> needs date=\"YYYY-MM-DD\", the day the task "
		     "was done",
		     t->id);
	else if (t->state == CCHC_PLAN_STATE_OPEN && dated != 0)
		FAIL(ld, line,
		     "task \"%s\": <status state=\"open\"> takes no date (the task is not done): remove "
		     "date, or write state=\"done\"",
		     t->id);
	if (t->has_state_date)
		check_status_date(ld, line, t, cchc_xml_attr(x, "date"));
	return 0;
}

static void parse_deadline(loader *ld, xmlNodePtr x, cchc_plan_task *t)
{
	int rc = seen(ld, cchc_attr_date(x, "deadline", ld->file, ld->diag, &t->deadline));
	t->has_deadline = rc == 1;
	if (!t->has_deadline) {
		/* The status is judged against the end of the plan year. */
		t->deadline = ld->windows ? year_day(ld->p->year, 1) : 0;
		return;
	}
	if (ld->windows && (t->deadline < ld->deadline_from || t->deadline > ld->deadline_to))
		FAIL(ld, t->line,
		     "<task \"%s\"> deadline=\"%s\" is outside the plan's years: a %d plan's deadlines "
		     "fall in %d or %d",
		     t->id, cchc_xml_attr(x, "deadline"), ld->p->year, ld->p->year, ld->p->year + 1);
}

/* Reserve the repeatable children before reading them. */
static int reserve_children(loader *ld, xmlNodePtr x, cchc_plan_task *t)
{
	size_t nact = 0, ntar = 0;
	for (xmlNodePtr c = x->children; c; c = c->next) {
		nact += cchc_xml_is(c, "activity");
		ntar += cchc_xml_is(c, "target");
	}
	if (nact && !(t->activities = calloc(nact, sizeof *t->activities)))
		return oom(ld);
	if (ntar && !(t->targets = calloc(ntar, sizeof *t->targets)))
		return oom(ld);
	return 0;
}

static int parse_children(loader *ld, xmlNodePtr x, cchc_plan_task *t)
{
	if (reserve_children(ld, x, t) < 0)
		return -1;
	for (xmlNodePtr c = x->children; c; c = c->next) {
		int rc = 0;
		if (cchc_xml_is(c, "content"))
			rc = copy_text(ld, c, &t->content);
		else if (cchc_xml_is(c, "objective"))
			rc = copy_text(ld, c, &t->objective);
		else if (cchc_xml_is(c, "activity"))
			rc = copy_text(ld, c, &t->activities[t->nactivities++]);
		else if (cchc_xml_is(c, "solution"))
			rc = copy_text(ld, c, &t->solution);
		else if (cchc_xml_is(c, "product"))
			rc = copy_text(ld, c, &t->product);
		else if (cchc_xml_is(c, "target")) {
			cchc_plan_target *tg = &t->targets[t->ntargets++];
			rc = copy_attr(ld, c, "metric", &tg->metric);
			if (rc == 0)
				rc = copy_attr(ld, c, "unit", &tg->unit);
			if (rc == 0)
				parse_target(ld, c, tg);
		} else if (cchc_xml_is(c, "status"))
			rc = parse_status(ld, c, t);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int parse_task(loader *ld, xmlNodePtr x, size_t area, cchc_plan_task *t)
{
	static const char *const names[] = {"when", "owner", "support", "budget", "criterion"};
	char **const dst[] = {&t->when, &t->owner, &t->support, &t->budget, &t->criterion};
	const char *id = cchc_xml_attr(x, "id");
	t->area = area;
	t->line = xmlGetLineNo(x);
	if (!(t->id = cchc_strdup(id ? id : "")))
		return oom(ld);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (copy_attr(ld, x, names[i], dst[i]) < 0)
			return -1;
	parse_deadline(ld, x, t);
	return parse_children(ld, x, t);
}

static int parse_area(loader *ld, xmlNodePtr x)
{
	cchc_plan *p = ld->p;
	size_t index = p->nareas++;
	cchc_plan_area *a = &p->areas[index];
	const char *id = cchc_xml_attr(x, "id"), *title = cchc_xml_attr(x, "title");
	a->line = xmlGetLineNo(x);
	a->first = p->ntasks;
	if (!(a->id = cchc_strdup(id ? id : "")) || !(a->title = collapsed(title ? title : "")))
		return oom(ld);
	for (xmlNodePtr c = x->children; c; c = c->next) {
		if (!cchc_xml_is(c, "task"))
			continue;
		a->ntasks++;
		if (parse_task(ld, c, index, &p->tasks[p->ntasks++]) < 0)
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ unique ids */

typedef struct {
	const char *id;
	long line;
} id_ref;

static int id_ref_cmp(const void *a, const void *b)
{
	const id_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Sorting keeps this O(n log n) however many ids a hostile file holds. */
static void check_unique(loader *ld, id_ref *refs, size_t n, const char *element,
                         const char *hint)
{
	qsort(refs, n, sizeof *refs, id_ref_cmp);
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (strcmp(refs[i].id, refs[first].id) != 0) {
			first = i;
			continue;
		}
		FAIL(ld, refs[i].line, "a second <%s id=\"%s\"> (the first is at line %ld): %s", element,
		     refs[i].id, refs[first].line, hint);
	}
}

static int check_ids(loader *ld)
{
	const cchc_plan *p = ld->p;
	id_ref *refs = cchc_calloc(p->ntasks > p->nareas ? p->ntasks : p->nareas, sizeof *refs);
	if (!refs)
		return oom(ld);
	for (size_t i = 0; i < p->nareas; i++)
		refs[i] = (id_ref){p->areas[i].id, p->areas[i].line};
	check_unique(ld, refs, p->nareas, "area", "give each area its own id");
	for (size_t i = 0; i < p->ntasks; i++)
		refs[i] = (id_ref){p->tasks[i].id, p->tasks[i].line};
	check_unique(ld, refs, p->ntasks, "task", "task ids are unique across the whole plan");
	free(refs);
	return 0;
}

/* ------------------------------------------------------------------ loading */

static int build(loader *ld, xmlNodePtr root)
{
	cchc_plan *p = ld->p;
	if (parse_plan_attrs(ld, root) < 0)
		return -1;
	size_t nareas = 0, ntasks = 0;
	for (xmlNodePtr a = root->children; a; a = a->next) {
		if (!cchc_xml_is(a, "area"))
			continue;
		nareas++;
		for (xmlNodePtr t = a->children; t; t = t->next)
			ntasks += cchc_xml_is(t, "task");
	}
	if (ntasks > PLAN_MAX_TASKS) {
		FAIL(ld, xmlGetLineNo(root), "the plan has %zu tasks, more than the limit of %d: split it",
		     ntasks, PLAN_MAX_TASKS);
		return -1;
	}
	p->areas = cchc_calloc(nareas, sizeof *p->areas);
	p->tasks = cchc_calloc(ntasks, sizeof *p->tasks);
	if (!p->areas || !p->tasks)
		return oom(ld);
	for (xmlNodePtr a = root->children; a; a = a->next)
		if (cchc_xml_is(a, "area") && parse_area(ld, a) < 0)
			return -1;
	return check_ids(ld);
}

static int load(cchc_plan **out, const char *path, const char *data, size_t len,
                cchc_diag *diag)
{
	size_t before = cchc_diag_count(diag);
	loader ld = {.diag = diag, .file = path};
	xmlSchemaPtr schema = NULL;
	int rc = -1;

	*out = NULL;
	xmlDocPtr doc = cchc_xml_parse(path, data, len, diag);
	if (!doc)
		return -1;
	xmlNodePtr root = cchc_xml_root(doc, NS_PLAN, "plan", path, diag);
	if (!root || !(schema = cchc_xml_schema_load(CCHC_SCHEMA_PLAN, diag)) || cchc_xml_validate(schema, doc, path, diag) < 0)
		goto done;
	ld.p = calloc(1, sizeof *ld.p);
	if (!ld.p || !(ld.p->file = cchc_strdup(path))) {
		oom(&ld);
		goto done;
	}
	if (build(&ld, root) < 0 || ld.errors)
		goto done;
	rc = 0;
done:
	if (rc == 0 && cchc_diag_count(diag) == before) {
		*out = ld.p;
	} else {
		rc = -1;
		cchc_plan_free(ld.p);
	}
	if (schema)
		xmlSchemaFree(schema);
	xmlFreeDoc(doc);
	return rc;
}

int cchc_plan_load(cchc_plan **out, const char *path, cchc_diag *diag)
{
	return load(out, path, NULL, 0, diag);
}

int cchc_plan_load_memory(cchc_plan **out, const char *data, size_t len, const char *name,
                          cchc_diag *diag)
{
	if (!data) {
		*out = NULL;
		cchc_diag_addf(diag, name, 0, "no data");
		return -1;
	}
	return load(out, name, data, len, diag);
}
