/*
 * codec.c: JSON <-> Lua conversion for the script boundary. Owns nothing;
 * called only by script.c. Never calls into Lua code (no metamethods: raw
 * access only), so it cannot run workflow code by accident.
 */
#include "codec.h"

#include <lua.h>
#include <lauxlib.h>
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void codec_push(lua_State *L, const json_t *v)
{
	size_t i, n;
	const char *key;
	json_t *item;

	luaL_checkstack(L, 4, "codec: nesting too deep");
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_OBJECT:
		lua_createtable(L, 0, (int)json_object_size(v));
		json_object_foreach((json_t *)v, key, item) {
			codec_push(L, item);
			lua_setfield(L, -2, key);
		}
		break;
	case JSON_ARRAY:
		n = json_array_size(v);
		lua_createtable(L, (int)n, 0);
		for (i = 0; i < n; i++) {
			codec_push(L, json_array_get(v, i));
			lua_rawseti(L, -2, (lua_Integer)i + 1);
		}
		break;
	case JSON_STRING:
		lua_pushlstring(L, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		lua_pushinteger(L, (lua_Integer)json_integer_value(v));
		break;
	case JSON_REAL:
		lua_pushnumber(L, json_real_value(v));
		break;
	case JSON_TRUE:
		lua_pushboolean(L, 1);
		break;
	case JSON_FALSE:
		lua_pushboolean(L, 0);
		break;
	case JSON_NULL:
		lua_pushnil(L);
		break;
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is the table at idx a proper sequence 1..n with n > 0? Returns n or 0. */
static lua_Integer sequence_length(lua_State *L, int idx)
{
	lua_Integer n = 0, max = 0;
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		lua_pop(L, 1);
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
			lua_pop(L, 1);
			return 0;
		}
		if (lua_tointeger(L, -1) > max)
			max = lua_tointeger(L, -1);
		n++;
	}
	return n == max ? n : 0;
}

static json_t *encode(lua_State *L, int idx, int depth, const char *path, struct error *err)
{
	json_t *out = NULL;
	lua_Integer n, i;
	char sub[256], keybuf[64];
	const char *key;

	idx = lua_absindex(L, idx);
	if (depth > CODEC_MAX_DEPTH) {
		error_set(err, ERR_SCRIPT, "script_error", "value at %s is nested too deeply (a cycle?)", path);
		return NULL;
	}
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		return json_null();
	case LUA_TBOOLEAN:
		return json_boolean(lua_toboolean(L, idx));
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			return json_integer((json_int_t)lua_tointeger(L, idx));
		if (!isfinite(lua_tonumber(L, idx))) {
			error_set(err, ERR_SCRIPT, "script_error", "value at %s is not a finite number", path);
			return NULL;
		}
		return json_real(lua_tonumber(L, idx));
	case LUA_TSTRING: {
		size_t len;
		const char *s = lua_tolstring(L, idx, &len);
		out = json_stringn(s, len);
		if (!out)
			error_set(err, ERR_SCRIPT, "script_error", "value at %s is not valid UTF-8", path);
		return out;
	}
	case LUA_TTABLE:
		luaL_checkstack(L, 4, "codec: nesting too deep");
		n = sequence_length(L, idx);
		if (n > 0) {
			out = json_array();
			for (i = 1; i <= n; i++) {
				json_t *item;
				snprintf(sub, sizeof sub, "%s[%lld]", path, (long long)i);
				lua_rawgeti(L, idx, i);
				item = encode(L, -1, depth + 1, sub, err);
				lua_pop(L, 1);
				if (!item) {
					json_decref(out);
					return NULL;
				}
				json_array_append_new(out, item);
			}
			return out;
		}
		out = json_object();
		/*
		 * Keys are added in sorted order: Lua's table order depends on the
		 * state's hash seed, and a view's text (and so its hash) must not.
		 * Number keys are written as strings, so 10 and "10" would be one
		 * key: that is refused rather than left to the table's order.
		 */
		{
			char **keys = NULL, buf[64];
			size_t nk = 0, k;
			int dup = 0;
			lua_pushnil(L);
			while (lua_next(L, idx)) {
				lua_pop(L, 1);
				if (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER) {
					if (lua_type(L, -1) == LUA_TSTRING)
						snprintf(buf, sizeof buf, "%s", lua_tostring(L, -1));
					else if (lua_isinteger(L, -1))
						snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, -1));
					else
						snprintf(buf, sizeof buf, "%.17g", lua_tonumber(L, -1));
					keys = realloc(keys, (nk + 1) * sizeof *keys);
					keys[nk++] = strdup(buf);
				}
			}
			if (nk)
				qsort(keys, nk, sizeof *keys, cmp_str);
			for (k = 0; k < nk; k++) {
				if (k && strcmp(keys[k], keys[k - 1]) == 0)
					dup = 1;
				json_object_set_new(out, keys[k], json_null());   /* placeholders fix the order */
			}
			for (k = 0; k < nk; k++)
				free(keys[k]);
			free(keys);
			if (dup) {
				json_decref(out);
				error_set(err, ERR_SCRIPT, "script_error",
					  "table at %s has a number key and a string key that read the same", path);
				return NULL;
			}
		}
		lua_pushnil(L);
		while (lua_next(L, idx)) {
			json_t *item;
			if (lua_type(L, -2) == LUA_TSTRING) {
				key = lua_tostring(L, -2);
			} else if (lua_type(L, -2) == LUA_TNUMBER) {
				if (lua_isinteger(L, -2))
					snprintf(keybuf, sizeof keybuf, "%lld", (long long)lua_tointeger(L, -2));
				else
					snprintf(keybuf, sizeof keybuf, "%.17g", lua_tonumber(L, -2));
				key = keybuf;
			} else {
				lua_pop(L, 2);
				json_decref(out);
				error_set(err, ERR_SCRIPT, "script_error", "table at %s has a %s key; only string and number keys can be stored",
					  path, luaL_typename(L, -2));
				return NULL;
			}
			snprintf(sub, sizeof sub, "%s.%s", path, key);
			item = encode(L, -1, depth + 1, sub, err);
			if (!item) {
				lua_pop(L, 2);
				json_decref(out);
				return NULL;
			}
			json_object_set_new(out, key, item);
			lua_pop(L, 1);
		}
		return out;
	default:
		error_set(err, ERR_SCRIPT, "script_error", "value at %s is a %s, which cannot be stored",
			  path, luaL_typename(L, idx));
		return NULL;
	}
}

json_t *codec_to_json(lua_State *L, int idx, struct error *err)
{
	int top = lua_gettop(L);
	json_t *out = encode(L, idx, 0, "value", err);
	assert(lua_gettop(L) == top);
	return out;
}
