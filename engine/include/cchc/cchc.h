/**
 * @file cchc.h
 * libcchc: scoring and ranking for Vietnam's Public Administration Reform
 * index (Chỉ số CCHC). Include this header for the whole public API.
 *
 * Pipeline: cchc_criteria_load → cchc_assessment_load → cchc_score_compute.
 */
#ifndef CCHC_H
#define CCHC_H

#include "cchc/assessment.h"
#include "cchc/buf.h"
#include "cchc/check.h"
#include "cchc/criteria.h"
#include "cchc/diag.h"
#include "cchc/formula.h"
#include "cchc/gap.h"
#include "cchc/plan.h"
#include "cchc/points.h"
#include "cchc/published.h"
#include "cchc/rank.h"
#include "cchc/robust.h"
#include "cchc/score.h"
#include "cchc/sniff.h"
#include "cchc/version.h"

#endif
