/**
 * @file static.h
 * The pages of `cchc serve` (web/), embedded in the binary at build time
 * (web/embed.cmake writes the table), and the routes that answer them and
 * the criteria set the form is built from (api_pages.c).
 */
#ifndef CCHC_SERVER_STATIC_H
#define CCHC_SERVER_STATIC_H

#include <stddef.h>

#include <microhttpd.h>

/** One embedded file: its flat name in web/, Content-Type and bytes. */
typedef struct {
	const char *name;
	const char *type;
	const unsigned char *data;
	size_t len;
} srv_static_file;

/** The table, ended by an entry whose name is NULL (generated). */
extern const srv_static_file srv_static_files[];

/**
 * The embedded file of that name ("app.js"), or NULL: names are compared
 * with the table's, never used as paths.
 */
const srv_static_file *srv_static_find(const char *name);

/* ---- api_pages.c: the routes (server/authz.c's table) ---- */
struct srv_req;
/** GET / (index.html) and GET /static/NAME: an embedded file, or 404. */
enum MHD_Result api_static_get(struct srv_req *rq);
/** GET /api/years/{y}/criteria/{block}: the block's set as cchc-criteria/1, or 404. */
enum MHD_Result api_criteria_get(struct srv_req *rq);

#endif
