/* Finding the assessments in a file as it streams past: the root <assessment>
 * of a file of its own, or each <assessment> of a bundle (<assessments>).
 * Only the element being read is ever expanded into a tree; it is checked,
 * turned into a model, handed to the caller and freed before the next. */
#include <string.h>

#include "assessment_priv.h"
#include "xml_priv.h"

#define BUNDLE "assessments"

typedef struct {
	const cchc_criteria *const *sets;
	size_t nsets;
	const char *path;
	cchc_assessment_sink sink;
	void *user;
	cchc_diag *diag;
	cchc_xml_stream *stream;
	xmlTextReaderPtr r;
	size_t failed;   /* assessments that did not load, and other problems */
	size_t loaded;
	int stopped;     /* the sink asked to stop */
} walker;

static int named(xmlTextReaderPtr r, const char *name)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
	return ns && strcmp((const char *)ns, CCHC_NS_ASSESSMENT) == 0 &&
	       strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0;
}

/* Expand the <assessment> the reader is on, load it, hand it over. */
static int member(walker *w, long line)
{
	xmlNodePtr el = xmlTextReaderExpand(w->r);
	if (!el)
		return -1; /* not well-formed: the stream's sink said where */
	cchc_assessment *a = NULL;
	if (cchc_assessment_from_element(&a, w->sets, w->nsets, el, w->path, line, w->diag) < 0) {
		w->failed++;
		return 0;
	}
	w->loaded++;
	if (w->sink(a, w->user) < 0)
		w->stopped = 1;
	return 0;
}

/* A problem of the bundle's own structure, at the reader's element. */
static void misplaced(walker *w, const char *what)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(w->r);
	cchc_diag_addf(w->diag, w->path, n ? xmlGetLineNo(n) : 0,
	               "%s inside <" BUNDLE ">: a bundle holds <assessment> elements only", what);
	w->failed++;
}

static int bundle(walker *w)
{
	xmlNodePtr root = xmlTextReaderCurrentNode(w->r);
	if (root && root->properties) {
		cchc_diag_addf(w->diag, w->path, xmlGetLineNo(root),
		               "<" BUNDLE "> takes no attributes (%s=\"…\"): each <assessment> carries its "
		               "own criteria-set and year",
		               (const char *)root->properties->name);
		w->failed++;
	}
	int text_seen = 0;
	int ret = xmlTextReaderIsEmptyElement(w->r) ? 0 : xmlTextReaderRead(w->r);
	while (ret == 1 && !w->stopped && xmlTextReaderDepth(w->r) > 0) {
		int type = xmlTextReaderNodeType(w->r);
		if (type == XML_READER_TYPE_ELEMENT && named(w->r, "assessment")) {
			xmlNodePtr n = xmlTextReaderCurrentNode(w->r);
			cchc_xml_stream_mark(w->stream, 1);
			int rc = member(w, n ? xmlGetLineNo(n) : 0);
			cchc_xml_stream_mark(w->stream, 0);
			if (rc < 0)
				return -1;
			ret = xmlTextReaderNext(w->r);
			continue;
		}
		if (type == XML_READER_TYPE_ELEMENT) {
			char what[96];
			snprintf(what, sizeof what, "<%.64s>", (const char *)xmlTextReaderConstName(w->r));
			misplaced(w, what);
			ret = xmlTextReaderNext(w->r);
			continue;
		}
		if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) && !text_seen++)
			misplaced(w, "text");
		ret = xmlTextReaderRead(w->r);
	}
	if (ret < 0)
		return -1;
	if (w->loaded + w->failed == 0) {
		cchc_diag_addf(w->diag, w->path, root ? xmlGetLineNo(root) : 0,
		               "the bundle holds no <assessment>: add one per agency");
		w->failed++;
	}
	return 0;
}

static int walk(walker *w, int allow_bundle)
{
	int ret;
	while ((ret = xmlTextReaderRead(w->r)) == 1 &&
	       xmlTextReaderNodeType(w->r) != XML_READER_TYPE_ELEMENT)
		;
	if (ret < 0)
		return -1;
	if (ret == 0) {
		cchc_xml_check_root(NULL, CCHC_NS_ASSESSMENT, "assessment", w->path, w->diag);
		return -1;
	}
	if (named(w->r, "assessment")) {
		if (member(w, 0) < 0)
			return -1;
	} else if (allow_bundle && named(w->r, BUNDLE)) {
		if (bundle(w) < 0)
			return -1;
	} else {
		cchc_xml_check_root(xmlTextReaderCurrentNode(w->r), CCHC_NS_ASSESSMENT, "assessment",
		                    w->path, w->diag);
		return -1;
	}
	/* what follows the root must still be well-formed */
	while (!w->stopped && (ret = xmlTextReaderNext(w->r)) == 1)
		;
	return w->stopped || ret == 0 ? 0 : -1;
}

static int stream(const cchc_criteria *const *sets, size_t nsets, const char *path,
                  const char *data, size_t len, int allow_bundle, cchc_assessment_sink sink,
                  void *user, cchc_diag *diag)
{
	if (nsets == 0) {
		cchc_diag_addf(diag, path, 0, "no criteria set to check the assessment against");
		return -1;
	}
	walker w = {sets, nsets, path, sink, user, diag, NULL, NULL, 0, 0, 0};
	w.stream = cchc_xml_stream_open(path, data, len, allow_bundle ? BUNDLE : NULL, diag);
	if (!w.stream)
		return -1;
	w.r = cchc_xml_stream_reader(w.stream);
	int rc = walk(&w, allow_bundle);
	cchc_xml_sink *parse = cchc_xml_stream_sink(w.stream);
	if (rc < 0 && parse->errors == 0)
		cchc_diag_addf(diag, path, 0, "not well-formed XML");
	if (parse->errors)
		rc = -1;
	cchc_xml_stream_close(w.stream);
	return rc < 0 || w.failed ? -1 : 0;
}

int cchc_assessment_stream(const cchc_criteria *const *sets, size_t nsets, const char *path,
                           cchc_assessment_sink sink, void *user, cchc_diag *diag)
{
	return stream(sets, nsets, path, NULL, 0, 1, sink, user, diag);
}

int cchc_assessment_stream_memory(const cchc_criteria *const *sets, size_t nsets,
                                  const char *data, size_t len, const char *name,
                                  cchc_assessment_sink sink, void *user, cchc_diag *diag)
{
	if (!data) {
		cchc_diag_addf(diag, name, 0, "no data");
		return -1;
	}
	return stream(sets, nsets, name, data, len, 1, sink, user, diag);
}

/* cchc_assessment_load*: a file of one assessment, kept by the caller. */
static int keep_one(cchc_assessment *a, void *user)
{
	*(cchc_assessment **)user = a;
	return 0;
}

static int load_one(cchc_assessment **out, const cchc_criteria *const *sets, size_t nsets,
                    const char *path, const char *data, size_t len, cchc_diag *diag)
{
	size_t before = cchc_diag_count(diag);
	*out = NULL;
	int rc = stream(sets, nsets, path, data, len, 0, keep_one, out, diag);
	if (rc < 0 || cchc_diag_count(diag) != before) {
		cchc_assessment_free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int cchc_assessment_load(cchc_assessment **out, const cchc_criteria *const *sets, size_t nsets,
                         const char *path, cchc_diag *diag)
{
	return load_one(out, sets, nsets, path, NULL, 0, diag);
}

int cchc_assessment_load_memory(cchc_assessment **out, const cchc_criteria *const *sets,
                                size_t nsets, const char *data, size_t len, const char *name,
                                cchc_diag *diag)
{
	if (!data) {
		*out = NULL;
		cchc_diag_addf(diag, name, 0, "no data");
		return -1;
	}
	return load_one(out, sets, nsets, name, data, len, diag);
}
