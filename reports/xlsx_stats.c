/* Sheet "Thống kê": per block, every group and criterion across the block's
 * agencies (the engine's statistics: mean, median, sd, lowest, highest, share
 * at full, agencies losing, points lost), then the block's totals. Blocks
 * follow one another under one header row. */
#include <stdio.h>

#include "xlsx_priv.h"

enum {
	C_ID, C_TITLE, C_MAX, C_N, C_MEAN, C_MEDIAN, C_SD, C_LOW, C_HIGH, C_SHARE, C_LOSING, C_LOST,
	C_COUNT
};

static const cchc_str_id heads[C_COUNT] = {
	CCHC_STR_XLSX_ID,  CCHC_STR_XLSX_TITLE, CCHC_STR_MAX,     CCHC_STR_XLSX_N,
	CCHC_STR_MEAN,     CCHC_STR_MEDIAN,     CCHC_STR_SD,      CCHC_STR_LOWEST,
	CCHC_STR_HIGHEST,  CCHC_STR_SHARE_FULL, CCHC_STR_AGENCIES_LOSING, CCHC_STR_POINTS_LOST,
};

static const double widths[C_COUNT] = {9, 60, 9, 9, 11, 11, 11, 11, 11, 11, 11, 11};
#define INDENT_W 3 /* characters one indent level takes */

typedef struct {
	lxw_format *text, *pts, *count, *pct;
} row_formats;

/* n, mean, median, sd, lowest, highest; blanks when no agency counted. */
static void figures(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_stat *st,
                    const row_formats *f)
{
	cchc_xlsx_number(x, ws, row, C_N, (double)st->n, f->count);
	const double v[] = {st->mean, st->median, st->sd, st->min, st->max};
	for (lxw_col_t c = C_MEAN; c <= C_HIGH; c++) {
		if (st->n)
			cchc_xlsx_number(x, ws, row, c, v[c - C_MEAN], f->pts);
		else
			cchc_xlsx_blank(x, ws, row, c, f->pts);
	}
}

static void node_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_node *n,
                     const cchc_stat *st)
{
	const int group = n->depth == 0;
	const int penalty = n->group->kind == CCHC_GROUP_PENALTY;
	const int level = group ? 0 : n->depth > 4 ? 3 : n->depth - 1;
	const row_formats f = {group ? x->group : x->indent[level],
	                       group ? x->group_pts : x->pts, group ? x->group_count : x->count,
	                       group ? x->group_pct : x->pct};
	cchc_xlsx_str(x, ws, row, C_ID, n->id, group ? x->group : x->cell);
	cchc_xlsx_str(x, ws, row, C_TITLE, n->title, f.text);
	cchc_xlsx_row_lines(x, ws, row, cchc_xlsx_lines(n->title, widths[C_TITLE] - INDENT_W * level));
	cchc_xlsx_points(x, ws, row, C_MAX, penalty ? n->min : n->max, f.pts);
	figures(x, ws, row, st, &f);
	if (penalty || !st->n) /* a share at full means nothing for a deduction */
		cchc_xlsx_blank(x, ws, row, C_SHARE, f.pct);
	else
		cchc_xlsx_number(x, ws, row, C_SHARE, st->share_full, f.pct);
	cchc_xlsx_number(x, ws, row, C_LOSING, (double)st->below_max, f.count);
	cchc_xlsx_points(x, ws, row, C_LOST, st->points_lost, f.pts);
}

static void total_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, cchc_str_id label,
                      const cchc_stat *st, cchc_points max)
{
	const row_formats f = {x->group, x->group_pts, x->group_count, x->group_pct};
	cchc_xlsx_blank(x, ws, row, C_ID, x->group);
	cchc_xlsx_label(x, ws, row, C_TITLE, label, x->group);
	cchc_xlsx_points(x, ws, row, C_MAX, max, x->group_pts);
	figures(x, ws, row, st, &f);
	for (lxw_col_t c = C_SHARE; c < C_COUNT; c++)
		cchc_xlsx_blank(x, ws, row, c, x->group);
}

/* "<the set's title> — Năm 2018 — 21 cơ quan": a title, never an id */
static void block_title(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_block *b)
{
	cchc_buf line;
	cchc_buf_init(&line, CCHC_XLSX_TEXT_MAX);
	cchc_buf_printf(&line, "%s \xE2\x80\x94 %s %d \xE2\x80\x94 %zu %s", cchc_criteria_title(b->set),
	                cchc_str(CCHC_STR_YEAR, x->L), cchc_criteria_year(b->set), b->n,
	                cchc_str_agencies(b->n, x->L));
	if (line.failed)
		x->failed = 1;
	else
		cchc_xlsx_str(x, ws, row, C_ID, line.data, x->bold);
	cchc_buf_dispose(&line);
}

void cchc_xlsx_sheet_stats(cchc_xlsx *x)
{
	lxw_worksheet *ws = cchc_xlsx_sheet(x, cchc_str(CCHC_STR_XLSX_SHEET_STATS, x->L));
	if (!ws)
		return;
	size_t lines = 1;
	for (lxw_col_t c = 0; c < C_COUNT; c++) {
		cchc_xlsx_label(x, ws, 0, c, heads[c], x->head);
		size_t n = cchc_xlsx_lines(cchc_str(heads[c], x->L), widths[c]);
		lines = n > lines ? n : lines;
	}
	cchc_xlsx_row_lines(x, ws, 0, lines);
	lxw_row_t row = 1;
	for (size_t k = 0; k < x->r->nblocks && !x->failed; k++) {
		const cchc_block *b = &x->r->blocks[k];
		if (k)
			row++; /* a blank line between blocks */
		block_title(x, ws, row++, b);
		size_t nnodes;
		const cchc_node *const *nodes = cchc_criteria_nodes(b->set, &nnodes);
		for (size_t i = 0; i < nnodes && !x->failed; i++)
			node_row(x, ws, row++, nodes[i], &b->nodes[nodes[i]->index]);
		total_row(x, ws, row++, CCHC_STR_TOTAL, &b->total, cchc_criteria_max(b->set));
		if (b->self_total.n) {
			total_row(x, ws, row++, CCHC_STR_SELF, &b->self_total, cchc_criteria_max(b->set));
			total_row(x, ws, row++, CCHC_STR_XLSX_SELF_FINAL, &b->self_final,
			          cchc_criteria_max(b->set));
		}
	}
	for (lxw_col_t c = 0; c < C_COUNT; c++)
		cchc_xlsx_width(x, ws, c, c, widths[c], NULL);
	worksheet_freeze_panes(ws, 1, C_TITLE + 1);
	cchc_xlsx_print(x, ws, 1, 1);
}
