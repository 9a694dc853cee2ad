/* A text table for terminals: cells are collected, then each column is as
 * wide as its widest cell (in display columns, UTF-8 aware), capped so that
 * long names are cut with "…" rather than wrapping the table. */
#ifndef CCHC_REPORT_TABLE_H
#define CCHC_REPORT_TABLE_H

#include <stddef.h>

#include "cchc/buf.h"

#define CCHC_TABLE_MAX_COLS 64

typedef struct {
	size_t ncols;
	char align[CCHC_TABLE_MAX_COLS]; /* 'l' or 'r' per column */
	size_t cap[CCHC_TABLE_MAX_COLS]; /* widest a column may grow; 0: no cap */
	char **cells;                    /* row-major, the header row first */
	size_t ncells, room;
	int failed;
} cchc_table;

/* align: one letter per column ("lrr…"), its length is the column count. */
void cchc_table_init(cchc_table *t, const char *align);

/* Cap column col at width display columns. */
void cchc_table_cap(cchc_table *t, size_t col, size_t width);

/* Append the next cell (rows fill left to right); NULL is an empty cell. */
void cchc_table_cell(cchc_table *t, const char *text);

void cchc_table_cellf(cchc_table *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Write the table: header, a rule of '-', the rows. @return 0, or -1 on failure. */
int cchc_table_render(const cchc_table *t, cchc_buf *out, size_t indent);

/* Write the table as a Markdown (GFM) table: no caps, cells as Markdown text (cchc_md_text). */
int cchc_table_render_markdown(const cchc_table *t, cchc_buf *out);

void cchc_table_free(cchc_table *t);

#endif
