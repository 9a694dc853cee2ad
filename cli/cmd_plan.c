/* cchc plan status: an annual CCHC plan's tasks and completion rate on a date. */
#include <string.h>

#include "cchc/workbook.h"
#include "cli.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc plan status PLAN.xml|PLAN.xlsx [--as-of YYYY-MM-DD] [--format text|json]\n"
	"                        [--lang vi|en] [-o FILE]\n"
	"\n"
	"The status of an annual CCHC plan (urn:cchc:plan:1) on a date: each task done\n"
	"on time, done late, open (not yet due), overdue or cancelled, grouped by area,\n"
	"then the counts, the completion rate and the on-time rate. Cancelled tasks are\n"
	"left out of the rates. A task with no deadline is due by 31 December of the\n"
	"plan year; a task done after the --as-of date counts as not yet done.\n"
	"PLAN.xlsx: the plan's progress workbook (written by cchc template), filled in;\n"
	"its rows give each task's status.\n"
	"\n"
	"  --as-of YYYY-MM-DD  the date to judge on (default: 31 December of the plan\n"
	"                      year, never today, so the output is reproducible)\n"
	"  --format text|json  output format (default text); JSON is the documented\n"
	"                      cchc-plan-status/1 contract (criteria/README.md)\n"
	"  --lang vi|en        language of the text (default vi: \"85,00 %\")\n"
	"  -o, --output FILE   write to FILE atomically instead of standard output\n"
	"\n"
	"Exit status: 0 done, 1 invalid input, 2 usage error.\n");

typedef struct {
	cli_output out;
	const char *file;
	const char *as_of; /* NULL: the end of the plan year */
} plan_args;

/* Options after "plan status"; returns -1 done (help shown), else a CLI_ status. */
static int parse(int argc, char **argv, plan_args *a)
{
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return -1;
		}
		int rc = cli_output_option(argc, argv, &i, &a->out);
		if (rc < 0)
			return CLI_USAGE;
		if (rc > 0)
			continue;
		rc = cli_option_value(argc, argv, &i, "--as-of", &a->as_of);
		if (rc < 0)
			return CLI_USAGE;
		if (rc > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("plan", _("unknown option %s"), argv[i]);
		if (a->file)
			return cli_usage_error("plan", _("give one plan file"));
		a->file = argv[i];
	}
	if (!a->file)
		return cli_usage_error("plan", _("give a plan file: cchc plan status PLAN.xml"));
	if (strcmp(a->out.format, "json") != 0 && strcmp(a->out.format, "text") != 0)
		return cli_usage_error("plan", _("--format takes text or json"));
	if (cli_output_check("plan", a->out.output, (char *const *)&a->file, 1) != 0)
		return CLI_USAGE;
	return CLI_OK;
}

static int status(const plan_args *a, cchc_date as_of, int have_as_of)
{
	int rc = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cchc_plan *plan = NULL;
	cchc_plan_report *report = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	if (!diag || (cchc_workbook_sniff(a->file)
	                  ? cchc_plan_workbook_load(&plan, a->file, a->out.lang == CCHC_LANG_EN, diag)
	                  : cchc_plan_load(&plan, a->file, diag)) < 0)
		goto done;
	if (cchc_plan_status(plan, have_as_of ? as_of : cchc_plan_year_end(plan), &report) < 0) {
		fprintf(stderr, _("cchc: error: out of memory\n"));
		goto done;
	}
	int json = strcmp(a->out.format, "json") == 0;
	if ((json ? cchc_render_plan_status_json(&buf, report)
	          : cchc_render_plan_status_text(&buf, report, a->out.lang)) < 0) {
		fprintf(stderr, _("cchc: error: cannot render the result (out of memory)\n"));
		goto done;
	}
	rc = cli_emit(&buf, &a->out);
done:
	if (!diag)
		fprintf(stderr, _("cchc: error: out of memory\n"));
	cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_plan_report_free(report);
	cchc_plan_free(plan);
	cchc_diag_free(diag);
	return rc;
}

int cmd_plan(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(_(usage), stdout);
		return CLI_OK;
	}
	if (argc < 2)
		return cli_usage_error("plan", _("give a subcommand: cchc plan status PLAN.xml"));
	if (strcmp(argv[1], "status") != 0)
		return cli_usage_error("plan", _("unknown subcommand '%s': use status"),
		                       argv[1]);
	plan_args a = {{"text", CCHC_LANG_VI, NULL}, NULL, NULL};
	int rc = parse(argc, argv, &a);
	if (rc < 0)
		return CLI_OK;
	if (rc != CLI_OK)
		return rc;
	cchc_date as_of = 0;
	if (a.as_of && cchc_date_parse(a.as_of, &as_of) != CCHC_NUM_OK)
		return cli_usage_error("plan", _("--as-of %s: write a calendar date YYYY-MM-DD, like 2024-06-30"),
		                       a.as_of);
	return status(&a, as_of, a.as_of != NULL);
}
