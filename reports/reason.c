/* Wording of the engine's structured reasons: one sentence per cchc_why,
 * built from the strings table's templates and the locale's numbers. Every
 * figure comes from the cchc_reason (or the node's scores); none is derived. */
#include <inttypes.h>
#include <string.h>

#include "report_priv.h"

#define NARGS 4

/* A template's arguments, each built in its own buffer. */
typedef struct {
	cchc_buf a[NARGS];
	cchc_lang lang;
} args;

static void args_init(args *x, cchc_lang lang, size_t cap)
{
	for (size_t i = 0; i < NARGS; i++)
		cchc_buf_init(&x->a[i], cap);
	x->lang = lang;
}

/* Free the arguments; @return non-zero if any of them failed. */
static int args_dispose(args *x)
{
	int failed = 0;
	for (size_t i = 0; i < NARGS; i++) {
		failed |= x->a[i].failed;
		cchc_buf_dispose(&x->a[i]);
	}
	return failed;
}

static const char *arg(const args *x, size_t i)
{
	return x->a[i].data ? x->a[i].data : "";
}

/* "1 điểm", "0,5 điểm" / "1 point", "0.5 points". */
static void put_points(cchc_buf *b, cchc_points p, cchc_lang lang)
{
	char num[CCHC_FMT_SIZE];
	cchc_fmt_points_short(num, p, lang);
	cchc_buf_printf(b, "%s %s", num,
	                cchc_str(p == 100 ? CCHC_STR_POINT_ONE : CCHC_STR_POINT_MANY, lang));
}

/* "12 ngày" / "12 days": a whole quantity with its noun. */
static void put_qty(cchc_buf *b, int64_t n, cchc_str_id one, cchc_str_id many, cchc_lang lang)
{
	cchc_buf_printf(b, "%" PRId64 " %s", n, cchc_str(n == 1 ? one : many, lang));
}

/* The criteria sets write their units in Vietnamese; an English report says
 * them in English (singular, plural). A unit not listed is written as given. */
static const char *const units_en[][3] = {
	{"năm", "year", "years"},          {"ngày", "day", "days"},
	{"người", "person", "people"},     {"báo cáo", "report", "reports"},
	{"văn bản", "document", "documents"}, {"hồ sơ", "file", "files"},
	{"TTHC", "procedure", "procedures"}, {"cuộc", "inspection", "inspections"},
	{"hình thức", "form", "forms"},
	{"phòng, đơn vị", "unit", "units"}, {"đơn vị", "unit", "units"},
	{"phương án", "plan", "plans"},    {"phản ánh", "complaint", "complaints"},
	{"sáng kiến", "initiative", "initiatives"}, {"tin, bài", "article", "articles"},
	{"vi phạm", "violation", "violations"}, {"xã", "commune", "communes"},
};

static const char *unit_word(const char *unit, int plural, cchc_lang lang)
{
	if (lang == CCHC_LANG_EN)
		for (size_t i = 0; i < sizeof units_en / sizeof *units_en; i++)
			if (strcmp(unit, units_en[i][0]) == 0)
				return units_en[i][plural ? 2 : 1];
	return unit;
}

/* The rule's unit after a number: "%" written close, any other after a space. */
static void put_unit(cchc_buf *b, const char *unit, int plural, cchc_lang lang)
{
	if (unit && *unit) {
		if (unit[0] != '%')
			cchc_buf_puts(b, " ");
		cchc_buf_puts(b, unit_word(unit, plural, lang));
	}
}

/* A rank is said before its number: "hạng 4" / "rank 4", not "4 hạng". */
static int rank_unit(const char *unit)
{
	return unit && strcmp(unit, "hạng") == 0;
}

/* "92%", "3 năm", "3,85", "hạng 4": a decimal value with the rule's unit. */
static void put_value(cchc_buf *b, cchc_decimal v, const char *unit, cchc_lang lang)
{
	char num[CCHC_FMT_SIZE];
	cchc_fmt_decimal(num, v, lang);
	if (rank_unit(unit)) {
		cchc_buf_printf(b, "%s %s", lang == CCHC_LANG_EN ? "rank" : unit, num);
		return;
	}
	cchc_buf_puts(b, num);
	put_unit(b, unit, v != CCHC_DECIMAL_SCALE, lang);
}

/* "88,88%": a share in millionths of a percent, shown to two decimals. */
static void put_percent(cchc_buf *b, cchc_decimal v, cchc_lang lang)
{
	char num[CCHC_FMT_SIZE];
	cchc_fmt_decimal_prec(num, v, 2, lang);
	cchc_buf_puts(b, num);
	cchc_buf_puts(b, "%");
}

/* "2 báo cáo": a whole count with the rule's unit. */
static void put_count(cchc_buf *b, int64_t n, const char *unit, cchc_lang lang)
{
	cchc_buf_printf(b, "%" PRId64, n);
	put_unit(b, unit, n != 1, lang);
}

static void put_date(cchc_buf *b, cchc_date d, cchc_lang lang)
{
	char s[CCHC_FMT_SIZE];
	cchc_fmt_date(s, d, lang);
	cchc_buf_puts(b, s);
}

static int fill(cchc_buf *out, cchc_str_id id, const args *x)
{
	const char *v[NARGS];
	for (size_t i = 0; i < NARGS; i++)
		v[i] = arg(x, i);
	return cchc_str_fill(out, id, x->lang, v, NARGS);
}

static int word_appraisal(cchc_buf *out, const cchc_reason *r, const cchc_node_score *ns, args *x)
{
	const cchc_appraisal *ap = r->appraisal;
	const char *by = ap && ap->by && *ap->by ? ap->by
	                                         : cchc_str(CCHC_STR_APPRAISAL_BY, x->lang);
	cchc_buf_puts(&x->a[0], by);
	cchc_buf_printf(&x->a[2], "%d", ap ? ap->round : 1);
	if (ap && ap->reason && *ap->reason) {
		cchc_buf_puts(&x->a[1], ap->reason);
		return fill(out, CCHC_STR_R_APPRAISAL, x);
	}
	put_points(&x->a[1], ap ? ap->points : ns->points, x->lang);
	return fill(out, CCHC_STR_R_APPRAISAL_POINTS, x);
}

static int word_ratio(cchc_buf *out, const cchc_reason *r, args *x)
{
	cchc_buf_printf(&x->a[0], "%" PRId64, r->numerator);
	cchc_buf_printf(&x->a[1], "%" PRId64, r->denominator);
	put_unit(&x->a[2], r->unit, r->denominator != 1, x->lang);
	/* The share is shown only when the engine gives it (value, in % millionths). */
	if (r->value > 0) {
		put_percent(&x->a[3], r->value, x->lang);
		return fill(out, CCHC_STR_R_RATIO_PERCENT, x);
	}
	return fill(out, CCHC_STR_R_RATIO, x);
}

static int word_survey(cchc_buf *out, const cchc_reason *r, args *x)
{
	if (r->why == CCHC_WHY_SURVEY_MEAN) {
		put_value(&x->a[0], r->value, NULL, x->lang);
		put_value(&x->a[1], r->target, NULL, x->lang);
		fill(out, CCHC_STR_R_SURVEY_MEAN, x);
	} else {
		put_percent(&x->a[0], r->value, x->lang);
		fill(out, CCHC_STR_R_SURVEY_SCORE, x);
	}
	if (r->respondents > 0) {
		args y;
		args_init(&y, x->lang, out->cap);
		put_qty(&y.a[0], r->respondents, CCHC_STR_RESPONDENT_ONE, CCHC_STR_RESPONDENT_MANY,
		        x->lang);
		fill(out, CCHC_STR_R_RESPONDENTS, &y);
		if (args_dispose(&y))
			out->failed = 1;
	}
	return out->failed ? -1 : 0;
}

/* The sentence for r->why; arguments go to x's buffers. */
static int word(cchc_buf *out, const cchc_node *leaf, const cchc_node_score *ns, args *x)
{
	const cchc_reason *r = ns->reason;
	const cchc_lang lang = x->lang;
	const int penalty = leaf->group && leaf->group->kind == CCHC_GROUP_PENALTY;

	switch (r->why) {
	case CCHC_WHY_NONE:
		return 0;
	case CCHC_WHY_NO_ITEM:
		return fill(out, CCHC_STR_R_NO_ITEM, x);
	case CCHC_WHY_NOT_MET:
		/* the cause already says "Chưa thực hiện": a note says more than repeating it */
		if (r->note && *r->note)
			return 0;
		return fill(out, CCHC_STR_R_NOT_MET, x);
	case CCHC_WHY_LATE:
		put_date(&x->a[0], r->date, lang);
		put_qty(&x->a[1], r->days_late, CCHC_STR_DAY_ONE, CCHC_STR_DAY_MANY, lang);
		put_date(&x->a[2], r->due, lang);
		/* what was late is the criterion's own act: "triển khai", "đăng tải"… */
		cchc_buf_puts(&x->a[3], leaf->verb && *leaf->verb && lang == CCHC_LANG_VI
		                            ? leaf->verb
		                            : cchc_str(CCHC_STR_R_VERB, lang));
		return fill(out, CCHC_STR_R_LATE, x);
	case CCHC_WHY_NO_DOC:
		if (!ns->has_self)
			return fill(out, CCHC_STR_R_NO_DOC_PLAIN, x);
		put_points(&x->a[0], ns->self, lang);
		return fill(out, CCHC_STR_R_NO_DOC, x);
	case CCHC_WHY_TIER:
		put_value(&x->a[0], r->value, r->unit, lang);
		put_value(&x->a[1], r->target, r->unit, lang);
		put_points(&x->a[2], r->target_points, lang);
		if (leaf->rule.better_lower)
			return fill(out, CCHC_STR_R_TIER_LOWER, x);
		return fill(out, CCHC_STR_R_TIER_HIGHER, x);
	case CCHC_WHY_LINEAR:
		put_value(&x->a[0], r->value, r->unit, lang);
		put_value(&x->a[1], r->target, r->unit, lang);
		return fill(out, CCHC_STR_R_LINEAR, x);
	case CCHC_WHY_COUNT:
	case CCHC_WHY_COUNT_ZERO:
		put_count(&x->a[0], r->count, r->unit, lang);
		put_value(&x->a[1], r->target, r->unit, lang);
		if (r->why == CCHC_WHY_COUNT)
			return fill(out, CCHC_STR_R_COUNT, x);
		return fill(out,
		            r->target > 0 ? CCHC_STR_R_COUNT_ZERO_TARGET : CCHC_STR_R_COUNT_ZERO,
		            x);
	case CCHC_WHY_RATIO:
		return word_ratio(out, r, x);
	case CCHC_WHY_GRADE:
		cchc_buf_puts(&x->a[0], r->grade ? r->grade : "");
		return fill(out, CCHC_STR_R_GRADE, x);
	case CCHC_WHY_JUDGED:
		if (penalty) {
			put_points(&x->a[0], -ns->computed, lang);
			return fill(out, CCHC_STR_R_PENALTY_JUDGED, x);
		} else {
			char num[CCHC_FMT_SIZE];
			cchc_fmt_points_short(num, ns->computed, lang);
			cchc_buf_puts(&x->a[0], num);
			cchc_fmt_points_short(num, leaf->max, lang);
			cchc_buf_puts(&x->a[1], num);
			cchc_buf_puts(&x->a[2], cchc_str(leaf->max == 100 ? CCHC_STR_POINT_ONE
			                                                   : CCHC_STR_POINT_MANY,
			                                 lang));
			return fill(out, CCHC_STR_R_JUDGED, x);
		}
	case CCHC_WHY_SURVEY_MEAN:
	case CCHC_WHY_SURVEY_ANSWERS:
		return word_survey(out, r, x);
	case CCHC_WHY_APPRAISAL:
		return word_appraisal(out, r, ns, x);
	case CCHC_WHY_PENALTY_COUNT:
		if (r->unit && *r->unit)
			put_count(&x->a[0], r->count, r->unit, lang);
		else
			put_qty(&x->a[0], r->count, CCHC_STR_CASE_ONE, CCHC_STR_CASE_MANY, lang);
		put_points(&x->a[1], -ns->points, lang);
		return fill(out, CCHC_STR_R_PENALTY_COUNT, x);
	case CCHC_WHY_PENALTY_EVENT:
		put_points(&x->a[0], -ns->points, lang);
		return fill(out, CCHC_STR_R_PENALTY_EVENT, x);
	}
	return 0;
}

int cchc_reason_format(cchc_buf *out, const cchc_node *leaf, const cchc_node_score *ns,
                       cchc_lang lang)
{
	args x;
	args_init(&x, lang, out->cap);
	const size_t start = out->len;
	int rc = word(out, leaf, ns, &x);
	int argfail = args_dispose(&x);
	const char *note = ns->reason->note;
	if (rc == 0 && !argfail && note && *note) {
		if (out->len == start) {
			cchc_buf_puts(out, note); /* a note alone (N/A, full points) */
		} else {
			const char *v[1] = {note};
			cchc_str_fill(out, CCHC_STR_R_NOTE, lang, v, 1);
		}
	}
	if (argfail)
		out->failed = 1;
	return rc < 0 || out->failed ? -1 : 0;
}
