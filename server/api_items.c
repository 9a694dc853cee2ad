/* An agency's items: read them and their history, save one (the candidate
 * assessment is loaded and scored by the engine BEFORE anything is stored),
 * appraisal rounds, and evidence files. */
#include "http_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "xml_priv.h"

static enum MHD_Result store_json(srv_req *rq, int rc, cchc_buf *b)
{
	enum MHD_Result r = rc == STORE_OK ? srv_reply_buf(rq, 200, b) : srv_store_error(rq, rc);
	cchc_buf_dispose(b);
	return r;
}

enum MHD_Result api_items_get(srv_req *rq)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	return store_json(rq, srv_items_json(rq->srv->store, rq->year, rq->agency, &b), &b);
}

enum MHD_Result api_history_get(srv_req *rq)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	return store_json(rq,
	                  srv_item_history_json(rq->srv->store, rq->year, rq->agency, rq->criterion, &b),
	                  &b);
}

/* "version": a whole number ≥ 1 (absent: 0, no check); -1 when bad. */
static long version_of(const srv_json *body)
{
	const srv_json *v = srv_json_get(body, "version");
	if (!v)
		return 0;
	if (v->type != SRV_JSON_NUMBER || v->len > 12 || v->text[0] == '-')
		return -1;
	for (size_t i = 0; i < v->len; i++)
		if (v->text[i] < '0' || v->text[i] > '9')
			return -1;
	long n = atol(v->text);
	return n >= 1 ? n : -1;
}

/* An attribute's value as the assessment format writes it. */
static const char *attr_text(const srv_json *v)
{
	switch (v->type) {
	case SRV_JSON_STRING:
	case SRV_JSON_NUMBER: return v->text;
	case SRV_JSON_TRUE: return "true";
	case SRV_JSON_FALSE: return "false";
	default: return NULL;
	}
}

static int attr_name_ok(const char *k)
{
	size_t n = strlen(k);
	if (n == 0 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] == '-' && i > 0)))
			return 0;
	return 1;
}

typedef struct {
	const char *key;
	const char *vi, *en;
} refusal;

/* What a PUT writes: the element, its list of children in the body ("docs":
 * [{"ref": …, "file": …}]) and their attributes (the first one required). */
typedef struct {
	const char *element, *list, *child;
	const char *const *child_keys;
	refusal bad_list;
} element_kind;

static const char *const doc_keys[] = {"ref", "file", NULL};
static const char *const answer_keys[] = {"option", "count", NULL};
static const element_kind item_kind = {
	"item", "docs", "doc", doc_keys,
	{NULL, "\"docs\" phải là mảng [{\"ref\": \"…\", \"file\": \"…\"}]",
	 "\"docs\" must be an array [{\"ref\": \"…\", \"file\": \"…\"}]"}};
static const element_kind survey_kind = {
	"survey", "answers", "answer", answer_keys,
	{NULL, "\"answers\" phải là mảng [{\"option\": \"A\", \"count\": \"12\"}]",
	 "\"answers\" must be an array [{\"option\": \"A\", \"count\": \"12\"}]"}};

/* One child object of the body's list as {"key":"value",…} in the kind's
 * order; -1 when it is not such an object. */
static int child_attrs(const element_kind *kind, const srv_json *child, cchc_buf *out)
{
	size_t given = 0;
	if (!child || child->type != SRV_JSON_OBJECT)
		return -1;
	cchc_buf_puts(out, "{");
	for (size_t k = 0; kind->child_keys[k]; k++) {
		const srv_json *v = srv_json_get(child, kind->child_keys[k]);
		if (!v && k == 0)
			return -1;
		if (!v)
			continue;
		if (!attr_text(v) || v->type == SRV_JSON_TRUE || v->type == SRV_JSON_FALSE)
			return -1;
		cchc_buf_puts(out, given++ ? "," : "");
		srv_json_string(out, kind->child_keys[k]);
		cchc_buf_puts(out, ":");
		srv_json_string(out, attr_text(v));
	}
	cchc_buf_puts(out, "}");
	return given == child->n ? 0 : -1;
}

/* Check the body's element and write it as the store's attrs JSON; a refusal, or NULL. */
static const refusal *item_attrs(const srv_json *body, const char *criterion,
                                 const element_kind *kind, cchc_buf *out)
{
	static const refusal bad_name = {NULL, "tên thuộc tính không hợp lệ (chữ thường a-z và -)",
	                                 "invalid attribute name (lower-case a-z and -)"};
	static const refusal bad_value = {NULL, "giá trị thuộc tính phải là chuỗi, số hoặc true/false",
	                                  "an attribute's value must be a string, a number or true/false"};
	static const refusal other = {NULL, "\"criterion\" khác tiêu chí của đường dẫn",
	                              "\"criterion\" differs from the path's criterion"};
	cchc_buf_puts(out, "{");
	int first = 1;
	for (size_t i = 0; i < body->n; i++) {
		const char *k = body->keys[i];
		const srv_json *v = body->items[i];
		if (strcmp(k, "version") == 0)
			continue;
		if (strcmp(k, "criterion") == 0) {
			if (!srv_json_str(v) || strcmp(v->text, criterion) != 0)
				return &other;
			continue;
		}
		if (!first)
			cchc_buf_puts(out, ",");
		first = 0;
		srv_json_string(out, k);
		cchc_buf_puts(out, ":");
		if (strcmp(k, kind->list) == 0) {
			if (v->type != SRV_JSON_ARRAY)
				return &kind->bad_list;
			cchc_buf_puts(out, "[");
			for (size_t d = 0; d < v->n; d++) {
				cchc_buf_puts(out, d ? "," : "");
				if (child_attrs(kind, v->items[d], out) < 0)
					return &kind->bad_list;
			}
			cchc_buf_puts(out, "]");
			continue;
		}
		if (!attr_name_ok(k))
			return &bad_name;
		if (!attr_text(v))
			return &bad_value;
		srv_json_string(out, attr_text(v));
	}
	cchc_buf_puts(out, "}");
	return NULL;
}

static int is_named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

typedef int (*xml_edit)(srv_req *rq, xmlDocPtr doc, xmlNodePtr root, const void *ctx);

/* The stored assessment, edited, as text: the candidate the engine loads
 * before anything is stored. */
static int candidate_xml(srv_req *rq, xml_edit edit, const void *ctx, cchc_buf *out,
                         long long *rev, cchc_diag *diag)
{
	cchc_buf stored;
	cchc_buf_init(&stored, 0);
	int rc = srv_cached_xml(rq->srv, rq->year, rq->agency, &stored, rev);
	if (rc != STORE_OK) {
		cchc_buf_dispose(&stored);
		return rc;
	}
	xmlDocPtr doc = cchc_xml_parse("stored.xml", stored.data, stored.len, diag);
	cchc_buf_dispose(&stored);
	if (!doc)
		return STORE_ERR;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	rc = STORE_ERR;
	if (root && edit(rq, doc, root, ctx) == 0) {
		xmlChar *text = NULL;
		int len = 0;
		xmlDocDumpMemoryEnc(doc, &text, &len, "UTF-8");
		if (text && cchc_buf_append(out, (const char *)text, (size_t)len) == 0)
			rc = STORE_OK;
		xmlFree(text);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* The top-level element name with criterion c (and round, when given), or NULL;
 * *last gets the last element of that name. */
static xmlNodePtr find_el(xmlNodePtr root, const char *name, const char *c, const char *round,
                          xmlNodePtr *last)
{
	xmlNodePtr found = NULL;
	*last = NULL;
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (!is_named(n, name))
			continue;
		*last = n;
		xmlChar *nc = xmlGetProp(n, BAD_CAST "criterion");
		xmlChar *nr = round ? xmlGetProp(n, BAD_CAST "round") : NULL;
		if (nc && strcmp((const char *)nc, c) == 0 &&
		    (!round || (nr && strcmp((const char *)nr, round) == 0)))
			found = n;
		xmlFree(nc);
		xmlFree(nr);
	}
	return found;
}

/* A new top-level element after the last of its name (or at the end). */
static xmlNodePtr new_el(xmlDocPtr doc, xmlNodePtr root, const char *name, xmlNodePtr last)
{
	xmlNodePtr el = xmlNewDocNode(doc, root->ns, BAD_CAST name, NULL);
	if (el && !(last ? xmlAddNextSibling(last, el) : xmlAddChild(root, el))) {
		xmlFreeNode(el);
		return NULL;
	}
	return el;
}

typedef struct {
	const element_kind *kind;
	const srv_json *body;
} element_edit;

/* The body's element in place of the criterion's: attributes and children
 * (<doc>s, <answer>s) replaced. */
static int edit_element(srv_req *rq, xmlDocPtr doc, xmlNodePtr root, const void *ctx)
{
	const element_edit *e = ctx;
	const srv_json *body = e->body;
	xmlNodePtr last, item = find_el(root, e->kind->element, rq->criterion, NULL, &last);
	if (!item && !(item = new_el(doc, root, e->kind->element, last)))
		return -1;
	while (item->properties)
		xmlRemoveProp(item->properties);
	for (xmlNodePtr n = item->children, next; n; n = next) {
		next = n->next;
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	xmlSetProp(item, BAD_CAST "criterion", BAD_CAST rq->criterion);
	for (size_t i = 0; i < body->n; i++) {
		const srv_json *v = body->items[i];
		const char *k = body->keys[i];
		if (strcmp(k, e->kind->list) == 0) {
			for (size_t d = 0; d < v->n; d++) {
				xmlNodePtr dn = xmlNewChild(item, root->ns, BAD_CAST e->kind->child, NULL);
				if (!dn)
					return -1;
				for (size_t a = 0; e->kind->child_keys[a]; a++) {
					const srv_json *av = srv_json_get(v->items[d], e->kind->child_keys[a]);
					if (av)
						xmlSetProp(dn, BAD_CAST e->kind->child_keys[a], BAD_CAST attr_text(av));
				}
			}
		} else if (strcmp(k, "version") != 0 && strcmp(k, "criterion") != 0) {
			xmlSetProp(item, BAD_CAST k, BAD_CAST attr_text(v));
		}
	}
	return 0;
}

typedef struct {
	const char *round, *points, *reason;
} appraisal_edit;

/* The round's <appraisal> of the criterion, set (added when missing). */
static int edit_appraisal(srv_req *rq, xmlDocPtr doc, xmlNodePtr root, const void *ctx)
{
	const appraisal_edit *e = ctx;
	xmlNodePtr last, el = find_el(root, "appraisal", rq->criterion, e->round, &last);
	if (!el && !(el = new_el(doc, root, "appraisal", last)))
		return -1;
	xmlSetProp(el, BAD_CAST "criterion", BAD_CAST rq->criterion);
	xmlSetProp(el, BAD_CAST "round", BAD_CAST e->round);
	xmlSetProp(el, BAD_CAST "points", BAD_CAST e->points);
	xmlSetProp(el, BAD_CAST "by", BAD_CAST rq->user.name);
	if (e->reason[0])
		xmlSetProp(el, BAD_CAST "reason", BAD_CAST e->reason);
	else
		xmlUnsetProp(el, BAD_CAST "reason");
	return 0;
}

/* A candidate assessment: its text, and the engine's load and score of it. */
typedef struct {
	cchc_buf xml;
	cchc_assessment *a;
	cchc_score *s; /* borrows from a */
	long long rev; /* the revision of the stored text it edits (-1: unknown) */
} candidate;

static void candidate_free(candidate *c)
{
	cchc_score_free(c->s);
	cchc_assessment_free(c->a);
	cchc_buf_dispose(&c->xml);
}

/* Check the candidate with the engine: 0 with c filled, or an answer queued. */
static int engine_accepts(srv_req *rq, xml_edit edit, const void *ctx, candidate *c,
                          enum MHD_Result *r)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_buf_init(&c->xml, 0);
	c->a = NULL;
	c->s = NULL;
	c->rev = -1;
	int rc = diag ? candidate_xml(rq, edit, ctx, &c->xml, &c->rev, diag) : STORE_ERR;
	if (rc != STORE_OK)
		*r = srv_store_error(rq, rc);
	else if (api_score_candidate(rq, c->xml.data, c->xml.len, &c->a, &c->s, diag) < 0)
		*r = api_engine_refusal(rq, diag); /* nothing stored */
	cchc_diag_free(diag);
	return c->s ? 0 : -1;
}

/* The candidate was stored: answer its score, and it becomes the cached figure. */
static enum MHD_Result stored(srv_req *rq, candidate *c)
{
	enum MHD_Result r = api_reply_score(rq, 200, c->s); /* the engine's score of what was stored */
	long long before, after;
	/* exact at the put's revision when no other write came between the text it
	 * edited and the put (cchc admin meanwhile: compared with the store later) */
	if (srv_last_put_revisions(rq->srv->store, &before, &after) != STORE_OK || c->rev < 0 ||
	    before != c->rev)
		after = -1;
	srv_cache_put(rq->srv, rq->year, rq->agency, &c->xml, c->a, c->s, after);
	c->a = NULL;
	c->s = NULL;
	return r;
}

static enum MHD_Result explanation_put(srv_req *rq, const srv_json *body, long version)
{
	const char *text = srv_json_str(srv_json_get(body, "explanation"));
	if (!text || body->n != (srv_json_get(body, "version") ? 2u : 1u))
		return srv_error(rq, 409,
		                 "đang giai đoạn giải trình: chỉ gửi được {\"explanation\": \"…\"}",
		                 "in the explanation stage only {\"explanation\": \"…\"} may be sent");
	long nv = 0;
	pthread_mutex_t *lock = srv_write_lock(rq->srv, rq->agency);
	pthread_mutex_lock(lock);
	srv_w_begin(rq->srv);
	int rc = srv_explanation_put(rq->srv->store, rq->year, rq->agency, rq->criterion, text,
	                             rq->user.name, version, &nv);
	srv_w_end(rq->srv);
	if (rc == STORE_OK)
		srv_note_write(rq->srv, rq->year, rq->agency);
	pthread_mutex_unlock(lock);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	return api_answer_score(rq, 200);
}

static enum MHD_Result in_state(srv_req *rq, const char *const *states, srv_agency *ag)
{
	int rc = srv_agency_get(rq->srv->store, rq->year, rq->agency, ag);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	for (size_t i = 0; states[i]; i++)
		if (strcmp(ag->state, states[i]) == 0)
			return MHD_YES;
	char vi[160], en[160];
	snprintf(vi, sizeof vi, "hồ sơ đang ở trạng thái \"%s\": không làm được việc này lúc này",
	         ag->state);
	snprintf(en, sizeof en, "the assessment is in state \"%s\": this cannot be done now",
	         ag->state);
	srv_error(rq, 409, vi, en);
	return MHD_NO;
}

/* A write's start: the agency in one of states and the body a JSON object;
 * NULL when an answer is queued (in *r). */
static srv_json *begin_write(srv_req *rq, const char *const *states, srv_agency *ag,
                             enum MHD_Result *r)
{
	if (in_state(rq, states, ag) != MHD_YES) {
		*r = rq->answered ? MHD_YES : MHD_NO;
		return NULL;
	}
	return srv_body_object(rq, r);
}

static int element_store(srv_req *rq, const element_kind *kind, const char *attrs, long version)
{
	long nv = 0;
	srv_w_begin(rq->srv);
	int rc = (kind == &survey_kind ? srv_survey_put : srv_item_put)(
		rq->srv->store, rq->year, rq->agency, rq->criterion, attrs, version, rq->user.name, &nv);
	srv_w_end(rq->srv);
	return rc;
}

/* An item or a survey from the body: checked, the candidate loaded and scored
 * by the engine, then stored; the new cchc-score/1. */
static enum MHD_Result element_put(srv_req *rq, const srv_json *body, long version,
                                   const element_kind *kind)
{
	enum MHD_Result r = MHD_NO;
	cchc_buf attrs;
	cchc_buf_init(&attrs, SRV_JSON_CAP * 2);
	candidate c = {0};
	const refusal *bad = item_attrs(body, rq->criterion, kind, &attrs);
	element_edit edit = {kind, body};
	int rc;
	pthread_mutex_t *lock = srv_write_lock(rq->srv, rq->agency);
	pthread_mutex_lock(lock);
	if (bad)
		r = srv_error(rq, 422, bad->vi, bad->en);
	else if (attrs.failed)
		r = srv_store_error(rq, STORE_ERR);
	else if (engine_accepts(rq, edit_element, &edit, &c, &r) < 0)
		; /* answered */
	else if ((rc = element_store(rq, kind, attrs.data, version)) != STORE_OK)
		r = srv_store_error(rq, rc);
	else
		r = stored(rq, &c);
	pthread_mutex_unlock(lock);
	candidate_free(&c);
	cchc_buf_dispose(&attrs);
	return r;
}

/* The body's "version" (a refusal answered when bad: -1). */
static long body_version(srv_req *rq, const srv_json *body, enum MHD_Result *r)
{
	long version = version_of(body);
	if (version < 0)
		*r = srv_error(rq, 422, "\"version\" phải là số nguyên dương",
		               "\"version\" must be a positive whole number");
	return version;
}

enum MHD_Result api_item_put(srv_req *rq)
{
	static const char *const editable[] = {"draft", "explanation", NULL};
	srv_agency ag;
	enum MHD_Result r = MHD_NO;
	srv_json *body = begin_write(rq, editable, &ag, &r);
	if (!body)
		return r;
	long version = body_version(rq, body, &r);
	if (version >= 0)
		r = strcmp(ag.state, "explanation") == 0 ? explanation_put(rq, body, version)
		                                         : element_put(rq, body, version, &item_kind);
	srv_json_free(body);
	return r;
}

/* The evaluator enters a survey's result (Điều tra XHH) in any state until
 * publication: respondents/mean/sd or "answers", the assessment format's names. */
enum MHD_Result api_survey_put(srv_req *rq)
{
	enum MHD_Result r = MHD_NO;
	srv_json *body = srv_body_object(rq, &r);
	if (!body)
		return r;
	long version = body_version(rq, body, &r);
	if (version >= 0)
		r = element_put(rq, body, version, &survey_kind);
	srv_json_free(body);
	return r;
}

static int appraisal_put(srv_req *rq, int round, const appraisal_edit *e, long version)
{
	long nv = 0;
	srv_w_begin(rq->srv);
	int rc = srv_appraisal_put(rq->srv->store, rq->year, rq->agency, rq->criterion, round,
	                           e->points, e->reason, rq->user.name, version, &nv);
	srv_w_end(rq->srv);
	return rc;
}

enum MHD_Result api_appraisal_put(srv_req *rq)
{
	static const char *const appraising[] = {"submitted", "explanation", NULL};
	srv_agency ag;
	enum MHD_Result r = MHD_NO;
	srv_json *body = begin_write(rq, appraising, &ag, &r);
	if (!body)
		return r;
	const srv_json *round = srv_json_get(body, "round"), *points = srv_json_get(body, "points");
	const char *reason = srv_json_str(srv_json_get(body, "reason"));
	long version = version_of(body);
	int want = strcmp(ag.state, "submitted") == 0 ? 1 : 2;
	if (!round || round->type != SRV_JSON_NUMBER || !points ||
	    (points->type != SRV_JSON_STRING && points->type != SRV_JSON_NUMBER) || version < 0 ||
	    (srv_json_get(body, "reason") && !reason)) {
		r = srv_error(rq, 422,
		              "cần {\"round\": 1|2, \"points\": \"0.25\", \"reason\": \"…\", \"version\": N}",
		              "give {\"round\": 1|2, \"points\": \"0.25\", \"reason\": \"…\", \"version\": N}");
	} else if (strcmp(round->text, want == 1 ? "1" : "2") != 0) {
		r = srv_error(rq, 409,
		              want == 1 ? "hồ sơ đang ở vòng thẩm định 1" : "hồ sơ đang ở vòng thẩm định 2",
		              want == 1 ? "the assessment is in appraisal round 1"
		                        : "the assessment is in appraisal round 2");
	} else {
		appraisal_edit e = {round->text, points->text, reason ? reason : ""};
		candidate c = {0};
		int rc;
		pthread_mutex_t *lock = srv_write_lock(rq->srv, rq->agency);
		pthread_mutex_lock(lock);
		if (engine_accepts(rq, edit_appraisal, &e, &c, &r) < 0)
			; /* answered */
		else if ((rc = appraisal_put(rq, want, &e, version)) != STORE_OK)
			r = srv_store_error(rq, rc);
		else
			r = stored(rq, &c);
		pthread_mutex_unlock(lock);
		candidate_free(&c);
	}
	srv_json_free(body);
	return r;
}

/* The file part of a multipart/form-data body (the first part with a
 * filename), or the raw body; NULL when the multipart body is malformed. */
static const char *upload_bytes(srv_req *rq, size_t *len, char *name, size_t namelen)
{
	const char *ct = srv_header(rq, "Content-Type");
	const char *data = rq->body.data ? rq->body.data : "";
	*len = rq->body.len;
	if (!ct || strncmp(ct, "multipart/form-data", 19) != 0)
		return data;
	const char *b = strstr(ct, "boundary=");
	char delim[80];
	if (!b)
		return NULL;
	b += 9;
	int quoted = *b == '"';
	b += quoted;
	size_t bl = quoted ? strcspn(b, "\"") : strcspn(b, "; \t");
	if (bl == 0 || bl > 70 || (quoted && b[bl] != '"'))
		return NULL; /* RFC 2046: 1 to 70 characters */
	snprintf(delim, sizeof delim, "\r\n--%.*s", (int)bl, b);
	size_t dl = strlen(delim);
	/* the body starts with the delimiter without its CRLF */
	if (rq->body.len < dl - 2 || memcmp(data, delim + 2, dl - 2) != 0)
		return NULL;
	const char *end = data + rq->body.len, *p = data + dl - 2;
	while (p < end) {
		const char *headers_end = NULL;
		for (const char *q = p; q + 4 <= end; q++)
			if (memcmp(q, "\r\n\r\n", 4) == 0) {
				headers_end = q;
				break;
			}
		if (!headers_end)
			return NULL;
		const char *content = headers_end + 4, *next = NULL;
		for (const char *q = content; q + dl <= end; q++)
			if (memcmp(q, delim, dl) == 0) {
				next = q;
				break;
			}
		if (!next)
			return NULL;
		const char *fn = NULL;
		for (const char *q = p; q + 10 <= headers_end; q++)
			if (memcmp(q, "filename=\"", 10) == 0) {
				fn = q + 10;
				break;
			}
		if (fn) {
			size_t n = 0;
			while (fn + n < headers_end && fn[n] != '"' && n + 1 < namelen)
				n++;
			memcpy(name, fn, n);
			name[n] = 0;
			*len = (size_t)(next - content);
			return content;
		}
		p = next + dl;
	}
	return NULL;
}

/* A file name safe to keep and to send back: no path, no quotes or controls. */
static void clean_name(char *name)
{
	char *base = name;
	for (char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	memmove(name, base, strlen(base) + 1);
	for (unsigned char *p = (unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == '"' || *p == 0x7f)
			*p = '_';
	if (!name[0] || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		strcpy(name, "evidence");
}

/* Is c a scored criterion (a leaf) of the criteria set of the agency's block? */
static int criterion_known(srv_req *rq, const srv_agency *ag, const char *c)
{
	const cchc_criteria *const *sets;
	size_t n;
	if (srv_year_sets(rq->srv, rq->year, &sets, &n) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(cchc_criteria_block(sets[i]), ag->block) == 0) {
			const cchc_node *node = cchc_criteria_find(sets[i], c);
			return node && node->depth >= 1 && node->nchildren == 0;
		}
	return 0;
}

enum MHD_Result api_evidence_post(srv_req *rq)
{
	static const char *const editable[] = {"draft", "explanation", NULL};
	char crit[80], name[256] = "";
	const char *c = srv_query(rq, "criterion", crit, sizeof crit);
	if (!c || !srv_segment_valid('c', c))
		return srv_error(rq, 400, "cần ?criterion=MÃ_TIÊU_CHÍ", "give ?criterion=CRITERION_ID");
	rq->criterion = c;
	srv_agency ag;
	if (in_state(rq, editable, &ag) != MHD_YES)
		return rq->answered ? MHD_YES : MHD_NO;
	if (!criterion_known(rq, &ag, c)) {
		char vi[200], en[200];
		snprintf(vi, sizeof vi, "bộ tiêu chí của cơ quan không có tiêu chí chấm điểm %s: chọn một tiêu chí trong biểu mẫu", c);
		snprintf(en, sizeof en, "the agency's criteria set has no scored criterion %s: choose a criterion of the form", c);
		return srv_error(rq, 422, vi, en);
	}
	size_t len;
	const char *data = upload_bytes(rq, &len, name, sizeof name);
	if (!data)
		return srv_error(rq, 400, "nội dung multipart/form-data không hợp lệ",
		                 "malformed multipart/form-data body");
	if (!name[0])
		srv_query(rq, "name", name, sizeof name);
	clean_name(name);
	char hash[65], type[32];
	srv_w_begin(rq->srv);
	int rc = srv_evidence_put(rq->srv->store, data, len, hash, type), refused = rc == STORE_INVALID;
	if (rc == STORE_OK &&
	    (rc = srv_evidence_link(rq->srv->store, rq->year, rq->agency, c, hash, name, rq->user.name)) != STORE_OK)
		srv_evidence_discard(rq->srv->store, hash); /* refused: no file left that no item links */
	srv_w_end(rq->srv);
	if (refused)
		return srv_error(rq, 415,
		                 "chỉ nhận tệp PDF, Word/Excel (docx, xlsx, doc, xls), PNG hoặc JPEG",
		                 "only PDF, Word/Excel (docx, xlsx, doc, xls), PNG or JPEG files are taken");
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	srv_note_write(rq->srv, rq->year, rq->agency); /* the stored assessment may name the file */
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_printf(&b, "{\"hash\": \"%s\", \"type\": ", hash);
	srv_json_string(&b, type);
	cchc_buf_printf(&b, ", \"size\": %zu}\n", len);
	enum MHD_Result r = srv_reply_buf(rq, 201, &b);
	cchc_buf_dispose(&b);
	return r;
}

enum MHD_Result api_evidence_get(srv_req *rq)
{
	int fd = -1;
	size_t len = 0;
	char type[32], name[256], disp[400];
	int rc = srv_evidence_open(rq->srv->store, rq->year, rq->agency, rq->hash, &fd, &len, type, name);
	if (rc != STORE_OK)
		return srv_store_error(rq, rc);
	clean_name(name);
	snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", name);
	const char *extra[] = {"Content-Disposition", disp, NULL};
	struct MHD_Response *resp = MHD_create_response_from_fd(len, fd); /* takes fd */
	if (!resp)
		close(fd);
	return srv_queue(rq, 200, resp, srv_evidence_mime(type), extra);
}
