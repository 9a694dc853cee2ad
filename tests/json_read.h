/* A small, strict JSON reader for the test suites (RFC 8259), so that tests
 * can read back what the renderers write instead of matching substrings.
 *
 * Strict on purpose: it accepts exactly the grammar of RFC 8259 and refuses
 * trailing commas, leading zeros, "+1", ".5", "1.", NaN/Infinity, single
 * quotes, comments, raw control characters in strings, invalid UTF-8 (also
 * overlong forms and encoded surrogates), lone surrogate escapes, a byte
 * order mark, anything after the value, duplicate keys in one object (legal
 * but never intended from our writers; json_parse_ex() can keep them) and nesting deeper than
 * JSON_READ_MAX_DEPTH. Strings are decoded to UTF-8 (\uXXXX and surrogate
 * pairs included); numbers keep their source text, so that a test can assert
 * the exact form a writer chose ("7.5", not "7.50"), and also give a double.
 *
 * Every value belongs to the tree returned by json_parse(); json_free() frees
 * it all. Accessors take NULL and wrong types quietly (they return NULL, 0 or
 * NAN), so that a chain of look-ups fails once, at the assertion. */
#ifndef CCHC_TEST_JSON_READ_H
#define CCHC_TEST_JSON_READ_H

#include <stddef.h>

#define JSON_READ_MAX_DEPTH 128

typedef enum {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
} json_type;

typedef struct json_value json_value;

/* Parse len bytes of text (no NUL needed). On error returns NULL and writes
 * "line L, column C: what" into err (if errsize > 0). */
json_value *json_parse(const char *text, size_t len, char *err, size_t errsize);

/* Flags of json_parse_ex(). */
enum {
	/* Keep every member of an object even when a key repeats (json_get()
	 * finds the first; json_key_at()/json_member() reach them all). */
	JSON_READ_ALLOW_DUPLICATE_KEYS = 1
};

/* json_parse() with flags (0 is json_parse()). */
json_value *json_parse_ex(const char *text, size_t len, unsigned flags, char *err,
                          size_t errsize);

/* Free a tree returned by json_parse(); NULL is allowed. */
void json_free(json_value *v);

/* The value's type; JSON_NULL for a NULL pointer too (see json_is_null). */
json_type json_type_of(const json_value *v);

/* A JSON null (not a missing value: NULL gives 0). */
int json_is_null(const json_value *v);

/* true → 1, false → 0, anything else → -1. */
int json_bool(const json_value *v);

/* Members of an object or elements of an array; 0 for anything else. */
size_t json_len(const json_value *v);

/* Element i of an array, or NULL. */
const json_value *json_at(const json_value *arr, size_t i);

/* The member named key of an object, or NULL. */
const json_value *json_get(const json_value *obj, const char *key);

/* The key of member i of an object, in document order, or NULL. */
const char *json_key_at(const json_value *obj, size_t i);

/* The value of member i of an object, in document order, or NULL. */
const json_value *json_member(const json_value *obj, size_t i);

/* A string's decoded UTF-8 text (NUL-terminated; it may also hold a NUL from
 * \u0000, see json_str_len), or NULL when v is not a string. */
const char *json_str(const json_value *v);
size_t json_str_len(const json_value *v);

/* A number as a double; NAN when v is not a number. */
double json_num(const json_value *v);

/* A number's source text exactly as written ("7.5", "-0.25", "1e3"), or NULL. */
const char *json_num_text(const json_value *v);

/* Walk a dotted path: object keys and, on arrays, decimal indices.
 * json_path(root, "blocks.0.agencies.3.rank"). An empty path is root itself.
 * NULL when any step is missing (keys holding '.' cannot be reached). */
const json_value *json_path(const json_value *root, const char *path);

#endif
