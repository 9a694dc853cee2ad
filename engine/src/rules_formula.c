/* The scoring rules as spreadsheet formulas, one writer per kind beside
 * rules.c's scoring functions (the table there holds both). Every writer
 * yields integer hundredths with the same arithmetic as rules.c: evidence
 * decimals become millionths with ROUND(x*1000000,0), divisions are
 * QUOTIENT of integers, so the sheet agrees with the engine to the point. */
#include "rules_priv.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define P(out, ...) cchc_buf_printf(out, __VA_ARGS__)

static int failed(const cchc_buf *out)
{
	return out->failed ? -1 : 0;
}

int cchc_formula_string(cchc_buf *out, const char *s)
{
	cchc_buf_puts(out, "\"");
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		cchc_buf_append(out, s, (size_t)(q - s));
		cchc_buf_puts(out, "\"\"");
	}
	cchc_buf_puts(out, s);
	return cchc_buf_puts(out, "\"");
}

/* A decimal cell in millionths, exact for up to six decimals. */
static void millionths(cchc_buf *out, const char *cell)
{
	P(out, "ROUND(%s*1000000,0)", cell);
}

/* rules.c's share_of_max: max × num / den clamped to [0, max], floored to
 * step. num is an expression (written three times), den a positive one. */
static void share_of_max(cchc_buf *out, cchc_points max, const char *num, const char *den,
                         cchc_points step)
{
	P(out, "IF(%s<=0,0,IF(%s>=%s,%" PRId64 ",", num, num, den, max);
	if (step > 0)
		P(out, "QUOTIENT(QUOTIENT(%" PRId64 "*(%s),%s),%" PRId64 ")*%" PRId64 "))", max, num, den,
		  step, step);
	else
		P(out, "QUOTIENT(%" PRId64 "*(%s),%s)))", max, num, den);
}

/* share_of_max of (cell − from) / (to − from), either way round: linear and a survey mean. */
static void along_scale(cchc_buf *out, cchc_points max, const char *cell, const cchc_rule *r)
{
	int flip = r->to < r->from;
	cchc_buf num;
	char den[32];
	cchc_buf_init(&num, 0);
	P(&num, "%s(", flip ? "-" : "");
	millionths(&num, cell);
	P(&num, "-(%" PRId64 "))", r->from);
	snprintf(den, sizeof den, "%" PRId64, flip ? r->from - r->to : r->to - r->from);
	if (num.failed)
		out->failed = 1;
	else
		share_of_max(out, max, num.data, den, r->step);
	cchc_buf_dispose(&num);
}

/* IF(OR(met = no, an evidence cell blank), 0, ...: what score.c does before
 * the rule (no evidence, met="false"). The caller closes with ")". */
static void guard(cchc_buf *out, const cchc_formula_cells *c, int ncells, ...)
{
	va_list ap;
	P(out, "IF(OR(");
	if (c->met && c->no) {
		P(out, "%s=", c->met);
		cchc_formula_string(out, c->no);
		P(out, ",");
	}
	va_start(ap, ncells);
	for (int i = 0; i < ncells; i++)
		P(out, "%s%s=\"\"", i ? "," : "", va_arg(ap, const char *));
	va_end(ap);
	P(out, "),0,");
}

static int met_yes(cchc_buf *out, const cchc_formula_cells *c, cchc_points yes)
{
	P(out, "IF(%s=", c->met);
	cchc_formula_string(out, c->yes);
	P(out, ",%" PRId64 ",0)", yes);
	return failed(out);
}

int cchc_formula_yes_no(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	return met_yes(out, c, n->max);
}

int cchc_formula_tiers(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	const cchc_rule *r = &n->rule;
	guard(out, c, 1, c->value);
	for (size_t i = 0; i < r->ntiers; i++) {
		P(out, "IF(");
		millionths(out, c->value);
		P(out, "%s%" PRId64 ",%" PRId64 ",", r->better_lower ? "<=" : ">=", r->tiers[i].bound,
		  r->tiers[i].points);
	}
	P(out, "0");
	for (size_t i = 0; i < r->ntiers; i++)
		P(out, ")");
	P(out, ")");
	return failed(out);
}

int cchc_formula_linear(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	guard(out, c, 1, c->value);
	along_scale(out, n->max, c->value, &n->rule);
	P(out, ")");
	return failed(out);
}

int cchc_formula_per_item(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	guard(out, c, 1, c->count);
	P(out, "MIN(%s*%" PRId64 ",%" PRId64 "))", c->count, n->rule.per_item, n->max);
	return failed(out);
}

/* Day numbers since 1970 are serials since 1899-12-30 less 25569. */
#define SERIAL_1970 25569

int cchc_formula_deadline(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	const cchc_rule *r = &n->rule;
	long due = (long)r->due + SERIAL_1970;
	guard(out, c, 1, c->date);
	P(out, "IF(INT(%s)-%ld<=0,%" PRId64 ",IF(INT(%s)-%ld<=%d,%" PRId64 ",%" PRId64 ")))", c->date,
	  due, n->max, c->date, due, r->grace_days, r->grace_points, r->late_points);
	return failed(out);
}

int cchc_formula_ratio(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	const cchc_rule *r = &n->rule;
	guard(out, c, 2, c->numerator, c->denominator);
	P(out, "IF(%s=0,%" PRId64 ",", c->denominator, r->if_none_full ? n->max : 0);
	share_of_max(out, n->max, c->numerator, c->denominator, r->step);
	P(out, "))");
	return failed(out);
}

int cchc_formula_grade(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	const cchc_rule *r = &n->rule;
	guard(out, c, 1, c->grade);
	for (size_t i = 0; i < r->ngrades; i++) {
		P(out, "IF(%s=", c->grade);
		cchc_formula_string(out, r->grades[i].label);
		P(out, ",%" PRId64 ",", n->max * r->grades[i].share / 10000);
	}
	P(out, "0");
	for (size_t i = 0; i < r->ngrades; i++)
		P(out, ")");
	P(out, ")");
	return failed(out);
}

static int judged_points(cchc_buf *out, const cchc_formula_cells *c)
{
	guard(out, c, 1, c->points);
	P(out, "ROUND(%s*100,0))", c->points);
	return failed(out);
}

int cchc_formula_judged(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	(void)n;
	return judged_points(out, c);
}

/* Answers first (as the loader refuses both), then a mean, else nothing. */
int cchc_formula_scale(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	const cchc_rule *r = &n->rule;
	int closing = 0;
	if (r->noptions && c->answers) {
		cchc_buf resp, weighted;
		cchc_buf_init(&resp, 0);
		cchc_buf_init(&weighted, 0);
		P(&resp, "(");
		for (size_t i = 0; i < r->noptions; i++) {
			P(&resp, "%sN(%s)", i ? "+" : "", c->answers[i]);
			P(&weighted, "%sN(%s)*%" PRId64, i ? "+" : "", c->answers[i], r->options[i].weight);
		}
		P(&resp, ")*%d", 100 * CCHC_DECIMAL_SCALE);
		P(out, "IF(COUNT(");
		for (size_t i = 0; i < r->noptions; i++)
			P(out, "%s%s", i ? "," : "", c->answers[i]);
		P(out, ")>0,IF(%s=0,0,", resp.failed ? "0" : resp.data);
		if (resp.failed || weighted.failed)
			out->failed = 1;
		else
			share_of_max(out, n->max, weighted.data, resp.data, r->step);
		P(out, "),");
		closing++;
		cchc_buf_dispose(&resp);
		cchc_buf_dispose(&weighted);
	}
	if (r->from != r->to && c->mean && c->respondents) {
		P(out, "IF(OR(%s=\"\",%s=\"\"),0,", c->mean, c->respondents);
		along_scale(out, n->max, c->mean, r);
		P(out, ")");
	} else {
		P(out, "0");
	}
	for (int i = 0; i < closing; i++)
		P(out, ")");
	return failed(out);
}

/* rules.c's rule_penalty: per-item and yes-no deduct, anything else is the council's points. */
int cchc_formula_penalty(cchc_buf *out, const cchc_node *n, const cchc_formula_cells *c)
{
	switch (n->rule.kind) {
	case CCHC_RULE_PER_ITEM:
		guard(out, c, 1, c->count);
		P(out, "MAX(%s*%" PRId64 ",%" PRId64 "))", c->count, n->rule.per_item, n->min);
		return failed(out);
	case CCHC_RULE_YES_NO:
		return met_yes(out, c, n->min);
	case CCHC_RULE_JUDGED:
		return judged_points(out, c);
	default:
		P(out, "0");
		return failed(out);
	}
}
