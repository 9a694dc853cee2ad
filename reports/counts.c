/* Whole-score leaf counts. The engine keeps them per node; the score has no
 * root node, so the groups' counts are added here, once, for every renderer. */
#include "report_priv.h"

void cchc_report_counts(const cchc_score *s, cchc_leaf_counts *out)
{
	size_t ngroups = 0;
	const cchc_node *const *groups = cchc_criteria_groups(s->set, &ngroups);
	out->full = out->partial = out->zero = 0;
	for (size_t i = 0; i < ngroups; i++) {
		const cchc_node_score *ns = cchc_score_node(s, groups[i]);
		out->full += ns->leaves_full;
		out->partial += ns->leaves_partial;
		out->zero += ns->leaves_zero;
	}
}
