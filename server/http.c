#define _POSIX_C_SOURCE 200809L /* getaddrinfo, inet_ntop */
/* The HTTP core: libmicrohttpd's daemon (internal polling thread and a
 * thread pool), the access handler that accumulates a capped body, the
 * replies with their security headers, and the path's decoding. */
#include "http_priv.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "json_writer.h"

static const char *const security_headers[] = {
	"X-Content-Type-Options", "nosniff",
	"Cache-Control", "no-store",
	"Referrer-Policy", "no-referrer",
	"X-Frame-Options", "DENY",
	"Content-Security-Policy",
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
	NULL,
};

enum MHD_Result srv_reply(srv_req *rq, unsigned status, const char *ctype, const char *data,
                          size_t len, const char *const *extra)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, (void *)(uintptr_t)data, MHD_RESPMEM_MUST_COPY);
	return srv_queue(rq, status, r, ctype, extra);
}

enum MHD_Result srv_queue(srv_req *rq, unsigned status, struct MHD_Response *r, const char *ctype,
                          const char *const *extra)
{
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", ctype);
	for (size_t i = 0; security_headers[i]; i += 2) {
		/* an extra header of the same name replaces the default (a page's own CSP) */
		int replaced = 0;
		for (size_t j = 0; extra && extra[j]; j += 2)
			replaced |= strcasecmp(extra[j], security_headers[i]) == 0;
		if (!replaced)
			MHD_add_response_header(r, security_headers[i], security_headers[i + 1]);
	}
	if (rq->srv->tls)
		MHD_add_response_header(r, "Strict-Transport-Security", "max-age=31536000");
	for (size_t i = 0; extra && extra[i]; i += 2)
		MHD_add_response_header(r, extra[i], extra[i + 1]);
	enum MHD_Result ret = MHD_queue_response(rq->conn, status, r);
	MHD_destroy_response(r);
	rq->answered = 1;
	return ret;
}

static const char json_type[] = "application/json; charset=utf-8";

enum MHD_Result srv_reply_buf(srv_req *rq, unsigned status, const cchc_buf *buf)
{
	if (buf->failed)
		return srv_error(rq, 500, "không dựng được câu trả lời (thiếu bộ nhớ)",
		                 "could not build the answer (out of memory)");
	return srv_reply(rq, status, json_type, buf->data ? buf->data : "", buf->len, NULL);
}

int srv_json_string(cchc_buf *out, const char *s)
{
	cchc_json j; /* the reports' writer: one escaping rule for every JSON answer */
	cchc_json_init(&j, out, 0);
	cchc_json_string(&j, s);
	return out->failed ? -1 : 0;
}

enum MHD_Result srv_error(srv_req *rq, unsigned status, const char *vi, const char *en)
{
	cchc_buf b;
	cchc_buf_init(&b, 0);
	cchc_buf_puts(&b, "{\"error\": ");
	srv_json_string(&b, rq->lang == CCHC_LANG_EN ? en : vi);
	cchc_buf_puts(&b, "}\n");
	enum MHD_Result ret = b.failed ? MHD_NO
	                               : srv_reply(rq, status, json_type, b.data, b.len, NULL);
	cchc_buf_dispose(&b);
	return ret;
}

enum MHD_Result srv_store_error(srv_req *rq, int rc)
{
	switch (rc) {
	case STORE_NOTFOUND:
		return srv_error(rq, 404, "không tìm thấy", "not found");
	case STORE_CONFLICT:
		return srv_error(rq, 409,
		                 "dữ liệu đã được người khác thay đổi hoặc không ở trạng thái cho phép: "
		                 "tải lại rồi thử lại",
		                 "the data changed meanwhile or is not in a state that allows this: "
		                 "reload and try again");
	case STORE_FROZEN:
		return srv_error(rq, 409, "năm đã công bố kết quả: không sửa được nữa",
		                 "the year is published: it can no longer be changed");
	case STORE_INVALID:
		return srv_error(rq, 422, "dữ liệu không hợp lệ", "invalid data");
	default:
		fprintf(stderr, "cchc serve: store error: %s\n", srv_store_errmsg(rq->srv->store));
		return srv_error(rq, 500, "lỗi lưu trữ của máy chủ: báo quản trị viên",
		                 "server storage error: tell the administrator");
	}
}

/* The body as a JSON object, or an answer (400/422) already queued. */
srv_json *srv_body_object(srv_req *rq, enum MHD_Result *r)
{
	char err[128], vi[200], en[200];
	srv_json *v = NULL;
	if (srv_json_parse(&v, rq->body.data ? rq->body.data : "", rq->body.len, err, sizeof err) < 0) {
		snprintf(vi, sizeof vi, "nội dung không phải JSON hợp lệ: %s", err);
		snprintf(en, sizeof en, "the body is not valid JSON: %s", err);
		*r = srv_error(rq, 400, vi, en);
		return NULL;
	}
	if (v->type != SRV_JSON_OBJECT) {
		srv_json_free(v);
		*r = srv_error(rq, 422, "nội dung phải là một đối tượng JSON {…}",
		               "the body must be a JSON object {…}");
		return NULL;
	}
	return v;
}

const char *srv_header(const srv_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decode s[0..n) into out (room for n+1); -1 on a bad escape or a NUL. */
static int pct_decode(const char *s, size_t n, char *out, int plus_is_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '%') {
			if (i + 2 >= n)
				return -1;
			int a = hexval(s[i + 1]), b = hexval(s[i + 2]);
			if (a < 0 || b < 0)
				return -1;
			c = a * 16 + b;
			i += 2;
		} else if (c == '+' && plus_is_space) {
			c = ' ';
		}
		if (c == 0)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = 0;
	return 0;
}

const char *srv_query(const srv_req *rq, const char *key, char *out, size_t outlen)
{
	const char *v = MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, key);
	size_t n = v ? strlen(v) : 0;
	if (!v || n >= outlen || pct_decode(v, n, out, 1) < 0)
		return NULL;
	return out;
}

int srv_path_split(const char *url, char *buf, size_t buflen, char **segs, size_t max, size_t *n)
{
	size_t len = strlen(url), o = 0;
	*n = 0;
	if (url[0] != '/' || len >= buflen)
		return -1;
	const char *p = url + 1;
	if (strchr(url, '?')) /* MHD hands the path without its query: a '?' here is odd */
		return -1;
	if (!*p)
		return 0;
	for (;;) {
		const char *e = strchr(p, '/');
		size_t sl = e ? (size_t)(e - p) : strlen(p);
		if (*n == max)
			return -1;
		if (pct_decode(p, sl, buf + o, 0) < 0) {
			*n = 0; /* no route matches a path cut short */
			return -1;
		}
		segs[(*n)++] = buf + o;
		o += strlen(buf + o) + 1;
		if (!e)
			break;
		p = e + 1;
	}
	return 0;
}

int srv_segment_valid(char kind, const char *s)
{
	size_t n = strlen(s);
	switch (kind) {
	case 'y':
		if (n != 4)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (s[i] < '0' || s[i] > '9')
				return 0;
		return s[0] != '0';
	case 'h':
		if (n != 64)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
				return 0;
		return 1;
	default: /* agency and criterion ids: [A-Za-z0-9._-], not "." or ".." */
		if (n == 0 || n > 63 || strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
			return 0;
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			      c == '.' || c == '_' || c == '-'))
				return 0;
		}
		return 1;
	}
}

/* MHD decodes nothing itself: the path is split first, then each segment is
 * decoded, so that "%2F" can never make a new segment; query values are
 * decoded by srv_query. */
static size_t no_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static void client_ip(struct MHD_Connection *c, char *out, size_t len)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	out[0] = 0;
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
		          (socklen_t)len);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
		          (socklen_t)len);
}

static enum MHD_Result too_large(srv_req *rq)
{
	return srv_error(rq, 413, "nội dung gửi lên quá lớn", "the request body is too large");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **ctx)
{
	(void)version;
	srv_server *srv = cls;
	srv_req *rq = *ctx;
	if (!rq) {
		if (!(rq = calloc(1, sizeof *rq)))
			return MHD_NO;
		*ctx = rq;
		rq->srv = srv;
		rq->conn = conn;
		rq->method = method;
		const char *al = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Language");
		rq->lang = al && (al[0] == 'e' || al[0] == 'E') && (al[1] == 'n' || al[1] == 'N')
		               ? CCHC_LANG_EN
		               : CCHC_LANG_VI;
		client_ip(conn, rq->ip, sizeof rq->ip);
		int bad = srv_path_split(url, rq->path, sizeof rq->path, rq->segs, SRV_MAX_SEGS,
		                         &rq->nseg) < 0;
		rq->body_cap = bad ? 0 : srv_route_body_cap(method, rq->segs, rq->nseg);
		cchc_buf_init(&rq->body, rq->body_cap ? rq->body_cap : 1);
		if (bad) /* a path no route may see: a bad escape, a NUL, too long */
			return srv_error(rq, 404, "không có đường dẫn này", "no such path");
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && rq->body_cap && strtoull(cl, NULL, 10) > rq->body_cap)
			return too_large(rq);
		return MHD_YES;
	}
	if (*upload_size) {
		/* a route without a body reads none: what comes is dropped */
		if (!rq->answered && rq->body_cap &&
		    cchc_buf_append(&rq->body, upload_data, *upload_size) < 0) {
			*upload_size = 0;
			return too_large(rq);
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->answered)
		return MHD_YES;
	return srv_dispatch(rq);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **ctx,
                         enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	srv_req *rq = *ctx;
	if (!rq)
		return;
	cchc_buf_dispose(&rq->body);
	sodium_memzero(rq->csrf, sizeof rq->csrf);
	free(rq);
	*ctx = NULL;
}

static char *read_pem(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n = -1;
	if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && n < (1 << 20) &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1)) &&
	    fread(data, 1, (size_t)n, f) == (size_t)n) {
		data[n] = 0;
		fclose(f);
		return data;
	}
	snprintf(err, errlen, "%s: cannot read the TLS file (%s): give a readable PEM file", path,
	         f ? (n >= (1 << 20) ? "larger than 1 MiB" : "read error") : strerror(errno));
	free(data);
	if (f)
		fclose(f);
	return NULL;
}

static void defaults(srv_config *c)
{
#define DEFAULT(field, value) c->field = c->field ? c->field : (value)
	DEFAULT(host, "127.0.0.1");
	DEFAULT(threads, 16); /* reads go on while writes wait for the disk */
	DEFAULT(max_connections, 512);
	DEFAULT(per_ip, 256);
	DEFAULT(timeout, 30);
	DEFAULT(user_failures, 5);
	DEFAULT(ip_failures, 20);
	DEFAULT(lockout, 30);
	DEFAULT(session_seconds, 8 * 3600);
#undef DEFAULT
}

/* A server killed mid-download leaves its private folder: at start, each such folder's regular
 * files go, then the folder if that emptied it. Never through a link: a link named so, or one
 * inside, stays where it is, and so does what it points to. A folder locked by a live download
 * (another server on the same data folder) is left alone. */
static void remove_download_leftovers(const char *dir)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	struct dirent *e;
	if (!d) {
		if (dfd >= 0)
			close(dfd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (!srv_temp_name(e->d_name, ".download-"))
			continue;
		int fd = openat(dfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		DIR *sub = fd >= 0 ? fdopendir(fd) : NULL;
		struct dirent *f;
		if (!sub || flock(fd, LOCK_EX | LOCK_NB) != 0) {
			if (sub)
				closedir(sub);
			else if (fd >= 0)
				close(fd);
			continue; /* a file or a link of that name, or a live download's */
		}
		while ((f = readdir(sub)) != NULL) {
			struct stat sb;
			if (fstatat(fd, f->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode))
				unlinkat(fd, f->d_name, 0);
		}
		closedir(sub);
		unlinkat(dfd, e->d_name, AT_REMOVEDIR); /* fails, as it should, when anything else is left */
	}
	closedir(d);
}

int srv_server_start(srv_server **out, const srv_config *cfg, char *err, size_t errlen)
{
	*out = NULL;
	if (sodium_init() < 0) {
		snprintf(err, errlen, "libsodium could not start");
		return -1;
	}
	srv_server *srv = calloc(1, sizeof *srv);
	if (!srv) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	srv->cfg = *cfg;
	defaults(&srv->cfg);
	pthread_mutex_init(&srv->cache_lock, NULL);
	pthread_mutex_init(&srv->store_write, NULL);
	for (size_t i = 0; i < sizeof srv->write_locks / sizeof srv->write_locks[0]; i++)
		pthread_mutex_init(&srv->write_locks[i], NULL);
	struct addrinfo hints = {0}, *ai = NULL;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	char port[16];
	snprintf(port, sizeof port, "%u", srv->cfg.port);
	if (getaddrinfo(srv->cfg.host, port, &hints, &ai) != 0) {
		snprintf(err, errlen,
		         "--listen: \"%s\" is not a numeric IP address: give one such as 127.0.0.1",
		         srv->cfg.host);
		goto fail;
	}
	if ((cfg->tls_cert != NULL) != (cfg->tls_key != NULL)) {
		snprintf(err, errlen, "--tls-cert and --tls-key go together: give both or neither");
		goto fail;
	}
	if (cfg->tls_cert) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			snprintf(err, errlen,
			         "this libmicrohttpd has no TLS support: run behind a reverse proxy "
			         "(README, \"Server\") or install a libmicrohttpd built with GnuTLS");
			goto fail;
		}
		if (!(srv->tls_cert_pem = read_pem(cfg->tls_cert, err, errlen)) ||
		    !(srv->tls_key_pem = read_pem(cfg->tls_key, err, errlen)))
			goto fail;
		srv->tls = 1;
	}
	if (srv_store_open(&srv->store, cfg->data_dir, err, errlen) != STORE_OK)
		goto fail;
	remove_download_leftovers(cfg->data_dir);
	srv_evidence_sweep(srv->store);
	if (srv_store_set_sync(srv->store, cfg->sync_full ? SRV_SYNC_FULL : SRV_SYNC_NORMAL) != STORE_OK) {
		snprintf(err, errlen, "%s: cannot set how saves reach the disk: %s", cfg->data_dir,
		         srv_store_errmsg(srv->store));
		goto fail;
	}
	if (srv_store_checkpoint_start(srv->store) != STORE_OK) {
		snprintf(err, errlen, "%s: cannot start the checkpoint thread", cfg->data_dir);
		goto fail;
	}
	if (srv_throttle_new(&srv->throttle) < 0 ||
	    (cfg->cheap_dummy_hash ? srv_password_hash_demo(srv->dummy_hash, "dummy")
	                           : srv_password_hash(srv->dummy_hash, "dummy")) < 0) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (srv->tls)
		flags |= MHD_USE_TLS;
	struct MHD_OptionItem opts[] = {
		{MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)srv->cfg.threads, NULL},
		{MHD_OPTION_CONNECTION_LIMIT, (intptr_t)srv->cfg.max_connections, NULL},
		{MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)srv->cfg.per_ip, NULL},
		{MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)srv->cfg.timeout, NULL},
		/* request line and headers live in this pool: 32 KiB caps them */
		{MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)(32 * 1024), NULL},
		{MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL},
		{srv->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, srv->tls_cert_pem},
		{MHD_OPTION_HTTPS_MEM_KEY, 0, srv->tls_key_pem},
		{MHD_OPTION_END, 0, NULL},
	};
	/* function pointers go as variadic options, not through the array's void * */
	srv->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR,
	                               ai->ai_addr, MHD_OPTION_UNESCAPE_CALLBACK, no_unescape, NULL,
	                               MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	                               MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
	freeaddrinfo(ai);
	ai = NULL;
	if (!srv->daemon) {
		snprintf(err, errlen,
		         "cannot listen on %s port %u: is the port in use or the address not this "
		         "machine's? (or the TLS files not a certificate and its key)",
		         srv->cfg.host, srv->cfg.port);
		goto fail;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = di ? di->port : srv->cfg.port;
	*out = srv;
	return 0;
fail:
	if (ai)
		freeaddrinfo(ai);
	srv_server_stop(srv);
	return -1;
}

unsigned srv_server_port(const srv_server *srv)
{
	return srv->port;
}

void srv_server_stop(srv_server *srv)
{
	if (!srv)
		return;
	if (srv->daemon)
		MHD_stop_daemon(srv->daemon);
	srv_store_close(srv->store);
	srv_throttle_free(srv->throttle);
	srv_year_cache_free(srv->years);
	pthread_mutex_destroy(&srv->cache_lock);
	pthread_mutex_destroy(&srv->store_write);
	for (size_t i = 0; i < sizeof srv->write_locks / sizeof srv->write_locks[0]; i++)
		pthread_mutex_destroy(&srv->write_locks[i]);
	free(srv->tls_cert_pem);
	if (srv->tls_key_pem)
		sodium_memzero(srv->tls_key_pem, strlen(srv->tls_key_pem));
	free(srv->tls_key_pem);
	free(srv);
}
