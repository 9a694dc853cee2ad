/* The criteria-set workbook through the command line: `cchc template --criteria`
 * then `cchc import` gives back every criteria set of the repository (every
 * attribute and child: tests/data/criteria-book/same_set.py), scores every
 * sample and test assessment byte for byte as the original does, and is stable
 * (a second round trip writes the same XML); the same after LibreOffice saves
 * the workbook again; a workbook openpyxl writes from the documented layout
 * imports; cells typed wrong give their exact messages, nothing written. */
#define _POSIX_C_SOURCE 200809L
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

#define OUT_SIZE (1 << 20)
/* Scratch files, relative to the build tree's tests folder, where the suite works. */
#define TMP "critbook"

/* The tool and the scratch folder: the build's (CCHC_CLI, CCHC_TEST_TMP) when given, else
 * found beside this program (BUILD/tests/test_criteria_workbook, BUILD/cchc). */
static char cli[600], scratch[512];

static char out[OUT_SIZE], err[OUT_SIZE], want_out[OUT_SIZE], want_err[OUT_SIZE];

static const char *const sets[] = {
	"criteria/hue-so-2018.xml",   "criteria/hue-huyen-2018.xml", "tests/data/rules/minimal.xml",
	"tests/data/workbook/kinds.xml", "tests/data/rank/tiny-2018.xml", "tests/data/gap/selfcheck.xml",
	"tests/data/gap/bonus.xml",   "tests/data/gap/penalty.xml",  "tests/data/check/hue-so-2017.xml",
	"tests/data/check/hue-so-2018.xml"};
#define NSETS (sizeof sets / sizeof *sets)

static int run(const char *args)
{
	return test_run_cli(cli, args, TMP, out, sizeof out, err, sizeof err);
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* The set's id: its file's id attribute on <criteria-set>. */
static void set_id(const char *path, char *id, size_t size)
{
	char *x = test_read_file(path, NULL);
	const char *root = x ? strstr(x, "<criteria-set") : NULL;
	const char *at = root ? strstr(root, " id=\"") : NULL;
	size_t n = at ? strcspn(at + 5, "\"") : 0;
	snprintf(id, size, "%.*s", (int)(n < size ? n : size - 1), at ? at + 5 : "");
	free(x);
}

static int same_set(const char *a, const char *b)
{
	char cmd[2048], first[512];
	snprintf(first, sizeof first, "%s", a); /* a may be test_path's buffer */
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s %s", test_path("tests/data/criteria-book/same_set.py"), first, b);
	return system(cmd) == 0;
}

/* The assessments (one agency a file) of a set, from the samples and the test data. */
typedef struct {
	const char *id;
	char paths[64][512];
	size_t n;
} found;

static void collect(const char *path, void *ctx)
{
	found *f = ctx;
	char *x = test_read_file(path, NULL);
	char attr[128];
	snprintf(attr, sizeof attr, "criteria-set=\"%s\"", f->id);
	if (x && strstr(x, "<assessment ") && !strstr(x, "<assessments") && strstr(x, attr) && f->n < 64)
		snprintf(f->paths[f->n++], sizeof f->paths[0], "%s", path);
	free(x);
}

static void assessments(found *f)
{
	static const char *const dirs[] = {"samples/hue-2018", "tests/data/rules", "tests/data/workbook",
	                                   "tests/data/rank", "tests/data/gap", "tests/data/check"};
	for (size_t d = 0; d < sizeof dirs / sizeof *dirs; d++)
		test_each_xml(test_path(dirs[d]), 1 << 20, collect, f);
}

/* score --format json of each assessment, against the original and the imported set: the same bytes. */
static size_t same_scores(const char *original_path, const char *imported, const char *id)
{
	found f;
	char args[2048], original[512];
	snprintf(original, sizeof original, "%s", original_path); /* may be test_path's buffer */
	f.id = id;
	f.n = 0;
	assessments(&f);
	for (size_t i = 0; i < f.n; i++) {
		snprintf(args, sizeof args, "score %s %s --format json", original, f.paths[i]);
		int rc = run(args);
		memcpy(want_out, out, sizeof out);
		memcpy(want_err, err, sizeof err);
		snprintf(args, sizeof args, "score %s %s --format json", imported, f.paths[i]);
		ASSERT_EQ(run(args), rc);
		if (strcmp(out, want_out) != 0 || strcmp(err, want_err) != 0)
			fprintf(stderr, "\n    %s scores differently against %s\n", f.paths[i], imported);
		CU_ASSERT_STRING_EQUAL(out, want_out);
		CU_ASSERT_STRING_EQUAL(err, want_err);
	}
	return f.n;
}

/* XML → template --criteria → import, in both languages: the set itself, the same scores,
 * and a second round trip writes the same bytes. */
static void test_round_trip(void)
{
	char args[2048], id[128], imported[512], again[512];
	size_t scored = 0;
	for (size_t i = 0; i < NSETS; i++) {
		const char *lang = i % 2 ? "en" : "vi";
		set_id(test_path(sets[i]), id, sizeof id);
		snprintf(args, sizeof args, "template --criteria %s --lang %s -o %s-%zu.xlsx", test_path(sets[i]), lang, TMP, i);
		ASSERT_EQ(run(args), 0);
		ASSERT_STR(err, "");
		snprintf(args, sizeof args, "import %s-%zu.xlsx --lang %s -o %s-%zu", TMP, i, lang, TMP, i);
		ASSERT_EQ(run(args), 0);
		ASSERT_STR(err, "");
		snprintf(imported, sizeof imported, "%s-%zu/%s.xml", TMP, i, id);
		CU_ASSERT(same_set(test_path(sets[i]), imported));
		scored += same_scores(test_path(sets[i]), imported, id);
		/* the imported XML is the canonical form: template and import give it back byte for byte */
		snprintf(args, sizeof args, "template --criteria %s -o %s-%zu-b.xlsx", imported, TMP, i);
		ASSERT_EQ(run(args), 0);
		snprintf(args, sizeof args, "import %s-%zu-b.xlsx -o %s-%zu-b", TMP, i, TMP, i);
		ASSERT_EQ(run(args), 0);
		snprintf(again, sizeof again, "%s-%zu-b/%s.xml", TMP, i, id);
		char *a = test_read_file(imported, NULL), *b = test_read_file(again, NULL);
		CU_ASSERT(a && b && strcmp(a, b) == 0);
		free(a);
		free(b);
	}
	/* 21 departments, 9 districts and the test assessments all took part */
	CU_ASSERT(scored >= 30 + 15);
}

/* The same workbook as written twice: the same bytes (SOURCE_DATE_EPOCH or the fixed date). */
static void test_reproducible(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --criteria %s -o %s-r1.xlsx", test_path(sets[0]), TMP);
	ASSERT_EQ(run(args), 0);
	snprintf(args, sizeof args, "template --criteria %s -o %s-r2.xlsx", test_path(sets[0]), TMP);
	ASSERT_EQ(run(args), 0);
	size_t n1 = 0, n2 = 0;
	char *a = test_read_file(TMP "-r1.xlsx", &n1), *b = test_read_file(TMP "-r2.xlsx", &n2);
	CU_ASSERT(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
	free(a);
	free(b);
}

/* LibreOffice opens and saves two of the workbooks again (one soffice for both): the same sets. */
static void test_libreoffice_resave(void)
{
	static const size_t which[] = {0, 3}; /* hue-so-2018 in Vietnamese, kinds in English */
	char cmd[8192], dir[600], args[4096], id[128], imported[1024];
	snprintf(dir, sizeof dir, "%s/critbook-resaved", scratch);
	mkdir(dir, 0777);
	for (size_t k = 0; k < 2; k++) {
		snprintf(args, sizeof args, "template --criteria %s --lang %s -o %s/cb%zu.xlsx", test_path(sets[which[k]]),
		         k ? "en" : "vi", scratch, k);
		ASSERT_EQ(run(args), 0);
	}
	snprintf(cmd, sizeof cmd,
	         "soffice --headless --norestore -env:UserInstallation=file://%s/profile --convert-to xlsx --outdir %s "
	         "%s/cb0.xlsx %s/cb1.xlsx >/dev/null 2>&1",
	         dir, dir, scratch, scratch);
	CU_ASSERT_FATAL(system(cmd) == 0);
	for (size_t k = 0; k < 2; k++) {
		set_id(test_path(sets[which[k]]), id, sizeof id);
		snprintf(args, sizeof args, "import %s/cb%zu.xlsx -o %s/out%zu", dir, k, dir, k);
		ASSERT_EQ(run(args), 0);
		ASSERT_STR(err, "");
		snprintf(imported, sizeof imported, "%s/out%zu/%s.xml", dir, k, id);
		CU_ASSERT(same_set(test_path(sets[which[k]]), imported));
		same_scores(test_path(sets[which[k]]), imported, id);
	}
}

/* Another producer (openpyxl) from the documented layout alone: English headers in an order of
 * its own, floats, a date cell, "1,5" and "5,5" typed as text. */
static void test_other_producer(void)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s-producer.xlsx", test_path("tests/data/criteria-book/producer.py"),
	         TMP);
	CU_ASSERT_FATAL(system(cmd) == 0);
	ASSERT_EQ(run("import " TMP "-producer.xlsx -o " TMP "-producer"), 0);
	ASSERT_STR(err, "");
	char *x = test_read_file(TMP "-producer/tiny-2019.xml", NULL);
	ASSERT_STR(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	              "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"tiny-2019\" year=\"2019\" title=\"Bộ nhỏ năm "
	              "2019\" max=\"10\" na=\"award\">\n"
	              "<bands>\n"
	              "<band label=\"Tốt\" min=\"80\"/>\n"
	              "<band label=\"Đạt\" min=\"50.5\"/>\n"
	              "<band label=\"Chưa đạt\" min=\"0\"/>\n"
	              "</bands>\n"
	              "<group id=\"1\" title=\"Chỉ đạo, điều hành\" max=\"10\">\n"
	              "<criterion id=\"1.1\" title=\"Ban hành kế hoạch\" max=\"2\">\n"
	              "<rule kind=\"deadline\" due=\"2019-01-31\" grace-days=\"10\" grace-points=\"1.5\">\n"
	              "</rule>\n"
	              "<remedy owner=\"Văn phòng\">Ban hành đúng hạn</remedy>\n"
	              "</criterion>\n"
	              "<criterion id=\"1.2\" title=\"Tỷ lệ hồ sơ trễ hạn\" max=\"3\">\n"
	              "<rule kind=\"tiers\" better=\"lower\">\n"
	              "<tier max=\"0\" points=\"3\"/>\n"
	              "<tier max=\"5.5\" points=\"1.5\"/>\n"
	              "</rule>\n"
	              "</criterion>\n"
	              "<criterion id=\"1.3\" title=\"Kết quả\" max=\"5\">\n"
	              "<criterion id=\"1.3.1\" title=\"Xếp loại\" max=\"4\">\n"
	              "<rule kind=\"grade\">\n"
	              "<grade id=\"a\" label=\"Tốt\" share=\"100\"/>\n"
	              "<grade id=\"b\" label=\"Đạt\" share=\"50\"/>\n"
	              "</rule>\n"
	              "</criterion>\n"
	              "<criterion id=\"1.3.2\" title=\"Hội đồng chấm\" max=\"1\">\n"
	              "<rule kind=\"judged\" step=\"0.5\">\n"
	              "</rule>\n"
	              "</criterion>\n"
	              "</criterion>\n"
	              "</group>\n"
	              "</criteria-set>\n");
	free(x);
}

/* hue-so-2018's workbook, the one edit() changes. */
static int hue_so_book(void)
{
	char args[1024];
	snprintf(args, sizeof args, "template --criteria %s -o %s-0.xlsx", test_path(sets[0]), TMP);
	return run(args);
}

/* openpyxl edits of the tree sheet of hue-so-2018's workbook: IN → OUT. */
static int edit(const char *outp, const char *edits)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s-0.xlsx %s \"sheet=Cây tiêu chí\" %s",
	         test_path("tests/wb_edit.py"), TMP, outp, edits);
	return system(cmd);
}

/* Cells typed wrong: every one reported by sheet and cell, nothing written; a date typed
 * 31/01/2019 is a date. Row 5 is criterion 1.1 (max 3), row 6 its 1.1.1 (deadline, max 1). */
static void test_mistakes(void)
{
	ASSERT_EQ(hue_so_book(), 0);
	/* max not a number, an unknown rule kind, an id twice; the date typed the Vietnamese way is fine */
	ASSERT_EQ(edit(TMP "-bad.xlsx", "D5=một M6=deadlines B12=1.1.1 T6=31/01/2019"), 0);
	ASSERT_EQ(run("import " TMP "-bad.xlsx -o " TMP "-bad"), 1);
	ASSERT_STR(out, "");
	ASSERT_STR(err, TMP "-bad.xlsx: error: Cây tiêu chí!D5: \"một\" không phải là số: ghi một số, ví dụ 0,75\n" TMP
	                    "-bad.xlsx: error: Cây tiêu chí!M6: \"deadlines\" không có trong danh sách: chọn một trong "
	                    "yes-no, tiers, linear, per-item, deadline, ratio, grade, judged, scale\n" TMP
	                    "-bad.xlsx: error: Cây tiêu chí!B12: mã \"1.1.1\" đã dùng ở dòng 6: mỗi mã chỉ dùng một lần\n");
	CU_ASSERT(!exists(TMP "-bad"));
	ASSERT_EQ(run("import " TMP "-bad.xlsx --lang en -o " TMP "-bad"), 1);
	ASSERT_STR(err, TMP "-bad.xlsx: error: Cây tiêu chí!D5: \"một\" is not a number: write a number such as 0.75\n" TMP
	                    "-bad.xlsx: error: Cây tiêu chí!M6: \"deadlines\" is not one of the list: choose one of "
	                    "yes-no, tiers, linear, per-item, deadline, ratio, grade, judged, scale\n" TMP
	                    "-bad.xlsx: error: Cây tiêu chí!B12: the id \"1.1.1\" is already used on row 6: ids must be "
	                    "unique\n");
	CU_ASSERT(!exists(TMP "-bad"));

	/* a sub-criterion worth more than its parent allows: the loader's own check, at the parent's max */
	ASSERT_EQ(edit(TMP "-sum.xlsx", "D6=#1.5 T6=31/01/2019"), 0);
	ASSERT_EQ(run("import " TMP "-sum.xlsx -o " TMP "-sum"), 1);
	ASSERT_STR(err, TMP "-sum.xlsx: error: Cây tiêu chí!D5: tiêu chí 1.1: điểm tối đa của các tiêu chí thành phần "
	                    "cộng lại là 3,5, khác điểm tối đa 3 của nó: sửa cho khớp\n");
	CU_ASSERT(!exists(TMP "-sum"));
	ASSERT_EQ(run("import " TMP "-sum.xlsx --lang en -o " TMP "-sum"), 1);
	ASSERT_STR(err, TMP "-sum.xlsx: error: Cây tiêu chí!D5: criterion \"1.1\": its sub-criteria' max add up to 3.5, "
	                    "not its max 3\n");

	/* the date alone: accepted, one year later */
	ASSERT_EQ(edit(TMP "-date.xlsx", "T6=31/01/2019"), 0);
	ASSERT_EQ(run("import " TMP "-date.xlsx -o " TMP "-date"), 0);
	ASSERT_STR(err, "");
	char *x = test_read_file(TMP "-date/hue-so-2018.xml", NULL);
	CU_ASSERT(x && strstr(x, "<rule kind=\"deadline\" due=\"2019-01-31\" late-points=\"0\" grace-days=\"15\" "
	                         "grace-points=\"0.5\">\n"));
	free(x);
}

/* A step that does not divide the max (a rule parameter): at the step's cell. */
static void test_rule_check(void)
{
	ASSERT_EQ(hue_so_book(), 0);
	ASSERT_EQ(edit(TMP "-step.xlsx", "M12=judged R12=#0.3"), 0);
	ASSERT_EQ(run("import " TMP "-step.xlsx -o " TMP "-step"), 1);
	ASSERT_STR(err, TMP "-step.xlsx: error: Cây tiêu chí!R12: tiêu chí 1.1.3: bước làm tròn 0,3 không chia hết điểm "
	                    "tối đa 1, nên không bao giờ đạt đủ điểm: chọn bước chia hết\n");
	/* a level that skips one, and a grade row under a criterion without grades */
	ASSERT_EQ(edit(TMP "-lvl.xlsx", "A6=#4 A12=\"Xếp loại\""), 0);
	ASSERT_EQ(run("import " TMP "-lvl.xlsx -o " TMP "-lvl"), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "Cây tiêu chí!A6: cấp 4 ngay dưới một dòng cấp 2: mỗi dòng chỉ sâu hơn dòng cha "
	                                   "một cấp\n"));
	CU_ASSERT(!exists(TMP "-lvl"));
}

/* Not a criteria workbook: an assessment workbook is refused with what to use. */
static void test_refusals(void)
{
	ASSERT_EQ(run("template --criteria criteria/hue-so-2018.xml --agency x -o " TMP "-u.xlsx"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "--criteria takes the criteria set alone"));
	CU_ASSERT(!exists(TMP "-u.xlsx"));
	ASSERT_EQ(run("template --criteria samples/hue-2018/so/skhdt.xml -o " TMP "-u.xlsx"), 1);
	CU_ASSERT(!exists(TMP "-u.xlsx"));
}

static int find_build(void)
{
#if defined(CCHC_CLI) && defined(CCHC_TEST_TMP)
	snprintf(cli, sizeof cli, "%s", CCHC_CLI);
	snprintf(scratch, sizeof scratch, "%s", CCHC_TEST_TMP);
#else
	char exe[512];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return -1;
	exe[n] = '\0';
	snprintf(scratch, sizeof scratch, "%s", dirname(exe));
	snprintf(cli, sizeof cli, "%s/../cchc", scratch);
#endif
	return chdir(scratch);
}

int main(void)
{
	if (find_build() < 0) {
		fprintf(stderr, "test_criteria_workbook: cannot find the build tree\n");
		return 1;
	}
	static const test_case tests[] = {{"round trip of every set, scores identical", test_round_trip},
	                                  {"reproducible bytes", test_reproducible},
	                                  {"LibreOffice re-save", test_libreoffice_resave},
	                                  {"openpyxl producer", test_other_producer},
	                                  {"cells typed wrong", test_mistakes},
	                                  {"rule and level checks at their cells", test_rule_check},
	                                  {"refusals", test_refusals},
	                                  {NULL, NULL}};
	return test_run_suite("criteria_workbook", tests);
}
