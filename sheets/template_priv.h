/* The workbook layout shared by the template writer and the importer:
 * sheet names, column headers (Vietnamese and English), the words of the
 * yes/no lists. sheets/README.md documents it for other producers. */
#ifndef CCHC_TEMPLATE_PRIV_H
#define CCHC_TEMPLATE_PRIV_H

#include "cchc/cchc.h"
#include "cchc/report.h"
#include "cchc/workbook.h"

/* The assessment sheet's columns, in the order the template writes them;
 * appraisal rounds go between COL_COMPUTED and COL_FINAL. */
typedef enum {
	COL_ID = 0,
	COL_TITLE,
	COL_MAX,
	COL_RULE,
	COL_MET,
	COL_DATE,
	COL_VALUE,
	COL_COUNT,
	COL_NUM,
	COL_DEN,
	COL_GRADE,
	COL_POINTS,
	COL_NA,
	COL_SELF,
	COL_COMPUTED,
	COL_FINAL,
	COL_DIFF,
	COL_DOCS,
	COL_NOTE,
	COL_EFFMAX,
	COL_COUNT_
} tpl_col;

/* The survey sheet's fixed columns; option count columns follow. */
typedef enum { SCOL_ID = 0, SCOL_TITLE, SCOL_MAX, SCOL_RESP, SCOL_MEAN, SCOL_SD, SCOL_OPTIONS, SCOL_COUNT_ } tpl_scol;

/* A round's three columns. */
typedef enum { RCOL_POINTS = 0, RCOL_BY, RCOL_REASON } tpl_rcol;

typedef struct {
	const char *sheet_assessment, *sheet_survey, *sheet_guide;
	const char *yes, *no;
	const char *cols[COL_COUNT_];
	const char *scols[SCOL_COUNT_];
	const char *round_cols[3]; /* followed by the round number */
	const char *option_col;    /* followed by the option id */
} tpl_words;

const tpl_words *tpl_words_for(int english);

/* The hidden sheet of key/value rows that marks a cchc workbook. */
#define TPL_META_SHEET "cchc"

/* Make the workbook's "cchc" sheet, written hidden, veryHidden (out of Excel's Unhide list):
 * the package at path is rewritten in place. 0, or -1 (no such hidden sheet, or I/O). */
int tpl_very_hide_meta(const char *path);

/* The assessment sheet's header row (1-based) and first data row. */
#define TPL_HEADER_ROW 4
#define TPL_SURVEY_HEADER_ROW 3

/* Whether a leaf's kind reads an input column (met, N/A, self, documents and
 * note: every kind; scale leaves read the survey sheet instead). */
int tpl_reads(const cchc_node *leaf, tpl_col c);

/* The rule in words, as the "cách chấm" column shows it. */
int tpl_rule_words(cchc_buf *out, const cchc_node *leaf, int english);

/* Append s escaped for an XML attribute value (&, <, ", and line breaks kept). */
int tpl_xml_attr(cchc_buf *out, const char *s);

/* A document as one line of the docs cell: "ref", or "ref | file". */
int tpl_doc_line(cchc_buf *out, const cchc_doc *doc);

#endif
