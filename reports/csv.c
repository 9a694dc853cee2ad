/* CSV cells (RFC 4180, '.' decimals; text that a spreadsheet would run as a
 * formula neutralised, README "CSV") and the group columns that the ranking
 * CSV and the workbook's ranking sheet share. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

/* One cell as RFC 4180 has it: quoted (quotes doubled) when it holds a
 * separator, a quote, a line break or, with force, always. */
static void cell(cchc_buf *out, const char *prefix, const char *s, int force, int last)
{
	if (force || strpbrk(s, ",;\"\r\n\t")) {
		cchc_buf_puts(out, "\"");
		cchc_buf_puts(out, prefix);
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				cchc_buf_puts(out, "\"\"");
			else
				cchc_buf_append(out, p, 1);
		}
		cchc_buf_puts(out, "\"");
	} else {
		cchc_buf_puts(out, s);
	}
	cchc_buf_puts(out, last ? "\r\n" : ",");
}

/* Text that a spreadsheet would run as a formula (OWASP, "CSV Injection"):
 * it begins with = + - @, a tab or a carriage return. */
static int formula_like(const char *s)
{
	return strchr("=+-@\t\r", s[0]) && s[0] != '\0';
}

void cchc_csv_field(cchc_buf *out, const char *s, int last)
{
	s = s ? s : "";
	if (formula_like(s)) /* kept as text: a leading ' and quoted */
		cell(out, "'", s, 1, last);
	else
		cell(out, "", s, 0, last);
}

void cchc_csv_points(cchc_buf *out, cchc_points p, int last)
{
	char v[CCHC_FMT_SIZE];
	cchc_fmt_points(v, p, CCHC_LANG_EN);
	cell(out, "", v, 0, last); /* a number, "-0.25" included: never neutralised */
}

void cchc_csv_count(cchc_buf *out, size_t n, int last)
{
	char v[24];
	snprintf(v, sizeof v, "%zu", n);
	cell(out, "", v, 0, last);
}

size_t cchc_rank_group_columns(const cchc_ranking *r, const char **ids, const char **titles)
{
	size_t n = 0;
	for (size_t k = 0; k < r->nblocks; k++) {
		size_t ngroups;
		const cchc_node *const *groups = cchc_criteria_groups(r->blocks[k].set, &ngroups);
		for (size_t g = 0; g < ngroups; g++) {
			size_t i = 0;
			while (i < n && strcmp(ids[i], groups[g]->id) != 0)
				i++;
			if (i == n && n < CCHC_MAX_GROUP_COLUMNS) {
				ids[n] = groups[g]->id;
				if (titles)
					titles[n] = groups[g]->title;
				n++;
			}
		}
	}
	return n;
}
