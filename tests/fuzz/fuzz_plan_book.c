/* libFuzzer target: reading a filled plan progress workbook (sheets/plan_import.c):
 * columns found by their header text, rows by their Mã, each cell's progress
 * checked, the plan's XML rewritten with the new statuses. The workbook is a
 * fixed one (the plan tests/data/plan/issued.xml carried in its "cchc" sheet)
 * whose progress sheet and shared strings are the input, NUL-separated (a
 * missing one: a filled default), packed into a stored zip (fuzz_zip.h). The
 * import keeps the loader contract (fuzz_common.h: 0 with XML and no
 * diagnostic, or -1 with no XML and a diagnostic), and what it writes loads
 * as a plan again: an import never writes a plan that cchc cannot read. */
#define _POSIX_C_SOURCE 200809L /* mkstemp */
#include "fuzz_common.h"

#include <string.h>
#include <unistd.h>

#include "cchc/buf.h"
#include "cchc/workbook.h"
#include "fuzz_zip.h"

#define WB "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define P "http://schemas.openxmlformats.org/package/2006/relationships"
#define NPARTS 7

/* the fuzzed parts first */
static const char *const names[NPARTS] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "_rels/.rels",
                                          "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                          "xl/worksheets/sheet2.xml", "xl/styles.xml"};

#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define SS(ref, i) "<c r=\"" ref "\" t=\"s\"><v>" #i "</v></c>"

/* the plan's XML, escaped for a cell's text */
#define PLAN                                                                                              \
	"&lt;plan xmlns=\"urn:cchc:plan:1\" id=\"test-issued-2024\" year=\"2024\" issued=\"2024-02-01\" "     \
	"title=\"Kế hoạch thử\" agency=\"test\" agency-name=\"Cơ quan thử\"&gt;&lt;area id=\"A\" "           \
	"title=\"Cải cách thủ tục hành chính\"&gt;&lt;task id=\"A.1\" deadline=\"2024-03-31\" "               \
	"owner=\"Văn phòng\"&gt;&lt;content&gt;Công khai TTHC&lt;/content&gt;&lt;target metric=\"TTHC\" "     \
	"min=\"100\" unit=\"%\"/&gt;&lt;/task&gt;&lt;task id=\"A.2\" when=\"Thường xuyên\" owner=\"VP\"&gt;"  \
	"&lt;content&gt;Tiếp nhận phản ánh&lt;/content&gt;&lt;status state=\"done\" date=\"2024-05-02\" "     \
	"note=\"Xong. Đạt chỉ tiêu.\"/&gt;&lt;/task&gt;&lt;task id=\"A.3\" deadline=\"2024-06-30\" "          \
	"owner=\"VP\"&gt;&lt;content&gt;Rà soát&lt;/content&gt;&lt;/task&gt;&lt;/area&gt;&lt;/plan&gt;"

static const char *const defaults[NPARTS] = {
	"<worksheet xmlns=\"" WB "\"><sheetData>"
	"<row r=\"4\">" IS("A4", "Mã") IS("B4", "Lĩnh vực") IS("C4", "Nhiệm vụ") IS("F4", "Thời hạn")
	IS("G4", "Chỉ tiêu") SS("H4", 0) IS("I4", "Ngày hoàn thành") IS("J4", "Ghi chú")
	IS("K4", "Đạt chỉ tiêu") "</row>"
	"<row r=\"5\">" IS("A5", "A.1") SS("H5", 1) "<c r=\"I5\" s=\"1\"><v>45366</v></c>" IS("J5", "Đã đăng")
	SS("K5", 2) "</row>"
	"<row r=\"6\">" IS("A6", "A.2") IS("H6", "Hủy bỏ") "</row>"
	"<row r=\"7\">" IS("A7", "A.3") IS("H7", "Có") IS("I7", "15/06/2024") "</row>"
	"</sheetData></worksheet>",
	"<sst xmlns=\"" WB "\"><si><t>Đã hoàn thành</t></si><si><t>Có</t></si><si><t>Không</t></si></sst>",
	"<Relationships xmlns=\"" P "\"><Relationship Id=\"rId1\" Type=\"" R
	"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
	"<workbook xmlns=\"" WB "\" xmlns:r=\"" R "\"><sheets><sheet name=\"Tiến độ\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"cchc\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets></workbook>",
	"<Relationships xmlns=\"" P "\"><Relationship Id=\"rId1\" Type=\"" R
	"/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" R
	"/worksheet\" Target=\"worksheets/sheet2.xml\"/><Relationship Id=\"rId3\" Type=\"" R
	"/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId4\" Type=\"" R
	"/styles\" Target=\"styles.xml\"/></Relationships>",
	"<worksheet xmlns=\"" WB "\"><sheetData>"
	"<row r=\"1\">" IS("A1", "format") IS("B1", "cchc-workbook/1") "</row>"
	"<row r=\"2\">" IS("A2", "kind") IS("B2", "plan") "</row>"
	"<row r=\"3\">" IS("A3", "plan") IS("B3", "test-issued-2024") "</row>"
	"<row r=\"4\">" IS("A4", "sheet.plan") IS("B4", "Tiến độ") "</row>"
	"<row r=\"5\">" IS("A5", "plan.xml") IS("B5", PLAN) "</row>"
	"</sheetData></worksheet>",
	"<styleSheet xmlns=\"" WB "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
};

static char path[64];

static void remove_file(void)
{
	unlink(path);
}

/* The workbook goes through a file, as cchc import and plan status read it. */
static int write_book(const unsigned char *zip, size_t len)
{
	if (!*path) {
		snprintf(path, sizeof path, "/tmp/fuzz-plan-book-XXXXXX");
		int fd = mkstemp(path);
		if (fd < 0)
			abort();
		close(fd);
		atexit(remove_file);
	}
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(zip, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len;
	unsigned char *zip = fuzz_zip_pack(data, size, 2, NPARTS, names, defaults, &len);
	if (!zip || write_book(zip, len) < 0) {
		free(zip);
		return 0;
	}
	free(zip);
	cchc_diag *diag = cchc_diag_new();
	cchc_buf xml;
	cchc_buf_init(&xml, 0);
	if (!diag)
		return 0;
	int rc = cchc_plan_workbook_to_xml(&xml, path, (int)(size % 2), diag);
	fuzz_check(rc, rc == 0 && xml.len ? xml.data : NULL, diag);
	if (rc == 0) {
		cchc_diag *again = cchc_diag_new();
		cchc_plan *plan = NULL;
		if (!again)
			abort();
		if (cchc_plan_load_memory(&plan, xml.data, xml.len, "imported.xml", again) != 0) {
			fprintf(stderr, "the import wrote a plan that does not load:\n%.*s\n", (int)xml.len, xml.data);
			for (size_t i = 0; i < cchc_diag_stored(again); i++)
				fprintf(stderr, "  line %ld: %s\n", cchc_diag_get(again, i)->line, cchc_diag_get(again, i)->message);
			abort();
		}
		cchc_plan_report *report = NULL;
		if (cchc_plan_status(plan, cchc_plan_year_end(plan), &report) == 0)
			cchc_plan_report_free(report);
		cchc_plan_free(plan);
		cchc_diag_free(again);
	}
	cchc_buf_dispose(&xml);
	cchc_diag_free(diag);
	return 0;
}
