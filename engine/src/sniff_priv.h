/* The prolog scanner shared by the sniffer (sniff.c), the streaming parser
 * (xml_stream.c) and the whole-file loader (xml.c): a byte-at-a-time text
 * scan of everything before the root element -- byte order mark, XML
 * declaration, white space, comments, processing instructions, a DOCTYPE --
 * fed in pieces of any size, so a prolog of any length is read, and nothing
 * in it is expanded or fetched. */
#ifndef CCHC_SNIFF_PRIV_H
#define CCHC_SNIFF_PRIV_H

#include <stddef.h>

/* The longest declared encoding name kept (longer ones are cut). */
#define CCHC_PROLOG_ENCODING_MAX 40

typedef struct {
	/* the scan's own state */
	int state;
	int stop_at_doctype;        /* 1: a DOCTYPE ends the scan; 0: it is skipped */
	int at_start;               /* the '<' being read opens the document */
	unsigned long long offset;  /* bytes scanned */
	long line;                  /* the line being read: LF, CR LF and a lone CR each end one */
	unsigned char prev;         /* the byte before */
	int bom;                    /* bytes of a UTF-8 byte order mark matched */
	size_t n;                   /* length of the word being read */
	char word[16];              /* its first 15 bytes: a PI target, a keyword, a pseudo-attribute */
	int depth;                  /* of brackets in a DOCTYPE */
	char quote;                 /* closing a value of the XML declaration */
	int in_encoding;            /* that value is the encoding's */

	/* what it found */
	int done;                   /* the first element's name is read, or the prolog broken off */
	char root[16];              /* that element's local name ("" if none or over 15 bytes) */
	long doctype_line;          /* where a <!DOCTYPE (<!D) starts, 0 if none */
	int has_encoding;           /* the XML declaration names an encoding */
	char encoding[CCHC_PROLOG_ENCODING_MAX + 1]; /* as written, other than printable ASCII as '?' */
	size_t encoding_len;        /* its whole length */
	long encoding_line;         /* where its value starts */
} cchc_prolog;

/* Start a scan; stop_at_doctype as above. */
void cchc_prolog_init(cchc_prolog *p, int stop_at_doctype);

/* Scan the next n bytes (any split of the input); does nothing once done. */
void cchc_prolog_scan(cchc_prolog *p, const char *bytes, size_t n);

/* Whether the declared encoding is one cchc refuses: anything but UTF-8
 * (ASCII, a subset of it, aside). */
int cchc_prolog_encoding_refused(const cchc_prolog *p);

#endif
