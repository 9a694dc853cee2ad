/* The .docx package: document, styles, the page-number header, the chart
 * pictures and the relationships between them, zipped deterministically
 * and written whole or not at all (cchc_write_atomic). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/report_bundle.h"
#include "docx_priv.h"

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" "
	"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"png\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
	"</Types>\n";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>\n";

#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void document_rels(cchc_buf *out, const dx_chart *charts, size_t n)
{
	cchc_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	              "relationships\">");
	cchc_buf_puts(out, "<Relationship Id=\"rIdStyles\" Type=\"" REL_TYPE "styles\" "
	              "Target=\"styles.xml\"/>");
	cchc_buf_puts(out, "<Relationship Id=\"rIdHeader\" Type=\"" REL_TYPE "header\" "
	              "Target=\"header1.xml\"/>");
	for (size_t i = 0; i < n; i++)
		if (charts[i].png.len)
			cchc_buf_printf(out, "<Relationship Id=\"rIdImg%zu\" Type=\"" REL_TYPE "image\" "
			                "Target=\"media/chart%zu.png\"/>", i + 1, i + 1);
	cchc_buf_puts(out, "</Relationships>\n");
}

typedef struct {
	const cchc_gap *gap;
	const cchc_docx_info *info;
	cchc_lang L;
} source;

typedef struct {
	cchc_zip_entry *parts;
	size_t n;
} package;

static int document(xmlBufferPtr doc, dx_chart charts[DX_NCHARTS], const source *src)
{
	if (dx_charts_render(charts, src->gap, src->L) < 0)
		return -1;
	return dx_plan_document(doc, src->gap, src->info, charts, src->L);
}

int cchc_render_gap_docx_document(cchc_buf *out, const cchc_gap *gap,
                                  const cchc_docx_info *info, cchc_lang lang)
{
	source src = {gap, info, lang};
	dx_chart charts[DX_NCHARTS];
	memset(charts, 0, sizeof charts); /* freeable whatever fails first */
	xmlBufferPtr doc = xmlBufferCreate();
	int rc = doc ? document(doc, charts, &src) : -1;
	if (rc == 0 && cchc_buf_append(out, (const char *)xmlBufferContent(doc),
	                               (size_t)xmlBufferLength(doc)) < 0)
		rc = -1;
	dx_charts_free(charts);
	xmlBufferFree(doc);
	return rc;
}

static void add(package *pk, const char *name, const void *data, size_t len)
{
	pk->parts[pk->n++] = (cchc_zip_entry){name, data, len};
}

static void add_xml(package *pk, const char *name, xmlBufferPtr b)
{
	add(pk, name, xmlBufferContent(b), (size_t)xmlBufferLength(b));
}

/* Everything is rendered first; only the zip is written into the file (by name:
 * minizip opens it itself). */
static int fill(int fd, const char *tmp, void *ctx)
{
	(void)fd;
	const package *pk = ctx;
	return cchc_zip_write(tmp, pk->parts, pk->n);
}

#define FIXED_PARTS 6
#define MEDIA_NAME 48

int dx_package_write(const char *path, xmlBufferPtr doc, const dx_chart *charts, size_t n,
                     cchc_lang L)
{
	xmlBufferPtr styles = xmlBufferCreate(), header = xmlBufferCreate();
	cchc_buf rels;
	cchc_buf_init(&rels, 1 << 20);
	package pk = {calloc(FIXED_PARTS + n, sizeof *pk.parts), 0};
	char *media = calloc(n ? n : 1, MEDIA_NAME);
	int rc = -1;
	int rendered = doc && styles && header && pk.parts && media &&
	               dx_styles_xml(styles, L) == 0 && dx_header_xml(header) == 0;
	if (rendered) {
		document_rels(&rels, charts, n);
		add(&pk, "[Content_Types].xml", content_types, sizeof content_types - 1);
		add(&pk, "_rels/.rels", package_rels, sizeof package_rels - 1);
		add_xml(&pk, "word/document.xml", doc);
		add_xml(&pk, "word/styles.xml", styles);
		add_xml(&pk, "word/header1.xml", header);
		add(&pk, "word/_rels/document.xml.rels", rels.data, rels.len);
		for (size_t i = 0; i < n; i++)
			if (charts[i].png.len) {
				char *name = media + i * MEDIA_NAME;
				snprintf(name, MEDIA_NAME, "word/media/chart%zu.png", i + 1);
				add(&pk, name, charts[i].png.data, charts[i].png.len);
			}
		rendered = !rels.failed;
		if (rendered)
			rc = cchc_write_atomic(path, fill, &pk);
	}
	if (!rendered)
		errno = EIO; /* a part could not be rendered: nothing was written */
	free(media);
	free(pk.parts);
	cchc_buf_dispose(&rels);
	xmlBufferFree(styles);
	xmlBufferFree(header);
	return rc;
}

int cchc_write_gap_docx(const char *path, const cchc_gap *gap, const cchc_docx_info *info,
                        cchc_lang lang)
{
	source src = {gap, info, lang};
	dx_chart charts[DX_NCHARTS];
	memset(charts, 0, sizeof charts); /* freeable whatever fails first */
	xmlBufferPtr doc = xmlBufferCreate();
	int rc = -1;
	if (doc && document(doc, charts, &src) == 0)
		rc = dx_package_write(path, doc, charts, DX_NCHARTS, lang);
	else
		errno = EIO; /* a part could not be rendered: nothing was written */
	dx_charts_free(charts);
	xmlBufferFree(doc);
	return rc;
}

int cchc_write_report_docx(const char *path, const cchc_ranking *r, const cchc_docx_info *info,
                           const char *title, cchc_lang lang)
{
	dx_chart *charts = NULL;
	xmlBufferPtr doc = xmlBufferCreate();
	int rc = -1;
	if (doc && dx_report_charts(&charts, r, lang) == 0 &&
	    dx_report_document(doc, r, info, title, charts, lang) == 0)
		rc = dx_package_write(path, doc, charts, r->nblocks, lang);
	else
		errno = EIO;
	if (charts) {
		for (size_t i = 0; i < r->nblocks; i++)
			cchc_buf_dispose(&charts[i].png);
		free(charts);
	}
	xmlBufferFree(doc);
	return rc;
}
