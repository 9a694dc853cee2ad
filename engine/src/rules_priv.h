/* Rule kinds: one small function per kind, chosen from a table. Adding a
 * kind touches that table, the schema and the tests. */
#ifndef CCHC_RULES_PRIV_H
#define CCHC_RULES_PRIV_H

#include "cchc/assessment.h"
#include "cchc/score.h"

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
