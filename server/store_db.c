#define _POSIX_C_SOURCE 200809L /* strdup */
/* The database: opening, migrations (PRAGMA user_version, one transaction
 * each), one connection per thread, statement helpers, online backup. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_priv.h"

/* Migration i takes the schema from version i to i + 1: its statements run
 * in one transaction. Append only: a shipped migration never changes. */
static const char *const migration_1[] = {
	"CREATE TABLE users(name TEXT PRIMARY KEY, role INTEGER NOT NULL,"
	" agency TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL);",
	"CREATE TABLE sessions(token_hash BLOB PRIMARY KEY,"
	" user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,"
	" csrf TEXT NOT NULL, expires INTEGER NOT NULL);",
	"CREATE TABLE years(year INTEGER PRIMARY KEY, published INTEGER NOT NULL DEFAULT 0,"
	" hash TEXT NOT NULL DEFAULT '', published_at TEXT, published_by TEXT);",
	"CREATE TABLE criteria_sets(year INTEGER NOT NULL REFERENCES years(year),"
	" set_id TEXT NOT NULL, block TEXT NOT NULL, xml BLOB NOT NULL, seq INTEGER NOT NULL,"
	" PRIMARY KEY(year, set_id));",
	"CREATE TABLE agencies(year INTEGER NOT NULL REFERENCES years(year), id TEXT NOT NULL,"
	" name TEXT NOT NULL, block TEXT NOT NULL DEFAULT '', continues TEXT NOT NULL DEFAULT '',"
	" state TEXT NOT NULL DEFAULT 'draft', late INTEGER NOT NULL DEFAULT 0,"
	" criteria_set TEXT, root_attrs TEXT, agency_attrs TEXT, published_xml TEXT,"
	" PRIMARY KEY(year, id));",
	"CREATE TABLE assignments(user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,"
	" year INTEGER NOT NULL REFERENCES years(year), agency TEXT NOT NULL DEFAULT '',"
	" grp TEXT NOT NULL DEFAULT '', PRIMARY KEY(user, year, agency, grp));",
	"CREATE TABLE items(year INTEGER NOT NULL, agency TEXT NOT NULL, criterion TEXT NOT NULL,"
	" attrs TEXT, survey TEXT, explanation TEXT, version INTEGER NOT NULL, seq INTEGER NOT NULL,"
	" PRIMARY KEY(year, agency, criterion),"
	" FOREIGN KEY(year, agency) REFERENCES agencies(year, id));",
	"CREATE TABLE appraisals(year INTEGER NOT NULL, agency TEXT NOT NULL,"
	" criterion TEXT NOT NULL, round INTEGER NOT NULL, attrs TEXT NOT NULL, seq INTEGER NOT NULL,"
	" PRIMARY KEY(year, agency, criterion, round),"
	" FOREIGN KEY(year, agency, criterion) REFERENCES items(year, agency, criterion));",
	"CREATE TABLE history(id INTEGER PRIMARY KEY, year INTEGER NOT NULL, agency TEXT NOT NULL,"
	" criterion TEXT NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT, by TEXT NOT NULL,"
	" at TEXT NOT NULL, version INTEGER NOT NULL);",
	"CREATE INDEX history_item ON history(year, agency, criterion);",
	"CREATE TABLE deadlines(year INTEGER NOT NULL REFERENCES years(year), stage TEXT NOT NULL,"
	" date TEXT NOT NULL, PRIMARY KEY(year, stage));",
	"CREATE TABLE evidence(hash TEXT PRIMARY KEY, type TEXT NOT NULL, size INTEGER NOT NULL,"
	" added TEXT NOT NULL);",
	"CREATE TABLE evidence_links(year INTEGER NOT NULL, agency TEXT NOT NULL,"
	" criterion TEXT NOT NULL, hash TEXT NOT NULL REFERENCES evidence(hash),"
	" filename TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,"
	" PRIMARY KEY(year, agency, criterion, hash),"
	" FOREIGN KEY(year, agency) REFERENCES agencies(year, id));",
	"CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT,"
	" ip TEXT, action TEXT NOT NULL, target TEXT, outcome TEXT NOT NULL);",
	/* The freeze, a second time in the schema itself: no row of a published
	 * year changes whatever code runs. */
	"CREATE TRIGGER frozen_items_i BEFORE INSERT ON items WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_items_u BEFORE UPDATE ON items WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_items_d BEFORE DELETE ON items WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_appraisals_d BEFORE DELETE ON appraisals WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_appraisals_i BEFORE INSERT ON appraisals WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_appraisals_u BEFORE UPDATE ON appraisals WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_agencies_i BEFORE INSERT ON agencies WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_agencies_u BEFORE UPDATE ON agencies WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_criteria_i BEFORE INSERT ON criteria_sets WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_criteria_u BEFORE UPDATE ON criteria_sets WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_criteria_d BEFORE DELETE ON criteria_sets WHEN"
	" (SELECT published FROM years WHERE year = OLD.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_links_i BEFORE INSERT ON evidence_links WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_deadlines_i BEFORE INSERT ON deadlines WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_assign_i BEFORE INSERT ON assignments WHEN"
	" (SELECT published FROM years WHERE year = NEW.year) BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	"CREATE TRIGGER frozen_years_u BEFORE UPDATE ON years WHEN OLD.published"
	" BEGIN SELECT RAISE(ABORT, 'frozen'); END;",
	NULL,
};

/* Revisions: a counter per (year, agency) bumped, by triggers in the same
 * transaction, by every write to a row the rebuilt assessment reads (items,
 * surveys, explanations, appraisal rounds, evidence links, the agency's row
 * and state), whoever writes (the server, cchc admin); agency '' counts the
 * year's criteria sets. A reader compares it to know its copy is exact. */
#define REV_BUMP(y, a) "INSERT INTO revisions(year, agency, rev) VALUES (" y ", " a ", 1)" \
	" ON CONFLICT(year, agency) DO UPDATE SET rev = rev + 1;"
#define REV_TRIGGERS(table, new_agency, old_agency)                                                              \
	"CREATE TRIGGER rev_" table "_i AFTER INSERT ON " table " BEGIN "                            \
	REV_BUMP("NEW.year", new_agency) " END;",                                                     \
	"CREATE TRIGGER rev_" table "_u AFTER UPDATE ON " table " BEGIN "                            \
	REV_BUMP("NEW.year", new_agency) " END;",                                                     \
	"CREATE TRIGGER rev_" table "_d AFTER DELETE ON " table " BEGIN "                            \
	REV_BUMP("OLD.year", old_agency) " END;"
static const char *const migration_2[] = {
	"CREATE TABLE revisions(year INTEGER NOT NULL, agency TEXT NOT NULL, rev INTEGER NOT NULL,"
	" PRIMARY KEY(year, agency)) WITHOUT ROWID;",
	REV_TRIGGERS("items", "NEW.agency", "OLD.agency"),
	REV_TRIGGERS("appraisals", "NEW.agency", "OLD.agency"),
	REV_TRIGGERS("evidence_links", "NEW.agency", "OLD.agency"),
	REV_TRIGGERS("agencies", "NEW.id", "OLD.id"),
	REV_TRIGGERS("criteria_sets", "''", "''"),
	NULL,
};

/* The Word documents' header values (store_documents.c): agency '' is the
 * province's report. No freeze trigger and no revision: they change no figure. */
static const char *const migration_3[] = {
	"CREATE TABLE documents(year INTEGER NOT NULL REFERENCES years(year), agency TEXT NOT NULL,"
	" doc TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY(year, agency));",
	NULL,
};

static const char *const *const migrations[] = {migration_1, migration_2, migration_3};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

int srv_store_schema_version(void)
{
	return SCHEMA_VERSION;
}

void srv_copy(char *dst, size_t size, const char *src)
{
	size_t n;

	if (size == 0)
		return;
	if (!src)
		src = "";
	n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int srv_fail(srv_conn *c, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->err, sizeof c->err, fmt, ap);
	va_end(ap);
	return rc;
}

int srv_db_fail(srv_conn *c, const char *what)
{
	const char *msg = sqlite3_errmsg(c->db);

	if (strstr(msg, "frozen"))
		return srv_fail(c, STORE_FROZEN, "%s: the year is published and can no longer change", what);
	return srv_fail(c, STORE_ERR, "%s: %s: %s", c->store->dbpath, what, msg);
}

static int bind_all(srv_conn *c, sqlite3_stmt *st, const char *fmt, va_list ap)
{
	int i, rc = SQLITE_OK;

	for (i = 0; fmt && fmt[i] && rc == SQLITE_OK; i++) {
		switch (fmt[i]) {
		case 'i':
			rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int));
			break;
		case 'l':
			rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, long long));
			break;
		case 's': {
			const char *v = va_arg(ap, const char *);
			rc = v ? sqlite3_bind_text(st, i + 1, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i + 1);
			break;
		}
		case 't': {
			const char *v = va_arg(ap, const char *);
			size_t n = va_arg(ap, size_t);
			rc = sqlite3_bind_text64(st, i + 1, v, n, SQLITE_TRANSIENT, SQLITE_UTF8);
			break;
		}
		case 'h':
			rc = sqlite3_bind_blob(st, i + 1, va_arg(ap, const unsigned char *), 32, SQLITE_TRANSIENT);
			break;
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc == SQLITE_OK ? STORE_OK : srv_db_fail(c, "binding a value");
}

static int stmt_v(srv_conn *c, sqlite3_stmt **st, const char *sql, const char *fmt, va_list ap)
{
	if (sqlite3_prepare_v2(c->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return srv_db_fail(c, "preparing a statement");
	}
	if (bind_all(c, *st, fmt, ap) != STORE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
		return STORE_ERR;
	}
	return STORE_OK;
}

int srv_stmt(srv_conn *c, sqlite3_stmt **st, const char *sql, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = stmt_v(c, st, sql, fmt, ap);
	va_end(ap);
	return rc;
}

int srv_step(srv_conn *c, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	if (rc == SQLITE_CONSTRAINT && strstr(sqlite3_errmsg(c->db), "FOREIGN KEY"))
		return srv_fail(c, STORE_NOTFOUND, "%s: what it refers to does not exist", c->store->dbpath);
	if (rc == SQLITE_CONSTRAINT && !strstr(sqlite3_errmsg(c->db), "frozen"))
		return srv_fail(c, STORE_CONFLICT, "%s: %s", c->store->dbpath, sqlite3_errmsg(c->db));
	return srv_db_fail(c, "writing");
}

int srv_exec(srv_conn *c, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = stmt_v(c, &st, sql, fmt, ap);
	va_end(ap);
	if (rc != STORE_OK)
		return rc;
	do
		rc = srv_step(c, st);
	while (rc == SQLITE_ROW);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : rc;
}

int srv_exec_tx(srv_conn *c, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	if ((rc = srv_begin(c)) != STORE_OK)
		return rc;
	va_start(ap, fmt);
	rc = stmt_v(c, &st, sql, fmt, ap);
	va_end(ap);
	if (rc == STORE_OK) {
		do
			rc = srv_step(c, st);
		while (rc == SQLITE_ROW);
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? STORE_OK : rc;
	}
	return srv_finish(c, rc);
}

int srv_collect(srv_conn *c, sqlite3_stmt *st, size_t size, void (*fill)(sqlite3_stmt *st, void *row),
                void **out, size_t *n)
{
	char *v = NULL, *grown;
	size_t count = 0;
	int rc;

	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		if (!(grown = realloc(v, (count + 1) * size))) {
			rc = srv_fail(c, STORE_ERR, "out of memory");
			break;
		}
		v = grown;
		fill(st, v + count++ * size);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return rc;
	}
	*out = v;
	*n = count;
	return STORE_OK;
}

int srv_criterion_check(srv_conn *c, const char *criterion)
{
	if (srv_id_ok(criterion))
		return STORE_OK;
	return srv_fail(c, STORE_INVALID, "criterion \"%s\": not a criterion id", criterion ? criterion : "");
}

const char *srv_col(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v ? (const char *)v : "";
}

int srv_begin(srv_conn *c)
{
	if (sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return srv_db_fail(c, "starting a write");
	return STORE_OK;
}

int srv_commit(srv_conn *c)
{
	if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = srv_db_fail(c, "committing");
		srv_rollback(c);
		return rc;
	}
	return STORE_OK;
}

void srv_rollback(srv_conn *c)
{
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
}

int srv_finish(srv_conn *c, int rc)
{
	if (rc != STORE_OK) {
		srv_rollback(c);
		return rc;
	}
	return srv_commit(c);
}

int srv_year_writable(srv_conn *c, int year)
{
	sqlite3_stmt *st;
	int rc = srv_stmt(c, &st, "SELECT published FROM years WHERE year = ?", "i", year);

	if (rc != STORE_OK)
		return rc;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW)
		rc = sqlite3_column_int(st, 0)
		             ? srv_fail(c, STORE_FROZEN, "the year %d is published and can no longer change", year)
		             : STORE_OK;
	else if (rc == SQLITE_DONE)
		rc = srv_fail(c, STORE_NOTFOUND, "there is no year %d", year);
	sqlite3_finalize(st);
	return rc;
}

int srv_agency_exists(srv_conn *c, int year, const char *agency)
{
	sqlite3_stmt *st;
	int rc = agency[0] ? srv_stmt(c, &st, "SELECT 1 FROM agencies WHERE year = ? AND id = ?", "is", year, agency)
	                   : srv_stmt(c, &st, "SELECT 1 FROM years WHERE year = ?", "i", year);

	if (rc != STORE_OK)
		return rc;
	rc = srv_step(c, st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc != SQLITE_DONE)
		return rc;
	return agency[0] ? srv_fail(c, STORE_NOTFOUND, "there is no agency %s in %d", agency, year)
	                 : srv_fail(c, STORE_NOTFOUND, "there is no year %d", year);
}

int srv_agency_writable(srv_conn *c, int year, const char *agency)
{
	int rc = srv_year_writable(c, year);

	return rc == STORE_OK ? srv_agency_exists(c, year, agency) : rc;
}

int srv_id_ok(const char *id)
{
	size_t i;

	if (!id || !id[0])
		return 0;
	for (i = 0; id[i]; i++) {
		char ch = id[i];
		if (i >= 63 || !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		                 (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-'))
			return 0;
	}
	return 1;
}

/* The settings every connection needs (WAL itself is persistent in the file,
 * set once at open): foreign keys, how a commit reaches the disk, a busy
 * timeout for the writers queueing behind each other, and whether the commit
 * that fills the log checkpoints it (not when a thread of the server does:
 * store_checkpoint.c). */
static int configure(sqlite3 *db, const srv_store *s)
{
	char sql[160];
	sqlite3_busy_timeout(db, 10000);
	snprintf(sql, sizeof sql, "PRAGMA foreign_keys=ON; PRAGMA synchronous=%s; PRAGMA wal_autocheckpoint=%d;",
	         s->sync_full ? "FULL" : "NORMAL", s->bg_checkpoint ? 0 : 1000);
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int configure_all(srv_store *s)
{
	srv_conn *c;
	int rc = STORE_OK;

	pthread_mutex_lock(&s->mu);
	for (c = s->conns; c; c = c->next)
		if (configure(c->db, s) != SQLITE_OK)
			rc = STORE_ERR;
	pthread_mutex_unlock(&s->mu);
	return rc;
}

int srv_store_set_sync(srv_store *s, srv_sync mode)
{
	s->sync_full = mode == SRV_SYNC_FULL;
	return configure_all(s);
}

int srv_store_configure_all(srv_store *s, int bg_checkpoint)
{
	s->bg_checkpoint = bg_checkpoint;
	return configure_all(s);
}

int srv_revision(srv_store *s, int year, const char *agency, long long *agency_rev, long long *criteria_rev)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3_stmt *st;
	int rc;

	*agency_rev = *criteria_rev = 0;
	if (!c)
		return STORE_ERR;
	/* asked before every cached answer: prepared once per connection */
	if (!c->rev_stmt &&
	    sqlite3_prepare_v3(c->db,
	                       "SELECT coalesce(max(CASE agency WHEN '' THEN NULL ELSE rev END), 0),"
	                       " coalesce(max(CASE agency WHEN '' THEN rev END), 0)"
	                       " FROM revisions WHERE year = ?1 AND agency IN (?2, '')",
	                       -1, SQLITE_PREPARE_PERSISTENT, &c->rev_stmt, NULL) != SQLITE_OK) {
		c->rev_stmt = NULL;
		return srv_db_fail(c, "preparing a statement");
	}
	st = c->rev_stmt;
	if (sqlite3_bind_int(st, 1, year) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, agency ? agency : "", -1, SQLITE_TRANSIENT) != SQLITE_OK)
		return srv_db_fail(c, "binding a value");
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		*agency_rev = sqlite3_column_int64(st, 0);
		*criteria_rev = sqlite3_column_int64(st, 1);
		rc = STORE_OK;
	}
	sqlite3_reset(st);
	return rc;
}

static void release(void *p)
{
	srv_conn *c = p;

	pthread_mutex_lock(&c->store->mu);
	c->in_use = 0;
	pthread_mutex_unlock(&c->store->mu);
}

srv_conn *srv_conn_get(srv_store *s)
{
	srv_conn *c = pthread_getspecific(s->key);
	sqlite3 *db = NULL;

	if (c)
		return c;
	pthread_mutex_lock(&s->mu);
	for (c = s->conns; c && c->in_use; c = c->next)
		;
	if (c)
		c->in_use = 1;
	pthread_mutex_unlock(&s->mu);
	if (!c) {
		if (sqlite3_open_v2(s->dbpath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
		            SQLITE_OK ||
		    configure(db, s) != SQLITE_OK || !(c = calloc(1, sizeof *c))) {
			pthread_mutex_lock(&s->mu);
			snprintf(s->err, sizeof s->err, "%s: cannot open the database: %s", s->dbpath,
			         db ? sqlite3_errmsg(db) : "out of memory");
			pthread_mutex_unlock(&s->mu);
			sqlite3_close(db);
			return NULL;
		}
		c->db = db;
		c->store = s;
		c->in_use = 1;
		c->rev_before = c->rev_after = -1;
		pthread_mutex_lock(&s->mu);
		c->next = s->conns;
		s->conns = c;
		pthread_mutex_unlock(&s->mu);
	}
	c->err[0] = '\0';
	pthread_setspecific(s->key, c);
	return c;
}

const char *srv_store_errmsg(srv_store *s)
{
	srv_conn *c = s ? pthread_getspecific(s->key) : NULL;

	if (c && c->err[0])
		return c->err;
	return s ? s->err : "";
}

const char *srv_store_dir(const srv_store *s)
{
	return s->dir;
}

static int exec_all(sqlite3 *db, const char *const *sql)
{
	int rc = SQLITE_OK;

	while (*sql && rc == SQLITE_OK)
		rc = sqlite3_exec(db, *sql++, NULL, NULL, NULL);
	return rc;
}

/* Did the last call on db fail because another connection holds a lock? */
static int is_busy(sqlite3 *db)
{
	int code = sqlite3_extended_errcode(db) & 0xff;

	return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

/* Bring the database to SCHEMA_VERSION, one transaction per migration; the
 * version is read inside each (BEGIN IMMEDIATE), so two processes opening a
 * fresh folder at once do not both migrate. *busy: it failed on a lock. */
static int migrate(srv_store *s, sqlite3 *db, int *busy, char *err, size_t errlen)
{
	for (;;) {
		sqlite3_stmt *st = NULL;
		char pragma[48];
		int version = -1;
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK &&
		    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (version < 0) {
			*busy = is_busy(db);
			snprintf(err, errlen, "%s: cannot read the schema version: %s", s->dbpath, sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return STORE_ERR;
		}
		if (version > SCHEMA_VERSION) {
			snprintf(err, errlen,
			         "%s: the database is at schema version %d, newer than this cchc knows (%d): "
			         "run a newer cchc, or restore a backup made with this one",
			         s->dbpath, version, SCHEMA_VERSION);
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return STORE_INVALID;
		}
		if (version == SCHEMA_VERSION) {
			if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
				return STORE_OK;
			*busy = is_busy(db);
			snprintf(err, errlen, "%s: cannot read the schema version: %s", s->dbpath, sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return STORE_ERR;
		}
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version + 1);
		if (exec_all(db, migrations[version]) != SQLITE_OK ||
		    sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			*busy = is_busy(db);
			snprintf(err, errlen, "%s: migrating the schema to version %d: %s", s->dbpath, version + 1,
			         sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			return STORE_ERR;
		}
	}
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

static int make_dir(const char *path, char *err, size_t errlen)
{
	struct stat sb;

	if (mkdir(path, 0750) == 0 || (errno == EEXIST && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)))
		return STORE_OK;
	snprintf(err, errlen, "%s: cannot create the folder: %s", path,
	         errno == EEXIST ? "a file of that name is in the way" : strerror(errno));
	return STORE_ERR;
}

/* One attempt at opening and migrating the database; *busy when it failed
 * on another process's lock (several opening a fresh folder at once: the
 * switch to WAL and the first migration each want the file alone, and SQLite
 * does not always wait for those). */
static int open_once(srv_store *s, int *busy, char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	int rc = STORE_ERR;

	*busy = 0;
	if (sqlite3_open_v2(s->dbpath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 10000) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK ||
	    configure(db, s) != SQLITE_OK) {
		*busy = db && is_busy(db);
		snprintf(err, errlen, "%s: cannot open the database: %s", s->dbpath,
		         db ? sqlite3_errmsg(db) : "out of memory");
	} else {
		rc = migrate(s, db, busy, err, errlen);
	}
	sqlite3_close(db);
	return rc;
}

int srv_store_open(srv_store **out, const char *dir, char *err, size_t errlen)
{
	srv_store *s = calloc(1, sizeof *s);
	int rc = STORE_ERR, busy = 1, attempt;

	*out = NULL;
	if (!s || !(s->dir = strdup(dir)) || !(s->dbpath = join(dir, "cchc.sqlite3")) ||
	    !(s->evdir = join(dir, "evidence"))) {
		snprintf(err, errlen, "%s: out of memory", dir);
		goto cleanup;
	}
	if (make_dir(dir, err, errlen) != STORE_OK || make_dir(s->evdir, err, errlen) != STORE_OK)
		goto cleanup;
	/* on a lock: again after a short wait (growing, staggered), for up to about 30 s */
	for (attempt = 0; busy && attempt < 300; attempt++) {
		if (attempt)
			sqlite3_sleep(10 + (int)(((unsigned)getpid() * 7u + (unsigned)attempt * 13u) % 90u));
		rc = open_once(s, &busy, err, errlen);
	}
	if (rc != STORE_OK)
		goto cleanup;
	rc = STORE_ERR;
	if (pthread_mutex_init(&s->mu, NULL) != 0)
		goto cleanup;
	if (pthread_key_create(&s->key, release) != 0) {
		pthread_mutex_destroy(&s->mu);
		goto cleanup;
	}
	*out = s;
	rc = STORE_OK;
cleanup:
	if (rc != STORE_OK && s) {
		free(s->dir);
		free(s->dbpath);
		free(s->evdir);
		free(s);
	}
	return rc;
}

void srv_store_close(srv_store *s)
{
	srv_conn *c, *next;

	if (!s)
		return;
	srv_store_checkpoint_stop(s);
	pthread_key_delete(s->key);
	for (c = s->conns; c; c = next) {
		next = c->next;
		sqlite3_finalize(c->rev_stmt);
		sqlite3_close_v2(c->db);
		free(c);
	}
	pthread_mutex_destroy(&s->mu);
	free(s->dir);
	free(s->dbpath);
	free(s->evdir);
	free(s);
}

/* Into a temporary file beside path, renamed over it once whole: a reader
 * sees no backup or the whole one. */
int srv_store_backup(srv_store *s, const char *path, char *err, size_t errlen)
{
	srv_conn *c = srv_conn_get(s);
	sqlite3 *dest = NULL;
	sqlite3_backup *b;
	char *tmp;
	int rc;

	if (!c) {
		snprintf(err, errlen, "%s", s->err);
		return STORE_ERR;
	}
	if (!(tmp = malloc(strlen(path) + 6))) {
		snprintf(err, errlen, "%s: out of memory", path);
		return STORE_ERR;
	}
	sprintf(tmp, "%s.part", path);
	remove(tmp);
	if (sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    !(b = sqlite3_backup_init(dest, "main", c->db, "main"))) {
		snprintf(err, errlen, "%s: cannot create the backup: %s", path, dest ? sqlite3_errmsg(dest) : "out of memory");
		rc = STORE_ERR;
		goto cleanup;
	}
	/* a few pages at a time, so writers are not held up for the whole copy */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(5);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "%s: the backup failed: %s", path, sqlite3_errstr(rc));
		rc = STORE_ERR;
		goto cleanup;
	}
	rc = sqlite3_close(dest) == SQLITE_OK ? STORE_OK : STORE_ERR;
	dest = NULL;
	if (rc == STORE_OK && rename(tmp, path) != 0)
		rc = STORE_ERR;
	if (rc != STORE_OK)
		snprintf(err, errlen, "%s: cannot finish the backup: %s", path, strerror(errno));
cleanup:
	sqlite3_close(dest);
	if (rc != STORE_OK)
		remove(tmp);
	free(tmp);
	return rc;
}
