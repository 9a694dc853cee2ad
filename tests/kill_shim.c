/* LD_PRELOAD shim for test_outputs: stops the process dead (SIGKILL) at a
 * chosen rename of a folder, to prove the report swap crash-safe between and
 * around its renames. Only folder renames count (the bundle's own files are
 * renamed into its temporary folder, which a random kill covers).
 *   CCHC_KILL_RENAME=N   kill at the Nth folder rename (1-based) ...
 *   CCHC_KILL_AFTER=1    ... just after it is done (default: just before)
 *   CCHC_NO_EXCHANGE=1   renameat2(RENAME_EXCHANGE) fails with EINVAL, as on a
 *                        file system without it, so that the fallback runs */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int rename(const char *from, const char *to);
int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned flags);

static int folder_renames;

/* Before (after == 0) or after the rename of from: SIGKILL when it is the one asked for. */
static void maybe_kill(int fromfd, const char *from, int after)
{
	static int counted;
	const char *n = getenv("CCHC_KILL_RENAME");
	if (!after) {
		struct stat st;
		counted = fstatat(fromfd, from, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
		folder_renames += counted;
	}
	if (counted && n && atoi(n) == folder_renames && (getenv("CCHC_KILL_AFTER") != NULL) == after)
		raise(SIGKILL);
}

int rename(const char *from, const char *to)
{
	int (*real)(const char *, const char *);
	*(void **)&real = dlsym(RTLD_NEXT, "rename");
	maybe_kill(AT_FDCWD, from, 0);
	int rc = real(from, to);
	maybe_kill(AT_FDCWD, from, 1);
	return rc;
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned flags)
{
	int (*real)(int, const char *, int, const char *, unsigned);
	*(void **)&real = dlsym(RTLD_NEXT, "renameat2");
	if ((flags & RENAME_EXCHANGE) && getenv("CCHC_NO_EXCHANGE")) {
		errno = EINVAL;
		return -1;
	}
	maybe_kill(fromfd, from, 0);
	int rc = real(fromfd, from, tofd, to, flags);
	maybe_kill(fromfd, from, 1);
	return rc;
}
