/* The one hardened XML entry point every loader goes through: no network,
 * no DTD, no entities, size caps, file:line diagnostics, XSD checks. */
#ifndef CCHC_XML_PRIV_H
#define CCHC_XML_PRIV_H

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "cchc/diag.h"

/* Largest input file accepted by the DOM loaders. */
#define CCHC_XML_MAX_FILE ((size_t)256 << 20)

typedef enum { CCHC_SCHEMA_CRITERIA, CCHC_SCHEMA_ASSESSMENT, CCHC_SCHEMA_PLAN } cchc_schema_id;

/* Parse a file (data == NULL) or a memory buffer. Any DOCTYPE is refused.
 * Returns the document, or NULL after recording why in diag. */
xmlDocPtr cchc_xml_parse(const char *path, const char *data, size_t len, cchc_diag *diag);

/* Compile one of the embedded schemas; NULL on failure (a build defect). */
xmlSchemaPtr cchc_xml_schema_load(cchc_schema_id which, cchc_diag *diag);

/* Validate doc; every violation is recorded with file and line. 0 = valid. */
int cchc_xml_validate(xmlSchemaPtr schema, xmlDocPtr doc, const char *name, cchc_diag *diag);

/* The root element, checked for name and namespace; NULL after a diag. */
xmlNodePtr cchc_xml_root(xmlDocPtr doc, const char *ns, const char *name, const char *file,
                         cchc_diag *diag);

/* An attribute's value borrowed from the tree (NULL if absent). */
const char *cchc_xml_attr(xmlNodePtr node, const char *name);

/* Whether node is an element named name. */
int cchc_xml_is(xmlNodePtr node, const char *name);

/* The element's text content, trimmed, malloc'd (NULL when empty). */
char *cchc_xml_text(xmlNodePtr node);

#endif
