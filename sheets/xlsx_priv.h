/* The reader's insides: the zip index, the part streamer, the SAX driver
 * and the message table shared by xlsx_*.c. */
#ifndef CCHC_XLSX_PRIV_H
#define CCHC_XLSX_PRIV_H

#include <libxml/parser.h>

#include "arena_priv.h"
#include "cchc/buf.h"
#include "cchc/xlsx.h"

#define XLSX_MIB ((uint64_t)1 << 20)
#define XLSX_MAX_ROW 1048576u
#define XLSX_MAX_COL 16384u
#define XLSX_MAX_ENTRIES 10000   /* zip entries */
#define XLSX_MAX_NAME 1024       /* bytes of an entry name */
#define XLSX_MAX_SHEETS 4096
#define XLSX_MAX_XF 65536        /* cell formats in styles.xml */
#define XLSX_MAX_TEXT ((size_t)256 << 10) /* one cell's text or formula */

/* Every message the reader writes, Vietnamese and English (xlsx_msg.c). */
typedef enum {
	XM_OPEN,
	XM_NOT_REGULAR,
	XM_FILE_TOO_BIG,
	XM_EMPTY,
	XM_NOT_ZIP,
	XM_ENCRYPTED,
	XM_XLS,
	XM_XLSB,
	XM_ODS,
	XM_NO_WORKBOOK,
	XM_TOO_MANY_ENTRIES,
	XM_PART_TOO_BIG,
	XM_TOTAL_TOO_BIG,
	XM_RATIO,
	XM_PART_ENCRYPTED,
	XM_PART_METHOD,
	XM_PART_DUPLICATE,
	XM_PART_CORRUPT,
	XM_PART_MISSING,
	XM_OUTSIDE,
	XM_DOCTYPE,
	XM_NOT_XML,
	XM_XML_PREFIX,
	XM_UTF16,
	XM_NO_SHEETS,
	XM_TOO_MANY_SHEETS,
	XM_SHEET_NO_REL,
	XM_SST_COUNT,
	XM_SST_BYTES,
	XM_XF_COUNT,
	XM_ROW_LIMIT,
	XM_COL_LIMIT,
	XM_BAD_REF,
	XM_CELLS,
	XM_TEXT_LONG,
	XM_SST_INDEX,
	XM_BAD_NUMBER,
	XM_BAD_BOOL,
	XM_BAD_DATE,
	XM_DUP_CELL,
	XM_OOM,
	XM_COUNT_
} xlsx_msg;

/* The message's format in lang (0 Vietnamese, 1 English). */
const char *xlsx_msg_text(int lang, xlsx_msg id);

/* One diagnostic (file, 0, the message formatted in lang). */
void xlsx_report(cchc_diag *diag, const char *file, int lang, xlsx_msg id, ...);

/* 0 Vietnamese, 1 English. */
int xlsx_lang(const char *lang);

/* One entry of the zip that may be read (names with .. or absolute are not kept). */
typedef struct {
	char *name;
	uint64_t size, csize;   /* unpacked and packed, as the central directory says */
	uint64_t pos_dir, num;  /* minizip's position of the entry */
} xlsx_entry;

typedef struct {
	char *name;   /* as the workbook names it */
	char *part;   /* its part in the zip, or NULL (a chart sheet or an external one) */
	int state;    /* 0 visible, 1 hidden, 2 veryHidden */
} xlsx_sheet_info;

struct cchc_xlsx {
	char *name;
	int lang;
	cchc_xlsx_limits lim;
	unsigned char *data; /* the whole file */
	size_t len;
	xlsx_entry *entries; /* sorted by name */
	size_t n_entries;
	int date1904;
	xlsx_sheet_info *sheets;
	size_t n_sheets;
	const char **sst;    /* shared strings, in strings */
	size_t n_sst;
	unsigned char *xf_date; /* per cellXfs index: a date format */
	size_t n_xf;
	cchc_arena mem;      /* names, parts and shared strings */
};

/* ASCII case-insensitive, as part names compare in a package (OPC). */
int xlsx_name_cmp(const char *a, const char *b);

/* The entry called name, or NULL. */
const xlsx_entry *xlsx_entry_find(const cchc_xlsx *x, const char *name);

/* Index the zip at x->data (x->entries), refusing what is not a package or is a bomb. */
int xlsx_zip_index(cchc_xlsx *x, cchc_diag *diag);

/* Stream entry e unpacked to fn, chunk by chunk (fn returns non-zero to stop).
 * 0 when read whole (or stopped), -1 after a diagnostic. */
int xlsx_zip_read(const cchc_xlsx *x, const xlsx_entry *e,
                  int (*fn)(void *user, const char *buf, size_t n), void *user, cchc_diag *diag);

/* A part parsed by SAX: the caller's handlers receive a pointer to a struct
 * whose first member is this. */
typedef struct {
	const cchc_xlsx *x;
	const char *part;
	cchc_diag *diag;
	xmlParserCtxtPtr ctxt;
	int failed;          /* a diagnostic was written */
	void *sink;          /* the engine's error sink, during the parse */
} xlsx_sax;

/* Parse part (which must exist) with sax's element and text handlers; the
 * hardened options and the DOCTYPE refusal are added here. 0 or -1. */
int xlsx_xml_parse(xlsx_sax *p, const xlsx_entry *e, xmlSAXHandler *sax);

/* Stop the parse after a diagnostic of the handler's own. */
void xlsx_xml_fail(xlsx_sax *p);

/* The value of attribute local name in SAX2's attribute array, or NULL;
 * malloc'd copy into buf (size) as NUL-terminated text (cut if longer). */
const char *xlsx_attr(const xmlChar **attrs, int n, const char *local, char *buf, size_t size);

/* The same, for an attribute in any namespace ending with suffix. */
const char *xlsx_attr_ns(const xmlChar **attrs, int n, const char *local, const char *uri_suffix,
                         char *buf, size_t size);

/* Whether the local name is name. */
int xlsx_is(const xmlChar *local, const char *name);

/* styles.xml and sharedStrings.xml into x (xlsx_parts.c). */
int xlsx_styles_load(cchc_xlsx *x, const xlsx_entry *e, cchc_diag *diag);
int xlsx_sst_load(cchc_xlsx *x, const xlsx_entry *e, cchc_diag *diag);

/* Whether an Excel number format code shows a date (d, m or y outside quotes and brackets). */
int xlsx_format_is_date(const char *code);

/* Excel's _xHHHH_ escapes decoded in place (s has n bytes); returns the new length. */
size_t xlsx_unescape(char *s, size_t n);

/* arr (n of *cap elements of size bytes used) with room for one more: arr
 * itself, or a larger copy (*cap updated); NULL when out of memory, arr
 * untouched. */
void *xlsx_grow(void *arr, size_t n, size_t *cap, size_t size);

#endif
