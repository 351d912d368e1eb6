/*
 * store.c: SQLite implementation of store.h. The only file with SQL in it.
 *
 * Owns the database handle and its prepared statements (prepared once,
 * reset after use). Never calls Lua and never decides anything about a case:
 * it stores what the interpreter computed. Durability: WAL with
 * synchronous=FULL unless the caller asks for NORMAL (benchmarks).
 * Errors from SQLite map to ERR_UNAVAILABLE when the disk is full or the
 * file read-only (the HTTP layer answers 503), ERR_INTERNAL otherwise.
 */
#include "store.h"

#include <sqlite3.h>
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "dump.h"
#include "def.h"
#include "store_impl.h"
#include "error.h"
#include "util.h"

/* Forward migrations; user_version is the number applied. Never edit one. */
static const char *migrations[] = {
	/* 1: the initial schema */
	"CREATE TABLE authorities("
	"  id TEXT PRIMARY KEY, name TEXT NOT NULL, config TEXT NOT NULL);"
	"CREATE TABLE users("
	"  id INTEGER PRIMARY KEY, authority TEXT NOT NULL REFERENCES authorities(id),"
	"  name TEXT NOT NULL, roles TEXT NOT NULL, team TEXT,"
	"  token_hash BLOB NOT NULL UNIQUE, demo INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE definitions("
	"  hash TEXT PRIMARY KEY, authority TEXT NOT NULL REFERENCES authorities(id),"
	"  workflow TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL,"
	"  loaded_at INTEGER NOT NULL);"
	"CREATE TABLE workflows("
	"  authority TEXT NOT NULL REFERENCES authorities(id), workflow TEXT NOT NULL,"
	"  hash TEXT NOT NULL REFERENCES definitions(hash), PRIMARY KEY(authority, workflow));"
	"CREATE TABLE cases("
	"  id INTEGER PRIMARY KEY, authority TEXT NOT NULL REFERENCES authorities(id),"
	"  workflow TEXT NOT NULL, definition TEXT NOT NULL REFERENCES definitions(hash),"
	"  state TEXT NOT NULL DEFAULT '', open INTEGER NOT NULL DEFAULT 1,"
	"  assigned INTEGER, team TEXT, children INTEGER NOT NULL DEFAULT 0,"
	"  parent INTEGER REFERENCES cases(id), opened_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0,"
	"  last_hash TEXT NOT NULL DEFAULT '', view TEXT NOT NULL DEFAULT '{}');"
	"CREATE INDEX cases_by_state ON cases(authority, state);"
	"CREATE INDEX cases_by_assigned ON cases(authority, assigned) WHERE open;"
	"CREATE TABLE members("
	"  case_id INTEGER NOT NULL REFERENCES cases(id), member TEXT NOT NULL,"
	"  name TEXT, role TEXT NOT NULL, dob TEXT, PRIMARY KEY(case_id, member)) WITHOUT ROWID;"
	"CREATE TABLE records("
	"  case_id INTEGER NOT NULL REFERENCES cases(id), seq INTEGER NOT NULL,"
	"  type TEXT NOT NULL, fields TEXT NOT NULL, at INTEGER NOT NULL, user_id INTEGER,"
	"  PRIMARY KEY(case_id, seq)) WITHOUT ROWID;"
	"CREATE TABLE timescales("
	"  case_id INTEGER NOT NULL REFERENCES cases(id), key TEXT NOT NULL,"
	"  authority TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,"
	"  due INTEGER NOT NULL, PRIMARY KEY(case_id, key)) WITHOUT ROWID;"
	"CREATE INDEX timescales_pending ON timescales(due) WHERE status = 'pending';"
	"CREATE INDEX timescales_by_authority ON timescales(authority, status, due);"
	"CREATE TABLE events("
	"  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  seq INTEGER NOT NULL, at INTEGER NOT NULL, user_id INTEGER, role TEXT,"
	"  kind TEXT NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL, facts TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE(case_id, seq));"
	"CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events"
	"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
	"CREATE TRIGGER events_append_only_d BEFORE DELETE ON events"
	"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
	"CREATE TABLE reads("
	"  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  user_id INTEGER NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX reads_by_case ON reads(case_id);",
	/* 2: each event records the SHA-256 of the case view it produced, so replay
	 * can compare at every event and name the first that differs */
	"ALTER TABLE events ADD COLUMN view_hash TEXT NOT NULL DEFAULT '';",
	/* 3: the facts guards read (open cases of a workflow, of a team) without
	 * scanning every open case */
	"CREATE INDEX cases_open_by_workflow ON cases(authority, workflow) WHERE open;"
	"CREATE INDEX cases_open_by_team ON cases(authority, team) WHERE open;",
	/* 4: one index of the timescales that are pending or breached, by status
	 * and due, for the timer and for GET /timescales: a review that met one
	 * clock and started the next rewrote four places in the two indexes
	 * before (the pending one by due and every timescale by authority,
	 * status and due), half of the pages the action wrote (bench/README.md) */
	"DROP INDEX timescales_by_authority;"
	"DROP INDEX timescales_pending;"
	"CREATE INDEX timescales_due ON timescales(status, due) WHERE status IN ('pending', 'breached');",
	/* 5: reads are logged in the read log's own file (engine/readstore.h);
	 * the reads already here stay, listed before those, and no more come */
	"CREATE TRIGGER reads_moved BEFORE INSERT ON reads BEGIN"
	"  SELECT RAISE(ABORT, 'since store version 5 reads are logged in the read log''s own file (<store>-reads)'); END;",
	/* 6: the timescales table holds open cases' clocks only (store_case_save):
	 * a closed case's breached clocks stayed breached in timescales_due, the
	 * oldest rows of the index, for every walk to step over for ever; they
	 * stay in the case's view and history */
	"DELETE FROM timescales WHERE case_id IN (SELECT id FROM cases WHERE NOT open);",
};

enum stmt_id {
	S_BEGIN, S_READ_BEGIN, S_COMMIT, S_ROLLBACK, S_SAVEPOINT, S_RELEASE, S_ROLLBACK_TO,
	S_AUTH_PUT,
	S_DATA_VERSION, S_USER_FIND_TOKEN, S_USER_INSERT, S_USER_UPDATE, S_USER_GET, S_USERS,
	S_DEF_PUT, S_WF_PUT, S_DEF_GET,
	S_CASE_NEW, S_CASE_SAVE, S_CASE_SAVE_COLS, S_CASE_VIEW, S_CASE_VIEW_HASH, S_CASE_VIEW_SIZE, S_CASE_LAST, S_CASE_TEXT,
	S_MEMBER_PUT, S_RECORD_PUT,
	S_EVENT_PUT, S_EVENTS,
	S_TS_PUT, S_TS_CLOSED, S_TS_DUE, S_TS_DUE_CASE, S_TS_ANY_DUE_CASE, S_TS_NEXT,
	S_READS, S_USER_NAME,
	S_COUNT_PENDING, S_COUNT_BREACHED, S_COUNT_CASES,
	S_MAX
};

static const char *stmt_sql[S_MAX] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_READ_BEGIN] = "BEGIN DEFERRED",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_SAVEPOINT] = "SAVEPOINT op",
	[S_RELEASE] = "RELEASE op",
	[S_ROLLBACK_TO] = "ROLLBACK TO op",
	[S_AUTH_PUT] = "INSERT INTO authorities(id, name, config) VALUES(?1, ?2, ?3)"
		       " ON CONFLICT(id) DO UPDATE SET name = ?2, config = ?3",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_USER_FIND_TOKEN] = "SELECT id, authority, name, roles, team FROM users WHERE token_hash = ?1",
	[S_USER_INSERT] = "INSERT INTO users(authority, name, roles, team, token_hash, demo) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[S_USER_UPDATE] = "UPDATE users SET authority = ?1, name = ?2, roles = ?3, team = ?4 WHERE token_hash = ?5",
	[S_USER_GET] = "SELECT id, authority, name, roles, team FROM users WHERE id = ?1 AND authority = ?2",
	[S_USERS] = "SELECT id, name, roles, team FROM users WHERE authority = ?1 ORDER BY id",
	[S_DEF_PUT] = "INSERT OR IGNORE INTO definitions(hash, authority, workflow, path, source, loaded_at)"
		      " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[S_WF_PUT] = "INSERT INTO workflows(authority, workflow, hash) VALUES(?1, ?2, ?3)"
		     " ON CONFLICT(authority, workflow) DO UPDATE SET hash = ?3",
	[S_DEF_GET] = "SELECT path, source, authority FROM definitions WHERE hash = ?1",
	[S_CASE_NEW] = "INSERT INTO cases(authority, workflow, definition, opened_at, updated_at) VALUES(?1, ?2, ?3, ?4, ?4)",
	/*
	 * The view on every event; the indexed columns only when they change, so
	 * an action that leaves them alone writes no index page (each SET of an
	 * indexed column rewrote its index entries, changed or not).
	 */
	[S_CASE_SAVE] = "UPDATE cases SET updated_at = ?2, last_seq = ?3, last_hash = ?4, view = ?5 WHERE id = ?1",
	[S_CASE_SAVE_COLS] = "UPDATE cases SET state = ?2, open = ?3, assigned = ?4, team = ?5, children = ?6, parent = ?7"
			     " WHERE id = ?1 AND (state IS NOT ?2 OR open IS NOT ?3 OR assigned IS NOT ?4 OR team IS NOT ?5"
			     " OR children IS NOT ?6 OR parent IS NOT ?7)",
	[S_CASE_VIEW] = "SELECT authority, view FROM cases WHERE id = ?1",
	[S_CASE_VIEW_HASH] = "SELECT authority, last_hash, view FROM cases WHERE id = ?1",
	[S_CASE_VIEW_SIZE] = "SELECT length(view) FROM cases WHERE id = ?1",
	[S_CASE_LAST] = "SELECT last_seq, last_hash FROM cases WHERE id = ?1",
	[S_CASE_TEXT] = "SELECT authority, definition, state, assigned, view FROM cases WHERE id = ?1",
	[S_MEMBER_PUT] = "INSERT OR REPLACE INTO members(case_id, member, name, role, dob) VALUES(?1, ?2, ?3, ?4, ?5)",
	[S_RECORD_PUT] = "INSERT OR IGNORE INTO records(case_id, seq, type, fields, at, user_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[S_EVENT_PUT] = "INSERT INTO events(case_id, seq, at, user_id, role, kind, name, input, facts, prev_hash, hash, view_hash)"
			" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	[S_EVENTS] = "SELECT seq, at, user_id, role, kind, name, input, facts, prev_hash, hash, view_hash FROM events"
		     " WHERE case_id = ?1 ORDER BY id",
	[S_TS_PUT] = "INSERT INTO timescales(case_id, key, authority, name, status, due) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"
		     " ON CONFLICT(case_id, key) DO UPDATE SET status = ?5, due = ?6"
		     " WHERE status IS NOT ?5 OR due IS NOT ?6",
	[S_TS_CLOSED] = "DELETE FROM timescales WHERE case_id = ?1",
	[S_TS_DUE] = "SELECT case_id, key, due FROM timescales WHERE status = 'pending' AND " TS_LISTED " AND due < ?1"
		     " ORDER BY due, case_id, key LIMIT ?2",
	/* one case's: by its primary key, not by a walk of every overdue timescale in the store */
	/* before every action: is anything of this case due? (no sort: almost always the answer is no) */
	[S_TS_ANY_DUE_CASE] = "SELECT 1 FROM timescales WHERE case_id = ?2 AND status = 'pending' AND due < ?1 LIMIT 1",
	[S_TS_DUE_CASE] = "SELECT case_id, key, due FROM timescales WHERE case_id = ?3 AND status = 'pending'"
			  " AND due < ?1 ORDER BY due, case_id, key LIMIT ?2",
	[S_TS_NEXT] = "SELECT min(due) FROM timescales WHERE status = 'pending' AND " TS_LISTED,
	[S_READS] = "SELECT r.user_id, u.name, r.at FROM reads r LEFT JOIN users u ON u.id = r.user_id"
		    " WHERE r.case_id = ?1 ORDER BY r.id",
	[S_USER_NAME] = "SELECT name FROM users WHERE id = ?1",
	[S_COUNT_PENDING] = "SELECT count(*) FROM timescales WHERE status = 'pending' AND " TS_LISTED,
	[S_COUNT_BREACHED] = "SELECT count(*) FROM timescales WHERE status = 'breached' AND " TS_LISTED,
	[S_COUNT_CASES] = "SELECT count(*) FROM cases",
};

/*
 * Users by token hash, so a request does not cost a query to say who sent
 * it. A slot is good only while PRAGMA data_version (which moves with every
 * commit by another connection: casework user add, the read log's thread)
 * is the one it was read under, and until this connection writes a user
 * (store_user_add empties the cache). So a changed or revoked role counts
 * from the very next request. Unknown tokens are never cached.
 */
#define TOKEN_SLOTS 256
struct token_slot {
	unsigned char hash[UTIL_SHA256_BYTES];
	unsigned int version;
	int used;
	struct user u;
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[S_MAX];
	char *path;               /* the store's file, for the reason a write failed */
	struct token_slot *tokens;   /* users by token hash (store_user_by_token) */
	int group;                /* a group transaction is open (store_group_begin) */
	int in_op;                /* an operation's savepoint is open inside it */
	int kept;                 /* operations released into it */
	char *pad;                /* a view as stored, padded (store_case_save) */
	size_t padcap;
	int64_t sized_id;         /* the case whose stored view is sized_bytes long (read for an action, or written, last) */
	size_t sized_bytes;
};

/*
 * Why the store's filesystem refuses writes, if it does: SQLite only says
 * "disk I/O error". Asked only after a write has failed: statvfs, then a
 * probe file created and removed next to the store (a filesystem the kernel
 * made read-only after an error does not show it in statvfs).
 */
static const char *fs_problem(const char *path)
{
	struct statvfs fs;
	char probe[4096];
	int fd;
	if (!path || strcmp(path, ":memory:") == 0)
		return "";
	if (statvfs(path, &fs) == 0 && (fs.f_flag & ST_RDONLY))
		return "; the filesystem holding the store is read-only";
	snprintf(probe, sizeof probe, "%s.probe", path);
	fd = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0600);
	if (fd < 0)
		return errno == EROFS ? "; the filesystem holding the store is read-only"
		       : errno == ENOSPC || errno == EDQUOT ? "; the filesystem holding the store is full" : "";
	close(fd);
	unlink(probe);
	if (statvfs(path, &fs) == 0 && fs.f_bavail == 0)
		return "; the filesystem holding the store is full";
	return "";
}

static int db_error(struct store *st, struct error *err, const char *what)
{
	int code = sqlite3_extended_errcode(st->db) & 0xff;
	if (code == SQLITE_FULL || code == SQLITE_READONLY || code == SQLITE_IOERR ||
	    code == SQLITE_CANTOPEN || code == SQLITE_BUSY) {
		const char *why = fs_problem(st->path);
		return error_set(err, ERR_UNAVAILABLE, "store_unavailable",
				 "the case store cannot be written (%s: %s%s); nothing was saved",
				 what, sqlite3_errmsg(st->db), why);
	}
	return error_set(err, ERR_INTERNAL, "store_error", "%s: %s", what, sqlite3_errmsg(st->db));
}

static void bind_text(sqlite3_stmt *s, int i, const char *v);

sqlite3 *store_db(struct store *st)
{
	return st->db;
}

int store_db_error(struct store *st, struct error *err, const char *what)
{
	return db_error(st, err, what);
}

void store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	bind_text(s, i, v);
}

/* The prepared statement id, reset and with bindings cleared. */
static sqlite3_stmt *stmt(struct store *st, enum stmt_id id)
{
	sqlite3_stmt *s = st->stmt[id];
	if (!s) {
		int rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
		assert(rc == SQLITE_OK && "bad SQL in store.c");
		(void)rc;
		s = st->stmt[id];
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Bind JSON as compact text with sorted keys (canonical). */
static void bind_json(sqlite3_stmt *s, int i, const json_t *v)
{
	char *text = dump_json(v ? v : json_null(), DUMP_SORT_KEYS);
	sqlite3_bind_text(s, i, text, -1, free);
}

static char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static json_t *col_json(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	json_t *v = t ? dump_load(t) : NULL;
	return v ? v : json_null();
}

/* Run a statement expected to finish with SQLITE_DONE. */
static int exec(struct store *st, sqlite3_stmt *s, struct error *err, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, err, what);
	return 0;
}

int store_open(const char *path, const struct store_options *opt, struct store **out,
	       struct error *err)
{
	struct store *st = xcalloc(1, sizeof *st);
	int flags = opt && opt->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int version = 0;
	size_t i;
	sqlite3_stmt *s;
	char *msg = NULL;
	char pragmas[256];

	*out = NULL;
	if (sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error_set(err, ERR_UNAVAILABLE, "store_unavailable", "cannot open %s: %s", path,
			  st->db ? sqlite3_errmsg(st->db) : "out of memory");
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, 5000);
	st->path = xstrdup(path);
	snprintf(pragmas, sizeof pragmas,
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; PRAGMA foreign_keys = ON;"
		 /*
		  * Reads through mmap: a random case's pages without a syscall each.
		  * The page cache stays at SQLite's default (2,000 pages): every
		  * commit walks the whole cache to drop pages past the end of the
		  * file (pcache1Truncate), and a 64 MB cache made that walk a fifth
		  * of a durable action once it had filled (perf, bench/README.md).
		  */
		 " PRAGMA mmap_size = 1073741824;",
		 opt && opt->synchronous_normal ? "NORMAL" : "FULL");
	if (!(opt && opt->readonly) && sqlite3_exec(st->db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
		goto fail;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			version = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	if ((size_t)version > sizeof migrations / sizeof *migrations) {
		/* a newer casework's store: its layout (the views' padding, its indexes) is not this one's to read */
		error_set(err, ERR_UNAVAILABLE, "store_too_new",
			  "%s has schema version %d; this casework knows versions up to %zu: run the casework that wrote it",
			  path, version, sizeof migrations / sizeof *migrations);
		store_close(st);
		return -1;
	}
	for (i = (size_t)version; i < sizeof migrations / sizeof *migrations; i++) {
		char setv[64];
		snprintf(setv, sizeof setv, "PRAGMA user_version = %zu;", i + 1);
		if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(st->db, migrations[i], NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(st->db, setv, NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(st->db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			goto fail;
		}
	}
	*out = st;
	return 0;
fail:
	error_set(err, ERR_UNAVAILABLE, "store_unavailable",
		  "cannot open the case store %s for writing (%s): is it on a read-only or full filesystem, "
		  "or not writable by this user?", path, msg ? msg : sqlite3_errmsg(st->db));
	sqlite3_free(msg);
	store_close(st);
	return -1;
}

static void tokens_forget(struct store *st)
{
	size_t i;
	for (i = 0; st->tokens && i < TOKEN_SLOTS; i++) {
		user_clear(&st->tokens[i].u);
		st->tokens[i].used = 0;
	}
}

void store_close(struct store *st)
{
	size_t i;
	if (!st)
		return;
	for (i = 0; i < S_MAX; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);
	tokens_forget(st);
	free(st->tokens);
	free(st->path);
	free(st->pad);
	free(st);
}

/*
 * Inside a group transaction an operation is a savepoint: its commit
 * releases it into the group, its rollback undoes only it. SQLite rolls a
 * whole transaction back by itself on some errors (a full disk, an I/O
 * error); then the group is gone, and so is every operation in it.
 */
static int group_lost(struct store *st, struct error *err)
{
	return error_set(err, ERR_UNAVAILABLE, "store_unavailable",
			 "the case store rolled back a group of actions (%s); nothing of it was saved",
			 sqlite3_errmsg(st->db));
}

/*
 * A request that only reads runs in one read transaction: its statements
 * share one snapshot of the WAL and take its read lock once (two fcntl
 * calls, not two for each statement). Not inside a group transaction.
 */
int store_read_begin(struct store *st)
{
	if (st->group || !sqlite3_get_autocommit(st->db))
		return 0;
	return exec(st, stmt(st, S_READ_BEGIN), NULL, "read") ? 0 : 1;
}

void store_read_end(struct store *st, int begun)
{
	if (begun && !sqlite3_get_autocommit(st->db))
		exec(st, stmt(st, S_COMMIT), NULL, "read");
}

int store_begin(struct store *st, struct error *err)
{
	if (!st->group)
		return exec(st, stmt(st, S_BEGIN), err, "begin");
	if (sqlite3_get_autocommit(st->db))
		return group_lost(st, err);
	if (exec(st, stmt(st, S_SAVEPOINT), err, "savepoint"))
		return -1;
	st->in_op = 1;
	return 0;
}

int store_commit(struct store *st, struct error *err)
{
	if (st->group) {
		if (sqlite3_get_autocommit(st->db)) {
			st->in_op = 0;
			return group_lost(st, err);
		}
		if (exec(st, stmt(st, S_RELEASE), err, "release"))
			return -1;   /* still in_op: the caller's store_rollback undoes it */
		st->in_op = 0;
		st->kept++;
		return 0;
	}
	if (exec(st, stmt(st, S_COMMIT), err, "commit")) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int store_group_begin(struct store *st, struct error *err)
{
	if (st->group)
		return 0;
	if (exec(st, stmt(st, S_BEGIN), err, "begin"))
		return -1;
	st->group = 1;
	st->kept = 0;
	return 0;
}

int store_group_open(const struct store *st)
{
	return st->group;
}

int store_group_lost(const struct store *st)
{
	return st->group && sqlite3_get_autocommit(st->db);
}

int store_group_commit(struct store *st, struct error *err)
{
	if (!st->group)
		return 0;
	st->group = 0;
	st->in_op = 0;
	if (sqlite3_get_autocommit(st->db))
		return group_lost(st, err);
	if (!st->kept) {
		/* every operation was refused: roll back, so not a byte is written */
		store_rollback(st);
		return 0;
	}
	return store_commit(st, err);
}

void store_rollback(struct store *st)
{
	st->sized_id = 0;   /* a view written in what is rolled back is not the stored one */
	if (st->group) {
		if (st->in_op && !sqlite3_get_autocommit(st->db)) {
			exec(st, stmt(st, S_ROLLBACK_TO), NULL, "rollback to");
			exec(st, stmt(st, S_RELEASE), NULL, "release");
		}
		st->in_op = 0;
		return;
	}
	if (!sqlite3_get_autocommit(st->db))
		exec(st, stmt(st, S_ROLLBACK), NULL, "rollback");
}

int store_authority_put(struct store *st, const char *id, const char *name,
			const json_t *config, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_AUTH_PUT);
	bind_text(s, 1, id);
	bind_text(s, 2, name);
	bind_json(s, 3, config);
	return exec(st, s, err, "authority");
}

/* --- users ------------------------------------------------------------------ */

void user_clear(struct user *u)
{
	if (!u)
		return;
	free(u->authority);
	free(u->name);
	free(u->team);
	json_decref(u->roles);
	memset(u, 0, sizeof *u);
}

int user_has_role(const struct user *u, const char *role)
{
	size_t i;
	json_t *r;
	json_array_foreach(u->roles, i, r)
		if (json_is_string(r) && strcmp(json_string_value(r), role) == 0)
			return 1;
	return 0;
}

static void token_hash(const char *token, unsigned char out[UTIL_SHA256_BYTES])
{
	util_sha256(token, strlen(token), out);
}

static void read_user(sqlite3_stmt *s, struct user *u)
{
	u->id = sqlite3_column_int64(s, 0);
	u->authority = col_text(s, 1);
	u->name = col_text(s, 2);
	u->roles = col_json(s, 3);
	u->team = col_text(s, 4);
}

int store_user_add(struct store *st, const char *authority, const char *name,
		   const json_t *roles, const char *team, const char *token, int demo,
		   char token_out[65], int64_t *id, struct error *err)
{
	unsigned char raw[32], hash[UTIL_SHA256_BYTES];
	char generated[65];
	sqlite3_stmt *s;
	int rc;

	if (!token) {
		util_random(raw, sizeof raw);
		util_hex(raw, sizeof raw, generated);
		token = generated;
	}
	if (token_out)
		snprintf(token_out, 65, "%s", token);
	tokens_forget(st);
	token_hash(token, hash);
	s = stmt(st, S_USER_FIND_TOKEN);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		s = stmt(st, S_USER_UPDATE);
	} else {
		sqlite3_reset(s);
		s = stmt(st, S_USER_INSERT);
		sqlite3_bind_int(s, 6, demo);
		*id = 0;
	}
	bind_text(s, 1, authority);
	bind_text(s, 2, name);
	bind_json(s, 3, roles);
	bind_text(s, 4, team);
	sqlite3_bind_blob(s, 5, hash, sizeof hash, SQLITE_TRANSIENT);
	if (exec(st, s, err, "user"))
		return -1;
	if (!*id)
		*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static unsigned int data_version(struct store *st)
{
	sqlite3_stmt *s = stmt(st, S_DATA_VERSION);
	unsigned int v = sqlite3_step(s) == SQLITE_ROW ? (unsigned int)sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return v;
}


static void user_copy(struct user *to, const struct user *from)
{
	to->id = from->id;
	to->authority = xstrdup(from->authority);
	to->name = xstrdup(from->name);
	to->roles = json_incref(from->roles);   /* never changed once read */
	to->team = xstrdup(from->team);
}

int store_user_by_token(struct store *st, const char *token, struct user *u, struct error *err)
{
	unsigned char hash[UTIL_SHA256_BYTES];
	struct token_slot *slot;
	unsigned int version = data_version(st);
	sqlite3_stmt *s;
	int found;

	/*
	 * The lookup is by hash (the cache's too), so timing reveals nothing
	 * about the token itself.
	 */
	token_hash(token, hash);
	if (!st->tokens)
		st->tokens = xcalloc(TOKEN_SLOTS, sizeof *st->tokens);
	slot = &st->tokens[hash[0]];
	if (slot->used && slot->version == version && util_secret_equal(slot->hash, hash, sizeof hash)) {
		user_copy(u, &slot->u);
		return 0;
	}
	s = stmt(st, S_USER_FIND_TOKEN);
	sqlite3_bind_blob(s, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		read_user(s, u);
	sqlite3_reset(s);
	if (!found)
		return error_set(err, ERR_UNAUTHORIZED, "unauthorized", "unknown API token");
	user_clear(&slot->u);
	memcpy(slot->hash, hash, sizeof hash);
	slot->version = version;
	slot->used = 1;
	user_copy(&slot->u, u);
	return 0;
}

int store_user_get(struct store *st, const char *authority, int64_t id, struct user *u,
		   struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_USER_GET);
	int found;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, authority);
	found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		read_user(s, u);
	sqlite3_reset(s);
	if (!found)
		return error_set(err, ERR_NOT_FOUND, "no_such_user", "no user %lld in %s", (long long)id, authority);
	return 0;
}

json_t *store_users(struct store *st, const char *authority)
{
	sqlite3_stmt *s = stmt(st, S_USERS);
	json_t *out = json_array();
	bind_text(s, 1, authority);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:I, s:s, s:o, s:s?}",
			"id", (json_int_t)sqlite3_column_int64(s, 0),
			"name", (const char *)sqlite3_column_text(s, 1),
			"roles", col_json(s, 2),
			"team", (const char *)sqlite3_column_text(s, 3)));
	sqlite3_reset(s);
	return out;
}

/* --- definitions ------------------------------------------------------------ */

int store_definition_put(struct store *st, const struct definition *d, int64_t now,
			 struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_DEF_PUT);
	bind_text(s, 1, d->hash);
	bind_text(s, 2, d->authority);
	bind_text(s, 3, d->id);
	bind_text(s, 4, d->path);
	bind_text(s, 5, d->source);
	sqlite3_bind_int64(s, 6, now);
	if (exec(st, s, err, "definition"))
		return -1;
	s = stmt(st, S_WF_PUT);
	bind_text(s, 1, d->authority);
	bind_text(s, 2, d->id);
	bind_text(s, 3, d->hash);
	return exec(st, s, err, "workflow");
}

int store_definition_get(struct store *st, const char *hash, char **authority, char **path,
			 char **source, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_DEF_GET);
	int found;
	bind_text(s, 1, hash);
	found = sqlite3_step(s) == SQLITE_ROW;
	if (found) {
		*path = col_text(s, 0);
		*source = col_text(s, 1);
		*authority = col_text(s, 2);
	}
	sqlite3_reset(s);
	if (!found)
		return error_set(err, ERR_NOT_FOUND, "no_such_definition", "no stored definition %s", hash);
	return 0;
}

/* --- cases ------------------------------------------------------------------ */

int store_case_new(struct store *st, const char *authority, const char *workflow,
		   const char *definition, int64_t at, struct error *err, int64_t *id)
{
	sqlite3_stmt *s = stmt(st, S_CASE_NEW);
	bind_text(s, 1, authority);
	bind_text(s, 2, workflow);
	bind_text(s, 3, definition);
	sqlite3_bind_int64(s, 4, at);
	if (exec(st, s, err, "case"))
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int save_members(struct store *st, int64_t id, const json_t *view, struct error *err)
{
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(view, "members"), i, m) {
		sqlite3_stmt *s = stmt(st, S_MEMBER_PUT);
		sqlite3_bind_int64(s, 1, id);
		bind_text(s, 2, json_string_value(json_object_get(m, "id")));
		bind_text(s, 3, json_string_value(json_object_get(m, "name")));
		bind_text(s, 4, json_string_value(json_object_get(m, "role")));
		bind_text(s, 5, json_string_value(json_object_get(m, "dob")));
		if (exec(st, s, err, "member"))
			return -1;
	}
	return 0;
}

/* Records are appended in the view; store the ones this event added. */
static int save_records(struct store *st, int64_t id, const json_t *view, int64_t seq,
			struct error *err)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(view, "records"), i, r) {
		sqlite3_stmt *s;
		if (json_integer_value(json_object_get(r, "seq")) != seq)
			continue;
		s = stmt(st, S_RECORD_PUT);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, seq);
		bind_text(s, 3, json_string_value(json_object_get(r, "type")));
		bind_json(s, 4, json_object_get(r, "fields"));
		sqlite3_bind_int64(s, 5, json_integer_value(json_object_get(r, "at_epoch")));
		sqlite3_bind_int64(s, 6, json_integer_value(json_object_get(r, "by")));
		if (exec(st, s, err, "record"))
			return -1;
	}
	return 0;
}

/*
 * A large view is stored with room to grow: padded with spaces (JSON
 * whitespace) to a quarter more than it needs, and rewritten at the size it
 * already has for as long as it fits. SQLite then overwrites the row in place
 * and writes only the pages whose bytes changed; a row that changes size is
 * deleted and inserted again, which rebalanced its neighbours and freed and
 * reallocated its overflow pages. Counted from the WAL (bench/README.md): a
 * review's case row cost 6 pages on the bench's 100,000-case store, and 2 in
 * place. A small view shares its page with other cases' rows and is stored as
 * it is (padding would only crowd them). Views are ASCII (DUMP_ASCII), so
 * SQL's length() is their size in bytes. Every reader takes the padding off
 * (store_view_trimmed).
 */
#define VIEW_ROOM_FROM 2048

size_t store_view_stored_size(size_t n, size_t current)
{
	if (n < VIEW_ROOM_FROM)
		return n;
	if (n <= current && n >= current / 2)
		return current;
	return (n + n / 4 + 63) & ~(size_t)63;
}

size_t store_view_trimmed(const char *text, size_t n)
{
	while (n && text[n - 1] == ' ')
		n--;
	return n;
}

static char *view_col(sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	size_t n = t ? store_view_trimmed(t, (size_t)sqlite3_column_bytes(s, col)) : 0;
	char *out = xmalloc(n + 1);
	memcpy(out, t ? t : "", n);
	out[n] = 0;
	return out;
}

/*
 * The size the case's view is stored at: known without a query when it is
 * the view just read for the action (SQL's length() of a text reads and
 * counts all of it, overflow pages included).
 */
static size_t stored_size(struct store *st, int64_t id)
{
	sqlite3_stmt *len;
	size_t current = 0;
	if (st->sized_id == id)
		return st->sized_bytes;
	len = stmt(st, S_CASE_VIEW_SIZE);
	sqlite3_bind_int64(len, 1, id);
	if (sqlite3_step(len) == SQLITE_ROW)
		current = (size_t)sqlite3_column_int64(len, 0);
	sqlite3_reset(len);
	return current;
}

static void bind_view(struct store *st, sqlite3_stmt *s, int i, int64_t id, const char *text)
{
	size_t n = strlen(text), c, current = n >= VIEW_ROOM_FROM ? stored_size(st, id) : 0;
	c = store_view_stored_size(n, current);
	if (st->padcap < c) {
		st->pad = xrealloc(st->pad, c);
		st->padcap = c;
	}
	memcpy(st->pad, text, n);
	memset(st->pad + n, ' ', c - n);
	sqlite3_bind_text(s, i, st->pad, (int)c, SQLITE_STATIC);
	st->sized_id = id;
	st->sized_bytes = c;
}

int store_case_save(struct store *st, int64_t id, const json_t *view, const char *view_text,
		    const json_t *changed, int64_t seq, const char *last_hash, int64_t at,
		    struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_SAVE_COLS);
	json_t *assigned = json_object_get(view, "assigned");
	json_t *parent = json_object_get(view, "parent");
	size_t i, children = 0;
	json_t *m;
	int rc;

	json_array_foreach(json_object_get(view, "members"), i, m)
		if (json_is_string(json_object_get(m, "role")) &&
		    strcmp(json_string_value(json_object_get(m, "role")), "child") == 0)
			children++;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, json_string_value(json_object_get(view, "state")));
	sqlite3_bind_int(s, 3, json_is_true(json_object_get(view, "open")));
	if (json_is_integer(assigned))
		sqlite3_bind_int64(s, 4, json_integer_value(assigned));
	bind_text(s, 5, json_string_value(json_object_get(view, "team")));
	sqlite3_bind_int64(s, 6, (sqlite3_int64)children);
	if (json_is_integer(parent))
		sqlite3_bind_int64(s, 7, json_integer_value(parent));
	if (exec(st, s, err, "case"))
		return -1;
	s = stmt(st, S_CASE_SAVE);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, at);
	sqlite3_bind_int64(s, 3, seq);
	bind_text(s, 4, last_hash);
	{
		char *own = view_text ? NULL : store_view_text(view);
		bind_view(st, s, 5, id, view_text ? view_text : own);
		rc = exec(st, s, err, "case view");
		free(own);
	}
	if (rc)
		return -1;
	if (seq == 1 && save_members(st, id, view, err))
		return -1;
	if (save_records(st, id, view, seq, err))
		return -1;
	/*
	 * The timescales table indexes open cases' clocks (the timer, GET
	 * /timescales, the case list's filters). Closing cancels a case's pending
	 * clocks, but a breached one stays breached: it is the closed case's
	 * history, in its view, not something still overdue, so the case's rows
	 * go (migration 6 took out those of cases closed before).
	 */
	if (!json_is_true(json_object_get(view, "open"))) {
		s = stmt(st, S_TS_CLOSED);
		sqlite3_bind_int64(s, 1, id);
		return exec(st, s, err, "closed case's timescales");
	}
	return store_timescales_sync(st, id, json_string_value(json_object_get(view, "authority")),
				     changed ? changed : json_object_get(view, "timescales"), err);
}

int store_case_stored(struct store *st, const char *authority, int64_t id, char **case_authority,
		      char **text, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_VIEW);
	int found = 0;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (!authority || strcmp((const char *)sqlite3_column_text(s, 0), authority) == 0)) {
		*case_authority = col_text(s, 0);
		*text = view_col(s, 1);
		found = 1;
	}
	sqlite3_reset(s);
	return found ? 0 : error_set(err, ERR_NOT_FOUND, "not_found", "no case %lld", (long long)id);
}

json_t *store_case_view(struct store *st, const char *authority, int64_t id,
			struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_VIEW);
	json_t *view = NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (!authority || strcmp((const char *)sqlite3_column_text(s, 0), authority) == 0))
		view = dump_load((const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	if (!view)
		error_set(err, ERR_NOT_FOUND, "not_found", "no case %lld", (long long)id);
	return view;
}

int store_case_view_since(struct store *st, const char *authority, int64_t id, const char *known,
			  int partial, char hash[65], json_t **view, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_VIEW_HASH);
	int found = 0;
	*view = NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (!authority || strcmp((const char *)sqlite3_column_text(s, 0), authority) == 0)) {
		found = 1;
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(s, 1));
		if (!known || strcmp(known, hash) != 0) {
			/* the view's column (its overflow pages) is read only now */
			const char *text = (const char *)sqlite3_column_text(s, 2);
			*view = partial ? dump_load_view(text) : dump_load(text);
			st->sized_id = id;   /* views are ASCII: bytes are characters (length()) */
			st->sized_bytes = (size_t)sqlite3_column_bytes(s, 2);
			found = *view != NULL;
		}
	}
	sqlite3_reset(s);
	return found ? 0 : error_set(err, ERR_NOT_FOUND, "not_found", "no case %lld", (long long)id);
}


int store_case_text(struct store *st, const char *authority, int64_t id, char **text,
		    char definition[65], char **state, int64_t *assigned, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_TEXT);
	int found = 0;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW &&
	    (!authority || strcmp((const char *)sqlite3_column_text(s, 0), authority) == 0)) {
		snprintf(definition, 65, "%s", (const char *)sqlite3_column_text(s, 1));
		*state = col_text(s, 2);
		*assigned = sqlite3_column_int64(s, 3);
		*text = view_col(s, 4);
		found = 1;
	}
	sqlite3_reset(s);
	return found ? 0 : error_set(err, ERR_NOT_FOUND, "not_found", "no case %lld", (long long)id);
}

/* --- events ----------------------------------------------------------------- */

/*
 * Keys in the order they were made: the interpreter builds every view the same
 * way live and in replay (and codec.c adds Lua's keys sorted), so the text is
 * reproducible without sorting, which cost half of an action on a long case.
 */
char *store_view_text(const json_t *view)
{
	return dump_json(view, DUMP_ASCII | DUMP_VIEW);
}

void store_view_hash(const char *text, char out[65])
{
	unsigned char digest[UTIL_SHA256_BYTES];
	util_sha256(text, strlen(text), digest);
	util_hex(digest, sizeof digest, out);
}

void event_hash(const struct event *ev, char out[65])
{
	unsigned char digest[UTIL_SHA256_BYTES];
	json_t *canon = json_pack("{s:I, s:I, s:I, s:I, s:s?, s:s, s:s, s:O, s:O, s:s}",
		"case", (json_int_t)ev->case_id, "seq", (json_int_t)ev->seq,
		"at", (json_int_t)ev->at, "user", (json_int_t)ev->user_id,
		"role", ev->role, "kind", ev->kind, "name", ev->name,
		"input", ev->input ? ev->input : json_null(),
		"facts", ev->facts ? ev->facts : json_null(), "prev", ev->prev_hash);
	char *text = dump_json(canon, DUMP_SORT_KEYS | DUMP_ASCII);
	util_sha256(text, strlen(text), digest);
	util_hex(digest, sizeof digest, out);
	free(text);
	json_decref(canon);
}

int store_event_append(struct store *st, struct event *ev, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_CASE_LAST);
	int64_t last = 0;

	sqlite3_bind_int64(s, 1, ev->case_id);
	ev->prev_hash[0] = '\0';
	if (sqlite3_step(s) == SQLITE_ROW) {
		last = sqlite3_column_int64(s, 0);
		snprintf(ev->prev_hash, sizeof ev->prev_hash, "%s", (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	if (ev->seq != last + 1)
		return error_set(err, ERR_CONFLICT, "concurrent_change",
				 "case %lld changed while this action was being applied; try again",
				 (long long)ev->case_id);
	event_hash(ev, ev->hash);
	s = stmt(st, S_EVENT_PUT);
	sqlite3_bind_int64(s, 1, ev->case_id);
	sqlite3_bind_int64(s, 2, ev->seq);
	sqlite3_bind_int64(s, 3, ev->at);
	if (ev->user_id)
		sqlite3_bind_int64(s, 4, ev->user_id);
	bind_text(s, 5, ev->role);
	bind_text(s, 6, ev->kind);
	bind_text(s, 7, ev->name);
	bind_json(s, 8, ev->input);
	bind_json(s, 9, ev->facts);
	bind_text(s, 10, ev->prev_hash);
	bind_text(s, 11, ev->hash);
	bind_text(s, 12, ev->view_hash);
	return exec(st, s, err, "event");
}

json_t *store_events(struct store *st, int64_t case_id, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_EVENTS);
	json_t *out = json_array();
	int rc;
	sqlite3_bind_int64(s, 1, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:I, s:I, s:I, s:s?, s:s, s:s, s:o, s:o, s:s, s:s, s:s}",
			"seq", (json_int_t)sqlite3_column_int64(s, 0),
			"at", (json_int_t)sqlite3_column_int64(s, 1),
			"user", (json_int_t)sqlite3_column_int64(s, 2),
			"role", (const char *)sqlite3_column_text(s, 3),
			"kind", (const char *)sqlite3_column_text(s, 4),
			"name", (const char *)sqlite3_column_text(s, 5),
			"input", col_json(s, 6), "facts", col_json(s, 7),
			"prev_hash", (const char *)sqlite3_column_text(s, 8),
			"hash", (const char *)sqlite3_column_text(s, 9),
			"view_hash", (const char *)sqlite3_column_text(s, 10)));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		db_error(st, err, "events");
		return NULL;
	}
	return out;
}

/* --- timescales ------------------------------------------------------------- */

int store_timescales_sync(struct store *st, int64_t case_id, const char *authority,
			  const json_t *instances, struct error *err)
{
	size_t i;
	json_t *t;
	json_array_foreach(instances, i, t) {
		sqlite3_stmt *s = stmt(st, S_TS_PUT);
		sqlite3_bind_int64(s, 1, case_id);
		bind_text(s, 2, json_string_value(json_object_get(t, "key")));
		bind_text(s, 3, authority);
		bind_text(s, 4, json_string_value(json_object_get(t, "name")));
		bind_text(s, 5, json_string_value(json_object_get(t, "status")));
		sqlite3_bind_int64(s, 6, json_integer_value(json_object_get(t, "due_epoch")));
		if (exec(st, s, err, "timescale"))
			return -1;
	}
	return 0;
}

json_t *store_due(struct store *st, int64_t case_id, int64_t now, int limit, struct error *err)
{
	sqlite3_stmt *s;
	json_t *out = json_array();
	int rc;
	if (case_id) {
		s = stmt(st, S_TS_ANY_DUE_CASE);
		sqlite3_bind_int64(s, 1, now);
		sqlite3_bind_int64(s, 2, case_id);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return out;   /* nothing due */
	}
	s = stmt(st, case_id ? S_TS_DUE_CASE : S_TS_DUE);
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int(s, 2, limit);
	if (case_id)
		sqlite3_bind_int64(s, 3, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		json_array_append_new(out, json_pack("[I, s, I]",
			(json_int_t)sqlite3_column_int64(s, 0),
			(const char *)sqlite3_column_text(s, 1),
			(json_int_t)sqlite3_column_int64(s, 2)));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		db_error(st, err, "due timescales");
		return NULL;
	}
	return out;
}

int store_next_due(struct store *st, int64_t *due, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_TS_NEXT);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
		*due = sqlite3_column_int64(s, 0);
		found = 1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return db_error(st, err, "next due");
	return found ? 0 : 1;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

char *store_user_name(struct store *st, int64_t id)
{
	sqlite3_stmt *s = stmt(st, S_USER_NAME);
	char *name;
	sqlite3_bind_int64(s, 1, id);
	name = sqlite3_step(s) == SQLITE_ROW ? col_text(s, 0) : NULL;
	sqlite3_reset(s);
	return name;
}

json_t *store_reads(struct store *st, int64_t case_id, struct error *err)
{
	sqlite3_stmt *s = stmt(st, S_READS);
	json_t *out = json_array();
	(void)err;
	sqlite3_bind_int64(s, 1, case_id);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:I, s:s?, s:I}",
			"user", (json_int_t)sqlite3_column_int64(s, 0),
			"name", (const char *)sqlite3_column_text(s, 1),
			"at_epoch", (json_int_t)sqlite3_column_int64(s, 2)));
	sqlite3_reset(s);
	return out;
}

static int64_t count(struct store *st, enum stmt_id id)
{
	sqlite3_stmt *s = stmt(st, id);
	int64_t n = 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

int store_counts(struct store *st, int64_t *pending, int64_t *breached, int64_t *cases)
{
	*pending = count(st, S_COUNT_PENDING);
	*breached = count(st, S_COUNT_BREACHED);
	*cases = count(st, S_COUNT_CASES);
	return 0;
}

void store_autocheckpoint(struct store *st, int pages)
{
	sqlite3_wal_autocheckpoint(st->db, pages);
}

void store_checkpoint(struct store *st)
{
	sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

int store_wal_reserve(struct store *st, int64_t bytes, struct error *err)
{
	static const char zeros[1 << 16];
	sqlite3_file *wal = NULL;
	sqlite3_int64 size = 0, off;
	int rc = SQLITE_OK;

	if (!st->path || strcmp(st->path, ":memory:") == 0)
		return 0;
	if (st->group)
		return error_set(err, ERR_INTERNAL, "internal", "the WAL is reserved outside a group transaction");
	if (store_begin(st, err))
		return -1;
	if (sqlite3_file_control(st->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) != SQLITE_OK ||
	    !wal || !wal->pMethods || (rc = wal->pMethods->xFileSize(wal, &size)) != SQLITE_OK)
		goto done;
	for (off = size; off < bytes && rc == SQLITE_OK; off += (sqlite3_int64)sizeof zeros)
		rc = wal->pMethods->xWrite(wal, zeros, (int)sizeof zeros, off);
	if (rc == SQLITE_OK && off > size)
		rc = wal->pMethods->xSync(wal, SQLITE_SYNC_NORMAL | SQLITE_SYNC_DATAONLY);
	if (rc != SQLITE_OK)
		wal->pMethods->xTruncate(wal, size);   /* a disk too full for it keeps what space it had */
done:
	store_rollback(st);   /* nothing was written inside the transaction: it only held the write lock */
	if (!wal || rc != SQLITE_OK)
		return error_set(err, ERR_UNAVAILABLE, "store_unavailable",
				 "cannot lengthen the WAL of %s to %lld bytes (%s)%s", st->path, (long long)bytes,
				 wal ? sqlite3_errstr(rc) : "no WAL file", fs_problem(st->path));
	return 0;
}
