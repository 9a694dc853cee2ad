/* cchc validate: schema and semantic checks of criteria sets, assessments and plans. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/workbook.h"
#include "cli.h"
#include "inputs.h"

static const char *const usage = N_(
	"Usage: cchc validate FILES... [--lang vi|en] [--strict]\n"
	"\n"
	"Check criteria sets (schema, unique ids, sums, rules, bands), assessments\n"
	"against the sets given (criterion ids, evidence per rule kind, ranges,\n"
	"appraisal rounds, surveys) and annual plans. An assessment file may be a\n"
	"bundle (<assessments>) of many agencies. FILES may be folders: their\n"
	"*.xml files are checked. Each valid file gets one line on standard output;\n"
	"every problem is printed as FILE:LINE: error: message.\n"
	"\n"
	"An assessment's published figures (<published>) are set against the computed\n"
	"total, band and group points (the rank needs the whole block: cchc rank);\n"
	"each difference is a warning, FILE:LINE: warning: message.\n"
	"\n"
	"  --lang vi|en        language of the warnings (default vi: \"8,25\")\n"
	"  --strict            a warning fails the run too\n"
	"\n"
	"Exit status: 0 all valid, 1 some file is invalid (or a warning with --strict),\n"
	"2 usage error.\n");

static void report_set(const char *path, const cchc_criteria *set)
{
	size_t nnodes, nleaves = cchc_criteria_leaf_count(set);
	char nodes[64], leaves[64];
	cchc_criteria_nodes(set, &nnodes);
	snprintf(nodes, sizeof nodes, ngettext("%zu node", "%zu nodes", nnodes), nnodes);
	snprintf(leaves, sizeof leaves, ngettext("%zu scored leaf", "%zu scored leaves", nleaves),
	         nleaves);
	printf(_("%s: valid criteria set \"%s\" (%s, %s)\n"), path, cchc_criteria_id(set), nodes,
	       leaves);
}

typedef struct {
	cchc_diag *diag;
	cchc_lang lang;
} checker;

/* One line per assessment; a bundle's members say where they stand. Its
 * published figures are set against its score (a rank needs the block). */
static int report_assessment(cchc_assessment *a, void *user)
{
	const checker *ck = user;
	cchc_score *score = NULL;
	if (cchc_assessment_published(a)) {
		if (cchc_score_compute(&score, a) < 0) {
			cchc_diag_addf(ck->diag, cchc_assessment_file(a), cchc_assessment_line(a),
			               _("out of memory"));
			cchc_assessment_free(a);
			return -1;
		}
		cli_warn_published(ck->diag, score, NULL, ck->lang);
		cchc_score_free(score);
	}
	long line = cchc_assessment_line(a);
	if (line > 0)
		printf(_("%s:%ld: valid assessment of \"%s\"\n"), cchc_assessment_file(a), line,
		       cchc_assessment_agency_id(a));
	else
		printf(_("%s: valid assessment of \"%s\"\n"), cchc_assessment_file(a),
		       cchc_assessment_agency_id(a));
	cchc_assessment_free(a);
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	cli_output out = {NULL, CCHC_LANG_VI, NULL};
	int strict = 0;
	char **files = calloc((size_t)argc, sizeof *files);
	size_t nfiles = 0;
	if (!files)
		return CLI_INVALID;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			free(files);
			return CLI_OK;
		}
		int rc = cli_output_option(argc, argv, &i, &out);
		if (rc == 0 && strcmp(argv[i], "--strict") == 0) {
			strict = 1;
			continue;
		}
		if (rc == 0 && argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_usage_error("validate", _("unknown option %s"), argv[i]);
			rc = -1;
		} else if (rc > 0 && (out.format || out.output)) {
			cli_usage_error("validate", _("validate writes no report: it takes no --format or -o"));
			rc = -1;
		}
		if (rc < 0) {
			free(files);
			return CLI_USAGE;
		}
		if (rc == 0)
			files[nfiles++] = argv[i];
	}
	if (nfiles == 0) {
		free(files);
		return cli_usage_error("validate", _("give the files (or folders) to check"));
	}

	int status = CLI_OK;
	cchc_diag *diag = cchc_diag_new();
	char **paths = NULL;
	size_t npaths = 0, nsets = 0;
	checker ck = {diag, out.lang};
	if (!diag) {
		free(files);
		return CLI_INVALID;
	}
	if (cli_expand(files, nfiles, &paths, &npaths, diag) < 0)
		status = CLI_INVALID;
	cchc_criteria **sets = calloc(npaths ? npaths : 1, sizeof *sets);
	unsigned char *done = calloc(npaths ? npaths : 1, 1);
	if (!sets || !done) {
		cchc_diag_addf(diag, NULL, 0, _("out of memory"));
		status = CLI_INVALID;
		npaths = 0;
	}
	/* criteria sets and plans first: assessments are checked against the sets */
	for (size_t i = 0; i < npaths; i++) {
		cchc_file_kind kind = cchc_file_sniff(paths[i]);
		if (kind == CCHC_FILE_CRITERIA) {
			done[i] = 1;
			if (cchc_criteria_load(&sets[nsets], paths[i], diag) == 0)
				report_set(paths[i], sets[nsets++]);
		} else if (kind == CCHC_FILE_PLAN) {
			cchc_plan *plan = NULL;
			done[i] = 1;
			if (cchc_plan_load(&plan, paths[i], diag) == 0)
				printf(_("%s: valid plan\n"), paths[i]);
			cchc_plan_free(plan);
		} else if (kind == CCHC_FILE_NOT_REGULAR) {
			done[i] = 1;
			cchc_diag_addf(diag, paths[i], 0, _("not a regular file: give XML files or folders"));
		} else if (kind == CCHC_FILE_UNREADABLE) {
			done[i] = 1;
			cchc_diag_addf(diag, paths[i], 0, _("cannot open the file: %s"), strerror(errno));
		}
	}
	for (size_t i = 0; i < npaths; i++) {
		if (done[i])
			continue;
		if (nsets == 0) {
			cchc_diag_addf(diag, paths[i], 0, _("no criteria set given to check this assessment "
			                                    "against: name its criteria file too"));
			continue;
		}
		cchc_assessment *wb = NULL; /* a self-assessment workbook, told apart by content */
		if (cchc_workbook_sniff(paths[i])) {
			if (cchc_workbook_load(&wb, paths[i], (const cchc_criteria *const *)sets, nsets,
			                       ck.lang == CCHC_LANG_EN, diag) == 0)
				report_assessment(wb, &ck);
			continue;
		}
		cchc_assessment_stream((const cchc_criteria *const *)sets, nsets, paths[i],
		                       report_assessment, &ck, diag);
	}
	cli_print_diag(diag);
	if (cchc_diag_count(diag) > 0 || (strict && cchc_diag_warnings(diag) > 0))
		status = CLI_INVALID;
	for (size_t i = 0; i < nsets; i++)
		cchc_criteria_free(sets[i]);
	free(sets);
	free(done);
	cli_paths_free(paths, npaths);
	cchc_diag_free(diag);
	free(files);
	return status;
}
