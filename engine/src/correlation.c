/* Rank correlations for the robustness analysis. Spearman through GSL (it
 * averages the ranks of ties); Kendall's tau-b by pair counting, which is
 * exact and fast enough for blocks of a few hundred agencies. */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_statistics_double.h>

#include "cchc/robust.h"

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

double cchc_kendall(const double *x, const double *y, size_t n)
{
	/* concordant − discordant over sqrt((n0 − ties in x)(n0 − ties in y)) */
	long long conc = 0, disc = 0, tx = 0, ty = 0, n0 = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			double dx = x[i] - x[j], dy = y[i] - y[j];
			n0++;
			if (dx == 0 && dy == 0) {
				tx++;
				ty++;
			} else if (dx == 0) {
				tx++;
			} else if (dy == 0) {
				ty++;
			} else if ((dx > 0) == (dy > 0)) {
				conc++;
			} else {
				disc++;
			}
		}
	double den = sqrt((double)(n0 - tx) * (double)(n0 - ty));
	return den > 0 ? (double)(conc - disc) / den : NAN;
}
