/* What every workbook cchc writes shares: its cell formats (Times New Roman
 * 11, top-aligned, hairline borders) and its ending (reproducible properties,
 * closed, flushed), for template.c, plan_template.c and criteria_book.c. */
#ifndef CCHC_BOOK_WRITE_H
#define CCHC_BOOK_WRITE_H

#include <xlsxwriter.h>

/* A new format: bold, wrapped text, a number format (NULL none), a fill colour
 * (0 none), unlocked for input. NULL when out of memory. */
lxw_format *book_format(lxw_workbook *wb, int bold, int wrap, const char *num, unsigned fill, int unlocked);

/* Set the properties (title, the date from cchc_output_date(): the same input,
 * the same bytes) and close wb, which writes tmp; then flush the file
 * libxlsxwriter wrote at tmp. failed: a write before went wrong. 0, or -1. */
int book_finish(lxw_workbook *wb, const char *tmp, const char *title, int failed);

/* Lines a text takes in a column of width characters (UTF-8 characters, its own line breaks
 * kept), in Times New Roman 11: rows are sized by it, readers do not size rows on opening. */
unsigned book_text_lines(const char *s, double width);

/* Flush the file at tmp (libxlsxwriter wrote a new one there). 0, or -1. */
int book_sync(const char *tmp);

#endif
