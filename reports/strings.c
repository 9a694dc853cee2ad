/* Every word the renderers print, Vietnamese and English side by side.
 * Templates carry {0}..{9} placeholders so each language orders its words. */
#include "report_priv.h"

#include <string.h>

static const char *const table[CCHC_STR_COUNT_][CCHC_LANG_COUNT] = {
	/* labels */
	[CCHC_STR_GROUP] = {"Nhóm", "Group"},
	[CCHC_STR_CRITERION] = {"Tiêu chí", "Criterion"},
	[CCHC_STR_POINTS] = {"Điểm", "Points"},
	[CCHC_STR_MAX] = {"Tối đa", "Max"},
	[CCHC_STR_CAUSE] = {"Nguyên nhân", "Cause"},
	[CCHC_STR_TOTAL] = {"Tổng điểm", "Total"},
	[CCHC_STR_INDEX] = {"Chỉ số", "Index"},
	[CCHC_STR_BAND] = {"Xếp loại", "Band"},
	[CCHC_STR_NO_BAND] = {"Chưa xếp loại", "No band"},
	[CCHC_STR_SELF] = {"Tự chấm", "Self-assessed"},
	[CCHC_STR_SELF_DIFF] = {"chênh lệch", "difference"},
	[CCHC_STR_AGENCY] = {"Cơ quan", "Agency"},
	[CCHC_STR_BLOCK] = {"Khối", "Block"},
	[CCHC_STR_YEAR] = {"Năm", "Year"},
	[CCHC_STR_CRITERIA_SET] = {"Bộ chỉ số", "Criteria set"},
	[CCHC_STR_FRAME] = {"Điểm trong khung", "Frame points"},
	[CCHC_STR_BONUS] = {"Điểm cộng", "Bonus points"},
	[CCHC_STR_PENALTY_POINTS] = {"Điểm trừ", "Penalty points"},
	[CCHC_STR_SELF_CHECK] = {"Trừ do tự chấm sai lệch", "Self-assessment off"},
	[CCHC_STR_COUNTS] = {"Số tiêu chí", "Criteria"},
	[CCHC_STR_COUNT_FULL] = {"đạt tối đa", "at full points"},
	[CCHC_STR_COUNT_PARTIAL] = {"đạt một phần", "partial"},
	[CCHC_STR_COUNT_ZERO] = {"không đạt điểm", "at zero"},
	[CCHC_STR_NOT_APPLICABLE] = {"Không áp dụng", "Not applicable"},
	[CCHC_STR_REPORT_TITLE] = {"KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
	                           "PUBLIC ADMINISTRATION REFORM INDEX: SCORE"},
	/* ranking; POSITION: {0} agency, {1} rank, {2} of, {3} total, {4} max, {5} band,
	 * {6} gap to the top, {7} gap to the bottom */
	[CCHC_STR_RANK_TITLE] = {"XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "PUBLIC ADMINISTRATION REFORM INDEX: RANKING"},
	[CCHC_STR_RANK] = {"Hạng", "Rank"},
	[CCHC_STR_AGENCIES] = {"cơ quan", "agencies"},
	[CCHC_STR_GAP_TOP] = {"Cách đầu", "To top"},
	[CCHC_STR_GAP_BOTTOM] = {"Trên cuối", "Over bottom"},
	[CCHC_STR_GAP_ABOVE] = {"Cách trên", "To next"},
	[CCHC_STR_FULL_PARTIAL_ZERO] = {"Đủ/Phần/0", "Full/Part/0"},
	[CCHC_STR_GROUP_RANKS] = {"Thứ hạng theo lĩnh vực (chỉ số thành phần)", "Rank in each group (component indices)"},
	[CCHC_STR_STATS] = {"Thống kê toàn khối", "Block statistics"},
	[CCHC_STR_MEAN] = {"Trung bình", "Mean"},
	[CCHC_STR_MEDIAN] = {"Trung vị", "Median"},
	[CCHC_STR_SD] = {"Độ lệch chuẩn", "Std dev"},
	[CCHC_STR_LOWEST] = {"Thấp nhất", "Lowest"},
	[CCHC_STR_HIGHEST] = {"Cao nhất", "Highest"},
	[CCHC_STR_SHARE_FULL] = {"Đạt tối đa", "At full"},
	[CCHC_STR_MOST_LOST] = {"Tiêu chí nhiều cơ quan mất điểm nhất", "Criteria most agencies lose points on"},
	[CCHC_STR_AGENCIES_LOSING] = {"Số cơ quan mất điểm", "Agencies losing"},
	[CCHC_STR_POINTS_LOST] = {"Tổng điểm mất", "Points lost"},
	[CCHC_STR_SELF_ACCURACY] = {"Độ chính xác của tự chấm", "Self-assessment accuracy"},
	[CCHC_STR_FINAL] = {"Kết quả", "Final"},
	[CCHC_STR_DEVIATION] = {"Chênh lệch", "Deviation"},
	[CCHC_STR_OVERCLAIMED] = {"Tiêu chí tự chấm cao hơn kết quả", "Criteria over-claimed"},
	[CCHC_STR_SELF_MEAN] = {"Bình quân toàn khối: tự chấm {0} điểm, kết quả {1} điểm (chênh lệch {2})", "Block mean: self-assessed {0}, final {1} (difference {2})"},
	[CCHC_STR_POSITION] = {"{0} đứng thứ {1}/{2}, đạt {3}/{4} điểm, xếp loại {5}; thấp hơn đơn vị đứng đầu {6} điểm và cách biệt đơn vị đứng cuối {7} điểm.", "{0} ranks {1} of {2} with {3}/{4} points, band {5}; {6} points below the top and {7} above the bottom."},
	[CCHC_STR_POSITION_TOP] = {"{0} đứng đầu ({1}/{2}), đạt {3}/{4} điểm, xếp loại {5}; cao hơn đơn vị đứng cuối {7} điểm.", "{0} ranks first ({1} of {2}) with {3}/{4} points, band {5}; {7} points above the bottom."},
	/* plan status; NO_DEADLINE: {0} the end of the plan year */
	[CCHC_STR_PLAN_TITLE] = {"TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", "PUBLIC ADMINISTRATION REFORM PLAN: TASK STATUS"},
	[CCHC_STR_PLAN_AS_OF] = {"Tính đến ngày {0}", "As of {0}"},
	[CCHC_STR_PLAN_ISSUED] = {"ban hành ngày {0}", "issued {0}"},
	[CCHC_STR_PLAN_TASK] = {"Nhiệm vụ", "Task"},
	[CCHC_STR_PLAN_CONTENT] = {"Nội dung", "Content"},
	[CCHC_STR_PLAN_DEADLINE] = {"Thời hạn", "Deadline"},
	[CCHC_STR_PLAN_STATE] = {"Tình trạng", "Status"},
	[CCHC_STR_PLAN_DONE_ON] = {"Hoàn thành", "Done on"},
	[CCHC_STR_PLAN_ST_ON_TIME] = {"Đúng hạn", "On time"},
	[CCHC_STR_PLAN_ST_LATE] = {"Trễ hạn", "Late"},
	[CCHC_STR_PLAN_ST_OPEN] = {"Đang thực hiện", "Open"},
	[CCHC_STR_PLAN_ST_OVERDUE] = {"Quá hạn", "Overdue"},
	[CCHC_STR_PLAN_ST_CANCELLED] = {"Hủy bỏ", "Cancelled"},
	[CCHC_STR_PLAN_NO_DEADLINE] = {"* Không ghi thời hạn cụ thể: tính hạn đến {0}.", "* No set deadline: due by {0}."},
	[CCHC_STR_PLAN_BY_AREA] = {"Tổng hợp theo lĩnh vực", "By area"},
	[CCHC_STR_PLAN_AREA] = {"Lĩnh vực", "Area"},
	[CCHC_STR_PLAN_WHOLE] = {"Toàn kế hoạch", "Whole plan"},
	[CCHC_STR_PLAN_TOTAL] = {"Tổng số nhiệm vụ", "Tasks"},
	[CCHC_STR_PLAN_DONE_ON_TIME] = {"Hoàn thành đúng hạn", "Done on time"},
	[CCHC_STR_PLAN_DONE_LATE] = {"Hoàn thành trễ hạn", "Done late"},
	[CCHC_STR_PLAN_OPEN] = {"Đang thực hiện, chưa đến hạn", "Open, not yet due"},
	[CCHC_STR_PLAN_OVERDUE] = {"Quá hạn, chưa hoàn thành", "Overdue, not done"},
	[CCHC_STR_PLAN_CANCELLED] = {"Hủy bỏ, không tính vào tỷ lệ", "Cancelled, not counted in the rates"},
	[CCHC_STR_PLAN_COMPLETION] = {"Tỷ lệ hoàn thành", "Completion rate"},
	[CCHC_STR_PLAN_ON_TIME_RATE] = {"Tỷ lệ hoàn thành đúng hạn", "On-time rate"},
	/* gap analysis */
	[CCHC_STR_GAP_TITLE] = {"PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC VÀ NHIỆM VỤ KHẮC PHỤC", "PAR INDEX GAP ANALYSIS AND UPLIFT TASKS"},
	[CCHC_STR_GAP_POSITION] = {"Vị trí xếp hạng", "Position"},
	[CCHC_STR_GAP_PREVIOUS] = {"Năm trước: đứng thứ {0}/{1}, đạt {2} điểm. Thay đổi: {3} bậc, {4} điểm.", "Last year: rank {0} of {1}, {2} points. Change: {3} places, {4} points."},
	[CCHC_STR_GAP_GROUPS] = {"Kết quả theo từng lĩnh vực", "Results by group"},
	[CCHC_STR_GAP_GROUP_LINE] = {"{0} {1} (đạt {2} điểm/{3} điểm): {4}: có {5} tiêu chí, trong đó {6} tiêu chí chưa đạt hoặc đạt chưa cao.", "{0} {1} ({2}/{3} points): {4}: {5} criteria, {6} of them not achieved or low."},
	[CCHC_STR_GAP_ACHIEVED] = {"Các tiêu chí đạt điểm tối đa", "Criteria at full points"},
	[CCHC_STR_GAP_CRITERION] = {"Tiêu chí", "Criterion"},
	[CCHC_STR_GAP_CAUSES] = {"Điểm bị mất theo nguyên nhân", "Points lost by cause"},
	[CCHC_STR_GAP_CAUSE_LINE] = {"{0}: {1} tiêu chí, mất {2} điểm", "{0}: {1} criteria, {2} points lost"},
	[CCHC_STR_GAP_RECOVERABLE] = {"Tổng số điểm có thể khắc phục: {0} điểm.", "Points that can be won back: {0}."},
	[CCHC_STR_GAP_TARGET] = {"Mục tiêu xếp hạng", "Target rank"},
	[CCHC_STR_GAP_ASSUMPTION] = {"Giả định: các cơ quan khác giữ nguyên điểm số năm nay; mỗi tiêu chí được khắc phục đạt và được tự chấm đủ điểm tối đa; tổng điểm được chấm lại theo mọi quy định của bộ chỉ số (giới hạn điểm thưởng, mức trừ tối đa, tiêu chí không áp dụng, trừ điểm do tự chấm thiếu chính xác).", "Assumption: the other agencies keep this year's scores; each criterion won back is earned and claimed at its full points; the total is then scored again under every rule of the set (bonus cap, penalty floor, N/A, the self-assessment check)."},
	[CCHC_STR_GAP_NEEDED] = {"Để đạt vị trí thứ {0}/{1} cần thêm {2} điểm.", "Reaching rank {0} of {1} takes {2} more points."},
	[CCHC_STR_GAP_ALREADY] = {"Cơ quan đã ở vị trí thứ {0}/{1} hoặc cao hơn: không cần thêm điểm.", "The agency is already at rank {0} of {1} or better: no points needed."},
	[CCHC_STR_GAP_PLAN] = {"Phương án ít công sức nhất: khắc phục {0} tiêu chí, {1} điểm (công sức {2}):", "Least-effort plan: win back {0} criteria, {1} points (effort {2}):"},
	[CCHC_STR_GAP_UNREACHABLE] = {"Không thể đạt vị trí thứ {0}/{1}: cần thêm {2} điểm, nhưng không có cách khắc phục nào đạt được; khắc phục toàn bộ, tổng điểm chấm lại là {3} điểm.", "Rank {0} of {1} is unreachable: it takes {2} more points and no set of criteria won back reaches it; with all of them, the total re-scores to {3}."},
	[CCHC_STR_GAP_RESCORED] = {"Chấm lại với các tiêu chí này: {0} điểm, xếp thứ {1}/{2}.", "Re-scored with these criteria: {0} points, rank {1} of {2}."},
	[CCHC_STR_GAP_NOT_EXACT] = {"Lưu ý: việc tìm kiếm dừng sau {0} phương án; có thể còn phương án ít công sức hơn.", "Note: the search stopped after {0} sets; a cheaper set may exist."},
	[CCHC_STR_GAP_BEST] = {"Nếu khắc phục toàn bộ điểm bị mất (tổng điểm chấm lại {2} điểm), cơ quan có thể đạt vị trí thứ {0}/{1}.", "With every lost point won back (the total re-scores to {2}) the agency could reach rank {0} of {1}."},
	[CCHC_STR_GAP_TASKS] = {"Nhiệm vụ, giải pháp khắc phục", "Tasks and remedies"},
	[CCHC_STR_GAP_TT] = {"TT", "No."},
	[CCHC_STR_GAP_TASK] = {"Nội dung nhiệm vụ", "Task"},
	[CCHC_STR_GAP_SOLUTION] = {"Giải pháp khắc phục", "Remedy"},
	[CCHC_STR_GAP_OWNER] = {"Chủ trì", "Lead"},
	[CCHC_STR_GAP_SUPPORT] = {"Phối hợp", "Support"},
	[CCHC_STR_GAP_WHEN] = {"Thời gian hoàn thành", "Deadline"},
	[CCHC_STR_GAP_NO_REMEDY] = {"{0} tiêu chí bị mất điểm chưa có nhiệm vụ khắc phục trong bộ chỉ số.", "{0} lost criteria have no remedy in the criteria set."},
	[CCHC_STR_GAP_CHANGES] = {"So sánh với năm trước", "Compared with last year"},
	[CCHC_STR_GAP_CHANGE_SUMMARY] = {"{0} tiêu chí tăng, giữ nguyên và {1} tiêu chí chưa đạt hoặc đạt chưa cao.", "{0} criteria up or held, {1} not achieved or low."},
	[CCHC_STR_GAP_TREND_NEW] = {"mới", "new"},
	[CCHC_STR_GAP_TREND_UP] = {"tăng", "up"},
	[CCHC_STR_GAP_TREND_HELD] = {"giữ nguyên", "held"},
	[CCHC_STR_GAP_TREND_DOWN] = {"giảm", "down"},
	[CCHC_STR_GAP_LAST_YEAR] = {"Năm trước", "Last year"},
	[CCHC_STR_GAP_THIS_YEAR] = {"Năm nay", "This year"},
	[CCHC_STR_GAP_TREND] = {"Xu hướng", "Trend"},
	[CCHC_STR_GAP_UNMATCHED] = {"Tiêu chí năm trước không còn trong bộ chỉ số năm nay: {0}.", "Last year's criteria with no counterpart this year: {0}."},
	[CCHC_STR_GAP_EFFORT] = {"Công sức", "Effort"},
	[CCHC_STR_GAP_LOST] = {"Điểm mất", "Lost"},
	[CCHC_STR_GAP_SELECTED] = {"(*) nhiệm vụ thuộc phương án đạt mục tiêu xếp hạng", "(*) task of the target-rank plan"},
	/* robustness */
	[CCHC_STR_ROB_LEGEND] = {"{0} lần mô phỏng; thanh: khoảng 90 % của thứ hạng, chấm tròn: hạng trung vị, vạch đỏ: hạng công bố.",
	                         "{0} draws; bar: 90 % rank interval, dot: median rank, red tick: published rank."},
	[CCHC_STR_ROB_TITLE] = {"ĐỘ TIN CẬY CỦA THỨ HẠNG", "HOW SURE IS EACH RANK"},
	[CCHC_STR_ROB_SETUP] = {"{0} lần mô phỏng (hạt giống {1}): điều tra xã hội học lấy mẫu lại theo sai số chọn mẫu ({2} mục){3}.", "{0} draws (seed {1}): survey results redrawn from their sampling error ({2} items){3}."},
	[CCHC_STR_ROB_WEIGHTS] = {", trọng số lĩnh vực dao động ±{0} %", ", group weights within ±{0} %"},
	[CCHC_STR_ROB_MEDIAN] = {"Hạng trung vị", "Median rank"},
	[CCHC_STR_ROB_INTERVAL] = {"Khoảng 90 %", "90 % interval"},
	[CCHC_STR_ROB_TOP3] = {"Vào 3 hạng đầu", "In the top 3"},
	[CCHC_STR_ROB_TARGET] = {"Hạng ≤ {0}", "Rank ≤ {0}"},
	[CCHC_STR_ROB_FLIPS] = {"Các cặp thứ hạng liền kề chưa phân biệt được (đảo thứ tự trong hơn 10 % lần mô phỏng)", "Adjacent ranks not distinguishable (order flips in over 10 % of draws)"},
	[CCHC_STR_ROB_NO_FLIPS] = {"Mọi cặp thứ hạng liền kề đều ổn định.", "Every adjacent pair of ranks holds."},
	[CCHC_STR_ROB_AGREEMENT] = {"Mức độ tương đồng của thứ hạng", "Rank agreement"},
	[CCHC_STR_ROB_VS_DRAWS] = {"Với các lần mô phỏng: Spearman trung bình {0} (thấp nhất {1}), Kendall trung bình {2} (thấp nhất {3}); dịch chuyển thứ hạng bình quân {4} bậc.", "Against the draws: Spearman mean {0} (worst {1}), Kendall mean {2} (worst {3}); mean absolute rank shift {4}."},
	[CCHC_STR_ROB_VS_SELF] = {"Tự chấm so với kết quả: Spearman {0}, Kendall {1}.", "Self-assessed against final: Spearman {0}, Kendall {1}."},
	[CCHC_STR_ROB_VS_ALT] = {"Tổng điểm so với bình quân tỷ lệ điểm các lĩnh vực: Spearman {0}, Kendall {1}.", "Total points against the mean of group percentages: Spearman {0}, Kendall {1}."},
	[CCHC_STR_ROB_VS_PREVIOUS] = {"So với năm trước ({2} {3}): Spearman {0}, Kendall {1}.", "Against last year ({2} {3}): Spearman {0}, Kendall {1}."},
	/* causes, worded as the plans group lost points (one label per cause, everywhere) */
	[CCHC_STR_CAUSE_LATE] = {"Có thực hiện nhưng chậm so với thời gian quy định", "Done, but later than required"},
	[CCHC_STR_CAUSE_UNDOCUMENTED] = {"Có thực hiện nhưng không có tài liệu kiểm chứng", "Done, but with no supporting document"},
	[CCHC_STR_CAUSE_PARTIAL] = {"Thực hiện chưa đầy đủ, đạt chưa cao", "Done incompletely or below target"},
	[CCHC_STR_CAUSE_NOT_DONE] = {"Chưa thực hiện", "Not done"},
	[CCHC_STR_CAUSE_APPRAISAL] = {"Hội đồng thẩm định trừ điểm", "Cut by the appraisal council"},
	[CCHC_STR_CAUSE_SURVEY] = {"Điều tra xã hội học", "Sociological survey"},
	[CCHC_STR_CAUSE_PENALTY] = {"Điểm trừ", "Penalty"},
	/* quantities */
	[CCHC_STR_POINT_ONE] = {"điểm", "point"},
	[CCHC_STR_POINT_MANY] = {"điểm", "points"},
	[CCHC_STR_DAY_ONE] = {"ngày", "day"},
	[CCHC_STR_DAY_MANY] = {"ngày", "days"},
	[CCHC_STR_RESPONDENT_ONE] = {"người trả lời", "respondent"},
	[CCHC_STR_RESPONDENT_MANY] = {"người trả lời", "respondents"},
	[CCHC_STR_CASE_ONE] = {"trường hợp", "case"},
	[CCHC_STR_CASE_MANY] = {"trường hợp", "cases"},
	[CCHC_STR_APPRAISAL_BY] = {"Hội đồng thẩm định", "Appraisal council"},
	/* reasons: {n} are filled by reason.c (dates, quantities with units, labels) */
	[CCHC_STR_R_NO_ITEM] = {"không có hồ sơ đánh giá", "no evidence submitted"},
	[CCHC_STR_R_NOT_MET] = {"hồ sơ ghi nhận chưa thực hiện", "the evidence records it as not done"},
	/* {0} date done, {1} "12 ngày", {2} due date, {3} the criterion's verb ("ban hành") */
	[CCHC_STR_R_LATE] = {"{3} ngày {0}, trễ {1} so với hạn {2}",
	                     "done on {0}, {1} after the {2} deadline"},
	/* the verb of a criterion that names none */
	[CCHC_STR_R_VERB] = {"thực hiện", "done"},
	/* {0} "1 điểm" claimed */
	[CCHC_STR_R_NO_DOC] = {"tự chấm {0} nhưng không có tài liệu kiểm chứng",
	                       "claimed {0} but no supporting document"},
	[CCHC_STR_R_NO_DOC_PLAIN] = {"không có tài liệu kiểm chứng", "no supporting document"},
	/* {0} value, {1} target (with units), {2} "1 điểm" */
	[CCHC_STR_R_TIER_HIGHER] = {"đạt {0}, cần {1} để đạt {2}",
	                            "reached {0}, {1} needed for {2}"},
	[CCHC_STR_R_TIER_LOWER] = {"mức đạt {0}, cần không quá {1} để được {2}",
	                           "at {0}; {2} takes {1} or less"},
	[CCHC_STR_R_LINEAR] = {"đạt {0}, cần {1} để đạt tối đa",
	                       "reached {0}, {1} needed for full points"},
	/* {0} count, {1} count for max */
	[CCHC_STR_R_COUNT] = {"có {0} (cần {1} để đạt tối đa)",
	                      "{0} counted ({1} needed for full points)"},
	[CCHC_STR_R_COUNT_ZERO] = {"chưa có", "none"},
	[CCHC_STR_R_COUNT_ZERO_TARGET] = {"chưa có (cần {1} để đạt tối đa)",
	                                  "none ({1} needed for full points)"},
	/* {0} numerator, {1} denominator, {2} " unit" or "", {3} "90%" */
	[CCHC_STR_R_RATIO] = {"{0}/{1}{2}", "{0}/{1}{2}"},
	[CCHC_STR_R_RATIO_PERCENT] = {"{0}/{1}{2} ({3})", "{0}/{1}{2} ({3})"},
	/* {0} grade label */
	[CCHC_STR_R_GRADE] = {"được xếp mức “{0}”", "graded “{0}”"},
	/* {0} points judged, {1} max, {2} "điểm"/"points" */
	[CCHC_STR_R_JUDGED] = {"được chấm {0}/{1} {2}", "judged {0} of {1} {2}"},
	/* {0} mean, {1} top of the scale */
	[CCHC_STR_R_SURVEY_MEAN] = {"điểm trung bình {0}/{1}", "mean score {0}/{1}"},
	/* {0} "72,5%" */
	[CCHC_STR_R_SURVEY_SCORE] = {"kết quả khảo sát đạt {0}", "survey score {0}"},
	/* appended: {0} "120 người trả lời" */
	[CCHC_STR_R_RESPONDENTS] = {" ({0})", " ({0})"},
	/* {0} by, {1} reason or "0 điểm", {2} round */
	[CCHC_STR_R_APPRAISAL] = {"{0}: {1} (vòng {2})", "{0}: {1} (round {2})"},
	[CCHC_STR_R_APPRAISAL_POINTS] = {"{0} chấm {1} (vòng {2})", "{0} awarded {1} (round {2})"},
	/* {0} "2 trường hợp", {1} "0,5 điểm" deducted */
	[CCHC_STR_R_PENALTY_COUNT] = {"có {0}, bị trừ {1}", "{0}, {1} deducted"},
	/* {0} "0,5 điểm" deducted by a judged penalty */
	[CCHC_STR_R_PENALTY_JUDGED] = {"bị trừ {0}", "{0} deducted"},
	[CCHC_STR_R_PENALTY_EVENT] = {"có vi phạm, bị trừ {0}",
	                              "penalised event occurred, {0} deducted"},
	/* appended: {0} the item's note */
	[CCHC_STR_R_NOTE] = {" — {0}", " — {0}"},
	/* the Excel workbook: sheet names, then column headers and labels */
	[CCHC_STR_XLSX_SHEET_RANKING] = {"Xếp hạng", "Ranking"},
	[CCHC_STR_XLSX_SHEET_DETAIL] = {"Chi tiết", "Detail"},
	[CCHC_STR_XLSX_SHEET_STATS] = {"Thống kê", "Statistics"},
	[CCHC_STR_XLSX_SHEET_ANALYSIS] = {"Phân tích", "Analysis"},
	[CCHC_STR_XLSX_SHEET_PLAN] = {"Kế hoạch", "Plan"},
	[CCHC_STR_XLSX_SHEET_GROUPS] = {"Chỉ số thành phần", "Component indices"},
	[CCHC_STR_XLSX_NOTE_GAP_TOP] = {"Số điểm kém cơ quan đứng đầu khối", "Points below the block's top agency"},
	[CCHC_STR_XLSX_NOTE_GAP_BOTTOM] = {"Số điểm hơn cơ quan đứng cuối khối", "Points above the block's bottom agency"},
	[CCHC_STR_XLSX_NOTE_GAP_ABOVE] = {"Số điểm kém cơ quan xếp ngay trên (0 ở hạng 1)", "Points below the agency ranked just above (0 at rank 1)"},
	[CCHC_STR_XLSX_NOTE_DEVIATION] = {"Tự chấm − Kết quả: dương (+) là tự chấm cao hơn kết quả, âm (−) là thấp hơn; trống: không tự chấm", "Self-assessed − final: positive (+) when the agency claimed more than it got, negative (−) when less; empty: no self-assessment"},
	[CCHC_STR_XLSX_OF] = {"Số cơ quan", "Of"},
	[CCHC_STR_XLSX_AGENCY_ID] = {"Mã cơ quan", "Agency id"},
	[CCHC_STR_XLSX_FULL] = {"Tiêu chí đạt tối đa", "Criteria at full"},
	[CCHC_STR_XLSX_PARTIAL] = {"Tiêu chí đạt một phần", "Criteria partial"},
	[CCHC_STR_XLSX_ZERO] = {"Tiêu chí không đạt điểm", "Criteria at zero"},
	[CCHC_STR_XLSX_GROUP_COL] = {"Nhóm {0}", "Group {0}"},
	[CCHC_STR_XLSX_ID] = {"Mã", "Id"},
	[CCHC_STR_XLSX_TITLE] = {"Nội dung", "Title"},
	[CCHC_STR_XLSX_N] = {"Số cơ quan được chấm", "Agencies scored"},
	[CCHC_STR_XLSX_SELF_FINAL] = {"Kết quả của các cơ quan có tự chấm", "Final, agencies that self-assessed"},
	[CCHC_STR_XLSX_LOST] = {"Các tiêu chí bị mất điểm", "Criteria that lost points"},
	[CCHC_STR_XLSX_REASON] = {"Lý do", "Reason"},
	[CCHC_STR_XLSX_IN_PLAN] = {"Thuộc phương án", "In the plan"},
	[CCHC_STR_XLSX_ALL] = {"Tổng cộng", "All"},
	[CCHC_STR_XLSX_RANK_NOW] = {"Hạng hiện tại", "Current rank"},
	[CCHC_STR_XLSX_TARGET_RANK] = {"Hạng mục tiêu", "Target rank"},
	[CCHC_STR_XLSX_NEEDED] = {"Điểm cần thêm", "Points needed"},
	[CCHC_STR_XLSX_RECOVERABLE] = {"Điểm có thể khắc phục", "Points that can be won back"},
	[CCHC_STR_XLSX_RECOVERED] = {"Điểm khắc phục theo phương án", "Points the plan wins back"},
	[CCHC_STR_XLSX_NRECOVERY] = {"Số tiêu chí cần khắc phục", "Criteria to win back"},
	[CCHC_STR_XLSX_BEST_RANK] = {"Hạng cao nhất có thể đạt", "Best reachable rank"},
	/* the HTML report */
	[CCHC_STR_HTML_CHART_TOTALS] = {"Tổng điểm theo cơ quan", "Total points by agency"},
	[CCHC_STR_HTML_HEATMAP] = {"Tỷ lệ điểm đạt theo lĩnh vực (% điểm tối đa của lĩnh vực)", "Points by group (% of the group's max)"},
	[CCHC_STR_HTML_HEAT_SCALE] = {"Thang màu (% điểm tối đa)", "Colour scale (% of max)"},
	[CCHC_STR_HTML_CHART_PROFILE] = {"Tỷ lệ điểm đạt theo lĩnh vực so với trung bình khối và đơn vị đứng đầu (% điểm tối đa)", "Points by group against the block mean and the top agency (% of max)"},
	[CCHC_STR_HTML_BLOCK_MEAN] = {"Trung bình khối", "Block mean"},
	[CCHC_STR_HTML_TOP_AGENCY] = {"Đơn vị đứng đầu", "Top agency"},
	[CCHC_STR_HTML_CHART_PARETO] = {"Điểm bị mất theo tiêu chí và nguyên nhân (Pareto)", "Points lost by criterion and cause (Pareto)"},
	[CCHC_STR_HTML_LOST_AXIS] = {"Điểm bị mất", "Points lost"},
	[CCHC_STR_HTML_CUMULATIVE] = {"Lũy kế (%)", "Cumulative (%)"},
	[CCHC_STR_HTML_OTHERS] = {"Các tiêu chí khác", "Other criteria"},
	[CCHC_STR_HTML_LOST_DETAIL] = {"Các tiêu chí bị mất điểm", "Criteria that lost points"},
	[CCHC_STR_HTML_CONTENT] = {"Nội dung", "Content"},
	[CCHC_STR_HTML_REASON] = {"Lý do", "Reason"},
	[CCHC_STR_HTML_SHARE] = {"Tỷ trọng", "Share"},
	[CCHC_STR_HTML_RANK_LEGEND] = {"Cách đầu: số điểm kém cơ quan đứng đầu khối. Trên cuối: số điểm hơn cơ quan đứng cuối khối. Cách trên: số điểm kém cơ quan xếp ngay trên (0 ở hạng 1). Chênh lệch = Tự chấm − Kết quả: dương (+) là tự chấm cao hơn kết quả, âm (−) là tự chấm thấp hơn; — là không tự chấm.",
	                               "To top: points below the block's top agency. Over bottom: points above its bottom agency. To next: points below the agency ranked just above (0 at rank 1). Deviation = self-assessed − final: positive (+) when the agency claimed more than it got, negative (−) when less; — means no self-assessment."},
	[CCHC_STR_HTML_MARK_LEGEND] = {"Dòng in đậm trên nền vàng: {0}, cơ quan được phân tích ở phần sau.", "Row in bold on yellow: {0}, the agency analysed below."},
	[CCHC_STR_HTML_EFFORT_LEGEND] = {"Công sức: mức công sức cần để khắc phục tiêu chí, theo bộ chỉ số (số càng lớn càng tốn công); phương án chọn tổng công sức nhỏ nhất.",
	                                 "Effort: the work winning the criterion back takes, as the criteria set rates it (higher is more work); the plan takes the least total effort."},
	[CCHC_STR_HTML_CHART_DISTRIBUTION] = {"Phân bố tổng điểm (số cơ quan theo từng mức điểm)", "Distribution of totals (agencies in each 1-point band)"},
	[CCHC_STR_HTML_SUMMARISED] = {"Khối có {0} cơ quan: trang này tóm tắt phân bố điểm, {1} cơ quan đứng đầu và {1} cơ quan đứng cuối; bảng đầy đủ trong ranking.xlsx và ranking.csv.",
	                              "A block of {0} agencies: this page summarises the distribution, the {1} first and the {1} last; every agency is in ranking.xlsx and ranking.csv."},
	[CCHC_STR_HTML_SUMMARISED_NEAR] = {"Cùng các cơ quan xếp quanh {0}.", "Also the agencies ranked around {0}."},
	[CCHC_STR_HTML_SKIPPED] = {"… {0} cơ quan …", "… {0} agencies …"},
	[CCHC_STR_HTML_BIN] = {"{0}–{1} điểm: {2} cơ quan", "{0}–{1} points: {2} agencies"},
	[CCHC_STR_HTML_EVIDENCE] = {"Tài liệu kiểm chứng", "Evidence"},
	[CCHC_STR_HTML_COUNCIL] = {"Ý kiến của Hội đồng thẩm định", "The appraisal council's notes"},
	[CCHC_STR_HTML_COUNCIL_NOTE] = {"{0} giữ {1} (vòng {2}): {3}", "{0} kept {1} (round {2}): {3}"},
	[CCHC_STR_HTML_ROUND] = {"Vòng", "Round"},
	[CCHC_STR_HTML_BY] = {"Cơ quan thẩm định", "By"},
	[CCHC_STR_HTML_COMPUTED] = {"Điểm tính từ hồ sơ", "Computed"},
	[CCHC_STR_HTML_APPRAISED] = {"Điểm thẩm định", "Appraised"},
	[CCHC_STR_HTML_AXIS_FROM] = {"(trục điểm bắt đầu từ {0})", "(the axis starts at {0})"},
	[CCHC_STR_HTML_ROB_ESTIMATE] = {"Ước tính, không thuộc kết quả xếp hạng chính thức: khoảng thứ hạng mỗi cơ quan có thể nhận nếu kết quả điều tra xã hội học (và trọng số) dao động trong sai số của chúng.",
	                                "An estimate, not part of the official ranking: the ranks each agency could take were the survey results (and weights) to vary within their error."},
	/* cchc check */
	[CCHC_STR_CHECK_TITLE] = {"KIỂM TRA HỒ SƠ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "PUBLIC ADMINISTRATION REFORM INDEX: SELF-ASSESSMENT CHECK"},
	[CCHC_STR_CHECK_FINDINGS] = {"Những điểm Hội đồng thẩm định sẽ trừ hoặc có thể trừ", "What the appraisal council would cut"},
	[CCHC_STR_CHECK_SUMMARY] = {"Sẽ mất {0} điểm ở {1} tiêu chí; có thể mất thêm {2} điểm ở {3} tiêu chí; {4} lỗi hình thức.", "{0} points will be lost on {1} criteria; {2} more may be lost on {3}; {4} matters of form."},
	[CCHC_STR_CHECK_NO_FINDINGS] = {"Không phát hiện điểm nào Hội đồng sẽ trừ.", "Nothing the council would cut was found."},
	[CCHC_STR_CHECK_WILL] = {"Sẽ mất điểm", "Will lose points"},
	[CCHC_STR_CHECK_MAY] = {"Có thể mất điểm", "May lose points"},
	[CCHC_STR_CHECK_FORM] = {"Hình thức", "Form"},
	[CCHC_STR_CHECK_STAKE] = {"{0} điểm", "{0} at stake"},
	[CCHC_STR_CHECK_TODO] = {"Cần làm: {0}", "To do: {0}"},
	[CCHC_STR_CHECK_LINE] = {"dòng {0}", "line {0}"},
	[CCHC_STR_CHECK_NO_ENTRY] = {"chưa nhập kết quả, minh chứng: tiêu chí sẽ được 0 điểm", "no entry: the criterion scores 0"},
	[CCHC_STR_CHECK_NO_ENTRY_DO] = {"nhập kết quả thực hiện và tài liệu kiểm chứng, hoặc ghi rõ chưa thực hiện", "enter the result and its evidence, or record it as not done"},
	[CCHC_STR_CHECK_NA] = {"khai báo không áp dụng, nhưng tiêu chí này không cho phép: chấm 0 điểm", "declared not applicable, which this criterion does not allow: it scores 0"},
	[CCHC_STR_CHECK_NA_DO] = {"bỏ khai báo không áp dụng, nhập kết quả thực hiện và tài liệu kiểm chứng", "drop the N/A and enter the result with its evidence"},
	[CCHC_STR_CHECK_OVER] = {"tự chấm {0} điểm, nhưng với số liệu đã nhập quy định chỉ cho {1} điểm", "claimed {0}, but the rule gives {1} for the evidence entered"},
	[CCHC_STR_CHECK_OVER_DO] = {"hạ điểm tự chấm xuống {1} điểm, hoặc nhập số liệu, minh chứng đạt mức cao hơn", "lower the claim to {1}, or enter the evidence that earns more"},
	[CCHC_STR_CHECK_NO_DOC] = {"tự chấm {0} điểm nhưng không có tài liệu kiểm chứng", "claimed {0} with no evidence document"},
	[CCHC_STR_CHECK_NO_DOC_DO] = {"đính kèm tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)", "attach the evidence document (number, date)"},
	[CCHC_STR_CHECK_AFTER] = {"tài liệu “{0}” ghi ngày {1}, sau ngày gửi hồ sơ {2}", "document “{0}” is dated {1}, after the submission date {2}"},
	[CCHC_STR_CHECK_AFTER_ITEM] = {"ngày thực hiện {1} sau ngày gửi hồ sơ {2}", "the date entered, {1}, is after the submission date {2}"},
	[CCHC_STR_CHECK_AFTER_DO] = {"chỉ dùng tài liệu ban hành trước ngày gửi hồ sơ, hoặc sửa ngày cho đúng", "use only documents issued before the submission, or correct the date"},
	[CCHC_STR_CHECK_CITED] = {"tài liệu “{0}” ghi ngày {1} nhưng dẫn văn bản ngày {2}, khi đó chưa ban hành", "document “{0}” is dated {1} but cites one dated {2}, which did not exist yet"},
	[CCHC_STR_CHECK_CITED_DO] = {"kiểm tra lại số, ngày của tài liệu và văn bản được dẫn", "check the dates of the document and of the one it cites"},
	[CCHC_STR_CHECK_CARRIED] = {"số liệu và tài liệu kiểm chứng giữ nguyên như năm trước{0}, trong khi tiêu chí chấm theo thời hạn của năm đánh giá", "the evidence is unchanged from last year{0}, while the rule depends on this year's dates"},
	[CCHC_STR_CHECK_CARRIED_DO] = {"cập nhật ngày thực hiện và tài liệu của năm {0}", "enter this year's date and documents ({0})"},
	[CCHC_STR_CHECK_OUTSIDE] = {"tài liệu “{0}” ghi ngày {1}, ngoài năm đánh giá {2}", "document “{0}” is dated {1}, outside the assessment year {2}"},
	[CCHC_STR_CHECK_OUTSIDE_ITEM] = {"ngày thực hiện {1} ngoài năm đánh giá {2}", "the date entered, {1}, is outside the assessment year {2}"},
	[CCHC_STR_CHECK_OUTSIDE_DO] = {"dùng tài liệu của năm {0}, hoặc giải trình vì sao tài liệu năm khác vẫn chứng minh", "use documents of {0}, or explain why one of another year proves it"},
	[CCHC_STR_CHECK_NO_NOTE] = {"tự chấm {0} điểm, không có tài liệu kiểm chứng và không có giải trình", "claimed {0} with neither evidence nor an explanation"},
	[CCHC_STR_CHECK_NO_NOTE_DO] = {"ghi giải trình (vì sao đạt, ở đâu chứng minh) hoặc đính kèm tài liệu", "write the explanation (why it is met, where that shows) or attach the document"},
	[CCHC_STR_CHECK_NO_PLACE] = {"tài liệu “{0}” không ghi trang hoặc mục chứng minh", "document “{0}” names no page or section that proves the claim"},
	[CCHC_STR_CHECK_NO_PLACE_LIST] = {"{0} tài liệu không ghi trang hoặc mục chứng minh, ở các tiêu chí (số tài liệu) {1}", "{0} documents name no page or section that proves the claim, under criteria (documents) {1}"},
	[CCHC_STR_CHECK_NO_PLACE_DO] = {"ghi trang, mục của nội dung chứng minh (ví dụ “trang 5, mục II”)", "name the page or section that proves it (e.g. “page 5, section II”)"},
	[CCHC_STR_CHECK_NO_SUBMITTED] = {"Chưa cho ngày gửi hồ sơ (--submitted): chưa kiểm tra tài liệu ghi ngày sau ngày gửi.", "No submission date given (--submitted): documents dated after it were not checked."},
	[CCHC_STR_CHECK_ESTIMATE] = {"Kết quả dự kiến", "Estimated result"},
	[CCHC_STR_CHECK_ESTIMATE_LINE] = {"Tổng điểm {0}/{1}, chỉ số {2} %, xếp loại {3}.", "Total {0}/{1}, index {2} %, band {3}."},
	[CCHC_STR_CHECK_ESTIMATE_NOTE] = {"Ước tính từ số liệu, minh chứng đã nhập, chưa phải kết quả thẩm định.", "An estimate from the evidence entered, not the council's result."},
	[CCHC_STR_CHECK_ASSUME_LAST] = {"Giả định: điểm điều tra xã hội học bằng điểm năm trước của cơ quan, {0}/{1} điểm.", "Assumed: the survey part at the agency's own points last year, {0}/{1}."},
	[CCHC_STR_CHECK_ASSUME_MEAN] = {"Giả định: điểm điều tra xã hội học bằng trung bình khối, {0}/{1} điểm (trung bình của {2} cơ quan).", "Assumed: the survey part at the block's mean, {0}/{1} (the mean of {2} agencies)."},
	[CCHC_STR_CHECK_ASSUME_NONE] = {"Giả định: không tính điều tra xã hội học cho mọi cơ quan được so sánh; chỉ số quy về thang {0} điểm.", "Assumed: the survey left out for every agency compared; the index is rescaled to {0} points."},
	[CCHC_STR_CHECK_POSITION] = {"Vị trí dự kiến (so với kết quả của {0} cơ quan khác)", "Where it would stand (against the results of {0} other agencies)"},
	[CCHC_STR_CHECK_RANK] = {"Thứ {0}/{1}.", "Rank {0} of {1}."},
	[CCHC_STR_CHECK_ABOVE] = {"Kém cơ quan xếp ngay trên ({1}) {0} điểm.", "{0} points below the agency just above ({1})."},
	[CCHC_STR_CHECK_BELOW] = {"Hơn cơ quan xếp ngay dưới ({1}) {0} điểm.", "{0} points above the agency just below ({1})."},
	[CCHC_STR_CHECK_TOP] = {"Đứng đầu khối.", "First in the block."},
	[CCHC_STR_CHECK_BOTTOM] = {"Đứng cuối khối.", "Last in the block."},
	[CCHC_STR_CHECK_SCALE] = {"Các khoảng cách tính bằng điểm trên thang {0} điểm (không tính điều tra xã hội học).", "Gaps are in points on the rescaled {0}-point scale (survey left out)."},
	[CCHC_STR_CHECK_INTERVAL] = {"Khoảng thứ hạng 90 % theo sai số mẫu của điều tra xã hội học ({2} lần mô phỏng): thứ {0} đến {1}.", "90 % rank interval over the survey's sampling error ({2} draws): {0} to {1}."},
	[CCHC_STR_CHECK_NO_INTERVAL] = {"Không tính điều tra xã hội học nên không có sai số mẫu: không có khoảng thứ hạng.", "The survey is left out, so there is no sampling error: no rank interval."},
	[CCHC_STR_CHECK_NO_FIELD] = {"Chưa cho các cơ quan để so sánh (--field): chưa ước tính thứ hạng.", "No field given (--field): no rank estimated."},
};

const char *cchc_str(cchc_str_id id, cchc_lang lang)
{
	if ((unsigned)id >= CCHC_STR_COUNT_ || (unsigned)lang >= CCHC_LANG_COUNT)
		return "";
	const char *s = table[id][lang];
	return s ? s : "";
}

const char *cchc_str_agencies(size_t n, cchc_lang lang)
{
	/* a Vietnamese count does not inflect: "1 cơ quan", "21 cơ quan" */
	return lang == CCHC_LANG_EN && n == 1 ? "agency" : cchc_str(CCHC_STR_AGENCIES, lang);
}

const char *cchc_cause_label(cchc_cause cause, cchc_lang lang)
{
	static const cchc_str_id ids[CCHC_CAUSE_COUNT] = {
		[CCHC_CAUSE_NONE] = CCHC_STR_COUNT_,
		[CCHC_CAUSE_LATE] = CCHC_STR_CAUSE_LATE,
		[CCHC_CAUSE_UNDOCUMENTED] = CCHC_STR_CAUSE_UNDOCUMENTED,
		[CCHC_CAUSE_PARTIAL] = CCHC_STR_CAUSE_PARTIAL,
		[CCHC_CAUSE_NOT_DONE] = CCHC_STR_CAUSE_NOT_DONE,
		[CCHC_CAUSE_APPRAISAL] = CCHC_STR_CAUSE_APPRAISAL,
		[CCHC_CAUSE_SURVEY] = CCHC_STR_CAUSE_SURVEY,
		[CCHC_CAUSE_PENALTY] = CCHC_STR_CAUSE_PENALTY,
	};
	if ((unsigned)cause >= CCHC_CAUSE_COUNT)
		return "";
	return cchc_str(ids[cause], lang);
}

int cchc_str_fill(cchc_buf *out, cchc_str_id id, cchc_lang lang, const char *const *args,
                  size_t nargs)
{
	const char *t = cchc_str(id, lang);
	while (*t) {
		const char *brace = strchr(t, '{');
		if (!brace)
			return cchc_buf_puts(out, t);
		cchc_buf_append(out, t, (size_t)(brace - t));
		if (brace[1] == '{') {
			cchc_buf_append(out, "{", 1);
			t = brace + 2;
		} else if (brace[1] >= '0' && brace[1] <= '9' && brace[2] == '}') {
			size_t i = (size_t)(brace[1] - '0');
			if (i < nargs && args[i])
				cchc_buf_puts(out, args[i]);
			t = brace + 3;
		} else {
			cchc_buf_append(out, "{", 1);
			t = brace + 1;
		}
	}
	return out->failed ? -1 : 0;
}

const cchc_gap_cause_label cchc_gap_causes[CCHC_GAP_NCAUSES] = {
	{CCHC_CAUSE_LATE, CCHC_STR_CAUSE_LATE},
	{CCHC_CAUSE_UNDOCUMENTED, CCHC_STR_CAUSE_UNDOCUMENTED},
	{CCHC_CAUSE_APPRAISAL, CCHC_STR_CAUSE_APPRAISAL},
	{CCHC_CAUSE_PARTIAL, CCHC_STR_CAUSE_PARTIAL},
	{CCHC_CAUSE_NOT_DONE, CCHC_STR_CAUSE_NOT_DONE},
	{CCHC_CAUSE_SURVEY, CCHC_STR_CAUSE_SURVEY},
};

const char *cchc_roman(size_t i)
{
	static const char *const roman[] = {"I",    "II",  "III", "IV",  "V",    "VI",   "VII",
	                                    "VIII", "IX",  "X",   "XI",  "XII",  "XIII", "XIV",
	                                    "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
	return i < sizeof roman / sizeof *roman ? roman[i] : "";
}

cchc_str_id cchc_trend_word(cchc_trend t)
{
	switch (t) {
	case CCHC_TREND_UP:
		return CCHC_STR_GAP_TREND_UP;
	case CCHC_TREND_HELD:
		return CCHC_STR_GAP_TREND_HELD;
	case CCHC_TREND_DOWN:
		return CCHC_STR_GAP_TREND_DOWN;
	default:
		return CCHC_STR_GAP_TREND_NEW;
	}
}

void cchc_gap_cause_order(const cchc_gap *g, size_t order[CCHC_GAP_NCAUSES])
{
	for (size_t i = 0; i < CCHC_GAP_NCAUSES; i++)
		order[i] = i;
	for (size_t i = 1; i < CCHC_GAP_NCAUSES; i++) /* insertion sort: stable, six items */
		for (size_t k = i; k > 0 && g->lost_by_cause[cchc_gap_causes[order[k]].cause] >
		                               g->lost_by_cause[cchc_gap_causes[order[k - 1]].cause];
		     k--) {
			size_t t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
}
