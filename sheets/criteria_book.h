/* The criteria-set workbook (`cchc template --criteria`, kind criteria): its
 * sheets, columns and words, shared by the writer (criteria_book.c) and the
 * reader (criteria_import.c). sheets/README.md documents the layout. */
#ifndef CCHC_CRITERIA_BOOK_H
#define CCHC_CRITERIA_BOOK_H

#include <stddef.h>

/* What a cell holds. */
typedef enum {
	CB_TEXT,    /* any text (titles, labels, remedies) */
	CB_ID,      /* an id, kept as text */
	CB_POINTS,  /* a number with at most 2 decimals, may be negative */
	CB_DECIMAL, /* a number with at most 6 decimals, may be negative */
	CB_COUNT,   /* a whole number >= 0 */
	CB_DATE,    /* a date: a serial, or 31/01/2019 typed as text */
	CB_ENUM,    /* one of the column's words */
	CB_BOOL     /* Có/Không: true/false */
} cb_type;

/* The element a tree-sheet column's attribute lives on. */
typedef enum {
	CB_ON_NODE,   /* group or criterion */
	CB_ON_GROUP,  /* group only */
	CB_ON_CRIT,   /* criterion only */
	CB_ON_RULE,   /* the leaf's <rule> */
	CB_ON_CHILD,  /* a rule's <tier>, <grade> or <option> row */
	CB_ON_REMEDY, /* the criterion's <remedy> */
	CB_ON_LEVEL   /* the level column itself */
} cb_on;

/* The tree sheet's columns, in the order the template writes them. */
typedef enum {
	CB_LEVEL = 0, CB_NODE_ID, CB_TITLE, CB_MAX, CB_MIN, CB_KIND, CB_SOURCE, CB_AREA, CB_NA, CB_DOCS,
	CB_EFFORT, CB_VERB, CB_RULE, CB_UNIT, CB_BETTER, CB_FROM, CB_TO, CB_STEP, CB_PER_ITEM, CB_DUE,
	CB_LATE, CB_GRACE_DAYS, CB_GRACE_POINTS, CB_IF_NONE, CB_BOUND, CB_TIER_POINTS, CB_SHARE,
	CB_REMEDY, CB_TASK, CB_OWNER, CB_SUPPORT, CB_WHEN, CB_NCOLS
} cb_col;

typedef struct {
	const char *attr;          /* the XML attribute ("" for the level, the text for a remedy) */
	cb_type type;
	cb_on on;
	const char *const *words;  /* CB_ENUM: the accepted values, NULL-terminated */
	const char *vi, *en;       /* header */
	const char *help_vi, *help_en; /* what it means, for the guide */
	double width;
} cb_column;

extern const cb_column cb_columns[CB_NCOLS];

/* The set sheet's keys (column A), in the order written: attributes of
 * <criteria-set>, then self-check's, then one "band" row per band. */
typedef enum {
	CB_SET_ID = 0, CB_SET_YEAR, CB_SET_TITLE, CB_SET_MAX, CB_SET_BLOCK, CB_SET_NA, CB_SET_NO_SURVEY,
	CB_SET_DOCS, CB_SET_TOLERANCE, CB_SET_PENALTY, CB_SET_BAND, CB_SET_NKEYS
} cb_set_key;

typedef struct {
	const char *key;  /* column A */
	const char *attr; /* the XML attribute (on <criteria-set>, <self-check> or <band>) */
	cb_type type;
	const char *const *words;
	const char *help_vi, *help_en;
} cb_set_row;

extern const cb_set_row cb_set_rows[CB_SET_NKEYS];

/* Row words of the level column for a rule's children (Vietnamese, English). */
#define CB_TIER_VI "Mức"
#define CB_TIER_EN "Tier"
#define CB_GRADE_VI "Xếp loại"
#define CB_GRADE_EN "Grade"
#define CB_OPTION_VI "Phương án"
#define CB_OPTION_EN "Option"

/* Sheet names; the reader finds them through the "cchc" sheet's keys
 * sheet.set and sheet.tree, else by these names. */
#define CB_SHEET_SET_VI "Bộ tiêu chí"
#define CB_SHEET_SET_EN "Criteria set"
#define CB_SHEET_TREE_VI "Cây tiêu chí"
#define CB_SHEET_TREE_EN "Criteria"
#define CB_SHEET_GUIDE_VI "Hướng dẫn"
#define CB_SHEET_GUIDE_EN "Guide"

/* Header rows (1-based): the set sheet's and the tree sheet's. */
#define CB_SET_HEADER_ROW 3
#define CB_TREE_HEADER_ROW 3

/* Criteria nest at most this deep below their group (criteria/README.md). */
#define CB_MAX_LEVEL 17

/* The criteria loader's English message in Vietnamese, in the workbook's words
 * (criteria_import_msg.c): 0, or -1 when it has no translation. */
int cb_translate(const char *en, char *out, size_t size);

#endif
