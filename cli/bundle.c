/* Atomic, crash-safe report bundles (see bundle.h). */
#define _GNU_SOURCE /* renameat2 and RENAME_EXCHANGE (glibc 2.28+), flock, mkdtemp */
#include "bundle.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/buf.h"
#include "cli.h"
#include "outputs.h"

static char path_buf[4096];

const char *cli_bundle_path(cli_bundle *b, const char *name)
{
	snprintf(path_buf, sizeof path_buf, "%s/%s", b->tmp, name);
	return path_buf;
}

/* a + sep + b, malloc'd (NULL when out of memory). */
static char *join(const char *a, const char *sep, const char *b)
{
	size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", a, sep, b);
	return s;
}

/* A folder cchc may replace or remove: a real folder (not a link) holding the
 * marker, or empty. 1 yes, 0 no, -1 cannot tell (errno set). */
static int ours(const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode))
		return 0;
	char *marker = join(dir, "/", CCHC_BUNDLE_MARKER);
	int has = marker && lstat(marker, &st) == 0;
	free(marker);
	if (has)
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

/* Remove a folder cchc made (files only): the marker goes last, so that a
 * folder half removed by a killed run is still known as cchc's. Its files are
 * removed through the folder's descriptor, never through a link put in its place. */
static void remove_tree(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    strcmp(e->d_name, CCHC_BUNDLE_MARKER) != 0)
			unlinkat(fd, e->d_name, 0);
	unlinkat(fd, CCHC_BUNDLE_MARKER, 0);
	closedir(d); /* closes fd */
	rmdir(dir);
}

/* The folder that holds path, malloc'd: "." when path has no slash. */
static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* 'o' for BASE.old-XXXXXX, 't' for BASE.tmp-XXXXXX (six letters or digits, as
 * mkdtemp makes them), else 0. */
static int leftover_kind(const char *name, const char *base)
{
	size_t n = strlen(base);
	if (strncmp(name, base, n) != 0)
		return 0;
	name += n;
	int kind = strncmp(name, ".old-", 5) == 0 ? 'o' : strncmp(name, ".tmp-", 5) == 0 ? 't' : 0;
	if (!kind || strlen(name + 5) != 6)
		return 0;
	for (const char *c = name + 5; *c; c++)
		if (!isalnum((unsigned char)*c))
			return 0;
	return kind;
}

/* Lock a leftover folder: its descriptor, or -1 when a live run holds it or it is not cchc's. */
static int claim(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 || ours(dir) != 1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* What killed runs left beside the target. A bundle set aside (.old-) goes
 * back when the target is missing (its run stopped between the two renames);
 * the rest is removed. Asides first, so that one is back before any other goes. */
static void clear_leftovers(const char *target)
{
	char *parent = parent_of(target);
	const char *slash = strrchr(target, '/'), *base = slash ? slash + 1 : target;
	DIR *d = parent ? opendir(parent) : NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (!leftover_kind(e->d_name, base))
			continue;
		if (n == cap) {
			char **more = realloc(names, (cap = cap ? 2 * cap : 8) * sizeof *names);
			if (!more)
				break;
			names = more;
		}
		if ((names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	if (d)
		closedir(d);
	for (int pass = 'o'; pass; pass = pass == 'o' ? 't' : 0)
		for (size_t i = 0; i < n; i++) {
			char *path = leftover_kind(names[i], base) == pass ? join(parent, "/", names[i]) : NULL;
			int fd = path ? claim(path) : -1;
			struct stat st;
			if (fd >= 0 && !(pass == 'o' && lstat(target, &st) != 0 && errno == ENOENT &&
			                 rename(path, target) == 0))
				remove_tree(path);
			if (fd >= 0)
				close(fd);
			free(path);
		}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(parent);
}

/* Why target cannot be a report folder (a message), or NULL when it can. */
static const char *refusal(const char *target, char *link, size_t size)
{
	const char *slash = strrchr(target, '/'), *base = slash ? slash + 1 : target;
	if (!*target)
		return _("names no folder: give the report its own folder, e.g. -o report");
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return _("names the current folder, its parent or the root, which cchc cannot replace "
		         "(a report folder is replaced whole): give the report its own folder, e.g. "
		         "-o report");
	struct stat st;
	if (lstat(target, &st) == 0 && S_ISLNK(st.st_mode)) {
		ssize_t k = readlink(target, link, size - 1);
		link[k > 0 ? k : 0] = '\0';
		return _("cchc replaces a report folder only at its own path, never through a link; "
		         "give the folder itself, or a new folder");
	}
	int ok = ours(target);
	if (ok < 0 && errno == ENOENT)
		return NULL;
	if (ok < 0)
		return strerror(errno);
	return ok ? NULL
	          : _("exists and is not a cchc report folder: give a new or empty folder "
	              "(cchc replaces only folders it wrote)");
}

int cli_bundle_open(cli_bundle *b, const char *target)
{
	memset(b, 0, sizeof *b);
	b->lock = -1;
	size_t n = strlen(target);
	while (n > 1 && target[n - 1] == '/')
		n--;
	char *t = strndup(target, n), link[4096] = "";
	const char *why = t ? refusal(t, link, sizeof link) : _("out of memory");
	if (why) {
		if (*link)
			fprintf(stderr, _("%s: error: is a symbolic link to %s: %s\n"), target, link, why);
		else
			fprintf(stderr, _("%s: error: %s\n"), *target ? target : "-o ''", why);
		free(t);
		return -1;
	}
	clear_leftovers(t);
	b->target = t;
	b->tmp = join(t, "", ".tmp-XXXXXX");
	if (!b->tmp || !mkdtemp(b->tmp)) {
		fprintf(stderr, _("%s: error: cannot create a folder beside it: %s\n"), t, strerror(errno));
		free(b->tmp);
		free(b->target);
		b->tmp = b->target = NULL;
		return -1;
	}
	/* held until the process ends, so that no other run takes it for a killed run's */
	b->lock = open(b->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (b->lock >= 0)
		flock(b->lock, LOCK_EX);
	/* mkdtemp makes it private; the bundle is an ordinary folder */
	mode_t mask = umask(0);
	umask(mask);
	chmod(b->tmp, 0777 & ~mask);
	/* the marker first and in place at once (no temporary file), so that a run
	 * killed at any moment leaves a folder that is empty or marked as cchc's */
	int fd = open(cli_bundle_path(b, CCHC_BUNDLE_MARKER), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	              0666);
	static const char marker[] = "cchc report bundle\n";
	if (fd < 0 || write(fd, marker, sizeof marker - 1) != (ssize_t)(sizeof marker - 1) ||
	    close(fd) != 0) {
		fprintf(stderr, _("%s: error: cannot write in the folder beside it: %s\n"), t,
		        strerror(errno));
		return -1;
	}
	return 0;
}

int cli_bundle_write(cli_bundle *b, const char *name, const char *data, size_t len)
{
	int rc = cchc_write_file_atomic(cli_bundle_path(b, name), data, len);
	if (rc < 0) {
		char *shown = join(b->target, "/", name);
		cli_write_error(shown ? shown : name, _("it"), rc, errno);
		free(shown);
		return -1;
	}
	return 0;
}

/* Without RENAME_EXCHANGE: the old bundle steps aside (locked, so that no other
 * run takes it for a killed run's), the new one goes in, the old one goes. */
static int swap_aside(const cli_bundle *b)
{
	char *old = join(b->target, "", ".old-XXXXXX");
	int fd = open(b->target, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC), rc = -1;
	int made = old && fd >= 0 && flock(fd, LOCK_EX) == 0 && mkdtemp(old) != NULL;
	if (made && rename(b->target, old) == 0) {
		if (rename(b->tmp, b->target) == 0) {
			remove_tree(old);
			rc = 0;
		} else {
			int e = errno;
			rename(old, b->target); /* the earlier one back */
			errno = e;
		}
	}
	int e = errno;
	if (made && rc < 0)
		rmdir(old); /* empty unless the earlier bundle could not go back: then the next run does it */
	if (fd >= 0)
		close(fd);
	free(old);
	errno = e;
	return rc;
}

static void sync_parent(const char *target)
{
	char *parent = parent_of(target);
	int fd = parent ? open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(parent);
}

/* The filled temporary folder takes the target's place in one step. */
static int put_in_place(const cli_bundle *b)
{
	struct stat st;
	int had = lstat(b->target, &st) == 0;
	if (had && ours(b->target) != 1) {
		fprintf(stderr, _("%s: error: changed while the report was written and is no longer a "
		                  "cchc report folder: give a new folder\n"), b->target);
		return -1;
	}
	if (b->lock >= 0)
		fsync(b->lock);
	unsigned flags = had ? RENAME_EXCHANGE : RENAME_NOREPLACE;
	int rc = renameat2(AT_FDCWD, b->tmp, AT_FDCWD, b->target, flags);
	int exchanged = rc == 0 && had;
	if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) /* the file system cannot */
		rc = had ? swap_aside(b) : rename(b->tmp, b->target);
	if (rc != 0) {
		fprintf(stderr, _("%s: error: cannot put the report in place: %s\n"), b->target,
		        errno == EEXIST ? _("it appeared while the report was written; run again")
		                        : strerror(errno));
		return -1;
	}
	if (exchanged)
		remove_tree(b->tmp); /* the earlier bundle, now under the temporary name */
	sync_parent(b->target);
	return 0;
}

int cli_bundle_close(cli_bundle *b, int ok)
{
	if (!b->tmp)
		return -1;
	int rc = ok ? put_in_place(b) : -1;
	if (rc < 0)
		remove_tree(b->tmp);
	if (b->lock >= 0)
		close(b->lock);
	free(b->tmp);
	free(b->target);
	b->tmp = b->target = NULL;
	b->lock = -1;
	return rc;
}
