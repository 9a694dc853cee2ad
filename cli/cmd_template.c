/* cchc template: one agency's self-assessment workbook with live points. */
#include <string.h>

#include "cchc/workbook.h"
#include "cli.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc template CRITERIA.xml --agency ID [--name \"…\"] [--from FILE.xml|FILE.xlsx]\n"
	"                     [--map FILE] [--lang vi|en] -o FILE.xlsx\n"
	"       cchc template --plan PLAN.xml [--lang vi|en] -o FILE.xlsx\n"
	"       cchc template --criteria SET.xml [--lang vi|en] -o FILE.xlsx\n"
	"\n"
	"Write the self-assessment workbook an agency fills in: a guide, one row per\n"
	"group, criterion and sub-criterion with typed, validated inputs, and live\n"
	"points (each criterion, group, the total, index and band are formulas of the\n"
	"same rules cchc scores with), a survey sheet, inputs unlocked and the rest\n"
	"protected (no password). cchc reads the filled workbook back wherever it\n"
	"reads assessments, and `cchc import` turns it into assessment XML.\n"
	"\n"
	"  --agency ID         the agency's id (as in its assessments)\n"
	"  --name \"…\"          its name (default: the --from file's, else the id)\n"
	"  --from FILE         pre-fill the answers of an assessment of this criteria\n"
	"                      set (XML or a partly filled workbook), or last year's\n"
	"                      assessment XML of another set: its items carried over\n"
	"  --map FILE          last year's criterion ids → this year's, one \"OLD NEW\"\n"
	"                      per line (as gap --map); the rest keep their id\n"
	"  --plan PLAN.xml     instead: the plan's progress workbook, one row per task\n"
	"                      (area, task, owner, support, deadline, target) with\n"
	"                      cells for done, the day, a note and target met; read\n"
	"                      back by `cchc plan status` and `cchc import`\n"
	"  --criteria SET.xml  instead: the criteria set as a table to draft next\n"
	"                      year's set in (its fields, bands, and one row per group,\n"
	"                      criterion, tier, grade and option with every rule\n"
	"                      parameter in a column); `cchc import` reads it back\n"
	"  --lang vi|en        language of the workbook (default vi)\n"
	"  -o, --output FILE   the .xlsx to write (atomically)\n"
	"\n"
	"Exit status: 0 written, 1 invalid input, 2 usage error.\n");

/* --plan and --criteria: a workbook of the one file; the assessment's options do not apply. */
static int plan_template(const char *plan, const char *criteria, const cchc_template_options *opt,
                         const char *from, const cli_output *out,
                         int (*write)(const char *, const char *, int, cchc_diag *))
{
	if (write == cchc_criteria_template_write && (criteria || opt->agency_id || opt->agency_name || from))
		return cli_usage_error("template", _("--criteria takes the criteria set alone: leave out --plan, "
		                                     "--agency, --name, --from and --map"));
	if (criteria || opt->agency_id || opt->agency_name || from)
		return cli_usage_error("template", _("--plan takes the plan alone: leave out the criteria file, "
		                                     "--agency, --name, --from and --map"));
	if (!out->output)
		return cli_usage_error("template", _("give the workbook to write: -o FILE.xlsx"));
	if (strcmp(out->format, "xlsx") != 0)
		return cli_usage_error("template", _("the template is a workbook: leave --format out"));
	if (cli_output_check("template", out->output, (char *const *)&plan, 1) != 0)
		return CLI_USAGE;
	cchc_diag *diag = cchc_diag_new();
	int rc = diag && write(out->output, plan, out->lang == CCHC_LANG_EN, diag) == 0
	                 ? CLI_OK
	                 : CLI_INVALID;
	if (!diag)
		fprintf(stderr, _("cchc: error: out of memory\n"));
	cli_print_diag(diag);
	cchc_diag_free(diag);
	return rc;
}

int cmd_template(int argc, char **argv)
{
	cli_output out = {"xlsx", CCHC_LANG_VI, NULL};
	cchc_template_options opt = {0};
	const char *criteria = NULL, *from = NULL, *map = NULL, *plan = NULL, *set_book = NULL;

	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		int rc;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return CLI_OK;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--agency", &v)) != 0) {
			if (rc < 0) /* reported */
				return CLI_USAGE;
			if (!*v)
				return cli_usage_error("template", _("--agency needs the agency's id"));
			opt.agency_id = v;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--name", &v)) != 0) {
			if (rc < 0)
				return CLI_USAGE;
			opt.agency_name = v;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--from", &v)) != 0) {
			if (rc < 0)
				return CLI_USAGE;
			from = v;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--plan", &v)) != 0) {
			if (rc < 0)
				return CLI_USAGE;
			plan = v;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--criteria", &v)) != 0) {
			if (rc < 0)
				return CLI_USAGE;
			set_book = v;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--map", &v)) != 0) {
			if (rc < 0)
				return cli_usage_error("template", _("--map needs a file of \"OLD NEW\" id pairs"));
			map = v;
			continue;
		}
		rc = cli_output_option(argc, argv, &i, &out);
		if (rc < 0)
			return CLI_USAGE;
		if (rc > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("template", _("unknown option %s"), argv[i]);
		if (criteria)
			return cli_usage_error("template", _("give one criteria file"));
		criteria = argv[i];
	}
	if (set_book)
		return plan_template(set_book, plan ? plan : criteria, &opt, from ? from : map, &out,
		                     cchc_criteria_template_write);
	if (plan)
		return plan_template(plan, criteria, &opt, from ? from : map, &out, cchc_plan_template_write);
	if (!criteria)
		return cli_usage_error("template", _("give the criteria file, e.g. criteria/hue-so-2018.xml"));
	if (!opt.agency_id)
		return cli_usage_error("template", _("give the agency: --agency ID"));
	if (!out.output)
		return cli_usage_error("template", _("give the workbook to write: -o FILE.xlsx"));
	if (map && !from)
		return cli_usage_error("template", _("--map goes with --from"));
	const char *inputs[] = {criteria, from, map};
	if (cli_output_check("template", out.output, (char *const *)inputs, from ? (map ? 3 : 2) : 1) != 0)
		return CLI_USAGE;
	if (strcmp(out.format, "xlsx") != 0)
		return cli_usage_error("template", _("the template is a workbook: leave --format out"));
	opt.english = out.lang == CCHC_LANG_EN;

	int status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	cchc_assessment *a = NULL;
	if (!diag)
		goto done;
	if (cchc_criteria_load(&set, criteria, diag) < 0)
		goto done;
	if (from) {
		size_t dropped = 0;
		if (cchc_template_from(&a, set, from, map, &dropped, opt.english, diag) < 0)
			goto done;
		if (dropped)
			fprintf(stderr, opt.english ? "%s: note: %zu of last year's answers were not carried: their "
			                              "criterion is gone or scores other evidence now\n"
			                            : "%s: lưu ý: %zu câu trả lời năm trước không được chuyển sang: tiêu "
			                              "chí không còn hoặc nay chấm theo số liệu khác\n",
			        from, dropped);
		opt.from = a;
		if (!opt.agency_name)
			opt.agency_name = cchc_assessment_agency_name(a);
		opt.block = cchc_assessment_agency_block(a);
	}
	if (cchc_template_write(out.output, set, &opt, diag) == 0)
		status = CLI_OK;
done:
	cli_print_diag(diag);
	cchc_assessment_free(a);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return status;
}
