/* The importer's state: the workbook read cell by cell into assessment XML,
 * one element per line, with the cell each line came from, so that the XML
 * loader's file:line messages come back to the user as Sheet!Cell. */
#ifndef CCHC_IMPORT_PRIV_H
#define CCHC_IMPORT_PRIV_H

#include "cchc/xlsx.h"
#include "template_priv.h"

typedef struct {
	const char *sheet; /* borrowed from the workbook */
	uint32_t row, col; /* 1-based; col 0: the row */
} imp_loc;

typedef struct {
	const char *path;
	int english;
	cchc_diag *diag;
	size_t errors;
	cchc_buf xml;
	long line;       /* the line being written (1-based) */
	imp_loc *lines;  /* by line */
	size_t nlines;
	char *names[4];  /* the sheet names lines point to, owned: they outlive the workbook */
	size_t nnames;
} importer;

/* A sheet's name kept for as long as the importer (NULL when out of room or memory). */
const char *imp_keep_name(importer *im, const char *name);

/* Report a problem at a cell (col 0: at the row; row 0: at the sheet). */
void imp_say(importer *im, imp_loc at, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* The message in the user's language: both formats are literals, checked. */
#define IMP_SAY(im, at, vi, en, ...) imp_say(im, at, (im)->english ? en : vi, __VA_ARGS__)

/* End the current XML line; it came from at. */
void imp_endl(importer *im, imp_loc at);

/* The value of key in the "cchc" sheet's key/value rows (the first row with it), or NULL. */
const char *imp_meta(const cchc_sheet *m, const char *key);

/* Open a workbook and load its "cchc" sheet into *m: 1 when that sheet says
 * this format and kind, 0 another workbook, -1 unreadable (see diag). The
 * caller frees *m, then *x, whatever the answer. */
int imp_open_kind(cchc_xlsx **x, cchc_sheet **m, const char *path, int english, const char *kind,
                  cchc_diag *diag);

/* Is the file a cchc workbook of this kind? 1 yes, 0 no (or unreadable). */
int imp_is_kind(const char *path, const char *kind);

/* Read the workbook into im->xml: every problem reported, all at once. */
int imp_read(importer *im, const char *path, const cchc_criteria *const *sets, size_t nsets);

#endif
