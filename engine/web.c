/*
 * web.c: the practitioners' HTML pages (issue 8): the route table, the HTML
 * buffer and its escaping, the GOV.UK page template, replies and the static
 * assets (GOV.UK Frontend's built CSS, JavaScript, fonts and images, and the
 * workflow graphs, copied into build/assets by `make web-assets`).
 *
 * Pages live under /app and assets under /assets, paths the JSON API never
 * uses. Every route is public to http.c (no Bearer token): web_begin
 * authenticates by the session cookie instead. Form posts are raw_body: the
 * pages parse application/x-www-form-urlencoded themselves. No rule about a
 * case lives in any web_*.c file: see web_internal.h.
 */
#include "web_internal.h"

#include <ctype.h>
#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

const struct route web_routes[] = {
	{ "GET", "/", web_caseload, 1, 1, 0, 0 },
	{ "GET", "/app", web_caseload, 1, 1, 0, 0 },
	{ "GET", "/app/sign-in", web_sign_in_get, 1, 1, 0, 0 },
	{ "POST", "/app/sign-in", web_sign_in_post, 1, 1, 0, 0 },
	{ "POST", "/app/sign-out", web_sign_out, 1, 1, 0, 0 },
	{ "GET", "/app/open", web_open_get, 1, 1, 0, 0 },
	{ "POST", "/app/open", web_open_post, 1, 1, 0, 0 },
	{ "GET", "/app/overdue", web_overdue, 1, 1, 0, 0 },
	{ "GET", "/app/clock", web_clock_get, 1, 1, 0, 0 },
	{ "POST", "/app/clock", web_clock_post, 1, 1, 0, 0 },
	{ "GET", "/app/workflows", web_workflows, 1, 1, 0, 0 },
	{ "GET", "/app/workflows/{id}", web_workflow, 1, 1, 0, 0 },
	{ "GET", "/app/cases/{id}", web_case, 1, 1, 0, 0 },
	{ "GET", "/app/cases/{id}/audit", web_audit, 1, 1, 0, 0 },
	{ "GET", "/app/cases/{id}/actions/{action}", web_action_get, 1, 1, 0, 0 },
	{ "POST", "/app/cases/{id}/actions/{action}", web_action_post, 1, 1, 0, 0 },
	{ "GET", "/app/cases/{id}/records/{type}", web_record_get, 1, 1, 0, 0 },
	{ "POST", "/app/cases/{id}/records/{type}", web_record_post, 1, 1, 0, 0 },
	{ "GET", "/assets/{file}", web_asset, 1, 1, 0, 0 },
	{ "GET", "/assets/{dir}/{file}", web_asset, 1, 1, 0, 0 },
	/* Last: any other page under /app is an HTML 404, not the API's JSON one. */
	{ "GET", "/app/{a}", web_not_found, 1, 1, 0, 0 },
	{ "GET", "/app/{a}/{b}", web_not_found, 1, 1, 0, 0 },
	{ "GET", "/app/{a}/{b}/{c}", web_not_found, 1, 1, 0, 0 },
	{ "GET", "/app/{a}/{b}/{c}/{d}", web_not_found, 1, 1, 0, 0 },
};
const size_t web_nroutes = sizeof web_routes / sizeof *web_routes;

/* --- the HTML buffer ------------------------------------------------------------ */

static void grow(struct html *h, size_t more)
{
	if (h->n + more + 1 <= h->cap)
		return;
	h->cap = (h->n + more + 1) * 2 + 256;
	h->p = xrealloc(h->p, h->cap);
}

void html_raw(struct html *h, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	grow(h, n);
	memcpy(h->p + h->n, s ? s : "", n);
	h->n += n;
	h->p[h->n] = '\0';
}

/* Escapes the five characters that matter in text and in quoted attributes. */
void html_esc(struct html *h, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': html_raw(h, "&amp;"); break;
		case '<': html_raw(h, "&lt;"); break;
		case '>': html_raw(h, "&gt;"); break;
		case '"': html_raw(h, "&quot;"); break;
		case '\'': html_raw(h, "&#39;"); break;
		default:
			grow(h, 1);
			h->p[h->n++] = *s;
			h->p[h->n] = '\0';
		}
	}
	if (!h->p)
		html_raw(h, "");
}

void html_fmt(struct html *h, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(h, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(h->p + h->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	h->n += (size_t)n;
}

void html_free(struct html *h)
{
	free(h->p);
	h->p = NULL;
	h->n = h->cap = 0;
}

/* --- replies -------------------------------------------------------------------- */

void web_header(struct request *rq, const char *name, const char *value)
{
	evhttp_add_header(evhttp_request_get_output_headers(rq->req), name, value);
}

int web_send(struct request *rq, int status, const char *type, const char *data, size_t len,
	     const char *cache)
{
	struct evbuffer *out = evbuffer_new();
	web_header(rq, "Content-Type", type);
	web_header(rq, "Cache-Control", cache ? cache : "no-store");
	web_header(rq, "X-Content-Type-Options", "nosniff");
	web_header(rq, "Referrer-Policy", "same-origin");
	web_header(rq, "X-Frame-Options", "DENY");
	/* No inline script or style anywhere, so the policy can be strict. */
	web_header(rq, "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
		   "img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	if (len)
		evbuffer_add(out, data, len);
	evhttp_send_reply(rq->req, status, status == 303 ? "See Other" : status < 400 ? "OK" : "Error", out);
	evbuffer_free(out);
	return status;
}

int web_redirect(struct request *rq, const char *location)
{
	web_header(rq, "Location", location);
	return web_send(rq, 303, "text/plain; charset=utf-8", "", 0, NULL);
}

static void nav_item(struct html *h, enum web_nav cur, enum web_nav me, const char *href, const char *text)
{
	if (cur == me)
		html_fmt(h, "<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\">"
			 "<a class=\"govuk-service-navigation__link\" href=\"%s\" aria-current=\"page\">"
			 "<strong class=\"govuk-service-navigation__active-fallback\">%s</strong></a></li>", href, text);
	else
		html_fmt(h, "<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" "
			 "href=\"%s\">%s</a></li>", href, text);
}

int web_page(struct web *w, int status, enum web_nav nav, const char *title, int error,
	     struct html *body)
{
	struct html h = { 0 };
	int rc;
	html_raw(&h, "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	if (error)
		html_raw(&h, "Error: ");
	html_esc(&h, title);
	html_raw(&h, " - Casework</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">\n"
		 "<meta name=\"theme-color\" content=\"#0b0c0c\">\n"
		 "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">\n"
		 "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n</head>\n"
		 "<body class=\"govuk-template__body\">\n"
		 "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>\n"
		 "<header class=\"govuk-template__header\">\n"
		 "<div class=\"govuk-generic-header\"><div class=\"govuk-generic-header__container govuk-width-container\">"
		 "<div class=\"govuk-generic-header__logo\"><a href=\"/app\" class=\"govuk-generic-header__homepage-link\">");
	html_esc(&h, w->signed_in && w->auth ? w->auth->name : "Early Help casework");
	html_raw(&h, "</a></div></div></div>\n"
		 "<section aria-label=\"Service information\" class=\"govuk-service-navigation\" data-module=\"govuk-service-navigation\">"
		 "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">"
		 "<span class=\"govuk-service-navigation__service-name\"><a href=\"/app\" class=\"govuk-service-navigation__link\">Casework</a></span>");
	if (w->signed_in) {
		html_raw(&h, "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
			 "<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\" "
			 "aria-controls=\"navigation\" hidden aria-hidden=\"true\">Menu</button>"
			 "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">");
		nav_item(&h, nav, NAV_CASELOAD, "/app", "My caseload");
		nav_item(&h, nav, NAV_OPEN, "/app/open", "Open a referral");
		if (web_is_manager(&w->rq->user))
			nav_item(&h, nav, NAV_OVERDUE, "/app/overdue", "Team overdue");
		nav_item(&h, nav, NAV_WORKFLOWS, "/app/workflows", "Workflows");
		if (service_is_virtual(w->rq->svc))
			nav_item(&h, nav, NAV_CLOCK, "/app/clock", "Virtual clock");
		html_raw(&h, "</ul></nav>");
	}
	html_raw(&h, "</div></div></section>\n</header>\n<div class=\"govuk-width-container\">\n");
	if (w->signed_in) {
		html_raw(&h, "<div class=\"app-user-bar\"><p class=\"govuk-body-s app-user-bar__who\">Signed in as <strong>");
		html_esc(&h, w->rq->user.name);
		html_raw(&h, "</strong> (");
		{
			size_t i;
			json_t *r;
			json_array_foreach(w->rq->user.roles, i, r) {
				char *t = web_humanise(json_string_value(r));
				if (i)
					html_raw(&h, ", ");
				html_esc(&h, t);
				free(t);
			}
		}
		if (w->rq->user.team) {
			html_raw(&h, ", team ");
			html_esc(&h, w->rq->user.team);
		}
		html_raw(&h, ")</p><form method=\"post\" action=\"/app/sign-out\" class=\"app-user-bar__form\">");
		web_csrf_input(w, &h);
		html_raw(&h, "<button type=\"submit\" class=\"govuk-button govuk-button--secondary app-button--small\" "
			 "data-module=\"govuk-button\">Sign out</button></form></div>\n");
	}
	html_raw(&h, "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
	html_raw(&h, body->p ? body->p : "");
	html_raw(&h, "\n</main>\n</div>\n<footer class=\"govuk-footer\"><div class=\"govuk-width-container\">"
		 "<div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">"
		 "<p class=\"govuk-body-s\">Casework runs each authority's Early Help procedure with its statutory timescales. ");
	if (service_is_virtual(w->rq->svc)) {
		char when[64];
		web_when(service_now(w->rq->svc), 0, when);
		html_raw(&h, "The clock is virtual: it is now ");
		html_esc(&h, when);
		html_raw(&h, ".");
	}
	html_raw(&h, "</p></div></div></div></footer>\n"
		 "<script type=\"module\" src=\"/assets/app.mjs\"></script>\n</body>\n</html>\n");
	html_free(body);
	rc = web_send(w->rq, status, "text/html; charset=utf-8", h.p, h.n, NULL);
	html_free(&h);
	return rc;
}

int web_error_page(struct web *w, int status, const char *title, const char *message)
{
	struct html b = { 0 };
	html_raw(&b, "<h1 class=\"govuk-heading-l\">");
	html_esc(&b, title);
	html_raw(&b, "</h1><p class=\"govuk-body\">");
	html_esc(&b, message);
	html_raw(&b, "</p><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/app\">Go to my caseload</a></p>");
	return web_page(w, status, NAV_NONE, title, 0, &b);
}

int web_not_found(struct request *rq)
{
	struct web w = { .rq = rq };
	int64_t uid;
	char authority[64];
	int status;
	/* Signed in: the page with the navigation; signed out: without (no redirect to reveal nothing). */
	if (web_session_find(rq, &uid, authority, sizeof authority, w.csrf) == 0 &&
	    store_user_get(service_store(rq->svc), authority, uid, &rq->user, NULL) == 0) {
		w.signed_in = 1;
		w.auth = service_authority(rq->svc, rq->user.authority);
	}
	status = web_error_page(&w, 404, "Page not found", "If you typed the web address, check it is correct.");
	web_end(&w);
	return status;
}

/* --- words and dates ---------------------------------------------------------------- */

char *web_humanise(const char *name)
{
	char *s = xstrdup(name ? name : "");
	size_t i;
	for (i = 0; s[i]; i++)
		if (s[i] == '_')
			s[i] = ' ';
	if (s[0])
		s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

void web_when(int64_t instant, int date_only, char out[64])
{
	static const char *days[] = { "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	static const char *months[] = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
					"Oct", "Nov", "Dec" };
	int date = calendar_local_date(instant), y, m, d;
	int64_t secs = instant + calendar_london_offset(instant);
	int sod = (int)(((secs % 86400) + 86400) % 86400), hh = sod / 3600, mm = sod / 60 % 60;
	calendar_split_date(date, &y, &m, &d);
	if (date_only || sod == 86399)
		snprintf(out, 64, "%s %d %s %d", days[calendar_weekday(date)], d, months[m], y);
	else
		snprintf(out, 64, "%s %d %s %d at %d:%02d%s", days[calendar_weekday(date)], d, months[m], y,
			 hh % 12 ? hh % 12 : 12, mm, hh < 12 ? "am" : "pm");
}

const char *web_user_name(struct web *w, int64_t id)
{
	size_t i;
	json_t *u;
	if (!w->users)
		w->users = store_users(service_store(w->rq->svc), w->rq->user.authority);
	json_array_foreach(w->users, i, u)
		if (json_integer_value(json_object_get(u, "id")) == id)
			return json_string_value(json_object_get(u, "name"));
	return NULL;
}

int web_is_manager(const struct user *u)
{
	size_t i;
	json_t *r;
	json_array_foreach(u->roles, i, r) {
		const char *s = json_string_value(r);
		if (strstr(s, "manager") || strstr(s, "head") || strstr(s, "lead") || strcmp(s, "fhtm") == 0 ||
		    strstr(s, "auditor"))
			return 1;
	}
	return 0;
}

const char *web_rag(struct web *w, const char *status, int64_t due)
{
	int today, soon;
	if (!status)
		return NULL;
	if (strcmp(status, "breached") == 0)
		return "red";
	if (strcmp(status, "pending") != 0)
		return NULL;
	today = calendar_local_date(service_now(w->rq->svc));
	/* Amber: due by the end of the second working day from today. */
	soon = calendar_add_working_days(w->auth ? &w->auth->cal : NULL, today, 2);
	return calendar_local_date(due) <= soon ? "amber" : "green";
}

void web_status_tag(struct web *w, struct html *h, const char *status, int64_t due)
{
	const char *rag = web_rag(w, status, due);
	if (!status)
		status = "";
	if (rag && strcmp(rag, "red") == 0)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>");
	else if (rag && strcmp(rag, "amber") == 0)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--orange\">Due soon</strong>");
	else if (rag)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--green\">On track</strong>");
	else if (strcmp(status, "met") == 0)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--blue\">Met</strong>");
	else if (strcmp(status, "met_late") == 0)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--pink\">Met late</strong>");
	else if (strcmp(status, "cancelled") == 0)
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--grey\">Cancelled</strong>");
	else {
		html_raw(h, "<strong class=\"govuk-tag govuk-tag--grey\">");
		html_esc(h, status);
		html_raw(h, "</strong>");
	}
}

char *web_state_title(const struct definition *d, const char *state)
{
	const struct state_def *s = d && state ? def_state(d, state) : NULL;
	if (s && s->title)
		return xstrdup(s->title);
	return web_humanise(state);
}

/* --- static assets -------------------------------------------------------------------- */

/* A path segment we serve: letters, digits, '.', '-', '_'; not starting with '.'. */
static int safe_segment(const char *s)
{
	size_t i;
	if (!s || !s[0] || s[0] == '.' || strlen(s) > 128)
		return 0;
	for (i = 0; s[i]; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

static const char *content_type(const char *file)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".css", "text/css; charset=utf-8" }, { ".js", "text/javascript; charset=utf-8" },
		{ ".mjs", "text/javascript; charset=utf-8" }, { ".map", "application/json" },
		{ ".json", "application/json" }, { ".svg", "image/svg+xml" }, { ".png", "image/png" },
		{ ".ico", "image/x-icon" }, { ".woff2", "font/woff2" }, { ".woff", "font/woff" },
	};
	size_t i, n = strlen(file);
	for (i = 0; i < sizeof types / sizeof *types; i++) {
		size_t e = strlen(types[i].ext);
		if (n > e && strcmp(file + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return NULL;
}

/*
 * The assets directory: $CASEWORK_ASSETS, else build/assets under the
 * current directory (where `make run` and the tests start the server).
 */
const char *web_assets_dir(void)
{
	const char *d = getenv("CASEWORK_ASSETS");
	return d && d[0] ? d : "build/assets";
}

int web_asset(struct request *rq)
{
	const char *dir = rq->params[1] ? rq->params[0] : NULL, *file = rq->params[1] ? rq->params[1] : rq->params[0];
	const char *type = file ? content_type(file) : NULL;
	char *path, *data;
	size_t len = 0;
	int rc;
	static const char *dirs[] = { "fonts", "images", "graphs" };
	size_t i;
	int dir_ok = !dir;

	for (i = 0; dir && i < sizeof dirs / sizeof *dirs; i++)
		if (strcmp(dir, dirs[i]) == 0)
			dir_ok = 1;
	if (!dir_ok || !safe_segment(file) || !type)
		return web_send(rq, 404, "text/plain; charset=utf-8", "Not found\n", 10, NULL);
	path = dir ? xasprintf("%s/%s/%s", web_assets_dir(), dir, file) : xasprintf("%s/%s", web_assets_dir(), file);
	data = util_read_file(path, &len);
	free(path);
	if (!data)
		return web_send(rq, 404, "text/plain; charset=utf-8", "Not found\n", 10, NULL);
	rc = web_send(rq, 200, type, data, len, "public, max-age=3600");
	free(data);
	return rc;
}
