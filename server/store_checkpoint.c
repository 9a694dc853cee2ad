/* Checkpoints off the request path. In WAL mode SQLite copies the log back
 * into the database (a checkpoint, with an fsync of the database file) inside
 * the commit that passes 1000 pages of log: that save, and every save queued
 * behind the server's write lock, waits for it. A server instead turns the
 * automatic checkpoint off on its connections and runs a PASSIVE checkpoint
 * from a thread of its own a few times a second: it never blocks a writer or
 * a reader, and copies only what no reader still needs. Durability is
 * unchanged: a commit is in the log (and, with --sync full, on the disk)
 * before it returns, whoever copies it later. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "store_priv.h"

#define CHECKPOINT_MS 250

static void *checkpointer(void *arg)
{
	srv_store *s = arg;
	sqlite3 *db = NULL;
	/* a first read opens the database in WAL mode: until then a checkpoint does nothing */
	if (sqlite3_open_v2(s->dbpath, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		db = NULL; /* the connections' own checkpoints are off: say so, once */
		fprintf(stderr, "cchc serve: %s: cannot open the database for checkpoints\n", s->dbpath);
	}
	pthread_mutex_lock(&s->ckpt_mu);
	while (!s->ckpt_stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += CHECKPOINT_MS * 1000000L;
		until.tv_sec += until.tv_nsec / 1000000000L;
		until.tv_nsec %= 1000000000L;
		while (!s->ckpt_stop && pthread_cond_timedwait(&s->ckpt_cv, &s->ckpt_mu, &until) != ETIMEDOUT)
			;
		if (s->ckpt_stop || !db)
			continue;
		pthread_mutex_unlock(&s->ckpt_mu);
		int log = 0, copied = 0;
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
		pthread_mutex_lock(&s->ckpt_mu);
		s->ckpt_runs++;
	}
	pthread_mutex_unlock(&s->ckpt_mu);
	sqlite3_close_v2(db);
	return NULL;
}

int srv_store_checkpoint_start(srv_store *s)
{
	if (s->ckpt_running)
		return STORE_OK;
	if (pthread_mutex_init(&s->ckpt_mu, NULL) != 0)
		return STORE_ERR;
	if (pthread_cond_init(&s->ckpt_cv, NULL) != 0) {
		pthread_mutex_destroy(&s->ckpt_mu);
		return STORE_ERR;
	}
	s->ckpt_stop = 0;
	if (pthread_create(&s->ckpt_thread, NULL, checkpointer, s) != 0) {
		pthread_cond_destroy(&s->ckpt_cv);
		pthread_mutex_destroy(&s->ckpt_mu);
		return STORE_ERR;
	}
	s->ckpt_running = 1;
	/* then the connections stop checkpointing themselves */
	return srv_store_configure_all(s, 1);
}

long long srv_store_checkpoints(srv_store *s)
{
	if (!s->ckpt_running)
		return 0;
	pthread_mutex_lock(&s->ckpt_mu);
	long long n = s->ckpt_runs;
	pthread_mutex_unlock(&s->ckpt_mu);
	return n;
}

void srv_store_checkpoint_stop(srv_store *s)
{
	if (!s->ckpt_running)
		return;
	pthread_mutex_lock(&s->ckpt_mu);
	s->ckpt_stop = 1;
	pthread_cond_signal(&s->ckpt_cv);
	pthread_mutex_unlock(&s->ckpt_mu);
	pthread_join(s->ckpt_thread, NULL);
	pthread_cond_destroy(&s->ckpt_cv);
	pthread_mutex_destroy(&s->ckpt_mu);
	s->ckpt_running = 0;
}
