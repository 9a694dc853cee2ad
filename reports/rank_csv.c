/* The ranking as CSV: one row per agency, a header row, RFC 4180 quoting,
 * UTF-8, '.' as the decimal mark (a machine format: spreadsheets are served
 * by the xlsx report). Group columns follow the first block's groups, then
 * any other group ids the other blocks add; a block without one leaves it empty. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

static const char *const head[] = {
	"block", "rank", "of", "id", "name", "total", "max", "index", "band", "gap_top",
	"gap_bottom", "gap_above", "full", "partial", "zero", "self_total", "self_deviation",
	"self_deviation_pct", "self_check",
};

int cchc_render_ranking_csv(cchc_buf *out, const cchc_ranking *r)
{
	const char *ids[CCHC_MAX_GROUP_COLUMNS];
	const size_t ncols = cchc_rank_group_columns(r, ids, NULL);
	char name[64];
	const size_t nhead = sizeof head / sizeof *head;
	for (size_t i = 0; i < nhead; i++)
		cchc_csv_field(out, head[i], i + 1 == nhead && ncols == 0);
	for (size_t c = 0; c < ncols; c++) {
		snprintf(name, sizeof name, "group_%s", ids[c]);
		cchc_csv_field(out, name, 0);
		snprintf(name, sizeof name, "rank_%s", ids[c]);
		cchc_csv_field(out, name, c + 1 == ncols);
	}
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		size_t ngroups;
		const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
		for (size_t i = 0; i < b->n; i++) {
			const cchc_rank_entry *e = &b->entries[i];
			const cchc_score *s = e->score;
			cchc_csv_field(out, b->id, 0);
			cchc_csv_count(out, e->rank, 0);
			cchc_csv_count(out, e->of, 0);
			cchc_csv_field(out, cchc_assessment_agency_id(s->assessment), 0);
			cchc_csv_field(out, cchc_assessment_agency_name(s->assessment), 0);
			cchc_csv_points(out, s->total, 0);
			cchc_csv_points(out, s->max, 0);
			cchc_csv_points(out, s->index, 0);
			cchc_csv_field(out, s->band ? s->band->label : "", 0);
			cchc_csv_points(out, e->gap_top, 0);
			cchc_csv_points(out, e->gap_bottom, 0);
			cchc_csv_points(out, e->gap_above, 0);
			cchc_csv_count(out, e->leaves_full, 0);
			cchc_csv_count(out, e->leaves_partial, 0);
			cchc_csv_count(out, e->leaves_zero, 0);
			if (s->has_self) {
				cchc_csv_points(out, s->self_total, 0);
				cchc_csv_points(out, e->self_deviation, 0);
				cchc_csv_points(out, e->self_deviation_pct, 0);
			} else { /* nothing claimed: no deviation to state */
				cchc_csv_field(out, "", 0);
				cchc_csv_field(out, "", 0);
				cchc_csv_field(out, "", 0);
			}
			cchc_csv_points(out, s->self_check, ncols == 0);
			for (size_t c = 0; c < ncols; c++) {
				size_t g = 0;
				while (g < ngroups && strcmp(groups[g]->id, ids[c]) != 0)
					g++;
				if (g < ngroups) {
					cchc_csv_points(out, cchc_score_group(s, g)->points, 0);
					cchc_csv_count(out, e->group_ranks[g], c + 1 == ncols);
				} else {
					cchc_csv_field(out, "", 0);
					cchc_csv_field(out, "", c + 1 == ncols);
				}
			}
		}
	}
	return out->failed ? -1 : 0;
}
