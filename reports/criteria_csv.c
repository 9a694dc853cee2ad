/* Every agency's points on every criterion, one row each (a long table that
 * spreadsheets pivot): UTF-8, RFC 4180, '.' decimals, like ranking CSV. Too
 * many rows for a spreadsheet: one file per block, in parts of whole agencies. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

static const char head[] = "block,agency,name,rank,criterion,title,group,leaf,points,max,cause\r\n";

/* Every criterion of one agency, one row each. */
static void agency_rows(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *e,
                        const cchc_node *const *nodes, size_t nnodes)
{
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

int cchc_render_criteria_csv(cchc_buf *out, const cchc_ranking *r)
{
	cchc_buf_puts(out, head);
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		size_t nnodes;
		const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
		for (size_t i = 0; i < b->n && !out->failed; i++)
			agency_rows(out, b, &b->entries[i], nodes, nnodes);
	}
	return out->failed ? -1 : 0;
}

size_t cchc_criteria_csv_rows(const cchc_ranking *r)
{
	size_t rows = 0;
	for (size_t k = 0; k < r->nblocks; k++) {
		size_t nnodes;
		cchc_criteria_nodes(r->blocks[k].set, &nnodes);
		rows += r->blocks[k].n * nnodes;
	}
	return rows;
}

int cchc_render_criteria_csv_part(cchc_buf *out, const cchc_ranking *r, size_t k, size_t first,
                                  size_t max_rows, size_t *next)
{
	const cchc_block *b = &r->blocks[k];
	size_t nnodes, i = first, rows = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
	cchc_buf_puts(out, head);
	/* whole agencies only; at least one, whatever max_rows says */
	for (; i < b->n && !out->failed && (i == first || rows + nnodes <= max_rows); i++) {
		agency_rows(out, b, &b->entries[i], nodes, nnodes);
		rows += nnodes;
	}
	*next = i;
	return out->failed ? -1 : 0;
}
