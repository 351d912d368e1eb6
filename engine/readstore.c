/*
 * readstore.c: the read log's own file (see readstore.h). Every statement
 * on it is here.
 *
 * Must never: write a read in the store's own file, or hold this file's
 * write lock longer than one batch or one fold.
 */
#include "readstore.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "util.h"

static const char schema[] =
	"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	"CREATE TABLE IF NOT EXISTS reads("
	"  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, user_id INTEGER NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS reads_by_case ON reads(case_id);"
	"CREATE TABLE IF NOT EXISTS reads_recent("
	"  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, user_id INTEGER NOT NULL, at INTEGER NOT NULL);";

enum { R_BEGIN, R_COMMIT, R_ROLLBACK, R_PUT, R_FOLD, R_CLEAR, R_WAITING, R_LIST, R_MAX };

static const char *const sql[R_MAX] = {
	[R_BEGIN] = "BEGIN IMMEDIATE",
	[R_COMMIT] = "COMMIT",
	[R_ROLLBACK] = "ROLLBACK",
	[R_PUT] = "INSERT INTO reads_recent(case_id, user_id, at) VALUES(?1, ?2, ?3)",
	/* the oldest ?1 waiting reads: those left are all newer than every folded one */
	[R_FOLD] = "INSERT INTO reads(case_id, user_id, at) SELECT case_id, user_id, at FROM reads_recent"
		   " WHERE id < (SELECT min(id) FROM reads_recent) + ?1 ORDER BY case_id, id",
	[R_CLEAR] = "DELETE FROM reads_recent WHERE id < (SELECT min(id) FROM reads_recent) + ?1",
	[R_WAITING] = "SELECT count(*) FROM reads_recent",
	/* folded reads are older than every waiting one; each table holds a case's reads in order of id */
	[R_LIST] = "SELECT user_id, at, 0 AS part, id FROM reads WHERE case_id = ?1"
		   " UNION ALL SELECT user_id, at, 1, id FROM reads_recent WHERE case_id = ?1 ORDER BY 3, 4",
};

struct readstore {
	sqlite3 *db;
	sqlite3_stmt *s[R_MAX];
};

static int fail(struct readstore *rs, struct error *err, const char *what)
{
	return error_set(err, ERR_UNAVAILABLE, "store_unavailable", "the read log (%s): %s", what,
			 rs->db ? sqlite3_errmsg(rs->db) : "out of memory");
}

struct readstore *readstore_open(const char *store_path, struct error *err)
{
	struct readstore *rs = xcalloc(1, sizeof *rs);
	char *file = strcmp(store_path, ":memory:") == 0 ? xstrdup(":memory:") : xasprintf("%s-reads", store_path);
	char *msg = NULL;
	int i, rc = sqlite3_open_v2(file, &rs->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	free(file);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(rs->db, 5000);
		rc = sqlite3_exec(rs->db, schema, NULL, NULL, &msg);
		sqlite3_free(msg);
	}
	for (i = 0; rc == SQLITE_OK && i < R_MAX; i++)
		rc = sqlite3_prepare_v3(rs->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &rs->s[i], NULL);
	if (rc != SQLITE_OK) {
		fail(rs, err, "open");
		readstore_close(rs);
		return NULL;
	}
	return rs;
}

void readstore_close(struct readstore *rs)
{
	int i;
	if (!rs)
		return;
	for (i = 0; i < R_MAX; i++)
		sqlite3_finalize(rs->s[i]);
	sqlite3_close(rs->db);
	free(rs);
}

/* Run one statement to its end (and reset it); 0 ok. */
static int run(struct readstore *rs, int id)
{
	int rc = sqlite3_step(rs->s[id]);
	sqlite3_reset(rs->s[id]);
	return rc == SQLITE_DONE ? 0 : -1;
}

int readstore_write(struct readstore *rs, const struct read_entry *v, size_t k, struct error *err)
{
	size_t i;
	if (run(rs, R_BEGIN))
		return fail(rs, err, "begin");
	for (i = 0; i < k; i++) {
		sqlite3_stmt *s = rs->s[R_PUT];
		sqlite3_bind_int64(s, 1, v[i].case_id);
		sqlite3_bind_int64(s, 2, v[i].user_id);
		sqlite3_bind_int64(s, 3, v[i].at);
		if (run(rs, R_PUT)) {
			fail(rs, err, "write");
			run(rs, R_ROLLBACK);
			return -1;
		}
	}
	if (run(rs, R_COMMIT)) {
		fail(rs, err, "commit");
		run(rs, R_ROLLBACK);
		return -1;
	}
	return 0;
}

int readstore_fold(struct readstore *rs, int64_t max, struct error *err)
{
	if (run(rs, R_BEGIN))
		return fail(rs, err, "begin");
	sqlite3_bind_int64(rs->s[R_FOLD], 1, max);
	sqlite3_bind_int64(rs->s[R_CLEAR], 1, max);
	if (run(rs, R_FOLD) || run(rs, R_CLEAR) || run(rs, R_COMMIT)) {
		fail(rs, err, "fold");
		run(rs, R_ROLLBACK);
		return -1;
	}
	return 0;
}

int64_t readstore_waiting(struct readstore *rs)
{
	sqlite3_stmt *s = rs->s[R_WAITING];
	int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return n;
}

json_t *readstore_reads(struct readstore *rs, int64_t case_id, struct error *err)
{
	sqlite3_stmt *s = rs->s[R_LIST];
	json_t *out = json_array();
	int rc;
	sqlite3_bind_int64(s, 1, case_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		json_array_append_new(out, json_pack("[I, I]", (json_int_t)sqlite3_column_int64(s, 0),
						     (json_int_t)sqlite3_column_int64(s, 1)));
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		fail(rs, err, "list");
		return NULL;
	}
	return out;
}
