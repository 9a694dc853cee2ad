/* The ranking for a terminal: per block the ranking table, the rank in each
 * group, block statistics, the criteria most often lost and the accuracy of
 * self-assessment. Numbers go through locale.c; nothing is computed here
 * beyond display rounding of the (already computed) statistics. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "table.h"

#define NAME_W 34  /* agency names are cut with "…" past this */
#define TITLE_W 44 /* group and criterion titles */
#define MOST_LOST_ROWS 10
#define OVERCLAIM_IDS 6 /* ids listed per agency before "…" */

/* Statistics are doubles for display; shown as points rounded half away from zero. */
static void fmt_stat(char out[CCHC_FMT_SIZE], double x, cchc_lang lang)
{
	cchc_fmt_points(out, (cchc_points)(x * 100.0 + (x >= 0 ? 0.5 : -0.5)), lang);
}

static const char *agency_name(const cchc_rank_entry *e)
{
	const char *name = cchc_assessment_agency_name(e->score->assessment);
	return name && *name ? name : cchc_assessment_agency_id(e->score->assessment);
}

static int shown_group(const cchc_node *g)
{
	return g->kind == CCHC_GROUP_SCORED || g->kind == CCHC_GROUP_SURVEY;
}

static void block_header(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	const cchc_criteria *set = b->set;
	cchc_buf_printf(out, "%s %s: ", cchc_str(CCHC_STR_BLOCK, L), b->id);
	cchc_utf8_clean(out, cchc_criteria_title(set), strlen(cchc_criteria_title(set)));
	cchc_buf_printf(out, " (%s, %d) \xE2\x80\x94 %zu %s\n\n", cchc_criteria_id(set),
	                cchc_criteria_year(set), b->n, cchc_str_agencies(b->n, L));
}

static void ranking_table(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	cchc_table t;
	char v[4][CCHC_FMT_SIZE];
	cchc_table_init(&t, "llrrlrrrlrr");
	cchc_table_cap(&t, 1, NAME_W);
	const cchc_str_id heads[] = {CCHC_STR_RANK,    CCHC_STR_AGENCY,     CCHC_STR_TOTAL,
	                             CCHC_STR_INDEX,   CCHC_STR_BAND,       CCHC_STR_GAP_TOP,
	                             CCHC_STR_GAP_BOTTOM, CCHC_STR_GAP_ABOVE, CCHC_STR_FULL_PARTIAL_ZERO,
	                             CCHC_STR_SELF,    CCHC_STR_DEVIATION};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		cchc_table_cell(&t, cchc_str(heads[i], L));
	for (size_t i = 0; i < b->n; i++) {
		const cchc_rank_entry *e = &b->entries[i];
		const cchc_score *s = e->score;
		cchc_table_cellf(&t, "%zu/%zu", e->rank, e->of);
		cchc_table_cell(&t, agency_name(e));
		cchc_fmt_points(v[0], s->total, L);
		cchc_fmt_points_short(v[1], s->max, L);
		cchc_table_cellf(&t, "%s/%s", v[0], v[1]);
		cchc_fmt_percent(v[0], s->index, L);
		cchc_table_cellf(&t, "%s %%", v[0]);
		cchc_table_cell(&t, s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, L));
		cchc_fmt_points(v[0], e->gap_top, L);
		cchc_fmt_points(v[1], e->gap_bottom, L);
		cchc_fmt_points(v[2], e->gap_above, L);
		cchc_table_cell(&t, v[0]);
		cchc_table_cell(&t, v[1]);
		cchc_table_cell(&t, v[2]);
		cchc_table_cellf(&t, "%zu/%zu/%zu", e->leaves_full, e->leaves_partial, e->leaves_zero);
		if (s->has_self) {
			cchc_fmt_points(v[0], s->self_total, L);
			cchc_fmt_points_signed(v[1], e->self_deviation, L);
		} else {
			strcpy(v[0], "\xE2\x80\x94");
			strcpy(v[1], "\xE2\x80\x94");
		}
		cchc_table_cell(&t, v[0]);
		cchc_table_cell(&t, v[1]);
	}
	cchc_table_render(&t, out, 0);
	cchc_table_free(&t);
}

static void group_ranks_table(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
	char align[CCHC_TABLE_MAX_COLS + 1] = "ll";
	size_t ncols = 2;
	for (size_t g = 0; g < ngroups && ncols < CCHC_TABLE_MAX_COLS; g++)
		if (shown_group(groups[g]))
			align[ncols++] = 'r';
	align[ncols] = '\0';
	cchc_table t;
	cchc_table_init(&t, align);
	cchc_table_cap(&t, 1, NAME_W);
	cchc_table_cell(&t, cchc_str(CCHC_STR_RANK, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_AGENCY, L));
	for (size_t g = 0, c = 2; g < ngroups && c < ncols; g++)
		if (shown_group(groups[g])) {
			cchc_table_cell(&t, groups[g]->id);
			c++;
		}
	for (size_t i = 0; i < b->n; i++) {
		const cchc_rank_entry *e = &b->entries[i];
		cchc_table_cellf(&t, "%zu", e->rank);
		cchc_table_cell(&t, agency_name(e));
		for (size_t g = 0, c = 2; g < ngroups && c < ncols; g++)
			if (shown_group(groups[g])) {
				cchc_table_cellf(&t, "%zu", e->group_ranks[g]);
				c++;
			}
	}
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_GROUP_RANKS, L));
	cchc_table_render(&t, out, 0);
	cchc_table_free(&t);
}

static void stat_cells(cchc_table *t, const cchc_stat *st, cchc_lang L, int share)
{
	char v[CCHC_FMT_SIZE];
	const double xs[] = {st->mean, st->median, st->sd, st->min, st->max};
	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
		fmt_stat(v, xs[i], L);
		cchc_table_cell(t, v);
	}
	if (share) {
		cchc_fmt_percent(v, (int64_t)(st->share_full * 10000.0 + 0.5), L);
		cchc_table_cellf(t, "%s %%", v);
	} else {
		cchc_table_cell(t, "");
	}
}

static void stats_table(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
	cchc_table t;
	char m[CCHC_FMT_SIZE];
	cchc_table_init(&t, "lrrrrrrr");
	cchc_table_cap(&t, 0, TITLE_W);
	const cchc_str_id heads[] = {CCHC_STR_GROUP,  CCHC_STR_MAX,    CCHC_STR_MEAN,
	                             CCHC_STR_MEDIAN, CCHC_STR_SD,     CCHC_STR_LOWEST,
	                             CCHC_STR_HIGHEST, CCHC_STR_SHARE_FULL};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		cchc_table_cell(&t, cchc_str(heads[i], L));
	for (size_t g = 0; g < ngroups; g++) {
		const cchc_node *n = groups[g];
		cchc_table_cellf(&t, "%s. %s", n->id, n->title);
		if (n->kind == CCHC_GROUP_PENALTY)
			cchc_fmt_points_short(m, n->min, L);
		else
			cchc_fmt_points_short(m, n->max, L);
		cchc_table_cell(&t, m);
		stat_cells(&t, &b->nodes[n->index], L, n->kind != CCHC_GROUP_PENALTY);
	}
	cchc_table_cell(&t, cchc_str(CCHC_STR_TOTAL, L));
	cchc_fmt_points_short(m, cchc_criteria_max(b->set), L);
	cchc_table_cell(&t, m);
	stat_cells(&t, &b->total, L, 0);
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_STATS, L));
	cchc_table_render(&t, out, 0);
	cchc_table_free(&t);
}

static void most_lost_table(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	if (b->nmost_lost == 0)
		return;
	cchc_table t;
	char v[2][CCHC_FMT_SIZE];
	cchc_table_init(&t, "llrrr");
	cchc_table_cap(&t, 1, TITLE_W);
	cchc_table_cell(&t, cchc_str(CCHC_STR_CRITERION, L));
	cchc_table_cell(&t, "");
	cchc_table_cell(&t, cchc_str(CCHC_STR_AGENCIES_LOSING, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_MEAN, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_POINTS_LOST, L));
	for (size_t i = 0; i < b->nmost_lost && i < MOST_LOST_ROWS; i++) {
		const cchc_node *n = b->most_lost[i];
		const cchc_stat *st = &b->nodes[n->index];
		cchc_table_cell(&t, n->id);
		cchc_table_cell(&t, n->title);
		cchc_table_cellf(&t, "%zu/%zu", st->below_max, st->n);
		fmt_stat(v[0], st->mean, L);
		cchc_fmt_points_short(v[1], n->max, L);
		cchc_table_cellf(&t, "%s/%s", v[0], v[1]);
		cchc_fmt_points(v[0], st->points_lost, L);
		cchc_table_cell(&t, v[0]);
	}
	cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_MOST_LOST, L));
	cchc_table_render(&t, out, 0);
	cchc_table_free(&t);
}

/* "1.5, 2.4, 5.6 …": the leaves whose claim exceeds the final points. */
static void overclaimed_ids(cchc_buf *out, const cchc_score *s)
{
	for (size_t i = 0; i < s->noverclaimed; i++) {
		if (i == OVERCLAIM_IDS) {
			cchc_buf_puts(out, ", \xE2\x80\xA6");
			return;
		}
		cchc_buf_printf(out, "%s%s", i ? ", " : "", s->overclaimed[i]->id);
	}
}

static void self_table(cchc_buf *out, const cchc_block *b, cchc_lang L)
{
	cchc_table t;
	char v[3][CCHC_FMT_SIZE];
	cchc_buf ids;
	cchc_buf_init(&ids, 4096);
	cchc_table_init(&t, "lrrrrl");
	cchc_table_cap(&t, 0, NAME_W);
	cchc_table_cell(&t, cchc_str(CCHC_STR_AGENCY, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_SELF, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_FINAL, L));
	cchc_table_cell(&t, cchc_str(CCHC_STR_DEVIATION, L));
	cchc_table_cell(&t, "%");
	cchc_table_cell(&t, cchc_str(CCHC_STR_OVERCLAIMED, L));
	size_t rows = 0;
	for (size_t i = 0; i < b->n; i++) {
		const cchc_rank_entry *e = &b->entries[i];
		if (!e->score->has_self)
			continue;
		cchc_table_cell(&t, agency_name(e));
		cchc_fmt_points(v[0], e->score->self_total, L);
		cchc_fmt_points(v[1], e->score->total, L);
		cchc_fmt_points_signed(v[2], e->self_deviation, L);
		cchc_table_cell(&t, v[0]);
		cchc_table_cell(&t, v[1]);
		cchc_table_cell(&t, v[2]);
		cchc_fmt_percent(v[0], e->self_deviation_pct, L);
		cchc_table_cellf(&t, "%s %%", v[0]);
		ids.len = 0;
		if (ids.data)
			ids.data[0] = '\0';
		overclaimed_ids(&ids, e->score);
		cchc_table_cell(&t, ids.data ? ids.data : "");
		rows++;
	}
	if (rows) {
		cchc_buf_printf(out, "\n%s\n\n", cchc_str(CCHC_STR_SELF_ACCURACY, L));
		cchc_table_render(&t, out, 0);
		fmt_stat(v[0], b->self_total.mean, L);
		fmt_stat(v[1], b->self_final.mean, L);
		cchc_points d = (cchc_points)((b->self_total.mean - b->self_final.mean) * 100.0 +
		                              (b->self_total.mean >= b->self_final.mean ? 0.5 : -0.5));
		cchc_fmt_points_signed(v[2], d, L);
		const char *args[] = {v[0], v[1], v[2]};
		cchc_buf_puts(out, "\n");
		cchc_str_fill(out, CCHC_STR_SELF_MEAN, L, args, 3);
		cchc_buf_puts(out, "\n");
	}
	cchc_table_free(&t);
	cchc_buf_dispose(&ids);
}

int cchc_render_position(cchc_buf *out, const cchc_rank_entry *e, cchc_lang L)
{
	const cchc_score *s = e->score;
	char rank[24], of[24], total[CCHC_FMT_SIZE], max[CCHC_FMT_SIZE], top[CCHC_FMT_SIZE],
		bottom[CCHC_FMT_SIZE];
	snprintf(rank, sizeof rank, "%zu", e->rank);
	snprintf(of, sizeof of, "%zu", e->of);
	cchc_fmt_points_short(total, s->total, L);
	cchc_fmt_points_short(max, s->max, L);
	cchc_fmt_points_short(top, e->gap_top, L);
	cchc_fmt_points_short(bottom, e->gap_bottom, L);
	const char *args[] = {agency_name(e), rank, of, total, max,
	                      s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, L), top, bottom};
	return cchc_str_fill(out, e->rank == 1 ? CCHC_STR_POSITION_TOP : CCHC_STR_POSITION, L, args,
	                     sizeof args / sizeof *args);
}

int cchc_render_ranking_text(cchc_buf *out, const cchc_ranking *r, cchc_lang L)
{
	cchc_buf_printf(out, "%s\n", cchc_str(CCHC_STR_RANK_TITLE, L));
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		cchc_buf_puts(out, k ? "\n\n" : "");
		cchc_buf_repeat(out, '=', 100);
		cchc_buf_puts(out, "\n");
		block_header(out, b, L);
		ranking_table(out, b, L);
		group_ranks_table(out, b, L);
		stats_table(out, b, L);
		most_lost_table(out, b, L);
		self_table(out, b, L);
	}
	return out->failed ? -1 : 0;
}
