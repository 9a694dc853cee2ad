/* The Word documents' header values on the server (api_documents.c): the
 * routes that read and change them, and what the downloads build from them. */
#ifndef CCHC_SERVER_API_DOCUMENTS_H
#define CCHC_SERVER_API_DOCUMENTS_H

#include "http_priv.h"

#include "cchc/docx.h"

/* GET/PUT /api/years/{y}/agencies/{a}/document: the agency's plan's values. */
enum MHD_Result api_agency_document_get(srv_req *rq);
enum MHD_Result api_agency_document_put(srv_req *rq);
/* GET/PUT /api/years/{y}/document: the province's report's values and its title. */
enum MHD_Result api_year_document_get(srv_req *rq);
enum MHD_Result api_year_document_put(srv_req *rq);

/* The values stored for the request's year and agency ("": the year's report)
 * as header values (*info NULL when none is stored) and the year's title
 * (*title malloc'd, NULL when none; title may be NULL). Both the caller's to
 * free. STORE_OK, or a STORE_* code (STORE_ERR: out of memory, or a stored
 * value the docx writer refuses). */
int api_document_info(srv_req *rq, const char *agency, cchc_docx_info **info, char **title);

#endif
