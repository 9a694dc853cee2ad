/* The target-rank section's sentences, decided once for every renderer (text,
 * Markdown, HTML, workbook): which statements hold for this gap and with what
 * figures. The renderers only lay them out. */
#include <stdio.h>

#include "report_priv.h"

/* Append sentence id; its first two arguments are "rank" and "of" when given. */
static cchc_gap_sentence *add(cchc_gap_sentences *out, cchc_str_id id, size_t nargs,
                              size_t rank, size_t of)
{
	cchc_gap_sentence *s = &out->s[out->n++];
	s->id = id;
	s->nargs = nargs;
	for (size_t i = 0; i < nargs; i++) {
		s->args[i] = s->text[i];
		s->text[i][0] = '\0';
	}
	if (rank) {
		snprintf(s->text[0], CCHC_FMT_SIZE, "%zu", rank);
		snprintf(s->text[1], CCHC_FMT_SIZE, "%zu", of);
	}
	return s;
}

void cchc_gap_target_sentences(const cchc_gap *g, cchc_lang L, cchc_gap_sentences *out)
{
	const size_t k = g->target_rank, of = g->block->n;
	cchc_gap_sentence *s;
	out->n = 0;
	out->table_after = (size_t)-1;
	add(out, CCHC_STR_GAP_ASSUMPTION, 0, 0, 0);
	if (k && g->needed == 0) {
		add(out, CCHC_STR_GAP_ALREADY, 2, k, of);
	} else if (k && !g->reachable) {
		s = add(out, CCHC_STR_GAP_UNREACHABLE, 4, k, of);
		cchc_fmt_points_short(s->text[2], g->needed, L);
		cchc_fmt_points_short(s->text[3], g->best_total, L);
	} else if (k) {
		s = add(out, CCHC_STR_GAP_NEEDED, 3, k, of);
		cchc_fmt_points_short(s->text[2], g->needed, L);
		s = add(out, CCHC_STR_GAP_PLAN, 3, 0, 0);
		snprintf(s->text[0], CCHC_FMT_SIZE, "%zu", g->nrecovery);
		cchc_fmt_points_short(s->text[1], g->recovered, L);
		snprintf(s->text[2], CCHC_FMT_SIZE, "%ld", g->recovery_effort);
		out->table_after = out->n - 1;
		s = add(out, CCHC_STR_GAP_RESCORED, 3, 0, 0);
		cchc_fmt_points_short(s->text[0], g->plan_total, L);
		snprintf(s->text[1], CCHC_FMT_SIZE, "%zu", g->plan_rank);
		snprintf(s->text[2], CCHC_FMT_SIZE, "%zu", of);
	}
	if (k && !g->plan_exact) {
		s = add(out, CCHC_STR_GAP_NOT_EXACT, 1, 0, 0);
		snprintf(s->text[0], CCHC_FMT_SIZE, "%zu", g->search_steps);
	}
	s = add(out, CCHC_STR_GAP_BEST, 3, g->best_rank, of);
	cchc_fmt_points_short(s->text[2], g->best_total, L);
}
