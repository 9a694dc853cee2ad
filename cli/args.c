/* Option parsing and output helpers shared by the subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "cli.h"
#include "outputs.h"

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
	if (*i + 1 >= argc)
		return -1;
	*value = argv[++*i];
	return 1;
}

int cli_output_option(int argc, char **argv, int *i, cli_output *out)
{
	const char *v = NULL;
	int rc;
	if ((rc = cli_option_value(argc, argv, i, "--format", &v)) != 0) {
		if (rc < 0)
			return cli_usage_error(argv[0], "--format needs a value"), -1;
		out->format = v;
		return 1;
	}
	if ((rc = cli_option_value(argc, argv, i, "--lang", &v)) != 0) {
		if (rc < 0 || cchc_lang_parse(v, &out->lang) < 0)
			return cli_usage_error(argv[0], "--lang takes vi or en"), -1;
		return 1;
	}
	if ((rc = cli_option_value(argc, argv, i, "--output", &v)) != 0 ||
	    (rc = cli_option_value(argc, argv, i, "-o", &v)) != 0) {
		if (rc < 0)
			return cli_usage_error(argv[0], "-o needs a file name"), -1;
		out->output = v;
		return 1;
	}
	return 0;
}

void cli_print_diag(const cchc_diag *diag)
{
	size_t n = cchc_diag_stored(diag);
	for (size_t i = 0; i < n; i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		const char *kind = e->severity == CCHC_DIAG_WARNING ? "warning" : "error";
		if (e->line > 0)
			fprintf(stderr, "%s:%ld: %s: %s\n", e->file ? e->file : "cchc", e->line, kind,
			        e->message);
		else
			fprintf(stderr, "%s: %s: %s\n", e->file ? e->file : "cchc", kind, e->message);
	}
	size_t all = cchc_diag_count(diag) + cchc_diag_warnings(diag);
	if (all > n)
		fprintf(stderr, "cchc: %zu more %s not shown\n", all - n,
		        cchc_diag_warnings(diag) ? "errors and warnings" : "errors");
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "cchc %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'cchc %s --help'.\n", cmd);
	return CLI_USAGE;
}

int cli_emit(const cchc_buf *buf, const cli_output *out)
{
	if (out->output) {
		int rc = cchc_write_file_atomic(out->output, buf->data ? buf->data : "", buf->len);
		if (rc < 0) {
			cli_write_error(out->output, "the output", rc, errno);
			return CLI_INVALID;
		}
		return CLI_OK;
	}
	if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
		fprintf(stderr, "cchc: error: cannot write to standard output\n");
		return CLI_INVALID;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "cchc: error: cannot write to standard output\n");
		return CLI_INVALID;
	}
	return CLI_OK;
}
