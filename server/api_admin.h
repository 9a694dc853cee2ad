/* The handlers of the downloads (api_download.c) and of the evaluator's
 * management (api_admin.c), for the route table (authz.c). */
#ifndef CCHC_SERVER_API_ADMIN_H
#define CCHC_SERVER_API_ADMIN_H

#include "http_priv.h"

/* ---- api_download.c: attachments (the plan, the report, the year's bundle) ---- */
enum MHD_Result api_plan_docx_get(srv_req *rq);
enum MHD_Result api_report_docx_get(srv_req *rq);
/* The province's report page as `cchc report` renders it (index.html), with a CSP of its own. */
enum MHD_Result api_report_html_get(srv_req *rq);
/* The report bundle (every file `cchc report` writes) as one zip. */
enum MHD_Result api_report_zip_get(srv_req *rq);
enum MHD_Result api_assessments_get(srv_req *rq);

/* ---- api_admin.c: the evaluator's management ---- */
enum MHD_Result api_deadlines_get(srv_req *rq);
enum MHD_Result api_year_post(srv_req *rq);
enum MHD_Result api_criteria_put(srv_req *rq);
enum MHD_Result api_agency_post(srv_req *rq);
enum MHD_Result api_user_post(srv_req *rq);
enum MHD_Result api_assignment_post(srv_req *rq);
/* The year's assignments, as the POST takes them. */
enum MHD_Result api_assignments_get(srv_req *rq);

#endif
