/*
 * web_audit.c: the auditor's page of a case (its replay timeline as at a
 * chosen date, the verification result, who viewed the record) and the
 * workflow pages (the process graph and the timescales with their procedure
 * lines). Replays with service_replay, as GET /cases/{id}/replay does; who
 * viewed is for auditors and the data-protection officer, as GET
 * /cases/{id}/reads.
 */
#include "web_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

/* A status as text in a tag; no RAG (the page is about another moment). */
static void plain_status(struct html *h, const char *st)
{
	static const struct { const char *status, *text, *colour; } tags[] = {
		{ "pending", "Pending", "blue" }, { "met", "Met", "green" }, { "met_late", "Met late", "pink" },
		{ "breached", "Breached", "red" }, { "cancelled", "Cancelled", "grey" },
	};
	size_t i;
	for (i = 0; st && i < sizeof tags / sizeof *tags; i++)
		if (strcmp(st, tags[i].status) == 0) {
			html_fmt(h, "<strong class=\"govuk-tag govuk-tag--%s\">%s</strong>", tags[i].colour, tags[i].text);
			return;
		}
	html_esc(h, st);
}

static void yes_no_row(struct html *h, const char *key, int ok, const char *good, const char *bad, const char *detail)
{
	html_raw(h, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">");
	html_raw(h, key);
	html_fmt(h, "</dt><dd class=\"govuk-summary-list__value\"><strong class=\"govuk-tag govuk-tag--%s\">%s</strong>",
		 ok ? "green" : "red", ok ? good : bad);
	if (detail) {
		html_raw(h, " ");
		html_esc(h, detail);
	}
	html_raw(h, "</dd></div>");
}

/* The as-of date: ?as_of=YYYY-MM-DD or the date input's three fields. 0 ok (date 0 = none), -1 bad. */
static int as_of_date(struct request *rq, int *date, char buf[16])
{
	const char *s = http_query(rq, "as_of"), *d = http_query(rq, "as_of-day"), *m = http_query(rq, "as_of-month"),
		   *y = http_query(rq, "as_of-year");
	*date = 0;
	buf[0] = '\0';
	if (d || m || y) {
		if (!(d && d[0]) && !(m && m[0]) && !(y && y[0]))
			return 0;
		snprintf(buf, 16, "%04ld-%02ld-%02ld", y ? strtol(y, NULL, 10) % 10000 : 0L, m ? strtol(m, NULL, 10) % 100 : 0L,
			 d ? strtol(d, NULL, 10) % 100 : 0L);
		return calendar_parse_date(buf, date);
	}
	if (!s || !s[0])
		return 0;
	snprintf(buf, 16, "%.15s", s);
	return calendar_parse_date(buf, date);
}

static void timeline(struct web *w, struct html *h, const json_t *rep, const struct definition *d)
{
	json_t *e, *t;
	size_t i, j;
	html_raw(h, "<h2 class=\"govuk-heading-m\" id=\"timeline\">Timeline</h2><table class=\"govuk-table app-timeline\">"
		 "<caption class=\"govuk-table__caption govuk-visually-hidden\">Every event of the case, replayed in order</caption>"
		 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Event</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">When and who</th><th scope=\"col\" class=\"govuk-table__header\">What</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">State after</th><th scope=\"col\" class=\"govuk-table__header\">Timescales after</th>"
		 "</tr></thead><tbody class=\"govuk-table__body\">");
	json_array_foreach(json_object_get(rep, "timeline"), i, e) {
		char when[64], *kind = web_humanise(str(e, "kind")), *state = web_state_title(d, str(e, "state"));
		const struct action_def *a = d ? def_action(d, str(e, "name")) : NULL;
		int64_t at = 0, uid = json_integer_value(json_object_get(e, "user"));
		const char *who = uid ? web_user_name(w, uid) : "casework (timer)";
		calendar_parse_instant(str(e, "at"), &at);
		web_when(at, 0, when);
		html_fmt(h, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">%lld</td><td class=\"govuk-table__cell\">",
			 (long long)json_integer_value(json_object_get(e, "seq")));
		html_esc(h, when);
		html_raw(h, "<br><span class=\"govuk-body-s app-secondary\">");
		html_esc(h, who ? who : "unknown user");
		if (str(e, "role")) {
			char *r = web_humanise(str(e, "role"));
			html_raw(h, " (");
			html_esc(h, r);
			html_raw(h, ")");
			free(r);
		}
		html_raw(h, "</span></td><td class=\"govuk-table__cell\">");
		html_esc(h, kind);
		html_raw(h, ": ");
		html_esc(h, a && a->title ? a->title : str(e, "name"));
		if (str(e, "refused")) {
			html_raw(h, "<br><strong class=\"govuk-tag govuk-tag--red\">Refused on replay</strong> ");
			html_esc(h, str(e, "refused"));
		}
		html_raw(h, "</td><td class=\"govuk-table__cell\">");
		html_esc(h, state);
		html_raw(h, "</td><td class=\"govuk-table__cell\"><ul class=\"govuk-list govuk-body-s\">");
		json_array_foreach(json_object_get(e, "timescales"), j, t) {
			html_raw(h, "<li>");
			html_esc(h, str(t, "key"));
			html_raw(h, ": ");
			html_esc(h, str(t, "status"));
			html_raw(h, "</li>");
		}
		html_raw(h, "</ul></td></tr>");
		free(kind);
		free(state);
	}
	html_raw(h, "</tbody></table>");
}

int web_audit(struct request *rq)
{
	struct web w;
	struct html b = { 0 };
	struct error err = { 0 };
	int64_t id = util_id(rq->params[0]), as_of = 0;
	json_t *full = NULL, *rep = NULL, *t;
	struct definition *d;
	int status, date, bad;
	char buf[16], when[64], title[64];
	size_t i;

	if (web_begin(rq, &w, &status))
		return status;
	bad = as_of_date(rq, &date, buf);
	if (!bad && date)
		as_of = calendar_local_instant(date, 23, 59, 59);
	full = id ? service_replay(rq->svc, rq->user.authority, id, 0, NULL, &err) : NULL;
	if (!full) {
		status = err.kind && error_http_status(err.kind) != 404
			? web_error_page(&w, error_http_status(err.kind), "Sorry, there is a problem", err.message)
			: web_error_page(&w, 404, "Page not found", "There is no such case in your authority.");
		web_end(&w);
		return status;
	}
	rep = as_of ? service_replay(rq->svc, rq->user.authority, id, as_of, NULL, &err) : json_incref(full);
	d = service_definition_by_hash(rq->svc, str(full, "definition"), NULL);
	snprintf(title, sizeof title, "Audit of case %lld", (long long)id);
	html_fmt(&b, "<a href=\"/app/cases/%lld\" class=\"govuk-back-link\">Back to case %lld</a>", (long long)id, (long long)id);
	if (bad) {
		json_t *items = json_pack("[{s:s, s:s}]", "href", "#as_of-day", "message", "The date must be a real date, for example 27 3 2026");
		form_error_summary(&b, items);
		json_decref(items);
	}
	html_fmt(&b, "<span class=\"govuk-caption-l\">Case %lld</span><h1 class=\"govuk-heading-l\">Replay and verification</h1>", (long long)id);

	html_raw(&b, "<h2 class=\"govuk-heading-m\">Verification</h2><dl class=\"govuk-summary-list\">");
	yes_no_row(&b, "Hash chain", json_is_true(json_object_get(full, "chain_ok")), "Intact", "Broken",
		   json_is_true(json_object_get(full, "chain_ok")) ? "every event is chained to the one before it" : "an event was changed or removed");
	{
		char *div = json_object_get(full, "divergence") ? json_dumps(json_object_get(full, "divergence"), JSON_COMPACT) : NULL;
		yes_no_row(&b, "Replay", json_is_true(json_object_get(full, "matches")), "Matches the store", "Diverges",
			   div ? div : "replaying every event through the stored definition gives the stored case");
		free(div);
	}
	html_fmt(&b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Events</dt>"
		 "<dd class=\"govuk-summary-list__value\">%lld</dd></div>", (long long)json_integer_value(json_object_get(full, "events")));
	html_raw(&b, "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Definition version</dt>"
		 "<dd class=\"govuk-summary-list__value app-hash\">");
	html_esc(&b, str(full, "definition"));
	html_raw(&b, "</dd></div></dl>");

	html_fmt(&b, "<form method=\"get\" action=\"/app/cases/%lld/audit\" novalidate><div class=\"govuk-form-group%s\">"
		 "<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"as_of-hint\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">"
		 "<h2 class=\"govuk-fieldset__heading\">The case as at a date</h2></legend><div id=\"as_of-hint\" class=\"govuk-hint\">"
		 "Replays the events up to the end of that day (London time). For example, 27 3 2026</div>",
		 (long long)id, bad ? " govuk-form-group--error" : "");
	{
		static const char *parts[] = { "day", "month", "year" }, *labels[] = { "Day", "Month", "Year" };
		int y = 0, m = 0, dd = 0;
		if (date)
			calendar_split_date(date, &y, &m, &dd);
		html_raw(&b, "<div class=\"govuk-date-input\" id=\"as_of\">");
		for (i = 0; i < 3; i++) {
			html_fmt(&b, "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" "
				 "for=\"as_of-%s\">%s</label><input class=\"govuk-input govuk-date-input__input govuk-input--width-%d\" id=\"as_of-%s\" "
				 "name=\"as_of-%s\" type=\"text\" inputmode=\"numeric\" value=\"", parts[i], labels[i], i == 2 ? 4 : 2, parts[i], parts[i]);
			if (date)
				html_fmt(&b, "%d", i == 0 ? dd : i == 1 ? m : y);
			html_raw(&b, "\"></div></div>");
		}
		html_raw(&b, "</div></fieldset></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
			 "data-module=\"govuk-button\">Replay as at this date</button></form>");
	}
	if (rep) {
		json_t *view = json_object_get(rep, "view");
		char *state = web_state_title(d, str(view, "state"));
		if (as_of)
			web_when(as_of, 1, when);
		html_raw(&b, "<h2 class=\"govuk-heading-m\" id=\"as-at\">");
		html_raw(&b, as_of ? "As at the end of " : "As it stands now");
		if (as_of)
			html_esc(&b, when);
		html_raw(&b, "</h2><p class=\"govuk-body\">State: <strong>");
		html_esc(&b, state);
		html_raw(&b, "</strong></p>");
		free(state);
		if (json_array_size(json_object_get(view, "timescales"))) {
			html_raw(&b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Timescales at that moment</caption>"
				 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Timescale</th>"
				 "<th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead>"
				 "<tbody class=\"govuk-table__body\">");
			json_array_foreach(json_object_get(view, "timescales"), i, t) {
				web_when(json_integer_value(json_object_get(t, "due_epoch")), 0, when);
				html_raw(&b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
				html_esc(&b, str(t, "what"));
				html_fmt(&b, " <span class=\"app-secondary\">(L%lld)</span></td><td class=\"govuk-table__cell\">",
					 (long long)json_integer_value(json_object_get(t, "line")));
				html_esc(&b, when);
				html_raw(&b, "</td><td class=\"govuk-table__cell\">");
				plain_status(&b, str(t, "status"));
				html_raw(&b, "</td></tr>");
			}
			html_raw(&b, "</tbody></table>");
		}
		timeline(&w, &b, rep, d);
	}

	html_raw(&b, "<h2 class=\"govuk-heading-m\" id=\"reads\">Who viewed this record</h2>");
	if (user_has_role(&rq->user, "auditor") || user_has_role(&rq->user, "data_protection_officer")) {
		json_t *reads = service_reads(rq->svc, id, &err), *r;
		if (!json_array_size(reads))
			html_raw(&b, "<p class=\"govuk-body\">Nobody has viewed it yet.</p>");
		else
			html_raw(&b, "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Reads of the case</caption>"
				 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Who</th>"
				 "<th scope=\"col\" class=\"govuk-table__header\">When</th></tr></thead><tbody class=\"govuk-table__body\">");
		json_array_foreach(reads, i, r) {
			web_when(json_integer_value(json_object_get(r, "at_epoch")), 0, when);
			html_raw(&b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">");
			html_esc(&b, str(r, "name") ? str(r, "name") : "unknown user");
			html_raw(&b, "</td><td class=\"govuk-table__cell\">");
			html_esc(&b, when);
			html_raw(&b, "</td></tr>");
		}
		if (json_array_size(reads))
			html_raw(&b, "</tbody></table>");
		json_decref(reads);
	} else {
		html_raw(&b, "<p class=\"govuk-inset-text\">Who viewed a record is shown to auditors and the data-protection officer only.</p>");
	}
	json_decref(full);
	json_decref(rep);
	status = web_page(&w, bad ? 422 : 200, NAV_CASELOAD, title, bad, &b);
	web_end(&w);
	return status;
}

/* --- workflows ---------------------------------------------------------------------- */

int web_workflows(struct request *rq)
{
	struct web w;
	struct html b = { 0 };
	int status;
	size_t i;
	if (web_begin(rq, &w, &status))
		return status;
	html_raw(&b, "<h1 class=\"govuk-heading-l\">Workflows</h1><p class=\"govuk-body\">The procedures ");
	html_esc(&b, w.auth ? w.auth->name : "your authority");
	html_raw(&b, " runs, each with its process graph and timescales.</p><ul class=\"govuk-list govuk-list--spaced\">");
	for (i = 0; w.auth && i < w.auth->workflows.n; i++) {
		struct definition *d = service_definition(rq->svc, w.auth->id, w.auth->workflows.v[i]);
		if (!d)
			continue;
		html_raw(&b, "<li><a class=\"govuk-link\" href=\"/app/workflows/");
		html_esc(&b, d->id);
		html_raw(&b, "\">");
		html_esc(&b, d->title ? d->title : d->id);
		html_raw(&b, "</a><br><span class=\"govuk-body-s app-secondary\">Version ");
		html_esc(&b, d->hash);
		html_raw(&b, "</span></li>");
	}
	html_raw(&b, "</ul>");
	status = web_page(&w, 200, NAV_WORKFLOWS, "Workflows", 0, &b);
	web_end(&w);
	return status;
}

static void roles_text(struct html *h, const struct strlist *l)
{
	size_t i;
	for (i = 0; i < l->n; i++) {
		char *t = web_humanise(l->v[i]);
		html_raw(h, i ? ", " : "");
		html_esc(h, t);
		free(t);
	}
}

int web_workflow(struct request *rq)
{
	struct web w;
	struct html b = { 0 };
	struct definition *d;
	int status;
	size_t i, j;
	char *svg;
	if (web_begin(rq, &w, &status))
		return status;
	d = w.auth && strlist_has(&w.auth->workflows, rq->params[0]) ? service_definition(rq->svc, w.auth->id, rq->params[0]) : NULL;
	if (!d) {
		status = web_error_page(&w, 404, "Page not found", "Your authority has no such workflow.");
		web_end(&w);
		return status;
	}
	html_raw(&b, "<a href=\"/app/workflows\" class=\"govuk-back-link\">Back to the workflows</a><span class=\"govuk-caption-l\">");
	html_esc(&b, w.auth->name);
	html_raw(&b, "</span><h1 class=\"govuk-heading-l\">");
	html_esc(&b, d->title ? d->title : d->id);
	html_raw(&b, "</h1><p class=\"govuk-body-s app-hash\">Version ");
	html_esc(&b, d->hash);
	html_raw(&b, "</p><h2 class=\"govuk-heading-m\">Process graph</h2>");
	svg = xasprintf("%s/graphs/%s.%s.svg", web_assets_dir(), w.auth->id, d->id);
	if (access(svg, R_OK) == 0) {
		html_raw(&b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/assets/graphs/");
		html_esc(&b, w.auth->id);
		html_raw(&b, ".");
		html_esc(&b, d->id);
		html_raw(&b, ".svg\">Open the graph on its own</a></p><div class=\"app-graph\" tabindex=\"0\" role=\"region\" aria-label=\"Process graph (scrolls)\"><img src=\"/assets/graphs/");
		html_esc(&b, w.auth->id);
		html_raw(&b, ".");
		html_esc(&b, d->id);
		html_raw(&b, ".svg\" alt=\"Process graph: the states and the actions between them, also listed in the table of transitions below\"></div>");
	} else {
		html_raw(&b, "<p class=\"govuk-inset-text\">The graph image has not been built on this server (make web-assets "
			 "renders it with Graphviz). The transitions below are the same graph as a table.</p>");
	}
	free(svg);
	html_raw(&b, "<h2 class=\"govuk-heading-m\">Timescales</h2><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">"
		 "Every timescale of the workflow with its procedure line</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
		 "<th scope=\"col\" class=\"govuk-table__header\">Line</th><th scope=\"col\" class=\"govuk-table__header\">What must happen</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">Rule</th><th scope=\"col\" class=\"govuk-table__header\">Counted from</th>"
		 "</tr></thead><tbody class=\"govuk-table__body\">");
	for (i = 0; i < d->ntimescales; i++) {
		const struct timescale_def *t = &d->timescales[i];
		char *rule = def_rule_text(t), *r = web_humanise(rule);
		html_fmt(&b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">L%d</td><td class=\"govuk-table__cell\">", t->cites);
		html_esc(&b, t->what ? t->what : t->name);
		html_raw(&b, "<br><span class=\"govuk-body-s app-secondary\">");
		html_esc(&b, t->name);
		if (t->note) {
			html_raw(&b, ". ");
			html_esc(&b, t->note);
		}
		html_raw(&b, "</span></td><td class=\"govuk-table__cell\">");
		html_esc(&b, r);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		for (j = 0; j < t->from.n; j++) {
			html_raw(&b, j ? ", " : "");
			html_esc(&b, t->from.v[j]);
		}
		html_raw(&b, "</td></tr>");
		free(rule);
		free(r);
	}
	html_raw(&b, "</tbody></table><h2 class=\"govuk-heading-m\">Transitions</h2><table class=\"govuk-table\">"
		 "<caption class=\"govuk-table__caption govuk-visually-hidden\">Each action: from which states, by whom, to which state</caption>"
		 "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Line</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">Action</th><th scope=\"col\" class=\"govuk-table__header\">From</th>"
		 "<th scope=\"col\" class=\"govuk-table__header\">By</th><th scope=\"col\" class=\"govuk-table__header\">To</th></tr></thead>"
		 "<tbody class=\"govuk-table__body\">");
	for (i = 0; i < d->nactions; i++) {
		const struct action_def *a = &d->actions[i];
		html_fmt(&b, "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">L%d</td><td class=\"govuk-table__cell\">", a->cites);
		html_esc(&b, a->title ? a->title : a->name);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		for (j = 0; j < a->from.n; j++) {
			char *s = strcmp(a->from.v[j], "*") == 0 ? xstrdup("Any open state") : web_state_title(d, a->from.v[j]);
			html_raw(&b, j ? "; " : "");
			html_esc(&b, s);
			free(s);
		}
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		roles_text(&b, &a->by);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		if (a->to) {
			char *s = web_state_title(d, a->to);
			html_esc(&b, s);
			free(s);
		} else if (a->targets.n) {
			for (j = 0; j < a->targets.n; j++) {
				char *s = web_state_title(d, a->targets.v[j]);
				html_raw(&b, j ? "; " : "One of: ");
				html_esc(&b, s);
				free(s);
			}
		} else {
			html_raw(&b, "Stays in the same state");
		}
		html_raw(&b, "</td></tr>");
	}
	html_raw(&b, "</tbody></table>");
	status = web_page(&w, 200, NAV_WORKFLOWS, d->title ? d->title : d->id, 0, &b);
	web_end(&w);
	return status;
}
