/**
 * @file docx.h
 * The uplift plan, and the province's report (cchc_write_report_docx()), as
 * Word documents (.docx) in the format of Vietnamese
 * administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I), shaped like
 * plan 267/KH-SKHĐT: the header table, số and ký hiệu, địa danh and date, tên
 * loại and trích yếu, sections I–V, nơi nhận, the signature block and the
 * appendix task table. WordprocessingML written with libxml2's xmlTextWriter,
 * zipped with minizip (fixed timestamps: the same input gives the same bytes),
 * the charts as PNG pictures rendered from the report's own SVG (librsvg, cairo).
 *
 * Header values come from a small file (cchc_docx_info_load()) or one by one
 * (cchc_docx_info_set()); an absent value leaves the blank an office fills by
 * hand ("Số:      /KH-SKHĐT"), never invented text.
 */
#ifndef CCHC_DOCX_H
#define CCHC_DOCX_H

#include "cchc/diag.h"
#include "cchc/gap.h"
#include "cchc/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The document's header values (opaque). */
typedef struct cchc_docx_info cchc_docx_info;

/** An empty set of header values. @return 0, or -1 out of memory */
int cchc_docx_info_new(cchc_docx_info **out);

/** NULL-safe. */
void cchc_docx_info_free(cchc_docx_info *info);

/**
 * Set one value. Keys: parent (cơ quan chủ quản), issuer (cơ quan ban hành;
 * default the agency's name), number (số), symbol (ký hiệu, "KH-SKHĐT"),
 * place (địa danh), date (YYYY-MM-DD), signer-title ("GIÁM ĐỐC"), signer
 * (the name), recipient (nơi nhận, once per recipient, in order).
 * @param file, line where the value comes from, for the messages
 * @return 0, or -1 with the problem in diag (unknown key, key given twice,
 *         bad date, empty value, out of memory)
 */
int cchc_docx_info_set(cchc_docx_info *info, const char *key, const char *value,
                       const char *file, long line, cchc_diag *diag);

/**
 * Read "key = value" lines (UTF-8; '#' starts a comment line; blank lines
 * skipped) into info. Every problem is reported with the file and line.
 * @return 0, or -1 (see diag)
 */
int cchc_docx_info_load(cchc_docx_info *info, const char *path, cchc_diag *diag);

/**
 * The plan's word/document.xml alone (the charts referenced, not drawn), for
 * tests and golden files. info may be NULL (every header value blank).
 * @return 0, or -1 (a chart could not be rendered, or out of memory)
 */
int cchc_render_gap_docx_document(cchc_buf *out, const cchc_gap *gap,
                                  const cchc_docx_info *info, cchc_lang lang);

/**
 * Write the plan (the agency's Kế hoạch khắc phục) as a .docx, whole or not at
 * all (cchc_write_atomic). info may be NULL.
 * @return 0, or what cchc_write_atomic returns (errno set; EIO when a part
 *         could not be rendered)
 */
int cchc_write_gap_docx(const char *path, const cchc_gap *gap, const cchc_docx_info *info,
                        cchc_lang lang);

/**
 * Write the province's report (Báo cáo kết quả xác định Chỉ số CCHC) as a
 * .docx: per block, in the ranking's order, the ranking with bands, the chart
 * of totals, each agency's rank in each group, the statistics and the
 * criteria most lost; the header and signature as the plan's. info may be
 * NULL (every header value blank, "Số:      /BC-SNV"); title (the report's
 * own, may be NULL) is printed under the trích yếu.
 * @return 0, or what cchc_write_atomic returns (errno set; EIO when a part
 *         could not be rendered)
 */
int cchc_write_report_docx(const char *path, const cchc_ranking *r, const cchc_docx_info *info,
                           const char *title, cchc_lang lang);

#ifdef __cplusplus
}
#endif

#endif
