/* The Excel workbook (not public): the writer's state, shared formats and
 * cell helpers (xlsx.c), and one function per sheet (xlsx_*.c). */
#ifndef CCHC_XLSX_PRIV_H
#define CCHC_XLSX_PRIV_H

#include <stddef.h>
#include <xlsxwriter.h>

#include "report_priv.h"

/* Longest text written to a cell, in bytes (Excel's limit is 32767 characters). */
#define CCHC_XLSX_TEXT_MAX 32000

typedef struct cchc_xlsx {
	lxw_workbook *wb;
	const cchc_ranking *r;
	const cchc_gap *gap;
	cchc_lang L;
	const char *report_title; /* the report's own title, on every printed page; NULL: none */
	int failed;     /* a write failed: the workbook must not be kept */
	cchc_buf text;  /* scratch for cleaned cell text */
	/* formats: table cells have thin borders, "pts" are points ("0.00") */
	lxw_format *head;      /* bold, wrapped, centred, shaded */
	lxw_format *head_small; /* criterion titles above the detail columns */
	lxw_format *title;     /* a sheet's title line */
	lxw_format *bold;      /* a label outside tables */
	lxw_format *cell;      /* text */
	lxw_format *wrap;      /* wrapped text */
	lxw_format *centre;    /* short codes (TT, ranks as text) */
	lxw_format *count;     /* whole numbers */
	lxw_format *pts;       /* points */
	lxw_format *pts_signed; /* "+1.25", "-4.50" */
	lxw_format *pct;       /* a share as a percentage ("0.00%") */
	lxw_format *group;     /* a group's row: bold text */
	lxw_format *group_pts;
	lxw_format *group_count;
	lxw_format *group_pct;
	lxw_format *mark;      /* a target-rank task: shaded wrapped text */
	lxw_format *mark_centre;
	lxw_format *mark_pts;
	lxw_format *indent[4]; /* criterion titles by depth (1..4) */
} cchc_xlsx;

/* Note a libxlsxwriter result; any error fails the whole workbook. */
void cchc_xlsx_check(cchc_xlsx *x, lxw_error e);

/*
 * A new sheet. The name is cut to Excel's 31 characters with the characters
 * Excel refuses replaced; a name already taken gets " 2", " 3", … instead.
 * NULL (and x->failed) when the workbook refused it.
 */
lxw_worksheet *cchc_xlsx_sheet(cchc_xlsx *x, const char *name);

/* Text made safe for a cell: valid UTF-8, no control characters but \n. */
void cchc_xlsx_str(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                   lxw_format *f);

/* A note on a cell (shown on hover), cleaned as cell text. */
void cchc_xlsx_comment(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                       const char *s);

/* A string of the table (cchc_str). */
void cchc_xlsx_label(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     cchc_str_id id, lxw_format *f);

/* A template of the table filled with args (cchc_str_fill). */
void cchc_xlsx_fill(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    cchc_str_id id, const char *const *args, size_t nargs, lxw_format *f);

/* Exact hundredths as a number: 825 → 8.25. */
void cchc_xlsx_points(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      cchc_points p, lxw_format *f);

void cchc_xlsx_number(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                      lxw_format *f);

void cchc_xlsx_blank(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     lxw_format *f);

/* Column width in characters, with a format for the whole column (may be NULL). */
void cchc_xlsx_width(cchc_xlsx *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
                     double width, lxw_format *f);

/* Printing: A4 landscape, the header rows on every page, one page wide if fit_width. */
void cchc_xlsx_print(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t header_rows, int fit_width);

/*
 * Lines a text takes when wrapped word by word in a column `width` characters
 * wide (at least 1). Row heights are set from it: neither Excel nor
 * LibreOffice reliably grows a row for wrapped text it did not lay out.
 */
size_t cchc_xlsx_lines(const char *s, double width);

/* A row tall enough for `lines` lines of text (nothing for one line). */
void cchc_xlsx_row_lines(cchc_xlsx *x, lxw_worksheet *ws, lxw_row_t row, size_t lines);

/* Display width of a text in characters, to size its column. */
size_t cchc_xlsx_text_width(const char *s);

/* The agency's name, else its id. */
const char *cchc_xlsx_agency_name(const cchc_rank_entry *e);

/* ---- the sheets ---- */
void cchc_xlsx_sheet_ranking(cchc_xlsx *x);
void cchc_xlsx_sheet_groups(cchc_xlsx *x);
void cchc_xlsx_sheet_detail(cchc_xlsx *x);
void cchc_xlsx_sheet_stats(cchc_xlsx *x);
void cchc_xlsx_sheet_analysis(cchc_xlsx *x);
void cchc_xlsx_sheet_plan(cchc_xlsx *x);

#endif
