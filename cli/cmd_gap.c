/* cchc gap: why one agency lost points, what wins them back, what reaches a target rank. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/docx.h"
#include "cli.h"
#include "inputs.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc gap CRITERIA.xml ASSESSMENTS... --agency ID [--target-rank K]\n"
	"                [--previous PREV_CRITERIA.xml PREV_ASSESSMENTS...] [--map FILE]\n"
	"                [--emit-plan PLAN.xml] [--format text|markdown|json|docx] [--lang vi|en]\n"
	"                [-o FILE] [--document VALUES] [--replace FILE]\n"
	"\n"
	"The uplift analysis of one agency, ranked among the assessments given: its\n"
	"position, each group with the criteria it lost and why, lost points by cause,\n"
	"and the task table built from the criteria's remedies.\n"
	"\n"
	"  --agency ID         the agency to analyse (its <agency id=\"…\">)\n"
	"  --target-rank K     points needed for rank K, assuming the others keep their\n"
	"                      scores, and the least-effort set of criteria that reaches it\n"
	"  --previous FILES…   last year's criteria set and assessments (files or folders),\n"
	"                      up to the next option: last year's rank and total, and each\n"
	"                      criterion up / held / down\n"
	"  --replace FILE      a what-if: FILE (XML or .xlsx) stands in for the assessment\n"
	"                      of its agency this year, which the assessments must hold\n"
	"  --map FILE          last year's criterion ids → this year's, one \"OLD NEW\" per line\n"
	"  --emit-plan FILE    write next year's plan (urn:cchc:plan:1) from the task table\n"
	"  --format text|markdown|json|docx   default text; JSON is the cchc-gap/1 contract;\n"
	"                      docx: the plan (Kế hoạch khắc phục) as a Word document, with -o\n"
	"  --document VALUES   with docx: the header values, one \"key = value\" a line (parent,\n"
	"                      issuer, number, symbol, place, date, signer-title, signer,\n"
	"                      recipient); absent ones stay blank for the office to fill\n"
	"  --lang vi|en        language (default vi)\n"
	"  -o, --output FILE   write to FILE atomically instead of standard output\n"
	"\n"
	"Exit status: 0 done, 1 invalid input, 2 usage error.\n");

typedef struct {
	cli_output out;
	const char *agency, *target, *map, *emit;
	char **now, **prev;
	size_t nnow, nprev;
	int previous; /* --previous was given */
	const char *document; /* --document: the .docx header values */
	const char *replace;  /* --replace: stands in for its agency's assessment */
} gap_args;

static int parse(int argc, char **argv, gap_args *a)
{
	int in_previous = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return 1;
		}
		if (strcmp(argv[i], "--previous") == 0) {
			in_previous = a->previous = 1;
			continue;
		}
		int rc = cli_output_option(argc, argv, &i, &a->out);
		const char *names[] = {"--agency", "--target-rank", "--map", "--emit-plan", "--document",
		                       "--replace"};
		const char **slots[] = {&a->agency, &a->target, &a->map, &a->emit, &a->document,
		                        &a->replace};
		for (size_t k = 0; k < 6 && rc == 0; k++)
			rc = cli_option_value(argc, argv, &i, names[k], slots[k]);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			in_previous = 0;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_usage_error("gap", _("unknown option %s"), argv[i]);
			return -1;
		}
		if (in_previous)
			a->prev[a->nprev++] = argv[i];
		else
			a->now[a->nnow++] = argv[i];
	}
	return 0;
}

static int check_args(const gap_args *a, size_t *target)
{
	const char *f = a->out.format;
	int docx = strcmp(f, "docx") == 0;
	if (strcmp(f, "text") != 0 && strcmp(f, "markdown") != 0 && strcmp(f, "json") != 0 && !docx)
		return cli_usage_error("gap", _("--format takes text, markdown, json or docx"));
	if (docx && !a->out.output)
		return cli_usage_error("gap", _("--format docx writes a Word file: give -o FILE.docx"));
	if (a->document && !docx)
		return cli_usage_error("gap", _("--document goes with --format docx"));
	if (!a->agency)
		return cli_usage_error("gap", _("name the agency: --agency ID"));
	if (a->nnow < 2)
		return cli_usage_error("gap", _("give the criteria set and the assessments of the block"));
	if (a->previous && !a->nprev)
		return cli_previous_missing("gap");
	if (a->map && !a->nprev)
		return cli_usage_error("gap", _("--map goes with --previous"));
	*target = 0;
	if (a->target) {
		char *end;
		unsigned long k = strtoul(a->target, &end, 10);
		if (*a->target < '1' || *a->target > '9' || *end || k > 1000000)
			return cli_usage_error("gap", _("--target-rank takes a rank: 1, 2, 3, …"));
		*target = (size_t)k;
	}
	return 0;
}

static int render(cchc_buf *buf, const cchc_gap *gap, const cli_output *out)
{
	if (strcmp(out->format, "json") == 0)
		return cchc_render_gap_json(buf, gap, out->lang);
	if (strcmp(out->format, "markdown") == 0)
		return cchc_render_gap_markdown(buf, gap, out->lang);
	return cchc_render_gap_text(buf, gap, out->lang);
}

/* The plan as a Word document, its header values from --document. */
static int write_docx(const cchc_gap *gap, const gap_args *a, cchc_diag *diag)
{
	cchc_docx_info *info = NULL;
	int rc = cchc_docx_info_new(&info);
	if (rc == 0 && a->document)
		rc = cchc_docx_info_load(info, a->document, diag);
	if (rc == 0 && (rc = cchc_write_gap_docx(a->out.output, gap, info, a->out.lang)) < 0)
		cli_write_error(a->out.output, _("the plan"), rc, errno);
	cchc_docx_info_free(info);
	return rc < 0 ? CLI_INVALID : CLI_OK;
}

/* Write next year's plan from the task table; atomically, like every output. */
static int emit_plan(const cchc_gap *gap, const char *path)
{
	cchc_buf xml;
	cchc_buf_init(&xml, 0);
	int rc = cchc_render_plan_xml(&xml, gap);
	if (rc < 0)
		fprintf(stderr, _("%s: error: cannot render the plan (out of memory)\n"), path);
	else if ((rc = cchc_write_file_atomic(path, xml.data ? xml.data : "", xml.len)) < 0)
		cli_write_error(path, _("the plan"), rc, errno);
	cchc_buf_dispose(&xml);
	return rc;
}

int cmd_gap(int argc, char **argv)
{
	gap_args a = {{"text", CCHC_LANG_VI, NULL}, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, NULL};
	a.now = calloc((size_t)argc, sizeof *a.now);
	a.prev = calloc((size_t)argc, sizeof *a.prev);
	size_t target = 0;
	int status = CLI_USAGE, rc = (!a.now || !a.prev) ? -1 : parse(argc, argv, &a);
	const char *outs[] = {a.out.output, a.emit}, *opts[] = {"-o", "--emit-plan"};
	cli_path_list ins[] = {{a.now, a.nnow}, {a.prev, a.nprev}, {(char *const *)&a.map, !!a.map},
	                       {(char *const *)&a.document, !!a.document},
	                       {(char *const *)&a.replace, !!a.replace}};
	if (rc != 0 || check_args(&a, &target) != 0 ||
	    cli_outputs_check("gap", outs, opts, 2, ins, 5) != 0) {
		free(a.now);
		free(a.prev);
		return rc > 0 ? CLI_OK : CLI_USAGE;
	}

	status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cli_inputs now = {0}, prev = {0};
	cchc_score **scores = NULL, **pscores = NULL;
	cchc_ranking *ranking = NULL, *pranking = NULL;
	cchc_id_map *map = NULL;
	cchc_gap *gap = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	/* every agency ranks, only a.agency is analysed in detail */
	now.replace = a.replace;
	if (!diag || cli_inputs_load_slim(&now, a.now, a.nnow, a.agency, diag) < 0 ||
	    cli_score_and_rank(&now, &scores, &ranking, diag) < 0)
		goto done;
	if (a.nprev && (cli_inputs_load_slim(&prev, a.prev, a.nprev, a.agency, diag) < 0 ||
	                cli_score_and_rank(&prev, &pscores, &pranking, diag) < 0))
		goto done;
	if (a.map && cchc_id_map_load(&map, a.map, diag) < 0)
		goto done;
	if (cchc_gap_build(&gap, ranking, a.agency, target, pranking, map, diag) < 0)
		goto done;
	int docx = strcmp(a.out.format, "docx") == 0;
	if (!docx && render(&buf, gap, &a.out) < 0) {
		cli_render_failed("cchc", _("the analysis"), &buf, _("shorten the criteria's texts"));
		goto done;
	}
	if (a.emit && emit_plan(gap, a.emit) < 0)
		goto done;
	status = docx ? write_docx(gap, &a, diag) : cli_emit(&buf, &a.out);
done:
	if (diag)
		cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_gap_free(gap);
	cchc_id_map_free(map);
	cchc_ranking_free(ranking);
	cchc_ranking_free(pranking);
	cli_scores_free(scores, now.nassessments);
	cli_scores_free(pscores, prev.nassessments);
	cli_inputs_free(&now);
	cli_inputs_free(&prev);
	cchc_diag_free(diag);
	free(a.now);
	free(a.prev);
	return status;
}
