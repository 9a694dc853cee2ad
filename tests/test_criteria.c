/* Loading criteria sets: every semantic error the loader reports (message and
 * line), hostile and malformed XML, and the accessors of a valid set. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ helpers */

/* Lines 1 and 2 of every inline set; groups start on line 3. */
#define HEAD(max)                                                                             \
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" "       \
	"max=\"" max "\">\n"                                                                      \
	"<bands><band label=\"A\" min=\"0\"/></bands>\n"
#define TAIL "</criteria-set>\n"

/* Load xml, expecting it to be refused; returns the diagnostics to check and free. */
static cchc_diag *refused(const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_criteria *set = test_criteria(xml, &diag);
	CU_ASSERT_PTR_NULL(set);
	CU_ASSERT(cchc_diag_count(diag) > 0);
	cchc_criteria_free(set);
	return diag;
}

/* Load xml, expecting it to load; NULL (and a failed assert) otherwise. */
static cchc_criteria *accepted(const char *xml)
{
	cchc_diag *diag = NULL;
	cchc_criteria *set = test_criteria(xml, &diag);
	if (!set)
		fprintf(stderr, "\n    refused:\n%s", test_diag_text(diag));
	CU_ASSERT_PTR_NOT_NULL(set);
	ASSERT_EQ(cchc_diag_count(diag), 0);
	cchc_diag_free(diag);
	return set;
}

/* ------------------------------------------------------------------ ids and sums */

static void test_duplicate_id(void)
{
	cchc_diag *d = refused(HEAD("2")
	                       "<group id=\"G\" title=\"G\" max=\"2\">\n"                          /* 3 */
	                       "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	                       "<criterion id=\"c\" title=\"D\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n" /* 5 */
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 5, "id \"c\" is used twice (first at line 4): ids must be unique");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* a criterion reusing its group's id */
	d = refused(HEAD("1")
	            "<group id=\"1\" title=\"G\" max=\"1\">\n"                                       /* 3 */
	            "<criterion id=\"1\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "id \"1\" is used twice (first at line 3)");
	cchc_diag_free(d);
}

static void test_sums(void)
{
	/* sub-criteria add up to 1.5, parent says 2 */
	cchc_diag *d = refused(HEAD("2")
	                       "<group id=\"G\" title=\"G\" max=\"2\">\n"                              /* 3 */
	                       "<criterion id=\"c\" title=\"C\" max=\"2\">\n"                          /* 4 */
	                       "<criterion id=\"c.1\" title=\"C1\" max=\"0.5\"><rule kind=\"yes-no\"/></criterion>\n"
	                       "<criterion id=\"c.2\" title=\"C2\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                       "</criterion>\n"
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"c\": its sub-criteria' max add up to 1.5, not its max 2");
	cchc_diag_free(d);

	/* a group's criteria add up to 2.25, the group says 3 */
	d = refused(HEAD("3")
	            "<group id=\"G\" title=\"G\" max=\"3\">\n"                                        /* 3 */
	            "<criterion id=\"c\" title=\"C\" max=\"2.25\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 3, "group \"G\": its criteria' max add up to 2.25, not its max 3");
	cchc_diag_free(d);

	/* the set says 10, its groups add up to 2 */
	d = refused(HEAD("10")
	            "<group id=\"G\" title=\"G\" max=\"2\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 1, "the criteria set's max is 10 but its scored and survey groups add up to 2");
	cchc_diag_free(d);

	/* bonus groups are outside the frame and may exceed their cap */
	cchc_criteria *set = accepted(HEAD("2")
	                              "<group id=\"G\" title=\"G\" max=\"2\">\n"
	                              "<criterion id=\"c\" title=\"C\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"
	                              "</group>\n"
	                              "<group id=\"B\" title=\"B\" kind=\"bonus\" max=\"1\">\n"
	                              "<criterion id=\"b1\" title=\"b1\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                              "<criterion id=\"b2\" title=\"b2\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                              "</group>\n" TAIL);
	if (set)
		ASSERT_EQ(cchc_criteria_max(set), 200);
	cchc_criteria_free(set);

	/* the survey group counts in the frame */
	d = refused(HEAD("2")
	            "<group id=\"G\" title=\"G\" max=\"2\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n"
	            "<group id=\"S\" title=\"S\" max=\"1\" source=\"survey\">\n"
	            "<criterion id=\"s\" title=\"s\" max=\"1\"><rule kind=\"scale\" from=\"1\" to=\"5\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 1, "the criteria set's max is 2 but its scored and survey groups add up to 3");
	cchc_diag_free(d);
}

/* The root element is on line 2 after an XML declaration: the set-level sum
 * error must point there, not at the declaration. */
static void test_set_sum_line(void)
{
	cchc_diag *d = refused("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" /* 1 */
	                       HEAD("10")                                   /* 2, 3 */
	                       "<group id=\"G\" title=\"G\" max=\"2\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"2\"><rule kind=\"yes-no\"/></criterion>\n"
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 2, "the criteria set's max is 10 but its scored and survey groups add up to 2");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ tiers */

#define ONE_LEAF(max, inner)                                                                  \
	HEAD(max) "<group id=\"G\" title=\"G\" max=\"" max "\">\n"                   /* 3 */     \
	          "<criterion id=\"c\" title=\"C\" max=\"" max "\">\n"               /* 4 */     \
	          inner                                                              /* 5… */    \
	          "</criterion>\n"                                                               \
	          "</group>\n" TAIL

static void test_tiers_errors(void)
{
	/* tier 2 gives 3 of a max of 2 */
	cchc_diag *d = refused(ONE_LEAF("2", "<rule kind=\"tiers\">\n"        /* 5 */
	                                     "<tier min=\"80\" points=\"2\"/>\n" /* 6 */
	                                     "<tier min=\"50\" points=\"3\"/>\n" /* 7 */
	                                     "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": tier 2 gives 3, outside 0..2");
	cchc_diag_free(d);

	/* bounds not descending (better=higher) */
	d = refused(ONE_LEAF("2", "<rule kind=\"tiers\" better=\"higher\">\n"
	                          "<tier min=\"50\" points=\"2\"/>\n"
	                          "<tier min=\"80\" points=\"1\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": tier 2 is not below tier 1: list tiers best first, each with a "
	            "lower bound and fewer points");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* points not descending */
	d = refused(ONE_LEAF("2", "<rule kind=\"tiers\">\n"
	                          "<tier min=\"80\" points=\"2\"/>\n"
	                          "<tier min=\"50\" points=\"1\"/>\n"
	                          "<tier min=\"20\" points=\"1\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": tier 3 is not below tier 2");
	cchc_diag_free(d);

	/* better=lower: bounds must rise */
	d = refused(ONE_LEAF("1", "<rule kind=\"tiers\" better=\"lower\">\n"
	                          "<tier max=\"2\" points=\"1\"/>\n"
	                          "<tier max=\"2\" points=\"0.5\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5, "tier 2 is not below tier 1: list tiers best first, each with a higher bound");
	cchc_diag_free(d);

	/* the best tier is not worth the max */
	d = refused(ONE_LEAF("2", "<rule kind=\"tiers\">\n"
	                          "<tier min=\"80\" points=\"1.5\"/>\n"
	                          "<tier min=\"50\" points=\"1\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": the best tier gives 1.5 but the criterion's max is 2: list the "
	            "best tier first and make it worth the max");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* no tier at all */
	d = refused(ONE_LEAF("2", "<rule kind=\"tiers\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": a tiers rule needs at least one <tier>");
	cchc_diag_free(d);

	/* better="lower" tiers carry max, not min */
	d = refused(ONE_LEAF("1", "<rule kind=\"tiers\" better=\"lower\">\n" /* 5 */
	                          "<tier min=\"0\" points=\"1\"/>\n"        /* 6 */
	                          "</rule>\n"));
	ASSERT_DIAG(d, 6, "<tier>: with better=\"lower\" each tier needs max=\"…\" and no min");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ grades */

static void test_grade_errors(void)
{
	cchc_diag *d = refused(ONE_LEAF("2", "<rule kind=\"grade\">\n"                       /* 5 */
	                                     "<grade id=\"A\" label=\"a\" share=\"90\"/>\n"
	                                     "<grade id=\"B\" label=\"b\" share=\"50\"/>\n"
	                                     "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": the first grade must be the best, share=\"100\"");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	d = refused(ONE_LEAF("2", "<rule kind=\"grade\">\n"
	                          "<grade id=\"A\" label=\"a\" share=\"100\"/>\n"
	                          "<grade id=\"B\" label=\"b\" share=\"50\"/>\n"
	                          "<grade id=\"C\" label=\"c\" share=\"60\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": grade \"C\" must be worth less than the one before it: list "
	            "grades best first");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	d = refused(ONE_LEAF("2", "<rule kind=\"grade\">\n"
	                          "<grade id=\"A\" label=\"a\" share=\"100\"/>\n"
	                          "<grade id=\"B\" label=\"b\" share=\"50\"/>\n"
	                          "<grade id=\"B\" label=\"c\" share=\"25\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": grade id \"B\" is used twice");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* a share above 100 % */
	d = refused(ONE_LEAF("2", "<rule kind=\"grade\">\n"
	                          "<grade id=\"A\" label=\"a\" share=\"150\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": grade \"A\" has share 150 %: use 0 to 100");
	cchc_diag_free(d);

	/* 12.5 % of 0.5 is 0.0625: not whole hundredths */
	d = refused(ONE_LEAF("0.5", "<rule kind=\"grade\">\n"
	                            "<grade id=\"A\" label=\"a\" share=\"100\"/>\n"
	                            "<grade id=\"B\" label=\"b\" share=\"12.5\"/>\n"
	                            "</rule>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": grade \"B\" (12.5 % of the max) is not a multiple of 0,01 points");
	cchc_diag_free(d);

	/* a <tier> under a grade rule */
	d = refused(ONE_LEAF("2", "<rule kind=\"grade\">\n"                       /* 5 */
	                          "<tier min=\"1\" points=\"2\"/>\n"             /* 6 */
	                          "<grade id=\"A\" label=\"a\" share=\"100\"/>\n" /* 7 */
	                          "</rule>\n"));
	ASSERT_DIAG(d, 6, "<rule kind=\"grade\"> of \"c\": <tier> does not apply to this kind");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("2", "<rule kind=\"grade\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": a grade rule needs at least one <grade>");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ steps and ranges */

static void test_step_errors(void)
{
	cchc_diag *d = refused(ONE_LEAF("1", "<rule kind=\"linear\" from=\"0\" to=\"100\" step=\"0.3\"/>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": step 0.3 does not divide its max 1, so full points could never "
	            "be reached");
	cchc_diag_free(d);

	/* the default step 0.25 of a ratio does not divide 0.1 */
	d = refused(ONE_LEAF("0.1", "<rule kind=\"ratio\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": step 0.25 does not divide its max 0.1");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("2", "<rule kind=\"judged\" step=\"0.15\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": step 0.15 does not divide its max 2");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"scale\" from=\"1\" to=\"5\" step=\"0.3\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": step 0.3 does not divide its max 1");
	cchc_diag_free(d);
}

static void test_linear_errors(void)
{
	cchc_diag *d = refused(ONE_LEAF("1", "<rule kind=\"linear\" from=\"5\" to=\"5\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": from and to must differ");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"linear\" from=\"0\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"linear\"> of \"c\": both from=\"…\" and to=\"…\" are required");
	cchc_diag_free(d);

	/* a scale with neither from/to nor options */
	d = refused(ONE_LEAF("1", "<rule kind=\"scale\"/>\n"));
	ASSERT_DIAG(d, 5,
	            "criterion \"c\": a scale rule needs from/to (for a mean) or <option> weights");
	cchc_diag_free(d);

	/* option weights are percentages; ids are unique */
	d = refused(ONE_LEAF("1", "<rule kind=\"scale\">\n"
	                          "<option id=\"A\" label=\"a\" weight=\"120\"/>\n"
	                          "<option id=\"A\" label=\"b\" weight=\"50\"/>\n"
	                          "</rule>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": option \"A\" weight must be 0 to 100");
	ASSERT_DIAG(d, 5, "criterion \"c\": option id \"A\" is used twice");
	cchc_diag_free(d);
}

static void test_per_item_errors(void)
{
	cchc_diag *d = refused(ONE_LEAF("1", "<rule kind=\"per-item\" points=\"1.5\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": points per item must be above 0 and at most 1");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"per-item\" points=\"0\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": points per item must be above 0 and at most 1");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"per-item\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"per-item\"> of \"c\": points=\"…\" per item is required");
	cchc_diag_free(d);
}

static void test_deadline_errors(void)
{
	cchc_diag *d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" late-points=\"0.5\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": late-points must be 0 or more and below max 0.5");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" late-points=\"-0.25\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": late-points must be 0 or more and below max 0.5");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"5\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"deadline\"> of \"c\": grace-days and grace-points go together");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" grace-points=\"0.25\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"deadline\"> of \"c\": grace-days and grace-points go together");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"5\" "
	                            "grace-points=\"0.5\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": grace-points 0.5 must lie between late-points 0 and the max");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"5\" "
	                            "grace-points=\"0.1\" late-points=\"0.25\"/>\n"));
	ASSERT_DIAG(d, 5, "criterion \"c\": grace-points 0.1 must lie between late-points 0.25 and the max");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"deadline\"> of \"c\": due=\"YYYY-MM-DD\" is required");
	cchc_diag_free(d);

	/* the calendar has no 30 February */
	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-02-30\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule> due=\"2018-02-30\": no such date in the calendar");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-13-01\"/>\n"));
	ASSERT_DIAG(d, 5, "due=\"2018-13-01\": no such date in the calendar");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("0.5", "<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"4000\" "
	                            "grace-points=\"0.25\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule> of \"c\": grace-days=\"4000\" is more than ten years");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ penalty */

#define WITH_PENALTY(inner)                                                                   \
	HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"                          /* 3 */    \
	          "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n" \
	          "</group>\n"                                                        /* 5 */    \
	          "<group id=\"P\" title=\"P\" kind=\"penalty\" min=\"-1\">\n"        /* 6 */    \
	          inner                                                               /* 7 */    \
	          "</group>\n" TAIL

static void test_penalty_errors(void)
{
	cchc_diag *d = refused(WITH_PENALTY("<criterion id=\"p\" title=\"p\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"));
	ASSERT_DIAG(d, 7,
	            "criterion \"p\" is in a penalty group: give min=\"-…\" (the largest deduction) "
	            "and no max");
	cchc_diag_free(d);

	d = refused(WITH_PENALTY("<criterion id=\"p\" title=\"p\" min=\"-1\"><rule kind=\"tiers\">"
	                         "<tier min=\"1\" points=\"0\"/></rule></criterion>\n"));
	ASSERT_DIAG(d, 7,
	            "criterion \"p\": a penalty criterion must use per-item, yes-no or judged, not tiers");
	cchc_diag_free(d);

	d = refused(WITH_PENALTY("<criterion id=\"p\" title=\"p\" min=\"-1\"><rule kind=\"per-item\" "
	                         "points=\"0.5\"/></criterion>\n"));
	ASSERT_DIAG(d, 7,
	            "criterion \"p\" is a penalty: points per item must be negative and no lower than "
	            "its min -1");
	cchc_diag_free(d);

	d = refused(WITH_PENALTY("<criterion id=\"p\" title=\"p\" min=\"-1\"><rule kind=\"per-item\" "
	                         "points=\"-1.5\"/></criterion>\n"));
	ASSERT_DIAG(d, 7, "points per item must be negative and no lower than its min -1");
	cchc_diag_free(d);

	/* the group itself with max instead of min */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                      "</group>\n"
	                      "<group id=\"P\" title=\"P\" kind=\"penalty\" max=\"1\">\n" /* 6 */
	                      "<criterion id=\"p\" title=\"p\" min=\"-1\"><rule kind=\"yes-no\"/></criterion>\n"
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 6, "group \"P\" is in a penalty group: give min=\"-…\"");
	cchc_diag_free(d);

	/* min on a scored criterion */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\" max=\"1\" min=\"-1\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"c\": give max=\"…\" greater than 0 (min is only for penalty groups)");
	cchc_diag_free(d);

	/* a scored criterion without max */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"c\": give max=\"…\" greater than 0");
	cchc_diag_free(d);

	/* sub-criteria of a penalty criterion must add up to its min */
	d = refused(WITH_PENALTY("<criterion id=\"p\" title=\"p\" min=\"-1\">\n"        /* 7 */
	                         "<criterion id=\"p.1\" title=\"p1\" min=\"-0.25\"><rule kind=\"yes-no\"/></criterion>\n"
	                         "</criterion>\n"));
	ASSERT_DIAG(d, 7, "criterion \"p\": its sub-criteria's min add up to -0.25, not its min -1");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ structure */

static void test_rule_structure_errors(void)
{
	/* an attribute the kind does not read */
	cchc_diag *d = refused(ONE_LEAF("2", "<rule kind=\"tiers\" due=\"2018-01-31\">\n" /* 5 */
	                                     "<tier min=\"80\" points=\"2\"/>\n"
	                                     "</rule>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"tiers\"> of \"c\": attribute due does not apply to this kind");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"yes-no\" step=\"0.25\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"yes-no\"> of \"c\": attribute step does not apply to this kind");
	cchc_diag_free(d);

	d = refused(ONE_LEAF("1", "<rule kind=\"ratio\" from=\"0\" to=\"1\"/>\n"));
	ASSERT_DIAG(d, 5, "<rule kind=\"ratio\"> of \"c\": attribute from does not apply to this kind");
	ASSERT_DIAG(d, 5, "<rule kind=\"ratio\"> of \"c\": attribute to does not apply to this kind");
	cchc_diag_free(d);

	/* an <option> under a tiers rule */
	d = refused(ONE_LEAF("2", "<rule kind=\"tiers\">\n"                    /* 5 */
	                          "<tier min=\"80\" points=\"2\"/>\n"          /* 6 */
	                          "<option id=\"A\" label=\"a\" weight=\"1\"/>\n" /* 7 */
	                          "</rule>\n"));
	ASSERT_DIAG(d, 7, "<rule kind=\"tiers\"> of \"c\": <option> does not apply to this kind");
	cchc_diag_free(d);

	/* neither rule nor children */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\" max=\"1\"/>\n" /* 4 */
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"c\" has neither a <rule> nor sub-criteria: add one");
	cchc_diag_free(d);

	/* both a rule and children */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\" max=\"1\">\n" /* 4 */
	                      "<rule kind=\"yes-no\"/>\n"
	                      "<criterion id=\"c.1\" title=\"C1\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                      "</criterion>\n"
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 4,
	            "criterion \"c\" has both a rule and sub-criteria: a criterion is either scored by "
	            "its rule or the sum of its sub-criteria");
	cchc_diag_free(d);

	/* a survey group cannot also be a bonus group */
	d = refused(HEAD("1") "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                      "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                      "</group>\n"
	                      "<group id=\"B\" title=\"B\" max=\"1\" kind=\"bonus\" source=\"survey\">\n" /* 6 */
	                      "<criterion id=\"b\" title=\"b\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                      "</group>\n" TAIL);
	ASSERT_DIAG(d, 6, "group \"B\": source=\"survey\" cannot be a bonus group");
	cchc_diag_free(d);
}

static void test_band_errors(void)
{
	cchc_diag *d = refused("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" "
	                       "title=\"T\" max=\"1\">\n"                   /* 1 */
	                       "<bands>\n"                                  /* 2 */
	                       "<band label=\"Tốt\" min=\"80\"/>\n"          /* 3 */
	                       "<band label=\"Xuất sắc\" min=\"90\"/>\n"     /* 4 */
	                       "<band label=\"Yếu\" min=\"0\"/>\n"           /* 5 */
	                       "</bands>\n"
	                       "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4,
	            "band \"Xuất sắc\" (min 90.00) must be below the band before it: list bands "
	            "highest first");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* equal bands are not descending either */
	d = refused("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" "
	            "title=\"T\" max=\"1\">\n"
	            "<bands>\n"
	            "<band label=\"A\" min=\"50\"/>\n"
	            "<band label=\"B\" min=\"50\"/>\n" /* 4 */
	            "</bands>\n"
	            "<group id=\"G\" title=\"G\" max=\"1\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "band \"B\" (min 50.00) must be below the band before it");
	cchc_diag_free(d);

	/* negative band */
	d = refused("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" "
	            "title=\"T\" max=\"1\">\n"
	            "<bands>\n"
	            "<band label=\"A\" min=\"50\"/>\n"
	            "<band label=\"B\" min=\"-5\"/>\n" /* 4 */
	            "</bands>\n"
	            "<group id=\"G\" title=\"G\" max=\"1\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "band \"B\": min must be 0 or more");
	cchc_diag_free(d);
}

/* Points with three decimals never reach the engine's own check: the schema
 * refuses them first, naming the value and the line. */
static void test_points_precision(void)
{
	cchc_diag *d = refused(HEAD("1")
	                       "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"0.125\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	                       "<criterion id=\"d\" title=\"D\" max=\"0.875\"><rule kind=\"yes-no\"/></criterion>\n" /* 5 */
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "does not match the schema");
	ASSERT_DIAG(d, 4, "'0.125'");
	ASSERT_DIAG(d, 5, "'0.875'");
	cchc_diag_free(d);

	/* the same for a tier's points */
	d = refused(ONE_LEAF("1", "<rule kind=\"tiers\">\n"
	                          "<tier min=\"1\" points=\"1.000\"/>\n" /* 6: trailing zeros are still 3 decimals */
	                          "</rule>\n"));
	ASSERT_DIAG(d, 6, "'1.000'");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ XML level */

static void test_not_well_formed(void)
{
	cchc_diag *d = refused(HEAD("1")
	                       "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"></criterion>\n" /* 4 */
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "not well-formed XML");
	cchc_diag_free(d);

	d = refused("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t");
	ASSERT_DIAG(d, 0, "not well-formed XML");
	cchc_diag_free(d);

	d = refused("garbage, not XML at all");
	ASSERT_DIAG(d, 1, "not well-formed XML");
	cchc_diag_free(d);
}

static void test_doctype_refused(void)
{
	/* an internal subset with a harmless entity is refused just the same */
	cchc_diag *d = refused("<?xml version=\"1.0\"?>\n"
	                       "<!DOCTYPE criteria-set [<!ENTITY t \"T\">]>\n"
	                       HEAD("1")
	                       "<group id=\"G\" title=\"&t;\" max=\"1\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 2,
	            "a <!DOCTYPE> is not allowed (DTDs and entities are refused for safety): remove it");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* a bare DOCTYPE, no subset */
	d = refused("<!DOCTYPE criteria-set>\n" HEAD("1")
	            "<group id=\"G\" title=\"G\" max=\"1\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 1, "a <!DOCTYPE> is not allowed");
	cchc_diag_free(d);
}

static void test_billion_laughs(void)
{
	cchc_criteria *set = NULL;
	cchc_diag *d = cchc_diag_new();
	int rc = cchc_criteria_load(&set, test_path("tests/data/invalid/billion-laughs.xml"), d);
	ASSERT_EQ(rc, -1);
	CU_ASSERT_PTR_NULL(set);
	ASSERT_DIAG(d, 2, "a <!DOCTYPE> is not allowed");
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_criteria_free(set);
	cchc_diag_free(d);

	/* the same from memory, twice (the parser's global state is left clean) */
	for (int i = 0; i < 2; i++) {
		static const char lol[] =
			"<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\">"
			"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
			"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
			"<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
			"<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
			"<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
			"<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
			"<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
			"<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
			"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"&i;\" max=\"1\">"
			"<bands><band label=\"&i;\" min=\"0\"/></bands>"
			"<group id=\"G\" title=\"&i;\" max=\"1\"><criterion id=\"c\" title=\"&i;\" max=\"1\">"
			"<rule kind=\"yes-no\"/></criterion></group></criteria-set>";
		d = refused(lol);
		ASSERT_DIAG(d, 1, "a <!DOCTYPE> is not allowed");
		cchc_diag_free(d);
	}
}

static void test_external_entity(void)
{
	cchc_criteria *set = NULL;
	cchc_diag *d = cchc_diag_new();
	int rc = cchc_criteria_load(&set, test_path("tests/data/invalid/xxe.xml"), d);
	ASSERT_EQ(rc, -1);
	CU_ASSERT_PTR_NULL(set);
	ASSERT_DIAG(d, 2, "a <!DOCTYPE> is not allowed");
	/* nothing of the file leaks into a message */
	CU_ASSERT(!test_diag_has(d, 0, "root:"));
	CU_ASSERT(strstr(test_diag_text(d), "/bin/") == NULL);
	cchc_criteria_free(set);
	cchc_diag_free(d);

	/* a parameter entity fetching a remote DTD: refused before any fetch */
	d = refused("<!DOCTYPE criteria-set SYSTEM \"http://example.invalid/evil.dtd\">\n" HEAD("1")
	            "<group id=\"G\" title=\"G\" max=\"1\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"yes-no\"/></criterion>\n"
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 1, "a <!DOCTYPE> is not allowed");
	cchc_diag_free(d);
}

static void test_wrong_root(void)
{
	cchc_diag *d = refused("<criteria-set xmlns=\"urn:other\" id=\"t\" year=\"2018\" title=\"T\" max=\"1\"/>\n");
	ASSERT_DIAG(d, 1,
	            "the root element is <criteria-set> in namespace \"urn:other\": expected "
	            "<criteria-set xmlns=\"urn:cchc:criteria:1\">");
	cchc_diag_free(d);

	d = refused("<criteria-set id=\"t\"/>\n");
	ASSERT_DIAG(d, 1, "the root element is <criteria-set> with no namespace: expected");
	cchc_diag_free(d);

	/* an assessment given where a criteria set is expected */
	d = refused("<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"t\" year=\"2018\"/>\n");
	ASSERT_DIAG(d, 1, "the root element is <assessment> in namespace \"urn:cchc:assessment:1\"");
	cchc_diag_free(d);
}

static void test_empty_and_missing(void)
{
	cchc_diag *d = refused("");
	ASSERT_DIAG(d, 0, "the file is empty: it must hold an XML document");
	cchc_diag_free(d);

	cchc_criteria *set = (cchc_criteria *)1;
	d = cchc_diag_new();
	ASSERT_EQ(cchc_criteria_load(&set, "/nonexistent/cchc/criteria.xml", d), -1);
	CU_ASSERT_PTR_NULL(set);
	ASSERT_DIAG(d, 0, "cannot open the file");
	ASSERT_STR(cchc_diag_get(d, 0)->file, "/nonexistent/cchc/criteria.xml");
	cchc_diag_free(d);

	/* a directory is not a file */
	set = NULL;
	d = cchc_diag_new();
	ASSERT_EQ(cchc_criteria_load(&set, test_path("tests"), d), -1);
	CU_ASSERT_PTR_NULL(set);
	ASSERT_EQ(cchc_diag_count(d), 1);
	cchc_diag_free(d);

	/* NULL data */
	set = (cchc_criteria *)1;
	d = cchc_diag_new();
	ASSERT_EQ(cchc_criteria_load_memory(&set, NULL, 0, "x.xml", d), -1);
	CU_ASSERT_PTR_NULL(set);
	ASSERT_DIAG(d, 0, "no data");
	cchc_diag_free(d);
}

static void test_schema_violation(void)
{
	cchc_diag *d = refused(HEAD("1")
	                       "<group id=\"G\" title=\"G\" max=\"1\">\n"
	                       "<criterion id=\"c\" title=\"C\" max=\"1\" colour=\"red\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "does not match the schema");
	ASSERT_DIAG(d, 4, "colour");
	/* libxml2's {namespace} prefix is stripped from element names */
	CU_ASSERT(!test_diag_has(d, 0, "{urn:cchc"));
	cchc_diag_free(d);

	/* an unknown rule kind, an exponent, a comma */
	d = refused(HEAD("1")
	            "<group id=\"G\" title=\"G\" max=\"1\">\n"
	            "<criterion id=\"c\" title=\"C\" max=\"1\"><rule kind=\"maybe\"/></criterion>\n"  /* 4 */
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "'maybe'");
	cchc_diag_free(d);

	d = refused(HEAD("1")
	            "<group id=\"G\" title=\"G\" max=\"1e0\">\n" /* 3 */
	            "<criterion id=\"c\" title=\"C\" max=\"1,0\"><rule kind=\"yes-no\"/></criterion>\n" /* 4 */
	            "</group>\n" TAIL);
	ASSERT_DIAG(d, 3, "'1e0'");
	ASSERT_DIAG(d, 4, "'1,0'");
	cchc_diag_free(d);

	/* a set without groups */
	d = refused("<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"t\" year=\"2018\" title=\"T\" max=\"1\">\n"
	            "<bands><band label=\"A\" min=\"0\"/></bands>\n"
	            "</criteria-set>\n");
	ASSERT_DIAG(d, 1, "does not match the schema");
	cchc_diag_free(d);
}

/* ------------------------------------------------------------------ a valid set */

static const char valid_set[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"hue-so-2018\" year=\"2018\" max=\"10\"\n"
	"  title=\"Bộ chỉ số CCHC các sở năm 2018\" na=\"award\" require-docs=\"true\">\n"
	"<bands><band label=\"Tốt\" min=\"8\"/><band label=\"Khá\" min=\"5.5\"/>"
	"<band label=\"Yếu\" min=\"0\"/></bands>\n"
	"<group id=\"1\" title=\"Chỉ đạo, điều hành\" max=\"6\" area=\"Công tác chỉ đạo, điều hành\">\n" /* 5 */
	"<criterion id=\"1.1\" title=\"Kế hoạch CCHC\" max=\"4\" na=\"exclude\">\n"                       /* 6 */
	"<criterion id=\"1.1.1\" title=\"Ban hành kịp thời\" max=\"1\" require-docs=\"false\">\n"         /* 7 */
	"<rule kind=\"deadline\" due=\"2018-01-31\" grace-days=\"5\" grace-points=\"0.5\"/>\n"             /* 8 */
	"<remedy task=\"Ban hành kế hoạch\" owner=\"Văn phòng\" support=\"Các phòng\" when=\"Tháng 01\">\n"
	"  Ban hành đúng hạn  \n"
	"</remedy>\n"
	"</criterion>\n"
	"<criterion id=\"1.1.2\" title=\"Tỷ lệ hoàn thành\" max=\"3\" effort=\"2\">\n"
	"<rule kind=\"tiers\" unit=\"%\" better=\"higher\"><tier min=\"80\" points=\"3\"/>"
	"<tier min=\"50.5\" points=\"1.5\"/></rule>\n"
	"</criterion>\n"
	"</criterion>\n"
	"<criterion id=\"1.2\" title=\"Kiểm tra\" max=\"2\"><rule kind=\"judged\"/>"
	"<remedy>Tăng cường kiểm tra</remedy></criterion>\n"
	"</group>\n"
	"<group id=\"2\" title=\"Khảo sát\" max=\"4\" source=\"survey\">\n"
	"<criterion id=\"2.1\" title=\"Hài lòng\" max=\"4\"><rule kind=\"scale\" from=\"1\" to=\"5\"/></criterion>\n"
	"</group>\n"
	"<group id=\"B\" title=\"Điểm cộng\" kind=\"bonus\" max=\"1\">\n"
	"<criterion id=\"B.1\" title=\"Sáng kiến\" max=\"1\"><rule kind=\"per-item\" points=\"0.5\"/></criterion>\n"
	"</group>\n"
	"<group id=\"P\" title=\"Điểm trừ\" kind=\"penalty\" min=\"-2\">\n"
	"<criterion id=\"P.1\" title=\"Vi phạm\" min=\"-2\"><rule kind=\"per-item\" points=\"-0.5\"/></criterion>\n"
	"</group>\n"
	"</criteria-set>\n";

static void test_valid_set(void)
{
	cchc_criteria *set = accepted(valid_set);
	if (!set)
		return;
	ASSERT_STR(cchc_criteria_id(set), "hue-so-2018");
	ASSERT_STR(cchc_criteria_title(set), "Bộ chỉ số CCHC các sở năm 2018");
	ASSERT_STR(cchc_criteria_block(set), "hue-so-2018");
	ASSERT_STR(cchc_criteria_file(set), "test-criteria.xml");
	ASSERT_EQ(cchc_criteria_year(set), 2018);
	ASSERT_EQ(cchc_criteria_max(set), 1000);
	ASSERT_EQ(cchc_criteria_na_policy(set), CCHC_NA_AWARD);
	CU_ASSERT(cchc_criteria_survey_rescales(set));

	size_t n = 0;
	const cchc_band *bands = cchc_criteria_bands(set, &n);
	ASSERT_EQ(n, 3);
	ASSERT_STR(bands[0].label, "Tốt");
	ASSERT_EQ(bands[0].min, 800);
	ASSERT_EQ(bands[1].min, 550);
	ASSERT_EQ(bands[2].min, 0);

	const cchc_node *const *groups = cchc_criteria_groups(set, &n);
	ASSERT_EQ(n, 4);
	ASSERT_STR(groups[0]->id, "1");
	ASSERT_STR(groups[0]->area, "Công tác chỉ đạo, điều hành");
	ASSERT_STR(groups[1]->area, "Khảo sát"); /* the title when not given */
	ASSERT_EQ(groups[0]->kind, CCHC_GROUP_SCORED);
	ASSERT_EQ(groups[1]->kind, CCHC_GROUP_SURVEY);
	ASSERT_EQ(groups[2]->kind, CCHC_GROUP_BONUS);
	ASSERT_EQ(groups[3]->kind, CCHC_GROUP_PENALTY);
	ASSERT_EQ(groups[3]->min, -200);
	ASSERT_EQ(groups[3]->max, 0);
	ASSERT_EQ(groups[0]->line, 5);

	ASSERT_EQ(cchc_criteria_leaf_count(set), 6);
	const cchc_node *const *nodes = cchc_criteria_nodes(set, &n);
	ASSERT_EQ(n, 11);
	/* preorder */
	static const char *const order[] = {"1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", "B", "B.1", "P", "P.1"};
	for (size_t i = 0; i < n && i < 11; i++) {
		ASSERT_STR(nodes[i]->id, order[i]);
		ASSERT_EQ(nodes[i]->index, i);
	}

	CU_ASSERT_PTR_NULL(cchc_criteria_find(set, "9.9"));
	CU_ASSERT_PTR_NULL(cchc_criteria_find(set, ""));
	const cchc_node *g1 = cchc_criteria_find(set, "1");
	const cchc_node *c11 = cchc_criteria_find(set, "1.1");
	const cchc_node *c111 = cchc_criteria_find(set, "1.1.1");
	const cchc_node *c112 = cchc_criteria_find(set, "1.1.2");
	const cchc_node *c12 = cchc_criteria_find(set, "1.2");
	const cchc_node *c21 = cchc_criteria_find(set, "2.1");
	const cchc_node *p1 = cchc_criteria_find(set, "P.1");
	CU_ASSERT_FATAL(g1 && c11 && c111 && c112 && c12 && c21 && p1);
	CU_ASSERT_PTR_EQUAL(g1, groups[0]);
	ASSERT_EQ(g1->depth, 0);
	CU_ASSERT_PTR_NULL(g1->parent);
	CU_ASSERT_PTR_EQUAL(g1->group, g1);
	ASSERT_EQ(g1->nchildren, 2);
	ASSERT_EQ(g1->max, 600);
	ASSERT_EQ(c112->depth, 2);
	CU_ASSERT_PTR_EQUAL(c112->parent, c11);
	CU_ASSERT_PTR_EQUAL(c112->group, g1);
	CU_ASSERT_PTR_EQUAL(c11->children[1], c112);
	ASSERT_EQ(c11->rule.kind, CCHC_RULE_NONE);
	ASSERT_EQ(c112->line, 13);
	ASSERT_EQ(c112->effort, 2);
	ASSERT_EQ(c111->effort, 0);

	/* rules */
	cchc_date due = 0;
	cchc_date_parse("2018-01-31", &due);
	ASSERT_EQ(c111->rule.kind, CCHC_RULE_DEADLINE);
	ASSERT_EQ(c111->rule.line, 8);
	ASSERT_EQ(c111->rule.due, due);
	ASSERT_EQ(c111->rule.grace_days, 5);
	ASSERT_EQ(c111->rule.grace_points, 50);
	ASSERT_EQ(c111->rule.late_points, 0);
	ASSERT_EQ(c112->rule.kind, CCHC_RULE_TIERS);
	ASSERT_STR(c112->rule.unit, "%");
	ASSERT_EQ(c112->rule.better_lower, 0);
	ASSERT_EQ(c112->rule.ntiers, 2);
	ASSERT_EQ(c112->rule.tiers[0].bound, 80000000);
	ASSERT_EQ(c112->rule.tiers[0].points, 300);
	ASSERT_EQ(c112->rule.tiers[1].bound, 50500000);
	ASSERT_EQ(c112->rule.tiers[1].points, 150);
	ASSERT_EQ(c12->rule.kind, CCHC_RULE_JUDGED);
	ASSERT_EQ(c12->rule.step, 25); /* default */
	ASSERT_EQ(c21->rule.kind, CCHC_RULE_SCALE);
	ASSERT_EQ(c21->rule.step, 1); /* default for scale: 0.01 */
	ASSERT_EQ(c21->rule.from, 1000000);
	ASSERT_EQ(c21->rule.to, 5000000);
	ASSERT_EQ(c21->rule.noptions, 0);
	ASSERT_EQ(p1->rule.per_item, -50);
	ASSERT_EQ(p1->min, -200);
	ASSERT_EQ(p1->max, 0);
	ASSERT_EQ(p1->kind, CCHC_GROUP_PENALTY);

	/* remedies */
	CU_ASSERT_PTR_NOT_NULL_FATAL(c111->remedy);
	ASSERT_STR(c111->remedy->task, "Ban hành kế hoạch");
	ASSERT_STR(c111->remedy->solution, "Ban hành đúng hạn");
	ASSERT_STR(c111->remedy->owner, "Văn phòng");
	ASSERT_STR(c111->remedy->support, "Các phòng");
	ASSERT_STR(c111->remedy->when, "Tháng 01");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c12->remedy);
	CU_ASSERT_PTR_NULL(c12->remedy->task);
	CU_ASSERT_PTR_NULL(c12->remedy->owner);
	ASSERT_STR(c12->remedy->solution, "Tăng cường kiểm tra");
	CU_ASSERT_PTR_NULL(c112->remedy);

	/* effective policies: set award / require-docs; 1.1 exclude → its children;
	 * 1.1.1 require-docs false */
	ASSERT_EQ(g1->na, CCHC_NA_AWARD);
	ASSERT_EQ(c11->na, CCHC_NA_EXCLUDE);
	ASSERT_EQ(c111->na, CCHC_NA_EXCLUDE);
	ASSERT_EQ(c112->na, CCHC_NA_EXCLUDE);
	ASSERT_EQ(c12->na, CCHC_NA_AWARD);
	ASSERT_EQ(g1->require_docs, 1);
	ASSERT_EQ(c111->require_docs, 0);
	ASSERT_EQ(c112->require_docs, 1);
	ASSERT_EQ(c21->require_docs, 1);

	cchc_criteria_free(set);
	cchc_criteria_free(NULL);
}

static void test_valid_file(void)
{
	cchc_criteria *set = NULL;
	cchc_diag *d = cchc_diag_new();
	const char *path = test_path("tests/data/rules/minimal.xml");
	ASSERT_EQ(cchc_criteria_load(&set, path, d), 0);
	ASSERT_EQ(cchc_diag_count(d), 0);
	if (set) {
		ASSERT_STR(cchc_criteria_id(set), "minimal-2018");
		ASSERT_STR(cchc_criteria_file(set), path);
		ASSERT_EQ(cchc_criteria_max(set), 300);
		ASSERT_EQ(cchc_criteria_na_policy(set), CCHC_NA_EXCLUDE);
		ASSERT_EQ(cchc_criteria_leaf_count(set), 2);
		const cchc_node *n = cchc_criteria_find(set, "1.2");
		CU_ASSERT_PTR_NOT_NULL_FATAL(n);
		ASSERT_EQ(n->line, 13);
		ASSERT_EQ(n->rule.if_none_full, 1);
		ASSERT_EQ(n->require_docs, 0);
	}
	cchc_criteria_free(set);
	cchc_diag_free(d);
}

/* Many errors in one file are all reported, each at its own line. */
static void test_all_errors_reported(void)
{
	cchc_diag *d = refused(HEAD("3")
	                       "<group id=\"G\" title=\"G\" max=\"3\">\n"                                        /* 3 */
	                       "<criterion id=\"a\" title=\"A\" max=\"1\"><rule kind=\"linear\" from=\"1\" to=\"1\"/></criterion>\n" /* 4 */
	                       "<criterion id=\"b\" title=\"B\" max=\"1\"><rule kind=\"per-item\" points=\"2\"/></criterion>\n"   /* 5 */
	                       "<criterion id=\"a\" title=\"C\" max=\"1\"><rule kind=\"judged\" step=\"0.3\"/></criterion>\n"     /* 6 */
	                       "</group>\n" TAIL);
	ASSERT_DIAG(d, 4, "criterion \"a\": from and to must differ");
	ASSERT_DIAG(d, 5, "criterion \"b\": points per item must be above 0 and at most 1");
	ASSERT_DIAG(d, 6, "id \"a\" is used twice (first at line 4)");
	ASSERT_DIAG(d, 6, "criterion \"a\": step 0.3 does not divide its max 1");
	ASSERT_EQ(cchc_diag_count(d), 4);
	cchc_diag_free(d);
}

int main(void)
{
	static const test_case tests[] = {
		{"duplicate ids", test_duplicate_id},
		{"maxima must add up", test_sums},
		{"the set-level sum error points at the root element", test_set_sum_line},
		{"tiers: range, order, best tier", test_tiers_errors},
		{"grades: first 100, descending, unique", test_grade_errors},
		{"steps must divide the max", test_step_errors},
		{"linear and scale need a scale", test_linear_errors},
		{"per-item points", test_per_item_errors},
		{"deadline attributes and dates", test_deadline_errors},
		{"penalty groups and criteria", test_penalty_errors},
		{"rule attributes and children by kind; rule xor children", test_rule_structure_errors},
		{"bands highest first", test_band_errors},
		{"points have at most two decimals", test_points_precision},
		{"not well-formed XML", test_not_well_formed},
		{"DOCTYPE refused", test_doctype_refused},
		{"billion laughs refused", test_billion_laughs},
		{"external entities refused", test_external_entity},
		{"root element and namespace", test_wrong_root},
		{"empty input, missing file", test_empty_and_missing},
		{"schema violations", test_schema_violation},
		{"a valid set and its accessors", test_valid_set},
		{"a valid set from a file", test_valid_file},
		{"every error is reported", test_all_errors_reported},
		{NULL, NULL}};
	return test_run_suite("criteria", tests);
}
