/*
 * tests/unit/sandbox.c: the determinism policy and the limits of the sandbox.
 *
 * Walks policy_entries (every REMOVE row is absent from inside a script,
 * every KEEP row present, every stock name covered), then checks each
 * replacement's behaviour, strict/frozen globals, the instruction budget and
 * memory cap (including that pcall cannot swallow them), error locations,
 * require, and pairs order across two processes (re-executing itself with
 * --pairs-dump: Lua seeds its string hash per state, so this is the case
 * that would catch a hash-ordered pairs).
 */
#include "error.h"
#include "sandbox.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#define CHUNK "@workflows/test.lua"

/* Run code; on success format the first result into buf, on failure
 * "ERR <code>: <message>". Also checks the stack came back balanced. */
static const char *run(struct sandbox *sb, const char *code, char *buf, size_t n)
{
	lua_State *L = sandbox_lua(sb);
	int top = lua_gettop(L);
	struct error err;

	error_clear(&err);
	if (sandbox_load(sb, code, strlen(code), CHUNK, &err) != 0 ||
	    sandbox_call(sb, 0, 1, &err) != 0) {
		snprintf(buf, n, "ERR %s: %s", err.code, err.message);
	} else {
		switch (lua_type(L, -1)) {
		case LUA_TSTRING:
		case LUA_TNUMBER:
			snprintf(buf, n, "%s", lua_tostring(L, -1));
			break;
		case LUA_TBOOLEAN:
			snprintf(buf, n, "%s", lua_toboolean(L, -1) ? "true" : "false");
			break;
		default:
			snprintf(buf, n, "<%s>", luaL_typename(L, -1));
			break;
		}
		lua_pop(L, 1);
	}
	if (lua_gettop(L) != top)
		snprintf(buf, n, "STACK %d != %d", lua_gettop(L), top);
	return buf;
}

/* Run code expecting failure; fills err and returns the sandbox_* result. */
static int run_err(struct sandbox *sb, const char *code, struct error *err)
{
	lua_State *L = sandbox_lua(sb);
	int top = lua_gettop(L), rc;

	error_clear(err);
	rc = sandbox_load(sb, code, strlen(code), CHUNK, err);
	if (rc == 0)
		rc = sandbox_call(sb, 0, 0, err);
	if (lua_gettop(L) != top) {
		snprintf(err->code, sizeof err->code, "stack-unbalanced");
		lua_settop(L, top);
	}
	return rc;
}

static int has(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

static void test_policy_walk(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	char code[512], buf[512];
	size_t i;
	int removed = 0, kept = 0;

	for (i = 0; i < policy_count; i++) {
		const struct policy_entry *e = &policy_entries[i];
		const char *name = e->name ? e->name : e->lib;

		if (e->action == POLICY_REMOVE && (!e->lib || !e->name)) {
			snprintf(code, sizeof code,
				 "local ok, e = pcall(function() return %s end)\n"
				 "return tostring(ok) .. ' ' .. tostring(e)", name);
			snprintf(buf, sizeof buf, "false workflows/test.lua:1: undefined global '%s'", name);
			is_str(run(sb, code, buf + 256, 256), buf, "REMOVE %s: reading it raises undefined global", name);
			removed++;
		} else if (e->action == POLICY_REMOVE) {
			snprintf(code, sizeof code, "return %s.%s == nil", e->lib, e->name);
			is_str(run(sb, code, buf, sizeof buf), "true", "REMOVE %s.%s: absent", e->lib, e->name);
			removed++;
		} else if (e->lib && e->name) {
			snprintf(code, sizeof code, "return %s.%s ~= nil", e->lib, e->name);
			is_str(run(sb, code, buf, sizeof buf), "true", "%s %s.%s: present",
			       e->action == POLICY_KEEP ? "KEEP" : "REPLACE", e->lib, e->name);
			kept++;
		} else {
			snprintf(code, sizeof code, "return %s ~= nil", name);
			is_str(run(sb, code, buf, sizeof buf), "true", "%s %s: present",
			       e->action == POLICY_KEEP ? "KEEP" : "REPLACE", name);
			kept++;
		}
		ok(e->why && *e->why, "row %.200s%s%s says why", e->lib ? e->lib : "", e->lib && e->name ? "." : "",
		   e->name ? e->name : "");
	}
	ok(removed > 20 && kept > 40, "policy has %d REMOVE and %d KEEP/REPLACE rows", removed, kept);
	sandbox_free(sb);
}

static const struct policy_entry *row(const char *lib, const char *name)
{
	size_t i;

	for (i = 0; i < policy_count; i++) {
		const struct policy_entry *e = &policy_entries[i];
		if ((lib == NULL) != (e->lib == NULL) || (name == NULL) != (e->name == NULL))
			continue;
		if ((!lib || strcmp(lib, e->lib) == 0) && (!name || strcmp(name, e->name) == 0))
			return e;
	}
	return NULL;
}

/* Every name stock Lua offers is decided by a row (not left to default). */
static void test_policy_complete(void)
{
	lua_State *L = luaL_newstate();
	int missing = 0;

	luaL_openlibs(L);
	lua_pushglobaltable(L);
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		const char *g = lua_tostring(L, -2);
		if (lua_type(L, -1) == LUA_TTABLE && strcmp(g, "_G") != 0) {
			const struct policy_entry *lib = row(g, NULL);
			if (!lib) {
				printf("# no row for library %s\n", g);
				missing++;
			} else if (lib->action != POLICY_REMOVE) {
				lua_pushnil(L);
				while (lua_next(L, -2)) {
					if (!row(g, lua_tostring(L, -2))) {
						printf("# no row for %s.%s\n", g, lua_tostring(L, -2));
						missing++;
					}
					lua_pop(L, 1);
				}
			}
		} else if (!row(NULL, g)) {
			printf("# no row for global %s\n", g);
			missing++;
		}
		lua_pop(L, 1);
	}
	is_int(missing, 0, "every stock global and library member has a policy row");
	lua_close(L);
}

#define PAIRS_JOIN "local out = {} for k in pairs(t) do out[#out + 1] = tostring(k) end return table.concat(out, ',')"

static void test_pairs(void)
{
	struct sandbox *a = sandbox_new(NULL), *b = sandbox_new(NULL);
	const char *want = "-1,1,2.5,3,10,9223372036854775807,9.2233720368548e+18,1e+100,,a,ab,b,false,true";
	char buf[512], buf2[512];

	is_str(run(a, "local t = {} t[3]=1 t[1]=1 t[2.5]=1 t[-1]=1 t.b=1 t.a=1 t.ab=1 t['']=1 t[true]=1 t[false]=1 "
		   "t[10]=1 t[1e100]=1 t[math.maxinteger]=1 t[2^63]=1 " PAIRS_JOIN, buf, sizeof buf),
	       want, "pairs: mixed keys in total order (sandbox A)");
	is_str(run(b, "local t = {} t[false]=1 t[2^63]=1 t.ab=1 t[true]=1 t[1e100]=1 t['']=1 t[10]=1 t.b=1 "
		   "t[-1]=1 t[math.maxinteger]=1 t.a=1 t[2.5]=1 t[1]=1 t[3]=1 " PAIRS_JOIN, buf2, sizeof buf2),
	       want, "pairs: same order from another insertion order (sandbox B)");
	is_str(run(a, "local t = {} for i = 1, 300 do t['k' .. ((i * 7919) % 300)] = i end "
		   "local prev, n = nil, 0 for k in pairs(t) do if prev and not (prev < k) then return 'unsorted at ' .. k end "
		   "prev, n = k, n + 1 end return n", buf, sizeof buf),
	       "300", "pairs: 300 string keys come out bytewise ascending");
	is_str(run(a, "local t = {['a\\0b']=1, a=1, ['a\\0']=1, ['\\255']=1, A=1} " PAIRS_JOIN, buf, sizeof buf),
	       "A,a,a\0,a\0b,\xff", "pairs: strings compare bytewise with embedded NULs (len-aware)");
	is_str(run(a, "local t = {[{}] = 1} for k in pairs(t) do end return 'iterated'", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: pairs: table keys are not allowed in workflow code",
	       "pairs: table keys raise");
	is_str(run(a, "local t = {a=1, b=2, c=3} local out = {} for k, v in pairs(t) do out[#out+1] = k .. v "
		   "if k == 'a' then t.b = nil end end return table.concat(out, ',')", buf, sizeof buf),
	       "a1,c3", "pairs: a key cleared during the loop is skipped");
	is_str(run(a, "local t = setmetatable({x=1}, {__pairs = function() error('called') end}) " PAIRS_JOIN,
		   buf, sizeof buf), "x", "pairs: __pairs is ignored");
	is_str(run(a, "local t = {} for k in pairs(t) do return 'no' end return 'empty'", buf, sizeof buf),
	       "empty", "pairs: empty table");
	sandbox_free(a);
	sandbox_free(b);
}

static void test_replacements(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	char buf[512];

	is_str(run(sb, "return tostring({})", buf, sizeof buf), "table", "tostring({}) is 'table'");
	is_str(run(sb, "return tostring(tostring) .. ' ' .. tostring(nil) .. ' ' .. tostring(1.5) .. ' ' .. tostring(true)",
		   buf, sizeof buf), "function nil 1.5 true", "tostring of function, nil, number, boolean");
	is_str(run(sb, "return tostring(setmetatable({}, {__tostring = function() return 'T' end}))", buf, sizeof buf),
	       "T", "tostring honours __tostring");
	is_str(run(sb, "return string.format('%p', {})", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: string.format: %p is not allowed in workflow code",
	       "string.format %%p raises");
	is_str(run(sb, "return ('%-3p'):format('x')", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: string.format: %p is not allowed in workflow code",
	       "string.format %%p with flags, as a method, raises");
	is_str(run(sb, "return string.format('%5.1f|%s|%s|%%|%d|%q', 1.5, {}, 'x', 3, 'a')", buf, sizeof buf),
	       "  1.5|table|x|%|3|\"a\"", "string.format otherwise delegates, %%s of a table is its type");
	is_str(run(sb, "return string.format('%d', 'x')", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: bad argument #2 to 'format' (number expected, got string)",
	       "string.format's own errors name it and the line");
	is_str(run(sb, "return setmetatable({}, {__gc = function() end})", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: setmetatable: __gc is not allowed in workflow code "
	       "(its effect depends on when the collector runs)", "setmetatable refuses __gc");
	run(sb, "return setmetatable({}, {__mode = 'k'})", buf, sizeof buf);
	ok(has(buf, "setmetatable: __mode is not allowed"),
	   "setmetatable refuses __mode: %.200s", buf);
	is_str(run(sb, "local t = {} return rawequal(setmetatable(t, {__index = {x = 7}}), t) and t.x", buf, sizeof buf),
	       "7", "setmetatable otherwise works and returns the table");
	is_str(run(sb, "local t = {5, 3, 9, 1, 7} table.sort(t) return table.concat(t, ',')", buf, sizeof buf),
	       "1,3,5,7,9", "table.sort default order");
	is_str(run(sb, "local t = {'b', 'c', 'a'} table.sort(t, function(x, y) return x > y end) return table.concat(t)",
		   buf, sizeof buf), "cba", "table.sort with a comparator");
	is_str(run(sb, "local t = {}\n"
		   "for i = 1, 150 do t[i] = {k = (i * 37) % 5, id = i} end\n"
		   "table.sort(t, function(a, b) return a.k < b.k end)\n"
		   "for i = 2, #t do local p, q = t[i-1], t[i]\n"
		   "  if p.k > q.k or (p.k == q.k and p.id > q.id) then return 'unstable at ' .. i end end\n"
		   "return #t", buf, sizeof buf), "150", "table.sort is stable on 150 elements with equal keys");
	run(sb, "local t = {3, 'a', 1} table.sort(t) return 'sorted'", buf, sizeof buf);
	ok(has(buf, "attempt to compare"),
	   "table.sort raises on incomparable values: %.200s", buf);
	is_str(run(sb, "local t = {2, 1} table.sort(t, function() error('cmp') end)", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: cmp", "table.sort propagates comparator errors");
	is_str(run(sb, "return _G == _ENV and rawequal(_G, _ENV)", buf, sizeof buf), "true", "_G is the env proxy");
	sandbox_free(sb);
}

static void test_random(void)
{
	struct sandbox *a = sandbox_new(NULL), *b = sandbox_new(NULL);
	const char *code = "local o = {} for i = 1, 8 do o[i] = math.random(1000000) end return table.concat(o, ',')";
	char ra[256], rb[256], rc[256], rd[256];

	sandbox_seed(a, 42, 7);
	sandbox_seed(b, 42, 7);
	run(a, code, ra, sizeof ra);
	run(b, code, rb, sizeof rb);
	is_str(ra, rb, "math.random: same seed, same sequence in two sandboxes");
	sandbox_seed(b, 42, 8);
	run(b, code, rc, sizeof rc);
	ok(strcmp(ra, rc) != 0, "math.random: different seed, different sequence (%.100s vs %.100s)", ra, rc);
	sandbox_seed(a, 42, 7);
	run(a, code, rd, sizeof rd);
	is_str(rd, ra, "math.random: reseeding replays the sequence");
	sandbox_free(a);
	sandbox_free(b);
}

static void test_globals(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	char buf[512];

	is_str(run(sb, "return nope", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: undefined global 'nope'", "reading an undefined global raises");
	is_str(run(sb, "defined_early = 5 return defined_early", buf, sizeof buf), "5", "before lock, assignment defines");
	sandbox_lock(sb);
	is_str(run(sb, "return defined_early", buf, sizeof buf), "5", "after lock, the definition stays readable");
	is_str(run(sb, "x = 1", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: assignment to global 'x' is not allowed",
	       "after lock, assigning a new global raises");
	run(sb, "defined_early = 6", buf, sizeof buf);
	ok(has(buf, "assignment to global 'defined_early' is not allowed"),
	   "after lock, reassigning an existing global raises");
	run(sb, "_G.y = 1", buf, sizeof buf);
	ok(has(buf, "assignment to global 'y' is not allowed"),
	   "after lock, _G.y = 1 raises");
	is_str(run(sb, "local ok = pcall(function() rawset(_ENV, 'y', 1) end) "
		   "local ok2 = pcall(function() return y end) return tostring(ok) .. tostring(ok2)", buf, sizeof buf),
	       "falsefalse", "rawset(_ENV, ...) cannot define a global");
	is_str(run(sb, "return type(getmetatable(_ENV))", buf, sizeof buf), "string",
	       "getmetatable(_ENV) does not return the real metatable");
	run(sb, "setmetatable(_ENV, {})", buf, sizeof buf);
	ok(has(buf, "protected metatable"),
	   "setmetatable(_ENV, ...) refused: %.200s", buf);
	is_str(run(sb, "return type(getmetatable(''))", buf, sizeof buf), "string",
	       "the string metatable is hidden too");
	is_str(run(sb, "string.trim = 1", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: assignment to 'string.trim' is not allowed",
	       "after lock, library tables are frozen");
	is_str(run(sb, "return ('abc'):upper() .. string.rep('x', 2)", buf, sizeof buf), "ABCxx",
	       "string methods work through the frozen library");
	is_str(run(sb, "return string.dump", buf, sizeof buf), "<nil>", "string.dump is absent");
	sandbox_free(sb);
}

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
	luaL_Buffer *b = ud;
	(void)L;
	luaL_addlstring(b, p, sz);
	return 0;
}

static void test_load(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	lua_State *stock = luaL_newstate();
	struct error err;
	luaL_Buffer b;
	const char *bin;
	size_t len;

	luaL_loadstring(stock, "return 1");
	luaL_buffinit(stock, &b);
	lua_pushvalue(stock, -2);
	lua_dump(stock, dump_writer, &b, 0);
	lua_pop(stock, 1);
	luaL_pushresult(&b);
	bin = lua_tolstring(stock, -1, &len);
	error_clear(&err);
	is_int(sandbox_load(sb, bin, len, "=bin", &err), -1, "a binary chunk is refused");
	is_str(err.code, "syntax_error", "binary chunk: code");
	ok(has(err.message, "binary"), "binary chunk: message says why: %.200s", err.message);
	is_int(lua_gettop(sandbox_lua(sb)), 0, "binary chunk: nothing pushed");
	lua_close(stock);

	error_clear(&err);
	is_int(sandbox_load(sb, "local a = 1\nlocal b = = 2\n", 24, CHUNK, &err), -1, "a syntax error fails to load");
	is_str(err.code, "syntax_error", "syntax error: code");
	is_str(err.source, "workflows/test.lua", "syntax error: source");
	is_int(err.line, 2, "syntax error: line");
	ok(has(err.message, "workflows/test.lua:2:"), "syntax error: message: %.200s", err.message);
	sandbox_free(sb);

	/* Fault injection: a cap too small for the chunk itself. */
	{
		struct sandbox_limits lim = { 1, 0 };
		char buf[256];
		sb = sandbox_new(&lim);
		is_int(sandbox_load(sb, "return {1, 2, 3}", 16, CHUNK, &err), -1, "tiny cap: load fails");
		is_str(err.code, "memory_exceeded", "tiny cap: code memory_exceeded");
		sandbox_free(sb);
		sb = sandbox_new(NULL);
		is_str(run(sb, "return 1 + 1", buf, sizeof buf), "2", "a fresh sandbox with default limits runs");
		sandbox_free(sb);
	}
}

static int nested_calls(lua_State *L)
{
	struct sandbox *sb = lua_touserdata(L, lua_upvalueindex(1));
	struct error err;

	lua_pushvalue(L, 1);
	lua_pushboolean(L, sandbox_call(sb, 0, 0, &err) == 0);
	return 1;
}

static void test_budget(void)
{
	struct sandbox_limits lim = { 0, 200000 };
	struct sandbox *sb = sandbox_new(&lim);
	struct error err;
	char buf[256];

	is_int(run_err(sb, "local n = 0\nwhile true do n = n + 1 end", &err), -1, "while true do end stops");
	is_str(err.code, "budget_exceeded", "budget: code");
	is_str(err.source, "workflows/test.lua", "budget: source");
	is_int(err.line, 2, "budget: line of the loop");
	is_str(err.message, "workflows/test.lua:2: instruction budget exceeded (200000 instructions)", "budget: message");
	is_int(run_err(sb, "pcall(function() while true do end end) return 'swallowed'", &err), -1,
	       "pcall cannot swallow the budget");
	is_str(err.code, "budget_exceeded", "pcall: still budget_exceeded");
	is_int(run_err(sb, "for i = 1, 1e9 do pcall(function() while true do end end) end", &err), -1,
	       "a loop of pcalls cannot outlast the budget");
	is_str(err.code, "budget_exceeded", "loop of pcalls: budget_exceeded");
	is_int(run_err(sb, "xpcall(function() while true do end end, function(e) while true do end end)", &err), -1,
	       "xpcall with a looping handler still stops");
	is_str(err.code, "budget_exceeded", "xpcall: budget_exceeded");
	is_int(run_err(sb, "local t = setmetatable({}, {__index = function() while true do end end}) return t.x", &err),
	       -1, "a loop in a metamethod stops");
	is_str(err.code, "budget_exceeded", "metamethod: budget_exceeded");
	is_str(run(sb, "local s = 0 for i = 1, 100 do s = s + i end return s", buf, sizeof buf), "5050",
	       "after a trip the same sandbox runs a fresh call");

	lua_pushlightuserdata(sandbox_lua(sb), sb);
	lua_pushcclosure(sandbox_lua(sb), nested_calls, 1);
	lua_setglobal(sandbox_lua(sb), "call_back");
	is_int(run_err(sb, "local r = call_back(function() while true do end end) return 'survived'", &err), -1,
	       "a nested sandbox_call shares the budget: the outer call stops too");
	is_str(err.code, "budget_exceeded", "nested: budget_exceeded");
	is_int(run_err(sb, "for i = 1, 150000 do end\n"
		       "call_back(function() for i = 1, 100000 do end end)\n"
		       "return 'survived'", &err), -1, "a nested call does not get a fresh budget (150k + 100k > 200k)");
	is_str(err.code, "budget_exceeded", "nested, each within budget alone: budget_exceeded");

	/* pcall as the called function itself: no Lua instruction runs after it
	 * returns, so only pcall's own re-raise can stop the swallow. */
	lua_getglobal(sandbox_lua(sb), "pcall");
	sandbox_load(sb, "while true do end", 17, CHUNK, &err);
	is_int(sandbox_call(sb, 1, 2, &err), -1, "pcall called directly from C still re-raises a trip");
	is_str(err.code, "budget_exceeded", "pcall from C: budget_exceeded");
	lua_getglobal(sandbox_lua(sb), "xpcall");
	sandbox_load(sb, "while true do end", 17, CHUNK, &err);
	lua_getglobal(sandbox_lua(sb), "tostring");
	is_int(sandbox_call(sb, 2, 2, &err), -1, "xpcall called directly from C still re-raises a trip");
	is_str(err.code, "budget_exceeded", "xpcall from C: budget_exceeded");
	is_int(lua_gettop(sandbox_lua(sb)), 0, "stack balanced after the direct calls");
	sandbox_free(sb);
}

static void test_memory(void)
{
	struct sandbox_limits lim = { 8u << 20, 0 };
	struct sandbox *sb = sandbox_new(&lim);
	struct error err;
	char buf[256];
	size_t base = sandbox_memory(sb);

	ok(base > 0 && base < lim.memory_bytes, "sandbox_memory counts the state (%zu bytes)", base);
	is_int(run_err(sb, "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end", &err), -1,
	       "a memory bomb stops");
	is_str(err.code, "memory_exceeded", "memory: code");
	is_str(err.source, "workflows/test.lua", "memory: source");
	is_int(err.line, 2, "memory: line");
	ok(has(err.message, "workflows/test.lua:2: memory cap exceeded"), "memory: message: %.200s", err.message);
	is_int(run_err(sb, "local ok = pcall(function() local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end end)\n"
		       "return 'swallowed'", &err), -1, "pcall cannot swallow the memory cap");
	is_str(err.code, "memory_exceeded", "pcall: still memory_exceeded");
	is_int(run_err(sb, "pcall(string.rep, 'x', 1e9) return 'swallowed'", &err), -1,
	       "pcall(string.rep, huge) cannot swallow it either");
	is_str(err.code, "memory_exceeded", "string.rep: memory_exceeded");
	lua_getglobal(sandbox_lua(sb), "pcall");
	lua_getglobal(sandbox_lua(sb), "string");
	lua_getfield(sandbox_lua(sb), -1, "rep");
	lua_remove(sandbox_lua(sb), -2);
	lua_pushliteral(sandbox_lua(sb), "x");
	lua_pushinteger(sandbox_lua(sb), 1000000000);
	is_int(sandbox_call(sb, 3, 2, &err), -1, "pcall(string.rep, huge) called directly from C re-raises");
	is_str(err.code, "memory_exceeded", "pcall from C: memory_exceeded");
	is_str(run(sb, "local t = {} for i = 1, 1000 do t[i] = i end return #t", buf, sizeof buf), "1000",
	       "after a memory trip the same sandbox runs a fresh call");
	ok(sandbox_memory(sb) < 2 * base + (1u << 20), "memory is released after the trip (%zu bytes)", sandbox_memory(sb));
	sandbox_free(sb);
}

static void test_errors(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	struct error err;

	is_int(run_err(sb, "local a = 1\nlocal b = 2\nerror('boom')\n", &err), -1, "error() fails the call");
	is_str(err.code, "script_error", "error: code script_error");
	is_int(err.kind, ERR_SCRIPT, "error: kind ERR_SCRIPT");
	is_str(err.source, "workflows/test.lua", "error: source");
	is_int(err.line, 3, "error: line 3");
	is_str(err.message, "workflows/test.lua:3: boom", "error: message");
	is_int(run_err(sb, "local function check(x)\n  if not x then error('bad x', 2) end\nend\n\ncheck(false)\n", &err),
	       -1, "error(msg, 2) fails the call");
	is_int(err.line, 5, "error level 2 blames the caller's line, as its message does");
	is_str(err.message, "workflows/test.lua:5: bad x", "error level 2: message");
	is_int(run_err(sb, "local t = nil\n\nreturn t.x", &err), -1, "runtime error");
	is_int(err.line, 3, "runtime error: line");
	ok(has(err.message, "workflows/test.lua:3: attempt to index a nil value"), "runtime error: %.200s", err.message);
	is_int(run_err(sb, "error({code = 1})", &err), -1, "error with a table");
	is_str(err.message, "(error object is a table value)", "error with a table: message");
	is_int(err.line, 1, "error with a table: line");
	sandbox_free(sb);
}

static int answer_loads;
static int load_answer(lua_State *L)
{
	answer_loads++;
	lua_newtable(L);
	lua_pushinteger(L, 42);
	lua_setfield(L, -2, "answer");
	return 1;
}

static void test_require(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	char buf[256];

	sandbox_preload(sb, "answer", load_answer);
	is_str(run(sb, "return require('answer').answer", buf, sizeof buf), "42", "require of a registered module");
	is_str(run(sb, "return require('answer') == require('answer')", buf, sizeof buf), "true",
	       "require caches the module");
	is_int(answer_loads, 1, "the loader ran once");
	is_str(run(sb, "return require('os')", buf, sizeof buf),
	       "ERR script_error: workflows/test.lua:1: module 'os' not found "
	       "(workflow code may only require the casework standard library)", "require of anything else raises");
	sandbox_free(sb);
}

#define DUMP_CODE "local t = {} for i = 0, 499 do local j = (i * 7919) % 500 t['key' .. j] = j t['k' .. j * 31] = i end " \
	PAIRS_JOIN

static int pairs_dump(void)
{
	struct sandbox *sb = sandbox_new(NULL);
	static char buf[1 << 16];

	fputs(run(sb, DUMP_CODE, buf, sizeof buf), stdout);
	sandbox_free(sb);
	return 0;
}

static int read_child(char *out, size_t n)
{
	char self[4096], cmd[4200];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	FILE *p;
	size_t got;

	if (len <= 0)
		return -1;
	self[len] = '\0';
	snprintf(cmd, sizeof cmd, "'%s' --pairs-dump", self);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	got = fread(out, 1, n - 1, p);
	out[got] = '\0';
	return pclose(p) == 0 && got > 0 ? 0 : -1;
}

static void test_pairs_processes(void)
{
	static char one[1 << 16], two[1 << 16], here[1 << 16];
	struct sandbox *sb = sandbox_new(NULL);

	is_int(read_child(one, sizeof one), 0, "pairs across processes: first child ran");
	is_int(read_child(two, sizeof two), 0, "pairs across processes: second child ran");
	is_str(one, two, "pairs across processes: same order in two processes");
	is_str(run(sb, DUMP_CODE, here, sizeof here), one, "pairs across processes: same as in this process");
	ok(strncmp(one, "k0,k10013,k10044,", 17) == 0, "pairs across processes: sorted bytewise (%.30s...)", one);
	sandbox_free(sb);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--pairs-dump") == 0)
		return pairs_dump();
	alarm(120);  /* a sandbox that fails to stop a script fails the test, not hangs it */
	test_policy_walk();
	test_policy_complete();
	test_pairs();
	test_replacements();
	test_random();
	test_globals();
	test_load();
	test_budget();
	test_memory();
	test_errors();
	test_require();
	test_pairs_processes();
	return done_testing();
}
