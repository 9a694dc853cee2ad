/* Small internal helpers shared by the engine's modules. */
#ifndef CCHC_UTIL_PRIV_H
#define CCHC_UTIL_PRIV_H

#include <stddef.h>
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

/* calloc that refuses multiplications that would overflow. */
static inline void *cchc_calloc(size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	return calloc(n, size);
}

#endif
