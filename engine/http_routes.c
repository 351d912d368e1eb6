/*
 * http_routes.c: the route table and its handlers (DESIGN.md §6). Each
 * handler parses its parameters, calls the service with the caller, and
 * replies; no rule lives here. Every query is scoped to the caller's
 * authority: another authority's case answers 404, exactly like a missing one.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "http.h"
#include "interp.h"
#include "report.h"
#include "server.h"
#include "service.h"
#include "store.h"
#include "util.h"

#define LIST_DEFAULT 50
#define LIST_MAX 500

/* A page size from 1 to LIST_MAX (0 if s is not one). */
static int page_limit(const char *s)
{
	int64_t v = util_id(s);
	return v > 0 && v <= LIST_MAX ? (int)v : 0;
}

static int not_found(struct request *rq)
{
	struct error err = { 0 };
	error_set(&err, ERR_NOT_FOUND, "not_found", "no such case");
	return http_reply_error(rq, &err);
}

static int bad_query(struct request *rq, const char *name, const char *expected)
{
	struct error err = { 0 };
	error_field(&err, ERR_INVALID, "invalid_input", name, "query parameter '%s' must be %s", name, expected);
	return http_reply_error(rq, &err);
}

static int h_health(struct request *rq)
{
	int64_t pending = 0, breached = 0, cases = 0;
	store_counts(service_store(rq->svc), &pending, &breached, &cases);
	return http_reply_json(rq, 200, json_pack("{s:s, s:s, s:I, s:I}", "status", "ok", "clock",
		service_is_virtual(rq->svc) ? "virtual" : "real", "cases", (json_int_t)cases,
		"pending_timescales", (json_int_t)pending));
}

static int h_metrics(struct request *rq)
{
	char *text = http_metrics_text(rq);
	int status = http_reply_text(rq, 200, "text/plain; version=0.0.4", text);
	free(text);
	return status;
}

static int h_workflows(struct request *rq)
{
	const struct authority *a = service_authority(rq->svc, rq->user.authority);
	json_t *out = json_array();
	size_t i, j;
	for (i = 0; a && i < a->workflows.n; i++) {
		struct definition *d = service_definition(rq->svc, a->id, a->workflows.v[i]);
		json_t *states = json_array(), *ts = json_array(), *actions = json_array(), *data = json_array();
		if (!d)
			continue;
		for (j = 0; j < d->nstates; j++)
			json_array_append_new(states, json_pack("{s:s, s:s, s:b, s:i}", "name", d->states[j].name,
				"title", d->states[j].title, "terminal", d->states[j].terminal, "line", d->states[j].cites));
		for (j = 0; j < d->ntimescales; j++) {
			char *rule = def_rule_text(&d->timescales[j]);
			json_array_append_new(ts, json_pack("{s:s, s:s, s:s, s:i}", "name", d->timescales[j].name,
				"what", d->timescales[j].what, "rule", rule, "line", d->timescales[j].cites));
			free(rule);
		}
		for (j = 0; j < d->nactions; j++) {
			json_t *by = json_array();
			size_t k;
			for (k = 0; k < d->actions[j].by.n; k++)
				json_array_append_new(by, json_string(d->actions[j].by.v[k]));
			json_array_append_new(actions, json_pack("{s:s, s:s, s:o, s:i, s:o}", "name", d->actions[j].name,
				"title", d->actions[j].title, "by", by, "line", d->actions[j].cites,
				"input", interp_schema_json(d, d->actions[j].name)));
		}
		for (j = 0; j < d->data.n; j++)
			json_array_append_new(data, json_pack("{s:s, s:b}", "name", d->data.fields[j].name,
				"required", d->data.fields[j].required));
		json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o}", "id", d->id,
			"title", d->title, "version", d->hash, "initial", d->initial, "data", data,
			"states", states, "actions", actions, "timescales", ts));
	}
	return http_reply_json(rq, 200, json_pack("{s:o}", "workflows", out));
}

static int h_open(struct request *rq)
{
	json_t *view = NULL;
	struct error err = { 0 };
	if (!json_is_object(rq->body)) {
		error_field(&err, ERR_INVALID, "invalid_input", "body", "send a JSON object {workflow, members, data}");
		return http_reply_error(rq, &err);
	}
	if (service_open_case(rq->svc, &rq->user, rq->body, &view, &err))
		return http_reply_error(rq, &err);
	json_object_set_new(view, "actions", interp_available(
		service_definition_by_hash(rq->svc, json_string_value(json_object_get(view, "definition")), NULL),
		view, rq->user.roles, rq->user.id));
	return http_reply_json(rq, 201, view);
}

/* The next pending timescale of a view, and whether any is breached. */
static json_t *summary(json_t *view)
{
	json_t *t, *next = NULL;
	size_t i;
	int breached = 0;
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		const char *st = json_string_value(json_object_get(t, "status"));
		if (strcmp(st, "breached") == 0)
			breached++;
		if (strcmp(st, "pending") == 0 && (!next || json_integer_value(json_object_get(t, "due_epoch")) <
						   json_integer_value(json_object_get(next, "due_epoch"))))
			next = t;
	}
	return json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:i, s:O*}", "id", json_object_get(view, "id"),
		"workflow", json_object_get(view, "workflow"), "state", json_object_get(view, "state"),
		"assigned", json_object_get(view, "assigned"), "team", json_object_get(view, "team"),
		"opened_at", json_object_get(view, "opened_at"), "breached", breached,
		"next_due", next ? json_pack("{s:O, s:O, s:O}", "key", json_object_get(next, "key"),
					     "what", json_object_get(next, "what"), "due", json_object_get(next, "due")) : NULL);
}

static int h_list(struct request *rq)
{
	struct case_filter f = { .authority = rq->user.authority };
	const char *assigned = http_query(rq, "assigned"), *overdue = http_query(rq, "overdue");
	const char *due = http_query(rq, "due_before"), *after = http_query(rq, "after");
	const char *limit = http_query(rq, "limit"), *open = http_query(rq, "open");
	json_t *ids, *out, *id;
	struct error err = { 0 };
	size_t i;

	f.state = http_query(rq, "state");
	f.workflow = http_query(rq, "workflow");
	f.team = http_query(rq, "team");
	if (assigned) {
		f.assigned = strcmp(assigned, "me") == 0 ? rq->user.id : util_id(assigned);
		if (!f.assigned)
			return bad_query(rq, "assigned", "'me' or a user id");
	}
	if (overdue && strcmp(overdue, "true") && strcmp(overdue, "false"))
		return bad_query(rq, "overdue", "true or false");
	f.overdue = overdue && strcmp(overdue, "true") == 0;
	if (open && strcmp(open, "true") && strcmp(open, "false"))
		return bad_query(rq, "open", "true or false");
	f.open_only = open && strcmp(open, "true") == 0;
	if (due && calendar_parse_until(due, &f.due_before))
		return bad_query(rq, "due_before", "a date (YYYY-MM-DD) or an instant");
	if (after && !(f.after_id = util_id(after)))
		return bad_query(rq, "after", "a case id (the previous page's next)");
	f.limit = LIST_DEFAULT;
	if (limit && !(f.limit = page_limit(limit)))
		return bad_query(rq, "limit", "a number from 1 to 500");
	f.limit++;   /* one more, to know whether there is a next page */
	ids = store_case_ids(service_store(rq->svc), &f, &err);
	if (!ids)
		return http_reply_error(rq, &err);
	out = json_array();
	json_array_foreach(ids, i, id) {
		json_t *view;
		if ((int)i == f.limit - 1)
			break;
		view = store_case_view(service_store(rq->svc), rq->user.authority, json_integer_value(id), NULL);
		if (view) {
			json_array_append_new(out, summary(view));
			json_decref(view);
		}
	}
	{
		json_t *body = json_pack("{s:o}", "cases", out);
		if ((int)json_array_size(ids) == f.limit)
			json_object_set(body, "next", json_array_get(ids, (size_t)f.limit - 2));
		else
			json_object_set_new(body, "next", json_null());
		json_decref(ids);
		return http_reply_json(rq, 200, body);
	}
}

/* The case's stored view text as it is, plus the caller's actions: no parse, no dump. */
static int reply_case(struct request *rq, int64_t id, int log_read)
{
	struct error err = { 0 };
	char *text = service_case_view_text(rq->svc, &rq->user, id, log_read, &err);
	int status;
	if (!text)
		return http_reply_error(rq, &err);
	status = http_reply_text(rq, 200, "application/json", text);
	free(text);
	return status;
}

static int h_case(struct request *rq)
{
	int64_t id = util_id(rq->params[0]);
	return id ? reply_case(rq, id, 1) : not_found(rq);
}

static int act(struct request *rq, const char *action, json_t *input)
{
	int64_t id = util_id(rq->params[0]);
	struct error err = { 0 };
	if (!id)
		return not_found(rq);
	if (service_act(rq->svc, &rq->user, id, action, input, NULL, &err))
		return http_reply_error(rq, &err);
	/* the view as the action stored it, with the caller's actions now: as GET answers */
	return reply_case(rq, id, 0);
}

static int h_action(struct request *rq)
{
	const char *key;
	json_t *v;
	struct error err = { 0 };
	if (rq->body && !json_is_object(rq->body)) {
		error_field(&err, ERR_INVALID, "invalid_input", "body", "send a JSON object {\"input\": {...}}");
		return http_reply_error(rq, &err);
	}
	json_object_foreach(rq->body, key, v)
		if (strcmp(key, "input") != 0) {
			error_field(&err, ERR_INVALID, "invalid_input", key, "unknown field '%s' (send {\"input\": {...}})", key);
			return http_reply_error(rq, &err);
		}
	return act(rq, rq->params[1], json_object_get(rq->body, "input"));
}

static int h_record(struct request *rq)
{
	struct error err = { 0 };
	if (!json_is_object(rq->body)) {
		error_field(&err, ERR_INVALID, "invalid_input", "body", "send a JSON object {type, fields}");
		return http_reply_error(rq, &err);
	}
	return act(rq, "add_record", rq->body);
}

static int h_history(struct request *rq)
{
	int64_t id = util_id(rq->params[0]);
	struct error err = { 0 };
	json_t *view, *events;
	if (!id || !(view = store_case_view(service_store(rq->svc), rq->user.authority, id, &err)))
		return not_found(rq);
	json_decref(view);
	events = store_events(service_store(rq->svc), id, &err);
	return events ? http_reply_json(rq, 200, json_pack("{s:I, s:o}", "case", (json_int_t)id, "events", events))
		      : http_reply_error(rq, &err);
}

static int h_replay(struct request *rq)
{
	int64_t id = util_id(rq->params[0]), as_of = 0;
	const char *as = http_query(rq, "as_of");
	struct error err = { 0 };
	json_t *rep;
	if (!id)
		return not_found(rq);
	if (as && calendar_parse_until(as, &as_of))
		return bad_query(rq, "as_of", "a date (YYYY-MM-DD) or an instant");
	rep = service_replay(rq->svc, rq->user.authority, id, as_of, NULL, &err);
	return rep ? http_reply_json(rq, 200, rep) : http_reply_error(rq, &err);
}

static int h_timescales(struct request *rq)
{
	const char *status = http_query(rq, "status"), *due = http_query(rq, "due_before");
	const char *worker = http_query(rq, "worker"), *after = http_query(rq, "after");
	const char *limit = http_query(rq, "limit");
	struct ts_filter f = { .authority = rq->user.authority, .team = http_query(rq, "team"), .limit = LIST_DEFAULT };
	struct error err = { 0 };
	json_t *list, *t, *body;
	size_t i;
	if (status && strcmp(status, "pending") && strcmp(status, "breached"))
		return bad_query(rq, "status", "pending or breached");
	f.status = status;
	if (due && calendar_parse_until(due, &f.due_before))
		return bad_query(rq, "due_before", "a date (YYYY-MM-DD) or an instant");
	if (worker && !(f.assigned = strcmp(worker, "me") == 0 ? rq->user.id : util_id(worker)))
		return bad_query(rq, "worker", "'me' or a user id");
	if (limit && !(f.limit = page_limit(limit)))
		return bad_query(rq, "limit", "a number from 1 to 500");
	if (after && store_ts_after(after, &f))
		return bad_query(rq, "after", "the previous page's next");
	f.limit++;   /* one more, to know whether there is a next page */
	list = store_timescales(service_store(rq->svc), &f, &err);
	free((char *)f.after_key);
	if (!list)
		return http_reply_error(rq, &err);
	if ((int)json_array_size(list) == f.limit)
		json_array_remove(list, (size_t)f.limit - 1);
	else
		f.limit = 0;   /* the last page */
	json_array_foreach(list, i, t) {
		char buf[32];
		calendar_format_instant(json_integer_value(json_object_get(t, "due_epoch")), buf);
		json_object_set_new(t, "due", json_string(buf));
	}
	body = json_pack("{s:o}", "timescales", list);
	if (f.limit && json_array_size(list)) {
		char *next = store_ts_cursor(json_array_get(list, json_array_size(list) - 1));
		json_object_set_new(body, "next", json_string(next));
		free(next);
	} else {
		json_object_set_new(body, "next", json_null());
	}
	return http_reply_json(rq, 200, body);
}

static int h_clock(struct request *rq)
{
	const char *now = json_string_value(json_object_get(rq->body, "now"));
	struct error err = { 0 };
	int64_t t;
	int fired = 0;
	char buf[32];
	if (!service_is_virtual(rq->svc)) {
		error_set(&err, ERR_NOT_FOUND, "not_found", "no route /clock on a real clock");
		return http_reply_error(rq, &err);
	}
	if (!now || calendar_parse_instant(now, &t)) {
		error_field(&err, ERR_INVALID, "invalid_input", "now", "field 'now' is required (an instant, e.g. 2026-01-05T09:00:00Z)");
		return http_reply_error(rq, &err);
	}
	if (service_advance(rq->svc, t, &fired, &err))
		return http_reply_error(rq, &err);
	calendar_format_instant(service_now(rq->svc), buf);
	return http_reply_json(rq, 200, json_pack("{s:s, s:i}", "now", buf, "breaches", fired));
}

static int h_clock_get(struct request *rq)
{
	char buf[32];
	calendar_format_instant(service_now(rq->svc), buf);
	return http_reply_json(rq, 200, json_pack("{s:s, s:s}", "now", buf, "clock",
		service_is_virtual(rq->svc) ? "virtual" : "real"));
}

static int h_reads(struct request *rq)
{
	int64_t id = util_id(rq->params[0]);
	struct error err = { 0 };
	json_t *view, *reads;
	if (!user_has_role(&rq->user, "auditor") && !user_has_role(&rq->user, "data_protection_officer")) {
		error_set(&err, ERR_FORBIDDEN, "wrong_role", "who viewed a record is for auditors and the data-protection officer");
		return http_reply_error(rq, &err);
	}
	if (!id || !(view = store_case_view(service_store(rq->svc), rq->user.authority, id, &err)))
		return not_found(rq);
	json_decref(view);
	if (!(reads = service_reads(rq->svc, id, &err)))
		return http_reply_error(rq, &err);
	return http_reply_json(rq, 200, json_pack("{s:I, s:o}", "case", (json_int_t)id, "reads", reads));
}

/* The caller's colleagues (id, name, roles, team): who a case can be allocated to. */
static int h_users(struct request *rq)
{
	return http_reply_json(rq, 200, json_pack("{s:o}", "users", store_users(service_store(rq->svc), rq->user.authority)));
}

static int h_chronology(struct request *rq)
{
	int64_t id = util_id(rq->params[0]);
	struct error err = { 0 };
	json_t *c;
	if (!id)
		return not_found(rq);
	c = report_chronology(rq->svc, rq->user.authority, id, &err);
	return c ? http_reply_json(rq, 200, c) : http_reply_error(rq, &err);
}

static int h_timeliness(struct request *rq)
{
	const char *from = http_query(rq, "from"), *to = http_query(rq, "to");
	int64_t f = 0, t = 0;
	int date;
	struct error err = { 0 };
	json_t *rep;
	if (from && (calendar_parse_date(from, &date) || !(f = calendar_local_instant(date, 0, 0, 0))))
		return bad_query(rq, "from", "a date (YYYY-MM-DD)");
	if (to && calendar_parse_until(to, &t))
		return bad_query(rq, "to", "a date (YYYY-MM-DD)");
	rep = report_timeliness(rq->svc, rq->user.authority, f, t, &err);
	return rep ? http_reply_json(rq, 200, rep) : http_reply_error(rq, &err);
}

const struct route http_routes[] = {
	{ "GET", "/health", h_health, 1, 0, 0, 0 },
	{ "GET", "/metrics", h_metrics, 1, 0, 0, 0 },
	{ "GET", "/workflows", h_workflows, 0, 0, 0, 0 },
	{ "GET", "/users", h_users, 0, 0, 0, 0 },
	{ "POST", "/cases", h_open, 0, 0, 1, 0 },
	{ "GET", "/cases", h_list, 0, 0, 0, 0 },
	{ "GET", "/cases/{id}", h_case, 0, 0, 0, 1 },
	{ "POST", "/cases/{id}/actions/{action}", h_action, 0, 0, 1, 0 },
	{ "POST", "/cases/{id}/records", h_record, 0, 0, 1, 0 },
	{ "GET", "/cases/{id}/history", h_history, 0, 0, 0, 0 },
	{ "GET", "/cases/{id}/replay", h_replay, 0, 0, 0, 0 },
	{ "GET", "/cases/{id}/reads", h_reads, 0, 0, 0, 0 },
	{ "GET", "/cases/{id}/chronology", h_chronology, 0, 0, 0, 0 },
	{ "GET", "/timescales", h_timescales, 0, 0, 0, 0 },
	{ "GET", "/reports/timeliness", h_timeliness, 0, 0, 0, 0 },
	{ "POST", "/clock", h_clock, 0, 0, 0, 0 },
	{ "GET", "/clock", h_clock_get, 0, 0, 0, 0 },
};
const size_t http_nroutes = sizeof http_routes / sizeof *http_routes;
