/* Every message of the reader, Vietnamese and English side by side: the
 * importer chooses the language. Each says what is wrong and what to do. */
#include "xlsx_priv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const table[XM_COUNT_][2] = {
	[XM_OPEN] = {"không mở được tệp: %s", "cannot open the file: %s"},
	[XM_NOT_REGULAR] = {"không phải tệp thông thường: hãy chỉ đường dẫn tới một tệp Excel .xlsx",
	                    "not a regular file: give the path of an Excel .xlsx file"},
	[XM_FILE_TOO_BIG] = {"tệp lớn %llu byte, vượt giới hạn %llu MiB: chia thành các tệp nhỏ hơn",
	                     "the file is %llu bytes, more than the %llu MiB limit: split it into smaller files"},
	[XM_EMPTY] = {"tệp rỗng, không phải tệp Excel .xlsx", "the file is empty, not an Excel .xlsx file"},
	[XM_NOT_ZIP] = {"không phải tệp Excel .xlsx: mở tệp trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)",
	                "not an Excel .xlsx file: open it in Excel and save it as Excel Workbook (.xlsx)"},
	[XM_ENCRYPTED] = {"Tệp được đặt mật khẩu: mở trong Excel và lưu lại không đặt mật khẩu",
	                  "the workbook is password-protected: open it in Excel and save it without a password"},
	[XM_XLS] = {"tệp Excel 97-2003 (.xls) cũ: mở trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)",
	            "an old Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook (.xlsx)"},
	[XM_XLSB] = {"sổ làm việc nhị phân Excel (.xlsb): mở trong Excel và lưu dạng Sổ làm việc Excel (.xlsx)",
	             "an Excel binary workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)"},
	[XM_ODS] = {"bảng tính OpenDocument (.ods): mở trong LibreOffice và lưu dạng Excel 2007-365 (.xlsx)",
	            "an OpenDocument spreadsheet (.ods): open it in LibreOffice and save it as Excel 2007-365 (.xlsx)"},
	[XM_NO_WORKBOOK] = {"không phải tệp Excel .xlsx (tệp nén không chứa sổ làm việc): mở tệp trong Excel và "
	                    "lưu dạng Sổ làm việc Excel (.xlsx)",
	                    "not an Excel .xlsx file (the zip holds no workbook): open it in Excel and save it as "
	                    "Excel Workbook (.xlsx)"},
	[XM_TOO_MANY_ENTRIES] = {"tệp nén có hơn %d mục, không phải một sổ làm việc thông thường: tệp bị từ chối",
	                         "the zip holds more than %d entries, not an ordinary workbook: refused"},
	[XM_PART_TOO_BIG] = {"phần %s giải nén ra %llu byte, vượt giới hạn %llu MiB mỗi phần (nghi bom nén zip): "
	                     "tệp bị từ chối",
	                     "part %s unpacks to %llu bytes, more than the %llu MiB limit per part (a zip bomb?): "
	                     "refused"},
	[XM_TOTAL_TOO_BIG] = {"các phần của tệp giải nén ra %llu byte, vượt giới hạn tổng %llu MiB (nghi bom nén "
	                      "zip): tệp bị từ chối",
	                      "the parts unpack to %llu bytes together, more than the %llu MiB limit (a zip "
	                      "bomb?): refused"},
	[XM_RATIO] = {"phần %s nén với tỷ lệ %llu:1, vượt giới hạn %u:1 (nghi bom nén zip): tệp bị từ chối",
	              "part %s is compressed %llu:1, more than the %u:1 limit (a zip bomb?): refused"},
	[XM_PART_ENCRYPTED] = {"phần %s được mã hoá: mở trong Excel và lưu lại không đặt mật khẩu",
	                       "part %s is encrypted: open the workbook in Excel and save it without a password"},
	[XM_PART_METHOD] = {"phần %s nén theo cách không hỗ trợ (phương thức %d): mở và lưu lại tệp trong Excel",
	                    "part %s uses an unsupported compression method (%d): open and save the file in Excel"},
	[XM_PART_DUPLICATE] = {"tệp nén có hai phần cùng tên %s: tệp bị hỏng hoặc bị sửa, mở và lưu lại trong Excel",
	                       "the zip holds two parts named %s: the file is damaged or tampered with, open and "
	                       "save it in Excel"},
	[XM_PART_CORRUPT] = {"phần %s bị hỏng (không giải nén được): mở và lưu lại tệp trong Excel",
	                     "part %s is damaged (it does not unpack): open and save the file in Excel"},
	[XM_PART_MISSING] = {"thiếu phần %s mà %s trỏ tới: tệp bị hỏng, mở và lưu lại trong Excel",
	                     "part %s, named in %s, is missing: the file is damaged, open and save it in Excel"},
	[XM_OUTSIDE] = {"%s trỏ tới \"%s\", ra ngoài gói tệp: tệp bị từ chối",
	                "%s points to \"%s\", outside the package: refused"},
	[XM_DOCTYPE] = {"phần %s có <!DOCTYPE>, không được phép (DTD và thực thể bị từ chối để an toàn): "
	                "tệp bị từ chối",
	                "part %s has a <!DOCTYPE>, which is not allowed (DTDs and entities are refused for "
	                "safety): refused"},
	[XM_NOT_XML] = {"phần %s, dòng %ld: %s: mở và lưu lại tệp trong Excel",
	                "part %s, line %ld: %s: open and save the file in Excel"},
	[XM_XML_PREFIX] = {"XML không hợp lệ", "not well-formed XML"},
	[XM_UTF16] = {"phần %s không mã hoá UTF-8: mở và lưu lại tệp trong Excel",
	              "part %s is not in UTF-8: open and save the file in Excel"},
	[XM_NO_SHEETS] = {"sổ làm việc không có trang tính nào", "the workbook has no sheets"},
	[XM_TOO_MANY_SHEETS] = {"sổ làm việc có hơn %d trang tính: tệp bị từ chối",
	                        "the workbook has more than %d sheets: refused"},
	[XM_SHEET_NO_REL] = {"trang tính \"%s\" trỏ tới quan hệ \"%s\" không có trong các quan hệ của sổ làm "
	                     "việc: tệp bị hỏng, mở và lưu lại trong Excel",
	                     "sheet \"%s\" names relationship \"%s\", which the workbook does not have: the file "
	                     "is damaged, open and save it in Excel"},
	[XM_SST_COUNT] = {"bảng chuỗi dùng chung có hơn %zu chuỗi, vượt giới hạn: tệp bị từ chối",
	                  "the shared-string table holds more than %zu strings, over the limit: refused"},
	[XM_SST_BYTES] = {"bảng chuỗi dùng chung dài hơn %llu MiB, vượt giới hạn: tệp bị từ chối",
	                  "the shared-string table is longer than %llu MiB, over the limit: refused"},
	[XM_XF_COUNT] = {"styles.xml có hơn %d định dạng ô: tệp bị từ chối",
	                 "styles.xml holds more than %d cell formats: refused"},
	[XM_ROW_LIMIT] = {"%s: dòng %s vượt quá giới hạn 1048576 dòng của Excel: tệp bị từ chối",
	                  "%s: row %s is past Excel's limit of 1048576 rows: refused"},
	[XM_COL_LIMIT] = {"%s: ô %s vượt quá cột XFD (16384 cột) của Excel: tệp bị từ chối",
	                  "%s: cell %s is past Excel's last column XFD (16384 columns): refused"},
	[XM_BAD_REF] = {"%s: địa chỉ ô \"%s\" không hợp lệ: mở và lưu lại tệp trong Excel",
	                "%s: \"%s\" is not a cell reference: open and save the file in Excel"},
	[XM_CELLS] = {"%s: trang tính có hơn %zu ô có giá trị, vượt giới hạn: chia thành nhiều tệp nhỏ hơn",
	              "%s: the sheet has more than %zu cells with values, over the limit: split it into "
	              "smaller files"},
	[XM_TEXT_LONG] = {"%s!%s: nội dung ô dài hơn %zu KiB: rút gọn nội dung ô",
	                  "%s!%s: the cell holds more than %zu KiB: shorten it"},
	[XM_SST_INDEX] = {"%s!%s: ô trỏ tới chuỗi dùng chung số %s nhưng bảng chỉ có %zu chuỗi: tệp bị hỏng, mở "
	                  "và lưu lại trong Excel",
	                  "%s!%s: the cell names shared string %s but the table holds %zu: the file is damaged, "
	                  "open and save it in Excel"},
	[XM_BAD_NUMBER] = {"%s!%s: giá trị số \"%s\" không hợp lệ: nhập lại số trong ô",
	                   "%s!%s: \"%s\" is not a valid number: type the number again"},
	[XM_BAD_BOOL] = {"%s!%s: giá trị đúng/sai \"%s\" không hợp lệ: nhập lại TRUE hoặc FALSE",
	                 "%s!%s: \"%s\" is not a valid boolean: type TRUE or FALSE again"},
	[XM_BAD_DATE] = {"%s!%s: ngày \"%s\" không hợp lệ: nhập lại ngày dạng ngày/tháng/năm",
	                 "%s!%s: \"%s\" is not a valid date: type it again as day/month/year"},
	[XM_DUP_CELL] = {"%s!%s: ô xuất hiện hai lần: tệp bị hỏng, mở và lưu lại trong Excel",
	                 "%s!%s: the cell appears twice: the file is damaged, open and save it in Excel"},
	[XM_OOM] = {"hết bộ nhớ khi đọc tệp", "out of memory reading the file"},
};

int xlsx_lang(const char *lang)
{
	return lang && strcmp(lang, "en") == 0;
}

const char *xlsx_msg_text(int lang, xlsx_msg id)
{
	return table[id][lang ? 1 : 0];
}

/* The formats are this file's own constants, in the table above. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wformat-nonliteral"
#endif

void xlsx_report(cchc_diag *diag, const char *file, int lang, xlsx_msg id, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, id);
	int n = vsnprintf(msg, sizeof msg, xlsx_msg_text(lang, id), ap);
	va_end(ap);
	if (n >= (int)sizeof msg) {
		/* a long name quoted: cut on a UTF-8 character boundary */
		size_t end = sizeof msg - sizeof "…";
		while (end > 0 && ((unsigned char)msg[end] & 0xC0) == 0x80)
			end--;
		memcpy(msg + end, "…", sizeof "…");
	}
	cchc_diag_addf(diag, file, 0, "%s", msg);
}
