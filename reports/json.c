/* The score as JSON, schema "cchc-score/1" (the contract is reports/README.md).
 * The full result model written out: the other formats are views of it. */
#include "cchc/report.h"
#include "json_writer.h"
#include "report_priv.h"

#define CCHC_SCORE_SCHEMA "cchc-score/1"

static const char *group_kind_name(cchc_group_kind kind)
{
	switch (kind) {
	case CCHC_GROUP_SURVEY:
		return "survey";
	case CCHC_GROUP_BONUS:
		return "bonus";
	case CCHC_GROUP_PENALTY:
		return "penalty";
	case CCHC_GROUP_SCORED:
		break;
	}
	return "scored";
}

static void write_self(cchc_json *j, const cchc_node_score *ns)
{
	cchc_json_key(j, "self");
	if (ns->has_self)
		cchc_json_hundredths(j, ns->self);
	else
		cchc_json_null(j);
}

/* The worded reason of a leaf that lost points (or is N/A); null otherwise. */
static void write_reason(cchc_json *j, const cchc_node *leaf, const cchc_node_score *ns,
                         cchc_lang lang)
{
	cchc_json_key(j, "reason");
	if (ns->cause == CCHC_CAUSE_NONE && !ns->na) {
		cchc_json_null(j);
		return;
	}
	cchc_buf text;
	cchc_buf_init(&text, j->out->cap);
	if (cchc_reason_format(&text, leaf, ns, lang) < 0)
		j->out->failed = 1;
	if (text.len > 0)
		cchc_json_string_len(j, text.data, text.len);
	else
		cchc_json_null(j);
	cchc_buf_dispose(&text);
}

static void write_rounds(cchc_json *j, const cchc_item *item)
{
	cchc_json_key(j, "rounds");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < item->nrounds; i++) {
		const cchc_appraisal *ap = &item->rounds[i];
		cchc_json_object_begin(j);
		cchc_json_key(j, "round");
		cchc_json_int(j, ap->round);
		cchc_json_key(j, "points");
		cchc_json_hundredths(j, ap->points);
		cchc_json_key(j, "by");
		cchc_json_string(j, ap->by);
		cchc_json_key(j, "reason");
		cchc_json_string(j, ap->reason);
		cchc_json_object_end(j);
	}
	cchc_json_array_end(j);
}

static void write_criterion(cchc_json *j, const cchc_score *s, const cchc_node *n, cchc_lang lang)
{
	const cchc_node_score *ns = cchc_score_node(s, n);
	const int leaf = n->nchildren == 0;
	const char *cause = leaf ? cchc_cause_name(ns->cause) : "";

	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, n->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, n->title);
	cchc_json_key(j, "points");
	cchc_json_hundredths(j, ns->points);
	cchc_json_key(j, "max");
	cchc_json_hundredths(j, ns->max);
	write_self(j, ns);
	cchc_json_key(j, "computed");
	cchc_json_hundredths(j, ns->computed);
	cchc_json_key(j, "cause");
	cchc_json_string(j, cause && *cause ? cause : NULL);
	if (leaf) {
		write_reason(j, n, ns, lang);
	} else {
		cchc_json_key(j, "reason");
		cchc_json_null(j);
	}
	cchc_json_key(j, "na");
	cchc_json_bool(j, ns->na);
	if (leaf) {
		cchc_json_key(j, "rule");
		cchc_json_string(j, cchc_rule_kind_name(n->rule.kind));
		const cchc_item *item = cchc_assessment_item(s->assessment, n);
		if (item && item->nrounds > 0)
			write_rounds(j, item);
	} else {
		cchc_json_key(j, "children");
		cchc_json_array_begin(j);
		for (size_t i = 0; i < n->nchildren; i++)
			write_criterion(j, s, n->children[i], lang);
		cchc_json_array_end(j);
	}
	cchc_json_object_end(j);
}

static void write_group(cchc_json *j, const cchc_score *s, const cchc_node *g, cchc_lang lang)
{
	const cchc_node_score *ns = cchc_score_node(s, g);
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, g->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, g->title);
	cchc_json_key(j, "kind");
	cchc_json_string(j, group_kind_name(g->kind));
	cchc_json_key(j, "points");
	cchc_json_hundredths(j, ns->points);
	cchc_json_key(j, "max");
	cchc_json_hundredths(j, ns->max);
	write_self(j, ns);
	cchc_json_key(j, "criteria");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < g->nchildren; i++)
		write_criterion(j, s, g->children[i], lang);
	cchc_json_array_end(j);
	cchc_json_object_end(j);
}

static void write_header(cchc_json *j, const cchc_score *s)
{
	const cchc_assessment *a = s->assessment;
	cchc_json_key(j, "schema");
	cchc_json_string(j, CCHC_SCORE_SCHEMA);
	cchc_json_key(j, "criteria_set");
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, cchc_criteria_id(s->set));
	cchc_json_key(j, "title");
	cchc_json_string(j, cchc_criteria_title(s->set));
	cchc_json_key(j, "year");
	cchc_json_int(j, cchc_criteria_year(s->set));
	cchc_json_object_end(j);
	cchc_json_key(j, "agency");
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, cchc_assessment_agency_id(a));
	cchc_json_key(j, "name");
	cchc_json_string(j, cchc_assessment_agency_name(a));
	cchc_json_key(j, "block");
	cchc_json_string(j, cchc_assessment_agency_block(a));
	cchc_json_object_end(j);
	cchc_json_key(j, "year");
	cchc_json_int(j, cchc_assessment_year(a));
}

static void write_totals(cchc_json *j, const cchc_score *s)
{
	cchc_leaf_counts c;
	cchc_report_counts(s, &c);
	cchc_json_key(j, "total");
	cchc_json_hundredths(j, s->total);
	cchc_json_key(j, "max");
	cchc_json_hundredths(j, s->max);
	cchc_json_key(j, "index"); /* hundredths of a percent: the same exact form as points */
	cchc_json_hundredths(j, s->index);
	cchc_json_key(j, "band");
	cchc_json_string(j, s->band ? s->band->label : NULL);
	cchc_json_key(j, "self_total");
	cchc_json_hundredths(j, s->self_total);
	cchc_json_key(j, "frame");
	cchc_json_hundredths(j, s->frame);
	cchc_json_key(j, "bonus");
	cchc_json_hundredths(j, s->bonus);
	cchc_json_key(j, "penalty");
	cchc_json_hundredths(j, s->penalty);
	cchc_json_key(j, "self_check");
	cchc_json_hundredths(j, s->self_check);
	cchc_json_key(j, "counts");
	cchc_json_object_begin(j);
	cchc_json_key(j, "full");
	cchc_json_int(j, (int64_t)c.full);
	cchc_json_key(j, "partial");
	cchc_json_int(j, (int64_t)c.partial);
	cchc_json_key(j, "zero");
	cchc_json_int(j, (int64_t)c.zero);
	cchc_json_object_end(j);
}

int cchc_render_score_json(cchc_buf *out, const cchc_score *s, cchc_lang lang)
{
	cchc_json j;
	size_t ngroups = 0;
	const cchc_node *const *groups = cchc_criteria_groups(s->set, &ngroups);

	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	write_header(&j, s);
	write_totals(&j, s);
	cchc_json_key(&j, "groups");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < ngroups; i++)
		write_group(&j, s, groups[i], lang);
	cchc_json_array_end(&j);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
