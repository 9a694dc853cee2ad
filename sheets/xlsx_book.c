/* Opening a workbook: the file read whole (capped), told apart from what
 * people send instead (.xls, encrypted, .xlsb, .ods), the zip indexed, then
 * the package's relationships followed to the workbook, its sheets, styles
 * and shared strings. */
#define _POSIX_C_SOURCE 200809L /* fstat, O_NONBLOCK */
#include "xlsx_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_RELS 65536
#define ATTR_MAX 4096

static const cchc_xlsx_limits defaults = {
	.part_bytes = 64 * XLSX_MIB,
	.total_bytes = 256 * XLSX_MIB,
	.ratio = 200,
	.cells = 100000,
	.strings = 262144,
	.string_bytes = 32 * XLSX_MIB,
};

static void set_limits(cchc_xlsx_limits *l, const cchc_xlsx_limits *given)
{
	*l = defaults;
	if (!given)
		return;
	if (given->part_bytes)
		l->part_bytes = given->part_bytes;
	if (given->total_bytes)
		l->total_bytes = given->total_bytes;
	if (given->ratio)
		l->ratio = given->ratio;
	if (given->cells)
		l->cells = given->cells;
	if (given->strings)
		l->strings = given->strings;
	if (given->string_bytes)
		l->string_bytes = given->string_bytes;
}

/* The whole file into x->data, refusing what is not a regular file or too big. */
static int read_file(cchc_xlsx *x, cchc_diag *diag)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
	int fd = open(x->name, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		xlsx_report(diag, x->name, x->lang, XM_OPEN, strerror(errno));
		return -1;
	}
	int rc = -1;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		xlsx_report(diag, x->name, x->lang, XM_NOT_REGULAR);
		goto done;
	}
	if ((uint64_t)st.st_size > x->lim.total_bytes) {
		xlsx_report(diag, x->name, x->lang, XM_FILE_TOO_BIG, (unsigned long long)st.st_size,
		            (unsigned long long)(x->lim.total_bytes / XLSX_MIB));
		goto done;
	}
	x->len = (size_t)st.st_size;
	x->data = malloc(x->len ? x->len : 1);
	if (!x->data) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		goto done;
	}
	size_t got = 0;
	while (got < x->len) {
		ssize_t n = read(fd, x->data + got, x->len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			xlsx_report(diag, x->name, x->lang, XM_OPEN, n < 0 ? strerror(errno) : "EOF");
			goto done;
		}
		got += (size_t)n;
	}
	rc = 0;
done:
	close(fd);
	return rc;
}

/* An OLE compound file (D0 CF 11 E0): an old .xls, or an encrypted
 * workbook whose EncryptedPackage stream names itself in UTF-16. */
static int sniff(const cchc_xlsx *x, cchc_diag *diag)
{
	static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	static const char encrypted[] = "EncryptedPackage";
	const unsigned char *d = x->data;
	if (x->len == 0) {
		xlsx_report(diag, x->name, x->lang, XM_EMPTY);
		return -1;
	}
	if (x->len >= 8 && memcmp(d, ole, 8) == 0) {
		size_t k = sizeof encrypted - 1;
		for (size_t i = 0; i + 2 * k <= x->len; i++) {
			size_t j = 0;
			while (j < k && d[i + 2 * j] == (unsigned char)encrypted[j] && d[i + 2 * j + 1] == 0)
				j++;
			if (j == k) {
				xlsx_report(diag, x->name, x->lang, XM_ENCRYPTED);
				return -1;
			}
		}
		xlsx_report(diag, x->name, x->lang, XM_XLS);
		return -1;
	}
	if (x->len < 4 || d[0] != 'P' || d[1] != 'K' || !((d[2] == 3 && d[3] == 4) || (d[2] == 5 && d[3] == 6))) {
		xlsx_report(diag, x->name, x->lang, XM_NOT_ZIP);
		return -1;
	}
	return 0;
}

/* ---- relationships ------------------------------------------------------- */

typedef struct {
	const char *id, *type, *target;
	int external;
} rel;

typedef struct {
	xlsx_sax p;
	cchc_xlsx *x;
	rel *rels;
	size_t n, cap;
	int oom;
} rels_parse;

static void rels_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                       int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	rels_parse *r = user;
	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndef;
	if (!xlsx_is(local, "Relationship") || r->n >= MAX_RELS || r->oom)
		return;
	char id[ATTR_MAX], type[ATTR_MAX], target[ATTR_MAX], mode[32];
	const char *vi = xlsx_attr(attrs, nattrs, "Id", id, sizeof id);
	const char *vt = xlsx_attr(attrs, nattrs, "Type", type, sizeof type);
	const char *vg = xlsx_attr(attrs, nattrs, "Target", target, sizeof target);
	const char *vm = xlsx_attr(attrs, nattrs, "TargetMode", mode, sizeof mode);
	if (!vi || !vt || !vg)
		return;
	rel *bigger = xlsx_grow(r->rels, r->n, &r->cap, sizeof *r->rels);
	if (!bigger) {
		r->oom = 1;
		return;
	}
	r->rels = bigger;
	rel *e = &r->rels[r->n];
	e->id = cchc_arena_strndup(&r->x->mem, vi, strlen(vi));
	e->type = cchc_arena_strndup(&r->x->mem, vt, strlen(vt));
	e->target = cchc_arena_strndup(&r->x->mem, vg, strlen(vg));
	e->external = vm && strcmp(vm, "External") == 0;
	if (!e->id || !e->type || !e->target)
		r->oom = 1;
	else
		r->n++;
}

/* The relationships of part source ("" for the package), from its .rels
 * part if there is one. */
static int rels_load(rels_parse *r, cchc_xlsx *x, const char *source, cchc_diag *diag)
{
	char path[2 * XLSX_MAX_NAME + 16];
	const char *slash = strrchr(source, '/');
	size_t dir = slash ? (size_t)(slash - source) + 1 : 0;
	snprintf(path, sizeof path, "%.*s_rels/%s.rels", (int)dir, source, source + dir);
	memset(r, 0, sizeof *r);
	r->x = x;
	const xlsx_entry *e = xlsx_entry_find(x, path);
	if (!e)
		return 0;
	r->p = (xlsx_sax){.x = x, .part = e->name, .diag = diag};
	xmlSAXHandler sax = {0};
	sax.startElementNs = rels_start;
	int rc = xlsx_xml_parse(&r->p, e, &sax);
	if (r->oom) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
	}
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static const rel *rel_by_type(const rels_parse *r, const char *suffix)
{
	for (size_t i = 0; i < r->n; i++)
		if (!r->rels[i].external && ends_with(r->rels[i].type, suffix))
			return &r->rels[i];
	return NULL;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* The part a target names, from the folder of source: relative or absolute
 * (/xl/...), %XX decoded, "." and ".." resolved. NULL when it is external or
 * leaves the package (*outside set). */
static char *resolve(cchc_xlsx *x, const char *source, const char *target, int *outside)
{
	char path[2 * XLSX_MAX_NAME + 2];
	size_t n = 0;
	*outside = 0;
	if (strstr(target, "://"))
		return NULL;
	if (target[0] != '/') {
		const char *slash = strrchr(source, '/');
		size_t dir = slash ? (size_t)(slash - source) + 1 : 0;
		if (dir >= sizeof path)
			return NULL;
		memcpy(path, source, dir);
		n = dir;
	}
	for (const char *t = target; *t && n + 1 < sizeof path; t++) {
		if (t[0] == '%' && hexval(t[1]) >= 0 && hexval(t[2]) >= 0) {
			path[n++] = (char)(hexval(t[1]) * 16 + hexval(t[2]));
			t += 2;
		} else {
			path[n++] = *t;
		}
	}
	path[n] = '\0';
	/* segments onto a stack */
	char out[sizeof path];
	size_t o = 0;
	for (char *seg = path, *next; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (seg[0] == '\0' || strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (o == 0) {
				*outside = 1;
				return NULL;
			}
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--; /* the slash */
			continue;
		}
		size_t k = strlen(seg);
		if (o)
			out[o++] = '/';
		memcpy(out + o, seg, k);
		o += k;
	}
	out[o] = '\0';
	return cchc_arena_strndup(&x->mem, out, o);
}

/* The existing part a relationship of source points to, or NULL after a
 * diagnostic (missing, outside the package). */
static const char *rel_part(cchc_xlsx *x, const char *source, const char *rels_name, const rel *r,
                            cchc_diag *diag)
{
	int outside;
	char *part = resolve(x, source, r->target, &outside);
	if (!part) {
		xlsx_report(diag, x->name, x->lang, outside ? XM_OUTSIDE : XM_PART_MISSING, rels_name,
		            r->target);
		return NULL;
	}
	if (!xlsx_entry_find(x, part)) {
		xlsx_report(diag, x->name, x->lang, XM_PART_MISSING, part, rels_name);
		return NULL;
	}
	return part;
}

/* ---- the workbook part ----------------------------------------------------- */

typedef struct {
	xlsx_sax p;
	cchc_xlsx *x;
	const char **rids;   /* per sheet */
	size_t cap_sheets, cap_rids;
	int too_many, oom;
} book_parse;

static void book_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                       int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	book_parse *b = user;
	cchc_xlsx *x = b->x;
	char buf[ATTR_MAX], rid[ATTR_MAX];
	(void)prefix;
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndef;
	if (xlsx_is(local, "workbookPr")) {
		const char *v = xlsx_attr(attrs, nattrs, "date1904", buf, sizeof buf);
		x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
		return;
	}
	if (!xlsx_is(local, "sheet") || b->oom || b->too_many)
		return;
	if (x->n_sheets >= XLSX_MAX_SHEETS) {
		b->too_many = 1;
		xlsx_report(b->p.diag, x->name, x->lang, XM_TOO_MANY_SHEETS, XLSX_MAX_SHEETS);
		xlsx_xml_fail(&b->p);
		return;
	}
	xlsx_sheet_info *sheets = xlsx_grow(x->sheets, x->n_sheets, &b->cap_sheets, sizeof *sheets);
	if (sheets)
		x->sheets = sheets;
	const char **rids = sheets ? xlsx_grow(b->rids, x->n_sheets, &b->cap_rids, sizeof *rids) : NULL;
	if (!rids) {
		b->oom = 1;
		return;
	}
	b->rids = rids;
	const char *name = xlsx_attr(attrs, nattrs, "name", buf, sizeof buf);
	xlsx_sheet_info *s = &x->sheets[x->n_sheets];
	s->name = cchc_arena_strndup(&x->mem, name ? name : "", name ? strlen(name) : 0);
	s->part = NULL;
	const char *state = xlsx_attr(attrs, nattrs, "state", rid, sizeof rid);
	s->state = !state ? 0 : strcmp(state, "veryHidden") == 0 ? 2 : strcmp(state, "hidden") == 0;
	const char *r = xlsx_attr_ns(attrs, nattrs, "id", "relationships", rid, sizeof rid);
	b->rids[x->n_sheets] = cchc_arena_strndup(&x->mem, r ? r : "", r ? strlen(r) : 0);
	if (!s->name || !b->rids[x->n_sheets])
		b->oom = 1;
	else
		x->n_sheets++;
}

/* What the zip holds when it is not a workbook: an .ods says so in its mimetype. */
static int is_ods(const char *buf, size_t n)
{
	static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
	return n >= sizeof ods - 1 && memcmp(buf, ods, sizeof ods - 1) == 0;
}

static int collect(void *user, const char *buf, size_t n)
{
	char *out = user;
	size_t have = strlen(out), room = 63 - have;
	memcpy(out + have, buf, n < room ? n : room);
	out[have + (n < room ? n : room)] = '\0';
	return have + n >= 63;
}

/* The workbook part, or NULL after saying what the zip is instead. */
static const char *find_workbook(cchc_xlsx *x, cchc_diag *diag)
{
	rels_parse r;
	if (rels_load(&r, x, "", diag) < 0) {
		free(r.rels);
		return NULL;
	}
	const rel *doc = rel_by_type(&r, "/officeDocument");
	const char *part = NULL;
	if (doc)
		part = rel_part(x, "", "_rels/.rels", doc, diag);
	else if (xlsx_entry_find(x, "xl/workbook.xml"))
		part = "xl/workbook.xml";
	free(r.rels);
	if (doc && !part)
		return NULL;
	const xlsx_entry *mime = xlsx_entry_find(x, "mimetype");
	char head[64] = "";
	if (part && ends_with(part, ".bin")) {
		xlsx_report(diag, x->name, x->lang, XM_XLSB);
		return NULL;
	}
	if (!part && mime && mime->size < 256 && xlsx_zip_read(x, mime, collect, head, diag) == 0 &&
	    is_ods(head, strlen(head))) {
		xlsx_report(diag, x->name, x->lang, XM_ODS);
		return NULL;
	}
	if (!part)
		xlsx_report(diag, x->name, x->lang, XM_NO_WORKBOOK);
	return part;
}

static int load_workbook(cchc_xlsx *x, cchc_diag *diag)
{
	const char *book = find_workbook(x, diag);
	if (!book)
		return -1;
	book_parse b = {.p = {.x = x, .part = book, .diag = diag}, .x = x};
	xmlSAXHandler sax = {0};
	sax.startElementNs = book_start;
	int rc = xlsx_xml_parse(&b.p, xlsx_entry_find(x, book), &sax);
	if (b.oom) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
	}
	if (rc == 0 && x->n_sheets == 0) {
		xlsx_report(diag, x->name, x->lang, XM_NO_SHEETS);
		rc = -1;
	}
	rels_parse r;
	if (rc == 0)
		rc = rels_load(&r, x, book, diag);
	else
		r.rels = NULL;
	char rels_name[2 * XLSX_MAX_NAME + 16];
	const char *slash = strrchr(book, '/');
	size_t dir = slash ? (size_t)(slash - book) + 1 : 0;
	snprintf(rels_name, sizeof rels_name, "%.*s_rels/%s.rels", (int)dir, book, book + dir);
	for (size_t i = 0; rc == 0 && i < x->n_sheets; i++) {
		const rel *found = NULL;
		for (size_t k = 0; k < r.n && !found; k++)
			if (strcmp(r.rels[k].id, b.rids[i]) == 0)
				found = &r.rels[k];
		if (!found || found->external) {
			xlsx_report(diag, x->name, x->lang, XM_SHEET_NO_REL, x->sheets[i].name, b.rids[i]);
			rc = -1;
		} else if (ends_with(found->type, "/worksheet")) {
			x->sheets[i].part = (char *)rel_part(x, book, rels_name, found, diag);
			if (!x->sheets[i].part)
				rc = -1;
		}
		/* a chart, dialog or macro sheet has no cells: part stays NULL */
	}
	const rel *styles = rc == 0 ? rel_by_type(&r, "/styles") : NULL;
	const rel *sst = rc == 0 ? rel_by_type(&r, "/sharedStrings") : NULL;
	const char *styles_part = styles ? rel_part(x, book, rels_name, styles, diag) : NULL;
	const char *sst_part = sst ? rel_part(x, book, rels_name, sst, diag) : NULL;
	if ((styles && !styles_part) || (sst && !sst_part))
		rc = -1;
	if (rc == 0 && styles_part)
		rc = xlsx_styles_load(x, xlsx_entry_find(x, styles_part), diag);
	if (rc == 0 && sst_part)
		rc = xlsx_sst_load(x, xlsx_entry_find(x, sst_part), diag);
	free(r.rels);
	free(b.rids);
	return rc;
}

int cchc_xlsx_open_with(cchc_xlsx **out, const char *name, const void *data, size_t len,
                        const cchc_xlsx_options *opt, cchc_diag *diag)
{
	*out = NULL;
	cchc_xlsx *x = calloc(1, sizeof *x);
	int lang = xlsx_lang(opt ? opt->lang : NULL);
	const char *shown = name ? name : "";
	if (!x || !(x->name = cchc_arena_strndup(&x->mem, shown, strlen(shown)))) {
		xlsx_report(diag, shown, lang, XM_OOM);
		cchc_xlsx_free(x);
		return -1;
	}
	x->lang = lang;
	set_limits(&x->lim, opt ? &opt->limits : NULL);
	int rc;
	if (data) {
		if ((uint64_t)len > x->lim.total_bytes) {
			xlsx_report(diag, x->name, x->lang, XM_FILE_TOO_BIG, (unsigned long long)len,
			            (unsigned long long)(x->lim.total_bytes / XLSX_MIB));
			rc = -1;
		} else if ((x->data = malloc(len ? len : 1)) != NULL) {
			memcpy(x->data, data, len);
			x->len = len;
			rc = 0;
		} else {
			xlsx_report(diag, x->name, x->lang, XM_OOM);
			rc = -1;
		}
	} else {
		rc = read_file(x, diag);
	}
	if (rc == 0)
		rc = sniff(x, diag);
	if (rc == 0)
		rc = xlsx_zip_index(x, diag);
	if (rc == 0)
		rc = load_workbook(x, diag);
	if (rc < 0) {
		cchc_xlsx_free(x);
		return -1;
	}
	*out = x;
	return 0;
}

int cchc_xlsx_open(cchc_xlsx **out, const char *path, cchc_diag *diag)
{
	return cchc_xlsx_open_with(out, path, NULL, 0, NULL, diag);
}

int cchc_xlsx_open_memory(cchc_xlsx **out, const void *data, size_t len, const char *name,
                          cchc_diag *diag)
{
	return cchc_xlsx_open_with(out, name, data ? data : "", len, NULL, diag);
}

void cchc_xlsx_free(cchc_xlsx *x)
{
	if (!x)
		return;
	free(x->data);
	free(x->entries);
	free(x->sheets);
	free(x->sst);
	free(x->xf_date);
	cchc_arena_free(&x->mem);
	free(x);
}

void cchc_xlsx_set_lang(cchc_xlsx *x, const char *lang)
{
	x->lang = xlsx_lang(lang);
}

const char *cchc_xlsx_name(const cchc_xlsx *x)
{
	return x->name;
}

int cchc_xlsx_date1904(const cchc_xlsx *x)
{
	return x->date1904;
}

size_t cchc_xlsx_sheet_count(const cchc_xlsx *x)
{
	return x->n_sheets;
}

const char *cchc_xlsx_sheet_name(const cchc_xlsx *x, size_t i)
{
	return i < x->n_sheets ? x->sheets[i].name : NULL;
}

int cchc_xlsx_sheet_state(const cchc_xlsx *x, size_t i)
{
	return i < x->n_sheets ? x->sheets[i].state : 0;
}

long cchc_xlsx_sheet_find(const cchc_xlsx *x, const char *name)
{
	for (size_t i = 0; i < x->n_sheets; i++)
		if (strcmp(x->sheets[i].name, name) == 0)
			return (long)i;
	for (size_t i = 0; i < x->n_sheets; i++)
		if (xlsx_name_cmp(x->sheets[i].name, name) == 0)
			return (long)i;
	return -1;
}
