/* Golden files: the report bundle's text formats for Sở Kế hoạch và Đầu tư
 * (Huế 2018, target rank 10, 200 seeded draws) must match tests/golden/ byte
 * for byte. After an intended change, regenerate them with
 *   CCHC_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
 * and review the diff like code. */
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
	         "'%s' report criteria/hue-so-2018.xml samples/hue-2018/so --agency skhdt "
	         "--target-rank 10 --draws 200 --seed 1 -o '%s'",
	         CCHC_CLI, OUT);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	compare("ranking.csv");
	compare("criteria.csv");
	compare("gap.md");
	compare("report.json");
}

int main(void)
{
	static const test_case tests[] = {
		{"report bundle text formats match the golden files", test_bundle_matches},
		{NULL, NULL},
	};
	return test_run_suite("golden", tests);
}
