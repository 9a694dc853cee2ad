/* cchc admin: the data folder of cchc serve (server/store.h) from the
 * command line: make it, add users, criteria sets and agencies, import and
 * export a year's assessments, back it up. */
#define _POSIX_C_SOURCE 200809L /* isatty, tcgetattr, fileno */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"
#include "cchc/diag_say.h"
#include "cchc/workbook.h"

static const char *const usage = N_(
	"Usage: cchc admin init --data DIR\n"
	"       cchc admin user add --data DIR NAME --role ROLE [--agency ID]\n"
	"       cchc admin criteria add --data DIR --year YEAR FILE.xml|FILE.xlsx\n"
	"       cchc admin agency add --data DIR --year YEAR ID --name NAME [--block B]\n"
	"                             [--continues ID,ID...]\n"
	"       cchc admin assign --data DIR --year YEAR USER [--agency ID] [--group G]\n"
	"       cchc admin import --data DIR --year YEAR BUNDLE.xml|FOLDER\n"
	"       cchc admin export --data DIR --year YEAR -o FOLDER\n"
	"       cchc admin backup --data DIR FILE\n"
	"\n"
	"Manage the data folder cchc serve works on (README, \"Server\"): DIR/cchc.sqlite3\n"
	"and the evidence files under DIR/evidence.\n"
	"\n"
	"  init           make the data folder (or bring an older one to this version)\n"
	"  user add       add an account; ROLE is evaluator (Sở Nội vụ), agency (staff of\n"
	"                 the agency --agency ID), appraiser (council) or viewer; the\n"
	"                 password, 8 characters or more, is read from standard input\n"
	"                 (its first line), never from the command line\n"
	"  criteria add   add a criteria set (checked first) to YEAR, made when missing;\n"
	"                 from its XML or from its drafting workbook (cchc template --help)\n"
	"  agency add     add an agency to YEAR; --continues names the earlier agencies\n"
	"                 it carries on after a merger\n"
	"  assign         let the appraiser USER appraise in YEAR the agency --agency ID\n"
	"                 (without it: every agency), the criteria of group --group G\n"
	"                 (\"3\" covers 3.1, 3.1.2, ...; without it: every criterion)\n"
	"  import         store assessments (a file, a bundle, or a folder's *.xml), each\n"
	"                 checked against YEAR's criteria sets; all or none\n"
	"  export         write each agency's assessment of YEAR as FOLDER/ID.xml\n"
	"  backup         copy the database to FILE (SQLite's online backup: the server\n"
	"                 may keep running); FILE must not exist yet\n"
	"\n"
	"Exit status: 0 done, 1 invalid input (nothing written), 2 usage error.\n");

typedef struct {
	const char *data, *year, *role, *agency, *name, *block, *continues, *output, *group;
	const char *args[2];
	size_t nargs;
} admin_opts;

static int fail(const char *where, const char *msg)
{
	fprintf(stderr, "cchc admin: %s: %s\n", where, msg);
	return CLI_INVALID;
}

/* The options every subcommand may take, then up to two plain arguments. */
static int parse(int argc, char **argv, int first, admin_opts *o)
{
	static const char *const names[] = {"--data",  "--year",      "--role",   "--agency", "--name",
	                                    "--block", "--continues", "--output", "-o",       "--group"};
	int i, rc;
	size_t k;

	memset(o, 0, sizeof *o);
	for (i = first; i < argc; i++) {
		const char **slots[] = {&o->data,  &o->year,      &o->role,   &o->agency, &o->name,
		                        &o->block, &o->continues, &o->output, &o->output, &o->group};
		int matched = 0;
		for (k = 0; k < sizeof names / sizeof names[0] && !matched; k++)
			if ((rc = cli_option_value(argc, argv, &i, names[k], slots[k])) != 0) {
				if (rc < 0)
					return CLI_USAGE;
				matched = 1;
			}
		if (matched)
			continue;
		if (strncmp(argv[i], "--", 2) == 0 || o->nargs == 2)
			return cli_usage_error("admin", _("unknown argument '%s'"), argv[i]);
		o->args[o->nargs++] = argv[i];
	}
	if (!o->data)
		return cli_usage_error("admin", _("give the data folder: --data DIR"));
	return CLI_OK;
}

static int parse_year(const char *s, int *year)
{
	unsigned long long y;

	if (!s)
		return cli_usage_error("admin", _("give the year: --year YEAR"));
	if (cli_parse_count(s, 9999, &y) < 0 || y < 2000)
		return cli_usage_error("admin", _("--year wants a year from 2000 to 9999, not '%s'"), s);
	*year = (int)y;
	return CLI_OK;
}

/* The store of an existing data folder (init makes one). */
static int open_store(const char *dir, int create, srv_store **st)
{
	char path[4096], err[1024];
	struct stat sb;

	snprintf(path, sizeof path, "%s/cchc.sqlite3", dir);
	if (!create && stat(path, &sb) != 0)
		return fail(dir, _("no data folder here: make one with cchc admin init --data DIR"));
	if (srv_store_open(st, dir, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "cchc admin: %s\n", err);
		return CLI_INVALID;
	}
	return CLI_OK;
}

static int store_failed(srv_store *st, const char *where)
{
	fail(where, srv_store_errmsg(st));
	srv_store_close(st);
	return CLI_INVALID;
}

/* The password: the first line of standard input (not echoed on a terminal). */
static int read_password(char *pw, size_t size)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	size_t n;
	char *ok;

	if (tty) {
		fputs(_("Password: "), stderr);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	ok = fgets(pw, (int)size, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputs("\n", stderr);
	}
	if (!ok)
		return fail(_("standard input"), _("give the password on its first line"));
	n = strcspn(pw, "\r\n");
	if (pw[n] == '\0' && n == size - 1)
		return fail(_("standard input"), _("the password is longer than 255 bytes"));
	pw[n] = '\0';
	if (n < 8)
		return fail(_("standard input"), _("the password needs 8 characters or more"));
	return CLI_OK;
}

/* An agency account names an agency some year holds. */
static int unknown_agency(const admin_opts *o)
{
	fprintf(stderr,
	        _("cchc admin: %s: no year has an agency %s: add the agency first "
	          "(cchc admin agency add --data DIR --year YEAR %s --name NAME), then its account\n"),
	        o->args[0], o->agency, o->agency);
	return CLI_INVALID;
}

static int user_add(const admin_opts *o)
{
	char pw[256], hash[128];
	srv_role role = srv_role_parse(o->role);
	srv_store *st;
	int rc;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("user add wants one NAME"));
	if (role == ROLE_NONE)
		return cli_usage_error("admin", _("--role wants evaluator, agency, appraiser or viewer, not '%s'"),
		                       o->role ? o->role : "");
	if ((role == ROLE_AGENCY) != (o->agency != NULL))
		return cli_usage_error("admin", role == ROLE_AGENCY ? _("an agency account needs --agency ID")
		                                                    : _("--agency goes with --role agency only"));
	if ((rc = open_store(o->data, 0, &st)) != CLI_OK)
		return rc;
	/* an account of an agency no year holds would sign in to nothing: asked before the password */
	if (o->agency && (rc = srv_agency_known(st, o->agency)) != 1) {
		if (rc < 0)
			return store_failed(st, o->args[0]);
		srv_store_close(st);
		return unknown_agency(o);
	}
	if ((rc = read_password(pw, sizeof pw)) != CLI_OK) {
		srv_store_close(st);
		return rc;
	}
	rc = srv_password_hash(hash, pw);
	memset(pw, 0, sizeof pw);
	if (rc != 0) {
		srv_store_close(st);
		return fail(o->args[0], _("cannot hash the password (out of memory)"));
	}
	if ((rc = srv_user_add(st, o->args[0], role, o->agency, hash)) == STORE_NOTFOUND) {
		srv_store_close(st);
		return unknown_agency(o);
	}
	if (rc != STORE_OK)
		return store_failed(st, o->args[0]);
	if (o->agency)
		printf(_("%s: user %s (%s of %s) added\n"), o->data, o->args[0], srv_role_name(role), o->agency);
	else
		printf(_("%s: user %s (%s) added\n"), o->data, o->args[0], srv_role_name(role));
	srv_store_close(st);
	return CLI_OK;
}

static int criteria_add(const admin_opts *o)
{
	cchc_diag *diag;
	cchc_criteria *set = NULL;
	srv_store *st = NULL;
	char *xml = NULL, err[1024];
	size_t len = 0;
	int year, rc;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("criteria add wants one FILE.xml or FILE.xlsx"));
	diag = cchc_diag_new();
	if ((rc = parse_year(o->year, &year)) != CLI_OK || (rc = open_store(o->data, 0, &st)) != CLI_OK)
		goto cleanup;
	rc = CLI_INVALID;
	if (!diag)
		goto cleanup;
	if (cchc_criteria_workbook_sniff(o->args[0]) == 1) {
		/* a drafting workbook: the set it stands for, checked cell by cell */
		cchc_buf b;
		cchc_buf_init(&b, 0);
		if (cchc_criteria_workbook_to_xml(&b, o->args[0], cli_messages_lang == CCHC_LANG_EN,
		                                  diag) != 0) {
			cchc_buf_dispose(&b);
			cli_print_diag(diag);
			goto cleanup;
		}
		if (!(xml = malloc(b.len + 1))) {
			cchc_buf_dispose(&b);
			fprintf(stderr, _("cchc admin: %s: out of memory\n"), o->args[0]);
			goto cleanup;
		}
		memcpy(xml, b.data, b.len);
		xml[len = b.len] = '\0';
		cchc_buf_dispose(&b);
	} else if (!(xml = srv_read_file(o->args[0], &len, err, sizeof err))) {
		fprintf(stderr, "cchc admin: %s\n", err);
		goto cleanup;
	} else if (len >= 4 && memcmp(xml, "PK\3\4", 4) == 0) {
		fprintf(stderr,
		        _("cchc admin: %s: a workbook, but not a criteria-set workbook: give the set's XML, "
		          "or the workbook cchc template --criteria writes\n"),
		        o->args[0]);
		goto cleanup;
	}
	if (cchc_criteria_load_memory(&set, xml, len, o->args[0], diag) != 0) {
		cli_print_diag(diag);
		goto cleanup;
	}
	if (cchc_criteria_year(set) != year) {
		fprintf(stderr, _("cchc admin: %s: the criteria set is for %d, not %d: give --year %d\n"), o->args[0],
		        cchc_criteria_year(set), year, cchc_criteria_year(set));
		goto cleanup;
	}
	rc = srv_year_add(st, year);
	if ((rc != STORE_OK && rc != STORE_CONFLICT) ||
	    srv_criteria_put(st, year, cchc_criteria_block(set), cchc_criteria_id(set), xml, len) != STORE_OK) {
		rc = store_failed(st, o->args[0]);
		st = NULL;
		goto cleanup;
	}
	printf(_("%s: criteria set %s (block %s) stored for %d\n"), o->args[0], cchc_criteria_id(set),
	       cchc_criteria_block(set), year);
	rc = CLI_OK;
cleanup:
	srv_store_close(st);
	cchc_criteria_free(set);
	free(xml);
	cchc_diag_free(diag);
	return rc;
}

static int agency_add(const admin_opts *o)
{
	srv_store *st;
	int year, rc;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("agency add wants one ID"));
	if (!o->name)
		return cli_usage_error("admin", _("give the agency's name: --name NAME"));
	if ((rc = parse_year(o->year, &year)) != CLI_OK || (rc = open_store(o->data, 0, &st)) != CLI_OK)
		return rc;
	if (srv_agency_add(st, year, o->args[0], o->name, o->block, o->continues) != STORE_OK)
		return store_failed(st, o->args[0]);
	printf(_("%s: agency %s added to %d\n"), o->data, o->args[0], year);
	srv_store_close(st);
	return CLI_OK;
}

static int assign(const admin_opts *o)
{
	srv_user u;
	srv_store *st;
	int year, rc;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("assign wants one USER (an appraiser)"));
	if ((rc = parse_year(o->year, &year)) != CLI_OK || (rc = open_store(o->data, 0, &st)) != CLI_OK)
		return rc;
	if (srv_user_get(st, o->args[0], &u) != STORE_OK) {
		srv_store_close(st);
		return fail(o->args[0], _("no such user: add it first (cchc admin user add --role appraiser)"));
	}
	if (u.role != ROLE_APPRAISER) {
		srv_store_close(st);
		return fail(o->args[0], _("not an appraiser: only appraisers are assigned"));
	}
	if (srv_assign(st, o->args[0], year, o->agency, o->group) != STORE_OK)
		return store_failed(st, o->args[0]);
	char who[160], what[160];
	if (o->agency)
		snprintf(who, sizeof who, _("agency %s"), o->agency);
	else
		snprintf(who, sizeof who, "%s", _("every agency"));
	if (o->group)
		snprintf(what, sizeof what, _("group %s"), o->group);
	else
		snprintf(what, sizeof what, "%s", _("every criterion"));
	printf(_("%s: %s appraises in %d %s, %s\n"), o->data, o->args[0], year, who, what);
	srv_store_close(st);
	return CLI_OK;
}

static int xml_entry(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

static int import(const admin_opts *o)
{
	struct dirent **list = NULL;
	char **paths = NULL, err[1024];
	struct stat sb;
	srv_store *st;
	int year, rc, n = 1, i;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("import wants one BUNDLE.xml or FOLDER"));
	if ((rc = parse_year(o->year, &year)) != CLI_OK)
		return rc;
	if (stat(o->args[0], &sb) != 0)
		return fail(o->args[0], strerror(errno));
	if (S_ISDIR(sb.st_mode) && (n = scandir(o->args[0], &list, xml_entry, alphasort)) <= 0)
		return fail(o->args[0], n == 0 ? _("the folder holds no *.xml file") : strerror(errno));
	if (!(paths = calloc((size_t)n, sizeof *paths)))
		return fail(o->args[0], _("out of memory"));
	for (i = 0; i < n; i++) {
		size_t len = list ? strlen(o->args[0]) + strlen(list[i]->d_name) + 2 : 0;
		if (list && (paths[i] = malloc(len)))
			snprintf(paths[i], len, "%s/%s", o->args[0], list[i]->d_name);
		else if (!list)
			paths[i] = strdup(o->args[0]);
		if (list)
			free(list[i]);
	}
	free(list);
	rc = open_store(o->data, 0, &st);
	if (rc == CLI_OK) {
		if (srv_import_files(st, year, (const char *const *)paths, (size_t)n, "admin", err, sizeof err) != STORE_OK) {
			char said[sizeof err + CCHC_DIAG_SAY_SIZE];
			cchc_diag_say_after(err, cli_messages_lang, said, sizeof said); /* about the data */
			fprintf(stderr, "cchc admin: %s\n", said);
			rc = CLI_INVALID;
		} else {
			printf(ngettext("%s: %d file imported into %d\n", "%s: %d files imported into %d\n", (unsigned long)n),
			       o->data, n, year);
		}
		srv_store_close(st);
	}
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return rc;
}

static int export(const admin_opts *o)
{
	char path[4096];
	srv_agency *list = NULL;
	srv_store *st;
	size_t n = 0, i;
	int year, rc;

	if (o->nargs != 0 || !o->output)
		return cli_usage_error("admin", _("export wants the folder to write: -o FOLDER"));
	if ((rc = parse_year(o->year, &year)) != CLI_OK || (rc = open_store(o->data, 0, &st)) != CLI_OK)
		return rc;
	if (srv_agency_list(st, year, &list, &n) != STORE_OK)
		return store_failed(st, o->data);
	if (mkdir(o->output, 0755) != 0 && errno != EEXIST) {
		rc = fail(o->output, strerror(errno));
		n = 0;
	}
	for (i = 0; i < n && rc == CLI_OK; i++) {
		cchc_buf xml;
		int w;
		cchc_buf_init(&xml, 0);
		snprintf(path, sizeof path, "%s/%s.xml", o->output, list[i].id);
		if (srv_assessment_xml(st, year, list[i].id, &xml) != STORE_OK)
			rc = fail(list[i].id, srv_store_errmsg(st));
		else if ((w = cchc_write_file_atomic(path, xml.data, xml.len)) != 0)
			rc = fail(path, cchc_write_strerror(w, errno));
		cchc_buf_dispose(&xml);
	}
	if (rc == CLI_OK)
		printf(ngettext("%s: %zu assessment of %d written\n", "%s: %zu assessments of %d written\n", n),
		       o->output, n, year);
	free(list);
	srv_store_close(st);
	return rc;
}

static int backup(const admin_opts *o)
{
	char err[1024];
	struct stat sb;
	srv_store *st;
	int rc;

	if (o->nargs != 1)
		return cli_usage_error("admin", _("backup wants one FILE"));
	if (lstat(o->args[0], &sb) == 0)
		return fail(o->args[0], _("already exists: give a new file name"));
	if ((rc = open_store(o->data, 0, &st)) != CLI_OK)
		return rc;
	if (srv_store_backup(st, o->args[0], err, sizeof err) != STORE_OK) {
		fprintf(stderr, "cchc admin: %s\n", err);
		rc = CLI_INVALID;
	} else {
		printf(_("%s: backup of %s written\n"), o->args[0], o->data);
	}
	srv_store_close(st);
	return rc;
}

int cmd_admin(int argc, char **argv)
{
	static const struct {
		const char *verb, *noun;
		int (*run)(const admin_opts *o);
	} subs[] = {
		{"user", "add", user_add},     {"criteria", "add", criteria_add}, {"agency", "add", agency_add},
		{"assign", NULL, assign},      {"import", NULL, import},          {"export", NULL, export},
		{"backup", NULL, backup},
	};
	admin_opts o;
	size_t k;
	int rc;

	if (argc < 2)
		return cli_usage_error("admin", _("give a subcommand: init, user add, criteria add, agency add, assign, "
		                                  "import, export or backup"));
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(_(usage), stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "init") == 0) {
		srv_store *st;
		if ((rc = parse(argc, argv, 2, &o)) != CLI_OK)
			return rc;
		if (o.nargs)
			return cli_usage_error("admin", _("unknown argument '%s'"), o.args[0]);
		if ((rc = open_store(o.data, 1, &st)) != CLI_OK)
			return rc;
		printf(_("%s: data folder ready (schema version %d)\n"), o.data, srv_store_schema_version());
		srv_store_close(st);
		return CLI_OK;
	}
	for (k = 0; k < sizeof subs / sizeof subs[0]; k++) {
		int two = subs[k].noun != NULL;
		if (strcmp(argv[1], subs[k].verb) != 0)
			continue;
		if (two && (argc < 3 || strcmp(argv[2], subs[k].noun) != 0))
			return cli_usage_error("admin", _("did you mean 'cchc admin %s %s'?"), subs[k].verb, subs[k].noun);
		if ((rc = parse(argc, argv, two ? 3 : 2, &o)) != CLI_OK)
			return rc;
		return subs[k].run(&o);
	}
	return cli_usage_error("admin", _("unknown subcommand '%s'"), argv[1]);
}
