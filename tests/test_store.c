/* The server's store (server/store.h): migrations, the assessment round
 * trip through the database (scored by libcchc exactly as the original),
 * versions and conflicts, the publication freeze, evidence, backup,
 * concurrent writers and kill -9 in the middle of a burst of writes. */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, kill */
#include "testutil.h"

#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cchc/report.h"
#include "store.h"

#define YEAR 2018
/* a cheap stand-in for an Argon2id string: the store keeps what it is given */
#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA"

static char dir[96];
static srv_store *st;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* A fresh data folder (and store) for each test: in memory when /dev/shm is
 * there, since a process killed loses nothing the kernel holds, and the
 * suite stays fast (about 5 ms per fsync on a disk). */
static void fresh(void)
{
	char err[512] = "";
	struct stat sb;

	strcpy(dir, stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) ? "/dev/shm/cchc-store-XXXXXX"
	                                                              : "/tmp/cchc-store-XXXXXX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, dir, err, sizeof err), STORE_OK);
}

static void done(void)
{
	srv_store_close(st);
	st = NULL;
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *slurp(const char *relative, size_t *len)
{
	char *data = test_read_file(test_path(relative), len);

	CU_ASSERT_PTR_NOT_NULL_FATAL(data);
	return data;
}

/* Year 2018 with both Huế criteria sets. */
static void year_with_criteria(void)
{
	static const char *const sets[][3] = {{"criteria/hue-so-2018.xml", "so-nganh", "hue-so-2018"},
	                                      {"criteria/hue-huyen-2018.xml", "huyen", "hue-huyen-2018"}};
	size_t i, len;

	CU_ASSERT_EQUAL_FATAL(srv_year_add(st, YEAR), STORE_OK);
	for (i = 0; i < 2; i++) {
		char *xml = slurp(sets[i][0], &len);
		CU_ASSERT_EQUAL(srv_criteria_put(st, YEAR, sets[i][1], sets[i][2], xml, len), STORE_OK);
		free(xml);
	}
}

/* SQL on the database file itself, the first column of the first row as an int. */
static int sql_int(const char *sql)
{
	char path[128];
	sqlite3 *db;
	sqlite3_stmt *q;
	int v = -1;

	snprintf(path, sizeof path, "%s/cchc.sqlite3", dir);
	CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

static void test_migrations(void)
{
	char err[512] = "", expected[512];

	fresh();
	CU_ASSERT_EQUAL(sql_int("PRAGMA user_version"), srv_store_schema_version());
	CU_ASSERT_EQUAL(sql_int("PRAGMA foreign_keys"), 0); /* per connection: the store's own are on */
	CU_ASSERT_EQUAL(srv_year_add(st, YEAR), STORE_OK);
	CU_ASSERT_EQUAL(srv_year_add(st, YEAR), STORE_CONFLICT);
	srv_store_close(st);
	/* reopened: nothing migrated twice, the data there */
	CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, dir, err, sizeof err), STORE_OK);
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM years"), 1);
	srv_store_close(st);
	st = NULL;
	/* a database from a newer cchc is refused, untouched */
	CU_ASSERT_EQUAL(sql_int("PRAGMA user_version = 99"), -1);
	CU_ASSERT_EQUAL(sql_int("PRAGMA user_version"), 99);
	CU_ASSERT_EQUAL(srv_store_open(&st, dir, err, sizeof err), STORE_INVALID);
	CU_ASSERT_PTR_NULL(st);
	snprintf(expected, sizeof expected,
	         "%s/cchc.sqlite3: the database is at schema version 99, newer than this cchc knows (%d): "
	         "run a newer cchc, or restore a backup made with this one",
	         dir, srv_store_schema_version());
	CU_ASSERT_STRING_EQUAL(err, expected);
	CU_ASSERT_EQUAL(sql_int("PRAGMA user_version"), 99);
	/* eight processes opening one fresh folder at once: one migrates, all
	 * open (the switch to WAL and the migrations wait for each other), ten
	 * times over */
	{
		char fresh_dir[sizeof dir + 16];
		pid_t pids[8];
		int i, round, status;
		for (round = 0; round < 10; round++) {
			snprintf(fresh_dir, sizeof fresh_dir, "%s/race%d", dir, round);
			for (i = 0; i < 8; i++)
				if ((pids[i] = fork()) == 0) {
					srv_store *child = NULL;
					int rc = srv_store_open(&child, fresh_dir, err, sizeof err);
					if (rc != STORE_OK)
						fprintf(stderr, "%s\n", err);
					srv_store_close(child);
					_exit(rc == STORE_OK ? 0 : 1);
				}
			for (i = 0; i < 8; i++) {
				CU_ASSERT_EQUAL(waitpid(pids[i], &status, 0), pids[i]);
				CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
			}
		}
	}
	done();
}

/* cchc score --format json of one document against the Huế sets (malloc'd). */
static char *score_json(cchc_criteria *const *sets, const char *xml, size_t len)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_assessment *a = NULL;
	cchc_score *sc = NULL;
	cchc_buf out;
	char *json;

	cchc_buf_init(&out, 0);
	if (cchc_assessment_load_memory(&a, (const cchc_criteria *const *)sets, 2, xml, len, "a.xml", diag) != 0)
		fprintf(stderr, "%s\n", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&sc, a), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_render_score_json(&out, sc, CCHC_LANG_VI), 0);
	json = strdup(out.data);
	cchc_buf_dispose(&out);
	cchc_score_free(sc);
	cchc_assessment_free(a);
	cchc_diag_free(diag);
	return json;
}

/* Every sample, in one import (the year's criteria sets loaded once). */
static void import_samples(void)
{
	char paths[TEST_HUE_SO + TEST_HUE_HUYEN][160], err[512] = "";
	const char *list[TEST_HUE_SO + TEST_HUE_HUYEN];
	size_t i;

	for (i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++) {
		if (i < TEST_HUE_SO)
			snprintf(paths[i], sizeof paths[i], "%s/samples/hue-2018/so/%s.xml", CCHC_SOURCE_DIR, test_hue_so_ids[i]);
		else
			snprintf(paths[i], sizeof paths[i], "%s/samples/hue-2018/huyen/%s.xml", CCHC_SOURCE_DIR,
			         test_hue_huyen_ids[i - TEST_HUE_SO]);
		list[i] = paths[i];
	}
	CU_ASSERT_EQUAL(srv_import_files(st, YEAR, list, TEST_HUE_SO + TEST_HUE_HUYEN, "admin", err, sizeof err), STORE_OK);
	CU_ASSERT_STRING_EQUAL(err, "");
}

/* Every sample: imported, rebuilt, scored: the same JSON to the byte. */
static void test_round_trip(void)
{
	cchc_criteria *sets[2] = {NULL, NULL};
	char path[128];
	size_t i, len;

	fresh();
	year_with_criteria();
	import_samples();
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&sets[0], test_path("criteria/hue-so-2018.xml"), NULL), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&sets[1], test_path("criteria/hue-huyen-2018.xml"), NULL), 0);
	for (i = 0; i < TEST_HUE_SO + TEST_HUE_HUYEN; i++) {
		const char *id = i < TEST_HUE_SO ? test_hue_so_ids[i] : test_hue_huyen_ids[i - TEST_HUE_SO];
		char *xml, *direct, *rebuilt;
		cchc_buf out;
		snprintf(path, sizeof path, "samples/hue-2018/%s/%s.xml", i < TEST_HUE_SO ? "so" : "huyen", id);
		xml = slurp(path, &len);
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL_FATAL(srv_assessment_xml(st, YEAR, id, &out), STORE_OK);
		direct = score_json(sets, xml, len);
		rebuilt = score_json(sets, out.data, out.len);
		CU_ASSERT_STRING_EQUAL(rebuilt, direct);
		if (strcmp(rebuilt, direct) != 0)
			fprintf(stderr, "%s differs after the round trip\n", id);
		free(direct);
		free(rebuilt);
		free(xml);
		cchc_buf_dispose(&out);
	}
	/* the skhdt sample's <published> figures and appraisal rounds came along */
	{
		cchc_buf out;
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL(srv_assessment_xml(st, YEAR, "skhdt", &out), STORE_OK);
		CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "<published "));
		CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "<appraisal criterion="));
		cchc_buf_dispose(&out);
	}
	/* what XML must escape comes back as given: a note with &, <, >, quotes, a tab and a line end */
	{
		cchc_buf out;
		long v;
		char *json;
		CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1",
		                             "{\"date\":\"2018-03-20\",\"self\":\"1\",\"note\":\"a & b < c > d\\t\\\"q\\\"\\nx\"}",
		                             0, "bdt", &v), STORE_OK);
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL(srv_assessment_xml(st, YEAR, "bdt", &out), STORE_OK);
		CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "<item criterion=\"1.1.1\" date=\"2018-03-20\" self=\"1\" "
		                                        "note=\"a &amp; b &lt; c &gt; d&#9;&quot;q&quot;&#10;x\"/>"));
		json = score_json(sets, out.data, out.len);
		CU_ASSERT_PTR_NOT_NULL(strstr(json, "trễ 48 ngày so với hạn 31/01/2018 — a & b < c > d\\t\\\"q\\\"\\nx\","));
		free(json);
		cchc_buf_dispose(&out);
	}
	cchc_criteria_free(sets[0]);
	cchc_criteria_free(sets[1]);
	done();
}

/* A bundle (<assessments>) of two samples: both stored, each rebuilt as scored before. */
static void test_bundle(void)
{
	static const char *const ids[] = {"bdt", "skhdt"};
	cchc_criteria *sets[2] = {NULL, NULL};
	cchc_buf bundle;
	char err[512] = "", path[128];
	size_t i, len;

	fresh();
	year_with_criteria();
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&sets[0], test_path("criteria/hue-so-2018.xml"), NULL), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&sets[1], test_path("criteria/hue-huyen-2018.xml"), NULL), 0);
	cchc_buf_init(&bundle, 0);
	cchc_buf_puts(&bundle, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessments xmlns=\"urn:cchc:assessment:1\">\n");
	for (i = 0; i < 2; i++) {
		char *xml, *root;
		snprintf(path, sizeof path, "samples/hue-2018/so/%s.xml", ids[i]);
		xml = slurp(path, &len);
		root = strstr(xml, "<assessment ");
		CU_ASSERT_PTR_NOT_NULL_FATAL(root);
		cchc_buf_puts(&bundle, root);
		free(xml);
	}
	cchc_buf_puts(&bundle, "</assessments>\n");
	CU_ASSERT_EQUAL(srv_import_xml(st, YEAR, bundle.data, bundle.len, "bundle.xml", "admin", err, sizeof err), STORE_OK);
	CU_ASSERT_STRING_EQUAL(err, "");
	for (i = 0; i < 2; i++) {
		char *xml, *direct, *rebuilt;
		cchc_buf out;
		snprintf(path, sizeof path, "samples/hue-2018/so/%s.xml", ids[i]);
		xml = slurp(path, &len);
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL(srv_assessment_xml(st, YEAR, ids[i], &out), STORE_OK);
		direct = score_json(sets, xml, len);
		rebuilt = score_json(sets, out.data, out.len);
		CU_ASSERT_STRING_EQUAL(rebuilt, direct);
		free(direct);
		free(rebuilt);
		free(xml);
		cchc_buf_dispose(&out);
	}
	/* the second member bad: the first is not stored again either, the message names the line */
	{
		char *bad = strstr(bundle.data, "<agency id=\"skhdt\"");
		long v = 0;
		CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
		bad = strstr(bad, "criterion=\"1.1.2\"");
		CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
		memcpy(bad, "criterion=\"9.9.9\"", 17);
		CU_ASSERT_EQUAL(srv_import_xml(st, YEAR, bundle.data, bundle.len, "bundle.xml", "admin", err, sizeof err),
		                STORE_INVALID);
		CU_ASSERT_STRING_EQUAL(err, "bundle.xml:272: <item>: criterion \"9.9.9\" is not in criteria set "
		                            "\"hue-so-2018\": use an id from hue-so-2018");
		CU_ASSERT_EQUAL(srv_item_version(st, YEAR, "bdt", "1.1.1", &v), STORE_OK);
		CU_ASSERT_EQUAL(v, 1);
	}
	cchc_buf_dispose(&bundle);
	cchc_criteria_free(sets[0]);
	cchc_criteria_free(sets[1]);
	done();
}

/* One agency, bdt, in 2018. */
static void one_agency(void)
{
	year_with_criteria();
	CU_ASSERT_EQUAL_FATAL(srv_agency_add(st, YEAR, "bdt", "Ban Dân tộc", "so-nganh", NULL), STORE_OK);
}

static size_t count(const char *haystack, const char *needle)
{
	size_t n = 0;

	for (; (haystack = strstr(haystack, needle)); haystack++)
		n++;
	return n;
}

static void test_versions(void)
{
	long v = 0, va = 0, vb = 0;
	cchc_buf h;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-01-20\",\"self\":\"1\"}", 0, "bdt", &v),
	                STORE_OK);
	CU_ASSERT_EQUAL(v, 1);
	/* two writers both saw version 1: the first wins, the second is told, nothing of it written */
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-01-25\"}", 1, "a", &va), STORE_OK);
	CU_ASSERT_EQUAL(va, 2);
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-03-01\"}", 1, "b", &vb), STORE_CONFLICT);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st),
	                       "criterion 1.1.1 of bdt was changed meanwhile (version 2, yours 1): reload it and save again");
	cchc_buf_init(&h, 0);
	CU_ASSERT_EQUAL(srv_item_history_json(st, YEAR, "bdt", "1.1.1", &h), STORE_OK);
	CU_ASSERT_EQUAL(count(h.data, "\"version\":"), 2);
	CU_ASSERT_EQUAL(count(h.data, "\"by\":\"a\""), 1);
	CU_ASSERT_EQUAL(count(h.data, "\"by\":\"b\""), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(h.data, "\"old\":{\"date\":\"2018-01-20\",\"self\":\"1\"},\"new\":{\"date\":\"2018-01-25\"}"));
	cchc_buf_dispose(&h);
	/* appraisal rounds and explanations share the item's version */
	CU_ASSERT_EQUAL(srv_appraisal_put(st, YEAR, "bdt", "1.1.1", 1, "0.5", "chậm", "hoidong", 2, &v), STORE_OK);
	CU_ASSERT_EQUAL(v, 3);
	CU_ASSERT_EQUAL(srv_explanation_put(st, YEAR, "bdt", "1.1.1", "Đã bổ sung", "bdt", 2, &v), STORE_CONFLICT);
	CU_ASSERT_EQUAL(srv_explanation_put(st, YEAR, "bdt", "1.1.1", "Đã bổ sung", "bdt", 3, &v), STORE_OK);
	CU_ASSERT_EQUAL(v, 4);
	cchc_buf_init(&h, 0);
	CU_ASSERT_EQUAL(srv_items_json(st, YEAR, "bdt", &h), STORE_OK);
	CU_ASSERT_STRING_EQUAL(h.data,
	                       "[{\"criterion\":\"1.1.1\",\"version\":4,\"item\":{\"date\":\"2018-01-25\"},\"survey\":null,"
	                       "\"explanation\":\"Đã bổ sung\",\"appraisals\":[{\"round\":\"1\",\"points\":\"0.5\","
	                       "\"by\":\"hoidong\",\"reason\":\"chậm\"}],\"evidence\":[]}]");
	cchc_buf_dispose(&h);
	/* bad input: refused with the field named */
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.2", "{\"grade\":{}}", 0, "bdt", &v), STORE_INVALID);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "criterion 1.1.2: grade: give a string, a number or true/false");
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "nobody", "1.1.2", "{}", 0, "bdt", &v), STORE_NOTFOUND);
	done();
}

static void test_cycle(void)
{
	cchc_buf out;
	srv_agency a;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL(srv_deadline_set(st, YEAR, "submitted", "2018-12-15"), STORE_OK);
	CU_ASSERT_EQUAL(srv_deadline_set(st, YEAR, "submitted", "2018-02-30"), STORE_INVALID);
	CU_ASSERT_EQUAL(srv_state_set(st, YEAR, "bdt", "draft", "submitted", "bdt"), STORE_OK);
	CU_ASSERT_EQUAL(srv_state_set(st, YEAR, "bdt", "draft", "submitted", "bdt"), STORE_CONFLICT);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "the agency bdt is not in the state draft");
	CU_ASSERT_EQUAL(srv_agency_get(st, YEAR, "bdt", &a), STORE_OK);
	CU_ASSERT_STRING_EQUAL(a.state, "submitted");
	CU_ASSERT_EQUAL(a.late, 1); /* today is after 2018-12-15 */
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(srv_deadlines_json(st, YEAR, &out), STORE_OK);
	CU_ASSERT_STRING_EQUAL(out.data, "{\"submitted\":\"2018-12-15\"}");
	cchc_buf_dispose(&out);
	/* users, sessions, assignments */
	CU_ASSERT_EQUAL(srv_user_add(st, "hoidong", ROLE_APPRAISER, NULL, HASH), STORE_OK);
	CU_ASSERT_EQUAL(srv_user_add(st, "hoidong", ROLE_APPRAISER, NULL, HASH), STORE_CONFLICT);
	CU_ASSERT_EQUAL(srv_user_add(st, "x/y", ROLE_VIEWER, NULL, HASH), STORE_INVALID);
	/* an agency account: of an agency some year holds */
	CU_ASSERT_EQUAL(srv_agency_known(st, "bdt"), 1);
	CU_ASSERT_EQUAL(srv_agency_known(st, "sxyz"), 0);
	CU_ASSERT_EQUAL(srv_user_add(st, "lan", ROLE_AGENCY, "sxyz", HASH), STORE_NOTFOUND);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "user lan: no year has an agency sxyz: add the agency first");
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM users WHERE name = 'lan'"), 0);
	CU_ASSERT_EQUAL(srv_user_add(st, "lan", ROLE_AGENCY, "bdt", HASH), STORE_OK);
	CU_ASSERT_EQUAL(srv_assign(st, "hoidong", YEAR, "bdt", "3"), STORE_OK);
	CU_ASSERT_EQUAL(srv_assign(st, "nobody", YEAR, "bdt", NULL), STORE_NOTFOUND);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "no user nobody");
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "bdt", "3.1.2"), 1);
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "bdt", "31.1"), 0);
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "bdt", NULL), 1);
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "sct", NULL), 0);
	/* the year's assignments as a list; "" (all) as null */
	CU_ASSERT_EQUAL(srv_assign(st, "hoidong", YEAR, NULL, "5"), STORE_OK);
	CU_ASSERT_EQUAL(srv_assign(st, "hoidong", YEAR, NULL, "5"), STORE_OK); /* once */
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(srv_assignments_json(st, YEAR, &out), STORE_OK);
	CU_ASSERT_STRING_EQUAL(out.data, "[{\"user\":\"hoidong\",\"agency\":null,\"group\":\"5\"},"
	                                 "{\"user\":\"hoidong\",\"agency\":\"bdt\",\"group\":\"3\"}]");
	cchc_buf_dispose(&out);
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(srv_assignments_json(st, YEAR + 1, &out), STORE_OK);
	CU_ASSERT_STRING_EQUAL(out.data, "[]");
	cchc_buf_dispose(&out);
	{
		unsigned char tok[32] = {1, 2, 3};
		srv_user u;
		char csrf[65];
		CU_ASSERT_EQUAL(srv_session_put(st, tok, "hoidong", "c5rf", 1000), STORE_OK);
		CU_ASSERT_EQUAL(srv_session_get(st, tok, &u, csrf, 999), STORE_OK);
		CU_ASSERT_STRING_EQUAL(u.name, "hoidong");
		CU_ASSERT_EQUAL(u.role, ROLE_APPRAISER);
		CU_ASSERT_STRING_EQUAL(csrf, "c5rf");
		CU_ASSERT_EQUAL(srv_session_get(st, tok, &u, csrf, 1000), STORE_NOTFOUND); /* expired, and gone */
		CU_ASSERT_EQUAL(srv_session_get(st, tok, &u, csrf, 999), STORE_NOTFOUND);
		/* one left behind expired (by the clock) goes when the next one comes */
		CU_ASSERT_EQUAL(srv_session_put(st, tok, "hoidong", "c5rf", 1000), STORE_OK);
		tok[0] = 9;
		CU_ASSERT_EQUAL(srv_session_put(st, tok, "hoidong", "c5rf", 4102444800LL), STORE_OK); /* 2100 */
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM sessions"), 1);
		CU_ASSERT_EQUAL(srv_session_delete(st, tok), STORE_OK);
		CU_ASSERT_EQUAL(srv_session_get(st, tok, &u, csrf, 999), STORE_NOTFOUND);
	}
	CU_ASSERT_EQUAL(srv_audit(st, "hoidong", "127.0.0.1", "login", NULL, "ok"), STORE_OK);
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(srv_audit_json(st, 0, &out), STORE_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"user\":\"hoidong\",\"ip\":\"127.0.0.1\",\"action\":\"login\","
	                                        "\"target\":null,\"outcome\":\"ok\"}]"));
	cchc_buf_dispose(&out);
	/* a long log comes 1000 entries at a time, from the last id seen */
	{
		sql_int("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)"
		        " INSERT INTO audit(at, user, ip, action, target, outcome)"
		        " SELECT '2018-12-01T00:00:00Z', 'x', '127.0.0.1', 'refused', '/api/audit', '403' FROM n");
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL(srv_audit_json(st, 0, &out), STORE_OK);
		CU_ASSERT_EQUAL(count(out.data, "\"id\":"), 1000);
		CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "{\"id\":1000,"));
		cchc_buf_dispose(&out);
		cchc_buf_init(&out, 0);
		CU_ASSERT_EQUAL(srv_audit_json(st, 1000, &out), STORE_OK);
		CU_ASSERT_EQUAL(count(out.data, "\"id\":"), 201);
		cchc_buf_dispose(&out);
	}
	done();
}

static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n";

/* After publication every write to the year is refused by the store itself. */
static void test_frozen(void)
{
	char hash[65], type[32], err[512];
	static const char h64[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	long v = 0;
	size_t len;
	char *xml;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL(srv_user_add(st, "hoidong", ROLE_APPRAISER, NULL, HASH), STORE_OK);
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-01-20\"}", 0, "bdt", &v), STORE_OK);
	CU_ASSERT_EQUAL(srv_evidence_put(st, pdf, sizeof pdf - 1, hash, type), STORE_OK);
	CU_ASSERT_EQUAL(srv_publish(st, YEAR, h64, "sonoivu"), STORE_OK);
	CU_ASSERT_EQUAL(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-01-21\"}", 0, "bdt", &v), STORE_FROZEN);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "the year 2018 is published and can no longer change");
	CU_ASSERT_EQUAL(srv_survey_put(st, YEAR, "bdt", "9.1", "{\"respondents\":\"4\"}", 0, "bdt", &v), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_appraisal_put(st, YEAR, "bdt", "1.1.1", 1, "0", NULL, "hoidong", 0, &v), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_explanation_put(st, YEAR, "bdt", "1.1.1", "x", "bdt", 0, &v), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_criteria_put(st, YEAR, "so-nganh", "hue-so-2018", "<x/>", 4), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_agency_add(st, YEAR, "sct", "Sở Công Thương", "so-nganh", NULL), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_assign(st, "hoidong", YEAR, NULL, NULL), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_state_set(st, YEAR, "bdt", "draft", "submitted", "bdt"), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_deadline_set(st, YEAR, "final", "2019-01-31"), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_publish(st, YEAR, h64, "sonoivu"), STORE_FROZEN);
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "bdt", "1.1.1", hash, "kh.pdf", "bdt"), STORE_FROZEN);
	xml = slurp("samples/hue-2018/so/bdt.xml", &len);
	CU_ASSERT_EQUAL(srv_import_assessment_xml(st, YEAR, xml, len, "admin", err, sizeof err), STORE_FROZEN);
	free(xml);
	/* the schema's triggers refuse it too, whatever code writes */
	CU_ASSERT_EQUAL(sql_int("UPDATE items SET version = 9"), -1);
	CU_ASSERT_EQUAL(sql_int("SELECT version FROM items"), 1);
	{
		int published = 0;
		char h[65];
		CU_ASSERT_EQUAL(srv_year_state(st, YEAR, &published, h), STORE_OK);
		CU_ASSERT_EQUAL(published, 1);
		CU_ASSERT_STRING_EQUAL(h, h64);
	}
	done();
}

/* A zip holding the named entries (stored, empty): enough for the sniffer. */
static size_t make_zip(unsigned char *out, const char *const *names, size_t n)
{
	size_t pos = 0, cd, i, offs[8];

	for (i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		offs[i] = pos;
		memset(out + pos, 0, 30);
		memcpy(out + pos, "PK\3\4", 4);
		out[pos + 26] = (unsigned char)l;
		memcpy(out + pos + 30, names[i], l);
		pos += 30 + l;
	}
	cd = pos;
	for (i = 0; i < n; i++) {
		size_t l = strlen(names[i]);
		memset(out + pos, 0, 46);
		memcpy(out + pos, "PK\1\2", 4);
		out[pos + 28] = (unsigned char)l;
		out[pos + 42] = (unsigned char)offs[i];
		memcpy(out + pos + 46, names[i], l);
		pos += 46 + l;
	}
	memset(out + pos, 0, 22);
	memcpy(out + pos, "PK\5\6", 4);
	out[pos + 8] = out[pos + 10] = (unsigned char)n;
	out[pos + 12] = (unsigned char)(pos - cd);
	out[pos + 16] = (unsigned char)cd;
	return pos + 22;
}

static void test_evidence(void)
{
	static const char h0[] = "0000000000000000000000000000000000000000000000000000000000000000";
	static const char *const docx[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml"};
	static const char *const plain_zip[] = {"a.txt", "word/document.xml"};
	char hash[65], hash2[65], type[32], fname[256], path[256], back[64];
	unsigned char zip[512];
	struct stat sb;
	size_t len, n;
	int fd;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL(srv_evidence_put(st, pdf, sizeof pdf - 1, hash, type), STORE_OK);
	CU_ASSERT_STRING_EQUAL(type, "pdf");
	CU_ASSERT_EQUAL(srv_evidence_put(st, pdf, sizeof pdf - 1, hash2, type), STORE_OK);
	CU_ASSERT_STRING_EQUAL(hash, hash2); /* stored once */
	snprintf(path, sizeof path, "%s/evidence/%.2s/%s", dir, hash, hash + 2);
	CU_ASSERT_EQUAL(stat(path, &sb), 0);
	CU_ASSERT_EQUAL((size_t)sb.st_size, sizeof pdf - 1);
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM evidence"), 1);
	/* by content, whatever it is called: an .exe, HTML, a plain zip refused */
	CU_ASSERT_EQUAL(srv_evidence_put(st, "MZ\x90\0\3\0\0\0", 8, hash2, type), STORE_INVALID);
	CU_ASSERT_EQUAL(srv_evidence_put(st, "<html><script>alert(1)</script>", 31, hash2, type), STORE_INVALID);
	CU_ASSERT_EQUAL(srv_evidence_put(st, " %PDF-1.4", 9, hash2, type), STORE_INVALID);
	n = make_zip(zip, plain_zip, 2);
	CU_ASSERT_EQUAL(srv_evidence_put(st, zip, n, hash2, type), STORE_INVALID);
	n = make_zip(zip, docx, 3);
	CU_ASSERT_EQUAL(srv_evidence_put(st, zip, n, hash2, type), STORE_OK);
	CU_ASSERT_STRING_EQUAL(type, "docx");
	CU_ASSERT_EQUAL(srv_evidence_put(st, "\x89PNG\r\n\x1a\n....", 12, hash2, type), STORE_OK);
	CU_ASSERT_STRING_EQUAL(type, "png");
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM evidence"), 3);
	/* linked to an item, then readable; nothing else is */
	CU_ASSERT_EQUAL(srv_evidence_open(st, YEAR, "bdt", hash, &fd, &len, type, fname), STORE_NOTFOUND);
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "bdt", "1.1.1", hash, "../kh.pdf", "bdt"), STORE_INVALID);
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "bdt", "1.1.1", "../../etc/passwd", "kh.pdf", "bdt"), STORE_INVALID);
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "sct", "1.1.1", hash, "kh.pdf", "bdt"), STORE_NOTFOUND);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "there is no agency sct in 2018");
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "bdt", "1.1.1", h0, "kh.pdf", "bdt"), STORE_NOTFOUND);
	CU_ASSERT_STRING_EQUAL(srv_store_errmsg(st), "evidence 00000000000000000000000000000000000000000000000000000000"
	                                             "00000000: no such file was uploaded");
	CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "bdt", "1.1.1", hash, "Kế hoạch 145.pdf", "bdt"), STORE_OK);
	CU_ASSERT_EQUAL(srv_evidence_open(st, YEAR, "bdt", hash, &fd, &len, type, fname), STORE_OK);
	CU_ASSERT_EQUAL(len, sizeof pdf - 1);
	CU_ASSERT_STRING_EQUAL(type, "pdf");
	CU_ASSERT_STRING_EQUAL(fname, "Kế hoạch 145.pdf");
	CU_ASSERT_EQUAL(read(fd, back, sizeof back), (ssize_t)(sizeof pdf - 1));
	CU_ASSERT_EQUAL(memcmp(back, pdf, sizeof pdf - 1), 0);
	close(fd);
	CU_ASSERT_EQUAL(srv_evidence_open(st, YEAR, "sct", hash, &fd, &len, type, fname), STORE_NOTFOUND);
	/* a refused link leaves nothing behind: new bytes go, the same bytes linked elsewhere stay */
	{
		static const char other[] = "%PDF-1.4\n% another file\n%%EOF\n";
		char evdir[128], before[4096], after[4096];
		int files = sql_int("SELECT count(*) FROM evidence");
		snprintf(evdir, sizeof evdir, "%s/evidence", dir);
		test_tree(evdir, before, sizeof before);
		{
			char line[100];
			snprintf(line, sizeof line, "%.2s/%s %zu\n", hash, hash + 2, sizeof pdf - 1);
			CU_ASSERT_PTR_NOT_NULL(strstr(before, line)); /* the linked pdf */
		}
		CU_ASSERT_EQUAL(srv_evidence_put(st, other, sizeof other - 1, hash2, type), STORE_OK);
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM evidence"), files + 1);
		CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "sct", "1.1.1", hash2, "kh.pdf", "sct"), STORE_NOTFOUND);
		CU_ASSERT_EQUAL(srv_evidence_discard(st, hash2), STORE_OK);
		test_tree(evdir, after, sizeof after);
		CU_ASSERT_STRING_EQUAL(after, before);
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM evidence"), files);
		CU_ASSERT_EQUAL(srv_evidence_put(st, pdf, sizeof pdf - 1, hash2, type), STORE_OK);
		CU_ASSERT_STRING_EQUAL(hash2, hash);
		CU_ASSERT_EQUAL(srv_evidence_link(st, YEAR, "sct", "1.1.1", hash2, "kh.pdf", "sct"), STORE_NOTFOUND);
		CU_ASSERT_EQUAL(srv_evidence_discard(st, hash2), STORE_OK);
		test_tree(evdir, after, sizeof after);
		CU_ASSERT_STRING_EQUAL(after, before);
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM evidence"), files);
		CU_ASSERT_EQUAL(srv_evidence_open(st, YEAR, "bdt", hash, &fd, &len, type, fname), STORE_OK);
		close(fd);
		CU_ASSERT_EQUAL(srv_evidence_discard(st, "../x"), STORE_INVALID);
	}
	done();
}

static void test_backup(void)
{
	char path[128], err[512] = "";
	sqlite3 *db;
	sqlite3_stmt *q;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL(srv_user_add(st, "sonoivu", ROLE_EVALUATOR, NULL, HASH), STORE_OK);
	snprintf(path, sizeof path, "%s/backup.sqlite3", dir);
	CU_ASSERT_EQUAL(srv_store_backup(st, path, err, sizeof err), STORE_OK);
	CU_ASSERT_EQUAL_FATAL(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_prepare_v2(db, "SELECT name || '/' || (SELECT id FROM agencies) FROM users", -1, &q, NULL),
	                SQLITE_OK);
	CU_ASSERT_EQUAL(sqlite3_step(q), SQLITE_ROW);
	CU_ASSERT_STRING_EQUAL((const char *)sqlite3_column_text(q, 0), "sonoivu/bdt");
	sqlite3_finalize(q);
	sqlite3_close(db);
	CU_ASSERT_EQUAL(srv_store_backup(st, "/nonexistent/folder/b.sqlite3", err, sizeof err), STORE_ERR);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "/nonexistent/folder/b.sqlite3: cannot create the backup"));
	done();
}

#define THREADS 4
#define WRITES 200

/* WRITES saves of criterion T.1 (arg: T - 1 + THREADS * the round, from 0),
 * each on the version before. */
static void *writer(void *arg)
{
	char criterion[32], json[64];
	long i, v, fails = 0, round = (long)((size_t)arg / THREADS);

	snprintf(criterion, sizeof criterion, "%ld.1", (long)((size_t)arg % THREADS) + 1);
	for (i = 0; i < WRITES; i++) {
		snprintf(json, sizeof json, "{\"count\":\"%ld\"}", i);
		fails += srv_item_put(st, YEAR, "bdt", criterion, json, round * WRITES + i, "bdt", &v) != STORE_OK;
	}
	return (void *)(size_t)fails;
}

static void test_threads(void)
{
	pthread_t t[THREADS];
	size_t i;
	void *fails;

	fresh();
	one_agency();
	for (i = 0; i < THREADS; i++)
		CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, writer, (void *)i), 0);
	for (i = 0; i < THREADS; i++) {
		CU_ASSERT_EQUAL(pthread_join(t[i], &fails), 0);
		CU_ASSERT_EQUAL((size_t)fails, 0);
	}
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM history"), THREADS * WRITES);
	CU_ASSERT_EQUAL(sql_int("SELECT sum(version) FROM items"), THREADS * WRITES);
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM items WHERE attrs = '{\"count\":\"199\"}'"), THREADS);
	done();
}

/* The WAL file's size in bytes (0 when absent). */
static long long wal_size(void)
{
	char path[160];
	struct stat sb;
	snprintf(path, sizeof path, "%s/cchc.sqlite3-wal", dir);
	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

/* Wait (at most 5 s) until the checkpoint thread has run twice more: the log
 * written before is then copied back whole. */
static void two_checkpoints(void)
{
	long long from = srv_store_checkpoints(st);
	struct timespec tick = {0, 10000000};
	for (int i = 0; i < 500 && srv_store_checkpoints(st) < from + 2; i++)
		nanosleep(&tick, NULL);
	CU_ASSERT(srv_store_checkpoints(st) >= from + 2);
}

/* A server's checkpoints run on a thread of their own (the commits' own are
 * off): after each burst of writes the log is copied back, so the next burst
 * writes the log from its start again and the file does not grow. */
static void test_checkpoint_thread(void)
{
	pthread_t t[THREADS];
	void *fails;

	fresh();
	one_agency();
	CU_ASSERT_EQUAL_FATAL(srv_store_checkpoint_start(st), STORE_OK);
	long long first = 0;
	for (size_t round = 0; round < 4; round++) {
		for (size_t i = 0; i < THREADS; i++)
			CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, writer, (void *)(round * THREADS + i)), 0);
		for (size_t i = 0; i < THREADS; i++) {
			CU_ASSERT_EQUAL(pthread_join(t[i], &fails), 0);
			CU_ASSERT_EQUAL((size_t)fails, 0);
		}
		if (round == 0)
			first = wal_size();
		two_checkpoints();
	}
	/* four bursts of 800 writes, each on the one before's room */
	CU_ASSERT(first > 0);
	CU_ASSERT(wal_size() <= first + first / 2);
	CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM history"), 4 * THREADS * WRITES);
	srv_store_checkpoint_stop(st);
	srv_store_checkpoint_stop(st); /* twice: nothing */
	done();
}

/* Every write the engine would read bumps its (year, agency) revision in the
 * same transaction, whoever writes; criteria sets bump the year's. */
static void test_revisions(void)
{
	long long a0, c0, a, c, other, oc;
	long v;
	char hash[65], type[32], err[512] = "";
	static const char doc[] = "%PDF-1.4\n%revision test\n";
	size_t len;
	char *xml;
	cchc_buf h;

	fresh();
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "bdt", &a, &c), STORE_OK);
	CU_ASSERT_EQUAL(a, 0);
	CU_ASSERT_EQUAL(c, 0);
	one_agency();
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "bdt", &a0, &c0), STORE_OK);
	CU_ASSERT_EQUAL(a0, 1); /* the agency's row */
	CU_ASSERT_EQUAL(c0, 2); /* two criteria sets */
	CU_ASSERT_EQUAL(srv_agency_add(st, YEAR, "sngv", "Sở Ngoại vụ", "so-nganh", NULL), STORE_OK);
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "sngv", &other, &oc), STORE_OK);
#define MOVED(call)                                                                                   \
	do {                                                                                          \
		CU_ASSERT_EQUAL(call, STORE_OK);                                                       \
		CU_ASSERT_EQUAL(srv_revision(st, YEAR, "bdt", &a, &c), STORE_OK);                      \
		CU_ASSERT(a > a0);                                                                     \
		a0 = a;                                                                                \
	} while (0)
	MOVED(srv_item_put(st, YEAR, "bdt", "1.1.1", "{\"date\":\"2018-01-20\",\"self\":\"1\"}", 0, "bdt", &v));
	MOVED(srv_survey_put(st, YEAR, "bdt", "6.1", "{\"respondents\":\"40\",\"mean\":\"3.1\",\"sd\":\"0.7\"}", 0,
	                     "sonoivu", &v));
	CU_ASSERT_EQUAL(srv_evidence_put(st, doc, sizeof doc - 1, hash, type), STORE_OK); /* not yet linked */
	MOVED(srv_evidence_link(st, YEAR, "bdt", "1.1.1", hash, "kh.pdf", "bdt"));
	MOVED(srv_state_set(st, YEAR, "bdt", "draft", "submitted", "bdt"));
	MOVED(srv_appraisal_put(st, YEAR, "bdt", "1.1.1", 1, "0.5", "chậm", "hoidong", 0, &v));
	MOVED(srv_explanation_put(st, YEAR, "bdt", "1.1.1", "Đã bổ sung", "bdt", 0, &v));
#undef MOVED
	CU_ASSERT_EQUAL(c, c0); /* the criteria did not move */
	/* another agency's revision did not move; a criteria set moves the year's */
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "sngv", &a, &c), STORE_OK);
	CU_ASSERT_EQUAL(a, other);
	xml = slurp("criteria/hue-so-2018.xml", &len);
	CU_ASSERT_EQUAL(srv_criteria_put(st, YEAR, "so-nganh", "hue-so-2018", xml, len), STORE_OK);
	free(xml);
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "sngv", &a, &c), STORE_OK);
	CU_ASSERT_EQUAL(c, c0 + 1);
	CU_ASSERT_EQUAL(a, other);
	/* an import moves it too; importing again records the rounds it replaces */
	xml = slurp("samples/hue-2018/so/sdl.xml", &len);
	CU_ASSERT_EQUAL(srv_import_xml(st, YEAR, xml, len, "sdl.xml", "admin", err, sizeof err), STORE_OK);
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "sdl", &a0, &c), STORE_OK);
	CU_ASSERT(a0 > 0);
	CU_ASSERT_EQUAL(srv_import_xml(st, YEAR, xml, len, "sdl.xml", "admin", err, sizeof err), STORE_OK);
	CU_ASSERT_STRING_EQUAL(err, "");
	CU_ASSERT_EQUAL(srv_revision(st, YEAR, "sdl", &a, &c), STORE_OK);
	CU_ASSERT(a > a0);
	free(xml);
	cchc_buf_init(&h, 0);
	CU_ASSERT_EQUAL(srv_item_history_json(st, YEAR, "sdl", "1.1.2", &h), STORE_OK);
	/* stored, dropped by the second import (old: the round, new: none), stored again */
	CU_ASSERT_EQUAL(count(h.data, "\"field\":\"appraisal-1\""), 3);
	CU_ASSERT_EQUAL(count(h.data, "\"field\":\"appraisal-1\",\"old\":{"), 1);
	CU_ASSERT_EQUAL(count(h.data, "\"by\":\"admin\""), 5);
	cchc_buf_dispose(&h);
	done();
}

/* PRAGMA integrity_check's first answer ("ok"), in a static buffer. */
static const char *integrity(void)
{
	static char answer[256];
	char path[128];
	sqlite3 *db;
	sqlite3_stmt *q;

	snprintf(path, sizeof path, "%s/cchc.sqlite3", dir);
	strcpy(answer, "(no answer)");
	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			snprintf(answer, sizeof answer, "%s", (const char *)sqlite3_column_text(q, 0));
		sqlite3_finalize(q);
	}
	sqlite3_close(db);
	return answer;
}

/* A child writes and acknowledges each commit on a pipe; SIGKILL mid-burst;
 * every acknowledged write is there and the database is intact. */
static void test_crash(void)
{
	int round;

	fresh();
	one_agency();
	srv_store_close(st);
	st = NULL;
	for (round = 0; round < 30; round++) {
		int fds[2], status, acked = -1, ack, k, rows;
		char err[512], sql[160];
		pid_t pid;
		CU_ASSERT_EQUAL_FATAL(pipe(fds), 0);
		pid = fork();
		CU_ASSERT_FATAL(pid >= 0);
		if (pid == 0) {
			srv_store *child;
			char criterion[32];
			long v;
			close(fds[0]);
			if (srv_store_open(&child, dir, err, sizeof err) != STORE_OK)
				_exit(3);
			for (k = 0;; k++) {
				snprintf(criterion, sizeof criterion, "r%d.%d", round, k);
				if (srv_item_put(child, YEAR, "bdt", criterion, "{\"met\":\"true\"}", 0, "bdt", &v) != STORE_OK)
					_exit(4);
				if (write(fds[1], &k, sizeof k) != (ssize_t)sizeof k)
					_exit(5);
			}
		}
		close(fds[1]);
		/* kill after 5 to 40 acknowledged writes, while it keeps writing */
		for (k = 0; k < 5 + (round * 7) % 36 && read(fds[0], &ack, sizeof ack) == (ssize_t)sizeof ack; k++)
			acked = ack;
		kill(pid, SIGKILL);
		while (read(fds[0], &ack, sizeof ack) == (ssize_t)sizeof ack)
			acked = ack;
		close(fds[0]);
		CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
		CU_ASSERT(WIFSIGNALED(status));
		CU_ASSERT_FATAL(acked >= 4);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM items WHERE criterion LIKE 'r%d.%%'", round);
		rows = sql_int(sql);
		CU_ASSERT(rows >= acked + 1 && rows <= acked + 2); /* at most one more, committed but not told */
		CU_ASSERT_STRING_EQUAL(integrity(), "ok");
		CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, dir, err, sizeof err), STORE_OK);
		srv_store_close(st);
		st = NULL;
	}
	done();
}

/* The Huế 2018 demo: both blocks, the samples' rounds, every account, password "demo". */
static void test_demo(void)
{
	char err[512] = "", demo[sizeof dir + 8];
	srv_agency *list = NULL;
	srv_user u;
	size_t n = 0;
	cchc_buf out;

	fresh();
	srv_store_close(st);
	snprintf(demo, sizeof demo, "%s/demo", dir);
	CU_ASSERT_EQUAL_FATAL(srv_demo_create(demo, CCHC_SOURCE_DIR, srv_password_hash, err, sizeof err), STORE_OK);
	CU_ASSERT_EQUAL(srv_demo_create(demo, CCHC_SOURCE_DIR, srv_password_hash, err, sizeof err), STORE_CONFLICT);
	CU_ASSERT_EQUAL_FATAL(srv_store_open(&st, demo, err, sizeof err), STORE_OK);
	CU_ASSERT_EQUAL(srv_agency_list(st, YEAR, &list, &n), STORE_OK);
	CU_ASSERT_EQUAL(n, TEST_HUE_SO + TEST_HUE_HUYEN);
	if (n == TEST_HUE_SO + TEST_HUE_HUYEN) {
		CU_ASSERT_STRING_EQUAL(list[0].id, "aluoi"); /* by block (huyen, so-nganh), then id */
		CU_ASSERT_STRING_EQUAL(list[0].name, "Huyện A Lưới");
		CU_ASSERT_STRING_EQUAL(list[0].state, "draft");
		CU_ASSERT_STRING_EQUAL(list[n - 1].id, "vpubnd");
	}
	free(list);
	CU_ASSERT_EQUAL(srv_user_get(st, "sonoivu", &u), STORE_OK);
	CU_ASSERT_EQUAL(u.role, ROLE_EVALUATOR);
	CU_ASSERT_EQUAL(srv_password_verify(u.hash, "demo"), 0);
	CU_ASSERT_EQUAL(srv_password_verify(u.hash, "Demo"), -1);
	CU_ASSERT_EQUAL(srv_user_get(st, "tphue", &u), STORE_OK);
	CU_ASSERT_EQUAL(u.role, ROLE_AGENCY);
	CU_ASSERT_STRING_EQUAL(u.agency, "tphue");
	CU_ASSERT_EQUAL(srv_user_get(st, "hoidong", &u), STORE_OK);
	CU_ASSERT_EQUAL(u.role, ROLE_APPRAISER);
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "tphue", "1.1"), 1);
	CU_ASSERT_EQUAL(srv_is_assigned(st, "hoidong", YEAR, "bdt", NULL), 1);
	{
		char top[sizeof dir];
		strcpy(top, dir);
		strcpy(dir, demo);
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM users"), TEST_HUE_SO + TEST_HUE_HUYEN + 2);
		/* the samples' appraisal rounds, all 28 of them */
		CU_ASSERT_EQUAL(sql_int("SELECT count(*) FROM appraisals"), 28);
		strcpy(dir, top);
	}
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(srv_assessment_xml(st, YEAR, "aluoi", &out), STORE_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "<appraisal criterion=\"1.2.2\" round=\"1\" points=\"0.25\""));
	cchc_buf_dispose(&out);
	done();
}

/* cchc admin, as an operator runs it: each answer and exit status exactly. */
static int admin(const char *args, char *out, char *err)
{
	char cmd[1100], scratch[160];

	snprintf(cmd, sizeof cmd, "admin %s", args);
	snprintf(scratch, sizeof scratch, "%s/admin", dir);
	return test_run_cli(CCHC_CLI, cmd, scratch, out, 2048, err, 2048);
}

static void test_admin(void)
{
	char out[2048], err[2048], args[1024], d[128], expected[1024];

	fresh();
	srv_store_close(st);
	st = NULL;
	snprintf(d, sizeof d, "%s/data", dir);
	snprintf(args, sizeof args, "init --data %s", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: data folder ready (schema version %d)\n", d, srv_store_schema_version());
	CU_ASSERT_STRING_EQUAL(out, expected);
	/* criteria: checked, the year made */
	snprintf(args, sizeof args, "criteria add --data %s --year 2019 criteria/hue-so-2018.xml", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: criteria/hue-so-2018.xml: the criteria set is for 2018, not 2019: "
	                            "give --year 2018\n");
	snprintf(args, sizeof args, "criteria add --data %s --year 2018 criteria/hue-so-2018.xml", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	CU_ASSERT_STRING_EQUAL(out, "criteria/hue-so-2018.xml: criteria set hue-so-2018 (block so-nganh) stored for 2018\n");
	/* import: a folder, all or none; a bad file names its line */
	snprintf(args, sizeof args, "import --data %s --year 2018 samples/hue-2018/so", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: 21 files imported into 2018\n", d);
	CU_ASSERT_STRING_EQUAL(out, expected);
	snprintf(args, sizeof args, "import --data %s --year 2018 samples/hue-2018/huyen", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	/* the data's problem in Vietnamese (admin has no --lang), after its file and line */
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: samples/hue-2018/huyen/aluoi.xml:8: criteria-set=\"hue-huyen-2018\" "
	                            "không khớp với bộ tiêu chí đã đưa (\"hue-so-2018\"): đưa tệp bộ tiêu chí của nó, "
	                            "hoặc sửa thuộc tính này\n");
	/* a criteria set from its drafting workbook (cchc template --criteria): the same set stored,
	 * the districts' files import against it; a self-assessment workbook is not one */
	char book[256], cmd[1024];
	snprintf(book, sizeof book, "%s/huyen.xlsx", dir);
	snprintf(cmd, sizeof cmd, "template --criteria criteria/hue-huyen-2018.xml -o %s", book);
	snprintf(args, sizeof args, "%s/tpl", dir);
	CU_ASSERT_EQUAL(test_run_cli(CCHC_CLI, cmd, args, out, 2048, err, 2048), 0);
	snprintf(cmd, sizeof cmd, "template criteria/hue-huyen-2018.xml --agency aluoi -o %s/aluoi.xlsx", dir);
	CU_ASSERT_EQUAL(test_run_cli(CCHC_CLI, cmd, args, out, 2048, err, 2048), 0);
	snprintf(args, sizeof args, "criteria add --data %s --year 2018 %s/aluoi.xlsx", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	snprintf(expected, sizeof expected,
	         "cchc admin: %s/aluoi.xlsx: a workbook, but not a criteria-set workbook: give the set's XML, "
	         "or the workbook cchc template --criteria writes\n", dir);
	CU_ASSERT_STRING_EQUAL(err, expected);
	snprintf(args, sizeof args, "criteria add --data %s --year 2018 %s", d, book);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: criteria set hue-huyen-2018 (block huyen) stored for 2018\n", book);
	CU_ASSERT_STRING_EQUAL(out, expected);
	snprintf(args, sizeof args, "import --data %s --year 2018 samples/hue-2018/huyen", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: 9 files imported into 2018\n", d);
	CU_ASSERT_STRING_EQUAL(out, expected);
	/* users: the password from standard input, never argv */
	snprintf(args, sizeof args, "user add --data %s sonoivu --role evaluator < /dev/null", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: standard input: give the password on its first line\n");
	{
		char pw[160];
		FILE *f;
		snprintf(pw, sizeof pw, "%s/pw", dir);
		CU_ASSERT_PTR_NOT_NULL_FATAL(f = fopen(pw, "w"));
		fputs("mật khẩu dài\n", f);
		fclose(f);
	}
	snprintf(args, sizeof args, "user add --data %s sonoivu --role evaluator < %s/pw", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: user sonoivu (evaluator) added\n", d);
	CU_ASSERT_STRING_EQUAL(out, expected);
	snprintf(args, sizeof args, "user add --data %s bdt --role agency < %s/pw", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 2);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: an agency account needs --agency ID\nTry 'cchc admin --help'.\n");
	/* an agency account names an agency some year holds: refused before the password is read */
	snprintf(args, sizeof args, "user add --data %s lan --role agency --agency sxyz < /dev/null", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: lan: no year has an agency sxyz: add the agency first (cchc admin agency "
	                            "add --data DIR --year YEAR sxyz --name NAME), then its account\n");
	CU_ASSERT_STRING_EQUAL(out, "");
	{
		char vi[1100];
		snprintf(vi, sizeof vi, "LANGUAGE=vi LC_ALL=C.UTF-8 '%s' admin %s", CCHC_CLI, args);
		CU_ASSERT_EQUAL(test_run_cli("/usr/bin/env", vi, d, out, sizeof out, err, sizeof err), 1);
		CU_ASSERT_STRING_EQUAL(err, "cchc admin: lan: không năm nào có cơ quan mã sxyz: hãy thêm cơ quan trước (cchc "
		                            "admin agency add --data THƯ_MỤC --year NĂM sxyz --name TÊN), rồi mới thêm tài "
		                            "khoản của cơ quan\n");
	}
	snprintf(args, sizeof args, "user add --data %s lan --role agency --agency bdt < %s/pw", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: user lan (agency of bdt) added\n", d);
	CU_ASSERT_STRING_EQUAL(out, expected);
	/* appraisers assigned to an agency and a group */
	snprintf(args, sizeof args, "user add --data %s hoidong --role appraiser < %s/pw", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(args, sizeof args, "assign --data %s --year 2018 hoidong --agency bdt --group 3", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s: hoidong appraises in 2018 agency bdt, group 3\n", d);
	CU_ASSERT_STRING_EQUAL(out, expected);
	snprintf(args, sizeof args, "assign --data %s --year 2018 sonoivu", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: sonoivu: not an appraiser: only appraisers are assigned\n");
	/* agencies, with the ones a merged agency continues */
	snprintf(args, sizeof args, "agency add --data %s --year 2018 sm --name 'Sở Mới' --block so-nganh --continues sct,skhcn", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(args, sizeof args, "agency add --data %s --year 2018 bdt --name 'Ban Dân tộc'", d);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: bdt: the agency bdt already exists in 2018\n");
	/* export and backup: 21 departments, 9 districts (their set came from the workbook), the new agency */
	snprintf(args, sizeof args, "export --data %s --year 2018 -o %s/out", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	snprintf(expected, sizeof expected, "%s/out: 31 assessments of 2018 written\n", dir);
	CU_ASSERT_STRING_EQUAL(out, expected);
	/* `cchc score` of an exported file answers what it answers for the sample, to the byte (all 30
	 * samples are compared in-process above): one plain, one with appraisal rounds, one published */
	{
		static const char *const ids[] = {"bdt", "sngv", "skhdt"};
		static char direct[1 << 17], again[1 << 17];
		char scratch[160];
		size_t i;
		snprintf(scratch, sizeof scratch, "%s/score", dir);
		for (i = 0; i < 3; i++) {
			snprintf(args, sizeof args, "score criteria/hue-so-2018.xml samples/hue-2018/so/%s.xml --format json",
			         ids[i]);
			CU_ASSERT_EQUAL(test_run_cli(CCHC_CLI, args, scratch, direct, sizeof direct, err, sizeof err), 0);
			snprintf(args, sizeof args, "score criteria/hue-so-2018.xml %s/out/%s.xml --format json", dir, ids[i]);
			CU_ASSERT_EQUAL(test_run_cli(CCHC_CLI, args, scratch, again, sizeof again, err, sizeof err), 0);
			CU_ASSERT(strlen(direct) > 30000 && strlen(direct) < sizeof direct - 1);
			CU_ASSERT_STRING_EQUAL(again, direct);
		}
	}
	snprintf(args, sizeof args, "backup --data %s %s/b.sqlite3", d, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 0);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	snprintf(expected, sizeof expected, "cchc admin: %s/b.sqlite3: already exists: give a new file name\n", dir);
	CU_ASSERT_STRING_EQUAL(err, expected);
	snprintf(args, sizeof args, "export --data %s/nothing --year 2018 -o %s/out", dir, dir);
	CU_ASSERT_EQUAL(admin(args, out, err), 1);
	snprintf(expected, sizeof expected,
	         "cchc admin: %s/nothing: no data folder here: make one with cchc admin init --data DIR\n", dir);
	CU_ASSERT_STRING_EQUAL(err, expected);
	CU_ASSERT_EQUAL(admin("import --year 2018 x.xml", out, err), 2);
	CU_ASSERT_STRING_EQUAL(err, "cchc admin: give the data folder: --data DIR\nTry 'cchc admin --help'.\n");
	done();
}

int main(void)
{
	static const test_case tests[] = {
		{"migrations from empty, reopen, a newer database refused", test_migrations},
		{"every Huế sample: import, rebuild, the same score JSON", test_round_trip},
		{"a bundle: stored whole, or not at all", test_bundle},
		{"versions, conflicts and history", test_versions},
		{"cycle states, deadlines, users, sessions, assignments, audit", test_cycle},
		{"publication freezes every write", test_frozen},
		{"evidence by content, stored once, read only where linked", test_evidence},
		{"online backup", test_backup},
		{"4 threads x 200 writes", test_threads},
		{"checkpoints on a thread of their own: the log does not grow", test_checkpoint_thread},
		{"revisions move with every write the engine reads; re-import records the rounds it drops", test_revisions},
		{"kill -9 mid-burst, 30 times", test_crash},
		{"the Huế 2018 demo", test_demo},
		{"cchc admin", test_admin},
		{NULL, NULL},
	};
	return test_run_suite("store", tests);
}
