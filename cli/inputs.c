/* Expand folders, sort files by kind, load sets first and assessments after. */
#define _POSIX_C_SOURCE 200809L /* opendir, stat */
#include "inputs.h"

#include "cchc/workbook.h"
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	char **paths;
	size_t n, cap;
} path_list;

static int push(path_list *l, const char *path)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **p = realloc(l->paths, cap * sizeof *p);
		if (!p)
			return -1;
		l->paths = p;
		l->cap = cap;
	}
	size_t len = strlen(path);
	char *copy = malloc(len + 1);
	if (!copy)
		return -1;
	memcpy(copy, path, len + 1);
	l->paths[l->n++] = copy;
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What a folder offers: *.xml files and *.xlsx workbooks (each then told apart by content). */
static int ends_with_xml(const char *name)
{
	size_t n = strlen(name);
	return (n > 4 && strcmp(name + n - 4, ".xml") == 0) ||
	       (n > 5 && strcmp(name + n - 5, ".xlsx") == 0);
}

/* A folder's *.xml files and subfolders, depth first in name order, so that the
 * order (and so every listing) is the same on every machine. Hidden entries are
 * skipped. */
static int walk(path_list *out, const char *dir, cchc_diag *diag, int depth)
{
	if (depth > 32) {
		cchc_diag_addf(diag, dir, 0, _("folders nest too deep (over 32 levels)"));
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		cchc_diag_addf(diag, dir, 0, _("cannot read the folder: %s"), strerror(errno));
		return -1;
	}
	path_list here = {0};
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = malloc(len);
		if (!path) {
			rc = -1;
			break;
		}
		snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		rc = push(&here, path);
		free(path);
	}
	closedir(d);
	if (here.n > 1) /* an empty folder's list is NULL, which qsort may not take */
		qsort(here.paths, here.n, sizeof *here.paths, by_path);
	for (size_t i = 0; i < here.n && rc == 0; i++) {
		struct stat st;
		if (stat(here.paths[i], &st) != 0)
			continue; /* vanished or a dangling link: nothing to read */
		if (S_ISDIR(st.st_mode))
			rc = walk(out, here.paths[i], diag, depth + 1);
		else if (S_ISREG(st.st_mode) && ends_with_xml(here.paths[i]))
			rc = push(out, here.paths[i]);
	}
	for (size_t i = 0; i < here.n; i++)
		free(here.paths[i]);
	free(here.paths);
	if (rc < 0 && cchc_diag_count(diag) == 0)
		cchc_diag_addf(diag, dir, 0, _("out of memory listing the folder"));
	return rc;
}

static int expand(path_list *out, char *const *args, size_t nargs, cchc_diag *diag)
{
	int rc = 0;
	for (size_t i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = out->n;
			if (walk(out, args[i], diag, 0) < 0) {
				rc = -1;
			} else if (out->n == before) {
				cchc_diag_addf(diag, args[i], 0,
				               _("nothing to read: no file to read in this folder (hidden "
				                 "files and folders are skipped); give the folder that holds "
				                 "the criteria sets, assessments or plans"));
				rc = -1;
			}
		} else if (push(out, args[i]) < 0) {
			cchc_diag_addf(diag, args[i], 0, _("out of memory"));
			return -1;
		}
	}
	return rc;
}

int cli_expand(char *const *args, size_t nargs, char ***paths, size_t *npaths, cchc_diag *diag)
{
	path_list files = {0};
	int rc = expand(&files, args, nargs, diag);
	*paths = files.paths;
	*npaths = files.n;
	return rc;
}

void cli_paths_free(char **paths, size_t npaths)
{
	for (size_t i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
}

/* One set per id and one per block: otherwise an assessment could not say which it means. */
static void check_sets(const cli_inputs *in, cchc_diag *diag)
{
	for (size_t i = 0; i < in->nsets; i++)
		for (size_t j = 0; j < i; j++) {
			const cchc_criteria *a = in->sets[j], *b = in->sets[i];
			if (strcmp(cchc_criteria_id(a), cchc_criteria_id(b)) == 0)
				cchc_diag_addf(diag, cchc_criteria_file(b), 0,
				               _("criteria set \"%s\" is also given as %s: give each set once"),
				               cchc_criteria_id(b), cchc_criteria_file(a));
			else if (strcmp(cchc_criteria_block(a), cchc_criteria_block(b)) == 0)
				cchc_diag_addf(diag, cchc_criteria_file(b), 0,
				               _("criteria sets \"%s\" and \"%s\" (%s) both rank block \"%s\": give "
				                 "one set per block"),
				               cchc_criteria_id(b), cchc_criteria_id(a), cchc_criteria_file(a),
				               cchc_criteria_block(b));
		}
}

/* A file may be a bundle of many assessments: the arrays grow as they stream
 * in, and each is scored (and slimmed when asked) before the next is read. */
typedef struct {
	cli_inputs *in;
	cchc_diag *diag;
	int slim;
	const char *keep_full;
	const char *skip; /* --replace: the agency whose assessments in the inputs are left out */
	size_t skipped;
} keeper;

static int keep_assessment(cchc_assessment *a, void *user)
{
	keeper *k = user;
	cli_inputs *in = k->in;
	if (k->skip && strcmp(cchc_assessment_agency_id(a), k->skip) == 0) {
		k->skipped++; /* the --replace file stands in for it */
		cchc_assessment_free(a);
		return 0;
	}
	if (in->nassessments == in->capacity) {
		size_t cap = in->capacity ? 2 * in->capacity : 64;
		cchc_assessment **grown = realloc(in->assessments, cap * sizeof *grown);
		if (grown)
			in->assessments = grown;
		cchc_score **more = grown ? realloc(in->scores, cap * sizeof *more) : NULL;
		if (more)
			in->scores = more;
		if (!grown || !more)
			goto oom;
		in->capacity = cap;
	}
	cchc_score *s = NULL;
	if (cchc_score_compute(&s, a) < 0)
		goto oom;
	if (k->slim) {
		size_t set = 0;
		while (set < in->nsets && in->sets[set] != s->set)
			set++;
		if (set == in->nsets || cchc_tally_add(in->tallies[set], s) < 0) {
			cchc_score_free(s);
			goto oom;
		}
		if (!k->keep_full || strcmp(cchc_assessment_agency_id(a), k->keep_full) != 0) {
			if (cchc_score_slim(s) < 0) {
				cchc_score_free(s);
				goto oom;
			}
			cchc_assessment_slim(a);
		}
	}
	in->assessments[in->nassessments] = a;
	in->scores[in->nassessments++] = s;
	return 0;
oom:
	cchc_diag_addf(k->diag, cchc_assessment_file(a), cchc_assessment_line(a), _("out of memory"));
	cchc_assessment_free(a);
	return -1;
}

/* A filled self-assessment workbook (zip content): read through the importer,
 * kept like any assessment. */
static void load_workbook(cli_inputs *in, const char *path, keeper *keep, cchc_diag *diag)
{
	cchc_assessment *a = NULL;
	if (cchc_workbook_load(&a, path, (const cchc_criteria *const *)in->sets, in->nsets,
	                       cli_messages_lang == CCHC_LANG_EN, diag) == 0)
		keep_assessment(a, keep);
}

/* --replace FILE: read and keep it first, then leave out its agency's other assessments. */
static int replace_first(cli_inputs *in, const char *path, keeper *keep, char **skip,
                         cchc_diag *diag)
{
	cchc_assessment *a = NULL;
	if (cli_assessment_load(&a, path, (const cchc_criteria *const *)in->sets, in->nsets, 0,
	                        diag) < 0)
		return -1;
	const char *id = cchc_assessment_agency_id(a);
	size_t len = strlen(id) + 1;
	if (!(*skip = malloc(len))) {
		cchc_assessment_free(a);
		cchc_diag_addf(diag, path, 0, _("out of memory"));
		return -1;
	}
	memcpy(*skip, id, len);
	return keep_assessment(a, keep);
}

static int load(cli_inputs *in, char *const *args, size_t nargs, int slim, const char *keep_full,
                cchc_diag *diag)
{
	path_list files = {0};
	const char *replace = in->replace;
	memset(in, 0, sizeof *in);
	in->replace = replace;
	size_t before = cchc_diag_count(diag);
	int rc = expand(&files, args, nargs, diag);
	in->sets = calloc(files.n ? files.n : 1, sizeof *in->sets);
	unsigned char *is_set = calloc(files.n ? files.n : 1, 1);
	if (!in->sets || !is_set) {
		cchc_diag_addf(diag, NULL, 0, _("out of memory"));
		rc = -1;
		goto done;
	}
	/* Sets first, wherever they stand among the arguments. */
	for (size_t i = 0; i < files.n; i++) {
		cchc_file_kind kind = cchc_file_sniff(files.paths[i]);
		if (kind == CCHC_FILE_UNREADABLE || kind == CCHC_FILE_NOT_REGULAR) {
			if (kind == CCHC_FILE_NOT_REGULAR)
				cchc_diag_addf(diag, files.paths[i], 0, _("not a regular file: give XML files or folders"));
			else
				cchc_diag_addf(diag, files.paths[i], 0, _("cannot open the file: %s"), strerror(errno));
			is_set[i] = 2; /* reported */
		} else if (kind == CCHC_FILE_CRITERIA) {
			is_set[i] = 1;
			cchc_criteria *set = NULL;
			if (cchc_criteria_load(&set, files.paths[i], diag) == 0)
				in->sets[in->nsets++] = set;
		} else if (kind == CCHC_FILE_PLAN) {
			cchc_diag_addf(diag, files.paths[i], 0,
			               _("this is an uplift plan, not an assessment: leave it out here"));
			is_set[i] = 2;
		}
	}
	check_sets(in, diag);
	if (in->nsets == 0 && cchc_diag_count(diag) == before)
		cchc_diag_addf(diag, NULL, 0, _("no criteria set given: name its file, e.g. "
		                                "criteria/hue-so-2018.xml"));
	/* Anything else is read as an assessment: a file that is not one gets the
	 * loader's exact complaint (line, what is wrong). */
	if (slim && in->nsets > 0) {
		in->tallies = calloc(in->nsets, sizeof *in->tallies);
		for (size_t k = 0; in->tallies && k < in->nsets; k++)
			if (!(in->tallies[k] = cchc_tally_new(in->sets[k])))
				break;
		if (!in->tallies || !in->tallies[in->nsets - 1]) {
			cchc_diag_addf(diag, NULL, 0, _("out of memory"));
			rc = -1;
			goto done;
		}
	}
	keeper keep = {in, diag, slim, keep_full, NULL, 0};
	char *skip = NULL;
	if (replace && in->nsets > 0 && replace_first(in, replace, &keep, &skip, diag) < 0)
		rc = -1;
	keep.skip = skip;
	for (size_t i = 0; i < files.n && in->nsets > 0; i++)
		if (!is_set[i] && cchc_workbook_sniff(files.paths[i]))
			load_workbook(in, files.paths[i], &keep, diag);
		else if (!is_set[i])
			cchc_assessment_stream((const cchc_criteria *const *)in->sets, in->nsets,
			                       files.paths[i], keep_assessment, &keep, diag);
	if (skip && keep.skipped == 0 && rc == 0)
		cchc_diag_addf(diag, replace, 0,
		               _("--replace: agency \"%s\" has no assessment among the inputs to stand "
		                 "in for: give the inputs that hold its result, or leave --replace out"),
		               skip);
	free(skip);
done:
	for (size_t i = 0; i < files.n; i++)
		free(files.paths[i]);
	free(files.paths);
	free(is_set);
	return rc == 0 && cchc_diag_count(diag) == before ? 0 : -1;
}

int cli_inputs_load(cli_inputs *in, char *const *args, size_t nargs, cchc_diag *diag)
{
	return load(in, args, nargs, 0, NULL, diag);
}

int cli_inputs_load_slim(cli_inputs *in, char *const *args, size_t nargs, const char *keep_full,
                         cchc_diag *diag)
{
	return load(in, args, nargs, 1, keep_full, diag);
}

void cli_inputs_free(cli_inputs *in)
{
	cli_scores_free(in->scores, in->nassessments);
	for (size_t k = 0; in->tallies && k < in->nsets; k++)
		cchc_tally_free(in->tallies[k]);
	free(in->tallies);
	for (size_t i = 0; i < in->nassessments; i++)
		cchc_assessment_free(in->assessments[i]);
	for (size_t i = 0; i < in->nsets; i++)
		cchc_criteria_free(in->sets[i]);
	free(in->assessments);
	free(in->sets);
	memset(in, 0, sizeof *in);
}

int cli_score_and_rank(cli_inputs *in, cchc_score ***scores, cchc_ranking **ranking,
                       cchc_diag *diag)
{
	*ranking = NULL;
	*scores = in->scores;
	in->scores = NULL;
	if (in->nassessments == 0) {
		cchc_diag_addf(diag, NULL, 0, _("no assessment given: give assessment files or folders"));
		return -1;
	}
	return cli_rank(in, (const cchc_score *const *)*scores, in->nassessments, ranking, diag);
}

int cli_rank(const cli_inputs *in, const cchc_score *const *scores, size_t n,
             cchc_ranking **ranking, cchc_diag *diag)
{
	return cchc_ranking_build_tallied(ranking, scores, n, in->tallies,
	                                  in->tallies ? in->nsets : 0, diag);
}

void cli_scores_free(cchc_score **scores, size_t n)
{
	for (size_t i = 0; scores && i < n; i++)
		cchc_score_free(scores[i]);
	free(scores);
}

int cli_assessment_load(cchc_assessment **a, const char *path, const cchc_criteria *const *sets,
                        size_t nsets, int english, cchc_diag *diag)
{
	return cchc_workbook_sniff(path) ? cchc_workbook_load(a, path, sets, nsets, english, diag)
	                                 : cchc_assessment_load(a, sets, nsets, path, diag);
}
