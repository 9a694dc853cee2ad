/* The parts every administrative document shares (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): the header table (cơ quan chủ quản and ban hành, quốc hiệu and
 * tiêu ngữ, số and ký hiệu, địa danh and date), the short rules, and nơi
 * nhận beside the signature. The plan and the province's report both use
 * them; a value not given is left as the blank an office fills by hand. */
#include <stdio.h>

#include "docx_priv.h"

static const char *or_blank(const char *s, const char *blank)
{
	return s && *s ? s : blank;
}

static const char *fill(dx_head *h, dx_str_id id, const char *const *args, size_t n)
{
	h->line->len = 0;
	dx_fill(h->line, id, h->d->L, args, n);
	return h->line->data ? h->line->data : "";
}

void dx_rule(dx *d, int width, int len)
{
	const dx_para r = {.rule = 1, .size = 4, .before = 40, .after = -1, .first_line = -1,
	                   .ind_left = (width - len) / 2, .ind_right = (width - len) / 2};
	dx_p_begin(d, &r);
	dx_p_end(d);
}

const char *dx_head_symbol(const dx_head *h)
{
	return h->info && h->info->symbol ? h->info->symbol : h->symbol;
}

const char *dx_head_number(const dx_head *h)
{
	return h->info && h->info->number ? h->info->number : DX_NUMBER_BLANK;
}

/* a little wider than the text, centred, so the quốc hiệu keeps to one line */
#define HEAD_LEFT DX_MM(74)
#define HEAD_RIGHT DX_MM(102)

static void date_text(dx_head *h, char *buf, size_t size)
{
	const cchc_docx_info *in = h->info;
	const char *place = or_blank(in ? in->place : NULL, DX_ELLIPSIS_BLANK);
	if (!in || !in->year) {
		const char *args[] = {place};
		snprintf(buf, size, "%s", fill(h, DX_NO_DATE, args, 1));
		return;
	}
	char d[16], m[16], y[16];
	snprintf(d, sizeof d, "%02d", in->day);
	snprintf(m, sizeof m, "%02d", in->month);
	snprintf(y, sizeof y, "%d", in->year);
	const char *args[] = {place, d, m, y};
	snprintf(buf, size, "%s", fill(h, DX_PLACE_DATE, args, 4));
}

void dx_header_table(dx_head *h)
{
	dx *d = h->d;
	const int widths[] = {HEAD_LEFT, HEAD_RIGHT};
	const dx_para parent = {.jc = "center", .size = 26, .caps = 1, .after = -1, .first_line = -1};
	const dx_para issuer = {.jc = "center", .size = 26, .bold = 1, .caps = 1, .after = -1,
	                        .first_line = -1};
	const dx_para nation = {.jc = "center", .size = 26, .bold = 1, .after = -1, .first_line = -1};
	const dx_para motto = {.jc = "center", .size = 28, .bold = 1, .after = -1, .first_line = -1};
	const dx_para number = {.jc = "center", .size = 26, .before = 120, .first_line = -1};
	const dx_para date = {.jc = "center", .size = 28, .italic = 1, .before = 120,
	                      .first_line = -1};
	const char *issuing = h->info && h->info->issuer ? h->info->issuer : h->issuer;
	char buf[1024];
	dx_tbl_begin(d, widths, 2, 0);
	dx_tr_begin(d, 0);
	dx_tc_begin(d, HEAD_LEFT, 1, 0);
	dx_para_text(d, &parent, or_blank(h->info ? h->info->parent : NULL, DX_ELLIPSIS_BLANK));
	dx_para_text(d, &issuer, issuing);
	dx_rule(d, HEAD_LEFT, DX_MM(25));
	dx_tc_end(d);
	dx_tc_begin(d, HEAD_RIGHT, 1, 0);
	dx_para_text(d, &nation, dx_str(DX_QUOC_HIEU, d->L));
	dx_para_text(d, &motto, dx_str(DX_TIEU_NGU, d->L));
	dx_rule(d, HEAD_RIGHT, DX_MM(58));
	dx_tc_end(d);
	dx_tr_end(d);
	dx_tr_begin(d, 0);
	dx_tc_begin(d, HEAD_LEFT, 1, 0);
	const char *args[] = {dx_head_number(h), dx_head_symbol(h)};
	snprintf(buf, sizeof buf, "%s", fill(h, DX_NUMBER, args, 2));
	dx_para_text(d, &number, buf);
	dx_tc_end(d);
	dx_tc_begin(d, HEAD_RIGHT, 1, 0);
	date_text(h, buf, sizeof buf);
	dx_para_text(d, &date, buf);
	dx_tc_end(d);
	dx_tr_end(d);
	dx_tbl_end(d);
}

/* Nơi nhận on the left, the signer on the right, as Phụ lục I lays them out. */
void dx_signature(dx_head *h)
{
	dx *d = h->d;
	const int w[] = {DX_MM(80), DX_TEXT_W - DX_MM(80)};
	const dx_para to = {.size = 24, .bold = 1, .italic = 1, .after = -1, .first_line = -1};
	const dx_para item = {.size = 22, .after = -1, .first_line = -1};
	const dx_para who = {.jc = "center", .bold = 1, .caps = 1, .after = -1, .first_line = -1};
	const dx_para name = {.jc = "center", .bold = 1, .after = -1, .first_line = -1};
	const cchc_docx_info *in = h->info;
	dx_para_text(d, &(dx_para){.after = -1, .keep_next = h->keep}, "");
	dx_tbl_begin(d, w, 2, 0);
	dx_tr_begin(d, 0);
	dx_tc_begin(d, w[0], 1, 0);
	dx_para_text(d, &to, dx_str(DX_RECIPIENTS, d->L));
	size_t n = in ? in->nrecipients : 0;
	for (size_t i = 0; i < (n ? n : 2); i++) {
		h->line->len = 0;
		cchc_buf_printf(h->line, "- %s%s", n ? in->recipients[i] : DX_ELLIPSIS_BLANK,
		                i + 1 < (n ? n : 2) ? ";" : ".");
		dx_para_text(d, &item, h->line->data);
	}
	dx_tc_end(d);
	dx_tc_begin(d, w[1], 1, 0);
	dx_para_text(d, &who, or_blank(in ? in->signer_title : NULL, DX_ELLIPSIS_BLANK));
	for (int i = 0; i < 4; i++)
		dx_para_text(d, &name, "");
	dx_para_text(d, &name, or_blank(in ? in->signer : NULL, ""));
	dx_tc_end(d);
	dx_tr_end(d);
	dx_tbl_end(d);
}

void dx_document_open(dx *d)
{
	static const char *const ns[] = {
		"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
		"xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
		"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
		"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main",
		"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"};
	dx_start(d, "w:document");
	for (size_t i = 0; i < sizeof ns / sizeof *ns; i += 2)
		dx_attr(d, ns[i], ns[i + 1]);
	dx_start(d, "w:body");
}
