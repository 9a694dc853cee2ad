/* Typed attribute readers: each reports a bad value once, naming the file,
 * the line, the element and what to write instead. */
#ifndef CCHC_ATTRS_PRIV_H
#define CCHC_ATTRS_PRIV_H

#include <libxml/tree.h>

#include "cchc/diag.h"
#include "cchc/points.h"

/* Results: 1 present and valid, 0 absent, -1 invalid (diagnosed). */
int cchc_attr_points(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                     cchc_points *out);
int cchc_attr_decimal(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                      cchc_decimal *out);
int cchc_attr_count(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                    int64_t *out);
int cchc_attr_date(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag,
                   cchc_date *out);
int cchc_attr_bool(xmlNodePtr n, const char *name, const char *file, cchc_diag *diag, int *out);

/* Match value against a NULL-terminated list; returns the index, or -1 after
 * a diagnostic listing the accepted words. Absent attribute: returns dflt. */
int cchc_attr_enum(xmlNodePtr n, const char *name, const char *const *words, int dflt,
                   const char *file, cchc_diag *diag);

#endif
