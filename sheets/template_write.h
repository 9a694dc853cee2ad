/* The template writer's state, shared by its sheets (template.c: the
 * workbook, guide, survey and meta sheets; template_sheet.c: the
 * assessment sheet with its formulas). */
#ifndef CCHC_TEMPLATE_WRITE_H
#define CCHC_TEMPLATE_WRITE_H

#include <xlsxwriter.h>

#include "template_priv.h"

typedef struct {
	lxw_workbook *wb;
	lxw_worksheet *ws, *survey, *meta;
	const cchc_criteria *set;
	const cchc_assessment *a; /* the answers written (never NULL) */
	const cchc_score *score;  /* the engine's score of a: the cached values */
	const cchc_template_options *opt;
	const tpl_words *w;
	cchc_lang lang;
	int col[COL_COUNT_]; /* 0-based columns; COL_FINAL is COL_COMPUTED's without rounds */
	int *rounds;         /* distinct appraisal round numbers, ascending */
	size_t nrounds;
	int round_col;       /* first round column */
	uint32_t *survey_row; /* by node index: 1-based row on the survey sheet, 0 none */
	char **option_ids;   /* the survey sheet's option columns */
	size_t noptions;
	uint32_t survey_first, survey_last;
	uint32_t *grade_row; /* by node index: the meta sheet's row of its labels (1-based) */
	double *row_height;  /* by node index: the assessment sheet's row height in points */
	char survey_missing[96]; /* reference of the "no survey" flag (1/0) */
	lxw_format *f_title, *f_header, *f_text, *f_wrap, *f_num, *f_group, *f_group_num, *f_in_text,
		*f_in_wrap, *f_in_num, *f_in_date, *f_in_count, *f_off, *f_warn, *f_bold;
	cchc_buf scratch;
	int failed;
} tpl_writer;

void tpl_check(tpl_writer *t, lxw_error e);

/* "'Điều tra XHH'!" for references to the survey sheet. */
int tpl_survey_prefix(cchc_buf *out, const tpl_writer *t);

/* Refuse a typed value outside lo..hi (divided by scale: 100 for points) at a
 * 1-based row, 0-based column, saying so in the workbook's language. */
void tpl_validate_range(tpl_writer *t, lxw_worksheet *ws, uint32_t row, int col, uint8_t type,
                        int64_t lo, int64_t hi, double scale);

/* The assessment sheet: tree rows, live points, totals. */
int tpl_write_assessment_sheet(tpl_writer *t);

/* Points as the number a cell holds. */
static inline double tpl_points(cchc_points p)
{
	return (double)p / CCHC_POINTS_SCALE;
}

#endif
