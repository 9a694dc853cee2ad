/* cchc check: what the council would cut from a self-assessment, and where the
 * agency would stand among a field of others' results. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/workbook.h"
#include "cli.h"
#include "inputs.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc check CRITERIA.xml ASSESSMENT [--field FILES|FOLDER|BUNDLE...]\n"
	"                  [--survey last|mean|none] [--previous LAST [PREV_CRITERIA.xml]]\n"
	"                  [--submitted YYYY-MM-DD] [--draws N] [--seed S]\n"
	"                  [--format text|markdown|json] [--lang vi|en] [-o FILE]\n"
	"\n"
	"Check a self-assessment (XML or a filled .xlsx workbook) before it is\n"
	"submitted: each finding an appraiser would act on, with its criterion,\n"
	"severity (will lose points / may lose points / form), points at stake and\n"
	"what to do; the estimated points, index and band; and, with --field, the rank\n"
	"it would take among the others' results, the gaps above and below and a 90 %\n"
	"rank interval over the survey's sampling error. The agency's own result in the\n"
	"field, if any, is replaced by this assessment.\n"
	"\n"
	"  --field ...      others' results (files, folders or bundles, up to the next\n"
	"                   option): last year's final results, or this year's so far\n"
	"  --survey S       the survey part assumed: last (the agency's own survey points\n"
	"                   last year, from --previous or the field), mean (the field's\n"
	"                   mean), none (left out for everyone; the index and every gap\n"
	"                   on the rescaled scale). Default: last when last year's result\n"
	"                   is given, else none\n"
	"  --previous ...   last year's assessment of the agency (and its criteria set\n"
	"                   when not CRITERIA): evidence carried over unchanged on a\n"
	"                   date rule is a finding\n"
	"  --submitted D    the submission date: documents dated after it are findings\n"
	"                   (not given: that check is skipped, and the report says so)\n"
	"  --draws N        draws for the rank interval (default 1000; 0: none)\n"
	"  --seed S         seed of the draws (default 1)\n"
	"  --format F       text (default), markdown or json (cchc-check/1)\n"
	"  --lang vi|en     language (default vi)\n"
	"  -o, --output F   write to F atomically instead of standard output\n"
	"\n"
	"Exit status: 0 checked (findings or not), 1 invalid input, 2 usage error.\n");

typedef struct {
	char **field, **prev;
	size_t nfield, nprev;
	const char *files[2];
	int nfiles;
	cchc_check_options opt;
} check_args;

static int parse_args(int argc, char **argv, check_args *c, cli_output *out)
{
	const char *survey = NULL, *submitted = NULL, *draws = NULL, *seed = NULL;
	int list = 0, saw_field = 0, saw_prev = 0; /* list: 1 field, 2 previous */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return 1;
		}
		if (strcmp(argv[i], "--field") == 0 || strcmp(argv[i], "--previous") == 0) {
			list = argv[i][2] == 'f' ? 1 : 2;
			saw_field |= list == 1;
			saw_prev |= list == 2;
			continue;
		}
		int rc = cli_output_option(argc, argv, &i, out);
		const char *names[] = {"--survey", "--submitted", "--draws", "--seed"};
		const char **slots[] = {&survey, &submitted, &draws, &seed};
		for (size_t k = 0; k < 4 && rc == 0; k++)
			rc = cli_option_value(argc, argv, &i, names[k], slots[k]);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			list = 0;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("check", _("unknown option %s"), argv[i]), -1;
		if (list == 1)
			c->field[c->nfield++] = argv[i];
		else if (list == 2)
			c->prev[c->nprev++] = argv[i];
		else if (c->nfiles == 2)
			return cli_usage_error("check", _("give one criteria file and one assessment; the "
			                                  "field follows --field")), -1;
		else
			c->files[c->nfiles++] = argv[i];
	}
	if (c->nfiles != 2)
		return cli_usage_error("check", _("give a criteria file and the assessment to check")), -1;
	if (saw_field && c->nfield == 0)
		return cli_usage_error("check", _("--field needs the others' results (files, folders or "
		                                  "bundles) up to the next option")), -1;
	if (saw_prev && c->nprev == 0)
		return cli_usage_error("check", _("--previous needs last year's assessment of the agency "
		                                  "(and its criteria set if not the one given)")), -1;
	c->opt.survey_default = !survey;
	if (!survey || strcmp(survey, "last") == 0)
		c->opt.survey = CCHC_SURVEY_LAST;
	else if (strcmp(survey, "mean") == 0)
		c->opt.survey = CCHC_SURVEY_MEAN;
	else if (strcmp(survey, "none") == 0)
		c->opt.survey = CCHC_SURVEY_NONE;
	else
		return cli_usage_error("check", _("--survey takes last, mean or none")), -1;
	if (submitted && cchc_date_parse(submitted, &c->opt.submitted) != CCHC_NUM_OK)
		return cli_usage_error("check", _("--submitted takes a date YYYY-MM-DD, e.g. 2019-01-15")), -1;
	unsigned long long v;
	if (draws && cli_parse_count(draws, 100000000ull, &v) < 0)
		return cli_usage_error("check", _("--draws takes a count from 0 to 100000000")), -1;
	c->opt.draws = draws ? (size_t)v : 1000;
	if (seed && cli_parse_count(seed, 9007199254740991ull, &v) < 0)
		return cli_usage_error("check", _("--seed takes a whole number below 2^53")), -1;
	c->opt.seed = seed ? (uint64_t)v : 1;
	if (strcmp(out->format, "text") != 0 && strcmp(out->format, "markdown") != 0 &&
	    strcmp(out->format, "json") != 0)
		return cli_usage_error("check", _("--format takes text, markdown or json")), -1;
	const char *option = "-o";
	cli_path_list ins[] = {{(char *const *)c->files, 2}, {c->field, c->nfield}, {c->prev, c->nprev}};
	if (cli_outputs_check("check", &out->output, &option, 1, ins, 3) != 0)
		return -1;
	return 0;
}

/* Last year's assessment: given with its criteria set, or read against CRITERIA. */
static int load_previous(cli_inputs *pin, const check_args *c, const char *agency, cchc_diag *diag)
{
	int has_set = 0;
	for (size_t i = 0; i < c->nprev; i++)
		has_set |= cchc_file_sniff(c->prev[i]) == CCHC_FILE_CRITERIA;
	char **args = calloc(c->nprev + 1, sizeof *args);
	if (!args)
		return -1;
	size_t n = 0;
	if (!has_set)
		args[n++] = (char *)c->files[0];
	for (size_t i = 0; i < c->nprev; i++)
		args[n++] = c->prev[i];
	int rc = cli_inputs_load(pin, args, n, diag);
	free(args);
	if (rc < 0)
		return -1;
	if (pin->nassessments != 1) {
		cchc_diag_addf(diag, NULL, 0, _("--previous: give one assessment (last year's of %s), "
		                                "not %zu"), agency, pin->nassessments);
		return -1;
	}
	const char *id = cchc_assessment_agency_id(pin->assessments[0]);
	if (strcmp(id, agency) != 0) {
		cchc_diag_addf(diag, cchc_assessment_file(pin->assessments[0]), 0,
		               _("--previous: this is agency \"%s\"'s assessment, not \"%s\"'s: give the "
		                 "checked agency's assessment of last year"), id, agency);
		return -1;
	}
	return 0;
}

static int render(cchc_buf *buf, const cchc_check *c, const cli_output *out)
{
	if (strcmp(out->format, "json") == 0)
		return cchc_render_check_json(buf, c);
	return cchc_render_check_text(buf, c, strcmp(out->format, "markdown") == 0, out->lang);
}

int cmd_check(int argc, char **argv)
{
	cli_output out = {"text", CCHC_LANG_VI, NULL};
	check_args c = {0};
	c.field = calloc((size_t)argc, sizeof *c.field);
	c.prev = calloc((size_t)argc, sizeof *c.prev);
	int status = CLI_USAGE;
	if (!c.field || !c.prev) {
		status = CLI_INVALID;
		goto usage_done;
	}
	int rc = parse_args(argc, argv, &c, &out);
	if (rc != 0) {
		status = rc > 0 ? CLI_OK : CLI_USAGE;
		goto usage_done;
	}

	status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cli_inputs fin = {0}, pin = {0};
	cchc_criteria *own = NULL;
	cchc_assessment *a = NULL;
	cchc_score **fscores = NULL;
	cchc_ranking *field = NULL;
	cchc_check *check = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	if (!diag)
		goto done;
	/* The field is read with CRITERIA among its sets, so that the assessment and
	 * the field are scored on one and the same set. */
	const cchc_criteria *const *sets;
	size_t nsets;
	if (c.nfield) {
		char **args = calloc(c.nfield + 1, sizeof *args);
		if (!args)
			goto done;
		args[0] = (char *)c.files[0];
		memcpy(args + 1, c.field, c.nfield * sizeof *args);
		rc = cli_inputs_load(&fin, args, c.nfield + 1, diag);
		free(args);
		if (rc < 0 || cli_score_and_rank(&fin, &fscores, &field, diag) < 0)
			goto done;
		sets = (const cchc_criteria *const *)fin.sets;
		nsets = fin.nsets;
	} else {
		if (cchc_criteria_load(&own, c.files[0], diag) < 0)
			goto done;
		sets = (const cchc_criteria *const *)&own;
		nsets = 1;
	}
	if (cli_assessment_load(&a, c.files[1], sets, nsets, out.lang == CCHC_LANG_EN, diag) < 0)
		goto done;
	if (c.nprev && load_previous(&pin, &c, cchc_assessment_agency_id(a), diag) < 0)
		goto done;
	if (field && c.opt.draws &&
	    cli_robust_budget("check", fin.nassessments + 1, c.opt.draws, 0) != 0) {
		status = CLI_USAGE;
		goto done;
	}
	if (cchc_check_build(&check, a, c.nprev ? pin.assessments[0] : NULL, field, &c.opt, diag) < 0)
		goto done;
	/* A workbook's findings carry the lines of the XML it was read as, which its
	 * user never sees: they name the criterion (the Mã of its row) alone. */
	if (cchc_workbook_sniff(c.files[1]))
		for (size_t k = 0; k < check->nfindings; k++)
			check->findings[k].line = 0;
	if (render(&buf, check, &out) < 0) {
		cli_render_failed("cchc", _("the check"), &buf, NULL);
		goto done;
	}
	status = cli_emit(&buf, &out);
done:
	if (diag)
		cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_check_free(check);
	cchc_ranking_free(field);
	cli_scores_free(fscores, fin.nassessments);
	cchc_assessment_free(a);
	cli_inputs_free(&fin);
	cli_inputs_free(&pin);
	cchc_criteria_free(own);
	cchc_diag_free(diag);
usage_done:
	free(c.field);
	free(c.prev);
	return status;
}
