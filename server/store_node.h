/* One element of the assessment format as the store keeps it: its
 * attributes as strings, exactly as given, and its child elements (an item's
 * <doc>s, a survey's <answer>s). Read from the API's JSON
 * ({"date":"2018-02-12","docs":[{"ref":"…"}]}) or from XML; written back as
 * canonical JSON (stored, compared, shown in the history) or as XML. */
#ifndef CCHC_SERVER_STORE_NODE_H
#define CCHC_SERVER_STORE_NODE_H

#include <stddef.h>

#include "cchc/buf.h"

typedef struct srv_node {
	char *name;            /* element name */
	char **keys, **vals;   /* attributes in the order given */
	size_t nattrs;
	struct srv_node *kids; /* child elements (no grandchildren) */
	size_t nkids;
} srv_node;

/* Parse a JSON object into an element called name. Strings, numbers and
 * booleans become attributes as written; null leaves the attribute out; the
 * arrays "docs" and "answers" of flat objects become <doc>/<answer> children.
 * The keys in skip (NULL-terminated; may be NULL) are ignored.
 * @return 0, or -1 with a message naming the field in err. */
int srv_node_from_json(srv_node *out, const char *name, const char *json, size_t len,
                       const char *const *skip, char *err, size_t errlen);

/* Add an attribute (copied); 0 or -1 out of memory. */
int srv_node_set(srv_node *n, const char *key, const char *val);
/* An attribute's value, or NULL. */
const char *srv_node_get(const srv_node *n, const char *key);
/* Add an empty child element named name; NULL out of memory. */
srv_node *srv_node_add_kid(srv_node *n, const char *name);

/* The canonical JSON: attributes in order, then the children grouped as
 * "docs"/"answers" arrays. */
void srv_node_json(const srv_node *n, cchc_buf *out);
/* The element as XML, indented by indent spaces, the attribute first (may
 * be NULL) written before the others (criterion="…"). */
void srv_node_xml(const srv_node *n, const char *first_key, const char *first_val, int indent,
                  cchc_buf *out);
/* An attribute value escaped for XML (&, <, >, ", tab, CR, LF). */
void srv_xml_escape(cchc_buf *out, const char *s);

/* Free what n holds (not n itself); NULL-safe. */
void srv_node_clear(srv_node *n);

#endif
