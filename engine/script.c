/*
 * script.c: loading definitions and authority files, and calling workflow
 * functions. One of the four files that touch the Lua stack (with sandbox.c,
 * policy.c and codec.c).
 *
 * Each definition gets its own sandbox: the DSL (stdlib/dsl.lua, embedded in
 * the binary) is loaded into it unlocked, its constructors are installed as
 * globals, the workflow file runs, dsl.finish validates, the environment is
 * locked, and the declarations are copied into C structs. Functions stay in
 * the sandbox as registry references.
 *
 * Must never: let a Lua error escape (everything goes through sandbox_call),
 * hold malloc'd memory across a call that can raise, or leave the stack
 * unbalanced (asserted at each exported function's exit).
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

extern const char stdlib_dsl_lua[];
extern const size_t stdlib_dsl_lua_len;

/* where(level): source and line of the Lua frame `level` above the caller. */
static int l_script_where(lua_State *L)
{
	lua_Debug ar;
	int level = (int)luaL_optinteger(L, 1, 1);
	if (!lua_getstack(L, level, &ar)) {
		lua_pushstring(L, "?");
		lua_pushinteger(L, 0);
		return 2;
	}
	lua_getinfo(L, "Sl", &ar);
	lua_pushstring(L, ar.short_src);
	lua_pushinteger(L, ar.currentline);
	return 2;
}


/* --- reading declarations off the stack ----------------------------------- */

static char *fstr(lua_State *L, int t, const char *key)
{
	char *s = NULL;
	lua_getfield(L, t, key);
	if (lua_type(L, -1) == LUA_TSTRING)
		s = xstrdup(lua_tostring(L, -1));
	lua_pop(L, 1);
	return s;
}

static int fint(lua_State *L, int t, const char *key, int dflt)
{
	int v = dflt;
	lua_getfield(L, t, key);
	if (lua_isinteger(L, -1))
		v = (int)lua_tointeger(L, -1);
	lua_pop(L, 1);
	return v;
}

static int fbool(lua_State *L, int t, const char *key)
{
	int v;
	lua_getfield(L, t, key);
	v = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return v;
}

static int fref(lua_State *L, int t, const char *key)
{
	lua_getfield(L, t, key);
	if (lua_type(L, -1) == LUA_TFUNCTION)
		return luaL_ref(L, LUA_REGISTRYINDEX);
	lua_pop(L, 1);
	return LUA_NOREF;
}

/* The array of strings at t[key] (a single string counts as a list of one). */
static void flist(lua_State *L, int t, const char *key, struct strlist *out)
{
	lua_Integer i, n;
	memset(out, 0, sizeof *out);
	lua_getfield(L, t, key);
	if (lua_type(L, -1) == LUA_TSTRING) {
		out->v = xcalloc(2, sizeof *out->v);
		out->v[0] = xstrdup(lua_tostring(L, -1));
		out->n = 1;
	} else if (lua_type(L, -1) == LUA_TTABLE) {
		n = (lua_Integer)lua_rawlen(L, -1);
		out->v = xcalloc((size_t)n + 1, sizeof *out->v);
		for (i = 1; i <= n; i++) {
			lua_rawgeti(L, -1, i);
			if (lua_type(L, -1) == LUA_TSTRING)
				out->v[out->n++] = xstrdup(lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
}

static int fduration(lua_State *L, int t, const char *key, struct duration *d)
{
	int ok = 0;
	lua_getfield(L, t, key);
	if (lua_type(L, -1) == LUA_TTABLE) {
		char *unit = fstr(L, lua_gettop(L), "unit");
		enum calendar_unit u;
		if (unit && calendar_parse_unit(unit, &u) == 0) {
			d->unit = u;
			d->n = fint(L, lua_gettop(L), "n", 0);
			ok = 1;
		}
		free(unit);
	}
	lua_pop(L, 1);
	return ok;
}

static int field_cmp(const void *a, const void *b)
{
	return strcmp(((const struct field *)a)->name, ((const struct field *)b)->name);
}

static enum field_type field_type_of(const char *s)
{
	static const char *names[] = { "text", "boolean", "integer", "number", "date",
				       "datetime", "enum", "user", "member", "list" };
	size_t i;
	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (s && strcmp(s, names[i]) == 0)
			return (enum field_type)i;
	return FIELD_TEXT;
}

/* Append the fields of the schema table at t[key] to out. */
static void fschema(lua_State *L, int t, const char *key, struct schema *out)
{
	int st;
	lua_getfield(L, t, key);
	st = lua_gettop(L);
	if (lua_type(L, st) == LUA_TTABLE) {
		lua_pushnil(L);
		while (lua_next(L, st)) {
			if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TTABLE) {
				int ft = lua_gettop(L);
				struct field *f;
				char *type;
				out->fields = xrealloc(out->fields, (out->n + 1) * sizeof *out->fields);
				f = &out->fields[out->n++];
				memset(f, 0, sizeof *f);
				f->name = xstrdup(lua_tostring(L, -2));
				type = fstr(L, ft, "type");
				f->type = field_type_of(type);
				free(type);
				f->required = fbool(L, ft, "required");
				f->label = fstr(L, ft, "label");
				f->role = fstr(L, ft, "role");
				flist(L, ft, "values", &f->values);
				lua_getfield(L, ft, "min");
				if (lua_isnumber(L, -1)) {
					f->has_min = 1;
					f->min = lua_tonumber(L, -1);
				}
				lua_getfield(L, ft, "max");
				if (lua_isnumber(L, -1)) {
					f->has_max = 1;
					f->max = lua_tonumber(L, -1);
				}
				lua_pop(L, 2);
				f->max_length = fint(L, ft, "max_length", 0);
			}
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	if (out->n)
		qsort(out->fields, out->n, sizeof *out->fields, field_cmp);
}

/* Iterate the array t[key], calling fn with each element table's index. */
#define EACH(L, t, key, i, e, ...) do { \
	lua_Integer i##_n; \
	lua_getfield(L, t, key); \
	i##_n = (lua_Integer)lua_rawlen(L, -1); \
	for (lua_Integer i = 1; i <= i##_n; i++) { \
		lua_rawgeti(L, -1, i); \
		{ int e = lua_gettop(L); (void)e; __VA_ARGS__ } \
		lua_pop(L, 1); \
	} \
	lua_pop(L, 1); \
} while (0)

static void extract_definition(lua_State *L, int t, struct definition *d)
{
	d->id = fstr(L, t, "id");
	d->title = fstr(L, t, "title");
	d->document = fstr(L, t, "document");
	d->initial = fstr(L, t, "initial");
	d->significant_open = fstr(L, t, "significant_open");
	flist(L, t, "opened_by", &d->opened_by);
	fschema(L, t, "data", &d->data);

	lua_getfield(L, t, "states");
	d->nstates = lua_rawlen(L, -1);
	lua_pop(L, 1);
	d->states = xcalloc(d->nstates, sizeof *d->states);
	EACH(L, t, "states", i, e, {
		struct state_def *s = &d->states[i - 1];
		s->name = fstr(L, e, "name");
		s->title = fstr(L, e, "title");
		s->terminal = fbool(L, e, "terminal");
		s->entry = fbool(L, e, "entry");
		s->line = fint(L, e, "line", 0);
		s->cites = fint(L, e, "cites", 0);
	});

	lua_getfield(L, t, "records");
	d->nrecords = lua_rawlen(L, -1);
	lua_pop(L, 1);
	d->records = xcalloc(d->nrecords, sizeof *d->records);
	EACH(L, t, "records", i, e, {
		struct record_def *r = &d->records[i - 1];
		r->name = fstr(L, e, "name");
		r->title = fstr(L, e, "title");
		r->significant = fstr(L, e, "significant");
		r->line = fint(L, e, "line", 0);
		r->cites = fint(L, e, "cites", 0);
		flist(L, e, "by", &r->by);
		fschema(L, e, "fields", &r->fields);
	});

	lua_getfield(L, t, "timescales");
	d->ntimescales = lua_rawlen(L, -1);
	lua_pop(L, 1);
	d->timescales = xcalloc(d->ntimescales, sizeof *d->timescales);
	EACH(L, t, "timescales", i, e, {
		struct timescale_def *ts = &d->timescales[i - 1];
		char *per, *rearm;
		ts->name = fstr(L, e, "name");
		ts->what = fstr(L, e, "what");
		ts->note = fstr(L, e, "note");
		ts->line = fint(L, e, "line", 0);
		ts->cites = fint(L, e, "cites", 0);
		if (fduration(L, e, "every", &ts->dur))
			ts->recurring = 1;
		else
			fduration(L, e, "within", &ts->dur);
		rearm = fstr(L, e, "rearm");
		ts->rearm_anchor = rearm && strcmp(rearm, "anchor") == 0;
		free(rearm);
		ts->times = fint(L, e, "times", 0);
		flist(L, e, "from", &ts->from);
		flist(L, e, "satisfied_by", &ts->satisfied_by);
		flist(L, e, "cancelled_by", &ts->cancelled_by);
		flist(L, e, "cancelled_in", &ts->cancelled_in);
		lua_getfield(L, e, "applies_in");
		ts->has_applies_in = !lua_isnil(L, -1);
		lua_pop(L, 1);
		flist(L, e, "applies_in", &ts->applies_in);
		per = fstr(L, e, "per");
		ts->per = !per || strcmp(per, "case") == 0 ? PER_CASE
			: strcmp(per, "child") == 0 ? PER_CHILD
			: strcmp(per, "adult") == 0 ? PER_ADULT : PER_MEMBER;
		free(per);
		ts->applies_ref = fref(L, e, "applies");
		ts->breach_ref = LUA_NOREF;
		lua_getfield(L, e, "extendable");
		if (lua_type(L, -1) == LUA_TTABLE) {
			int x = lua_gettop(L);
			ts->extendable = 1;
			flist(L, x, "by", &ts->extend_by);
			fduration(L, x, "cap", &ts->cap);
			ts->extend_cites = fint(L, x, "line", 0);
		}
		lua_pop(L, 1);
		lua_getfield(L, e, "on_breach");
		if (lua_type(L, -1) == LUA_TTABLE) {
			int b = lua_gettop(L);
			ts->breach_to = fstr(L, b, "to");
			ts->breach_ref = fref(L, b, "effect");
		}
		lua_pop(L, 1);
	});

	lua_getfield(L, t, "actions");
	d->nactions = lua_rawlen(L, -1);
	lua_pop(L, 1);
	d->actions = xcalloc(d->nactions, sizeof *d->actions);
	EACH(L, t, "actions", i, e, {
		struct action_def *a = &d->actions[i - 1];
		a->name = fstr(L, e, "name");
		a->title = fstr(L, e, "title");
		a->note = fstr(L, e, "note");
		a->line = fint(L, e, "line", 0);
		a->cites = fint(L, e, "cites", 0);
		flist(L, e, "from", &a->from);
		flist(L, e, "by", &a->by);
		fschema(L, e, "input", &a->input);
		flist(L, e, "requires", &a->requires);
		a->creates = fstr(L, e, "creates");
		a->to = fstr(L, e, "to");
		a->to_ref = fref(L, e, "to");
		flist(L, e, "targets", &a->targets);
		a->assign = fstr(L, e, "assign");
		a->effect_ref = fref(L, e, "effect");
		flist(L, e, "facts", &a->facts);
		flist(L, e, "start", &a->start);
		flist(L, e, "satisfy", &a->satisfy);
		flist(L, e, "cancel", &a->cancel);
		a->significant = fstr(L, e, "significant");
		lua_getfield(L, e, "set");
		if (lua_type(L, -1) == LUA_TTABLE)
			a->set = codec_to_json(L, -1, NULL);
		lua_pop(L, 1);
		a->spawn_ref = LUA_NOREF;
		lua_getfield(L, e, "spawn");
		if (lua_type(L, -1) == LUA_TTABLE) {
			a->spawn_workflow = fstr(L, lua_gettop(L), "workflow");
			a->spawn_ref = fref(L, lua_gettop(L), "data");
		}
		lua_pop(L, 1);
		lua_getfield(L, e, "guards");
		a->nguards = lua_rawlen(L, -1);
		lua_pop(L, 1);
		a->guards = xcalloc(a->nguards ? a->nguards : 1, sizeof *a->guards);
		EACH(L, e, "guards", j, ge, {
			struct guard_def *g = &a->guards[j - 1];
			g->reason = fstr(L, ge, "reason");
			g->cites = fint(L, ge, "line", 0);
			g->ref = fref(L, ge, "check");
		});
	});
	/* The created record's fields are part of the action's input. */
	for (size_t i = 0; i < d->nactions; i++) {
		struct action_def *a = &d->actions[i];
		const struct record_def *r = a->creates ? def_record(d, a->creates) : NULL;
		if (!r)
			continue;
		for (size_t j = 0; j < r->fields.n; j++) {
			const struct field *src = &r->fields.fields[j];
			struct field *f;
			if (schema_field(&a->input, src->name))
				continue;
			a->input.fields = xrealloc(a->input.fields, (a->input.n + 1) * sizeof *a->input.fields);
			f = &a->input.fields[a->input.n++];
			*f = *src;
			f->name = xstrdup(src->name);
			f->label = xstrdup(src->label);
			f->role = xstrdup(src->role);
			memset(&f->values, 0, sizeof f->values);
			f->values.v = xcalloc(src->values.n + 1, sizeof *f->values.v);
			for (size_t k = 0; k < src->values.n; k++)
				f->values.v[f->values.n++] = xstrdup(src->values.v[k]);
		}
		qsort(a->input.fields, a->input.n, sizeof *a->input.fields, field_cmp);
	}
}

/* Copy def.errors / def.warnings (at index t) to diag; returns error count. */
static int collect(lua_State *L, int t, json_t *diag, struct error *err)
{
	int nerr = 0;
	EACH(L, t, "warnings", i, e, {
		if (diag && lua_type(L, e) == LUA_TSTRING)
			json_array_append_new(diag, json_string(lua_tostring(L, e)));
	});
	EACH(L, t, "errors", i, e, {
		if (lua_type(L, e) == LUA_TSTRING) {
			if (nerr++ == 0)
				error_set(err, ERR_INVALID, "definition_invalid", "%s", lua_tostring(L, e));
			if (diag)
				json_array_append_new(diag, json_string(lua_tostring(L, e)));
		}
	});
	return nerr;
}

static void push_diag(json_t *diag, const struct error *err)
{
	if (diag)
		json_array_append_new(diag, json_sprintf("%s", err->message));
}

/*
 * Run path's source in a fresh sandbox with the DSL installed and validated.
 * On success leaves [M, def] on the stack and returns the sandbox.
 */
static struct sandbox *run_file(const char *path, const char *source, size_t len,
				const struct strlist *roles, json_t *diag, struct error *err)
{
	struct sandbox *sb = sandbox_new(NULL);
	lua_State *L = sandbox_lua(sb);
	char *chunkname = NULL;
	int m, def;

	if (sandbox_load(sb, stdlib_dsl_lua, stdlib_dsl_lua_len, "=stdlib/dsl.lua", err) ||
	    sandbox_call(sb, 0, 1, err))
		goto fail;
	m = lua_gettop(L);
	lua_getfield(L, m, "new");
	lua_pushcfunction(L, l_script_where);
	lua_pushstring(L, path);
	if (sandbox_call(sb, 2, 1, err))
		goto fail;
	def = lua_gettop(L);
	lua_pushstring(L, path);
	lua_setfield(L, def, "source");
	/* Install the constructors as globals while the environment is open. */
	lua_getfield(L, def, "env");
	sandbox_push_env(sb);
	lua_pushnil(L);
	while (lua_next(L, -3)) {
		lua_pushvalue(L, -2);
		lua_pushvalue(L, -2);
		lua_settable(L, -5);
		lua_pop(L, 1);
	}
	lua_pop(L, 2);

	chunkname = xasprintf("@%s", path);
	if (sandbox_load(sb, source, len, chunkname, err) || sandbox_call(sb, 0, 0, err)) {
		push_diag(diag, err);
		err->kind = ERR_INVALID;
		goto fail;
	}
	lua_getfield(L, m, "finish");
	lua_pushvalue(L, def);
	if (roles) {
		lua_createtable(L, (int)roles->n, 0);
		for (size_t i = 0; i < roles->n; i++) {
			lua_pushstring(L, roles->v[i]);
			lua_rawseti(L, -2, (lua_Integer)i + 1);
		}
	} else {
		lua_pushnil(L);
	}
	if (sandbox_call(sb, 2, 0, err))
		goto fail;
	if (collect(L, def, diag, err) > 0)
		goto fail;
	sandbox_lock(sb);
	free(chunkname);
	return sb;
fail:
	free(chunkname);
	sandbox_free(sb);
	return NULL;
}

struct definition *script_load_definition(const char *path, const char *source, size_t len,
					  const struct strlist *roles, json_t *diag,
					  struct error *err)
{
	struct sandbox *sb = run_file(path, source, len, roles, diag, err);
	struct definition *d;
	unsigned char digest[UTIL_SHA256_BYTES];
	lua_State *L;
	char *kind;

	if (!sb)
		return NULL;
	L = sandbox_lua(sb);
	kind = fstr(L, -1, "kind");
	if (!kind || strcmp(kind, "workflow") != 0) {
		free(kind);
		error_set(err, ERR_INVALID, "definition_invalid", "%s:1: error: the file declares no workflow", path);
		push_diag(diag, err);
		sandbox_free(sb);
		return NULL;
	}
	free(kind);
	d = xcalloc(1, sizeof *d);
	d->sb = sb;
	d->case_ref = d->input_ref = d->facts_ref = d->frozen_ref = LUA_NOREF;
	d->path = xstrdup(path);
	d->source = xstrndup(source, len);
	util_sha256(source, len, digest);
	util_hex(digest, sizeof digest, d->hash);
	extract_definition(L, lua_gettop(L), d);
	lua_pop(L, 2);
	assert(lua_gettop(L) == 0);
	script_freeze(d);
	return d;
}

void script_definition_pin(struct definition *d, const char *authority)
{
	unsigned char digest[UTIL_SHA256_BYTES];
	free(d->authority);
	d->authority = xstrdup(authority);
	util_sha256_parts(digest, authority, "\n", d->source, (const char *)NULL);
	util_hex(digest, sizeof digest, d->hash);
}

struct authority *script_load_authority(const char *path, const char *source, size_t len,
					json_t *diag, struct error *err)
{
	struct sandbox *sb = run_file(path, source, len, NULL, diag, err);
	struct authority *a = NULL;
	lua_State *L;
	char *kind;
	int body;
	struct strlist closures;

	if (!sb)
		return NULL;
	L = sandbox_lua(sb);
	kind = fstr(L, -1, "kind");
	if (!kind || strcmp(kind, "authority") != 0) {
		error_set(err, ERR_INVALID, "definition_invalid", "%s:1: error: the file declares no authority", path);
		push_diag(diag, err);
		goto done;
	}
	a = xcalloc(1, sizeof *a);
	a->id = fstr(L, -1, "id");
	a->path = xstrdup(path);
	lua_getfield(L, -1, "body");
	body = lua_gettop(L);
	a->name = fstr(L, body, "name");
	a->service = fstr(L, body, "service");
	flist(L, body, "roles", &a->roles);
	flist(L, body, "teams", &a->teams);
	flist(L, body, "workflows", &a->workflows);
	lua_getfield(L, body, "limits");
	a->limits = lua_istable(L, -1) ? codec_to_json(L, -1, NULL) : json_object();
	if (!a->limits)
		a->limits = json_object();
	lua_pop(L, 1);
	lua_getfield(L, body, "calendar");
	if (lua_istable(L, -1)) {
		flist(L, lua_gettop(L), "closures", &closures);
		a->closures = xcalloc(closures.n + 1, sizeof *a->closures);
		for (size_t i = 0; i < closures.n; i++)
			if (calendar_parse_date(closures.v[i], &a->closures[a->nclosures]) == 0)
				a->nclosures++;
		strlist_free(&closures);
	}
	lua_pop(L, 1);
	for (size_t i = 1; i < a->nclosures; i++) {   /* insertion sort: a handful of dates */
		int v = a->closures[i];
		size_t j = i;
		while (j > 0 && a->closures[j - 1] > v) {
			a->closures[j] = a->closures[j - 1];
			j--;
		}
		a->closures[j] = v;
	}
	a->cal.closures = a->closures;
	a->cal.nclosures = a->nclosures;
	lua_getfield(L, body, "transfers");
	if (lua_istable(L, -1)) {
		int tt = lua_gettop(L);
		flist(L, tt, "out_by", &a->transfer_out_by);
		lua_getfield(L, tt, "receive");
		if (lua_istable(L, -1)) {
			a->transfer_in_workflow = fstr(L, lua_gettop(L), "workflow");
			a->transfer_in_state = fstr(L, lua_gettop(L), "state");
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	lua_getfield(L, body, "demo_users");
	a->ndemo = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
	lua_pop(L, 1);
	a->demo = xcalloc(a->ndemo + 1, sizeof *a->demo);
	if (a->ndemo)
		EACH(L, body, "demo_users", i, e, {
			struct demo_user *u = &a->demo[i - 1];
			u->name = fstr(L, e, "name");
			u->team = fstr(L, e, "team");
			u->token = fstr(L, e, "token");
			flist(L, e, "roles", &u->roles);
		});
	a->config = codec_to_json(L, body, NULL);
	if (!a->config)
		a->config = json_object();
	lua_pop(L, 1);
done:
	free(kind);
	lua_settop(L, 0);
	sandbox_free(sb);
	return a;
}

