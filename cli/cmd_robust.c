/* cchc robust: how sure is each rank (survey sampling error, weight sensitivity). */
#define _POSIX_C_SOURCE 200809L /* sysconf */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "outputs.h"
#include "inputs.h"

static const char *const usage = N_(
	"Usage: cchc robust CRITERIA.xml... ASSESSMENTS... [--draws N] [--seed S]\n"
	"                   [--weights P] [--no-survey] [--threads T] [--target-rank K]\n"
	"                   [--previous PREV_CRITERIA.xml PREV_ASSESSMENTS...] [--replace FILE]\n"
	"                   [--format text|json] [--lang vi|en] [-o FILE]\n"
	"\n"
	"Monte Carlo over the survey's sampling error (means drawn from their sampling\n"
	"distribution, answer counts from a multinomial) and, with --weights, group\n"
	"maxima perturbed within ±P % (renormalised): each agency's median rank, 90 %\n"
	"rank interval, chance of each band, of the top 3 and of rank ≤ K; adjacent ranks\n"
	"that flip in over 10 % of draws; Spearman and Kendall agreement.\n"
	"\n"
	"  --draws N      Monte Carlo draws (default 1000); a run estimated past 10\n"
	"                 minutes (1 µs per agency and draw on each thread) is refused\n"
	"  --seed S       seed (default 1): the same seed gives the same output on any\n"
	"                 machine and any thread count\n"
	"  --weights P    perturb group maxima within ±P % (e.g. 10)\n"
	"  --no-survey    keep the surveys as published (study the weights alone)\n"
	"  --threads T    worker threads (default: one per core)\n"
	"  --replace FILE a what-if: FILE (XML or .xlsx) stands in for the assessment of its\n"
	"                 agency among the inputs, which must hold one\n"
	"\n"
	"Exit status: 0 done, 1 invalid input, 2 usage error.\n");

/* The simulation's cost, estimated before it starts: 1 µs per agency and draw
 * on one thread (measured on the development machine's cores: 0,24 µs at 51
 * agencies, 0,33 at 500, 0,73 at 5 000 -- each draw re-sorts the block -- with
 * room for a slower or busier machine), and the most a run may take. */
#define ROBUST_SECONDS_PER_AGENCY_DRAW 1e-6
#define ROBUST_MAX_SECONDS 600.0

static void fmt_duration(char *buf, size_t size, double seconds)
{
	if (seconds < 120)
		snprintf(buf, size, _("%.0f s"), seconds);
	else if (seconds < 7200)
		snprintf(buf, size, _("%.0f min"), seconds / 60);
	else
		snprintf(buf, size, _("%.0f h"), seconds / 3600);
}

int cli_robust_budget(const char *cmd, size_t agencies, size_t draws, unsigned threads)
{
	/* threads beyond the cores run no faster */
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned cores = online > 64 ? 64 : online > 0 ? (unsigned)online : 1;
	if (threads == 0 || threads > cores)
		threads = cores;
	double per_draw = (double)agencies * ROBUST_SECONDS_PER_AGENCY_DRAW / threads;
	double seconds = (double)draws * per_draw;
	if (seconds <= ROBUST_MAX_SECONDS)
		return 0;
	/* the most draws within the bound, cut to two significant digits */
	double most = ROBUST_MAX_SECONDS / per_draw, unit = 1;
	while (most / unit >= 100)
		unit *= 10;
	char took[64], bound[64], over[96], on[64];
	fmt_duration(took, sizeof took, seconds);
	fmt_duration(bound, sizeof bound, ROBUST_MAX_SECONDS);
	snprintf(over, sizeof over, ngettext("%zu agency", "%zu agencies", agencies), agencies);
	snprintf(on, sizeof on, ngettext("%u thread", "%u threads", threads), threads);
	/* TRANSLATORS: "100000000 draws over 21 agencies would take about 35 min on 1 thread, past
	 * the 10 min a run may take: give --draws 28000000 or fewer" */
	return cli_usage_error(cmd, ngettext("%zu draw over %s would take about %s on %s, past the %s "
	                                     "a run may take: give --draws %.0f or fewer",
	                                     "%zu draws over %s would take about %s on %s, past the "
	                                     "%s a run may take: give --draws %.0f or fewer", draws),
	                       draws, over, took, on, bound, unit * (double)(long long)(most / unit));
}

static int parse_percent(const char *s, double *out)
{
	char *end;
	if (!s)
		return -1;
	if (strncmp(s, "\xC2\xB1", 2) == 0) /* "±10%" is accepted as written */
		s += 2;
	double v = strtod(s, &end);
	if (end == s || (*end && strcmp(end, "%") != 0) || !(v >= 0 && v < 100))
		return -1;
	*out = v;
	return 0;
}

int cmd_robust(int argc, char **argv)
{
	cli_output out = {"text", CCHC_LANG_VI, NULL};
	cchc_robust_options opt = {1000, 1, 0, 1, 0, 0};
	const char *draws = NULL, *seed = NULL, *weights = NULL, *threads = NULL, *target = NULL;
	const char *replace = NULL;
	char **now = calloc((size_t)argc, sizeof *now), **prev = calloc((size_t)argc, sizeof *prev);
	size_t nnow = 0, nprev = 0;
	int in_prev = 0, saw_prev = 0, status = CLI_USAGE;
	if (!now || !prev)
		goto usage_done;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			status = CLI_OK;
			goto usage_done;
		}
		if (strcmp(argv[i], "--previous") == 0 || strcmp(argv[i], "--no-survey") == 0) {
			in_prev = argv[i][2] == 'p';
			saw_prev |= in_prev;
			if (!in_prev)
				opt.survey = 0;
			continue;
		}
		int rc = cli_output_option(argc, argv, &i, &out);
		const char *names[] = {"--draws", "--seed", "--weights", "--threads", "--target-rank",
		                       "--replace"};
		const char **slots[] = {&draws, &seed, &weights, &threads, &target, &replace};
		for (size_t k = 0; k < 6 && rc == 0; k++)
			rc = cli_option_value(argc, argv, &i, names[k], slots[k]);
		if (rc < 0)
			goto usage_done;
		if (rc > 0) {
			in_prev = 0;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_usage_error("robust", _("unknown option %s"), argv[i]);
			goto usage_done;
		}
		if (in_prev)
			prev[nprev++] = argv[i];
		else
			now[nnow++] = argv[i];
	}
	unsigned long long v;
	if (draws && (cli_parse_count(draws, 100000000ull, &v) < 0 || v == 0)) {
		cli_usage_error("robust", _("--draws takes a count from 1 to 100000000"));
		goto usage_done;
	}
	opt.draws = draws ? (size_t)v : opt.draws;
	if (seed && cli_parse_count(seed, 9007199254740991ull, &v) < 0) {
		cli_usage_error("robust", _("--seed takes a whole number below 2^53"));
		goto usage_done;
	}
	opt.seed = seed ? (uint64_t)v : opt.seed;
	if (threads && (cli_parse_count(threads, 64, &v) < 0 || v == 0)) {
		cli_usage_error("robust", _("--threads takes 1 to 64"));
		goto usage_done;
	}
	opt.threads = threads ? (unsigned)v : 0;
	if (target && (cli_parse_count(target, 1000000, &v) < 0 || v == 0)) {
		cli_usage_error("robust", _("--target-rank takes a rank: 1, 2, 3, …"));
		goto usage_done;
	}
	opt.target_rank = target ? (size_t)v : 0;
	if (weights && parse_percent(weights, &opt.weights_pct) < 0) {
		cli_usage_error("robust", _("--weights takes a percentage from 0 to below 100, e.g. 10"));
		goto usage_done;
	}
	if (!opt.survey && opt.weights_pct == 0) {
		cli_usage_error("robust", _("--no-survey leaves nothing to vary: add --weights P"));
		goto usage_done;
	}
	if (strcmp(out.format, "text") != 0 && strcmp(out.format, "json") != 0) {
		cli_usage_error("robust", _("--format takes text or json"));
		goto usage_done;
	}
	if (saw_prev && nprev == 0) {
		cli_previous_missing("robust");
		goto usage_done;
	}
	if (nnow < 2) {
		cli_usage_error("robust", _("give the criteria set and the assessments (files or folders)"));
		goto usage_done;
	}
	const char *option = "-o";
	cli_path_list ins[] = {{now, nnow}, {prev, nprev}, {(char *const *)&replace, !!replace}};
	if (cli_outputs_check("robust", &out.output, &option, 1, ins, 3) != 0)
		goto usage_done;

	status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cli_inputs in = {0}, pin = {0};
	cchc_score **scores = NULL, **pscores = NULL;
	cchc_ranking *ranking = NULL, *pranking = NULL;
	cchc_robust *robust = NULL;
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	in.replace = replace;
	if (!diag || cli_inputs_load(&in, now, nnow, diag) < 0 ||
	    cli_score_and_rank(&in, &scores, &ranking, diag) < 0)
		goto done;
	if (nprev && (cli_inputs_load(&pin, prev, nprev, diag) < 0 ||
	              cli_score_and_rank(&pin, &pscores, &pranking, diag) < 0))
		goto done;
	if (cli_robust_budget("robust", in.nassessments, opt.draws, opt.threads) != 0) {
		status = CLI_USAGE;
		goto done;
	}
	if (cchc_robust_run(&robust, ranking, pranking, &opt, diag) < 0)
		goto done;
	if ((strcmp(out.format, "json") == 0 ? cchc_render_robust_json(&buf, robust)
	                                     : cchc_render_robust_text(&buf, robust, out.lang)) < 0) {
		cli_render_failed("cchc", _("the analysis"), &buf, _("study one block at a time"));
		goto done;
	}
	status = cli_emit(&buf, &out);
done:
	if (diag)
		cli_print_diag(diag);
	cchc_buf_dispose(&buf);
	cchc_robust_free(robust);
	cchc_ranking_free(ranking);
	cchc_ranking_free(pranking);
	cli_scores_free(scores, in.nassessments);
	cli_scores_free(pscores, pin.nassessments);
	cli_inputs_free(&in);
	cli_inputs_free(&pin);
	cchc_diag_free(diag);
usage_done:
	free(now);
	free(prev);
	return status;
}
