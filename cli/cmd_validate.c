/* cchc validate: schema and semantic checks of a criteria set and assessments. */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"Usage: cchc validate CRITERIA.xml [ASSESSMENT.xml ...]\n"
	"\n"
	"Check a criteria set (schema, unique ids, sums, rules, bands) and each\n"
	"assessment against it (criterion ids, evidence per rule kind, ranges,\n"
	"appraisal rounds, surveys). Every problem is printed as FILE:LINE: message.\n"
	"\n"
	"Exit status: 0 all valid, 1 some file is invalid, 2 usage error.\n";

int cmd_validate(int argc, char **argv)
{
	/* Every argument is a file: argv[1] the criteria set, the rest assessments. */
	char **files = argv + 1;
	int nfiles = argc - 1;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return CLI_OK;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("validate", "unknown option %s", argv[i]);
	}
	if (nfiles < 1)
		return cli_usage_error("validate", "give a criteria file");

	int status = CLI_OK;
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	if (!diag)
		return CLI_INVALID;
	if (cchc_criteria_load(&set, files[0], diag) < 0) {
		cli_print_diag(diag);
		cchc_diag_free(diag);
		return CLI_INVALID;
	}
	size_t nnodes;
	cchc_criteria_nodes(set, &nnodes);
	printf("%s: valid criteria set \"%s\" (%zu nodes, %zu scored leaves)\n", files[0],
	       cchc_criteria_id(set), nnodes, cchc_criteria_leaf_count(set));
	const cchc_criteria *sets[1] = {set};
	for (int f = 1; f < nfiles; f++) {
		cchc_assessment *a = NULL;
		cchc_diag_clear(diag);
		if (cchc_assessment_load(&a, sets, 1, files[f], diag) < 0) {
			cli_print_diag(diag);
			status = CLI_INVALID;
			continue;
		}
		printf("%s: valid assessment of \"%s\"\n", files[f], cchc_assessment_agency_id(a));
		cchc_assessment_free(a);
	}
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return status;
}
