/**
 * @file assessment.h
 * One agency's assessment for one year: its evidence per leaf criterion,
 * its own claims (tự chấm), the council's appraisal rounds and survey data.
 * An assessment is bound to the criteria set it was loaded against and must
 * not outlive it.
 *
 * Ownership: everything reachable from a cchc_assessment is owned by it.
 */
#ifndef CCHC_ASSESSMENT_H
#define CCHC_ASSESSMENT_H

#include <stddef.h>

#include "cchc/criteria.h"
#include "cchc/diag.h"
#include "cchc/points.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which evidence attributes an item carries. */
enum {
	CCHC_HAS_MET = 1 << 0,
	CCHC_HAS_VALUE = 1 << 1,
	CCHC_HAS_COUNT = 1 << 2,
	CCHC_HAS_DATE = 1 << 3,
	CCHC_HAS_RATIO = 1 << 4, /**< numerator and denominator */
	CCHC_HAS_GRADE = 1 << 5,
	CCHC_HAS_POINTS = 1 << 6,
	CCHC_HAS_SELF = 1 << 7,
	CCHC_HAS_SURVEY_MEAN = 1 << 8,   /**< respondents, mean, sd */
	CCHC_HAS_SURVEY_ANSWERS = 1 << 9 /**< answer counts per option */
};

/** A piece of evidence (tài liệu kiểm chứng). */
typedef struct cchc_doc {
	char *ref;
	char *file; /**< relative to the assessment's folder; may be NULL */
	long line;
} cchc_doc;

/** One appraisal round by the council. */
typedef struct cchc_appraisal {
	int round;
	cchc_points points;
	char *by;     /**< may be NULL */
	char *reason; /**< may be NULL */
	long line;
} cchc_appraisal;

/** The evidence for one leaf criterion (an <item> and/or a <survey>). */
typedef struct cchc_item {
	const cchc_node *node;
	long line;
	int given;                 /**< an <item> element was given (not only an appraisal) */
	unsigned has;              /**< CCHC_HAS_* bits */
	int na;                    /**< declared not applicable */
	int met;
	cchc_decimal value;
	int64_t count;
	cchc_date date;
	int64_t numerator, denominator;
	size_t grade;              /**< index into node->rule.grades */
	cchc_points points;        /**< judged */
	cchc_points self;          /**< the agency's claim */
	char *note;
	cchc_doc *docs;
	size_t ndocs;
	cchc_appraisal *rounds;    /**< sorted by round, ascending */
	size_t nrounds;
	/* survey */
	int64_t respondents;
	cchc_decimal mean, sd;
	int64_t *answers;          /**< counts aligned with node->rule.options */
} cchc_item;

/** One group's published points (<published><group id= points=/>). */
typedef struct cchc_published_group {
	const cchc_node *group; /**< a group of the assessment's criteria set */
	cchc_points points;
	long line;
} cchc_published_group;

/**
 * One criterion's published points (<published><criterion id= points=/>):
 * those the publishing document gives it, or its max where it lists the
 * criterion as achieved.
 */
typedef struct cchc_published_criterion {
	const cchc_node *criterion; /**< a criterion (not a group) of the set, at any depth */
	cchc_points points;
	long line;
} cchc_published_criterion;

/**
 * The figures the province published for the agency (<published>), each
 * optional, to be set against the computed ones (cchc_published_compare()).
 */
typedef struct cchc_published {
	long line;                           /**< of <published> */
	int has_total;
	cchc_points total;
	size_t rank;                         /**< its rank in its block; 0 when not given */
	const cchc_band *band;               /**< one of the set's bands; NULL when not given */
	const char *source;                  /**< the publishing document; may be NULL */
	const cchc_published_group *groups;  /**< in document order, each group once */
	size_t ngroups;
	const cchc_published_criterion *criteria; /**< in document order, each criterion once */
	size_t ncriteria;
} cchc_published;

/** A loaded assessment (opaque). */
typedef struct cchc_assessment cchc_assessment;

/**
 * Load a file of one assessment (root <assessment>) and check it against the
 * criteria set its `criteria-set` attribute names, chosen among
 * sets[0..nsets-1]. Bundles are read with cchc_assessment_stream().
 * @param[out] out the assessment on success, NULL otherwise
 * @return 0 on success, -1 if invalid (see diag)
 */
int cchc_assessment_load(cchc_assessment **out, const cchc_criteria *const *sets, size_t nsets,
                         const char *path, cchc_diag *diag);

/** Same from memory; name is used in messages and as the evidence folder base. */
int cchc_assessment_load_memory(cchc_assessment **out, const cchc_criteria *const *sets,
                                size_t nsets, const char *data, size_t len, const char *name,
                                cchc_diag *diag);

/**
 * Receives each assessment a stream reads, and owns it from then on.
 * @return 0 to go on, -1 to stop reading
 */
typedef int (*cchc_assessment_sink)(cchc_assessment *a, void *user);

/**
 * Read every assessment in a file: its root <assessment>, or each
 * <assessment> of a bundle (root <assessments>, any number of agencies).
 * The file streams past: memory holds one assessment at a time, and a bundle
 * has no size limit (each of its assessments has the file limit). Each
 * assessment that loads goes to sink at once; one that does not is reported
 * in diag and skipped, and reading goes on, so one run reports every problem.
 * @return 0 when every assessment loaded (or the sink stopped), -1 otherwise
 */
int cchc_assessment_stream(const cchc_criteria *const *sets, size_t nsets, const char *path,
                           cchc_assessment_sink sink, void *user, cchc_diag *diag);

/** Same from memory; name is used in messages and as the evidence folder base. */
int cchc_assessment_stream_memory(const cchc_criteria *const *sets, size_t nsets,
                                  const char *data, size_t len, const char *name,
                                  cchc_assessment_sink sink, void *user, cchc_diag *diag);

/** Free an assessment; NULL is allowed. */
void cchc_assessment_free(cchc_assessment *a);

/**
 * Drop the evidence (items, documents, appraisals, surveys), keeping who the
 * agency is, its file, line, year, criteria set and published figures: what a ranking of many
 * agencies needs once each is scored (see cchc_score_slim()). Afterwards
 * cchc_assessment_item() finds nothing.
 */
void cchc_assessment_slim(cchc_assessment *a);

const cchc_criteria *cchc_assessment_criteria(const cchc_assessment *a);
const char *cchc_assessment_file(const cchc_assessment *a);
/** The line of its <assessment> in a bundle; 0 for a file of its own. */
long cchc_assessment_line(const cchc_assessment *a);
int cchc_assessment_year(const cchc_assessment *a);
const char *cchc_assessment_agency_id(const cchc_assessment *a);
const char *cchc_assessment_agency_name(const cchc_assessment *a);
/** The agency's block (khối); may be NULL. */
const char *cchc_assessment_agency_block(const cchc_assessment *a);

/** The published figures, or NULL when none are given; cchc_assessment_slim() keeps them. */
const cchc_published *cchc_assessment_published(const cchc_assessment *a);

/** Non-zero when the assessment carries any survey evidence. */
int cchc_assessment_has_survey(const cchc_assessment *a);

/** The evidence for a leaf, or NULL when the agency gave none. */
const cchc_item *cchc_assessment_item(const cchc_assessment *a, const cchc_node *leaf);

#ifdef __cplusplus
}
#endif

#endif
