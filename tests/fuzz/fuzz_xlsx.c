/* libFuzzer target: the .xlsx reader (sheets/). An input starting "PK" or
 * D0 CF 11 E0 is opened as it is; any other is a workbook's XML parts,
 * separated by NUL bytes (_rels/.rels, xl/workbook.xml, its .rels, sheet1,
 * sharedStrings, styles; missing ones take a minimal default), packed here
 * into a stored zip so the fuzzer mutates the XML rather than deflate
 * streams. Every sheet is loaded and every value helper called on every
 * cell; the loader contract (fuzz_common.h) holds for open and each load,
 * and each cell is found again by its address. */
#include "fuzz_common.h"

#include <string.h>

#include "cchc/xlsx.h"
#include "fuzz_zip.h"

#define NPARTS 6
#define WB "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define P "http://schemas.openxmlformats.org/package/2006/relationships"

static const char *const names[NPARTS] = {"_rels/.rels", "xl/workbook.xml",
                                          "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
                                          "xl/sharedStrings.xml", "xl/styles.xml"};
static const char *const defaults[NPARTS] = {
	"<Relationships xmlns=\"" P "\"><Relationship Id=\"rId1\" Type=\"" R
	"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
	"<workbook xmlns=\"" WB "\" xmlns:r=\"" R "\"><sheets><sheet name=\"S\" sheetId=\"1\" "
	"r:id=\"rId1\"/></sheets></workbook>",
	"<Relationships xmlns=\"" P "\"><Relationship Id=\"rId1\" Type=\"" R
	"/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" R
	"/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" R
	"/styles\" Target=\"styles.xml\"/></Relationships>",
	"<worksheet xmlns=\"" WB "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\" s=\"1\"><v>0</v></c>"
	"</row></sheetData></worksheet>",
	"<sst xmlns=\"" WB "\"><si><t>0,75</t></si></sst>",
	"<styleSheet xmlns=\"" WB "\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
	"</styleSheet>",
};

/* The parts as a stored zip; *len its size. */
static unsigned char *pack(const uint8_t *data, size_t size, size_t *len)
{
	return fuzz_zip_pack(data, size, NPARTS, NPARTS, names, defaults, len);
}

static void cells(const cchc_sheet *s, int date1904)
{
	size_t n;
	const cchc_cell *c = cchc_sheet_cells(s, &n);
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		cchc_date d;
		char buf[64], ref[16];
		if (cchc_sheet_cell(s, c[i].row, c[i].col) != &c[i] || !c[i].text ||
		    (i > 0 && (c[i - 1].row > c[i].row ||
		               (c[i - 1].row == c[i].row && c[i - 1].col >= c[i].col)))) {
			fprintf(stderr, "cell %s out of place\n", cchc_cell_ref(ref, c[i].row, c[i].col));
			abort();
		}
		for (int places = 0; places <= 9; places += 3)
			cchc_cell_decimal(&c[i], places, &v);
		cchc_cell_count(&c[i], &v);
		cchc_cell_date(&c[i], date1904, &d);
		cchc_cell_date(&c[i], !date1904, &d);
		cchc_cell_yesno(&c[i]);
		cchc_cell_is_na(&c[i]);
		cchc_text_fold(buf, sizeof buf, c[i].text);
		cchc_cell_ref(ref, c[i].row, c[i].col);
		cchc_sheet_row_hidden(s, c[i].row);
	}
}

static void run(const void *data, size_t size, const char *lang)
{
	cchc_diag *diag = cchc_diag_new();
	if (!diag)
		return;
	/* lowered caps keep each input fast; the defaults are tested in test_xlsx_read */
	cchc_xlsx_options opt = {.lang = lang,
	                         .limits = {.part_bytes = 4 << 20,
	                                    .total_bytes = 16 << 20,
	                                    .cells = 20000,
	                                    .strings = 20000,
	                                    .string_bytes = 4 << 20}};
	cchc_xlsx *x = NULL;
	int rc = cchc_xlsx_open_with(&x, "fuzz.xlsx", data, size, &opt, diag);
	fuzz_check(rc, x, diag);
	for (size_t i = 0; x && i < cchc_xlsx_sheet_count(x); i++) {
		cchc_diag *d = cchc_diag_new();
		cchc_sheet *s = NULL;
		if (!d)
			break;
		if (cchc_xlsx_sheet_find(x, cchc_xlsx_sheet_name(x, i)) < 0)
			abort();
		rc = cchc_xlsx_sheet_load(&s, x, i, d);
		fuzz_check(rc, s, d);
		if (s)
			cells(s, cchc_xlsx_date1904(x));
		cchc_sheet_free(s);
		cchc_diag_free(d);
	}
	cchc_xlsx_free(x);
	cchc_diag_free(diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 2 && ((data[0] == 'P' && data[1] == 'K') || data[0] == 0xD0)) {
		run(data, size, "vi");
		return 0;
	}
	size_t len;
	unsigned char *zip = pack(data, size, &len);
	if (zip)
		run(zip, len, size % 2 ? "en" : "vi");
	free(zip);
	return 0;
}
