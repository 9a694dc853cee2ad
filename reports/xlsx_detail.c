/* Sheet "Chi tiết": every agency × every leaf criterion of its block, the
 * points it got. Three header rows: criterion ids, titles, maxima. A block
 * per sheet ("Chi tiết <block>") when the ranking holds several, since each
 * block has its own criteria. */
#include <stdio.h>

#include "xlsx_priv.h"

#define HEAD_ROWS 3
#define FIXED_COLS 4 /* rank, agency id, name, total */
#define LEAF_W 12
#define TITLE_CHARS_PER_LINE 15 /* at 8 pt in a column LEAF_W wide */
#define NAME_MIN 20
#define NAME_MAX 45

/* The points a leaf is measured against: a penalty leaf's floor, else its max. */
static cchc_points leaf_bound(const cchc_node *n)
{
	return n->group->kind == CCHC_GROUP_PENALTY ? n->min : n->max;
}

static void block_sheet(cchc_xlsx *x, const cchc_block *b)
{
	char name[256];
	if (x->r->nblocks > 1)
		snprintf(name, sizeof name, "%s %s", cchc_str(CCHC_STR_XLSX_SHEET_DETAIL, x->L), b->id);
	else
		snprintf(name, sizeof name, "%s", cchc_str(CCHC_STR_XLSX_SHEET_DETAIL, x->L));
	lxw_worksheet *ws = cchc_xlsx_sheet(x, name);
	if (!ws)
		return;

	cchc_xlsx_label(x, ws, 0, 0, CCHC_STR_RANK, x->head);
	cchc_xlsx_label(x, ws, 0, 1, CCHC_STR_XLSX_AGENCY_ID, x->head);
	cchc_xlsx_label(x, ws, 0, 2, CCHC_STR_AGENCY, x->head);
	cchc_xlsx_label(x, ws, 0, 3, CCHC_STR_TOTAL, x->head);
	for (lxw_col_t c = 0; c < FIXED_COLS; c++)
		cchc_xlsx_blank(x, ws, 1, c, x->head_small);
	cchc_xlsx_label(x, ws, 1, 2, CCHC_STR_CRITERION, x->head);
	for (lxw_col_t c = 0; c < 2; c++)
		cchc_xlsx_blank(x, ws, 2, c, x->head);
	cchc_xlsx_label(x, ws, 2, 2, CCHC_STR_MAX, x->head);
	cchc_xlsx_points(x, ws, 2, 3, cchc_criteria_max(b->set), x->group_pts);

	size_t nnodes, longest = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
	lxw_col_t col = FIXED_COLS;
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_node *n = nodes[i];
		if (n->nchildren)
			continue;
		cchc_xlsx_str(x, ws, 0, col, n->id, x->head);
		cchc_xlsx_str(x, ws, 1, col, n->title, x->head_small);
		cchc_xlsx_points(x, ws, 2, col, leaf_bound(n), x->group_pts);
		size_t w = cchc_xlsx_text_width(n->title);
		longest = w > longest ? w : longest;
		col++;
	}
	const lxw_col_t last_col = (lxw_col_t)(col - 1);

	size_t name_w = NAME_MIN;
	for (size_t i = 0; i < b->n && !x->failed; i++) {
		const cchc_rank_entry *e = &b->entries[i];
		const cchc_score *s = e->score;
		const lxw_row_t row = (lxw_row_t)(HEAD_ROWS + i);
		cchc_xlsx_number(x, ws, row, 0, (double)e->rank, x->count);
		cchc_xlsx_str(x, ws, row, 1, cchc_assessment_agency_id(s->assessment), x->cell);
		cchc_xlsx_str(x, ws, row, 2, cchc_xlsx_agency_name(e), x->cell);
		cchc_xlsx_points(x, ws, row, 3, s->total, x->group_pts);
		size_t w = cchc_xlsx_text_width(cchc_xlsx_agency_name(e)) + 2;
		name_w = w > name_w ? w : name_w;
		col = FIXED_COLS;
		for (size_t k = 0; k < nnodes; k++) {
			const cchc_node *n = nodes[k];
			if (n->nchildren)
				continue;
			const cchc_node_score *ns = cchc_score_node(s, n);
			if (ns->excluded) /* not counted for this agency (N/A, no survey) */
				cchc_xlsx_str(x, ws, row, col, "\xE2\x80\x94", x->centre);
			else
				cchc_xlsx_points(x, ws, row, col, ns->points, x->pts);
			col++;
		}
	}

	size_t lines = (longest + TITLE_CHARS_PER_LINE - 1) / TITLE_CHARS_PER_LINE;
	lines = lines < 2 ? 2 : lines > 12 ? 12 : lines;
	cchc_xlsx_check(x, worksheet_set_row(ws, 1, (double)(lines * 11 + 4), NULL));
	cchc_xlsx_width(x, ws, 0, 0, 7, NULL);
	cchc_xlsx_width(x, ws, 1, 1, 11, NULL);
	cchc_xlsx_width(x, ws, 2, 2, (double)(name_w > NAME_MAX ? NAME_MAX : name_w), NULL);
	cchc_xlsx_width(x, ws, 3, 3, 9, NULL);
	if (last_col >= FIXED_COLS)
		cchc_xlsx_width(x, ws, FIXED_COLS, last_col, LEAF_W, NULL);
	worksheet_freeze_panes(ws, HEAD_ROWS, FIXED_COLS);
	cchc_xlsx_print(x, ws, HEAD_ROWS, 0); /* too wide to fit: pages across */
	cchc_xlsx_check(x, worksheet_repeat_columns(ws, 0, FIXED_COLS - 1));
}

void cchc_xlsx_sheet_detail(cchc_xlsx *x)
{
	for (size_t k = 0; k < x->r->nblocks && !x->failed; k++)
		block_sheet(x, &x->r->blocks[k]);
}
