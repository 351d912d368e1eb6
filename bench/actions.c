/*
 * actions.c: `casework-bench actions --db STORE --bare COPY --sync full|normal
 *             [--rounds 5] [--seconds 1]`.
 *
 * Durable actions: the reference workflow's `review` action (kw, assigned
 * worker, on plan cases in random order) through service_act, one store
 * transaction each, against a bare SQLite insert of the very same event rows
 * (read back from the store after each engine round) into COPY, a byte copy
 * of the store taken before the first round, with the same pragmas (WAL, the
 * same synchronous, foreign keys on), one BEGIN IMMEDIATE/INSERT/COMMIT each.
 * Engine and bare rounds alternate (E B E B ...) so the ratio is measured side
 * by side; a first, untimed pair warms caches. COPY receives every row the
 * store receives, so both event tables stay identical.
 */
#include "bench.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "service.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

struct erow {
	int64_t case_id, seq, at, user_id;
	int user_null;
	char *role, *kind, *name, *input, *facts, *prev, *hash;
};

struct rows {
	struct erow *v;
	size_t n, cap;
};

static void rows_clear(struct rows *r)
{
	size_t i;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].role);
		free(r->v[i].kind);
		free(r->v[i].name);
		free(r->v[i].input);
		free(r->v[i].facts);
		free(r->v[i].prev);
		free(r->v[i].hash);
	}
	r->n = 0;
}

static char *dup_col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* The rows the engine appended after *last_id; advances *last_id. */
static void read_new_events(sqlite3 *db, int64_t *last_id, struct rows *out)
{
	sqlite3_stmt *s;
	rows_clear(out);
	if (sqlite3_prepare_v2(db, "SELECT id, case_id, seq, at, user_id, role, kind, name, input, facts,"
				   " prev_hash, hash FROM events WHERE id > ?1 ORDER BY id", -1, &s, NULL) != SQLITE_OK)
		bench_die("events: %s", sqlite3_errmsg(db));
	sqlite3_bind_int64(s, 1, *last_id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct erow *e;
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 1024;
			out->v = xrealloc(out->v, out->cap * sizeof *out->v);
		}
		e = &out->v[out->n++];
		*last_id = sqlite3_column_int64(s, 0);
		e->case_id = sqlite3_column_int64(s, 1);
		e->seq = sqlite3_column_int64(s, 2);
		e->at = sqlite3_column_int64(s, 3);
		e->user_null = sqlite3_column_type(s, 4) == SQLITE_NULL;
		e->user_id = sqlite3_column_int64(s, 4);
		e->role = dup_col(s, 5);
		e->kind = dup_col(s, 6);
		e->name = dup_col(s, 7);
		e->input = dup_col(s, 8);
		e->facts = dup_col(s, 9);
		e->prev = dup_col(s, 10);
		e->hash = dup_col(s, 11);
	}
	sqlite3_finalize(s);
}

static int64_t max_event_id(sqlite3 *db)
{
	sqlite3_stmt *s;
	int64_t v = 0;
	sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM events", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

struct bare {
	sqlite3 *db;
	sqlite3_stmt *begin, *insert, *commit;
};

static void bare_open(struct bare *b, const char *path, int normal)
{
	char pragmas[256];
	char *msg = NULL;
	if (sqlite3_open_v2(path, &b->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		bench_die("bare %s: %s", path, sqlite3_errmsg(b->db));
	sqlite3_busy_timeout(b->db, 5000);
	/* exactly the pragmas store_open() sets */
	snprintf(pragmas, sizeof pragmas,
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; PRAGMA foreign_keys = ON;"
		 " PRAGMA mmap_size = 1073741824;",
		 normal ? "NORMAL" : "FULL");
	if (sqlite3_exec(b->db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
		bench_die("bare pragmas: %s", msg);
	sqlite3_prepare_v3(b->db, "BEGIN IMMEDIATE", -1, SQLITE_PREPARE_PERSISTENT, &b->begin, NULL);
	sqlite3_prepare_v3(b->db, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &b->commit, NULL);
	if (sqlite3_prepare_v3(b->db, "INSERT INTO events(case_id, seq, at, user_id, role, kind, name, input, facts,"
				      " prev_hash, hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			       -1, SQLITE_PREPARE_PERSISTENT, &b->insert, NULL) != SQLITE_OK)
		bench_die("bare insert: %s", sqlite3_errmsg(b->db));
}

static void bare_close(struct bare *b)
{
	sqlite3_finalize(b->begin);
	sqlite3_finalize(b->insert);
	sqlite3_finalize(b->commit);
	sqlite3_close(b->db);
}

static void step_done(sqlite3 *db, sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		bench_die("bare: %s", sqlite3_errmsg(db));
	sqlite3_reset(s);
}

/* Insert rows one transaction each; returns seconds taken. */
static double bare_round(struct bare *b, const struct rows *r)
{
	double t0 = bench_now();
	size_t i;
	for (i = 0; i < r->n; i++) {
		const struct erow *e = &r->v[i];
		sqlite3_stmt *s = b->insert;
		step_done(b->db, b->begin);
		sqlite3_bind_int64(s, 1, e->case_id);
		sqlite3_bind_int64(s, 2, e->seq);
		sqlite3_bind_int64(s, 3, e->at);
		if (e->user_null)
			sqlite3_bind_null(s, 4);
		else
			sqlite3_bind_int64(s, 4, e->user_id);
		sqlite3_bind_text(s, 5, e->role, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, e->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, e->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 8, e->input, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 9, e->facts, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 10, e->prev, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 11, e->hash, -1, SQLITE_STATIC);
		step_done(b->db, s);
		sqlite3_clear_bindings(s);
		step_done(b->db, b->commit);
	}
	return bench_now() - t0;
}

/*
 * The engine's WAL copied into its database before a bare round is timed.
 * The service checkpoints on its read-log thread, as the server does
 * (bench_service), so the checkpoint is not on the action's path; done here,
 * untimed, it cannot compete with the bare round's fsyncs for the disk.
 */
static void settle_wal(struct service *svc)
{
	sqlite3 *db = store_db(service_store(svc));
	int log = 0, done = 0, i;
	for (i = 0; i < 400; i++) {
		if (sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, &log, &done) == SQLITE_OK &&
		    done >= log)
			return;
		usleep(5000);
	}
	bench_die("the engine's WAL did not checkpoint (%d of %d frames)", done, log);
}

/* Plan-state case ids (the review action applies there), shuffled. */
static int64_t *plan_cases(sqlite3 *db, size_t *n)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t cap = 0, i;
	unsigned seed = 4242;
	*n = 0;
	sqlite3_prepare_v2(db, "SELECT id FROM cases WHERE authority = 'testshire' AND state = 'plan'", -1, &s, NULL);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	for (i = *n; i > 1; i--) {
		size_t j = (size_t)rand_r(&seed) % i;
		int64_t t = ids[i - 1];
		ids[i - 1] = ids[j];
		ids[j] = t;
	}
	return ids;
}

/* Take reviews for `seconds`; returns the count, *elapsed the time. */
static long engine_round(struct service *svc, const struct user *kw, const int64_t *ids, size_t nids,
			 size_t *next, double seconds, double *elapsed)
{
	double t0 = bench_now(), t;
	long n = 0;
	json_t *input = json_pack("{s:s, s:i}", "held_on", "2030-03-06", "score", 5);
	do {
		struct error err = { 0 };
		int64_t id = ids[*next % nids];
		(*next)++;
		/* no view back, as the HTTP API takes an action (it answers with the stored text) */
		if (service_act(svc, kw, id, "review", input, NULL, &err))
			bench_die("review on case %lld: %s (%s)", (long long)id, err.message, err.code);
		n++;
		t = bench_now() - t0;
	} while (t < seconds);
	json_decref(input);
	*elapsed = t;
	return n;
}

int cmd_actions(int argc, char **argv)
{
	const char *db = bench_opt(argc, argv, "db", NULL), *bare_path = bench_opt(argc, argv, "bare", NULL);
	const char *root = bench_opt(argc, argv, "root", "tests/reference");
	const char *sync = bench_opt(argc, argv, "sync", "full");
	int rounds = (int)bench_opt_long(argc, argv, "rounds", 5), i;
	double seconds = bench_opt_double(argc, argv, "seconds", 1.0), elapsed;
	int normal = strcmp(sync, "normal") == 0;
	struct service *svc;
	struct user kw = { 0 };
	struct bare b = { 0 };
	struct rows rows = { 0 };
	sqlite3 *reader;
	int64_t last_id, *ids;
	size_t nids, next = 0;
	double *eng, *bare, *ratio;
	long total = 0, n;
	json_t *out;

	if (!db || !bare_path)
		bench_die("actions --db STORE --bare COPY --sync full|normal");
	svc = bench_service(db, root, normal, 1, bench_instant("2030-03-06T10:00:00Z"));
	bench_user(svc, BENCH_TOKEN_KW, &kw);
	if (sqlite3_open_v2(db, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		bench_die("reader: %s", sqlite3_errmsg(reader));
	ids = plan_cases(reader, &nids);
	if (nids == 0)
		bench_die("no plan cases in %s", db);
	bare_open(&b, bare_path, normal);
	last_id = max_event_id(reader);
	if (max_event_id(b.db) != last_id)
		bench_die("%s is not a copy of %s (events %lld vs %lld)", bare_path, db,
			  (long long)max_event_id(b.db), (long long)last_id);
	eng = xcalloc((size_t)rounds, sizeof *eng);
	bare = xcalloc((size_t)rounds, sizeof *bare);
	ratio = xcalloc((size_t)rounds, sizeof *ratio);
	/* warm-up pair, untimed */
	engine_round(svc, &kw, ids, nids, &next, seconds / 4, &elapsed);
	settle_wal(svc);
	read_new_events(reader, &last_id, &rows);
	bare_round(&b, &rows);
	for (i = 0; i < rounds; i++) {
		double tb;
		n = engine_round(svc, &kw, ids, nids, &next, seconds, &elapsed);
		eng[i] = (double)n / elapsed;
		settle_wal(svc);
		read_new_events(reader, &last_id, &rows);
		if ((long)rows.n != n)
			bench_die("engine round wrote %zu events for %ld actions", rows.n, n);
		tb = bare_round(&b, &rows);
		bare[i] = (double)rows.n / tb;
		ratio[i] = eng[i] / bare[i];
		total += n;
	}
	out = json_pack("{s:s, s:s, s:s, s:I, s:I, s:f, s:o, s:o, s:o}",
		"figure", "actions", "sync", normal ? "NORMAL" : "FULL",
		"action", "testshire/referral review (assigned key worker, plan cases in random order)",
		"plan_cases", (json_int_t)nids, "actions_timed", (json_int_t)total, "round_seconds", seconds,
		"engine_per_s", bench_series(eng, rounds), "bare_per_s", bench_series(bare, rounds),
		"ratio", bench_series(ratio, rounds));
	rows_clear(&rows);
	free(rows.v);
	free(eng);
	free(bare);
	free(ratio);
	free(ids);
	bare_close(&b);
	sqlite3_close(reader);
	user_clear(&kw);
	service_close(svc);
	bench_emit(out);
	return 0;
}
