/* Evidence files: typed by their content, stored once by their SHA-256
 * under DIR/evidence/ab/cdef…, written to a temporary file beside and
 * renamed; no name from a request ever reaches a path, only a checked hash. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fsync, O_CLOEXEC, O_NOFOLLOW */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_priv.h"

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static unsigned long le32(const unsigned char *p)
{
	return (unsigned long)le16(p) | (unsigned long)le16(p + 2) << 16;
}

/* An Office Open XML package: a zip whose central directory lists
 * [Content_Types].xml and the main part of a document, workbook or deck. */
static const char *ooxml(const unsigned char *d, size_t len)
{
	static const char *const parts[][2] = {
		{"word/document.xml", "docx"}, {"xl/workbook.xml", "xlsx"}, {"ppt/presentation.xml", "pptx"}};
	size_t eocd, pos, i, entries, k;
	int types = 0;
	const char *kind = NULL;

	if (len < 22)
		return NULL;
	/* the end record is within the last 64 KiB + 22 bytes (its comment) */
	for (eocd = len - 22;; eocd--) {
		if (memcmp(d + eocd, "PK\5\6", 4) == 0)
			break;
		if (eocd == 0 || len - eocd > 65557)
			return NULL;
	}
	entries = le16(d + eocd + 10);
	pos = le32(d + eocd + 16);
	for (i = 0; i < entries; i++) {
		size_t nlen;
		if (pos > eocd || eocd - pos < 46 || memcmp(d + pos, "PK\1\2", 4) != 0)
			return NULL;
		nlen = le16(d + pos + 28);
		if (eocd - pos - 46 < nlen)
			return NULL;
		if (nlen == 19 && memcmp(d + pos + 46, "[Content_Types].xml", 19) == 0)
			types = 1;
		for (k = 0; k < 3; k++)
			if (nlen == strlen(parts[k][0]) && memcmp(d + pos + 46, parts[k][0], nlen) == 0)
				kind = parts[k][1];
		pos += 46 + nlen + le16(d + pos + 30) + le16(d + pos + 32);
	}
	return types ? kind : NULL;
}

const char *srv_evidence_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;

	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return "pdf";
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (len >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0)
		return "jpeg";
	if (len >= 8 && memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return "ole2";
	if (len >= 4 && memcmp(d, "PK\3\4", 4) == 0)
		return ooxml(d, len);
	return NULL;
}

const char *srv_evidence_mime(const char *type)
{
	static const char *const mimes[][2] = {
		{"pdf", "application/pdf"},
		{"png", "image/png"},
		{"jpeg", "image/jpeg"},
		{"ole2", "application/octet-stream"},
		{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	};
	size_t i;

	for (i = 0; type && i < sizeof mimes / sizeof mimes[0]; i++)
		if (strcmp(mimes[i][0], type) == 0)
			return mimes[i][1];
	return "application/octet-stream";
}

/* Exactly n lowercase hex digits: a SHA-256 (64), an evidence folder's name (2). */
static int hex_of(const char *h, size_t n)
{
	size_t i;

	for (i = 0; h && i < n; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return h && h[n] == '\0';
}

static int hash_ok(const char *h)
{
	return hex_of(h, 64);
}

/* DIR/evidence/ab or DIR/evidence/ab/cdef… for a checked hash. */
static void evidence_path(const srv_store *s, const char *hash, int file, char *out, size_t size)
{
	if (file)
		snprintf(out, size, "%s/%.2s/%s", s->evdir, hash, hash + 2);
	else
		snprintf(out, size, "%s/%.2s", s->evdir, hash);
}

/* The file, written whole under a temporary name, flushed and renamed. */
static int write_file(srv_conn *c, const char *dir, const char *path, const void *data, size_t len)
{
	char tmp[4160];
	const char *p = data;
	size_t done = 0;
	int fd, dfd;

	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		return srv_fail(c, STORE_ERR, "%s: cannot create the folder: %s", dir, strerror(errno));
	snprintf(tmp, sizeof tmp, "%s/.upload-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) < 0)
		return srv_fail(c, STORE_ERR, "%s: cannot write: %s", dir, strerror(errno));
	flock(fd, LOCK_EX); /* a live upload's: srv_evidence_sweep leaves it alone */
	while (done < len) {
		ssize_t n = write(fd, p + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	{
		int ok = done == len && fsync(fd) == 0, e = errno;
		if (close(fd) != 0 && ok) {
			ok = 0;
			e = errno;
		}
		if (!ok) {
			unlink(tmp);
			return srv_fail(c, STORE_ERR, "%s: cannot write: %s", path, strerror(e ? e : EIO));
		}
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return srv_fail(c, STORE_ERR, "%s: cannot store: %s", path, strerror(e));
	}
	/* the rename itself made durable */
	if ((dfd = open(dir, O_RDONLY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return STORE_OK;
}

int srv_evidence_put(srv_store *s, const void *data, size_t len, char hash_out[65], char type_out[32])
{
	srv_conn *c = srv_conn_get(s);
	unsigned char digest[crypto_hash_sha256_BYTES];
	char dir[4096], path[4096];
	const char *type;
	struct stat sb;
	int rc;

	if (!c)
		return STORE_ERR;
	if (!(type = srv_evidence_sniff(data, len)))
		return srv_fail(c, STORE_INVALID,
		                "the file is not a PDF, Word, Excel or PowerPoint document (Office Open XML or the older "
		                "binary format), PNG or JPEG image by its content");
	if (sodium_init() < 0)
		return srv_fail(c, STORE_ERR, "libsodium could not start");
	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(hash_out, 65, digest, sizeof digest);
	srv_copy(type_out, 32, type);
	evidence_path(s, hash_out, 0, dir, sizeof dir);
	evidence_path(s, hash_out, 1, path, sizeof path);
	/* the file is written inside the transaction: a discard (below) of the same hash waits for it */
	if ((rc = srv_begin(c)) != STORE_OK)
		return rc;
	/* the same bytes are stored once */
	if (!(stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (size_t)sb.st_size == len))
		rc = write_file(c, dir, path, data, len);
	if (rc == STORE_OK)
		rc = srv_exec(c,
		              "INSERT OR IGNORE INTO evidence(hash, type, size, added) VALUES"
		              " (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
		              "ssl", hash_out, type, (long long)len);
	return srv_finish(c, rc);
}

int srv_evidence_discard(srv_store *s, const char *hash)
{
	srv_conn *c = srv_conn_get(s);
	char dir[4096], path[4096];
	sqlite3_stmt *st;
	int rc;

	if (!c)
		return STORE_ERR;
	if (!hash_ok(hash))
		return srv_fail(c, STORE_INVALID, "evidence: \"%s\" is not a SHA-256 in lowercase hex", hash ? hash : "");
	if ((rc = srv_begin(c)) != STORE_OK)
		return rc;
	/* content-addressed: the same bytes may be another item's (or agency's) evidence */
	if ((rc = srv_stmt(c, &st, "SELECT 1 FROM evidence_links WHERE hash = ? LIMIT 1", "s", hash)) == STORE_OK) {
		rc = srv_step(c, st);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_ROW) {
		srv_rollback(c);
		return STORE_OK;
	}
	rc = rc == SQLITE_DONE ? srv_exec(c, "DELETE FROM evidence WHERE hash = ?", "s", hash) : rc;
	evidence_path(s, hash, 0, dir, sizeof dir);
	evidence_path(s, hash, 1, path, sizeof path);
	if (rc == STORE_OK && unlink(path) != 0 && errno != ENOENT)
		rc = srv_fail(c, STORE_ERR, "%s: cannot remove: %s", path, strerror(errno));
	if (rc == STORE_OK)
		rmdir(dir); /* when it held only this file */
	return srv_finish(c, rc);
}

/* A file name to show and to offer on download: no folders, no control characters. */
static int filename_ok(const char *f)
{
	size_t i;

	if (!f || !f[0] || strlen(f) > 255 || !strcmp(f, ".") || !strcmp(f, ".."))
		return 0;
	for (i = 0; f[i]; i++)
		if ((unsigned char)f[i] < 0x20 || f[i] == 0x7f || f[i] == '/' || f[i] == '\\')
			return 0;
	return 1;
}

int srv_evidence_link(srv_store *s, int year, const char *agency, const char *criterion, const char *hash,
                      const char *filename, const char *user)
{
	srv_conn *c = srv_conn_get(s);
	char json[400];
	int rc;

	if (!c)
		return STORE_ERR;
	if (!hash_ok(hash))
		return srv_fail(c, STORE_INVALID, "evidence: \"%s\" is not a SHA-256 in lowercase hex", hash ? hash : "");
	if (srv_criterion_check(c, criterion) != STORE_OK)
		return STORE_INVALID;
	if (!filename_ok(filename))
		return srv_fail(c, STORE_INVALID,
		                "evidence file name: give 1 to 255 bytes without '/', '\\' or control characters");
	if ((rc = srv_begin(c)) != STORE_OK)
		return rc;
	rc = srv_agency_writable(c, year, agency);
	if (rc == STORE_OK &&
	    (rc = srv_exec(c,
	                   "INSERT OR REPLACE INTO evidence_links(year, agency, criterion, hash, filename, by, at)"
	                   " VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
	                   "isssss", year, agency, criterion, hash, filename, user ? user : "")) == STORE_NOTFOUND)
		rc = srv_fail(c, STORE_NOTFOUND, "evidence %s: no such file was uploaded", hash);
	/* the item changed: its version and history say so */
	snprintf(json, sizeof json, "{\"hash\":\"%s\"}", hash);
	if (rc == STORE_OK)
		rc = srv_item_bump(c, year, agency, criterion, 0, "evidence", NULL, json, user, NULL);
	return srv_finish(c, rc);
}

int srv_evidence_open(srv_store *s, int year, const char *agency, const char *hash, int *fd, size_t *len,
                      char type[32], char filename[256])
{
	srv_conn *c = srv_conn_get(s);
	char path[4096];
	sqlite3_stmt *st;
	struct stat sb;
	int rc;

	*fd = -1;
	if (!c)
		return STORE_ERR;
	if (!hash_ok(hash))
		return srv_fail(c, STORE_NOTFOUND, "no such evidence");
	if (srv_stmt(c, &st,
	             "SELECT l.filename, e.type FROM evidence_links l JOIN evidence e USING (hash)"
	             " WHERE l.year = ? AND l.agency = ? AND l.hash = ? ORDER BY l.at LIMIT 1",
	             "iss", year, agency, hash) != STORE_OK)
		return STORE_ERR;
	rc = srv_step(c, st);
	if (rc == SQLITE_ROW) {
		srv_copy(filename, 256, srv_col(st, 0));
		srv_copy(type, 32, srv_col(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? srv_fail(c, STORE_NOTFOUND, "no such evidence for %s in %d", agency, year) : rc;
	evidence_path(s, hash, 1, path, sizeof path);
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return srv_fail(c, STORE_ERR, "%s: cannot read the evidence: %s", path, strerror(errno));
	if (fstat(*fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(*fd);
		*fd = -1;
		return srv_fail(c, STORE_ERR, "%s: not a regular file", path);
	}
	*len = (size_t)sb.st_size;
	return STORE_OK;
}

int srv_temp_name(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(name, prefix, n) != 0 || strlen(name) != n + 6)
		return 0;
	for (const char *p = name + n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return 0;
	return 1;
}

void srv_evidence_sweep(srv_store *s)
{
	DIR *top = opendir(s->evdir);
	struct dirent *e;
	if (!top)
		return;
	while ((e = readdir(top)) != NULL) {
		/* the two-letter folders only, never through a link */
		if (!hex_of(e->d_name, 2))
			continue;
		int dfd = openat(dirfd(top), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		DIR *sub = dfd >= 0 ? fdopendir(dfd) : NULL;
		struct dirent *f;
		if (!sub) {
			if (dfd >= 0)
				close(dfd);
			continue;
		}
		while ((f = readdir(sub)) != NULL) {
			if (!srv_temp_name(f->d_name, ".upload-"))
				continue;
			int fd = openat(dfd, f->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
			struct stat sb;
			if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
				unlinkat(dfd, f->d_name, 0);
			if (fd >= 0)
				close(fd);
		}
		closedir(sub);
	}
	closedir(top);
}
