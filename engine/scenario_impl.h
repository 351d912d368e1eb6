/*
 * scenario_impl.h: what scenario.c and scenario_expect.c share: a run's
 * state and the helpers every scenario function uses.
 */
#ifndef CASEWORK_SCENARIO_IMPL_H
#define CASEWORK_SCENARIO_IMPL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "scenario.h"
#include "store.h"

struct lua_State;
struct service;

struct named_user {
	char *name;
	struct user u;
};

struct run {
	const struct scenario_options *opt;
	struct service *svc;
	char *authority;
	struct named_user *users;
	size_t nusers;
	int64_t *cases;           /* cases touched, for the final replay */
	size_t ncases;
	int failed_here;
	const char *file;
};

/* One TAP line (counted; printed unless --only filters out a passing one). */
void sc_tap(struct run *r, int ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
struct run *sc_ctx(struct lua_State *L);
void sc_touch(struct run *r, int64_t id);
const struct user *sc_find_user(struct run *r, struct lua_State *L, const char *name);
/* The procedure line an expectation cites (its last argument), or "". */
const char *sc_cite(struct lua_State *L, int idx);
int64_t sc_parse_at(struct lua_State *L, const char *s);
void sc_print_timeline(struct run *r, int64_t id);
json_t *sc_get_view(struct run *r, struct lua_State *L, int64_t id);
void sc_record_coverage(const char *kind, const char *a, const char *b);

int l_expect_state(lua_State *L);
int l_expect_timescale(lua_State *L);
int l_expect_data(lua_State *L);
int l_expect_assigned(lua_State *L);
int l_expect_records(lua_State *L);
int l_linked(lua_State *L);
int l_transferred(lua_State *L);
int l_view(lua_State *L);
int l_check(lua_State *L);

#endif
