/* Shared test helpers (see testutil.h). */
#define _POSIX_C_SOURCE 200809L /* WIFEXITED */
#include "testutil.h"

#include <CUnit/Basic.h>
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <stdio.h>
#include <string.h>

int test_run_suite(const char *suite, const test_case *tests)
{
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	CU_pSuite s = CU_add_suite(suite, NULL, NULL);
	if (!s)
		return 2;
	for (const test_case *t = tests; t->name; t++)
		if (!CU_add_test(s, t->name, t->fn))
			return 2;
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	/* CU_basic_run_tests() alone never fails the process. */
	int failed = (int)CU_get_number_of_tests_failed() + (int)CU_get_number_of_failures();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n = -1;
	if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0)
		data = malloc((size_t)n + 1);
	if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
		free(data);
		data = NULL;
	}
	if (f)
		fclose(f);
	if (!data) {
		fprintf(stderr, "\n    cannot read %s\n", path);
		return NULL;
	}
	data[n] = '\0';
	if (len)
		*len = (size_t)n;
	return data;
}

void test_each_xml(const char *dir, long max_size, void (*fn)(const char *path, void *ctx),
                   void *ctx)
{
	DIR *d = opendir(dir);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		size_t n = strlen(e->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			test_each_xml(path, max_size, fn, ctx);
		else if (n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0 && st.st_size <= max_size)
			fn(path, ctx);
	}
	closedir(d);
}

static void tree_into(const char *dir, const char *rel, char *out, size_t size)
{
	struct dirent **list = NULL;
	int n = scandir(dir, &list, NULL, alphasort);
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		char path[4096], sub[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, name);
		snprintf(sub, sizeof sub, "%s%s", rel, name);
		size_t o = strlen(out);
		if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0 && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				snprintf(out + o, size - o, "%s/\n", sub);
				strncat(sub, "/", sizeof sub - strlen(sub) - 1);
				tree_into(path, sub, out, size);
			} else {
				snprintf(out + o, size - o, "%s %lld\n", sub, (long long)st.st_size);
			}
		}
		free(list[i]);
	}
	free(list);
}

void test_tree(const char *dir, char *out, size_t size)
{
	out[0] = '\0';
	tree_into(dir, "", out, size);
}

void test_slurp(const char *path, char *buf, size_t size)
{
	buf[0] = '\0';
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	size_t n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

int test_run_cli(const char *cli, const char *args, const char *scratch, char *out,
                 size_t out_size, char *err, size_t err_size)
{
	char out_path[1024], err_path[1024], cmd[4096];
	snprintf(out_path, sizeof out_path, "%s.stdout", scratch);
	snprintf(err_path, sizeof err_path, "%s.stderr", scratch);
	snprintf(cmd, sizeof cmd, "'%s' %s >'%s' 2>'%s'", cli, args, out_path, err_path);
	int status = system(cmd);
	test_slurp(out_path, out, out_size);
	test_slurp(err_path, err, err_size);
	remove(out_path);
	remove(err_path);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void test_expect_diag(const cchc_diag *diag, size_t i, const char *file, long line,
                      const char *message)
{
	const cchc_diag_entry *e = cchc_diag_get(diag, i);
	if (!e) {
		fprintf(stderr, "\n    no diagnostic %zu; got:\n%s", i, test_diag_text(diag));
		CU_FAIL("missing diagnostic");
		return;
	}
	ASSERT_STR(e->file, file);
	ASSERT_EQ(e->line, line);
	ASSERT_STR(e->message, message);
}

const char *test_path(const char *relative)
{
	static char buf[4096];
	snprintf(buf, sizeof buf, "%s/%s", CCHC_SOURCE_DIR, relative);
	return buf;
}

cchc_criteria *test_criteria(const char *xml, cchc_diag **diag)
{
	cchc_criteria *set = NULL;
	*diag = cchc_diag_new();
	cchc_criteria_load_memory(&set, xml, strlen(xml), "test-criteria.xml", *diag);
	return set;
}

cchc_assessment *test_assessment(const cchc_criteria *set, const char *xml, cchc_diag **diag)
{
	cchc_assessment *a = NULL;
	const cchc_criteria *sets[1] = {set};
	*diag = cchc_diag_new();
	cchc_assessment_load_memory(&a, sets, 1, xml, strlen(xml), "test-assessment.xml", *diag);
	return a;
}

int test_diag_has(const cchc_diag *diag, long line, const char *needle)
{
	for (size_t i = 0; i < cchc_diag_stored(diag); i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		if (strstr(e->message, needle) && (line <= 0 || e->line == line))
			return 1;
	}
	return 0;
}

const char *test_diag_text(const cchc_diag *diag)
{
	static char buf[8192];
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < cchc_diag_stored(diag) && used < sizeof buf - 1; i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		int n = snprintf(buf + used, sizeof buf - used, "%s:%ld: %s\n", e->file ? e->file : "",
		                 e->line, e->message);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}

const char *const test_hue_so_ids[TEST_HUE_SO] = {
	"bdt", "bqlkkt", "sct", "sdl", "sgddt", "sgtvt", "skhcn", "skhdt", "sldtbxh", "sngv", "snnptnt",
	"snv", "stc", "stnmt", "stp", "stttt", "svhtt", "sxd", "syt", "ttt", "vpubnd"};
const char *const test_hue_huyen_ids[TEST_HUE_HUYEN] = {
	"aluoi", "namdong", "phongdien", "phuloc", "phuvang", "quangdien", "tphue", "txhuongthuy",
	"txhuongtra"};

int test_hue_load(test_hue *h)
{
	cchc_diag *d = cchc_diag_new();
	char path[256];
	int rc = 0;
	memset(h, 0, sizeof *h);
	if (cchc_criteria_load(&h->sets[0], test_path("criteria/hue-so-2018.xml"), d) < 0 ||
	    cchc_criteria_load(&h->sets[1], test_path("criteria/hue-huyen-2018.xml"), d) < 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < TEST_HUE_SO + TEST_HUE_HUYEN; i++) {
		if (i < TEST_HUE_SO)
			snprintf(path, sizeof path, "samples/hue-2018/so/%s.xml", test_hue_so_ids[i]);
		else
			snprintf(path, sizeof path, "samples/hue-2018/huyen/%s.xml",
			         test_hue_huyen_ids[i - TEST_HUE_SO]);
		if (cchc_assessment_load(&h->assessments[i], (const cchc_criteria *const *)h->sets, 2,
		                         test_path(path), d) < 0 ||
		    cchc_score_compute(&h->scores[i], h->assessments[i]) < 0)
			rc = -1;
	}
	if (rc < 0)
		fprintf(stderr, "\n%s", test_diag_text(d));
	cchc_diag_free(d);
	return rc;
}

void test_hue_free(test_hue *h)
{
	for (size_t i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++) {
		cchc_score_free(h->scores[i]);
		cchc_assessment_free(h->assessments[i]);
	}
	cchc_criteria_free(h->sets[0]);
	cchc_criteria_free(h->sets[1]);
	memset(h, 0, sizeof *h);
}
