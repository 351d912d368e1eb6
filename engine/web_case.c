/*
 * web_case.c: the case page (family, state, records, every timescale with
 * its due date, status and derivation, the chronology, and the actions the
 * signed-in user may take now as forms) and the pages that post an action or
 * a record. Reads with service_case_view (which logs the read, as GET
 * /cases/{id} does) and changes with service_act: the JSON API's calls.
 */
#include "web_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "interp.h"
#include "report.h"
#include "service.h"
#include "store.h"
#include "util.h"

/* A refusal to read the case: 404 for missing or another authority's, as the API. */
static int case_error(struct web *w, const struct error *err)
{
	int status = err && err->kind ? error_http_status(err->kind) : 404;
	if (status == 404)
		return web_error_page(w, 404, "Page not found", "There is no such case in your authority.");
	return web_error_page(w, status, "Sorry, there is a problem", err->message);
}

static struct definition *view_def(struct web *w, const json_t *view)
{
	return service_definition_by_hash(w->rq->svc, str(view, "definition"), NULL);
}

static void value_text(struct html *h, const json_t *v)
{
	size_t i;
	json_t *x;
	if (json_is_string(v)) {
		html_esc(h, json_string_value(v));
	} else if (json_is_boolean(v)) {
		html_raw(h, json_is_true(v) ? "Yes" : "No");
	} else if (json_is_integer(v)) {
		html_fmt(h, "%lld", (long long)json_integer_value(v));
	} else if (json_is_real(v)) {
		html_fmt(h, "%g", json_real_value(v));
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			if (i)
				html_raw(h, ", ");
			value_text(h, x);
		}
	} else if (json_is_object(v)) {
		char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
		html_esc(h, s);
		free(s);
	} else {
		html_raw(h, "Not given");
	}
}

/* key: value; an enum field's value (of schema s, if given) is shown in words. */
static void summary_row_of(struct html *h, const struct schema *s, const char *key, const json_t *value,
			   const char *text)
{
	char *k = web_humanise(key);
	const struct field *f = s ? schema_field(s, key) : NULL;
	html_raw(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_esc(h, f && f->label ? f->label : k);
	html_raw(h, "</dt><dd class=\"govuk-summary-list__value\">");
	if (text) {
		html_esc(h, text);
	} else if (f && f->type == FIELD_ENUM && json_is_string(value)) {
		char *t = web_humanise(json_string_value(value));
		html_esc(h, t);
		free(t);
	} else {
		value_text(h, value);
	}
	html_raw(h, "</dd></div>");
	free(k);
}

static void summary_row(struct html *h, const char *key, const json_t *value, const char *text)
{
	summary_row_of(h, NULL, key, value, text);
}

static void case_heading(struct web *w, struct html *h, const json_t *view, const struct definition *d)
{
	json_t *m;
	size_t i;
	html_raw(h, "<span class=\"govuk-caption-l\">");
	html_esc(h, d && d->title ? d->title : str(view, "workflow"));
	html_fmt(h, "</span><h1 class=\"govuk-heading-l\">Case %lld", (long long)json_integer_value(json_object_get(view, "id")));
	json_array_foreach(json_object_get(view, "members"), i, m) {
		html_raw(h, i ? ", " : ": ");
		html_esc(h, str(m, "name"));
	}
	html_raw(h, "</h1>");
	(void)w;
}

/* --- the case page --------------------------------------------------------------- */

static void anchor_text(struct html *h, const struct definition *d, const char *event)
{
	const struct action_def *a;
	char *t;
	if (!event) {
		html_raw(h, "the case opening");
	} else if (strncmp(event, "enter:", 6) == 0) {
		t = web_state_title(d, event + 6);
		html_raw(h, "entering the state \"");
		html_esc(h, t);
		html_raw(h, "\"");
		free(t);
	} else if (strncmp(event, "record:", 7) == 0) {
		t = web_humanise(event + 7);
		html_raw(h, "a \"");
		html_esc(h, t);
		html_raw(h, "\" record being added");
		free(t);
	} else if ((a = d ? def_action(d, event) : NULL) != NULL) {
		html_raw(h, "the action \"");
		html_esc(h, a->title ? a->title : a->name);
		html_raw(h, "\"");
	} else {
		html_esc(h, event);
	}
}

/* "Why this date": the derivation every due date stores (DESIGN §3). */
static void derivation(struct web *w, struct html *h, const json_t *t, const struct definition *d)
{
	const json_t *anchor = json_object_get(t, "anchor"), *x;
	char when[64], *rule = web_humanise(str(t, "rule"));
	size_t i;
	html_raw(h, "<details class=\"govuk-details app-why\"><summary class=\"govuk-details__summary\">"
		 "<span class=\"govuk-details__summary-text\">Why this date</span></summary>"
		 "<div class=\"govuk-details__text\"><ul class=\"govuk-list govuk-list--bullet\"><li>Rule: ");
	html_esc(h, rule);
	html_fmt(h, " (procedure line L%lld)</li><li>Counted from ", (long long)json_integer_value(json_object_get(t, "line")));
	anchor_text(h, d, str(anchor, "event"));
	web_when(json_integer_value(json_object_get(anchor, "at_epoch")), 0, when);
	html_raw(h, " on ");
	html_esc(h, when);
	html_fmt(h, " (event %lld)</li>", (long long)json_integer_value(json_object_get(anchor, "seq")));
	web_when(json_integer_value(json_object_get(t, "due_epoch")), 0, when);
	html_raw(h, "<li>Due ");
	html_esc(h, when);
	html_raw(h, ", London time</li><li>Calendar: Europe/London, England and Wales bank holidays"
		    " and the authority's closure days");
	if (json_array_size(json_object_get(t, "skipped"))) {
		html_raw(h, "; non-working days skipped: ");
		json_array_foreach(json_object_get(t, "skipped"), i, x) {
			if (i)
				html_raw(h, ", ");
			value_text(h, x);
		}
	}
	html_raw(h, "</li>");
	json_array_foreach(json_object_get(t, "extensions"), i, x) {
		html_raw(h, "<li>Extended to ");
		value_text(h, json_object_get(x, "until"));
		html_raw(h, " (was ");
		value_text(h, json_object_get(x, "previous_due"));
		html_raw(h, "): ");
		value_text(h, json_object_get(x, "reason"));
		html_raw(h, "</li>");
	}
	if (json_object_get(t, "met_at_epoch")) {
		web_when(json_integer_value(json_object_get(t, "met_at_epoch")), 0, when);
		html_raw(h, "<li>Met ");
		html_esc(h, when);
		html_raw(h, "</li>");
	}
	html_raw(h, "<li>Definition version ");
	html_esc(h, str(t, "definition") ? str(t, "definition") : "");
	html_raw(h, "</li>");
	if (str(t, "note")) {
		html_raw(h, "<li>Note: ");
		html_esc(h, str(t, "note"));
		html_raw(h, "</li>");
	}
	html_raw(h, "</ul></div></details>");
	free(rule);
	(void)w;
}

static int ts_rank(const json_t *t)
{
	const char *s = str(t, "status");
	return strcmp(s, "breached") == 0 ? 0 : strcmp(s, "pending") == 0 ? 1 : 2;
}

static int ts_cmp(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t dx = json_integer_value(json_object_get(x, "due_epoch")), dy = json_integer_value(json_object_get(y, "due_epoch"));
	if (ts_rank(x) != ts_rank(y))
		return ts_rank(x) - ts_rank(y);
	return dx < dy ? -1 : dx > dy;
}

static void timescales(struct web *w, struct html *h, const json_t *view, const struct definition *d, int64_t id)
{
	json_t *list = json_object_get(view, "timescales"), *t;
	size_t i, n = json_array_size(list);
	json_t **v = xcalloc(n ? n : 1, sizeof *v);
	html_raw(h, "<h2 class=\"govuk-heading-m\" id=\"timescales\">Timescales</h2>");
	if (!n)
		html_raw(h, "<p class=\"govuk-body\">No timescale has started on this case.</p>");
	for (i = 0; i < n; i++)
		v[i] = json_array_get(list, i);
	qsort(v, n, sizeof *v, ts_cmp);
	if (n)
		html_raw(h, "<table class=\"govuk-table app-timescales\"><caption class=\"govuk-table__caption govuk-visually-hidden\">"
			 "Every timescale of this case with its due date and status</caption><thead class=\"govuk-table__head\">"
			 "<tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">What must happen</th>"
			 "<th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">Status</th>"
			 "</tr></thead><tbody class=\"govuk-table__body\">");
	for (i = 0; i < n; i++) {
		const struct timescale_def *td;
		const char *st = str(v[i], "status"), *rag;
		char when[64];
		int64_t due = json_integer_value(json_object_get(v[i], "due_epoch"));
		t = v[i];
		rag = web_rag(w, st, due);
		html_fmt(h, "<tr class=\"govuk-table__row%s\"><td class=\"govuk-table__cell\">", rag ? (strcmp(rag, "red") == 0 ? " app-row--red" : strcmp(rag, "amber") == 0 ? " app-row--amber" : "") : "");
		html_esc(h, str(t, "what"));
		html_raw(h, " <span class=\"govuk-body-s app-secondary\">(");
		html_esc(h, str(t, "name"));
		html_fmt(h, ", L%lld)</span>", (long long)json_integer_value(json_object_get(t, "line")));
		derivation(w, h, t, d);
		td = d ? def_timescale(d, str(t, "name")) : NULL;
		if (td && td->extendable && json_is_true(json_object_get(view, "open")) &&
		    (strcmp(st, "pending") == 0 || strcmp(st, "breached") == 0)) {
			json_t *in = json_pack("{s:s}", "timescale", str(t, "key"));
			if (interp_role_for(d, "extend_timescale", w->rq->user.roles, w->rq->user.id, view, in)) {
				const char *k = str(t, "key");
				html_fmt(h, "<p class=\"govuk-body-s\"><a class=\"govuk-link\" href=\"/app/cases/%lld/actions/extend_timescale?timescale=", (long long)id);
				for (; *k; k++)
					if (*k == '#')
						html_raw(h, "%23");
					else {
						char c[2] = { *k, 0 };
						html_esc(h, c);
					}
				html_raw(h, "\">Extend this timescale<span class=\"govuk-visually-hidden\"> (");
				html_esc(h, str(t, "what"));
				html_raw(h, ")</span></a></p>");
			}
			json_decref(in);
		}
		web_when(due, 0, when);
		html_raw(h, "</td><td class=\"govuk-table__cell\">");
		html_esc(h, when);
		html_raw(h, "</td><td class=\"govuk-table__cell\">");
		web_status_tag(w, h, st, due);
		html_raw(h, "</td></tr>");
	}
	if (n)
		html_raw(h, "</tbody></table>");
	free(v);
}

static void actions(struct web *w, struct html *h, const json_t *view, const struct definition *d, int64_t id)
{
	json_t *list = json_object_get(view, "actions"), *a;
	size_t i;
	int any = 0;
	html_raw(h, "<h2 class=\"govuk-heading-m\" id=\"actions\">What you can do now</h2>");
	if (!json_array_size(list))
		html_raw(h, "<p class=\"govuk-body\">There is no action you can take on this case in its current state.</p>");
	json_array_foreach(list, i, a) {
		json_t *schema = form_ordered(json_object_get(a, "input"));
		html_raw(h, "<details class=\"govuk-details app-action\"><summary class=\"govuk-details__summary\">"
			 "<span class=\"govuk-details__summary-text\">");
		html_esc(h, str(a, "title"));
		html_raw(h, "</span></summary><div class=\"govuk-details__text\">");
		html_fmt(h, "<p class=\"govuk-body-s\">Procedure line L%lld</p>", (long long)json_integer_value(json_object_get(a, "line")));
		{
			char *url = xasprintf("/app/cases/%lld/actions/%s", (long long)id, str(a, "name"));
			struct form_ctx c = { .w = w, .members = json_object_get(view, "members"), .id_prefix = str(a, "name"),
					      .name_prefix = "", .fresh = 1 };
			web_action_form(&c, h, url, str(a, "title"), schema, NULL, NULL);
			free(url);
		}
		html_raw(h, "</div></details>");
		json_decref(schema);
	}
	if (!d || !json_is_true(json_object_get(view, "open")))
		return;
	for (i = 0; i < d->nrecords; i++) {
		json_t *in = json_pack("{s:s}", "type", d->records[i].name);
		if (interp_role_for(d, "add_record", w->rq->user.roles, w->rq->user.id, view, in)) {
			char *t = web_humanise(d->records[i].name);
			if (!any++)
				html_raw(h, "<h3 class=\"govuk-heading-s\">Add a record</h3><ul class=\"govuk-list app-columns\">");
			html_fmt(h, "<li><a class=\"govuk-link\" href=\"/app/cases/%lld/records/", (long long)id);
			html_esc(h, d->records[i].name);
			html_raw(h, "\">");
			html_esc(h, t);
			html_raw(h, "</a></li>");
			free(t);
		}
		json_decref(in);
	}
	if (any)
		html_raw(h, "</ul>");
}

static void records(struct web *w, struct html *h, const json_t *view, const struct definition *d)
{
	json_t *list = json_object_get(view, "records"), *r, *v;
	size_t i;
	const char *k;
	html_raw(h, "<h2 class=\"govuk-heading-m\" id=\"records\">Records</h2>");
	if (!json_array_size(list))
		html_raw(h, "<p class=\"govuk-body\">No records yet.</p>");
	json_array_foreach(list, i, r) {
		char *t = web_humanise(str(r, "type")), when[64];
		const char *who = web_user_name(w, json_integer_value(json_object_get(r, "by")));
		web_when(json_integer_value(json_object_get(r, "at_epoch")), 0, when);
		html_raw(h, "<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\"><h3 class=\"govuk-summary-card__title\">");
		html_esc(h, t);
		html_raw(h, " <span class=\"govuk-body-s app-secondary\">");
		html_esc(h, when);
		html_raw(h, ", ");
		html_esc(h, who ? who : "the engine");
		html_raw(h, "</span></h3></div><div class=\"govuk-summary-card__content\"><dl class=\"govuk-summary-list\">");
		{
			const struct record_def *rd = d ? def_record(d, str(r, "type")) : NULL;
			json_object_foreach(json_object_get(r, "fields"), k, v)
				summary_row_of(h, rd ? &rd->fields : NULL, k, v, NULL);
		}
		html_raw(h, "</dl></div></div>");
		free(t);
	}
}

static void chronology(struct web *w, struct html *h, int64_t id)
{
	json_t *c = report_chronology(w->rq->svc, w->rq->user.authority, id, NULL), *e;
	size_t i;
	html_raw(h, "<h2 class=\"govuk-heading-m\" id=\"chronology\">Chronology</h2>");
	if (!c || !json_array_size(json_object_get(c, "chronology"))) {
		html_raw(h, "<p class=\"govuk-body\">Nothing significant has happened yet.</p>");
		json_decref(c);
		return;
	}
	html_raw(h, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Significant events, oldest first</caption>"
		 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">When</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">What happened</th><th scope=\"col\" class=\"govuk-table__header\">Who</th>"
		 "</tr></thead><tbody class=\"govuk-table__body\">");
	json_array_foreach(json_object_get(c, "chronology"), i, e) {
		char when[64], *role = web_humanise(str(e, "role"));
		web_when(json_integer_value(json_object_get(e, "at_epoch")), 0, when);
		html_raw(h, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
		html_esc(h, when);
		html_raw(h, "</td><td class=\"govuk-table__cell\">");
		html_esc(h, str(e, "what"));
		if (json_object_get(e, "line"))
			html_fmt(h, " <span class=\"app-secondary\">(L%lld)</span>", (long long)json_integer_value(json_object_get(e, "line")));
		html_raw(h, "</td><td class=\"govuk-table__cell\">");
		html_esc(h, str(e, "who"));
		if (str(e, "role")) {
			html_raw(h, " (");
			html_esc(h, role);
			html_raw(h, ")");
		}
		html_raw(h, "</td></tr>");
		free(role);
	}
	html_raw(h, "</tbody></table>");
	json_decref(c);
}

int web_case(struct request *rq)
{
	struct web w;
	struct error err = { 0 };
	struct html b = { 0 };
	int status;
	int64_t id;
	json_t *view, *m, *v;
	struct definition *d;
	const char *done, *k;
	char *title, when[64], buf[64];
	size_t i;

	if (web_begin(rq, &w, &status))
		return status;
	id = util_id(rq->params[0]);
	view = id ? service_case_view(rq->svc, &rq->user, id, 1, &err) : NULL;
	if (!view) {
		status = case_error(&w, &err);
		web_end(&w);
		return status;
	}
	d = view_def(&w, view);
	done = http_query(rq, "done");
	if (done) {
		const struct action_def *a = d ? def_action(d, done) : NULL;
		char *t = web_humanise(done);
		html_raw(&b, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
			 "aria-labelledby=\"done-title\" data-module=\"govuk-notification-banner\"><div class=\"govuk-notification-banner__header\">"
			 "<h2 class=\"govuk-notification-banner__title\" id=\"done-title\">Success</h2></div>"
			 "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">Done: ");
		html_esc(&b, a && a->title ? a->title : t);
		html_raw(&b, "</p></div></div>");
		free(t);
	}
	case_heading(&w, &b, view, d);
	title = web_state_title(d, str(view, "state"));
	html_raw(&b, "<dl class=\"govuk-summary-list\">");
	summary_row(&b, "state", NULL, title);
	summary_row(&b, "case", NULL, json_is_true(json_object_get(view, "open")) ? "Open" : "Closed");
	{
		int64_t as = json_integer_value(json_object_get(view, "assigned"));
		const char *who = as ? web_user_name(&w, as) : NULL;
		summary_row(&b, "assigned_worker", NULL, who ? who : "Not allocated");
	}
	summary_row(&b, "team", NULL, str(view, "team") ? str(view, "team") : "None yet");
	web_when(json_integer_value(json_object_get(view, "opened_at_epoch")), 0, when);
	summary_row(&b, "opened", NULL, when);
	web_when(json_integer_value(json_object_get(view, "updated_at_epoch")), 0, when);
	summary_row(&b, "last_change", NULL, when);
	html_raw(&b, "</dl>");
	free(title);
	html_fmt(&b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/app/cases/%lld/audit\">Replay and verify this case (audit)</a></p>",
		 (long long)id);

	actions(&w, &b, view, d, id);
	timescales(&w, &b, view, d, id);

	html_raw(&b, "<h2 class=\"govuk-heading-m\" id=\"family\">Family members</h2>");
	if (!json_array_size(json_object_get(view, "members")))
		html_raw(&b, "<p class=\"govuk-body\">No family members are recorded.</p>");
	else
		html_raw(&b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Family members</caption>"
			 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Name</th>"
			 "<th scope=\"col\" class=\"govuk-table__header\">Role</th><th scope=\"col\" class=\"govuk-table__header\">Date of birth</th>"
			 "</tr></thead><tbody class=\"govuk-table__body\">");
	json_array_foreach(json_object_get(view, "members"), i, m) {
		char *role = web_humanise(str(m, "role"));
		int date;
		html_raw(&b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
		html_esc(&b, str(m, "name"));
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		html_esc(&b, role);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		if (str(m, "dob") && calendar_parse_date(str(m, "dob"), &date) == 0) {
			web_when(calendar_local_instant(date, 12, 0, 0), 1, buf);
			html_esc(&b, buf);
		} else {
			html_esc(&b, str(m, "dob") ? str(m, "dob") : "Not known");
		}
		html_raw(&b, "</td></tr>");
		free(role);
	}
	if (json_array_size(json_object_get(view, "members")))
		html_raw(&b, "</tbody></table>");

	html_raw(&b, "<h2 class=\"govuk-heading-m\" id=\"details\">Case details</h2><dl class=\"govuk-summary-list\">");
	json_object_foreach(json_object_get(view, "data"), k, v)
		summary_row_of(&b, d ? &d->data : NULL, k, v, NULL);
	html_raw(&b, "</dl>");
	records(&w, &b, view, d);
	chronology(&w, &b, id);

	snprintf(buf, sizeof buf, "Case %lld", (long long)id);
	status = web_page(&w, 200, NAV_CASELOAD, buf, 0, &b);
	json_decref(view);
	web_end(&w);
	return status;
}
