/* Every message the engine records (engine/src: cchc_diag_addf/addw and the
 * loaders' FAIL macros), its format as the engine writes it, and the same
 * message in Vietnamese (diag_say.h: "%1" a value, "%r1" as it is, "%m1" said
 * again, "%x1" not said). Most specific first: the first pattern that matches
 * the whole message wins. XML names (<item>, max="…") stay as the file writes
 * them, so the user finds what to fix. tests/test_diag_vi.c keeps this table
 * complete. */
#include "cchc/diag_say.h"

const cchc_diag_phrase cchc_diag_vi_phrases[] = {
	/* ---- reading a file (xml.c, xml_stream.c) ---- */
	{"cannot open the file: %s", "không mở được tệp: %r1"},
	{"cannot read the file: %s", "không đọc được tệp: %r1"},
	{"not a regular file: give the path of an XML file",
	 "không phải tệp thông thường: đưa đường dẫn của một tệp XML"},
	{"the file is empty: it must hold an XML document", "tệp rỗng: tệp phải chứa một tài liệu XML"},
	{"the file is %lld bytes, more than the %zu MiB limit: split it into smaller files",
	 "tệp có %1 byte, vượt giới hạn %2 MiB: tách thành các tệp nhỏ hơn"},
	{"the document is larger than the %zu MiB limit",
	 "tài liệu lớn hơn giới hạn %1 MiB: tách thành các tệp nhỏ hơn"},
	{"this element is larger than the %zu MiB limit: split the bundle's assessments into smaller ones",
	 "phần tử này lớn hơn giới hạn %1 MiB: tách các hồ sơ đánh giá của tệp gộp thành các tệp nhỏ hơn"},
	{"the file is in UTF-16 or UTF-32, but cchc reads UTF-8 only: save it as UTF-8",
	 "tệp được mã hóa UTF-16 hoặc UTF-32, nhưng cchc chỉ đọc UTF-8: lưu lại dưới dạng UTF-8"},
	{"the file is in EBCDIC, but cchc reads UTF-8 only: save it as UTF-8",
	 "tệp được mã hóa EBCDIC, nhưng cchc chỉ đọc UTF-8: lưu lại dưới dạng UTF-8"},
	{"the file declares encoding=\"%s%s\", but cchc reads UTF-8 only: save it as UTF-8 (and declare "
	 "encoding=\"UTF-8\")",
	 "tệp khai báo encoding=\"%1%2\", nhưng cchc chỉ đọc UTF-8: lưu lại dưới dạng UTF-8 (và khai báo "
	 "encoding=\"UTF-8\")"},
	{"a <!DOCTYPE> is not allowed (DTDs and entities are refused for safety): remove it",
	 "không được dùng <!DOCTYPE> (DTD và thực thể bị từ chối vì lý do an toàn): xóa nó"},
	{"%s is longer than %s, the most cchc reads in one piece: shorten it",
	 "%m1 dài hơn %r2, mức tối đa cchc đọc trong một lần: rút ngắn lại"},
	{"%s: the file ends before <%s> of line %ld is closed: it is cut short, or an end tag is missing",
	 "%m1: tệp kết thúc trước khi <%r2> ở dòng %3 được đóng: tệp bị cắt ngắn, hoặc thiếu thẻ đóng"},
	{"%s: Excessive depth in document: %d levels of elements at most",
	 "%m1: tài liệu lồng quá sâu: tối đa %2 cấp phần tử"},
	{"not well-formed XML", "XML không đúng cú pháp"},
	{"does not match the schema", "không khớp với lược đồ (schema)"},
	{"cannot compile the built-in schema", "không biên dịch được lược đồ (schema) có sẵn"},
	{"no root element: expected <%s>", "không có phần tử gốc: cần <%r1>"},
	{"the root element is <%s>%s%s%s: expected <%s xmlns=\"%s\">",
	 "phần tử gốc là <%r1>%r2%r3%m4: cần <%r5 xmlns=\"%6\">"},
	{"no data", "không có dữ liệu"},
	{"out of memory", "hết bộ nhớ"},
	{"out of memory reading the file", "hết bộ nhớ khi đọc tệp"},
	{"out of memory reading the XML document", "hết bộ nhớ khi đọc tài liệu XML"},
	{"out of memory creating the XML parser", "hết bộ nhớ khi tạo bộ phân tích XML"},
	{"out of memory validating", "hết bộ nhớ khi kiểm tra theo lược đồ"},
	{"out of memory loading the criteria set", "hết bộ nhớ khi đọc bộ tiêu chí"},
	{"out of memory loading the assessment", "hết bộ nhớ khi đọc hồ sơ đánh giá"},
	{"out of memory loading the plan", "hết bộ nhớ khi đọc kế hoạch"},
	{"out of memory ranking", "hết bộ nhớ khi xếp hạng"},
	{"out of memory estimating the rank interval", "hết bộ nhớ khi ước lượng khoảng thứ hạng"},
	{"out of memory while planning the recovery", "hết bộ nhớ khi lập phương án lấy lại điểm"},
	{"out of memory in the robustness analysis", "hết bộ nhớ khi phân tích độ vững của thứ hạng"},

	/* ---- the criteria set (criteria.c, criteria_check.c) ---- */
	{"<criteria-set> year=\"%lld\": write a four-digit year",
	 "<criteria-set> year=\"%1\": ghi năm bằng bốn chữ số"},
	{"<tier>: with better=\"%s\" each tier needs %s=\"…\" and no %s",
	 "<tier>: với better=\"%1\", mỗi mức cần %r2=\"…\" và không có %r3"},
	{"<tier>: points=\"…\" is required", "<tier>: thiếu points=\"…\" (điểm của mức): ghi vào"},
	{"<grade \"%s\">: share=\"…\" (percent of max) is required",
	 "<grade \"%1\">: thiếu share=\"…\" (phần trăm điểm tối đa): ghi vào"},
	{"<option \"%s\">: weight=\"…\" (percent) is required",
	 "<option \"%1\">: thiếu weight=\"…\" (phần trăm): ghi vào"},
	{"<rule> of \"%s\": unknown kind \"%s\"",
	 "<rule> của \"%1\": không có cách chấm \"%2\": dùng một cách chấm của criteria/README.md"},
	{"<rule kind=\"per-item\"> of \"%s\": points=\"…\" per item is required",
	 "<rule kind=\"per-item\"> của \"%1\": cần points=\"…\" (điểm mỗi mục)"},
	{"<rule kind=\"deadline\"> of \"%s\": due=\"YYYY-MM-DD\" is required",
	 "<rule kind=\"deadline\"> của \"%1\": cần due=\"YYYY-MM-DD\" (hạn)"},
	{"<rule kind=\"deadline\"> of \"%s\": grace-days and grace-points go together",
	 "<rule kind=\"deadline\"> của \"%1\": grace-days và grace-points phải ghi cùng nhau"},
	{"<rule kind=\"%s\"> of \"%s\": attribute %s does not apply to this kind",
	 "<rule kind=\"%1\"> của \"%2\": thuộc tính %r3 không dùng cho cách chấm này: xóa nó"},
	{"<rule kind=\"%s\"> of \"%s\": <%s> does not apply to this kind",
	 "<rule kind=\"%1\"> của \"%2\": <%r3> không dùng cho cách chấm này: xóa nó hoặc đổi cách chấm"},
	{"<rule kind=\"%s\"> of \"%s\": both from=\"…\" and to=\"…\" are required",
	 "<rule kind=\"%1\"> của \"%2\": cần cả from=\"…\" và to=\"…\""},
	{"<rule> of \"%s\": grace-days=\"%lld\" is more than ten years",
	 "<rule> của \"%1\": grace-days=\"%2\" là hơn mười năm: ghi số ngày ân hạn nhỏ hơn"},
	{"criterion \"%s\" is nested %d levels deep: at most %d are supported",
	 "tiêu chí %1 lồng sâu %2 cấp: chỉ hỗ trợ tối đa %3 cấp"},
	{"group \"%s\": source=\"survey\" cannot be a %s group",
	 "nhóm %1: source=\"survey\" không dùng được cho nhóm %r2"},
	{"%s \"%s\" is in a penalty group: give min=\"-…\" (the largest deduction) and no max",
	 "%m1 %2 thuộc nhóm điểm trừ: ghi min=\"-…\" (mức trừ lớn nhất) và bỏ max"},
	{"%s \"%s\": give max=\"…\" greater than 0%s", "%m1 %2: ghi max=\"…\" lớn hơn 0%m3"},
	{"criterion \"%s\": effort must be a whole number of 1 or more",
	 "tiêu chí %1: effort (công sức) phải là số nguyên từ 1 trở lên"},
	{"%s \"%s\" has both a rule and sub-criteria: a criterion is either scored by its rule or the sum "
	 "of its sub-criteria",
	 "%m1 %2 vừa có cách chấm vừa có tiêu chí thành phần: một tiêu chí được chấm theo cách chấm "
	 "của nó hoặc bằng tổng các tiêu chí thành phần, bỏ một trong hai"},
	{"criterion \"%s\" has neither a <rule> nor sub-criteria: add one",
	 "tiêu chí %1 không có <rule> cũng không có tiêu chí thành phần: thêm một trong hai"},
	{"group \"%s\" has no criteria: add at least one <criterion>",
	 "nhóm %1 chưa có tiêu chí nào: thêm ít nhất một <criterion>"},
	{"group \"%s\": a <rule> belongs on a criterion, not on a group",
	 "nhóm %1: <rule> đặt ở tiêu chí, không đặt ở nhóm: chuyển nó vào một tiêu chí"},
	{"band \"%s\" (min %s) must be below the band before it: list bands highest first",
	 "xếp loại \"%1\" (min %2) phải thấp hơn xếp loại trước nó: ghi các xếp loại từ cao xuống thấp"},
	{"band \"%s\": min must be 0 or more", "xếp loại \"%1\": min phải từ 0 trở lên"},
	{"<self-check> tolerance is a percentage: give 0 to 100",
	 "<self-check> tolerance là tỷ lệ phần trăm: ghi từ 0 đến 100"},
	{"<self-check> penalty=\"%s\" is more than a tenth of the set's max %s: give at most %s",
	 "<self-check> penalty=\"%1\" lớn hơn một phần mười điểm tối đa %2 của bộ tiêu chí: ghi tối đa %3"},
	{"a group or criterion has an empty id", "một nhóm hoặc tiêu chí có mã (id) rỗng: ghi mã cho nó"},
	{"id \"%s\" is used twice (first at line %ld): ids must be unique",
	 "mã \"%1\" được dùng hai lần (lần đầu ở dòng %2): mỗi mã chỉ dùng một lần"},
	{"criterion \"%s\": step must be greater than 0",
	 "tiêu chí %1: bước làm tròn (step) phải lớn hơn 0"},
	{"criterion \"%s\": step %s does not divide its max %s, so full points could never be reached",
	 "tiêu chí %1: bước làm tròn %2 không chia hết điểm tối đa %3, nên không bao giờ đạt đủ điểm: "
	 "chọn bước chia hết"},
	{"criterion \"%s\": a tiers rule needs at least one <tier>",
	 "tiêu chí %1: cách chấm tiers cần ít nhất một <tier>"},
	{"criterion \"%s\": the best tier gives %s but the criterion's max is %s: list the best tier first "
	 "and make it worth the max",
	 "tiêu chí %1: mức tốt nhất cho %2 điểm nhưng điểm tối đa của tiêu chí là %3: ghi mức tốt nhất "
	 "trước, bằng điểm tối đa"},
	{"criterion \"%s\": tier %zu gives %s, outside 0..%s",
	 "tiêu chí %1: mức %2 cho %3 điểm, ngoài khoảng 0..%4: sửa điểm của mức"},
	{"criterion \"%s\": tier %zu is not below tier %zu: list tiers best first, each with a %s bound and "
	 "fewer points",
	 "tiêu chí %1: mức %2 không thấp hơn mức %3: ghi các mức từ tốt nhất, mỗi mức có ngưỡng %m4 "
	 "và ít điểm hơn"},
	{"criterion \"%s\": a grade rule needs at least one <grade>",
	 "tiêu chí %1: cách chấm grade cần ít nhất một <grade>"},
	{"criterion \"%s\": the first grade must be the best, share=\"100\"",
	 "tiêu chí %1: xếp loại đầu tiên phải là loại tốt nhất, share=\"100\""},
	{"criterion \"%s\": grade \"%s\" has share %s %%: use 0 to 100",
	 "tiêu chí %1: xếp loại \"%2\" có share %3 %: ghi từ 0 đến 100"},
	{"criterion \"%s\": grade \"%s\" (%s %% of the max) is not a multiple of 0,01 points",
	 "tiêu chí %1: xếp loại \"%2\" (%3 % điểm tối đa) không phải bội số của 0,01 điểm: sửa share"},
	{"criterion \"%s\": grade \"%s\" must be worth less than the one before it: list grades best first",
	 "tiêu chí %1: xếp loại \"%2\" phải ít điểm hơn loại trước nó: ghi các xếp loại từ tốt nhất"},
	{"criterion \"%s\": grade id \"%s\" is used twice",
	 "tiêu chí %1: mã xếp loại \"%2\" được dùng hai lần: mỗi mã chỉ dùng một lần"},
	{"criterion \"%s\": a scale rule needs from/to (for a mean) or <option> weights",
	 "tiêu chí %1: cách chấm scale cần from/to (cho điểm trung bình) hoặc trọng số các <option>"},
	{"criterion \"%s\": option \"%s\" weight must be 0 to 100",
	 "tiêu chí %1: trọng số của phương án \"%2\" phải từ 0 đến 100"},
	{"criterion \"%s\": option id \"%s\" is used twice",
	 "tiêu chí %1: mã phương án \"%2\" được dùng hai lần: mỗi mã chỉ dùng một lần"},
	{"criterion \"%s\" is a penalty: points per item must be negative and no lower than its min %s",
	 "tiêu chí %1 là điểm trừ: điểm mỗi mục phải âm và không thấp hơn min %2 của nó"},
	{"criterion \"%s\": a penalty criterion must use per-item, yes-no or judged, not %s",
	 "tiêu chí %1: tiêu chí điểm trừ phải chấm theo per-item, yes-no hoặc judged, không phải %r2"},
	{"criterion \"%s\": from and to must differ", "tiêu chí %1: from và to phải khác nhau"},
	{"criterion \"%s\": points per item must be above 0 and at most %s",
	 "tiêu chí %1: điểm mỗi mục phải lớn hơn 0 và không quá %2"},
	{"criterion \"%s\": late-points must be 0 or more and below max %s",
	 "tiêu chí %1: late-points (điểm khi trễ hạn) phải từ 0 trở lên và nhỏ hơn điểm tối đa %2"},
	{"criterion \"%s\": grace-points %s must lie between late-points %s and the max",
	 "tiêu chí %1: grace-points %2 phải nằm giữa late-points %3 và điểm tối đa"},
	{"criterion \"%s\": its sub-criteria's min add up to %s, not its min %s",
	 "tiêu chí %1: min của các tiêu chí thành phần cộng lại là %2, khác min %3 của nó: sửa cho khớp"},
	{"%s \"%s\": its %s' max add up to %s, not its max %s",
	 "%m1 %2: điểm tối đa của các %m3 cộng lại là %4, khác điểm tối đa %5 của nó: sửa cho khớp"},
	{"the criteria set has no groups", "bộ tiêu chí không có nhóm nào: thêm ít nhất một <group>"},
	{"the criteria set's max is %s but its scored and survey groups add up to %s",
	 "điểm tối đa của bộ tiêu chí là %1 nhưng các nhóm chấm điểm và điều tra cộng lại là %2: sửa cho "
	 "khớp"},
	{"the criteria set has no bands: add <bands> with at least one <band>",
	 "bộ tiêu chí chưa có xếp loại: thêm <bands> với ít nhất một <band>"},

	/* ---- an assessment (assessment.c, assessment_stream.c) ---- */
	{"<%s>: criterion \"%s\" is not in criteria set \"%s\": use an id from %s",
	 "<%r1>: tiêu chí %2 không có trong bộ tiêu chí \"%3\": dùng một mã có trong %r4"},
	{"<%s>: \"%s\" is a %s with sub-criteria (first \"%s\"): give evidence for each sub-criterion "
	 "instead",
	 "<%r1>: \"%2\" là %m3 có tiêu chí thành phần (đầu tiên là \"%4\"): ghi minh chứng cho từng tiêu "
	 "chí thành phần thay vì cho nó"},
	{"<doc> file=\"%s\": the evidence path must be relative and stay inside the assessment's folder (no "
	 "leading /, no ..)",
	 "<doc> file=\"%1\": đường dẫn tệp minh chứng phải là đường dẫn tương đối, nằm trong thư mục của hồ "
	 "sơ đánh giá (không bắt đầu bằng /, không có ..)"},
	{"<doc> file=\"%s\": the evidence path holds a control character: write a plain file name, on one "
	 "line and without tabs",
	 "<doc> file=\"%1\": đường dẫn tệp minh chứng chứa ký tự điều khiển: ghi tên tệp thường, trên một "
	 "dòng, không có dấu tab"},
	{"<doc> file=\"%s\": the evidence path starts or ends with a space, which a link drops: remove it",
	 "<doc> file=\"%1\": đường dẫn tệp minh chứng bắt đầu hoặc kết thúc bằng dấu cách, mà liên kết sẽ "
	 "bỏ mất: xóa dấu cách"},
	{"%s \"%s\": appraisal points %s is outside its range %s to %s",
	 "%m1 %2: điểm thẩm định %3 nằm ngoài khoảng %4 đến %5: ghi điểm trong khoảng này"},
	{"%s \"%s\": published points %s is outside its range %s to %s",
	 "%m1 %2: điểm công bố %3 nằm ngoài khoảng %4 đến %5: ghi điểm trong khoảng này"},
	{"%s \"%s\": self %s is outside its range %s to %s",
	 "%m1 %2: điểm tự chấm %3 nằm ngoài khoảng %4 đến %5: ghi điểm trong khoảng này"},
	{"%s \"%s\": points %s is outside its range %s to %s",
	 "%m1 %2: điểm %3 nằm ngoài khoảng %4 đến %5: ghi điểm trong khoảng này"},
	{"%s \"%s\": %s %s is outside its range %s to %s",
	 "%m1 %2: %r3 %4 nằm ngoài khoảng %5 đến %6: ghi giá trị trong khoảng này"},
	{"<item criterion=\"%s\">: %s does not apply to a %s criterion: give %s",
	 "<item criterion=\"%1\">: %r2 không dùng cho tiêu chí chấm theo cách %r3: ghi %r4"},
	{"<item criterion=\"%s\">: numerator and denominator go together",
	 "<item criterion=\"%1\">: numerator (tử số) và denominator (mẫu số) phải ghi cùng nhau"},
	{"<item criterion=\"%s\">: grade \"%s\" is not one of the rule's grades",
	 "<item criterion=\"%1\">: xếp loại \"%2\" không có trong cách chấm của tiêu chí: dùng một xếp loại "
	 "của nó"},
	{"<item criterion=\"%s\">: na=\"true\" declares it not applicable, so it takes no evidence: remove "
	 "one or the other",
	 "<item criterion=\"%1\">: na=\"true\" khai báo tiêu chí không áp dụng nên không kèm minh chứng: bỏ "
	 "một trong hai"},
	{"<item criterion=\"%s\">: met=\"true\" is for yes-no criteria: give %s",
	 "<item criterion=\"%1\">: met=\"true\" chỉ dùng cho tiêu chí có/không (yes-no): ghi %r2"},
	{"<item criterion=\"%s\">: met=\"false\" says it was not done, yet other evidence is given: remove "
	 "one or the other",
	 "<item criterion=\"%1\">: met=\"false\" nói là chưa thực hiện, nhưng lại có minh chứng khác: bỏ "
	 "một trong hai"},
	{"<item criterion=\"%s\">: no evidence: give %s (or met=\"false\")",
	 "<item criterion=\"%1\">: chưa có minh chứng: ghi %r2 (hoặc met=\"false\")"},
	{"<item criterion=\"%s\">: value is a percentage: give 0 to 100",
	 "<item criterion=\"%1\">: value là tỷ lệ phần trăm: ghi từ 0 đến 100"},
	{"<item criterion=\"%s\">: numerator %lld is larger than denominator %lld",
	 "<item criterion=\"%1\">: tử số %2 lớn hơn mẫu số %3: sửa lại"},
	{"<item criterion=\"%s\">: points must be a multiple of the step %s",
	 "<item criterion=\"%1\">: điểm phải là bội số của bước làm tròn %2"},
	{"a second <item> for criterion \"%s\" (the first is at line %ld): give one item per criterion",
	 "<item> thứ hai cho tiêu chí %1 (<item> đầu ở dòng %2): mỗi tiêu chí chỉ ghi một <item>"},
	{"<appraisal criterion=\"%s\">: round must be 1 to 99",
	 "<appraisal criterion=\"%1\">: vòng thẩm định (round) phải từ 1 đến 99"},
	{"criterion \"%s\" has two appraisals for round %d (the other at line %ld)",
	 "tiêu chí %1 có hai kết quả thẩm định cho vòng %2 (kết quả kia ở dòng %3): giữ một"},
	{"criterion \"%s\" is declared not applicable but has an appraisal: remove one",
	 "tiêu chí %1 được khai báo không áp dụng nhưng có kết quả thẩm định: bỏ một trong hai"},
	{"<survey criterion=\"%s\">: the rule defines no answer options: give respondents, mean and sd",
	 "<survey criterion=\"%1\">: cách chấm không có phương án trả lời: ghi respondents, mean và sd (số "
	 "người trả lời, điểm trung bình, độ lệch chuẩn)"},
	{"<answer option=\"%s\">: criterion \"%s\" has no such option",
	 "<answer option=\"%1\">: tiêu chí %2 không có phương án này: dùng một phương án của tiêu chí"},
	{"<answer option=\"%s\"> is given twice",
	 "<answer option=\"%1\"> ghi hai lần: mỗi phương án chỉ ghi một lần"},
	{"<survey criterion=\"%s\">: no answers counted",
	 "<survey criterion=\"%1\">: chưa đếm câu trả lời nào: ghi số câu trả lời của từng phương án"},
	{"<survey criterion=\"%s\">: the criterion is scored by a %s rule, not a survey scale: use <item>",
	 "<survey criterion=\"%1\">: tiêu chí chấm theo cách %r2, không theo thang điều tra: dùng <item>"},
	{"a second <survey> for criterion \"%s\"",
	 "<survey> thứ hai cho tiêu chí %1: mỗi tiêu chí chỉ ghi một <survey>"},
	{"<survey criterion=\"%s\">: give either answer counts or respondents, mean and sd, not both",
	 "<survey criterion=\"%1\">: ghi hoặc số câu trả lời <answer>, hoặc respondents, mean và sd, không "
	 "ghi cả hai"},
	{"<survey criterion=\"%s\">: give respondents, mean and sd (or <answer> counts)",
	 "<survey criterion=\"%1\">: ghi respondents, mean và sd (hoặc số câu trả lời <answer>)"},
	{"<survey criterion=\"%s\">: the rule has no from/to scale for a mean: give <answer> counts",
	 "<survey criterion=\"%1\">: cách chấm không có thang from/to cho điểm trung bình: ghi số câu trả "
	 "lời <answer>"},
	{"<survey criterion=\"%s\">: mean is outside the scale of the rule",
	 "<survey criterion=\"%1\">: mean (điểm trung bình) nằm ngoài thang của cách chấm: sửa lại"},
	{"<survey criterion=\"%s\">: respondents must be 1 or more",
	 "<survey criterion=\"%1\">: respondents (số người trả lời) phải từ 1 trở lên"},
	{"<survey criterion=\"%s\">: sd must be 0 or more",
	 "<survey criterion=\"%1\">: sd (độ lệch chuẩn) phải từ 0 trở lên"},
	{"<%s id=\"%s\">: criteria set \"%s\" has no %s \"%s\": use a %s id of %s",
	 "<%r1 id=\"%2\">: bộ tiêu chí \"%3\" không có %m4 \"%5\": dùng mã %m6 có trong %r7"},
	{"<criterion id=\"%s\">: \"%s\" is a group of criteria set \"%s\", not a criterion: give its points "
	 "as <group id=\"%s\">",
	 "<criterion id=\"%1\">: \"%2\" là một nhóm của bộ tiêu chí \"%3\", không phải tiêu chí: ghi điểm "
	 "của nó bằng <group id=\"%4\">"},
	{"a second <%s id=\"%s\"> in <published> (the first is at line %ld): give each %s's points once",
	 "<%r1 id=\"%2\"> thứ hai trong <published> (lần đầu ở dòng %3): điểm của mỗi %m4 chỉ ghi một lần"},
	{"<published band=\"%s\">: criteria set \"%s\" has no such band: use one of %s",
	 "<published band=\"%1\">: bộ tiêu chí \"%2\" không có xếp loại này: dùng một trong %r3"},
	{"<published> gives no figure: give total, rank, band, <group> or <criterion> points, or remove it",
	 "<published> không ghi số liệu nào: ghi total, rank, band, điểm <group> hoặc <criterion>, hoặc "
	 "xóa nó"},
	{"criteria-set=\"%s\" does not match the criteria set%s given (%s): give its criteria file, or "
	 "correct the attribute",
	 "criteria-set=\"%1\" không khớp với bộ tiêu chí đã đưa%x2 (%r3): đưa tệp bộ tiêu chí của nó, hoặc "
	 "sửa thuộc tính này"},
	{"the assessment is for year %lld but criteria set \"%s\" is for %d",
	 "hồ sơ đánh giá là của năm %1 nhưng bộ tiêu chí \"%2\" là của năm %3: dùng bộ tiêu chí đúng năm "
	 "hoặc sửa năm"},
	{"<agency id=\"%s\"> is in block \"%s\" but criteria set \"%s\" ranks block \"%s\": fix block=\"…\" "
	 "or use that block's criteria set",
	 "<agency id=\"%1\"> thuộc khối \"%2\" nhưng bộ tiêu chí \"%3\" xếp hạng khối \"%4\": sửa "
	 "block=\"…\" hoặc dùng bộ tiêu chí của khối đó"},
	{"%s inside <assessments>: a bundle holds <assessment> elements only",
	 "%m1 nằm trong <assessments>: tệp gộp chỉ chứa các phần tử <assessment>"},
	{"the file is a bundle of assessments (<assessments>), but one agency's <assessment> is expected "
	 "here: give that agency's file, or give the bundle to rank, gap, robust, report or validate",
	 "tệp này gộp nhiều hồ sơ đánh giá (<assessments>), nhưng ở đây cần <assessment> của một cơ quan, "
	 "đơn vị: đưa tệp của cơ quan, đơn vị đó, hoặc dùng tệp gộp với rank, gap, robust, report hay "
	 "validate"},
	{"<assessments> takes no attributes (%s=\"…\"): each <assessment> carries its own criteria-set and "
	 "year",
	 "<assessments> không có thuộc tính (%r1=\"…\"): mỗi <assessment> tự ghi criteria-set và year của "
	 "nó"},
	{"no criteria set to check the assessment against",
	 "không có bộ tiêu chí để kiểm tra hồ sơ đánh giá: đưa tệp bộ tiêu chí"},
	{"the bundle holds no <assessment>: add one per agency",
	 "tệp gộp không có <assessment> nào: thêm một <assessment> cho mỗi cơ quan, đơn vị"},

	/* ---- ranking, gap, check, robustness (rank.c, gap*.c, check*.c, robust.c) ---- */
	{"agency \"%s\" is also in block \"%s\" (%s): an agency belongs to one block only",
	 "cơ quan, đơn vị \"%1\" cũng có trong khối \"%2\" (%r3): mỗi cơ quan, đơn vị chỉ thuộc một khối"},
	{"agency \"%s\" is assessed twice (also in %s): keep one assessment per agency",
	 "cơ quan, đơn vị \"%1\" có hai hồ sơ đánh giá (hồ sơ kia ở %r2): mỗi cơ quan, đơn vị chỉ giữ một "
	 "hồ sơ"},
	{"cannot rank block \"%s\": its scores were slimmed but %s (a caller's error)",
	 "không xếp hạng được khối \"%1\": điểm đã được rút gọn nhưng %r2 (lỗi của chương trình gọi)"},
	{"agency \"%s\": its evidence no longer gives its score (was the assessment slimmed?)",
	 "cơ quan, đơn vị \"%1\": minh chứng không còn cho ra điểm của nó (hồ sơ đánh giá đã bị rút gọn?)"},
	{"agency \"%s\" is not among the assessments ranked: give its assessment, or one of the ids in their "
	 "<agency id=\"…\">",
	 "cơ quan, đơn vị \"%1\" không có trong các hồ sơ đánh giá được xếp hạng: đưa hồ sơ đánh giá của "
	 "nó, hoặc dùng một mã trong <agency id=\"…\"> của các hồ sơ"},
	{"target rank %zu is past the last place: block \"%s\" has %zu agencies",
	 "thứ hạng mục tiêu %1 vượt quá vị trí cuối: khối \"%2\" có %3 cơ quan, đơn vị: chọn thứ hạng từ 1 "
	 "đến %3"},
	{"agency \"%s\" is not among last year's assessments: give its previous assessment with --previous",
	 "cơ quan, đơn vị \"%1\" không có trong các hồ sơ đánh giá năm trước: đưa hồ sơ đánh giá năm trước "
	 "của nó bằng --previous"},
	{"line too long: one \"OLD NEW\" pair per line",
	 "dòng quá dài: mỗi dòng một cặp \"MÃ_CŨ MÃ_MỚI\""},
	{"write one pair per line: last year's criterion id, a space, this year's id (e.g. \"1.4 1.5\")",
	 "mỗi dòng ghi một cặp: mã tiêu chí năm trước, một dấu cách, mã năm nay (ví dụ \"1.4 1.5\")"},
	{"\"%s\" is already mapped at line %ld: map each old id once",
	 "\"%1\" đã được ánh xạ ở dòng %2: mỗi mã cũ chỉ ánh xạ một lần"},
	{"\"%s\" is already the target at line %ld: two old criteria cannot become one",
	 "\"%1\" đã là mã đích ở dòng %2: hai tiêu chí cũ không thể gộp thành một"},
	{"--survey last: no survey result of agency \"%s\" from last year to assume: give --previous with "
	 "its last assessment, a --field holding its result, or --survey mean or none",
	 "--survey last: không có kết quả điều tra năm trước của cơ quan, đơn vị \"%1\" để giả định: đưa "
	 "--previous với hồ sơ đánh giá năm trước của nó, một --field có kết quả của nó, hoặc dùng "
	 "--survey mean hay none"},
	{"--survey mean: no agency of the field has survey results to average: give a --field of results "
	 "with their surveys, or --survey last or none",
	 "--survey mean: không cơ quan, đơn vị nào trong --field có kết quả điều tra để lấy trung bình: "
	 "đưa một --field có kết quả kèm điều tra, hoặc dùng --survey last hay none"},
	{"--field holds no agency scored on criteria set \"%s\", which this assessment uses: give the "
	 "results of its block",
	 "--field không có cơ quan, đơn vị nào chấm theo bộ tiêu chí \"%1\" mà hồ sơ này dùng: đưa kết "
	 "quả của khối của nó"},
	{"give 1 or more draws and a weight range below 100 %%",
	 "số lần rút mẫu (draws) phải từ 1 trở lên và biên độ trọng số dưới 100 %"},
	{"block \"%s\" has %zu agencies: the robustness analysis handles up to %d",
	 "khối \"%1\" có %2 cơ quan, đơn vị: phân tích độ vững của thứ hạng xử lý tối đa %3"},

	/* ---- a plan (plan.c) ---- */
	{"<plan> year=\"%lld\": write the plan's year, 1901 to 9998",
	 "<plan> year=\"%1\": ghi năm của kế hoạch, từ 1901 đến 9998"},
	{"<plan> issued=\"%s\": a plan for %d is issued in %d or %d: correct the date or the year",
	 "<plan> issued=\"%1\": kế hoạch năm %2 được ban hành trong năm %3 hoặc %4: sửa ngày hoặc năm"},
	{"<target metric=\"%s\">: no threshold: give min (at least) or max (at most), like min=\"97\"",
	 "<target metric=\"%1\">: chưa có ngưỡng: ghi min (ít nhất) hoặc max (nhiều nhất), như min=\"97\""},
	{"<target metric=\"%s\">: min %s is above max %s: swap them",
	 "<target metric=\"%1\">: min %2 lớn hơn max %3: đổi chỗ hai giá trị"},
	{"<target metric=\"%s\">: a percentage is 0 to 100",
	 "<target metric=\"%1\">: tỷ lệ phần trăm phải từ 0 đến 100"},
	{"task \"%s\": <status> date=\"%s\" is before the plan was issued (%s): correct the date",
	 "nhiệm vụ \"%1\": <status> date=\"%2\" trước ngày ban hành kế hoạch (%r3): sửa ngày"},
	{"task \"%s\": <status> date=\"%s\" is outside %s to %s, the years around a %d plan: correct the "
	 "year",
	 "nhiệm vụ \"%1\": <status> date=\"%2\" nằm ngoài khoảng %r3 đến %r4, các năm quanh kế hoạch năm "
	 "%5: sửa năm"},
	{"task \"%s\": <status state=\"done\"> needs date=\"YYYY-MM-DD\", the day the task was done",
	 "nhiệm vụ \"%1\": <status state=\"done\"> cần date=\"YYYY-MM-DD\", ngày hoàn thành nhiệm vụ"},
	{"task \"%s\": <status state=\"open\"> takes no date (the task is not done): remove date, or write "
	 "state=\"done\"",
	 "nhiệm vụ \"%1\": <status state=\"open\"> không ghi ngày (nhiệm vụ chưa hoàn thành): bỏ date, "
	 "hoặc ghi state=\"done\""},
	{"<task \"%s\"> deadline=\"%s\" is outside the plan's years: a %d plan's deadlines fall in %d or %d",
	 "<task \"%1\"> deadline=\"%2\" nằm ngoài các năm của kế hoạch: thời hạn của kế hoạch năm %3 rơi "
	 "vào năm %4 hoặc %5"},
	{"a second <%s id=\"%s\"> (the first is at line %ld): %s",
	 "<%r1 id=\"%2\"> thứ hai (lần đầu ở dòng %3): %m4"},
	{"the plan has %zu tasks, more than the limit of %d: split it",
	 "kế hoạch có %1 nhiệm vụ, nhiều hơn giới hạn %2: tách thành nhiều kế hoạch"},

	/* ---- reports/docx/docx_info.c: the Word documents' header values (--document, the server's PUT) ---- */
	{"date is given twice: keep one", "date được ghi hai lần: giữ một"},
	{"date \"%s\" is not a date: write it YYYY-MM-DD, e.g. 2019-01-28",
	 "date \"%1\" không phải là một ngày: viết theo dạng YYYY-MM-DD, ví dụ 2019-01-28"},
	{"%s has no value: give one, or leave the line out to keep the blank for the office to fill",
	 "%r1 chưa có giá trị: ghi giá trị, hoặc bỏ dòng này để giữ chỗ trống cho văn thư điền"},
	{"more than %d recipients: merge some (\"Các Sở: Nội vụ; Tư pháp\")",
	 "quá %1 nơi nhận: gộp bớt (\"Các Sở: Nội vụ; Tư pháp\")"},
	{"unknown key \"%s\": the keys are %s", "không có khóa \"%1\": các khóa là %r2"},
	{"%s is given twice: keep one", "%r1 được ghi hai lần: giữ một"},
	{"no \"=\" in this line: write key = value (keys: %s)",
	 "dòng này không có dấu \"=\": viết khóa = giá trị (các khóa: %r1)"},
	{"cannot read the document values: %s; give the path of a file of key = value lines",
	 "không đọc được tệp thông tin văn bản: %r1; đưa đường dẫn của một tệp gồm các dòng khóa = giá trị"},
	{"cannot read the document values", "không đọc được tệp thông tin văn bản"},
	{"more than 64 KiB: a document values file holds a few lines (key = value)",
	 "lớn hơn 64 KiB: tệp thông tin văn bản chỉ gồm vài dòng (khóa = giá trị)"},
	{"not UTF-8 text (or a control character): save the file as UTF-8 plain text",
	 "không phải văn bản UTF-8 (hoặc có ký tự điều khiển): lưu tệp dưới dạng văn bản thuần UTF-8"},

	/* ---- sheets/template_carry.c: last year's answers carried into a new template ---- */
	{"last year's answers do not fit criteria set \"%s\": %s",
	 "câu trả lời năm trước không khớp với bộ tiêu chí \"%1\": %m2"},

	/* ---- wrappers last: a bad attribute value, a parser's message after its prefix ---- */
	{"<%s%s%s%s> %s=\"%s\": %s", "<%r1%r2%r3%r4> %r5=\"%6\": %m7"},
	{"%s: %s", "%m1: %r2"},
};
const size_t cchc_diag_vi_nphrases = sizeof cchc_diag_vi_phrases / sizeof *cchc_diag_vi_phrases;

/* What "%m" says: the words and hints the engine puts into its messages. */
const cchc_diag_phrase cchc_diag_vi_parts[] = {
	{"criterion", "tiêu chí"},
	{"group", "nhóm"},
	{"criteria", "tiêu chí"},
	{"sub-criteria", "tiêu chí thành phần"},
	{"lower", "thấp hơn"},
	{"higher", "cao hơn"},
	{"text", "văn bản"},
	{" (min is only for penalty groups)", " (min chỉ dùng cho nhóm điểm trừ)"},
	{" with no namespace", " không có không gian tên (namespace)"},
	{" in namespace \"%s\"", " trong không gian tên \"%1\""},
	{"<%.64s>%s%.80s%s", "<%r1>%r2%r3%m4"},
	{"internal schema error", "lỗi lược đồ nội bộ"},
	{"give each area its own id", "mỗi lĩnh vực một mã riêng"},
	{"task ids are unique across the whole plan", "mã nhiệm vụ không được trùng trong cả kế hoạch"},
	/* too long for libxml2 (xml.c) */
	{"an attribute value here", "giá trị thuộc tính ở đây"},
	{"a comment here", "chú thích ở đây"},
	{"a CDATA section here", "đoạn CDATA ở đây"},
	{"a processing instruction here", "chỉ thị xử lý ở đây"},
	{"a text here", "đoạn văn bản ở đây"},
	{"a name here", "tên ở đây"},
	{"a start tag (its attributes together), a CDATA section or other markup at or before this line",
	 "thẻ mở (cùng các thuộc tính của nó), đoạn CDATA hoặc phần đánh dấu khác tại hoặc trước dòng "
	 "này"},
	/* a bad attribute value (attrs.c) */
	{"points must be a plain decimal with a point, like 8.25",
	 "điểm phải là số thập phân viết bằng dấu chấm, như 8.25"},
	{"points must be a multiple of 0,01 (at most two decimals)",
	 "điểm phải là bội số của 0,01 (nhiều nhất hai chữ số thập phân)"},
	{"points out of range", "điểm nằm ngoài phạm vi cho phép"},
	{"write a plain decimal number with a point, like 92 or 3.85",
	 "ghi số thập phân bằng dấu chấm, như 92 hoặc 3.85"},
	{"at most six decimals are accepted", "chỉ nhận tối đa sáu chữ số thập phân"},
	{"the number is out of range (at most 10^9)", "số nằm ngoài phạm vi (tối đa 10^9)"},
	{"write a whole number of 0 or more", "ghi số nguyên từ 0 trở lên"},
	{"write a whole number", "ghi số nguyên"},
	{"the number is out of range (at most 999999999)", "số nằm ngoài phạm vi (tối đa 999999999)"},
	{"write the date as YYYY-MM-DD, like 2018-01-31", "ghi ngày theo dạng YYYY-MM-DD, như 2018-01-31"},
	{"no such date in the calendar", "không có ngày này trong lịch"},
	{"write one of %s", "ghi một trong các giá trị %r1"},
};
const size_t cchc_diag_vi_nparts = sizeof cchc_diag_vi_parts / sizeof *cchc_diag_vi_parts;
