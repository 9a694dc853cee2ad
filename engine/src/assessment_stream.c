/* Finding the assessments in a file as it streams past: the root <assessment>
 * of a file of its own, or each <assessment> of a bundle (<assessments>).
 * Only the element being read is ever built into a tree; it is checked,
 * turned into a model, handed to the caller and forgotten before the next. */
#include <stdio.h>
#include <string.h>

#include "assessment_priv.h"
#include "xml_priv.h"

#define BUNDLE "assessments"

typedef struct {
	const cchc_criteria *const *sets;
	size_t nsets;
	const char *path;
	int allow_bundle;
	cchc_assessment_sink sink;
	void *user;
	cchc_diag *diag;
	int root_seen;
	long root_line;
	int bundle;      /* the root is <assessments> */
	int text_seen;   /* text between members, reported once */
	size_t failed;   /* assessments that did not load, and other problems */
	size_t loaded;
	int stopped;     /* the sink asked to stop */
} walker;

static int named(xmlNodePtr el, const char *name)
{
	return el->ns && el->ns->href &&
	       strcmp((const char *)el->ns->href, CCHC_NS_ASSESSMENT) == 0 &&
	       strcmp((const char *)el->name, name) == 0;
}

/* A problem of the bundle's own structure, at line. */
static void misplaced(walker *w, long line, const char *what)
{
	cchc_diag_addf(w->diag, w->path, line,
	               "%s inside <" BUNDLE ">: a bundle holds <assessment> elements only", what);
	w->failed++;
}

static int on_root(void *user, xmlNodePtr root)
{
	walker *w = user;
	w->root_seen = 1;
	w->root_line = cchc_xml_line(root);
	if (named(root, "assessment"))
		return 1;
	if (!w->allow_bundle && named(root, BUNDLE)) {
		cchc_diag_addf(w->diag, w->path, cchc_xml_line(root),
		               "the file is a bundle of assessments (<" BUNDLE ">), but one agency's "
		               "<assessment> is expected here: give that agency's file, or give the bundle "
		               "to rank, gap, robust, report or validate");
		w->failed++;
		return -1;
	}
	if (!w->allow_bundle || !named(root, BUNDLE)) {
		cchc_xml_check_root(root, CCHC_NS_ASSESSMENT, "assessment", w->path, w->diag);
		w->failed++;
		return -1;
	}
	w->bundle = 1;
	if (root->properties) {
		cchc_diag_addf(w->diag, w->path, cchc_xml_line(root),
		               "<" BUNDLE "> takes no attributes (%s=\"…\"): each <assessment> carries its "
		               "own criteria-set and year",
		               (const char *)root->properties->name);
		w->failed++;
	}
	return 0;
}

/* A member is complete: load it and hand it over. */
static int on_member(void *user, xmlNodePtr el)
{
	walker *w = user;
	if (w->bundle && !named(el, "assessment")) {
		/* an <assessment> of another namespace is no member: say which it is in */
		const char *ns = el->ns && el->ns->href ? (const char *)el->ns->href : NULL;
		int ours = ns && strcmp(ns, CCHC_NS_ASSESSMENT) == 0;
		char what[200];
		snprintf(what, sizeof what, "<%.64s>%s%.80s%s", (const char *)el->name,
		         !ns ? " with no namespace" : ours ? "" : " in namespace \"", ns && !ours ? ns : "",
		         ns && !ours ? "\"" : "");
		misplaced(w, cchc_xml_line(el), what);
		return 0;
	}
	cchc_assessment *a = NULL;
	if (cchc_assessment_from_element(&a, w->sets, w->nsets, el, w->path,
	                                 w->bundle ? cchc_xml_line(el) : 0, w->diag) < 0) {
		w->failed++;
		return 0;
	}
	w->loaded++;
	if (w->sink(a, w->user) < 0) {
		w->stopped = 1;
		return -1;
	}
	return 0;
}

static void on_text(void *user, long line)
{
	walker *w = user;
	if (!w->text_seen++)
		misplaced(w, line, "text");
}

static const cchc_xml_build_handlers handlers = {on_root, on_member, on_text, NULL};

static int stream(const cchc_criteria *const *sets, size_t nsets, const char *path,
                  const char *data, size_t len, int allow_bundle, cchc_assessment_sink sink,
                  void *user, cchc_diag *diag)
{
	if (nsets == 0) {
		cchc_diag_addf(diag, path, 0, "no criteria set to check the assessment against");
		return -1;
	}
	walker w = {sets, nsets, path, allow_bundle, sink, user, diag, 0, 0, 0, 0, 0, 0, 0};
	size_t before = cchc_diag_count(diag);
	int rc = cchc_xml_stream(path, data, len, allow_bundle ? BUNDLE : NULL, &handlers, &w, diag);
	if (rc == 0 && !w.stopped) {
		if (!w.root_seen) {
			cchc_xml_check_root(NULL, CCHC_NS_ASSESSMENT, "assessment", path, diag);
			w.failed++;
		} else if (w.bundle && w.loaded + w.failed == 0) {
			cchc_diag_addf(diag, path, w.root_line, "the bundle holds no <assessment>: add one per agency");
			w.failed++;
		}
	}
	if ((rc < 0 || w.failed) && cchc_diag_count(diag) == before)
		cchc_diag_addf(diag, path, 0, "not well-formed XML");
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
