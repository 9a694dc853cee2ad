/* Scoring one assessment: apply each leaf's rule, settle appraisals and
 * causes, then add up the tree, the frame, bonus and penalty. */
#include <stdlib.h>
#include <string.h>

#include "cchc/score.h"
#include "rules_priv.h"

__extension__ typedef __int128 wide;

static const char *const cause_names[CCHC_CAUSE_COUNT] = {
	"", "late", "undocumented", "partial", "not-done", "appraisal", "survey", "penalty"};

const char *cchc_cause_name(cchc_cause cause)
{
	return cause < CCHC_CAUSE_COUNT ? cause_names[cause] : "";
}

void cchc_score_free(cchc_score *score)
{
	if (!score)
		return;
	free(score->nodes);
	free(score->reasons);
	free(score->overclaimed);
	free(score->groups);
	free(score->published);
	free(score);
}

int cchc_score_slim(cchc_score *score)
{
	if (!score || !score->nodes)
		return 0;
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(score->set, &ngroups);
	const cchc_published *p = cchc_assessment_published(score->assessment);
	size_t npub = p ? p->ncriteria : 0;
	cchc_node_score *kept = calloc(ngroups ? ngroups : 1, sizeof *kept);
	cchc_node_score *pub = npub ? calloc(npub, sizeof *pub) : NULL;
	if (!kept || (npub && !pub)) {
		free(kept);
		return -1;
	}
	for (size_t g = 0; g < ngroups; g++) {
		kept[g] = score->nodes[groups[g]->index];
		kept[g].reason = NULL;
	}
	for (size_t i = 0; i < npub; i++) {
		pub[i] = score->nodes[p->criteria[i].criterion->index];
		pub[i].reason = NULL;
	}
	score->published = pub;
	free(score->nodes);
	free(score->reasons);
	score->nodes = NULL;
	score->reasons = NULL;
	score->groups = kept;
	return 0;
}

const cchc_node_score *cchc_score_group(const cchc_score *score, size_t g)
{
	if (score->groups)
		return &score->groups[g];
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(score->set, &ngroups);
	return &score->nodes[groups[g]->index];
}

/* The leaves claimed above their final points, kept past slimming. */
static int list_overclaimed(cchc_score *s)
{
	size_t nnodes, n = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nnodes);
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_node_score *ns = &s->nodes[i];
		n += nodes[i]->nchildren == 0 && ns->has_self && ns->self > ns->points;
	}
	if (!n)
		return 0;
	s->overclaimed = calloc(n, sizeof *s->overclaimed);
	if (!s->overclaimed)
		return -1;
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_node_score *ns = &s->nodes[i];
		if (nodes[i]->nchildren == 0 && ns->has_self && ns->self > ns->points)
			s->overclaimed[s->noverclaimed++] = nodes[i];
	}
	return 0;
}

static int in_frame(const cchc_node *n)
{
	return n->group->kind == CCHC_GROUP_SCORED || n->group->kind == CCHC_GROUP_SURVEY;
}

static void score_leaf(const cchc_score *s, const cchc_node *n, int survey_missing,
                       cchc_node_score *ns)
{
	const cchc_item *it = cchc_assessment_item(s->assessment, n);
	cchc_rule_result res;
	const int penalty = n->kind == CCHC_GROUP_PENALTY;

	ns->max = n->max;
	if (it && (it->has & CCHC_HAS_SELF)) {
		ns->self = it->self;
		ns->has_self = 1;
	}
	if (it && it->na && n->na != CCHC_NA_NEVER) {
		ns->na = 1;
		ns->excluded = n->na == CCHC_NA_EXCLUDE;
		ns->points = ns->computed = ns->excluded ? 0 : n->max;
		if (ns->excluded)
			ns->max = 0;
		return;
	}
	if (survey_missing && n->group->kind == CCHC_GROUP_SURVEY) {
		ns->excluded = 1;
		ns->max = 0;
		return;
	}

	memset(&res, 0, sizeof res);
	const int has_evidence = it && (it->has & ~(unsigned)CCHC_HAS_SELF);
	if (!has_evidence) {
		res.cause = penalty ? CCHC_CAUSE_NONE : CCHC_CAUSE_NOT_DONE;
		res.reason.why = penalty ? CCHC_WHY_NONE : CCHC_WHY_NO_ITEM;
	} else if ((it->has & CCHC_HAS_MET) && !it->met && n->rule.kind != CCHC_RULE_YES_NO) {
		res.cause = CCHC_CAUSE_NOT_DONE;
		res.reason.why = CCHC_WHY_NOT_MET;
	} else {
		cchc_rule_apply(n, it, &res);
	}
	if (it) {
		res.reason.note = it->note;
		res.reason.unit = n->rule.unit;
	}
	/* A set may withhold points that no document proves. */
	/* Survey answers are their own evidence: there is no document to attach. */
	const int surveyed = n->group->kind == CCHC_GROUP_SURVEY || n->rule.kind == CCHC_RULE_SCALE;
	if (!penalty && !surveyed && n->require_docs && it && it->ndocs == 0 && res.points > 0) {
		res.points = 0;
		res.cause = CCHC_CAUSE_UNDOCUMENTED;
		res.reason.why = CCHC_WHY_NO_DOC;
	}
	ns->computed = res.points;
	ns->points = res.points;
	if (it && it->nrounds) {
		const cchc_appraisal *last = &it->rounds[it->nrounds - 1];
		ns->points = last->points;
		if (last->points < res.points) {
			res.cause = CCHC_CAUSE_APPRAISAL;
			res.reason.why = CCHC_WHY_APPRAISAL;
		}
		res.reason.appraisal = last;
	}
	if (penalty && ns->points == 0) {
		/* nothing deducted, whatever the path: not a loss to explain */
		res.cause = CCHC_CAUSE_NONE;
		if (!res.reason.appraisal)
			res.reason.why = CCHC_WHY_NONE;
	} else if (!penalty && ns->points >= n->max) {
		res.cause = CCHC_CAUSE_NONE;
		res.reason.why = CCHC_WHY_NONE;
	} else if (!penalty && it && it->ndocs == 0 && ns->has_self && ns->self > ns->points &&
	           res.cause == CCHC_CAUSE_NOT_DONE) {
		/* Claimed, nothing to show for it, not granted: "done but not counted". */
		res.cause = CCHC_CAUSE_UNDOCUMENTED;
		res.reason.why = CCHC_WHY_NO_DOC;
	}
	/* A council cut stays the council's, with its reason, in a survey group too. */
	if (!penalty && n->group->kind == CCHC_GROUP_SURVEY && res.cause != CCHC_CAUSE_NONE &&
	    res.cause != CCHC_CAUSE_APPRAISAL)
		res.cause = CCHC_CAUSE_SURVEY;
	ns->cause = res.cause;
	s->reasons[n->index] = res.reason;
}

/* What one scoring pass needs besides the score: the survey state and, for an
 * uplift what-if, the leaves won back (NULL for a plain score). */
typedef struct scoring {
	int survey_missing;
	const unsigned char *won; /* by node index */
	int claims;               /* the agency claims points somewhere */
} scoring;

/* The uplift model: a leaf won back is earned at its full points, and claimed at
 * them when the agency claims at all (an honest agency stays honest). */
static void win_back(const scoring *ctx, const cchc_node *n, cchc_node_score *ns)
{
	if (!ctx->won || !ctx->won[n->index] || ns->excluded || n->kind == CCHC_GROUP_PENALTY)
		return;
	ns->points = ns->computed = n->max;
	ns->cause = CCHC_CAUSE_NONE;
	/* survey results are not the agency's to claim, unless it did */
	const int surveyed = n->group->kind == CCHC_GROUP_SURVEY || n->rule.kind == CCHC_RULE_SCALE;
	if (ctx->claims && (!surveyed || ns->has_self)) {
		ns->self = n->max;
		ns->has_self = 1;
	}
}

/* Post-order sum: a node's points are its children's, capped for bonus and
 * floored for penalty groups. */
static void add_up(cchc_score *s, const cchc_node *n, const scoring *ctx)
{
	cchc_node_score *ns = &s->nodes[n->index];
	if (n->nchildren == 0) {
		score_leaf(s, n, ctx->survey_missing, ns);
		win_back(ctx, n, ns);
		if (!ns->excluded && in_frame(n) && n->max > 0) {
			ns->leaves_full = ns->points >= n->max;
			ns->leaves_zero = ns->points <= 0;
			ns->leaves_partial = !ns->leaves_full && !ns->leaves_zero;
		}
		return;
	}
	ns->excluded = 1;
	for (size_t i = 0; i < n->nchildren; i++) {
		const cchc_node *c = n->children[i];
		add_up(s, c, ctx);
		const cchc_node_score *cs = &s->nodes[c->index];
		ns->points += cs->points;
		ns->computed += cs->computed;
		ns->max += cs->max;
		ns->self += cs->self;
		ns->has_self |= cs->has_self;
		ns->excluded &= cs->excluded;
		ns->na = ns->excluded && cs->na;
		ns->leaves_full += cs->leaves_full;
		ns->leaves_partial += cs->leaves_partial;
		ns->leaves_zero += cs->leaves_zero;
	}
	if (n->depth == 0 && n->kind == CCHC_GROUP_BONUS) {
		ns->max = n->max;
		if (ns->points > n->max)
			ns->points = n->max;
		if (ns->self > n->max)
			ns->self = n->max;
	} else if (n->depth == 0 && n->kind == CCHC_GROUP_PENALTY) {
		if (ns->points < n->min)
			ns->points = n->min;
		if (ns->self < n->min)
			ns->self = n->min;
	}
}

/* The set's <self-check>: |claimed − final| > tolerance % of final costs its
 * penalty. Compared in integers: |dev| × 10000 > tolerance(hundredths of %) × final. */
static void apply_self_check(cchc_score *s)
{
	cchc_points tolerance, penalty;
	if (!s->has_self || !cchc_criteria_self_check(s->set, &tolerance, &penalty))
		return;
	wide dev = (wide)s->self_total - s->total;
	if (dev < 0)
		dev = -dev;
	wide base = s->total > 0 ? s->total : 0;
	if (dev * 10000 > (wide)tolerance * base) {
		s->self_check = -penalty;
		s->total -= penalty;
	}
}

/* Whether any leaf of the set carries a claim of the agency's. */
static int claims_anything(const cchc_assessment *a)
{
	size_t nnodes;
	const cchc_node *const *nodes = cchc_criteria_nodes(cchc_assessment_criteria(a), &nnodes);
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_item *it = nodes[i]->nchildren ? NULL : cchc_assessment_item(a, nodes[i]);
		if (it && (it->has & CCHC_HAS_SELF))
			return 1;
	}
	return 0;
}

int cchc_score_compute(cchc_score **out, const cchc_assessment *a)
{
	return cchc_score_compute_overlay(out, a, NULL);
}

int cchc_score_compute_overlay(cchc_score **out, const cchc_assessment *a,
                               const unsigned char *won)
{
	const cchc_criteria *set = cchc_assessment_criteria(a);
	size_t nnodes, ngroups, nbands;
	cchc_criteria_nodes(set, &nnodes);
	const cchc_node *const *groups = cchc_criteria_groups(set, &ngroups);
	const cchc_band *bands = cchc_criteria_bands(set, &nbands);

	*out = NULL;
	cchc_score *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	s->nodes = calloc(nnodes ? nnodes : 1, sizeof *s->nodes);
	s->reasons = calloc(nnodes ? nnodes : 1, sizeof *s->reasons);
	if (!s->nodes || !s->reasons) {
		cchc_score_free(s);
		return -1;
	}
	for (size_t i = 0; i < nnodes; i++)
		s->nodes[i].reason = &s->reasons[i];
	s->set = set;
	s->assessment = a;
	s->nnodes = nnodes;
	const scoring ctx = {
		.survey_missing = !cchc_assessment_has_survey(a) && cchc_criteria_survey_rescales(set),
		.won = won,
		.claims = won ? claims_anything(a) : 0,
	};
	for (size_t g = 0; g < ngroups; g++) {
		const cchc_node *grp = groups[g];
		add_up(s, grp, &ctx);
		const cchc_node_score *gs = &s->nodes[grp->index];
		switch (grp->kind) {
		case CCHC_GROUP_BONUS:
			s->bonus += gs->points;
			break;
		case CCHC_GROUP_PENALTY:
			s->penalty += gs->points;
			break;
		default:
			s->frame += gs->points;
			s->max += gs->max;
		}
		s->self_total += gs->self;
		s->has_self |= gs->has_self;
	}
	s->total = s->frame + s->bonus + s->penalty;
	apply_self_check(s);
	if (s->max > 0) {
		wide num = (wide)s->total * 10000 * 2 + s->max; /* round half up */
		wide den = (wide)s->max * 2;
		s->index = (int64_t)(num >= 0 ? num / den : -((-num + den - 1) / den));
	}
	/* Bands are set on the frame's scale: compare total/max with min/set max. */
	for (size_t b = 0; b < nbands && s->max > 0; b++) {
		if ((wide)s->total * cchc_criteria_max(set) >= (wide)bands[b].min * s->max) {
			s->band = &bands[b];
			break;
		}
	}
	if (list_overclaimed(s) < 0) {
		cchc_score_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

int cchc_score_compare(const cchc_score *a, const cchc_score *b)
{
	if (a->max == b->max)
		return (a->total > b->total) - (a->total < b->total);
	wide x = (wide)a->total * (b->max > 0 ? b->max : 1);
	wide y = (wide)b->total * (a->max > 0 ? a->max : 1);
	return (x > y) - (x < y);
}
