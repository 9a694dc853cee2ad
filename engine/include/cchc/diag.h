/**
 * @file diag.h
 * Diagnostics: the engine never prints. Every problem it finds in an input is
 * recorded here as (file, line, message), where the message says what is
 * wrong and what to fix. The caller decides how to show them. Most entries
 * are errors (the input is refused); a warning (cchc_diag_addw()) reports
 * something worth a look that does not make the input invalid.
 */
#ifndef CCHC_DIAG_H
#define CCHC_DIAG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How serious an entry is. */
typedef enum {
	CCHC_DIAG_ERROR = 0, /**< the input is invalid */
	CCHC_DIAG_WARNING    /**< worth a look; the input stays valid */
} cchc_diag_severity;

/** One problem. Strings are owned by the list. line is 0 when unknown. */
typedef struct cchc_diag_entry {
	const char *file;
	long line;
	const char *message;
	cchc_diag_severity severity;
} cchc_diag_entry;

/** A list of problems (opaque). */
typedef struct cchc_diag cchc_diag;

/** Most entries kept; further ones are counted but not stored. */
#define CCHC_DIAG_MAX_ENTRIES 200

/** @return a new empty list, or NULL when out of memory. */
cchc_diag *cchc_diag_new(void);

/** Free the list and its entries; NULL is allowed. */
void cchc_diag_free(cchc_diag *diag);

/**
 * Record a problem. printf-style message. Safe to call with diag == NULL
 * (the problem is then dropped). Out of memory is remembered and reported
 * by cchc_diag_count() as one extra entry-less error.
 */
void cchc_diag_addf(cchc_diag *diag, const char *file, long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/**
 * Record a warning: as cchc_diag_addf(), but the entry's severity is
 * CCHC_DIAG_WARNING and cchc_diag_count() does not count it.
 */
void cchc_diag_addw(cchc_diag *diag, const char *file, long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/** Number of errors recorded (including any not stored); warnings are not counted. */
size_t cchc_diag_count(const cchc_diag *diag);

/** Number of warnings recorded (including any not stored). */
size_t cchc_diag_warnings(const cchc_diag *diag);

/** Number of stored entries, errors and warnings in the order recorded (at most
 * CCHC_DIAG_MAX_ENTRIES). */
size_t cchc_diag_stored(const cchc_diag *diag);

/** Entry i (0 <= i < cchc_diag_stored()); owned by the list. */
const cchc_diag_entry *cchc_diag_get(const cchc_diag *diag, size_t i);

/** Forget all entries. */
void cchc_diag_clear(cchc_diag *diag);

#ifdef __cplusplus
}
#endif

#endif
