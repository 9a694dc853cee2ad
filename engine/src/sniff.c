/* Root-element sniffing: skip the prolog (BOM, XML declaration, comments,
 * processing instructions, a DOCTYPE, whitespace) and read the first
 * element's local name. A text scan, not a parse: it never expands or
 * fetches anything, and the loaders still check the whole file. */
#define _POSIX_C_SOURCE 200809L /* open, fstat, fdopen */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/sniff.h"

#define SNIFF_MAX ((size_t)64 << 10)

/* Advance past the text up to and including `end`; NULL if it never comes. */
static const char *skip_past(const char *p, const char *stop, const char *end)
{
	size_t n = strlen(end);
	for (; p + n <= stop; p++)
		if (memcmp(p, end, n) == 0)
			return p + n;
	return NULL;
}

/* A DOCTYPE may hold an internal subset in brackets, with '>' inside it. */
static const char *skip_doctype(const char *p, const char *stop)
{
	int depth = 0;
	for (; p < stop; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && depth > 0)
			depth--;
		else if (*p == '>' && depth == 0)
			return p + 1;
	}
	return NULL;
}

static int is_name_char(char c)
{
	return c == '-' || c == '_' || c == '.' || c == ':' || (c >= '0' && c <= '9') ||
	       (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

cchc_file_kind cchc_file_sniff_memory(const char *data, size_t len)
{
	const char *p = data, *stop = data + (len < SNIFF_MAX ? len : SNIFF_MAX);
	if (stop - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p && p < stop) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		} else if (*p != '<') {
			return CCHC_FILE_OTHER;
		} else if (stop - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = skip_past(p + 4, stop, "-->");
		} else if (stop - p >= 2 && p[1] == '?') {
			p = skip_past(p + 2, stop, "?>");
		} else if (stop - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0) {
			p = skip_doctype(p + 9, stop);
		} else {
			const char *name = ++p;
			while (p < stop && is_name_char(*p))
				p++;
			const char *colon = memchr(name, ':', (size_t)(p - name));
			if (colon)
				name = colon + 1;
			size_t n = (size_t)(p - name);
			if (n == 12 && memcmp(name, "criteria-set", 12) == 0)
				return CCHC_FILE_CRITERIA;
			if ((n == 10 && memcmp(name, "assessment", 10) == 0) ||
			    (n == 11 && memcmp(name, "assessments", 11) == 0))
				return CCHC_FILE_ASSESSMENT;
			if (n == 4 && memcmp(name, "plan", 4) == 0)
				return CCHC_FILE_PLAN;
			return CCHC_FILE_OTHER;
		}
	}
	return CCHC_FILE_OTHER;
}

cchc_file_kind cchc_file_sniff(const char *path)
{
	char *buf = malloc(SNIFF_MAX);
	if (!buf)
		return CCHC_FILE_UNREADABLE;
	/* O_NONBLOCK: a FIFO must not hang us; only regular files are read */
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		cchc_file_kind kind = CCHC_FILE_UNREADABLE;
		if (fd >= 0) {
			close(fd);
			if (S_ISDIR(st.st_mode))
				errno = EISDIR;
			else
				kind = CCHC_FILE_NOT_REGULAR;
		}
		free(buf);
		return kind;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		free(buf);
		return CCHC_FILE_UNREADABLE;
	}
	errno = 0;
	size_t n = fread(buf, 1, SNIFF_MAX, f);
	int failed = ferror(f), err = errno ? errno : EIO;
	fclose(f);
	cchc_file_kind kind = failed ? CCHC_FILE_UNREADABLE : cchc_file_sniff_memory(buf, n);
	free(buf);
	if (failed)
		errno = err; /* EISDIR for a folder */
	return kind;
}
