/* Diagnostics list: the engine's only channel for reporting bad input. */
#include "cchc/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cchc_diag {
	cchc_diag_entry entries[CCHC_DIAG_MAX_ENTRIES];
	size_t stored;
	size_t count;
};

cchc_diag *cchc_diag_new(void)
{
	return calloc(1, sizeof(cchc_diag));
}

void cchc_diag_clear(cchc_diag *diag)
{
	if (!diag)
		return;
	for (size_t i = 0; i < diag->stored; i++) {
		free((char *)diag->entries[i].file);
		free((char *)diag->entries[i].message);
	}
	diag->stored = 0;
	diag->count = 0;
}

void cchc_diag_free(cchc_diag *diag)
{
	cchc_diag_clear(diag);
	free(diag);
}

void cchc_diag_addf(cchc_diag *diag, const char *file, long line, const char *fmt, ...)
{
	char small[512];
	va_list ap;

	if (!diag)
		return;
	diag->count++;
	if (diag->stored >= CCHC_DIAG_MAX_ENTRIES)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	char *msg = malloc((size_t)n + 1);
	if (!msg)
		return;
	if ((size_t)n < sizeof small) {
		memcpy(msg, small, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	char *f = NULL;
	if (file) {
		f = malloc(strlen(file) + 1);
		if (!f) {
			free(msg);
			return;
		}
		strcpy(f, file);
	}
	cchc_diag_entry *e = &diag->entries[diag->stored++];
	e->file = f;
	e->line = line;
	e->message = msg;
}

size_t cchc_diag_count(const cchc_diag *diag)
{
	return diag ? diag->count : 0;
}

size_t cchc_diag_stored(const cchc_diag *diag)
{
	return diag ? diag->stored : 0;
}

const cchc_diag_entry *cchc_diag_get(const cchc_diag *diag, size_t i)
{
	return diag && i < diag->stored ? &diag->entries[i] : NULL;
}
