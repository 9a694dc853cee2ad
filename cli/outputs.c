/* Outputs never overwrite inputs (see outputs.h). */
#define _DEFAULT_SOURCE /* realpath */
#include "outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "inputs.h"

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Is the real path child below the real path parent? */
static int under(const char *parent, const char *child)
{
	size_t n = strlen(parent);
	return strncmp(child, parent, n) == 0 && (child[n] == '/' || (n == 1 && parent[0] == '/'));
}

/* Does the folder whose real path is dir hold path (at any depth)? */
static int holds(const char *dir, const char *path)
{
	char *real = realpath(path, NULL);
	int in = real && under(dir, real);
	free(real);
	return in;
}

/* Can one of the files listed from the input folders be the output? They are
 * *.xml files only; a report folder (real path dir) can hold one only when it
 * lies in an input folder. Saves listing national-scale folders for nothing. */
static int worth_listing(const char *output, const char *dir, const cli_path_list *in)
{
	if (!dir) {
		size_t n = strlen(output);
		return n > 4 && strcmp(output + n - 4, ".xml") == 0;
	}
	int inside = 0;
	for (size_t i = 0; i < in->n && !inside; i++) {
		char *real = realpath(in->paths[i], NULL);
		inside = real && under(real, dir);
		free(real);
	}
	return inside;
}

/* The input the output at o (a folder when dir is its real path) is or holds; NULL if none. */
static const char *clash(const struct stat *o, const char *dir, char *const *paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && (same_file(&st, o) || (dir && holds(dir, paths[i]))))
			return paths[i];
	}
	return NULL;
}

/* The input that writing output (as o) would destroy, malloc'd; NULL if none.
 * Input folders are listed only when the output exists and could be in them. */
static char *find_input(const struct stat *o, const char *output, const cli_path_list *inputs,
                        size_t nlists)
{
	char *dir = S_ISDIR(o->st_mode) ? realpath(output, NULL) : NULL, *found = NULL;
	for (size_t k = 0; k < nlists && !found; k++) {
		const char *hit = clash(o, dir, inputs[k].paths, inputs[k].n);
		char **files = NULL;
		size_t nfiles = 0;
		cchc_diag *quiet = hit || !worth_listing(output, dir, &inputs[k]) ? NULL
		                   : cchc_diag_new(); /* the loaders report bad inputs */
		if (quiet) {
			cli_expand(inputs[k].paths, inputs[k].n, &files, &nfiles, quiet);
			hit = clash(o, dir, files, nfiles);
		}
		if (hit)
			found = strdup(hit);
		cli_paths_free(files, nfiles);
		cchc_diag_free(quiet);
	}
	free(dir);
	return found;
}

/* Does path end in ".", ".." or name the root (trailing slashes aside)? */
static int names_dot(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	size_t start = n;
	while (start > 0 && path[start - 1] != '/')
		start--;
	return (n == 1 && path[0] == '/') || (n - start == 1 && path[start] == '.') ||
	       (n - start == 2 && path[start] == '.' && path[start + 1] == '.');
}

/* Outputs that are files (folder == 0) or a report folder (folder == 1). */
static int check(const char *cmd, const char *const *outputs, const char *const *options,
                 size_t nout, const cli_path_list *inputs, size_t nlists, int folder)
{
	for (size_t i = 0; i < nout; i++) {
		struct stat o, st;
		if (!outputs[i])
			continue;
		for (size_t j = 0; j < i; j++)
			if (outputs[j] && (strcmp(outputs[j], outputs[i]) == 0 ||
			                   (stat(outputs[j], &st) == 0 && stat(outputs[i], &o) == 0 &&
			                    same_file(&o, &st))))
				return cli_usage_error(cmd, _("%s %s and %s %s name the same file: give "
				                              "each its own"),
				                       options[j], outputs[j], options[i], outputs[i]);
		/* a new path is no input; a folder for a file is refused by the writer, and
		 * ".", ".." or "/" for a report folder by the bundle, with their own messages */
		if (stat(outputs[i], &o) != 0 || (S_ISDIR(o.st_mode) && !folder) ||
		    (folder && names_dot(outputs[i])))
			continue;
		char *found = find_input(&o, outputs[i], inputs, nlists);
		if (!found)
			continue;
		int is = stat(found, &st) == 0 && same_file(&o, &st);
		const char *fix = folder ? _("replacing it would destroy it; give another folder")
		                         : _("writing it would destroy it; give another file");
		if (strcmp(found, outputs[i]) == 0)
			cli_usage_error(cmd, _("%s %s is one of the inputs: %s"), options[i], outputs[i], fix);
		else if (is)
			cli_usage_error(cmd, _("%s %s is the input %s: %s"), options[i], outputs[i], found, fix);
		else
			cli_usage_error(cmd, _("%s %s holds the input %s: %s"), options[i], outputs[i], found,
			                fix);
		free(found);
		return CLI_USAGE;
	}
	return 0;
}

int cli_outputs_check(const char *cmd, const char *const *outputs, const char *const *options,
                      size_t nout, const cli_path_list *inputs, size_t nlists)
{
	return check(cmd, outputs, options, nout, inputs, nlists, 0);
}

static const char *const dash_o = "-o";

int cli_output_check(const char *cmd, const char *output, char *const *inputs, size_t n)
{
	cli_path_list list = {inputs, n};
	return check(cmd, &output, &dash_o, 1, &list, 1, 0);
}

int cli_folder_output_check(const char *cmd, const char *output, char *const *inputs, size_t n)
{
	cli_path_list list = {inputs, n};
	return check(cmd, &output, &dash_o, 1, &list, 1, 1);
}

void cli_write_error(const char *path, const char *what, int rc, int err)
{
	if (rc == CCHC_WRITE_FAILED)
		fprintf(stderr, _("%s: error: cannot write %s: %s\n"), path, what,
		        cchc_write_strerror(rc, err));
	else
		fprintf(stderr, _("%s: error: %s\n"), path, cchc_write_strerror(rc, err));
}
