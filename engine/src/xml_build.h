/* SAX2 callbacks that build, in an arena, the subtree of each "member"
 * element of a stream (the root itself, or each child of the root) as plain
 * xmlNode structures: what libxml2's own tree builder makes, minus the
 * malloc per node and per attribute value. The code that reads trees (the
 * shape check, the model builder, the XSD) reads these unchanged; the tree is
 * borrowed and must never be given to a libxml2 function that frees or
 * changes nodes. */
#ifndef CCHC_XML_BUILD_H
#define CCHC_XML_BUILD_H

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "arena_priv.h"

/* libxml2's nesting limit without XML_PARSE_HUGE: its tree builder enforces
 * it, and this builder replaces that one. */
#define CCHC_XML_MAX_DEPTH 256

typedef struct {
	/* The root element has started: its name, namespaces and attributes are
	 * there, its children not yet. Returns 1 when the root is itself the one
	 * member, 0 when its element children are the members, -1 to stop. */
	int (*root)(void *user, xmlNodePtr root);
	/* A member is complete (its tree lives until the callback returns);
	 * -1 stops the parse. */
	int (*member)(void *user, xmlNodePtr el);
	/* Character data between members (the root being no member) that is not
	 * white space, or a CDATA section there; line is where its first character
	 * other than white space stands (a CDATA section: where it ends). */
	void (*text)(void *user, long line);
	/* A member starts (1) or ends (0): the stream caps a member's size. */
	void (*mark)(void *user, int on);
} cchc_xml_build_handlers;

typedef struct {
	const cchc_xml_build_handlers *h;
	void *user;
	xmlParserCtxtPtr ctxt;  /* set once the parser exists */
	xmlDocPtr doc;          /* every node's doc: an empty document of our own */
	cchc_arena root_mem;    /* the root element, kept to the end */
	cchc_arena mem;         /* the current member, reset after each */
	xmlNodePtr root;
	xmlNodePtr cur;         /* the open element of the member being built, or NULL */
	int depth;              /* elements open */
	int member_depth;       /* 0 the root is the member, 1 its children, -1 not known yet */
	char *text;             /* character data not yet made a node */
	size_t text_len, text_cap;
	long text_line;
	int stopped;            /* a handler asked to stop, or out of memory */
	int oom;
	long too_deep;          /* the line of the element past CCHC_XML_MAX_DEPTH, or 0 */
} cchc_xml_build;

/* Ready b (h and user set by the caller) and fill in the SAX2 handler. */
int cchc_xml_build_init(cchc_xml_build *b, const cchc_xml_build_handlers *h, void *user,
                        xmlSAXHandler *sax);

void cchc_xml_build_dispose(cchc_xml_build *b);

/* A node's line, exact past line 65 535 in the trees built here (where
 * xmlGetLineNo() is off); an attribute's is its element's. Other nodes as
 * xmlGetLineNo(). */
long cchc_xml_line(const xmlNode *n);

#endif
