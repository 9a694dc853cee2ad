/* The self-assessment check as JSON: cchc-check/1 (reports/README.md). */
#include <stdio.h>

#include "json_writer.h"
#include "report_priv.h"

static void date(cchc_json *j, const char *key, cchc_date d)
{
	cchc_json_key(j, key);
	if (!d) {
		cchc_json_null(j);
		return;
	}
	int y, m, day;
	char s[48];
	cchc_date_split(d, &y, &m, &day);
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, day);
	cchc_json_string(j, s);
}

static void points(cchc_json *j, const char *key, cchc_points p)
{
	cchc_json_key(j, key);
	cchc_json_hundredths(j, p);
}

static void write_finding(cchc_json *j, const cchc_finding *x)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "kind");
	cchc_json_string(j, cchc_check_kind_name(x->kind));
	cchc_json_key(j, "severity");
	cchc_json_string(j, cchc_severity_name(x->severity));
	cchc_json_key(j, "criterion");
	cchc_json_string(j, x->node->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, x->node->title);
	cchc_json_key(j, "line");
	if (x->line)
		cchc_json_int(j, x->line);
	else
		cchc_json_null(j);
	points(j, "stake", x->stake);
	if (x->kind == CCHC_CHECK_OVERCLAIM || x->kind == CCHC_CHECK_NO_DOC ||
	    x->kind == CCHC_CHECK_NO_EXPLANATION)
		points(j, "self", x->self);
	if (x->kind == CCHC_CHECK_OVERCLAIM)
		points(j, "computed", x->computed);
	cchc_json_key(j, "doc");
	cchc_json_string(j, x->doc ? x->doc->ref : NULL);
	switch (x->kind) {
	case CCHC_CHECK_DATE_AFTER_SUBMISSION:
		date(j, "date", x->date);
		date(j, "submitted", x->other);
		break;
	case CCHC_CHECK_DATE_BEFORE_CITED:
		date(j, "date", x->date);
		date(j, "cited", x->other);
		break;
	case CCHC_CHECK_DATE_OUTSIDE_YEAR:
		date(j, "date", x->date);
		cchc_json_key(j, "year");
		cchc_json_int(j, x->year);
		break;
	case CCHC_CHECK_CARRIED_OVER:
		date(j, "previous_date", x->other);
		break;
	default:
		break;
	}
	cchc_json_object_end(j);
}

static void agency(cchc_json *j, const char *key, const cchc_score *s)
{
	cchc_json_key(j, key);
	if (!s) {
		cchc_json_null(j);
		return;
	}
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, cchc_assessment_agency_id(s->assessment));
	cchc_json_key(j, "name");
	cchc_json_string(j, cchc_assessment_agency_name(s->assessment));
	cchc_json_object_end(j);
}

static void position(cchc_json *j, const cchc_check *c)
{
	const cchc_check_position *p = &c->position;
	cchc_json_key(j, "position");
	if (!c->has_position) {
		cchc_json_null(j);
		return;
	}
	cchc_json_object_begin(j);
	cchc_json_key(j, "rank");
	cchc_json_int(j, (int64_t)p->rank);
	cchc_json_key(j, "of");
	cchc_json_int(j, (int64_t)p->of);
	points(j, "scale", p->scale);
	points(j, "gap_above", p->gap_above);
	agency(j, "above", p->above);
	points(j, "gap_below", p->gap_below);
	agency(j, "below", p->below);
	cchc_json_key(j, "interval");
	if (p->has_interval) {
		cchc_json_object_begin(j);
		cchc_json_key(j, "rank_p5");
		cchc_json_int(j, (int64_t)p->rank_p5);
		cchc_json_key(j, "rank_p95");
		cchc_json_int(j, (int64_t)p->rank_p95);
		cchc_json_key(j, "median_rank");
		cchc_json_stat(j, p->median_rank);
		cchc_json_key(j, "draws");
		cchc_json_int(j, (int64_t)p->draws);
		cchc_json_object_end(j);
	} else {
		cchc_json_null(j);
	}
	cchc_json_object_end(j);
}

int cchc_render_check_json(cchc_buf *out, const cchc_check *c)
{
	cchc_json j;
	const cchc_assessment *a = c->assessment;
	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, "cchc-check/1");
	cchc_json_key(&j, "criteria_set");
	cchc_json_string(&j, cchc_criteria_id(cchc_assessment_criteria(a)));
	cchc_json_key(&j, "year");
	cchc_json_int(&j, cchc_assessment_year(a));
	cchc_json_key(&j, "agency");
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "id");
	cchc_json_string(&j, cchc_assessment_agency_id(a));
	cchc_json_key(&j, "name");
	cchc_json_string(&j, cchc_assessment_agency_name(a));
	cchc_json_object_end(&j);
	date(&j, "submitted", c->submitted);
	points(&j, "will_lose", c->will_lose);
	points(&j, "may_lose", c->may_lose);
	cchc_json_key(&j, "findings");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < c->nfindings; i++)
		write_finding(&j, &c->findings[i]);
	cchc_json_array_end(&j);
	cchc_json_key(&j, "estimate");
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "survey");
	cchc_json_string(&j, cchc_survey_assumption_name(c->survey));
	cchc_json_key(&j, "survey_points");
	if (c->survey == CCHC_SURVEY_NONE)
		cchc_json_null(&j);
	else
		cchc_json_hundredths(&j, c->survey_points);
	points(&j, "survey_max", c->survey_max);
	cchc_json_key(&j, "survey_mean_of");
	if (c->survey == CCHC_SURVEY_MEAN)
		cchc_json_int(&j, (int64_t)c->survey_mean_of);
	else
		cchc_json_null(&j);
	points(&j, "total", c->total);
	points(&j, "max", c->max);
	cchc_json_key(&j, "index");
	cchc_json_hundredths(&j, c->index);
	cchc_json_key(&j, "band");
	cchc_json_string(&j, c->band ? c->band->label : NULL);
	cchc_json_object_end(&j);
	position(&j, c);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
