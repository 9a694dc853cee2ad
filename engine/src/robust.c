/* The Monte Carlo behind cchc robust (see robust.h): per block, each draw
 * re-scores every agency with redrawn surveys and/or perturbed group
 * weights, ranks, and counts where each agency lands. */
#define _POSIX_C_SOURCE 200809L /* sysconf */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "cchc/robust.h"
#include "robust_priv.h"
#include "rules_priv.h"
#include "util_priv.h"

#define CHUNK 64             /* draws per RNG stream: the unit of reproducibility */
#define MAX_AGENCIES 5000    /* rank histograms are n × n */

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

/* One draw of one block: totals, then competition ranks. */
typedef struct {
	double *factor, *t, *avg;
	size_t *rank, *order, *tmp;
	unsigned *scratch;
	int64_t *answers;
} draw_buffers;

static void draw_once(const rb_block *b, gsl_rng *rng, const draw_buffers *w)
{
	const size_t ng = b->ngroups;
	double *factor = w->factor, *t = w->t;
	if (b->weights_pct > 0) {
		double sum = 0;
		for (size_t g = 0; g < ng; g++) {
			double u = gsl_ran_flat(rng, -b->weights_pct, b->weights_pct) / 100.0;
			factor[g] = (double)b->group_max[g] * (1.0 + u);
			sum += factor[g];
		}
		for (size_t g = 0; g < ng; g++) /* renormalise to the frame, as a share of the old max */
			factor[g] = factor[g] * (double)b->frame_max / sum / (double)b->group_max[g];
	} else {
		for (size_t g = 0; g < ng; g++)
			factor[g] = 1.0;
	}
	for (size_t i = 0; i < b->n; i++) {
		const rb_agency *a = &b->agencies[i];
		int64_t pts[RB_MAX_GROUPS];
		memcpy(pts, a->base, ng * sizeof *pts);
		for (size_t k = 0; b->survey && k < a->nsurvey; k++)
			pts[a->survey[k].group] += rb_draw_survey(&a->survey[k], rng, w->scratch, w->answers);
		double total = (double)a->extra;
		for (size_t g = 0; g < ng; g++)
			total += (double)pts[g] * factor[g];
		/* compare as shares of each agency's max, as the published ranking does */
		t[i] = a->max > 0 ? total / (double)a->max : total;
	}
	rb_competition_ranks(t, b->n, w->order, w->tmp, w->rank, w->avg);
}

typedef struct {
	rb_block *b;
	size_t first_chunk, step; /* this thread's chunks: first, first + step, … */
	rb_tally tally;
	int failed;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	rb_block *b = w->b;
	const size_t n = b->n;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2); /* L'Ecuyer: fast, period 2^88, ample here */
	draw_buffers d = {cchc_calloc(RB_MAX_GROUPS, sizeof(double)), cchc_calloc(n, sizeof(double)),
	                  cchc_calloc(n, sizeof(double)),   cchc_calloc(n, sizeof(size_t)),
	                  cchc_calloc(n, sizeof(size_t)),   cchc_calloc(2 * n, sizeof(size_t)),
	                  cchc_calloc(b->max_options + 1, sizeof(unsigned)),
	                  cchc_calloc(b->max_options + 1, sizeof(int64_t))};
	if (!rng || !d.factor || !d.t || !d.avg || !d.rank || !d.order || !d.tmp || !d.scratch ||
	    !d.answers || rb_tally_init(&w->tally, b) < 0) {
		w->failed = 1;
	} else {
		for (size_t c = w->first_chunk; c * CHUNK < b->draws; c += w->step) {
			gsl_rng_set(rng, (unsigned long)splitmix64(b->seed ^ splitmix64(c + 1)));
			size_t end = (c + 1) * CHUNK < b->draws ? (c + 1) * CHUNK : b->draws;
			for (size_t k = c * CHUNK; k < end; k++) {
				draw_once(b, rng, &d);
				rb_tally_add(&w->tally, b, k, d.t, d.rank, d.avg, d.tmp);
			}
		}
	}
	gsl_rng_free(rng);
	free(d.factor);
	free(d.t);
	free(d.avg);
	free(d.rank);
	free(d.order);
	free(d.tmp);
	free(d.scratch);
	free(d.answers);
	return NULL;
}

static unsigned thread_count(unsigned asked, size_t draws)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned t = asked ? asked : (unsigned)(cores > 0 ? cores : 1);
	size_t chunks = (draws + CHUNK - 1) / CHUNK;
	if (t > chunks)
		t = (unsigned)(chunks ? chunks : 1);
	return t > 64 ? 64 : t;
}

/* Run every draw of one block on `threads` threads; sums the tallies. */
static int simulate(rb_block *b, unsigned threads, rb_tally *total)
{
	worker w[64];
	pthread_t tid[64];
	int running[64] = {0};
	for (unsigned k = 0; k < threads; k++) {
		w[k] = (worker){b, k, threads, {0}, 0};
		/* one thread, or no more to be had: do the share here */
		if (threads > 1 && pthread_create(&tid[k], NULL, work, &w[k]) == 0)
			running[k] = 1;
		else
			work(&w[k]);
	}
	int failed = 0;
	for (unsigned k = 0; k < threads; k++) {
		if (running[k])
			pthread_join(tid[k], NULL);
		failed |= w[k].failed;
	}
	if (!failed && rb_tally_init(total, b) == 0) {
		for (unsigned k = 0; k < threads; k++)
			rb_tally_merge(total, &w[k].tally, b);
	} else {
		failed = 1;
	}
	for (unsigned k = 0; k < threads; k++)
		rb_tally_free(&w[k].tally);
	return failed ? -1 : 0;
}

int rb_simulate(rb_block *b, unsigned threads, rb_tally *total)
{
	return simulate(b, thread_count(threads, b->draws), total);
}

int cchc_robust_run(cchc_robust **out, const cchc_ranking *ranking, const cchc_ranking *previous,
                    const cchc_robust_options *opt, cchc_diag *diag)
{
	*out = NULL;
	if (opt->draws == 0 || opt->draws > 100000000 || opt->weights_pct < 0 ||
	    opt->weights_pct >= 100) {
		cchc_diag_addf(diag, NULL, 0, "give 1 or more draws and a weight range below 100 %%");
		return -1;
	}
	cchc_robust *r = calloc(1, sizeof *r);
	if (!r || !(r->blocks = cchc_calloc(ranking->nblocks, sizeof *r->blocks))) {
		free(r);
		cchc_diag_addf(diag, NULL, 0, "out of memory");
		return -1;
	}
	r->options = *opt;
	r->threads_used = thread_count(opt->threads, opt->draws);
	for (size_t k = 0; k < ranking->nblocks; k++) {
		const cchc_block *blk = &ranking->blocks[k];
		if (blk->n > MAX_AGENCIES) {
			cchc_diag_addf(diag, NULL, 0, "block \"%s\" has %zu agencies: the robustness analysis "
			               "handles up to %d", blk->id, blk->n, MAX_AGENCIES);
			cchc_robust_free(r);
			return -1;
		}
		rb_block b;
		rb_tally tally = {0};
		int rc = rb_block_init(&b, blk, opt);
		if (rc == 0)
			rc = simulate(&b, r->threads_used, &tally);
		if (rc == 0)
			rc = rb_summarise(&r->blocks[r->nblocks++], &b, &tally, blk, previous);
		r->survey_items += b.nsurvey_items;
		rb_tally_free(&tally);
		rb_block_free(&b);
		if (rc < 0) {
			cchc_diag_addf(diag, NULL, 0, "out of memory in the robustness analysis");
			cchc_robust_free(r);
			return -1;
		}
	}
	*out = r;
	return 0;
}

void cchc_robust_free(cchc_robust *r)
{
	if (!r)
		return;
	for (size_t k = 0; k < r->nblocks; k++) {
		cchc_robust_block *b = &r->blocks[k];
		for (size_t i = 0; i < b->n && b->agencies; i++)
			free(b->agencies[i].p_band);
		free(b->agencies);
		free(b->flip);
	}
	free(r->blocks);
	free(r);
}
