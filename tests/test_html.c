#define _XOPEN_SOURCE 700 /* realpath */
/* The HTML report of the Huế 2018 department block with Sở Kế hoạch và Đầu
 * tư's gap analysis for rank 10, read back as a person's browser and a strict
 * parser would: libxml2's HTML parser must report no error (bar the HTML5 and
 * SVG element names its HTML 4 tables do not know), the page must also be
 * well-formed XML, and the figures, tables and charts must be there. A
 * hostile agency name and note must come out as text, never as markup. */
#include "testutil.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/report.h"

static const char *const so_ids[] = {
	"bdt", "bqlkkt", "sct", "sdl", "sgddt", "sgtvt", "skhcn", "skhdt", "sldtbxh", "sngv", "snnptnt",
	"snv", "stc", "stnmt", "stp", "stttt", "svhtt", "sxd", "syt", "ttt", "vpubnd"};
#define NSO (sizeof so_ids / sizeof *so_ids)

static cchc_criteria *set;
static cchc_assessment *assessments[NSO];
static cchc_score *scores[NSO];
static cchc_ranking *ranking;
static cchc_gap *gap;

/* ---- reading the page back ---- */

/* Elements libxml2's HTML 4 parser does not know but HTML5 does (inline SVG included). */
static const char *const html5_elements[] = {"svg", "g", "rect", "line", "text", "circle",
                                             "polyline", "figure",    "figcaption", "section",
                                             "nav",     "header",     "main",    NULL};
static int parse_errors;

static int html5_element(const char *name)
{
	for (const char *const *e = html5_elements; *e; e++)
		if (name && strcmp(name, *e) == 0)
			return 1;
	return 0;
}

#if LIBXML_VERSION >= 21200
static void on_error(void *user, const xmlError *e)
#else
static void on_error(void *user, xmlErrorPtr e)
#endif
{
	(void)user;
	if (e->domain == XML_FROM_HTML && e->code == XML_HTML_UNKNOWN_TAG && html5_element(e->str1))
		return;
	parse_errors++;
	fprintf(stderr, "\n    page line %d: %s", e->line, e->message ? e->message : "?");
}

typedef struct {
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
	const cchc_buf *src;
} page;

static int page_read(page *p, const cchc_buf *b)
{
	p->src = b;
	parse_errors = 0;
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	xmlSetStructuredErrorFunc(NULL, on_error);
	p->doc = htmlCtxtReadMemory(ctxt, b->data, (int)b->len, "index.html", "UTF-8",
	                            HTML_PARSE_NONET);
	htmlFreeParserCtxt(ctxt);
	/* the same page as XML: void elements closed, the script in CDATA */
	xmlDocPtr x = xmlReadMemory(b->data, (int)b->len, "index.xhtml", "UTF-8", XML_PARSE_NONET);
	if (!x)
		parse_errors++;
	xmlFreeDoc(x);
	xmlSetStructuredErrorFunc(NULL, NULL);
	p->xp = p->doc ? xmlXPathNewContext(p->doc) : NULL;
	return p->xp ? parse_errors : -1;
}

static void page_free(page *p)
{
	xmlXPathFreeContext(p->xp);
	xmlFreeDoc(p->doc);
}

static long count(page *p, const char *path)
{
	char expr[512];
	snprintf(expr, sizeof expr, "count(%s)", path);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	long n = o ? (long)o->floatval : -1;
	if (!o)
		fprintf(stderr, "\n    bad XPath %s", path);
	xmlXPathFreeObject(o);
	return n;
}

/* The string value of an XPath expression, in a static buffer. */
static const char *string(page *p, const char *path)
{
	static char out[4096];
	char expr[512];
	snprintf(expr, sizeof expr, "string(%s)", path);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	snprintf(out, sizeof out, "%s", o && o->stringval ? (const char *)o->stringval : "");
	xmlXPathFreeObject(o);
	return out;
}

/* The number an XPath expression gives (NaN when none). */
static double number(page *p, const char *path)
{
	char expr[512];
	snprintf(expr, sizeof expr, "number(%s)", path);
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	double v = o ? o->floatval : NAN;
	xmlXPathFreeObject(o);
	return v;
}

/* Occurrences of needle in the page's source. */
static size_t occurrences(const cchc_buf *b, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *s = b->data; (s = strstr(s, needle)) != NULL; s += len)
		n++;
	return n;
}

#define ASSERT_COUNT(p, path, expected) ASSERT_EQ(count((p), (path)), (expected))
#define ASSERT_HAS(b, needle)                                                                 \
	do {                                                                                      \
		int ok_ = strstr((b)->data, (needle)) != NULL;                                        \
		if (!ok_)                                                                             \
			fprintf(stderr, "\n    %s:%d: the page lacks \"%s\"", __FILE__, __LINE__, needle); \
		CU_assertImplementation(ok_, __LINE__, "ASSERT_HAS(" #needle ")", __FILE__, "",      \
		                        CU_FALSE);                                                    \
	} while (0)

static int render(cchc_buf *b, const cchc_gap *g, cchc_lang lang)
{
	cchc_buf_init(b, 0);
	return cchc_render_html(b, ranking, g, NULL, lang);
}

/* ---- the Huế page ---- */

static void test_parses_cleanly(void)
{
	cchc_buf b;
	page p;
	ASSERT_EQ(render(&b, gap, CCHC_LANG_VI), 0);
	ASSERT_EQ(page_read(&p, &b), 0);
	ASSERT_STR(string(&p, "/html/@lang"), "vi");
	ASSERT_STR(string(&p, "/html/head/title"),
	           "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — Sở Kế hoạch và Đầu tư");
	ASSERT_STR(string(&p, "/html/head/meta/@charset"), "utf-8");
	ASSERT_COUNT(&p, "/html/head/style", 1);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_ranking_table(void)
{
	cchc_buf b;
	page p;
	render(&b, gap, CCHC_LANG_VI);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	const cchc_block *blk = &ranking->blocks[0];
	const char *rows = "//table[contains(@class,'ranking')]/tbody/tr";
	ASSERT_COUNT(&p, rows, 21);
	ASSERT_COUNT(&p, "//table[contains(@class,'ranking')]/thead/tr/th", 10);
	/* every agency, in rank order, with its full name */
	for (size_t i = 0; i < blk->n; i++) {
		char path[160];
		snprintf(path, sizeof path, "%s[%zu]/td[2]", rows, i + 1);
		ASSERT_STR(string(&p, path),
		           cchc_assessment_agency_name(blk->entries[i].score->assessment));
	}
	/* Sở KH&ĐT's row: 18/21, 70,00/100, 70,00 %, Khá, emphasised */
	const char *mine = "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']";
	ASSERT_COUNT(&p, mine, 1);
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[1]"),
	           "18/21");
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[3]"),
	           "70,00/100");
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[4]"),
	           "70,00 %");
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[5]"),
	           "Khá");
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[5]/"
	                      "span/@class"),
	           "band band2");
	/* the top: Sở TT&TT, 81,70, Tốt */
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[1]/td[3]"), "81,70/100");
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[1]/td[5]"), "Tốt");
	/* a legend for the columns whose meaning is not obvious, and for the highlighted row */
	const char *legend = string(&p, "//table[contains(@class,'ranking')]/following-sibling::p[1]");
	CU_ASSERT(strstr(legend, "Cách đầu: số điểm kém cơ quan đứng đầu khối.") != NULL);
	CU_ASSERT(strstr(legend, "Trên cuối: số điểm hơn cơ quan đứng cuối khối.") != NULL);
	CU_ASSERT(strstr(legend, "Cách trên: số điểm kém cơ quan xếp ngay trên") != NULL);
	CU_ASSERT(strstr(legend, "Chênh lệch = Tự chấm − Kết quả: dương (+) là tự chấm cao hơn "
	                         "kết quả") != NULL);
	CU_ASSERT(strstr(legend, "Dòng in đậm trên nền vàng: Sở Kế hoạch và Đầu tư") != NULL);
	ASSERT_STR(string(&p, "//table[contains(@class,'plan')]/following-sibling::p[1]"),
	           "Công sức: mức công sức cần để khắc phục tiêu chí, theo bộ chỉ số (số càng lớn "
	           "càng tốn công); phương án chọn tổng công sức nhỏ nhất.");
	/* the component-index ranks: each agency's rank in each group */
	ASSERT_STR(string(&p, "//h3[following-sibling::table[1][contains(@class,'group-ranks')]]"),
	           "Thứ hạng theo lĩnh vực (chỉ số thành phần)");
	ASSERT_COUNT(&p, "//table[contains(@class,'group-ranks')]/tbody/tr", 21);
	const cchc_rank_entry *me = gap->entry;
	for (size_t g = 0; g < 3; g++) {
		char path[160], want[24];
		snprintf(path, sizeof path, "//table[contains(@class,'group-ranks')]/tbody/tr[@class='mark']/td[%zu]", g + 3);
		snprintf(want, sizeof want, "%zu", me->group_ranks[g]);
		ASSERT_STR(string(&p, path), want);
	}
	/* the most lost criteria, top 10 */
	ASSERT_COUNT(&p, "//table[contains(@class,'most-lost')]/tbody/tr",
	             blk->nmost_lost < 10 ? blk->nmost_lost : 10);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_charts(void)
{
	cchc_buf b;
	page p;
	render(&b, gap, CCHC_LANG_VI);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	/* totals, group profile, Pareto; each with a title */
	ASSERT_COUNT(&p, "//svg", 3);
	ASSERT_COUNT(&p, "//svg[not(title)]", 0);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//rect[contains(@class,'bar')]", 21);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//rect[contains(@class,'mark')]", 1);
	/* thresholds at 50, 70, 80 and 90, each labelled */
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//line[@class='thr']", 4);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//text[.='Khá ≥ 70']", 1);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//text[.='Xuất sắc ≥ 90']", 1);
	/* long names wrapped, not cut, in the charts; whole in the tables */
	ASSERT_COUNT(&p, "//svg//text[contains(.,'…')]", 0);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//text[.='Ban Quản lý Khu kinh tế, "
	                 "công nghiệp']/following-sibling::text[1][.='tỉnh']", 1);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-profile')]//text[.='2. Xây dựng và tổ chức "
	                 "thực hiện văn']/following-sibling::text[1][.='bản QPPL']", 1);
	ASSERT_COUNT(&p, "//td[.='Ban Quản lý Khu kinh tế, công nghiệp tỉnh']", 3);
	/* totals on a scale that separates 70 from 82: from 40 (the lowest, 43,5, rounded down)
	 * to 100, said under the axis; 11,7 points apart are 70 pixels apart */
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//text[@class='tick-label'][1][.='40']", 1);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]//text[.='(trục điểm bắt đầu từ 40)']", 1);
	const double w_top = number(&p, "//svg[contains(@class,'chart-totals')]//rect[contains(@class,'bar')][1]/@width");
	const double w_me = number(&p, "//svg[contains(@class,'chart-totals')]//rect[contains(@class,'mark')]/@width");
	CU_ASSERT(w_top - w_me >= 69 && w_top - w_me <= 71);
	/* every value label clear of every band line */
	for (int i = 1; i <= 21; i++) {
		char path[160];
		snprintf(path, sizeof path, "(//svg[contains(@class,'chart-totals')]//text[@class='val'])[%d]/@x", i);
		const double x0 = number(&p, path), x1 = x0 + 5 * 10 * 0.62;
		for (int k = 1; k <= 4; k++) {
			snprintf(path, sizeof path, "(//svg[contains(@class,'chart-totals')]//line[@class='thr'])[%d]/@x1", k);
			const double t = number(&p, path);
			if (t >= x0 - 1 && t <= x1 + 1)
				fprintf(stderr, "\n    value label %d at %g crosses the band line at %g", i, x0, t);
			CU_ASSERT(t < x0 - 1 || t > x1 + 1);
		}
	}
	/* heat map: 21 agencies × 9 groups, each cell coloured and labelled */
	ASSERT_COUNT(&p, "//table[contains(@class,'heat')]/tbody/tr", 21);
	ASSERT_COUNT(&p, "//table[contains(@class,'heat')]//td[contains(@class,'hm')]", 21 * 9);
	ASSERT_COUNT(&p, "//table[contains(@class,'heat')]//td[contains(@class,'hm')][@style]", 21 * 9);
	ASSERT_COUNT(&p, "//table[contains(@class,'heat')]//td[contains(@class,'hm')][.='']", 0);
	/* profile: three bars per group (agency, mean, top), 9 groups */
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-profile')]//rect[@class='bar']", 27);
	/* Pareto: one bar per lost criterion, a cumulative line */
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-pareto')]//rect[@class='bar']",
	             gap->nlosses <= 30 ? gap->nlosses : 30);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-pareto')]//polyline[@class='cum']", 1);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_agency_view(void)
{
	cchc_buf b;
	page p;
	render(&b, gap, CCHC_LANG_VI);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_STR(string(&p, "//p[@class='position']"),
	           "Sở Kế hoạch và Đầu tư đứng thứ 18/21, đạt 70/100 điểm, xếp loại Khá; thấp hơn "
	           "đơn vị đứng đầu 11,7 điểm và cách biệt đơn vị đứng cuối 26,5 điểm.");
	ASSERT_HAS(&b, "thấp hơn đơn vị đứng đầu 11,7 điểm");
	/* the plan for rank 10: 4,9 points, five criteria of effort 1 */
	ASSERT_HAS(&b, "Để đạt vị trí thứ 10/21 cần thêm 4,9 điểm.");
	ASSERT_HAS(&b, "Giả định: các cơ quan khác giữ nguyên điểm số năm nay; mỗi tiêu chí được khắc phục đạt và được tự chấm đủ điểm tối đa");
	ASSERT_COUNT(&p, "//table[contains(@class,'plan')]/tbody/tr", 5);
	ASSERT_COUNT(&p, "//table[contains(@class,'losses')]/tbody/tr[not(@class='sub')]",
	             gap->nlosses);
	/* lost points by cause: not done, survey, partial, late, undocumented */
	ASSERT_COUNT(&p, "//table[contains(@class,'causes')]/tbody/tr", 5);
	ASSERT_STR(string(&p, "//table[contains(@class,'causes')]/tbody/tr[1]/td[3]"), "12,50");
	/* the task table: its headers, areas numbered I, II, …, the plan's tasks marked */
	static const char *const heads[] = {"TT", "Nội dung nhiệm vụ", "Giải pháp khắc phục",
	                                    "Chủ trì", "Phối hợp", "Thời gian hoàn thành"};
	for (size_t i = 0; i < 6; i++) {
		char path[128];
		snprintf(path, sizeof path, "//table[contains(@class,'tasks')]/thead/tr/th[%zu]", i + 1);
		ASSERT_STR(string(&p, path), heads[i]);
	}
	ASSERT_COUNT(&p, "//table[contains(@class,'tasks')]/tbody/tr[not(@class='sub')]",
	             gap->ntasks);
	const char *areas = "//table[contains(@class,'tasks')]/tbody/tr[@class='sub']";
	char path[160];
	snprintf(path, sizeof path, "%s[1]/td[1]", areas);
	ASSERT_STR(string(&p, path), "I");
	snprintf(path, sizeof path, "%s[2]/td[1]", areas);
	ASSERT_STR(string(&p, path), "II");
	ASSERT_STR(string(&p, "//table[contains(@class,'tasks')]/tbody/tr[2]/td[1]"), "1*");
	CU_ASSERT(count(&p, "//table[contains(@class,'tasks')]/tbody/tr[@class='target']") >= 1);
	ASSERT_HAS(&b, "(*) nhiệm vụ thuộc phương án đạt mục tiêu xếp hạng");
	/* the evidence of each lost criterion, linked to its file beside the assessment */
	ASSERT_STR(string(&p, "//table[contains(@class,'losses')]//a[.='Kế hoạch số 45/KH-SKHĐT ngày "
	                      "12/02/2018 về CCHC năm 2018'][1]/@href"),
	           "evidence/kh-45.pdf");
	CU_ASSERT(count(&p, "//table[contains(@class,'losses')]//div[@class='docs']//a") >= 5);
	ASSERT_COUNT(&p, "//a[starts-with(@href,'javascript') or contains(@href,':')]", 0);
	/* the council's reason where it upheld the computed points (1.5: 0 kept, not a cut) */
	ASSERT_STR(string(&p, "//table[contains(@class,'losses')]//tr[td[1]='1.5']//div[@class='council']"),
	           "Hội đồng thẩm định chỉ số CCHC tỉnh giữ 0 điểm (vòng 2): Phúc tra: Sở không bổ "
	           "sung được quyết định công nhận sáng kiến; giữ nguyên 0 điểm");
	ASSERT_STR(string(&p, "//table[@class='council']/tbody/tr[td[1]='1.5']/td[7]"),
	           "Phúc tra: Sở không bổ sung được quyết định công nhận sáng kiến; giữ nguyên 0 điểm");
	ASSERT_STR(string(&p, "//table[@class='council']/tbody/tr[td[1]='1.5']/td[5]"), "2");
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_self_contained(void)
{
	cchc_buf b;
	page p;
	render(&b, gap, CCHC_LANG_VI);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	/* nothing fetched: no src, no external stylesheet, no CSS url() or @import */
	ASSERT_COUNT(&p, "//*[@src]", 0);
	ASSERT_COUNT(&p, "//link | //img | //iframe | //object | //embed", 0);
	ASSERT_EQ(occurrences(&b, "url("), 0);
	ASSERT_EQ(occurrences(&b, "@import"), 0);
	ASSERT_EQ(occurrences(&b, "https://"), 0);
	ASSERT_EQ(occurrences(&b, "http://"),
	          occurrences(&b, "xmlns=\"http://www.w3.org/2000/svg\""));
	ASSERT_EQ(occurrences(&b, "http://"), 3);
	/* one script, the table sorter */
	ASSERT_COUNT(&p, "//script", 1);
	ASSERT_STR(string(&p, "//script/@id"), "cchc-sort");
	/* A4 print */
	ASSERT_HAS(&b, "@page{size:A4");
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_english(void)
{
	cchc_buf b;
	page p;
	ASSERT_EQ(render(&b, gap, CCHC_LANG_EN), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_STR(string(&p, "/html/@lang"), "en");
	ASSERT_STR(string(&p, "/html/head/title"),
	           "PUBLIC ADMINISTRATION REFORM INDEX: RANKING — Sở Kế hoạch và Đầu tư");
	const char *mine = "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']";
	char path[160];
	snprintf(path, sizeof path, "%s/td[3]", mine);
	ASSERT_STR(string(&p, path), "70.00/100");
	ASSERT_EQ(occurrences(&b, "70,00"), 0);
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/thead/tr/th[1]"), "Rank");
	ASSERT_STR(string(&p, "//table[contains(@class,'tasks')]/thead/tr/th[2]"), "Task");
	ASSERT_HAS(&b, "Sở Kế hoạch và Đầu tư ranks 18 of 21 with 70/100 points, band Khá; 11.7 "
	               "points below the top");
	ASSERT_HAS(&b, "Total points by agency");
	/* fully English: the sets' units too, and no header or date broken mid-word */
	ASSERT_HAS(&b, "at 4 years; 0.5 points takes 2 years or less");
	ASSERT_EQ(occurrences(&b, "4 năm"), 0);
	ASSERT_EQ(occurrences(&b, "ban hành ngày"), 0);
	ASSERT_EQ(occurrences(&b, "overflow-wrap:anywhere"), 0);
	ASSERT_HAS(&b, "overflow-wrap:break-word");
	ASSERT_HAS(&b, "To top: points below the block&#39;s top agency.");
	ASSERT_COUNT(&p, "//svg", 3);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_province_only(void)
{
	cchc_buf b;
	page p;
	ASSERT_EQ(render(&b, NULL, CCHC_LANG_VI), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_STR(string(&p, "/html/head/title"), "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
	ASSERT_COUNT(&p, "//svg", 1);
	ASSERT_COUNT(&p, "//section[@id='agency']", 0);
	ASSERT_COUNT(&p, "//tr[@class='mark']", 0);
	ASSERT_COUNT(&p, "//table[contains(@class,'ranking')]/tbody/tr", 21);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static const char *const huyen_ids[] = {"aluoi", "namdong", "phongdien", "phuloc", "phuvang",
                                        "quangdien", "tphue", "txhuongthuy", "txhuongtra"};
#define NHUYEN (sizeof huyen_ids / sizeof *huyen_ids)

static void test_two_blocks(void)
{
	cchc_diag *d = cchc_diag_new();
	cchc_criteria *huyen = NULL;
	cchc_assessment *as[NHUYEN] = {NULL};
	cchc_score *all[NSO + NHUYEN] = {NULL};
	cchc_ranking *r = NULL;
	CU_ASSERT_FATAL(cchc_criteria_load(&huyen, test_path("criteria/hue-huyen-2018.xml"), d) == 0);
	const cchc_criteria *sets[2] = {set, huyen};
	for (size_t i = 0; i < NSO; i++)
		all[i] = scores[i];
	for (size_t i = 0; i < NHUYEN; i++) {
		char path[128];
		snprintf(path, sizeof path, "samples/hue-2018/huyen/%s.xml", huyen_ids[i]);
		CU_ASSERT_FATAL(cchc_assessment_load(&as[i], sets, 2, test_path(path), d) == 0);
		CU_ASSERT_FATAL(cchc_score_compute(&all[NSO + i], as[i]) == 0);
	}
	CU_ASSERT_FATAL(cchc_ranking_build(&r, (const cchc_score *const *)all, NSO + NHUYEN, d) == 0);
	size_t ng, shown = 0;
	const cchc_node *const *groups = cchc_criteria_groups(huyen, &ng);
	for (size_t i = 0; i < ng; i++)
		shown += groups[i]->kind == CCHC_GROUP_SCORED || groups[i]->kind == CCHC_GROUP_SURVEY;
	cchc_buf b;
	page p;
	cchc_buf_init(&b, 0);
	ASSERT_EQ(cchc_render_html(&b, r, NULL, NULL, CCHC_LANG_VI), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_COUNT(&p, "//section", 2);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]", 2);
	ASSERT_COUNT(&p, "//section[1]//table[contains(@class,'ranking')]/tbody/tr", 21);
	ASSERT_COUNT(&p, "//section[2]//table[contains(@class,'ranking')]/tbody/tr", 9);
	ASSERT_COUNT(&p, "//section[2]//svg//rect[contains(@class,'bar')]", 9);
	ASSERT_COUNT(&p, "//section[2]//td[contains(@class,'hm')]", (long)(9 * shown));
	ASSERT_COUNT(&p, "//nav//a[@href='#block-2']", 1);
	/* headings show the sets' titles, never their ids */
	ASSERT_STR(string(&p, "//section[1]/h2"),
	           "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018");
	ASSERT_STR(string(&p, "//section[1]/p[@class='meta']"), "Năm 2018 · 21 cơ quan");
	ASSERT_STR(string(&p, "//nav//a[@href='#block-2']"), cchc_criteria_title(huyen));
	ASSERT_COUNT(&p, "//h1[contains(.,'so-nganh')] | //h2[contains(.,'so-nganh')] | "
	                 "//h2[contains(.,'huyen')] | //h3[contains(.,'so-nganh')] | "
	                 "//p[contains(.,'hue-so-2018')] | //a[contains(.,'so-nganh')]", 0);
	page_free(&p);
	cchc_buf_dispose(&b);
	cchc_ranking_free(r);
	for (size_t i = 0; i < NHUYEN; i++) {
		cchc_score_free(all[NSO + i]);
		cchc_assessment_free(as[i]);
	}
	cchc_criteria_free(huyen);
	cchc_diag_free(d);
}

/* ---- reasons worded for the criterion ---- */

static const char reason_set[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" max=\"7\">\n"
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"
	"<group id=\"G\" title=\"G\" max=\"7\">\n"
	"<criterion id=\"dv\" title=\"Triển khai văn bản\" verb=\"triển khai\" max=\"1\">"
	"<rule kind=\"deadline\" due=\"2018-06-15\"/></criterion>\n"
	"<criterion id=\"dn\" title=\"Việc khác\" max=\"1\"><rule kind=\"deadline\" due=\"2018-06-15\"/>"
	"</criterion>\n"
	"<criterion id=\"yn\" title=\"yn\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	"<criterion id=\"yb\" title=\"yb\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	"<criterion id=\"ti\" title=\"ti\" max=\"1\"><rule kind=\"tiers\" unit=\"năm\" better=\"lower\">"
	"<tier max=\"1\" points=\"1\"/><tier max=\"2\" points=\"0.5\"/></rule></criterion>\n"
	"<criterion id=\"ra\" title=\"ra\" max=\"1\"><rule kind=\"ratio\" unit=\"người\"/></criterion>\n"
	"<criterion id=\"rk\" title=\"rk\" max=\"1\"><rule kind=\"tiers\" unit=\"hạng\" better=\"lower\">"
	"<tier max=\"3\" points=\"1\"/><tier max=\"5\" points=\"0.5\"/></rule></criterion>\n"
	"</group>\n</criteria-set>\n";

static const char reason_assessment[] =
	"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"
	"<agency id=\"a\" name=\"A\"/>\n"
	"<item criterion=\"dv\" date=\"2018-08-06\"/>\n"
	"<item criterion=\"dn\" date=\"2018-06-20\"/>\n"
	"<item criterion=\"yn\" met=\"false\" note=\"Chưa ban hành kế hoạch kiểm tra\"/>\n"
	"<item criterion=\"yb\" met=\"false\"/>\n"
	"<item criterion=\"ti\" value=\"4\"/>\n"
	"<item criterion=\"ra\" numerator=\"3\" denominator=\"10\"/>\n"
	"<item criterion=\"rk\" value=\"4\"/>\n"
	"</assessment>\n";

static const char *reason_of(const cchc_score *s, const char *id, cchc_lang L)
{
	static char out[1024];
	size_t n;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &n);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		if (strcmp(nodes[i]->id, id) == 0) {
			cchc_buf b;
			cchc_buf_init(&b, 0);
			cchc_reason_format(&b, nodes[i], cchc_score_node(s, nodes[i]), L);
			snprintf(out, sizeof out, "%s", b.data ? b.data : "");
			cchc_buf_dispose(&b);
		}
	return out;
}

static void test_reason_wording(void)
{
	cchc_diag *d = NULL;
	cchc_criteria *c = test_criteria(reason_set, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	cchc_diag_free(d); /* each loader gives its own list */
	cchc_assessment *a = test_assessment(c, reason_assessment, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	cchc_score *s = NULL;
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	/* the criterion's own verb, else a neutral one; English says "done" either way */
	ASSERT_STR(reason_of(s, "dv", CCHC_LANG_VI),
	           "triển khai ngày 06/08/2018, trễ 52 ngày so với hạn 15/06/2018");
	ASSERT_STR(reason_of(s, "dn", CCHC_LANG_VI),
	           "thực hiện ngày 20/06/2018, trễ 5 ngày so với hạn 15/06/2018");
	ASSERT_STR(reason_of(s, "dv", CCHC_LANG_EN),
	           "done on 06/08/2018, 52 days after the 15/06/2018 deadline");
	/* not done: the note says why, never "chưa thực hiện — …" after the cause "Chưa thực hiện" */
	ASSERT_STR(reason_of(s, "yn", CCHC_LANG_VI), "Chưa ban hành kế hoạch kiểm tra");
	ASSERT_STR(reason_of(s, "yb", CCHC_LANG_VI), "hồ sơ ghi nhận chưa thực hiện");
	/* a lower-is-better tier reads as a sentence; units in English */
	ASSERT_STR(reason_of(s, "ti", CCHC_LANG_VI), "mức đạt 4 năm, cần không quá 2 năm để được 0,5 điểm");
	ASSERT_STR(reason_of(s, "ti", CCHC_LANG_EN), "at 4 years; 0.5 points takes 2 years or less");
	ASSERT_STR(reason_of(s, "ra", CCHC_LANG_EN), "3/10 people");
	ASSERT_STR(reason_of(s, "rk", CCHC_LANG_VI), "mức đạt hạng 4, cần không quá hạng 3 để được 1 điểm");
	ASSERT_STR(reason_of(s, "rk", CCHC_LANG_EN), "at rank 4; 1 point takes rank 3 or less");
	ASSERT_STR(reason_of(s, "ra", CCHC_LANG_VI), "3/10 người");
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_criteria_free(c);
	cchc_diag_free(d);
}

/* ---- national scale ---- */

#define NBIG 400

static const char big_set[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"big\" year=\"2018\" title=\"Bộ chỉ số toàn quốc\" max=\"100\">\n"
	"<bands><band label=\"Tốt\" min=\"80\"/><band label=\"Khá\" min=\"70\"/><band label=\"Yếu\" min=\"0\"/></bands>\n"
	"<group id=\"G\" title=\"Nhóm một\" max=\"100\">\n"
	"<criterion id=\"a\" title=\"a\" max=\"50\"><rule kind=\"judged\"/></criterion>\n"
	"<criterion id=\"b\" title=\"b\" max=\"50\"><rule kind=\"judged\"/></criterion>\n"
	"</group>\n</criteria-set>\n";

static void test_national_scale(void)
{
	cchc_diag *d = NULL;
	cchc_criteria *c = test_criteria(big_set, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	cchc_diag_free(d); /* each loader gives its own list */
	d = NULL;
	static cchc_assessment *as[NBIG];
	static cchc_score *sc[NBIG];
	for (size_t i = 0; i < NBIG; i++) {
		char xml[512];
		snprintf(xml, sizeof xml,
		         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"big\" year=\"2018\">"
		         "<agency id=\"a%zu\" name=\"Đơn vị %zu\"/><item criterion=\"a\" points=\"%zu.%s\"/>"
		         "<item criterion=\"b\" points=\"%zu\"/></assessment>",
		         i, i, 20 + i % 30, i % 2 ? "5" : "0", 20 + (i * 7) % 30);
		as[i] = test_assessment(c, xml, &d);
		CU_ASSERT_PTR_NOT_NULL_FATAL(as[i]);
		cchc_diag_free(d);
		d = i + 1 < NBIG ? NULL : cchc_diag_new(); /* the last for the ranking and the gap */
		CU_ASSERT_FATAL(cchc_score_compute(&sc[i], as[i]) == 0);
	}
	cchc_ranking *r = NULL;
	cchc_gap *g = NULL;
	CU_ASSERT_FATAL(cchc_ranking_build(&r, (const cchc_score *const *)sc, NBIG, d) == 0);
	const cchc_block *b = &r->blocks[0];
	const cchc_rank_entry *mid = &b->entries[NBIG / 2];
	CU_ASSERT_FATAL(cchc_gap_build(&g, r, cchc_assessment_agency_id(mid->score->assessment), 0,
	                               NULL, NULL, d) == 0);
	cchc_buf out;
	page p;
	cchc_buf_init(&out, 0);
	ASSERT_EQ(cchc_render_html(&out, r, g, NULL, CCHC_LANG_VI), 0);
	CU_ASSERT_FATAL(page_read(&p, &out) == 0);
	/* the page summarises: the 20 first, the 21 around the agency, the 20 last */
	const char *rows = "//table[contains(@class,'ranking')]/tbody/tr";
	ASSERT_COUNT(&p, "//table[contains(@class,'ranking')]/tbody/tr[not(@class='skip')]", 61);
	ASSERT_COUNT(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='skip']", 2);
	ASSERT_COUNT(&p, "//table[contains(@class,'heat')]/tbody/tr[not(@class='skip')]", 61);
	ASSERT_COUNT(&p, "//table[contains(@class,'group-ranks')]/tbody/tr[not(@class='skip')]", 61);
	char path[200], want[160];
	snprintf(path, sizeof path, "%s[21]", rows);
	snprintf(want, sizeof want, "… %d cơ quan …", NBIG / 2 - 10 - 20);
	ASSERT_STR(string(&p, path), want);
	ASSERT_STR(string(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']/td[2]"),
	           cchc_assessment_agency_name(mid->score->assessment));
	ASSERT_COUNT(&p, "//table[contains(@class,'ranking')]/tbody/tr[@class='mark']", 1);
	/* a distribution, not a bar per agency */
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-totals')]", 0);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-distribution')]", 1);
	CU_ASSERT(count(&p, "//svg[contains(@class,'chart-distribution')]//rect[@class='bar']") <= 61);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-distribution')]//line[@class='mark-line']", 1);
	snprintf(want, sizeof want, "Khối có %d cơ quan: trang này tóm tắt phân bố điểm", NBIG);
	CU_ASSERT(strstr(string(&p, "//p[contains(@class,'summary')]"), want) != NULL);
	CU_ASSERT(out.len < 200000);
	page_free(&p);
	cchc_buf_dispose(&out);
	/* the rank intervals too: the 20 first and last */
	cchc_robust *rob = NULL;
	cchc_robust_options ropt = {20, 1, 0, 1, 0, 0};
	CU_ASSERT_FATAL(cchc_robust_run(&rob, r, NULL, &ropt, d) == 0);
	cchc_buf_init(&out, 0);
	ASSERT_EQ(cchc_render_robust_html(&out, rob, CCHC_LANG_VI), 0);
	ASSERT_EQ(occurrences(&out, "<tr><td class=\"n\">"), 40);
	ASSERT_EQ(occurrences(&out, "<tr class=\"skip\"><td colspan=\"5\">… 360 cơ quan …</td></tr>"), 1);
	ASSERT_EQ(occurrences(&out, "<circle"), 40);
	cchc_buf_dispose(&out);
	cchc_robust_free(rob);
	/* criteria.csv in parts of whole agencies (3 rows each: the group and two criteria) */
	ASSERT_EQ(cchc_criteria_csv_rows(r), NBIG * 3);
	size_t next = 0, parts = 0, lines = 0;
	for (size_t first = 0; first < NBIG; first = next, parts++) {
		cchc_buf_init(&out, 0);
		ASSERT_EQ(cchc_render_criteria_csv_part(&out, r, 0, first, 100, &next), 0);
		ASSERT_EQ(next - first, first + 33 <= NBIG ? 33 : NBIG - first);
		CU_ASSERT(strncmp(out.data, "block,agency,name,rank,criterion,", 33) == 0);
		for (const char *q = out.data; (q = strstr(q, "\r\n")) != NULL; q += 2)
			lines++;
		cchc_buf_dispose(&out);
	}
	ASSERT_EQ(parts, (NBIG + 32) / 33);
	ASSERT_EQ(lines, NBIG * 3 + parts); /* every row once, a header per part */
	cchc_gap_free(g);
	cchc_ranking_free(r);
	for (size_t i = 0; i < NBIG; i++) {
		cchc_score_free(sc[i]);
		cchc_assessment_free(as[i]);
	}
	cchc_criteria_free(c);
	cchc_diag_free(d);
}

/* ---- what `cchc report` decides ---- */

#define TMP CCHC_TEST_TMP "/html-cli"

/* `cchc report ARGS -o TMP`, its page read into b; the exit status. */
static int report_page(const char *args, cchc_buf *b)
{
	char cmd[2048], out[4096], err[4096];
	snprintf(cmd, sizeof cmd, "%s -o '%s'", args, TMP);
	int rc = test_run_cli(CCHC_CLI, cmd, CCHC_TEST_TMP "/html-cli-run", out, sizeof out, err,
	                      sizeof err);
	if (rc != 0)
		fprintf(stderr, "\n    cchc %s: %d\n%s", cmd, rc, err);
	size_t len = 0;
	char *data = test_read_file(TMP "/index.html", &len);
	cchc_buf_init(b, 0);
	cchc_buf_append(b, data ? data : "", len);
	free(data);
	return rc;
}

static void test_cli_order_and_title(void)
{
	cchc_buf b;
	page p;
	/* the districts' folder sorts first, but the province gave the departments' set first */
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml criteria/hue-huyen-2018.xml "
	                      "samples/hue-2018 --title 'UBND tỉnh Thừa Thiên Huế · Quyết định "
	                      "số 1234/QĐ-UBND <&>'", &b), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_STR(string(&p, "//section[@id='block-1']/h2"),
	           "Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế năm 2018");
	ASSERT_STR(string(&p, "//section[@id='block-2']/h2"),
	           "Bộ chỉ số CCHC UBND các huyện, thị xã, thành phố Huế tỉnh Thừa Thiên Huế năm 2018");
	ASSERT_STR(string(&p, "//header/p[@class='report-title']"),
	           "UBND tỉnh Thừa Thiên Huế · Quyết định số 1234/QĐ-UBND <&>");
	ASSERT_HAS(&b, "Quyết định số 1234/QĐ-UBND &lt;&amp;&gt;</p>");
	ASSERT_STR(string(&p, "/html/head/title"), "UBND tỉnh Thừa Thiên Huế · Quyết định số "
	                                           "1234/QĐ-UBND <&> — XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
	page_free(&p);
	cchc_buf_dispose(&b);
	/* the other order given, the other order shown; no title, no title line */
	ASSERT_EQ(report_page("report criteria/hue-huyen-2018.xml criteria/hue-so-2018.xml "
	                      "samples/hue-2018", &b), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	CU_ASSERT(strstr(string(&p, "//section[@id='block-1']/h2"), "UBND các huyện") != NULL);
	ASSERT_COUNT(&p, "//*[@class='report-title']", 0);
	page_free(&p);
	cchc_buf_dispose(&b);
}

static void test_cli_draws(void)
{
	cchc_buf b;
	page p;
	/* by default no rank uncertainty: the official ranking alone */
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml samples/hue-2018/so --agency skhdt",
	                      &b), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_COUNT(&p, "//section[@class='robust']", 0);
	ASSERT_EQ(occurrences(&b, "ĐỘ TIN CẬY"), 0);
	page_free(&p);
	cchc_buf_dispose(&b);
	/* asked for: labelled an estimate, apart from the official ranking; Vietnamese headers */
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml samples/hue-2018/so --draws 50", &b),
	          0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	ASSERT_COUNT(&p, "//section[@class='robust']", 1);
	ASSERT_STR(string(&p, "//section[@class='robust']/h2"),
	           "ĐỘ TIN CẬY CỦA THỨ HẠNG — Bộ chỉ số CCHC các sở, ban, ngành tỉnh Thừa Thiên Huế "
	           "năm 2018");
	ASSERT_STR(string(&p, "//section[@class='robust']/p[@class='estimate']"),
	           "Ước tính, không thuộc kết quả xếp hạng chính thức: khoảng thứ hạng mỗi cơ quan có "
	           "thể nhận nếu kết quả điều tra xã hội học (và trọng số) dao động trong sai số của "
	           "chúng.");
	ASSERT_STR(string(&p, "//table[@class='robust']/thead/tr/th[5]"), "Vào 3 hạng đầu");
	ASSERT_EQ(occurrences(&b, "Top 3"), 0);
	page_free(&p);
	cchc_buf_dispose(&b);
}

/* The evidence links lead from the report's folder to the assessment's */
static void test_cli_evidence_links(void)
{
	cchc_buf b;
	page p;
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml samples/hue-2018/so --agency skhdt", &b), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	char href[1024], path[2048], want[2048];
	snprintf(href, sizeof href, "%s", string(&p, "(//div[@class='docs']//a)[1]/@href"));
	CU_ASSERT(strncmp(href, "../", 3) == 0);
	CU_ASSERT(strstr(href, "samples/hue-2018/so/evidence/kh-45.pdf") != NULL);
	/* resolved from the page's folder, the link's folder is the sample's own */
	char *ev = strstr(href, "evidence/kh-45.pdf");
	CU_ASSERT_FATAL(ev != NULL);
	*ev = '\0';
	snprintf(path, sizeof path, "%s/%s", TMP, href);
	char *got = realpath(path, NULL), *sample = realpath(CCHC_SOURCE_DIR "/samples/hue-2018/so", NULL);
	ASSERT_STR(got, sample);
	free(got);
	free(sample);
	(void)want;
	page_free(&p);
	cchc_buf_dispose(&b);
}

/* A long run says what it is doing on a terminal (script(1) gives it one), and nothing
 * when stderr is a file or a pipe. */
static void test_cli_progress(void)
{
	char out[8192], err[4096];
	if (system("command -v script >/dev/null 2>&1") != 0) {
		fprintf(stderr, "\n    script(1) is not installed (util-linux): skipped\n");
		return;
	}
	ASSERT_EQ(test_run_cli("script", "-qec \"'" CCHC_CLI "' report criteria/hue-so-2018.xml "
	                       "samples/hue-2018/so -o '" TMP "'\" /dev/null",
	                       CCHC_TEST_TMP "/html-cli-run", out, sizeof out, err, sizeof err), 0);
	CU_ASSERT(strncmp(out, "cchc report: 0,", 15) == 0);
	CU_ASSERT(strstr(out, " s: reading and scoring the assessments") != NULL);
	CU_ASSERT(strstr(out, "s: index.html") != NULL);
	CU_ASSERT(strstr(out, "s: ranking.xlsx") != NULL);
	ASSERT_EQ(test_run_cli(CCHC_CLI, "report criteria/hue-so-2018.xml samples/hue-2018/so -o " TMP,
	                       CCHC_TEST_TMP "/html-cli-run", out, sizeof out, err, sizeof err), 0);
	ASSERT_STR(err, "");
}

static void test_cli_csv_dialect(void)
{
	cchc_buf b;
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml samples/hue-2018/so --csv-dialect vi", &b),
	          0);
	cchc_buf_dispose(&b);
	char csv[1 << 16];
	test_slurp(TMP "/ranking.csv", csv, sizeof csv);
	CU_ASSERT(strncmp(csv, "\xEF\xBB\xBF" "block;rank;of;id;name;total;", 31) == 0);
	CU_ASSERT(strstr(csv, "so-nganh;18;21;skhdt;Sở Kế hoạch và Đầu tư;70,00;100,00;70,00;Khá;11,70;") != NULL);
	static char big[1 << 20];
	test_slurp(TMP "/criteria.csv", big, sizeof big);
	CU_ASSERT(strstr(big, ";1.1.1;Ban hành kế hoạch CCHC năm kịp thời;1;1;0,50;1,00;late\r\n") != NULL);
	/* the default stays RFC 4180 */
	ASSERT_EQ(report_page("report criteria/hue-so-2018.xml samples/hue-2018/so", &b), 0);
	cchc_buf_dispose(&b);
	test_slurp(TMP "/ranking.csv", csv, sizeof csv);
	CU_ASSERT(strstr(csv, "so-nganh,18,21,skhdt,Sở Kế hoạch và Đầu tư,70.00,100.00,70.00,Khá,11.70,") != NULL);
	char out[256], err[512];
	ASSERT_EQ(test_run_cli(CCHC_CLI, "report criteria/hue-so-2018.xml samples/hue-2018/so "
	                       "--csv-dialect de -o " TMP, CCHC_TEST_TMP "/html-cli-run", out, sizeof out,
	                       err, sizeof err), 2);
	ASSERT_STR(err, "cchc report: --csv-dialect takes rfc4180 or vi\nTry 'cchc report --help'.\n");
}

/* ---- hostile inputs ---- */

#define HOSTILE_NAME "<script>alert(1)</script> & \"x\" 'y'"
#define HOSTILE_NOTE "<img src=x onerror=alert(2)>"

static void test_hostile_text_is_escaped(void)
{
	static const char xml[] =
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"hue-so-2018\" year=\"2018\">\n"
		"<agency id=\"evil\" name=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; "
		"'y'\" block=\"so-nganh\"/>\n"
		"<item criterion=\"1.1.1\" date=\"2018-03-20\" note=\"&lt;img src=x "
		"onerror=alert(2)&gt;\"><doc ref=\"&lt;b&gt;QĐ&lt;/b&gt;\" file=\"ev/x y#z?.pdf\"/>"
		"<doc ref=\"QĐ 2\" file=\"ev/&quot;&gt;&lt;script&gt;.pdf\"/></item>\n"
		"</assessment>\n";
	cchc_diag *d = NULL;
	cchc_assessment *a = test_assessment(set, xml, &d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	cchc_score *s = NULL, *both[2] = {NULL, scores[7]};
	cchc_ranking *r = NULL;
	cchc_gap *g = NULL;
	cchc_buf b;
	page p;
	cchc_buf_init(&b, 0);
	CU_ASSERT_FATAL(cchc_score_compute(&s, a) == 0);
	both[0] = s;
	CU_ASSERT_FATAL(cchc_ranking_build(&r, (const cchc_score *const *)both, 2, d) == 0);
	CU_ASSERT_FATAL(cchc_gap_build(&g, r, "evil", 1, NULL, NULL, d) == 0);
	ASSERT_EQ(cchc_render_html(&b, r, g, NULL, CCHC_LANG_VI), 0);
	CU_ASSERT_FATAL(page_read(&p, &b) == 0);
	/* the name and the note are text, wherever they are written */
	ASSERT_HAS(&b, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;");
	ASSERT_EQ(occurrences(&b, "<script>"), 0);
	ASSERT_EQ(occurrences(&b, "<img"), 0);
	ASSERT_COUNT(&p, "//script", 1);
	ASSERT_STR(string(&p, "//script/@id"), "cchc-sort");
	ASSERT_EQ(strstr(string(&p, "//script"), "alert") == NULL, 1);
	ASSERT_COUNT(&p, "//img | //@onerror", 0);
	/* evidence links: the file percent-encoded, nothing read as markup, a query or a fragment */
	ASSERT_STR(string(&p, "//div[@class='docs']//a[.='<b>QĐ</b>']/@href"), "ev/x%20y%23z%3F.pdf");
	ASSERT_STR(string(&p, "//div[@class='docs']//a[.='QĐ 2']/@href"), "ev/%22%3E%3Cscript%3E.pdf");
	ASSERT_COUNT(&p, "//b", 0);
	CU_ASSERT(count(&p, "//td[contains(., '<script>alert(1)</script> & \"x\"')]") >= 2);
	CU_ASSERT(count(&p, "//td[contains(., '" HOSTILE_NOTE "')]") >= 1);
	ASSERT_STR(string(&p, "/html/head/title"),
	           "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — " HOSTILE_NAME);
	/* nearly everything lost: the Pareto keeps 29 bars and gathers the rest in one */
	CU_ASSERT_FATAL(g->nlosses > 30);
	ASSERT_COUNT(&p, "//svg[contains(@class,'chart-pareto')]//rect[@class='bar']", 30);
	char rest[64];
	snprintf(rest, sizeof rest, "//svg//text[.='+%zu']", g->nlosses - 29);
	ASSERT_COUNT(&p, rest, 1);
	page_free(&p);
	cchc_buf_dispose(&b);
	cchc_gap_free(g);
	cchc_ranking_free(r);
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_diag_free(d);
}

/* ---- setup ---- */

static int load_all(void)
{
	cchc_diag *d = cchc_diag_new();
	char path[256];
	int rc = cchc_criteria_load(&set, test_path("criteria/hue-so-2018.xml"), d);
	const cchc_criteria *sets[1] = {set};
	for (size_t i = 0; rc == 0 && i < NSO; i++) {
		snprintf(path, sizeof path, "samples/hue-2018/so/%s.xml", so_ids[i]);
		if (cchc_assessment_load(&assessments[i], sets, 1, test_path(path), d) < 0 ||
		    cchc_score_compute(&scores[i], assessments[i]) < 0)
			rc = -1;
	}
	if (rc == 0)
		rc = cchc_ranking_build(&ranking, (const cchc_score *const *)scores, NSO, d);
	if (rc == 0)
		rc = cchc_gap_build(&gap, ranking, "skhdt", 10, NULL, NULL, d);
	if (rc < 0)
		fprintf(stderr, "\n%s", test_diag_text(d));
	cchc_diag_free(d);
	return rc;
}

static void cleanup(void)
{
	cchc_gap_free(gap);
	cchc_ranking_free(ranking);
	for (size_t i = 0; i < NSO; i++) {
		cchc_score_free(scores[i]);
		cchc_assessment_free(assessments[i]);
	}
	cchc_criteria_free(set);
	xmlCleanupParser();
}

int main(void)
{
	static const test_case tests[] = {
		{"the page parses with no error, as HTML and as XML", test_parses_cleanly},
		{"ranking table: 21 rows, full names, 18/21, 70,00, Khá", test_ranking_table},
		{"charts: bars, thresholds, heat map, profile, Pareto", test_charts},
		{"agency view: position, plan, causes, task table", test_agency_view},
		{"self-contained: no network, one sort script", test_self_contained},
		{"English labels and 70.00", test_english},
		{"province view without an agency", test_province_only},
		{"two blocks, one section each", test_two_blocks},
		{"hostile name and note are escaped", test_hostile_text_is_escaped},
		{"report: blocks in the order given, titles not ids, the report's title",
		 test_cli_order_and_title},
		{"report: rank uncertainty only with --draws N, labelled an estimate", test_cli_draws},
		{"report: --csv-dialect vi writes ';' and decimal commas", test_cli_csv_dialect},
		{"national scale: the page summarises, criteria.csv in parts", test_national_scale},
		{"report: evidence links lead to the assessment's folder", test_cli_evidence_links},
		{"report: progress on a terminal only", test_cli_progress},
		{"reasons: the criterion's verb, no repeated cause, tiers and units worded", test_reason_wording},
		{NULL, NULL},
	};
	if (load_all() < 0) {
		cleanup();
		return 1;
	}
	int rc = test_run_suite("html", tests);
	cleanup();
	return rc;
}
