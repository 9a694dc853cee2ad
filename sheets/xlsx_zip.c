/* The zip under a workbook, read with minizip from memory only (nothing is
 * ever extracted to disk): the central directory indexed and checked for
 * bombs before any part is unpacked, then each part streamed in chunks. */
#include "xlsx_priv.h"

#include <stdlib.h>
#include <string.h>

#include <unzip.h>

#define CHUNK ((size_t)64 << 10)

/* minizip's file functions over the workbook's bytes. */
typedef struct {
	const unsigned char *data;
	uint64_t len, pos;
} mem_file;

static voidpf ZCALLBACK mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
		return NULL;
	mem_file *m = malloc(sizeof *m);
	if (m) {
		*m = *(const mem_file *)opaque;
		m->pos = 0;
	}
	return m;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	(void)opaque;
	mem_file *m = stream;
	uint64_t left = m->len - m->pos;
	uLong n = size < left ? size : (uLong)left;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return n;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque;
	(void)stream;
	(void)buf;
	(void)size;
	return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((mem_file *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
	(void)opaque;
	mem_file *m = stream;
	uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
	                : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
	                                                   : m->len;
	if (offset > m->len || base > m->len - offset)
		return -1;
	m->pos = base + offset;
	return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque;
	free(stream);
	return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque;
	(void)stream;
	return 0;
}

static unzFile open_zip(const cchc_xlsx *x, mem_file *backing)
{
	*backing = (mem_file){x->data, x->len, 0};
	zlib_filefunc64_def io = {mem_open, mem_read,  mem_write, mem_tell,
	                          mem_seek, mem_close, mem_error, backing};
	return unzOpen2_64(x->name, &io);
}

int xlsx_name_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

static int entry_cmp(const void *a, const void *b)
{
	const char *x = ((const xlsx_entry *)a)->name, *y = ((const xlsx_entry *)b)->name;
	int c = xlsx_name_cmp(x, y);
	return c ? c : strcmp(x, y); /* one order for names that differ in case only */
}

const xlsx_entry *xlsx_entry_find(const cchc_xlsx *x, const char *name)
{
	size_t lo = 0, hi = x->n_entries;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = xlsx_name_cmp(name, x->entries[mid].name);
		if (c == 0)
			return &x->entries[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* A name the reader never uses: absolute, with a .. segment, a backslash, a
 * drive or a control character, or a folder. */
static int unsafe_name(const char *s, size_t declared)
{
	size_t n = strlen(s);
	if (n == 0 || n != declared || s[0] == '/' || s[n - 1] == '/')
		return 1;
	for (const char *p = s; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == ':' || *p == 0x7f)
			return 1;
		if (p[0] == '.' && p[1] == '.' && (p == s || p[-1] == '/') && (p[2] == '/' || !p[2]))
			return 1;
	}
	return 0;
}

/* Sizes of one entry against the caps; 0 when fine. */
static int check_sizes(const cchc_xlsx *x, const char *name, const unz_file_info64 *fi,
                       cchc_diag *diag)
{
	const cchc_xlsx_limits *l = &x->lim;
	if (fi->uncompressed_size > l->part_bytes) {
		xlsx_report(diag, x->name, x->lang, XM_PART_TOO_BIG, name,
		            (unsigned long long)fi->uncompressed_size,
		            (unsigned long long)(l->part_bytes / XLSX_MIB));
		return -1;
	}
	if (fi->uncompressed_size > XLSX_MIB &&
	    fi->uncompressed_size / (fi->compressed_size ? fi->compressed_size : 1) > l->ratio) {
		xlsx_report(diag, x->name, x->lang, XM_RATIO, name,
		            (unsigned long long)(fi->uncompressed_size /
		                                 (fi->compressed_size ? fi->compressed_size : 1)),
		            (unsigned)l->ratio);
		return -1;
	}
	if (fi->flag & 1) {
		xlsx_report(diag, x->name, x->lang, XM_PART_ENCRYPTED, name);
		return -1;
	}
	if (fi->compression_method != 0 && fi->compression_method != Z_DEFLATED) {
		xlsx_report(diag, x->name, x->lang, XM_PART_METHOD, name, (int)fi->compression_method);
		return -1;
	}
	return 0;
}

int xlsx_zip_index(cchc_xlsx *x, cchc_diag *diag)
{
	mem_file backing;
	unzFile z = open_zip(x, &backing);
	unz_global_info64 gi;
	if (!z || unzGetGlobalInfo64(z, &gi) != UNZ_OK) {
		if (z)
			unzClose(z);
		xlsx_report(diag, x->name, x->lang, XM_NOT_ZIP);
		return -1;
	}
	int rc = 0;
	if (gi.number_entry > XLSX_MAX_ENTRIES) {
		xlsx_report(diag, x->name, x->lang, XM_TOO_MANY_ENTRIES, XLSX_MAX_ENTRIES);
		rc = -1;
		goto done;
	}
	x->entries = calloc(gi.number_entry ? gi.number_entry : 1, sizeof *x->entries);
	if (!x->entries) {
		xlsx_report(diag, x->name, x->lang, XM_OOM);
		rc = -1;
		goto done;
	}
	uint64_t total = 0;
	int zr;
	for (zr = unzGoToFirstFile(z); zr == UNZ_OK && x->n_entries < gi.number_entry;
	     zr = unzGoToNextFile(z)) {
		unz_file_info64 fi;
		char name[XLSX_MAX_NAME + 1];
		if (unzGetCurrentFileInfo64(z, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK) {
			zr = UNZ_BADZIPFILE;
			break;
		}
		if (fi.size_filename > XLSX_MAX_NAME || unsafe_name(name, fi.size_filename))
			continue; /* never opened, never a path */
		total += fi.uncompressed_size;
		if (check_sizes(x, name, &fi, diag) < 0) {
			rc = -1;
			continue;
		}
		unz64_file_pos pos;
		xlsx_entry *e = &x->entries[x->n_entries];
		e->name = cchc_arena_strndup(&x->mem, name, strlen(name));
		if (!e->name || unzGetFilePos64(z, &pos) != UNZ_OK) {
			xlsx_report(diag, x->name, x->lang, e->name ? XM_NOT_ZIP : XM_OOM);
			rc = -1;
			goto done;
		}
		e->size = fi.uncompressed_size;
		e->csize = fi.compressed_size;
		e->pos_dir = pos.pos_in_zip_directory;
		e->num = pos.num_of_file;
		x->n_entries++;
	}
	if (zr != UNZ_OK && zr != UNZ_END_OF_LIST_OF_FILE) {
		xlsx_report(diag, x->name, x->lang, XM_NOT_ZIP);
		rc = -1;
		goto done;
	}
	if (total > x->lim.total_bytes) {
		xlsx_report(diag, x->name, x->lang, XM_TOTAL_TOO_BIG, (unsigned long long)total,
		            (unsigned long long)(x->lim.total_bytes / XLSX_MIB));
		rc = -1;
	}
	qsort(x->entries, x->n_entries, sizeof *x->entries, entry_cmp);
	for (size_t i = 1; i < x->n_entries; i++)
		if (xlsx_name_cmp(x->entries[i - 1].name, x->entries[i].name) == 0) {
			xlsx_report(diag, x->name, x->lang, XM_PART_DUPLICATE, x->entries[i].name);
			rc = -1;
		}
done:
	unzClose(z);
	return rc;
}

int xlsx_zip_read(const cchc_xlsx *x, const xlsx_entry *e,
                  int (*fn)(void *user, const char *buf, size_t n), void *user, cchc_diag *diag)
{
	mem_file backing;
	unzFile z = open_zip(x, &backing);
	unz64_file_pos pos = {e->pos_dir, e->num};
	char *buf = malloc(CHUNK);
	int rc = -1, stopped = 0;
	if (!z || !buf) {
		xlsx_report(diag, x->name, x->lang, z ? XM_OOM : XM_NOT_ZIP);
		goto done;
	}
	if (unzGoToFilePos64(z, &pos) != UNZ_OK || unzOpenCurrentFile(z) != UNZ_OK) {
		xlsx_report(diag, x->name, x->lang, XM_PART_CORRUPT, e->name);
		goto done;
	}
	uint64_t got = 0;
	int n;
	while ((n = unzReadCurrentFile(z, buf, (unsigned)CHUNK)) > 0) {
		got += (uint64_t)n;
		/* minizip stops at the declared size; this is the second fence */
		if (got > e->size || got > x->lim.part_bytes) {
			xlsx_report(diag, x->name, x->lang, XM_PART_TOO_BIG, e->name,
			            (unsigned long long)got, (unsigned long long)(x->lim.part_bytes / XLSX_MIB));
			unzCloseCurrentFile(z);
			goto done;
		}
		if (fn(user, buf, (size_t)n)) {
			stopped = 1;
			break;
		}
	}
	int closed = unzCloseCurrentFile(z);
	if (!stopped && (n < 0 || closed != UNZ_OK)) {
		xlsx_report(diag, x->name, x->lang, XM_PART_CORRUPT, e->name);
		goto done;
	}
	rc = 0;
done:
	if (z)
		unzClose(z);
	free(buf);
	return rc;
}
