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

#endif
