/* The words of the plan document, Vietnamese and English: the fixed parts of
 * an administrative document (quốc hiệu, tiêu ngữ, section headings) and the
 * sentences around the engine's figures. Templates take {0}..{9}. */
#include <string.h>

#include "docx_priv.h"

static const char *const words[DX_COUNT_][CCHC_LANG_COUNT] = {
	[DX_QUOC_HIEU] = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"},
	[DX_TIEU_NGU] = {"Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
	[DX_NUMBER] = {"Số: {0}/{1}", "No.: {0}/{1}"},
	[DX_PLACE_DATE] = {"{0}, ngày {1} tháng {2} năm {3}", "{0}, {1}/{2}/{3}"},
	[DX_NO_DATE] = {"{0}, ngày      tháng      năm      ", "{0}, date:                "},
	[DX_KIND] = {"KẾ HOẠCH", "PLAN"},
	[DX_SUBJECT] = {"Khắc phục hạn chế, nâng hạng Chỉ số cải cách hành chính năm {0} của {1}",
	                "Remedying shortcomings and raising the PAR index rank of {1} in {0}"},
	[DX_INTRO] = {"Căn cứ kết quả xác định Chỉ số cải cách hành chính năm {0} ({1}), {2} xây dựng "
	              "Kế hoạch khắc phục hạn chế, nâng hạng Chỉ số cải cách hành chính năm {3} với "
	              "các nội dung cụ thể như sau:",
	              "Following the results of the {0} PAR index ({1}), {2} adopts this plan to remedy "
	              "its shortcomings and raise its PAR index rank in {3}, as follows:"},
	[DX_S1] = {"I. MỤC ĐÍCH, YÊU CẦU", "I. PURPOSE AND REQUIREMENTS"},
	[DX_S1_PURPOSE] = {"1. Mục đích", "1. Purpose"},
	[DX_S1_PURPOSE_TEXT] = {"Khắc phục các tiêu chí, tiêu chí thành phần bị mất điểm năm {0}; duy "
	                        "trì các tiêu chí đã đạt điểm tối đa; nâng vị trí xếp hạng Chỉ số cải "
	                        "cách hành chính năm {1} của {2}.",
	                        "To win back the criteria and sub-criteria that lost points in {0}, "
	                        "keep those at full points, and raise the PAR index rank of {2} in {1}."},
	[DX_S1_DEMAND] = {"2. Yêu cầu", "2. Requirements"},
	[DX_S1_DEMAND_TEXT] = {"Xác định rõ nhiệm vụ, giải pháp, đơn vị chủ trì, đơn vị phối hợp và "
	                       "thời gian hoàn thành; các nhiệm vụ được thực hiện đúng thời gian quy "
	                       "định, có đầy đủ tài liệu kiểm chứng.",
	                       "Each task names its remedy, its lead and supporting units and its "
	                       "deadline; tasks are done on time, with every supporting document."},
	[DX_S2] = {"II. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {0}",
	           "II. ASSESSMENT OF THE {0} PAR INDEX RESULTS"},
	[DX_S2_POSITION] = {"1. Kết quả vị trí xếp hạng", "1. Position"},
	[DX_S2_GROUPS] = {"2. Kết quả theo từng lĩnh vực và nguyên nhân", "2. Results by group, and causes"},
	[DX_S2_CAUSES] = {"3. Điểm bị mất theo nguyên nhân", "3. Points lost by cause"},
	[DX_ACHIEVED] = {"* Các tiêu chí đạt:", "* Criteria achieved:"},
	[DX_NOT_ACHIEVED] = {"* Các tiêu chí chưa đạt hoặc đạt chưa cao:", "* Criteria not achieved or low:"},
	[DX_LOST_LINE] = {"{0} {1}: đạt {2}/{3} điểm — {4}", "{0} {1}: {2}/{3} points — {4}"},
	[DX_LOST_PARENT] = {"{0} {1}: đạt {2}/{3} điểm", "{0} {1}: {2}/{3} points"},
	[DX_FIGURE] = {"Hình {0}. {1}", "Figure {0}. {1}"},
	[DX_S3] = {"III. MỤC TIÊU", "III. TARGET"},
	[DX_S4] = {"IV. NHIỆM VỤ, GIẢI PHÁP", "IV. TASKS AND REMEDIES"},
	[DX_S4_SEE] = {"Phân công cụ thể tại Phụ lục kèm theo Kế hoạch này.",
	               "The tasks are assigned in the appendix to this plan."},
	[DX_SERVES] = {"(tiêu chí {0})", "(criteria {0})"},
	[DX_S5] = {"V. TỔ CHỨC THỰC HIỆN", "V. IMPLEMENTATION"},
	[DX_S5_1] = {"1. Các phòng, đơn vị được giao chủ trì căn cứ Kế hoạch này tổ chức triển khai "
	             "các nhiệm vụ tại Phụ lục; định kỳ hằng quý báo cáo kết quả gửi bộ phận phụ "
	             "trách công tác cải cách hành chính tổng hợp, báo cáo lãnh đạo {0}.",
	             "1. Each lead unit carries out its tasks in the appendix and reports every "
	             "quarter to the unit in charge of administrative reform, which reports to the "
	             "leadership of {0}."},
	[DX_S5_2] = {"2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị kịp "
	             "thời báo cáo lãnh đạo {0} xem xét, chỉ đạo./.",
	             "2. Difficulties met on the way are reported at once to the leadership of {0} "
	             "for direction./."},
	[DX_RECIPIENTS] = {"Nơi nhận:", "Recipients:"},
	[DX_APPENDIX] = {"PHỤ LỤC", "APPENDIX"},
	[DX_APPENDIX_TITLE] = {"PHÂN CÔNG NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC NĂM {0} CỦA {1}",
	                       "TASKS AND REMEDIES FOR {0}: {1}"},
	[DX_APPENDIX_REF] = {"(Kèm theo Kế hoạch số {0}/{1} ngày {2} của {3})",
	                     "(Attached to plan No. {0}/{1} of {2}, {3})"},
	[DX_REPORT_KIND] = {"BÁO CÁO", "REPORT"},
	[DX_REPORT_SUBJECT] = {"Kết quả xác định Chỉ số cải cách hành chính năm {0}",
	                       "Results of the {0} Public Administration Reform (PAR) index"},
	[DX_REPORT_ISSUER] = {"Sở Nội vụ", "Department of Home Affairs"},
	[DX_REPORT_INTRO] = {"Căn cứ kết quả tự đánh giá của các cơ quan, đơn vị và kết quả thẩm định, "
	                     "{0} báo cáo kết quả xác định Chỉ số cải cách hành chính năm {1} "
	                     "như sau:",
	                     "From the agencies' self-assessments and their appraisal, {0} reports "
	                     "the results of the {1} PAR index as follows:"},
	[DX_REPORT_BLOCK] = {"{0}. {1}", "{0}. {1}"},
	[DX_REPORT_META] = {"Năm {0}: {1} {2}.", "Year {0}: {1} {2}."},
	[DX_REPORT_LEGEND] = {"Lĩnh vực {0}: {1}", "Group {0}: {1}"},
	[DX_REPORT_SUMMARISED] = {"Khối có {0} cơ quan: các bảng nêu {1} cơ quan đứng đầu và {1} cơ quan "
	                          "đứng cuối; bảng đầy đủ trong ranking.xlsx và ranking.csv.",
	                          "A block of {0} agencies: the tables show the {1} first and the {1} "
	                          "last; ranking.xlsx and ranking.csv hold them all."},
	[DX_REPORT_END] = {"Trên đây là báo cáo kết quả xác định Chỉ số cải cách hành chính năm {0}./.",
	                   "This concludes the report on the {0} PAR index./."},
};

const char *dx_str(dx_str_id id, cchc_lang L)
{
	if ((unsigned)id >= DX_COUNT_ || (unsigned)L >= CCHC_LANG_COUNT)
		return "";
	return words[id][L] ? words[id][L] : "";
}

void dx_fill(cchc_buf *out, dx_str_id id, cchc_lang L, const char *const *args, size_t n)
{
	const char *t = dx_str(id, L);
	for (size_t i = 0; t[i];) {
		int slot = t[i] == '{' && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] == '}';
		if (!slot) {
			size_t run = strcspn(t + i + 1, "{") + 1;
			cchc_buf_append(out, t + i, run);
			i += run;
			continue;
		}
		size_t k = (size_t)(t[i + 1] - '0');
		if (k < n && args[k])
			cchc_buf_puts(out, args[k]);
		i += 3;
	}
}
