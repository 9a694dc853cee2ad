/* Helpers for the CUnit suites: run a suite table, load inline XML. */
#ifndef CCHC_TESTUTIL_H
#define CCHC_TESTUTIL_H

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>

#include "cchc/cchc.h"

typedef struct {
	const char *name;
	CU_TestFunc fn;
} test_case;

/* Register one suite of tests and run everything; returns the process exit
 * status (non-zero if any test failed), as ctest needs. */
int test_run_suite(const char *suite, const test_case *tests);

/* Path of a file under the source tree (static buffer). */
const char *test_path(const char *relative);

/* Load a criteria set from a string; on failure returns NULL and leaves the
 * messages in *diag (a new list the caller frees). */
cchc_criteria *test_criteria(const char *xml, cchc_diag **diag);

/* Load an assessment from a string against one set. */
cchc_assessment *test_assessment(const cchc_criteria *set, const char *xml, cchc_diag **diag);

/* A whole file, malloc'd and NUL-terminated (*len, when not NULL, its size
 * without the NUL); NULL, with a note on stderr, when it cannot be read. */
char *test_read_file(const char *path, size_t *len);

/* Call fn(path, ctx) for every *.xml file under dir (recursively, hidden
 * entries skipped, at most max_size bytes each). */
void test_each_xml(const char *dir, long max_size, void (*fn)(const char *path, void *ctx),
                   void *ctx);

/* Everything under dir, hidden entries too, one "PATH SIZE" (a file) or "PATH/"
 * (a folder) a line, in name order, into out (cut to size): a folder's state to compare. */
void test_tree(const char *dir, char *out, size_t size);

/* A file's bytes into buf, NUL-terminated and cut to size ("" if unreadable). */
void test_slurp(const char *path, char *buf, size_t size);

/* Run "CLI ARGS" (a shell command line); its stdout and stderr pass through
 * the scratch files SCRATCH.stdout and SCRATCH.stderr (removed afterwards)
 * into out and err as test_slurp reads them. Returns the exit status, or -1
 * when it did not exit. */
int test_run_cli(const char *cli, const char *args, const char *scratch, char *out,
                 size_t out_size, char *err, size_t err_size);

/* Asserts that diagnostic i is exactly (file, line, message). */
void test_expect_diag(const cchc_diag *diag, size_t i, const char *file, long line,
                      const char *message);

/* Whether any diagnostic message contains needle (and is at line, if line > 0). */
int test_diag_has(const cchc_diag *diag, long line, const char *needle);

/* All diagnostics joined with newlines, for failure output (static buffer). */
const char *test_diag_text(const cchc_diag *diag);

/* The bundled Thừa Thiên Huế 2018 samples, loaded and scored: the 21
 * departments (hue-so-2018) first, then the 9 districts (hue-huyen-2018). */
#define TEST_HUE_SO 21
#define TEST_HUE_HUYEN 9
typedef struct {
	cchc_criteria *sets[2];
	cchc_assessment *assessments[TEST_HUE_SO + TEST_HUE_HUYEN];
	cchc_score *scores[TEST_HUE_SO + TEST_HUE_HUYEN];
} test_hue;

extern const char *const test_hue_so_ids[TEST_HUE_SO];
extern const char *const test_hue_huyen_ids[TEST_HUE_HUYEN];

/* 0, or -1 with the diagnostics printed (what is loaded stays freeable). */
int test_hue_load(test_hue *h);
void test_hue_free(test_hue *h);

/* The department skhdt's sample publishes criterion 3.6 as achieved where its
 * evidence gives 0 (plan 267/KH-SKHĐT, tests/test_published.c): validate,
 * score and rank warn of it on stderr, at TEST_SKHDT_AT_36 (in a bundle,
 * TEST_SKHDT_LINE_36 - 8 lines below the member's <assessment>), in these words
 * after "FILE:LINE". */
#define TEST_SKHDT_LINE_36 33
#define TEST_SKHDT_AT_36 "samples/hue-2018/so/skhdt.xml:33"
#define TEST_SKHDT_W36_VI                                                                   \
	": warning: điểm tiêu chí 3.6 công bố là 0,50 nhưng tính từ hồ sơ được 0,00/0,5: đối "  \
	"chiếu hồ sơ của tiêu chí 3.6 với số liệu đã công bố\n"
#define TEST_SKHDT_W36_EN                                                                   \
	": warning: the published points of criterion 3.6, 0.50, differ from the 0.00/0.5 "     \
	"computed from the evidence: compare the evidence of criterion 3.6 with the published " \
	"figures\n"

/* Asserts that say what they got when they fail. */
#define ASSERT_EQ(actual, expected)                                                           \
	do {                                                                                      \
		long long a_ = (long long)(actual), e_ = (long long)(expected);                       \
		if (a_ != e_)                                                                         \
			fprintf(stderr, "\n    %s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__,   \
			        #actual, a_, e_);                                                     \
		CU_assertImplementation(a_ == e_, __LINE__, "ASSERT_EQ(" #actual ", " #expected ")", \
		                        __FILE__, "", CU_FALSE);                                      \
	} while (0)

#define ASSERT_STR(actual, expected)                                                          \
	do {                                                                                      \
		const char *a_ = (actual), *e_ = (expected);                                          \
		int ok_ = a_ && e_ && strcmp(a_, e_) == 0;                                            \
		if (!ok_)                                                                             \
			fprintf(stderr, "\n    %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
			        #actual, a_ ? a_ : "(null)", e_ ? e_ : "(null)");                     \
		CU_assertImplementation(ok_, __LINE__, "ASSERT_STR(" #actual ", " #expected ")",     \
		                        __FILE__, "", CU_FALSE);                                      \
	} while (0)

/* A diagnostic containing needle at line (any line if line <= 0). */
#define ASSERT_DIAG(diag, line, needle)                                                       \
	do {                                                                                      \
		int ok_ = test_diag_has((diag), (line), (needle));                                    \
		if (!ok_)                                                                             \
			fprintf(stderr, "\n    %s:%d: no diagnostic at line %ld containing \"%s\"; got:\n%s", \
			        __FILE__, __LINE__, (long)(line), (needle), test_diag_text(diag));    \
		CU_assertImplementation(ok_, __LINE__, "ASSERT_DIAG(" #line ", " #needle ")",        \
		                        __FILE__, "", CU_FALSE);                                      \
	} while (0)

#endif
