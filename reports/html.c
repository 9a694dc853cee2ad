/* The ranking (and an agency's gap analysis) as one self-contained HTML5
 * page: inline CSS for screen and A4 print, inline SVG charts, tables that
 * read without scripts. The markup is also well-formed XML (void elements
 * closed, the one script in CDATA), so strict parsers read it too. Every text
 * from the inputs is escaped; every figure is formatted by locale.c. */
#include <stdio.h>
#include <string.h>

#include "html_priv.h"

#define MOST_LOST_ROWS 10
/* A block of more agencies than FULL_MAX is summarised: its distribution, the EDGE first
 * and last, and the NEAR either side of the analysed agency (the workbook and the CSV
 * keep every row): a national run stays a page, not a 360 000-pixel chart. */
#define FULL_MAX 300
#define EDGE 20
#define NEAR 10

static const char css[] =
	"@page{size:A4;margin:12mm}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{font-family:\"DejaVu Sans\",\"Noto Sans\",\"Liberation Sans\",Arial,sans-serif;"
	"font-size:10pt;line-height:1.35;color:#1a1a1a;background:#fff;max-width:1100px;"
	"margin:0 auto;padding:16px}\n"
	"h1{font-size:15pt;margin:0 0 4px}\n"
	".report-title{font-weight:600;font-size:11pt;margin:0 0 2px}\n"
	"h2{font-size:13pt;margin:22px 0 6px;padding-bottom:2px;border-bottom:2px solid #3465a4;"
	"break-after:avoid}\n"
	"h3{font-size:11pt;margin:14px 0 4px;break-after:avoid}\n"
	"p{margin:4px 0}\n"
	".meta,.note{color:#555}\n"
	"nav ul{margin:4px 0;padding-left:18px}\n"
	"table{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:8.5pt}\n"
	/* words break only where they cannot fit whole: no date or header cut mid-word */
	"th,td{border:1px solid #c8c8c8;padding:2px 4px;vertical-align:top;text-align:left;"
	"overflow-wrap:break-word;hyphens:manual}\n"
	"td.name{min-width:10em}td.when,.nw{white-space:nowrap}\n"
	"th{background:#eef2f7;font-weight:600}\n"
	"th.n,td.n,th.num,td.num{text-align:right}td.n,td.num{white-space:nowrap}\n"
	"td.id{white-space:nowrap}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid}\n"
	"tr.mark td{font-weight:700;background:#fff4c2}\n"
	"tr.sub td{background:#f2f2f2;font-weight:700}\n"
	"tr.target td{background:#eaf4ea}\n"
	"tr.skip td{text-align:center;color:#555;font-style:italic}\n"
	".band{display:inline-block;padding:0 5px;border-radius:3px;white-space:nowrap}\n"
	".band0{background:#b8e0b9}.band1{background:#dff0c4}.band2{background:#fff0b3}"
	".band3{background:#fdd5c0}.band4{background:#f6b8b2}.band5{background:#e6e6e6}\n"
	"table.heat td.hm{text-align:center;white-space:nowrap}\n"
	"table.heat th.g{text-align:center}\n"
	".sw{display:inline-block;min-width:3em;text-align:center;padding:0 3px;margin-right:2px}\n"
	".dot{display:inline-block;width:10px;height:10px;margin-right:4px}\n"
	".meter{display:inline-block;height:8px;background:#3465a4;vertical-align:middle}\n"
	"figure{margin:8px 0 12px;break-inside:avoid}\n"
	"figcaption{font-weight:600;margin-bottom:2px}\n"
	"svg.chart{display:block;width:100%;max-width:720px;height:auto}\n"
	"svg text{font-family:inherit;fill:#1a1a1a}\n"
	"th.sortable{cursor:pointer}\n"
	/* in print a heading keeps room for what follows it: never alone at a page's foot */
	"@media print{body{padding:0;max-width:none;font-size:9pt}nav{display:none}"
	"h2{break-before:auto}h2,h3,figcaption{break-inside:avoid;break-after:avoid}"
	"h2::after,h3::after{content:\"\";display:block;height:30mm;margin-bottom:-30mm}"
	"td.name{min-width:11em}}\n";

/* Sort a table by a clicked header: numbers by data-v, text in the page's language.
 * No '<' or '&' so it reads the same as HTML script text and as XML CDATA. */
static const char sort_script[] =
	"//<![CDATA[\n"
	"document.querySelectorAll('table.sortable th').forEach(function (th) {\n"
	"  th.classList.add('sortable');\n"
	"  th.addEventListener('click', function () {\n"
	"    var i = th.cellIndex, tb = th.closest('table').tBodies[0];\n"
	"    var dir = th.dataset.dir = th.dataset.dir === 'a' ? 'd' : 'a';\n"
	"    var rows = Array.prototype.slice.call(tb.rows);\n"
	"    rows.sort(function (a, b) {\n"
	"      var x = a.cells[i], y = b.cells[i], c;\n"
	"      if (x.dataset.v !== undefined) c = Number(x.dataset.v) - Number(y.dataset.v);\n"
	"      else c = x.textContent.localeCompare(y.textContent, document.documentElement.lang);\n"
	"      return dir === 'a' ? c : -c;\n"
	"    });\n"
	"    rows.forEach(function (r) { tb.appendChild(r); });\n"
	"  });\n"
	"});\n"
	"//]]>\n";

/* Statistics are doubles for display, shown as points rounded half away from zero. */
static void td_stat(html_page *p, double x)
{
	char t[CCHC_FMT_SIZE];
	cchc_points v = (cchc_points)(x * 100.0 + (x >= 0 ? 0.5 : -0.5));
	cchc_fmt_points(t, v, p->L);
	hp_td_num(p, t, v);
}

static void band_badge(html_page *p, const cchc_score *s)
{
	cchc_buf_printf(p->out, "<span class=\"band band%d\">", cchc_html_band_class(s->set, s->band));
	hp_text(p, s->band ? s->band->label : cchc_str(CCHC_STR_NO_BAND, p->L));
	hp_put(p, "</span>");
}

static int shown_group(const cchc_node *g)
{
	return g->kind == CCHC_GROUP_SCORED || g->kind == CCHC_GROUP_SURVEY;
}

static size_t shown_count(const cchc_node *const *groups, size_t ng)
{
	size_t n = 0;
	for (size_t g = 0; g < ng; g++)
		n += (size_t)shown_group(groups[g]);
	return n;
}

/* ---- province view ---- */

/* A block is headed by its criteria set's title, never by an id. */
static void block_header(html_page *p, const cchc_block *b, size_t k)
{
	const cchc_criteria *set = b->set;
	cchc_buf_printf(p->out, "<section id=\"block-%zu\" class=\"block\">\n<h2>", k + 1);
	hp_text(p, cchc_criteria_title(set));
	cchc_buf_printf(p->out, "</h2>\n<p class=\"meta\">%s %d \xC2\xB7 %zu ",
	                cchc_str(CCHC_STR_YEAR, p->L), cchc_criteria_year(set), b->n);
	hp_text(p, cchc_str_agencies(b->n, p->L));
	hp_put(p, "</p>\n");
}

static int summarised(const cchc_block *b)
{
	return b->n > FULL_MAX;
}

/* Whether row i of a block is on the page. */
static int shown_row(const html_page *p, const cchc_block *b, size_t i)
{
	if (!summarised(b) || i < EDGE || i + EDGE >= b->n)
		return 1;
	if (p->gap && p->gap->block == b) {
		const size_t m = (size_t)(p->gap->entry - b->entries);
		return i + NEAR >= m && i <= m + NEAR;
	}
	return 0;
}

/* Rows from i that are not shown, as one "… 1 234 cơ quan …" row; @return the next shown. */
static size_t skip_rows(html_page *p, const cchc_block *b, size_t i, int cols)
{
	size_t j = i;
	while (j < b->n && !shown_row(p, b, j))
		j++;
	char n[24];
	snprintf(n, sizeof n, "%zu", j - i);
	const char *args[] = {n};
	cchc_buf_printf(p->out, "<tr class=\"skip\"><td colspan=\"%d\">", cols);
	hp_fill(p, CCHC_STR_HTML_SKIPPED, args, 1);
	hp_put(p, "</td></tr>\n");
	return j;
}

static void ranking_row(html_page *p, const cchc_rank_entry *e)
{
	const cchc_score *s = e->score;
	char v[2][CCHC_FMT_SIZE], rank[48];
	int mark = p->gap && p->gap->entry == e;
	hp_put(p, mark ? "<tr class=\"mark\">" : "<tr>");
	snprintf(rank, sizeof rank, "%zu/%zu", e->rank, e->of);
	hp_td_num(p, rank, (long long)e->rank);
	hp_td_name(p, cchc_html_agency_name(s));
	cchc_fmt_points(v[0], s->total, p->L);
	cchc_fmt_points_short(v[1], s->max, p->L);
	cchc_buf_printf(p->out, "<td class=\"n\" data-v=\"%lld\">%s/%s</td>", (long long)s->total,
	                v[0], v[1]);
	cchc_fmt_percent(v[0], s->index, p->L);
	cchc_buf_printf(p->out, "<td class=\"n\" data-v=\"%lld\">%s %%</td>", (long long)s->index,
	                v[0]);
	cchc_buf_printf(p->out, "<td data-v=\"%lld\">", (long long)s->index);
	band_badge(p, s);
	hp_put(p, "</td>");
	hp_td_points(p, e->gap_top);
	hp_td_points(p, e->gap_bottom);
	hp_td_points(p, e->gap_above);
	if (s->has_self) {
		hp_td_points(p, s->self_total);
		cchc_fmt_points_signed(v[0], e->self_deviation, p->L);
		hp_td_num(p, v[0], e->self_deviation);
	} else {
		hp_put(p, "<td class=\"n\" data-v=\"0\">" DASH "</td><td class=\"n\" data-v=\"0\">" DASH
		       "</td>");
	}
	hp_put(p, "</tr>\n");
}

static void ranking_table(html_page *p, const cchc_block *b)
{
	static const cchc_str_id heads[] = {
		CCHC_STR_RANK,    CCHC_STR_AGENCY,     CCHC_STR_TOTAL,     CCHC_STR_INDEX,
		CCHC_STR_BAND,    CCHC_STR_GAP_TOP,    CCHC_STR_GAP_BOTTOM, CCHC_STR_GAP_ABOVE,
		CCHC_STR_SELF,    CCHC_STR_DEVIATION};
	hp_put(p, "<h3>");
	hp_str(p, CCHC_STR_RANK_TITLE);
	hp_put(p, "</h3>\n<table class=\"ranking sortable\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "nlnnlnnnnn");
	for (size_t i = 0; i < b->n; i++) {
		if (!shown_row(p, b, i) && (i = skip_rows(p, b, i, 10)) >= b->n)
			break;
		ranking_row(p, &b->entries[i]);
	}
	hp_put(p, "</tbody>\n</table>\n<p class=\"note legend\">");
	hp_str(p, CCHC_STR_HTML_RANK_LEGEND);
	if (p->gap && p->gap->block == b) {
		const char *args[] = {cchc_html_agency_name(p->gap->entry->score)};
		hp_put(p, " ");
		hp_fill(p, CCHC_STR_HTML_MARK_LEGEND, args, 1);
	}
	hp_put(p, "</p>\n");
}

static void totals_figure(html_page *p, const cchc_block *b)
{
	const cchc_rank_entry *mark = p->gap && p->gap->block == b ? p->gap->entry : NULL;
	hp_put(p, "<figure>\n<figcaption>");
	hp_str(p, summarised(b) ? CCHC_STR_HTML_CHART_DISTRIBUTION : CCHC_STR_HTML_CHART_TOTALS);
	hp_put(p, "</figcaption>\n");
	if (summarised(b)) {
		if (cchc_html_chart_distribution(p->out, b, mark, p->L) < 0)
			p->err = 1;
	} else {
		cchc_html_chart_totals(p->out, b, mark, p->L);
	}
	hp_put(p, "</figure>\n");
}

/* What a summarised block shows, and where the rest is. */
static void summary_note(html_page *p, const cchc_block *b)
{
	if (!summarised(b))
		return;
	char n[24], edge[24];
	snprintf(n, sizeof n, "%zu", b->n);
	snprintf(edge, sizeof edge, "%d", EDGE);
	const char *args[] = {n, edge};
	hp_put(p, "<p class=\"note summary\">");
	hp_fill(p, CCHC_STR_HTML_SUMMARISED, args, 2);
	if (p->gap && p->gap->block == b) {
		const char *near[] = {cchc_html_agency_name(p->gap->entry->score)};
		hp_put(p, " ");
		hp_fill(p, CCHC_STR_HTML_SUMMARISED_NEAR, near, 1);
	}
	hp_put(p, "</p>\n");
}

static void heat_head(html_page *p, const cchc_node *const *groups, size_t ng)
{
	hp_put(p, "<thead><tr><th class=\"n\">");
	hp_str(p, CCHC_STR_RANK);
	hp_put(p, "</th><th>");
	hp_str(p, CCHC_STR_AGENCY);
	hp_put(p, "</th>");
	for (size_t g = 0; g < ng; g++) {
		if (!shown_group(groups[g]))
			continue;
		char m[CCHC_FMT_SIZE];
		cchc_fmt_points_short(m, groups[g]->max, p->L);
		hp_put(p, "<th class=\"g\" title=\"");
		hp_text(p, groups[g]->title);
		hp_put(p, "\">");
		hp_text(p, groups[g]->id);
		cchc_buf_printf(p->out, " <span class=\"note\">(%s)</span></th>", m);
	}
	hp_put(p, "</tr></thead>\n<tbody>\n");
}

static void heat_cell(html_page *p, const cchc_node_score *ns)
{
	if (ns->excluded || ns->max <= 0) {
		hp_put(p, "<td class=\"hm na\" data-v=\"-1\">" DASH "</td>");
		return;
	}
	char colour[8], v[CCHC_FMT_SIZE];
	long share = cchc_html_share_tenths(ns->points, ns->max);
	cchc_html_heat_colour(colour, share);
	cchc_html_fmt_tenths(v, share, p->L);
	cchc_buf_printf(p->out, "<td class=\"hm\" style=\"background:%s\" data-v=\"%ld\">%s</td>",
	                colour, share, v);
}

static void heat_legend(html_page *p, const cchc_node *const *groups, size_t ng)
{
	hp_put(p, "<p class=\"note\">");
	hp_str(p, CCHC_STR_HTML_HEAT_SCALE);
	hp_put(p, ": ");
	for (long t = 0; t <= 1000; t += 250) {
		char colour[8];
		cchc_html_heat_colour(colour, t);
		cchc_buf_printf(p->out, "<span class=\"sw\" style=\"background:%s\">%ld</span>", colour,
		                t / 10);
	}
	hp_put(p, "</p>\n<p class=\"note\">");
	for (size_t g = 0, first = 1; g < ng; g++) {
		if (!shown_group(groups[g]))
			continue;
		hp_put(p, first ? "" : " \xC2\xB7 ");
		hp_text(p, groups[g]->id);
		hp_put(p, ". ");
		hp_text(p, groups[g]->title);
		first = 0;
	}
	hp_put(p, "</p>\n");
}

/* Agencies × groups: the heat map of group points, or the component-index ranks
 * (thứ hạng chỉ số thành phần: each agency's rank in each group). */
static void group_table(html_page *p, const cchc_block *b, cchc_str_id title, const char *cls,
                        int ranks)
{
	size_t ng;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ng);
	hp_put(p, "<h3>");
	hp_str(p, title);
	hp_put(p, "</h3>\n<table class=\"");
	hp_put(p, cls);
	hp_put(p, " sortable\">\n");
	heat_head(p, groups, ng);
	for (size_t i = 0; i < b->n; i++) {
		if (!shown_row(p, b, i) && (i = skip_rows(p, b, i, (int)shown_count(groups, ng) + 2)) >= b->n)
			break;
		const cchc_rank_entry *e = &b->entries[i];
		char rank[24];
		hp_put(p, p->gap && p->gap->entry == e ? "<tr class=\"mark\">" : "<tr>");
		snprintf(rank, sizeof rank, "%zu", e->rank);
		hp_td_num(p, rank, (long long)e->rank);
		hp_td_name(p, cchc_html_agency_name(e->score));
		for (size_t g = 0; g < ng; g++) {
			if (!shown_group(groups[g]))
				continue;
			if (!ranks) {
				heat_cell(p, cchc_score_node(e->score, groups[g]));
				continue;
			}
			snprintf(rank, sizeof rank, "%zu", e->group_ranks[g]);
			hp_td_num(p, rank, (long long)e->group_ranks[g]);
		}
		hp_put(p, "</tr>\n");
	}
	hp_put(p, "</tbody>\n</table>\n");
	if (!ranks)
		heat_legend(p, groups, ng);
}

static void heat_map(html_page *p, const cchc_block *b)
{
	group_table(p, b, CCHC_STR_HTML_HEATMAP, "heat", 0);
}

static void group_ranks(html_page *p, const cchc_block *b)
{
	group_table(p, b, CCHC_STR_GROUP_RANKS, "group-ranks", 1);
}

static void stats_table(html_page *p, const cchc_block *b)
{
	static const cchc_str_id heads[] = {CCHC_STR_GROUP,  CCHC_STR_MAX,    CCHC_STR_MEAN,
	                                    CCHC_STR_MEDIAN, CCHC_STR_SD,     CCHC_STR_LOWEST,
	                                    CCHC_STR_HIGHEST, CCHC_STR_SHARE_FULL};
	size_t ng;
	const cchc_node *const *groups = cchc_criteria_groups(b->set, &ng);
	hp_put(p, "<h3>");
	hp_str(p, CCHC_STR_STATS);
	hp_put(p, "</h3>\n<table class=\"stats\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "lnnnnnnn");
	for (size_t g = 0; g <= ng; g++) {
		const cchc_node *n = g < ng ? groups[g] : NULL;
		const cchc_stat *st = n ? &b->nodes[n->index] : &b->total;
		char m[CCHC_FMT_SIZE];
		hp_put(p, "<tr><td>");
		if (n) {
			hp_text(p, n->id);
			hp_put(p, ". ");
			hp_text(p, n->title);
		} else {
			hp_str(p, CCHC_STR_TOTAL);
		}
		hp_put(p, "</td>");
		cchc_fmt_points_short(m, n ? (n->kind == CCHC_GROUP_PENALTY ? n->min : n->max)
		                           : cchc_criteria_max(b->set), p->L);
		cchc_buf_printf(p->out, "<td class=\"n\">%s</td>", m);
		const double xs[] = {st->mean, st->median, st->sd, st->min, st->max};
		for (size_t i = 0; i < sizeof xs / sizeof *xs; i++)
			td_stat(p, xs[i]);
		if (n && n->kind != CCHC_GROUP_PENALTY) {
			cchc_fmt_percent(m, (int64_t)(st->share_full * 10000.0 + 0.5), p->L);
			cchc_buf_printf(p->out, "<td class=\"n\">%s %%</td>", m);
		} else {
			hp_put(p, "<td></td>");
		}
		hp_put(p, "</tr>\n");
	}
	hp_put(p, "</tbody>\n</table>\n");
}

static void most_lost_table(html_page *p, const cchc_block *b)
{
	static const cchc_str_id heads[] = {CCHC_STR_CRITERION, CCHC_STR_HTML_CONTENT,
	                                    CCHC_STR_AGENCIES_LOSING, CCHC_STR_MEAN,
	                                    CCHC_STR_POINTS_LOST};
	if (b->nmost_lost == 0)
		return;
	hp_put(p, "<h3>");
	hp_str(p, CCHC_STR_MOST_LOST);
	hp_put(p, "</h3>\n<table class=\"most-lost sortable\">\n");
	hp_head_row(p, heads, sizeof heads / sizeof *heads, "llnnn");
	for (size_t i = 0; i < b->nmost_lost && i < MOST_LOST_ROWS; i++) {
		const cchc_node *n = b->most_lost[i];
		const cchc_stat *st = &b->nodes[n->index];
		char v[2][CCHC_FMT_SIZE];
		hp_put(p, "<tr>");
		hp_td_id(p, n->id);
		hp_td(p, n->title);
		cchc_buf_printf(p->out, "<td class=\"n\" data-v=\"%zu\">%zu/%zu</td>", st->below_max,
		                st->below_max, st->n);
		cchc_fmt_points(v[0], (cchc_points)(st->mean * 100.0 + 0.5), p->L);
		cchc_fmt_points_short(v[1], n->max, p->L);
		cchc_buf_printf(p->out, "<td class=\"n\" data-v=\"%lld\">%s/%s</td>",
		                (long long)(st->mean * 100.0 + 0.5), v[0], v[1]);
		hp_td_points(p, st->points_lost);
		hp_put(p, "</tr>\n");
	}
	hp_put(p, "</tbody>\n</table>\n");
}

static void block_section(html_page *p, const cchc_block *b, size_t k)
{
	block_header(p, b, k);
	summary_note(p, b);
	ranking_table(p, b);
	totals_figure(p, b);
	heat_map(p, b);
	group_ranks(p, b);
	stats_table(p, b);
	most_lost_table(p, b);
	hp_put(p, "</section>\n");
}

/* ---- document ---- */

static void title_text(html_page *p)
{
	hp_str(p, CCHC_STR_RANK_TITLE);
	if (p->gap) {
		hp_put(p, " \xE2\x80\x94 ");
		hp_text(p, cchc_html_agency_name(p->gap->entry->score));
	}
}

static void document_head(html_page *p)
{
	hp_put(p, "<!DOCTYPE html>\n");
	cchc_buf_printf(p->out, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n",
	                p->L == CCHC_LANG_EN ? "en" : "vi");
	hp_put(p, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	       "<meta name=\"generator\" content=\"cchc\"/>\n<title>");
	if (p->title && *p->title) {
		hp_text(p, p->title);
		hp_put(p, " \xE2\x80\x94 ");
	}
	title_text(p);
	hp_put(p, "</title>\n<style>\n");
	hp_put(p, css);
	hp_put(p, cchc_svg_css);
	hp_put(p, "</style>\n</head>\n<body>\n<header>\n");
	if (p->title && *p->title) {
		hp_put(p, "<p class=\"report-title\">");
		hp_text(p, p->title);
		hp_put(p, "</p>\n");
	}
	hp_put(p, "<h1>");
	title_text(p);
	hp_put(p, "</h1>\n</header>\n");
}

static void contents(html_page *p, const cchc_ranking *r)
{
	hp_put(p, "<nav>\n<ul>\n");
	for (size_t k = 0; k < r->nblocks; k++) {
		cchc_buf_printf(p->out, "<li><a href=\"#block-%zu\">", k + 1);
		hp_text(p, cchc_criteria_title(r->blocks[k].set));
		hp_put(p, "</a></li>\n");
	}
	if (p->gap) {
		hp_put(p, "<li><a href=\"#agency\">");
		hp_str(p, CCHC_STR_GAP_TITLE);
		hp_put(p, "</a></li>\n");
	}
	hp_put(p, "</ul>\n</nav>\n");
}

int cchc_render_html(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                     const cchc_robust *robust, cchc_lang lang)
{
	const cchc_report_options o = {lang, NULL, NULL};
	return cchc_render_html_opts(out, r, gap, robust, &o);
}

int cchc_render_html_opts(cchc_buf *out, const cchc_ranking *r, const cchc_gap *gap,
                          const cchc_robust *robust, const cchc_report_options *o)
{
	const cchc_lang lang = o ? o->lang : CCHC_LANG_VI;
	html_page p = {out, lang, gap, 0, o ? o->title : NULL, o ? o->evidence_prefix : NULL};
	document_head(&p);
	hp_put(&p, "<main>\n");
	contents(&p, r);
	for (size_t k = 0; k < r->nblocks; k++)
		block_section(&p, &r->blocks[k], k);
	if (gap)
		cchc_html_agency_section(&p);
	if (robust && cchc_render_robust_html(out, robust, lang) < 0)
		p.err = 1;
	hp_put(&p, "</main>\n<script id=\"cchc-sort\">\n");
	hp_put(&p, sort_script);
	hp_put(&p, "</script>\n</body>\n</html>\n");
	return out->failed || p.err ? -1 : 0;
}
