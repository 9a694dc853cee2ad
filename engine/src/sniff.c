/* Root-element sniffing and the prolog scanner under it (sniff_priv.h):
 * skip the prolog (BOM, XML declaration, comments, processing instructions,
 * a DOCTYPE, white space), however long, and read the first element's local
 * name. A text scan, not a parse: it never expands or fetches anything, and
 * the loaders still check the whole file. */
#define _POSIX_C_SOURCE 200809L /* open, fstat, fdopen */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/sniff.h"
#include "sniff_priv.h"

/* What a file is read in, until its root element shows. */
#define SNIFF_CHUNK ((size_t)64 << 10)

enum {
	P_TOP,           /* between constructs */
	P_LT,            /* after '<' */
	P_PI_TARGET,     /* after "<?" */
	P_PI,            /* in a processing instruction */
	P_PI_Q,          /* after its '?' */
	P_DECL,          /* in the XML declaration, between pseudo-attributes */
	P_DECL_NAME,     /* reading a pseudo-attribute's name */
	P_DECL_EQ,       /* before its '=' */
	P_DECL_QUOTE,    /* before its value's quote */
	P_DECL_VALUE,    /* in its value */
	P_BANG,          /* after "<!" */
	P_COMMENT_OPEN,  /* after "<!-" */
	P_COMMENT,
	P_COMMENT_D1,    /* after a '-' in a comment */
	P_COMMENT_D2,    /* after "--" */
	P_DOCTYPE_KW,    /* reading "DOCTYPE" */
	P_DOCTYPE,       /* in a DOCTYPE, brackets counted */
	P_NAME,          /* reading the root's name */
	P_DONE
};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_name_char(unsigned char c)
{
	return c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

void cchc_prolog_init(cchc_prolog *p, int stop_at_doctype)
{
	memset(p, 0, sizeof *p);
	p->state = P_TOP;
	p->stop_at_doctype = stop_at_doctype;
	p->line = 1;
}

static void keep(cchc_prolog *p, unsigned char c)
{
	if (p->n < sizeof p->word - 1)
		p->word[p->n] = (char)c;
	p->n++;
}

/* The word read so far is w exactly. */
static int word_is(cchc_prolog *p, const char *w)
{
	size_t n = strlen(w);
	return p->n == n && memcmp(p->word, w, n) == 0;
}

static void finish(cchc_prolog *p)
{
	p->state = P_DONE;
	p->done = 1;
}

/* One byte in the current state; 1 when the byte is to be read again in
 * the state it moved to. */
static int step(cchc_prolog *p, unsigned char c)
{
	switch (p->state) {
	case P_TOP:
		if (p->offset < 3 && p->bom == (int)p->offset &&
		    c == (unsigned char)"\xEF\xBB\xBF"[p->offset]) {
			p->bom++;
		} else if (c == '<' && (p->bom == 0 || p->bom == 3)) {
			p->at_start = p->offset == (unsigned long long)p->bom;
			p->state = P_LT;
		} else if (!is_space(c) || (p->bom != 0 && p->bom != 3)) {
			finish(p); /* not a prolog: the loaders say what is wrong */
		}
		return 0;
	case P_LT:
		p->n = 0;
		p->state = c == '?' ? P_PI_TARGET : c == '!' ? P_BANG : P_NAME;
		return p->state == P_NAME;
	case P_PI_TARGET:
		if (is_name_char(c) || c == ':') {
			keep(p, c);
			return 0;
		}
		/* "<?xml " opening the document is the XML declaration */
		p->state = p->at_start && is_space(c) && word_is(p, "xml") ? P_DECL : P_PI;
		return p->state == P_PI;
	case P_PI:
		if (c == '?')
			p->state = P_PI_Q;
		return 0;
	case P_PI_Q:
		p->state = c == '>' ? P_TOP : c == '?' ? P_PI_Q : P_PI;
		return 0;
	case P_DECL:
		if (is_space(c))
			return 0;
		p->n = 0;
		/* anything unexpected is left to libxml2 to word */
		p->state = c == '?' ? P_PI_Q : is_name_char(c) ? P_DECL_NAME : P_PI;
		return p->state != P_PI_Q;
	case P_DECL_NAME:
		if (is_name_char(c) || c == ':') {
			keep(p, c);
			return 0;
		}
		p->state = P_DECL_EQ;
		return 1;
	case P_DECL_EQ:
		if (!is_space(c))
			p->state = c == '=' ? P_DECL_QUOTE : P_PI;
		return p->state == P_PI;
	case P_DECL_QUOTE:
		if (is_space(c))
			return 0;
		if (c != '"' && c != '\'') {
			p->state = P_PI;
			return 1;
		}
		p->quote = (char)c;
		p->state = P_DECL_VALUE;
		p->in_encoding = word_is(p, "encoding");
		if (p->in_encoding) {
			p->has_encoding = 1;
			p->encoding_len = 0;
			p->encoding[0] = '\0';
			p->encoding_line = p->line;
		}
		return 0;
	case P_DECL_VALUE:
		if (c == (unsigned char)p->quote) {
			p->state = P_DECL;
		} else if (p->in_encoding) {
			if (p->encoding_len < CCHC_PROLOG_ENCODING_MAX) {
				p->encoding[p->encoding_len] = c > 0x20 && c < 0x7F ? (char)c : '?';
				p->encoding[p->encoding_len + 1] = '\0';
			}
			p->encoding_len++;
		}
		return 0;
	case P_BANG:
		if (c == '-') {
			p->state = P_COMMENT_OPEN;
		} else if (c == 'D') {
			p->doctype_line = p->line;
			p->n = 1;
			p->state = P_DOCTYPE_KW;
			if (p->stop_at_doctype)
				finish(p);
		} else {
			finish(p);
		}
		return 0;
	case P_DOCTYPE_KW:
		if (c != (unsigned char)"DOCTYPE"[p->n])
			finish(p);
		else if (++p->n == 7)
			p->state = P_DOCTYPE;
		return 0;
	case P_DOCTYPE:
		/* an internal subset in brackets may hold '>' */
		if (c == '[')
			p->depth++;
		else if (c == ']' && p->depth > 0)
			p->depth--;
		else if (c == '>' && p->depth == 0)
			p->state = P_TOP;
		return 0;
	case P_COMMENT_OPEN:
		if (c == '-')
			p->state = P_COMMENT;
		else
			finish(p);
		return 0;
	case P_COMMENT:
		if (c == '-')
			p->state = P_COMMENT_D1;
		return 0;
	case P_COMMENT_D1:
		p->state = c == '-' ? P_COMMENT_D2 : P_COMMENT;
		return 0;
	case P_COMMENT_D2:
		if (c == '>')
			p->state = P_TOP;
		else
			finish(p); /* "--" inside a comment: libxml2 says so */
		return 0;
	case P_NAME:
		if (c == ':') {
			p->n = 0; /* a prefix: keep the local name */
		} else if (is_name_char(c)) {
			keep(p, c);
		} else {
			if (p->n < sizeof p->root)
				memcpy(p->root, p->word, p->n);
			finish(p);
		}
		return 0;
	default:
		return 0;
	}
}

void cchc_prolog_scan(cchc_prolog *p, const char *bytes, size_t n)
{
	const unsigned char *b = (const unsigned char *)bytes;
	for (size_t i = 0; i < n && !p->done; i++) {
		unsigned char c = b[i];
		if (c == '\r' || (c == '\n' && p->prev != '\r'))
			p->line++;
		p->prev = c;
		while (step(p, c))
			;
		p->offset++;
	}
}

int cchc_prolog_encoding_refused(const cchc_prolog *p)
{
	static const char *const utf8[] = {"UTF-8", "UTF8", "US-ASCII", "ASCII"};
	if (!p->has_encoding || (p->state == P_DECL_VALUE && p->in_encoding))
		return 0; /* none, or not read to its end yet */
	for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++) {
		size_t n = strlen(utf8[i]);
		if (p->encoding_len != n)
			continue;
		size_t k = 0;
		while (k < n && (p->encoding[k] | 0x20) == (utf8[i][k] | 0x20))
			k++;
		if (k == n)
			return 0;
	}
	return 1;
}

static cchc_file_kind kind_of(const cchc_prolog *p)
{
	if (!p->done)
		return CCHC_FILE_OTHER;
	if (strcmp(p->root, "criteria-set") == 0)
		return CCHC_FILE_CRITERIA;
	if (strcmp(p->root, "assessment") == 0 || strcmp(p->root, "assessments") == 0)
		return CCHC_FILE_ASSESSMENT;
	if (strcmp(p->root, "plan") == 0)
		return CCHC_FILE_PLAN;
	return CCHC_FILE_OTHER;
}

cchc_file_kind cchc_file_sniff_memory(const char *data, size_t len)
{
	cchc_prolog p;
	cchc_prolog_init(&p, 0);
	cchc_prolog_scan(&p, data, len);
	return kind_of(&p);
}

cchc_file_kind cchc_file_sniff(const char *path)
{
	char *buf = malloc(SNIFF_CHUNK);
	if (!buf)
		return CCHC_FILE_UNREADABLE;
	/* O_NONBLOCK: a FIFO must not hang us; only regular files are read */
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		cchc_file_kind kind = CCHC_FILE_UNREADABLE;
		if (fd >= 0) {
			close(fd);
			if (S_ISDIR(st.st_mode))
				errno = EISDIR;
			else
				kind = CCHC_FILE_NOT_REGULAR;
		}
		free(buf);
		return kind;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		free(buf);
		return CCHC_FILE_UNREADABLE;
	}
	/* chunk by chunk until the root shows: the prolog may be of any length */
	cchc_prolog p;
	cchc_prolog_init(&p, 0);
	size_t n;
	errno = 0;
	do {
		n = fread(buf, 1, SNIFF_CHUNK, f);
		cchc_prolog_scan(&p, buf, n);
	} while (n == SNIFF_CHUNK && !p.done);
	int failed = ferror(f), err = errno ? errno : EIO;
	fclose(f);
	free(buf);
	if (failed) {
		errno = err; /* EISDIR for a folder */
		return CCHC_FILE_UNREADABLE;
	}
	return kind_of(&p);
}
