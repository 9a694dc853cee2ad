/* The bump allocator (see arena_priv.h). Blocks double up to 1 MiB; a larger
 * request gets a block of its own. Reset keeps every block, so a stream of
 * similar members settles on the memory of the largest one. */
#include "arena_priv.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_BLOCK ((size_t)64 << 10)
#define MAX_STEP ((size_t)1 << 20)
#define ALIGN alignof(max_align_t)

struct cchc_arena_block {
	cchc_arena_block *next;
	size_t cap, used;
	alignas(max_align_t) unsigned char data[];
};

static cchc_arena_block *new_block(size_t cap)
{
	if (cap > SIZE_MAX - sizeof(cchc_arena_block))
		return NULL;
	cchc_arena_block *b = malloc(sizeof *b + cap);
	if (b) {
		b->next = NULL;
		b->cap = cap;
		b->used = 0;
	}
	return b;
}

/* size bytes, not cleared. */
static void *raw(cchc_arena *a, size_t size)
{
	if (size > SIZE_MAX - ALIGN)
		return NULL;
	size = (size + ALIGN - 1) & ~(ALIGN - 1);
	cchc_arena_block *b = a->cur;
	/* the blocks after cur were kept by a reset: reuse those that fit */
	while (b && b->cap - b->used < size) {
		if (!b->next)
			break;
		b = b->next;
		a->cur = b;
	}
	if (!b || b->cap - b->used < size) {
		size_t cap = b ? b->cap * 2 : FIRST_BLOCK;
		if (cap > MAX_STEP)
			cap = MAX_STEP;
		if (cap < size)
			cap = size;
		cchc_arena_block *nb = new_block(cap);
		if (!nb)
			return NULL;
		if (b)
			b->next = nb;
		else
			a->first = nb;
		a->cur = b = nb;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

void *cchc_arena_alloc(cchc_arena *a, size_t size)
{
	void *p = raw(a, size);
	if (p)
		memset(p, 0, size);
	return p;
}

char *cchc_arena_strndup(cchc_arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = raw(a, len + 1);
	if (p) {
		if (len)
			memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void cchc_arena_reset(cchc_arena *a)
{
	for (cchc_arena_block *b = a->first; b; b = b->next)
		b->used = 0;
	a->cur = a->first;
}

void cchc_arena_free(cchc_arena *a)
{
	cchc_arena_block *b = a->first;
	while (b) {
		cchc_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->first = a->cur = NULL;
}
