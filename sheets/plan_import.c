/* Reading a filled plan workbook: the plan's XML from the hidden "cchc" sheet,
 * each task's progress from its row (found by its Mã), its columns by their header
 * text (moved, inserted and extra columns read the same), checked cell by cell;
 * the plan comes back as its own XML with each <status> replaced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "import_priv.h"
#include "plan_book.h"
#include "xml_priv.h"

#define FOLD 64

typedef struct {
	int seen;
	uint32_t row;
	cchc_plan_state state;
	int has_date;
	cchc_date date;
	char *note; /* owned; NULL: none */
} pb_progress;

/* The progress sheet as read: its columns found by their header text. */
typedef struct {
	const cchc_sheet *s;
	const char *name;            /* kept by the importer */
	uint32_t header;             /* the header row */
	uint32_t col[PB_NCOLS + 1];  /* by PB_*: 1-based column, 0 absent */
} pb_sheet;

static const char *text_at(const cchc_sheet *s, uint32_t row, uint32_t col)
{
	const cchc_cell *c = cchc_sheet_cell(s, row, col);
	return c ? c->text : "";
}

static int blank(const cchc_cell *c)
{
	if (!c || c->type == CCHC_CELL_BLANK)
		return 1;
	return c->type == CCHC_CELL_TEXT && c->text[strspn(c->text, " \t\r\n")] == '\0';
}

/* The key's value in the "cchc" sheet (the first row with it), or NULL. */
static const char *meta(const cchc_sheet *m, const char *key)
{
	for (uint32_t r = 1; r <= cchc_sheet_rows(m); r++)
		if (strcmp(text_at(m, r, 1), key) == 0)
			return text_at(m, r, 2);
	return NULL;
}

/* The plan's XML, its pieces joined in row order. */
static int carried_xml(cchc_buf *b, const cchc_sheet *m)
{
	for (uint32_t r = 1; r <= cchc_sheet_rows(m); r++)
		if (strcmp(text_at(m, r, 1), "plan.xml") == 0)
			cchc_buf_puts(b, text_at(m, r, 2));
	return b->failed ? -1 : 0;
}

/* Opens the workbook and its "cchc" sheet; 1 a plan workbook, 0 another, -1 unreadable. */
static int open_plan_book(cchc_xlsx **x, cchc_sheet **m, const char *path, int english, cchc_diag *diag)
{
	return imp_open_kind(x, m, path, english, "plan", diag);
}

int cchc_plan_workbook_sniff(const char *path)
{
	return imp_is_kind(path, "plan");
}

/* One row's progress into p; every bad cell reported. */
static void read_row(importer *im, const cchc_xlsx *x, const pb_sheet *ps, uint32_t row, const cchc_plan *plan,
                     const cchc_plan_task *t, pb_progress *p)
{
	const pb_words *w = pb_words_for(im->english);
	const cchc_sheet *s = ps->s;
	const cchc_cell *done = cchc_sheet_cell(s, row, ps->col[PB_DONE]), *day = cchc_sheet_cell(s, row, ps->col[PB_DATE]);
	const cchc_cell *note = cchc_sheet_cell(s, row, ps->col[PB_NOTE]), *met = cchc_sheet_cell(s, row, ps->col[PB_MET]);
	imp_loc at = {ps->name, row, ps->col[PB_DONE]};
	char ref[16], folded[FOLD];
	int bad = 0; /* the Done cell is unreadable: what the date says of it is moot */
	p->state = CCHC_PLAN_STATE_OPEN;
	cchc_text_fold(folded, sizeof folded, done ? done->text : "");
	if (blank(done))
		p->state = CCHC_PLAN_STATE_OPEN;
	else if (strcmp(folded, "huy") == 0 || strcmp(folded, "huy bo") == 0 || strcmp(folded, "da huy") == 0 ||
	         strcmp(folded, "cancelled") == 0 || strcmp(folded, "canceled") == 0)
		p->state = CCHC_PLAN_STATE_CANCELLED;
	else if (cchc_cell_yesno(done) == 1)
		p->state = CCHC_PLAN_STATE_DONE;
	else if (cchc_cell_yesno(done) != 0) {
		bad = 1;
		IMP_SAY(im, at, "\"%s\" không phải câu trả lời: ghi %s, %s hoặc %s",
		        "\"%s\" is not an answer: write %s, %s or %s",
		        done->text, w->yes, w->no, w->cancelled);
	}
	at.col = ps->col[PB_DATE];
	if (!blank(day)) {
		cchc_num_status st = cchc_cell_date(day, cchc_xlsx_date1904(x), &p->date);
		if (st != CCHC_NUM_OK)
			IMP_SAY(im, at, "\"%s\" không phải ngày: ghi ngày/tháng/năm, ví dụ 15/01/%d",
			        "\"%s\" is not a date: write day/month/year, like 15/01/%d", day->text, plan->year);
		else if (p->state == CCHC_PLAN_STATE_OPEN && !bad)
			IMP_SAY(im, at, "có ngày hoàn thành mà nhiệm vụ chưa ghi %s: ghi %s vào %s hoặc xóa ngày",
			        "a date done, but the task does not say %s: write %s in %s or clear the date", w->yes, w->yes,
			        cchc_cell_ref(ref, row, ps->col[PB_DONE]));
		else if (plan->has_issued && p->date < plan->issued) {
			int y, mo, d, iy, im_, id;
			cchc_date_split(p->date, &y, &mo, &d);
			cchc_date_split(plan->issued, &iy, &im_, &id);
			IMP_SAY(im, at, "ngày %02d/%02d/%04d trước ngày ban hành kế hoạch %02d/%02d/%04d: kiểm tra lại ngày",
			        "%02d/%02d/%04d is before the plan was issued on %02d/%02d/%04d: check the date", d, mo, y, id,
			        im_, iy);
		}
		else
			p->has_date = 1;
	} else if (p->state == CCHC_PLAN_STATE_DONE) {
		IMP_SAY(im, at, "nhiệm vụ %s đã hoàn thành nhưng thiếu ngày hoàn thành: ghi ngày, ví dụ 15/01/%d",
		        "task %s is done but has no date: write the day it was done, like 15/01/%d", t->id, plan->year);
	}
	at.col = ps->col[PB_MET];
	int yes_met = blank(met) ? -1 : cchc_cell_yesno(met);
	if (!blank(met) && yes_met < 0)
		IMP_SAY(im, at, "\"%s\" không phải câu trả lời: ghi %s hoặc %s", "\"%s\" is not an answer: write %s or %s",
		        met->text, w->yes, w->no);
	else if (yes_met >= 0 && t->ntargets == 0)
		IMP_SAY(im, at, "nhiệm vụ %s không có chỉ tiêu: để trống ô này",
		        "task %s has no target: leave this cell blank",
		        t->id);
	cchc_buf b;
	cchc_buf_init(&b, 0);
	if (!blank(note))
		cchc_buf_puts(&b, note->text + strspn(note->text, " \t\r\n"));
	while (b.len && strchr(" \t\r\n", b.data[b.len - 1]))
		b.data[--b.len] = '\0';
	if (yes_met >= 0 && t->ntargets)
		cchc_buf_printf(&b, "%s%s", b.len ? " " : "", yes_met ? w->met : w->not_met);
	p->note = b.len && !b.failed ? b.data : NULL;
	if (!p->note)
		cchc_buf_dispose(&b);
}

/* The header row: the first of the first 30 with a Mã (Id) cell; each column found there by its
 * header text in either language, case, diacritics and spacing ignored. 0: no such row. */
static uint32_t find_columns(pb_sheet *ps)
{
	char vi[PB_NCOLS][FOLD], en[PB_NCOLS][FOLD], f[FOLD];
	for (int c = 0; c < PB_NCOLS; c++) {
		cchc_text_fold(vi[c], FOLD, pb_words_for(0)->headers[c]);
		cchc_text_fold(en[c], FOLD, pb_words_for(1)->headers[c]);
	}
	size_t n;
	const cchc_cell *cells = cchc_sheet_cells(ps->s, &n);
	uint32_t row = 0;
	for (size_t i = 0; i < n && cells[i].row <= 30; i++) {
		if (cells[i].row != row) { /* cells come row by row */
			if (ps->col[PB_ID])
				break;
			memset(ps->col, 0, sizeof ps->col);
			row = cells[i].row;
		}
		cchc_text_fold(f, FOLD, cells[i].text);
		for (int c = 0; c < PB_NCOLS; c++)
			if (!ps->col[c + 1] && (strcmp(f, vi[c]) == 0 || strcmp(f, en[c]) == 0)) {
				ps->col[c + 1] = cells[i].col;
				break;
			}
	}
	if (!ps->col[PB_ID])
		memset(ps->col, 0, sizeof ps->col);
	return ps->header = ps->col[PB_ID] ? row : 0;
}

/* The header holds every column the import reads; each one missing is reported at the Mã cell. */
static int required_columns(importer *im, const pb_sheet *ps)
{
	static const int need[] = {PB_DONE, PB_DATE, PB_NOTE, PB_MET};
	const pb_words *w = pb_words_for(im->english);
	imp_loc at = {ps->name, ps->header, ps->col[PB_ID]};
	int ok = 1;
	if (!ps->header) {
		at.row = 0;
		IMP_SAY(im, at, "không tìm thấy dòng tiêu đề có cột \"%s\" trong 30 dòng đầu: giữ dòng tiêu đề của sổ",
		        "no header row with an \"%s\" column in the first 30 rows: keep the workbook's header row",
		        w->headers[PB_ID - 1]);
		return -1;
	}
	for (size_t k = 0; k < sizeof need / sizeof *need; k++)
		if (!ps->col[need[k]]) {
			IMP_SAY(im, at, "dòng tiêu đề thiếu cột \"%s\": thêm lại cột có đúng tiêu đề đó, hoặc tạo sổ mới "
			                "bằng cchc template --plan",
			        "the header row has no \"%s\" column: put the column back under that header, or write a "
			        "new workbook with cchc template --plan",
			        w->headers[need[k] - 1]);
			ok = 0;
		}
	return ok ? 0 : -1;
}

/* The task rows of the progress sheet; 0, or -1 after a reported problem. */
static int read_progress(importer *im, const cchc_xlsx *x, const cchc_sheet *m, const cchc_plan *plan,
                         pb_progress *prog)
{
	const char *name = meta(m, "sheet.plan");
	long si = cchc_xlsx_sheet_find(x, name && *name ? name : pb_words_for(0)->sheet);
	if (si < 0)
		si = cchc_xlsx_sheet_find(x, pb_words_for(1)->sheet);
	cchc_sheet *s = NULL;
	if (si < 0) {
		imp_loc at = {NULL, 0, 0};
		IMP_SAY(im, at, "thiếu trang \"%s\": dùng sổ do cchc template --plan tạo",
		        "the sheet \"%s\" is missing: use a workbook cchc template --plan wrote", pb_words_for(im->english)->sheet);
		return -1;
	}
	if (cchc_xlsx_sheet_load(&s, x, (size_t)si, im->diag) < 0)
		return -1;
	pb_sheet ps = {s, imp_keep_name(im, cchc_xlsx_sheet_name(x, (size_t)si)), 0, {0}};
	find_columns(&ps);
	int rc = required_columns(im, &ps);
	for (uint32_t r = ps.header + 1; rc == 0 && r <= cchc_sheet_rows(s); r++) {
		const char *id = text_at(s, r, ps.col[PB_ID]);
		for (size_t i = 0; *id && i < plan->ntasks; i++) {
			if (strcmp(plan->tasks[i].id, id) != 0)
				continue;
			if (prog[i].seen) {
				imp_loc at = {ps.name, r, ps.col[PB_ID]};
				IMP_SAY(im, at, "nhiệm vụ %s đã có ở dòng %lu: mỗi nhiệm vụ một dòng",
				        "task %s is already on row %lu: one row per task", id, (unsigned long)prog[i].row);
				break;
			}
			prog[i].seen = 1;
			prog[i].row = r;
			read_row(im, x, &ps, r, plan, &plan->tasks[i], &prog[i]);
			break;
		}
	}
	cchc_sheet_free(s);
	return rc;
}

static void set_date(xmlNodePtr st, const char *name, cchc_date d)
{
	int y, mo, da;
	char v[16];
	cchc_date_split(d, &y, &mo, &da);
	snprintf(v, sizeof v, "%04d-%02d-%02d", y, mo, da);
	xmlSetProp(st, (const xmlChar *)name, (const xmlChar *)v);
}

/* The plan's XML with each read task's <status> replaced (in place, or added last). */
static int rewrite(cchc_buf *out, const cchc_buf *xml, const char *path, const cchc_plan *plan,
                   const pb_progress *prog, cchc_diag *diag)
{
	xmlDocPtr doc = cchc_xml_parse(path, xml->data, xml->len, diag);
	if (!doc)
		return -1;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	static const char *const states[] = {"open", "done", "cancelled"};
	for (xmlNodePtr area = root ? root->children : NULL; area; area = area->next)
		for (xmlNodePtr task = area->children; area->type == XML_ELEMENT_NODE && task; task = task->next) {
			if (task->type != XML_ELEMENT_NODE || strcmp((const char *)task->name, "task") != 0)
				continue;
			xmlChar *id = xmlGetProp(task, (const xmlChar *)"id");
			size_t i = 0;
			while (id && i < plan->ntasks && strcmp(plan->tasks[i].id, (const char *)id) != 0)
				i++;
			xmlFree(id);
			if (i == plan->ntasks || !prog[i].seen)
				continue;
			xmlNodePtr st = xmlNewDocNode(doc, task->ns, (const xmlChar *)"status", NULL), last = NULL;
			xmlSetProp(st, (const xmlChar *)"state", (const xmlChar *)states[prog[i].state]);
			if (prog[i].has_date)
				set_date(st, "date", prog[i].date);
			if (prog[i].note)
				xmlSetProp(st, (const xmlChar *)"note", (const xmlChar *)prog[i].note);
			for (xmlNodePtr c = task->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
					last = c;
			if (last && strcmp((const char *)last->name, "status") == 0) {
				xmlReplaceNode(last, st);
				xmlFreeNode(last);
			} else if (last) {
				xmlAddNextSibling(last, st);
				xmlAddPrevSibling(st, xmlNewDocText(doc, (const xmlChar *)"\n      "));
			} else {
				xmlAddChild(task, st);
			}
		}
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	int rc = mem ? 0 : -1;
	if (mem)
		cchc_buf_append(out, (const char *)mem, (size_t)size);
	xmlFree(mem);
	xmlFreeDoc(doc);
	return rc < 0 || out->failed ? -1 : 0;
}

int cchc_plan_workbook_to_xml(cchc_buf *xml, const char *path, int english, cchc_diag *diag)
{
	importer im;
	memset(&im, 0, sizeof im);
	im.path = path;
	im.english = english;
	im.diag = diag;
	cchc_buf_init(&im.xml, 0);
	cchc_xlsx *x = NULL;
	cchc_sheet *m = NULL;
	cchc_plan *plan = NULL;
	pb_progress *prog = NULL;
	int rc = -1;
	int kind = open_plan_book(&x, &m, path, english, diag);
	if (kind == 0) {
		imp_loc at = {NULL, 0, 0};
		imp_say(&im, at, english ? "not a cchc plan workbook (the \"cchc\" sheet does not say kind plan): use a "
		                           "workbook cchc template --plan wrote"
		                         : "không phải sổ kế hoạch của cchc (trang \"cchc\" không ghi kind plan): dùng sổ do "
		                           "cchc template --plan tạo");
	}
	if (kind != 1)
		goto done;
	if (carried_xml(&im.xml, m) < 0 || cchc_plan_load_memory(&plan, im.xml.data ? im.xml.data : "", im.xml.len,
	                                                         path, diag) < 0)
		goto done;
	if (!(prog = calloc(plan->ntasks ? plan->ntasks : 1, sizeof *prog)))
		goto done;
	if (read_progress(&im, x, m, plan, prog) < 0 || im.errors)
		goto done;
	rc = rewrite(xml, &im.xml, path, plan, prog, diag);
done:
	for (size_t i = 0; prog && i < plan->ntasks; i++)
		free(prog[i].note);
	free(prog);
	cchc_plan_free(plan);
	cchc_sheet_free(m);
	cchc_xlsx_free(x);
	cchc_buf_dispose(&im.xml);
	for (size_t i = 0; i < im.nnames; i++)
		free(im.names[i]);
	if (rc < 0) {
		cchc_buf_dispose(xml);
		cchc_buf_init(xml, 0);
	}
	return rc;
}

int cchc_plan_workbook_load(cchc_plan **out, const char *path, int english, cchc_diag *diag)
{
	cchc_buf xml;
	cchc_buf_init(&xml, 0);
	*out = NULL;
	int rc = cchc_plan_workbook_to_xml(&xml, path, english, diag);
	if (rc == 0)
		rc = cchc_plan_load_memory(out, xml.data, xml.len, path, diag);
	cchc_buf_dispose(&xml);
	return rc;
}
