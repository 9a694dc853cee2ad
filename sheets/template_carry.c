/* Last year's answers into this year's workbook: the items of an assessment
 * of another criteria set, their criterion ids mapped as `gap --map` maps
 * them ("OLD NEW" per line, the rest keep their id), kept where this year's
 * leaf reads the same evidence, then loaded against this year's set. The
 * council's rounds, surveys and published figures were last year's: they
 * are not carried. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cchc/gap.h"
#include "template_priv.h"
#include "xml_priv.h"

typedef struct {
	char **old_ids, **new_ids;
	size_t n;
} id_pairs;

static void pairs_free(id_pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->old_ids[i]);
		free(p->new_ids[i]);
	}
	free(p->old_ids);
	free(p->new_ids);
}

/* The map, checked by the engine's own reader first (its errors name the line). */
static int pairs_load(id_pairs *p, const char *path, cchc_diag *diag)
{
	cchc_id_map *checked = NULL;
	if (cchc_id_map_load(&checked, path, diag) < 0)
		return -1;
	cchc_id_map_free(checked);
	FILE *f = fopen(path, "r");
	char line[1024];
	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, "#\n")] = '\0';
		char a[512], b[512];
		if (sscanf(line, "%511s %511s", a, b) != 2)
			continue;
		char **o = realloc(p->old_ids, (p->n + 1) * sizeof *o);
		if (o)
			p->old_ids = o;
		char **nw = o ? realloc(p->new_ids, (p->n + 1) * sizeof *nw) : NULL;
		if (nw)
			p->new_ids = nw;
		if (!o || !nw || !(p->old_ids[p->n] = strdup(a)) || !(p->new_ids[p->n++] = strdup(b))) {
			fclose(f);
			cchc_diag_addf(diag, path, 0, "out of memory");
			return -1;
		}
	}
	if (f)
		fclose(f);
	return 0;
}

static const char *mapped(const id_pairs *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->old_ids[i], id) == 0)
			return p->new_ids[i];
	return id;
}

/* Does this year's leaf read the evidence attribute? (met="false" fits every kind.) */
static int fits(const cchc_node *n, const char *attr, const char *value)
{
	static const struct {
		const char *attr;
		tpl_col col;
	} cols[] = {{"value", COL_VALUE}, {"count", COL_COUNT},       {"date", COL_DATE},
	            {"numerator", COL_NUM}, {"denominator", COL_DEN}, {"points", COL_POINTS}};
	if (strcmp(attr, "met") == 0)
		return strcmp(value, "false") == 0 || n->rule.kind == CCHC_RULE_YES_NO;
	if (strcmp(attr, "grade") == 0) {
		for (size_t g = 0; n->rule.kind == CCHC_RULE_GRADE && g < n->rule.ngrades; g++)
			if (strcmp(n->rule.grades[g].id, value) == 0)
				return 1;
		return 0;
	}
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
		if (strcmp(attr, cols[i].attr) == 0)
			return tpl_reads(n, cols[i].col);
	return -1; /* not evidence */
}

static void attr_out(cchc_buf *x, const char *name, const char *value)
{
	cchc_buf_printf(x, " %s=\"", name);
	tpl_xml_attr(x, value);
	cchc_buf_puts(x, "\"");
}

/* One <item>, mapped; 0 when it does not fit this year's leaf. */
static int carry_item(cchc_buf *x, xmlNodePtr it, const cchc_criteria *set, const id_pairs *p)
{
	xmlChar *crit = xmlGetProp(it, (const xmlChar *)"criterion");
	const cchc_node *n = crit ? cchc_criteria_find(set, mapped(p, (const char *)crit)) : NULL;
	int ok = n && n->nchildren == 0;
	size_t mark = x->len;
	if (ok) {
		cchc_buf_puts(x, "  <item");
		attr_out(x, "criterion", n->id);
	}
	int evidence = 0;
	for (xmlAttrPtr a = it->properties; ok && a; a = a->next) {
		const char *name = (const char *)a->name;
		xmlChar *v = xmlNodeListGetString(it->doc, a->children, 1);
		const char *value = v ? (const char *)v : "";
		int f = fits(n, name, value);
		if (f == 0)
			ok = 0;
		else if (strcmp(name, "criterion") != 0)
			attr_out(x, name, value);
		evidence |= f == 1;
		xmlFree(v);
	}
	ok = ok && (evidence || n->rule.kind == CCHC_RULE_SCALE);
	if (ok) {
		cchc_buf_puts(x, ">\n");
		for (xmlNodePtr d = it->children; d; d = d->next) {
			if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "doc") != 0)
				continue;
			xmlChar *ref = xmlGetProp(d, (const xmlChar *)"ref"), *file = xmlGetProp(d, (const xmlChar *)"file");
			cchc_buf_puts(x, "    <doc");
			attr_out(x, "ref", ref ? (const char *)ref : "");
			if (file)
				attr_out(x, "file", (const char *)file);
			cchc_buf_puts(x, "/>\n");
			xmlFree(ref);
			xmlFree(file);
		}
		cchc_buf_puts(x, "  </item>\n");
	} else {
		x->len = mark; /* dropped */
		if (x->data)
			x->data[mark] = '\0';
	}
	xmlFree(crit);
	return ok;
}

/* The loader's messages are about the XML built here: they name last year's file, not its lines. */
static int load_carried(cchc_assessment **out, const cchc_criteria *set, const cchc_buf *x,
                        const char *path, cchc_diag *diag)
{
	cchc_diag *inner = cchc_diag_new();
	const cchc_criteria *sets[1] = {set};
	if (!inner)
		return -1;
	int rc = cchc_assessment_load_memory(out, sets, 1, x->data, x->len, path, inner);
	for (size_t i = 0; i < cchc_diag_stored(inner); i++)
		cchc_diag_addf(diag, path, 0, "last year's answers do not fit criteria set \"%s\": %s",
		               cchc_criteria_id(set), cchc_diag_get(inner, i)->message);
	cchc_diag_free(inner);
	return rc;
}

static int carry(cchc_assessment **out, const cchc_criteria *set, const char *path,
                 const char *map_path, size_t *dropped, cchc_diag *diag)
{
	id_pairs pairs = {0};
	cchc_buf x;
	cchc_buf_init(&x, 0);
	*out = NULL;
	*dropped = 0;
	int rc = -1;
	xmlDocPtr doc = NULL;
	if (map_path && pairs_load(&pairs, map_path, diag) < 0)
		goto done;
	if (!(doc = cchc_xml_parse(path, NULL, 0, diag)))
		goto done;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || strcmp((const char *)root->name, "assessment") != 0) {
		cchc_diag_addf(diag, path, 0, "not an assessment: give last year's assessment of the agency");
		goto done;
	}
	cchc_buf_printf(&x, "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"");
	tpl_xml_attr(&x, cchc_criteria_id(set));
	cchc_buf_printf(&x, "\" year=\"%d\">\n", cchc_criteria_year(set));
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)c->name;
		if (strcmp(name, "agency") == 0) {
			cchc_buf_puts(&x, "  <agency");
			static const char *const keep[] = {"id", "name", "block"};
			for (size_t k = 0; k < 3; k++) {
				xmlChar *v = xmlGetProp(c, (const xmlChar *)keep[k]);
				if (v)
					attr_out(&x, keep[k], (const char *)v);
				xmlFree(v);
			}
			cchc_buf_puts(&x, "/>\n");
		} else if (strcmp(name, "item") == 0) {
			*dropped += !carry_item(&x, c, set, &pairs);
		}
	}
	cchc_buf_puts(&x, "</assessment>\n");
	if (x.failed) {
		cchc_diag_addf(diag, path, 0, "out of memory");
		goto done;
	}
	rc = load_carried(out, set, &x, path, diag);
done:
	xmlFreeDoc(doc);
	pairs_free(&pairs);
	cchc_buf_dispose(&x);
	return rc;
}

/* The criteria-set an assessment file names, from its first KiB (NULL when none is seen). */
static char *named_set(const char *path)
{
	char head[4096];
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	const char *at = strstr(head, "criteria-set=\"");
	if (!at)
		return NULL;
	at += strlen("criteria-set=\"");
	size_t len = strcspn(at, "\"");
	char *id = malloc(len + 1);
	if (id) {
		memcpy(id, at, len);
		id[len] = '\0';
	}
	return id;
}

int cchc_template_from(cchc_assessment **out, const cchc_criteria *set, const char *path,
                       const char *map_path, size_t *dropped, int english, cchc_diag *diag)
{
	const cchc_criteria *sets[1] = {set};
	*dropped = 0;
	if (cchc_workbook_sniff(path)) {
		if (map_path) {
			cchc_diag_addf(diag, path, 0, english
			               ? "--map carries last year's XML: import last year's workbook with its criteria set first"
			               : "--map dùng cho tệp XML năm trước: nhập (import) sổ năm trước với bộ tiêu chí của năm đó trước");
			return -1;
		}
		return cchc_workbook_load(out, path, sets, 1, english, diag);
	}
	char *id = named_set(path);
	const int same = id && strcmp(id, cchc_criteria_id(set)) == 0;
	free(id);
	if (same && !map_path)
		return cchc_assessment_load(out, sets, 1, path, diag);
	return carry(out, set, path, map_path, dropped, diag);
}
