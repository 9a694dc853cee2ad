/* cchc score: one agency's points, causes and reasons. */
#include <string.h>

#include "cli.h"
#include "inputs.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc score CRITERIA.xml ASSESSMENT.xml [--format text|json] [--lang vi|en]\n"
	"                  [-o FILE] [--strict]\n"
	"\n"
	"Score one agency's assessment: each group's points/max, each criterion's\n"
	"points with the cause and reason of any lost points, the total, index, band\n"
	"and the self-assessed total.\n"
	"\n"
	"  --format text|json  output format (default text); JSON is the documented\n"
	"                      cchc-score/1 contract (reports/README.md)\n"
	"  --lang vi|en        language of labels and reasons (default vi: \"8,25/13\")\n"
	"  -o, --output FILE   write to FILE atomically instead of standard output\n"
	"  --strict            a published figure (<published>) that differs from the\n"
	"                      computed one fails the run instead of only warning\n"
	"\n"
	"Each published figure that differs from the computed one is a warning on\n"
	"standard error, FILE:LINE: warning: message.\n"
	"\n"
	"Exit status: 0 scored, 1 invalid input (or a warning with --strict),\n"
	"2 usage error.\n");

int cmd_score(int argc, char **argv)
{
	cli_output out = {"text", CCHC_LANG_VI, NULL};
	const char *files[2];
	int nfiles = 0, strict = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return CLI_OK;
		}
		int rc = cli_output_option(argc, argv, &i, &out);
		if (rc < 0)
			return CLI_USAGE;
		if (rc > 0)
			continue;
		if (strcmp(argv[i], "--strict") == 0) {
			strict = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("score", _("unknown option %s"), argv[i]);
		if (nfiles == 2)
			return cli_usage_error("score", _("give one criteria file and one assessment"));
		files[nfiles++] = argv[i];
	}
	if (nfiles != 2)
		return cli_usage_error("score", _("give a criteria file and an assessment file"));
	int json = strcmp(out.format, "json") == 0;
	if (!json && strcmp(out.format, "text") != 0)
		return cli_usage_error("score", _("--format takes text or json"));
	if (cli_output_check("score", out.output, (char *const *)files, 2) != 0)
		return CLI_USAGE;

	int status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	cchc_assessment *a = NULL;
	cchc_score *score = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	if (!diag)
		goto done;
	if (cchc_criteria_load(&set, files[0], diag) < 0)
		goto done;
	const cchc_criteria *sets[1] = {set};
	if (cli_assessment_load(&a, files[1], sets, 1, out.lang == CCHC_LANG_EN, diag) < 0)
		goto done;
	if (cchc_score_compute(&score, a) < 0) {
		fprintf(stderr, _("cchc: error: out of memory\n"));
		goto done;
	}
	if (cli_warn_published(diag, score, NULL, out.lang) < 0 ||
	    (strict && cchc_diag_warnings(diag) > 0))
		goto done;
	int rc = json ? cchc_render_score_json(&buf, score, out.lang)
	              : cchc_render_score_text(&buf, score, out.lang);
	if (rc < 0) {
		fprintf(stderr, _("cchc: error: cannot render the result (out of memory)\n"));
		goto done;
	}
	status = cli_emit(&buf, &out);
done:
	cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_score_free(score);
	cchc_assessment_free(a);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return status;
}
