/* The strict RFC 4180 reader of csv_read.h. */
#include "csv_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void csv_free(csv_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		for (size_t k = 0; k < d->rows[i].n; k++)
			free(d->rows[i].f[k]);
		free(d->rows[i].f);
	}
	free(d->rows);
	d->rows = NULL;
	d->n = 0;
}

/* Append a field of len bytes (quotes already undone) to the last row. */
static int csv_add_field(csv_doc *d, const char *s, size_t len)
{
	csv_row *r = &d->rows[d->n - 1];
	char **f = realloc(r->f, (r->n + 1) * sizeof *f);
	if (!f)
		return -1;
	r->f = f;
	if (!(f[r->n] = malloc(len + 1)))
		return -1;
	memcpy(f[r->n], s, len);
	f[r->n][len] = '\0';
	r->n++;
	return 0;
}

/* Strict RFC 4180: records end with CRLF (the last one may end with the
 * input), fields are separated by commas, a field is either plain (no quote,
 * CR or LF) or quoted, where "" is a quote and commas, CR and LF are data.
 * After a closing quote only a comma, CRLF or the end may follow.
 * Returns 0, or -1 with a message in err. */
int csv_parse(const char *s, size_t len, csv_doc *d, char *err, size_t errsize)
{
	size_t pos = 0;
	char *field = malloc(len + 1); /* no field is longer than the input */
	d->rows = NULL;
	d->n = 0;
	if (!field) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	while (pos < len) {
		csv_row *rows = realloc(d->rows, (d->n + 1) * sizeof *rows);
		if (!rows)
			goto oom;
		d->rows = rows;
		d->rows[d->n++] = (csv_row){NULL, 0};
		for (;;) {
			size_t flen = 0;
			if (pos < len && s[pos] == '"') {
				size_t open = pos++;
				for (;;) {
					if (pos >= len) {
						snprintf(err, errsize, "byte %zu: unterminated quoted field", open);
						goto fail;
					}
					if (s[pos] == '"') {
						if (pos + 1 < len && s[pos + 1] == '"') {
							field[flen++] = '"';
							pos += 2;
							continue;
						}
						pos++;
						break;
					}
					field[flen++] = s[pos++];
				}
				if (pos < len && s[pos] != ',' && s[pos] != '\r') {
					snprintf(err, errsize, "byte %zu: '%c' after a closing quote", pos, s[pos]);
					goto fail;
				}
			} else {
				while (pos < len && s[pos] != ',' && s[pos] != '\r') {
					if (s[pos] == '"' || s[pos] == '\n') {
						snprintf(err, errsize, "byte %zu: %s in an unquoted field", pos,
						         s[pos] == '"' ? "quote" : "bare LF");
						goto fail;
					}
					field[flen++] = s[pos++];
				}
			}
			if (csv_add_field(d, field, flen) < 0)
				goto oom;
			if (pos >= len)
				break;
			if (s[pos] == ',') {
				pos++;
				continue;
			}
			if (pos + 1 < len && s[pos + 1] == '\n') { /* s[pos] is '\r' */
				pos += 2;
				break;
			}
			snprintf(err, errsize, "byte %zu: CR without LF", pos);
			goto fail;
		}
	}
	free(field);
	return 0;
oom:
	snprintf(err, errsize, "out of memory");
fail:
	free(field);
	csv_free(d);
	return -1;
}

