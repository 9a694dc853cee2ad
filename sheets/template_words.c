/* The workbook's words: sheet names and headers in both languages (the
 * importer recognises either), and each rule kind in words. */
#include <inttypes.h>
#include <string.h>

#include "template_priv.h"

static const tpl_words vi = {
	"Tự chấm", "Điều tra XHH", "Hướng dẫn", "Có", "Không",
	{"Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Thực hiện (Có/Không)", "Ngày ban hành",
	 "Số liệu", "Số lượng", "Tử số", "Mẫu số", "Mức đạt", "Điểm hội đồng chấm", "Không áp dụng",
	 "Tự chấm", "Điểm theo quy tắc", "Điểm sau thẩm định", "Chênh lệch", "Tài liệu kiểm chứng",
	 "Giải trình", "Điểm tối đa tính"},
	{"Mã", "Tiêu chí", "Điểm tối đa", "Số người trả lời", "Điểm trung bình", "Độ lệch chuẩn",
	 "Các phương án"},
	{"Thẩm định lần ", "Người thẩm định lần ", "Lý do lần "},
	"Phương án ",
};

static const tpl_words en = {
	"Self-assessment", "Survey", "Guide", "Yes", "No",
	{"Id", "Criterion", "Max points", "How it is scored", "Done (Yes/No)", "Date issued", "Value",
	 "Count", "Numerator", "Denominator", "Grade", "Council's points", "Not applicable",
	 "Self-assessed", "Points by the rules", "Points after appraisal", "Difference",
	 "Evidence documents", "Explanation", "Counted max"},
	{"Id", "Criterion", "Max points", "Respondents", "Mean", "Standard deviation", "Options"},
	{"Appraisal round ", "Appraised by, round ", "Reason, round "},
	"Option ",
};

const tpl_words *tpl_words_for(int english)
{
	return english ? &en : &vi;
}

static void pts(cchc_buf *out, cchc_points p, cchc_lang lang)
{
	char b[CCHC_FMT_SIZE];
	cchc_fmt_points_short(b, p, lang);
	cchc_buf_puts(out, b);
}

static void dec(cchc_buf *out, cchc_decimal d, cchc_lang lang)
{
	char b[CCHC_FMT_SIZE];
	cchc_fmt_decimal(b, d, lang);
	cchc_buf_puts(out, b);
}

static void unit(cchc_buf *out, const cchc_rule *r)
{
	if (r->unit && *r->unit)
		cchc_buf_printf(out, strcmp(r->unit, "%") == 0 ? " %s" : " %s", r->unit);
}

static void step_words(cchc_buf *out, cchc_points step, cchc_lang lang)
{
	if (step <= 1)
		return;
	cchc_buf_puts(out, lang == CCHC_LANG_EN ? ", rounded down to a multiple of "
	                                        : ", làm tròn xuống bội của ");
	pts(out, step, lang);
}

static void penalty_words(cchc_buf *out, const cchc_node *n, cchc_lang lang)
{
	const cchc_rule *r = &n->rule;
	const int e = lang == CCHC_LANG_EN;
	if (r->kind == CCHC_RULE_PER_ITEM) {
		cchc_buf_puts(out, e ? "Minus " : "Trừ ");
		pts(out, -r->per_item, lang);
		cchc_buf_puts(out, e ? " per case, at most " : " điểm mỗi trường hợp, trừ tối đa ");
		pts(out, -n->min, lang);
	} else if (r->kind == CCHC_RULE_YES_NO) {
		cchc_buf_puts(out, e ? "If it happened (Yes): minus " : "Nếu có vi phạm (Có): trừ ");
		pts(out, -n->min, lang);
	} else {
		cchc_buf_puts(out, e ? "The council decides the deduction, at most "
		                     : "Hội đồng quyết định mức trừ, tối đa ");
		pts(out, -n->min, lang);
	}
}

/* The input columns a leaf's kind reads (the met column reads for every kind). */
int tpl_reads(const cchc_node *n, tpl_col c)
{
	if (c == COL_MET || c == COL_NA || c == COL_SELF || c == COL_DOCS || c == COL_NOTE)
		return 1;
	if (n->rule.kind == CCHC_RULE_SCALE)
		return 0; /* the survey sheet holds its evidence */
	if (n->kind == CCHC_GROUP_PENALTY) {
		switch (n->rule.kind) {
		case CCHC_RULE_PER_ITEM:
			return c == COL_COUNT;
		case CCHC_RULE_JUDGED:
			return c == COL_POINTS;
		default:
			break;
		}
	}
	switch (n->rule.kind) {
	case CCHC_RULE_TIERS:
	case CCHC_RULE_LINEAR:
		return c == COL_VALUE;
	case CCHC_RULE_PER_ITEM:
		return c == COL_COUNT;
	case CCHC_RULE_DEADLINE:
		return c == COL_DATE;
	case CCHC_RULE_RATIO:
		return c == COL_NUM || c == COL_DEN;
	case CCHC_RULE_GRADE:
		return c == COL_GRADE;
	case CCHC_RULE_JUDGED:
		return c == COL_POINTS;
	default:
		return 0;
	}
}

int tpl_rule_words(cchc_buf *out, const cchc_node *n, int english)
{
	const cchc_rule *r = &n->rule;
	const cchc_lang lang = english ? CCHC_LANG_EN : CCHC_LANG_VI;
	const int e = english;
	const char *pt = e ? " pt" : " điểm";
	char b[CCHC_FMT_SIZE];
	if (n->kind == CCHC_GROUP_PENALTY) {
		penalty_words(out, n, lang);
		return out->failed ? -1 : 0;
	}
	switch (r->kind) {
	case CCHC_RULE_YES_NO:
		cchc_buf_puts(out, e ? "Done (Yes): " : "Thực hiện (Có): ");
		pts(out, n->max, lang);
		cchc_buf_printf(out, "%s; %s", pt, e ? "No: 0" : "Không: 0");
		break;
	case CCHC_RULE_TIERS:
		for (size_t i = 0; i < r->ntiers; i++) {
			cchc_buf_puts(out, i ? "; " : "");
			cchc_buf_puts(out, r->better_lower ? (e ? "up to " : "đến ") : (e ? "from " : "từ "));
			dec(out, r->tiers[i].bound, lang);
			unit(out, r);
			cchc_buf_puts(out, ": ");
			pts(out, r->tiers[i].points, lang);
			cchc_buf_puts(out, pt);
		}
		cchc_buf_puts(out, e ? "; otherwise 0" : "; còn lại: 0");
		break;
	case CCHC_RULE_LINEAR:
		cchc_buf_puts(out, e ? "From " : "Từ ");
		dec(out, r->from, lang);
		unit(out, r);
		cchc_buf_puts(out, e ? " (0) to " : " (0 điểm) đến ");
		dec(out, r->to, lang);
		unit(out, r);
		cchc_buf_printf(out, " (");
		pts(out, n->max, lang);
		cchc_buf_printf(out, "%s), %s", pt, e ? "in proportion" : "theo tỷ lệ");
		step_words(out, r->step, lang);
		break;
	case CCHC_RULE_PER_ITEM:
		pts(out, r->per_item, lang);
		cchc_buf_printf(out, "%s %s", pt, e ? "each" : "mỗi");
		if (r->unit)
			cchc_buf_printf(out, " %s", r->unit);
		cchc_buf_puts(out, e ? ", at most " : ", tối đa ");
		pts(out, n->max, lang);
		break;
	case CCHC_RULE_DEADLINE:
		cchc_fmt_date(b, r->due, lang);
		cchc_buf_printf(out, "%s %s: ", e ? "On time, by" : "Đúng hạn", b);
		pts(out, n->max, lang);
		cchc_buf_puts(out, pt);
		if (r->grace_days > 0) {
			cchc_buf_printf(out, e ? "; up to %d days late: " : "; chậm ≤ %d ngày: ", r->grace_days);
			pts(out, r->grace_points, lang);
		}
		cchc_buf_puts(out, e ? "; later: " : "; chậm hơn: ");
		pts(out, r->late_points, lang);
		break;
	case CCHC_RULE_RATIO:
		cchc_buf_puts(out, e ? "Numerator / denominator × " : "Tử số / mẫu số × ");
		pts(out, n->max, lang);
		cchc_buf_puts(out, pt);
		step_words(out, r->step, lang);
		cchc_buf_puts(out, e ? "; denominator 0: " : "; mẫu số 0: ");
		pts(out, r->if_none_full ? n->max : 0, lang);
		break;
	case CCHC_RULE_GRADE:
		for (size_t i = 0; i < r->ngrades; i++) {
			cchc_buf_printf(out, "%s%s: ", i ? "; " : "", r->grades[i].label);
			pts(out, n->max * r->grades[i].share / 10000, lang);
		}
		break;
	case CCHC_RULE_JUDGED:
		cchc_buf_puts(out, e ? "Points given by the council, 0 to " : "Hội đồng chấm, từ 0 đến ");
		pts(out, n->max, lang);
		step_words(out, r->step, lang);
		break;
	case CCHC_RULE_SCALE:
		if (r->noptions) {
			cchc_buf_puts(out, e ? "Survey: share satisfied (" : "Điều tra XHH: tỷ lệ hài lòng (");
			for (size_t i = 0; i < r->noptions; i++) {
				cchc_buf_printf(out, "%s%s ", i ? ", " : "", r->options[i].label);
				dec(out, r->options[i].weight, lang);
				cchc_buf_puts(out, " %");
			}
			cchc_buf_puts(out, ") × ");
		} else {
			cchc_buf_puts(out, e ? "Survey: mean on " : "Điều tra XHH: điểm trung bình trên thang ");
			dec(out, r->from, lang);
			cchc_buf_puts(out, "–");
			dec(out, r->to, lang);
			cchc_buf_puts(out, " × ");
		}
		pts(out, n->max, lang);
		cchc_buf_puts(out, pt);
		break;
	default:
		break;
	}
	return out->failed ? -1 : 0;
}

int tpl_doc_line(cchc_buf *out, const cchc_doc *doc)
{
	cchc_buf_puts(out, doc->ref ? doc->ref : "");
	/* the file follows the last " | "; a ref that holds one gets an empty file */
	if (doc->file)
		cchc_buf_printf(out, " | %s", doc->file);
	else if (doc->ref && strchr(doc->ref, '|'))
		cchc_buf_puts(out, " |");
	return out->failed ? -1 : 0;
}

int tpl_xml_attr(cchc_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			cchc_buf_puts(out, "&amp;");
			break;
		case '<':
			cchc_buf_puts(out, "&lt;");
			break;
		case '>':
			cchc_buf_puts(out, "&gt;");
			break;
		case '"':
			cchc_buf_puts(out, "&quot;");
			break;
		case '\n':
			cchc_buf_puts(out, "&#10;");
			break;
		case '\t':
			cchc_buf_puts(out, "&#9;");
			break;
		case '\r':
			cchc_buf_puts(out, "&#13;");
			break;
		default:
			cchc_buf_append(out, s, 1);
		}
	}
	return out->failed ? -1 : 0;
}
