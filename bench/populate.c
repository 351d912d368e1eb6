/*
 * populate.c: `casework-bench populate --db FILE --root DIR --cases N`.
 *
 * Builds a store of N referral cases (tests/reference, authority testshire)
 * in two honest steps, and says so in its output:
 *
 *  1. Templates through the engine (service_open_case / service_act on a
 *     virtual clock): 4 "plan" cases with a 10-event history (open, accept,
 *     allocate, start and submit an assessment, authorise it, a case note,
 *     two reviews) and up to 1,000 "received" cases (the open event only),
 *     opened a minute apart so their triage timescales fall due at distinct
 *     instants.
 *  2. Clones to reach N: every row of a template (case and its projection,
 *     members, records, timescale index, events) copied under a new case id,
 *     with the id in the view text replaced (key order kept), every event
 *     hash recomputed with the engine's event_hash() and every event's view
 *     hash with store_view_hash() over the template's view after that event
 *     (captured while the template was built) with the id replaced; so each
 *     clone's chain is valid and it replays, event by event, to its stored
 *     views. One clone in ten is a plan case. Raw SQL, no journal and
 *     synchronous=OFF while loading, one transaction per 20,000 cases.
 *
 * A random sample of clones is then replayed with service_replay(); any
 * mismatch is fatal.
 */
#include "bench.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

#define PLAN_TEMPLATES 4      /* the reference kw may hold 4 children: 1 child each */
#define MAX_RECEIVED 1000

static void check(int rc, const char *what, struct error *err)
{
	if (rc)
		bench_die("%s: %s (%s)", what, err->message, err->code);
}

static int64_t open_case(struct service *svc, const struct user *u, const char *body_json)
{
	json_t *body = json_loads(body_json, 0, NULL), *view = NULL;
	struct error err = { 0 };
	int64_t id;
	if (!body)
		bench_die("bad template body");
	check(service_open_case(svc, u, body, &view, &err), "open", &err);
	id = json_integer_value(json_object_get(view, "id"));
	json_decref(view);
	json_decref(body);
	return id;
}

/* The view text a template has after each of its events (as stored). */
struct texts {
	char **v;
	size_t n;
};

static sqlite3 *capture_db;

/* A view text as the engine reads it back: without the store's padding. */
static char *stored_view(sqlite3_stmt *s, int col)
{
	const char *t = (const char *)sqlite3_column_text(s, col);
	size_t n = store_view_trimmed(t, (size_t)sqlite3_column_bytes(s, col));
	char *out = xmalloc(n + 1);
	memcpy(out, t, n);
	out[n] = 0;
	return out;
}

static void capture(struct texts *t, int64_t id)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(capture_db, "SELECT view FROM cases WHERE id = ?1", -1, &s, NULL) != SQLITE_OK)
		bench_die("capture: %s", sqlite3_errmsg(capture_db));
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW)
		bench_die("capture: no case %lld", (long long)id);
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	t->v[t->n++] = stored_view(s, 0);
	sqlite3_finalize(s);
}

static void act(struct service *svc, const struct user *u, int64_t id, const char *action,
		json_t *input)
{
	json_t *view = NULL;
	struct error err = { 0 };
	check(service_act(svc, u, id, action, input, &view, &err), action, &err);
	json_decref(view);
	json_decref(input);
}

/* Build the templates through the engine, capturing each one's view after every event. */
static void build_templates(const char *db, const char *root, int nreceived, int64_t *plan,
			    int64_t *received, struct texts *plan_texts, struct texts *received_texts)
{
	int64_t t0 = bench_instant(BENCH_T0);
	struct service *svc = bench_service(db, root, 1, 1, t0);
	struct user tri = { 0 }, mgr = { 0 }, kw = { 0 };
	int i;

	if (sqlite3_open_v2(db, &capture_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		bench_die("open %s", db);
	bench_user(svc, BENCH_TOKEN_TRIAGE, &tri);
	bench_user(svc, BENCH_TOKEN_MANAGER, &mgr);
	bench_user(svc, BENCH_TOKEN_KW, &kw);
	for (i = 0; i < PLAN_TEMPLATES; i++) {
		int64_t at = t0 + i * 60, id;
		struct texts *tx = &plan_texts[i];
		service_clock_set(svc, at);
		id = open_case(svc, &tri,
			"{\"workflow\": \"referral\","
			" \"data\": {\"referrer\": \"school\", \"consent\": true, \"urgency\": \"routine\"},"
			" \"members\": [{\"id\": \"amy\", \"name\": \"Amy\", \"role\": \"child\", \"dob\": \"2018-03-01\"},"
			"              {\"id\": \"pat\", \"name\": \"Pat\", \"role\": \"parent\", \"dob\": \"1985-07-12\"}]}");
		plan[i] = id;
		capture(tx, id);
		service_clock_set(svc, at + 3600);
		act(svc, &tri, id, "accept", NULL);
		capture(tx, id);
		service_clock_set(svc, at + 2 * 3600);
		act(svc, &mgr, id, "allocate", json_pack("{s:I, s:s}", "key_worker", (json_int_t)kw.id,
							 "rationale", "skills match"));
		capture(tx, id);
		service_clock_set(svc, at + 3 * 3600);
		act(svc, &kw, id, "start_assessment", NULL);
		capture(tx, id);
		act(svc, &kw, id, "add_record", json_pack("{s:s, s:{s:s}}", "type", "assessment",
							  "fields", "analysis", "strengths and needs"));
		capture(tx, id);
		service_clock_set(svc, at + 4 * 3600);
		act(svc, &kw, id, "submit_assessment", NULL);
		capture(tx, id);
		service_clock_set(svc, at + 5 * 3600);
		act(svc, &mgr, id, "authorise_assessment", NULL);
		capture(tx, id);
		service_clock_set(svc, at + 6 * 3600);
		act(svc, &kw, id, "add_record", json_pack("{s:s, s:{s:s, s:s}}", "type", "case_note",
							  "fields", "summary", "saw amy", "member", "amy"));
		capture(tx, id);
		service_clock_set(svc, at + 7 * 3600);
		act(svc, &kw, id, "review", json_pack("{s:s, s:i}", "held_on", "2030-03-04", "score", 6));
		capture(tx, id);
		service_clock_set(svc, at + 8 * 3600);
		act(svc, &kw, id, "review", json_pack("{s:s, s:i}", "held_on", "2030-03-04", "score", 7));
		capture(tx, id);
	}
	for (i = 0; i < nreceived; i++) {
		service_clock_set(svc, t0 + 86400 + (int64_t)i * 60);
		received[i] = open_case(svc, &tri,
			"{\"workflow\": \"referral\", \"data\": {\"referrer\": \"gp\", \"consent\": true},"
			" \"members\": [{\"id\": \"cy\", \"name\": \"Cy\", \"role\": \"child\", \"dob\": \"2016-05-01\"},"
			"              {\"id\": \"dee\", \"name\": \"Dee\", \"role\": \"parent\", \"dob\": \"1990-01-20\"}]}");
		capture(&received_texts[i], received[i]);
	}
	sqlite3_close(capture_db);
	capture_db = NULL;
	user_clear(&tri);
	user_clear(&mgr);
	user_clear(&kw);
	service_close(svc);
}

/* --- cloning ---------------------------------------------------------------- */

/*
 * A view text of a template, split around its id: the one "id":<template id>
 * (a number; member ids are strings). A clone's text is prefix, "id":<id>,
 * suffix: key order and all else as the engine would have written it.
 */
struct split {
	const char *text;
	size_t pre, suf, len;     /* prefix length, suffix offset, text length */
};

static void split_at_id(const char *text, int64_t tid, struct split *sp)
{
	char needle[64];
	const char *p, *hit = NULL;
	size_t nlen;
	int n = 0;
	snprintf(needle, sizeof needle, "\"id\":%lld", (long long)tid);
	nlen = strlen(needle);
	for (p = strstr(text, needle); p; p = strstr(p + 1, needle))
		if (p[nlen] == ',' || p[nlen] == '}') {
			hit = p;
			n++;
		}
	if (n != 1)
		bench_die("template %lld: its id appears %d times in its view text", (long long)tid, n);
	sp->text = text;
	sp->pre = (size_t)(hit - text);
	sp->suf = sp->pre + nlen;
	sp->len = strlen(text);
}

/* The clone's text into *buf (grown as needed); returns it. */
static char *with_id(const struct split *sp, int64_t id, char **buf, size_t *cap)
{
	char mid[48];
	int m = snprintf(mid, sizeof mid, "\"id\":%lld", (long long)id);
	size_t need = sp->pre + (size_t)m + (sp->len - sp->suf) + 1;
	if (need > *cap) {
		*cap = need * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf, sp->text, sp->pre);
	memcpy(*buf + sp->pre, mid, (size_t)m);
	memcpy(*buf + sp->pre + m, sp->text + sp->suf, sp->len - sp->suf + 1);
	return *buf;
}

struct row_event {
	int64_t seq, at, user_id;   /* user_id 0 = NULL */
	char *role, *kind, *name, *input, *facts;
	json_t *input_j, *facts_j;
	struct split view;          /* the case view after this event (template's id) */
};

struct template {
	int64_t id;
	/* cases row */
	char *authority, *workflow, *definition, *state, *team, *view_text;
	int open;
	int64_t assigned, children, parent, opened_at, updated_at, last_seq;
	int has_assigned, has_parent, has_team;
	json_t *view;
	/* child rows */
	json_t *members, *records, *timescales;   /* arrays of arrays of column values */
	struct row_event *ev;
	size_t nev;
	struct texts *texts;
	struct split final;
};

static sqlite3 *sq_open(const char *path)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_die("open %s: %s", path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static void sq_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bench_die("%s: %s", sql, msg);
}

static sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		bench_die("%s: %s", sql, sqlite3_errmsg(db));
	return s;
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* A row's columns as a JSON array (integers, text, null). */
static json_t *row_json(sqlite3_stmt *s, int from, int n)
{
	json_t *a = json_array();
	int i;
	for (i = from; i < from + n; i++) {
		switch (sqlite3_column_type(s, i)) {
		case SQLITE_INTEGER: json_array_append_new(a, json_integer(sqlite3_column_int64(s, i))); break;
		case SQLITE_NULL: json_array_append_new(a, json_null()); break;
		default: json_array_append_new(a, json_string((const char *)sqlite3_column_text(s, i))); break;
		}
	}
	return a;
}

static void bind_json_value(sqlite3_stmt *s, int i, json_t *v)
{
	if (json_is_integer(v))
		sqlite3_bind_int64(s, i, json_integer_value(v));
	else if (json_is_string(v))
		sqlite3_bind_text(s, i, json_string_value(v), -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static void load_template(sqlite3 *db, int64_t id, struct texts *texts, struct template *t)
{
	sqlite3_stmt *s;
	memset(t, 0, sizeof *t);
	t->id = id;
	t->texts = texts;
	s = sq_prep(db, "SELECT authority, workflow, definition, state, open, assigned, team, children, parent,"
			" opened_at, updated_at, last_seq, view FROM cases WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_ROW)
		bench_die("template %lld missing", (long long)id);
	t->authority = col_dup(s, 0);
	t->workflow = col_dup(s, 1);
	t->definition = col_dup(s, 2);
	t->state = col_dup(s, 3);
	t->open = sqlite3_column_int(s, 4);
	t->has_assigned = sqlite3_column_type(s, 5) != SQLITE_NULL;
	t->assigned = sqlite3_column_int64(s, 5);
	t->has_team = sqlite3_column_type(s, 6) != SQLITE_NULL;
	t->team = col_dup(s, 6);
	t->children = sqlite3_column_int64(s, 7);
	t->has_parent = sqlite3_column_type(s, 8) != SQLITE_NULL;
	t->parent = sqlite3_column_int64(s, 8);
	t->opened_at = sqlite3_column_int64(s, 9);
	t->updated_at = sqlite3_column_int64(s, 10);
	t->last_seq = sqlite3_column_int64(s, 11);
	t->view_text = stored_view(s, 12);
	t->view = json_loads(t->view_text, 0, NULL);
	if (!t->view || json_integer_value(json_object_get(t->view, "id")) != id)
		bench_die("template %lld: view without its id", (long long)id);
	sqlite3_finalize(s);

	t->members = json_array();
	s = sq_prep(db, "SELECT member, name, role, dob FROM members WHERE case_id = ?1");
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(t->members, row_json(s, 0, 4));
	sqlite3_finalize(s);
	t->records = json_array();
	s = sq_prep(db, "SELECT seq, type, fields, at, user_id FROM records WHERE case_id = ?1");
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(t->records, row_json(s, 0, 5));
	sqlite3_finalize(s);
	t->timescales = json_array();
	s = sq_prep(db, "SELECT key, authority, name, status, due FROM timescales WHERE case_id = ?1");
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(t->timescales, row_json(s, 0, 5));
	sqlite3_finalize(s);

	s = sq_prep(db, "SELECT seq, at, user_id, role, kind, name, input, facts, view_hash FROM events"
			" WHERE case_id = ?1 ORDER BY id");
	sqlite3_bind_int64(s, 1, id);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct row_event *e;
		t->ev = xrealloc(t->ev, (t->nev + 1) * sizeof *t->ev);
		e = &t->ev[t->nev++];
		e->seq = sqlite3_column_int64(s, 0);
		e->at = sqlite3_column_int64(s, 1);
		e->user_id = sqlite3_column_int64(s, 2);
		e->role = col_dup(s, 3);
		e->kind = col_dup(s, 4);
		e->name = col_dup(s, 5);
		e->input = col_dup(s, 6);
		e->facts = col_dup(s, 7);
		e->input_j = json_loads(e->input, JSON_DECODE_ANY, NULL);
		e->facts_j = json_loads(e->facts, JSON_DECODE_ANY, NULL);
		if (t->nev > texts->n)
			bench_die("template %lld: more events than captured views", (long long)id);
		{
			/* the captured text must be the one the engine hashed into the event */
			char h[65];
			const char *vt = texts->v[t->nev - 1];
			store_view_hash(vt, h);
			if (strcmp(h, (const char *)sqlite3_column_text(s, 8)) != 0)
				bench_die("template %lld event %lld: the stored view hash is not the hash of the stored view"
					  " (has the engine's view text changed?)", (long long)id, (long long)e->seq);
		}
	}
	sqlite3_finalize(s);
	if (t->nev == 0 || (int64_t)t->nev != t->last_seq || t->nev != texts->n)
		bench_die("template %lld: %zu events, last_seq %lld, %zu views", (long long)id, t->nev,
			  (long long)t->last_seq, texts->n);
	if (strcmp(t->view_text, texts->v[texts->n - 1]) != 0)
		bench_die("template %lld: stored view is not the last captured one", (long long)id);
	for (size_t k = 0; k < t->nev; k++)
		split_at_id(texts->v[k], id, &t->ev[k].view);
	split_at_id(t->view_text, id, &t->final);
}

enum { C_CASE, C_MEMBER, C_RECORD, C_TS, C_EVENT, C_N };

static char *buf;           /* clone_case's text buffer */
static size_t cap;


/* Insert each row (ncols values after the case id) of a template into a copy. */
static void clone_rows(sqlite3_stmt *s, int64_t id, json_t *rows, int ncols, const char *what)
{
	size_t i;
	int c;
	json_t *row;
	json_array_foreach(rows, i, row) {
		sqlite3_bind_int64(s, 1, id);
		for (c = 0; c < ncols; c++)
			bind_json_value(s, c + 2, json_array_get(row, (size_t)c));
		if (sqlite3_step(s) != SQLITE_DONE)
			bench_die("clone %s: %s", what, sqlite3_errmsg(sqlite3_db_handle(s)));
		sqlite3_reset(s);
	}
}

static void clone_case(sqlite3_stmt **st, const struct template *t, int64_t id)
{
	char prev[65] = "", hash[65], vhash[65];
	char *view;
	size_t i;
	sqlite3_stmt *s;

	for (i = 0; i < t->nev; i++) {
		const struct row_event *e = &t->ev[i];
		struct event ev = { 0 };
		ev.case_id = id;
		ev.seq = e->seq;
		ev.at = e->at;
		ev.user_id = e->user_id;
		ev.role = e->role;
		ev.kind = e->kind;
		ev.name = e->name;
		ev.input = e->input_j;
		ev.facts = e->facts_j;
		memcpy(ev.prev_hash, prev, sizeof prev);
		event_hash(&ev, hash);
		store_view_hash(with_id(&e->view, id, &buf, &cap), vhash);
		s = st[C_EVENT];
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, e->seq);
		sqlite3_bind_int64(s, 3, e->at);
		if (e->user_id)
			sqlite3_bind_int64(s, 4, e->user_id);
		else
			sqlite3_bind_null(s, 4);
		sqlite3_bind_text(s, 5, e->role, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 6, e->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 7, e->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 8, e->input, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 9, e->facts, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 10, prev, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 11, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 12, vhash, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(s) != SQLITE_DONE)
			bench_die("clone event: %s", sqlite3_errmsg(sqlite3_db_handle(s)));
		sqlite3_reset(s);
		memcpy(prev, hash, sizeof prev);
	}
	{
		/* with the room to grow the engine gives a new row (store_case_save) */
		const char *text = with_id(&t->final, id, &buf, &cap);
		size_t n = strlen(text), c = store_view_stored_size(n, 0);
		view = xmalloc(c + 1);
		memcpy(view, text, n);
		memset(view + n, ' ', c - n);
		view[c] = 0;
	}
	s = st[C_CASE];
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, t->authority, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, t->workflow, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, t->definition, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, t->state, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 6, t->open);
	if (t->has_assigned)
		sqlite3_bind_int64(s, 7, t->assigned);
	else
		sqlite3_bind_null(s, 7);
	sqlite3_bind_text(s, 8, t->has_team ? t->team : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, t->children);
	if (t->has_parent)
		sqlite3_bind_int64(s, 10, t->parent);
	else
		sqlite3_bind_null(s, 10);
	sqlite3_bind_int64(s, 11, t->opened_at);
	sqlite3_bind_int64(s, 12, t->updated_at);
	sqlite3_bind_int64(s, 13, t->last_seq);
	sqlite3_bind_text(s, 14, prev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 15, view, -1, free);
	if (sqlite3_step(s) != SQLITE_DONE)
		bench_die("clone case: %s", sqlite3_errmsg(sqlite3_db_handle(s)));
	sqlite3_reset(s);
	clone_rows(st[C_MEMBER], id, t->members, 4, "member");
	clone_rows(st[C_RECORD], id, t->records, 5, "record");
	clone_rows(st[C_TS], id, t->timescales, 5, "timescale");
}

static void free_template(struct template *t)
{
	size_t i;
	free(t->authority);
	free(t->workflow);
	free(t->definition);
	free(t->state);
	free(t->team);
	free(t->view_text);
	json_decref(t->view);
	json_decref(t->members);
	json_decref(t->records);
	json_decref(t->timescales);
	for (i = 0; i < t->nev; i++) {
		free(t->ev[i].role);
		free(t->ev[i].kind);
		free(t->ev[i].name);
		free(t->ev[i].input);
		free(t->ev[i].facts);
		json_decref(t->ev[i].input_j);
		json_decref(t->ev[i].facts_j);
	}
	free(t->ev);
}

static int64_t scalar(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	int64_t v = 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int cmd_populate(int argc, char **argv)
{
	const char *db = bench_opt(argc, argv, "db", NULL);
	const char *root = bench_opt(argc, argv, "root", "tests/reference");
	long n = bench_opt_long(argc, argv, "cases", 10000);
	long nverify = bench_opt_long(argc, argv, "verify", 200);
	int nreceived = n - PLAN_TEMPLATES < MAX_RECEIVED ? (int)(n - PLAN_TEMPLATES) : MAX_RECEIVED;
	int64_t plan[PLAN_TEMPLATES], *received;
	struct texts *plan_texts, *received_texts;
	struct template *tp, *tr;
	double t_start = bench_now(), t_templates, t_clone;
	sqlite3 *sq;
	sqlite3_stmt *st[C_N];
	int64_t id, ntemplates;
	long verified = 0, verified_events = 0;
	int i;
	json_t *out;

	if (!db || n < PLAN_TEMPLATES + 1)
		bench_die("populate --db FILE --cases N (N >= %d)", PLAN_TEMPLATES + 1);
	received = xcalloc((size_t)nreceived, sizeof *received);
	plan_texts = xcalloc(PLAN_TEMPLATES, sizeof *plan_texts);
	received_texts = xcalloc((size_t)nreceived, sizeof *received_texts);
	build_templates(db, root, nreceived, plan, received, plan_texts, received_texts);
	t_templates = bench_now() - t_start;
	ntemplates = PLAN_TEMPLATES + nreceived;

	sq = sq_open(db);
	/* bulk load: no journal, no sync; the store goes back to WAL afterwards */
	sq_exec(sq, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
	tp = xcalloc(PLAN_TEMPLATES, sizeof *tp);
	tr = xcalloc((size_t)nreceived, sizeof *tr);
	for (i = 0; i < PLAN_TEMPLATES; i++)
		load_template(sq, plan[i], &plan_texts[i], &tp[i]);
	for (i = 0; i < nreceived; i++)
		load_template(sq, received[i], &received_texts[i], &tr[i]);
	if (scalar(sq, "SELECT max(id) FROM cases") != ntemplates)
		bench_die("unexpected case ids after the templates");
	st[C_CASE] = sq_prep(sq, "INSERT INTO cases(id, authority, workflow, definition, state, open, assigned, team,"
				 " children, parent, opened_at, updated_at, last_seq, last_hash, view)"
				 " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	st[C_MEMBER] = sq_prep(sq, "INSERT INTO members(case_id, member, name, role, dob) VALUES(?1, ?2, ?3, ?4, ?5)");
	st[C_RECORD] = sq_prep(sq, "INSERT INTO records(case_id, seq, type, fields, at, user_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
	st[C_TS] = sq_prep(sq, "INSERT INTO timescales(case_id, key, authority, name, status, due) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
	st[C_EVENT] = sq_prep(sq, "INSERT INTO events(case_id, seq, at, user_id, role, kind, name, input, facts, prev_hash,"
				  " hash, view_hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	t_clone = bench_now();
	sq_exec(sq, "BEGIN");
	for (id = ntemplates + 1; id <= n; id++) {
		const struct template *t = id % 10 == 0 ? &tp[(id / 10) % PLAN_TEMPLATES] : &tr[id % nreceived];
		clone_case(st, t, id);
		if (id % 20000 == 0)
			sq_exec(sq, "COMMIT; BEGIN");
	}
	sq_exec(sq, "COMMIT");
	for (i = 0; i < C_N; i++)
		sqlite3_finalize(st[i]);
	sq_exec(sq, "PRAGMA journal_mode = WAL");
	t_clone = bench_now() - t_clone;

	/* Replay a random sample of clones (and the templates' first of each kind). */
	{
		struct service *svc = bench_service(db, root, 1, 1, bench_instant(BENCH_T0));
		unsigned seed = 12345;
		for (i = 0; i < nverify && n > ntemplates; i++) {
			struct error err = { 0 };
			int64_t cid = ntemplates + 1 + (int64_t)(rand_r(&seed) % (unsigned)(n - ntemplates));
			json_t *r = service_replay(svc, NULL, cid, 0, NULL, &err);
			if (!r)
				bench_die("replay of clone %lld: %s", (long long)cid, err.message);
			if (!json_is_true(json_object_get(r, "matches"))) {
				char *s = json_dumps(json_object_get(r, "divergence"), JSON_COMPACT);
				bench_die("clone %lld does not replay to its view (chain_ok %d): %s", (long long)cid,
					  json_is_true(json_object_get(r, "chain_ok")), s ? s : "?");
			}
			verified++;
			verified_events += (long)json_integer_value(json_object_get(r, "events"));
			json_decref(r);
		}
		service_close(svc);
	}
	out = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:f, s:f, s:I, s:I, s:s}",
		"figure", "populate",
		"cases", (json_int_t)scalar(sq, "SELECT count(*) FROM cases"),
		"plan_cases", (json_int_t)scalar(sq, "SELECT count(*) FROM cases WHERE state = 'plan'"),
		"events", (json_int_t)scalar(sq, "SELECT max(id) FROM events"),
		"pending_timescales", (json_int_t)scalar(sq, "SELECT count(*) FROM timescales WHERE status = 'pending'"),
		"templates_by_engine", (json_int_t)ntemplates,
		"cloned", (json_int_t)(n - ntemplates),
		"db_bytes", (json_int_t)(scalar(sq, "PRAGMA page_count") * scalar(sq, "PRAGMA page_size")),
		"engine_seconds", t_templates, "clone_seconds", t_clone,
		"clones_replayed", (json_int_t)verified, "clone_events_replayed", (json_int_t)verified_events,
		"method", "templates through the engine (service_open_case/service_act, virtual clock), "
			  "then their rows cloned under new ids (id replaced in the view texts; event and view hashes "
			  "recomputed with event_hash/store_view_hash); a random sample of clones replayed with "
			  "service_replay, all matching event by event");
	sqlite3_close(sq);
	for (i = 0; i < PLAN_TEMPLATES; i++)
		free_template(&tp[i]);
	for (i = 0; i < nreceived; i++)
		free_template(&tr[i]);
	free(tp);
	free(tr);
	free(received);
	for (i = 0; i < PLAN_TEMPLATES + nreceived; i++) {
		struct texts *tx = i < PLAN_TEMPLATES ? &plan_texts[i] : &received_texts[i - PLAN_TEMPLATES];
		size_t k;
		for (k = 0; k < tx->n; k++)
			free(tx->v[k]);
		free(tx->v);
	}
	free(plan_texts);
	free(received_texts);
	bench_emit(out);
	return 0;
}
