/* Authorisation: the ONE table of routes and who may reach each, and the
 * router that refuses before any handler runs (404, 405, 400, 401, 403,
 * 409 on a published year). */
#include "http_priv.h"
#include "api_admin.h" /* downloads and management */
#include "api_documents.h" /* the documents' header values */
#include "static.h" /* the pages' routes (api_pages.c) */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALL (ROLE_EVALUATOR | ROLE_AGENCY | ROLE_APPRAISER | ROLE_VIEWER)
#define EVAL ROLE_EVALUATOR
#define AGENCY_PATH "/api/years/{y}/agencies/{a}"
#define SRV_CRITERIA_CAP ((size_t)4 << 20) /* a criteria set's XML */

static const srv_route routes[] = {
	/* method, pattern, handler, roles, scope, write, body cap */
	{"POST", "/api/session", api_session_post, 0, SCOPE_ANY, 0, 4096},
	{"GET", "/api/session", api_session_get, ALL, SCOPE_ANY, 0, 0},
	{"DELETE", "/api/session", api_session_delete, ALL, SCOPE_ANY, 1, 0},
	{"GET", "/api/years", api_years_get, ALL, SCOPE_ANY, 0, 0},
	{"GET", "/api/years/{y}/agencies", api_agencies_get, ALL, SCOPE_AGENCY, 0, 0},
	{"GET", AGENCY_PATH "/score", api_score_get, ALL, SCOPE_AGENCY, 0, 0},
	{"GET", AGENCY_PATH "/items", api_items_get, ALL, SCOPE_AGENCY, 0, 0},
	{"PUT", AGENCY_PATH "/items/{c}", api_item_put, ROLE_AGENCY, SCOPE_AGENCY, 1, SRV_JSON_CAP},
	{"GET", AGENCY_PATH "/items/{c}/history", api_history_get, ALL, SCOPE_AGENCY, 0, 0},
	{"PUT", AGENCY_PATH "/items/{c}/appraisal", api_appraisal_put, ROLE_APPRAISER | EVAL,
	 SCOPE_AGENCY, 1, SRV_JSON_CAP},
	{"PUT", AGENCY_PATH "/survey/{c}", api_survey_put, EVAL, SCOPE_AGENCY, 1, SRV_JSON_CAP},
	{"POST", AGENCY_PATH "/evidence", api_evidence_post, ROLE_AGENCY, SCOPE_AGENCY, 1,
	 SRV_UPLOAD_CAP},
	{"GET", AGENCY_PATH "/evidence/{h}", api_evidence_get, ALL, SCOPE_AGENCY, 0, 0},
	{"POST", AGENCY_PATH "/state", api_state_post, ROLE_AGENCY | ROLE_APPRAISER | EVAL,
	 SCOPE_AGENCY, 1, SRV_JSON_CAP},
	{"GET", AGENCY_PATH "/check", api_check_get, ALL, SCOPE_AGENCY, 0, 0},
	{"GET", AGENCY_PATH "/gap", api_gap_get, ALL, SCOPE_AGENCY, 0, 0},
	{"GET", "/api/years/{y}/ranking", api_ranking_get, ALL, SCOPE_PUBLISHED, 0, 0},
	{"POST", "/api/years/{y}/publish", api_publish_post, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"PUT", "/api/years/{y}/deadlines", api_deadlines_put, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"GET", "/api/audit", api_audit_get, EVAL, SCOPE_ANY, 0, 0},
	/* downloads (api_download.c): attachments, nothing locked in */
	{"GET", AGENCY_PATH "/plan.docx", api_plan_docx_get, ALL, SCOPE_AGENCY, 0, 0},
	{"GET", "/api/years/{y}/report.docx", api_report_docx_get, ALL, SCOPE_PUBLISHED, 0, 0},
	{"GET", "/api/years/{y}/report.html", api_report_html_get, ALL, SCOPE_PUBLISHED, 0, 0},
	{"GET", "/api/years/{y}/report.zip", api_report_zip_get, ALL, SCOPE_PUBLISHED, 0, 0},
	{"GET", "/api/years/{y}/assessments.xml", api_assessments_get, EVAL, SCOPE_ANY, 0, 0},
	/* the documents' header values (api_documents.c): read as the document, written after publication too */
	{"GET", AGENCY_PATH "/document", api_agency_document_get, ALL, SCOPE_AGENCY, 0, 0},
	{"PUT", AGENCY_PATH "/document", api_agency_document_put, ROLE_AGENCY | EVAL, SCOPE_AGENCY,
	 SRV_WRITE_OPEN, SRV_JSON_CAP},
	{"GET", "/api/years/{y}/document", api_year_document_get, ALL, SCOPE_PUBLISHED, 0, 0},
	{"PUT", "/api/years/{y}/document", api_year_document_put, EVAL, SCOPE_ANY, SRV_WRITE_OPEN,
	 SRV_JSON_CAP},
	/* the evaluator's management (api_admin.c) */
	{"GET", "/api/years/{y}/deadlines", api_deadlines_get, EVAL, SCOPE_ANY, 0, 0},
	{"POST", "/api/years", api_year_post, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"PUT", "/api/years/{y}/criteria/{b}", api_criteria_put, EVAL, SCOPE_ANY, 1, SRV_CRITERIA_CAP},
	{"POST", "/api/years/{y}/agencies", api_agency_post, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"POST", "/api/users", api_user_post, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"POST", "/api/years/{y}/assignments", api_assignment_post, EVAL, SCOPE_ANY, 1, SRV_JSON_CAP},
	{"GET", "/api/years/{y}/assignments", api_assignments_get, EVAL, SCOPE_ANY, 0, 0},
	/* the pages (api_pages.c): embedded files, and the form's criteria set */
	{"GET", "/", api_static_get, 0, SCOPE_ANY, 0, 0},
	{"GET", "/static/{f}", api_static_get, 0, SCOPE_ANY, 0, 0},
	{"GET", "/api/years/{y}/criteria/{b}", api_criteria_get, ALL, SCOPE_ANY, 0, 0},
};
#define NROUTES (sizeof routes / sizeof routes[0])

/* Does the path match the pattern? Placeholders are checked apart (bad: 1). */
static int match(const char *pattern, char **segs, size_t nseg, int *bad)
{
	const char *p = pattern + 1;
	size_t i = 0;
	*bad = 0;
	for (; *p; i++) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (i >= nseg)
			return 0;
		if (p[0] == '{') {
			if (!srv_segment_valid(p[1], segs[i]))
				*bad = 1;
		} else if (strlen(segs[i]) != n || memcmp(segs[i], p, n) != 0) {
			return 0;
		}
		p += n + (e ? 1 : 0);
	}
	return i == nseg;
}

static void capture(srv_req *rq)
{
	const char *p = rq->route->pattern + 1;
	for (size_t i = 0; *p; i++) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (p[0] == '{') {
			switch (p[1]) {
			case 'y': rq->year = atoi(rq->segs[i]); break;
			case 'a': rq->agency = rq->segs[i]; break;
			case 'c': rq->criterion = rq->segs[i]; break;
			case 'h': rq->hash = rq->segs[i]; break;
			}
		}
		p += n + (e ? 1 : 0);
	}
}

size_t srv_route_body_cap(const char *method, char **segs, size_t nseg)
{
	int bad;
	for (size_t i = 0; i < NROUTES; i++)
		if (strcmp(routes[i].method, method) == 0 && match(routes[i].pattern, segs, nseg, &bad))
			return routes[i].body_cap;
	return 0;
}

int srv_may_see(srv_req *rq, int year, const char *agency)
{
	switch (rq->user.role) {
	case ROLE_EVALUATOR:
		return 1;
	case ROLE_AGENCY:
		return agency && strcmp(agency, rq->user.agency) == 0;
	case ROLE_APPRAISER:
		return agency &&
		       srv_is_assigned(rq->srv->store, rq->user.name, year, agency, rq->criterion) == 1;
	case ROLE_VIEWER:
		return rq->published;
	default:
		return 0;
	}
}

/* A refusal, in the audit log too. */
static enum MHD_Result refuse(srv_req *rq, unsigned status, const char *vi, const char *en)
{
	char action[16], target[512], outcome[64];
	snprintf(action, sizeof action, "%s", rq->method);
	size_t o = 0;
	target[0] = 0;
	for (size_t i = 0; i < rq->nseg && o + 2 < sizeof target; i++)
		o += (size_t)snprintf(target + o, sizeof target - o, "/%s", rq->segs[i]);
	snprintf(outcome, sizeof outcome, "refused %u", status);
	srv_w_begin(rq->srv);
	srv_audit(rq->srv->store, rq->signed_in ? rq->user.name : "", rq->ip, action, target, outcome);
	srv_w_end(rq->srv);
	return srv_error(rq, status, vi, en);
}

enum MHD_Result srv_dispatch(srv_req *rq)
{
	const srv_route *known = NULL;
	char allow[64] = "";
	int bad = 0;
	for (size_t i = 0; i < NROUTES; i++) {
		int b;
		if (!match(routes[i].pattern, rq->segs, rq->nseg, &b))
			continue;
		if (strcmp(routes[i].method, rq->method) == 0) {
			rq->route = &routes[i];
			bad = b;
			break;
		}
		known = &routes[i];
		if (strlen(allow) + strlen(routes[i].method) + 3 < sizeof allow)
			snprintf(allow + strlen(allow), sizeof allow - strlen(allow), "%s%s",
			         allow[0] ? ", " : "", routes[i].method);
	}
	if (!rq->route && known) {
		const char *extra[] = {"Allow", allow, NULL};
		const char *msg = rq->lang == CCHC_LANG_EN ? "{\"error\": \"method not allowed here\"}\n"
		                                           : "{\"error\": \"không dùng được phương thức này ở đây\"}\n";
		return srv_reply(rq, 405, "application/json; charset=utf-8", msg, strlen(msg), extra);
	}
	if (!rq->route)
		return srv_error(rq, 404, "không có đường dẫn này", "no such path");
	if (bad)
		return srv_error(rq, 400,
		                 "đường dẫn có mã không hợp lệ (năm 4 chữ số; mã chỉ gồm A-Z a-z 0-9 . _ -)",
		                 "the path holds an invalid id (a year is 4 digits; ids only A-Z a-z 0-9 . _ -)");
	capture(rq);
	const srv_route *r = rq->route;
	if (r->roles) {
		if (srv_session_load(rq) < 0)
			return refuse(rq, 401, "chưa đăng nhập hoặc phiên đã hết hạn: đăng nhập lại",
			              "not signed in or the session expired: sign in again");
		if (r->write && !srv_csrf_ok(rq))
			return refuse(rq, 403, "thiếu hoặc sai mã CSRF (tiêu đề X-CSRF-Token)",
			              "missing or wrong CSRF token (header X-CSRF-Token)");
		if (!(r->roles & (unsigned)rq->user.role))
			return refuse(rq, 403, "vai trò của bạn không được làm việc này",
			              "your role may not do this");
	}
	if (rq->year) {
		char hash[65];
		int rc = srv_year_state(rq->srv->store, rq->year, &rq->published, hash);
		if (rc != STORE_OK)
			return rc == STORE_NOTFOUND ? srv_error(rq, 404, "không có năm này", "no such year")
			                            : srv_store_error(rq, rc);
	}
	if (r->roles) {
		int ok = 1;
		if (r->scope == SCOPE_PUBLISHED)
			ok = rq->user.role == ROLE_EVALUATOR || rq->published;
		else if (r->scope == SCOPE_AGENCY && rq->agency)
			ok = srv_may_see(rq, rq->year, rq->agency);
		else if (r->scope == SCOPE_AGENCY)
			ok = rq->user.role != ROLE_VIEWER || rq->published;
		if (!ok)
			return refuse(rq, 403, "bạn không được xem hoặc sửa dữ liệu này",
			              "you may not see or change this");
	}
	if (r->write && r->write != SRV_WRITE_OPEN && rq->published)
		return refuse(rq, 409, "năm đã công bố kết quả: không sửa được nữa",
		              "the year is published: it can no longer be changed");
	return r->fn(rq);
}
