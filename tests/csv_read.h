/* A strict RFC 4180 reader for the test suites, so that tests read back what
 * the CSV renderers write: records end with CRLF (the last one may end with
 * the input), fields are separated by commas, a field is either plain (no
 * quote, CR or LF) or quoted, where "" is a quote and commas, CR and LF are
 * data; after a closing quote only a comma, CRLF or the end may follow. */
#ifndef CCHC_TEST_CSV_READ_H
#define CCHC_TEST_CSV_READ_H

#include <stddef.h>

typedef struct {
	char **f;
	size_t n;
} csv_row;

typedef struct {
	csv_row *rows;
	size_t n;
} csv_doc;

/* Parse len bytes of s into d (fields unquoted, NUL-terminated). Returns 0,
 * or -1 with a message in err (d then holds nothing). */
int csv_parse(const char *s, size_t len, csv_doc *d, char *err, size_t errsize);

void csv_free(csv_doc *d);

#endif
