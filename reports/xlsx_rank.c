/* Sheet "Xếp hạng": one row per agency per block, the ranking columns of the
 * ranking CSV with real numbers and labels in the report's language. The
 * groups' points and ranks have their own sheet (xlsx_groups.c), so that this
 * one prints on one A4 page across, readably. */
#include <stdio.h>
#include <string.h>

#include "xlsx_priv.h"

#define NAME_MIN 20
#define NAME_MAX 34 /* a longer name wraps (its row grows): the sheet prints on A4 across */

/* The self-check column only when some criteria set has one. */
static int any_self_check(const cchc_ranking *r)
{
	for (size_t k = 0; k < r->nblocks; k++) {
		cchc_points tol, pen;
		if (cchc_criteria_self_check(r->blocks[k].set, &tol, &pen))
			return 1;
	}
	return 0;
}

enum {
	C_BLOCK, C_RANK, C_OF, C_ID, C_NAME, C_TOTAL, C_MAX, C_INDEX, C_BAND, C_GAP_TOP,
	C_GAP_BOTTOM, C_GAP_ABOVE, C_FULL, C_PARTIAL, C_ZERO, C_SELF, C_DEVIATION, C_FIXED
};

static const cchc_str_id heads[C_FIXED] = {
	CCHC_STR_BLOCK,        CCHC_STR_RANK,       CCHC_STR_XLSX_OF,      CCHC_STR_XLSX_AGENCY_ID,
	CCHC_STR_AGENCY,       CCHC_STR_TOTAL,      CCHC_STR_MAX,          CCHC_STR_INDEX,
	CCHC_STR_BAND,         CCHC_STR_GAP_TOP,    CCHC_STR_GAP_BOTTOM,   CCHC_STR_GAP_ABOVE,
	CCHC_STR_XLSX_FULL,    CCHC_STR_XLSX_PARTIAL, CCHC_STR_XLSX_ZERO,  CCHC_STR_SELF,
	CCHC_STR_DEVIATION,
};

static void agency_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_block *b,
                       const cchc_rank_entry *e, int self_check)
{
	const cchc_score *s = e->score;
	cchc_xlsx_str(x, ws, row, C_BLOCK, cchc_criteria_title(b->set), x->cell);
	cchc_xlsx_number(x, ws, row, C_RANK, (double)e->rank, x->count);
	cchc_xlsx_number(x, ws, row, C_OF, (double)e->of, x->count);
	cchc_xlsx_str(x, ws, row, C_ID, cchc_assessment_agency_id(s->assessment), x->cell);
	cchc_xlsx_str(x, ws, row, C_NAME, cchc_xlsx_agency_name(e), x->wrap);
	cchc_xlsx_points(x, ws, row, C_TOTAL, s->total, x->pts);
	cchc_xlsx_points(x, ws, row, C_MAX, s->max, x->pts);
	/* the index is in hundredths of a percent: 7000 is 70 %, the share 0.7 */
	cchc_xlsx_number(x, ws, row, C_INDEX, (double)s->index / 10000.0, x->pct);
	cchc_xlsx_str(x, ws, row, C_BAND, s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, x->L),
	              x->cell);
	cchc_xlsx_points(x, ws, row, C_GAP_TOP, e->gap_top, x->pts);
	cchc_xlsx_points(x, ws, row, C_GAP_BOTTOM, e->gap_bottom, x->pts);
	cchc_xlsx_points(x, ws, row, C_GAP_ABOVE, e->gap_above, x->pts);
	cchc_xlsx_number(x, ws, row, C_FULL, (double)e->leaves_full, x->count);
	cchc_xlsx_number(x, ws, row, C_PARTIAL, (double)e->leaves_partial, x->count);
	cchc_xlsx_number(x, ws, row, C_ZERO, (double)e->leaves_zero, x->count);
	if (s->has_self) {
		cchc_xlsx_points(x, ws, row, C_SELF, s->self_total, x->pts);
		cchc_xlsx_points(x, ws, row, C_DEVIATION, e->self_deviation, x->pts_signed);
	} else { /* nothing claimed: no deviation to state */
		cchc_xlsx_blank(x, ws, row, C_SELF, x->pts);
		cchc_xlsx_blank(x, ws, row, C_DEVIATION, x->pts_signed);
	}
	if (self_check)
		cchc_xlsx_points(x, ws, row, C_FIXED, s->self_check, x->pts);
}

void cchc_xlsx_sheet_ranking(cchc_xlsx *x)
{
	const cchc_ranking *r = x->r;
	lxw_worksheet *ws = cchc_xlsx_sheet(x, cchc_str(CCHC_STR_XLSX_SHEET_RANKING, x->L));
	if (!ws)
		return;
	const int self_check = any_self_check(r);

	for (lxw_col_t c = 0; c < C_FIXED; c++)
		cchc_xlsx_label(x, ws, 0, c, heads[c], x->head);
	/* the columns whose meaning is not obvious say it on their header */
	static const struct {
		lxw_col_t col;
		cchc_str_id note;
	} notes[] = {{C_GAP_TOP, CCHC_STR_XLSX_NOTE_GAP_TOP},
	             {C_GAP_BOTTOM, CCHC_STR_XLSX_NOTE_GAP_BOTTOM},
	             {C_GAP_ABOVE, CCHC_STR_XLSX_NOTE_GAP_ABOVE},
	             {C_DEVIATION, CCHC_STR_XLSX_NOTE_DEVIATION}};
	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
		cchc_xlsx_comment(x, ws, 0, notes[i].col, cchc_str(notes[i].note, x->L));
	lxw_col_t col = C_FIXED;
	if (self_check)
		cchc_xlsx_label(x, ws, 0, col++, CCHC_STR_SELF_CHECK, x->head);
	const lxw_col_t last_col = (lxw_col_t)(col - 1);

	lxw_row_t row = 1;
	size_t name_w = NAME_MIN, band_w = 10, block_w = 8;
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		size_t w = cchc_xlsx_text_width(cchc_criteria_title(b->set)) + 2;
		block_w = w > block_w ? w : block_w;
		for (size_t i = 0; i < b->n && !x->failed; i++, row++) {
			const cchc_rank_entry *e = &b->entries[i];
			agency_row(x, ws, row, b, e, self_check);
			w = cchc_xlsx_text_width(cchc_xlsx_agency_name(e)) + 2;
			name_w = w > name_w ? w : name_w;
			const cchc_band *band = e->score->band;
			w = cchc_xlsx_text_width(band ? band->label : cchc_str(CCHC_STR_NO_BAND, x->L)) + 2;
			band_w = w > band_w ? w : band_w;
		}
	}

	/* widths, then a header row tall enough for the longest label */
	double widths[C_FIXED] = {[C_RANK] = 7, [C_OF] = 7, [C_ID] = 11, [C_TOTAL] = 9, [C_MAX] = 9,
	                          [C_INDEX] = 9};
	widths[C_BLOCK] = (double)(block_w > 24 ? 24 : block_w);
	widths[C_NAME] = (double)(name_w > NAME_MAX ? NAME_MAX : name_w);
	widths[C_BAND] = (double)(band_w > 20 ? 20 : band_w);
	for (lxw_col_t c = C_GAP_TOP; c < C_FIXED; c++)
		widths[c] = 8.5;
	size_t lines = 1;
	for (lxw_col_t c = 0; c <= last_col; c++) {
		const double w = c < C_FIXED ? widths[c] : 8.5;
			cchc_xlsx_width(x, ws, c, c, w, NULL);
		const char *label = c < C_FIXED ? cchc_str(heads[c], x->L)
		                    : self_check && c == C_FIXED ? cchc_str(CCHC_STR_SELF_CHECK, x->L)
		                                                 : "";
		size_t n = cchc_xlsx_lines(label, w);
		lines = n > lines ? n : lines;
	}
	cchc_xlsx_row_lines(x, ws, 0, lines);
	row = 1;
	for (size_t k = 0; k < r->nblocks; k++)
		for (size_t i = 0; i < r->blocks[k].n; i++, row++)
			cchc_xlsx_row_lines(x, ws, row,
			                    cchc_xlsx_lines(cchc_xlsx_agency_name(&r->blocks[k].entries[i]),
			                                    widths[C_NAME]));
	worksheet_freeze_panes(ws, 1, C_NAME + 1);
	if (row > 1)
		cchc_xlsx_check(x, worksheet_autofilter(ws, 0, 0, row - 1, last_col));
	cchc_xlsx_print(x, ws, 1, 1);
	worksheet_activate(ws);
}
