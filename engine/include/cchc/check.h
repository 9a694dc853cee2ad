/**
 * @file check.h
 * Checking a self-assessment before it is submitted: what an appraiser would
 * cut (findings, each with its criterion, severity, points at stake and the
 * facts behind it) and where the agency would stand (its estimated points,
 * index and band, and its rank among a field of other agencies' results with
 * the new assessment standing in for its old one). The engine gives data; the
 * renderers word it.
 *
 * Ownership: a cchc_check owns its arrays and its score; it borrows the
 * assessment, the previous assessment and the field ranking, which must
 * outlive it.
 */
#ifndef CCHC_CHECK_H
#define CCHC_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "cchc/assessment.h"
#include "cchc/diag.h"
#include "cchc/rank.h"
#include "cchc/score.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What is wrong with a claim or its evidence. */
typedef enum {
	CCHC_CHECK_NO_ENTRY = 0,       /**< a scored leaf with no item: scores 0 */
	CCHC_CHECK_NA_NOT_ALLOWED,     /**< N/A on a criterion whose na="never" */
	CCHC_CHECK_OVERCLAIM,          /**< claimed above what the rule gives for the evidence */
	CCHC_CHECK_NO_DOC,             /**< a claim with no evidence document */
	CCHC_CHECK_DATE_AFTER_SUBMISSION, /**< a document dated after the submission date */
	CCHC_CHECK_DATE_BEFORE_CITED,  /**< a document dated before a document it cites */
	CCHC_CHECK_CARRIED_OVER,       /**< evidence unchanged from last year on a date rule */
	CCHC_CHECK_DATE_OUTSIDE_YEAR,  /**< a document dated outside the assessment year */
	CCHC_CHECK_NO_EXPLANATION,     /**< a claim without evidence and without a note */
	CCHC_CHECK_NO_PLACE,           /**< a document without the page or section it proves */
	CCHC_CHECK_KIND_COUNT
} cchc_check_kind;

typedef enum {
	CCHC_SEVERITY_WILL_LOSE = 0, /**< the council's rules cut these points */
	CCHC_SEVERITY_MAY_LOSE,      /**< an appraiser may cut them */
	CCHC_SEVERITY_FORM           /**< a matter of form; some provinces cut for it */
} cchc_severity;

/** One finding. Pointers borrow from the inputs. */
typedef struct cchc_finding {
	cchc_check_kind kind;
	cchc_severity severity;
	const cchc_node *node;   /**< the leaf criterion */
	long line;               /**< of the item (or doc) in the assessment; 0 when none */
	cchc_points stake;       /**< points at stake, from the engine's scoring */
	cchc_points self;        /**< the claim (OVERCLAIM, NO_DOC, NO_EXPLANATION) */
	cchc_points computed;    /**< what the rule gives (OVERCLAIM) */
	const cchc_doc *doc;     /**< the document concerned; NULL when none */
	cchc_date date;          /**< the document's own date (dates); 0 when none */
	cchc_date other;         /**< the cited date, the submission date, or last year's item date */
	int year;                /**< the assessment year (DATE_OUTSIDE_YEAR) */
} cchc_finding;

/** How the estimate treats the survey part. */
typedef enum {
	CCHC_SURVEY_LAST = 0, /**< the agency's own survey points last year */
	CCHC_SURVEY_MEAN,     /**< the block's mean survey points (the field's other agencies) */
	CCHC_SURVEY_NONE      /**< survey left out for everyone compared; the index rescaled */
} cchc_survey_assumption;

typedef struct cchc_check_options {
	cchc_survey_assumption survey;
	cchc_date submitted;   /**< 0: not given (the after-submission check is skipped) */
	size_t draws;          /**< rank interval draws (0: none); seed below */
	uint64_t seed;
	unsigned threads;      /**< 0: one per core */
	int survey_default;    /**< LAST was not asked for: without last year's result, NONE */
} cchc_check_options;

/** The largest field block given a rank interval (robust's bound on a block). */
#define CCHC_CHECK_MAX_INTERVAL 5000

/** Where the agency would stand in the field (given only with a field). */
typedef struct cchc_check_position {
	size_t rank, of;
	cchc_points gap_above, gap_below;  /**< on the scale below; 0 when none above/below */
	const cchc_score *above, *below;   /**< the nearest agencies strictly above and below; may be NULL */
	cchc_points scale;                 /**< the scale gaps are on: the frame max, or without survey */
	int has_interval;                  /**< an interval was drawn (draws given, survey not NONE,
	                                        the block within CCHC_CHECK_MAX_INTERVAL) */
	size_t rank_p5, rank_p95;          /**< 90 % rank interval over the survey's sampling error */
	double median_rank;
	size_t draws;                      /**< the interval's draws */
} cchc_check_position;

typedef struct cchc_check {
	const cchc_assessment *assessment;
	cchc_score *score;             /**< the engine's score of the assessment, as given */
	cchc_finding *findings;        /**< by severity, then criteria order */
	size_t nfindings;
	cchc_points will_lose, may_lose; /**< sums of the stakes by severity */
	cchc_date submitted;           /**< the submission date checked against; 0: none given */
	cchc_survey_assumption survey;
	cchc_points survey_points;     /**< the survey points assumed (LAST, MEAN) */
	cchc_points survey_max;        /**< the survey groups' max */
	size_t survey_mean_of;         /**< MEAN: agencies averaged */
	/* The estimate: the evidence's points with the survey as assumed. */
	cchc_points total, max;
	int64_t index;                 /**< total / max, hundredths of a percent, half up */
	const cchc_band *band;         /**< NULL when below every band */
	int has_position;
	cchc_check_position position;
} cchc_check;

/**
 * Check an assessment and estimate its result.
 * @param[out] out the result; free with cchc_check_free()
 * @param a the new assessment
 * @param previous last year's assessment of the agency (criteria matched by id); may be NULL
 * @param field a ranking holding the agency's block (others' results); may be NULL
 * @return 0, or -1 (see diag): out of memory, or an assumption the inputs cannot meet
 */
int cchc_check_build(cchc_check **out, const cchc_assessment *a, const cchc_assessment *previous,
                     const cchc_ranking *field, const cchc_check_options *options,
                     cchc_diag *diag);

void cchc_check_free(cchc_check *check);

/** The kind's name in JSON ("no-entry", …). */
const char *cchc_check_kind_name(cchc_check_kind kind);
/** The severity's name in JSON ("will-lose", "may-lose", "form"). */
const char *cchc_severity_name(cchc_severity severity);
/** The assumption's name ("last", "mean", "none"). */
const char *cchc_survey_assumption_name(cchc_survey_assumption s);

/**
 * The dates written in a document reference, "dd/mm/yyyy" (optionally after
 * "ngày"), in order: the first is the document's own date, later ones are
 * documents it cites. Returns how many were found (at most max).
 */
size_t cchc_check_ref_dates(const char *ref, cchc_date *dates, size_t max);

/** Non-zero when a reference names a page or section ("trang", "tr.", "mục", …). */
int cchc_check_ref_has_place(const char *ref);

#ifdef __cplusplus
}
#endif

#endif
