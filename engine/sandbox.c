/*
 * sandbox.c: the Lua state workflow code runs in (sandbox.h has the view
 * from inside).
 *
 * Owns: the lua_State, its capped allocator, the instruction-budget hook,
 * the strict/frozen environment proxy, and the one protected-call helper
 * (sandbox_call) every call into workflow code goes through. The policy it
 * applies is data in policy.c; names not listed there never reach scripts.
 * Must never: let a script reach the clock, files, addresses or the collector;
 * let a protected call inside a script swallow a budget or memory trip; or
 * raise an unprotected Lua error (that would abort the process).
 * Called by: script.c and tests/unit/sandbox.c.
 *
 * Globals live in a plain table G that scripts never see. _ENV is an empty
 * proxy whose metatable reads G strictly (undefined globals raise) and whose
 * __newindex writes G until sandbox_lock(), then raises. The metatable has a
 * __metatable field, so getmetatable(_ENV) cannot reach it, and rawset is
 * absent, so nothing can be written into the proxy itself. The libraries
 * string, table, math and utf8 are proxied the same way (reads are not
 * strict, as stock); one consequence is that pairs(string) sees nothing.
 */
#include "sandbox.h"

#include "error.h"
#include "util.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#define DEFAULT_MEMORY ((size_t)64 << 20)
#define DEFAULT_INSTRUCTIONS 10000000u
#define HOOK_EVERY 1000
#define PROTECTED "protected by the casework sandbox"

/* A place in workflow code: for err->source/line and message prefixes. */
struct where {
	int set;
	int line;
	char source[256];          /* "@x.lua" -> "x.lua" in full */
	char short_src[LUA_IDSIZE]; /* as Lua prints it in messages */
};

struct sandbox {
	lua_State *L;
	size_t used, cap;
	uint64_t budget, count;
	int locked;
	int depth;           /* nested sandbox_call()s; only the outermost resets */
	int budget_tripped;  /* sticky until the outermost call returns */
	int mem_tripped;     /* the allocator refused; sticky likewise */
	struct where trip;   /* where the budget or the cap tripped */
	struct where raised; /* where the error reaching sandbox_call was raised */
};

/* Registry keys: the addresses of these. */
static char key_env, key_msgh, key_randomseed, key_preload, key_loaded;

static int tripped(const struct sandbox *sb)
{
	return sb->budget_tripped || sb->mem_tripped;
}

/* Fill w from level if it is a Lua frame with a line: 1; not: 0; none: -1. */
static int frame_at(lua_State *L, int level, struct where *w)
{
	lua_Debug ar;

	if (!lua_getstack(L, level, &ar))
		return -1;
	if (!lua_getinfo(L, "Sl", &ar) || strcmp(ar.what, "C") == 0 || ar.currentline <= 0)
		return 0;
	w->set = 1;
	w->line = ar.currentline;
	snprintf(w->short_src, sizeof w->short_src, "%s", ar.short_src);
	if (ar.source[0] == '@' || ar.source[0] == '=')
		snprintf(w->source, sizeof w->source, "%s", ar.source + 1);
	else
		snprintf(w->source, sizeof w->source, "%s", ar.short_src);
	return 1;
}

/* The innermost Lua frame at or above level. */
static void locate(lua_State *L, int level, struct where *w)
{
	while (frame_at(L, level, w) == 0)
		level++;
}

/*
 * The allocator: counts bytes and refuses past the cap. A refusal marks the
 * call as tripped and, inside a call, records the innermost Lua frame: Lua
 * 5.4 calls no message handler for memory errors, so this is the only point
 * that knows where. Reading the call stack here is safe (it allocates
 * nothing, and Lua 5.4 keeps the CallInfo chain and the old stack valid
 * while it allocates). The trip is sticky for the call even if an emergency
 * collection then satisfies the request: see sandbox_call.
 */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	size_t old = ptr ? osize : 0, rest;
	void *p;

	if (nsize == 0) {
		free(ptr);
		sb->used -= old;
		return NULL;
	}
	rest = sb->used - old;
	if (nsize > old && (nsize > sb->cap || rest > sb->cap - nsize)) {
		if (!sb->mem_tripped && sb->depth > 0 && !sb->trip.set)
			locate(sb->L, 0, &sb->trip);
		sb->mem_tripped = 1;
		return NULL;
	}
	p = realloc(ptr, nsize);
	if (!p)
		return NULL;
	sb->used = rest + nsize;
	return p;
}

/*
 * The count hook, every HOOK_EVERY instructions. Once tripped it re-arms
 * itself for every instruction and raises again, so no Lua code (a handler,
 * a __close, a loop after a swallowed error) runs on. Message handlers run
 * with hooks off, which is why the xpcall wrapper and msgh check the flags.
 */
static void hook(lua_State *L, lua_Debug *ar)
{
	void *ud;
	struct sandbox *sb;

	(void)ar;
	lua_getallocf(L, &ud);
	sb = ud;
	if (!tripped(sb)) {
		sb->count += HOOK_EVERY;
		if (sb->count <= sb->budget)
			return;
		sb->budget_tripped = 1;
		frame_at(L, 0, &sb->trip);  /* level 0 in a hook: the running function */
	}
	lua_sethook(L, hook, LUA_MASKCOUNT, 1);
	lua_pushstring(L, sb->budget_tripped ? "instruction budget exceeded" : "memory cap exceeded");
	lua_error(L);
}

/* sandbox.h. [-0, +0, -] */
int sandbox_tripped(struct lua_State *L, int status)
{
	void *ud;
	struct sandbox *sb;

	lua_getallocf(L, &ud);
	sb = ud;
	if (status == LUA_ERRMEM)  /* also a real malloc failure, not only the cap */
		sb->mem_tripped = 1;
	return tripped(sb);
}

/* require: registered modules only, each loaded once per sandbox. */
static int l_sandbox_require(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);

	lua_settop(L, 1);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &key_loaded);   /* 2 */
	if (lua_getfield(L, 2, name) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &key_preload);  /* 3 */
	if (lua_getfield(L, 3, name) == LUA_TNIL)
		return luaL_error(L, "module '%s' not found (workflow code may only require "
				  "the casework standard library)", name);
	lua_pushvalue(L, 1);
	lua_call(L, 1, 1);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, 2, name);
	return 1;
}

/* __index of _ENV: upvalue 1 is G. Strict: undefined globals raise. */
static int env_index(lua_State *L)
{
	lua_settop(L, 2);
	lua_pushvalue(L, 2);
	if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
		return 1;
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
	return luaL_error(L, "undefined global (a %s key)", luaL_typename(L, 2));
}

/*
 * __newindex of _ENV and of the library proxies. Upvalues: sandbox, the real
 * table, and the library name (nil for globals). Writes through until
 * sandbox_lock(), then raises.
 */
static int guard_newindex(lua_State *L)
{
	struct sandbox *sb = lua_touserdata(L, lua_upvalueindex(1));
	const char *lib = lua_tostring(L, lua_upvalueindex(3));
	const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";

	if (sb->locked) {
		if (lib)
			return luaL_error(L, "assignment to '%s.%s' is not allowed", lib, key);
		return luaL_error(L, "assignment to global '%s' is not allowed", key);
	}
	lua_settop(L, 3);
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_insert(L, 2);
	lua_rawset(L, 2);
	return 0;
}

/* Replace the table on top with a proxy reading it (strict if global). */
static void push_proxy(lua_State *L, struct sandbox *sb, const char *lib)
{
	int real = lua_gettop(L);

	lua_newtable(L);                      /* the proxy, always empty */
	lua_createtable(L, 0, 3);             /* its metatable */
	lua_pushvalue(L, real);               /* libraries: read the table */
	if (!lib)
		lua_pushcclosure(L, env_index, 1);  /* globals: read it strictly */
	lua_setfield(L, -2, "__index");
	lua_pushlightuserdata(L, sb);
	lua_pushvalue(L, real);
	if (lib)
		lua_pushstring(L, lib);
	else
		lua_pushnil(L);
	lua_pushcclosure(L, guard_newindex, 3);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, PROTECTED);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_replace(L, real);
}

/* [-1, +1]: replace the stock value on top with the REPLACE row's value. */
static void push_replacement(lua_State *L, const struct policy_entry *e)
{
	policy_cfunction fn = NULL;

	if (!e->lib && strcmp(e->name, "_G") == 0) {
		lua_pop(L, 1);
		lua_rawgetp(L, LUA_REGISTRYINDEX, &key_env);
		return;
	}
	if (!e->lib && strcmp(e->name, "require") == 0)
		fn = l_sandbox_require;
	else
		fn = policy_replacement(e->lib, e->name);
	assert(fn && "a REPLACE row in policy.c has no implementation");
	lua_pushcclosure(L, fn, 1);
}

/*
 * Build G from the stock globals by walking policy_entries: KEEP copies,
 * REPLACE installs, REMOVE (and anything unlisted) is left out. [-0, +0]
 */
static void apply_policy(struct sandbox *sb)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L), stock = top + 1, g = top + 2, libs = top + 3;
	size_t i;

	lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
	lua_newtable(L);
	lua_newtable(L);  /* lib name -> its filtered table */
	lua_pushvalue(L, g);
	push_proxy(L, sb, NULL);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &key_env);

	for (i = 0; i < policy_count; i++) {
		const struct policy_entry *e = &policy_entries[i];

		if (e->lib && !e->name) {
			if (e->action == POLICY_KEEP) {
				lua_newtable(L);
				lua_setfield(L, libs, e->lib);
			}
			continue;
		}
		if (e->action == POLICY_REMOVE)
			continue;
		if (e->lib) {
			int t = lua_getfield(L, libs, e->lib);
			assert(t == LUA_TTABLE && "policy.c lists a member before its library");
			(void)t;
			lua_getfield(L, stock, e->lib);
			lua_getfield(L, -1, e->name);
			lua_remove(L, -2);
		} else {
			lua_pushvalue(L, g);
			lua_getfield(L, stock, e->name);
		}
		if (e->action == POLICY_REPLACE)
			push_replacement(L, e);
		assert(!lua_isnil(L, -1) && "a KEEP row names something stock Lua lacks");
		lua_setfield(L, -2, e->name);
		lua_pop(L, 1);
	}

	for (i = 0; i < policy_count; i++) {
		const struct policy_entry *e = &policy_entries[i];

		if (!e->lib || e->name || e->action != POLICY_KEEP)
			continue;
		lua_getfield(L, libs, e->lib);
		if (strcmp(e->lib, LUA_STRLIBNAME) == 0) {
			/* Methods on strings read the filtered table; the metatable
			 * is hidden so scripts cannot swap it. */
			lua_pushliteral(L, "");
			lua_getmetatable(L, -1);
			lua_pushvalue(L, -3);
			lua_setfield(L, -2, "__index");
			lua_pushliteral(L, PROTECTED);
			lua_setfield(L, -2, "__metatable");
			lua_pop(L, 2);
		}
		push_proxy(L, sb, e->lib);
		lua_setfield(L, g, e->lib);
	}

	lua_getfield(L, stock, LUA_MATHLIBNAME);
	lua_getfield(L, -1, "randomseed");
	lua_rawsetp(L, LUA_REGISTRYINDEX, &key_randomseed);
	lua_pop(L, 1);
	/* C code using lua_getglobal sees G itself (trusted: bypasses the lock). */
	lua_pushvalue(L, g);
	lua_rawseti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
	lua_settop(L, top);
}

/*
 * Message handler for sandbox_call (after lua.c's msghandler). Records where
 * the error was raised: the Lua frame whose "source:line:" the message starts
 * with (so error(msg, 2) blames the caller, as its message does), else the
 * innermost Lua frame. Returns the message without a traceback.
 */
static int msgh(lua_State *L)
{
	struct sandbox *sb = lua_touserdata(L, lua_upvalueindex(1));
	struct where w;
	int level, r;

	if (!sb->raised.set && !tripped(sb)) {
		const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;

		for (level = 0; msg && (r = frame_at(L, level, &w)) >= 0; level++) {
			size_t n = strlen(w.short_src);
			if (r && strncmp(msg, w.short_src, n) == 0 && msg[n] == ':' &&
			    atoi(msg + n + 1) == w.line) {
				sb->raised = w;
				break;
			}
		}
		if (!sb->raised.set)
			locate(L, 0, &sb->raised);
	}
	if (lua_type(L, 1) == LUA_TSTRING)
		return 1;
	if (!tripped(sb) && luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
		return 1;
	if (lua_type(L, 1) == LUA_TNUMBER) {
		lua_pushvalue(L, 1);
		lua_tostring(L, -1);
		return 1;
	}
	lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	return 1;
}

static int panic(lua_State *L)
{
	const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
	fprintf(stderr, "casework: unprotected error in the Lua sandbox: %s\n", msg);
	abort();
	return 0;
}

/*
 * sandbox.h. The state is built uncapped (the engine's allocations, not a
 * script's), then the cap applies; the caller owns the result.
 */
struct sandbox *sandbox_new(const struct sandbox_limits *lim)
{
	static const struct { const char *name; lua_CFunction open; } libs[] = {
		{ "_G", luaopen_base },
		{ LUA_STRLIBNAME, luaopen_string },
		{ LUA_TABLIBNAME, luaopen_table },
		{ LUA_MATHLIBNAME, luaopen_math },
		{ LUA_UTF8LIBNAME, luaopen_utf8 },
	};
	struct sandbox *sb = xcalloc(1, sizeof *sb);
	lua_State *L;
	size_t i;

	sb->cap = SIZE_MAX;  /* setup is the engine's, not the script's */
	sb->budget = lim && lim->instructions ? lim->instructions : DEFAULT_INSTRUCTIONS;
	L = lua_newstate(sb_alloc, sb);
	if (!L) {
		fprintf(stderr, "casework: out of memory creating a Lua state\n");
		abort();
	}
	sb->L = L;
	lua_atpanic(L, panic);
	for (i = 0; i < sizeof libs / sizeof libs[0]; i++) {
		luaL_requiref(L, libs[i].name, libs[i].open, 1);
		lua_pop(L, 1);
	}
	apply_policy(sb);
	lua_pushlightuserdata(L, sb);
	lua_pushcclosure(L, msgh, 1);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &key_msgh);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &key_preload);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &key_loaded);
	sandbox_seed(sb, 0, 0);  /* deterministic even if nobody seeds */
	lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
	lua_gc(L, LUA_GCCOLLECT);
	sb->cap = lim && lim->memory_bytes ? lim->memory_bytes : DEFAULT_MEMORY;
	sb->mem_tripped = 0;
	assert(lua_gettop(L) == 0);
	return sb;
}

void sandbox_free(struct sandbox *sb)
{
	if (!sb)
		return;
	lua_close(sb->L);
	free(sb);
}

struct lua_State *sandbox_lua(struct sandbox *sb)
{
	return sb->L;
}

/* [-0, +1, -]: a registry read, which allocates nothing and cannot raise. */
void sandbox_push_env(struct sandbox *sb)
{
	int top = lua_gettop(sb->L);

	lua_rawgetp(sb->L, LUA_REGISTRYINDEX, &key_env);
	assert(lua_gettop(sb->L) == top + 1);
	(void)top;
}

/* [-0, +0, -] */
void sandbox_lock(struct sandbox *sb)
{
	sb->locked = 1;
}

/* "x.lua:12: msg" -> 12; 0 if there is no ":<digits>:" in msg. */
static int message_line(const char *msg)
{
	const char *p;

	for (p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
		const char *d = p + 1;
		while (*d >= '0' && *d <= '9')
			d++;
		if (d > p + 1 && *d == ':')
			return atoi(p + 1);
	}
	return 0;
}

/*
 * [-0, +1, -] on success, [-0, +0, -] on failure. Codes: "syntax_error"
 * (including a refused binary chunk) or "memory_exceeded".
 */
int sandbox_load(struct sandbox *sb, const char *text, size_t len,
		 const char *chunkname, struct error *err)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L), status, rc = 0;

	if (sb->depth == 0)
		sb->mem_tripped = 0;
	status = luaL_loadbufferx(L, text, len, chunkname, "t");
	if (status != LUA_OK) {
		const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
		error_set(err, ERR_SCRIPT, status == LUA_ERRMEM ? "memory_exceeded" : "syntax_error",
			  "%s", msg);
		if (err) {
			const char *src = chunkname ? chunkname : "?";
			if (src[0] == '@' || src[0] == '=')
				src++;
			snprintf(err->source, sizeof err->source, "%s", src);
			err->line = message_line(msg);
		}
		lua_pop(L, 1);
		rc = -1;
		goto done;
	}
	sandbox_push_env(sb);
	if (!lua_setupvalue(L, -2, 1))  /* the main chunk's only upvalue is _ENV */
		lua_pop(L, 1);
done:
	if (sb->depth == 0)
		sb->mem_tripped = 0;
	assert(lua_gettop(L) == top + (rc == 0));
	(void)top;
	return rc;
}

/* Fill err for a failed call; the error object is on top of the stack. */
static void call_error(struct sandbox *sb, int status, struct error *err)
{
	lua_State *L = sb->L;
	const struct where *w = &sb->raised;
	const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)";

	if (sb->budget_tripped || sb->mem_tripped || status == LUA_ERRMEM) {
		char at[LUA_IDSIZE + 32] = "";
		w = sb->trip.set ? &sb->trip : w;
		if (w->set)
			snprintf(at, sizeof at, "%s:%d: ", w->short_src, w->line);
		if (sb->budget_tripped)
			error_set(err, ERR_SCRIPT, "budget_exceeded", "%sinstruction budget exceeded (%llu instructions)",
				  at, (unsigned long long)sb->budget);
		else
			error_set(err, ERR_SCRIPT, "memory_exceeded", "%smemory cap exceeded (%zu bytes)",
				  at, sb->cap);
	} else {
		error_set(err, ERR_SCRIPT, "script_error", "%s", msg);
	}
	if (err && w->set) {
		snprintf(err->source, sizeof err->source, "%s", w->source);
		err->line = w->line;
	}
}

/*
 * [-(nargs+1), +nresults, -] on success, [-(nargs+1), +0, -] on failure.
 * Re-entrant: a C function called from Lua may call it again; the inner call
 * shares the outer call's budget and trips, so nesting cannot reset them.
 */
int sandbox_call(struct sandbox *sb, int nargs, int nresults, struct error *err)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs;  /* the function's index */
	struct where saved = sb->raised;
	int status, rc = 0;

	assert(nargs >= 0 && base >= 1);
	if (sb->depth == 0) {
		sb->count = 0;
		sb->budget_tripped = sb->mem_tripped = 0;
		memset(&sb->trip, 0, sizeof sb->trip);
		lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
		/*
		 * Garbage left by earlier calls counts against the cap, and how much
		 * there is depends on when the collector last ran, not on this call.
		 * Keeping it under a quarter of the cap means a call that needs less
		 * than three quarters never trips, live or in replay, whatever ran
		 * before it.
		 */
		if (sb->used > sb->cap / 4)
			lua_gc(L, LUA_GCCOLLECT);
	}
	memset(&sb->raised, 0, sizeof sb->raised);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &key_msgh);  /* allocates nothing */
	lua_insert(L, base);
	sb->depth++;
	status = lua_pcall(L, nargs, nresults, base);
	sb->depth--;
	lua_remove(L, base);
	if (status == LUA_OK && !(sb->depth == 0 && sb->mem_tripped)) {
		assert(nresults == LUA_MULTRET || lua_gettop(L) == base - 1 + nresults);
		goto done;
	}
	/* A call that touched the cap fails even if the collector rescued it:
	 * otherwise success would hinge on when the collector last ran. */
	call_error(sb, status, err);
	lua_settop(L, base - 1);
	rc = -1;
done:
	if (sb->depth == 0) {
		if (sb->mem_tripped)
			lua_gc(L, LUA_GCCOLLECT);
		sb->budget_tripped = sb->mem_tripped = 0;
		lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
	}
	sb->raised = saved;
	assert(rc == 0 || lua_gettop(L) == base - 1);
	return rc;
}

/* [-0, +0, -]: calls the stock math.randomseed, kept in the registry. */
void sandbox_seed(struct sandbox *sb, uint64_t a, uint64_t b)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L);
	size_t cap = sb->cap;

	sb->cap = SIZE_MAX;  /* the engine's call, not the script's: never refused */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &key_randomseed);
	/* Two's-complement wrap (GCC defines the conversion): all 64 bits count. */
	lua_pushinteger(L, (lua_Integer)a);
	lua_pushinteger(L, (lua_Integer)b);
	lua_call(L, 2, 0);
	sb->cap = cap;
	assert(lua_gettop(L) == top);
	(void)top;
}

/* [-0, +0, -]; name is copied into the state. */
void sandbox_preload(struct sandbox *sb, const char *name, int (*loader)(struct lua_State *))
{
	lua_State *L = sb->L;
	int top = lua_gettop(L);
	size_t cap = sb->cap;

	sb->cap = SIZE_MAX;  /* setup by the engine: an unprotected raise would abort */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &key_preload);
	lua_pushcfunction(L, loader);
	lua_setfield(L, -2, name);
	lua_pop(L, 1);
	sb->cap = cap;
	assert(lua_gettop(L) == top);
	(void)top;
}

size_t sandbox_memory(const struct sandbox *sb)
{
	return sb->used;
}
