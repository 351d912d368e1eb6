/*
 * replay.c: replaying a case from its events, and verifying the store.
 *
 * Replay re-executes each stored event through the definition version the
 * case was opened under (its hash is in the open event, so the hash chain
 * covers it) with the facts recorded at decision time, and compares the
 * result with the stored projection. It also re-derives every event's hash,
 * so an edit, deletion or reordering made behind the engine's back is found
 * and named by event. With another definition file it is a what-if: refused
 * actions and moved due dates are reported instead of divergences.
 *
 * Reads only; never writes the store.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "dump.h"
#include "error.h"
#include "interp.h"
#include "service.h"
#include "service_impl.h"
#include "store.h"
#include "util.h"

/* The first path at which a and b differ, into buf; 0 if equal. */
static int first_diff(const json_t *a, const json_t *b, const char *path, char *buf, size_t len)
{
	const char *key;
	json_t *v;
	size_t i;
	char sub[512];

	if (json_equal(a, b))
		return 0;
	if (json_is_object(a) && json_is_object(b)) {
		json_object_foreach((json_t *)a, key, v) {
			snprintf(sub, sizeof sub, "%s.%s", path, key);
			if (first_diff(v, json_object_get(b, key), sub, buf, len))
				return 1;
		}
		json_object_foreach((json_t *)b, key, v)
			if (!json_object_get(a, key)) {
				snprintf(buf, len, "%s.%s", path, key);
				return 1;
			}
	} else if (json_is_array(a) && json_is_array(b)) {
		for (i = 0; i < json_array_size(a) && i < json_array_size(b); i++) {
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			if (first_diff(json_array_get(a, i), json_array_get(b, i), sub, buf, len))
				return 1;
		}
		snprintf(buf, len, "%s[%zu]", path, i);
		return 1;
	}
	snprintf(buf, len, "%s", path);
	return 1;
}

/* The value at a path made by first_diff (".a.b[2].c"), or NULL. */
static json_t *at_path(json_t *v, const char *path)
{
	char name[256];
	while (v && *path) {
		if (*path == '.') {
			size_t n = strcspn(path + 1, ".[");
			if (n >= sizeof name)
				return NULL;
			memcpy(name, path + 1, n);
			name[n] = '\0';
			v = json_object_get(v, name);
			path += n + 1;
		} else if (*path == '[') {
			v = json_array_get(v, strtoul(path + 1, NULL, 10));
			path = strchr(path, ']');
			if (!path)
				return NULL;
			path++;
		} else {
			return NULL;
		}
	}
	return v;
}

static json_t *timescale_summary(const json_t *view)
{
	json_t *out = json_array(), *t;
	size_t i;
	json_array_foreach(json_object_get(view, "timescales"), i, t)
		json_array_append_new(out, json_pack("{s:O, s:O, s:O, s:O}", "key", json_object_get(t, "key"),
			"status", json_object_get(t, "status"), "due", json_object_get(t, "due"),
			"line", json_object_get(t, "line")));
	return out;
}

/* Check the hash chain of events; returns a problem object or NULL. */
static json_t *check_chain(int64_t case_id, const json_t *events)
{
	char prev[65] = "", hash[65];
	json_t *e;
	size_t i;
	json_array_foreach(events, i, e) {
		struct event ev = { 0 };
		int64_t seq = json_integer_value(json_object_get(e, "seq"));
		if (seq != (int64_t)i + 1)
			return json_pack("{s:I, s:s}", "seq", (json_int_t)seq,
					 "problem", "events are missing or out of order");
		if (strcmp(json_string_value(json_object_get(e, "prev_hash")), prev) != 0)
			return json_pack("{s:I, s:s}", "seq", (json_int_t)seq,
					 "problem", "the event does not follow the one before it (chain broken)");
		ev.case_id = case_id;
		ev.seq = seq;
		ev.at = json_integer_value(json_object_get(e, "at"));
		ev.user_id = json_integer_value(json_object_get(e, "user"));
		ev.role = json_string_value(json_object_get(e, "role"));
		ev.kind = json_string_value(json_object_get(e, "kind"));
		ev.name = json_string_value(json_object_get(e, "name"));
		ev.input = json_object_get(e, "input");
		ev.facts = json_object_get(e, "facts");
		snprintf(ev.prev_hash, sizeof ev.prev_hash, "%s", prev);
		event_hash(&ev, hash);
		if (strcmp(hash, json_string_value(json_object_get(e, "hash"))) != 0)
			return json_pack("{s:I, s:s}", "seq", (json_int_t)seq,
					 "problem", "the event's content does not match its hash (edited)");
		snprintf(prev, sizeof prev, "%s", hash);
	}
	return NULL;
}

/* Replay one case; with_timeline 0 skips building the per-event timeline (verify). */
static json_t *replay_case(struct service *svc, const char *authority, int64_t case_id,
			   int64_t as_of, const char *def_path, int with_timeline, struct error *err)
{
	/*
	 * The stored view is compared as text (replay writes the same bytes the
	 * engine stored) and parsed only to say where they differ, or for a
	 * what-if: parsing 7 KB cost more than replaying its case's events.
	 */
	char *stored_text = NULL, *case_authority = NULL, *last_text = NULL;
	json_t *stored = NULL;
	json_t *events = NULL, *report = NULL, *timeline, *refused, *view = NULL, *e, *chain;
	const struct authority *a;
	struct definition *d = NULL, *owned = NULL;
	const char *hash;
	size_t i;
	int diverged = 0;
	char path[512];

	if (store_case_stored(svc->store, authority, case_id, &case_authority, &stored_text, err))
		return NULL;
	if (def_path && !(stored = dump_load(stored_text))) {
		error_set(err, ERR_INTERNAL, "store_error", "case %lld: the stored view is not JSON", (long long)case_id);
		goto done;
	}
	events = store_events(svc->store, case_id, err);
	if (!events)
		goto done;
	a = service_authority(svc, case_authority);
	if (!a) {
		error_set(err, ERR_INTERNAL, "no_authority", "case %lld has an unknown authority", (long long)case_id);
		goto done;
	}
	hash = json_string_value(json_object_get(json_object_get(json_array_get(events, 0), "input"), "definition"));
	if (def_path) {
		owned = d = service_load_definition_file(a, def_path, NULL, err);
	} else if (hash) {
		d = service_definition_by_hash(svc, hash, err);
	} else {
		error_set(err, ERR_INTERNAL, "no_definition", "case %lld has no open event", (long long)case_id);
	}
	if (!d)
		goto done;
	report = json_pack("{s:I, s:I, s:s, s:i}", "case", (json_int_t)case_id,
			   "events", (json_int_t)json_array_size(events), "definition", d->hash,
			   "engine", INTERP_SEMANTICS);
	{
		json_t *written = json_object_get(json_object_get(json_array_get(events, 0), "input"), "engine");
		json_object_set_new(report, "written_under_engine", json_integer(json_integer_value(written)));
	}
	chain = check_chain(case_id, events);
	json_object_set_new(report, "chain_ok", json_boolean(!chain));
	if (chain)
		json_object_set_new(report, "chain_problem", chain);
	timeline = json_array();
	refused = json_array();
	json_array_foreach(events, i, e) {
		struct interp_event iev = { 0 };
		struct error aerr = { 0 };
		json_t *step;
		iev.case_id = case_id;
		iev.seq = json_integer_value(json_object_get(e, "seq"));
		iev.at = json_integer_value(json_object_get(e, "at"));
		if (as_of && iev.at > as_of)
			break;
		iev.user_id = json_integer_value(json_object_get(e, "user"));
		iev.role = json_string_value(json_object_get(e, "role"));
		iev.kind = json_string_value(json_object_get(e, "kind"));
		iev.name = json_string_value(json_object_get(e, "name"));
		iev.input = json_object_get(e, "input");
		iev.facts = json_object_get(e, "facts");
		if (strcmp(iev.kind, "migrate") == 0 && !def_path) {
			/* From here on the case runs under the version it moved to. */
			struct definition *nd = service_definition_by_hash(svc,
				json_string_value(json_object_get(iev.input, "to")), err);
			if (!nd)
				goto done;
			iev.migrate_to = nd;
		} else if (strcmp(iev.kind, "migrate") == 0) {
			iev.migrate_to = d;   /* a what-if keeps the one definition it was given */
		}
		step = json_pack("{s:I, s:O, s:I, s:O, s:s, s:s}", "seq", (json_int_t)iev.seq,
				 "at", json_object_get(e, "at"), "user", (json_int_t)iev.user_id,
				 "role", json_object_get(e, "role"), "kind", iev.kind, "name", iev.name);
		if (with_timeline) {
			char when[32];
			calendar_format_instant(iev.at, when);
			json_object_set_new(step, "at", json_string(when));
		}
		/*
		 * A what-if keeps folding past a refused event, so it works on a
		 * copy; a replay owns its view and stops at the first refusal.
		 */
		if ((def_path ? interp_apply(a, d, &view, &iev, NULL, &aerr)
			      : interp_apply_owned(a, d, &view, &iev, NULL, &aerr)) == 0 && iev.migrate_to) {
			d = iev.migrate_to;
		} else if (aerr.kind != ERR_NONE) {
			json_t *why = json_pack("{s:I, s:s, s:s, s:s}", "seq", (json_int_t)iev.seq, "name", iev.name,
						"code", aerr.code, "message", aerr.message);
			json_object_set_new(step, "refused", json_string(aerr.message));
			if (def_path) {
				json_array_append_new(refused, why);
			} else if (!diverged) {
				diverged = 1;
				json_object_set_new(report, "divergence", why);
			} else {
				json_decref(why);
			}
			if (!def_path) {
				if (with_timeline)
					json_array_append_new(timeline, step);
				else
					json_decref(step);
				break;
			}
		}
		if (!with_timeline) {
			json_decref(step);
			step = NULL;
		} else {
			json_object_set(step, "state", json_object_get(view, "state") ? json_object_get(view, "state") : json_null());
		}
		if (!def_path && !diverged && view && aerr.kind == ERR_NONE) {
			/* At every event: the view replay produced must be the one the engine stored then. */
			char *text = store_view_text(view), h[65];
			const char *want = json_string_value(json_object_get(e, "view_hash"));
			store_view_hash(text, h);
			free(last_text);
			last_text = text;   /* the last one is compared with the stored view */
			if (want && *want && strcmp(h, want) != 0) {
				diverged = 1;
				json_object_set_new(report, "divergence", json_pack("{s:I, s:s, s:s}", "seq", (json_int_t)iev.seq,
					"name", iev.name, "message", "the view replayed after this event differs from the one stored when it happened"));
			}
		}
		if (step) {
			json_object_set_new(step, "timescales", timescale_summary(view));
			json_array_append_new(timeline, step);
		}
	}
	json_object_set_new(report, "timeline", timeline);
	if (def_path) {
		json_t *moved = json_array(), *t;
		json_object_set_new(report, "refused", refused);
		json_array_foreach(json_object_get(stored, "timescales"), i, t) {
			const char *key = json_string_value(json_object_get(t, "key"));
			json_t *r = NULL, *rt;
			size_t j;
			json_array_foreach(json_object_get(view, "timescales"), j, rt)
				if (strcmp(json_string_value(json_object_get(rt, "key")), key) == 0)
					r = rt;
			if (!r || !json_equal(json_object_get(r, "due"), json_object_get(t, "due")) ||
			    !json_equal(json_object_get(r, "status"), json_object_get(t, "status")))
				json_array_append_new(moved, json_pack("{s:s, s:O, s:O, s:O, s:o}", "key", key,
					"stored_due", json_object_get(t, "due"), "stored_status", json_object_get(t, "status"),
					"replayed_due", r ? json_object_get(r, "due") : json_null(),
					"replayed_status", r ? json_incref(json_object_get(r, "status")) : json_string("absent")));
		}
		json_object_set_new(report, "timescales_changed", moved);
	} else {
		int same = last_text && strcmp(last_text, stored_text) == 0;
		json_decref(refused);
		if (!as_of && !diverged && !same && !stored && !(stored = dump_load(stored_text))) {
			diverged = 1;
			json_object_set_new(report, "divergence", json_pack("{s:s}", "message", "the stored view is not JSON"));
		}
		if (!as_of && !diverged && !same && first_diff(stored, view, "", path, sizeof path)) {
			diverged = 1;
			json_object_set_new(report, "divergence", json_pack("{s:s, s:O, s:O}", "path", path,
				"stored", at_path(stored, path) ? at_path(stored, path) : json_null(),
				"replayed", at_path(view, path) ? at_path(view, path) : json_null()));
		}
		json_object_set_new(report, "matches", json_boolean(!diverged && !chain));
		if (diverged && json_integer_value(json_object_get(report, "written_under_engine")) != INTERP_SEMANTICS)
			json_object_set_new(report, "note", json_sprintf(
				"the case was written under engine semantics %lld and replayed under %d: "
				"the divergence may come from the engine, not from the case",
				(long long)json_integer_value(json_object_get(report, "written_under_engine")), INTERP_SEMANTICS));
	}
	json_object_set_new(report, "view", view ? view : json_null());
	view = NULL;
done:
	def_free(owned);
	json_decref(view);
	json_decref(events);
	json_decref(stored);
	free(stored_text);
	free(case_authority);
	free(last_text);
	return report;
}

json_t *service_replay(struct service *svc, const char *authority, int64_t case_id,
		       int64_t as_of, const char *def_path, struct error *err)
{
	return replay_case(svc, authority, case_id, as_of, def_path, 1, err);
}

json_t *service_verify(struct service *svc, const char *authority, struct error *err)
{
	struct case_filter f = { .authority = authority };
	json_t *ids = store_case_ids(svc->store, &f, err), *id, *failures, *report;
	size_t i;
	json_int_t events = 0;

	if (!ids)
		return NULL;
	failures = json_array();
	json_array_foreach(ids, i, id) {
		struct error rerr = { 0 };
		json_t *r = replay_case(svc, NULL, json_integer_value(id), 0, NULL, 0, &rerr);
		if (!r) {
			json_array_append_new(failures, json_pack("{s:O, s:s}", "case", id, "problem", rerr.message));
			continue;
		}
		events += json_integer_value(json_object_get(r, "events"));
		if (!json_is_true(json_object_get(r, "matches")))
			json_array_append_new(failures, json_pack("{s:O, s:O, s:O*, s:O*, s:O*}", "case", id,
				"chain_ok", json_object_get(r, "chain_ok"),
				"chain_problem", json_object_get(r, "chain_problem"),
				"divergence", json_object_get(r, "divergence"),
				"note", json_object_get(r, "note")));
		json_decref(r);
	}
	report = json_pack("{s:I, s:I, s:b, s:o}", "cases", (json_int_t)json_array_size(ids),
			   "events", events, "ok", json_array_size(failures) == 0, "failures", failures);
	json_decref(ids);
	return report;
}
