/* The cchc tool's usage errors and refusals, message by message: an option
 * without its value, an empty folder, a Monte Carlo run too long to start,
 * the limits of --draws, help text as printed. Exit 2 for usage, 1 for input. */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

static char out_text[1 << 20], err_text[1 << 16];

static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/cli-usage", out_text, sizeof out_text,
	                    err_text, sizeof err_text);
}

#define SET "criteria/hue-so-2018.xml"
#define SO "samples/hue-2018/so"
#define EMPTY CCHC_TEST_TMP "/empty-folder"

/* args exits with status and prints exactly err on stderr, nothing on stdout */
static void expect(const char *args, int status, const char *err)
{
	int rc = run(args);
	if (rc != status || strcmp(err_text, err) != 0)
		fprintf(stderr, "\n    cchc %s\n    exit %d, stderr:\n%s", args, rc, err_text);
	CU_ASSERT_EQUAL(rc, status);
	CU_ASSERT_STRING_EQUAL(err_text, err);
	CU_ASSERT_STRING_EQUAL(out_text, "");
}

#define TRY(cmd) "\nTry 'cchc " cmd " --help'.\n"

static void test_missing_values(void)
{
	static const struct {
		const char *args, *err;
	} cases[] = {
		{"rank " SET " " SO " --agency",
		 "cchc rank: --agency needs the agency's id (its <agency id=\"…\">), e.g. --agency "
		 "skhdt" TRY("rank")},
		/* the next option is not taken for the value */
		{"rank " SET " " SO " --agency --format json",
		 "cchc rank: --agency needs the agency's id (its <agency id=\"…\">), e.g. --agency "
		 "skhdt" TRY("rank")},
		{"rank " SET " " SO " --block",
		 "cchc rank: --block needs a block (a criteria set's block=\"…\", else its id), e.g. "
		 "--block so-nganh" TRY("rank")},
		{"gap " SET " " SO " --agency skhdt --target-rank",
		 "cchc gap: --target-rank needs a rank, e.g. --target-rank 10" TRY("gap")},
		{"gap " SET " " SO " --agency skhdt --emit-plan",
		 "cchc gap: --emit-plan needs the plan file to write, e.g. --emit-plan plan-2019.xml"
		 TRY("gap")},
		{"gap " SET " " SO " --agency skhdt --map",
		 "cchc gap: --map needs the file of last year's ids against this year's, e.g. --map "
		 "map.txt" TRY("gap")},
		{"gap " SET " " SO " --agency skhdt --previous",
		 "cchc gap: --previous needs last year's criteria set and assessments (files or "
		 "folders) up to the next option: --previous PREV_CRITERIA.xml PREV_ASSESSMENTS..."
		 TRY("gap")},
		{"gap " SET " " SO " --previous --agency skhdt",
		 "cchc gap: --previous needs last year's criteria set and assessments (files or "
		 "folders) up to the next option: --previous PREV_CRITERIA.xml PREV_ASSESSMENTS..."
		 TRY("gap")},
		{"robust " SET " " SO " --draws",
		 "cchc robust: --draws needs a number of draws, e.g. --draws 1000" TRY("robust")},
		{"robust " SET " " SO " --seed",
		 "cchc robust: --seed needs a whole number, e.g. --seed 1" TRY("robust")},
		{"robust " SET " " SO " --threads",
		 "cchc robust: --threads needs a number of threads, e.g. --threads 2" TRY("robust")},
		{"robust " SET " " SO " --weights",
		 "cchc robust: --weights needs a percentage, e.g. --weights 10" TRY("robust")},
		{"robust " SET " " SO " --previous",
		 "cchc robust: --previous needs last year's criteria set and assessments (files or "
		 "folders) up to the next option: --previous PREV_CRITERIA.xml PREV_ASSESSMENTS..."
		 TRY("robust")},
		{"report " SET " " SO " -o " CCHC_TEST_TMP "/usage-bundle --draws",
		 "cchc report: --draws needs a number of draws, e.g. --draws 1000" TRY("report")},
		{"report " SET " " SO " -o", "cchc report: -o needs the folder to write, e.g. -o out/"
		 TRY("report")},
		{"score " SET " samples/hue-2018/so/skhdt.xml --lang",
		 "cchc score: --lang needs vi or en, e.g. --lang en" TRY("score")},
		{"score " SET " samples/hue-2018/so/skhdt.xml --output",
		 "cchc score: --output needs the file to write, e.g. --output out.txt" TRY("score")},
		{"plan status samples/plans/dongnai-sct-2024.xml --as-of",
		 "cchc plan: --as-of needs a date, e.g. --as-of 2024-06-30" TRY("plan")},
		{"report " SET " " SO " -o " CCHC_TEST_TMP "/usage-bundle --title",
		 "cchc report: --title needs the report's title, e.g. --title \"UBND tỉnh Thừa Thiên "
		 "Huế\"" TRY("report")},
		/* once, not twice: the command no longer adds its own */
		{"template " SET " --name", "cchc template: --name needs the agency's name, e.g. --name "
		 "\"Sở Tư pháp\"" TRY("template")},
		{"template " SET " --agency a --from",
		 "cchc template: --from needs an assessment file or workbook, e.g. --from skhdt.xml"
		 TRY("template")},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		expect(cases[i].args, 2, cases[i].err);
	/* a value that does begin with "--" is given with "=" */
	CU_ASSERT_EQUAL(run("rank " SET " " SO " --agency=--x"), 1);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc: error: --agency --x: no such agency among the "
	                                 "assessments\n");
}

static void test_empty_folder(void)
{
	CU_ASSERT_FATAL(mkdir(EMPTY, 0755) == 0 || errno == EEXIST);
	const char *msg = EMPTY ": error: nothing to read: no file to read in this folder (hidden "
	                  "files and folders are skipped); give the folder that holds the criteria "
	                  "sets, assessments or plans\n";
	/* the UBSan build aborted here on qsort(NULL, 0, …) */
	expect("rank " SET " " EMPTY, 1, msg);
	/* validate said nothing and exited 0 */
	expect("validate " EMPTY, 1, msg);
	expect("robust " SET " " EMPTY " --draws 10", 1, msg);
	rmdir(EMPTY);
}

static void test_draw_limits(void)
{
	/* estimated before the first draw: 21 agencies × 10⁸ draws at 1 µs each */
	expect("robust " SET " " SO " --draws 100000000 --threads 1", 2,
	       "cchc robust: 100000000 draws over 21 agencies would take about 35 min on 1 thread, "
	       "past the 10 min a run may take: give --draws 28000000 or fewer" TRY("robust"));
	/* with the two blocks: 30 agencies */
	expect("robust " SET " criteria/hue-huyen-2018.xml samples/hue-2018 --draws 30000000 "
	       "--threads 1", 2,
	       "cchc robust: 30000000 draws over 30 agencies would take about 15 min on 1 thread, "
	       "past the 10 min a run may take: give --draws 20000000 or fewer" TRY("robust"));
	expect("robust " SET " " SO " --draws 100000001", 2,
	       "cchc robust: --draws takes a count from 1 to 100000000" TRY("robust"));
	expect("report " SET " " SO " -o " CCHC_TEST_TMP "/usage-bundle --draws 100000001", 2,
	       "cchc report: --draws takes a count from 0 (none) to 100000000" TRY("report"));
	/* the report's rank intervals are held to the same bound, before anything is written */
	CU_ASSERT_EQUAL(run("report " SET " " SO " -o " CCHC_TEST_TMP "/usage-bundle "
	                    "--draws 100000000"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "cchc report: 100000000 draws over 21 agencies would "
	                                        "take about "));
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, ", past the 10 min a run may take: give --draws "));
	CU_ASSERT_EQUAL(access(CCHC_TEST_TMP "/usage-bundle", F_OK), -1);
}

static void test_help_text(void)
{
	/* usage texts are printed as they are, not through printf: no "%%" */
	static const char *const cmds[] = {"validate", "score", "rank", "gap",
	                                   "robust", "report", "plan"};
	char args[64];
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		snprintf(args, sizeof args, "%s --help", cmds[i]);
		CU_ASSERT_EQUAL(run(args), 0);
		CU_ASSERT_PTR_NULL(strstr(out_text, "%%"));
	}
	CU_ASSERT_EQUAL(run("robust --help"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "maxima perturbed within ±P % (renormalised): each "
	                                        "agency's median rank, 90 %\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "  --weights P    perturb group maxima within ±P % "
	                                        "(e.g. 10)\n"));
}

/* "1 agencies" was printed: a count of one takes the singular in English; a
 * Vietnamese count does not inflect ("1 cơ quan", "21 cơ quan"). */
static void test_one_agency(void)
{
	CU_ASSERT_EQUAL(run("rank " SET " " SO "/skhdt.xml --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "(hue-so-2018, 2018) \xE2\x80\x94 1 agency\n"));
	CU_ASSERT_EQUAL(run("rank " SET " " SO " --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "(hue-so-2018, 2018) \xE2\x80\x94 21 agencies\n"));
	CU_ASSERT_EQUAL(run("rank " SET " " SO "/skhdt.xml"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "(hue-so-2018, 2018) \xE2\x80\x94 1 cơ quan\n"));
	CU_ASSERT_EQUAL(run("robust " SET " " SO "/skhdt.xml " SO "/sxd.xml --draws 100 --lang en "
	                    "--previous " SET " " SO "/skhdt.xml"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "Against last year (1 agency): "));
	CU_ASSERT_EQUAL(run("robust " SET " " SO "/skhdt.xml " SO "/sxd.xml --draws 100 "
	                    "--previous " SET " " SO "/skhdt.xml"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "So với năm trước (1 cơ quan): "));
	CU_ASSERT_EQUAL(run("report " SET " " SO "/skhdt.xml --draws 0 --lang en -o " CCHC_TEST_TMP
	                    "/one-agency"), 0);
	char page[1 << 16];
	test_slurp(CCHC_TEST_TMP "/one-agency/index.html", page, sizeof page);
	CU_ASSERT_PTR_NOT_NULL(strstr(page, " \xC2\xB7 1 agency</p>"));
}

/* Past the CCHC_DIAG_MAX_ENTRIES shown, the rest are counted: "1 more error", "2 more errors" */
static void test_more_not_shown(void)
{
	const char *dir = CCHC_TEST_TMP "/many-errors";
	char path[512], *end;
	mkdir(dir, 0755);
	for (int i = 0; i <= CCHC_DIAG_MAX_ENTRIES + 1; i++) {
		snprintf(path, sizeof path, "%s/a%03d.xml", dir, i);
		FILE *f = fopen(path, "w");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		fputs("<x/>\n", f); /* no criteria set given to check it against: one error each */
		fclose(f);
		if (i < CCHC_DIAG_MAX_ENTRIES)
			continue;
		CU_ASSERT_EQUAL(run("validate " CCHC_TEST_TMP "/many-errors"), 1);
		end = strrchr(err_text, '\n');
		while (end && end > err_text && end[-1] != '\n')
			end--;
		CU_ASSERT_STRING_EQUAL(end, i == CCHC_DIAG_MAX_ENTRIES ? "cchc: 1 more error not shown\n"
		                                                        : "cchc: 2 more errors not shown\n");
	}
	for (int i = 0; i <= CCHC_DIAG_MAX_ENTRIES + 1; i++) {
		snprintf(path, sizeof path, "%s/a%03d.xml", dir, i);
		remove(path);
	}
	rmdir(dir);
}

int main(void)
{
	static const test_case tests[] = {
		{"an option without its value says what it needs", test_missing_values},
		{"an empty folder: nothing to read, exit 1", test_empty_folder},
		{"--draws: the limits and the time bound, stated", test_draw_limits},
		{"help texts print as written", test_help_text},
		{"one agency, not \"1 agencies\"", test_one_agency},
		{"past the errors shown: \"1 more error\", \"2 more errors\"", test_more_not_shown},
		{NULL, NULL},
	};
	return test_run_suite("cli_usage", tests);
}
