/* Loading assessments: every error the loader reports against the criteria
 * set (message and line), choosing among several sets, and the accessors of
 * a valid assessment. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

/* The criteria set every test loads against (id "t", 2018). */
static const char set_xml[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" max=\"17\" block=\"so-nganh\">\n"
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"
	"<group id=\"G\" title=\"G\" max=\"13\">\n"
	"<criterion id=\"yn\" title=\"yn\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	"<criterion id=\"ti\" title=\"ti\" max=\"2\"><rule kind=\"tiers\" unit=\"%\">"
	"<tier min=\"80\" points=\"2\"/><tier min=\"50\" points=\"1\"/></rule></criterion>\n"
	"<criterion id=\"dl\" title=\"dl\" max=\"1\"><rule kind=\"deadline\" due=\"2018-01-31\"/></criterion>\n"
	"<criterion id=\"ra\" title=\"ra\" max=\"2\"><rule kind=\"ratio\"/></criterion>\n"
	"<criterion id=\"gr\" title=\"gr\" max=\"2\"><rule kind=\"grade\">"
	"<grade id=\"A\" label=\"Tốt\" share=\"100\"/><grade id=\"B\" label=\"Đạt\" share=\"50\"/>"
	"</rule></criterion>\n"
	"<criterion id=\"ju\" title=\"ju\" max=\"2\"><rule kind=\"judged\"/></criterion>\n"
	"<criterion id=\"par\" title=\"par\" max=\"2\">\n"
	"<criterion id=\"par.1\" title=\"p1\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	"<criterion id=\"par.2\" title=\"p2\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	"</criterion>\n"
	"<criterion id=\"pi\" title=\"pi\" max=\"1\"><rule kind=\"per-item\" points=\"0.25\"/></criterion>\n"
	"</group>\n"
	"<group id=\"S\" title=\"S\" max=\"4\" source=\"survey\">\n"
	"<criterion id=\"sm\" title=\"sm\" max=\"2\"><rule kind=\"scale\" from=\"1\" to=\"5\"/></criterion>\n"
	"<criterion id=\"so\" title=\"so\" max=\"2\"><rule kind=\"scale\">"
	"<option id=\"A\" label=\"Hài lòng\" weight=\"100\"/><option id=\"B\" label=\"Tạm được\" weight=\"50\"/>"
	"</rule></criterion>\n"
	"</group>\n"
	"<group id=\"P\" title=\"P\" kind=\"penalty\" min=\"-1\">\n"
	"<criterion id=\"pe\" title=\"pe\" min=\"-0.5\"><rule kind=\"per-item\" points=\"-0.25\"/></criterion>\n"
	"</group>\n"
	"</criteria-set>\n";

/* Lines 1 and 2 of every assessment; items start on line 3. */
#define HEAD_FOR(set, year)                                                                   \
	"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"" set "\" year=\"" year "\">\n" \
	"<agency id=\"stp\" name=\"Sở Tư pháp\"/>\n"
#define HEAD HEAD_FOR("t", "2018")
#define TAIL "</assessment>\n"

static cchc_criteria *the_set;

static int suite_set(void)
{
	cchc_diag *diag = NULL;
	the_set = test_criteria(set_xml, &diag);
	if (!the_set)
		fprintf(stderr, "criteria set refused:\n%s", test_diag_text(diag));
	cchc_diag_free(diag);
	return the_set ? 0 : -1;
}

/* Load xml against the set, expecting it to be refused; returns the diagnostics. */
static cchc_diag *refused(const char *xml)
{
	cchc_diag *diag = NULL;
	if (!the_set && suite_set() < 0) {
		CU_FAIL("no criteria set");
		return cchc_diag_new();
	}
	cchc_assessment *a = test_assessment(the_set, xml, &diag);
	CU_ASSERT_PTR_NULL(a);
	CU_ASSERT(cchc_diag_count(diag) > 0);
	cchc_assessment_free(a);
	return diag;
}

static cchc_assessment *accepted(const char *xml)
{
	cchc_diag *diag = NULL;
	if (!the_set && suite_set() < 0) {
		CU_FAIL("no criteria set");
		return NULL;
	}
	cchc_assessment *a = test_assessment(the_set, xml, &diag);
	if (!a)
		fprintf(stderr, "\n    refused:\n%s", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL(a);
	ASSERT_EQ(cchc_diag_count(diag), 0);
	cchc_diag_free(diag);
	return a;
}

/* ------------------------------------------------------------------ ids */

static void test_unknown_criterion(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"9.9\" met=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<item>: criterion \"9.9\" is not in criteria set \"t\": use an id from "
	            "test-criteria.xml");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	d = refused(HEAD "<appraisal criterion=\"nope\" points=\"1\"/>\n"
	                 "<survey criterion=\"nope2\" respondents=\"1\" mean=\"3\" sd=\"0\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<appraisal>: criterion \"nope\" is not in criteria set \"t\"");
	ASSERT_DIAG(d, 4, "<survey>: criterion \"nope2\" is not in criteria set \"t\"");
	cchc_diag_free(d);
}

static void test_not_a_leaf(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"par\" met=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<item>: \"par\" is a criterion with sub-criteria (first \"par.1\"): give evidence "
	            "for each sub-criterion instead");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" met=\"true\"/>\n"
	                 "<item criterion=\"G\" met=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 4, "<item>: \"G\" is a group with sub-criteria (first \"yn\")");
	cchc_diag_free(d);

	d = refused(HEAD "<appraisal criterion=\"par\" points=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<appraisal>: \"par\" is a criterion with sub-criteria");
	cchc_diag_free(d);
}

static void test_duplicate_item(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"yn\" met=\"true\"/>\n"
	                            "<item criterion=\"ti\" value=\"90\"/>\n"
	                            "<item criterion=\"yn\" met=\"false\"/>\n" TAIL);
	ASSERT_DIAG(d, 5,
	            "a second <item> for criterion \"yn\" (the first is at line 3): give one item per "
	            "criterion");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ evidence */

static void test_evidence_kind(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"dl\" value=\"3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"dl\">: value does not apply to a deadline criterion: give date");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" count=\"3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"yn\">: count does not apply to a yes-no criterion: give met");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ti\" value=\"90\" date=\"2018-01-01\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ti\">: date does not apply to a tiers criterion: give value");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ju\" grade=\"A\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ju\">: grade does not apply to a judged criterion: give points");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"sm\" value=\"3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"sm\">: value does not apply to a scale criterion");
	cchc_diag_free(d);
}

static void test_no_evidence(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"ti\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ti\">: no evidence: give value (or met=\"false\")");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* a claim alone is not evidence */
	d = refused(HEAD "<item criterion=\"yn\" self=\"1\" note=\"Đã làm\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"yn\">: no evidence: give met (or met=\"false\")");
	cchc_diag_free(d);
}

static void test_met(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"ti\" met=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ti\">: met=\"true\" is for yes-no criteria: give value");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ti\" met=\"false\" value=\"90\"/>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<item criterion=\"ti\">: met=\"false\" says it was not done, yet other evidence "
	            "is given: remove one or the other");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ra\" met=\"false\" numerator=\"1\" denominator=\"2\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ra\">: met=\"false\" says it was not done, yet other evidence");
	cchc_diag_free(d);

	/* met="false" alone is fine on every kind */
	cchc_assessment *a = accepted(HEAD "<item criterion=\"ti\" met=\"false\"/>\n"
	                                   "<item criterion=\"dl\" met=\"false\"/>\n"
	                                   "<item criterion=\"gr\" met=\"false\"/>\n" TAIL);
	cchc_assessment_free(a);
}

static void test_na(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"ti\" na=\"true\" value=\"90\"/>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<item criterion=\"ti\">: na=\"true\" declares it not applicable, so it takes no "
	            "evidence: remove one or the other");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" na=\"true\" met=\"false\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"yn\">: na=\"true\" declares it not applicable");
	cchc_diag_free(d);

	/* an appraisal of a criterion declared N/A */
	d = refused(HEAD "<item criterion=\"yn\" na=\"true\"/>\n"
	                 "<appraisal criterion=\"yn\" points=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"yn\" is declared not applicable but has an appraisal: remove one");
	cchc_diag_free(d);

	/* N/A with a survey, survey first: refused */
	d = refused(HEAD "<survey criterion=\"sm\" respondents=\"10\" mean=\"3\" sd=\"1\"/>\n"
	                 "<item criterion=\"sm\" na=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 4, "<item criterion=\"sm\">: na=\"true\" declares it not applicable");
	cchc_diag_free(d);
}

/* The same contradiction written the other way round (N/A item, then its
 * survey) must be refused too: validity cannot depend on element order. */
static void test_na_then_survey(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"sm\" na=\"true\"/>\n"
	                            "<survey criterion=\"sm\" respondents=\"10\" mean=\"3\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 0, "not applicable");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"so\" met=\"false\"/>\n"
	                 "<survey criterion=\"so\"><answer option=\"A\" count=\"3\"/></survey>\n" TAIL);
	ASSERT_DIAG(d, 0, "met=\"false\" says it was not done");
	cchc_diag_free(d);
}

static void test_values(void)
{
	cchc_diag *d = refused(HEAD "<item criterion=\"ti\" value=\"100.5\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ti\">: value is a percentage: give 0 to 100");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ti\" value=\"-0.000001\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ti\">: value is a percentage: give 0 to 100");
	cchc_diag_free(d);

	/* exactly 0 and 100 are percentages */
	cchc_assessment *a = accepted(HEAD "<item criterion=\"ti\" value=\"100\"/>\n" TAIL);
	cchc_assessment_free(a);
	a = accepted(HEAD "<item criterion=\"ti\" value=\"0\"/>\n" TAIL);
	cchc_assessment_free(a);

	d = refused(HEAD "<item criterion=\"ra\" numerator=\"5\" denominator=\"4\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ra\">: numerator 5 is larger than denominator 4");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ra\" numerator=\"5\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ra\">: numerator and denominator go together");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ra\" denominator=\"5\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ra\">: numerator and denominator go together");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ju\" points=\"2.5\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"ju\": points 2.50 is outside its range 0.00 to 2.00");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"ju\" points=\"1.3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"ju\">: points must be a multiple of the step 0.25");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" met=\"true\" self=\"1.5\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"yn\": self 1.50 is outside its range 0.00 to 1.00");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"gr\" grade=\"Z\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item criterion=\"gr\">: grade \"Z\" is not one of the rule's grades");
	cchc_diag_free(d);

	/* a date that the calendar does not have */
	d = refused(HEAD "<item criterion=\"dl\" date=\"2018-02-30\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<item \"dl\"> date=\"2018-02-30\": no such date in the calendar");
	cchc_diag_free(d);
}

/* Negative figures in range messages keep their sign. */
static void test_negative_ranges(void)
{
	/* a penalty claim below the criterion's min of −0.5 */
	cchc_diag *d = refused(HEAD "<item criterion=\"pe\" count=\"1\" self=\"-0.75\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"pe\": self -0.75 is outside its range -0.50 to 0.00");
	cchc_diag_free(d);

	/* a negative claim on a scored criterion */
	d = refused(HEAD "<item criterion=\"yn\" met=\"true\" self=\"-0.25\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"yn\": self -0.25 is outside its range 0.00 to 1.00");
	cchc_diag_free(d);

	/* whole negative numbers were always right */
	d = refused(HEAD "<item criterion=\"pe\" count=\"1\" self=\"-1.25\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"pe\": self -1.25 is outside its range");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ appraisals */

static void test_appraisals(void)
{
	cchc_diag *d = refused(HEAD "<appraisal criterion=\"ju\" points=\"3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "criterion \"ju\": appraisal points 3.00 is outside its range 0.00 to 2.00");
	cchc_diag_free(d);

	/* round 1 twice: once by default, once explicitly */
	d = refused(HEAD "<appraisal criterion=\"ju\" points=\"1\"/>\n"
	                 "<appraisal criterion=\"ju\" round=\"1\" points=\"0.5\"/>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"ju\" has two appraisals for round 1 (the other at line 3)");
	cchc_diag_free(d);

	d = refused(HEAD "<appraisal criterion=\"ju\" round=\"100\" points=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<appraisal criterion=\"ju\">: round must be 1 to 99");
	cchc_diag_free(d);

	/* an appraisal without an item is accepted; rounds kept in order */
	cchc_assessment *a = accepted(HEAD "<appraisal criterion=\"ju\" round=\"3\" points=\"1\"/>\n"
	                                   "<appraisal criterion=\"ju\" round=\"2\" points=\"1.5\"/>\n" TAIL);
	if (a) {
		const cchc_item *it = cchc_assessment_item(a, cchc_criteria_find(the_set, "ju"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(it);
		ASSERT_EQ(it->given, 0);
		ASSERT_EQ(it->nrounds, 2);
		ASSERT_EQ(it->rounds[0].round, 2);
		ASSERT_EQ(it->rounds[0].line, 4);
		ASSERT_EQ(it->rounds[1].round, 3);
		ASSERT_EQ(it->rounds[1].points, 100);
	}
	cchc_assessment_free(a);
}

/* ------------------------------------------------------------------ surveys */

static void test_surveys(void)
{
	cchc_diag *d = refused(HEAD "<survey criterion=\"yn\" respondents=\"10\" mean=\"3\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<survey criterion=\"yn\">: the criterion is scored by a yes-no rule, not a survey "
	            "scale: use <item>");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"so\" respondents=\"10\" mean=\"3\" sd=\"1\">\n" /* 3 */
	                 "<answer option=\"A\" count=\"3\"/>\n"
	                 "</survey>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<survey criterion=\"so\">: give either answer counts or respondents, mean and sd, "
	            "not both");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"so\">\n"          /* 3 */
	                 "<answer option=\"A\" count=\"3\"/>\n" /* 4 */
	                 "<answer option=\"E\" count=\"1\"/>\n" /* 5 */
	                 "</survey>\n" TAIL);
	ASSERT_DIAG(d, 5, "<answer option=\"E\">: criterion \"so\" has no such option");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"so\">\n"          /* 3 */
	                 "<answer option=\"A\" count=\"3\"/>\n" /* 4 */
	                 "<answer option=\"A\" count=\"1\"/>\n" /* 5 */
	                 "</survey>\n" TAIL);
	ASSERT_DIAG(d, 5, "<answer option=\"A\"> is given twice");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"so\">\n"
	                 "<answer option=\"A\" count=\"0\"/>\n"
	                 "</survey>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"so\">: no answers counted");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"sm\" respondents=\"10\" mean=\"5.000001\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"sm\">: mean is outside the scale of the rule");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"sm\" respondents=\"10\" mean=\"0.99\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"sm\">: mean is outside the scale of the rule");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"sm\" respondents=\"0\" mean=\"3\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"sm\">: respondents must be 1 or more");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"sm\" mean=\"3\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"sm\">: give respondents, mean and sd (or <answer> counts)");
	cchc_diag_free(d);

	/* answers for a rule without options */
	d = refused(HEAD "<survey criterion=\"sm\"><answer option=\"A\" count=\"3\"/></survey>\n" TAIL);
	ASSERT_DIAG(d, 3,
	            "<survey criterion=\"sm\">: the rule defines no answer options: give respondents, "
	            "mean and sd");
	cchc_diag_free(d);

	/* a mean for a rule with options only */
	d = refused(HEAD "<survey criterion=\"so\" respondents=\"10\" mean=\"3\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "<survey criterion=\"so\">: the rule has no from/to scale for a mean");
	cchc_diag_free(d);

	d = refused(HEAD "<survey criterion=\"sm\" respondents=\"10\" mean=\"3\" sd=\"1\"/>\n"
	                 "<survey criterion=\"sm\" respondents=\"12\" mean=\"4\" sd=\"1\"/>\n" TAIL);
	ASSERT_DIAG(d, 4, "a second <survey> for criterion \"sm\"");
	cchc_diag_free(d);

	/* the edges of the scale are inside it */
	cchc_assessment *a = accepted(HEAD "<survey criterion=\"sm\" respondents=\"1\" mean=\"5\" sd=\"0\"/>\n"
	                                   "<survey criterion=\"so\"><answer option=\"B\" count=\"4\"/>"
	                                   "<answer option=\"A\" count=\"6\"/></survey>\n" TAIL);
	if (a) {
		CU_ASSERT(cchc_assessment_has_survey(a));
		const cchc_item *so = cchc_assessment_item(a, cchc_criteria_find(the_set, "so"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(so);
		ASSERT_EQ(so->respondents, 10);
		ASSERT_EQ(so->answers[0], 6); /* aligned with the rule's options: A, B */
		ASSERT_EQ(so->answers[1], 4);
		CU_ASSERT(so->has & CCHC_HAS_SURVEY_ANSWERS);
		const cchc_item *sm = cchc_assessment_item(a, cchc_criteria_find(the_set, "sm"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(sm);
		ASSERT_EQ(sm->mean, 5000000);
		CU_ASSERT(sm->has & CCHC_HAS_SURVEY_MEAN);
	}
	cchc_assessment_free(a);
	a = accepted(HEAD "<survey criterion=\"sm\" respondents=\"1\" mean=\"1\" sd=\"0\"/>\n" TAIL);
	cchc_assessment_free(a);
}

/* ------------------------------------------------------------------ documents */

static void test_doc_paths(void)
{
	static const char *const bad[] = {"../../etc/passwd", "/etc/passwd", "evidence/../../x.pdf",
	                                  "..", "evidence\\..\\x.pdf", "~/x.pdf"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char xml[1024], needle[256];
		snprintf(xml, sizeof xml,
		         HEAD "<item criterion=\"yn\" met=\"true\">\n" /* 3 */
		              "<doc ref=\"CV 1\" file=\"%s\"/>\n"     /* 4 */
		              "</item>\n" TAIL,
		         bad[i]);
		snprintf(needle, sizeof needle,
		         "<doc> file=\"%s\": the evidence path must be relative and stay inside the "
		         "assessment's folder (no leading /, no ..)",
		         bad[i]);
		cchc_diag *d = refused(xml);
		ASSERT_DIAG(d, 4, needle);
		cchc_diag_free(d);
	}

	/* inside the folder: fine, even with dots in names */
	cchc_assessment *a = accepted(HEAD "<item criterion=\"yn\" met=\"true\">\n"
	                                   "<doc ref=\"KH 45\" file=\"evidence/kh-45.pdf\"/>\n"
	                                   "<doc ref=\"QĐ 2\" file=\"./evidence/..qd..2.pdf\"/>\n"
	                                   "<doc ref=\"Báo cáo giấy\"/>\n"
	                                   "</item>\n" TAIL);
	if (a) {
		const cchc_item *it = cchc_assessment_item(a, cchc_criteria_find(the_set, "yn"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(it);
		ASSERT_EQ(it->ndocs, 3);
		ASSERT_STR(it->docs[0].ref, "KH 45");
		ASSERT_STR(it->docs[0].file, "evidence/kh-45.pdf");
		ASSERT_EQ(it->docs[0].line, 4);
		CU_ASSERT_PTR_NULL(it->docs[2].file);
	}
	cchc_assessment_free(a);
}

/* ------------------------------------------------------------------ the set */

static void test_year_and_set(void)
{
	cchc_diag *d = refused(HEAD_FOR("t", "2019") TAIL);
	ASSERT_DIAG(d, 1, "the assessment is for year 2019 but criteria set \"t\" is for 2018");
	cchc_diag_free(d);

	d = refused(HEAD_FOR("hue-so-2019", "2018") TAIL);
	ASSERT_DIAG(d, 1,
	            "criteria-set=\"hue-so-2019\" does not match the criteria set given (\"t\"): give "
	            "its criteria file, or correct the attribute");
	cchc_diag_free(d);
}

#define OTHER_SET(id, year)                                                                   \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"" id "\" year=\"" year "\" title=\"U\" max=\"1\">\n" \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"                                          \
	"<group id=\"H\" title=\"H\" max=\"1\">\n"                                                \
	"<criterion id=\"u1\" title=\"u1\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"       \
	"</group>\n"                                                                              \
	"</criteria-set>\n"

static void test_multi_set(void)
{
	cchc_diag *d1 = NULL, *d2 = NULL;
	cchc_criteria *u = test_criteria(OTHER_SET("u", "2018"), &d1);
	cchc_criteria *v = test_criteria(OTHER_SET("v", "2019"), &d2);
	cchc_diag_free(d1);
	cchc_diag_free(d2);
	CU_ASSERT_FATAL(u && v && the_set);
	const cchc_criteria *sets[3] = {the_set, u, v};

	static const char xml_u[] = HEAD_FOR("u", "2018") "<item criterion=\"u1\" met=\"true\"/>\n" TAIL;
	cchc_assessment *a = NULL;
	cchc_diag *d = cchc_diag_new();
	ASSERT_EQ(cchc_assessment_load_memory(&a, sets, 3, xml_u, strlen(xml_u), "u.xml", d), 0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	if (a) {
		CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(a), u);
		const cchc_item *it = cchc_assessment_item(a, cchc_criteria_find(u, "u1"));
		CU_ASSERT_PTR_NOT_NULL_FATAL(it);
		ASSERT_EQ(it->met, 1);
		cchc_score *s = NULL;
		ASSERT_EQ(cchc_score_compute(&s, a), 0);
		if (s)
			ASSERT_EQ(s->total, 100);
		cchc_score_free(s);
	}
	cchc_assessment_free(a);

	/* the 2019 set, its own year */
	static const char xml_v[] = HEAD_FOR("v", "2019") "<item criterion=\"u1\" met=\"false\"/>\n" TAIL;
	a = NULL;
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_assessment_load_memory(&a, sets, 3, xml_v, strlen(xml_v), "v.xml", d), 0);
	if (a)
		CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(a), v);
	cchc_assessment_free(a);

	/* an id of none of them: the message lists every set */
	static const char xml_w[] = HEAD_FOR("w", "2018") TAIL;
	a = (cchc_assessment *)1;
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_assessment_load_memory(&a, sets, 3, xml_w, strlen(xml_w), "w.xml", d), -1);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_DIAG(d, 1,
	            "criteria-set=\"w\" does not match the criteria sets given (\"t\", \"u\", \"v\")");

	/* a criterion of another set */
	static const char xml_x[] = HEAD_FOR("u", "2018") "<item criterion=\"yn\" met=\"true\"/>\n" TAIL;
	a = NULL;
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_assessment_load_memory(&a, sets, 3, xml_x, strlen(xml_x), "x.xml", d), -1);
	ASSERT_DIAG(d, 3, "<item>: criterion \"yn\" is not in criteria set \"u\"");

	/* no set at all */
	a = (cchc_assessment *)1;
	cchc_diag_clear(d);
	ASSERT_EQ(cchc_assessment_load_memory(&a, sets, 0, xml_u, strlen(xml_u), "u.xml", d), -1);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_DIAG(d, 0, "no criteria set to check the assessment against");

	cchc_diag_free(d);
	cchc_criteria_free(u);
	cchc_criteria_free(v);
}

/* ------------------------------------------------------------------ XML level */

static void test_xml_level(void)
{
	cchc_diag *d = refused("");
	ASSERT_DIAG(d, 0, "the file is empty");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" met=\"true\">\n" TAIL);
	ASSERT_DIAG(d, 0, "not well-formed XML");
	cchc_diag_free(d);

	d = refused("<!DOCTYPE assessment [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" HEAD
	            "<item criterion=\"yn\" met=\"true\" note=\"&x;\"/>\n" TAIL);
	ASSERT_DIAG(d, 1, "a <!DOCTYPE> is not allowed");
	CU_ASSERT(!test_diag_has(d, 0, "root:"));
	cchc_diag_free(d);

	d = refused("<assessment xmlns=\"urn:cchc:criteria:1\" criteria-set=\"t\" year=\"2018\"/>\n");
	ASSERT_DIAG(d, 1,
	            "the root element is <assessment> in namespace \"urn:cchc:criteria:1\": expected "
	            "<assessment xmlns=\"urn:cchc:assessment:1\">");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" met=\"yes\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "does not match the schema");
	cchc_diag_free(d);

	d = refused(HEAD "<item criterion=\"yn\" met=\"true\" colour=\"red\"/>\n" TAIL);
	ASSERT_DIAG(d, 3, "does not match the schema");
	ASSERT_DIAG(d, 3, "colour");
	cchc_diag_free(d);

	/* the agency must come first */
	d = refused("<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"
	            "<item criterion=\"yn\" met=\"true\"/>\n"
	            "<agency id=\"a\" name=\"A\"/>\n" TAIL);
	ASSERT_DIAG(d, 0, "does not match the schema");
	cchc_diag_free(d);

	/* an agency filed under another block than the set ranks */
	d = refused("<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"
	            "<agency id=\"hue\" name=\"Thành phố Huế\" block=\"huyen\"/>\n"
	            "<item criterion=\"yn\" met=\"true\"/>\n" TAIL);
	ASSERT_DIAG(d, 2, "<agency id=\"hue\"> is in block \"huyen\" but criteria set \"t\" ranks "
	                  "block \"so-nganh\": fix block=\"…\" or use that block's criteria set");
	cchc_diag_free(d);

	cchc_assessment *a = (cchc_assessment *)1;
	d = cchc_diag_new();
	const cchc_criteria *sets[1] = {the_set};
	ASSERT_EQ(cchc_assessment_load(&a, sets, 1, "/nonexistent/cchc/a.xml", d), -1);
	CU_ASSERT_PTR_NULL(a);
	ASSERT_DIAG(d, 0, "cannot open the file");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ valid */

static void test_valid(void)
{
	cchc_assessment *a = accepted(
		"<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\">\n"
		"<agency id=\"skhdt\" name=\"Sở Kế hoạch và Đầu tư\" block=\"so-nganh\"/>\n"
		"<item criterion=\"yn\" met=\"true\" self=\"1\" note=\"Đã ban hành\"/>\n"     /* 3 */
		"<item criterion=\"ti\" value=\"92.5\" self=\"2\"/>\n"
		"<item criterion=\"dl\" date=\"2018-02-12\"/>\n"
		"<item criterion=\"ra\" numerator=\"45\" denominator=\"50\"/>\n"
		"<item criterion=\"gr\" grade=\"B\"/>\n"
		"<item criterion=\"ju\" points=\"1.75\"/>\n"
		"<item criterion=\"par.1\" na=\"true\"/>\n"
		"<item criterion=\"pi\" count=\"3\"/>\n"
		"<item criterion=\"pe\" count=\"1\" self=\"-0.25\"/>\n"
		"<appraisal criterion=\"ti\" points=\"1\" by=\"Hội đồng\" reason=\"Số liệu chưa khớp\"/>\n" /* 12 */
		"<survey criterion=\"sm\" respondents=\"120\" mean=\"3.85\" sd=\"0.90\"/>\n" TAIL);
	if (!a)
		return;
	ASSERT_STR(cchc_assessment_agency_id(a), "skhdt");
	ASSERT_STR(cchc_assessment_agency_name(a), "Sở Kế hoạch và Đầu tư");
	ASSERT_STR(cchc_assessment_agency_block(a), "so-nganh");
	ASSERT_EQ(cchc_assessment_year(a), 2018);
	ASSERT_STR(cchc_assessment_file(a), "test-assessment.xml");
	CU_ASSERT_PTR_EQUAL(cchc_assessment_criteria(a), the_set);
	CU_ASSERT(cchc_assessment_has_survey(a));

	const cchc_item *yn = cchc_assessment_item(a, cchc_criteria_find(the_set, "yn"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(yn);
	ASSERT_EQ(yn->line, 3);
	ASSERT_EQ(yn->given, 1);
	ASSERT_EQ(yn->met, 1);
	ASSERT_EQ(yn->self, 100);
	ASSERT_EQ(yn->has, CCHC_HAS_MET | CCHC_HAS_SELF);
	ASSERT_STR(yn->note, "Đã ban hành");

	const cchc_item *ti = cchc_assessment_item(a, cchc_criteria_find(the_set, "ti"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(ti);
	ASSERT_EQ(ti->value, 92500000);
	ASSERT_EQ(ti->nrounds, 1);
	ASSERT_EQ(ti->rounds[0].round, 1);
	ASSERT_EQ(ti->rounds[0].points, 100);
	ASSERT_EQ(ti->rounds[0].line, 12);
	ASSERT_STR(ti->rounds[0].by, "Hội đồng");
	ASSERT_STR(ti->rounds[0].reason, "Số liệu chưa khớp");

	cchc_date d = 0;
	cchc_date_parse("2018-02-12", &d);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "dl"))->date, d);
	const cchc_item *ra = cchc_assessment_item(a, cchc_criteria_find(the_set, "ra"));
	ASSERT_EQ(ra->numerator, 45);
	ASSERT_EQ(ra->denominator, 50);
	ASSERT_EQ(ra->has, CCHC_HAS_RATIO);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "gr"))->grade, 1);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "ju"))->points, 175);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "par.1"))->na, 1);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "pi"))->count, 3);
	ASSERT_EQ(cchc_assessment_item(a, cchc_criteria_find(the_set, "pe"))->self, -25);
	const cchc_item *sm = cchc_assessment_item(a, cchc_criteria_find(the_set, "sm"));
	ASSERT_EQ(sm->respondents, 120);
	ASSERT_EQ(sm->mean, 3850000);
	ASSERT_EQ(sm->sd, 900000);
	/* no evidence for these */
	CU_ASSERT_PTR_NULL(cchc_assessment_item(a, cchc_criteria_find(the_set, "par.2")));
	CU_ASSERT_PTR_NULL(cchc_assessment_item(a, cchc_criteria_find(the_set, "so")));

	/* and it scores: yn 1, ti appraised 1, dl late 0, ra 2×0.9 = 1.8 → 1.75, gr 1,
	 * ju 1.75, par.1 N/A excluded, par.2 0, pi 0.75, sm 2 × 2.85/4 = 1.425 → 1.42,
	 * so 0; frame 7.25 + 1.42 = 8.67 of 17 − 1 = 16; penalty −0.25; total 8.42;
	 * 8.42/16 = 52.625 % → 5263 half up */
	cchc_score *s = NULL;
	ASSERT_EQ(cchc_score_compute(&s, a), 0);
	if (s) {
		ASSERT_EQ(s->frame, 867);
		ASSERT_EQ(s->penalty, -25);
		ASSERT_EQ(s->total, 842);
		ASSERT_EQ(s->max, 1600);
		ASSERT_EQ(s->index, 5263);
		/* claims 1 + 2 − 0.25 */
		ASSERT_EQ(s->self_total, 275);
	}
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_assessment_free(NULL);
}

static void test_valid_files(void)
{
	cchc_criteria *set = NULL;
	cchc_assessment *a = NULL;
	cchc_score *s = NULL;
	cchc_diag *d = cchc_diag_new();
	const char *set_path = test_path("tests/data/rules/minimal.xml");
	ASSERT_EQ(cchc_criteria_load(&set, set_path, d), 0);
	if (!set) {
		fprintf(stderr, "\n%s", test_diag_text(d));
		cchc_diag_free(d);
		return;
	}
	const cchc_criteria *sets[1] = {set};
	char path[4096];
	snprintf(path, sizeof path, "%s", test_path("tests/data/rules/minimal-assessment.xml"));
	ASSERT_EQ(cchc_assessment_load(&a, sets, 1, path, d), 0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	if (a) {
		ASSERT_STR(cchc_assessment_file(a), path);
		ASSERT_STR(cchc_assessment_agency_block(a), "so-nganh");
		ASSERT_EQ(cchc_score_compute(&s, a), 0);
	}
	if (s) {
		/* 1.1: two days late, no grace → 0 (late); 1.2: 2 × 9/10 = 1.8 → 1.75;
		 * 1.75 of 3 = 58.333 % → 5833; below 2 → "Yếu" */
		const cchc_node_score *n11 = cchc_score_node(s, cchc_criteria_find(set, "1.1"));
		ASSERT_EQ(n11->points, 0);
		ASSERT_EQ(n11->cause, CCHC_CAUSE_LATE);
		ASSERT_EQ(n11->reason->days_late, 2);
		ASSERT_EQ(cchc_score_node(s, cchc_criteria_find(set, "1.2"))->points, 175);
		ASSERT_EQ(s->total, 175);
		ASSERT_EQ(s->max, 300);
		ASSERT_EQ(s->index, 5833);
		ASSERT_EQ(s->self_total, 300);
		ASSERT_STR(s->band ? s->band->label : NULL, "Yếu");
	}
	cchc_score_free(s);
	cchc_assessment_free(a);
	cchc_criteria_free(set);
	cchc_diag_free(d);
}

/* Several problems in one file are all reported. */
static void test_all_errors_reported(void)
{
	cchc_diag *d = refused(HEAD_FOR("t", "2017")
	                       "<item criterion=\"zz\" met=\"true\"/>\n"                 /* 3 */
	                       "<item criterion=\"ju\" points=\"9\"/>\n"                  /* 4 */
	                       "<item criterion=\"ra\" numerator=\"3\" denominator=\"2\"/>\n" /* 5 */
	                       "<appraisal criterion=\"yn\" points=\"-1\"/>\n"            /* 6 */
	                       TAIL);
	ASSERT_DIAG(d, 1, "the assessment is for year 2017 but criteria set \"t\" is for 2018");
	ASSERT_DIAG(d, 3, "criterion \"zz\" is not in criteria set \"t\"");
	ASSERT_DIAG(d, 4, "criterion \"ju\": points 9.00 is outside its range 0.00 to 2.00");
	ASSERT_DIAG(d, 5, "numerator 3 is larger than denominator 2");
	ASSERT_DIAG(d, 6, "criterion \"yn\": appraisal points -1.00 is outside its range 0.00 to 1.00");
	cchc_diag_free(d);
}

static void test_cleanup(void)
{
	cchc_criteria_free(the_set);
	the_set = NULL;
}

int main(void)
{
	static const test_case tests[] = {
		{"unknown criterion ids", test_unknown_criterion},
		{"evidence for a non-leaf", test_not_a_leaf},
		{"one item per criterion", test_duplicate_item},
		{"evidence must fit the rule kind", test_evidence_kind},
		{"an item needs evidence", test_no_evidence},
		{"met=true only on yes-no; met=false alone", test_met},
		{"N/A takes no evidence", test_na},
		{"N/A then a survey is refused too", test_na_then_survey},
		{"values, ratios, points, claims, grades, dates", test_values},
		{"negative figures in range messages", test_negative_ranges},
		{"appraisal rounds", test_appraisals},
		{"surveys", test_surveys},
		{"evidence paths stay inside the folder", test_doc_paths},
		{"year and criteria-set must match", test_year_and_set},
		{"choosing among several criteria sets", test_multi_set},
		{"XML-level refusals", test_xml_level},
		{"a valid assessment and its accessors", test_valid},
		{"a valid assessment from files", test_valid_files},
		{"every error is reported", test_all_errors_reported},
		{"cleanup", test_cleanup},
		{NULL, NULL}};
	if (suite_set() < 0)
		return 1;
	return test_run_suite("assessment", tests);
}
