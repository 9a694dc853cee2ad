/* A report bundle is written whole or not at all: files go into a fresh
 * temporary folder beside the target, which then takes the target's place
 * with rename(2). An existing target is replaced only if it is a bundle
 * cchc wrote (it holds the marker file), never an arbitrary folder. */
#ifndef CCHC_CLI_BUNDLE_H
#define CCHC_CLI_BUNDLE_H

#include <stddef.h>

#define CCHC_BUNDLE_MARKER ".cchc-report"

typedef struct {
	char *target; /* the folder asked for */
	char *tmp;    /* the folder being filled */
} cli_bundle;

/* Check the target and make the temporary folder; -1 with a message on stderr. */
int cli_bundle_open(cli_bundle *b, const char *target);

/* Write one file of the bundle (name without slashes). */
int cli_bundle_write(cli_bundle *b, const char *name, const char *data, size_t len);

/* The full path of a file in the temporary folder, for writers that open files themselves. */
const char *cli_bundle_path(cli_bundle *b, const char *name);

/* Put the bundle in place (replacing an earlier bundle), or with ok == 0
 * throw the temporary folder away. Returns 0, or -1 with a message. */
int cli_bundle_close(cli_bundle *b, int ok);

#endif
