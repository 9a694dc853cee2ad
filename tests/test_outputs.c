/* What cchc writes and where: -o on devices, FIFOs, sockets, links and
 * folders (nodes made in a scratch folder, never the real /dev); outputs that
 * are inputs; the report folder swapped crash-safely, proved by killing
 * `report` at random moments and, through an LD_PRELOAD shim, around each of
 * its folder renames. */
#define _DEFAULT_SOURCE /* mknod, flock, makedev */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if !defined(CCHC_CLI) || !defined(CCHC_KILL_SHIM)
#error "CCHC_CLI and CCHC_KILL_SHIM must name the cchc executable and the shim"
#endif

#define S CCHC_TEST_TMP "/outputs"
#define SET "criteria/hue-so-2018.xml"
#define SKHDT "samples/hue-2018/so/skhdt.xml"

static char out_text[1 << 16], err_text[1 << 14];

static int run(const char *args)
{
	return test_run_cli(CCHC_CLI, args, S "-cli", out_text, sizeof out_text, err_text,
	                    sizeof err_text);
}

static int sh(const char *cmd)
{
	int st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void fresh_scratch(void)
{
	CU_ASSERT_EQUAL_FATAL(sh("rm -rf '" S "' && mkdir -p '" S "'"), 0);
}

static mode_t kind(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

/* Entries of dir (hidden ones too) other than keep: their number. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

/* What writes: a plan's status (small, and no warning to mix with the messages). */
#define PLAN_STATUS "plan status samples/plans/dongnai-sct-2024.xml"
static char expected[1 << 16];

static void expect_output(void)
{
	CU_ASSERT_EQUAL_FATAL(run(PLAN_STATUS), 0);
	memcpy(expected, out_text, sizeof expected);
	CU_ASSERT_PTR_NOT_NULL_FATAL(strstr(expected, "Sở Công Thương tỉnh Đồng Nai"));
}

/* -o PATH: the exit status (stdout and stderr in out_text and err_text). */
static int output_to(const char *path)
{
	char args[1024];
	snprintf(args, sizeof args, PLAN_STATUS " -o '%s'", path);
	return run(args);
}

static int make_node(const char *path, mode_t mode, int major_no, int minor_no)
{
	if (mknod(path, mode, makedev(major_no, minor_no)) == 0)
		return 0;
	fprintf(stderr, "\n    (cannot mknod %s: %s; run as root to check devices)\n", path,
	        strerror(errno));
	return -1;
}

/* Item 1: a device, FIFO or socket is never replaced; a symlink is followed only to a
 * device, a FIFO or a standard stream; a write error is exit 1. */
static void test_special_files(void)
{
	fresh_scratch();
	expect_output();
	/* a new path and a regular file: written whole */
	CU_ASSERT_EQUAL(output_to(S "/new.txt"), 0);
	test_slurp(S "/new.txt", out_text, sizeof out_text);
	ASSERT_STR(out_text, expected);
	CU_ASSERT_EQUAL(output_to(S "/new.txt"), 0);
	CU_ASSERT_EQUAL(kind(S "/new.txt"), S_IFREG);

	/* character devices: /dev/null's twin takes it, /dev/full's says the disk is full */
	if (make_node(S "/null", S_IFCHR | 0666, 1, 3) == 0) {
		CU_ASSERT_EQUAL(output_to(S "/null"), 0);
		ASSERT_STR(err_text, "");
		CU_ASSERT_EQUAL(kind(S "/null"), S_IFCHR);
		CU_ASSERT_EQUAL(symlink("null", S "/to-null"), 0);
		CU_ASSERT_EQUAL(output_to(S "/to-null"), 0);
		CU_ASSERT_EQUAL(kind(S "/to-null"), S_IFLNK);
		CU_ASSERT_EQUAL(kind(S "/null"), S_IFCHR);
	}
	if (make_node(S "/full", S_IFCHR | 0666, 1, 7) == 0) {
		CU_ASSERT_EQUAL(output_to(S "/full"), 1);
		ASSERT_STR(err_text,
		           S "/full: error: cannot write the output: No space left on device\n");
		CU_ASSERT_EQUAL(kind(S "/full"), S_IFCHR);
	}
	if (make_node(S "/block", S_IFBLK | 0600, 7, 0) == 0) {
		CU_ASSERT_EQUAL(output_to(S "/block"), 1);
		ASSERT_STR(err_text,
		           S "/block: error: is a block device: cchc never writes to one; give a "
		                 "file name\n");
		CU_ASSERT_EQUAL(kind(S "/block"), S_IFBLK);
	}

	/* a FIFO: written through, to whoever reads it */
	CU_ASSERT_EQUAL_FATAL(mkfifo(S "/fifo", 0600), 0);
	/* (with timeouts: a FIFO replaced by a file would leave its reader waiting) */
	CU_ASSERT_EQUAL(sh("timeout 20 cat '" S "/fifo' > '" S "/fifo.read' & timeout 20 '" CCHC_CLI
	                   "' " PLAN_STATUS " -o '" S "/fifo'; rc=$?; wait; exit $rc"),
	                0);
	CU_ASSERT_EQUAL(kind(S "/fifo"), S_IFIFO);
	test_slurp(S "/fifo.read", out_text, sizeof out_text);
	ASSERT_STR(out_text, expected);

	/* a socket: refused, left as it is */
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	snprintf(addr.sun_path, sizeof addr.sun_path, "%s", S "/sock");
	CU_ASSERT_EQUAL(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
	CU_ASSERT_EQUAL(output_to(S "/sock"), 1);
	ASSERT_STR(err_text,
	           S "/sock: error: is a socket: cchc cannot write to one; give a file name\n");
	CU_ASSERT_EQUAL(kind(S "/sock"), S_IFSOCK);
	close(fd);

	/* links to a file or to nothing: refused, the file untouched, nothing created */
	CU_ASSERT_EQUAL(sh("printf precious > '" S "/target.txt'"), 0);
	CU_ASSERT_EQUAL(symlink("target.txt", S "/link"), 0);
	CU_ASSERT_EQUAL(output_to(S "/link"), 1);
	ASSERT_STR(err_text, S "/link: error: is a symbolic link: cchc follows links only to "
	                           "devices and FIFOs (such as /dev/stdout), never to a file it would "
	                           "replace; give the path of the file itself\n");
	CU_ASSERT_EQUAL(kind(S "/link"), S_IFLNK);
	test_slurp(S "/target.txt", out_text, sizeof out_text);
	ASSERT_STR(out_text, "precious");
	CU_ASSERT_EQUAL(symlink("nothing.txt", S "/dangling"), 0);
	CU_ASSERT_EQUAL(output_to(S "/dangling"), 1);
	CU_ASSERT_EQUAL(kind(S "/nothing.txt"), 0);
	CU_ASSERT_EQUAL(kind(S "/dangling"), S_IFLNK);

	/* a folder: refused */
	CU_ASSERT_EQUAL(mkdir(S "/folder", 0755), 0);
	CU_ASSERT_EQUAL(output_to(S "/folder"), 1);
	ASSERT_STR(err_text, S "/folder: error: is a folder: give a file name\n");

	/* a link to the file standard output is redirected to (what /dev/stdout is then) */
	CU_ASSERT_EQUAL(symlink("/proc/self/fd/1", S "/stdout"), 0);
	CU_ASSERT_EQUAL(output_to(S "/stdout"), 0);
	ASSERT_STR(out_text, expected);
	CU_ASSERT_EQUAL(kind(S "/stdout"), S_IFLNK);
	/* and to a pipe (the same link, standard output piped) */
	CU_ASSERT_EQUAL(sh("'" CCHC_CLI "' " PLAN_STATUS " -o '" S "/stdout' | cat > '" S "/piped'"), 0);
	test_slurp(S "/piped", out_text, sizeof out_text);
	ASSERT_STR(out_text, expected);
	CU_ASSERT_EQUAL(unlink(S "/piped"), 0);

	/* and no temporary file is left anywhere: new.txt, null, to-null, full, block, fifo,
	 * fifo.read, sock, target.txt, link, dangling, folder, stdout */
	int made = 13 - (kind(S "/null") == 0) * 2 - (kind(S "/full") == 0) - (kind(S "/block") == 0);
	CU_ASSERT_EQUAL(entries(S), made);
}

/* A writer that opens the file by name, as libxlsxwriter does; ctx: what to write, or NULL to fail. */
static int fill_by_name(int fd, const char *tmp, void *ctx)
{
	(void)fd;
	if (!ctx)
		return -1;
	FILE *f = fopen(tmp, "wb");
	int ok = f && fputs(ctx, f) >= 0;
	return f && fclose(f) == 0 && ok ? 0 : -1;
}

/* The library's writer: a device or FIFO gets what a by-name writer made, through a
 * private temporary file (in TMPDIR) that goes afterwards; a failed fill writes nothing. */
static void test_write_atomic_direct(void)
{
	fresh_scratch();
	CU_ASSERT_EQUAL_FATAL(mkdir(S "/tmpdir", 0700), 0);
	char *old_tmpdir = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	setenv("TMPDIR", S "/tmpdir", 1);
	CU_ASSERT_EQUAL_FATAL(mkfifo(S "/fifo", 0600), 0);
	FILE *reader = popen("timeout 20 cat '" S "/fifo'", "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(reader);
	CU_ASSERT_EQUAL(cchc_write_atomic(S "/fifo", fill_by_name, "PK workbook bytes"), 0);
	char got[64] = "";
	size_t n = fread(got, 1, sizeof got - 1, reader);
	got[n] = '\0';
	pclose(reader);
	ASSERT_STR(got, "PK workbook bytes");
	CU_ASSERT_EQUAL(kind(S "/fifo"), S_IFIFO);
	/* a fill that fails: -1 with EIO, the FIFO never opened (no reader needed) */
	errno = 0;
	CU_ASSERT_EQUAL(cchc_write_atomic(S "/fifo", fill_by_name, NULL), CCHC_WRITE_FAILED);
	CU_ASSERT_EQUAL(errno, EIO);
	CU_ASSERT_EQUAL(cchc_write_atomic(S "/new.xlsx", fill_by_name, NULL), CCHC_WRITE_FAILED);
	CU_ASSERT_EQUAL(kind(S "/new.xlsx"), 0);
	CU_ASSERT_EQUAL(entries(S "/tmpdir"), 0);
	CU_ASSERT_EQUAL(entries(S), 2); /* tmpdir, fifo */
	ASSERT_STR(cchc_write_strerror(CCHC_WRITE_FAILED, ENOSPC), "No space left on device");
	ASSERT_STR(cchc_write_strerror(CCHC_WRITE_FOLDER, 0), "is a folder: give a file name");
	if (old_tmpdir)
		setenv("TMPDIR", old_tmpdir, 1);
	else
		unsetenv("TMPDIR");
	free(old_tmpdir);
}

/* Item 2: an output that is one of the inputs (same device and inode) is refused. */
static void test_output_over_input(void)
{
	fresh_scratch();
	CU_ASSERT_EQUAL_FATAL(sh("mkdir -p '" S "/so' '" S "/rep' && cp samples/hue-2018/so/*.xml '" S
	                         "/so/' && cp " SKHDT " '" S "/A.xml' && cp " SKHDT " '" S "/rep/' && "
	                         "cp samples/plans/*.xml '" S "/' && ln -s A.xml '" S "/to-A'"),
	                      0);
	char *before = test_read_file(S "/A.xml", NULL);
	CU_ASSERT_EQUAL(run("score " SET " " S "/A.xml -o " S "/A.xml"), 2);
	ASSERT_STR(err_text, "cchc score: -o " S "/A.xml is one of the inputs: writing it would "
	                     "destroy it; give another file\nTry 'cchc score --help'.\n");
	CU_ASSERT_EQUAL(run("score " SET " " S "/A.xml --output " S "/to-A"), 2);
	ASSERT_STR(err_text, "cchc score: -o " S "/to-A is the input " S "/A.xml: writing it would "
	                     "destroy it; give another file\nTry 'cchc score --help'.\n");
	char *after = test_read_file(S "/A.xml", NULL);
	CU_ASSERT(before && after && strcmp(before, after) == 0);
	free(before);
	free(after);

	/* a file found in an input folder */
	CU_ASSERT_EQUAL(run("rank " SET " " S "/so -o " S "/so/skhdt.xml"), 2);
	ASSERT_STR(err_text, "cchc rank: -o " S "/so/skhdt.xml is one of the inputs: writing it "
	                     "would destroy it; give another file\nTry 'cchc rank --help'.\n");
	CU_ASSERT_EQUAL(run("robust " SET " " S "/so --draws 10 -o " S "/so/stp.xml"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "is one of the inputs"));
	CU_ASSERT_EQUAL(run("plan status " S "/dongnai-sct-2024.xml -o " S "/dongnai-sct-2024.xml"), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "cchc plan: -o " S "/dongnai-sct-2024.xml is one of"));

	/* gap: -o and --emit-plan against the assessments, last year's and each other */
	CU_ASSERT_EQUAL(run("gap " SET " " S "/so --agency skhdt --emit-plan " S "/so/skhdt.xml"), 2);
	ASSERT_STR(err_text, "cchc gap: --emit-plan " S "/so/skhdt.xml is one of the inputs: writing "
	                     "it would destroy it; give another file\nTry 'cchc gap --help'.\n");
	CU_ASSERT_EQUAL(run("gap " SET " " S "/so --agency skhdt --previous " SET " " S
	                    "/A.xml -o " S "/A.xml"),
	                2);
	CU_ASSERT_EQUAL(run("gap " SET " " S "/so --agency skhdt -o " S "/x.txt --emit-plan " S
	                    "/x.txt"),
	                2);
	ASSERT_STR(err_text, "cchc gap: -o " S "/x.txt and --emit-plan " S "/x.txt name the same "
	                     "file: give each its own\nTry 'cchc gap --help'.\n");
	CU_ASSERT_EQUAL(kind(S "/x.txt"), 0);

	/* report: the folder is an input, or holds one */
	CU_ASSERT_EQUAL(run("report " SET " " S "/so -o " S "/so"), 2);
	ASSERT_STR(err_text, "cchc report: -o " S "/so is one of the inputs: replacing it would "
	                     "destroy it; give another folder\nTry 'cchc report --help'.\n");
	CU_ASSERT_EQUAL(run("report " SET " " S "/rep/skhdt.xml " S "/so -o " S "/rep/"), 2);
	ASSERT_STR(err_text, "cchc report: -o " S "/rep/ holds the input " S "/rep/skhdt.xml: "
	                     "replacing it would destroy it; give another folder\n"
	                     "Try 'cchc report --help'.\n");
	CU_ASSERT_EQUAL(kind(S "/rep/skhdt.xml"), S_IFREG);
	CU_ASSERT_EQUAL(sh("mkdir '" S "/so/sub' && cp " SKHDT " '" S "/so/sub/copy.xml'"), 0);
	CU_ASSERT_EQUAL(run("report " SET " " S "/so -o " S "/so/sub"), 2);
	ASSERT_STR(err_text, "cchc report: -o " S "/so/sub holds the input " S "/so/sub/copy.xml: "
	                     "replacing it would destroy it; give another folder\n"
	                     "Try 'cchc report --help'.\n");
	/* and a new file beside the inputs is fine */
	CU_ASSERT_EQUAL(run("score " SET " " S "/A.xml -o " S "/B.txt"), 0);
}

/* ---- the report folder ---- */

#define DIRNAME "bundle"
#define BUNDLE S "/" DIRNAME
#define HUYEN "criteria/hue-huyen-2018.xml", "samples/hue-2018/huyen"

/* Bundle A holds gap.md, B does not; both are deterministic. */
static const char *const report_a[] = {CCHC_CLI, "report", HUYEN, "--draws", "0", "--agency",
                                       "aluoi", "-o", BUNDLE, NULL};
static const char *const report_b[] = {CCHC_CLI, "report", HUYEN, "--draws", "0", "-o", BUNDLE, NULL};

/* Start report (A or B) with the shim's settings; its pid. */
static pid_t spawn(int which, int kill_at, int after, int no_exchange)
{
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (kill_at) {
			char n[16];
			snprintf(n, sizeof n, "%d", kill_at);
			setenv("LD_PRELOAD", CCHC_KILL_SHIM, 1);
			setenv("ASAN_OPTIONS", "verify_asan_link_order=0:detect_leaks=0", 1);
			setenv("CCHC_KILL_RENAME", n, 1);
			if (after)
				setenv("CCHC_KILL_AFTER", "1", 1);
			if (no_exchange)
				setenv("CCHC_NO_EXCHANGE", "1", 1);
		}
		execv(CCHC_CLI, (char *const *)(which == 'A' ? report_a : report_b));
		_exit(127);
	}
	return pid;
}

static int finish(pid_t pid)
{
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return st;
}

/* Are the two folders the same files, byte for byte (the marker too)? */
static int same_folder(const char *a, const char *b)
{
	if (kind(a) != S_IFDIR || entries(a) != entries(b))
		return 0;
	DIR *d = opendir(b);
	struct dirent *e;
	int same = d != NULL;
	while (same && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char pa[512], pb[512];
		size_t la = 0, lb = 0;
		snprintf(pa, sizeof pa, "%s/%s", a, e->d_name);
		snprintf(pb, sizeof pb, "%s/%s", b, e->d_name);
		char *x = test_read_file(pa, &la), *y = test_read_file(pb, &lb);
		same = x && y && la == lb && memcmp(x, y, la) == 0;
		free(x);
		free(y);
	}
	if (d)
		closedir(d);
	return same;
}

/* 'A' or 'B' for the complete bundle dir holds; 0 for anything else. */
static int holds(const char *dir)
{
	return same_folder(dir, S "/ref-a") ? 'A' : same_folder(dir, S "/ref-b") ? 'B' : 0;
}

/* Folders a run leaves beside BUNDLE: BUNDLE.tmp-* and BUNDLE.old-*; the last one's path in last. */
static int leftovers(const char *prefix, char *last, size_t size)
{
	DIR *d = opendir(S);
	struct dirent *e;
	int n = 0;
	size_t len = strlen(DIRNAME ".tmp-");
	while (d && (e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix ? prefix : DIRNAME ".tmp-", len) == 0 ||
		    (!prefix && strncmp(e->d_name, DIRNAME ".old-", len) == 0)) {
			n++;
			if (last)
				snprintf(last, size, "%s/%s", S, e->d_name);
		}
	if (d)
		closedir(d);
	return n;
}

/* The reference bundles (made once) and BUNDLE as a copy of A, nothing else beside. */
static void make_references(void)
{
	static int made;
	if (!made) {
		fresh_scratch();
		CU_ASSERT_EQUAL_FATAL(sh("'" CCHC_CLI "' report criteria/hue-huyen-2018.xml "
		                         "samples/hue-2018/huyen --draws 0 --agency aluoi -o '" S "/ref-a' "
		                         "&& '" CCHC_CLI "' report criteria/hue-huyen-2018.xml "
		                         "samples/hue-2018/huyen --draws 0 -o '" S "/ref-b'"),
		                      0);
		made = 1;
	}
	CU_ASSERT_EQUAL_FATAL(sh("cd '" S "' && rm -rf " DIRNAME "* link empty && cp -r ref-a " DIRNAME),
	                      0);
	CU_ASSERT_EQUAL_FATAL(holds(BUNDLE), 'A');
	CU_ASSERT_EQUAL_FATAL(holds(S "/ref-b"), 'B');
}

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Item 5: killed at random moments, BUNDLE is always the complete old or new
 * bundle; the next run leaves no temporary folder. */
static void test_kill_random(void)
{
	make_references();
	double t0 = now_seconds();
	CU_ASSERT_EQUAL(finish(spawn('B', 0, 0, 0)), 0);
	long span_us = (long)((now_seconds() - t0) * 1.2e6) + 1;
	int cur = holds(BUNDLE), kills = 0;
	CU_ASSERT_EQUAL(cur, 'B');
	unsigned long long seed = 20261207;
	for (int i = 0; i < 16 && cur; i++) {
		seed = seed * 6364136223846793005ull + 1442695040888963407ull;
		int next = cur == 'A' ? 'B' : 'A';
		pid_t pid = spawn(next, 0, 0, 0);
		long us = (long)((seed >> 33) % (unsigned long long)span_us);
		struct timespec wait = {us / 1000000, us % 1000000 * 1000};
		nanosleep(&wait, NULL);
		kills += kill(pid, SIGKILL) == 0;
		finish(pid);
		int now = holds(BUNDLE);
		if (now != cur && now != next)
			fprintf(stderr, "\n    kill %d: %s is neither complete bundle\n", i, BUNDLE);
		CU_ASSERT(now == cur || now == next);
		cur = now;
	}
	CU_ASSERT(kills >= 8);
	CU_ASSERT_EQUAL(finish(spawn('A', 0, 0, 0)), 0);
	CU_ASSERT_EQUAL(holds(BUNDLE), 'A');
	CU_ASSERT_EQUAL(leftovers(NULL, NULL, 0), 0);
}

/* Kill report just before and just after each of its folder renames; then a
 * run that fails on its input (so it only opens the folder) must find BUNDLE
 * whole or put the old bundle back, and clear every temporary folder. */
static void kill_at_renames(int no_exchange)
{
	make_references();
	int kills = 0;
	for (int after = 0; after <= 1; after++)
		for (int k = 1; k <= 4; k++) {
			int cur = holds(BUNDLE), next = cur == 'A' ? 'B' : 'A';
			int st = finish(spawn(next, k, after, no_exchange));
			if (WIFEXITED(st)) { /* past its last folder rename: done whole */
				CU_ASSERT_EQUAL(WEXITSTATUS(st), 0);
				CU_ASSERT_EQUAL(holds(BUNDLE), next);
				break;
			}
			CU_ASSERT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
			kills++;
			int now = holds(BUNDLE);
			char aside[512] = "";
			if (!now && no_exchange) { /* stopped between the two renames */
				CU_ASSERT_EQUAL(kind(BUNDLE), 0);
				CU_ASSERT_EQUAL(leftovers(DIRNAME ".old-", aside, sizeof aside), 1);
				CU_ASSERT_EQUAL(holds(aside), cur);
			} else {
				CU_ASSERT(now == cur || now == next);
			}
			CU_ASSERT_EQUAL(run("report criteria/hue-huyen-2018.xml "
			                    "tests/data/invalid/skhdt-broken.xml -o " BUNDLE),
			                1);
			CU_ASSERT_EQUAL(holds(BUNDLE), now ? now : cur);
			CU_ASSERT_EQUAL(leftovers(NULL, NULL, 0), 0);
		}
	/* exchange: before and after the one swap; fallback: around both renames */
	CU_ASSERT_EQUAL(kills, no_exchange ? 4 : 2);
}

static void test_kill_at_exchange(void)
{
	kill_at_renames(0);
}

static void test_kill_at_fallback(void)
{
	kill_at_renames(1);
}

/* -o on a link to a report, on ".", and leftovers: clear messages, nothing left behind, and a
 * live run's temporary folder is never taken for a killed run's. */
static void test_report_folder_messages(void)
{
	make_references();
	CU_ASSERT_EQUAL(symlink(DIRNAME, S "/link"), 0);
	CU_ASSERT_EQUAL(run("report criteria/hue-huyen-2018.xml samples/hue-2018/huyen -o " S "/link"),
	                1);
	ASSERT_STR(err_text, S "/link: error: is a symbolic link to " DIRNAME ": cchc replaces a "
	                       "report folder only at its own path, never through a link; give the "
	                       "folder itself, or a new folder\n");
	CU_ASSERT_EQUAL(holds(BUNDLE), 'A');
	CU_ASSERT_EQUAL(entries(S), 4); /* ref-a, ref-b, bundle, link */

	CU_ASSERT_EQUAL(mkdir(S "/empty", 0755), 0);
	CU_ASSERT_EQUAL(run("report criteria/hue-huyen-2018.xml samples/hue-2018/huyen -o " S
	                    "/empty/."),
	                1);
	ASSERT_STR(err_text, S "/empty/.: error: names the current folder, its parent or the root, "
	                       "which cchc cannot replace (a report folder is replaced whole): give "
	                       "the report its own folder, e.g. -o report\n");
	CU_ASSERT_EQUAL(run("report criteria/hue-huyen-2018.xml samples/hue-2018/huyen -o ."), 1);
	ASSERT_STR(err_text, ".: error: names the current folder, its parent or the root, which cchc "
	                     "cannot replace (a report folder is replaced whole): give the report its "
	                     "own folder, e.g. -o report\n");
	CU_ASSERT_EQUAL(entries(S "/empty"), 0);
	CU_ASSERT_EQUAL(entries(S), 5);

	/* what killed runs left goes (the old code's names too); a live run's stays; a
	 * folder cchc did not write stays */
	CU_ASSERT_EQUAL(sh("cd '" S "' && mkdir " DIRNAME ".tmp-Killed " DIRNAME ".old-aB3xY9 " DIRNAME
	                   ".tmp-Empty1 " DIRNAME ".tmp-Users1 " DIRNAME ".tmp-Live01 && touch "
	                   DIRNAME ".tmp-Killed/.cchc-report " DIRNAME ".tmp-Killed/index.html "
	                   DIRNAME ".old-aB3xY9/.cchc-report " DIRNAME ".tmp-Users1/notes.txt "
	                   DIRNAME ".tmp-Live01/.cchc-report"),
	                0);
	int live = open(S "/" DIRNAME ".tmp-Live01", O_RDONLY);
	CU_ASSERT_EQUAL(flock(live, LOCK_EX), 0);
	CU_ASSERT_EQUAL(run("report criteria/hue-huyen-2018.xml samples/hue-2018/huyen --draws 0 -o "
	                    BUNDLE),
	                0);
	CU_ASSERT_EQUAL(holds(BUNDLE), 'B');
	CU_ASSERT_EQUAL(kind(S "/" DIRNAME ".tmp-Killed"), 0);
	CU_ASSERT_EQUAL(kind(S "/" DIRNAME ".old-aB3xY9"), 0);
	CU_ASSERT_EQUAL(kind(S "/" DIRNAME ".tmp-Empty1"), 0);
	CU_ASSERT_EQUAL(kind(S "/" DIRNAME ".tmp-Users1"), S_IFDIR);
	CU_ASSERT_EQUAL(kind(S "/" DIRNAME ".tmp-Live01"), S_IFDIR);
	close(live);
}

int main(void)
{
	static const test_case tests[] = {
		{"-o on devices, FIFOs, sockets, links, folders", test_special_files},
		{"cchc_write_atomic: by-name writers, failures", test_write_atomic_direct},
		{"an output that is an input is refused", test_output_over_input},
		{"report killed at random moments: the folder whole, no litter", test_kill_random},
		{"report killed around its swap (RENAME_EXCHANGE)", test_kill_at_exchange},
		{"report killed around its two renames (fallback)", test_kill_at_fallback},
		{"report -o link, -o ., leftovers", test_report_folder_messages},
		{NULL, NULL},
	};
	return test_run_suite("outputs", tests);
}
