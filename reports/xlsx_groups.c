/* Sheet "Chỉ số thành phần": the component indices, each group's points and the
 * agency's rank in it (thứ hạng chỉ số thành phần), under the group's title as its
 * column header. One section per block, headed by the criteria set's title; groups
 * in the order of the sets (a group id shared by two blocks shares its columns). */
#include <stdio.h>
#include <string.h>

#include "xlsx_priv.h"

#define HEAD_ROWS 2
#define FIXED 3      /* rank, agency id, name */
#define NAME_W 32
#define GROUP_W 9    /* each of a group's two columns */

/* The block's position of the group with this id, or ngroups. */
static size_t group_of(const cchc_node *const *groups, size_t ngroups, const char *id)
{
	size_t g = 0;
	while (g < ngroups && strcmp(groups[g]->id, id) != 0)
		g++;
	return g;
}

static void head(cchc_xlsx *x, lxw_worksheet *ws, const char *const *ids,
                 const char *const *titles, size_t ncols)
{
	static const cchc_str_id fixed[FIXED] = {CCHC_STR_RANK, CCHC_STR_XLSX_AGENCY_ID,
	                                         CCHC_STR_AGENCY};
	for (lxw_col_t c = 0; c < FIXED; c++) {
		cchc_xlsx_label(x, ws, 0, c, fixed[c], x->head);
		cchc_xlsx_blank(x, ws, 1, c, x->head);
	}
	size_t lines = 2;
	cchc_buf t;
	cchc_buf_init(&t, CCHC_XLSX_TEXT_MAX);
	for (size_t k = 0; k < ncols; k++) {
		const lxw_col_t c = (lxw_col_t)(FIXED + 2 * k);
		t.len = 0;
		cchc_buf_printf(&t, "%s. %s", ids[k], titles[k]);
		if (t.failed) {
			x->failed = 1;
			break;
		}
		/* the group's title over its two columns, as the header, not in a comment */
		cchc_xlsx_check(x, worksheet_merge_range(ws, 0, c, 0, (lxw_col_t)(c + 1), "", x->head));
		cchc_xlsx_str(x, ws, 0, c, t.data, x->head);
		cchc_xlsx_label(x, ws, 1, c, CCHC_STR_POINTS, x->head);
		cchc_xlsx_label(x, ws, 1, (lxw_col_t)(c + 1), CCHC_STR_RANK, x->head);
		size_t n = cchc_xlsx_lines(t.data, 2 * GROUP_W);
		lines = n > lines ? n : lines;
	}
	cchc_buf_dispose(&t);
	cchc_xlsx_row_lines(x, ws, 0, lines);
}

static lxw_row_t block_rows(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_block *b,
                            const char *const *ids, size_t ncols)
{
	const lxw_col_t last = (lxw_col_t)(FIXED + 2 * ncols - 1);
	if (x->r->nblocks > 1) { /* the block's title, never its id */
		cchc_xlsx_check(x, worksheet_merge_range(ws, row, 0, row, last, "", x->group));
		cchc_xlsx_str(x, ws, row++, 0, cchc_criteria_title(b->set), x->group);
	}
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
	for (size_t i = 0; i < b->n && !x->failed; i++, row++) {
		const cchc_rank_entry *e = &b->entries[i];
		cchc_xlsx_number(x, ws, row, 0, (double)e->rank, x->count);
		cchc_xlsx_str(x, ws, row, 1, cchc_assessment_agency_id(e->score->assessment), x->cell);
		cchc_xlsx_str(x, ws, row, 2, cchc_xlsx_agency_name(e), x->cell);
		for (size_t k = 0; k < ncols; k++) {
			const lxw_col_t c = (lxw_col_t)(FIXED + 2 * k);
			const size_t g = group_of(groups, ngroups, ids[k]);
			if (g < ngroups) {
				cchc_xlsx_points(x, ws, row, c, cchc_score_group(e->score, g)->points, x->pts);
				cchc_xlsx_number(x, ws, row, (lxw_col_t)(c + 1), (double)e->group_ranks[g],
				                 x->count);
			} else { /* a group of another block */
				cchc_xlsx_blank(x, ws, row, c, x->pts);
				cchc_xlsx_blank(x, ws, row, (lxw_col_t)(c + 1), x->count);
			}
		}
	}
	return row;
}

void cchc_xlsx_sheet_groups(cchc_xlsx *x)
{
	lxw_worksheet *ws = cchc_xlsx_sheet(x, cchc_str(CCHC_STR_XLSX_SHEET_GROUPS, x->L));
	if (!ws)
		return;
	const char *ids[CCHC_MAX_GROUP_COLUMNS], *titles[CCHC_MAX_GROUP_COLUMNS];
	const size_t ncols = cchc_rank_group_columns(x->r, ids, titles);
	head(x, ws, ids, titles, ncols);
	lxw_row_t row = HEAD_ROWS;
	for (size_t k = 0; k < x->r->nblocks && !x->failed; k++)
		row = block_rows(x, ws, row, &x->r->blocks[k], ids, ncols);
	cchc_xlsx_width(x, ws, 0, 0, 7, NULL);
	cchc_xlsx_width(x, ws, 1, 1, 11, NULL);
	cchc_xlsx_width(x, ws, 2, 2, NAME_W, x->wrap);
	if (ncols)
		cchc_xlsx_width(x, ws, FIXED, (lxw_col_t)(FIXED + 2 * ncols - 1), GROUP_W, NULL);
	worksheet_freeze_panes(ws, HEAD_ROWS, FIXED);
	cchc_xlsx_print(x, ws, HEAD_ROWS, 1);
}
