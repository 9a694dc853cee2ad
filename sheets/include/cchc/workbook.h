/**
 * @file workbook.h
 * The self-assessment workbook (cchc-workbook/1): `cchc template` writes
 * one agency's .xlsx with live points (every leaf, group, total, index and
 * band an Excel formula from the same rule table that scores XML), and the
 * importer reads a filled workbook back into the engine's model. The layout
 * other producers follow is in sheets/README.md.
 *
 * Ownership: the options borrow their strings and objects; results belong
 * to the caller (cchc_assessment_free, cchc_buf_dispose).
 */
#ifndef CCHC_WORKBOOK_H
#define CCHC_WORKBOOK_H

#include <stddef.h>

#include "cchc/assessment.h"
#include "cchc/buf.h"
#include "cchc/criteria.h"
#include "cchc/diag.h"
#include "cchc/plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The format name carried in the hidden "cchc" sheet. */
#define CCHC_WORKBOOK_FORMAT "cchc-workbook/1"

/** What the template is written for. */
typedef struct cchc_template_options {
	const char *agency_id;   /**< required */
	const char *agency_name; /**< NULL: from's name, else the id */
	const char *block;       /**< NULL: from's block, else none */
	int english;             /**< labels, guide and yes/no words in English */
	/** Answers to pre-fill, loaded against the same set (NULL: a blank workbook). */
	const cchc_assessment *from;
} cchc_template_options;

/**
 * Write the workbook for set to path, atomically (a failed run leaves no
 * file). The formulas' cached values are the engine's own score of the
 * pre-filled answers.
 * @return 0, or -1 with the problem in diag
 */
int cchc_template_write(const char *path, const cchc_criteria *set,
                        const cchc_template_options *opt, cchc_diag *diag);

/**
 * The answers `cchc template --from` pre-fills: an assessment of this set
 * (XML, or a filled workbook) as it is; or last year's assessment XML of
 * another set, its items carried over with criterion ids mapped by map_path
 * ("OLD NEW" per line, as `gap --map`; NULL: ids unchanged), each kept where
 * this year's leaf reads the same evidence (*dropped counts the others);
 * last year's appraisal rounds, surveys and published figures stay behind.
 * @return 0, or -1 (see diag)
 */
int cchc_template_from(cchc_assessment **out, const cchc_criteria *set, const char *path,
                       const char *map_path, size_t *dropped, int english, cchc_diag *diag);

/**
 * Is the file a workbook (a zip: PK\3\4)? Content, not the name.
 * @return 1 yes, 0 no (or unreadable)
 */
int cchc_workbook_sniff(const char *path);

/**
 * Read a filled workbook as the assessment XML it stands for
 * (urn:cchc:assessment:1), checking every cell; problems go to diag as
 * ("FILE: Sheet!F14", 0, message) in the chosen language, all at once.
 * @return 0, or -1 (diag says why; xml is then empty)
 */
int cchc_workbook_to_xml(cchc_buf *xml, const char *path, const cchc_criteria *const *sets,
                         size_t nsets, int english, cchc_diag *diag);

/**
 * The same, loaded: every semantic check of the XML loader applies and its
 * messages name the workbook's cells, never XML lines.
 * @return 0, or -1 (see diag)
 */
int cchc_workbook_load(cchc_assessment **out, const char *path, const cchc_criteria *const *sets,
                       size_t nsets, int english, cchc_diag *diag);

/* ---- the plan workbook (`cchc template --plan`, sheets/README.md) ------------------------- */

/**
 * Write the progress workbook of the plan at plan_path (urn:cchc:plan:1): one
 * row per task (area, task, owner, support, deadline, target) and the cells
 * that record progress (done, the day, a note, target met), pre-filled from
 * the plan's statuses; the plan's XML rides in the hidden "cchc" sheet (kind
 * plan). Written atomically.
 * @return 0, or -1 with the problem in diag
 */
int cchc_plan_template_write(const char *path, const char *plan_path, int english, cchc_diag *diag);

/**
 * Is the file a plan workbook (its "cchc" sheet says kind plan)?
 * @return 1 yes, 0 no (not a workbook, another kind, or unreadable)
 */
int cchc_plan_workbook_sniff(const char *path);

/**
 * The plan a filled plan workbook stands for, as XML: the plan it carries
 * with each task's <status> taken from its row; problems go to diag as
 * ("FILE: Sheet!H5", 0, message) in the chosen language, all at once.
 * @return 0, or -1 (see diag; xml is then empty)
 */
int cchc_plan_workbook_to_xml(cchc_buf *xml, const char *path, int english, cchc_diag *diag);

/**
 * The same, loaded (cchc_plan_load_memory, the workbook's path in messages).
 * @return 0, or -1 (see diag)
 */
int cchc_plan_workbook_load(cchc_plan **out, const char *path, int english, cchc_diag *diag);

/* ---- the criteria-set workbook (`cchc template --criteria`, sheets/README.md) ------------- */

/**
 * Write the criteria set at set_path (urn:cchc:criteria:1, loaded and checked
 * first) as a workbook to draft a set in: a guide, the set's fields and bands,
 * and the tree, one row per group, criterion, tier, grade and option, every
 * attribute the file gives in a typed column. Written atomically.
 * @return 0, or -1 with the problem in diag
 */
int cchc_criteria_template_write(const char *path, const char *set_path, int english, cchc_diag *diag);

/**
 * Is the file a criteria-set workbook (its "cchc" sheet says kind criteria)?
 * @return 1 yes, 0 no (not a workbook, another kind, or unreadable)
 */
int cchc_criteria_workbook_sniff(const char *path);

/**
 * The criteria set a (possibly edited) criteria workbook stands for, as XML,
 * checked cell by cell and then by the criteria loader itself, whose messages
 * come back at the cells ("FILE: Sheet!D12", 0, message) in the chosen
 * language, all at once.
 * @return 0, or -1 (see diag; xml is then empty)
 */
int cchc_criteria_workbook_to_xml(cchc_buf *xml, const char *path, int english, cchc_diag *diag);

#ifdef __cplusplus
}
#endif

#endif
