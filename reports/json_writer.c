/* Streaming JSON writer: RFC 8259 strings (C0, DEL and C1 control characters
 * as \u00XX, other UTF-8 passed through, invalid bytes replaced by U+FFFD)
 * and exact numbers. */
#include "json_writer.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cchc/report.h"
#include "report_priv.h"

void cchc_json_init(cchc_json *j, cchc_buf *out, int pretty)
{
	j->out = out;
	j->depth = 0;
	j->has_items = 0;
	j->after_key = 0;
	j->pretty = pretty;
}

static size_t strlen_or_zero(const char *s)
{
	return s ? strlen(s) : 0;
}

static void newline(cchc_json *j)
{
	if (!j->pretty)
		return;
	cchc_buf_puts(j->out, "\n");
	cchc_buf_repeat(j->out, ' ', (size_t)j->depth * 2);
}

/* Separator and indentation before a value (or a key). */
static void before_value(cchc_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->has_items)
		cchc_buf_puts(j->out, ",");
	if (j->depth > 0)
		newline(j);
	j->has_items = 1;
}

static void container_open(cchc_json *j, const char *c)
{
	before_value(j);
	cchc_buf_puts(j->out, c);
	j->depth++;
	j->has_items = 0;
}

static void container_close(cchc_json *j, const char *c)
{
	j->depth--;
	if (j->has_items)
		newline(j);
	cchc_buf_puts(j->out, c);
	j->has_items = 1; /* the parent holds at least the container just closed */
}

void cchc_json_object_begin(cchc_json *j)
{
	container_open(j, "{");
}

void cchc_json_object_end(cchc_json *j)
{
	container_close(j, "}");
}

void cchc_json_array_begin(cchc_json *j)
{
	container_open(j, "[");
}

void cchc_json_array_end(cchc_json *j)
{
	container_close(j, "]");
}

/* "\u00XX" for a control character c < 0x100. */
static const char *u_escape(char u[7], uint32_t c)
{
	static const char hex[] = "0123456789abcdef";
	memcpy(u, "\\u00", 4);
	u[4] = hex[(c >> 4) & 15];
	u[5] = hex[c & 15];
	u[6] = '\0';
	return u;
}

static void write_string(cchc_buf *out, const char *s, size_t len)
{
	cchc_buf_puts(out, "\"");
	size_t i = 0, run = 0; /* run: bytes at s[i-run..i) to copy as they are */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		size_t n = 1;
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\r')
			esc = "\\r";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\b')
			esc = "\\b";
		else if (c == '\f')
			esc = "\\f";
		else if (c < 0x20 || c == 0x7f) {
			esc = u_escape(u, c);
		} else if (c >= 0x80) {
			uint32_t cp;
			n = cchc_utf8_next(s + i, len - i, &cp);
			if (cp == 0xFFFD && n == 1) {
				esc = "\xEF\xBF\xBD"; /* an invalid byte */
			} else if (cp <= 0x9F) {
				/* C1 controls are legal JSON but unsafe on a terminal */
				esc = u_escape(u, cp);
			}
		}
		if (esc) {
			cchc_buf_append(out, s + i - run, run);
			run = 0;
			cchc_buf_puts(out, esc);
			i += n;
		} else {
			run += n;
			i += n;
		}
	}
	cchc_buf_append(out, s + len - run, run);
	cchc_buf_puts(out, "\"");
}

void cchc_json_key(cchc_json *j, const char *key)
{
	before_value(j);
	write_string(j->out, key, strlen_or_zero(key));
	cchc_buf_puts(j->out, j->pretty ? ": " : ":");
	j->after_key = 1;
}

void cchc_json_string_len(cchc_json *j, const char *s, size_t len)
{
	before_value(j);
	if (!s)
		cchc_buf_puts(j->out, "null");
	else
		write_string(j->out, s, len);
}

void cchc_json_string(cchc_json *j, const char *s)
{
	cchc_json_string_len(j, s, strlen_or_zero(s));
}

void cchc_json_int(cchc_json *j, int64_t v)
{
	before_value(j);
	cchc_buf_printf(j->out, "%" PRId64, v);
}

void cchc_json_hundredths(cchc_json *j, int64_t v)
{
	char num[CCHC_FMT_SIZE];
	cchc_fmt_points_short(num, v, CCHC_LANG_EN); /* the locale layer formats every number */
	before_value(j);
	cchc_buf_puts(j->out, num);
}

void cchc_json_decimal(cchc_json *j, int64_t v)
{
	char num[CCHC_FMT_SIZE];
	cchc_fmt_decimal(num, v, CCHC_LANG_EN);
	before_value(j);
	cchc_buf_puts(j->out, num);
}

void cchc_json_stat(cchc_json *j, double v)
{
	before_value(j);
	if (!(v == v) || v > 1e15 || v < -1e15) { /* NaN or beyond any score */
		cchc_buf_puts(j->out, "null");
		return;
	}
	char num[48];
	int n = snprintf(num, sizeof num, "%.4f", v);
	while (n > 0 && num[n - 1] == '0')
		num[--n] = '\0';
	if (n > 0 && num[n - 1] == '.')
		num[--n] = '\0';
	if (strcmp(num, "-0") == 0)
		strcpy(num, "0");
	cchc_buf_puts(j->out, num);
}

void cchc_json_bool(cchc_json *j, int v)
{
	before_value(j);
	cchc_buf_puts(j->out, v ? "true" : "false");
}

void cchc_json_null(cchc_json *j)
{
	before_value(j);
	cchc_buf_puts(j->out, "null");
}

int cchc_json_finish(cchc_json *j)
{
	if (j->pretty)
		cchc_buf_puts(j->out, "\n");
	return j->out->failed || j->depth != 0 ? -1 : 0;
}
