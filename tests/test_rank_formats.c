/* The ranking's machine formats read back: the CSV through the RFC 4180 reader
 * csv_read.c, the JSON (cchc-rank/1) through json_read.c, every field
 * checked against the figures worked out by hand below. The fixture is
 * tests/data/rank/tiny-2018.xml with the five assessments of tests/data/rank/tiny/
 * (each file works out its own total in a comment).
 *
 *   agency   A.1  A.2  B.1   B.2 |  A    B    total index band | claims      dev    dev %
 *   snv       2    4   1     2   |  6    3    9     90    Tốt  | 9           0      0
 *   bqlkcn    0    4   1,5   2   |  4    3,5  7,5   75    Khá  | 10 (A.1,B.1 over) +2,5  33,33
 *   stnmt     2    3   1,5   1   |  5    2,5  7,5   75    Khá  | none        —      —
 *   syt       2   1,5  1,5   1   |  3,5  2,5  6     60    Khá  | 5,5         -0,5   8,33
 *   sxd       0   1,5  1,75  1   |  1,5  2,75 4,25  42,5  Yếu  | 3,25        -1     23,53
 *
 * Ranks on the total: 9 → 1; 7,5 and 7,5 tie → 2, 2 (bqlkcn before stnmt, by
 * id); 6 → 4; 4,25 → 5. Gaps: top 9, bottom 4,25; gap_above is to the nearest
 * strictly better total (both 7,5s: 9 − 7,5 = 1,5; 6: 7,5 − 6 = 1,5; 4,25:
 * 6 − 4,25 = 1,75). Group A: 6 > 5 > 4 > 3,5 > 1,5 → snv 1, stnmt 2, bqlkcn 3,
 * syt 4, sxd 5. Group B: 3,5 > 3 > 2,75 > 2,5 = 2,5 → bqlkcn 1, snv 2, sxd 3,
 * stnmt 4, syt 4.
 * Deviation % = |claims − total| / total, hundredths rounded half up:
 * 2,5/7,5 = 33,333… → 33,33; 0,5/6 = 8,333… → 8,33; 1/4,25 = 23,529… → 23,53. */
#include "testutil.h"

#include <stdlib.h>

#include "cchc/report.h"
#include "csv_read.h"
#include "json_read.h"

/* ---- the fixture, rendered and read back ---------------------------------------- */

#define NAGENCIES 5

static struct {
	int tried;
	cchc_criteria *set;
	cchc_assessment *a[NAGENCIES];
	cchc_score *s[NAGENCIES];
	cchc_ranking *r;
	cchc_buf csv, json;
	csv_doc doc;
	json_value *root;
} fx;

static void load_once(void)
{
	/* Loaded in an order unlike the ranking's, which must sort them. */
	static const char *const files[NAGENCIES] = {
		"tests/data/rank/tiny/sxd.xml", "tests/data/rank/tiny/stnmt.xml",
		"tests/data/rank/tiny/snv.xml", "tests/data/rank/tiny/syt.xml",
		"tests/data/rank/tiny/bqlkcn.xml",
	};
	char err[256];
	if (fx.tried) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(fx.root);
		CU_ASSERT_PTR_NOT_NULL_FATAL(fx.doc.rows);
		return;
	}
	fx.tried = 1;
	cchc_buf_init(&fx.csv, CCHC_BUF_DEFAULT_CAP);
	cchc_buf_init(&fx.json, CCHC_BUF_DEFAULT_CAP);
	cchc_diag *d = cchc_diag_new();
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	int rc = cchc_criteria_load(&fx.set, test_path("tests/data/rank/tiny-2018.xml"), d);
	if (rc == 0) {
		const cchc_criteria *sets[] = {fx.set};
		for (size_t i = 0; i < NAGENCIES && rc == 0; i++) {
			rc = cchc_assessment_load(&fx.a[i], sets, 1, test_path(files[i]), d);
			if (rc == 0)
				rc = cchc_score_compute(&fx.s[i], fx.a[i]);
		}
	}
	if (rc == 0)
		rc = cchc_ranking_build(&fx.r, (const cchc_score *const *)fx.s, NAGENCIES, d);
	if (rc != 0 || cchc_diag_count(d) != 0)
		fprintf(stderr, "\n%s", test_diag_text(d));
	ASSERT_EQ(cchc_diag_count(d), 0);
	cchc_diag_free(d);
	CU_ASSERT_EQUAL_FATAL(rc, 0);

	CU_ASSERT_EQUAL_FATAL(cchc_render_ranking_csv(&fx.csv, fx.r), 0);
	CU_ASSERT_EQUAL_FATAL(cchc_render_ranking_json(&fx.json, fx.r), 0);
	if (csv_parse(fx.csv.data, fx.csv.len, &fx.doc, err, sizeof err) < 0)
		fprintf(stderr, "\n    CSV does not parse: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fx.doc.rows);
	fx.root = json_parse(fx.json.data, fx.json.len, err, sizeof err); /* strict: unique keys */
	if (!fx.root)
		fprintf(stderr, "\n    JSON does not parse: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(fx.root);
}

static void cleanup(void)
{
	json_free(fx.root);
	csv_free(&fx.doc);
	cchc_buf_dispose(&fx.csv);
	cchc_buf_dispose(&fx.json);
	cchc_ranking_free(fx.r);
	for (size_t i = 0; i < NAGENCIES; i++) {
		cchc_score_free(fx.s[i]);
		cchc_assessment_free(fx.a[i]);
	}
	cchc_criteria_free(fx.set);
}

/* ---- assertions on JSON values, naming the path when they fail --------------- */

/* Printed before the path in failure messages (the agency being checked);
 * static, so that a fatal assertion cannot leave it dangling. */
static char context[96];

static const char *describe(const json_value *v)
{
	static const char *const names[] = {"null", "false", "true", "a number",
	                                    "a string", "an array", "an object"};
	return v ? names[json_type_of(v)] : "missing";
}

/* A number written exactly as want ("7.5", not "7.50" or 7.4999). */
static void check_num(const json_value *base, const char *path, const char *want, int line)
{
	const json_value *v = json_path(base, path);
	const char *got = json_num_text(v);
	int ok = got && strcmp(got, want) == 0;
	if (!ok)
		fprintf(stderr, "\n    %s:%d: %s%s is %s, expected the number %s\n", __FILE__, line,
		        context, path, got ? got : describe(v), want);
	CU_assertImplementation(ok, (unsigned)line, path, __FILE__, "", CU_FALSE);
}

static void check_int(const json_value *base, const char *path, long want, int line)
{
	char text[24];
	snprintf(text, sizeof text, "%ld", want);
	check_num(base, path, text, line);
}

/* A string; want NULL expects a JSON null. */
static void check_str(const json_value *base, const char *path, const char *want, int line)
{
	const json_value *v = json_path(base, path);
	int ok = want ? json_str(v) && strcmp(json_str(v), want) == 0 : json_is_null(v);
	if (!ok)
		fprintf(stderr, "\n    %s:%d: %s%s is %s%s%s, expected %s%s%s\n", __FILE__, line, context, path,
		        json_str(v) ? "\"" : "", json_str(v) ? json_str(v) : describe(v),
		        json_str(v) ? "\"" : "", want ? "\"" : "", want ? want : "null", want ? "\"" : "");
	CU_assertImplementation(ok, (unsigned)line, path, __FILE__, "", CU_FALSE);
}

static void check_null(const json_value *base, const char *path, int line)
{
	check_str(base, path, NULL, line);
}

#define CHECK_NUM(base, path, want) check_num((base), (path), (want), __LINE__)
#define CHECK_INT(base, path, want) check_int((base), (path), (want), __LINE__)
#define CHECK_STR(base, path, want) check_str((base), (path), (want), __LINE__)
#define CHECK_NULL(base, path) check_null((base), (path), __LINE__)

/* ---- expected values -------------------------------------------------------------- */

#define BQLKCN_NAME "Ban Quản lý các khu công nghiệp, \"Khu kinh tế\" tỉnh"

static const char *const csv_head[] = {
	"block", "rank", "of", "id", "name", "total", "max", "index", "band", "gap_top",
	"gap_bottom", "gap_above", "full", "partial", "zero", "self_total", "self_deviation",
	"self_deviation_pct", "self_check", "group_A", "rank_A", "group_B", "rank_B",
};
#define NCOLS (sizeof csv_head / sizeof *csv_head)

/* Every field of every row, in rank order (ties by id). Two decimals, '.' as
 * the decimal mark; the agency that claimed nothing leaves its three self
 * columns empty. */
static const char *const csv_rows[NAGENCIES][NCOLS] = {
	{"tiny", "1", "5", "snv", "Sở Nội vụ", "9.00", "10.00", "90.00", "Tốt", "0.00", "4.75",
	 "0.00", "3", "1", "0", "9.00", "0.00", "0.00", "0.00", "6.00", "1", "3.00", "2"},
	{"tiny", "2", "5", "bqlkcn", BQLKCN_NAME, "7.50", "10.00", "75.00", "Khá", "1.50", "3.25",
	 "1.50", "2", "1", "1", "10.00", "2.50", "33.33", "0.00", "4.00", "3", "3.50", "1"},
	{"tiny", "2", "5", "stnmt", "Sở Tài nguyên và Môi trường", "7.50", "10.00", "75.00", "Khá",
	 "1.50", "3.25", "1.50", "1", "3", "0", "", "", "", "0.00", "5.00", "2", "2.50", "4"},
	{"tiny", "4", "5", "syt", "Sở Y tế", "6.00", "10.00", "60.00", "Khá", "3.00", "1.75", "1.50",
	 "1", "3", "0", "5.50", "-0.50", "8.33", "0.00", "3.50", "4", "2.50", "4"},
	{"tiny", "5", "5", "sxd", "Sở Xây dựng", "4.25", "10.00", "42.50", "Yếu", "4.75", "0.00",
	 "1.75", "0", "3", "1", "3.25", "-1.00", "23.53", "0.00", "1.50", "5", "2.75", "3"},
};

/* The same agencies in JSON: exact numbers in their shortest form. */
typedef struct {
	long rank;
	const char *id, *name, *total, *index, *band, *gap_top, *gap_bottom, *gap_above;
	long full, partial, zero;
	const char *self_total, *self_deviation, *self_deviation_pct; /* NULL: null */
	const char *overclaimed[3];                                   /* NULL-terminated */
	long rank_a, rank_b;
	const char *points_a, *points_b;
} agency_expect;

static const agency_expect agencies[NAGENCIES] = {
	{1, "snv", "Sở Nội vụ", "9", "90", "Tốt", "0", "4.75", "0", 3, 1, 0, "9", "0", "0",
	 {NULL}, 1, 2, "6", "3"},
	{2, "bqlkcn", BQLKCN_NAME, "7.5", "75", "Khá", "1.5", "3.25", "1.5", 2, 1, 1, "10", "2.5",
	 "33.33", {"A.1", "B.1", NULL}, 3, 1, "4", "3.5"},
	{2, "stnmt", "Sở Tài nguyên và Môi trường", "7.5", "75", "Khá", "1.5", "3.25", "1.5", 1, 3,
	 0, NULL, NULL, NULL, {NULL}, 2, 4, "5", "2.5"},
	{4, "syt", "Sở Y tế", "6", "60", "Khá", "3", "1.75", "1.5", 1, 3, 0, "5.5", "-0.5", "8.33",
	 {NULL}, 4, 4, "3.5", "2.5"},
	{5, "sxd", "Sở Xây dựng", "4.25", "42.5", "Yếu", "4.75", "0", "1.75", 0, 3, 1, "3.25", "-1",
	 "23.53", {NULL}, 5, 3, "1.5", "2.75"},
};

/* ---- CSV --------------------------------------------------------------------------- */

static void test_csv_reader(void)
{
	/* the reader itself, on the cases RFC 4180 is about */
	static const char good[] = "a,\"b,c\",\"d\"\"e\",\"f\r\ng\",\r\n,x\r\n\"\"";
	char err[128];
	csv_doc d;
	CU_ASSERT_EQUAL_FATAL(csv_parse(good, strlen(good), &d, err, sizeof err), 0);
	ASSERT_EQ(d.n, 3);
	ASSERT_EQ(d.rows[0].n, 5);
	ASSERT_STR(d.rows[0].f[0], "a");
	ASSERT_STR(d.rows[0].f[1], "b,c");
	ASSERT_STR(d.rows[0].f[2], "d\"e");
	ASSERT_STR(d.rows[0].f[3], "f\r\ng");
	ASSERT_STR(d.rows[0].f[4], "");
	ASSERT_EQ(d.rows[1].n, 2);
	ASSERT_STR(d.rows[1].f[0], "");
	ASSERT_STR(d.rows[1].f[1], "x");
	ASSERT_EQ(d.rows[2].n, 1);
	ASSERT_STR(d.rows[2].f[0], "");
	csv_free(&d);

	static const char *const bad[] = {
		"a\"b,c\r\n",   /* quote inside a plain field */
		"\"ab\"c,d\r\n", /* data after the closing quote */
		"\"abc\r\n",    /* unterminated */
		"a,b\nc,d\r\n", /* bare LF */
		"a,b\rc\r\n",   /* bare CR */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int rc = csv_parse(bad[i], strlen(bad[i]), &d, err, sizeof err);
		if (rc == 0)
			fprintf(stderr, "\n    CSV case %zu was accepted\n", i);
		ASSERT_EQ(rc, -1);
		ASSERT_EQ(d.n, 0);
	}
}

static void test_csv_header(void)
{
	load_once();
	const csv_row *h = &fx.doc.rows[0];
	ASSERT_EQ(h->n, NCOLS);
	for (size_t c = 0; c < NCOLS && c < h->n; c++)
		ASSERT_STR(h->f[c], csv_head[c]);
	/* the header line, byte for byte */
	static const char line[] =
		"block,rank,of,id,name,total,max,index,band,gap_top,gap_bottom,gap_above,full,partial,"
		"zero,self_total,self_deviation,self_deviation_pct,self_check,group_A,rank_A,group_B,"
		"rank_B\r\n";
	const char *eol = strstr(fx.csv.data, "\r\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(eol);
	ASSERT_EQ(eol + 2 - fx.csv.data, strlen(line));
	CU_ASSERT_NSTRING_EQUAL(fx.csv.data, line, strlen(line));
}

static void test_csv_rows(void)
{
	load_once();
	ASSERT_EQ(fx.doc.n, 1 + NAGENCIES);
	for (size_t i = 0; i < NAGENCIES && i + 1 < fx.doc.n; i++) {
		const csv_row *row = &fx.doc.rows[i + 1];
		ASSERT_EQ(row->n, NCOLS);
		for (size_t c = 0; c < NCOLS && c < row->n; c++) {
			if (strcmp(row->f[c], csv_rows[i][c]) != 0)
				fprintf(stderr, "\n    agency row %zu (%s), column %s:", i + 1, csv_rows[i][3],
				        csv_head[c]);
			ASSERT_STR(row->f[c], csv_rows[i][c]);
		}
	}
}

static void test_csv_quoting(void)
{
	load_once();
	/* Only the name with a comma and quotes is quoted, its quotes doubled;
	 * diacritics pass through as UTF-8; every record ends with CRLF. */
	CU_ASSERT_PTR_NOT_NULL(
		strstr(fx.csv.data, ",bqlkcn,\"Ban Quản lý các khu công nghiệp, \"\"Khu kinh tế\"\" tỉnh\",7.50,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(fx.csv.data, ",stnmt,Sở Tài nguyên và Môi trường,7.50,"));
	size_t quotes = 0, crlf = 0;
	for (size_t i = 0; i < fx.csv.len; i++) {
		quotes += fx.csv.data[i] == '"';
		if (fx.csv.data[i] == '\n') {
			ASSERT_EQ(i > 0 && fx.csv.data[i - 1] == '\r', 1);
			crlf++;
		}
	}
	ASSERT_EQ(quotes, 6); /* the opening, two doubled, the closing */
	ASSERT_EQ(crlf, 1 + NAGENCIES);
	ASSERT_EQ(fx.csv.len >= 2 && memcmp(fx.csv.data + fx.csv.len - 2, "\r\n", 2) == 0, 1);
}

/* ---- JSON --------------------------------------------------------------------------- */

static void test_json_block(void)
{
	load_once();
	const json_value *root = fx.root;
	ASSERT_EQ(json_type_of(root), JSON_OBJECT);
	CHECK_STR(root, "schema", "cchc-rank/1");
	ASSERT_EQ(json_len(json_get(root, "blocks")), 1);
	CHECK_STR(root, "blocks.0.id", "tiny");
	CHECK_STR(root, "blocks.0.criteria_set.id", "tiny-2018");
	CHECK_STR(root, "blocks.0.criteria_set.title", "Bộ chỉ số thử nghiệm «tí hon» năm 2018");
	CHECK_INT(root, "blocks.0.criteria_set.year", 2018);
	CHECK_NUM(root, "blocks.0.criteria_set.max", "10");
	ASSERT_EQ(json_len(json_path(root, "blocks.0.agencies")), NAGENCIES);
}

static void test_json_agencies(void)
{
	load_once();
	const json_value *list = json_path(fx.root, "blocks.0.agencies");
	ASSERT_EQ(json_len(list), NAGENCIES);
	for (size_t i = 0; i < NAGENCIES; i++) {
		const agency_expect *x = &agencies[i];
		const json_value *ag = json_at(list, i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(ag);
		snprintf(context, sizeof context, "agencies.%zu (%s).", i, x->id);
		CHECK_INT(ag, "rank", x->rank);
		CHECK_INT(ag, "of", NAGENCIES);
		CHECK_STR(ag, "id", x->id);
		CHECK_STR(ag, "name", x->name);
		/* the assessment it came from (loaded by absolute path) */
		char tail[64];
		snprintf(tail, sizeof tail, "/tests/data/rank/tiny/%s.xml", x->id);
		const char *file = json_str(json_get(ag, "file"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(file);
		ASSERT_EQ(strlen(file) > strlen(tail) &&
		              strcmp(file + strlen(file) - strlen(tail), tail) == 0,
		          1);
		CHECK_NUM(ag, "total", x->total);
		CHECK_NUM(ag, "max", "10");
		CHECK_NUM(ag, "index", x->index);
		CHECK_STR(ag, "band", x->band);
		CHECK_NUM(ag, "gap_top", x->gap_top);
		CHECK_NUM(ag, "gap_bottom", x->gap_bottom);
		CHECK_NUM(ag, "gap_above", x->gap_above);
		CHECK_INT(ag, "counts.full", x->full);
		CHECK_INT(ag, "counts.partial", x->partial);
		CHECK_INT(ag, "counts.zero", x->zero);
		if (x->self_total) {
			CHECK_NUM(ag, "self_total", x->self_total);
			CHECK_NUM(ag, "self_deviation", x->self_deviation);
			CHECK_NUM(ag, "self_deviation_pct", x->self_deviation_pct);
		} else {
			CHECK_NULL(ag, "self_total");
			CHECK_NULL(ag, "self_deviation");
			CHECK_NULL(ag, "self_deviation_pct");
		}
		CHECK_NUM(ag, "self_check", "0");
		const json_value *over = json_get(ag, "overclaimed");
		ASSERT_EQ(json_type_of(over), JSON_ARRAY);
		size_t nover = 0;
		while (x->overclaimed[nover])
			nover++;
		ASSERT_EQ(json_len(over), nover);
		for (size_t k = 0; k < nover; k++)
			ASSERT_STR(json_str(json_at(over, k)), x->overclaimed[k]);
		ASSERT_EQ(json_len(json_get(ag, "group_ranks")), 2);
		CHECK_INT(ag, "group_ranks.A", x->rank_a);
		CHECK_INT(ag, "group_ranks.B", x->rank_b);
		ASSERT_EQ(json_len(json_get(ag, "group_points")), 2);
		CHECK_NUM(ag, "group_points.A", x->points_a);
		CHECK_NUM(ag, "group_points.B", x->points_b);
		/* groups in file order */
		ASSERT_STR(json_key_at(json_get(ag, "group_ranks"), 0), "A");
		ASSERT_STR(json_key_at(json_get(ag, "group_ranks"), 1), "B");
	}
	context[0] = '\0';
}

/* Block statistics, display figures with at most 4 decimals; sd is the
 * sample standard deviation (n − 1).
 *
 * Totals 9; 7,5; 7,5; 6; 4,25: sum 34,25, mean 6,85; sorted 4,25 6 7,5 7,5 9,
 * median 7,5. Deviations 2,15 0,65 0,65 −0,85 −2,6, squares 4,6225 0,4225
 * 0,4225 0,7225 6,76 = 12,95; / 4 = 3,2375; √ = 1,79930… → 1.7993.
 *
 * Claims (the four agencies that claimed) 9; 10; 5,5; 3,25: sum 27,75, mean
 * 6,9375; median (5,5 + 9) / 2 = 7,25. Deviations 2,0625 3,0625 −1,4375
 * −3,6875, squares 4,25390625 9,37890625 2,06640625 13,59765625 = 29,296875;
 * / 3 = 9,765625 = 3,125².
 *
 * Their final totals 9; 7,5; 6; 4,25: sum 26,75, mean 6,6875; median
 * (6 + 7,5) / 2 = 6,75. Deviations 2,3125 0,8125 −0,6875 −2,4375, squares
 * 5,34765625 0,66015625 0,47265625 5,94140625 = 12,421875; / 3 = 4,140625;
 * √ = 2,03485… → 2.0349.
 *
 * Group A 6; 4; 5; 3,5; 1,5: sum 20, mean 4, median 4; squares of deviations
 * 4 0 1 0,25 6,25 = 11,5; / 4 = 2,875; √ = 1,69558… → 1.6956; one agency at
 * the max (share 0,2), four losing 30 − 20 = 10 points.
 * Group B 3; 3,5; 2,5; 2,5; 2,75: sum 14,25, mean 2,85, median 2,75; squares
 * 0,0225 0,4225 0,1225 0,1225 0,01 = 0,7; / 4 = 0,175; √ = 0,41833… → 0.4183;
 * none at the max, all five losing 20 − 14,25 = 5,75. */
static void test_json_statistics(void)
{
	load_once();
	const json_value *st = json_path(fx.root, "blocks.0.statistics");
	ASSERT_EQ(json_type_of(st), JSON_OBJECT);
	static const struct {
		const char *path, *n, *mean, *median, *sd, *min, *max;
	} figures[] = {
		{"total", "5", "6.85", "7.5", "1.7993", "4.25", "9"},
		{"self_total", "4", "6.9375", "7.25", "3.125", "3.25", "10"},
		{"self_final", "4", "6.6875", "6.75", "2.0349", "4.25", "9"},
	};
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++) {
		const json_value *f = json_get(st, figures[i].path);
		CU_ASSERT_PTR_NOT_NULL_FATAL(f);
		snprintf(context, sizeof context, "statistics.%s.", figures[i].path);
		CHECK_NUM(f, "n", figures[i].n);
		CHECK_NUM(f, "mean", figures[i].mean);
		CHECK_NUM(f, "median", figures[i].median);
		CHECK_NUM(f, "sd", figures[i].sd);
		CHECK_NUM(f, "min", figures[i].min);
		CHECK_NUM(f, "max", figures[i].max);
	}
	context[0] = '\0';

	/* Groups and criteria: A.1 2 0 2 2 0 (mean 1,2, median 2, squares 0,64×3 +
	 * 1,44×2 = 4,8, / 4 = 1,2, √ = 1,0954…; three at the max, two losing 4);
	 * A.2 4 4 3 1,5 1,5 (mean 2,8, median 3, squares 1,44×2 + 0,04 + 1,69×2 =
	 * 6,3, / 4 = 1,575, √ = 1,25499… → 1.255; two at the max, three losing
	 * 1 + 2,5 + 2,5 = 6); B.1 1 1,5 1,5 1,5 1,75 (mean 1,45, median 1,5,
	 * squares 0,2025 + 0,0025×3 + 0,09 = 0,3, / 4 = 0,075, √ = 0,27386… →
	 * 0.2739; all losing 1 + 0,5×3 + 0,25 = 2,75); B.2 2 2 1 1 1 (mean 1,4,
	 * median 1, squares 0,36×2 + 0,16×3 = 1,2, / 4 = 0,3, √ = 0,54772… →
	 * 0.5477; two at the max, three losing 3). */
	static const struct {
		const char *id, *title, *max, *mean, *median, *sd, *min, *maxv, *share;
		long losing;
		const char *lost;
	} nodes[] = {
		{"A", "Chỉ đạo, điều hành", "6", "4", "4", "1.6956", "1.5", "6", "0.2", 4, "10"},
		{"B", "Thủ tục hành chính", "4", "2.85", "2.75", "0.4183", "2.5", "3.5", "0", 5, "5.75"},
		{"A.1", "Ban hành kế hoạch CCHC năm", "2", "1.2", "2", "1.0954", "0", "2", "0.6", 2, "4"},
		{"A.2", "Tỷ lệ hoàn thành kế hoạch", "4", "2.8", "3", "1.255", "1.5", "4", "0.4", 3, "6"},
		{"B.1", "Tin, bài tuyên truyền CCHC", "2", "1.45", "1.5", "0.2739", "1", "1.75", "0", 5,
		 "2.75"},
		{"B.2", "Hồ sơ giải quyết trễ hạn", "2", "1.4", "1", "0.5477", "1", "2", "0.4", 3, "3"},
	};
	ASSERT_EQ(json_len(json_get(st, "groups")), 2);
	ASSERT_EQ(json_len(json_get(st, "criteria")), 4);
	for (size_t i = 0; i < sizeof nodes / sizeof *nodes; i++) {
		const json_value *n = i < 2 ? json_at(json_get(st, "groups"), i)
		                            : json_at(json_get(st, "criteria"), i - 2);
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		snprintf(context, sizeof context, "statistics node %s: ", nodes[i].id);
		CHECK_STR(n, "id", nodes[i].id);
		CHECK_STR(n, "title", nodes[i].title);
		CHECK_NUM(n, "max_points", nodes[i].max);
		CHECK_INT(n, "n", NAGENCIES);
		CHECK_NUM(n, "mean", nodes[i].mean);
		CHECK_NUM(n, "median", nodes[i].median);
		CHECK_NUM(n, "sd", nodes[i].sd);
		CHECK_NUM(n, "min", nodes[i].min);
		CHECK_NUM(n, "max", nodes[i].maxv); /* the highest points any agency got */
		CHECK_NUM(n, "share_full", nodes[i].share);
		CHECK_INT(n, "agencies_losing", nodes[i].losing);
		CHECK_NUM(n, "points_lost", nodes[i].lost);
	}
	context[0] = '\0';

	/* Most lost: B.1 (5 agencies); A.2 and B.2 (3 each, 6 points lost before 3);
	 * A.1 (2). */
	static const char *const most_lost[] = {"B.1", "A.2", "B.2", "A.1"};
	const json_value *ml = json_get(st, "most_lost");
	ASSERT_EQ(json_len(ml), 4);
	for (size_t i = 0; i < 4; i++)
		ASSERT_STR(json_str(json_at(ml, i)), most_lost[i]);
}

/* RFC 8259: "The names within an object SHOULD be unique"; with repeated
 * names, readers disagree (most keep the last, some the first, some fail). */
static void test_json_unique_keys(void)
{
	char err[256];
	load_once();
	json_value *strict = json_parse(fx.json.data, fx.json.len, err, sizeof err);
	if (!strict)
		fprintf(stderr, "\n    the cchc-rank/1 document repeats a key: %s\n", err);
	CU_ASSERT_PTR_NOT_NULL(strict);
	json_free(strict);
}

/* The two formats describe the same ranking, row for row. */
static void test_csv_json_agree(void)
{
	load_once();
	const json_value *list = json_path(fx.root, "blocks.0.agencies");
	ASSERT_EQ(json_len(list), fx.doc.n - 1);
	for (size_t i = 0; i + 1 < fx.doc.n && i < json_len(list); i++) {
		const csv_row *row = &fx.doc.rows[i + 1];
		const json_value *ag = json_at(list, i);
		CU_ASSERT_FATAL(row->n == NCOLS);
		ASSERT_STR(row->f[3], json_str(json_get(ag, "id")));
		ASSERT_STR(row->f[4], json_str(json_get(ag, "name")));
		ASSERT_STR(row->f[8], json_str(json_get(ag, "band")));
		ASSERT_EQ(strtol(row->f[1], NULL, 10), (long)json_num(json_get(ag, "rank")));
		/* exact decimals: "7.50" and 7.5 are the same double */
		static const struct {
			size_t col;
			const char *path;
		} same[] = {{5, "total"},       {7, "index"},        {9, "gap_top"},
		            {10, "gap_bottom"}, {11, "gap_above"},   {19, "group_points.A"},
		            {21, "group_points.B"}, {20, "group_ranks.A"}, {22, "group_ranks.B"}};
		for (size_t k = 0; k < sizeof same / sizeof *same; k++) {
			double c = strtod(row->f[same[k].col], NULL);
			double j = json_num(json_path(ag, same[k].path));
			if (c != j)
				fprintf(stderr, "\n    %s: CSV %s, JSON %g\n", same[k].path,
				        row->f[same[k].col], j);
			CU_ASSERT(c == j);
		}
	}
}

/* ---- json_read itself ---------------------------------------------------------------- */

static void test_json_reader_rejects(void)
{
	static const struct {
		const char *text;
		size_t len; /* 0: strlen */
		const char *needle;
	} bad[] = {
		{"", 0, "missing"},
		{"   ", 0, "missing"},
		{"[1,2,]", 0, "trailing comma"},
		{"{\"a\":1,}", 0, "trailing comma"},
		{"{\"a\":1} x", 0, "garbage after the value"},
		{"1 2", 0, "garbage after the value"},
		{"truex", 0, "garbage after the value"},
		{"[1]\0", 4, "garbage after the value"},
		{"\"abc", 0, "unterminated string"},
		{"[\"abc\\", 0, "unterminated string"},
		{"[1 2]", 0, "expected ',' or ']'"},
		{"[1", 0, "unterminated array"},
		{"{\"a\":1", 0, "unterminated object"},
		{"{\"a\" 1}", 0, "expected ':'"},
		{"{1:2}", 0, "expected a string key"},
		{"{\"a\":1,\"a\":2}", 0, "duplicate key \"a\""},
		{"01", 0, "leading zero"},
		{"-", 0, "needs a digit"},
		{"1.", 0, "fraction"},
		{"1e", 0, "exponent"},
		{"1e999", 0, "out of range"},
		{"+1", 0, "unexpected '+'"},
		{".5", 0, "unexpected '.'"},
		{"NaN", 0, "unexpected 'N'"},
		{"'a'", 0, "unexpected '''"},
		{"/* c */ 1", 0, "unexpected '/'"},
		{"tru", 0, "invalid literal"},
		{"nul", 0, "invalid literal"},
		{"\"a\tb\"", 0, "control character 0x09"},
		{"\"\\x\"", 0, "invalid escape"},
		{"\"\\u12\"", 0, "four hex digits"},
		{"\"\\ud800\"", 0, "without its low surrogate"},
		{"\"\\ud800\\u0041\"", 0, "other than a low surrogate"},
		{"\"\\udc00\"", 0, "lone low surrogate"},
		{"\"\xc3\x28\"", 0, "invalid UTF-8"},
		{"\"\xc0\xaf\"", 0, "invalid UTF-8"},     /* overlong '/' */
		{"\"\xed\xa0\x80\"", 0, "invalid UTF-8"}, /* an encoded surrogate */
		{"\"\xf4\x90\x80\x80\"", 0, "invalid UTF-8"}, /* above U+10FFFF */
		{"\"\xe1\xbb\"", 0, "invalid UTF-8"},     /* cut short */
		{"\xef\xbb\xbf{}", 0, "byte order mark"},
		{"[1,\n  x]", 0, "line 2, column 3: unexpected 'x'"},
	};
	char err[256];
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		size_t len = bad[i].len ? bad[i].len : strlen(bad[i].text);
		json_value *v = json_parse(bad[i].text, len, err, sizeof err);
		int ok = v == NULL && strstr(err, bad[i].needle) != NULL;
		if (!ok)
			fprintf(stderr, "\n    case %zu: %s; error \"%s\", expected \"%s\"\n", i,
			        v ? "accepted" : "rejected", err, bad[i].needle);
		CU_ASSERT(ok);
		json_free(v);
	}

	/* nesting: JSON_READ_MAX_DEPTH levels parse, one more does not */
	char deep[2 * (JSON_READ_MAX_DEPTH + 1)];
	for (size_t depth = JSON_READ_MAX_DEPTH; depth <= JSON_READ_MAX_DEPTH + 1; depth++) {
		memset(deep, '[', depth);
		memset(deep + depth, ']', depth);
		json_value *v = json_parse(deep, 2 * depth, err, sizeof err);
		if (depth == JSON_READ_MAX_DEPTH) {
			CU_ASSERT_PTR_NOT_NULL(v);
			ASSERT_EQ(json_len(v), 1);
		} else {
			CU_ASSERT_PTR_NULL(v);
			CU_ASSERT_PTR_NOT_NULL(strstr(err, "nesting deeper"));
		}
		json_free(v);
	}

	/* every proper prefix of the rendered ranking is incomplete (a truncated
	 * file never reads as a document) */
	load_once();
	size_t end = fx.json.len;
	while (end > 0 && fx.json.data[end - 1] != '}')
		end--;
	size_t accepted = 0;
	for (size_t n = 0; n < end; n++) {
		json_value *v = json_parse_ex(fx.json.data, n, JSON_READ_ALLOW_DUPLICATE_KEYS, err,
		                              sizeof err);
		accepted += v != NULL;
		json_free(v);
	}
	ASSERT_EQ(accepted, 0);
	ASSERT_EQ(end > 1000, 1);
}

static void test_json_reader_accepts(void)
{
	static const char text[] =
		" \t\r\n{\"s\" : \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\",\n"
		"\"u\":\"\\u0041\\u00e9\\u1EC7\",\"pair\":\"\\ud83d\\ude00\",\"nul\":\"x\\u0000y\",\n"
		"\"raw\":\"Sở Nội vụ \xf0\x9f\x98\x80\",\n"
		"\"n\":[0,-0,12.5e-1,1E+2,-0.25,7,2e-1],\"t\":true,\"f\":false,\"z\":null,"
		"\"e\":{},\"a\":[ ],\"\":{\"x.y\":1}} \n";
	char err[256];
	json_value *v = json_parse(text, strlen(text), err, sizeof err);
	if (!v)
		fprintf(stderr, "\n    %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	ASSERT_EQ(json_type_of(v), JSON_OBJECT);
	ASSERT_EQ(json_len(v), 12);
	ASSERT_STR(json_key_at(v, 0), "s");
	ASSERT_STR(json_key_at(v, 11), "");
	CU_ASSERT_PTR_NULL(json_key_at(v, 12));
	ASSERT_STR(json_str(json_get(v, "s")), "a\"b\\c/d\b\f\n\r\t");
	ASSERT_STR(json_str(json_get(v, "u")), "A\xc3\xa9\xe1\xbb\x87"); /* A é ệ */
	ASSERT_STR(json_str(json_get(v, "pair")), "\xf0\x9f\x98\x80"); /* U+1F600 */
	ASSERT_EQ(json_str_len(json_get(v, "nul")), 3);
	CU_ASSERT_EQUAL(memcmp(json_str(json_get(v, "nul")), "x\0y", 4), 0);
	ASSERT_STR(json_str(json_get(v, "raw")), "Sở Nội vụ \xf0\x9f\x98\x80");

	const json_value *n = json_get(v, "n");
	ASSERT_EQ(json_len(n), 7);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 0)), 0.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 1)), 0.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 2)), 1.25, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 3)), 100.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 4)), -0.25, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 5)), 7.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(json_num(json_at(n, 6)), 0.2, 1e-15);
	ASSERT_STR(json_num_text(json_at(n, 2)), "12.5e-1");
	ASSERT_STR(json_num_text(json_at(n, 1)), "-0");
	CU_ASSERT(json_num(json_get(v, "s")) != json_num(json_get(v, "s"))); /* NaN: not a number */

	ASSERT_EQ(json_bool(json_get(v, "t")), 1);
	ASSERT_EQ(json_bool(json_get(v, "f")), 0);
	ASSERT_EQ(json_bool(json_get(v, "z")), -1);
	ASSERT_EQ(json_is_null(json_get(v, "z")), 1);
	ASSERT_EQ(json_is_null(json_get(v, "missing")), 0);
	ASSERT_EQ(json_type_of(json_get(v, "e")), JSON_OBJECT);
	ASSERT_EQ(json_len(json_get(v, "e")), 0);
	ASSERT_EQ(json_type_of(json_get(v, "a")), JSON_ARRAY);
	ASSERT_EQ(json_len(json_get(v, "a")), 0);

	/* paths */
	CU_ASSERT_PTR_EQUAL(json_path(v, ""), v);
	ASSERT_STR(json_num_text(json_path(v, "n.4")), "-0.25");
	CU_ASSERT_PTR_NULL(json_path(v, "n.7"));
	CU_ASSERT_PTR_NULL(json_path(v, "n.x"));
	CU_ASSERT_PTR_NULL(json_path(v, "n."));
	CU_ASSERT_PTR_NULL(json_path(v, "s.0"));
	CU_ASSERT_PTR_NULL(json_path(v, "n.99999999999999999999999"));
	ASSERT_EQ(json_len(json_path(v, "")), 12);
	CU_ASSERT_PTR_NULL(json_get(n, "0")); /* arrays have no keys */
	CU_ASSERT_PTR_NULL(json_at(v, 0));    /* objects have no indices */
	json_free(v);

	/* scalars at the top */
	static const char *const scalars[] = {"42", " \"x\" ", "null", "true", "-1.5E3"};
	for (size_t i = 0; i < sizeof scalars / sizeof *scalars; i++) {
		json_value *s = json_parse(scalars[i], strlen(scalars[i]), err, sizeof err);
		CU_ASSERT_PTR_NOT_NULL(s);
		json_free(s);
	}
	json_value *big = json_parse("-1.5E3", 6, err, sizeof err);
	CU_ASSERT_DOUBLE_EQUAL(json_num(big), -1500.0, 0.0);
	json_free(big);
}

int main(void)
{
	static const test_case tests[] = {
		{"CSV reader: RFC 4180 quoting, CRLF, malformed records", test_csv_reader},
		{"CSV header row", test_csv_header},
		{"CSV rows: every field of every agency", test_csv_rows},
		{"CSV quoting of a name with a comma and quotes", test_csv_quoting},
		{"JSON schema, block and criteria set", test_json_block},
		{"JSON agencies: ranks, gaps, groups, self-assessment", test_json_agencies},
		{"JSON block statistics", test_json_statistics},
		{"JSON object keys are unique", test_json_unique_keys},
		{"CSV and JSON agree", test_csv_json_agree},
		{"json_read rejects malformed JSON", test_json_reader_rejects},
		{"json_read decodes escapes, numbers and paths", test_json_reader_accepts},
		{NULL, NULL},
	};
	int rc = test_run_suite("rank_formats", tests);
	cleanup();
	return rc;
}
