/* Every agency's points on every criterion, one row each (a long table that
 * spreadsheets pivot): UTF-8, RFC 4180, '.' decimals, like ranking CSV. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

int cchc_render_criteria_csv(cchc_buf *out, const cchc_ranking *r)
{
	cchc_buf_puts(out, "block,agency,name,rank,criterion,title,group,leaf,points,max,cause\r\n");
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		size_t nnodes;
		const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
		for (size_t i = 0; i < b->n; i++) {
			const cchc_rank_entry *e = &b->entries[i];
			const cchc_assessment *a = e->score->assessment;
			for (size_t n = 0; n < nnodes; n++) {
				const cchc_node_score *ns = &e->score->nodes[n];
				cchc_csv_field(out, b->id, 0);
				cchc_csv_field(out, cchc_assessment_agency_id(a), 0);
				cchc_csv_field(out, cchc_assessment_agency_name(a), 0);
				cchc_csv_count(out, e->rank, 0);
				cchc_csv_field(out, nodes[n]->id, 0);
				cchc_csv_field(out, nodes[n]->title, 0);
				cchc_csv_field(out, nodes[n]->group->id, 0);
				cchc_csv_count(out, nodes[n]->nchildren ? 0 : 1, 0);
				cchc_csv_points(out, ns->points, 0);
				cchc_csv_points(out, ns->max, 0);
				cchc_csv_field(out, nodes[n]->nchildren ? "" : cchc_cause_name(ns->cause), 1);
			}
		}
	}
	return out->failed ? -1 : 0;
}
