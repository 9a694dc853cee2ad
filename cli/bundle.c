/* Atomic report bundles (see bundle.h). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, openat */
#define _DEFAULT_SOURCE         /* d_type-free readdir is enough; mkdtemp */
#include "bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/buf.h"

static char path_buf[4096];

const char *cli_bundle_path(cli_bundle *b, const char *name)
{
	snprintf(path_buf, sizeof path_buf, "%s/%s", b->tmp, name);
	return path_buf;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", a, b);
	return s;
}

/* A folder we may replace: missing, empty, or holding our marker. */
static int replaceable(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return errno == ENOENT ? 1 : -1;
	if (!S_ISDIR(st.st_mode))
		return 0;
	char *marker = join(dir, "/" CCHC_BUNDLE_MARKER);
	int ours = marker && access(marker, F_OK) == 0;
	free(marker);
	if (ours)
		return 1;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *e;
	int empty = 1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

int cli_bundle_open(cli_bundle *b, const char *target)
{
	memset(b, 0, sizeof *b);
	size_t n = strlen(target);
	while (n > 1 && target[n - 1] == '/')
		n--;
	b->target = strndup(target, n);
	if (!b->target)
		return -1;
	int ok = replaceable(b->target);
	if (ok <= 0) {
		fprintf(stderr, "%s: error: %s\n", b->target,
		        ok < 0 ? strerror(errno)
		               : "exists and is not a cchc report folder: give a new or empty folder "
		                 "(cchc replaces only folders it wrote)");
		free(b->target);
		b->target = NULL;
		return -1;
	}
	b->tmp = join(b->target, ".tmp-XXXXXX");
	if (!b->tmp || !mkdtemp(b->tmp)) {
		fprintf(stderr, "%s: error: cannot create a folder beside it: %s\n", b->target,
		        strerror(errno));
		free(b->tmp);
		free(b->target);
		b->tmp = b->target = NULL;
		return -1;
	}
	/* mkdtemp makes it private; the bundle is an ordinary folder */
	mode_t mask = umask(0);
	umask(mask);
	chmod(b->tmp, 0777 & ~mask);
	return cli_bundle_write(b, CCHC_BUNDLE_MARKER, "cchc report bundle\n", 19);
}

int cli_bundle_write(cli_bundle *b, const char *name, const char *data, size_t len)
{
	if (cchc_write_file_atomic(cli_bundle_path(b, name), data, len) < 0) {
		fprintf(stderr, "%s/%s: error: cannot write: %s\n", b->target, name, strerror(errno));
		return -1;
	}
	return 0;
}

/* Remove a folder we made (files only, no subfolders). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (p) {
			sprintf(p, "%s/%s", dir, e->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
	rmdir(dir);
}

int cli_bundle_close(cli_bundle *b, int ok)
{
	int rc = 0;
	if (!b->tmp)
		return -1;
	if (ok) {
		/* an earlier bundle (or an empty folder) steps aside first */
		char *old = join(b->target, ".old-XXXXXX");
		struct stat st;
		int had = stat(b->target, &st) == 0;
		if (had && (!old || !mkdtemp(old) || rename(b->target, old) != 0)) {
			fprintf(stderr, "%s: error: cannot replace it: %s\n", b->target, strerror(errno));
			rc = -1;
		} else if (rename(b->tmp, b->target) != 0) {
			fprintf(stderr, "%s: error: cannot put the report in place: %s\n", b->target,
			            strerror(errno));
			if (had)
				rename(old, b->target); /* put the earlier one back */
			rc = -1;
		} else if (had) {
			remove_tree(old);
		}
		if (old && rc == 0 && had)
			rmdir(old); /* mkdtemp made it; rename replaced it: nothing left */
		free(old);
	}
	if (!ok || rc < 0)
		remove_tree(b->tmp);
	free(b->tmp);
	free(b->target);
	b->tmp = b->target = NULL;
	return ok ? rc : -1;
}
