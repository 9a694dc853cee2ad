/* Elements of the assessment format between JSON, the database and XML. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "json_writer.h"
#include "store_node.h"

void srv_node_clear(srv_node *n)
{
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->nattrs; i++) {
		free(n->keys[i]);
		free(n->vals[i]);
	}
	for (i = 0; i < n->nkids; i++)
		srv_node_clear(&n->kids[i]);
	free(n->name);
	free(n->keys);
	free(n->vals);
	free(n->kids);
	memset(n, 0, sizeof *n);
}

int srv_node_set(srv_node *n, const char *key, const char *val)
{
	char **k = realloc(n->keys, (n->nattrs + 1) * sizeof *k);
	char **v = k ? realloc(n->vals, (n->nattrs + 1) * sizeof *v) : NULL;

	if (k)
		n->keys = k;
	if (v)
		n->vals = v;
	if (!k || !v || !(n->keys[n->nattrs] = strdup(key)))
		return -1;
	if (!(n->vals[n->nattrs] = strdup(val))) {
		free(n->keys[n->nattrs]);
		return -1;
	}
	n->nattrs++;
	return 0;
}

const char *srv_node_get(const srv_node *n, const char *key)
{
	size_t i;

	for (i = 0; i < n->nattrs; i++)
		if (strcmp(n->keys[i], key) == 0)
			return n->vals[i];
	return NULL;
}

srv_node *srv_node_add_kid(srv_node *n, const char *name)
{
	srv_node *k = realloc(n->kids, (n->nkids + 1) * sizeof *k);

	if (!k)
		return NULL;
	n->kids = k;
	k = &n->kids[n->nkids];
	memset(k, 0, sizeof *k);
	if (!(k->name = strdup(name)))
		return NULL;
	n->nkids++;
	return k;
}

/* An XML attribute name: a letter or '_', then letters, digits, '.', '_', '-'. */
static int name_ok(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char c = s[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
		if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '.' || c == '-')))
			return 0;
	}
	return i > 0 && i < 64;
}

/* The value of a scalar member as an attribute would hold it; NULL otherwise. */
static const char *scalar(const srv_json *v)
{
	switch (v->type) {
	case SRV_JSON_STRING:
	case SRV_JSON_NUMBER:
		return v->text;
	case SRV_JSON_TRUE:
		return "true";
	case SRV_JSON_FALSE:
		return "false";
	default:
		return NULL;
	}
}

/* The flat members of obj as attributes of n. */
static int attrs_from(srv_node *n, const srv_json *obj, const char *where, const char *const *skip, char *err,
                      size_t errlen)
{
	size_t i, k;

	for (i = 0; i < obj->n; i++) {
		const char *key = obj->keys[i], *val = scalar(obj->items[i]);
		int skipped = 0;
		for (k = 0; skip && skip[k]; k++)
			skipped |= strcmp(skip[k], key) == 0;
		if (skipped || obj->items[i]->type == SRV_JSON_NULL ||
		    ((!strcmp(key, "docs") || !strcmp(key, "answers")) && obj->items[i]->type == SRV_JSON_ARRAY))
			continue;
		if (!name_ok(key)) {
			snprintf(err, errlen, "%s\"%s\": not an attribute name of the assessment format", where, key);
			return -1;
		}
		if (!val) {
			snprintf(err, errlen, "%s%s: give a string, a number or true/false", where, key);
			return -1;
		}
		if (srv_node_set(n, key, val) != 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

static int kids_from(srv_node *n, const srv_json *arr, const char *key, const char *kid, char *err,
                     size_t errlen)
{
	char where[64];
	size_t i;

	for (i = 0; i < arr->n; i++) {
		srv_node *k;
		snprintf(where, sizeof where, "%s[%zu].", key, i);
		if (arr->items[i]->type != SRV_JSON_OBJECT) {
			snprintf(err, errlen, "%s[%zu]: give an object", key, i);
			return -1;
		}
		if (!(k = srv_node_add_kid(n, kid))) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (attrs_from(k, arr->items[i], where, NULL, err, errlen) != 0)
			return -1;
	}
	return 0;
}

int srv_node_from_json(srv_node *out, const char *name, const char *json, size_t len,
                       const char *const *skip, char *err, size_t errlen)
{
	srv_json *v = NULL;
	const srv_json *arr;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (srv_json_parse(&v, json, len, err, errlen) != 0)
		return -1;
	if (v->type != SRV_JSON_OBJECT) {
		snprintf(err, errlen, "give the item's attributes as a JSON object");
		goto cleanup;
	}
	if (!(out->name = strdup(name))) {
		snprintf(err, errlen, "out of memory");
		goto cleanup;
	}
	if (attrs_from(out, v, "", skip, err, errlen) != 0)
		goto cleanup;
	if ((arr = srv_json_get(v, "docs")) && arr->type == SRV_JSON_ARRAY &&
	    kids_from(out, arr, "docs", "doc", err, errlen) != 0)
		goto cleanup;
	if ((arr = srv_json_get(v, "answers")) && arr->type == SRV_JSON_ARRAY &&
	    kids_from(out, arr, "answers", "answer", err, errlen) != 0)
		goto cleanup;
	rc = 0;
cleanup:
	srv_json_free(v);
	if (rc != 0)
		srv_node_clear(out);
	return rc;
}

static void attrs_json(cchc_json *j, const srv_node *n)
{
	size_t i;

	for (i = 0; i < n->nattrs; i++) {
		cchc_json_key(j, n->keys[i]);
		cchc_json_string(j, n->vals[i]);
	}
}

void srv_node_json(const srv_node *n, cchc_buf *out)
{
	static const char *const groups[][2] = {{"doc", "docs"}, {"answer", "answers"}};
	cchc_json j;
	size_t g, i;

	cchc_json_init(&j, out, 0);
	cchc_json_object_begin(&j);
	attrs_json(&j, n);
	for (g = 0; g < 2; g++) {
		int open = 0;
		for (i = 0; i < n->nkids; i++) {
			if (strcmp(n->kids[i].name, groups[g][0]) != 0)
				continue;
			if (!open++) {
				cchc_json_key(&j, groups[g][1]);
				cchc_json_array_begin(&j);
			}
			cchc_json_object_begin(&j);
			attrs_json(&j, &n->kids[i]);
			cchc_json_object_end(&j);
		}
		if (open)
			cchc_json_array_end(&j);
	}
	cchc_json_object_end(&j);
	cchc_json_finish(&j);
}

void srv_xml_escape(cchc_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': cchc_buf_puts(out, "&amp;"); break;
		case '<': cchc_buf_puts(out, "&lt;"); break;
		case '>': cchc_buf_puts(out, "&gt;"); break;
		case '"': cchc_buf_puts(out, "&quot;"); break;
		/* kept as characters: a literal one would become a space when read back */
		case '\t': cchc_buf_puts(out, "&#9;"); break;
		case '\n': cchc_buf_puts(out, "&#10;"); break;
		case '\r': cchc_buf_puts(out, "&#13;"); break;
		default: cchc_buf_append(out, s, 1);
		}
	}
}

static void attr_xml(cchc_buf *out, const char *key, const char *val)
{
	cchc_buf_printf(out, " %s=\"", key);
	srv_xml_escape(out, val);
	cchc_buf_puts(out, "\"");
}

void srv_node_xml(const srv_node *n, const char *first_key, const char *first_val, int indent,
                  cchc_buf *out)
{
	size_t i;

	cchc_buf_repeat(out, ' ', (size_t)indent);
	cchc_buf_printf(out, "<%s", n->name);
	if (first_key)
		attr_xml(out, first_key, first_val);
	for (i = 0; i < n->nattrs; i++)
		if (!first_key || strcmp(n->keys[i], first_key) != 0)
			attr_xml(out, n->keys[i], n->vals[i]);
	if (!n->nkids) {
		cchc_buf_puts(out, "/>\n");
		return;
	}
	cchc_buf_puts(out, ">\n");
	for (i = 0; i < n->nkids; i++)
		srv_node_xml(&n->kids[i], NULL, NULL, indent + 2, out);
	cchc_buf_repeat(out, ' ', (size_t)indent);
	cchc_buf_printf(out, "</%s>\n", n->name);
}
