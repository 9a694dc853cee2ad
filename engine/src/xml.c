/* Hardened XML parsing and schema validation (see xml_priv.h). */
#define _POSIX_C_SOURCE 200809L
#include "xml_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "util_priv.h"

extern const unsigned char cchc_schema_criteria[];
extern const size_t cchc_schema_criteria_len;
extern const unsigned char cchc_schema_assessment[];
extern const size_t cchc_schema_assessment_len;
extern const unsigned char cchc_schema_plan[];
extern const size_t cchc_schema_plan_len;

/* libxml2 names elements "{urn:cchc:…}item"; users wrote "item". */
static void strip_namespaces(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		if (r[0] == '{' && strncmp(r + 1, "urn:cchc:", 9) == 0) {
			char *close = strchr(r, '}');
			if (close) {
				r = close + 1;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = '\0';
	while (w > s && (w[-1] == '\n' || w[-1] == ' '))
		*--w = '\0';
	/* one diagnostic, one line: libxml2 puts "Bytes: 0xFF …" on a second one */
	for (char *r = s; *r; r++)
		if (*r == '\n')
			*r = ' ';
}

/* libxml2's limits on one piece of a document (without XML_PARSE_HUGE, which
 * cchc leaves off), by the words of its error: say what is too long. */
static const struct {
	const char *libxml2;
	const char *what;
	const char *limit;
} too_long[] = {
	{"AttValue length too long", "an attribute value here", "10 000 000 bytes"},
	{"Comment too big found", "a comment here", "10 000 000 bytes"},
	{"CData section too big found", "a CDATA section here", "10 000 000 bytes"},
	{"too big found", "a processing instruction here", "10 000 000 bytes"},
	{"huge text node", "a text here", "10 000 000 bytes"},
	{"Name too long", "a name here", "50 000 bytes"},
	/* the parser holds more than this unparsed; it notices late in a CDATA section */
	{"Huge input lookup",
	 "a start tag (its attributes together), a CDATA section or other markup at or before this "
	 "line",
	 "10 000 000 bytes"},
};

_Static_assert(XML_MAX_TEXT_LENGTH == 10000000 && XML_MAX_LOOKUP_LIMIT == 10000000 &&
                   XML_MAX_NAME_LENGTH == 50000,
               "too_long[] names libxml2's limits");

/* The message for one of those limits, or 0; later errors are its echoes. */
static int report_too_long(cchc_xml_sink *sink, const xmlError *err)
{
	for (size_t i = 0; i < sizeof too_long / sizeof too_long[0]; i++) {
		if (!err->message || !strstr(err->message, too_long[i].libxml2))
			continue;
		cchc_diag_addf(sink->diag, err->file ? err->file : sink->file, err->line,
		               "%s is longer than %s, the most cchc reads in one piece: shorten it",
		               too_long[i].what, too_long[i].limit);
		sink->errors++;
		sink->refused = 1;
		return 1;
	}
	return 0;
}

void cchc_xml_on_error(void *user, xmlErrorPtr err)
{
	cchc_xml_sink *sink = user;
	if (!err || err->level == XML_ERR_WARNING || sink->refused)
		return;
	if (err->domain == XML_FROM_PARSER && report_too_long(sink, err))
		return;
	char msg[1024];
	int n = snprintf(msg, sizeof msg, "%s", err->message ? err->message : "unknown XML error");
	if (n >= (int)sizeof msg) {
		/* a schema error quoting a huge value: cut on a UTF-8 character boundary */
		size_t end = sizeof msg - sizeof "…";
		while (end > 0 && ((unsigned char)msg[end] & 0xC0) == 0x80)
			end--;
		memcpy(msg + end, "…", sizeof "…");
	}
	strip_namespaces(msg);
	/* libxml2 advises an option that cchc leaves off on purpose */
	char *huge = strstr(msg, " use XML_PARSE_HUGE option");
	if (huge)
		snprintf(huge, sizeof msg - (size_t)(huge - msg), " levels of elements at most");
	sink->errors++;
	/* past line 65 535 libxml2 guesses a node's line; cchc_xml_line knows it */
	long line = err->line;
	if (err->node && line >= 65535)
		line = cchc_xml_line(err->node);
	cchc_diag_addf(sink->diag, err->file ? err->file : sink->file, line, "%s: %s",
	               sink->prefix, msg);
}

void cchc_xml_on_generic_error(void *user, const char *fmt, ...)
{
	(void)user;
	(void)fmt; /* everything useful arrives through the structured handler */
}

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	cchc_xml_sink *sink = ctxt->_private;
	(void)name;
	(void)ext;
	(void)sys;
	cchc_diag_addf(sink->diag, sink->file, ctxt->input ? ctxt->input->line : 0,
	               "a <!DOCTYPE> is not allowed (DTDs and entities are refused for safety): "
	               "remove it");
	sink->errors++;
	sink->refused = 1;
	xmlStopParser(ctxt);
}

/* Read a whole regular file, refusing oversized ones before any parsing. */
static char *read_file(const char *path, size_t *len, cchc_diag *diag)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
	if (!f) {
		cchc_diag_addf(diag, path, 0, "cannot open the file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct stat st;
	char *data = NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		cchc_diag_addf(diag, path, 0, "not a regular file: give the path of an XML file");
		goto done;
	}
	if ((unsigned long long)st.st_size > CCHC_XML_MAX_FILE) {
		cchc_diag_addf(diag, path, 0,
		               "the file is %lld bytes, more than the %zu MiB limit: split it into "
		               "smaller files",
		               (long long)st.st_size, CCHC_XML_MAX_FILE >> 20);
		goto done;
	}
	size_t size = (size_t)st.st_size;
	data = malloc(size + 1);
	if (!data) {
		cchc_diag_addf(diag, path, 0, "out of memory reading the file");
		goto done;
	}
	if (fread(data, 1, size, f) != size) {
		cchc_diag_addf(diag, path, 0, "cannot read the file: %s", strerror(errno));
		free(data);
		data = NULL;
		goto done;
	}
	data[size] = '\0';
	*len = size;
done:
	fclose(f);
	return data;
}

/* A byte order mark or a NUL next to the first '<': libxml2 would convert
 * such a file, but cchc's files (and the CLI's sniffing) are UTF-8. */
int cchc_xml_utf16_or_32(const char *data, size_t len)
{
	const unsigned char *b = (const unsigned char *)data;
	return len >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) ||
	                    (b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0) ||
	                    (b[0] == 0 && b[1] == 0));
}

const char *cchc_xml_not_utf8(const char *data, size_t len)
{
	if (cchc_xml_utf16_or_32(data, len))
		return "the file is in UTF-16 or UTF-32, but cchc reads UTF-8 only: save it as UTF-8";
	/* "<?xm" in EBCDIC, which libxml2 recognises and converts whatever it is told */
	if (len >= 4 && memcmp(data, "\x4C\x6F\xA7\x94", 4) == 0)
		return "the file is in EBCDIC, but cchc reads UTF-8 only: save it as UTF-8";
	return NULL;
}

size_t cchc_xml_eol(char *out, const char *in, size_t n, int *after_cr)
{
	/* most pieces hold no CR at all: find the first fast */
	const char *cr = *after_cr && n ? in : memchr(in, '\r', n);
	size_t w = cr ? (size_t)(cr - in) : n;
	if (out != in)
		memmove(out, in, w);
	if (!cr)
		return n;
	int after = *after_cr;
	for (size_t r = w; r < n; r++) {
		char c = in[r];
		if (c == '\n' && after) {
			after = 0; /* the LF of a CR LF: the CR already ended the line */
			continue;
		}
		after = c == '\r';
		out[w++] = after ? '\n' : c;
	}
	*after_cr = after;
	return w;
}

int cchc_xml_encoding_refusal(const cchc_prolog *p, char *msg, size_t size)
{
	if (!cchc_prolog_encoding_refused(p))
		return 0;
	snprintf(msg, size,
	         "the file declares encoding=\"%s%s\", but cchc reads UTF-8 only: save it as UTF-8 "
	         "(and declare encoding=\"UTF-8\")",
	         p->encoding, p->encoding_len > CCHC_PROLOG_ENCODING_MAX ? "…" : "");
	return 1;
}

xmlDocPtr cchc_xml_parse(const char *path, const char *data, size_t len, cchc_diag *diag)
{
	char *owned = NULL;
	xmlDocPtr doc = NULL;
	cchc_xml_sink sink = {diag, path, "not well-formed XML", 0, 0};

	if (!data) {
		owned = read_file(path, &len, diag);
		if (!owned)
			return NULL;
		data = owned;
	}
	if (len == 0) {
		cchc_diag_addf(diag, path, 0, "the file is empty: it must hold an XML document");
		goto done;
	}
	if (cchc_xml_not_utf8(data, len)) {
		cchc_diag_addf(diag, path, 0, "%s", cchc_xml_not_utf8(data, len));
		goto done;
	}
	if (len > CCHC_XML_MAX_FILE || len > (size_t)0x7fffffff) {
		cchc_diag_addf(diag, path, 0, "the document is larger than the %zu MiB limit",
		               CCHC_XML_MAX_FILE >> 20);
		goto done;
	}
	cchc_prolog prolog;
	cchc_prolog_init(&prolog, 1);
	cchc_prolog_scan(&prolog, data, len);
	char msg[200];
	if (cchc_xml_encoding_refusal(&prolog, msg, sizeof msg)) {
		cchc_diag_addf(diag, path, prolog.encoding_line, "%s", msg);
		goto done;
	}
	if (memchr(data, '\r', len)) {
		/* line ends made LF, in place in a file read here, else in a copy */
		char *out = owned ? owned : malloc(len + 1);
		if (!out) {
			cchc_diag_addf(diag, path, 0, "out of memory reading the file");
			goto done;
		}
		int after_cr = 0;
		len = cchc_xml_eol(out, data, len, &after_cr);
		data = owned = out;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		cchc_diag_addf(diag, path, 0, "out of memory creating the XML parser");
		goto done;
	}
	ctxt->_private = &sink;
	ctxt->sax->internalSubset = refuse_doctype;
	xmlSetStructuredErrorFunc(&sink, cchc_xml_on_error);
	xmlSetGenericErrorFunc(NULL, cchc_xml_on_generic_error);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, CCHC_XML_PARSE_OPTIONS);
	int ok = doc && ctxt->wellFormed && !sink.refused;
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	if (!ok || doc->intSubset || doc->extSubset) {
		if (sink.errors == 0)
			cchc_diag_addf(diag, path, 0, "not well-formed XML");
		xmlFreeDoc(doc);
		doc = NULL;
	}
done:
	free(owned);
	return doc;
}

xmlSchemaPtr cchc_xml_schema_load(cchc_schema_id which, cchc_diag *diag)
{
	const struct {
		const unsigned char *xsd;
		size_t len;
		const char *name;
	} schemas[] = {
		[CCHC_SCHEMA_CRITERIA] = {cchc_schema_criteria, cchc_schema_criteria_len, "criteria.xsd"},
		[CCHC_SCHEMA_ASSESSMENT] = {cchc_schema_assessment, cchc_schema_assessment_len,
		                            "assessment.xsd"},
		[CCHC_SCHEMA_PLAN] = {cchc_schema_plan, cchc_schema_plan_len, "plan.xsd"},
	};
	const char *xsd = (const char *)schemas[which].xsd;
	size_t len = schemas[which].len;
	const char *name = schemas[which].name;
	cchc_xml_sink sink = {diag, name, "internal schema error", 0, 0};

	xmlSetStructuredErrorFunc(&sink, cchc_xml_on_error);
	xmlSetGenericErrorFunc(NULL, cchc_xml_on_generic_error);
	xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)len);
	xmlSchemaPtr schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
	xmlSchemaFreeParserCtxt(pctxt);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (!schema && sink.errors == 0)
		cchc_diag_addf(diag, name, 0, "cannot compile the built-in schema");
	return schema;
}

/* Validates a whole document (doc) or one element of it (el). */
static int validate(xmlSchemaPtr schema, xmlDocPtr doc, xmlNodePtr el, const char *name,
                    cchc_diag *diag)
{
	cchc_xml_sink sink = {diag, name, "does not match the schema", 0, 0};
	xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt) {
		cchc_diag_addf(diag, name, 0, "out of memory validating");
		return -1;
	}
	xmlSchemaSetValidStructuredErrors(vctxt, cchc_xml_on_error, &sink);
	int rc = doc ? xmlSchemaValidateDoc(vctxt, doc) : xmlSchemaValidateOneElement(vctxt, el);
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc != 0 && sink.errors == 0)
		cchc_diag_addf(diag, name, doc ? 0 : cchc_xml_line(el), "does not match the schema");
	return rc == 0 ? 0 : -1;
}

int cchc_xml_validate(xmlSchemaPtr schema, xmlDocPtr doc, const char *name, cchc_diag *diag)
{
	return validate(schema, doc, NULL, name, diag);
}

int cchc_xml_validate_element(xmlSchemaPtr schema, xmlNodePtr el, const char *name,
                              cchc_diag *diag)
{
	return validate(schema, NULL, el, name, diag);
}

xmlNodePtr cchc_xml_root(xmlDocPtr doc, const char *ns, const char *name, const char *file,
                         cchc_diag *diag)
{
	return cchc_xml_check_root(xmlDocGetRootElement(doc), ns, name, file, diag);
}

xmlNodePtr cchc_xml_check_root(xmlNodePtr root, const char *ns, const char *name,
                               const char *file, cchc_diag *diag)
{
	if (!root) {
		cchc_diag_addf(diag, file, 0, "no root element: expected <%s>", name);
		return NULL;
	}
	if (!cchc_xml_is(root, name) || !root->ns || strcmp((const char *)root->ns->href, ns) != 0) {
		cchc_diag_addf(diag, file, cchc_xml_line(root),
		               "the root element is <%s>%s%s%s: expected <%s xmlns=\"%s\">",
		               (const char *)root->name, root->ns ? " in namespace \"" : " with no namespace",
		               root->ns ? (const char *)root->ns->href : "", root->ns ? "\"" : "", name, ns);
		return NULL;
	}
	return root;
}

int cchc_xml_is(xmlNodePtr node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && node->name[0] == (xmlChar)name[0] &&
	       strcmp((const char *)node->name, name) == 0;
}

const char *cchc_xml_attr(xmlNodePtr node, const char *name)
{
	for (xmlAttrPtr a = node->properties; a; a = a->next) {
		/* the first byte rejects most names before strcmp */
		if (a->ns || a->name[0] != (xmlChar)name[0] || strcmp((const char *)a->name, name) != 0)
			continue;
		xmlNodePtr t = a->children;
		if (!t)
			return "";
		if (t->type == XML_TEXT_NODE && !t->next)
			return (const char *)t->content;
		/* Rare (character references split the value): fold it into one text node. */
		xmlChar *v = xmlNodeListGetString(node->doc, a->children, 1);
		xmlSetProp(node, a->name, v ? v : (const xmlChar *)"");
		xmlFree(v);
		return cchc_xml_attr(node, name);
	}
	return NULL;
}

char *cchc_xml_text(xmlNodePtr node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	if (!raw)
		return NULL;
	const char *s = (const char *)raw;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	char *out = NULL;
	if (n) {
		out = malloc(n + 1);
		if (out) {
			memcpy(out, s, n);
			out[n] = '\0';
		}
	}
	xmlFree(raw);
	return out;
}
