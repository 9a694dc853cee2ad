/* The criteria set's private representation, shared by the loader, the
 * semantic checker and the assessment loader. */
#ifndef CCHC_CRITERIA_PRIV_H
#define CCHC_CRITERIA_PRIV_H

#include <libxml/xmlschemas.h>

#include "cchc/criteria.h"

struct cchc_criteria {
	char *file;
	char *id;
	char *title;
	char *block; /* NULL: the set's id */
	int year;
	long line; /* of <criteria-set>, for set-wide diagnostics */
	cchc_points max;
	cchc_na_policy na;
	int survey_rescales;
	int require_docs;
	cchc_points self_tolerance; /* hundredths of a percent; with self_penalty > 0 */
	cchc_points self_penalty;   /* 0: no self-check */
	cchc_band *bands;
	size_t nbands;
	cchc_node **groups;
	size_t ngroups;
	cchc_node **nodes; /* preorder; node->index is the position */
	size_t nnodes;
	size_t nleaves;
	cchc_node **by_id; /* sorted by id, for lookup */
	xmlSchemaPtr assessment_schema; /* compiled once per set, used for every assessment */
};

/* Semantic checks beyond the schema; returns the number of problems found. */
size_t cchc_criteria_check(const cchc_criteria *set, cchc_diag *diag);

#endif
