/* Years (and their publication), criteria sets, agencies, the cycle's
 * states and deadlines. */
#include <stdlib.h>
#include <string.h>

#include "json_writer.h"
#include "store_priv.h"

static const char *const states[] = {"draft", "submitted", "appraised-1", "explanation", "appraised-2", "final"};

static int state_ok(const char *state)
{
	size_t i;

	for (i = 0; state && i < sizeof states / sizeof states[0]; i++)
		if (strcmp(states[i], state) == 0)
			return 1;
	return 0;
}

int srv_year_add(srv_store *s, int year)
{
	srv_conn *c = srv_conn_get(s);

	if (!c)
		return STORE_ERR;
	if (year < 2000 || year > 9999)
		return srv_fail(c, STORE_INVALID, "year %d: give a year from 2000 to 9999", year);
	return srv_exec_tx(c, "INSERT INTO years(year) VALUES (?)", "i", year);
}

int srv_year_state(srv_store *s, int year, int *published, char hash[65])
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT published, hash FROM years WHERE year = ?", "i", year) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		*published = sqlite3_column_int(st, 0);
		srv_copy(hash, 65, srv_col(st, 1));
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = srv_fail(c, STORE_NOTFOUND, "there is no year %d", year);
	}
	sqlite3_finalize(st);
	return rc;
}

static void year_fill(sqlite3_stmt *st, void *row)
{
	srv_year *y = row;

	y->year = sqlite3_column_int(st, 0);
	y->published = sqlite3_column_int(st, 1);
	srv_copy(y->hash, sizeof y->hash, srv_col(st, 2));
}

int srv_year_list(srv_store *s, srv_year **out, size_t *n)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT year, published, hash FROM years ORDER BY year", "") != STORE_OK)
		return STORE_ERR;
	return srv_collect(c, st, sizeof **out, year_fill, (void **)out, n);
}

int srv_criteria_put(srv_store *s, int year, const char *block, const char *set_id, const char *xml, size_t len)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!srv_id_ok(set_id) || !srv_id_ok(block))
		return srv_fail(c, STORE_INVALID, "criteria set \"%s\": a bad set or block id", set_id ? set_id : "");
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_year_writable(c, year);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO criteria_sets(year, set_id, block, xml, seq) VALUES (?1, ?2, ?3, ?4,"
		              " (SELECT coalesce(max(seq), 0) + 1 FROM criteria_sets WHERE year = ?1))"
		              " ON CONFLICT(year, set_id) DO UPDATE SET block = excluded.block, xml = excluded.xml",
		              "isst", year, set_id, block, xml, len);
	return srv_finish(c, rc);
}

void srv_strv_free(char **strv, size_t *lens, size_t n)
{
	size_t i;

	for (i = 0; strv && i < n; i++)
		free(strv[i]);
	free(strv);
	free(lens);
}

int srv_criteria_list(srv_store *s, int year, char ***xmls, size_t **lens, size_t *n)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	char **v = NULL;
	size_t *l = NULL, count = 0;
	int rc;

	*xmls = NULL;
	*lens = NULL;
	*n = 0;
	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT xml FROM criteria_sets WHERE year = ? ORDER BY seq", "i", year) != STORE_OK)
		return STORE_ERR;
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		size_t len = (size_t)sqlite3_column_bytes(st, 0);
		char **gv = realloc(v, (count + 1) * sizeof *v);
		size_t *gl = gv ? realloc(l, (count + 1) * sizeof *l) : NULL;
		if (gv)
			v = gv;
		if (gl)
			l = gl;
		if (!gv || !gl || !(v[count] = malloc(len + 1))) {
			rc = srv_fail(c, STORE_ERR, "out of memory");
			break;
		}
		memcpy(v[count], sqlite3_column_blob(st, 0), len);
		v[count][len] = '\0';
		l[count++] = len;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		srv_strv_free(v, l, count);
		return rc;
	}
	*xmls = v;
	*lens = l;
	*n = count;
	return STORE_OK;
}

/* "a,b,c": each an id. */
static int continues_ok(const char *list)
{
	char id[64];
	const char *p = list, *comma;

	while (*p) {
		comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0 || n >= sizeof id)
			return 0;
		memcpy(id, p, n);
		id[n] = '\0';
		if (!srv_id_ok(id))
			return 0;
		p += n + (comma ? 1 : 0);
		if (comma && !*p)
			return 0;
	}
	return 1;
}

int srv_agency_add(srv_store *s, int year, const char *id, const char *name, const char *block, const char *continues)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!srv_id_ok(id))
		return srv_fail(c, STORE_INVALID, "agency id \"%s\": use 1 to 63 letters, digits, '.', '_' or '-'",
		                id ? id : "");
	if (!name || !name[0] || strlen(name) >= sizeof ((srv_agency *)0)->name)
		return srv_fail(c, STORE_INVALID, "agency %s: give a name of 1 to 255 bytes", id);
	if (block && block[0] && !srv_id_ok(block))
		return srv_fail(c, STORE_INVALID, "agency %s: the block \"%s\" is not an id", id, block);
	if (continues && (!continues_ok(continues) || strlen(continues) >= sizeof ((srv_agency *)0)->continues))
		return srv_fail(c, STORE_INVALID,
		                "agency %s: continues \"%s\": give the earlier agency ids separated by commas", id,
		                continues);
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_year_writable(c, year);
	if (rc == STORE_OK)
		rc = srv_exec(c, "INSERT INTO agencies(year, id, name, block, continues) VALUES (?, ?, ?, ?, ?)", "issss",
		              year, id, name, block ? block : "", continues ? continues : "");
	if (rc == STORE_CONFLICT)
		rc = srv_fail(c, STORE_CONFLICT, "the agency %s already exists in %d", id, year);
	return srv_finish(c, rc);
}

#define AGENCY_COLUMNS "id, name, block, continues, state, late"

static void agency_fill(sqlite3_stmt *st, void *row)
{
	srv_agency *a = row;

	srv_copy(a->id, sizeof a->id, srv_col(st, 0));
	srv_copy(a->name, sizeof a->name, srv_col(st, 1));
	srv_copy(a->block, sizeof a->block, srv_col(st, 2));
	srv_copy(a->continues, sizeof a->continues, srv_col(st, 3));
	srv_copy(a->state, sizeof a->state, srv_col(st, 4));
	a->late = sqlite3_column_int(st, 5);
}

int srv_agency_get(srv_store *s, int year, const char *id, srv_agency *out)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT " AGENCY_COLUMNS " FROM agencies WHERE year = ? AND id = ?", "is", year,
	             id) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		agency_fill(st, out);
		rc = STORE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = srv_fail(c, STORE_NOTFOUND, "there is no agency %s in %d", id, year);
	}
	sqlite3_finalize(st);
	return rc;
}

int srv_agency_list(srv_store *s, int year, srv_agency **out, size_t *n)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT " AGENCY_COLUMNS " FROM agencies WHERE year = ? ORDER BY block, id", "i",
	             year) != STORE_OK)
		return STORE_ERR;
	return srv_collect(c, st, sizeof **out, agency_fill, (void **)out, n);
}

int srv_state_set(srv_store *s, int year, const char *agency, const char *from, const char *to, const char *user)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!state_ok(from) || !state_ok(to))
		return srv_fail(c, STORE_INVALID, "state: give one of draft, submitted, appraised-1, explanation, "
		                                  "appraised-2, final");
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_agency_writable(c, year, agency);
	/* a submission after the "submitted" deadline (a day in Vietnam, UTC+7) is recorded as late */
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "UPDATE agencies SET state = ?4, late = late OR (?4 = 'submitted' AND EXISTS"
		              " (SELECT 1 FROM deadlines d WHERE d.year = ?1 AND d.stage = 'submitted'"
		              " AND date('now', '+7 hours') > d.date)) WHERE year = ?1 AND id = ?2 AND state = ?3",
		              "isss", year, agency, from, to);
	if (rc == STORE_OK && sqlite3_changes(c->db) == 0)
		rc = srv_fail(c, STORE_CONFLICT, "the agency %s is not in the state %s", agency, from);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT INTO history(year, agency, criterion, field, old, new, by, at, version)"
		              " VALUES (?, ?, '', 'state', ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0)",
		              "issss", year, agency, from, to, user ? user : "");
	return srv_finish(c, rc);
}

/* A day of the calendar written YYYY-MM-DD. */
static int date_ok(const char *d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int i, y, m, day;

	for (i = 0; i < 10; i++)
		if (!d[i] || ((i == 4 || i == 7) ? d[i] != '-' : (d[i] < '0' || d[i] > '9')))
			return 0;
	if (d[10] != '\0')
		return 0;
	y = atoi(d);
	m = atoi(d + 5);
	day = atoi(d + 8);
	if (m < 1 || m > 12 || day < 1)
		return 0;
	return day <= days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int srv_deadline_set(srv_store *s, int year, const char *stage, const char *date)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!state_ok(stage) || !strcmp(stage, "draft"))
		return srv_fail(c, STORE_INVALID, "deadline \"%s\": give one of submitted, appraised-1, explanation, "
		                                  "appraised-2, final", stage ? stage : "");
	if (!date || !date_ok(date))
		return srv_fail(c, STORE_INVALID, "deadline %s: \"%s\" is not a day written YYYY-MM-DD", stage,
		                date ? date : "");
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_year_writable(c, year);
	if (rc == STORE_OK)
		rc = srv_exec(c, "INSERT OR REPLACE INTO deadlines(year, stage, date) VALUES (?, ?, ?)", "iss", year,
		              stage, date);
	return srv_finish(c, rc);
}

int srv_deadlines_json(srv_store *s, int year, cchc_buf *out)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	cchc_json j;
	int rc;

	if (!c)
		return STORE_ERR;
	if (srv_stmt(c, &st, "SELECT stage, date FROM deadlines WHERE year = ? ORDER BY date, stage", "i", year) !=
	    STORE_OK)
		return STORE_ERR;
	cchc_json_init(&j, out, 0);
	cchc_json_object_begin(&j);
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		cchc_json_key(&j, srv_col(st, 0));
		cchc_json_string(&j, srv_col(st, 1));
	}
	sqlite3_finalize(st);
	cchc_json_object_end(&j);
	if (rc != SQLITE_DONE)
		return rc;
	return cchc_json_finish(&j) == 0 ? STORE_OK : srv_fail(c, STORE_ERR, "out of memory");
}

int srv_publish(srv_store *s, int year, const char hash[65], const char *user)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	if (!hash || strlen(hash) != 64)
		return srv_fail(c, STORE_INVALID, "publication of %d: the hash must be 64 hex digits", year);
	if (srv_begin(c) != STORE_OK)
		return STORE_ERR;
	rc = srv_year_writable(c, year);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "UPDATE years SET published = 1, hash = ?, published_by = ?,"
		              " published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE year = ?",
		              "ssi", hash, user ? user : "", year);
	return srv_finish(c, rc);
}
