/* Between the assessment loader (one <assessment> element to a model) and the
 * stream that finds those elements in a file or a bundle. */
#ifndef CCHC_ASSESSMENT_PRIV_H
#define CCHC_ASSESSMENT_PRIV_H

#include <libxml/tree.h>

#include "cchc/assessment.h"

#define CCHC_NS_ASSESSMENT "urn:cchc:assessment:1"

/* Check one <assessment> element (schema, then against its criteria set) and
 * build the model. line: the element's line in a bundle, 0 for a file of its
 * own. 0 with *out set, or -1 after diagnostics. */
int cchc_assessment_from_element(cchc_assessment **out, const cchc_criteria *const *sets,
                                 size_t nsets, xmlNodePtr el, const char *path, long line,
                                 cchc_diag *diag);

#endif
