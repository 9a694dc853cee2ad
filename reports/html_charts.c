/* The HTML report's charts as inline SVG: totals by agency with the band
 * thresholds, an agency's group profile against the block, and the Pareto
 * of its lost points. Lengths come from exact hundredths (cchc_svg_scale); text is
 * cut to the room it has, so nothing spills out of its box in print. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_priv.h"

#define W 720          /* every chart's viewBox width */
#define FONT 11        /* labels */
#define SMALL 10       /* ticks, values, legends */

typedef struct {
	const char *colour;
	const char *text;
} legend_item;

/* Swatches and their labels in rows across the chart; @return the height used. */
static int legend(cchc_buf *out, const legend_item *items, size_t n, int y0)
{
	long x = 4, y = y0;
	for (size_t i = 0; i < n; i++) {
		size_t cols = cchc_utf8_width(items[i].text, strlen(items[i].text));
		size_t room = cchc_svg_cols(W - 24, SMALL);
		if (cols > room)
			cols = room;
		long w = 16 + (long)cols * SMALL * 62 / 100 + 14;
		if (x > 4 && x + w > W) {
			x = 4;
			y += 16;
		}
		cchc_svg_rect(out, "swatch", PX(x), PX(y), PX(10), PX(10), items[i].colour, NULL);
		cchc_svg_text(out, "legend", PX(x + 14), PX(y + 9), "start", items[i].text, room);
		x += w;
	}
	return n ? y - y0 + 16 : 0;
}

/* ---- totals by agency ---- */

#define T_RANK_X 24    /* rank numbers end here */
#define T_NAME_X 30    /* names start here */
#define T_PLOT_X 300
#define T_PLOT_W 360
#define T_ROW 18
#define T_BAR 12
#define T_LABEL_ROWS 3

#define T_LINE 12     /* a wrapped name's second line */

/* The axis runs from lo to hi: hi the set's max (or the top total rounded up to 10 points
 * if higher), lo the lowest total rounded down to 10 points, so that 70 and 82 stand apart
 * rather than all bars sharing a long common stem; 0 when a total is negative. */
typedef struct {
	cchc_points lo, hi;
	long x0, w; /* where the axis is drawn, pixels */
} t_axis;

static t_axis totals_axis(const cchc_block *b)
{
	t_axis a = {0, cchc_criteria_max(b->set), T_PLOT_X, T_PLOT_W};
	cchc_points top = b->n ? b->entries[0].score->total : 0, low = top;
	for (size_t i = 0; i < b->n; i++)
		if (b->entries[i].score->total < low)
			low = b->entries[i].score->total;
	if (top > a.hi)
		a.hi = (top + 999) / 1000 * 1000;
	if (a.hi <= 0)
		a.hi = 1000;
	if (low > 0) {
		a.lo = low / 1000 * 1000;
		if (a.lo == low) /* the lowest bar keeps some length */
			a.lo -= 1000;
		if (a.lo < 0 || a.hi - a.lo < 2000)
			a.lo = 0;
	}
	return a;
}

/* x of v on the axis, tenths of a pixel */
static long t_x(const t_axis *a, cchc_points v)
{
	return PX(a->x0) + cchc_svg_scale(v - a->lo, a->hi - a->lo, PX(a->w));
}

static int shown_threshold(const cchc_band *band, const t_axis *a)
{
	return band->min > a->lo && band->min > 0 && band->min <= a->hi;
}

/* Threshold labels in up to T_LABEL_ROWS rows, none over another; @return rows used. */
static int threshold_labels(cchc_buf *out, const cchc_block *b, const t_axis *a, int top,
                            cchc_lang L)
{
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(b->set, &nb);
	long row_end[T_LABEL_ROWS] = {0};
	int rows = 0;
	for (size_t k = nb; k-- > 0;) {
		if (!shown_threshold(&bands[k], a))
			continue;
		char v[CCHC_FMT_SIZE];
		cchc_fmt_points_short(v, bands[k].min, L);
		cchc_buf text;
		cchc_buf_init(&text, 1 << 12);
		cchc_buf_printf(&text, "%s \xE2\x89\xA5 %s", bands[k].label, v);
		const char *s = text.data ? text.data : v;
		size_t cols = cchc_svg_cols(110, SMALL), len = cchc_utf8_width(s, strlen(s));
		long x = t_x(a, bands[k].min) / 10;
		long w = (long)(len < cols ? len : cols) * SMALL * 62 / 100;
		int end = x + 3 + w > W; /* no room on the right: write it left of the line */
		long from = end ? x - 3 - w : x + 3;
		int r = 0;
		while (r < T_LABEL_ROWS - 1 && row_end[r] && from < row_end[r] + 6)
			r++;
		row_end[r] = end ? x : x + 3 + w;
		rows = r + 1 > rows ? r + 1 : rows;
		cchc_svg_text(out, "thr-label", PX(end ? x - 3 : x + 3), PX(top + 11 + 14 * r),
		         end ? "end" : "start", s, cols);
		cchc_buf_dispose(&text);
	}
	return rows;
}

static void threshold_lines(cchc_buf *out, const cchc_block *b, const t_axis *a, int y0, int y1)
{
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(b->set, &nb);
	for (size_t k = 0; k < nb; k++) {
		if (!shown_threshold(&bands[k], a))
			continue;
		long x = t_x(a, bands[k].min);
		cchc_svg_line(out, "thr", x, PX(y0), x, PX(y1));
	}
}

static void totals_axis_ticks(cchc_buf *out, const t_axis *a, int y, cchc_lang L)
{
	cchc_points step = 1000;
	while ((a->hi - a->lo) / step > 10)
		step *= 2;
	cchc_svg_line(out, "axis", PX(a->x0), PX(y), PX(a->x0 + a->w), PX(y));
	for (cchc_points v = a->lo; v <= a->hi; v += step) {
		char t[CCHC_FMT_SIZE];
		long x = t_x(a, v);
		cchc_fmt_points_short(t, v, L);
		cchc_svg_line(out, "tick", x, PX(y), x, PX(y + 4));
		cchc_svg_text(out, "tick-label", x, PX(y + 15), "middle", t, 0);
	}
	if (a->lo > 0) { /* say so: the bars do not start at zero */
		char t[CCHC_FMT_SIZE];
		cchc_fmt_points_short(t, a->lo, L);
		cchc_buf note;
		cchc_buf_init(&note, 1 << 12);
		const char *args[] = {t};
		cchc_str_fill(&note, CCHC_STR_HTML_AXIS_FROM, L, args, 1);
		cchc_svg_text(out, "tick-label axis-from", PX(a->x0 - 8), PX(y + 15), "end",
		              note.data ? note.data : "", 0);
		cchc_buf_dispose(&note);
	}
}

/* Where a bar's value label starts: after the bar, moved past any band line it would cross. */
static long value_x(const cchc_block *b, const t_axis *a, long bar_end, const char *v)
{
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(b->set, &nb);
	long x = bar_end + PX(4), w = PX((long)strlen(v) * SMALL * 62 / 100);
	for (size_t k = nb; k-- > 0;) { /* lowest threshold first */
		if (!shown_threshold(&bands[k], a))
			continue;
		long t = t_x(a, bands[k].min);
		if (t >= x - PX(3) && t <= x + w + PX(3))
			x = t + PX(4);
	}
	return x;
}

static size_t name_cols(int mark)
{
	return cchc_svg_cols(T_PLOT_X - 6 - T_NAME_X, mark ? FONT + 1 : FONT);
}

/* A row's height: one line, or two for a name that wraps. */
static int totals_row_h(const cchc_rank_entry *e, int mark)
{
	return cchc_svg_lines(cchc_html_agency_name(e->score), name_cols(mark), 2) > 1
	           ? T_ROW + T_LINE
	           : T_ROW;
}

static void totals_bar(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *e,
                       const t_axis *a, int y, int h, int mark, cchc_lang L)
{
	const cchc_score *s = e->score;
	char v[CCHC_FMT_SIZE], r[24], tip[512];
	cchc_fmt_points(v, s->total, L);
	snprintf(r, sizeof r, "%zu", e->rank);
	snprintf(tip, sizeof tip, "%s: %s", cchc_html_agency_name(s), v);
	long w = t_x(a, s->total) - PX(T_PLOT_X);
	int cls = cchc_html_band_class(s->set, s->band);
	int mid = y + (h - T_BAR) / 2; /* the bar, centred on the row */
	cchc_svg_text(out, mark ? "lbl mark" : "lbl", PX(T_RANK_X), PX(y + 13), "end", r, 0);
	cchc_svg_text_lines(out, mark ? "lbl mark" : "lbl", PX(T_NAME_X), PX(y + 13), PX(T_LINE),
	                    "start", cchc_html_agency_name(s), name_cols(mark), 2);
	cchc_svg_rect(out, mark ? "bar mark" : "bar", PX(T_PLOT_X), PX(mid), w, PX(T_BAR),
	              cchc_html_band_fill(cls), tip);
	cchc_svg_text(out, "val", value_x(b, a, PX(T_PLOT_X) + w, v), PX(mid + 10), "start", v, 0);
}

void cchc_html_chart_totals(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *mark,
                       cchc_lang L)
{
	t_axis a = totals_axis(b);
	/* threshold labels first, into a scratch buffer, to know how many rows they take */
	cchc_buf labels;
	cchc_buf_init(&labels, 1 << 16);
	int rows = threshold_labels(&labels, b, &a, 0, L);
	int top = 6 + 14 * rows + 4, y = top;
	for (size_t i = 0; i < b->n; i++)
		y += totals_row_h(&b->entries[i], &b->entries[i] == mark);
	cchc_svg_open(out, "chart-totals", W, y + 26, cchc_str(CCHC_STR_HTML_CHART_TOTALS, L));
	if (labels.len)
		cchc_buf_printf(out, "<g transform=\"translate(0 6)\">\n%s</g>\n", labels.data);
	cchc_buf_dispose(&labels);
	y = top;
	for (size_t i = 0; i < b->n; i++) {
		const int m = &b->entries[i] == mark, h = totals_row_h(&b->entries[i], m);
		totals_bar(out, b, &b->entries[i], &a, y, h, m, L);
		y += h;
	}
	threshold_lines(out, b, &a, top - 4, y);
	totals_axis_ticks(out, &a, y + 2, L);
	cchc_svg_close(out);
}

/* ---- a large block's distribution of totals ---- */

#define D_PLOT_X 150
#define D_PLOT_W 510
#define D_PLOT_H 150

/* The band a total falls in (bands best first), or NULL. */
static const cchc_band *band_of(const cchc_criteria *set, cchc_points v)
{
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(set, &nb);
	for (size_t k = 0; k < nb; k++)
		if (v >= bands[k].min)
			return &bands[k];
	return NULL;
}

int cchc_html_chart_distribution(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *mark,
                                 cchc_lang L)
{
	t_axis a = totals_axis(b);
	a.x0 = D_PLOT_X;
	a.w = D_PLOT_W;
	const cchc_points step = 100; /* one point a bin */
	const size_t nbins = (size_t)((a.hi - a.lo + step - 1) / step);
	size_t *count = calloc(nbins ? nbins : 1, sizeof *count), top = 1;
	if (!count)
		return -1;
	for (size_t i = 0; i < b->n; i++) {
		cchc_points v = b->entries[i].score->total;
		size_t k = v <= a.lo ? 0 : (size_t)((v - a.lo) / step);
		k = k < nbins ? k : nbins - 1;
		top = ++count[k] > top ? count[k] : top;
	}
	cchc_buf labels;
	cchc_buf_init(&labels, 1 << 16);
	int rows = threshold_labels(&labels, b, &a, 0, L);
	const int y0 = 6 + 14 * rows + 22, base = y0 + D_PLOT_H;
	cchc_svg_open(out, "chart-distribution", W, base + 30,
	              cchc_str(CCHC_STR_HTML_CHART_DISTRIBUTION, L));
	if (labels.len)
		cchc_buf_printf(out, "<g transform=\"translate(0 6)\">\n%s</g>\n", labels.data);
	cchc_buf_dispose(&labels);
	char n[24];
	snprintf(n, sizeof n, "%zu", top); /* the count axis: 0 and the tallest bin */
	cchc_svg_line(out, "grid", PX(D_PLOT_X), PX(y0), PX(D_PLOT_X + D_PLOT_W), PX(y0));
	cchc_svg_text(out, "tick-label", PX(D_PLOT_X - 4), PX(y0 + 4), "end", n, 0);
	cchc_svg_text(out, "tick-label", PX(D_PLOT_X - 4), PX(base), "end", "0", 0);
	cchc_svg_text_lines(out, "axis-title", PX(4), PX(y0 + D_PLOT_H / 2), PX(12), "start",
	                    cchc_str(CCHC_STR_AGENCIES, L), cchc_svg_cols(D_PLOT_X - 40, SMALL), 2);
	for (size_t k = 0; k < nbins; k++) {
		if (!count[k])
			continue;
		const cchc_points from = a.lo + (cchc_points)k * step, to = from + step;
		char f[CCHC_FMT_SIZE], t[CCHC_FMT_SIZE], c[24];
		cchc_fmt_points_short(f, from, L);
		cchc_fmt_points_short(t, to, L);
		snprintf(c, sizeof c, "%zu", count[k]);
		const char *args[] = {f, t, c};
		cchc_buf tip;
		cchc_buf_init(&tip, 1 << 12);
		cchc_str_fill(&tip, CCHC_STR_HTML_BIN, L, args, 3);
		const long x = t_x(&a, from), w = t_x(&a, to) - x;
		const long h = cchc_svg_scale((int64_t)count[k], (int64_t)top, PX(D_PLOT_H));
		const cchc_band *band = band_of(b->set, from);
		cchc_svg_rect(out, "bar", x, PX(base) - h, w > 10 ? w - 10 : w, h,
		              cchc_html_band_fill(cchc_html_band_class(b->set, band)),
		              tip.data ? tip.data : "");
		cchc_buf_dispose(&tip);
	}
	free(count);
	threshold_lines(out, b, &a, y0 - 4, base);
	totals_axis_ticks(out, &a, base + 2, L);
	if (mark) { /* the analysed agency: a line at its total, its name above the bins */
		char v[CCHC_FMT_SIZE], label[600];
		cchc_fmt_points(v, mark->score->total, L);
		snprintf(label, sizeof label, "%s: %s", cchc_html_agency_name(mark->score), v);
		const long x = t_x(&a, mark->score->total);
		cchc_svg_line(out, "mark-line", x, PX(y0 - 14), x, PX(base));
		const int right = x / 10 > D_PLOT_X + D_PLOT_W / 2;
		cchc_svg_text(out, "val mark", right ? x - PX(4) : x + PX(4), PX(y0 - 6),
		              right ? "end" : "start", label, cchc_svg_cols(D_PLOT_W / 2, SMALL));
	}
	cchc_svg_close(out);
	return out->failed ? -1 : 0;
}

/* ---- group profile ---- */

#define P_PLOT_X 270
#define P_PLOT_W 380
#define P_BAR 8        /* three bars per group, P_STEP apart */
#define P_STEP 11
#define P_ROW (3 * P_STEP + 6)

static int shown_group(const cchc_node *g)
{
	return g->kind == CCHC_GROUP_SCORED || g->kind == CCHC_GROUP_SURVEY;
}

/* The block mean of a group's points (a display statistic) as a share of its max. */
static long mean_share(const cchc_stat *st, cchc_points max)
{
	if (st->n == 0 || max <= 0 || st->mean <= 0)
		return st->n == 0 ? -1 : 0;
	return (long)(st->mean * 100.0 * 1000.0 / (double)max + 0.5);
}

/* Group position g's share of its max; slimmed scores (cchc gap keeps only the
 * analysed agency whole) still hold their groups. */
static long node_share(const cchc_score *s, size_t g)
{
	const cchc_node_score *ns = cchc_score_group(s, g);
	return ns->excluded || ns->max <= 0 ? -1 : cchc_html_share_tenths(ns->points, ns->max);
}

static void profile_bar(cchc_buf *out, long share, int y, const char *colour, const char *tip,
                        cchc_lang L)
{
	char v[CCHC_FMT_SIZE];
	if (share < 0) {
		cchc_svg_text(out, "val small", PX(P_PLOT_X + 4), PX(y + 7), "start", "\xE2\x80\x94", 0);
		return;
	}
	long w = cchc_svg_scale(share, 1000, PX(P_PLOT_W));
	cchc_html_fmt_tenths(v, share, L);
	cchc_svg_rect(out, "bar", PX(P_PLOT_X), PX(y), w, PX(P_BAR), colour, tip);
	cchc_svg_text(out, "val small", PX(P_PLOT_X + 4) + w, PX(y + 7), "start", v, 0);
}

static void profile_ticks(cchc_buf *out, int y0, int y1)
{
	for (long t = 0; t <= 1000; t += 250) {
		char v[16];
		long x = PX(P_PLOT_X) + cchc_svg_scale(t, 1000, PX(P_PLOT_W));
		snprintf(v, sizeof v, "%ld %%", t / 10);
		cchc_svg_line(out, t ? "grid" : "axis", x, PX(y0), x, PX(y1));
		cchc_svg_text(out, "tick-label", x, PX(y1 + 14), "middle", v, 0);
	}
}

void cchc_html_chart_profile(cchc_buf *out, const cchc_gap *gap, cchc_lang L)
{
	const cchc_block *b = gap->block;
	const cchc_score *me = gap->entry->score, *top = b->entries[0].score;
	size_t ng, shown = 0;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ng);
	for (size_t i = 0; i < ng; i++)
		shown += shown_group(groups[i]);
	static const char *const colours[] = {"#3465a4", "#a3a3a3", "#1a9850"};
	char top_label[512];
	snprintf(top_label, sizeof top_label, "%s: %s", cchc_str(CCHC_STR_HTML_TOP_AGENCY, L),
	         cchc_html_agency_name(top));
	const legend_item items[] = {{colours[0], cchc_html_agency_name(me)},
	                             {colours[1], cchc_str(CCHC_STR_HTML_BLOCK_MEAN, L)},
	                             {colours[2], top_label}};
	cchc_buf body;
	cchc_buf_init(&body, 1 << 16);
	int y = 6 + legend(&body, items, 3, 6) + 8, y0 = y;
	for (size_t i = 0; i < ng; i++) {
		const cchc_node *g = groups[i];
		if (!shown_group(g))
			continue;
		char label[512];
		snprintf(label, sizeof label, "%s. %s", g->id, g->title);
		/* wrapped, not cut: up to three lines beside the group's three bars */
		const size_t cols = cchc_svg_cols(P_PLOT_X - 14, FONT);
		const size_t n = cchc_svg_lines(label, cols, 3);
		cchc_svg_text_lines(&body, "lbl", PX(P_PLOT_X - 8),
		                    PX(y + 3 + P_STEP + 8) - PX(13) * (long)(n - 1) / 2, PX(13), "end",
		                    label, cols, 3);
		profile_bar(&body, node_share(me, i), y + 3, colours[0], items[0].text, L);
		profile_bar(&body, mean_share(&b->nodes[g->index], g->max), y + 3 + P_STEP, colours[1],
		            items[1].text, L);
		profile_bar(&body, node_share(top, i), y + 3 + 2 * P_STEP, colours[2], top_label, L);
		y += P_ROW;
	}
	profile_ticks(&body, y0, y);
	cchc_svg_open(out, "chart-profile", W, y + 22, cchc_str(CCHC_STR_HTML_CHART_PROFILE, L));
	if (body.len)
		cchc_buf_append(out, body.data, body.len);
	cchc_svg_close(out);
	cchc_buf_dispose(&body);
}

/* ---- Pareto of lost points ---- */

#define R_PLOT_X 46
#define R_PLOT_W 630
#define R_PLOT_H 220
#define R_MAX_BARS 30   /* more losses than this: the rest share one bar */

static int by_lost(const void *pa, const void *pb)
{
	const cchc_loss *a = *(const cchc_loss *const *)pa, *b = *(const cchc_loss *const *)pb;
	if (a->lost != b->lost)
		return a->lost > b->lost ? -1 : 1;
	return a->leaf->index < b->leaf->index ? -1 : a->leaf->index > b->leaf->index;
}

/* A step of 0,25 · 0,5 · 1 · 2 · 2,5 · 5 · 10 … points giving at most 5 ticks. */
static cchc_points pareto_step(cchc_points top)
{
	static const cchc_points steps[] = {25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if ((top + steps[i] - 1) / steps[i] <= 5)
			return steps[i];
	return (top + 4) / 5;
}

static void pareto_axes(cchc_buf *out, cchc_points ymax, cchc_points step, int top, cchc_lang L)
{
	int base = top + R_PLOT_H;
	for (cchc_points v = 0; v <= ymax; v += step) {
		char t[CCHC_FMT_SIZE];
		long y = PX(base) - cchc_svg_scale(v, ymax, PX(R_PLOT_H));
		cchc_fmt_points_short(t, v, L);
		cchc_svg_line(out, v ? "grid" : "axis", PX(R_PLOT_X), y, PX(R_PLOT_X + R_PLOT_W), y);
		cchc_svg_text(out, "tick-label", PX(R_PLOT_X - 4), y + 35, "end", t, 0);
	}
	for (long p = 0; p <= 100; p += 25) {
		char t[16];
		long y = PX(base) - cchc_svg_scale(p, 100, PX(R_PLOT_H));
		snprintf(t, sizeof t, "%ld %%", p);
		cchc_svg_text(out, "tick-label", PX(R_PLOT_X + R_PLOT_W + 4), y + 35, "start", t, 0);
	}
	cchc_svg_text(out, "axis-title", PX(R_PLOT_X - 4), PX(top - 8), "start",
	         cchc_str(CCHC_STR_HTML_LOST_AXIS, L), cchc_svg_cols(R_PLOT_W / 2, SMALL));
	cchc_svg_text(out, "axis-title", PX(W - 2), PX(top - 8), "end",
	              cchc_str(CCHC_STR_HTML_CUMULATIVE, L),
	         cchc_svg_cols(R_PLOT_W / 2 - 10, SMALL));
}

/* The causes the chart shows, as legend items; @return how many. */
static size_t pareto_legend_items(const cchc_gap *gap, legend_item *items, int rest, cchc_lang L)
{
	size_t n = 0;
	for (int c = 1; c < CCHC_CAUSE_COUNT; c++)
		if (gap->count_by_cause[c])
			items[n++] = (legend_item){cchc_html_cause_colour((cchc_cause)c),
			                           cchc_cause_label((cchc_cause)c, L)};
	if (rest)
		items[n++] = (legend_item){cchc_html_cause_colour(CCHC_CAUSE_NONE),
		                           cchc_str(CCHC_STR_HTML_OTHERS, L)};
	return n;
}

static void pareto_bar(cchc_buf *out, const cchc_loss *l, long x, long slot, cchc_points ymax,
                       int base, cchc_lang L)
{
	char v[CCHC_FMT_SIZE], tip[1024];
	cchc_fmt_points(v, l->lost, L);
	snprintf(tip, sizeof tip, "%s %s: %s (%s)", l->leaf->id, l->leaf->title, v,
	         cchc_cause_label(l->ns->cause, L));
	long h = cchc_svg_scale(l->lost, ymax, PX(R_PLOT_H));
	cchc_svg_rect(out, "bar", x + slot * 15 / 100, PX(base) - h, slot * 70 / 100, h,
	         cchc_html_cause_colour(l->ns->cause), tip);
	cchc_svg_text_up(out, "id-label", x + slot / 2 + 30, PX(base + 5), l->leaf->id);
}

static void pareto_rest(cchc_buf *out, size_t k, cchc_points lost, long x, long slot,
                        cchc_points ymax, int base, cchc_lang L)
{
	char v[CCHC_FMT_SIZE], label[32], tip[128];
	cchc_fmt_points(v, lost, L);
	snprintf(label, sizeof label, "+%zu", k);
	snprintf(tip, sizeof tip, "%s (%s): %s", cchc_str(CCHC_STR_HTML_OTHERS, L), label, v);
	long h = cchc_svg_scale(lost, ymax, PX(R_PLOT_H));
	cchc_svg_rect(out, "bar", x + slot * 15 / 100, PX(base) - h, slot * 70 / 100, h,
	         cchc_html_cause_colour(CCHC_CAUSE_NONE), tip);
	cchc_svg_text_up(out, "id-label", x + slot / 2 + 30, PX(base + 5), label);
}

static void pareto_body(cchc_buf *out, const cchc_gap *gap, const cchc_loss **sorted, int top,
                        cchc_lang L)
{
	size_t n = gap->nlosses, bars = n > R_MAX_BARS ? R_MAX_BARS : n;
	size_t own = n > R_MAX_BARS ? R_MAX_BARS - 1 : n; /* bars of their own */
	cchc_points sum = 0, rest = 0;
	for (size_t i = 0; i < n; i++) {
		sum += sorted[i]->lost;
		if (i >= own)
			rest += sorted[i]->lost;
	}
	cchc_points big = sorted[0]->lost > rest ? sorted[0]->lost : rest;
	cchc_points step = pareto_step(big), ymax = (big + step - 1) / step * step;
	int base = top + R_PLOT_H;
	long slot = PX(R_PLOT_W) / (long)bars;
	pareto_axes(out, ymax, step, top, L);
	for (size_t i = 0; i < own; i++)
		pareto_bar(out, sorted[i], PX(R_PLOT_X) + (long)i * slot, slot, ymax, base, L);
	if (own < n)
		pareto_rest(out, n - own, rest, PX(R_PLOT_X) + (long)own * slot, slot, ymax, base, L);
	cchc_points cum = 0;
	cchc_svg_polyline_begin(out, "cum");
	for (size_t i = 0; i < bars; i++) {
		cum += i < own ? sorted[i]->lost : rest;
		cchc_svg_point(out, PX(R_PLOT_X) + (long)i * slot + slot / 2,
		          PX(base) - cchc_svg_scale(cum, sum, PX(R_PLOT_H)));
	}
	cchc_svg_polyline_end(out);
}

int cchc_html_chart_pareto(cchc_buf *out, const cchc_gap *gap, cchc_lang L)
{
	if (gap->nlosses == 0)
		return 0;
	const cchc_loss **sorted = malloc(gap->nlosses * sizeof *sorted);
	if (!sorted)
		return -1;
	for (size_t i = 0; i < gap->nlosses; i++)
		sorted[i] = &gap->losses[i];
	qsort(sorted, gap->nlosses, sizeof *sorted, by_lost);
	legend_item items[CCHC_CAUSE_COUNT + 1];
	size_t nitems = pareto_legend_items(gap, items, gap->nlosses > R_MAX_BARS, L);
	cchc_buf body;
	cchc_buf_init(&body, 1 << 20);
	int top = 6 + legend(&body, items, nitems, 6) + 22;
	pareto_body(&body, gap, sorted, top, L);
	cchc_svg_open(out, "chart-pareto", W, top + R_PLOT_H + 52,
	              cchc_str(CCHC_STR_HTML_CHART_PARETO, L));
	if (body.len)
		cchc_buf_append(out, body.data, body.len);
	cchc_svg_close(out);
	int rc = body.failed ? -1 : 0;
	cchc_buf_dispose(&body);
	free(sorted);
	return rc;
}
