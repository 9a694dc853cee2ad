/* The store's private parts: the per-thread SQLite connections, the error
 * message of each thread, statement helpers and the frozen-year check that
 * every write goes through. */
#ifndef CCHC_SERVER_STORE_PRIV_H
#define CCHC_SERVER_STORE_PRIV_H

#include <pthread.h>
#include <sqlite3.h>

#include "store.h"

/* One thread's connection (reused by a later thread once its owner ends). */
typedef struct srv_conn {
	sqlite3 *db;
	srv_store *store;
	int in_use;
	char err[512];
	long long rev_before, rev_after; /* the last put's agency revision (srv_last_put_revisions) */
	sqlite3_stmt *rev_stmt;          /* srv_revision's, prepared once */
	struct srv_conn *next;
} srv_conn;

struct srv_store {
	char *dir;
	char *dbpath;
	char *evdir;
	pthread_key_t key;
	pthread_mutex_t mu;
	srv_conn *conns;
	char err[512]; /* when the calling thread could not get a connection */
	int sync_full; /* PRAGMA synchronous=FULL rather than NORMAL (srv_store_set_sync) */
	int bg_checkpoint; /* the connections' automatic checkpoint off: store_checkpoint.c's thread */
	/* store_checkpoint.c */
	pthread_t ckpt_thread;
	pthread_mutex_t ckpt_mu;
	pthread_cond_t ckpt_cv;
	int ckpt_running, ckpt_stop;
	long long ckpt_runs;
};

/* Configure every connection, open and to come, again: bg_checkpoint on or off (store_db.c). */
int srv_store_configure_all(srv_store *s, int bg_checkpoint);

/* The calling thread's connection, opened on first use; NULL (message in
 * s->err) when SQLite cannot open the database. */
srv_conn *srv_conn_get(srv_store *s);

/* Record a message for the calling thread and return rc. */
int srv_fail(srv_conn *c, int rc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* Record SQLite's message about what failed; STORE_ERR. */
int srv_db_fail(srv_conn *c, const char *what);

/* Prepare sql and bind its parameters from fmt, one char each:
 * i int, l long long, s const char * (NULL binds NULL), t const char * + size_t
 * (text of that length), h const unsigned char[32] (a blob).
 * @return STORE_OK or STORE_ERR (message recorded). */
int srv_stmt(srv_conn *c, sqlite3_stmt **st, const char *sql, const char *fmt, ...);
/* The same, stepped to its end (sqlite3_changes() says how many rows it changed). */
int srv_exec(srv_conn *c, const char *sql, const char *fmt, ...);
/* One statement in its own write transaction (BEGIN IMMEDIATE … COMMIT). */
int srv_exec_tx(srv_conn *c, const char *sql, const char *fmt, ...);
/* Every row of st (finalized here) filled into a new array of size-byte
 * elements (*out, the caller's to free; NULL when none). */
int srv_collect(srv_conn *c, sqlite3_stmt *st, size_t size, void (*fill)(sqlite3_stmt *st, void *row),
                void **out, size_t *n);
/* STORE_OK for a criterion id, else STORE_INVALID with the message. */
int srv_criterion_check(srv_conn *c, const char *criterion);
/* Step a statement: SQLITE_ROW, SQLITE_DONE, or STORE_ERR after a message. */
int srv_step(srv_conn *c, sqlite3_stmt *st);
/* A text column, "" for NULL. */
const char *srv_col(sqlite3_stmt *st, int i);
/* Copy src into dst[size], cut at a UTF-8 boundary. */
void srv_copy(char *dst, size_t size, const char *src);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int srv_begin(srv_conn *c);
int srv_commit(srv_conn *c);
void srv_rollback(srv_conn *c);
/* Roll back unless rc is STORE_OK, commit otherwise; the final code. */
int srv_finish(srv_conn *c, int rc);

/* Inside a write transaction: STORE_OK when the year exists and is not
 * published; STORE_NOTFOUND or STORE_FROZEN (message recorded) otherwise. */
int srv_year_writable(srv_conn *c, int year);
/* The same for (year, agency): also STORE_NOTFOUND without the agency. */
int srv_agency_writable(srv_conn *c, int year, const char *agency);
/* STORE_OK when the year holds the agency (agency "": when the year exists),
 * STORE_NOTFOUND (message recorded) otherwise; no freeze check. */
int srv_agency_exists(srv_conn *c, int year, const char *agency);

/* Inside a write transaction: set an item's column ("attrs", "survey",
 * "explanation"; value NULL empties it), checking expected (0: no check),
 * bumping the version and recording the history row. */
int srv_item_write(srv_conn *c, int year, const char *agency, const char *criterion, const char *column,
                   const char *value, long expected, const char *user, long *new_version);
/* Inside a write transaction: check expected against the item's version
 * (its row made when missing), bump it and record (field, old, new). */
int srv_item_bump(srv_conn *c, int year, const char *agency, const char *criterion, long expected,
                  const char *field, const char *old, const char *new_value, const char *user,
                  long *new_version);
/* The same for one appraisal round (attrs: its canonical JSON). */
int srv_appraisal_write(srv_conn *c, int year, const char *agency, const char *criterion, int round,
                        const char *attrs, long expected, const char *user, long *new_version);

/* A UTF-8 identifier a path or a URL may carry: [A-Za-z0-9._-], 1..63 bytes. */
int srv_id_ok(const char *id);

#endif
