/*
 * scenario_expect.c: the scenario language's expectations (expect_state,
 * expect_timescale, expect_data, expect_assigned, expect_records, check) and
 * its lookups (linked, transferred, view). Each prints one TAP line; a failed
 * one says what was expected, what was found, and the case's timeline.
 */
#include <lua.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "codec.h"
#include "error.h"
#include "scenario_impl.h"
#include "service.h"
#include "store.h"
#include "util.h"

int l_expect_state(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *want = luaL_checkstring(L, 2);
	json_t *v = sc_get_view(r, L, id);
	const char *got = json_string_value(json_object_get(v, "state"));
	int ok = got && strcmp(got, want) == 0;
	sc_tap(r, ok, "case %lld is in %s %s", (long long)id, want, sc_cite(L, 3));
	if (!ok) {
		printf("#   expected state: %s\n#   got: %s\n", want, got);
		sc_print_timeline(r, id);
	}
	json_decref(v);
	return 0;
}

static json_t *pick_timescale(json_t *v, const char *name, const char *member, int occurrence, int *count)
{
	json_t *t, *found = NULL;
	size_t i;
	*count = 0;
	json_array_foreach(json_object_get(v, "timescales"), i, t) {
		const char *m = json_string_value(json_object_get(t, "member"));
		if (strcmp(json_string_value(json_object_get(t, "name")), name) != 0)
			continue;
		if (member && (!m || strcmp(m, member) != 0))
			continue;
		(*count)++;
		if (!occurrence || json_integer_value(json_object_get(t, "occurrence")) == occurrence)
			found = t;
	}
	return found;
}

int l_expect_timescale(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *name = luaL_checkstring(L, 2);
	const char *member, *status, *due, *line = sc_cite(L, 4);
	int occurrence, count, want_count, ok = 1;
	json_t *v, *t;
	char why[1024] = "";

	luaL_checktype(L, 3, LUA_TTABLE);
	lua_getfield(L, 3, "member");
	lua_getfield(L, 3, "status");
	lua_getfield(L, 3, "due");
	lua_getfield(L, 3, "occurrence");
	lua_getfield(L, 3, "count");
	member = lua_tostring(L, -5);
	status = lua_tostring(L, -4);
	due = lua_tostring(L, -3);
	occurrence = (int)luaL_optinteger(L, -2, 0);
	want_count = (int)luaL_optinteger(L, -1, -1);
	v = sc_get_view(r, L, id);
	t = pick_timescale(v, name, member, occurrence, &count);
	if (!t && want_count != 0) {
		ok = 0;
		snprintf(why, sizeof why, "#   no timescale %s%s%s on case %lld\n", name, member ? " for " : "",
			 member ? member : "", (long long)id);
	}
	if (want_count >= 0 && count != want_count) {
		ok = 0;
		snprintf(why + strlen(why), sizeof why - strlen(why), "#   expected %d instances, got %d\n", want_count, count);
	}
	if (t && status && strcmp(json_string_value(json_object_get(t, "status")), status) != 0) {
		ok = 0;
		snprintf(why + strlen(why), sizeof why - strlen(why), "#   %s status: expected %s, got %s\n",
			 json_string_value(json_object_get(t, "key")), status, json_string_value(json_object_get(t, "status")));
	}
	if (t && due) {
		int64_t want;
		char buf[32];
		if (calendar_parse_until(due, &want))
			sc_parse_at(L, due);   /* raises, naming the bad instant */
		if (json_integer_value(json_object_get(t, "due_epoch")) != want) {
			ok = 0;
			calendar_format_instant(want, buf);
			snprintf(why + strlen(why), sizeof why - strlen(why), "#   %s due: expected %s, got %s (%s from %s at %s)\n",
				 json_string_value(json_object_get(t, "key")), buf, json_string_value(json_object_get(t, "due")),
				 json_string_value(json_object_get(t, "rule")),
				 json_string_value(json_object_get(json_object_get(t, "anchor"), "event")),
				 json_string_value(json_object_get(json_object_get(t, "anchor"), "at")));
		}
	}
	sc_tap(r, ok, "case %lld: timescale %s%s%s%s%s%s%s %s", (long long)id, name, member ? "@" : "", member ? member : "",
	    status ? " " : "", status ? status : "", due ? " due " : "", due ? due : "", line);
	if (!ok) {
		fputs(why, stdout);
		sc_print_timeline(r, id);
	} else if (t) {
		char outcome[256];
		snprintf(outcome, sizeof outcome, "%s:%s", name, json_string_value(json_object_get(t, "status")));
		sc_record_coverage("timescale", json_string_value(json_object_get(v, "workflow")), outcome);
	}
	json_decref(v);
	lua_pop(L, 5);
	return 0;
}

int l_expect_data(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *key = luaL_checkstring(L, 2);
	struct error err = { 0 };
	json_t *v = sc_get_view(r, L, id), *want = codec_to_json(L, 3, &err);
	json_t *got = json_object_get(json_object_get(v, "data"), key);
	int ok = want && (got ? json_equal(got, want) : json_is_null(want));
	sc_tap(r, ok, "case %lld: data.%s %s", (long long)id, key, sc_cite(L, 4));
	if (!ok) {
		char *g = json_dumps(got ? got : json_null(), JSON_ENCODE_ANY | JSON_COMPACT);
		char *w = want ? json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT) : xstrdup("?");
		printf("#   expected: %s\n#   got: %s\n", w, g);
		free(g);
		free(w);
	}
	json_decref(want);
	json_decref(v);
	return 0;
}

int l_expect_assigned(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const struct user *u = sc_find_user(r, L, luaL_checkstring(L, 2));
	json_t *v = sc_get_view(r, L, id);
	int ok = json_integer_value(json_object_get(v, "assigned")) == u->id;
	sc_tap(r, ok, "case %lld is assigned to %s %s", (long long)id, u->name, sc_cite(L, 3));
	if (!ok)
		printf("#   expected user %lld, got %lld\n", (long long)u->id,
		       (long long)json_integer_value(json_object_get(v, "assigned")));
	json_decref(v);
	return 0;
}

int l_expect_records(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *type = luaL_checkstring(L, 2);
	lua_Integer want = luaL_checkinteger(L, 3), got = 0;
	json_t *v = sc_get_view(r, L, id), *rec;
	size_t i;
	json_array_foreach(json_object_get(v, "records"), i, rec)
		if (strcmp(json_string_value(json_object_get(rec, "type")), type) == 0)
			got++;
	sc_tap(r, got == want, "case %lld has %lld %s record(s) %s", (long long)id, (long long)want, type, sc_cite(L, 4));
	if (got != want)
		printf("#   expected %lld, got %lld\n", (long long)want, (long long)got);
	json_decref(v);
	return 0;
}

int l_linked(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	const char *wf = luaL_checkstring(L, 2);
	json_t *v = sc_get_view(r, L, id), *link;
	size_t i;
	lua_Integer found = 0;
	json_array_foreach(json_object_get(v, "links"), i, link)
		if (strcmp(json_string_value(json_object_get(link, "workflow")), wf) == 0)
			found = (lua_Integer)json_integer_value(json_object_get(link, "case"));
	json_decref(v);
	if (!found)
		return luaL_error(L, "case %d has no linked %s case", (int)id, wf);
	sc_touch(r, found);
	lua_pushinteger(L, found);
	return 1;
}

/* The case a transfer opened in the receiving authority. */
int l_transferred(lua_State *L)
{
	struct run *r = sc_ctx(L);
	int64_t id = luaL_checkinteger(L, 1);
	json_t *v = sc_get_view(r, L, id);
	json_t *to = json_object_get(json_object_get(v, "transferred_to"), "case");
	lua_Integer found = (lua_Integer)json_integer_value(to);
	json_decref(v);
	if (!found)
		return luaL_error(L, "case %d has not been transferred", (int)id);
	lua_pushinteger(L, found);
	return 1;
}

int l_view(lua_State *L)
{
	struct run *r = sc_ctx(L);
	json_t *v = sc_get_view(r, L, luaL_checkinteger(L, 1));
	codec_push(L, v);
	json_decref(v);
	return 1;
}

int l_check(lua_State *L)
{
	struct run *r = sc_ctx(L);
	sc_tap(r, lua_toboolean(L, 1), "%s", luaL_checkstring(L, 2));
	return 0;
}

