/* Items, surveys, appraisal rounds and explanations: every write checks the
 * expected version, bumps it and records a history row in one transaction. */
#include <stdio.h>
#include <string.h>

#include "json_writer.h"
#include "store_node.h"
#include "store_priv.h"

/* The item's row, created (empty, version 0) when missing; its version. */
static int item_row(srv_conn *c, int year, const char *agency, const char *criterion, long *version)
{
	sqlite3_stmt *st;
	int rc = srv_exec(c,
	                  "INSERT OR IGNORE INTO items(year, agency, criterion, version, seq) VALUES (?1, ?2, ?3, 0,"
	                  " (SELECT coalesce(max(seq), 0) + 1 FROM items WHERE year = ?1 AND agency = ?2))",
	                  "iss", year, agency, criterion);

	if (rc != STORE_OK)
		return rc;
	if (srv_stmt(c, &st, "SELECT version FROM items WHERE year = ? AND agency = ? AND criterion = ?", "iss", year,
	             agency, criterion) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		*version = (long)sqlite3_column_int64(st, 0);
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = srv_fail(c, STORE_ERR, "the item %s vanished", criterion);
	}
	sqlite3_finalize(st);
	return rc;
}

int srv_item_bump(srv_conn *c, int year, const char *agency, const char *criterion, long expected,
                     const char *field, const char *old, const char *new_value, const char *user,
                     long *new_version)
{
	long version = 0;
	int rc = srv_agency_writable(c, year, agency);

	if (rc == STORE_OK)
		rc = item_row(c, year, agency, criterion, &version);
	if (rc != STORE_OK)
		return rc;
	if (expected && expected != version)
		return srv_fail(c, STORE_CONFLICT,
		                "criterion %s of %s was changed meanwhile (version %ld, yours %ld): reload it and "
		                "save again",
		                criterion, agency, version, expected);
	rc = srv_exec(c, "UPDATE items SET version = version + 1 WHERE year = ? AND agency = ? AND criterion = ?",
	              "iss", year, agency, criterion);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO history(year, agency, criterion, field, old, new, by, at, version) VALUES"
		              " (?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)",
		              "issssssl", year, agency, criterion, field, old, new_value, user ? user : "",
		              (long long)version + 1);
	if (rc == STORE_OK && new_version)
		*new_version = version + 1;
	return rc;
}

/* A column's current text (NULL when none) into buf. */
static int column_text(srv_conn *c, const char *sql, int year, const char *agency, const char *criterion, int round,
                       cchc_buf *buf, int *isnull)
{
	sqlite3_stmt *st;
	int rc;

	*isnull = 1;
	if (srv_stmt(c, &st, sql, round ? "issi" : "iss", year, agency, criterion, round) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*isnull = 0;
		cchc_buf_puts(buf, srv_col(st, 0));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : rc;
}

int srv_item_write(srv_conn *c, int year, const char *agency, const char *criterion, const char *column,
                   const char *value, long expected, const char *user, long *new_version)
{
	char sql[160];
	cchc_buf old;
	int rc, isnull;

	/* column is one of the item's own, never from a request */
	if (strcmp(column, "attrs") && strcmp(column, "survey") && strcmp(column, "explanation"))
		return srv_fail(c, STORE_ERR, "no column %s", column);
	cchc_buf_init(&old, 0);
	snprintf(sql, sizeof sql, "SELECT %s FROM items WHERE year = ? AND agency = ? AND criterion = ?", column);
	rc = column_text(c, sql, year, agency, criterion, 0, &old, &isnull);
	if (rc == STORE_OK)
		rc = srv_item_bump(c, year, agency, criterion, expected, strcmp(column, "attrs") ? column : "item",
		               isnull ? NULL : old.len ? old.data : "", value, user, new_version);
	snprintf(sql, sizeof sql, "UPDATE items SET %s = ? WHERE year = ? AND agency = ? AND criterion = ?", column);
	if (rc == STORE_OK)
		rc = srv_exec(c, sql, "siss", value, year, agency, criterion);
	cchc_buf_dispose(&old);
	return rc;
}

int srv_appraisal_write(srv_conn *c, int year, const char *agency, const char *criterion, int round,
                        const char *attrs, long expected, const char *user, long *new_version)
{
	char field[32];
	cchc_buf old;
	int rc, isnull;

	cchc_buf_init(&old, 0);
	snprintf(field, sizeof field, "appraisal-%d", round);
	rc = column_text(c,
	                 "SELECT attrs FROM appraisals WHERE year = ? AND agency = ? AND criterion = ? AND round = ?",
	                 year, agency, criterion, round, &old, &isnull);
	if (rc == STORE_OK)
		rc = srv_item_bump(c, year, agency, criterion, expected, field, isnull ? NULL : old.data, attrs, user,
		               new_version);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO appraisals(year, agency, criterion, round, attrs, seq) VALUES (?1, ?2, ?3, ?4, ?5,"
		              " (SELECT coalesce(max(seq), 0) + 1 FROM appraisals WHERE year = ?1 AND agency = ?2))"
		              " ON CONFLICT(year, agency, criterion, round) DO UPDATE SET attrs = excluded.attrs",
		              "issis", year, agency, criterion, round, attrs);
	cchc_buf_dispose(&old);
	return rc;
}

/* The agency's revision now, inside the caller's transaction (0 when never written). */
static int rev_read(srv_conn *c, int year, const char *agency, long long *rev)
{
	sqlite3_stmt *st;
	int rc;

	*rev = 0;
	if (srv_stmt(c, &st, "SELECT rev FROM revisions WHERE year = ? AND agency = ?", "is", year, agency) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW)
		*rev = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : rc;
}

/* BEGIN IMMEDIATE, noting the agency's revision before the put writes. */
static int begin_put(srv_conn *c, int year, const char *agency)
{
	int rc = srv_begin(c);

	c->rev_before = c->rev_after = -1;
	if (rc == STORE_OK && (rc = rev_read(c, year, agency, &c->rev_before)) != STORE_OK) {
		srv_rollback(c);
		c->rev_before = -1;
	}
	return rc;
}

/* Commit the put (rc STORE_OK) noting the revision it commits, or roll back. */
static int finish_put(srv_conn *c, int year, const char *agency, int rc)
{
	long long after = -1;

	if (rc == STORE_OK)
		rc = rev_read(c, year, agency, &after);
	rc = srv_finish(c, rc);
	c->rev_after = rc == STORE_OK ? after : -1;
	if (rc != STORE_OK)
		c->rev_before = -1;
	return rc;
}

int srv_last_put_revisions(srv_store *s, long long *before, long long *after)
{
	srv_conn *c = srv_conn_get(s);

	*before = c ? c->rev_before : -1;
	*after = c ? c->rev_after : -1;
	return c && c->rev_after >= 0 ? STORE_OK : STORE_ERR;
}

static const char *const not_attributes[] = {"criterion", "version", NULL};

/* An item or survey put: the JSON made canonical, then written. */
static int put_element(srv_store *s, const char *element, const char *column, int year, const char *agency,
                       const char *criterion, const char *attrs_json, long expected, const char *user,
                       long *new_version)
{
	srv_conn *c = srv_conn_get(s);
	char err[256];
	srv_node n;
	cchc_buf json;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_criterion_check(c, criterion) != STORE_OK)
		return STORE_INVALID;
	if (srv_node_from_json(&n, element, attrs_json ? attrs_json : "", attrs_json ? strlen(attrs_json) : 0,
	                       not_attributes, err, sizeof err) != 0)
		return srv_fail(c, STORE_INVALID, "criterion %s: %s", criterion, err);
	cchc_buf_init(&json, 0);
	srv_node_json(&n, &json);
	srv_node_clear(&n);
	if (json.failed) {
		cchc_buf_dispose(&json);
		return srv_fail(c, STORE_ERR, "out of memory");
	}
	rc = begin_put(c, year, agency);
	if (rc == STORE_OK)
		rc = finish_put(c, year, agency,
		                srv_item_write(c, year, agency, criterion, column, json.data, expected, user, new_version));
	cchc_buf_dispose(&json);
	return rc;
}

int srv_item_put(srv_store *s, int year, const char *agency, const char *criterion, const char *attrs_json,
                 long expected_version, const char *user, long *new_version)
{
	return put_element(s, "item", "attrs", year, agency, criterion, attrs_json, expected_version, user,
	                   new_version);
}

int srv_survey_put(srv_store *s, int year, const char *agency, const char *criterion, const char *attrs_json,
                   long expected_version, const char *user, long *new_version)
{
	return put_element(s, "survey", "survey", year, agency, criterion, attrs_json, expected_version, user,
	                   new_version);
}

int srv_appraisal_put(srv_store *s, int year, const char *agency, const char *criterion, int round,
                      const char *points, const char *reason, const char *user, long expected_version,
                      long *new_version)
{
	srv_conn *c = srv_conn_get(s);
	char num[16];
	srv_node n;
	cchc_buf json;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_criterion_check(c, criterion) != STORE_OK)
		return STORE_INVALID;
	if (round < 1 || round > 9)
		return srv_fail(c, STORE_INVALID, "criterion %s: round %d: give a round from 1 to 9", criterion, round);
	if (!points || !points[0] || strlen(points) > 16)
		return srv_fail(c, STORE_INVALID, "criterion %s: points: give the appraised points (\"0.25\")", criterion);
	memset(&n, 0, sizeof n);
	snprintf(num, sizeof num, "%d", round);
	rc = srv_node_set(&n, "round", num) || srv_node_set(&n, "points", points) ||
	     (user && user[0] && srv_node_set(&n, "by", user)) || (reason && reason[0] && srv_node_set(&n, "reason", reason));
	cchc_buf_init(&json, 0);
	srv_node_json(&n, &json);
	srv_node_clear(&n);
	if (rc || json.failed)
		rc = srv_fail(c, STORE_ERR, "out of memory");
	else if ((rc = begin_put(c, year, agency)) == STORE_OK)
		rc = finish_put(c, year, agency,
		                srv_appraisal_write(c, year, agency, criterion, round, json.data, expected_version, user,
		                                    new_version));
	cchc_buf_dispose(&json);
	return rc;
}

int srv_explanation_put(srv_store *s, int year, const char *agency, const char *criterion, const char *text,
                        const char *user, long expected_version, long *new_version)
{
	srv_conn *c = srv_conn_get(s);

	if (!c)
		return STORE_ERR;
	if (srv_criterion_check(c, criterion) != STORE_OK)
		return STORE_INVALID;
	if (begin_put(c, year, agency) != STORE_OK)
		return STORE_ERR;
	return finish_put(c, year, agency,
	                  srv_item_write(c, year, agency, criterion, "explanation", text, expected_version, user,
	                                 new_version));
}

int srv_item_version(srv_store *s, int year, const char *agency, const char *criterion, long *version)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc;

	*version = 0;
	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT version FROM items WHERE year = ? AND agency = ? AND criterion = ?", "iss", year,
	             agency, criterion) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW)
		*version = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : rc;
}

/* One JSON string (escaped by the reports' writer) or null. */
static void json_str(cchc_buf *out, const char *s)
{
	cchc_json j;

	cchc_json_init(&j, out, 0);
	cchc_json_string(&j, s);
}

/* Column i: stored canonical JSON written as is, plain text as a string. */
static void json_value(cchc_buf *out, sqlite3_stmt *st, int i, int raw)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		cchc_buf_puts(out, "null");
	else if (raw)
		cchc_buf_puts(out, srv_col(st, i));
	else
		json_str(out, srv_col(st, i));
}

int srv_item_history_json(srv_store *s, int year, const char *agency, const char *criterion, cchc_buf *out)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc, n = 0;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st,
	             "SELECT at, by, field, old, new, version FROM history WHERE year = ? AND agency = ? AND"
	             " criterion = ? ORDER BY id",
	             "iss", year, agency, criterion) != STORE_OK)
		return STORE_ERR;
	cchc_buf_puts(out, "[");
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		int raw = strcmp(srv_col(st, 2), "explanation") != 0 && strcmp(srv_col(st, 2), "state") != 0;
		cchc_buf_puts(out, n++ ? ",{\"at\":" : "{\"at\":");
		json_str(out, srv_col(st, 0));
		cchc_buf_puts(out, ",\"by\":");
		json_str(out, srv_col(st, 1));
		cchc_buf_puts(out, ",\"field\":");
		json_str(out, srv_col(st, 2));
		cchc_buf_puts(out, ",\"old\":");
		json_value(out, st, 3, raw);
		cchc_buf_puts(out, ",\"new\":");
		json_value(out, st, 4, raw);
		cchc_buf_printf(out, ",\"version\":%lld}", (long long)sqlite3_column_int64(st, 5));
	}
	sqlite3_finalize(st);
	cchc_buf_puts(out, "]");
	if (rc != SQLITE_DONE)
		return rc;
	return out->failed ? srv_fail(c, STORE_ERR, "the history is too large to answer") : STORE_OK;
}

/* The appraisal rounds and evidence files of one item, as JSON members. */
static int item_extras(srv_conn *c, int year, const char *agency, const char *criterion, cchc_buf *out)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	if (srv_stmt(c, &st,
	             "SELECT attrs FROM appraisals WHERE year = ? AND agency = ? AND criterion = ? ORDER BY round",
	             "iss", year, agency, criterion) != STORE_OK)
		return STORE_ERR;
	cchc_buf_puts(out, ",\"appraisals\":[");
	while ((rc = srv_step(c, st)) == SQLITE_ROW)
		cchc_buf_printf(out, "%s%s", n++ ? "," : "", srv_col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	if (srv_stmt(c, &st,
	             "SELECT l.hash, l.filename, e.type, e.size FROM evidence_links l JOIN evidence e USING (hash)"
	             " WHERE l.year = ? AND l.agency = ? AND l.criterion = ? ORDER BY l.at, l.hash",
	             "iss", year, agency, criterion) != STORE_OK)
		return STORE_ERR;
	cchc_buf_puts(out, "],\"evidence\":[");
	n = 0;
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		cchc_buf_puts(out, n++ ? ",{\"hash\":" : "{\"hash\":");
		json_str(out, srv_col(st, 0));
		cchc_buf_puts(out, ",\"filename\":");
		json_str(out, srv_col(st, 1));
		cchc_buf_puts(out, ",\"type\":");
		json_str(out, srv_col(st, 2));
		cchc_buf_printf(out, ",\"size\":%lld}", (long long)sqlite3_column_int64(st, 3));
	}
	sqlite3_finalize(st);
	cchc_buf_puts(out, "]");
	return rc == SQLITE_DONE ? STORE_OK : rc;
}

int srv_items_json(srv_store *s, int year, const char *agency, cchc_buf *out)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc, n = 0;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st,
	             "SELECT criterion, version, attrs, survey, explanation FROM items WHERE year = ? AND agency = ?"
	             " ORDER BY seq",
	             "is", year, agency) != STORE_OK)
		return STORE_ERR;
	cchc_buf_puts(out, "[");
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		cchc_buf_puts(out, n++ ? ",{\"criterion\":" : "{\"criterion\":");
		json_str(out, srv_col(st, 0));
		cchc_buf_printf(out, ",\"version\":%lld,\"item\":", (long long)sqlite3_column_int64(st, 1));
		json_value(out, st, 2, 1);
		cchc_buf_puts(out, ",\"survey\":");
		json_value(out, st, 3, 1);
		cchc_buf_puts(out, ",\"explanation\":");
		json_value(out, st, 4, 0);
		if ((rc = item_extras(c, year, agency, srv_col(st, 0), out)) != STORE_OK)
			break;
		cchc_buf_puts(out, "}");
	}
	sqlite3_finalize(st);
	cchc_buf_puts(out, "]");
	if (rc != SQLITE_DONE)
		return rc == STORE_OK ? STORE_ERR : rc;
	return out->failed ? srv_fail(c, STORE_ERR, "the items are too large to answer") : STORE_OK;
}
