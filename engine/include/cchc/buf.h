/**
 * @file buf.h
 * A growable byte buffer with a hard size cap, used to render whole outputs
 * in memory before they are written (so that a failed render never leaves a
 * partial file), and an atomic file writer.
 */
#ifndef CCHC_BUF_H
#define CCHC_BUF_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default cap for rendered outputs: 256 MiB. */
#define CCHC_BUF_DEFAULT_CAP ((size_t)256 << 20)

/**
 * The buffer. Fields are readable; use the functions to change it.
 * data is always NUL-terminated when len > 0.
 */
typedef struct cchc_buf {
	char *data;
	size_t len;
	size_t alloc;
	size_t cap;  /**< most bytes it may hold */
	int failed;  /**< set once an append failed (out of memory or over cap) */
} cchc_buf;

/** Initialise an empty buffer holding at most cap bytes (0: default cap). */
void cchc_buf_init(cchc_buf *buf, size_t cap);

/** Release the memory; the buffer is empty and reusable afterwards. */
void cchc_buf_dispose(cchc_buf *buf);

/** Append bytes; on failure set buf->failed and return -1. */
int cchc_buf_append(cchc_buf *buf, const char *data, size_t len);

/** Append a NUL-terminated string. */
int cchc_buf_puts(cchc_buf *buf, const char *s);

/** Append formatted text. */
int cchc_buf_printf(cchc_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Append formatted text from a va_list. */
int cchc_buf_vprintf(cchc_buf *buf, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;

/** Append n copies of a byte. */
int cchc_buf_repeat(cchc_buf *buf, char c, size_t n);

/**
 * Write len bytes to path atomically: a temporary file beside it is written,
 * flushed and renamed over path, so readers see the old file or the whole
 * new one, never a part.
 * @return 0, or -1 with errno set (the temporary file is removed).
 */
int cchc_write_file_atomic(const char *path, const char *data, size_t len);

/**
 * The same for a writer of its own: fill(fd, tmp, ctx) writes the whole file
 * either through fd or by reopening the path tmp (a library that opens files
 * by name), returning 0, or -1 (errno set, or EIO is assumed). The file is
 * then flushed and renamed over path.
 * @return 0, or -1 with errno set (the temporary file is removed).
 */
int cchc_write_atomic(const char *path, int (*fill)(int fd, const char *tmp, void *ctx),
                      void *ctx);

#ifdef __cplusplus
}
#endif

#endif
