/*
 * script_call.c: calling workflow code (guards, effects, computed targets,
 * spawn data, member filters) through the sandbox, and keeping workflow
 * functions pure: the file-level variables they capture must not change.
 * With script.c, one of the files that touch the Lua stack; the interpreter
 * reaches it only through script.h.
 */
#include "script.h"

#include <lua.h>
#include <lauxlib.h>
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "error.h"
#include "sandbox.h"
#include "util.h"

/* --- frozen file-level variables ---------------------------------------------- */

/*
 * Workflow functions are pure functions of (case, input, facts). A file-level
 * `local` they capture (an upvalue) would carry state from one case's event to
 * the next, and replay would differ. At load, every variable the workflow's
 * functions capture (following helper functions they capture) is remembered;
 * after every call each must still hold what it held: a change is undone and
 * the call refused. Reassigning a captured table is caught; changing a
 * captured table's contents is not (the DSL's own tables are not captured).
 */
static void freeze_walk(lua_State *L, int fn, int list, int seen)
{
	int i;
	const char *name;
	fn = lua_absindex(L, fn);
	lua_pushvalue(L, fn);
	if (lua_rawget(L, seen) != LUA_TNIL) {
		lua_pop(L, 1);
		return;
	}
	lua_pop(L, 1);
	lua_pushvalue(L, fn);
	lua_pushboolean(L, 1);
	lua_rawset(L, seen);
	for (i = 1; (name = lua_getupvalue(L, fn, i)); i++) {
		if (strcmp(name, "_ENV") == 0) {
			lua_pop(L, 1);
			continue;
		}
		lua_createtable(L, 3, 0);
		lua_pushvalue(L, fn);
		lua_rawseti(L, -2, 1);
		lua_pushinteger(L, i);
		lua_rawseti(L, -2, 2);
		lua_pushvalue(L, -2);
		lua_rawseti(L, -2, 3);
		lua_rawseti(L, list, (lua_Integer)lua_rawlen(L, list) + 1);
		if (lua_type(L, -1) == LUA_TFUNCTION && !lua_iscfunction(L, -1))
			freeze_walk(L, -1, list, seen);
		lua_pop(L, 1);
	}
}

static void freeze_ref(lua_State *L, int ref, int list, int seen)
{
	if (ref <= 0)
		return;
	lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
	if (lua_type(L, -1) == LUA_TFUNCTION)
		freeze_walk(L, -1, list, seen);
	lua_pop(L, 1);
}

void script_freeze(struct definition *d)
{
	lua_State *L = sandbox_lua(d->sb);
	int top = lua_gettop(L), list, seen;
	size_t i, j;
	lua_newtable(L);
	list = lua_gettop(L);
	lua_newtable(L);
	seen = lua_gettop(L);
	for (i = 0; i < d->nactions; i++) {
		struct action_def *a = &d->actions[i];
		for (j = 0; j < a->nguards; j++)
			freeze_ref(L, a->guards[j].ref, list, seen);
		freeze_ref(L, a->effect_ref, list, seen);
		freeze_ref(L, a->to_ref, list, seen);
		freeze_ref(L, a->spawn_ref, list, seen);
	}
	for (i = 0; i < d->ntimescales; i++) {
		freeze_ref(L, d->timescales[i].applies_ref, list, seen);
		freeze_ref(L, d->timescales[i].breach_ref, list, seen);
	}
	lua_pop(L, 1);
	d->frozen_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	assert(lua_gettop(L) == top);
}

/* After a call: every captured variable as it was loaded, or undo and refuse. */
static int check_frozen(struct definition *d, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	int top = lua_gettop(L), rc = 0;
	lua_Integer i, n;
	lua_rawgeti(L, LUA_REGISTRYINDEX, d->frozen_ref);
	n = (lua_Integer)lua_rawlen(L, -1);
	for (i = 1; i <= n; i++) {
		int idx;
		const char *name;
		lua_rawgeti(L, top + 1, i);
		lua_rawgeti(L, -1, 1);   /* fn */
		lua_rawgeti(L, -2, 2);
		idx = (int)lua_tointeger(L, -1);
		lua_pop(L, 1);
		name = lua_getupvalue(L, -1, idx);
		lua_rawgeti(L, -3, 3);   /* as loaded */
		if (!lua_rawequal(L, -1, -2)) {
			lua_Debug ar;
			lua_pushvalue(L, -3);
			lua_getinfo(L, ">S", &ar);
			if (rc == 0)
				error_set(err, ERR_SCRIPT, "script_error",
					  "%s:%d: workflow code changed the file-level variable '%s': workflow functions "
					  "must not keep state between events (it was put back)",
					  ar.short_src, ar.linedefined, name ? name : "?");
			rc = -1;
			lua_pushvalue(L, -1);
			lua_setupvalue(L, -4, idx);   /* put it back */
		}
		lua_pop(L, 4);
	}
	lua_settop(L, top);
	return rc;
}

/* --- calls ------------------------------------------------------------------ */

/* The case as workflow code sees it: records grouped by type. */
static json_t *case_for_lua(const json_t *view)
{
	json_t *c = json_object(), *records = json_object(), *r;
	size_t i;
	static const char *keys[] = { "id", "state", "data", "assigned", "team", "members", "workflow" };
	for (i = 0; i < sizeof keys / sizeof *keys; i++) {
		json_t *v = json_object_get(view, keys[i]);
		if (v)
			json_object_set(c, keys[i], v);
	}
	json_array_foreach(json_object_get(view, "records"), i, r) {
		const char *type = json_string_value(json_object_get(r, "type"));
		json_t *list;
		if (!type)
			continue;
		list = json_object_get(records, type);
		if (!list) {
			list = json_array();
			json_object_set_new(records, type, list);
		}
		json_array_append(list, json_object_get(r, "fields"));
	}
	json_object_set_new(c, "records", records);
	return c;
}

/* [-1, +1]: the JSON behind the light userdata as a Lua value (protected-call helper). */
static int l_push_json(lua_State *L)
{
	const json_t *v = lua_touserdata(L, 1);
	codec_push(L, v);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_newtable(L);
	}
	return 1;
}

/* [-3, +3]: case, input and facts as registry references (protected-call helper). */
static int l_bind(lua_State *L)
{
	int i;
	for (i = 1; i <= 3; i++) {
		lua_pushcfunction(L, l_push_json);
		lua_pushvalue(L, i);
		lua_call(L, 1, 1);
		lua_pushinteger(L, luaL_ref(L, LUA_REGISTRYINDEX));
	}
	return 3;
}

/*
 * The conversions run inside a protected call: a case too large for the
 * sandbox's memory cap is then a memory_exceeded refusal, not an abort.
 */
int script_bind(struct definition *d, const json_t *view, const json_t *input,
		const json_t *facts, uint64_t seed_a, uint64_t seed_b, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	json_t *c = case_for_lua(view);
	int rc;
	script_unbind(d);
	lua_pushcfunction(L, l_bind);
	lua_pushlightuserdata(L, c);
	lua_pushlightuserdata(L, (void *)input);
	lua_pushlightuserdata(L, (void *)facts);
	rc = sandbox_call(d->sb, 3, 3, err);
	json_decref(c);
	if (rc)
		return -1;
	d->case_ref = (int)lua_tointeger(L, -3);
	d->input_ref = (int)lua_tointeger(L, -2);
	d->facts_ref = (int)lua_tointeger(L, -1);
	lua_pop(L, 3);
	sandbox_seed(d->sb, seed_a, seed_b);
	return 0;
}

void script_unbind(struct definition *d)
{
	lua_State *L = sandbox_lua(d->sb);
	luaL_unref(L, LUA_REGISTRYINDEX, d->case_ref);
	luaL_unref(L, LUA_REGISTRYINDEX, d->input_ref);
	luaL_unref(L, LUA_REGISTRYINDEX, d->facts_ref);
	d->case_ref = d->input_ref = d->facts_ref = LUA_NOREF;
}

/* Push fn(case, input, facts) and call it for nresults. [-0, +nresults] */
static int call3(struct definition *d, int ref, int nresults, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	assert(ref != LUA_NOREF && d->case_ref != LUA_NOREF);
	lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
	lua_rawgeti(L, LUA_REGISTRYINDEX, d->case_ref);
	lua_rawgeti(L, LUA_REGISTRYINDEX, d->input_ref);
	lua_rawgeti(L, LUA_REGISTRYINDEX, d->facts_ref);
	if (sandbox_call(d->sb, 3, nresults, err))
		return -1;
	if (check_frozen(d, err)) {
		lua_pop(L, nresults);
		return -1;
	}
	return 0;
}

int script_guard(struct definition *d, const struct guard_def *g, int *allowed,
		 char **reason, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	int top = lua_gettop(L);
	*reason = NULL;
	if (call3(d, g->ref, 2, err))
		return -1;
	*allowed = lua_toboolean(L, -2);
	if (!*allowed && lua_type(L, -1) == LUA_TSTRING)
		*reason = xstrdup(lua_tostring(L, -1));
	lua_pop(L, 2);
	assert(lua_gettop(L) == top);
	return 0;
}

int script_effect(struct definition *d, int ref, struct error *err)
{
	return call3(d, ref, 0, err);
}

int script_target(struct definition *d, int ref, char **state, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	int rc = 0;
	*state = NULL;
	if (call3(d, ref, 1, err))
		return -1;
	if (lua_type(L, -1) == LUA_TSTRING)
		*state = xstrdup(lua_tostring(L, -1));
	else
		rc = error_set(err, ERR_SCRIPT, "script_error", "computed target returned a %s, not a state name",
			       luaL_typename(L, -1));
	lua_pop(L, 1);
	return rc;
}

int script_spawn_data(struct definition *d, int ref, json_t **data, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	if (call3(d, ref, 1, err))
		return -1;
	*data = lua_istable(L, -1) ? codec_to_json(L, -1, err) : json_object();
	lua_pop(L, 1);
	return *data ? 0 : -1;
}

int script_applies(struct definition *d, int ref, const json_t *member, const char *on,
		   int *yes, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	const char *id = json_string_value(json_object_get(member, "id")), *p;
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a of (member, date): the filter's own seed */
	for (p = id; p && *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	for (p = on; p && *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	sandbox_seed(d->sb, h, 0);
	lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
	lua_pushcfunction(L, l_push_json);
	lua_pushlightuserdata(L, (void *)member);
	if (sandbox_call(d->sb, 1, 1, err)) {   /* the member, pushed where a memory cap trip is caught */
		lua_pop(L, 1);
		return -1;
	}
	lua_pushstring(L, on);
	if (sandbox_call(d->sb, 2, 1, err))
		return -1;
	*yes = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return check_frozen(d, err);
}

json_t *script_case_data(struct definition *d, struct error *err)
{
	lua_State *L = sandbox_lua(d->sb);
	json_t *out;
	lua_rawgeti(L, LUA_REGISTRYINDEX, d->case_ref);
	lua_getfield(L, -1, "data");
	out = lua_isnil(L, -1) ? json_object() : codec_to_json(L, -1, err);
	lua_pop(L, 2);
	return out;
}
