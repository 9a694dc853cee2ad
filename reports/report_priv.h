/* Helpers shared by the renderers (not public). */
#ifndef CCHC_REPORT_PRIV_H
#define CCHC_REPORT_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/report.h"

/* ---- strings.c ---- */

/*
 * Append the template `id` in lang, replacing {0}..{9} with args[i]
 * ("" for a missing or NULL argument); "{{" writes "{".
 */
int cchc_str_fill(cchc_buf *out, cchc_str_id id, cchc_lang lang, const char *const *args,
                  size_t nargs);

/* The causes a gap analysis words, in the order the plans list them, with
 * their long labels ("Có thực hiện nhưng chậm so với thời gian quy định"). */
typedef struct {
	cchc_cause cause;
	cchc_str_id label;
} cchc_gap_cause_label;

#define CCHC_GAP_NCAUSES 6
extern const cchc_gap_cause_label cchc_gap_causes[CCHC_GAP_NCAUSES];

/* Indexes into cchc_gap_causes by points lost, most first (ties keep the
 * plan's order): what is worth winning back first. */
void cchc_gap_cause_order(const cchc_gap *gap, size_t order[CCHC_GAP_NCAUSES]);

/* "I", "II", … "XX" for plan areas; "" past XX. */
const char *cchc_roman(size_t i);

/* ---- utf8.c ---- */

/*
 * Decode one code point at s[0..len); *cp receives it, or U+FFFD for an
 * invalid, overlong, surrogate or truncated sequence.
 * @return bytes consumed (1..4; 1 for an invalid byte), 0 when len is 0
 */
size_t cchc_utf8_next(const char *s, size_t len, uint32_t *cp);

/* Display columns of a code point: 0 for combining marks, else 1. */
int cchc_utf8_cp_width(uint32_t cp);

/* Display columns of a UTF-8 string. */
size_t cchc_utf8_width(const char *s, size_t len);

/*
 * The longest prefix of s[0..len) that fits in `cols` columns without
 * cutting a multi-byte sequence or separating a base from its combining
 * marks. *used receives its width (may be NULL). @return its byte length.
 */
size_t cchc_utf8_fit(const char *s, size_t len, size_t cols, size_t *used);

/*
 * Append s[0..len) made safe for a terminal: control characters (C0, DEL,
 * C1: an escape sequence in a title must not reach the terminal) become
 * spaces and invalid bytes U+FFFD.
 */
int cchc_utf8_clean(cchc_buf *out, const char *s, size_t len);

/* ---- counts over the whole score ---- */

/* Leaf counts summed over the groups (the engine gives them per node). */
typedef struct cchc_leaf_counts {
	size_t full, partial, zero;
} cchc_leaf_counts;

void cchc_report_counts(const cchc_score *s, cchc_leaf_counts *out);

#endif
