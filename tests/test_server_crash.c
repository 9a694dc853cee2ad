/* Crash safety of the real server (issue 18): `cchc serve --data DIR` as a
 * child process, a burst of item saves from three connections, kill -9 at a
 * random moment, PRAGMA integrity_check, restart on the same folder, and every
 * save answered 200 is there. 25 rounds, half under --sync normal, half full.
 * CCHC_CRASH_SEED=N replays the kill moments of a run (its seed is printed). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, setenv, kill, nanosleep */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sqlite3.h>

#include "json_read.h"
#include "server.h"
#include "server_client.h"
#include "store.h"
#include "testutil.h"

#define ROUNDS 25
#define WRITERS 3
#define PER_WRITER 4 /* criteria of skhdt, each written by one connection only */

static char tmp_dir[] = CCHC_TEST_TMP "/server-crash-XXXXXX";
static char data_dir[sizeof tmp_dir + 8];
static unsigned seed;

/* Criteria of skhdt that take {"met": …}: the writer w saves crits[w][*]. */
static const char *const crits[WRITERS][PER_WRITER] = {
	{"1.1.3", "1.3.1", "1.5", "1.6.1"},
	{"2.3", "3.1", "3.2", "3.3"},
	{"3.4", "3.6", "4.1", "4.2"},
};

/* What one criterion saw in a round. The PUT answers the cchc-score/1, not the
 * version; with one connection per criterion its saves are in order, so the
 * version a save acknowledged is the round's base version + its count. */
typedef struct {
	long base;            /* the version read back before the burst */
	long acked;           /* saves answered 200 */
	char last_note[64];   /* the note of the last save answered 200 ("" none) */
	char flight_note[64]; /* the note of the save sent last (maybe in flight at the kill) */
} crit_log;

typedef struct {
	test_client *client;
	int round, w;
	crit_log *log; /* PER_WRITER of them */
	atomic_int *total, *ended;
	long refused; /* the status that ended it: 0 (no answer: the kill), else a refusal */
} writer;

typedef struct {
	pid_t pid;
	unsigned port;
	const char *sync;
} child_server;

static const char *const base_path = "/api/years/2018/agencies/skhdt";

/* cchc serve --data on an ephemeral port, its port read from its first line
 * ("… listening on http://127.0.0.1:PORT/ …"); pid 0 when it did not start. */
static child_server serve(const char *sync)
{
	child_server s = {0, 0, sync};
	char log[sizeof tmp_dir + 16], line[512] = "";
	int fds[2];
	snprintf(log, sizeof log, "%s/serve.log", tmp_dir);
	CU_ASSERT_EQUAL_FATAL(pipe(fds), 0);
	pid_t pid = fork();
	CU_ASSERT_FATAL(pid >= 0);
	if (pid == 0) {
		int err = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
		dup2(fds[1], 1);
		if (err >= 0)
			dup2(err, 2);
		close(fds[0]);
		close(fds[1]);
		execl(CCHC_CLI, "cchc", "serve", "--data", data_dir, "--listen", "127.0.0.1:0",
		      "--threads", "8", "--sync", sync, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	FILE *out = fdopen(fds[0], "r");
	while (out && fgets(line, sizeof line, out)) {
		const char *at = strstr(line, "127.0.0.1:");
		if (at) {
			s.port = (unsigned)strtoul(at + 10, NULL, 10);
			break;
		}
	}
	if (out)
		fclose(out); /* the server writes nothing more on its stdout */
	if (!s.port) {
		fprintf(stderr, "\n    cchc serve did not start (see %s)\n", log);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		CU_FAIL_FATAL("cchc serve did not start");
	}
	s.pid = pid;
	return s;
}

/* SIGTERM: it stops cleanly (exit 0). */
static void stop(child_server *s)
{
	int status = 0;
	kill(s->pid, SIGTERM);
	CU_ASSERT_EQUAL(waitpid(s->pid, &status, 0), s->pid);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	s->pid = 0;
}

static test_client sign_in(const child_server *s)
{
	test_client c = {0};
	c.port = s->port;
	CU_ASSERT_EQUAL_FATAL(test_login(&c, "skhdt", "demo"), 200);
	return c;
}

static int add_row(void *ctx, int n, char **values, char **names)
{
	(void)names;
	char *all = ctx;
	size_t have = strlen(all);
	if (n == 1 && values[0])
		snprintf(all + have, 256 - have, "%s%s", have ? "; " : "", values[0]);
	return 0;
}

/* PRAGMA integrity_check's every row, joined ("ok" when intact), in a static buffer. */
static const char *integrity(void)
{
	static char all[256];
	char path[sizeof data_dir + 16];
	sqlite3 *db = NULL;
	snprintf(path, sizeof path, "%s/cchc.sqlite3", data_dir);
	all[0] = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA integrity_check", add_row, all, NULL) != SQLITE_OK)
		snprintf(all, sizeof all, "(cannot check %s: %s)", path, db ? sqlite3_errmsg(db) : "no memory");
	sqlite3_close(db);
	return all;
}

/* GET …/items: each logged criterion's version and note into versions[] and
 * notes[] (WRITERS * PER_WRITER of each, in crits order; -1 and "" when absent). */
static void read_items(test_client *c, long *versions, char (*notes)[64])
{
	char path[128];
	test_response r;
	snprintf(path, sizeof path, "%s/items", base_path);
	for (int i = 0; i < WRITERS * PER_WRITER; i++) {
		versions[i] = -1;
		notes[i][0] = 0;
	}
	ASSERT_EQ(test_call(c, "GET", path, NULL, &r), 200);
	json_value *doc = json_parse(r.body, r.len, NULL, 0);
	CU_ASSERT_PTR_NOT_NULL(doc);
	for (size_t i = 0; i < json_len(doc); i++) {
		const json_value *it = json_at(doc, i);
		const char *crit = json_str(json_get(it, "criterion"));
		const char *note = json_str(json_get(json_get(it, "item"), "note"));
		for (int k = 0; crit && k < WRITERS * PER_WRITER; k++)
			if (strcmp(crit, crits[k / PER_WRITER][k % PER_WRITER]) == 0) {
				versions[k] = (long)json_num(json_get(it, "version"));
				snprintf(notes[k], sizeof notes[k], "%s", note ? note : "");
			}
	}
	json_free(doc);
	test_response_free(&r);
}

/* One connection's saves, round-robin over its criteria, until one is not answered. */
static void *write_burst(void *arg)
{
	writer *wr = arg;
	char path[128], body[160];
	for (long k = 0;; k++) {
		crit_log *l = &wr->log[k % PER_WRITER];
		snprintf(path, sizeof path, "%s/items/%s", base_path, crits[wr->w][k % PER_WRITER]);
		snprintf(l->flight_note, sizeof l->flight_note, "round %d writer %d save %ld", wr->round,
		         wr->w, k);
		snprintf(body, sizeof body, "{\"met\": \"%s\", \"note\": \"%s\"}", k % 2 ? "true" : "false",
		         l->flight_note);
		long status = test_call(wr->client, "PUT", path, body, NULL);
		if (status != 200) {
			wr->refused = status;
			atomic_fetch_add(wr->ended, 1);
			return NULL;
		}
		l->acked++;
		memcpy(l->last_note, l->flight_note, sizeof l->last_note);
		atomic_fetch_add(wr->total, 1);
	}
}

/* Every save answered 200 is there after the restart, with at least its version.
 * A save in flight at the kill (sent, not answered) may or may not be there: if
 * it is, the version is one more and the note is its own. */
static int check_round(const crit_log *log, const long *versions, char (*notes)[64])
{
	int landed = 0;
	for (int k = 0; k < WRITERS * PER_WRITER; k++) {
		const crit_log *l = &log[k];
		long acked_version = l->base + l->acked;
		CU_ASSERT(versions[k] >= acked_version);
		CU_ASSERT(versions[k] <= acked_version + 1);
		if (versions[k] == acked_version && l->acked)
			CU_ASSERT_STRING_EQUAL(notes[k], l->last_note);
		if (versions[k] == acked_version + 1) {
			CU_ASSERT_STRING_EQUAL(notes[k], l->flight_note);
			landed++;
		}
		if (versions[k] < acked_version || versions[k] > acked_version + 1)
			fprintf(stderr, "\n    %s: version %ld, acknowledged %ld\n",
			        crits[k / PER_WRITER][k % PER_WRITER], versions[k], acked_version);
	}
	return landed;
}

static void test_crash(void)
{
	child_server s = {0};
	test_client c = {0};
	long versions[WRITERS * PER_WRITER];
	char notes[WRITERS * PER_WRITER][64];
	unsigned rnd = seed;
	int min_acked = 1 << 30, max_acked = 0, landed = 0;

	for (int round = 0; round < ROUNDS; round++) {
		const char *sync = round < ROUNDS / 2 ? "normal" : "full";
		if (s.pid && strcmp(s.sync, sync) != 0)
			stop(&s);
		if (!s.pid) {
			s = serve(sync);
			c = sign_in(&s);
			read_items(&c, versions, notes);
		}
		crit_log log[WRITERS * PER_WRITER] = {{0}};
		for (int k = 0; k < WRITERS * PER_WRITER; k++) {
			CU_ASSERT_FATAL(versions[k] >= 1);
			log[k].base = versions[k];
		}

		/* the burst; kill -9 after 5 to 60 acknowledged saves, while all keep saving */
		atomic_int total = 0, ended = 0;
		writer wr[WRITERS];
		pthread_t th[WRITERS];
		int target = 5 + (int)(rand_r(&rnd) % 56), status = 0;
		for (int w = 0; w < WRITERS; w++) {
			wr[w] = (writer){&c, round, w, log + w * PER_WRITER, &total, &ended, 0};
			CU_ASSERT_EQUAL_FATAL(pthread_create(&th[w], NULL, write_burst, &wr[w]), 0);
		}
		struct timespec pause = {0, 100000};
		while (atomic_load(&total) < target && atomic_load(&ended) == 0)
			nanosleep(&pause, NULL);
		kill(s.pid, SIGKILL);
		CU_ASSERT_EQUAL(waitpid(s.pid, &status, 0), s.pid);
		CU_ASSERT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		s.pid = 0;
		for (int w = 0; w < WRITERS; w++) {
			pthread_join(th[w], NULL);
			CU_ASSERT_EQUAL(wr[w].refused, 0); /* no answer but 200 until the kill */
		}
		int acked = atomic_load(&total);
		CU_ASSERT(acked >= target);
		min_acked = acked < min_acked ? acked : min_acked;
		max_acked = acked > max_acked ? acked : max_acked;

		CU_ASSERT_STRING_EQUAL(integrity(), "ok");
		s = serve(sync);
		c = sign_in(&s);
		read_items(&c, versions, notes);
		landed += check_round(log, versions, notes);
	}
	stop(&s);
	CU_ASSERT(min_acked >= 5);
	printf("\n    %d rounds, seed %u: %d to %d saves acknowledged before each kill; %d saves in flight "
	       "at a kill were stored\n", ROUNDS, seed, min_acked, max_acked, landed);
}

int main(void)
{
	static const test_case tests[] = {
		{"kill -9 mid-burst of saves, 25 times: integrity ok, every answered save there", test_crash},
		{NULL, NULL},
	};
	char err[512];
	const char *env = getenv("CCHC_CRASH_SEED");
	seed = env ? (unsigned)strtoul(env, NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	setenv("LANGUAGE", "en", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	if (!mkdtemp(tmp_dir)) {
		perror(tmp_dir);
		return 1;
	}
	snprintf(data_dir, sizeof data_dir, "%s/data", tmp_dir);
	if (srv_demo_create(data_dir, CCHC_SOURCE_DIR, srv_password_hash_demo, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "%s: %s\n", data_dir, err);
		return 1;
	}
	int rc = test_run_suite("server_crash", tests);
	char cmd[sizeof tmp_dir + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
	if (rc == 0 && system(cmd) != 0)
		rc = 1;
	curl_global_cleanup();
	return rc;
}
