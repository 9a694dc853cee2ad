/* cchc check: what an appraiser would cut from a self-assessment, and where the
 * agency would stand. Every point at stake is read from the engine's own score
 * of the assessment, never re-derived. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/check.h"
#include "check_priv.h"
#include "util_priv.h"

__extension__ typedef __int128 wide_t;

const char *cchc_check_kind_name(cchc_check_kind kind)
{
	static const char *const names[CCHC_CHECK_KIND_COUNT] = {
		"no-entry",      "na-not-allowed", "overclaim",    "no-doc",         "date-after-submission",
		"date-before-cited", "carried-over", "date-outside-year", "no-explanation", "no-place"};
	return (unsigned)kind < CCHC_CHECK_KIND_COUNT ? names[kind] : "";
}

const char *cchc_severity_name(cchc_severity s)
{
	return s == CCHC_SEVERITY_WILL_LOSE ? "will-lose" : s == CCHC_SEVERITY_MAY_LOSE ? "may-lose"
	                                                                                : "form";
}

const char *cchc_survey_assumption_name(cchc_survey_assumption s)
{
	return s == CCHC_SURVEY_LAST ? "last" : s == CCHC_SURVEY_MEAN ? "mean" : "none";
}

/* ---- what a document reference says ---------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

size_t cchc_check_ref_dates(const char *ref, cchc_date *dates, size_t max)
{
	size_t n = 0;
	if (!ref)
		return 0;
	for (const char *p = ref; *p && n < max; p++) {
		/* dd/mm/yyyy, the day and month of one or two digits, not inside a longer number */
		if (!is_digit(*p) || (p > ref && (is_digit(p[-1]) || p[-1] == '/')))
			continue;
		int dl = is_digit(p[1]) ? 2 : 1;
		if (p[dl] != '/')
			continue;
		const char *m = p + dl + 1;
		int ml = is_digit(m[0]) && is_digit(m[1]) ? 2 : is_digit(m[0]) ? 1 : 0;
		if (!ml || m[ml] != '/')
			continue;
		const char *y = m + ml + 1;
		int day = digits(p, dl), month = digits(m, ml), year = digits(y, 4);
		if (year < 0 || is_digit(y[4]))
			continue;
		char iso[48];
		snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
		cchc_date d;
		if (cchc_date_parse(iso, &d) == CCHC_NUM_OK)
			dates[n++] = d;
		p = y + 3;
	}
	return n;
}

/* Lower-case ASCII letters only: the markers' Vietnamese letters are matched in
 * both cases by listing both spellings. */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int word_start(const char *ref, const char *p)
{
	if (p == ref)
		return 1;
	unsigned char c = (unsigned char)p[-1];
	return c == ' ' || c == ',' || c == ';' || c == '(' || c == '-' || c == '/' || c == ':';
}

/* Whether the marker at p is followed by a number (arabic or roman), after an optional space. */
static int number_follows(const char *p)
{
	while (*p == ' ')
		p++;
	return is_digit(*p) || *p == 'I' || *p == 'V' || *p == 'X';
}

int cchc_check_ref_has_place(const char *ref)
{
	/* number: the marker counts only before a number ("trang 5", "Điều 3"),
	 * since "Trang TTĐT" is a web page and "điều hành" is not an article. */
	static const struct {
		const char *word;
		int number;
	} markers[] = {{"trang", 1},  {"tr.", 1},     {"page", 1},     {"p.", 1},
	               {"pp.", 1},    {"\xC4\x91i\xE1\xBB\x81u", 1},  /* điều */
	               {"\xC4\x90i\xE1\xBB\x81u", 1},                  /* Điều */
	               {"kho\xE1\xBA\xA3n", 1},                        /* khoản */
	               {"m\xE1\xBB\xA5" "c", 0},                       /* mục */
	               {"M\xE1\xBB\xA5" "c", 0},                       /* Mục */
	               {"ph\xE1\xBA\xA7n", 0},                         /* phần */
	               {"Ph\xE1\xBA\xA7n", 0},                         /* Phần */
	               {"ph\xE1\xBB\xA5 l\xE1\xBB\xA5" "c", 0},        /* phụ lục */
	               {"Ph\xE1\xBB\xA5 l\xE1\xBB\xA5" "c", 0},        /* Phụ lục */
	               {"section", 0}};
	if (!ref)
		return 0;
	for (const char *p = ref; *p; p++) {
		if (!word_start(ref, p))
			continue;
		for (size_t k = 0; k < sizeof markers / sizeof markers[0]; k++) {
			const char *w = markers[k].word;
			size_t len = strlen(w), i = 0;
			while (i < len && p[i] && lower(p[i]) == lower(w[i]))
				i++;
			if (i < len)
				continue;
			const char *after = p + len;
			if (markers[k].number ? number_follows(after)
			                      : (*after == ' ' || *after == '\0' || *after == ','))
				return 1;
		}
	}
	return 0;
}

/* ---- findings ---------------------------------------------------------- */

typedef struct {
	cchc_check *c;
	size_t cap;
	int failed;
} finder;

static cchc_finding *add(finder *f, cchc_check_kind kind, cchc_severity sev, const cchc_node *n,
                         long line, cchc_points stake)
{
	cchc_check *c = f->c;
	if (c->nfindings == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 32;
		cchc_finding *grown = realloc(c->findings, cap * sizeof *grown);
		if (!grown) {
			f->failed = 1;
			return NULL;
		}
		c->findings = grown;
		f->cap = cap;
	}
	cchc_finding *x = &c->findings[c->nfindings++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->severity = sev;
	x->node = n;
	x->line = line;
	x->stake = stake;
	return x;
}

static int year_of(cchc_date d)
{
	int y, m, day;
	cchc_date_split(d, &y, &m, &day);
	return y;
}

/* A document's own date against the year and the submission, its cited dates against it. */
static void check_doc(finder *f, const cchc_node *n, const cchc_doc *doc, cchc_points points,
                      int year, cchc_date submitted)
{
	cchc_date dates[16];
	size_t nd = cchc_check_ref_dates(doc->ref, dates, 16);
	long line = doc->line;
	cchc_finding *x;
	if (!cchc_check_ref_has_place(doc->ref) && (x = add(f, CCHC_CHECK_NO_PLACE, CCHC_SEVERITY_FORM,
	                                                     n, line, points)))
		x->doc = doc;
	if (nd == 0)
		return;
	if (submitted && dates[0] > submitted &&
	    (x = add(f, CCHC_CHECK_DATE_AFTER_SUBMISSION, CCHC_SEVERITY_WILL_LOSE, n, line, points))) {
		x->doc = doc;
		x->date = dates[0];
		x->other = submitted;
	}
	for (size_t k = 1; k < nd; k++)
		if (dates[k] > dates[0]) {
			if ((x = add(f, CCHC_CHECK_DATE_BEFORE_CITED, CCHC_SEVERITY_WILL_LOSE, n, line,
			             points))) {
				x->doc = doc;
				x->date = dates[0];
				x->other = dates[k];
			}
			break;
		}
	if (year_of(dates[0]) != year &&
	    (x = add(f, CCHC_CHECK_DATE_OUTSIDE_YEAR, CCHC_SEVERITY_MAY_LOSE, n, line, points))) {
		x->doc = doc;
		x->date = dates[0];
		x->year = year;
	}
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The evidence (not the claim, not the note) is the same as last year's. */
static int same_evidence(const cchc_item *it, const cchc_item *old)
{
	const unsigned mask = ~(unsigned)CCHC_HAS_SELF;
	if ((it->has & mask) != (old->has & mask) || it->ndocs != old->ndocs || it->na != old->na)
		return 0;
	if (((it->has & CCHC_HAS_MET) && it->met != old->met) ||
	    ((it->has & CCHC_HAS_VALUE) && it->value != old->value) ||
	    ((it->has & CCHC_HAS_COUNT) && it->count != old->count) ||
	    ((it->has & CCHC_HAS_DATE) && it->date != old->date) ||
	    ((it->has & CCHC_HAS_RATIO) &&
	     (it->numerator != old->numerator || it->denominator != old->denominator)) ||
	    ((it->has & CCHC_HAS_POINTS) && it->points != old->points) ||
	    ((it->has & CCHC_HAS_GRADE) &&
	     strcmp(it->node->rule.grades[it->grade].id, old->node->rule.grades[old->grade].id) != 0))
		return 0;
	for (size_t d = 0; d < it->ndocs; d++)
		if (!same_text(it->docs[d].ref, old->docs[d].ref))
			return 0;
	return 1;
}

static void check_leaf(finder *f, const cchc_node *n, const cchc_assessment *a,
                       const cchc_assessment *previous, const cchc_check_options *opt)
{
	const cchc_node_score *ns = cchc_score_node(f->c->score, n);
	const cchc_item *it = cchc_assessment_item(a, n);
	const int penalty = n->group->kind == CCHC_GROUP_PENALTY;
	const int surveyed = n->group->kind == CCHC_GROUP_SURVEY || n->rule.kind == CCHC_RULE_SCALE;
	cchc_finding *x;
	if (penalty || surveyed)
		return; /* deductions and survey results are not the agency's claims */
	if (!it || !it->given) {
		if (n->group->kind == CCHC_GROUP_SCORED)
			add(f, CCHC_CHECK_NO_ENTRY, CCHC_SEVERITY_WILL_LOSE, n, 0, n->max);
		return;
	}
	if (it->na) {
		if (n->na == CCHC_NA_NEVER)
			add(f, CCHC_CHECK_NA_NOT_ALLOWED, CCHC_SEVERITY_WILL_LOSE, n, it->line, n->max);
		return;
	}
	const int claims = (it->has & CCHC_HAS_SELF) && it->self > 0;
	const int withheld = ns->reason && ns->reason->why == CCHC_WHY_NO_DOC && n->require_docs;
	if (claims && it->ndocs == 0) {
		/* withheld: the set's require-docs already cut it; else an appraiser may */
		cchc_points stake = withheld ? it->self - ns->points : ns->points;
		if (stake > 0 && (x = add(f, CCHC_CHECK_NO_DOC,
		                          withheld ? CCHC_SEVERITY_WILL_LOSE : CCHC_SEVERITY_MAY_LOSE, n,
		                          it->line, stake)))
			x->self = it->self;
	}
	if (claims && !withheld && it->self > ns->computed &&
	    (x = add(f, CCHC_CHECK_OVERCLAIM, CCHC_SEVERITY_WILL_LOSE, n, it->line,
	             it->self - ns->computed))) {
		x->self = it->self;
		x->computed = ns->computed;
	}
	if (claims && it->ndocs == 0 && !it->note &&
	    (x = add(f, CCHC_CHECK_NO_EXPLANATION, CCHC_SEVERITY_FORM, n, it->line, it->self)))
		x->self = it->self;
	const int year = cchc_assessment_year(a);
	if (it->has & CCHC_HAS_DATE) {
		if (opt->submitted && it->date > opt->submitted &&
		    (x = add(f, CCHC_CHECK_DATE_AFTER_SUBMISSION, CCHC_SEVERITY_WILL_LOSE, n, it->line,
		             ns->points))) {
			x->date = it->date;
			x->other = opt->submitted;
		}
		if (year_of(it->date) != year &&
		    (x = add(f, CCHC_CHECK_DATE_OUTSIDE_YEAR, CCHC_SEVERITY_MAY_LOSE, n, it->line,
		             ns->points))) {
			x->date = it->date;
			x->year = year;
		}
	}
	for (size_t d = 0; d < it->ndocs; d++)
		check_doc(f, n, &it->docs[d], ns->points, year, opt->submitted);
	if (previous && (n->rule.kind == CCHC_RULE_DEADLINE || (it->has & CCHC_HAS_DATE))) {
		const cchc_node *pn = cchc_criteria_find(cchc_assessment_criteria(previous), n->id);
		const cchc_item *old = pn && pn->nchildren == 0 && pn->rule.kind == n->rule.kind
		                               ? cchc_assessment_item(previous, pn)
		                               : NULL;
		if (old && old->given && same_evidence(it, old) &&
		    (x = add(f, CCHC_CHECK_CARRIED_OVER, CCHC_SEVERITY_WILL_LOSE, n, it->line,
		             ns->points)))
			x->other = (old->has & CCHC_HAS_DATE) ? old->date : 0;
	}
}

static int by_severity(const void *pa, const void *pb)
{
	const cchc_finding *a = pa, *b = pb;
	if (a->severity != b->severity)
		return a->severity < b->severity ? -1 : 1;
	if (a->node->index != b->node->index)
		return a->node->index < b->node->index ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->line != b->line)
		return (a->line > b->line) - (a->line < b->line);
	/* two documents on one line: in their order within the item */
	uintptr_t da = (uintptr_t)a->doc, db = (uintptr_t)b->doc;
	return (da > db) - (da < db);
}

/* Each criterion counts once per sum, at its largest stake; one that will lose
 * points is not counted again among those that may. */
static void sum_stakes(cchc_check *c, size_t nnodes)
{
	cchc_points *will = calloc(nnodes ? nnodes : 1, sizeof *will);
	cchc_points *may = calloc(nnodes ? nnodes : 1, sizeof *may);
	if (will && may) {
		for (size_t i = 0; i < c->nfindings; i++) {
			const cchc_finding *x = &c->findings[i];
			cchc_points *slot = x->severity == CCHC_SEVERITY_WILL_LOSE  ? will
			                    : x->severity == CCHC_SEVERITY_MAY_LOSE ? may
			                                                            : NULL;
			if (slot && x->stake > slot[x->node->index])
				slot[x->node->index] = x->stake;
		}
		for (size_t k = 0; k < nnodes; k++) {
			c->will_lose += will[k];
			c->may_lose += will[k] ? 0 : may[k];
		}
	}
	free(will);
	free(may);
}

/* ---- the estimate and the position -------------------------------------- */

/* A score's survey groups: their points and the max they count for it. */
static void survey_part(const cchc_score *s, cchc_points *points, cchc_points *max)
{
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(s->set, &ngroups);
	*points = *max = 0;
	for (size_t g = 0; g < ngroups; g++)
		if (groups[g]->kind == CCHC_GROUP_SURVEY) {
			const cchc_node_score *gs = cchc_score_group(s, g);
			*points += gs->points;
			*max += gs->max;
		}
}

static cchc_points set_survey_max(const cchc_criteria *set)
{
	size_t ngroups;
	const cchc_node *const *groups = cchc_criteria_groups(set, &ngroups);
	cchc_points max = 0;
	for (size_t g = 0; g < ngroups; g++)
		if (groups[g]->kind == CCHC_GROUP_SURVEY)
			max += groups[g]->max;
	return max;
}

void cchc_check_adjusted(const cchc_check *c, const cchc_score *s, int is_new, cchc_points *total,
                         cchc_points *max)
{
	cchc_points sp, sm;
	survey_part(s, &sp, &sm);
	*total = s->total;
	*max = s->max;
	if (c->survey == CCHC_SURVEY_NONE) {
		*total -= sp;
		*max -= sm;
	} else if (is_new) {
		*total += c->survey_points - sp;
		*max += c->survey_max - sm;
	}
}

static int compare_index(cchc_points ta, cchc_points ma, cchc_points tb, cchc_points mb)
{
	wide_t x = (wide_t)ta * (mb > 0 ? mb : 1), y = (wide_t)tb * (ma > 0 ? ma : 1);
	return (x > y) - (x < y);
}

/* total × scale / max, half up: gaps are measured as the ranks are. */
static cchc_points on_scale(cchc_points t, cchc_points m, cchc_points scale)
{
	if (m == scale || m <= 0)
		return t;
	wide_t num = (wide_t)t * scale * 2 + (t >= 0 ? m : -m);
	return (cchc_points)(num / ((wide_t)m * 2));
}

static const cchc_block *field_block(const cchc_ranking *field, const cchc_criteria *set)
{
	for (size_t b = 0; field && b < field->nblocks; b++)
		if (field->blocks[b].set == set)
			return &field->blocks[b];
	return NULL;
}

static int agency_is(const cchc_score *s, const char *id)
{
	return strcmp(cchc_assessment_agency_id(s->assessment), id) == 0;
}

int cchc_check_frames_match(const cchc_criteria *a, const cchc_criteria *b)
{
	size_t na, nb, i = 0, k = 0;
	const cchc_node *const *ga = cchc_criteria_groups(a, &na);
	const cchc_node *const *gb = cchc_criteria_groups(b, &nb);
	for (;;) {
		while (i < na && ga[i]->kind != CCHC_GROUP_SCORED && ga[i]->kind != CCHC_GROUP_SURVEY)
			i++;
		while (k < nb && gb[k]->kind != CCHC_GROUP_SCORED && gb[k]->kind != CCHC_GROUP_SURVEY)
			k++;
		if (i == na || k == nb)
			return i == na && k == nb;
		if (ga[i]->kind != gb[k]->kind ||
		    (ga[i]->kind == CCHC_GROUP_SURVEY && ga[i]->max != gb[k]->max))
			return 0;
		i++;
		k++;
	}
}

int cchc_check_previous_survey(const cchc_assessment *a, const cchc_assessment *previous)
{
	return previous && cchc_assessment_has_survey(previous) &&
	       cchc_check_frames_match(cchc_assessment_criteria(a), cchc_assessment_criteria(previous));
}

/* The survey points the estimate assumes. */
static int assume_survey(cchc_check *c, const cchc_assessment *previous, const cchc_block *blk,
                         int fallback, cchc_diag *diag)
{
	const cchc_criteria *set = cchc_assessment_criteria(c->assessment);
	const char *id = cchc_assessment_agency_id(c->assessment);
	c->survey_max = set_survey_max(set);
	if (c->survey == CCHC_SURVEY_NONE || c->survey_max == 0)
		return 0;
	cchc_points sp, sm;
	if (c->survey == CCHC_SURVEY_LAST) {
		if (cchc_check_previous_survey(c->assessment, previous)) {
			cchc_score *ps = NULL;
			if (cchc_score_compute(&ps, previous) < 0) {
				cchc_diag_addf(diag, NULL, 0, "out of memory");
				return -1;
			}
			survey_part(ps, &sp, &sm);
			cchc_score_free(ps);
			c->survey_points = sp;
			return 0;
		}
		for (size_t i = 0; blk && i < blk->n; i++) {
			const cchc_score *s = blk->entries[i].score;
			survey_part(s, &sp, &sm);
			if (agency_is(s, id) && sm == c->survey_max) {
				c->survey_points = sp;
				return 0;
			}
		}
		if (fallback) { /* by default: nothing of last year's to assume, so leave it out */
			c->survey = CCHC_SURVEY_NONE;
			return 0;
		}
		cchc_diag_addf(diag, cchc_assessment_file(c->assessment), cchc_assessment_line(c->assessment),
		               "--survey last: no survey result of agency \"%s\" from last year to assume: "
		               "give --previous with its last assessment, a --field holding its result, or "
		               "--survey mean or none", id);
		return -1;
	}
	cchc_points sum = 0;
	size_t n = 0;
	for (size_t i = 0; blk && i < blk->n; i++) {
		const cchc_score *s = blk->entries[i].score;
		survey_part(s, &sp, &sm);
		if (!agency_is(s, id) && sm == c->survey_max) {
			sum += sp;
			n++;
		}
	}
	if (n == 0) {
		cchc_diag_addf(diag, cchc_assessment_file(c->assessment), cchc_assessment_line(c->assessment),
		               "--survey mean: no agency of the field has survey results to average: give "
		               "a --field of results with their surveys, or --survey last or none");
		return -1;
	}
	c->survey_points = (cchc_points)((sum * 2 + (cchc_points)n) / (2 * (cchc_points)n));
	c->survey_mean_of = n;
	return 0;
}

static void estimate(cchc_check *c)
{
	const cchc_criteria *set = cchc_assessment_criteria(c->assessment);
	cchc_check_adjusted(c, c->score, 1, &c->total, &c->max);
	if (c->max > 0) {
		wide_t num = (wide_t)c->total * 10000 * 2 + c->max, den = (wide_t)c->max * 2;
		c->index = (int64_t)(num >= 0 ? num / den : -((-num + den - 1) / den));
	}
	size_t nbands;
	const cchc_band *bands = cchc_criteria_bands(set, &nbands);
	for (size_t b = 0; b < nbands && c->max > 0; b++)
		if ((wide_t)c->total * cchc_criteria_max(set) >= (wide_t)bands[b].min * c->max) {
			c->band = &bands[b];
			break;
		}
}

static void position(cchc_check *c, const cchc_block *blk)
{
	cchc_check_position *p = &c->position;
	const char *id = cchc_assessment_agency_id(c->assessment);
	const cchc_criteria *set = cchc_assessment_criteria(c->assessment);
	p->scale = cchc_criteria_max(set) - (c->survey == CCHC_SURVEY_NONE ? c->survey_max : 0);
	const cchc_points mine = on_scale(c->total, c->max, p->scale);
	p->rank = 1;
	p->of = 1;
	for (size_t i = 0; i < blk->n; i++) {
		const cchc_score *s = blk->entries[i].score;
		if (agency_is(s, id))
			continue;
		cchc_points t, m;
		cchc_check_adjusted(c, s, 0, &t, &m);
		p->of++;
		int cmp = compare_index(t, m, c->total, c->max);
		cchc_points theirs = on_scale(t, m, p->scale);
		if (cmp > 0) {
			p->rank++;
			if (!p->above || theirs - mine < p->gap_above) {
				p->above = s;
				p->gap_above = theirs - mine;
			}
		} else if (cmp < 0 && (!p->below || mine - theirs < p->gap_below)) {
			p->below = s;
			p->gap_below = mine - theirs;
		}
	}
	c->has_position = 1;
}

int cchc_check_build(cchc_check **out, const cchc_assessment *a, const cchc_assessment *previous,
                     const cchc_ranking *field, const cchc_check_options *opt, cchc_diag *diag)
{
	*out = NULL;
	const cchc_criteria *set = cchc_assessment_criteria(a);
	const cchc_block *blk = field_block(field, set);
	if (field && !blk) {
		cchc_diag_addf(diag, cchc_assessment_file(a), cchc_assessment_line(a),
		               "--field holds no agency scored on criteria set \"%s\", which this "
		               "assessment uses: give the results of its block", cchc_criteria_id(set));
		return -1;
	}
	cchc_check *c = calloc(1, sizeof *c);
	if (!c || cchc_score_compute(&c->score, a) < 0) {
		free(c);
		cchc_diag_addf(diag, NULL, 0, "out of memory");
		return -1;
	}
	c->assessment = a;
	c->survey = opt->survey;
	c->submitted = opt->submitted;
	finder f = {c, 0, 0};
	size_t nnodes;
	const cchc_node *const *nodes = cchc_criteria_nodes(set, &nnodes);
	for (size_t i = 0; i < nnodes && !f.failed; i++)
		if (nodes[i]->nchildren == 0)
			check_leaf(&f, nodes[i], a, previous, opt);
	if (f.failed) {
		cchc_diag_addf(diag, NULL, 0, "out of memory");
		cchc_check_free(c);
		return -1;
	}
	if (c->nfindings > 1)
		qsort(c->findings, c->nfindings, sizeof *c->findings, by_severity);
	sum_stakes(c, nnodes);
	if (assume_survey(c, previous, blk, opt->survey_default, diag) < 0) {
		cchc_check_free(c);
		return -1;
	}
	estimate(c);
	if (blk) {
		position(c, blk);
		/* rank histograms are n × n: robust's own bound on a block */
		if (opt->draws && c->survey != CCHC_SURVEY_NONE && blk->n <= CCHC_CHECK_MAX_INTERVAL &&
		    cchc_check_interval(c, blk, previous, opt, diag) < 0) {
			cchc_check_free(c);
			return -1;
		}
	}
	*out = c;
	return 0;
}

void cchc_check_free(cchc_check *c)
{
	if (!c)
		return;
	cchc_score_free(c->score);
	free(c->findings);
	free(c);
}
