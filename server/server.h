/**
 * @file server.h
 * `cchc serve`: the province's CCHC cycle over a JSON API (libmicrohttpd),
 * on a store (store.h) of one data folder. The routes, roles and bodies are
 * in the README ("Server") and in one table, server/authz.c.
 */
#ifndef CCHC_SERVER_SERVER_H
#define CCHC_SERVER_SERVER_H

#include <stddef.h>

typedef struct srv_server srv_server;

/** How to run; zero fields take the defaults named here. */
typedef struct {
	const char *data_dir;      /**< the store's folder (store.h); required */
	const char *host;          /**< numeric address to bind; "127.0.0.1" */
	unsigned port;             /**< 0: an ephemeral port (srv_server_port says which) */
	unsigned threads;          /**< worker threads; 0: 16 */
	const char *tls_cert;      /**< PEM files; both or neither */
	const char *tls_key;
	unsigned max_connections;  /**< 0: 512 */
	unsigned per_ip;           /**< connections per client address; 0: 256 */
	unsigned timeout;          /**< idle seconds before a connection is closed; 0: 30 */
	unsigned user_failures;    /**< failed logins of a user before a lockout; 0: 5 */
	unsigned ip_failures;      /**< failed logins from an address before a lockout; 0: 20 */
	unsigned lockout;          /**< first lockout in seconds, doubling after; 0: 30 */
	unsigned session_seconds;  /**< a session's life; 0: 8 hours */
	int cheap_dummy_hash;      /**< the no-such-user verify costs what the demo's hashes cost */
	int sync_full;             /**< every save fsynced before its answer (SQLite synchronous=FULL);
	                                0: WAL + synchronous=NORMAL, durable against a crash of the
	                                process, only an OS crash or power cut may lose the last saves */
} srv_config;

/**
 * Open the store and start listening (the workers run in their own threads).
 * @param[out] out the running server, NULL on failure
 * @return 0, or -1 with what went wrong and what to do in err
 */
int srv_server_start(srv_server **out, const srv_config *cfg, char *err, size_t errlen);

/** The port the server listens on (the ephemeral one when 0 was asked for). */
unsigned srv_server_port(const srv_server *srv);

/** Stop listening, finish the requests in flight, close the store; NULL-safe. */
void srv_server_stop(srv_server *srv);

/** A cheap Argon2id hash (libsodium's minimum limits) for the demo's public passwords. */
int srv_password_hash_demo(char out[128], const char *pw);

#endif
