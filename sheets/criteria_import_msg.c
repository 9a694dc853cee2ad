/* The criteria loader speaks English, about XML; a workbook's user reads
 * Vietnamese, about columns. Each loader message a workbook can provoke is
 * matched against its English pattern ("%s" stands for a value) and said
 * again in Vietnamese with the same values ("%1" is the first); numbers among
 * them take the decimal comma, unless quoted (ids such as "1.1"). A message
 * without a pattern stays English. */
#include <stdio.h>
#include <string.h>

#include "criteria_book.h"

static const char *const table[][2] = {
	{"criterion \"%s\": its sub-criteria' max add up to %s, not its max %s",
	 "tiêu chí %1: điểm tối đa của các tiêu chí thành phần cộng lại là %2, khác điểm tối đa %3 của nó: sửa cho khớp"},
	{"group \"%s\": its criteria' max add up to %s, not its max %s",
	 "nhóm %1: điểm tối đa của các tiêu chí cộng lại là %2, khác điểm tối đa %3 của nhóm: sửa cho khớp"},
	{"criterion \"%s\": its sub-criteria's min add up to %s, not its min %s",
	 "tiêu chí %1: điểm trừ tối đa của các tiêu chí thành phần cộng lại là %2, khác %3 của nó: sửa cho khớp"},
	{"the criteria set's max is %s but its scored and survey groups add up to %s",
	 "thang điểm của bộ là %1 nhưng các nhóm chấm điểm và điều tra cộng lại là %2: sửa cho khớp"},
	{"criterion \"%s\": step %s does not divide its max %s, so full points could never be reached",
	 "tiêu chí %1: bước làm tròn %2 không chia hết điểm tối đa %3, nên không bao giờ đạt đủ điểm: chọn bước chia hết"},
	{"criterion \"%s\": step must be greater than 0", "tiêu chí %1: bước làm tròn phải lớn hơn 0"},
	{"criterion \"%s\": the best tier gives %s but the criterion's max is %s: list the best tier first and make it worth "
	 "the max",
	 "tiêu chí %1: mức tốt nhất cho %2 điểm nhưng điểm tối đa là %3: ghi mức tốt nhất trước, bằng điểm tối đa"},
	{"criterion \"%s\": tier %s is not below tier %s: list tiers best first, each with a lower bound and fewer points",
	 "tiêu chí %1: mức %2 không thấp hơn mức %3: ghi các mức từ tốt nhất, mỗi mức ngưỡng thấp hơn và ít điểm hơn"},
	{"criterion \"%s\": tier %s is not below tier %s: list tiers best first, each with a higher bound and fewer points",
	 "tiêu chí %1: mức %2 không thấp hơn mức %3: ghi các mức từ tốt nhất, mỗi mức ngưỡng cao hơn và ít điểm hơn"},
	{"criterion \"%s\": tier %s gives %s, outside 0..%s", "tiêu chí %1: mức %2 cho %3 điểm, ngoài khoảng 0..%4"},
	{"criterion \"%s\": a tiers rule needs at least one <tier>", "tiêu chí %1: cách chấm tiers cần ít nhất một dòng Mức"},
	{"criterion \"%s\": a grade rule needs at least one <grade>",
	 "tiêu chí %1: cách chấm grade cần ít nhất một dòng Xếp loại"},
	{"criterion \"%s\": the first grade must be the best, share=\"100\"",
	 "tiêu chí %1: xếp loại đầu tiên phải là loại tốt nhất, tỷ lệ 100"},
	{"criterion \"%s\": grade \"%s\" has share %s %: use 0 to 100",
	 "tiêu chí %1: xếp loại %2 có tỷ lệ %3 %: ghi từ 0 đến 100"},
	{"criterion \"%s\": grade \"%s\" (%s % of the max) is not a multiple of 0,01 points",
	 "tiêu chí %1: xếp loại %2 (%3 % điểm tối đa) không phải bội số của 0,01 điểm"},
	{"criterion \"%s\": grade \"%s\" must be worth less than the one before it: list grades best first",
	 "tiêu chí %1: xếp loại %2 phải ít điểm hơn loại trước nó: ghi các loại từ tốt nhất"},
	{"criterion \"%s\": grade id \"%s\" is used twice", "tiêu chí %1: mã xếp loại %2 dùng hai lần"},
	{"criterion \"%s\": option id \"%s\" is used twice", "tiêu chí %1: mã phương án %2 dùng hai lần"},
	{"criterion \"%s\": option \"%s\" weight must be 0 to 100", "tiêu chí %1: trọng số phương án %2 phải từ 0 đến 100"},
	{"criterion \"%s\": a scale rule needs from/to (for a mean) or <option> weights",
	 "tiêu chí %1: cách chấm scale cần Từ và Đến (điểm trung bình) hoặc các dòng Phương án"},
	{"criterion \"%s\": late-points must be 0 or more and below max %s",
	 "tiêu chí %1: điểm khi trễ phải từ 0 trở lên và dưới điểm tối đa %2"},
	{"criterion \"%s\": grace-points %s must lie between late-points %s and the max",
	 "tiêu chí %1: điểm trong ân hạn %2 phải nằm giữa điểm khi trễ %3 và điểm tối đa"},
	{"criterion \"%s\": points per item must be above 0 and at most %s",
	 "tiêu chí %1: điểm mỗi mục phải lớn hơn 0 và không quá %2"},
	{"criterion \"%s\" is a penalty: points per item must be negative and no lower than its min %s",
	 "tiêu chí %1 là điểm trừ: điểm mỗi mục phải âm và không thấp hơn %2"},
	{"criterion \"%s\": from and to must differ", "tiêu chí %1: Từ và Đến phải khác nhau"},
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
	{"criterion \"%s\": effort must be a whole number of 1 or more", "tiêu chí %1: công sức phải là số nguyên từ 1"},
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
	{"band \"%s\" (min %s) must be below the band before it: list bands highest first",
	 "xếp loại %1 (điểm sàn %2) phải thấp hơn xếp loại trước nó: ghi xếp loại cao nhất trước"},
	{"band \"%s\": min must be 0 or more", "xếp loại %1: điểm sàn phải từ 0 trở lên"},
	{"<self-check> tolerance is a percentage: give 0 to 100", "self-check tolerance là phần trăm: ghi từ 0 đến 100"},
	{"<self-check> penalty=\"%s\" is more than a tenth of the set's max %s: give at most %s",
	 "self-check penalty %1 lớn hơn một phần mười thang điểm %2: ghi tối đa %3"},
	{"<criteria-set> year=\"%s\": write a four-digit year", "năm %1: ghi năm bốn chữ số"},
	{"id \"%s\" is used twice (first at line %s): ids must be unique", "mã %1 dùng hai lần: mỗi mã chỉ dùng một lần"},
};

/* "8.25" → "8,25"; anything else as it is. */
static void value(char *out, size_t size, const char *v, size_t n, int quoted)
{
	size_t k = 0, dots = 0, digits = 0;
	for (size_t i = 0; i < n; i++) {
		dots += v[i] == '.';
		digits += v[i] >= '0' && v[i] <= '9';
	}
	int number = !quoted && n && dots <= 1 && digits + dots + (v[0] == '-') == n;
	for (size_t i = 0; i < n && k + 1 < size; i++)
		out[k++] = number && v[i] == '.' ? ',' : v[i];
	out[k] = '\0';
}

/* Match msg against pattern: the values where "%s" stands, at most 9. */
static int match(const char *pattern, const char *msg, const char *vals[9], size_t lens[9], int quoted[9])
{
	int n = 0;
	const char *p = pattern, *m = msg;
	for (;;) {
		const char *mark = strstr(p, "%s");
		size_t lit = mark ? (size_t)(mark - p) : strlen(p);
		if (strncmp(m, p, lit) != 0)
			return -1;
		m += lit;
		if (!mark)
			return *m == '\0' ? n : -1;
		const int in_quotes = mark > pattern && mark[-1] == '"';
		p = mark + 2;
		/* the value runs to the next literal piece (to the end when none follows) */
		const char *next = strstr(p, "%s");
		size_t nlit = next ? (size_t)(next - p) : strlen(p);
		const char *end;
		if (nlit == 0)
			end = m + strlen(m);
		else if (!next) { /* the last piece ends the message */
			size_t ml = strlen(m);
			if (ml < nlit || strcmp(m + ml - nlit, p) != 0)
				return -1;
			end = m + ml - nlit;
		} else {
			char piece[128];
			if (nlit >= sizeof piece)
				return -1;
			memcpy(piece, p, nlit);
			piece[nlit] = '\0';
			if (!(end = strstr(m, piece)))
				return -1;
		}
		if (n == 9)
			return -1;
		vals[n] = m;
		quoted[n] = in_quotes;
		lens[n++] = (size_t)(end - m);
		m = end;
	}
}

int cb_translate(const char *en, char *out, size_t size)
{
	for (size_t t = 0; t < sizeof table / sizeof *table; t++) {
		const char *vals[9];
		size_t lens[9];
		int quoted[9];
		int n = match(table[t][0], en, vals, lens, quoted);
		if (n < 0)
			continue;
		size_t k = 0;
		for (const char *v = table[t][1]; *v && k + 1 < size; v++) {
			if (v[0] == '%' && v[1] >= '1' && v[1] <= '9' && v[1] - '1' < n) {
				char part[256];
				int i = v[1] - '1';
				value(part, sizeof part, vals[i], lens[i] < sizeof part ? lens[i] : sizeof part - 1, quoted[i]);
				k += (size_t)snprintf(out + k, size - k, "%s", part);
				if (k >= size)
					k = size - 1;
				v++;
			} else {
				out[k++] = *v;
			}
		}
		out[k] = '\0';
		return 0;
	}
	return -1;
}
