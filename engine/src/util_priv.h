/* Small internal helpers shared by the engine's modules. */
#ifndef CCHC_UTIL_PRIV_H
#define CCHC_UTIL_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* strdup is POSIX, not C11; NULL in, NULL out. */
static inline char *cchc_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* Greatest common divisor of two non-negative numbers (gcd(0, b) = b). */
static inline int64_t cchc_gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* calloc that refuses multiplications that would overflow. */
static inline void *cchc_calloc(size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	return calloc(n, size);
}

/* Bytes of the character s starts with that a message shows as \xNN (diag.c
 * escapes them in every diagnostic), 0 for any other: C0 controls, DEL, C1
 * controls (U+0080..U+009F) and the bidirectional embeddings, overrides and
 * isolates (U+202A..U+202E, U+2066..U+2069), with which a file's text could
 * rewrite the terminal line it is shown on. s is NUL-terminated. */
size_t cchc_diag_unsafe_len(const char *s);

#endif
