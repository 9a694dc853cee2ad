/* The plan as a Word document (cchc gap --format docx), checked as users meet
 * it: every part parses and every relationship resolves; LibreOffice opens it
 * and its PDF holds the headings, the quốc hiệu, the figures, each group line
 * and the task table, on pages that are not blank; the same input gives the
 * same bytes; word/document.xml of the Huế plan matches its golden file
 * (CCHC_UPDATE_GOLDEN=1 ctest -R docx to accept a change, then review the
 * diff); absent header values stay blank; tasks are merged; errors name file
 * and line. The province's report (cchc report's bao-cao.docx) the same way:
 * parts, blocks in order, repeating header rows, --document, English, a
 * 400-agency block summarised, and its PDF read back. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include "cchc/docx.h"

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

#define TMP CCHC_TEST_TMP "/docx"
#define HUE "gap criteria/hue-so-2018.xml samples/hue-2018/so --agency skhdt --target-rank 10"
#define VALUES "tests/data/docx/skhdt-267.txt"
#define GOLDEN "tests/golden/docx-document.xml"

static char out_text[1 << 16], err_text[1 << 16];

static int cli(const char *args)
{
	return test_run_cli(CCHC_CLI, args, TMP "/cli", out_text, sizeof out_text, err_text,
	                    sizeof err_text);
}

/* Write the Huế plan to TMP/name with extra options; asserts it worked. */
static void write_plan(const char *name, const char *options)
{
	char args[2048];
	snprintf(args, sizeof args, HUE " --format docx %s -o '" TMP "/%s'", options, name);
	ASSERT_EQ(cli(args), 0);
	ASSERT_STR(err_text, "");
}

/* The output of a shell command, malloc'd (NULL when it fails). */
static char *command(const char *cmd, size_t *len)
{
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *data = malloc(cap + 1);
	for (size_t got; data && (got = fread(data + n, 1, cap - n, p)) > 0;) {
		n += got;
		if (n == cap) {
			char *more = realloc(data, (cap *= 2) + 1);
			if (!more)
				free(data);
			data = more;
		}
	}
	int status = pclose(p);
	if (data)
		data[n] = '\0';
	if (status != 0) {
		free(data);
		return NULL;
	}
	if (len)
		*len = n;
	return data;
}

static char *part(const char *docx, const char *name, size_t *len)
{
	char cmd[1024]; /* unzip reads [ as a wildcard */
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s%s'", docx, *name == '[' ? "\\" : "", name);
	return command(cmd, len);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

static void setup(void)
{
	mkdir(TMP, 0777);
	unsetenv("SOURCE_DATE_EPOCH"); /* the default date, unless a test sets one */
}

/* ---- the package ---- */

/* Every Target of a relationships part, resolved against base, is in the zip. */
static void check_rels(const char *docx, const char *rels_name, const char *base,
                       const char *entries, char ids[][32], size_t *nids)
{
	size_t len;
	char *rels = part(docx, rels_name, &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(rels);
	xmlDocPtr doc = xmlReadMemory(rels, (int)len, rels_name, NULL, XML_PARSE_NONET);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(n, BAD_CAST "Id"), *target = xmlGetProp(n, BAD_CAST "Target");
		char path[512];
		snprintf(path, sizeof path, "\n%s%s\n", base, (const char *)target);
		if (!strstr(entries, path))
			fprintf(stderr, "\n    %s: %s not in the package\n", rels_name, path + 1);
		CU_ASSERT_PTR_NOT_NULL(strstr(entries, path));
		if (ids && *nids < 16)
			snprintf(ids[(*nids)++], 32, "%s", (const char *)id);
		xmlFree(id);
		xmlFree(target);
	}
	xmlFreeDoc(doc);
	free(rels);
}

/* Every part of docx is there and parses (want_parts XML parts), every relationship
 * resolves, and the document uses want_used of them, each one that exists. */
static void check_package(const char *docx, size_t want_parts, size_t want_used)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "printf '\\n'; unzip -Z1 '%s'", docx);
	char *list = command(cmd, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	static const char *const needed[] = {"[Content_Types].xml", "_rels/.rels",
	                                     "word/document.xml", "word/styles.xml",
	                                     "word/_rels/document.xml.rels", "word/media/chart1.png",
	                                     "word/media/chart2.png"};
	for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
		char line[128];
		snprintf(line, sizeof line, "\n%s\n", needed[i]);
		CU_ASSERT_PTR_NOT_NULL(strstr(list, line));
	}
	/* every XML part is well-formed */
	size_t parts = 0;
	for (char *s = list + 1, *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		*nl = '\0';
		size_t n = strlen(s);
		if (n > 4 && (strcmp(s + n - 4, ".xml") == 0 || strcmp(s + n - 5, ".rels") == 0)) {
			size_t len;
			char *xml = part(docx, s, &len);
			xmlDocPtr doc = xml ? xmlReadMemory(xml, (int)len, s, NULL, XML_PARSE_NONET) : NULL;
			if (!doc)
				fprintf(stderr, "\n    %s does not parse\n", s);
			CU_ASSERT_PTR_NOT_NULL(doc);
			xmlFreeDoc(doc);
			free(xml);
			parts++;
		}
		*nl = '\n';
	}
	ASSERT_EQ(parts, want_parts);
	/* every relationship resolves, and every one the document uses exists */
	char ids[16][32];
	size_t nids = 0;
	check_rels(docx, "_rels/.rels", "", list, NULL, NULL);
	check_rels(docx, "word/_rels/document.xml.rels", "word/", list, ids, &nids);
	char *doc = part(docx, "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	size_t used = 0;
	for (const char *s = doc; (s = strstr(s, " r:")); s++) {
		const char *q = strchr(s, '"');
		char id[32] = "";
		if (q && strchr(q + 1, '"') && strchr(q + 1, '"') - q - 1 < 31)
			snprintf(id, sizeof id, "%.*s", (int)(strchr(q + 1, '"') - q - 1), q + 1);
		int found = 0;
		for (size_t i = 0; i < nids; i++)
			found |= strcmp(ids[i], id) == 0;
		if (!found)
			fprintf(stderr, "\n    document.xml uses %s, not in its relationships\n", id);
		CU_ASSERT(found);
		used++;
	}
	ASSERT_EQ(used, want_used);
	char *types = part(docx, "[Content_Types].xml", NULL);
	CU_ASSERT_PTR_NOT_NULL(types && strstr(types, "Extension=\"png\""));
	free(types);
	free(doc);
	free(list);
}

/* (on the plan the golden test wrote) */
static void test_parts_parse_and_resolve(void)
{
	check_package(TMP "/golden.docx", 6, 4); /* two pictures, the header of each section */
}

static void test_document_golden(void)
{
	write_plan("golden.docx", "--document " VALUES);
	size_t got_len, want_len = 0;
	char *got = part(TMP "/golden.docx", "word/document.xml", &got_len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	if (getenv("CCHC_UPDATE_GOLDEN")) {
		FILE *f = fopen(GOLDEN, "wb");
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		fwrite(got, 1, got_len, f);
		fclose(f);
	}
	char *want = test_read_file(GOLDEN, &want_len);
	int same = want && want_len == got_len && memcmp(want, got, got_len) == 0;
	if (!same) {
		FILE *f = fopen(TMP "/document.xml", "wb");
		if (f)
			fwrite(got, 1, got_len, f), fclose(f);
		fprintf(stderr, "\n    word/document.xml differs from " GOLDEN ": diff it with "
		                TMP "/document.xml (CCHC_UPDATE_GOLDEN=1 to accept)\n");
	}
	CU_ASSERT(same);
	free(want);
	free(got);
}

/* The library renders the same part as the CLI writes. */
static void test_library_document(void)
{
	test_hue h;
	cchc_ranking *r = NULL;
	cchc_gap *g = NULL;
	cchc_docx_info *info = NULL;
	cchc_diag *d = cchc_diag_new();
	cchc_buf out;
	cchc_buf_init(&out, 0);
	CU_ASSERT_FATAL(test_hue_load(&h) == 0 && d);
	ASSERT_EQ(cchc_ranking_build(&r, (const cchc_score *const *)h.scores, TEST_HUE_SO, d), 0);
	ASSERT_EQ(cchc_gap_build(&g, r, "skhdt", 10, NULL, NULL, d), 0);
	ASSERT_EQ(cchc_docx_info_new(&info), 0);
	ASSERT_EQ(cchc_docx_info_load(info, VALUES, d), 0);
	ASSERT_EQ(cchc_render_gap_docx_document(&out, g, info, CCHC_LANG_VI), 0);
	size_t want_len = 0;
	char *want = test_read_file(GOLDEN, &want_len);
	CU_ASSERT(want && out.len == want_len && memcmp(out.data, want, want_len) == 0);
	free(want);
	cchc_buf_dispose(&out);
	cchc_docx_info_free(info);
	cchc_gap_free(g);
	cchc_ranking_free(r);
	test_hue_free(&h);
	cchc_diag_free(d);
}

static void test_same_bytes(void)
{
	write_plan("again.docx", "--document " VALUES);
	size_t alen = 0, blen = 0;
	char *a = test_read_file(TMP "/golden.docx", &alen);
	char *b = test_read_file(TMP "/again.docx", &blen);
	CU_ASSERT(a && b && alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
	char *dates = command("unzip -l '" TMP "/again.docx'", NULL);
	CU_ASSERT(dates && count(dates, "2000-01-01 00:00") == 8);
	free(dates);
	ASSERT_EQ(system("SOURCE_DATE_EPOCH=1700000000 '" CCHC_CLI "' " HUE
	                 " --format docx -o '" TMP "/c.docx'"), 0);
	dates = command("unzip -l '" TMP "/c.docx'", NULL);
	CU_ASSERT(dates && count(dates, "2023-11-14 22:13") == 8);
	free(dates);
}

/* cchc report --agency puts the same plan in its bundle, header left blank (as the
 * blank test's plan). */
static void test_report_bundle(void)
{
	ASSERT_EQ(cli("report criteria/hue-so-2018.xml samples/hue-2018/so --agency skhdt "
	              "--target-rank 10 -o '" TMP "/bundle'"), 0);
	size_t alen = 0, blen = 0;
	char *a = part(TMP "/bundle/ke-hoach.docx", "word/document.xml", &alen);
	char *b = part(TMP "/blank.docx", "word/document.xml", &blen);
	CU_ASSERT(a && b && alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
}

/* ---- what it says ---- */

static void test_blanks_stay_blank(void)
{
	write_plan("blank.docx", "");
	char *doc = part(TMP "/blank.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	/* the number and the date for the office to fill, the agency's name as issuer */
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số:         /KH-\xE2\x80\xA6"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ", ngày      tháng      năm      <"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Sở Kế hoạch và Đầu tư<"));
	CU_ASSERT_PTR_NULL(strstr(doc, "267"));
	CU_ASSERT_PTR_NULL(strstr(doc, "Thừa Thiên Huế,"));
	CU_ASSERT_PTR_NULL(strstr(doc, "GIÁM ĐỐC"));
	free(doc);
	doc = part(TMP "/golden.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số: 267/KH-SKHĐT<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Thừa Thiên Huế, ngày 28 tháng 01 năm 2019<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">- Lưu: VT, VP.<"));
	free(doc);
}

/* One row per task: "Thực hiện kiểm tra công tác CCHC…" serves 1.6.1 and 1.6.2
 * (once in IV, once in the appendix); the survey's tasks under their own area. */
static void test_tasks_merged(void)
{
	char *doc = part(TMP "/golden.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_EQ(count(doc, ">Thực hiện kiểm tra công tác CCHC của các Phòng chuyên môn thuộc Sở<"),
	          2);
	ASSERT_EQ(count(doc, ">(tiêu chí 1.6.1, 1.6.2)<"), 2);
	ASSERT_EQ(count(doc, "Triển khai, duy trì và cải tiến hệ thống quản lý chất lượng"), 2);
	const char *appendix = strstr(doc, ">PHỤ LỤC<");
	CU_ASSERT_PTR_NOT_NULL_FATAL(appendix);
	const char *lead = strstr(appendix, ">Công tác chỉ đạo điều hành và tuyên truyền<");
	const char *survey = strstr(appendix, ">Điều tra xã hội học<");
	const char *task = strstr(appendix, ">(tiêu chí 9.1)<");
	CU_ASSERT(lead && survey && task && lead < survey && survey < task);
	free(doc);
}

static void test_english(void)
{
	write_plan("en.docx", "--lang en");
	char *doc = part(TMP "/en.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">SOCIALIST REPUBLIC OF VIET NAM<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Independence - Freedom - Happiness<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "(8.25/13 points)"));
	CU_ASSERT_PTR_NULL(strstr(doc, "CỘNG HÒA"));
	free(doc);
}

/* Text of the PDF with every run of white space made one space. */
static char *flat_text(const char *pdf, int first, int last)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "pdftotext -f %d -l %d '%s' -", first, last, pdf);
	char *t = command(cmd, NULL);
	if (!t)
		return NULL;
	char *w = t;
	for (const char *r = t; *r; r++)
		if (!(*r == ' ' || *r == '\n' || *r == '\f') || (w > t && w[-1] != ' '))
			*w++ = (*r == '\n' || *r == '\f') ? ' ' : *r;
	*w = '\0';
	return t;
}

/* Dark pixels of a page rendered in grey (a binary PGM from pdftoppm). */
static long dark_pixels(const char *pgm)
{
	size_t len;
	char *p = test_read_file(pgm, &len);
	long w, h, max, dark = 0;
	int head = 0;
	if (!p || sscanf(p, "P5 %ld %ld %ld%n", &w, &h, &max, &head) != 3 ||
	    (size_t)head + 1 + (size_t)(w * h) > len) {
		free(p);
		return -1;
	}
	for (long i = 0; i < w * h; i++)
		dark += (unsigned char)p[head + 1 + i] < 128;
	free(p);
	return dark;
}

/* LibreOffice converts docx to dir/NAME.pdf; @return its pages (0: it did not) */
static int to_pdf(const char *docx, const char *dir)
{
	char cmd[2048], pdf[1024];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && soffice --headless "
	         "-env:UserInstallation=file://%s/profile --convert-to pdf --outdir '%s' '%s' "
	         ">/dev/null 2>&1", dir, dir, dir, dir, docx);
	ASSERT_EQ(system(cmd), 0);
	const char *base = strrchr(docx, '/') ? strrchr(docx, '/') + 1 : docx;
	snprintf(pdf, sizeof pdf, "%s/%.*s.pdf", dir, (int)(strlen(base) - 5), base);
	snprintf(cmd, sizeof cmd, "pdfinfo '%s'", pdf);
	char *info = command(cmd, NULL);
	int pages = 0;
	const char *at = info ? strstr(info, "Pages:") : NULL;
	if (!at || sscanf(at, "Pages: %d", &pages) != 1)
		pages = 0;
	free(info);
	return pages;
}

/* No page of pdf (pages of them) is blank: each has 200 dark pixels at dpi. */
static void no_blank_page(const char *pdf, const char *dir, int pages, int dpi)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "pdftoppm -gray -r %d '%s' '%s/page'", dpi, pdf, dir);
	ASSERT_EQ(system(cmd), 0);
	for (int i = 1; i <= pages; i++) {
		char pgm[1024];
		snprintf(pgm, sizeof pgm, "%s/page-%0*d.pgm", dir, pages >= 10 ? 2 : 1, i);
		long dark = dark_pixels(pgm);
		if (dark < 200)
			fprintf(stderr, "\n    %s: %ld dark pixels\n", pgm, dark);
		CU_ASSERT(dark >= 200);
	}
}

/* Every string of wanted is in text. */
static void has_all(const char *text, const char *const *wanted, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!strstr(text, wanted[i]))
			fprintf(stderr, "\n    no \"%s\" in the text\n", wanted[i]);
		CU_ASSERT_PTR_NOT_NULL(strstr(text, wanted[i]));
	}
}

/* docx converted to pdf in dir, of at least min_pages; @return its flat text (NULL: failed) */
static char *pdf_text(const char *docx, const char *dir, const char *pdf, int min_pages,
                      int *pages)
{
	*pages = to_pdf(docx, dir);
	CU_ASSERT(*pages >= min_pages);
	return *pages >= min_pages ? flat_text(pdf, 1, *pages) : NULL;
}

static void test_libreoffice_pdf(void)
{
	const char *pdf = TMP "/lo/golden.pdf";
	int pages;
	char *text = pdf_text(TMP "/golden.docx", TMP "/lo", pdf, 8, &pages);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	static const char *const wanted[] = {
		"UBND TỈNH THỪA THIÊN HUẾ", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "Số: 267/KH-SKHĐT", "KẾ HOẠCH",
		"I. MỤC ĐÍCH, YÊU CẦU", "II. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM",
		"III. MỤC TIÊU", "IV. NHIỆM VỤ, GIẢI PHÁP", "V. TỔ CHỨC THỰC HIỆN", "Nơi nhận:",
		"GIÁM ĐỐC", "Nguyễn Đại Vui", "PHỤ LỤC",
		"đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá",
		"Nhóm 1 (đạt 8,25 điểm/13 điểm)", "Nhóm 2 (đạt 3 điểm/4 điểm)",
		"Nhóm 3 (đạt 0,5 điểm/2 điểm)", "Nhóm 4 (đạt 4 điểm/4 điểm)",
		"Nhóm 5 (đạt 6,5 điểm/10 điểm)", "Nhóm 6 (đạt 2 điểm/6 điểm)",
		"Nhóm 7 (đạt 2,5 điểm/5 điểm)", "Nhóm 8 (đạt 13,5 điểm/18 điểm)", "Nhóm 9 (đạt ",
		"Để đạt vị trí thứ 10/21 cần thêm 4,9 điểm.", "TT", "Nội dung nhiệm vụ",
		"Giải pháp khắc phục", "Chủ trì", "Phối hợp", "Thời gian hoàn thành",
		"Thực hiện kiểm tra công tác CCHC của các Phòng chuyên môn thuộc Sở",
		"Hình 1.", "Hình 2."};
	has_all(text, wanted, sizeof wanted / sizeof *wanted);
	free(text);
	/* the appendix's header row on each of its pages */
	int appendix = 0;
	for (int i = 1; i <= pages; i++) {
		char *page = flat_text(pdf, i, i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		appendix |= strstr(page, "PHỤ LỤC") != NULL;
		if (appendix && !(strstr(page, "Nội dung nhiệm vụ") && strstr(page, "Thời gian hoàn thành")))
			fprintf(stderr, "\n    page %d of the appendix has no header row\n", i);
		CU_ASSERT(!appendix || (strstr(page, "Nội dung nhiệm vụ") && strstr(page, "Thời gian hoàn thành")));
		free(page);
	}
	CU_ASSERT(appendix);
	no_blank_page(pdf, TMP "/lo", pages, 24);
}

/* ---- the province's report, bao-cao.docx ---- */

#define SO_TITLE "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018"
#define HUYEN_TITLE "Bộ chỉ số CCHC UBND các huyện, thị xã, thành phố Huế tỉnh Thừa Thiên Huế năm 2018"

/* Written by every report, with or without --agency; blocks in the order the sets are given. */
static void test_report_docx(void)
{
	ASSERT_EQ(cli("report criteria/hue-huyen-2018.xml criteria/hue-so-2018.xml samples/hue-2018 "
	              "-o '" TMP "/province'"), 0);
	check_package(TMP "/province/bao-cao.docx", 6, 3); /* a chart a block, the page header */
	char *doc = part(TMP "/province/bao-cao.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	/* the number for the office to fill, Sở Nội vụ's symbol; no date invented */
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số:         /BC-SNV<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ", ngày      tháng      năm      <"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">BÁO CÁO<"));
	/* four tables a block (ranking, group ranks, statistics, most lost), each with a
	 * repeating header row, besides the header and signature layout tables */
	ASSERT_EQ(count(doc, "<w:tblHeader/>"), 8);
	ASSERT_EQ(count(doc, "<w:tbl>"), 10);
	const char *huyen = strstr(doc, ">I. " HUYEN_TITLE "<");
	const char *so = strstr(doc, ">II. " SO_TITLE "<");
	CU_ASSERT(huyen && so && huyen < so);
	/* skhdt's row: rank, name, total, index, band, gaps to the top and the next above */
	const char *row = strstr(doc, ">18/21<");
	CU_ASSERT_PTR_NOT_NULL_FATAL(row);
	const char *const cells[] = {">Sở Kế hoạch và Đầu tư<", ">70,00/100<", ">70,00 %<", ">Khá<",
	                             ">11,70<", ">0,55<"};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		const char *at = strstr(row, cells[i]);
		CU_ASSERT(at && at > row);
		row = at ? at : row;
	}
	CU_ASSERT_PTR_NULL(strstr(doc, ">hue-so-2018<")); /* titles, never ids */
	free(doc);
	/* the same bytes again, and with --agency beside the plan */
	ASSERT_EQ(cli("report criteria/hue-huyen-2018.xml criteria/hue-so-2018.xml samples/hue-2018 "
	              "--agency skhdt -o '" TMP "/province2'"), 0);
	size_t alen = 0, blen = 0;
	char *a = test_read_file(TMP "/province/bao-cao.docx", &alen);
	char *b = test_read_file(TMP "/province2/bao-cao.docx", &blen);
	CU_ASSERT(a && b && alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
}

static void test_report_docx_pdf(void)
{
	const char *pdf = TMP "/lo-report/bao-cao.pdf";
	int pages;
	char *text = pdf_text(TMP "/province/bao-cao.docx", TMP "/lo-report", pdf, 4, &pages);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	static const char *const wanted[] = {
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ NỘI VỤ",
		"BÁO CÁO", "Kết quả xác định Chỉ số cải cách hành chính năm 2018", SO_TITLE,
		HUYEN_TITLE, "Sở Kế hoạch và Đầu tư", "70,00/100", "Xếp loại", "Tốt", "Khá",
		"Trung bình", "Yếu", "Thứ hạng theo lĩnh vực (chỉ số thành phần)",
		"Thống kê toàn khối", "Tiêu chí nhiều cơ quan mất điểm nhất",
		"Lĩnh vực 9: Điều tra xã hội học", "Hình 1. Tổng điểm theo cơ quan", "Hình 2.",
		"Nơi nhận:"};
	has_all(text, wanted, sizeof wanted / sizeof *wanted);
	free(text);
	/* the ranking of 21 runs onto a second page: its header row comes again there */
	for (int i = 1; i <= pages; i++) {
		char *page = flat_text(pdf, i, i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(page);
		if (strstr(page, "Ban Dân tộc") && strstr(page, "43,50/100"))
			CU_ASSERT_PTR_NOT_NULL(strstr(page, "Xếp loại"));
		free(page);
	}
	/* its last page holds only the closing sentence, nơi nhận and the signature's blanks:
	 * about 500 dark pixels at 48 dpi, 20 at 24 */
	no_blank_page(pdf, TMP "/lo-report", pages, 48);
}

static void write_text(const char *path, const char *text);

/* report --document fills bao-cao.docx's header; a bad value is exit 1 naming its
 * file and line, and no bundle */
static void test_report_docx_values(void)
{
	ASSERT_EQ(cli("report criteria/hue-so-2018.xml samples/hue-2018/so --document "
	              "tests/data/docx/bao-cao-values.txt -o '" TMP "/valued'"), 0);
	char *doc = part(TMP "/valued/bao-cao.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số: 45/BC-SNV<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Thừa Thiên Huế, ngày 15 tháng 02 năm 2019<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">UBND TỈNH THỪA THIÊN HUẾ<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">GIÁM ĐỐC<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">- UBND tỉnh (B/C);<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">- Lưu: VT, CCHC.<"));
	free(doc);
	write_text(TMP "/bad-values.txt", "number = 45\ndate = 2019-02-30\n");
	ASSERT_EQ(cli("report criteria/hue-so-2018.xml samples/hue-2018/so --document '" TMP
	              "/bad-values.txt' -o '" TMP "/not-written'"), 1);
	ASSERT_STR(err_text, TMP "/bad-values.txt:2: error: date \"2019-02-30\" không phải là một ngày: "
	                     "viết theo dạng YYYY-MM-DD, ví dụ 2019-01-28\n");
	struct stat st;
	CU_ASSERT(stat(TMP "/not-written", &st) != 0);
}

static void test_report_docx_english(void)
{
	ASSERT_EQ(cli("report criteria/hue-so-2018.xml samples/hue-2018/so --lang en -o '" TMP
	              "/en-report'"), 0);
	char *doc = part(TMP "/en-report/bao-cao.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	static const char *const wanted[] = {">SOCIALIST REPUBLIC OF VIET NAM<", ">REPORT<",
	                                     ">No.:         /BC-SNV<", ">70.00/100<",
	                                     ">Department of Home Affairs<", ">2. Rank in each group "
	                                     "(component indices)<"};
	has_all(doc, wanted, sizeof wanted / sizeof *wanted);
	CU_ASSERT_PTR_NULL(strstr(doc, "CỘNG HÒA"));
	CU_ASSERT_PTR_NULL(strstr(doc, "70,00"));
	free(doc);
}

/* A block of 400 agencies (one bundle): the tables show the 20 first and the 20 last,
 * the chart is the distribution of totals. */
static void test_report_docx_national(void)
{
	FILE *f = fopen(TMP "/big-set.xml", "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"big\" year=\"2018\" "
	      "title=\"Bộ chỉ số toàn quốc\" max=\"100\">\n<bands><band label=\"Tốt\" min=\"80\"/>"
	      "<band label=\"Yếu\" min=\"0\"/></bands>\n<group id=\"G\" title=\"Nhóm một\" "
	      "max=\"100\"><criterion id=\"a\" title=\"a\" max=\"100\"><rule kind=\"judged\"/>"
	      "</criterion></group>\n</criteria-set>\n", f);
	fclose(f);
	f = fopen(TMP "/big.xml", "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("<assessments xmlns=\"urn:cchc:assessment:1\">\n", f);
	for (int i = 0; i < 400; i++)
		fprintf(f, "<assessment criteria-set=\"big\" year=\"2018\"><agency id=\"a%d\" "
		        "name=\"Đơn vị %d\"/><item criterion=\"a\" points=\"%d\"/></assessment>\n",
		        i, i, 40 + i % 60);
	fputs("</assessments>\n", f);
	fclose(f);
	ASSERT_EQ(cli("report '" TMP "/big-set.xml' '" TMP "/big.xml' -o '" TMP "/big'"), 0);
	char *doc = part(TMP "/big/bao-cao.docx", "word/document.xml", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	ASSERT_EQ(count(doc, ">… 360 cơ quan …<"), 2); /* the ranking, the group ranks */
	ASSERT_EQ(count(doc, "/400<"), 41); /* 40 ranks, and criterion a lost by 400/400 */
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">400/400<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Khối có 400 cơ quan: các bảng nêu 20 cơ quan đứng đầu "
	                                   "và 20 cơ quan đứng cuối; bảng đầy đủ trong ranking.xlsx "
	                                   "và ranking.csv.<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Hình 1. Phân bố tổng điểm (số cơ quan theo từng mức điểm)<"));
	free(doc);
}

/* ---- errors ---- */

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
}

static void test_values_errors(void)
{
	write_text(TMP "/bad.txt", "# header\nnumber = 12\nso = 267\ndate = 2019-02-30\n"
	                           "number = 13\nplace\nsigner =\n");
	remove(TMP "/bad.docx");
	ASSERT_EQ(cli(HUE " --format docx --document '" TMP "/bad.txt' -o '" TMP "/bad.docx'"), 1);
	/* said in the language of the run: Vietnamese by default */
	ASSERT_STR(err_text,
	           TMP "/bad.txt:3: error: không có khóa \"so\": các khóa là parent, issuer, number, "
	               "symbol, place, date, signer-title, signer, recipient\n"
	           TMP "/bad.txt:4: error: date \"2019-02-30\" không phải là một ngày: viết theo dạng "
	               "YYYY-MM-DD, ví dụ 2019-01-28\n"
	           TMP "/bad.txt:5: error: number được ghi hai lần: giữ một\n"
	           TMP "/bad.txt:6: error: dòng này không có dấu \"=\": viết khóa = giá trị (các khóa: "
	               "parent, issuer, number, symbol, place, date, signer-title, signer, recipient)\n"
	           TMP "/bad.txt:7: error: signer chưa có giá trị: ghi giá trị, hoặc bỏ dòng này để giữ "
	               "chỗ trống cho văn thư điền\n");
	struct stat st;
	CU_ASSERT(stat(TMP "/bad.docx", &st) != 0);
	ASSERT_EQ(cli(HUE " --format docx --lang en --document '" TMP "/bad.txt' -o '" TMP "/bad.docx'"), 1);
	ASSERT_STR(err_text,
	           TMP "/bad.txt:3: error: unknown key \"so\": the keys are parent, issuer, number, "
	               "symbol, place, date, signer-title, signer, recipient\n"
	           TMP "/bad.txt:4: error: date \"2019-02-30\" is not a date: write it YYYY-MM-DD, "
	               "e.g. 2019-01-28\n"
	           TMP "/bad.txt:5: error: number is given twice: keep one\n"
	           TMP "/bad.txt:6: error: no \"=\" in this line: write key = value (keys: parent, "
	               "issuer, number, symbol, place, date, signer-title, signer, recipient)\n"
	           TMP "/bad.txt:7: error: signer has no value: give one, or leave the line out to "
	               "keep the blank for the office to fill\n");
	CU_ASSERT(stat(TMP "/bad.docx", &st) != 0);

	write_text(TMP "/latin1.txt", "place = Hu\xE9\n");
	ASSERT_EQ(cli(HUE " --format docx --lang en --document '" TMP "/latin1.txt' -o '" TMP "/bad.docx'"),
	          1);
	ASSERT_STR(err_text, TMP "/latin1.txt:1: error: not UTF-8 text (or a control character): "
	                         "save the file as UTF-8 plain text\n");
	CU_ASSERT(stat(TMP "/bad.docx", &st) != 0);

	ASSERT_EQ(cli(HUE " --format docx --lang en --document '" TMP "/none.txt' -o '" TMP "/bad.docx'"), 1);
	ASSERT_STR(err_text, TMP "/none.txt: error: cannot read the document values: No such file or "
	                         "directory; give the path of a file of key = value lines\n");
	CU_ASSERT(stat(TMP "/bad.docx", &st) != 0);

	/* an output that cannot be written: said, nothing left behind */
	ASSERT_EQ(cli(HUE " --format docx -o '" TMP "'"), 1);
	ASSERT_STR(err_text, TMP ": error: is a folder: give a file name\n");
}

static void test_usage_errors(void)
{
	ASSERT_EQ(cli(HUE " --format docx"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "--format docx writes a Word file: give -o FILE.docx"));
	ASSERT_EQ(cli(HUE " --document " VALUES), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "--document goes with --format docx"));
	ASSERT_EQ(cli(HUE " --format pdf -o x.pdf"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "--format takes text, markdown, json or docx"));
}

/* The library: values one by one, with the caller's file and line. */
static void test_values_api(void)
{
	cchc_docx_info *info = NULL;
	cchc_diag *diag = cchc_diag_new();
	CU_ASSERT_FATAL(cchc_docx_info_new(&info) == 0 && diag);
	ASSERT_EQ(cchc_docx_info_set(info, "date", "2019-01-28", "opts", 1, diag), 0);
	ASSERT_EQ(cchc_docx_info_set(info, "date", "2019-01-29", "opts", 2, diag), -1);
	ASSERT_EQ(cchc_docx_info_set(info, "recipient", "A", "opts", 3, diag), 0);
	ASSERT_EQ(cchc_docx_info_set(info, "recipient", "B", "opts", 4, diag), 0);
	ASSERT_EQ(cchc_docx_info_set(info, "date", "28/01/2019", "opts", 5, diag), -1);
	test_expect_diag(diag, 0, "opts", 2, "date is given twice: keep one");
	test_expect_diag(diag, 1, "opts", 5, "date is given twice: keep one");
	ASSERT_EQ(cchc_diag_count(diag), 2);
	cchc_docx_info_free(info);
	cchc_docx_info_free(NULL);
	cchc_diag_free(diag);
}

int main(void)
{
	setup();
	static const test_case tests[] = {
		{"word/document.xml of the Huế plan matches its golden file", test_document_golden},
		{"every part parses and every relationship resolves", test_parts_parse_and_resolve},
		{"the library renders the same word/document.xml", test_library_document},
		{"the same input gives the same bytes; entries dated SOURCE_DATE_EPOCH",
		 test_same_bytes},
		{"absent header values stay blank, given ones are written", test_blanks_stay_blank},
		{"cchc report --agency adds ke-hoach.docx, the same plan", test_report_bundle},
		{"one row per task, the criteria it serves; survey tasks in their own area",
		 test_tasks_merged},
		{"--lang en writes English", test_english},
		{"LibreOffice converts it to PDF: headings, figures, groups, task table, no blank page",
		 test_libreoffice_pdf},
		{"cchc report writes bao-cao.docx: blocks in order, tables with header rows, "
		 "blanks for the office", test_report_docx},
		{"report --document fills bao-cao.docx's header; a bad value: file:line, exit 1, nothing "
		 "written", test_report_docx_values},
		{"report --lang en: bao-cao.docx in English", test_report_docx_english},
		{"bao-cao.docx of a 400-agency block: 20 first, 20 last, the distribution",
		 test_report_docx_national},
		{"LibreOffice converts bao-cao.docx: quốc hiệu, BÁO CÁO, each block, bands, no blank page",
		 test_report_docx_pdf},
		{"bad header values: file:line messages, exit 1, nothing written", test_values_errors},
		{"usage errors exit 2", test_usage_errors},
		{"header values through the library", test_values_api},
		{NULL, NULL},
	};
	return test_run_suite("docx", tests);
}
