/* The cheapest recovery is exact: checked against brute force over every
 * subset on many small random cases, and on hand-worked ones. */
#include "testutil.h"

#include <stdint.h>

/* A fixed-seed generator so that every run checks the same cases. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static unsigned next_rand(unsigned bound)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % bound);
}

/* Least effort, then least points, over all 2^n subsets reaching `needed`. */
static long brute(size_t n, const cchc_points *p, const int *e, cchc_points needed,
                  cchc_points *best_points)
{
	long best = -1;
	*best_points = 0;
	for (unsigned mask = 0; mask < (1u << n); mask++) {
		cchc_points sum = 0;
		long effort = 0;
		for (size_t i = 0; i < n; i++)
			if (mask & (1u << i)) {
				sum += p[i];
				effort += e[i];
			}
		if (sum < needed)
			continue;
		if (best < 0 || effort < best || (effort == best && sum < *best_points)) {
			best = effort;
			*best_points = sum;
		}
	}
	return best;
}

static void test_against_brute_force(void)
{
	/* CCHC-like points: quarters of a point mostly, some survey hundredths */
	static const cchc_points menu[] = {25, 50, 75, 100, 150, 200, 225, 133, 142, 300};
	for (int round = 0; round < 400; round++) {
		size_t n = 1 + next_rand(12);
		cchc_points p[12], total = 0;
		int e[12];
		unsigned char take[12];
		for (size_t i = 0; i < n; i++) {
			p[i] = menu[next_rand(sizeof menu / sizeof *menu)];
			e[i] = 1 + (int)next_rand(5);
			total += p[i];
		}
		cchc_points needed = (cchc_points)next_rand((unsigned)total + 60); /* some unreachable */
		cchc_points want_points;
		long want = brute(n, p, e, needed, &want_points);
		long got = cchc_recover_cheapest(n, p, e, needed, take);
		ASSERT_EQ(got, want);
		if (got < 0)
			continue;
		/* the subset it returns is feasible and has exactly the optimal cost */
		cchc_points sum = 0;
		long effort = 0;
		for (size_t i = 0; i < n; i++)
			if (take[i]) {
				sum += p[i];
				effort += e[i];
			}
		CU_ASSERT(sum >= needed);
		ASSERT_EQ(effort, want);
		ASSERT_EQ(sum, needed <= 0 ? 0 : want_points);
	}
}

static void test_hand_worked(void)
{
	/* need 1,50: a late plan (0,5, effort 1), an undocumented initiative (1, effort 1),
	 * a partial rate (1,5, effort 2), a survey item (2,25, effort 5).
	 * {0,5 + 1} costs 2 for exactly 1,5; {1,5} also costs 2 for 1,5 — equal, both
	 * exact; {1 + 1,5} costs 3. Cheapest: effort 2, 1,50 points. */
	const cchc_points p[] = {50, 100, 150, 225};
	const int e[] = {1, 1, 2, 5};
	unsigned char take[4];
	ASSERT_EQ(cchc_recover_cheapest(4, p, e, 150, take), 2);
	ASSERT_EQ(take[3], 0);
	ASSERT_EQ((take[0] ? 50 : 0) + (take[1] ? 100 : 0) + (take[2] ? 150 : 0), 150);
	/* need 3: only the survey item gets there cheaply enough? 0,5+1+1,5 = 3 for 4;
	 * 2,25 + 1 = 3,25 for 6: the three cheap ones win */
	ASSERT_EQ(cchc_recover_cheapest(4, p, e, 300, take), 4);
	ASSERT_EQ(take[0] + take[1] + take[2] + take[3], 3);
	ASSERT_EQ(take[3], 0);
	/* nothing needed: nothing taken */
	ASSERT_EQ(cchc_recover_cheapest(4, p, e, 0, take), 0);
	ASSERT_EQ(take[0] + take[1] + take[2] + take[3], 0);
	/* more than everything: unreachable */
	ASSERT_EQ(cchc_recover_cheapest(4, p, e, 526, take), -1);
	ASSERT_EQ(cchc_recover_cheapest(4, p, e, 525, take), 9);
}

int main(void)
{
	static const test_case tests[] = {
		{"optimal against brute force (400 random cases)", test_against_brute_force},
		{"hand-worked recoveries", test_hand_worked},
		{NULL, NULL},
	};
	return test_run_suite("recover", tests);
}
