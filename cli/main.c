/* cchc: the command-line tool. Dispatches to one cmd_<name>.c per subcommand. */
#include <string.h>

#include "cli.h"

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"validate", cmd_validate, "check a criteria set and assessments"},
	{"score", cmd_score, "score one agency's assessment"},
	{"rank", cmd_rank, "rank every agency of each block, with statistics"},
	{"gap", cmd_gap, "why an agency lost points, what reaches a target rank, its tasks"},
	{"robust", cmd_robust, "how sure each rank is: survey error, weights (Monte Carlo)"},
	{"report", cmd_report, "the report bundle: HTML, Excel, CSV, Markdown, JSON"},
	{"plan", cmd_plan, "annual CCHC plan: task status and completion rate"},
	{"template", cmd_template, "an agency's self-assessment workbook (.xlsx) with live points"},
	{"import", cmd_import, "filled self-assessment workbooks to assessment XML"},
	{"check", cmd_check, "what the council would cut from a self-assessment, where it would rank"},
};

static void print_usage(FILE *f)
{
	fprintf(f, "cchc %s — scoring and ranking for the CCHC (PAR) index\n\n"
	           "Usage: cchc COMMAND [ARGS] (cchc COMMAND --help for details)\n\nCommands:\n",
	        CCHC_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\nExit status: 0 ok, 1 invalid input, 2 usage error.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		print_usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("cchc %s\n", CCHC_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "cchc: unknown command '%s'\n\n", argv[1]);
	print_usage(stderr);
	return CLI_USAGE;
}
