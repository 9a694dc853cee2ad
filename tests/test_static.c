/* The pages embedded in cchc serve (server/static.h): every file of web/ is in the
 * table, byte for byte, with its Content-Type; names are looked up, never opened. */
#include "testutil.h"

#include <stdlib.h>

#include "static.h"

static void test_lookup(void)
{
	const srv_static_file *f = srv_static_find("index.html");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_STRING_EQUAL(f->type, "text/html; charset=utf-8");
	CU_ASSERT_PTR_NOT_NULL((f = srv_static_find("app.js")));
	if (f)
		CU_ASSERT_STRING_EQUAL(f->type, "text/javascript; charset=utf-8");
	CU_ASSERT_PTR_NOT_NULL((f = srv_static_find("style.css")));
	if (f)
		CU_ASSERT_STRING_EQUAL(f->type, "text/css; charset=utf-8");
	/* what is not a page is not there: no path, no build script */
	CU_ASSERT_PTR_NULL(srv_static_find("embed.cmake"));
	CU_ASSERT_PTR_NULL(srv_static_find("../server/static.c"));
	CU_ASSERT_PTR_NULL(srv_static_find("/etc/passwd"));
	CU_ASSERT_PTR_NULL(srv_static_find(""));
	CU_ASSERT_PTR_NULL(srv_static_find(NULL));
}

/* Each embedded file is the source file's bytes, and the modules index.html loads are there. */
static void test_same_bytes(void)
{
	size_t n = 0;
	for (const srv_static_file *f = srv_static_files; f->name; f++, n++) {
		char rel[256];
		snprintf(rel, sizeof rel, "web/%s", f->name);
		size_t len = 0;
		char *src = test_read_file(test_path(rel), &len);
		CU_ASSERT_PTR_NOT_NULL(src);
		CU_ASSERT_EQUAL(len, f->len);
		CU_ASSERT(src && len == f->len && memcmp(src, f->data, len) == 0);
		free(src);
	}
	CU_ASSERT(n >= 9); /* index, style, app, api, i18n, ui, form, appraise, desk */
	static const char *const modules[] = {"app.js", "api.js", "i18n.js", "ui.js", "form.js",
	                                      "appraise.js", "desk.js"};
	for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++)
		CU_ASSERT_PTR_NOT_NULL(srv_static_find(modules[i]));
}

/* No inline script or style anywhere: the server's CSP (script-src 'self'; style-src 'self') holds. */
static void test_csp_clean(void)
{
	for (const srv_static_file *f = srv_static_files; f->name; f++) {
		char *text = malloc(f->len + 1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		memcpy(text, f->data, f->len);
		text[f->len] = 0;
		if (strstr(f->name, ".html")) {
			for (const char *p = text; (p = strstr(p, "<script")); p++) {
				const char *end = strchr(p, '>'), *src = strstr(p, " src=");
				CU_ASSERT(end && src && src < end); /* a module file, never a script body */
			}
			CU_ASSERT_PTR_NULL(strstr(text, "<style"));
			CU_ASSERT_PTR_NULL(strstr(text, "style=\""));
			CU_ASSERT_PTR_NULL(strstr(text, " onclick="));
		}
		CU_ASSERT_PTR_NULL(strstr(text, "innerHTML"));
		CU_ASSERT_PTR_NULL(strstr(text, "eval("));
		CU_ASSERT_PTR_NULL(strstr(text, "http://"));
		CU_ASSERT_PTR_NULL(strstr(text, "https://"));
		free(text);
	}
}

int main(void)
{
	static const test_case tests[] = {
		{"lookup by name", test_lookup},
		{"the source files' bytes", test_same_bytes},
		{"nothing inline, nothing fetched", test_csp_clean},
		{NULL, NULL},
	};
	return test_run_suite("static", tests);
}
