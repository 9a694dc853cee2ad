/* The check's rank interval: the robustness analysis' draws over the field
 * with the new assessment standing in for the agency's old result, its survey
 * part as the estimate assumes it (last year's results redrawn, or the block's
 * mean held fixed). */
#include <stdlib.h>
#include <string.h>

#include "check_priv.h"
#include "robust_priv.h"
#include "util_priv.h"

/* The score whose survey results stand for the agency's (LAST); NULL for MEAN. */
static const cchc_score *survey_source(const cchc_check *c, const cchc_block *blk,
                                       const cchc_score *previous)
{
	if (c->survey != CCHC_SURVEY_LAST)
		return NULL;
	if (previous)
		return previous;
	const char *id = cchc_assessment_agency_id(c->assessment);
	for (size_t i = 0; i < blk->n; i++)
		if (strcmp(cchc_assessment_agency_id(blk->entries[i].score->assessment), id) == 0)
			return blk->entries[i].score;
	return NULL;
}

/* The new agency's draws: its own evidence in the scored groups, the assumed survey. */
static int stand_in(rb_block *b, rb_agency *a, const cchc_check *c, const cchc_score *source,
                    const cchc_criteria *set)
{
	size_t ngroups, nsource = 0;
	const cchc_node *const *groups = cchc_criteria_groups(set, &ngroups);
	/* the source's own groups: last year's set has the same frame (cchc_check_frames_match) */
	const cchc_node *const *sgroups = source ? cchc_criteria_groups(source->set, &nsource) : NULL;
	rb_agency src;
	memset(&src, 0, sizeof src);
	if (source && rb_agency_init(&src, b, source, sgroups, nsource) < 0) {
		free(src.survey);
		return -1;
	}
	int first = 1;
	for (size_t g = 0, f = 0; g < ngroups; g++) {
		if (groups[g]->kind != CCHC_GROUP_SCORED && groups[g]->kind != CCHC_GROUP_SURVEY)
			continue;
		if (groups[g]->kind == CCHC_GROUP_SURVEY) {
			a->base[f] = source ? src.base[f] : first ? c->survey_points : 0;
			first = 0;
		}
		f++;
	}
	for (size_t k = 0; k < a->nsurvey; k++)
		free(a->survey[k].p);
	free(a->survey);
	a->survey = src.survey;
	a->nsurvey = src.nsurvey;
	a->max = c->max;
	return 0;
}

int cchc_check_interval(cchc_check *c, const cchc_block *blk, const cchc_assessment *previous,
                        const cchc_check_options *opt, cchc_diag *diag)
{
	const char *id = cchc_assessment_agency_id(c->assessment);
	const cchc_criteria *set = cchc_assessment_criteria(c->assessment);
	const cchc_score **scores = cchc_calloc(blk->n + 1, sizeof *scores);
	cchc_score *prev = NULL;
	cchc_ranking *r = NULL;
	rb_block b;
	rb_tally tally;
	cchc_robust_block sum;
	memset(&b, 0, sizeof b);
	memset(&tally, 0, sizeof tally);
	memset(&sum, 0, sizeof sum);
	int rc = -1;
	size_t n = 0;
	if (!scores)
		goto done;
	for (size_t i = 0; i < blk->n; i++)
		if (strcmp(cchc_assessment_agency_id(blk->entries[i].score->assessment), id) != 0)
			scores[n++] = blk->entries[i].score;
	scores[n++] = c->score;
	/* last year's own assessment, when it gave the survey points assumed */
	if (c->survey == CCHC_SURVEY_LAST && cchc_check_previous_survey(c->assessment, previous) &&
	    cchc_score_compute(&prev, previous) < 0)
		goto done;
	if (cchc_ranking_build(&r, scores, n, diag) < 0)
		goto fail;
	const cchc_block *rb = &r->blocks[0];
	cchc_robust_options ro = {opt->draws, opt->seed, 0, 1, opt->threads, 0};
	if (rb_block_init(&b, rb, &ro) < 0)
		goto done;
	size_t k = 0;
	while (k < rb->n && rb->entries[k].score != c->score)
		k++;
	if (stand_in(&b, &b.agencies[k], c, survey_source(c, blk, prev), set) < 0 ||
	    rb_simulate(&b, opt->threads, &tally) < 0 || rb_summarise(&sum, &b, &tally, rb, NULL) < 0)
		goto done;
	c->position.has_interval = 1;
	c->position.rank_p5 = sum.agencies[k].rank_p5;
	c->position.rank_p95 = sum.agencies[k].rank_p95;
	c->position.median_rank = sum.agencies[k].median_rank;
	c->position.draws = opt->draws;
	rc = 0;
done:
	if (rc < 0)
		cchc_diag_addf(diag, NULL, 0, "out of memory estimating the rank interval");
fail:
	for (size_t i = 0; sum.agencies && i < sum.n; i++)
		free(sum.agencies[i].p_band);
	free(sum.agencies);
	free(sum.flip);
	rb_tally_free(&tally);
	rb_block_free(&b);
	cchc_ranking_free(r);
	cchc_score_free(prev);
	free(scores);
	return rc;
}
