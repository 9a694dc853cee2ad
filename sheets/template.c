/* cchc_template_write: the self-assessment workbook. This file sets the
 * workbook up (formats, the guide, the survey sheet, the hidden "cchc" sheet
 * that marks it) and writes it atomically; template_sheet.c writes the
 * assessment sheet. */
#define _POSIX_C_SOURCE 200809L /* open, fsync */
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unzip.h>
#include <zip.h>

#include "cchc/buf.h"
#include "book_write.h"
#include "template_write.h"

void tpl_check(tpl_writer *t, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		t->failed = 1;
}

int tpl_survey_prefix(cchc_buf *out, const tpl_writer *t)
{
	cchc_buf_puts(out, "'");
	const char *s = t->w->sheet_survey;
	for (const char *q; (q = strchr(s, '\'')) != NULL; s = q + 1) {
		cchc_buf_append(out, s, (size_t)(q - s + 1));
		cchc_buf_puts(out, "'");
	}
	cchc_buf_puts(out, s);
	return cchc_buf_puts(out, "'!");
}

static lxw_format *fmt(tpl_writer *t, int bold, int wrap, const char *num, int input, int grey)
{
	lxw_format *f = book_format(t->wb, bold, wrap, num, grey ? 0xE7E6E6 : input ? 0xFFF9DB : 0, input);
	if (!f)
		t->failed = 1;
	return f;
}

static void formats(tpl_writer *t)
{
	/* Column widths count in the default (Normal) font's digits: make it Times New Roman, as
	 * every cell, so LibreOffice (Liberation Serif, the same metrics) lays the columns out as
	 * Excel does; Calibri, where it is not installed, falls back to a far wider font. There is
	 * no call for it in libxlsxwriter 1.1.4: the workbook's first format is the default. */
	lxw_format *normal = STAILQ_FIRST(t->wb->formats);
	if (normal)
		format_set_font_name(normal, "Times New Roman");
	t->f_title = fmt(t, 1, 0, NULL, 0, 0);
	if (t->f_title) {
		format_set_font_size(t->f_title, 13);
		format_set_border(t->f_title, LXW_BORDER_NONE);
	}
	t->f_header = fmt(t, 1, 1, NULL, 0, 0);
	if (t->f_header) {
		format_set_bg_color(t->f_header, 0xD9E1F2);
		format_set_align(t->f_header, LXW_ALIGN_CENTER);
		format_set_align(t->f_header, LXW_ALIGN_VERTICAL_CENTER);
	}
	t->f_text = fmt(t, 0, 0, NULL, 0, 0);
	t->f_wrap = fmt(t, 0, 1, NULL, 0, 0);
	t->f_num = fmt(t, 0, 0, "0.00", 0, 0);
	t->f_group = fmt(t, 1, 1, NULL, 0, 0);
	t->f_group_num = fmt(t, 1, 0, "0.00", 0, 0);
	t->f_in_text = fmt(t, 0, 0, NULL, 1, 0);
	t->f_in_wrap = fmt(t, 0, 1, NULL, 1, 0);
	t->f_in_num = fmt(t, 0, 0, "0.00", 1, 0);
	t->f_in_count = fmt(t, 0, 0, "0", 1, 0);
	t->f_in_date = fmt(t, 0, 0, "dd/mm/yyyy", 1, 0);
	t->f_off = fmt(t, 0, 0, NULL, 0, 1);
	t->f_bold = fmt(t, 1, 0, NULL, 0, 0);
	t->f_warn = workbook_add_format(t->wb);
	if (t->f_warn)
		format_set_bg_color(t->f_warn, 0xF8CBAD);
	else
		t->failed = 1;
}

/* Distinct appraisal round numbers of the answers, ascending. */
static int collect_rounds(tpl_writer *t)
{
	size_t nn, cap = 0;
	const cchc_node *const *nodes = cchc_criteria_nodes(t->set, &nn);
	for (size_t i = 0; i < nn; i++) {
		const cchc_item *it = cchc_assessment_item(t->a, nodes[i]);
		cap += it ? it->nrounds : 0;
	}
	t->rounds = calloc(cap ? cap : 1, sizeof *t->rounds);
	if (!t->rounds)
		return -1;
	for (size_t i = 0; i < nn; i++) {
		const cchc_item *it = cchc_assessment_item(t->a, nodes[i]);
		for (size_t k = 0; it && k < it->nrounds; k++) {
			size_t at = 0;
			while (at < t->nrounds && t->rounds[at] < it->rounds[k].round)
				at++;
			if (at < t->nrounds && t->rounds[at] == it->rounds[k].round)
				continue;
			memmove(t->rounds + at + 1, t->rounds + at, (t->nrounds - at) * sizeof *t->rounds);
			t->rounds[at] = it->rounds[k].round;
			t->nrounds++;
		}
	}
	return 0;
}

/* The columns in order; an evidence column no rule of the set reads is not written (-1), so the
 * sheet prints narrower (the importer finds columns by header and never needs it). */
static void layout(tpl_writer *t)
{
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(t->set, &nn);
	int c = 0;
	for (int k = 0; k <= COL_COMPUTED; k++) {
		int used = k < COL_DATE || k > COL_POINTS;
		for (size_t i = 0; i < nn && !used; i++)
			used = nodes[i]->nchildren == 0 && tpl_reads(nodes[i], (tpl_col)k);
		t->col[k] = used ? c++ : -1;
	}
	t->round_col = c;
	c += 3 * (int)t->nrounds;
	t->col[COL_FINAL] = t->nrounds ? c++ : t->col[COL_COMPUTED];
	for (int k = COL_DIFF; k < COL_COUNT_; k++)
		t->col[k] = c++;
}

static int meta_row(tpl_writer *t, uint32_t *row, const char *key, const char *value)
{
	tpl_check(t, worksheet_write_string(t->meta, *row, 0, key, NULL));
	if (value && *value)
		tpl_check(t, worksheet_write_string(t->meta, *row, 1, value, NULL));
	(*row)++;
	return 0;
}

/* A published group's or criterion's points: "published.group:ID" or "published.criterion:ID". */
static void published_row(tpl_writer *t, uint32_t *row, const char *what, const char *id,
                          cchc_points points)
{
	char key[256], v[CCHC_FMT_SIZE + 16];
	snprintf(key, sizeof key, "published.%s:%s", what, id);
	meta_row(t, row, key, cchc_points_spell(v, points));
}

/* The hidden sheet that marks a cchc workbook, and the grade lists. */
static void meta_sheet(tpl_writer *t)
{
	uint32_t r = 0;
	char year[16];
	snprintf(year, sizeof year, "%d", cchc_criteria_year(t->set));
	const char *name = t->opt->agency_name ? t->opt->agency_name : t->opt->agency_id;
	meta_row(t, &r, "format", CCHC_WORKBOOK_FORMAT);
	meta_row(t, &r, "kind", "assessment");
	meta_row(t, &r, "criteria-set", cchc_criteria_id(t->set));
	meta_row(t, &r, "year", year);
	meta_row(t, &r, "agency", t->opt->agency_id);
	meta_row(t, &r, "name", name);
	meta_row(t, &r, "block", t->opt->block);
	meta_row(t, &r, "lang", t->opt->english ? "en" : "vi");
	meta_row(t, &r, "sheet.assessment", t->w->sheet_assessment);
	meta_row(t, &r, "sheet.survey", t->w->sheet_survey);
	meta_row(t, &r, "yes", t->w->yes);
	meta_row(t, &r, "no", t->w->no);
	/* the figures the province published, kept as they were given */
	const cchc_published *pub = cchc_assessment_published(t->a);
	if (pub) {
		char v[CCHC_FMT_SIZE + 16];
		meta_row(t, &r, "published", "yes");
		if (pub->has_total)
			meta_row(t, &r, "published.total", cchc_points_spell(v, pub->total));
		if (pub->rank) {
			snprintf(v, sizeof v, "%zu", pub->rank);
			meta_row(t, &r, "published.rank", v);
		}
		if (pub->band)
			meta_row(t, &r, "published.band", pub->band->label);
		meta_row(t, &r, "published.source", pub->source);
		for (size_t g = 0; g < pub->ngroups; g++)
			published_row(t, &r, "group", pub->groups[g].group->id, pub->groups[g].points);
		for (size_t c = 0; c < pub->ncriteria; c++)
			published_row(t, &r, "criterion", pub->criteria[c].criterion->id,
			              pub->criteria[c].points);
	}
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(t->set, &nn);
	for (size_t i = 0; i < nn; i++) {
		const cchc_node *n = nodes[i];
		if (n->nchildren || n->rule.kind != CCHC_RULE_GRADE)
			continue;
		char key[256];
		snprintf(key, sizeof key, "grades:%s", n->id);
		t->grade_row[i] = r + 1;
		tpl_check(t, worksheet_write_string(t->meta, r, 0, key, NULL));
		for (size_t g = 0; g < n->rule.ngrades; g++)
			tpl_check(t, worksheet_write_string(t->meta, r, (lxw_col_t)(1 + g),
			                                    n->rule.grades[g].label, NULL));
		r++;
	}
	worksheet_hide(t->meta);
}

static const char *const guide_vi[] = {
	"HƯỚNG DẪN TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
	"",
	"Sổ này có một dòng cho mỗi lĩnh vực, tiêu chí và tiêu chí thành phần. Chỉ nhập vào các ô nền vàng; "
	"các ô khác được khóa (không đặt mật khẩu). Bấm dấu + / − bên trái để mở hoặc thu gọn từng lĩnh vực.",
	"",
	"Các cột:",
	"• Mã, Tiêu chí, Điểm tối đa, Cách chấm: theo Bộ chỉ số; không sửa.",
	"• Thực hiện (Có/Không): với tiêu chí chấm Có/Không, chọn Có hoặc Không. Với tiêu chí khác, chọn "
	"Không nếu chưa thực hiện; nếu đã thực hiện, để trống và nhập số liệu ở cột của tiêu chí.",
	"• Ngày ban hành: tiêu chí chấm theo thời hạn; nhập ngày trước, tháng sau: 12/01/2019.",
	"• Số liệu: tiêu chí chấm theo mức (tỷ lệ %, số ngày…); nhập số, dấu phẩy thập phân: 92,5.",
	"• Số lượng: tiêu chí chấm theo số lượng (số cuộc, số văn bản…); nhập số nguyên.",
	"• Tử số / Mẫu số: tiêu chí chấm theo tỷ lệ; ví dụ 3 báo cáo đúng hạn trên 4 báo cáo phải gửi: 3 và 4.",
	"• Mức đạt: chọn một mức trong danh sách.",
	"• Điểm hội đồng chấm: tiêu chí do Hội đồng thẩm định chấm.",
	"• Không áp dụng: chọn Có nếu tiêu chí không áp dụng với cơ quan (ghi lý do ở cột Giải trình); "
	"tiêu chí đó được loại khỏi điểm tối đa.",
	"• Tự chấm: số điểm cơ quan tự đánh giá, từ 0 đến điểm tối đa.",
	"• Điểm theo quy tắc: do sổ tự tính từ số liệu đã nhập, đúng như phần mềm chấm; không sửa.",
	"• Chênh lệch: tự chấm trừ điểm theo quy tắc; ô tô đỏ là tự chấm cao hơn.",
	"• Tài liệu kiểm chứng: mỗi dòng một tài liệu (Alt+Enter để xuống dòng): số, ngày và trang hoặc mục; "
	"nếu kèm tệp, thêm \" | \" và tên tệp, ví dụ: Kế hoạch số 45/KH-SKHĐT ngày 12/02/2018, mục II | kh-45.pdf",
	"• Giải trình: bắt buộc (ô tô đỏ) khi tự chấm điểm mà không có tài liệu kiểm chứng.",
	"",
	"Mỗi loại cách chấm:",
	"• Có/Không: thực hiện được điểm tối đa, không thực hiện được 0.",
	"• Theo mức: số liệu đạt mức nào được điểm của mức đó.",
	"• Tuyến tính: điểm theo tỷ lệ giữa hai mốc, làm tròn xuống.",
	"• Theo số lượng: mỗi lần được một số điểm, không quá điểm tối đa.",
	"• Theo thời hạn: đúng hạn được điểm tối đa; chậm trong số ngày cho phép được một phần; chậm hơn 0.",
	"• Theo tỷ lệ: tử số / mẫu số nhân điểm tối đa, làm tròn xuống; mẫu số 0 theo quy định của tiêu chí.",
	"• Theo mức đạt: mỗi mức một tỷ lệ điểm.",
	"• Hội đồng chấm: điểm do Hội đồng thẩm định cho.",
	"• Điều tra XHH: Sở Nội vụ nhập kết quả ở trang Điều tra XHH (số người trả lời, điểm trung bình, độ "
	"lệch chuẩn, hoặc số phiếu theo từng phương án).",
	"• Điểm trừ: nhập số lần vi phạm hoặc chọn Có nếu có vi phạm.",
	"",
	"Điểm tổng, chỉ số và xếp loại ở cuối trang Tự chấm (và dòng 2) thay đổi ngay khi nhập.",
	"Khi xong, lưu tệp (giữ định dạng .xlsx) và gửi Sở Nội vụ (cơ quan thường trực cải cách hành chính) "
	"cùng các tài liệu kiểm chứng.",
};

static const char *const guide_en[] = {
	"HOW TO FILL IN THE PAR INDEX SELF-ASSESSMENT",
	"",
	"The workbook has one row per group, criterion and sub-criterion. Type only in the yellow cells; the "
	"others are locked (no password). Use + / − on the left to fold or unfold each group.",
	"",
	"Columns:",
	"• Id, Criterion, Max points, How it is scored: from the criteria set; do not change them.",
	"• Done (Yes/No): for yes/no criteria choose Yes or No. For other criteria choose No when it was not "
	"done; otherwise leave it blank and fill in the criterion's own column.",
	"• Date issued: deadline criteria; day first: 12/01/2019.",
	"• Value: tiered criteria (a rate in %, days…); a number.",
	"• Count: counted criteria (meetings, documents…); a whole number.",
	"• Numerator / Denominator: rate criteria, e.g. 3 reports on time out of 4 due: 3 and 4.",
	"• Grade: choose one from the list.",
	"• Council's points: criteria the appraisal council scores.",
	"• Not applicable: choose Yes when the criterion does not apply (say why under Explanation); it then "
	"leaves the agency's max.",
	"• Self-assessed: the points the agency claims, 0 to the max.",
	"• Points by the rules: computed by the workbook from what was typed, as cchc scores it; do not change.",
	"• Difference: self-assessed minus the points; red when the claim is higher.",
	"• Evidence documents: one document per line (Alt+Enter): number, date and page or section; with a "
	"file, add \" | \" and its name.",
	"• Explanation: required (red) where points are claimed without a document.",
	"",
	"Each kind of rule: yes/no; tiers; linear between two bounds, rounded down; per item up to the max; "
	"deadline with grace days; rate, rounded down; grade shares; council's points; survey results "
	"(entered by the Department of Home Affairs on the Survey sheet); penalties.",
	"",
	"The total, index and band at the bottom of the Self-assessment sheet (and on row 2) move as you type.",
	"When done, save as .xlsx and send it to the Department of Home Affairs with the evidence.",
};

static void guide_sheet(tpl_writer *t, lxw_worksheet *ws)
{
	const char *const *lines = t->opt->english ? guide_en : guide_vi;
	size_t n = t->opt->english ? sizeof guide_en / sizeof *guide_en : sizeof guide_vi / sizeof *guide_vi;
	tpl_check(t, worksheet_set_column(ws, 0, 0, 120, t->f_wrap));
	for (size_t i = 0; i < n; i++)
		if (*lines[i])
			tpl_check(t, worksheet_write_string(ws, (lxw_row_t)i, 0, lines[i],
			                                    i == 0 ? t->f_title : t->f_wrap));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_protect(ws, NULL, NULL);
}

/* The survey sheet: one row per scale leaf; its option columns are the
 * union of the rules' option ids, in order of appearance. */
static int survey_sheet(tpl_writer *t)
{
	lxw_worksheet *ws = t->survey;
	size_t nn;
	const cchc_node *const *nodes = cchc_criteria_nodes(t->set, &nn);
	for (size_t i = 0; i < nn; i++) {
		const cchc_rule *r = &nodes[i]->rule;
		if (nodes[i]->nchildren || r->kind != CCHC_RULE_SCALE)
			continue;
		for (size_t o = 0; o < r->noptions; o++) {
			size_t k = 0;
			while (k < t->noptions && strcmp(t->option_ids[k], r->options[o].id) != 0)
				k++;
			if (k == t->noptions) {
				char **grown = realloc(t->option_ids, (t->noptions + 1) * sizeof *grown);
				if (!grown)
					return -1;
				t->option_ids = grown;
				t->option_ids[t->noptions++] = r->options[o].id;
			}
		}
	}
	const tpl_words *w = t->w;
	tpl_check(t, worksheet_write_string(ws, 0, 0, t->opt->english ? "Survey results (entered by the "
	                                                               "Department of Home Affairs)"
	                                                             : "Kết quả điều tra xã hội học (Sở Nội vụ nhập)",
	                                    t->f_title));
	static const double widths[SCOL_COUNT_] = {7, 42, 8, 11, 10, 10, 40};
	for (int c = 0; c < SCOL_OPTIONS; c++) {
		tpl_check(t, worksheet_write_string(ws, TPL_SURVEY_HEADER_ROW - 1, (lxw_col_t)c, w->scols[c],
		                                    t->f_header));
		tpl_check(t, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
	}
	for (size_t k = 0; k < t->noptions; k++) {
		char h[96];
		snprintf(h, sizeof h, "%s%s", w->option_col, t->option_ids[k]);
		tpl_check(t, worksheet_write_string(ws, TPL_SURVEY_HEADER_ROW - 1,
		                                    (lxw_col_t)(SCOL_OPTIONS + k), h, t->f_header));
		tpl_check(t, worksheet_set_column(ws, (lxw_col_t)(SCOL_OPTIONS + k),
		                                  (lxw_col_t)(SCOL_OPTIONS + k), 10, NULL));
	}
	lxw_col_t labels = (lxw_col_t)(SCOL_OPTIONS + t->noptions);
	tpl_check(t, worksheet_write_string(ws, TPL_SURVEY_HEADER_ROW - 1, labels, w->scols[SCOL_OPTIONS],
	                                    t->f_header));
	tpl_check(t, worksheet_set_column(ws, labels, labels, 40, NULL));
	tpl_check(t, worksheet_set_row(ws, TPL_SURVEY_HEADER_ROW - 1, 30, NULL));

	uint32_t row = TPL_SURVEY_HEADER_ROW; /* 0-based: the first data row */
	for (size_t i = 0; i < nn; i++) {
		const cchc_node *n = nodes[i];
		const cchc_rule *r = &n->rule;
		if (n->nchildren || r->kind != CCHC_RULE_SCALE)
			continue;
		const cchc_item *it = cchc_assessment_item(t->a, n);
		const unsigned has = it ? it->has : 0;
		t->survey_row[i] = row + 1;
		if (!t->survey_first)
			t->survey_first = row + 1;
		t->survey_last = row + 1;
		tpl_check(t, worksheet_write_string(ws, row, SCOL_ID, n->id, t->f_text));
		tpl_check(t, worksheet_write_string(ws, row, SCOL_TITLE, n->title, t->f_wrap));
		tpl_check(t, worksheet_write_number(ws, row, SCOL_MAX, tpl_points(n->max), t->f_num));
		const int by_mean = r->from != r->to;
		const int mean = (has & CCHC_HAS_SURVEY_MEAN) != 0;
		for (int c = SCOL_RESP; c <= SCOL_SD; c++) {
			lxw_format *f = by_mean ? (c == SCOL_RESP ? t->f_in_count : t->f_in_num) : t->f_off;
			if (mean) {
				double v = c == SCOL_RESP ? (double)it->respondents
				         : c == SCOL_MEAN ? (double)it->mean / CCHC_DECIMAL_SCALE
				                          : (double)it->sd / CCHC_DECIMAL_SCALE;
				tpl_check(t, worksheet_write_number(ws, row, (lxw_col_t)c, v, f));
			} else
				tpl_check(t, worksheet_write_blank(ws, row, (lxw_col_t)c, f));
			/* respondents 1 or more, the mean on the rule's scale, the sd 0 or more */
			cchc_decimal lo = r->from < r->to ? r->from : r->to, hi = r->from < r->to ? r->to : r->from;
			if (by_mean)
				tpl_validate_range(t, ws, row + 1, c, c == SCOL_RESP ? LXW_VALIDATION_TYPE_INTEGER
				                                                     : LXW_VALIDATION_TYPE_DECIMAL,
				                   c == SCOL_RESP ? 1 : c == SCOL_MEAN ? lo : 0,
				                   c == SCOL_RESP ? 999999999 : c == SCOL_MEAN ? hi : 1000 * CCHC_DECIMAL_SCALE,
				                   c == SCOL_RESP ? 1 : CCHC_DECIMAL_SCALE);
		}
		cchc_buf text;
		cchc_buf_init(&text, 0);
		for (size_t k = 0; k < t->noptions; k++) {
			size_t o = 0;
			while (o < r->noptions && strcmp(r->options[o].id, t->option_ids[k]) != 0)
				o++;
			lxw_col_t c = (lxw_col_t)(SCOL_OPTIONS + k);
			if (o == r->noptions)
				tpl_check(t, worksheet_write_blank(ws, row, c, t->f_off));
			else if (has & CCHC_HAS_SURVEY_ANSWERS)
				tpl_check(t, worksheet_write_number(ws, row, c, (double)it->answers[o], t->f_in_count));
			else
				tpl_check(t, worksheet_write_blank(ws, row, c, t->f_in_count));
			if (o < r->noptions)
				tpl_validate_range(t, ws, row + 1, (int)c, LXW_VALIDATION_TYPE_INTEGER, 0, 999999999, 1);
		}
		for (size_t o = 0; o < r->noptions; o++) {
			char wbuf[CCHC_FMT_SIZE];
			cchc_fmt_decimal(wbuf, r->options[o].weight, t->lang);
			cchc_buf_printf(&text, "%s%s: %s (%s %%)", o ? "; " : "", r->options[o].id,
			                r->options[o].label, wbuf);
		}
		tpl_check(t, worksheet_write_string(ws, row, labels, text.data ? text.data : "", t->f_wrap));
		cchc_buf_dispose(&text);
		row++;
	}
	worksheet_freeze_panes(ws, TPL_SURVEY_HEADER_ROW, 2);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_protection prot = {0};
	prot.format_columns = 1;
	worksheet_protect(ws, NULL, &prot);
	return 0;
}

/* libxlsxwriter 1.1.4 writes a hidden sheet as state="hidden" and has no call for
 * veryHidden (out of the Unhide list); the "cchc" sheet of both workbooks is meant to be
 * veryHidden. The package is copied entry by entry, workbook.xml with that one attribute of
 * that one sheet changed. */
int tpl_very_hide_meta(const char *path)
{
	size_t plen = strlen(path);
	char *out = malloc(plen + 4);
	if (!out)
		return -1;
	memcpy(out, path, plen);
	memcpy(out + plen, ".vh", 4);
	unzFile in = unzOpen64(path);
	zipFile z = in ? zipOpen64(out, APPEND_STATUS_CREATE) : NULL;
	int rc = in && z ? 0 : -1;
	char name[512];
	static const char sheet[] = "<sheet name=\"" TPL_META_SHEET "\" ";
	static const char from[] = " state=\"hidden\"", to[] = " state=\"veryHidden\"";
	int changed = 0;
	for (int e = rc == 0 ? unzGoToFirstFile(in) : UNZ_END_OF_LIST_OF_FILE; e == UNZ_OK && rc == 0;
	     e = unzGoToNextFile(in)) {
		unz_file_info64 info;
		if (unzGetCurrentFileInfo64(in, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK ||
		    info.uncompressed_size > ((uint64_t)64 << 20) || unzOpenCurrentFile(in) != UNZ_OK) {
			rc = -1;
			break;
		}
		size_t len = (size_t)info.uncompressed_size;
		char *data = malloc(len + 1);
		if (!data || unzReadCurrentFile(in, data, (unsigned)len) != (int)len) {
			free(data);
			unzCloseCurrentFile(in);
			rc = -1;
			break;
		}
		unzCloseCurrentFile(in);
		data[len] = '\0';
		size_t wlen = len;
		/* the state attribute inside the meta sheet's own <sheet .../> tag */
		char *tag = strcmp(name, "xl/workbook.xml") == 0 ? strstr(data, sheet) : NULL;
		char *end = tag ? strchr(tag, '>') : NULL;
		char *at = end ? strstr(tag, from) : NULL;
		char *edited = NULL;
		if (at && at < end) {
			size_t off = (size_t)(at - data);
			edited = malloc(len + sizeof to);
			if (edited) {
				memcpy(edited, data, off);
				memcpy(edited + off, to, sizeof to - 1);
				memcpy(edited + off + sizeof to - 1, at + sizeof from - 1, len - off - (sizeof from - 1));
				wlen = len + (sizeof to - sizeof from);
				changed = 1;
			}
		}
		zip_fileinfo zi;
		memset(&zi, 0, sizeof zi);
		zi.dosDate = info.dosDate;
		if (zipOpenNewFileInZip64(z, name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
		                          Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
		    zipWriteInFileInZip(z, edited ? edited : data, (unsigned)wlen) != ZIP_OK ||
		    zipCloseFileInZip(z) != ZIP_OK)
			rc = -1;
		free(edited);
		free(data);
	}
	if (in)
		unzClose(in);
	if (z && zipClose(z, NULL) != ZIP_OK)
		rc = -1;
	if (rc == 0 && changed)
		rc = rename(out, path);
	else
		remove(out);
	free(out);
	return rc == 0 && changed ? 0 : -1;
}

static int fill(int fd, const char *tmp, void *ctx)
{
	tpl_writer *t = ctx;
	(void)fd;
	lxw_workbook_options wo = {0};
	wo.use_zip64 = LXW_FALSE;
	t->wb = workbook_new_opt(tmp, &wo);
	if (!t->wb)
		return -1;
	formats(t);
	lxw_worksheet *guide = workbook_add_worksheet(t->wb, t->w->sheet_guide);
	t->ws = workbook_add_worksheet(t->wb, t->w->sheet_assessment);
	t->survey = workbook_add_worksheet(t->wb, t->w->sheet_survey);
	t->meta = workbook_add_worksheet(t->wb, TPL_META_SHEET);
	if (!guide || !t->ws || !t->survey || !t->meta) {
		workbook_close(t->wb);
		return -1;
	}
	guide_sheet(t, guide);
	meta_sheet(t);
	if (survey_sheet(t) < 0)
		t->failed = 1;
	tpl_write_assessment_sheet(t);
	worksheet_activate(t->ws);
	lxw_doc_properties props = {0};
	props.title = (char *)cchc_criteria_title(t->set);
	/* the same input, the same bytes: SOURCE_DATE_EPOCH or a fixed date, never "now"
	 * (libxlsxwriter reads 0 as "now", so an epoch of 0 is written a second later) */
	const long long when = cchc_output_date();
	props.created = (time_t)(when ? when : 1);
	tpl_check(t, workbook_set_properties(t->wb, &props));
	lxw_error e = workbook_close(t->wb);
	t->wb = NULL;
	if (e != LXW_NO_ERROR || t->failed || tpl_very_hide_meta(tmp) < 0)
		return -1;
	/* the package now lives in a new file at tmp: flush it (the caller flushes fd, the old one) */
	return book_sync(tmp);
}

/* An assessment with nothing in it, for a blank workbook's cached values. */
static cchc_assessment *blank_answers(const cchc_criteria *set, const cchc_template_options *opt,
                                      cchc_diag *diag)
{
	cchc_buf x;
	cchc_buf_init(&x, 0);
	cchc_buf_printf(&x, "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"");
	tpl_xml_attr(&x, cchc_criteria_id(set));
	cchc_buf_printf(&x, "\" year=\"%d\"><agency id=\"", cchc_criteria_year(set));
	tpl_xml_attr(&x, opt->agency_id);
	cchc_buf_puts(&x, "\" name=\"");
	tpl_xml_attr(&x, opt->agency_name ? opt->agency_name : opt->agency_id);
	cchc_buf_puts(&x, "\"/></assessment>\n");
	cchc_assessment *a = NULL;
	const cchc_criteria *sets[1] = {set};
	if (!x.failed)
		cchc_assessment_load_memory(&a, sets, 1, x.data, x.len, "template", diag);
	cchc_buf_dispose(&x);
	return a;
}

int cchc_template_write(const char *path, const cchc_criteria *set,
                        const cchc_template_options *opt, cchc_diag *diag)
{
	tpl_writer t;
	memset(&t, 0, sizeof t);
	t.set = set;
	t.opt = opt;
	t.w = tpl_words_for(opt->english);
	t.lang = opt->english ? CCHC_LANG_EN : CCHC_LANG_VI;
	cchc_buf_init(&t.scratch, 0);
	cchc_assessment *blank = NULL;
	cchc_score *score = NULL;
	int rc = -1;
	size_t nn;
	cchc_criteria_nodes(set, &nn);
	t.a = opt->from;
	/* who the agency is: the options, else the answers' */
	cchc_template_options named = *opt;
	if (opt->from && !named.agency_name)
		named.agency_name = cchc_assessment_agency_name(opt->from);
	if (opt->from && !named.block)
		named.block = cchc_assessment_agency_block(opt->from);
	t.opt = opt = &named;
	if (!t.a && !(t.a = blank = blank_answers(set, opt, diag)))
		goto done;
	if (cchc_assessment_criteria(t.a) != set) {
		cchc_diag_addf(diag, cchc_assessment_file(t.a), 0,
		               "the answers are for criteria set \"%s\", the workbook for \"%s\"",
		               cchc_criteria_id(cchc_assessment_criteria(t.a)), cchc_criteria_id(set));
		goto done;
	}
	t.survey_row = calloc(nn ? nn : 1, sizeof *t.survey_row);
	t.grade_row = calloc(nn ? nn : 1, sizeof *t.grade_row);
	t.row_height = calloc(nn ? nn : 1, sizeof *t.row_height);
	if (!t.survey_row || !t.grade_row || !t.row_height || collect_rounds(&t) < 0 ||
	    cchc_score_compute(&score, t.a) < 0) {
		cchc_diag_addf(diag, path, 0, "out of memory");
		goto done;
	}
	t.score = score;
	layout(&t);
	if (cchc_write_atomic(path, fill, &t) < 0) {
		cchc_diag_addf(diag, path, 0, "cannot write the workbook: %s", strerror(errno));
		goto done;
	}
	rc = 0;
done:
	cchc_score_free(score);
	cchc_assessment_free(blank);
	free(t.survey_row);
	free(t.grade_row);
	free(t.row_height);
	free(t.rounds);
	free(t.option_ids);
	cchc_buf_dispose(&t.scratch);
	return rc;
}

int cchc_workbook_sniff(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char magic[4] = {0};
	if (!f)
		return 0;
	size_t n = fread(magic, 1, 4, f);
	fclose(f);
	return n == 4 && memcmp(magic, "PK\x03\x04", 4) == 0;
}
