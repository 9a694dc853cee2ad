/* A bump allocator for data that dies all at once: the tree of one streamed
 * <assessment>, rebuilt for every member of a bundle in the same memory. */
#ifndef CCHC_ARENA_PRIV_H
#define CCHC_ARENA_PRIV_H

#include <stddef.h>

typedef struct cchc_arena_block cchc_arena_block;

typedef struct {
	cchc_arena_block *first; /* kept across resets */
	cchc_arena_block *cur;
} cchc_arena;

/* size zeroed bytes, aligned for any type; NULL when out of memory. */
void *cchc_arena_alloc(cchc_arena *a, size_t size);

/* A copy of len bytes with a NUL after them. */
char *cchc_arena_strndup(cchc_arena *a, const char *s, size_t len);

/* Everything allocated so far is gone; the blocks are kept for reuse. */
void cchc_arena_reset(cchc_arena *a);

void cchc_arena_free(cchc_arena *a);

#endif
