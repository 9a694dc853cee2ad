/* Capped growable buffer and atomic file writes. */
#define _POSIX_C_SOURCE 200809L
#include "cchc/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

void cchc_buf_init(cchc_buf *buf, size_t cap)
{
	memset(buf, 0, sizeof *buf);
	buf->cap = cap ? cap : CCHC_BUF_DEFAULT_CAP;
}

void cchc_buf_dispose(cchc_buf *buf)
{
	size_t cap = buf->cap;
	free(buf->data);
	cchc_buf_init(buf, cap);
}

static int reserve(cchc_buf *buf, size_t extra)
{
	if (buf->failed)
		return -1;
	if (extra > buf->cap || buf->len > buf->cap - extra) {
		buf->failed = 1;
		return -1;
	}
	size_t need = buf->len + extra + 1;
	if (need <= buf->alloc)
		return 0;
	size_t n = buf->alloc ? buf->alloc : 256;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	char *p = realloc(buf->data, n);
	if (!p) {
		buf->failed = 1;
		return -1;
	}
	buf->data = p;
	buf->alloc = n;
	return 0;
}

int cchc_buf_append(cchc_buf *buf, const char *data, size_t len)
{
	if (reserve(buf, len) < 0)
		return -1;
	if (len)
		memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return 0;
}

int cchc_buf_puts(cchc_buf *buf, const char *s)
{
	return cchc_buf_append(buf, s, strlen(s));
}

int cchc_buf_vprintf(cchc_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || reserve(buf, (size_t)n) < 0) {
		buf->failed = 1;
		return -1;
	}
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return 0;
}

int cchc_buf_printf(cchc_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = cchc_buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return rc;
}

int cchc_buf_repeat(cchc_buf *buf, char c, size_t n)
{
	if (reserve(buf, n) < 0)
		return -1;
	memset(buf->data + buf->len, c, n);
	buf->len += n;
	buf->data[buf->len] = '\0';
	return 0;
}

int cchc_write_atomic(const char *path, int (*fill)(int fd, const char *tmp, void *ctx),
                      void *ctx)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", 12);
	int fd = mkstemp(tmp); /* a unique name beside path, so that rename stays on its file system */
	if (fd < 0) {
		int e = errno;
		free(tmp);
		errno = e;
		return -1;
	}
	errno = 0;
	if (fill(fd, tmp, ctx) < 0) {
		if (errno == 0)
			errno = EIO;
		goto fail;
	}
	/* Outputs are meant to be shared: honour the umask rather than mkstemp's 0600. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0)
		goto fail;
	free(tmp);
	return 0;
fail : {
	int e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = e;
	return -1;
}
}

typedef struct {
	const char *data;
	size_t len;
} bytes;

static int write_bytes(int fd, const char *tmp, void *ctx)
{
	const bytes *b = ctx;
	(void)tmp;
	size_t off = 0;
	while (off < b->len) {
		ssize_t w = write(fd, b->data + off, b->len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

int cchc_write_file_atomic(const char *path, const char *data, size_t len)
{
	bytes b = {data, len};
	return cchc_write_atomic(path, write_bytes, &b);
}
