/* Writes the HTML report of the Huế 2018 department block with Sở Kế hoạch
 * và Đầu tư's gap analysis for rank 10, for tests/html_screenshot.sh (until
 * `cchc report` writes index.html itself).
 * Usage: html_sample OUT.html [vi|en] */
#include <stdio.h>
#include <stdlib.h>

#include "cchc/cchc.h"
#include "cchc/report.h"

static const char *const ids[] = {
	"bdt", "bqlkkt", "sct", "sdl", "sgddt", "sgtvt", "skhcn", "skhdt", "sldtbxh", "sngv", "snnptnt",
	"snv", "stc", "stnmt", "stp", "stttt", "svhtt", "sxd", "syt", "ttt", "vpubnd"};
#define N (sizeof ids / sizeof *ids)

static cchc_criteria *set;
static cchc_assessment *as[N];
static cchc_score *scores[N];

static int load(cchc_ranking **ranking, cchc_diag *d)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/criteria/hue-so-2018.xml", CCHC_SOURCE_DIR);
	if (cchc_criteria_load(&set, path, d) < 0)
		return -1;
	const cchc_criteria *sets[1] = {set};
	for (size_t i = 0; i < N; i++) {
		snprintf(path, sizeof path, "%s/samples/hue-2018/so/%s.xml", CCHC_SOURCE_DIR, ids[i]);
		if (cchc_assessment_load(&as[i], sets, 1, path, d) < 0 ||
		    cchc_score_compute(&scores[i], as[i]) < 0)
			return -1;
	}
	return cchc_ranking_build(ranking, (const cchc_score *const *)scores, N, d);
}

int main(int argc, char **argv)
{
	cchc_lang lang = CCHC_LANG_VI;
	if (argc < 2 || argc > 3 || (argc == 3 && cchc_lang_parse(argv[2], &lang) < 0)) {
		fprintf(stderr, "usage: html_sample OUT.html [vi|en]\n");
		return 2;
	}
	cchc_diag *d = cchc_diag_new();
	cchc_ranking *ranking = NULL;
	cchc_gap *gap = NULL;
	cchc_buf out;
	cchc_buf_init(&out, 0);
	int rc = 1;
	if (load(&ranking, d) < 0 || cchc_gap_build(&gap, ranking, "skhdt", 10, NULL, NULL, d) < 0) {
		for (size_t i = 0; i < cchc_diag_stored(d); i++)
			fprintf(stderr, "%s\n", cchc_diag_get(d, i)->message);
		goto cleanup;
	}
	/* the page as a province would publish it: with its own title */
	const cchc_report_options o = {lang, "UBND tỉnh Thừa Thiên Huế · Chỉ số CCHC năm 2018", NULL};
	if (cchc_render_html_opts(&out, ranking, gap, NULL, &o) < 0 ||
	    cchc_write_file_atomic(argv[1], out.data, out.len) < 0) {
		perror(argv[1]);
		goto cleanup;
	}
	rc = 0;
cleanup:
	cchc_buf_dispose(&out);
	cchc_gap_free(gap);
	cchc_ranking_free(ranking);
	for (size_t i = 0; i < N; i++) {
		cchc_score_free(scores[i]);
		cchc_assessment_free(as[i]);
	}
	cchc_criteria_free(set);
	cchc_diag_free(d);
	return rc;
}
