/**
 * @file report_bundle.h
 * The report bundle: every file `cchc report` writes into its folder, and
 * `cchc serve` hands out as one zip (GET /api/years/{y}/report.zip):
 *
 *   index.html     the page: ranking, charts and, with a gap, its analysis
 *   ranking.csv    one row per agency (UTF-8 with a byte order mark)
 *   criteria.csv   one row per agency and criterion; with more rows than a
 *                  spreadsheet opens, criteria-<block>.csv (and -2, -3, …)
 *   gap.md         with a gap: the analysis in Markdown
 *   report.json    all of it as data (cchc-report/1)
 *   ranking.xlsx   the workbook
 *   bao-cao.docx   the province's report
 *   ke-hoach.docx  with a gap: the agency's plan
 *
 * in that order. The bundle only renders: where the files go is the sink's
 * business (a folder written whole or not at all, a zip).
 */
#ifndef CCHC_REPORT_BUNDLE_H
#define CCHC_REPORT_BUNDLE_H

#include <stddef.h>

#include "cchc/docx.h"
#include "cchc/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where the bundle's files go. */
typedef struct cchc_bundle_sink {
	/** Take a rendered file whole (name: no slashes). 0, or -1 when the sink
	 *  could not (it has said why itself). */
	int (*put)(void *ctx, const char *name, const char *data, size_t len);
	/** Where a writer that writes its file by name (the workbook, the Word
	 *  documents) writes name; NULL when the sink has no room for it. */
	const char *(*path)(void *ctx, const char *name);
	/** Told before each step ("index.html"); may be NULL. */
	void (*progress)(void *ctx, const char *what);
	void *ctx;
} cchc_bundle_sink;

/** What goes into the bundle. */
typedef struct cchc_bundle_input {
	const cchc_ranking *ranking;
	const cchc_gap *gap;        /**< NULL: no analysis (no gap.md, no ke-hoach.docx) */
	const cchc_robust *robust;  /**< NULL: no rank-uncertainty section */
	cchc_report_options ro;     /**< language, title, evidence links */
	int csv_vi;                 /**< the CSV files in the vi dialect (';' and decimal comma) */
	const cchc_docx_info *info; /**< bao-cao.docx's header values; NULL: blanks */
} cchc_bundle_input;

/** Why a bundle was not made. */
typedef enum {
	CCHC_BUNDLE_OK = 0,
	CCHC_BUNDLE_RENDER, /**< a file could not be rendered: see buf_failed */
	CCHC_BUNDLE_WRITE,  /**< a writer could not write its file: see write_rc, err */
	CCHC_BUNDLE_SINK    /**< the sink refused a file (it has said why) */
} cchc_bundle_fault;

/** Which file failed, and how. */
typedef struct cchc_bundle_failure {
	cchc_bundle_fault fault;
	char file[96];  /**< the file's name in the bundle */
	int buf_failed; /**< RENDER: the buffer's failed (CCHC_BUF_NO_MEMORY, CCHC_BUF_OVER_CAP) */
	int write_rc;   /**< WRITE: the writer's result (cchc_write_atomic's) */
	int err;        /**< WRITE: the errno it left */
} cchc_bundle_failure;

/**
 * Render every file of the bundle into the sink, in the order above.
 * @param[out] why set on failure (may be NULL)
 * @return 0, or -1 at the first file that failed (files before it may have
 *         reached the sink: the sink throws them away)
 */
int cchc_report_bundle(const cchc_bundle_input *in, const cchc_bundle_sink *sink,
                       cchc_bundle_failure *why);

/**
 * Put the ranking's blocks in the order of sets (the province's order: the
 * order its criteria sets were given in), not the order their first agency
 * happened to be read in; blocks of sets not listed keep their order after
 * them. The report bundle's pages and documents follow it.
 */
void cchc_bundle_order_blocks(cchc_ranking *r, const cchc_criteria *const *sets, size_t nsets);

/**
 * report.json: the ranking, the gap (or null) and the rank uncertainty (or
 * null) side by side in one object, "schema": "cchc-report/1".
 * @return 0, or -1 (out->failed set, or a part failed)
 */
int cchc_render_report_json(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                            const cchc_robust *robust, cchc_lang lang);

/** One file of a zip. */
typedef struct cchc_zip_entry {
	const char *name; /**< its path in the zip ("folder/index.html") */
	const void *data;
	size_t len;
} cchc_zip_entry;

/**
 * Zip the entries to the file at path, deflated, in the order given, every
 * entry dated SOURCE_DATE_EPOCH (else 2000-01-01 00:00) with fixed
 * attributes: the same entries give the same bytes. Writes path directly:
 * give a private temporary path (cchc_write_atomic does for its writers).
 * @return 0, or -1 (errno set)
 */
int cchc_zip_write(const char *path, const cchc_zip_entry *entries, size_t n);

#ifdef __cplusplus
}
#endif

#endif
