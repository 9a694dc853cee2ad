/* Shared pieces of the cchc command-line tool: one cmd_<name>.c per
 * subcommand, each a thin layer over libcchc and the renderers. */
#ifndef CCHC_CLI_H
#define CCHC_CLI_H

#include <libintl.h>
#include <stdio.h>

#include "cchc/cchc.h"
#include "cchc/report.h"

/* The tool's own words (help, usage errors, its messages) go through GNU
 * gettext in the locale's language (po/, README "Language"); the reports and
 * the diagnostics that quote them follow --lang. N_() marks a table's text. */
#define _(msgid) gettext(msgid)
#define N_(msgid) msgid

/* Exit codes, as documented in --help. */
enum { CLI_OK = 0, CLI_INVALID = 1, CLI_USAGE = 2 };

/* Options common to commands that render. */
typedef struct {
	const char *format; /* "text" unless given */
	cchc_lang lang;
	const char *output; /* NULL: standard output */
} cli_output;

/* Parse argv[*i] as one of the common options (--format, --lang, -o/--output),
 * advancing *i past its value. Returns 1 consumed, 0 not an output option,
 * -1 usage error (reported). */
int cli_output_option(int argc, char **argv, int *i, cli_output *out);

/* The language --lang chose, for messages read deep in the inputs (workbook cells). */
extern cchc_lang cli_messages_lang;

/* Is argv[i] an option "--name" or "--name=value"? Sets *value accordingly
 * (taking the next argument when needed, unless it begins with "--"). -1 on a
 * missing value, reported as a usage error of command argv[0] that says what
 * the option wants. */
int cli_option_value(int argc, char **argv, int *i, const char *name, const char **value);

/* A whole number from 0 to max written in plain digits ("1000"), into *out. 0, or -1. */
int cli_parse_count(const char *s, unsigned long long max, unsigned long long *out);

/* Report "--previous" given without last year's files; returns CLI_USAGE. */
int cli_previous_missing(const char *cmd);

/* Refuse a Monte Carlo run of draws over agencies estimated past the bound a
 * run may take (README, "Speed"), saying the estimate and the most draws
 * within it; threads 0 is one per core (and no more than the cores count).
 * Returns 0, or CLI_USAGE (reported). */
int cli_robust_budget(const char *cmd, size_t agencies, size_t draws, unsigned threads);

/* Print every diagnostic as "file:line: error: message" (or "warning:") to stderr. */
void cli_print_diag(const cchc_diag *diag);

/* Report a usage error for cmd and return CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Warn (cchc_diag_addw, in lang) of every published figure of s's assessment
 * that differs from the computed one; the rank too when entry is given.
 * 0, or -1 when out of memory (reported). */
int cli_warn_published(cchc_diag *diag, const cchc_score *s, const cchc_rank_entry *entry,
                       cchc_lang lang);

/* Say on stderr, as "WHERE: error: cannot render WHAT: why", why rendering
 * into buf failed: out of memory, or past its cap (then "; HINT" follows,
 * when given). Returns CLI_INVALID. */
int cli_render_failed(const char *where, const char *what, const cchc_buf *buf, const char *hint);

/* Write a rendered buffer to the chosen output (atomically for files). */
int cli_emit(const cchc_buf *buf, const cli_output *out);

int cmd_validate(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_gap(int argc, char **argv);
int cmd_robust(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_template(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_admin(int argc, char **argv);

#endif
