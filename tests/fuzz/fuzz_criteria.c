/* libFuzzer target: the criteria loader on arbitrary bytes. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cchc_diag *diag = cchc_diag_new();
	if (!diag)
		return 0;
	cchc_criteria *set = NULL;
	int rc = cchc_criteria_load_memory(&set, (const char *)data, size, "fuzz.xml", diag);
	fuzz_check(rc, set, diag);
	cchc_criteria_free(set);
	cchc_diag_free(diag);
	return 0;
}
