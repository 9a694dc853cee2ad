/* CSV cells (RFC 4180, '.' decimals) and the group columns that the ranking
 * CSV and the workbook's ranking sheet share. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"

void cchc_csv_field(cchc_buf *out, const char *s, int last)
{
	s = s ? s : "";
	if (strpbrk(s, ",\"\r\n")) {
		cchc_buf_puts(out, "\"");
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

void cchc_csv_points(cchc_buf *out, cchc_points p, int last)
{
	char v[CCHC_FMT_SIZE];
	cchc_fmt_points(v, p, CCHC_LANG_EN);
	cchc_csv_field(out, v, last);
}

void cchc_csv_count(cchc_buf *out, size_t n, int last)
{
	char v[24];
	snprintf(v, sizeof v, "%zu", n);
	cchc_csv_field(out, v, last);
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
