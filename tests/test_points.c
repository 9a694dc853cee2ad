/* Exact number and date parsing. */
#include "testutil.h"

static void test_points_parse(void)
{
	cchc_points p = 0;
	CU_ASSERT_EQUAL(cchc_points_parse("8.25", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, 825);
	CU_ASSERT_EQUAL(cchc_points_parse("13", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, 1300);
	CU_ASSERT_EQUAL(cchc_points_parse("0.5", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, 50);
	CU_ASSERT_EQUAL(cchc_points_parse("-0.25", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, -25);
	CU_ASSERT_EQUAL(cchc_points_parse("-0", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, 0);
	CU_ASSERT_EQUAL(cchc_points_parse("1.250", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(p, 125);
	CU_ASSERT_EQUAL(cchc_points_parse("1.255", &p), CCHC_NUM_PRECISION);
	CU_ASSERT_EQUAL(cchc_points_parse("8,25", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("1e3", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("NaN", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("+1", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("1.", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse(".5", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse(" 1", &p), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_points_parse("1000000.00", &p), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(cchc_points_parse("1000000.01", &p), CCHC_NUM_RANGE);
	CU_ASSERT_EQUAL(cchc_points_parse("99999999999999999999999", &p), CCHC_NUM_RANGE);
}

static void test_decimal_parse(void)
{
	cchc_decimal d = 0;
	CU_ASSERT_EQUAL(cchc_decimal_parse("3.85", &d), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(d, 3850000);
	CU_ASSERT_EQUAL(cchc_decimal_parse("92", &d), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(d, 92000000);
	CU_ASSERT_EQUAL(cchc_decimal_parse("0.000001", &d), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(d, 1);
	CU_ASSERT_EQUAL(cchc_decimal_parse("0.0000001", &d), CCHC_NUM_PRECISION);
	CU_ASSERT_EQUAL(cchc_decimal_parse("1e309", &d), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_decimal_parse("1000000001", &d), CCHC_NUM_RANGE);
}

static void test_count_parse(void)
{
	int64_t c = -1;
	CU_ASSERT_EQUAL(cchc_count_parse("0", &c), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(c, 0);
	CU_ASSERT_EQUAL(cchc_count_parse("999999999", &c), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(c, 999999999);
	CU_ASSERT_EQUAL(cchc_count_parse("1000000000", &c), CCHC_NUM_RANGE);
	CU_ASSERT_EQUAL(cchc_count_parse("-1", &c), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_count_parse("1.0", &c), CCHC_NUM_SYNTAX);
}

static void test_dates(void)
{
	cchc_date due = 0, done = 0;
	int y, m, d;
	CU_ASSERT_EQUAL(cchc_date_parse("1970-01-01", &due), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(due, 0);
	CU_ASSERT_EQUAL(cchc_date_parse("2018-01-31", &due), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(cchc_date_parse("2018-02-12", &done), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(done - due, 12);
	cchc_date_split(done, &y, &m, &d);
	CU_ASSERT(y == 2018 && m == 2 && d == 12);
	CU_ASSERT_EQUAL(cchc_date_parse("2020-02-29", &done), CCHC_NUM_OK);
	CU_ASSERT_EQUAL(cchc_date_parse("2019-02-29", &done), CCHC_NUM_RANGE);
	CU_ASSERT_EQUAL(cchc_date_parse("1900-02-29", &done), CCHC_NUM_RANGE);
	CU_ASSERT_EQUAL(cchc_date_parse("2018-13-01", &done), CCHC_NUM_RANGE);
	CU_ASSERT_EQUAL(cchc_date_parse("2018-1-31", &done), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_date_parse("31/01/2018", &done), CCHC_NUM_SYNTAX);
	CU_ASSERT_EQUAL(cchc_date_parse("2018-01-31T00", &done), CCHC_NUM_SYNTAX);
}

int main(void)
{
	static const test_case tests[] = {
		{"points parse exactly and refuse hostile numbers", test_points_parse},
		{"decimals parse into millionths", test_decimal_parse},
		{"counts are whole numbers", test_count_parse},
		{"dates follow the calendar", test_dates},
		{NULL, NULL}};
	return test_run_suite("points", tests);
}
