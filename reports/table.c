/* Column-aligned text tables (see table.h). */
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"

#define ELLIPSIS "\xE2\x80\xA6"

void cchc_table_init(cchc_table *t, const char *align)
{
	memset(t, 0, sizeof *t);
	t->ncols = strlen(align);
	if (t->ncols > CCHC_TABLE_MAX_COLS) {
		t->ncols = CCHC_TABLE_MAX_COLS;
		t->failed = 1;
	}
	memcpy(t->align, align, t->ncols);
}

void cchc_table_cap(cchc_table *t, size_t col, size_t width)
{
	if (col < t->ncols)
		t->cap[col] = width;
}

void cchc_table_cell(cchc_table *t, const char *text)
{
	if (t->failed)
		return;
	if (t->ncells == t->room) {
		size_t room = t->room ? t->room * 2 : 256;
		char **cells = realloc(t->cells, room * sizeof *cells);
		if (!cells) {
			t->failed = 1;
			return;
		}
		t->cells = cells;
		t->room = room;
	}
	size_t len = text ? strlen(text) : 0;
	char *copy = malloc(len + 1);
	if (!copy) {
		t->failed = 1;
		return;
	}
	memcpy(copy, text ? text : "", len + 1);
	t->cells[t->ncells++] = copy;
}

void cchc_table_cellf(cchc_table *t, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	cchc_table_cell(t, text);
}

static size_t cell_width(const cchc_table *t, size_t i)
{
	size_t w = cchc_utf8_width(t->cells[i], strlen(t->cells[i]));
	size_t cap = t->cap[i % t->ncols];
	return cap && w > cap ? cap : w;
}

/* One cell padded to w; cut with "…" when over its cap. */
static void put_cell(const cchc_table *t, cchc_buf *out, size_t i, size_t w)
{
	const char *s = t->cells[i];
	size_t len = strlen(s), used = cchc_utf8_width(s, len);
	size_t cap = t->cap[i % t->ncols];
	int cut = cap && used > cap;
	if (cut)
		len = cchc_utf8_fit(s, len, cap - 1, &used);
	if (t->align[i % t->ncols] == 'r' && used + (size_t)cut < w)
		cchc_buf_repeat(out, ' ', w - used - (size_t)cut);
	cchc_utf8_clean(out, s, len);
	if (cut) {
		cchc_buf_puts(out, ELLIPSIS);
		used++;
	}
	if (t->align[i % t->ncols] != 'r' && used < w && i % t->ncols != t->ncols - 1)
		cchc_buf_repeat(out, ' ', w - used);
}

int cchc_table_render(const cchc_table *t, cchc_buf *out, size_t indent)
{
	if (t->failed || t->ncols == 0)
		return -1;
	size_t w[CCHC_TABLE_MAX_COLS] = {0}, total = 0;
	for (size_t i = 0; i < t->ncells; i++) {
		size_t cw = cell_width(t, i);
		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
	for (size_t c = 0; c < t->ncols; c++)
		total += w[c] + (c ? 2 : 0);
	for (size_t i = 0; i < t->ncells; i++) {
		size_t c = i % t->ncols;
		if (c == 0)
			cchc_buf_repeat(out, ' ', indent);
		else
			cchc_buf_puts(out, "  ");
		put_cell(t, out, i, w[c]);
		if (c == t->ncols - 1 || i == t->ncells - 1) {
			cchc_buf_puts(out, "\n");
			if (i < t->ncols) { /* under the header */
				cchc_buf_repeat(out, ' ', indent);
				cchc_buf_repeat(out, '-', total);
				cchc_buf_puts(out, "\n");
			}
		}
	}
	return out->failed ? -1 : 0;
}

int cchc_table_render_markdown(const cchc_table *t, cchc_buf *out)
{
	if (t->failed || t->ncols == 0)
		return -1;
	for (size_t i = 0; i < t->ncells; i++) {
		size_t c = i % t->ncols;
		cchc_buf_puts(out, c == 0 ? "| " : " | ");
		cchc_md_text(out, t->cells[i], strlen(t->cells[i]));
		if (c == t->ncols - 1 || i == t->ncells - 1) {
			cchc_buf_puts(out, " |\n");
			if (i < t->ncols) {
				for (size_t k = 0; k < t->ncols; k++)
					cchc_buf_puts(out, t->align[k] == 'r' ? "|---:" : "|---");
				cchc_buf_puts(out, "|\n");
			}
		}
	}
	return out->failed ? -1 : 0;
}

void cchc_table_free(cchc_table *t)
{
	for (size_t i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}
