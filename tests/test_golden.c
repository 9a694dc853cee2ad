/* Golden files: the report bundle's text formats for Sở Kế hoạch và Đầu tư
 * (Huế 2018, target rank 10, 200 seeded draws) must match tests/golden/ byte
 * for byte. After an intended change, regenerate them with
 *   CCHC_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
 * and review the diff like code. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

#define OUT CCHC_TEST_TMP "/golden-bundle"

static void compare(const char *name)
{
	char got_path[512], want_path[512];
	size_t got_len = 0, want_len = 0;
	snprintf(got_path, sizeof got_path, "%s/%s", OUT, name);
	snprintf(want_path, sizeof want_path, "tests/golden/%s", name);
	char *got = test_read_file(got_path, &got_len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	if (getenv("CCHC_UPDATE_GOLDEN")) {
		FILE *f = fopen(want_path, "wb");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		fwrite(got, 1, got_len, f);
		fclose(f);
	}
	char *want = test_read_file(want_path, &want_len);
	CU_ASSERT_PTR_NOT_NULL(want);
	int same = want && got_len == want_len && memcmp(got, want, got_len) == 0;
	if (!same && want) {
		size_t i = 0;
		while (i < got_len && i < want_len && got[i] == want[i])
			i++;
		fprintf(stderr, "\n    %s differs from %s at byte %zu (diff the two files; "
		                "CCHC_UPDATE_GOLDEN=1 to accept)\n",
		        got_path, want_path, i);
	}
	CU_ASSERT(same);
	free(got);
	free(want);
}

static void test_bundle_matches(void)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         "env -u SOURCE_DATE_EPOCH '%s' report criteria/hue-so-2018.xml samples/hue-2018/so "
	         "--agency skhdt --target-rank 10 --draws 200 --seed 1 -o '%s'",
	         CCHC_CLI, OUT);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	compare("ranking.csv");
	compare("criteria.csv");
	compare("gap.md");
	compare("report.json");
}

/* The workbook's date in docProps/core.xml (static buffer; "" if absent). */
static const char *workbook_date(const char *xlsx)
{
	static char text[4096];
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' docProps/core.xml", xlsx);
	FILE *p = popen(cmd, "r");
	size_t n = p ? fread(text, 1, sizeof text - 1, p) : 0;
	if (p)
		pclose(p);
	text[n] = '\0';
	const char *tag = "<dcterms:created xsi:type=\"dcterms:W3CDTF\">";
	char *at = strstr(text, tag);
	if (!at)
		return "";
	at += strlen(tag);
	char *end = strchr(at, '<');
	if (end)
		*end = '\0';
	return at;
}

/* Every output of the same input is byte-identical, the workbook too: its
 * date is SOURCE_DATE_EPOCH, or a fixed date, never the clock. */
static void test_bundle_deterministic(void)
{
	static const char *const files[] = {"index.html",  "ranking.xlsx", "ranking.csv",
	                                     "criteria.csv", "gap.md",      "report.json"};
	const char *again = CCHC_TEST_TMP "/golden-bundle-again";
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         "env -u SOURCE_DATE_EPOCH '%s' report criteria/hue-so-2018.xml samples/hue-2018/so "
	         "--agency skhdt --target-rank 10 --draws 200 --seed 1 -o '%s'",
	         CCHC_CLI, again);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char a[512], b[512];
		size_t alen = 0, blen = 0;
		snprintf(a, sizeof a, "%s/%s", OUT, files[i]);
		snprintf(b, sizeof b, "%s/%s", again, files[i]);
		char *x = test_read_file(a, &alen), *y = test_read_file(b, &blen);
		int same = x && y && alen == blen && memcmp(x, y, alen) == 0;
		if (!same)
			fprintf(stderr, "\n    %s and %s differ\n", a, b);
		CU_ASSERT(same);
		free(x);
		free(y);
	}
	ASSERT_STR(workbook_date(CCHC_TEST_TMP "/golden-bundle-again/ranking.xlsx"),
	           "2000-01-01T00:00:00Z");
	snprintf(cmd, sizeof cmd,
	         "SOURCE_DATE_EPOCH=1700000000 '%s' report criteria/hue-so-2018.xml "
	         "samples/hue-2018/so --draws 0 -o '%s'",
	         CCHC_CLI, again);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	ASSERT_STR(workbook_date(CCHC_TEST_TMP "/golden-bundle-again/ranking.xlsx"),
	           "2023-11-14T22:13:20Z");
}

int main(void)
{
	static const test_case tests[] = {
		{"report bundle text formats match the golden files", test_bundle_matches},
		{"the same input gives the same bytes, the workbook too", test_bundle_deterministic},
		{NULL, NULL},
	};
	return test_run_suite("golden", tests);
}
