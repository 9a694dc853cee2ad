/* Diagnostics list: the engine's only channel for reporting bad input. */
#include "cchc/diag.h"
#include "util_priv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cchc_diag {
	cchc_diag_entry entries[CCHC_DIAG_MAX_ENTRIES];
	size_t stored;
	size_t count;    /* errors */
	size_t warnings;
};

size_t cchc_diag_unsafe_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if ((*u < 0x20 && *u) || *u == 0x7F)
		return 1;
	if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
		return 2;
	if (u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) ||
	                     (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)))
		return 3;
	return 0;
}

/* msg with each byte of an unsafe character written \xNN: msg itself when it
 * holds none, else a new string (msg is freed; NULL when out of memory). */
static char *escape_unsafe(char *msg)
{
	size_t unsafe = 0;
	for (const char *p = msg; *p;) {
		size_t c = cchc_diag_unsafe_len(p);
		unsafe += c;
		p += c ? c : 1;
	}
	if (!unsafe)
		return msg;
	char *out = malloc(strlen(msg) + 3 * unsafe + 1);
	size_t w = 0;
	for (const char *p = msg; out && *p;) {
		size_t c = cchc_diag_unsafe_len(p);
		for (size_t i = 0; i < c; i++, w += 4)
			snprintf(out + w, 5, "\\x%02X", (unsigned char)p[i]);
		if (c == 0)
			out[w++] = *p;
		p += c ? c : 1;
	}
	if (out)
		out[w] = '\0';
	free(msg);
	return out;
}

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
	diag->warnings = 0;
}

void cchc_diag_free(cchc_diag *diag)
{
	cchc_diag_clear(diag);
	free(diag);
}

static void add(cchc_diag *diag, cchc_diag_severity severity, const char *file, long line,
                const char *fmt, va_list ap)
{
	char small[512];
	va_list again;

	if (!diag)
		return;
	if (severity == CCHC_DIAG_WARNING)
		diag->warnings++;
	else
		diag->count++;
	if (diag->stored >= CCHC_DIAG_MAX_ENTRIES)
		return;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	char *msg = n < 0 ? NULL : malloc((size_t)n + 1);
	if (msg && (size_t)n < sizeof small)
		memcpy(msg, small, (size_t)n + 1);
	else if (msg)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	if (!msg || !(msg = escape_unsafe(msg)))
		return;
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
	e->severity = severity;
}

void cchc_diag_addf(cchc_diag *diag, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(diag, CCHC_DIAG_ERROR, file, line, fmt, ap);
	va_end(ap);
}

void cchc_diag_addw(cchc_diag *diag, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(diag, CCHC_DIAG_WARNING, file, line, fmt, ap);
	va_end(ap);
}

size_t cchc_diag_count(const cchc_diag *diag)
{
	return diag ? diag->count : 0;
}

size_t cchc_diag_warnings(const cchc_diag *diag)
{
	return diag ? diag->warnings : 0;
}

size_t cchc_diag_stored(const cchc_diag *diag)
{
	return diag ? diag->stored : 0;
}

const cchc_diag_entry *cchc_diag_get(const cchc_diag *diag, size_t i)
{
	return diag && i < diag->stored ? &diag->entries[i] : NULL;
}
