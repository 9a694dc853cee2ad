/* The evaluator's management (issue 19): years, criteria sets (validated by
 * the engine's loader), agencies, accounts, appraisers' assignments and the
 * deadlines as stored. Every change is audited; the router has already
 * refused other roles, a missing CSRF token and a published year. */
#include "api_admin.h"

#include "cchc/diag_say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* A change done: audited, then 201 with doc (a JSON object). */
static enum MHD_Result created(srv_req *rq, const char *action, const char *target, cchc_buf *doc)
{
	srv_w_begin(rq->srv);
	srv_audit(rq->srv->store, rq->user.name, rq->ip, action, target, "ok");
	srv_w_end(rq->srv);
	enum MHD_Result r = srv_reply_buf(rq, 201, doc);
	cchc_buf_dispose(doc);
	return r;
}

/* A member that must be a non-empty string, else NULL. */
static const char *text_of(const srv_json *body, const char *key)
{
	const char *s = srv_json_str(srv_json_get(body, key));
	return s && s[0] ? s : NULL;
}

/* 200 with the year's JSON as the store writes it. */
static enum MHD_Result year_json(srv_req *rq, int (*fn)(srv_store *s, int year, cchc_buf *out))
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	int rc = fn(rq->srv->store, rq->year, &b);
	enum MHD_Result r = rc == STORE_OK ? srv_reply_buf(rq, 200, &b) : srv_store_error(rq, rc);
	cchc_buf_dispose(&b);
	return r;
}

enum MHD_Result api_deadlines_get(srv_req *rq)
{
	return year_json(rq, srv_deadlines_json);
}

enum MHD_Result api_assignments_get(srv_req *rq)
{
	return year_json(rq, srv_assignments_json);
}

enum MHD_Result api_year_post(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	const srv_json *y = srv_json_get(body, "year");
	const char *t = y && (y->type == SRV_JSON_NUMBER || y->type == SRV_JSON_STRING) ? y->text : NULL;
	int year = t && srv_segment_valid('y', t) ? atoi(t) : 0;
	srv_json_free(body);
	if (year < 2000 || year > 2100)
		return srv_error(rq, 422, "cần {\"year\": năm từ 2000 đến 2100}, ví dụ {\"year\": 2026}",
		                 "give {\"year\": a year from 2000 to 2100}, e.g. {\"year\": 2026}");
	srv_w_begin(rq->srv);
	int rc = srv_year_add(rq->srv->store, year);
	srv_w_end(rq->srv);
	if (rc == STORE_CONFLICT)
		return srv_error(rq, 409, "năm này đã có", "this year exists already");
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	char target[8];
	snprintf(target, sizeof target, "%d", year);
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_printf(&b, "{\"year\": %d, \"published\": false, \"hash\": null}\n", year);
	return created(rq, "year add", target, &b);
}

/* 422 with the loader's first error as "FILE:LINE: what" (the body is the file),
 * what in the request's language. */
static enum MHD_Result loader_refusal(srv_req *rq, const cchc_diag *diag)
{
	char msg[CCHC_DIAG_SAY_SIZE + 200] = "the criteria set does not load";
	if (rq->lang != CCHC_LANG_EN)
		snprintf(msg, sizeof msg, "bộ tiêu chí không nạp được");
	for (size_t i = 0; i < cchc_diag_stored(diag); i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		if (e->severity != CCHC_DIAG_ERROR)
			continue;
		char what[CCHC_DIAG_SAY_SIZE];
		cchc_diag_say(e->message, rq->lang, what, sizeof what);
		if (e->line > 0)
			snprintf(msg, sizeof msg, "%s:%ld: %s", e->file ? e->file : "", e->line, what);
		else
			snprintf(msg, sizeof msg, "%s: %s", e->file ? e->file : "", what);
		break;
	}
	return srv_error(rq, 422, msg, msg);
}

enum MHD_Result api_criteria_put(srv_req *rq)
{
	char name[96];
	const char *block = rq->segs[4];
	snprintf(name, sizeof name, "%s.xml", block);
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	srv_agency *list = NULL;
	size_t n = 0;
	enum MHD_Result r;
	if (!diag || cchc_criteria_load_memory(&set, rq->body.data ? rq->body.data : "", rq->body.len,
	                                       name, diag) < 0) {
		r = diag ? loader_refusal(rq, diag) : srv_error(rq, 500, "thiếu bộ nhớ", "out of memory");
		goto cleanup;
	}
	if (strcmp(cchc_criteria_block(set), block) != 0 || cchc_criteria_year(set) != rq->year) {
		char vi[300], en[300];
		snprintf(vi, sizeof vi, "%s: bộ tiêu chí của khối \"%s\", năm %d; đường dẫn là khối \"%s\", năm %d",
		         name, cchc_criteria_block(set), cchc_criteria_year(set), block, rq->year);
		snprintf(en, sizeof en, "%s: the set is block \"%s\" of %d; the path names block \"%s\" of %d",
		         name, cchc_criteria_block(set), cchc_criteria_year(set), block, rq->year);
		r = srv_error(rq, 422, vi, en);
		goto cleanup;
	}
	/* its agencies' stored items name the set's criteria: sets are settled before agencies come */
	int rc = srv_agency_list(rq->srv->store, rq->year, &list, &n);
	if (rc == STORE_OK && n) {
		r = srv_error(rq, 409,
		              "năm đã có cơ quan: chỉ thêm hoặc thay bộ tiêu chí trước khi thêm cơ quan",
		              "the year has agencies: add or replace criteria sets before adding agencies");
		goto cleanup;
	}
	if (rc == STORE_OK) {
		srv_w_begin(rq->srv);
		rc = srv_criteria_put(rq->srv->store, rq->year, block, cchc_criteria_id(set),
		                      rq->body.data, rq->body.len);
		srv_w_end(rq->srv);
	}
	if (rc != STORE_OK) {
		r = srv_store_error(rq, rc);
		goto cleanup;
	}
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_printf(&b, "{\"year\": %d, \"block\": ", rq->year);
	srv_json_string(&b, block);
	cchc_buf_puts(&b, ", \"id\": ");
	srv_json_string(&b, cchc_criteria_id(set));
	cchc_buf_puts(&b, ", \"title\": ");
	srv_json_string(&b, cchc_criteria_title(set));
	cchc_buf_puts(&b, "}\n");
	r = created(rq, "criteria put", name, &b);
cleanup:
	free(list);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return r;
}

/* Is block one of the year's criteria sets' blocks? 1, 0, or a store code. */
static int year_has_block(srv_store *st, int year, const char *block)
{
	char **xmls = NULL;
	size_t *lens = NULL, n = 0;
	int rc = srv_criteria_list(st, year, &xmls, &lens, &n), found = 0;
	cchc_diag *diag = cchc_diag_new();
	for (size_t i = 0; rc == STORE_OK && diag && i < n && !found; i++) {
		cchc_criteria *set = NULL;
		if (cchc_criteria_load_memory(&set, xmls[i], lens[i], "criteria.xml", diag) == 0)
			found = strcmp(cchc_criteria_block(set), block) == 0;
		cchc_criteria_free(set);
	}
	cchc_diag_free(diag);
	srv_strv_free(xmls, lens, n);
	return rc == STORE_OK ? found : rc;
}

/* "continues": an array of agency ids or one comma-separated string, as "a,b". */
static int continues_of(const srv_json *v, char *out, size_t size)
{
	out[0] = 0;
	if (!v || v->type == SRV_JSON_NULL)
		return 0;
	if (v->type == SRV_JSON_STRING) {
		snprintf(out, size, "%s", v->text);
		return strlen(v->text) < size ? 0 : -1;
	}
	if (v->type != SRV_JSON_ARRAY)
		return -1;
	size_t o = 0;
	for (size_t i = 0; i < v->n; i++) {
		const char *id = srv_json_str(v->items[i]);
		if (!id || !srv_segment_valid('a', id) || o + strlen(id) + 2 > size)
			return -1;
		o += (size_t)snprintf(out + o, size - o, "%s%s", i ? "," : "", id);
	}
	return 0;
}

enum MHD_Result api_agency_post(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	const char *id = text_of(body, "id"), *name = text_of(body, "name"), *block = text_of(body, "block");
	char continues[256];
	int bad_continues = continues_of(srv_json_get(body, "continues"), continues, sizeof continues) < 0;
	int has = block ? year_has_block(rq->srv->store, rq->year, block) : 0;
	if (!id || !srv_segment_valid('a', id) || !name || strlen(name) >= 256 || !block || bad_continues) {
		r = srv_error(rq, 422,
		              "cần {\"id\", \"name\", \"block\", \"continues\"}: id chỉ gồm A-Z a-z 0-9 . _ -, "
		              "continues là danh sách mã cơ quan năm trước (có thể bỏ trống)",
		              "give {\"id\", \"name\", \"block\", \"continues\"}: an id of A-Z a-z 0-9 . _ - only, "
		              "continues a list of earlier agency ids (may be left out)");
	} else if (has < 0) {
		r = srv_store_error(rq, has);
	} else if (!has) {
		r = srv_error(rq, 422,
		              "năm chưa có bộ tiêu chí của khối này: thêm bộ tiêu chí trước (PUT …/criteria/{khối})",
		              "the year has no criteria set of this block: add it first (PUT …/criteria/{block})");
	} else {
		srv_w_begin(rq->srv);
		int rc = srv_agency_add(rq->srv->store, rq->year, id, name, block, continues);
		srv_w_end(rq->srv);
		if (rc == STORE_CONFLICT) {
			r = srv_error(rq, 409, "năm này đã có cơ quan mang mã này",
			              "this year has an agency of this id already");
		} else if (rc != STORE_OK) {
			r = srv_store_error(rq, rc);
		} else {
			cchc_buf b;
			cchc_buf_init(&b, 0);
			cchc_buf_puts(&b, "{\"id\": ");
			srv_json_string(&b, id);
			cchc_buf_puts(&b, ", \"name\": ");
			srv_json_string(&b, name);
			cchc_buf_puts(&b, ", \"block\": ");
			srv_json_string(&b, block);
			cchc_buf_puts(&b, ", \"continues\": ");
			srv_json_string(&b, continues);
			cchc_buf_puts(&b, ", \"state\": \"draft\", \"late\": false}\n");
			r = created(rq, "agency add", id, &b);
		}
	}
	srv_json_free(body);
	return r;
}

/* 422: an agency account names an agency some year holds. */
static enum MHD_Result unknown_agency(srv_req *rq, const char *agency)
{
	char vi[300], en[300];
	snprintf(vi, sizeof vi,
	         "không năm nào có cơ quan mang mã \"%s\": thêm cơ quan trước "
	         "(POST /api/years/{năm}/agencies), rồi mới thêm tài khoản của cơ quan",
	         agency);
	snprintf(en, sizeof en,
	         "no year has an agency of id \"%s\": add the agency first "
	         "(POST /api/years/{year}/agencies), then its account",
	         agency);
	return srv_error(rq, 422, vi, en);
}

enum MHD_Result api_user_post(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	const char *name = text_of(body, "name"), *agency = text_of(body, "agency");
	const char *pw = srv_json_str(srv_json_get(body, "password"));
	srv_role role = srv_role_parse(text_of(body, "role"));
	char hash[128];
	int known;
	if (!name || !srv_segment_valid('a', name) || strlen(name) >= 64 || role == ROLE_NONE) {
		r = srv_error(rq, 422,
		              "cần {\"name\", \"role\", \"agency\", \"password\"}: tên chỉ gồm A-Z a-z 0-9 . _ -, "
		              "role là evaluator, agency, appraiser hoặc viewer",
		              "give {\"name\", \"role\", \"agency\", \"password\"}: a name of A-Z a-z 0-9 . _ - only, "
		              "role evaluator, agency, appraiser or viewer");
	} else if ((role == ROLE_AGENCY) != (agency != NULL) || (agency && !srv_segment_valid('a', agency))) {
		r = srv_error(rq, 422, "\"agency\" (mã cơ quan) cần cho vai trò agency và chỉ cho vai trò đó",
		              "\"agency\" (an agency id) is needed for the agency role, and only for it");
	} else if (!pw || strlen(pw) < 8 || strlen(pw) > 1024) {
		r = srv_error(rq, 422, "mật khẩu cần ít nhất 8 ký tự", "the password needs at least 8 characters");
	} else if (agency && (known = srv_agency_known(rq->srv->store, agency)) != 1) {
		r = known < 0 ? srv_store_error(rq, known) : unknown_agency(rq, agency); /* before the hash's cost */
	} else if (srv_password_hash(hash, pw) < 0) {
		r = srv_error(rq, 500, "không băm được mật khẩu (thiếu bộ nhớ)",
		              "could not hash the password (out of memory)");
	} else {
		srv_w_begin(rq->srv);
		int rc = srv_user_add(rq->srv->store, name, role, agency, hash);
		srv_w_end(rq->srv);
		sodium_memzero(hash, sizeof hash);
		if (rc == STORE_CONFLICT) {
			r = srv_error(rq, 409, "đã có tài khoản tên này", "an account of this name exists already");
		} else if (rc == STORE_NOTFOUND) {
			r = unknown_agency(rq, agency); /* the store checks it too, in its transaction */
		} else if (rc != STORE_OK) {
			r = srv_store_error(rq, rc);
		} else {
			cchc_buf b;
			cchc_buf_init(&b, 0);
			cchc_buf_puts(&b, "{\"name\": ");
			srv_json_string(&b, name);
			cchc_buf_printf(&b, ", \"role\": \"%s\", \"agency\": ", srv_role_name(role));
			srv_json_string(&b, agency);
			cchc_buf_puts(&b, "}\n");
			r = created(rq, "user add", name, &b);
		}
	}
	srv_json_free(body);
	return r;
}

enum MHD_Result api_assignment_post(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	const char *user = text_of(body, "user"), *agency = text_of(body, "agency");
	const char *group = text_of(body, "group");
	srv_user u;
	srv_agency ag;
	int urc = user ? srv_user_get(rq->srv->store, user, &u) : STORE_NOTFOUND;
	int arc = agency ? srv_agency_get(rq->srv->store, rq->year, agency, &ag) : STORE_OK;
	if (!user || (group && !srv_segment_valid('c', group))) {
		r = srv_error(rq, 422,
		              "cần {\"user\", \"agency\", \"group\"}: agency (mã cơ quan) và group (nhóm tiêu chí, "
		              "ví dụ \"3\") có thể bỏ trống là tất cả",
		              "give {\"user\", \"agency\", \"group\"}: agency (an agency id) and group (criteria, "
		              "e.g. \"3\") may be left out for all");
	} else if (urc != STORE_OK || u.role != ROLE_APPRAISER) {
		r = urc == STORE_OK || urc == STORE_NOTFOUND
		        ? srv_error(rq, 422, "\"user\" phải là một tài khoản thẩm định (appraiser)",
		                    "\"user\" must be an appraiser's account")
		        : srv_store_error(rq, urc);
	} else if (arc != STORE_OK) {
		r = arc == STORE_NOTFOUND ? srv_error(rq, 422, "năm này không có cơ quan mang mã \"agency\"",
		                                      "this year has no agency of that \"agency\" id")
		                          : srv_store_error(rq, arc);
	} else {
		srv_w_begin(rq->srv);
		int rc = srv_assign(rq->srv->store, user, rq->year, agency, group);
		srv_w_end(rq->srv);
		if (rc != STORE_OK) {
			r = srv_store_error(rq, rc);
		} else {
			char target[200];
			snprintf(target, sizeof target, "%s %s %s", user, agency ? agency : "*", group ? group : "*");
			cchc_buf b;
			cchc_buf_init(&b, 0);
			cchc_buf_puts(&b, "{\"user\": ");
			srv_json_string(&b, user);
			cchc_buf_printf(&b, ", \"year\": %d, \"agency\": ", rq->year);
			srv_json_string(&b, agency);
			cchc_buf_puts(&b, ", \"group\": ");
			srv_json_string(&b, group);
			cchc_buf_puts(&b, "}\n");
			r = created(rq, "assign", target, &b);
		}
	}
	srv_json_free(body);
	return r;
}
