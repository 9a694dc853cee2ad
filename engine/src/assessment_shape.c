/* A native check of one <assessment> subtree against assessment.xsd.
 *
 * libxml2's XSD validation costs 1.4 times the parse itself at national scale;
 * this single pass over the tree, allocating nothing, decides the same thing,
 * so the streaming loader runs it first and asks the XSD only to word the
 * errors of an assessment it refuses. tests/test_assessment_shape.c (every
 * sample plus a table of variants) and tests/fuzz/fuzz_assessment_shape.c keep
 * it equal to libxml2 2.9.14's verdict, quirks included: change both when the
 * schema changes. */
#include "assessment_shape.h"

#include <stddef.h>
#include <string.h>

#include <libxml/entities.h>

#define NS_ASSESSMENT "urn:cchc:assessment:1"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define NS_XMLNS "http://www.w3.org/2000/xmlns/"

/* The schema's simple types. */
enum {
	T_ID,           /* [A-Za-z0-9._\-]+, 1 to 64 characters */
	T_TITLE,        /* \s*\S[\s\S]*, 1 to 1000 characters */
	T_TEXT,         /* the same, 1 to 4000 characters */
	T_YEAR,         /* [0-9]{4} */
	T_DATE,         /* [0-9]{4}-[0-9]{2}-[0-9]{2} */
	T_BOOLEAN,      /* true | false */
	T_COUNT,        /* [0-9]{1,9} */
	T_POSITIVE,     /* [0-9]{1,9} and [0-9]*[1-9][0-9]* */
	T_POINTS,       /* -?[0-9]+(\.[0-9]{1,2})? */
	T_DECIMAL,      /* -?[0-9]+(\.[0-9]{1,6})? */
	T_NON_NEGATIVE  /* [0-9]+(\.[0-9]{1,6})? */
};

typedef struct {
	const char *name;
	unsigned char type;
	unsigned char required;
} attr_decl;

/* The complex types, each named as its element; an attribute's index in its
 * table is its bit in the mask of attributes seen. */
typedef struct {
	const char *name;
	const attr_decl *attrs;
	unsigned char nattrs;
	unsigned char empty; /* empty content: no text at all, not even white space */
} type_decl;

static const attr_decl assessment_attrs[] = {
	{"criteria-set", T_ID, 1}, {"year", T_YEAR, 1}};
static const attr_decl agency_attrs[] = {
	{"id", T_ID, 1}, {"name", T_TITLE, 1}, {"block", T_ID, 0}};
static const attr_decl item_attrs[] = {
	{"criterion", T_ID, 1},     {"met", T_BOOLEAN, 0},   {"value", T_DECIMAL, 0},
	{"count", T_COUNT, 0},      {"date", T_DATE, 0},     {"numerator", T_COUNT, 0},
	{"denominator", T_COUNT, 0}, {"grade", T_ID, 0},     {"points", T_POINTS, 0},
	{"self", T_POINTS, 0},      {"na", T_BOOLEAN, 0},    {"note", T_TEXT, 0}};
static const attr_decl doc_attrs[] = {{"ref", T_TITLE, 1}, {"file", T_TITLE, 0}};
static const attr_decl appraisal_attrs[] = {
	{"criterion", T_ID, 1}, {"round", T_POSITIVE, 0}, {"points", T_POINTS, 1},
	{"by", T_TITLE, 0},     {"reason", T_TEXT, 0}};
static const attr_decl survey_attrs[] = {
	{"criterion", T_ID, 1}, {"respondents", T_COUNT, 0}, {"mean", T_DECIMAL, 0},
	{"sd", T_NON_NEGATIVE, 0}};
static const attr_decl answer_attrs[] = {{"option", T_ID, 1}, {"count", T_COUNT, 1}};
static const attr_decl published_attrs[] = {
	{"total", T_POINTS, 0}, {"rank", T_POSITIVE, 0}, {"band", T_TITLE, 0}, {"source", T_TITLE, 0}};
static const attr_decl group_attrs[] = {{"id", T_ID, 1}, {"points", T_POINTS, 1}};

#define DECL(name, attrs, empty) {name, attrs, sizeof attrs / sizeof attrs[0], empty}
static const type_decl ASSESSMENT = DECL("assessment", assessment_attrs, 0);
static const type_decl AGENCY = DECL("agency", agency_attrs, 1);
static const type_decl ITEM = DECL("item", item_attrs, 0);
static const type_decl DOC = DECL("doc", doc_attrs, 1);
static const type_decl APPRAISAL = DECL("appraisal", appraisal_attrs, 1);
static const type_decl SURVEY = DECL("survey", survey_attrs, 0);
static const type_decl ANSWER = DECL("answer", answer_attrs, 1);
static const type_decl PUBLISHED = DECL("published", published_attrs, 0);
static const type_decl GROUP = DECL("group", group_attrs, 1);
static const type_decl CRITERION = DECL("criterion", group_attrs, 1); /* a group's attributes */

/* ------------------------------------------------------------ simple values */

/* A value read chunk by chunk (an attribute's text children), so that the
 * rare value split over several nodes needs no copy. */
typedef struct {
	int state;   /* a pattern's position; FAIL once refused */
	size_t n;    /* characters (or digits) counted */
	int flag;    /* title/text: a non-space seen; positive: a non-zero digit; boolean: which */
} scan;

#define FAIL (-1)

static int is_digit(unsigned c)
{
	return c - '0' < 10u;
}

static int is_id_char(unsigned c)
{
	return is_digit(c) || (c | 0x20) - 'a' < 26u || c == '.' || c == '_' || c == '-';
}

/* XSD's \s: space, tab, line feed, carriage return. */
static int is_space(unsigned c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* -?[0-9]+(\.[0-9]{1,frac})? : 0 start, 1 after '-', 2 integer digits,
 * 3 after '.', 4 fraction digits (n of them). */
static void feed_decimal(scan *s, const unsigned char *p, int minus, size_t frac)
{
	for (; *p && s->state != FAIL; p++) {
		unsigned c = *p;
		switch (s->state) {
		case 0:
			s->state = c == '-' && minus ? 1 : is_digit(c) ? 2 : FAIL;
			break;
		case 1:
			s->state = is_digit(c) ? 2 : FAIL;
			break;
		case 2:
			s->state = is_digit(c) ? 2 : c == '.' ? 3 : FAIL;
			break;
		case 3:
			s->state = is_digit(c) ? 4 : FAIL;
			s->n = 1;
			break;
		default:
			s->state = is_digit(c) && ++s->n <= frac ? 4 : FAIL;
			break;
		}
	}
}

static void feed(scan *s, int type, const unsigned char *p)
{
	static const char *const words[] = {"true", "false"};
	switch (type) {
	case T_ID:
		for (; *p; p++)
			if (!is_id_char(*p) || ++s->n > 64) {
				s->state = FAIL;
				return;
			}
		return;
	case T_TITLE:
	case T_TEXT: {
		size_t max = type == T_TITLE ? 1000 : 4000;
		for (; *p; p++) {
			s->n += (*p & 0xC0) != 0x80; /* code points, as xmlUTF8Strlen counts them */
			s->flag |= !is_space(*p);
		}
		if (s->n > max)
			s->state = FAIL;
		return;
	}
	case T_YEAR:
	case T_DATE: {
		const char *shape = type == T_YEAR ? "0000" : "0000-00-00";
		for (; *p; p++, s->n++) {
			char want = shape[s->n];
			if (!want || (want == '0' ? !is_digit(*p) : *p != (unsigned char)want)) {
				s->state = FAIL;
				return;
			}
		}
		return;
	}
	case T_BOOLEAN:
		for (; *p; p++, s->n++) {
			if (s->n == 0)
				s->flag = *p == 'f';
			const char *w = words[s->flag];
			if (s->n >= strlen(w) || *p != (unsigned char)w[s->n]) {
				s->state = FAIL;
				return;
			}
		}
		return;
	case T_COUNT:
	case T_POSITIVE:
		for (; *p; p++) {
			if (!is_digit(*p) || ++s->n > 9) {
				s->state = FAIL;
				return;
			}
			s->flag |= *p != '0';
		}
		return;
	case T_POINTS:
		feed_decimal(s, p, 1, 2);
		return;
	case T_DECIMAL:
		feed_decimal(s, p, 1, 6);
		return;
	default:
		feed_decimal(s, p, 0, 6);
		return;
	}
}

static int accepted(const scan *s, int type)
{
	if (s->state == FAIL)
		return 0;
	switch (type) {
	case T_ID:
	case T_COUNT:
		return s->n >= 1;
	case T_TITLE:
	case T_TEXT:
		return s->flag; /* implies at least one character */
	case T_YEAR:
		return s->n == 4;
	case T_DATE:
		return s->n == 10;
	case T_BOOLEAN:
		return s->n == (s->flag ? 5u : 4u);
	case T_POSITIVE:
		return s->flag;
	default:
		return s->state == 2 || s->state == 4;
	}
}

/* Entities nest no deeper in a document the parser accepts. */
#define MAX_ENTITY_DEPTH 40

/* Receives a value chunk by chunk; returns 0 once the value is decided. */
typedef int (*chunk_fn)(void *ctx, const xmlChar *chunk);

/* Hands fn the value xmlNodeListGetString(doc, list, 1) would build (what
 * the XSD reads of an attribute): text and CDATA, entity references replaced
 * by their content (only a document with a DTD has any: the loaders refuse
 * those, the XSD still reads them). 1 when fn saw it all, 0 when fn stopped,
 * -1 when entities nest too deep. */
static int walk_value(const xmlDoc *doc, const xmlNode *list, int depth, chunk_fn fn, void *ctx)
{
	for (const xmlNode *t = list; t; t = t->next) {
		const xmlChar *chunk = NULL;
		if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) {
			chunk = t->content;
		} else if (t->type == XML_ENTITY_REF_NODE) {
			xmlEntityPtr ent = xmlGetDocEntity(doc, t->name);
			if (!ent) {
				chunk = t->content;
			} else {
				if (depth >= MAX_ENTITY_DEPTH)
					return -1;
				int rc = walk_value(doc, ent->children, depth + 1, fn, ctx);
				if (rc <= 0)
					return rc;
			}
		}
		if (chunk && !fn(ctx, chunk))
			return 0;
	}
	return 1;
}

typedef struct {
	scan s;
	int type;
} typed_scan;

static int feed_chunk(void *ctx, const xmlChar *chunk)
{
	typed_scan *ts = ctx;
	feed(&ts->s, ts->type, chunk);
	return ts->s.state != FAIL;
}

/* The attribute's value is of the type. */
static int value_ok(const xmlAttr *a, int type)
{
	typed_scan ts = {{0, 0, 0}, type};
	const xmlNode *t = a->children;
	if (t && !t->next && t->type == XML_TEXT_NODE) {
		if (t->content)
			feed(&ts.s, type, t->content); /* the usual case */
	} else if (walk_value(a->doc, t, 0, feed_chunk, &ts) < 0) {
		return 0;
	}
	return accepted(&ts.s, type);
}

/* Whether the attribute's value is exactly the concatenation of the parts
 * (NULL for none), compared as it streams past: nothing is joined. */
typedef struct {
	const char *part[3];
	int i;    /* the part being compared */
	size_t k; /* the position in it */
} matcher;

static int at_end(matcher *m)
{
	while (m->i < 3 && (!m->part[m->i] || !m->part[m->i][m->k])) {
		m->i++;
		m->k = 0;
	}
	return m->i == 3;
}

static int match_chunk(void *ctx, const xmlChar *chunk)
{
	matcher *m = ctx;
	for (const xmlChar *p = chunk; *p; p++) {
		if (at_end(m) || (unsigned char)m->part[m->i][m->k] != *p)
			return 0;
		m->k++;
	}
	return 1;
}

static int value_is(const xmlAttr *a, const char *p0, const char *p1, const char *p2)
{
	matcher m = {{p0, p1, p2}, 0, 0};
	return walk_value(a->doc, a->children, 0, match_chunk, &m) == 1 && at_end(&m);
}

/* ------------------------------------------------------------- namespaces */

/* Whether an element in namespace ns matches a particle of the content model.
 * libxml2 compares "name|ns" with xmlRegStrEqualWildcard, where a '*' in the
 * instance's namespace matches the rest of the schema's ("urn:cchc:*" is
 * accepted): the same loop, on the namespace part only (names are NCNames,
 * with no '*' or '|', so they must be equal). */
static int ns_matches(const xmlChar *ns)
{
	static const xmlChar want[] = NS_ASSESSMENT;
	const xmlChar *exp = want, *val = ns;
	if (!val)
		return 0;
	if (strcmp((const char *)val, NS_ASSESSMENT) == 0)
		return 1;
	if (!*val)
		return 0;
	do {
		if (*exp != *val) {
			if (*val == '*') {
				const xmlChar *tmp = val;
				val = exp;
				exp = tmp;
			}
			if (*val != 0 && *exp != 0 && *exp++ == '*') {
				do {
					if (*val == '|')
						break;
					val++;
				} while (*val != 0);
				continue;
			}
			return 0;
		}
		exp++;
		val++;
	} while (*val != 0);
	return *exp == 0;
}

/* A child element is the schema's element name. */
static int is_elem(const xmlNode *c, const char *name)
{
	return strcmp((const char *)c->name, name) == 0 && c->ns && ns_matches(c->ns->href);
}

/* xsi:type is allowed when it names the element's own type, as libxml2
 * reads it (xmlSchemaVExpandQName): the value must pass xmlValidateQName,
 * whose names are XML 1.0 4th edition names (the parser takes 5th edition
 * ones: a prefix such as "𝔸" is declared, yet refused here); it is cut at
 * its first ':' (xmlSplitQName2); the prefix, or the default namespace with
 * none, is looked up with xmlSearchNs from the attribute and must be bound
 * to the schema's namespace. White space around the name passes
 * xmlValidateQName but stays in the prefix or the local name, so it never
 * names a type. The value is never joined: each binding in scope, in
 * xmlSearchNs's order, is tried as "prefix:type"; the first whose prefix is
 * the value's is the one xmlSearchNs finds. */
static int xsi_type_ok(const xmlAttr *a, const xmlNode *el, const char *type)
{
	if (value_is(a, "xml", ":", type))
		return 0; /* the XML namespace, always bound */
	for (const xmlNode *n = el; n; n = n->parent) {
		if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_NODE ||
		    n->type == XML_ENTITY_DECL)
			return 0;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		/* the declarations, then the element's own namespace (the search starts
		 * at the attribute, so every element on the way is "not the origin") */
		for (int own = 0; own < 2; own++) {
			for (const xmlNs *ns = own ? n->ns : n->nsDef; ns; ns = own ? NULL : ns->next) {
				if (!ns->href)
					continue;
				if (!ns->prefix ? !value_is(a, type, NULL, NULL)
				                : !value_is(a, (const char *)ns->prefix, ":", type))
					continue;
				return strcmp((const char *)ns->href, NS_ASSESSMENT) == 0 &&
				       (!ns->prefix || xmlValidateNCName(ns->prefix, 0) == 0);
			}
		}
	}
	return 0;
}

/* --------------------------------------------------------------- elements */

/* The attributes of el against its type: each declared one at most once and
 * of its type, the required ones present, no other one. The XSI attributes
 * are libxml2's "meta" attributes: schemaLocation and noNamespaceSchemaLocation
 * are ignored, nil is refused (no element is nillable), type must name the
 * element's own type. Attributes in the xmlns namespace are ignored too. */
static int attrs_ok(const xmlNode *el, const type_decl *d)
{
	unsigned seen = 0, required = 0;
	int xsi_type_seen = 0;
	for (unsigned i = 0; i < d->nattrs; i++)
		required |= (unsigned)d->attrs[i].required << i;

	for (const xmlAttr *a = el->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		const char *ns = a->ns ? (const char *)a->ns->href : NULL;
		if (ns) {
			int xsi = strcmp(ns, NS_XSI) == 0;
			if (strcmp(name, "nil") == 0)
				return 0; /* not nillable, or not declared */
			if (strcmp(name, "type") == 0) {
				if (!xsi)
					return 0;
				if (!xsi_type_seen++ && !xsi_type_ok(a, el, d->name))
					return 0;
			} else if (strcmp(name, "schemaLocation") == 0 ||
			           strcmp(name, "noNamespaceSchemaLocation") == 0) {
				if (!xsi)
					return 0;
			} else if (strcmp(ns, NS_XMLNS) != 0) {
				return 0;
			}
			continue;
		}
		/* the first byte rejects almost every other name before strcmp */
		unsigned i = 0;
		while (i < d->nattrs &&
		       (d->attrs[i].name[0] != name[0] || strcmp(d->attrs[i].name, name) != 0))
			i++;
		if (i == d->nattrs || seen & 1u << i || !value_ok(a, d->attrs[i].type))
			return 0;
		seen |= 1u << i;
	}
	return (seen & required) == required;
}

/* Text the content allows: none in empty content, white space only (and
 * never a CDATA section, even an empty one) in element-only content. */
static int text_ok(const xmlNode *t, const type_decl *d)
{
	if (d->empty || t->type != XML_TEXT_NODE)
		return 0;
	for (const xmlChar *p = t->content; p && *p; p++)
		if (!is_space(*p))
			return 0;
	return 1;
}

/* A node that is not an element: 1 allowed, 0 refused. The validator skips
 * comments, processing instructions and XInclude markers, and stops at an
 * entity reference. */
static int other_ok(const xmlNode *c, const type_decl *d)
{
	switch (c->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		return text_ok(c, d);
	case XML_ENTITY_REF_NODE:
	case XML_ENTITY_NODE:
		return 0;
	default:
		return 1;
	}
}

/* An element whose type has empty content (agency, doc, appraisal, answer). */
static int leaf_ok(const xmlNode *el, const type_decl *d)
{
	if (!attrs_ok(el, d))
		return 0;
	for (const xmlNode *c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE || !other_ok(c, d))
			return 0;
	return 1;
}

/* item (doc*), survey (answer*) or published ((group | criterion)*): members
 * of one type, or of either of two (other, NULL for none). */
static int list_ok(const xmlNode *el, const type_decl *d, const type_decl *member,
                   const type_decl *other)
{
	if (!attrs_ok(el, d))
		return 0;
	for (const xmlNode *c = el->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			if (!other_ok(c, d))
				return 0;
			continue;
		}
		const type_decl *m = is_elem(c, member->name)           ? member
		                     : other && is_elem(c, other->name) ? other
		                                                        : NULL;
		if (!m || !leaf_ok(c, m))
			return 0;
	}
	return 1;
}

int cchc_assessment_shape_ok(xmlNodePtr el)
{
	/* the validation root is looked up exactly (no wildcard there) */
	if (!el || el->type != XML_ELEMENT_NODE || !el->name ||
	    strcmp((const char *)el->name, "assessment") != 0 || !el->ns || !el->ns->href ||
	    strcmp((const char *)el->ns->href, NS_ASSESSMENT) != 0)
		return 0;
	if (!attrs_ok(el, &ASSESSMENT))
		return 0;

	/* agency, published?, then (item | appraisal | survey)* */
	int agency = 0, evidence = 0;
	for (const xmlNode *c = el->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE) {
			if (!other_ok(c, &ASSESSMENT))
				return 0;
			continue;
		}
		int ok;
		if (!agency) {
			ok = is_elem(c, "agency") && leaf_ok(c, &AGENCY);
			agency = 1;
		} else if (!evidence++ && is_elem(c, "published")) {
			ok = list_ok(c, &PUBLISHED, &GROUP, &CRITERION);
		} else {
			switch (c->name[0]) {
			case 'i':
				ok = is_elem(c, "item") && list_ok(c, &ITEM, &DOC, NULL);
				break;
			case 'a':
				ok = is_elem(c, "appraisal") && leaf_ok(c, &APPRAISAL);
				break;
			case 's':
				ok = is_elem(c, "survey") && list_ok(c, &SURVEY, &ANSWER, NULL);
				break;
			default:
				ok = 0;
				break;
			}
		}
		if (!ok)
			return 0;
	}
	return agency;
}
