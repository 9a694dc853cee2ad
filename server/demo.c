/* The demo: a fresh data folder holding the Huế 2018 cycle from the bundled
 * criteria sets and samples, with an account per agency, the Sở Nội vụ's
 * evaluator and the council's appraiser. */
#define _POSIX_C_SOURCE 200809L /* scandir, alphasort, readlink */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cchc/cchc.h"
#include "store.h"

#define DEMO_YEAR 2018

static int has_samples(const char *dir)
{
	char path[4300];
	struct stat sb;

	snprintf(path, sizeof path, "%s/samples/hue-2018", dir);
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The source tree (a build not installed); else the data folder beside the
 * installed tool (so `cmake --install --prefix X` works); else the configured one. */
const char *srv_data_dir(void)
{
	static char beside[4200];
	char exe[4096];
	ssize_t n;
	char *slash;

	if (has_samples(CCHC_SOURCE_DIR))
		return CCHC_SOURCE_DIR;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/'))) {
			*slash = '\0';
			snprintf(beside, sizeof beside, "%s/%s", exe, CCHC_BIN_TO_DATADIR);
			if (has_samples(beside))
				return beside;
		}
	}
	return CCHC_DATA_DIR;
}

/* A criteria set file, checked by the engine, stored under its id and block. */
static int add_criteria(srv_store *st, const char *path, char *err, size_t errlen)
{
	cchc_diag *diag = cchc_diag_new();
	cchc_criteria *set = NULL;
	size_t len = 0;
	char *xml = srv_read_file(path, &len, err, errlen);
	int rc = STORE_INVALID;

	if (!xml)
		goto cleanup;
	if (!diag || cchc_criteria_load_memory(&set, xml, len, path, diag) != 0) {
		snprintf(err, errlen, "%s: the demo's criteria set is not valid", path);
		goto cleanup;
	}
	rc = srv_criteria_put(st, DEMO_YEAR, cchc_criteria_block(set), cchc_criteria_id(set), xml, len);
	if (rc != STORE_OK)
		snprintf(err, errlen, "%s: %s", path, srv_store_errmsg(st));
cleanup:
	free(xml);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return rc;
}

static int xml_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

/* The *.xml files of the samples' two blocks, sorted, into paths. */
static int sample_paths(const char *source, char ***paths, size_t *n, char *err, size_t errlen)
{
	static const char *const blocks[] = {"so", "huyen"};
	char dir[4096];
	size_t b;

	*paths = NULL;
	*n = 0;
	for (b = 0; b < 2; b++) {
		struct dirent **list;
		int count, i;
		snprintf(dir, sizeof dir, "%s/samples/hue-2018/%s", source, blocks[b]);
		if ((count = scandir(dir, &list, xml_name, alphasort)) < 0) {
			snprintf(err, errlen, "%s: cannot read the demo's samples", dir);
			return STORE_ERR;
		}
		for (i = 0; i < count; i++) {
			char **grown = realloc(*paths, (*n + 1) * sizeof **paths);
			size_t len = strlen(dir) + strlen(list[i]->d_name) + 2;
			if (grown)
				*paths = grown;
			if (grown && ((*paths)[*n] = malloc(len)))
				snprintf((*paths)[(*n)++], len, "%s/%s", dir, list[i]->d_name);
			free(list[i]);
		}
		free(list);
	}
	return STORE_OK;
}

/* The accounts: one per agency, sonoivu, hoidong (assigned to every agency). */
static int add_users(srv_store *st, const char *hash, char *err, size_t errlen)
{
	srv_agency *agencies = NULL;
	size_t n = 0, i;
	int rc = srv_agency_list(st, DEMO_YEAR, &agencies, &n);

	if (rc == STORE_OK)
		rc = srv_user_add(st, "sonoivu", ROLE_EVALUATOR, NULL, hash);
	if (rc == STORE_OK)
		rc = srv_user_add(st, "hoidong", ROLE_APPRAISER, NULL, hash);
	for (i = 0; rc == STORE_OK && i < n; i++) {
		rc = srv_user_add(st, agencies[i].id, ROLE_AGENCY, agencies[i].id, hash);
		if (rc == STORE_OK)
			rc = srv_assign(st, "hoidong", DEMO_YEAR, agencies[i].id, NULL);
	}
	if (rc != STORE_OK)
		snprintf(err, errlen, "demo accounts: %s", srv_store_errmsg(st));
	free(agencies);
	return rc;
}

int srv_demo_create(const char *dir, const char *source_dir, int (*hash)(char out[128], const char *pw), char *err,
                    size_t errlen)
{
	char path[4096], pw[128];
	char **paths = NULL;
	size_t n = 0, i;
	srv_store *st = NULL;
	struct stat sb;
	int rc;

	if (!source_dir)
		source_dir = srv_data_dir();
	snprintf(path, sizeof path, "%s/cchc.sqlite3", dir);
	if (stat(path, &sb) == 0) {
		snprintf(err, errlen, "%s: a data folder is already there: give the demo an empty folder", dir);
		return STORE_CONFLICT;
	}
	if (hash(pw, "demo") != 0) {
		snprintf(err, errlen, "cannot hash the demo password (out of memory)");
		return STORE_ERR;
	}
	if ((rc = srv_store_open(&st, dir, err, errlen)) != STORE_OK)
		return rc;
	if ((rc = srv_year_add(st, DEMO_YEAR)) != STORE_OK)
		snprintf(err, errlen, "%s: %s", dir, srv_store_errmsg(st));
	snprintf(path, sizeof path, "%s/criteria/hue-so-2018.xml", source_dir);
	if (rc == STORE_OK)
		rc = add_criteria(st, path, err, errlen);
	snprintf(path, sizeof path, "%s/criteria/hue-huyen-2018.xml", source_dir);
	if (rc == STORE_OK)
		rc = add_criteria(st, path, err, errlen);
	if (rc == STORE_OK)
		rc = sample_paths(source_dir, &paths, &n, err, errlen);
	if (rc == STORE_OK)
		rc = srv_import_files(st, DEMO_YEAR, (const char *const *)paths, n, "demo", err, errlen);
	if (rc == STORE_OK)
		rc = add_users(st, pw, err, errlen);
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	srv_store_close(st);
	return rc;
}
