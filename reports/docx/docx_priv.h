/* The .docx writer's pieces (not public): the WordprocessingML primitives over
 * xmlTextWriter (docx_xml.c), the words of the document (docx_words.c), the
 * header values (docx_info.c), the merged task view (docx_tasks.c), the
 * charts as PNG (docx_chart.c), the plan's body (docx_plan.c) and the
 * package (docx.c, zipped by cchc_zip_write). */
#ifndef CCHC_DOCX_PRIV_H
#define CCHC_DOCX_PRIV_H

#include <stddef.h>

#include <libxml/xmlwriter.h>

#include "cchc/docx.h"
#include "report_priv.h"

/* ---- page geometry (twentieths of a point; 1 mm = 56.7) ---- */
#define DX_MM(mm) ((int)((mm) * 1440L * 10 / 254))
#define DX_A4_W DX_MM(210)
#define DX_A4_H DX_MM(297)
#define DX_TOP DX_MM(20)
#define DX_BOTTOM DX_MM(20)
#define DX_LEFT DX_MM(30)
#define DX_RIGHT DX_MM(15)
#define DX_TEXT_W (DX_A4_W - DX_LEFT - DX_RIGHT)
#define DX_LAND_TEXT_W (DX_A4_H - DX_LEFT - DX_RIGHT)
/* EMU per twentieth of a point */
#define DX_EMU_PER_TWIP 635L

/* ---- docx_words.c ---- */
typedef enum {
	DX_QUOC_HIEU,
	DX_TIEU_NGU,
	DX_NUMBER,
	DX_PLACE_DATE,
	DX_NO_DATE,
	DX_KIND,
	DX_SUBJECT,
	DX_INTRO,
	DX_S1,
	DX_S1_PURPOSE,
	DX_S1_PURPOSE_TEXT,
	DX_S1_DEMAND,
	DX_S1_DEMAND_TEXT,
	DX_S2,
	DX_S2_POSITION,
	DX_S2_GROUPS,
	DX_S2_CAUSES,
	DX_ACHIEVED,
	DX_NOT_ACHIEVED,
	DX_LOST_LINE,
	DX_LOST_PARENT,
	DX_FIGURE,
	DX_S3,
	DX_S4,
	DX_S4_SEE,
	DX_SERVES,
	DX_S5,
	DX_S5_1,
	DX_S5_2,
	DX_RECIPIENTS,
	DX_APPENDIX,
	DX_APPENDIX_TITLE,
	DX_APPENDIX_REF,
	DX_REPORT_KIND,
	DX_REPORT_SUBJECT,
	DX_REPORT_ISSUER,
	DX_REPORT_INTRO,
	DX_REPORT_BLOCK,
	DX_REPORT_META,
	DX_REPORT_LEGEND,
	DX_REPORT_SUMMARISED,
	DX_REPORT_END,
	DX_COUNT_
} dx_str_id;

const char *dx_str(dx_str_id id, cchc_lang L);

/* Append template id with {0}..{9} replaced by args[i] ("" when missing). */
void dx_fill(cchc_buf *out, dx_str_id id, cchc_lang L, const char *const *args, size_t n);

/* ---- docx_info.c ---- */
#define DX_MAX_RECIPIENTS 64

struct cchc_docx_info {
	char *parent, *issuer, *number, *symbol, *place, *signer_title, *signer;
	int year, month, day; /* 0: no date */
	char *recipients[DX_MAX_RECIPIENTS];
	size_t nrecipients;
};

/* ---- docx_tasks.c: the appendix's tasks, one per distinct task ---- */
typedef struct dx_task {
	const char *task;
	cchc_buf solution, owner, support, when; /* distinct values, one per line */
	cchc_buf criteria;                        /* the ids it serves: "1.5, 9.3" */
	size_t area;                              /* into dx_tasks.areas */
	int in_recovery;
} dx_task;

typedef struct dx_tasks {
	dx_task *t;
	size_t n;
	const char **areas;
	size_t nareas;
} dx_tasks;

/* Merge the gap's task table: a task named the same way once, listing the
 * criteria it serves; survey-driven tasks under an area of their own (the
 * survey group's title), after the others. @return 0 or -1 (out of memory) */
int dx_tasks_build(dx_tasks *out, const cchc_gap *gap);
void dx_tasks_free(dx_tasks *t);

/* ---- docx_chart.c ---- */
typedef struct dx_chart {
	cchc_buf png;
	long cx, cy; /* extent in the document, EMU */
} dx_chart;

enum { DX_CHART_PROFILE, DX_CHART_PARETO, DX_NCHARTS };

/* Render the report's SVG charts of gap as PNG (a chart the gap has nothing
 * for stays empty: png.len 0). @return 0 or -1 */
int dx_charts_render(dx_chart charts[DX_NCHARTS], const cchc_gap *gap, cchc_lang L);
void dx_charts_free(dx_chart charts[DX_NCHARTS]);

/* ---- docx_xml.c: WordprocessingML primitives ---- */
typedef struct dx {
	xmlTextWriterPtr w;
	cchc_lang L;
	cchc_buf scratch;
	int err;
	/* the current paragraph's run properties */
	int size, bold, italic, caps;
} dx;

/* Paragraph properties; zero means the style's. */
typedef struct dx_para {
	const char *style;  /* "Heading1", "Heading2", "Title", "TableText", … */
	const char *jc;     /* "center", "both", "left", "right" */
	int size;           /* half-points */
	int bold, italic, caps, keep_next;
	int before, after;  /* spacing in twips; -1 for 0 */
	int first_line;     /* twips; -1 for none */
	int ind_left, ind_right;
	int rule;           /* a short rule: 1 top border of this (empty) paragraph */
} dx_para;

int dx_begin(dx *d, xmlBufferPtr buf, cchc_lang L);  /* opens a writer, the XML declaration */
int dx_finish(dx *d);                                /* ends the document, frees the writer */
void dx_start(dx *d, const char *name);
void dx_end(dx *d);
void dx_attr(dx *d, const char *name, const char *value);
void dx_attr_int(dx *d, const char *name, long value);
/* <name w:val="value"/> */
void dx_val(dx *d, const char *name, const char *value);
void dx_val_int(dx *d, const char *name, long value);

void dx_p_begin(dx *d, const dx_para *p);
void dx_run(dx *d, const char *text);
/* A run with its own weight and slant (-1: the paragraph's). */
void dx_run_as(dx *d, const char *text, int bold, int italic);
void dx_break(dx *d);
void dx_p_end(dx *d);
/* A paragraph of one run. */
void dx_para_text(dx *d, const dx_para *p, const char *text);
/* The same, each line of text (split at '\n') a paragraph. */
void dx_para_lines(dx *d, const dx_para *p, const char *text);

/* Tables: widths in twips; borders 0 for the layout tables of the header. */
void dx_tbl_begin(dx *d, const int *widths, size_t n, int borders);
void dx_tbl_end(dx *d);
void dx_tr_begin(dx *d, int header);
void dx_tr_end(dx *d);
void dx_tc_begin(dx *d, int width, int span, int shade);
void dx_tc_end(dx *d);

/* An inline picture: relationship rid, drawing id, extent in EMU. */
void dx_picture(dx *d, const char *rid, int id, long cx, long cy, const char *name);

/* A section break ending the portrait part (the paragraph that carries it). */
void dx_section(dx *d, int landscape, int last);

/* The package's fixed parts. */
int dx_styles_xml(xmlBufferPtr buf, cchc_lang L);
int dx_header_xml(xmlBufferPtr buf);

/* ---- docx_head.c: the parts every administrative document shares ---- */
#define DX_ELLIPSIS_BLANK "\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6"
#define DX_NUMBER_BLANK "        "

typedef struct dx_head {
	dx *d;
	const cchc_docx_info *info; /* may be NULL: every value blank */
	const char *issuer;         /* the issuer when info gives none */
	const char *symbol;         /* the ký hiệu when info gives none ("BC-SNV") */
	cchc_buf *line;             /* scratch */
	int keep;                   /* dx_signature keeps what comes before it with it */
} dx_head;

/* <w:document> with its namespaces, and <w:body>. */
void dx_document_open(dx *d);
/* An empty paragraph carrying a short rule, len twips long, centred in width. */
void dx_rule(dx *d, int width, int len);
/* The number and the symbol, or their blanks. */
const char *dx_head_number(const dx_head *h);
const char *dx_head_symbol(const dx_head *h);
/* The header table: cơ quan, quốc hiệu and tiêu ngữ, số, địa danh and date. */
void dx_header_table(dx_head *h);
/* Nơi nhận on the left, the signer on the right. */
void dx_signature(dx_head *h);

/* ---- docx_plan.c ---- */
int dx_plan_document(xmlBufferPtr buf, const cchc_gap *gap, const cchc_docx_info *info,
                     const dx_chart charts[DX_NCHARTS], cchc_lang L);

/* ---- docx_report.c: the province's report ---- */
/* The charts of the report, one a block (the totals, or a large block's
 * distribution), as pictures rIdImg1.. in block order. */
int dx_report_charts(dx_chart **out, const cchc_ranking *r, cchc_lang L);
int dx_report_document(xmlBufferPtr buf, const cchc_ranking *r, const cchc_docx_info *info,
                       const char *title, const dx_chart *charts, cchc_lang L);

/* ---- docx_chart.c ---- */
/* One SVG chart as a PNG picture, 160 mm wide. @return 0 or -1 */
int dx_chart_from_svg(dx_chart *c, const cchc_buf *svg);

/* ---- docx.c ---- */
/* The package around word/document.xml, its pictures rIdImg1..n (media/chartK.png),
 * written whole or not at all. @return as cchc_write_atomic (EIO: not rendered) */
int dx_package_write(const char *path, xmlBufferPtr doc, const dx_chart *charts, size_t n,
                     cchc_lang L);

#endif
