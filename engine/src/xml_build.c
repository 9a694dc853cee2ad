/* Borrowed trees from SAX2 events (see xml_build.h).
 *
 * libxml2's tree builder costs twice the parse at national scale: a malloc
 * for every node, attribute and attribute value, an ID lookup per attribute.
 * Here a member's nodes are carved from an arena that is reset after it, and
 * names are the parser's dictionary strings. Fields are set as libxml2's
 * xmlSAX2StartElementNs / xmlSAX2TextNode set them (line numbers included),
 * so that whoever reads the tree cannot tell the difference. */
#include "xml_build.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parserInternals.h>

#define MAX_DEPTH CCHC_XML_MAX_DEPTH

/* An xmlNode keeps 16 bits of line: past line 65 535 libxml2 stores 65 535
 * and xmlGetLineNo() guesses from the text around the node (where the next
 * text ends), for an element a line or more off. This builder also keeps
 * every node's exact line there in psvi (as XML_PARSE_BIG_LINES does for
 * text; xmlGetLineNo() reads it on text only, and nothing that reads these
 * trees uses it otherwise) and marks its documents, so that cchc_xml_line()
 * trusts psvi on their nodes only. */
static char builder_doc;

static void set_line(xmlNodePtr n, long line)
{
	if (line < 65535) {
		n->line = (unsigned short)(line > 0 ? line : 0);
	} else {
		n->line = 65535;
		n->psvi = (void *)(ptrdiff_t)line;
	}
}

long cchc_xml_line(const xmlNode *n)
{
	if (n && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	if (!n)
		return 0;
	if (n->line == 65535 && n->psvi && n->doc && n->doc->_private == &builder_doc)
		return (long)(ptrdiff_t)n->psvi;
	return xmlGetLineNo(n);
}

static long input_line(const cchc_xml_build *b)
{
	return b->ctxt && b->ctxt->input ? b->ctxt->input->line : 0;
}

static void stop(cchc_xml_build *b)
{
	if (!b->stopped && b->ctxt)
		xmlStopParser(b->ctxt);
	b->stopped = 1;
}

static void *alloc(cchc_xml_build *b, cchc_arena *mem, size_t size)
{
	void *p = cchc_arena_alloc(mem, size);
	if (!p) {
		b->oom = 1;
		stop(b);
	}
	return p;
}

static void append(xmlNodePtr parent, xmlNodePtr child)
{
	child->parent = parent;
	if (parent->last) {
		parent->last->next = child;
		child->prev = parent->last;
	} else {
		parent->children = child;
	}
	parent->last = child;
}

/* The arena the node being built goes to. */
static cchc_arena *arena_of(cchc_xml_build *b)
{
	return b->depth == 0 ? &b->root_mem : &b->mem;
}

/* A text or CDATA node of cur. */
static void add_text(cchc_xml_build *b, xmlElementType type, const char *s, size_t len,
                     long line)
{
	xmlNodePtr t = alloc(b, &b->mem, sizeof *t);
	char *content = t ? cchc_arena_strndup(&b->mem, s, len) : NULL;
	if (!content) {
		b->oom = 1;
		stop(b);
		return;
	}
	t->type = type;
	t->name = type == XML_TEXT_NODE ? xmlStringText : NULL;
	t->doc = b->doc;
	t->content = (xmlChar *)content;
	set_line(t, line);
	append(b->cur, t);
}

/* Character data gathered since the last node, made a text node of cur. */
static void flush_text(cchc_xml_build *b)
{
	if (!b->text_len)
		return;
	size_t len = b->text_len;
	b->text_len = 0;
	if (b->cur)
		add_text(b, XML_TEXT_NODE, b->text, len, b->text_line);
}

/* The namespace bound to prefix where el stands (el's own declarations
 * included), or a new one when the parser resolved it otherwise (xml:). */
static xmlNsPtr find_ns(cchc_xml_build *b, cchc_arena *mem, xmlNodePtr el, const xmlChar *prefix,
                        const xmlChar *uri)
{
	if (!uri)
		return NULL;
	/* the parser's strings are interned: equal pointers, equal strings */
	for (xmlNodePtr n = el; n; n = n->parent)
		for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next)
			if (ns->prefix == prefix ||
			    (prefix && ns->prefix && strcmp((const char *)ns->prefix, (const char *)prefix) == 0))
				if (ns->href == uri ||
				    (ns->href && strcmp((const char *)ns->href, (const char *)uri) == 0))
					return ns;
	xmlNsPtr ns = alloc(b, mem, sizeof *ns);
	if (ns) {
		ns->type = XML_NAMESPACE_DECL;
		ns->prefix = prefix;
		ns->href = uri;
	}
	return ns;
}

/* An attribute value as the parser hands it: with the entity parser off, it
 * writes each '&' of the value as "&#38;" (the tree builder decodes it). */
static char *copy_value(cchc_arena *mem, const xmlChar *v, const xmlChar *end)
{
	size_t len = (size_t)(end - v);
	const char *amp = memchr(v, '&', len);
	if (!amp)
		return cchc_arena_strndup(mem, (const char *)v, len);
	char *out = cchc_arena_strndup(mem, (const char *)v, len);
	if (!out)
		return NULL;
	size_t o = (size_t)(amp - (const char *)v);
	for (size_t i = o; i < len;) {
		if (len - i >= 5 && memcmp(v + i, "&#38;", 5) == 0) {
			out[o++] = '&';
			i += 5;
		} else {
			out[o++] = (char)v[i++];
		}
	}
	out[o] = '\0';
	return out;
}

static xmlNodePtr new_element(cchc_xml_build *b, const xmlChar *localname, const xmlChar *prefix,
                              const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                              int nb_attributes, const xmlChar **attributes)
{
	cchc_arena *mem = arena_of(b);
	xmlNodePtr el = alloc(b, mem, sizeof *el);
	if (!el)
		return NULL;
	long line = input_line(b);
	el->type = XML_ELEMENT_NODE;
	el->name = localname;
	el->doc = b->doc;
	set_line(el, line);
	el->parent = b->depth == 0 ? NULL : b->cur ? b->cur : b->root;

	xmlNsPtr *tail = &el->nsDef;
	for (int i = 0; i < nb_namespaces; i++) {
		xmlNsPtr ns = alloc(b, mem, sizeof *ns);
		if (!ns)
			return NULL;
		ns->type = XML_NAMESPACE_DECL;
		ns->prefix = namespaces[2 * i];
		ns->href = namespaces[2 * i + 1];
		*tail = ns;
		tail = &ns->next;
	}
	el->ns = find_ns(b, mem, el, prefix, uri);

	xmlAttrPtr last = NULL;
	for (int i = 0; i < nb_attributes; i++) {
		const xmlChar **at = attributes + 5 * i; /* localname, prefix, URI, value, end */
		xmlAttrPtr a = alloc(b, mem, sizeof *a);
		xmlNodePtr t = alloc(b, mem, sizeof *t);
		char *value = a && t ? copy_value(mem, at[3], at[4]) : NULL;
		if (!value) {
			b->oom = 1;
			stop(b);
			return NULL;
		}
		a->type = XML_ATTRIBUTE_NODE;
		a->name = at[0];
		a->parent = el;
		a->doc = b->doc;
		a->ns = find_ns(b, mem, el, at[1], at[2]);
		t->type = XML_TEXT_NODE;
		t->name = xmlStringText;
		t->doc = b->doc;
		t->parent = (xmlNodePtr)a;
		t->content = (xmlChar *)value;
		a->children = a->last = t;
		if (last) {
			last->next = a;
			a->prev = last;
		} else {
			el->properties = a;
		}
		last = a;
	}
	return el;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	cchc_xml_build *b = ctx;
	(void)nb_defaulted; /* none: there is no DTD */
	if (b->stopped)
		return;
	if (b->depth > MAX_DEPTH) {
		b->too_deep = input_line(b);
		stop(b);
		return;
	}
	flush_text(b);
	int member_start = b->depth == b->member_depth && b->member_depth == 1;
	if (member_start)
		cchc_arena_reset(&b->mem);
	xmlNodePtr el = new_element(b, localname, prefix, uri, nb_namespaces, namespaces,
	                            nb_attributes, attributes);
	if (!el)
		return;
	if (b->depth == 0) {
		b->root = el;
		int rc = b->h->root(b->user, el);
		if (rc < 0) {
			stop(b);
			return;
		}
		b->member_depth = rc ? 0 : 1;
		b->cur = rc ? el : NULL;
	} else if (member_start) {
		b->cur = el;
		b->h->mark(b->user, 1);
	} else if (b->cur) {
		append(b->cur, el);
		b->cur = el;
	}
	b->depth++;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	cchc_xml_build *b = ctx;
	(void)localname;
	(void)prefix;
	(void)uri;
	if (b->stopped)
		return;
	flush_text(b);
	b->depth--;
	if (!b->cur)
		return;
	if (b->depth != b->member_depth) {
		b->cur = b->cur->parent;
		return;
	}
	xmlNodePtr el = b->cur;
	b->cur = NULL;
	int rc = b->h->member(b->user, el);
	if (b->member_depth == 1)
		b->h->mark(b->user, 0);
	cchc_arena_reset(&b->mem);
	if (rc < 0)
		stop(b);
}

static int all_space(const xmlChar *s, int len)
{
	for (int i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* The line of the first character of ch that is not white space: the
 * parser stands at the end of ch, past its line breaks. */
static long text_line(const cchc_xml_build *b, const xmlChar *ch, int len)
{
	long line = input_line(b);
	int i = 0;
	while (i < len && (ch[i] == ' ' || ch[i] == '\t' || ch[i] == '\n' || ch[i] == '\r'))
		i++;
	for (; i < len; i++)
		line -= ch[i] == '\n';
	return line;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	cchc_xml_build *b = ctx;
	if (b->stopped || len <= 0)
		return;
	if (!b->cur) {
		if (b->member_depth == 1 && b->depth == 1 && !all_space(ch, len))
			b->h->text(b->user, text_line(b, ch, len));
		return;
	}
	size_t n = (size_t)len;
	if (b->text_len == 0)
		b->text_line = input_line(b);
	if (b->text_cap - b->text_len < n) {
		size_t cap = b->text_cap ? b->text_cap : 256;
		while (cap - b->text_len < n)
			cap *= 2;
		char *grown = realloc(b->text, cap);
		if (!grown) {
			b->oom = 1;
			stop(b);
			return;
		}
		b->text = grown;
		b->text_cap = cap;
	}
	memcpy(b->text + b->text_len, ch, n);
	b->text_len += n;
}

static void on_cdata(void *ctx, const xmlChar *value, int len)
{
	cchc_xml_build *b = ctx;
	if (b->stopped)
		return;
	if (!b->cur) {
		if (b->member_depth == 1 && b->depth == 1)
			b->h->text(b->user, input_line(b));
		return;
	}
	flush_text(b);
	add_text(b, XML_CDATA_SECTION_NODE, (const char *)value, (size_t)len, input_line(b));
}

/* Comments and processing instructions are not kept, but they separate
 * text nodes as they do in libxml2's trees. */
static void on_comment(void *ctx, const xmlChar *value)
{
	(void)value;
	flush_text(ctx);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	flush_text(ctx);
}

int cchc_xml_build_init(cchc_xml_build *b, const cchc_xml_build_handlers *h, void *user,
                        xmlSAXHandler *sax)
{
	memset(b, 0, sizeof *b);
	b->h = h;
	b->user = user;
	b->member_depth = -1;
	b->doc = xmlNewDoc((const xmlChar *)"1.0");
	if (!b->doc)
		return -1;
	b->doc->_private = &builder_doc;
	memset(sax, 0, sizeof *sax);
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_characters;
	sax->ignorableWhitespace = on_characters;
	sax->cdataBlock = on_cdata;
	sax->comment = on_comment;
	sax->processingInstruction = on_pi;
	return 0;
}

void cchc_xml_build_dispose(cchc_xml_build *b)
{
	cchc_arena_free(&b->mem);
	cchc_arena_free(&b->root_mem);
	free(b->text);
	xmlFreeDoc(b->doc);
	memset(b, 0, sizeof *b);
}
