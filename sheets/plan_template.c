/* `cchc template --plan`: the plan's tasks as a workbook whose yellow cells
 * record progress (done, the day, a note, target met); the plan's own XML
 * rides along in the "cchc" sheet, veryHidden so that no menu unhides it for
 * editing, and the workbook alone is the plan. */
#define _POSIX_C_SOURCE 200809L /* open, fsync */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "cchc/report.h"
#include "cchc/workbook.h"
#include "book_write.h"
#include "plan_book.h"
#include "template_priv.h"

static const pb_words words_vi = {
	"Tiến độ",
	{"Mã", "Lĩnh vực", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn", "Chỉ tiêu", "Đã hoàn thành",
	 "Ngày hoàn thành", "Ghi chú", "Đạt chỉ tiêu"},
	"Có", "Không", "Hủy bỏ", "Đạt chỉ tiêu.", "Không đạt chỉ tiêu."};
static const pb_words words_en = {
	"Progress",
	{"Id", "Area", "Task", "Owner", "Support", "Deadline", "Target", "Done", "Date done", "Note",
	 "Target met"},
	"Yes", "No", "Cancelled", "Target met.", "Target not met."};

const pb_words *pb_words_for(int english)
{
	return english ? &words_en : &words_vi;
}

typedef struct {
	const cchc_plan *plan;
	const char *xml;
	size_t len;
	const pb_words *w;
	cchc_lang lang;
	int failed;
} pb_writer;

static void check(pb_writer *p, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		p->failed = 1;
}

static lxw_format *format(lxw_workbook *wb, int bold, int input, const char *num)
{
	return book_format(wb, bold, 1, num, input ? 0xFFF9DB : bold ? 0xD9E1F2 : 0, input);
}

static void write_date(pb_writer *p, lxw_worksheet *ws, uint32_t row, int col, cchc_date d,
                       lxw_format *f)
{
	lxw_datetime dt = {0};
	cchc_date_split(d, &dt.year, &dt.month, &dt.day);
	check(p, worksheet_write_datetime(ws, row, (lxw_col_t)col, &dt, f));
}

/* The targets as one text: "TTHC công khai ≥ 100 %". */
static void targets_text(cchc_buf *b, const cchc_plan_task *t, cchc_lang lang)
{
	for (size_t i = 0; i < t->ntargets; i++) {
		const cchc_plan_target *g = &t->targets[i];
		char v[CCHC_FMT_SIZE];
		cchc_buf_printf(b, "%s%s", i ? "; " : "", g->metric);
		if (g->has_min) {
			cchc_fmt_decimal(v, g->min, lang);
			cchc_buf_printf(b, " ≥ %s%s%s", v, g->unit ? " " : "", g->unit ? g->unit : "");
		}
		if (g->has_max) {
			cchc_fmt_decimal(v, g->max, lang);
			cchc_buf_printf(b, " ≤ %s%s%s", v, g->unit ? " " : "", g->unit ? g->unit : "");
		}
	}
}

/* The note without the sentence that records "target met", and that answer (-1: none). */
static int split_note(const char *note, char *out, size_t size)
{
	snprintf(out, size, "%s", note ? note : "");
	const pb_words *ws[2] = {&words_vi, &words_en};
	for (int k = 0; k < 2; k++) {
		const char *marks[2] = {ws[k]->not_met, ws[k]->met};
		for (int m = 0; m < 2; m++) {
			size_t n = strlen(out), ml = strlen(marks[m]);
			if (n >= ml && strcmp(out + n - ml, marks[m]) == 0 &&
			    (n == ml || out[n - ml - 1] == ' ')) {
				out[n - ml - (n > ml)] = '\0';
				return m;
			}
		}
	}
	return -1;
}

static void task_row(pb_writer *p, lxw_worksheet *ws, uint32_t row, const cchc_plan_task *t,
                     lxw_format *const f[4])
{
	lxw_format *text = f[0], *input = f[1], *date = f[2], *in_date = f[3];
	cchc_buf b;
	cchc_buf_init(&b, 0);
	check(p, worksheet_write_string(ws, row, PB_ID - 1, t->id, text));
	check(p, worksheet_write_string(ws, row, PB_AREA - 1, p->plan->areas[t->area].title, text));
	check(p, worksheet_write_string(ws, row, PB_TASK - 1, t->content, text));
	check(p, worksheet_write_string(ws, row, PB_OWNER - 1, t->owner ? t->owner : "", text));
	check(p, worksheet_write_string(ws, row, PB_SUPPORT - 1, t->support ? t->support : "", text));
	if (t->has_deadline || !t->when)
		write_date(p, ws, row, PB_DEADLINE - 1, t->deadline, date);
	else { /* the plan's wording, and the day it is judged by */
		int y, m, d;
		cchc_date_split(t->deadline, &y, &m, &d);
		cchc_buf_printf(&b, "%s (%02d/%02d/%04d)", t->when, d, m, y);
		check(p, worksheet_write_string(ws, row, PB_DEADLINE - 1, b.data ? b.data : "", text));
		b.len = 0;
	}
	targets_text(&b, t, p->lang);
	check(p, worksheet_write_string(ws, row, PB_TARGET - 1, b.len ? b.data : "", text));
	const char *state = t->state == CCHC_PLAN_STATE_DONE        ? p->w->yes
	                    : t->state == CCHC_PLAN_STATE_CANCELLED ? p->w->cancelled
	                                                            : "";
	check(p, worksheet_write_string(ws, row, PB_DONE - 1, state, input));
	if (t->has_state_date)
		write_date(p, ws, row, PB_DATE - 1, t->state_date, in_date);
	else
		check(p, worksheet_write_blank(ws, row, PB_DATE - 1, in_date));
	char note[2048];
	int met = split_note(t->note, note, sizeof note);
	check(p, worksheet_write_string(ws, row, PB_NOTE - 1, note, input));
	check(p, worksheet_write_string(ws, row, PB_MET - 1, met < 0 ? "" : met ? p->w->yes : p->w->no, input));
	if (b.failed)
		p->failed = 1;
	cchc_buf_dispose(&b);
}

static void progress_sheet(pb_writer *p, lxw_workbook *wb, lxw_worksheet *ws)
{
	const cchc_plan *plan = p->plan;
	lxw_format *title = format(wb, 0, 0, NULL);
	format_set_bold(title);
	format_set_border(title, LXW_BORDER_NONE);
	format_set_text_wrap(title);
	lxw_format *head = format(wb, 1, 0, NULL);
	lxw_format *f[4] = {format(wb, 0, 0, NULL), format(wb, 0, 1, NULL), format(wb, 0, 0, "dd/mm/yyyy"),
	                    format(wb, 0, 1, "dd/mm/yyyy")};
	static const double widths[PB_NCOLS] = {8, 22, 48, 20, 20, 12, 26, 13, 13, 30, 11};
	for (int c = 0; c < PB_NCOLS; c++)
		check(p, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
	check(p, worksheet_merge_range(ws, 0, 0, 0, PB_NCOLS - 1, plan->title, title));
	char line[1024];
	snprintf(line, sizeof line, "%s%s%s", plan->agency_name ? plan->agency_name : "",
	         plan->agency_name && plan->source ? " — " : "", plan->source ? plan->source : "");
	check(p, worksheet_merge_range(ws, 1, 0, 1, PB_NCOLS - 1, line, title));
	check(p, worksheet_set_row(ws, 1, 30, NULL));
	for (int c = 0; c < PB_NCOLS; c++)
		check(p, worksheet_write_string(ws, PB_HEADER_ROW - 1, (lxw_col_t)c, p->w->headers[c], head));
	uint32_t row = PB_HEADER_ROW;
	for (size_t i = 0; i < plan->ntasks; i++)
		task_row(p, ws, row++, &plan->tasks[i], f);
	if (plan->ntasks) {
		const char *done[] = {p->w->yes, p->w->no, p->w->cancelled, NULL};
		const char *met[] = {p->w->yes, p->w->no, NULL};
		lxw_data_validation v = {0};
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)done;
		check(p, worksheet_data_validation_range(ws, PB_HEADER_ROW, PB_DONE - 1, row - 1, PB_DONE - 1, &v));
		v.value_list = (char **)met;
		check(p, worksheet_data_validation_range(ws, PB_HEADER_ROW, PB_MET - 1, row - 1, PB_MET - 1, &v));
	}
	worksheet_freeze_panes(ws, PB_HEADER_ROW, 1);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	lxw_protection prot = {0};
	prot.format_columns = 1;
	prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
}

static void meta_row(pb_writer *p, lxw_worksheet *ws, uint32_t *row, const char *key, const char *value)
{
	check(p, worksheet_write_string(ws, *row, 0, key, NULL));
	check(p, worksheet_write_string(ws, *row, 1, value ? value : "", NULL));
	(*row)++;
}

/* The marker rows, then the plan's XML in pieces cut between UTF-8 characters. */
static void meta_sheet(pb_writer *p, lxw_worksheet *ws)
{
	uint32_t r = 0;
	char year[16];
	snprintf(year, sizeof year, "%d", p->plan->year);
	meta_row(p, ws, &r, "format", CCHC_WORKBOOK_FORMAT);
	meta_row(p, ws, &r, "kind", "plan");
	meta_row(p, ws, &r, "plan", p->plan->id);
	meta_row(p, ws, &r, "year", year);
	meta_row(p, ws, &r, "lang", p->lang == CCHC_LANG_EN ? "en" : "vi");
	meta_row(p, ws, &r, "sheet.plan", p->w->sheet);
	char piece[PB_CHUNK + 1];
	for (size_t at = 0; at < p->len;) {
		size_t n = p->len - at < PB_CHUNK ? p->len - at : PB_CHUNK;
		while (n < p->len - at && n > 0 && ((unsigned char)p->xml[at + n] & 0xC0) == 0x80)
			n--;
		memcpy(piece, p->xml + at, n);
		piece[n] = '\0';
		meta_row(p, ws, &r, "plan.xml", piece);
		at += n;
	}
	worksheet_hide(ws);
}

static int fill(int fd, const char *tmp, void *ctx)
{
	pb_writer *p = ctx;
	(void)fd;
	lxw_workbook_options wo = {0};
	wo.use_zip64 = LXW_FALSE;
	lxw_workbook *wb = workbook_new_opt(tmp, &wo);
	if (!wb)
		return -1;
	lxw_worksheet *ws = workbook_add_worksheet(wb, p->w->sheet);
	lxw_worksheet *meta = workbook_add_worksheet(wb, TPL_META_SHEET);
	if (!ws || !meta) {
		workbook_close(wb);
		return -1;
	}
	progress_sheet(p, wb, ws);
	meta_sheet(p, meta);
	worksheet_activate(ws);
	lxw_doc_properties props = {0};
	props.title = p->plan->title;
	const long long when = cchc_output_date(); /* reproducible, as the assessment template */
	props.created = (time_t)(when ? when : 1);
	check(p, workbook_set_properties(wb, &props));
	if (workbook_close(wb) != LXW_NO_ERROR || p->failed || tpl_very_hide_meta(tmp) < 0)
		return -1;
	return book_sync(tmp); /* libxlsxwriter wrote a new file at tmp */
}

/* The plan file's bytes, once the hardened loader has accepted it (a regular file, UTF-8). */
static char *read_plan(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	if (f && fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1)) != NULL &&
		    fread(data, 1, (size_t)n, f) != (size_t)n) {
			free(data);
			data = NULL;
		}
		*len = n >= 0 ? (size_t)n : 0;
	}
	if (f)
		fclose(f);
	return data;
}

int cchc_plan_template_write(const char *path, const char *plan_path, int english, cchc_diag *diag)
{
	size_t len = 0;
	char *xml = NULL;
	cchc_plan *plan = NULL;
	int rc = -1;
	if (cchc_plan_load(&plan, plan_path, diag) < 0)
		goto done;
	if (!(xml = read_plan(plan_path, &len))) {
		cchc_diag_addf(diag, plan_path, 0, "cannot read the plan: %s", strerror(errno));
		goto done;
	}
	pb_writer p = {plan, xml, len, pb_words_for(english), english ? CCHC_LANG_EN : CCHC_LANG_VI, 0};
	if (cchc_write_atomic(path, fill, &p) < 0) {
		cchc_diag_addf(diag, path, 0, "cannot write the workbook: %s", strerror(errno));
		goto done;
	}
	rc = 0;
done:
	cchc_plan_free(plan);
	free(xml);
	return rc;
}
