/* The ranking as CSV: one row per agency, a header row, RFC 4180 quoting,
 * UTF-8, '.' as the decimal mark (a machine format: spreadsheets are served
 * by the xlsx report). Group columns follow the first block's groups, then
 * any other group ids the other blocks add; a block without one leaves it empty. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

#define MAX_GROUP_COLUMNS 256

static void field(cchc_buf *out, const char *s, int last)
{
	s = s ? s : "";
	if (strpbrk(s, ",\"\r\n")) {
		cchc_buf_puts(out, "\"");
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				cchc_buf_puts(out, "\"\"");
			else
				cchc_buf_append(out, p, 1);
		}
		cchc_buf_puts(out, "\"");
	} else {
		cchc_buf_puts(out, s);
	}
	cchc_buf_puts(out, last ? "\r\n" : ",");
}

static void points(cchc_buf *out, cchc_points p, int last)
{
	char v[CCHC_FMT_SIZE];
	cchc_fmt_points(v, p, CCHC_LANG_EN);
	field(out, v, last);
}

static void count(cchc_buf *out, size_t n, int last)
{
	char v[24];
	snprintf(v, sizeof v, "%zu", n);
	field(out, v, last);
}

/* The union of group ids over the blocks, in order of first appearance. */
static size_t group_columns(const cchc_ranking *r, const char **ids)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nblocks; k++) {
		size_t ngroups;
		const cchc_node *const *groups = cchc_criteria_groups(r->blocks[k].set, &ngroups);
		for (size_t g = 0; g < ngroups; g++) {
			size_t i = 0;
			while (i < n && strcmp(ids[i], groups[g]->id) != 0)
				i++;
			if (i == n && n < MAX_GROUP_COLUMNS)
				ids[n++] = groups[g]->id;
		}
	}
	return n;
}

static const char *const head[] = {
	"block", "rank", "of", "id", "name", "total", "max", "index", "band", "gap_top",
	"gap_bottom", "gap_above", "full", "partial", "zero", "self_total", "self_deviation",
	"self_deviation_pct", "self_check",
};

int cchc_render_ranking_csv(cchc_buf *out, const cchc_ranking *r)
{
	const char *ids[MAX_GROUP_COLUMNS];
	const size_t ncols = group_columns(r, ids);
	char name[64];
	const size_t nhead = sizeof head / sizeof *head;
	for (size_t i = 0; i < nhead; i++)
		field(out, head[i], i + 1 == nhead && ncols == 0);
	for (size_t c = 0; c < ncols; c++) {
		snprintf(name, sizeof name, "group_%s", ids[c]);
		field(out, name, 0);
		snprintf(name, sizeof name, "rank_%s", ids[c]);
		field(out, name, c + 1 == ncols);
	}
	for (size_t k = 0; k < r->nblocks; k++) {
		const cchc_block *b = &r->blocks[k];
		size_t ngroups;
		const cchc_node *const *groups = cchc_criteria_groups(b->set, &ngroups);
		for (size_t i = 0; i < b->n; i++) {
			const cchc_rank_entry *e = &b->entries[i];
			const cchc_score *s = e->score;
			field(out, b->id, 0);
			count(out, e->rank, 0);
			count(out, e->of, 0);
			field(out, cchc_assessment_agency_id(s->assessment), 0);
			field(out, cchc_assessment_agency_name(s->assessment), 0);
			points(out, s->total, 0);
			points(out, s->max, 0);
			points(out, s->index, 0);
			field(out, s->band ? s->band->label : "", 0);
			points(out, e->gap_top, 0);
			points(out, e->gap_bottom, 0);
			points(out, e->gap_above, 0);
			count(out, e->leaves_full, 0);
			count(out, e->leaves_partial, 0);
			count(out, e->leaves_zero, 0);
			if (s->has_self) {
				points(out, s->self_total, 0);
				points(out, e->self_deviation, 0);
				points(out, e->self_deviation_pct, 0);
			} else { /* nothing claimed: no deviation to state */
				field(out, "", 0);
				field(out, "", 0);
				field(out, "", 0);
			}
			points(out, s->self_check, ncols == 0);
			for (size_t c = 0; c < ncols; c++) {
				size_t g = 0;
				while (g < ngroups && strcmp(groups[g]->id, ids[c]) != 0)
					g++;
				if (g < ngroups) {
					points(out, cchc_score_group(s, g)->points, 0);
					count(out, e->group_ranks[g], c + 1 == ncols);
				} else {
					field(out, "", 0);
					field(out, "", c + 1 == ncols);
				}
			}
		}
	}
	return out->failed ? -1 : 0;
}
