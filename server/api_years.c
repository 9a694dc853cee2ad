/* Years and the cycle: the years, a year's agencies (each role sees its own),
 * state transitions, deadlines, publication (the inputs' hash), the audit log. */
#include "http_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "json_writer.h"

/* An array answer: begin it here, reply_json ends it. */
static void list_begin(cchc_buf *b, cchc_json *j)
{
	cchc_buf_init(b, 0);
	cchc_json_init(j, b, 1);
	cchc_json_array_begin(j);
}

static enum MHD_Result reply_json(srv_req *rq, unsigned status, cchc_json *j)
{
	cchc_json_finish(j);
	enum MHD_Result r = srv_reply_buf(rq, status, j->out);
	cchc_buf_dispose(j->out);
	return r;
}

enum MHD_Result api_years_get(srv_req *rq)
{
	srv_year *ys = NULL;
	size_t n = 0;
	int rc = srv_year_list(rq->srv->store, &ys, &n);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	cchc_buf b;
	cchc_json j;
	list_begin(&b, &j);
	for (size_t i = 0; i < n; i++) {
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "year");
		cchc_json_int(&j, ys[i].year);
		cchc_json_key(&j, "published");
		cchc_json_bool(&j, ys[i].published);
		cchc_json_key(&j, "hash");
		cchc_json_string(&j, ys[i].published ? ys[i].hash : NULL);
		cchc_json_object_end(&j);
	}
	cchc_json_array_end(&j);
	free(ys);
	return reply_json(rq, 200, &j);
}

enum MHD_Result api_agencies_get(srv_req *rq)
{
	srv_agency *list = NULL;
	size_t n = 0;
	int rc = srv_agency_list(rq->srv->store, rq->year, &list, &n);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	cchc_buf b;
	cchc_json j;
	list_begin(&b, &j);
	for (size_t i = 0; i < n; i++) {
		if (!srv_may_see(rq, rq->year, list[i].id))
			continue;
		cchc_json_object_begin(&j);
		cchc_json_key(&j, "id");
		cchc_json_string(&j, list[i].id);
		cchc_json_key(&j, "name");
		cchc_json_string(&j, list[i].name);
		cchc_json_key(&j, "block");
		cchc_json_string(&j, list[i].block);
		cchc_json_key(&j, "state");
		cchc_json_string(&j, list[i].state);
		cchc_json_key(&j, "late");
		cchc_json_bool(&j, list[i].late);
		cchc_json_object_end(&j);
	}
	cchc_json_array_end(&j);
	free(list);
	return reply_json(rq, 200, &j);
}

/* The cycle's moves and who may make each. */
static const struct {
	const char *from, *to;
	unsigned roles;
} moves[] = {
	{"draft", "submitted", ROLE_AGENCY},
	{"submitted", "appraised-1", ROLE_APPRAISER | ROLE_EVALUATOR},
	{"appraised-1", "explanation", ROLE_APPRAISER | ROLE_EVALUATOR},
	{"explanation", "appraised-2", ROLE_APPRAISER | ROLE_EVALUATOR},
	{"appraised-2", "final", ROLE_EVALUATOR},
	{"submitted", "draft", ROLE_EVALUATOR},
	{"appraised-1", "draft", ROLE_EVALUATOR},
	{"explanation", "draft", ROLE_EVALUATOR},
	{"appraised-2", "draft", ROLE_EVALUATOR},
	{"final", "draft", ROLE_EVALUATOR},
};

enum MHD_Result api_state_post(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	const char *to = srv_json_str(srv_json_get(body, "to"));
	srv_agency ag;
	int rc = srv_agency_get(rq->srv->store, rq->year, rq->agency, &ag);
	int allowed = 0, known = 0;
	for (size_t i = 0; to && i < sizeof moves / sizeof moves[0]; i++) {
		if (strcmp(moves[i].to, to) != 0)
			continue;
		known = 1;
		if (moves[i].roles & (unsigned)rq->user.role) {
			allowed = 1;
			if (rc == STORE_OK && strcmp(moves[i].from, ag.state) == 0) {
				srv_w_begin(rq->srv);
				rc = srv_state_set(rq->srv->store, rq->year, rq->agency, ag.state, to,
				                   rq->user.name) == STORE_OK
				         ? 1
				         : rc;
				srv_w_end(rq->srv);
			}
		}
	}
	char vi[200], en[200];
	if (!known) {
		r = srv_error(rq, 422,
		              "\"to\" phải là submitted, appraised-1, explanation, appraised-2, final hoặc draft",
		              "\"to\" must be submitted, appraised-1, explanation, appraised-2, final or draft");
	} else if (!allowed) {
		r = srv_error(rq, 403, "vai trò của bạn không chuyển được hồ sơ sang trạng thái này",
		              "your role may not move the assessment to this state");
	} else if (rc == 1) {
		srv_w_begin(rq->srv);
		srv_audit(rq->srv->store, rq->user.name, rq->ip, "state", rq->agency, to);
		srv_w_end(rq->srv);
		cchc_buf b;
		cchc_buf_init(&b, 0);
		cchc_buf_puts(&b, "{\"state\": ");
		srv_json_string(&b, to);
		cchc_buf_puts(&b, "}\n");
		r = srv_reply_buf(rq, 200, &b);
		cchc_buf_dispose(&b);
	} else if (rc == STORE_OK) {
		snprintf(vi, sizeof vi, "không chuyển được từ \"%s\" sang \"%s\"", ag.state, to);
		snprintf(en, sizeof en, "cannot move from \"%s\" to \"%s\"", ag.state, to);
		r = srv_error(rq, 409, vi, en);
	} else {
		r = srv_store_error(rq, rc);
	}
	srv_json_free(body);
	return r;
}

enum MHD_Result api_publish_post(srv_req *rq)
{
	srv_store *st = rq->srv->store;
	char **xmls = NULL;
	size_t *lens = NULL, n = 0, na = 0;
	srv_agency *list = NULL;
	crypto_hash_sha256_state h;
	crypto_hash_sha256_init(&h);
	/* the inputs in order: the criteria sets, then every rebuilt assessment */
	int rc = srv_criteria_list(st, rq->year, &xmls, &lens, &n);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		crypto_hash_sha256_update(&h, (const unsigned char *)xmls[i], lens[i]);
	srv_strv_free(xmls, lens, n);
	if (rc == STORE_OK)
		rc = srv_agency_list(st, rq->year, &list, &na);
	for (size_t i = 0; rc == STORE_OK && i < na; i++) {
		cchc_buf x;
		cchc_buf_init(&x, 0);
		rc = srv_assessment_xml(st, rq->year, list[i].id, &x);
		if (rc == STORE_OK)
			crypto_hash_sha256_update(&h, (const unsigned char *)x.data, x.len);
		cchc_buf_dispose(&x);
	}
	free(list);
	unsigned char digest[32];
	char hex[65];
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	if (rc == STORE_OK) {
		srv_w_begin(rq->srv);
		rc = srv_publish(st, rq->year, hex, rq->user.name);
		if (rc == STORE_OK)
			srv_audit(st, rq->user.name, rq->ip, "publish", hex, "ok");
		srv_w_end(rq->srv);
	}
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	char doc[100];
	snprintf(doc, sizeof doc, "{\"hash\": \"%s\"}\n", hex);
	return srv_reply(rq, 200, "application/json; charset=utf-8", doc, strlen(doc), NULL);
}

static int date_ok(const char *d)
{
	if (!d || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return 0;
	int m = (d[5] - '0') * 10 + d[6] - '0', day = (d[8] - '0') * 10 + d[9] - '0';
	return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

enum MHD_Result api_deadlines_put(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	int rc = STORE_OK;
	for (size_t i = 0; i < body->n; i++) {
		const char *k = body->keys[i];
		int stage = 0;
		for (size_t m = 0; m < sizeof moves / sizeof moves[0]; m++)
			stage |= strcmp(moves[m].to, k) == 0 && strcmp(k, "draft") != 0;
		if (!stage || !date_ok(srv_json_str(body->items[i]))) {
			srv_json_free(body);
			return srv_error(rq, 422,
			                 "cần {\"giai đoạn\": \"YYYY-MM-DD\"}, giai đoạn là submitted, "
			                 "appraised-1, explanation, appraised-2 hoặc final",
			                 "give {\"stage\": \"YYYY-MM-DD\"}, a stage being submitted, "
			                 "appraised-1, explanation, appraised-2 or final");
		}
	}
	srv_w_begin(rq->srv);
	for (size_t i = 0; rc == STORE_OK && i < body->n; i++)
		rc = srv_deadline_set(rq->srv->store, rq->year, body->keys[i], body->items[i]->text);
	srv_w_end(rq->srv);
	srv_json_free(body);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	cchc_buf b;
	cchc_buf_init(&b, 0);
	rc = srv_deadlines_json(rq->srv->store, rq->year, &b);
	r = rc == STORE_OK ? srv_reply_buf(rq, 200, &b) : srv_store_error(rq, rc);
	cchc_buf_dispose(&b);
	return r;
}

enum MHD_Result api_audit_get(srv_req *rq)
{
	char arg[24];
	const char *since = srv_query(rq, "since", arg, sizeof arg);
	long id = since ? atol(since) : 0;
	cchc_buf b;
	cchc_buf_init(&b, 0);
	int rc = srv_audit_json(rq->srv->store, id < 0 ? 0 : id, &b);
	enum MHD_Result r = rc == STORE_OK ? srv_reply_buf(rq, 200, &b) : srv_store_error(rq, rc);
	cchc_buf_dispose(&b);
	return r;
}
