/* Sign-in: Argon2id verification (the store's srv_password_verify) with a
 * dummy verify for unknown users, throttling per user and per address,
 * session tokens (32 random bytes, hex in the cookie, kept hashed by the
 * store) and their CSRF tokens, sign-out. Every sign-in, sign-out and
 * refusal goes to the audit log. */
#include "http_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#define THROTTLE_SLOTS 4096

typedef struct {
	char key[96];     /* "u:NAME" or "i:ADDRESS" */
	unsigned failures;
	long long until;  /* locked until (unix seconds) */
	long long last;   /* last failure, to pick a slot to reuse */
} throttle_slot;

struct srv_throttle {
	pthread_mutex_t lock;
	throttle_slot slots[THROTTLE_SLOTS];
};

int srv_throttle_new(srv_throttle **out)
{
	*out = calloc(1, sizeof **out);
	if (!*out)
		return -1;
	pthread_mutex_init(&(*out)->lock, NULL);
	return 0;
}

void srv_throttle_free(srv_throttle *t)
{
	if (!t)
		return;
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* The slot of key (a reused one when create and it has none), lock held. */
static throttle_slot *slot(srv_throttle *t, const char *key, int create)
{
	throttle_slot *oldest = &t->slots[0];
	for (size_t i = 0; i < THROTTLE_SLOTS; i++) {
		if (strcmp(t->slots[i].key, key) == 0)
			return &t->slots[i];
		if (t->slots[i].last < oldest->last)
			oldest = &t->slots[i];
	}
	if (!create)
		return NULL;
	memset(oldest, 0, sizeof *oldest);
	snprintf(oldest->key, sizeof oldest->key, "%s", key);
	return oldest;
}

/* Seconds key stays locked (0: free to try). */
static long long locked_for(srv_throttle *t, const char *key, long long now)
{
	pthread_mutex_lock(&t->lock);
	throttle_slot *s = slot(t, key, 0);
	long long left = s && s->until > now ? s->until - now : 0;
	pthread_mutex_unlock(&t->lock);
	return left;
}

static void failed(srv_throttle *t, const char *key, unsigned threshold, unsigned lockout,
                   long long now)
{
	pthread_mutex_lock(&t->lock);
	throttle_slot *s = slot(t, key, 1);
	s->failures++;
	s->last = now;
	if (s->failures >= threshold) {
		unsigned shift = s->failures - threshold;
		s->until = now + ((long long)lockout << (shift > 10 ? 10 : shift));
	}
	pthread_mutex_unlock(&t->lock);
}

static void forgive(srv_throttle *t, const char *key)
{
	pthread_mutex_lock(&t->lock);
	throttle_slot *s = slot(t, key, 0);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&t->lock);
}

int srv_password_hash_demo(char out[128], const char *pw)
{
	return crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_MIN,
	                         crypto_pwhash_MEMLIMIT_MIN) == 0
	           ? 0
	           : -1;
}

static int is_hex64(const char *s)
{
	return s && strlen(s) == 64 && srv_segment_valid('h', s);
}

int srv_session_load(srv_req *rq)
{
	const char *tok = MHD_lookup_connection_value(rq->conn, MHD_COOKIE_KIND, "cchc_session");
	if (!is_hex64(tok))
		return -1;
	crypto_hash_sha256(rq->token_hash, (const unsigned char *)tok, 64);
	if (srv_session_get(rq->srv->store, rq->token_hash, &rq->user, rq->csrf,
	                    (long long)time(NULL)) != STORE_OK)
		return -1;
	rq->signed_in = 1;
	return 0;
}

int srv_csrf_ok(const srv_req *rq)
{
	const char *h = srv_header(rq, "X-CSRF-Token");
	return h && strlen(h) == 64 && strlen(rq->csrf) == 64 &&
	       sodium_memcmp(h, rq->csrf, 64) == 0;
}

static enum MHD_Result session_answer(srv_req *rq, const char *cookie)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_puts(&b, "{\"user\": ");
	srv_json_string(&b, rq->user.name);
	cchc_buf_puts(&b, ", \"role\": ");
	srv_json_string(&b, srv_role_name(rq->user.role));
	cchc_buf_puts(&b, ", \"agency\": ");
	srv_json_string(&b, rq->user.agency);
	cchc_buf_puts(&b, ", \"csrf\": ");
	srv_json_string(&b, rq->csrf);
	cchc_buf_puts(&b, "}\n");
	const char *extra[] = {"Set-Cookie", cookie, NULL};
	enum MHD_Result ret = b.failed ? srv_reply_buf(rq, 500, &b)
	                               : srv_reply(rq, 200, "application/json; charset=utf-8",
	                                           b.data, b.len, cookie ? extra : NULL);
	cchc_buf_dispose(&b);
	return ret;
}

enum MHD_Result api_session_post(srv_req *rq)
{
	srv_server *srv = rq->srv;
	char err[128], ukey[96], ikey[96];
	srv_json *body = NULL;
	if (srv_json_parse(&body, rq->body.data, rq->body.len, err, sizeof err) < 0) {
		enum MHD_Result r = srv_error(rq, 400, "nội dung không phải JSON hợp lệ",
		                              "the body is not valid JSON");
		return r;
	}
	const char *given = srv_json_str(srv_json_get(body, "user"));
	const char *pw = srv_json_str(srv_json_get(body, "password"));
	char name[sizeof rq->user.name];
	if (!given || !pw || strlen(given) >= sizeof name) {
		srv_json_free(body);
		return srv_error(rq, 400, "cần {\"user\": \"...\", \"password\": \"...\"}",
		                 "give {\"user\": \"...\", \"password\": \"...\"}");
	}
	snprintf(name, sizeof name, "%s", given);
	long long now = (long long)time(NULL);
	snprintf(ukey, sizeof ukey, "u:%s", name);
	snprintf(ikey, sizeof ikey, "i:%s", rq->ip);
	long long wait = locked_for(srv->throttle, ukey, now);
	long long wait_ip = locked_for(srv->throttle, ikey, now);
	if (wait_ip > wait)
		wait = wait_ip;
	if (wait) {
		srv_w_begin(srv);
		srv_audit(srv->store, name, rq->ip, "login", name, "locked");
		srv_w_end(srv);
		srv_json_free(body);
		char retry[24], vi[160], en[160];
		snprintf(retry, sizeof retry, "%lld", wait);
		snprintf(vi, sizeof vi, "đăng nhập sai quá nhiều lần: thử lại sau %lld giây", wait);
		snprintf(en, sizeof en, "too many failed sign-ins: try again in %lld seconds", wait);
		cchc_buf b;
		cchc_buf_init(&b, 0);
		cchc_buf_puts(&b, "{\"error\": ");
		srv_json_string(&b, rq->lang == CCHC_LANG_EN ? en : vi);
		cchc_buf_puts(&b, "}\n");
		const char *extra[] = {"Retry-After", retry, NULL};
		enum MHD_Result r = srv_reply(rq, 429, "application/json; charset=utf-8",
		                              b.data ? b.data : "", b.len, extra);
		cchc_buf_dispose(&b);
		return r;
	}
	int found = srv_user_get(srv->store, name, &rq->user) == STORE_OK;
	/* an unknown user costs one verification too: no enumeration by timing */
	int ok = srv_password_verify(found ? rq->user.hash : srv->dummy_hash, pw) == 0 && found;
	srv_json_free(body);
	if (!ok) {
		failed(srv->throttle, ukey, srv->cfg.user_failures, srv->cfg.lockout, now);
		failed(srv->throttle, ikey, srv->cfg.ip_failures, srv->cfg.lockout, now);
		srv_w_begin(srv);
		srv_audit(srv->store, name, rq->ip, "login", name, "failed");
		srv_w_end(srv);
		memset(&rq->user, 0, sizeof rq->user);
		return srv_error(rq, 401, "sai tên đăng nhập hoặc mật khẩu",
		                 "wrong user name or password");
	}
	forgive(srv->throttle, ukey);
	unsigned char token[32], csrf[32];
	char token_hex[65], cookie[160];
	randombytes_buf(token, sizeof token);
	randombytes_buf(csrf, sizeof csrf);
	sodium_bin2hex(token_hex, sizeof token_hex, token, sizeof token);
	sodium_bin2hex(rq->csrf, sizeof rq->csrf, csrf, sizeof csrf);
	crypto_hash_sha256(rq->token_hash, (const unsigned char *)token_hex, 64);
	srv_w_begin(srv);
	int rc = srv_session_put(srv->store, rq->token_hash, rq->user.name, rq->csrf,
	                         now + (long long)srv->cfg.session_seconds);
	if (rc == STORE_OK)
		srv_audit(srv->store, rq->user.name, rq->ip, "login", rq->user.name, "ok");
	srv_w_end(srv);
	if (rc != STORE_OK)
		return srv_store_error(rq, STORE_ERR);
	snprintf(cookie, sizeof cookie,
	         "cchc_session=%s; HttpOnly; SameSite=Strict; Path=/; Max-Age=%u%s", token_hex,
	         srv->cfg.session_seconds, srv->tls ? "; Secure" : "");
	sodium_memzero(token_hex, sizeof token_hex);
	enum MHD_Result r = session_answer(rq, cookie);
	sodium_memzero(cookie, sizeof cookie);
	return r;
}

enum MHD_Result api_session_get(srv_req *rq)
{
	return session_answer(rq, NULL);
}

enum MHD_Result api_session_delete(srv_req *rq)
{
	srv_w_begin(rq->srv);
	srv_session_delete(rq->srv->store, rq->token_hash);
	srv_audit(rq->srv->store, rq->user.name, rq->ip, "logout", rq->user.name, "ok");
	srv_w_end(rq->srv);
	const char *extra[] = {"Set-Cookie",
	                       "cchc_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0", NULL};
	return srv_reply(rq, 204, "application/json; charset=utf-8", "", 0, extra);
}
