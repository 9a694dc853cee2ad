/* See server_client.h. */
#include "server_client.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "json_read.h"

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
	test_response *r = ctx;
	char *grown = realloc(r->body, r->len + size * n + 1);
	if (!grown)
		return 0;
	memcpy(grown + r->len, p, size * n);
	r->len += size * n;
	grown[r->len] = 0;
	r->body = grown;
	return size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ctx)
{
	test_response *r = ctx;
	size_t have = strlen(r->headers);
	if (have + size * n < sizeof r->headers) {
		memcpy(r->headers + have, p, size * n);
		r->headers[have + size * n] = 0;
	}
	return size * n;
}

long test_http(test_client *c, const char *method, const char *path, const char *body,
               size_t len, const char *content_type, test_response *r)
{
	char url[2048], h[256];
	memset(r, 0, sizeof *r);
	CURL *curl = curl_easy_init();
	struct curl_slist *hs = NULL;
	if (!curl)
		return 0;
	snprintf(url, sizeof url, "%s://127.0.0.1:%u%s", c->ca ? "https" : "http", c->port, path);
	if (c->ca)
		curl_easy_setopt(curl, CURLOPT_CAINFO, c->ca);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L); /* "/../" goes to the server as written */
	curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
	if (body) {
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	}
	snprintf(h, sizeof h, "Content-Type: %s", content_type ? content_type : "application/json");
	hs = curl_slist_append(hs, h);
	hs = curl_slist_append(hs, "Expect:");
	if (c->cookie[0]) {
		snprintf(h, sizeof h, "Cookie: %s", c->cookie);
		hs = curl_slist_append(hs, h);
	}
	if (c->csrf[0]) {
		snprintf(h, sizeof h, "X-CSRF-Token: %s", c->csrf);
		hs = curl_slist_append(hs, h);
	}
	if (c->lang) {
		snprintf(h, sizeof h, "Accept-Language: %s", c->lang);
		hs = curl_slist_append(hs, h);
	}
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hs);
	if (curl_easy_perform(curl) == CURLE_OK)
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(curl);
	if (!r->body)
		r->body = calloc(1, 1);
	return r->status;
}

void test_response_free(test_response *r)
{
	free(r->body);
	r->body = NULL;
}

const char *test_header(const test_response *r, const char *name)
{
	static char value[512];
	size_t n = strlen(name);
	for (const char *p = r->headers; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1, *e = strchr(v, '\r');
			while (*v == ' ')
				v++;
			size_t l = e ? (size_t)(e - v) : strlen(v);
			if (l >= sizeof value)
				l = sizeof value - 1;
			memcpy(value, v, l);
			value[l] = 0;
			return value;
		}
	}
	return NULL;
}

long test_login(test_client *c, const char *user, const char *password)
{
	char body[256];
	test_response r;
	snprintf(body, sizeof body, "{\"user\": \"%s\", \"password\": \"%s\"}", user, password);
	c->cookie[0] = c->csrf[0] = 0;
	long status = test_http(c, "POST", "/api/session", body, strlen(body), NULL, &r);
	const char *set = test_header(&r, "Set-Cookie");
	if (status == 200 && set) {
		size_t l = strcspn(set, ";");
		if (l < sizeof c->cookie) {
			memcpy(c->cookie, set, l);
			c->cookie[l] = 0;
		}
		json_value *v = json_parse(r.body, r.len, NULL, 0);
		const char *csrf = json_str(json_get(v, "csrf"));
		if (csrf)
			snprintf(c->csrf, sizeof c->csrf, "%s", csrf);
		json_free(v);
	}
	test_response_free(&r);
	return status;
}

long test_call(test_client *c, const char *method, const char *path, const char *json,
               test_response *keep)
{
	test_response r;
	long status = test_http(c, method, path, json, json ? strlen(json) : 0, NULL, &r);
	if (keep)
		*keep = r;
	else
		test_response_free(&r);
	return status;
}
