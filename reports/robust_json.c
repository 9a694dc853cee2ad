/* The robustness analysis as JSON: cchc-robust/1 (reports/README.md). */
#include <math.h>

#include "json_writer.h"
#include "report_priv.h"

static void number(cchc_json *j, const char *key, double v)
{
	cchc_json_key(j, key);
	if (isnan(v))
		cchc_json_null(j);
	else
		cchc_json_stat(j, v);
}

static void write_agency(cchc_json *j, const cchc_robust_agency *a, const cchc_robust_block *rb)
{
	size_t nb;
	const cchc_band *bands = cchc_criteria_bands(rb->block->set, &nb);
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, cchc_assessment_agency_id(a->entry->score->assessment));
	cchc_json_key(j, "name");
	cchc_json_string(j, cchc_assessment_agency_name(a->entry->score->assessment));
	cchc_json_key(j, "rank");
	cchc_json_int(j, (int64_t)a->entry->rank);
	cchc_json_key(j, "total");
	cchc_json_hundredths(j, a->entry->score->total);
	number(j, "median_rank", a->median_rank);
	cchc_json_key(j, "rank_p5");
	cchc_json_int(j, (int64_t)a->rank_p5);
	cchc_json_key(j, "rank_p95");
	cchc_json_int(j, (int64_t)a->rank_p95);
	number(j, "p_top3", a->p_top3);
	number(j, "p_target", a->p_target);
	cchc_json_key(j, "p_band");
	cchc_json_object_begin(j);
	for (size_t k = 0; k < nb && k < rb->nbands; k++)
		number(j, bands[k].label, a->p_band[k]);
	number(j, "", a->p_band[rb->nbands]); /* below every band */
	cchc_json_object_end(j);
	cchc_json_object_end(j);
}

static void write_block(cchc_json *j, const cchc_robust_block *rb)
{
	cchc_json_object_begin(j);
	cchc_json_key(j, "id");
	cchc_json_string(j, rb->block->id);
	cchc_json_key(j, "agencies");
	cchc_json_array_begin(j);
	for (size_t i = 0; i < rb->n; i++)
		write_agency(j, &rb->agencies[i], rb);
	cchc_json_array_end(j);
	cchc_json_key(j, "adjacent");
	cchc_json_array_begin(j);
	for (size_t i = 0; i + 1 < rb->n; i++) {
		cchc_json_object_begin(j);
		cchc_json_key(j, "above");
		cchc_json_string(j, cchc_assessment_agency_id(rb->agencies[i].entry->score->assessment));
		cchc_json_key(j, "below");
		cchc_json_string(j, cchc_assessment_agency_id(rb->agencies[i + 1].entry->score->assessment));
		number(j, "flip", rb->flip[i]);
		cchc_json_key(j, "distinguishable");
		cchc_json_bool(j, rb->flip[i] <= 0.10);
		cchc_json_object_end(j);
	}
	cchc_json_array_end(j);
	cchc_json_key(j, "agreement");
	cchc_json_object_begin(j);
	number(j, "spearman_mean", rb->spearman_mean);
	number(j, "spearman_worst", rb->spearman_worst);
	number(j, "kendall_mean", rb->kendall_mean);
	number(j, "kendall_worst", rb->kendall_worst);
	number(j, "mean_abs_rank_shift", rb->mean_abs_shift);
	number(j, "spearman_self", rb->spearman_self);
	number(j, "kendall_self", rb->kendall_self);
	number(j, "spearman_group_mean", rb->spearman_alt);
	number(j, "kendall_group_mean", rb->kendall_alt);
	number(j, "spearman_previous", rb->spearman_previous);
	number(j, "kendall_previous", rb->kendall_previous);
	cchc_json_object_end(j);
	cchc_json_object_end(j);
}

int cchc_render_robust_json(cchc_buf *out, const cchc_robust *r)
{
	cchc_json j;
	cchc_json_init(&j, out, 1);
	cchc_json_object_begin(&j);
	cchc_json_key(&j, "schema");
	cchc_json_string(&j, "cchc-robust/1");
	cchc_json_key(&j, "draws");
	cchc_json_int(&j, (int64_t)r->options.draws);
	cchc_json_key(&j, "seed");
	cchc_json_int(&j, (int64_t)r->options.seed);
	number(&j, "weights_pct", r->options.weights_pct);
	cchc_json_key(&j, "survey_items");
	cchc_json_int(&j, (int64_t)(r->options.survey ? r->survey_items : 0));
	cchc_json_key(&j, "target_rank");
	cchc_json_int(&j, (int64_t)r->options.target_rank);
	cchc_json_key(&j, "blocks");
	cchc_json_array_begin(&j);
	for (size_t k = 0; k < r->nblocks; k++)
		write_block(&j, &r->blocks[k]);
	cchc_json_array_end(&j);
	cchc_json_object_end(&j);
	return cchc_json_finish(&j);
}
