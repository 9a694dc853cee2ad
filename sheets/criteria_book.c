/* `cchc template --criteria`: a criteria set as the table a Sở Nội vụ drafts
 * next year's set in. The set's own XML is walked attribute by attribute, so
 * whatever the file gives (and only that) lands in a typed cell: the set's
 * fields and bands on one sheet, the tree on another (one row per group,
 * criterion, tier, grade and option, with outline levels), a guide first. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <xlsxwriter.h>

#include "book_write.h"
#include "criteria_book.h"
#include "template_priv.h"
#include "xml_priv.h"

static const char *const w_kind[] = {"scored", "bonus", "penalty", NULL};
static const char *const w_source[] = {"survey", NULL};
static const char *const w_na[] = {"exclude", "award", "never", NULL};
static const char *const w_rule[] = {"yes-no", "tiers",  "linear", "per-item", "deadline",
                                     "ratio",  "grade", "judged", "scale",    NULL};
static const char *const w_better[] = {"higher", "lower", NULL};
static const char *const w_if_none[] = {"full", "zero", NULL};
static const char *const w_no_survey[] = {"rescale", "zero", NULL};

const cb_column cb_columns[CB_NCOLS] = {
	[CB_LEVEL] = {"", CB_TEXT, CB_ON_LEVEL, NULL, "Cấp", "Level",
	              "1 = nhóm (lĩnh vực), 2 = tiêu chí, 3 = tiêu chí thành phần, …; \"" CB_TIER_VI "\", \"" CB_GRADE_VI
	              "\", \"" CB_OPTION_VI "\" = một mức, một xếp loại, một phương án của cách chấm ngay trên",
	              "1 = group, 2 = criterion, 3 = sub-criterion, …; \"" CB_TIER_EN "\", \"" CB_GRADE_EN "\", \"" CB_OPTION_EN
	              "\" = a tier, grade or option of the rule just above",
	              7},
	[CB_NODE_ID] = {"id", CB_ID, CB_ON_NODE, NULL, "Mã", "Id",
	                "mã duy nhất trong cả bộ (chữ, số, dấu chấm, gạch); ở dòng xếp loại, phương án: mã của nó",
	                "unique across the set (letters, digits, '.', '_', '-'); on a grade or option row: its id", 9},
	[CB_TITLE] = {"title", CB_TEXT, CB_ON_NODE, NULL, "Tiêu chí", "Criterion",
	              "tên nhóm, tiêu chí; ở dòng xếp loại, phương án: nhãn của nó",
	              "the group's or criterion's title; on a grade or option row: its label", 48},
	[CB_MAX] = {"max", CB_POINTS, CB_ON_NODE, NULL, "Điểm tối đa", "Max points",
	            "điểm tối đa; tiêu chí có tiêu chí thành phần: bằng tổng của chúng",
	            "the most points; a criterion with sub-criteria: their sum", 9},
	[CB_MIN] = {"min", CB_POINTS, CB_ON_NODE, NULL, "Điểm trừ tối đa", "Min points",
	            "chỉ ở nhóm điểm trừ: mức trừ lớn nhất, số âm (-1)",
	            "penalty groups only: the largest deduction, negative (-1)", 9},
	[CB_KIND] = {"kind", CB_ENUM, CB_ON_GROUP, w_kind, "Loại nhóm", "Group kind",
	             "nhóm: scored (trong thang điểm), bonus (điểm cộng), penalty (điểm trừ); trống = scored",
	             "groups: scored (in the frame), bonus, penalty; blank = scored", 10},
	[CB_SOURCE] = {"source", CB_ENUM, CB_ON_GROUP, w_source, "Nguồn điểm", "Source",
	               "nhóm: survey = điểm từ điều tra xã hội học", "groups: survey = points from the survey", 9},
	[CB_AREA] = {"area", CB_TEXT, CB_ON_GROUP, NULL, "Lĩnh vực kế hoạch", "Plan area",
	             "nhóm: lĩnh vực nhiệm vụ trong kế hoạch; trống = tên nhóm",
	             "groups: the plan area its tasks go under; blank = the title", 20},
	[CB_NA] = {"na", CB_ENUM, CB_ON_NODE, w_na, "Không áp dụng", "N/A",
	           "exclude (bỏ khỏi điểm tối đa), award (được đủ điểm), never (không cho phép); trống = theo cấp trên",
	           "exclude (leaves the max), award (full points), never (not allowed); blank = inherited", 10},
	[CB_DOCS] = {"require-docs", CB_BOOL, CB_ON_NODE, NULL, "Bắt buộc tài liệu", "Documents required",
	             "Có: không có tài liệu kiểm chứng thì 0 điểm; trống = theo cấp trên",
	             "Yes: no supporting document, no points; blank = inherited", 10},
	[CB_EFFORT] = {"effort", CB_COUNT, CB_ON_CRIT, NULL, "Công sức", "Effort",
	               "số nguyên từ 1: công sức tương đối để lấy lại điểm (lập kế hoạch)",
	               "a whole number from 1: the relative cost of winning the points back", 8},
	[CB_VERB] = {"verb", CB_TEXT, CB_ON_CRIT, NULL, "Động từ", "Verb",
	             "việc làm được gọi là gì trong lời giải thích (ban hành, triển khai); tối đa 60 ký tự",
	             "what doing it is called in the reasons (issue, deploy); at most 60 characters", 12},
	[CB_RULE] = {"kind", CB_ENUM, CB_ON_RULE, w_rule, "Cách chấm", "Rule kind",
	             "tiêu chí lá: loại quy tắc chấm (xem bảng dưới); trống ở tiêu chí có tiêu chí thành phần",
	             "leaf criteria: the scoring rule's kind (table below); blank where there are sub-criteria", 10},
	[CB_UNIT] = {"unit", CB_TEXT, CB_ON_RULE, NULL, "Đơn vị", "Unit", "tiers, linear, per-item, ratio: đơn vị của số liệu (%, ngày)",
	             "tiers, linear, per-item, ratio: the value's unit (%, days)", 8},
	[CB_BETTER] = {"better", CB_ENUM, CB_ON_RULE, w_better, "Chiều tốt", "Better",
	               "tiers: higher (càng cao càng tốt, mức ghi ngưỡng tối thiểu) hoặc lower (ngưỡng tối đa); trống = higher",
	               "tiers: higher (tiers give a minimum) or lower (a maximum); blank = higher", 9},
	[CB_FROM] = {"from", CB_DECIMAL, CB_ON_RULE, NULL, "Từ", "From", "linear, scale: giá trị ứng với 0 điểm",
	             "linear, scale: the value worth 0 points", 8},
	[CB_TO] = {"to", CB_DECIMAL, CB_ON_RULE, NULL, "Đến", "To", "linear, scale: giá trị ứng với điểm tối đa",
	           "linear, scale: the value worth the max", 8},
	[CB_STEP] = {"step", CB_POINTS, CB_ON_RULE, NULL, "Bước làm tròn", "Step",
	             "linear, ratio, judged, scale: điểm làm tròn xuống theo bước này (mặc định 0,25; scale 0,01); phải chia hết điểm tối đa",
	             "linear, ratio, judged, scale: points are rounded down to it (default 0.25; scale 0.01); must divide the max",
	             9},
	[CB_PER_ITEM] = {"points", CB_POINTS, CB_ON_RULE, NULL, "Điểm mỗi mục", "Points per item",
	                 "per-item: điểm cho mỗi mục đếm được (âm ở nhóm điểm trừ)",
	                 "per-item: the points of each item counted (negative in a penalty group)", 9},
	[CB_DUE] = {"due", CB_DATE, CB_ON_RULE, NULL, "Hạn", "Due", "deadline: hạn, ngày/tháng/năm (31/01/2019)",
	            "deadline: the date due, day/month/year (31/01/2019)", 11},
	[CB_LATE] = {"late-points", CB_POINTS, CB_ON_RULE, NULL, "Điểm khi trễ", "Late points",
	             "deadline: điểm khi trễ quá ân hạn (mặc định 0)", "deadline: the points when later than any grace (default 0)", 9},
	[CB_GRACE_DAYS] = {"grace-days", CB_COUNT, CB_ON_RULE, NULL, "Số ngày ân hạn", "Grace days",
	                   "deadline: trễ không quá số ngày này thì được điểm ân hạn", "deadline: late by at most this many days earns the grace points",
	                   9},
	[CB_GRACE_POINTS] = {"grace-points", CB_POINTS, CB_ON_RULE, NULL, "Điểm trong ân hạn", "Grace points",
	                     "deadline: điểm khi trễ trong ân hạn (đi cùng số ngày ân hạn)",
	                     "deadline: the points when late within the grace days (goes with them)", 9},
	[CB_IF_NONE] = {"if-none", CB_ENUM, CB_ON_RULE, w_if_none, "Khi mẫu số bằng 0", "If none",
	                "ratio: full (đủ điểm) hoặc zero (0 điểm) khi không có gì để đếm; trống = full",
	                "ratio: full or zero points when the denominator is 0; blank = full", 10},
	[CB_BOUND] = {"min", CB_DECIMAL, CB_ON_CHILD, NULL, "Ngưỡng", "Threshold",
	              "dòng " CB_TIER_VI ": số liệu tối thiểu (higher) hoặc tối đa (lower) để đạt mức",
	              "a " CB_TIER_EN " row: the least (higher) or most (lower) value that reaches the tier", 9},
	[CB_TIER_POINTS] = {"points", CB_POINTS, CB_ON_CHILD, NULL, "Điểm của mức", "Tier points",
	                    "dòng " CB_TIER_VI ": điểm của mức; mức tốt nhất trước, bằng điểm tối đa",
	                    "a " CB_TIER_EN " row: its points; best tier first, worth the max", 9},
	[CB_SHARE] = {"share", CB_DECIMAL, CB_ON_CHILD, NULL, "Tỷ lệ (%)", "Share (%)",
	              "dòng " CB_GRADE_VI ": phần trăm điểm tối đa (tốt nhất 100); dòng " CB_OPTION_VI ": trọng số %",
	              "a " CB_GRADE_EN " row: percent of the max (the best 100); an " CB_OPTION_EN " row: its weight in %", 9},
	[CB_REMEDY] = {"", CB_TEXT, CB_ON_REMEDY, NULL, "Giải pháp khắc phục", "Remedy",
	               "giải pháp khắc phục khi mất điểm (đưa vào kế hoạch)", "what to do when the points are lost (for the plan)", 60},
	[CB_TASK] = {"task", CB_TEXT, CB_ON_REMEDY, NULL, "Nhiệm vụ khắc phục", "Remedy task",
	             "nội dung nhiệm vụ trong kế hoạch; trống = tên tiêu chí", "the plan's task; blank = the title", 40},
	[CB_OWNER] = {"owner", CB_TEXT, CB_ON_REMEDY, NULL, "Chủ trì", "Owner", "đơn vị chủ trì", "who leads it", 20},
	[CB_SUPPORT] = {"support", CB_TEXT, CB_ON_REMEDY, NULL, "Phối hợp", "Support", "đơn vị phối hợp", "who helps", 24},
	[CB_WHEN] = {"when", CB_TEXT, CB_ON_REMEDY, NULL, "Thời gian", "When", "thời gian hoàn thành", "by when", 12},
};

const cb_set_row cb_set_rows[CB_SET_NKEYS] = {
	[CB_SET_ID] = {"id", "id", CB_ID, NULL, "mã bộ tiêu chí, mà các bản tự chấm ghi ở criteria-set",
	               "the set's id, which assessments name in criteria-set"},
	[CB_SET_YEAR] = {"year", "year", CB_COUNT, NULL, "năm đánh giá (4 chữ số)", "the year assessed (four digits)"},
	[CB_SET_TITLE] = {"title", "title", CB_TEXT, NULL, "tên bộ chỉ số", "the set's title"},
	[CB_SET_MAX] = {"max", "max", CB_POINTS, NULL, "thang điểm: tổng điểm tối đa các nhóm chấm điểm và điều tra (100)",
	                "the frame: the scored and survey groups' max added up (100)"},
	[CB_SET_BLOCK] = {"block", "block", CB_ID, NULL, "khối xếp hạng; trống = mã bộ", "the block ranked; blank = the id"},
	[CB_SET_NA] = {"na", "na", CB_ENUM, w_na, "không áp dụng: exclude, award hoặc never; trống = exclude",
	               "N/A: exclude, award or never; blank = exclude"},
	[CB_SET_NO_SURVEY] = {"no-survey", "no-survey", CB_ENUM, w_no_survey,
	                      "cơ quan không có điều tra XHH: rescale (tính lại trên điểm còn lại) hoặc zero; trống = rescale",
	                      "an agency without a survey: rescale or zero; blank = rescale"},
	[CB_SET_DOCS] = {"require-docs", "require-docs", CB_BOOL, NULL, "Có: tiêu chí không có tài liệu kiểm chứng được 0 điểm",
	                 "Yes: an item without a supporting document earns 0"},
	[CB_SET_TOLERANCE] = {"self-check tolerance", "tolerance", CB_POINTS, NULL,
	                      "kiểm tra tự chấm: chênh lệch cho phép, % tổng điểm (đi cùng mức trừ)",
	                      "self-assessment check: the difference allowed, % of the total (goes with the penalty)"},
	[CB_SET_PENALTY] = {"self-check penalty", "penalty", CB_POINTS, NULL,
	                    "kiểm tra tự chấm: điểm bị trừ khi chênh lệch vượt mức cho phép",
	                    "self-assessment check: the points deducted beyond the tolerance"},
	[CB_SET_BAND] = {"band", "label", CB_TEXT, NULL, "một xếp loại mỗi dòng, cao nhất trước: tên ở cột B, điểm sàn ở cột C",
	                 "one band a row, highest first: its label in B, its minimum in C"},
};

typedef struct {
	const char *set_path;
	xmlNodePtr root;
	int english;
	lxw_workbook *wb;
	lxw_format *f_title, *f_head, *f_text, *f_wrap, *f_num, *f_dec, *f_count, *f_date, *f_group, *f_child;
	uint32_t row;
	int failed;
} cb_writer;

static void check(cb_writer *w, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		w->failed = 1;
}

static lxw_format *format(cb_writer *w, int bold, int wrap, const char *num, unsigned fill)
{
	lxw_format *f = book_format(w->wb, bold, wrap, num, fill, 0);
	if (!f)
		w->failed = 1;
	return f;
}

static const char *attr(xmlNodePtr n, const char *name)
{
	return n ? cchc_xml_attr(n, name) : NULL;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (cchc_xml_is(c, name))
			return c;
	return NULL;
}

static const char *yes_no(const cb_writer *w, int yes)
{
	return yes ? tpl_words_for(w->english)->yes : tpl_words_for(w->english)->no;
}

/* One value, typed as its column says; nothing for an attribute the file leaves out. */
static void cell(cb_writer *w, lxw_worksheet *ws, uint32_t row, int col, cb_type type, const char *v,
                 lxw_format *text)
{
	if (!v) {
		check(w, worksheet_write_blank(ws, row, (lxw_col_t)col, text));
		return;
	}
	switch (type) {
	case CB_POINTS:
		check(w, worksheet_write_number(ws, row, (lxw_col_t)col, strtod(v, NULL), w->f_num));
		break;
	case CB_DECIMAL:
		check(w, worksheet_write_number(ws, row, (lxw_col_t)col, strtod(v, NULL), w->f_dec));
		break;
	case CB_COUNT:
		check(w, worksheet_write_number(ws, row, (lxw_col_t)col, strtod(v, NULL), w->f_count));
		break;
	case CB_DATE: {
		lxw_datetime dt = {0};
		if (sscanf(v, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3)
			check(w, worksheet_write_datetime(ws, row, (lxw_col_t)col, &dt, w->f_date));
		else
			check(w, worksheet_write_string(ws, row, (lxw_col_t)col, v, text));
		break;
	}
	case CB_BOOL:
		check(w, worksheet_write_string(ws, row, (lxw_col_t)col, yes_no(w, strcmp(v, "true") == 0), text));
		break;
	default:
		check(w, worksheet_write_string(ws, row, (lxw_col_t)col, v, text));
	}
}

static void list_validation(cb_writer *w, lxw_worksheet *ws, uint32_t first, uint32_t last, int col,
                            const char *const *words)
{
	if (last < first)
		return;
	lxw_data_validation v = {0};
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)words;
	check(w, worksheet_data_validation_range(ws, first, (lxw_col_t)col, last, (lxw_col_t)col, &v));
}

/* A4 landscape. A sheet of a few columns fits the page width; the tree (32 columns) would
 * shrink past reading, so it prints at 70 % over several pages across, its level, id and
 * title on each, pages numbered in the footer. */
static void print_setup(cb_writer *w, lxw_worksheet *ws, uint16_t header_row, int wide)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
	if (wide) {
		worksheet_set_print_scale(ws, 70);
		worksheet_print_across(ws); /* a band of rows, all its columns, then the next */
		check(w, worksheet_repeat_columns(ws, CB_LEVEL, CB_TITLE));
	} else {
		worksheet_fit_to_pages(ws, 1, 0);
	}
	if (header_row)
		check(w, worksheet_repeat_rows(ws, header_row - 1, header_row - 1));
	check(w, worksheet_set_footer(ws, w->english ? "&CPage &P of &N" : "&CTrang &P/&N"));
}

/* ---- the guide ------------------------------------------------------------------------------ */

static const char *const kinds_vi[] = {
	"yes-no: có/không — đạt thì đủ điểm, không thì 0. Không có tham số.",
	"tiers: theo mức — cột Đơn vị, Chiều tốt; mỗi mức một dòng \"" CB_TIER_VI "\" (Ngưỡng, Điểm của mức), tốt nhất trước.",
	"linear: tuyến tính — cột Từ, Đến, Bước làm tròn, Đơn vị: điểm tối đa × (số liệu − Từ)/(Đến − Từ), làm tròn xuống.",
	"per-item: theo số lượng — cột Điểm mỗi mục, Đơn vị: số lượng × điểm mỗi mục, không quá điểm tối đa.",
	"deadline: đúng hạn — cột Hạn, Điểm khi trễ, Số ngày ân hạn, Điểm trong ân hạn.",
	"ratio: tỷ lệ — cột Bước làm tròn, Khi mẫu số bằng 0, Đơn vị: điểm tối đa × tử số/mẫu số, làm tròn xuống.",
	"grade: xếp loại — mỗi loại một dòng \"" CB_GRADE_VI "\" (Mã, Tiêu chí = nhãn, Tỷ lệ %), tốt nhất trước với 100.",
	"judged: hội đồng chấm — cột Bước làm tròn: điểm hội đồng cho, bội số của bước.",
	"scale: điều tra XHH — cột Từ, Đến (điểm trung bình) hoặc các dòng \"" CB_OPTION_VI "\" (Mã, nhãn, Tỷ lệ % = trọng số); Bước làm tròn.",
};
static const char *const kinds_en[] = {
	"yes-no: met or not — full points or 0. No parameters.",
	"tiers: by tier — columns Unit, Better; one \"" CB_TIER_EN "\" row per tier (Threshold, Tier points), best first.",
	"linear: columns From, To, Step, Unit: max × (value − From)/(To − From), rounded down.",
	"per-item: columns Points per item, Unit: count × points, at most the max.",
	"deadline: columns Due, Late points, Grace days, Grace points.",
	"ratio: columns Step, If none, Unit: max × numerator/denominator, rounded down.",
	"grade: one \"" CB_GRADE_EN "\" row per grade (Id, Criterion = its label, Share %), best first at 100.",
	"judged: the council's points — column Step: a multiple of it.",
	"scale: the survey — From, To (a mean) or \"" CB_OPTION_EN "\" rows (Id, label, Share % = weight); Step.",
};

static void guide_sheet(cb_writer *w, lxw_worksheet *ws)
{
	const int en = w->english;
	uint32_t r = 0;
	check(w, worksheet_set_column(ws, 0, 0, 26, w->f_wrap));
	check(w, worksheet_set_column(ws, 1, 1, 100, w->f_wrap));
	check(w, worksheet_write_string(ws, r++, 0,
	                                en ? "Drafting a criteria set in this workbook" : "Soạn bộ chỉ số CCHC trong sổ này",
	                                w->f_title));
	static const char *const intro_vi[] = {
		"Sổ này là một bộ tiêu chí của cchc. Sửa, thêm, xóa dòng rồi lưu dạng .xlsx; lệnh `cchc import SỔ.xlsx -o THƯ_MỤC` "
		"ghi lại bộ tiêu chí (XML) và kiểm tra mọi ô: lỗi nêu tên trang và ô.",
		"Trang \"" CB_SHEET_SET_VI "\": các trường của cả bộ (cột A là khóa, đừng sửa) và xếp loại, cao nhất trước.",
		"Trang \"" CB_SHEET_TREE_VI "\": mỗi dòng một nhóm, tiêu chí hoặc tiêu chí thành phần theo thứ tự cây; cấp ở cột "
		"đầu. Ô trống là không ghi (dùng mặc định). Số ghi kiểu Việt Nam được (0,75), ngày ghi 31/01/2019.",
		"Nhóm chấm điểm và điều tra cộng lại bằng thang điểm; điểm tiêu chí có tiêu chí thành phần bằng tổng của chúng; "
		"mã không trùng.",
	};
	static const char *const intro_en[] = {
		"This workbook is a cchc criteria set. Edit, add or delete rows and save it as .xlsx; `cchc import BOOK.xlsx -o DIR` "
		"writes the set (XML) back and checks every cell: problems name the sheet and the cell.",
		"Sheet \"" CB_SHEET_SET_EN "\": the set's own fields (column A is the key: keep it) and the bands, highest first.",
		"Sheet \"" CB_SHEET_TREE_EN "\": one row per group, criterion or sub-criterion in tree order, the level first. "
		"A blank cell is left out (the default applies). Numbers as 0.75 or 0,75, dates as 31/01/2019.",
		"Scored and survey groups add up to the frame; a criterion with sub-criteria is worth their sum; ids are unique.",
	};
	for (size_t i = 0; i < 4; i++)
		check(w, worksheet_write_string(ws, r++, 1, en ? intro_en[i] : intro_vi[i], w->f_wrap));
	r++;
	check(w, worksheet_write_string(ws, r++, 0, en ? "Columns of the tree" : "Các cột của cây tiêu chí", w->f_head));
	for (int c = 0; c < CB_NCOLS; c++) {
		check(w, worksheet_write_string(ws, r, 0, en ? cb_columns[c].en : cb_columns[c].vi, w->f_text));
		check(w, worksheet_write_string(ws, r++, 1, en ? cb_columns[c].help_en : cb_columns[c].help_vi, w->f_wrap));
	}
	r++;
	check(w, worksheet_write_string(ws, r++, 0, en ? "Rule kinds" : "Các cách chấm", w->f_head));
	for (size_t k = 0; k < sizeof kinds_vi / sizeof *kinds_vi; k++) {
		check(w, worksheet_write_string(ws, r, 0, w_rule[k], w->f_text));
		check(w, worksheet_write_string(ws, r++, 1, en ? kinds_en[k] : kinds_vi[k], w->f_wrap));
	}
	r++;
	check(w, worksheet_write_string(ws, r++, 0, en ? "Fields of the set" : "Các trường của bộ", w->f_head));
	for (int k = 0; k < CB_SET_NKEYS; k++) {
		check(w, worksheet_write_string(ws, r, 0, cb_set_rows[k].key, w->f_text));
		check(w, worksheet_write_string(ws, r++, 1, en ? cb_set_rows[k].help_en : cb_set_rows[k].help_vi, w->f_wrap));
	}
	print_setup(w, ws, 0, 0);
}

/* ---- the set's own fields --------------------------------------------------------------------- */

static void set_sheet(cb_writer *w, lxw_worksheet *ws)
{
	const int en = w->english;
	xmlNodePtr root = w->root, sc = child(root, "self-check"), bands = child(root, "bands");
	check(w, worksheet_set_column(ws, 0, 0, 22, NULL));
	check(w, worksheet_set_column(ws, 1, 1, 60, NULL));
	check(w, worksheet_set_column(ws, 2, 2, 12, NULL));
	check(w, worksheet_set_column(ws, 3, 3, 70, NULL));
	check(w, worksheet_write_string(ws, 0, 0, attr(root, "title") ? attr(root, "title") : "", w->f_title));
	static const char *const head_vi[] = {"Khóa", "Giá trị", "Điểm sàn", "Ý nghĩa"};
	static const char *const head_en[] = {"Key", "Value", "Minimum", "Meaning"};
	for (int c = 0; c < 4; c++)
		check(w, worksheet_write_string(ws, CB_SET_HEADER_ROW - 1, (lxw_col_t)c, en ? head_en[c] : head_vi[c],
		                                w->f_head));
	uint32_t r = CB_SET_HEADER_ROW;
	for (int k = 0; k < CB_SET_BAND; k++, r++) {
		const cb_set_row *s = &cb_set_rows[k];
		xmlNodePtr on = k >= CB_SET_TOLERANCE ? sc : root;
		check(w, worksheet_write_string(ws, r, 0, s->key, w->f_text));
		cell(w, ws, r, 1, s->type, attr(on, s->attr), w->f_wrap);
		check(w, worksheet_write_string(ws, r, 3, en ? s->help_en : s->help_vi, w->f_wrap));
		if (s->words)
			list_validation(w, ws, r, r, 1, s->words);
		if (s->type == CB_BOOL) {
			const char *yn[] = {yes_no(w, 1), yes_no(w, 0), NULL};
			list_validation(w, ws, r, r, 1, yn);
		}
	}
	for (xmlNodePtr b = bands ? bands->children : NULL; b; b = b->next) {
		if (!cchc_xml_is(b, "band"))
			continue;
		check(w, worksheet_write_string(ws, r, 0, cb_set_rows[CB_SET_BAND].key, w->f_text));
		cell(w, ws, r, 1, CB_TEXT, attr(b, "label"), w->f_wrap);
		cell(w, ws, r, 2, CB_POINTS, attr(b, "min"), w->f_wrap);
		r++;
	}
	worksheet_freeze_panes(ws, CB_SET_HEADER_ROW, 0);
	print_setup(w, ws, CB_SET_HEADER_ROW, 0);
}

/* ---- the tree ----------------------------------------------------------------------------- */

/* The row's outline level, and a height for lines of text (readers do not size rows). */
static void outline(cb_writer *w, lxw_worksheet *ws, uint32_t row, int level, lxw_format *f, unsigned lines)
{
	lxw_row_col_options o = {0};
	o.level = (uint8_t)(level > 7 ? 7 : level);
	double h = 14.0 * (lines > 1 ? lines : 1);
	check(w, worksheet_set_row_opt(ws, row, h > 409 ? 409 : h, f, &o));
}

static unsigned more_lines(unsigned lines, const char *text, int col)
{
	unsigned k = text ? book_text_lines(text, cb_columns[col].width) : 1;
	return k > lines ? k : lines;
}

/* A rule's <tier>, <grade> or <option> as a row under its criterion. */
static void child_row(cb_writer *w, lxw_worksheet *ws, xmlNodePtr c, int depth, int better_lower)
{
	const int en = w->english;
	const uint32_t r = w->row++;
	lxw_format *f = w->f_child;
	outline(w, ws, r, depth + 1, NULL, more_lines(1, attr(c, "label"), CB_TITLE));
	if (cchc_xml_is(c, "tier")) {
		check(w, worksheet_write_string(ws, r, CB_LEVEL, en ? CB_TIER_EN : CB_TIER_VI, f));
		/* a tier carries min or max by the rule's direction; the column holds whichever it has */
		const char *b = attr(c, better_lower ? "max" : "min");
		cell(w, ws, r, CB_BOUND, CB_DECIMAL, b ? b : attr(c, better_lower ? "min" : "max"), f);
		cell(w, ws, r, CB_TIER_POINTS, CB_POINTS, attr(c, "points"), f);
		return;
	}
	const int grade = cchc_xml_is(c, "grade");
	check(w, worksheet_write_string(ws, r, CB_LEVEL, grade ? (en ? CB_GRADE_EN : CB_GRADE_VI)
	                                                     : (en ? CB_OPTION_EN : CB_OPTION_VI), f));
	cell(w, ws, r, CB_NODE_ID, CB_ID, attr(c, "id"), f);
	cell(w, ws, r, CB_TITLE, CB_TEXT, attr(c, "label"), w->f_wrap);
	cell(w, ws, r, CB_SHARE, CB_DECIMAL, attr(c, grade ? "share" : "weight"), f);
}

static void node_row(cb_writer *w, lxw_worksheet *ws, xmlNodePtr n, int depth)
{
	const uint32_t r = w->row++;
	const int group = depth == 0;
	lxw_format *text = group ? w->f_group : w->f_text;
	xmlNodePtr rule = child(n, "rule"), remedy = child(n, "remedy");
	unsigned lines = 1;
	check(w, worksheet_write_number(ws, r, CB_LEVEL, depth + 1, text));
	for (int c = CB_NODE_ID; c < CB_NCOLS; c++) {
		const cb_column *k = &cb_columns[c];
		const char *v = NULL;
		if (k->on == CB_ON_NODE || (k->on == CB_ON_GROUP && group) || (k->on == CB_ON_CRIT && !group))
			v = attr(n, k->attr);
		else if (k->on == CB_ON_RULE)
			v = attr(rule, k->attr);
		else if (k->on == CB_ON_REMEDY && remedy) {
			if (*k->attr)
				v = attr(remedy, k->attr);
			else {
				char *s = cchc_xml_text(remedy);
				cell(w, ws, r, c, CB_TEXT, s ? s : "", w->f_wrap);
				lines = more_lines(lines, s, c);
				free(s);
				continue;
			}
		}
		if (k->type == CB_TEXT)
			lines = more_lines(lines, v, c);
		cell(w, ws, r, c, k->type, v, k->type == CB_TEXT && !group ? w->f_wrap : text);
	}
	outline(w, ws, r, depth, group ? w->f_group : NULL, lines);
	const char *better = attr(rule, "better");
	for (xmlNodePtr c = rule ? rule->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			child_row(w, ws, c, depth, better && strcmp(better, "lower") == 0);
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (cchc_xml_is(c, "criterion"))
			node_row(w, ws, c, depth + 1);
}

static void tree_sheet(cb_writer *w, lxw_worksheet *ws)
{
	const int en = w->english;
	char line[256];
	for (int c = 0; c < CB_NCOLS; c++)
		check(w, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cb_columns[c].width, NULL));
	const char *title = attr(w->root, "title");
	check(w, worksheet_write_string(ws, 0, 0, title ? title : "", w->f_title));
	snprintf(line, sizeof line, en ? "Criteria set %s, year %s" : "Bộ tiêu chí %s, năm %s",
	         attr(w->root, "id") ? attr(w->root, "id") : "", attr(w->root, "year") ? attr(w->root, "year") : "");
	check(w, worksheet_write_string(ws, 1, 0, line, NULL));
	for (int c = 0; c < CB_NCOLS; c++)
		check(w, worksheet_write_string(ws, CB_TREE_HEADER_ROW - 1, (lxw_col_t)c,
		                                en ? cb_columns[c].en : cb_columns[c].vi, w->f_head));
	check(w, worksheet_set_row(ws, CB_TREE_HEADER_ROW - 1, 45, NULL));
	w->row = CB_TREE_HEADER_ROW;
	for (xmlNodePtr g = w->root->children; g; g = g->next)
		if (cchc_xml_is(g, "group"))
			node_row(w, ws, g, 0);
	/* drop-down lists on the enumerated columns, a few hundred rows past the set for new ones */
	const uint32_t last = w->row + 300;
	for (int c = 0; c < CB_NCOLS; c++)
		if (cb_columns[c].words)
			list_validation(w, ws, CB_TREE_HEADER_ROW, last, c, cb_columns[c].words);
		else if (cb_columns[c].type == CB_BOOL) {
			const char *yn[] = {yes_no(w, 1), yes_no(w, 0), NULL};
			list_validation(w, ws, CB_TREE_HEADER_ROW, last, c, yn);
		}
	worksheet_outline_settings(ws, 1, 0, 1, 0);
	worksheet_freeze_panes(ws, CB_TREE_HEADER_ROW, CB_TITLE + 1);
	print_setup(w, ws, CB_TREE_HEADER_ROW, 1);
}

static void meta_sheet(cb_writer *w, lxw_worksheet *ws)
{
	const char *rows[][2] = {{"format", CCHC_WORKBOOK_FORMAT},
	                         {"kind", "criteria"},
	                         {"lang", w->english ? "en" : "vi"},
	                         {"sheet.set", w->english ? CB_SHEET_SET_EN : CB_SHEET_SET_VI},
	                         {"sheet.tree", w->english ? CB_SHEET_TREE_EN : CB_SHEET_TREE_VI}};
	for (uint32_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		check(w, worksheet_write_string(ws, r, 0, rows[r][0], NULL));
		check(w, worksheet_write_string(ws, r, 1, rows[r][1], NULL));
	}
	worksheet_hide(ws);
}

static int fill(int fd, const char *tmp, void *ctx)
{
	cb_writer *w = ctx;
	(void)fd;
	lxw_workbook_options wo = {0};
	wo.use_zip64 = LXW_FALSE;
	if (!(w->wb = workbook_new_opt(tmp, &wo)))
		return -1;
	w->f_title = format(w, 1, 0, NULL, 0);
	if (w->f_title) {
		format_set_font_size(w->f_title, 13);
		format_set_border(w->f_title, LXW_BORDER_NONE);
	}
	w->f_head = format(w, 1, 1, NULL, 0xD9E1F2);
	w->f_text = format(w, 0, 0, NULL, 0);
	w->f_wrap = format(w, 0, 1, NULL, 0);
	w->f_num = format(w, 0, 0, "0.00", 0);
	w->f_dec = format(w, 0, 0, "General", 0);
	w->f_count = format(w, 0, 0, "0", 0);
	w->f_date = format(w, 0, 0, "dd/mm/yyyy", 0);
	w->f_group = format(w, 1, 1, NULL, 0xE2EFDA);
	w->f_child = format(w, 0, 0, NULL, 0xF2F2F2);
	lxw_worksheet *guide = workbook_add_worksheet(w->wb, w->english ? CB_SHEET_GUIDE_EN : CB_SHEET_GUIDE_VI);
	lxw_worksheet *set = workbook_add_worksheet(w->wb, w->english ? CB_SHEET_SET_EN : CB_SHEET_SET_VI);
	lxw_worksheet *tree = workbook_add_worksheet(w->wb, w->english ? CB_SHEET_TREE_EN : CB_SHEET_TREE_VI);
	lxw_worksheet *meta = workbook_add_worksheet(w->wb, TPL_META_SHEET);
	if (!guide || !set || !tree || !meta) {
		workbook_close(w->wb);
		return -1;
	}
	guide_sheet(w, guide);
	set_sheet(w, set);
	tree_sheet(w, tree);
	meta_sheet(w, meta);
	worksheet_activate(tree);
	return book_finish(w->wb, tmp, attr(w->root, "title"), w->failed);
}

int cchc_criteria_template_write(const char *path, const char *set_path, int english, cchc_diag *diag)
{
	cchc_criteria *set = NULL;
	xmlDocPtr doc = NULL;
	int rc = -1;
	/* the loader vouches for the file (schema and every semantic check) before it is walked */
	if (cchc_criteria_load(&set, set_path, diag) < 0 || !(doc = cchc_xml_parse(set_path, NULL, 0, diag)))
		goto done;
	cb_writer w;
	memset(&w, 0, sizeof w);
	w.set_path = set_path;
	w.root = xmlDocGetRootElement(doc);
	w.english = english;
	if (cchc_write_atomic(path, fill, &w) < 0) {
		cchc_diag_addf(diag, path, 0, english ? "cannot write the workbook: %s" : "không ghi được sổ: %s",
		               strerror(errno));
		goto done;
	}
	rc = 0;
done:
	xmlFreeDoc(doc);
	cchc_criteria_free(set);
	return rc;
}
