/* A report bundle is written whole or not at all: files go into a fresh
 * temporary folder beside the target (TARGET.tmp-XXXXXX), which then takes
 * the target's place in one step: renameat2(RENAME_EXCHANGE) swaps it with
 * the earlier bundle, so that TARGET is at every moment the complete old or
 * the complete new bundle; the old one, now under the temporary name, is
 * then removed. Where the file system cannot exchange (EINVAL), the old
 * bundle steps aside first (TARGET.old-XXXXXX) and the new one is renamed
 * in: a stop between the two renames leaves no TARGET until the next run,
 * which puts the old bundle back before anything else.
 *
 * An existing target is replaced only if it is a folder cchc wrote (it holds
 * the marker file) or an empty folder, never through a symbolic link, and
 * never ".", ".." or "/". A run holds a lock (flock) on its temporary folder;
 * each run removes what killed runs left beside the target (folders named
 * TARGET.tmp-* or TARGET.old-* that hold the marker or nothing and that no
 * live run holds). */
#ifndef CCHC_CLI_BUNDLE_H
#define CCHC_CLI_BUNDLE_H

#include <stddef.h>

#define CCHC_BUNDLE_MARKER ".cchc-report"

typedef struct {
	char *target; /* the folder asked for */
	char *tmp;    /* the folder being filled */
	int lock;     /* tmp, open and locked while this run lives */
} cli_bundle;

/* Check the target, clear what killed runs left beside it, and make the
 * temporary folder; -1 with a message on stderr (nothing made). */
int cli_bundle_open(cli_bundle *b, const char *target);

/* Write one file of the bundle (name without slashes). */
int cli_bundle_write(cli_bundle *b, const char *name, const char *data, size_t len);

/* The full path of a file in the temporary folder, for writers that open files themselves. */
const char *cli_bundle_path(cli_bundle *b, const char *name);

/* Put the bundle in place (replacing an earlier bundle), or with ok == 0
 * throw the temporary folder away. Returns 0, or -1 with a message. Does
 * nothing (-1) on a bundle not open. */
int cli_bundle_close(cli_bundle *b, int ok);

#endif
