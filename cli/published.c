/* Published figures that differ from the computed ones, as warnings in the
 * user's language (validate, score, rank). The engine finds the differences
 * (cchc_published_compare); this words them. */
#include <stdlib.h>

#include "cli.h"

/* what the user is asked to do, by figure */
static const char *const compare_vi = "đối chiếu hồ sơ đánh giá với số liệu đã công bố";
static const char *const compare_en = "compare the assessment's evidence with the published figures";

static void warn(cchc_diag *diag, const char *file, const cchc_published_diff *d,
                 const cchc_score *s, cchc_lang lang)
{
	char pub[CCHC_FMT_SIZE], got[CCHC_FMT_SIZE], max[CCHC_FMT_SIZE];
	int vi = lang == CCHC_LANG_VI;
	cchc_fmt_points(pub, d->published, lang);
	cchc_fmt_points(got, d->computed, lang);
	cchc_fmt_points_short(max, d->max, lang);
	switch (d->figure) {
	case CCHC_FIGURE_TOTAL:
		if (vi)
			cchc_diag_addw(diag, file, d->line, "tổng điểm công bố là %s nhưng tính từ hồ sơ được "
			               "%s/%s: %s", pub, got, max, compare_vi);
		else
			cchc_diag_addw(diag, file, d->line, "the published total %s differs from the %s/%s "
			               "computed from the evidence: %s", pub, got, max, compare_en);
		break;
	case CCHC_FIGURE_RANK:
		if (vi)
			cchc_diag_addw(diag, file, d->line, "thứ hạng công bố là %zu nhưng xếp hạng tính được "
			               "là %zu/%zu (khối %s): đối chiếu hồ sơ đánh giá các cơ quan trong khối "
			               "với số liệu đã công bố", d->published_rank, d->computed_rank, d->of,
			               cchc_criteria_block(s->set));
		else
			cchc_diag_addw(diag, file, d->line, "the published rank %zu differs from the computed "
			               "rank %zu/%zu (block %s): compare the block's assessments with the "
			               "published figures", d->published_rank, d->computed_rank, d->of,
			               cchc_criteria_block(s->set));
		break;
	case CCHC_FIGURE_BAND: {
		const char *label = d->computed_band ? d->computed_band->label : NULL;
		if (vi && label)
			cchc_diag_addw(diag, file, d->line, "xếp loại công bố là \"%s\" nhưng tổng điểm tính "
			               "được %s xếp loại \"%s\": %s", d->published_band->label, got, label,
			               compare_vi);
		else if (vi)
			cchc_diag_addw(diag, file, d->line, "xếp loại công bố là \"%s\" nhưng tổng điểm tính "
			               "được %s không đạt mức xếp loại nào: %s", d->published_band->label, got,
			               compare_vi);
		else if (label)
			cchc_diag_addw(diag, file, d->line, "the published band \"%s\" differs from the "
			               "computed band \"%s\" of the total %s: %s", d->published_band->label,
			               label, got, compare_en);
		else
			cchc_diag_addw(diag, file, d->line, "the published band \"%s\" differs from the "
			               "computed total %s, which is below every band: %s",
			               d->published_band->label, got, compare_en);
		break;
	}
	case CCHC_FIGURE_GROUP:
	case CCHC_FIGURE_CRITERION: {
		int group = d->figure == CCHC_FIGURE_GROUP;
		const char *id = group ? d->group->id : d->criterion->id;
		if (vi)
			cchc_diag_addw(diag, file, d->line, "điểm %s %s công bố là %s nhưng tính từ hồ sơ "
			               "được %s/%s: đối chiếu hồ sơ %s %s với số liệu đã công bố",
			               group ? "nhóm" : "tiêu chí", id, pub, got, max,
			               group ? "các tiêu chí của nhóm" : "của tiêu chí", id);
		else
			cchc_diag_addw(diag, file, d->line, "the published points of %s %s, %s, differ "
			               "from the %s/%s computed from the evidence: compare the evidence of "
			               "%s %s%s with the published figures", group ? "group" : "criterion",
			               id, pub, got, max, group ? "group" : "criterion", id,
			               group ? "'s criteria" : "");
		break;
	}
	}
}

int cli_warn_published(cchc_diag *diag, const cchc_score *s, const cchc_rank_entry *entry,
                       cchc_lang lang)
{
	size_t cap = cchc_published_max_diffs(s->assessment);
	if (cap == 0)
		return 0;
	cchc_published_diff *diffs = malloc(cap * sizeof *diffs);
	if (!diffs) {
		cchc_diag_addf(diag, NULL, 0, "out of memory");
		return -1;
	}
	size_t n = cchc_published_compare(s, entry, diffs, cap);
	for (size_t i = 0; i < n; i++)
		warn(diag, cchc_assessment_file(s->assessment), &diffs[i], s, lang);
	free(diffs);
	return 0;
}
