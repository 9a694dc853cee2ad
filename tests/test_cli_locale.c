/* The tool's messages and help in the locale's language (GNU gettext, po/vi.po):
 * Vietnamese under LANGUAGE=vi (with LC_ALL=C.UTF-8, a locale every glibc has),
 * English without; --lang still decides the reports and the warnings that quote
 * them, whatever the locale. The tool is run from the build tree, where it
 * reads BUILD/locale/vi/LC_MESSAGES/cchc.mo. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef CCHC_CLI
#error "CCHC_CLI must name the cchc executable"
#endif

static char out_text[1 << 20], err_text[1 << 16];

#define SET "criteria/hue-so-2018.xml"
#define SO "samples/hue-2018/so"
#define SKHDT SO "/skhdt.xml"

/* Run cchc ARGS with the locale variables given ("" unsets one). */
static int run_in(const char *language, const char *lc_all, const char *lang, const char *args)
{
	const char *names[] = {"LANGUAGE", "LC_ALL", "LANG"}, *values[] = {language, lc_all, lang};
	for (size_t i = 0; i < 3; i++)
		if (*values[i])
			setenv(names[i], values[i], 1);
		else
			unsetenv(names[i]);
	unsetenv("LC_MESSAGES");
	return test_run_cli(CCHC_CLI, args, CCHC_TEST_TMP "/cli-locale", out_text, sizeof out_text,
	                    err_text, sizeof err_text);
}

#define VI(args) run_in("vi", "C.UTF-8", "", args)
#define EN(args) run_in("", "", "", args)

/* A line of out, whole: "\n" LINE "\n" or at its start. */
static void expect_line(const char *out, const char *line)
{
	size_t n = strlen(line);
	const char *at = out;
	while ((at = strstr(at, line)) != NULL) {
		if ((at == out || at[-1] == '\n') && at[n] == '\n')
			return;
		at++;
	}
	fprintf(stderr, "\n    no line \"%s\" in:\n%s", line, out);
	CU_FAIL("line missing");
}

static void test_help_vi(void)
{
	CU_ASSERT_EQUAL(VI("--help"), 0);
	expect_line(out_text, "Cách dùng: cchc LỆNH [THAM_SỐ] (xem chi tiết: cchc LỆNH --help)");
	expect_line(out_text, "Các lệnh:");
	expect_line(out_text, "  rank       xếp hạng mọi cơ quan trong từng khối, kèm thống kê");
	expect_line(out_text, "  check      điểm tự chấm Hội đồng thẩm định sẽ trừ, thứ hạng dự kiến");
	expect_line(out_text, "Mã thoát: 0 thành công, 1 đầu vào không hợp lệ, 2 dùng sai lệnh.");
	CU_ASSERT_PTR_NULL(strstr(out_text, "Usage"));
	CU_ASSERT_STRING_EQUAL(err_text, "");

	/* each command's help, whole: its first lines and its exit status */
	CU_ASSERT_EQUAL(VI("rank --help"), 0);
	CU_ASSERT_EQUAL(strncmp(out_text,
	                        "Cách dùng: cchc rank TIÊU_CHÍ.xml... HỒ_SƠ... [--block KHỐI] [--agency ID]\n"
	                        "                     [--replace TỆP] [--format text|csv|json] [--lang vi|en]\n"
	                        "                     [-o TỆP] [--strict]\n"
	                        "\n"
	                        "Xếp hạng các cơ quan trong từng khối.",
	                        strlen("Cách dùng: cchc rank TIÊU_CHÍ.xml... HỒ_SƠ... [--block KHỐI] "
	                               "[--agency ID]\n")),
	                0);
	expect_line(out_text, "  --lang vi|en        ngôn ngữ của báo cáo dạng text (mặc định vi)");
	expect_line(out_text, "Mã thoát: 0 đã xếp hạng, 1 đầu vào không hợp lệ (hoặc có cảnh báo khi dùng");
	static const char *const cmds[] = {"validate", "score", "gap", "robust", "report", "plan",
	                                   "check", "template", "import", "serve", "admin"};
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		char args[64];
		snprintf(args, sizeof args, "%s --help", cmds[i]);
		CU_ASSERT_EQUAL(VI(args), 0);
		if (strncmp(out_text, "Cách dùng: cchc ", strlen("Cách dùng: cchc ")) != 0 ||
		    !strstr(out_text, "\nMã thoát: 0 "))
			fprintf(stderr, "\n    cchc %s --help is not in Vietnamese:\n%s", cmds[i], out_text);
		CU_ASSERT_EQUAL(strncmp(out_text, "Cách dùng: cchc ", strlen("Cách dùng: cchc ")), 0);
		CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\nMã thoát: 0 "));
	}
}

static void test_help_en(void)
{
	CU_ASSERT_EQUAL(EN("--help"), 0);
	expect_line(out_text, "Usage: cchc COMMAND [ARGS] (cchc COMMAND --help for details)");
	expect_line(out_text, "  rank       rank every agency of each block, with statistics");
	expect_line(out_text, "Exit status: 0 ok, 1 invalid input, 2 usage error.");
	CU_ASSERT_EQUAL(EN("rank --help"), 0);
	CU_ASSERT_EQUAL(strncmp(out_text, "Usage: cchc rank CRITERIA.xml... ASSESSMENTS...", 47), 0);
}

static void test_usage_errors(void)
{
	CU_ASSERT_EQUAL(VI("rank"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc rank: hãy cho bộ tiêu chí và các hồ sơ đánh giá (tệp hoặc "
	                                 "thư mục)\nXem 'cchc rank --help'.\n");
	CU_ASSERT_STRING_EQUAL(out_text, "");
	CU_ASSERT_EQUAL(EN("rank"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc rank: give a criteria set and the assessments (files or "
	                                 "folders)\nTry 'cchc rank --help'.\n");

	CU_ASSERT_EQUAL(VI("rank " SET " " SO " --agency"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc rank: --agency cần mã của cơ quan (<agency id=\"…\"> "
	                                 "trong hồ sơ), ví dụ --agency skhdt\nXem 'cchc rank --help'.\n");
	CU_ASSERT_EQUAL(VI("rank " SET " " SO " --no-such"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc rank: không có tùy chọn --no-such\n"
	                                 "Xem 'cchc rank --help'.\n");
	CU_ASSERT_EQUAL(VI("admin user add --data x"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc admin: user add cần đúng một TÊN\nXem 'cchc admin --help'.\n");
	CU_ASSERT_EQUAL(VI("admin criteria add --data . --year 2018 a.xml b.xml"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc admin: criteria add cần đúng một TỆP.xml hoặc TỆP.xlsx\n"
	                                 "Xem 'cchc admin --help'.\n");
	CU_ASSERT_EQUAL(VI("frobnicate"), 2);
	CU_ASSERT_EQUAL(strncmp(err_text, "cchc: không có lệnh 'frobnicate'\n\ncchc ", 40), 0);

	/* plurals through ngettext: one thread, 21 agencies */
	CU_ASSERT_EQUAL(VI("robust " SET " " SO " --draws 100000000 --threads 1"), 2);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc robust: 100000000 lần mô phỏng trên 21 cơ quan sẽ mất khoảng "
	                                 "35 phút với 1 luồng, quá mức 10 phút cho phép của một lần chạy: "
	                                 "hãy cho --draws 28000000 hoặc ít hơn\n"
	                                 "Xem 'cchc robust --help'.\n");
}

/* The tool's own errors follow the locale, the file's name and "error:" kept. */
static void test_tool_errors(void)
{
	CU_ASSERT_EQUAL(VI("rank " SET " " SO " --agency nobody"), 1);
	CU_ASSERT_STRING_EQUAL(err_text, "cchc: error: --agency nobody: không có cơ quan này trong các hồ "
	                                 "sơ đánh giá\n");
	CU_ASSERT_EQUAL(VI("validate " SET), 0);
	CU_ASSERT_STRING_EQUAL(out_text, SET ": bộ tiêu chí \"hue-so-2018\" hợp lệ (94 mục, 76 tiêu chí "
	                                 "chấm điểm)\n");
}

/* --lang decides the report and the warnings about the inputs, whatever the locale. */
static void test_lang_decides_reports(void)
{
	CU_ASSERT_EQUAL(VI("score " SET " " SKHDT " --lang en"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "70.00/100"));
	CU_ASSERT_STRING_EQUAL(err_text, TEST_SKHDT_AT_36 TEST_SKHDT_W36_EN);
	/* the default stays Vietnamese under an English (or C) locale */
	CU_ASSERT_EQUAL(EN("score " SET " " SKHDT), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "70,00/100"));
	CU_ASSERT_STRING_EQUAL(err_text, TEST_SKHDT_AT_36 TEST_SKHDT_W36_VI);
}

/* LANG=vi_VN.UTF-8 alone: Vietnamese where that locale is installed (locale-gen);
 * where it is not, glibc keeps the C locale and the tool speaks English. */
static void test_lang_variable(void)
{
	char *was = setlocale(LC_MESSAGES, NULL), saved[64];
	snprintf(saved, sizeof saved, "%s", was ? was : "C");
	int installed = setlocale(LC_MESSAGES, "vi_VN.UTF-8") != NULL;
	setlocale(LC_MESSAGES, saved);
	CU_ASSERT_EQUAL(run_in("", "", "vi_VN.UTF-8", "rank"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, installed ? "\nXem 'cchc rank --help'.\n"
	                                                  : "\nTry 'cchc rank --help'.\n"));
	/* only the messages change: numbers keep their decimal point (JSON), byte for byte */
	static char json_c[sizeof out_text];
	CU_ASSERT_EQUAL(EN("robust " SET " " SO " --draws 50 --format json"), 0);
	memcpy(json_c, out_text, sizeof json_c);
	CU_ASSERT_EQUAL(run_in("", "vi_VN.UTF-8", "", "robust " SET " " SO " --draws 50 --format json"),
	                0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out_text, "\"total\": 81.7,"));
	CU_ASSERT_STRING_EQUAL(out_text, json_c);
}

/* CCHC_LOCALEDIR names where the catalogues are (an install moved by hand, tests). */
static void test_localedir_variable(void)
{
	setenv("CCHC_LOCALEDIR", CCHC_TEST_TMP "/no-such-locale-dir", 1);
	CU_ASSERT_EQUAL(VI("rank"), 2);
	unsetenv("CCHC_LOCALEDIR");
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "\nTry 'cchc rank --help'.\n"));
}

int main(void)
{
	static const test_case tests[] = {
		{"help in Vietnamese under LANGUAGE=vi", test_help_vi},
		{"help in English without", test_help_en},
		{"usage errors in the locale's language", test_usage_errors},
		{"the tool's own errors in the locale's language", test_tool_errors},
		{"--lang decides the reports whatever the locale", test_lang_decides_reports},
		{"LANG=vi_VN.UTF-8 where the locale is (or is not) installed", test_lang_variable},
		{"CCHC_LOCALEDIR", test_localedir_variable},
		{NULL, NULL},
	};
	return test_run_suite("cli_locale", tests);
}
