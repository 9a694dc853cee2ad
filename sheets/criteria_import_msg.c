/* The criteria loader speaks English, about XML; a workbook's user reads
 * Vietnamese, about columns. The loader's messages whose Vietnamese names the
 * workbook's columns and rows are said here, in the matcher's notation
 * (cchc/diag_say.h: "%s" stands for a value, "%1" is the first); every other
 * one in the engine's general wording (reports/diag_vi_table.c). */
#include "cchc/diag_say.h"

#include "criteria_book.h"

static const cchc_diag_phrase table[] = {
	{"criterion \"%s\": tier %s is not below tier %s: list tiers best first, each with a lower bound and fewer points",
	 "tiêu chí %1: mức %2 không thấp hơn mức %3: ghi các mức từ tốt nhất, mỗi mức ngưỡng thấp hơn và ít điểm hơn"},
	{"criterion \"%s\": tier %s is not below tier %s: list tiers best first, each with a higher bound and fewer points",
	 "tiêu chí %1: mức %2 không thấp hơn mức %3: ghi các mức từ tốt nhất, mỗi mức ngưỡng cao hơn và ít điểm hơn"},
	{"criterion \"%s\": a tiers rule needs at least one <tier>", "tiêu chí %1: cách chấm tiers cần ít nhất một dòng Mức"},
	{"criterion \"%s\": a grade rule needs at least one <grade>",
	 "tiêu chí %1: cách chấm grade cần ít nhất một dòng Xếp loại"},
	{"criterion \"%s\": the first grade must be the best, share=\"100\"",
	 "tiêu chí %1: xếp loại đầu tiên phải là loại tốt nhất, tỷ lệ 100"},
	{"criterion \"%s\": a scale rule needs from/to (for a mean) or <option> weights",
	 "tiêu chí %1: cách chấm scale cần Từ và Đến (điểm trung bình) hoặc các dòng Phương án"},
	{"criterion \"%s\": a penalty criterion must use per-item, yes-no or judged, not %s",
	 "tiêu chí %1 là điểm trừ: cách chấm phải là per-item, yes-no hoặc judged, không phải %2"},
	{"criterion \"%s\": give max=\"…\" greater than 0 (min is only for penalty groups)",
	 "tiêu chí %1: ghi điểm tối đa lớn hơn 0 (điểm trừ tối đa chỉ dùng trong nhóm điểm trừ)"},
	{"criterion \"%s\": give max=\"…\" greater than 0", "tiêu chí %1: ghi điểm tối đa lớn hơn 0"},
	{"group \"%s\": give max=\"…\" greater than 0 (min is only for penalty groups)",
	 "nhóm %1: ghi điểm tối đa lớn hơn 0 (điểm trừ tối đa chỉ dùng cho nhóm điểm trừ)"},
	{"group \"%s\": give max=\"…\" greater than 0", "nhóm %1: ghi điểm tối đa lớn hơn 0"},
	{"criterion \"%s\" is in a penalty group: give min=\"-…\" (the largest deduction) and no max",
	 "tiêu chí %1 thuộc nhóm điểm trừ: ghi điểm trừ tối đa (số âm) và để trống điểm tối đa"},
	{"group \"%s\" is in a penalty group: give min=\"-…\" (the largest deduction) and no max",
	 "nhóm %1 là nhóm điểm trừ: ghi điểm trừ tối đa (số âm) và để trống điểm tối đa"},
	{"criterion \"%s\" has both a rule and sub-criteria: a criterion is either scored by its rule or the sum of its "
	 "sub-criteria",
	 "tiêu chí %1 vừa có cách chấm vừa có tiêu chí thành phần: điểm theo cách chấm hoặc bằng tổng tiêu chí thành phần, "
	 "bỏ một trong hai"},
	{"criterion \"%s\" has neither a <rule> nor sub-criteria: add one",
	 "tiêu chí %1 chưa có cách chấm và cũng không có tiêu chí thành phần: chọn Cách chấm hoặc thêm tiêu chí thành phần"},
	{"group \"%s\" has no criteria: add at least one <criterion>", "nhóm %1 chưa có tiêu chí nào: thêm ít nhất một tiêu chí"},
	{"group \"%s\": source=\"survey\" cannot be a %s group", "nhóm %1: nguồn survey không dùng được cho nhóm %2"},
	{"<rule kind=\"%s\"> of \"%s\": attribute %s does not apply to this kind",
	 "cách chấm %1 của tiêu chí %2 không dùng tham số %3: để trống ô này"},
	{"<rule kind=\"%s\"> of \"%s\": <%s> does not apply to this kind",
	 "cách chấm %1 của tiêu chí %2 không có dòng %3: xóa dòng này hoặc đổi cách chấm"},
	{"<rule kind=\"%s\"> of \"%s\": both from=\"…\" and to=\"…\" are required",
	 "cách chấm %1 của tiêu chí %2 cần cả Từ và Đến"},
	{"<rule kind=\"per-item\"> of \"%s\": points=\"…\" per item is required",
	 "cách chấm per-item của tiêu chí %1 cần Điểm mỗi mục"},
	{"<rule kind=\"deadline\"> of \"%s\": due=\"YYYY-MM-DD\" is required", "cách chấm deadline của tiêu chí %1 cần Hạn"},
	{"<rule kind=\"deadline\"> of \"%s\": grace-days and grace-points go together",
	 "cách chấm deadline của tiêu chí %1: số ngày ân hạn và điểm trong ân hạn phải ghi cùng nhau"},
	{"<rule> of \"%s\": grace-days=\"%s\" is more than ten years", "tiêu chí %1: %2 ngày ân hạn là hơn mười năm"},
	{"<self-check> tolerance is a percentage: give 0 to 100", "self-check tolerance là phần trăm: ghi từ 0 đến 100"},
	{"<self-check> penalty=\"%s\" is more than a tenth of the set's max %s: give at most %s",
	 "self-check penalty %1 lớn hơn một phần mười thang điểm %2: ghi tối đa %3"},
	{"<criteria-set> year=\"%s\": write a four-digit year", "năm %1: ghi năm bốn chữ số"},
	{"id \"%s\" is used twice (first at line %s): ids must be unique", "mã %1 dùng hai lần: mỗi mã chỉ dùng một lần"},
};

int cb_translate(const char *en, char *out, size_t size)
{
	return cchc_diag_say_with(table, sizeof table / sizeof *table, en, out, size) ? 0 : -1;
}
