/* Loading a criteria set: XML → schema check → tree of nodes → semantic check. */
#include <string.h>

#include "attrs_priv.h"
#include "criteria_priv.h"
#include "util_priv.h"
#include "xml_priv.h"

#define NS_CRITERIA "urn:cchc:criteria:1"
#define MAX_DEPTH 16

static const char *const rule_kind_names[CCHC_RULE_KIND_COUNT + 1] = {
	"", "yes-no", "tiers", "linear", "per-item", "deadline", "ratio", "grade", "judged", "scale",
	NULL};

const char *cchc_rule_kind_name(cchc_rule_kind kind)
{
	return kind < CCHC_RULE_KIND_COUNT ? rule_kind_names[kind] : "";
}

/* Which rule attributes each kind reads; any other is an inconsistency. */
static const char *const rule_attrs[CCHC_RULE_KIND_COUNT][6] = {
	[CCHC_RULE_YES_NO] = {NULL},
	[CCHC_RULE_TIERS] = {"unit", "better", NULL},
	[CCHC_RULE_LINEAR] = {"from", "to", "step", "unit", NULL},
	[CCHC_RULE_PER_ITEM] = {"points", "unit", NULL},
	[CCHC_RULE_DEADLINE] = {"due", "late-points", "grace-days", "grace-points", NULL},
	[CCHC_RULE_RATIO] = {"step", "if-none", "unit", NULL},
	[CCHC_RULE_GRADE] = {NULL},
	[CCHC_RULE_JUDGED] = {"step", NULL},
	[CCHC_RULE_SCALE] = {"from", "to", "step", NULL},
};

static const char *const rule_children[CCHC_RULE_KIND_COUNT] = {
	[CCHC_RULE_TIERS] = "tier", [CCHC_RULE_GRADE] = "grade", [CCHC_RULE_SCALE] = "option"};

typedef struct {
	cchc_criteria *set;
	cchc_diag *diag;
	const char *file;
	size_t errors;
	size_t cap_nodes;
} loader;

static void free_rule(cchc_rule *r)
{
	free(r->unit);
	free(r->tiers);
	for (size_t i = 0; i < r->ngrades; i++) {
		free(r->grades[i].id);
		free(r->grades[i].label);
	}
	free(r->grades);
	for (size_t i = 0; i < r->noptions; i++) {
		free(r->options[i].id);
		free(r->options[i].label);
	}
	free(r->options);
}

static void free_node(cchc_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nchildren; i++)
		free_node(n->children[i]);
	free(n->children);
	free(n->id);
	free(n->title);
	free(n->verb);
	free(n->area);
	free_rule(&n->rule);
	if (n->remedy) {
		free(n->remedy->task);
		free(n->remedy->solution);
		free(n->remedy->owner);
		free(n->remedy->support);
		free(n->remedy->when);
		free(n->remedy);
	}
	free(n);
}

void cchc_criteria_free(cchc_criteria *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->ngroups; i++)
		free_node(set->groups[i]);
	free(set->groups);
	free(set->nodes);
	free(set->by_id);
	for (size_t i = 0; i < set->nbands; i++)
		free(set->bands[i].label);
	free(set->bands);
	if (set->assessment_schema)
		xmlSchemaFree(set->assessment_schema);
	free(set->file);
	free(set->id);
	free(set->title);
	free(set->block);
	free(set);
}

static int oom(loader *ld)
{
	cchc_diag_addf(ld->diag, ld->file, 0, "out of memory loading the criteria set");
	ld->errors++;
	return -1;
}

/* Count an attribute reader's verdict: -1 is an error already reported. */
static int seen(loader *ld, int rc)
{
	if (rc < 0)
		ld->errors++;
	return rc;
}

static size_t count_elements(xmlNodePtr parent, const char *name)
{
	size_t n = 0;
	for (xmlNodePtr c = parent->children; c; c = c->next)
		n += cchc_xml_is(c, name);
	return n;
}

static int parse_tiers(loader *ld, xmlNodePtr rnode, cchc_rule *r)
{
	r->ntiers = 0;
	r->tiers = cchc_calloc(count_elements(rnode, "tier"), sizeof *r->tiers);
	if (!r->tiers)
		return oom(ld);
	for (xmlNodePtr t = rnode->children; t; t = t->next) {
		if (!cchc_xml_is(t, "tier"))
			continue;
		cchc_tier *tier = &r->tiers[r->ntiers++];
		const char *want = r->better_lower ? "max" : "min";
		const char *other = r->better_lower ? "min" : "max";
		if (cchc_xml_attr(t, other) || !cchc_xml_attr(t, want)) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(t),
			               "<tier>: with better=\"%s\" each tier needs %s=\"…\" and no %s",
			               r->better_lower ? "lower" : "higher", want, other);
			ld->errors++;
		}
		seen(ld, cchc_attr_decimal(t, want, ld->file, ld->diag, &tier->bound));
		if (seen(ld, cchc_attr_points(t, "points", ld->file, ld->diag, &tier->points)) == 0) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(t), "<tier>: points=\"…\" is required");
			ld->errors++;
		}
	}
	return 0;
}

static int parse_grades(loader *ld, xmlNodePtr rnode, cchc_rule *r)
{
	r->grades = cchc_calloc(count_elements(rnode, "grade"), sizeof *r->grades);
	if (!r->grades)
		return oom(ld);
	for (xmlNodePtr g = rnode->children; g; g = g->next) {
		if (!cchc_xml_is(g, "grade"))
			continue;
		cchc_grade *gr = &r->grades[r->ngrades++];
		gr->id = cchc_strdup(cchc_xml_attr(g, "id"));
		gr->label = cchc_strdup(cchc_xml_attr(g, "label"));
		if (!gr->id || !gr->label)
			return oom(ld);
		cchc_points share = 0; /* a percentage with two decimals */
		if (seen(ld, cchc_attr_points(g, "share", ld->file, ld->diag, &share)) == 0) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(g),
			               "<grade \"%s\">: share=\"…\" (percent of max) is required", gr->id);
			ld->errors++;
		}
		gr->share = share;
	}
	return 0;
}

static int parse_options(loader *ld, xmlNodePtr rnode, cchc_rule *r)
{
	r->options = cchc_calloc(count_elements(rnode, "option"), sizeof *r->options);
	if (!r->options)
		return oom(ld);
	for (xmlNodePtr o = rnode->children; o; o = o->next) {
		if (!cchc_xml_is(o, "option"))
			continue;
		cchc_option *op = &r->options[r->noptions++];
		op->id = cchc_strdup(cchc_xml_attr(o, "id"));
		op->label = cchc_strdup(cchc_xml_attr(o, "label") ? cchc_xml_attr(o, "label") : "");
		if (!op->id || !op->label)
			return oom(ld);
		if (seen(ld, cchc_attr_decimal(o, "weight", ld->file, ld->diag, &op->weight)) == 0) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(o),
			               "<option \"%s\">: weight=\"…\" (percent) is required", op->id);
			ld->errors++;
		}
	}
	return 0;
}

static int parse_rule(loader *ld, xmlNodePtr rnode, cchc_node *node)
{
	cchc_rule *r = &node->rule;
	const char *kind = cchc_xml_attr(rnode, "kind");
	r->line = xmlGetLineNo(rnode);
	for (int k = 1; k < CCHC_RULE_KIND_COUNT; k++)
		if (kind && strcmp(kind, rule_kind_names[k]) == 0)
			r->kind = (cchc_rule_kind)k;
	if (r->kind == CCHC_RULE_NONE) {
		cchc_diag_addf(ld->diag, ld->file, r->line, "<rule> of \"%s\": unknown kind \"%s\"",
		               node->id, kind ? kind : "");
		ld->errors++;
		return 0;
	}
	/* Attributes that this kind does not read mean the author expected something else. */
	for (xmlAttrPtr a = rnode->properties; a; a = a->next) {
		const char *an = (const char *)a->name;
		int ok = strcmp(an, "kind") == 0;
		for (int i = 0; !ok && rule_attrs[r->kind][i]; i++)
			ok = strcmp(an, rule_attrs[r->kind][i]) == 0;
		if (!ok) {
			cchc_diag_addf(ld->diag, ld->file, r->line,
			               "<rule kind=\"%s\"> of \"%s\": attribute %s does not apply to this kind",
			               kind, node->id, an);
			ld->errors++;
		}
	}
	for (xmlNodePtr c = rnode->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *want = rule_children[r->kind];
		if (!want || strcmp((const char *)c->name, want) != 0) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(c),
			               "<rule kind=\"%s\"> of \"%s\": <%s> does not apply to this kind", kind,
			               node->id, (const char *)c->name);
			ld->errors++;
		}
	}

	static const char *const better_words[] = {"higher", "lower", NULL};
	static const char *const none_words[] = {"zero", "full", NULL};
	const char *unit = cchc_xml_attr(rnode, "unit");
	if (unit && !(r->unit = cchc_strdup(unit)))
		return oom(ld);
	int better = seen(ld, cchc_attr_enum(rnode, "better", better_words, 0, ld->file, ld->diag));
	r->better_lower = better == 1;
	int if_none = seen(ld, cchc_attr_enum(rnode, "if-none", none_words, 1, ld->file, ld->diag));
	r->if_none_full = if_none == 1;

	r->step = r->kind == CCHC_RULE_SCALE ? 1 : 25;
	seen(ld, cchc_attr_points(rnode, "step", ld->file, ld->diag, &r->step));
	int has_from = seen(ld, cchc_attr_decimal(rnode, "from", ld->file, ld->diag, &r->from));
	int has_to = seen(ld, cchc_attr_decimal(rnode, "to", ld->file, ld->diag, &r->to));
	if ((r->kind == CCHC_RULE_LINEAR || (r->kind == CCHC_RULE_SCALE && (has_from || has_to))) &&
	    (has_from == 0 || has_to == 0)) {
		cchc_diag_addf(ld->diag, ld->file, r->line,
		               "<rule kind=\"%s\"> of \"%s\": both from=\"…\" and to=\"…\" are required", kind,
		               node->id);
		ld->errors++;
	}
	if (r->kind == CCHC_RULE_PER_ITEM &&
	    seen(ld, cchc_attr_points(rnode, "points", ld->file, ld->diag, &r->per_item)) == 0) {
		cchc_diag_addf(ld->diag, ld->file, r->line,
		               "<rule kind=\"per-item\"> of \"%s\": points=\"…\" per item is required",
		               node->id);
		ld->errors++;
	}
	if (r->kind == CCHC_RULE_DEADLINE) {
		if (seen(ld, cchc_attr_date(rnode, "due", ld->file, ld->diag, &r->due)) == 0) {
			cchc_diag_addf(ld->diag, ld->file, r->line,
			               "<rule kind=\"deadline\"> of \"%s\": due=\"YYYY-MM-DD\" is required",
			               node->id);
			ld->errors++;
		}
		seen(ld, cchc_attr_points(rnode, "late-points", ld->file, ld->diag, &r->late_points));
		int64_t days = 0;
		int has_days = seen(ld, cchc_attr_count(rnode, "grace-days", ld->file, ld->diag, &days));
		int has_gp = seen(ld, cchc_attr_points(rnode, "grace-points", ld->file, ld->diag,
		                                       &r->grace_points));
		if ((has_days == 1) != (has_gp == 1) && has_days >= 0 && has_gp >= 0) {
			cchc_diag_addf(ld->diag, ld->file, r->line,
			               "<rule kind=\"deadline\"> of \"%s\": grace-days and grace-points go "
			               "together",
			               node->id);
			ld->errors++;
		}
		if (days > 3660) {
			cchc_diag_addf(ld->diag, ld->file, r->line,
			               "<rule> of \"%s\": grace-days=\"%lld\" is more than ten years", node->id,
			               (long long)days);
			ld->errors++;
		}
		r->grace_days = (int)(days > 3660 ? 0 : days);
	}
	if (r->kind == CCHC_RULE_TIERS)
		return parse_tiers(ld, rnode, r);
	if (r->kind == CCHC_RULE_GRADE)
		return parse_grades(ld, rnode, r);
	if (r->kind == CCHC_RULE_SCALE)
		return parse_options(ld, rnode, r);
	return 0;
}

static int parse_remedy(loader *ld, xmlNodePtr m, cchc_node *node)
{
	cchc_remedy *rem = calloc(1, sizeof *rem);
	if (!rem)
		return oom(ld);
	node->remedy = rem;
	rem->solution = cchc_xml_text(m);
	const char *task = cchc_xml_attr(m, "task"), *owner = cchc_xml_attr(m, "owner");
	const char *support = cchc_xml_attr(m, "support"), *when = cchc_xml_attr(m, "when");
	if ((task && !(rem->task = cchc_strdup(task))) || (owner && !(rem->owner = cchc_strdup(owner))) ||
	    (support && !(rem->support = cchc_strdup(support))) ||
	    (when && !(rem->when = cchc_strdup(when))))
		return oom(ld);
	return 0;
}

static int add_node(loader *ld, cchc_node *n)
{
	if (ld->set->nnodes == ld->cap_nodes) {
		size_t cap = ld->cap_nodes ? ld->cap_nodes * 2 : 64;
		cchc_node **p = realloc(ld->set->nodes, cap * sizeof *p);
		if (!p)
			return oom(ld);
		ld->set->nodes = p;
		ld->cap_nodes = cap;
	}
	n->index = ld->set->nnodes;
	ld->set->nodes[ld->set->nnodes++] = n;
	return 0;
}

/* Build one group or criterion and its subtree (preorder indices). */
static cchc_node *parse_node(loader *ld, xmlNodePtr x, cchc_node *parent, int depth)
{
	cchc_node *n = calloc(1, sizeof *n);
	if (!n) {
		oom(ld);
		return NULL;
	}
	n->line = xmlGetLineNo(x);
	n->depth = depth;
	n->parent = parent;
	n->group = parent ? parent->group : n;
	n->id = cchc_strdup(cchc_xml_attr(x, "id") ? cchc_xml_attr(x, "id") : "");
	n->title = cchc_strdup(cchc_xml_attr(x, "title") ? cchc_xml_attr(x, "title") : "");
	if (!n->id || !n->title || add_node(ld, n) < 0) {
		free_node(n);
		oom(ld);
		return NULL;
	}
	if (depth > MAX_DEPTH) {
		cchc_diag_addf(ld->diag, ld->file, n->line,
		               "criterion \"%s\" is nested %d levels deep: at most %d are supported", n->id,
		               depth, MAX_DEPTH);
		ld->errors++;
		return n;
	}
	const cchc_criteria *set = ld->set;
	if (depth == 0) {
		static const char *const kinds[] = {"scored", "survey", "bonus", "penalty", NULL};
		static const char *const sources[] = {"assessment", "survey", NULL};
		int kind = seen(ld, cchc_attr_enum(x, "kind", kinds, 0, ld->file, ld->diag));
		int source = seen(ld, cchc_attr_enum(x, "source", sources, 0, ld->file, ld->diag));
		n->kind = kind > 0 ? (cchc_group_kind)kind : source == 1 ? CCHC_GROUP_SURVEY
		                                                          : CCHC_GROUP_SCORED;
		if (source == 1 && kind > 0 && kind != CCHC_GROUP_SURVEY) {
			cchc_diag_addf(ld->diag, ld->file, n->line,
			               "group \"%s\": source=\"survey\" cannot be a %s group", n->id,
			               kinds[kind]);
			ld->errors++;
		}
		const char *area = cchc_xml_attr(x, "area");
		n->area = cchc_strdup(area ? area : n->title);
		if (!n->area) {
			oom(ld);
			return n;
		}
	} else {
		n->kind = parent->kind;
	}
	int has_max = seen(ld, cchc_attr_points(x, "max", ld->file, ld->diag, &n->max));
	int has_min = seen(ld, cchc_attr_points(x, "min", ld->file, ld->diag, &n->min));
	const char *what = depth ? "criterion" : "group";
	if (n->group->kind == CCHC_GROUP_PENALTY) {
		if (has_max == 1 || has_min == 0 || (has_min == 1 && n->min >= 0)) {
			cchc_diag_addf(ld->diag, ld->file, n->line,
			               "%s \"%s\" is in a penalty group: give min=\"-…\" (the largest "
			               "deduction) and no max",
			               what, n->id);
			ld->errors++;
		}
		n->max = 0;
	} else if (has_min == 1 || has_max == 0 || (has_max == 1 && n->max <= 0)) {
		cchc_diag_addf(ld->diag, ld->file, n->line,
		               "%s \"%s\": give max=\"…\" greater than 0%s", what, n->id,
		               has_min == 1 ? " (min is only for penalty groups)" : "");
		ld->errors++;
		n->min = 0;
	}
	static const char *const na_words[] = {"exclude", "award", "never", NULL};
	int na = seen(ld, cchc_attr_enum(x, "na", na_words, (int)(parent ? parent->na : set->na),
	                                 ld->file, ld->diag));
	n->na = na < 0 ? set->na : (cchc_na_policy)na;
	int docs = parent ? parent->require_docs : set->require_docs;
	seen(ld, cchc_attr_bool(x, "require-docs", ld->file, ld->diag, &docs));
	n->require_docs = docs;
	int64_t effort = 0;
	if (seen(ld, cchc_attr_count(x, "effort", ld->file, ld->diag, &effort)) == 1 && effort == 0) {
		cchc_diag_addf(ld->diag, ld->file, n->line,
		               "criterion \"%s\": effort must be a whole number of 1 or more", n->id);
		ld->errors++;
	}
	n->effort = (int)effort;
	const char *verb = cchc_xml_attr(x, "verb");
	if (verb && !(n->verb = cchc_strdup(verb))) {
		oom(ld);
		return n;
	}

	size_t nkids = count_elements(x, "criterion");
	if (nkids && !(n->children = calloc(nkids, sizeof *n->children))) {
		oom(ld);
		return n;
	}
	xmlNodePtr rule = NULL;
	for (xmlNodePtr c = x->children; c; c = c->next) {
		if (cchc_xml_is(c, "criterion")) {
			cchc_node *child = parse_node(ld, c, n, depth + 1);
			if (!child)
				return n;
			n->children[n->nchildren++] = child;
		} else if (cchc_xml_is(c, "rule")) {
			rule = c;
		} else if (cchc_xml_is(c, "remedy")) {
			if (parse_remedy(ld, c, n) < 0)
				return n;
		}
	}
	if (rule && nkids) {
		cchc_diag_addf(ld->diag, ld->file, n->line,
		               "%s \"%s\" has both a rule and sub-criteria: a criterion is either scored "
		               "by its rule or the sum of its sub-criteria",
		               what, n->id);
		ld->errors++;
	} else if (!rule && !nkids) {
		cchc_diag_addf(ld->diag, ld->file, n->line,
		               depth ? "criterion \"%s\" has neither a <rule> nor sub-criteria: add one"
		                     : "group \"%s\" has no criteria: add at least one <criterion>",
		               n->id);
		ld->errors++;
	} else if (rule && depth == 0) {
		cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(rule),
		               "group \"%s\": a <rule> belongs on a criterion, not on a group", n->id);
		ld->errors++;
	} else if (rule) {
		ld->set->nleaves++;
		if (parse_rule(ld, rule, n) < 0)
			return n;
	}
	return n;
}

static int parse_bands(loader *ld, xmlNodePtr bands)
{
	cchc_criteria *set = ld->set;
	set->bands = cchc_calloc(count_elements(bands, "band"), sizeof *set->bands);
	if (!set->bands)
		return oom(ld);
	for (xmlNodePtr b = bands->children; b; b = b->next) {
		if (!cchc_xml_is(b, "band"))
			continue;
		cchc_band *band = &set->bands[set->nbands++];
		band->label = cchc_strdup(cchc_xml_attr(b, "label") ? cchc_xml_attr(b, "label") : "");
		if (!band->label)
			return oom(ld);
		seen(ld, cchc_attr_points(b, "min", ld->file, ld->diag, &band->min));
		if (set->nbands > 1 && band->min >= set->bands[set->nbands - 2].min) {
			char mb[24];
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(b),
			               "band \"%s\" (min %s) must be below the band before it: list "
			               "bands highest first",
			               band->label, cchc_points_spell(mb, band->min));
			ld->errors++;
		}
		if (band->min < 0) {
			cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(b),
			               "band \"%s\": min must be 0 or more", band->label);
			ld->errors++;
		}
	}
	return 0;
}

static int by_id_cmp(const void *a, const void *b)
{
	const cchc_node *x = *(const cchc_node *const *)a, *y = *(const cchc_node *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int build(loader *ld, xmlNodePtr root)
{
	cchc_criteria *set = ld->set;
	static const char *const na_words[] = {"exclude", "award", "never", NULL};
	static const char *const survey_words[] = {"zero", "rescale", NULL};
	const char *id = cchc_xml_attr(root, "id"), *title = cchc_xml_attr(root, "title");
	set->id = cchc_strdup(id ? id : "");
	set->title = cchc_strdup(title ? title : "");
	if (!set->id || !set->title)
		return oom(ld);
	const char *block = cchc_xml_attr(root, "block");
	if (block && !(set->block = cchc_strdup(block)))
		return oom(ld);
	int64_t year = 0;
	seen(ld, cchc_attr_count(root, "year", ld->file, ld->diag, &year));
	if (year < 1900 || year > 9999) {
		cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(root),
		               "<criteria-set> year=\"%lld\": write a four-digit year", (long long)year);
		ld->errors++;
	}
	set->year = (int)(year > 9999 ? 0 : year);
	set->line = xmlGetLineNo(root);
	seen(ld, cchc_attr_points(root, "max", ld->file, ld->diag, &set->max));
	int na = seen(ld, cchc_attr_enum(root, "na", na_words, 0, ld->file, ld->diag));
	set->na = na > 0 ? (cchc_na_policy)na : CCHC_NA_EXCLUDE;
	set->survey_rescales =
		seen(ld, cchc_attr_enum(root, "no-survey", survey_words, 1, ld->file, ld->diag)) == 1;
	seen(ld, cchc_attr_bool(root, "require-docs", ld->file, ld->diag, &set->require_docs));

	size_t ngroups = count_elements(root, "group");
	set->groups = cchc_calloc(ngroups, sizeof *set->groups);
	if (!set->groups)
		return oom(ld);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (cchc_xml_is(c, "bands")) {
			if (parse_bands(ld, c) < 0)
				return -1;
		} else if (cchc_xml_is(c, "self-check")) {
			seen(ld, cchc_attr_points(c, "tolerance", ld->file, ld->diag, &set->self_tolerance));
			seen(ld, cchc_attr_points(c, "penalty", ld->file, ld->diag, &set->self_penalty));
			if (set->self_tolerance > 100 * CCHC_POINTS_SCALE) {
				cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(c),
				               "<self-check> tolerance is a percentage: give 0 to 100");
				ld->errors++;
			}
			/* One deduction for inaccuracy, never a second scoring: a tenth of the set at most. */
			if (set->self_penalty * 10 > set->max) {
				char p[24], m[24], b[24];
				cchc_diag_addf(ld->diag, ld->file, xmlGetLineNo(c),
				               "<self-check> penalty=\"%s\" is more than a tenth of the set's max %s: "
				               "give at most %s",
				               cchc_points_spell(p, set->self_penalty), cchc_points_spell(m, set->max),
				               cchc_points_spell(b, set->max / 10));
				ld->errors++;
			}
		} else if (cchc_xml_is(c, "group")) {
			cchc_node *g = parse_node(ld, c, NULL, 0);
			if (!g)
				return -1;
			set->groups[set->ngroups++] = g;
		}
	}
	set->by_id = cchc_calloc(set->nnodes, sizeof *set->by_id);
	if (!set->by_id)
		return oom(ld);
	memcpy(set->by_id, set->nodes, set->nnodes * sizeof *set->by_id);
	qsort(set->by_id, set->nnodes, sizeof *set->by_id, by_id_cmp);
	return 0;
}

static int load(cchc_criteria **out, const char *path, const char *data, size_t len,
                cchc_diag *diag)
{
	size_t before = cchc_diag_count(diag);
	loader ld = {NULL, diag, path, 0, 0};
	xmlSchemaPtr schema = NULL;
	int rc = -1;

	*out = NULL;
	xmlDocPtr doc = cchc_xml_parse(path, data, len, diag);
	if (!doc)
		return -1;
	schema = cchc_xml_schema_load(CCHC_SCHEMA_CRITERIA, diag);
	if (!schema)
		goto done;
	xmlNodePtr root = cchc_xml_root(doc, NS_CRITERIA, "criteria-set", path, diag);
	if (!root || cchc_xml_validate(schema, doc, path, diag) < 0)
		goto done;
	ld.set = calloc(1, sizeof *ld.set);
	if (!ld.set || !(ld.set->file = cchc_strdup(path))) {
		oom(&ld);
		goto done;
	}
	if (build(&ld, root) < 0 || ld.errors)
		goto done;
	if (cchc_criteria_check(ld.set, diag) > 0)
		goto done;
	ld.set->assessment_schema = cchc_xml_schema_load(CCHC_SCHEMA_ASSESSMENT, diag);
	if (!ld.set->assessment_schema)
		goto done;
	rc = 0;
done:
	if (rc == 0 && cchc_diag_count(diag) == before) {
		*out = ld.set;
	} else {
		rc = -1;
		cchc_criteria_free(ld.set);
	}
	if (schema)
		xmlSchemaFree(schema);
	xmlFreeDoc(doc);
	return rc;
}

int cchc_criteria_load(cchc_criteria **out, const char *path, cchc_diag *diag)
{
	return load(out, path, NULL, 0, diag);
}

int cchc_criteria_load_memory(cchc_criteria **out, const char *data, size_t len,
                              const char *name, cchc_diag *diag)
{
	if (!data) {
		*out = NULL;
		cchc_diag_addf(diag, name, 0, "no data");
		return -1;
	}
	return load(out, name, data, len, diag);
}

const char *cchc_criteria_id(const cchc_criteria *set)
{
	return set->id;
}

const char *cchc_criteria_block(const cchc_criteria *set)
{
	return set->block ? set->block : set->id;
}

const char *cchc_criteria_title(const cchc_criteria *set)
{
	return set->title;
}

const char *cchc_criteria_file(const cchc_criteria *set)
{
	return set->file;
}

int cchc_criteria_year(const cchc_criteria *set)
{
	return set->year;
}

cchc_points cchc_criteria_max(const cchc_criteria *set)
{
	return set->max;
}

cchc_na_policy cchc_criteria_na_policy(const cchc_criteria *set)
{
	return set->na;
}

int cchc_criteria_self_check(const cchc_criteria *set, cchc_points *tolerance,
                             cchc_points *penalty)
{
	if (tolerance)
		*tolerance = set->self_tolerance;
	if (penalty)
		*penalty = set->self_penalty;
	return set->self_penalty > 0;
}

int cchc_criteria_survey_rescales(const cchc_criteria *set)
{
	return set->survey_rescales;
}

const cchc_band *cchc_criteria_bands(const cchc_criteria *set, size_t *count)
{
	*count = set->nbands;
	return set->bands;
}

const cchc_node *const *cchc_criteria_groups(const cchc_criteria *set, size_t *count)
{
	*count = set->ngroups;
	return (const cchc_node *const *)set->groups;
}

const cchc_node *const *cchc_criteria_nodes(const cchc_criteria *set, size_t *count)
{
	*count = set->nnodes;
	return (const cchc_node *const *)set->nodes;
}

size_t cchc_criteria_leaf_count(const cchc_criteria *set)
{
	return set->nleaves;
}

const cchc_node *cchc_criteria_find(const cchc_criteria *set, const char *id)
{
	size_t lo = 0, hi = set->nnodes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->by_id[mid]->id, id);
		if (c == 0)
			return set->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
