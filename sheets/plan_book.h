/* The plan workbook (`cchc template --plan`): its fixed columns and words,
 * shared by the writer (plan_template.c) and the reader (plan_import.c). */
#ifndef CCHC_PLAN_BOOK_H
#define CCHC_PLAN_BOOK_H

/* 1-based columns of the progress sheet; the header is row PB_HEADER_ROW,
 * tasks follow it, each found by its Mã in column A. */
enum {
	PB_ID = 1, PB_AREA, PB_TASK, PB_OWNER, PB_SUPPORT, PB_DEADLINE, PB_TARGET,
	PB_DONE, PB_DATE, PB_NOTE, PB_MET, PB_NCOLS = PB_MET
};
#define PB_HEADER_ROW 4
/* a plan's XML is carried in the hidden sheet in pieces of at most this many bytes */
#define PB_CHUNK 8000

typedef struct {
	const char *sheet;
	const char *headers[PB_NCOLS];
	const char *yes, *no, *cancelled;
	const char *met, *not_met; /* the note's last sentence that records column K */
} pb_words;

const pb_words *pb_words_for(int english);

#endif
