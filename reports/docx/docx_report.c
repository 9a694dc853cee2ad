/* The province's report, Báo cáo kết quả xác định Chỉ số CCHC, as
 * word/document.xml in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I: the
 * header table, BÁO CÁO and its trích yếu, then per block (in the ranking's
 * order, headed by its criteria set's title) the ranking with bands, the
 * chart of totals, each agency's rank in each group, the block statistics
 * and the criteria most lost; nơi nhận and the signature. Every figure is the
 * engine's ranking as it stands; the charts are the report page's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_priv.h"
#include "html_priv.h"

/* As the page (html.c): a block of more agencies than FULL_MAX shows its EDGE
 * first and last; the workbook and the CSV hold them all. */
#define FULL_MAX 300
#define EDGE 20
#define MOST_LOST_ROWS 10

typedef struct report {
	dx d;
	const cchc_ranking *r;
	const dx_chart *charts;
	cchc_lang L;
	cchc_buf line;
	dx_head head;
	char year[16];
} report;

static const dx_para cell_text = {.style = "TableText"};
static const dx_para cell_head = {.style = "TableText", .jc = "center", .bold = 1};
static const dx_para cell_num = {.style = "TableText", .jc = "right"};
static const dx_para cell_mid = {.style = "TableText", .jc = "center"};

static const char *fill(report *p, dx_str_id id, const char *const *args, size_t n)
{
	p->line.len = 0;
	dx_fill(&p->line, id, p->L, args, n);
	return p->line.data ? p->line.data : "";
}

static void cell(report *p, int width, const dx_para *style, const char *text)
{
	dx_tc_begin(&p->d, width, 1, 0);
	dx_para_lines(&p->d, style, text);
	dx_tc_end(&p->d);
}

static void head_cell(report *p, int width, const char *text)
{
	dx_tc_begin(&p->d, width, 1, 1);
	dx_para_text(&p->d, &cell_head, text);
	dx_tc_end(&p->d);
}

/* The table's first row, repeated on every page it runs over. */
static void head_row(report *p, const int *widths, const cchc_str_id *ids, size_t n)
{
	dx_tr_begin(&p->d, 1);
	for (size_t i = 0; i < n; i++)
		head_cell(p, widths[i], cchc_str(ids[i], p->L));
	dx_tr_end(&p->d);
}

static void end_table(report *p)
{
	dx_tbl_end(&p->d);
	dx_para_text(&p->d, &(dx_para){.after = -1, .size = 8}, ""); /* tables never touch */
}

static void heading(report *p, int level, const char *text)
{
	const dx_para h = {.style = level == 1 ? "Heading1" : "Heading2"};
	dx_para_text(&p->d, &h, text);
}

static void numbered(report *p, size_t k, cchc_str_id id)
{
	char n[24];
	snprintf(n, sizeof n, "%zu", k);
	const char *args[] = {n, cchc_str(id, p->L)};
	heading(p, 2, fill(p, DX_REPORT_BLOCK, args, 2));
}

static int shown_row(const cchc_block *b, size_t i)
{
	return b->n <= FULL_MAX || i < EDGE || i + EDGE >= b->n;
}

/* "… 1 234 cơ quan …" across the table for the rows from i not shown; @return the next shown */
static size_t skip_row(report *p, const cchc_block *b, size_t i, int width, int span)
{
	size_t j = i;
	while (j < b->n && !shown_row(b, j))
		j++;
	char n[24];
	snprintf(n, sizeof n, "%zu", j - i);
	const char *args[] = {n};
	p->line.len = 0;
	cchc_str_fill(&p->line, CCHC_STR_HTML_SKIPPED, p->L, args, 1);
	dx_tr_begin(&p->d, 0);
	dx_tc_begin(&p->d, width, span, 0);
	dx_para_text(&p->d, &cell_mid, p->line.data ? p->line.data : "");
	dx_tc_end(&p->d);
	dx_tr_end(&p->d);
	return j;
}

static int sum(const int *w, size_t n)
{
	int t = 0;
	for (size_t i = 0; i < n; i++)
		t += w[i];
	return t;
}

/* Statistics are doubles for display, shown as points rounded half away from zero. */
static void stat_cell(report *p, int width, double x)
{
	char t[CCHC_FMT_SIZE];
	cchc_fmt_points(t, (cchc_points)(x * 100.0 + (x >= 0 ? 0.5 : -0.5)), p->L);
	cell(p, width, &cell_num, t);
}

static void ranking_table(report *p, const cchc_block *b)
{
	static const int w[] = {DX_MM(16), DX_MM(53), DX_MM(24), DX_MM(18), DX_MM(24), DX_MM(15),
	                        DX_MM(15)};
	static const cchc_str_id ids[] = {CCHC_STR_RANK,  CCHC_STR_AGENCY,  CCHC_STR_TOTAL,
	                                  CCHC_STR_INDEX, CCHC_STR_BAND,    CCHC_STR_GAP_TOP,
	                                  CCHC_STR_GAP_ABOVE};
	const size_t nc = sizeof w / sizeof *w;
	numbered(p, 1, CCHC_STR_RANK_TITLE);
	dx_tbl_begin(&p->d, w, nc, 1);
	head_row(p, w, ids, nc);
	for (size_t i = 0; i < b->n; i++) {
		if (!shown_row(b, i) && (i = skip_row(p, b, i, sum(w, nc), (int)nc)) >= b->n)
			break;
		const cchc_rank_entry *e = &b->entries[i];
		const cchc_score *s = e->score;
		char v[2][CCHC_FMT_SIZE], t[2 * CCHC_FMT_SIZE + 2];
		dx_tr_begin(&p->d, 0);
		snprintf(t, sizeof t, "%zu/%zu", e->rank, e->of);
		cell(p, w[0], &cell_mid, t);
		cell(p, w[1], &cell_text, cchc_html_agency_name(s));
		cchc_fmt_points(v[0], s->total, p->L);
		cchc_fmt_points_short(v[1], s->max, p->L);
		snprintf(t, sizeof t, "%s/%s", v[0], v[1]);
		cell(p, w[2], &cell_num, t);
		cchc_fmt_percent(v[0], s->index, p->L);
		snprintf(t, sizeof t, "%s %%", v[0]);
		cell(p, w[3], &cell_num, t);
		cell(p, w[4], &cell_mid, s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, p->L));
		cchc_fmt_points(v[0], e->gap_top, p->L);
		cell(p, w[5], &cell_num, v[0]);
		cchc_fmt_points(v[0], e->gap_above, p->L);
		cell(p, w[6], &cell_num, v[0]);
		dx_tr_end(&p->d);
	}
	end_table(p);
}

static void totals_figure(report *p, size_t k)
{
	const dx_chart *c = &p->charts[k];
	if (!c->png.len)
		return;
	const cchc_block *b = &p->r->blocks[k];
	cchc_str_id caption = b->n > FULL_MAX ? CCHC_STR_HTML_CHART_DISTRIBUTION
	                                      : CCHC_STR_HTML_CHART_TOTALS;
	char rid[32], n[24];
	snprintf(rid, sizeof rid, "rIdImg%zu", k + 1);
	snprintf(n, sizeof n, "%zu", k + 1);
	const dx_para pic = {.jc = "center", .first_line = -1, .keep_next = 1, .before = 120};
	dx_p_begin(&p->d, &pic);
	dx_picture(&p->d, rid, (int)k + 1, c->cx, c->cy, cchc_str(caption, p->L));
	dx_p_end(&p->d);
	const char *args[] = {n, cchc_str(caption, p->L)};
	dx_para_text(&p->d, &(dx_para){.style = "Caption"}, fill(p, DX_FIGURE, args, 2));
}

static int shown_group(const cchc_node *g)
{
	return g->kind == CCHC_GROUP_SCORED || g->kind == CCHC_GROUP_SURVEY;
}

/* The component-index ranks: each agency's rank in each group, groups by id, named below. */
static void group_ranks(report *p, const cchc_block *b)
{
	size_t ng, shown = 0;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ng);
	for (size_t g = 0; g < ng; g++)
		shown += (size_t)shown_group(groups[g]);
	if (!shown)
		return;
	numbered(p, 2, CCHC_STR_GROUP_RANKS);
	const int rank_w = DX_MM(14), name_w = DX_MM(55);
	const int gw = (DX_TEXT_W - rank_w - name_w) / (int)shown;
	int *w = malloc((shown + 2) * sizeof *w);
	if (!w) {
		p->d.err = 1;
		return;
	}
	w[0] = rank_w, w[1] = name_w;
	for (size_t g = 0; g < shown; g++)
		w[g + 2] = gw;
	dx_tbl_begin(&p->d, w, shown + 2, 1);
	dx_tr_begin(&p->d, 1);
	head_cell(p, w[0], cchc_str(CCHC_STR_RANK, p->L));
	head_cell(p, w[1], cchc_str(CCHC_STR_AGENCY, p->L));
	for (size_t g = 0; g < ng; g++)
		if (shown_group(groups[g]))
			head_cell(p, gw, groups[g]->id);
	dx_tr_end(&p->d);
	for (size_t i = 0; i < b->n; i++) {
		if (!shown_row(b, i) && (i = skip_row(p, b, i, sum(w, shown + 2), (int)shown + 2)) >= b->n)
			break;
		const cchc_rank_entry *e = &b->entries[i];
		char t[24];
		dx_tr_begin(&p->d, 0);
		snprintf(t, sizeof t, "%zu", e->rank);
		cell(p, w[0], &cell_mid, t);
		cell(p, w[1], &cell_text, cchc_html_agency_name(e->score));
		for (size_t g = 0; g < ng; g++)
			if (shown_group(groups[g])) {
				snprintf(t, sizeof t, "%zu", e->group_ranks[g]);
				cell(p, gw, &cell_mid, t);
			}
		dx_tr_end(&p->d);
	}
	free(w);
	dx_tbl_end(&p->d);
	const dx_para legend = {.size = 24, .italic = 1, .first_line = -1, .after = -1, .before = 60};
	for (size_t g = 0; g < ng; g++)
		if (shown_group(groups[g])) {
			const char *args[] = {groups[g]->id, groups[g]->title};
			dx_para_text(&p->d, &legend, fill(p, DX_REPORT_LEGEND, args, 2));
		}
	dx_para_text(&p->d, &(dx_para){.after = -1, .size = 8}, "");
}

static void stats_table(report *p, const cchc_block *b)
{
	static const int w[] = {DX_MM(50), DX_MM(14), DX_MM(17), DX_MM(17), DX_MM(15), DX_MM(17),
	                        DX_MM(17), DX_MM(18)};
	static const cchc_str_id ids[] = {CCHC_STR_GROUP,  CCHC_STR_MAX,     CCHC_STR_MEAN,
	                                  CCHC_STR_MEDIAN, CCHC_STR_SD,      CCHC_STR_LOWEST,
	                                  CCHC_STR_HIGHEST, CCHC_STR_SHARE_FULL};
	const size_t nc = sizeof w / sizeof *w;
	size_t ng;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ng);
	numbered(p, 3, CCHC_STR_STATS);
	dx_tbl_begin(&p->d, w, nc, 1);
	head_row(p, w, ids, nc);
	for (size_t g = 0; g <= ng; g++) {
		const cchc_node *n = g < ng ? groups[g] : NULL;
		const cchc_stat *st = n ? &b->nodes[n->index] : &b->total;
		char m[CCHC_FMT_SIZE], t[2 * CCHC_FMT_SIZE];
		dx_tr_begin(&p->d, 0);
		p->line.len = 0;
		if (n)
			cchc_buf_printf(&p->line, "%s. %s", n->id, n->title);
		else
			cchc_buf_puts(&p->line, cchc_str(CCHC_STR_TOTAL, p->L));
		cell(p, w[0], n ? &cell_text : &(dx_para){.style = "TableText", .bold = 1},
		     p->line.data ? p->line.data : "");
		cchc_fmt_points_short(m, n ? (n->kind == CCHC_GROUP_PENALTY ? n->min : n->max)
		                           : cchc_criteria_max(b->set), p->L);
		cell(p, w[1], &cell_num, m);
		const double xs[] = {st->mean, st->median, st->sd, st->min, st->max};
		for (size_t i = 0; i < sizeof xs / sizeof *xs; i++)
			stat_cell(p, w[2 + i], xs[i]);
		t[0] = '\0';
		if (n && n->kind != CCHC_GROUP_PENALTY) {
			cchc_fmt_percent(m, (int64_t)(st->share_full * 10000.0 + 0.5), p->L);
			snprintf(t, sizeof t, "%s %%", m);
		}
		cell(p, w[7], &cell_num, t);
		dx_tr_end(&p->d);
	}
	end_table(p);
}

static void most_lost_table(report *p, const cchc_block *b)
{
	static const int w[] = {DX_MM(18), DX_MM(81), DX_MM(22), DX_MM(24), DX_MM(20)};
	static const cchc_str_id ids[] = {CCHC_STR_CRITERION, CCHC_STR_HTML_CONTENT,
	                                  CCHC_STR_AGENCIES_LOSING, CCHC_STR_MEAN,
	                                  CCHC_STR_POINTS_LOST};
	const size_t nc = sizeof w / sizeof *w;
	if (b->nmost_lost == 0)
		return;
	numbered(p, 4, CCHC_STR_MOST_LOST);
	dx_tbl_begin(&p->d, w, nc, 1);
	head_row(p, w, ids, nc);
	for (size_t i = 0; i < b->nmost_lost && i < MOST_LOST_ROWS; i++) {
		const cchc_node *n = b->most_lost[i];
		const cchc_stat *st = &b->nodes[n->index];
		char v[2][CCHC_FMT_SIZE], t[2 * CCHC_FMT_SIZE + 2];
		dx_tr_begin(&p->d, 0);
		cell(p, w[0], &cell_text, n->id);
		cell(p, w[1], &cell_text, n->title);
		snprintf(t, sizeof t, "%zu/%zu", st->below_max, st->n);
		cell(p, w[2], &cell_mid, t);
		cchc_fmt_points(v[0], (cchc_points)(st->mean * 100.0 + 0.5), p->L);
		cchc_fmt_points_short(v[1], n->max, p->L);
		snprintf(t, sizeof t, "%s/%s", v[0], v[1]);
		cell(p, w[3], &cell_num, t);
		cchc_fmt_points(v[0], st->points_lost, p->L);
		cell(p, w[4], &cell_num, v[0]);
		dx_tr_end(&p->d);
	}
	end_table(p);
}

static void block_part(report *p, size_t k)
{
	const cchc_block *b = &p->r->blocks[k];
	const char *args[] = {cchc_roman(k), cchc_criteria_title(b->set)};
	/* ragged, not justified: a long title wraps without stretched letters */
	dx_para_text(&p->d, &(dx_para){.style = "Heading1", .jc = "left"},
	             fill(p, DX_REPORT_BLOCK, args, 2));
	char y[16], n[24];
	snprintf(y, sizeof y, "%d", cchc_criteria_year(b->set));
	snprintf(n, sizeof n, "%zu", b->n);
	const char *meta[] = {y, n, cchc_str_agencies(b->n, p->L)};
	dx_para_text(&p->d, NULL, fill(p, DX_REPORT_META, meta, 3));
	if (b->n > FULL_MAX) {
		char edge[24];
		snprintf(edge, sizeof edge, "%d", EDGE);
		const char *sum_args[] = {n, edge};
		dx_para_text(&p->d, NULL, fill(p, DX_REPORT_SUMMARISED, sum_args, 2));
	}
	ranking_table(p, b);
	totals_figure(p, k);
	group_ranks(p, b);
	stats_table(p, b);
	most_lost_table(p, b);
}

static void title(report *p, const char *own)
{
	dx_para_text(&p->d, &(dx_para){.style = "Title", .before = 360}, dx_str(DX_REPORT_KIND, p->L));
	const char *args[] = {p->year};
	dx_para_text(&p->d, &(dx_para){.style = "Title"}, fill(p, DX_REPORT_SUBJECT, args, 1));
	if (own && *own)
		dx_para_text(&p->d, &(dx_para){.jc = "center", .italic = 1, .first_line = -1}, own);
	dx_rule(&p->d, DX_TEXT_W, DX_MM(40));
	const char *intro[] = {p->head.info && p->head.info->issuer ? p->head.info->issuer
	                                                            : p->head.issuer,
	                       p->year};
	dx_para_text(&p->d, &(dx_para){.before = 240}, fill(p, DX_REPORT_INTRO, intro, 2));
}

int dx_report_charts(dx_chart **out, const cchc_ranking *r, cchc_lang L)
{
	dx_chart *c = calloc(r->nblocks ? r->nblocks : 1, sizeof *c);
	*out = c;
	if (!c)
		return -1;
	for (size_t k = 0; k < r->nblocks; k++)
		cchc_buf_init(&c[k].png, 0);
	int rc = 0;
	for (size_t k = 0; k < r->nblocks && rc == 0; k++) {
		const cchc_block *b = &r->blocks[k];
		cchc_buf svg;
		cchc_buf_init(&svg, 0);
		if (b->n > FULL_MAX)
			rc = cchc_html_chart_distribution(&svg, b, NULL, L);
		else
			cchc_html_chart_totals(&svg, b, NULL, L);
		if (svg.failed)
			rc = -1;
		else if (rc == 0 && svg.len)
			rc = dx_chart_from_svg(&c[k], &svg);
		cchc_buf_dispose(&svg);
	}
	return rc;
}

int dx_report_document(xmlBufferPtr buf, const cchc_ranking *r, const cchc_docx_info *info,
                       const char *own_title, const dx_chart *charts, cchc_lang L)
{
	report p;
	memset(&p, 0, sizeof p);
	p.r = r, p.charts = charts, p.L = L;
	snprintf(p.year, sizeof p.year, "%d", r->nblocks ? cchc_criteria_year(r->blocks[0].set) : 0);
	cchc_buf_init(&p.line, 1 << 20);
	p.head = (dx_head){&p.d, info, dx_str(DX_REPORT_ISSUER, L), "BC-SNV", &p.line, 0};
	if (dx_begin(&p.d, buf, L) < 0) {
		cchc_buf_dispose(&p.line);
		return -1;
	}
	dx_document_open(&p.d);
	dx_header_table(&p.head);
	title(&p, own_title);
	for (size_t k = 0; k < r->nblocks; k++)
		block_part(&p, k);
	const char *args[] = {p.year};
	/* the closing sentence stays with nơi nhận and the signature */
	dx_para_text(&p.d, &(dx_para){.keep_next = 1}, fill(&p, DX_REPORT_END, args, 1));
	p.head.keep = 1;
	dx_signature(&p.head);
	dx_section(&p.d, 0, 1);
	dx_end(&p.d); /* w:body */
	dx_end(&p.d); /* w:document */
	int rc = dx_finish(&p.d) < 0 || p.line.failed ? -1 : 0;
	cchc_buf_dispose(&p.line);
	return rc;
}
