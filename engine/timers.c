/*
 * timers.c: the clock (real, or virtual for tests and simulation) and the
 * breaches: due timescales become breach events, one at a time in due order,
 * each all or nothing (DESIGN.md §5 says "each in its own transaction"; here
 * each is its own savepoint, and a group of them shares one commit: see
 * svc_fire_due). Must never hold a timer only in memory: what is due is
 * always read from the store.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "interp.h"
#include "service.h"
#include "service_impl.h"
#include "store.h"
#include "util.h"

int64_t service_now(const struct service *svc)
{
	return svc->virtual_clock ? svc->now : (int64_t)time(NULL);
}

int service_is_virtual(const struct service *svc)
{
	return svc->virtual_clock;
}

void service_clock_set(struct service *svc, int64_t now)
{
	svc->now = now;
}

int service_advance(struct service *svc, int64_t now, int *fired, struct error *err)
{
	if (!svc->virtual_clock)
		return error_set(err, ERR_NOT_FOUND, "not_found", "the clock is real: it cannot be moved");
	if (now < svc->now)
		return error_field(err, ERR_INVALID, "invalid_input", "now", "the virtual clock never moves backwards");
	if (service_fire_due(svc, now, fired, err))
		return -1;
	svc->now = now;
	return 0;
}


/* --- timers ------------------------------------------------------------------ */

/*
 * Record one breach. If the workflow's on_breach effect fails, the breach is
 * recorded all the same, without the reaction, and the error is kept in the
 * event's facts (replay reads it and does the same): a broken reaction must
 * not stop a statutory clock from being seen as breached.
 */
static int fire_one(struct service *svc, int64_t case_id, const char *key, int64_t due,
		    struct error *err)
{
	json_t *view, *input, *facts;
	struct definition *d;
	const struct authority *a;
	struct interp_event iev = { 0 };
	char today[11];
	int rc = -1, attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		struct error first = { 0 };
		if (store_begin(svc->store, err))
			return -1;
		view = svc_view_take(svc, NULL, case_id, 1, err);   /* only changed and stored: stand-ins will do */
		if (!view) {
			store_rollback(svc->store);
			return -1;
		}
		a = service_authority(svc, json_string_value(json_object_get(view, "authority")));
		d = service_definition_by_hash(svc, json_string_value(json_object_get(view, "definition")), err);
		if (!a || !d) {
			store_rollback(svc->store);
			json_decref(view);
			return -1;
		}
		/* A breach happens the second after the due instant, however late the timer runs. */
		input = json_pack("{s:s}", "key", key);
		calendar_format_date(calendar_local_date(due + 1), today);
		facts = json_pack("{s:s}", "today", today);
		svc_calendar_facts(a, facts);
		if (attempt == 1)
			json_object_set_new(facts, "on_breach_error", json_string(err->message));
		iev.case_id = case_id;
		iev.at = due + 1;
		iev.kind = "timer";
		iev.name = "breach";
		iev.input = input;
		iev.facts = facts;
		rc = svc_commit_event(svc, a, d, &view, &iev, NULL, attempt == 0 ? &first : err);
		json_decref(input);
		json_decref(facts);
		if (rc == 0)
			rc = store_commit(svc->store, err);
		else
			store_rollback(svc->store);
		json_decref(view);
		if (rc == 0 || attempt == 1 || first.kind != ERR_SCRIPT)
			break;
		*err = first;   /* the reaction failed: record the breach without it */
	}
	return rc;
}

/*
 * Fire due timers of one case (case_id) or of all (0), earliest first, one at
 * a time (a breach may start a clock that is itself already due). A timer
 * that cannot be recorded is skipped and left pending for the next run, so
 * one broken case cannot hold up every other clock.
 *
 * Firing all of them, each breach is still its own operation (a savepoint),
 * but they share a commit (store_group_begin), BREACH_GROUP or BREACH_GROUP_MS
 * worth at a time, whichever comes first: a million clocks coming due at once
 * would otherwise wait for a million fsyncs, and the time limit keeps the
 * write lock short for the other writers (the read log, the CLI). If a
 * group's commit fails, its breaches stay pending and fire on the next run.
 */
#define BREACH_GROUP 512
#define BREACH_GROUP_MS 5

int svc_fire_due(struct service *svc, int64_t case_id, int64_t now, int *fired, struct error *err)
{
	int64_t *failed = NULL;
	char **failed_keys = NULL;
	size_t nfailed = 0, i;
	int n = 0, rc = 0, committed = 0, lost = 0;
	int own = case_id == 0 && !store_group_open(svc->store) && store_group_begin(svc->store, NULL) == 0;
	double began = util_monotonic_ms();

	for (;;) {
		json_t *due, *row, *pick = NULL;
		size_t j;
		if (own && n > committed && (n - committed >= BREACH_GROUP || util_monotonic_ms() - began >= BREACH_GROUP_MS)) {
			own = 0;
			if (store_group_commit(svc->store, err)) {
				rc = lost = -1;
				break;
			}
			committed = n;
			own = store_group_begin(svc->store, NULL) == 0;
			began = util_monotonic_ms();
		}
		due = store_due(svc->store, case_id, now, (int)nfailed + 1, err);
		if (!due) {
			rc = -1;
			break;
		}
		json_array_foreach(due, j, row) {
			int skip = 0;
			for (i = 0; i < nfailed; i++)
				if (failed[i] == json_integer_value(json_array_get(row, 0)) &&
				    strcmp(failed_keys[i], json_string_value(json_array_get(row, 1))) == 0)
					skip = 1;
			if (!skip) {
				pick = row;
				break;
			}
		}
		if (!pick) {
			json_decref(due);
			break;
		}
		{
			int64_t cid = json_integer_value(json_array_get(pick, 0));
			int64_t at = json_integer_value(json_array_get(pick, 2));
			const char *key = json_string_value(json_array_get(pick, 1));
			struct error ferr = { 0 };
			/* Virtual time passes each due instant in order. */
			if (svc->virtual_clock && at + 1 > svc->now)
				svc->now = at + 1 < now ? at + 1 : now;
			if (fire_one(svc, cid, key, at, &ferr) == 0) {
				n++;
			} else {
				if (rc == 0 && err)
					*err = ferr;
				rc = -1;
				failed = xrealloc(failed, (nfailed + 1) * sizeof *failed);
				failed_keys = xrealloc(failed_keys, (nfailed + 1) * sizeof *failed_keys);
				failed[nfailed] = cid;
				failed_keys[nfailed++] = xstrdup(key);
				if (store_group_lost(svc->store)) {
					/* SQLite rolled the group back: every breach in it is pending again */
					json_decref(due);
					lost = 1;
					break;
				}
			}
		}
		json_decref(due);
	}
	if (own) {
		if (store_group_commit(svc->store, rc ? NULL : err))
			rc = -1;
		else
			committed = n;
	} else if (!lost) {
		committed = n;   /* each on its own, or in the caller's group */
	}
	for (i = 0; i < nfailed; i++)
		free(failed_keys[i]);
	free(failed_keys);
	free(failed);
	if (fired)
		*fired = committed;
	return rc;
}

int service_fire_due(struct service *svc, int64_t now, int *fired, struct error *err)
{
	return svc_fire_due(svc, 0, now, fired, err);
}

int service_next_due(struct service *svc, int64_t *due)
{
	return store_next_due(svc->store, due, NULL);
}

