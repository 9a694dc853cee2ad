/* Every agency's points on every criterion, one row each (a long table that
 * spreadsheets pivot): UTF-8, RFC 4180, '.' decimals, like ranking CSV. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

static void field(cchc_buf *out, const char *s, int last)
{
	s = s ? s : "";
	if (strpbrk(s, ",\"\r\n")) {
		cchc_buf_puts(out, "\"");
		for (const char *p = s; *p; p++)
			cchc_buf_puts(out, *p == '"' ? "\"\"" : (char[2]){*p, '\0'});
		cchc_buf_puts(out, "\"");
	} else {
		cchc_buf_puts(out, s);
	}
	cchc_buf_puts(out, last ? "\r\n" : ",");
}

static void points(cchc_buf *out, cchc_points p, int last)
{
	char v[CCHC_FMT_SIZE];
	cchc_fmt_points(v, p, CCHC_LANG_EN);
	field(out, v, last);
}

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
			char rank[24];
			snprintf(rank, sizeof rank, "%zu", e->rank);
			for (size_t n = 0; n < nnodes; n++) {
				const cchc_node_score *ns = &e->score->nodes[n];
				field(out, b->id, 0);
				field(out, cchc_assessment_agency_id(a), 0);
				field(out, cchc_assessment_agency_name(a), 0);
				field(out, rank, 0);
				field(out, nodes[n]->id, 0);
				field(out, nodes[n]->title, 0);
				field(out, nodes[n]->group->id, 0);
				field(out, nodes[n]->nchildren ? "0" : "1", 0);
				points(out, ns->points, 0);
				points(out, ns->max, 0);
				field(out, nodes[n]->nchildren ? "" : cchc_cause_name(ns->cause), 1);
			}
		}
	}
	return out->failed ? -1 : 0;
}
