/*
 * service.c: the view cache and the transactional operations on
 * cases (see service.h): open, act, transfer, migrate and read. The clock
 * and the breaches are in timers.c.
 *
 * Must never: write outside a transaction, let the view cache hold a view
 * the store did not commit, or read the clock inside the interpreter (it
 * passes `at` in). The registry is in registry.c, replay in replay.c.
 */
#include "service.h"

#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "calendar.h"
#include "def.h"
#include "error.h"
#include "interp.h"
#include "readlog.h"
#include "script.h"
#include "service_impl.h"
#include "store.h"
#include "util.h"


/* --- the view cache ----------------------------------------------------------- */

/*
 * The case's view (new reference; callers must not change it: interp_apply
 * copies before it writes), from the cache when it is current. partial: the
 * caller takes a view whose settled clocks are stand-ins (svc_view_take);
 * otherwise a cached partial view counts as a miss.
 */
static json_t *view_get(struct service *svc, const char *authority, int64_t id, int partial,
			struct error *err)
{
	struct view_slot *slot = &svc->cache[(uint64_t)id % VIEW_CACHE];
	char hash[65];
	json_t *v;
	int usable = slot->view && slot->id == id && (partial || !slot->partial);
	if (store_case_view_since(svc->store, authority, id, usable ? slot->hash : NULL, partial, hash, &v, err))
		return NULL;
	if (!v)
		return json_incref(slot->view);   /* the cached view is the stored one */
	json_decref(slot->view);
	slot->id = id;
	snprintf(slot->hash, sizeof slot->hash, "%s", hash);
	slot->view = json_incref(v);
	slot->partial = partial && dump_view_partial(v);
	return v;
}

/*
 * The case's view for changing in place: taken out of the cache (so a
 * refused change cannot leave a half-changed view there); the caller owns it.
 */
json_t *svc_view_take(struct service *svc, const char *authority, int64_t id, int partial,
		      struct error *err)
{
	struct view_slot *slot = &svc->cache[(uint64_t)id % VIEW_CACHE];
	json_t *v = view_get(svc, authority, id, partial, err);   /* ours, plus the cache's */
	if (v && slot->view == v) {
		slot->view = NULL;
		slot->id = 0;
		json_decref(v);   /* the cache's reference */
	}
	if (v && v->refcount > 1) {   /* someone else still holds it: change a copy */
		json_t *copy = json_deep_copy(v);
		json_decref(v);
		v = copy;
	}
	return v;
}

static void view_put(struct service *svc, int64_t id, const char *hash, json_t *view)
{
	struct view_slot *slot = &svc->cache[(uint64_t)id % VIEW_CACHE];
	json_decref(slot->view);
	slot->id = id;
	snprintf(slot->hash, sizeof slot->hash, "%s", hash);
	slot->view = json_incref(view);
	slot->partial = dump_view_partial(view);
}

/*
 * Has one of the view's clocks run out (pending, due before now)? What
 * svc_fire_due would fire for the case: the timescales table holds the same
 * clocks, synced from the view at every event.
 */
static int view_due(const json_t *view, int64_t now)
{
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		const char *status = json_string_value(json_object_get(t, "status"));
		if (status && strcmp(status, "pending") == 0 && json_integer_value(json_object_get(t, "due_epoch")) < now)
			return 1;
	}
	return 0;
}

/* --- facts ------------------------------------------------------------------ */

/*
 * The authority's calendar as a fact of every event (its closure days, when
 * it has any), so a due date replays on the calendar it was computed on even
 * after the authority file changes.
 */
void svc_calendar_facts(const struct authority *a, json_t *facts)
{
	json_t *c;
	size_t i;
	char date[11];
	if (!a->nclosures)
		return;
	c = json_array();
	for (i = 0; i < a->nclosures; i++) {
		calendar_format_date(a->closures[i], date);
		json_array_append_new(c, json_string(date));
	}
	json_object_set_new(facts, "closures", c);
}

static void add_user_fact(struct service *svc, json_t *users, const char *authority, int64_t id)
{
	struct user u = { 0 };
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)id);
	if (json_object_get(users, key) || store_user_get(svc->store, authority, id, &u, NULL))
		return;
	json_object_set_new(users, key, json_pack("{s:s, s:O, s:s?}", "name", u.name, "roles", u.roles,
						  "team", u.team));
	user_clear(&u);
}

/*
 * The facts an event records: today, the authority's limits, the users its
 * input names, and each fact the action declares. Read inside the
 * transaction, so they are the facts the decision was made on.
 */
static json_t *read_facts(struct service *svc, const struct authority *a, struct definition *d,
			  const char *action, const json_t *input, const json_t *view,
			  int64_t now, struct error *err)
{
	json_t *facts = json_object(), *users = json_object(), *ids = json_array(), *id;
	const struct strlist *names = interp_action_facts(d, action);
	const struct action_def *ad = def_action(d, action);
	char today[11];
	size_t i;
	int64_t assignee = json_integer_value(json_object_get(view, "assigned"));
	const char *team = json_string_value(json_object_get(view, "team"));

	calendar_format_date(calendar_local_date(now), today);
	json_object_set_new(facts, "today", json_string(today));
	json_object_set(facts, "limits", a->limits);
	svc_calendar_facts(a, facts);
	interp_user_fields(d, action, input, ids);
	json_array_foreach(ids, i, id)
		add_user_fact(svc, users, a->id, json_integer_value(id));
	if (ad && ad->assign && json_is_integer(json_object_get(input, ad->assign))) {
		char key[32];
		assignee = json_integer_value(json_object_get(input, ad->assign));
		snprintf(key, sizeof key, "%lld", (long long)assignee);
		team = json_string_value(json_object_get(json_object_get(users, key), "team"));
	}
	json_object_set_new(facts, "users", users);
	json_decref(ids);
	for (i = 0; i < names->n; i++) {
		int64_t v = 0;
		if (store_fact(svc->store, names->v[i], a->id, d->id, assignee, team,
			       json_integer_value(json_object_get(view, "id")), &v, err)) {
			json_decref(facts);
			return NULL;
		}
		json_object_set_new(facts, names->v[i], json_integer(v));
	}
	return facts;
}

/* --- applying events -------------------------------------------------------- */

/*
 * Fold one event into the case and persist it; inside the caller's
 * transaction. On success *view is the new view and spawns (if the action
 * opens linked cases) are opened too.
 */
/*
 * A view handed to a caller shares its structure with the cache: give a
 * shallow copy, so a caller that adds a top-level key ("actions") changes
 * only its own. Always returns 0.
 */
static int give(json_t **view)
{
	json_t *copy = json_copy(*view);
	json_decref(*view);
	*view = copy;
	return 0;
}

/*
 * Which timescale instances an event touched, so only those are re-indexed:
 * instances are only ever appended, so index i before is index i after.
 */
struct clock_snap {
	char status[16];
	int64_t due;
};

static size_t snapshot(const json_t *view, struct clock_snap **out)
{
	json_t *list = json_object_get(view, "timescales"), *t;
	size_t i, n = json_array_size(list);
	*out = xcalloc(n + 1, sizeof **out);
	json_array_foreach(list, i, t) {
		snprintf((*out)[i].status, sizeof (*out)[i].status, "%s", json_string_value(json_object_get(t, "status")));
		(*out)[i].due = json_integer_value(json_object_get(t, "due_epoch"));
	}
	return n;
}

static json_t *changed_clocks(const json_t *view, const struct clock_snap *snap, size_t n)
{
	json_t *list = json_object_get(view, "timescales"), *t, *out = json_array();
	size_t i;
	json_array_foreach(list, i, t)
		if (i >= n || strcmp(snap[i].status, json_string_value(json_object_get(t, "status"))) != 0 ||
		    snap[i].due != json_integer_value(json_object_get(t, "due_epoch")))
			json_array_append(out, t);
	return out;
}

/* v as it reads back from the store: keys sorted (new reference). */
static json_t *canonical(const json_t *v)
{
	char *text = dump_json(v ? v : json_null(), DUMP_SORT_KEYS);
	json_t *out = dump_load(text);
	free(text);
	return out;
}

int svc_commit_event(struct service *svc, const struct authority *a, struct definition *d,
			json_t **view, struct interp_event *iev, json_t **spawns, struct error *err)
{
	struct event ev = { 0 };
	char *text;
	int rc;
	const json_t *raw_input = iev->input, *raw_facts = iev->facts;
	json_t *input = canonical(raw_input), *facts = canonical(raw_facts), *changed;
	struct clock_snap *snap = NULL;
	size_t nsnap = snapshot(*view, &snap);
	iev->seq = json_integer_value(json_object_get(*view, "seq")) + 1;
	/* A case's events never go back in time (a virtual clock restarted behind them, a stepped wall clock). */
	if (*view && iev->at < json_integer_value(json_object_get(*view, "updated_at_epoch"))) {
		json_decref(input);
		json_decref(facts);
		free(snap);
		return error_set(err, ERR_CONFLICT, "clock_behind",
				 "the clock is behind this case's last event (%s): nothing was recorded",
				 json_string_value(json_object_get(*view, "updated_at")));
	}
	/*
	 * The event applies its input and facts as replay will read them back
	 * from the store (keys sorted), so parts of the view copied from them
	 * have the same key order live and in replay.
	 */
	iev->input = input;
	iev->facts = facts;
	rc = interp_apply_owned(a, d, view, iev, spawns, err);
	iev->input = raw_input;
	iev->facts = raw_facts;
	if (rc) {
		json_decref(input);
		json_decref(facts);
		free(snap);
		return -1;
	}
	text = store_view_text(*view);
	store_view_hash(text, ev.view_hash);
	ev.case_id = iev->case_id;
	ev.seq = iev->seq;
	ev.at = iev->at;
	ev.user_id = iev->user_id;
	ev.role = iev->role;
	ev.kind = iev->kind;
	ev.name = iev->name;
	ev.input = (json_t *)iev->input;
	ev.facts = (json_t *)iev->facts;
	changed = changed_clocks(*view, snap, nsnap);
	rc = store_event_append(svc->store, &ev, err) ||
	     store_case_save(svc->store, iev->case_id, *view, text, changed, ev.seq, ev.hash, ev.at, err) ? -1 : 0;
	json_decref(changed);
	free(snap);
	free(text);
	json_decref(input);
	json_decref(facts);
	if (rc == 0)
		view_put(svc, iev->case_id, ev.hash, *view);
	return rc;
}

static int open_in_tx(struct service *svc, const struct user *u, const char *role,
		      const struct authority *a, struct definition *d, int64_t id,
		      const json_t *body, int64_t now, json_t **view_out, struct error *err)
{
	json_t *input = json_pack("{s:s, s:s, s:i}", "workflow", d->id, "definition", d->hash,
				  "engine", INTERP_SEMANTICS);
	json_t *facts = json_object();
	json_t *view = NULL;
	char today[11];
	struct interp_event iev = { 0 };
	static const char *keys[] = { "members", "data", "state", "team", "parent", "transferred_from", "chronology" };
	size_t i;
	int rc;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (json_object_get(body, keys[i]))
			json_object_set(input, keys[i], json_object_get(body, keys[i]));
	calendar_format_date(calendar_local_date(now), today);
	json_object_set_new(facts, "today", json_string(today));
	svc_calendar_facts(a, facts);
	{
		/* users named in the case data, as they were when it opened */
		json_t *ids = json_array(), *users = json_object(), *uid;
		interp_user_fields(d, "open", body, ids);
		json_array_foreach(ids, i, uid)
			add_user_fact(svc, users, a->id, json_integer_value(uid));
		json_object_set_new(facts, "users", users);
		json_decref(ids);
	}
	{
		/* the teams a case may be opened in, as the authority declared them then */
		json_t *teams = json_array();
		for (i = 0; i < a->teams.n; i++)
			json_array_append_new(teams, json_string(a->teams.v[i]));
		json_object_set_new(facts, "teams", teams);
	}
	iev.case_id = id;
	iev.at = now;
	iev.user_id = u->id;
	iev.role = role;
	iev.kind = "open";
	iev.name = d->id;
	iev.input = input;
	iev.facts = facts;
	rc = svc_commit_event(svc, a, d, &view, &iev, NULL, err);
	json_decref(input);
	json_decref(facts);
	if (rc) {
		json_decref(view);
		return -1;
	}
	*view_out = view;
	return 0;
}

int service_open_case(struct service *svc, const struct user *u, const json_t *body,
		      json_t **view_out, struct error *err)
{
	const char *wf = json_string_value(json_object_get(body, "workflow"));
	const struct authority *a = service_authority(svc, u->authority);
	struct definition *d;
	const char *role;
	int64_t id, now = service_now(svc);
	const char *key;
	json_t *v;

	*view_out = NULL;
	if (!json_is_object(body))
		return error_field(err, ERR_INVALID, "invalid_input", "body", "the body must be a JSON object");
	json_object_foreach((json_t *)body, key, v)
		if (strcmp(key, "workflow") && strcmp(key, "members") && strcmp(key, "data") &&
		    strcmp(key, "state") && strcmp(key, "team"))
			return error_field(err, ERR_INVALID, "invalid_input", key, "unknown field '%s'", key);
	if (!wf)
		return error_field(err, ERR_INVALID, "invalid_input", "workflow", "field 'workflow' is required (text)");
	d = a ? service_definition(svc, a->id, wf) : NULL;
	if (!d)
		return error_field(err, ERR_INVALID, "invalid_input", "workflow", "%s has no workflow '%s'",
				   u->authority, wf);
	role = interp_role_for(d, "open", u->roles, u->id, NULL, NULL);
	if (store_begin(svc->store, err))
		return -1;
	if (store_case_new(svc->store, a->id, d->id, d->hash, now, err, &id) ||
	    open_in_tx(svc, u, role, a, d, id, body, now, view_out, err) ||
	    store_commit(svc->store, err)) {
		store_rollback(svc->store);
		json_decref(*view_out);
		*view_out = NULL;
		return -1;
	}
	return give(view_out);
}

/* Reserve the linked cases an action will open, recording their ids as a fact. */
static int reserve_spawns(struct service *svc, const struct authority *a, struct definition *d,
			  const char *action, json_t *facts, int64_t now, struct error *err)
{
	const struct action_def *ad = def_action(d, action);
	struct definition *child;
	int64_t id;
	if (!ad || !ad->spawn_workflow)
		return 0;
	child = service_definition(svc, a->id, ad->spawn_workflow);
	if (!child)
		return error_set(err, ERR_INTERNAL, "no_workflow", "%s spawns unknown workflow %s", action,
				 ad->spawn_workflow);
	if (store_case_new(svc->store, a->id, child->id, child->hash, now, err, &id))
		return -1;
	json_object_set_new(facts, "spawned", json_pack("[I]", (json_int_t)id));
	return 0;
}

/*
 * Move a family to another authority: input {authority, data, reason}. The
 * receiving authority's transfers.receive names the workflow and state; the
 * members, the referral data (validated there) and the chronology go with
 * the family, and the receiving clocks run on the receiving calendar.
 */
static int transfer(struct service *svc, const struct user *u, int64_t case_id, const json_t *input,
		    json_t **view_out, struct error *err)
{
	const struct authority *from = service_authority(svc, u->authority);
	const char *to_id = json_string_value(json_object_get(input, "authority"));
	const struct authority *to = service_authority(svc, to_id);
	const char *role = NULL, *key;
	struct definition *d, *td;
	json_t *view = NULL, *facts = NULL, *body = NULL, *tview = NULL, *v;
	struct interp_event iev = { 0 };
	int64_t now = service_now(svc), tid;
	char today[11];
	size_t i;
	int rc = -1;

	json_object_foreach((json_t *)input, key, v)
		if (strcmp(key, "authority") && strcmp(key, "data") && strcmp(key, "reason"))
			return error_field(err, ERR_INVALID, "invalid_input", key, "unknown field '%s'", key);
	for (i = 0; i < json_array_size(u->roles); i++)
		if (strlist_has(&from->transfer_out_by, json_string_value(json_array_get(u->roles, i))))
			role = json_string_value(json_array_get(u->roles, i));
	if (!role)
		return error_set(err, ERR_FORBIDDEN, "wrong_role", from->transfer_out_by.n
				 ? "%s lets only its named roles (transfers.out_by, e.g. %s) transfer a family to another authority"
				 : "%s names no role that may transfer a family (transfers.out_by)%s",
				 from->id, from->transfer_out_by.n ? from->transfer_out_by.v[0] : "");
	if (!to || to == from)
		return error_field(err, ERR_INVALID, "invalid_input", "authority",
				   "field 'authority' must name another authority");
	if (!json_is_string(json_object_get(input, "reason")))
		return error_field(err, ERR_INVALID, "invalid_input", "reason", "field 'reason' is required (text)");
	td = to->transfer_in_workflow ? service_definition(svc, to->id, to->transfer_in_workflow) : NULL;
	if (!td)
		return error_set(err, ERR_CONFLICT, "no_transfers_in", "%s does not receive transfers", to->id);
	if (store_begin(svc->store, err))
		return -1;
	view = svc_view_take(svc, u->authority, case_id, 0, err);
	if (!view || !(d = service_definition_by_hash(svc, json_string_value(json_object_get(view, "definition")), err)))
		goto done;
	if (store_case_new(svc->store, to->id, td->id, td->hash, now, err, &tid))
		goto done;
	calendar_format_date(calendar_local_date(now), today);
	facts = json_pack("{s:s, s:I}", "today", today, "transferred_to", (json_int_t)tid);
	svc_calendar_facts(from, facts);
	iev.case_id = case_id;
	iev.at = now;
	iev.user_id = u->id;
	iev.role = role;
	iev.kind = "transfer";
	iev.name = "transfer";
	iev.input = input;
	iev.facts = facts;
	if (svc_commit_event(svc, from, d, &view, &iev, NULL, err))
		goto done;
	body = json_pack("{s:O, s:O, s:s, s:{s:s, s:I}, s:O*}", "members", json_object_get(view, "members"),
			 "data", json_object_get(input, "data") ? json_object_get(input, "data") : json_object(),
			 "state", to->transfer_in_state, "transferred_from", "authority", from->id,
			 "case", (json_int_t)case_id, "chronology", json_object_get(view, "chronology"));
	if (open_in_tx(svc, u, "transfer", to, td, tid, body, now, &tview, err))
		goto done;
	rc = store_commit(svc->store, err);
done:
	if (rc) {
		store_rollback(svc->store);
		json_decref(view);
	} else {
		*view_out = view;
		give(view_out);
	}
	json_decref(tview);
	json_decref(body);
	json_decref(facts);
	return rc;
}

int service_act(struct service *svc, const struct user *u, int64_t case_id,
		const char *action, const json_t *input, json_t **view_out, struct error *err)
{
	json_t *view = NULL, *facts = NULL, *spawns = NULL, *sp;
	const struct authority *a = service_authority(svc, u->authority);
	struct definition *d;
	struct interp_event iev = { 0 };
	int64_t now = service_now(svc);
	const char *kind = "action", *name = action;
	json_t *in;
	size_t i;
	int rc = -1;

	if (view_out)
		*view_out = NULL;
	if (input && !json_is_object(input) && !json_is_null(input))
		return error_field(err, ERR_INVALID, "invalid_input", "input", "input must be a JSON object");
	if (strcmp(action, "transfer") == 0) {
		json_t *none = json_is_object(input) ? NULL : json_object();
		json_t *tv = NULL;
		int trc;
		svc_fire_due(svc, case_id, now, NULL, NULL);   /* as below */
		trc = transfer(svc, u, case_id, none ? none : input, &tv, err);
		json_decref(none);
		if (view_out)
			*view_out = tv;
		else
			json_decref(tv);
		return trc;
	}
	in = json_is_object(input) ? json_incref((json_t *)input) : json_object();
	if (store_begin(svc->store, err)) {
		json_decref(in);
		return -1;
	}
	view = svc_view_take(svc, u->authority, case_id, 1, err);
	if (view && view_due(view, now)) {
		/*
		 * The case's own clocks that have already run out are breached first,
		 * each an event of its own, so the action sees them breached (met
		 * late, on_breach reactions) and the case's events stay in time
		 * order. Asked of the view the action reads anyway: a query of the
		 * timescales table in a read transaction of its own before every
		 * action was a twentieth of one (bench/README.md).
		 */
		store_rollback(svc->store);
		json_decref(view);
		svc_fire_due(svc, case_id, now, NULL, NULL);
		if (store_begin(svc->store, err)) {
			json_decref(in);
			return -1;
		}
		view = svc_view_take(svc, u->authority, case_id, 1, err);
	}
	if (!view || !a)
		goto done;
	d = service_definition_by_hash(svc, json_string_value(json_object_get(view, "definition")), err);
	if (!d)
		goto done;
	if (strcmp(action, "add_record") == 0)
		kind = "record";
	facts = read_facts(svc, a, d, action, in, view, now, err);
	if (!facts || reserve_spawns(svc, a, d, action, facts, now, err))
		goto done;
	iev.case_id = case_id;
	iev.at = now;
	iev.user_id = u->id;
	iev.role = interp_role_for(d, action, u->roles, u->id, view, in);
	iev.kind = kind;
	iev.name = name;
	iev.input = in;
	iev.facts = facts;
	if (svc_commit_event(svc, a, d, &view, &iev, &spawns, err))
		goto done;
	json_array_foreach(spawns, i, sp) {
		struct definition *child = service_definition(svc, a->id, json_string_value(json_object_get(sp, "workflow")));
		json_t *body = json_pack("{s:O, s:O, s:O, s:I}", "members", json_object_get(sp, "members"),
					 "data", json_object_get(sp, "data"), "team", json_object_get(view, "team"),
					 "parent", (json_int_t)case_id);
		json_t *cview = NULL;
		int64_t cid = json_integer_value(json_array_get(json_object_get(facts, "spawned"), i));
		int crc = open_in_tx(svc, u, "linked", a, child, cid, body, now, &cview, err);
		json_decref(body);
		json_decref(cview);
		if (crc)
			goto done;
	}
	rc = store_commit(svc->store, err);
done:
	if (rc) {
		store_rollback(svc->store);
		json_decref(view);
	} else if (view_out) {
		/* the whole view: the settled clocks the action left as stand-ins, parsed now */
		*view_out = view;
		give(view_out);
		if (dump_view_expand(*view_out)) {
			json_decref(*view_out);
			*view_out = store_case_view(svc->store, NULL, case_id, NULL);
		}
	} else {
		json_decref(view);
	}
	json_decref(facts);
	json_decref(spawns);
	json_decref(in);
	return rc;
}

/* Who looked: queued, and written in batches (readlog.c). */
static void log_read_of(struct service *svc, int64_t case_id, int64_t user_id)
{
	readlog_add(svc->reads, svc->store, case_id, user_id, service_now(svc));
}

json_t *service_case_view(struct service *svc, const struct user *u, int64_t case_id,
			  int log_read, struct error *err)
{
	json_t *cached = view_get(svc, u->authority, case_id, 0, err), *view;
	struct definition *d;
	if (!cached)
		return NULL;
	view = json_copy(cached);   /* shallow: only the "actions" key is added */
	json_decref(cached);
	d = service_definition_by_hash(svc, json_string_value(json_object_get(view, "definition")), err);
	if (!d) {
		json_decref(view);
		return NULL;
	}
	json_object_set_new(view, "actions", interp_available(d, view, u->roles, u->id));
	if (log_read)
		log_read_of(svc, case_id, u->id);
	return view;
}

char *service_case_view_text(struct service *svc, const struct user *u, int64_t case_id,
			     int log_read, struct error *err)
{
	char *text = NULL, *state = NULL, *actions_text, *out = NULL, hash[65];
	int64_t assigned = 0;
	struct definition *d;
	json_t *brief, *actions;
	size_t len;

	if (store_case_text(svc->store, u->authority, case_id, &text, hash, &state, &assigned, err))
		return NULL;
	d = service_definition_by_hash(svc, hash, err);
	len = text ? strlen(text) : 0;
	if (d && len >= 2 && text[len - 1] == '}') {
		/* what interp_available reads of a case: its state and its worker */
		brief = json_pack("{s:s, s:o}", "state", state ? state : "",
				  "assigned", assigned ? json_integer(assigned) : json_null());
		actions = interp_available(d, brief, u->roles, u->id);
		actions_text = dump_json(actions, 0);
		{
			/* text minus its '}', then ,"actions":[...]} (a printf of 7 KB cost a tenth of the request) */
			static const char key[] = ",\"actions\":";
			size_t alen = strlen(actions_text);
			out = xmalloc(len - 1 + sizeof key - 1 + alen + 2);
			memcpy(out, text, len - 1);
			memcpy(out + len - 1, key, sizeof key - 1);
			memcpy(out + len - 1 + sizeof key - 1, actions_text, alen);
			memcpy(out + len - 1 + sizeof key - 1 + alen, "}", 2);
		}
		free(actions_text);
		json_decref(actions);
		json_decref(brief);
		if (log_read)
			log_read_of(svc, case_id, u->id);
	} else if (d) {
		error_set(err, ERR_INTERNAL, "store_error", "case %lld has no stored view", (long long)case_id);
	}
	free(text);
	free(state);
	return out;
}

int service_migrate(struct service *svc, int64_t case_id, const char *to, const json_t *map,
		    const char *reason, int apply, json_t **report, struct error *err)
{
	char hash[65];
	json_t *view = NULL, *before = NULL, *input = NULL, *facts = NULL, *changes, *t;
	const struct authority *a;
	struct definition *nd;
	struct interp_event iev = { 0 };
	const char *state, *mapped;
	char today[11];
	size_t i;
	int rc = -1;

	*report = NULL;
	if (!reason || !*reason)
		return error_field(err, ERR_INVALID, "invalid_input", "reason", "a migration needs a reason");
	if (store_definition_resolve(svc->store, to, hash, err) || !(nd = service_definition_by_hash(svc, hash, err)))
		return -1;
	if (store_begin(svc->store, err))
		return -1;
	view = svc_view_take(svc, NULL, case_id, 0, err);
	if (!view || !(a = service_authority(svc, json_string_value(json_object_get(view, "authority")))))
		goto done;
	before = json_deep_copy(view);
	state = json_string_value(json_object_get(view, "state"));
	mapped = json_string_value(json_object_get(map, state));
	calendar_format_date(calendar_local_date(service_now(svc)), today);
	input = json_pack("{s:O, s:s, s:s, s:s, s:O}", "from", json_object_get(view, "definition"), "to", hash,
			  "state", mapped ? mapped : state, "reason", reason, "map", map ? map : json_object());
	facts = json_pack("{s:s}", "today", today);
	svc_calendar_facts(a, facts);
	iev.case_id = case_id;
	iev.at = service_now(svc);
	iev.role = "migration";
	iev.kind = "migrate";
	iev.name = "migrate";
	iev.input = input;
	iev.facts = facts;
	iev.migrate_to = nd;
	if (svc_commit_event(svc, a, nd, &view, &iev, NULL, err))
		goto done;
	/* What moved: every clock that was pending before, as it is after. */
	changes = json_array();
	json_array_foreach(json_object_get(before, "timescales"), i, t) {
		json_t *after = NULL, *x;
		size_t j;
		if (strcmp(json_string_value(json_object_get(t, "status")), "pending") != 0)
			continue;
		json_array_foreach(json_object_get(view, "timescales"), j, x)
			if (json_equal(json_object_get(x, "key"), json_object_get(t, "key")))
				after = x;
		if (after && json_equal(json_object_get(after, "due"), json_object_get(t, "due")) &&
		    json_equal(json_object_get(after, "status"), json_object_get(t, "status")))
			continue;
		json_array_append_new(changes, json_pack("{s:O, s:O, s:O*, s:O*, s:O*}", "key", json_object_get(t, "key"),
			"from_due", json_object_get(t, "due"), "to_due", after ? json_object_get(after, "due") : NULL,
			"status", after ? json_object_get(after, "status") : NULL, "rule", after ? json_object_get(after, "rule") : NULL));
	}
	*report = json_pack("{s:I, s:O, s:s, s:{s:O, s:O}, s:o, s:b}", "case", (json_int_t)case_id,
			    "from", json_object_get(before, "definition"), "to", hash, "state",
			    "from", json_object_get(before, "state"), "to", json_object_get(view, "state"),
			    "timescales", changes, "applied", apply);
	rc = apply ? store_commit(svc->store, err) : 0;
	if (!apply)
		store_rollback(svc->store);
done:
	if (rc) {
		store_rollback(svc->store);
		json_decref(*report);
		*report = NULL;
	}
	json_decref(view);
	json_decref(before);
	json_decref(input);
	json_decref(facts);
	return rc;
}

int service_flush_reads(struct service *svc, struct error *err)
{
	return readlog_flush(svc->reads, svc->store, err);
}

json_t *service_reads(struct service *svc, int64_t case_id, struct error *err)
{
	json_t *out, *rows, *r;
	size_t i;
	if (service_flush_reads(svc, err))
		return NULL;
	if (!(out = store_reads(svc->store, case_id, err)))   /* those logged before store version 5 */
		return NULL;
	if (!(rows = readlog_reads(svc->reads, svc->store, case_id, err))) {
		json_decref(out);
		return NULL;
	}
	json_array_foreach(rows, i, r) {
		int64_t user = json_integer_value(json_array_get(r, 0));
		char *name = store_user_name(svc->store, user);
		json_array_append_new(out, json_pack("{s:I, s:s?, s:I}", "user", (json_int_t)user, "name", name,
						     "at_epoch", json_integer_value(json_array_get(r, 1))));
		free(name);
	}
	json_decref(rows);
	return out;
}

