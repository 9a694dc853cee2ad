/* Helpers of the HTML report (html.c, html_charts.c, svg.c); not public.
 * Every text from the inputs goes through cchc_html_text() or cchc_svg_text(); every
 * SVG coordinate is an integer in tenths of a pixel, derived from exact
 * hundredths of points. */
#ifndef CCHC_HTML_PRIV_H
#define CCHC_HTML_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "report_priv.h"

/* Pixels to the tenths of a pixel the SVG helpers take. */
#define PX(n) ((long)(n) * 10L)

/* ---- svg.c: escaped text ---- */

/*
 * Append s escaped for HTML text and attribute values: & < > " ' become
 * references, control characters spaces, invalid UTF-8 U+FFFD.
 */
void cchc_html_text(cchc_buf *out, const char *s);

/* At most `cols` code points of s, escaped; a cut text ends with "…". */
void cchc_html_text_cut(cchc_buf *out, const char *s, size_t cols);

/* A template of the strings table filled with args, escaped. @return 0 or -1 */
int cchc_html_fill(cchc_buf *out, cchc_str_id id, cchc_lang L, const char *const *args, size_t n);

/* An agency's display name: its name, else its id. */
const char *cchc_html_agency_name(const cchc_score *s);

/* ---- svg.c: shares and colours ---- */

/* points / max in tenths of a percent, half up (0 when max <= 0). */
long cchc_html_share_tenths(cchc_points points, cchc_points max);

/* Tenths of a percent as text: 615 → "61,5", 1000 → "100". */
void cchc_html_fmt_tenths(char out[CCHC_FMT_SIZE], long tenths, cchc_lang L);

/* The band's position in the palette: 0 (best) .. 4 (worst), 5 for no band. */
int cchc_html_band_class(const cchc_criteria *set, const cchc_band *band);

/* Strong colour of a palette position (bars, swatches). */
const char *cchc_html_band_fill(int cls);

/* Red–yellow–green scale for a share in tenths of a percent: "#rrggbb". */
void cchc_html_heat_colour(char out[8], long tenths);

/* A cause's colour in the Pareto chart. */
const char *cchc_html_cause_colour(cchc_cause cause);

/* ---- svg.c: SVG elements (coordinates in tenths of a pixel) ---- */

/* The charts' own style rules (sizes, strokes), for the page's <style> and for
 * the pictures rendered from the same SVG (the .docx). */
extern const char cchc_svg_css[];

/* v / vmax of len, rounded, clamped to 0..len. */
long cchc_svg_scale(int64_t v, int64_t vmax, long len);

/* How many code points of a font_px font fit in width_px (a conservative estimate). */
size_t cchc_svg_cols(long width_px, int font_px);

/* <svg> with a viewBox of w × h pixels, scaled to the page width, and its <title>. */
void cchc_svg_open(cchc_buf *out, const char *cls, int w, int h, const char *title);
void cchc_svg_close(cchc_buf *out);

/* A rectangle; fill NULL: the class styles it. tip: a tooltip (escaped), may be NULL. */
void cchc_svg_rect(cchc_buf *out, const char *cls, long x, long y, long w, long h, const char *fill,
              const char *tip);
void cchc_svg_line(cchc_buf *out, const char *cls, long x1, long y1, long x2, long y2);

/* Text at (x, y); anchor "start", "middle" or "end"; cut to cols code points (0: never). */
void cchc_svg_text(cchc_buf *out, const char *cls, long x, long y, const char *anchor,
                   const char *s, size_t cols);

/* Lines s takes wrapped at spaces into lines of at most cols code points (1..max_lines). */
size_t cchc_svg_lines(const char *s, size_t cols, size_t max_lines);

/* Text wrapped at spaces into at most max_lines lines of cols code points, line_h apart,
 * the first at (x, y); only what the last line cannot hold is cut, with "…". */
void cchc_svg_text_lines(cchc_buf *out, const char *cls, long x, long y, long line_h,
                         const char *anchor, const char *s, size_t cols, size_t max_lines);

/* Text turned 90° counter-clockwise, reading upwards, ending at (x, y). */
void cchc_svg_text_up(cchc_buf *out, const char *cls, long x, long y, const char *s);

/* Start a polyline; add points with cchc_svg_point(); end with cchc_svg_polyline_end(). */
void cchc_svg_polyline_begin(cchc_buf *out, const char *cls);
void cchc_svg_point(cchc_buf *out, long x, long y);
void cchc_svg_polyline_end(cchc_buf *out);

/* ---- the page being written, and small writers shared by html.c and html_gap.c ---- */

#define DASH "\xE2\x80\x94"

typedef struct html_page {
	cchc_buf *out;
	cchc_lang L;
	const cchc_gap *gap; /* the agency view, or NULL */
	int err;             /* a scratch buffer or an allocation failed */
	const char *title;   /* the report's own title (cchc_report_options), or NULL */
	const char *evidence_prefix; /* before a doc's file in its link, or NULL */
} html_page;

static inline void hp_put(html_page *p, const char *s)
{
	cchc_buf_puts(p->out, s);
}

/* Text from the inputs (or the strings table), escaped. */
static inline void hp_text(html_page *p, const char *s)
{
	cchc_html_text(p->out, s);
}

static inline void hp_str(html_page *p, cchc_str_id id)
{
	cchc_html_text(p->out, cchc_str(id, p->L));
}

static inline void hp_fill(html_page *p, cchc_str_id id, const char *const *args, size_t n)
{
	if (cchc_html_fill(p->out, id, p->L, args, n) < 0)
		p->err = 1;
}

/* <thead> with one label per column ('n' in align: a numeric column), then <tbody>. */
static inline void hp_head_row(html_page *p, const cchc_str_id *ids, size_t count,
                               const char *align)
{
	hp_put(p, "<thead><tr>");
	for (size_t i = 0; i < count; i++) {
		hp_put(p, align && align[i] == 'n' ? "<th class=\"n\">" : "<th>");
		hp_str(p, ids[i]);
		hp_put(p, "</th>");
	}
	hp_put(p, "</tr></thead>\n<tbody>\n");
}

static inline void hp_td(html_page *p, const char *s)
{
	hp_put(p, "<td>");
	hp_text(p, s);
	hp_put(p, "</td>");
}

/* An agency's name: a column wide enough that a name takes two lines at most. */
static inline void hp_td_name(html_page *p, const char *s)
{
	hp_put(p, "<td class=\"name\">");
	hp_text(p, s);
	hp_put(p, "</td>");
}

/* A criterion id, kept on one line. */
static inline void hp_td_id(html_page *p, const char *s)
{
	hp_put(p, "<td class=\"id\">");
	hp_text(p, s);
	hp_put(p, "</td>");
}

/* A numeric cell; data-v carries the exact value for the sort script. */
static inline void hp_td_num(html_page *p, const char *s, long long v)
{
	cchc_buf_printf(p->out, "<td class=\"n\" data-v=\"%lld\">", v);
	hp_text(p, s);
	hp_put(p, "</td>");
}

static inline void hp_td_points(html_page *p, cchc_points v)
{
	char t[CCHC_FMT_SIZE];
	cchc_fmt_points(t, v, p->L);
	hp_td_num(p, t, v);
}

/* ---- html_gap.c ---- */

/* The agency view of p->gap: position, profile, lost criteria, Pareto, causes, plan, tasks. */
void cchc_html_agency_section(html_page *p);

/* ---- html_charts.c ---- */

/*
 * Totals of a block's agencies as horizontal bars in rank order, coloured by
 * band, with the band thresholds as labelled vertical lines. mark: the
 * agency to emphasise, or NULL.
 */
void cchc_html_chart_totals(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *mark,
                       cchc_lang L);

/*
 * The distribution of a large block's totals: how many agencies in each
 * 1-point bin, coloured by band, the band thresholds, the agency marked.
 * @return 0, or -1 when out of memory
 */
int cchc_html_chart_distribution(cchc_buf *out, const cchc_block *b, const cchc_rank_entry *mark,
                                 cchc_lang L);

/* Each group's share of its max: the agency, the block mean, the top agency. */
void cchc_html_chart_profile(cchc_buf *out, const cchc_gap *gap, cchc_lang L);

/* Lost points by criterion, most first, coloured by cause, with the cumulative share. */
int cchc_html_chart_pareto(cchc_buf *out, const cchc_gap *gap, cchc_lang L);

#endif
