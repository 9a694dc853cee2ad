/* cchc serve's downloads and the evaluator's management, in-process on an
 * ephemeral loopback port over a demo data folder: the plan and the report
 * as .docx attachments holding the engine's figures, the year as an
 * assessments bundle that `cchc rank` reads back to the server's ranking;
 * years, criteria sets, agencies, accounts, assignments and deadlines, who
 * may change them, and the freeze of a published year. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv, popen */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "json_read.h"
#include "server.h"
#include "server_client.h"
#include "store.h"
#include "testutil.h"

static srv_server *server;
static char data_dir[] = CCHC_TEST_TMP "/server-admin-XXXXXX";

#define HUE_SO "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018"
#define HUE_HUYEN "Bộ chỉ số CCHC UBND các huyện, thị xã, thành phố Huế tỉnh Thừa Thiên Huế năm 2018"
#define DOCX "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

static test_client signed_in(const char *user, const char *password)
{
	test_client c = {0};
	c.port = srv_server_port(server);
	CU_ASSERT_EQUAL(test_login(&c, user, password), 200);
	return c;
}

/* The refusal's message of a JSON answer (static). */
static const char *error_of(const test_response *r)
{
	static char out[512];
	json_value *v = json_parse(r->body, r->len, NULL, 0);
	const char *e = json_str(json_get(v, "error"));
	snprintf(out, sizeof out, "%s", e ? e : "(no error)");
	json_free(v);
	return out;
}

/* Expect status and exactly this refusal. */
static void refused(test_client *c, const char *method, const char *path, const char *json,
                    long status, const char *message)
{
	test_response r;
	ASSERT_EQ(test_call(c, method, path, json, &r), status);
	ASSERT_STR(error_of(&r), message);
	test_response_free(&r);
}

/* A command's whole stdout (malloc'd). */
static char *output_of(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *out = calloc(1, 1 << 22);
	size_t n = p && out ? fread(out, 1, (1 << 22) - 1, p) : 0;
	if (p)
		pclose(p);
	if (out)
		out[n] = 0;
	return out;
}

/* Save an answer's body under the build tree; the path (static). */
static const char *saved(const test_response *r, const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", CCHC_TEST_TMP, name);
	FILE *f = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	CU_ASSERT_EQUAL(fwrite(r->body, 1, r->len, f), r->len);
	fclose(f);
	return path;
}

/* A .docx answer: an attachment named so, a zip holding a Word document; its
 * word/document.xml (malloc'd). */
static char *docx_document(const test_response *r, const char *disposition, const char *name)
{
	char cmd[600];
	ASSERT_STR(test_header(r, "Content-Type"), DOCX);
	ASSERT_STR(test_header(r, "Content-Disposition"), disposition);
	ASSERT_STR(test_header(r, "X-Content-Type-Options"), "nosniff");
	CU_ASSERT(r->len > 10000);
	CU_ASSERT_EQUAL(memcmp(r->body, "PK\x03\x04", 4), 0);
	const char *path = saved(r, name);
	snprintf(cmd, sizeof cmd, "unzip -l '%s'", path);
	char *list = output_of(cmd);
	CU_ASSERT_PTR_NOT_NULL(strstr(list, "[Content_Types].xml"));
	CU_ASSERT_PTR_NOT_NULL(strstr(list, "word/document.xml"));
	CU_ASSERT_PTR_NOT_NULL(strstr(list, "word/media/chart1.png"));
	free(list);
	snprintf(cmd, sizeof cmd, "unzip -p '%s' word/document.xml", path);
	char *doc = output_of(cmd);
	remove(path);
	return doc;
}

static void test_plan_docx(void)
{
	test_client agency = signed_in("skhdt", "demo"), other = signed_in("sct", "demo");
	test_client viewer = signed_in("xem", "demo"), eval = signed_in("sonoivu", "demo");
	test_response r;
	const char *path = "/api/years/2018/agencies/skhdt/plan.docx?target-rank=3";
	ASSERT_EQ(test_call(&agency, "GET", path, NULL, &r), 200);
	char *doc = docx_document(&r,
	                          "attachment; filename=\"ke-hoach-skhdt-2018.docx\"; filename*=UTF-8''"
	                          "K%E1%BA%BF%20ho%E1%BA%A1ch%20kh%E1%BA%AFc%20ph%E1%BB%A5c%20skhdt%202018.docx",
	                          "plan.docx");
	/* the engine's figures: skhdt's rank in its block, its total and band, a criterion's points */
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "Sở Kế hoạch và Đầu tư đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "1.1 Kế hoạch CCHC năm: đạt 2,5/3 điểm"));
	free(doc);
	test_response_free(&r);
	/* the evaluator may download it too; in English, the plan is in English */
	eval.lang = "en";
	ASSERT_EQ(test_call(&eval, "GET", path, NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), DOCX);
	test_response_free(&r);
	refused(&other, "GET", path, NULL, 403, "bạn không được xem hoặc sửa dữ liệu này");
	refused(&viewer, "GET", path, NULL, 403, "bạn không được xem hoặc sửa dữ liệu này");
	refused(&agency, "GET", "/api/years/2018/agencies/skhdt/plan.docx?target-rank=0", NULL, 400,
	        "target-rank phải là một số thứ hạng (1, 2, …)");
	refused(&eval, "GET", "/api/years/2018/agencies/khong-co/plan.docx", NULL, 422,
	        "agency \"khong-co\" is not among the assessments ranked: give its assessment, or one of the "
	        "ids in their <agency id=\"…\">");
	eval.lang = NULL; /* the engine's message in the request's language */
	refused(&eval, "GET", "/api/years/2018/agencies/khong-co/plan.docx", NULL, 422,
	        "cơ quan, đơn vị \"khong-co\" không có trong các hồ sơ đánh giá được xếp hạng: đưa hồ sơ đánh giá của "
	        "nó, hoặc dùng một mã trong <agency id=\"…\"> của các hồ sơ");
	test_client anon = {0};
	anon.port = srv_server_port(server);
	refused(&anon, "GET", path, NULL, 401, "chưa đăng nhập hoặc phiên đã hết hạn: đăng nhập lại");
}

static void test_report_docx(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r;
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.docx", NULL, &r), 200);
	char *doc = docx_document(&r,
	                          "attachment; filename=\"bao-cao-2018.docx\"; filename*=UTF-8''"
	                          "B%C3%A1o%20c%C3%A1o%20Ch%E1%BB%89%20s%E1%BB%91%20CCHC%202018.docx",
	                          "report.docx");
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "Kết quả xác định Chỉ số cải cách hành chính năm 2018"));
	/* the first of each block as the server's ranking has it: 87.63 and 81.7 */
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "Thị xã Hương Thủy"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "87,63/100"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "Sở Thông tin và Truyền thông"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, "81,70/100"));
	free(doc);
	test_response_free(&r);
	/* before publication only the evaluator */
	refused(&agency, "GET", "/api/years/2018/report.docx", NULL, 403,
	        "bạn không được xem hoặc sửa dữ liệu này");
	refused(&eval, "GET", "/api/years/2031/report.docx", NULL, 404, "không có năm này");
}

/* The report page's own CSP as it must be: its one script allowed by its hash (static). */
static const char *page_csp(const test_response *r)
{
	static char out[512];
	static const char open[] = "<script id=\"cchc-sort\">";
	const char *s = strstr(r->body, open), *e = s ? strstr(s, "</script>") : NULL;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)] = "";
	if (e) {
		s += sizeof open - 1;
		crypto_hash_sha256(digest, (const unsigned char *)s, (unsigned long long)(e - s));
		sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
	}
	snprintf(out, sizeof out,
	         "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-%s'; "
	         "base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
	         b64);
	return out;
}

/* report.html: the page `cchc report` writes, inline, with a policy of its own. */
static void test_report_html(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r;
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.html", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), "text/html; charset=utf-8");
	ASSERT_STR(test_header(&r, "Content-Security-Policy"), page_csp(&r));
	CU_ASSERT_PTR_NOT_NULL(strstr(test_header(&r, "Content-Security-Policy"), "'sha256-"));
	ASSERT_STR(test_header(&r, "X-Frame-Options"), "SAMEORIGIN");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	CU_ASSERT_PTR_NULL(test_header(&r, "Content-Disposition"));
	CU_ASSERT_EQUAL(strncmp(r.body, "<!DOCTYPE html>\n<html lang=\"vi\">", 32), 0);
	/* the Huế blocks in the order of the year's criteria sets, a chart, the engine's figures */
	const char *so = strstr(r.body, "<h2>" HUE_SO "</h2>");
	const char *huyen = strstr(r.body, "<h2>" HUE_HUYEN "</h2>");
	CU_ASSERT_PTR_NOT_NULL(so);
	CU_ASSERT_PTR_NOT_NULL(huyen);
	CU_ASSERT(so && huyen && so < huyen);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "<svg"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "Sở Kế hoạch và Đầu tư"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "70,00"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "87,63"));
	test_response_free(&r);
	/* before publication only the evaluator */
	refused(&agency, "GET", "/api/years/2018/report.html", NULL, 403,
	        "bạn không được xem hoặc sửa dữ liệu này");
	refused(&eval, "GET", "/api/years/2031/report.html", NULL, 404, "không có năm này");
	/* ?lang=en: the page in English, whatever the browser's Accept-Language */
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.html?lang=en", NULL, &r), 200);
	CU_ASSERT_EQUAL(strncmp(r.body, "<!DOCTYPE html>\n<html lang=\"en\">", 32), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "70.00"));
	test_response_free(&r);
	refused(&eval, "GET", "/api/years/2018/report.html?lang=fr", NULL, 400, "lang phải là vi hoặc en");
}

/* Is the zip's member byte for byte the file `cchc report` wrote into dir? */
static int same_as_cli(const char *zip, const char *member, const char *dir)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' 'bao-cao-cchc-2018/%s' | cmp -s - '%s/%s'", zip, member,
	         dir, member);
	return system(cmd) == 0;
}

/* report.zip: the whole report bundle, as `cchc report` writes it for the same
 * assessments, in one folder of the zip. */
static void test_report_zip(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r;
	char cmd[1600], dir[] = CCHC_TEST_TMP "/report-zip-XXXXXX";
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.zip", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), "application/zip");
	ASSERT_STR(test_header(&r, "Content-Disposition"),
	           "attachment; filename=\"bao-cao-cchc-2018.zip\"; filename*=UTF-8''bao-cao-cchc-2018.zip");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	const char *zip = saved(&r, "bao-cao-cchc-2018.zip");
	snprintf(cmd, sizeof cmd, "unzip -Z1 '%s'", zip);
	char *list = output_of(cmd);
	ASSERT_STR(list, "bao-cao-cchc-2018/index.html\nbao-cao-cchc-2018/ranking.csv\n"
	                 "bao-cao-cchc-2018/criteria.csv\nbao-cao-cchc-2018/report.json\n"
	                 "bao-cao-cchc-2018/ranking.xlsx\nbao-cao-cchc-2018/bao-cao.docx\n");
	free(list);
	/* the CLI's bundle of the same assessments: the same bytes (the blocks in the
	 * order of the year's criteria sets, as given to the CLI) */
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(cmd, sizeof cmd,
	         "'%s' report '%s/criteria/hue-so-2018.xml' '%s/criteria/hue-huyen-2018.xml' "
	         "'%s/samples/hue-2018' -o '%s/r' 2>/dev/null",
	         CCHC_CLI, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, dir);
	ASSERT_EQ(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s/r", dir);
	static const char *const same[] = {"index.html", "ranking.csv", "criteria.csv", "ranking.xlsx",
	                                   "bao-cao.docx"};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		if (!same_as_cli(zip, same[i], cmd))
			fprintf(stderr, "\n    report.zip's %s differs from cchc report's", same[i]);
		CU_ASSERT(same_as_cli(zip, same[i], cmd));
	}
	/* report.json names each assessment by its agency (the CLI by its path) */
	snprintf(cmd, sizeof cmd, "unzip -p '%s' bao-cao-cchc-2018/report.json", zip);
	char *json = output_of(cmd);
	CU_ASSERT_EQUAL(strncmp(json, "{\n\"schema\": \"cchc-report/1\",\n\"ranking\": ", 40), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"file\": \"skhdt.xml\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"gap\": null"));
	free(json);
	test_response_free(&r);
	/* ?lang=en&csv-dialect=vi: the page in English, the CSV as a Vietnamese spreadsheet imports it */
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.zip?lang=en&csv-dialect=vi", NULL, &r), 200);
	zip = saved(&r, "bao-cao-cchc-2018-en.zip");
	snprintf(cmd, sizeof cmd, "unzip -p '%s' bao-cao-cchc-2018/index.html | head -2", zip);
	char *page = output_of(cmd);
	ASSERT_STR(page, "<!DOCTYPE html>\n<html lang=\"en\">\n");
	free(page);
	snprintf(cmd, sizeof cmd, "unzip -p '%s' bao-cao-cchc-2018/ranking.csv | grep -c ';87,63;'", zip);
	char *rows = output_of(cmd);
	ASSERT_STR(rows, "1\n"); /* Thị xã Hương Thủy, first of the districts */
	free(rows);
	remove(zip);
	test_response_free(&r);
	refused(&eval, "GET", "/api/years/2018/report.zip?csv-dialect=excel", NULL, 400,
	        "csv-dialect phải là rfc4180 hoặc vi");
	refused(&eval, "GET", "/api/years/2018/report.zip?lang=fr", NULL, 400, "lang phải là vi hoặc en");
	/* before publication only the evaluator */
	refused(&agency, "GET", "/api/years/2018/report.zip", NULL, 403, "bạn không được xem hoặc sửa dữ liệu này");
	refused(&eval, "GET", "/api/years/2031/report.zip", NULL, 404, "không có năm này");
	/* nothing is left in the data folder */
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c download", data_dir);
	char *left = output_of(cmd);
	ASSERT_STR(left, "0\n");
	free(left);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
}

/* word/document.xml of a .docx file (malloc'd). */
static char *document_xml(const char *docx)
{
	char cmd[2200];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' word/document.xml", docx);
	return output_of(cmd);
}

/* Plan 267/KH-SKHĐT's own header values (tests/data/docx/skhdt-267.txt) as the PUT's body. */
#define SKHDT_267                                                                                   \
	"{\"parent\": \"UBND TỈNH THỪA THIÊN HUẾ\", \"issuer\": \"SỞ KẾ HOẠCH VÀ ĐẦU TƯ\", "              \
	"\"number\": \"267\", \"symbol\": \"KH-SKHĐT\", \"place\": \"Thừa Thiên Huế\", "                  \
	"\"date\": \"2019-01-28\", \"signer-title\": \"GIÁM ĐỐC\", \"signer\": \"Nguyễn Đại Vui\", "      \
	"\"recipient\": [\"UBND tỉnh (B/C)\", \"VP UBND tỉnh\", \"Các Sở: Nội vụ; KHCN; Tư pháp; TTTT\", " \
	"\"GĐ và các PGĐ Sở\", \"Các phòng; Trung tâm XTĐT và HTDN\", \"Lưu: VT, VP\"]}"

/* The agency's plan's header values: stored, and plan.docx written with them
 * exactly as `cchc gap --format docx --document` writes the same values. */
static void test_plan_document(void)
{
	test_client agency = signed_in("skhdt", "demo"), other = signed_in("sct", "demo");
	test_client eval = signed_in("sonoivu", "demo");
	test_response r;
	const char *path = "/api/years/2018/agencies/skhdt/document";
	char cmd[2000], plan[600];
	ASSERT_EQ(test_call(&agency, "GET", path, NULL, &r), 200);
	ASSERT_STR(r.body, "{}");
	test_response_free(&r);
	ASSERT_EQ(test_call(&agency, "PUT", path, SKHDT_267, &r), 200);
	ASSERT_STR(r.body, "{\"parent\":\"UBND TỈNH THỪA THIÊN HUẾ\",\"issuer\":\"SỞ KẾ HOẠCH VÀ ĐẦU TƯ\","
	                   "\"number\":\"267\",\"symbol\":\"KH-SKHĐT\",\"place\":\"Thừa Thiên Huế\","
	                   "\"date\":\"2019-01-28\",\"signer-title\":\"GIÁM ĐỐC\",\"signer\":\"Nguyễn Đại Vui\","
	                   "\"recipient\":[\"UBND tỉnh (B/C)\",\"VP UBND tỉnh\",\"Các Sở: Nội vụ; KHCN; Tư pháp; "
	                   "TTTT\",\"GĐ và các PGĐ Sở\",\"Các phòng; Trung tâm XTĐT và HTDN\",\"Lưu: VT, VP\"]}");
	test_response_free(&r);
	/* plan.docx: the CLI's document for the same values, byte for byte */
	ASSERT_EQ(test_call(&agency, "GET", "/api/years/2018/agencies/skhdt/plan.docx?target-rank=10", NULL, &r), 200);
	char *doc = document_xml(saved(&r, "plan-267.docx"));
	test_response_free(&r);
	snprintf(plan, sizeof plan, "%s/plan-267-cli.docx", CCHC_TEST_TMP);
	snprintf(cmd, sizeof cmd,
	         "'%s' gap '%s/criteria/hue-so-2018.xml' '%s/samples/hue-2018/so' --agency skhdt --target-rank 10 "
	         "--format docx --document '%s/tests/data/docx/skhdt-267.txt' -o '%s' 2>/dev/null",
	         CCHC_CLI, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, plan);
	ASSERT_EQ(system(cmd), 0);
	char *cli = document_xml(plan);
	CU_ASSERT(strlen(cli) > 10000);
	ASSERT_STR(doc, cli);
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số: 267/KH-SKHĐT<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Thừa Thiên Huế, ngày 28 tháng 01 năm 2019<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Nguyễn Đại Vui<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">- Lưu: VT, VP.<"));
	free(doc);
	free(cli);
	remove(plan);
	/* a bad value: the docx writer's message, nothing stored */
	refused(&agency, "PUT", path, "{\"number\": \"268\", \"date\": \"2019-02-30\"}", 422,
	        "không nhận thông tin văn bản, không lưu gì (date \"2019-02-30\" không phải là một ngày: viết "
	        "theo dạng YYYY-MM-DD, ví dụ 2019-01-28)");
	refused(&agency, "PUT", path, "{\"so\": \"268\"}", 422,
	        "không nhận thông tin văn bản, không lưu gì (không có khóa \"so\": các khóa là parent, issuer, "
	        "number, symbol, place, date, signer-title, signer, recipient)");
	agency.lang = "en";
	refused(&agency, "PUT", path, "{\"title\": \"Kế hoạch\"}", 422,
	        "nothing stored: unknown key \"title\": the keys are parent, issuer, number, symbol, place, "
	        "date, signer-title, signer, recipient");
	refused(&agency, "PUT", path, "{\"signer\": true}", 422,
	        "\"signer\": give a text, or \"\" or null to remove the value");
	refused(&agency, "PUT", path, "{\"signer\": \"Nguyễn\\nĐại Vui\"}", 422,
	        "\"signer\": the value holds a control character (a line break, a tab…): write it on one line");
	agency.lang = NULL;
	/* another agency's staff, and the year's report: refused */
	refused(&other, "PUT", path, "{\"number\": \"1\"}", 403, "bạn không được xem hoặc sửa dữ liệu này");
	refused(&other, "GET", path, NULL, 403, "bạn không được xem hoặc sửa dữ liệu này");
	refused(&agency, "PUT", "/api/years/2018/document", "{\"number\": \"1\"}", 403,
	        "vai trò của bạn không được làm việc này");
	refused(&eval, "GET", "/api/years/2018/agencies/khong-co/document", NULL, 404, "năm này không có cơ quan này");
	/* a change names its keys: "" or null removes one, the others stay; a number as written */
	ASSERT_EQ(test_call(&eval, "PUT", path,
	                    "{\"signer\": \"\", \"recipient\": null, \"place\": \" Huế \", \"number\": 268}", &r),
	          200);
	ASSERT_STR(r.body, "{\"parent\":\"UBND TỈNH THỪA THIÊN HUẾ\",\"issuer\":\"SỞ KẾ HOẠCH VÀ ĐẦU TƯ\","
	                   "\"number\":\"268\",\"symbol\":\"KH-SKHĐT\",\"place\":\"Huế\",\"date\":\"2019-01-28\","
	                   "\"signer-title\":\"GIÁM ĐỐC\"}");
	test_response_free(&r);
	/* every change in the history (who, old, new) and the audit log */
	char err[512];
	srv_store *st = NULL;
	CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, data_dir, err, sizeof err), STORE_OK);
	cchc_buf h;
	cchc_buf_init(&h, 0);
	ASSERT_EQ(srv_item_history_json(st, 2018, "skhdt", "", &h), STORE_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(h.data, "\"by\":\"skhdt\",\"field\":\"document\",\"old\":null,\"new\":{\"parent\":"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h.data, "\"by\":\"sonoivu\",\"field\":\"document\",\"old\":{\"parent\":"));
	CU_ASSERT_PTR_NOT_NULL(strstr(h.data, "\"place\":\"Huế\",\"date\":\"2019-01-28\",\"signer-title\":\"GIÁM ĐỐC\"},\"version\":2}"));
	cchc_buf_dispose(&h);
	srv_store_close(st);
	ASSERT_EQ(test_call(&eval, "GET", "/api/audit", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"user\":\"skhdt\",\"ip\":\"127.0.0.1\",\"action\":\"document\",\"target\":\"2018/skhdt\",\"outcome\":\"ok\""));
	test_response_free(&r);
}

/* The province's report's header values and title: in report.html, report.docx and
 * report.zip exactly as `cchc report --title --document` writes them. */
static void test_report_document(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r;
	char cmd[2000], dir[] = CCHC_TEST_TMP "/report-doc-XXXXXX", values[600];
	const char *title = "UBND tỉnh Thừa Thiên Huế · Quyết định số 123/QĐ-UBND";
	refused(&eval, "PUT", "/api/years/2018/document", "{\"date\": \"28/01/2019\"}", 422,
	        "không nhận thông tin văn bản, không lưu gì (date \"28/01/2019\" không phải là một ngày: viết "
	        "theo dạng YYYY-MM-DD, ví dụ 2019-01-28)");
	ASSERT_EQ(test_call(&eval, "PUT", "/api/years/2018/document",
	                    "{\"title\": \"UBND tỉnh Thừa Thiên Huế · Quyết định số 123/QĐ-UBND\", \"number\": \"45\", "
	                    "\"symbol\": \"BC-SNV\", \"date\": \"2019-01-15\", \"signer\": \"Trần Văn A\"}", &r), 200);
	ASSERT_STR(r.body, "{\"number\":\"45\",\"symbol\":\"BC-SNV\",\"date\":\"2019-01-15\",\"signer\":\"Trần Văn A\","
	                   "\"title\":\"UBND tỉnh Thừa Thiên Huế · Quyết định số 123/QĐ-UBND\"}");
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/document", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"title\":\"UBND tỉnh Thừa Thiên Huế"));
	test_response_free(&r);
	refused(&agency, "GET", "/api/years/2018/document", NULL, 403, "bạn không được xem hoặc sửa dữ liệu này");
	/* the CLI's bundle for the same values and title */
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(values, sizeof values, "%s/values.txt", dir);
	FILE *f = fopen(values, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("number = 45\nsymbol = BC-SNV\ndate = 2019-01-15\nsigner = Trần Văn A\n", f);
	fclose(f);
	snprintf(cmd, sizeof cmd,
	         "'%s' report '%s/criteria/hue-so-2018.xml' '%s/criteria/hue-huyen-2018.xml' "
	         "'%s/samples/hue-2018' --title '%s' --document '%s' -o '%s/r' 2>/dev/null",
	         CCHC_CLI, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, title, values, dir);
	ASSERT_EQ(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s/r", dir);
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.zip", NULL, &r), 200);
	const char *zip = saved(&r, "bao-cao-document.zip");
	CU_ASSERT(same_as_cli(zip, "index.html", cmd));
	CU_ASSERT(same_as_cli(zip, "bao-cao.docx", cmd));
	CU_ASSERT(same_as_cli(zip, "ranking.xlsx", cmd));
	remove(zip);
	test_response_free(&r);
	/* report.html and report.docx alone */
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.html", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, title));
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/report.docx", NULL, &r), 200);
	char *doc = document_xml(saved(&r, "bao-cao-document.docx"));
	snprintf(cmd, sizeof cmd, "%s/r/bao-cao.docx", dir);
	char *cli = document_xml(cmd);
	ASSERT_STR(doc, cli);
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, ">Số: 45/BC-SNV<"));
	CU_ASSERT_PTR_NOT_NULL(strstr(doc, title));
	free(doc);
	free(cli);
	test_response_free(&r);
	/* back to none, as the other tests expect */
	ASSERT_EQ(test_call(&eval, "PUT", "/api/years/2018/document",
	                    "{\"title\": null, \"number\": null, \"symbol\": \"\", \"date\": null, \"signer\": null}", &r),
	          200);
	ASSERT_STR(r.body, "{}");
	test_response_free(&r);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
}

/* The year as a bundle: `cchc rank` reads it back to the server's own ranking. */
static void test_assessments_bundle(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r, rank;
	char cmd[1200];
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/assessments.xml", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), "application/xml; charset=utf-8");
	ASSERT_STR(test_header(&r, "Content-Disposition"),
	           "attachment; filename=\"danh-gia-2018.xml\"; filename*=UTF-8''danh-gia-2018.xml");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                           "<assessments xmlns=\"urn:cchc:assessment:1\">\n<assessment ";
	CU_ASSERT_EQUAL(strncmp(r.body, head, sizeof head - 1), 0);
	const char *path = saved(&r, "danh-gia-2018.xml");
	snprintf(cmd, sizeof cmd,
	         "'%s' rank '%s/criteria/hue-huyen-2018.xml' '%s/criteria/hue-so-2018.xml' '%s' --format json 2>/dev/null",
	         CCHC_CLI, CCHC_SOURCE_DIR, CCHC_SOURCE_DIR, path);
	char *cli = output_of(cmd);
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2018/ranking", NULL, &rank), 200);
	/* both documents name the same agencies with the same figures, in the same order */
	json_value *a = json_parse(cli, strlen(cli), NULL, 0), *b = json_parse(rank.body, rank.len, NULL, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	const json_value *ba = json_get(a, "blocks"), *bb = json_get(b, "blocks");
	ASSERT_EQ(json_len(ba), 2);
	ASSERT_EQ(json_len(bb), 2);
	size_t agencies = 0;
	for (size_t i = 0; i < json_len(ba) && i < json_len(bb); i++) {
		const json_value *la = json_get(json_at(ba, i), "agencies"), *lb = json_get(json_at(bb, i), "agencies");
		ASSERT_EQ(json_len(la), json_len(lb));
		for (size_t k = 0; k < json_len(la) && k < json_len(lb); k++, agencies++) {
			ASSERT_STR(json_str(json_get(json_at(la, k), "id")), json_str(json_get(json_at(lb, k), "id")));
			ASSERT_STR(json_num_text(json_get(json_at(la, k), "total")),
			           json_num_text(json_get(json_at(lb, k), "total")));
			ASSERT_STR(json_num_text(json_get(json_at(la, k), "rank")),
			           json_num_text(json_get(json_at(lb, k), "rank")));
		}
	}
	ASSERT_EQ(agencies, 30); /* 21 sở, ban, ngành and 9 huyện */
	json_free(a);
	json_free(b);
	free(cli);
	remove(path);
	test_response_free(&r);
	test_response_free(&rank);
	refused(&agency, "GET", "/api/years/2018/assessments.xml", NULL, 403, "vai trò của bạn không được làm việc này");
}

/* hue-so-2018.xml made a 2019 set (its year attribute), malloc'd. */
static char *criteria_2019(size_t *len)
{
	char *xml = test_read_file("criteria/hue-so-2018.xml", len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	char *y = strstr(xml, "id=\"hue-so-2018\" year=\"2018\"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(y);
	memcpy(y + strlen("id=\"hue-so-2018\" year=\"201"), "9", 1);
	memcpy(y + strlen("id=\"hue-so-201"), "9", 1);
	return xml;
}

static void test_years_criteria_agencies(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_client nocsrf = eval;
	nocsrf.csrf[0] = 0;
	test_response r;
	size_t len;
	refused(&agency, "POST", "/api/years", "{\"year\": 2019}", 403, "vai trò của bạn không được làm việc này");
	refused(&nocsrf, "POST", "/api/years", "{\"year\": 2019}", 403,
	        "thiếu hoặc sai mã CSRF (tiêu đề X-CSRF-Token)");
	refused(&eval, "POST", "/api/years", "{\"year\": \"hai\"}", 422,
	        "cần {\"year\": năm từ 2000 đến 2100}, ví dụ {\"year\": 2026}");
	ASSERT_EQ(test_call(&eval, "POST", "/api/years", "{\"year\": 2019}", &r), 201);
	ASSERT_STR(r.body, "{\"year\": 2019, \"published\": false, \"hash\": null}\n");
	test_response_free(&r);
	refused(&eval, "POST", "/api/years", "{\"year\": 2019}", 409, "năm này đã có");
	ASSERT_EQ(test_call(&eval, "GET", "/api/years", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"year\": 2019"));
	test_response_free(&r);

	/* a criteria set: the engine's loader decides, its message is the 422's */
	const char *put = "/api/years/2019/criteria/so-nganh";
	ASSERT_EQ(test_http(&eval, "PUT", put, "<criteria-set", 13, "application/xml", &r), 422);
	ASSERT_STR(error_of(&r), "so-nganh.xml:1: XML không đúng cú pháp: Couldn't find end of Start Tag criteria-set line 1");
	test_response_free(&r);
	char *xml = test_read_file("criteria/hue-so-2018.xml", &len);
	ASSERT_EQ(test_http(&eval, "PUT", put, xml, len, "application/xml", &r), 422);
	ASSERT_STR(error_of(&r), "so-nganh.xml: bộ tiêu chí của khối \"so-nganh\", năm 2018; "
	                         "đường dẫn là khối \"so-nganh\", năm 2019");
	test_response_free(&r);
	free(xml);
	xml = criteria_2019(&len);
	ASSERT_EQ(test_http(&agency, "PUT", put, xml, len, "application/xml", &r), 403);
	test_response_free(&r);
	ASSERT_EQ(test_http(&eval, "PUT", put, xml, len, "application/xml", &r), 201);
	ASSERT_STR(r.body, "{\"year\": 2019, \"block\": \"so-nganh\", \"id\": \"hue-so-2019\", \"title\": "
	                   "\"Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018\"}\n");
	test_response_free(&r);

	/* agencies of that block */
	const char *add = "/api/years/2019/agencies";
	refused(&eval, "POST", add, "{\"id\": \"snv\", \"name\": \"Sở Nội vụ\", \"block\": \"huyen\"}", 422,
	        "năm chưa có bộ tiêu chí của khối này: thêm bộ tiêu chí trước (PUT …/criteria/{khối})");
	refused(&eval, "POST", add, "{\"id\": \"../x\", \"name\": \"X\", \"block\": \"so-nganh\"}", 422,
	        "cần {\"id\", \"name\", \"block\", \"continues\"}: id chỉ gồm A-Z a-z 0-9 . _ -, "
	        "continues là danh sách mã cơ quan năm trước (có thể bỏ trống)");
	ASSERT_EQ(test_call(&eval, "POST", add,
	              "{\"id\": \"snv\", \"name\": \"Sở Nội vụ\", \"block\": \"so-nganh\", \"continues\": [\"snv\", \"sngv\"]}",
	              &r), 201);
	ASSERT_STR(r.body, "{\"id\": \"snv\", \"name\": \"Sở Nội vụ\", \"block\": \"so-nganh\", "
	                   "\"continues\": \"snv,sngv\", \"state\": \"draft\", \"late\": false}\n");
	test_response_free(&r);
	refused(&eval, "POST", add, "{\"id\": \"snv\", \"name\": \"Sở Nội vụ\", \"block\": \"so-nganh\"}", 409,
	        "năm này đã có cơ quan mang mã này");
	ASSERT_EQ(test_call(&eval, "GET", add, NULL, &r), 200);
	json_value *list = json_parse(r.body, r.len, NULL, 0);
	ASSERT_EQ(json_len(list), 1);
	ASSERT_STR(json_str(json_path(list, "0.id")), "snv");
	ASSERT_STR(json_str(json_path(list, "0.state")), "draft");
	json_free(list);
	test_response_free(&r);
	/* the new agency is scored by the engine: nothing filled in yet */
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2019/agencies/snv/score", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"id\": \"hue-so-2019\""));
	test_response_free(&r);
	/* sets are loaded once: no more changes once the year has agencies */
	ASSERT_EQ(test_http(&eval, "PUT", put, xml, len, "application/xml", &r), 409);
	ASSERT_STR(error_of(&r), "năm đã có cơ quan: chỉ thêm hoặc thay bộ tiêu chí trước khi thêm cơ quan");
	test_response_free(&r);
	free(xml);
}

static void test_users_assignments_deadlines(void)
{
	test_client eval = signed_in("sonoivu", "demo"), agency = signed_in("skhdt", "demo");
	test_response r;
	refused(&agency, "POST", "/api/users",
	        "{\"name\": \"x\", \"role\": \"viewer\", \"password\": \"12345678\"}", 403,
	        "vai trò của bạn không được làm việc này");
	refused(&eval, "POST", "/api/users", "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"skhdt\", \"password\": \"ngan\"}",
	        422, "mật khẩu cần ít nhất 8 ký tự");
	refused(&eval, "POST", "/api/users", "{\"name\": \"lan\", \"role\": \"agency\", \"password\": \"mat-khau-dai\"}",
	        422, "\"agency\" (mã cơ quan) cần cho vai trò agency và chỉ cho vai trò đó");
	refused(&eval, "POST", "/api/users", "{\"name\": \"lan\", \"role\": \"boss\", \"password\": \"mat-khau-dai\"}",
	        422, "cần {\"name\", \"role\", \"agency\", \"password\"}: tên chỉ gồm A-Z a-z 0-9 . _ -, "
	             "role là evaluator, agency, appraiser hoặc viewer");
	ASSERT_EQ(test_call(&eval, "POST", "/api/users",
	              "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"skhdt\", \"password\": \"mat-khau-dai\"}", &r),
	          201);
	ASSERT_STR(r.body, "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"skhdt\"}\n");
	test_response_free(&r);
	refused(&eval, "POST", "/api/users",
	        "{\"name\": \"lan\", \"role\": \"viewer\", \"password\": \"mat-khau-dai\"}", 409,
	        "đã có tài khoản tên này");
	/* the new account signs in with its password and sees its agency */
	test_client lan = signed_in("lan", "mat-khau-dai");
	ASSERT_EQ(test_call(&lan, "GET", "/api/years/2018/agencies/skhdt/score", NULL, NULL), 200);
	ASSERT_EQ(test_call(&lan, "GET", "/api/years/2018/agencies/sct/score", NULL, NULL), 403);

	/* an appraiser assigned to one agency of 2019 sees it */
	ASSERT_EQ(test_call(&eval, "POST", "/api/users",
	              "{\"name\": \"tdv2019\", \"role\": \"appraiser\", \"password\": \"mat-khau-dai\"}", NULL), 201);
	test_client tdv = signed_in("tdv2019", "mat-khau-dai");
	ASSERT_EQ(test_call(&tdv, "GET", "/api/years/2019/agencies/snv/score", NULL, NULL), 403);
	refused(&eval, "POST", "/api/years/2019/assignments", "{\"user\": \"lan\", \"agency\": \"snv\"}", 422,
	        "\"user\" phải là một tài khoản thẩm định (appraiser)");
	refused(&eval, "POST", "/api/years/2019/assignments", "{\"user\": \"tdv2019\", \"agency\": \"sct\"}", 422,
	        "năm này không có cơ quan mang mã \"agency\"");
	ASSERT_EQ(test_call(&eval, "POST", "/api/years/2019/assignments", "{\"user\": \"tdv2019\", \"agency\": \"snv\"}", &r),
	          201);
	ASSERT_STR(r.body, "{\"user\": \"tdv2019\", \"year\": 2019, \"agency\": \"snv\", \"group\": null}\n");
	test_response_free(&r);
	ASSERT_EQ(test_call(&tdv, "GET", "/api/years/2019/agencies/snv/score", NULL, NULL), 200);

	/* deadlines: as put, as read */
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2019/deadlines", NULL, &r), 200);
	ASSERT_STR(r.body, "{}");
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "PUT", "/api/years/2019/deadlines", "{\"submitted\": \"2019-12-15\"}", NULL), 200);
	ASSERT_EQ(test_call(&eval, "GET", "/api/years/2019/deadlines", NULL, &r), 200);
	ASSERT_STR(r.body, "{\"submitted\":\"2019-12-15\"}");
	test_response_free(&r);
	refused(&agency, "GET", "/api/years/2019/deadlines", NULL, 403, "vai trò của bạn không được làm việc này");

	/* every change is in the audit log */
	ASSERT_EQ(test_call(&eval, "GET", "/api/audit", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"action\":\"user add\",\"target\":\"lan\",\"outcome\":\"ok\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"action\":\"year add\",\"target\":\"2019\",\"outcome\":\"ok\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"action\":\"agency add\",\"target\":\"snv\",\"outcome\":\"ok\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"action\":\"assign\",\"target\":\"tdv2019 snv *\",\"outcome\":\"ok\""));
	test_response_free(&r);
}

/* Every route of this suite x every role (and no session): the router's answer, or the
 * handler's 422 for the evaluator's empty bodies, 200 for an empty change of a
 * document's values (nothing is changed). */
static void test_matrix(void)
{
	static const char *const users[] = {"sonoivu", "skhdt", "hoidong", "xem", NULL};
	static const struct {
		const char *method, *path, *body;
		long status[5]; /* evaluator, agency (own), appraiser (assigned), viewer, no session */
	} rows[] = {
		{"GET", "/api/years/2018/agencies/skhdt/plan.docx", NULL, {200, 200, 200, 403, 401}},
		{"GET", "/api/years/2018/report.docx", NULL, {200, 403, 403, 403, 401}},
		{"GET", "/api/years/2018/report.html", NULL, {200, 403, 403, 403, 401}},
		{"GET", "/api/years/2018/report.zip", NULL, {200, 403, 403, 403, 401}},
		{"GET", "/api/years/2018/assessments.xml", NULL, {200, 403, 403, 403, 401}},
		{"GET", "/api/years/2018/agencies/skhdt/document", NULL, {200, 200, 200, 403, 401}},
		{"PUT", "/api/years/2018/agencies/skhdt/document", "{}", {200, 200, 403, 403, 401}},
		{"GET", "/api/years/2018/document", NULL, {200, 403, 403, 403, 401}},
		{"PUT", "/api/years/2018/document", "{}", {200, 403, 403, 403, 401}},
		{"GET", "/api/years/2018/deadlines", NULL, {200, 403, 403, 403, 401}},
		{"POST", "/api/years", "{}", {422, 403, 403, 403, 401}},
		{"PUT", "/api/years/2018/criteria/so-nganh", "{}", {422, 403, 403, 403, 401}},
		{"POST", "/api/years/2018/agencies", "{}", {422, 403, 403, 403, 401}},
		{"POST", "/api/users", "{}", {422, 403, 403, 403, 401}},
		{"POST", "/api/years/2018/assignments", "{}", {422, 403, 403, 403, 401}},
	};
	for (size_t u = 0; u < 5; u++) {
		test_client c = {0};
		c.port = srv_server_port(server);
		if (users[u])
			c = signed_in(users[u], "demo");
		for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			long got = test_call(&c, rows[i].method, rows[i].path, rows[i].body, NULL);
			if (got != rows[i].status[u])
				fprintf(stderr, "\n    %s %s as %s: %ld, expected %ld", rows[i].method, rows[i].path,
				        users[u] ? users[u] : "(no session)", got, rows[i].status[u]);
			CU_ASSERT_EQUAL(got, rows[i].status[u]);
		}
	}
}

/* After publication: nobody changes the year; everyone may read its report. */
static void test_published_year(void)
{
	test_client eval = signed_in("sonoivu", "demo"), viewer = signed_in("xem", "demo");
	test_response r;
	size_t len;
	ASSERT_EQ(test_call(&eval, "POST", "/api/years/2019/publish", NULL, NULL), 200);
	const char *frozen = "năm đã công bố kết quả: không sửa được nữa";
	refused(&eval, "POST", "/api/years/2019/agencies", "{\"id\": \"sct\", \"name\": \"Sở Công Thương\", \"block\": \"so-nganh\"}",
	        409, frozen);
	refused(&eval, "POST", "/api/years/2019/assignments", "{\"user\": \"hoidong\"}", 409, frozen);
	refused(&eval, "PUT", "/api/years/2019/deadlines", "{\"final\": \"2020-01-15\"}", 409, frozen);
	char *xml = criteria_2019(&len);
	ASSERT_EQ(test_http(&eval, "PUT", "/api/years/2019/criteria/so-nganh", xml, len, "application/xml", &r), 409);
	ASSERT_STR(error_of(&r), frozen);
	test_response_free(&r);
	free(xml);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2019/report.docx", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), DOCX);
	CU_ASSERT_EQUAL(memcmp(r.body, "PK", 2), 0);
	test_response_free(&r);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2019/report.html", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), "text/html; charset=utf-8");
	ASSERT_STR(test_header(&r, "Content-Security-Policy"), page_csp(&r));
	test_response_free(&r);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2019/report.zip", NULL, &r), 200);
	ASSERT_STR(test_header(&r, "Content-Type"), "application/zip");
	test_response_free(&r);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2019/assessments.xml", NULL, NULL), 403);
	/* the documents' header values change no figure: still writable, and the report's readable by all */
	ASSERT_EQ(test_call(&eval, "PUT", "/api/years/2019/agencies/snv/document", "{\"number\": \"12\"}", &r), 200);
	ASSERT_STR(r.body, "{\"number\":\"12\"}");
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "PUT", "/api/years/2019/document", "{\"number\": \"3\", \"title\": \"Năm 2019\"}", NULL),
	          200);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2019/document", NULL, &r), 200);
	ASSERT_STR(r.body, "{\"number\":\"3\",\"title\":\"Năm 2019\"}");
	test_response_free(&r);
	ASSERT_EQ(test_call(&viewer, "PUT", "/api/years/2019/document", "{}", NULL), 403);
}

static int start(void)
{
	char err[512], hash[128];
	srv_store *st = NULL;
	if (!mkdtemp(data_dir) ||
	    srv_demo_create(data_dir, CCHC_SOURCE_DIR, srv_password_hash_demo, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "demo: %s\n", err);
		return -1;
	}
	int rc = srv_store_open(&st, data_dir, err, sizeof err) == STORE_OK &&
	                 srv_password_hash_demo(hash, "demo") == 0 &&
	                 srv_user_add(st, "xem", ROLE_VIEWER, NULL, hash) == STORE_OK
	             ? 0
	             : -1;
	srv_store_close(st);
	srv_config cfg = {0};
	cfg.data_dir = data_dir;
	cfg.cheap_dummy_hash = 1;
	if (rc < 0 || srv_server_start(&server, &cfg, err, sizeof err) < 0) {
		fprintf(stderr, "start: %s\n", err);
		return -1;
	}
	return 0;
}

int main(void)
{
	static const test_case tests[] = {
		{"plan.docx: the agency's plan as an attachment, the engine's figures inside", test_plan_docx},
		{"report.docx: the province's report, the evaluator's before publication", test_report_docx},
		{"report.html: the report's page inline, its own CSP, the evaluator's before publication", test_report_html},
		{"report.zip: the report bundle, byte for byte what cchc report writes", test_report_zip},
		{"the plan's header values: stored, in plan.docx as cchc gap --document writes them", test_plan_document},
		{"the report's header values and title: in report.html, .docx and .zip as cchc report writes them",
		 test_report_document},
		{"assessments.xml: the year as a bundle cchc rank reads to the same ranking", test_assessments_bundle},
		{"years, criteria sets (the loader's 422), agencies", test_years_criteria_agencies},
		{"accounts, assignments, deadlines, the audit log", test_users_assignments_deadlines},
		{"every route x every role: 200, 401, 403, or 422 for an empty body", test_matrix},
		{"a published year: changes 409, its report for everyone", test_published_year},
		{NULL, NULL},
	};
	curl_global_init(CURL_GLOBAL_DEFAULT);
	setenv("LANGUAGE", "en", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	if (start() < 0) {
		srv_server_stop(server);
		return 1;
	}
	int rc = test_run_suite("server_admin", tests);
	srv_server_stop(server);
	char cmd[sizeof data_dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", data_dir);
	if (system(cmd) != 0)
		rc = 1;
	curl_global_cleanup();
	return rc;
}
