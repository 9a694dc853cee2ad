/* Downloads, so that nothing is locked in: an agency's plan (Kế hoạch khắc
 * phục, the writer of `cchc gap --format docx`), the province's report
 * (bao-cao.docx, as `cchc report` writes it), the whole report bundle as one
 * zip (every file `cchc report` writes) and the year as an assessments
 * bundle (<assessments>, the format every cchc command reads), all as
 * attachments; and the province's report page (index.html of `cchc report`,
 * its charts and tables) inline. Every figure in them is the engine's. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "api_admin.h"
#include "api_documents.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <sodium.h>

#include "cchc/docx.h"
#include "cchc/report_bundle.h"

/* Content-Disposition: an ASCII fallback, and the UTF-8 name percent-encoded (RFC 6266, 5987). */
static void disposition(char *out, size_t size, const char *ascii, const char *utf8)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = (size_t)snprintf(out, size, "attachment; filename=\"%s\"; filename*=UTF-8''", ascii);
	for (const unsigned char *p = (const unsigned char *)utf8; *p && o + 4 < size; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p)) {
			out[o++] = (char)*p;
		} else {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = 0;
}

static enum MHD_Result reply_attachment(srv_req *rq, const char *ctype, const char *ascii,
                                        const char *utf8, const char *data, size_t len)
{
	char disp[512];
	disposition(disp, sizeof disp, ascii, utf8);
	const char *extra[] = {"Content-Disposition", disp, NULL};
	return srv_reply(rq, 200, ctype, data, len, extra);
}

/* A private folder of the data folder for one download (its path into tmp:
 * "DIR/.download-XXXXXX"), locked while it lives, so that a server starting on
 * the same data folder leaves it alone (http.c removes only leftovers no one
 * holds). Its descriptor (close it after removing the folder), or -1. */
static int download_dir(char *tmp, size_t size, const char *dir)
{
	snprintf(tmp, size, "%s/.download-XXXXXX", dir);
	if (!mkdtemp(tmp))
		return -1;
	int fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || flock(fd, LOCK_EX) != 0) {
		if (fd >= 0)
			close(fd);
		rmdir(tmp);
		return -1;
	}
	return fd;
}

typedef int (*file_writer)(const char *path, const void *ctx, cchc_lang lang);

/* The report writers write files whole (cchc_write_atomic): one goes to a
 * private folder of the data folder, is read back and removed. 0, or -1. */
static int written(file_writer fn, const void *ctx, cchc_lang lang, const char *dir, char **data,
                   size_t *len)
{
	char tmp[4096], path[4200], err[256];
	*data = NULL;
	int lock = download_dir(tmp, sizeof tmp, dir);
	if (lock < 0)
		return -1;
	snprintf(path, sizeof path, "%s/file", tmp);
	if (fn(path, ctx, lang) == 0)
		*data = srv_read_file(path, len, err, sizeof err);
	unlink(path);
	rmdir(tmp);
	close(lock);
	return *data ? 0 : -1;
}

static const char docx_type[] =
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document";

static enum MHD_Result reply_written(srv_req *rq, file_writer fn, const void *ctx, const char *ascii,
                                     const char *utf8)
{
	char *data = NULL;
	size_t len = 0;
	if (written(fn, ctx, rq->lang, srv_store_dir(rq->srv->store), &data, &len) < 0)
		return srv_error(rq, 500, "không viết được tài liệu: báo quản trị viên (thư mục dữ liệu)",
		                 "could not write the document: tell the administrator (the data folder)");
	enum MHD_Result r = reply_attachment(rq, docx_type, ascii, utf8, data, len);
	free(data);
	return r;
}

/* What a document is written from: the engine's analysis or ranking, and
 * the header values and title stored for it (api_documents.c). */
typedef struct {
	const cchc_gap *gap;
	const cchc_ranking *ranking;
	cchc_docx_info *info;
	char *title;
} doc_input;

static int write_plan(const char *path, const void *ctx, cchc_lang lang)
{
	const doc_input *in = ctx;
	return cchc_write_gap_docx(path, in->gap, in->info, lang);
}

static int write_report(const char *path, const void *ctx, cchc_lang lang)
{
	const doc_input *in = ctx;
	return cchc_write_report_docx(path, in->ranking, in->info, in->title, lang);
}

/* The stored header values of (the request's year, agency; "" the report) into in. */
static int doc_values(srv_req *rq, const char *agency, doc_input *in, enum MHD_Result *refused)
{
	int rc = api_document_info(rq, agency, &in->info, &in->title);
	if (rc != STORE_OK)
		*refused = srv_store_error(rq, rc);
	return rc == STORE_OK ? 0 : -1;
}

static void doc_input_free(doc_input *in)
{
	cchc_docx_info_free(in->info);
	free(in->title);
}

static enum MHD_Result plan_docx(srv_req *rq, const cchc_gap *gap)
{
	char ascii[128], utf8[160];
	enum MHD_Result r;
	snprintf(ascii, sizeof ascii, "ke-hoach-%s-%d.docx", rq->agency, rq->year);
	snprintf(utf8, sizeof utf8, "Kế hoạch khắc phục %s %d.docx", rq->agency, rq->year);
	doc_input in = {gap, NULL, NULL, NULL};
	if (doc_values(rq, rq->agency, &in, &r) == 0)
		r = reply_written(rq, write_plan, &in, ascii, utf8);
	doc_input_free(&in);
	return r;
}

enum MHD_Result api_plan_docx_get(srv_req *rq)
{
	return api_with_gap(rq, plan_docx);
}

/* The year's blocks in the order of its criteria sets, as `cchc report` has
 * them (the order the sets were given in). */
static void order_blocks(srv_req *rq, cchc_ranking *r)
{
	const cchc_criteria *const *sets;
	size_t nsets;
	if (srv_year_sets(rq->srv, rq->year, &sets, &nsets) == 0)
		cchc_bundle_order_blocks(r, sets, nsets);
}

typedef enum MHD_Result (*report_answer)(srv_req *rq, const cchc_ranking *r);

/* The province's ranking from the score cache, its blocks in order, answered by fn. */
static enum MHD_Result with_report(srv_req *rq, report_answer fn)
{
	cchc_diag *diag = cchc_diag_new();
	api_field f;
	enum MHD_Result r;
	int rc = diag ? api_field_build(rq, &f, diag) : STORE_ERR;
	if (rc == STORE_OK) {
		order_blocks(rq, f.ranking);
		r = fn(rq, f.ranking);
	} else {
		r = api_field_error(rq, rc, diag);
	}
	if (diag)
		api_field_free(rq->srv, &f);
	cchc_diag_free(diag);
	return r;
}

static enum MHD_Result report_docx(srv_req *rq, const cchc_ranking *ranking)
{
	char ascii[64], utf8[96];
	snprintf(ascii, sizeof ascii, "bao-cao-%d.docx", rq->year);
	snprintf(utf8, sizeof utf8, "Báo cáo Chỉ số CCHC %d.docx", rq->year);
	doc_input in = {NULL, ranking, NULL, NULL};
	enum MHD_Result r;
	if (doc_values(rq, "", &in, &r) == 0)
		r = reply_written(rq, write_report, &in, ascii, utf8);
	doc_input_free(&in);
	return r;
}

enum MHD_Result api_report_docx_get(srv_req *rq)
{
	return with_report(rq, report_docx);
}

/* The page's own policy: its inline <style> and style="" attributes, its inline
 * SVG, and only its one inline script (the tables' sorting) by its hash; no
 * network, no forms; framed by the desk only (same origin). 0, or -1. */
static int page_csp(char *out, size_t size, const cchc_buf *page)
{
	static const char open[] = "<script id=\"cchc-sort\">";
	const char *s = page->data ? strstr(page->data, open) : NULL;
	const char *e = s ? strstr(s, "</script>") : NULL;
	if (!e)
		return -1;
	s += sizeof open - 1;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	crypto_hash_sha256(digest, (const unsigned char *)s, (unsigned long long)(e - s));
	sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
	int n = snprintf(out, size,
	                 "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-%s'; "
	                 "base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
	                 b64);
	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* ?lang=vi|en: a link or a frame sends no Accept-Language of the desk's choosing.
 * 0, or -1 with the refusal in *refused. */
static int lang_arg(srv_req *rq, cchc_lang *lang, enum MHD_Result *refused)
{
	char arg[8];
	*lang = rq->lang;
	if (srv_query(rq, "lang", arg, sizeof arg) && cchc_lang_parse(arg, lang) < 0) {
		*refused = srv_error(rq, 400, "lang phải là vi hoặc en", "lang must be vi or en");
		return -1;
	}
	return 0;
}

static enum MHD_Result report_html(srv_req *rq, const cchc_ranking *ranking)
{
	cchc_report_options ro = {rq->lang, NULL, NULL};
	doc_input in = {NULL, ranking, NULL, NULL};
	enum MHD_Result refused;
	if (lang_arg(rq, &ro.lang, &refused) < 0 || doc_values(rq, "", &in, &refused) < 0)
		return refused;
	ro.title = in.title;
	cchc_buf b;
	cchc_buf_init(&b, 0);
	char csp[512];
	enum MHD_Result r;
	if (cchc_render_html_opts(&b, ranking, NULL, NULL, &ro) < 0 || page_csp(csp, sizeof csp, &b) < 0) {
		r = srv_error(rq, 500, "không dựng được trang báo cáo (thiếu bộ nhớ)",
		              "could not build the report page (out of memory)");
	} else {
		const char *extra[] = {"Content-Security-Policy", csp, "X-Frame-Options", "SAMEORIGIN",
		                       NULL};
		r = srv_reply(rq, 200, "text/html; charset=utf-8", b.data, b.len, extra);
	}
	cchc_buf_dispose(&b);
	doc_input_free(&in);
	return r;
}

enum MHD_Result api_report_html_get(srv_req *rq)
{
	return with_report(rq, report_html);
}

/* ---- report.zip: the report bundle, every file in a folder of the zip ---- */

#define ZIP_FILES 64 /* more than a bundle has (criteria-<block>-N.csv parts included) */

/* The zip's sink: rendered files are kept in memory; the workbook and the Word
 * documents are written into a private folder of the data folder and read back. */
typedef struct {
	char dir[4096];       /* the private folder (.download-XXXXXX) */
	char path[4400];      /* the last path handed out */
	char folder[64];      /* the zip's one folder ("bao-cao-cchc-2018") */
	cchc_zip_entry e[ZIP_FILES];
	char *owned[ZIP_FILES]; /* each entry's name and data, malloc'd */
	int on_disk[ZIP_FILES]; /* written by name into dir: read back at the end */
	size_t n;
} zip_sink;

/* A new entry folder/name, its data to come; -1 when full or out of memory. */
static int zip_add(zip_sink *z, const char *name, const char *data, size_t len)
{
	if (z->n == ZIP_FILES || strchr(name, '/'))
		return -1;
	size_t nl = strlen(z->folder) + 1 + strlen(name) + 1;
	char *block = malloc(nl + len + 1);
	if (!block)
		return -1;
	snprintf(block, nl, "%s/%s", z->folder, name);
	if (data)
		memcpy(block + nl, data, len);
	z->owned[z->n] = block;
	z->e[z->n] = (cchc_zip_entry){block, block + nl, len};
	z->on_disk[z->n] = data == NULL;
	z->n++;
	return 0;
}

static int zip_put(void *ctx, const char *name, const char *data, size_t len)
{
	return zip_add(ctx, name, data, len);
}

static const char *zip_path(void *ctx, const char *name)
{
	zip_sink *z = ctx;
	if (zip_add(z, name, NULL, 0) < 0)
		return NULL;
	snprintf(z->path, sizeof z->path, "%s/%s", z->dir, name);
	return z->path;
}

/* The files written by name, into memory (and off the disk). 0, or -1. */
static int zip_read_back(zip_sink *z)
{
	int rc = 0;
	for (size_t i = 0; i < z->n; i++) {
		if (!z->on_disk[i])
			continue;
		char path[4400], err[256];
		size_t len = 0;
		snprintf(path, sizeof path, "%s/%s", z->dir, strchr(z->e[i].name, '/') + 1);
		char *data = rc == 0 ? srv_read_file(path, &len, err, sizeof err) : NULL;
		unlink(path);
		if (!data) {
			rc = -1;
			continue;
		}
		size_t nl = strlen(z->e[i].name) + 1;
		char *block = realloc(z->owned[i], nl + len + 1);
		if (!block) {
			free(data);
			rc = -1;
			continue;
		}
		memcpy(block + nl, data, len);
		free(data);
		z->owned[i] = block;
		z->e[i] = (cchc_zip_entry){block, block + nl, len};
		z->on_disk[i] = 0;
	}
	return rc;
}

/* Everything left in the private folder goes, then the folder. */
static void zip_sink_free(zip_sink *z)
{
	char path[4400];
	for (size_t i = 0; i < z->n; i++) {
		if (z->on_disk[i]) {
			snprintf(path, sizeof path, "%s/%s", z->dir, strchr(z->e[i].name, '/') + 1);
			unlink(path);
		}
		free(z->owned[i]);
	}
	snprintf(path, sizeof path, "%s/bundle.zip", z->dir);
	unlink(path);
	rmdir(z->dir);
}

/* The bundle of in (its language, dialect, header values and title) as one zip. */
static enum MHD_Result reply_zip(srv_req *rq, const cchc_bundle_input *in)
{
	enum MHD_Result r;
	zip_sink *z = calloc(1, sizeof *z);
	if (!z)
		return srv_error(rq, 500, "không dựng được tệp (thiếu bộ nhớ)",
		                 "could not build the file (out of memory)");
	snprintf(z->folder, sizeof z->folder, "bao-cao-cchc-%d", rq->year);
	const cchc_bundle_sink sink = {zip_put, zip_path, NULL, z};
	char zpath[4400], err[256];
	char *data = NULL;
	size_t len = 0;
	int lock = download_dir(z->dir, sizeof z->dir, srv_store_dir(rq->srv->store));
	snprintf(zpath, sizeof zpath, "%s/bundle.zip", z->dir);
	if (lock >= 0 && cchc_report_bundle(in, &sink, NULL) == 0 && zip_read_back(z) == 0 &&
	    cchc_zip_write(zpath, z->e, z->n) == 0)
		data = srv_read_file(zpath, &len, err, sizeof err);
	if (lock >= 0) {
		zip_sink_free(z);
		close(lock);
	}
	free(z);
	if (!data)
		return srv_error(rq, 500, "không viết được tệp báo cáo: báo quản trị viên (thư mục dữ liệu)",
		                 "could not write the report bundle: tell the administrator (the data folder)");
	char ascii[64];
	snprintf(ascii, sizeof ascii, "bao-cao-cchc-%d.zip", rq->year);
	r = reply_attachment(rq, "application/zip", ascii, ascii, data, len);
	free(data);
	return r;
}

static enum MHD_Result report_zip(srv_req *rq, const cchc_ranking *ranking)
{
	cchc_bundle_input in = {ranking, NULL, NULL, {rq->lang, NULL, NULL}, 0, NULL};
	doc_input doc = {NULL, ranking, NULL, NULL};
	enum MHD_Result r;
	char arg[16];
	if (lang_arg(rq, &in.ro.lang, &r) < 0)
		return r;
	/* ?csv-dialect=vi: the CSV files as a Vietnamese-locale spreadsheet imports them */
	if (srv_query(rq, "csv-dialect", arg, sizeof arg)) {
		if (strcmp(arg, "vi") != 0 && strcmp(arg, "rfc4180") != 0)
			return srv_error(rq, 400, "csv-dialect phải là rfc4180 hoặc vi",
			                 "csv-dialect must be rfc4180 or vi");
		in.csv_vi = strcmp(arg, "vi") == 0;
	}
	/* bao-cao.docx's header and the bundle's title: the year's stored values */
	if (doc_values(rq, "", &doc, &r) == 0) {
		in.info = doc.info;
		in.ro.title = doc.title;
		r = reply_zip(rq, &in);
	}
	doc_input_free(&doc);
	return r;
}

enum MHD_Result api_report_zip_get(srv_req *rq)
{
	return with_report(rq, report_zip);
}

enum MHD_Result api_assessments_get(srv_req *rq)
{
	srv_agency *list = NULL;
	size_t n = 0;
	int rc = srv_agency_list(rq->srv->store, rq->year, &list, &n);
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                  "<assessments xmlns=\"urn:cchc:assessment:1\">\n");
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		cchc_buf x;
		cchc_buf_init(&x, 0);
		rc = srv_assessment_xml(rq->srv->store, rq->year, list[i].id, &x);
		/* each member as the store rebuilds it, without its XML declaration */
		const char *root = rc == STORE_OK && x.data ? strstr(x.data, "<assessment") : NULL;
		if (root)
			cchc_buf_puts(&b, root);
		else if (rc == STORE_OK)
			rc = STORE_ERR;
		cchc_buf_dispose(&x);
	}
	cchc_buf_puts(&b, "</assessments>\n");
	free(list);
	enum MHD_Result r;
	if (rc != STORE_OK || b.failed) {
		r = rc != STORE_OK ? srv_store_error(rq, rc)
		                   : srv_error(rq, 500, "không dựng được tệp (thiếu bộ nhớ)",
		                               "could not build the file (out of memory)");
	} else {
		char name[64];
		snprintf(name, sizeof name, "danh-gia-%d.xml", rq->year);
		r = reply_attachment(rq, "application/xml; charset=utf-8", name, name, b.data, b.len);
	}
	cchc_buf_dispose(&b);
	return r;
}
