/* libFuzzer differential target: the native assessment checker
 * (engine/src/assessment_shape.c, cchc_assessment_shape_ok) against libxml2's
 * own XSD validation with the same assessment.xsd (the copy compiled into the
 * library, exactly what the loader validates with), element by element.
 *
 * Every input is parsed twice, into the two kinds of tree the checker meets:
 *   - dom:    xmlReadMemory(XML_PARSE_NONET), libxml2's own tree, as
 *             tests/test_assessment_shape.c parses (the loaders' options add
 *             XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES, which change neither
 *             nodes nor values);
 *   - stream: cchc_xml_stream, the assessment loader's push parser with
 *             XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES and
 *             its SAX2 builder's arena trees (xml_build.c), each member
 *             checked as it completes, as assessment_stream.c does.
 * The elements compared are the root or, when the root is named
 * "assessments", each element child of it (whatever its name or namespace:
 * the checker must refuse what the XSD refuses; only a nested <assessments>
 * is not asked of the XSD, which would judge it as a bundle).
 *
 * Inputs with a DOCTYPE are kept, on purpose. The loader refuses any DOCTYPE
 * before the checker runs (the stream tree never holds an entity), but the
 * checker claims libxml2's verdict for any tree, and with a DTD libxml2's
 * tree holds entity reference nodes (in attribute values, which the XSD
 * reads through, and in content, where the XSD stops with an internal error
 * that counts as invalid). A finding that needs a DOCTYPE is a real
 * disagreement, though not one the loader can meet: say so when fixing it.
 *
 * Verdicts: the XSD's is xmlSchemaValidateOneElement() == 0 (anything else,
 * internal errors included, is invalid: cchc_xml_validate_element reads it
 * so). Any disagreement aborts, libFuzzer saves the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "assessment_shape.h"
#include "cchc/cchc.h"
#include "xml_priv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NS_ASSESSMENT "urn:cchc:assessment:1"

static xmlSchemaPtr schema;

static int is_bundle(const xmlChar *name)
{
	return name && strcmp((const char *)name, "assessments") == 0;
}

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

static void silence(void)
{
	xmlSetStructuredErrorFunc(NULL, quiet);
	xmlSetGenericErrorFunc(NULL, quiet_generic);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	cchc_diag *diag = cchc_diag_new();
	schema = diag ? cchc_xml_schema_load(CCHC_SCHEMA_ASSESSMENT, diag) : NULL;
	if (!schema) {
		fprintf(stderr, "fuzz_assessment_shape: cannot compile the built-in assessment.xsd\n");
		abort(); /* the harness itself is broken */
	}
	cchc_diag_free(diag);
	silence(); /* cchc_xml_schema_load reset the handlers to libxml2's own */
	return 0;
}

/* 1 when the XSD accepts el as the schema's global element "assessment",
 * as the loaders decide it. */
static int xsd_ok(xmlNodePtr el)
{
	/* xmlSchemaValidateOneElement picks the global declaration by el's own
	 * name: a nested bundle, <assessments> in the schema's namespace, is
	 * valid by the schema's other global element, yet not an assessment. */
	if (el->ns && el->ns->href && strcmp((const char *)el->ns->href, NS_ASSESSMENT) == 0 &&
	    is_bundle(el->name))
		return 0;
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	if (!vc)
		abort(); /* out of memory: the fuzzer's RSS limit reports it */
	xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
	int rc = xmlSchemaValidateOneElement(vc, el);
	xmlSchemaFreeValidCtxt(vc);
	return rc == 0;
}

/* Both verdicts on el, the index-th element checked in the tree built how. */
static void compare(xmlNodePtr el, const char *how, int index)
{
	int xsd = xsd_ok(el);
	int shape = cchc_assessment_shape_ok(el);
	if (shape && !xsd) {
		/* The dangerous direction: the loader skips the XSD when the checker
		 * accepts, so this element would be loaded unvalidated. */
		fprintf(stderr, "fuzz_assessment_shape: %s element %d <%s>: the checker accepts what "
		                "the XSD refuses\n",
		        how, index, (const char *)el->name);
		abort();
	}
	if (!shape && xsd) {
		/* The safe direction: the loader falls back to the XSD, which accepts,
		 * so nothing wrong is loaded; only the speed is lost. The checker is
		 * meant to be exact (its tests pin both directions), so this is a
		 * finding too. Comment the abort out to hunt the dangerous direction
		 * alone. */
		fprintf(stderr, "fuzz_assessment_shape: %s element %d <%s>: the checker refuses what "
		                "the XSD accepts\n",
		        how, index, (const char *)el->name);
		abort();
	}
}

/* The whole tree at once. */
static void dom(const uint8_t *data, size_t size)
{
	xmlDocPtr doc = xmlReadMemory((const char *)data, (int)size, "fuzz.xml", NULL, XML_PARSE_NONET);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root) {
		if (!is_bundle(root->name)) {
			compare(root, "dom", 1);
		} else {
			int i = 0;
			for (xmlNodePtr el = root->children; el; el = el->next)
				if (el->type == XML_ELEMENT_NODE)
					compare(el, "dom", ++i);
		}
	}
	xmlFreeDoc(doc);
}

/* Element by element, in the trees the assessment loader checks: the
 * stream's own SAX2 builder (xml_build.c, arena nodes), the root or each
 * child of an <assessments> root handed over as it completes. The stream
 * refuses a DOCTYPE before parsing, as the loader does. */
static int on_root(void *user, xmlNodePtr root)
{
	(void)user;
	return is_bundle(root->name) ? 0 : 1;
}

static int on_member(void *user, xmlNodePtr el)
{
	int *n = user;
	compare(el, "stream", ++*n);
	return 0;
}

static void on_text(void *user, long line)
{
	(void)user;
	(void)line;
}

static const cchc_xml_build_handlers handlers = {on_root, on_member, on_text, NULL};

static void stream(const uint8_t *data, size_t size)
{
	cchc_diag *diag = cchc_diag_new();
	if (!diag)
		return;
	int n = 0;
	cchc_xml_stream("fuzz.xml", (const char *)data, size, "assessments", &handlers, &n, diag);
	cchc_diag_free(diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 0x7fffffff)
		return 0;
	silence(); /* cchc_xml_stream resets the generic handler */
	dom(data, size);
	stream(data, size);
	return 0;
}
