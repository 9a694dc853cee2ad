/* Assessment bundles: one <assessments xmlns="urn:cchc:assessment:1"> holding
 * many <assessment> elements, each exactly a file of its own. The Huế 2018
 * departments bundled into one file load and score as the 21 separate files
 * do, in document order, each member with its start tag's line (past line
 * 65 535 too); every problem of a bundle's own structure and of its members
 * is reported at its file and line, an invalid member is skipped while the
 * others still load; and the CLI reads a bundle wherever it reads an
 * assessment file or folder, with the same output as for the files. */
#define _POSIX_C_SOURCE 200809L /* mkdir */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

#define NS "urn:cchc:assessment:1"
#define OPEN "<assessments xmlns=\"" NS "\">\n"
#define SET "criteria/hue-so-2018.xml"
#define FIXTURES "tests/data/bundle/"
/* generated bundles and CLI scratch files live in the build tree */
#define TMP CCHC_TEST_TMP "/bundle-"
#define HUE_BUNDLE TMP "hue-so-2018.xml"
#define NAME "bundle.xml"

/* A member on one line: agency id, then any items. */
#define MEMBER(id, items)                                                                     \
	"  <assessment criteria-set=\"hue-so-2018\" year=\"2018\"><agency id=\"" id "\" name=\"" \
	id "\"/>" items "</assessment>\n"

static cchc_criteria *sets[2]; /* hue-so-2018, hue-huyen-2018 */
static long hue_lines[TEST_HUE_SO]; /* of each member in HUE_BUNDLE */

/* ------------------------------------------------------------------ helpers */

typedef struct {
	char *data;
	size_t len, cap;
} text;

static void append(text *t, const char *s, size_t n)
{
	if (t->cap - t->len <= n) {
		size_t cap = t->cap ? t->cap : 1 << 16;
		while (cap - t->len <= n)
			cap *= 2;
		char *grown = realloc(t->data, cap);
		if (!grown)
			abort(); /* a test without memory has nothing to say */
		t->data = grown;
		t->cap = cap;
	}
	memcpy(t->data + t->len, s, n);
	t->len += n;
	t->data[t->len] = '\0';
}

static void append_str(text *t, const char *s)
{
	append(t, s, strlen(s));
}

static long lines_in(const char *s, size_t n)
{
	long lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += s[i] == '\n';
	return lines;
}

/* A whole file, malloc'd and NUL-terminated; NULL if it cannot be opened. */
static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(data, 1, len, f), len);
	fclose(f);
}

/* The Huế 2018 departments' files, each without its XML declaration, inside
 * one <assessments> (as criteria/README.md's one-liner makes it), written to
 * path; lines[i] is the line of the i-th <assessment> tag. 0, or -1. */
static int write_hue_bundle(const char *path, long lines[TEST_HUE_SO])
{
	text t = {0};
	append_str(&t, OPEN);
	for (size_t i = 0; i < TEST_HUE_SO; i++) {
		char sample[256];
		snprintf(sample, sizeof sample, "samples/hue-2018/so/%s.xml", test_hue_so_ids[i]);
		char *file = test_read_file(test_path(sample), NULL);
		const char *body = file;
		if (body && strncmp(body, "<?xml", 5) == 0 && strchr(body, '\n'))
			body = strchr(body, '\n') + 1;
		const char *tag = body ? strstr(body, "<assessment ") : NULL;
		if (!tag) {
			free(file);
			free(t.data);
			return -1;
		}
		lines[i] = lines_in(t.data, t.len) + lines_in(body, (size_t)(tag - body)) + 1;
		append_str(&t, body);
		free(file);
	}
	append_str(&t, "</assessments>\n");
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(t.data, 1, t.len, f) == t.len;
	if (f && fclose(f) != 0)
		ok = 0;
	free(t.data);
	return ok ? 0 : -1;
}

/* What a stream handed over, in order; stops the stream after stop_after. */
#define MAX_GOT 32
typedef struct {
	cchc_assessment *got[MAX_GOT];
	size_t n;
	size_t stop_after; /* 0: never */
} collector;

static int collect(cchc_assessment *a, void *user)
{
	collector *c = user;
	CU_ASSERT_FATAL(c->n < MAX_GOT);
	c->got[c->n++] = a;
	return c->stop_after && c->n >= c->stop_after ? -1 : 0;
}

static void collector_free(collector *c)
{
	for (size_t i = 0; i < c->n; i++)
		cchc_assessment_free(c->got[i]);
	c->n = 0;
}

/* Stream xml (named NAME) against both Huế sets. */
static int stream(const char *xml, collector *c, cchc_diag *diag)
{
	return cchc_assessment_stream_memory((const cchc_criteria *const *)sets, 2, xml, strlen(xml),
	                                     NAME, collect, c, diag);
}

/* The agencies handed over, "id@line id@line …". */
static const char *got_text(const collector *c)
{
	static char buf[1024];
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < c->n && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s@%ld", i ? " " : "",
		                         cchc_assessment_agency_id(c->got[i]),
		                         cchc_assessment_line(c->got[i]));
	return buf;
}

#define BUNDLE_NOT_ONE                                                                        \
	"the file is a bundle of assessments (<assessments>), but one agency's <assessment> is "  \
	"expected here: give that agency's file, or give the bundle to rank, gap, robust, "       \
	"report or validate"
#define MISPLACED(what) what " inside <assessments>: a bundle holds <assessment> elements only"
#define UNKNOWN_LEAF(id)                                                                      \
	"<item>: criterion \"" id "\" is not in criteria set \"hue-so-2018\": use an id from "    \
	"criteria/hue-so-2018.xml"
#define MET_YES                                                                               \
	"does not match the schema: Element 'item', attribute 'met': [facet 'enumeration'] The " \
	"value 'yes' is not an element of the set {'true', 'false'}."

/* ------------------------------------------------------------------ the CLI */


static char out_text[1 << 20], err_text[1 << 16];

/* Run "cchc ARGS" from the source tree; stdout and stderr land in out_text and err_text. */
static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/bundle", out_text, sizeof out_text, err_text,
	                    sizeof err_text);
}

/* stdout of "cchc ARGS", which must succeed with err on stderr (malloc'd). */
static char *output_of(const char *args, const char *err)
{
	ASSERT_EQ(run(args), 0);
	ASSERT_STR(err_text, err);
	return strdup(out_text);
}

/* Where the bundle (or a copy of it, at path) warns of skhdt's published
 * criterion 3.6, "PATH:LINE", followed by the warning's words w (NULL: none). */
static const char *skhdt_w36(const char *path, const char *w)
{
	static char buf[1024];
	size_t k = 0;
	if (!w)
		return "";
	while (k + 1 < TEST_HUE_SO && strcmp(test_hue_so_ids[k], "skhdt") != 0)
		k++;
	snprintf(buf, sizeof buf, "%s:%ld%s", path, hue_lines[k] + TEST_SKHDT_LINE_36 - 8, w);
	return buf;
}

/* ------------------------------------------------------------------ the Huế bundle */

/* The 21 departments as one bundle: the same agencies in document order, at
 * their lines, with the same totals as the 21 files (skhdt 70,00/100). */
static void test_hue_bundle_equals_files(void)
{
	test_hue hue;
	CU_ASSERT_EQUAL_FATAL(test_hue_load(&hue), 0);
	const long *lines = hue_lines;
	size_t len;
	char *xml = test_read_file(HUE_BUNDLE, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);

	for (int from_file = 0; from_file < 2; from_file++) {
		collector c = {0};
		cchc_diag *d = cchc_diag_new();
		const char *name = from_file ? HUE_BUNDLE : NAME;
		int rc = from_file ? cchc_assessment_stream((const cchc_criteria *const *)hue.sets, 2,
		                                            HUE_BUNDLE, collect, &c, d)
		                   : cchc_assessment_stream_memory((const cchc_criteria *const *)hue.sets,
		                                                   2, xml, len, NAME, collect, &c, d);
		ASSERT_EQ(rc, 0);
		ASSERT_EQ(cchc_diag_count(d), 0);
		ASSERT_EQ(c.n, TEST_HUE_SO);
		for (size_t i = 0; i < c.n && i < TEST_HUE_SO; i++) {
			const cchc_assessment *a = c.got[i], *alone = hue.assessments[i];
			ASSERT_STR(cchc_assessment_agency_id(a), test_hue_so_ids[i]);
			ASSERT_STR(cchc_assessment_agency_name(a), cchc_assessment_agency_name(alone));
			ASSERT_STR(cchc_assessment_file(a), name);
			ASSERT_EQ(cchc_assessment_line(a), lines[i]);
			ASSERT_EQ(cchc_assessment_line(alone), 0); /* a file of its own */
			ASSERT_EQ(cchc_assessment_year(a), 2018);
			CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(a), hue.sets[0]);
			cchc_score *s = NULL;
			CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&s, a), 0);
			const cchc_score *want = hue.scores[i];
			ASSERT_EQ(s->total, want->total);
			ASSERT_EQ(s->frame, want->frame);
			ASSERT_EQ(s->self_total, want->self_total);
			ASSERT_EQ(s->index, want->index);
			CU_ASSERT_PTR_EQUAL(s->band, want->band);
			for (size_t k = 0; k < s->nnodes; k++)
				ASSERT_EQ(s->nodes[k].points, want->nodes[k].points);
			if (strcmp(test_hue_so_ids[i], "skhdt") == 0) {
				ASSERT_EQ(s->total, 7000);
				ASSERT_STR(s->band->label, "Khá");
			}
			cchc_score_free(s);
		}
		/* the first and last members, by hand */
		ASSERT_EQ(lines[0], 10);
		ASSERT_EQ(lines[7], 1861); /* skhdt, as criteria/README.md says */
		ASSERT_STR(cchc_assessment_agency_id(c.got[0]), "bdt");
		ASSERT_STR(cchc_assessment_agency_id(c.got[TEST_HUE_SO - 1]), "vpubnd");
		collector_free(&c);
		cchc_diag_free(d);
	}
	free(xml);
	test_hue_free(&hue);
}

/* A member's line is its start tag's (for a tag over several lines, the
 * line it closes on, as for every element libxml2 reports); comments,
 * processing instructions and blank lines may stand between members; a
 * namespace prefix is as good as the default namespace. */
static void test_member_lines(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream("<?xml version=\"1.0\"?>\n"
	                 "<!-- the departments -->\n"
	                 OPEN
	                 MEMBER("a1", "")
	                 "\n"
	                 "  <!-- a comment -->\n"
	                 "  <?cchc between?>\n"
	                 "  <assessment criteria-set=\"hue-so-2018\"\n"
	                 "              year=\"2018\">\n"
	                 "    <agency id=\"a2\" name=\"A2\"/>\n"
	                 "  </assessment>"
	                 "<assessment criteria-set=\"hue-so-2018\" year=\"2018\"><agency id=\"a3\" "
	                 "name=\"A3\"/></assessment>\n"
	                 "</assessments>\n",
	                 &c, d),
	       0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "a1@4 a2@9 a3@11");
	collector_free(&c);

	ASSERT_EQ(stream("<c:assessments xmlns:c=\"" NS "\">\n"
	                 "  <c:assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                 "    <c:agency id=\"p1\" name=\"P1\"/>\n"
	                 "    <c:item criterion=\"1.1.3\" met=\"true\"/>\n"
	                 "  </c:assessment>\n"
	                 "</c:assessments>\n",
	                 &c, d),
	       0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "p1@2");
	collector_free(&c);

	/* agencies of several blocks in one bundle, each against its own set */
	ASSERT_EQ(stream(OPEN MEMBER("s1", "")
	                 "  <assessment criteria-set=\"hue-huyen-2018\" year=\"2018\"><agency id=\"h1\" "
	                 "name=\"H1\" block=\"huyen\"/></assessment>\n"
	                 "</assessments>\n",
	                 &c, d),
	       0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "s1@2 h1@3");
	if (c.n == 2) {
		CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(c.got[0]), sets[0]);
		CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(c.got[1]), sets[1]);
	}
	collector_free(&c);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ the bundle's own problems */

static void test_bundle_attributes(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream("<assessments xmlns=\"" NS "\"\n"
	                 "             year=\"2018\" criteria-set=\"hue-so-2018\">\n"
	                 MEMBER("a1", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 2,
	            "<assessments> takes no attributes (year=\"…\"): each <assessment> carries its "
	            "own criteria-set and year");
	/* the members are read all the same */
	ASSERT_STR(got_text(&c), "a1@3");
	collector_free(&c);
	cchc_diag_free(d);
}

static void test_other_elements(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "  <agency id=\"a2\" name=\"A2\"/>\n"
	                 "  <assessments/>\n"
	                 "  <x:assessment xmlns:x=\"urn:other\" criteria-set=\"hue-so-2018\" "
	                 "year=\"2018\"/>\n"
	                 MEMBER("a3", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 3);
	test_expect_diag(d, 0, NAME, 3, MISPLACED("<agency>"));
	test_expect_diag(d, 1, NAME, 4, MISPLACED("<assessments>"));
	/* an <assessment> of another namespace is no member, and the message says why */
	test_expect_diag(d, 2, NAME, 5, MISPLACED("<assessment> in namespace \"urn:other\""));
	ASSERT_STR(got_text(&c), "a1@2 a3@6");
	collector_free(&c);
	cchc_diag_free(d);
}

/* Text between members is reported once, at the line it stands on. */
static void test_text_between_members(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "  a1 is late\n"
	                 MEMBER("a2", "")
	                 "  so is a2\n"
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 3, MISPLACED("text"));
	ASSERT_STR(got_text(&c), "a1@2 a2@4");
	collector_free(&c);

	/* where the text starts, after blank lines, in Vietnamese, on a long line */
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "\n"
	                 "\n"
	                 "  Cơ quan a2\n"
	                 "  nộp muộn\n"
	                 MEMBER("a2", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 2);
	test_expect_diag(d, 1, NAME, 5, MISPLACED("text"));
	ASSERT_STR(got_text(&c), "a1@2 a2@7");
	collector_free(&c);
	text t = {0};
	append_str(&t, OPEN MEMBER("a1", "") "\n\n  ");
	for (int i = 0; i < 100; i++)
		append_str(&t, "text ");
	append_str(&t, "\n  and more\n" MEMBER("a2", "") "</assessments>\n");
	ASSERT_EQ(stream(t.data, &c, d), -1);
	free(t.data);
	ASSERT_EQ(cchc_diag_count(d), 3);
	test_expect_diag(d, 2, NAME, 5, MISPLACED("text"));
	ASSERT_STR(got_text(&c), "a1@2 a2@7");
	collector_free(&c);

	/* so is a CDATA section */
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "\n"
	                 "  <![CDATA[ ]]>\n"
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 4);
	test_expect_diag(d, 3, NAME, 4, MISPLACED("text"));
	ASSERT_STR(got_text(&c), "a1@2");
	collector_free(&c);
	cchc_diag_free(d);
}

static void test_empty_bundle(void)
{
	static const char *const empty[] = {
		OPEN "</assessments>\n",
		"<assessments xmlns=\"" NS "\"/>\n",
		"<?xml version=\"1.0\"?>\n" OPEN "  <!-- nobody yet -->\n</assessments>\n",
	};
	static const long line[] = {1, 1, 2};
	for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
		collector c = {0};
		cchc_diag *d = cchc_diag_new();
		ASSERT_EQ(stream(empty[i], &c, d), -1);
		ASSERT_EQ(c.n, 0);
		ASSERT_EQ(cchc_diag_count(d), 1);
		test_expect_diag(d, 0, NAME, line[i], "the bundle holds no <assessment>: add one per agency");
		cchc_diag_free(d);
	}
}

/* A bundle is no assessment: the one-agency loaders and `cchc score` refuse it. */
static void test_bundle_is_not_one_assessment(void)
{
	cchc_assessment *a = NULL;
	cchc_diag *d = cchc_diag_new();
	const char *xml = OPEN MEMBER("a1", "") "</assessments>\n";
	ASSERT_EQ(cchc_assessment_load_memory(&a, (const cchc_criteria *const *)sets, 2, xml,
	                                      strlen(xml), NAME, d),
	          -1);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 1, BUNDLE_NOT_ONE);
	cchc_diag_free(d);

	/* and a bundle must be in the namespace too */
	collector c = {0};
	d = cchc_diag_new();
	ASSERT_EQ(stream("<assessments>\n" MEMBER("a1", "") "</assessments>\n", &c, d), -1);
	ASSERT_EQ(c.n, 0);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 1,
	            "the root element is <assessments> with no namespace: expected <assessment "
	            "xmlns=\"" NS "\">");
	cchc_diag_free(d);

	ASSERT_EQ(run("score " SET " " FIXTURES "example.xml --lang en"), 1);
	ASSERT_STR(err_text, FIXTURES "example.xml:2: error: " BUNDLE_NOT_ONE "\n");
	ASSERT_STR(out_text, "");
}

/* ------------------------------------------------------------------ members that do not load */

/* Each bad member is reported at its lines and skipped; the others load. */
static void test_invalid_members_skipped(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "<item criterion=\"1.1.3\" met=\"true\"/>")
	                 "  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                 "    <agency id=\"a2\" name=\"A2\"/>\n"
	                 "    <item criterion=\"1.9.9\" met=\"true\"/>\n"
	                 "    <item criterion=\"1.1.1\" date=\"2018-02-30\"/>\n"
	                 "  </assessment>\n"
	                 MEMBER("a3", "")
	                 "  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                 "    <agency id=\"a4\" name=\"A4\"/>\n"
	                 "    <item criterion=\"1.1.3\" met=\"yes\"/>\n"
	                 "  </assessment>\n"
	                 "  <assessment criteria-set=\"hue-so-2017\" year=\"2017\">\n"
	                 "    <agency id=\"a5\" name=\"A5\"/>\n"
	                 "  </assessment>\n"
	                 MEMBER("a6", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 5);
	test_expect_diag(d, 0, NAME, 5, UNKNOWN_LEAF("1.9.9"));
	test_expect_diag(d, 1, NAME, 6, "<item \"1.1.1\"> date=\"2018-02-30\": no such date in the calendar");
	/* the date's message stops that item; its "no evidence" follows */
	test_expect_diag(d, 2, NAME, 6,
	            "<item criterion=\"1.1.1\">: no evidence: give date (or met=\"false\")");
	test_expect_diag(d, 3, NAME, 11, MET_YES);
	test_expect_diag(d, 4, NAME, 13,
	            "criteria-set=\"hue-so-2017\" does not match the criteria sets given "
	            "(\"hue-so-2018\", \"hue-huyen-2018\"): give its criteria file, or correct the "
	            "attribute");
	ASSERT_STR(got_text(&c), "a1@2 a3@8 a6@16");
	cchc_diag_free(d);
	collector_free(&c);

	/* the year of a member is checked against its set like a file's */
	d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 "  <assessment criteria-set=\"hue-so-2018\" year=\"2017\">\n"
	                 "    <agency id=\"a6\" name=\"A6\"/>\n"
	                 "  </assessment>\n"
	                 MEMBER("a7", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 2,
	            "the assessment is for year 2017 but criteria set \"hue-so-2018\" is for 2018");
	ASSERT_STR(got_text(&c), "a7@5");
	collector_free(&c);
	cchc_diag_free(d);
}

/* The first test's sink: what loaded, in order, even though some did not. */
static void test_invalid_members_sink(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "<item criterion=\"1.1.3\" met=\"true\"/>")
	                 MEMBER("bad", "<item criterion=\"1.9.9\" met=\"true\"/>")
	                 MEMBER("a3", "")
	                 "</assessments>\n",
	                 &c, d),
	       -1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 3, UNKNOWN_LEAF("1.9.9"));
	ASSERT_STR(got_text(&c), "a1@2 a3@4");
	/* what loaded is whole: a1's item is there */
	if (c.n > 0) {
		const cchc_node *leaf = cchc_criteria_find(sets[0], "1.1.3");
		CU_ASSERT_PTR_NOT_NULL_FATAL(leaf);
		const cchc_item *it = cchc_assessment_item(c.got[0], leaf);
		CU_ASSERT_PTR_NOT_NULL_FATAL(it);
		ASSERT_EQ(it->met, 1);
		ASSERT_EQ(it->line, 2);
	}
	collector_free(&c);
	cchc_diag_free(d);
}

/* The same agency twice in a bundle loads twice; ranking refuses it. */
static void test_same_agency_twice(void)
{
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN MEMBER("a1", "") MEMBER("a1", "") "</assessments>\n", &c, d), 0);
	ASSERT_STR(got_text(&c), "a1@2 a1@3");
	cchc_score *scores[2] = {NULL, NULL};
	for (size_t i = 0; i < c.n && i < 2; i++)
		CU_ASSERT_EQUAL(cchc_score_compute(&scores[i], c.got[i]), 0);
	cchc_ranking *r = NULL;
	ASSERT_EQ(cchc_ranking_build(&r, (const cchc_score *const *)scores, 2, d), -1);
	CU_ASSERT_PTR_NULL(r);
	ASSERT_EQ(cchc_diag_count(d), 1);
	/* each side of the pair at its member's line */
	test_expect_diag(d, 0, NAME, 3,
	                 "agency \"a1\" is assessed twice (also in " NAME ":2): keep one assessment per "
	                 "agency");
	cchc_score_free(scores[0]);
	cchc_score_free(scores[1]);
	collector_free(&c);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ malformed and stopped */

/* A bundle cut off inside a member: the members before it were handed over
 * (they are whole), the stream fails, and the CLI writes nothing. */
#define CUT_SHORT(element, line)                                                              \
	"not well-formed XML: the file ends before <" element "> of line " line " is closed: it " \
	"is cut short, or an end tag is missing"
static void test_truncated(void)
{
	/* in a start tag: libxml2's own words */
	collector c = {0};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                 "    <agency id=\"a2\" name=\"A2\"/>\n"
	                 "    <item criterion=\"1.1.3\" met=\"tr",
	                 &c, d),
	       -1);
	ASSERT_STR(got_text(&c), "a1@2");
	const cchc_diag_entry *e = cchc_diag_get(d, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(e);
	ASSERT_STR(e->file, NAME);
	ASSERT_EQ(e->line, 5);
	CU_ASSERT_EQUAL(strncmp(e->message, "not well-formed XML: ", 21), 0);
	collector_free(&c);
	cchc_diag_free(d);

	/* between elements: which one is left open */
	d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN
	                 MEMBER("a1", "")
	                 "  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"
	                 "    <agency id=\"a2\" name=\"A2\"/>\n",
	                 &c, d),
	       -1);
	ASSERT_STR(got_text(&c), "a1@2");
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 4, CUT_SHORT("assessment", "3"));
	collector_free(&c);
	cchc_diag_free(d);

	/* every member whole, </assessments> missing */
	d = cchc_diag_new();
	ASSERT_EQ(stream(OPEN MEMBER("a1", "") MEMBER("a2", ""), &c, d), -1);
	ASSERT_STR(got_text(&c), "a1@2 a2@3");
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 3, CUT_SHORT("assessments", "1"));
	collector_free(&c);
	cchc_diag_free(d);

	/* the Huế bundle cut after skhdt's <agency>, its 8th member */
	size_t len;
	char *whole = test_read_file(HUE_BUNDLE, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
	char *cut = strstr(whole, "<agency id=\"skhdt\"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cut);
	cut = strchr(cut, '\n');
	CU_ASSERT_PTR_NOT_NULL_FATAL(cut);
	write_file(TMP "cut.xml", whole, (size_t)(cut + 1 - whole));
	free(whole);
	d = cchc_diag_new();
	ASSERT_EQ(cchc_assessment_stream((const cchc_criteria *const *)sets, 2, TMP "cut.xml", collect,
	                                 &c, d),
	          -1);
	ASSERT_EQ(c.n, 7);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, TMP "cut.xml", 1862, CUT_SHORT("assessment", "1861"));
	collector_free(&c);
	cchc_diag_free(d);

	remove(TMP "out.txt");
	ASSERT_EQ(run("rank " SET " " TMP "cut.xml --lang en -o " TMP "out.txt"), 1);
	CU_ASSERT_EQUAL(access(TMP "out.txt", F_OK), -1);
	ASSERT_STR(out_text, "");
	ASSERT_STR(err_text, TMP "cut.xml:1862: error: " CUT_SHORT("assessment", "1861") "\n");
	/* validate still names the members that were whole */
	ASSERT_EQ(run("validate " SET " " TMP "cut.xml"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, TMP "cut.xml:1592: valid assessment of \"skhcn\"\n"));
	CU_ASSERT_PTR_NULL(strstr(out_text, "\"skhdt\""));
	remove(TMP "cut.xml");
}

/* A sink returning -1 stops the stream: nothing more is read or reported. */
static void test_sink_stops(void)
{
	size_t len;
	char *xml = test_read_file(HUE_BUNDLE, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	collector c = {.stop_after = 1};
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_assessment_stream_memory((const cchc_criteria *const *)sets, 2, xml, len, NAME,
	                                        collect, &c, d),
	          0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "bdt@10");
	collector_free(&c);

	c.stop_after = 3;
	ASSERT_EQ(cchc_assessment_stream((const cchc_criteria *const *)sets, 2, HUE_BUNDLE, collect,
	                                 &c, d),
	          0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "bdt@10 bqlkkt@254 sct@522");
	collector_free(&c);
	free(xml);

	/* what follows the stop is not read: a bad member, a bad end */
	c.stop_after = 1;
	ASSERT_EQ(stream(OPEN MEMBER("a1", "") MEMBER("bad", "<item criterion=\"1.9.9\" met=\"true\"/>")
	                 "<oops", &c, d),
	          0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	ASSERT_STR(got_text(&c), "a1@2");
	collector_free(&c);

	/* a problem before the stop is still a failure */
	c.stop_after = 1;
	ASSERT_EQ(stream(OPEN MEMBER("bad", "<item criterion=\"1.9.9\" met=\"true\"/>") MEMBER("a2", "")
	                 MEMBER("a3", "") "</assessments>\n", &c, d),
	          -1);
	ASSERT_EQ(cchc_diag_count(d), 1);
	test_expect_diag(d, 0, NAME, 2, UNKNOWN_LEAF("1.9.9"));
	ASSERT_STR(got_text(&c), "a2@3");
	collector_free(&c);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ past line 65 535 */

/* libxml2 keeps an element's line in 16 bits: past line 65 535 the members'
 * lines and every message's line must still be exact. Each body below is
 * read at line 1 and 70 000 lines further down (blank lines and comments). */
static const long pads[] = {0, 70000};

/* OPEN, pad lines, then body, in a new buffer. */
static char *padded(long pad, const char *body)
{
	text t = {0};
	append_str(&t, OPEN);
	for (long i = 0; i < pad; i++)
		append_str(&t, i % 2 ? "  <!-- padding -->\n" : "\n");
	append_str(&t, body);
	return t.data;
}

/* The members' lines, the bundle's own problems, a parse error. */
static void test_big_lines(void)
{
	static const char body[] =
		MEMBER("a1", "<item criterion=\"1.1.3\" met=\"true\"/>")           /* +1 */
		"  <agency id=\"x\" name=\"misplaced\"/>\n"                         /* +2 */
		"  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n"       /* +3 */
		"    <agency id=\"a2\" name=\"A2\"/>\n"                             /* +4 */
		"  </assessment>\n"                                                 /* +5 */
		"  stray text\n"                                                    /* +6 */
		"  <assessment criteria-set=\"hue-so-2018\"\n"                      /* +7 */
		"              year=\"2018\"><agency id=\"a3\" name=\"A3\"/>\n"     /* +8 */
		"  </assessment>\n"                                                 /* +9 */
		"</assessments>\n";
	for (size_t p = 0; p < 2; p++) {
		long at = 1 + pads[p]; /* the line before the body */
		char *xml = padded(pads[p], body);
		collector c = {0};
		cchc_diag *d = cchc_diag_new();
		ASSERT_EQ(stream(xml, &c, d), -1);
		ASSERT_EQ(c.n, 3);
		for (size_t i = 0; i < c.n && i < 3; i++) {
			static const long line[] = {1, 3, 8};
			ASSERT_EQ(cchc_assessment_line(c.got[i]), at + line[i]);
		}
		ASSERT_EQ(cchc_diag_count(d), 2);
		test_expect_diag(d, 0, NAME, at + 2, MISPLACED("<agency>"));
		test_expect_diag(d, 1, NAME, at + 6, MISPLACED("text"));
		collector_free(&c);
		cchc_diag_free(d);
		free(xml);

		/* a parse error that far down, after a member */
		xml = padded(pads[p], MEMBER("a1", "") "  <assessment a=\"1\" a=\"2\"/>\n</assessments>\n");
		d = cchc_diag_new();
		ASSERT_EQ(stream(xml, &c, d), -1);
		ASSERT_STR(got_text(&c), p ? "a1@70002" : "a1@2");
		collector_free(&c);
		ASSERT_EQ(cchc_diag_count(d), 1);
		const cchc_diag_entry *e = cchc_diag_get(d, 0);
		CU_ASSERT_PTR_NOT_NULL_FATAL(e);
		ASSERT_EQ(e->line, at + 2);
		CU_ASSERT_EQUAL(strncmp(e->message, "not well-formed XML: ", 21), 0);
		cchc_diag_free(d);
		free(xml);

		/* and a member cut short: the line it opened on */
		xml = padded(pads[p], MEMBER("a1", "") "  <assessment criteria-set=\"hue-so-2018\" "
		                                      "year=\"2018\">\n    <agency id=\"a2\" name=\"A2\"/>\n");
		d = cchc_diag_new();
		ASSERT_EQ(stream(xml, &c, d), -1);
		collector_free(&c);
		char want[200];
		snprintf(want, sizeof want, CUT_SHORT("assessment", "%ld"), at + 2);
		ASSERT_EQ(cchc_diag_count(d), 1);
		test_expect_diag(d, 0, NAME, at + 3, want);
		cchc_diag_free(d);
		free(xml);
	}
}

/* Inside a member: its items' lines, the engine's messages, the schema's. */
static void test_big_lines_in_members(void)
{
	static const char body[] =
		MEMBER("a1", "<item criterion=\"1.1.3\" met=\"true\"/>")   /* +1 */
		"  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n" /* +2 */
		"    <agency id=\"a2\" name=\"A2\"/>\n"                     /* +3 */
		"    <item criterion=\"1.9.9\" met=\"true\"/>\n"            /* +4 */
		"  </assessment>\n"                                         /* +5 */
		"  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n" /* +6 */
		"    <agency id=\"a3\" name=\"A3\"/>\n"                     /* +7 */
		"    <item criterion=\"1.1.3\"\n"                           /* +8 */
		"          met=\"yes\"/>\n"                                 /* +9 */
		"  </assessment>\n"                                         /* +10 */
		"  <assessment criteria-set=\"hue-so-2018\" year=\"2018\">\n" /* +11 */
		"    <agency id=\"a4\" name=\"A4\"/>\n"                     /* +12 */
		"    <item criterion=\"1.1.1\" date=\"2018-02-12\"/>\n"     /* +13 */
		"    <item criterion=\"1.1.3\" met=\"true\"/>\n"            /* +14 */
		"  </assessment>\n"                                         /* +15 */
		"</assessments>\n";
	for (size_t p = 0; p < 2; p++) {
		long at = 1 + pads[p];
		char *xml = padded(pads[p], body);
		collector c = {0};
		cchc_diag *d = cchc_diag_new();
		ASSERT_EQ(stream(xml, &c, d), -1);
		ASSERT_EQ(c.n, 2);
		const cchc_node *yes_no = cchc_criteria_find(sets[0], "1.1.3");
		const cchc_node *deadline = cchc_criteria_find(sets[0], "1.1.1");
		CU_ASSERT_PTR_NOT_NULL_FATAL(yes_no);
		CU_ASSERT_PTR_NOT_NULL_FATAL(deadline);
		if (c.n == 2) {
			ASSERT_EQ(cchc_assessment_line(c.got[0]), at + 1);
			ASSERT_EQ(cchc_assessment_line(c.got[1]), at + 11);
			const cchc_item *it = cchc_assessment_item(c.got[0], yes_no);
			CU_ASSERT_PTR_NOT_NULL_FATAL(it);
			ASSERT_EQ(it->line, at + 1);
			it = cchc_assessment_item(c.got[1], deadline);
			CU_ASSERT_PTR_NOT_NULL_FATAL(it);
			ASSERT_EQ(it->line, at + 13);
			it = cchc_assessment_item(c.got[1], yes_no);
			CU_ASSERT_PTR_NOT_NULL_FATAL(it);
			ASSERT_EQ(it->line, at + 14);
		}
		ASSERT_EQ(cchc_diag_count(d), 2);
		test_expect_diag(d, 0, NAME, at + 4, UNKNOWN_LEAF("1.9.9"));
		test_expect_diag(d, 1, NAME, at + 9, MET_YES);
		collector_free(&c);
		cchc_diag_free(d);
		free(xml);
	}
}

/* ------------------------------------------------------------------ the CLI */

static void test_cli_validate(void)
{
	ASSERT_EQ(run("validate " SET " " HUE_BUNDLE), 0);
	ASSERT_STR(err_text, skhdt_w36(HUE_BUNDLE, TEST_SKHDT_W36_VI));
	text want = {0};
	append_str(&want, SET ": valid criteria set \"hue-so-2018\" (94 nodes, 76 scored leaves)\n");
	for (size_t i = 0; i < TEST_HUE_SO; i++) {
		char line[256];
		snprintf(line, sizeof line, HUE_BUNDLE ":%ld: valid assessment of \"%s\"\n", hue_lines[i],
		         test_hue_so_ids[i]);
		append_str(&want, line);
	}
	ASSERT_STR(out_text, want.data);
	free(want.data);

	/* every problem of a bundle, in document order; the good members still named */
	ASSERT_EQ(run("validate " SET " " FIXTURES "errors.xml"), 1);
	ASSERT_STR(out_text, SET ": valid criteria set \"hue-so-2018\" (94 nodes, 76 scored leaves)\n"
	                     FIXTURES "errors.xml:4: valid assessment of \"a1\"\n"
	                     FIXTURES "errors.xml:21: valid assessment of \"a6\"\n");
	/* in --lang's words (default vi); libxml2's own stay English */
	ASSERT_STR(err_text,
	           FIXTURES "errors.xml:3: error: <assessments> không có thuộc tính (year=\"…\"): mỗi <assessment> "
	           "tự ghi criteria-set và year của nó\n"
	           FIXTURES "errors.xml:8: error: <agency> nằm trong <assessments>: tệp gộp chỉ chứa các phần tử "
	           "<assessment>\n"
	           FIXTURES "errors.xml:11: error: <item>: tiêu chí 1.9.9 không có trong bộ tiêu chí \"hue-so-2018\": "
	           "dùng một mã có trong criteria/hue-so-2018.xml\n"
	           FIXTURES "errors.xml:15: error: không khớp với lược đồ (schema): Element 'item', attribute 'met': "
	           "[facet 'enumeration'] The value 'yes' is not an element of the set {'true', 'false'}.\n"
	           FIXTURES "errors.xml:17: error: criteria-set=\"hue-so-2017\" không khớp với bộ tiêu chí đã đưa "
	           "(\"hue-so-2018\"): đưa tệp bộ tiêu chí của nó, hoặc sửa thuộc tính này\n"
	           FIXTURES "errors.xml:20: error: văn bản nằm trong <assessments>: tệp gộp chỉ chứa các phần tử "
	           "<assessment>\n");
	ASSERT_EQ(run("validate " SET " " FIXTURES "errors.xml --lang en"), 1);
	ASSERT_STR(err_text,
	           FIXTURES "errors.xml:3: error: <assessments> takes no attributes (year=\"…\"): each "
	           "<assessment> carries its own criteria-set and year\n"
	           FIXTURES "errors.xml:8: error: " MISPLACED("<agency>") "\n"
	           FIXTURES "errors.xml:11: error: " UNKNOWN_LEAF("1.9.9") "\n"
	           FIXTURES "errors.xml:15: error: " MET_YES "\n"
	           FIXTURES "errors.xml:17: error: criteria-set=\"hue-so-2017\" does not match the "
	           "criteria set given (\"hue-so-2018\"): give its criteria file, or correct the "
	           "attribute\n"
	           FIXTURES "errors.xml:20: error: " MISPLACED("text") "\n");

	/* the example of criteria/README.md, with both its sets */
	ASSERT_EQ(run("validate " SET " criteria/hue-huyen-2018.xml " FIXTURES "example.xml"), 0);
	ASSERT_STR(out_text, SET ": valid criteria set \"hue-so-2018\" (94 nodes, 76 scored leaves)\n"
	                     "criteria/hue-huyen-2018.xml: valid criteria set \"hue-huyen-2018\" (72 "
	                     "nodes, 56 scored leaves)\n"
	                     FIXTURES "example.xml:3: valid assessment of \"skhdt\"\n"
	                     FIXTURES "example.xml:9: valid assessment of \"phuvang\"\n");
	ASSERT_STR(err_text, "");
}

/* rank (and gap) over the bundle, or a folder holding it, print what they
 * print over the 21 files, byte for byte. */
static void test_cli_rank_same_as_files(void)
{
	static const struct {
		const char *command, *options;
		const char *warning; /* rank's of skhdt's published criterion 3.6; gap has none */
	} runs[] = {{"rank", "", TEST_SKHDT_W36_VI},
	            {"rank", " --format csv", TEST_SKHDT_W36_VI},
	            {"rank", " --agency skhdt --lang en", TEST_SKHDT_W36_EN},
	            {"gap", " --agency skhdt --target-rank 10", NULL}};
	mkdir(TMP "dir", 0755);
	mkdir(TMP "dir/nested", 0755);
	size_t len;
	char *xml = test_read_file(HUE_BUNDLE, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	write_file(TMP "dir/nested/so.xml", xml, len);
	free(xml);
	for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
		char args[1024];
		snprintf(args, sizeof args, "%s " SET " %s%s", runs[i].command, "samples/hue-2018/so",
		         runs[i].options);
		char warned[1024] = "";
		if (runs[i].warning)
			snprintf(warned, sizeof warned, "%s%s", TEST_SKHDT_AT_36, runs[i].warning);
		char *files = output_of(args, warned);
		snprintf(args, sizeof args, "%s " SET " %s%s", runs[i].command, HUE_BUNDLE,
		         runs[i].options);
		char *bundle = output_of(args, skhdt_w36(HUE_BUNDLE, runs[i].warning));
		snprintf(args, sizeof args, "%s " SET " %s%s", runs[i].command, TMP "dir",
		         runs[i].options);
		char *folder = output_of(args, skhdt_w36(TMP "dir/nested/so.xml", runs[i].warning));
		ASSERT_STR(bundle, files);
		ASSERT_STR(folder, files);
		if (i == 0)
			CU_ASSERT_PTR_NOT_NULL(strstr(files, "18/21  Sở Kế hoạch và Đầu tư"));
		if (i == 1)
			CU_ASSERT_PTR_NOT_NULL(strstr(files, "so-nganh,18,21,skhdt,Sở Kế hoạch và Đầu tư,70.00,"));
		free(files);
		free(bundle);
		free(folder);
	}
	remove(TMP "dir/nested/so.xml");
	rmdir(TMP "dir/nested");
	rmdir(TMP "dir");
}

/* An agency twice: in one bundle, or in a bundle and a file of its own. */
static void test_cli_duplicates(void)
{
	const char *twice = OPEN MEMBER("a1", "") MEMBER("a1", "") "</assessments>\n";
	write_file(TMP "twice.xml", twice, strlen(twice));
	ASSERT_EQ(run("rank " SET " " TMP "twice.xml --lang en"), 1);
	ASSERT_STR(out_text, "");
	ASSERT_STR(err_text, TMP "twice.xml:3: error: agency \"a1\" is assessed twice (also in " TMP
	                     "twice.xml:2): keep one assessment per agency\n");
	remove(TMP "twice.xml");

	mkdir(TMP "dup", 0755);
	size_t len;
	char *xml = test_read_file(HUE_BUNDLE, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	write_file(TMP "dup/all.xml", xml, len);
	free(xml);
	xml = test_read_file(test_path("samples/hue-2018/so/skhdt.xml"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	write_file(TMP "dup/skhdt.xml", xml, len);
	free(xml);
	remove(TMP "out.txt");
	ASSERT_EQ(run("rank " SET " " TMP "dup --lang en -o " TMP "out.txt"), 1);
	CU_ASSERT_EQUAL(access(TMP "out.txt", F_OK), -1);
	ASSERT_STR(out_text, "");
	ASSERT_STR(err_text, TMP "dup/skhdt.xml: error: agency \"skhdt\" is assessed twice (also in "
	                     TMP "dup/all.xml:1861): keep one assessment per agency\n");
	/* validate checks each file, not the set of them */
	ASSERT_EQ(run("validate " SET " " TMP "dup"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, TMP "dup/all.xml:1861: valid assessment of \"skhdt\"\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, TMP "dup/skhdt.xml: valid assessment of \"skhdt\"\n"));
	remove(TMP "dup/all.xml");
	remove(TMP "dup/skhdt.xml");
	rmdir(TMP "dup");
}

/* An invalid member fails the run, however many others loaded. */
static void test_cli_invalid_member(void)
{
	remove(TMP "out.txt");
	ASSERT_EQ(run("rank " SET " " FIXTURES "errors.xml --lang en -o " TMP "out.txt"), 1);
	CU_ASSERT_EQUAL(access(TMP "out.txt", F_OK), -1);
	ASSERT_STR(out_text, "");
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, FIXTURES "errors.xml:11: error: " UNKNOWN_LEAF("1.9.9")));
}

int main(void)
{
	cchc_diag *d = cchc_diag_new();
	if (cchc_criteria_load(&sets[0], SET, d) < 0 ||
	    cchc_criteria_load(&sets[1], "criteria/hue-huyen-2018.xml", d) < 0) {
		fprintf(stderr, "%s", test_diag_text(d));
		return 1;
	}
	cchc_diag_free(d);
	/* the Huế departments' bundle, read by most tests */
	if (write_hue_bundle(HUE_BUNDLE, hue_lines) < 0) {
		fprintf(stderr, "cannot write %s\n", HUE_BUNDLE);
		return 1;
	}
	static const test_case tests[] = {
		{"the Huế departments as one bundle: same agencies, order, totals", test_hue_bundle_equals_files},
		{"a member's line is its start tag's", test_member_lines},
		{"attributes on <assessments>", test_bundle_attributes},
		{"elements other than <assessment> in a bundle", test_other_elements},
		{"text between members", test_text_between_members},
		{"a bundle without members", test_empty_bundle},
		{"a bundle is not one assessment", test_bundle_is_not_one_assessment},
		{"invalid members reported and skipped", test_invalid_members_skipped},
		{"the sink gets the members that loaded", test_invalid_members_sink},
		{"the same agency twice in a bundle", test_same_agency_twice},
		{"a bundle cut off in a member", test_truncated},
		{"a sink returning -1 stops the stream", test_sink_stops},
		{"lines past 65 535: members, bundle problems, parse errors", test_big_lines},
		{"lines past 65 535 inside members", test_big_lines_in_members},
		{"cchc validate: one line per member, every problem", test_cli_validate},
		{"cchc rank and gap: bundle, folder and files alike", test_cli_rank_same_as_files},
		{"cchc rank: an agency twice", test_cli_duplicates},
		{"cchc rank: an invalid member fails the run", test_cli_invalid_member},
		{NULL, NULL},
	};
	int rc = test_run_suite("bundle", tests);
	remove(HUE_BUNDLE);
	cchc_criteria_free(sets[0]);
	cchc_criteria_free(sets[1]);
	return rc;
}
