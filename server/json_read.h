/* A small strict JSON reader for request bodies (RFC 8259).
 *
 * It refuses what a well-behaved client never sends: trailing commas, leading
 * zeros, NaN, comments, raw control characters in strings, invalid UTF-8
 * (overlong forms and encoded surrogates too), lone surrogate escapes, \u0000,
 * a byte order mark, anything after the value, duplicate keys in one object,
 * nesting deeper than SRV_JSON_MAX_DEPTH, more than SRV_JSON_MAX_NODES
 * values and more than SRV_JSON_MAX_MEMBERS in one object or array (which
 * keeps the duplicate-key check cheap). Strings are decoded to UTF-8;
 * numbers keep their source text (the server never does arithmetic on
 * points: it passes "0.25" on as written).
 *
 * The caller caps the body's size before parsing. Errors say where, as
 * "byte N: what" (N counted from 0). */
#ifndef CCHC_SRV_JSON_READ_H
#define CCHC_SRV_JSON_READ_H

#include <stddef.h>

#define SRV_JSON_MAX_DEPTH 32
#define SRV_JSON_MAX_NODES 65536
#define SRV_JSON_MAX_MEMBERS 4096

typedef enum {
	SRV_JSON_NULL,
	SRV_JSON_FALSE,
	SRV_JSON_TRUE,
	SRV_JSON_NUMBER,
	SRV_JSON_STRING,
	SRV_JSON_ARRAY,
	SRV_JSON_OBJECT
} srv_json_type;

/* One value. text: a string's UTF-8 (NUL-terminated, no NUL inside) or a
 * number's source text; n members (keys[i] → items[i]) or elements. */
typedef struct srv_json {
	srv_json_type type;
	char *text;
	size_t len;
	size_t n;
	char **keys;
	struct srv_json **items;
} srv_json;

/* Parse len bytes (no NUL needed) into *out (freed with srv_json_free).
 * 0, or -1 with "byte N: what" in err (and *out NULL). */
int srv_json_parse(srv_json **out, const char *text, size_t len, char *err, size_t errlen);

/* Free a tree; NULL is allowed. */
void srv_json_free(srv_json *v);

/* The member key of an object, or NULL (also when obj is not an object). */
const srv_json *srv_json_get(const srv_json *obj, const char *key);

/* A string's text, or NULL when v is not a string. */
const char *srv_json_str(const srv_json *v);

#endif
