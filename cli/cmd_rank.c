/* cchc rank: every agency of every block, ranked. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "outputs.h"
#include "inputs.h"

static const char *const usage = N_(
	"Usage: cchc rank CRITERIA.xml... ASSESSMENTS... [--block B] [--agency ID]\n"
	"                 [--replace FILE] [--format text|csv|json] [--lang vi|en] [-o FILE]\n"
	"                 [--strict]\n"
	"\n"
	"Rank agencies within their blocks (khối). Give one criteria set per block and\n"
	"the assessments as files or folders (searched for *.xml); each assessment goes\n"
	"to the set its criteria-set=\"…\" names. Equal totals share a rank (1, 2, 2, 4).\n"
	"\n"
	"  --block B           rank only block B (a set's block=\"…\", else its id)\n"
	"  --agency ID         text: start with the sentence that agency reads about its place\n"
	"  --replace FILE      a what-if: FILE (XML or .xlsx) stands in for the assessment\n"
	"                      of its agency among the inputs, which must hold one\n"
	"  --format text|csv|json  default text; JSON is the cchc-rank/1 contract\n"
	"  --lang vi|en        language of the text report (default vi)\n"
	"  -o, --output FILE   write to FILE atomically instead of standard output\n"
	"  --strict            a published figure (<published>) that differs from the\n"
	"                      computed one fails the run instead of only warning\n"
	"\n"
	"Each published total, rank, band or group's points that differs from the\n"
	"computed one is a warning on standard error, FILE:LINE: warning: message.\n"
	"\n"
	"Exit status: 0 ranked, 1 invalid input (or a warning with --strict),\n"
	"2 usage error.\n");

/* Where set stands among in's sets (every score's set is one of them). */
static size_t set_position(const cli_inputs *in, const cchc_criteria *set)
{
	size_t pos = 0;
	while (pos + 1 < in->nsets && in->sets[pos] != set)
		pos++;
	return pos;
}

/* Blocks come out in the order their criteria sets were given: order the
 * scores by their set's position, stably (file order holds within a block),
 * in one counting pass -- a national ranking has tens of thousands. */
static int order_by_set(cchc_score **scores, size_t n, const cli_inputs *in)
{
	cchc_score **sorted = malloc((n ? n : 1) * sizeof *sorted);
	size_t *next = calloc(in->nsets + 1, sizeof *next);
	if (!sorted || !next) {
		free(sorted);
		free(next);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		next[set_position(in, scores[i]->set) + 1]++;
	for (size_t k = 1; k <= in->nsets; k++)
		next[k] += next[k - 1]; /* next[k]: where set k's scores begin */
	for (size_t i = 0; i < n; i++)
		sorted[next[set_position(in, scores[i]->set)]++] = scores[i];
	memcpy(scores, sorted, n * sizeof *scores);
	free(sorted);
	free(next);
	return 0;
}

/* Warn of the published figures that differ from the ranking's, rank included. */
static int warn_published(cchc_diag *diag, const cchc_ranking *r, cchc_lang lang)
{
	for (size_t b = 0; b < r->nblocks; b++)
		for (size_t i = 0; i < r->blocks[b].n; i++) {
			const cchc_rank_entry *e = &r->blocks[b].entries[i];
			if (cli_warn_published(diag, e->score, e, lang) < 0)
				return -1;
		}
	return 0;
}

/* Keep only the scores of block `only` (all when NULL). */
static size_t select_block(cchc_score **scores, size_t n, const char *only)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (!only || strcmp(cchc_criteria_block(scores[i]->set), only) == 0)
			scores[kept++] = scores[i];
		else
			cchc_score_free(scores[i]);
	}
	return kept;
}

static int known_block(const cli_inputs *in, const char *block)
{
	for (size_t i = 0; i < in->nsets; i++)
		if (strcmp(cchc_criteria_block(in->sets[i]), block) == 0)
			return 1;
	return 0;
}

static int render(cchc_buf *buf, const cchc_ranking *r, const cli_output *out, const char *agency)
{
	if (strcmp(out->format, "json") == 0)
		return cchc_render_ranking_json(buf, r);
	if (strcmp(out->format, "csv") == 0)
		return cchc_render_ranking_csv(buf, r);
	if (agency) {
		const cchc_rank_entry *e = cchc_ranking_find(r, agency, NULL);
		if (e) {
			cchc_render_position(buf, e, out->lang);
			cchc_buf_puts(buf, "\n\n");
		}
	}
	return cchc_render_ranking_text(buf, r, out->lang);
}

int cmd_rank(int argc, char **argv)
{
	cli_output out = {"text", CCHC_LANG_VI, NULL};
	const char *block = NULL, *agency = NULL, *replace = NULL;
	int strict = 0;
	char **args = calloc((size_t)argc, sizeof *args);
	size_t nargs = 0;
	if (!args)
		return CLI_INVALID;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			free(args);
			return CLI_OK;
		}
		int rc = cli_output_option(argc, argv, &i, &out);
		if (rc == 0)
			rc = cli_option_value(argc, argv, &i, "--block", &block);
		if (rc == 0)
			rc = cli_option_value(argc, argv, &i, "--agency", &agency);
		if (rc == 0)
			rc = cli_option_value(argc, argv, &i, "--replace", &replace);
		if (rc < 0) {
			free(args);
			return CLI_USAGE;
		}
		if (rc > 0)
			continue;
		if (strcmp(argv[i], "--strict") == 0) {
			strict = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			free(args);
			return cli_usage_error("rank", _("unknown option %s"), argv[i]);
		}
		args[nargs++] = argv[i];
	}
	if (strcmp(out.format, "text") != 0 && strcmp(out.format, "csv") != 0 &&
	    strcmp(out.format, "json") != 0) {
		free(args);
		return cli_usage_error("rank", _("--format takes text, csv or json"));
	}
	if (nargs < 2) {
		free(args);
		return cli_usage_error("rank", _("give a criteria set and the assessments (files or "
		                                 "folders)"));
	}
	if (cli_output_check("rank", out.output, args, nargs) != 0 ||
	    (replace && cli_output_check("rank", out.output, (char *const *)&replace, 1) != 0)) {
		free(args);
		return CLI_USAGE;
	}

	int status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cli_inputs in = {0};
	cchc_score **scores = NULL;
	size_t nscores = 0;
	cchc_ranking *ranking = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	in.replace = replace;
	if (!diag || cli_inputs_load_slim(&in, args, nargs, NULL, diag) < 0)
		goto done;
	if (block && !known_block(&in, block)) {
		status = cli_usage_error("rank", _("no criteria set given ranks block \"%s\""), block);
		goto done;
	}
	scores = in.scores; /* scored as they were read */
	in.scores = NULL;
	nscores = select_block(scores, in.nassessments, block);
	if (order_by_set(scores, nscores, &in) < 0) {
		cchc_diag_addf(diag, NULL, 0, _("out of memory"));
		goto done;
	}
	if (nscores == 0) {
		if (block)
			cchc_diag_addf(diag, NULL, 0, _("no assessment to rank in block %s: give assessment "
			                                "files or folders"), block);
		else
			cchc_diag_addf(diag, NULL, 0, _("no assessment to rank: give assessment files or "
			                                "folders"));
		goto done;
	}
	if (cli_rank(&in, (const cchc_score *const *)scores, nscores, &ranking, diag) < 0)
		goto done;
	if (agency && !cchc_ranking_find(ranking, agency, NULL)) {
		cchc_diag_addf(diag, NULL, 0, _("--agency %s: no such agency among the assessments"), agency);
		goto done;
	}
	if (warn_published(diag, ranking, out.lang) < 0 || (strict && cchc_diag_warnings(diag) > 0))
		goto done;
	if (render(&buf, ranking, &out, agency) < 0) {
		cli_render_failed("cchc", _("the ranking"), &buf, _("rank one block at a time (--block B)"));
		goto done;
	}
	status = cli_emit(&buf, &out);
done:
	if (diag)
		cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_ranking_free(ranking);
	for (size_t i = 0; i < nscores; i++)
		cchc_score_free(scores[i]);
	free(scores);
	cli_inputs_free(&in);
	cchc_diag_free(diag);
	free(args);
	return status;
}
