/**
 * @file xlsx.h
 * The hardened .xlsx reader: opens a workbook (a zip of XML parts) from a
 * file or from memory, with every part streamed through libxml2 and never
 * written to disk, and loads each worksheet's cells. Problems come back in a
 * cchc_diag list as (file, 0, message), Vietnamese by default.
 *
 * Ownership: a cchc_xlsx owns its names and shared strings; a cchc_sheet
 * borrows the workbook's strings, so free every sheet before its workbook.
 * All strings are UTF-8, as stored (NFC as the producer wrote them).
 */
#ifndef CCHC_XLSX_H
#define CCHC_XLSX_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/diag.h"
#include "cchc/points.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cchc_xlsx cchc_xlsx;   /**< an opened workbook */
typedef struct cchc_sheet cchc_sheet; /**< one worksheet's cells, loaded */

typedef enum {
	CCHC_CELL_BLANK = 0,
	CCHC_CELL_NUMBER,
	CCHC_CELL_TEXT,
	CCHC_CELL_BOOL,
	CCHC_CELL_ERROR
} cchc_cell_type;

typedef struct cchc_cell {
	uint32_t row, col; /**< 1-based: A1 is (1, 1) */
	cchc_cell_type type;
	/** TEXT: the string (shared, inline or a formula's str result); NUMBER: the stored value text
	 * ("0.75", "43466", "0.30000000000000004"; t="d" ISO dates become their serial); BOOL: "0"/"1";
	 * ERROR: "#DIV/0!"; BLANK (a formula without a cached value): "". Never NULL. */
	const char *text;
	/** Its number format is a date or date-time format (built-in 14-22, 45-47, or a custom format
	 * with d/m/y outside quotes and brackets). */
	int date_style;
	/** The <f> text, or NULL; "" for the followers of a shared formula. */
	const char *formula;
} cchc_cell;

/** Caps on what a workbook may hold; 0 in a field means its default. */
typedef struct cchc_xlsx_limits {
	uint64_t part_bytes;     /**< one part unpacked (64 MiB) */
	uint64_t total_bytes;    /**< all parts unpacked together, and the file itself (256 MiB) */
	uint32_t ratio;          /**< unpacked:packed, checked on parts over 1 MiB (200) */
	size_t cells;            /**< cells with a value (or formula) per sheet (100 000) */
	size_t strings;          /**< shared strings (262 144) */
	uint64_t string_bytes;   /**< shared strings' text together (32 MiB) */
} cchc_xlsx_limits;

/** How to open: the language of the messages and the caps. */
typedef struct cchc_xlsx_options {
	const char *lang;        /**< "vi" (default, also NULL) or "en" */
	cchc_xlsx_limits limits; /**< zeros: the defaults */
} cchc_xlsx_options;

/**
 * Open and check the zip and the workbook parts (workbook, relationships, styles, shared
 * strings); every problem goes into diag as (path, 0, "message"), Vietnamese.
 * @param[out] out the workbook (NULL on failure); free with cchc_xlsx_free()
 * @return 0, or -1 after at least one diagnostic
 */
int cchc_xlsx_open(cchc_xlsx **out, const char *path, cchc_diag *diag);

/** The same for a workbook in memory (copied); name is used in messages. */
int cchc_xlsx_open_memory(cchc_xlsx **out, const void *data, size_t len, const char *name,
                          cchc_diag *diag);

/**
 * Either of the above with options: data == NULL reads the file at path (name), else the
 * len bytes at data. opt may be NULL.
 */
int cchc_xlsx_open_with(cchc_xlsx **out, const char *name, const void *data, size_t len,
                        const cchc_xlsx_options *opt, cchc_diag *diag);

/** Free the workbook; NULL is allowed. Its sheets must be freed first. */
void cchc_xlsx_free(cchc_xlsx *x);

/** Language of later messages (cchc_xlsx_sheet_load): "vi" or "en". */
void cchc_xlsx_set_lang(cchc_xlsx *x, const char *lang);

/** The path or name given, for messages. */
const char *cchc_xlsx_name(const cchc_xlsx *x);

/** 1 when the workbook counts dates from 1904 (Excel for Mac's old system). */
int cchc_xlsx_date1904(const cchc_xlsx *x);

size_t cchc_xlsx_sheet_count(const cchc_xlsx *x);

/** Sheet i's name (0 <= i < count), in workbook order. */
const char *cchc_xlsx_sheet_name(const cchc_xlsx *x, size_t i);

/** 0 visible, 1 hidden, 2 veryHidden. */
int cchc_xlsx_sheet_state(const cchc_xlsx *x, size_t i);

/** Index of the sheet with this name (exact, then case-insensitive ASCII), or -1. */
long cchc_xlsx_sheet_find(const cchc_xlsx *x, const char *name);

/**
 * Load sheet i's cells. Problems go into diag as (path, 0, "Sheet!B5: message").
 * A chart sheet loads with no cells.
 * @param[out] out the sheet (NULL on failure); free with cchc_sheet_free()
 * @return 0, or -1 after at least one diagnostic
 */
int cchc_xlsx_sheet_load(cchc_sheet **out, const cchc_xlsx *x, size_t i, cchc_diag *diag);

/** NULL is allowed. */
void cchc_sheet_free(cchc_sheet *s);

/** Every cell with a value or formula, in row-major order; *n their number. */
const cchc_cell *cchc_sheet_cells(const cchc_sheet *s, size_t *n);

/** The cell at (row, col), or NULL when blank. */
const cchc_cell *cchc_sheet_cell(const cchc_sheet *s, uint32_t row, uint32_t col);

/** The last row with a cell (0 when none). */
uint32_t cchc_sheet_rows(const cchc_sheet *s);

/** 1 when the row is hidden. */
int cchc_sheet_row_hidden(const cchc_sheet *s, uint32_t row);

/** "F14" into buf (at least 16 bytes); returns buf. */
const char *cchc_cell_ref(char buf[16], uint32_t row, uint32_t col);

/* ---- values as Vietnamese office staff type them -------------------------------------------- */

/**
 * A number with at most `places` decimals (0..9), scaled by 10^places: places 2 gives
 * hundredths (cchc_points), 6 millionths (cchc_decimal). NUMBER cells exactly from their text
 * (a double's noise such as 0.30000000000000004 rounds to `places` when within 1e-9 of it);
 * TEXT cells "0,75", "0.75", "1.234,5", "1 234,5", "-0,25", " 3 ": one comma is the decimal
 * mark; dots, spaces (or several commas) separate thousands in groups of three.
 * @return CCHC_NUM_OK; SYNTAX (not a number, blank, NULL); PRECISION (more decimals);
 *         RANGE (more than 10^9 in absolute value)
 */
cchc_num_status cchc_cell_decimal(const cchc_cell *c, int places, int64_t *out);

/** A whole count (>= 0, at most 9 digits); text "1.234" (a dot then three digits) is 1234. */
cchc_num_status cchc_cell_count(const cchc_cell *c, int64_t *out);

/**
 * A date: a NUMBER cell is a serial in the workbook's system (1900 with Excel's leap-year bug,
 * or 1904), a time of day ignored, whether or not date_style is set; TEXT "12/01/2019",
 * "12-01-2019", "12.01.2019" (day first) or "2019-01-12"; checked against the calendar,
 * years 1900..9999 (RANGE otherwise, and for Excel's 29/02/1900).
 */
cchc_num_status cchc_cell_date(const cchc_cell *c, int date1904, cchc_date *out);

/**
 * Yes/no: Có/Không (any case, with or without diacritics), x (yes), Đạt/Không đạt/Chưa đạt,
 * TRUE/FALSE (BOOL cells and text), 1/0, Yes/No.
 * @return 1 yes, 0 no, -1 not a yes/no (blank included)
 */
int cchc_cell_yesno(const cchc_cell *c);

/** 1 for "không áp dụng", "khong ap dung", "KAD", "N/A", "NA" (any case), else 0. */
int cchc_cell_is_na(const cchc_cell *c);

/**
 * Fold text for comparing what people type: Vietnamese letters lose their diacritics
 * (đ becomes d, combining marks are dropped), ASCII letters are lower-cased, surrounding
 * white space (no-break spaces included) is trimmed and inner runs become one space.
 * Writes at most size bytes, NUL included (size > 0).
 * @return the length the folded text needs (excluding the NUL), as snprintf
 */
size_t cchc_text_fold(char *out, size_t size, const char *in);

#ifdef __cplusplus
}
#endif

#endif
