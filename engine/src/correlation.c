/* Rank correlations for the robustness analysis. Spearman through GSL (it
 * averages the ranks of ties); Kendall's tau-b by Knight's merge-sort count,
 * O(n log n), so that it runs every draw even for large blocks. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "cchc/robust.h"
#include "robust_priv.h"

double cchc_spearman(const double *x, const double *y, size_t n)
{
	if (n < 2)
		return NAN;
	double *work = malloc(2 * n * sizeof *work);
	if (!work)
		return NAN;
	double rho = gsl_stats_spearman(x, 1, y, 1, n, work);
	free(work);
	return rho;
}

/* Stable merge sort of idx by key (ascending), counting the swaps an
 * insertion sort would make: the discordant pairs of Knight's algorithm. */
static uint64_t sort_count(size_t *idx, size_t *tmp, size_t n, const double *key)
{
	uint64_t swaps = 0;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi) {
				if (key[idx[j]] < key[idx[i]]) {
					swaps += mid - i; /* idx[j] jumps every remaining left element */
					tmp[k++] = idx[j++];
				} else {
					tmp[k++] = idx[i++];
				}
			}
			while (i < mid)
				tmp[k++] = idx[i++];
			while (j < hi)
				tmp[k++] = idx[j++];
		}
		memcpy(idx, tmp, n * sizeof *idx);
	}
	return swaps;
}

/* Pairs tied in key among idx, which is sorted by key: Σ t(t−1)/2. */
static uint64_t tied_pairs(const size_t *idx, size_t n, const double *a, const double *b)
{
	uint64_t pairs = 0;
	for (size_t i = 0; i < n;) {
		size_t e = i + 1;
		while (e < n && a[idx[e]] == a[idx[i]] && (!b || b[idx[e]] == b[idx[i]]))
			e++;
		pairs += (uint64_t)(e - i) * (e - i - 1) / 2;
		i = e;
	}
	return pairs;
}

/* Lexicographic (x, y) order, needed before counting: by y first, then a
 * stable sort by x keeps y ascending within ties of x. */
double cchc_kendall(const double *x, const double *y, size_t n)
{
	/* Knight (1966): O(n log n). tau-b = (n0 − n1 − n2 + n3 − 2·swaps) /
	 * √((n0 − n1)(n0 − n2)), n1/n2 pairs tied in x/y, n3 tied in both. */
	if (n < 2)
		return NAN;
	size_t *idx = malloc(n * sizeof *idx), *tmp = malloc(n * sizeof *tmp);
	if (!idx || !tmp) {
		free(idx);
		free(tmp);
		return NAN;
	}
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_count(idx, tmp, n, y);
	sort_count(idx, tmp, n, x);
	const uint64_t n0 = (uint64_t)n * (n - 1) / 2;
	const uint64_t n1 = tied_pairs(idx, n, x, NULL), n3 = tied_pairs(idx, n, x, y);
	const uint64_t swaps = sort_count(idx, tmp, n, y); /* now by y: the discordant pairs */
	const uint64_t n2 = tied_pairs(idx, n, y, NULL);
	free(idx);
	free(tmp);
	double den = sqrt((double)(n0 - n1) * (double)(n0 - n2));
	return den > 0 ? ((double)n0 - (double)n1 - (double)n2 + (double)n3 - 2.0 * (double)swaps) / den
	               : NAN;
}

void rb_kendall_prepare(const double *x, size_t n, size_t *xorder, size_t *tmp, uint64_t *n1)
{
	for (size_t i = 0; i < n; i++)
		xorder[i] = i;
	sort_count(xorder, tmp, n, x);
	*n1 = tied_pairs(xorder, n, x, NULL);
}

double rb_kendall_fixed_x(const double *x, const double *y, size_t n, const size_t *xorder,
                          uint64_t n1, size_t *idx, size_t *tmp)
{
	if (n < 2)
		return NAN;
	memcpy(idx, xorder, n * sizeof *idx);
	/* (x, y) order: y ascending inside each tie of x (ties are few and short) */
	for (size_t i = 0; i < n;) {
		size_t e = i + 1;
		while (e < n && x[idx[e]] == x[idx[i]])
			e++;
		for (size_t k = i + 1; k < e; k++)
			for (size_t m = k; m > i && y[idx[m]] < y[idx[m - 1]]; m--) {
				size_t t = idx[m];
				idx[m] = idx[m - 1];
				idx[m - 1] = t;
			}
		i = e;
	}
	const uint64_t n0 = (uint64_t)n * (n - 1) / 2, n3 = tied_pairs(idx, n, x, y);
	const uint64_t swaps = sort_count(idx, tmp, n, y);
	const uint64_t n2 = tied_pairs(idx, n, y, NULL);
	double den = sqrt((double)(n0 - n1) * (double)(n0 - n2));
	return den > 0 ? ((double)n0 - (double)n1 - (double)n2 + (double)n3 - 2.0 * (double)swaps) / den
	               : NAN;
}
