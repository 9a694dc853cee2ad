/* The self-assessment check as a document for a terminal (text) or a report
 * (Markdown): the findings by severity, each with what to do, then the
 * estimate with its survey assumption, then the position in the field. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

typedef struct {
	cchc_buf *out;
	const cchc_check *c;
	cchc_lang L;
	int md;
} doc;

/* Data and the sentences holding it: in Markdown as text, never markup. */
static void text(doc *d, const char *s)
{
	cchc_doc_text(d->out, d->md, s);
}

static void fill(doc *d, cchc_str_id id, const char *const *args, size_t n)
{
	cchc_doc_fill(d->out, d->md, id, d->L, args, n);
}

static void heading(doc *d, const char *title)
{
	cchc_buf_printf(d->out, "\n%s", d->md ? "## " : "");
	text(d, title);
	cchc_buf_puts(d->out, d->md ? "\n\n" : "\n");
}

static void line(doc *d, cchc_str_id id, const char *const *args, size_t n)
{
	fill(d, id, args, n);
	cchc_buf_puts(d->out, d->md ? "\n\n" : "\n");
}

/* What the finding says and what to do, in that order. */
static void finding_ids(const cchc_finding *x, cchc_str_id *say, cchc_str_id *todo)
{
	static const cchc_str_id ids[CCHC_CHECK_KIND_COUNT][2] = {
		[CCHC_CHECK_NO_ENTRY] = {CCHC_STR_CHECK_NO_ENTRY, CCHC_STR_CHECK_NO_ENTRY_DO},
		[CCHC_CHECK_NA_NOT_ALLOWED] = {CCHC_STR_CHECK_NA, CCHC_STR_CHECK_NA_DO},
		[CCHC_CHECK_OVERCLAIM] = {CCHC_STR_CHECK_OVER, CCHC_STR_CHECK_OVER_DO},
		[CCHC_CHECK_NO_DOC] = {CCHC_STR_CHECK_NO_DOC, CCHC_STR_CHECK_NO_DOC_DO},
		[CCHC_CHECK_DATE_AFTER_SUBMISSION] = {CCHC_STR_CHECK_AFTER, CCHC_STR_CHECK_AFTER_DO},
		[CCHC_CHECK_DATE_BEFORE_CITED] = {CCHC_STR_CHECK_CITED, CCHC_STR_CHECK_CITED_DO},
		[CCHC_CHECK_CARRIED_OVER] = {CCHC_STR_CHECK_CARRIED, CCHC_STR_CHECK_CARRIED_DO},
		[CCHC_CHECK_DATE_OUTSIDE_YEAR] = {CCHC_STR_CHECK_OUTSIDE, CCHC_STR_CHECK_OUTSIDE_DO},
		[CCHC_CHECK_NO_EXPLANATION] = {CCHC_STR_CHECK_NO_NOTE, CCHC_STR_CHECK_NO_NOTE_DO},
		[CCHC_CHECK_NO_PLACE] = {CCHC_STR_CHECK_NO_PLACE, CCHC_STR_CHECK_NO_PLACE_DO},
	};
	*say = ids[x->kind][0];
	*todo = ids[x->kind][1];
	/* a date entered on the item rather than a document's */
	if (!x->doc && x->kind == CCHC_CHECK_DATE_AFTER_SUBMISSION)
		*say = CCHC_STR_CHECK_AFTER_ITEM;
	if (!x->doc && x->kind == CCHC_CHECK_DATE_OUTSIDE_YEAR)
		*say = CCHC_STR_CHECK_OUTSIDE_ITEM;
}

static void write_finding(doc *d, const cchc_finding *x)
{
	char a[CCHC_FMT_SIZE] = "", b[CCHC_FMT_SIZE] = "", date[CCHC_FMT_SIZE], other[CCHC_FMT_SIZE];
	char year[16], ln[24], carried[64] = "";
	const char *args[4];
	cchc_str_id say, todo;
	finding_ids(x, &say, &todo);
	snprintf(year, sizeof year, "%d", x->year ? x->year : cchc_assessment_year(d->c->assessment));
	cchc_fmt_date(date, x->date, d->L);
	cchc_fmt_date(other, x->other, d->L);
	switch (x->kind) {
	case CCHC_CHECK_OVERCLAIM:
	case CCHC_CHECK_NO_DOC:
	case CCHC_CHECK_NO_EXPLANATION:
		cchc_fmt_points_short(a, x->self, d->L);
		cchc_fmt_points_short(b, x->computed, d->L);
		args[0] = a;
		args[1] = b;
		break;
	case CCHC_CHECK_CARRIED_OVER:
		if (x->other)
			snprintf(carried, sizeof carried, d->L == CCHC_LANG_VI ? " (ngày %s)" : " (dated %s)",
			         other);
		args[0] = carried;
		break;
	default:
		args[0] = x->doc && x->doc->ref ? x->doc->ref : "";
		args[1] = date;
		args[2] = x->kind == CCHC_CHECK_DATE_OUTSIDE_YEAR ? year : other;
	}
	cchc_buf_puts(d->out, d->md ? "- **" : "  ");
	text(d, x->node->id);
	cchc_buf_puts(d->out, d->md ? "** " : " ");
	text(d, x->node->title);
	cchc_buf_puts(d->out, " (");
	char st[CCHC_FMT_SIZE];
	cchc_fmt_points_short(st, x->stake, d->L);
	const char *stake[] = {st};
	fill(d, CCHC_STR_CHECK_STAKE, stake, 1);
	if (x->line) {
		snprintf(ln, sizeof ln, "%ld", x->line);
		const char *l[] = {ln};
		cchc_buf_puts(d->out, ", ");
		fill(d, CCHC_STR_CHECK_LINE, l, 1);
	}
	cchc_buf_puts(d->out, "): ");
	fill(d, say, args, 3);
	cchc_buf_puts(d->out, d->md ? ". " : ".\n    ");
	/* what to do: the claim the evidence supports, or the year */
	const char *targs[] = {year, b};
	cchc_buf tmp;
	cchc_buf_init(&tmp, 1 << 16);
	cchc_str_fill(&tmp, todo, d->L, targs, 2);
	const char *t[] = {tmp.data ? tmp.data : ""};
	fill(d, CCHC_STR_CHECK_TODO, t, 1);
	cchc_buf_dispose(&tmp);
	cchc_buf_puts(d->out, ".\n");
}

/* The documents without a page or section, by criterion: "1.1.1, 1.2.1 (4), …". */
static void no_place(doc *d, size_t count)
{
	const cchc_check *c = d->c;
	cchc_buf list;
	cchc_buf_init(&list, 1 << 20);
	for (size_t i = 0; i < c->nfindings; i++) {
		const cchc_finding *x = &c->findings[i];
		if (x->kind != CCHC_CHECK_NO_PLACE ||
		    (i > 0 && c->findings[i - 1].kind == CCHC_CHECK_NO_PLACE &&
		     c->findings[i - 1].node == x->node))
			continue;
		size_t k = i + 1;
		while (k < c->nfindings && c->findings[k].kind == CCHC_CHECK_NO_PLACE &&
		       c->findings[k].node == x->node)
			k++;
		cchc_buf_printf(&list, "%s%s", list.len ? ", " : "", x->node->id);
		if (k - i > 1)
			cchc_buf_printf(&list, " (%zu)", k - i);
	}
	char n[24];
	snprintf(n, sizeof n, "%zu", count);
	const char *args[] = {n, list.data ? list.data : ""};
	cchc_buf_puts(d->out, d->md ? "- " : "  ");
	fill(d, CCHC_STR_CHECK_NO_PLACE_LIST, args, 2);
	cchc_buf_puts(d->out, d->md ? ". " : ".\n    ");
	const char *t[] = {cchc_str(CCHC_STR_CHECK_NO_PLACE_DO, d->L)};
	fill(d, CCHC_STR_CHECK_TODO, t, 1);
	cchc_buf_puts(d->out, ".\n");
	cchc_buf_dispose(&list);
}

static size_t criteria_at(const cchc_check *c, cchc_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nfindings; i++) {
		const cchc_finding *x = &c->findings[i];
		if (x->severity != sev)
			continue;
		/* once per criterion; a criterion that will lose is not counted among those that may */
		int seen = 0;
		for (size_t k = 0; k < c->nfindings && !seen; k++) {
			const cchc_finding *y = &c->findings[k];
			seen = y->node == x->node &&
			       ((y->severity == sev && k < i) ||
			        (sev == CCHC_SEVERITY_MAY_LOSE && y->severity == CCHC_SEVERITY_WILL_LOSE));
		}
		n += !seen;
	}
	return n;
}

static void findings(doc *d)
{
	const cchc_check *c = d->c;
	heading(d, cchc_str(CCHC_STR_CHECK_FINDINGS, d->L));
	if (c->nfindings == 0) {
		line(d, CCHC_STR_CHECK_NO_FINDINGS, NULL, 0);
	} else {
		char will[CCHC_FMT_SIZE], may[CCHC_FMT_SIZE], nw[24], nm[24], nf[24];
		cchc_fmt_points_short(will, c->will_lose, d->L);
		cchc_fmt_points_short(may, c->may_lose, d->L);
		size_t forms = 0;
		for (size_t i = 0; i < c->nfindings; i++)
			forms += c->findings[i].severity == CCHC_SEVERITY_FORM;
		snprintf(nw, sizeof nw, "%zu", criteria_at(c, CCHC_SEVERITY_WILL_LOSE));
		snprintf(nm, sizeof nm, "%zu", criteria_at(c, CCHC_SEVERITY_MAY_LOSE));
		snprintf(nf, sizeof nf, "%zu", forms);
		const char *args[] = {will, nw, may, nm, nf};
		line(d, CCHC_STR_CHECK_SUMMARY, args, 5);
	}
	static const cchc_str_id sev[] = {CCHC_STR_CHECK_WILL, CCHC_STR_CHECK_MAY, CCHC_STR_CHECK_FORM};
	size_t unplaced = 0;
	for (int s = 0; s < 3; s++) {
		int first = 1;
		for (size_t i = 0; i < c->nfindings; i++) {
			if ((int)c->findings[i].severity != s)
				continue;
			if (c->findings[i].kind == CCHC_CHECK_NO_PLACE) {
				unplaced++; /* listed together below: one line, not one per document */
				continue;
			}
			if (first) {
				cchc_buf_printf(d->out, "%s%s\n%s", d->md ? "### " : "\n",
				                cchc_str(sev[s], d->L), d->md ? "\n" : "");
				first = 0;
			}
			write_finding(d, &c->findings[i]);
		}
	}
	if (unplaced)
		no_place(d, unplaced);
	if (!c->submitted) {
		cchc_buf_puts(d->out, "\n");
		line(d, CCHC_STR_CHECK_NO_SUBMITTED, NULL, 0);
	}
}

static void estimate(doc *d)
{
	const cchc_check *c = d->c;
	char t[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE], ix[CCHC_FMT_SIZE], sp[CCHC_FMT_SIZE],
		sm[CCHC_FMT_SIZE], n[24];
	heading(d, cchc_str(CCHC_STR_CHECK_ESTIMATE, d->L));
	cchc_fmt_points(t, c->total, d->L);
	cchc_fmt_points_short(m, c->max, d->L);
	cchc_fmt_percent(ix, c->index, d->L);
	const char *band = c->band ? c->band->label : cchc_str(CCHC_STR_NO_BAND, d->L);
	const char *args[] = {t, m, ix, band};
	line(d, CCHC_STR_CHECK_ESTIMATE_LINE, args, 4);
	cchc_fmt_points_short(sp, c->survey_points, d->L);
	cchc_fmt_points_short(sm, c->survey_max, d->L);
	snprintf(n, sizeof n, "%zu", c->survey_mean_of);
	if (c->survey == CCHC_SURVEY_NONE) {
		cchc_fmt_points_short(sp, cchc_criteria_max(cchc_assessment_criteria(c->assessment)) -
		                              c->survey_max, d->L);
		const char *a[] = {sp};
		line(d, CCHC_STR_CHECK_ASSUME_NONE, a, 1);
	} else {
		const char *a[] = {sp, sm, n};
		line(d, c->survey == CCHC_SURVEY_LAST ? CCHC_STR_CHECK_ASSUME_LAST
		                                      : CCHC_STR_CHECK_ASSUME_MEAN, a, 3);
	}
	line(d, CCHC_STR_CHECK_ESTIMATE_NOTE, NULL, 0);
}

/* "Sở Tài chính (stc)" */
static void agency_label(char *buf, size_t size, const cchc_score *s)
{
	snprintf(buf, size, "%s (%s)", cchc_assessment_agency_name(s->assessment),
	         cchc_assessment_agency_id(s->assessment));
}

static void position(doc *d)
{
	const cchc_check *c = d->c;
	const cchc_check_position *p = &c->position;
	char others[24], r[24], of[24], g[CCHC_FMT_SIZE], who[512], lo[24], hi[24], dr[24];
	if (!c->has_position) {
		heading(d, cchc_str(CCHC_STR_CHECK_POSITION, d->L));
		line(d, CCHC_STR_CHECK_NO_FIELD, NULL, 0);
		return;
	}
	snprintf(others, sizeof others, "%zu", p->of - 1);
	const char *h[] = {others};
	cchc_buf tmp;
	cchc_buf_init(&tmp, 1 << 16);
	cchc_str_fill(&tmp, CCHC_STR_CHECK_POSITION, d->L, h, 1);
	heading(d, tmp.data ? tmp.data : "");
	cchc_buf_dispose(&tmp);
	snprintf(r, sizeof r, "%zu", p->rank);
	snprintf(of, sizeof of, "%zu", p->of);
	const char *ra[] = {r, of};
	line(d, CCHC_STR_CHECK_RANK, ra, 2);
	if (p->above) {
		cchc_fmt_points(g, p->gap_above, d->L);
		agency_label(who, sizeof who, p->above);
		const char *a[] = {g, who};
		line(d, CCHC_STR_CHECK_ABOVE, a, 2);
	} else {
		line(d, CCHC_STR_CHECK_TOP, NULL, 0);
	}
	if (p->below) {
		cchc_fmt_points(g, p->gap_below, d->L);
		agency_label(who, sizeof who, p->below);
		const char *a[] = {g, who};
		line(d, CCHC_STR_CHECK_BELOW, a, 2);
	} else {
		line(d, CCHC_STR_CHECK_BOTTOM, NULL, 0);
	}
	if (c->survey == CCHC_SURVEY_NONE) {
		cchc_fmt_points_short(g, p->scale, d->L);
		const char *a[] = {g};
		line(d, CCHC_STR_CHECK_SCALE, a, 1);
		line(d, CCHC_STR_CHECK_NO_INTERVAL, NULL, 0);
	} else if (p->has_interval) {
		snprintf(lo, sizeof lo, "%zu", p->rank_p5);
		snprintf(hi, sizeof hi, "%zu", p->rank_p95);
		snprintf(dr, sizeof dr, "%zu", p->draws);
		const char *a[] = {lo, hi, dr};
		line(d, CCHC_STR_CHECK_INTERVAL, a, 3);
	}
}

int cchc_render_check_text(cchc_buf *out, const cchc_check *c, int markdown, cchc_lang lang)
{
	doc d = {out, c, lang, markdown};
	const cchc_assessment *a = c->assessment;
	cchc_buf_printf(out, "%s%s\n", markdown ? "# " : "", cchc_str(CCHC_STR_CHECK_TITLE, lang));
	if (markdown)
		cchc_buf_puts(out, "\n");
	cchc_buf_printf(out, "%s: ", cchc_str(CCHC_STR_AGENCY, lang));
	text(&d, cchc_assessment_agency_name(a));
	cchc_buf_puts(out, " (");
	text(&d, cchc_assessment_agency_id(a));
	cchc_buf_printf(out, ") · %s %d · %s: ", cchc_str(CCHC_STR_YEAR, lang), cchc_assessment_year(a),
	                cchc_str(CCHC_STR_CRITERIA_SET, lang));
	text(&d, cchc_criteria_title(cchc_assessment_criteria(a)));
	cchc_buf_puts(out, "\n");
	findings(&d);
	estimate(&d);
	position(&d);
	return out->failed ? -1 : 0;
}
