/* A small streaming JSON writer over a cchc_buf (private to reports/).
 * Commas and indentation are handled here; callers only say what comes next.
 * Errors are sticky in the buffer (buf->failed). */
#ifndef CCHC_JSON_WRITER_H
#define CCHC_JSON_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/buf.h"
#include "cchc/points.h"

typedef struct cchc_json {
	cchc_buf *out;
	int depth;     /* open containers */
	int has_items; /* the innermost container already holds a value */
	int after_key; /* a key was written; its value comes next */
	int pretty;    /* newlines and two-space indentation */
} cchc_json;

void cchc_json_init(cchc_json *j, cchc_buf *out, int pretty);

void cchc_json_object_begin(cchc_json *j);
void cchc_json_object_end(cchc_json *j);
void cchc_json_array_begin(cchc_json *j);
void cchc_json_array_end(cchc_json *j);

/* An object key; the next call writes its value. */
void cchc_json_key(cchc_json *j, const char *key);

/* A string, escaped; invalid UTF-8 becomes U+FFFD. NULL writes null. */
void cchc_json_string(cchc_json *j, const char *s);
void cchc_json_string_len(cchc_json *j, const char *s, size_t len);
void cchc_json_int(cchc_json *j, int64_t v);
/* Hundredths as an exact JSON number: 825 → 8.25, 7000 → 70, -25 → -0.25. */
void cchc_json_hundredths(cchc_json *j, int64_t v);
/* Millionths (a cchc_decimal) as an exact JSON number: 3850000 → 3.85. */
void cchc_json_decimal(cchc_json *j, int64_t v);
/* A statistic (display only): at most 4 decimals, trailing zeros dropped; not finite → null. */
void cchc_json_stat(cchc_json *j, double v);
void cchc_json_bool(cchc_json *j, int v);
void cchc_json_null(cchc_json *j);

/* End the document (a final newline when pretty). @return 0, or -1 if the buffer failed. */
int cchc_json_finish(cchc_json *j);

#endif
