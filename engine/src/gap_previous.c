/* Last year against this year: the agency's previous place, each criterion
 * up / held / down, and criteria whose ids changed (an "OLD NEW" mapping
 * file) or that have no counterpart. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gap_priv.h"
#include "util_priv.h"

__extension__ typedef __int128 wide;

typedef struct {
	char *old_id, *new_id;
	long line;
} id_pair;

struct cchc_id_map {
	id_pair *pairs;
	size_t n;
};

void cchc_id_map_free(cchc_id_map *map)
{
	if (!map)
		return;
	for (size_t i = 0; i < map->n; i++) {
		free(map->pairs[i].old_id);
		free(map->pairs[i].new_id);
	}
	free(map->pairs);
	free(map);
}

/* Next whitespace-separated word of s, NUL-terminated in place. */
static char *word(char **s)
{
	char *p = *s;
	while (*p == ' ' || *p == '\t' || *p == '\r')
		p++;
	if (!*p)
		return NULL;
	char *start = p;
	while (*p && *p != ' ' && *p != '\t' && *p != '\r')
		p++;
	if (*p)
		*p++ = '\0';
	*s = p;
	return start;
}

static int add_pair(cchc_id_map *map, size_t *room, const char *old_id, const char *new_id,
                    long line)
{
	if (map->n == *room) {
		size_t r = *room ? *room * 2 : 32;
		id_pair *p = realloc(map->pairs, r * sizeof *p);
		if (!p)
			return -1;
		map->pairs = p;
		*room = r;
	}
	id_pair *p = &map->pairs[map->n];
	p->old_id = cchc_strdup(old_id);
	p->new_id = cchc_strdup(new_id);
	p->line = line;
	if (!p->old_id || !p->new_id) {
		free(p->old_id);
		free(p->new_id);
		return -1;
	}
	map->n++;
	return 0;
}

int cchc_id_map_load(cchc_id_map **out, const char *path, cchc_diag *diag)
{
	*out = NULL;
	FILE *f = fopen(path, "r");
	if (!f) {
		cchc_diag_addf(diag, path, 0, "cannot open the file: %s", strerror(errno));
		return -1;
	}
	cchc_id_map *map = calloc(1, sizeof *map);
	size_t room = 0, before = cchc_diag_count(diag);
	char buf[1024];
	long line = 0;
	while (map && fgets(buf, sizeof buf, f)) {
		line++;
		size_t len = strlen(buf);
		if (len == sizeof buf - 1 && buf[len - 1] != '\n') {
			cchc_diag_addf(diag, path, line, "line too long: one \"OLD NEW\" pair per line");
			break;
		}
		char *hash = strchr(buf, '#');
		if (hash)
			*hash = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		char *s = buf, *old_id = word(&s), *new_id = old_id ? word(&s) : NULL;
		if (!old_id)
			continue; /* blank or comment */
		if (!new_id || word(&s)) {
			cchc_diag_addf(diag, path, line, "write one pair per line: last year's criterion id, "
			               "a space, this year's id (e.g. \"1.4 1.5\")");
			continue;
		}
		for (size_t i = 0; i < map->n; i++)
			if (strcmp(map->pairs[i].old_id, old_id) == 0)
				cchc_diag_addf(diag, path, line, "\"%s\" is already mapped at line %ld: map each "
				               "old id once", old_id, map->pairs[i].line);
			else if (strcmp(map->pairs[i].new_id, new_id) == 0)
				cchc_diag_addf(diag, path, line, "\"%s\" is already the target at line %ld: two "
				               "old criteria cannot become one", new_id, map->pairs[i].line);
		if (add_pair(map, &room, old_id, new_id, line) < 0) {
			cchc_id_map_free(map);
			map = NULL;
		}
	}
	fclose(f);
	if (!map) {
		cchc_diag_addf(diag, path, 0, "out of memory");
		return -1;
	}
	if (cchc_diag_count(diag) != before) {
		cchc_id_map_free(map);
		return -1;
	}
	*out = map;
	return 0;
}

/* Last year's id for this year's criterion id, via the map or unchanged. */
static const char *old_id_for(const cchc_id_map *map, const char *id)
{
	for (size_t i = 0; map && i < map->n; i++)
		if (strcmp(map->pairs[i].new_id, id) == 0)
			return map->pairs[i].old_id;
	/* an id that was mapped away is no longer itself */
	for (size_t i = 0; map && i < map->n; i++)
		if (strcmp(map->pairs[i].old_id, id) == 0)
			return NULL;
	return id;
}

static cchc_trend trend(cchc_points p, cchc_points m, cchc_points pp, cchc_points pm)
{
	/* compare p/m with pp/pm without division */
	wide a = (wide)p * (pm > 0 ? pm : 1), b = (wide)pp * (m > 0 ? m : 1);
	return a > b ? CCHC_TREND_UP : a < b ? CCHC_TREND_DOWN : CCHC_TREND_HELD;
}

int cchc_gap_compare_previous(cchc_gap *gap, const cchc_ranking *previous,
                              const cchc_id_map *map, cchc_diag *diag)
{
	const cchc_score *s = gap->entry->score;
	const char *agency = cchc_assessment_agency_id(s->assessment);
	gap->previous = cchc_ranking_find(previous, agency, &gap->previous_block);
	if (!gap->previous) {
		cchc_diag_addf(diag, NULL, 0, "agency \"%s\" is not among last year's assessments: give "
		               "its previous assessment with --previous", agency);
		return -1;
	}
	const cchc_score *ps = gap->previous->score;
	size_t nnodes, npnodes;
	const cchc_node *const *nodes = cchc_criteria_nodes(s->set, &nnodes);
	const cchc_node *const *pnodes = cchc_criteria_nodes(ps->set, &npnodes);
	unsigned char *matched = cchc_calloc(npnodes, 1);
	gap->changes = cchc_calloc(nnodes, sizeof *gap->changes);
	gap->unmatched_previous = cchc_calloc(npnodes, sizeof *gap->unmatched_previous);
	if (!matched || !gap->changes || !gap->unmatched_previous) {
		free(matched);
		return -1;
	}
	for (size_t i = 0; i < nnodes; i++) {
		const cchc_node *n = nodes[i];
		/* the criteria the agency acts on, as the plans count them: the survey is not one */
		if (n->depth != 1 || n->group->kind != CCHC_GROUP_SCORED)
			continue;
		cchc_change *c = &gap->changes[gap->nchanges++];
		c->node = n;
		c->points = s->nodes[i].points;
		c->max = s->nodes[i].max;
		c->achieved = c->max > 0 && c->points >= c->max;
		const char *old = old_id_for(map, n->id);
		const cchc_node *pn = old ? cchc_criteria_find(ps->set, old) : NULL;
		if (!pn || pn->depth == 0) {
			c->trend = CCHC_TREND_NEW;
			continue;
		}
		matched[pn->index] = 1;
		c->previous_node = pn;
		c->previous_points = ps->nodes[pn->index].points;
		c->previous_max = ps->nodes[pn->index].max;
		c->trend = trend(c->points, c->max, c->previous_points, c->previous_max);
	}
	for (size_t i = 0; i < npnodes; i++) {
		const cchc_node *pn = pnodes[i];
		if (pn->depth == 1 && !matched[i] && pn->group->kind == CCHC_GROUP_SCORED)
			gap->unmatched_previous[gap->nunmatched_previous++] = pn;
	}
	free(matched);
	return 0;
}
