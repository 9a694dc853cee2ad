/* What the pages need beyond the JSON API of server-design.md: the embedded
 * files themselves (GET / and /static/NAME) and the criteria set the
 * self-assessment form is built from (GET /api/years/{y}/criteria/{block}). */
#include "http_priv.h"
#include "static.h"

#include <string.h>

enum MHD_Result api_static_get(srv_req *rq)
{
	const srv_static_file *f = srv_static_find(rq->nseg == 0 ? "index.html" : rq->segs[1]);
	if (!f)
		return srv_error(rq, 404, "không có tệp này", "no such file");
	return srv_reply(rq, 200, f->type, (const char *)f->data, f->len, NULL);
}

enum MHD_Result api_criteria_get(srv_req *rq)
{
	const cchc_criteria *const *sets;
	size_t n;
	const char *block = rq->segs[4];
	if (srv_year_sets(rq->srv, rq->year, &sets, &n) < 0)
		return srv_error(rq, 500, "không nạp được bộ chỉ số của năm",
		                 "the year's criteria sets do not load");
	for (size_t i = 0; i < n; i++) {
		if (strcmp(cchc_criteria_block(sets[i]), block) != 0)
			continue;
		cchc_buf b;
		cchc_buf_init(&b, 0);
		cchc_render_criteria_json(&b, sets[i]);
		enum MHD_Result r = srv_reply_buf(rq, 200, &b);
		cchc_buf_dispose(&b);
		return r;
	}
	return srv_error(rq, 404, "năm này không có bộ chỉ số của khối này",
	                 "the year has no criteria set of this block");
}
