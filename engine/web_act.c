/*
 * web_act.c: the pages that take an action on a case or add a record to it.
 *
 * GET shows the form generated from the input schema; POST reads the form
 * into JSON and calls service_act, the call POST /cases/{id}/actions/{action}
 * makes. A refusal comes back as the engine's struct error and is shown in
 * the GOV.UK error summary, beside the field it names or, for a rule (a
 * guard, a state, a role, a missing record), with the rule and its
 * procedure line. Success redirects to the case (post/redirect/get).
 */
#include "web_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "def.h"
#include "error.h"
#include "interp.h"
#include "service.h"
#include "store.h"
#include "util.h"

void web_action_form(struct form_ctx *c, struct html *h, const char *url, const char *submit,
		     const json_t *schema, const char *hidden_name, const char *hidden_value)
{
	html_raw(h, "<form method=\"post\" novalidate action=\"");
	html_esc(h, url);
	html_raw(h, "\"");
	if (!c->fresh)
		html_raw(h, " id=\"main-form\"");
	html_raw(h, ">");
	web_csrf_input(c->w, h);
	if (hidden_name) {
		html_raw(h, "<input type=\"hidden\" name=\"");
		html_esc(h, hidden_name);
		html_raw(h, "\" value=\"");
		html_esc(h, hidden_value);
		html_raw(h, "\">");
	}
	form_fields(c, h, schema);
	html_raw(h, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">");
	html_esc(h, submit);
	html_raw(h, "</button></form>");
}

/* What the page is about: an action of the definition, extend_timescale, or a record type. */
struct target {
	const char *kind;          /* "actions" or "records" */
	const char *name;
	const char *title;
	int line;
	json_t *schema;            /* ordered, owned */
	const char *hidden_name, *hidden_value;
	int available;             /* in interp_available (actions) or allowed by role (records) */
};

static json_t *find_available(const json_t *view, const char *name)
{
	json_t *a;
	size_t i;
	json_array_foreach(json_object_get(view, "actions"), i, a)
		if (strcmp(str(a, "name"), name) == 0)
			return a;
	return NULL;
}

/* 0 ok; -1: no such action or record type in the case's definition. */
static int target(struct web *w, const json_t *view, struct definition *d, const char *kind, const char *name,
		  struct target *t)
{
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->name = name;
	if (!d)
		return -1;
	if (strcmp(kind, "records") == 0) {
		const struct record_def *rd = def_record(d, name);
		json_t *in;
		if (!rd)
			return -1;
		t->title = rd->title ? rd->title : rd->name;
		t->line = rd->cites;
		t->schema = form_schema_json(&rd->fields);
		in = json_pack("{s:s}", "type", name);
		t->available = json_is_true(json_object_get(view, "open")) &&
			       interp_role_for(d, "add_record", w->rq->user.roles, w->rq->user.id, view, in) != NULL;
		json_decref(in);
	} else if (strcmp(name, "extend_timescale") == 0) {
		const char *key = w->form ? web_form(w, "timescale") : http_query(w->rq, "timescale");
		t->title = "Extend a timescale";
		t->schema = json_pack("[{s:s, s:s, s:b, s:s}, {s:s, s:s, s:b, s:s}]",
			"name", "until", "type", "date", "required", 1, "label", "Extend the due date to",
			"name", "reason", "type", "text", "required", 1, "label", "Reason for the extension");
		t->hidden_name = "timescale";
		t->hidden_value = key ? key : "";
		t->available = 1;
	} else {
		const struct action_def *ad = def_action(d, name);
		json_t *a = find_available(view, name);
		if (!ad)
			return -1;
		t->title = ad->title ? ad->title : ad->name;
		t->line = ad->cites;
		t->schema = a ? json_incref(json_object_get(a, "input")) : interp_schema_json(d, name);
		t->available = a != NULL;
	}
	{
		json_t *o = form_ordered(t->schema);
		json_decref(t->schema);
		t->schema = o;
	}
	return 0;
}

static void refusal(struct html *h, const char *general, const struct error *err)
{
	char *code;
	if (!general)
		return;
	code = web_humanise(err && err->code[0] ? err->code : "refused");
	html_raw(h, "<div class=\"govuk-inset-text app-refusal\" id=\"refusal\"><h2 class=\"govuk-heading-s\">This was refused</h2>"
		 "<p class=\"govuk-body\">");
	html_esc(h, general);
	html_raw(h, "</p><p class=\"govuk-body-s\">Rule: ");
	html_esc(h, code);
	if (err && err->line)
		html_fmt(h, "; procedure line L%d", err->line);
	html_raw(h, "</p></div>");
	free(code);
}

static int form_page(struct web *w, int status, const json_t *view, int64_t id, struct target *t,
		     const json_t *errors, const char *general, const struct error *err)
{
	struct html b = { 0 };
	struct form_ctx c = { .w = w, .members = json_object_get(view, "members"), .errors = errors,
			      .id_prefix = "f", .name_prefix = "", .fresh = errors == NULL };
	json_t *items = form_summary_items(&c, t->schema, errors), *m;
	char *url = xasprintf("/app/cases/%lld/%s/%s", (long long)id, t->kind, t->name);
	size_t i;

	html_fmt(&b, "<a href=\"/app/cases/%lld\" class=\"govuk-back-link\">Back to case %lld</a>", (long long)id, (long long)id);
	if (general)
		json_array_append_new(items, json_pack("{s:s, s:s}", "href", "#refusal", "message", general));
	form_error_summary(&b, items);
	html_fmt(&b, "<span class=\"govuk-caption-l\">Case %lld", (long long)id);
	json_array_foreach(json_object_get(view, "members"), i, m) {
		html_raw(&b, i ? ", " : ": ");
		html_esc(&b, str(m, "name"));
	}
	html_raw(&b, "</span><h1 class=\"govuk-heading-l\">");
	html_esc(&b, t->title);
	html_raw(&b, "</h1>");
	if (t->line)
		html_fmt(&b, "<p class=\"govuk-body\">Procedure line L%d</p>", t->line);
	if (t->hidden_name && strcmp(t->name, "extend_timescale") == 0) {
		json_t *ts, *found = NULL;
		json_array_foreach(json_object_get(view, "timescales"), i, ts)
			if (str(ts, "key") && strcmp(str(ts, "key"), t->hidden_value) == 0)
				found = ts;
		html_raw(&b, "<p class=\"govuk-body\">Timescale: <strong>");
		html_esc(&b, found ? str(found, "what") : t->hidden_value);
		html_raw(&b, "</strong>");
		if (found) {
			char when[64];
			web_when(json_integer_value(json_object_get(found, "due_epoch")), 0, when);
			html_raw(&b, ", due ");
			html_esc(&b, when);
			html_fmt(&b, " (procedure line L%lld)", (long long)json_integer_value(json_object_get(found, "line")));
		}
		html_raw(&b, "</p>");
	}
	refusal(&b, general, err);
	if (!t->available && !general)
		html_raw(&b, "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>"
			 "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>"
			 "This is not one of the actions you may take on this case now; if you send it, the "
			 "procedure's rules will say why not.</strong></div>");
	if (strcmp(t->kind, "records") == 0) {
		web_action_form(&c, &b, url, "Add this record", t->schema, NULL, NULL);
	} else {
		web_action_form(&c, &b, url, t->title, t->schema, t->hidden_name, t->hidden_value);
	}
	free(url);
	json_decref(items);
	return web_page(w, status, NAV_CASELOAD, t->title, errors != NULL && (json_object_size(errors) || general), &b);
}

static int page(struct request *rq, const char *kind)
{
	struct web w;
	struct error err = { 0 };
	struct target t;
	int status, post;
	int64_t id;
	json_t *view, *errors = NULL, *input = NULL, *out = NULL;
	char *general = NULL;
	struct definition *d;

	if (web_begin(rq, &w, &status))
		return status;
	post = w.form != NULL;
	id = util_id(rq->params[0]);
	view = id ? service_case_view(rq->svc, &rq->user, id, 0, &err) : NULL;
	if (!view) {
		status = err.kind && error_http_status(err.kind) != 404
			? web_error_page(&w, error_http_status(err.kind), "Sorry, there is a problem", err.message)
			: web_error_page(&w, 404, "Page not found", "There is no such case in your authority.");
		web_end(&w);
		return status;
	}
	d = service_definition_by_hash(rq->svc, str(view, "definition"), NULL);
	if (target(&w, view, d, kind, rq->params[1], &t)) {
		status = web_error_page(&w, 404, "Page not found", "This case's workflow has no such action or record type.");
		goto done;
	}
	if (!post) {
		status = form_page(&w, 200, view, id, &t, NULL, NULL, NULL);
		goto done;
	}
	{
		struct form_ctx c = { .w = &w, .members = json_object_get(view, "members"), .id_prefix = "f", .name_prefix = "" };
		errors = json_object();
		input = form_read(&c, t.schema, errors);
	}
	if (json_object_size(errors)) {
		status = form_page(&w, 422, view, id, &t, errors, NULL, NULL);
		goto done;
	}
	if (strcmp(kind, "records") == 0) {
		json_t *rec = json_pack("{s:s, s:O}", "type", t.name, "fields", input);
		json_decref(input);
		input = rec;
	} else if (t.hidden_name) {
		json_object_set_new(input, t.hidden_name, json_string(t.hidden_value));
	}
	if (service_act(rq->svc, &rq->user, id, strcmp(kind, "records") == 0 ? "add_record" : t.name, input, &out, &err)) {
		form_engine_error(t.schema, &err, strcmp(kind, "records") == 0 ? "fields." : NULL, errors, &general);
		status = form_page(&w, error_http_status(err.kind), view, id, &t, errors, general, &err);
	} else {
		char *loc = xasprintf("/app/cases/%lld?done=%s", (long long)id, strcmp(kind, "records") == 0 ? "add_record" : t.name);
		status = web_redirect(rq, loc);
		free(loc);
	}
done:
	free(general);
	json_decref(out);
	json_decref(input);
	json_decref(errors);
	json_decref(t.schema);
	json_decref(view);
	web_end(&w);
	return status;
}

int web_action_get(struct request *rq)
{
	return page(rq, "actions");
}

int web_action_post(struct request *rq)
{
	return page(rq, "actions");
}

int web_record_get(struct request *rq)
{
	return page(rq, "records");
}

int web_record_post(struct request *rq)
{
	return page(rq, "records");
}
