/* The criteria set as JSON, schema "cchc-criteria/1" (reports/README.md): the
 * tree the pages build the self-assessment form from. Figures only as the set
 * gives them; the pages compute nothing from them, they label inputs. */
#include <stdio.h>

#include "cchc/report.h"
#include "json_writer.h"

#define CCHC_CRITERIA_SCHEMA "cchc-criteria/1"

static const char *group_kind(cchc_group_kind kind)
{
	static const char *const names[] = {"scored", "survey", "bonus", "penalty"};
	return names[kind];
}

static const char *na_name(cchc_na_policy na)
{
	static const char *const names[] = {"exclude", "award", "never"};
	return names[na];
}

/* The item attributes each rule kind reads (criteria/README.md, rule kinds);
 * "survey" stands for the <survey> element. */
static void write_inputs(cchc_json *j, cchc_rule_kind kind)
{
	static const char *const inputs[CCHC_RULE_KIND_COUNT][2] = {
		[CCHC_RULE_YES_NO] = {"met"},      [CCHC_RULE_TIERS] = {"value"},
		[CCHC_RULE_LINEAR] = {"value"},    [CCHC_RULE_PER_ITEM] = {"count"},
		[CCHC_RULE_DEADLINE] = {"date"},   [CCHC_RULE_RATIO] = {"numerator", "denominator"},
		[CCHC_RULE_GRADE] = {"grade"},     [CCHC_RULE_JUDGED] = {"points"},
		[CCHC_RULE_SCALE] = {"survey"}};
	cchc_json_key(j, "inputs");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < 2 && inputs[kind][i]; i++)
		cchc_json_string(j, inputs[kind][i]);
	cchc_json_array_end(j);
}

static void write_decimal(cchc_json *j, const char *key, cchc_decimal d)
{
	cchc_json_key(j, key);
	cchc_json_decimal(j, d);
}

static void write_points(cchc_json *j, const char *key, cchc_points p)
{
	cchc_json_key(j, key);
	cchc_json_hundredths(j, p);
}

static void write_date(cchc_json *j, const char *key, cchc_date d)
{
	int y, m, day;
	char s[48];
	cchc_date_split(d, &y, &m, &day);
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, day);
	cchc_json_key(j, key);
	cchc_json_string(j, s);
}

static void write_labelled(cchc_json *j, const char *key, const char *id, const char *label)
{
	cchc_json_key(j, "id");
	cchc_json_string(j, id);
	cchc_json_key(j, "label");
	cchc_json_string(j, label ? label : id);
	cchc_json_key(j, key);
}

/* The rule's parameters the form shows beside its input (labels, units, bounds). */
static void write_rule(cchc_json *j, const cchc_rule *r)
{
	cchc_json_key(j, "rule");
	cchc_json_object_begin(j);
	cchc_json_key(j, "kind");
	cchc_json_string(j, cchc_rule_kind_name(r->kind));
	write_inputs(j, r->kind);
	cchc_json_key(j, "unit"); /* what is counted or measured ("%", "tin, bài"); null when not given */
	cchc_json_string(j, r->unit);
	switch (r->kind) {
	case CCHC_RULE_TIERS:
		cchc_json_key(j, "better");
		cchc_json_string(j, r->better_lower ? "lower" : "higher");
		cchc_json_key(j, "tiers");
		cchc_json_array_begin(j);
		for (size_t i = 0; i < r->ntiers; i++) {
			cchc_json_object_begin(j);
			write_decimal(j, r->better_lower ? "max" : "min", r->tiers[i].bound);
			write_points(j, "points", r->tiers[i].points);
			cchc_json_object_end(j);
		}
		cchc_json_array_end(j);
		break;
	case CCHC_RULE_LINEAR:
		write_decimal(j, "from", r->from);
		write_decimal(j, "to", r->to);
		write_points(j, "step", r->step);
		break;
	case CCHC_RULE_PER_ITEM:
		write_points(j, "per_item", r->per_item);
		break;
	case CCHC_RULE_DEADLINE:
		write_date(j, "due", r->due);
		cchc_json_key(j, "grace_days");
		cchc_json_int(j, r->grace_days);
		write_points(j, "grace_points", r->grace_points);
		write_points(j, "late_points", r->late_points);
		break;
	case CCHC_RULE_RATIO:
		write_points(j, "step", r->step);
		cchc_json_key(j, "if_none");
		cchc_json_string(j, r->if_none_full ? "full" : "zero");
		break;
	case CCHC_RULE_GRADE:
		cchc_json_key(j, "grades");
		cchc_json_array_begin(j);
		for (size_t i = 0; i < r->ngrades; i++) {
			cchc_json_object_begin(j);
			write_labelled(j, "share", r->grades[i].id, r->grades[i].label);
			cchc_json_hundredths(j, r->grades[i].share);
			cchc_json_object_end(j);
		}
		cchc_json_array_end(j);
		break;
	case CCHC_RULE_JUDGED:
		write_points(j, "step", r->step);
		break;
	case CCHC_RULE_SCALE: /* a mean on from..to, or answers counted per option */
		write_points(j, "step", r->step);
		if (!r->noptions) {
			write_decimal(j, "from", r->from);
			write_decimal(j, "to", r->to);
			break;
		}
		cchc_json_key(j, "options");
		cchc_json_array_begin(j);
		for (size_t i = 0; i < r->noptions; i++) {
			cchc_json_object_begin(j);
			write_labelled(j, "weight", r->options[i].id, r->options[i].label);
			cchc_json_decimal(j, r->options[i].weight);
			cchc_json_object_end(j);
		}
		cchc_json_array_end(j);
		break;
	default:
		break;
	}
	cchc_json_object_end(j);
}

static void write_node(cchc_json *j, const cchc_node *n)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, n->id);
	cchc_json_key(j, "title");
	cchc_json_string(j, n->title);
	if (n->depth == 0) {
		cchc_json_key(j, "kind");
		cchc_json_string(j, group_kind(n->kind));
	}
	write_points(j, "max", n->max);
	write_points(j, "min", n->min);
	cchc_json_key(j, "na_allowed");
	cchc_json_bool(j, n->na != CCHC_NA_NEVER);
	cchc_json_key(j, "require_docs");
	cchc_json_bool(j, n->require_docs);
	if (n->rule.kind != CCHC_RULE_NONE)
		write_rule(j, &n->rule);
	if (n->nchildren) {
		cchc_json_key(j, "children");
		cchc_json_array_begin(j);
		for (size_t i = 0; i < n->nchildren; i++)
			write_node(j, n->children[i]);
		cchc_json_array_end(j);
	}
	cchc_json_object_end(j);
}

int cchc_render_criteria_json(cchc_buf *out, const cchc_criteria *set)
{
	cchc_json j;
	cchc_json_init(&j, out, 0);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, CCHC_CRITERIA_SCHEMA);
	cchc_json_key(&j, "id");
	cchc_json_string(&j, cchc_criteria_id(set));
	cchc_json_key(&j, "title");
	cchc_json_string(&j, cchc_criteria_title(set));
	cchc_json_key(&j, "year");
	cchc_json_int(&j, cchc_criteria_year(set));
	cchc_json_key(&j, "block");
	cchc_json_string(&j, cchc_criteria_block(set));
	write_points(&j, "max", cchc_criteria_max(set));
	cchc_json_key(&j, "na");
	cchc_json_string(&j, na_name(cchc_criteria_na_policy(set)));
	size_t n;
	const cchc_band *bands = cchc_criteria_bands(set, &n);
	cchc_json_key(&j, "bands");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "label");
		cchc_json_string(&j, bands[i].label);
		write_points(&j, "min", bands[i].min);
		cchc_json_object_end(&j);
	}
	cchc_json_array_end(&j);
	const cchc_node *const *groups = cchc_criteria_groups(set, &n);
	cchc_json_key(&j, "groups");
	cchc_json_array_begin(&j);
	for (size_t i = 0; i < n; i++)
		write_node(&j, groups[i]);
	cchc_json_array_end(&j);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
