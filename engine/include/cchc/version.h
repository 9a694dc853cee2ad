/** @file version.h  Library version. */
#ifndef CCHC_VERSION_H
#define CCHC_VERSION_H

#define CCHC_VERSION "0.1.0"
#define CCHC_VERSION_MAJOR 0
#define CCHC_VERSION_MINOR 1
#define CCHC_VERSION_PATCH 0

#endif
