/* The CSV files in the dialect a Vietnamese-locale spreadsheet imports as
 * numbers (`cchc report --csv-dialect vi`): ';' between cells and ',' as the
 * decimal mark. Rewritten from the RFC 4180 text the renderers write, so that
 * both dialects carry the same cells; only the columns the header names as
 * numeric change their mark (a criterion id "1.1" stays "1.1"). */
#include <string.h>

#include "report_priv.h"

/* Columns of ranking.csv and criteria.csv that hold numbers. */
static int numeric_column(const char *name)
{
	static const char *const names[] = {
		"rank", "of", "total", "max", "index", "gap_top", "gap_bottom", "gap_above", "full",
		"partial", "zero", "self_total", "self_deviation", "self_deviation_pct", "self_check",
		"leaf", "points", NULL};
	for (const char *const *n = names; *n; n++)
		if (strcmp(name, *n) == 0)
			return 1;
	return strncmp(name, "group_", 6) == 0 || strncmp(name, "rank_", 5) == 0;
}

#define MAX_COLS 1024

/* One RFC 4180 field from *p into f (unquoted); *quoted says whether it was. @return its end */
static const char *field(const char *p, const char *end, cchc_buf *f, int *quoted)
{
	f->len = 0;
	*quoted = p < end && *p == '"';
	if (*quoted) {
		for (p++; p < end; p++) {
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					cchc_buf_append(f, "\"", 1);
					p++;
				} else {
					p++;
					break;
				}
			} else {
				cchc_buf_append(f, p, 1);
			}
		}
	} else {
		const char *q = p;
		while (q < end && *q != ',' && *q != '\r' && *q != '\n')
			q++;
		cchc_buf_append(f, p, (size_t)(q - p));
		p = q;
	}
	cchc_buf_append(f, "", 0);
	return p;
}

int cchc_csv_dialect_vi(cchc_buf *out, const char *csv, size_t len)
{
	const char *p = csv, *end = csv + len;
	unsigned char numeric[MAX_COLS] = {0};
	size_t row = 0, col = 0;
	cchc_buf f;
	cchc_buf_init(&f, len + 1);
	while (p < end && !f.failed) {
		int quoted;
		p = field(p, end, &f, &quoted);
		const char *v = f.data ? f.data : "";
		if (row == 0 && col < MAX_COLS)
			numeric[col] = (unsigned char)numeric_column(v);
		const int number = row > 0 && col < MAX_COLS && numeric[col] && !quoted;
		if (quoted || strpbrk(v, ";\"\r\n")) {
			cchc_buf_puts(out, "\"");
			for (const char *c = v; *c; c++)
				cchc_buf_puts(out, *c == '"' ? "\"\"" : (char[2]){*c, '\0'});
			cchc_buf_puts(out, "\"");
		} else {
			for (const char *c = v; *c; c++)
				cchc_buf_append(out, number && *c == '.' ? "," : c, 1);
		}
		if (p < end && *p == ',') {
			cchc_buf_puts(out, ";");
			p++;
			col++;
		} else { /* the record ends: CRLF, as RFC 4180 has it */
			if (p < end && *p == '\r')
				p++;
			if (p < end && *p == '\n')
				p++;
			cchc_buf_puts(out, "\r\n");
			row++;
			col = 0;
		}
	}
	int failed = f.failed;
	cchc_buf_dispose(&f);
	return failed || out->failed ? -1 : 0;
}
