/**
 * @file report.h
 * Renderers of a cchc_score: a terminal table and the JSON contract
 * (reports/README.md), plus the locale layer (number and date formatting),
 * the Vietnamese/English strings table and the wording of reasons.
 *
 * Renderers never compute: every figure they print comes from the engine's
 * cchc_score. All output goes to a cchc_buf; on failure the buffer's
 * `failed` flag is set and the functions return -1. No floating point.
 */
#ifndef CCHC_REPORT_H
#define CCHC_REPORT_H

#include "cchc/buf.h"
#include "cchc/check.h"
#include "cchc/criteria.h"
#include "cchc/plan.h"
#include "cchc/points.h"
#include "cchc/gap.h"
#include "cchc/rank.h"
#include "cchc/robust.h"
#include "cchc/score.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Report language. */
typedef enum { CCHC_LANG_VI = 0, CCHC_LANG_EN } cchc_lang;

/** Number of languages (the strings table's second dimension). */
#define CCHC_LANG_COUNT 2

/**
 * Parse a language name: "vi" or "en" (ASCII case-insensitive).
 * @param[out] out the language on success (unchanged otherwise)
 * @return 0, or -1 when the name is unknown or NULL
 */
int cchc_lang_parse(const char *s, cchc_lang *out);

/* ---- Locale: the one place numbers and dates are formatted ---------------- */

/** Room enough for any formatted number or date. */
#define CCHC_FMT_SIZE 32

/**
 * Points with two decimals: 825 → "8,25" (vi) / "8.25" (en); 7000 → "70,00";
 * -25 → "-0,25". No thousands separator.
 */
void cchc_fmt_points(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang);

/** Points without trailing zeros: 1300 → "13", 50 → "0,5", 825 → "8,25". */
void cchc_fmt_points_short(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang);

/** Points with two decimals and an explicit sign: "+1,25", "-4,50", "0,00". */
void cchc_fmt_points_signed(char out[CCHC_FMT_SIZE], cchc_points p, cchc_lang lang);

/** A decimal in millionths, trailing zeros trimmed: 3850000 → "3,85", 92000000 → "92". */
void cchc_fmt_decimal(char out[CCHC_FMT_SIZE], cchc_decimal d, cchc_lang lang);

/**
 * A decimal shown with at most `places` decimals (0..6), truncated toward
 * zero and trailing zeros trimmed: (88888888, 2) → "88,88". For display of
 * derived shares such as a survey score; the exact value stays in the engine.
 */
void cchc_fmt_decimal_prec(char out[CCHC_FMT_SIZE], cchc_decimal d, unsigned places,
                           cchc_lang lang);

/** An index in hundredths of a percent with two decimals: 7000 → "70,00" (no sign). */
void cchc_fmt_percent(char out[CCHC_FMT_SIZE], int64_t hundredths, cchc_lang lang);

/** A date as dd/mm/yyyy (both languages). */
void cchc_fmt_date(char out[CCHC_FMT_SIZE], cchc_date date, cchc_lang lang);

/* ---- Strings: every label the renderers print, in both languages ---------- */

/** Ids of the strings table. Templates take {0}..{9} (see strings.c). */
typedef enum {
	/* table labels */
	CCHC_STR_GROUP = 0,      /**< Nhóm / Group */
	CCHC_STR_CRITERION,      /**< Tiêu chí / Criterion */
	CCHC_STR_POINTS,         /**< Điểm / Points */
	CCHC_STR_MAX,            /**< Tối đa / Max */
	CCHC_STR_CAUSE,          /**< Nguyên nhân / Cause */
	CCHC_STR_TOTAL,          /**< Tổng điểm / Total */
	CCHC_STR_INDEX,          /**< Chỉ số / Index */
	CCHC_STR_BAND,           /**< Xếp loại / Band */
	CCHC_STR_NO_BAND,        /**< Chưa xếp loại / No band */
	CCHC_STR_SELF,           /**< Tự chấm / Self-assessed */
	CCHC_STR_SELF_DIFF,      /**< chênh lệch / difference */
	CCHC_STR_AGENCY,         /**< Cơ quan / Agency */
	CCHC_STR_BLOCK,          /**< Khối / Block */
	CCHC_STR_YEAR,           /**< Năm / Year */
	CCHC_STR_CRITERIA_SET,   /**< Bộ chỉ số / Criteria set */
	CCHC_STR_FRAME,          /**< Điểm khung / Frame points */
	CCHC_STR_BONUS,          /**< Điểm cộng / Bonus */
	CCHC_STR_PENALTY_POINTS, /**< Điểm trừ / Penalty */
	CCHC_STR_SELF_CHECK,     /**< deduction for an inaccurate self-assessment */
	CCHC_STR_COUNTS,         /**< Số tiêu chí / Criteria */
	CCHC_STR_COUNT_FULL,     /**< đạt tối đa / at full points */
	CCHC_STR_COUNT_PARTIAL,  /**< đạt một phần / partial */
	CCHC_STR_COUNT_ZERO,     /**< không đạt điểm / at zero */
	CCHC_STR_NOT_APPLICABLE, /**< Không áp dụng / Not applicable */
	CCHC_STR_REPORT_TITLE,   /**< Kết quả chấm điểm CCHC / PAR index score */
	/* ranking */
	CCHC_STR_RANK_TITLE,
	CCHC_STR_RANK,
	CCHC_STR_AGENCIES,
	CCHC_STR_GAP_TOP,
	CCHC_STR_GAP_BOTTOM,
	CCHC_STR_GAP_ABOVE,
	CCHC_STR_FULL_PARTIAL_ZERO,
	CCHC_STR_GROUP_RANKS,
	CCHC_STR_STATS,
	CCHC_STR_MEAN,
	CCHC_STR_MEDIAN,
	CCHC_STR_SD,
	CCHC_STR_LOWEST,
	CCHC_STR_HIGHEST,
	CCHC_STR_SHARE_FULL,
	CCHC_STR_MOST_LOST,
	CCHC_STR_AGENCIES_LOSING,
	CCHC_STR_POINTS_LOST,
	CCHC_STR_SELF_ACCURACY,
	CCHC_STR_FINAL,
	CCHC_STR_DEVIATION,
	CCHC_STR_OVERCLAIMED,
	CCHC_STR_SELF_MEAN,
	CCHC_STR_POSITION,
	CCHC_STR_POSITION_TOP,
	/* ranking: the plan's status (cchc plan status) */
	CCHC_STR_PLAN_TITLE,        /**< TÌNH HÌNH THỰC HIỆN KẾ HOẠCH… / …PLAN: TASK STATUS */
	CCHC_STR_PLAN_AS_OF,        /**< Tính đến ngày {0} / As of {0} */
	CCHC_STR_PLAN_ISSUED,       /**< ban hành ngày {0} / issued {0} */
	CCHC_STR_PLAN_TASK,         /**< Nhiệm vụ / Task */
	CCHC_STR_PLAN_CONTENT,      /**< Nội dung / Content */
	CCHC_STR_PLAN_DEADLINE,     /**< Thời hạn / Deadline */
	CCHC_STR_PLAN_STATE,        /**< Tình trạng / Status */
	CCHC_STR_PLAN_DONE_ON,      /**< Hoàn thành / Done on (a date column) */
	CCHC_STR_PLAN_ST_ON_TIME,   /**< Đúng hạn / On time (table cell) */
	CCHC_STR_PLAN_ST_LATE,      /**< Trễ hạn / Late */
	CCHC_STR_PLAN_ST_OPEN,      /**< Đang thực hiện / Open */
	CCHC_STR_PLAN_ST_OVERDUE,   /**< Quá hạn / Overdue */
	CCHC_STR_PLAN_ST_CANCELLED, /**< Hủy bỏ / Cancelled */
	CCHC_STR_PLAN_NO_DEADLINE,  /**< footnote: {0} the end of the plan year */
	CCHC_STR_PLAN_BY_AREA,      /**< Tổng hợp theo lĩnh vực / By area */
	CCHC_STR_PLAN_AREA,         /**< Lĩnh vực / Area */
	CCHC_STR_PLAN_WHOLE,        /**< Toàn kế hoạch / Whole plan (the totals row) */
	CCHC_STR_PLAN_TOTAL,        /**< Tổng số nhiệm vụ / Tasks */
	CCHC_STR_PLAN_DONE_ON_TIME, /**< Hoàn thành đúng hạn / Done on time (summary) */
	CCHC_STR_PLAN_DONE_LATE,    /**< Hoàn thành trễ hạn / Done late */
	CCHC_STR_PLAN_OPEN,         /**< Đang thực hiện, chưa đến hạn / Open, not yet due */
	CCHC_STR_PLAN_OVERDUE,      /**< Quá hạn, chưa hoàn thành / Overdue, not done */
	CCHC_STR_PLAN_CANCELLED,    /**< Hủy bỏ, không tính vào tỷ lệ / Cancelled, not counted */
	CCHC_STR_PLAN_COMPLETION,   /**< Tỷ lệ hoàn thành / Completion rate */
	CCHC_STR_PLAN_ON_TIME_RATE, /**< Tỷ lệ hoàn thành đúng hạn / On-time rate */
	/* gap analysis */
	CCHC_STR_GAP_TITLE,
	CCHC_STR_GAP_POSITION,
	CCHC_STR_GAP_PREVIOUS,
	CCHC_STR_GAP_GROUPS,
	CCHC_STR_GAP_GROUP_LINE,
	CCHC_STR_GAP_ACHIEVED,
	CCHC_STR_GAP_CRITERION,
	CCHC_STR_GAP_CAUSES,
	CCHC_STR_GAP_CAUSE_LINE,
	CCHC_STR_GAP_RECOVERABLE,
	CCHC_STR_GAP_TARGET,
	CCHC_STR_GAP_ASSUMPTION,
	CCHC_STR_GAP_NEEDED,
	CCHC_STR_GAP_ALREADY,
	CCHC_STR_GAP_PLAN,
	CCHC_STR_GAP_UNREACHABLE,
	CCHC_STR_GAP_BEST,
	CCHC_STR_GAP_RESCORED,       /**< the total and rank re-scored with the chosen criteria */
	CCHC_STR_GAP_NOT_EXACT,      /**< the search was cut short */
	CCHC_STR_GAP_TASKS,
	CCHC_STR_GAP_TT,
	CCHC_STR_GAP_TASK,
	CCHC_STR_GAP_SOLUTION,
	CCHC_STR_GAP_OWNER,
	CCHC_STR_GAP_SUPPORT,
	CCHC_STR_GAP_WHEN,
	CCHC_STR_GAP_NO_REMEDY,
	CCHC_STR_GAP_CHANGES,
	CCHC_STR_GAP_CHANGE_SUMMARY,
	CCHC_STR_GAP_TREND_NEW,
	CCHC_STR_GAP_TREND_UP,
	CCHC_STR_GAP_TREND_HELD,
	CCHC_STR_GAP_TREND_DOWN,
	CCHC_STR_GAP_LAST_YEAR,
	CCHC_STR_GAP_THIS_YEAR,
	CCHC_STR_GAP_TREND,
	CCHC_STR_GAP_UNMATCHED,
	CCHC_STR_GAP_EFFORT,
	CCHC_STR_GAP_LOST,
	CCHC_STR_GAP_SELECTED,
	/* robustness */
	CCHC_STR_ROB_TITLE,
	CCHC_STR_ROB_SETUP,
	CCHC_STR_ROB_WEIGHTS,
	CCHC_STR_ROB_MEDIAN,
	CCHC_STR_ROB_INTERVAL,
	CCHC_STR_ROB_TOP3,
	CCHC_STR_ROB_TARGET,
	CCHC_STR_ROB_FLIPS,
	CCHC_STR_ROB_NO_FLIPS,
	CCHC_STR_ROB_AGREEMENT,
	CCHC_STR_ROB_VS_DRAWS,
	CCHC_STR_ROB_VS_SELF,
	CCHC_STR_ROB_VS_ALT,
	CCHC_STR_ROB_VS_PREVIOUS,
	CCHC_STR_ROB_LEGEND,
	/* causes */
	CCHC_STR_CAUSE_LATE,         /**< Có thực hiện nhưng chậm so với thời gian quy định */
	CCHC_STR_CAUSE_UNDOCUMENTED, /**< Có thực hiện nhưng không có tài liệu kiểm chứng */
	CCHC_STR_CAUSE_PARTIAL,      /**< Thực hiện chưa đầy đủ, đạt chưa cao */
	CCHC_STR_CAUSE_NOT_DONE,     /**< Chưa thực hiện / Not done */
	CCHC_STR_CAUSE_APPRAISAL,    /**< Hội đồng thẩm định trừ điểm / Cut by the appraisal council */
	CCHC_STR_CAUSE_SURVEY,       /**< Điều tra xã hội học / Sociological survey */
	CCHC_STR_CAUSE_PENALTY,      /**< Điểm trừ / Penalty */
	/* quantities: singular and plural (identical in Vietnamese) */
	CCHC_STR_POINT_ONE,       /**< điểm / point */
	CCHC_STR_POINT_MANY,      /**< điểm / points */
	CCHC_STR_DAY_ONE,         /**< ngày / day */
	CCHC_STR_DAY_MANY,        /**< ngày / days */
	CCHC_STR_RESPONDENT_ONE,  /**< người trả lời / respondent */
	CCHC_STR_RESPONDENT_MANY, /**< người trả lời / respondents */
	CCHC_STR_CASE_ONE,        /**< trường hợp / case */
	CCHC_STR_CASE_MANY,       /**< trường hợp / cases */
	CCHC_STR_APPRAISAL_BY,    /**< Hội đồng thẩm định / Appraisal council (no `by`) */
	/* reason templates, one per cchc_why (and variants) */
	CCHC_STR_R_NO_ITEM,
	CCHC_STR_R_NOT_MET,
	CCHC_STR_R_LATE,
	CCHC_STR_R_VERB,            /**< thực hiện / done: the verb of a criterion without verb="…" */
	CCHC_STR_R_NO_DOC,
	CCHC_STR_R_NO_DOC_PLAIN,
	CCHC_STR_R_TIER_HIGHER,
	CCHC_STR_R_TIER_LOWER,
	CCHC_STR_R_LINEAR,
	CCHC_STR_R_COUNT,
	CCHC_STR_R_COUNT_ZERO,
	CCHC_STR_R_COUNT_ZERO_TARGET,
	CCHC_STR_R_RATIO,
	CCHC_STR_R_RATIO_PERCENT,
	CCHC_STR_R_GRADE,
	CCHC_STR_R_JUDGED,
	CCHC_STR_R_SURVEY_MEAN,
	CCHC_STR_R_SURVEY_SCORE,
	CCHC_STR_R_RESPONDENTS,
	CCHC_STR_R_APPRAISAL,
	CCHC_STR_R_APPRAISAL_POINTS,
	CCHC_STR_R_PENALTY_COUNT,
	CCHC_STR_R_PENALTY_EVENT,
	CCHC_STR_R_PENALTY_JUDGED,
	CCHC_STR_R_NOTE,
	/* the Excel workbook (xlsx.c) */
	CCHC_STR_XLSX_SHEET_RANKING,  /**< Xếp hạng / Ranking (sheet names) */
	CCHC_STR_XLSX_SHEET_DETAIL,   /**< Chi tiết / Detail */
	CCHC_STR_XLSX_SHEET_STATS,    /**< Thống kê / Statistics */
	CCHC_STR_XLSX_SHEET_ANALYSIS, /**< Phân tích / Analysis */
	CCHC_STR_XLSX_SHEET_PLAN,     /**< Kế hoạch / Plan */
	CCHC_STR_XLSX_SHEET_GROUPS,   /**< Chỉ số thành phần / Component indices */
	CCHC_STR_XLSX_NOTE_GAP_TOP,   /**< what Cách đầu means (a header's note) */
	CCHC_STR_XLSX_NOTE_GAP_BOTTOM, /**< what Trên cuối means */
	CCHC_STR_XLSX_NOTE_GAP_ABOVE, /**< what Cách trên means */
	CCHC_STR_XLSX_NOTE_DEVIATION, /**< Chênh lệch and its sign */
	CCHC_STR_XLSX_OF,             /**< Số cơ quan / Of (column headers) */
	CCHC_STR_XLSX_AGENCY_ID,      /**< Mã cơ quan / Agency id */
	CCHC_STR_XLSX_FULL,           /**< Tiêu chí đạt tối đa / Criteria at full */
	CCHC_STR_XLSX_PARTIAL,        /**< Tiêu chí đạt một phần / Criteria partial */
	CCHC_STR_XLSX_ZERO,           /**< Tiêu chí không đạt điểm / Criteria at zero */
	CCHC_STR_XLSX_GROUP_COL,      /**< Nhóm {0} / Group {0} */
	CCHC_STR_XLSX_ID,             /**< Mã / Id */
	CCHC_STR_XLSX_TITLE,          /**< Nội dung / Title */
	CCHC_STR_XLSX_N,              /**< Số cơ quan được chấm / Agencies scored */
	CCHC_STR_XLSX_SELF_FINAL,     /**< final totals of the agencies that self-assessed */
	CCHC_STR_XLSX_LOST,           /**< Các tiêu chí bị mất điểm / Criteria that lost points */
	CCHC_STR_XLSX_REASON,         /**< Lý do / Reason */
	CCHC_STR_XLSX_IN_PLAN,        /**< Thuộc phương án / In the plan */
	CCHC_STR_XLSX_ALL,            /**< Tổng cộng / All */
	CCHC_STR_XLSX_RANK_NOW,       /**< Hạng hiện tại / Current rank */
	CCHC_STR_XLSX_TARGET_RANK,    /**< Hạng mục tiêu / Target rank */
	CCHC_STR_XLSX_NEEDED,         /**< Điểm cần thêm / Points needed */
	CCHC_STR_XLSX_RECOVERABLE,    /**< Điểm có thể khắc phục / Points that can be won back */
	CCHC_STR_XLSX_RECOVERED,      /**< Điểm khắc phục theo phương án / Points the plan wins back */
	CCHC_STR_XLSX_NRECOVERY,      /**< Số tiêu chí cần khắc phục / Criteria to win back */
	CCHC_STR_XLSX_BEST_RANK,      /**< Hạng cao nhất có thể đạt / Best reachable rank */
	/* the HTML report (html.c, html_gap.c, html_charts.c) */
	CCHC_STR_HTML_CHART_TOTALS,  /**< Tổng điểm theo cơ quan / Total points by agency */
	CCHC_STR_HTML_HEATMAP,       /**< heat map title: agencies × groups, % of the group's max */
	CCHC_STR_HTML_HEAT_SCALE,    /**< the colour scale's legend */
	CCHC_STR_HTML_CHART_PROFILE, /**< the group profile chart's title */
	CCHC_STR_HTML_BLOCK_MEAN,    /**< Trung bình khối / Block mean */
	CCHC_STR_HTML_TOP_AGENCY,    /**< Đơn vị đứng đầu / Top agency */
	CCHC_STR_HTML_CHART_PARETO,  /**< the Pareto chart's title */
	CCHC_STR_HTML_LOST_AXIS,     /**< Điểm bị mất / Points lost (axis) */
	CCHC_STR_HTML_CUMULATIVE,    /**< Lũy kế (%) / Cumulative (%) */
	CCHC_STR_HTML_OTHERS,        /**< Các tiêu chí khác / Other criteria */
	CCHC_STR_HTML_LOST_DETAIL,   /**< Các tiêu chí bị mất điểm / Criteria that lost points */
	CCHC_STR_HTML_CONTENT,       /**< Nội dung / Content (a criterion's title column) */
	CCHC_STR_HTML_REASON,        /**< Lý do / Reason */
	CCHC_STR_HTML_SHARE,         /**< Tỷ trọng / Share */
	CCHC_STR_HTML_RANK_LEGEND,   /**< what Cách đầu, Trên cuối, Cách trên and Chênh lệch (its sign) mean */
	CCHC_STR_HTML_MARK_LEGEND,   /**< the highlighted row: {0} the agency analysed */
	CCHC_STR_HTML_EFFORT_LEGEND, /**< what Công sức means */
	CCHC_STR_HTML_ROB_ESTIMATE,  /**< the rank intervals are an estimate, not the official ranking */
	CCHC_STR_HTML_AXIS_FROM,     /**< the totals' axis starts at {0}, not at zero */
	CCHC_STR_HTML_CHART_DISTRIBUTION, /**< a large block's distribution of totals */
	CCHC_STR_HTML_SUMMARISED,    /**< {0} agencies: the page shows the {1} first and last */
	CCHC_STR_HTML_SUMMARISED_NEAR, /**< and those around {0} */
	CCHC_STR_HTML_SKIPPED,       /**< a row standing for {0} agencies not shown */
	CCHC_STR_HTML_BIN,           /**< a bin's tooltip: {0}–{1} points, {2} agencies */
	CCHC_STR_HTML_EVIDENCE,      /**< Tài liệu kiểm chứng / Evidence */
	CCHC_STR_HTML_COUNCIL,       /**< the council's notes: heading */
	CCHC_STR_HTML_COUNCIL_NOTE,  /**< {0} by, {1} points, {2} round, {3} reason: a round that did not cut */
	CCHC_STR_HTML_ROUND,         /**< Vòng / Round */
	CCHC_STR_HTML_BY,            /**< Cơ quan thẩm định / By */
	CCHC_STR_HTML_COMPUTED,      /**< Điểm tính từ hồ sơ / Computed */
	CCHC_STR_HTML_APPRAISED,     /**< Điểm thẩm định / Appraised */
	/* cchc check (check_text.c) */
	CCHC_STR_CHECK_TITLE,               /**< the check's title */
	CCHC_STR_CHECK_FINDINGS,            /**< heading: what the council would cut */
	CCHC_STR_CHECK_SUMMARY,             /**< {0} points will be lost on {1} criteria, {2} may be on {3}; {4} matters of form */
	CCHC_STR_CHECK_NO_FINDINGS,         /**< nothing found */
	CCHC_STR_CHECK_WILL,                /**< severity: will lose points */
	CCHC_STR_CHECK_MAY,                 /**< severity: may lose points */
	CCHC_STR_CHECK_FORM,                /**< severity: form */
	CCHC_STR_CHECK_STAKE,               /**< {0} points at stake */
	CCHC_STR_CHECK_TODO,                /**< what to do: {0} */
	CCHC_STR_CHECK_LINE,                /**< line {0} */
	CCHC_STR_CHECK_NO_ENTRY,            /**< no entry */
	CCHC_STR_CHECK_NO_ENTRY_DO,         /**< what to do */
	CCHC_STR_CHECK_NA,                  /**< N/A not allowed */
	CCHC_STR_CHECK_NA_DO,               /**< what to do */
	CCHC_STR_CHECK_OVER,                /**< {0} claimed, {1} the rule gives */
	CCHC_STR_CHECK_OVER_DO,             /**< {1} the claim the evidence supports */
	CCHC_STR_CHECK_NO_DOC,              /**< {0} claimed without a document */
	CCHC_STR_CHECK_NO_DOC_DO,           /**< what to do */
	CCHC_STR_CHECK_AFTER,               /**< {0} the document, {1} its date, {2} the submission date */
	CCHC_STR_CHECK_AFTER_ITEM,          /**< {1} the item's date, {2} the submission date */
	CCHC_STR_CHECK_AFTER_DO,            /**< what to do */
	CCHC_STR_CHECK_CITED,               /**< {0} the document, {1} its date, {2} the cited date */
	CCHC_STR_CHECK_CITED_DO,            /**< what to do */
	CCHC_STR_CHECK_CARRIED,             /**< evidence as last year's; {0} last year's date (may be empty) */
	CCHC_STR_CHECK_CARRIED_DO,          /**< {0} the year */
	CCHC_STR_CHECK_OUTSIDE,             /**< {0} the document, {1} its date, {2} the year */
	CCHC_STR_CHECK_OUTSIDE_ITEM,        /**< {1} the item's date, {2} the year */
	CCHC_STR_CHECK_OUTSIDE_DO,          /**< {0} the year */
	CCHC_STR_CHECK_NO_NOTE,             /**< {0} claimed without evidence or explanation */
	CCHC_STR_CHECK_NO_NOTE_DO,          /**< what to do */
	CCHC_STR_CHECK_NO_PLACE,            /**< {0} the document */
	CCHC_STR_CHECK_NO_PLACE_LIST,      /**< {0} documents, {1} the criteria (count) */
	CCHC_STR_CHECK_NO_PLACE_DO,         /**< what to do */
	CCHC_STR_CHECK_NO_SUBMITTED,        /**< no --submitted: that check skipped */
	CCHC_STR_CHECK_ESTIMATE,            /**< heading: the estimated result */
	CCHC_STR_CHECK_ESTIMATE_LINE,       /**< {0} total, {1} max, {2} index, {3} band */
	CCHC_STR_CHECK_ESTIMATE_NOTE,       /**< an estimate, not the council's result */
	CCHC_STR_CHECK_ASSUME_LAST,         /**< {0} survey points, {1} survey max */
	CCHC_STR_CHECK_ASSUME_MEAN,         /**< {0} survey points, {1} survey max, {2} agencies averaged */
	CCHC_STR_CHECK_ASSUME_NONE,         /**< {0} the rescaled scale */
	CCHC_STR_CHECK_POSITION,            /**< heading: where it would stand; {0} number of others in the field */
	CCHC_STR_CHECK_RANK,                /**< {0} rank, {1} of */
	CCHC_STR_CHECK_ABOVE,               /**< {0} points below {1} */
	CCHC_STR_CHECK_BELOW,               /**< {0} points above {1} */
	CCHC_STR_CHECK_TOP,                 /**< ranked first */
	CCHC_STR_CHECK_BOTTOM,              /**< ranked last */
	CCHC_STR_CHECK_SCALE,               /**< gaps on the rescaled scale of {0} points */
	CCHC_STR_CHECK_INTERVAL,            /**< {0}..{1} the 90 % interval, {2} draws */
	CCHC_STR_CHECK_NO_INTERVAL,         /**< --survey none: no survey error, no interval */
	CCHC_STR_CHECK_NO_FIELD,            /**< no --field: no rank */
	CCHC_STR_COUNT_ /**< number of ids, not a string */
} cchc_str_id;

/**
 * A string of the table. Never NULL: an unknown id or language gives "".
 * The strings are static UTF-8 text.
 */
const char *cchc_str(cchc_str_id id, cchc_lang lang);

/** A cause's label ("Trễ hạn" / "Late"); "" for CCHC_CAUSE_NONE. */
const char *cchc_cause_label(cchc_cause cause, cchc_lang lang);

/* ---- Reasons ---------------------------------------------------------------- */

/**
 * Word a leaf's reason (ns->reason) as one sentence in lang, followed by the
 * item's note when present (" — <note>"). For CCHC_WHY_NONE only the note is
 * written (nothing when there is none).
 * @param out receives the sentence (appended)
 * @param leaf the leaf criterion
 * @param ns its scores (cchc_score_node())
 * @return 0, or -1 if the buffer failed
 */
int cchc_reason_format(cchc_buf *out, const cchc_node *leaf, const cchc_node_score *ns,
                       cchc_lang lang);

/* ---- Renderers --------------------------------------------------------------- */

/**
 * The agency's score as a table for a terminal (UTF-8, at most 100 columns).
 * @return 0, or -1 if the buffer failed
 */
int cchc_render_score_text(cchc_buf *out, const cchc_score *s, cchc_lang lang);

/**
 * The agency's score as JSON, schema "cchc-score/1" (reports/README.md).
 * Numbers are exact and language-independent; lang chooses the wording of
 * reasons and cause-free labels only.
 * @return 0, or -1 if the buffer failed
 */
int cchc_render_score_json(cchc_buf *out, const cchc_score *s, cchc_lang lang);

/**
 * A block ranking for a terminal: the table (rank/of, total, index, band, gaps,
 * criteria at full/partial/zero, self-assessed and deviation), the rank in each
 * group, block statistics, the criteria most agencies lose points on and the
 * self-assessment accuracy. Every block in turn.
 */
int cchc_render_ranking_text(cchc_buf *out, const cchc_ranking *r, cchc_lang lang);

/** The ranking as JSON (the cchc-rank/1 contract in reports/README.md). */
int cchc_render_ranking_json(cchc_buf *out, const cchc_ranking *r);

/**
 * Every agency's points on every node of its criteria set, one row each
 * (block, agency, name, rank, criterion, title, group, leaf, points, max, cause).
 */
int cchc_render_criteria_csv(cchc_buf *out, const cchc_ranking *r);

/** Rows a spreadsheet opens: Excel's 1 048 576 less the header row. */
#define CCHC_CSV_MAX_ROWS 1048575

/** The data rows cchc_render_criteria_csv() writes (every agency × every node). */
size_t cchc_criteria_csv_rows(const cchc_ranking *r);

/**
 * One part of criteria.csv for a national run: the header, then block k's
 * agencies in rank order from `first`, whole agencies, at most max_rows rows
 * (one agency at least). *next receives the first agency left for the next part
 * (the block's n when it is done).
 * @return 0, or -1 if the buffer failed
 */
int cchc_render_criteria_csv_part(cchc_buf *out, const cchc_ranking *r, size_t k, size_t first,
                                  size_t max_rows, size_t *next);

/** One row per agency with a header row (RFC 4180, UTF-8, '.' decimals). */
int cchc_render_ranking_csv(cchc_buf *out, const cchc_ranking *r);

/**
 * CSV text as cchc_render_ranking_csv() and cchc_render_criteria_csv() write it
 * (RFC 4180) rewritten in the dialect a Vietnamese-locale spreadsheet imports
 * as numbers: ';' between cells, ',' as the decimal mark in the columns the
 * header names as numeric (ids such as "1.1" stay as they are), quotes kept.
 * @return 0, or -1 if out failed
 */
int cchc_csv_dialect_vi(cchc_buf *out, const char *csv, size_t len);

/**
 * The sentence an agency reads about its place: "Sở Kế hoạch và Đầu tư đứng
 * thứ 18/21, đạt 70/100 điểm, xếp loại Khá; thấp hơn đơn vị đứng đầu 11,7
 * điểm và cách biệt đơn vị đứng cuối 26,5 điểm."
 */
int cchc_render_position(cchc_buf *out, const cchc_rank_entry *e, cchc_lang lang);

/**
 * The gap analysis of one agency as a document: position (and last year's),
 * each group's paragraph with its lost criteria and reasons, lost points by
 * cause, the target rank and the least-effort plan, the task table by area,
 * the comparison with last year. Text for a terminal, or Markdown.
 */
int cchc_render_gap_text(cchc_buf *out, const cchc_gap *gap, cchc_lang lang);
int cchc_render_gap_markdown(cchc_buf *out, const cchc_gap *gap, cchc_lang lang);

/**
 * Next year's plan (urn:cchc:plan:1) from the gap's task table: areas in
 * order, the target-rank tasks first, deadlines as the remedies word them.
 */
int cchc_render_plan_xml(cchc_buf *out, const cchc_gap *gap);

/**
 * A plan's status for a terminal: each task (id, content cut to width,
 * deadline, status, day done) under its area, a table of counts per area,
 * the overall counts and the completion and on-time rates ("Tỷ lệ hoàn
 * thành: 85,00 %").
 * @return 0, or -1 if the buffer failed
 */
int cchc_render_plan_status_text(cchc_buf *out, const cchc_plan_report *r, cchc_lang lang);

/** A plan's status as JSON, schema "cchc-plan-status/1" (criteria/README.md). */
int cchc_render_plan_status_json(cchc_buf *out, const cchc_plan_report *r);

/**
 * The robustness analysis: per block, each agency's median rank, 90 % rank
 * interval, chance of each band, of the top 3 and of the target rank; the
 * adjacent ranks that are not distinguishable; rank agreement figures.
 */
int cchc_render_robust_text(cchc_buf *out, const cchc_robust *r, cchc_lang lang);

/** The robustness analysis as HTML sections (rank-interval chart and table), for index.html. */
int cchc_render_robust_html(cchc_buf *out, const cchc_robust *r, cchc_lang lang);

/** The robustness analysis as JSON (cchc-robust/1, reports/README.md). */
int cchc_render_robust_json(cchc_buf *out, const cchc_robust *r);

/**
 * The self-assessment check (cchc check): findings by severity, the estimate
 * with its survey assumption, the position in the field. markdown: headings
 * and lists instead of plain text.
 */
int cchc_render_check_text(cchc_buf *out, const cchc_check *c, int markdown, cchc_lang lang);

/** The self-assessment check as JSON (cchc-check/1, reports/README.md). */
int cchc_render_check_json(cchc_buf *out, const cchc_check *c);

/** The gap analysis as JSON (cchc-gap/1, reports/README.md). */
int cchc_render_gap_json(cchc_buf *out, const cchc_gap *gap, cchc_lang lang);

/**
 * The criteria set as JSON (cchc-criteria/1, reports/README.md): the tree of
 * groups and criteria with their max and min, whether N/A is allowed, and on
 * each leaf its rule: kind, the item attributes it reads ("inputs") and the
 * parameters a form labels its input with (due date, tiers, grades, options).
 * @return 0, or -1 if the buffer failed
 */
int cchc_render_criteria_json(cchc_buf *out, const cchc_criteria *set);

/* ---- Excel workbook -------------------------------------------------------- */

/**
 * The ranking (and an agency's gap analysis) as an Excel workbook (.xlsx):
 * sheets Xếp hạng (one row per agency per block), Chi tiết (agency × leaf
 * points; one sheet per block when there are several), Thống kê (per node
 * and block totals) and, when gap is given, Phân tích and Kế hoạch (the task
 * table). Sheet names and labels follow lang; points are real numbers
 * written from exact hundredths with the format "0.00".
 *
 * The file appears whole or not at all: the workbook is written to a
 * temporary file beside path, flushed and renamed over path.
 * @param path the .xlsx file to create or replace
 * @param gap the agency's analysis, or NULL for the ranking sheets only
 * @return 0, or -1 (errno set when the system said why; nothing is left at
 *         path's temporary name, and an existing file at path is untouched)
 */
int cchc_write_xlsx(const char *path, const cchc_ranking *r, const cchc_gap *gap, cchc_lang lang);

/** What the report bundle's page and workbook show beyond the data. */
typedef struct cchc_report_options {
	cchc_lang lang;
	/** The report's own title ("UBND tỉnh Thừa Thiên Huế · Quyết định số 123/QĐ-UBND"),
	 *  shown above the page's heading and on every printed page of the workbook; NULL: none. */
	const char *title;
	/** Where the analysed agency's evidence files are, seen from the page: prefixed to each
	 *  doc's file in its link ("../samples/hue-2018/so/"); NULL: beside the page. */
	const char *evidence_prefix;
} cchc_report_options;

/** cchc_write_xlsx() with options (o NULL: Vietnamese, no title). */
int cchc_write_xlsx_opts(const char *path, const cchc_ranking *r, const cchc_gap *gap,
                         const cchc_report_options *o);

/* ---- HTML report ------------------------------------------------------------ */

/**
 * The ranking as one self-contained HTML5 page (index.html): inline CSS for
 * screen and A4 print, inline SVG charts, no network references. Per block:
 * the ranking table with bands coloured, a bar chart of totals with the band
 * thresholds, a heat map agencies × groups (% of each group's max), block
 * statistics and the criteria most lost. With gap, the agency view follows:
 * its position, a group profile chart (agency, block mean, top agency), every
 * lost criterion with its reason, a Pareto chart of lost points by cause, the
 * target-rank plan and the task table by area. Tables read without scripts;
 * one small inline script sorts them on a header click. Every text from the
 * inputs is escaped; numbers and labels follow lang.
 * @param gap the agency's analysis (borrowing r), or NULL for the province view
 * @param robust the rank intervals (cchc_render_robust_html), or NULL
 * @return 0, or -1 if the buffer failed (discard its content)
 */
int cchc_render_html(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                     const cchc_robust *robust, cchc_lang lang);

/** cchc_render_html() with options (o NULL: Vietnamese, no title). */
int cchc_render_html_opts(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                          const cchc_robust *robust, const cchc_report_options *o);

#ifdef __cplusplus
}
#endif

#endif
