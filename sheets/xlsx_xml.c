/* Each part of a workbook streamed through libxml2's push parser with the
 * project's hardened setup (engine/src/xml_priv.h): its parse options, its
 * error sink and its UTF-8 check; a DOCTYPE stops the parse before any of
 * its declarations is read. Handlers see SAX2 events, never a tree, so
 * memory follows the cells kept, not the size of the XML. */
#include "xlsx_priv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml_priv.h"

#define MAX_XML_ERRORS 5

typedef struct {
	xlsx_sax *p;
	xmlSAXHandler *sax;
	cchc_xml_sink sink;
} feed_state;

static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xlsx_sax *p = user;
	(void)name;
	(void)ext;
	(void)sys;
	xlsx_report(p->diag, p->x->name, p->x->lang, XM_DOCTYPE, p->part);
	xlsx_xml_fail(p);
}

static void on_error(void *user, xmlErrorPtr err)
{
	xlsx_sax *p = user;
	cchc_xml_sink *sink = p->sink;
	if (p->failed)
		sink->refused = 1; /* our own stop: what libxml2 says next is noise */
	if (sink->errors < MAX_XML_ERRORS)
		cchc_xml_on_error(sink, err);
}

void xlsx_xml_fail(xlsx_sax *p)
{
	p->failed = 1;
	if (p->ctxt)
		xmlStopParser(p->ctxt);
}

static int feed(void *user, const char *buf, size_t n)
{
	feed_state *f = user;
	xlsx_sax *p = f->p;
	if (!p->ctxt) {
		if (cchc_xml_utf16_or_32(buf, n)) {
			xlsx_report(p->diag, p->x->name, p->x->lang, XM_UTF16, p->part);
			p->failed = 1;
			return 1;
		}
		p->ctxt = xmlCreatePushParserCtxt(f->sax, p, NULL, 0, p->part);
		if (!p->ctxt) {
			xlsx_report(p->diag, p->x->name, p->x->lang, XM_OOM);
			p->failed = 1;
			return 1;
		}
		xmlCtxtUseOptions(p->ctxt, CCHC_XML_PARSE_OPTIONS);
	}
	if (xmlParseChunk(p->ctxt, buf, (int)n, 0) != 0 && p->ctxt->disableSAX)
		return 1;
	return p->failed;
}

int xlsx_xml_parse(xlsx_sax *p, const xlsx_entry *e, xmlSAXHandler *sax)
{
	cchc_diag *scratch = cchc_diag_new();
	if (!scratch) {
		xlsx_report(p->diag, p->x->name, p->x->lang, XM_OOM);
		return -1;
	}
	feed_state f = {.p = p, .sax = sax};
	f.sink = (cchc_xml_sink){.diag = scratch,
	                         .file = p->part,
	                         .prefix = xlsx_msg_text(p->x->lang, XM_XML_PREFIX)};
	p->sink = &f.sink;
	sax->initialized = XML_SAX2_MAGIC;
	sax->internalSubset = on_doctype;
	sax->serror = on_error;
	if (!sax->cdataBlock)
		sax->cdataBlock = sax->characters;
	p->ctxt = NULL;
	p->failed = 0;

	xmlSetGenericErrorFunc(NULL, cchc_xml_on_generic_error);
	int rc = xlsx_zip_read(p->x, e, feed, &f, p->diag);
	if (rc == 0 && !p->failed && p->ctxt && !p->ctxt->disableSAX)
		xmlParseChunk(p->ctxt, NULL, 0, 1);
	xmlSetGenericErrorFunc(NULL, NULL);
	int well_formed = p->ctxt && p->ctxt->wellFormed;
	if (rc < 0)
		p->failed = 1;
	if (!p->failed && (!well_formed || f.sink.errors)) {
		/* libxml2's words, through the engine's sink, then placed in the part */
		for (size_t i = 0; i < cchc_diag_stored(scratch); i++) {
			const cchc_diag_entry *d = cchc_diag_get(scratch, i);
			xlsx_report(p->diag, p->x->name, p->x->lang, XM_NOT_XML, p->part, d->line, d->message);
		}
		if (cchc_diag_stored(scratch) == 0)
			xlsx_report(p->diag, p->x->name, p->x->lang, XM_NOT_XML, p->part, 0L,
			            xlsx_msg_text(p->x->lang, XM_XML_PREFIX));
		p->failed = 1;
	}
	if (p->ctxt) {
		if (p->ctxt->myDoc)
			xmlFreeDoc(p->ctxt->myDoc);
		xmlFreeParserCtxt(p->ctxt);
		p->ctxt = NULL;
	}
	cchc_diag_free(scratch);
	p->sink = NULL;
	return p->failed ? -1 : 0;
}

int xlsx_is(const xmlChar *local, const char *name)
{
	return local && local[0] == (xmlChar)name[0] && strcmp((const char *)local, name) == 0;
}

static const char *copy_value(const xmlChar **a, char *buf, size_t size)
{
	size_t n = (size_t)(a[4] - a[3]);
	if (n >= size)
		n = size - 1;
	memcpy(buf, a[3], n);
	buf[n] = '\0';
	return buf;
}

const char *xlsx_attr(const xmlChar **attrs, int n, const char *local, char *buf, size_t size)
{
	for (int i = 0; i < n; i++) {
		const xmlChar **a = attrs + 5 * i;
		if (!a[2] && xlsx_is(a[0], local))
			return copy_value(a, buf, size);
	}
	return NULL;
}

const char *xlsx_attr_ns(const xmlChar **attrs, int n, const char *local, const char *uri_suffix,
                         char *buf, size_t size)
{
	size_t sl = strlen(uri_suffix);
	for (int i = 0; i < n; i++) {
		const xmlChar **a = attrs + 5 * i;
		size_t ul = a[2] ? strlen((const char *)a[2]) : 0;
		if (ul >= sl && xlsx_is(a[0], local) &&
		    strcmp((const char *)a[2] + ul - sl, uri_suffix) == 0)
			return copy_value(a, buf, size);
	}
	return NULL;
}

void *xlsx_grow(void *arr, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return arr;
	size_t c = *cap ? 2 * *cap : 16;
	if (c > SIZE_MAX / size)
		return NULL;
	void *bigger = realloc(arr, c * size);
	if (bigger)
		*cap = c;
	return bigger;
}
