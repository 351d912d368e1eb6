/*
 * scenario.c: `casework run`: scenario files on a virtual clock, TAP out.
 *
 * A scenario is Lua (docs/authoring.md) run in a sandbox with the functions
 * below; each drives the service exactly as the HTTP API does (service.h),
 * so a scenario tests the same code path practitioners use. When a file
 * ends, every case it touched is replayed from its events and compared with
 * the store. This is a Lua boundary file, like script.c: it is the test
 * harness's side of the stack, and it never calls workflow code directly.
 */
#include "scenario.h"

#include <lua.h>
#include <lauxlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "codec.h"
#include "error.h"
#include "sandbox.h"
#include "service.h"
#include "store.h"
#include "util.h"
#include "scenario_impl.h"


static int tap_n, tap_failed;
static struct scenario_coverage *coverage;

void sc_tap(struct run *r, int ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void sc_tap(struct run *r, int ok, const char *fmt, ...)
{
	va_list ap;
	char desc[1024];
	va_start(ap, fmt);
	vsnprintf(desc, sizeof desc, fmt, ap);
	va_end(ap);
	tap_n++;
	if (!ok) {
		tap_failed++;
		r->failed_here++;
	}
	if (ok && r->opt->only && !strstr(desc, r->opt->only))
		return;
	printf("%sok %d - %s\n", ok ? "" : "not ", tap_n, desc);
}

struct run *sc_ctx(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

void sc_touch(struct run *r, int64_t id)
{
	size_t i;
	for (i = 0; i < r->ncases; i++)
		if (r->cases[i] == id)
			return;
	r->cases = xrealloc(r->cases, (r->ncases + 1) * sizeof *r->cases);
	r->cases[r->ncases++] = id;
	{
		/* a case opened by a spawn or a transfer: its first state counts as reached */
		json_t *v = store_case_view(service_store(r->svc), NULL, id, NULL);
		if (v && coverage && coverage->add) {
			coverage->add(coverage->ctx, "state", json_string_value(json_object_get(v, "workflow")),
				      json_string_value(json_object_get(v, "state")));
		}
		json_decref(v);
	}
}

const struct user *sc_find_user(struct run *r, lua_State *L, const char *name)
{
	size_t i;
	for (i = 0; i < r->nusers; i++)
		if (strcmp(r->users[i].name, name) == 0)
			return &r->users[i].u;
	luaL_error(L, "no scenario user '%s' (declare it in scenario { users = { ... } })", name);
	return NULL;
}

/* The last argument, if a string, is the procedure line the check cites. */
const char *sc_cite(lua_State *L, int idx)
{
	return lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : "";
}

int64_t sc_parse_at(lua_State *L, const char *s)
{
	int64_t t;
	if (calendar_parse_instant(s, &t))
		luaL_error(L, "'%s' is not an instant (YYYY-MM-DDTHH:MM[:SS][Z])", s);
	return t;
}

/* Print a case's events, for a failed expectation. */
void sc_print_timeline(struct run *r, int64_t id)
{
	json_t *events = store_events(service_store(r->svc), id, NULL), *e;
	size_t i;
	printf("#   timeline of case %lld:\n", (long long)id);
	json_array_foreach(events, i, e) {
		char when[32];
		calendar_format_instant(json_integer_value(json_object_get(e, "at")), when);
		printf("#     %lld %s %s %s%s%s\n", (long long)json_integer_value(json_object_get(e, "seq")), when,
		       json_string_value(json_object_get(e, "kind")), json_string_value(json_object_get(e, "name")),
		       json_object_get(e, "role") && json_is_string(json_object_get(e, "role")) ? " as " : "",
		       json_is_string(json_object_get(e, "role")) ? json_string_value(json_object_get(e, "role")) : "");
	}
	json_decref(events);
}

json_t *sc_get_view(struct run *r, lua_State *L, int64_t id)
{
	struct error err = { 0 };
	json_t *v = store_case_view(service_store(r->svc), NULL, id, &err);
	if (!v)
		luaL_error(L, "case %d: %s", (int)id, err.message);
	return v;
}

/* Move the clock to opts.at (if any). */
static void maybe_at(struct run *r, lua_State *L, int opts)
{
	struct error err = { 0 };
	if (!lua_istable(L, opts))
		return;
	lua_getfield(L, opts, "at");
	if (lua_isstring(L, -1) && service_advance(r->svc, sc_parse_at(L, lua_tostring(L, -1)), NULL, &err))
		luaL_error(L, "at: %s", err.message);
	lua_pop(L, 1);
}

static const struct user *opt_user(struct run *r, lua_State *L, int opts)
{
	const struct user *u;
	luaL_checktype(L, opts, LUA_TTABLE);
	lua_getfield(L, opts, "as");
	if (!lua_isstring(L, -1))
		luaL_error(L, "say who acts: { as = \"<user>\" }");
	u = sc_find_user(r, L, lua_tostring(L, -1));
	lua_pop(L, 1);
	return u;
}

static json_t *opt_json(lua_State *L, int opts, const char *key)
{
	json_t *v = NULL;
	struct error err = { 0 };
	if (!lua_istable(L, opts))
		return json_object();
	lua_getfield(L, opts, key);
	if (!lua_isnil(L, -1)) {
		v = codec_to_json(L, -1, &err);
		if (!v)
			luaL_error(L, "%s: %s", key, err.message);
		if (json_is_array(v) && json_array_size(v) == 0) {
			json_decref(v);
			v = json_object();
		}
	}
	lua_pop(L, 1);
	return v ? v : json_object();
}

void sc_record_coverage(const char *kind, const char *a, const char *b)
{
	if (coverage && coverage->add)
		coverage->add(coverage->ctx, kind, a, b);
}

/* --- the scenario functions ------------------------------------------------- */

static int l_scenario(lua_State *L)
{
	struct run *r = sc_ctx(L);
	const char *name = luaL_checkstring(L, 1);
	printf("# scenario: %s (%s)\n", name, r->file);
	lua_pushvalue(L, lua_upvalueindex(2));
	return 1;
}

static int l_scenario_body(lua_State *L)
{
	struct run *r = sc_ctx(L);
	struct error err = { 0 };
	const char *start;
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_getfield(L, 1, "authority");
	free(r->authority);
	r->authority = xstrdup(luaL_checkstring(L, -1));
	if (!service_authority(r->svc, r->authority))
		return luaL_error(L, "unknown authority '%s'", r->authority);
	lua_getfield(L, 1, "start");
	start = luaL_optstring(L, -1, NULL);
	if (start)
		service_clock_set(r->svc, sc_parse_at(L, start));
	lua_pop(L, 2);
	lua_getfield(L, 1, "users");
	if (lua_istable(L, -1)) {
		lua_pushnil(L);
		while (lua_next(L, -2)) {
			const char *uname = luaL_checkstring(L, -2);
			json_t *roles = json_array();
			const char *team = NULL, *auth = r->authority;
			char token[65];
			int64_t id;
			struct named_user *nu;
			if (lua_isstring(L, -1)) {
				json_array_append_new(roles, json_string(lua_tostring(L, -1)));
			} else if (lua_istable(L, -1)) {
				lua_Integer i, n = (lua_Integer)lua_rawlen(L, -1);
				for (i = 1; i <= n; i++) {
					lua_rawgeti(L, -1, i);
					json_array_append_new(roles, json_string(luaL_checkstring(L, -1)));
					lua_pop(L, 1);
				}
				lua_getfield(L, -1, "team");
				team = lua_tostring(L, -1);
				lua_getfield(L, -2, "authority");
				if (lua_isstring(L, -1))
					auth = lua_tostring(L, -1);
				lua_pop(L, 2);   /* team and auth strings stay valid: the table holds them */
			}
			if (store_user_add(service_store(r->svc), auth, uname, roles, team, NULL, 0, token, &id, &err)) {
				json_decref(roles);
				return luaL_error(L, "user %s: %s", uname, err.message);
			}
			json_decref(roles);
			r->users = xrealloc(r->users, (r->nusers + 1) * sizeof *r->users);
			nu = &r->users[r->nusers++];
			memset(nu, 0, sizeof *nu);
			nu->name = xstrdup(uname);
			if (store_user_by_token(service_store(r->svc), token, &nu->u, &err))
				return luaL_error(L, "user %s: %s", uname, err.message);
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	return 0;
}

static int l_user_id(lua_State *L)
{
	struct run *r = sc_ctx(L);
	lua_pushinteger(L, (lua_Integer)sc_find_user(r, L, luaL_checkstring(L, 1))->id);
	return 1;
}

static int l_at(lua_State *L)
{
	struct run *r = sc_ctx(L);
	struct error err = { 0 };
	int fired = 0;
	if (service_advance(r->svc, sc_parse_at(L, luaL_checkstring(L, 1)), &fired, &err))
		return luaL_error(L, "at: %s", err.message);
	lua_pushinteger(L, fired);
	return 1;
}

/* --verbose: the case's state and its running clocks after a step. */
static void verbose_view(struct run *r, const json_t *v)
{
	json_t *t;
	size_t i;
	if (!r->opt->verbose || !v)
		return;
	printf("#   case %lld now %s\n", (long long)json_integer_value(json_object_get(v, "id")),
	       json_string_value(json_object_get(v, "state")));
	json_array_foreach(json_object_get(v, "timescales"), i, t) {
		const char *st = json_string_value(json_object_get(t, "status"));
		if (strcmp(st, "pending") && strcmp(st, "breached"))
			continue;
		printf("#     %-44s %-8s due %s (%s, L%lld)\n", json_string_value(json_object_get(t, "key")), st,
		       json_string_value(json_object_get(t, "due")), json_string_value(json_object_get(t, "rule")),
		       (long long)json_integer_value(json_object_get(t, "line")));
	}
}

static int l_open_case(lua_State *L)
{
	struct run *r = sc_ctx(L);
	const struct user *u;
	json_t *body, *view = NULL;
	struct error err = { 0 };
	static const char *keys[] = { "workflow", "data", "members", "state", "team" };
	size_t i;

	luaL_checktype(L, 1, LUA_TTABLE);
	maybe_at(r, L, 1);
	u = opt_user(r, L, 1);
	body = json_object();
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		lua_getfield(L, 1, keys[i]);
		if (!lua_isnil(L, -1)) {
			json_t *v = codec_to_json(L, -1, &err);
			if (!v)
				return luaL_error(L, "%s: %s", keys[i], err.message);
			/* An empty Lua table is both {} and []: read it as the field expects. */
			if (strcmp(keys[i], "data") == 0 && json_is_array(v) && !json_array_size(v)) {
				json_decref(v);
				v = json_object();
			} else if (strcmp(keys[i], "members") == 0 && json_is_object(v) && !json_object_size(v)) {
				json_decref(v);
				v = json_array();
			}
			json_object_set_new(body, keys[i], v);
		}
		lua_pop(L, 1);
	}
	if (service_open_case(r->svc, u, body, &view, &err)) {
		sc_tap(r, 0, "open %s", json_string_value(json_object_get(body, "workflow")));
		printf("#   refused: %s (%s)\n", err.message, err.code);
		json_decref(body);
		return luaL_error(L, "open_case failed: %s", err.message);
	}
	sc_tap(r, 1, "open %s case %lld in %s", json_string_value(json_object_get(body, "workflow")),
	    (long long)json_integer_value(json_object_get(view, "id")), json_string_value(json_object_get(view, "state")));
	sc_record_coverage("state", json_string_value(json_object_get(view, "workflow")), json_string_value(json_object_get(view, "state")));
	verbose_view(r, view);
	sc_touch(r, json_integer_value(json_object_get(view, "id")));
	lua_pushinteger(L, (lua_Integer)json_integer_value(json_object_get(view, "id")));
	json_decref(body);
	json_decref(view);
	return 1;
}

/* act / add_record / extend / refuse share this: returns 0 ok, -1 refused (err filled). */
static int do_action(struct run *r, lua_State *L, int64_t id, const char *action, json_t *input,
		     const struct user *u, json_t **view, struct error *err)
{
	int rc = service_act(r->svc, u, id, action, input, view, err);
	json_t *v = *view;
	if (rc == 0) {
		const char *wf = json_string_value(json_object_get(v, "workflow"));
		size_t i;
		json_t *link;
		sc_record_coverage("action", wf, action);
		sc_record_coverage("state", wf, json_string_value(json_object_get(v, "state")));
		json_array_foreach(json_object_get(v, "links"), i, link)
			sc_touch(r, json_integer_value(json_object_get(link, "case")));
		if (json_object_get(v, "transferred_to"))
			sc_touch(r, json_integer_value(json_object_get(json_object_get(v, "transferred_to"), "case")));
	}
	(void)L;
	return rc;
}

static int l_act(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *action = luaL_checkstring(L, 2);
	const struct user *u;
	json_t *input, *view = NULL;
	struct error err = { 0 };

	maybe_at(r, L, 3);
	u = opt_user(r, L, 3);
	input = opt_json(L, 3, "input");
	sc_touch(r, id);
	if (do_action(r, L, id, action, input, u, &view, &err)) {
		sc_tap(r, 0, "case %lld: %s by %s", (long long)id, action, u->name);
		printf("#   refused: %s (%s%s%s)\n", err.message, err.code, err.field[0] ? ", field " : "", err.field);
		sc_print_timeline(r, id);
	} else {
		sc_tap(r, 1, "case %lld: %s by %s -> %s", (long long)id, action, u->name,
		    json_string_value(json_object_get(view, "state")));
		verbose_view(r, view);
	}
	json_decref(input);
	json_decref(view);
	return 0;
}

static int l_add_record(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *type = luaL_checkstring(L, 2);
	const struct user *u;
	json_t *input, *view = NULL;
	struct error err = { 0 };

	maybe_at(r, L, 3);
	u = opt_user(r, L, 3);
	input = json_pack("{s:s, s:o}", "type", type, "fields", opt_json(L, 3, "fields"));
	if (do_action(r, L, id, "add_record", input, u, &view, &err)) {
		sc_tap(r, 0, "case %lld: add %s record by %s", (long long)id, type, u->name);
		printf("#   refused: %s (%s)\n", err.message, err.code);
	} else {
		sc_tap(r, 1, "case %lld: add %s record by %s", (long long)id, type, u->name);
		sc_record_coverage("record", json_string_value(json_object_get(view, "workflow")), type);
	}
	json_decref(input);
	json_decref(view);
	return 0;
}

static int l_extend(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *ts = luaL_checkstring(L, 2);
	const struct user *u;
	json_t *input, *view = NULL;
	struct error err = { 0 };
	const char *until, *reason;

	maybe_at(r, L, 3);
	u = opt_user(r, L, 3);
	lua_getfield(L, 3, "until");
	lua_getfield(L, 3, "reason");
	until = luaL_checkstring(L, -2);
	reason = luaL_optstring(L, -1, "extended in a scenario");
	input = json_pack("{s:s, s:s, s:s}", "timescale", ts, "until", until, "reason", reason);
	lua_pop(L, 2);
	if (do_action(r, L, id, "extend_timescale", input, u, &view, &err)) {
		sc_tap(r, 0, "case %lld: extend %s to %s", (long long)id, ts, until);
		printf("#   refused: %s (%s)\n", err.message, err.code);
	} else {
		sc_tap(r, 1, "case %lld: extend %s to %s", (long long)id, ts, until);
	}
	json_decref(input);
	json_decref(view);
	return 0;
}

static int l_refuse(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *action = luaL_checkstring(L, 2);
	const char *code = luaL_checkstring(L, 4);
	const char *line = sc_cite(L, 5);
	const struct user *u;
	json_t *input, *view = NULL, *before, *after;
	struct error err = { 0 };

	maybe_at(r, L, 3);
	u = opt_user(r, L, 3);
	if (strcmp(action, "add_record") == 0) {
		json_t *f = opt_json(L, 3, "fields");
		lua_getfield(L, 3, "type");
		input = json_pack("{s:s?, s:o}", "type", lua_tostring(L, -1), "fields", f);
		lua_pop(L, 1);
	} else {
		input = opt_json(L, 3, "input");
	}
	before = store_case_view(service_store(r->svc), NULL, id, NULL);
	if (do_action(r, L, id, action, input, u, &view, &err) == 0) {
		sc_tap(r, 0, "case %lld: %s by %s is refused (%s) %s", (long long)id, action, u->name, code, line);
		printf("#   expected refusal: %s\n#   got: allowed, case now in %s\n", code,
		       json_string_value(json_object_get(view, "state")));
	} else {
		after = store_case_view(service_store(r->svc), NULL, id, NULL);
		sc_tap(r, strcmp(err.code, code) == 0 && json_equal(before, after),
		    "case %lld: %s by %s is refused (%s) %s", (long long)id, action, u->name, code, line);
		if (strcmp(err.code, code) != 0)
			printf("#   expected refusal: %s\n#   got: %s: %s\n", code, err.code, err.message);
		else if (!json_equal(before, after))
			printf("#   the refusal changed the stored case\n");
		else
			sc_record_coverage("refusal", code, action);
		json_decref(after);
	}
	json_decref(before);
	json_decref(input);
	json_decref(view);
	return 0;
}

static const luaL_Reg scenario_fns[] = {
	{ "user_id", l_user_id }, { "at", l_at }, { "open_case", l_open_case }, { "act", l_act },
	{ "add_record", l_add_record }, { "extend", l_extend }, { "refuse", l_refuse },
	{ "expect_state", l_expect_state }, { "expect_timescale", l_expect_timescale },
	{ "expect_data", l_expect_data }, { "expect_assigned", l_expect_assigned },
	{ "expect_records", l_expect_records }, { "linked", l_linked }, { "transferred", l_transferred }, { "view", l_view },
	{ "check", l_check }, { NULL, NULL }
};

static void replay_all(struct run *r)
{
	size_t i;
	for (i = 0; i < r->ncases; i++) {
		struct error err = { 0 };
		json_t *rep = service_replay(r->svc, NULL, r->cases[i], 0, NULL, &err);
		int ok = rep && json_is_true(json_object_get(rep, "matches"));
		sc_tap(r, ok, "replay of case %lld equals the store", (long long)r->cases[i]);
		if (!ok) {
			char *d = rep ? json_dumps(json_object_get(rep, "divergence"), JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
			char *c = rep ? json_dumps(json_object_get(rep, "chain_problem"), JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
			printf("#   %s\n", rep ? "" : err.message);
			if (d)
				printf("#   divergence: %s\n", d);
			if (c)
				printf("#   chain: %s\n", c);
			free(d);
			free(c);
		}
		json_decref(rep);
	}
}

static int run_file(const struct scenario_options *opt, const char *path)
{
	struct service_options so = { .db = opt->db ? opt->db : ":memory:", .root = opt->root,
				      .virtual_clock = 1 };
	struct run r = { .opt = opt, .file = path };
	struct sandbox *sb = NULL;
	struct error err = { 0 };
	json_t *diag = json_array();
	lua_State *L;
	size_t len, i;
	char *text = NULL, *chunk = NULL;
	const luaL_Reg *f;

	if (service_open(&so, &r.svc, diag, &err)) {
		sc_tap(&r, 0, "%s: the service starts", path);
		printf("#   %s\n", err.message);
		goto done;
	}
	text = util_read_file(path, &len);
	if (!text) {
		sc_tap(&r, 0, "%s: readable", path);
		goto done;
	}
	sb = sandbox_new(&(struct sandbox_limits){ .instructions = 2000000000ULL });
	L = sandbox_lua(sb);
	sandbox_push_env(sb);
	for (f = scenario_fns; f->name; f++) {
		lua_pushlightuserdata(L, &r);
		lua_pushcclosure(L, f->func, 1);
		lua_setfield(L, -2, f->name);
	}
	lua_pushlightuserdata(L, &r);
	lua_pushlightuserdata(L, &r);
	lua_pushcclosure(L, l_scenario_body, 1);
	lua_pushcclosure(L, l_scenario, 2);
	lua_setfield(L, -2, "scenario");
	lua_pop(L, 1);
	chunk = xasprintf("@%s", path);
	if (sandbox_load(sb, text, len, chunk, &err) || sandbox_call(sb, 0, 0, &err)) {
		sc_tap(&r, 0, "%s runs to the end", path);
		printf("#   %s\n", err.message);
	}
	replay_all(&r);
done:
	sandbox_free(sb);
	for (i = 0; i < r.nusers; i++) {
		free(r.users[i].name);
		user_clear(&r.users[i].u);
	}
	free(r.users);
	free(r.cases);
	free(r.authority);
	free(text);
	free(chunk);
	json_decref(diag);
	service_close(r.svc);
	return r.failed_here;
}

int scenario_run(const struct scenario_options *opt, const char **files, int nfiles,
		 struct scenario_coverage *cov)
{
	int i;
	coverage = cov;
	for (i = 0; i < nfiles; i++)
		run_file(opt, files[i]);
	printf("1..%d\n", tap_n);
	if (tap_failed)
		printf("# %d of %d failed\n", tap_failed, tap_n);
	return tap_failed ? 1 : 0;
}
