/* cchc serve: the JSON API over a data folder (server/), or the Huế 2018
 * demo in a fresh folder on loopback. Stops cleanly on SIGINT and SIGTERM. */
#define _XOPEN_SOURCE 700 /* sigwait, mkdtemp, nftw */
#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server.h"
#include "store.h"

static const char *const usage = N_(
	"Usage: cchc serve --data DIR [--listen 127.0.0.1:8080] [--threads N]\n"
	"                  [--tls-cert FILE --tls-key FILE] [--sync normal|full]\n"
	"       cchc serve --demo [--listen 127.0.0.1:PORT]\n"
	"\n"
	"Serve the JSON API of the province's CCHC cycle (README, \"Server\") on the\n"
	"data folder DIR, made with cchc admin init. Stops on Ctrl-C or SIGTERM.\n"
	"\n"
	"  --data DIR       the data folder (its database and evidence files)\n"
	"  --listen H:P     numeric address and port (default 127.0.0.1:8080; [::1]:P)\n"
	"  --threads N      worker threads (default 16)\n"
	"  --tls-cert FILE  HTTPS with this PEM certificate, and --tls-key FILE its key\n"
	"  --sync normal    (default) a save survives a crash or kill of the server;\n"
	"                   an OS crash or power cut may lose the last moments of saves\n"
	"  --sync full      every save is on the disk (fsync) before its answer\n"
	"  --demo           a fresh folder from the Huế 2018 samples, its accounts\n"
	"                   printed (password demo); loopback only\n"
	"\n"
	"Exit status: 0 stopped cleanly, 1 cannot serve (the message says why),\n"
	"2 usage error.\n");

/* "HOST:PORT" or "[V6]:PORT" into host (numeric) and port. 0, or -1. */
static int parse_listen(const char *s, char *host, size_t hostlen, unsigned *port)
{
	const char *colon;
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':' || (size_t)(close - s) > hostlen)
			return -1;
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = 0;
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= hostlen || colon == s)
			return -1;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = 0;
	}
	unsigned long long p;
	if (cli_parse_count(colon + 1, 65535, &p) < 0)
		return -1;
	*port = (unsigned)p;
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* The demo's folder goes when the server stops: it was made for this run. */
static void remove_demo(const char *dir)
{
	if (nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, _("cchc serve: could not remove the demo folder %s\n"), dir);
}

static int loopback(const char *host)
{
	return strncmp(host, "127.", 4) == 0 || strcmp(host, "::1") == 0;
}

static void print_demo_accounts(const char *dir)
{
	srv_store *st = NULL;
	char err[256];
	srv_agency *list = NULL;
	size_t n = 0;
	printf(_("Demo data folder (removed when the server stops): %s\n"
	         "Accounts (password \"demo\" for all):\n"
	         "  sonoivu   evaluator (Sở Nội vụ)\n  hoidong   appraiser (every agency of 2018)\n"),
	       dir);
	if (srv_store_open(&st, dir, err, sizeof err) == STORE_OK &&
	    srv_agency_list(st, 2018, &list, &n) == STORE_OK)
		for (size_t i = 0; i < n; i++)
			printf(_("  %-9s agency: %s\n"), list[i].id, list[i].name);
	free(list);
	srv_store_close(st);
}

int cmd_serve(int argc, char **argv)
{
	const char *data = NULL, *listen = NULL, *threads = NULL, *cert = NULL, *key = NULL,
		   *sync = NULL;
	int demo = 0;
	for (int i = 1; i < argc; i++) {
		int rc = 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(_(usage), stdout);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--demo") == 0) {
			demo = 1;
			continue;
		}
		if ((rc = cli_option_value(argc, argv, &i, "--data", &data)) ||
		    (rc = cli_option_value(argc, argv, &i, "--listen", &listen)) ||
		    (rc = cli_option_value(argc, argv, &i, "--threads", &threads)) ||
		    (rc = cli_option_value(argc, argv, &i, "--tls-cert", &cert)) ||
		    (rc = cli_option_value(argc, argv, &i, "--tls-key", &key)) ||
		    (rc = cli_option_value(argc, argv, &i, "--sync", &sync))) {
			if (rc < 0)
				return CLI_USAGE;
			continue;
		}
		return cli_usage_error("serve", _("unknown option %s"), argv[i]);
	}
	srv_config cfg = {0};
	char host[64] = "127.0.0.1", err[512], dir[] = "/tmp/cchc-demo-XXXXXX";
	cfg.port = 8080;
	if (demo == !!data)
		return cli_usage_error("serve", _("give --data DIR, or --demo (not both)"));
	if (listen && parse_listen(listen, host, sizeof host, &cfg.port) < 0)
		return cli_usage_error("serve",
		                       _("--listen wants HOST:PORT with a numeric address, such as "
		                         "127.0.0.1:8080 or [::1]:8080, not '%s'"),
		                       listen);
	if (demo && !loopback(host))
		return cli_usage_error("serve",
		                       _("--demo listens on loopback only (127.0.0.1 or ::1), not on "
		                         "%s: its passwords are public"),
		                       host);
	if (demo && (cert || key))
		return cli_usage_error("serve", _("--demo serves loopback only: it takes no TLS files"));
	unsigned long long nthreads = 0;
	if (threads && (cli_parse_count(threads, 1024, &nthreads) < 0 || nthreads == 0))
		return cli_usage_error("serve", _("--threads wants a number from 1 to 1024, not '%s'"),
		                       threads);
	if (sync && strcmp(sync, "normal") != 0 && strcmp(sync, "full") != 0)
		return cli_usage_error("serve", _("--sync takes normal or full, not '%s'"), sync);
	cfg.sync_full = sync && strcmp(sync, "full") == 0;
	cfg.host = host;
	cfg.threads = (unsigned)nthreads;
	cfg.tls_cert = cert;
	cfg.tls_key = key;
	cfg.data_dir = data;
	if (demo) {
		if (!mkdtemp(dir)) {
			fprintf(stderr, _("cchc serve: cannot make a demo folder under /tmp: is it "
			                  "writable?\n"));
			return CLI_INVALID;
		}
		if (srv_demo_create(dir, NULL, srv_password_hash_demo, err, sizeof err) != STORE_OK) {
			fprintf(stderr, "cchc serve: %s: %s\n", dir, err);
			remove_demo(dir);
			return CLI_INVALID;
		}
		cfg.data_dir = dir;
		cfg.cheap_dummy_hash = 1;
		print_demo_accounts(dir);
	}
	/* the workers inherit this mask: the signals come to sigwait below only */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	srv_server *srv = NULL;
	if (srv_server_start(&srv, &cfg, err, sizeof err) < 0) {
		fprintf(stderr, "cchc serve: %s\n", err);
		if (demo)
			remove_demo(dir);
		return CLI_INVALID;
	}
	printf(_("cchc serve: listening on %s://%s%s%s:%u/ (Ctrl-C stops)\n"), cert ? "https" : "http",
	       strchr(host, ':') ? "[" : "", host, strchr(host, ':') ? "]" : "",
	       srv_server_port(srv));
	fflush(stdout);
	int sig = 0;
	sigwait(&stop, &sig);
	srv_server_stop(srv);
	if (demo)
		remove_demo(dir);
	fprintf(stderr, _("cchc serve: stopped (%s)\n"), sig == SIGINT ? "SIGINT" : "SIGTERM");
	return CLI_OK;
}
