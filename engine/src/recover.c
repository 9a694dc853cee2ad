/* The cheapest recovery: a 0/1 knapsack over lost points. Points are integer
 * hundredths and a set is worth ~100 points, so a table over "points reached,
 * capped at what is needed" is small and the answer exact. Cost is
 * lexicographic: effort first, then points (the least overshoot). */
#include <stdint.h>
#include <stdlib.h>

#include "cchc/gap.h"
#include "util_priv.h"

/* Past this many table cells the problem is not a CCHC index any more. */
#define MAX_CELLS ((size_t)1 << 26)

long cchc_recover_cheapest(size_t n, const cchc_points *points, const int *effort,
                           cchc_points needed, unsigned char *take)
{
	int64_t total = 0, g = 0;
	for (size_t i = 0; i < n; i++) {
		take[i] = 0;
		if (points[i] <= 0 || effort[i] < 0)
			return -1;
		total += points[i];
		g = cchc_gcd64(g, points[i]);
	}
	if (needed <= 0)
		return 0;
	if (total < needed)
		return -1;
	/* Work in units of the points' gcd: 0,25-point criteria need a quarter of the table. */
	const size_t cap = (size_t)((needed + g - 1) / g);
	if (n == 0 || (n + 1) > MAX_CELLS / (cap + 1))
		return -1;
	const int64_t scale = total + 1; /* effort dominates points */
	int64_t *cost = malloc((cap + 1) * sizeof *cost);
	uint32_t *from = malloc(n * (cap + 1) * sizeof *from); /* state before taking item i */
	if (!cost || !from) {
		free(cost);
		free(from);
		return -1;
	}
	const int64_t NONE = INT64_MAX;
	cost[0] = 0;
	for (size_t j = 1; j <= cap; j++)
		cost[j] = NONE;
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = from + i * (cap + 1);
		const size_t step = (size_t)(points[i] / g);
		const int64_t c = (int64_t)effort[i] * scale + points[i];
		for (size_t j = 0; j <= cap; j++)
			f[j] = UINT32_MAX; /* not improved by item i */
		for (size_t j = cap + 1; j-- > 0;) {
			if (cost[j] == NONE)
				continue;
			size_t nj = j + step < cap ? j + step : cap;
			if (cost[j] + c < cost[nj]) {
				cost[nj] = cost[j] + c;
				f[nj] = (uint32_t)j;
			}
		}
	}
	/* Walk back: item i was taken at state j if it improved j and nothing later did. */
	long result = (long)(cost[cap] / scale);
	size_t j = cap;
	for (size_t i = n; i-- > 0;) {
		const uint32_t prev = from[i * (cap + 1) + j];
		if (prev != UINT32_MAX) {
			take[i] = 1;
			j = prev;
		}
	}
	free(cost);
	free(from);
	return result;
}
