/* Preparing a block for the draws: each agency's fixed points per frame
 * group, and the survey leaves to redraw with their sampling distributions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "robust_priv.h"
#include "rules_priv.h"
#include "util_priv.h"

/* A survey leaf is redrawn when its points came from its survey (not a council's round). */
static int redrawable(const cchc_item *it, const cchc_node_score *ns)
{
	return it && !ns->excluded && !it->na && it->nrounds == 0 && it->respondents > 0 &&
	       (it->has & (CCHC_HAS_SURVEY_MEAN | CCHC_HAS_SURVEY_ANSWERS));
}

static int add_survey(rb_agency *a, rb_block *b, size_t group, const cchc_node *leaf,
                      const cchc_item *it, int64_t published)
{
	rb_survey *s = &a->survey[a->nsurvey];
	const cchc_rule *r = &leaf->rule;
	memset(s, 0, sizeof *s);
	s->group = group;
	s->leaf = leaf;
	s->respondents = it->respondents > 4000000000 ? 4000000000u : (unsigned)it->respondents;
	if (it->has & CCHC_HAS_SURVEY_ANSWERS) {
		s->by_answers = 1;
		s->noptions = r->noptions;
		s->p = cchc_calloc(r->noptions, sizeof *s->p);
		if (!s->p)
			return -1;
		for (size_t o = 0; o < r->noptions; o++)
			s->p[o] = (double)it->answers[o] / (double)it->respondents;
		if (r->noptions > b->max_options)
			b->max_options = r->noptions;
	} else {
		s->mean = (double)it->mean / CCHC_DECIMAL_SCALE;
		s->se = (double)it->sd / CCHC_DECIMAL_SCALE / sqrt((double)it->respondents);
		s->lo = (double)(r->from < r->to ? r->from : r->to) / CCHC_DECIMAL_SCALE;
		s->hi = (double)(r->from < r->to ? r->to : r->from) / CCHC_DECIMAL_SCALE;
		/* precomputed so that a draw costs a multiply, not a division */
		s->step = r->step > 0 ? r->step : 1;
		s->from = (double)r->from / CCHC_DECIMAL_SCALE;
		s->steps = floor((double)leaf->max / (double)s->step);
		s->k = s->steps / ((double)(r->to - r->from) / CCHC_DECIMAL_SCALE);
	}
	s->published = published;
	a->nsurvey++;
	b->nsurvey_items++;
	return 0;
}

int rb_agency_init(rb_agency *a, rb_block *b, const cchc_score *s, const cchc_node *const *groups,
                   size_t ngroups)
{
	size_t nnodes;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nnodes);
	a->survey = cchc_calloc(nnodes, sizeof *a->survey);
	if (!a->survey)
		return -1;
	a->max = s->max;
	a->extra = s->total;
	size_t f = 0;
	for (size_t g = 0; g < ngroups; g++) {
		const cchc_node *grp = groups[g];
		if (grp->kind != CCHC_GROUP_SCORED && grp->kind != CCHC_GROUP_SURVEY)
			continue;
		a->base[f] = s->nodes[grp->index].points;
		a->extra -= a->base[f];
		for (size_t i = grp->index + 1; i < nnodes && nodes[i]->group == grp; i++) {
			const cchc_node *leaf = nodes[i];
			const cchc_node_score *ns = &s->nodes[i];
			const cchc_item *it = leaf->nchildren ? NULL : cchc_assessment_item(s->assessment, leaf);
			if (leaf->rule.kind != CCHC_RULE_SCALE || !redrawable(it, ns))
				continue;
			a->base[f] -= ns->points;
			if (add_survey(a, b, f, leaf, it, ns->points) < 0)
				return -1;
		}
		f++;
	}
	return 0;
}

int rb_block_init(rb_block *b, const cchc_block *blk, const cchc_robust_options *opt)
{
	memset(b, 0, sizeof *b);
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(blk->set, &ngroups);
	for (size_t g = 0; g < ngroups; g++)
		if (groups[g]->kind == CCHC_GROUP_SCORED || groups[g]->kind == CCHC_GROUP_SURVEY) {
			if (b->ngroups == RB_MAX_GROUPS)
				return -1;
			b->group_max[b->ngroups++] = groups[g]->max;
			b->frame_max += groups[g]->max;
		}
	b->n = blk->n;
	b->draws = opt->draws;
	b->seed = opt->seed;
	b->target = opt->target_rank;
	b->weights_pct = opt->weights_pct;
	b->survey = opt->survey;
	b->set_max = cchc_criteria_max(blk->set);
	b->bands = cchc_criteria_bands(blk->set, &b->nbands);
	b->agencies = cchc_calloc(b->n, sizeof *b->agencies);
	b->published = cchc_calloc(b->n, sizeof *b->published);
	b->published_rank = cchc_calloc(b->n, sizeof *b->published_rank);
	b->published_avg = cchc_calloc(b->n, sizeof *b->published_avg);
	b->spearman = cchc_calloc(b->draws, sizeof *b->spearman);
	b->kendall = cchc_calloc(b->draws, sizeof *b->kendall);
	if (!b->agencies || !b->published || !b->published_avg || !b->published_rank || !b->spearman ||
	    !b->kendall)
		return -1;
	for (size_t i = 0; i < b->n; i++) {
		const cchc_score *s = blk->entries[i].score;
		if (rb_agency_init(&b->agencies[i], b, s, groups, ngroups) < 0)
			return -1;
		b->published[i] = s->max > 0 ? (double)s->total / (double)s->max : (double)s->total;
		b->published_rank[i] = blk->entries[i].rank;
	}
	size_t *order = cchc_calloc(b->n, sizeof *order), *tmp = cchc_calloc(b->n, sizeof *tmp);
	size_t *rank = cchc_calloc(b->n, sizeof *rank);
	int ok = order && tmp && rank;
	b->published_order = cchc_calloc(b->n, sizeof *b->published_order);
	ok = ok && b->published_order;
	if (ok) {
		rb_competition_ranks(b->published, b->n, order, tmp, rank, b->published_avg);
		rb_kendall_prepare(b->published, b->n, b->published_order, tmp, &b->published_ties);
	}
	free(order);
	free(tmp);
	free(rank);
	return ok ? 0 : -1;
}

void rb_block_free(rb_block *b)
{
	for (size_t i = 0; b->agencies && i < b->n; i++) {
		for (size_t k = 0; k < b->agencies[i].nsurvey; k++)
			free(b->agencies[i].survey[k].p);
		free(b->agencies[i].survey);
	}
	free(b->agencies);
	free(b->published);
	free(b->published_avg);
	free(b->published_order);
	free(b->published_rank);
	free(b->spearman);
	free(b->kendall);
	memset(b, 0, sizeof *b);
}

int64_t rb_draw_survey(const rb_survey *s, gsl_rng *rng, unsigned *scratch, int64_t *answers)
{
	if (s->by_answers) {
		gsl_ran_multinomial(rng, s->noptions, s->respondents, s->p, scratch);
		for (size_t o = 0; o < s->noptions; o++)
			answers[o] = scratch[o];
		return cchc_scale_points_answers(s->leaf, answers, (int64_t)s->respondents);
	}
	if (s->se <= 0)
		return s->published; /* no sampling error: the published points, exactly */
	double x = s->mean + gsl_ran_gaussian_ziggurat(rng, 1.0) * s->se;
	x = x < s->lo ? s->lo : x > s->hi ? s->hi : x;
	/* The scale rule in floating point: a drawn mean is a continuous value, so
	 * the exact integer path (needed for published figures) buys nothing here. */
	double q = floor((x - s->from) * s->k);
	q = q < 0 ? 0 : q > s->steps ? s->steps : q;
	int64_t pts = (int64_t)q * s->step;
	return x >= s->hi && s->k > 0 ? s->leaf->max : pts; /* the top of the scale earns the max */
}
