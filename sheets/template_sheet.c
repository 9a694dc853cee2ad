/* The "Tự chấm" sheet: one row per group, criterion and sub-criterion in
 * tree order (outline levels fold them), typed and validated inputs, and
 * live points: each leaf's formula comes from the engine's rule table
 * (cchc_formula_rule), wrapped the way cchc_score_compute() settles N/A,
 * missing surveys, documents and appraisal rounds; groups, bonus cap,
 * penalty floor, total, index and band are formulas too. Cached values are
 * the engine's own score. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book_write.h"
#include "template_write.h"

#define F(t, ...) cchc_buf_printf(&(t)->scratch, __VA_ARGS__)

static void reset(tpl_writer *t)
{
	t->scratch.len = 0;
	if (t->scratch.data)
		t->scratch.data[0] = '\0';
}

static const char *formula(tpl_writer *t)
{
	if (t->scratch.failed) {
		t->failed = 1;
		return "=0";
	}
	return t->scratch.data ? t->scratch.data : "=0";
}

/* Whether the sheet has the column (an evidence column no rule reads is left out). */
static int has_col(const tpl_writer *t, int c)
{
	return t->col[c] >= 0;
}

/* "F12": a cell of the assessment sheet, 1-based row, logical column ("0" for a column
 * left out: only the kinds that read a column refer to it). */
static const char *ref(char buf[16], const tpl_writer *t, uint32_t row, tpl_col c)
{
	if (has_col(t, c))
		lxw_rowcol_to_cell(buf, row - 1, (lxw_col_t)t->col[c]);
	else
		snprintf(buf, 16, "0");
	return buf;
}

static uint32_t row_of(const cchc_node *n)
{
	return TPL_HEADER_ROW + 1 + (uint32_t)n->index;
}

static int is_survey_leaf(const cchc_node *n)
{
	return n->nchildren == 0 && n->rule.kind == CCHC_RULE_SCALE;
}

static void validate_on(tpl_writer *t, lxw_worksheet *ws, uint32_t row, int col,
                        lxw_data_validation *v, const char *message)
{
	v->error_title = (char *)(t->opt->english ? "Not accepted" : "Không hợp lệ");
	v->error_message = (char *)message;
	v->show_error = LXW_VALIDATION_ON;
	v->ignore_blank = LXW_VALIDATION_ON;
	tpl_check(t, worksheet_data_validation_cell(ws, row - 1, (lxw_col_t)col, v));
}

static void validate(tpl_writer *t, uint32_t row, int col, lxw_data_validation *v,
                     const char *message)
{
	validate_on(t, t->ws, row, col, v, message);
}

void tpl_validate_range(tpl_writer *t, lxw_worksheet *ws, uint32_t row, int col, uint8_t type,
                        int64_t lo, int64_t hi, double scale)
{
	lxw_data_validation v = {0};
	char a[CCHC_FMT_SIZE], b[CCHC_FMT_SIZE], msg[160];
	v.validate = type;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_number = (double)lo / scale;
	v.maximum_number = (double)hi / scale;
	if (scale == 1) {
		snprintf(a, sizeof a, "%" PRId64, lo);
		snprintf(b, sizeof b, "%" PRId64, hi);
	} else if (scale == CCHC_POINTS_SCALE) {
		cchc_fmt_points_short(a, lo, t->lang);
		cchc_fmt_points_short(b, hi, t->lang);
	} else { /* millionths */
		cchc_fmt_decimal(a, lo, t->lang);
		cchc_fmt_decimal(b, hi, t->lang);
	}
	snprintf(msg, sizeof msg, t->opt->english ? "Type a number from %s to %s." :
	                                            "Nhập một số từ %s đến %s.", a, b);
	validate_on(t, ws, row, col, &v, msg);
}

static void validate_list(tpl_writer *t, uint32_t row, int col, const char **items,
                          const char *source, const char *message)
{
	lxw_data_validation v = {0};
	if (source) {
		v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v.value_formula = (char *)source;
	} else {
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)items;
	}
	validate(t, row, col, &v, message);
}

static const cchc_item *item_of(const tpl_writer *t, const cchc_node *n)
{
	return cchc_assessment_item(t->a, n);
}

static void put_number(tpl_writer *t, uint32_t row, int col, int has, double v, lxw_format *f)
{
	if (has)
		tpl_check(t, worksheet_write_number(t->ws, row - 1, (lxw_col_t)col, v, f));
	else
		tpl_check(t, worksheet_write_blank(t->ws, row - 1, (lxw_col_t)col, f));
}

static void put_text(tpl_writer *t, uint32_t row, int col, const char *s, lxw_format *f)
{
	if (s && *s)
		tpl_check(t, worksheet_write_string(t->ws, row - 1, (lxw_col_t)col, s, f));
	else
		tpl_check(t, worksheet_write_blank(t->ws, row - 1, (lxw_col_t)col, f));
}

/* The leaf's inputs, pre-filled from the answers, with their validation. */
static void leaf_inputs(tpl_writer *t, const cchc_node *n, uint32_t row, const char *docs)
{
	static const cchc_item none; /* no answer: every value blank */
	const cchc_item *it = item_of(t, n) ? item_of(t, n) : &none;
	const unsigned has = it->has;
	const int e = t->opt->english;
	const char *yes_no[] = {t->w->yes, t->w->no, NULL};
	const char *no_only[] = {t->w->no, NULL};
	const char *yes_only[] = {t->w->yes, NULL};
	const int yesno = n->rule.kind == CCHC_RULE_YES_NO;
	cchc_points lo = n->kind == CCHC_GROUP_PENALTY ? n->min : 0;
	cchc_points hi = n->kind == CCHC_GROUP_PENALTY ? 0 : n->max;
	for (int c = COL_MET; c <= COL_POINTS; c++)
		if (has_col(t, c) && !tpl_reads(n, (tpl_col)c))
			put_text(t, row, t->col[c], NULL, t->f_off);

	/* met: yes/no for yes-no, "no" (not done) for any other kind */
	const char *met = (has & CCHC_HAS_MET) ? (it->met ? t->w->yes : t->w->no) : NULL;
	put_text(t, row, t->col[COL_MET], met, t->f_in_text);
	validate_list(t, row, t->col[COL_MET], yesno ? yes_no : no_only, NULL,
	              yesno ? (e ? "Choose Yes or No." : "Chọn Có hoặc Không.")
	                    : (e ? "Choose No when it was not done; otherwise leave it blank."
	                         : "Chọn Không nếu chưa thực hiện; nếu đã thực hiện, để trống."));
	if (tpl_reads(n, COL_DATE)) {
		put_number(t, row, t->col[COL_DATE], has & CCHC_HAS_DATE, (double)it->date + 25569,
		           t->f_in_date);
		lxw_data_validation v = {0};
		v.validate = LXW_VALIDATION_TYPE_DATE_NUMBER;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = 1;
		v.maximum_number = 2958465;
		validate(t, row, t->col[COL_DATE], &v,
		         e ? "Type a date, day first: 12/01/2019." : "Nhập ngày, ngày trước: 12/01/2019.");
	}
	if (tpl_reads(n, COL_VALUE)) {
		put_number(t, row, t->col[COL_VALUE], has & CCHC_HAS_VALUE,
		           (double)it->value / CCHC_DECIMAL_SCALE, t->f_in_num);
		int percent = n->rule.unit && strcmp(n->rule.unit, "%") == 0;
		tpl_validate_range(t, t->ws, row, t->col[COL_VALUE], LXW_VALIDATION_TYPE_DECIMAL, 0,
		               percent ? 100 : 1000000000, 1);
	}
	if (tpl_reads(n, COL_COUNT)) {
		put_number(t, row, t->col[COL_COUNT], has & CCHC_HAS_COUNT, (double)it->count,
		           t->f_in_count);
		tpl_validate_range(t, t->ws, row, t->col[COL_COUNT], LXW_VALIDATION_TYPE_INTEGER, 0, 999999999, 1);
	}
	if (tpl_reads(n, COL_NUM)) {
		put_number(t, row, t->col[COL_NUM], has & CCHC_HAS_RATIO, (double)it->numerator,
		           t->f_in_count);
		put_number(t, row, t->col[COL_DEN], has & CCHC_HAS_RATIO, (double)it->denominator,
		           t->f_in_count);
		tpl_validate_range(t, t->ws, row, t->col[COL_NUM], LXW_VALIDATION_TYPE_INTEGER, 0, 999999999, 1);
		tpl_validate_range(t, t->ws, row, t->col[COL_DEN], LXW_VALIDATION_TYPE_INTEGER, 0, 999999999, 1);
	}
	if (tpl_reads(n, COL_GRADE)) {
		put_text(t, row, t->col[COL_GRADE],
		         (has & CCHC_HAS_GRADE) ? n->rule.grades[it->grade].label : NULL, t->f_in_wrap);
		char src[64];
		char last[16];
		lxw_rowcol_to_cell_abs(last, t->grade_row[n->index] - 1, (lxw_col_t)n->rule.ngrades, 1, 1);
		snprintf(src, sizeof src, "%s!$B$%u:%s", TPL_META_SHEET, t->grade_row[n->index], last);
		validate_list(t, row, t->col[COL_GRADE], NULL, src,
		              e ? "Choose one of the grades in the list." : "Chọn một mức trong danh sách.");
	}
	if (tpl_reads(n, COL_POINTS)) {
		put_number(t, row, t->col[COL_POINTS], has & CCHC_HAS_POINTS, tpl_points(it->points),
		           t->f_in_num);
		tpl_validate_range(t, t->ws, row, t->col[COL_POINTS], LXW_VALIDATION_TYPE_DECIMAL, lo, hi, 100);
	}
	put_text(t, row, t->col[COL_NA], it->na ? t->w->yes : NULL, t->f_in_text);
	validate_list(t, row, t->col[COL_NA], yes_only, NULL,
	              e ? "Choose Yes when the criterion does not apply to the agency."
	                : "Chọn Có nếu tiêu chí không áp dụng với cơ quan.");
	put_number(t, row, t->col[COL_SELF], has & CCHC_HAS_SELF, tpl_points(it->self),
	           t->f_in_num);
	tpl_validate_range(t, t->ws, row, t->col[COL_SELF], LXW_VALIDATION_TYPE_DECIMAL, lo, hi, 100);

	/* documents one per line, the note, the appraisal rounds */
	put_text(t, row, t->col[COL_DOCS], docs, t->f_in_wrap);
	put_text(t, row, t->col[COL_NOTE], it->note, t->f_in_wrap);
	for (size_t r = 0; r < t->nrounds; r++) {
		const cchc_appraisal *ap = NULL;
		for (size_t k = 0; k < it->nrounds; k++)
			if (it->rounds[k].round == t->rounds[r])
				ap = &it->rounds[k];
		int c = t->round_col + 3 * (int)r;
		put_number(t, row, c + RCOL_POINTS, ap != NULL, ap ? tpl_points(ap->points) : 0,
		           t->f_in_num);
		tpl_validate_range(t, t->ws, row, c + RCOL_POINTS, LXW_VALIDATION_TYPE_DECIMAL, lo, hi, 100);
		put_text(t, row, c + RCOL_BY, ap ? ap->by : NULL, t->f_in_wrap);
		put_text(t, row, c + RCOL_REASON, ap ? ap->reason : NULL, t->f_in_wrap);
	}
}

/* The survey sheet's cells of a scale leaf, for the formula writer. */
typedef struct {
	char resp[96], mean[96];
	char (*answers)[96];
	const char **answer_refs;
} survey_cells;

static int survey_refs(tpl_writer *t, const cchc_node *n, survey_cells *sc)
{
	cchc_buf prefix;
	cchc_buf_init(&prefix, 0);
	tpl_survey_prefix(&prefix, t);
	const char *p = prefix.data ? prefix.data : "";
	uint32_t r = t->survey_row[n->index];
	char cell[16];
	lxw_rowcol_to_cell(cell, r - 1, SCOL_RESP);
	snprintf(sc->resp, sizeof sc->resp, "%s%s", p, cell);
	lxw_rowcol_to_cell(cell, r - 1, SCOL_MEAN);
	snprintf(sc->mean, sizeof sc->mean, "%s%s", p, cell);
	size_t k = n->rule.noptions;
	sc->answers = calloc(k ? k : 1, sizeof *sc->answers);
	sc->answer_refs = calloc(k ? k : 1, sizeof *sc->answer_refs);
	if (!sc->answers || !sc->answer_refs || prefix.failed) {
		cchc_buf_dispose(&prefix);
		return -1;
	}
	for (size_t o = 0; o < k; o++) {
		size_t col = 0;
		while (col < t->noptions && strcmp(t->option_ids[col], n->rule.options[o].id) != 0)
			col++;
		lxw_rowcol_to_cell(cell, r - 1, (lxw_col_t)(SCOL_OPTIONS + col));
		snprintf(sc->answers[o], sizeof sc->answers[o], "%s%s", p, cell);
		sc->answer_refs[o] = sc->answers[o];
	}
	cchc_buf_dispose(&prefix);
	return 0;
}

/* =IF(N/A, …, IF(no survey, 0, <rule, with documents>))/100 into scratch. */
static void leaf_formula(tpl_writer *t, const cchc_node *n, uint32_t row)
{
	char met[16], value[16], count[16], date[16], num[16], den[16], grade[16], points[16],
		na[16], docs[16];
	cchc_formula_cells c = {0};
	survey_cells sc = {0};
	c.met = ref(met, t, row, COL_MET);
	c.value = ref(value, t, row, COL_VALUE);
	c.count = ref(count, t, row, COL_COUNT);
	c.date = ref(date, t, row, COL_DATE);
	c.numerator = ref(num, t, row, COL_NUM);
	c.denominator = ref(den, t, row, COL_DEN);
	c.grade = ref(grade, t, row, COL_GRADE);
	c.points = ref(points, t, row, COL_POINTS);
	c.yes = t->w->yes;
	c.no = t->w->no;
	if (is_survey_leaf(n) && t->survey_row[n->index]) {
		if (survey_refs(t, n, &sc) < 0)
			t->failed = 1;
		c.respondents = sc.resp;
		c.mean = sc.mean;
		c.answers = sc.answer_refs;
	}
	ref(na, t, row, COL_NA);
	ref(docs, t, row, COL_DOCS);

	cchc_buf rule;
	cchc_buf_init(&rule, 0);
	if (cchc_formula_rule(&rule, n, &c) < 0)
		t->failed = 1;
	const char *r = rule.data ? rule.data : "0";
	const int penalty = n->kind == CCHC_GROUP_PENALTY;
	const int surveyed = n->group->kind == CCHC_GROUP_SURVEY || n->rule.kind == CCHC_RULE_SCALE;
	reset(t);
	F(t, "=IF(%s=", na);
	cchc_formula_string(&t->scratch, t->w->yes);
	F(t, ",%g,", n->na == CCHC_NA_AWARD && !penalty ? tpl_points(n->max) : 0.0);
	if (n->group->kind == CCHC_GROUP_SURVEY)
		F(t, "IF(%s=1,0,", t->survey_missing);
	if (!penalty && !surveyed && n->require_docs)
		F(t, "IF(AND(%s=\"\",(%s)>0),0,%s)", docs, r, r);
	else
		F(t, "(%s)", r);
	F(t, "/100+0"); /* +0: no "-0" from a deduction of nothing */
	if (n->group->kind == CCHC_GROUP_SURVEY)
		F(t, ")");
	F(t, ")");
	cchc_buf_dispose(&rule);
	free(sc.answers);
	free(sc.answer_refs);
}

/* Sum of a column over a node's children, rounded to the hundredth. */
static void children_sum(tpl_writer *t, const cchc_node *n, tpl_col col)
{
	char cell[16];
	F(t, "ROUND(");
	for (size_t i = 0; i < n->nchildren; i++)
		F(t, "%s%s", i ? "+" : "", ref(cell, t, row_of(n->children[i]), col));
	F(t, ",2)");
}

/* A group's sum, capped (bonus) or floored (penalty) as score.c does. */
static void capped_sum(tpl_writer *t, const cchc_node *n, tpl_col col)
{
	char lim[CCHC_FMT_SIZE];
	const int bonus = n->depth == 0 && n->kind == CCHC_GROUP_BONUS;
	const int penalty = n->depth == 0 && n->kind == CCHC_GROUP_PENALTY;
	snprintf(lim, sizeof lim, "%g", tpl_points(bonus ? n->max : n->min));
	reset(t);
	F(t, "=");
	if (bonus || penalty)
		F(t, "%s(", bonus ? "MIN" : "MAX");
	children_sum(t, n, col);
	if (bonus || penalty)
		F(t, ",%s)", lim);
}

/* Column widths in digits of the default font: two A4 landscape pages across at a readable scale
 * (print_across below). */
#define ROUND_TEXT_WIDTH 14 /* an appraisal round's name and reason columns */
static const double col_widths[COL_COUNT_] = {6, 30, 6, 26, 10, 10, 7, 7, 6, 6, 16, 7, 7, 7, 7,
                                              7, 7, 30, 24, 6};

/* Lines a text takes in a column of width chars (book_write.c). */
static unsigned text_lines(const char *s, double width)
{
	return book_text_lines(s, width);
}

/* Rows tall enough for their wrapped texts: readers do not size rows on opening. */
static double row_height(const cchc_node *n, const cchc_item *it, const char *rule, size_t docs_len,
                         const char *docs)
{
	unsigned lines = text_lines(n->title, col_widths[COL_TITLE] - 2 * n->depth);
	if (rule) {
		unsigned k = text_lines(rule, col_widths[COL_RULE]);
		lines = k > lines ? k : lines;
	}
	if (docs_len) {
		unsigned k = text_lines(docs, col_widths[COL_DOCS]);
		lines = k > lines ? k : lines;
	}
	if (it && it->note) {
		unsigned k = text_lines(it->note, col_widths[COL_NOTE]);
		lines = k > lines ? k : lines;
	}
	for (size_t r = 0; it && r < it->nrounds; r++) { /* the council's names and reasons */
		const char *texts[2] = {it->rounds[r].by, it->rounds[r].reason};
		for (int k = 0; k < 2; k++) {
			unsigned m = texts[k] ? text_lines(texts[k], ROUND_TEXT_WIDTH) : 0;
			lines = m > lines ? m : lines;
		}
	}
	double h = 14.0 * (lines ? lines : 1);
	return h > 409 ? 409 : h;
}

static void node_row(tpl_writer *t, const cchc_node *n)
{
	const uint32_t row = row_of(n);
	const cchc_node_score *ns = cchc_score_node(t->score, n);
	const int leaf = n->nchildren == 0;
	lxw_format *text = leaf ? t->f_wrap : t->f_group, *num = leaf ? t->f_num : t->f_group_num;
	char cell[16], cell2[16];
	lxw_worksheet *ws = t->ws;
	const lxw_row_t r0 = row - 1;

	/* the leaf's rule in words and its documents, one per line: the row's height follows them */
	cchc_buf words, docs;
	cchc_buf_init(&words, 0);
	cchc_buf_init(&docs, 0);
	const cchc_item *it = leaf ? cchc_assessment_item(t->a, n) : NULL;
	if (leaf)
		tpl_rule_words(&words, n, t->opt->english);
	for (size_t d = 0; it && d < it->ndocs; d++) {
		if (d)
			cchc_buf_puts(&docs, "\n");
		tpl_doc_line(&docs, &it->docs[d]);
	}
	if (words.failed || docs.failed)
		t->failed = 1;
	lxw_row_col_options ro = {0, (uint8_t)(n->depth > 7 ? 7 : n->depth), 0};
	t->row_height[n->index] = row_height(n, it, words.data, docs.len, docs.data);
	tpl_check(t, worksheet_set_row_opt(ws, r0, t->row_height[n->index], NULL, &ro));
	cchc_buf title;
	cchc_buf_init(&title, 0);
	cchc_buf_repeat(&title, ' ', (size_t)(n->depth > 8 ? 16 : 2 * n->depth));
	cchc_buf_puts(&title, n->title);
	tpl_check(t, worksheet_write_string(ws, r0, (lxw_col_t)t->col[COL_ID], n->id, text));
	tpl_check(t, worksheet_write_string(ws, r0, (lxw_col_t)t->col[COL_TITLE],
	                                    title.failed ? n->title : title.data, text));
	cchc_buf_dispose(&title);
	tpl_check(t, worksheet_write_number(ws, r0, (lxw_col_t)t->col[COL_MAX],
	                                    tpl_points(n->kind == CCHC_GROUP_PENALTY ? n->min : n->max),
	                                    num));
	const int pcol = t->col[COL_FINAL];
	if (leaf) {
		put_text(t, row, t->col[COL_RULE], words.data, t->f_wrap);
		leaf_inputs(t, n, row, docs.data);
		cchc_buf_dispose(&words);
		cchc_buf_dispose(&docs);
		leaf_formula(t, n, row);
		tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_COMPUTED],
		                                         formula(t), t->f_num, tpl_points(ns->computed)));
		if (t->nrounds) {
			/* the highest round given wins, unless N/A or no survey settled it first */
			reset(t);
			F(t, "=IF(OR(%s=", ref(cell, t, row, COL_NA));
			cchc_formula_string(&t->scratch, t->w->yes);
			if (n->group->kind == CCHC_GROUP_SURVEY)
				F(t, ",%s=1", t->survey_missing);
			F(t, "),%s,", ref(cell, t, row, COL_COMPUTED));
			for (size_t k = t->nrounds; k-- > 0;) {
				lxw_rowcol_to_cell(cell2, r0, (lxw_col_t)(t->round_col + 3 * (int)k));
				F(t, "IF(%s<>\"\",%s,", cell2, cell2);
			}
			F(t, "%s", ref(cell, t, row, COL_COMPUTED));
			for (size_t k = 0; k <= t->nrounds; k++)
				F(t, ")");
			tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)pcol, formula(t), t->f_num,
			                                         tpl_points(ns->points)));
		}
		/* the max that counts: N/A (exclude) and a missing survey take it away */
		reset(t);
		F(t, "=IF(OR(%s=", ref(cell, t, row, COL_NA));
		cchc_formula_string(&t->scratch, t->w->yes);
		F(t, ",0)*%d", n->na == CCHC_NA_EXCLUDE);
		if (n->group->kind == CCHC_GROUP_SURVEY)
			F(t, "+(%s=1)", t->survey_missing);
		F(t, ">0,0,%g)", tpl_points(n->max));
		tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_EFFMAX], formula(t),
		                                         t->f_num, tpl_points(ns->max)));
		reset(t);
		F(t, "=IF(%s=\"\",\"\",%s-%s)", ref(cell, t, row, COL_SELF), cell,
		  ref(cell2, t, row, COL_FINAL));
		if (ns->has_self)
			tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_DIFF],
			                                         formula(t), t->f_num,
			                                         tpl_points(ns->self - ns->points)));
		else
			tpl_check(t, worksheet_write_formula_str(ws, r0, (lxw_col_t)t->col[COL_DIFF],
			                                         formula(t), t->f_num, ""));
		return;
	}
	cchc_buf_dispose(&words);
	cchc_buf_dispose(&docs);
	for (int c = COL_RULE; c < COL_COUNT_; c++)
		if (has_col(t, c) && (c != COL_FINAL || !t->nrounds))
			tpl_check(t, worksheet_write_blank(ws, r0, (lxw_col_t)t->col[c], text));
	for (size_t k = 0; k < 3 * t->nrounds; k++)
		tpl_check(t, worksheet_write_blank(ws, r0, (lxw_col_t)(t->round_col + (int)k), text));
	capped_sum(t, n, COL_FINAL);
	tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)pcol, formula(t), num,
	                                         tpl_points(ns->points)));
	if (t->nrounds) {
		reset(t);
		F(t, "=");
		children_sum(t, n, COL_COMPUTED);
		tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_COMPUTED],
		                                         formula(t), num, tpl_points(ns->computed)));
	}
	capped_sum(t, n, COL_SELF);
	tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_SELF], formula(t), num,
	                                         tpl_points(ns->self)));
	reset(t);
	F(t, "=%s-%s", ref(cell, t, row, COL_SELF), ref(cell2, t, row, COL_FINAL));
	tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_DIFF], formula(t), num,
	                                         tpl_points(ns->self - ns->points)));
	reset(t);
	if (n->depth == 0 && n->kind == CCHC_GROUP_BONUS)
		F(t, "=%g", tpl_points(n->max));
	else {
		F(t, "=");
		children_sum(t, n, COL_EFFMAX);
	}
	tpl_check(t, worksheet_write_formula_num(ws, r0, (lxw_col_t)t->col[COL_EFFMAX], formula(t),
	                                         num, tpl_points(ns->max)));
}

/* Sum of a column over the groups of some kinds. */
static void groups_sum(tpl_writer *t, tpl_col col, int frame, int bonus, int penalty)
{
	size_t ng;
	const cchc_node *const *groups = cchc_criteria_groups(t->set, &ng);
	char cell[16];
	int any = 0;
	F(t, "ROUND(0");
	for (size_t g = 0; g < ng; g++) {
		cchc_group_kind k = groups[g]->kind;
		int want = k == CCHC_GROUP_BONUS ? bonus : k == CCHC_GROUP_PENALTY ? penalty : frame;
		if (want) {
			F(t, "+%s", ref(cell, t, row_of(groups[g]), col));
			any = 1;
		}
	}
	(void)any;
	F(t, ",2)");
}

typedef enum {
	SUM_FRAME = 0,
	SUM_BONUS,
	SUM_PENALTY,
	SUM_SELF_CHECK,
	SUM_TOTAL,
	SUM_MAX,
	SUM_INDEX,
	SUM_BAND,
	SUM_SELF_TOTAL,
	SUM_NO_SURVEY,
	SUM_COUNT_
} sum_row;

static const char *const sum_labels[SUM_COUNT_][2] = {
	{"Điểm trong khung (các lĩnh vực và điều tra XHH)", "Points in the frame (groups and survey)"},
	{"Điểm cộng", "Bonus"},
	{"Điểm trừ", "Penalty"},
	{"Trừ do tự chấm không chính xác", "Deduction for an inaccurate self-assessment"},
	{"TỔNG ĐIỂM", "TOTAL"},
	{"Điểm tối đa của cơ quan", "The agency's max"},
	{"Chỉ số (%)", "Index (%)"},
	{"Xếp loại", "Band"},
	{"Tổng điểm tự chấm", "Self-assessed total"},
	{"Chưa có kết quả điều tra XHH (1: loại khỏi điểm tối đa)",
	 "No survey results yet (1: left out of the max)"},
};

static void write_sum(tpl_writer *t, uint32_t first, sum_row k, double cached, lxw_format *f)
{
	lxw_row_t r0 = first - 1 + (lxw_row_t)k;
	tpl_check(t, worksheet_write_string(t->ws, r0, (lxw_col_t)t->col[COL_TITLE],
	                                    sum_labels[k][t->opt->english], t->f_bold));
	tpl_check(t, worksheet_write_formula_num(t->ws, r0, (lxw_col_t)t->col[COL_MAX], formula(t), f,
	                                         cached));
}

static void totals(tpl_writer *t, uint32_t first)
{
	const cchc_score *s = t->score;
	char c[SUM_COUNT_][16];
	for (int k = 0; k < SUM_COUNT_; k++)
		ref(c[k], t, first + (uint32_t)k, COL_MAX);
	/* the no-survey flag first: leaves read it */
	reset(t);
	if (cchc_criteria_survey_rescales(t->set) && t->survey_first) {
		cchc_buf range;
		cchc_buf_init(&range, 0);
		tpl_survey_prefix(&range, t);
		char a[16], b[16];
		lxw_rowcol_to_cell(a, t->survey_first - 1, SCOL_RESP);
		lxw_rowcol_to_cell(b, t->survey_last - 1, (lxw_col_t)(SCOL_OPTIONS + t->noptions));
		F(t, "=IF(COUNT(%s%s:%s)=0,1,0)", range.data ? range.data : "", a, b);
		cchc_buf_dispose(&range);
	} else {
		F(t, "=%d", cchc_criteria_survey_rescales(t->set) ? 1 : 0);
	}
	int no_survey = !cchc_assessment_has_survey(t->a) && cchc_criteria_survey_rescales(t->set);
	write_sum(t, first, SUM_NO_SURVEY, no_survey, t->f_num);

	/* row, column summed, which groups (frame, bonus, penalty), the engine's value */
	const struct {
		sum_row row;
		tpl_col col;
		int frame, bonus, penalty;
		cchc_points cached;
	} sums[] = {
		{SUM_FRAME, COL_FINAL, 1, 0, 0, s->frame},
		{SUM_BONUS, COL_FINAL, 0, 1, 0, s->bonus},
		{SUM_PENALTY, COL_FINAL, 0, 0, 1, s->penalty},
		{SUM_SELF_TOTAL, COL_SELF, 1, 1, 1, s->self_total},
		{SUM_MAX, COL_EFFMAX, 1, 0, 0, s->max},
	};
	for (size_t k = 0; k < sizeof sums / sizeof *sums; k++) {
		reset(t);
		F(t, "=");
		groups_sum(t, sums[k].col, sums[k].frame, sums[k].bonus, sums[k].penalty);
		write_sum(t, first, sums[k].row, tpl_points(sums[k].cached), t->f_group_num);
	}

	/* |self − total| × 10000 > tolerance × max(total, 0), in hundredths; only when something is claimed */
	cchc_points tol, pen;
	reset(t);
	if (cchc_criteria_self_check(t->set, &tol, &pen)) {
		char a[16], b[16];
		size_t nn;
		cchc_criteria_nodes(t->set, &nn);
		ref(a, t, TPL_HEADER_ROW + 1, COL_SELF);
		ref(b, t, TPL_HEADER_ROW + (uint32_t)nn, COL_SELF);
		F(t, "=IF(AND(COUNT(%s:%s)>%zu,ABS(ROUND(%s*100,0)-ROUND((%s+%s+%s)*100,0))*10000>%" PRId64
		     "*MAX(ROUND((%s+%s+%s)*100,0),0)),%g,0)",
		  a, b, nn - cchc_criteria_leaf_count(t->set), c[SUM_SELF_TOTAL], c[SUM_FRAME],
		  c[SUM_BONUS], c[SUM_PENALTY], tol, c[SUM_FRAME], c[SUM_BONUS], c[SUM_PENALTY],
		  -tpl_points(pen));
	} else {
		F(t, "=0");
	}
	write_sum(t, first, SUM_SELF_CHECK, tpl_points(s->self_check), t->f_group_num);
	reset(t);
	F(t, "=ROUND(%s+%s+%s+%s,2)", c[SUM_FRAME], c[SUM_BONUS], c[SUM_PENALTY], c[SUM_SELF_CHECK]);
	write_sum(t, first, SUM_TOTAL, tpl_points(s->total), t->f_group_num);

	/* index: total / max in hundredths of a percent, half up (score.c) */
	char T[64], M[64];
	snprintf(T, sizeof T, "ROUND(%s*100,0)", c[SUM_TOTAL]);
	snprintf(M, sizeof M, "ROUND(%s*100,0)", c[SUM_MAX]);
	reset(t);
	F(t, "=IF(%s<=0,0,IF(%s*20000+%s>=0,QUOTIENT(%s*20000+%s,2*%s),-QUOTIENT(-(%s*20000+%s)+2*%s-1,"
	     "2*%s)))/100",
	  M, T, M, T, M, M, T, M, M, M);
	write_sum(t, first, SUM_INDEX, (double)s->index / 100, t->f_group_num);

	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(t->set, &nb);
	reset(t);
	F(t, "=IF(%s<=0,\"\",", M);
	for (size_t b = 0; b < nb; b++) {
		F(t, "IF(%s*%" PRId64 ">=%" PRId64 "*%s,", T, cchc_criteria_max(t->set), bands[b].min, M);
		cchc_formula_string(&t->scratch, bands[b].label);
		F(t, ",");
	}
	F(t, "\"\"");
	for (size_t b = 0; b <= nb; b++)
		F(t, ")");
	lxw_row_t r0 = first - 1 + SUM_BAND;
	tpl_check(t, worksheet_write_string(t->ws, r0, (lxw_col_t)t->col[COL_TITLE],
	                                    sum_labels[SUM_BAND][t->opt->english], t->f_bold));
	tpl_check(t, worksheet_write_formula_str(t->ws, r0, (lxw_col_t)t->col[COL_MAX], formula(t),
	                                         t->f_group, s->band ? s->band->label : ""));

	/* the total where it is always seen, under the title */
	reset(t);
	F(t, "=%s", c[SUM_TOTAL]);
	tpl_check(t, worksheet_write_string(t->ws, 1, (lxw_col_t)t->col[COL_TITLE],
	                                    sum_labels[SUM_TOTAL][t->opt->english], t->f_bold));
	tpl_check(t, worksheet_write_formula_num(t->ws, 1, (lxw_col_t)t->col[COL_MAX], formula(t),
	                                         t->f_group_num, tpl_points(s->total)));
	reset(t);
	F(t, "=%s", c[SUM_BAND]);
	tpl_check(t, worksheet_write_formula_str(t->ws, 1, (lxw_col_t)t->col[COL_RULE], formula(t),
	                                         t->f_group, s->band ? s->band->label : ""));
}

/* The "explanation required" flag: a claim without a document and without
 * an explanation; and a claim above the points. */
static void flags(tpl_writer *t, uint32_t first, uint32_t last)
{
	char self[16], docs[16], note[16], fin[16];
	ref(self, t, first, COL_SELF);
	ref(docs, t, first, COL_DOCS);
	ref(note, t, first, COL_NOTE);
	ref(fin, t, first, COL_FINAL);
	char cond[160];
	char rule[16];
	ref(rule, t, first, COL_RULE); /* leaves only: they alone have a rule in words */
	snprintf(cond, sizeof cond, "=AND($%s<>\"\",ISNUMBER($%s),$%s>0,$%s=\"\",$%s=\"\")", rule, self,
	         self, docs, note);
	/* the references above are relative to the range's first row: drop the row's $ */
	lxw_conditional_format cf = {0};
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = cond;
	cf.format = t->f_warn;
	tpl_check(t, worksheet_conditional_format_range(t->ws, first - 1, (lxw_col_t)t->col[COL_NOTE],
	                                                last - 1, (lxw_col_t)t->col[COL_NOTE], &cf));
	char over[160];
	char diff[16];
	ref(diff, t, first, COL_DIFF);
	snprintf(over, sizeof over, "=AND(ISNUMBER($%s),$%s>0)", diff, diff);
	lxw_conditional_format cf2 = {0};
	cf2.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf2.value_string = over;
	cf2.format = t->f_warn;
	tpl_check(t, worksheet_conditional_format_range(t->ws, first - 1, (lxw_col_t)t->col[COL_DIFF],
	                                                last - 1, (lxw_col_t)t->col[COL_DIFF], &cf2));
}

/* ---- print layout ------------------------------------------------------------------------ */

/* A4 landscape: 297 × 210 mm, margins in inches. The printable area at 100 %, in pixels (96 dpi,
 * as column widths are measured) across and in points down. */
#define PRINT_MIN_SCALE 70
#define MARGIN_SIDE 0.4
#define MARGIN_TOP 0.6
#define MARGIN_BOTTOM 0.5
#define PAGE_PX ((297 / 25.4 - 2 * MARGIN_SIDE) * 96)
#define PAGE_PT ((210 / 25.4 - MARGIN_TOP - MARGIN_BOTTOM) * 72)
/* what Excel and LibreOffice round and pad differently, kept free on every page */
#define PRINT_SLACK 0.95
#define TITLE_ROWS_PT (20 + 16 + 6) /* rows 1-3: title, total, gap */
#define HEADER_PT 60 /* four lines of bold header text */
#define SUM_ROW_PT 15

/* A column's printed width in pixels: width × the default font's digit (7 px) + 5 px padding. */
static double col_px(double chars)
{
	return (double)(long)(chars * 7 + 5);
}

/* The width of the physical columns from..to-1, hidden ones left out. */
static double cols_px(const tpl_writer *t, int from, int to)
{
	double px = 0;
	for (int c = 0; c < COL_COUNT_; c++)
		if (has_col(t, c) && c != COL_EFFMAX && (c != COL_FINAL || t->nrounds) && t->col[c] >= from &&
		    t->col[c] < to)
			px += col_px(col_widths[c]);
	for (int k = 0; k < 3 * (int)t->nrounds; k++)
		if (t->round_col + k >= from && t->round_col + k < to)
			px += col_px(k % 3 == RCOL_POINTS ? 7 : ROUND_TEXT_WIDTH);
	return px;
}

/* Two pages across: the agency's evidence and points on the first, the council's rounds (or,
 * without any, the documents and explanations) on the second, Mã and Tiêu chí repeated there;
 * the scale is the largest whole percent at which both fit, never below PRINT_MIN_SCALE
 * (a wider sheet then prints on more pages across, still readable). */
static int print_across(tpl_writer *t)
{
	const int brk = t->nrounds ? t->round_col : t->col[COL_DOCS];
	const double first = cols_px(t, 0, brk);
	const double second = cols_px(t, t->col[COL_ID], t->col[COL_TITLE] + 1) + cols_px(t, brk, 1 << 14);
	const double widest = first > second ? first : second;
	long scale = (long)(100 * PAGE_PX * PRINT_SLACK / widest);
	scale = scale > 100 ? 100 : scale < PRINT_MIN_SCALE ? PRINT_MIN_SCALE : scale;
	lxw_col_t vbreaks[] = {(lxw_col_t)brk, 0};
	tpl_check(t, worksheet_set_v_pagebreaks(t->ws, vbreaks));
	worksheet_set_print_scale(t->ws, (uint16_t)scale);
	return (int)scale;
}

/* The rows' page breaks, every one set (so neither Excel nor LibreOffice adds its own): a
 * group or criterion heading starts a page rather than end one, kept with its first leaf,
 * and the totals below the tree stay together. */
static void print_down(tpl_writer *t, int scale, size_t nn, const cchc_node *const *nodes)
{
	const double cap = PAGE_PT * 100 / scale * PRINT_SLACK;
	lxw_row_t *breaks = calloc(nn + 2, sizeof *breaks);
	size_t nb = 0;
	if (!breaks) {
		t->failed = 1;
		return;
	}
	double y = TITLE_ROWS_PT + HEADER_PT;
	for (size_t i = 0; i < nn; i++) {
		double need = 0; /* this row, and down to the first leaf when it is a heading */
		for (size_t k = i; k < nn; k++) {
			need += t->row_height[k];
			if (nodes[k]->nchildren == 0)
				break;
		}
		if (y + need > cap && y > HEADER_PT && nb < LXW_BREAKS_MAX) {
			breaks[nb++] = (lxw_row_t)(TPL_HEADER_ROW + i);
			y = HEADER_PT;
		}
		y += t->row_height[i];
	}
	if (y + (1 + SUM_COUNT_) * SUM_ROW_PT > cap && nb < LXW_BREAKS_MAX)
		breaks[nb++] = (lxw_row_t)(TPL_HEADER_ROW + nn);
	if (nb)
		tpl_check(t, worksheet_set_h_pagebreaks(t->ws, breaks));
	free(breaks);
}

/* Page header: the agency and the sheet (the title row is not repeated); footer: the page. */
static void print_header(tpl_writer *t)
{
	const char *name = t->opt->agency_name ? t->opt->agency_name : t->opt->agency_id;
	cchc_buf h;
	cchc_buf_init(&h, 0);
	cchc_buf_puts(&h, "&L&\"Times New Roman\"&9");
	/* & doubled; at most 120 bytes of the name, cut between UTF-8 characters (Excel's limit is 255) */
	size_t n = 0;
	for (const char *p = name; *p && (n < 120 || ((unsigned char)*p & 0xC0) == 0x80); p++, n++)
		cchc_buf_append(&h, *p == '&' ? "&&" : p, *p == '&' ? 2 : 1);
	cchc_buf_printf(&h, " (%.20s) — %s %d", t->opt->agency_id, t->w->sheet_assessment,
	                cchc_criteria_year(t->set));
	if (h.failed || strchr(t->opt->agency_id, '&'))
		h.len = 0; /* an id with & only loses the header */
	lxw_header_footer_options o = {0.25, NULL, NULL, NULL};
	if (h.len)
		tpl_check(t, worksheet_set_header_opt(t->ws, h.data, &o));
	tpl_check(t, worksheet_set_footer_opt(t->ws, t->opt->english ? "&C&\"Times New Roman\"&9Page &P of &N"
	                                                              : "&C&\"Times New Roman\"&9Trang &P/&N",
	                                      &o));
	cchc_buf_dispose(&h);
}

int tpl_write_assessment_sheet(tpl_writer *t)
{
	lxw_worksheet *ws = t->ws;
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(t->set, &nn);
	const tpl_words *w = t->w;

	/* header */
	char titlebuf[512];
	const char *name = t->opt->agency_name ? t->opt->agency_name : t->opt->agency_id;
	snprintf(titlebuf, sizeof titlebuf,
	         t->opt->english ? "%s — self-assessment %d: %s (%s)" : "%s — tự chấm điểm năm %d: %s (%s)",
	         cchc_criteria_title(t->set), cchc_criteria_year(t->set), name, t->opt->agency_id);
	tpl_check(t, worksheet_write_string(ws, 0, 0, titlebuf, t->f_title));
	for (int c = 0; c < COL_COUNT_; c++) {
		if ((c == COL_FINAL && !t->nrounds) || !has_col(t, c))
			continue;
		tpl_check(t, worksheet_write_string(ws, TPL_HEADER_ROW - 1, (lxw_col_t)t->col[c], w->cols[c],
		                                    t->f_header));
		lxw_row_col_options hide = {1, 0, 0};
		tpl_check(t, worksheet_set_column_opt(ws, (lxw_col_t)t->col[c], (lxw_col_t)t->col[c],
		                                      col_widths[c], NULL, c == COL_EFFMAX ? &hide : NULL));
	}
	for (size_t r = 0; r < t->nrounds; r++)
		for (int k = 0; k < 3; k++) {
			char h[96];
			snprintf(h, sizeof h, "%s%d", w->round_cols[k], t->rounds[r]);
			lxw_col_t col = (lxw_col_t)(t->round_col + 3 * (int)r + k);
			tpl_check(t, worksheet_write_string(ws, TPL_HEADER_ROW - 1, col, h, t->f_header));
			tpl_check(t, worksheet_set_column(ws, col, col, k == RCOL_POINTS ? 7 : ROUND_TEXT_WIDTH, NULL));
		}
	tpl_check(t, worksheet_set_row(ws, 0, 20, NULL));
	tpl_check(t, worksheet_set_row(ws, 1, 16, NULL));
	tpl_check(t, worksheet_set_row(ws, 2, 6, NULL));
	tpl_check(t, worksheet_set_row(ws, TPL_HEADER_ROW - 1, HEADER_PT, NULL));

	const uint32_t first = TPL_HEADER_ROW + 1, last = TPL_HEADER_ROW + (uint32_t)nn;
	ref(t->survey_missing, t, last + 2 + SUM_NO_SURVEY, COL_MAX); /* leaves read the flag */
	for (size_t i = 0; i < nn; i++)
		node_row(t, nodes[i]);
	totals(t, last + 2);
	for (uint32_t r = last; r <= last + SUM_COUNT_; r++) /* 0-based: the gap, then the totals */
		tpl_check(t, worksheet_set_row(ws, r, SUM_ROW_PT, NULL));
	flags(t, first, last);

	worksheet_outline_settings(ws, 1, 0, 1, 0);
	worksheet_freeze_panes(ws, TPL_HEADER_ROW, (lxw_col_t)(t->col[COL_TITLE] + 1));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
	worksheet_print_across(ws); /* a page's right half follows it */
	print_down(t, print_across(t), nn, nodes);
	print_header(t);
	tpl_check(t, worksheet_repeat_rows(ws, TPL_HEADER_ROW - 1, TPL_HEADER_ROW - 1));
	tpl_check(t, worksheet_repeat_columns(ws, (lxw_col_t)t->col[COL_ID], (lxw_col_t)t->col[COL_TITLE]));
	lxw_protection prot = {0};
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	return t->failed ? -1 : 0;
}
