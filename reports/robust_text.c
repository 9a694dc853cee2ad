/* The robustness analysis for a terminal. Probabilities and correlations are
 * display figures: shown with the locale's decimal mark. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "table.h"

#define NAME_W 34

/* A share 0..1 as "12,3 %"; a correlation as "0,987"; NaN as "—". */
static void fmt_share(char out[CCHC_FMT_SIZE], double p, cchc_lang L)
{
	cchc_fmt_percent(out, (int64_t)llround(p * 10000.0), L);
	strcat(out, " %");
}

static void fmt_corr(char out[CCHC_FMT_SIZE], double x, cchc_lang L)
{
	if (isnan(x)) {
		strcpy(out, "\xE2\x80\x94");
		return;
	}
	cchc_fmt_decimal_prec(out, (cchc_decimal)llround(x * CCHC_DECIMAL_SCALE), 3, L);
}

static void fill_line(cchc_buf *out, cchc_str_id id, cchc_lang L, const char *const *args,
                      size_t n)
{
	cchc_str_fill(out, id, L, args, n);
	cchc_buf_puts(out, "\n");
}

static void agency_table(cchc_buf *out, const cchc_robust *r, const cchc_robust_block *rb,
                         cchc_lang L)
{
	const int target = r->options.target_rank > 0;
	char align[16] = "llrrr", v[CCHC_FMT_SIZE];
	size_t ncols = 5;
	if (target)
		align[ncols++] = 'r';
	for (size_t k = 0; k <= rb->nbands && ncols < sizeof align - 1; k++)
		align[ncols++] = 'r';
	align[ncols] = '\0';
	cchc_table t;
	cchc_table_init(&t, align);
	cchc_table_cap(&t, 1, NAME_W);
	cchc_table_cell(&t, cchc_str(CCHC_STR_RANK, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_AGENCY, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_ROB_MEDIAN, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_ROB_INTERVAL, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_ROB_TOP3, L));
	if (target) {
		char k[24];
		snprintf(k, sizeof k, "%zu", r->options.target_rank);
		const char *args[] = {k};
		cchc_buf head;
		cchc_buf_init(&head, 256);
		cchc_str_fill(&head, CCHC_STR_ROB_TARGET, L, args, 1);
		cchc_table_cell(&t, head.data);
		cchc_buf_dispose(&head);
	}
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(rb->block->set, &nb);
	for (size_t k = 0; k < nb && k < rb->nbands; k++)
		cchc_table_cell(&t, bands[k].label);
	cchc_table_cell(&t, cchc_str(CCHC_STR_NO_BAND, L));
	for (size_t i = 0; i < rb->n; i++) {
		const cchc_robust_agency *a = &rb->agencies[i];
		const char *name = cchc_assessment_agency_name(a->entry->score->assessment);
		cchc_table_cellf(&t, "%zu/%zu", a->entry->rank, a->entry->of);
		cchc_table_cell(&t, name);
		cchc_fmt_decimal_prec(v, (cchc_decimal)llround(a->median_rank * CCHC_DECIMAL_SCALE), 1, L);
		cchc_table_cell(&t, v);
		cchc_table_cellf(&t, "%zu\xE2\x80\x93%zu", a->rank_p5, a->rank_p95);
		fmt_share(v, a->p_top3, L);
		cchc_table_cell(&t, v);
		if (target) {
			fmt_share(v, a->p_target, L);
			cchc_table_cell(&t, v);
		}
		for (size_t k = 0; k <= rb->nbands; k++) {
			fmt_share(v, a->p_band[k], L);
			cchc_table_cell(&t, v);
		}
	}
	cchc_table_render(&t, out, 0);
	cchc_table_free(&t);
}

static void flips(cchc_buf *out, const cchc_robust_block *rb, cchc_lang L)
{
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_ROB_FLIPS, L));
	int any = 0;
	for (size_t i = 0; i + 1 < rb->n; i++) {
		if (rb->flip[i] <= 0.10)
			continue;
		const cchc_rank_entry *a = rb->agencies[i].entry, *b = rb->agencies[i + 1].entry;
		char p[CCHC_FMT_SIZE];
		fmt_share(p, rb->flip[i], L);
		cchc_buf_printf(out, "- %zu/%zu %s \xE2\x86\x94 %s: %s\n", a->rank, b->rank,
		                cchc_assessment_agency_name(a->score->assessment),
		                cchc_assessment_agency_name(b->score->assessment), p);
		any = 1;
	}
	if (!any)
		fill_line(out, CCHC_STR_ROB_NO_FLIPS, L, NULL, 0);
}

static void agreement(cchc_buf *out, const cchc_robust_block *rb, cchc_lang L)
{
	char a[CCHC_FMT_SIZE], b[CCHC_FMT_SIZE], c[CCHC_FMT_SIZE], d[CCHC_FMT_SIZE],
		e[CCHC_FMT_SIZE];
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_ROB_AGREEMENT, L));
	fmt_corr(a, rb->spearman_mean, L);
	fmt_corr(b, rb->spearman_worst, L);
	fmt_corr(c, rb->kendall_mean, L);
	fmt_corr(d, rb->kendall_worst, L);
	cchc_fmt_decimal_prec(e, (cchc_decimal)llround(rb->mean_abs_shift * CCHC_DECIMAL_SCALE), 2, L);
	const char *draws[] = {a, b, c, d, e};
	fill_line(out, CCHC_STR_ROB_VS_DRAWS, L, draws, 5);
	fmt_corr(a, rb->spearman_self, L);
	fmt_corr(b, rb->kendall_self, L);
	const char *self[] = {a, b};
	fill_line(out, CCHC_STR_ROB_VS_SELF, L, self, 2);
	fmt_corr(a, rb->spearman_alt, L);
	fmt_corr(b, rb->kendall_alt, L);
	const char *alt[] = {a, b};
	fill_line(out, CCHC_STR_ROB_VS_ALT, L, alt, 2);
	if (!isnan(rb->spearman_previous) || rb->n_previous) {
		char n[24];
		snprintf(n, sizeof n, "%zu", rb->n_previous);
		fmt_corr(a, rb->spearman_previous, L);
		fmt_corr(b, rb->kendall_previous, L);
		const char *prev[] = {a, b, n, cchc_str_agencies(rb->n_previous, L)};
		fill_line(out, CCHC_STR_ROB_VS_PREVIOUS, L, prev, 4);
	}
}

int cchc_render_robust_text(cchc_buf *out, const cchc_robust *r, cchc_lang L)
{
	char draws[24], seed[24], items[24], pct[CCHC_FMT_SIZE];
	snprintf(draws, sizeof draws, "%zu", r->options.draws);
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)r->options.seed);
	snprintf(items, sizeof items, "%zu", r->options.survey ? r->survey_items : (size_t)0);
	cchc_buf weights;
	cchc_buf_init(&weights, 256);
	cchc_buf_puts(&weights, "");
	if (r->options.weights_pct > 0) {
		cchc_fmt_decimal_prec(pct, (cchc_decimal)llround(r->options.weights_pct * CCHC_DECIMAL_SCALE),
		                      1, L);
		const char *wargs[] = {pct};
		cchc_str_fill(&weights, CCHC_STR_ROB_WEIGHTS, L, wargs, 1);
	}
	cchc_buf_printf(out, "%s\n", cchc_str(CCHC_STR_ROB_TITLE, L));
	const char *args[] = {draws, seed, items, weights.data ? weights.data : ""};
	fill_line(out, CCHC_STR_ROB_SETUP, L, args, 4);
	cchc_buf_dispose(&weights);
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_robust_block *rb = &r->blocks[k];
		cchc_buf_puts(out, "\n");
		cchc_buf_repeat(out, '=', 100);
		cchc_buf_printf(out, "\n%s %s: ", cchc_str(CCHC_STR_BLOCK, L), rb->block->id);
		cchc_utf8_clean(out, cchc_criteria_title(rb->block->set),
		                strlen(cchc_criteria_title(rb->block->set)));
		cchc_buf_puts(out, "\n\n");
		agency_table(out, r, rb, L);
		flips(out, rb, L);
		agreement(out, rb, L);
	}
	return out->failed ? -1 : 0;
}
