/* Between the check's findings and estimate (check.c) and its rank interval
 * (check_interval.c), which reuses the robustness analysis' draws. */
#ifndef CCHC_CHECK_PRIV_H
#define CCHC_CHECK_PRIV_H

#include "cchc/check.h"

/* A score's total and max as the check compares them: with the survey part
 * assumed for the new assessment (is_new), or left out for everyone (NONE). */
void cchc_check_adjusted(const cchc_check *c, const cchc_score *s, int is_new, cchc_points *total,
                         cchc_points *max);

/* Whether two sets' frame groups (scored and survey) come in the same order
 * and kinds, so that one's survey results can stand in the other's frame. */
int cchc_check_frames_match(const cchc_criteria *a, const cchc_criteria *b);

/* Last year's survey results the estimate assumes: previous when it has them
 * on a matching frame, else NULL (the field's entry is used). */
int cchc_check_previous_survey(const cchc_assessment *a, const cchc_assessment *previous);

/* The 90 % rank interval of the new assessment among blk's other agencies,
 * over the survey's sampling error (the robustness analysis' draws), with the
 * survey part as c assumes it. 0, or -1 (see diag). */
int cchc_check_interval(cchc_check *c, const cchc_block *blk, const cchc_assessment *previous,
                        const cchc_check_options *opt, cchc_diag *diag);

#endif
