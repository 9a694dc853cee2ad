/* cchc_render_criteria_json (cchc-criteria/1): the tree the pages build the
 * self-assessment form from, every rule kind's inputs and parameters, exact. */
#include "testutil.h"

#include <stdlib.h>

#include "cchc/report.h"

/* One leaf of every rule kind; a penalty group; N/A forbidden on one criterion. */
static const char set_xml[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"Bộ thử\" "
	"max=\"20\" block=\"so\">\n"
	"<bands><band label=\"Tốt\" min=\"15\"/><band label=\"Yếu\" min=\"0\"/></bands>\n"
	"<group id=\"1\" title=\"Nhóm một\" max=\"12\">\n"
	" <criterion id=\"1.1\" title=\"Kế hoạch\" max=\"3\" na=\"never\">\n"
	"  <criterion id=\"1.1.1\" title=\"Ban hành\" max=\"1\"><rule kind=\"deadline\" "
	"due=\"2018-01-31\" grace-days=\"15\" grace-points=\"0.5\"/></criterion>\n"
	"  <criterion id=\"1.1.2\" title=\"Có/Không\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"
	" </criterion>\n"
	" <criterion id=\"1.2\" title=\"Tỷ lệ\" max=\"1\"><rule kind=\"tiers\" unit=\"%\" "
	"better=\"higher\"><tier min=\"95.5\" points=\"1\"/><tier min=\"80\" points=\"0.5\"/>"
	"</rule></criterion>\n"
	" <criterion id=\"1.3\" title=\"Tuyến tính\" max=\"1\"><rule kind=\"linear\" from=\"0\" "
	"to=\"100\" step=\"0.25\"/></criterion>\n"
	" <criterion id=\"1.4\" title=\"Sáng kiến\" max=\"1\"><rule kind=\"per-item\" "
	"points=\"0.25\" unit=\"sáng kiến\"/></criterion>\n"
	" <criterion id=\"1.5\" title=\"Hồ sơ\" max=\"2\"><rule kind=\"ratio\" step=\"0.5\" "
	"if-none=\"zero\"/></criterion>\n"
	" <criterion id=\"1.6\" title=\"Mức độ\" max=\"2\"><rule kind=\"grade\">"
	"<grade id=\"xs\" label=\"Xuất sắc\" share=\"100\"/><grade id=\"kht\" label=\"Không\" "
	"share=\"0\"/></rule></criterion>\n"
	" <criterion id=\"1.7\" title=\"Hội đồng chấm\" max=\"2\"><rule kind=\"judged\" "
	"step=\"0.5\"/></criterion>\n"
	"</group>\n"
	"<group id=\"9\" title=\"Điều tra\" max=\"8\" source=\"survey\">\n"
	" <criterion id=\"9.1\" title=\"Hài lòng\" max=\"8\"><rule kind=\"scale\">"
	"<option id=\"A\" label=\"Rất hài lòng\" weight=\"100\"/><option id=\"B\" label=\"Hài lòng\" "
	"weight=\"62.5\"/></rule></criterion>\n"
	"</group>\n"
	"<group id=\"P\" title=\"Điểm trừ\" kind=\"penalty\" min=\"-2\">\n"
	" <criterion id=\"P.1\" title=\"Vi phạm\" min=\"-2\"><rule kind=\"per-item\" "
	"points=\"-0.5\"/></criterion>\n"
	"</group>\n"
	"</criteria-set>\n";

static const char expected[] =
	"{\"schema\":\"cchc-criteria/1\",\"id\":\"t\",\"title\":\"Bộ thử\",\"year\":2018,"
	"\"block\":\"so\",\"max\":20,\"na\":\"exclude\","
	"\"bands\":[{\"label\":\"Tốt\",\"min\":15},{\"label\":\"Yếu\",\"min\":0}],"
	"\"groups\":["
	"{\"id\":\"1\",\"title\":\"Nhóm một\",\"kind\":\"scored\",\"max\":12,\"min\":0,"
	"\"na_allowed\":true,\"require_docs\":false,\"children\":["
	"{\"id\":\"1.1\",\"title\":\"Kế hoạch\",\"max\":3,\"min\":0,\"na_allowed\":false,"
	"\"require_docs\":false,\"children\":["
	"{\"id\":\"1.1.1\",\"title\":\"Ban hành\",\"max\":1,\"min\":0,\"na_allowed\":false,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"deadline\",\"inputs\":[\"date\"],\"unit\":null,"
	"\"due\":\"2018-01-31\",\"grace_days\":15,\"grace_points\":0.5,\"late_points\":0}},"
	"{\"id\":\"1.1.2\",\"title\":\"Có/Không\",\"max\":2,\"min\":0,\"na_allowed\":false,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"yes-no\",\"inputs\":[\"met\"],\"unit\":null}}]},"
	"{\"id\":\"1.2\",\"title\":\"Tỷ lệ\",\"max\":1,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"tiers\",\"inputs\":[\"value\"],\"unit\":\"%\","
	"\"better\":\"higher\",\"tiers\":[{\"min\":95.5,\"points\":1},{\"min\":80,\"points\":0.5}]}},"
	"{\"id\":\"1.3\",\"title\":\"Tuyến tính\",\"max\":1,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"linear\",\"inputs\":[\"value\"],\"unit\":null,\"from\":0,"
	"\"to\":100,\"step\":0.25}},"
	"{\"id\":\"1.4\",\"title\":\"Sáng kiến\",\"max\":1,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"per-item\",\"inputs\":[\"count\"],"
	"\"unit\":\"sáng kiến\",\"per_item\":0.25}},"
	"{\"id\":\"1.5\",\"title\":\"Hồ sơ\",\"max\":2,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"ratio\",\"inputs\":[\"numerator\","
	"\"denominator\"],\"unit\":null,\"step\":0.5,\"if_none\":\"zero\"}},"
	"{\"id\":\"1.6\",\"title\":\"Mức độ\",\"max\":2,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"grade\",\"inputs\":[\"grade\"],\"unit\":null,\"grades\":["
	"{\"id\":\"xs\",\"label\":\"Xuất sắc\",\"share\":100},{\"id\":\"kht\",\"label\":\"Không\","
	"\"share\":0}]}},"
	"{\"id\":\"1.7\",\"title\":\"Hội đồng chấm\",\"max\":2,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"judged\",\"inputs\":[\"points\"],\"unit\":null,\"step\":0.5}}]},"
	"{\"id\":\"9\",\"title\":\"Điều tra\",\"kind\":\"survey\",\"max\":8,\"min\":0,"
	"\"na_allowed\":true,\"require_docs\":false,\"children\":["
	"{\"id\":\"9.1\",\"title\":\"Hài lòng\",\"max\":8,\"min\":0,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"scale\",\"inputs\":[\"survey\"],"
	"\"unit\":null,\"step\":0.01,\"options\":[{\"id\":\"A\",\"label\":\"Rất hài lòng\",\"weight\":100},"
	"{\"id\":\"B\",\"label\":\"Hài lòng\",\"weight\":62.5}]}}]},"
	"{\"id\":\"P\",\"title\":\"Điểm trừ\",\"kind\":\"penalty\",\"max\":0,\"min\":-2,"
	"\"na_allowed\":true,\"require_docs\":false,\"children\":["
	"{\"id\":\"P.1\",\"title\":\"Vi phạm\",\"max\":0,\"min\":-2,\"na_allowed\":true,"
	"\"require_docs\":false,\"rule\":{\"kind\":\"per-item\",\"inputs\":[\"count\"],"
	"\"unit\":null,\"per_item\":-0.5}}]}]}";

static void test_every_kind(void)
{
	cchc_diag *diag = NULL;
	cchc_criteria *set = test_criteria(set_xml, &diag);
	if (!set)
		fprintf(stderr, "%s", test_diag_text(diag));
	cchc_diag_free(diag);
	CU_ASSERT_PTR_NOT_NULL_FATAL(set);
	cchc_buf out;
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(cchc_render_criteria_json(&out, set), 0);
	CU_ASSERT_EQUAL(out.len, strlen(expected));
	if (out.len != strlen(expected) || memcmp(out.data, expected, out.len) != 0)
		fprintf(stderr, "\ngot: %.*s\n", (int)out.len, out.data);
	CU_ASSERT_EQUAL(memcmp(out.data, expected, strlen(expected)), 0);
	cchc_buf_dispose(&out);
	cchc_criteria_free(set);
}

/* The Huế departments' set: skhdt's form starts from these figures. */
static void test_hue_so(void)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	CU_ASSERT_EQUAL_FATAL(cchc_criteria_load(&set, test_path("criteria/hue-so-2018.xml"), diag), 0);
	cchc_diag_free(diag);
	cchc_buf out;
	cchc_buf_init(&out, 0);
	CU_ASSERT_EQUAL(cchc_render_criteria_json(&out, set), 0);
	CU_ASSERT_FATAL(out.len > 0); /* so data is NUL-terminated */
	const char *first =
		"{\"id\":\"1.1.1\",\"title\":\"Ban hành kế hoạch CCHC năm kịp thời\",\"max\":1,\"min\":0,"
		"\"na_allowed\":true,\"require_docs\":false,\"rule\":{\"kind\":\"deadline\","
		"\"inputs\":[\"date\"],\"unit\":null,\"due\":\"2018-01-31\",\"grace_days\":15,\"grace_points\":0.5,"
		"\"late_points\":0}}";
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, first));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"id\":\"hue-so-2018\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"block\":\"so-nganh\",\"max\":100,\"na\":\"exclude\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "{\"id\":\"xs\",\"label\":\"Hoàn thành xuất sắc\",\"share\":100}"));
	cchc_buf_dispose(&out);
	cchc_criteria_free(set);
}

/* A buffer that cannot grow: -1 and the failed flag, never a partial success. */
static void test_buffer_cap(void)
{
	cchc_diag *diag = NULL;
	cchc_criteria *set = test_criteria(set_xml, &diag);
	CU_ASSERT_PTR_NOT_NULL_FATAL(set);
	cchc_diag_free(diag);
	cchc_buf out;
	cchc_buf_init(&out, 64);
	CU_ASSERT_EQUAL(cchc_render_criteria_json(&out, set), -1);
	CU_ASSERT_TRUE(out.failed);
	cchc_buf_dispose(&out);
	cchc_criteria_free(set);
}

int main(void)
{
	static const test_case tests[] = {
		{"every rule kind, exact", test_every_kind},
		{"hue-so-2018", test_hue_so},
		{"capped buffer", test_buffer_cap},
		{NULL, NULL},
	};
	return test_run_suite("criteria_json", tests);
}
