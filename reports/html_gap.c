/* The HTML report's agency view: the gap analysis of gap_text.c as a page
 * section, with the group profile and the Pareto of lost points as charts.
 * Same figures, same strings, same order as the text document. */
#include <stdio.h>
#include <string.h>

#include "html_priv.h"



static void heading(html_page *p, cchc_str_id title)
{
	hp_put(p, "<h3>");
	hp_str(p, title);
	hp_put(p, "</h3>\n");
}

static void sentence(html_page *p, cchc_str_id id, const char *const *args, size_t n,
                     const char *cls)
{
	cchc_buf_printf(p->out, "<p%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	hp_fill(p, id, args, n);
	hp_put(p, "</p>\n");
}

static void agency_header(html_page *p)
{
	const cchc_score *s = p->gap->entry->score;
	hp_put(p, "<section id=\"agency\">\n<h2>");
	hp_str(p, CCHC_STR_GAP_TITLE);
	hp_put(p, "</h2>\n<p class=\"meta\">");
	hp_str(p, CCHC_STR_AGENCY);
	hp_put(p, ": <strong>");
	hp_text(p, cchc_html_agency_name(s));
	hp_put(p, "</strong> (");
	hp_text(p, cchc_assessment_agency_id(s->assessment));
	cchc_buf_printf(p->out, ") \xC2\xB7 %s %d \xC2\xB7 %s: ", cchc_str(CCHC_STR_YEAR, p->L),
	                cchc_assessment_year(s->assessment), cchc_str(CCHC_STR_CRITERIA_SET, p->L));
	hp_text(p, cchc_criteria_title(s->set));
	hp_put(p, "</p>\n");
}

static void position(html_page *p)
{
	const cchc_gap *g = p->gap;
	cchc_buf line;
	cchc_buf_init(&line, 1 << 16);
	if (cchc_render_position(&line, g->entry, p->L) < 0)
		p->err = 1;
	heading(p, CCHC_STR_GAP_POSITION);
	hp_put(p, "<p class=\"position\">");
	hp_text(p, line.data);
	hp_put(p, "</p>\n");
	cchc_buf_dispose(&line);
	if (!g->previous)
		return;
	char r[24], of[24], tot[CCHC_FMT_SIZE], dr[24], dt[CCHC_FMT_SIZE];
	long moved = (long)g->previous->rank - (long)g->entry->rank; /* up is positive */
	snprintf(r, sizeof r, "%zu", g->previous->rank);
	snprintf(of, sizeof of, "%zu", g->previous->of);
	cchc_fmt_points_short(tot, g->previous->score->total, p->L);
	snprintf(dr, sizeof dr, "%+ld", moved);
	cchc_fmt_points_signed(dt, g->entry->score->total - g->previous->score->total, p->L);
	const char *args[] = {r, of, tot, dr, dt};
	sentence(p, CCHC_STR_GAP_PREVIOUS, args, 5, NULL);
}

static void figure(html_page *p, cchc_str_id caption)
{
	hp_put(p, "<figure>\n<figcaption>");
	hp_str(p, caption);
	hp_put(p, "</figcaption>\n");
}

static void group_row(html_page *p, const cchc_node *g)
{
	const cchc_node_score *gs = cchc_score_node(p->gap->entry->score, g);
	char v[2][CCHC_FMT_SIZE];
	cchc_fmt_points(v[0], gs->points, p->L);
	cchc_fmt_points_short(v[1], gs->max, p->L);
	hp_put(p, "<tr class=\"sub\"><td colspan=\"5\">");
	hp_str(p, CCHC_STR_GROUP);
	hp_put(p, " ");
	hp_text(p, g->id);
	hp_put(p, ". ");
	hp_text(p, g->title);
	cchc_buf_printf(p->out, ": %s/%s</td></tr>\n", v[0], v[1]);
}

/* A link to an evidence file: the page's prefix, then the file percent-encoded byte by byte
 * but for unreserved characters and '/', so that nothing in it reads as a scheme (':'), a
 * query or a fragment; the loader has kept it relative and inside the assessment's folder. */
static void evidence_href(html_page *p, const char *file)
{
	static const char keep[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/";
	cchc_buf url;
	cchc_buf_init(&url, 1 << 16);
	if (p->evidence_prefix)
		cchc_buf_puts(&url, p->evidence_prefix);
	for (const unsigned char *c = (const unsigned char *)file; *c; c++) {
		if (strchr(keep, *c))
			cchc_buf_append(&url, (const char *)c, 1);
		else
			cchc_buf_printf(&url, "%%%02X", *c);
	}
	if (url.failed)
		p->err = 1;
	hp_text(p, url.data ? url.data : "");
	cchc_buf_dispose(&url);
}

/* The item's documents, each linked to its file when it names one. */
static void evidence_list(html_page *p, const cchc_item *it)
{
	if (!it || !it->ndocs)
		return;
	hp_put(p, "<div class=\"docs\">");
	hp_str(p, CCHC_STR_HTML_EVIDENCE);
	hp_put(p, ":<ul>");
	for (size_t i = 0; i < it->ndocs; i++) {
		const cchc_doc *d = &it->docs[i];
		hp_put(p, "<li>");
		if (d->file && *d->file) {
			hp_put(p, "<a href=\"");
			evidence_href(p, d->file);
			hp_put(p, "\">");
			hp_text(p, d->ref && *d->ref ? d->ref : d->file);
			hp_put(p, "</a>");
		} else {
			hp_text(p, d->ref ? d->ref : "");
		}
		hp_put(p, "</li>");
	}
	hp_put(p, "</ul></div>");
}

/* The council's last word on a criterion it did not cut (the reason names it when it did). */
static void council_note(html_page *p, const cchc_item *it, const cchc_node_score *ns)
{
	if (!it || !it->nrounds || ns->cause == CCHC_CAUSE_APPRAISAL)
		return;
	const cchc_appraisal *ap = &it->rounds[it->nrounds - 1];
	if (!ap->reason || !*ap->reason)
		return;
	char pts[CCHC_FMT_SIZE + 16], v[CCHC_FMT_SIZE], round[24];
	cchc_fmt_points_short(v, ap->points, p->L);
	snprintf(pts, sizeof pts, "%s %s", v,
	         cchc_str(ap->points == 100 ? CCHC_STR_POINT_ONE : CCHC_STR_POINT_MANY, p->L));
	snprintf(round, sizeof round, "%d", ap->round);
	const char *args[] = {ap->by && *ap->by ? ap->by : cchc_str(CCHC_STR_APPRAISAL_BY, p->L), pts,
	                      round, ap->reason};
	hp_put(p, "<div class=\"council\">");
	hp_fill(p, CCHC_STR_HTML_COUNCIL_NOTE, args, 4);
	hp_put(p, "</div>");
}

static void loss_row(html_page *p, const cchc_loss *l)
{
	char v[2][CCHC_FMT_SIZE];
	cchc_buf reason;
	cchc_buf_init(&reason, 1 << 16);
	if (cchc_reason_format(&reason, l->leaf, l->ns, p->L) < 0)
		p->err = 1;
	hp_put(p, l->in_recovery ? "<tr class=\"target\">" : "<tr>");
	hp_td_id(p, l->leaf->id);
	hp_td(p, l->leaf->title);
	cchc_fmt_points(v[0], l->ns->points, p->L);
	cchc_fmt_points_short(v[1], l->ns->max, p->L);
	cchc_buf_printf(p->out, "<td class=\"n\">%s/%s</td>", v[0], v[1]);
	hp_td(p, cchc_cause_label(l->ns->cause, p->L));
	const cchc_item *it = cchc_assessment_item(p->gap->entry->score->assessment, l->leaf);
	hp_put(p, "<td>");
	hp_text(p, reason.data ? reason.data : "");
	council_note(p, it, l->ns);
	evidence_list(p, it);
	hp_put(p, "</td></tr>\n");
	cchc_buf_dispose(&reason);
}

/* Every lost criterion under its group, with its cause and the worded reason. */
static void losses_table(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_CRITERION, CCHC_STR_HTML_CONTENT,
	                                    CCHC_STR_POINTS, CCHC_STR_CAUSE, CCHC_STR_HTML_REASON};
	const cchc_gap *g = p->gap;
	if (g->nlosses == 0)
		return;
	heading(p, CCHC_STR_HTML_LOST_DETAIL);
	hp_put(p, "<table class=\"losses\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "llnll");
	const cchc_node *group = NULL;
	for (size_t i = 0; i < g->nlosses; i++) {
		if (g->losses[i].leaf->group != group) {
			group = g->losses[i].leaf->group;
			group_row(p, group);
		}
		loss_row(p, &g->losses[i]);
	}
	hp_put(p, "</tbody>\n</table>\n");
}

/* The losses of one cause: "1.1.1 (−0,5), 2.4 (−1)". */
static void cause_ids(html_page *p, cchc_cause cause)
{
	int first = 1;
	for (size_t k = 0; k < p->gap->nlosses; k++) {
		const cchc_loss *l = &p->gap->losses[k];
		if (l->ns->cause != cause)
			continue;
		char pts[CCHC_FMT_SIZE];
		cchc_fmt_points_short(pts, l->lost, p->L);
		hp_put(p, first ? "" : ", ");
		hp_text(p, l->leaf->id);
		cchc_buf_printf(p->out, " (\xE2\x88\x92%s)", pts);
		first = 0;
	}
}

static void cause_row(html_page *p, size_t i)
{
	const cchc_gap *g = p->gap;
	cchc_cause cause = cchc_gap_causes[i].cause;
	char pts[CCHC_FMT_SIZE], share[CCHC_FMT_SIZE];
	long tenths = cchc_html_share_tenths(g->lost_by_cause[cause], g->recoverable);
	cchc_fmt_points(pts, g->lost_by_cause[cause], p->L);
	cchc_html_fmt_tenths(share, tenths, p->L);
	cchc_buf_printf(p->out, "<tr><td><span class=\"dot\" style=\"background:%s\"></span>",
	                cchc_html_cause_colour(cause));
	hp_str(p, cchc_gap_causes[i].label);
	cchc_buf_printf(p->out, "</td><td class=\"n\">%zu</td><td class=\"n\">%s</td>",
	                g->count_by_cause[cause], pts);
	cchc_buf_printf(p->out,
	                "<td class=\"n\">%s %% <span class=\"meter\" style=\"width:%ldpx\"></span></td>"
	                "<td>",
	                share, (tenths + 5) / 10 * 3 / 5);
	cause_ids(p, cause);
	hp_put(p, "</td></tr>\n");
}

static void causes(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_CAUSE, CCHC_STR_COUNTS, CCHC_STR_GAP_LOST,
	                                    CCHC_STR_HTML_SHARE, CCHC_STR_CRITERION};
	const cchc_gap *g = p->gap;
	size_t order[CCHC_GAP_NCAUSES];
	cchc_gap_cause_order(g, order); /* most points lost first */
	heading(p, CCHC_STR_GAP_CAUSES);
	hp_put(p, "<table class=\"causes\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "lnnnl");
	for (size_t i = 0; i < CCHC_GAP_NCAUSES; i++)
		if (g->count_by_cause[cchc_gap_causes[order[i]].cause])
			cause_row(p, order[i]);
	hp_put(p, "</tbody>\n</table>\n");
	char pts[CCHC_FMT_SIZE];
	cchc_fmt_points_short(pts, g->recoverable, p->L);
	const char *args[] = {pts};
	sentence(p, CCHC_STR_GAP_RECOVERABLE, args, 1, NULL);
}

static void plan_table(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_GAP_CRITERION, CCHC_STR_HTML_CONTENT,
	                                    CCHC_STR_CAUSE, CCHC_STR_GAP_LOST, CCHC_STR_GAP_EFFORT};
	hp_put(p, "<table class=\"plan\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "lllnn");
	for (size_t i = 0; i < p->gap->nlosses; i++) {
		const cchc_loss *l = &p->gap->losses[i];
		if (!l->in_recovery)
			continue;
		char e[24];
		snprintf(e, sizeof e, "%d", l->effort);
		hp_put(p, "<tr>");
		hp_td_id(p, l->leaf->id);
		hp_td(p, l->leaf->title);
		hp_td(p, cchc_cause_label(l->ns->cause, p->L));
		hp_td_points(p, l->lost);
		hp_td_num(p, e, l->effort);
		hp_put(p, "</tr>\n");
	}
	hp_put(p, "</tbody>\n</table>\n");
	sentence(p, CCHC_STR_HTML_EFFORT_LEGEND, NULL, 0, "note legend");
}

static void target(html_page *p)
{
	cchc_gap_sentences ss;
	heading(p, CCHC_STR_GAP_TARGET);
	cchc_gap_target_sentences(p->gap, p->L, &ss);
	for (size_t i = 0; i < ss.n; i++) {
		const cchc_str_id id = ss.s[i].id;
		const char *cls = id == CCHC_STR_GAP_ASSUMPTION ? "note"
		                  : id == CCHC_STR_GAP_ALREADY || id == CCHC_STR_GAP_UNREACHABLE ||
		                          id == CCHC_STR_GAP_NEEDED
		                      ? "target"
		                      : NULL;
		sentence(p, id, ss.s[i].args, ss.s[i].nargs, cls);
		if (i == ss.table_after)
			plan_table(p);
	}
}

static void area_row(html_page *p, size_t area)
{
	hp_put(p, "<tr class=\"sub\"><td>");
	hp_put(p, cchc_roman(area));
	hp_put(p, "</td><td colspan=\"5\">");
	hp_text(p, p->gap->areas[area]);
	hp_put(p, "</td></tr>\n");
}

static void task_row(html_page *p, const cchc_gap_task *task, size_t tt)
{
	const cchc_remedy *r = task->remedy;
	cchc_buf_printf(p->out, "%s<td class=\"n\">%zu%s</td>",
	                task->in_recovery ? "<tr class=\"target\">" : "<tr>", tt,
	                task->in_recovery ? "*" : "");
	hp_td(p, r->task ? r->task : task->criterion->title);
	hp_td(p, r->solution ? r->solution : "");
	hp_td(p, r->owner ? r->owner : "");
	hp_td(p, r->support ? r->support : "");
	/* a date or a short "Tháng 01/2019" on one line; a sentence wraps */
	const char *when = r->when ? r->when : "";
	hp_put(p, cchc_utf8_width(when, strlen(when)) <= 16 ? "<td class=\"when\">" : "<td>");
	hp_text(p, when);
	hp_put(p, "</td></tr>\n");
}

static void tasks(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_GAP_TT,    CCHC_STR_GAP_TASK,
	                                    CCHC_STR_GAP_SOLUTION, CCHC_STR_GAP_OWNER,
	                                    CCHC_STR_GAP_SUPPORT, CCHC_STR_GAP_WHEN};
	const cchc_gap *g = p->gap;
	heading(p, CCHC_STR_GAP_TASKS);
	hp_put(p, "<table class=\"tasks\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "nlllll");
	size_t area = (size_t)-1, tt = 0;
	int any_selected = 0;
	for (size_t i = 0; i < g->ntasks; i++) {
		if (g->tasks[i].area != area) {
			area = g->tasks[i].area;
			tt = 0;
			area_row(p, area);
		}
		task_row(p, &g->tasks[i], ++tt);
		any_selected |= g->tasks[i].in_recovery;
	}
	hp_put(p, "</tbody>\n</table>\n");
	if (any_selected)
		sentence(p, CCHC_STR_GAP_SELECTED, NULL, 0, "note");
	if (g->nlost_without_remedy) {
		char n[24];
		snprintf(n, sizeof n, "%zu", g->nlost_without_remedy);
		const char *args[] = {n};
		sentence(p, CCHC_STR_GAP_NO_REMEDY, args, 1, "note");
	}
}

static void change_row(html_page *p, const cchc_change *c)
{
	char v[2][CCHC_FMT_SIZE];
	hp_put(p, "<tr>");
	hp_td_id(p, c->node->id);
	hp_td(p, c->node->title);
	if (c->previous_node) {
		cchc_fmt_points(v[0], c->previous_points, p->L);
		cchc_fmt_points_short(v[1], c->previous_max, p->L);
		cchc_buf_printf(p->out, "<td class=\"n\">%s/%s</td>", v[0], v[1]);
	} else {
		hp_put(p, "<td class=\"n\">" DASH "</td>");
	}
	cchc_fmt_points(v[0], c->points, p->L);
	cchc_fmt_points_short(v[1], c->max, p->L);
	cchc_buf_printf(p->out, "<td class=\"n\">%s/%s</td>", v[0], v[1]);
	hp_td(p, cchc_str(cchc_trend_word(c->trend), p->L));
	hp_put(p, "</tr>\n");
}

static void unmatched(html_page *p)
{
	const cchc_gap *g = p->gap;
	cchc_buf ids;
	cchc_buf_init(&ids, 1 << 16);
	for (size_t i = 0; i < g->nunmatched_previous; i++)
		cchc_buf_printf(&ids, "%s%s", i ? ", " : "", g->unmatched_previous[i]->id);
	if (ids.failed)
		p->err = 1;
	const char *args[] = {ids.data ? ids.data : ""};
	sentence(p, CCHC_STR_GAP_UNMATCHED, args, 1, "note");
	cchc_buf_dispose(&ids);
}

static void changes(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_GAP_CRITERION, CCHC_STR_HTML_CONTENT,
	                                    CCHC_STR_GAP_LAST_YEAR, CCHC_STR_GAP_THIS_YEAR,
	                                    CCHC_STR_GAP_TREND};
	const cchc_gap *g = p->gap;
	if (!g->previous)
		return;
	size_t good = 0;
	for (size_t i = 0; i < g->nchanges; i++)
		good += g->changes[i].achieved != 0;
	char a[24], b[24];
	snprintf(a, sizeof a, "%zu", good);
	snprintf(b, sizeof b, "%zu", g->nchanges - good);
	const char *args[] = {a, b};
	heading(p, CCHC_STR_GAP_CHANGES);
	sentence(p, CCHC_STR_GAP_CHANGE_SUMMARY, args, 2, NULL);
	hp_put(p, "<table class=\"changes\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "llnnl");
	for (size_t i = 0; i < g->nchanges; i++)
		change_row(p, &g->changes[i]);
	hp_put(p, "</tbody>\n</table>\n");
	if (g->nunmatched_previous)
		unmatched(p);
}

/* Every criterion the council appraised, its points computed and appraised and its reason,
 * whether it cut them or upheld them. */
static void council(html_page *p)
{
	static const cchc_str_id heads[] = {CCHC_STR_CRITERION, CCHC_STR_HTML_CONTENT,
	                                    CCHC_STR_HTML_COMPUTED, CCHC_STR_HTML_APPRAISED,
	                                    CCHC_STR_HTML_ROUND, CCHC_STR_HTML_BY, CCHC_STR_HTML_REASON};
	const cchc_score *s = p->gap->entry->score;
	if (!s->assessment)
		return;
	size_t nnodes, any = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nnodes);
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_item *it = nodes[i]->nchildren ? NULL : cchc_assessment_item(s->assessment, nodes[i]);
		if (!it || !it->nrounds)
			continue;
		if (!any++) {
			heading(p, CCHC_STR_HTML_COUNCIL);
			hp_put(p, "<table class=\"council\">\n");
			hp_head_row(p, heads, sizeof heads / sizeof *heads, "llnnnll");
		}
		const cchc_appraisal *ap = &it->rounds[it->nrounds - 1];
		const cchc_node_score *ns = cchc_score_node(s, nodes[i]);
		char round[24];
		snprintf(round, sizeof round, "%d", ap->round);
		hp_put(p, ap->points < ns->computed ? "<tr class=\"cut\">" : "<tr>");
		hp_td_id(p, nodes[i]->id);
		hp_td(p, nodes[i]->title);
		hp_td_points(p, ns->computed);
		hp_td_points(p, ap->points);
		hp_td_num(p, round, ap->round);
		hp_td(p, ap->by && *ap->by ? ap->by : cchc_str(CCHC_STR_APPRAISAL_BY, p->L));
		hp_td(p, ap->reason ? ap->reason : "");
		hp_put(p, "</tr>\n");
	}
	if (any)
		hp_put(p, "</tbody>\n</table>\n");
}

void cchc_html_agency_section(html_page *p)
{
	agency_header(p);
	position(p);
	figure(p, CCHC_STR_HTML_CHART_PROFILE);
	cchc_html_chart_profile(p->out, p->gap, p->L);
	hp_put(p, "</figure>\n");
	losses_table(p);
	if (p->gap->nlosses) {
		figure(p, CCHC_STR_HTML_CHART_PARETO);
		if (cchc_html_chart_pareto(p->out, p->gap, p->L) < 0)
			p->err = 1;
		hp_put(p, "</figure>\n");
	}
	council(p);
	causes(p);
	target(p);
	tasks(p);
	changes(p);
	hp_put(p, "</section>\n");
}
