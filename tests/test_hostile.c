/* Hostile and broken input (issue #7): every file in tests/data/hostile/
 * through the loader it targets, with its exact diagnostics and lines; the
 * inputs too big to commit, generated at run time (10 000-deep nesting, a
 * 2 GB sparse file) and a FIFO; the CLI refusing them all without leaving an
 * output file; and regression tests for what building this corpus found
 * (the fuzzers in tests/fuzz/ have found nothing so far). */
#define _POSIX_C_SOURCE 200809L /* ftruncate, mkfifo, opendir */
#define _FILE_OFFSET_BITS 64    /* a 2 GB file on 32-bit systems too */
#include "testutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

#define DIR_ "tests/data/hostile/"
/* generated inputs and CLI scratch files live in the build tree */
#define TMP CCHC_TEST_TMP "/hostile-"
#define OUT_FILE TMP "out.txt"

/* ------------------------------------------------------------------ loading */

typedef enum { CRITERIA, ASSESSMENT, PLAN } loader_kind;

static cchc_criteria *good_set;

/* Load path with one loader; returns its result code and checks the contract
 * every refusal keeps: -1, a NULL result, at least one diagnostic. */
static int load(loader_kind kind, const char *path, cchc_diag *diag)
{
	/* *out starts as this, so that a loader leaving it alone on failure is caught */
	static max_align_t sentinel;
	void *result = &sentinel;
	int rc;
	if (kind == CRITERIA) {
		cchc_criteria *set = result;
		rc = cchc_criteria_load(&set, path, diag);
		result = set;
	} else if (kind == ASSESSMENT) {
		const cchc_criteria *sets[1] = {good_set};
		cchc_assessment *a = result;
		rc = cchc_assessment_load(&a, sets, 1, path, diag);
		result = a;
	} else {
		cchc_plan *plan = result;
		rc = cchc_plan_load(&plan, path, diag);
		result = plan;
	}
	if (rc != 0) {
		ASSERT_EQ(rc, -1);
		CU_ASSERT_PTR_NULL(result);
		CU_ASSERT(cchc_diag_count(diag) > 0);
	} else {
		CU_ASSERT_PTR_NOT_NULL(result);
	}
	if (result == &sentinel)
		return rc;
	if (kind == CRITERIA)
		cchc_criteria_free(result);
	else if (kind == ASSESSMENT)
		cchc_assessment_free(result);
	else
		cchc_plan_free(result);
	return rc;
}

/* Diagnostic i is exactly (file, line, message). */
static void assert_entry(const cchc_diag *diag, size_t i, const char *file, long line,
                         const char *message)
{
	test_expect_diag(diag, i, file, line, message);
	ASSERT_DIAG(diag, line, message);
}

static int suite_set(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria_load(&good_set, DIR_ "good-criteria.xml", diag);
	if (!good_set)
		fprintf(stderr, "good-criteria.xml refused:\n%s", test_diag_text(diag));
	cchc_diag_free(diag);
	return good_set ? 0 : -1;
}

/* ------------------------------------------------------------------ the corpus */

typedef struct {
	const char *file;    /* in tests/data/hostile/ */
	loader_kind loader;
	size_t count;        /* diagnostics in all (0: the file loads) */
	long line;           /* of the first one */
	const char *message; /* the first one, exactly; NULL: checked by its own test */
} hostile_case;

#define SCHEMA_PATTERN(element, attr, value, pattern)                                        \
	"does not match the schema: Element '" element "', attribute '" attr "': [facet "       \
	"'pattern'] The value '" value "' is not accepted by the pattern '" pattern "'."
#define POINTS "[0-9]+(\\.[0-9]{1,2})?"
#define DOCTYPE "a <!DOCTYPE> is not allowed (DTDs and entities are refused for safety): remove it"
#define ENCODING(name)                                                                        \
	"the file declares encoding=\"" name "\", but cchc reads UTF-8 only: save it as UTF-8 (and " \
	"declare encoding=\"UTF-8\")"
#define ESCAPES                                                                               \
	"the evidence path must be relative and stay inside the assessment's folder (no leading " \
	"/, no ..)"

static const hostile_case cases[] = {
	/* the baselines each hostile file departs from in one way */
	{"good-criteria.xml", CRITERIA, 0, 0, NULL},
	{"good-assessment.xml", ASSESSMENT, 0, 0, NULL},
	{"good-plan.xml", PLAN, 0, 0, NULL},

	/* malformed XML */
	{"unclosed-tag.xml", CRITERIA, 1, 6,
	 "not well-formed XML: Premature end of data in tag group line 4"},
	{"mismatched-tag.xml", CRITERIA, 2, 5,
	 "not well-formed XML: Opening and ending tag mismatch: criterion line 5 and group"},
	{"garbage-after-root.xml", CRITERIA, 1, 9,
	 "not well-formed XML: Extra content at the end of the document"},
	{"nul-byte.xml", CRITERIA, 5, 6, "not well-formed XML: Char 0x0 out of allowed range"},
	{"invalid-utf8.xml", CRITERIA, 1, 5,
	 "not well-formed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFF 0xFE "
	 "0x20 0x6F"},
	{"utf16-bom.xml", CRITERIA, 1, 0,
	 "the file is in UTF-16 or UTF-32, but cchc reads UTF-8 only: save it as UTF-8"},
	{"empty.xml", CRITERIA, 1, 0, "the file is empty: it must hold an XML document"},
	{"whitespace-only.xml", CRITERIA, 1, 5,
	 "not well-formed XML: Start tag expected, '<' not found"},

	/* entities and DTDs: refused at the DOCTYPE, before anything is expanded or fetched */
	{"billion-laughs.xml", CRITERIA, 1, 2, DOCTYPE},
	{"quadratic-blowup.xml", CRITERIA, 1, 2, DOCTYPE},
	{"xxe-passwd.xml", ASSESSMENT, 1, 2, DOCTYPE},
	{"network-dtd.xml", CRITERIA, 1, 2, DOCTYPE},
	{"network-entity.xml", PLAN, 1, 2, DOCTYPE},

	/* numbers: plain decimals only, in range */
	{"number-1e309.xml", CRITERIA, 1, 5,
	 SCHEMA_PATTERN("criterion", "max", "1e309", POINTS)},
	{"number-nan.xml", CRITERIA, 1, 5, SCHEMA_PATTERN("criterion", "max", "NaN", POINTS)},
	{"number-minus-zero.xml", CRITERIA, 1, 5, SCHEMA_PATTERN("criterion", "max", "-0", POINTS)},
	{"number-plus.xml", CRITERIA, 1, 5, SCHEMA_PATTERN("criterion", "max", "+5", POINTS)},
	{"number-hex.xml", CRITERIA, 1, 5, SCHEMA_PATTERN("criterion", "max", "0x10", POINTS)},
	{"number-huge.xml", CRITERIA, 1, 5,
	 "<criterion \"yn\"> max=\"99999999999999999999999999\": points out of range"},
	{"assessment-number-nan.xml", ASSESSMENT, 1, 4,
	 SCHEMA_PATTERN("item", "points", "NaN", "-?" POINTS)},
	{"plan-number-1e309.xml", PLAN, 1, 4,
	 SCHEMA_PATTERN("target", "min", "1e309", "-?[0-9]+(\\.[0-9]{1,6})?")},
	{"plan-number-huge.xml", PLAN, 1, 4,
	 "<target> min=\"99999999999999999999\": the number is out of range (at most 10^9)"},

	/* ids */
	{"huge-id.xml", CRITERIA, 1, 5, NULL},
	{"assessment-unknown-huge-id.xml", ASSESSMENT, 1, 4, NULL},
	{"duplicate-id.xml", CRITERIA, 1, 6,
	 "id \"yn\" is used twice (first at line 5): ids must be unique"},
	{"duplicate-item.xml", ASSESSMENT, 1, 6,
	 "a second <item> for criterion \"yn\" (the first is at line 4): give one item per "
	 "criterion"},
	{"plan-duplicate-task.xml", PLAN, 1, 5,
	 "a second <task id=\"I.1\"> (the first is at line 4): task ids are unique across the "
	 "whole plan"},
	{"deep-criteria.xml", CRITERIA, 1, 21,
	 "criterion \"d17\" is nested 17 levels deep: at most 16 are supported"},

	/* evidence paths that would lead a report's link out of the assessment's folder */
	{"evidence-dotdot.xml", ASSESSMENT, 1, 5, "<doc> file=\"../../etc/passwd\": " ESCAPES},
	{"evidence-absolute.xml", ASSESSMENT, 1, 5, "<doc> file=\"/etc/passwd\": " ESCAPES},
	{"evidence-url.xml", ASSESSMENT, 1, 5, "<doc> file=\"file:///etc/passwd\": " ESCAPES},
	{"evidence-percent-dotdot.xml", ASSESSMENT, 1, 5,
	 "<doc> file=\"evidence/%2e%2E/.%2e/%2e./etc/passwd\": " ESCAPES},
	/* a browser drops the spaces around a link: checked as it would read it */
	{"evidence-space-dotdot.xml", ASSESSMENT, 1, 5, "<doc> file=\" ../x\": " ESCAPES},
	{"evidence-space-absolute.xml", ASSESSMENT, 1, 5, "<doc> file=\" /etc/passwd\": " ESCAPES},
	{"evidence-space-host.xml", ASSESSMENT, 1, 5, "<doc> file=\" //host/x\": " ESCAPES},
	{"evidence-space-trailing.xml", ASSESSMENT, 1, 5,
	 "<doc> file=\"evidence/cv-1.pdf \": the evidence path starts or ends with a space, which a "
	 "link drops: remove it"},
	{"evidence-control.xml", ASSESSMENT, 1, 5,
	 "<doc> file=\"evidence/cv-1.pdf\\x0Aevidence/cv-2.pdf\\x09\": the evidence path holds a "
	 "control character: write a plain file name, on one line and without tabs"},

	/* encodings: UTF-8 only, whatever the declaration says (ASCII, a subset, aside) */
	{"encoding-declared-latin1.xml", CRITERIA, 1, 1, ENCODING("ISO-8859-1")},
	{"encoding-latin1.xml", ASSESSMENT, 1, 2, ENCODING("iso-8859-1")},
	{"encoding-windows-1258.xml", PLAN, 1, 1, ENCODING("windows-1258")},
	{"encoding-us-ascii.xml", CRITERIA, 0, 0, NULL},
	{"ebcdic.xml", CRITERIA, 1, 0,
	 "the file is in EBCDIC, but cchc reads UTF-8 only: save it as UTF-8"},

	/* CR-only line ends: a lone CR ends a line, as XML end-of-line handling says */
	{"cr-only.xml", CRITERIA, 1, 6, "id \"yn\" is used twice (first at line 5): ids must be unique"},
	{"cr-only-assessment.xml", ASSESSMENT, 1, 6,
	 "a second <item> for criterion \"yn\" (the first is at line 4): give one item per "
	 "criterion"},
	{"cr-only-plan.xml", PLAN, 1, 5,
	 "a second <task id=\"I.1\"> (the first is at line 4): task ids are unique across the "
	 "whole plan"},

	/* controls and bidi overrides quoted from the input are shown as \xNN, never raw */
	{"bidi-override.xml", CRITERIA, 1, 5,
	 SCHEMA_PATTERN("criterion", "max", "1\\xE2\\x80\\xAE0", POINTS)},
	{"c1-control.xml", ASSESSMENT, 1, 4,
	 SCHEMA_PATTERN("item", "points", "1\\xC2\\x9B31m", "-?" POINTS)},
	{"tab-reference.xml", PLAN, 1, 7,
	 "does not match the schema: Element 'status', attribute 'state': [facet 'enumeration'] The "
	 "value 'done\\x09' is not an element of the set {'done', 'open', 'cancelled'}."},
	{NULL, CRITERIA, 0, 0, NULL},
};

static const hostile_case *find_case(const char *file)
{
	for (const hostile_case *c = cases; c->file; c++)
		if (strcmp(c->file, file) == 0)
			return c;
	return NULL;
}

static void test_corpus(void)
{
	for (const hostile_case *c = cases; c->file; c++) {
		char path[512];
		snprintf(path, sizeof path, DIR_ "%s", c->file);
		cchc_diag *d = cchc_diag_new();
		int rc = load(c->loader, path, d);
		ASSERT_EQ(rc, c->count ? -1 : 0);
		if (cchc_diag_count(d) != c->count)
			fprintf(stderr, "\n    %s:\n%s", c->file, test_diag_text(d));
		ASSERT_EQ(cchc_diag_count(d), c->count);
		if (c->message)
			assert_entry(d, 0, path, c->line, c->message);
		cchc_diag_free(d);
	}
}

/* Every file in the folder has its expectation above, and each loads (or
 * fails) the same way from memory as from its file. */
static void test_corpus_complete(void)
{
	DIR *dir = opendir(DIR_);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	size_t seen = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		seen++;
		if (!find_case(e->d_name)) {
			fprintf(stderr, "\n    %s%s has no expected message in test_hostile.c\n", DIR_,
			        e->d_name);
			CU_FAIL("a hostile file without its expectation");
		}
	}
	closedir(dir);
	ASSERT_EQ(seen, sizeof cases / sizeof cases[0] - 1);
}

/* A 10 000-character value is cut at 1 KiB on a character boundary, with "…". */
static char *schema_too_long(const char *element, const char *ns, const char *attr, char fill)
{
	/* the message libxml2 writes, namespace included, is cut at 1020 bytes */
	char head[256];
	snprintf(head, sizeof head, "Element '{%s}%s', attribute '%s': [facet 'maxLength'] The value '",
	         ns, element, attr);
	size_t fills = 1020 - strlen(head);
	char *out = malloc(2048);
	if (!out)
		return NULL;
	int n = snprintf(out, 2048,
	                 "does not match the schema: Element '%s', attribute '%s': [facet 'maxLength'] "
	                 "The value '",
	                 element, attr);
	memset(out + n, fill, fills);
	memcpy(out + n + fills, "…", sizeof "…");
	return out;
}

static void test_huge_ids(void)
{
	cchc_diag *d = cchc_diag_new();
	char *want = schema_too_long("criterion", "urn:cchc:criteria:1", "id", 'x');
	ASSERT_EQ(load(CRITERIA, DIR_ "huge-id.xml", d), -1);
	assert_entry(d, 0, DIR_ "huge-id.xml", 5, want);
	free(want);

	cchc_diag_clear(d);
	want = schema_too_long("item", "urn:cchc:assessment:1", "criterion", 'y');
	ASSERT_EQ(load(ASSESSMENT, DIR_ "assessment-unknown-huge-id.xml", d), -1);
	assert_entry(d, 0, DIR_ "assessment-unknown-huge-id.xml", 4, want);
	free(want);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ generated inputs */

/* root opens on line 1, then one <x> a line, 10 000 deep. */
static void write_deep(const char *path, const char *root)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fprintf(f, "%s\n", root);
	for (int i = 0; i < 10000; i++)
		fputs("<x>\n", f);
	for (int i = 0; i < 10000; i++)
		fputs("</x>\n", f);
	fclose(f);
}

#define DEEP_MESSAGE \
	"not well-formed XML: Excessive depth in document: 256 levels of elements at most"

static void test_deep_nesting(void)
{
	static const struct {
		loader_kind loader;
		const char *root;
	} roots[] = {
		{CRITERIA, "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"deep\" year=\"2018\" "
		           "title=\"Deep\" max=\"1\">"},
		{ASSESSMENT, "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hostile\" "
		             "year=\"2018\">"},
		{PLAN, "<plan xmlns=\"urn:cchc:plan:1\" id=\"deep\" year=\"2023\" title=\"Deep\">"},
	};
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		write_deep(TMP "deep.xml", roots[i].root);
		cchc_diag *d = cchc_diag_new();
		ASSERT_EQ(load(roots[i].loader, TMP "deep.xml", d), -1);
		ASSERT_EQ(cchc_diag_count(d), 1);
		/* the root is depth 1 on line 1, so depth 257 opens on line 257 */
		assert_entry(d, 0, TMP "deep.xml", 258, DEEP_MESSAGE);
		cchc_diag_free(d);
	}
	remove(TMP "deep.xml");
}

/* Bytes this process has read through read(2), or -1 where /proc/self/io is missing. */
static long long bytes_read(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	if (!f)
		return -1;
	long long rchar = -1;
	if (fscanf(f, "rchar: %lld", &rchar) != 1)
		rchar = -1;
	fclose(f);
	return rchar;
}

#define BIG TMP "2gb.xml"
#define BIG_MESSAGE \
	"the file is 2147483648 bytes, more than the 256 MiB limit: split it into smaller files"

static int make_big(void)
{
	int fd = open(BIG, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	int rc = ftruncate(fd, (off_t)2048 * 1024 * 1024); /* sparse: no disk used */
	close(fd);
	return rc;
}

static void test_two_gigabytes(void)
{
	CU_ASSERT_EQUAL_FATAL(make_big(), 0);
	for (loader_kind k = CRITERIA; k <= PLAN; k++) {
		cchc_diag *d = cchc_diag_new();
		long long before = bytes_read();
		ASSERT_EQ(load(k, BIG, d), -1);
		long long after = bytes_read();
		ASSERT_EQ(cchc_diag_count(d), 1);
		assert_entry(d, 0, BIG, 0, BIG_MESSAGE);
		/* refused from its size alone: not one block of it read */
		if (before >= 0 && after >= 0)
			CU_ASSERT(after - before < 4096);
		cchc_diag_free(d);
	}
	remove(BIG);
}

/* Opening a FIFO must not wait for a writer (it used to, forever). */
static void test_fifo(void)
{
	remove(TMP "fifo.xml");
	CU_ASSERT_EQUAL_FATAL(mkfifo(TMP "fifo.xml", 0600), 0);
	alarm(20); /* a regression kills the suite instead of hanging it */
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(load(CRITERIA, TMP "fifo.xml", d), -1);
	alarm(0);
	assert_entry(d, 0, TMP "fifo.xml", 0, "not a regular file: give the path of an XML file");
	cchc_diag_free(d);
	remove(TMP "fifo.xml");
}

/* ------------------------------------------------------------------ the CLI */


static char out_text[1 << 16], err_text[1 << 16];

/* Run "cchc ARGS" from the source tree; stdout and stderr land in out_text and err_text. */
static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, TMP "cli", out_text, sizeof out_text, err_text,
	                    sizeof err_text);
}

/* cchc ARGS -o FILE fails with status 1, says why on stderr and writes nothing. */
static void refused_by_cli(const char *args)
{
	char cmd[1024];
	remove(OUT_FILE);
	snprintf(cmd, sizeof cmd, "%s -o '%s'", args, OUT_FILE);
	int status = run(cmd);
	if (status != 1)
		fprintf(stderr, "\n    cchc %s exited %d:\n%s", cmd, status, err_text);
	ASSERT_EQ(status, 1);
	CU_ASSERT(err_text[0] != '\0');
	CU_ASSERT_STRING_EQUAL(out_text, "");
	ASSERT_EQ(access(OUT_FILE, F_OK), -1);
	remove(OUT_FILE);
}

static void test_cli(void)
{
	char args[1024];
	for (const hostile_case *c = cases; c->file; c++) {
		if (c->count == 0)
			continue;
		if (c->loader == PLAN) {
			snprintf(args, sizeof args, "plan status " DIR_ "%s", c->file);
			refused_by_cli(args);
			continue;
		}
		const char *as_set = c->loader == CRITERIA ? c->file : "good-criteria.xml";
		const char *as_assessment = c->loader == CRITERIA ? "good-assessment.xml" : c->file;
		snprintf(args, sizeof args, "score " DIR_ "%s " DIR_ "%s", as_set, as_assessment);
		refused_by_cli(args);
		snprintf(args, sizeof args, "rank " DIR_ "%s " DIR_ "%s", as_set, as_assessment);
		refused_by_cli(args);
	}

	/* the user sees each problem on one line, as file:line: error: message (in --lang's
	 * words, libxml2's own staying English) */
	refused_by_cli("score " DIR_ "invalid-utf8.xml " DIR_ "good-assessment.xml");
	CU_ASSERT_STRING_EQUAL(err_text, DIR_ "invalid-utf8.xml:5: error: XML không đúng cú pháp: Input "
	                                      "is not proper UTF-8, indicate encoding ! Bytes: 0xFF "
	                                      "0xFE 0x20 0x6F\n");
	refused_by_cli("rank " DIR_ "good-criteria.xml " DIR_ "evidence-control.xml --lang en");
	CU_ASSERT_STRING_EQUAL(err_text, DIR_ "evidence-control.xml:5: error: <doc> "
	                                      "file=\"evidence/cv-1.pdf\\x0Aevidence/cv-2.pdf\\x09\": "
	                                      "the evidence path holds a control character: write a "
	                                      "plain file name, on one line and without tabs\n");

	/* what a file says is shown escaped: no raw control or bidi override reaches the terminal */
	refused_by_cli("score " DIR_ "bidi-override.xml " DIR_ "good-assessment.xml --lang en");
	CU_ASSERT_STRING_EQUAL(err_text, DIR_ "bidi-override.xml:5: error: " SCHEMA_PATTERN(
	                                     "criterion", "max", "1\\xE2\\x80\\xAE0", POINTS) "\n");
	refused_by_cli("score " DIR_ "bidi-override.xml " DIR_ "good-assessment.xml");
	CU_ASSERT_STRING_EQUAL(err_text, DIR_ "bidi-override.xml:5: error: không khớp với lược đồ (schema): Element "
	                                      "'criterion', attribute 'max': [facet 'pattern'] The value "
	                                      "'1\\xE2\\x80\\xAE0' is not accepted by the pattern '" POINTS "'.\n");
	refused_by_cli("rank " DIR_ "good-criteria.xml " DIR_ "encoding-latin1.xml --lang en");
	CU_ASSERT_STRING_EQUAL(err_text, DIR_ "encoding-latin1.xml:2: error: " ENCODING("iso-8859-1") "\n");

	/* generated inputs */
	write_deep(TMP "deep.xml", "<assessment xmlns=\"urn:cchc:assessment:1\" "
	                           "criteria-set=\"hostile\" year=\"2018\">");
	refused_by_cli("score " DIR_ "good-criteria.xml " TMP "deep.xml --lang en");
	CU_ASSERT_STRING_EQUAL(err_text, TMP "deep.xml:258: error: " DEEP_MESSAGE "\n");
	refused_by_cli("rank " DIR_ "good-criteria.xml " TMP "deep.xml");
	remove(TMP "deep.xml");

	CU_ASSERT_EQUAL_FATAL(make_big(), 0);
	refused_by_cli("score " DIR_ "good-criteria.xml " BIG " --lang en");
	CU_ASSERT_STRING_EQUAL(err_text, BIG ": error: " BIG_MESSAGE "\n");
	refused_by_cli("rank " DIR_ "good-criteria.xml " BIG);
	CU_ASSERT_STRING_EQUAL(err_text, BIG ": error: tệp có 2147483648 byte, vượt giới hạn 256 MiB: tách thành các tệp "
	                                 "nhỏ hơn\n");
	refused_by_cli("score " BIG " " DIR_ "good-assessment.xml");
	remove(BIG);
}

/* ------------------------------------------------------------------ findings */

/* Links a report would follow out of the folder, and names that stay inside. */
static void test_evidence_paths(void)
{
	static const char *const bad[] = {"C:/Windows/win.ini", "http://example.com/x.pdf",
	                                  "javascript:alert(1)", "%2E%2e", "a/.%2E/../b",
	                                  "  ~/x", " javascript:alert(1)", "a/.. ", " C:/x"};
	static const char *const fine[] = {"evidence/a:b.pdf", "./a:b.pdf", "%2e%2e%2e/x.pdf",
	                                   "evidence/100%25.pdf", "...", "evidence/.%2e.pdf",
	                                   "evidence/ ../a.pdf", "a b/c .pdf", "%20../x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0] + sizeof fine / sizeof fine[0]; i++) {
		int refused = i < sizeof bad / sizeof bad[0];
		const char *path = refused ? bad[i] : fine[i - sizeof bad / sizeof bad[0]];
		char xml[1024], want[512];
		snprintf(xml, sizeof xml,
		         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hostile\" "
		         "year=\"2018\">\n<agency id=\"a\" name=\"A\"/>\n"
		         "<item criterion=\"yn\" met=\"true\"><doc ref=\"r\" file=\"%s\"/></item>\n"
		         "</assessment>\n",
		         path);
		cchc_diag *d = NULL;
		cchc_assessment *a = test_assessment(good_set, xml, &d);
		if (refused) {
			CU_ASSERT_PTR_NULL(a);
			snprintf(want, sizeof want, "<doc> file=\"%s\": " ESCAPES, path);
			assert_entry(d, 0, "test-assessment.xml", 3, want);
		} else {
			if (!a)
				fprintf(stderr, "\n    %s refused:\n%s", path, test_diag_text(d));
			CU_ASSERT_PTR_NOT_NULL(a);
		}
		cchc_assessment_free(a);
		cchc_diag_free(d);
	}
}

/* Whether s is well-formed UTF-8 (no overlong forms checked: libxml2 wrote it). */
static int utf8_ok(const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u;) {
		int n = *u < 0x80 ? 0 : (*u & 0xE0) == 0xC0 ? 1 : (*u & 0xF0) == 0xE0 ? 2
		      : (*u & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0)
			return 0;
		for (u++; n > 0; n--, u++)
			if ((*u & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* A long schema message is cut at 1 KiB on a character boundary, never inside
 * a Vietnamese letter (it used to be cut at 1023 bytes, whatever was there). */
static void test_long_message_cut(void)
{
	char *xml = malloc(8192);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	int n = snprintf(xml, 8192,
	                 "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" max=\"1\" "
	                 "title=\"");
	for (int i = 0; i < 1001; i++) /* "ệ": three bytes, over the 1000-character limit */
		n += snprintf(xml + n, 8192 - (size_t)n, "\xE1\xBB\x87");
	snprintf(xml + n, 8192 - (size_t)n,
	         "\">\n<bands><band label=\"A\" min=\"0\"/></bands>\n<group id=\"G\" title=\"G\" "
	         "max=\"1\"><criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/>"
	         "</criterion></group>\n</criteria-set>\n");
	cchc_diag *d = NULL;
	cchc_criteria *set = test_criteria(xml, &d);
	CU_ASSERT_PTR_NULL(set);
	const cchc_diag_entry *e = cchc_diag_get(d, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	ASSERT_EQ(e->line, 1);
	const char *head = "does not match the schema: Element 'criteria-set', attribute 'title': "
	                   "[facet 'maxLength'] The value '\xE1\xBB\x87";
	CU_ASSERT_NSTRING_EQUAL(e->message, head, strlen(head));
	size_t len = strlen(e->message);
	CU_ASSERT(len > 6 && strcmp(e->message + len - 6, "\xE1\xBB\x87\xE2\x80\xA6") == 0);
	CU_ASSERT(utf8_ok(e->message));
	cchc_criteria_free(set);
	cchc_diag_free(d);
	free(xml);
}

/* UTF-16 without a byte order mark is recognised too. */
static void test_utf16_without_bom(void)
{
	static const char le[] = "<\0c\0r\0i\0t\0e\0r\0i\0a\0-\0s\0e\0t\0/\0>\0";
	static const char be[] = "\0<\0c\0r\0i\0t\0e\0r\0i\0a\0-\0s\0e\0t\0/\0>";
	const char *const texts[] = {le, be};
	for (size_t i = 0; i < 2; i++) {
		cchc_diag *d = cchc_diag_new();
		cchc_criteria *set = NULL;
		ASSERT_EQ(cchc_criteria_load_memory(&set, texts[i], sizeof le - 1, "u16.xml", d), -1);
		CU_ASSERT_PTR_NULL(set);
		ASSERT_EQ(cchc_diag_count(d), 1);
		assert_entry(d, 0, "u16.xml", 0,
		             "the file is in UTF-16 or UTF-32, but cchc reads UTF-8 only: save it as UTF-8");
		cchc_diag_free(d);
	}
}

/* ------------------------------------------------------------------ honest XML (issue 14) */

/* Every diagnostic shows C0 and C1 controls, DEL and the bidi embeddings,
 * overrides and isolates as \xNN per byte, as the evidence paths' did. */
static void test_diag_escapes(void)
{
	cchc_diag *d = cchc_diag_new();
	cchc_diag_addf(d, "f.xml", 3, "value '%s'",
	               "a\tb\nc\x1B[31md\x7F" "e\xC2\x85" "f\xE2\x80\xAA" "g\xE2\x80\xAE" "h\xE2\x81\xA6"
	               "i\xE2\x81\xA9" "j\r");
	assert_entry(d, 0, "f.xml", 3,
	             "value 'a\\x09b\\x0Ac\\x1B[31md\\x7Fe\\xC2\\x85f\\xE2\\x80\\xAAg\\xE2\\x80\\xAEh"
	             "\\xE2\\x81\\xA6i\\xE2\\x81\\xA9j\\x0D'");
	/* Vietnamese and the neighbours of those ranges stay as they are */
	static const char plain[] = "Sở Kế hoạch và Đầu tư \xC2\xA0\xE2\x80\xA9\xE2\x80\xAF\xE2\x81\xA5"
	                            "\xE2\x81\xAA";
	cchc_diag_addf(d, "f.xml", 4, "%s", plain);
	test_expect_diag(d, 1, "f.xml", 4, plain);
	cchc_diag_free(d);
}

/* head, n bytes of fill, tail: a file too big to commit. */
static void write_long(const char *path, const char *head, char fill, size_t n, const char *tail)
{
	static char block[1 << 16];
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	memset(block, fill, sizeof block);
	fputs(head, f);
	for (size_t left = n, k; left; left -= k) {
		k = left < sizeof block ? left : sizeof block;
		fwrite(block, 1, k, f);
	}
	fputs(tail, f);
	fclose(f);
}

#define TOO_LONG(what) what " is longer than 10 000 000 bytes, the most cchc reads in one piece: shorten it"
#define VALUE_TOO_LONG TOO_LONG("an attribute value here")
#define TAG_TOO_LONG                                                                          \
	TOO_LONG("a start tag (its attributes together), a CDATA section or other markup at or "  \
	         "before this line")
#define LONG_FILE TMP "long.xml"
#define HUGE ((size_t)10000001)

static int drop_member(cchc_assessment *a, void *user)
{
	(*(int *)user)++;
	cchc_assessment_free(a);
	return 0;
}

/* Streaming len bytes of xml (a file or a bundle) as name loads `members`
 * assessments and reports exactly one problem, (line, message). */
static void expect_stream(const char *xml, size_t len, const char *name, int members, long line,
                          const char *message)
{
	const cchc_criteria *set[1] = {good_set};
	cchc_diag *d = cchc_diag_new();
	int loaded = 0;
	ASSERT_EQ(cchc_assessment_stream_memory(set, 1, xml, len, name, drop_member, &loaded, d), -1);
	ASSERT_EQ(loaded, members);
	if (cchc_diag_count(d) != 1)
		fprintf(stderr, "\n    %s:\n%s", name, test_diag_text(d));
	ASSERT_EQ(cchc_diag_count(d), 1);
	assert_entry(d, 0, name, line, message);
	cchc_diag_free(d);
}

/* libxml2's limits (10 000 000 bytes for a value, a comment, a text; as much
 * unparsed markup) say what is too long where, on every path, instead of
 * "internal error: Huge input lookup" and its echoes. */
static void test_too_long(void)
{
	static const struct {
		loader_kind loader;
		const char *head;
		char fill;
		const char *tail;
		long line;
		const char *message;
	} longs[] = {
		{CRITERIA, "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" max=\"1\"\n"
		           "  title=\"", 'x', "\"/>\n", 2, VALUE_TOO_LONG},
		{ASSESSMENT, "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hostile\" "
		             "year=\"2018\">\n<agency id=\"a\" name=\"", 'x', "\"/>\n</assessment>\n", 2,
		 VALUE_TOO_LONG},
		{PLAN, "<plan xmlns=\"urn:cchc:plan:1\" id=\"t\" year=\"2023\" title=\"T\">\n"
		       "<area id=\"I\" title=\"", 'x', "\"/>\n</plan>\n", 2, VALUE_TOO_LONG},
		/* white space inside a start tag: no value is long, the tag is; libxml2 2.9.14's
		 * push parser notices it only at the end of the input (line 4) */
		{ASSESSMENT, "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hostile\" "
		             "year=\"2018\">\n<agency", ' ', " id=\"a\" name=\"A\"/>\n</assessment>\n", 4,
		 TAG_TOO_LONG},
		{CRITERIA, "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\"\n", ' ',
		 " year=\"2018\" max=\"1\" title=\"T\"/>\n", 2, TAG_TOO_LONG},
		{PLAN, "<plan xmlns=\"urn:cchc:plan:1\">\n<!--", 'c', "-->\n</plan>\n", 2,
		 TOO_LONG("a comment here")},
	};
	for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++) {
		write_long(LONG_FILE, longs[i].head, longs[i].fill, HUGE, longs[i].tail);
		cchc_diag *d = cchc_diag_new();
		ASSERT_EQ(load(longs[i].loader, LONG_FILE, d), -1);
		if (cchc_diag_count(d) != 1)
			fprintf(stderr, "\n    case %zu:\n%s", i, test_diag_text(d));
		ASSERT_EQ(cchc_diag_count(d), 1);
		assert_entry(d, 0, LONG_FILE, longs[i].line, longs[i].message);
		cchc_diag_free(d);
	}

	/* a bundle's member: the members before it still load */
	write_long(LONG_FILE,
	           "<assessments xmlns=\"urn:cchc:assessment:1\">\n"
	           "<assessment criteria-set=\"hostile\" year=\"2018\"><agency id=\"a\" name=\"A\"/>"
	           "</assessment>\n<assessment criteria-set=\"hostile\" year=\"2018\">\n"
	           "<agency id=\"b\" name=\"",
	           'x', HUGE, "\"/></assessment>\n</assessments>\n");
	cchc_diag *d = cchc_diag_new();
	const cchc_criteria *set[1] = {good_set};
	int members = 0;
	ASSERT_EQ(cchc_assessment_stream(set, 1, LONG_FILE, drop_member, &members, d), -1);
	ASSERT_EQ(members, 1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	assert_entry(d, 0, LONG_FILE, 4, VALUE_TOO_LONG);
	cchc_diag_free(d);
	remove(LONG_FILE);
}

/* A file of head, count comment lines, then good's text from its second line. */
static void write_prolog(const char *path, const char *head, int count, const char *good)
{
	size_t len;
	char *text = test_read_file(good, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(head, f);
	for (int i = 0; i < count; i++)
		fprintf(f, "<!-- %04d: Bộ chỉ số CCHC, ghi chú của người soạn thảo ......... -->\n", i);
	fputs(strchr(text, '\n') + 1, f);
	fclose(f);
	free(text);
}

#define PROLOG_FILE TMP "prolog.xml"

/* The prolog is read however long it is: a set behind 70 KiB of comments is
 * a set (it was taken for an assessment: "no criteria set given"). */
static void test_long_prolog(void)
{
	static const struct {
		const char *good;
		cchc_file_kind kind;
	} kinds[] = {
		{DIR_ "good-criteria.xml", CCHC_FILE_CRITERIA},
		{DIR_ "good-plan.xml", CCHC_FILE_PLAN},
		{DIR_ "good-assessment.xml", CCHC_FILE_ASSESSMENT},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		write_prolog(PROLOG_FILE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 900, kinds[i].good);
		struct stat st;
		CU_ASSERT_FATAL(stat(PROLOG_FILE, &st) == 0 && st.st_size > 70 * 1024);
		ASSERT_EQ(cchc_file_sniff(PROLOG_FILE), kinds[i].kind);
		size_t len;
		char *data = test_read_file(PROLOG_FILE, &len);
		CU_ASSERT_PTR_NOT_NULL_FATAL(data);
		ASSERT_EQ(cchc_file_sniff_memory(data, len), kinds[i].kind);
		free(data);
	}
	write_prolog(PROLOG_FILE, "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n", 900, DIR_ "good-criteria.xml");
	ASSERT_EQ(cchc_file_sniff(PROLOG_FILE), CCHC_FILE_CRITERIA);
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(load(CRITERIA, PROLOG_FILE, d), 0);
	cchc_diag_free(d);
	ASSERT_EQ(run("rank " PROLOG_FILE " " DIR_ "good-assessment.xml"), 0);
	CU_ASSERT(strstr(out_text, "Hostile inputs") != NULL);

	/* an XML declaration longer than the stream's chunks: its encoding is read on both paths */
	static const char *const goods[] = {DIR_ "good-criteria.xml", DIR_ "good-assessment.xml"};
	static const char *const ends[] = {"\r\n", "\r"};
	for (size_t i = 0; i < 2; i++) {
		char head[200 * 1024];
		int n = snprintf(head, sizeof head, "<?xml version=\"1.0\"");
		memset(head + n, ' ', 150 * 1024);
		snprintf(head + n + 150 * 1024, sizeof head - (size_t)n - 150 * 1024,
		         "%s encoding=\"windows-1258\"?>\n", ends[i]);
		write_prolog(PROLOG_FILE, head, 0, goods[i]);
		d = cchc_diag_new();
		ASSERT_EQ(load(i ? ASSESSMENT : CRITERIA, PROLOG_FILE, d), -1);
		ASSERT_EQ(cchc_diag_count(d), 1);
		assert_entry(d, 0, PROLOG_FILE, 2, ENCODING("windows-1258"));
		cchc_diag_free(d);
	}
	remove(PROLOG_FILE);
}

/* A CR LF split between two reads of the stream (64 KiB each) ends one line,
 * and a CR ending a read before anything else ends one too. */
static void test_split_line_ends(void)
{
	static const char *const ends[] = {"\r\n", "\r"};
	for (size_t i = 0; i < 2; i++) {
		char *xml = malloc(80 * 1024);
		CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
		int n = snprintf(xml, 80 * 1024,
		                 "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hostile\" "
		                 "year=\"2018\">%s<!--",
		                 ends[i]);
		/* the comment runs to byte 65 535, where the line end starts */
		memset(xml + n, 'c', 65535 - 3 - (size_t)n);
		n = 65535 - 3;
		n += snprintf(xml + n, 80 * 1024 - (size_t)n,
		              "-->%s<agency id=\"a\" name=\"A\"/>%s<item criterion=\"yn\" met=\"true\"/>%s"
		              "<item criterion=\"yn\" met=\"true\"/>%s</assessment>%s",
		              ends[i], ends[i], ends[i], ends[i], ends[i]);
		CU_ASSERT_FATAL(xml[65535] == '\r');
		expect_stream(xml, (size_t)n, "split.xml", 0, 5,
		              "a second <item> for criterion \"yn\" (the first is at line 4): give one "
		              "item per criterion");
		free(xml);
	}
}

/* Bundles go through the same checks: the encoding, lone CRs, escapes. */
static void test_bundle_checks(void)
{
	static const struct {
		const char *xml;
		long line;
		const char *message;
	} bundles[] = {
		{"<?xml version='1.0' encoding='Windows-1258'?>\n<assessments xmlns=\"urn:cchc:assessment:1\">"
		 "</assessments>\n",
		 1, ENCODING("Windows-1258")},
		{"<assessments xmlns=\"urn:cchc:assessment:1\">\r<assessment criteria-set=\"hostile\" "
		 "year=\"2018\">\r<agency id=\"a\" name=\"A\"/>\r<item criterion=\"yn\" met=\"true\"/>\r"
		 "<item criterion=\"yn\" met=\"false\"/>\r</assessment>\r</assessments>\r",
		 5, "a second <item> for criterion \"yn\" (the first is at line 4): give one item per "
		    "criterion"},
		{"<assessments xmlns=\"urn:cchc:assessment:1\">\r\n<assessment criteria-set=\"hostile\" "
		 "year=\"2018\">\r\n<agency id=\"a\" name=\"A\"/>\r\n<item criterion=\"ju\" "
		 "points=\"\xE2\x81\xA6" "1\"/>\r\n</assessment>\r\n</assessments>\r\n",
		 4, SCHEMA_PATTERN("item", "points", "\\xE2\\x81\\xA6" "1", "-?" POINTS)},
	};
	for (size_t i = 0; i < sizeof bundles / sizeof bundles[0]; i++)
		expect_stream(bundles[i].xml, strlen(bundles[i].xml), "bundle.xml", 0, bundles[i].line,
		              bundles[i].message);
}

int main(void)
{
	if (suite_set() < 0)
		return 1;
	static const test_case tests[] = {
		{"every hostile file, its exact messages", test_corpus},
		{"every hostile file has an expectation", test_corpus_complete},
		{"10 000-character ids", test_huge_ids},
		{"10 000-deep nesting (generated)", test_deep_nesting},
		{"a 2 GB file refused by its size (generated, sparse)", test_two_gigabytes},
		{"a FIFO does not hang the loader", test_fifo},
		{"the CLI: exit 1, no output file", test_cli},
		{"evidence paths: schemes, drives, %2e%2e", test_evidence_paths},
		{"a long message is cut between characters", test_long_message_cut},
		{"UTF-16 without a byte order mark", test_utf16_without_bom},
		{"diagnostics escape controls and bidi overrides", test_diag_escapes},
		{"10 MB values and tags: what is too long, where (generated)", test_too_long},
		{"a prolog of any length (generated)", test_long_prolog},
		{"bundles: encoding, lone CRs, escapes", test_bundle_checks},
		{"a CR LF split between the stream's reads", test_split_line_ends},
		{NULL, NULL},
	};
	int rc = test_run_suite("hostile", tests);
	cchc_criteria_free(good_set);
	return rc;
}
