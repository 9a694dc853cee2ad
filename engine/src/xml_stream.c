/* The hardened streaming parser (see xml_priv.h): libxml2's push parser fed
 * a file in chunks, its SAX2 events turned into one member's tree at a time
 * (xml_build.c), so memory follows the element being read, not the input.
 * What cchc_xml_parse checks on a whole buffer is checked here on the way
 * in: the prolog is scanned before libxml2 sees it, so a DOCTYPE (and with
 * it any entity) or a declared encoding other than UTF-8 is refused before a
 * byte of it is parsed, and line ends are made LF on the way (cchc_xml_eol). */
#define _POSIX_C_SOURCE 200809L
#include "xml_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "util_priv.h"

#define CHUNK ((size_t)64 << 10)
/* A file above the size cap must show its <assessments> root this early. */
#define BIG_FILE_PEEK 1024

typedef struct {
	xmlParserCtxtPtr ctxt;
	cchc_xml_build build;
	const cchc_xml_build_handlers *caller;
	void *user;
	cchc_xml_sink sink;
	const char *path;
	int fd;                       /* -1 when reading from memory */
	const char *data;             /* the buffer, or NULL */
	size_t len, pos;              /* of the buffer */
	unsigned long long size;      /* of the file or buffer */
	char *head;                   /* the file's first chunk, read before parsing */
	size_t head_len, head_pos;
	unsigned long long fed;       /* bytes read for libxml2 */
	unsigned long long mark;      /* fed when the current subtree began */
	long mark_line;               /* where it began */
	int marked;
	int after_cr;                 /* the last byte read was a CR (cchc_xml_eol) */
	cchc_prolog prolog;           /* before the root element: no DOCTYPE, UTF-8 only */
} xml_input;

static void refuse(xml_input *s, long line, const char *msg)
{
	if (s->sink.refused)
		return;
	cchc_diag_addf(s->sink.diag, s->path, line, "%s", msg);
	s->sink.errors++;
	s->sink.refused = 1;
}

/* Run the prolog scan over a chunk on its way to libxml2: a DOCTYPE or an
 * encoding other than UTF-8 is refused before libxml2 reads any of it. */
static void scan_prolog(xml_input *s, const char *b, size_t n)
{
	if (s->prolog.done)
		return;
	cchc_prolog_scan(&s->prolog, b, n);
	char msg[200];
	if (s->prolog.doctype_line)
		refuse(s, s->prolog.doctype_line,
		       "a <!DOCTYPE> is not allowed (DTDs and entities are refused for safety): remove it");
	else if (cchc_xml_encoding_refusal(&s->prolog, msg, sizeof msg))
		refuse(s, s->prolog.encoding_line, msg);
}

/* The next bytes into buf (at most cap), counted, their line ends made LF
 * (cchc_xml_eol) and scanned; 0 at the end, -1 after a refusal. */
static long read_more(xml_input *s, char *buf, size_t cap)
{
	size_t n, got;
	do {
		if (s->sink.refused)
			return -1;
		if (s->head_pos < s->head_len) {
			got = s->head_len - s->head_pos < cap ? s->head_len - s->head_pos : cap;
			memcpy(buf, s->head + s->head_pos, got);
			s->head_pos += got;
		} else if (s->data) {
			got = s->len - s->pos < cap ? s->len - s->pos : cap;
			memcpy(buf, s->data + s->pos, got);
			s->pos += got;
		} else {
			ssize_t r;
			do
				r = read(s->fd, buf, cap);
			while (r < 0 && errno == EINTR);
			if (r < 0) {
				char msg[160];
				snprintf(msg, sizeof msg, "cannot read the file: %s", strerror(errno));
				refuse(s, 0, msg);
				return -1;
			}
			got = (size_t)r;
		}
		s->fed += got;
		n = cchc_xml_eol(buf, buf, got, &s->after_cr);
	} while (got > 0 && n == 0); /* the LF of a CR LF split between reads */
	scan_prolog(s, buf, n);
	return s->sink.refused ? -1 : (long)n;
}

/* A member may not exceed the size cap (checked a chunk at a time). */
static void check_member_size(xml_input *s)
{
	if (s->marked && s->fed - s->mark > CCHC_XML_MAX_FILE) {
		char msg[160];
		snprintf(msg, sizeof msg,
		         "this element is larger than the %zu MiB limit: split the bundle's "
		         "assessments into smaller ones",
		         CCHC_XML_MAX_FILE >> 20);
		refuse(s, s->mark_line, msg);
	}
}

/* Read the first chunk of a file (or point at a buffer's) before parsing. */
static int read_head(xml_input *s, size_t want)
{
	s->head = malloc(want);
	if (!s->head) {
		refuse(s, 0, "out of memory reading the file");
		return -1;
	}
	while (s->head_len < want) {
		ssize_t got = read(s->fd, s->head + s->head_len, want - s->head_len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			char msg[160];
			snprintf(msg, sizeof msg, "cannot read the file: %s", strerror(errno));
			refuse(s, 0, msg);
			return -1;
		}
		if (got == 0)
			break;
		s->head_len += (size_t)got;
	}
	return 0;
}

/* The checks made before libxml2 sees a byte. 0 when parsing may start. */
static int check_start(xml_input *s, const char *bundle_root)
{
	const char *head = s->data ? s->data : s->head;
	size_t n = s->data ? s->len : s->head_len;
	if (s->size == 0) {
		refuse(s, 0, "the file is empty: it must hold an XML document");
		return -1;
	}
	if (s->size <= CCHC_XML_MAX_FILE) {
		if (!cchc_xml_not_utf8(head, n))
			return 0;
		refuse(s, 0, cchc_xml_not_utf8(head, n));
		return -1;
	}
	/* Only a bundle may be larger than the cap (each of its members may not). */
	cchc_prolog probe;
	cchc_prolog_init(&probe, 1);
	cchc_prolog_scan(&probe, head, n < BIG_FILE_PEEK ? n : BIG_FILE_PEEK);
	if (bundle_root && probe.done && strcmp(probe.root, bundle_root) == 0)
		return 0;
	char msg[200];
	if (s->data)
		snprintf(msg, sizeof msg, "the document is larger than the %zu MiB limit",
		         CCHC_XML_MAX_FILE >> 20);
	else
		snprintf(msg, sizeof msg,
		         "the file is %llu bytes, more than the %zu MiB limit: split it into smaller files",
		         s->size, CCHC_XML_MAX_FILE >> 20);
	refuse(s, 0, msg);
	return -1;
}

static int open_file(xml_input *s, const char *bundle_root)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below */
	s->fd = open(s->path, O_RDONLY | O_NONBLOCK);
	if (s->fd < 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "cannot open the file: %s", strerror(errno));
		refuse(s, 0, msg);
		return -1;
	}
	struct stat st;
	if (fstat(s->fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		refuse(s, 0, "not a regular file: give the path of an XML file");
		return -1;
	}
	s->size = (unsigned long long)st.st_size;
	/* a file above the cap is read no further than its root, unless a bundle */
	if (read_head(s, s->size > CCHC_XML_MAX_FILE ? BIG_FILE_PEEK : CHUNK) < 0)
		return -1;
	s->size = s->size ? s->size : s->head_len; /* /proc-like files report 0 */
	return check_start(s, bundle_root);
}

/* The builder's handlers, forwarded to the caller's; marks stay here. */
static int fwd_root(void *user, xmlNodePtr root)
{
	xml_input *s = user;
	return s->caller->root(s->user, root);
}

static int fwd_member(void *user, xmlNodePtr el)
{
	xml_input *s = user;
	return s->caller->member(s->user, el);
}

static void fwd_text(void *user, long line)
{
	xml_input *s = user;
	s->caller->text(s->user, line);
}

static void mark(void *user, int on)
{
	xml_input *s = user;
	s->marked = on;
	s->mark = s->fed;
	if (on)
		s->mark_line = s->ctxt && s->ctxt->input ? s->ctxt->input->line : 0;
}

static const cchc_xml_build_handlers forward = {fwd_root, fwd_member, fwd_text, mark};

/* The parser's user data is the builder, whose own is the input. */
static void on_parse_error(void *user, xmlErrorPtr err)
{
	cchc_xml_build *b = user;
	xml_input *s = b->user;
	/* At the end of its input libxml2's push parser calls a file that stops
	 * inside an element "Extra content at the end of the document": say what
	 * is missing instead. */
	if (err && err->code == XML_ERR_DOCUMENT_END && err->level != XML_ERR_WARNING &&
	    b->depth > 0 && (b->cur || b->root) && !s->sink.refused) {
		xmlNodePtr open = b->cur ? b->cur : b->root;
		cchc_diag_addf(s->sink.diag, s->path, err->line,
		               "%s: the file ends before <%s> of line %ld is closed: it is cut short, or "
		               "an end tag is missing",
		               s->sink.prefix, (const char *)open->name, cchc_xml_line(open));
		s->sink.errors++;
		return;
	}
	cchc_xml_on_error(&s->sink, err);
}

/* Feed the parser chunk by chunk until the end, an error or a stop. */
static void parse(xml_input *s)
{
	char *buf = malloc(CHUNK);
	if (!buf) {
		refuse(s, 0, "out of memory reading the file");
		return;
	}
	xmlSAXHandler sax;
	if (cchc_xml_build_init(&s->build, &forward, s, &sax) < 0) {
		refuse(s, 0, "out of memory creating the XML parser");
		free(buf);
		return;
	}
	sax.serror = on_parse_error;
	long n = read_more(s, buf, CHUNK);
	if (n >= 0) {
		s->ctxt = xmlCreatePushParserCtxt(&sax, &s->build, buf, (int)n, s->path);
		if (!s->ctxt)
			refuse(s, 0, "out of memory creating the XML parser");
	}
	if (s->ctxt) {
		xmlCtxtUseOptions(s->ctxt, CCHC_XML_PARSE_OPTIONS);
		s->build.ctxt = s->ctxt;
		int done = n == 0;
		while (!s->build.stopped && !s->sink.refused) {
			if (done) {
				xmlParseChunk(s->ctxt, NULL, 0, 1);
				break;
			}
			n = read_more(s, buf, CHUNK);
			if (n < 0)
				break;
			done = n == 0;
			if (n > 0 && xmlParseChunk(s->ctxt, buf, (int)n, 0) != 0 && s->ctxt->disableSAX)
				break; /* a fatal error, already reported */
			check_member_size(s);
		}
		if (s->build.too_deep && !s->sink.refused) {
			cchc_diag_addf(s->sink.diag, s->path, s->build.too_deep,
			               "%s: Excessive depth in document: %d levels of elements at most",
			               s->sink.prefix, CCHC_XML_MAX_DEPTH);
			s->sink.errors++;
		}
		if (s->build.oom && !s->sink.refused)
			refuse(s, 0, "out of memory reading the XML document");
		if (s->ctxt->myDoc)
			xmlFreeDoc(s->ctxt->myDoc);
		xmlFreeParserCtxt(s->ctxt);
		s->ctxt = NULL;
	}
	cchc_xml_build_dispose(&s->build);
	free(buf);
}

int cchc_xml_stream(const char *path, const char *data, size_t len, const char *bundle_root,
                    const cchc_xml_build_handlers *h, void *user, cchc_diag *diag)
{
	xml_input s = {0};
	s.caller = h;
	s.user = user;
	s.sink = (cchc_xml_sink){diag, path, "not well-formed XML", 0, 0};
	s.path = path;
	s.fd = -1;
	cchc_prolog_init(&s.prolog, 1);
	int rc;
	if (data) {
		s.data = data;
		s.len = len;
		s.size = len;
		rc = check_start(&s, bundle_root);
	} else {
		rc = open_file(&s, bundle_root);
	}
	if (rc == 0) {
		xmlSetGenericErrorFunc(NULL, cchc_xml_on_generic_error);
		parse(&s);
		xmlSetGenericErrorFunc(NULL, NULL);
	}
	if (s.fd >= 0)
		close(s.fd);
	free(s.head);
	return s.sink.errors ? -1 : 0;
}
