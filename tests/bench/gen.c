/* A deterministic generator of national-scale inputs for the benchmark:
 * a criteria set of G groups and L scored leaves (every rule kind) plus a
 * survey group, and N assessments, one file each, from a fixed seed.
 *
 *   cchc-bench-gen DIR AGENCIES [LEAVES [SEED]]
 *
 * writes DIR/criteria.xml and DIR/assessments/a000001.xml … Same arguments,
 * same bytes, on every machine (a local xorshift, no libc rand). */
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
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
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
	return fclose(f);
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

static int write_assessment(const char *dir, size_t a, size_t leaves)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/assessments/a%06zu.xml", dir, a + 1);
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	           "<assessment xmlns=\"urn:cchc:assessment:1\" criteria-set=\"bench\" year=\"2025\">\n"
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
	return fclose(f);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s DIR AGENCIES [LEAVES [SEED]]\n", argv[0]);
		return 2;
	}
	const char *dir = argv[1];
	size_t agencies = strtoul(argv[2], NULL, 10);
	size_t leaves = argc > 3 ? strtoul(argv[3], NULL, 10) : 120;
	state = argc > 4 ? strtoull(argv[4], NULL, 10) : 2026;
	if (!state)
		state = 1;
	if (agencies == 0 || leaves < GROUPS || leaves > 10000) {
		fprintf(stderr, "%s: give 1 or more agencies and %d to 10000 leaves\n", argv[0], GROUPS);
		return 2;
	}
	char sub[4096];
	snprintf(sub, sizeof sub, "%s/assessments", dir);
	if ((mkdir(dir, 0777) != 0 && errno != EEXIST) || (mkdir(sub, 0777) != 0 && errno != EEXIST) ||
	    write_criteria(dir, leaves) != 0) {
		perror(dir);
		return 1;
	}
	for (size_t a = 0; a < agencies; a++)
		if (write_assessment(dir, a, leaves) != 0) {
			perror(sub);
			return 1;
		}
	return 0;
}
