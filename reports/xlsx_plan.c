/* Sheet "Kế hoạch": the task table of the plan's appendix (TT, Nội dung nhiệm
 * vụ, Giải pháp khắc phục, Chủ trì, Phối hợp, Thời gian hoàn thành) by area,
 * as gap_text.c prints it: area rows I, II, …, tasks numbered within their
 * area, the target-rank tasks marked "*" and shaded. Two columns follow for
 * reference: the criterion and the points lost under the remedy. */
#include <stdio.h>

#include "xlsx_priv.h"

enum { C_TT, C_TASK, C_SOLUTION, C_OWNER, C_SUPPORT, C_WHEN, C_CRITERION, C_LOST, C_COUNT };

static const double widths[C_COUNT] = {6, 42, 42, 22, 22, 16, 9, 9};

/* A row as tall as its tallest wrapped cell. */
static void fit_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const char *const *texts)
{
	size_t lines = 1;
	for (lxw_col_t c = 0; c < C_COUNT; c++) {
		size_t n = texts[c] ? cchc_xlsx_lines(texts[c], widths[c]) : 1;
		lines = n > lines ? n : lines;
	}
	cchc_xlsx_row_lines(x, ws, row, lines);
}


static void area_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, size_t area)
{
	const cchc_gap *g = x->gap;
	cchc_xlsx_str(x, ws, row, C_TT, cchc_roman(area),
	              x->group);
	cchc_xlsx_str(x, ws, row, C_TASK, g->areas[area], x->group);
	for (lxw_col_t c = C_SOLUTION; c < C_COUNT; c++)
		cchc_xlsx_blank(x, ws, row, c, x->group);
	const char *texts[C_COUNT] = {NULL, g->areas[area]};
	fit_row(x, ws, row, texts);
}

static void task_row(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, const cchc_gap_task *t,
                     size_t tt)
{
	const cchc_remedy *r = t->remedy;
	const int mark = t->in_recovery;
	lxw_format *text = mark ? x->mark : x->wrap;
	char num[32];
	snprintf(num, sizeof num, "%zu%s", tt, mark ? "*" : "");
	cchc_xlsx_str(x, ws, row, C_TT, num, mark ? x->mark_centre : x->centre);
	cchc_xlsx_str(x, ws, row, C_TASK, r->task ? r->task : t->criterion->title, text);
	cchc_xlsx_str(x, ws, row, C_SOLUTION, r->solution, text);
	cchc_xlsx_str(x, ws, row, C_OWNER, r->owner, text);
	cchc_xlsx_str(x, ws, row, C_SUPPORT, r->support, text);
	cchc_xlsx_str(x, ws, row, C_WHEN, r->when, text);
	char ids[256] = "";
	size_t len = 0;
	for (size_t c = 0; c < t->ncriteria && len < sizeof ids; c++)
		len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%s", c ? ", " : "",
		                        t->criteria[c]->id);
	cchc_xlsx_str(x, ws, row, C_CRITERION, ids, text);
	cchc_xlsx_points(x, ws, row, C_LOST, t->lost, mark ? x->mark_pts : x->pts);
	const char *texts[C_COUNT] = {num, r->task ? r->task : t->criterion->title,
	                              r->solution, r->owner, r->support, r->when, ids};
	fit_row(x, ws, row, texts);
}

void cchc_xlsx_sheet_plan(cchc_xlsx *x)
{
	const cchc_gap *g = x->gap;
	lxw_worksheet *ws = cchc_xlsx_sheet(x, cchc_str(CCHC_STR_XLSX_SHEET_PLAN, x->L));
	if (!ws)
		return;
	static const cchc_str_id heads[C_COUNT] = {
		CCHC_STR_GAP_TT,      CCHC_STR_GAP_TASK, CCHC_STR_GAP_SOLUTION, CCHC_STR_GAP_OWNER,
		CCHC_STR_GAP_SUPPORT, CCHC_STR_GAP_WHEN, CCHC_STR_CRITERION,    CCHC_STR_GAP_LOST,
	};
	const char *htexts[C_COUNT];
	for (lxw_col_t c = 0; c < C_COUNT; c++) {
		cchc_xlsx_label(x, ws, 0, c, heads[c], x->head);
		htexts[c] = cchc_str(heads[c], x->L);
	}
	fit_row(x, ws, 0, htexts);
	lxw_row_t row = 1;
	size_t area = (size_t)-1, tt = 0;
	int any_selected = 0;
	for (size_t i = 0; i < g->ntasks && !x->failed; i++) {
		const cchc_gap_task *t = &g->tasks[i];
		if (t->area != area) {
			area = t->area;
			tt = 0;
			area_row(x, ws, row++, area);
		}
		task_row(x, ws, row++, t, ++tt);
		any_selected |= t->in_recovery;
	}
	row++;
	if (any_selected)
		cchc_xlsx_label(x, ws, row++, 0, CCHC_STR_GAP_SELECTED, NULL);
	if (g->nlost_without_remedy) {
		char n[24];
		snprintf(n, sizeof n, "%zu", g->nlost_without_remedy);
		const char *args[] = {n};
		cchc_xlsx_fill(x, ws, row++, 0, CCHC_STR_GAP_NO_REMEDY, args, 1, NULL);
	}
	for (lxw_col_t c = 0; c < C_COUNT; c++)
		cchc_xlsx_width(x, ws, c, c, widths[c], NULL);
	worksheet_freeze_panes(ws, 1, 0);
	cchc_xlsx_print(x, ws, 1, 1);
}
