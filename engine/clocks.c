/*
 * clocks.c: starting, satisfying, cancelling, breaching and extending the
 * timescale instances of a case view. See clocks.h.
 *
 * Never reads the real clock: every instant comes from the event. Due dates
 * are computed by calendar.c on the authority's calendar.
 */
#include "clocks.h"

#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "error.h"
#include "interp.h"
#include "script.h"
#include "util.h"

#define MAX_SKIPPED 64

void clocks_set_time(json_t *obj, const char *key, int64_t at)
{
	char buf[32], k[64];
	calendar_format_instant(at, buf);
	json_object_set_new(obj, key, json_string(buf));
	snprintf(k, sizeof k, "%s_epoch", key);
	json_object_set_new(obj, k, json_integer(at));
}

static int fired_has(const json_t *fired, const struct strlist *names)
{
	size_t i;
	json_t *f;
	json_array_foreach(fired, i, f)
		if (strlist_has(names, json_string_value(f)))
			return 1;
	return 0;
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

const struct timescale_def *clocks_def_for_key(const struct definition *def, const char *key)
{
	char name[128];
	size_t n = strcspn(key, "@#");
	if (n >= sizeof name)
		return NULL;
	memcpy(name, key, n);
	name[n] = '\0';
	return def_timescale(def, name);
}

/*
 * Set due, due_epoch, due_date and the calendar derivation of instance: the
 * weekdays the count skipped (bank holidays and the authority's closure
 * days), for working-day rules. The region (England and Wales) and the zone
 * (Europe/London) are the engine's only ones, so they are not repeated here.
 */
static void set_due(const struct authority *auth, json_t *inst, int64_t anchor, int64_t due,
		    enum calendar_unit unit)
{
	char date[11];
	int days[MAX_SKIPPED], n, i;

	clocks_set_time(inst, "due", due);
	calendar_format_date(calendar_local_date(due), date);
	json_object_set_new(inst, "due_date", json_string(date));
	json_object_del(inst, "skipped");
	if (unit != UNIT_WORKING_DAYS)
		return;
	n = calendar_skipped(&auth->cal, calendar_local_date(anchor), calendar_local_date(due), days, MAX_SKIPPED);
	if (n > 0) {
		json_t *skipped = json_array();
		for (i = 0; i < n && i < MAX_SKIPPED; i++) {
			calendar_format_date(days[i], date);
			json_array_append_new(skipped, json_string(date));
		}
		json_object_set_new(inst, "skipped", skipped);
	}
}

/* Occurrences so far of (name, member). */
static int occurrences(const json_t *list, const char *name, const char *member)
{
	size_t i;
	json_t *t;
	int n = 0;
	json_array_foreach(list, i, t) {
		const char *m = str(t, "member");
		if (strcmp(str(t, "name"), name) == 0 &&
		    ((!m && !member) || (m && member && strcmp(m, member) == 0)))
			n++;
	}
	return n;
}

/* Is a chain of (name, member) still running (pending, or breached and unmet)? */
static int active(const json_t *list, const char *name, const char *member)
{
	size_t i;
	json_t *t;
	json_array_foreach(list, i, t) {
		const char *m = str(t, "member"), *st = str(t, "status");
		if (strcmp(str(t, "name"), name) == 0 &&
		    ((!m && !member) || (m && member && strcmp(m, member) == 0)) &&
		    (strcmp(st, "pending") == 0 || strcmp(st, "breached") == 0))
			return 1;
	}
	return 0;
}

/*
 * Add occurrence k of t for member. Its anchor is the event ev, or for
 * re-arming from the anchor, first (the chain's first anchor instant).
 */
static void add_instance(const struct authority *auth, const struct definition *def,
			 json_t *view, const struct timescale_def *t, const char *member,
			 const struct interp_event *ev, const char *anchor_event,
			 int64_t first, int k)
{
	json_t *list = json_object_get(view, "timescales");
	json_t *inst, *anchor;
	char key[256];
	char *rule = def_rule_text(t);
	int64_t base = t->recurring && t->rearm_anchor ? first : ev->at;
	int mult = t->recurring && t->rearm_anchor ? k : 1;
	int64_t due = calendar_due(&auth->cal, base, t->dur.unit, t->dur.n * mult);
	/* Keys count every instance of the clock for the member; k counts within one chain. */
	int n = occurrences(list, t->name, member) + 1;

	if (member)
		snprintf(key, sizeof key, "%s@%s#%d", t->name, member, n);
	else
		snprintf(key, sizeof key, "%s#%d", t->name, n);
	anchor = json_pack("{s:s, s:I}", "event", anchor_event, "seq", (json_int_t)ev->seq);
	clocks_set_time(anchor, "at", ev->at);
	if (t->recurring && t->rearm_anchor)
		clocks_set_time(anchor, "chain_start", first);
	inst = json_pack("{s:s, s:s, s:s, s:s?, s:i, s:s, s:s, s:i, s:o, s:s, s:o}",
		"key", key, "name", t->name, "what", t->what ? t->what : t->name,
		"member", member, "occurrence", n, "status", "pending", "rule", rule,
		"line", t->cites, "anchor", anchor, "definition", def->hash,
		"extensions", json_array());
	if (t->note)
		json_object_set_new(inst, "note", json_string(t->note));
	if (t->recurring)
		json_object_set_new(inst, "chain", json_integer(k));
	set_due(auth, inst, base, due, t->dur.unit);
	json_array_append_new(list, inst);
	free(rule);
}

/* May t run in the view's current state? */
static int applicable(const struct definition *def, const struct timescale_def *t, const char *state)
{
	const struct state_def *s = def_state(def, state);
	if (!s || s->terminal)
		return 0;
	if (t->has_applies_in && !strlist_has(&t->applies_in, state))
		return 0;
	return !strlist_has(&t->cancelled_in, state);
}

static int start_clock(const struct authority *auth, struct definition *def, json_t *view,
		       const struct timescale_def *t, const struct interp_event *ev,
		       const char *anchor_event, struct error *err)
{
	json_t *list = json_object_get(view, "timescales");
	json_t *members = json_object_get(view, "members"), *m;
	size_t i;
	char on[11];

	calendar_format_date(calendar_local_date(ev->at), on);
	if (t->per == PER_CASE) {
		if (t->recurring && active(list, t->name, NULL))
			return 0;
		add_instance(auth, def, view, t, NULL, ev, anchor_event, ev->at, 1);
		return 0;
	}
	json_array_foreach(members, i, m) {
		const char *role = str(m, "role"), *id = str(m, "id");
		int is_child = role && strcmp(role, "child") == 0;
		if ((t->per == PER_CHILD && !is_child) || (t->per == PER_ADULT && is_child))
			continue;
		if (t->applies_ref > 0) {
			int yes;
			if (!str(m, "dob") && t->per != PER_MEMBER)
				continue;
			if (script_applies(def, t->applies_ref, m, on, &yes, err))
				return -1;
			if (!yes)
				continue;
		}
		if (t->recurring && active(list, t->name, id))
			continue;
		add_instance(auth, def, view, t, id, ev, anchor_event, ev->at, 1);
	}
	return 0;
}

int clocks_update(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, json_t *fired, const struct clock_ops *ops,
		  struct error *err)
{
	json_t *list = json_object_get(view, "timescales"), *t;
	const char *state = str(view, "state");
	const struct state_def *sdef = def_state(def, state);
	/* An event naming a member (in its input, or a record's fields) meets only that member's clock. */
	const char *member = json_string_value(json_object_get(ev->input, "member"));
	char enter[160];
	int entered = 0;
	size_t i, n;
	static const struct strlist none = { 0 };
	const struct strlist *op_start = ops->start ? ops->start : &none;
	const struct strlist *op_satisfy = ops->satisfy ? ops->satisfy : &none;
	const struct strlist *op_cancel = ops->cancel ? ops->cancel : &none;

	if (!member)
		member = json_string_value(json_object_get(json_object_get(ev->input, "fields"), "member"));
	snprintf(enter, sizeof enter, "enter:%s", state ? state : "");
	json_array_foreach(fired, i, t)
		if (strcmp(json_string_value(t), enter) == 0)
			entered = 1;
	/* 1. satisfy (and re-arm recurring chains) */
	n = json_array_size(list);
	for (i = 0; i < n; i++) {
		const struct timescale_def *td;
		const char *st, *m;
		t = json_array_get(list, i);
		st = str(t, "status");
		td = def_timescale(def, str(t, "name"));
		if (!td || (strcmp(st, "pending") != 0 && strcmp(st, "breached") != 0))
			continue;
		if (!fired_has(fired, &td->satisfied_by) && !strlist_has(op_satisfy, td->name))
			continue;
		m = str(t, "member");
		if (m && member && strcmp(m, member) != 0)
			continue;
		json_object_set_new(t, "status", json_string(
			strcmp(st, "breached") == 0 || ev->at > json_integer_value(json_object_get(t, "due_epoch"))
			? "met_late" : "met"));
		clocks_set_time(t, "met_at", ev->at);
		json_object_set_new(t, "met_by", json_pack("{s:I}", "seq", (json_int_t)ev->seq));
		if (td->recurring) {
			json_t *chain = json_object_get(t, "chain");
			int k = (int)json_integer_value(chain ? chain : json_object_get(t, "occurrence"));
			json_t *anchor = json_object_get(t, "anchor");
			int64_t first = json_integer_value(json_object_get(anchor, "chain_start_epoch"));
			if ((td->times && k >= td->times) || !applicable(def, td, state))
				continue;
			if (m && td->applies_ref > 0) {
				/* the member filter is asked again on the new anchor date (a baby turns one) */
				json_t *mem = NULL, *x;
				size_t j;
				int yes = 0;
				char on[11];
				json_array_foreach(json_object_get(view, "members"), j, x)
					if (strcmp(str(x, "id"), m) == 0)
						mem = x;
				calendar_format_date(calendar_local_date(ev->at), on);
				if (mem && script_applies(def, td->applies_ref, mem, on, &yes, err))
					return -1;
				if (!yes)
					continue;
			}
			if (td->rearm_anchor)
				add_instance(auth, def, view, td, m, ev, str(anchor, "event"), first, k + 1);
			else
				add_instance(auth, def, view, td, m, ev, json_string_value(json_array_get(fired, 0)), ev->at, k + 1);
		}
	}
	/* 2. cancel */
	json_array_foreach(list, i, t) {
		const struct timescale_def *td = def_timescale(def, str(t, "name"));
		int cancel;
		if (!td || strcmp(str(t, "status"), "pending") != 0)
			continue;
		cancel = fired_has(fired, &td->cancelled_by) || strlist_has(op_cancel, td->name) ||
			 (sdef && sdef->terminal) || !json_is_true(json_object_get(view, "open")) ||
			 (td->has_applies_in && !strlist_has(&td->applies_in, state)) ||
			 (strlist_has(&td->cancelled_in, state) && entered);
		if (cancel) {
			json_object_set_new(t, "status", json_string("cancelled"));
			clocks_set_time(t, "cancelled_at", ev->at);
		}
	}
	/* 3. start (a case that has left, by closure or transfer, starts nothing) */
	for (i = 0; json_is_true(json_object_get(view, "open")) && i < def->ntimescales; i++) {
		const struct timescale_def *td = &def->timescales[i];
		size_t j;
		json_t *f;
		const char *why = NULL;
		json_array_foreach(fired, j, f)
			if (strlist_has(&td->from, json_string_value(f)) && !why)
				why = json_string_value(f);
		if (!why && strlist_has(op_start, td->name))
			why = ev->name;
		if (!why || !applicable(def, td, state))
			continue;
		if (start_clock(auth, def, view, td, ev, why, err))
			return -1;
	}
	return 0;
}

static json_t *find_instance(json_t *view, const char *key_or_name, struct error *err)
{
	json_t *list = json_object_get(view, "timescales"), *t, *found = NULL;
	size_t i;
	int matches = 0;
	json_array_foreach(list, i, t)
		if (strcmp(str(t, "key"), key_or_name) == 0)
			return t;
	json_array_foreach(list, i, t)
		if (strcmp(str(t, "name"), key_or_name) == 0 && strcmp(str(t, "status"), "pending") == 0) {
			found = t;
			matches++;
		}
	if (matches > 1) {
		error_field(err, ERR_INVALID, "invalid_input", "timescale",
			    "'%s' has %d pending clocks (one per member): name one by its key", key_or_name, matches);
		return NULL;
	}
	if (!found)
		error_field(err, ERR_INVALID, "invalid_input", "timescale",
			    "this case has no pending timescale '%s'", key_or_name);
	return found;
}

int clocks_breach(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, json_t *fired, char **to, struct error *err)
{
	const char *key = json_string_value(json_object_get(ev->input, "key"));
	json_t *t = NULL, *list = json_object_get(view, "timescales"), *item;
	const struct timescale_def *td;
	size_t i;

	(void)auth;
	*to = NULL;
	json_array_foreach(list, i, item)
		if (key && strcmp(str(item, "key"), key) == 0)
			t = item;
	if (!t || strcmp(str(t, "status"), "pending") != 0)
		return error_set(err, ERR_CONFLICT, "not_pending", "timescale %s is not pending", key ? key : "?");
	if (ev->at <= json_integer_value(json_object_get(t, "due_epoch")))
		return error_set(err, ERR_CONFLICT, "not_due", "timescale %s is not yet due", key);
	td = def_timescale(def, str(t, "name"));
	json_object_set_new(t, "status", json_string("breached"));
	clocks_set_time(t, "breached_at", ev->at);
	json_array_append_new(fired, json_sprintf("breach:%s", str(t, "name")));
	if (!td)
		return 0;
	if (json_object_get(ev->facts, "on_breach_error")) {
		/* the reaction failed when this breach was recorded: recorded without it */
		json_object_set(t, "on_breach_error", json_object_get(ev->facts, "on_breach_error"));
		return 0;
	}
	if (td->breach_ref > 0) {
		json_t *data;
		if (script_bind(def, view, ev->input, ev->facts, (uint64_t)ev->case_id, (uint64_t)ev->seq, err))
			return -1;
		if (script_effect(def, td->breach_ref, err)) {
			script_unbind(def);
			return -1;
		}
		data = script_case_data(def, err);
		script_unbind(def);
		if (!data)
			return -1;
		json_object_set_new(view, "data", data);
	}
	if (td->breach_to)
		*to = xstrdup(td->breach_to);
	return 0;
}

int clocks_extend(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, struct error *err)
{
	const char *key = json_string_value(json_object_get(ev->input, "timescale"));
	const char *until = json_string_value(json_object_get(ev->input, "until"));
	const char *reason = json_string_value(json_object_get(ev->input, "reason"));
	const struct timescale_def *td;
	const struct state_def *s = def_state(def, str(view, "state"));
	json_t *t, *ext;
	int date;
	int64_t new_due, cap_due, anchor;
	char capdate[11];
	const char *unknown;
	json_t *v;

	/* The order of checks of every action: who (role), then the case, then the input. */
	if (!key)
		return error_field(err, ERR_INVALID, "invalid_input", "timescale", "field 'timescale' is required (text)");
	td = clocks_def_for_key(def, key);
	if (!td)
		return error_field(err, ERR_INVALID, "invalid_input", "timescale", "no timescale '%s' in %s", key, def->id);
	if (td->extendable && (!ev->role || !strlist_has(&td->extend_by, ev->role)))
		return error_set(err, ERR_FORBIDDEN, "wrong_role", "L%d: only %s may extend %s",
				 td->extend_cites ? td->extend_cites : td->cites, td->extend_by.v[0], td->name);
	if (!td->extendable)
		return error_set(err, ERR_CONFLICT, "not_extendable", "L%d: %s cannot be extended", td->cites, td->name);
	json_object_foreach((json_t *)ev->input, unknown, v)
		if (strcmp(unknown, "timescale") && strcmp(unknown, "until") && strcmp(unknown, "reason"))
			return error_field(err, ERR_INVALID, "invalid_input", unknown, "unknown field '%s'", unknown);
	if (!until || calendar_parse_date(until, &date))
		return error_field(err, ERR_INVALID, "invalid_input", "until", "field 'until' is required (date YYYY-MM-DD)");
	if (!reason || !*reason)
		return error_field(err, ERR_INVALID, "invalid_input", "reason", "field 'reason' is required (text)");
	if (!json_is_true(json_object_get(view, "open")) || (s && s->terminal))
		return error_set(err, ERR_CONFLICT, "case_closed", "the case is closed");
	t = find_instance(view, key, err);
	if (!t)
		return -1;
	if (strcmp(str(t, "status"), "pending") != 0)
		return error_set(err, ERR_CONFLICT, "not_pending", "%s is %s, not pending", str(t, "key"), str(t, "status"));
	new_due = calendar_local_instant(date, 23, 59, 59);
	if (new_due <= json_integer_value(json_object_get(t, "due_epoch")))
		return error_field(err, ERR_INVALID, "invalid_input", "until",
				   "an extension must move the due date later than %s", str(t, "due_date"));
	anchor = json_integer_value(json_object_get(json_object_get(t, "anchor"), "at_epoch"));
	if (td->recurring && td->rearm_anchor && json_object_get(json_object_get(t, "anchor"), "chain_start_epoch")) {
		/* an anchored chain's period k starts where period k-1 was due, whenever it was met */
		int k = (int)json_integer_value(json_object_get(t, "chain"));
		int64_t start = json_integer_value(json_object_get(json_object_get(t, "anchor"), "chain_start_epoch"));
		anchor = k > 1 ? calendar_due(&auth->cal, start, td->dur.unit, td->dur.n * (k - 1)) : start;
	}
	cap_due = calendar_due(&auth->cal, anchor, td->cap.unit, td->cap.n);
	if (new_due > cap_due) {
		calendar_format_date(calendar_local_date(cap_due), capdate);
		return error_set(err, ERR_CONFLICT, "extension_over_cap",
				 "L%d: %s may be extended to at most %d %s from its anchor (%s)",
				 td->extend_cites ? td->extend_cites : td->cites, td->name, td->cap.n,
				 calendar_unit_name(td->cap.unit), capdate);
	}
	ext = json_pack("{s:I, s:s, s:s, s:O, s:s, s:I}", "by", (json_int_t)ev->user_id, "role", ev->role,
			"until", until, "previous_due", json_object_get(t, "due"), "reason", reason,
			"seq", (json_int_t)ev->seq);
	clocks_set_time(ext, "at", ev->at);
	json_array_append_new(json_object_get(t, "extensions"), ext);
	set_due(auth, t, anchor, new_due, td->dur.unit);
	return 0;
}

void clocks_migrate(const struct authority *auth, const struct definition *newdef, json_t *view,
		    const struct interp_event *ev)
{
	json_t *t;
	size_t i;
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		const struct timescale_def *td;
		json_t *anchor = json_object_get(t, "anchor"), *ext = json_object_get(t, "extensions");
		int64_t base, due, old = json_integer_value(json_object_get(t, "due_epoch"));
		int k = (int)json_integer_value(json_object_get(t, "occurrence"));
		char *rule;
		if (strcmp(str(t, "status"), "pending") != 0)
			continue;
		td = def_timescale(newdef, str(t, "name"));
		json_object_set(t, "migrated_from_due", json_object_get(t, "due"));
		if (!td) {
			json_object_set_new(t, "status", json_string("cancelled"));
			json_object_set_new(t, "note", json_string("cancelled by migration: the new version has no such timescale"));
			clocks_set_time(t, "cancelled_at", ev->at);
			continue;
		}
		if (td->recurring && td->rearm_anchor && json_object_get(anchor, "chain_start_epoch"))
			base = json_integer_value(json_object_get(anchor, "chain_start_epoch"));
		else
			base = json_integer_value(json_object_get(anchor, "at_epoch"));
		due = calendar_due(&auth->cal, base, td->dur.unit,
				   td->dur.n * (td->recurring && td->rearm_anchor ? k : 1));
		if (json_array_size(ext) && old > due)
			due = old;   /* a person extended it: the new rule does not take that away */
		rule = def_rule_text(td);
		json_object_set_new(t, "rule", json_string(rule));
		json_object_set_new(t, "line", json_integer(td->cites));
		json_object_set_new(t, "definition", json_string(newdef->hash));
		free(rule);
		set_due(auth, t, base, due, td->dur.unit);
	}
}
