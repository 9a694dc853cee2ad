/* Gathering inputs for commands that take criteria sets and assessments in
 * any order, as files or folders (searched recursively for *.xml). */
#ifndef CCHC_CLI_INPUTS_H
#define CCHC_CLI_INPUTS_H

#include <stddef.h>

#include "cchc/cchc.h"

typedef struct {
	cchc_criteria **sets;
	size_t nsets;
	cchc_assessment **assessments; /* in path order, a bundle's in file order */
	cchc_score **scores;           /* scores[i] of assessments[i], scored as it streamed in */
	size_t nassessments, capacity;
	cchc_tally **tallies;          /* slim loads: tallies[k] counts the scores of sets[k] */
	/* Set before loading (load keeps it): an assessment file (XML or .xlsx) that
	 * stands in for the one of the same agency among the inputs (--replace). */
	const char *replace;
} cli_inputs;

/*
 * Load every criteria set, then every assessment against them (each picks its
 * set by criteria-set="…"), scoring each as it arrives. Every problem in every
 * file lands in diag; two sets with one id or one block are an error. Returns
 * 0 when all loaded cleanly.
 */
int cli_inputs_load(cli_inputs *in, char *const *args, size_t nargs, cchc_diag *diag);

/*
 * The same for commands that rank many agencies but report on one at most:
 * each score is counted in its set's tally, then it and its assessment are
 * slimmed (cchc_score_slim, cchc_assessment_slim), except for the agency
 * keep_full names (NULL: none), so that memory follows the criteria tree and
 * the number of agencies, not the evidence read. Rank them with
 * cli_score_and_rank or cli_rank.
 */
int cli_inputs_load_slim(cli_inputs *in, char *const *args, size_t nargs, const char *keep_full,
                         cchc_diag *diag);

void cli_inputs_free(cli_inputs *in);

/* One agency's assessment file, XML or a filled self-assessment workbook (told
 * apart by content; the workbook's messages in English when english). 0, or -1. */
int cli_assessment_load(cchc_assessment **a, const char *path, const cchc_criteria *const *sets,
                        size_t nsets, int english, cchc_diag *diag);

/* Rank n of in's scores (in's own, or a selection of them) with in's tallies. */
int cli_rank(const cli_inputs *in, const cchc_score *const *scores, size_t n,
             cchc_ranking **ranking, cchc_diag *diag);

/*
 * Rank in's scored assessments into blocks. The scores array passes to the
 * caller (cli_scores_free), even on failure. Returns 0, or -1 with the
 * problem in diag.
 */
int cli_score_and_rank(cli_inputs *in, cchc_score ***scores, cchc_ranking **ranking,
                       cchc_diag *diag);
void cli_scores_free(cchc_score **scores, size_t n);

/*
 * The files args name, folders expanded to their *.xml files (recursively, in
 * name order, hidden entries skipped). *paths is an array the caller frees
 * with cli_paths_free. Returns 0, or -1 with the problems in diag.
 */
int cli_expand(char *const *args, size_t nargs, char ***paths, size_t *npaths, cchc_diag *diag);
void cli_paths_free(char **paths, size_t npaths);

#endif
