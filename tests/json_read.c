/* A strict RFC 8259 reader for the test suites (see json_read.h). Recursive
 * descent, bounded by JSON_READ_MAX_DEPTH; every allocation is checked and
 * a failed parse frees whatever it had built. */
#include "json_read.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct json_value {
	json_type type;
	char *text;       /* string: decoded UTF-8; number: source text; NUL-terminated */
	size_t text_len;
	double num;
	json_value **items; /* array elements, or object values */
	char **keys;        /* objects: decoded keys, NUL-terminated */
	size_t *key_lens;
	size_t n, cap;
};

typedef struct {
	const char *s;
	size_t len, pos;
	int depth;
	unsigned flags;
	char *err;
	size_t errsize;
	int failed;
} parser;

/* A growing byte string for decoding strings. */
typedef struct {
	char *data;
	size_t len, cap;
} strbuf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void fail(parser *p, const char *fmt, ...)
{
	if (p->failed)
		return; /* keep the first, innermost message */
	p->failed = 1;
	if (!p->err || p->errsize == 0)
		return;
	size_t line = 1, col = 1;
	for (size_t i = 0; i < p->pos && i < p->len; i++) {
		if (p->s[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	char what[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errsize, "line %zu, column %zu: %s", line, col, what);
}

static int at_end(const parser *p)
{
	return p->pos >= p->len;
}

static unsigned char peek(const parser *p)
{
	return at_end(p) ? 0 : (unsigned char)p->s[p->pos];
}

/* A character for messages: printable ASCII as itself, else a byte in hex. */
static const char *show(unsigned char c, char out[8])
{
	if (c >= 0x20 && c < 0x7f)
		snprintf(out, 8, "'%c'", c);
	else
		snprintf(out, 8, "0x%02x", c);
	return out;
}

static void skip_ws(parser *p)
{
	while (!at_end(p)) {
		char c = p->s[p->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static json_value *new_value(parser *p, json_type type)
{
	json_value *v = calloc(1, sizeof *v);
	if (!v)
		fail(p, "out of memory");
	else
		v->type = type;
	return v;
}

void json_free(json_value *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++) {
		json_free(v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->key_lens);
	free(v->text);
	free(v);
}

/* ---- strings ---------------------------------------------------------------- */

static int sb_put(parser *p, strbuf *b, const char *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 32;
		while (cap < b->len + n + 1) {
			if (cap > SIZE_MAX / 2) {
				fail(p, "out of memory");
				return -1;
			}
			cap *= 2;
		}
		char *d = realloc(b->data, cap);
		if (!d) {
			fail(p, "out of memory");
			return -1;
		}
		b->data = d;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

static int sb_put_cp(parser *p, strbuf *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return sb_put(p, b, u, n);
}

/* Four hex digits at p->pos; -1 if they are not there. */
static long hex4(parser *p)
{
	if (p->len - p->pos < 4)
		return -1;
	long v = 0;
	for (size_t i = 0; i < 4; i++) {
		char c = p->s[p->pos + i];
		int d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	p->pos += 4;
	return v;
}

/* After "\u": one code point, joining a surrogate pair. */
static int unicode_escape(parser *p, strbuf *b)
{
	long hi = hex4(p);
	if (hi < 0) {
		fail(p, "\\u needs four hex digits");
		return -1;
	}
	uint32_t cp = (uint32_t)hi;
	if (cp >= 0xDC00 && cp <= 0xDFFF) {
		fail(p, "lone low surrogate \\u%04lX", hi);
		return -1;
	}
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (p->len - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u') {
			fail(p, "high surrogate \\u%04lX without its low surrogate", hi);
			return -1;
		}
		p->pos += 2;
		long lo = hex4(p);
		if (lo < 0xDC00 || lo > 0xDFFF) {
			fail(p, "high surrogate \\u%04lX followed by something other than a low surrogate", hi);
			return -1;
		}
		cp = 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
	}
	return sb_put_cp(p, b, cp);
}

/* Length of the valid UTF-8 sequence at p->pos (a lead byte >= 0x80), or 0:
 * no overlong forms, no encoded surrogates, nothing above U+10FFFF. */
static size_t utf8_sequence(const parser *p)
{
	const unsigned char *s = (const unsigned char *)p->s + p->pos;
	size_t left = p->len - p->pos;
	unsigned char c = s[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (left < n || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

/* A string at p->pos (on its opening quote), decoded into *b. */
static int parse_string_into(parser *p, strbuf *b)
{
	size_t start = p->pos;
	p->pos++; /* the opening quote */
	if (sb_put(p, b, "", 0) < 0)
		return -1;
	for (;;) {
		if (at_end(p)) {
			p->pos = start;
			fail(p, "unterminated string");
			return -1;
		}
		unsigned char c = peek(p);
		if (c == '"') {
			p->pos++;
			return 0;
		}
		if (c < 0x20) {
			char shown[8];
			fail(p, "control character %s in a string (escape it)", show(c, shown));
			return -1;
		}
		if (c == '\\') {
			p->pos++;
			if (at_end(p)) {
				p->pos = start;
				fail(p, "unterminated string");
				return -1;
			}
			char e = p->s[p->pos++];
			const char *lit = NULL;
			switch (e) {
			case '"': lit = "\""; break;
			case '\\': lit = "\\"; break;
			case '/': lit = "/"; break;
			case 'b': lit = "\b"; break;
			case 'f': lit = "\f"; break;
			case 'n': lit = "\n"; break;
			case 'r': lit = "\r"; break;
			case 't': lit = "\t"; break;
			case 'u':
				if (unicode_escape(p, b) < 0)
					return -1;
				continue;
			default: {
				char shown[8];
				p->pos--;
				fail(p, "invalid escape \\%s", show((unsigned char)e, shown));
				return -1;
			}
			}
			if (sb_put(p, b, lit, 1) < 0)
				return -1;
			continue;
		}
		size_t n = 1;
		if (c >= 0x80) {
			n = utf8_sequence(p);
			if (n == 0) {
				fail(p, "invalid UTF-8 in a string");
				return -1;
			}
		}
		/* copy the run of plain bytes up to the next quote, escape or control */
		size_t run = n;
		while (p->pos + run < p->len) {
			unsigned char d = (unsigned char)p->s[p->pos + run];
			if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80)
				break;
			run++;
		}
		if (sb_put(p, b, p->s + p->pos, run) < 0)
			return -1;
		p->pos += run;
	}
}

/* ---- numbers ---------------------------------------------------------------- */

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static json_value *parse_number(parser *p)
{
	size_t start = p->pos;
	if (peek(p) == '-')
		p->pos++;
	if (!is_digit(peek(p))) {
		fail(p, "a number needs a digit here");
		return NULL;
	}
	if (peek(p) == '0') {
		p->pos++;
		if (is_digit(peek(p))) {
			fail(p, "leading zero in a number");
			return NULL;
		}
	} else {
		while (is_digit(peek(p)))
			p->pos++;
	}
	if (peek(p) == '.') {
		p->pos++;
		if (!is_digit(peek(p))) {
			fail(p, "a fraction needs a digit after '.'");
			return NULL;
		}
		while (is_digit(peek(p)))
			p->pos++;
	}
	if (peek(p) == 'e' || peek(p) == 'E') {
		p->pos++;
		if (peek(p) == '+' || peek(p) == '-')
			p->pos++;
		if (!is_digit(peek(p))) {
			fail(p, "an exponent needs a digit");
			return NULL;
		}
		while (is_digit(peek(p)))
			p->pos++;
	}
	json_value *v = new_value(p, JSON_NUMBER);
	if (!v)
		return NULL;
	v->text_len = p->pos - start;
	v->text = malloc(v->text_len + 1);
	if (!v->text) {
		free(v);
		fail(p, "out of memory");
		return NULL;
	}
	memcpy(v->text, p->s + start, v->text_len);
	v->text[v->text_len] = '\0';
	v->num = strtod(v->text, NULL); /* the grammar above is a subset of strtod's */
	if (isinf(v->num)) {
		p->pos = start;
		json_free(v);
		fail(p, "number out of range");
		return NULL;
	}
	return v;
}

/* ---- containers --------------------------------------------------------------- */

static int push(parser *p, json_value *parent, json_value *item, char *key, size_t key_len)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 4;
		if (cap > SIZE_MAX / sizeof(char *) / 2) {
			fail(p, "out of memory");
			return -1;
		}
		json_value **items = realloc(parent->items, cap * sizeof *items);
		if (!items) {
			fail(p, "out of memory");
			return -1;
		}
		parent->items = items;
		if (parent->type == JSON_OBJECT) {
			char **keys = realloc(parent->keys, cap * sizeof *keys);
			if (!keys) {
				fail(p, "out of memory");
				return -1;
			}
			parent->keys = keys;
			size_t *lens = realloc(parent->key_lens, cap * sizeof *lens);
			if (!lens) {
				fail(p, "out of memory");
				return -1;
			}
			parent->key_lens = lens;
		}
		parent->cap = cap;
	}
	parent->items[parent->n] = item;
	if (parent->type == JSON_OBJECT) {
		parent->keys[parent->n] = key;
		parent->key_lens[parent->n] = key_len;
	}
	parent->n++;
	return 0;
}

static json_value *parse_value(parser *p);

static int enter(parser *p)
{
	if (p->depth >= JSON_READ_MAX_DEPTH) {
		fail(p, "nesting deeper than %d", JSON_READ_MAX_DEPTH);
		return -1;
	}
	p->depth++;
	return 0;
}

/* After a ',' or at the start of a container: the closing bracket here would
 * make a trailing comma. */
static int trailing_comma(parser *p, char close)
{
	if (peek(p) == (unsigned char)close) {
		fail(p, "trailing comma before '%c'", close);
		return 1;
	}
	return 0;
}

static json_value *parse_array(parser *p)
{
	if (enter(p) < 0)
		return NULL;
	json_value *arr = new_value(p, JSON_ARRAY);
	if (!arr)
		return NULL;
	p->pos++; /* '[' */
	skip_ws(p);
	if (peek(p) == ']') {
		p->pos++;
		p->depth--;
		return arr;
	}
	for (;;) {
		json_value *item = parse_value(p);
		if (!item || push(p, arr, item, NULL, 0) < 0) {
			json_free(item);
			json_free(arr);
			return NULL;
		}
		skip_ws(p);
		unsigned char c = peek(p);
		if (c == ']') {
			p->pos++;
			p->depth--;
			return arr;
		}
		if (c != ',') {
			char shown[8];
			if (at_end(p))
				fail(p, "unterminated array");
			else
				fail(p, "expected ',' or ']' in an array, got %s", show(c, shown));
			json_free(arr);
			return NULL;
		}
		p->pos++;
		skip_ws(p);
		if (trailing_comma(p, ']')) {
			json_free(arr);
			return NULL;
		}
	}
}

static int has_key(const json_value *obj, const char *key, size_t len)
{
	for (size_t i = 0; i < obj->n; i++)
		if (obj->key_lens[i] == len && memcmp(obj->keys[i], key, len) == 0)
			return 1;
	return 0;
}

static json_value *parse_object(parser *p)
{
	if (enter(p) < 0)
		return NULL;
	json_value *obj = new_value(p, JSON_OBJECT);
	if (!obj)
		return NULL;
	p->pos++; /* '{' */
	skip_ws(p);
	if (peek(p) == '}') {
		p->pos++;
		p->depth--;
		return obj;
	}
	for (;;) {
		char shown[8];
		if (peek(p) != '"') {
			if (at_end(p))
				fail(p, "unterminated object");
			else
				fail(p, "expected a string key, got %s", show(peek(p), shown));
			json_free(obj);
			return NULL;
		}
		size_t key_pos = p->pos;
		strbuf key = {NULL, 0, 0};
		if (parse_string_into(p, &key) < 0) {
			free(key.data);
			json_free(obj);
			return NULL;
		}
		if (!(p->flags & JSON_READ_ALLOW_DUPLICATE_KEYS) && has_key(obj, key.data, key.len)) {
			p->pos = key_pos;
			fail(p, "duplicate key \"%s\"", key.data);
			free(key.data);
			json_free(obj);
			return NULL;
		}
		skip_ws(p);
		if (peek(p) != ':') {
			fail(p, "expected ':' after the key \"%s\"", key.data);
			free(key.data);
			json_free(obj);
			return NULL;
		}
		p->pos++;
		json_value *item = parse_value(p);
		if (!item || push(p, obj, item, key.data, key.len) < 0) {
			json_free(item);
			free(key.data);
			json_free(obj);
			return NULL;
		}
		skip_ws(p);
		unsigned char c = peek(p);
		if (c == '}') {
			p->pos++;
			p->depth--;
			return obj;
		}
		if (c != ',') {
			if (at_end(p))
				fail(p, "unterminated object");
			else
				fail(p, "expected ',' or '}' in an object, got %s", show(c, shown));
			json_free(obj);
			return NULL;
		}
		p->pos++;
		skip_ws(p);
		if (trailing_comma(p, '}')) {
			json_free(obj);
			return NULL;
		}
	}
}

static json_value *parse_literal(parser *p, const char *word, json_type type)
{
	size_t n = strlen(word);
	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) {
		fail(p, "invalid literal (expected %s)", word);
		return NULL;
	}
	p->pos += n;
	return new_value(p, type);
}

static json_value *parse_value(parser *p)
{
	skip_ws(p);
	unsigned char c = peek(p);
	char shown[8];
	if (at_end(p)) {
		fail(p, "a value is missing (end of input)");
		return NULL;
	}
	switch (c) {
	case '{':
		return parse_object(p);
	case '[':
		return parse_array(p);
	case '"': {
		strbuf b = {NULL, 0, 0};
		if (parse_string_into(p, &b) < 0) {
			free(b.data);
			return NULL;
		}
		json_value *v = new_value(p, JSON_STRING);
		if (!v) {
			free(b.data);
			return NULL;
		}
		v->text = b.data;
		v->text_len = b.len;
		return v;
	}
	case 't':
		return parse_literal(p, "true", JSON_TRUE);
	case 'f':
		return parse_literal(p, "false", JSON_FALSE);
	case 'n':
		return parse_literal(p, "null", JSON_NULL);
	default:
		if (c == '-' || is_digit(c))
			return parse_number(p);
		fail(p, "unexpected %s where a value should start", show(c, shown));
		return NULL;
	}
}

json_value *json_parse(const char *text, size_t len, char *err, size_t errsize)
{
	return json_parse_ex(text, len, 0, err, errsize);
}

json_value *json_parse_ex(const char *text, size_t len, unsigned flags, char *err,
                          size_t errsize)
{
	parser p = {text ? text : "", text ? len : 0, 0, 0, flags, err, errsize, 0};
	if (err && errsize > 0)
		err[0] = '\0';
	if (p.len >= 3 && memcmp(p.s, "\xEF\xBB\xBF", 3) == 0) {
		fail(&p, "byte order mark before the value");
		return NULL;
	}
	json_value *v = parse_value(&p);
	if (!v)
		return NULL;
	skip_ws(&p);
	if (!at_end(&p)) {
		char shown[8];
		fail(&p, "garbage after the value: %s", show(peek(&p), shown));
		json_free(v);
		return NULL;
	}
	return v;
}

/* ---- access --------------------------------------------------------------------- */

json_type json_type_of(const json_value *v)
{
	return v ? v->type : JSON_NULL;
}

int json_is_null(const json_value *v)
{
	return v && v->type == JSON_NULL;
}

int json_bool(const json_value *v)
{
	if (!v)
		return -1;
	return v->type == JSON_TRUE ? 1 : v->type == JSON_FALSE ? 0 : -1;
}

size_t json_len(const json_value *v)
{
	return v && (v->type == JSON_ARRAY || v->type == JSON_OBJECT) ? v->n : 0;
}

const json_value *json_at(const json_value *arr, size_t i)
{
	return arr && arr->type == JSON_ARRAY && i < arr->n ? arr->items[i] : NULL;
}

static const json_value *get_n(const json_value *obj, const char *key, size_t len)
{
	if (!obj || obj->type != JSON_OBJECT || !key)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (obj->key_lens[i] == len && memcmp(obj->keys[i], key, len) == 0)
			return obj->items[i];
	return NULL;
}

const json_value *json_get(const json_value *obj, const char *key)
{
	return key ? get_n(obj, key, strlen(key)) : NULL;
}

const char *json_key_at(const json_value *obj, size_t i)
{
	return obj && obj->type == JSON_OBJECT && i < obj->n ? obj->keys[i] : NULL;
}

const json_value *json_member(const json_value *obj, size_t i)
{
	return obj && obj->type == JSON_OBJECT && i < obj->n ? obj->items[i] : NULL;
}

const char *json_str(const json_value *v)
{
	return v && v->type == JSON_STRING ? v->text : NULL;
}

size_t json_str_len(const json_value *v)
{
	return v && v->type == JSON_STRING ? v->text_len : 0;
}

double json_num(const json_value *v)
{
	return v && v->type == JSON_NUMBER ? v->num : NAN;
}

const char *json_num_text(const json_value *v)
{
	return v && v->type == JSON_NUMBER ? v->text : NULL;
}

const json_value *json_path(const json_value *root, const char *path)
{
	const json_value *v = root;
	if (!path)
		return NULL;
	while (v && *path) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		if (v->type == JSON_ARRAY) {
			size_t i = 0;
			if (n == 0)
				return NULL;
			for (size_t k = 0; k < n; k++) {
				if (!is_digit((unsigned char)path[k]) || i > (SIZE_MAX - 9) / 10)
					return NULL;
				i = i * 10 + (size_t)(path[k] - '0');
			}
			v = json_at(v, i);
		} else {
			v = get_n(v, path, n);
		}
		if (!dot)
			break;
		path = dot + 1;
		if (!*path)
			return NULL; /* a trailing '.' names nothing */
	}
	return v;
}
