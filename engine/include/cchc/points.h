/**
 * @file points.h
 * Exact numbers: points as integer hundredths, evidence values as integer
 * millionths, dates as day numbers. Nothing in cchc stores points in floating
 * point; formatting for display lives in reports/.
 */
#ifndef CCHC_POINTS_H
#define CCHC_POINTS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Points in hundredths: 8,25 points is 825. */
typedef int64_t cchc_points;

/** A decimal evidence value in millionths: 3.85 is 3850000. */
typedef int64_t cchc_decimal;

/** A calendar date as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t cchc_date;

#define CCHC_POINTS_SCALE 100
#define CCHC_DECIMAL_SCALE 1000000

/** Largest absolute points value accepted from input (1 000 000,00). */
#define CCHC_POINTS_LIMIT ((cchc_points)100000000)
/** Largest absolute decimal value accepted from input (10^9 whole units). */
#define CCHC_DECIMAL_LIMIT ((cchc_decimal)1000000000 * CCHC_DECIMAL_SCALE)

/** Outcome of a number or date parse. */
typedef enum {
	CCHC_NUM_OK = 0,
	CCHC_NUM_SYNTAX = -1,    /**< not a plain decimal ("1e3", "8,25", "NaN", "") */
	CCHC_NUM_PRECISION = -2, /**< more fractional digits than the type holds */
	CCHC_NUM_RANGE = -3      /**< outside the accepted limits */
} cchc_num_status;

/**
 * Parse points written as a plain decimal with at most two fractional
 * digits ("8.25", "-0.5", "13"). "-0" parses as 0.
 * @param[out] out the value in hundredths
 */
cchc_num_status cchc_points_parse(const char *text, cchc_points *out);

/** Parse a decimal with at most six fractional digits into millionths. */
cchc_num_status cchc_decimal_parse(const char *text, cchc_decimal *out);

/** Parse a non-negative whole number (at most 9 digits). */
cchc_num_status cchc_count_parse(const char *text, int64_t *out);

/** Parse a calendar date "YYYY-MM-DD" (years 1900..9999), checking the calendar. */
cchc_num_status cchc_date_parse(const char *text, cchc_date *out);

/** Split a day number into year, month (1-12) and day (1-31). */
void cchc_date_split(cchc_date date, int *year, int *month, int *day);

/**
 * Write points the way input files spell them, two decimals and a point
 * ("-0.75", "13.00"), for diagnostics about the files. Returns buf.
 */
const char *cchc_points_spell(char buf[24], cchc_points p);

/** Points expressed as a decimal (hundredths to millionths), exact. */
static inline cchc_decimal cchc_points_to_decimal(cchc_points p)
{
	return p * (CCHC_DECIMAL_SCALE / CCHC_POINTS_SCALE);
}

#ifdef __cplusplus
}
#endif

#endif
