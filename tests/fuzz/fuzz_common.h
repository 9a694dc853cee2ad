/* What every harness checks besides "no crash": a loader either returns 0
 * with a result and no diagnostic, or -1 with no result and at least one
 * diagnostic saying why, each with a message. Anything else aborts, so
 * libFuzzer reports it like a crash. */
#ifndef CCHC_FUZZ_COMMON_H
#define CCHC_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cchc/cchc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_check(int rc, const void *result, const cchc_diag *diag)
{
	int ok = rc == 0 ? result != NULL && cchc_diag_count(diag) == 0
	                 : rc == -1 && result == NULL && cchc_diag_count(diag) > 0;
	for (size_t i = 0; ok && i < cchc_diag_stored(diag); i++)
		ok = cchc_diag_get(diag, i)->message != NULL;
	if (!ok) {
		fprintf(stderr, "loader contract broken: rc %d, result %p, %zu diagnostics\n", rc,
		        result, cchc_diag_count(diag));
		abort();
	}
}

#endif
