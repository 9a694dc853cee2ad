/* A small libcurl client for the server suites: one call per request,
 * keeping the session cookie and the CSRF token of the last sign-in. */
#ifndef CCHC_TEST_SERVER_CLIENT_H
#define CCHC_TEST_SERVER_CLIENT_H

#include <stddef.h>

typedef struct {
	unsigned port;
	char cookie[160];  /* "cchc_session=HEX", or "" */
	char csrf[80];     /* sent as X-CSRF-Token when not "" */
	const char *lang;  /* Accept-Language, or NULL */
	const char *ca;    /* HTTPS, trusting this PEM certificate; NULL: HTTP */
} test_client;

typedef struct {
	long status;
	char *body;        /* NUL-terminated; free with test_response_free */
	size_t len;
	char headers[4096];
} test_response;

/* method path [body] → r (status 0 when the request could not be made). */
long test_http(test_client *c, const char *method, const char *path, const char *body,
               size_t len, const char *content_type, test_response *r);

void test_response_free(test_response *r);

/* method path with a JSON body (or none): its status; the response kept in
 * *keep when given (test_response_free it), else freed. */
long test_call(test_client *c, const char *method, const char *path, const char *json,
               test_response *keep);

/* Sign in as user (cookie and csrf kept in c); the status. */
long test_login(test_client *c, const char *user, const char *password);

/* A header's value in r (static buffer), or NULL. */
const char *test_header(const test_response *r, const char *name);

#endif
