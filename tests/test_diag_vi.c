/* The engine's diagnostics in Vietnamese (reports/diag_vi.c): every message
 * format in engine/src has its Vietnamese, each saying every value once, and
 * real messages provoked through the engine come out in exact words. */
#define _POSIX_C_SOURCE 200809L /* strdup, opendir */
#include <dirent.h>
#include <stdlib.h>

#include "cchc/diag_say.h"
#include "testutil.h"

/* ------------------------------------------------------------ the engine's formats */

#define MAX_FORMATS 400
#define MAX_MACROS 32

typedef struct {
	char *fmt;
	char where[96];
} format;

typedef struct {
	format f[MAX_FORMATS];
	size_t n;
	char macro_name[MAX_MACROS][64];
	char *macro_value[MAX_MACROS];
	size_t nmacros;
} formats;

static int ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The literal at s (*s == '"'), decoded, appended to out; returns past its quote. */
static const char *literal(const char *s, char *out, size_t size)
{
	size_t k = strlen(out);
	for (s++; *s && *s != '"'; s++) {
		char c = *s;
		if (c == '\\') {
			c = *++s;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		}
		if (k + 1 < size)
			out[k++] = c;
	}
	out[k] = '\0';
	return *s ? s + 1 : s;
}

static const char *skip_comment(const char *s)
{
	if (s[0] == '/' && s[1] == '*') {
		const char *e = strstr(s + 2, "*/");
		return e ? e + 2 : s + strlen(s);
	}
	if (s[0] == '/' && s[1] == '/') {
		const char *e = strchr(s, '\n');
		return e ? e : s + strlen(s);
	}
	return s;
}

static void add_format(formats *fs, const char *fmt, const char *file, const char *src, const char *at)
{
	if (strcmp(fmt, "%s") == 0 || fs->n == MAX_FORMATS)
		return; /* a message made elsewhere, passed through: its parts are in the table */
	long line = 1;
	for (const char *p = src; p < at; p++)
		line += *p == '\n';
	format *f = &fs->f[fs->n++];
	f->fmt = strdup(fmt);
	snprintf(f->where, sizeof f->where, "%s:%ld", file, line);
}

/* The argument list at s (just past '('): each run of adjacent literals (and
 * string macros) of argument `want` is a format ("a ? \"x\" : \"y\"" gives two). */
static void arguments(formats *fs, const char *s, int want, const char *file, const char *src)
{
	char run[2048] = "";
	int depth = 1, arg = 0, in_run = 0;
	while (*s && depth > 0) {
		const char *c = skip_comment(s);
		if (c != s) {
			s = c;
			continue;
		}
		if (*s == '"') {
			if (arg == want) {
				s = literal(s, run, sizeof run);
				in_run = 1;
				continue;
			}
			for (s++; *s && *s != '"'; s++)
				s += *s == '\\';
			s += *s == '"';
			continue;
		}
		if (*s == '\'') {
			for (s++; *s && *s != '\''; s++)
				s += *s == '\\';
			s += *s == '\'';
			continue;
		}
		if (ident_char(*s)) {
			const char *e = s;
			while (ident_char(*e))
				e++;
			size_t i = 0;
			while (i < fs->nmacros && !(strlen(fs->macro_name[i]) == (size_t)(e - s) &&
			                            strncmp(fs->macro_name[i], s, (size_t)(e - s)) == 0))
				i++;
			if (arg == want && i < fs->nmacros && in_run) {
				strncat(run, fs->macro_value[i], sizeof run - strlen(run) - 1);
			} else if (arg == want && in_run) {
				add_format(fs, run, file, src, s);
				run[0] = '\0';
				in_run = 0;
			}
			s = e;
			continue;
		}
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			s++;
			continue;
		}
		if (arg == want && in_run) {
			add_format(fs, run, file, src, s);
			run[0] = '\0';
			in_run = 0;
		}
		depth += *s == '(' || *s == '[' || *s == '{';
		depth -= *s == ')' || *s == ']' || *s == '}';
		arg += *s == ',' && depth == 1;
		s++;
	}
}

/* `#define NAME "literal"`: the names a format may be built with. */
static void macros(formats *fs, const char *src)
{
	fs->nmacros = 0;
	for (const char *p = strstr(src, "#define "); p; p = strstr(p + 1, "#define ")) {
		const char *n = p + 8, *e = n;
		while (ident_char(*e))
			e++;
		const char *v = e;
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v != '"' || e == n || (size_t)(e - n) >= 64 || fs->nmacros == MAX_MACROS)
			continue;
		char value[512] = "";
		literal(v, value, sizeof value);
		memcpy(fs->macro_name[fs->nmacros], n, (size_t)(e - n));
		fs->macro_name[fs->nmacros][e - n] = '\0';
		fs->macro_value[fs->nmacros++] = strdup(value);
	}
}

/* Every format given to cchc_diag_addf/addw (4th argument), to a loader's
 * FAIL macro or to a reader's refuse() (3rd). */
static void scan(formats *fs, const char *file, const char *src)
{
	static const struct {
		const char *name;
		int arg;
	} calls[] = {{"cchc_diag_addf", 3}, {"cchc_diag_addw", 3}, {"FAIL", 2}, {"refuse", 2}};
	macros(fs, src);
	for (size_t c = 0; c < sizeof calls / sizeof *calls; c++) {
		size_t len = strlen(calls[c].name);
		for (const char *p = strstr(src, calls[c].name); p; p = strstr(p + len, calls[c].name)) {
			const char *q = p + len;
			while (*q == ' ')
				q++;
			if ((p > src && ident_char(p[-1])) || *q != '(')
				continue;
			arguments(fs, q + 1, calls[c].arg, file, src);
		}
	}
	for (size_t i = 0; i < fs->nmacros; i++)
		free(fs->macro_value[i]);
}

static void engine_formats(formats *fs)
{
	fs->n = 0;
	DIR *d = opendir(test_path("engine/src"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0 || strcmp(e->d_name, "diag.c") == 0)
			continue;
		char rel[300];
		snprintf(rel, sizeof rel, "engine/src/%s", e->d_name);
		char *src = test_read_file(test_path(rel), NULL);
		CU_ASSERT_PTR_NOT_NULL_FATAL(src);
		scan(fs, rel, src);
		free(src);
	}
	closedir(d);
	/* the Word documents' header values: --document files and the server's PUT …/document */
	static const char docx_info[] = "reports/docx/docx_info.c";
	char *src = test_read_file(test_path(docx_info), NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(src);
	scan(fs, docx_info, src);
	free(src);
}

static void formats_free(formats *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->f[i].fmt);
}

/* A new engine message without Vietnamese fails here, named with its place. */
static void test_every_format_has_vietnamese(void)
{
	static formats fs;
	engine_formats(&fs);
	CU_ASSERT(fs.n >= 170); /* the scanner still finds the engine's calls */
	size_t nt;
	const cchc_diag_phrase *t = cchc_diag_vi_table(&nt);
	for (size_t i = 0; i < fs.n; i++) {
		size_t k = 0;
		while (k < nt && strcmp(t[k].en, fs.f[i].fmt) != 0)
			k++;
		if (k == nt)
			fprintf(stderr, "\n    %s: \"%s\" has no Vietnamese in reports/diag_vi_table.c", fs.f[i].where,
			        fs.f[i].fmt);
		CU_ASSERT(k < nt);
	}
	/* the three kinds of call, the string macro and the conditional format are read */
	const char *want[] = {"no criteria set to check the assessment against",
	                      "%s inside <assessments>: a bundle holds <assessment> elements only",
	                      "group \"%s\" has no criteria: add at least one <criterion>",
	                      "criterion \"%s\" has neither a <rule> nor sub-criteria: add one",
	                      "criterion \"%s\": from and to must differ",
	                      "not a regular file: give the path of an XML file"};
	for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
		size_t i = 0;
		while (i < fs.n && strcmp(fs.f[i].fmt, want[w]) != 0)
			i++;
		CU_ASSERT(i < fs.n);
	}
	formats_free(&fs);
}

/* ------------------------------------------------------------ the table itself */

/* The conversions of an English pattern, as the matcher reads them. */
static int conversions(const char *en)
{
	int n = 0;
	for (const char *p = strchr(en, '%'); p; p = strchr(p + 1, '%')) {
		size_t k = 1;
		if (p[1] == '%') {
			p++;
			continue;
		}
		if (p[1] == '.') {
			k = p[2] == '*' ? 3 : 2;
			while (p[k] >= '0' && p[k] <= '9')
				k++;
			n += p[k] == 's';
			continue;
		}
		while (p[k] == 'l' || p[k] == 'z' || p[k] == 'h' || p[k] == 'j')
			k++;
		n += p[k] == 's' || p[k] == 'd' || p[k] == 'i' || p[k] == 'u';
	}
	return n;
}

/* Each Vietnamese says each of its pattern's values, none beyond them. */
static void check_values(const cchc_diag_phrase *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		int n = conversions(t[i].en), used[10] = {0}, ok = 1;
		for (const char *v = strchr(t[i].vi, '%'); v; v = strchr(v + 1, '%')) {
			const char *d = v + 1 + (v[1] == 'r' || v[1] == 'm' || v[1] == 'x');
			if (*d >= '1' && *d <= '9') {
				ok &= *d - '0' <= n;
				used[*d - '0'] = 1;
			}
		}
		for (int k = 1; k <= n; k++)
			ok &= used[k];
		if (!ok)
			fprintf(stderr, "\n    \"%s\": %d values, not each said once by \"%s\"", t[i].en, n, t[i].vi);
		CU_ASSERT(ok);
	}
}

/* A message made from pattern i ("x" for a string, 7 for a number) is said as
 * entry i says it: no earlier, more general pattern takes it. */
static void check_order(const cchc_diag_phrase *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		char msg[1024] = "", alone[CCHC_DIAG_SAY_SIZE], all[CCHC_DIAG_SAY_SIZE];
		size_t k = 0;
		for (const char *p = t[i].en; *p && k + 2 < sizeof msg; p++) {
			if (p[0] == '%' && p[1] == '%') {
				msg[k++] = *p++;
				continue;
			}
			if (*p != '%' || conversions(p) == conversions(p + 1)) {
				msg[k++] = *p;
				continue;
			}
			while (!strchr("sdiu", *p))
				p++;
			msg[k++] = *p == 's' ? 'x' : '7';
		}
		msg[k] = '\0';
		const cchc_diag_phrase probe = {t[i].en, "(matched)"}; /* the pattern takes its own message */
		ASSERT_EQ(cchc_diag_say_with(&probe, 1, msg, alone, sizeof alone), 1);
		ASSERT_STR(alone, "(matched)");
		ASSERT_EQ(cchc_diag_say_with(&t[i], 1, msg, alone, sizeof alone), 1);
		ASSERT_EQ(cchc_diag_say(msg, CCHC_LANG_VI, all, sizeof all), 1);
		if (strcmp(alone, all) != 0)
			fprintf(stderr, "\n    \"%s\" is said \"%s\", not \"%s\": an earlier pattern takes it", msg, all,
			        alone);
		CU_ASSERT(strcmp(alone, all) == 0);
	}
}

static void test_table(void)
{
	size_t nt, np;
	const cchc_diag_phrase *t = cchc_diag_vi_table(&nt);
	const cchc_diag_phrase *parts = cchc_diag_vi_part_table(&np);
	check_values(t, nt);
	check_values(parts, np);
	check_order(t, nt);
}

/* ------------------------------------------------------------ real messages */

static const char *say_vi(const char *en)
{
	static char out[CCHC_DIAG_SAY_SIZE];
	CU_ASSERT(cchc_diag_say(en, CCHC_LANG_VI, out, sizeof out) == 1);
	return out;
}

static const char *first_message(const char *xml)
{
	static char msg[CCHC_DIAG_SAY_SIZE];
	cchc_diag *diag = NULL;
	cchc_criteria *set = test_criteria(xml, &diag);
	CU_ASSERT_PTR_NULL(set);
	CU_ASSERT_FATAL(cchc_diag_stored(diag) > 0);
	snprintf(msg, sizeof msg, "%s", cchc_diag_get(diag, 0)->message);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return msg;
}

#define HEAD(max)                                                                               \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" max=\"" max \
	"\">\n<bands><band label=\"A\" min=\"0\"/></bands>\n"

static void test_criteria_messages(void)
{
	/* a bad attribute value: the frame keeps the XML, the reason is said again */
	const char *en = first_message(HEAD("2") "<group id=\"G\" title=\"G\" max=\"2\">\n"
	                                         "<criterion id=\"1.1\" title=\"C\" max=\"2\">"
	                                         "<rule kind=\"deadline\" due=\"2018-02-30\"/></criterion>\n"
	                                         "</group>\n</criteria-set>\n");
	ASSERT_STR(en, "<rule> due=\"2018-02-30\": no such date in the calendar");
	ASSERT_STR(say_vi(en), "<rule> due=\"2018-02-30\": không có ngày này trong lịch");

	/* the schema's own words stay English inside a Vietnamese frame */
	en = first_message(HEAD("2") "<group id=\"G\" title=\"G\" max=\"2\">\n"
	                             "<criterion id=\"1.1\" title=\"C\" max=\"1,5\"><rule kind=\"yes-no\"/>"
	                             "</criterion>\n</group>\n</criteria-set>\n");
	ASSERT_STR(en, "does not match the schema: Element 'criterion', attribute 'max': [facet 'pattern'] The value "
	               "'1,5' is not accepted by the pattern '[0-9]+(\\.[0-9]{1,2})?'.");
	ASSERT_STR(say_vi(en), "không khớp với lược đồ (schema): Element 'criterion', attribute 'max': [facet "
	                       "'pattern'] The value '1,5' is not accepted by the pattern '[0-9]+(\\.[0-9]{1,2})?'.");

	/* maxima that do not add up: points with the decimal comma, the id as it is */
	en = first_message(HEAD("2") "<group id=\"1\" title=\"G\" max=\"2\">\n"
	                             "<criterion id=\"1.1\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                             "<criterion id=\"1.2\" title=\"D\" max=\"1.25\"><rule kind=\"yes-no\"/></criterion>\n"
	                             "</group>\n</criteria-set>\n");
	ASSERT_STR(en, "group \"1\": its criteria' max add up to 2.25, not its max 2");
	ASSERT_STR(say_vi(en), "nhóm 1: điểm tối đa của các tiêu chí cộng lại là 2,25, khác điểm tối đa 2 của nó: sửa "
	                       "cho khớp");

	/* libxml2's own words stay English inside a Vietnamese frame */
	en = first_message(HEAD("2") "<group id=\"G\" title=\"G\" max=\"2\">\n</criteria-set>\n");
	CU_ASSERT(strncmp(en, "not well-formed XML: ", 21) == 0);
	const char *vi = say_vi(en);
	CU_ASSERT(strncmp(vi, "XML không đúng cú pháp: ", strlen("XML không đúng cú pháp: ")) == 0);
	ASSERT_STR(vi + strlen("XML không đúng cú pháp: "), en + 21);
}

static void test_gap_messages(void)
{
	test_hue h;
	ASSERT_EQ(test_hue_load(&h), 0);
	cchc_ranking *r = NULL;
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_ranking_build(&r, (const cchc_score *const *)h.scores, TEST_HUE_SO, d), 0);
	cchc_gap *g = NULL;
	ASSERT_EQ(cchc_gap_build(&g, r, "khong-co", 0, NULL, NULL, d), -1);
	ASSERT_EQ(cchc_gap_build(&g, r, "skhdt", 22, NULL, NULL, d), -1);
	ASSERT_EQ(cchc_diag_stored(d), 2);
	if (cchc_diag_stored(d) == 2) {
		ASSERT_STR(say_vi(cchc_diag_get(d, 0)->message),
		           "cơ quan, đơn vị \"khong-co\" không có trong các hồ sơ đánh giá được xếp hạng: đưa hồ sơ đánh "
		           "giá của nó, hoặc dùng một mã trong <agency id=\"…\"> của các hồ sơ");
		ASSERT_STR(say_vi(cchc_diag_get(d, 1)->message),
		           "thứ hạng mục tiêu 22 vượt quá vị trí cuối: khối \"so-nganh\" có 21 cơ quan, đơn vị: chọn thứ "
		           "hạng từ 1 đến 21");
		/* English stays as the engine wrote it */
		char out[CCHC_DIAG_SAY_SIZE];
		ASSERT_EQ(cchc_diag_say(cchc_diag_get(d, 1)->message, CCHC_LANG_EN, out, sizeof out), 0);
		ASSERT_STR(out, "target rank 22 is past the last place: block \"so-nganh\" has 21 agencies");
	}
	cchc_diag_free(d);
	cchc_ranking_free(r);
	test_hue_free(&h);
}

/* Words in, words out: nested parts, %% and precision conversions, the cut. */
static void test_matcher(void)
{
	ASSERT_STR(say_vi("criterion \"1.1\": grade \"A\" has share 150.5 %: use 0 to 100"),
	           "tiêu chí 1.1: xếp loại \"A\" có share 150,5 %: ghi từ 0 đến 100");
	ASSERT_STR(say_vi("criterion \"2\": give max=\"…\" greater than 0 (min is only for penalty groups)"),
	           "tiêu chí 2: ghi max=\"…\" lớn hơn 0 (min chỉ dùng cho nhóm điểm trừ)");
	ASSERT_STR(say_vi("group \"2\": give max=\"…\" greater than 0"), "nhóm 2: ghi max=\"…\" lớn hơn 0");
	ASSERT_STR(say_vi("criterion \"3.1\": appraisal points 4.5 is outside its range 0.00 to 3.00"),
	           "tiêu chí 3.1: điểm thẩm định 4,5 nằm ngoài khoảng 0,00 đến 3,00: ghi điểm trong khoảng này");
	ASSERT_STR(say_vi("<x> with no namespace inside <assessments>: a bundle holds <assessment> elements only"),
	           "<x> không có không gian tên (namespace) nằm trong <assessments>: tệp gộp chỉ chứa các phần tử "
	           "<assessment>");
	ASSERT_STR(say_vi("the root element is <plan> in namespace \"urn:x\": expected <criteria-set "
	                  "xmlns=\"urn:cchc:criteria:1\">"),
	           "phần tử gốc là <plan> trong không gian tên \"urn:x\": cần <criteria-set "
	           "xmlns=\"urn:cchc:criteria:1\">");

	char out[CCHC_DIAG_SAY_SIZE];
	/* after its place, as a store's error carries it */
	ASSERT_EQ(cchc_diag_say_after("a/b.xml:3: agency \"x\" is assessed twice (also in a/c.xml:2): keep one "
	                              "assessment per agency",
	                              CCHC_LANG_VI, out, sizeof out),
	          1);
	ASSERT_STR(out, "a/b.xml:3: cơ quan, đơn vị \"x\" có hai hồ sơ đánh giá (hồ sơ kia ở a/c.xml:2): mỗi cơ quan, "
	                "đơn vị chỉ giữ một hồ sơ");
	ASSERT_EQ(cchc_diag_say_after("a/b.xml:3: no data", CCHC_LANG_EN, out, sizeof out), 0);
	ASSERT_STR(out, "a/b.xml:3: no data");
	ASSERT_EQ(cchc_diag_say("something the engine never says", CCHC_LANG_VI, out, sizeof out), 0);
	ASSERT_STR(out, "something the engine never says");
	/* a cut falls between characters */
	char small[8];
	ASSERT_EQ(cchc_diag_say("no data", CCHC_LANG_VI, small, sizeof small), 1);
	ASSERT_STR(small, "không ");
}

int main(void)
{
	static const test_case tests[] = {
		{"every engine format has its Vietnamese", test_every_format_has_vietnamese},
		{"each Vietnamese says its values; no pattern hides a later one", test_table},
		{"criteria loader messages in Vietnamese", test_criteria_messages},
		{"gap messages in Vietnamese", test_gap_messages},
		{"the matcher", test_matcher},
		{NULL, NULL},
	};
	return test_run_suite("diag_vi", tests);
}
