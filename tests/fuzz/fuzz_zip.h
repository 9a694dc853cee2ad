/* A stored (uncompressed) zip built in memory from parts, the first of them
 * taken from the fuzzer's input (NUL-separated, a missing one its default),
 * so that libFuzzer mutates a workbook's XML rather than deflate streams
 * (fuzz_xlsx.c, fuzz_plan_book.c). */
#ifndef CCHC_FUZZ_ZIP_H
#define CCHC_FUZZ_ZIP_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#define FUZZ_ZIP_MAX_PARTS 16

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, unsigned long v)
{
	put16(p, (unsigned)(v & 0xFFFF));
	put16(p + 2, (unsigned)(v >> 16));
}

/* nparts parts named names: the first nfuzzed from data, NUL-separated (missing ones: their
 * defaults), the rest their defaults; the zip (to free) and *len its size, or NULL. */
static unsigned char *fuzz_zip_pack(const uint8_t *data, size_t size, int nfuzzed, int nparts,
                                    const char *const *names, const char *const *defaults, size_t *len)
{
	const unsigned char *body[FUZZ_ZIP_MAX_PARTS];
	size_t blen[FUZZ_ZIP_MAX_PARTS], at = 0;
	if (nparts > FUZZ_ZIP_MAX_PARTS)
		return NULL;
	for (int i = 0; i < nparts; i++) {
		if (i < nfuzzed && at <= size && size > 0 && (i == 0 || at < size)) {
			const uint8_t *end = memchr(data + at, 0, size - at);
			size_t n = end ? (size_t)(end - (data + at)) : size - at;
			body[i] = data + at;
			blen[i] = n;
			at += n + 1;
		} else {
			body[i] = (const unsigned char *)defaults[i];
			blen[i] = strlen(defaults[i]);
			at = size + 1;
		}
	}
	size_t total = 22;
	for (int i = 0; i < nparts; i++)
		total += 30 + 46 + 2 * strlen(names[i]) + blen[i];
	unsigned char *zip = calloc(1, total), *w = zip;
	if (!zip)
		return NULL;
	unsigned long offsets[FUZZ_ZIP_MAX_PARTS], crcs[FUZZ_ZIP_MAX_PARTS];
	for (int i = 0; i < nparts; i++) {
		size_t nl = strlen(names[i]);
		offsets[i] = (unsigned long)(w - zip);
		crcs[i] = crc32(0L, body[i], (uInt)blen[i]);
		put32(w, 0x04034b50);
		put16(w + 4, 10);
		put32(w + 14, crcs[i]);
		put32(w + 18, (unsigned long)blen[i]);
		put32(w + 22, (unsigned long)blen[i]);
		put16(w + 26, (unsigned)nl);
		memcpy(w + 30, names[i], nl);
		memcpy(w + 30 + nl, body[i], blen[i]);
		w += 30 + nl + blen[i];
	}
	unsigned char *dir = w;
	for (int i = 0; i < nparts; i++) {
		size_t nl = strlen(names[i]);
		put32(w, 0x02014b50);
		put16(w + 4, 20);
		put16(w + 6, 10);
		put32(w + 16, crcs[i]);
		put32(w + 20, (unsigned long)blen[i]);
		put32(w + 24, (unsigned long)blen[i]);
		put16(w + 28, (unsigned)nl);
		put32(w + 42, offsets[i]);
		memcpy(w + 46, names[i], nl);
		w += 46 + nl;
	}
	put32(w, 0x06054b50);
	put16(w + 8, (unsigned)nparts);
	put16(w + 10, (unsigned)nparts);
	put32(w + 12, (unsigned long)(w - dir));
	put32(w + 16, (unsigned long)(dir - zip));
	*len = (size_t)(w + 22 - zip);
	return zip;
}

#endif
