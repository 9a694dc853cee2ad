/* What the server's files share (http.c, auth.c, authz.c, api_*.c): the
 * server and request objects, the route table's shape and the replies. */
#ifndef CCHC_SERVER_HTTP_PRIV_H
#define CCHC_SERVER_HTTP_PRIV_H

#include <microhttpd.h>
#include <pthread.h>

#include "cchc/cchc.h"
#include "cchc/report.h"
#include "json_read.h"
#include "server.h"
#include "store.h"

#define SRV_JSON_CAP ((size_t)256 << 10)   /* JSON bodies */
#define SRV_UPLOAD_CAP ((size_t)20 << 20)  /* evidence files */
#define SRV_MAX_SEGS 10

typedef struct srv_throttle srv_throttle;
typedef struct srv_year_cache srv_year_cache;

struct srv_server {
	struct MHD_Daemon *daemon;
	srv_store *store;
	srv_config cfg;
	unsigned port;
	int tls;
	char *tls_cert_pem, *tls_key_pem;
	char dummy_hash[128];
	srv_throttle *throttle;
	pthread_mutex_t cache_lock;
	srv_year_cache *years;
	pthread_mutex_t write_locks[32]; /* one agency's writes in order (api_score.c) */
	pthread_mutex_t store_write;     /* one store write at a time (srv_w_begin) */
};

/* One store write at a time from this process. SQLite lets one writer in and
 * the others sleep in growing steps (up to 100 ms) until it is done; a mutex
 * queues them instead, so that a burst of saves does not become a tail. */
static inline void srv_w_begin(srv_server *srv)
{
	pthread_mutex_lock(&srv->store_write);
}
static inline void srv_w_end(srv_server *srv)
{
	pthread_mutex_unlock(&srv->store_write);
}

typedef struct srv_req srv_req;
typedef enum MHD_Result (*srv_handler)(srv_req *rq);

/* Who may reach a route beyond its roles mask (authz.c):
 * AGENCY: the path's agency is the user's own (agency), assigned to the user
 * (appraiser, for the path's criterion when it has one), any (evaluator), or
 * the year is published (viewer); without an agency in the path, a year-wide
 * list the handler filters the same way. PUBLISHED: the evaluator, everyone
 * else once the year is published. */
typedef enum { SCOPE_ANY, SCOPE_AGENCY, SCOPE_PUBLISHED } srv_scope;

/* A route's write flag for values publication does not freeze (they change no
 * figure: the documents' header values): the CSRF token, but no 409. */
#define SRV_WRITE_OPEN 2

typedef struct srv_route {
	const char *method;
	const char *pattern; /* "/api/years/{y}/agencies/{a}/items/{c}" */
	srv_handler fn;
	unsigned roles;      /* srv_role mask; 0: no session needed */
	srv_scope scope;
	int write;           /* X-CSRF-Token required; 409 on a published year unless SRV_WRITE_OPEN */
	size_t body_cap;     /* 0: no body */
} srv_route;

struct srv_req {
	srv_server *srv;
	struct MHD_Connection *conn;
	const char *method;
	char path[1024];         /* the decoded segments, NUL-separated */
	char *segs[SRV_MAX_SEGS];
	size_t nseg;
	const srv_route *route;
	int year;                /* 0 when the path has none */
	const char *agency, *criterion, *hash;
	char ip[64];
	cchc_lang lang;
	cchc_buf body;
	size_t body_cap;         /* the route's; 0: the body is dropped */
	int answered;            /* a response is queued (413 while uploading) */
	int signed_in;
	srv_user user;
	char csrf[65];
	unsigned char token_hash[32];
	int published;           /* the path's year is published */
};

/* ---- http.c ---- */
/* Queue a response with the security headers; extra is NULL or name, value,
 * …, NULL, and one named as a security header replaces it (a page's own
 * Content-Security-Policy). The body is copied. */
enum MHD_Result srv_reply(srv_req *rq, unsigned status, const char *ctype, const char *data,
                          size_t len, const char *const *extra);
/* Queue r (taken) with the security headers, Content-Type ctype and extra. */
enum MHD_Result srv_queue(srv_req *rq, unsigned status, struct MHD_Response *r, const char *ctype,
                          const char *const *extra);
/* A JSON document in buf (a failed buffer answers 500). */
enum MHD_Result srv_reply_buf(srv_req *rq, unsigned status, const cchc_buf *buf);
/* {"error": msg} in the request's language: vi or en. */
enum MHD_Result srv_error(srv_req *rq, unsigned status, const char *vi, const char *en);
/* srv_error for a store code (NOTFOUND 404, CONFLICT 409, FROZEN 409, INVALID 422, else 500). */
enum MHD_Result srv_store_error(srv_req *rq, int rc);
/* The body as a JSON object (srv_json_free it), or NULL with 400 (not JSON,
 * saying where) or 422 (not an object) answered in *r. */
srv_json *srv_body_object(srv_req *rq, enum MHD_Result *r);
/* A request header, or NULL. */
const char *srv_header(const srv_req *rq, const char *name);
/* A query argument, percent-decoded into out; NULL when missing or bad. */
const char *srv_query(const srv_req *rq, const char *key, char *out, size_t outlen);
/* Append s as a JSON string (quoted, escaped). */
int srv_json_string(cchc_buf *out, const char *s);
/* Split a URL path into percent-decoded segments in buf; -1 for a path the
 * server never serves (bad escape, NUL, too long, too many segments). */
int srv_path_split(const char *url, char *buf, size_t buflen, char **segs, size_t max, size_t *n);
/* Is s a valid id of the path's kind ('y' year, 'a' agency, 'c' criterion, 'h' hash)? */
int srv_segment_valid(char kind, const char *s);

/* ---- authz.c ---- */
/* Route the request whose body is complete: match, check, run the handler. */
enum MHD_Result srv_dispatch(srv_req *rq);
/* The body cap of the route the path and method name (0 when none). */
size_t srv_route_body_cap(const char *method, char **segs, size_t nseg);
/* May the signed-in user see (year, agency)? For lists the handlers filter. */
int srv_may_see(srv_req *rq, int year, const char *agency);

/* ---- auth.c ---- */
int srv_throttle_new(srv_throttle **out);
void srv_throttle_free(srv_throttle *t);
/* Read the cookie and fill rq's session; 0 signed in, -1 not. */
int srv_session_load(srv_req *rq);
/* The CSRF header matches the session's token (constant time). */
int srv_csrf_ok(const srv_req *rq);
enum MHD_Result api_session_post(srv_req *rq);
enum MHD_Result api_session_get(srv_req *rq);
enum MHD_Result api_session_delete(srv_req *rq);

/* ---- api_score.c: the engine's figures ---- */
/* The year's criteria sets as stored now, loaded once per revision (owned by the server). */
int srv_year_sets(srv_server *srv, int year, const cchc_criteria *const **sets, size_t *n);
void srv_year_cache_free(srv_year_cache *c);
/* A write through this server changed (year, agency)'s assessment. */
void srv_note_write(srv_server *srv, int year, const char *agency);
/* The engine's load of exactly what was stored (xml, a and s, all taken)
 * becomes the agency's cached entry, exact at revision rev (-1: unknown, the
 * next read compares it with the store's text). Call it holding the agency's
 * write lock, right after the store's write. */
void srv_cache_put(srv_server *srv, int year, const char *agency, cchc_buf *xml,
                   cchc_assessment *a, cchc_score *s, long long rev);
/* The agency's assessment text as stored now (cached when its revision is the
 * store's); *rev: the revision it is exact at, -1 unknown. A STORE_* code. */
int srv_cached_xml(srv_server *srv, int year, const char *agency, cchc_buf *out, long long *rev);
/* The lock that keeps one agency's writes (read, check, store, cache) in order. */
pthread_mutex_t *srv_write_lock(srv_server *srv, const char *agency);
enum MHD_Result api_score_get(srv_req *rq);
enum MHD_Result api_check_get(srv_req *rq);
enum MHD_Result api_gap_get(srv_req *rq);
enum MHD_Result api_ranking_get(srv_req *rq);
/* Answer (year, agency)'s score as stored now (cchc-score/1). */
enum MHD_Result api_answer_score(srv_req *rq, unsigned status);
/* Answer a score as cchc-score/1. */
enum MHD_Result api_reply_score(srv_req *rq, unsigned status, const cchc_score *s);
/* 422 with the engine's first error in diag. */
enum MHD_Result api_engine_refusal(srv_req *rq, const cchc_diag *diag);
/* Load and score a candidate assessment of the request's (year, agency). 0, or -1 (diag). */
int api_score_candidate(srv_req *rq, const char *xml, size_t len, cchc_assessment **a,
                        cchc_score **s, cchc_diag *diag);
/* Every agency of the request's year scored (from the cache) and ranked; the
 * scores stay referenced until api_field_free. A store code, or STORE_INVALID
 * with the engine's message in diag (answer it with api_field_error). */
typedef struct api_field {
	struct scored **entries;
	size_t n;
	cchc_ranking *ranking;
} api_field;
int api_field_build(srv_req *rq, api_field *f, cchc_diag *diag);
void api_field_free(srv_server *srv, api_field *f);
enum MHD_Result api_field_error(srv_req *rq, int rc, const cchc_diag *diag);
/* The request's agency's gap analysis over the year's field, for the query's
 * target-rank (0 when absent), answered by answer; a bad target-rank is 400,
 * the engine's refusal 422 (the gap route and plan.docx). */
typedef enum MHD_Result (*api_gap_answer)(srv_req *rq, const cchc_gap *gap);
enum MHD_Result api_with_gap(srv_req *rq, api_gap_answer answer);

/* ---- api_items.c ---- */
enum MHD_Result api_items_get(srv_req *rq);
enum MHD_Result api_item_put(srv_req *rq);
enum MHD_Result api_history_get(srv_req *rq);
enum MHD_Result api_appraisal_put(srv_req *rq);
enum MHD_Result api_survey_put(srv_req *rq);
enum MHD_Result api_evidence_post(srv_req *rq);
enum MHD_Result api_evidence_get(srv_req *rq);

/* ---- api_years.c ---- */
enum MHD_Result api_years_get(srv_req *rq);
enum MHD_Result api_agencies_get(srv_req *rq);
enum MHD_Result api_state_post(srv_req *rq);
enum MHD_Result api_publish_post(srv_req *rq);
enum MHD_Result api_deadlines_put(srv_req *rq);
enum MHD_Result api_audit_get(srv_req *rq);

#endif
