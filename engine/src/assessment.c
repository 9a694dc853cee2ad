/* Loading an assessment: XML → schema → evidence bound to the set's leaves,
 * each piece checked against the rule that will read it. */
#include <string.h>

#include "assessment_priv.h"
#include "arena_priv.h"
#include "assessment_shape.h"
#include "attrs_priv.h"
#include "cchc/assessment.h"
#include "criteria_priv.h"
#include "util_priv.h"
#include "xml_priv.h"

struct cchc_assessment {
	const cchc_criteria *set;
	char *file;
	long line; /* of <assessment> in a bundle; 0 for a file of its own */
	int year;
	char *agency_id, *agency_name, *agency_block;
	cchc_item **by_node; /* indexed by node index; NULL when absent */
	cchc_item *pool;     /* one slot per leaf at most */
	size_t nitems;
	int has_survey;
	cchc_arena evidence; /* the items' documents, notes and answers: one free for all */
	cchc_published *published; /* NULL when none; outlives cchc_assessment_slim() */
};

typedef struct {
	cchc_assessment *a;
	cchc_diag *diag;
	const char *file;
	size_t errors;
	const cchc_node *last; /* the leaf the previous element named */
} loader;

#define FAIL(ld, line, ...)                                                        \
	do {                                                                           \
		cchc_diag_addf((ld)->diag, (ld)->file, (line), __VA_ARGS__);              \
		(ld)->errors++;                                                            \
	} while (0)

/* What an item holds outside the evidence arena. */
static void free_item(cchc_item *it)
{
	free(it->rounds);
}

void cchc_assessment_slim(cchc_assessment *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nitems; i++)
		free_item(&a->pool[i]);
	free(a->pool);
	free(a->by_node);
	cchc_arena_free(&a->evidence);
	a->pool = NULL;
	a->by_node = NULL;
	a->nitems = 0;
}

void cchc_assessment_free(cchc_assessment *a)
{
	if (!a)
		return;
	cchc_assessment_slim(a);
	free(a->file);
	free(a->agency_id);
	free(a->agency_name);
	free(a->agency_block);
	if (a->published) {
		free((void *)a->published->groups);
		free((void *)a->published->criteria);
		free((char *)a->published->source);
		free(a->published);
	}
	free(a);
}

/* A copy of s kept with the assessment's evidence; NULL when out of memory. */
static char *keep(loader *ld, const char *s)
{
	return cchc_arena_strndup(&ld->a->evidence, s, strlen(s));
}

static int seen(loader *ld, int rc)
{
	if (rc < 0)
		ld->errors++;
	return rc;
}

static int oom(loader *ld)
{
	FAIL(ld, 0, "out of memory loading the assessment");
	return -1;
}

/* The leaf an element refers to, or NULL after a diagnostic. */
static const cchc_node *leaf_for(loader *ld, xmlNodePtr x)
{
	const char *id = cchc_xml_attr(x, "criterion");
	if (!id)
		id = "";
	/* items mostly follow the criteria's order: try the leaf after the last */
	const cchc_criteria *set = ld->a->set;
	size_t i = ld->last ? ld->last->index + 1 : 0;
	while (i < set->nnodes && set->nodes[i]->nchildren)
		i++;
	const cchc_node *n = i < set->nnodes && strcmp(set->nodes[i]->id, id) == 0
	                         ? set->nodes[i]
	                         : cchc_criteria_find(set, id);
	ld->last = n;
	long line = cchc_xml_line(x);
	if (!n) {
		FAIL(ld, line, "<%s>: criterion \"%s\" is not in criteria set \"%s\": use an id from %s",
		     (const char *)x->name, id ? id : "", ld->a->set->id, ld->a->set->file);
		return NULL;
	}
	if (n->nchildren || n->depth == 0) {
		FAIL(ld, line,
		     "<%s>: \"%s\" is a %s with sub-criteria (first \"%s\"): give evidence for each "
		     "sub-criterion instead",
		     (const char *)x->name, n->id, n->depth ? "criterion" : "group",
		     n->nchildren ? n->children[0]->id : "");
		return NULL;
	}
	return n;
}

static cchc_item *item_for(loader *ld, const cchc_node *n, long line)
{
	cchc_assessment *a = ld->a;
	cchc_item *it = a->by_node[n->index];
	if (it)
		return it;
	if (a->nitems >= a->set->nleaves) {
		oom(ld); /* cannot happen: one slot per leaf */
		return NULL;
	}
	it = &a->pool[a->nitems++];
	it->node = n;
	it->line = line;
	a->by_node[n->index] = it;
	return it;
}

/* Which evidence attribute each rule kind reads. */
static const char *const evidence_attr[CCHC_RULE_KIND_COUNT] = {
	[CCHC_RULE_YES_NO] = "met",          [CCHC_RULE_TIERS] = "value",
	[CCHC_RULE_LINEAR] = "value",        [CCHC_RULE_PER_ITEM] = "count",
	[CCHC_RULE_DEADLINE] = "date",       [CCHC_RULE_RATIO] = "numerator",
	[CCHC_RULE_GRADE] = "grade",         [CCHC_RULE_JUDGED] = "points",
	[CCHC_RULE_SCALE] = "(a <survey> element)"};

/* The item attributes read below: the evidence ones first (an item's
 * attribute i sets bit i of item_attrs_present()), then self and na. */
static const char *const item_attr_names[] = {"met",   "value", "count", "date", "numerator",
                                              "denominator", "grade", "points", "self", "na"};
#define N_EVIDENCE 8 /* met .. points */

static int evidence_fits(cchc_rule_kind kind, const char *attr)
{
	if (strcmp(attr, "met") == 0)
		return 1; /* met="false" means "not done" for every kind */
	if (kind == CCHC_RULE_RATIO)
		return strcmp(attr, "numerator") == 0 || strcmp(attr, "denominator") == 0;
	return evidence_attr[kind] && strcmp(evidence_attr[kind], attr) == 0;
}

/* ".." also as a link would read it once percent-decoded: "%2e%2E", ".%2e". */
static int is_dot_dot(const char *s, size_t n)
{
	int dots = 0;
	for (size_t i = 0; i < n; dots++) {
		if (s[i] == '.')
			i++;
		else if (n - i >= 3 && s[i] == '%' && s[i + 1] == '2' && (s[i + 2] | 0x20) == 'e')
			i += 3;
		else
			return 0;
	}
	return dots == 2;
}

/* The length of s[0..n) up to its first '/'. */
static size_t segment(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	return slash ? (size_t)(slash - s) : n;
}

static int check_doc_path(loader *ld, xmlNodePtr d, const char *path)
{
	/* a browser drops the spaces and C0 controls around a link before it reads
	 * it, so " ../x" is "../x": the checks read the path so trimmed */
	size_t len = strlen(path), start = 0, end = len;
	while (start < end && (unsigned char)path[start] <= ' ')
		start++;
	while (end > start && (unsigned char)path[end - 1] <= ' ')
		end--;
	const char *p = path + start;
	size_t n = end - start;
	/* a scheme or a drive ("file:", "C:") in the first segment makes a link absolute */
	int bad = n == 0 || p[0] == '/' || p[0] == '~' || memchr(p, '\\', n) != NULL ||
	          memchr(p, ':', segment(p, n)) != NULL;
	for (size_t i = 0; !bad && i < n;) {
		size_t seg = segment(p + i, n - i);
		bad = is_dot_dot(p + i, seg);
		i += seg + 1;
	}
	int spaced = start > 0 || end < len;
	/* controls and bidi overrides: the diagnostic shows them as \xNN (diag.c) */
	int controls = 0;
	for (const char *s = path; *s && !controls; s++)
		controls = cchc_diag_unsafe_len(s) > 0;
	if (!bad && !controls && !spaced)
		return 0;
	if (bad)
		FAIL(ld, cchc_xml_line(d),
		     "<doc> file=\"%s\": the evidence path must be relative and stay inside the "
		     "assessment's folder (no leading /, no ..)",
		     path);
	else if (controls)
		FAIL(ld, cchc_xml_line(d),
		     "<doc> file=\"%s\": the evidence path holds a control character: write a plain "
		     "file name, on one line and without tabs",
		     path);
	else
		FAIL(ld, cchc_xml_line(d),
		     "<doc> file=\"%s\": the evidence path starts or ends with a space, which a link "
		     "drops: remove it",
		     path);
	return -1;
}

static int parse_docs(loader *ld, xmlNodePtr x, cchc_item *it)
{
	size_t n = 0;
	for (xmlNodePtr d = x->children; d; d = d->next)
		n += cchc_xml_is(d, "doc");
	if (!n)
		return 0;
	it->docs = cchc_arena_alloc(&ld->a->evidence, n * sizeof *it->docs);
	if (!it->docs)
		return oom(ld);
	for (xmlNodePtr d = x->children; d; d = d->next) {
		if (!cchc_xml_is(d, "doc"))
			continue;
		cchc_doc *doc = &it->docs[it->ndocs++];
		const char *ref = cchc_xml_attr(d, "ref"), *file = cchc_xml_attr(d, "file");
		doc->line = cchc_xml_line(d);
		if (!(doc->ref = keep(ld, ref ? ref : "")))
			return oom(ld);
		if (file) {
			check_doc_path(ld, d, file);
			if (!(doc->file = keep(ld, file)))
				return oom(ld);
		}
	}
	return 0;
}

static void check_range(loader *ld, long line, const cchc_node *n, const char *what,
                        cchc_points p)
{
	char a[24], b[24], c[24];
	if (p < n->min || p > n->max)
		FAIL(ld, line, "%s \"%s\": %s %s is outside its range %s to %s",
		     n->depth ? "criterion" : "group", n->id, what, cchc_points_spell(a, p),
		     cchc_points_spell(b, n->min), cchc_points_spell(c, n->max));
}

/* Bit i set when an item carries the attribute item_attr_names[i]: one pass
 * over its attributes, so that the typed readers below only look for what
 * is there. */
static unsigned item_attrs_present(xmlNodePtr x)
{
	const size_t n = sizeof item_attr_names / sizeof item_attr_names[0];
	unsigned bits = 0;
	for (xmlAttrPtr a = x->properties; a; a = a->next) {
		if (a->ns)
			continue;
		for (unsigned i = 0; i < n; i++)
			if (a->name[0] == (xmlChar)item_attr_names[i][0] &&
			    strcmp((const char *)a->name, item_attr_names[i]) == 0)
				bits |= 1u << i;
	}
	return bits;
}

enum { A_MET = 1 << 0, A_VALUE = 1 << 1, A_COUNT = 1 << 2, A_DATE = 1 << 3, A_NUMERATOR = 1 << 4,
       A_DENOMINATOR = 1 << 5, A_GRADE = 1 << 6, A_POINTS = 1 << 7, A_SELF = 1 << 8, A_NA = 1 << 9 };

static int parse_evidence(loader *ld, xmlNodePtr x, cchc_item *it)
{
	const cchc_node *n = it->node;
	const cchc_rule *r = &n->rule;
	const char *f = ld->file;
	long line = cchc_xml_line(x);
	unsigned given = item_attrs_present(x);
	int v;

	for (int i = 0; i < N_EVIDENCE; i++)
		if ((given & 1u << i) && !evidence_fits(r->kind, item_attr_names[i]))
			FAIL(ld, line,
			     "<item criterion=\"%s\">: %s does not apply to a %s criterion: give %s",
			     n->id, item_attr_names[i], cchc_rule_kind_name(r->kind), evidence_attr[r->kind]);
	if ((given & A_MET) && seen(ld, cchc_attr_bool(x, "met", f, ld->diag, &it->met)) == 1)
		it->has |= CCHC_HAS_MET;
	if ((given & A_VALUE) &&
	    seen(ld, cchc_attr_decimal(x, "value", f, ld->diag, &it->value)) == 1)
		it->has |= CCHC_HAS_VALUE;
	if ((given & A_COUNT) && seen(ld, cchc_attr_count(x, "count", f, ld->diag, &it->count)) == 1)
		it->has |= CCHC_HAS_COUNT;
	if ((given & A_DATE) && seen(ld, cchc_attr_date(x, "date", f, ld->diag, &it->date)) == 1)
		it->has |= CCHC_HAS_DATE;
	int hn = 0, hd = 0;
	if (given & (A_NUMERATOR | A_DENOMINATOR)) {
		hn = seen(ld, cchc_attr_count(x, "numerator", f, ld->diag, &it->numerator));
		hd = seen(ld, cchc_attr_count(x, "denominator", f, ld->diag, &it->denominator));
	}
	if (hn == 1 && hd == 1)
		it->has |= CCHC_HAS_RATIO;
	else if (hn + hd == 1)
		FAIL(ld, line, "<item criterion=\"%s\">: numerator and denominator go together", n->id);
	if ((given & A_POINTS) &&
	    seen(ld, cchc_attr_points(x, "points", f, ld->diag, &it->points)) == 1)
		it->has |= CCHC_HAS_POINTS;
	if ((given & A_SELF) && seen(ld, cchc_attr_points(x, "self", f, ld->diag, &it->self)) == 1)
		it->has |= CCHC_HAS_SELF;
	v = 0;
	if ((given & A_NA) && seen(ld, cchc_attr_bool(x, "na", f, ld->diag, &v)) == 1)
		it->na = v;
	const char *grade = given & A_GRADE ? cchc_xml_attr(x, "grade") : NULL;
	if (grade && r->kind == CCHC_RULE_GRADE) {
		size_t g = 0;
		while (g < r->ngrades && strcmp(r->grades[g].id, grade) != 0)
			g++;
		if (g == r->ngrades)
			FAIL(ld, line, "<item criterion=\"%s\">: grade \"%s\" is not one of the rule's grades",
			     n->id, grade);
		it->grade = g;
		it->has |= CCHC_HAS_GRADE;
	}

	/* a survey may come before or after its item: build() checks that pairing once both are read */
	const unsigned evidence = it->has & ~(unsigned)(CCHC_HAS_SELF | CCHC_HAS_SURVEY_MEAN |
	                                                CCHC_HAS_SURVEY_ANSWERS);
	if (it->na) {
		if (evidence)
			FAIL(ld, line,
			     "<item criterion=\"%s\">: na=\"true\" declares it not applicable, so it takes "
			     "no evidence: remove one or the other",
			     n->id);
		return 0;
	}
	int not_done = (it->has & CCHC_HAS_MET) && !it->met;
	if (r->kind != CCHC_RULE_YES_NO && (it->has & CCHC_HAS_MET) && it->met)
		FAIL(ld, line, "<item criterion=\"%s\">: met=\"true\" is for yes-no criteria: give %s",
		     n->id, evidence_attr[r->kind]);
	else if (not_done && (evidence & ~(unsigned)CCHC_HAS_MET))
		FAIL(ld, line,
		     "<item criterion=\"%s\">: met=\"false\" says it was not done, yet other evidence is "
		     "given: remove one or the other",
		     n->id);
	else if (!not_done && r->kind != CCHC_RULE_SCALE && !evidence)
		FAIL(ld, line, "<item criterion=\"%s\">: no evidence: give %s (or met=\"false\")", n->id,
		     evidence_attr[r->kind]);

	if ((it->has & CCHC_HAS_VALUE) && r->unit && strcmp(r->unit, "%") == 0 &&
	    (it->value < 0 || it->value > 100 * (cchc_decimal)CCHC_DECIMAL_SCALE))
		FAIL(ld, line, "<item criterion=\"%s\">: value is a percentage: give 0 to 100", n->id);
	if ((it->has & CCHC_HAS_RATIO) && it->numerator > it->denominator)
		FAIL(ld, line,
		     "<item criterion=\"%s\">: numerator %lld is larger than denominator %lld",
		     n->id, (long long)it->numerator, (long long)it->denominator);
	if (it->has & CCHC_HAS_POINTS) {
		check_range(ld, line, n, "points", it->points);
		cchc_points step = r->step > 0 ? r->step : 1;
		char sb[24];
		if (it->points % step != 0)
			FAIL(ld, line, "<item criterion=\"%s\">: points must be a multiple of the step %s",
			     n->id, cchc_points_spell(sb, step));
	}
	if (it->has & CCHC_HAS_SELF)
		check_range(ld, line, n, "self", it->self);
	return 0;
}

static int parse_item(loader *ld, xmlNodePtr x)
{
	const cchc_node *n = leaf_for(ld, x);
	if (!n)
		return 0;
	long line = cchc_xml_line(x);
	cchc_item *prev = ld->a->by_node[n->index];
	if (prev && prev->given) {
		FAIL(ld, line, "a second <item> for criterion \"%s\" (the first is at line %ld): give one "
		     "item per criterion", n->id, prev->line);
		return 0;
	}
	cchc_item *it = item_for(ld, n, line);
	if (!it)
		return -1;
	it->line = line;
	const char *note = cchc_xml_attr(x, "note");
	if (note && !(it->note = keep(ld, note)))
		return oom(ld);
	if (parse_docs(ld, x, it) < 0)
		return -1;
	it->given = 1;
	return parse_evidence(ld, x, it);
}

static int parse_appraisal(loader *ld, xmlNodePtr x)
{
	const cchc_node *n = leaf_for(ld, x);
	if (!n)
		return 0;
	long line = cchc_xml_line(x);
	cchc_appraisal ap = {1, 0, NULL, NULL, line};
	int64_t round = 1;
	if (seen(ld, cchc_attr_count(x, "round", ld->file, ld->diag, &round)) == 1 &&
	    (round < 1 || round > 99)) {
		FAIL(ld, line, "<appraisal criterion=\"%s\">: round must be 1 to 99", n->id);
		return 0;
	}
	ap.round = (int)round;
	if (seen(ld, cchc_attr_points(x, "points", ld->file, ld->diag, &ap.points)) < 0)
		return 0;
	check_range(ld, line, n, "appraisal points", ap.points);
	cchc_item *it = item_for(ld, n, line);
	if (!it)
		return -1;
	for (size_t i = 0; i < it->nrounds; i++)
		if (it->rounds[i].round == ap.round) {
			FAIL(ld, line, "criterion \"%s\" has two appraisals for round %d (the other at line "
			     "%ld)", n->id, ap.round, it->rounds[i].line);
			return 0;
		}
	cchc_appraisal *grown = realloc(it->rounds, (it->nrounds + 1) * sizeof *grown);
	if (!grown)
		return oom(ld);
	it->rounds = grown;
	const char *by = cchc_xml_attr(x, "by"), *reason = cchc_xml_attr(x, "reason");
	if ((by && !(ap.by = keep(ld, by))) || (reason && !(ap.reason = keep(ld, reason))))
		return oom(ld);
	/* Keep rounds sorted so the last one is the deciding round. */
	size_t pos = it->nrounds;
	while (pos > 0 && it->rounds[pos - 1].round > ap.round) {
		it->rounds[pos] = it->rounds[pos - 1];
		pos--;
	}
	it->rounds[pos] = ap;
	it->nrounds++;
	return 0;
}

static int parse_answers(loader *ld, xmlNodePtr x, cchc_item *it)
{
	const cchc_rule *r = &it->node->rule;
	if (r->noptions == 0) {
		FAIL(ld, cchc_xml_line(x),
		     "<survey criterion=\"%s\">: the rule defines no answer options: give respondents, "
		     "mean and sd",
		     it->node->id);
		return 0;
	}
	it->answers = cchc_arena_alloc(&ld->a->evidence, r->noptions * sizeof *it->answers);
	if (!it->answers)
		return oom(ld);
	unsigned char *given = calloc(r->noptions, 1);
	if (!given)
		return oom(ld);
	for (xmlNodePtr c = x->children; c; c = c->next) {
		if (!cchc_xml_is(c, "answer"))
			continue;
		const char *opt = cchc_xml_attr(c, "option");
		size_t o = 0;
		while (o < r->noptions && strcmp(r->options[o].id, opt ? opt : "") != 0)
			o++;
		if (o == r->noptions) {
			FAIL(ld, cchc_xml_line(c), "<answer option=\"%s\">: criterion \"%s\" has no such option",
			     opt ? opt : "", it->node->id);
			continue;
		}
		if (given[o]++) {
			FAIL(ld, cchc_xml_line(c), "<answer option=\"%s\"> is given twice", opt);
			continue;
		}
		int64_t count = 0;
		if (seen(ld, cchc_attr_count(c, "count", ld->file, ld->diag, &count)) == 1) {
			it->answers[o] = count;
			it->respondents += count;
		}
	}
	free(given);
	if (it->respondents == 0)
		FAIL(ld, cchc_xml_line(x), "<survey criterion=\"%s\">: no answers counted", it->node->id);
	it->has |= CCHC_HAS_SURVEY_ANSWERS;
	return 0;
}

static int parse_survey(loader *ld, xmlNodePtr x)
{
	const cchc_node *n = leaf_for(ld, x);
	if (!n)
		return 0;
	long line = cchc_xml_line(x);
	if (n->rule.kind != CCHC_RULE_SCALE) {
		FAIL(ld, line, "<survey criterion=\"%s\">: the criterion is scored by a %s rule, not a "
		     "survey scale: use <item>", n->id, cchc_rule_kind_name(n->rule.kind));
		return 0;
	}
	cchc_item *it = item_for(ld, n, line);
	if (!it)
		return -1;
	if (it->has & (CCHC_HAS_SURVEY_MEAN | CCHC_HAS_SURVEY_ANSWERS)) {
		FAIL(ld, line, "a second <survey> for criterion \"%s\"", n->id);
		return 0;
	}
	ld->a->has_survey = 1;
	int has_answers = 0;
	for (xmlNodePtr c = x->children; c; c = c->next)
		has_answers |= cchc_xml_is(c, "answer");
	int hr = seen(ld, cchc_attr_count(x, "respondents", ld->file, ld->diag, &it->respondents));
	int hm = seen(ld, cchc_attr_decimal(x, "mean", ld->file, ld->diag, &it->mean));
	int hs = seen(ld, cchc_attr_decimal(x, "sd", ld->file, ld->diag, &it->sd));
	if (has_answers) {
		if (hr || hm || hs)
			FAIL(ld, line, "<survey criterion=\"%s\">: give either answer counts or respondents, "
			     "mean and sd, not both", n->id);
		return parse_answers(ld, x, it);
	}
	if (hr != 1 || hm != 1 || hs != 1) {
		if (hr >= 0 && hm >= 0 && hs >= 0)
			FAIL(ld, line, "<survey criterion=\"%s\">: give respondents, mean and sd (or "
			     "<answer> counts)", n->id);
		return 0;
	}
	const cchc_rule *r = &n->rule;
	cchc_decimal lo = r->from < r->to ? r->from : r->to, hi = r->from < r->to ? r->to : r->from;
	if (r->from == r->to)
		FAIL(ld, line, "<survey criterion=\"%s\">: the rule has no from/to scale for a mean: give "
		     "<answer> counts", n->id);
	else if (it->mean < lo || it->mean > hi)
		FAIL(ld, line, "<survey criterion=\"%s\">: mean is outside the scale of the rule", n->id);
	if (it->respondents == 0)
		FAIL(ld, line, "<survey criterion=\"%s\">: respondents must be 1 or more", n->id);
	if (it->sd < 0)
		FAIL(ld, line, "<survey criterion=\"%s\">: sd must be 0 or more", n->id);
	it->has |= CCHC_HAS_SURVEY_MEAN;
	return 0;
}

/* <group id= points=> or <criterion id= points=> of <published>: a group (or a
 * criterion) of the set, given once, within its range. first[] holds, by node
 * index, the line each node was first given at (0: not yet). The node, or NULL
 * once refused. */
static const cchc_node *parse_published_node(loader *ld, xmlNodePtr x, long *first,
                                             cchc_points *points)
{
	const cchc_criteria *set = ld->a->set;
	int group = cchc_xml_is(x, "group");
	const char *el = group ? "group" : "criterion";
	const char *id = cchc_xml_attr(x, "id");
	const cchc_node *node = cchc_criteria_find(set, id ? id : "");
	long line = cchc_xml_line(x);
	if (!node || (group && node->depth != 0)) {
		FAIL(ld, line, "<%s id=\"%s\">: criteria set \"%s\" has no %s \"%s\": use a %s id "
		     "of %s", el, id ? id : "", set->id, el, id ? id : "", el, set->file);
		return NULL;
	}
	if (!group && node->depth == 0) {
		FAIL(ld, line, "<criterion id=\"%s\">: \"%s\" is a group of criteria set \"%s\", not a "
		     "criterion: give its points as <group id=\"%s\">", node->id, node->id, set->id,
		     node->id);
		return NULL;
	}
	if (first[node->index]) {
		FAIL(ld, line, "a second <%s id=\"%s\"> in <published> (the first is at line %ld): "
		     "give each %s's points once", el, node->id, first[node->index], el);
		return NULL;
	}
	first[node->index] = line > 0 ? line : 1;
	if (seen(ld, cchc_attr_points(x, "points", ld->file, ld->diag, points)) != 1)
		return NULL;
	check_range(ld, line, node, "published points", *points);
	return node;
}

/* <published>: the figures the province published, checked against the set
 * so that a difference from the computed figures is a real one. */
static int parse_published(loader *ld, xmlNodePtr x)
{
	const cchc_criteria *set = ld->a->set;
	long line = cchc_xml_line(x);
	size_t ng = 0, nc = 0, nnodes = 0;
	cchc_criteria_nodes(set, &nnodes);
	for (xmlNodePtr g = x->children; g; g = g->next) {
		ng += cchc_xml_is(g, "group");
		nc += cchc_xml_is(g, "criterion");
	}
	cchc_published *p = calloc(1, sizeof *p);
	cchc_published_group *groups = cchc_calloc(ng, sizeof *groups);
	cchc_published_criterion *criteria = cchc_calloc(nc, sizeof *criteria);
	long *first = cchc_calloc(nnodes, sizeof *first);
	const char *source = cchc_xml_attr(x, "source");
	if (p) { /* freed with the assessment */
		ld->a->published = p;
		p->groups = groups;
		p->criteria = criteria;
	} else {
		free(groups);
		free(criteria);
	}
	if (!p || !groups || !criteria || !first || (source && !(p->source = cchc_strdup(source)))) {
		free(first);
		return oom(ld);
	}
	p->line = line;
	p->has_total = seen(ld, cchc_attr_points(x, "total", ld->file, ld->diag, &p->total)) == 1;
	int64_t rank = 0;
	if (seen(ld, cchc_attr_count(x, "rank", ld->file, ld->diag, &rank)) == 1)
		p->rank = (size_t)rank;
	const char *band = cchc_xml_attr(x, "band");
	if (band) {
		for (size_t i = 0; i < set->nbands && !p->band; i++)
			if (strcmp(set->bands[i].label, band) == 0)
				p->band = &set->bands[i];
		if (!p->band) {
			char known[512] = "";
			for (size_t i = 0; i < set->nbands; i++) {
				size_t used = strlen(known);
				snprintf(known + used, sizeof known - used, "%s\"%s\"", i ? ", " : "",
				         set->bands[i].label);
			}
			FAIL(ld, line, "<published band=\"%s\">: criteria set \"%s\" has no such band: use "
			     "one of %s", band, set->id, known);
		}
	}
	for (xmlNodePtr g = x->children; g; g = g->next) {
		if (!cchc_xml_is(g, "group") && !cchc_xml_is(g, "criterion"))
			continue;
		cchc_points points = 0;
		const cchc_node *node = parse_published_node(ld, g, first, &points);
		if (node && node->depth == 0)
			groups[p->ngroups++] = (cchc_published_group){node, points, cchc_xml_line(g)};
		else if (node)
			criteria[p->ncriteria++] =
				(cchc_published_criterion){node, points, cchc_xml_line(g)};
	}
	free(first);
	if (!p->has_total && !rank && !band && ng + nc == 0)
		FAIL(ld, line, "<published> gives no figure: give total, rank, band, <group> or "
		     "<criterion> points, or remove it");
	return 0;
}

static const cchc_criteria *pick_set(loader *ld, xmlNodePtr root, const cchc_criteria *const *sets,
                                     size_t nsets)
{
	const char *want = cchc_xml_attr(root, "criteria-set");
	for (size_t i = 0; i < nsets; i++)
		if (want && strcmp(sets[i]->id, want) == 0)
			return sets[i];
	char known[512] = "";
	for (size_t i = 0; i < nsets; i++) {
		size_t used = strlen(known);
		snprintf(known + used, sizeof known - used, "%s\"%s\"", i ? ", " : "", sets[i]->id);
	}
	FAIL(ld, cchc_xml_line(root),
	     "criteria-set=\"%s\" does not match the criteria set%s given (%s): give its criteria "
	     "file, or correct the attribute",
	     want ? want : "", nsets > 1 ? "s" : "", known);
	return NULL;
}

static int build(loader *ld, xmlNodePtr root)
{
	cchc_assessment *a = ld->a;
	int64_t year = 0;
	seen(ld, cchc_attr_count(root, "year", ld->file, ld->diag, &year));
	a->year = (int)(year > 9999 ? 0 : year);
	if (a->year != a->set->year)
		FAIL(ld, cchc_xml_line(root),
		     "the assessment is for year %lld but criteria set \"%s\" is for %d", (long long)year,
		     a->set->id, a->set->year);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		int rc = 0;
		if (cchc_xml_is(c, "agency")) {
			const char *id = cchc_xml_attr(c, "id"), *name = cchc_xml_attr(c, "name");
			const char *block = cchc_xml_attr(c, "block");
			a->agency_id = cchc_strdup(id ? id : "");
			a->agency_name = cchc_strdup(name ? name : "");
			if (!a->agency_id || !a->agency_name || (block && !(a->agency_block = cchc_strdup(block))))
				rc = oom(ld);
			else if (block && strcmp(block, cchc_criteria_block(a->set)) != 0)
				FAIL(ld, cchc_xml_line(c),
				     "<agency id=\"%s\"> is in block \"%s\" but criteria set \"%s\" ranks block "
				     "\"%s\": fix block=\"…\" or use that block's criteria set",
				     a->agency_id, block, a->set->id, cchc_criteria_block(a->set));
		} else if (cchc_xml_is(c, "published")) {
			rc = parse_published(ld, c);
		} else if (cchc_xml_is(c, "item")) {
			rc = parse_item(ld, c);
		} else if (cchc_xml_is(c, "appraisal")) {
			rc = parse_appraisal(ld, c);
		} else if (cchc_xml_is(c, "survey")) {
			rc = parse_survey(ld, c);
		}
		if (rc < 0)
			return -1;
	}
	for (size_t i = 0; i < a->nitems; i++) {
		const cchc_item *it = &a->pool[i];
		int surveyed = (it->has & (CCHC_HAS_SURVEY_MEAN | CCHC_HAS_SURVEY_ANSWERS)) != 0;
		if (it->given && surveyed && it->na)
			FAIL(ld, it->line,
			     "<item criterion=\"%s\">: na=\"true\" declares it not applicable, so it takes "
			     "no evidence: remove one or the other",
			     it->node->id);
		else if (it->given && surveyed && (it->has & CCHC_HAS_MET) && !it->met)
			FAIL(ld, it->line,
			     "<item criterion=\"%s\">: met=\"false\" says it was not done, yet other evidence "
			     "is given: remove one or the other",
			     it->node->id);
	}
	for (size_t i = 0; i < a->nitems; i++)
		if (a->pool[i].na && a->pool[i].nrounds)
			FAIL(ld, a->pool[i].rounds[0].line,
			     "criterion \"%s\" is declared not applicable but has an appraisal: remove one",
			     a->pool[i].node->id);
	return 0;
}

int cchc_assessment_from_element(cchc_assessment **out, const cchc_criteria *const *sets,
                                 size_t nsets, xmlNodePtr el, const char *path, long line,
                                 cchc_diag *diag)
{
	size_t before = cchc_diag_count(diag);
	loader ld = {NULL, diag, path, 0, NULL};
	int rc = -1;

	*out = NULL;
	/* The native check passes a valid element fast; on any doubt the XSD
	 * decides and words what is wrong (tests keep the two equal). */
	if (!cchc_assessment_shape_ok(el) &&
	    cchc_xml_validate_element(sets[0]->assessment_schema, el, path, diag) < 0)
		return -1;
	ld.a = calloc(1, sizeof *ld.a);
	if (!ld.a || !(ld.a->file = cchc_strdup(path))) {
		oom(&ld);
		goto done;
	}
	ld.a->line = line;
	ld.a->set = pick_set(&ld, el, sets, nsets);
	if (!ld.a->set)
		goto done;
	ld.a->by_node = cchc_calloc(ld.a->set->nnodes, sizeof *ld.a->by_node);
	ld.a->pool = cchc_calloc(ld.a->set->nleaves, sizeof *ld.a->pool);
	if (!ld.a->by_node || !ld.a->pool) {
		oom(&ld);
		goto done;
	}
	if (build(&ld, el) < 0 || ld.errors)
		goto done;
	rc = 0;
done:
	if (rc == 0 && cchc_diag_count(diag) == before) {
		*out = ld.a;
	} else {
		rc = -1;
		cchc_assessment_free(ld.a);
	}
	return rc;
}

const cchc_criteria *cchc_assessment_criteria(const cchc_assessment *a)
{
	return a->set;
}

const char *cchc_assessment_file(const cchc_assessment *a)
{
	return a->file;
}

long cchc_assessment_line(const cchc_assessment *a)
{
	return a->line;
}

int cchc_assessment_year(const cchc_assessment *a)
{
	return a->year;
}

const char *cchc_assessment_agency_id(const cchc_assessment *a)
{
	return a->agency_id;
}

const char *cchc_assessment_agency_name(const cchc_assessment *a)
{
	return a->agency_name;
}

const char *cchc_assessment_agency_block(const cchc_assessment *a)
{
	return a->agency_block;
}

const cchc_published *cchc_assessment_published(const cchc_assessment *a)
{
	return a->published;
}

int cchc_assessment_has_survey(const cchc_assessment *a)
{
	return a->has_survey;
}

const cchc_item *cchc_assessment_item(const cchc_assessment *a, const cchc_node *leaf)
{
	return a->by_node && leaf->index < a->set->nnodes ? a->by_node[leaf->index] : NULL;
}
