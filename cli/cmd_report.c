/* cchc report: the bundle people open (HTML, Excel, CSV, Markdown, JSON). */
#define _XOPEN_SOURCE 700 /* realpath, strdup, isatty, fileno, clock_gettime */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "cchc/docx.h"
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

#define BOM "\xEF\xBB\xBF"

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

/* One text file of the bundle rendered by fn; a BOM first when asked. */
static int put(cli_bundle *b, const char *name, int bom, int rendered, cchc_buf *buf)
{
	int rc = -1;
	if (rendered == 0) {
		cchc_buf all;
		cchc_buf_init(&all, 0);
		if (bom)
			cchc_buf_puts(&all, BOM);
		cchc_buf_append(&all, buf->data ? buf->data : "", buf->len);
		if (all.failed)
			cli_render_failed(name, NULL, &all, _("report on one block at a time"));
		else
			rc = cli_bundle_write(b, name, all.data, all.len);
		cchc_buf_dispose(&all);
	} else {
		cli_render_failed(name, NULL, buf, _("report on one block at a time"));
	}
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
	return rc;
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

/* A rendered CSV in the dialect asked for: as rendered (RFC 4180), or rewritten for vi. */
static int csv_dialect(cchc_buf *buf, int rendered, int vi)
{
	if (rendered != 0 || !vi)
		return rendered;
	cchc_buf conv;
	cchc_buf_init(&conv, 0);
	int rc = cchc_csv_dialect_vi(&conv, buf->data ? buf->data : "", buf->len);
	cchc_buf t = *buf;
	*buf = conv;
	conv = t;
	cchc_buf_dispose(&conv);
	return rc;
}

/* criteria.csv, or, with more rows than a spreadsheet opens, criteria-<block>.csv per
 * block, in parts criteria-<block>-2.csv, … of whole agencies when a block has more. */
static int criteria_csv(cli_bundle *bundle, const cchc_ranking *r, int vi, cchc_buf *buf)
{
	if (cchc_criteria_csv_rows(r) <= CCHC_CSV_MAX_ROWS)
		return put(bundle, "criteria.csv", 1,
		           csv_dialect(buf, cchc_render_criteria_csv(buf, r), vi), buf);
	for (size_t k = 0; k < r->nblocks; k++) {
		char id[64], name[96];
		size_t j = 0;
		for (const char *c = r->blocks[k].id; *c && j + 1 < sizeof id; c++, j++)
			id[j] = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *c)
			            ? *c
			            : '_';
		id[j] = '\0';
		for (size_t first = 0, part = 1, next = 0; first < r->blocks[k].n; first = next, part++) {
			int rc = cchc_render_criteria_csv_part(buf, r, k, first, CCHC_CSV_MAX_ROWS, &next);
			if (part == 1 && next >= r->blocks[k].n)
				snprintf(name, sizeof name, "criteria-%s.csv", id);
			else
				snprintf(name, sizeof name, "criteria-%s-%zu.csv", id, part);
			if (put(bundle, name, 1, csv_dialect(buf, rc, vi), buf) != 0)
				return -1;
		}
	}
	return 0;
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

/* Blocks in the order their criteria sets were given (the province's order),
 * not the order their first agency happened to be read in. */
static void order_blocks(cchc_ranking *r, const cli_inputs *in)
{
	size_t next = 0;
	for (size_t k = 0; k < in->nsets; k++)
		for (size_t b = next; b < r->nblocks; b++)
			if (r->blocks[b].set == in->sets[k]) {
				cchc_block t = r->blocks[b];
				r->blocks[b] = r->blocks[next];
				r->blocks[next++] = t;
				break;
			}
}

/* report.json: the documents of each part side by side, one object. */
static int report_json(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                       const cchc_robust *robust, cchc_lang lang)
{
	cchc_buf part;
	cchc_buf_init(&part, 0);
	cchc_buf_puts(out, "{\n\"schema\": \"cchc-report/1\",\n\"ranking\": ");
	int rc = cchc_render_ranking_json(&part, r);
	cchc_buf_append(out, part.data, part.len);
	cchc_buf_puts(out, ",\n\"gap\": ");
	part.len = 0;
	if (gap) {
		rc |= cchc_render_gap_json(&part, gap, lang);
		cchc_buf_append(out, part.data, part.len);
	} else {
		cchc_buf_puts(out, "null");
	}
	cchc_buf_puts(out, ",\n\"robust\": ");
	part.len = 0;
	if (robust) {
		rc |= cchc_render_robust_json(&part, robust);
		cchc_buf_append(out, part.data, part.len);
	} else {
		cchc_buf_puts(out, "null");
	}
	cchc_buf_puts(out, "}\n");
	cchc_buf_dispose(&part);
	return rc || out->failed ? -1 : 0;
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
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	/* the folder first: a refused -o is said at once, and nothing is left behind */
	progress(_("reading and scoring the assessments"));
	in.replace = a.replace;
	if (!diag || cchc_docx_info_new(&info) < 0 ||
	    (a.document && cchc_docx_info_load(info, a.document, diag) < 0) ||
	    cli_bundle_open(&bundle, a.out.output) < 0 ||
	    cli_inputs_load(&in, a.files, a.nfiles, diag) < 0 ||
	    cli_score_and_rank(&in, &scores, &ranking, diag) < 0)
		goto done;
	order_blocks(ranking, &in);
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
	progress("index.html");

	char *prefix = gap ? evidence_prefix(a.out.output, cchc_assessment_file(gap->entry->score->assessment))
	                   : NULL;
	const cchc_report_options ro = {a.out.lang, a.title, prefix};
	int ok = put(&bundle, "index.html", 0,
	             cchc_render_html_opts(&buf, ranking, gap, robust, &ro), &buf) == 0;
	const int vi = a.dialect && strcmp(a.dialect, "vi") == 0;
	progress("ranking.csv, criteria.csv");
	ok = ok && put(&bundle, "ranking.csv", 1,
	               csv_dialect(&buf, cchc_render_ranking_csv(&buf, ranking), vi), &buf) == 0;
	ok = ok && criteria_csv(&bundle, ranking, vi, &buf) == 0;
	if (ok)
		progress("gap.md, report.json");
	ok = ok && (!gap || put(&bundle, "gap.md", 0,
	                        cchc_render_gap_markdown(&buf, gap, a.out.lang), &buf) == 0);
	ok = ok && put(&bundle, "report.json", 0,
	               report_json(&buf, ranking, gap, robust, a.out.lang), &buf) == 0;
	if (ok)
		progress("ranking.xlsx");
	if (ok && cchc_write_xlsx_opts(cli_bundle_path(&bundle, "ranking.xlsx"), ranking, gap,
	                               &ro) < 0) {
		fprintf(stderr, _("%s/ranking.xlsx: error: cannot write the workbook\n"), a.out.output);
		ok = 0;
	}
	if (ok)
		progress("bao-cao.docx");
	if (ok && cchc_write_report_docx(cli_bundle_path(&bundle, "bao-cao.docx"), ranking, info,
	                                 a.title, a.out.lang) < 0) {
		fprintf(stderr, _("%s/bao-cao.docx: error: cannot write the report\n"), a.out.output);
		ok = 0;
	}
	if (ok && gap &&
	    cchc_write_gap_docx(cli_bundle_path(&bundle, "ke-hoach.docx"), gap, NULL, a.out.lang) < 0) {
		fprintf(stderr, _("%s/ke-hoach.docx: error: cannot write the plan\n"), a.out.output);
		ok = 0;
	}
	free(prefix);
	if (cli_bundle_close(&bundle, ok) == 0)
		status = CLI_OK;
done:
	cli_bundle_close(&bundle, 0); /* a failed run's temporary folder goes */
	if (diag)
		cli_print_diag(diag);
	cchc_buf_dispose(&buf);
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
