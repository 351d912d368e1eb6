/*
 * policy.c: the determinism policy for workflow code, as data (DESIGN.md §4),
 * and the C replacements it names that need nothing from the sandbox itself.
 *
 * Owns: policy_entries[], one row per base global and library member with
 * KEEP, REMOVE or REPLACE and the reason; and the Lua-visible replacements
 * pairs, tostring, string.format, setmetatable, table.sort, pcall and xpcall
 * (sandbox.c provides _G and require, which need its registry).
 * Must never: read the clock, an address, the hash order of a table or the
 * state of the collector, so that a workflow's result depends only on its
 * inputs. A name that is not listed here is not visible to scripts at all
 * (sandbox.c builds the environment from KEEP and REPLACE rows only).
 * Called by: sandbox.c, which applies the rows when it makes a state and asks
 * policy_replacement() for each REPLACE row; tests/unit/sandbox.c walks the
 * same rows.
 */
#include "sandbox.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#define K POLICY_KEEP
#define X POLICY_REMOVE
#define R POLICY_REPLACE

const struct policy_entry policy_entries[] = {
	/* Base library. */
	{ NULL, "_G", R, "the global proxy itself, so _G.x obeys the same strict, frozen rules as x" },
	{ NULL, "_VERSION", K, "a constant" },
	{ NULL, "assert", K, "pure" },
	{ NULL, "collectgarbage", X, "exposes and steers the collector, whose timing is not part of the case" },
	{ NULL, "dofile", X, "reads files" },
	{ NULL, "error", K, "pure; sandbox_call reports the message with file and line" },
	{ NULL, "getmetatable", K, "pure; the env and string metatables carry __metatable so they stay hidden" },
	{ NULL, "ipairs", K, "iterates 1..n in order" },
	{ NULL, "load", X, "compiles code at run time, including binary chunks; definitions are loaded by the engine only" },
	{ NULL, "loadfile", X, "reads files" },
	{ NULL, "loadstring", X, "Lua 5.1 name of load; listed so it stays absent" },
	{ NULL, "next", X, "hash order, which varies between processes; use pairs (sorted)" },
	{ NULL, "pairs", R, "total key order: numbers ascending, strings bytewise, false, true; metamethods ignored; other key types raise" },
	{ NULL, "pcall", R, "may not catch an instruction-budget or memory-cap trip" },
	{ NULL, "print", X, "writes to stdout; workflow code has no output but its results" },
	{ NULL, "rawequal", K, "pure" },
	{ NULL, "rawget", K, "pure; on _ENV it sees only the empty proxy" },
	{ NULL, "rawlen", K, "pure" },
	{ NULL, "rawset", X, "could write into the _ENV proxy or a frozen library past its __newindex" },
	{ NULL, "require", R, "only modules registered with sandbox_preload(); never files" },
	{ NULL, "select", K, "pure" },
	{ NULL, "setmetatable", R, "refuses __gc and __mode, whose effects depend on when the collector runs" },
	{ NULL, "tonumber", K, "pure" },
	{ NULL, "tostring", R, "tables, functions, threads and userdata print as their type, never an address" },
	{ NULL, "type", K, "pure" },
	{ NULL, "warn", X, "writes to stderr" },
	{ NULL, "xpcall", R, "may not catch an instruction-budget or memory-cap trip" },

	/* Whole libraries. */
	{ "coroutine", NULL, X, "workflow handlers run to completion; a yield across the engine would escape the budget" },
	{ "debug", NULL, X, "reaches the registry, upvalues and hooks: everything the sandbox hides" },
	{ "io", NULL, X, "files and processes" },
	{ "os", NULL, X, "the clock, the environment, files and processes" },
	{ "package", NULL, X, "loads files and C libraries; require is replaced instead" },
	{ "math", NULL, K, "frozen after sandbox_lock(); members below" },
	{ "string", NULL, K, "frozen after sandbox_lock(); members below" },
	{ "table", NULL, K, "frozen after sandbox_lock(); members below" },
	{ "utf8", NULL, K, "frozen after sandbox_lock(); members below" },

	/* math: exact IEEE or integer operations only. */
	{ "math", "abs", K, "exact" },
	{ "math", "ceil", K, "exact" },
	{ "math", "deg", K, "a multiplication" },
	{ "math", "floor", K, "exact" },
	{ "math", "fmod", K, "exact" },
	{ "math", "huge", K, "a constant" },
	{ "math", "max", K, "exact" },
	{ "math", "maxinteger", K, "a constant" },
	{ "math", "min", K, "exact" },
	{ "math", "mininteger", K, "a constant" },
	{ "math", "modf", K, "exact" },
	{ "math", "pi", K, "a constant" },
	{ "math", "rad", K, "a multiplication" },
	{ "math", "random", K, "xoshiro256** in Lua itself; sandbox_seed() sets the state before each call" },
	{ "math", "randomseed", X, "without arguments it seeds from the clock; the engine seeds instead" },
	{ "math", "sqrt", K, "correctly rounded by IEEE 754" },
	{ "math", "tointeger", K, "exact" },
	{ "math", "type", K, "pure" },
	{ "math", "ult", K, "exact" },
	{ "math", "acos", X, "libm transcendental: the last bit may differ between libm versions, so replay on another host could diverge" },
	{ "math", "asin", X, "libm transcendental: may differ between libm versions" },
	{ "math", "atan", X, "libm transcendental: may differ between libm versions" },
	{ "math", "cos", X, "libm transcendental: may differ between libm versions" },
	{ "math", "exp", X, "libm transcendental: may differ between libm versions" },
	{ "math", "log", X, "libm transcendental: may differ between libm versions" },
	{ "math", "sin", X, "libm transcendental: may differ between libm versions" },
	{ "math", "tan", X, "libm transcendental: may differ between libm versions" },
	{ "math", "atan2", X, "5.3 compatibility only (absent from other builds) and libm" },
	{ "math", "cosh", X, "5.3 compatibility only and libm" },
	{ "math", "sinh", X, "5.3 compatibility only and libm" },
	{ "math", "tanh", X, "5.3 compatibility only and libm" },
	{ "math", "pow", X, "5.3 compatibility only; use the ^ operator" },
	{ "math", "log10", X, "5.3 compatibility only and libm" },
	{ "math", "frexp", X, "5.3 compatibility only (absent from other builds)" },
	{ "math", "ldexp", X, "5.3 compatibility only (absent from other builds)" },

	/* string */
	{ "string", "byte", K, "pure" },
	{ "string", "char", K, "pure" },
	{ "string", "dump", X, "produces binary chunks, which can crash the VM and are refused by sandbox_load()" },
	{ "string", "find", K, "pure (patterns are bounded by Lua's C-recursion limit, not by the instruction budget)" },
	{ "string", "format", R, "%p prints an address; %s of a table prints as tostring does" },
	{ "string", "gmatch", K, "pure" },
	{ "string", "gsub", K, "pure" },
	{ "string", "len", K, "pure" },
	{ "string", "lower", K, "the engine never calls setlocale, so the C locale applies" },
	{ "string", "match", K, "pure" },
	{ "string", "pack", K, "pure; native sizes are fixed for a build" },
	{ "string", "packsize", K, "pure" },
	{ "string", "rep", K, "pure; bounded by the memory cap" },
	{ "string", "reverse", K, "pure" },
	{ "string", "sub", K, "pure" },
	{ "string", "unpack", K, "pure" },
	{ "string", "upper", K, "the engine never calls setlocale, so the C locale applies" },

	/* table */
	{ "table", "concat", K, "pure" },
	{ "table", "insert", K, "pure" },
	{ "table", "move", K, "pure" },
	{ "table", "pack", K, "pure" },
	{ "table", "remove", K, "pure" },
	{ "table", "sort", R, "stock quicksort picks pivots from the clock and is unstable; a stable merge sort" },
	{ "table", "unpack", K, "pure" },

	/* utf8 */
	{ "utf8", "char", K, "pure" },
	{ "utf8", "charpattern", K, "a constant" },
	{ "utf8", "codepoint", K, "pure" },
	{ "utf8", "codes", K, "iterates in order" },
	{ "utf8", "len", K, "pure" },
	{ "utf8", "offset", K, "pure" },
};

const size_t policy_count = sizeof policy_entries / sizeof policy_entries[0];

#undef K
#undef X
#undef R

/*
 * tostring without addresses: numbers, strings, booleans and nil as stock;
 * __tostring honoured; anything else is its type name. Pushes the string.
 */
static void push_string_of(lua_State *L, int idx)
{
	idx = lua_absindex(L, idx);
	if (luaL_callmeta(L, idx, "__tostring")) {
		if (!lua_isstring(L, -1))
			luaL_error(L, "'__tostring' must return a string");
		return;
	}
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
	case LUA_TSTRING:
	case LUA_TBOOLEAN:
	case LUA_TNIL:
		luaL_tolstring(L, idx, NULL);
		break;
	default:
		lua_pushstring(L, luaL_typename(L, idx));
		break;
	}
}

static int l_policy_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	push_string_of(L, 1);
	return 1;
}

/*
 * The stock C function a replacement wraps (upvalue 1). Replacements call it
 * directly, in their own frame, rather than through lua_call, so its argument
 * errors name the function and the script's line exactly as stock Lua would.
 */
static lua_CFunction original(lua_State *L)
{
	lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
	assert(f && "a replacement of a stock C function lost its original");
	return f;
}

/*
 * string.format: walks the conversions so that %p is refused and %s of a
 * table (or function...) is given our tostring, then lets the original do
 * all the real work and checking.
 */
static int l_policy_format(lua_State *L)
{
	size_t len, i;
	const char *fmt = luaL_checklstring(L, 1, &len);
	int top = lua_gettop(L), arg = 1;

	for (i = 0; i < len; i++) {
		if (fmt[i] != '%')
			continue;
		if (++i < len && fmt[i] == '%')
			continue;
		arg++;
		while (i < len && fmt[i] != '\0' && strchr("-+ #0123456789.", fmt[i]))
			i++;
		if (i >= len)
			break;
		if (fmt[i] == 'p')
			return luaL_error(L, "string.format: %%p is not allowed in workflow code");
		if (fmt[i] == 's' && arg <= top) {
			int t = lua_type(L, arg);
			if (t != LUA_TSTRING && t != LUA_TNUMBER) {
				push_string_of(L, arg);
				lua_replace(L, arg);
			}
		}
	}
	return original(L)(L);
}

/* setmetatable: refuses collector-dependent metamethods, then the original. */
static int l_policy_setmetatable(lua_State *L)
{
	static const char *const banned[] = { "__gc", "__mode" };
	size_t i;

	if (lua_type(L, 2) == LUA_TTABLE) {
		for (i = 0; i < sizeof banned / sizeof banned[0]; i++) {
			lua_pushstring(L, banned[i]);
			if (lua_rawget(L, 2) != LUA_TNIL)
				return luaL_error(L, "setmetatable: %s is not allowed in workflow code "
						  "(its effect depends on when the collector runs)", banned[i]);
			lua_pop(L, 1);
		}
	}
	return original(L)(L);
}

/*
 * pairs: collect the keys, sort them into a total order, iterate the sorted
 * list. Keys are numbers (ascending, integers and floats compared exactly),
 * then strings (bytewise, shorter prefix first), then false, then true.
 * Tables, functions and other reference types have no order that survives a
 * restart (only their addresses distinguish them), so they raise rather than
 * iterate in an order that could change between runs.
 */
enum { RANK_NUMBER, RANK_STRING, RANK_BOOLEAN };

struct pkey {
	int rank;
	int is_int;
	lua_Integer i;
	lua_Number n;
	const char *s;   /* kept alive by the table being iterated */
	size_t len;
	int b;
};

static int int_float_cmp(lua_Integer i, lua_Number f)
{
	/* Keys are distinct and a float key with an integral value in range is
	 * stored as an integer, so i == f never happens here. */
	if (f >= -(lua_Number)LUA_MININTEGER)
		return -1;
	if (f < (lua_Number)LUA_MININTEGER)
		return 1;
	return i <= (lua_Integer)floor(f) ? -1 : 1;
}

static int pkey_cmp(const void *pa, const void *pb)
{
	const struct pkey *a = pa, *b = pb;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	switch (a->rank) {
	case RANK_NUMBER:
		if (a->is_int && b->is_int)
			return a->i < b->i ? -1 : a->i > b->i;
		if (!a->is_int && !b->is_int)
			return a->n < b->n ? -1 : a->n > b->n;
		return a->is_int ? int_float_cmp(a->i, b->n) : -int_float_cmp(b->i, a->n);
	case RANK_STRING:
		c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
		if (c)
			return c;
		return a->len < b->len ? -1 : a->len > b->len;
	default:
		return a->b - b->b;
	}
}

/* The iterator: upvalues (table, sorted keys, position). */
static int pairs_step(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));

	for (;;) {
		if (lua_rawgeti(L, lua_upvalueindex(2), ++i) == LUA_TNIL) {
			lua_pushinteger(L, i - 1);
			lua_replace(L, lua_upvalueindex(3));
			return 1;
		}
		lua_pushvalue(L, -1);
		if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
			break;
		lua_pop(L, 2);  /* cleared during the loop: skip, as next would */
	}
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(3));
	return 2;
}

static int l_policy_pairs(lua_State *L)
{
	size_t n = 0, j;
	struct pkey *keys;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		int t = lua_type(L, -2);
		if (t != LUA_TNUMBER && t != LUA_TSTRING && t != LUA_TBOOLEAN)
			return luaL_error(L, "pairs: %s keys are not allowed in workflow code",
					  lua_typename(L, t));
		n++;
		lua_pop(L, 1);
	}
	/* A userdata, not malloc: a raise (memory cap) must not leak it. */
	keys = lua_newuserdatauv(L, n ? n * sizeof *keys : 1, 0);
	j = 0;
	lua_pushnil(L);
	while (lua_next(L, 1)) {
		struct pkey *k = &keys[j++];
		memset(k, 0, sizeof *k);
		switch (lua_type(L, -2)) {
		case LUA_TNUMBER:
			k->rank = RANK_NUMBER;
			k->is_int = lua_isinteger(L, -2);
			if (k->is_int)
				k->i = lua_tointeger(L, -2);
			else
				k->n = lua_tonumber(L, -2);
			break;
		case LUA_TSTRING:
			k->rank = RANK_STRING;
			k->s = lua_tolstring(L, -2, &k->len);
			break;
		default:
			k->rank = RANK_BOOLEAN;
			k->b = lua_toboolean(L, -2);
			break;
		}
		lua_pop(L, 1);
	}
	assert(j == n);
	/* Keys are distinct, so qsort's instability cannot show. */
	qsort(keys, n, sizeof *keys, pkey_cmp);

	lua_pushvalue(L, 1);                        /* upvalue 1: the table */
	lua_createtable(L, n > INT_MAX ? INT_MAX : (int)n, 0);  /* upvalue 2 */
	for (j = 0; j < n; j++) {
		switch (keys[j].rank) {
		case RANK_NUMBER:
			if (keys[j].is_int)
				lua_pushinteger(L, keys[j].i);
			else
				lua_pushnumber(L, keys[j].n);
			break;
		case RANK_STRING:
			lua_pushlstring(L, keys[j].s, keys[j].len);
			break;
		default:
			lua_pushboolean(L, keys[j].b);
			break;
		}
		lua_rawseti(L, -2, (lua_Integer)j + 1);
	}
	lua_pushinteger(L, 0);                      /* upvalue 3: position */
	lua_pushcclosure(L, pairs_step, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/*
 * table.sort: a stable bottom-up merge sort over an index array. Elements
 * are read once with lua_geti (honouring __index, as the stock sort does)
 * into a scratch table, sorted by index, and written back with lua_seti.
 */
static int sort_less(lua_State *L, int scratch, int cmp, int a, int b)
{
	int r;

	if (cmp) {
		lua_pushvalue(L, cmp);
		lua_rawgeti(L, scratch, a);
		lua_rawgeti(L, scratch, b);
		lua_call(L, 2, 1);
		r = lua_toboolean(L, -1);
		lua_pop(L, 1);
	} else {
		lua_rawgeti(L, scratch, a);
		lua_rawgeti(L, scratch, b);
		r = lua_compare(L, -2, -1, LUA_OPLT);
		lua_pop(L, 2);
	}
	return r;
}

static int l_policy_sort(lua_State *L)
{
	lua_Integer len;
	int n, i, width, cmp = 0, scratch;
	int *src, *dst, *tmp;

	luaL_checktype(L, 1, LUA_TTABLE);
	len = luaL_len(L, 1);
	luaL_argcheck(L, len < INT_MAX / 2, 1, "array too big");
	n = (int)len;
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TFUNCTION);
		cmp = 2;
	}
	lua_settop(L, 2);
	if (n < 2)
		return 0;
	lua_createtable(L, n, 0);
	scratch = lua_gettop(L);
	for (i = 1; i <= n; i++) {
		lua_geti(L, 1, i);
		lua_rawseti(L, scratch, i);
	}
	src = lua_newuserdatauv(L, 2 * (size_t)n * sizeof *src, 0);
	dst = src + n;
	for (i = 0; i < n; i++)
		src[i] = i + 1;
	for (width = 1; width < n; width *= 2) {
		for (i = 0; i < n; i += 2 * width) {
			int lo = i, mid = i + width < n ? i + width : n;
			int hi = i + 2 * width < n ? i + 2 * width : n;
			int a = lo, b = mid, o = lo;
			while (a < mid && b < hi) {
				/* take from the right only if strictly less: stable */
				if (sort_less(L, scratch, cmp, src[b], src[a]))
					dst[o++] = src[b++];
				else
					dst[o++] = src[a++];
			}
			while (a < mid)
				dst[o++] = src[a++];
			while (b < hi)
				dst[o++] = src[b++];
		}
		tmp = src, src = dst, dst = tmp;
	}
	for (i = 0; i < n; i++) {
		lua_rawgeti(L, scratch, src[i]);
		lua_seti(L, 1, i + 1);
	}
	return 0;
}

/*
 * pcall and xpcall that cannot catch a trip: after the protected call, if the
 * sandbox says the budget or cap tripped, the error goes on up. (The count
 * hook would raise again at the next instruction anyway; re-raising here
 * also covers a pcall with no Lua code after it.)
 */
static int l_policy_pcall(lua_State *L)
{
	int status;

	luaL_checkany(L, 1);
	lua_pushboolean(L, 1);  /* first result if no errors */
	lua_insert(L, 1);
	status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
	if (status == LUA_OK)
		return lua_gettop(L);
	if (sandbox_tripped(L, status))
		return lua_error(L);
	lua_pushboolean(L, 0);
	lua_pushvalue(L, -2);
	return 2;
}

/* Runs the script's handler (upvalue 1) unless the error is a trip: Lua runs
 * message handlers with hooks off, so a looping handler would never stop. */
static int xpcall_handler(lua_State *L)
{
	if (sandbox_tripped(L, LUA_OK))
		return 1;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int l_policy_xpcall(lua_State *L)
{
	int n = lua_gettop(L), status;

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, xpcall_handler, 1);
	lua_replace(L, 2);
	lua_pushboolean(L, 1);  /* first result */
	lua_pushvalue(L, 1);    /* function */
	lua_rotate(L, 3, 2);    /* below the function's arguments */
	status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
	if (status == LUA_OK)
		return lua_gettop(L) - 2;
	if (sandbox_tripped(L, status))
		return lua_error(L);
	lua_pushboolean(L, 0);
	lua_pushvalue(L, -2);
	return 2;
}

policy_cfunction policy_replacement(const char *lib, const char *name)
{
	static const struct {
		const char *lib, *name;
		policy_cfunction fn;
	} impls[] = {
		{ NULL, "pairs", l_policy_pairs },
		{ NULL, "pcall", l_policy_pcall },
		{ NULL, "xpcall", l_policy_xpcall },
		{ NULL, "tostring", l_policy_tostring },
		{ NULL, "setmetatable", l_policy_setmetatable },
		{ "string", "format", l_policy_format },
		{ "table", "sort", l_policy_sort },
	};
	size_t i;

	for (i = 0; i < sizeof impls / sizeof impls[0]; i++) {
		if ((lib == NULL) != (impls[i].lib == NULL))
			continue;
		if (lib && strcmp(lib, impls[i].lib) != 0)
			continue;
		if (strcmp(name, impls[i].name) == 0)
			return impls[i].fn;
	}
	return NULL;
}
