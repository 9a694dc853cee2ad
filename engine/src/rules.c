/* The scoring rules. Every computed value is rounded down to the rule's step
 * (never award points that were not earned), in exact integer arithmetic.
 * A result a rule measured below the top is `partial` whatever it earned, 0
 * included; `not-done` is only evidence that nothing was done (met="false",
 * a count of 0). */
#include "rules_priv.h"

#include <string.h>

/* 128-bit intermediates: max (≤ 10^8) times evidence (≤ 10^15) overflows 64 bits. */
__extension__ typedef __int128 wide;

static cchc_points floor_to_step(cchc_points p, cchc_points step)
{
	if (step <= 0)
		return p;
	cchc_points q = p / step;
	if (p < 0 && q * step != p)
		q--;
	return q * step;
}

/* max × num / den, clamped to [0, max] and rounded down to step; den > 0. */
static cchc_points share_of_max(cchc_points max, wide num, wide den, cchc_points step)
{
	if (num <= 0)
		return 0;
	if (num >= den)
		return max;
	return floor_to_step((cchc_points)((wide)max * num / den), step);
}

static void finish(const cchc_node *n, cchc_rule_result *out, cchc_cause below, cchc_why why)
{
	if (out->points >= n->max) {
		out->points = n->max;
		out->cause = CCHC_CAUSE_NONE;
		out->reason.why = CCHC_WHY_NONE;
	} else {
		out->cause = below;
		out->reason.why = why;
	}
}

static void rule_yes_no(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	out->points = it->met ? n->max : 0;
	finish(n, out, CCHC_CAUSE_NOT_DONE, CCHC_WHY_NOT_MET);
}

static void rule_tiers(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	size_t i = 0;
	while (i < r->ntiers &&
	       (r->better_lower ? it->value > r->tiers[i].bound : it->value < r->tiers[i].bound))
		i++;
	out->points = i < r->ntiers ? r->tiers[i].points : 0;
	/* The next better tier is what the agency should aim at. */
	size_t next = i > 0 ? i - 1 : 0;
	out->reason.value = it->value;
	out->reason.target = r->tiers[next].bound;
	out->reason.target_points = r->tiers[next].points;
	finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_TIER);
}

static void rule_linear(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	wide num = (wide)it->value - r->from, den = (wide)r->to - r->from;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	out->points = share_of_max(n->max, num, den, r->step);
	out->reason.value = it->value;
	out->reason.target = r->to;
	out->reason.target_points = n->max;
	finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_LINEAR);
}

static void rule_per_item(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	wide p = (wide)it->count * r->per_item;
	out->points = p > n->max ? n->max : (cchc_points)p;
	out->reason.count = it->count;
	/* Items needed for the max, as a decimal like every target. */
	out->reason.target = (n->max + r->per_item - 1) / r->per_item * CCHC_DECIMAL_SCALE;
	out->reason.target_points = n->max;
	if (it->count == 0)
		finish(n, out, CCHC_CAUSE_NOT_DONE, CCHC_WHY_COUNT_ZERO);
	else
		finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_COUNT);
}

static void rule_deadline(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	int late = (int)(it->date - r->due);
	out->reason.date = it->date;
	out->reason.due = r->due;
	out->reason.days_late = late;
	if (late <= 0)
		out->points = n->max;
	else if (late <= r->grace_days)
		out->points = r->grace_points;
	else
		out->points = r->late_points;
	finish(n, out, CCHC_CAUSE_LATE, CCHC_WHY_LATE);
}

static void rule_ratio(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	out->reason.numerator = it->numerator;
	out->reason.denominator = it->denominator;
	if (it->denominator == 0) {
		out->points = r->if_none_full ? n->max : 0;
		finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_RATIO);
		return;
	}
	out->points = share_of_max(n->max, it->numerator, it->denominator, r->step);
	finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_RATIO);
}

static void rule_grade(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_grade *g = &n->rule.grades[it->grade];
	out->points = n->max * g->share / 10000; /* exact: checked when the set was loaded */
	out->reason.grade = g->label;
	finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_GRADE);
}

static void rule_judged(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	out->points = it->points;
	finish(n, out, CCHC_CAUSE_PARTIAL, CCHC_WHY_JUDGED);
}

/* Σ count × weight, weight in millionths of a percent */
static wide weighted_answers(const cchc_rule *r, const int64_t *answers)
{
	wide weighted = 0;
	for (size_t i = 0; i < r->noptions; i++)
		weighted += (wide)answers[i] * r->options[i].weight;
	return weighted;
}

cchc_points cchc_scale_points_answers(const cchc_node *n, const int64_t *answers,
                                      int64_t respondents)
{
	if (respondents <= 0)
		return 0;
	wide den = (wide)respondents * 100 * CCHC_DECIMAL_SCALE;
	return share_of_max(n->max, weighted_answers(&n->rule, answers), den, n->rule.step);
}

cchc_points cchc_scale_points_mean(const cchc_node *n, cchc_decimal mean)
{
	const cchc_rule *r = &n->rule;
	wide num = (wide)mean - r->from, den = (wide)r->to - r->from;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	return den ? share_of_max(n->max, num, den, r->step) : 0;
}

static void rule_scale(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	out->reason.respondents = it->respondents;
	if (it->has & CCHC_HAS_SURVEY_ANSWERS) {
		out->points = cchc_scale_points_answers(n, it->answers, it->respondents);
		/* The satisfaction score in millionths of a percent, rounded down. */
		out->reason.value = (cchc_decimal)(weighted_answers(r, it->answers) / it->respondents);
		finish(n, out, CCHC_CAUSE_SURVEY, CCHC_WHY_SURVEY_ANSWERS);
		return;
	}
	out->points = cchc_scale_points_mean(n, it->mean);
	out->reason.value = it->mean;
	out->reason.target = r->to;
	finish(n, out, CCHC_CAUSE_SURVEY, CCHC_WHY_SURVEY_MEAN);
}

/* Penalty criteria yield points between min and 0. */
static void rule_penalty(const cchc_node *n, const cchc_item *it, cchc_rule_result *out)
{
	const cchc_rule *r = &n->rule;
	out->reason.count = it->count;
	switch (r->kind) {
	case CCHC_RULE_PER_ITEM: {
		wide p = (wide)it->count * r->per_item;
		out->points = p < n->min ? n->min : (cchc_points)p;
		out->reason.why = CCHC_WHY_PENALTY_COUNT;
		break;
	}
	case CCHC_RULE_YES_NO:
		out->points = it->met ? n->min : 0;
		out->reason.why = CCHC_WHY_PENALTY_EVENT;
		break;
	default:
		out->points = it->points;
		out->reason.why = CCHC_WHY_JUDGED;
		break;
	}
	out->cause = out->points < 0 ? CCHC_CAUSE_PENALTY : CCHC_CAUSE_NONE;
	if (out->points == 0)
		out->reason.why = CCHC_WHY_NONE;
}

typedef void (*rule_fn)(const cchc_node *, const cchc_item *, cchc_rule_result *);

/* Each kind's scoring function and, beside it, its formula writer. */
typedef struct {
	rule_fn score;
	cchc_formula_fn formula;
} rule_entry;

#define RULE_ENTRY(K, name) [CCHC_RULE_##K] = {rule_##name, cchc_formula_##name},
static const rule_entry rule_table[CCHC_RULE_KIND_COUNT] = {CCHC_RULE_KINDS(RULE_ENTRY)};
#define RULE_ONE(K, name) +1
_Static_assert(0 CCHC_RULE_KINDS(RULE_ONE) == CCHC_RULE_KIND_COUNT - 1,
               "CCHC_RULE_KINDS lists every rule kind: give it a rule_ and a cchc_formula_ function");

int cchc_formula_rule(cchc_buf *out, const cchc_node *leaf, const cchc_formula_cells *cells)
{
	if (leaf->kind == CCHC_GROUP_PENALTY)
		return cchc_formula_penalty(out, leaf, cells);
	if (leaf->rule.kind <= CCHC_RULE_NONE || leaf->rule.kind >= CCHC_RULE_KIND_COUNT)
		return cchc_buf_puts(out, "0");
	return rule_table[leaf->rule.kind].formula(out, leaf, cells);
}

void cchc_rule_apply(const cchc_node *leaf, const cchc_item *item, cchc_rule_result *out)
{
	memset(out, 0, sizeof *out);
	out->reason.unit = leaf->rule.unit;
	out->reason.note = item->note;
	if (leaf->kind == CCHC_GROUP_PENALTY)
		rule_penalty(leaf, item, out);
	else if (rule_table[leaf->rule.kind].score)
		rule_table[leaf->rule.kind].score(leaf, item, out);
}
