/* Zips (the .docx packages, the report bundle): the entries deflated with
 * minizip, every entry dated alike (SOURCE_DATE_EPOCH when set, else
 * 2000-01-01 00:00, as the workbook), with fixed attributes and in the order
 * given, so the same entries give the same bytes. */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "cchc/report_bundle.h"

static void entry_date(tm_zip *t)
{
	struct tm tm = {.tm_year = 100, .tm_mday = 1};
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (e && *e >= '0' && *e <= '9') {
		long long s = strtoll(e, &end, 10);
		time_t when = (time_t)s;
		struct tm got;
		if (!*end && s >= 315532800LL && gmtime_r(&when, &got) && got.tm_year < 2100 - 1900)
			tm = got; /* a zip date starts in 1980 */
	}
	t->tm_sec = (uInt)tm.tm_sec;
	t->tm_min = (uInt)tm.tm_min;
	t->tm_hour = (uInt)tm.tm_hour;
	t->tm_mday = (uInt)tm.tm_mday;
	t->tm_mon = (uInt)tm.tm_mon;
	t->tm_year = (uInt)tm.tm_year + 1900;
}

int cchc_zip_write(const char *path, const cchc_zip_entry *entries, size_t n)
{
	zipFile z = zipOpen64(path, APPEND_STATUS_CREATE);
	if (!z) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	zip_fileinfo info;
	memset(&info, 0, sizeof info);
	entry_date(&info.tmz_date);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const cchc_zip_entry *p = &entries[i];
		if (p->len > 0x7fffffffU ||
		    zipOpenNewFileInZip(z, p->name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
		                        Z_DEFAULT_COMPRESSION) != ZIP_OK ||
		    zipWriteInFileInZip(z, p->data, (unsigned)p->len) != ZIP_OK ||
		    zipCloseFileInZip(z) != ZIP_OK)
			rc = -1;
	}
	if (zipClose(z, NULL) != ZIP_OK)
		rc = -1;
	if (rc < 0 && !errno)
		errno = EIO;
	return rc;
}
