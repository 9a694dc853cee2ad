/* A deterministic generator of national-scale inputs for the benchmark:
 * a criteria set of G groups and L scored leaves (every rule kind) plus a
 * survey group, and N assessments from a fixed seed.
 *
 *   cchc-bench-gen [--bundle | --both] DIR AGENCIES [LEAVES [SEED]]
 *
 * writes DIR/criteria.xml and the assessments: by default one file per agency,
 * DIR/assessments/a000001.xml …; with --bundle one multi-agency bundle instead,
 * DIR/assessments.xml (<assessments> around the same <assessment> elements,
 * which inherit its namespace); with --both the two. Same arguments, same
 * bytes, on every machine (a local xorshift, no libc rand), and the bundle's
 * assessments are the agency files' with the XML declaration and the xmlns
 * attribute taken off: the two layouts hold the same data. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GROUPS 8
#define SURVEY_LEAVES 5
#define SCORED_MAX 62 /* the survey group takes the other 38 of 100 */
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ASSESSMENT_NS "urn:cchc:assessment:1"

/* Where the assessments go: a file per agency, the bundle, or both. */
enum { LAYOUT_FILES = 1, LAYOUT_BUNDLE = 2 };

static const char *prog = "cchc-bench-gen";

static uint64_t state;

static uint32_t next(uint32_t bound)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (uint32_t)(state % bound);
}

/* Leaf i's max in hundredths: the scored groups' 62 points spread over the
 * leaves in hundredths, the remainder on each group's first leaf. */
static long leaf_max(size_t leaves_in_group, size_t i, long group_max)
{
	long base = group_max / (long)leaves_in_group;
	return i == 0 ? group_max - base * (long)(leaves_in_group - 1) : base;
}

/* Open PATH for writing, or say why not. */
static FILE *create(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "%s: cannot create %s: %s\n", prog, path, strerror(errno));
	return f;
}

/* Close F, written as PATH: 0, or -1 with a message naming PATH and the file
 * removed. A write that failed on the way (a full disk) leaves the stream's
 * error flag set even if the last flush succeeds, so both are checked. */
static int finish(FILE *f, const char *path)
{
	int failed = ferror(f), err = errno;
	if (fclose(f) != 0) {
		failed = 1;
		err = errno;
	}
	if (!failed)
		return 0;
	fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, err ? strerror(err) : "write error");
	remove(path);
	return -1;
}

static void write_rule(FILE *f, size_t kind, long max)
{
	switch (kind) {
	case 0:
		fputs("<rule kind=\"yes-no\"/>", f);
		break;
	case 1:
		fprintf(f, "<rule kind=\"tiers\" unit=\"%%\"><tier min=\"90\" points=\"%ld.%02ld\"/>"
		           "<tier min=\"50\" points=\"%ld.%02ld\"/></rule>",
		        max / 100, max % 100, max / 200, (max / 2) % 100);
		break;
	case 2:
		fputs("<rule kind=\"ratio\" step=\"0.01\" if-none=\"full\"/>", f);
		break;
	case 3: {
		long per = max < 25 ? max : 25; /* 0,25 a piece, never above the max */
		fprintf(f, "<rule kind=\"per-item\" points=\"%ld.%02ld\"/>", per / 100, per % 100);
		break;
	}
	case 4:
		fputs("<rule kind=\"deadline\" due=\"2025-01-31\" grace-days=\"15\" grace-points=\"0\"/>",
		      f);
		break;
	default:
		fputs("<rule kind=\"linear\" from=\"0\" to=\"100\" step=\"0.01\"/>", f);
	}
}

static int write_criteria(const char *dir, size_t leaves)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/criteria.xml", dir);
	FILE *f = create(path);
	if (!f)
		return -1;
	fprintf(f, XML_DECL
	           "<criteria-set xmlns=\"urn:cchc:criteria:1\" id=\"bench\" year=\"2025\" max=\"100\" "
	           "title=\"Bộ chỉ số thử tải\">\n<bands><band label=\"Tốt\" min=\"80\"/>"
	           "<band label=\"Khá\" min=\"70\"/><band label=\"Yếu\" min=\"0\"/></bands>\n");
	static const long group_max[GROUPS] = {1300, 400, 200, 400, 1000, 600, 500, 1800};
	size_t id = 0;
	for (size_t g = 0; g < GROUPS; g++) {
		size_t n = leaves / GROUPS + (g < leaves % GROUPS);
		fprintf(f, "<group id=\"%zu\" title=\"Lĩnh vực %zu\" max=\"%ld.%02ld\">\n", g + 1, g + 1,
		        group_max[g] / 100, group_max[g] % 100);
		for (size_t i = 0; i < n; i++, id++) {
			long max = leaf_max(n, i, group_max[g]);
			fprintf(f, "<criterion id=\"%zu.%zu\" title=\"Tiêu chí %zu.%zu\" max=\"%ld.%02ld\">",
			        g + 1, i + 1, g + 1, i + 1, max / 100, max % 100);
			write_rule(f, id % 6, max);
			fprintf(f, "<remedy owner=\"Văn phòng\" when=\"Quý I\">Khắc phục tiêu chí %zu.%zu"
			           "</remedy></criterion>\n", g + 1, i + 1);
		}
		fputs("</group>\n", f);
	}
	fputs("<group id=\"9\" title=\"Điều tra xã hội học\" max=\"38\" source=\"survey\">\n", f);
	static const char *const survey_max[SURVEY_LEAVES] = {"10", "8", "8", "6", "6"};
	for (size_t i = 0; i < SURVEY_LEAVES; i++)
		fprintf(f, "<criterion id=\"9.%zu\" title=\"Khảo sát %zu\" max=\"%s\"><rule kind=\"scale\" "
		           "from=\"1\" to=\"5\" step=\"0.01\"/></criterion>\n",
		        i + 1, i + 1, survey_max[i]);
	fputs("</group>\n</criteria-set>\n", f);
	return finish(f, path);
}

static void write_item(FILE *f, size_t g, size_t i, size_t kind)
{
	fprintf(f, "<item criterion=\"%zu.%zu\" ", g + 1, i + 1);
	switch (kind) {
	case 0:
		fprintf(f, "met=\"%s\"", next(10) < 8 ? "true" : "false");
		break;
	case 1:
	case 5:
		fprintf(f, "value=\"%u.%u\"", next(100), next(10));
		break;
	case 2: {
		uint32_t den = 1 + next(3000);
		fprintf(f, "numerator=\"%u\" denominator=\"%u\"", den - next(den / 5 + 1), den);
		break;
	}
	case 3:
		fprintf(f, "count=\"%u\"", next(8));
		break;
	default:
		fprintf(f, "date=\"2025-%02u-%02u\"", 1 + next(3), 1 + next(28));
	}
	fputs(" self=\"0\"><doc ref=\"Văn bản số 01\"/></item>\n", f);
}

/* Agency A's assessment, from the generator's current state: a file of its
 * own (the XML declaration, the namespace on the root) or an element of the
 * bundle (the namespace inherited); every other byte the same. */
static void write_assessment(FILE *f, size_t a, size_t leaves, int in_bundle)
{
	fputs(in_bundle ? "<assessment" : XML_DECL "<assessment xmlns=\"" ASSESSMENT_NS "\"", f);
	fprintf(f, " criteria-set=\"bench\" year=\"2025\">\n"
	           "<agency id=\"a%06zu\" name=\"Đơn vị %zu\"/>\n", a + 1, a + 1);
	size_t id = 0;
	for (size_t g = 0; g < GROUPS; g++) {
		size_t n = leaves / GROUPS + (g < leaves % GROUPS);
		for (size_t i = 0; i < n; i++, id++)
			write_item(f, g, i, id % 6);
	}
	for (size_t i = 0; i < SURVEY_LEAVES; i++)
		fprintf(f, "<survey criterion=\"9.%zu\" respondents=\"%u\" mean=\"%u.%03u\" sd=\"0.%u\"/>\n",
		        i + 1, 30 + next(300), 2 + next(3), next(1000), 3 + next(6));
	fputs("</assessment>\n", f);
}

static int write_agency_file(const char *dir, size_t a, size_t leaves)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/assessments/a%06zu.xml", dir, a + 1);
	FILE *f = create(path);
	if (!f)
		return -1;
	write_assessment(f, a, leaves, 0);
	return finish(f, path);
}

/* The assessments in LAYOUT. Each agency's values come from the state at its
 * start, so with both layouts the bundle replays the state the agency's file
 * began from: either layout alone gives the same bytes as the two together.
 * A failed write to the bundle (a full disk) ends the loop; finish says why. */
static int write_assessments(const char *dir, size_t agencies, size_t leaves, int layout)
{
	char path[4096];
	FILE *bundle = NULL;
	if (layout & LAYOUT_BUNDLE) {
		snprintf(path, sizeof path, "%s/assessments.xml", dir);
		if (!(bundle = create(path)))
			return -1;
		fputs(XML_DECL "<assessments xmlns=\"" ASSESSMENT_NS "\">\n", bundle);
	}
	for (size_t a = 0; a < agencies && !(bundle && ferror(bundle)); a++) {
		uint64_t start = state;
		if ((layout & LAYOUT_FILES) && write_agency_file(dir, a, leaves) != 0) {
			if (bundle) {
				fclose(bundle);
				remove(path);
			}
			return -1;
		}
		if (bundle) {
			state = start;
			write_assessment(bundle, a, leaves, 1);
		}
	}
	if (!bundle)
		return 0;
	fputs("</assessments>\n", bundle);
	return finish(bundle, path);
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "%s: cannot create %s: %s\n", prog, path, strerror(errno));
	return -1;
}

int main(int argc, char **argv)
{
	int layout = LAYOUT_FILES, arg = 1;
	for (; arg < argc && strncmp(argv[arg], "--", 2) == 0; arg++) {
		if (strcmp(argv[arg], "--bundle") == 0)
			layout = LAYOUT_BUNDLE;
		else if (strcmp(argv[arg], "--both") == 0)
			layout = LAYOUT_FILES | LAYOUT_BUNDLE;
		else
			break;
	}
	if (argc - arg < 2 || argc - arg > 4 || strncmp(argv[arg], "--", 2) == 0) {
		fprintf(stderr, "usage: %s [--bundle | --both] DIR AGENCIES [LEAVES [SEED]]\n", prog);
		return 2;
	}
	const char *dir = argv[arg];
	size_t agencies = strtoul(argv[arg + 1], NULL, 10);
	size_t leaves = argc - arg > 2 ? strtoul(argv[arg + 2], NULL, 10) : 120;
	state = argc - arg > 3 ? strtoull(argv[arg + 3], NULL, 10) : 2026;
	if (!state)
		state = 1;
	if (agencies == 0 || leaves < GROUPS || leaves > 10000) {
		fprintf(stderr, "%s: give 1 or more agencies and %d to 10000 leaves\n", prog, GROUPS);
		return 2;
	}
	char sub[4096];
	snprintf(sub, sizeof sub, "%s/assessments", dir);
	if (make_dir(dir) != 0 || ((layout & LAYOUT_FILES) && make_dir(sub) != 0) ||
	    write_criteria(dir, leaves) != 0 || write_assessments(dir, agencies, leaves, layout) != 0)
		return 1;
	return 0;
}
