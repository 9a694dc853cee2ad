/* Text into Markdown (CommonMark and GFM tables) as text: nothing in a name,
 * title, remedy or note becomes markup, raw HTML, a link or a table cell. */
#include <string.h>

#include "report_priv.h"

/* Marks that mean something wherever they stand: escapes, code, emphasis,
 * links, raw HTML and autolinks, headings, strikethrough, table cells. */
static int special(char c)
{
	return c != '\0' && strchr("\\`*_[]<>#~|", c) != NULL;
}

static int blank(char c)
{
	return c == ' ' || (unsigned char)c < 0x20 || c == 0x7F;
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

int cchc_md_text(cchc_buf *out, const char *s, size_t len)
{
	size_t i = 0, from;
	/* Where the text may begin a line: leading white space becomes one space
	 * (never an indented code block), and a list, setext or thematic-break
	 * marker ("- ", "+ ", "=", "1. ", "2) ") is escaped. */
	while (i < len && blank(s[i]))
		i++;
	if (i > 0)
		cchc_buf_puts(out, " ");
	size_t d = i;
	while (d < len && d - i < 10 && digit(s[d]))
		d++;
	if (i < len && (s[i] == '-' || s[i] == '+' || s[i] == '=')) {
		cchc_buf_puts(out, "\\");
	} else if (d > i && d < len && (s[d] == '.' || s[d] == ')') &&
	           (d + 1 == len || blank(s[d + 1]))) {
		cchc_buf_append(out, s + i, d - i);
		cchc_buf_puts(out, "\\");
		i = d;
	}
	for (from = i; i < len; i++) {
		/* "&" only where it would start a character reference ("&lt;", "&#60;") */
		int amp = s[i] == '&' && i + 1 < len &&
		          (s[i + 1] == '#' || (unsigned)((s[i + 1] | 0x20) - 'a') < 26u);
		if (!special(s[i]) && !amp)
			continue;
		cchc_utf8_clean(out, s + from, i - from);
		char esc[2] = {'\\', s[i]};
		cchc_buf_append(out, esc, 2);
		from = i + 1;
	}
	cchc_utf8_clean(out, s + from, len - from);
	return out->failed ? -1 : 0;
}

int cchc_doc_text(cchc_buf *out, int md, const char *s)
{
	return md ? cchc_md_text(out, s, strlen(s)) : cchc_utf8_clean(out, s, strlen(s));
}

int cchc_doc_fill(cchc_buf *out, int md, cchc_str_id id, cchc_lang lang, const char *const *args,
                  size_t n)
{
	cchc_buf line;
	cchc_buf_init(&line, 1 << 16);
	cchc_str_fill(&line, id, lang, args, n);
	if (line.data)
		cchc_doc_text(out, md, line.data);
	cchc_buf_dispose(&line);
	return out->failed ? -1 : 0;
}
