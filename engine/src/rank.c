/* Ranking: blocks by criteria set, competition ranks on exact totals, gaps,
 * group ranks, self-assessment accuracy. Statistics live in stats.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/rank.h"
#include "stats_priv.h"
#include "tally_priv.h"
#include "util_priv.h"

__extension__ typedef __int128 wide;

/* Stable merge sort of indices with a context (C11 has no qsort_r). */
static void merge_sort(size_t *idx, size_t *tmp, size_t n,
                       int (*before)(size_t a, size_t b, const void *ctx), const void *ctx)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(idx, tmp, h, before, ctx);
	merge_sort(idx + h, tmp, n - h, before, ctx);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = before(idx[j], idx[i], ctx) > 0 ? idx[j++] : idx[i++];
	while (i < h)
		tmp[k++] = idx[i++];
	while (j < n)
		tmp[k++] = idx[j++];
	memcpy(idx, tmp, n * sizeof *idx);
}

void cchc_competition_ranks(size_t n, int (*cmp)(size_t a, size_t b, const void *ctx),
                            const void *ctx, size_t *ranks)
{
	size_t *idx = cchc_calloc(n, sizeof *idx), *tmp = cchc_calloc(n, sizeof *tmp);
	if (!idx || !tmp) {
		/* Quadratic fallback keeps the contract without memory. */
		for (size_t i = 0; i < n; i++) {
			ranks[i] = 1;
			for (size_t j = 0; j < n; j++)
				ranks[i] += cmp(j, i, ctx) > 0;
		}
		free(idx);
		free(tmp);
		return;
	}
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	merge_sort(idx, tmp, n, cmp, ctx); /* best first */
	for (size_t k = 0; k < n; k++)
		ranks[idx[k]] = k > 0 && cmp(idx[k], idx[k - 1], ctx) == 0 ? ranks[idx[k - 1]] : k + 1;
	free(idx);
	free(tmp);
}

typedef struct {
	const cchc_score *const *scores;
	const size_t *members;
	size_t group; /* position of the group being ranked in cchc_criteria_groups() */
} rank_ctx;

/* >0 when member a ranks above member b on the total. */
static int by_total(size_t a, size_t b, const void *vctx)
{
	const rank_ctx *ctx = vctx;
	return cchc_score_compare(ctx->scores[ctx->members[a]], ctx->scores[ctx->members[b]]);
}

/* Group points compared as a share of the group's max for that agency. */
static int by_group(size_t a, size_t b, const void *vctx)
{
	const rank_ctx *ctx = vctx;
	const cchc_node_score *x = cchc_score_group(ctx->scores[ctx->members[a]], ctx->group);
	const cchc_node_score *y = cchc_score_group(ctx->scores[ctx->members[b]], ctx->group);
	if (x->max == y->max)
		return (x->points > y->points) - (x->points < y->points);
	wide l = (wide)x->points * (y->max > 0 ? y->max : 1);
	wide r = (wide)y->points * (x->max > 0 ? x->max : 1);
	return (l > r) - (l < r);
}

static int by_rank_then_id(const void *pa, const void *pb)
{
	const cchc_rank_entry *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(cchc_assessment_agency_id(a->score->assessment),
	              cchc_assessment_agency_id(b->score->assessment));
}

static void self_accuracy(cchc_rank_entry *e)
{
	const cchc_score *s = e->score;
	if (!s->has_self)
		return; /* nothing claimed: nothing to compare */
	e->self_deviation = cchc_score_self_deviation(s);
	cchc_points dev = e->self_deviation < 0 ? -e->self_deviation : e->self_deviation;
	e->self_deviation_pct = s->total > 0 ? (int64_t)(((wide)dev * 20000 + s->total) / (2 * s->total)) : 0;
	e->overclaimed = s->noverclaimed;
}

/* A total on the set's scale: an agency whose max shrank (N/A exclusions, no
 * survey) is ranked on total / max, so its gaps are measured the same way,
 * total × set max / max, rounded half up to hundredths. Equal maxima: the total. */
static cchc_points on_set_scale(const cchc_score *s, cchc_points set_max)
{
	if (s->max == set_max || s->max <= 0)
		return s->total;
	wide num = (wide)s->total * set_max * 2 + (s->total >= 0 ? s->max : -s->max);
	return (cchc_points)(num / ((wide)s->max * 2));
}

static int build_block(cchc_block *b, const cchc_score *const *scores, const size_t *members,
                       size_t n, const cchc_tally *tally)
{
	size_t ngroups;
	cchc_criteria_groups(b->set, &ngroups);
	rank_ctx ctx = {scores, members, 0};
	size_t *ranks = cchc_calloc(n, sizeof *ranks);
	b->entries = cchc_calloc(n, sizeof *b->entries);
	if (!ranks || !b->entries) {
		free(ranks);
		return -1;
	}
	b->n = n;
	cchc_competition_ranks(n, by_total, &ctx, ranks);
	for (size_t i = 0; i < n; i++) {
		cchc_rank_entry *e = &b->entries[i];
		e->score = scores[members[i]];
		e->rank = ranks[i];
		e->of = n;
		e->group_ranks = cchc_calloc(ngroups, sizeof *e->group_ranks);
		if (!e->group_ranks) {
			free(ranks);
			return -1;
		}
		const cchc_score *s = e->score;
		for (size_t g = 0; g < ngroups; g++) {
			const cchc_node_score *gs = cchc_score_group(s, g);
			e->leaves_full += gs->leaves_full;
			e->leaves_partial += gs->leaves_partial;
			e->leaves_zero += gs->leaves_zero;
		}
		self_accuracy(e);
	}
	for (size_t g = 0; g < ngroups; g++) {
		ctx.group = g;
		cchc_competition_ranks(n, by_group, &ctx, ranks);
		for (size_t i = 0; i < n; i++)
			b->entries[i].group_ranks[g] = ranks[i];
	}
	free(ranks);
	qsort(b->entries, n, sizeof *b->entries, by_rank_then_id);
	const cchc_points set_max = cchc_criteria_max(b->set);
	cchc_points top = on_set_scale(b->entries[0].score, set_max);
	cchc_points bottom = on_set_scale(b->entries[n - 1].score, set_max);
	for (size_t i = 0; i < n; i++) {
		cchc_rank_entry *e = &b->entries[i];
		cchc_points mine = on_set_scale(e->score, set_max);
		e->gap_top = top - mine;
		e->gap_bottom = mine - bottom;
		/* The agency just above is the nearest one with a strictly better rank. */
		size_t k = i;
		while (k > 0 && b->entries[k - 1].rank == e->rank)
			k--;
		e->gap_above = k > 0 ? on_set_scale(b->entries[k - 1].score, set_max) - mine : 0;
	}
	return cchc_block_stats(b, tally);
}

void cchc_ranking_free(cchc_ranking *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nblocks; i++) {
		cchc_block *b = &r->blocks[i];
		for (size_t k = 0; k < b->n && b->entries; k++)
			free(b->entries[k].group_ranks);
		free(b->entries);
		free(b->nodes);
		free(b->most_lost);
	}
	free(r->blocks);
	free(r);
}

static int by_agency_id(const void *pa, const void *pb)
{
	const cchc_score *a = *(const cchc_score *const *)pa, *b = *(const cchc_score *const *)pb;
	int c = strcmp(cchc_assessment_agency_id(a->assessment), cchc_assessment_agency_id(b->assessment));
	if (c)
		return c;
	c = strcmp(cchc_assessment_file(a->assessment), cchc_assessment_file(b->assessment));
	if (c)
		return c;
	long la = cchc_assessment_line(a->assessment), lb = cchc_assessment_line(b->assessment);
	return (la > lb) - (la < lb);
}

/* "FILE", or "FILE:LINE" for a member of a bundle. */
static const char *where(char *buf, size_t size, const cchc_assessment *a)
{
	long line = cchc_assessment_line(a);
	if (line > 0)
		snprintf(buf, size, "%s:%ld", cchc_assessment_file(a), line);
	else
		snprintf(buf, size, "%s", cchc_assessment_file(a));
	return buf;
}

/* An agency id may appear once across all blocks. */
static size_t check_duplicates(const cchc_score *const *scores, size_t n, cchc_diag *diag)
{
	const cchc_score **sorted = cchc_calloc(n, sizeof *sorted);
	size_t dups = 0;
	if (!sorted) {
		cchc_diag_addf(diag, NULL, 0, "out of memory ranking");
		return 1;
	}
	memcpy(sorted, scores, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, by_agency_id);
	for (size_t i = 1; i < n; i++) {
		const cchc_assessment *a = sorted[i - 1]->assessment, *b = sorted[i]->assessment;
		if (strcmp(cchc_assessment_agency_id(a), cchc_assessment_agency_id(b)) != 0)
			continue;
		dups++;
		char first[4200];
		where(first, sizeof first, a);
		if (sorted[i - 1]->set != sorted[i]->set)
			cchc_diag_addf(diag, cchc_assessment_file(b), cchc_assessment_line(b),
			               "agency \"%s\" is also in block \"%s\" (%s): an agency belongs to one "
			               "block only",
			               cchc_assessment_agency_id(b), cchc_criteria_block(sorted[i - 1]->set),
			               first);
		else
			cchc_diag_addf(diag, cchc_assessment_file(b), cchc_assessment_line(b),
			               "agency \"%s\" is assessed twice (also in %s): keep one assessment per "
			               "agency",
			               cchc_assessment_agency_id(b), first);
	}
	free(sorted);
	return dups;
}

int cchc_ranking_build(cchc_ranking **out, const cchc_score *const *scores, size_t nscores,
                       cchc_diag *diag)
{
	return cchc_ranking_build_tallied(out, scores, nscores, NULL, 0, diag);
}

/* The tally of set among tallies, or NULL. */
static const cchc_tally *tally_of(cchc_tally *const *tallies, size_t ntallies,
                                  const cchc_criteria *set)
{
	for (size_t i = 0; i < ntallies; i++)
		if (tallies[i] && tallies[i]->set == set)
			return tallies[i];
	return NULL;
}

/* A block can be ranked when its tally counted exactly its scores, or
 * without one when none of them is slimmed. */
static int block_ready(const cchc_score *const *scores, const size_t *members, size_t n,
                       const cchc_tally *tally, cchc_diag *diag)
{
	if (tally && tally->nscores == n)
		return 0;
	if (!tally) {
		size_t i = 0;
		while (i < n && scores[members[i]]->nodes)
			i++;
		if (i == n)
			return 0;
	}
	cchc_diag_addf(diag, NULL, 0,
	               "cannot rank block \"%s\": its scores were slimmed but %s (a caller's "
	               "error)",
	               cchc_criteria_block(scores[members[0]]->set),
	               tally ? "its tally counted other agencies" : "no tally counted them");
	return -1;
}

int cchc_ranking_build_tallied(cchc_ranking **out, const cchc_score *const *scores,
                               size_t nscores, cchc_tally *const *tallies, size_t ntallies,
                               cchc_diag *diag)
{
	*out = NULL;
	if (check_duplicates(scores, nscores, diag))
		return -1;
	cchc_ranking *r = calloc(1, sizeof *r);
	size_t *members = cchc_calloc(nscores, sizeof *members);
	const cchc_criteria **sets = cchc_calloc(nscores, sizeof *sets);
	if (!r || !members || !sets)
		goto oom;
	size_t nsets = 0;
	for (size_t i = 0; i < nscores; i++) {
		size_t k = 0;
		while (k < nsets && sets[k] != scores[i]->set)
			k++;
		if (k == nsets)
			sets[nsets++] = scores[i]->set;
	}
	r->blocks = cchc_calloc(nsets, sizeof *r->blocks);
	if (!r->blocks)
		goto oom;
	for (size_t k = 0; k < nsets; k++) {
		size_t n = 0;
		for (size_t i = 0; i < nscores; i++)
			if (scores[i]->set == sets[k])
				members[n++] = i;
		cchc_block *b = &r->blocks[r->nblocks++];
		b->set = sets[k];
		b->id = cchc_criteria_block(sets[k]);
		const cchc_tally *tally = tally_of(tallies, ntallies, sets[k]);
		if (block_ready(scores, members, n, tally, diag) < 0) {
			free(members);
			free(sets);
			cchc_ranking_free(r);
			return -1;
		}
		if (build_block(b, scores, members, n, tally) < 0)
			goto oom;
	}
	free(members);
	free(sets);
	*out = r;
	return 0;
oom:
	cchc_diag_addf(diag, NULL, 0, "out of memory ranking");
	free(members);
	free(sets);
	cchc_ranking_free(r);
	return -1;
}

const cchc_rank_entry *cchc_ranking_find(const cchc_ranking *r, const char *agency_id,
                                         const cchc_block **block)
{
	for (size_t b = 0; b < r->nblocks; b++)
		for (size_t i = 0; i < r->blocks[b].n; i++)
			if (strcmp(cchc_assessment_agency_id(r->blocks[b].entries[i].score->assessment),
			           agency_id) == 0) {
				if (block)
					*block = &r->blocks[b];
				return &r->blocks[b].entries[i];
			}
	return NULL;
}
