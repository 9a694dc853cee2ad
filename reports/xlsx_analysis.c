/* Sheet "Phân tích": one agency's gap analysis as figures: its position, the
 * criteria it lost points on (points, max, cause, reason), lost points by
 * cause, and what the target rank takes. The wording matches gap_text.c. */
#include <stdio.h>
#include <string.h>

#include "xlsx_priv.h"


enum { C_ID, C_TITLE, C_POINTS, C_MAX, C_LOST, C_CAUSE, C_REASON, C_EFFORT, C_PLAN, C_COUNT };

static const double widths[C_COUNT] = {9, 48, 9, 9, 9, 20, 60, 10, 10};

typedef struct {
	cchc_xlsx *x;
	lxw_worksheet *ws;
	const cchc_gap *g;
	lxw_row_t row;
	int section;
} sheet;

static void heading(sheet *s, cchc_str_id title)
{
	char num[16];
	snprintf(num, sizeof num, "%d. ", ++s->section);
	cchc_buf b;
	cchc_buf_init(&b, 1 << 12);
	cchc_buf_printf(&b, "%s%s", num, cchc_str(title, s->x->L));
	cchc_xlsx_str(s->x, s->ws, s->row++, 0, b.data ? b.data : "", s->x->bold);
	if (b.failed)
		s->x->failed = 1;
	cchc_buf_dispose(&b);
}

static void sentence(sheet *s, cchc_str_id id, const char *const *args, size_t nargs)
{
	cchc_xlsx_fill(s->x, s->ws, s->row++, 0, id, args, nargs, NULL);
}

static void title_block(sheet *s)
{
	cchc_xlsx *x = s->x;
	const cchc_score *sc = s->g->entry->score;
	cchc_xlsx_label(x, s->ws, s->row++, 0, CCHC_STR_GAP_TITLE, x->title);
	cchc_buf b;
	cchc_buf_init(&b, CCHC_XLSX_TEXT_MAX);
	cchc_buf_printf(&b, "%s: %s (%s) \xC2\xB7 %s %d \xC2\xB7 %s: %s",
	                cchc_str(CCHC_STR_AGENCY, x->L), cchc_xlsx_agency_name(s->g->entry),
	                cchc_assessment_agency_id(sc->assessment), cchc_str(CCHC_STR_YEAR, x->L),
	                cchc_assessment_year(sc->assessment),
	                cchc_str(CCHC_STR_CRITERIA_SET, x->L), cchc_criteria_title(sc->set));
	if (b.failed)
		x->failed = 1;
	else
		cchc_xlsx_str(x, s->ws, s->row++, 0, b.data, NULL);
	cchc_buf_dispose(&b);
	s->row++;
}

static void position(sheet *s)
{
	const cchc_gap *g = s->g;
	heading(s, CCHC_STR_GAP_POSITION);
	cchc_buf b;
	cchc_buf_init(&b, CCHC_XLSX_TEXT_MAX);
	if (cchc_render_position(&b, g->entry, s->x->L) < 0)
		s->x->failed = 1;
	else
		cchc_xlsx_str(s->x, s->ws, s->row++, 0, b.data, NULL);
	cchc_buf_dispose(&b);
	if (g->previous) {
		char r[24], of[24], tot[CCHC_FMT_SIZE], dr[24], dt[CCHC_FMT_SIZE];
		long moved = (long)g->previous->rank - (long)g->entry->rank; /* up is positive */
		snprintf(r, sizeof r, "%zu", g->previous->rank);
		snprintf(of, sizeof of, "%zu", g->previous->of);
		cchc_fmt_points_short(tot, g->previous->score->total, s->x->L);
		snprintf(dr, sizeof dr, "%+ld", moved);
		cchc_fmt_points_signed(dt, g->entry->score->total - g->previous->score->total, s->x->L);
		const char *args[] = {r, of, tot, dr, dt};
		sentence(s, CCHC_STR_GAP_PREVIOUS, args, 5);
	}
	s->row++;
}

static void lost_criteria(sheet *s)
{
	cchc_xlsx *x = s->x;
	const cchc_gap *g = s->g;
	static const cchc_str_id heads[C_COUNT] = {
		CCHC_STR_CRITERION, CCHC_STR_XLSX_TITLE,  CCHC_STR_POINTS,      CCHC_STR_MAX,
		CCHC_STR_GAP_LOST,  CCHC_STR_CAUSE,       CCHC_STR_XLSX_REASON, CCHC_STR_GAP_EFFORT,
		CCHC_STR_XLSX_IN_PLAN,
	};
	heading(s, CCHC_STR_XLSX_LOST);
	size_t lines = 1;
	for (lxw_col_t c = 0; c < C_COUNT; c++) {
		cchc_xlsx_label(x, s->ws, s->row, c, heads[c], x->head);
		size_t n = cchc_xlsx_lines(cchc_str(heads[c], x->L), widths[c]);
		lines = n > lines ? n : lines;
	}
	cchc_xlsx_row_lines(x, s->ws, s->row, lines);
	s->row++;
	cchc_buf reason;
	cchc_buf_init(&reason, CCHC_XLSX_TEXT_MAX);
	for (size_t i = 0; i < g->nlosses && !x->failed; i++, s->row++) {
		const cchc_loss *l = &g->losses[i];
		const int mark = l->in_recovery;
		lxw_format *text = mark ? x->mark : x->wrap, *pts = mark ? x->mark_pts : x->pts;
		cchc_xlsx_str(x, s->ws, s->row, C_ID, l->leaf->id, text);
		cchc_xlsx_str(x, s->ws, s->row, C_TITLE, l->leaf->title, text);
		cchc_xlsx_points(x, s->ws, s->row, C_POINTS, l->ns->points, pts);
		cchc_xlsx_points(x, s->ws, s->row, C_MAX, l->ns->max, pts);
		cchc_xlsx_points(x, s->ws, s->row, C_LOST, l->lost, pts);
		cchc_xlsx_str(x, s->ws, s->row, C_CAUSE, cchc_cause_label(l->ns->cause, x->L), text);
		reason.len = 0;
		if (reason.data)
			reason.data[0] = '\0';
		if (cchc_reason_format(&reason, l->leaf, l->ns, x->L) < 0)
			x->failed = 1;
		cchc_xlsx_str(x, s->ws, s->row, C_REASON, reason.data ? reason.data : "", text);
		cchc_xlsx_number(x, s->ws, s->row, C_EFFORT, (double)l->effort,
		                 mark ? x->mark_centre : x->count);
		cchc_xlsx_str(x, s->ws, s->row, C_PLAN, mark ? "*" : "", mark ? x->mark_centre : x->centre);
		const char *texts[] = {l->leaf->title, cchc_cause_label(l->ns->cause, x->L),
		                       reason.data ? reason.data : ""};
		const lxw_col_t cols[] = {C_TITLE, C_CAUSE, C_REASON};
		lines = 1;
		for (size_t k = 0; k < 3; k++) {
			size_t n = cchc_xlsx_lines(texts[k], widths[cols[k]]);
			lines = n > lines ? n : lines;
		}
		cchc_xlsx_row_lines(x, s->ws, s->row, lines);
	}
	cchc_buf_dispose(&reason);
	s->row++;
}

static void causes(sheet *s)
{
	cchc_xlsx *x = s->x;
	const cchc_gap *g = s->g;
	heading(s, CCHC_STR_GAP_CAUSES);
	cchc_xlsx_label(x, s->ws, s->row, 0, CCHC_STR_GAP_TT, x->head);
	cchc_xlsx_label(x, s->ws, s->row, 1, CCHC_STR_CAUSE, x->head);
	cchc_xlsx_label(x, s->ws, s->row, 2, CCHC_STR_COUNTS, x->head);
	cchc_xlsx_label(x, s->ws, s->row, 3, CCHC_STR_GAP_LOST, x->head);
	s->row++;
	size_t order[CCHC_GAP_NCAUSES];
	cchc_gap_cause_order(g, order); /* most points lost first */
	size_t tt = 0, nlost = 0;
	for (size_t i = 0; i < CCHC_GAP_NCAUSES; i++) {
		cchc_cause cause = cchc_gap_causes[order[i]].cause;
		if (!g->count_by_cause[cause])
			continue;
		cchc_xlsx_number(x, s->ws, s->row, 0, (double)++tt, x->count);
		cchc_xlsx_label(x, s->ws, s->row, 1, cchc_gap_causes[order[i]].label, x->wrap);
		cchc_xlsx_row_lines(
			x, s->ws, s->row,
			cchc_xlsx_lines(cchc_str(cchc_gap_causes[order[i]].label, x->L), widths[C_TITLE]));
		cchc_xlsx_number(x, s->ws, s->row, 2, (double)g->count_by_cause[cause], x->count);
		cchc_xlsx_points(x, s->ws, s->row, 3, g->lost_by_cause[cause], x->pts);
		nlost += g->count_by_cause[cause];
		s->row++;
	}
	cchc_xlsx_blank(x, s->ws, s->row, 0, x->group);
	cchc_xlsx_label(x, s->ws, s->row, 1, CCHC_STR_XLSX_ALL, x->group);
	cchc_xlsx_number(x, s->ws, s->row, 2, (double)nlost, x->group_count);
	cchc_xlsx_points(x, s->ws, s->row, 3, g->recoverable, x->group_pts);
	s->row += 2;
}

static void figure(sheet *s, cchc_str_id label, double v, lxw_format *f)
{
	cchc_xlsx_label(s->x, s->ws, s->row, 1, label, s->x->cell);
	cchc_xlsx_number(s->x, s->ws, s->row, 2, v, f);
	s->row++;
}

/* The chosen criteria's ids on one row. */
static void chosen_ids(sheet *s)
{
	cchc_xlsx *x = s->x;
	const cchc_gap *g = s->g;
	size_t ids = 0;
	cchc_buf list;
	cchc_buf_init(&list, CCHC_XLSX_TEXT_MAX);
	for (size_t i = 0; i < g->nlosses; i++)
		if (g->losses[i].in_recovery)
			cchc_buf_printf(&list, "%s%s", ids++ ? ", " : "", g->losses[i].leaf->id);
	if (list.failed)
		x->failed = 1;
	else if (ids)
		cchc_xlsx_str(x, s->ws, s->row++, 0, list.data, NULL);
	cchc_buf_dispose(&list);
}

static void target(sheet *s)
{
	cchc_xlsx *x = s->x;
	const cchc_gap *g = s->g;
	heading(s, CCHC_STR_GAP_TARGET);
	sentence(s, CCHC_STR_GAP_ASSUMPTION, NULL, 0);
	s->row++;
	figure(s, CCHC_STR_XLSX_RANK_NOW, (double)g->entry->rank, x->count);
	if (g->target_rank) {
		figure(s, CCHC_STR_XLSX_TARGET_RANK, (double)g->target_rank, x->count);
		figure(s, CCHC_STR_XLSX_NEEDED, (double)g->needed / 100.0, x->pts);
	}
	figure(s, CCHC_STR_XLSX_RECOVERABLE, (double)g->recoverable / 100.0, x->pts);
	if (g->target_rank && g->needed > 0 && g->reachable) {
		figure(s, CCHC_STR_XLSX_NRECOVERY, (double)g->nrecovery, x->count);
		figure(s, CCHC_STR_XLSX_RECOVERED, (double)g->recovered / 100.0, x->pts);
		figure(s, CCHC_STR_GAP_EFFORT, (double)g->recovery_effort, x->count);
	}
	figure(s, CCHC_STR_XLSX_BEST_RANK, (double)g->best_rank, x->count);
	s->row++;

	cchc_gap_sentences ss;
	cchc_gap_target_sentences(g, x->L, &ss);
	for (size_t i = 1; i < ss.n; i++) { /* the assumption is already above the figures */
		sentence(s, ss.s[i].id, ss.s[i].args, ss.s[i].nargs);
		if (i == ss.table_after)
			chosen_ids(s);
	}
}

void cchc_xlsx_sheet_analysis(cchc_xlsx *x)
{
	lxw_worksheet *ws = cchc_xlsx_sheet(x, cchc_str(CCHC_STR_XLSX_SHEET_ANALYSIS, x->L));
	if (!ws)
		return;
	sheet s = {x, ws, x->gap, 0, 0};
	title_block(&s);
	position(&s);
	lost_criteria(&s);
	causes(&s);
	target(&s);
	for (lxw_col_t c = 0; c < C_COUNT; c++)
		cchc_xlsx_width(x, ws, c, c, widths[c], NULL);
	cchc_xlsx_print(x, ws, 0, 1);
}
