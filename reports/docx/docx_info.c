/* The plan's header values: issuing body, its parent, number and symbol,
 * place, date, signer, recipients. Set one by one or read from a small
 * "key = value" file; every problem names the file and line. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_priv.h"

#define INFO_FILE_MAX ((long)64 << 10)

static const char keys_list[] =
	"parent, issuer, number, symbol, place, date, signer-title, signer, recipient";

int cchc_docx_info_new(cchc_docx_info **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : -1;
}

void cchc_docx_info_free(cchc_docx_info *info)
{
	if (!info)
		return;
	char **fields[] = {&info->parent, &info->issuer,       &info->number, &info->symbol,
	                   &info->place,  &info->signer_title, &info->signer};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		free(*fields[i]);
	for (size_t i = 0; i < info->nrecipients; i++)
		free(info->recipients[i]);
	free(info);
}

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

static int set_date(cchc_docx_info *info, const char *v, const char *file, long line,
                    cchc_diag *diag)
{
	int y, m, d, n = 0;
	if (info->year) {
		cchc_diag_addf(diag, file, line, "date is given twice: keep one");
		return -1;
	}
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    v[4] != '-' || v[7] != '-' || y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) {
		cchc_diag_addf(diag, file, line, "date \"%s\" is not a date: write it YYYY-MM-DD, e.g. 2019-01-28",
		               v);
		return -1;
	}
	info->year = y, info->month = m, info->day = d;
	return 0;
}

int cchc_docx_info_set(cchc_docx_info *info, const char *key, const char *value,
                       const char *file, long line, cchc_diag *diag)
{
	static const char *const names[] = {"parent", "issuer",       "number", "symbol",
	                                    "place",  "signer-title", "signer"};
	char **slots[] = {&info->parent, &info->issuer,       &info->number, &info->symbol,
	                  &info->place,  &info->signer_title, &info->signer};
	if (!*value) {
		cchc_diag_addf(diag, file, line, "%s has no value: give one, or leave the line out to "
		               "keep the blank for the office to fill", key);
		return -1;
	}
	if (strcmp(key, "date") == 0)
		return set_date(info, value, file, line, diag);
	char **slot = NULL;
	if (strcmp(key, "recipient") == 0) {
		if (info->nrecipients == DX_MAX_RECIPIENTS) {
			cchc_diag_addf(diag, file, line, "more than %d recipients: merge some (\"Các Sở: "
			               "Nội vụ; Tư pháp\")", DX_MAX_RECIPIENTS);
			return -1;
		}
		slot = &info->recipients[info->nrecipients];
	}
	for (size_t i = 0; !slot && i < sizeof names / sizeof *names; i++)
		if (strcmp(key, names[i]) == 0)
			slot = slots[i];
	if (!slot) {
		cchc_diag_addf(diag, file, line, "unknown key \"%s\": the keys are %s", key, keys_list);
		return -1;
	}
	if (*slot) {
		cchc_diag_addf(diag, file, line, "%s is given twice: keep one", key);
		return -1;
	}
	if (!(*slot = strdup(value))) {
		cchc_diag_addf(diag, file, line, "out of memory");
		return -1;
	}
	if (slot == &info->recipients[info->nrecipients])
		info->nrecipients++;
	return 0;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* One "key = value" line; comments and blank lines pass. */
static int parse_line(cchc_docx_info *info, char *s, const char *path, long line, cchc_diag *diag)
{
	s = trim(s);
	if (!*s || *s == '#')
		return 0;
	char *eq = strchr(s, '=');
	if (!eq) {
		cchc_diag_addf(diag, path, line, "no \"=\" in this line: write key = value (keys: %s)",
		               keys_list);
		return -1;
	}
	*eq = '\0';
	return cchc_docx_info_set(info, trim(s), trim(eq + 1), path, line, diag);
}

static int valid_utf8(const char *s, size_t len, size_t *bad)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = cchc_utf8_next(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			*bad = i;
			return 0;
		}
		if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {
			*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

static char *read_small(const char *path, size_t *len, cchc_diag *diag)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		cchc_diag_addf(diag, path, 0, "cannot read the document values: %s; give the path of a "
		               "file of key = value lines", strerror(errno));
		return NULL;
	}
	char *data = malloc((size_t)INFO_FILE_MAX + 1);
	size_t n = data ? fread(data, 1, (size_t)INFO_FILE_MAX + 1, f) : 0;
	int failed = !data || ferror(f);
	fclose(f);
	if (failed || n > (size_t)INFO_FILE_MAX) {
		cchc_diag_addf(diag, path, 0, failed ? "cannot read the document values"
		               : "more than 64 KiB: a document values file holds a few lines "
		                 "(key = value)");
		free(data);
		return NULL;
	}
	data[n] = '\0';
	*len = n;
	return data;
}

int cchc_docx_info_load(cchc_docx_info *info, const char *path, cchc_diag *diag)
{
	size_t len, bad;
	char *data = read_small(path, &len, diag);
	if (!data)
		return -1;
	int rc = 0;
	if (!valid_utf8(data, len, &bad)) {
		long line = 1;
		for (size_t i = 0; i < bad; i++)
			line += data[i] == '\n';
		cchc_diag_addf(diag, path, line, "not UTF-8 text (or a control character): save the "
		               "file as UTF-8 plain text");
		free(data);
		return -1;
	}
	char *s = data;
	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	for (long line = 1; s; line++) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		if (parse_line(info, s, path, line, diag) < 0)
			rc = -1;
		s = nl ? nl + 1 : NULL;
	}
	free(data);
	return rc;
}
