/* The streaming tree builder (engine/src/xml_build.c, driven by
 * cchc_xml_stream) against libxml2's own tree builder: every member it hands
 * over must equal, node by node, the same element of the DOM xmlReadMemory
 * builds from the same bytes -- names, namespaces, attributes and their
 * values, text, CDATA and line numbers (past 65 535 too). Comments and
 * processing instructions are the one difference: the builder drops them. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "xml_priv.h"

/* ------------------------------------------------------------ comparison */

static int same_str(const xmlChar *a, const xmlChar *b)
{
	return (!a && !b) || (a && b && strcmp((const char *)a, (const char *)b) == 0);
}

static const xmlChar *href(const xmlNs *ns)
{
	return ns ? ns->href : NULL;
}

/* The next child libxml2 keeps that the builder keeps too. */
static xmlNodePtr kept(xmlNodePtr n)
{
	while (n && (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE))
		n = n->next;
	return n;
}

static int mismatches;

static void differ(const char *what, xmlNodePtr dom, xmlNodePtr built)
{
	if (mismatches++ < 5)
		fprintf(stderr, "\n    %s differs at line %ld (<%s>) / %ld (<%s>)\n", what,
		        dom ? xmlGetLineNo(dom) : -1, dom && dom->name ? (const char *)dom->name : "",
		        built ? xmlGetLineNo(built) : -1,
		        built && built->name ? (const char *)built->name : "");
}

static void compare_attrs(xmlNodePtr dom, xmlNodePtr built)
{
	xmlAttrPtr a = dom->properties, b = built->properties;
	for (; a && b; a = a->next, b = b->next) {
		xmlChar *va = xmlNodeListGetString(dom->doc, a->children, 1);
		xmlChar *vb = xmlNodeListGetString(built->doc, b->children, 1);
		if (!same_str(a->name, b->name) || !same_str(href(a->ns), href(b->ns)) ||
		    !same_str(va ? va : (const xmlChar *)"", vb ? vb : (const xmlChar *)""))
			differ("an attribute", dom, built);
		/* the value the loaders read: one text child */
		if (!b->children || b->children->type != XML_TEXT_NODE || b->children->next ||
		    b->parent != built)
			differ("an attribute's shape", dom, built);
		xmlFree(va);
		xmlFree(vb);
	}
	if (a || b)
		differ("the attribute count", dom, built);
}

static void compare_tree(xmlNodePtr dom, xmlNodePtr built)
{
	if (dom->type != built->type) {
		differ("the node type", dom, built);
		return;
	}
	if (xmlGetLineNo(dom) != xmlGetLineNo(built))
		differ("the line", dom, built);
	if (dom->type == XML_TEXT_NODE || dom->type == XML_CDATA_SECTION_NODE) {
		if (!same_str(dom->content, built->content))
			differ("the text", dom, built);
		return;
	}
	if (!same_str(dom->name, built->name) || !same_str(href(dom->ns), href(built->ns)))
		differ("the name", dom, built);
	if (!same_str(dom->ns ? dom->ns->prefix : NULL, built->ns ? built->ns->prefix : NULL))
		differ("the prefix", dom, built);
	compare_attrs(dom, built);
	xmlNsPtr na = dom->nsDef, nb = built->nsDef;
	for (; na && nb; na = na->next, nb = nb->next)
		if (!same_str(na->prefix, nb->prefix) || !same_str(na->href, nb->href))
			differ("a namespace declaration", dom, built);
	if (na || nb)
		differ("the namespace declarations", dom, built);
	xmlNodePtr a = kept(dom->children), b = built->children;
	for (; a && b; a = kept(a->next), b = b->next) {
		if (b->parent != built)
			differ("a parent link", dom, built);
		compare_tree(a, b);
	}
	if (a || b)
		differ("the child count", dom, built);
}

/* ------------------------------------------------------ streaming a file */

typedef struct {
	xmlDocPtr dom;
	xmlNodePtr next;  /* the DOM element the next member must equal */
	int members;
	int root_is_member;
} cursor;

static int on_root(void *user, xmlNodePtr root)
{
	cursor *c = user;
	xmlNodePtr dom_root = xmlDocGetRootElement(c->dom);
	compare_attrs(dom_root, root);
	if (!same_str(dom_root->name, root->name) || xmlGetLineNo(dom_root) != xmlGetLineNo(root))
		differ("the root", dom_root, root);
	c->root_is_member = strcmp((const char *)root->name, "assessments") != 0;
	c->next = c->root_is_member ? dom_root : dom_root->children;
	return c->root_is_member;
}

static int on_member(void *user, xmlNodePtr el)
{
	cursor *c = user;
	while (c->next && c->next->type != XML_ELEMENT_NODE)
		c->next = c->next->next;
	CU_ASSERT_PTR_NOT_NULL_FATAL(c->next);
	compare_tree(c->next, el);
	c->next = c->next->next;
	c->members++;
	return 0;
}

static void on_text(void *user, long line)
{
	(void)user;
	(void)line;
}

static const cchc_xml_build_handlers handlers = {on_root, on_member, on_text, NULL};

/* Stream data and compare each member with libxml2's DOM; the number of
 * members, or -1 when either parser refused the document. */
static int compare_bytes(const char *data, size_t len, const char *name)
{
	cursor c = {0};
	/* libxml2 reads what the stream hands it: line ends made LF, the same options */
	char *lf = malloc(len + 1);
	int after_cr = 0;
	size_t lf_len = lf ? cchc_xml_eol(lf, data, len, &after_cr) : 0;
	c.dom = lf ? xmlReadMemory(lf, (int)lf_len, name, NULL, CCHC_XML_PARSE_OPTIONS) : NULL;
	cchc_prolog prolog;
	cchc_prolog_init(&prolog, 1);
	cchc_prolog_scan(&prolog, data, len);
	cchc_diag *d = cchc_diag_new();
	int rc = c.dom ? cchc_xml_stream(name, data, len, "assessments", &handlers, &c, d) : -1;
	if (c.dom && rc < 0 && !cchc_prolog_encoding_refused(&prolog))
		fprintf(stderr, "\n    %s: libxml2 reads it, the stream does not: %s\n", name,
		        test_diag_text(d));
	cchc_diag_free(d);
	xmlFreeDoc(c.dom);
	free(lf);
	return rc < 0 ? -1 : c.members;
}

typedef struct {
	int files, members;
} corpus;

/* An assessment or bundle of the corpus (other files are skipped). */
static void compare_file(const char *path, void *ctx)
{
	corpus *c = ctx;
	size_t len = 0;
	char *data = test_read_file(path, &len);
	if (data && (strstr(data, "<assessment ") || strstr(data, "<assessments")) &&
	    !strstr(data, "<!DOCTYPE")) {
		int m = compare_bytes(data, len, path);
		if (m > 0) {
			c->files++;
			c->members += m;
		}
	}
	free(data);
}

static void test_corpus(void)
{
	corpus c = {0, 0};
	mismatches = 0;
	test_each_xml(test_path("samples"), 16 << 20, compare_file, &c);
	test_each_xml(test_path("tests/data"), 16 << 20, compare_file, &c);
	ASSERT_EQ(mismatches, 0);
	CU_ASSERT(c.files >= 40);
	CU_ASSERT(c.members >= c.files);
}

/* ---------------------------------------------------- crafted documents */

#define NS "urn:cchc:assessment:1"

static void check(const char *xml, int members)
{
	mismatches = 0;
	ASSERT_EQ(compare_bytes(xml, strlen(xml), "crafted.xml"), members);
	ASSERT_EQ(mismatches, 0);
}

static void test_crafted(void)
{
	/* entities and character references in attributes and text */
	check("<assessment xmlns=\"" NS "\" criteria-set=\"a&amp;b\" year=\"&#50;018\">"
	      "<agency id=\"x\" name=\"A &lt;&amp;&gt; B &#38; C&#x26;&quot;&apos;\"/>"
	      "<item criterion=\"1\" note=\"tab&#9;nl&#10;cr&#13;\">text &amp; more &#x1F600;</item>"
	      "</assessment>",
	      1);
	/* attribute-value normalisation of literal white space */
	check("<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"2018\">\n"
	      "<agency id=\"x\" name=\"a\tb\nc\r\nd\"/></assessment>",
	      1);
	/* CDATA, comments and processing instructions splitting text */
	check("<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"2018\">\n"
	      "  <!-- c -->\n  <?pi x?>\n<![CDATA[ <not> ]]>\n<agency id=\"x\" name=\"n\"/>"
	      "a<!--c-->b<![CDATA[]]>c</assessment>",
	      1);
	/* prefixes, a default namespace redeclared, xsi and xml attributes */
	check("<a:assessment xmlns:a=\"" NS "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
	      " a:x=\"1\" xml:lang=\"vi\" xsi:type=\"a:assessment\" criteria-set=\"s\" year=\"2018\">"
	      "<a:agency id=\"x\" name=\"n\"/><item xmlns=\"urn:other\" criterion=\"1\"/>"
	      "<a:item xmlns:a=\"urn:shadow\" criterion=\"2\"/><x:y xmlns:x=\"" NS "\"/>"
	      "</a:assessment>",
	      1);
	/* a bundle: members, text and other elements between them */
	check("<?xml version=\"1.0\"?>\n<assessments xmlns=\"" NS "\" xmlns:p=\"urn:p\">\n"
	      "<assessment criteria-set=\"s\" year=\"2018\"><agency id=\"a\" name=\"A\"/></assessment>\n"
	      "stray text\n<p:other attr=\"v\"><assessment/></p:other>\n"
	      "<assessment criteria-set=\"s\" year=\"2018\"><agency id=\"b\" name=\"B\"/></assessment>\n"
	      "</assessments>\n",
	      3);
	/* an empty element, an empty attribute value */
	check("<assessment xmlns=\"" NS "\" criteria-set=\"\" year=\"\"/>", 1);
}

/* Lines past 65 535 are where libxml2 stores them elsewhere (BIG_LINES). */
static void test_big_lines(void)
{
	size_t cap = 4 << 20, len = 0;
	char *xml = malloc(cap);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	len += (size_t)snprintf(xml + len, cap - len, "<assessments xmlns=\"" NS "\">\n");
	for (int i = 0; i < 70000; i++) {
		const char *member = i % 1000 == 999
		                         ? "<assessment criteria-set=\"s\" year=\"2018\">"
		                           "<agency id=\"a\" name=\"n\"/>\n<item criterion=\"1\"/>"
		                           "</assessment>\n"
		                         : "\n";
		len += (size_t)snprintf(xml + len, cap - len, "%s", member);
	}
	len += (size_t)snprintf(xml + len, cap - len, "</assessments>\n");
	mismatches = 0;
	ASSERT_EQ(compare_bytes(xml, len, "big.xml"), 70);
	ASSERT_EQ(mismatches, 0);
	free(xml);
}

/* A member larger than the arena's block size: one large node. */
static void test_large_member(void)
{
	size_t n = 300 << 10, len = 0;
	char *xml = malloc(n + 512);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	len += (size_t)sprintf(xml, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"2018\">"
	                            "<agency id=\"a\" name=\"");
	memset(xml + len, 'x', n);
	len += n;
	len += (size_t)sprintf(xml + len, "\"/>text</assessment>");
	mismatches = 0;
	ASSERT_EQ(compare_bytes(xml, len, "large.xml"), 1);
	ASSERT_EQ(mismatches, 0);
	free(xml);
}

int main(void)
{
	static const test_case tests[] = {
		{"every assessment under samples/ and tests/data/ equals libxml2's tree", test_corpus},
		{"crafted: entities, CDATA, comments, namespaces, bundles", test_crafted},
		{"line numbers past 65 535", test_big_lines},
		{"a member larger than an arena block", test_large_member},
		{NULL, NULL}};
	return test_run_suite("xml build", tests);
}
