/* A native check of one <assessment> against criteria/schema/assessment.xsd,
 * for the streaming loader: it decides what libxml2's XSD validation decides,
 * several times faster, so that the XSD only runs to word the errors. */
#ifndef CCHC_ASSESSMENT_SHAPE_H
#define CCHC_ASSESSMENT_SHAPE_H

#include <libxml/tree.h>

/**
 * Whether an <assessment> subtree is valid against the schema.
 *
 * @param el an element named "assessment" in namespace urn:cchc:assessment:1, either a
 *           document's root or a child of another element (a bundle's member); the tree is
 *           read, never changed, and nothing is allocated.
 * @return 1 when the element subtree rooted at el is valid against
 *         criteria/schema/assessment.xsd's global element "assessment" (exactly as
 *         xmlSchemaValidateOneElement decides it with libxml2 2.9.14), 0 otherwise (also
 *         for a NULL or differently named el).
 */
int cchc_assessment_shape_ok(xmlNodePtr el);

#endif
