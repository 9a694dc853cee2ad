/* WordprocessingML written with libxml2's xmlTextWriter: paragraphs and runs,
 * tables, inline pictures, section breaks, and the package's fixed parts
 * (styles: Times New Roman 14 pt, A4; the page-number header). Every text
 * from the inputs is cleaned first (control characters become spaces,
 * invalid UTF-8 U+FFFD) so the parts are always well-formed. */
#include <stdio.h>
#include <string.h>

#include "docx_priv.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

int dx_begin(dx *d, xmlBufferPtr buf, cchc_lang L)
{
	memset(d, 0, sizeof *d);
	d->L = L;
	cchc_buf_init(&d->scratch, 1 << 20);
	d->w = xmlNewTextWriterMemory(buf, 0);
	/* one element a line, unindented: golden files diff by line, Word ignores the breaks */
	if (!d->w || xmlTextWriterSetIndent(d->w, 1) < 0 ||
	    xmlTextWriterSetIndentString(d->w, BAD_CAST "") < 0 ||
	    xmlTextWriterStartDocument(d->w, NULL, "UTF-8", "yes") < 0)
		d->err = 1;
	return d->err ? -1 : 0;
}

int dx_finish(dx *d)
{
	if (d->w) {
		if (xmlTextWriterEndDocument(d->w) < 0)
			d->err = 1;
		xmlFreeTextWriter(d->w);
		d->w = NULL;
	}
	cchc_buf_dispose(&d->scratch);
	return d->err ? -1 : 0;
}

void dx_start(dx *d, const char *name)
{
	if (d->w && xmlTextWriterStartElement(d->w, BAD_CAST name) < 0)
		d->err = 1;
}

void dx_end(dx *d)
{
	if (d->w && xmlTextWriterEndElement(d->w) < 0)
		d->err = 1;
}

void dx_attr(dx *d, const char *name, const char *value)
{
	if (d->w && xmlTextWriterWriteAttribute(d->w, BAD_CAST name, BAD_CAST value) < 0)
		d->err = 1;
}

void dx_attr_int(dx *d, const char *name, long value)
{
	char v[32];
	snprintf(v, sizeof v, "%ld", value);
	dx_attr(d, name, v);
}

void dx_val(dx *d, const char *name, const char *value)
{
	dx_start(d, name);
	dx_attr(d, "w:val", value);
	dx_end(d);
}

void dx_val_int(dx *d, const char *name, long value)
{
	char v[32];
	snprintf(v, sizeof v, "%ld", value);
	dx_val(d, name, v);
}

/* <name k0="v0" k1="v1" …>, left open; n counts keys and values. */
static void el_attrs(dx *d, const char *name, const char *const *kv, size_t n)
{
	dx_start(d, name);
	for (size_t i = 0; i + 1 < n; i += 2)
		dx_attr(d, kv[i], kv[i + 1]);
}

/* A line of a border: <side w:val=… w:sz=… w:space=… w:color="000000"/>. */
static void border_line(dx *d, const char *side, const char *val, const char *size,
                        const char *space)
{
	const char *kv[] = {"w:val", val, "w:sz", size, "w:space", space, "w:color", "000000"};
	el_attrs(d, side, kv, 8);
	dx_end(d);
}

/* Text from the inputs, cleaned, in a <w:t> that keeps its spaces. */
static void text(dx *d, const char *s, size_t len)
{
	d->scratch.len = 0;
	cchc_utf8_clean(&d->scratch, s, len);
	if (d->scratch.failed) {
		d->err = 1;
		return;
	}
	dx_start(d, "w:t");
	dx_attr(d, "xml:space", "preserve");
	if (d->w && d->scratch.len &&
	    xmlTextWriterWriteString(d->w, BAD_CAST d->scratch.data) < 0)
		d->err = 1;
	dx_end(d);
}

static void run_props(dx *d, int size, int bold, int italic, int caps)
{
	dx_start(d, "w:rPr");
	if (bold)
		dx_start(d, "w:b"), dx_end(d);
	if (italic)
		dx_start(d, "w:i"), dx_end(d);
	if (caps)
		dx_start(d, "w:caps"), dx_end(d);
	if (size) {
		dx_val_int(d, "w:sz", size);
		dx_val_int(d, "w:szCs", size);
	}
	dx_end(d);
}

static void spacing(dx *d, const dx_para *p)
{
	if (!p->before && !p->after)
		return;
	dx_start(d, "w:spacing");
	if (p->before)
		dx_attr_int(d, "w:before", p->before < 0 ? 0 : p->before);
	if (p->after)
		dx_attr_int(d, "w:after", p->after < 0 ? 0 : p->after);
	dx_end(d);
}

static void indent(dx *d, const dx_para *p)
{
	if (!p->first_line && !p->ind_left && !p->ind_right)
		return;
	dx_start(d, "w:ind");
	if (p->ind_left)
		dx_attr_int(d, "w:left", p->ind_left);
	if (p->ind_right)
		dx_attr_int(d, "w:right", p->ind_right);
	if (p->first_line)
		dx_attr_int(d, "w:firstLine", p->first_line < 0 ? 0 : p->first_line);
	dx_end(d);
}

void dx_p_begin(dx *d, const dx_para *p)
{
	static const dx_para none = {0};
	if (!p)
		p = &none;
	d->size = p->size, d->bold = p->bold, d->italic = p->italic, d->caps = p->caps;
	dx_start(d, "w:p");
	dx_start(d, "w:pPr");
	if (p->style)
		dx_val(d, "w:pStyle", p->style);
	if (p->keep_next)
		dx_start(d, "w:keepNext"), dx_end(d);
	if (p->rule) {
		dx_start(d, "w:pBdr");
		border_line(d, "w:top", "single", "6", "1");
		dx_end(d);
	}
	spacing(d, p);
	indent(d, p);
	if (p->jc)
		dx_val(d, "w:jc", p->jc);
	if (p->size || p->bold || p->italic || p->caps)
		run_props(d, p->size, p->bold, p->italic, p->caps);
	dx_end(d);
}

void dx_run_as(dx *d, const char *s, int bold, int italic)
{
	if (!s || !*s)
		return;
	dx_start(d, "w:r");
	run_props(d, d->size, bold < 0 ? d->bold : bold, italic < 0 ? d->italic : italic, d->caps);
	text(d, s, strlen(s));
	dx_end(d);
}

void dx_run(dx *d, const char *s)
{
	dx_run_as(d, s, -1, -1);
}

void dx_break(dx *d)
{
	dx_start(d, "w:r");
	dx_start(d, "w:br");
	dx_end(d);
	dx_end(d);
}

void dx_p_end(dx *d)
{
	dx_end(d);
}

void dx_para_text(dx *d, const dx_para *p, const char *s)
{
	dx_p_begin(d, p);
	dx_run(d, s);
	dx_p_end(d);
}

void dx_para_lines(dx *d, const dx_para *p, const char *s)
{
	do {
		const char *nl = s ? strchr(s, '\n') : NULL;
		size_t len = s ? (nl ? (size_t)(nl - s) : strlen(s)) : 0;
		dx_p_begin(d, p);
		if (len) {
			dx_start(d, "w:r");
			run_props(d, d->size, d->bold, d->italic, d->caps);
			text(d, s, len);
			dx_end(d);
		}
		dx_p_end(d);
		s = nl ? nl + 1 : NULL;
	} while (s);
}

/* ---- tables ---- */

/* A width in twips: <name w:w="…" w:type="dxa"/>. */
static void width_dxa(dx *d, const char *name, long w)
{
	dx_start(d, name);
	dx_attr_int(d, "w:w", w);
	dx_attr(d, "w:type", "dxa");
	dx_end(d);
}

static void borders(dx *d, const char *val)
{
	static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH",
	                                    "w:insideV"};
	dx_start(d, "w:tblBorders");
	for (size_t i = 0; i < sizeof sides / sizeof *sides; i++)
		border_line(d, sides[i], val, "4", "0");
	dx_end(d);
}

void dx_tbl_begin(dx *d, const int *widths, size_t n, int with_borders)
{
	long total = 0;
	for (size_t i = 0; i < n; i++)
		total += widths[i];
	dx_start(d, "w:tbl");
	dx_start(d, "w:tblPr");
	width_dxa(d, "w:tblW", total);
	dx_val(d, "w:jc", "center");
	borders(d, with_borders ? "single" : "nil");
	dx_val(d, "w:tblLayout", "fixed");
	dx_start(d, "w:tblCellMar");
	width_dxa(d, "w:left", 57);
	width_dxa(d, "w:right", 57);
	dx_end(d);
	dx_end(d);
	dx_start(d, "w:tblGrid");
	for (size_t i = 0; i < n; i++) {
		dx_start(d, "w:gridCol");
		dx_attr_int(d, "w:w", widths[i]);
		dx_end(d);
	}
	dx_end(d);
}

void dx_tbl_end(dx *d)
{
	dx_end(d);
}

void dx_tr_begin(dx *d, int header)
{
	dx_start(d, "w:tr");
	dx_start(d, "w:trPr");
	dx_start(d, "w:cantSplit");
	dx_end(d);
	if (header)
		dx_start(d, "w:tblHeader"), dx_end(d);
	dx_end(d);
}

void dx_tr_end(dx *d)
{
	dx_end(d);
}

void dx_tc_begin(dx *d, int width, int span, int shade)
{
	dx_start(d, "w:tc");
	dx_start(d, "w:tcPr");
	width_dxa(d, "w:tcW", width);
	if (span > 1)
		dx_val_int(d, "w:gridSpan", span);
	if (shade) {
		dx_start(d, "w:shd");
		dx_attr(d, "w:val", "clear");
		dx_attr(d, "w:color", "auto");
		dx_attr(d, "w:fill", "E7ECF3");
		dx_end(d);
	}
	dx_end(d);
}

void dx_tc_end(dx *d)
{
	dx_end(d);
}

/* ---- pictures and sections ---- */

static void extent(dx *d, const char *name, long cx, long cy)
{
	dx_start(d, name);
	dx_attr_int(d, "cx", cx);
	dx_attr_int(d, "cy", cy);
	dx_end(d);
}

void dx_picture(dx *d, const char *rid, int id, long cx, long cy, const char *name)
{
	char sid[16];
	snprintf(sid, sizeof sid, "%d", id);
	dx_start(d, "w:r");
	dx_start(d, "w:drawing");
	static const char *const inl[] = {"distT", "0", "distB", "0", "distL", "0", "distR", "0"};
	el_attrs(d, "wp:inline", inl, 8);
	extent(d, "wp:extent", cx, cy);
	const char *doc_pr[] = {"id", sid, "name", name};
	el_attrs(d, "wp:docPr", doc_pr, 4);
	dx_end(d);
	dx_start(d, "a:graphic");
	dx_start(d, "a:graphicData");
	dx_attr(d, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	dx_start(d, "pic:pic");
	dx_start(d, "pic:nvPicPr");
	el_attrs(d, "pic:cNvPr", doc_pr, 4);
	dx_end(d);
	dx_start(d, "pic:cNvPicPr"), dx_end(d);
	dx_end(d);
	dx_start(d, "pic:blipFill");
	dx_start(d, "a:blip");
	dx_attr(d, "r:embed", rid);
	dx_end(d);
	dx_start(d, "a:stretch");
	dx_start(d, "a:fillRect"), dx_end(d);
	dx_end(d);
	dx_end(d);
	dx_start(d, "pic:spPr");
	dx_start(d, "a:xfrm");
	static const char *const off[] = {"x", "0", "y", "0"};
	el_attrs(d, "a:off", off, 4);
	dx_end(d);
	extent(d, "a:ext", cx, cy);
	dx_end(d);
	dx_start(d, "a:prstGeom");
	dx_attr(d, "prst", "rect");
	dx_start(d, "a:avLst"), dx_end(d);
	dx_end(d);
	dx_end(d);
	dx_end(d); /* pic:pic */
	dx_end(d); /* a:graphicData */
	dx_end(d); /* a:graphic */
	dx_end(d); /* wp:inline */
	dx_end(d); /* w:drawing */
	dx_end(d); /* w:r */
}

/* <w:sectPr>: A4, the decree's margins, the page number header from page 2. */
static void sect_pr(dx *d, int landscape)
{
	dx_start(d, "w:sectPr");
	dx_start(d, "w:headerReference");
	dx_attr(d, "w:type", "default");
	dx_attr(d, "r:id", "rIdHeader");
	dx_end(d);
	dx_start(d, "w:pgSz");
	dx_attr_int(d, "w:w", landscape ? DX_A4_H : DX_A4_W);
	dx_attr_int(d, "w:h", landscape ? DX_A4_W : DX_A4_H);
	if (landscape)
		dx_attr(d, "w:orient", "landscape");
	dx_end(d);
	dx_start(d, "w:pgMar");
	dx_attr_int(d, "w:top", DX_TOP);
	dx_attr_int(d, "w:right", DX_RIGHT);
	dx_attr_int(d, "w:bottom", DX_BOTTOM);
	dx_attr_int(d, "w:left", DX_LEFT);
	dx_attr_int(d, "w:header", DX_MM(10));
	dx_attr_int(d, "w:footer", DX_MM(10));
	dx_attr(d, "w:gutter", "0");
	dx_end(d);
	if (!landscape)
		dx_start(d, "w:titlePg"), dx_end(d);
	dx_end(d);
}

void dx_section(dx *d, int landscape, int last)
{
	if (last) {
		sect_pr(d, landscape);
		return;
	}
	dx_start(d, "w:p");
	dx_start(d, "w:pPr");
	sect_pr(d, landscape);
	dx_end(d);
	dx_end(d);
}

/* ---- fixed parts ---- */

static void style(dx *d, const char *type, const char *id, const char *name, const dx_para *p,
                  int outline)
{
	dx_start(d, "w:style");
	dx_attr(d, "w:type", type);
	if (strcmp(id, "Normal") == 0) /* what Word applies to a paragraph without a style */
		dx_attr(d, "w:default", "1");
	dx_attr(d, "w:styleId", id);
	dx_val(d, "w:name", name);
	if (strcmp(id, "Normal") != 0)
		dx_val(d, "w:basedOn", "Normal");
	dx_start(d, "w:pPr");
	if (p->keep_next)
		dx_start(d, "w:keepNext"), dx_end(d);
	spacing(d, p);
	indent(d, p);
	if (p->jc)
		dx_val(d, "w:jc", p->jc);
	if (outline >= 0)
		dx_val_int(d, "w:outlineLvl", outline);
	dx_end(d);
	run_props(d, p->size, p->bold, p->italic, p->caps);
	dx_end(d);
}

static void doc_defaults(dx *d, cchc_lang L)
{
	dx_start(d, "w:docDefaults");
	dx_start(d, "w:rPrDefault");
	dx_start(d, "w:rPr");
	dx_start(d, "w:rFonts");
	static const char *const slots[] = {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"};
	for (size_t i = 0; i < 4; i++)
		dx_attr(d, slots[i], "Times New Roman");
	dx_end(d);
	dx_val(d, "w:sz", "28");
	dx_val(d, "w:szCs", "28");
	dx_val(d, "w:lang", L == CCHC_LANG_EN ? "en-GB" : "vi-VN"); /* spelling, hyphenation */
	dx_end(d);
	dx_end(d);
	dx_start(d, "w:pPrDefault");
	dx_start(d, "w:pPr");
	static const char *const lines[] = {"w:before", "0",    "w:after",    "120",
	                                    "w:line",   "264",  "w:lineRule", "auto"};
	el_attrs(d, "w:spacing", lines, 8);
	dx_end(d);
	dx_end(d);
	dx_end(d);
	dx_end(d);
}

int dx_styles_xml(xmlBufferPtr buf, cchc_lang L)
{
	dx d;
	dx_begin(&d, buf, L);
	dx_start(&d, "w:styles");
	dx_attr(&d, "xmlns:w", W_NS);
	doc_defaults(&d, L);
	const dx_para normal = {.jc = "both", .first_line = DX_MM(10)};
	const dx_para h1 = {.bold = 1, .keep_next = 1, .before = 120, .first_line = DX_MM(10)};
	const dx_para h2 = {.bold = 1, .keep_next = 1, .first_line = DX_MM(10)};
	const dx_para title = {.jc = "center", .bold = 1, .first_line = -1, .after = -1};
	const dx_para cell = {.jc = "left", .size = 26, .first_line = -1, .before = 20, .after = 20};
	const dx_para caption = {.jc = "center", .italic = 1, .size = 24, .first_line = -1};
	style(&d, "paragraph", "Normal", "Normal", &normal, -1);
	style(&d, "paragraph", "Heading1", "heading 1", &h1, 0);
	style(&d, "paragraph", "Heading2", "heading 2", &h2, 1);
	style(&d, "paragraph", "Title", "Title", &title, -1);
	style(&d, "paragraph", "TableText", "Table Text", &cell, -1);
	style(&d, "paragraph", "Caption", "caption", &caption, -1);
	dx_end(&d);
	return dx_finish(&d);
}

int dx_header_xml(xmlBufferPtr buf)
{
	dx d;
	dx_begin(&d, buf, CCHC_LANG_VI);
	dx_start(&d, "w:hdr");
	dx_attr(&d, "xmlns:w", W_NS);
	dx_attr(&d, "xmlns:r", R_NS);
	const dx_para p = {.jc = "center", .first_line = -1, .after = -1};
	dx_p_begin(&d, &p);
	static const char *const field[] = {"begin", NULL, "separate", "2", "end"};
	for (size_t i = 0; i < 5; i++) {
		dx_start(&d, "w:r");
		if (!field[i])
			dx_start(&d, "w:instrText"), dx_attr(&d, "xml:space", "preserve"),
				xmlTextWriterWriteString(d.w, BAD_CAST " PAGE "), dx_end(&d);
		else if (i == 3)
			dx_start(&d, "w:t"), xmlTextWriterWriteString(d.w, BAD_CAST field[i]), dx_end(&d);
		else
			dx_start(&d, "w:fldChar"), dx_attr(&d, "w:fldCharType", field[i]), dx_end(&d);
		dx_end(&d);
	}
	dx_p_end(&d);
	dx_end(&d);
	return dx_finish(&d);
}
