/* Markup primitives of the HTML report: escaped text, labels cut to fit,
 * shares and colour scales, and SVG elements written from integer
 * coordinates (tenths of a pixel), so no locale or rounding of floating
 * point ever reaches the page. */
#include <stdio.h>
#include <string.h>

#include "html_priv.h"

#define ELLIPSIS "\xE2\x80\xA6"

/* ---- escaped text ---- */

static const char *reference(uint32_t cp)
{
	switch (cp) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

static void escape(cchc_buf *out, const char *s, size_t len)
{
	cchc_utf8_clean_escaped(out, s, len, reference);
}

void cchc_html_text(cchc_buf *out, const char *s)
{
	if (s)
		escape(out, s, strlen(s));
}

void cchc_html_text_cut(cchc_buf *out, const char *s, size_t cols)
{
	if (!s)
		return;
	size_t len = strlen(s);
	if (cols == 0 || cchc_utf8_width(s, len) <= cols) {
		escape(out, s, len);
		return;
	}
	size_t keep = cchc_utf8_fit(s, len, cols - 1, NULL);
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	escape(out, s, keep);
	cchc_buf_puts(out, ELLIPSIS);
}

int cchc_html_fill(cchc_buf *out, cchc_str_id id, cchc_lang L, const char *const *args, size_t n)
{
	cchc_buf line;
	cchc_buf_init(&line, 1 << 20);
	int rc = cchc_str_fill(&line, id, L, args, n);
	if (line.len)
		escape(out, line.data, line.len);
	cchc_buf_dispose(&line);
	return rc < 0 || out->failed ? -1 : 0;
}

const char *cchc_html_agency_name(const cchc_score *s)
{
	const char *name = cchc_assessment_agency_name(s->assessment);
	return name && *name ? name : cchc_assessment_agency_id(s->assessment);
}

/* ---- shares and colours ---- */

long cchc_html_share_tenths(cchc_points points, cchc_points max)
{
	if (max <= 0)
		return 0;
	int64_t num = (int64_t)points * 1000;
	int64_t q = (num >= 0 ? num * 2 + max : num * 2 - max) / (2 * (int64_t)max);
	return (long)q;
}

void cchc_html_fmt_tenths(char out[CCHC_FMT_SIZE], long tenths, cchc_lang L)
{
	cchc_fmt_decimal(out, (cchc_decimal)tenths * 100000, L);
}

/* Highest band first: green, light green, yellow, orange, red; grey for none. */
static const char *const band_fills[] = {"#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027",
                                         "#bdbdbd"};

int cchc_html_band_class(const cchc_criteria *set, const cchc_band *band)
{
	size_t n;
	const cchc_band *bands = cchc_criteria_bands(set, &n);
	for (size_t i = 0; band && i < n; i++)
		if (&bands[i] == band)
			return n <= 1 ? 0 : (int)(i * 4 / (n - 1));
	return 5;
}

const char *cchc_html_band_fill(int cls)
{
	return band_fills[cls >= 0 && cls <= 5 ? cls : 5];
}

static long mix(long a, long b, long t, long tmax)
{
	return a + (b - a) * t / tmax;
}

void cchc_html_heat_colour(char out[8], long tenths)
{
	/* the spreadsheet scale: #f8696b at 0 %, #ffeb84 at 50 %, #63be7b at 100 % */
	static const long stops[3][3] = {{0xf8, 0x69, 0x6b}, {0xff, 0xeb, 0x84}, {0x63, 0xbe, 0x7b}};
	long t = tenths < 0 ? 0 : tenths > 1000 ? 1000 : tenths;
	int k = t < 500 ? 0 : 1;
	long u = t - 500L * k;
	snprintf(out, 8, "#%02lx%02lx%02lx", mix(stops[k][0], stops[k + 1][0], u, 500),
	         mix(stops[k][1], stops[k + 1][1], u, 500), mix(stops[k][2], stops[k + 1][2], u, 500));
}

const char *cchc_html_cause_colour(cchc_cause cause)
{
	static const char *const colours[CCHC_CAUSE_COUNT] = {
		[CCHC_CAUSE_NONE] = "#9e9e9e",        [CCHC_CAUSE_LATE] = "#e69f00",
		[CCHC_CAUSE_UNDOCUMENTED] = "#8e6bbf", [CCHC_CAUSE_PARTIAL] = "#3c8dcf",
		[CCHC_CAUSE_NOT_DONE] = "#d55e5e",    [CCHC_CAUSE_APPRAISAL] = "#6b6b6b",
		[CCHC_CAUSE_SURVEY] = "#2a9d8f",      [CCHC_CAUSE_PENALTY] = "#333333",
	};
	return (unsigned)cause < CCHC_CAUSE_COUNT ? colours[cause] : colours[0];
}

/* ---- SVG ---- */

const char cchc_svg_css[] =
	"svg .lbl{font-size:11px}svg .mark{font-weight:700}\n"
	"svg .val,svg .tick-label,svg .legend,svg .thr-label,svg .axis-title{font-size:10px}\n"
	"svg .small,svg .id-label{font-size:9px}\n"
	"svg .val{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\n"
	"svg .axis,svg .tick{stroke:#555;stroke-width:1}svg .grid{stroke:#ddd;stroke-width:1}\n"
	"svg .thr{stroke:#333;stroke-width:1;stroke-dasharray:4 3}\n"
	"svg .cum{fill:none;stroke:#222;stroke-width:1.5}\n"
	"svg rect.mark{stroke:#000;stroke-width:1.5}\n"
	"svg .mark-line{stroke:#000;stroke-width:2}\n";

long cchc_svg_scale(int64_t v, int64_t vmax, long len)
{
	if (vmax <= 0 || v <= 0)
		return 0;
	if (v >= vmax)
		return len;
	return (long)((v * 2 * len + vmax) / (2 * vmax));
}

size_t cchc_svg_cols(long width_px, int font_px)
{
	/* 0.62 em per code point: wide enough for DejaVu/Liberation Sans with diacritics */
	long cols = width_px * 100 / ((long)font_px * 62);
	return cols > 1 ? (size_t)cols : 1;
}

/* Tenths of a pixel as an SVG number: 1234 → "123.4", 1230 → "123". */
static void coord(cchc_buf *out, long v)
{
	const char *sign = v < 0 ? "-" : "";
	unsigned long m = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	if (m % 10)
		cchc_buf_printf(out, "%s%lu.%lu", sign, m / 10, m % 10);
	else
		cchc_buf_printf(out, "%s%lu", sign, m / 10);
}

static void attr(cchc_buf *out, const char *name, long v)
{
	cchc_buf_printf(out, " %s=\"", name);
	coord(out, v);
	cchc_buf_puts(out, "\"");
}

void cchc_svg_open(cchc_buf *out, const char *cls, int w, int h, const char *title)
{
	cchc_buf_printf(out,
	                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart %s\" viewBox=\"0 0 %d "
	                "%d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
	                cls, w, h, w, h);
	cchc_html_text(out, title);
	cchc_buf_puts(out, "\"><title>");
	cchc_html_text(out, title);
	cchc_buf_puts(out, "</title>\n");
}

void cchc_svg_close(cchc_buf *out)
{
	cchc_buf_puts(out, "</svg>\n");
}

void cchc_svg_rect(cchc_buf *out, const char *cls, long x, long y, long w, long h, const char *fill,
              const char *tip)
{
	cchc_buf_printf(out, "<rect class=\"%s\"", cls);
	attr(out, "x", x);
	attr(out, "y", y);
	attr(out, "width", w);
	attr(out, "height", h);
	if (fill)
		cchc_buf_printf(out, " fill=\"%s\"", fill);
	if (!tip) {
		cchc_buf_puts(out, "/>\n");
		return;
	}
	cchc_buf_puts(out, "><title>");
	cchc_html_text(out, tip);
	cchc_buf_puts(out, "</title></rect>\n");
}

void cchc_svg_line(cchc_buf *out, const char *cls, long x1, long y1, long x2, long y2)
{
	cchc_buf_printf(out, "<line class=\"%s\"", cls);
	attr(out, "x1", x1);
	attr(out, "y1", y1);
	attr(out, "x2", x2);
	attr(out, "y2", y2);
	cchc_buf_puts(out, "/>\n");
}

void cchc_svg_text(cchc_buf *out, const char *cls, long x, long y, const char *anchor,
                   const char *s, size_t cols)
{
	cchc_buf_printf(out, "<text class=\"%s\"", cls);
	attr(out, "x", x);
	attr(out, "y", y);
	cchc_buf_printf(out, " text-anchor=\"%s\">", anchor);
	cchc_html_text_cut(out, s, cols);
	cchc_buf_puts(out, "</text>\n");
}

/* The end of the next line of s (from p) of at most cols code points, broken at a space;
 * a single word longer than that ends the line at its own end. */
static const char *line_end(const char *s, const char *p, size_t cols)
{
	const char *end = p, *q = p;
	(void)s;
	while (*q) {
		const char *w = q;
		while (*w && *w != ' ')
			w++;
		if (end != p && cchc_utf8_width(p, (size_t)(w - p)) > cols)
			break;
		end = w;
		for (q = w; *q == ' '; q++)
			;
	}
	return end;
}

size_t cchc_svg_lines(const char *s, size_t cols, size_t max_lines)
{
	size_t n = 0;
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	while (*p && n < max_lines) {
		p = line_end(s, p, cols);
		n++;
		while (*p == ' ')
			p++;
	}
	return n ? n : 1;
}

void cchc_svg_text_lines(cchc_buf *out, const char *cls, long x, long y, long line_h,
                         const char *anchor, const char *s, size_t cols, size_t max_lines)
{
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	for (size_t i = 0; i < max_lines && (*p || i == 0); i++) {
		const char *end = i + 1 < max_lines ? line_end(s, p, cols) : p + strlen(p);
		cchc_buf_printf(out, "<text class=\"%s\"", cls);
		attr(out, "x", x);
		attr(out, "y", y + (long)i * line_h);
		cchc_buf_printf(out, " text-anchor=\"%s\">", anchor);
		cchc_buf one;
		cchc_buf_init(&one, 1 << 16);
		cchc_buf_append(&one, p, (size_t)(end - p));
		cchc_html_text_cut(out, one.data ? one.data : "", cols); /* the last line may be cut */
		if (one.failed)
			out->failed = 1;
		cchc_buf_dispose(&one);
		cchc_buf_puts(out, "</text>\n");
		for (p = end; *p == ' '; p++)
			;
	}
}

void cchc_svg_text_up(cchc_buf *out, const char *cls, long x, long y, const char *s)
{
	cchc_buf_printf(out, "<text class=\"%s\" text-anchor=\"end\" transform=\"translate(", cls);
	coord(out, x);
	cchc_buf_puts(out, " ");
	coord(out, y);
	cchc_buf_puts(out, ") rotate(-90)\">");
	cchc_html_text(out, s);
	cchc_buf_puts(out, "</text>\n");
}

void cchc_svg_polyline_begin(cchc_buf *out, const char *cls)
{
	cchc_buf_printf(out, "<polyline class=\"%s\" points=\"", cls);
}

void cchc_svg_point(cchc_buf *out, long x, long y)
{
	coord(out, x);
	cchc_buf_puts(out, ",");
	coord(out, y);
	cchc_buf_puts(out, " ");
}

void cchc_svg_polyline_end(cchc_buf *out)
{
	cchc_buf_puts(out, "\"/>\n");
}
