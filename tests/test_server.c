/* cchc serve in-process on 127.0.0.1 (an ephemeral port) over a demo data
 * folder, with libcurl as the client: sessions, headers and paths, the
 * authorisation matrix, optimistic concurrency, evidence, the whole Huế 2018
 * cycle to publication and the freeze after it, and login throttling. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv, kill */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sqlite3.h>

#include "json_read.h"
#include "server.h"
#include "server_client.h"
#include "store.h"
#include "testutil.h"

static srv_server *server;
static char data_dir[] = CCHC_TEST_TMP "/server-XXXXXX";

#define ZEROS64 "0000000000000000000000000000000000000000000000000000000000000000"

static test_client client_for(const char *user)
{
	test_client c = {0};
	c.port = srv_server_port(server);
	if (user)
		CU_ASSERT_EQUAL(test_login(&c, user, "demo"), 200);
	return c;
}

/* A JSON answer's member at path as text (a number's source or a string), static. */
static const char *answer(const test_response *r, const char *path)
{
	static char out[256];
	json_value *v = json_parse(r->body, r->len, NULL, 0);
	const json_value *m = json_path(v, path);
	const char *t = json_num_text(m) ? json_num_text(m) : json_str(m);
	snprintf(out, sizeof out, "%s", t ? t : "(missing)");
	json_free(v);
	return out;
}

static const char *total_of(test_client *c, const char *agency)
{
	static char out[64];
	char path[128];
	test_response r;
	snprintf(path, sizeof path, "/api/years/2018/agencies/%s/score", agency);
	ASSERT_EQ(test_call(c, "GET", path, NULL, &r), 200);
	snprintf(out, sizeof out, "%s", answer(&r, "total"));
	test_response_free(&r);
	return out;
}

static void test_session(void)
{
	test_client c = client_for(NULL), anon = client_for(NULL);
	test_response r;
	ASSERT_EQ(test_login(&c, "skhdt", "sai"), 401);
	ASSERT_EQ(test_login(&c, "khong-co", "demo"), 401);
	ASSERT_EQ(test_http(&c, "POST", "/api/session", "{\"user\": \"skhdt\", \"password\": \"demo\"}",
	                    37, NULL, &r), 200);
	ASSERT_STR(answer(&r, "user"), "skhdt");
	ASSERT_STR(answer(&r, "role"), "agency");
	ASSERT_STR(answer(&r, "agency"), "skhdt");
	ASSERT_EQ(strlen(answer(&r, "csrf")), 64);
	const char *cookie = test_header(&r, "Set-Cookie");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cookie);
	CU_ASSERT_PTR_NOT_NULL(strstr(cookie, "; HttpOnly; SameSite=Strict; Path=/"));
	CU_ASSERT_PTR_NULL(strstr(cookie, "Secure")); /* not under TLS */
	ASSERT_EQ(strncmp(cookie, "cchc_session=", 13), 0);
	ASSERT_EQ(strcspn(cookie + 13, ";"), 64);
	test_response_free(&r);

	ASSERT_EQ(test_login(&c, "skhdt", "demo"), 200);
	ASSERT_EQ(test_call(&c, "GET", "/api/session", NULL, &r), 200);
	ASSERT_STR(answer(&r, "csrf"), c.csrf);
	test_response_free(&r);
	ASSERT_EQ(test_call(&anon, "GET", "/api/session", NULL, &r), 401);
	ASSERT_STR(answer(&r, "error"), "chưa đăng nhập hoặc phiên đã hết hạn: đăng nhập lại");
	test_response_free(&r);
	anon.lang = "en-GB,en;q=0.9";
	ASSERT_EQ(test_call(&anon, "GET", "/api/years", NULL, &r), 401);
	ASSERT_STR(answer(&r, "error"), "not signed in or the session expired: sign in again");
	test_response_free(&r);

	/* sign-out needs the CSRF token; afterwards the cookie is worth nothing */
	test_client nocsrf = c;
	nocsrf.csrf[0] = 0;
	ASSERT_EQ(test_call(&nocsrf, "DELETE", "/api/session", NULL, NULL), 403);
	ASSERT_EQ(test_call(&c, "DELETE", "/api/session", NULL, NULL), 204);
	ASSERT_EQ(test_call(&c, "GET", "/api/session", NULL, NULL), 401);
	strcpy(c.cookie, "cchc_session=" ZEROS64);
	ASSERT_EQ(test_call(&c, "GET", "/api/session", NULL, NULL), 401);
}

static void test_headers_and_methods(void)
{
	test_client c = client_for("skhdt");
	test_response r;
	ASSERT_EQ(test_call(&c, "GET", "/api/years", NULL, &r), 200);
	ASSERT_STR(answer(&r, "0.year"), "2018");
	ASSERT_STR(test_header(&r, "Content-Type"), "application/json; charset=utf-8");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	ASSERT_STR(test_header(&r, "Cache-Control"), "no-store");
	ASSERT_STR(test_header(&r, "X-Frame-Options"), "DENY");
	ASSERT_STR(test_header(&r, "Referrer-Policy"), "no-referrer");
	CU_ASSERT_PTR_NOT_NULL(strstr(test_header(&r, "Content-Security-Policy"), "default-src 'self'"));
	test_response_free(&r);
	ASSERT_EQ(test_call(&c, "DELETE", "/api/years/2018/agencies/skhdt/score", NULL, &r), 405);
	ASSERT_STR(test_header(&r, "Allow"), "GET");
	test_response_free(&r);
	ASSERT_EQ(test_call(&c, "PATCH", "/api/session", NULL, &r), 405);
	ASSERT_STR(test_header(&r, "Allow"), "POST, GET, DELETE");
	test_response_free(&r);
	ASSERT_EQ(test_call(&c, "GET", "/api/nothing", NULL, &r), 404);
	ASSERT_STR(answer(&r, "error"), "không có đường dẫn này");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	test_response_free(&r);
	ASSERT_EQ(test_call(&c, "GET", "/api/years/2019/agencies/skhdt/score", NULL, NULL), 404);
}

/* Nothing from a path reaches the filesystem: odd segments are 400 or 404. */
static void test_paths(void)
{
	test_client c = client_for("sonoivu");
	static const struct {
		const char *path;
		long status;
	} cases[] = {
		{"/api/years/2018/agencies/../score", 400},
		{"/api/years/2018/agencies/..%2F..%2Fetc%2Fpasswd/score", 400},
		{"/api/years/2018/agencies/skhdt/evidence/..%2F..%2Fcchc.sqlite3", 400},
		{"/api/years/2018/agencies/skhdt/evidence/" ZEROS64, 404},
		{"/api/years/2018/agencies/skhdt/evidence/" ZEROS64 "/x", 404},
		{"/api/years/2018/agencies/sk%00hdt/score", 404},
		{"/api/years/2018/agencies/sk%zzhdt/score", 404},
		{"/api/years/20180/agencies/skhdt/score", 400},
		{"/api/years/2018/agencies/skhdt/items/1.1.1%2F../history", 400},
		{"/api/years/2018/agencies//score", 400},
		{"/../../etc/passwd", 404},
		{"/api/years/2018/agencies/s%6Bhdt/score", 200}, /* decoded: skhdt */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		long got = test_call(&c, "GET", cases[i].path, NULL, NULL);
		if (got != cases[i].status)
			fprintf(stderr, "\n    %s: %ld, expected %ld\n", cases[i].path, got, cases[i].status);
		ASSERT_EQ(got, cases[i].status);
	}
}

static void test_csrf_and_caps(void)
{
	test_client c = client_for("sct");
	const char *path = "/api/years/2018/agencies/sct/items/1.1.1";
	test_response r;
	test_client bad = c;
	bad.csrf[0] = 0;
	ASSERT_EQ(test_call(&bad, "PUT", path, "{}", &r), 403);
	ASSERT_STR(answer(&r, "error"), "thiếu hoặc sai mã CSRF (tiêu đề X-CSRF-Token)");
	test_response_free(&r);
	memset(bad.csrf, 'a', 64);
	ASSERT_EQ(test_call(&bad, "PUT", path, "{}", NULL), 403);
	/* a JSON body past 256 KiB: 413 */
	size_t big = (256u << 10) + 10;
	char *body = malloc(big + 1);
	memset(body, ' ', big);
	body[0] = '{';
	body[big - 1] = '}';
	body[big] = 0;
	ASSERT_EQ(test_http(&c, "PUT", path, body, big, NULL, &r), 413);
	ASSERT_STR(answer(&r, "error"), "nội dung gửi lên quá lớn");
	test_response_free(&r);
	free(body);
	/* malformed JSON says where */
	ASSERT_EQ(test_call(&c, "PUT", path, "{\"met\": tru}", &r), 400);
	ASSERT_STR(answer(&r, "error"), "nội dung không phải JSON hợp lệ: byte 8: unexpected character");
	test_response_free(&r);
}

/* The matrix: every route × every role × own/other agency. The write routes
 * get a body the handler refuses (or a state that refuses them), so a status
 * past the router (400, 404, 409) says "allowed" and nothing changes. */
enum { EVAL, OWN, OTHER, APPR, UNASSIGNED, VIEWER, ANON, NCOL };
#define SKIP (-1)
static const char *const matrix_users[NCOL] = {"sonoivu", "sngv", "sct", "hoidong",
                                               "tdv-khac", "xem", NULL};
#define A "/api/years/2018/agencies/sngv"
static const struct {
	const char *method, *path, *body;
	long expect[NCOL];
} matrix[] = {
	{"POST", "/api/session", "{", {400, 400, 400, 400, 400, 400, 400}},
	{"GET", "/api/session", NULL, {200, 200, 200, 200, 200, 200, 401}},
	{"GET", "/api/years", NULL, {200, 200, 200, 200, 200, 200, 401}},
	{"GET", "/api/years/2018/agencies", NULL, {200, 200, 200, 200, 200, 403, 401}},
	{"GET", A "/score", NULL, {200, 200, 403, 200, 403, 403, 401}},
	{"GET", A "/items", NULL, {200, 200, 403, 200, 403, 403, 401}},
	{"GET", A "/items/1.1.1/history", NULL, {200, 200, 403, 200, 403, 403, 401}},
	{"GET", A "/check", NULL, {200, 200, 403, 200, 403, 403, 401}},
	{"GET", A "/gap", NULL, {200, 200, 403, 200, 403, 403, 401}},
	{"GET", A "/evidence/" ZEROS64, NULL, {404, 404, 403, 404, 403, 403, 401}},
	{"PUT", A "/items/1.1.1", "{", {403, 400, 403, 403, 403, 403, 401}},
	{"PUT", A "/items/1.1.1/appraisal", "{", {409, 403, 403, 409, 403, 403, 401}},
	{"PUT", A "/survey/9.1", "{", {400, 403, 403, 403, 403, 403, 401}},
	{"POST", A "/evidence", "x", {403, 400, 403, 403, 403, 403, 401}},
	{"POST", A "/state", "{", {400, 400, 403, 400, 403, 403, 401}},
	{"GET", "/api/years/2018/ranking", NULL, {200, 403, 403, 403, 403, 403, 401}},
	{"PUT", "/api/years/2018/deadlines", "{", {400, 403, 403, 403, 403, 403, 401}},
	/* the evaluator's publication is test_cycle's */
	{"POST", "/api/years/2018/publish", NULL, {SKIP, 403, 403, 403, 403, 403, 401}},
	{"GET", "/api/audit", NULL, {200, 403, 403, 403, 403, 403, 401}},
	{"GET", "/api/years/2018/assignments", NULL, {200, 403, 403, 403, 403, 403, 401}},
	{"DELETE", "/api/session", NULL, {204, 204, 204, 204, 204, 204, 401}},
};

static void test_authorisation_matrix(void)
{
	static const char *const names[NCOL] = {"evaluator", "own agency", "other agency",
	                                        "appraiser", "unassigned appraiser", "viewer",
	                                        "no session"};
	test_client users[NCOL];
	for (int u = 0; u < NCOL; u++)
		users[u] = client_for(matrix_users[u]);
	for (size_t i = 0; i < sizeof matrix / sizeof matrix[0]; i++)
		for (int u = 0; u < NCOL; u++) {
			if (matrix[i].expect[u] == SKIP)
				continue;
			long got = test_call(&users[u], matrix[i].method, matrix[i].path, matrix[i].body, NULL);
			if (got != matrix[i].expect[u])
				fprintf(stderr, "\n    %s %s as %s: %ld, expected %ld\n", matrix[i].method,
				        matrix[i].path, names[u], got, matrix[i].expect[u]);
			ASSERT_EQ(got, matrix[i].expect[u]);
		}
	/* what each sees of the year's agencies */
	test_client own = client_for("sngv"), appr = client_for("tdv-khac");
	test_response r;
	ASSERT_EQ(test_call(&own, "GET", "/api/years/2018/agencies", NULL, &r), 200);
	ASSERT_STR(answer(&r, "0.id"), "sngv");
	ASSERT_STR(answer(&r, "1.id"), "(missing)");
	test_response_free(&r);
	ASSERT_EQ(test_call(&appr, "GET", "/api/years/2018/agencies", NULL, &r), 200);
	ASSERT_STR(r.body, "[]\n");
	test_response_free(&r);
}
#undef A

static void submit(const char *agency)
{
	test_client c = client_for(agency);
	char path[128];
	snprintf(path, sizeof path, "/api/years/2018/agencies/%s/state", agency);
	ASSERT_EQ(test_call(&c, "POST", path, "{\"to\": \"submitted\"}", NULL), 200);
}

static long item_version(test_client *c, const char *agency, const char *criterion)
{
	char path[128];
	test_response r;
	long v = -1;
	snprintf(path, sizeof path, "/api/years/2018/agencies/%s/items", agency);
	ASSERT_EQ(test_call(c, "GET", path, NULL, &r), 200);
	json_value *doc = json_parse(r.body, r.len, NULL, 0);
	for (size_t i = 0; i < json_len(doc); i++) {
		const char *crit = json_str(json_get(json_at(doc, i), "criterion"));
		if (crit && strcmp(crit, criterion) == 0)
			v = (long)json_num(json_get(json_at(doc, i), "version"));
	}
	json_free(doc);
	test_response_free(&r);
	return v;
}

/* Two appraisers save the same criterion from the same version: the second
 * gets 409 and the first's points stay. */
static void test_concurrency(void)
{
	submit("sxd");
	test_client a = client_for("hoidong"), b = client_for("sonoivu");
	long v = item_version(&a, "sxd", "1.1.1");
	CU_ASSERT(v >= 1);
	char body[200];
	const char *path = "/api/years/2018/agencies/sxd/items/1.1.1/appraisal";
	snprintf(body, sizeof body, "{\"round\": 1, \"points\": \"0.5\", \"reason\": \"A\", \"version\": %ld}", v);
	ASSERT_EQ(test_call(&a, "PUT", path, body, NULL), 200);
	snprintf(body, sizeof body, "{\"round\": 1, \"points\": \"0\", \"reason\": \"B\", \"version\": %ld}", v);
	test_response r;
	ASSERT_EQ(test_call(&b, "PUT", path, body, &r), 409);
	test_response_free(&r);
	ASSERT_EQ(item_version(&a, "sxd", "1.1.1"), v + 1);
	ASSERT_EQ(test_call(&a, "GET", "/api/years/2018/agencies/sxd/items", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"reason\": \"A\"") ? r.body : strstr(r.body, "\"reason\":\"A\""));
	CU_ASSERT_PTR_NULL(strstr(r.body, "\"reason\": \"B\"") ? r.body : strstr(r.body, "\"reason\":\"B\""));
	test_response_free(&r);
}

/* Writes from outside the server (cchc admin, another connection to the
 * database) show in the very next answer: an item, then a criteria set. */
/* The engine's message for met="maybe" (libcchc's words are English only). */
#define ENGINE_MAYBE_LIBXML2 /* libxml2's words stay English in every language */              \
	"Element 'item', attribute 'met': [facet 'enumeration'] The value "                            \
	"'maybe' is not an element of the set {'true', 'false'}."
#define ENGINE_MAYBE "does not match the schema: " ENGINE_MAYBE_LIBXML2

static void test_outside_writes(void)
{
	test_client ev = client_for("sonoivu");
	char before[64], err[512] = "";
	srv_store *st = NULL;
	long v;
	size_t len;
	ASSERT_STR(total_of(&ev, "bdt"), "43.5");
	snprintf(before, sizeof before, "%s", total_of(&ev, "bdt")); /* cached now */
	CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, data_dir, err, sizeof err), STORE_OK);
	ASSERT_EQ(srv_item_put(st, 2018, "bdt", "1.1.3", "{\"met\":\"true\",\"self\":\"0\"}", 0, "admin", &v),
	          STORE_OK);
	ASSERT_STR(total_of(&ev, "bdt"), "44.5");
	ASSERT_EQ(srv_item_put(st, 2018, "bdt", "1.1.3", "{\"met\":\"false\",\"self\":\"0\"}", 0, "admin", &v),
	          STORE_OK);
	ASSERT_STR(total_of(&ev, "bdt"), before);
	/* a criteria set stored while it runs: bdt's plan of 20/03 is now on time */
	char *xml = test_read_file(test_path("criteria/hue-so-2018.xml"), &len);
	CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
	char *due = strstr(xml, "due=\"2018-01-31\"");
	CU_ASSERT_PTR_NOT_NULL_FATAL(due);
	memcpy(due, "due=\"2018-03-31\"", 16);
	ASSERT_EQ(srv_criteria_put(st, 2018, "so-nganh", "hue-so-2018", xml, len), STORE_OK);
	ASSERT_STR(total_of(&ev, "bdt"), "44.5");
	memcpy(due, "due=\"2018-01-31\"", 16);
	ASSERT_EQ(srv_criteria_put(st, 2018, "so-nganh", "hue-so-2018", xml, len), STORE_OK);
	ASSERT_STR(total_of(&ev, "bdt"), before);
	free(xml);
	srv_store_close(st);
}

/* The evaluator enters survey results; the engine checks them before they
 * are stored and the figure moves as it computes (cchc score on the same file:
 * 9.1 mean 4.5 -> 46.88; 9.2 with 30 answers A -> 48.58). */
static void test_survey(void)
{
	test_client ev = client_for("sonoivu"), ag = client_for("bdt");
	const char *p91 = "/api/years/2018/agencies/bdt/survey/9.1", *p92 = "/api/years/2018/agencies/bdt/survey/9.2";
	test_response r;
	ASSERT_STR(total_of(&ev, "bdt"), "43.5");
	/* the evaluator only */
	ASSERT_EQ(test_call(&ag, "PUT", p91, "{\"respondents\": \"40\", \"mean\": \"4.5\", \"sd\": \"0.75\"}", NULL), 403);
	ASSERT_EQ(test_call(&ev, "PUT", p91, "{\"respondents\": \"40\", \"mean\": \"4.5\", \"sd\": \"0.75\"}", &r), 200);
	ASSERT_STR(answer(&r, "total"), "46.88");
	test_response_free(&r);
	ASSERT_STR(total_of(&ag, "bdt"), "46.88");
	ASSERT_EQ(test_call(&ev, "PUT", p92,
	               "{\"answers\": [{\"option\": \"A\", \"count\": 30}, {\"option\": \"B\", \"count\": \"12\"},"
	               " {\"option\": \"C\", \"count\": \"20\"}, {\"option\": \"D\", \"count\": \"8\"}]}",
	               &r), 200);
	ASSERT_STR(answer(&r, "total"), "48.58");
	test_response_free(&r);
	/* refused before anything is stored: a list of the wrong shape, the engine's no */
	ASSERT_EQ(test_call(&ev, "PUT", p92, "{\"answers\": [{\"count\": \"3\"}]}", &r), 422);
	ASSERT_STR(answer(&r, "error"), "\"answers\" phải là mảng [{\"option\": \"A\", \"count\": \"12\"}]");
	test_response_free(&r);
	ev.lang = "en";
	ASSERT_EQ(test_call(&ev, "PUT", p91, "{\"respondents\": \"40\", \"mean\": \"nhiều\", \"sd\": \"0.75\"}", &r), 422);
	CU_ASSERT_PTR_NOT_NULL(strstr(answer(&r, "error"), "nhiều"));
	test_response_free(&r);
	ev.lang = NULL;
	ASSERT_STR(total_of(&ev, "bdt"), "48.58");
	/* back as the sample has them */
	ASSERT_EQ(test_call(&ev, "PUT", p91, "{\"respondents\": \"40\", \"mean\": \"3.148\", \"sd\": \"0.75\"}", NULL),
	          200);
	ASSERT_EQ(test_call(&ev, "PUT", p92,
	               "{\"answers\": [{\"option\": \"A\", \"count\": \"1\"}, {\"option\": \"B\", \"count\": \"12\"},"
	               " {\"option\": \"C\", \"count\": \"20\"}, {\"option\": \"D\", \"count\": \"8\"}]}",
	               NULL), 200);
	ASSERT_STR(total_of(&ev, "bdt"), "43.5");
}

static void test_evidence(void)
{
	test_client c = client_for("sct"), other = client_for("sngv"), eval = client_for("sonoivu");
	static const char pdf[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
	test_response r;
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.1&name=kh-45.pdf",
	                    pdf, sizeof pdf - 1, "application/pdf", &r), 201);
	ASSERT_STR(answer(&r, "type"), "pdf");
	ASSERT_STR(answer(&r, "size"), "48");
	char hash[65], path[256];
	snprintf(hash, sizeof hash, "%s", answer(&r, "hash"));
	ASSERT_EQ(strlen(hash), 64);
	test_response_free(&r);
	snprintf(path, sizeof path, "/api/years/2018/agencies/sct/evidence/%s", hash);
	ASSERT_EQ(test_call(&eval, "GET", path, NULL, &r), 200);
	ASSERT_EQ(r.len, sizeof pdf - 1);
	CU_ASSERT(memcmp(r.body, pdf, sizeof pdf - 1) == 0);
	ASSERT_STR(test_header(&r, "Content-Disposition"), "attachment; filename=\"kh-45.pdf\"");
	ASSERT_STR(test_header(&r, "X-Content-Type-Options"), "nosniff");
	ASSERT_STR(test_header(&r, "Content-Type"), "application/pdf");
	test_response_free(&r);
	ASSERT_EQ(test_call(&other, "GET", path, NULL, NULL), 403);
	/* linked to sct only: another agency's path to the same hash is 404 */
	snprintf(path, sizeof path, "/api/years/2018/agencies/sngv/evidence/%s", hash);
	ASSERT_EQ(test_call(&other, "GET", path, NULL, NULL), 404);
	/* the type is read from the content */
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.1",
	                    "<html>", 6, "application/pdf", &r), 415);
	test_response_free(&r);
	/* only a scored criterion of the agency's set: not one it lacks, nor a group or a parent */
	static const char *const not_scored[] = {"9.9.9", "1", "1.1"};
	for (size_t i = 0; i < 3; i++) {
		char want[200];
		snprintf(path, sizeof path, "/api/years/2018/agencies/sct/evidence?criterion=%s", not_scored[i]);
		ASSERT_EQ(test_http(&c, "POST", path, "%PDF-1.4", 8, "application/pdf", &r), 422);
		snprintf(want, sizeof want,
		         "bộ tiêu chí của cơ quan không có tiêu chí chấm điểm %s: chọn một tiêu chí trong biểu mẫu",
		         not_scored[i]);
		ASSERT_STR(answer(&r, "error"), want);
		test_response_free(&r);
	}
	/* multipart/form-data */
	static const char mp[] = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\n"
	                         "Content-Type: application/pdf\r\n\r\n%PDF-1.7 tiny\r\n--XyZ--\r\n";
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.2", mp,
	                    sizeof mp - 1, "multipart/form-data; boundary=XyZ", &r), 201);
	ASSERT_STR(answer(&r, "size"), "13");
	test_response_free(&r);
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.2", mp,
	                    sizeof mp - 1, "multipart/form-data; boundary=\"XyZ\"; charset=utf-8", &r), 201);
	test_response_free(&r);
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.2", mp,
	                    sizeof mp - 1, "multipart/form-data; boundary=Other", &r), 400);
	ASSERT_STR(answer(&r, "error"), "nội dung multipart/form-data không hợp lệ");
	test_response_free(&r);
	/* past 20 MiB: 413 before the body is read */
	size_t big = (20u << 20) + 1;
	char *body = malloc(big);
	memset(body, 'x', big);
	memcpy(body, "%PDF-", 5);
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.1.1", body,
	                    big, "application/pdf", &r), 413);
	test_response_free(&r);
	free(body);
}

/* An agency account names an agency some year holds: 422 otherwise, in the request's language.
 * The year's assignments as the POST takes them. */
static void test_management(void)
{
	test_client ev = client_for("sonoivu");
	test_response r;
	const char *body = "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"sxyz\", \"password\": \"mat-khau-dai\"}";
	ASSERT_EQ(test_call(&ev, "POST", "/api/users", body, &r), 422);
	ASSERT_STR(answer(&r, "error"), "không năm nào có cơ quan mang mã \"sxyz\": thêm cơ quan trước "
	                                "(POST /api/years/{năm}/agencies), rồi mới thêm tài khoản của cơ quan");
	test_response_free(&r);
	ev.lang = "en";
	ASSERT_EQ(test_call(&ev, "POST", "/api/users", body, &r), 422);
	ASSERT_STR(answer(&r, "error"), "no year has an agency of id \"sxyz\": add the agency first "
	                                "(POST /api/years/{year}/agencies), then its account");
	test_response_free(&r);
	ev.lang = NULL;
	/* nothing stored: the name is free for an account of an agency that exists */
	ASSERT_EQ(test_call(&ev, "POST", "/api/users",
	                    "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"sxd\", \"password\": \"mat-khau-dai\"}",
	                    &r), 201);
	ASSERT_STR(r.body, "{\"name\": \"lan\", \"role\": \"agency\", \"agency\": \"sxd\"}\n");
	test_response_free(&r);

	/* the demo's hoidong appraises every agency of 2018, every criterion */
	ASSERT_EQ(test_call(&ev, "GET", "/api/years/2018/assignments", NULL, &r), 200);
	json_value *list = json_parse(r.body, r.len, NULL, 0);
	ASSERT_EQ(json_len(list), TEST_HUE_SO + TEST_HUE_HUYEN);
	{
		static const char first[] = "[{\"user\":\"hoidong\",\"agency\":\"aluoi\",\"group\":null},";
		CU_ASSERT(strncmp(r.body, first, sizeof first - 1) == 0);
	}
	json_free(list);
	test_response_free(&r);
	/* one made through the POST comes back with the POST's keys */
	ASSERT_EQ(test_call(&ev, "POST", "/api/users",
	                    "{\"name\": \"tdv-moi\", \"role\": \"appraiser\", \"password\": \"mat-khau-dai\"}", NULL),
	          201);
	ASSERT_EQ(test_call(&ev, "POST", "/api/years/2018/assignments",
	                    "{\"user\": \"tdv-moi\", \"agency\": \"sct\", \"group\": \"3\"}", NULL), 201);
	ASSERT_EQ(test_call(&ev, "POST", "/api/years/2018/assignments", "{\"user\": \"tdv-moi\", \"group\": \"5\"}",
	                    NULL), 201);
	ASSERT_EQ(test_call(&ev, "GET", "/api/years/2018/assignments", NULL, &r), 200);
	const char *tail = strstr(r.body, "{\"user\":\"tdv-moi\"");
	ASSERT_STR(tail, "{\"user\":\"tdv-moi\",\"agency\":null,\"group\":\"5\"},"
	                 "{\"user\":\"tdv-moi\",\"agency\":\"sct\",\"group\":\"3\"}]");
	test_response_free(&r);
	ASSERT_EQ(test_call(&ev, "GET", "/api/years/2017/assignments", NULL, &r), 404);
	test_response_free(&r);
}

/* One statement on the server's database through a connection of its own (as cchc admin's). */
static void sql(const char *statement)
{
	char path[256];
	sqlite3 *db = NULL;
	snprintf(path, sizeof path, "%s/cchc.sqlite3", data_dir);
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	CU_ASSERT_EQUAL(sqlite3_exec(db, statement, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* An upload refused after its file was stored (here the link refused as a publication at that
 * moment would refuse it) leaves the evidence folder as it was; the same bytes linked elsewhere stay. */
static void test_evidence_refused(void)
{
	test_client c = client_for("sct"), eval = client_for("sonoivu");
	static const char fresh_pdf[] = "%PDF-1.4\n% never linked\n%%EOF\n";
	static const char linked_pdf[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"; /* test_evidence's */
	char evdir[256], before[1 << 14], after[1 << 14], path[256], hash[65];
	test_response r;
	snprintf(evdir, sizeof evdir, "%s/evidence", data_dir);
	test_tree(evdir, before, sizeof before);
	sql("CREATE TRIGGER refuse_links BEFORE INSERT ON evidence_links BEGIN SELECT RAISE(ABORT, 'frozen'); END");
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.2.1&name=moi.pdf",
	                    fresh_pdf, sizeof fresh_pdf - 1, "application/pdf", &r), 409);
	ASSERT_STR(answer(&r, "error"), "năm đã công bố kết quả: không sửa được nữa");
	test_response_free(&r);
	test_tree(evdir, after, sizeof after);
	ASSERT_STR(after, before);
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.2.1&name=lai.pdf",
	                    linked_pdf, sizeof linked_pdf - 1, "application/pdf", &r), 409);
	snprintf(hash, sizeof hash, "%s", answer(&r, "hash")); /* none: refused */
	ASSERT_STR(hash, "(missing)");
	test_response_free(&r);
	test_tree(evdir, after, sizeof after);
	ASSERT_STR(after, before);
	sql("DROP TRIGGER refuse_links");
	/* the file of sct's 1.1.1 is still there for it */
	ASSERT_EQ(test_http(&c, "POST", "/api/years/2018/agencies/sct/evidence?criterion=1.2.1&name=lai.pdf",
	                    linked_pdf, sizeof linked_pdf - 1, "application/pdf", &r), 201);
	snprintf(path, sizeof path, "/api/years/2018/agencies/sct/evidence/%s", answer(&r, "hash"));
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "GET", path, NULL, &r), 200);
	ASSERT_EQ(r.len, sizeof linked_pdf - 1);
	test_response_free(&r);
	test_tree(evdir, after, sizeof after);
	ASSERT_STR(after, before);
}

static void touch(const char *dir, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("x", f);
	fclose(f);
}

/* What is at dir/name without following a link: 'f' file, 'd' folder, 'l' link, '-' nothing. */
static char kind_of(const char *dir, const char *name)
{
	char path[512];
	struct stat sb;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (lstat(path, &sb) != 0)
		return '-';
	return S_ISLNK(sb.st_mode) ? 'l' : S_ISDIR(sb.st_mode) ? 'd' : S_ISREG(sb.st_mode) ? 'f' : '?';
}

/* A server killed mid-download leaves <data>/.download-XXXXXX, mid-upload
 * <data>/evidence/ab/.upload-XXXXXX: the next start removes their regular files and the
 * folders they emptied, never through a link, never what a live server holds, and nothing else. */
static void test_download_leftovers(void)
{
	char d[] = CCHC_TEST_TMP "/leftovers-XXXXXX", p[512], err[512], cmd[600];
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(d));
	snprintf(p, sizeof p, "%s/outside", d);
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, "outside/secret");
	snprintf(p, sizeof p, "%s/.download-Ab3xYz", d); /* a killed download: its file and its temporary */
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, ".download-Ab3xYz/file");
	touch(d, ".download-Ab3xYz/.file.Qx81Ab");
	snprintf(p, sizeof p, "%s/.download-Qq1234", d); /* something else inside: kept, its file gone */
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, ".download-Qq1234/file");
	snprintf(p, sizeof p, "%s/.download-Qq1234/sub", d);
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, ".download-Qq1234/sub/deep");
	snprintf(p, sizeof p, "%s/.download-Qq1234/link", d);
	CU_ASSERT_EQUAL_FATAL(symlink("../outside/secret", p), 0);
	snprintf(p, sizeof p, "%s/.download-Lk9876", d); /* a link of that name: never followed */
	CU_ASSERT_EQUAL_FATAL(symlink("outside", p), 0);
	touch(d, ".download-Zz0000");   /* a file of that name */
	snprintf(p, sizeof p, "%s/.download-toolong1", d); /* not mkdtemp's name */
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, ".download-toolong1/file");
	snprintf(p, sizeof p, "%s/.download-Lv5555", d); /* a live download (another server's): locked */
	CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	touch(d, ".download-Lv5555/file");
	int live = open(p, O_RDONLY | O_DIRECTORY);
	CU_ASSERT_EQUAL_FATAL(flock(live, LOCK_EX), 0);
	/* a killed upload's temporary file in the evidence folder; a live one (locked); look-alikes */
	static const char *const folders[] = {"evidence", "evidence/ab", "evidence/zz"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s/%s", d, folders[i]);
		CU_ASSERT_EQUAL_FATAL(mkdir(p, 0700), 0);
	}
	touch(d, "evidence/ab/.upload-Ab12Cd");
	touch(d, "evidence/ab/.upload-Lv5555");
	touch(d, "evidence/ab/cdef0123");
	touch(d, "evidence/zz/.upload-Ab12Cd");
	snprintf(p, sizeof p, "%s/evidence/ab/.upload-Sy1111", d);
	CU_ASSERT_EQUAL_FATAL(symlink("../../outside/secret", p), 0);
	snprintf(p, sizeof p, "%s/evidence/ab/.upload-Lv5555", d);
	int uploading = open(p, O_RDONLY);
	CU_ASSERT_EQUAL_FATAL(flock(uploading, LOCK_EX), 0);

	srv_server *other = NULL;
	srv_config cfg = {0};
	cfg.data_dir = d;
	cfg.cheap_dummy_hash = 1;
	CU_ASSERT_EQUAL_FATAL(srv_server_start(&other, &cfg, err, sizeof err), 0);
	srv_server_stop(other);
	ASSERT_EQ(kind_of(d, ".download-Ab3xYz"), '-');
	ASSERT_EQ(kind_of(d, ".download-Qq1234"), 'd');
	ASSERT_EQ(kind_of(d, ".download-Qq1234/file"), '-');
	ASSERT_EQ(kind_of(d, ".download-Qq1234/sub/deep"), 'f');
	ASSERT_EQ(kind_of(d, ".download-Qq1234/link"), 'l');
	ASSERT_EQ(kind_of(d, ".download-Lk9876"), 'l');
	ASSERT_EQ(kind_of(d, "outside/secret"), 'f');
	ASSERT_EQ(kind_of(d, ".download-Zz0000"), 'f');
	ASSERT_EQ(kind_of(d, ".download-toolong1/file"), 'f');
	ASSERT_EQ(kind_of(d, ".download-Lv5555/file"), 'f');
	close(live);
	ASSERT_EQ(kind_of(d, "evidence/ab/.upload-Ab12Cd"), '-');
	ASSERT_EQ(kind_of(d, "evidence/ab/.upload-Lv5555"), 'f');
	ASSERT_EQ(kind_of(d, "evidence/ab/.upload-Sy1111"), 'l');
	ASSERT_EQ(kind_of(d, "evidence/ab/cdef0123"), 'f');
	ASSERT_EQ(kind_of(d, "evidence/zz/.upload-Ab12Cd"), 'f');
	close(uploading);
	ASSERT_EQ(kind_of(d, "cchc.sqlite3"), 'f');
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
	ASSERT_EQ(system(cmd), 0);
}

/* The Huế 2018 cycle for skhdt, end to end, then publication and the freeze. */
static void test_cycle(void)
{
	test_client ag = client_for("skhdt"), appr = client_for("hoidong"),
	            eval = client_for("sonoivu"), viewer = client_for("xem");
	const char *base = "/api/years/2018/agencies/skhdt";
	char path[160];
	test_response r;
	ASSERT_STR(total_of(&ag, "skhdt"), "70");

	/* 3.6 achieved (0 → 0,5/0,5): the engine's new total is 70,5 */
	snprintf(path, sizeof path, "%s/items/3.6", base);
	ASSERT_EQ(test_call(&ag, "PUT", path,
	               "{\"met\": \"true\", \"self\": \"0.5\", \"docs\": [{\"ref\": \"Quyết định số "
	               "1234/QĐ-UBND ngày 20/11/2018 thông qua phương án đơn giản hóa TTHC\", "
	               "\"file\": \"evidence/qd-1234.pdf\"}]}",
	               &r), 200);
	ASSERT_STR(answer(&r, "schema"), "cchc-score/1");
	ASSERT_STR(answer(&r, "total"), "70.5");
	test_response_free(&r);
	ASSERT_STR(total_of(&ag, "skhdt"), "70.5");
	long v = item_version(&ag, "skhdt", "3.6");
	CU_ASSERT(v >= 1);

	/* the engine refuses a bad value: 422 with its message, nothing stored */
	ASSERT_EQ(test_call(&ag, "PUT", path, "{\"met\": \"maybe\", \"self\": \"0.5\"}", &r), 422);
	ASSERT_STR(answer(&r, "error"), "bộ tính điểm không nhận hồ sơ, không lưu gì (không khớp với lược đồ (schema): "
	                                ENGINE_MAYBE_LIBXML2 ")");
	test_response_free(&r);
	ag.lang = "en-GB,en;q=0.8";
	ASSERT_EQ(test_call(&ag, "PUT", path, "{\"met\": \"maybe\", \"self\": \"0.5\"}", &r), 422);
	ASSERT_STR(answer(&r, "error"), ENGINE_MAYBE);
	test_response_free(&r);
	ag.lang = NULL;
	ASSERT_EQ(item_version(&ag, "skhdt", "3.6"), v);
	ASSERT_STR(total_of(&ag, "skhdt"), "70.5");
	/* a stale version: 409 */
	char body[200];
	snprintf(body, sizeof body, "{\"met\": \"false\", \"self\": \"0\", \"version\": %ld}", v - 1 > 0 ? v - 1 : v + 5);
	ASSERT_EQ(test_call(&ag, "PUT", path, body, NULL), 409);
	ASSERT_STR(total_of(&ag, "skhdt"), "70.5");

	/* submitted: locked for the agency */
	snprintf(path, sizeof path, "%s/state", base);
	ASSERT_EQ(test_call(&appr, "POST", path, "{\"to\": \"submitted\"}", NULL), 403);
	ASSERT_EQ(test_call(&ag, "POST", path, "{\"to\": \"submitted\"}", &r), 200);
	ASSERT_STR(answer(&r, "state"), "submitted");
	test_response_free(&r);
	snprintf(path, sizeof path, "%s/items/3.6", base);
	ASSERT_EQ(test_call(&ag, "PUT", path, "{\"met\": \"false\"}", NULL), 409);

	/* round 1: the council cuts 3.6 with a reason */
	snprintf(path, sizeof path, "%s/items/3.6/appraisal", base);
	ASSERT_EQ(test_call(&appr, "PUT", path,
	               "{\"round\": 1, \"points\": \"0\", \"reason\": \"Quyết định chưa do UBND tỉnh ban hành\"}",
	               &r), 200);
	ASSERT_STR(answer(&r, "total"), "70");
	test_response_free(&r);
	ASSERT_EQ(test_call(&appr, "PUT", path, "{\"round\": 2, \"points\": \"0.5\"}", NULL), 409);
	snprintf(path, sizeof path, "%s/state", base);
	ASSERT_EQ(test_call(&appr, "POST", path, "{\"to\": \"appraised-1\"}", NULL), 200);
	ASSERT_EQ(test_call(&appr, "POST", path, "{\"to\": \"final\"}", NULL), 403);
	ASSERT_EQ(test_call(&eval, "POST", path, "{\"to\": \"final\"}", NULL), 409);
	ASSERT_EQ(test_call(&eval, "POST", path, "{\"to\": \"explanation\"}", NULL), 200);

	/* the agency explains (only an explanation now) */
	snprintf(path, sizeof path, "%s/items/3.6", base);
	ASSERT_EQ(test_call(&ag, "PUT", path, "{\"met\": \"true\"}", NULL), 409);
	ASSERT_EQ(test_call(&ag, "PUT", path,
	               "{\"explanation\": \"Phương án được UBND tỉnh thông qua tại Quyết định số 1234/QĐ-UBND\"}",
	               &r), 200);
	ASSERT_STR(answer(&r, "total"), "70");
	test_response_free(&r);

	/* round 2 gives the points back */
	snprintf(path, sizeof path, "%s/items/3.6/appraisal", base);
	ASSERT_EQ(test_call(&appr, "PUT", path, "{\"round\": 2, \"points\": \"0.5\", \"reason\": \"Đã bổ sung\"}", &r), 200);
	ASSERT_STR(answer(&r, "total"), "70.5");
	test_response_free(&r);
	snprintf(path, sizeof path, "%s/items/3.6/history", base);
	ASSERT_EQ(test_call(&ag, "GET", path, NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "hoidong"));
	test_response_free(&r);
	snprintf(path, sizeof path, "%s/state", base);
	ASSERT_EQ(test_call(&appr, "POST", path, "{\"to\": \"appraised-2\"}", NULL), 200);
	ASSERT_EQ(test_call(&eval, "POST", path, "{\"to\": \"final\"}", &r), 200);
	ASSERT_STR(answer(&r, "state"), "final");
	test_response_free(&r);

	/* the ranking: the evaluator only, until publication */
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2018/ranking", NULL, NULL), 403);
	ASSERT_EQ(test_call(&eval, "POST", "/api/years/2018/publish", NULL, &r), 200);
	char hash[65];
	snprintf(hash, sizeof hash, "%s", answer(&r, "hash"));
	ASSERT_EQ(strlen(hash), 64);
	test_response_free(&r);
	ASSERT_EQ(test_call(&eval, "POST", "/api/years/2018/publish", NULL, NULL), 409);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years", NULL, &r), 200);
	json_value *years = json_parse(r.body, r.len, NULL, 0);
	ASSERT_EQ(json_bool(json_path(years, "0.published")), 1);
	json_free(years);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, hash));
	test_response_free(&r);
	ASSERT_EQ(test_call(&viewer, "GET", "/api/years/2018/ranking", NULL, &r), 200);
	ASSERT_STR(answer(&r, "schema"), "cchc-rank/1");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"skhdt\""));
	test_response_free(&r);
	ASSERT_STR(total_of(&viewer, "skhdt"), "70.5");

	/* every write after publication: 409 */
	static const struct {
		const char *who, *method, *path, *body;
	} writes[] = {
		{"skhdt", "PUT", "/api/years/2018/agencies/skhdt/items/3.6", "{\"met\": \"false\"}"},
		{"hoidong", "PUT", "/api/years/2018/agencies/skhdt/items/3.6/appraisal", "{\"round\": 2, \"points\": \"0\"}"},
		{"sonoivu", "POST", "/api/years/2018/agencies/skhdt/state", "{\"to\": \"draft\"}"},
		{"skhdt", "POST", "/api/years/2018/agencies/skhdt/evidence?criterion=3.6", "%PDF-1.4"},
		{"sonoivu", "PUT", "/api/years/2018/deadlines", "{\"submitted\": \"2018-12-15\"}"},
		{"sonoivu", "POST", "/api/years/2018/publish", NULL},
	};
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++) {
		test_client w = client_for(writes[i].who);
		ASSERT_EQ(test_call(&w, writes[i].method, writes[i].path, writes[i].body, NULL), 409);
	}
	ASSERT_STR(total_of(&eval, "skhdt"), "70.5");
}

/* A second server on the demo folder, configured by the test; NULL (said) when it does not start. */
static srv_server *second_server(srv_config *cfg)
{
	char err[512];
	srv_server *s2 = NULL;
	cfg->data_dir = data_dir;
	cfg->cheap_dummy_hash = 1;
	if (srv_server_start(&s2, cfg, err, sizeof err) < 0)
		fprintf(stderr, "\n    second server: %s\n", err);
	return s2;
}

/* Under TLS (--tls-cert/--tls-key): the cookie is Secure and HSTS is sent. */
static void test_tls(void)
{
	srv_config cfg = {0};
	char err[512];
	cfg.tls_cert = CCHC_SOURCE_DIR "/tests/data/tls/test-cert.pem";
	cfg.tls_key = CCHC_SOURCE_DIR "/tests/data/tls/test-key.pem";
	srv_server *tls = second_server(&cfg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(tls);
	test_client c = {0};
	c.port = srv_server_port(tls);
	c.ca = cfg.tls_cert;
	test_response r;
	ASSERT_EQ(test_http(&c, "POST", "/api/session", "{\"user\": \"sgddt\", \"password\": \"demo\"}",
	                    37, NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(test_header(&r, "Set-Cookie"), "; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800; Secure"));
	ASSERT_STR(test_header(&r, "Strict-Transport-Security"), "max-age=31536000");
	test_response_free(&r);
	c.ca = NULL; /* plain HTTP to the TLS port: no answer */
	ASSERT_EQ(test_call(&c, "GET", "/api/years", NULL, NULL), 0);
	srv_server_stop(tls);
	/* a key without its certificate, and a file that is not there */
	cfg.tls_cert = NULL;
	ASSERT_EQ(srv_server_start(&tls, &cfg, err, sizeof err), -1);
	ASSERT_STR(err, "--tls-cert and --tls-key go together: give both or neither");
	cfg.tls_cert = "/nonexistent/cert.pem";
	ASSERT_EQ(srv_server_start(&tls, &cfg, err, sizeof err), -1);
	ASSERT_STR(err, "/nonexistent/cert.pem: cannot read the TLS file (No such file or directory): give a readable PEM file");
}

/* A session ends at its expiry; twenty failures from one address (three
 * here) lock the address out, whoever signs in. A second server on the same
 * folder, configured for it. */
static void test_expiry_and_address_lockout(void)
{
	srv_config cfg = {0};
	cfg.session_seconds = 3; /* whole seconds: one second could end a few ms after the sign-in */
	cfg.ip_failures = 3;
	srv_server *s2 = second_server(&cfg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s2);
	test_client c = {0};
	test_response r;
	c.port = srv_server_port(s2);
	ASSERT_EQ(test_login(&c, "sgddt", "demo"), 200);
	ASSERT_EQ(test_call(&c, "GET", "/api/session", NULL, NULL), 200);
	struct timespec t = {3, 100000000};
	nanosleep(&t, NULL);
	ASSERT_EQ(test_call(&c, "GET", "/api/session", NULL, NULL), 401);
	ASSERT_EQ(test_login(&c, "sgddt", "sai"), 401);
	ASSERT_EQ(test_login(&c, "sct", "sai"), 401);
	ASSERT_EQ(test_login(&c, "khong-co", "sai"), 401);
	ASSERT_EQ(test_http(&c, "POST", "/api/session", "{\"user\": \"sngv\", \"password\": \"demo\"}",
	                    36, NULL, &r), 429);
	ASSERT_STR(test_header(&r, "Retry-After"), "30");
	test_response_free(&r);
	srv_server_stop(s2);
}

/* Five failures lock the user out, even with the right password. */
static void test_throttling(void)
{
	test_client c = client_for(NULL);
	test_response r;
	for (int i = 0; i < 5; i++)
		ASSERT_EQ(test_login(&c, "bqlkkt", "sai"), 401);
	ASSERT_EQ(test_http(&c, "POST", "/api/session", "{\"user\": \"bqlkkt\", \"password\": \"demo\"}",
	                    38, NULL, &r), 429);
	ASSERT_STR(test_header(&r, "Retry-After"), "30");
	ASSERT_STR(answer(&r, "error"), "đăng nhập sai quá nhiều lần: thử lại sau 30 giây");
	test_response_free(&r);
	/* another user from the same address is not locked */
	ASSERT_EQ(test_login(&c, "sgddt", "demo"), 200);
	/* and it is all in the audit log */
	test_client eval = client_for("sonoivu");
	ASSERT_EQ(test_call(&eval, "GET", "/api/audit", NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "locked"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "refused 403"));
	test_response_free(&r);
}

/* cchc serve's usage errors: exit 2, the message, nothing served. */
static void test_serve_usage(void)
{
	static const struct {
		const char *args, *err;
	} cases[] = {
		{"serve", "cchc serve: give --data DIR, or --demo (not both)\n"},
		{"serve --demo --data /tmp/x", "cchc serve: give --data DIR, or --demo (not both)\n"},
		{"serve --demo --listen 0.0.0.0:8080",
		 "cchc serve: --demo listens on loopback only (127.0.0.1 or ::1), not on 0.0.0.0: its "
		 "passwords are public\n"},
		{"serve --demo --listen localhost:8080",
		 "cchc serve: --demo listens on loopback only (127.0.0.1 or ::1), not on localhost: its "
		 "passwords are public\n"},
		{"serve --data /tmp/x --listen 8080",
		 "cchc serve: --listen wants HOST:PORT with a numeric address, such as 127.0.0.1:8080 or "
		 "[::1]:8080, not '8080'\n"},
		{"serve --data /tmp/x --listen 127.0.0.1:99999",
		 "cchc serve: --listen wants HOST:PORT with a numeric address, such as 127.0.0.1:8080 or "
		 "[::1]:8080, not '127.0.0.1:99999'\n"},
		{"serve --data /tmp/x --threads 0",
		 "cchc serve: --threads wants a number from 1 to 1024, not '0'\n"},
		{"serve --demo --tls-cert a.pem --tls-key b.pem",
		 "cchc serve: --demo serves loopback only: it takes no TLS files\n"},
		{"serve --bogus", "cchc serve: unknown option --bogus\n"},
		{"serve --data /tmp/x --sync always", "cchc serve: --sync takes normal or full, not 'always'\n"},
	};
	char out[4096], err[4096], want[512];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ASSERT_EQ(test_run_cli(CCHC_CLI, cases[i].args, CCHC_TEST_TMP "/serve-usage", out,
		                       sizeof out, err, sizeof err), 2);
		snprintf(want, sizeof want, "%sTry 'cchc serve --help'.\n", cases[i].err);
		ASSERT_STR(err, want);
		ASSERT_STR(out, "");
	}
	/* a data folder that cannot be made: 1, saying which */
	ASSERT_EQ(test_run_cli(CCHC_CLI, "serve --data /proc/cchc-no --listen 127.0.0.1:0",
	                       CCHC_TEST_TMP "/serve-usage", out, sizeof out, err, sizeof err), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "/proc/cchc-no"));
}

/* cchc serve --demo on port 0: serves the demo, stops on SIGTERM with exit 0
 * and removes its folder. */
static void test_serve_demo(void)
{
	const char *out_path = CCHC_TEST_TMP "/serve-demo.stdout", *pid_path = CCHC_TEST_TMP "/serve-demo.pid";
	char cmd[1024], out[4096] = "", dir[256] = "";
	snprintf(cmd, sizeof cmd, "'%s' serve --demo --sync full --listen 127.0.0.1:0 >'%s' 2>'%s.err' & echo $! >'%s'",
	         CCHC_CLI, out_path, out_path, pid_path);
	ASSERT_EQ(system(cmd), 0);
	unsigned port = 0;
	for (int i = 0; i < 200 && !port; i++) {
		struct timespec t = {0, 50000000};
		nanosleep(&t, NULL);
		test_slurp(out_path, out, sizeof out);
		const char *l = strstr(out, "listening on http://127.0.0.1:");
		if (l)
			port = (unsigned)atoi(l + 30);
	}
	test_slurp(pid_path, cmd, sizeof cmd);
	long pid = atol(cmd);
	CU_ASSERT_FATAL(port > 0 && pid > 0);
	ASSERT_EQ(sscanf(out, "Demo data folder (removed when the server stops): %255s", dir), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "  skhdt     agency: Sở Kế hoạch và Đầu tư\n"));
	test_client c = {0};
	c.port = port;
	ASSERT_EQ(test_login(&c, "skhdt", "demo"), 200);
	ASSERT_STR(total_of(&c, "skhdt"), "70");
	ASSERT_EQ(kill((pid_t)pid, SIGTERM), 0);
	int gone = 0;
	for (int i = 0; i < 200 && !gone; i++) {
		struct timespec t = {0, 50000000};
		nanosleep(&t, NULL);
		gone = kill((pid_t)pid, 0) != 0;
	}
	CU_ASSERT(gone);
	char err[512];
	snprintf(cmd, sizeof cmd, "%s.err", out_path);
	test_slurp(cmd, err, sizeof err);
	ASSERT_STR(err, "cchc serve: stopped (SIGTERM)\n");
	struct stat st;
	CU_ASSERT(stat(dir, &st) != 0); /* the demo folder is gone */
	remove(out_path);
	remove(cmd);
	remove(pid_path);
}

static int start(void)
{
	char err[512];
	if (!mkdtemp(data_dir))
		return -1;
	if (srv_demo_create(data_dir, CCHC_SOURCE_DIR, srv_password_hash_demo, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "demo: %s\n", err);
		return -1;
	}
	/* a viewer and an appraiser assigned to nothing, for the matrix */
	srv_store *st = NULL;
	char hash[128];
	if (srv_store_open(&st, data_dir, err, sizeof err) != STORE_OK ||
	    srv_password_hash_demo(hash, "demo") < 0 ||
	    srv_user_add(st, "xem", ROLE_VIEWER, NULL, hash) != STORE_OK ||
	    srv_user_add(st, "tdv-khac", ROLE_APPRAISER, NULL, hash) != STORE_OK) {
		fprintf(stderr, "users: %s\n", st ? srv_store_errmsg(st) : err);
		srv_store_close(st);
		return -1;
	}
	srv_store_close(st);
	srv_config cfg = {0};
	cfg.data_dir = data_dir;
	cfg.cheap_dummy_hash = 1;
	if (srv_server_start(&server, &cfg, err, sizeof err) < 0) {
		fprintf(stderr, "start: %s\n", err);
		return -1;
	}
	return 0;
}

int main(void)
{
	static const test_case tests[] = {
		{"sessions: sign in, cookie flags, CSRF on sign-out, 401", test_session},
		{"security headers on every answer, 404, 405 with Allow", test_headers_and_methods},
		{"paths: traversal and odd segments are 400/404", test_paths},
		{"CSRF missing or wrong: 403; oversize body: 413; bad JSON: 400", test_csrf_and_caps},
		{"the authorisation matrix: route x role x own/other agency", test_authorisation_matrix},
		{"two appraisers on one version: the second gets 409", test_concurrency},
		{"writes from outside (an item, a criteria set) show in the very next answer", test_outside_writes},
		{"survey results by the evaluator, checked and scored by the engine", test_survey},
		{"evidence: upload, type by content, attachment, caps", test_evidence},
		{"evidence: a refused upload leaves the folder as it was", test_evidence_refused},
		{"management: an agency account of an agency no year holds (422); the assignments", test_management},
		{"the Huế 2018 cycle of skhdt to publication, then 409", test_cycle},
		{"TLS: Secure cookie and HSTS; TLS files refused with a message", test_tls},
		{"a session expires; an address is locked out after its failures", test_expiry_and_address_lockout},
		{"login throttling and the audit log", test_throttling},
		{"cchc serve: usage errors (exit 2), a folder it cannot make (1)", test_serve_usage},
		{"at start: a killed download's and upload's leftovers go, never through a link", test_download_leftovers},
		{"cchc serve --demo: serves, stops on SIGTERM, removes its folder", test_serve_demo},
		{NULL, NULL},
	};
	curl_global_init(CURL_GLOBAL_DEFAULT);
	setenv("LANGUAGE", "en", 1); /* the tool's messages in English, as asserted */
	setenv("LC_ALL", "C.UTF-8", 1);
	if (start() < 0) {
		srv_server_stop(server);
		return 1;
	}
	int rc = test_run_suite("server", tests);
	srv_server_stop(server);
	char cmd[sizeof data_dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", data_dir);
	if (system(cmd) != 0)
		rc = 1;
	curl_global_cleanup();
	return rc;
}
