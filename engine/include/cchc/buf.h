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
	int failed;  /**< set once an append failed: CCHC_BUF_NO_MEMORY or CCHC_BUF_OVER_CAP */
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

/** Why an append failed (cchc_buf.failed; 0 while none has). */
enum { CCHC_BUF_NO_MEMORY = 1, CCHC_BUF_OVER_CAP = 2 };

/**
 * Why buf failed, as the end of a message: "out of memory", or, over its cap,
 * "the output would pass 256 MiB, the most cchc holds for one output" (the
 * buffer's own cap). Written into msg (size bytes, NUL-terminated).
 */
void cchc_buf_failure(const cchc_buf *buf, char *msg, size_t size);

/**
 * What the writers below return: 0, or one of these.
 */
enum {
	CCHC_WRITE_FAILED = -1, /**< errno says why (ENOSPC: disk full, …) */
	CCHC_WRITE_LINK = -2,   /**< a symbolic link to a regular file, a folder or nothing */
	CCHC_WRITE_FOLDER = -3, /**< a folder (or a link to one) */
	CCHC_WRITE_BLOCK = -4,  /**< a block device */
	CCHC_WRITE_SOCKET = -5  /**< a socket */
};

/**
 * Write len bytes to path, whole or not at all, by what stands there:
 * - nothing, or a regular file: a temporary file beside it is written, flushed
 *   and renamed over path, so readers see the old file or the whole new one;
 * - a character device or a FIFO (/dev/null, /dev/tty, a pipe), itself or
 *   behind symbolic links (/dev/stdout): written directly, never replaced,
 *   once the whole content is ready; so is the regular file that standard
 *   output or standard error is open on, reached through a link, appended to;
 * - a symbolic link to a regular file, a folder or nothing, a folder, a block
 *   device or a socket: refused, nothing written.
 * @return 0; CCHC_WRITE_FAILED with errno set (ENOSPC when the disk is
 *         full), the temporary file removed; or a refusal (errno set too).
 */
int cchc_write_file_atomic(const char *path, const char *data, size_t len);

/**
 * The same for a writer of its own: fill(fd, tmp, ctx) writes the whole file
 * either through fd or by reopening the path tmp (a library that opens files
 * by name), returning 0, or -1 (errno set, or EIO is assumed).
 * @return as cchc_write_file_atomic.
 */
int cchc_write_atomic(const char *path, int (*fill)(int fd, const char *tmp, void *ctx),
                      void *ctx);

/**
 * What a writer's result rc means, to follow "PATH: error: " in a message;
 * err is the errno it left (used for CCHC_WRITE_FAILED).
 * @return a static string.
 */
const char *cchc_write_strerror(int rc, int err);

/**
 * The date an output carries (a workbook's creation date, a zip entry's
 * time): SOURCE_DATE_EPOCH when set to whole seconds up to 9999-12-31,
 * otherwise 2000-01-01T00:00:00Z, never the clock, so that the same input
 * gives the same bytes (reproducible-builds.org).
 * @return seconds since 1970-01-01T00:00:00Z.
 */
long long cchc_output_date(void);

#ifdef __cplusplus
}
#endif

#endif
