/* libFuzzer target: whole requests through cchc serve's handlers. The server
 * runs in-process on a loopback port over a demo folder (made once); each
 * input goes over a socket, as a raw request (paths, headers, cookies) or,
 * by its first byte, as the body of a signed-in agency's JSON write (item,
 * state) or evidence upload (multipart). Whatever comes, the server must
 * answer with a status line and never 500 (ASan and UBSan watch inside). */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "server.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static srv_server *server;
static unsigned port;
static char cookie[128], csrf[80];

/* Send req, read the answer into out (NUL-terminated); its length. */
static size_t exchange(const char *req, size_t len, char *out, size_t cap)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {0};
	struct timeval tv = {0, 300000}; /* silence: the server waits for more of the request */
	size_t got = 0;
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0)
		abort();
	for (size_t sent = 0; sent < len;) {
		ssize_t n = send(fd, req + sent, len - sent, MSG_NOSIGNAL);
		if (n <= 0)
			break; /* the server may answer (413) and close before reading it all */
		sent += (size_t)n;
	}
	shutdown(fd, SHUT_WR);
	/* until the whole answer is in (the connection may stay open) */
	for (ssize_t n; got + 1 < cap && (n = recv(fd, out + got, cap - 1 - got, 0)) > 0;) {
		got += (size_t)n;
		out[got] = 0;
		const char *end = strstr(out, "\r\n\r\n"), *cl = strstr(out, "Content-Length: ");
		if (end && cl && cl < end &&
		    got >= (size_t)(end + 4 - out) + strtoull(cl + 16, NULL, 10))
			break;
	}
	out[got] = 0;
	close(fd);
	return got;
}

static void start(void)
{
	char dir[] = "/tmp/cchc-fuzz-http-XXXXXX", err[512], out[4096];
	if (!mkdtemp(dir) ||
	    srv_demo_create(dir, CCHC_SOURCE_DIR, srv_password_hash_demo, err, sizeof err) != STORE_OK)
		abort();
	srv_config cfg = {0};
	cfg.data_dir = dir;
	cfg.cheap_dummy_hash = 1;
	cfg.user_failures = 1000000; /* the fuzzer signs in wrongly a lot */
	cfg.ip_failures = 1000000;
	cfg.timeout = 1; /* requests left incomplete are dropped soon */
	if (srv_server_start(&server, &cfg, err, sizeof err) < 0)
		abort();
	port = srv_server_port(server);
	static const char body[] = "{\"user\":\"skhdt\",\"password\":\"demo\"}";
	char login[256];
	int n = snprintf(login, sizeof login,
	                 "POST /api/session HTTP/1.1\r\nHost: f\r\nContent-Length: %zu\r\n\r\n%s",
	                 sizeof body - 1, body);
	exchange(login, (size_t)n, out, sizeof out);
	const char *c = strstr(out, "cchc_session="), *t = strstr(out, "\"csrf\": \"");
	if (!c || !t)
		abort();
	snprintf(cookie, sizeof cookie, "%.77s", c);
	snprintf(csrf, sizeof csrf, "%.64s", t + 9);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char out[1 << 16];
	if (!server)
		start();
	if (size == 0 || size > 65536)
		return 0;
	static const char *const targets[] = {
		NULL,
		"PUT /api/years/2018/agencies/skhdt/items/1.1.1",
		"POST /api/years/2018/agencies/skhdt/state",
		"POST /api/years/2018/agencies/skhdt/evidence?criterion=1.1.1",
	};
	const char *target = targets[data[0] % 4];
	size_t cap = size + 1024, len;
	char *req = malloc(cap);
	if (!req)
		return 0;
	if (!target) { /* the input is the request, cookie and token given when it asks */
		len = size - 1;
		memcpy(req, data + 1, len);
		memcpy(req + len, "\r\n\r\n", 4);
		len += 4;
	} else {
		len = (size_t)snprintf(req, cap,
		                       "%s HTTP/1.1\r\nHost: f\r\nCookie: %s\r\nX-CSRF-Token: %s\r\n"
		                       "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
		                       target, cookie, csrf,
		                       data[0] % 4 == 3 ? "multipart/form-data; boundary=B"
		                                        : "application/json",
		                       size - 1);
		memcpy(req + len, data + 1, size - 1);
		len += size - 1;
	}
	size_t got = exchange(req, len, out, sizeof out);
	free(req);
	/* an answer, and never an error of ours (MHD's own refusals: 400, 413, 505, …) */
	if (got && (strncmp(out, "HTTP/1.1 500", 12) == 0 || strncmp(out, "HTTP/1.", 7) != 0)) {
		fprintf(stderr, "fuzz_http_request: %.300s\n", out);
		abort();
	}
	return 0;
}
