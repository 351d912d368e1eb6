/*
 * tests/unit/store.c: how a case is laid out in the store (engine/store.c).
 *
 * A large view is stored with room to grow (padded with spaces to a quarter
 * more than it needs) and rewritten at the size it has while it fits, so
 * SQLite overwrites the row in place; a small one is stored as it is.
 * Checked on a reference case taken from referral to plan by the engine: at
 * every event the stored size follows the rule, the text read back has no
 * padding and is the text the engine hashed, and replay matches. Then the
 * rule itself on its edges, and migration 4 (one index of pending and
 * breached timescales) on a store with the schema of version 3. And the
 * two ways store_timescales reads an authority's clocks (the index walk, and
 * by its open cases for a small authority) give the same pages.
 */
#include "error.h"
#include "service.h"
#include "store.h"
#include "store_impl.h"
#include "tap.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int64_t scalar(sqlite3 *db, const char *sql, int64_t id)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void user(struct service *svc, const char *token, struct user *u)
{
	struct error err = { 0 };
	if (store_user_by_token(service_store(svc), token, u, &err))
		printf("# no demo user %s: %s\n", token, err.message);
}

struct step {
	const struct user *by;
	const char *action;
	const char *input;
};

/* The sizes a case's row had after each event, checked against the rule. */
struct sizes {
	int events, padded, in_place, grew, stored_ok, text_ok;
	int64_t last_stored;
};

static void check_row(struct service *svc, sqlite3 *db, int64_t id, const json_t *view, struct sizes *sz)
{
	int64_t stored = scalar(db, "SELECT length(view) FROM cases WHERE id = ?1", id);
	char *authority = NULL, *text = NULL, *want = store_view_text(view);
	struct error err = { 0 };
	size_t n = strlen(want), rule = store_view_stored_size(n, (size_t)(sz->last_stored > 0 ? sz->last_stored : 0));

	sz->events++;
	if (stored == (int64_t)rule)
		sz->stored_ok++;
	else
		printf("# event %d: %zu bytes stored as %lld, the rule says %zu\n", sz->events, n, (long long)stored, rule);
	if (stored > (int64_t)n)
		sz->padded++;
	if (sz->last_stored >= 2048 && stored == sz->last_stored)
		sz->in_place++;
	if (stored > sz->last_stored && sz->last_stored >= 2048)
		sz->grew++;
	if (store_case_stored(service_store(svc), NULL, id, &authority, &text, &err) == 0 && strcmp(text, want) == 0)
		sz->text_ok++;
	sz->last_stored = stored;
	free(authority);
	free(text);
	free(want);
}

/* The reference authority on a new store dir/name, demo users, a virtual clock at `at`; NULL (and a failed check) if not. */
static struct service *reference(const char *dir, const char *name, int64_t at, const char *what)
{
	struct service_options so = { 0 };
	struct service *svc = NULL;
	struct error err = { 0 };
	json_t *diag = json_array();
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	so.db = path;
	so.root = "tests/reference";
	so.demo = 1;
	so.virtual_clock = 1;
	so.start = at;
	if (!tap_ok(service_open(&so, &svc, diag, &err) == 0, what))
		printf("# %s\n", err.message);
	json_decref(diag);
	return svc;
}

static void padded_case(const char *dir)
{
	struct service *svc = NULL;
	struct error err = { 0 };
	struct user tri = { 0 }, mgr = { 0 }, kw = { 0 };
	struct sizes sz = { 0 };
	json_t *view = NULL, *body, *r;
	char path[512], kwin[128];
	sqlite3 *db;
	int64_t id, at = 1898845200;   /* 2030-03-04T09:00:00Z, a Monday */
	size_t i;
	int k;

	if (!(svc = reference(dir, "padded.db", at, "the reference authority opens")))
		return;
	snprintf(path, sizeof path, "%s/padded.db", dir);
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	user(svc, "demo-testshire-triage", &tri);
	user(svc, "demo-testshire-manager", &mgr);
	user(svc, "demo-testshire-kw", &kw);
	body = json_loads("{\"workflow\": \"referral\", \"data\": {\"referrer\": \"school\", \"consent\": true,"
			  " \"urgency\": \"routine\"}, \"members\": [{\"id\": \"amy\", \"name\": \"Amy\","
			  " \"role\": \"child\", \"dob\": \"2018-03-01\"}]}", 0, NULL);
	ok(service_open_case(svc, &tri, body, &view, &err) == 0, "a referral opens");
	json_decref(body);
	id = json_integer_value(json_object_get(view, "id"));
	check_row(svc, db, id, view, &sz);
	json_decref(view);
	snprintf(kwin, sizeof kwin, "{\"key_worker\": %lld, \"rationale\": \"skills match\"}", (long long)kw.id);
	{
		const struct step steps[] = {
			{ &tri, "accept", NULL }, { &mgr, "allocate", kwin }, { &kw, "start_assessment", NULL },
			{ &kw, "add_record", "{\"type\": \"assessment\", \"fields\": {\"analysis\": \"strengths and needs\"}}" },
			{ &kw, "submit_assessment", NULL }, { &mgr, "authorise_assessment", NULL },
		};
		for (i = 0; i < sizeof steps / sizeof *steps; i++) {
			json_t *in = steps[i].input ? json_loads(steps[i].input, 0, NULL) : NULL;
			service_clock_set(svc, at += 3600);
			if (service_act(svc, steps[i].by, id, steps[i].action, in, &view, &err))
				printf("# %s: %s\n", steps[i].action, err.message);
			else
				check_row(svc, db, id, view, &sz);
			json_decref(view);
			json_decref(in);
		}
	}
	/* case notes until the view is well past the size that gets room, and past its room twice */
	for (k = 0; k < 40; k++) {
		json_t *in = json_pack("{s:s, s:{s:s, s:s}}", "type", "case_note", "fields", "summary",
				       "saw amy at school; she is settled and her attendance is up", "member", "amy");
		service_clock_set(svc, at += 600);
		if (service_act(svc, &kw, id, "add_record", in, &view, &err))
			printf("# case note %d: %s\n", k, err.message);
		else
			check_row(svc, db, id, view, &sz);
		json_decref(view);
		json_decref(in);
	}
	is_int(sz.events, 47, "47 events stored");
	is_int(sz.stored_ok, sz.events, "the stored size follows the rule at every event");
	is_int(sz.text_ok, sz.events, "the text read back is the text the engine wrote, without padding, at every event");
	ok(sz.padded > 0 && sz.padded < sz.events, "only the larger views are padded (%d of %d)", sz.padded, sz.events);
	ok(sz.in_place >= 20, "most events after that rewrote the row at the size it had (%d)", sz.in_place);
	ok(sz.grew >= 2, "a view that outgrew its room was given more (%d times)", sz.grew);
	ok(scalar(db, "SELECT length(view) - length(rtrim(view, ' ')) FROM cases WHERE id = ?1", id) > 0,
	   "the padding is spaces after the JSON");
	r = service_replay(svc, NULL, id, 0, NULL, &err);
	ok(r && json_is_true(json_object_get(r, "matches")) && json_is_true(json_object_get(r, "chain_ok")),
	   "replay reproduces the padded case at every event");
	json_decref(r);
	user_clear(&tri);
	user_clear(&mgr);
	user_clear(&kw);
	sqlite3_close(db);
	service_close(svc);
}

static void rule_edges(void)
{
	is_int(store_view_stored_size(100, 0), 100, "a small view is stored as it is");
	is_int(store_view_stored_size(2047, 9000), 2047, "so is one that shrank below 2 KiB");
	is_int(store_view_stored_size(2048, 0), 2560, "a 2 KiB view gets a quarter more, in 64-byte steps");
	is_int(store_view_stored_size(6180, 0), 7744, "a 6 KB view: 7,744");
	is_int(store_view_stored_size(7000, 7744), 7744, "it keeps its size while it fits");
	is_int(store_view_stored_size(7745, 7744), 9728, "one byte more: a quarter more than it needs");
	is_int(store_view_stored_size(4000, 7744), 7744, "it keeps its size down to half");
	is_int(store_view_stored_size(3000, 9000), 3776, "below half, it is stored again at its own size");
}

/*
 * The case's store taken back to schema version 3 (two timescale indexes)
 * migrates to one, and the timer finds what it found before; a store of a
 * newer version than this build knows is refused, not misread.
 */
static void migration_4(const char *dir)
{
	char path[512];
	struct store *st = NULL;
	struct error err = { 0 };
	int64_t due_before = 0, due_after = -1, pending, breached, cases, pending_after = -1;
	sqlite3 *db;

	snprintf(path, sizeof path, "%s/padded.db", dir);
	if (!tap_ok(store_open(path, NULL, &st, &err) == 0, "the case's store opens"))
		return;
	store_next_due(st, &due_before, &err);
	store_counts(st, &pending, &breached, &cases);
	store_close(st);
	ok(pending > 0 && due_before > 0, "it has pending timescales (%lld)", (long long)pending);
	sqlite3_open(path, &db);
	is_int(sqlite3_exec(db, "DROP INDEX timescales_due;"
			   "CREATE INDEX timescales_pending ON timescales(due) WHERE status = 'pending';"
			   "CREATE INDEX timescales_by_authority ON timescales(authority, status, due);"
			   "DROP TRIGGER reads_moved;"
			   "PRAGMA user_version = 3;", NULL, NULL, NULL), SQLITE_OK, "taken back to version 3");
	sqlite3_close(db);
	ok(store_open(path, NULL, &st, &err) == 0, "the version 3 store opens");
	if (st) {
		store_next_due(st, &due_after, &err);
		store_counts(st, &pending_after, &breached, &cases);
		store_close(st);
	}
	is_int(due_after, due_before, "the timer's next due instant is the one it was");
	is_int(pending_after, pending, "and it counts the same pending timescales");
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	is_int(scalar(db, "PRAGMA user_version", 0), 6, "it was migrated to version 4, then 5 and 6");
	ok(sqlite3_exec(db, "INSERT INTO reads(case_id, user_id, at) VALUES(1, 1, 1)", NULL, NULL, NULL) == SQLITE_CONSTRAINT &&
	   strstr(sqlite3_errmsg(db), "read log's own file"),
	   "version 5: no read is logged in the store's own table any more (%s)", sqlite3_errmsg(db));
	is_int(scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
			  " ('timescales_pending', 'timescales_by_authority')", 0), 0, "its two timescale indexes are gone");
	is_int(scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'timescales_due'"
			  " AND sql LIKE '%WHERE status IN (''pending'', ''breached'')'", 0), 1,
	       "one index of pending and breached timescales by status and due replaces them");
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	ok(store_open(path, NULL, &st, &err) != 0 && strcmp(err.code, "store_too_new") == 0 &&
	   strstr(err.message, "schema version 99"), "a store of a newer version is refused, saying which");
	store_close(st);
	sqlite3_exec(db, "PRAGMA user_version = 6", NULL, NULL, NULL);
	sqlite3_close(db);
}

/* Every page of an authority's timescales, limit at a time, as one list. */
static json_t *all_pages(struct store *st, const char *status, int64_t before, int limit)
{
	struct ts_filter f = { .authority = "testshire", .status = status, .due_before = before, .limit = limit };
	json_t *out = json_array(), *page;
	char *cursor = NULL;
	while ((page = store_timescales(st, &f, NULL)) && json_array_size(page)) {
		json_array_extend(out, page);
		free(cursor);
		free((char *)f.after_key);
		f.after_key = NULL;
		cursor = store_ts_cursor(json_array_get(page, json_array_size(page) - 1));
		json_decref(page);
		page = NULL;
		if (store_ts_after(cursor, &f))
			break;
	}
	json_decref(page);
	free(cursor);
	free((char *)f.after_key);
	return out;
}

static void ts_plans(const char *dir)
{
	struct service *svc = NULL;
	struct error err = { 0 };
	struct user tri = { 0 }, mgr = { 0 }, kw = { 0 };
	json_t *view = NULL;
	int64_t at = 1898845200;   /* 2030-03-04T09:00:00Z, a Monday */
	int k, same = 0, pages = 0, fired = 0, breached = 0, pending = 0, keep = store_ts_small_authority;
	int closed_breached = 0, closed_listed = 0;
	int64_t closing[2] = { 0, 0 };
	static const struct { const char *status; int64_t before; } views[] = {
		{ NULL, 0 }, { "pending", 0 }, { "breached", 0 }, { NULL, 1898845200 + 5 * 86400 },
	};
	size_t v, i;
	json_t *t;

	if (!(svc = reference(dir, "plans.db", at, "plans: the reference authority opens")))
		return;
	user(svc, "demo-testshire-triage", &tri);
	user(svc, "demo-testshire-manager", &mgr);
	user(svc, "demo-testshire-kw", &kw);
	/* two cases escalated at once, whose escalation clock will breach and stay breached when they close */
	for (k = 0; k < 2; k++) {
		json_t *body = json_pack("{s:s, s:{s:s, s:b}, s:[]}", "workflow", "referral", "data", "referrer", "school",
					 "consent", 1, "members");
		json_t *alloc = json_pack("{s:I, s:s}", "key_worker", (json_int_t)kw.id, "rationale", "r");
		json_t *worry = json_pack("{s:s}", "worry", "w");
		if (service_open_case(svc, &tri, body, &view, &err) == 0) {
			closing[k] = json_integer_value(json_object_get(view, "id"));
			json_decref(view);
			view = NULL;
			if (service_act(svc, &tri, closing[k], "accept", NULL, &view, &err) ||
			    (json_decref(view), service_act(svc, &mgr, closing[k], "allocate", alloc, &view, &err)) ||
			    (json_decref(view), service_act(svc, &kw, closing[k], "raise_concern", worry, &view, &err)))
				printf("# escalate: %s\n", err.message);
		}
		json_decref(view);
		view = NULL;
		json_decref(body);
		json_decref(alloc);
		json_decref(worry);
	}
	/* referrals an hour apart, every other one accepted: clocks with due instants that tie and that do not */
	for (k = 0; k < 24; k++) {
		json_t *body = json_pack("{s:s, s:{s:s, s:b}, s:[]}", "workflow", "referral", "data", "referrer", "school",
					 "consent", 1, "members");
		service_clock_set(svc, at + (k / 2) * 3600);
		if (service_open_case(svc, &tri, body, &view, &err))
			printf("# open: %s\n", err.message);
		else if (k % 2) {
			int64_t id = json_integer_value(json_object_get(view, "id"));
			json_decref(view);
			if (service_act(svc, &tri, id, "accept", NULL, &view, &err))
				printf("# accept: %s\n", err.message);
		}
		json_decref(view);
		view = NULL;
		json_decref(body);
	}
	service_advance(svc, at + 3 * 86400, &fired, &err);   /* triage and escalation clocks breach */
	for (k = 0; k < 2; k++) {
		json_t *summary = json_pack("{s:s, s:{s:s}}", "type", "closure_summary", "fields", "outcome", "goals_met");
		if (service_act(svc, &mgr, closing[k], "add_record", summary, &view, &err) ||
		    (json_decref(view), service_act(svc, &mgr, closing[k], "close", NULL, &view, &err)))
			printf("# close: %s\n", err.message);
		json_decref(view);
		view = NULL;
		json_decref(summary);
	}
	for (k = 0; k < 2; k++) {
		json_t *cv = store_case_view(service_store(svc), "testshire", closing[k], NULL);
		json_array_foreach(json_object_get(cv, "timescales"), i, t)
			closed_breached += strcmp(json_string_value(json_object_get(t, "status")), "breached") == 0;
		json_decref(cv);
	}
	ok(closed_breached >= 2, "plans: the closed cases' views keep their breached clocks (%d)", closed_breached);
	is_int(scalar(store_db(service_store(svc)), "SELECT count(*) FROM timescales t JOIN cases c ON c.id = t.case_id WHERE NOT c.open", 0),
	       0, "plans: and the timescales table has no row of a closed case");
	/* as a store before version 6 had them: both plans still list only open cases' clocks */
	sqlite3_exec(store_db(service_store(svc)), "INSERT INTO timescales(case_id, key, authority, name, status, due)"
		     " SELECT id, 'stray#1', authority, 'stray', 'breached', 1 FROM cases WHERE NOT open", NULL, NULL, NULL);
	{
		json_t *whole = store_timescales(service_store(svc), &(struct ts_filter){ .authority = "testshire" }, NULL);
		json_array_foreach(whole, i, t) {
			breached += strcmp(json_string_value(json_object_get(t, "status")), "breached") == 0;
			pending += strcmp(json_string_value(json_object_get(t, "status")), "pending") == 0;
		}
		json_decref(whole);
	}
	ok(fired > 0 && breached > 0 && pending > 0, "plans: clocks both breached (%d) and pending (%d)", breached, pending);
	for (v = 0; v < sizeof views / sizeof *views; v++) {
		for (k = 1; k <= 7; k += 3) {
			json_t *walk, *by_cases;
			store_ts_small_authority = 0;   /* never small: the index walk */
			walk = all_pages(service_store(svc), views[v].status, views[v].before, k);
			store_ts_small_authority = 1 << 30;   /* always small: by its cases */
			by_cases = all_pages(service_store(svc), views[v].status, views[v].before, k);
			same += json_array_size(walk) > 0 && json_equal(walk, by_cases);
			json_array_foreach(walk, i, t)
				closed_listed += json_integer_value(json_object_get(t, "case_id")) == closing[0] ||
						 json_integer_value(json_object_get(t, "case_id")) == closing[1];
			pages++;
			json_decref(walk);
			json_decref(by_cases);
		}
	}
	store_ts_small_authority = keep;
	is_int(same, pages, "plans: the index walk and the read by cases give the same rows, page after page");
	is_int(closed_listed, 0, "plans: neither lists a closed case's clocks");
	user_clear(&tri);
	user_clear(&mgr);
	user_clear(&kw);
	service_close(svc);
	{
		char path[512];
		struct store *st = NULL;
		sqlite3 *db;
		snprintf(path, sizeof path, "%s/plans.db", dir);
		sqlite3_open(path, &db);
		sqlite3_exec(db, "PRAGMA user_version = 5", NULL, NULL, NULL);
		is_int(scalar(db, "SELECT count(*) FROM timescales t JOIN cases c ON c.id = t.case_id WHERE NOT c.open", 0), 2,
		       "plans: taken back to version 5 with two closed cases' rows");
		sqlite3_close(db);
		if (store_open(path, NULL, &st, &err) == 0)
			store_close(st);
		sqlite3_open(path, &db);
		ok(scalar(db, "PRAGMA user_version", 0) == 6 &&
		   scalar(db, "SELECT count(*) FROM timescales t JOIN cases c ON c.id = t.case_id WHERE NOT c.open", 0) == 0 &&
		   scalar(db, "SELECT count(*) FROM timescales", 0) > 0,
		   "plans: migration 6 takes out closed cases' timescales and only those");
		sqlite3_close(db);
	}
}

/*
 * An action on a case whose clock has run out before the timer fired it: the
 * breach is recorded first, an event of its own (service_act asks the view it
 * loads whether a pending clock is past due), so the action meets it late.
 * A case acted on in time has no such event.
 */
static void due_before_action(const char *dir)
{
	struct service *svc;
	struct error err = { 0 };
	struct user tri = { 0 };
	json_t *view = NULL, *events;
	int64_t at = 1898845200, late, early;   /* 2030-03-04T09:00:00Z */
	const char *body = "{\"workflow\": \"referral\", \"data\": {\"referrer\": \"gp\", \"consent\": true}}";
	json_t *b = json_loads(body, 0, NULL);
	size_t i;

	if (!(svc = reference(dir, "due.db", at, "a store for actions on overdue cases")))
		return;
	user(svc, "demo-testshire-triage", &tri);
	service_open_case(svc, &tri, b, &view, &err);
	late = json_integer_value(json_object_get(view, "id"));
	json_decref(view);
	service_open_case(svc, &tri, b, &view, &err);
	early = json_integer_value(json_object_get(view, "id"));
	json_decref(view);
	json_decref(b);

	service_clock_set(svc, at + 3600);   /* the triage clock (24 hours) is not due */
	ok(service_act(svc, &tri, early, "accept", NULL, &view, &err) == 0, "a case accepted within 24 hours");
	events = store_events(service_store(svc), early, &err);
	ok(json_array_size(events) == 2, "...has its open and accept events only (%zu)", json_array_size(events));
	json_decref(events);
	json_decref(view);

	service_clock_set(svc, at + 2 * 86400);   /* past due; no timer has run (the clock was set, not advanced) */
	ok(service_act(svc, &tri, late, "accept", NULL, &view, &err) == 0, "a case accepted two days late (%.200s)", err.message);
	for (i = 0; i < json_array_size(json_object_get(view, "timescales")); i++) {
		json_t *t = json_array_get(json_object_get(view, "timescales"), i);
		if (strcmp(json_string_value(json_object_get(t, "key")), "triage#1") == 0)
			ok(strcmp(json_string_value(json_object_get(t, "status")), "met_late") == 0 &&
			   json_object_get(t, "breached_at"), "...meets its triage clock late, breached first (%s)",
			   json_string_value(json_object_get(t, "status")));
	}
	json_decref(view);
	events = store_events(service_store(svc), late, &err);
	ok(json_array_size(events) == 3 &&
	   strcmp(json_string_value(json_object_get(json_array_get(events, 1), "kind")), "timer") == 0 &&
	   json_integer_value(json_object_get(json_array_get(events, 1), "at")) == at + 86400 + 1 &&
	   strcmp(json_string_value(json_object_get(json_array_get(events, 2), "name")), "accept") == 0,
	   "...its history: open, the breach a second after the due instant, then accept");
	json_decref(events);
	user_clear(&tri);
	service_close(svc);
}

int main(void)
{
	char dir[] = "/tmp/casework-unit-store-XXXXXX";
	char cmd[1024];
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	rule_edges();
	padded_case(dir);
	migration_4(dir);
	ts_plans(dir);
	due_before_action(dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
