/* The self-assessment workbook: its live points agree with the engine.
 * Every sample and test assessment is written with its answers, LibreOffice
 * recalculates each workbook for real (tests/lo_recalc.py blanks the cached
 * values first, then calculateAll), and every leaf, group, total, index and
 * band must equal cchc_score_compute's to the hundredth; a typed change must
 * move the points as the engine moves them. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/workbook.h"
#include "testutil.h"

#define MAX_CASES 64
#define MAX_ROWS 400

typedef struct {
	const cchc_score *score;
	char path[512];
	/* what LibreOffice computed, by row: first column, max column, points column */
	char *a[MAX_ROWS], *c[MAX_ROWS], *p[MAX_ROWS];
	int seen;
} wb_case;

static wb_case cases[MAX_CASES];
static size_t ncases;
static test_hue hue;
static cchc_criteria *kinds, *minimal, *tiny;
static cchc_assessment *extra[16];
static cchc_score *extra_scores[16];
static size_t nextra;

static void add_case(const cchc_score *s, const char *name, int blank)
{
	CU_ASSERT_FATAL(ncases < MAX_CASES);
	wb_case *c = &cases[ncases++];
	c->score = s;
	snprintf(c->path, sizeof c->path, "%s/tpl-%s.xlsx", CCHC_TEST_TMP, name);
	cchc_template_options opt = {0};
	opt.agency_id = cchc_assessment_agency_id(s->assessment);
	opt.agency_name = cchc_assessment_agency_name(s->assessment);
	opt.from = blank ? NULL : s->assessment;
	cchc_diag *diag = cchc_diag_new();
	int rc = cchc_template_write(c->path, s->set, &opt, diag);
	if (rc != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	CU_ASSERT_EQUAL(rc, 0);
	cchc_diag_free(diag);
}

static const cchc_score *score_file(const cchc_criteria *set, const char *rel)
{
	cchc_diag *diag = cchc_diag_new();
	const cchc_criteria *sets[1] = {set};
	cchc_assessment *a = NULL;
	cchc_score *s = NULL;
	if (cchc_assessment_load(&a, sets, 1, test_path(rel), diag) != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	CU_ASSERT_FATAL(a != NULL);
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	extra[nextra] = a;
	extra_scores[nextra++] = s;
	return s;
}

static const cchc_score *score_xml(const cchc_criteria *set, const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_assessment *a = test_assessment(set, xml, &diag);
	if (!a)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	CU_ASSERT_FATAL(a != NULL);
	cchc_score *s = NULL;
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	extra[nextra] = a;
	extra_scores[nextra++] = s;
	return s;
}

static cchc_criteria *load_set(const char *rel)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	if (cchc_criteria_load(&set, test_path(rel), diag) != 0)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	return set;
}

/* One LibreOffice for every workbook; "--set NAME@ROW:COL=VALUE" types into one. */
static void recalc(const char *sets)
{
	static char cmd[65536];
	size_t n = (size_t)snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s",
	                            test_path("tests/lo_recalc.py"), sets);
	for (size_t i = 0; i < ncases; i++)
		n += (size_t)snprintf(cmd + n, sizeof cmd - n, " %s", cases[i].path);
	CU_ASSERT_FATAL(n < sizeof cmd);
	FILE *f = popen(cmd, "r");
	CU_ASSERT_FATAL(f != NULL);
	char line[4096];
	wb_case *cur = NULL;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "== ", 3) == 0) {
			cur = NULL;
			for (size_t i = 0; i < ncases; i++)
				if (strcmp(cases[i].path, line + 3) == 0)
					cur = &cases[i];
			if (cur)
				cur->seen = 1;
			continue;
		}
		char *fields[4] = {0};
		char *s = line;
		for (int k = 0; k < 4 && s; k++) {
			fields[k] = s;
			s = strchr(s, '\t');
			if (s)
				*s++ = '\0';
		}
		long row = strtol(fields[0], NULL, 10);
		if (!cur || row <= 0 || row >= MAX_ROWS || !fields[3])
			continue;
		cur->a[row] = strdup(fields[1]);
		cur->c[row] = strdup(fields[2]);
		cur->p[row] = strdup(fields[3]);
	}
	CU_ASSERT_EQUAL(pclose(f), 0);
}

static long long hundredths(const char *s)
{
	if (!s || !*s)
		return -999999999;
	return llround(strtod(s, NULL) * 100);
}

static void check_case(const wb_case *c)
{
	const cchc_score *s = c->score;
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nn);
	if (!c->seen)
		fprintf(stderr, "\n    LibreOffice did not report %s\n", c->path);
	CU_ASSERT_FATAL(c->seen);
	int bad = 0;
	for (size_t i = 0; i < nn; i++) {
		size_t row = 5 + i;
		const cchc_node_score *ns = cchc_score_node(s, nodes[i]);
		CU_ASSERT_FATAL(row < MAX_ROWS);
		if (!c->a[row] || strcmp(c->a[row], nodes[i]->id) != 0 ||
		    hundredths(c->p[row]) != ns->points) {
			if (bad++ < 5)
				fprintf(stderr, "\n    %s: %s: LibreOffice %s, engine %.2f", c->path,
				        nodes[i]->id, c->p[row] ? c->p[row] : "(none)",
				        (double)ns->points / 100);
		}
	}
	CU_ASSERT_EQUAL(bad, 0);
	size_t first = 5 + nn + 1;
	const long long want[] = {s->frame, s->bonus, s->penalty, s->self_check, s->total, s->max,
	                          s->index};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		long long got = hundredths(c->c[first + k]);
		if (got != want[k])
			fprintf(stderr, "\n    %s: summary row %zu: LibreOffice %s, engine %lld", c->path, k,
			        c->c[first + k] ? c->c[first + k] : "(none)", want[k]);
		CU_ASSERT_EQUAL(got, want[k]);
	}
	ASSERT_STR(c->c[first + 7] ? c->c[first + 7] : "", s->band ? s->band->label : "");
	ASSERT_EQ(hundredths(c->c[first + 8]), s->self_total);
	/* the total under the title */
	ASSERT_EQ(hundredths(c->c[2]), s->total);
}

static void test_formulas_agree(void)
{
	CU_ASSERT_FATAL(test_hue_load(&hue) == 0);
	kinds = load_set("tests/data/workbook/kinds.xml");
	minimal = load_set("tests/data/rules/minimal.xml");
	tiny = load_set("tests/data/rank/tiny-2018.xml");
	CU_ASSERT_FATAL(kinds && minimal && tiny);
	for (size_t i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++)
		add_case(hue.scores[i], cchc_assessment_agency_id(hue.assessments[i]), 0);
	add_case(score_file(kinds, "tests/data/workbook/full.xml"), "kinds-full", 0);
	add_case(score_file(kinds, "tests/data/workbook/partial.xml"), "kinds-partial", 0);
	add_case(score_file(minimal, "tests/data/rules/minimal-assessment.xml"), "minimal", 0);
	static const char *const tiny_ids[] = {"bqlkcn", "snv", "stnmt", "sxd", "syt"};
	for (size_t i = 0; i < 5; i++) {
		char rel[128], name[64];
		snprintf(rel, sizeof rel, "tests/data/rank/tiny/%s.xml", tiny_ids[i]);
		snprintf(name, sizeof name, "tiny-%s", tiny_ids[i]);
		add_case(score_file(tiny, rel), name, 0);
	}
	/* a blank workbook scores what an empty assessment scores */
	add_case(score_xml(kinds, "<assessment xmlns=\"urn:cchc:assessment:1\" "
	                          "criteria-set=\"kinds-2019\" year=\"2019\"><agency id=\"blank\" "
	                          "name=\"blank\"/></assessment>"),
	         "kinds-blank", 1);
	/* typed by a person: skhdt's 1.3.3 (per-item, row 5 + its index, the count column H) from 4
	 * to 1, against the engine on the same change */
	char *xml = test_read_file(test_path("samples/hue-2018/so/skhdt.xml"), NULL);
	CU_ASSERT_FATAL(xml != NULL);
	char *at = strstr(xml, "criterion=\"1.3.3\" count=\"4\"");
	CU_ASSERT_FATAL(at != NULL);
	at[strlen("criterion=\"1.3.3\" count=\"")] = '1';
	const cchc_score *typed = score_xml(hue.sets[0], xml);
	free(xml);
	const cchc_node *leaf = cchc_criteria_find(hue.sets[0], "1.3.3");
	CU_ASSERT_FATAL(leaf != NULL);
	ASSERT_EQ(cchc_score_node(typed, leaf)->points, 25);
	size_t k = 0;
	while (k < TEST_HUE_SO && strcmp(test_hue_so_ids[k], "skhdt") != 0)
		k++;
	CU_ASSERT_FATAL(k < TEST_HUE_SO);
	add_case(hue.scores[k], "typed-skhdt", 0); /* written from skhdt, then typed into */
	cases[ncases - 1].score = typed;
	char sets[128];
	snprintf(sets, sizeof sets, "--set tpl-typed-skhdt.xlsx@%zu:8=1", 5 + leaf->index);
	recalc(sets);
	for (size_t i = 0; i < ncases; i++)
		check_case(&cases[i]);
}

static void test_blank_and_errors(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_template_options opt = {0};
	opt.agency_id = "x";
	/* a folder that does not exist: nothing written, the path named */
	int rc = cchc_template_write(CCHC_TEST_TMP "/no/such/dir/x.xlsx", hue.sets[0], &opt, diag);
	ASSERT_EQ(rc, -1);
	ASSERT_DIAG(diag, 0, "cannot write the workbook");
	cchc_diag_free(diag);
	/* answers of another set are refused */
	diag = cchc_diag_new();
	opt.from = hue.assessments[TEST_HUE_SO];
	rc = cchc_template_write(CCHC_TEST_TMP "/tpl-mismatch.xlsx", hue.sets[0], &opt, diag);
	ASSERT_EQ(rc, -1);
	ASSERT_DIAG(diag, 0, "the answers are for criteria set \"hue-huyen-2018\", the workbook for "
	                     "\"hue-so-2018\"");
	cchc_diag_free(diag);
	FILE *f = fopen(CCHC_TEST_TMP "/tpl-mismatch.xlsx", "rb");
	CU_ASSERT_PTR_NULL(f);
	if (f)
		fclose(f);
}

static void cleanup(void)
{
	for (size_t i = 0; i < ncases; i++)
		for (size_t r = 0; r < MAX_ROWS; r++) {
			free(cases[i].a[r]);
			free(cases[i].c[r]);
			free(cases[i].p[r]);
		}
	for (size_t i = 0; i < nextra; i++) {
		cchc_score_free(extra_scores[i]);
		cchc_assessment_free(extra[i]);
	}
	cchc_criteria_free(kinds);
	cchc_criteria_free(minimal);
	cchc_criteria_free(tiny);
	test_hue_free(&hue);
}

static void test_cleanup(void)
{
	cleanup();
	CU_PASS("freed");
}

int main(void)
{
	static const test_case tests[] = {
		{"LibreOffice recalculates every workbook to the engine's points", test_formulas_agree},
		{"unwritable path and answers of another set", test_blank_and_errors},
		{"cleanup", test_cleanup},
		{NULL, NULL},
	};
	return test_run_suite("template", tests);
}
