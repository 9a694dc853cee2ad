/* The report bundle (see cchc/report_bundle.h): every file rendered in turn
 * and handed to the sink whole; the workbook and the Word documents, whose
 * writers write files by name, written where the sink says. */
#include "cchc/report_bundle.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define BOM "\xEF\xBB\xBF"

typedef struct {
	const cchc_bundle_input *in;
	const cchc_bundle_sink *sink;
	cchc_bundle_failure *why;
	cchc_buf buf; /* the file being rendered, reused */
} bundle;

static int fail(bundle *b, cchc_bundle_fault fault, const char *name)
{
	b->why->fault = fault;
	snprintf(b->why->file, sizeof b->why->file, "%s", name);
	return -1;
}

static void step(const bundle *b, const char *what)
{
	if (b->sink->progress)
		b->sink->progress(b->sink->ctx, what);
}

/* The file just rendered into b->buf (rendered: the renderer's result), a BOM
 * first when asked, to the sink; the buffer is emptied for the next. */
static int put(bundle *b, const char *name, int bom, int rendered)
{
	int rc;
	if (rendered != 0 || b->buf.failed) {
		b->why->buf_failed = b->buf.failed ? b->buf.failed : CCHC_BUF_NO_MEMORY;
		rc = fail(b, CCHC_BUNDLE_RENDER, name);
	} else if (bom) {
		cchc_buf all;
		cchc_buf_init(&all, 0);
		cchc_buf_puts(&all, BOM);
		cchc_buf_append(&all, b->buf.data ? b->buf.data : "", b->buf.len);
		if (all.failed) {
			b->why->buf_failed = all.failed;
			rc = fail(b, CCHC_BUNDLE_RENDER, name);
		} else {
			rc = b->sink->put(b->sink->ctx, name, all.data, all.len) == 0
			         ? 0
			         : fail(b, CCHC_BUNDLE_SINK, name);
		}
		cchc_buf_dispose(&all);
	} else {
		rc = b->sink->put(b->sink->ctx, name, b->buf.data ? b->buf.data : "", b->buf.len) == 0
		         ? 0
		         : fail(b, CCHC_BUNDLE_SINK, name);
	}
	b->buf.len = 0;
	b->buf.failed = 0;
	if (b->buf.data)
		b->buf.data[0] = '\0';
	return rc;
}

/* A rendered CSV in the dialect asked for: as rendered (RFC 4180), or rewritten for vi. */
static int csv_dialect(bundle *b, int rendered)
{
	if (rendered != 0 || !b->in->csv_vi)
		return rendered;
	cchc_buf conv;
	cchc_buf_init(&conv, 0);
	int rc = cchc_csv_dialect_vi(&conv, b->buf.data ? b->buf.data : "", b->buf.len);
	cchc_buf t = b->buf;
	b->buf = conv;
	cchc_buf_dispose(&t);
	return rc;
}

/* criteria.csv, or, with more rows than a spreadsheet opens, criteria-<block>.csv per
 * block, in parts criteria-<block>-2.csv, … of whole agencies when a block has more. */
static int criteria_csv(bundle *b)
{
	const cchc_ranking *r = b->in->ranking;
	if (cchc_criteria_csv_rows(r) <= CCHC_CSV_MAX_ROWS)
		return put(b, "criteria.csv", 1, csv_dialect(b, cchc_render_criteria_csv(&b->buf, r)));
	for (size_t k = 0; k < r->nblocks; k++) {
		char id[64], name[96];
		size_t j = 0;
		for (const char *c = r->blocks[k].id; *c && j + 1 < sizeof id; c++, j++)
			id[j] = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *c)
			            ? *c
			            : '_';
		id[j] = '\0';
		for (size_t first = 0, part = 1, next = 0; first < r->blocks[k].n; first = next, part++) {
			int rc = cchc_render_criteria_csv_part(&b->buf, r, k, first, CCHC_CSV_MAX_ROWS, &next);
			if (part == 1 && next >= r->blocks[k].n)
				snprintf(name, sizeof name, "criteria-%s.csv", id);
			else
				snprintf(name, sizeof name, "criteria-%s-%zu.csv", id, part);
			if (put(b, name, 1, csv_dialect(b, rc)) != 0)
				return -1;
		}
	}
	return 0;
}

void cchc_bundle_order_blocks(cchc_ranking *r, const cchc_criteria *const *sets, size_t nsets)
{
	size_t next = 0;
	for (size_t k = 0; k < nsets; k++)
		for (size_t b = next; b < r->nblocks; b++)
			if (r->blocks[b].set == sets[k]) {
				cchc_block t = r->blocks[b];
				r->blocks[b] = r->blocks[next];
				r->blocks[next++] = t;
				break;
			}
}

int cchc_render_report_json(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                            const cchc_robust *robust, cchc_lang lang)
{
	cchc_buf part;
	cchc_buf_init(&part, 0);
	cchc_buf_puts(out, "{\n\"schema\": \"cchc-report/1\",\n\"ranking\": ");
	int rc = cchc_render_ranking_json(&part, r);
	cchc_buf_append(out, part.data, part.len);
	cchc_buf_puts(out, ",\n\"gap\": ");
	part.len = 0;
	if (gap) {
		rc |= cchc_render_gap_json(&part, gap, lang);
		cchc_buf_append(out, part.data, part.len);
	} else {
		cchc_buf_puts(out, "null");
	}
	cchc_buf_puts(out, ",\n\"robust\": ");
	part.len = 0;
	if (robust) {
		rc |= cchc_render_robust_json(&part, robust);
		cchc_buf_append(out, part.data, part.len);
	} else {
		cchc_buf_puts(out, "null");
	}
	cchc_buf_puts(out, "}\n");
	if (part.failed && !out->failed)
		out->failed = part.failed;
	cchc_buf_dispose(&part);
	return rc || out->failed ? -1 : 0;
}

/* A file its writer writes by name, where the sink says. */
static int written(bundle *b, const char *name, int rc_of_writer, const char *path)
{
	if (!path)
		return fail(b, CCHC_BUNDLE_SINK, name);
	if (rc_of_writer < 0) {
		b->why->write_rc = rc_of_writer;
		b->why->err = errno;
		return fail(b, CCHC_BUNDLE_WRITE, name);
	}
	return 0;
}

static const char *where(const bundle *b, const char *name)
{
	return b->sink->path(b->sink->ctx, name);
}

static int files(bundle *b)
{
	const cchc_bundle_input *in = b->in;
	const cchc_ranking *r = in->ranking;
	const char *path;
	step(b, "index.html");
	if (put(b, "index.html", 0, cchc_render_html_opts(&b->buf, r, in->gap, in->robust, &in->ro)) != 0)
		return -1;
	step(b, "ranking.csv, criteria.csv");
	if (put(b, "ranking.csv", 1, csv_dialect(b, cchc_render_ranking_csv(&b->buf, r))) != 0 ||
	    criteria_csv(b) != 0)
		return -1;
	step(b, "gap.md, report.json");
	if (in->gap &&
	    put(b, "gap.md", 0, cchc_render_gap_markdown(&b->buf, in->gap, in->ro.lang)) != 0)
		return -1;
	if (put(b, "report.json", 0,
	        cchc_render_report_json(&b->buf, r, in->gap, in->robust, in->ro.lang)) != 0)
		return -1;
	step(b, "ranking.xlsx");
	path = where(b, "ranking.xlsx");
	if (written(b, "ranking.xlsx", path ? cchc_write_xlsx_opts(path, r, in->gap, &in->ro) : 0,
	            path) != 0)
		return -1;
	step(b, "bao-cao.docx");
	path = where(b, "bao-cao.docx");
	if (written(b, "bao-cao.docx",
	            path ? cchc_write_report_docx(path, r, in->info, in->ro.title, in->ro.lang) : 0,
	            path) != 0)
		return -1;
	if (!in->gap)
		return 0;
	path = where(b, "ke-hoach.docx");
	return written(b, "ke-hoach.docx",
	               path ? cchc_write_gap_docx(path, in->gap, NULL, in->ro.lang) : 0, path);
}

int cchc_report_bundle(const cchc_bundle_input *in, const cchc_bundle_sink *sink,
                       cchc_bundle_failure *why)
{
	cchc_bundle_failure ignored;
	bundle b = {in, sink, why ? why : &ignored, {0}};
	memset(b.why, 0, sizeof *b.why);
	cchc_buf_init(&b.buf, 0);
	int rc = files(&b);
	cchc_buf_dispose(&b.buf);
	return rc;
}
