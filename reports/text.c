/* The agency's score as a table for a terminal, at most 100 columns wide.
 * Widths are counted in code points (combining marks count zero) and text
 * is never cut inside a UTF-8 sequence. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

#define WIDTH 100
#define LABEL_W 56 /* indent, id and title */
#define CELL_W 13  /* "points/max", right-aligned */
#define CAUSE_COL (LABEL_W + 1 + CELL_W + 2)
#define CAUSE_W (WIDTH - CAUSE_COL)
#define CELL_SIZE (2 * CCHC_FMT_SIZE + 2) /* bytes of "points/max" */
#define TITLE_LINES 3 /* a longer title is cut with "…" */
#define MIN_TITLE_W 16
#define ELLIPSIS "\xE2\x80\xA6"

typedef struct {
	const char *s;
	size_t len, width;
} span;

typedef struct {
	cchc_buf *out;
	const cchc_score *s;
	cchc_lang lang;
} ctx;

static size_t width_of(const char *s)
{
	return s ? cchc_utf8_width(s, strlen(s)) : 0;
}

static void pad(cchc_buf *out, size_t used, size_t target)
{
	if (used < target)
		cchc_buf_repeat(out, ' ', target - used);
}

/*
 * The next line of s[0..len) at most w columns wide, broken after a word
 * when possible. @return bytes consumed (the line and the spaces after it).
 */
static size_t next_line(const char *s, size_t len, size_t w, span *line)
{
	size_t lead = 0;
	while (lead < len && s[lead] == ' ')
		lead++;
	s += lead;
	len -= lead;
	size_t fit = cchc_utf8_fit(s, len, w, NULL);
	size_t end = fit;
	if (fit < len && s[fit] != ' ') {
		size_t sp = fit;
		while (sp > 0 && s[sp - 1] != ' ')
			sp--;
		if (sp > 0)
			end = sp - 1; /* break at the last space that fits */
	}
	size_t next = end;
	while (end > 0 && s[end - 1] == ' ')
		end--;
	if (end == 0 && fit == 0 && len > 0) /* w too small for one character: take one */
		end = next = cchc_utf8_fit(s, len, 1, NULL);
	line->s = s;
	line->len = end;
	line->width = cchc_utf8_width(s, end);
	return lead + next;
}

/* Split a title into at most TITLE_LINES lines of w columns; the last is cut with "…". */
static size_t wrap_title(const char *t, size_t w, span lines[TITLE_LINES], int *cut)
{
	size_t len = strlen(t), n = 0, off = 0;
	*cut = 0;
	while (n < TITLE_LINES) {
		while (off < len && t[off] == ' ')
			off++;
		if (off >= len)
			break;
		off += next_line(t + off, len - off, w, &lines[n]);
		n++;
	}
	while (off < len && t[off] == ' ')
		off++;
	if (off < len && n > 0) {
		/* Leave room for the ellipsis on the last line. */
		span *last = &lines[n - 1];
		size_t rest = (size_t)(t + len - last->s);
		size_t keep = cchc_utf8_fit(last->s, rest, w > 1 ? w - 1 : 0, NULL);
		/* Prefer to cut between words: "Rất dài…" rather than "Rất dài R…". */
		size_t sp = keep < rest ? keep : 0;
		while (sp > 0 && last->s[sp] != ' ')
			sp--;
		if (sp > 0)
			keep = sp;
		while (keep > 0 && last->s[keep - 1] == ' ')
			keep--;
		last->len = keep;
		last->width = cchc_utf8_width(last->s, keep);
		*cut = 1;
	}
	return n;
}

/* Text from the inputs, made safe for a terminal; "" when the scratch buffer failed. */
static const char *cleaned(cchc_buf *scratch, cchc_buf *out, const char *s, size_t len)
{
	if (cchc_utf8_clean(scratch, s ? s : "", s ? len : 0) < 0) {
		out->failed = 1;
		return "";
	}
	return scratch->data ? scratch->data : "";
}

/* Write text wrapped to the page; the caller has placed the first line, the
 * others start at column `col`. */
static void paragraph(cchc_buf *out, const char *text, size_t textlen, size_t col)
{
	cchc_buf t;
	cchc_buf_init(&t, out->cap);
	const char *s = cleaned(&t, out, text, textlen);
	size_t len = strlen(s);
	size_t w = WIDTH > col + MIN_TITLE_W ? WIDTH - col : MIN_TITLE_W, off = 0;
	int first = 1;
	while (off < len) {
		span line;
		off += next_line(s + off, len - off, w, &line);
		if (line.len == 0 && off >= len)
			break;
		if (!first)
			cchc_buf_repeat(out, ' ', col);
		cchc_buf_append(out, line.s, line.len);
		cchc_buf_puts(out, "\n");
		first = 0;
	}
	if (first)
		cchc_buf_puts(out, "\n");
	cchc_buf_dispose(&t);
}

/* The column a row's title (and its reason) starts at, after the head. */
static size_t title_col(size_t indent, size_t headw)
{
	size_t col = indent + headw + 1;
	return col + MIN_TITLE_W > LABEL_W ? LABEL_W - MIN_TITLE_W : col;
}

/* One table row: head ("1.1.1" or "Nhóm 1."), wrapped title, points cell, cause. */
static void row(cchc_buf *out, size_t indent, const char *rawhead, const char *rawtitle,
                const char *cell, const char *cause)
{
	cchc_buf hb, tb;
	cchc_buf_init(&hb, out->cap);
	cchc_buf_init(&tb, out->cap);
	const char *head = cleaned(&hb, out, rawhead, rawhead ? strlen(rawhead) : 0);
	const char *title = cleaned(&tb, out, rawtitle, rawtitle ? strlen(rawtitle) : 0);
	size_t headw, headlen = cchc_utf8_fit(head, strlen(head), LABEL_W - indent, &headw);
	size_t tcol = title_col(indent, headw);
	span lines[TITLE_LINES];
	int cut;
	size_t n = wrap_title(title, LABEL_W - tcol, lines, &cut);

	/* First line: the head, then the title where it fits on the same line. */
	cchc_buf_repeat(out, ' ', indent);
	cchc_buf_append(out, head, headlen);
	size_t used = indent + headw, first = 0;
	if (n > 0 && used + 1 <= tcol) {
		pad(out, used, tcol);
		cchc_buf_append(out, lines[0].s, lines[0].len);
		used = tcol + lines[0].width;
		if (cut && n == 1) {
			cchc_buf_puts(out, ELLIPSIS);
			used++;
		}
		first = 1;
	}
	pad(out, used, LABEL_W + 1);
	size_t cw = width_of(cell);
	pad(out, LABEL_W + 1 + cw, LABEL_W + 1 + CELL_W);
	cchc_buf_puts(out, cell);
	/* The cause, worded as the plans word it, wraps in its own column. */
	span causes[TITLE_LINES];
	int ccut;
	size_t nc = cause && *cause ? wrap_title(cause, CAUSE_W, causes, &ccut) : 0, ci = 0;
	if (nc > 0) {
		cchc_buf_puts(out, "  ");
		cchc_buf_append(out, causes[0].s, causes[0].len);
		ci = 1;
	}
	cchc_buf_puts(out, "\n");
	for (size_t i = first; i < n || ci < nc; i++) {
		used = 0;
		if (i < n) {
			cchc_buf_repeat(out, ' ', tcol);
			cchc_buf_append(out, lines[i].s, lines[i].len);
			used = tcol + lines[i].width;
			if (cut && i + 1 == n) {
				cchc_buf_puts(out, ELLIPSIS);
				used++;
			}
		}
		if (ci < nc) {
			pad(out, used, CAUSE_COL);
			cchc_buf_append(out, causes[ci].s, causes[ci].len);
			ci++;
		}
		cchc_buf_puts(out, "\n");
	}
	cchc_buf_dispose(&hb);
	cchc_buf_dispose(&tb);
}

/* "8,25/13"; penalty nodes show their (negative) points alone; "—" when excluded. */
static void points_cell(char cell[CELL_SIZE], const cchc_node *n, const cchc_node_score *ns,
                        cchc_lang lang)
{
	char p[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE];
	cchc_fmt_points(p, ns->points, lang);
	cchc_fmt_points_short(m, ns->max, lang);
	if (ns->excluded)
		snprintf(cell, CELL_SIZE, "%s", "\xE2\x80\x94");
	else if (n->group->kind == CCHC_GROUP_PENALTY)
		snprintf(cell, CELL_SIZE, "%s", p);
	else
		snprintf(cell, CELL_SIZE, "%s/%s", p, m);
}

static void reason_line(const ctx *c, const cchc_node *n, const cchc_node_score *ns, size_t col)
{
	cchc_buf r;
	cchc_buf_init(&r, c->out->cap);
	if (cchc_reason_format(&r, n, ns, c->lang) < 0)
		c->out->failed = 1;
	else if (r.len > 0) {
		cchc_buf_repeat(c->out, ' ', col);
		cchc_buf_puts(c->out, "\xE2\x86\x92 "); /* → */
		paragraph(c->out, r.data, r.len, col + 2);
	}
	cchc_buf_dispose(&r);
}

static void criterion(const ctx *c, const cchc_node *n)
{
	const cchc_node_score *ns = cchc_score_node(c->s, n);
	const int leaf = n->nchildren == 0;
	char cell[CELL_SIZE];
	const char *cause = "";
	points_cell(cell, n, ns, c->lang);
	if (leaf)
		cause = ns->na ? cchc_str(CCHC_STR_NOT_APPLICABLE, c->lang)
		               : cchc_cause_label(ns->cause, c->lang);
	size_t indent = 2 * (size_t)n->depth;
	if (indent > LABEL_W - MIN_TITLE_W - 2)
		indent = LABEL_W - MIN_TITLE_W - 2;
	row(c->out, indent, n->id, n->title, cell, cause);
	if (leaf && (ns->cause != CCHC_CAUSE_NONE || ns->na))
		reason_line(c, n, ns, title_col(indent, width_of(n->id)));
	for (size_t i = 0; i < n->nchildren; i++)
		criterion(c, n->children[i]);
}

static void group(const ctx *c, const cchc_node *g)
{
	const cchc_node_score *ns = cchc_score_node(c->s, g);
	char cell[CELL_SIZE];
	cchc_buf head;
	cchc_buf_init(&head, c->out->cap);
	cchc_buf_printf(&head, "%s %s.", cchc_str(CCHC_STR_GROUP, c->lang), g->id);
	points_cell(cell, g, ns, c->lang);
	cchc_buf_puts(c->out, "\n");
	row(c->out, 0, head.failed || !head.data ? "" : head.data, g->title, cell, "");
	if (head.failed)
		c->out->failed = 1;
	cchc_buf_dispose(&head);
	for (size_t i = 0; i < g->nchildren; i++)
		criterion(c, g->children[i]);
}

/* "Label:" padded to labelw, then the value wrapped under itself. */
static void field(cchc_buf *out, const char *label, size_t labelw, const char *value)
{
	cchc_buf_printf(out, "%s:", label);
	pad(out, width_of(label) + 1, labelw + 2);
	paragraph(out, value, strlen(value), labelw + 2);
}

/* field() with a value built in v, which is then emptied; a failed v fails out. */
static void field_buf(cchc_buf *out, const char *label, size_t labelw, cchc_buf *v)
{
	if (v->failed)
		out->failed = 1;
	field(out, label, labelw, v->data && !v->failed ? v->data : "");
	cchc_buf_dispose(v);
}

static size_t widest(const char *const *labels, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (width_of(labels[i]) > w)
			w = width_of(labels[i]);
	return w;
}

static void header(const ctx *c)
{
	const cchc_score *s = c->s;
	const cchc_assessment *a = s->assessment;
	const cchc_lang L = c->lang;
	const char *block = cchc_assessment_agency_block(a);
	const char *labels[] = {cchc_str(CCHC_STR_CRITERIA_SET, L), cchc_str(CCHC_STR_AGENCY, L),
	                        cchc_str(CCHC_STR_BLOCK, L), cchc_str(CCHC_STR_YEAR, L)};
	const size_t lw = widest(labels, 4);
	cchc_buf v;
	cchc_buf_init(&v, c->out->cap);

	cchc_buf_puts(c->out, cchc_str(CCHC_STR_REPORT_TITLE, L));
	cchc_buf_puts(c->out, "\n");
	cchc_buf_printf(&v, "%s (%s)", cchc_criteria_title(s->set), cchc_criteria_id(s->set));
	field_buf(c->out, labels[0], lw, &v);
	cchc_buf_printf(&v, "%s (%s)", cchc_assessment_agency_name(a),
	                cchc_assessment_agency_id(a));
	field_buf(c->out, labels[1], lw, &v);
	if (block && *block)
		field(c->out, labels[2], lw, block);
	cchc_buf_printf(&v, "%d", cchc_assessment_year(a));
	field_buf(c->out, labels[3], lw, &v);

	cchc_buf_repeat(c->out, '=', WIDTH);
	cchc_buf_puts(c->out, "\n");
	const char *crit = cchc_str(CCHC_STR_CRITERION, L);
	cchc_buf_puts(c->out, crit);
	size_t used = width_of(crit);
	cchc_buf_puts(&v, cchc_str(CCHC_STR_POINTS, L));
	cchc_buf_puts(&v, "/");
	cchc_buf_puts(&v, cchc_str(CCHC_STR_MAX, L));
	size_t cw = v.data ? width_of(v.data) : 0;
	pad(c->out, used, LABEL_W + 1 + (cw < CELL_W ? CELL_W - cw : 0));
	cchc_buf_puts(c->out, v.data ? v.data : "");
	if (v.failed)
		c->out->failed = 1;
	cchc_buf_dispose(&v);
	cchc_buf_printf(c->out, "  %s\n", cchc_str(CCHC_STR_CAUSE, L));
	cchc_buf_repeat(c->out, '-', WIDTH);
	cchc_buf_puts(c->out, "\n");
}

static void totals(const ctx *c)
{
	const cchc_score *s = c->s;
	const cchc_lang L = c->lang;
	size_t ngroups = 0;
	const cchc_node *const *groups = cchc_criteria_groups(s->set, &ngroups);
	int has_bonus = 0, has_penalty = 0, has_self = 0;
	for (size_t i = 0; i < ngroups; i++) {
		has_bonus |= groups[i]->kind == CCHC_GROUP_BONUS;
		has_penalty |= groups[i]->kind == CCHC_GROUP_PENALTY;
		has_self |= cchc_score_node(s, groups[i])->has_self;
	}
	enum { FRAME, BONUS, PENALTY, SELF_CHECK, TOTAL, INDEX, BAND, SELF, COUNTS, NLABELS };
	const char *labels[NLABELS] = {
		cchc_str(CCHC_STR_FRAME, L), cchc_str(CCHC_STR_BONUS, L),
		cchc_str(CCHC_STR_PENALTY_POINTS, L), cchc_str(CCHC_STR_SELF_CHECK, L),
		cchc_str(CCHC_STR_TOTAL, L),
		cchc_str(CCHC_STR_INDEX, L), cchc_str(CCHC_STR_BAND, L),
		cchc_str(CCHC_STR_SELF, L), cchc_str(CCHC_STR_COUNTS, L)};
	if (!s->self_check)
		labels[SELF_CHECK] = ""; /* a long label: widen the column only when it is shown */
	const size_t lw = widest(labels, NLABELS);
	char p[CCHC_FMT_SIZE], m[CCHC_FMT_SIZE], d[CCHC_FMT_SIZE];
	cchc_buf v;
	cchc_buf_init(&v, c->out->cap);

	cchc_buf_puts(c->out, "\n");
	cchc_buf_repeat(c->out, '-', WIDTH);
	cchc_buf_puts(c->out, "\n");
	cchc_fmt_points_short(m, s->max, L);
	if (has_bonus || has_penalty) {
		cchc_fmt_points(p, s->frame, L);
		cchc_buf_printf(&v, "%s/%s", p, m);
		field_buf(c->out, labels[FRAME], lw, &v);
	}
	if (has_bonus) {
		cchc_fmt_points(p, s->bonus, L);
		field(c->out, labels[BONUS], lw, p);
	}
	if (has_penalty) {
		cchc_fmt_points(p, s->penalty, L);
		field(c->out, labels[PENALTY], lw, p);
	}
	if (s->self_check) {
		cchc_fmt_points(p, s->self_check, L);
		field(c->out, labels[SELF_CHECK], lw, p);
	}
	cchc_fmt_points(p, s->total, L);
	cchc_buf_printf(&v, "%s/%s", p, m);
	field_buf(c->out, labels[TOTAL], lw, &v);
	cchc_fmt_percent(p, s->index, L);
	cchc_buf_printf(&v, "%s %%", p);
	field_buf(c->out, labels[INDEX], lw, &v);
	field(c->out, labels[BAND], lw, s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, L));
	if (has_self) {
		cchc_fmt_points(p, s->self_total, L);
		cchc_fmt_points_signed(d, cchc_score_self_deviation(s), L);
		cchc_buf_printf(&v, "%s (%s %s)", p, cchc_str(CCHC_STR_SELF_DIFF, L), d);
		field_buf(c->out, labels[SELF], lw, &v);
	}
	cchc_leaf_counts n;
	cchc_report_counts(s, &n);
	cchc_buf_printf(&v, "%zu %s \xC2\xB7 %zu %s \xC2\xB7 %zu %s", /* "·" between counts */
	                n.full, cchc_str(CCHC_STR_COUNT_FULL, L),
	                n.partial, cchc_str(CCHC_STR_COUNT_PARTIAL, L),
	                n.zero, cchc_str(CCHC_STR_COUNT_ZERO, L));
	field_buf(c->out, labels[COUNTS], lw, &v);
}

int cchc_render_score_text(cchc_buf *out, const cchc_score *s, cchc_lang lang)
{
	const ctx c = {out, s, lang};
	size_t ngroups = 0;
	const cchc_node *const *groups = cchc_criteria_groups(s->set, &ngroups);
	header(&c);
	for (size_t i = 0; i < ngroups; i++)
		group(&c, groups[i]);
	totals(&c);
	return out->failed ? -1 : 0;
}
