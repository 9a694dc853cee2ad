/* The importer's front: a filled workbook becomes assessment XML in memory,
 * which the engine's own loader then checks, so every semantic check of
 * assessments applies to workbooks; its file:line messages are mapped back
 * to the cells the lines came from. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/diag_say.h"
#include "import_priv.h"

void imp_say(importer *im, imp_loc at, const char *fmt, ...)
{
	char msg[1024], ref[16];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->errors++;
	if (at.sheet && at.row && at.col)
		cchc_diag_addf(im->diag, im->path, 0, "%s!%s: %s", at.sheet, cchc_cell_ref(ref, at.row, at.col),
		               msg);
	else if (at.sheet && at.row)
		cchc_diag_addf(im->diag, im->path, 0, "%s!%lu:%lu: %s", at.sheet, (unsigned long)at.row,
		               (unsigned long)at.row, msg);
	else if (at.sheet)
		cchc_diag_addf(im->diag, im->path, 0, "%s: %s", at.sheet, msg);
	else
		cchc_diag_addf(im->diag, im->path, 0, "%s", msg);
}

void imp_endl(importer *im, imp_loc at)
{
	if ((size_t)im->line >= im->nlines) {
		size_t n = im->nlines ? 2 * im->nlines : 256;
		imp_loc *grown = realloc(im->lines, n * sizeof *grown);
		if (!grown) {
			im->xml.failed = 1;
			return;
		}
		im->lines = grown;
		im->nlines = n;
	}
	im->lines[im->line++] = at;
	cchc_buf_puts(&im->xml, "\n");
}

const char *imp_keep_name(importer *im, const char *name)
{
	if (im->nnames == sizeof im->names / sizeof *im->names)
		return NULL;
	char *copy = strdup(name);
	if (!copy)
		im->xml.failed = 1;
	else
		im->names[im->nnames++] = copy;
	return copy;
}

static void importer_dispose(importer *im)
{
	cchc_buf_dispose(&im->xml);
	free(im->lines);
	for (size_t i = 0; i < im->nnames; i++)
		free(im->names[i]);
}

static void importer_init(importer *im, const char *path, int english, cchc_diag *diag)
{
	memset(im, 0, sizeof *im);
	im->path = path;
	im->english = english;
	im->diag = diag;
	im->line = 1;
	cchc_buf_init(&im->xml, 0);
}

int cchc_workbook_to_xml(cchc_buf *xml, const char *path, const cchc_criteria *const *sets,
                         size_t nsets, int english, cchc_diag *diag)
{
	importer im;
	importer_init(&im, path, english, diag);
	int rc = imp_read(&im, path, sets, nsets);
	if (rc == 0 && !im.xml.failed)
		cchc_buf_append(xml, im.xml.data, im.xml.len);
	else if (im.xml.failed)
		cchc_diag_addf(diag, path, 0, english ? "out of memory" : "hết bộ nhớ");
	rc = rc == 0 && !im.xml.failed ? 0 : -1;
	importer_dispose(&im);
	return rc;
}

/* The loader's messages at lines of the XML, back at the cells. */
static void remap(importer *im, const cchc_diag *from)
{
	size_t n = cchc_diag_stored(from);
	for (size_t i = 0; i < n; i++) {
		const cchc_diag_entry *e = cchc_diag_get(from, i);
		const int here = e->file && strcmp(e->file, im->path) == 0;
		const int warning = e->severity == CCHC_DIAG_WARNING;
		imp_loc at = {NULL, 0, 0};
		if (here && e->line > 0 && (size_t)e->line < im->nlines)
			at = im->lines[e->line];
		char ref[16], where[320] = "";
		if (at.sheet && at.row && at.col)
			snprintf(where, sizeof where, "%s!%s: ", at.sheet, cchc_cell_ref(ref, at.row, at.col));
		else if (at.sheet)
			snprintf(where, sizeof where, "%s: ", at.sheet);
		char said[CCHC_DIAG_SAY_SIZE]; /* the engine's English in the workbook's language */
		const char *msg = e->message;
		if (!im->english && cchc_diag_say(msg, CCHC_LANG_VI, said, sizeof said) == 1)
			msg = said;
		if (warning)
			cchc_diag_addw(im->diag, here ? im->path : e->file, here ? 0 : e->line, "%s%s", where, msg);
		else
			cchc_diag_addf(im->diag, here ? im->path : e->file, here ? 0 : e->line, "%s%s", where, msg);
	}
}

int cchc_workbook_load(cchc_assessment **out, const char *path, const cchc_criteria *const *sets,
                       size_t nsets, int english, cchc_diag *diag)
{
	importer im;
	importer_init(&im, path, english, diag);
	*out = NULL;
	int rc = imp_read(&im, path, sets, nsets);
	if (rc == 0 && !im.xml.failed) {
		cchc_diag *inner = cchc_diag_new();
		if (!inner) {
			rc = -1;
		} else {
			rc = cchc_assessment_load_memory(out, sets, nsets, im.xml.data, im.xml.len, path, inner);
			remap(&im, inner);
			cchc_diag_free(inner);
		}
	} else if (im.xml.failed) {
		cchc_diag_addf(diag, path, 0, english ? "out of memory" : "hết bộ nhớ");
		rc = -1;
	}
	importer_dispose(&im);
	return rc == 0 ? 0 : -1;
}

const char *imp_meta(const cchc_sheet *m, const char *key)
{
	for (uint32_t r = 1; r <= cchc_sheet_rows(m); r++) {
		const cchc_cell *k = cchc_sheet_cell(m, r, 1), *v = cchc_sheet_cell(m, r, 2);
		if (k && strcmp(k->text, key) == 0)
			return v ? v->text : "";
	}
	return NULL;
}

int imp_open_kind(cchc_xlsx **x, cchc_sheet **m, const char *path, int english, const char *kind,
                  cchc_diag *diag)
{
	cchc_xlsx_options xo = {0};
	xo.lang = english ? "en" : "vi";
	*m = NULL;
	*x = NULL;
	if (cchc_xlsx_open_with(x, path, NULL, 0, &xo, diag) < 0)
		return -1;
	long mi = cchc_xlsx_sheet_find(*x, TPL_META_SHEET);
	if (mi < 0)
		return 0;
	if (cchc_xlsx_sheet_load(m, *x, (size_t)mi, diag) < 0)
		return -1;
	const char *format = imp_meta(*m, "format"), *said = imp_meta(*m, "kind");
	return format && strcmp(format, CCHC_WORKBOOK_FORMAT) == 0 && said && strcmp(said, kind) == 0;
}

int imp_is_kind(const char *path, const char *kind)
{
	if (!cchc_workbook_sniff(path))
		return 0;
	cchc_diag *diag = cchc_diag_new();
	cchc_xlsx *x = NULL;
	cchc_sheet *m = NULL;
	int yes = diag && imp_open_kind(&x, &m, path, 0, kind, diag) == 1;
	cchc_sheet_free(m);
	cchc_xlsx_free(x);
	cchc_diag_free(diag);
	return yes;
}
