/* The gap analysis as a document: for a terminal (text) or for a report
 * (Markdown). One walk, two styles: headings, paragraphs, bullets and tables
 * differ only in their marks. Mirrors the Huế plan 267/KH-SKHĐT: position,
 * groups, lost points by cause, target rank, the task appendix. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "table.h"

typedef struct {
	cchc_buf *out;
	const cchc_gap *gap;
	cchc_lang L;
	int md;           /* Markdown rather than text */
	int section;      /* last section number written */
} doc;



/* Data (names, titles, remedies, notes, ids) and the sentences holding it:
 * in Markdown as text, never markup nor raw HTML. */
static void text(doc *d, const char *s)
{
	cchc_doc_text(d->out, d->md, s);
}

static void heading(doc *d, cchc_str_id title)
{
	d->section++;
	cchc_buf_printf(d->out, "\n%s%d. %s\n\n", d->md ? "## " : "", d->section,
	                cchc_str(title, d->L));
}

static void fill(doc *d, cchc_str_id id, const char *const *args, size_t n)
{
	cchc_doc_fill(d->out, d->md, id, d->L, args, n);
}

static void table_out(doc *d, cchc_table *t)
{
	if (d->md)
		cchc_table_render_markdown(t, d->out);
	else
		cchc_table_render(t, d->out, 0);
	cchc_table_free(t);
}

static void title_block(doc *d)
{
	const cchc_score *s = d->gap->entry->score;
	const char *name = cchc_assessment_agency_name(s->assessment);
	cchc_buf_printf(d->out, "%s%s\n", d->md ? "# " : "", cchc_str(CCHC_STR_GAP_TITLE, d->L));
	if (!d->md)
		cchc_buf_repeat(d->out, '=', 100), cchc_buf_puts(d->out, "\n");
	cchc_buf_printf(d->out, "%s%s: ", d->md ? "\n" : "", cchc_str(CCHC_STR_AGENCY, d->L));
	text(d, name && *name ? name : cchc_assessment_agency_id(s->assessment));
	cchc_buf_puts(d->out, " (");
	text(d, cchc_assessment_agency_id(s->assessment));
	cchc_buf_printf(d->out, ") \xC2\xB7 %s %d \xC2\xB7 %s: ", cchc_str(CCHC_STR_YEAR, d->L),
	                cchc_assessment_year(s->assessment), cchc_str(CCHC_STR_CRITERIA_SET, d->L));
	text(d, cchc_criteria_title(s->set));
	cchc_buf_puts(d->out, "\n");
}

static void position(doc *d)
{
	const cchc_gap *g = d->gap;
	heading(d, CCHC_STR_GAP_POSITION);
	cchc_buf line;
	cchc_buf_init(&line, 1 << 16);
	cchc_render_position(&line, g->entry, d->L);
	if (line.data)
		text(d, line.data);
	cchc_buf_dispose(&line);
	cchc_buf_puts(d->out, "\n");
	if (g->previous) {
		char r[24], of[24], tot[CCHC_FMT_SIZE], dr[24], dt[CCHC_FMT_SIZE];
		long moved = (long)g->previous->rank - (long)g->entry->rank; /* up is positive */
		snprintf(r, sizeof r, "%zu", g->previous->rank);
		snprintf(of, sizeof of, "%zu", g->previous->of);
		cchc_fmt_points_short(tot, g->previous->score->total, d->L);
		snprintf(dr, sizeof dr, "%+ld", moved);
		cchc_fmt_points_signed(dt, g->entry->score->total - g->previous->score->total, d->L);
		const char *args[] = {r, of, tot, dr, dt};
		fill(d, CCHC_STR_GAP_PREVIOUS, args, 5);
		cchc_buf_puts(d->out, "\n");
	}
}

/* "  + 1.1.1 Ban hành…: 0,50/1 — Trễ hạn: ban hành ngày …" */
static void lost_leaf(doc *d, const cchc_node *leaf, const cchc_node_score *ns, int indent)
{
	char p[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE];
	cchc_fmt_points(p, ns->points, d->L);
	cchc_fmt_points_short(m, ns->max, d->L);
	cchc_buf_repeat(d->out, ' ', (size_t)indent);
	cchc_buf_printf(d->out, "%s ", indent ? (d->md ? "-" : "+") : "-");
	text(d, leaf->id);
	cchc_buf_puts(d->out, " ");
	text(d, leaf->title);
	cchc_buf_printf(d->out, ": %s/%s \xE2\x80\x94 %s", p, m, cchc_cause_label(ns->cause, d->L));
	cchc_buf reason;
	cchc_buf_init(&reason, 1 << 16);
	cchc_reason_format(&reason, leaf, ns, d->L);
	if (reason.len) {
		cchc_buf_puts(d->out, ": ");
		text(d, reason.data);
	}
	cchc_buf_dispose(&reason);
	cchc_buf_puts(d->out, "\n");
}

static void lost_under(doc *d, const cchc_node *n, int indent)
{
	const cchc_score *s = d->gap->entry->score;
	for (size_t i = 0; i < n->nchildren; i++) {
		const cchc_node *c = n->children[i];
		const cchc_node_score *cs = cchc_score_node(s, c);
		if (cs->excluded || cs->points >= cs->max)
			continue;
		if (c->nchildren)
			lost_under(d, c, indent);
		else
			lost_leaf(d, c, cs, indent);
	}
}

static void group_paragraph(doc *d, const cchc_node *g)
{
	const cchc_score *s = d->gap->entry->score;
	const cchc_node_score *gs = cchc_score_node(s, g);
	size_t low = 0;
	for (size_t i = 0; i < g->nchildren; i++) {
		const cchc_node_score *cs = cchc_score_node(s, g->children[i]);
		low += !cs->excluded && cs->points < cs->max;
	}
	char p[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE], nc[24], nl[24];
	cchc_fmt_points_short(p, gs->points, d->L);
	cchc_fmt_points_short(m, gs->max, d->L);
	snprintf(nc, sizeof nc, "%zu", g->nchildren);
	snprintf(nl, sizeof nl, "%zu", low);
	const char *args[] = {cchc_str(CCHC_STR_GROUP, d->L), g->id, p, m, g->title, nc, nl};
	if (d->md)
		cchc_buf_puts(d->out, "**");
	fill(d, CCHC_STR_GAP_GROUP_LINE, args, 7);
	cchc_buf_puts(d->out, d->md ? "**\n\n" : "\n");

	/* the achieved ones in one line, as the document does */
	int any = 0;
	for (size_t i = 0; i < g->nchildren; i++) {
		const cchc_node_score *cs = cchc_score_node(s, g->children[i]);
		if (cs->excluded || cs->points < cs->max)
			continue;
		if (!any)
			cchc_buf_printf(d->out, "- %s: ", cchc_str(CCHC_STR_GAP_ACHIEVED, d->L));
		cchc_buf_puts(d->out, any ? ", " : "");
		text(d, g->children[i]->id);
		any = 1;
	}
	if (any)
		cchc_buf_puts(d->out, "\n");
	for (size_t i = 0; i < g->nchildren; i++) {
		const cchc_node *c = g->children[i];
		const cchc_node_score *cs = cchc_score_node(s, c);
		if (cs->excluded || cs->points >= cs->max)
			continue;
		if (!c->nchildren) {
			lost_leaf(d, c, cs, 0);
			continue;
		}
		char cp[CCHC_FMT_SIZE], cm[CCHC_FMT_SIZE];
		cchc_fmt_points(cp, cs->points, d->L);
		cchc_fmt_points_short(cm, cs->max, d->L);
		cchc_buf_puts(d->out, "- ");
		text(d, c->id);
		cchc_buf_puts(d->out, " ");
		text(d, c->title);
		cchc_buf_printf(d->out, ": %s/%s\n", cp, cm);
		lost_under(d, c, 2);
	}
	cchc_buf_puts(d->out, "\n");
}

static void groups(doc *d)
{
	size_t ngroups;
	const cchc_node *const *gs = cchc_criteria_groups(d->gap->entry->score->set, &ngroups);
	heading(d, CCHC_STR_GAP_GROUPS);
	for (size_t i = 0; i < ngroups; i++)
		if (gs[i]->kind == CCHC_GROUP_SCORED || gs[i]->kind == CCHC_GROUP_SURVEY)
			group_paragraph(d, gs[i]);
}

static void causes(doc *d)
{
	const cchc_gap *g = d->gap;
	char pts[CCHC_FMT_SIZE], n[24];
	heading(d, CCHC_STR_GAP_CAUSES);
	size_t order[CCHC_GAP_NCAUSES];
	cchc_gap_cause_order(g, order); /* most points lost first */
	for (size_t i = 0; i < CCHC_GAP_NCAUSES; i++) {
		cchc_cause cause = cchc_gap_causes[order[i]].cause;
		if (!g->count_by_cause[cause])
			continue;
		cchc_fmt_points_short(pts, g->lost_by_cause[cause], d->L);
		snprintf(n, sizeof n, "%zu", g->count_by_cause[cause]);
		const char *args[] = {cchc_str(cchc_gap_causes[order[i]].label, d->L), n, pts};
		cchc_buf_puts(d->out, "- ");
		fill(d, CCHC_STR_GAP_CAUSE_LINE, args, 3);
		cchc_buf_puts(d->out, ": ");
		int first = 1;
		for (size_t k = 0; k < g->nlosses; k++) {
			const cchc_loss *l = &g->losses[k];
			if (l->ns->cause != cause)
				continue;
			cchc_fmt_points_short(pts, l->lost, d->L);
			cchc_buf_puts(d->out, first ? "" : ", ");
			text(d, l->leaf->id);
			cchc_buf_printf(d->out, " (\xE2\x88\x92%s)", pts);
			first = 0;
		}
		cchc_buf_puts(d->out, "\n");
	}
	cchc_fmt_points_short(pts, g->recoverable, d->L);
	const char *args[] = {pts};
	cchc_buf_puts(d->out, "\n");
	fill(d, CCHC_STR_GAP_RECOVERABLE, args, 1);
	cchc_buf_puts(d->out, "\n");
}

/* The chosen criteria: id, title, cause, points lost, effort. */
static void plan_table(doc *d)
{
	const cchc_gap *g = d->gap;
	char lost[CCHC_FMT_SIZE];
	cchc_table t;
	cchc_table_init(&t, "lllrr");
	cchc_table_cap(&t, 1, 50);
	cchc_table_cap(&t, 2, 30);
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_CRITERION, d->L));
	cchc_table_cell(&t, "");
	cchc_table_cell(&t, cchc_str(CCHC_STR_CAUSE, d->L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_LOST, d->L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_EFFORT, d->L));
	for (size_t i = 0; i < g->nlosses; i++) {
		const cchc_loss *l = &g->losses[i];
		if (!l->in_recovery)
			continue;
		cchc_table_cell(&t, l->leaf->id);
		cchc_table_cell(&t, l->leaf->title);
		cchc_table_cell(&t, cchc_cause_label(l->ns->cause, d->L));
		cchc_fmt_points(lost, l->lost, d->L);
		cchc_table_cell(&t, lost);
		cchc_table_cellf(&t, "%d", l->effort);
	}
	table_out(d, &t);
}

static void target(doc *d)
{
	cchc_gap_sentences ss;
	heading(d, CCHC_STR_GAP_TARGET);
	cchc_gap_target_sentences(d->gap, d->L, &ss);
	for (size_t i = 0; i < ss.n; i++) {
		fill(d, ss.s[i].id, ss.s[i].args, ss.s[i].nargs);
		/* Markdown joins adjacent lines into one paragraph: one per sentence */
		cchc_buf_puts(d->out, d->md && i + 1 < ss.n ? "\n\n" : "\n");
		if (i == ss.table_after) {
			if (!d->md)
				cchc_buf_puts(d->out, "\n");
			plan_table(d);
			cchc_buf_puts(d->out, "\n");
		}
	}
}

static void tasks(doc *d)
{
	const cchc_gap *g = d->gap;
	heading(d, CCHC_STR_GAP_TASKS);
	cchc_table t;
	cchc_table_init(&t, "llllll");
	if (!d->md) {
		cchc_table_cap(&t, 1, 34);
		cchc_table_cap(&t, 2, 30);
		cchc_table_cap(&t, 3, 14);
		cchc_table_cap(&t, 4, 14);
		cchc_table_cap(&t, 5, 18);
	}
	const cchc_str_id heads[] = {CCHC_STR_GAP_TT,    CCHC_STR_GAP_TASK,    CCHC_STR_GAP_SOLUTION,
	                             CCHC_STR_GAP_OWNER, CCHC_STR_GAP_SUPPORT, CCHC_STR_GAP_WHEN};
	for (size_t i = 0; i < 6; i++)
		cchc_table_cell(&t, cchc_str(heads[i], d->L));
	size_t area = (size_t)-1, tt = 0;
	int any_selected = 0;
	for (size_t i = 0; i < g->ntasks; i++) {
		const cchc_gap_task *task = &g->tasks[i];
		if (task->area != area) {
			area = task->area;
			tt = 0;
			cchc_table_cell(&t, cchc_roman(area));
			cchc_table_cell(&t, g->areas[area]);
			for (int k = 0; k < 4; k++)
				cchc_table_cell(&t, "");
		}
		const cchc_remedy *r = task->remedy;
		cchc_table_cellf(&t, "%zu%s", ++tt, task->in_recovery ? "*" : "");
		any_selected |= task->in_recovery;
		cchc_table_cell(&t, r->task ? r->task : task->criterion->title);
		cchc_table_cell(&t, r->solution);
		cchc_table_cell(&t, r->owner);
		cchc_table_cell(&t, r->support);
		cchc_table_cell(&t, r->when);
	}
	table_out(d, &t);
	if (any_selected) {
		cchc_buf_puts(d->out, "\n");
		fill(d, CCHC_STR_GAP_SELECTED, NULL, 0);
		cchc_buf_puts(d->out, "\n");
	}
	if (g->nlost_without_remedy) {
		char n[24];
		snprintf(n, sizeof n, "%zu", g->nlost_without_remedy);
		const char *args[] = {n};
		cchc_buf_puts(d->out, "\n");
		fill(d, CCHC_STR_GAP_NO_REMEDY, args, 1);
		cchc_buf_puts(d->out, "\n");
	}
}

static void changes(doc *d)
{
	const cchc_gap *g = d->gap;
	if (!g->previous)
		return;
	heading(d, CCHC_STR_GAP_CHANGES);
	size_t good = 0, low = 0;
	for (size_t i = 0; i < g->nchanges; i++) {
		if (g->changes[i].achieved)
			good++;
		else
			low++;
	}
	char a[24], b[24];
	snprintf(a, sizeof a, "%zu", good);
	snprintf(b, sizeof b, "%zu", low);
	const char *args[] = {a, b};
	fill(d, CCHC_STR_GAP_CHANGE_SUMMARY, args, 2);
	cchc_buf_puts(d->out, "\n\n");
	cchc_table t;
	cchc_table_init(&t, "llrrl");
	cchc_table_cap(&t, 1, 50);
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_CRITERION, d->L));
	cchc_table_cell(&t, "");
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_LAST_YEAR, d->L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_THIS_YEAR, d->L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_GAP_TREND, d->L));
	for (size_t i = 0; i < g->nchanges; i++) {
		const cchc_change *c = &g->changes[i];
		char p[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE];
		cchc_table_cell(&t, c->node->id);
		cchc_table_cell(&t, c->node->title);
		if (c->previous_node) {
			cchc_fmt_points(p, c->previous_points, d->L);
			cchc_fmt_points_short(m, c->previous_max, d->L);
			cchc_table_cellf(&t, "%s/%s", p, m);
		} else {
			cchc_table_cell(&t, "\xE2\x80\x94");
		}
		cchc_fmt_points(p, c->points, d->L);
		cchc_fmt_points_short(m, c->max, d->L);
		cchc_table_cellf(&t, "%s/%s", p, m);
		cchc_table_cell(&t, cchc_str(cchc_trend_word(c->trend), d->L));
	}
	table_out(d, &t);
	if (g->nunmatched_previous) {
		cchc_buf ids;
		cchc_buf_init(&ids, 1 << 16);
		for (size_t i = 0; i < g->nunmatched_previous; i++)
			cchc_buf_printf(&ids, "%s%s", i ? ", " : "", g->unmatched_previous[i]->id);
		const char *uargs[] = {ids.data ? ids.data : ""};
		cchc_buf_puts(d->out, "\n");
		fill(d, CCHC_STR_GAP_UNMATCHED, uargs, 1);
		cchc_buf_puts(d->out, "\n");
		cchc_buf_dispose(&ids);
	}
}

static int render(cchc_buf *out, const cchc_gap *gap, cchc_lang lang, int md)
{
	doc d = {out, gap, lang, md, 0};
	title_block(&d);
	position(&d);
	groups(&d);
	causes(&d);
	target(&d);
	tasks(&d);
	changes(&d);
	return out->failed ? -1 : 0;
}

int cchc_render_gap_text(cchc_buf *out, const cchc_gap *gap, cchc_lang lang)
{
	return render(out, gap, lang, 0);
}

int cchc_render_gap_markdown(cchc_buf *out, const cchc_gap *gap, cchc_lang lang)
{
	return render(out, gap, lang, 1);
}
