/**
 * @file formula.h
 * Spreadsheet formulas of the scoring rules: for a leaf and the cells that
 * hold its evidence, the Excel expression that computes the points its rule
 * gives, exactly as cchc_score_compute() does (integer hundredths, rounded
 * down to the step). One writer per rule kind sits beside its scoring
 * function in the rule table, so a kind cannot lack its formula.
 *
 * Pure string generation: no I/O. The self-assessment workbook
 * (`cchc template`) is its user.
 */
#ifndef CCHC_FORMULA_H
#define CCHC_FORMULA_H

#include "cchc/buf.h"
#include "cchc/criteria.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Where one leaf's evidence sits, as A1 references ("$F$12",
 * "'Điều tra XHH'!$D$5"). A reference the leaf's kind does not read may be
 * NULL. Cells hold typed values: numbers, dates as serials, the yes/no words
 * and grade labels as text.
 */
typedef struct cchc_formula_cells {
	const char *met;         /**< yes / no (every kind: "no" means not done) */
	const char *value;       /**< tiers, linear */
	const char *count;       /**< per-item */
	const char *date;        /**< deadline (a date serial, 1900 system) */
	const char *numerator, *denominator; /**< ratio */
	const char *grade;       /**< grade: one of the rule's labels */
	const char *points;      /**< judged, and penalty criteria judged by the council */
	const char *respondents, *mean; /**< scale, from a mean */
	const char *const *answers;     /**< scale: counts aligned with the rule's options */
	const char *yes, *no;    /**< the words the met cell holds ("Có", "Không") */
} cchc_formula_cells;

/**
 * Append the expression (without a leading '=') of the points, in
 * hundredths, the leaf's rule gives for the evidence in cells: 0 while the
 * evidence is blank or the met cell says no. N/A, missing surveys, documents
 * and appraisal rounds are the caller's (as in cchc_score_compute()).
 * @return 0, or -1 when buf failed
 */
int cchc_formula_rule(cchc_buf *out, const cchc_node *leaf, const cchc_formula_cells *cells);

/** Append s as an Excel string literal ("" doubles quotes). */
int cchc_formula_string(cchc_buf *out, const char *s);

#ifdef __cplusplus
}
#endif

#endif
