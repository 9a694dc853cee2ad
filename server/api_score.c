/* The engine's figures: criteria sets loaded once per revision of a year's
 * sets, each agency's assessment scored once per stored content, and the
 * score, check, gap and ranking answers, every figure computed by libcchc.
 *
 * The cache is exact. The store keeps a revision per (year, agency), bumped
 * in the same transaction by every write the rebuilt assessment reads,
 * whoever writes (this server, cchc admin), and one per year's criteria sets
 * (srv_revision). Before a cached figure is served the revisions are read
 * (one indexed SELECT): an entry is served only when its agency's revision
 * is the store's, and the year's sets are loaded again when theirs moved.
 * Otherwise the assessment is rebuilt from the store: when its text is the
 * cached one the figures are kept, else the engine scores it again. A write
 * through this server caches the engine's load of exactly what it stored,
 * with the revision it committed when no other write came between. */
#include "http_priv.h"

#include "cchc/diag_say.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scored {
	int refs;
	char agency[64];
	char *xml;
	size_t len;
	cchc_assessment *a;
	cchc_score *s;
	long long rev;      /* the agency's revision xml is exact at; -1: unknown */
	cchc_buf json[CCHC_LANG_COUNT]; /* cchc-score/1, rendered once per language */
} scored;

/* A year's criteria sets at one revision and the agencies scored with them.
 * When the sets' revision moves a new entry goes in front; the old one stays
 * (its sets may be in use) until the server stops. */
struct srv_year_cache {
	int year;
	long long crit_rev; /* the revision of the sets loaded; -1: unknown */
	cchc_criteria **sets;
	size_t nsets;
	scored **entries;
	size_t n, cap;
	srv_year_cache *next;
};

static void scored_free(scored *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < CCHC_LANG_COUNT; i++)
		cchc_buf_dispose(&e->json[i]);
	cchc_score_free(e->s);
	cchc_assessment_free(e->a);
	free(e->xml);
	free(e);
}

/* Drop a reference (the cache's lock taken here). */
static void scored_release(srv_server *srv, scored *e)
{
	if (!e)
		return;
	pthread_mutex_lock(&srv->cache_lock);
	int last = --e->refs == 0;
	pthread_mutex_unlock(&srv->cache_lock);
	if (last)
		scored_free(e);
}

void srv_year_cache_free(srv_year_cache *c)
{
	while (c) {
		srv_year_cache *next = c->next;
		for (size_t i = 0; i < c->n; i++)
			scored_free(c->entries[i]);
		for (size_t i = 0; i < c->nsets; i++)
			cchc_criteria_free(c->sets[i]);
		free(c->sets);
		free(c->entries);
		free(c);
		c = next;
	}
}

/* The year's cache entry for criteria revision crev (-1: whichever is
 * there), its sets loaded when missing or when their revision moved; lock held. */
static srv_year_cache *year_locked(srv_server *srv, int year, long long crev)
{
	for (srv_year_cache *c = srv->years; c; c = c->next)
		if (c->year == year) {
			if (c->crit_rev >= 0 && (crev < 0 || c->crit_rev == crev))
				return c;
			break; /* the newest of the year is stale: load again */
		}
	char **xmls = NULL;
	size_t *lens = NULL, n = 0;
	if (srv_criteria_list(srv->store, year, &xmls, &lens, &n) != STORE_OK)
		return NULL;
	srv_year_cache *c = calloc(1, sizeof *c);
	cchc_diag *diag = cchc_diag_new();
	if (!c || !diag || !(c->sets = calloc(n ? n : 1, sizeof *c->sets)))
		goto fail;
	c->year = year;
	c->crit_rev = crev;
	for (size_t i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof name, "criteria-%d-%zu.xml", year, i + 1);
		if (cchc_criteria_load_memory(&c->sets[c->nsets], xmls[i], lens[i], name, diag) < 0) {
			fprintf(stderr, "cchc serve: %s (year %d): stored criteria set %zu does not load\n",
			        srv_store_dir(srv->store), year, i + 1);
			goto fail;
		}
		c->nsets++;
	}
	srv_strv_free(xmls, lens, n);
	cchc_diag_free(diag);
	c->next = srv->years;
	srv->years = c;
	return c;
fail:
	srv_strv_free(xmls, lens, n);
	cchc_diag_free(diag);
	if (c)
		c->next = NULL;
	srv_year_cache_free(c);
	return NULL;
}

/* The revisions of (year, agency) and of the year's sets; -1 when unknown. */
static void revisions(srv_server *srv, int year, const char *agency, long long *arev,
                      long long *crev)
{
	if (srv_revision(srv->store, year, agency, arev, crev) != STORE_OK)
		*arev = *crev = -1;
}

/* The year's cache entry with its sets as stored now; lock held on return
 * (also when NULL). */
static srv_year_cache *year_now(srv_server *srv, int year, const char *agency, long long *arev)
{
	long long crev;
	revisions(srv, year, agency, arev, &crev);
	pthread_mutex_lock(&srv->cache_lock);
	return year_locked(srv, year, crev);
}

int srv_year_sets(srv_server *srv, int year, const cchc_criteria *const **sets, size_t *n)
{
	long long arev;
	srv_year_cache *c = year_now(srv, year, "", &arev);
	pthread_mutex_unlock(&srv->cache_lock);
	if (!c)
		return -1;
	/* sets live as long as the server: a year's entry is never removed */
	*sets = (const cchc_criteria *const *)c->sets;
	*n = c->nsets;
	return 0;
}

/* The cached entry of agency, lock held, or NULL. */
static scored *cached(srv_year_cache *c, const char *agency)
{
	for (size_t i = 0; c && i < c->n; i++)
		if (strcmp(c->entries[i]->agency, agency) == 0)
			return c->entries[i];
	return NULL;
}

void srv_note_write(srv_server *srv, int year, const char *agency)
{
	pthread_mutex_lock(&srv->cache_lock);
	for (srv_year_cache *c = srv->years; c; c = c->next) {
		scored *e = c->year == year ? cached(c, agency) : NULL;
		if (e)
			e->rev = -1;
	}
	pthread_mutex_unlock(&srv->cache_lock);
}

pthread_mutex_t *srv_write_lock(srv_server *srv, const char *agency)
{
	unsigned h = 5381;
	for (const unsigned char *p = (const unsigned char *)agency; *p; p++)
		h = h * 33 + *p;
	return &srv->write_locks[h % (sizeof srv->write_locks / sizeof srv->write_locks[0])];
}

/* Put e in c's slot of its agency (growing the table); the old entry, or e
 * itself when there is no room (then the caller drops it). Lock held. */
static scored *cache_replace(srv_year_cache *c, scored *e)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->entries[i]->agency, e->agency) == 0) {
			scored *old = c->entries[i];
			c->entries[i] = e;
			return old;
		}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		scored **grown = realloc(c->entries, cap * sizeof *grown);
		if (!grown)
			return e;
		c->entries = grown;
		c->cap = cap;
	}
	c->entries[c->n++] = e;
	return NULL;
}

void srv_cache_put(srv_server *srv, int year, const char *agency, cchc_buf *xml,
                   cchc_assessment *a, cchc_score *s, long long rev)
{
	scored *e = calloc(1, sizeof *e), *old = NULL;
	if (e) {
		snprintf(e->agency, sizeof e->agency, "%s", agency);
		e->xml = xml->data; /* taken */
		e->len = xml->len;
		e->a = a;
		e->s = s;
		e->refs = 1;
		e->rev = rev;
	} else {
		cchc_buf_dispose(xml);
		cchc_score_free(s);
		cchc_assessment_free(a);
	}
	memset(xml, 0, sizeof *xml);
	pthread_mutex_lock(&srv->cache_lock);
	srv_year_cache *c = year_locked(srv, year, -1);
	int same_sets = 0; /* scored with the year's sets as cached now (not older ones) */
	for (size_t i = 0; c && e && i < c->nsets; i++)
		same_sets |= cchc_assessment_criteria(e->a) == c->sets[i];
	if (same_sets) {
		old = cache_replace(c, e);
	} else { /* dropped: and nothing of the agency trusted without a look */
		old = e;
		scored *stale = cached(c, agency);
		if (stale)
			stale->rev = -1;
	}
	pthread_mutex_unlock(&srv->cache_lock);
	scored_release(srv, old);
}

int srv_cached_xml(srv_server *srv, int year, const char *agency, cchc_buf *out, long long *rev)
{
	int rc = -1;
	long long arev;
	srv_year_cache *c = year_now(srv, year, agency, &arev);
	scored *e = cached(c, agency);
	if (e && arev >= 0 && e->rev == arev)
		rc = cchc_buf_append(out, e->xml, e->len);
	pthread_mutex_unlock(&srv->cache_lock);
	*rev = arev; /* read before the store's text: exact at it, or older (then a later look reloads) */
	if (rc < 0) {
		cchc_buf_dispose(out);
		cchc_buf_init(out, 0);
		rc = srv_assessment_xml(srv->store, year, agency, out);
	}
	return rc;
}

/* The engine's first error, for a 422; NULL when it recorded none. */
static const char *first_error(const cchc_diag *diag)
{
	for (size_t i = 0; i < cchc_diag_stored(diag); i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		if (e->severity == CCHC_DIAG_ERROR)
			return e->message;
	}
	return NULL;
}

/* Load and score an assessment text against sets; -1 with the engine's message in diag. */
static int load_and_score(const cchc_criteria *const *sets, size_t nsets, const char *agency,
                          const char *xml, size_t len, cchc_assessment **a, cchc_score **s,
                          cchc_diag *diag)
{
	char name[96];
	*a = NULL;
	*s = NULL;
	snprintf(name, sizeof name, "%s.xml", agency);
	if (cchc_assessment_load_memory(a, sets, nsets, xml, len, name, diag) < 0)
		return -1;
	if (cchc_score_compute(s, *a) < 0) {
		cchc_diag_addf(diag, name, 0, "out of memory");
		cchc_assessment_free(*a);
		*a = NULL;
		return -1;
	}
	return 0;
}

/* (year, agency) scored as stored now: the cached entry when its revision is
 * the store's, or when its text is the store's; else scored again. */
static int scored_get(srv_server *srv, int year, const char *agency, scored **out,
                      cchc_diag *diag)
{
	*out = NULL;
	long long arev;
	srv_year_cache *c = year_now(srv, year, agency, &arev);
	scored *e0 = cached(c, agency);
	if (e0 && arev >= 0 && e0->rev == arev) {
		e0->refs++;
		pthread_mutex_unlock(&srv->cache_lock);
		*out = e0;
		return STORE_OK;
	}
	pthread_mutex_unlock(&srv->cache_lock);
	if (!c) {
		cchc_diag_addf(diag, NULL, 0, "the year's criteria sets do not load");
		return STORE_ERR;
	}
	cchc_buf xml;
	cchc_buf_init(&xml, 0);
	/* read after the revision: exact at it or newer (then the next look reloads) */
	int rc = srv_assessment_xml(srv->store, year, agency, &xml);
	if (rc != STORE_OK || xml.failed) {
		cchc_buf_dispose(&xml);
		return rc != STORE_OK ? rc : STORE_ERR;
	}
	pthread_mutex_lock(&srv->cache_lock);
	scored *hit = cached(c, agency);
	if (hit && hit->len == xml.len && memcmp(hit->xml, xml.data, xml.len) == 0) {
		hit->refs++;
		hit->rev = arev;
	} else {
		hit = NULL;
	}
	pthread_mutex_unlock(&srv->cache_lock);
	if (hit) {
		cchc_buf_dispose(&xml);
		*out = hit;
		return STORE_OK;
	}
	scored *e = calloc(1, sizeof *e);
	if (!e || load_and_score((const cchc_criteria *const *)c->sets, c->nsets, agency, xml.data,
	                         xml.len, &e->a, &e->s, diag) < 0) {
		free(e);
		cchc_buf_dispose(&xml);
		return STORE_INVALID;
	}
	snprintf(e->agency, sizeof e->agency, "%s", agency);
	e->xml = xml.data; /* the buffer's memory moves to the entry */
	e->len = xml.len;
	e->refs = 2;       /* the cache's and the caller's */
	e->rev = arev;
	pthread_mutex_lock(&srv->cache_lock);
	scored *old = cache_replace(c, e);
	pthread_mutex_unlock(&srv->cache_lock);
	scored_release(srv, old); /* e itself when it found no room: served uncached */
	*out = e;
	return STORE_OK;
}

/* A 422 with the engine's first error: English, or said in Vietnamese
 * (cchc_diag_say) between before and after. */
static enum MHD_Result engine_422(srv_req *rq, const cchc_diag *diag, const char *before, const char *after)
{
	const char *msg = first_error(diag);
	char said[CCHC_DIAG_SAY_SIZE], vi[CCHC_DIAG_SAY_SIZE + 200];
	if (msg)
		cchc_diag_say(msg, CCHC_LANG_VI, said, sizeof said);
	snprintf(vi, sizeof vi, "%s%s%s", before, msg ? said : "hồ sơ không hợp lệ", after);
	return srv_error(rq, 422, vi, msg ? msg : "the engine refused the assessment");
}

/* A write the engine refused. */
enum MHD_Result api_engine_refusal(srv_req *rq, const cchc_diag *diag)
{
	return engine_422(rq, diag, "bộ tính điểm không nhận hồ sơ, không lưu gì (", ")");
}

/* An error from scored_get. */
static enum MHD_Result scored_error(srv_req *rq, int rc, const cchc_diag *diag)
{
	if (rc == STORE_INVALID) /* a read: the engine's words alone */
		return engine_422(rq, diag, "", "");
	if (rc == STORE_ERR && cchc_diag_count(diag))
		return srv_error(rq, 500, "tiêu chí của năm không nạp được: báo quản trị viên",
		                 "the year's criteria do not load: tell the administrator");
	return srv_store_error(rq, rc);
}

enum MHD_Result api_reply_score(srv_req *rq, unsigned status, const cchc_score *s)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_render_score_json(&b, s, rq->lang);
	enum MHD_Result r = srv_reply_buf(rq, status, &b);
	cchc_buf_dispose(&b);
	return r;
}

/* The entry's cchc-score/1 in the request's language, rendered on first use. */
static enum MHD_Result reply_scored(srv_req *rq, unsigned status, scored *e)
{
	cchc_buf *b = &e->json[rq->lang];
	pthread_mutex_lock(&rq->srv->cache_lock);
	if (!b->len) {
		cchc_buf_init(b, 0);
		cchc_render_score_json(b, e->s, rq->lang);
	}
	pthread_mutex_unlock(&rq->srv->cache_lock);
	return srv_reply_buf(rq, status, b);
}

enum MHD_Result api_answer_score(srv_req *rq, unsigned status)
{
	cchc_diag *diag = cchc_diag_new();
	scored *e = NULL;
	enum MHD_Result r;
	int rc = diag ? scored_get(rq->srv, rq->year, rq->agency, &e, diag) : STORE_ERR;
	r = rc == STORE_OK ? reply_scored(rq, status, e) : scored_error(rq, rc, diag);
	scored_release(rq->srv, e);
	cchc_diag_free(diag);
	return r;
}

enum MHD_Result api_score_get(srv_req *rq)
{
	return api_answer_score(rq, 200);
}

int api_score_candidate(srv_req *rq, const char *xml, size_t len, cchc_assessment **a,
                        cchc_score **s, cchc_diag *diag)
{
	const cchc_criteria *const *sets;
	size_t nsets;
	*a = NULL;
	*s = NULL;
	if (srv_year_sets(rq->srv, rq->year, &sets, &nsets) < 0) {
		cchc_diag_addf(diag, NULL, 0, "the year's criteria sets do not load");
		return -1;
	}
	return load_and_score(sets, nsets, rq->agency, xml, len, a, s, diag);
}

void api_field_free(srv_server *srv, api_field *f)
{
	cchc_ranking_free(f->ranking);
	for (size_t i = 0; i < f->n; i++)
		scored_release(srv, f->entries[i]);
	free(f->entries);
}

int api_field_build(srv_req *rq, api_field *f, cchc_diag *diag)
{
	srv_agency *list = NULL;
	size_t n = 0;
	memset(f, 0, sizeof *f);
	int rc = srv_agency_list(rq->srv->store, rq->year, &list, &n);
	if (rc != STORE_OK)
		return rc;
	const cchc_score **scores = calloc(n ? n : 1, sizeof *scores);
	f->entries = calloc(n ? n : 1, sizeof *f->entries);
	if (!scores || !f->entries)
		rc = STORE_ERR;
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		rc = scored_get(rq->srv, rq->year, list[i].id, &f->entries[i], diag);
		if (rc == STORE_OK)
			scores[f->n++] = f->entries[i]->s;
	}
	if (rc == STORE_OK && cchc_ranking_build(&f->ranking, scores, f->n, diag) < 0)
		rc = STORE_INVALID;
	free(scores);
	free(list);
	return rc;
}

enum MHD_Result api_ranking_get(srv_req *rq)
{
	cchc_diag *diag = cchc_diag_new();
	api_field f;
	enum MHD_Result r;
	int rc = diag ? api_field_build(rq, &f, diag) : STORE_ERR;
	if (rc == STORE_OK) {
		cchc_buf b;
		cchc_buf_init(&b, 0);
		cchc_render_ranking_json(&b, f.ranking);
		r = srv_reply_buf(rq, 200, &b);
		cchc_buf_dispose(&b);
	} else {
		r = scored_error(rq, rc, diag);
	}
	if (diag)
		api_field_free(rq->srv, &f);
	cchc_diag_free(diag);
	return r;
}

enum MHD_Result api_check_get(srv_req *rq)
{
	cchc_diag *diag = cchc_diag_new();
	api_field f;
	scored *own = NULL;
	cchc_check *check = NULL;
	enum MHD_Result r;
	int rc = diag ? api_field_build(rq, &f, diag) : STORE_ERR;
	if (rc == STORE_OK)
		rc = scored_get(rq->srv, rq->year, rq->agency, &own, diag);
	if (rc == STORE_OK) {
		cchc_check_options opt = {0};
		opt.survey = CCHC_SURVEY_LAST;
		opt.survey_default = 1; /* without last year's result: no survey assumed */
		if (cchc_check_build(&check, own->a, NULL, f.ranking, &opt, diag) < 0)
			rc = STORE_INVALID;
	}
	if (rc == STORE_OK) {
		cchc_buf b;
		cchc_buf_init(&b, 0);
		cchc_render_check_json(&b, check);
		r = srv_reply_buf(rq, 200, &b);
		cchc_buf_dispose(&b);
	} else {
		r = scored_error(rq, rc, diag);
	}
	cchc_check_free(check);
	scored_release(rq->srv, own);
	if (diag)
		api_field_free(rq->srv, &f);
	cchc_diag_free(diag);
	return r;
}

/* The query's target-rank (0 when absent) into *target: 0, or -1 with the 400 answered in *r. */
static int target_rank(srv_req *rq, unsigned long *target, enum MHD_Result *r)
{
	char arg[16];
	*target = 0;
	if (!MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, "target-rank"))
		return 0;
	const char *t = srv_query(rq, "target-rank", arg, sizeof arg);
	char *end = NULL;
	*target = t && t[0] >= '1' && t[0] <= '9' ? strtoul(t, &end, 10) : 0;
	if (*target && !*end && *target <= 100000)
		return 0;
	*r = srv_error(rq, 400, "target-rank phải là một số thứ hạng (1, 2, …)",
	               "target-rank must be a rank (1, 2, …)");
	return -1;
}

enum MHD_Result api_field_error(srv_req *rq, int rc, const cchc_diag *diag)
{
	return scored_error(rq, rc, diag);
}

enum MHD_Result api_with_gap(srv_req *rq, api_gap_answer answer)
{
	unsigned long target;
	enum MHD_Result r;
	if (target_rank(rq, &target, &r) < 0)
		return r;
	cchc_diag *diag = cchc_diag_new();
	api_field f;
	cchc_gap *gap = NULL;
	int rc = diag ? api_field_build(rq, &f, diag) : STORE_ERR;
	if (rc == STORE_OK && cchc_gap_build(&gap, f.ranking, rq->agency, (size_t)target, NULL, NULL, diag) < 0)
		rc = STORE_INVALID;
	r = rc == STORE_OK ? answer(rq, gap) : scored_error(rq, rc, diag);
	cchc_gap_free(gap);
	if (diag)
		api_field_free(rq->srv, &f);
	cchc_diag_free(diag);
	return r;
}

static enum MHD_Result gap_json(srv_req *rq, const cchc_gap *gap)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_render_gap_json(&b, gap, rq->lang);
	enum MHD_Result r = srv_reply_buf(rq, 200, &b);
	cchc_buf_dispose(&b);
	return r;
}

enum MHD_Result api_gap_get(srv_req *rq)
{
	return api_with_gap(rq, gap_json);
}
