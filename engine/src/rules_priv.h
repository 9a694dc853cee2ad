/* Rule kinds: one small function per kind, chosen from a table, with its
 * spreadsheet formula writer beside it (rules_formula.c). Adding a kind
 * touches CCHC_RULE_KINDS, the schema and the tests: the table then needs
 * both rule_<name> and cchc_formula_<name>, or it does not compile. */
#ifndef CCHC_RULES_PRIV_H
#define CCHC_RULES_PRIV_H

#include "cchc/assessment.h"
#include "cchc/formula.h"
#include "cchc/score.h"

/* Every rule kind (enum suffix, function suffix): the one list the table is built from. */
#define CCHC_RULE_KINDS(X)                                                                      \
	X(YES_NO, yes_no) X(TIERS, tiers) X(LINEAR, linear) X(PER_ITEM, per_item)                 \
	X(DEADLINE, deadline) X(RATIO, ratio) X(GRADE, grade) X(JUDGED, judged) X(SCALE, scale)

/* The formula writers of rules_formula.c, one per kind, and the penalty
 * groups' (which, like rule_penalty, read the evidence their own way). */
typedef int (*cchc_formula_fn)(cchc_buf *out, const cchc_node *leaf, const cchc_formula_cells *c);
#define CCHC_FORMULA_DECLARE(K, name)                                                           \
	int cchc_formula_##name(cchc_buf *out, const cchc_node *leaf, const cchc_formula_cells *c);
CCHC_RULE_KINDS(CCHC_FORMULA_DECLARE)
int cchc_formula_penalty(cchc_buf *out, const cchc_node *leaf, const cchc_formula_cells *c);

typedef struct {
	cchc_points points;
	cchc_cause cause;
	cchc_reason reason;
} cchc_rule_result;

/* Apply the leaf's rule to evidence that is present, applicable and not
 * marked "not done" (the caller handles those). */
void cchc_rule_apply(const cchc_node *leaf, const cchc_item *item, cchc_rule_result *out);

/* A scale leaf's points for a survey mean (millionths) or for answer counts
 * (aligned with the rule's options): the rule itself, for re-drawn surveys. */
cchc_points cchc_scale_points_mean(const cchc_node *leaf, cchc_decimal mean);
cchc_points cchc_scale_points_answers(const cchc_node *leaf, const int64_t *answers,
                                      int64_t respondents);

#endif
