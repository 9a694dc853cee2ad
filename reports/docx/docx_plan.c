/* The plan's word/document.xml, shaped like 267/KH-SKHĐT in the layout of
 * Nghị định 30/2020/NĐ-CP, Phụ lục I: the header table, tên loại and trích
 * yếu, I. Mục đích, yêu cầu; II. the results (position, each group with the
 * criteria achieved named and each lost one with its points and reason,
 * lost points by cause, the charts); III. the target (the shared sentences
 * of cchc_gap_target_sentences and the chosen criteria); IV. the tasks by
 * area; V. implementation; nơi nhận and the signature; then, in a landscape
 * section, the appendix task table whose header row repeats on every page.
 * Every figure comes from the gap and the shared helpers. */
#include <stdio.h>
#include <string.h>

#include "docx_priv.h"

typedef struct plan {
	dx d;
	const cchc_gap *gap;
	const cchc_docx_info *info;
	const dx_chart *charts;
	cchc_lang L;
	const char *agency; /* the agency's name */
	char year[16], next[16];
	cchc_buf line;
	int figure;
	dx_tasks tasks;
	dx_head head;
} plan;

/* A template filled into the plan's scratch line; valid until the next call. */
static const char *fill(plan *p, dx_str_id id, const char *const *args, size_t n)
{
	p->line.len = 0;
	dx_fill(&p->line, id, p->L, args, n);
	return p->line.data ? p->line.data : "";
}

static const char *fill_str(plan *p, cchc_str_id id, const char *const *args, size_t n)
{
	p->line.len = 0;
	cchc_str_fill(&p->line, id, p->L, args, n);
	return p->line.data ? p->line.data : "";
}

static void heading(plan *p, int level, const char *text)
{
	const dx_para h = {.style = level == 1 ? "Heading1" : "Heading2"};
	dx_para_text(&p->d, &h, text);
}

static void body(plan *p, const char *text)
{
	dx_para_text(&p->d, NULL, text);
}

static void title(plan *p)
{
	const dx_para kind = {.style = "Title", .before = 360};
	const dx_para subject = {.style = "Title"};
	dx_para_text(&p->d, &kind, dx_str(DX_KIND, p->L));
	const char *args[] = {p->next, p->agency};
	dx_para_text(&p->d, &subject, fill(p, DX_SUBJECT, args, 2));
	dx_rule(&p->d, DX_TEXT_W, DX_MM(40));
	const char *intro[] = {p->year, cchc_criteria_title(p->gap->entry->score->set), p->agency,
	                       p->next};
	const dx_para first = {.before = 240};
	dx_para_text(&p->d, &first, fill(p, DX_INTRO, intro, 4));
}

/* ---- I ---- */

static void purpose(plan *p)
{
	heading(p, 1, dx_str(DX_S1, p->L));
	heading(p, 2, dx_str(DX_S1_PURPOSE, p->L));
	const char *args[] = {p->year, p->next, p->agency};
	body(p, fill(p, DX_S1_PURPOSE_TEXT, args, 3));
	heading(p, 2, dx_str(DX_S1_DEMAND, p->L));
	body(p, dx_str(DX_S1_DEMAND_TEXT, p->L));
}

/* ---- II ---- */

static void figure(plan *p, int which, cchc_str_id caption)
{
	const dx_chart *c = &p->charts[which];
	if (!c->png.len)
		return;
	char rid[32], n[16];
	snprintf(rid, sizeof rid, "rIdImg%d", which + 1);
	snprintf(n, sizeof n, "%d", ++p->figure);
	const dx_para pic = {.jc = "center", .first_line = -1, .keep_next = 1, .before = 120};
	dx_p_begin(&p->d, &pic);
	dx_picture(&p->d, rid, which + 1, c->cx, c->cy, cchc_str(caption, p->L));
	dx_p_end(&p->d);
	const char *args[] = {n, cchc_str(caption, p->L)};
	const dx_para cap = {.style = "Caption"};
	dx_para_text(&p->d, &cap, fill(p, DX_FIGURE, args, 2));
}

static void position(plan *p)
{
	const cchc_gap *g = p->gap;
	heading(p, 2, dx_str(DX_S2_POSITION, p->L));
	p->line.len = 0;
	cchc_render_position(&p->line, g->entry, p->L);
	body(p, p->line.data ? p->line.data : "");
	if (g->previous) {
		char r[24], of[24], tot[CCHC_FMT_SIZE], dr[24], dt[CCHC_FMT_SIZE];
		snprintf(r, sizeof r, "%zu", g->previous->rank);
		snprintf(of, sizeof of, "%zu", g->previous->of);
		cchc_fmt_points_short(tot, g->previous->score->total, p->L);
		snprintf(dr, sizeof dr, "%+ld", (long)g->previous->rank - (long)g->entry->rank);
		cchc_fmt_points_signed(dt, g->entry->score->total - g->previous->score->total, p->L);
		const char *args[] = {r, of, tot, dr, dt};
		body(p, fill_str(p, CCHC_STR_GAP_PREVIOUS, args, 5));
	}
	figure(p, DX_CHART_PROFILE, CCHC_STR_HTML_CHART_PROFILE);
}

static const dx_para bullet = {.first_line = DX_MM(10), .after = 60};
static const dx_para sub_bullet = {.ind_left = DX_MM(10), .first_line = DX_MM(5), .after = 60};

/* "- 1.4 Số lượng tin bài…: đạt 0,25/1 điểm — Thực hiện chưa đầy đủ…: có 1 tin, bài…" */
static void lost_line(plan *p, const cchc_node *n, const cchc_node_score *ns, int sub)
{
	const cchc_score *s = p->gap->entry->score;
	char pts[CCHC_FMT_SIZE], max[CCHC_FMT_SIZE];
	cchc_fmt_points_short(pts, ns->points, p->L);
	cchc_fmt_points_short(max, ns->max, p->L);
	cchc_buf why;
	cchc_buf_init(&why, 1 << 16);
	if (!n->nchildren) { /* "label: reason" */
		cchc_buf_printf(&why, "%s: ", cchc_cause_label(ns->cause, p->L));
		size_t at = why.len;
		cchc_reason_format(&why, n, ns, p->L);
		if (why.len == at)
			why.len -= 2, why.data[why.len] = '\0';
	}
	const char *args[] = {n->id, n->title, pts, max, why.data ? why.data : ""};
	dx_p_begin(&p->d, sub ? &sub_bullet : &bullet);
	dx_run(&p->d, sub ? "+ " : "- ");
	/* a parent has no cause of its own: its lost sub-criteria follow */
	dx_run(&p->d, fill(p, n->nchildren ? DX_LOST_PARENT : DX_LOST_LINE, args, 5));
	dx_p_end(&p->d);
	cchc_buf_dispose(&why);
	for (size_t i = 0; i < n->nchildren; i++) {
		const cchc_node_score *cs = cchc_score_node(s, n->children[i]);
		if (!cs->excluded && cs->points < cs->max)
			lost_line(p, n->children[i], cs, 1);
	}
}

static void group_part(plan *p, const cchc_node *g, size_t k)
{
	const cchc_score *s = p->gap->entry->score;
	const cchc_node_score *gs = cchc_score_node(s, g);
	size_t low = 0, full = 0;
	for (size_t i = 0; i < g->nchildren; i++) {
		const cchc_node_score *cs = cchc_score_node(s, g->children[i]);
		low += !cs->excluded && cs->points < cs->max;
		full += !cs->excluded && cs->points >= cs->max;
	}
	char num[24], pts[CCHC_FMT_SIZE], max[CCHC_FMT_SIZE], nc[24], nl[24];
	snprintf(num, sizeof num, "2.%zu. ", k);
	cchc_fmt_points_short(pts, gs->points, p->L);
	cchc_fmt_points_short(max, gs->max, p->L);
	snprintf(nc, sizeof nc, "%zu", g->nchildren);
	snprintf(nl, sizeof nl, "%zu", low);
	const char *args[] = {cchc_str(CCHC_STR_GROUP, p->L), g->id, pts, max, g->title, nc, nl};
	const dx_para head = {.keep_next = 1, .before = 60};
	dx_p_begin(&p->d, &head);
	dx_run_as(&p->d, num, 1, -1);
	dx_run_as(&p->d, fill_str(p, CCHC_STR_GAP_GROUP_LINE, args, 7), 1, -1);
	dx_p_end(&p->d);
	const dx_para label = {.italic = 1, .keep_next = 1, .after = 60};
	if (full) {
		dx_para_text(&p->d, &label, dx_str(DX_ACHIEVED, p->L));
		for (size_t i = 0; i < g->nchildren; i++) {
			const cchc_node *c = g->children[i];
			const cchc_node_score *cs = cchc_score_node(s, c);
			if (cs->excluded || cs->points < cs->max)
				continue;
			p->line.len = 0;
			cchc_buf_printf(&p->line, "- %s %s", c->id, c->title);
			dx_para_text(&p->d, &bullet, p->line.data);
		}
	}
	if (low) {
		dx_para_text(&p->d, &label, dx_str(DX_NOT_ACHIEVED, p->L));
		for (size_t i = 0; i < g->nchildren; i++) {
			const cchc_node_score *cs = cchc_score_node(s, g->children[i]);
			if (!cs->excluded && cs->points < cs->max)
				lost_line(p, g->children[i], cs, 0);
		}
	}
}

static void causes(plan *p)
{
	const cchc_gap *g = p->gap;
	char pts[CCHC_FMT_SIZE], n[24];
	heading(p, 2, dx_str(DX_S2_CAUSES, p->L));
	size_t order[CCHC_GAP_NCAUSES];
	cchc_gap_cause_order(g, order);
	for (size_t i = 0; i < CCHC_GAP_NCAUSES; i++) {
		cchc_cause cause = cchc_gap_causes[order[i]].cause;
		if (!g->count_by_cause[cause])
			continue;
		cchc_fmt_points_short(pts, g->lost_by_cause[cause], p->L);
		snprintf(n, sizeof n, "%zu", g->count_by_cause[cause]);
		const char *args[] = {cchc_str(cchc_gap_causes[order[i]].label, p->L), n, pts};
		dx_p_begin(&p->d, &bullet);
		dx_run(&p->d, "- ");
		dx_run_as(&p->d, fill_str(p, CCHC_STR_GAP_CAUSE_LINE, args, 3), -1, 1);
		p->line.len = 0;
		for (size_t k = 0; k < g->nlosses; k++) {
			const cchc_loss *l = &g->losses[k];
			if (l->ns->cause != cause)
				continue;
			cchc_fmt_points_short(pts, l->lost, p->L);
			cchc_buf_printf(&p->line, "%s%s (\xE2\x88\x92%s)", p->line.len ? ", " : ": ",
			                l->leaf->id, pts);
		}
		dx_run(&p->d, p->line.data ? p->line.data : "");
		dx_p_end(&p->d);
	}
	cchc_fmt_points_short(pts, g->recoverable, p->L);
	const char *args[] = {pts};
	body(p, fill_str(p, CCHC_STR_GAP_RECOVERABLE, args, 1));
	figure(p, DX_CHART_PARETO, CCHC_STR_HTML_CHART_PARETO);
}

static void results(plan *p)
{
	const char *args[] = {p->year};
	heading(p, 1, fill(p, DX_S2, args, 1));
	position(p);
	heading(p, 2, dx_str(DX_S2_GROUPS, p->L));
	size_t ngroups, k = 0;
	const cchc_node *const *gs = cchc_criteria_groups(p->gap->entry->score->set, &ngroups);
	for (size_t i = 0; i < ngroups; i++)
		if (gs[i]->kind == CCHC_GROUP_SCORED || gs[i]->kind == CCHC_GROUP_SURVEY)
			group_part(p, gs[i], ++k);
	causes(p);
}

/* ---- tables ---- */

static const dx_para cell_text = {.style = "TableText"};
static const dx_para cell_head = {.style = "TableText", .jc = "center", .bold = 1};
static const dx_para cell_mid = {.style = "TableText", .jc = "center"};

static void cell(plan *p, int width, const dx_para *style, const char *text)
{
	dx_tc_begin(&p->d, width, 1, 0);
	dx_para_lines(&p->d, style, text);
	dx_tc_end(&p->d);
}

static void head_row(plan *p, const int *widths, const cchc_str_id *ids, size_t n)
{
	dx_tr_begin(&p->d, 1);
	for (size_t i = 0; i < n; i++) {
		dx_tc_begin(&p->d, widths[i], 1, 1);
		dx_para_text(&p->d, &cell_head, cchc_str(ids[i], p->L));
		dx_tc_end(&p->d);
	}
	dx_tr_end(&p->d);
}

/* The criteria the least-effort plan wins back. */
static void chosen_table(plan *p)
{
	const cchc_gap *g = p->gap;
	const int w[] = {DX_MM(16), DX_MM(77), DX_MM(44), DX_MM(14), DX_MM(14)};
	const cchc_str_id ids[] = {CCHC_STR_GAP_CRITERION, CCHC_STR_HTML_CONTENT, CCHC_STR_CAUSE,
	                           CCHC_STR_GAP_LOST, CCHC_STR_GAP_EFFORT};
	dx_tbl_begin(&p->d, w, 5, 1);
	head_row(p, w, ids, 5);
	for (size_t i = 0; i < g->nlosses; i++) {
		const cchc_loss *l = &g->losses[i];
		if (!l->in_recovery)
			continue;
		char lost[CCHC_FMT_SIZE], effort[24];
		cchc_fmt_points(lost, l->lost, p->L);
		snprintf(effort, sizeof effort, "%d", l->effort);
		dx_tr_begin(&p->d, 0);
		cell(p, w[0], &cell_text, l->leaf->id);
		cell(p, w[1], &cell_text, l->leaf->title);
		cell(p, w[2], &cell_text, cchc_cause_label(l->ns->cause, p->L));
		cell(p, w[3], &cell_mid, lost);
		cell(p, w[4], &cell_mid, effort);
		dx_tr_end(&p->d);
	}
	dx_tbl_end(&p->d);
}

/* ---- III, IV, V ---- */

static void target(plan *p)
{
	cchc_gap_sentences ss;
	heading(p, 1, dx_str(DX_S3, p->L));
	cchc_gap_target_sentences(p->gap, p->L, &ss);
	for (size_t i = 0; i < ss.n; i++) {
		body(p, fill_str(p, ss.s[i].id, ss.s[i].args, ss.s[i].nargs));
		if (i == ss.table_after) {
			chosen_table(p);
			dx_para_text(&p->d, &(dx_para){.after = -1, .size = 8}, "");
		}
	}
}

static void tasks_by_area(plan *p)
{
	heading(p, 1, dx_str(DX_S4, p->L));
	for (size_t a = 0; a < p->tasks.nareas; a++) {
		char num[32];
		snprintf(num, sizeof num, "%zu. ", a + 1);
		const dx_para h = {.style = "Heading2"};
		dx_p_begin(&p->d, &h);
		dx_run(&p->d, num);
		dx_run(&p->d, p->tasks.areas[a]);
		dx_p_end(&p->d);
		for (size_t i = 0; i < p->tasks.n; i++) {
			const dx_task *t = &p->tasks.t[i];
			if (t->area != a)
				continue;
			dx_p_begin(&p->d, &bullet);
			dx_run(&p->d, "- ");
			dx_run(&p->d, t->task);
			dx_run(&p->d, " ");
			const char *args[] = {t->criteria.data ? t->criteria.data : ""};
			dx_run_as(&p->d, fill(p, DX_SERVES, args, 1), -1, 1);
			dx_p_end(&p->d);
		}
	}
	body(p, dx_str(DX_S4_SEE, p->L));
}

static void implementation(plan *p)
{
	heading(p, 1, dx_str(DX_S5, p->L));
	const char *args[] = {p->agency};
	body(p, fill(p, DX_S5_1, args, 1));
	body(p, fill(p, DX_S5_2, args, 1));
}

/* ---- the appendix ---- */

static void appendix_head(plan *p)
{
	const dx_para kind = {.style = "Title"};
	const dx_para ref = {.jc = "center", .italic = 1, .first_line = -1, .after = -1};
	dx_para_text(&p->d, &kind, dx_str(DX_APPENDIX, p->L));
	const char *t[] = {p->next, p->agency};
	const dx_para caps = {.style = "Title", .caps = 1, .bold = 1};
	dx_para_text(&p->d, &caps, fill(p, DX_APPENDIX_TITLE, t, 2));
	const cchc_docx_info *in = p->info;
	char date[48] = "      /      /      ";
	if (in && in->year)
		snprintf(date, sizeof date, "%02d/%02d/%d", in->day, in->month, in->year);
	const char *args[] = {dx_head_number(&p->head), dx_head_symbol(&p->head), date, p->agency};
	dx_para_text(&p->d, &ref, fill(p, DX_APPENDIX_REF, args, 4));
	dx_rule(&p->d, DX_LAND_TEXT_W, DX_MM(40));
}

static const int task_w[] = {DX_MM(12), DX_MM(72), DX_MM(75), DX_MM(35), DX_MM(33), DX_MM(25)};

static void area_row(plan *p, size_t a)
{
	const dx_para area = {.style = "TableText", .bold = 1, .caps = 1};
	int rest = 0;
	for (size_t i = 1; i < 6; i++)
		rest += task_w[i];
	dx_tr_begin(&p->d, 0);
	dx_tc_begin(&p->d, task_w[0], 1, 0);
	dx_para_text(&p->d, &(dx_para){.style = "TableText", .jc = "center", .bold = 1},
	             cchc_roman(a));
	dx_tc_end(&p->d);
	dx_tc_begin(&p->d, rest, 5, 0);
	dx_para_text(&p->d, &area, p->tasks.areas[a]);
	dx_tc_end(&p->d);
	dx_tr_end(&p->d);
}

static void task_row(plan *p, const dx_task *t, size_t tt)
{
	char num[24];
	snprintf(num, sizeof num, "%zu%s", tt, t->in_recovery ? "*" : "");
	dx_tr_begin(&p->d, 0);
	cell(p, task_w[0], &cell_mid, num);
	dx_tc_begin(&p->d, task_w[1], 1, 0);
	dx_para_text(&p->d, &cell_text, t->task);
	const char *args[] = {t->criteria.data ? t->criteria.data : ""};
	dx_para_text(&p->d, &(dx_para){.style = "TableText", .italic = 1, .size = 24},
	             fill(p, DX_SERVES, args, 1));
	dx_tc_end(&p->d);
	cell(p, task_w[2], &cell_text, t->solution.data ? t->solution.data : "");
	cell(p, task_w[3], &cell_text, t->owner.data ? t->owner.data : "");
	cell(p, task_w[4], &cell_text, t->support.data ? t->support.data : "");
	cell(p, task_w[5], &cell_text, t->when.data ? t->when.data : "");
	dx_tr_end(&p->d);
}

static void appendix(plan *p)
{
	const cchc_gap *g = p->gap;
	appendix_head(p);
	const cchc_str_id ids[] = {CCHC_STR_GAP_TT,    CCHC_STR_GAP_TASK,    CCHC_STR_GAP_SOLUTION,
	                           CCHC_STR_GAP_OWNER, CCHC_STR_GAP_SUPPORT, CCHC_STR_GAP_WHEN};
	int any_chosen = 0;
	dx_tbl_begin(&p->d, task_w, 6, 1);
	head_row(p, task_w, ids, 6);
	for (size_t a = 0; a < p->tasks.nareas; a++) {
		area_row(p, a);
		size_t tt = 0;
		for (size_t i = 0; i < p->tasks.n; i++)
			if (p->tasks.t[i].area == a) {
				task_row(p, &p->tasks.t[i], ++tt);
				any_chosen |= p->tasks.t[i].in_recovery;
			}
	}
	dx_tbl_end(&p->d);
	const dx_para note = {.size = 24, .italic = 1, .before = 120, .first_line = -1};
	dx_para_text(&p->d, &(dx_para){.after = -1, .size = 8}, ""); /* a body never ends in a table */
	if (any_chosen)
		dx_para_text(&p->d, &note, cchc_str(CCHC_STR_GAP_SELECTED, p->L));
	if (g->nlost_without_remedy) {
		char n[24];
		snprintf(n, sizeof n, "%zu", g->nlost_without_remedy);
		const char *args[] = {n};
		dx_para_text(&p->d, &note, fill_str(p, CCHC_STR_GAP_NO_REMEDY, args, 1));
	}
}

int dx_plan_document(xmlBufferPtr buf, const cchc_gap *gap, const cchc_docx_info *info,
                     const dx_chart charts[DX_NCHARTS], cchc_lang L)
{
	plan p;
	memset(&p, 0, sizeof p);
	p.gap = gap, p.info = info, p.charts = charts, p.L = L;
	const cchc_score *s = gap->entry->score;
	const char *name = cchc_assessment_agency_name(s->assessment);
	p.agency = name && *name ? name : cchc_assessment_agency_id(s->assessment);
	snprintf(p.year, sizeof p.year, "%d", cchc_assessment_year(s->assessment));
	snprintf(p.next, sizeof p.next, "%d", cchc_assessment_year(s->assessment) + 1);
	cchc_buf_init(&p.line, 1 << 20);
	int rc = dx_tasks_build(&p.tasks, gap);
	dx_begin(&p.d, buf, L);
	dx_document_open(&p.d);
	p.head = (dx_head){&p.d, info, p.agency, "KH-" DX_ELLIPSIS_BLANK, &p.line, 0};
	dx_header_table(&p.head);
	title(&p);
	purpose(&p);
	results(&p);
	target(&p);
	tasks_by_area(&p);
	implementation(&p);
	dx_signature(&p.head);
	dx_section(&p.d, 0, 0);
	appendix(&p);
	dx_section(&p.d, 1, 1);
	dx_end(&p.d); /* w:body */
	dx_end(&p.d); /* w:document */
	if (dx_finish(&p.d) < 0 || p.line.failed)
		rc = -1;
	dx_tasks_free(&p.tasks);
	cchc_buf_dispose(&p.line);
	return rc;
}
