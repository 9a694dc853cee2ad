/* What a command writes, checked against what it reads, and the messages for
 * writes that fail (see cchc_write_atomic for what -o will and will not write). */
#ifndef CCHC_CLI_OUTPUTS_H
#define CCHC_CLI_OUTPUTS_H

#include <stddef.h>

/* A command's input arguments: files or folders, as given. */
typedef struct {
	char *const *paths;
	size_t n;
} cli_path_list;

/*
 * Refuse outputs that would destroy an input: an output file (outputs[i],
 * given with options[i], e.g. "-o"; NULL entries are skipped) that is the
 * same file (device and inode) as an input argument or as one of the files
 * of an input folder, or that is another output. Returns 0, or CLI_USAGE
 * after the message.
 */
int cli_outputs_check(const char *cmd, const char *const *outputs, const char *const *options,
                      size_t nout, const cli_path_list *inputs, size_t nlists);

/* The same for the common case: one output, -o, and one list of inputs. */
int cli_output_check(const char *cmd, const char *output, char *const *inputs, size_t n);

/* The same for a report folder: refused if it is an input folder or holds an input. */
int cli_folder_output_check(const char *cmd, const char *output, char *const *inputs, size_t n);

/* Print "PATH: error: …" for a writer's failure rc (cchc_write_atomic's) with
 * the errno it left; what names the output ("the output", "the plan"). */
void cli_write_error(const char *path, const char *what, int rc, int err);

#endif
