/*
 * web_open.c: open a referral (a case) for a workflow of the signed-in
 * user's authority. The form is the workflow's data fields, up to four
 * family members, the team and, where the workflow has entry states, where
 * the case starts. POST builds the body POST /cases takes and calls
 * service_open_case; who may open which workflow is the engine's to say.
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

#define MEMBERS 4

static const char *member_schema_text =
	"[{\"name\": \"name\", \"type\": \"text\", \"required\": false, \"label\": \"Full name\"},"
	" {\"name\": \"role\", \"type\": \"enum\", \"required\": false, \"label\": \"Role in the family\","
	"  \"values\": [\"child\", \"parent\", \"carer\", \"adult\"]},"
	" {\"name\": \"dob\", \"type\": \"date\", \"required\": false, \"label\": \"Date of birth (every child needs one)\"}]";

struct open_form {
	struct definition *d;
	json_t *data_schema;
	json_t *member_schema;
	json_t *data_errors;
	json_t *member_errors[MEMBERS];
	char *general;
	struct error err;
};

static int may_open(struct web *w, const struct definition *d)
{
	return interp_role_for(d, "open", w->rq->user.roles, w->rq->user.id, NULL, NULL) != NULL &&
	       (!d->opened_by.n || json_array_size(w->rq->user.roles));
}

static int choose_page(struct web *w)
{
	struct html b = { 0 };
	size_t i, j;
	html_raw(&b, "<h1 class=\"govuk-heading-l\">Open a referral</h1><p class=\"govuk-body\">Choose the workflow the referral "
		 "starts. Each follows ");
	html_esc(&b, w->auth ? w->auth->name : "your authority");
	html_raw(&b, "'s own procedure.</p><ul class=\"govuk-list govuk-list--spaced\">");
	for (i = 0; w->auth && i < w->auth->workflows.n; i++) {
		struct definition *d = service_definition(w->rq->svc, w->auth->id, w->auth->workflows.v[i]);
		if (!d)
			continue;
		html_raw(&b, "<li>");
		if (may_open(w, d)) {
			html_raw(&b, "<a class=\"govuk-link\" href=\"/app/open?workflow=");
			html_esc(&b, d->id);
			html_raw(&b, "\">");
			html_esc(&b, d->title ? d->title : d->id);
			html_raw(&b, "</a>");
		} else {
			html_esc(&b, d->title ? d->title : d->id);
			html_raw(&b, "<br><span class=\"govuk-body-s app-secondary\">Opened by: ");
			for (j = 0; j < d->opened_by.n; j++) {
				char *t = web_humanise(d->opened_by.v[j]);
				html_raw(&b, j ? ", " : "");
				html_esc(&b, t);
				free(t);
			}
			html_raw(&b, " (not you)</span>");
		}
		html_raw(&b, "</li>");
	}
	html_raw(&b, "</ul>");
	return web_page(w, 200, NAV_OPEN, "Open a referral", 0, &b);
}

static void member_ctx(struct web *w, struct open_form *o, int k, struct form_ctx *c, char id[8], char name[8])
{
	snprintf(id, 8, "m%d", k + 1);
	snprintf(name, 8, "m%d.", k + 1);
	memset(c, 0, sizeof *c);
	c->w = w;
	c->errors = o->member_errors[k];
	c->id_prefix = id;
	c->name_prefix = name;
	c->fresh = w->form == NULL;
}

static int form_page(struct web *w, int status, struct open_form *o)
{
	struct html b = { 0 };
	struct form_ctx c = { .w = w, .errors = o->data_errors, .id_prefix = "data", .name_prefix = "data.", .fresh = w->form == NULL };
	json_t *items = form_summary_items(&c, o->data_schema, o->data_errors), *more;
	const char *team = web_form(w, "team"), *state = web_form(w, "state");
	size_t i;
	int k;
	char id[8], name[8];

	for (k = 0; k < MEMBERS; k++) {
		struct form_ctx mc;
		member_ctx(w, o, k, &mc, id, name);
		more = form_summary_items(&mc, o->member_schema, o->member_errors[k]);
		json_array_extend(items, more);
		json_decref(more);
	}
	if (o->general)
		json_array_append_new(items, json_pack("{s:s, s:s}", "href", "#refusal", "message", o->general));
	html_raw(&b, "<a href=\"/app/open\" class=\"govuk-back-link\">Back to the workflows</a>");
	form_error_summary(&b, items);
	json_decref(items);
	html_raw(&b, "<span class=\"govuk-caption-l\">Open a referral</span><h1 class=\"govuk-heading-l\">");
	html_esc(&b, o->d->title ? o->d->title : o->d->id);
	html_raw(&b, "</h1>");
	if (o->general) {
		html_raw(&b, "<div class=\"govuk-inset-text app-refusal\" id=\"refusal\"><h2 class=\"govuk-heading-s\">This was refused</h2><p class=\"govuk-body\">");
		html_esc(&b, o->general);
		html_raw(&b, "</p></div>");
	}
	html_raw(&b, "<form method=\"post\" action=\"/app/open\" novalidate><input type=\"hidden\" name=\"workflow\" value=\"");
	html_esc(&b, o->d->id);
	html_raw(&b, "\">");
	web_csrf_input(w, &b);
	html_raw(&b, "<h2 class=\"govuk-heading-m\">About the referral</h2>");
	form_fields(&c, &b, o->data_schema);
	html_raw(&b, "<h2 class=\"govuk-heading-m\">Family members</h2><p class=\"govuk-body\">Up to four; leave the rest empty. "
		 "More can be recorded on the case later where the workflow allows.</p>");
	for (k = 0; k < MEMBERS; k++) {
		struct form_ctx mc;
		member_ctx(w, o, k, &mc, id, name);
		html_fmt(&b, "<fieldset class=\"govuk-fieldset app-member\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">"
			 "Family member %d</legend>", k + 1);
		form_fields(&mc, &b, o->member_schema);
		html_raw(&b, "</fieldset>");
	}
	html_raw(&b, "<div class=\"govuk-form-group\"><label class=\"govuk-label govuk-label--s\" for=\"team\">Team "
		 "<span class=\"app-optional\">(optional)</span></label><select class=\"govuk-select\" id=\"team\" name=\"team\">"
		 "<option value=\"\">Not yet known</option>");
	for (i = 0; w->auth && i < w->auth->teams.n; i++) {
		html_raw(&b, "<option value=\"");
		html_esc(&b, w->auth->teams.v[i]);
		html_raw(&b, team && strcmp(team, w->auth->teams.v[i]) == 0 ? "\" selected>" : "\">");
		html_esc(&b, w->auth->teams.v[i]);
		html_raw(&b, "</option>");
	}
	html_raw(&b, "</select></div>");
	for (i = 0; i < o->d->nstates; i++)
		if (o->d->states[i].entry)
			break;
	if (i < o->d->nstates) {
		html_raw(&b, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend "
			 "govuk-fieldset__legend--s\">Where the case starts</legend><div class=\"govuk-radios\" data-module=\"govuk-radios\">");
		for (i = 0; i < o->d->nstates; i++) {
			const struct state_def *s = &o->d->states[i];
			int initial = strcmp(s->name, o->d->initial) == 0;
			if (!initial && !s->entry)
				continue;
			html_fmt(&b, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" type=\"radio\" name=\"state\" id=\"state-%zu\" value=\"", i);
			html_esc(&b, s->name);
			html_raw(&b, (state ? strcmp(state, s->name) == 0 : initial) ? "\" checked>" : "\">");
			html_fmt(&b, "<label class=\"govuk-label govuk-radios__label\" for=\"state-%zu\">", i);
			html_esc(&b, s->title ? s->title : s->name);
			html_raw(&b, "</label></div>");
		}
		html_raw(&b, "</div></fieldset></div>");
	}
	html_raw(&b, "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Open the referral</button></form>");
	return web_page(w, status, NAV_OPEN, "Open a referral", o->general || json_object_size(o->data_errors), &b);
}

static void open_free(struct open_form *o)
{
	int k;
	json_decref(o->data_schema);
	json_decref(o->member_schema);
	json_decref(o->data_errors);
	for (k = 0; k < MEMBERS; k++)
		json_decref(o->member_errors[k]);
	free(o->general);
}

static int open_init(struct web *w, struct open_form *o, const char *workflow)
{
	json_t *raw;
	int k;
	memset(o, 0, sizeof *o);
	o->d = workflow && w->auth ? service_definition(w->rq->svc, w->auth->id, workflow) : NULL;
	if (!o->d || !strlist_has(&w->auth->workflows, workflow))
		return -1;
	raw = form_schema_json(&o->d->data);
	o->data_schema = form_ordered(raw);
	json_decref(raw);
	o->member_schema = json_loads(member_schema_text, 0, NULL);
	o->data_errors = json_object();
	for (k = 0; k < MEMBERS; k++)
		o->member_errors[k] = json_object();
	return 0;
}

int web_open_get(struct request *rq)
{
	struct web w;
	struct open_form o;
	int status;
	const char *wf = http_query(rq, "workflow");
	if (web_begin(rq, &w, &status))
		return status;
	if (!wf)
		status = choose_page(&w);
	else if (open_init(&w, &o, wf))
		status = web_error_page(&w, 404, "Page not found", "Your authority has no such workflow.");
	else
		status = form_page(&w, 200, &o);
	if (wf)
		open_free(&o);
	web_end(&w);
	return status;
}

int web_open_post(struct request *rq)
{
	struct web w;
	struct open_form o;
	int status, k, index[MEMBERS], n = 0;
	json_t *body = NULL, *members, *view = NULL;
	char id[8], name[8];
	const char *team, *state;

	if (web_begin(rq, &w, &status))
		return status;
	if (open_init(&w, &o, web_form(&w, "workflow"))) {
		status = web_error_page(&w, 404, "Page not found", "Your authority has no such workflow.");
		goto done;
	}
	{
		struct form_ctx c = { .w = &w, .id_prefix = "data", .name_prefix = "data." };
		body = json_pack("{s:s, s:o}", "workflow", o.d->id, "data", form_read(&c, o.data_schema, o.data_errors));
	}
	members = json_array();
	for (k = 0; k < MEMBERS; k++) {
		struct form_ctx mc;
		json_t *m;
		member_ctx(&w, &o, k, &mc, id, name);
		m = form_read(&mc, o.member_schema, o.member_errors[k]);
		if (json_object_size(m)) {
			index[n++] = k;
			json_array_append(members, m);
		}
		json_decref(m);
	}
	json_object_set_new(body, "members", members);
	team = web_form(&w, "team");
	state = web_form(&w, "state");
	if (team && team[0])
		json_object_set_new(body, "team", json_string(team));
	if (state && state[0])
		json_object_set_new(body, "state", json_string(state));
	for (k = 0; k < MEMBERS; k++)
		if (json_object_size(o.member_errors[k]))
			break;
	if (json_object_size(o.data_errors) || k < MEMBERS) {
		status = form_page(&w, 422, &o);
		goto done;
	}
	if (service_open_case(rq->svc, &rq->user, body, &view, &o.err)) {
		/* members[i].field names a row of the form; data.field a data field. */
		int i = -1;
		char field[64] = "";
		if (sscanf(o.err.field, "members[%d].%63s", &i, field) >= 1 && i >= 0 && i < n) {
			struct error e = o.err;
			snprintf(e.field, sizeof e.field, "%s", field[0] ? field : "name");
			form_engine_error(o.member_schema, &e, NULL, o.member_errors[index[i]], &o.general);
		} else {
			form_engine_error(o.data_schema, &o.err, "data.", o.data_errors, &o.general);
		}
		status = form_page(&w, error_http_status(o.err.kind), &o);
	} else {
		char *loc = xasprintf("/app/cases/%lld?done=opened", (long long)json_integer_value(json_object_get(view, "id")));
		status = web_redirect(rq, loc);
		free(loc);
	}
done:
	json_decref(view);
	json_decref(body);
	open_free(&o);
	web_end(&w);
	return status;
}
