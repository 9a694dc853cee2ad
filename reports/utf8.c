/* UTF-8 decoding and display width, so that text is measured by code points
 * and never cut inside a multi-byte sequence. */
#include "report_priv.h"

size_t cchc_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0) {
		*cp = 0;
		return 0;
	}
	unsigned char c = u[0];
	size_t need;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		v = c & 0x1Fu;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		v = c & 0x0Fu;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		v = c & 0x07u;
		min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < need) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (u[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return need;
}

int cchc_utf8_cp_width(uint32_t cp)
{
	/* Combining marks: decomposed Vietnamese tone marks live in U+0300..U+036F. */
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	    (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	    (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D || cp == 0xFEFF)
		return 0;
	return 1;
}

size_t cchc_utf8_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += cchc_utf8_next(s + i, len - i, &cp);
		w += (size_t)cchc_utf8_cp_width(cp);
	}
	return w;
}

size_t cchc_utf8_fit(const char *s, size_t len, size_t cols, size_t *used)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = cchc_utf8_next(s + i, len - i, &cp);
		int cw = cchc_utf8_cp_width(cp);
		/* a zero-width mark stays with its base, which is already in */
		if (cw > 0 && w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i += n;
	}
	if (used)
		*used = w;
	return i;
}

int cchc_utf8_clean(cchc_buf *out, const char *s, size_t len)
{
	return cchc_utf8_clean_escaped(out, s, len, NULL);
}

int cchc_utf8_clean_escaped(cchc_buf *out, const char *s, size_t len,
                            const char *(*escape)(uint32_t cp))
{
	size_t i = 0, run = 0; /* bytes s[i-run..i) are copied as they are */
	while (i < len) {
		uint32_t cp;
		size_t n = cchc_utf8_next(s + i, len - i, &cp);
		const char *rep = escape ? escape(cp) : NULL;
		if (!rep && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
			rep = " ";
		else if (!rep && cp == 0xFFFD && n == 1)
			rep = "\xEF\xBF\xBD";
		if (rep) {
			cchc_buf_append(out, s + i - run, run);
			cchc_buf_puts(out, rep);
			run = 0;
		} else {
			run += n;
		}
		i += n;
	}
	cchc_buf_append(out, s + len - run, run);
	return out->failed ? -1 : 0;
}
