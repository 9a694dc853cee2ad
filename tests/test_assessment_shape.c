/* The native assessment checker (engine/src/assessment_shape.c) against
 * libxml2's XSD validation with criteria/schema/assessment.xsd: for every
 * assessment under samples/ and tests/data/, a table of small variants that
 * covers each rule both ways, and generated values at the length limits, the
 * two verdicts must agree -- and most rows also pin the verdict itself, so a
 * schema that fails to load or accepts everything cannot pass. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "assessment_shape.h"

/* ------------------------------------------------------------------ helpers */

static xmlSchemaPtr schema;

static void quiet(void *user, xmlErrorPtr err)
{
	(void)user;
	(void)err;
}

static void quiet_generic(void *user, const char *fmt, ...)
{
	(void)user;
	(void)fmt;
}

static int suite_schema(void)
{
	xmlSetStructuredErrorFunc(NULL, quiet);
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(test_path("criteria/schema/assessment.xsd"));
	schema = pc ? xmlSchemaParse(pc) : NULL;
	xmlSchemaFreeParserCtxt(pc);
	if (!schema)
		fprintf(stderr, "cannot compile criteria/schema/assessment.xsd\n");
	return schema ? 0 : -1;
}

/* 1 valid, 0 invalid (or an internal error: an entity reference) by the XSD. */
static int xsd_ok(xmlNodePtr el)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	CU_ASSERT_PTR_NOT_NULL_FATAL(vc);
	xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
	int rc = xmlSchemaValidateOneElement(vc, el);
	xmlSchemaFreeValidCtxt(vc);
	return rc == 0;
}

/* The elements a document gives to check: its root, or each member of an
 * <assessments> bundle. Compares both verdicts on each; returns how many
 * were checked and, through valid, how many the XSD accepted. */
static int compare_doc(xmlDocPtr doc, const char *what, int *valid)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int n = 0;
	*valid = 0;
	if (!root)
		return 0;
	int bundle = strcmp((const char *)root->name, "assessments") == 0;
	for (xmlNodePtr el = bundle ? root->children : root; el; el = bundle ? el->next : NULL) {
		if (el->type != XML_ELEMENT_NODE)
			continue;
		int xsd = xsd_ok(el), shape = cchc_assessment_shape_ok(el);
		if (xsd != shape)
			fprintf(stderr, "\n    %s (element %d): the XSD says %s, the checker %s\n", what,
			        n + 1, xsd ? "valid" : "invalid", shape ? "valid" : "invalid");
		CU_ASSERT_EQUAL(xsd, shape);
		*valid += xsd;
		n++;
	}
	return n;
}

static xmlDocPtr parse(const char *xml, size_t len)
{
	return xmlReadMemory(xml, (int)len, "shape.xml", NULL, XML_PARSE_NONET);
}

/* ------------------------------------------------------------- the corpus */

typedef struct {
	int files, elements, valid;
} tally;

static void compare_file(const char *path, void *ctx)
{
	tally *t = ctx;
	size_t len = 0;
	char *data = test_read_file(path, &len);
	xmlDocPtr doc = data ? parse(data, len) : NULL;
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root && (strcmp((const char *)root->name, "assessment") == 0 ||
	             strcmp((const char *)root->name, "assessments") == 0)) {
		int valid;
		t->elements += compare_doc(doc, path, &valid);
		t->valid += valid;
		t->files++;
	}
	xmlFreeDoc(doc);
	free(data);
}

static void test_corpus(void)
{
	tally samples = {0, 0, 0}, data = {0, 0, 0};
	test_each_xml(test_path("samples"), 4 << 20, compare_file, &samples);
	test_each_xml(test_path("tests/data"), 4 << 20, compare_file, &data);
	/* the 30 Huế agencies, all valid; the test data has broken ones too */
	CU_ASSERT(samples.files >= 30);
	ASSERT_EQ(samples.valid, samples.elements);
	CU_ASSERT(data.files >= 10);
	CU_ASSERT(data.valid > 0 && data.valid < data.elements);
}

/* ------------------------------------------------------------ the variants */

#define NS "urn:cchc:assessment:1"
#define XSI_NS " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
#define OPEN "<assessment xmlns=\"" NS "\" criteria-set=\"hue-so-2018\" year=\"2018\""
#define H OPEN ">"
#define AG "<agency id=\"stp\" name=\"Sở Tư pháp\"/>"
#define T "</assessment>"
/* one item, appraisal, survey or agency with the given attributes */
#define ITEM(attrs) H AG "<item criterion=\"1.1\" " attrs "/>" T
#define APPR(attrs) H AG "<appraisal criterion=\"1.1\" " attrs "/>" T
#define SURV(attrs) H AG "<survey criterion=\"9.1\" " attrs "/>" T
#define AGENCY(attrs) H "<agency " attrs "/>" T

typedef struct {
	int expect; /* the XSD's verdict: 1 valid, 0 invalid */
	const char *xml;
} variant;

static const variant variants[] = {
	/* structure */
	{1, H AG T},
	{1, H AG "<item criterion=\"1.1\"/><appraisal criterion=\"1.1\" points=\"1\"/>"
	    "<survey criterion=\"9.1\"/><item criterion=\"1.2\"/>" T},
	{1, H AG "<item criterion=\"1.1\" met=\"true\"><doc ref=\"QĐ 1/2018\"/>"
	    "<doc ref=\"r\" file=\"evidence/a.pdf\"/></item>" T},
	{1, H AG "<survey criterion=\"9.2\"><answer option=\"A\" count=\"3\"/>"
	    "<answer option=\"B\" count=\"0\"/></survey>" T},
	{0, H T},                                                      /* no agency */
	{0, H "<item criterion=\"1.1\"/>" AG T},                       /* agency not first */
	{0, H AG AG T},                                                /* two agencies */
	{0, H AG "<note/>" T},                                         /* unknown element */
	{0, H AG "<x:item xmlns:x=\"urn:other\" criterion=\"1.1\"/>" T}, /* another namespace */
	{0, H AG "<item xmlns=\"\" criterion=\"1.1\"/>" T},            /* no namespace */
	{0, H "<agency xmlns=\"urn:cchc:assessment:2\" id=\"a\" name=\"n\"/>" T},
	{0, H AG "<answer option=\"A\" count=\"1\"/>" T},              /* answer outside survey */
	{0, H AG "<doc ref=\"r\"/>" T},                                /* doc outside item */
	{0, H AG "<appraisal criterion=\"1.1\" points=\"1\"><doc ref=\"r\"/></appraisal>" T},
	{0, H AG "<survey criterion=\"9.1\"><doc ref=\"r\"/></survey>" T},
	{0, H AG "<item criterion=\"1.1\"><answer option=\"A\" count=\"1\"/></item>" T},
	{0, H AG "<item criterion=\"1.1\"><doc ref=\"r\"><doc ref=\"s\"/></doc></item>" T},
	{0, H "<agency id=\"a\" name=\"n\"><item criterion=\"1.1\"/></agency>" T},
	{0, H AG "<item criterion=\"1.1\"><item criterion=\"1.2\"/></item>" T},
	/* published figures: optional, once, right after the agency; group children only */
	{1, H AG "<published/>" T},
	{1, H AG "<published total=\"70\" rank=\"18\" band=\"Khá\" source=\"KH 267\">"
	    "<group id=\"1\" points=\"8.25\"/> <!--c--><group id=\"3\" points=\"0.5\"/>\n"
	    "</published><item criterion=\"1.1\"/>" T},
	{1, H AG "<published total=\"-1.5\" rank=\"007\"><group id=\"P\" points=\"-0.25\"/>"
	    "</published>" T},
	{0, H "<published/>" AG T},                                   /* before the agency */
	{0, H AG "<item criterion=\"1.1\"/><published/>" T},         /* after the evidence */
	{0, H AG "<published/><published/>" T},                        /* twice */
	{0, H AG "<published total=\"70\"/><appraisal criterion=\"1.1\" points=\"1\"/>"
	    "<published/>" T},
	{0, H AG "<published><item criterion=\"1.1\"/></published>" T},
	{0, H AG "<published><group id=\"1\" points=\"1\"><group id=\"2\" points=\"1\"/>"
	    "</group></published>" T},
	{0, H AG "<group id=\"1\" points=\"1\"/>" T},              /* group outside published */
	{0, H AG "<item criterion=\"1.1\"><group id=\"1\" points=\"1\"/></item>" T},
	{0, H AG "<published>70</published>" T},
	{0, H AG "<published><![CDATA[]]></published>" T},
	{0, H AG "<published><group id=\"1\" points=\"1\"> </group></published>" T},
	{0, H AG "<published><x:group xmlns:x=\"urn:other\" id=\"1\" points=\"1\"/></published>" T},
	{1, H AG "<x:published xmlns:x=\"urn:cchc:*\"><group id=\"1\" points=\"1\"/></x:published>" T},
	{0, H AG "<published xmlns=\"\"/>" T},
	{0, H AG "<published total=\"70,5\"/>" T},
	{0, H AG "<published total=\"70.125\"/>" T},
	{0, H AG "<published total=\"\"/>" T},
	{0, H AG "<published rank=\"0\"/>" T},
	{0, H AG "<published rank=\"18/21\"/>" T},
	{0, H AG "<published rank=\"-1\"/>" T},
	{0, H AG "<published band=\" \"/>" T},
	{0, H AG "<published source=\"\"/>" T},
	{0, H AG "<published of=\"21\"/>" T},                         /* unknown attribute */
	{0, H AG "<published><group points=\"1\"/></published>" T},  /* no id */
	{0, H AG "<published><group id=\"1\"/></published>" T},      /* no points */
	{0, H AG "<published><group id=\"1 \" points=\"1\"/></published>" T},
	{0, H AG "<published><group id=\"1\" points=\"1\" max=\"2\"/></published>" T},
	{1, OPEN XSI_NS ">" AG "<published xsi:type=\"published\"><group id=\"1\" points=\"1\" "
	    "xsi:type=\"group\"/></published>" T},
	{0, OPEN XSI_NS ">" AG "<published xsi:type=\"group\"/>" T},
	{0, OPEN XSI_NS ">" AG "<published xsi:nil=\"true\"/>" T},
	/* published criteria: with groups in any order, a group's attributes */
	{1, H AG "<published><criterion id=\"3.6\" points=\"0.5\"/></published>" T},
	{1, H AG "<published total=\"70\"><group id=\"3\" points=\"0.5\"/><criterion id=\"3.1\" "
	    "points=\"0.2\"/> <!--c-->\n<group id=\"4\" points=\"4\"/><criterion id=\"1.1.1\" "
	    "points=\"-0.25\"/></published>" T},
	{1, OPEN XSI_NS ">" AG "<published><criterion id=\"3.6\" points=\"0\" "
	    "xsi:type=\"criterion\"/></published>" T},
	{0, OPEN XSI_NS ">" AG "<published><criterion id=\"3.6\" points=\"0\" "
	    "xsi:type=\"group\"/></published>" T},
	{0, OPEN XSI_NS ">" AG "<published><group id=\"3\" points=\"0\" "
	    "xsi:type=\"criterion\"/></published>" T},
	{1, H AG "<x:published xmlns:x=\"urn:cchc:*\"><x:criterion id=\"3.6\" points=\"1\"/>"
	    "</x:published>" T},
	{0, H AG "<published><criterion id=\"3.6\"/></published>" T},      /* no points */
	{0, H AG "<published><criterion points=\"1\"/></published>" T},    /* no id */
	{0, H AG "<published><criterion id=\"3.6\" points=\"0.125\"/></published>" T},
	{0, H AG "<published><criterion id=\"3 6\" points=\"1\"/></published>" T},
	{0, H AG "<published><criterion id=\"3.6\" points=\"1\" criterion=\"3.6\"/></published>" T},
	{0, H AG "<published><criterion id=\"3.6\" points=\"1\"> </criterion></published>" T},
	{0, H AG "<published><criterion id=\"3.6\" points=\"1\"><group id=\"3\" points=\"1\"/>"
	    "</criterion></published>" T},
	{0, H AG "<published><x:criterion xmlns:x=\"urn:other\" id=\"3.6\" points=\"1\"/>"
	    "</published>" T},
	{0, H AG "<published><item criterion=\"3.6\"/><criterion id=\"3.6\" points=\"1\"/>"
	    "</published>" T},
	{0, H AG "<criterion id=\"3.6\" points=\"1\"/>" T},            /* outside published */
	{0, H AG "<published><criterion id=\"3.6\" points=\"1\"/></published>"
	    "<criterion id=\"3.6\" points=\"1\"/>" T},
	/* text, CDATA, comments, processing instructions */
	{1, H "\n\t<!-- c --><?pi x?>\r\n  " AG " <!--c--> <item criterion=\"1.1\"> <!--c-->\n"
	    "<doc ref=\"r\"><!-- c --><?pi?></doc>\t</item>&#13;&#10;" T},
	{1, H "<agency id=\"a\" name=\"n\"><!-- a comment --></agency>" T},
	{1, H "<agency id=\"a\" name=\"n\"><?pi data?></agency>" T},
	{0, H "<agency id=\"a\" name=\"n\"> </agency>" T},             /* white space in empty content */
	{0, H "<agency id=\"a\" name=\"n\">\n</agency>" T},
	{0, H "<agency id=\"a\" name=\"n\"><!--c--> <!--c--></agency>" T},
	{0, H AG "<item criterion=\"1.1\"><doc ref=\"r\"> </doc></item>" T},
	{0, H AG "<appraisal criterion=\"1.1\" points=\"1\">x</appraisal>" T},
	{0, H AG "<survey criterion=\"9.1\"><answer option=\"A\" count=\"1\"> </answer></survey>" T},
	{0, H AG "text" T},                                            /* text in element-only content */
	{0, H AG "<item criterion=\"1.1\">1</item>" T},
	{0, H AG "&#160;" T},                                          /* no-break space is not XSD \s */
	{0, H AG "&amp;" T},
	{0, H AG "<![CDATA[x]]>" T},
	{0, H AG "<![CDATA[ ]]>" T},                                   /* even white-space CDATA */
	{0, H AG "<![CDATA[]]>" T},
	{0, H AG "<item criterion=\"1.1\"><![CDATA[]]></item>" T},
	{0, H "<agency id=\"a\" name=\"n\"><![CDATA[]]></agency>" T},
	/* attributes of <assessment> and <agency> */
	{0, "<assessment xmlns=\"" NS "\" year=\"2018\">" AG T},        /* no criteria-set */
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"s\">" AG T},   /* no year */
	{0, OPEN " lang=\"vi\">" AG T},                                 /* unknown attribute */
	{0, OPEN " xml:lang=\"vi\">" AG T},
	{0, OPEN " xmlns:a=\"" NS "\" a:year=\"2018\">" AG T},          /* qualified attribute */
	{1, OPEN " xmlns:x=\"urn:x\">" AG T},                           /* a declaration is no attribute */
	{0, AGENCY("name=\"n\"")},                                      /* no id */
	{0, AGENCY("id=\"a\"")},                                        /* no name */
	{1, AGENCY("id=\"a\" name=\"n\" block=\"so-nganh\"")},
	{0, AGENCY("id=\"a\" name=\"n\" blok=\"so-nganh\"")},
	{0, AGENCY("id=\"a\" name=\"n\" xml:lang=\"vi\"")},
	{0, H AG "<item/>" T},                                           /* no criterion */
	{0, APPR("round=\"1\"")},                                        /* no points */
	{0, H AG "<survey/>" T},
	{0, H AG "<survey criterion=\"9.2\"><answer option=\"A\"/></survey>" T},
	{0, H AG "<survey criterion=\"9.2\"><answer count=\"1\"/></survey>" T},
	{0, H AG "<item criterion=\"1.1\"><doc file=\"a.pdf\"/></item>" T},
	{0, ITEM("foo=\"1\"")},
	/* year, date */
	{1, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"0000\">" AG T},
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"18\">" AG T},
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"20188\">" AG T},
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\" 2018\">" AG T},
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"s\" year=\"２０１８\">" AG T}, /* wide digits */
	{1, ITEM("date=\"2018-02-12\"")},
	{1, ITEM("date=\"2018-13-45\"")},                                /* the engine checks the calendar */
	{0, ITEM("date=\"2018-2-12\"")},
	{0, ITEM("date=\"2018/02/12\"")},
	{0, ITEM("date=\"2018-02-123\"")},
	{0, ITEM("date=\"\"")},
	/* boolean */
	{1, ITEM("met=\"false\" na=\"true\"")},
	{0, ITEM("met=\"TRUE\"")},
	{0, ITEM("met=\"1\"")},
	{0, ITEM("met=\"true \"")},
	{0, ITEM("na=\"fals\"")},
	{0, ITEM("na=\"falsey\"")},
	{0, ITEM("na=\"\"")},
	/* points, decimal, non-negative decimal */
	{1, ITEM("points=\"0.5\" self=\"-0.25\"")},
	{1, ITEM("points=\"007\" self=\"10.00\"")},
	{0, ITEM("points=\"1e3\"")},
	{0, ITEM("points=\"+1\"")},
	{0, ITEM("points=\" 1\"")},
	{0, ITEM("points=\"1 \"")},
	{0, ITEM("points=\"1.234\"")},
	{0, ITEM("points=\"1.\"")},
	{0, ITEM("points=\".5\"")},
	{0, ITEM("points=\"-\"")},
	{0, ITEM("points=\"--1\"")},
	{0, ITEM("points=\"1,5\"")},
	{0, ITEM("self=\"NaN\"")},
	{0, ITEM("self=\"INF\"")},
	{0, ITEM("self=\"\"")},
	{1, ITEM("value=\"-3.123456\"")},
	{0, ITEM("value=\"3.1234567\"")},
	{0, ITEM("value=\"0x10\"")},
	{1, SURV("mean=\"4.25\" sd=\"0.812345\" respondents=\"120\"")},
	{0, SURV("sd=\"-0.5\"")},
	{0, SURV("mean=\"4,25\"")},
	{0, APPR("points=\"1.5.0\"")},
	{1, APPR("points=\"-1\" round=\"2\" by=\"Hội đồng\" reason=\"Thiếu văn bản\"")},
	/* count, positive-integer */
	{1, ITEM("count=\"0\" numerator=\"123456789\" denominator=\"000000001\"")},
	{0, ITEM("count=\"1234567890\"")},
	{0, ITEM("count=\"-1\"")},
	{0, ITEM("count=\"\"")},
	{0, ITEM("numerator=\"1.0\"")},
	{0, APPR("points=\"1\" round=\"0\"")},
	{0, APPR("points=\"1\" round=\"000\"")},
	{1, APPR("points=\"1\" round=\"010\"")},
	{0, APPR("points=\"1\" round=\"1000000000\"")},
	{0, H AG "<survey criterion=\"9.2\"><answer option=\"A\" count=\"+3\"/></survey>" T},
	/* id */
	{1, ITEM("grade=\"A._-z9\"")},
	{0, ITEM("grade=\"a b\"")},
	{0, ITEM("grade=\"a/b\"")},
	{0, ITEM("grade=\"Đ\"")},
	{0, ITEM("grade=\"\"")},
	{0, "<assessment xmlns=\"" NS "\" criteria-set=\"hue so\" year=\"2018\">" AG T},
	{0, AGENCY("id=\"a&#9;b\" name=\"n\"")},
	/* title, text */
	{1, AGENCY("id=\"a\" name=\" x \"")},
	{1, AGENCY("id=\"a\" name=\"&#9;x&#10;\"")},
	{1, AGENCY("id=\"a\" name=\"&#160;\"")},                         /* NBSP is not \s */
	{1, AGENCY("id=\"a\" name=\"&amp;&lt;\"")},
	{0, AGENCY("id=\"a\" name=\"\"")},
	{0, AGENCY("id=\"a\" name=\"   \"")},                             /* only spaces */
	{0, AGENCY("id=\"a\" name=\"&#9;&#10;&#13; \"")},
	{0, ITEM("note=\"\"")},
	{0, ITEM("note=\"  \"")},
	{1, ITEM("note=\"Chậm 12 ngày\"")},
	{0, H AG "<item criterion=\"1.1\"><doc ref=\" \"/></item>" T},
	{0, APPR("points=\"1\" by=\"\"")},
	/* XSI attributes: libxml2 ignores the schema locations, refuses xsi:nil
	 * (nothing is nillable) and accepts xsi:type naming the element's own type */
	{1, OPEN XSI_NS " xsi:schemaLocation=\"" NS " assessment.xsd\">" AG T},
	{1, OPEN XSI_NS " xsi:noNamespaceSchemaLocation=\":: not a URI\">" AG T},
	{0, OPEN XSI_NS " xsi:nil=\"false\">" AG T},
	{0, OPEN XSI_NS " xsi:nil=\"maybe\">" AG T},
	{0, OPEN XSI_NS ">" AG "<item criterion=\"1.1\" xsi:nil=\"true\"/>" T},
	{0, OPEN XSI_NS " xsi:foo=\"x\">" AG T},
	{0, OPEN " xmlns:x=\"urn:x\" x:type=\"assessment\">" AG T},
	{1, OPEN XSI_NS " xsi:type=\"assessment\">" AG T},
	{1, OPEN XSI_NS " xmlns:a=\"" NS "\" xsi:type=\"a:assessment\">" AG T},
	{0, OPEN XSI_NS " xmlns:a=\"" NS "\" xsi:type=\"a:agency\">" AG T},
	{0, OPEN XSI_NS " xsi:type=\" assessment\">" AG T},
	{0, OPEN XSI_NS " xsi:type=\"assessment \">" AG T},
	{0, OPEN XSI_NS " xsi:type=\"b:assessment\">" AG T},             /* unbound prefix */
	{0, OPEN XSI_NS " xsi:type=\"xsi:assessment\">" AG T},
	{0, OPEN XSI_NS " xsi:type=\"xs:anyType\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">" AG T},
	{1, OPEN XSI_NS ">" AG "<item criterion=\"1.1\" xsi:type=\"item\"><doc ref=\"r\" xsi:type=\"doc\"/>"
	    "</item>" T},
	{0, OPEN XSI_NS ">" "<agency id=\"a\" name=\"n\" xsi:type=\"item\"/>" T},
	{0, OPEN XSI_NS ">" "<agency xmlns=\"\" id=\"a\" name=\"n\" xsi:type=\"agency\"/>" T},
	{1, "<a:assessment xmlns:a=\"" NS "\"" XSI_NS " criteria-set=\"s\" year=\"2018\">"
	    "<a:agency id=\"a\" name=\"n\" xsi:type=\"a:agency\"/></a:assessment>"},
	{0, "<a:assessment xmlns:a=\"" NS "\"" XSI_NS " criteria-set=\"s\" year=\"2018\">"
	    "<a:agency id=\"a\" name=\"n\" xsi:type=\"agency\"/></a:assessment>"}, /* no default ns */
	/* xsi:type goes through xmlValidateQName, whose names are XML 1.0 4th
	 * edition ones: a prefix the parser declares (5th edition) may still be
	 * refused there (found by tests/fuzz/fuzz_assessment_shape.c) */
	{1, OPEN XSI_NS " xmlns:é=\"" NS "\" xsi:type=\"é:assessment\">" AG T},
	{1, OPEN XSI_NS " xmlns:a·b=\"" NS "\" xsi:type=\"a·b:assessment\">" AG T},
	{0, OPEN XSI_NS " xmlns:𝔸=\"" NS "\" xsi:type=\"𝔸:assessment\">" AG T},   /* U+1D538 */
	{0, OPEN XSI_NS " xmlns:a‿=\"" NS "\" xsi:type=\"a‿:assessment\">" AG T}, /* U+203F */
	{0, OPEN XSI_NS " xmlns:ⰰ=\"" NS "\" xsi:type=\"ⰰ:assessment\">" AG T},   /* U+2C30 */
	/* namespaces: libxml2 matches a child's "name|namespace" with
	 * xmlRegStrEqualWildcard, where a '*' in the document's namespace
	 * matches the rest of the schema's */
	{1, "<a:assessment xmlns:a=\"" NS "\" criteria-set=\"s\" year=\"2018\">"
	    "<a:agency id=\"a\" name=\"n\"/><a:item criterion=\"1\"><a:doc ref=\"r\"/></a:item>"
	    "</a:assessment>"},
	{0, "<assessment xmlns=\"urn:cchc:assessment:2\" criteria-set=\"s\" year=\"2018\">" AG T},
	{0, "<assessment criteria-set=\"s\" year=\"2018\"><agency id=\"a\" name=\"n\"/></assessment>"},
	{0, "<x:assessment xmlns:x=\"urn:cchc:*\" criteria-set=\"s\" year=\"2018\">" AG "</x:assessment>"},
	{1, H "<x:agency xmlns:x=\"urn:cchc:*\" id=\"a\" name=\"n\"/>" T},
	{1, H "<x:agency xmlns:x=\"*\" id=\"a\" name=\"n\"/>" T},
	{1, H AG "<x:item xmlns:x=\"u*\" criterion=\"a\"><doc xmlns=\"urn:cchc:assessment*\" ref=\"r\"/>"
	    "</x:item>" T},
	{0, H "<x:agency xmlns:x=\"urn:cchc:assessment:1*\" id=\"a\" name=\"n\"/>" T},
	{0, H "<x:agency xmlns:x=\"urn:cchc:assessment:*1\" id=\"a\" name=\"n\"/>" T},
	{0, H "<x:agency xmlns:x=\"*|*\" id=\"a\" name=\"n\"/>" T},
	{0, H "<x:agency xmlns:x=\"urn:cchc:assessment:1|\" id=\"a\" name=\"n\"/>" T},
	{0, H "<x:agency xmlns:x=\"urn:cchc:assessment:\" id=\"a\" name=\"n\"/>" T},
	/* members of a bundle (the streaming loader's case) */
	{1, "<assessments xmlns=\"" NS "\">" H AG T H AG "<item criterion=\"1\"/>" T "</assessments>"},
	{0, "<assessments xmlns=\"" NS "\">" H T "</assessments>"},
	{1, "<assessments xmlns=\"" NS "\"" XSI_NS " xmlns:p=\"" NS "\">"
	    "<assessment criteria-set=\"s\" year=\"2018\" xsi:type=\"p:assessment\">" AG T
	    "</assessments>"},
	{0, "<assessments xmlns=\"" NS "\"" XSI_NS " xmlns:p=\"" NS "\">"
	    "<assessment criteria-set=\"s\" year=\"2018\" xmlns:p=\"urn:x\" xsi:type=\"p:assessment\">"
	    AG T "</assessments>"},
	/* a DTD (the loaders refuse it; the XSD still reads the tree) */
	{1, "<!DOCTYPE assessment [<!ENTITY e \"stp\">]>" AGENCY("id=\"&e;\" name=\"n &e;\"")},
	{0, "<!DOCTYPE assessment [<!ENTITY e \"s p\">]>" AGENCY("id=\"&e;\" name=\"n\"")},
	{0, "<!DOCTYPE assessment [<!ENTITY e \"x\">]>" H AG "&e;" T},
	{0, "<!DOCTYPE assessment [<!ENTITY e \" \">]>" H AG "&e;" T},
	/* xsi:type read through entities, as xmlNodeListGetString joins them */
	{1, "<!DOCTYPE assessment [<!ENTITY t \"assessment\">]>" OPEN XSI_NS " xsi:type=\"&t;\">" AG T},
	{1, "<!DOCTYPE assessment [<!ENTITY p \"p\"><!ENTITY q \"&p;:\">]>" OPEN XSI_NS
	    " xmlns:p=\"" NS "\" xsi:type=\"&q;assess&#109;ent\">" AG T},
	{0, "<!DOCTYPE assessment [<!ENTITY t \" assessment\">]>" OPEN XSI_NS " xsi:type=\"&t;\">" AG T},
	{0, "<!DOCTYPE assessment [<!ENTITY p \"x\">]>" OPEN XSI_NS " xmlns:p=\"" NS "\""
	    " xsi:type=\"&p;:assessment\">" AG T},
};

static void check_variant(int i, const char *xml, int expect)
{
	xmlDocPtr doc = parse(xml, strlen(xml));
	if (!doc) {
		fprintf(stderr, "\n    variant %d is not well-formed: %s\n", i, xml);
		CU_FAIL("a variant is not well-formed");
		return;
	}
	char what[32];
	snprintf(what, sizeof what, "variant %d", i);
	int valid, n = compare_doc(doc, what, &valid);
	int ok = expect ? valid == n : valid == 0;
	if (!ok)
		fprintf(stderr, "\n    variant %d: the XSD says %s, the table %s:\n    %s\n", i,
		        valid ? "valid" : "invalid", expect ? "valid" : "invalid", xml);
	CU_ASSERT(n > 0 && ok);
	xmlFreeDoc(doc);
}

static void test_variants(void)
{
	int accepted = 0, refused = 0;
	for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
		check_variant((int)i, variants[i].xml, variants[i].expect);
		*(variants[i].expect ? &accepted : &refused) += 1;
	}
	CU_ASSERT(accepted >= 20 && refused >= 60);
}

/* ------------------------------------------------------- generated lengths */

/* An agency whose name, or an item whose note, is n copies of unit (one
 * character), or an item whose grade (an id) is n letters. */
static void check_long(const char *what, int n, const char *unit, int expect)
{
	static char xml[64 << 10];
	size_t len = (size_t)snprintf(xml, sizeof xml, "%s%s", H AG, "<item criterion=\"1\" ");
	len += (size_t)snprintf(xml + len, sizeof xml - len, "%s=\"", what);
	size_t u = strlen(unit);
	for (int i = 0; i < n; i++, len += u)
		memcpy(xml + len, unit, u);
	len += (size_t)snprintf(xml + len, sizeof xml - len, "\"/>" T);
	check_variant(-n, xml, expect);
}

static void test_lengths(void)
{
	check_long("grade", 64, "a", 1);
	check_long("grade", 65, "a", 0);
	check_long("note", 4000, "ệ", 1);     /* 3 bytes each: characters count, not bytes */
	check_long("note", 4001, "ệ", 0);
	check_long("note", 4000, "𝔸", 1);     /* 4 bytes, outside the BMP */
	check_long("note", 4001, "a", 0);
	check_long("points", 5000, "9", 1);    /* any number of integer digits */
	check_long("value", 3000, "1", 1);

	/* title: a doc's ref */
	static char xml[16 << 10];
	for (int n = 999; n <= 1001; n++) {
		size_t len = (size_t)snprintf(xml, sizeof xml, "%s", H AG "<item criterion=\"1\"><doc ref=\"");
		for (int i = 0; i < n; i++, len += 2)
			memcpy(xml + len, "Đ", 2);
		len += (size_t)snprintf(xml + len, sizeof xml - len, "\"/></item>" T);
		check_variant(-n, xml, n <= 1000);
	}
	/* xsi:type through an entity, with a prefix longer than any buffer the
	 * checker could join it into: the XSD reads the whole value (the checker
	 * once joined it into 256 bytes and refused it) */
	for (int n = 255; n <= 300; n += 45) {
		char prefix[301];
		memset(prefix, 'p', (size_t)n);
		prefix[n] = '\0';
		snprintf(xml, sizeof xml,
		         "<!DOCTYPE assessment [<!ENTITY p \"%s\">]>" OPEN XSI_NS " xmlns:%s=\"" NS
		         "\" xsi:type=\"&p;:assessment\">" AG T,
		         prefix, prefix);
		check_variant(-n, xml, 1);
	}
	/* a title of 1000 spaces then one letter is too long; of 999 spaces and one, fine */
	for (int n = 999; n <= 1000; n++) {
		size_t len = (size_t)snprintf(xml, sizeof xml, "%s", H "<agency id=\"a\" name=\"");
		memset(xml + len, ' ', (size_t)n);
		len += (size_t)n;
		len += (size_t)snprintf(xml + len, sizeof xml - len, "x\"/>" T);
		check_variant(-n, xml, n < 1000);
	}
}

/* ----------------------------------------------------------- other inputs */

static void test_not_an_assessment(void)
{
	ASSERT_EQ(cchc_assessment_shape_ok(NULL), 0);
	const char *xml = "<assessments xmlns=\"" NS "\"><agency id=\"a\" name=\"n\"/></assessments>";
	xmlDocPtr doc = parse(xml, strlen(xml));
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	ASSERT_EQ(cchc_assessment_shape_ok(root), 0);
	ASSERT_EQ(cchc_assessment_shape_ok(root->children), 0);
	ASSERT_EQ(xsd_ok(root->children), 0);
	xmlFreeDoc(doc);
}

static void test_cleanup(void)
{
	xmlSchemaFree(schema);
	schema = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
}

int main(void)
{
	static const test_case tests[] = {
		{"every assessment under samples/ and tests/data/", test_corpus},
		{"the variants table", test_variants},
		{"lengths in characters at the limits", test_lengths},
		{"not an assessment", test_not_an_assessment},
		{"cleanup", test_cleanup},
		{NULL, NULL}};
	if (suite_schema() < 0)
		return 1;
	return test_run_suite("assessment shape", tests);
}
