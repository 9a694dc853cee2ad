/**
 * @file diag_say.h
 * The engine's diagnostics in the reader's language. The engine records its
 * messages in English (cchc_diag); what they say is about the user's data, so
 * they follow --lang like every report. Each English message is matched
 * against the engine's own format (a value where "%s", "%zu", "%d"… stands)
 * and said again with the same values. A message without a pattern stays
 * English.
 */
#ifndef CCHC_DIAG_SAY_H
#define CCHC_DIAG_SAY_H

#include <stddef.h>

#include "cchc/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One message: the engine's printf format and the same message in Vietnamese.
 * In vi, "%1".."%9" is the n-th value, a number among them with the decimal
 * comma ("8.25" → "8,25") unless its pattern quotes it ("\"%s\"": an id such
 * as "1.1" stays); "%r1" the value as it is; "%m1" the value, itself a message
 * or a part of one ("criterion", a hint), said again through the general table;
 * "%x1" a value not said (an English plural's "s").
 */
typedef struct {
	const char *en;
	const char *vi;
} cchc_diag_phrase;

/** Room enough for any message said again (longer ones are cut). */
#define CCHC_DIAG_SAY_SIZE 2048

/**
 * Say an engine message in lang.
 * @param en   the message as the engine recorded it (cchc_diag_entry.message)
 * @param[out] out receives the message (NUL-terminated, cut to size on a
 *             character boundary)
 * @return 1 when out holds the Vietnamese, 0 when it holds en as it is
 *         (CCHC_LANG_EN, or no pattern matches)
 */
int cchc_diag_say(const char *en, cchc_lang lang, char *out, size_t size);

/**
 * As cchc_diag_say(), for a message after its place ("FILE:LINE: message"):
 * the place stays as it is, the message after the first ": " that starts one
 * is said in lang.
 */
int cchc_diag_say_after(const char *located, cchc_lang lang, char *out, size_t size);

/**
 * As cchc_diag_say() in Vietnamese, but through the caller's own table first
 * (its own words for the same messages, e.g. a workbook's columns); "%m" in
 * it still says values through the general table.
 * @return 1 when a pattern of table matched, else what cchc_diag_say() returns
 */
int cchc_diag_say_with(const cchc_diag_phrase *table, size_t n, const char *en, char *out,
                       size_t size);

/** The general table (every engine message), for tests. */
const cchc_diag_phrase *cchc_diag_vi_table(size_t *n);

/** The parts of messages ("%m" only: words, hints, inner messages), for tests. */
const cchc_diag_phrase *cchc_diag_vi_part_table(size_t *n);

#ifdef __cplusplus
}
#endif

#endif
