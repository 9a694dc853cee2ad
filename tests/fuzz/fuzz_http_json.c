/* libFuzzer target: the server's request-body JSON reader (server/json_read.c).
 * Contract: 0 with a tree and no message, or -1 with no tree and a message
 * "byte N: ..." where N lies within the input; an accepted tree's strings are
 * valid NUL-free text of the length it says. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const srv_json *v)
{
	if ((v->type == SRV_JSON_STRING || v->type == SRV_JSON_NUMBER) &&
	    (!v->text || strlen(v->text) != v->len))
		abort();
	for (size_t i = 0; i < v->n; i++) {
		if (v->type == SRV_JSON_OBJECT && !v->keys[i])
			abort();
		walk(v->items[i]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[128];
	srv_json *v = NULL;
	int rc = srv_json_parse(&v, (const char *)data, size, err, sizeof err);
	if (rc == 0) {
		if (!v || err[0])
			abort();
		walk(v);
	} else {
		size_t at;
		if (rc != -1 || v || sscanf(err, "byte %zu: ", &at) != 1 || at > size) {
			fprintf(stderr, "reader contract broken: rc %d, tree %p, \"%s\"\n", rc, (void *)v, err);
			abort();
		}
	}
	srv_json_free(v);
	return 0;
}
