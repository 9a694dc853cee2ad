/* libFuzzer target: the plan loader on arbitrary bytes, then the status of
 * an accepted plan at the end of its year. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cchc_diag *diag = cchc_diag_new();
	if (!diag)
		return 0;
	cchc_plan *plan = NULL;
	int rc = cchc_plan_load_memory(&plan, (const char *)data, size, "fuzz.xml", diag);
	fuzz_check(rc, plan, diag);
	if (plan) {
		cchc_plan_report *report = NULL;
		if (cchc_plan_status(plan, cchc_plan_year_end(plan), &report) == 0)
			cchc_plan_report_free(report);
	}
	cchc_plan_free(plan);
	cchc_diag_free(diag);
	return 0;
}
