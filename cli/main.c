/* cchc: the command-line tool. Dispatches to one cmd_<name>.c per subcommand. */
#define _XOPEN_SOURCE 700 /* readlink, realpath */
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"validate", cmd_validate, N_("check a criteria set and assessments")},
	{"score", cmd_score, N_("score one agency's assessment")},
	{"rank", cmd_rank, N_("rank every agency of each block, with statistics")},
	{"gap", cmd_gap, N_("why an agency lost points, what reaches a target rank, its tasks")},
	{"robust", cmd_robust, N_("how sure each rank is: survey error, weights (Monte Carlo)")},
	{"report", cmd_report, N_("the report bundle: HTML, Excel, CSV, Markdown, JSON")},
	{"plan", cmd_plan, N_("annual CCHC plan: task status and completion rate")},
	{"template", cmd_template, N_("an agency's self-assessment workbook (.xlsx) with live points")},
	{"import", cmd_import, N_("filled self-assessment workbooks to assessment XML")},
	{"check", cmd_check,
	 N_("what the council would cut from a self-assessment, where it would rank")},
	{"serve", cmd_serve, N_("the province's CCHC cycle over a JSON API (or --demo)")},
	{"admin", cmd_admin, N_("the server's data folder: users, criteria, agencies, import, backup")},
};

static void print_usage(FILE *f)
{
	fprintf(f, _("cchc %s — scoring and ranking for the CCHC (PAR) index\n\n"
	             "Usage: cchc COMMAND [ARGS] (cchc COMMAND --help for details)\n\nCommands:\n"),
	        CCHC_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\nMessages and help follow the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG):\n"
	        "Vietnamese for vi, else English. --lang chooses the language of the reports\n"
	        "and of what they say about the inputs (default vi).\n"), f);
	fputs(_("\nExit status: 0 ok, 1 invalid input, 2 usage error.\n"), f);
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where the catalogues (LANG/LC_MESSAGES/cchc.mo) are: $CCHC_LOCALEDIR when
 * set; the build tree's when this is the tool built there; else the locale
 * folder beside the installed bin/ (so `cmake --install --prefix X` works),
 * else the one configured. */
static const char *locale_dir(char *buf, size_t size)
{
	const char *env = getenv("CCHC_LOCALEDIR");
	if (env && *env)
		return env;
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0 || (size_t)n >= size - 1)
		return CCHC_LOCALEDIR;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return CCHC_LOCALEDIR;
	*slash = '\0'; /* the executable's folder, its real path */
	char build[PATH_MAX];
	if (realpath(CCHC_BUILD_BINDIR, build) && strcmp(buf, build) == 0)
		return CCHC_BUILD_LOCALEDIR;
	size_t len = strlen(buf);
	if (len + 1 + sizeof CCHC_BIN_TO_LOCALEDIR > size)
		return CCHC_LOCALEDIR;
	buf[len] = '/';
	memcpy(buf + len + 1, CCHC_BIN_TO_LOCALEDIR, sizeof CCHC_BIN_TO_LOCALEDIR);
	return is_dir(buf) ? buf : CCHC_LOCALEDIR;
}

/* Messages in the locale's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
 * Only LC_MESSAGES is set: numbers keep the C locale's decimal point (JSON,
 * CSV), and the catalogue comes out in UTF-8, like every output of the tool. */
static void messages_init(void)
{
	static char buf[PATH_MAX + 64];
	setlocale(LC_MESSAGES, "");
	bindtextdomain("cchc", locale_dir(buf, sizeof buf));
	bind_textdomain_codeset("cchc", "UTF-8");
	textdomain("cchc");
}

int main(int argc, char **argv)
{
	messages_init();
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
	fprintf(stderr, _("cchc: unknown command '%s'\n\n"), argv[1]);
	print_usage(stderr);
	return CLI_USAGE;
}
