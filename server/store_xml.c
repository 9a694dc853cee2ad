/* Assessment XML in and out of the store: an import keeps every attribute
 * and child as given; srv_assessment_xml rebuilds a document the engine
 * scores exactly as the original. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/cchc.h"
#include "store_node.h"
#include "store_priv.h"
#include "xml_priv.h"

#define NS "urn:cchc:assessment:1"

/* An element (its attributes without a namespace, its child elements) as a node. */
static int node_from_xml(srv_node *n, xmlNodePtr el)
{
	xmlAttrPtr a;
	xmlNodePtr k;
	int rc = 0;

	memset(n, 0, sizeof *n);
	if (!(n->name = malloc(strlen((const char *)el->name) + 1)))
		return -1;
	strcpy(n->name, (const char *)el->name);
	for (a = el->properties; a && rc == 0; a = a->next) {
		xmlChar *v;
		if (a->ns)
			continue;
		v = xmlGetNoNsProp(el, a->name);
		rc = v ? srv_node_set(n, (const char *)a->name, (const char *)v) : -1;
		xmlFree(v);
	}
	for (k = el->children; k && rc == 0; k = k->next) {
		srv_node *kid;
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!(kid = srv_node_add_kid(n, "")))
			return -1;
		free(kid->name);
		rc = node_from_xml(kid, k);
	}
	return rc;
}

/* The node's attributes but one (criterion), as canonical JSON appended to out. */
static int json_without(srv_node *n, const char *skip, cchc_buf *out)
{
	size_t i;

	for (i = 0; i < n->nattrs; i++)
		if (strcmp(n->keys[i], skip) == 0) {
			free(n->keys[i]);
			free(n->vals[i]);
			n->nattrs--;
			memmove(&n->keys[i], &n->keys[i + 1], (n->nattrs - i) * sizeof *n->keys);
			memmove(&n->vals[i], &n->vals[i + 1], (n->nattrs - i) * sizeof *n->vals);
			break;
		}
	srv_node_json(n, out);
	return out->failed ? -1 : 0;
}

/* Criteria present in the document as element `name`. */
static int in_document(xmlNodePtr root, const char *name, const char *criterion)
{
	xmlNodePtr k;

	for (k = root->children; k; k = k->next)
		if (cchc_xml_is(k, name)) {
			xmlChar *v = xmlGetNoNsProp(k, (const xmlChar *)"criterion");
			int same = v && strcmp((const char *)v, criterion) == 0;
			xmlFree(v);
			if (same)
				return 1;
		}
	return 0;
}

/* The agency's appraisal rounds, each with a history row (old: its attributes,
 * new: none), then deleted: the document's rounds come back as new rows. */
static int drop_appraisals(srv_conn *c, int year, const char *agency, const char *user)
{
	typedef struct {
		char criterion[64];
		int round;
		char *attrs;
	} round_row;
	round_row *rows = NULL, *grown;
	size_t n = 0, i;
	sqlite3_stmt *st;
	int rc;

	if (srv_stmt(c, &st, "SELECT criterion, round, attrs FROM appraisals WHERE year = ? AND agency = ? ORDER BY seq",
	             "is", year, agency) != STORE_OK)
		return STORE_ERR;
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		if (!(grown = realloc(rows, (n + 1) * sizeof *rows))) {
			rc = srv_fail(c, STORE_ERR, "out of memory");
			break;
		}
		rows = grown;
		srv_copy(rows[n].criterion, sizeof rows[n].criterion, srv_col(st, 0));
		rows[n].round = sqlite3_column_int(st, 1);
		if (!(rows[n].attrs = malloc(strlen(srv_col(st, 2)) + 1))) {
			rc = srv_fail(c, STORE_ERR, "out of memory");
			break;
		}
		strcpy(rows[n++].attrs, srv_col(st, 2));
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? STORE_OK : rc;
	for (i = 0; i < n; i++) {
		char field[32];
		snprintf(field, sizeof field, "appraisal-%d", rows[i].round);
		if (rc == STORE_OK)
			rc = srv_item_bump(c, year, agency, rows[i].criterion, 0, field, rows[i].attrs, NULL, user, NULL);
		free(rows[i].attrs);
	}
	free(rows);
	if (rc == STORE_OK)
		rc = srv_exec(c, "DELETE FROM appraisals WHERE year = ? AND agency = ?", "is", year, agency);
	return rc;
}

/* Items and surveys the agency holds that the document no longer gives: emptied (with history). */
static int clear_absent(srv_conn *c, int year, const char *agency, xmlNodePtr root, const char *user)
{
	static const char *const pairs[][2] = {{"attrs", "item"}, {"survey", "survey"}};
	sqlite3_stmt *st;
	char sql[128];
	int rc = STORE_OK;
	size_t p;

	for (p = 0; p < 2 && rc == STORE_OK; p++) {
		char **gone = NULL;
		size_t n = 0, i;
		snprintf(sql, sizeof sql, "SELECT criterion FROM items WHERE year = ? AND agency = ? AND %s IS NOT NULL",
		         pairs[p][0]);
		if (srv_stmt(c, &st, sql, "is", year, agency) != STORE_OK)
			return STORE_ERR;
		while ((rc = srv_step(c, st)) == SQLITE_ROW) {
			char **g;
			if (in_document(root, pairs[p][1], srv_col(st, 0)))
				continue;
			if (!(g = realloc(gone, (n + 1) * sizeof *g)) || !(g[n] = malloc(strlen(srv_col(st, 0)) + 1))) {
				gone = g ? g : gone;
				rc = srv_fail(c, STORE_ERR, "out of memory");
				break;
			}
			gone = g;
			strcpy(gone[n++], srv_col(st, 0));
		}
		sqlite3_finalize(st);
		rc = rc == SQLITE_DONE ? STORE_OK : rc;
		for (i = 0; i < n; i++) {
			if (rc == STORE_OK)
				rc = srv_item_write(c, year, agency, gone[i], pairs[p][0], NULL, 0, user, NULL);
			free(gone[i]);
		}
		free(gone);
	}
	if (rc == STORE_OK)
		rc = drop_appraisals(c, year, agency, user);
	return rc;
}

/* The agency's row: added, or its head (root and <agency> attributes, <published>) replaced. */
static int import_head(srv_conn *c, int year, xmlNodePtr root, xmlNodePtr agency, xmlNodePtr published)
{
	srv_node r, a, p;
	cchc_buf rj, aj, px;
	const char *id, *name, *block;
	int rc = STORE_ERR;

	memset(&r, 0, sizeof r);
	memset(&a, 0, sizeof a);
	memset(&p, 0, sizeof p);
	cchc_buf_init(&rj, 0);
	cchc_buf_init(&aj, 0);
	cchc_buf_init(&px, 0);
	if (node_from_xml(&r, root) || node_from_xml(&a, agency) || (published && node_from_xml(&p, published)))
		goto cleanup;
	srv_node_json(&r, &rj);
	srv_node_json(&a, &aj);
	if (published)
		srv_node_xml(&p, NULL, NULL, 2, &px);
	if (rj.failed || aj.failed || px.failed)
		goto cleanup;
	id = srv_node_get(&a, "id");
	name = srv_node_get(&a, "name");
	block = srv_node_get(&a, "block");
	if (!srv_id_ok(id)) {
		rc = srv_fail(c, STORE_INVALID, "%ld: the agency id \"%s\" cannot be stored: use letters, digits, '.', '_', '-'",
		              cchc_xml_line(agency), id ? id : "");
		goto cleanup;
	}
	rc = srv_exec(c,
	              "INSERT INTO agencies(year, id, name, block, criteria_set, root_attrs, agency_attrs, published_xml)"
	              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(year, id) DO UPDATE SET"
	              " name = ?3, block = ?4, criteria_set = ?5, root_attrs = ?6, agency_attrs = ?7,"
	              " published_xml = ?8",
	              "isssssss", year, id, name ? name : id, block ? block : "", srv_node_get(&r, "criteria-set"),
	              rj.data, aj.data, published ? px.data : NULL);
cleanup:
	if (rc == STORE_ERR && !c->err[0])
		srv_fail(c, STORE_ERR, "out of memory");
	srv_node_clear(&r);
	srv_node_clear(&a);
	srv_node_clear(&p);
	cchc_buf_dispose(&rj);
	cchc_buf_dispose(&aj);
	cchc_buf_dispose(&px);
	return rc;
}

/* One <assessment> element into rows, inside the caller's transaction. */
static int import_one(srv_conn *c, int year, xmlNodePtr root, const char *user)
{
	xmlNodePtr k, agency = NULL, published = NULL;
	char yearbuf[16];
	const char *id;
	int rc;

	snprintf(yearbuf, sizeof yearbuf, "%d", year);
	id = cchc_xml_attr(root, "year");
	if (!id || strcmp(id, yearbuf) != 0)
		return srv_fail(c, STORE_INVALID, "%ld: the assessment is for the year %s, not %d: import it into its own year",
		                cchc_xml_line(root), id ? id : "(none)", year);
	for (k = root->children; k; k = k->next) {
		if (cchc_xml_is(k, "agency"))
			agency = k;
		else if (cchc_xml_is(k, "published"))
			published = k;
	}
	if (!agency)
		return srv_fail(c, STORE_INVALID, "%ld: the assessment has no <agency>", cchc_xml_line(root));
	rc = import_head(c, year, root, agency, published);
	id = cchc_xml_attr(agency, "id");
	if (rc == STORE_OK)
		rc = clear_absent(c, year, id, root, user);
	for (k = root->children; k && rc == STORE_OK; k = k->next) {
		int item = cchc_xml_is(k, "item"), survey = cchc_xml_is(k, "survey"), appraisal = cchc_xml_is(k, "appraisal");
		const char *criterion = cchc_xml_attr(k, "criterion");
		srv_node n;
		cchc_buf json;
		if (!item && !survey && !appraisal)
			continue;
		if (!srv_id_ok(criterion))
			return srv_fail(c, STORE_INVALID, "%ld: the criterion id \"%s\" cannot be stored", cchc_xml_line(k),
			                criterion ? criterion : "");
		cchc_buf_init(&json, 0);
		if (node_from_xml(&n, k) != 0 || json_without(&n, "criterion", &json) != 0) {
			srv_node_clear(&n);
			cchc_buf_dispose(&json);
			return srv_fail(c, STORE_ERR, "out of memory");
		}
		if (appraisal) {
			/* rounds without a number count in document order */
			const char *r = srv_node_get(&n, "round");
			int round = r ? atoi(r) : 0;
			if (!r) {
				sqlite3_stmt *st;
				rc = srv_stmt(c, &st, "SELECT coalesce(max(round), 0) + 1 FROM appraisals WHERE year = ? AND"
				                      " agency = ? AND criterion = ?", "iss", year, id, criterion);
				if (rc == STORE_OK && srv_step(c, st) == SQLITE_ROW)
					round = sqlite3_column_int(st, 0);
				sqlite3_finalize(st);
			}
			if (rc == STORE_OK)
				rc = srv_appraisal_write(c, year, id, criterion, round, json.data, 0, user, NULL);
		} else {
			rc = srv_item_write(c, year, id, criterion, item ? "attrs" : "survey", json.data, 0, user, NULL);
		}
		srv_node_clear(&n);
		cchc_buf_dispose(&json);
	}
	return rc;
}

static int drop(cchc_assessment *a, void *user)
{
	(void)user;
	cchc_assessment_free(a);
	return 0;
}

/* The first error of diag as "LINE: message" (or "FILE:LINE: message"). */
static void diag_first(const cchc_diag *diag, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < cchc_diag_stored(diag); i++) {
		const cchc_diag_entry *e = cchc_diag_get(diag, i);
		if (e->severity == CCHC_DIAG_WARNING)
			continue;
		snprintf(err, errlen, "%s:%ld: %s", e->file ? e->file : "", e->line, e->message);
		return;
	}
	snprintf(err, errlen, "the assessment is not valid");
}

/* The year's criteria sets, loaded by the engine. */
typedef struct {
	cchc_criteria **sets;
	size_t n;
} year_sets;

static void sets_free(year_sets *ys)
{
	size_t i;

	for (i = 0; ys->sets && i < ys->n; i++)
		cchc_criteria_free(ys->sets[i]);
	free(ys->sets);
}

/* Named by their ids in the engine's messages ("use an id from hue-so-2018"). */
static int sets_load(srv_conn *c, int year, year_sets *ys, char *err, size_t errlen)
{
	cchc_diag *diag = cchc_diag_new();
	sqlite3_stmt *st;
	int rc;

	memset(ys, 0, sizeof *ys);
	if (!diag || srv_stmt(c, &st, "SELECT set_id, xml FROM criteria_sets WHERE year = ? ORDER BY seq", "i", year) !=
	                     STORE_OK) {
		snprintf(err, errlen, "%s", diag ? c->err : "out of memory");
		cchc_diag_free(diag);
		return STORE_ERR;
	}
	while ((rc = srv_step(c, st)) == SQLITE_ROW) {
		cchc_criteria **grown = realloc(ys->sets, (ys->n + 1) * sizeof *grown);
		if (!grown) {
			rc = srv_fail(c, STORE_ERR, "out of memory");
			break;
		}
		ys->sets = grown;
		if (cchc_criteria_load_memory(&ys->sets[ys->n], sqlite3_column_blob(st, 1),
		                              (size_t)sqlite3_column_bytes(st, 1), srv_col(st, 0), diag) != 0) {
			diag_first(diag, err, errlen);
			rc = STORE_ERR;
			break;
		}
		ys->n++;
	}
	sqlite3_finalize(st);
	cchc_diag_free(diag);
	if (rc == SQLITE_DONE && ys->n == 0) {
		snprintf(err, errlen, "the year %d has no criteria set yet: add one first (cchc admin criteria add)", year);
		rc = STORE_INVALID;
	} else if (rc == SQLITE_DONE) {
		return STORE_OK;
	} else if (!err[0]) {
		snprintf(err, errlen, "%s", c->err);
	}
	sets_free(ys);
	return rc;
}

/* The engine's check first: nothing is stored that libcchc would refuse;
 * then the rows, inside the caller's transaction. */
static int import_doc(srv_conn *c, const year_sets *ys, int year, const char *xml, size_t len, const char *name,
                      const char *user, char *err, size_t errlen)
{
	cchc_diag *diag = cchc_diag_new();
	xmlDocPtr doc = NULL;
	xmlNodePtr root, k;
	int rc = STORE_INVALID;

	if (!diag)
		return STORE_ERR;
	if (cchc_assessment_stream_memory((const cchc_criteria *const *)ys->sets, ys->n, xml, len, name, drop, NULL,
	                                  diag) != 0) {
		diag_first(diag, err, errlen);
		goto cleanup;
	}
	doc = cchc_xml_parse(name, xml, len, diag);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root || !root->ns || strcmp((const char *)root->ns->href, NS) != 0) {
		diag_first(diag, err, errlen);
		goto cleanup;
	}
	if (cchc_xml_is(root, "assessment")) {
		rc = import_one(c, year, root, user);
	} else {
		rc = STORE_OK;
		for (k = root->children; k && rc == STORE_OK; k = k->next)
			if (cchc_xml_is(k, "assessment"))
				rc = import_one(c, year, k, user);
	}
	if (rc != STORE_OK)
		snprintf(err, errlen, c->err[0] >= '0' && c->err[0] <= '9' ? "%s:%s" : "%s: %s", name, c->err);
cleanup:
	xmlFreeDoc(doc);
	cchc_diag_free(diag);
	return rc;
}

char *srv_read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long size;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		goto cleanup;
	}
	if ((size_t)size > CCHC_XML_MAX_FILE) {
		snprintf(err, errlen, "%s: larger than the %zu MiB an XML file may be", path, CCHC_XML_MAX_FILE >> 20);
		goto cleanup;
	}
	if (!(data = malloc((size_t)size + 1)) || fread(data, 1, (size_t)size, f) != (size_t)size) {
		snprintf(err, errlen, "%s: cannot read: %s", path, data ? strerror(errno) : "out of memory");
		free(data);
		data = NULL;
		goto cleanup;
	}
	data[size] = '\0';
	*len = (size_t)size;
cleanup:
	if (f)
		fclose(f);
	return data;
}

/* Documents from memory (xml != NULL) or files, all or none in one transaction. */
static int import_many(srv_store *s, int year, const char *xml, size_t len, const char *const *paths, size_t n,
                       const char *user, char *err, size_t errlen)
{
	srv_conn *c = srv_conn_get(s);
	year_sets ys;
	size_t i;
	int rc;

	if (!c) {
		snprintf(err, errlen, "%s", srv_store_errmsg(s));
		return STORE_ERR;
	}
	if ((rc = sets_load(c, year, &ys, err, errlen)) != STORE_OK)
		return rc;
	if ((rc = srv_begin(c)) != STORE_OK) {
		snprintf(err, errlen, "%s", c->err);
		sets_free(&ys);
		return rc;
	}
	if ((rc = srv_year_writable(c, year)) != STORE_OK)
		snprintf(err, errlen, "%s", c->err);
	for (i = 0; rc == STORE_OK && i < n; i++) {
		char *data = xml ? NULL : srv_read_file(paths[i], &len, err, errlen);
		if (!xml && !data)
			rc = STORE_INVALID;
		else
			rc = import_doc(c, &ys, year, xml ? xml : data, len, paths[i], user, err, errlen);
		free(data);
	}
	rc = srv_finish(c, rc);
	if (rc != STORE_OK && !err[0])
		snprintf(err, errlen, "%s", c->err);
	sets_free(&ys);
	return rc;
}

int srv_import_xml(srv_store *s, int year, const char *xml, size_t len, const char *name, const char *user,
                   char *err, size_t errlen)
{
	err[0] = '\0';
	return import_many(s, year, xml, len, &name, 1, user, err, errlen);
}

int srv_import_files(srv_store *s, int year, const char *const *paths, size_t n, const char *user, char *err,
                     size_t errlen)
{
	err[0] = '\0';
	return import_many(s, year, NULL, 0, paths, n, user, err, errlen);
}

int srv_import_assessment_xml(srv_store *s, int year, const char *xml, size_t len, const char *user, char *err,
                              size_t errlen)
{
	return srv_import_xml(s, year, xml, len, "assessment", user, err, errlen);
}

/* Write the stored attributes (canonical JSON) as an element; 0 or -1. */
static int element_xml(const char *name, const char *json, const char *criterion, cchc_buf *out, char *err,
                       size_t errlen)
{
	srv_node n;

	if (srv_node_from_json(&n, name, json, strlen(json), NULL, err, errlen) != 0)
		return -1;
	srv_node_xml(&n, criterion ? "criterion" : NULL, criterion, 2, out);
	srv_node_clear(&n);
	return 0;
}

/* The root's criteria set when the agency was added rather than imported: its block's. */
static int default_set(srv_conn *c, int year, const char *block, cchc_buf *out)
{
	sqlite3_stmt *st;
	int rc;

	if (srv_stmt(c, &st,
	             "SELECT set_id FROM criteria_sets WHERE year = ?1 ORDER BY block = ?2 DESC, seq LIMIT 1", "is",
	             year, block) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW)
		cchc_buf_puts(out, srv_col(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return srv_fail(c, STORE_NOTFOUND, "the year %d has no criteria set", year);
	return rc == SQLITE_ROW ? STORE_OK : rc;
}

static int head_xml(srv_conn *c, int year, const char *agency, cchc_buf *out)
{
	sqlite3_stmt *st;
	char err[256];
	int rc;

	if (srv_stmt(c, &st,
	             "SELECT root_attrs, agency_attrs, published_xml, name, block FROM agencies WHERE year = ? AND id = ?",
	             "is", year, agency) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? srv_fail(c, STORE_NOTFOUND, "there is no agency %s in %d", agency, year) : rc;
	}
	cchc_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<assessment xmlns=\"" NS "\"");
	if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		srv_node r;
		rc = srv_node_from_json(&r, "assessment", srv_col(st, 0), strlen(srv_col(st, 0)), NULL, err, sizeof err);
		if (rc == 0) {
			size_t i;
			for (i = 0; i < r.nattrs; i++) {
				cchc_buf_printf(out, " %s=\"", r.keys[i]);
				srv_xml_escape(out, r.vals[i]);
				cchc_buf_puts(out, "\"");
			}
		}
		srv_node_clear(&r);
		rc = rc == 0 ? STORE_OK : srv_fail(c, STORE_ERR, "%s: the stored head is damaged: %s", agency, err);
	} else {
		cchc_buf set;
		cchc_buf_init(&set, 0);
		rc = default_set(c, year, srv_col(st, 4), &set);
		if (rc == STORE_OK) {
			cchc_buf_puts(out, " criteria-set=\"");
			srv_xml_escape(out, set.data);
			cchc_buf_printf(out, "\" year=\"%d\"", year);
		}
		cchc_buf_dispose(&set);
	}
	cchc_buf_puts(out, ">\n");
	if (rc == STORE_OK && sqlite3_column_type(st, 1) != SQLITE_NULL) {
		if (element_xml("agency", srv_col(st, 1), NULL, out, err, sizeof err) != 0)
			rc = srv_fail(c, STORE_ERR, "%s: the stored agency is damaged: %s", agency, err);
	} else if (rc == STORE_OK) {
		cchc_buf_puts(out, "  <agency id=\"");
		srv_xml_escape(out, agency);
		cchc_buf_puts(out, "\" name=\"");
		srv_xml_escape(out, srv_col(st, 3));
		if (srv_col(st, 4)[0]) {
			cchc_buf_puts(out, "\" block=\"");
			srv_xml_escape(out, srv_col(st, 4));
		}
		cchc_buf_puts(out, "\"/>\n");
	}
	if (rc == STORE_OK)
		cchc_buf_puts(out, srv_col(st, 2));
	sqlite3_finalize(st);
	return rc;
}

/* The elements one query lists (criterion, JSON), each as <name>. */
static int elements_xml(srv_conn *c, const char *sql, int year, const char *agency, const char *name, cchc_buf *out)
{
	sqlite3_stmt *st;
	char err[256];
	int rc;

	if (srv_stmt(c, &st, sql, "is", year, agency) != STORE_OK)
		return STORE_ERR;
	while ((rc = srv_step(c, st)) == SQLITE_ROW)
		if (element_xml(name, srv_col(st, 1), srv_col(st, 0), out, err, sizeof err) != 0) {
			rc = srv_fail(c, STORE_ERR, "%s %s: the stored %s is damaged: %s", agency, srv_col(st, 0), name, err);
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : rc;
}

int srv_assessment_xml(srv_store *s, int year, const char *agency, cchc_buf *out)
{
	srv_conn *c = srv_conn_get(s);
	int rc;

	if (!c)
		return STORE_ERR;
	/* one read transaction: the document is one moment's state */
	if (sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return srv_db_fail(c, "reading");
	rc = head_xml(c, year, agency, out);
	if (rc == STORE_OK)
		rc = elements_xml(c,
		                  "SELECT criterion, attrs FROM items WHERE year = ? AND agency = ? AND attrs IS NOT NULL"
		                  " ORDER BY seq",
		                  year, agency, "item", out);
	if (rc == STORE_OK)
		rc = elements_xml(c,
		                  "SELECT criterion, attrs FROM appraisals WHERE year = ? AND agency = ? ORDER BY seq",
		                  year, agency, "appraisal", out);
	if (rc == STORE_OK)
		rc = elements_xml(c,
		                  "SELECT criterion, survey FROM items WHERE year = ? AND agency = ? AND survey IS NOT NULL"
		                  " ORDER BY seq",
		                  year, agency, "survey", out);
	cchc_buf_puts(out, "</assessment>\n");
	sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL);
	if (rc == STORE_OK && out->failed)
		rc = srv_fail(c, STORE_ERR, "the assessment of %s is too large", agency);
	return rc;
}
