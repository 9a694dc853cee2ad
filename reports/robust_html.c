/* The rank-interval chart of the robustness analysis, as an HTML section
 * with inline SVG: one row per agency, a bar from the 5th to the 95th
 * percentile rank, a dot at the median and a tick at the published rank. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "html_priv.h"
#include "report_priv.h"

#define ROW_H 18
#define LABEL_W 260
#define PLOT_W 420
#define NAME_COLS 38
/* A block of more agencies than FULL_MAX shows its EDGE first and last (html.c does the same). */
#define FULL_MAX 300
#define EDGE 20

static int shown(size_t n, size_t i)
{
	return n <= FULL_MAX || i < EDGE || i + EDGE >= n;
}

static void esc(cchc_buf *out, const char *s)
{
	cchc_html_text(out, s); /* escaped, control characters and bad UTF-8 made safe */
}

/* A long name cut to NAME_COLS display columns with "…". */
static void short_name(cchc_buf *out, const char *name)
{
	cchc_html_text_cut(out, name, NAME_COLS);
}

static double x_of(double rank, size_t n)
{
	return LABEL_W + (n > 1 ? (rank - 1) / (double)(n - 1) : 0.5) * PLOT_W;
}

static void chart(cchc_buf *out, const cchc_robust_block *rb, cchc_lang L)
{
	const size_t n = rb->n, rows = n <= FULL_MAX ? n : 2 * EDGE + 1;
	const int h = (int)(rows * ROW_H) + 40;
	cchc_buf_printf(out, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	                     "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\">\n<title>",
	                LABEL_W + PLOT_W + 20, h);
	esc(out, cchc_str(CCHC_STR_ROB_INTERVAL, L));
	cchc_buf_puts(out, "</title>\n");
	for (size_t r = 1; r <= n; r += n > 20 ? 5 : 1) { /* rank axis */
		double x = x_of((double)r, n);
		cchc_buf_printf(out, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
		                     "<text x=\"%.1f\" y=\"10\" font-size=\"9\" text-anchor=\"middle\">%zu"
		                     "</text>\n",
		                x, x, h - 20, x, r);
	}
	for (size_t i = 0, row = 0; i < n; i++) {
		if (!shown(n, i)) {
			if (i == EDGE)
				row++; /* an empty row where the middle of the block is left out */
			continue;
		}
		const cchc_robust_agency *a = &rb->agencies[i];
		double y = 24 + (double)row++ * ROW_H;
		cchc_buf_printf(out, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">",
		                LABEL_W - 8, y + 4);
		short_name(out, cchc_assessment_agency_name(a->entry->score->assessment));
		cchc_buf_printf(out, "</text>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		                     "stroke=\"#4a7ab5\" stroke-width=\"6\" stroke-linecap=\"round\"/>\n",
		                x_of((double)a->rank_p5, n), y, x_of((double)a->rank_p95, n), y);
		cchc_buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1b3d6d\"/>"
		                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" "
		                     "stroke-width=\"2\"/>\n",
		                x_of(a->median_rank, n), y, x_of((double)a->entry->rank, n), y - 7,
		                x_of((double)a->entry->rank, n), y + 7);
	}
	cchc_buf_puts(out, "</svg>\n");
}

int cchc_render_robust_html(cchc_buf *out, const cchc_robust *r, cchc_lang L)
{
	char draws[24];
	snprintf(draws, sizeof draws, "%zu", r->options.draws);
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_robust_block *rb = &r->blocks[k];
		cchc_buf_puts(out, "<section class=\"robust\">\n<h2>");
		esc(out, cchc_str(CCHC_STR_ROB_TITLE, L));
		cchc_buf_puts(out, " \xE2\x80\x94 ");
		esc(out, cchc_criteria_title(rb->block->set));
		cchc_buf_puts(out, "</h2>\n<p class=\"estimate\"><strong>");
		esc(out, cchc_str(CCHC_STR_HTML_ROB_ESTIMATE, L));
		cchc_buf_puts(out, "</strong></p>\n<p>");
		cchc_buf legend;
		cchc_buf_init(&legend, 4096);
		const char *args[] = {draws};
		cchc_str_fill(&legend, CCHC_STR_ROB_LEGEND, L, args, 1);
		esc(out, legend.data ? legend.data : "");
		cchc_buf_dispose(&legend);
		cchc_buf_puts(out, "</p>\n");
		chart(out, rb, L);
		cchc_buf_puts(out, "<table class=\"robust\"><thead><tr><th>");
		esc(out, cchc_str(CCHC_STR_RANK, L));
		cchc_buf_puts(out, "</th><th>");
		esc(out, cchc_str(CCHC_STR_AGENCY, L));
		cchc_buf_puts(out, "</th><th>");
		esc(out, cchc_str(CCHC_STR_ROB_MEDIAN, L));
		cchc_buf_puts(out, "</th><th>");
		esc(out, cchc_str(CCHC_STR_ROB_INTERVAL, L));
		cchc_buf_puts(out, "</th><th>");
		esc(out, cchc_str(CCHC_STR_ROB_TOP3, L));
		cchc_buf_puts(out, "</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < rb->n; i++) {
			if (!shown(rb->n, i)) {
				if (i == EDGE) {
					char skipped[24];
					snprintf(skipped, sizeof skipped, "%zu", rb->n - 2 * EDGE);
					const char *skip_args[] = {skipped};
					cchc_buf_puts(out, "<tr class=\"skip\"><td colspan=\"5\">");
					cchc_html_fill(out, CCHC_STR_HTML_SKIPPED, L, skip_args, 1);
					cchc_buf_puts(out, "</td></tr>\n");
				}
				continue;
			}
			const cchc_robust_agency *a = &rb->agencies[i];
			char med[CCHC_FMT_SIZE], top[CCHC_FMT_SIZE];
			cchc_fmt_decimal_prec(med, (cchc_decimal)llround(a->median_rank * CCHC_DECIMAL_SCALE), 1, L);
			cchc_fmt_percent(top, (int64_t)llround(a->p_top3 * 10000), L);
			cchc_buf_printf(out, "<tr><td class=\"n\">%zu/%zu</td><td class=\"name\">", a->entry->rank,
			                a->entry->of);
			esc(out, cchc_assessment_agency_name(a->entry->score->assessment));
			cchc_buf_printf(out, "</td><td class=\"num\">%s</td><td class=\"num\">%zu\xE2\x80\x93%zu</td>"
			                     "<td class=\"num\">%s %%</td></tr>\n",
			                med, a->rank_p5, a->rank_p95, top);
		}
		cchc_buf_puts(out, "</tbody></table>\n</section>\n");
	}
	return out->failed ? -1 : 0;
}
