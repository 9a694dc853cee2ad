/* The request-body JSON reader (see json_read.h): recursive descent over a
 * bounded input, with a depth and a node budget so that no body can exhaust
 * the stack or the heap. */
#include "json_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const unsigned char *p;
	size_t len, pos;
	size_t nodes;
	char *err;
	size_t errlen;
	int failed;
} reader;

static void fail(reader *r, size_t at, const char *what)
{
	if (r->failed)
		return;
	r->failed = 1;
	if (r->errlen)
		snprintf(r->err, r->errlen, "byte %zu: %s", at, what);
}

static void skip_ws(reader *r)
{
	while (r->pos < r->len) {
		unsigned char c = r->p[r->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		r->pos++;
	}
}

static srv_json *node(reader *r, srv_json_type type)
{
	if (++r->nodes > SRV_JSON_MAX_NODES) {
		fail(r, r->pos, "too many values (at most 65536)");
		return NULL;
	}
	srv_json *v = calloc(1, sizeof *v);
	if (!v)
		fail(r, r->pos, "out of memory");
	else
		v->type = type;
	return v;
}

void srv_json_free(srv_json *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		if (v->keys)
			free(v->keys[i]);
		srv_json_free(v->items[i]);
	}
	free(v->keys);
	free(v->items);
	free(v->text);
	free(v);
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t need;
	uint32_t cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((need == 3 && cp < 0x800) || (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return need;
}

static int hex4(reader *r, size_t at, uint32_t *out)
{
	uint32_t v = 0;
	if (r->len - at < 4) {
		fail(r, at, "\\u needs four hex digits");
		return -1;
	}
	for (size_t i = 0; i < 4; i++) {
		unsigned char c = r->p[at + i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
		else {
			fail(r, at + i, "\\u needs four hex digits");
			return -1;
		}
	}
	*out = v;
	return 0;
}

static size_t put_utf8(unsigned char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A string at r->pos (on its opening quote), decoded into a new buffer. The
 * decoded form is never longer than the source, so one allocation suffices. */
static char *parse_string(reader *r, size_t *outlen)
{
	size_t start = ++r->pos, end = start;
	while (end < r->len && r->p[end] != '"') {
		if (r->p[end] == '\\')
			end++;
		end++;
	}
	if (end >= r->len) {
		fail(r, start - 1, "unterminated string");
		return NULL;
	}
	unsigned char *out = malloc(end - start + 1), *o = out;
	if (!out) {
		fail(r, start, "out of memory");
		return NULL;
	}
	while (r->pos < end) {
		size_t at = r->pos;
		unsigned char c = r->p[at];
		if (c < 0x20) {
			fail(r, at, "control character in a string (escape it)");
			goto bad;
		}
		if (c != '\\') {
			size_t k = utf8_seq(r->p + at, end - at);
			if (!k) {
				fail(r, at, "invalid UTF-8");
				goto bad;
			}
			memcpy(o, r->p + at, k);
			o += k;
			r->pos += k;
			continue;
		}
		c = r->p[at + 1];
		r->pos += 2;
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			uint32_t cp, lo;
			if (hex4(r, r->pos, &cp))
				goto bad;
			r->pos += 4;
			if (cp >= 0xDC00 && cp <= 0xDFFF) {
				fail(r, at, "lone low surrogate escape");
				goto bad;
			}
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (r->pos + 6 > end || r->p[r->pos] != '\\' || r->p[r->pos + 1] != 'u' ||
				    hex4(r, r->pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
					fail(r, at, "high surrogate escape without its low surrogate");
					goto bad;
				}
				r->pos += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (cp == 0) {
				fail(r, at, "\\u0000 is not allowed");
				goto bad;
			}
			o += put_utf8(o, cp);
			break;
		}
		default:
			fail(r, at, "unknown escape");
			goto bad;
		}
	}
	r->pos = end + 1;
	*o = 0;
	*outlen = (size_t)(o - out);
	return (char *)out;
bad:
	free(out);
	return NULL;
}

static int digits(reader *r)
{
	size_t s = r->pos;
	while (r->pos < r->len && r->p[r->pos] >= '0' && r->p[r->pos] <= '9')
		r->pos++;
	return r->pos > s ? 0 : -1;
}

static srv_json *parse_number(reader *r)
{
	size_t start = r->pos;
	if (r->p[r->pos] == '-')
		r->pos++;
	if (r->pos < r->len && r->p[r->pos] == '0') {
		r->pos++;
		if (r->pos < r->len && r->p[r->pos] >= '0' && r->p[r->pos] <= '9') {
			fail(r, start, "leading zero in a number");
			return NULL;
		}
	} else if (digits(r)) {
		fail(r, start, "invalid number");
		return NULL;
	}
	if (r->pos < r->len && r->p[r->pos] == '.') {
		r->pos++;
		if (digits(r)) {
			fail(r, start, "invalid number (digits must follow '.')");
			return NULL;
		}
	}
	if (r->pos < r->len && (r->p[r->pos] == 'e' || r->p[r->pos] == 'E')) {
		r->pos++;
		if (r->pos < r->len && (r->p[r->pos] == '+' || r->p[r->pos] == '-'))
			r->pos++;
		if (digits(r)) {
			fail(r, start, "invalid number (exponent without digits)");
			return NULL;
		}
	}
	srv_json *v = node(r, SRV_JSON_NUMBER);
	if (!v)
		return NULL;
	v->len = r->pos - start;
	v->text = malloc(v->len + 1);
	if (!v->text) {
		fail(r, start, "out of memory");
		free(v);
		return NULL;
	}
	memcpy(v->text, r->p + start, v->len);
	v->text[v->len] = 0;
	return v;
}

static int push(reader *r, srv_json *parent, char *key, srv_json *child)
{
	if (parent->n >= SRV_JSON_MAX_MEMBERS) { /* keeps the duplicate-key check cheap */
		fail(r, r->pos, "too many members (at most 4096 in one object or array)");
		return -1;
	}
	if ((parent->n & (parent->n - 1)) == 0) { /* grow at powers of two */
		size_t cap = parent->n ? parent->n * 2 : 1;
		srv_json **items = realloc(parent->items, cap * sizeof *items);
		if (!items)
			goto oom;
		parent->items = items;
		if (parent->type == SRV_JSON_OBJECT) {
			char **keys = realloc(parent->keys, cap * sizeof *keys);
			if (!keys)
				goto oom;
			parent->keys = keys;
		}
	}
	if (parent->keys)
		parent->keys[parent->n] = key;
	parent->items[parent->n++] = child;
	return 0;
oom:
	fail(r, r->pos, "out of memory");
	return -1;
}

static srv_json *parse_value(reader *r, unsigned depth);

static srv_json *parse_container(reader *r, unsigned depth, int object)
{
	size_t open = r->pos++;
	if (depth >= SRV_JSON_MAX_DEPTH) {
		fail(r, open, "nested too deep (at most 32 levels)");
		return NULL;
	}
	srv_json *v = node(r, object ? SRV_JSON_OBJECT : SRV_JSON_ARRAY);
	if (!v)
		return NULL;
	char close = object ? '}' : ']';
	skip_ws(r);
	if (r->pos < r->len && r->p[r->pos] == close) {
		r->pos++;
		return v;
	}
	for (;;) {
		char *key = NULL;
		skip_ws(r);
		if (object) {
			size_t kat = r->pos, klen;
			if (r->pos >= r->len || r->p[r->pos] != '"') {
				fail(r, r->pos, "expected a key in quotes");
				goto bad;
			}
			if (!(key = parse_string(r, &klen)))
				goto bad;
			if (srv_json_get(v, key)) {
				fail(r, kat, "duplicate key");
				free(key);
				goto bad;
			}
			skip_ws(r);
			if (r->pos >= r->len || r->p[r->pos] != ':') {
				fail(r, r->pos, "expected ':' after the key");
				free(key);
				goto bad;
			}
			r->pos++;
		}
		srv_json *child = parse_value(r, depth + 1);
		if (!child || push(r, v, key, child)) {
			free(key);
			srv_json_free(child);
			goto bad;
		}
		skip_ws(r);
		if (r->pos < r->len && r->p[r->pos] == ',') {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && r->p[r->pos] == close) {
			r->pos++;
			return v;
		}
		fail(r, r->pos, object ? "expected ',' or '}'" : "expected ',' or ']'");
		goto bad;
	}
bad:
	srv_json_free(v);
	return NULL;
}

static srv_json *literal(reader *r, const char *word, srv_json_type type)
{
	size_t n = strlen(word);
	if (r->len - r->pos < n || memcmp(r->p + r->pos, word, n) != 0) {
		fail(r, r->pos, "unexpected character");
		return NULL;
	}
	r->pos += n;
	return node(r, type);
}

static srv_json *parse_value(reader *r, unsigned depth)
{
	skip_ws(r);
	if (r->pos >= r->len) {
		fail(r, r->pos, "unexpected end of the body");
		return NULL;
	}
	switch (r->p[r->pos]) {
	case '{': return parse_container(r, depth, 1);
	case '[': return parse_container(r, depth, 0);
	case '"': {
		srv_json *v = node(r, SRV_JSON_STRING);
		if (v && !(v->text = parse_string(r, &v->len))) {
			free(v);
			v = NULL;
		}
		return v;
	}
	case 't': return literal(r, "true", SRV_JSON_TRUE);
	case 'f': return literal(r, "false", SRV_JSON_FALSE);
	case 'n': return literal(r, "null", SRV_JSON_NULL);
	default:
		if (r->p[r->pos] == '-' || (r->p[r->pos] >= '0' && r->p[r->pos] <= '9'))
			return parse_number(r);
		fail(r, r->pos, "unexpected character");
		return NULL;
	}
}

int srv_json_parse(srv_json **out, const char *text, size_t len, char *err, size_t errlen)
{
	reader r = {(const unsigned char *)text, len, 0, 0, err, errlen, 0};
	*out = NULL;
	if (errlen)
		err[0] = 0;
	srv_json *v = parse_value(&r, 0);
	if (v) {
		skip_ws(&r);
		if (r.pos != r.len) {
			fail(&r, r.pos, "unexpected text after the value");
			srv_json_free(v);
			return -1;
		}
		*out = v;
		return 0;
	}
	return -1;
}

const srv_json *srv_json_get(const srv_json *obj, const char *key)
{
	if (!obj || obj->type != SRV_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return obj->items[i];
	return NULL;
}

const char *srv_json_str(const srv_json *v)
{
	return v && v->type == SRV_JSON_STRING ? v->text : NULL;
}
