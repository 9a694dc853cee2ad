/* libFuzzer target: the assessment loader on arbitrary bytes, against a
 * fixed small criteria set, then the score of an accepted assessment; then
 * the same bytes streamed as a possible bundle, each member scored and
 * slimmed as the CLI's rank does.
 * The set reuses the ids, kinds and grade/option ids of
 * criteria/hue-so-2018.xml (one leaf of each kind) so that the samples in
 * samples/hue-2018/so seed the fuzzer with items the loader really reads. */
#include <string.h>

#include "fuzz_common.h"

static const char set_xml[] =
	"<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"hue-so-2018\" year=\"2018\" max=\"27\""
	" block=\"so-nganh\" title=\"fuzz\" na=\"exclude\" no-survey=\"rescale\">"
	"<bands><band label=\"A\" min=\"20\"/><band label=\"B\" min=\"0\"/></bands>"
	"<self-check tolerance=\"10\" penalty=\"1\"/>"
	"<group id=\"1\" title=\"g1\" max=\"9\">"
	"<criterion id=\"1.1\" title=\"c\" max=\"3\">"
	"<criterion id=\"1.1.1\" title=\"c\" max=\"1\"><rule kind=\"deadline\" due=\"2018-01-31\""
	" grace-days=\"15\" grace-points=\"0.5\" late-points=\"0\"/></criterion>"
	"<criterion id=\"1.1.2\" title=\"c\" max=\"1\"><rule kind=\"grade\">"
	"<grade id=\"xs\" label=\"a\" share=\"100\"/><grade id=\"tot\" label=\"b\" share=\"75\"/>"
	"<grade id=\"ht\" label=\"c\" share=\"50\"/><grade id=\"kht\" label=\"d\" share=\"0\"/>"
	"</rule></criterion>"
	"<criterion id=\"1.1.3\" title=\"c\" max=\"1\" require-docs=\"true\"><rule kind=\"yes-no\"/>"
	"</criterion></criterion>"
	"<criterion id=\"1.2\" title=\"c\" max=\"2.5\">"
	"<criterion id=\"1.2.1\" title=\"c\" max=\"1.5\"><rule kind=\"ratio\" if-none=\"full\"/>"
	"</criterion>"
	"<criterion id=\"1.2.2\" title=\"c\" max=\"1\"><rule kind=\"judged\" step=\"0.25\"/>"
	"</criterion></criterion>"
	"<criterion id=\"1.3\" title=\"c\" max=\"2.5\">"
	"<criterion id=\"1.3.2\" title=\"c\" max=\"1.5\"><rule kind=\"linear\" from=\"50\" to=\"100\""
	" step=\"0.25\" unit=\"%\"/></criterion>"
	"<criterion id=\"1.3.3\" title=\"c\" max=\"1\"><rule kind=\"per-item\" points=\"0.25\"/>"
	"</criterion></criterion>"
	"<criterion id=\"1.5\" title=\"c\" max=\"1\" na=\"award\"><rule kind=\"yes-no\"/></criterion>"
	"</group>"
	"<group id=\"4\" title=\"g4\" max=\"1\"><criterion id=\"4.3\" title=\"c\" max=\"1\">"
	"<rule kind=\"yes-no\"/></criterion></group>"
	"<group id=\"5\" title=\"g5\" max=\"1\"><criterion id=\"5.5\" title=\"c\" max=\"1\">"
	"<rule kind=\"tiers\" unit=\"%\" better=\"higher\"><tier min=\"80\" points=\"1\"/>"
	"<tier min=\"50\" points=\"0.5\"/><tier min=\"0\" points=\"0\"/></rule></criterion></group>"
	"<group id=\"9\" title=\"g9\" max=\"16\" source=\"survey\">"
	"<criterion id=\"9.1\" title=\"c\" max=\"10\"><rule kind=\"scale\" from=\"1\" to=\"5\""
	" step=\"0.01\"/></criterion>"
	"<criterion id=\"9.2\" title=\"c\" max=\"6\"><rule kind=\"scale\" step=\"0.01\">"
	"<option id=\"A\" label=\"a\" weight=\"100\"/><option id=\"B\" label=\"b\" weight=\"75\"/>"
	"<option id=\"C\" label=\"c\" weight=\"50\"/><option id=\"D\" label=\"d\" weight=\"0\"/>"
	"</rule></criterion></group>"
	"<group id=\"B\" title=\"gb\" kind=\"bonus\" max=\"1\"><criterion id=\"B.1\" title=\"c\""
	" max=\"1\"><rule kind=\"yes-no\"/></criterion></group>"
	"<group id=\"P\" title=\"gp\" kind=\"penalty\" min=\"-1\"><criterion id=\"P.1\" title=\"c\""
	" min=\"-1\"><rule kind=\"per-item\" points=\"-0.25\"/></criterion></group>"
	"</criteria-set>";

static cchc_criteria *the_set(void)
{
	static cchc_criteria *set;
	if (!set) {
		cchc_diag *diag = cchc_diag_new();
		if (cchc_criteria_load_memory(&set, set_xml, strlen(set_xml), "fuzz-set.xml", diag) < 0) {
			for (size_t i = 0; i < cchc_diag_stored(diag); i++)
				fprintf(stderr, "fuzz-set.xml:%ld: %s\n", cchc_diag_get(diag, i)->line,
				        cchc_diag_get(diag, i)->message);
			abort(); /* the harness itself is broken */
		}
		cchc_diag_free(diag);
	}
	return set;
}

/* The CLI's rank sink: score, slim, drop. The published figures differ from
 * the slimmed score as from the whole one, never past their bound. */
static int score_member(cchc_assessment *a, void *user)
{
	size_t *members = user;
	cchc_score *score = NULL;
	if (cchc_score_compute(&score, a) == 0) {
		size_t diffs = cchc_published_compare(score, NULL, NULL, 0);
		if (diffs > cchc_published_max_diffs(a))
			abort();
		if (cchc_score_slim(score) == 0 && cchc_published_compare(score, NULL, NULL, 0) != diffs)
			abort(); /* slimming lost a published figure's computed points */
		cchc_assessment_slim(a);
		if (score->total > score->max && score->bonus == 0)
			abort(); /* a frame total above the agency's max */
		cchc_score_free(score);
	}
	cchc_assessment_free(a);
	(*members)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const cchc_criteria *sets[1] = {the_set()};
	cchc_diag *diag = cchc_diag_new();
	if (!diag)
		return 0;
	cchc_assessment *a = NULL;
	int rc = cchc_assessment_load_memory(&a, sets, 1, (const char *)data, size, "fuzz.xml", diag);
	fuzz_check(rc, a, diag);
	if (a) {
		cchc_score *score = NULL;
		if (cchc_score_compute(&score, a) == 0)
			cchc_score_free(score);
	}
	cchc_assessment_free(a);
	cchc_diag_free(diag);

	/* as a bundle: 0 means every member loaded, with no diagnostic */
	diag = cchc_diag_new();
	if (!diag)
		return 0;
	size_t members = 0;
	rc = cchc_assessment_stream_memory(sets, 1, (const char *)data, size, "fuzz.xml", score_member,
	                                   &members, diag);
	if (rc == 0 ? cchc_diag_count(diag) != 0 || members == 0
	            : rc != -1 || cchc_diag_count(diag) == 0) {
		fprintf(stderr, "stream contract broken: rc %d, %zu members, %zu diagnostics\n", rc,
		        members, cchc_diag_count(diag));
		abort();
	}
	cchc_diag_free(diag);
	return 0;
}
