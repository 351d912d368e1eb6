/*
 * web_pages.c: my caseload, the team's overdue timescales, and the virtual
 * clock. Reads with the store calls GET /cases and GET /timescales use,
 * always scoped to the signed-in user's authority; the clock moves with
 * service_advance, as POST /clock does (and, like it, only a virtual clock).
 */
#include "web_internal.h"

#include <event2/http.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

#define CASELOAD_MAX 500
/* Timescales on a page of Team overdue (the oldest due first; the next page follows the last). */
#define OVERDUE_PAGE 50

/* A query parameter, or "" (never NULL). */
static const char *q(struct request *rq, const char *name)
{
	const char *v = http_query(rq, name);
	return v ? v : "";
}

static void option(struct html *h, const char *value, const char *text, const char *selected)
{
	html_raw(h, "<option value=\"");
	html_esc(h, value);
	html_raw(h, strcmp(value, selected) == 0 ? "\" selected>" : "\">");
	html_esc(h, text);
	html_raw(h, "</option>");
}

/* --- my caseload ------------------------------------------------------------------ */

struct row {
	int64_t id;
	char *family, *workflow, *state, *worker, *team, *next_what;
	int64_t next_due;          /* 0 = none pending */
	int breached;
	int rank;                  /* 0 red, 1 amber, 2 green, 3 nothing running */
};

static const char *sort_by = "due";

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = 0;
	if (strcmp(sort_by, "state") == 0)
		c = strcmp(x->state, y->state);
	else if (strcmp(sort_by, "worker") == 0)
		c = strcmp(x->worker, y->worker);
	else if (strcmp(sort_by, "case") == 0)
		c = 0;
	else if (x->rank != y->rank)
		c = x->rank - y->rank;
	else if (x->next_due != y->next_due)
		c = x->next_due < y->next_due ? -1 : 1;
	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void sort_header(struct html *h, const char *label, const char *key, const char *show,
			const char *state, const char *team, const char *cur)
{
	char *s = evhttp_encode_uri(show), *st = evhttp_encode_uri(state), *t = evhttp_encode_uri(team);
	int active = strcmp(key, cur) == 0;
	html_raw(h, "<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"");
	html_raw(h, active ? "ascending" : "none");
	html_raw(h, "\"><a class=\"govuk-link\" href=\"/app?show=");
	html_esc(h, s);
	html_raw(h, "&amp;state=");
	html_esc(h, st);
	html_raw(h, "&amp;team=");
	html_esc(h, t);
	html_raw(h, "&amp;sort=");
	html_esc(h, key);
	html_raw(h, "\">");
	html_esc(h, label);
	if (active)
		html_raw(h, " <span class=\"app-secondary\">(sorted)</span>");
	html_raw(h, "</a></th>");
	free(s);
	free(st);
	free(t);
}

static void fill_row(struct web *w, struct row *r, json_t *view)
{
	struct definition *d = service_definition_by_hash(w->rq->svc, str(view, "definition"), NULL);
	json_t *t, *m, *next = NULL;
	size_t i;
	int64_t as = json_integer_value(json_object_get(view, "assigned"));
	const char *who = as ? web_user_name(w, as) : NULL;
	struct html fam = { 0 };
	r->id = json_integer_value(json_object_get(view, "id"));
	json_array_foreach(json_object_get(view, "members"), i, m) {
		if (i)
			html_raw(&fam, ", ");
		html_raw(&fam, str(m, "name"));
	}
	r->family = fam.p ? fam.p : xstrdup("");
	r->workflow = xstrdup(d && d->title ? d->title : str(view, "workflow"));
	r->state = web_state_title(d, str(view, "state"));
	r->worker = xstrdup(who ? who : "Not allocated");
	r->team = xstrdup(str(view, "team") ? str(view, "team") : "");
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		const char *st = str(t, "status");
		if (strcmp(st, "breached") == 0)
			r->breached++;
		if (strcmp(st, "pending") == 0 && (!next || json_integer_value(json_object_get(t, "due_epoch")) <
						   json_integer_value(json_object_get(next, "due_epoch"))))
			next = t;
	}
	r->next_what = xstrdup(next ? str(next, "what") : "");
	r->next_due = next ? json_integer_value(json_object_get(next, "due_epoch")) : 0;
	if (r->breached)
		r->rank = 0;
	else if (next)
		r->rank = strcmp(web_rag(w, "pending", r->next_due), "amber") == 0 ? 1 : 2;
	else
		r->rank = 3;
}

static void caseload_filters(struct web *w, struct html *h, const char *show, const char *state, const char *team,
			     const char *sort)
{
	size_t i, j, k;
	json_t *seen = json_object();
	html_raw(h, "<form method=\"get\" action=\"/app\" class=\"app-filters\"><div class=\"govuk-grid-row\">"
		 "<div class=\"govuk-grid-column-one-third\"><div class=\"govuk-form-group\">"
		 "<label class=\"govuk-label govuk-label--s\" for=\"show\">Cases</label><select class=\"govuk-select\" id=\"show\" name=\"show\">");
	option(h, "mine", "Assigned to me", show);
	option(h, "team", "My team's", show);
	option(h, "all", "All open cases", show);
	html_raw(h, "</select></div></div><div class=\"govuk-grid-column-one-third\"><div class=\"govuk-form-group\">"
		 "<label class=\"govuk-label govuk-label--s\" for=\"state\">State</label><select class=\"govuk-select app-select--wide\" id=\"state\" name=\"state\">");
	option(h, "", "Any state", state);
	for (i = 0; w->auth && i < w->auth->workflows.n; i++) {
		struct definition *d = service_definition(w->rq->svc, w->auth->id, w->auth->workflows.v[i]);
		for (j = 0; d && j < d->nstates; j++) {
			if (d->states[j].terminal || json_object_get(seen, d->states[j].name))
				continue;
			json_object_set_new(seen, d->states[j].name, json_true());
			option(h, d->states[j].name, d->states[j].title ? d->states[j].title : d->states[j].name, state);
		}
	}
	html_raw(h, "</select></div></div><div class=\"govuk-grid-column-one-third\"><div class=\"govuk-form-group\">"
		 "<label class=\"govuk-label govuk-label--s\" for=\"team\">Team</label><select class=\"govuk-select\" id=\"team\" name=\"team\">");
	option(h, "", "Any team", team);
	for (k = 0; w->auth && k < w->auth->teams.n; k++)
		option(h, w->auth->teams.v[k], w->auth->teams.v[k], team);
	html_raw(h, "</select></div></div></div><input type=\"hidden\" name=\"sort\" value=\"");
	html_esc(h, sort);
	html_raw(h, "\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
		 "Apply filters</button></form>");
	json_decref(seen);
}

int web_caseload(struct request *rq)
{
	struct web w;
	struct html b = { 0 };
	struct case_filter f = { 0 };
	struct error err = { 0 };
	const char *show = q(rq, "show"), *state = q(rq, "state"), *team = q(rq, "team"), *sort = q(rq, "sort");
	json_t *ids, *id;
	struct row *rows = NULL;
	size_t n = 0, i;
	int status, more;

	if (web_begin(rq, &w, &status))
		return status;
	if (strcmp(show, "team") && strcmp(show, "all"))
		show = "mine";
	if (strcmp(sort, "case") && strcmp(sort, "state") && strcmp(sort, "worker"))
		sort = "due";
	f.authority = rq->user.authority;
	f.open_only = 1;
	f.state = state[0] ? state : NULL;
	f.team = strcmp(show, "team") == 0 ? (rq->user.team ? rq->user.team : "") : (team[0] ? team : NULL);
	f.assigned = strcmp(show, "mine") == 0 ? rq->user.id : 0;
	f.limit = CASELOAD_MAX + 1;   /* one more: to say that there are more */
	ids = store_case_ids(service_store(rq->svc), &f, &err);
	if (!ids) {   /* the store failed: say so, not "no open cases" */
		status = web_error_page(&w, error_http_status(err.kind), "Sorry, there is a problem", err.message);
		web_end(&w);
		return status;
	}
	if ((more = json_array_size(ids) > CASELOAD_MAX))
		json_array_remove(ids, CASELOAD_MAX);
	json_array_foreach(ids, i, id) {
		json_t *view = store_case_view(service_store(rq->svc), rq->user.authority, json_integer_value(id), NULL);
		if (!view)
			continue;
		rows = xrealloc(rows, (n + 1) * sizeof *rows);
		memset(&rows[n], 0, sizeof rows[n]);
		fill_row(&w, &rows[n++], view);
		json_decref(view);
	}
	json_decref(ids);
	sort_by = sort;
	if (n)
		qsort(rows, n, sizeof *rows, row_cmp);

	html_raw(&b, "<h1 class=\"govuk-heading-l\">My caseload</h1>");
	caseload_filters(&w, &b, show, state, team, sort);
	if (!n) {
		html_raw(&b, "<p class=\"govuk-body\">There are no open cases to show with these filters.</p>");
	} else {
		if (more)
			html_fmt(&b, "<div class=\"govuk-inset-text\">More than %d open cases match: these are the %d with the lowest case "
				 "numbers. Choose a team or a state to see the rest.</div>", CASELOAD_MAX, CASELOAD_MAX);
		html_fmt(&b, "<table class=\"govuk-table app-caseload\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
			 "%s%zu open case%s</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">",
			 more ? "The first " : "", n, n == 1 ? "" : "s");
		sort_header(&b, "Case", "case", show, state, team, sort);
		html_raw(&b, "<th scope=\"col\" class=\"govuk-table__header\">Family</th>");
		sort_header(&b, "State", "state", show, state, team, sort);
		sort_header(&b, "Worker", "worker", show, state, team, sort);
		sort_header(&b, "Next due", "due", show, state, team, sort);
		html_raw(&b, "<th scope=\"col\" class=\"govuk-table__header\">Status</th></tr></thead><tbody class=\"govuk-table__body\">");
		for (i = 0; i < n; i++) {
			char when[64];
			html_fmt(&b, "<tr class=\"govuk-table__row%s\"><td class=\"govuk-table__cell app-nowrap\"><a class=\"govuk-link\" href=\"/app/cases/%lld\">Case %lld</a>"
				 "<br><span class=\"govuk-body-s app-secondary\">",
				 rows[i].rank == 0 ? " app-row--red" : rows[i].rank == 1 ? " app-row--amber" : "",
				 (long long)rows[i].id, (long long)rows[i].id);
			html_esc(&b, rows[i].workflow);
			html_raw(&b, "</span></td><td class=\"govuk-table__cell\">");
			html_esc(&b, rows[i].family);
			html_raw(&b, "</td><td class=\"govuk-table__cell\">");
			html_esc(&b, rows[i].state);
			html_raw(&b, "</td><td class=\"govuk-table__cell\">");
			html_esc(&b, rows[i].worker);
			if (rows[i].team[0]) {
				html_raw(&b, "<br><span class=\"govuk-body-s app-secondary\">Team ");
				html_esc(&b, rows[i].team);
				html_raw(&b, "</span>");
			}
			html_raw(&b, "</td><td class=\"govuk-table__cell\">");
			if (rows[i].next_due) {
				web_when(rows[i].next_due, 0, when);
				html_esc(&b, when);
				html_raw(&b, "<br><span class=\"govuk-body-s app-secondary\">");
				html_esc(&b, rows[i].next_what);
				html_raw(&b, "</span>");
			} else {
				html_raw(&b, "Nothing due");
			}
			html_raw(&b, "</td><td class=\"govuk-table__cell\">");
			if (rows[i].breached)
				html_fmt(&b, "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong><br><span class=\"govuk-body-s\">%d breached</span>",
					 rows[i].breached);
			else if (rows[i].next_due)
				web_status_tag(&w, &b, "pending", rows[i].next_due);
			else
				html_raw(&b, "<strong class=\"govuk-tag govuk-tag--grey\">None running</strong>");
			html_raw(&b, "</td></tr>");
		}
		html_raw(&b, "</tbody></table>");
	}
	for (i = 0; i < n; i++) {
		free(rows[i].family);
		free(rows[i].workflow);
		free(rows[i].state);
		free(rows[i].worker);
		free(rows[i].team);
		free(rows[i].next_what);
	}
	free(rows);
	status = web_page(&w, 200, NAV_CASELOAD, "My caseload", 0, &b);
	web_end(&w);
	return status;
}

/* --- team overdue ---------------------------------------------------------------- */

static int ts_cmp(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	int64_t ax = json_integer_value(json_object_get(x, "assigned")), ay = json_integer_value(json_object_get(y, "assigned"));
	int64_t dx = json_integer_value(json_object_get(x, "due_epoch")), dy = json_integer_value(json_object_get(y, "due_epoch"));
	int64_t cx = json_integer_value(json_object_get(x, "case_id")), cy = json_integer_value(json_object_get(y, "case_id"));
	if (ax != ay)
		return !ax ? 1 : !ay ? -1 : ax < ay ? -1 : 1;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return strcmp(json_string_value(json_object_get(x, "key")), json_string_value(json_object_get(y, "key")));
}

int web_overdue(struct request *rq)
{
	struct web w;
	struct html b = { 0 };
	struct error err = { 0 };
	const char *team = q(rq, "team"), *after = q(rq, "after");
	json_t *list, *t;
	json_t **all = NULL;
	char *next = NULL;
	size_t n = 0, i, k;
	int status, today, ok = strcmp(team, "all") == 0;
	int64_t before, worker = -1, page = util_id(q(rq, "page"));

	if (web_begin(rq, &w, &status))
		return status;
	for (k = 0; w.auth && k < w.auth->teams.n; k++)
		if (strcmp(team, w.auth->teams.v[k]) == 0)
			ok = 1;
	if (!ok)
		team = rq->user.team ? rq->user.team : "all";
	today = calendar_local_date(service_now(rq->svc));
	/* Soon: due by the end of the fifth working day from today. */
	before = calendar_local_instant(calendar_add_working_days(w.auth ? &w.auth->cal : NULL, today, 5), 23, 59, 59) + 1;   /* due < before */
	/*
	 * Breached, and pending but due before then (a breach's due is past), in
	 * pages of the oldest due first: a page is grouped by worker, and the next
	 * page starts after its last row (GET /timescales's cursor). A cursor that
	 * is not one shows the first page.
	 */
	{
		struct ts_filter f = { .authority = rq->user.authority, .team = strcmp(team, "all") ? team : NULL,
				       .due_before = before, .limit = OVERDUE_PAGE + 1 };
		if (!after[0] || store_ts_after(after, &f)) {
			f.after_key = NULL;
			page = 1;
		}
		list = store_timescales(service_store(rq->svc), &f, &err);
		free((char *)f.after_key);
	}
	if (!list) {   /* the store failed: say so, not "nothing is overdue" */
		status = web_error_page(&w, error_http_status(err.kind), "Sorry, there is a problem", err.message);
		web_end(&w);
		return status;
	}
	if (json_array_size(list) > OVERDUE_PAGE) {
		json_array_remove(list, OVERDUE_PAGE);
		next = store_ts_cursor(json_array_get(list, OVERDUE_PAGE - 1));
	}
	json_array_foreach(list, i, t) {
		all = xrealloc(all, (n + 1) * sizeof *all);
		all[n++] = t;
	}
	if (n)
		qsort(all, n, sizeof *all, ts_cmp);

	html_fmt(&b, "<h1 class=\"govuk-heading-l\">Team overdue</h1><p class=\"govuk-body\">Every breached timescale, and every "
		 "timescale due within 5 working days, of the team's open cases: the oldest due first, %d to a page, by worker.</p>"
		 "<form method=\"get\" action=\"/app/overdue\" class=\"app-filters\"><div class=\"govuk-form-group\">"
		 "<label class=\"govuk-label govuk-label--s\" for=\"team\">Team</label><select class=\"govuk-select\" id=\"team\" name=\"team\">", OVERDUE_PAGE);
	option(&b, "all", "All teams", team);
	for (k = 0; w.auth && k < w.auth->teams.n; k++)
		option(&b, w.auth->teams.v[k], w.auth->teams.v[k], team);
	html_raw(&b, "</select></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">"
		 "Show team</button></form>");
	if (!n)
		html_raw(&b, after[0] ? "<p class=\"govuk-body\">Nothing more is overdue or due soon.</p>"
				       : "<p class=\"govuk-body\">Nothing is overdue or due soon.</p>");
	else if (page > 1 || (page == 1 && next))   /* 0: a cursor came without its page number */
		html_fmt(&b, "<p class=\"govuk-body app-secondary\">Page %lld</p>", (long long)page);
	for (i = 0; i < n; i++) {
		int64_t as = json_integer_value(json_object_get(all[i], "assigned"));
		struct definition *d = service_definition(rq->svc, rq->user.authority, str(all[i], "workflow"));
		const struct timescale_def *td = d ? def_timescale(d, str(all[i], "name")) : NULL;
		char when[64];
		int64_t due = json_integer_value(json_object_get(all[i], "due_epoch"));
		const char *rag = web_rag(&w, str(all[i], "status"), due);
		if (as != worker || i == 0) {
			const char *who = as ? web_user_name(&w, as) : NULL;
			if (i)
				html_raw(&b, "</tbody></table>");
			worker = as;
			html_raw(&b, "<h2 class=\"govuk-heading-m\">");
			html_esc(&b, who ? who : "Not allocated");
			html_raw(&b, "</h2><table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-visually-hidden\">Timescales of ");
			html_esc(&b, who ? who : "unallocated cases");
			html_raw(&b, "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
				 "<th scope=\"col\" class=\"govuk-table__header\">Case</th><th scope=\"col\" class=\"govuk-table__header\">What must happen</th>"
				 "<th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">Status</th>"
				 "</tr></thead><tbody class=\"govuk-table__body\">");
		}
		web_when(due, 0, when);
		html_fmt(&b, "<tr class=\"govuk-table__row%s\"><td class=\"govuk-table__cell app-nowrap\"><a class=\"govuk-link\" href=\"/app/cases/%lld\">Case %lld</a></td>"
			 "<td class=\"govuk-table__cell\">", rag && strcmp(rag, "red") == 0 ? " app-row--red" : rag && strcmp(rag, "amber") == 0 ? " app-row--amber" : "",
			 (long long)json_integer_value(json_object_get(all[i], "case_id")),
			 (long long)json_integer_value(json_object_get(all[i], "case_id")));
		html_esc(&b, td && td->what ? td->what : str(all[i], "name"));
		if (td)
			html_fmt(&b, " <span class=\"app-secondary\">(L%d)</span>", td->cites);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		html_esc(&b, when);
		html_raw(&b, "</td><td class=\"govuk-table__cell\">");
		web_status_tag(&w, &b, str(all[i], "status"), due);
		html_raw(&b, "</td></tr>");
	}
	if (n)
		html_raw(&b, "</tbody></table>");
	if (next || after[0]) {
		/* GOV.UK pagination: the first page, and the next after this one's last row */
		char *tq = evhttp_encode_uri(team);
		html_raw(&b, "<nav class=\"govuk-pagination\" aria-label=\"Pages of timescales\">");
		if (after[0])
			html_fmt(&b, "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"/app/overdue?team=%s\">"
				 "<span class=\"govuk-pagination__link-title\">First page</span></a></div>", tq);
		if (next)
			html_fmt(&b, "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"/app/overdue?team=%s&amp;after=%s&amp;page=%lld\" rel=\"next\">"
				 "<span class=\"govuk-pagination__link-title\">Next page</span></a></div>", tq, next, page ? (long long)page + 1 : 0LL);
		html_raw(&b, "</nav>");
		free(tq);
	}
	free(next);
	free(all);
	json_decref(list);
	status = web_page(&w, 200, NAV_OVERDUE, "Team overdue", 0, &b);
	web_end(&w);
	return status;
}

/* --- the virtual clock ---------------------------------------------------------------- */

static int clock_page(struct web *w, int status, const char *error, const char *moved)
{
	struct html b = { 0 };
	char when[64], iso[32];
	web_when(service_now(w->rq->svc), 0, when);
	calendar_format_instant(service_now(w->rq->svc), iso);
	if (error) {
		json_t *items = json_pack("[{s:s, s:s}]", "href", "#until", "message", error);
		form_error_summary(&b, items);
		json_decref(items);
	}
	if (moved) {
		html_raw(&b, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
			 "aria-labelledby=\"moved-title\" data-module=\"govuk-notification-banner\"><div class=\"govuk-notification-banner__header\">"
			 "<h2 class=\"govuk-notification-banner__title\" id=\"moved-title\">Success</h2></div>"
			 "<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">The clock moved; ");
		html_esc(&b, moved);
		html_raw(&b, " timescale(s) breached on the way.</p></div></div>");
	}
	html_raw(&b, "<h1 class=\"govuk-heading-l\">Virtual clock</h1><p class=\"govuk-body\">This server runs on a virtual clock "
		 "(for demonstrations and tests). It is now <strong>");
	html_esc(&b, when);
	html_raw(&b, "</strong> (");
	html_esc(&b, iso);
	html_raw(&b, "). Moving it forward fires every timescale due on the way, in order; it never goes back.</p>"
		 "<form method=\"post\" action=\"/app/clock\" novalidate>");
	web_csrf_input(w, &b);
	html_fmt(&b, "<div class=\"govuk-form-group%s\"><label class=\"govuk-label govuk-label--s\" for=\"until\">Move the clock to</label>"
		 "<div id=\"until-hint\" class=\"govuk-hint\">A date (9am London time) or a date and time, for example 2026-03-27 "
		 "or 2026-03-27T14:30</div>", error ? " govuk-form-group--error" : "");
	if (error) {
		html_raw(&b, "<p id=\"until-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
		html_esc(&b, error);
		html_raw(&b, "</p>");
	}
	html_fmt(&b, "<input class=\"govuk-input govuk-input--width-20%s\" id=\"until\" name=\"until\" type=\"text\" "
		 "aria-describedby=\"until-hint%s\"></div><button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">"
		 "Move the clock</button></form>", error ? " govuk-input--error" : "", error ? " until-error" : "");
	return web_page(w, status, NAV_CLOCK, "Virtual clock", error != NULL, &b);
}

int web_clock_get(struct request *rq)
{
	struct web w;
	int status;
	if (web_begin(rq, &w, &status))
		return status;
	if (!service_is_virtual(rq->svc))
		status = web_error_page(&w, 404, "Page not found", "This server runs on the real clock.");
	else
		status = clock_page(&w, 200, NULL, http_query(rq, "moved"));
	web_end(&w);
	return status;
}

int web_clock_post(struct request *rq)
{
	struct web w;
	struct error err = { 0 };
	const char *until;
	int status, fired = 0;
	int64_t t;
	if (web_begin(rq, &w, &status))
		return status;
	until = web_form(&w, "until");
	if (!service_is_virtual(rq->svc)) {
		status = web_error_page(&w, 404, "Page not found", "This server runs on the real clock.");
	} else if (!until || !until[0] || calendar_parse_instant(until, &t)) {
		status = clock_page(&w, 422, "Enter a date like 2026-03-27, or a date and time like 2026-03-27T14:30", NULL);
	} else if (service_advance(rq->svc, t, &fired, &err)) {
		status = clock_page(&w, error_http_status(err.kind), err.message, NULL);
	} else {
		char *loc = xasprintf("/app/clock?moved=%d", fired);
		status = web_redirect(rq, loc);
		free(loc);
	}
	web_end(&w);
	return status;
}
