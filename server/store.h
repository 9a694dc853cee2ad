/**
 * @file store.h
 * The server's storage: one SQLite database per province (DIR/cchc.sqlite3,
 * WAL, foreign keys, synchronous=NORMAL or FULL, versioned migrations) and a
 * content-addressed evidence folder (DIR/evidence/ab/cdef…).
 *
 * Every function may be called from any thread: the store keeps one SQLite
 * connection per thread internally. Writes run in BEGIN IMMEDIATE
 * transactions; every write to a published year returns STORE_FROZEN and
 * writes nothing (enforced here, not only by the caller), except the
 * documents' header values (srv_document_put), which change no figure.
 *
 * Return codes: STORE_OK (0) or a negative STORE_* code. The message of the
 * last failure on the calling thread is srv_store_errmsg().
 *
 * Ownership: arrays returned through ** out-parameters are the caller's
 * (srv_strv_free for string vectors, free() for struct arrays); cchc_buf
 * out-parameters are initialised by the caller and appended to.
 * Points are stored only as the strings the user gave ("0.25"), never floats.
 */
#ifndef CCHC_SERVER_STORE_H
#define CCHC_SERVER_STORE_H

#include <stddef.h>

#include "cchc/buf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct srv_store srv_store;

enum {
	STORE_OK = 0,
	STORE_ERR = -1,       /**< internal (SQLite, I/O); srv_store_errmsg() says what */
	STORE_NOTFOUND = -2,  /**< no such user, year, agency, item, session, evidence */
	STORE_CONFLICT = -3,  /**< stale expected version, wrong state, already exists */
	STORE_FROZEN = -4,    /**< the year is published: nothing written */
	STORE_INVALID = -5    /**< refused input (bad type, bad id, bad JSON) */
};

typedef enum {
	ROLE_NONE = 0,
	ROLE_EVALUATOR = 1,
	ROLE_AGENCY = 2,
	ROLE_APPRAISER = 4,
	ROLE_VIEWER = 8
} srv_role;

/** "evaluator", "agency", "appraiser", "viewer" -> role; ROLE_NONE otherwise. */
srv_role srv_role_parse(const char *name);
/** The role's name ("evaluator", …); "none" for ROLE_NONE. */
const char *srv_role_name(srv_role role);

/**
 * Open (creating the folder and database when missing) and migrate the store.
 * A database newer than this code is refused with a message in err.
 */
int srv_store_open(srv_store **out, const char *dir, char *err, size_t errlen);
/**
 * How a commit reaches the disk. NORMAL (the default; WAL + synchronous=NORMAL):
 * a crash or kill of the process loses no committed write and never corrupts
 * the database; only an OS crash or a power cut may lose the last commits.
 * FULL: every commit is on the disk (fsync) before it returns.
 */
typedef enum { SRV_SYNC_NORMAL = 0, SRV_SYNC_FULL = 1 } srv_sync;
/** Set it for every connection, open and to come; call it before other threads use the store. */
int srv_store_set_sync(srv_store *s, srv_sync mode);
/**
 * Checkpoints off the request path (store_checkpoint.c): a thread copies the
 * WAL back into the database a few times a second (PASSIVE: it blocks no
 * reader or writer) and the connections' own checkpoint after a commit is
 * turned off. For a long-running server; call it before other threads use
 * the store. srv_store_close() stops the thread.
 */
int srv_store_checkpoint_start(srv_store *s);
/** Stop that thread (nothing when not started); the connections keep theirs off until closed. */
void srv_store_checkpoint_stop(srv_store *s);
/** How many checkpoints the thread has run (0 when not started). */
long long srv_store_checkpoints(srv_store *s);
/**
 * The revisions of what the engine reads: *agency_rev for (year, agency)
 * (items, surveys, explanations, appraisal rounds, evidence links, the
 * agency's row and state) and *criteria_rev for the year's criteria sets,
 * each bumped in the same transaction as every such write, whoever makes it
 * (0 when never written). One indexed SELECT.
 */
int srv_revision(srv_store *s, int year, const char *agency, long long *agency_rev, long long *criteria_rev);
/**
 * The calling thread's last item, survey, appraisal or explanation put: the
 * agency's revision when its transaction began (*before) and the one it
 * committed (*after). *before equal to a revision read earlier means no
 * other write came between. STORE_ERR (both -1) when that put failed.
 */
int srv_last_put_revisions(srv_store *s, long long *before, long long *after);
/** Close every connection; NULL-safe. */
void srv_store_close(srv_store *s);
/** Copy the whole database to path with SQLite's online backup. */
int srv_store_backup(srv_store *s, const char *path, char *err, size_t errlen);
/** The message of the calling thread's last failure ("" when none). */
const char *srv_store_errmsg(srv_store *s);
/** The data folder the store was opened on. */
const char *srv_store_dir(const srv_store *s);
/** The schema version this code migrates to (PRAGMA user_version). */
int srv_store_schema_version(void);

/** Free a string vector returned by the store (strings and lengths); NULL-safe. */
void srv_strv_free(char **strv, size_t *lens, size_t n);

/* ---- passwords: Argon2id (libsodium crypto_pwhash_str, INTERACTIVE limits) ---- */
/** Hash pw into out. @return 0, -1 out of memory. */
int srv_password_hash(char out[128], const char *pw);
/** @return 0 when pw matches hash, -1 otherwise. */
int srv_password_verify(const char *hash, const char *pw);

/* ---- users ---- */
typedef struct {
	char name[64];
	srv_role role;
	char agency[64]; /**< "" unless ROLE_AGENCY */
	char hash[128];
} srv_user;
/**
 * STORE_CONFLICT when the name exists; STORE_INVALID for a bad name/role;
 * STORE_NOTFOUND for an agency account whose agency no year holds (an agency
 * of an earlier year only, e.g. merged since, is still an agency).
 */
int srv_user_add(srv_store *s, const char *name, srv_role role, const char *agency, const char *hash);
int srv_user_get(srv_store *s, const char *name, srv_user *out); /* STORE_NOTFOUND */
/** Set a user's password hash. */
int srv_user_set_hash(srv_store *s, const char *name, const char *hash);
/**
 * Assign an appraiser for a year to an agency (NULL: every agency) and/or a
 * group of criteria (NULL: every criterion; "3" covers 3, 3.1, 3.1.2, …).
 */
int srv_assign(srv_store *s, const char *user, int year, const char *agency /*NULL*/, const char *group /*NULL*/);
/**
 * The year's assignments as a JSON array, by user, agency, group:
 * [{"user":"hoidong","agency":"bdt","group":"3"}], agency or group null for all
 * (the keys POST /api/years/{y}/assignments takes).
 */
int srv_assignments_json(srv_store *s, int year, cchc_buf *out);
/**
 * @param criterion NULL: any criterion of the agency.
 * @return 1 assigned, 0 not, or a negative STORE_* code.
 */
int srv_is_assigned(srv_store *s, const char *user, int year, const char *agency, const char *criterion);

/* ---- sessions: the store keeps sha256(token) only; expiry in unix seconds ---- */
int srv_session_put(srv_store *s, const unsigned char token_hash[32], const char *user, const char *csrf, long long expires);
/** STORE_NOTFOUND when unknown or expired at now (expired ones are deleted). */
int srv_session_get(srv_store *s, const unsigned char token_hash[32], srv_user *user, char csrf[65], long long now);
int srv_session_delete(srv_store *s, const unsigned char token_hash[32]);

/* ---- years, criteria sets, agencies ---- */
typedef struct {
	int year;
	int published;
	char hash[65]; /**< "" until published */
} srv_year;
/** STORE_CONFLICT when the year exists. */
int srv_year_add(srv_store *s, int year);
int srv_year_state(srv_store *s, int year, int *published, char hash[65]); /* STORE_NOTFOUND */
/** Every year, ascending; free(*out). */
int srv_year_list(srv_store *s, srv_year **out, size_t *n);
/** Store a criteria set's XML as given (the caller validated it); replaces the same set_id. */
int srv_criteria_put(srv_store *s, int year, const char *block, const char *set_id, const char *xml, size_t len);
/** The year's criteria sets in the order added; srv_strv_free(*xmls, *lens, *n). */
int srv_criteria_list(srv_store *s, int year, /* out */ char ***xmls, size_t **lens, size_t *n);

typedef struct {
	char id[64];
	char name[256];
	char block[64];
	char continues[256]; /**< comma-separated earlier agency ids; "" when none */
	char state[16];      /**< draft, submitted, appraised-1, explanation, appraised-2, final */
	int late;            /**< a submission came after its deadline */
} srv_agency;
/** STORE_CONFLICT when the id exists in that year; STORE_NOTFOUND without the year. */
int srv_agency_add(srv_store *s, int year, const char *id, const char *name, const char *block, const char *continues);
int srv_agency_get(srv_store *s, int year, const char *id, srv_agency *out);
/** 1 when some year holds an agency of this id, 0 when none, or a negative STORE_* code. */
int srv_agency_known(srv_store *s, const char *id);
/** The year's agencies by block then id; free(*out). */
int srv_agency_list(srv_store *s, int year, srv_agency **out, size_t *n);

/* ---- items ----
 * attrs_json: a JSON object of the <item>'s attributes, each a string as the
 * assessment format writes it ({"date":"2018-02-12","self":"1","note":"…"}),
 * and "docs":[{"ref":"…","file":"…"},…]. A <survey> is stored the same way
 * ({"respondents":"40","mean":"3.148","sd":"0.75"} or "answers":[{"option":"A","count":"1"}])
 * and is put with srv_survey_put. "criterion" in the object is ignored.
 * Version starts at 1, each put +1; expected_version 0 = no check; a
 * mismatch -> STORE_CONFLICT, nothing written. History rows (who, when, old
 * JSON, new JSON) are written in the same transaction. STORE_INVALID when the
 * JSON is not such an object. */
int srv_item_put(srv_store *s, int year, const char *agency, const char *criterion,
                 const char *attrs_json, long expected_version, const char *user, long *new_version);
int srv_survey_put(srv_store *s, int year, const char *agency, const char *criterion,
                   const char *attrs_json, long expected_version, const char *user, long *new_version);
/** One appraisal round (1, 2, …) of a criterion; its version is the item's. */
int srv_appraisal_put(srv_store *s, int year, const char *agency, const char *criterion, int round,
                      const char *points /* "0.25" as given */, const char *reason, const char *user,
                      long expected_version, long *new_version);
int srv_explanation_put(srv_store *s, int year, const char *agency, const char *criterion,
                        const char *text, const char *user, long expected_version, long *new_version);
/** The item's current version (0 when never written). */
int srv_item_version(srv_store *s, int year, const char *agency, const char *criterion, long *version);
/** The whole (year, agency) as assessment XML (urn:cchc:assessment:1), items in the order stored. */
int srv_assessment_xml(srv_store *s, int year, const char *agency, cchc_buf *out);
/** Item history as a JSON array [{"at":..,"by":..,"field":..,"old":..,"new":..,"version":..}]. */
int srv_item_history_json(srv_store *s, int year, const char *agency, const char *criterion, cchc_buf *out);
/**
 * The items with their versions as a JSON array, in the order stored:
 * [{"criterion":"1.1.1","version":3,"item":{…attributes, "docs":[…]}|null,"survey":{…}|null,
 *   "explanation":"…"|null,"appraisals":[{"round":"1","points":"0.5","by":"…","reason":"…"}],
 *   "evidence":[{"hash":"…","filename":"…","type":"pdf","size":1234}]}].
 */
int srv_items_json(srv_store *s, int year, const char *agency, cchc_buf *out);

/* ---- cycle ---- */
/**
 * Move (year, agency) from state `from` to `to`; STORE_CONFLICT when it is
 * not in `from`. A move to "submitted" after the "submitted" deadline marks
 * the agency late.
 */
int srv_state_set(srv_store *s, int year, const char *agency, const char *from, const char *to, const char *user);
int srv_deadline_set(srv_store *s, int year, const char *stage, const char *date /*YYYY-MM-DD*/);
/** The year's deadlines as a JSON object {"submitted":"2018-12-15",…}. */
int srv_deadlines_json(srv_store *s, int year, cchc_buf *out);
/** Freeze the year with the inputs' hash; STORE_FROZEN when already published. */
int srv_publish(srv_store *s, int year, const char hash[65], const char *user);

/* ---- evidence: content-addressed; type checked by content (PDF %PDF-,
 * Office zip with [Content_Types].xml, OLE2 D0CF11E0, PNG, JPEG); the size
 * cap is the caller's. STORE_INVALID for any other content. ---- */
/** type_out: "pdf", "docx", "xlsx", "pptx", "ole2" (.doc/.xls/.ppt), "png" or "jpeg"; srv_evidence_mime() maps it. */
int srv_evidence_put(srv_store *s, const void *data, size_t len, char hash_out[65], char type_out[32]);
/** The type by content ("pdf", …, as srv_evidence_put), NULL when refused. */
const char *srv_evidence_sniff(const void *data, size_t len);
/** The Content-Type for a type ("application/pdf"; "application/octet-stream" when unknown). */
const char *srv_evidence_mime(const char *type);
int srv_evidence_link(srv_store *s, int year, const char *agency, const char *criterion, const char *hash, const char *filename, const char *user);
/**
 * Remove an uploaded file no item links (its row and its file; its folder when
 * left empty), e.g. after srv_evidence_link refused it: STORE_OK, and nothing
 * removed, when a link refers to the same content.
 */
int srv_evidence_discard(srv_store *s, const char *hash);
/**
 * What a process killed mid-upload left: the temporary files
 * (evidence/ab/.upload-XXXXXX) no live upload holds (each is locked while it
 * is written) go; nothing else, never through a link. For a server's start.
 */
void srv_evidence_sweep(srv_store *s);
/** Is name prefix and six letters or digits, as mkstemp and mkdtemp make them? */
int srv_temp_name(const char *name, const char *prefix);
/** Open a linked evidence file read-only (*fd is the caller's to close); STORE_NOTFOUND when not linked. */
int srv_evidence_open(srv_store *s, int year, const char *agency, const char *hash, int *fd, size_t *len, char type[32], char filename[256]);

/* ---- documents: the Word documents' header values ----
 * One JSON object per (year, agency) for the agency's plan (plan.docx) and per
 * year (agency "") for the province's report (report.docx, report.zip), with
 * cchc_docx_info's keys as members (strings; "recipient" a list of strings)
 * and, for the year, "title"; the server checks every value first. They change
 * no figure and are no part of the published hash, so, unlike every other
 * write, they stay writable after publication (an agency writes its uplift
 * plan after the results; the report's number is given at publication). A put
 * replaces the object whole, bumps its version and records a history row
 * (criterion "", field "document", old and new object: srv_item_history_json
 * with criterion "") in the same transaction. */
/** STORE_NOTFOUND without the year or the agency; STORE_INVALID when json is not such an object. */
int srv_document_put(srv_store *s, int year, const char *agency, const char *json, const char *user,
                     long *new_version);
/** The stored object as put ("{}" when none); STORE_NOTFOUND without the year or the agency. */
int srv_document_json(srv_store *s, int year, const char *agency, cchc_buf *out);

/* ---- audit ---- */
int srv_audit(srv_store *s, const char *user, const char *ip, const char *action, const char *target, const char *outcome);
/** Entries with id > since_id, the first 1000 (ask again from the last id for more), as
 * [{"id","at","user","ip","action","target","outcome"}]. */
int srv_audit_json(srv_store *s, long since_id, cchc_buf *out);

/* ---- import/export ---- */
/**
 * One assessment (root <assessment>) into rows: the agency (added when
 * missing), items, surveys, appraisal rounds, the <published> figures kept
 * verbatim. Parsed like the engine (no DTD, no network, no entities).
 * err gets "LINE: what is wrong" on failure.
 */
int srv_import_assessment_xml(srv_store *s, int year, const char *xml, size_t len, const char *user, char *err, size_t errlen);
/**
 * The same for a file named name (in messages): one <assessment> or a bundle
 * (<assessments>), every member checked by the engine before any is stored,
 * all stored in one transaction.
 */
int srv_import_xml(srv_store *s, int year, const char *xml, size_t len, const char *name, const char *user,
                   char *err, size_t errlen);
/** The same for files (each an assessment or a bundle), all stored or none. */
int srv_import_files(srv_store *s, int year, const char *const *paths, size_t n, const char *user, char *err,
                     size_t errlen);
/**
 * A demo data folder from criteria/hue-*-2018.xml and samples/hue-2018
 * (both blocks, the samples' appraisal rounds), one agency account per agency
 * id, "sonoivu" (evaluator), "hoidong" (appraiser, assigned to every agency of
 * 2018), password "demo" for all, hashed with hash (srv_password_hash).
 * source_dir holds criteria/ and samples/ (NULL: srv_data_dir()).
 */
int srv_demo_create(const char *dir, const char *source_dir, int (*hash)(char out[128], const char *pw), char *err, size_t errlen);
/** A whole XML file (at most 256 MiB), NUL-terminated, malloc'd; NULL with "PATH: why" in err. */
char *srv_read_file(const char *path, size_t *len, char *err, size_t errlen);
/** Where criteria/ and samples/ are: the source tree when it exists, else the installed data folder. */
const char *srv_data_dir(void);

#ifdef __cplusplus
}
#endif

#endif
