/*
 * interp.c: applying one event to a case view (see interp.h).
 *
 * Owns the semantics of events: the order of checks, effects, the state
 * change, transfers and migrations. Input validation is in interp_input.c,
 * questions about a definition in interp_query.c, the timescale clocks
 * (start, satisfy, cancel, breach, extend) in clocks.c. Never touches the
 * store, the clock or Lua directly: workflow functions go through script.h.
 */
#include "interp.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clocks.h"
#include "interp_impl.h"
#include "def.h"
#include "error.h"
#include "script.h"
#include "util.h"

/* --- helpers ------------------------------------------------------------------ */

const char *interp_state_of(const json_t *view)
{
	return json_string_value(json_object_get(view, "state"));
}

int interp_in_from(const struct definition *def, const struct action_def *a, const char *state)
{
	const struct state_def *s = def_state(def, state);
	if (strlist_has(&a->from, state))
		return 1;
	return strlist_has(&a->from, "*") && s && !s->terminal;
}

static void add_fired(json_t *fired, const char *fmt, const char *name)
{
	json_array_append_new(fired, json_sprintf(fmt, name));
}

/* Change state; records "enter:<state>" and closes the case on a terminal one. */
static void enter_state(const struct definition *def, json_t *view, const char *state,
			int64_t at, json_t *fired)
{
	const struct state_def *s = def_state(def, state);
	const char *old = interp_state_of(view);
	if (old && strcmp(old, state) == 0)
		return;
	json_object_set_new(view, "state", json_string(state));
	add_fired(fired, "enter:%s", state);
	if (s && s->terminal) {
		json_object_set_new(view, "open", json_false());
		clocks_set_time(view, "closed_at", at);
	}
}

int interp_role_allows(const struct strlist *by, const char *role, int64_t user, const json_t *view)
{
	if (!role)
		return 0;
	if (strcmp(role, "assigned") == 0)
		return strlist_has(by, "assigned") && user != 0 &&
		       json_integer_value(json_object_get(view, "assigned")) == user;
	return strlist_has(by, role);
}

/*
 * The case chronology: the events the definition marks significant, in
 * words, with when and who (the user id and role; names are resolved when
 * it is shown, so a renamed user does not rewrite history).
 */
static void chronicle(json_t *view, const struct interp_event *ev, const char *what, int cites)
{
	json_t *c = json_object_get(view, "chronology");
	json_t *entry = json_pack("{s:I, s:s, s:I, s:s?}", "seq", (json_int_t)ev->seq, "what", what,
				  "by", (json_int_t)ev->user_id, "role", ev->role);
	if (!c) {
		c = json_array();
		json_object_set_new(view, "chronology", c);
	}
	if (cites)
		json_object_set_new(entry, "line", json_integer(cites));
	clocks_set_time(entry, "at", ev->at);
	json_array_append_new(c, entry);
}

/* --- events -------------------------------------------------------------------- */

static int apply_open(const struct authority *auth, struct definition *def, json_t *view,
		      const struct interp_event *ev, json_t *fired, struct error *err)
{
	const json_t *in = ev->input;
	const char *state = json_string_value(json_object_get(in, "state"));
	json_t *members = json_object_get(in, "members"), *m, *out_members;
	const struct state_def *s;
	size_t i;
	char path[64];

	/* A case spawned by another case's action is opened in the role "linked". */
	int linked = ev->role && strcmp(ev->role, "linked") == 0 && json_is_integer(json_object_get(in, "parent"));
	/* A family transferred from another authority is opened in the role "transfer". */
	int transferred = ev->role && strcmp(ev->role, "transfer") == 0 && json_is_object(json_object_get(in, "transferred_from"));
	if (!linked && !transferred && (!ev->role || !strlist_has(&def->opened_by, ev->role)))
		return error_set(err, ERR_FORBIDDEN, "wrong_role",
				 "opening a %s case needs one of the roles that open it (%s)", def->id,
				 def->opened_by.n ? def->opened_by.v[0] : "none");
	if (!state)
		state = def->initial;
	s = def_state(def, state);
	if (!s || (strcmp(state, def->initial) != 0 && !s->entry))
		return error_field(err, ERR_INVALID, "invalid_input", "state",
				   "a %s case can start in '%s' or an entry state, not '%s'",
				   def->id, def->initial, state);
	if (interp_validate(&def->data, json_object_get(in, "data"), "data.", view, ev->facts, err))
		return -1;
	{
		json_t *team = json_object_get(in, "team");
		if (team && !json_is_null(team) && (!json_is_string(team) || !strlist_has(&auth->teams, json_string_value(team))))
			return error_field(err, ERR_INVALID, "invalid_input", "team",
					   "field 'team' must be one of %s's teams", auth->id);
	}
	if (members && !json_is_array(members))
		return error_field(err, ERR_INVALID, "invalid_input", "members", "members must be a list");
	out_members = json_array();
	json_array_foreach(members, i, m) {
		const char *id = json_string_value(json_object_get(m, "id"));
		const char *name = json_string_value(json_object_get(m, "name"));
		const char *role = json_string_value(json_object_get(m, "role"));
		json_t *dob = json_object_get(m, "dob");
		int date;
		char idbuf[32];
		snprintf(path, sizeof path, "members[%zu]", i);
		if (!json_is_object(m) || !name || !*name || !role || !*role) {
			json_decref(out_members);
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "%s needs a name and a role (child, parent, carer, adult ...)", path);
		}
		if ((dob && !json_is_null(dob) && (!json_is_string(dob) || calendar_parse_date(json_string_value(dob), &date))) ||
		    (strcmp(role, "child") == 0 && (!dob || json_is_null(dob)))) {
			json_decref(out_members);
			snprintf(path, sizeof path, "members[%zu].dob", i);
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "%s must be a date (YYYY-MM-DD)%s", path,
					   strcmp(role, "child") == 0 ? "; every child needs one" : "");
		}
		if (!id) {
			snprintf(idbuf, sizeof idbuf, "m%zu", i + 1);
			id = idbuf;
		}
		{
			size_t k;
			json_t *prev;
			json_array_foreach(out_members, k, prev)
				if (strcmp(json_string_value(json_object_get(prev, "id")), id) == 0) {
					json_decref(out_members);
					snprintf(path, sizeof path, "members[%zu].id", i);
					return error_field(err, ERR_INVALID, "invalid_input", path,
							   "member id '%s' is used twice", id);
				}
		}
		json_array_append_new(out_members, json_pack("{s:s, s:s, s:s, s:O?}", "id", id,
			"name", name, "role", role, "dob", dob && !json_is_null(dob) ? dob : NULL));
	}
	json_object_set_new(view, "id", json_integer(ev->case_id));
	json_object_set_new(view, "authority", json_string(auth->id));
	json_object_set_new(view, "workflow", json_string(def->id));
	json_object_set_new(view, "definition", json_string(def->hash));
	json_object_set_new(view, "state", json_string(""));
	json_object_set_new(view, "open", json_true());
	if (json_is_object(json_object_get(in, "data")))
		json_object_set(view, "data", json_object_get(in, "data"));
	else
		json_object_set_new(view, "data", json_object());
	json_object_set_new(view, "members", out_members);
	json_object_set_new(view, "records", json_array());
	json_object_set_new(view, "timescales", json_array());
	json_object_set_new(view, "links", json_array());
	json_object_set_new(view, "chronology", json_array());
	json_object_set_new(view, "assigned", json_null());
	json_object_set(view, "team", json_object_get(in, "team") ? json_object_get(in, "team") : json_null());
	json_object_set(view, "parent", json_object_get(in, "parent") ? json_object_get(in, "parent") : json_null());
	clocks_set_time(view, "opened_at", ev->at);
	if (transferred) {
		/* The chronology comes with the family; the clocks start afresh here. */
		json_t *from = json_object_get(in, "transferred_from");
		char what[256];
		json_object_set(view, "transferred_from", from);
		json_object_set_new(view, "chronology", json_deep_copy(json_object_get(in, "chronology")));
		if (!json_is_array(json_object_get(view, "chronology")))
			json_object_set_new(view, "chronology", json_array());
		snprintf(what, sizeof what, "Transfer received from %s (their case %lld)",
			 json_string_value(json_object_get(from, "authority")),
			 (long long)json_integer_value(json_object_get(from, "case")));
		chronicle(view, ev, what, 0);
	}
	chronicle(view, ev, def->significant_open ? def->significant_open : "Case opened", 0);
	add_fired(fired, "%s", "open");
	enter_state(def, view, state, ev->at, fired);
	return 0;
}

static void append_record(json_t *view, const char *type, const json_t *fields,
			  const struct interp_event *ev)
{
	json_t *r = json_pack("{s:I, s:s, s:O, s:I}", "seq", (json_int_t)ev->seq, "type", type,
			      "fields", fields, "by", (json_int_t)ev->user_id);
	clocks_set_time(r, "at", ev->at);
	json_array_append_new(json_object_get(view, "records"), r);
}

static int check_open(const struct definition *def, const json_t *view, const char *what,
		      struct error *err)
{
	const struct state_def *s = def_state(def, interp_state_of(view));
	if (!json_is_true(json_object_get(view, "open")) || (s && s->terminal))
		return error_set(err, ERR_CONFLICT, "case_closed",
				 "the case is %s (a terminal state): %s is not allowed", interp_state_of(view), what);
	return 0;
}

static int apply_record(struct definition *def, json_t *view, const struct interp_event *ev,
			json_t *fired, struct error *err)
{
	const char *type = json_string_value(json_object_get(ev->input, "type"));
	const struct record_def *r = type ? def_record(def, type) : NULL;
	json_t *fields = json_object_get(ev->input, "fields");

	if (!r)
		return error_field(err, ERR_INVALID, "invalid_input", "type",
				   "field 'type' must name a record type of %s", def->id);
	if (r->by.n && !interp_role_allows(&r->by, ev->role, ev->user_id, view))
		return error_set(err, ERR_FORBIDDEN, "wrong_role",
				 "adding a %s record is for %s (L%d)", type, r->by.v[0], r->cites);
	if (check_open(def, view, "adding a record", err))
		return -1;
	if (interp_validate(&r->fields, fields, "fields.", view, ev->facts, err))
		return -1;
	if (fields)
		append_record(view, type, fields, ev);
	else {
		json_t *none = json_object();
		append_record(view, type, none, ev);
		json_decref(none);
	}
	if (r->significant)
		chronicle(view, ev, r->significant, r->cites);
	add_fired(fired, "record:%s", type);
	return 0;
}

static int run_guards(struct definition *def, const struct action_def *a, struct error *err)
{
	size_t i;
	for (i = 0; i < a->nguards; i++) {
		const struct guard_def *g = &a->guards[i];
		int allowed;
		char *reason = NULL;
		if (script_guard(def, g, &allowed, &reason, err))
			return -1;
		if (!allowed) {
			error_set(err, ERR_CONFLICT, "guard_failed", "L%d: %s%s%s", g->cites,
				  g->reason ? g->reason : "a guard refused",
				  reason ? ": " : "", reason ? reason : "");
			err->line = g->cites;
			free(reason);
			return -1;
		}
	}
	return 0;
}

static int apply_action(const struct authority *auth, struct definition *def, json_t *view,
			const struct interp_event *ev, json_t *fired, json_t **spawns,
			struct clock_ops *ops, struct error *err)
{
	const struct action_def *a = def_action(def, ev->name);
	const char *state = interp_state_of(view);
	json_t *input = (json_t *)ev->input, *data;
	char *target = NULL;
	size_t i;
	int rc = -1, lua;

	(void)auth;
	if (!a)
		return error_set(err, ERR_NOT_FOUND, "unknown_action", "%s has no action '%s'", def->id, ev->name);
	if (!interp_role_allows(&a->by, ev->role, ev->user_id, view))
		return error_set(err, ERR_FORBIDDEN, "wrong_role", "L%d: %s may be taken only by %s%s", a->cites,
				 a->name, a->by.n ? a->by.v[0] : "nobody", a->by.n > 1 ? " (or another listed role)" : "");
	if (check_open(def, view, a->name, err))
		return -1;
	if (!interp_in_from(def, a, state)) {
		char from[512] = "";
		for (i = 0; i < a->from.n; i++)
			snprintf(from + strlen(from), sizeof from - strlen(from), "%s%s", i ? ", " : "",
				 strcmp(a->from.v[i], "*") == 0 ? "any open state" : a->from.v[i]);
		return error_set(err, ERR_CONFLICT, "wrong_state", "L%d: %s is not allowed in state '%s' (only from %s)",
				 a->cites, a->name, state, a->from.n ? from : "nowhere");
	}
	if (interp_validate(&a->input, input, "", view, ev->facts, err))
		return -1;
	/* Workflow code sees the case only if the action has any to run. */
	lua = a->nguards || a->effect_ref > 0 || a->to_ref > 0 || a->spawn_ref > 0;
	if (lua && script_bind(def, view, input, ev->facts, (uint64_t)ev->case_id, (uint64_t)ev->seq, err))
		return -1;
	if (run_guards(def, a, err))
		goto done;
	for (i = 0; i < a->requires.n; i++) {
		const struct record_def *r = def_record(def, a->requires.v[i]);
		size_t j;
		json_t *rec;
		int found = 0;
		json_array_foreach(json_object_get(view, "records"), j, rec)
			if (strcmp(json_string_value(json_object_get(rec, "type")), a->requires.v[i]) == 0)
				found = 1;
		if (!found) {
			error_set(err, ERR_CONFLICT, "missing_record", "L%d: %s needs a %s record first (L%d)",
				  a->cites, a->name, a->requires.v[i], r ? r->cites : 0);
			goto done;
		}
	}
	/* Effects. */
	if (a->effect_ref > 0) {
		if (script_effect(def, a->effect_ref, err) || !(data = script_case_data(def, err)))
			goto done;
		json_object_set_new(view, "data", data);
	}
	if (a->set)
		json_object_update(json_object_get(view, "data"), a->set);
	if (a->creates) {
		const struct record_def *r = def_record(def, a->creates);
		json_t *fields = json_object();
		for (i = 0; r && i < r->fields.n; i++) {
			json_t *v = json_object_get(input, r->fields.fields[i].name);
			if (v)
				json_object_set(fields, r->fields.fields[i].name, v);
		}
		append_record(view, a->creates, fields, ev);
		json_decref(fields);
		add_fired(fired, "record:%s", a->creates);
	}
	if (a->assign) {
		json_t *uid = json_object_get(input, a->assign);
		char key[32];
		json_t *team;
		snprintf(key, sizeof key, "%lld", (long long)json_integer_value(uid));
		team = json_object_get(json_object_get(json_object_get(ev->facts, "users"), key), "team");
		json_object_set(view, "assigned", uid);
		json_object_set(view, "team", team ? team : json_null());
	}
	if (a->spawn_workflow && spawns) {
		json_t *sdata = NULL;
		if (a->spawn_ref > 0 && script_spawn_data(def, a->spawn_ref, &sdata, err))
			goto done;
		if (!*spawns)
			*spawns = json_array();
		json_array_append_new(*spawns, json_pack("{s:s, s:o, s:O}", "workflow", a->spawn_workflow,
			"data", sdata ? sdata : json_object(), "members", json_object_get(view, "members")));
	}
	if (a->spawn_workflow) {
		json_t *ids = json_object_get(ev->facts, "spawned");
		json_t *id;
		json_array_foreach(ids, i, id)
			json_array_append_new(json_object_get(view, "links"), json_pack("{s:O, s:s, s:s}",
				"case", id, "workflow", a->spawn_workflow, "relation", "spawned"));
	}
	if (a->to_ref > 0) {
		if (script_target(def, a->to_ref, &target, err))
			goto done;
		if (!strlist_has(&a->targets, target) || !def_state(def, target)) {
			error_set(err, ERR_SCRIPT, "script_error", "%s:%d: computed target '%s' is not one of the action's targets",
				  def->path, a->line, target);
			goto done;
		}
	}
	if (a->significant)
		chronicle(view, ev, a->significant, a->cites);
	add_fired(fired, "%s", a->name);
	if (target || a->to)
		enter_state(def, view, target ? target : a->to, ev->at, fired);
	ops->start = &a->start;
	ops->satisfy = &a->satisfy;
	ops->cancel = &a->cancel;
	rc = 0;
done:
	free(target);
	if (lua)
		script_unbind(def);
	return rc;
}

/*
 * The family moves to another authority: the case closes here (its pending
 * clocks are cancelled) and records where it went. The receiving case is
 * opened by the service in the same transaction.
 */
static int apply_transfer(struct definition *def, json_t *view, const struct interp_event *ev,
			  json_t *fired, struct error *err)
{
	const char *to = json_string_value(json_object_get(ev->input, "authority"));
	json_t *id = json_object_get(ev->facts, "transferred_to");
	char what[256];
	if (check_open(def, view, "a transfer", err))
		return -1;
	if (!to || !json_is_integer(id))
		return error_field(err, ERR_INVALID, "invalid_input", "authority", "a transfer names the receiving authority");
	json_object_set_new(view, "transferred_to", json_pack("{s:s, s:O}", "authority", to, "case", id));
	json_object_set_new(view, "open", json_false());
	clocks_set_time(view, "closed_at", ev->at);
	snprintf(what, sizeof what, "Transferred to %s (their case %lld): %s", to, (long long)json_integer_value(id),
		 json_string_value(json_object_get(ev->input, "reason")) ? json_string_value(json_object_get(ev->input, "reason")) : "");
	chronicle(view, ev, what, 0);
	add_fired(fired, "%s", "transfer");
	return 0;
}

/*
 * Move the case to another version of its workflow: input {from, to, state,
 * reason}; the state is mapped explicitly, the clocks re-derived.
 */
static int apply_migrate(const struct authority *auth, json_t *view, const struct interp_event *ev,
			 json_t *fired, struct error *err)
{
	const struct definition *nd = ev->migrate_to;
	const char *state = json_string_value(json_object_get(ev->input, "state"));
	char what[256];
	if (!nd || strcmp(nd->hash, json_string_value(json_object_get(ev->input, "to")) ? json_string_value(json_object_get(ev->input, "to")) : "") != 0)
		return error_set(err, ERR_INTERNAL, "no_definition", "migration target version is not loaded");
	if (!json_is_true(json_object_get(view, "open")))
		return error_set(err, ERR_CONFLICT, "case_closed", "a closed case is not migrated");
	if (strcmp(nd->id, json_string_value(json_object_get(view, "workflow"))) != 0)
		return error_field(err, ERR_INVALID, "invalid_input", "to", "version %.12s is a different workflow (%s)", nd->hash, nd->id);
	if (!state || !def_state(nd, state) || def_state(nd, state)->terminal)
		return error_field(err, ERR_INVALID, "invalid_input", "state",
				   "the case's state must map to an open state of the new version, not '%s'", state ? state : "(none)");
	json_object_set_new(view, "definition", json_string(nd->hash));
	if (strcmp(state, json_string_value(json_object_get(view, "state"))) != 0) {
		json_object_set_new(view, "state", json_string(state));
		add_fired(fired, "enter:%s", state);
	}
	clocks_migrate(auth, nd, view, ev);
	snprintf(what, sizeof what, "Moved to version %.12s of %s: %s", nd->hash, nd->id,
		 json_string_value(json_object_get(ev->input, "reason")) ? json_string_value(json_object_get(ev->input, "reason")) : "");
	chronicle(view, ev, what, 0);
	return 0;
}

int interp_apply(const struct authority *auth, struct definition *def, json_t **viewp,
		 const struct interp_event *ev, json_t **spawns, struct error *err)
{
	json_t *view = *viewp ? json_deep_copy(*viewp) : NULL;
	if (interp_apply_owned(auth, def, &view, ev, spawns, err)) {
		json_decref(view);
		return -1;
	}
	json_decref(*viewp);
	*viewp = view;
	return 0;
}

/*
 * The authority as the event saw it: the calendar closures (and, for an
 * open, the teams) come from the event's facts, never from the authority
 * file as it is today, so replay computes what was computed then.
 */
struct event_authority {
	struct authority a;
	int closures[2048];       /* years of closure days; lint keeps authorities far below */
	char *teams[512];
};

static const struct authority *as_recorded(const struct authority *auth, const json_t *facts,
					   struct event_authority *ea)
{
	json_t *c = json_object_get(facts, "closures"), *t = json_object_get(facts, "teams"), *x;
	size_t i;
	ea->a = *auth;
	ea->a.nclosures = 0;
	json_array_foreach(c, i, x) {
		int date;
		if (ea->a.nclosures < sizeof ea->closures / sizeof *ea->closures &&
		    json_is_string(x) && calendar_parse_date(json_string_value(x), &date) == 0)
			ea->closures[ea->a.nclosures++] = date;
	}
	ea->a.closures = ea->closures;
	ea->a.cal.closures = ea->closures;
	ea->a.cal.nclosures = ea->a.nclosures;
	if (json_is_array(t)) {
		ea->a.teams.n = 0;
		ea->a.teams.v = ea->teams;
		json_array_foreach(t, i, x)
			if (ea->a.teams.n < sizeof ea->teams / sizeof *ea->teams && json_is_string(x))
				ea->teams[ea->a.teams.n++] = (char *)json_string_value(x);
	}
	return &ea->a;
}

int interp_apply_owned(const struct authority *auth_now, struct definition *def, json_t **viewp,
		       const struct interp_event *ev, json_t **spawns, struct error *err)
{
	struct event_authority ea;
	const struct authority *auth = as_recorded(auth_now, ev->facts, &ea);
	json_t *view = *viewp ? *viewp : json_object();
	json_t *fired = json_array();
	struct clock_ops ops = { 0 };
	int rc;

	if (strcmp(ev->kind, "open") == 0)
		rc = apply_open(auth, def, view, ev, fired, err);
	else if (strcmp(ev->kind, "record") == 0)
		rc = apply_record(def, view, ev, fired, err);
	else if (strcmp(ev->kind, "transfer") == 0)
		rc = apply_transfer(def, view, ev, fired, err);
	else if (strcmp(ev->kind, "migrate") == 0)
		rc = apply_migrate(auth, view, ev, fired, err);
	else if (strcmp(ev->kind, "timer") == 0) {
		char *to = NULL;
		rc = clocks_breach(auth, def, view, ev, fired, &to, err);
		if (rc == 0) {
			/* A breach is always significant: the chronology says which rule and line. */
			const char *key = json_string_value(json_object_get(ev->input, "key"));
			const struct timescale_def *td = clocks_def_for_key(def, key ? key : "");
			char what[512];
			if (!key)
				key = "?";
			snprintf(what, sizeof what, "Timescale breached: %s (%s)", td && td->what ? td->what : key, key);
			chronicle(view, ev, what, td ? td->cites : 0);
		}
		if (rc == 0 && to)
			enter_state(def, view, to, ev->at, fired);
		free(to);
	}
	else if (strcmp(ev->kind, "action") == 0 && strcmp(ev->name, "extend_timescale") == 0)
		rc = clocks_extend(auth, def, view, ev, err);
	else if (strcmp(ev->kind, "action") == 0)
		rc = apply_action(auth, def, view, ev, fired, spawns, &ops, err);
	else
		rc = error_set(err, ERR_INVALID, "invalid_event", "unknown event kind '%s'", ev->kind);
	if (rc == 0)
		rc = clocks_update(auth, strcmp(ev->kind, "migrate") == 0 ? ev->migrate_to : def, view, ev, fired, &ops, err);
	if (rc == 0) {
		json_object_set_new(view, "seq", json_integer(ev->seq));
		clocks_set_time(view, "updated_at", ev->at);
	} else if (spawns && *spawns) {
		json_decref(*spawns);
		*spawns = NULL;
	}
	*viewp = view;
	json_decref(fired);
	return rc;
}

