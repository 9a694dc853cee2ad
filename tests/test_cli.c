/* The cchc tool end to end: exit statuses, the exact messages a user sees,
 * and that a failed run leaves no output file behind. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

/* scratch files live in the build tree, never in the sources */
#define OUT CCHC_TEST_TMP "/cli.stdout"
#define ERR CCHC_TEST_TMP "/cli.stderr"
#define SCORE_FILE CCHC_TEST_TMP "/cli-score.txt"

static char out_text[1 << 20], err_text[1 << 16];

static void slurp(const char *path, char *buf, size_t size)
{
	buf[0] = '\0';
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	size_t n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run "cchc ARGS" from the source tree; stdout and stderr land in out_text and err_text. */
static int run(const char *args)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "'%s' %s >'%s' 2>'%s'", CCHC_CLI, args, OUT, ERR);
	int status = system(cmd);
	slurp(OUT, out_text, sizeof out_text);
	slurp(ERR, err_text, sizeof err_text);
	remove(OUT);
	remove(ERR);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define SET "criteria/hue-so-2018.xml"
#define SKHDT "samples/hue-2018/so/skhdt.xml"

static void test_score_text(void)
{
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Nhóm 1. Công tác chỉ đạo, điều hành CCHC"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "8,25/13"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tổng điểm:        70,00/100\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Xếp loại:         Khá\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tự chấm:          75,75 (chênh lệch -5,75)\n"));
	CU_ASSERT_STRING_EQUAL(err_text, "");
}

static void test_score_english_json(void)
{
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Total:          70.00/100\n"));
	CU_ASSERT_EQUAL(run("score --format json " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"schema\": \"cchc-score/1\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"total\": 70,\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"band\": \"Khá\",\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"self_total\": 75.75,\n"));
}

static void test_output_file(void)
{
	const char *out = SCORE_FILE;
	remove(out);
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " -o " SCORE_FILE), 0);
	CU_ASSERT_STRING_EQUAL(out_text, "");
	slurp(out, out_text, sizeof out_text);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Tổng điểm:        70,00/100\n"));
	remove(out);

	/* a failed run must not leave a file, partial or empty */
	CU_ASSERT_EQUAL(run("score " SET " tests/data/invalid/skhdt-broken.xml -o " SCORE_FILE),
	                1);
	CU_ASSERT_EQUAL(access(out, F_OK), -1);
}

static void test_bad_inputs(void)
{
	CU_ASSERT_EQUAL(run("validate " SET " tests/data/invalid/skhdt-broken.xml"), 1);
	CU_ASSERT_STRING_EQUAL(err_text,
	                       "tests/data/invalid/skhdt-broken.xml:42: error: <item>: criterion "
	                       "\"1.9\" is not in criteria set \"hue-so-2018\": use an id from "
	                       "criteria/hue-so-2018.xml\n");

	CU_ASSERT_EQUAL(run("score " SET " samples/none.xml"), 1);
	CU_ASSERT_STRING_EQUAL(err_text,
	                       "samples/none.xml: error: cannot open the file: No such file or "
	                       "directory\n");

	CU_ASSERT_EQUAL(run("score " SET " tests/data/invalid/xxe.xml"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "tests/data/invalid/xxe.xml:2: error: a <!DOCTYPE> "
	                                        "is not allowed"));
	CU_ASSERT_STRING_EQUAL(out_text, "");
}

static void test_usage(void)
{
	CU_ASSERT_EQUAL(run("frobnicate"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "cchc: unknown command 'frobnicate'"));
	CU_ASSERT_EQUAL(run("score " SET), 2);
	CU_ASSERT_EQUAL(run("score " SET " " SKHDT " --format yaml"), 2);
	CU_ASSERT_EQUAL(run("--version"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "cchc "));
}

int main(void)
{
	static const test_case tests[] = {
		{"score prints the published figures", test_score_text},
		{"english and json", test_score_english_json},
		{"-o writes atomically, never on failure", test_output_file},
		{"bad inputs: one message, exit 1", test_bad_inputs},
		{"usage errors exit 2", test_usage},
		{NULL, NULL},
	};
	return test_run_suite("cli", tests);
}
