/* The Word documents' header values (số, ký hiệu, nơi ban hành, ngày, người
 * ký, nơi nhận…) of an agency's plan and of the province's report, and the
 * report's title. A PUT names the keys it changes ("" or null removes one,
 * the others stay); each value is checked by the docx writer's own
 * cchc_docx_info_set before anything is stored. The router lets these writes
 * through after publication: they change no figure (store.h, "documents"). */
#define _POSIX_C_SOURCE 200809L /* strndup, strdup */
#include "api_documents.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/diag_say.h"
#include "json_writer.h"

#define VALUE_MAX 1000 /* bytes of one value: a title, a name, one recipient */

/* The stored object's members in the order it keeps them; "title" is the year's only. */
static const char *const keys[] = {"parent", "issuer",       "number", "symbol",    "place",
                                   "date",   "signer-title", "signer", "recipient", "title"};
#define NKEYS (sizeof keys / sizeof *keys)

/* Why a value is refused, in both languages. */
typedef struct {
	char vi[CCHC_DIAG_SAY_SIZE + 128];
	char en[1200];
} refusal;

/* s without its leading and trailing blanks: the start, and its length in *len. */
static const char *trim(const char *s, size_t *len)
{
	size_t n = strlen(s);
	while (*s == ' ' || *s == '\t')
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return s;
}

/* Does v remove the value: null, blank text, a list without text? */
static int removes(const srv_json *v)
{
	size_t n;
	if (v->type == SRV_JSON_NULL)
		return 1;
	if (v->type == SRV_JSON_STRING) {
		trim(v->text, &n);
		return n == 0;
	}
	if (v->type != SRV_JSON_ARRAY)
		return 0;
	for (size_t i = 0; i < v->n; i++)
		if (!removes(v->items[i]))
			return 0;
	return 1;
}

/* The docx writer's message about key = value, framed: nothing was stored. */
static void writer_said(refusal *why, const cchc_diag *diag, const char *suffix)
{
	const cchc_diag_entry *e = diag && cchc_diag_stored(diag) ? cchc_diag_get(diag, 0) : NULL;
	const char *msg = e ? e->message : "out of memory";
	char vi[CCHC_DIAG_SAY_SIZE];
	cchc_diag_say(msg, CCHC_LANG_VI, vi, sizeof vi);
	snprintf(why->vi, sizeof why->vi, "không nhận thông tin văn bản, không lưu gì (%s%s)", vi, suffix);
	snprintf(why->en, sizeof why->en, "nothing stored: %s%s", msg, suffix);
}

/* One text of key: short enough, on one line, then the docx writer's own check
 * (into info; NULL for the title). 0, or -1 with why. */
static int check_text(const char *key, const char *s, size_t len, cchc_docx_info *info, refusal *why)
{
	if (len > VALUE_MAX) {
		snprintf(why->vi, sizeof why->vi, "\"%s\": dài quá %d byte: viết ngắn lại", key, VALUE_MAX);
		snprintf(why->en, sizeof why->en, "\"%s\": longer than %d bytes: shorten it", key, VALUE_MAX);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		const unsigned char *p = (const unsigned char *)s + i;
		/* control characters, and U+FFFE, U+FFFF: no Word document may hold them */
		if (*p < 0x20 || (i + 2 < len && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)) {
			snprintf(why->vi, sizeof why->vi,
			         "\"%s\": giá trị có ký tự điều khiển (xuống dòng, tab…): viết trên một dòng", key);
			snprintf(why->en, sizeof why->en,
			         "\"%s\": the value holds a control character (a line break, a tab…): write it on one line",
			         key);
			return -1;
		}
	}
	if (!info)
		return 0;
	char *v = strndup(s, len);
	cchc_diag *diag = cchc_diag_new();
	int rc = v && diag ? cchc_docx_info_set(info, key, v, "document", 0, diag) : -1;
	if (rc < 0)
		writer_said(why, diag, "");
	cchc_diag_free(diag);
	free(v);
	return rc;
}

static int known(const char *key, int year_doc)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(key, keys[i]) == 0)
			return year_doc || strcmp(key, "title") != 0;
	return 0;
}

/* A member (of a PUT's body or of the stored object) into info, the title into
 * *title (borrowed from v). 0, or -1 with why. */
static int apply(const char *key, const srv_json *v, int year_doc, cchc_docx_info *info,
                 const char **title, refusal *why)
{
	size_t len;
	if (!known(key, year_doc)) {
		/* the writer's own words for a key it does not know (the value is not looked at) */
		cchc_diag *diag = cchc_diag_new();
		if (diag)
			cchc_docx_info_set(info, key, "?", "document", 0, diag);
		writer_said(why, diag, year_doc ? ", title" : "");
		cchc_diag_free(diag);
		return -1;
	}
	if (removes(v))
		return 0;
	int list = strcmp(key, "recipient") == 0 && v->type == SRV_JSON_ARRAY;
	for (size_t i = 0; list && i < v->n; i++)
		list = v->items[i]->type == SRV_JSON_STRING;
	/* a number is taken as written ("number": 267 is "267") */
	if (v->type != SRV_JSON_STRING && v->type != SRV_JSON_NUMBER && !list) {
		const char *vi = strcmp(key, "recipient") == 0 ? "một danh sách chuỗi chữ" : "một chuỗi chữ";
		const char *en = strcmp(key, "recipient") == 0 ? "a list of texts" : "a text";
		snprintf(why->vi, sizeof why->vi, "\"%s\": cần %s, hoặc \"\" hay null để xóa giá trị", key, vi);
		snprintf(why->en, sizeof why->en, "\"%s\": give %s, or \"\" or null to remove the value", key, en);
		return -1;
	}
	if (!list) {
		const char *s = trim(v->text, &len);
		if (strcmp(key, "title") == 0) {
			*title = v->text;
			return check_text(key, s, len, NULL, why);
		}
		return check_text(key, s, len, info, why);
	}
	for (size_t i = 0; i < v->n; i++) {
		const char *s = trim(v->items[i]->text, &len);
		if (len && check_text(key, s, len, info, why) < 0)
			return -1;
	}
	return 0;
}

/* The stored object after the body's changes, canonical: keys in order, texts
 * trimmed, recipients a list; removed values left out. */
static int merged(const srv_json *body, const srv_json *stored, int year_doc, cchc_buf *out)
{
	cchc_json j;
	size_t len;
	cchc_json_init(&j, out, 0);
	cchc_json_object_begin(&j);
	for (size_t k = 0; k < NKEYS; k++) {
		const srv_json *v = srv_json_get(body, keys[k]);
		if (!v)
			v = srv_json_get(stored, keys[k]);
		int list = v && v->type == SRV_JSON_ARRAY;
		if (!v || removes(v) || !known(keys[k], year_doc) || (list && strcmp(keys[k], "recipient")))
			continue;
		cchc_json_key(&j, keys[k]);
		if (strcmp(keys[k], "recipient") != 0) {
			const char *s = trim(v->text, &len);
			cchc_json_string_len(&j, s, len);
			continue;
		}
		cchc_json_array_begin(&j);
		for (size_t i = 0; i < (list ? v->n : 1); i++) {
			const char *s = trim(list ? v->items[i]->text : v->text, &len);
			if (len)
				cchc_json_string_len(&j, s, len);
		}
		cchc_json_array_end(&j);
	}
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}

/* The stored object of (year, agency) parsed; STORE_ERR when it does not parse. */
static int stored_object(srv_req *rq, const char *agency, srv_json **out)
{
	cchc_buf b;
	char err[128];
	cchc_buf_init(&b, 0);
	*out = NULL;
	int rc = srv_document_json(rq->srv->store, rq->year, agency, &b);
	if (rc == STORE_OK && srv_json_parse(out, b.data ? b.data : "", b.len, err, sizeof err) < 0)
		rc = STORE_ERR;
	cchc_buf_dispose(&b);
	return rc;
}

int api_document_info(srv_req *rq, const char *agency, cchc_docx_info **info, char **title)
{
	srv_json *v = NULL;
	refusal why;
	*info = NULL;
	if (title)
		*title = NULL;
	int rc = stored_object(rq, agency, &v);
	if (rc == STORE_OK && v->n && cchc_docx_info_new(info) < 0)
		rc = STORE_ERR;
	for (size_t i = 0; rc == STORE_OK && i < v->n; i++) {
		const char *t = NULL;
		if (apply(v->keys[i], v->items[i], !agency[0], *info, &t, &why) < 0) {
			fprintf(stderr, "cchc serve: the stored values of a document: %s\n", why.en);
			rc = STORE_ERR;
		} else if (t && title && !(*title = strdup(t))) {
			rc = STORE_ERR;
		}
	}
	srv_json_free(v);
	if (rc != STORE_OK) {
		cchc_docx_info_free(*info);
		*info = NULL;
		if (title) {
			free(*title);
			*title = NULL;
		}
	}
	return rc;
}

static enum MHD_Result document_error(srv_req *rq, int rc)
{
	if (rc == STORE_NOTFOUND)
		return srv_error(rq, 404, "năm này không có cơ quan này", "no such agency in this year");
	return srv_store_error(rq, rc);
}

static enum MHD_Result document_get(srv_req *rq, const char *agency)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	int rc = srv_document_json(rq->srv->store, rq->year, agency, &b);
	enum MHD_Result r = rc == STORE_OK ? srv_reply_buf(rq, 200, &b) : document_error(rq, rc);
	cchc_buf_dispose(&b);
	return r;
}

/* Every member of the body checked on its own, then merged into the stored
 * object and stored whole, under the store's write lock (no change lost). */
static enum MHD_Result document_put(srv_req *rq, const char *agency)
{
	enum MHD_Result r;
	srv_json *body = srv_body_object(rq, &r), *old = NULL;
	if (!body)
		return r;
	int year_doc = !agency[0];
	refusal why;
	for (size_t i = 0; i < body->n; i++) {
		cchc_docx_info *scratch = NULL;
		const char *title;
		int bad = cchc_docx_info_new(&scratch) < 0 ||
		          apply(body->keys[i], body->items[i], year_doc, scratch, &title, &why) < 0;
		cchc_docx_info_free(scratch);
		if (bad) {
			srv_json_free(body);
			return scratch ? srv_error(rq, 422, why.vi, why.en)
			               : srv_error(rq, 500, "thiếu bộ nhớ", "out of memory");
		}
	}
	cchc_buf doc;
	cchc_buf_init(&doc, 0);
	char target[96];
	snprintf(target, sizeof target, "%d%s%s", rq->year, year_doc ? "" : "/", agency);
	srv_w_begin(rq->srv);
	int rc = stored_object(rq, agency, &old);
	if (rc == STORE_OK && merged(body, old, year_doc, &doc) < 0)
		rc = STORE_ERR;
	if (rc == STORE_OK)
		rc = srv_document_put(rq->srv->store, rq->year, agency, doc.data, rq->user.name, NULL);
	if (rc == STORE_OK)
		srv_audit(rq->srv->store, rq->user.name, rq->ip, "document", target, "ok");
	srv_w_end(rq->srv);
	r = rc == STORE_OK ? srv_reply_buf(rq, 200, &doc) : document_error(rq, rc);
	cchc_buf_dispose(&doc);
	srv_json_free(old);
	srv_json_free(body);
	return r;
}

enum MHD_Result api_agency_document_get(srv_req *rq)
{
	return document_get(rq, rq->agency);
}

enum MHD_Result api_agency_document_put(srv_req *rq)
{
	return document_put(rq, rq->agency);
}

enum MHD_Result api_year_document_get(srv_req *rq)
{
	return document_get(rq, "");
}

enum MHD_Result api_year_document_put(srv_req *rq)
{
	return document_put(rq, "");
}
