/* Option parsing and output helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/diag_say.h"
#include "cli.h"
#include "outputs.h"

/* What each option that takes a value wants, for the message when it is
 * given without one. */
static const struct {
	const char *name, *wants;
} option_values[] = {
	{"--agency", N_("the agency's id (its <agency id=\"…\">), e.g. --agency skhdt")},
	{"--block", N_("a block (a criteria set's block=\"…\", else its id), e.g. --block so-nganh")},
	{"--target-rank", N_("a rank, e.g. --target-rank 10")},
	{"--draws", N_("a number of draws, e.g. --draws 1000")},
	{"--seed", N_("a whole number, e.g. --seed 1")},
	{"--threads", N_("a number of threads, e.g. --threads 2")},
	{"--weights", N_("a percentage, e.g. --weights 10")},
	{"--emit-plan", N_("the plan file to write, e.g. --emit-plan plan-2019.xml")},
	{"--map", N_("the file of last year's ids against this year's, e.g. --map map.txt")},
	{"--as-of", N_("a date, e.g. --as-of 2024-06-30")},
	{"--title", N_("the report's title, e.g. --title \"UBND tỉnh Thừa Thiên Huế\"")},
	{"--document", N_("the file of the document's header values, e.g. --document header.txt")},
	{"--name", N_("the agency's name, e.g. --name \"Sở Tư pháp\"")},
	{"--from", N_("an assessment file or workbook, e.g. --from skhdt.xml")},
	{"--replace",
	 N_("the assessment that stands in for its agency's, e.g. --replace my-skhdt.xlsx")},
	{"--format", N_("a format, e.g. --format json")},
	{"--lang", N_("vi or en, e.g. --lang en")},
	{"--output", N_("the file to write, e.g. --output out.txt")},
	{"-o", N_("the file to write, e.g. -o out.txt")},
};

static int missing_value(const char *cmd, const char *name)
{
	const char *wants = _("a value");
	for (size_t k = 0; k < sizeof option_values / sizeof *option_values; k++)
		if (strcmp(option_values[k].name, name) == 0)
			wants = _(option_values[k].wants);
	if (strcmp(cmd, "report") == 0 && (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0))
		wants = _("the folder to write, e.g. -o out/");
	cli_usage_error(cmd, _("%s needs %s"), name, wants);
	return -1;
}

int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);
	if (strncmp(arg, name, n) != 0)
		return 0;
	if (arg[n] == '=') {
		*value = arg + n + 1;
		return 1;
	}
	if (arg[n] != '\0')
		return 0;
	/* "--agency --format json" is a forgotten value, not an agency "--format";
	 * a value that does begin with "--" goes as --agency=--x */
	if (*i + 1 >= argc || strncmp(argv[*i + 1], "--", 2) == 0)
		return missing_value(argv[0], name);
	*value = argv[++*i];
	return 1;
}

cchc_lang cli_messages_lang = CCHC_LANG_VI;

int cli_output_option(int argc, char **argv, int *i, cli_output *out)
{
	const char *v = NULL;
	int rc;
	if ((rc = cli_option_value(argc, argv, i, "--format", &v)) != 0) {
		if (rc > 0)
			out->format = v;
		return rc;
	}
	if ((rc = cli_option_value(argc, argv, i, "--lang", &v)) != 0) {
		if (rc > 0 && cchc_lang_parse(v, &out->lang) < 0)
			return cli_usage_error(argv[0], _("--lang takes vi or en")), -1;
		cli_messages_lang = out->lang;
		return rc;
	}
	if ((rc = cli_option_value(argc, argv, i, "--output", &v)) != 0 ||
	    (rc = cli_option_value(argc, argv, i, "-o", &v)) != 0) {
		if (rc > 0)
			out->output = v;
		return rc;
	}
	return 0;
}

int cli_parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	errno = 0;
	if (!s || *s < '0' || *s > '9')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

int cli_previous_missing(const char *cmd)
{
	return cli_usage_error(cmd, _("--previous needs last year's criteria set and assessments "
	                              "(files or folders) up to the next option: --previous "
	                              "PREV_CRITERIA.xml PREV_ASSESSMENTS..."));
}

void cli_print_diag(const cchc_diag *diag)
{
	size_t n = cchc_diag_stored(diag);
	for (size_t i = 0; i < n; i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		const char *kind = e->severity == CCHC_DIAG_WARNING ? "warning" : "error";
		/* about the data: in --lang's words (README, "Language"); room for a long value */
		const size_t size = 2 * strlen(e->message) + CCHC_DIAG_SAY_SIZE;
		char *said = cli_messages_lang == CCHC_LANG_EN ? NULL : malloc(size);
		const char *msg = e->message;
		if (said && cchc_diag_say(msg, cli_messages_lang, said, size) == 1)
			msg = said;
		if (e->line > 0)
			fprintf(stderr, "%s:%ld: %s: %s\n", e->file ? e->file : "cchc", e->line, kind, msg);
		else
			fprintf(stderr, "%s: %s: %s\n", e->file ? e->file : "cchc", kind, msg);
		free(said);
	}
	size_t all = cchc_diag_count(diag) + cchc_diag_warnings(diag);
	if (all > n && cchc_diag_warnings(diag))
		fprintf(stderr, ngettext("cchc: %zu more error or warning not shown\n",
		                         "cchc: %zu more errors and warnings not shown\n", all - n),
		        all - n);
	else if (all > n)
		fprintf(stderr, ngettext("cchc: %zu more error not shown\n",
		                         "cchc: %zu more errors not shown\n", all - n),
		        all - n);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cchc %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry 'cchc %s --help'.\n"), cmd);
	return CLI_USAGE;
}

int cli_render_failed(const char *where, const char *what, const cchc_buf *buf, const char *hint)
{
	char why[160];
	cchc_buf_failure(buf, why, sizeof why);
	const char *then = hint && buf->failed == CCHC_BUF_OVER_CAP ? hint : NULL;
	if (what && then)
		fprintf(stderr, _("%s: error: cannot render %s: %s; %s\n"), where, what, why, then);
	else if (what)
		fprintf(stderr, _("%s: error: cannot render %s: %s\n"), where, what, why);
	else if (then)
		fprintf(stderr, _("%s: error: cannot render: %s; %s\n"), where, why, then);
	else
		fprintf(stderr, _("%s: error: cannot render: %s\n"), where, why);
	return CLI_INVALID;
}

int cli_emit(const cchc_buf *buf, const cli_output *out)
{
	if (out->output) {
		int rc = cchc_write_file_atomic(out->output, buf->data ? buf->data : "", buf->len);
		if (rc < 0) {
			cli_write_error(out->output, _("the output"), rc, errno);
			return CLI_INVALID;
		}
		return CLI_OK;
	}
	if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
		fprintf(stderr, _("cchc: error: cannot write to standard output\n"));
		return CLI_INVALID;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, _("cchc: error: cannot write to standard output\n"));
		return CLI_INVALID;
	}
	return CLI_OK;
}
