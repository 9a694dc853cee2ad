/* Load on cchc serve (bench/server-load.sh builds and runs it): SESSIONS
 * agency sessions at once, each saving one of its items, then reading its
 * live score and its estimated rank (check), then pausing THINK ms, for
 * SECONDS; libcurl multi, one keep-alive connection per session.
 * Prints p50/p99/max per request and per cycle (save + score + estimate),
 * and the errors (any status other than 200).
 * Usage: server-load PORT [SESSIONS [SECONDS [THINK_MS]]] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "json_read.h"
#include "server_client.h"

typedef struct {
	CURL *h;
	struct curl_slist *hs;
	test_client c;       /* its session cookie and CSRF token */
	char agency[64], criterion[64];
	char *save_body;
	int step;            /* 0 save, 1 score, 2 check */
	double next, cycle_start;
} session;

typedef struct {
	double *v;
	size_t n, cap;
} series;


static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void add(series *s, double v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		if (!s->v)
			exit(2);
	}
	s->v[s->n++] = v;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, series *s)
{
	if (!s->n) {
		printf("%-26s %8s\n", what, "none");
		return;
	}
	qsort(s->v, s->n, sizeof *s->v, cmp);
	printf("%-26s %8zu %9.1f %9.1f %9.1f\n", what, s->n, 1000 * s->v[s->n / 2],
	       1000 * s->v[(size_t)((double)s->n * 0.99)], 1000 * s->v[s->n - 1]);
}

/* Answers are not kept: the status says enough. */
static size_t drop(char *p, size_t size, size_t n, void *ctx)
{
	(void)p;
	(void)ctx;
	return size * n;
}

/* Point s's handle at method path (body may be NULL). */
static void prepare(session *s, const char *method, const char *path, const char *body)
{
	char url[256], h[256];
	snprintf(url, sizeof url, "http://127.0.0.1:%u%s", s->c.port, path);
	curl_easy_setopt(s->h, CURLOPT_URL, url);
	curl_easy_setopt(s->h, CURLOPT_CUSTOMREQUEST, method);
	if (body) {
		curl_easy_setopt(s->h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(s->h, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else {
		curl_easy_setopt(s->h, CURLOPT_POSTFIELDS, NULL);
		curl_easy_setopt(s->h, CURLOPT_HTTPGET, 1L);
		curl_easy_setopt(s->h, CURLOPT_CUSTOMREQUEST, method);
	}
	curl_slist_free_all(s->hs);
	s->hs = curl_slist_append(NULL, "Content-Type: application/json");
	s->hs = curl_slist_append(s->hs, "Expect:");
	snprintf(h, sizeof h, "Cookie: %s", s->c.cookie);
	s->hs = curl_slist_append(s->hs, h);
	snprintf(h, sizeof h, "X-CSRF-Token: %s", s->c.csrf);
	s->hs = curl_slist_append(s->hs, h);
	curl_easy_setopt(s->h, CURLOPT_HTTPHEADER, s->hs);
}

/* A JSON value back as JSON text (strings, numbers, arrays, objects). */
static void emit(const json_value *v, FILE *out)
{
	switch (json_type_of(v)) {
	case JSON_STRING:
		fputc('"', out);
		for (const unsigned char *p = (const unsigned char *)json_str(v); *p; p++) {
			if (*p == '"' || *p == '\\')
				fputc('\\', out);
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
		fputc('"', out);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT: {
		int obj = json_type_of(v) == JSON_OBJECT;
		fputc(obj ? '{' : '[', out);
		for (size_t i = 0; i < json_len(v); i++) {
			if (i)
				fputc(',', out);
			if (obj)
				fprintf(out, "\"%s\":", json_key_at(v, i));
			emit(obj ? json_member(v, i) : json_at(v, i), out);
		}
		fputc(obj ? '}' : ']', out);
		break;
	}
	case JSON_NUMBER:
		fputs(json_num_text(v), out);
		break;
	default:
		fputs("null", out);
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: server-load PORT [SESSIONS [SECONDS [THINK_MS]]]\n");
		return 2;
	}
	unsigned port = (unsigned)atoi(argv[1]);
	int nsessions = argc > 2 ? atoi(argv[2]) : 100;
	double seconds = argc > 3 ? atof(argv[3]) : 60, think = (argc > 4 ? atof(argv[4]) : 1000) / 1000;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	session *ss = calloc((size_t)nsessions, sizeof *ss);
	test_response r;
	/* the agencies, as the evaluator sees them */
	test_client ev = {0};
	ev.port = port;
	if (test_login(&ev, "sonoivu", "demo") != 200) {
		fprintf(stderr, "server-load: cannot sign in as sonoivu on port %u\n", port);
		return 1;
	}
	test_http(&ev, "GET", "/api/years/2018/agencies", NULL, 0, NULL, &r);
	json_value *agencies = json_parse(r.body, r.len, NULL, 0);
	test_response_free(&r);
	size_t nag = json_len(agencies);
	if (!nag) {
		fprintf(stderr, "server-load: no agencies in 2018\n");
		return 1;
	}
	for (int i = 0; i < nsessions; i++) {
		session *s = &ss[i];
		char path[256];
		snprintf(s->agency, sizeof s->agency, "%s",
		         json_str(json_get(json_at(agencies, (size_t)i % nag), "id")));
		s->c.port = port;
		if (test_login(&s->c, s->agency, "demo") != 200) {
			fprintf(stderr, "server-load: cannot sign in as %s\n", s->agency);
			return 1;
		}
		snprintf(path, sizeof path, "/api/years/2018/agencies/%s/items", s->agency);
		test_http(&s->c, "GET", path, NULL, 0, NULL, &r);
		json_value *items = json_parse(r.body, r.len, NULL, 0);
		test_response_free(&r);
		/* the session saves the (i / agencies)-th item of its agency, as stored */
		size_t want = (size_t)i / nag, seen = 0, len = 0;
		for (size_t k = 0; k < json_len(items); k++) {
			const json_value *it = json_get(json_at(items, k), "item");
			if (json_type_of(it) != JSON_OBJECT || seen++ < want)
				continue;
			FILE *f = open_memstream(&s->save_body, &len);
			emit(it, f);
			fclose(f);
			snprintf(s->criterion, sizeof s->criterion, "%s",
			         json_str(json_get(json_at(items, k), "criterion")));
			break;
		}
		json_free(items);
		if (!s->save_body) {
			fprintf(stderr, "server-load: %s has no item to save\n", s->agency);
			return 1;
		}
		s->h = curl_easy_init();
		curl_easy_setopt(s->h, CURLOPT_WRITEFUNCTION, drop);
		curl_easy_setopt(s->h, CURLOPT_PRIVATE, s);
		s->next = now() + think * (double)i / nsessions; /* spread the starts */
	}
	json_free(agencies);

	CURLM *m = curl_multi_init();
	series per[3] = {{0}}, cycle = {0};
	size_t errors = 0, running_sessions = 0;
	double end = now() + seconds;
	int active = 0;
	for (;;) {
		double t = now();
		for (int i = 0; i < nsessions; i++) {
			session *s = &ss[i];
			if (s->next <= 0 || s->next > t)
				continue;
			if (t >= end) {
				s->next = 0;
				continue;
			}
			char path[256];
			s->cycle_start = t;
			s->step = 0;
			snprintf(path, sizeof path, "/api/years/2018/agencies/%s/items/%s", s->agency, s->criterion);
			prepare(s, "PUT", path, s->save_body);
			curl_multi_add_handle(m, s->h);
			s->next = 0;
			running_sessions++;
		}
		curl_multi_perform(m, &active);
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(m, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			session *s;
			long code = 0;
			curl_off_t us = 0;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
			curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &code);
			curl_easy_getinfo(msg->easy_handle, CURLINFO_TOTAL_TIME_T, &us);
			curl_multi_remove_handle(m, s->h);
			add(&per[s->step], (double)us / 1e6);
			if (code != 200 || msg->data.result != CURLE_OK) {
				errors++;
				if (errors <= 5)
					fprintf(stderr, "server-load: %s step %d: status %ld\n", s->agency, s->step,
					        code);
			}
			if (s->step < 2) {
				char path[256];
				s->step++;
				snprintf(path, sizeof path, "/api/years/2018/agencies/%s/%s", s->agency,
				         s->step == 1 ? "score" : "check");
				prepare(s, "GET", path, NULL);
				curl_multi_add_handle(m, s->h);
			} else {
				double t2 = now();
				add(&cycle, t2 - s->cycle_start);
				s->next = t2 + think;
				running_sessions--;
			}
		}
		int busy = 0;
		for (int i = 0; i < nsessions; i++)
			busy |= ss[i].next > 0;
		if (!active && !running_sessions && !busy)
			break;
		curl_multi_poll(m, NULL, 0, 5, NULL);
	}
	printf("%d sessions, %.0f s, think %.0f ms, port %u\n", nsessions, seconds, think * 1000, port);
	printf("%-26s %8s %9s %9s %9s\n", "", "count", "p50 ms", "p99 ms", "max ms");
	report("PUT item (save+re-score)", &per[0]);
	report("GET score", &per[1]);
	report("GET check (rank estimate)", &per[2]);
	report("cycle (all three)", &cycle);
	printf("errors: %zu\n", errors);
	return errors ? 1 : 0;
}
