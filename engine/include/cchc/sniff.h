/**
 * @file sniff.h
 * Tell what kind of cchc file a path holds from its root element, without
 * parsing it: tools that take criteria sets and assessments in any order
 * (or folders of them) sort their arguments with this, then load each with
 * the hardened loader, which does every real check.
 */
#ifndef CCHC_SNIFF_H
#define CCHC_SNIFF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	CCHC_FILE_NOT_REGULAR = -2, /**< a FIFO, device or socket: never read (it could block) */
	CCHC_FILE_UNREADABLE = -1, /**< cannot be opened or read (errno is set) */
	CCHC_FILE_OTHER = 0,       /**< no root element cchc knows */
	CCHC_FILE_CRITERIA,        /**< <criteria-set> */
	CCHC_FILE_ASSESSMENT,      /**< <assessment>, or a bundle of them (<assessments>) */
	CCHC_FILE_PLAN             /**< <plan> (uplift plan) */
} cchc_file_kind;

/**
 * The kind of file at path, from the name of its first element (any
 * namespace prefix ignored). Reads the prolog before it (declaration,
 * comments, processing instructions, a DOCTYPE) however long it is: the
 * file bounds it.
 */
cchc_file_kind cchc_file_sniff(const char *path);

/** The same for a document in memory. */
cchc_file_kind cchc_file_sniff_memory(const char *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif
