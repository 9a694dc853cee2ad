/* The formats and the ending every workbook cchc writes shares (book_write.h). */
#define _POSIX_C_SOURCE 200809L /* open, fsync */
#include <fcntl.h>
#include <unistd.h>

#include "book_write.h"
#include "cchc/buf.h"

lxw_format *book_format(lxw_workbook *wb, int bold, int wrap, const char *num, unsigned fill, int unlocked)
{
	lxw_format *f = workbook_add_format(wb);
	if (!f)
		return NULL;
	format_set_font_name(f, "Times New Roman");
	format_set_font_size(f, 11);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(f, LXW_BORDER_HAIR);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	if (fill)
		format_set_bg_color(f, fill);
	if (unlocked)
		format_set_unlocked(f);
	return f;
}

unsigned book_text_lines(const char *s, double width)
{
	unsigned lines = 0, chars = 0;
	for (;; s++) {
		if (*s == '\n' || *s == '\0') {
			/* about 1.2 characters of Times New Roman 11 fit in a unit of column width (the
			 * default font's digit), less what wrapping at word ends leaves blank */
			lines += 1 + (unsigned)(chars / (width > 2 ? 1.12 * width - 1 : 1));
			chars = 0;
			if (!*s)
				return lines;
		} else if ((*s & 0xC0) != 0x80) {
			chars++;
		}
	}
}

int book_sync(const char *tmp)
{
	int fd = open(tmp, O_RDONLY);
	int synced = fd >= 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	return synced ? 0 : -1;
}

int book_finish(lxw_workbook *wb, const char *tmp, const char *title, int failed)
{
	lxw_doc_properties props = {0};
	props.title = (char *)title;
	/* libxlsxwriter reads 0 as "now", so an epoch of 0 is written a second later */
	const long long when = cchc_output_date();
	props.created = (time_t)(when ? when : 1);
	if (workbook_set_properties(wb, &props) != LXW_NO_ERROR)
		failed = 1;
	if (workbook_close(wb) != LXW_NO_ERROR || failed)
		return -1;
	return book_sync(tmp);
}
