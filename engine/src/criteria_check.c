/* Semantic checks a schema cannot express: unique ids, sums, rule sanity.
 * Each inconsistency is reported, never guessed around. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "criteria_priv.h"

typedef struct {
	const cchc_criteria *set;
	cchc_diag *diag;
	size_t errors;
} checker;

/* "8.25" style for messages about the file's own numbers (the file uses points). */
static const char *pts(char buf[32], cchc_points p)
{
	const char *sign = p < 0 ? "-" : "";
	if (p < 0)
		p = -p;
	if (p % 100 == 0)
		snprintf(buf, 32, "%s%" PRId64, sign, p / 100);
	else if (p % 10 == 0)
		snprintf(buf, 32, "%s%" PRId64 ".%" PRId64, sign, p / 100, (p % 100) / 10);
	else
		snprintf(buf, 32, "%s%" PRId64 ".%02" PRId64, sign, p / 100, p % 100);
	return buf;
}

#define FAIL(ck, line, ...)                                                          \
	do {                                                                             \
		cchc_diag_addf((ck)->diag, (ck)->set->file, (line), __VA_ARGS__);           \
		(ck)->errors++;                                                              \
	} while (0)

static void check_ids(checker *ck)
{
	const cchc_criteria *set = ck->set;
	for (size_t i = 0; i < set->nnodes; i++) {
		const cchc_node *n = set->by_id[i];
		if (n->id[0] == '\0')
			FAIL(ck, n->line, "a group or criterion has an empty id");
		if (i > 0 && strcmp(n->id, set->by_id[i - 1]->id) == 0)
			FAIL(ck, n->line, "id \"%s\" is used twice (first at line %ld): ids must be unique",
			     n->id, set->by_id[i - 1]->line);
	}
}

/* The range a rule may give: [min, max] of the leaf. */
static void check_step(checker *ck, const cchc_node *n)
{
	char a[32], b[32];
	cchc_points span = n->max ? n->max : -n->min;
	if (n->rule.step <= 0)
		FAIL(ck, n->rule.line, "criterion \"%s\": step must be greater than 0", n->id);
	else if (span % n->rule.step != 0)
		FAIL(ck, n->rule.line,
		     "criterion \"%s\": step %s does not divide its max %s, so full points could never "
		     "be reached",
		     n->id, pts(a, n->rule.step), pts(b, span));
}

static void check_tiers(checker *ck, const cchc_node *n)
{
	const cchc_rule *r = &n->rule;
	char a[32], b[32];
	if (r->ntiers == 0) {
		FAIL(ck, r->line, "criterion \"%s\": a tiers rule needs at least one <tier>", n->id);
		return;
	}
	if (r->tiers[0].points != n->max)
		FAIL(ck, r->line,
		     "criterion \"%s\": the best tier gives %s but the criterion's max is %s: list the "
		     "best tier first and make it worth the max",
		     n->id, pts(a, r->tiers[0].points), pts(b, n->max));
	for (size_t i = 0; i < r->ntiers; i++) {
		const cchc_tier *t = &r->tiers[i];
		if (t->points < 0 || t->points > n->max)
			FAIL(ck, r->line, "criterion \"%s\": tier %zu gives %s, outside 0..%s", n->id, i + 1,
			     pts(a, t->points), pts(b, n->max));
		if (i == 0)
			continue;
		const cchc_tier *p = &r->tiers[i - 1];
		int ordered = r->better_lower ? t->bound > p->bound : t->bound < p->bound;
		if (!ordered || t->points >= p->points)
			FAIL(ck, r->line,
			     "criterion \"%s\": tier %zu is not below tier %zu: list tiers best first, each "
			     "with a %s bound and fewer points",
			     n->id, i + 1, i, r->better_lower ? "higher" : "lower");
	}
}

static void check_grades(checker *ck, const cchc_node *n)
{
	const cchc_rule *r = &n->rule;
	char a[32];
	if (r->ngrades == 0) {
		FAIL(ck, r->line, "criterion \"%s\": a grade rule needs at least one <grade>", n->id);
		return;
	}
	if (r->grades[0].share != 10000)
		FAIL(ck, r->line, "criterion \"%s\": the first grade must be the best, share=\"100\"",
		     n->id);
	for (size_t i = 0; i < r->ngrades; i++) {
		const cchc_grade *g = &r->grades[i];
		if (g->share < 0 || g->share > 10000)
			FAIL(ck, r->line, "criterion \"%s\": grade \"%s\" has share %s %%: use 0 to 100",
			     n->id, g->id, pts(a, g->share));
		else if ((n->max * g->share) % 10000 != 0)
			FAIL(ck, r->line,
			     "criterion \"%s\": grade \"%s\" (%s %% of the max) is not a multiple of 0,01 "
			     "points",
			     n->id, g->id, pts(a, g->share));
		if (i > 0 && g->share >= r->grades[i - 1].share)
			FAIL(ck, r->line, "criterion \"%s\": grade \"%s\" must be worth less than the one "
			     "before it: list grades best first", n->id, g->id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(r->grades[j].id, g->id) == 0)
				FAIL(ck, r->line, "criterion \"%s\": grade id \"%s\" is used twice", n->id,
				     g->id);
	}
}

static void check_scale(checker *ck, const cchc_node *n)
{
	const cchc_rule *r = &n->rule;
	if (r->from == r->to && r->noptions == 0)
		FAIL(ck, r->line,
		     "criterion \"%s\": a scale rule needs from/to (for a mean) or <option> weights",
		     n->id);
	for (size_t i = 0; i < r->noptions; i++) {
		const cchc_option *o = &r->options[i];
		if (o->weight < 0 || o->weight > 100 * (cchc_decimal)CCHC_DECIMAL_SCALE)
			FAIL(ck, r->line, "criterion \"%s\": option \"%s\" weight must be 0 to 100", n->id,
			     o->id);
		for (size_t j = 0; j < i; j++)
			if (strcmp(r->options[j].id, o->id) == 0)
				FAIL(ck, r->line, "criterion \"%s\": option id \"%s\" is used twice", n->id,
				     o->id);
	}
	check_step(ck, n);
}

static void check_penalty_rule(checker *ck, const cchc_node *n)
{
	const cchc_rule *r = &n->rule;
	char a[32];
	switch (r->kind) {
	case CCHC_RULE_PER_ITEM:
		if (r->per_item >= 0 || r->per_item < n->min)
			FAIL(ck, r->line,
			     "criterion \"%s\" is a penalty: points per item must be negative and no lower "
			     "than its min %s",
			     n->id, pts(a, n->min));
		break;
	case CCHC_RULE_YES_NO:
		break;
	case CCHC_RULE_JUDGED:
		check_step(ck, n);
		break;
	default:
		FAIL(ck, r->line,
		     "criterion \"%s\": a penalty criterion must use per-item, yes-no or judged, not %s",
		     n->id, cchc_rule_kind_name(r->kind));
	}
}

static void check_rule(checker *ck, const cchc_node *n)
{
	const cchc_rule *r = &n->rule;
	char a[32], b[32];
	if (n->kind == CCHC_GROUP_PENALTY) {
		check_penalty_rule(ck, n);
		return;
	}
	switch (r->kind) {
	case CCHC_RULE_TIERS:
		check_tiers(ck, n);
		break;
	case CCHC_RULE_LINEAR:
		if (r->from == r->to)
			FAIL(ck, r->line, "criterion \"%s\": from and to must differ", n->id);
		check_step(ck, n);
		break;
	case CCHC_RULE_PER_ITEM:
		if (r->per_item <= 0 || r->per_item > n->max)
			FAIL(ck, r->line, "criterion \"%s\": points per item must be above 0 and at most %s",
			     n->id, pts(a, n->max));
		break;
	case CCHC_RULE_DEADLINE:
		if (r->late_points < 0 || r->late_points >= n->max)
			FAIL(ck, r->line, "criterion \"%s\": late-points must be 0 or more and below max %s",
			     n->id, pts(a, n->max));
		if (r->grace_days > 0 &&
		    (r->grace_points < r->late_points || r->grace_points >= n->max))
			FAIL(ck, r->line,
			     "criterion \"%s\": grace-points %s must lie between late-points %s and the max",
			     n->id, pts(a, r->grace_points), pts(b, r->late_points));
		break;
	case CCHC_RULE_RATIO:
	case CCHC_RULE_JUDGED:
		check_step(ck, n);
		break;
	case CCHC_RULE_GRADE:
		check_grades(ck, n);
		break;
	case CCHC_RULE_SCALE:
		check_scale(ck, n);
		break;
	default:
		break;
	}
}

static void check_node(checker *ck, const cchc_node *n)
{
	char a[32], b[32];
	if (n->nchildren == 0) {
		if (n->rule.kind != CCHC_RULE_NONE)
			check_rule(ck, n);
		return;
	}
	cchc_points sum_max = 0, sum_min = 0;
	for (size_t i = 0; i < n->nchildren; i++) {
		sum_max += n->children[i]->max;
		sum_min += n->children[i]->min;
		check_node(ck, n->children[i]);
	}
	/* Bonus and penalty groups cap and floor; their criteria may add up to more. */
	if (n->depth == 0 && (n->kind == CCHC_GROUP_BONUS || n->kind == CCHC_GROUP_PENALTY))
		return;
	if (n->kind == CCHC_GROUP_PENALTY && sum_min != n->min)
		FAIL(ck, n->line, "criterion \"%s\": its sub-criteria's min add up to %s, not its min %s",
		     n->id, pts(a, sum_min), pts(b, n->min));
	else if (n->kind != CCHC_GROUP_PENALTY && sum_max != n->max)
		FAIL(ck, n->line, "%s \"%s\": its %s' max add up to %s, not its max %s",
		     n->depth ? "criterion" : "group", n->id, n->depth ? "sub-criteria" : "criteria",
		     pts(a, sum_max), pts(b, n->max));
}

size_t cchc_criteria_check(const cchc_criteria *set, cchc_diag *diag)
{
	checker ck = {set, diag, 0};
	char a[32], b[32];
	cchc_points frame = 0;

	check_ids(&ck);
	for (size_t i = 0; i < set->ngroups; i++) {
		const cchc_node *g = set->groups[i];
		if (g->kind == CCHC_GROUP_SCORED || g->kind == CCHC_GROUP_SURVEY)
			frame += g->max;
		check_node(&ck, g);
	}
	if (set->ngroups == 0)
		FAIL(&ck, set->line, "the criteria set has no groups");
	else if (frame != set->max)
		FAIL(&ck, set->line,
		     "the criteria set's max is %s but its scored and survey groups add up to %s",
		     pts(a, set->max), pts(b, frame));
	if (set->nbands == 0)
		FAIL(&ck, 0, "the criteria set has no bands: add <bands> with at least one <band>");
	return ck.errors;
}
