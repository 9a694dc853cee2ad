/* Helpers shared by the renderers (not public). */
#ifndef CCHC_REPORT_PRIV_H
#define CCHC_REPORT_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/report.h"
#include "json_writer.h"

/* ---- strings.c ---- */

/*
 * Append the template `id` in lang, replacing {0}..{9} with args[i]
 * ("" for a missing or NULL argument); "{{" writes "{".
 */
int cchc_str_fill(cchc_buf *out, cchc_str_id id, cchc_lang lang, const char *const *args,
                  size_t nargs);

/* The word after a count of n agencies: "agency" or "agencies"; "cơ quan". */
const char *cchc_str_agencies(size_t n, cchc_lang lang);

/* The causes a gap analysis words, in the order the plans list them, with
 * their labels (cchc_cause_label's: "Có thực hiện nhưng chậm so với thời gian quy định"). */
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

/* The word for a criterion's trend against last year (up, held, down, new). */
cchc_str_id cchc_trend_word(cchc_trend t);

/* ---- gap_target.c ---- */

/* One sentence of the target-rank section: a string template and its arguments. */
typedef struct cchc_gap_sentence {
	cchc_str_id id;
	const char *args[4];
	size_t nargs;
	char text[4][CCHC_FMT_SIZE];
} cchc_gap_sentence;

typedef struct cchc_gap_sentences {
	cchc_gap_sentence s[8];
	size_t n;
	size_t table_after; /* the chosen criteria's table follows s[table_after]; (size_t)-1: none */
} cchc_gap_sentences;

/* The target-rank section in order: the model assumed, the target's verdict
 * (already there / unreachable / needed + plan + its re-scored result), a note
 * when the search was cut short, the rank with every loss won back. */
void cchc_gap_target_sentences(const cchc_gap *g, cchc_lang L, cchc_gap_sentences *out);

/* ---- rank_json.c ---- */

/* An agency's standing as the JSON contracts spell it: the keys total, max,
 * index, band, gap_top and gap_bottom (cchc-rank/1 and cchc-gap/1 alike). */
void cchc_json_standing(cchc_json *j, const cchc_rank_entry *e);

/* ---- markdown.c ---- */

/* Append s as Markdown text (CommonMark, GFM tables): every mark that could
 * make markup, raw HTML, a link or a table cell is backslash-escaped, line
 * breaks and controls become spaces, and a line-start marker ("- ", "1. ")
 * is escaped too. 0, or -1 when out fails. */
int cchc_md_text(cchc_buf *out, const char *s, size_t len);

/* Data, and the sentences holding it, in a document that is Markdown (md) or
 * text: in Markdown as text (cchc_md_text), never markup; in text cleaned of
 * controls (cchc_utf8_clean). */
int cchc_doc_text(cchc_buf *out, int md, const char *s);

/* A string of the table with its {0}..{9} filled, written as cchc_doc_text does. */
int cchc_doc_fill(cchc_buf *out, int md, cchc_str_id id, cchc_lang lang, const char *const *args,
                  size_t n);

/* ---- csv.c ---- */

/* One text CSV cell (RFC 4180 quoting; NULL is empty), then "," or, last,
 * CRLF. Text beginning with = + - @, a tab or a CR gets a leading ' (OWASP). */
void cchc_csv_field(cchc_buf *out, const char *s, int last);
/* Points with '.' decimals, and a count, as cells. */
void cchc_csv_points(cchc_buf *out, cchc_points p, int last);
void cchc_csv_count(cchc_buf *out, size_t n, int last);

#define CCHC_MAX_GROUP_COLUMNS 256

/* The union of group ids over the ranking's blocks, in order of first
 * appearance (at most CCHC_MAX_GROUP_COLUMNS); titles[i] (when titles is
 * not NULL) is the title the id first came with. Returns how many. */
size_t cchc_rank_group_columns(const cchc_ranking *r, const char **ids, const char **titles);

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

/* The same, each code point escape() returns a replacement for (an entity
 * reference, say) written as that instead; escape may return NULL. */
int cchc_utf8_clean_escaped(cchc_buf *out, const char *s, size_t len,
                            const char *(*escape)(uint32_t cp));

/* ---- counts over the whole score ---- */

/* Leaf counts summed over the groups (the engine gives them per node). */
typedef struct cchc_leaf_counts {
	size_t full, partial, zero;
} cchc_leaf_counts;

void cchc_report_counts(const cchc_score *s, cchc_leaf_counts *out);

#endif
