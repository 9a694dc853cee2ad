/* The one hardened XML entry point every loader goes through: no network,
 * no DTD, no entities, size caps, file:line diagnostics, XSD checks. */
#ifndef CCHC_XML_PRIV_H
#define CCHC_XML_PRIV_H

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "cchc/diag.h"
#include "sniff_priv.h"
#include "xml_build.h"

/* Largest input file accepted by the DOM loaders. */
#define CCHC_XML_MAX_FILE ((size_t)256 << 20)

/* The options of every parse: NONET never fetches anything; IGNORE_ENC never
 * converts from a declared encoding (cchc_xml_encoding_refusal refuses any
 * but UTF-8 first); never NOENT, DTDLOAD, DTDATTR, XINCLUDE, HUGE or RECOVER. */
#define CCHC_XML_PARSE_OPTIONS                                                               \
	(XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC)

/* Where libxml2's errors go: each becomes one diagnostic "prefix: message"
 * with file and line, namespaces stripped, on one line. */
typedef struct {
	cchc_diag *diag;
	const char *file;   /* name to report when libxml2 gives none */
	const char *prefix; /* what kind of problem this is */
	int errors;
	int refused;        /* parsing was stopped on purpose: later errors are noise */
} cchc_xml_sink;

void cchc_xml_on_error(void *sink, xmlErrorPtr err);
void cchc_xml_on_generic_error(void *user, const char *fmt, ...);

typedef enum { CCHC_SCHEMA_CRITERIA, CCHC_SCHEMA_ASSESSMENT, CCHC_SCHEMA_PLAN } cchc_schema_id;

/* Parse a file (data == NULL) or a memory buffer. Any DOCTYPE is refused, so
 * is a document not in UTF-8 (cchc_xml_not_utf8) or declaring another
 * encoding (cchc_xml_encoding_refusal); line ends are made LF first
 * (cchc_xml_eol). Returns the document, or NULL after recording why in diag. */
xmlDocPtr cchc_xml_parse(const char *path, const char *data, size_t len, cchc_diag *diag);

/* Compile one of the embedded schemas; NULL on failure (a build defect). */
xmlSchemaPtr cchc_xml_schema_load(cchc_schema_id which, cchc_diag *diag);

/* Validate doc; every violation is recorded with file and line. 0 = valid. */
int cchc_xml_validate(xmlSchemaPtr schema, xmlDocPtr doc, const char *name, cchc_diag *diag);

/* The same for one element's subtree (a member of a bundle). */
int cchc_xml_validate_element(xmlSchemaPtr schema, xmlNodePtr el, const char *name,
                              cchc_diag *diag);

/* Why a document is refused from its first bytes for not being UTF-8
 * (UTF-16, UTF-32, EBCDIC), or NULL. */
const char *cchc_xml_not_utf8(const char *data, size_t len);

/* XML end-of-line handling (XML 1.0 section 2.11), done before libxml2 reads
 * the bytes so that its line numbers count a lone CR as a line end too: CR LF
 * and a lone CR become LF. n bytes of in go to out (which may be in: never
 * longer); *after_cr carries a CR ending one piece to the next (0 to begin).
 * Returns the length written. */
size_t cchc_xml_eol(char *out, const char *in, size_t n, int *after_cr);

/* Whether the prolog declares an encoding cchc refuses (anything but UTF-8,
 * ASCII aside); if so the message saying so goes into msg. */
int cchc_xml_encoding_refusal(const cchc_prolog *p, char *msg, size_t size);

/* A byte order mark or a NUL next to the first '<': libxml2 would convert
 * such a file, but cchc's files (and the CLI's sniffing) are UTF-8. */
int cchc_xml_utf16_or_32(const char *data, size_t len);

/* Streams a file (data == NULL) or a buffer through libxml2's push parser,
 * with the same refusals and line ends as cchc_xml_parse: DOCTYPE, not UTF-8,
 * another encoding declared, empty, not a regular file, larger than
 * CCHC_XML_MAX_FILE -- unless its root element is
 * named bundle_root (may be NULL), whose members are capped one by one
 * instead. h gets the root and each member's tree (xml_build.h; its mark is
 * not called). Returns 0 when the document was read to its end (or a
 * handler stopped it) without an error, -1 after a diagnostic. */
int cchc_xml_stream(const char *path, const char *data, size_t len, const char *bundle_root,
                    const cchc_xml_build_handlers *h, void *user, cchc_diag *diag);

/* The root element, checked for name and namespace; NULL after a diag. */
xmlNodePtr cchc_xml_root(xmlDocPtr doc, const char *ns, const char *name, const char *file,
                         cchc_diag *diag);

/* The same for an element found otherwise (a stream's first element); NULL
 * root means the document has none. */
xmlNodePtr cchc_xml_check_root(xmlNodePtr root, const char *ns, const char *name,
                               const char *file, cchc_diag *diag);

/* An attribute's value borrowed from the tree (NULL if absent). */
const char *cchc_xml_attr(xmlNodePtr node, const char *name);

/* Whether node is an element named name. */
int cchc_xml_is(xmlNodePtr node, const char *name);

/* The element's text content, trimmed, malloc'd (NULL when empty). */
char *cchc_xml_text(xmlNodePtr node);

#endif
