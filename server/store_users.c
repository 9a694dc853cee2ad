/* Users, appraisers' assignments, sessions (by token hash) and the audit log. */
#include <string.h>

#include "json_writer.h"
#include "store_priv.h"

static const struct {
	srv_role role;
	const char *name;
} roles[] = {
	{ROLE_EVALUATOR, "evaluator"},
	{ROLE_AGENCY, "agency"},
	{ROLE_APPRAISER, "appraiser"},
	{ROLE_VIEWER, "viewer"},
};

srv_role srv_role_parse(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].name, name) == 0)
			return roles[i].role;
	return ROLE_NONE;
}

const char *srv_role_name(srv_role role)
{
	size_t i;

	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].role == role)
			return roles[i].name;
	return "none";
}

/* Does some year hold an agency of this id? 1, 0, or a negative STORE_* code. */
static int agency_held(srv_conn *c, const char *id)
{
	sqlite3_stmt *st;
	int rc;

	if (srv_stmt(c, &st, "SELECT 1 FROM agencies WHERE id = ? LIMIT 1", "s", id) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : rc;
}

int srv_user_add(srv_store *s, const char *name, srv_role role, const char *agency, const char *hash)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!srv_id_ok(name))
		return srv_fail(c, STORE_INVALID,
		                "user name \"%s\": use 1 to 63 letters, digits, '.', '_' or '-'", name ? name : "");
	if (!strcmp(srv_role_name(role), "none"))
		return srv_fail(c, STORE_INVALID, "user %s: the role must be evaluator, agency, appraiser or viewer", name);
	if (role == ROLE_AGENCY && !srv_id_ok(agency))
		return srv_fail(c, STORE_INVALID, "user %s: an agency user needs the agency's id (--agency)", name);
	if (!hash || !hash[0] || strlen(hash) >= sizeof ((srv_user *)0)->hash)
		return srv_fail(c, STORE_INVALID, "user %s: no password hash", name);
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = role == ROLE_AGENCY ? agency_held(c, agency) : 1;
	if (rc == 0)
		rc = srv_fail(c, STORE_NOTFOUND, "user %s: no year has an agency %s: add the agency first", name, agency);
	if (rc == 1)
		rc = srv_exec(c, "INSERT INTO users(name, role, agency, hash) VALUES (?, ?, ?, ?)", "siss", name, (int)role,
		              role == ROLE_AGENCY ? agency : "", hash);
	return srv_finish(c, rc);
}

int srv_agency_known(srv_store *s, const char *id)
{
	srv_conn *c = srv_conn_get(s);

	return c ? agency_held(c, id) : STORE_ERR;
}

/* The user in columns 0..3 of the current row. */
static void user_fill(sqlite3_stmt *st, srv_user *out)
{
	srv_copy(out->name, sizeof out->name, srv_col(st, 0));
	out->role = (srv_role)sqlite3_column_int(st, 1);
	srv_copy(out->agency, sizeof out->agency, srv_col(st, 2));
	srv_copy(out->hash, sizeof out->hash, srv_col(st, 3));
}

static int user_row(srv_conn *c, sqlite3_stmt *st, srv_user *out)
{
	int rc = srv_step(c, st);

	if (rc == SQLITE_ROW) {
		user_fill(st, out);
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = srv_fail(c, STORE_NOTFOUND, "no such user");
	}
	sqlite3_finalize(st);
	return rc;
}

int srv_user_get(srv_store *s, const char *name, srv_user *out)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT name, role, agency, hash FROM users WHERE name = ?", "s", name) != STORE_OK)
		return STORE_ERR;
	return user_row(c, st, out);
}

int srv_user_set_hash(srv_store *s, const char *name, const char *hash)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_exec(c, "UPDATE users SET hash = ? WHERE name = ?", "ss", hash, name);
	if (rc == STORE_OK && sqlite3_changes(c->db) == 0)
		rc = srv_fail(c, STORE_NOTFOUND, "no user %s", name);
	return srv_finish(c, rc);
}

int srv_assign(srv_store *s, const char *user, int year, const char *agency, const char *group)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if ((agency && !srv_id_ok(agency)) || (group && !srv_id_ok(group)))
		return srv_fail(c, STORE_INVALID, "assignment of %s: a bad agency or group id", user);
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_year_writable(c, year);
	if (rc == STORE_OK && agency)
		rc = srv_agency_writable(c, year, agency);
	if (rc == STORE_OK &&
	    (rc = srv_exec(c, "INSERT OR IGNORE INTO assignments(user, year, agency, grp) VALUES (?, ?, ?, ?)", "siss",
	                   user, year, agency ? agency : "", group ? group : "")) == STORE_NOTFOUND)
		rc = srv_fail(c, STORE_NOTFOUND, "no user %s", user);
	return srv_finish(c, rc);
}

/* Whether a criterion id lies in a group: "3" covers "3", "3.1", "3.1.2". */
static int in_group(const char *criterion, const char *group)
{
	size_t n = strlen(group);

	return !group[0] || (strncmp(criterion, group, n) == 0 && (criterion[n] == '\0' || criterion[n] == '.'));
}

int srv_is_assigned(srv_store *s, const char *user, int year, const char *agency, const char *criterion)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc, found = 0;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT grp FROM assignments WHERE user = ? AND year = ? AND (agency = '' OR agency = ?)",
	             "sis", user, year, agency) != STORE_OK)
		return STORE_ERR;
	while (!found && (rc = srv_step(c, st)) == SQLITE_ROW)
		found = !criterion || in_group(criterion, srv_col(st, 0));
	sqlite3_finalize(st);
	return found ? 1 : rc == SQLITE_DONE ? 0 : rc;
}

/* Every row of st (finalized here) as a JSON object in an array: an integer column 0 named id_key
 * first unless id_key is NULL, then the text columns after it named keys[0..n-1] ("" as null when
 * empty_null). too_large: the message when the answer passes the writer's cap. */
static int rows_json(srv_conn *c, sqlite3_stmt *st, const char *id_key, const char *const *keys, int n,
                     int empty_null, cchc_buf *out, const char *too_large)
{
	int first = id_key != NULL, rc, i;
	cchc_json j;

	cchc_json_init(&j, out, 0);
	cchc_json_array_begin(&j);
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		cchc_json_object_begin(&j);
		if (id_key) {
			cchc_json_key(&j, id_key);
			cchc_json_int(&j, sqlite3_column_int64(st, 0));
		}
		for (i = 0; i < n; i++) {
			const char *v = (const char *)sqlite3_column_text(st, first + i);
			cchc_json_key(&j, keys[i]);
			cchc_json_string(&j, v && (v[0] || !empty_null) ? v : NULL);
		}
		cchc_json_object_end(&j);
	}
	sqlite3_finalize(st);
	cchc_json_array_end(&j);
	if (rc != SQLITE_DONE)
		return rc;
	return cchc_json_finish(&j) == 0 ? STORE_OK : srv_fail(c, STORE_ERR, "%s", too_large);
}

int srv_assignments_json(srv_store *s, int year, cchc_buf *out)
{
	static const char *const keys[] = {"user", "agency", "group"};
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT user, agency, grp FROM assignments WHERE year = ? ORDER BY user, agency, grp", "i",
	             year) != STORE_OK)
		return STORE_ERR;
	/* "": every agency, every criterion */
	return rows_json(c, st, NULL, keys, 3, 1, out, "out of memory");
}

int srv_session_put(srv_store *s, const unsigned char token_hash[32], const char *user, const char *csrf,
                    long long expires)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	/* sessions nobody came back for go as new ones come */
	rc = srv_exec(c, "DELETE FROM sessions WHERE expires <= CAST(strftime('%s', 'now') AS INTEGER)", "");
	if (rc == STORE_OK)
		rc = srv_exec(c, "INSERT OR REPLACE INTO sessions(token_hash, user, csrf, expires) VALUES (?, ?, ?, ?)",
		              "hssl", token_hash, user, csrf, expires);
	return srv_finish(c, rc);
}

int srv_session_get(srv_store *s, const unsigned char token_hash[32], srv_user *user, char csrf[65], long long now)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st,
	             "SELECT u.name, u.role, u.agency, u.hash, s.csrf, s.expires FROM sessions s"
	             " JOIN users u ON u.name = s.user WHERE s.token_hash = ?",
	             "h", token_hash) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW && sqlite3_column_int64(st, 5) > now) {
		srv_copy(csrf, 65, srv_col(st, 4));
		user_fill(st, user);
		sqlite3_finalize(st);
		return STORE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW) {
		srv_session_delete(s, token_hash);
		return srv_fail(c, STORE_NOTFOUND, "the session has expired");
	}
	return rc == SQLITE_DONE ? srv_fail(c, STORE_NOTFOUND, "no such session") : rc;
}

int srv_session_delete(srv_store *s, const unsigned char token_hash[32])
{
	srv_conn *c = srv_conn_get(s);

	if (!c)
		return STORE_ERR;
	return srv_exec_tx(c, "DELETE FROM sessions WHERE token_hash = ?", "h", token_hash);
}

int srv_audit(srv_store *s, const char *user, const char *ip, const char *action, const char *target,
              const char *outcome)
{
	srv_conn *c = srv_conn_get(s);

	if (!c)
		return STORE_ERR;
	return srv_exec_tx(c,
	                   "INSERT INTO audit(at, user, ip, action, target, outcome) VALUES"
	                   " (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?)",
	                   "sssss", user, ip, action ? action : "", target, outcome ? outcome : "");
}

int srv_audit_json(srv_store *s, long since_id, cchc_buf *out)
{
	static const char *const keys[] = {"at", "user", "ip", "action", "target", "outcome"};
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT id, at, user, ip, action, target, outcome FROM audit WHERE id > ? ORDER BY id LIMIT 1000",
	             "l", (long long)since_id) != STORE_OK)
		return STORE_ERR;
	return rows_json(c, st, "id", keys, 6, 0, out, "the audit log is too large to answer");
}
