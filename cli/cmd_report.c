/* cchc report: the bundle people open (HTML, Excel, CSV, Markdown, JSON). */
#define _XOPEN_SOURCE 700 /* realpath, strdup, isatty, fileno, clock_gettime */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "cchc/report_bundle.h"
#include "cli.h"
#include "inputs.h"
#include "outputs.h"

static const char *const usage = N_(
	"Usage: cchc report CRITERIA.xml... ASSESSMENTS... -o DIR [--agency ID]\n"
	"                   [--target-rank K] [--draws N] [--seed S] [--lang vi|en]\n"
	"                   [--title TEXT] [--csv-dialect rfc4180|vi] [--replace FILE]\n"
	"                   [--document VALUES]\n"
	"\n"
	"Write the report bundle into DIR, whole or not at all:\n"
	"  index.html     one self-contained page: ranking, charts, rank intervals and,\n"
	"                 with --agency, its gap analysis and task table (prints on A4)\n"
	"  ranking.xlsx   Xếp hạng, Chỉ số thành phần, Chi tiết, Thống kê (and Phân tích,\n"
	"                 Kế hoạch)\n"
	"  ranking.csv    one row per agency; criteria.csv one row per agency and criterion\n"
	"                 (UTF-8 with a byte order mark, so Excel shows the diacritics)\n"
	"  gap.md         with --agency: the gap analysis in Markdown\n"
	"  bao-cao.docx   the province's report (Báo cáo kết quả xác định Chỉ số CCHC) as\n"
	"                 a Word document: each block's ranking, charts and statistics;\n"
	"                 its number, date and signer blank to fill unless --document\n"
	"  ke-hoach.docx  with --agency: its plan (Kế hoạch khắc phục) as a Word document,\n"
	"                 the header's number, date and signer left blank to fill\n"
	"  report.json    all of it as data (cchc-report/1)\n"
	"\n"
	"  --draws N      add the rank-uncertainty section: N Monte Carlo draws of the rank\n"
	"                 intervals, labelled an estimate (not part of the official ranking;\n"
	"                 default 0: no such section)\n"
	"  --seed S       their seed (default 1)\n"
	"  --title TEXT   the report's own title, above the page's heading and on every\n"
	"                 printed page of the workbook (\"UBND tỉnh … · Quyết định số …\")\n"
	"  --csv-dialect D  the CSV files' dialect: rfc4180 (default: ',' between cells,\n"
	"                 '.' decimals) or vi (';' and ',' decimals, as a Vietnamese-locale\n"
	"                 spreadsheet imports numbers)\n"
	"  --document VALUES  bao-cao.docx's header values, one \"key = value\" a line\n"
	"                 (parent, issuer, number, symbol, place, date, signer-title,\n"
	"                 signer, recipient), the same file as the plan's in cchc gap\n"
	"  --replace FILE a what-if: FILE (XML or .xlsx) stands in for the assessment of its\n"
	"                 agency among the inputs, which must hold one\n"
	"Blocks follow the order of the criteria sets on the command line.\n"
	"An existing DIR is replaced in one step, and only if cchc wrote it (or it is\n"
	"empty); never through a symbolic link, nor ., .. or /, nor a folder that holds\n"
	"an input. Folders DIR.tmp-* and DIR.old-* that killed runs left are removed.\n"
	"\n"
	"Exit status: 0 written, 1 invalid input, 2 usage error.\n");

typedef struct {
	cli_output out;
	const char *agency, *target, *draws, *seed, *title, *dialect;
	const char *replace; /* --replace: stands in for its agency's assessment */
	const char *document; /* --document: bao-cao.docx's header values */
	char **files;
	size_t nfiles;
} report_args;

static int parse(int argc, char **argv, report_args *a)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return 1;
		}
		int rc = cli_output_option(argc, argv, &i, &a->out);
		const char *names[] = {"--agency", "--target-rank", "--draws", "--seed", "--title",
		                       "--csv-dialect", "--replace", "--document"};
		const char **slots[] = {&a->agency, &a->target, &a->draws, &a->seed, &a->title,
		                        &a->dialect, &a->replace, &a->document};
		for (size_t k = 0; k < 8 && rc == 0; k++)
			rc = cli_option_value(argc, argv, &i, names[k], slots[k]);
		if (rc < 0)
			return -1;
		if (rc > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_usage_error("report", _("unknown option %s"), argv[i]);
			return -1;
		}
		a->files[a->nfiles++] = argv[i];
	}
	if (!a->out.output) {
		cli_usage_error("report", _("name the folder to write: -o DIR"));
		return -1;
	}
	if (strcmp(a->out.format, "text") != 0) {
		cli_usage_error("report", _("the bundle holds every format: leave out --format"));
		return -1;
	}
	if (a->nfiles < 2) {
		cli_usage_error("report", _("give the criteria set and the assessments (files or folders)"));
		return -1;
	}
	return 0;
}

static int number(const char *s, unsigned long long max, unsigned long long *v)
{
	char *end;
	if (!s || *s < '0' || *s > '9')
		return -1;
	*v = strtoull(s, &end, 10);
	return *end || *v > max ? -1 : 0;
}

/* A long run says what it is doing, on a terminal only (never in a pipe or a log). */
static void progress(const char *what)
{
	static int tty = -1;
	static struct timespec t0;
	struct timespec t;
	if (tty < 0) {
		tty = isatty(fileno(stderr));
		clock_gettime(CLOCK_MONOTONIC, &t0);
	}
	if (!tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	long ms = (long)(t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
	fprintf(stderr, _("cchc report: %ld,%ld s: %s\n"), ms / 1000, ms % 1000 / 100, what);
}

#define FOLDER_MAX (2 * PATH_MAX)

/* The absolute folder of path: the real folder holding a file, or the report's folder
 * (which may not exist yet) as its parent's real path and its own name; "" when unknown. */
static void folder_of(char out[FOLDER_MAX], const char *path, int is_file)
{
	char tmp[PATH_MAX], real[PATH_MAX];
	out[0] = '\0';
	if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp)
		return;
	size_t n = strlen(tmp);
	while (n > 1 && tmp[n - 1] == '/')
		tmp[--n] = '\0';
	char *slash = strrchr(tmp, '/');
	const char *base = slash ? slash + 1 : tmp;
	const char *parent = !slash ? "." : slash == tmp ? "/" : (*slash = '\0', tmp);
	if (!realpath(parent, real))
		return;
	if (is_file)
		snprintf(out, FOLDER_MAX, "%s", real);
	else
		snprintf(out, FOLDER_MAX, "%s/%s", strcmp(real, "/") ? real : "", base);
}

/* The evidence files' folder as the page's links see it: the path from the report's folder
 * to the analysed agency's assessment folder ("../samples/hue-2018/so/"); NULL if unknown. */
static char *evidence_prefix(const char *outdir, const char *assessment)
{
	char from[FOLDER_MAX], to[FOLDER_MAX];
	folder_of(from, outdir, 0);
	folder_of(to, assessment, 1);
	if (!from[0] || !to[0])
		return NULL;
	size_t i = 0, common = 0; /* the longest run of whole folders both share */
	for (; from[i] && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i;
	if ((!from[i] || from[i] == '/') && (!to[i] || to[i] == '/'))
		common = i;
	cchc_buf rel;
	cchc_buf_init(&rel, 4 * FOLDER_MAX);
	for (const char *c = from + common; *c; c++)
		if (*c == '/')
			cchc_buf_puts(&rel, "../");
	const char *rest = to + common;
	while (*rest == '/')
		rest++;
	if (*rest)
		cchc_buf_printf(&rel, "%s/", rest);
	char *out = rel.failed ? NULL : strdup(rel.data ? rel.data : "");
	cchc_buf_dispose(&rel);
	return out;
}

/* The CLI's sink: the files go into the bundle's temporary folder (bundle.h). */
static int sink_put(void *ctx, const char *name, const char *data, size_t len)
{
	return cli_bundle_write(ctx, name, data, len);
}

static const char *sink_path(void *ctx, const char *name)
{
	return cli_bundle_path(ctx, name);
}

static void sink_progress(void *ctx, const char *what)
{
	(void)ctx;
	progress(what);
}

/* Say why the bundle was not made (the sink has said it for its own refusals). */
static void bundle_failed(const char *dir, const cchc_bundle_failure *why)
{
	if (why->fault == CCHC_BUNDLE_RENDER) {
		cchc_buf failed;
		cchc_buf_init(&failed, 0);
		failed.failed = why->buf_failed;
		cli_render_failed(why->file, NULL, &failed, _("report on one block at a time"));
	} else if (why->fault == CCHC_BUNDLE_WRITE && strcmp(why->file, "ranking.xlsx") == 0) {
		fprintf(stderr, _("%s/ranking.xlsx: error: cannot write the workbook\n"), dir);
	} else if (why->fault == CCHC_BUNDLE_WRITE && strcmp(why->file, "bao-cao.docx") == 0) {
		fprintf(stderr, _("%s/bao-cao.docx: error: cannot write the report\n"), dir);
	} else if (why->fault == CCHC_BUNDLE_WRITE) {
		fprintf(stderr, _("%s/ke-hoach.docx: error: cannot write the plan\n"), dir);
	}
}

int cmd_report(int argc, char **argv)
{
	report_args a = {{"text", CCHC_LANG_VI, NULL}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
	a.files = calloc((size_t)argc, sizeof *a.files);
	int rc = a.files ? parse(argc, argv, &a) : -1;
	unsigned long long target = 0, draws = 0, seed = 1; /* uncertainty only when asked */
	if (rc == 0 && a.target && (number(a.target, 1000000, &target) < 0 || target == 0))
		rc = -1, cli_usage_error("report", _("--target-rank takes a rank: 1, 2, 3, …"));
	if (rc == 0 && a.draws && number(a.draws, 100000000, &draws) < 0)
		rc = -1, cli_usage_error("report", _("--draws takes a count from 0 (none) to 100000000"));
	if (rc == 0 && a.seed && number(a.seed, 9007199254740991ull, &seed) < 0)
		rc = -1, cli_usage_error("report", _("--seed takes a whole number below 2^53"));
	if (rc == 0 && a.dialect && strcmp(a.dialect, "rfc4180") != 0 && strcmp(a.dialect, "vi") != 0)
		rc = -1, cli_usage_error("report", _("--csv-dialect takes rfc4180 or vi"));
	if (rc == 0 && a.target && !a.agency)
		rc = -1, cli_usage_error("report", _("--target-rank goes with --agency"));
	if (rc == 0 && cli_folder_output_check("report", a.out.output, a.files, a.nfiles) != 0)
		rc = -1;
	if (rc == 0 && a.replace &&
	    cli_folder_output_check("report", a.out.output, (char *const *)&a.replace, 1) != 0)
		rc = -1;
	if (rc != 0) {
		free(a.files);
		return rc > 0 ? CLI_OK : CLI_USAGE;
	}

	int status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cli_inputs in = {0};
	cchc_score **scores = NULL;
	cchc_ranking *ranking = NULL;
	cchc_gap *gap = NULL;
	cchc_robust *robust = NULL;
	cli_bundle bundle = {0};
	cchc_docx_info *info = NULL;
	/* the folder first: a refused -o is said at once, and nothing is left behind */
	progress(_("reading and scoring the assessments"));
	in.replace = a.replace;
	if (!diag || cchc_docx_info_new(&info) < 0 ||
	    (a.document && cchc_docx_info_load(info, a.document, diag) < 0) ||
	    cli_bundle_open(&bundle, a.out.output) < 0 ||
	    cli_inputs_load(&in, a.files, a.nfiles, diag) < 0 ||
	    cli_score_and_rank(&in, &scores, &ranking, diag) < 0)
		goto done;
	cchc_bundle_order_blocks(ranking, (const cchc_criteria *const *)in.sets, in.nsets);
	if (a.agency &&
	    cchc_gap_build(&gap, ranking, a.agency, (size_t)target, NULL, NULL, diag) < 0)
		goto done;
	cchc_robust_options ropt = {(size_t)draws, seed, 0, 1, 0, (size_t)target};
	if (draws && cli_robust_budget("report", in.nassessments, (size_t)draws, 0) != 0) {
		status = CLI_USAGE;
		goto done;
	}
	if (draws)
		progress(_("rank uncertainty (--draws)"));
	if (draws && cchc_robust_run(&robust, ranking, NULL, &ropt, diag) < 0) {
		/* the rest of the report does not need it: say so */
		cchc_diag_addf(diag, NULL, 0, _("the report without the rank-uncertainty section needs no "
		                                "--draws: leave it out (or give --draws 0)"));
		goto done;
	}
	char *prefix = gap ? evidence_prefix(a.out.output, cchc_assessment_file(gap->entry->score->assessment))
	                   : NULL;
	const cchc_bundle_input bin = {ranking, gap, robust, {a.out.lang, a.title, prefix},
	                               a.dialect && strcmp(a.dialect, "vi") == 0, info};
	const cchc_bundle_sink sink = {sink_put, sink_path, sink_progress, &bundle};
	cchc_bundle_failure why;
	int ok = cchc_report_bundle(&bin, &sink, &why) == 0;
	if (!ok)
		bundle_failed(a.out.output, &why);
	free(prefix);
	if (cli_bundle_close(&bundle, ok) == 0)
		status = CLI_OK;
done:
	cli_bundle_close(&bundle, 0); /* a failed run's temporary folder goes */
	if (diag)
		cli_print_diag(diag);
	cchc_docx_info_free(info);
	cchc_robust_free(robust);
	cchc_gap_free(gap);
	cchc_ranking_free(ranking);
	cli_scores_free(scores, in.nassessments);
	cli_inputs_free(&in);
	cchc_diag_free(diag);
	free(a.files);
	return status;
}
