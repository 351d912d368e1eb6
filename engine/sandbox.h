/*
 * sandbox.h: a Lua 5.4 state in which workflow code runs deterministically.
 *
 * Owns one lua_State, its allocator (with a memory cap) and its instruction
 * budget. The determinism policy (DESIGN.md §4) is data in policy.c; the
 * sandbox applies it when the state is made, and tests walk the same table.
 *
 * What code in the sandbox can see: a frozen, strict global table `_ENV`
 * (reading an undeclared global or assigning any global raises), the safe
 * parts of base, string, table, math and utf8, and replacements:
 *   pairs        iterates keys in a total order (numbers ascending, then
 *                strings bytewise, then booleans), never insertion/hash order
 *   next         absent
 *   math.random  xoshiro from Lua itself, seeded by sandbox_seed() before
 *                each call; math.randomseed absent
 *   table.sort   a stable merge sort (no clock-randomised pivot)
 *   tostring     tables/functions/threads/userdata print as their type only
 *   string.format rejects %p
 *   setmetatable rejects metatables with __gc or __mode
 *   pcall/xpcall cannot catch a budget or memory-cap trip
 *   require      only names registered with sandbox_preload(), no files
 * Absent: os, io, debug, package, load, loadstring, loadfile, dofile,
 * string.dump, collectgarbage, print, rawset on _ENV, coroutine.
 *
 * Callers: script.c (definition loading and calls) and the tests. Nothing
 * else touches the lua_State.
 */
#ifndef CASEWORK_SANDBOX_H
#define CASEWORK_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

struct lua_State;
struct error;

struct sandbox_limits {
	size_t memory_bytes;        /* cap on the state's total allocation; 0 = 64 MiB */
	uint64_t instructions;      /* budget per sandbox_call; 0 = 10,000,000 */
};

struct sandbox;

/* New sandbox; never NULL (aborts on OOM). lim may be NULL for defaults. */
struct sandbox *sandbox_new(const struct sandbox_limits *lim);
void sandbox_free(struct sandbox *sb);            /* accepts NULL */
struct lua_State *sandbox_lua(struct sandbox *sb);

/*
 * Push the sandbox's global environment table. [-0, +1, -]
 * Definitions loaded with sandbox_load() get this as _ENV.
 */
void sandbox_push_env(struct sandbox *sb);

/*
 * While unlocked, new globals may be defined in the env (used while
 * registering the DSL); sandbox_lock() freezes it. [-0, +0, -]
 */
void sandbox_lock(struct sandbox *sb);

/*
 * Compile text (never binary) named chunkname ("@path" for files) with the
 * sandbox env as _ENV. [-0, +1, -] pushes the function on success; on error
 * pushes nothing, fills err (source, line, message) and returns -1.
 */
int sandbox_load(struct sandbox *sb, const char *text, size_t len,
		 const char *chunkname, struct error *err);

/*
 * Call the function below nargs arguments on the stack, with a fresh
 * instruction budget and a traceback message handler.
 * [-(nargs+1), +nresults, -] on success returns 0.
 * On error pops the function and arguments, pushes nothing, fills err
 * (kind ERR_SCRIPT; code "script_error", "budget_exceeded" or "memory_exceeded";
 * source and line of the innermost Lua frame that raised) and returns -1.
 */
int sandbox_call(struct sandbox *sb, int nargs, int nresults, struct error *err);

/* Seed math.random for the next call, from (case, event sequence). */
void sandbox_seed(struct sandbox *sb, uint64_t a, uint64_t b);

/* Make `require(name)` return the value of calling loader (a C function). */
void sandbox_preload(struct sandbox *sb, const char *name, int (*loader)(struct lua_State *));

/* Bytes the state currently holds. */
size_t sandbox_memory(const struct sandbox *sb);

/* The policy as data (policy.c), walked by the tests. */
enum policy_action { POLICY_KEEP, POLICY_REMOVE, POLICY_REPLACE };
struct policy_entry {
	const char *lib;     /* NULL for base globals, else "string", "math", ... */
	const char *name;    /* NULL with a lib: the whole library */
	enum policy_action action;
	const char *why;
};
extern const struct policy_entry policy_entries[];
extern const size_t policy_count;

/*
 * Added with policy.c (internal to the sandbox; other modules have no use
 * for these two).
 *
 * policy_replacement: the C function implementing a REPLACE row, or NULL for
 * the two the sandbox provides itself (_G and require). sandbox.c installs
 * each as a closure whose upvalue 1 is the stock value of the same name
 * (nil if none).
 *
 * sandbox_tripped: for policy.c's pcall and xpcall, whether the running call
 * has tripped its instruction budget or memory cap, so they re-raise instead
 * of catching. status is the protected call's result; LUA_ERRMEM counts as
 * (and is recorded as) a memory trip. [-0, +0, -]
 */
typedef int (*policy_cfunction)(struct lua_State *);
policy_cfunction policy_replacement(const char *lib, const char *name);
int sandbox_tripped(struct lua_State *L, int status);

#endif
