/* Exact decimals for the value helpers (cell_value.c, cell_date.c). */
#ifndef CCHC_CELL_PRIV_H
#define CCHC_CELL_PRIV_H

#include "cchc/xlsx.h"

#define CELL_MAX_DIGITS 60

/* sign × digits × 10^exp, the digits without leading zeros. */
typedef struct {
	int neg;
	int nd;
	int exp;
	char digits[CELL_MAX_DIGITS];
} cell_dec;

enum {
	CELL_EXACT,   /* any fraction past the places: PRECISION */
	CELL_NOISE,   /* within 1e-9 of the places: rounded (a double's noise) */
	CELL_TRUNCATE /* floor */
};

/* A NUMBER cell's stored text (-?D[.F][E[+-]X]); 0 or -1. */
int cell_parse_stored(const char *s, cell_dec *d);

/* Text as typed ("1.234,5", "0,75", "1 234"); whole: a lone dot before three
 * digits separates thousands. */
cchc_num_status cell_parse_typed(const char *text, int whole, cell_dec *d);

/* d × 10^places as an integer, at most 10^9 whole units. */
cchc_num_status cell_scale(const cell_dec *d, int places, int mode, int64_t *out);

#endif
