/* cchc import: filled self-assessment workbooks to assessment XML. */
#define _POSIX_C_SOURCE 200809L /* stat, mkdir */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cchc/workbook.h"
#include "cli.h"
#include "outputs.h"
#include "inputs.h"

static const char *const usage = N_(
	"Usage: cchc import CRITERIA.xml... WORKBOOK.xlsx... -o DIR [--lang vi|en]\n"
	"       cchc import [PLAN.xml...] PLAN.xlsx... -o DIR [--lang vi|en]\n"
	"       cchc import CRITERIA.xlsx... -o DIR [--lang vi|en]\n"
	"\n"
	"Read filled self-assessment workbooks (written by `cchc template`, or any\n"
	"producer following sheets/README.md) and write the equivalent assessment XML,\n"
	"one AGENCY.xml per workbook in DIR, for archiving and for the other tools.\n"
	"Every problem of every workbook is reported, by sheet and cell, at once; then\n"
	"nothing is written. A plan's progress workbook (from `cchc template`)\n"
	"needs no criteria set: it becomes PLAN-ID.xml, the plan it carries with each\n"
	"task's status from its row; a plan file given beside it must be that plan.\n"
	"A criteria-set workbook (from `cchc template` given a set to draft, edited\n"
	"or not) becomes SET-ID.xml: every cell and every check of the criteria\n"
	"loader, reported by sheet and cell.\n"
	"\n"
	"  -o, --output DIR    the folder to write into (created if missing)\n"
	"  --lang vi|en        language of the messages (default vi)\n"
	"\n"
	"Exit status: 0 written, 1 invalid input, 2 usage error.\n");

typedef struct {
	char *name;
	cchc_buf xml;
} converted;

/* A plan workbook into c: the plan's XML with the workbook's statuses, named by the plan's id. */
static void plan_book(converted *c, const converted *books, size_t nbooks, const char *dir, const char *path,
                      cchc_plan *const *given, size_t ngiven, int english, cchc_diag *diag)
{
	cchc_plan *plan = NULL;
	cchc_buf_init(&c->xml, 0);
	if (cchc_plan_workbook_to_xml(&c->xml, path, english, diag) < 0 ||
	    cchc_plan_load_memory(&plan, c->xml.data, c->xml.len, path, diag) < 0)
		return;
	c->name = malloc(strlen(dir) + strlen(plan->id) + 6);
	if (c->name)
		sprintf(c->name, "%s/%s.xml", dir, plan->id);
	else
		cchc_diag_addf(diag, path, 0, _("out of memory"));
	size_t g = 0;
	while (g < ngiven && strcmp(given[g]->id, plan->id) != 0)
		g++;
	if (ngiven && g == ngiven)
		cchc_diag_addf(diag, path, 0,
		               english ? "the workbook is plan \"%s\", which is not among the plans given: give its plan "
		                         "file, or none (the workbook carries its plan)"
		                       : "sổ là của kế hoạch \"%s\", không có trong các kế hoạch đã cho: đưa tệp kế hoạch "
		                         "đó, hoặc không đưa (sổ đã mang kế hoạch)",
		               plan->id);
	for (size_t k = 0; c->name && k < nbooks; k++)
		if (books[k].name && strcmp(books[k].name, c->name) == 0)
			cchc_diag_addf(diag, path, 0,
			               english ? "plan \"%s\" is imported twice: give each plan's workbook once"
			                       : "kế hoạch \"%s\" được nhập hai lần: mỗi kế hoạch chỉ đưa một sổ",
			               plan->id);
	cchc_plan_free(plan);
}

/* A criteria-set workbook into c: the set's XML, named by its id. */
static void set_book(converted *c, const converted *books, size_t nbooks, const char *dir, const char *path,
                     int english, cchc_diag *diag)
{
	cchc_criteria *set = NULL;
	cchc_buf_init(&c->xml, 0);
	if (cchc_criteria_workbook_to_xml(&c->xml, path, english, diag) < 0 ||
	    cchc_criteria_load_memory(&set, c->xml.data, c->xml.len, path, diag) < 0)
		return;
	const char *id = cchc_criteria_id(set);
	if ((c->name = malloc(strlen(dir) + strlen(id) + 6)) != NULL)
		sprintf(c->name, "%s/%s.xml", dir, id);
	else
		cchc_diag_addf(diag, path, 0, _("out of memory"));
	for (size_t k = 0; c->name && k < nbooks; k++)
		if (books[k].name && strcmp(books[k].name, c->name) == 0)
			cchc_diag_addf(diag, path, 0,
			               english ? "criteria set \"%s\" is imported twice: give each set's workbook once"
			                       : "bộ tiêu chí \"%s\" được nhập hai lần: mỗi bộ chỉ đưa một sổ",
			               id);
	cchc_criteria_free(set);
}

int cmd_import(int argc, char **argv)
{
	cli_output out = {"xml", CCHC_LANG_VI, NULL};
	char **args = calloc((size_t)argc, sizeof *args);
	size_t nargs = 0;
	if (!args)
		return CLI_INVALID;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			free(args);
			fputs(_(usage), stdout);
			return CLI_OK;
		}
		int rc = cli_output_option(argc, argv, &i, &out);
		if (rc < 0) {
			free(args);
			return CLI_USAGE;
		}
		if (rc > 0)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			free(args);
			return cli_usage_error("import", _("unknown option %s"), argv[i]);
		}
		args[nargs++] = argv[i];
	}
	if (!out.output || nargs == 0) {
		free(args);
		return cli_usage_error("import", nargs ? _("give the folder to write: -o DIR")
		                                       : _("give a criteria file and workbooks"));
	}
	const int english = out.lang == CCHC_LANG_EN;
	int status = CLI_INVALID;
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria **sets = calloc(nargs, sizeof *sets);
	converted *books = calloc(nargs, sizeof *books);
	unsigned char *is_plan = calloc(nargs, 1);
	cchc_plan **plans = calloc(nargs, sizeof *plans); /* plan files given beside their workbooks */
	size_t nsets = 0, nbooks = 0, nassessments = 0, nplans = 0;
	if (!diag || !sets || !books || !is_plan || !plans)
		goto done;
	/* criteria sets are told apart by content, workbooks by their zip magic */
	for (size_t i = 0; i < nargs; i++) {
		if (cchc_workbook_sniff(args[i])) {
			is_plan[i] = cchc_plan_workbook_sniff(args[i]) ? 1 : cchc_criteria_workbook_sniff(args[i]) ? 2 : 0;
			nassessments += !is_plan[i];
			continue;
		}
		cchc_diag *quiet = cchc_diag_new();
		int a_plan = quiet && cchc_plan_load(&plans[nplans], args[i], quiet) == 0;
		cchc_diag_free(quiet);
		if (a_plan) {
			nplans++;
			continue;
		}
		cchc_criteria *set = NULL;
		if (cchc_criteria_load(&set, args[i], diag) == 0)
			sets[nsets++] = set;
	}
	if (nsets == 0 && nassessments && cchc_diag_count(diag) == 0)
		cchc_diag_addf(diag, NULL, 0, _("no criteria set given: name its file, e.g. "
		                                "criteria/hue-so-2018.xml"));
	for (size_t i = 0; i < nargs; i++) {
		if (is_plan[i] == 2) {
			set_book(&books[nbooks], books, nbooks, out.output, args[i], english, diag);
			nbooks++;
			continue;
		}
		if (is_plan[i]) {
			plan_book(&books[nbooks], books, nbooks, out.output, args[i], plans, nplans, english, diag);
			nbooks++;
			continue;
		}
		if (!nsets || !cchc_workbook_sniff(args[i]))
			continue;
		/* loaded for every check of the loader, then written as the XML it was loaded from */
		cchc_assessment *a = NULL;
		if (cchc_workbook_load(&a, args[i], (const cchc_criteria *const *)sets, nsets, english,
		                       diag) < 0)
			continue;
		converted *c = &books[nbooks++];
		cchc_buf_init(&c->xml, 0);
		const char *id = cchc_assessment_agency_id(a);
		c->name = malloc(strlen(out.output) + strlen(id) + 6);
		if (c->name)
			sprintf(c->name, "%s/%s.xml", out.output, id);
		for (size_t k = 0; k + 1 < nbooks; k++)
			if (c->name && books[k].name && strcmp(books[k].name, c->name) == 0)
				cchc_diag_addf(diag, args[i], 0,
				               english ? "agency \"%s\" is imported twice: give each agency's workbook once"
				                       : "cơ quan \"%s\" được nhập hai lần: mỗi cơ quan chỉ đưa một sổ",
				               id);
		cchc_assessment_free(a);
		if (!c->name || cchc_workbook_to_xml(&c->xml, args[i], (const cchc_criteria *const *)sets,
		                                     nsets, english, diag) < 0)
			cchc_diag_addf(diag, args[i], 0, _("out of memory"));
	}
	if (cchc_diag_count(diag) > 0)
		goto done;
	/* never write an AGENCY.xml over one of the inputs (a criteria set named like an agency) */
	for (size_t k = 0; k < nbooks; k++)
		if (cli_output_check("import", books[k].name, (char *const *)args, nargs) != 0) {
			status = CLI_USAGE;
			goto done;
		}
	if (mkdir(out.output, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, _("%s: error: cannot create the folder: %s\n"), out.output, strerror(errno));
		goto done;
	}
	status = CLI_OK;
	for (size_t k = 0; k < nbooks; k++)
		if (cchc_write_file_atomic(books[k].name, books[k].xml.data, books[k].xml.len) < 0) {
			fprintf(stderr, _("%s: error: cannot write: %s\n"), books[k].name, strerror(errno));
			status = CLI_INVALID;
		}
done:
	cli_print_diag(diag);
	for (size_t k = 0; books && k < nbooks; k++) {
		free(books[k].name);
		cchc_buf_dispose(&books[k].xml);
	}
	free(books);
	for (size_t i = 0; i < nsets; i++)
		cchc_criteria_free(sets[i]);
	free(sets);
	free(is_plan);
	for (size_t i = 0; plans && i < nplans; i++)
		cchc_plan_free(plans[i]);
	free(plans);
	free(args);
	cchc_diag_free(diag);
	return status;
}
