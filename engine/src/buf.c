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
		buf->failed = CCHC_BUF_OVER_CAP;
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
		buf->failed = CCHC_BUF_NO_MEMORY;
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
		if (!buf->failed) /* vsnprintf itself failed */
			buf->failed = CCHC_BUF_NO_MEMORY;
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

void cchc_buf_failure(const cchc_buf *buf, char *msg, size_t size)
{
	if (buf->failed != CCHC_BUF_OVER_CAP) {
		snprintf(msg, size, "out of memory");
		return;
	}
	size_t cap = buf->cap;
	const char *unit = cap % ((size_t)1 << 20) == 0 ? "MiB" : cap % 1024 == 0 ? "KiB" : "bytes";
	size_t n = cap % ((size_t)1 << 20) == 0 ? cap >> 20 : cap % 1024 == 0 ? cap >> 10 : cap;
	snprintf(msg, size, "the output would pass %zu %s, the most cchc holds for one output", n,
	         unit);
}

/* A unique file named prefix + "XXXXXX"; fd, or -1 with errno (*tmp freed). */
static int make_temp(const char *prefix, char **tmp)
{
	size_t plen = strlen(prefix);
	*tmp = malloc(plen + 7);
	if (!*tmp) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(*tmp, prefix, plen);
	memcpy(*tmp + plen, "XXXXXX", 7);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		int e = errno;
		free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return fd;
}

/* Close fd (when open) and remove the temporary file; rc back, errno kept. */
static int discard(int fd, char *tmp, int rc)
{
	int e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = e;
	return rc;
}

static int call_fill(int fd, const char *tmp, int (*fill)(int, const char *, void *), void *ctx)
{
	errno = 0;
	if (fill(fd, tmp, ctx) == 0)
		return 0;
	if (errno == 0)
		errno = EIO;
	return -1;
}

/* Is st the file standard output or standard error is open on (so that
 * -o /dev/stdout works when the shell redirected it to a file)? */
static int is_std_stream(const struct stat *st)
{
	for (int fd = STDOUT_FILENO; fd <= STDERR_FILENO; fd++) {
		struct stat s;
		if (fstat(fd, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino)
			return 1;
	}
	return 0;
}

/* What is not replaced: 0 to write it directly (a character device, a FIFO, or
 * the file a standard stream is open on), or the refusal (errno set). */
static int direct_target(const struct stat *st)
{
	int rc = CCHC_WRITE_LINK, e = ELOOP; /* a regular file behind a link */
	if (S_ISCHR(st->st_mode) || S_ISFIFO(st->st_mode) ||
	    (S_ISREG(st->st_mode) && is_std_stream(st)))
		return 0;
	if (S_ISDIR(st->st_mode))
		rc = CCHC_WRITE_FOLDER, e = EISDIR;
	else if (S_ISBLK(st->st_mode))
		rc = CCHC_WRITE_BLOCK, e = EPERM;
	else if (S_ISSOCK(st->st_mode))
		rc = CCHC_WRITE_SOCKET, e = ENXIO;
	errno = e;
	return rc;
}

/* How path is written: 0 replaced (a new path or a regular file), 1 directly,
 * or a refusal. Links are followed only to a device, a FIFO or a standard stream. */
static int classify(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : CCHC_WRITE_FAILED;
	if (S_ISREG(st.st_mode))
		return 0;
	if (S_ISLNK(st.st_mode) && stat(path, &st) != 0) {
		errno = ELOOP; /* leads nowhere: writing would create its target */
		return CCHC_WRITE_LINK;
	}
	int rc = direct_target(&st);
	return rc < 0 ? rc : 1;
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* Temporary file beside path, flushed and renamed over it. */
static int write_replace(const char *path, int (*fill)(int, const char *, void *), void *ctx)
{
	char *prefix = malloc(strlen(path) + 6), *tmp = NULL;
	if (!prefix) {
		errno = ENOMEM;
		return CCHC_WRITE_FAILED;
	}
	strcpy(prefix, path);
	strcat(prefix, ".tmp."); /* beside path, so that rename stays on its file system */
	int fd = make_temp(prefix, &tmp);
	free(prefix);
	if (fd < 0)
		return CCHC_WRITE_FAILED;
	if (call_fill(fd, tmp, fill, ctx) < 0)
		goto fail;
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
	if (rename(tmp, path) < 0) /* replaces a link or file that appeared meanwhile, never its target */
		goto fail;
	free(tmp);
	return 0;
fail:
	return discard(fd, tmp, CCHC_WRITE_FAILED);
}

/* A device, FIFO or standard stream: filled on a private temporary file first
 * (so that a failed render writes nothing), then copied to it as it stands. */
static int write_direct(const char *path, int (*fill)(int, const char *, void *), void *ctx)
{
	const char *dir = getenv("TMPDIR");
	char prefix[4096];
	snprintf(prefix, sizeof prefix, "%s/cchc-", dir && *dir == '/' ? dir : "/tmp");
	char *tmp = NULL;
	int fd = make_temp(prefix, &tmp), out = -1, rc = CCHC_WRITE_FAILED;
	if (fd < 0)
		return CCHC_WRITE_FAILED;
	if (call_fill(fd, tmp, fill, ctx) < 0 || lseek(fd, 0, SEEK_SET) < 0)
		goto done;
	/* no O_CREAT, no O_TRUNC: only what stands there, at its end if a file */
	out = open(path, O_WRONLY | O_APPEND | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (out < 0 || fstat(out, &st) < 0)
		goto done;
	if ((rc = direct_target(&st)) < 0) /* changed since it was looked at */
		goto done;
	rc = CCHC_WRITE_FAILED;
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (n > 0 && write_all(out, chunk, (size_t)n) < 0))
			goto done;
		if (n == 0)
			break;
	}
	int closed = close(out);
	out = -1;
	if (closed == 0)
		rc = 0;
done:
	if (out >= 0) {
		int e = errno;
		close(out);
		errno = e;
	}
	return discard(fd, tmp, rc);
}

int cchc_write_atomic(const char *path, int (*fill)(int fd, const char *tmp, void *ctx),
                      void *ctx)
{
	int how = classify(path);
	if (how < 0)
		return how;
	return how ? write_direct(path, fill, ctx) : write_replace(path, fill, ctx);
}

const char *cchc_write_strerror(int rc, int err)
{
	switch (rc) {
	case CCHC_WRITE_LINK:
		return "is a symbolic link: cchc follows links only to devices and FIFOs (such as "
		       "/dev/stdout), never to a file it would replace; give the path of the file "
		       "itself";
	case CCHC_WRITE_FOLDER:
		return "is a folder: give a file name";
	case CCHC_WRITE_BLOCK:
		return "is a block device: cchc never writes to one; give a file name";
	case CCHC_WRITE_SOCKET:
		return "is a socket: cchc cannot write to one; give a file name";
	default:
		return strerror(err);
	}
}

long long cchc_output_date(void)
{
	const long long fixed = 946684800LL, last = 253402300799LL; /* 2000-01-01, 9999-12-31 */
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v = 0;
	if (!s || !*s)
		return fixed;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > last / 10)
			return fixed;
		v = v * 10 + (*s - '0');
	}
	return v > last ? fixed : v;
}

typedef struct {
	const char *data;
	size_t len;
} bytes;

static int write_bytes(int fd, const char *tmp, void *ctx)
{
	const bytes *b = ctx;
	(void)tmp;
	return write_all(fd, b->data, b->len);
}

int cchc_write_file_atomic(const char *path, const char *data, size_t len)
{
	bytes b = {data, len};
	return cchc_write_atomic(path, write_bytes, &b);
}
