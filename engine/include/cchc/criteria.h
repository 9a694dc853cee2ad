/**
 * @file criteria.h
 * The criteria set: an immutable tree of groups (lĩnh vực), criteria (tiêu chí)
 * and sub-criteria (tiêu chí thành phần), loaded from XML and validated.
 *
 * Ownership: everything reachable from a cchc_criteria is owned by it and
 * read-only for callers; it lives until cchc_criteria_free().
 */
#ifndef CCHC_CRITERIA_H
#define CCHC_CRITERIA_H

#include <stddef.h>

#include "cchc/diag.h"
#include "cchc/points.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CCHC_RULE_NONE = 0, /**< a non-leaf: the sum of its children */
	CCHC_RULE_YES_NO,
	CCHC_RULE_TIERS,
	CCHC_RULE_LINEAR,
	CCHC_RULE_PER_ITEM,
	CCHC_RULE_DEADLINE,
	CCHC_RULE_RATIO,
	CCHC_RULE_GRADE,
	CCHC_RULE_JUDGED,
	CCHC_RULE_SCALE,
	CCHC_RULE_KIND_COUNT
} cchc_rule_kind;

typedef enum {
	CCHC_GROUP_SCORED = 0, /**< part of the 100-point frame */
	CCHC_GROUP_SURVEY,     /**< part of the frame; points come from surveys */
	CCHC_GROUP_BONUS,      /**< outside the frame, capped at max */
	CCHC_GROUP_PENALTY     /**< outside the frame, floored at min (max is 0) */
} cchc_group_kind;

typedef enum {
	CCHC_NA_EXCLUDE = 0, /**< N/A removes the criterion from the agency's max */
	CCHC_NA_AWARD,       /**< N/A earns the criterion's full points */
	CCHC_NA_NEVER        /**< N/A is not allowed: an N/A item scores as not done (0) */
} cchc_na_policy;

/** One tier: bound is a min (better higher) or a max (better lower). */
typedef struct cchc_tier {
	cchc_decimal bound;
	cchc_points points;
} cchc_tier;

/** A named grade: share of max in hundredths of a percent (10000 = 100 %). */
typedef struct cchc_grade {
	char *id;
	char *label;
	int64_t share;
} cchc_grade;

/** A survey answer option with its weight in millionths of a percent. */
typedef struct cchc_option {
	char *id;
	char *label;
	cchc_decimal weight;
} cchc_option;

/** A leaf's scoring rule; which fields matter depends on kind. */
typedef struct cchc_rule {
	cchc_rule_kind kind;
	long line;
	char *unit;              /**< tiers: "%", "ngày", … (may be NULL) */
	int better_lower;        /**< tiers: lower values are better */
	cchc_tier *tiers;        /**< tiers, best first */
	size_t ntiers;
	cchc_decimal from, to;   /**< linear, scale */
	cchc_points step;        /**< linear, ratio, judged, scale */
	cchc_points per_item;    /**< per-item: points per counted item */
	cchc_date due;           /**< deadline */
	cchc_points late_points; /**< deadline: points when later than any grace */
	int grace_days;          /**< deadline: 0 = no grace band */
	cchc_points grace_points;
	int if_none_full;        /**< ratio: a zero denominator gives full points */
	cchc_grade *grades;      /**< grade, best first */
	size_t ngrades;
	cchc_option *options;    /**< scale: answer options (may be empty) */
	size_t noptions;
} cchc_rule;

/** What a plan does to win a criterion's points back (appendix columns). */
typedef struct cchc_remedy {
	char *task;     /**< Nội dung nhiệm vụ (NULL: use the criterion title) */
	char *solution; /**< Giải pháp khắc phục */
	char *owner;    /**< Chủ trì */
	char *support;  /**< Phối hợp */
	char *when;     /**< Thời gian hoàn thành */
} cchc_remedy;

/** A group (depth 0) or a criterion (depth >= 1). */
typedef struct cchc_node {
	char *id;
	char *title;
	long line;                  /**< line in the criteria file */
	size_t index;               /**< position in cchc_criteria_nodes() (preorder) */
	int depth;                  /**< 0 for a group */
	cchc_points max;            /**< highest points (0 in a penalty group) */
	cchc_points min;            /**< lowest points (0 except in a penalty group) */
	const struct cchc_node *parent;
	const struct cchc_node *group; /**< the group this node belongs to (itself for a group) */
	struct cchc_node **children;
	size_t nchildren;
	cchc_rule rule;             /**< kind CCHC_RULE_NONE unless a leaf */
	cchc_remedy *remedy;        /**< may be NULL */
	int effort;                 /**< 0 when not given */
	char *verb;                 /**< what doing it is called ("triển khai", "đăng tải"), for
	                                 reasons such as a deadline's; NULL when not given */
	cchc_na_policy na;          /**< effective policy (the set's unless overridden) */
	int require_docs;           /**< effective */
	/* groups only */
	cchc_group_kind kind;
	char *area;                 /**< plan area; the title when not given */
} cchc_node;

typedef struct cchc_band {
	char *label;
	cchc_points min;
} cchc_band;

/** A loaded, validated criteria set (opaque). */
typedef struct cchc_criteria cchc_criteria;

/**
 * Load a criteria set: XML well-formedness, the schema, then the semantic
 * checks (unique ids, sums, tiers, steps, dates, bands).
 * @param[out] out the set on success, NULL otherwise
 * @param path the file to read
 * @param diag receives every problem found (file, line, message)
 * @return 0 on success, -1 if the file is invalid (see diag)
 */
int cchc_criteria_load(cchc_criteria **out, const char *path, cchc_diag *diag);

/** Same as cchc_criteria_load() from memory; name is used in messages. */
int cchc_criteria_load_memory(cchc_criteria **out, const char *data, size_t len,
                              const char *name, cchc_diag *diag);

/** Free a set; NULL is allowed. */
void cchc_criteria_free(cchc_criteria *set);

const char *cchc_criteria_id(const cchc_criteria *set);
const char *cchc_criteria_title(const cchc_criteria *set);
/** The block (khối) its agencies are ranked in: the set's block attribute, else its id. */
const char *cchc_criteria_block(const cchc_criteria *set);
const char *cchc_criteria_file(const cchc_criteria *set);
int cchc_criteria_year(const cchc_criteria *set);
/** The frame's max (100 for a 100-point index). */
cchc_points cchc_criteria_max(const cchc_criteria *set);
cchc_na_policy cchc_criteria_na_policy(const cchc_criteria *set);
/** Non-zero when an agency without any survey has the survey groups removed from its max. */
int cchc_criteria_survey_rescales(const cchc_criteria *set);

/**
 * The set's self-assessment check (<self-check>): a self-claimed total that
 * differs from the final total by more than tolerance percent (in hundredths:
 * 10 % is 1000) of it costs penalty points.
 * @return 1 if the set has one, else 0 (and both outputs are 0)
 */
int cchc_criteria_self_check(const cchc_criteria *set, cchc_points *tolerance,
                             cchc_points *penalty);

/** Bands, highest first. */
const cchc_band *cchc_criteria_bands(const cchc_criteria *set, size_t *count);

/** The groups, in file order. */
const cchc_node *const *cchc_criteria_groups(const cchc_criteria *set, size_t *count);

/** Every node (groups and criteria) in preorder; node->index is its position. */
const cchc_node *const *cchc_criteria_nodes(const cchc_criteria *set, size_t *count);

/** Look a node up by id; NULL when there is none. */
const cchc_node *cchc_criteria_find(const cchc_criteria *set, const char *id);

/** Number of leaves (criteria carrying a rule). */
size_t cchc_criteria_leaf_count(const cchc_criteria *set);

/** The rule kind's name as written in XML ("yes-no", …). */
const char *cchc_rule_kind_name(cchc_rule_kind kind);

#ifdef __cplusplus
}
#endif

#endif
