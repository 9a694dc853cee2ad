/* The Word documents' header values (số, ký hiệu, ngày, người ký, nơi nhận…)
 * of an agency's plan and of the province's report (agency ""), one JSON
 * object each. They change no figure and are no part of the published hash,
 * so publication does not freeze them; every put still records who, when,
 * the old and the new object in the history, in the same transaction. */
#include <string.h>

#include "json_read.h"
#include "store_priv.h"

/* The id checked, then (year, agency) or the year ("") there; no freeze check. */
static int document_owner(srv_conn *c, int year, const char *agency)
{
	if (!agency || (agency[0] && !srv_id_ok(agency)))
		return srv_fail(c, STORE_INVALID, "agency \"%s\": not an agency id", agency ? agency : "");
	return srv_agency_exists(c, year, agency);
}

/* The stored object and its version (NULL and 0 when none yet); *doc is the caller's. */
static int document_row(srv_conn *c, int year, const char *agency, cchc_buf *doc, long *version,
                        int *isnull)
{
	sqlite3_stmt *st;
	int rc = srv_stmt(c, &st, "SELECT doc, version FROM documents WHERE year = ? AND agency = ?", "is",
	                  year, agency);

	*version = 0;
	*isnull = 1;
	if (rc != STORE_OK)
		return rc;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		*isnull = 0;
		cchc_buf_puts(doc, srv_col(st, 0));
		*version = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	return doc->failed ? srv_fail(c, STORE_ERR, "out of memory") : STORE_OK;
}

/* A JSON object whose members are strings or arrays of strings. */
static int document_ok(const char *json)
{
	srv_json *v = NULL;
	char err[128];
	int ok = json && srv_json_parse(&v, json, strlen(json), err, sizeof err) == 0 &&
	         v->type == SRV_JSON_OBJECT;

	for (size_t i = 0; ok && i < v->n; i++) {
		const srv_json *m = v->items[i];
		ok = m->type == SRV_JSON_STRING || m->type == SRV_JSON_ARRAY;
		for (size_t k = 0; ok && m->type == SRV_JSON_ARRAY && k < m->n; k++)
			ok = m->items[k]->type == SRV_JSON_STRING;
	}
	srv_json_free(v);
	return ok;
}

int srv_document_put(srv_store *s, int year, const char *agency, const char *json, const char *user,
                     long *new_version)
{
	srv_conn *c = srv_conn_get(s);
	cchc_buf old;
	long version;
	int rc, isnull;

	if (!c)
		return STORE_ERR;
	if (!document_ok(json))
		return srv_fail(c, STORE_INVALID, "a document's values: give a JSON object of strings "
		                                  "(and lists of strings)");
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	cchc_buf_init(&old, 0);
	rc = document_owner(c, year, agency);
	if (rc == STORE_OK)
		rc = document_row(c, year, agency, &old, &version, &isnull);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO documents(year, agency, doc, version) VALUES (?1, ?2, ?3, 1)"
		              " ON CONFLICT(year, agency) DO UPDATE SET doc = ?3, version = version + 1",
		              "iss", year, agency, json);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO history(year, agency, criterion, field, old, new, by, at, version)"
		              " VALUES (?, ?, '', 'document', ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)",
		              "issssl", year, agency, isnull ? NULL : old.data ? old.data : "", json,
		              user ? user : "", (long long)version + 1);
	cchc_buf_dispose(&old);
	if (rc == STORE_OK && new_version)
		*new_version = version + 1;
	return srv_finish(c, rc);
}

int srv_document_json(srv_store *s, int year, const char *agency, cchc_buf *out)
{
	srv_conn *c = srv_conn_get(s);
	long version;
	int rc, isnull;

	if (!c)
		return STORE_ERR;
	rc = document_owner(c, year, agency);
	if (rc == STORE_OK)
		rc = document_row(c, year, agency, out, &version, &isnull);
	if (rc == STORE_OK && isnull)
		cchc_buf_puts(out, "{}");
	return rc == STORE_OK && out->failed ? srv_fail(c, STORE_ERR, "out of memory") : rc;
}
