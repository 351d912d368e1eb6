/*
 * web_session.c: who is signed in to the pages, and the forms' CSRF tokens.
 *
 * Sessions are server-side and in memory: signing in with an API token (or
 * picking a demo user, in demo mode) makes a random 256-bit session id
 * (libcrypto RAND_bytes) that maps to {user id, authority, CSRF token,
 * expiry}. The browser holds only the id, in a cookie that is HttpOnly,
 * SameSite=Strict, Path=/ and expires with the session, 8 hours after sign
 * in (real time, never the virtual clock). The user is re-read from the store
 * on every request, so a removed user is signed out at once. A restart signs
 * everyone out; that is the trade-off for keeping no session secret on disk.
 *
 * CSRF: every form carries the session's token in a hidden field, compared
 * in constant time on every POST, and a POST whose Origin names another site
 * is refused. The sign-in form, before there is a session, uses a
 * double-submit token: a short-lived HttpOnly SameSite=Strict cookie that
 * must equal the form's hidden field.
 */
#include "web_internal.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <time.h>

#include "def.h"
#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

#define SESSION_SECONDS (8 * 3600)
#define SIGNIN_SECONDS 3600
#define MAX_SESSIONS 4096
#define SESSION_COOKIE "casework_session"
#define SIGNIN_COOKIE "casework_signin"

struct session {
	char id[65];
	int64_t user_id;
	char authority[64];
	char csrf[65];
	time_t expires;
};

static struct session *sessions;
static size_t nsessions;

void web_random_hex(char out[65])
{
	unsigned char b[32];
	util_random(b, sizeof b);
	util_hex(b, sizeof b, out);
	util_wipe(b, sizeof b);
}

int web_token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n > 0 && n == strlen(b) && util_secret_equal(a, b, n);
}

/* Drop expired sessions; if still full, the one closest to expiry. */
static void sweep(time_t now)
{
	size_t i = 0;
	while (i < nsessions) {
		if (sessions[i].expires <= now) {
			util_wipe(&sessions[i], sizeof sessions[i]);
			sessions[i] = sessions[--nsessions];
		} else {
			i++;
		}
	}
	if (nsessions >= MAX_SESSIONS) {
		size_t oldest = 0;
		for (i = 1; i < nsessions; i++)
			if (sessions[i].expires < sessions[oldest].expires)
				oldest = i;
		sessions[oldest] = sessions[--nsessions];
	}
}

/* A cookie's value from the request (copied into out), or 0 if absent. */
static int cookie(struct request *rq, const char *name, char *out, size_t outlen)
{
	const char *h = evhttp_find_header(evhttp_request_get_input_headers(rq->req), "Cookie");
	size_t n = strlen(name);
	while (h && *h) {
		while (*h == ' ' || *h == ';')
			h++;
		if (strncmp(h, name, n) == 0 && h[n] == '=') {
			size_t len = strcspn(h + n + 1, ";");
			if (len == 0 || len >= outlen)
				return 0;
			memcpy(out, h + n + 1, len);
			out[len] = '\0';
			return 1;
		}
		h = strchr(h, ';');
	}
	return 0;
}

static struct session *find(struct request *rq)
{
	char id[80];
	size_t i;
	time_t now = time(NULL);
	struct session *found = NULL;
	if (!cookie(rq, SESSION_COOKIE, id, sizeof id) || strlen(id) != 64)
		return NULL;
	/* Compare against every session in constant time per comparison. */
	for (i = 0; i < nsessions; i++)
		if (web_token_equal(sessions[i].id, id) && sessions[i].expires > now)
			found = &sessions[i];
	return found;
}

int web_session_find(struct request *rq, int64_t *user_id, char *authority, size_t alen, char csrf[65])
{
	struct session *s = find(rq);
	if (!s)
		return -1;
	*user_id = s->user_id;
	snprintf(authority, alen, "%s", s->authority);
	memcpy(csrf, s->csrf, 65);
	return 0;
}

static void session_cookie(struct request *rq, const char *name, const char *value, int max_age, const char *path)
{
	char *c = xasprintf("%s=%s; Path=%s; Max-Age=%d; HttpOnly; SameSite=Strict", name, value, path, max_age);
	web_header(rq, "Set-Cookie", c);
	free(c);
}

int web_parse_form(struct request *rq, struct evkeyvalq *q)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(rq->req);
	size_t len = evbuffer_get_length(in);
	char *text;
	int rc;
	TAILQ_INIT(q);
	if (len > HTTP_MAX_BODY)
		return -1;
	text = xmalloc(len + 1);
	evbuffer_copyout(in, text, len);
	text[len] = '\0';
	rc = evhttp_parse_query_str(text, q);
	free(text);
	return rc;
}

const char *web_form(const struct web *w, const char *name)
{
	return w->form ? evhttp_find_header(w->form, name) : NULL;
}

void web_csrf_input(const struct web *w, struct html *h)
{
	html_raw(h, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_esc(h, w->csrf);
	html_raw(h, "\">");
}

/* A POST from another site names it in Origin; browsers send it on every POST. */
static int origin_ok(struct request *rq)
{
	struct evkeyvalq *in = evhttp_request_get_input_headers(rq->req);
	const char *origin = evhttp_find_header(in, "Origin"), *host = evhttp_find_header(in, "Host");
	const char *rest;
	if (!origin)
		return 1;
	if (!host)
		return 0;
	if (strncmp(origin, "http://", 7) == 0)
		rest = origin + 7;
	else if (strncmp(origin, "https://", 8) == 0)
		rest = origin + 8;
	else
		return 0;
	return strcmp(rest, host) == 0;
}

int web_begin(struct request *rq, struct web *w, int *status)
{
	int64_t uid;
	char authority[64];
	int post = evhttp_request_get_command(rq->req) == EVHTTP_REQ_POST;

	memset(w, 0, sizeof *w);
	w->rq = rq;
	if (web_session_find(rq, &uid, authority, sizeof authority, w->csrf) ||
	    store_user_get(service_store(rq->svc), authority, uid, &rq->user, NULL)) {
		*status = web_redirect(rq, "/app/sign-in");
		return -1;
	}
	w->signed_in = 1;
	w->auth = service_authority(rq->svc, rq->user.authority);
	if (!post)
		return 0;
	w->form = xmalloc(sizeof *w->form);
	if (web_parse_form(rq, w->form) || !origin_ok(rq) || !web_form(w, "csrf") ||
	    !web_token_equal(web_form(w, "csrf"), w->csrf)) {
		*status = web_error_page(w, 403, "This form has expired",
			"The form was not sent from this service's own page, or your session changed since it was "
			"shown. Go back, reload the page and try again.");
		web_end(w);
		return -1;
	}
	return 0;
}

void web_end(struct web *w)
{
	if (w->form) {
		evhttp_clear_headers(w->form);
		free(w->form);
		w->form = NULL;
	}
	json_decref(w->users);
	w->users = NULL;
}

/* --- sign in and out ------------------------------------------------------------- */

/* Demo users present in the store (demo mode), as [{authority, name, roles, token}]. */
static json_t *demo_users(struct service *svc)
{
	json_t *out = json_array();
	const struct authority *a;
	size_t i, j;
	for (i = 0; (a = service_authority_at(svc, i)); i++)
		for (j = 0; j < a->ndemo; j++) {
			struct user u = { 0 };
			if (!a->demo[j].token || store_user_by_token(service_store(svc), a->demo[j].token, &u, NULL))
				continue;
			json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:O, s:s?}", "authority", a->id,
				"authority_name", a->name, "name", u.name, "roles", u.roles, "token", a->demo[j].token));
			user_clear(&u);
		}
	return out;
}

static int sign_in_page(struct request *rq, int status, const char *error, int signed_out)
{
	struct web w = { .rq = rq };
	struct html b = { 0 };
	json_t *demo = demo_users(rq->svc), *d;
	const char *last = NULL;
	char token[65];
	size_t i;

	web_random_hex(token);
	session_cookie(rq, SIGNIN_COOKIE, token, SIGNIN_SECONDS, "/app/sign-in");
	memcpy(w.csrf, token, sizeof token);
	if (error) {
		html_raw(&b, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
			 "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
			 "<ul class=\"govuk-list govuk-error-summary__list\"><li><a href=\"#token\">");
		html_esc(&b, error);
		html_raw(&b, "</a></li></ul></div></div></div>");
	}
	if (signed_out)
		html_raw(&b, "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
			 "aria-labelledby=\"signed-out-title\" data-module=\"govuk-notification-banner\">"
			 "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
			 "id=\"signed-out-title\">Success</h2></div><div class=\"govuk-notification-banner__content\">"
			 "<p class=\"govuk-notification-banner__heading\">You have signed out.</p></div></div>");
	html_raw(&b, "<h1 class=\"govuk-heading-xl\">Sign in</h1>"
		 "<form method=\"post\" action=\"/app/sign-in\" novalidate>");
	web_csrf_input(&w, &b);
	html_fmt(&b, "<div class=\"govuk-form-group%s\"><label class=\"govuk-label govuk-label--m\" for=\"token\">Your API token</label>"
		 "<div id=\"token-hint\" class=\"govuk-hint\">The token you were given when your account was made "
		 "(casework user add prints it once).</div>", error ? " govuk-form-group--error" : "");
	if (error) {
		html_raw(&b, "<p id=\"token-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
		html_esc(&b, error);
		html_raw(&b, "</p>");
	}
	html_fmt(&b, "<input class=\"govuk-input govuk-input--width-30%s\" id=\"token\" name=\"token\" type=\"password\" "
		 "autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"token-hint%s\"></div>"
		 "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Sign in</button></form>",
		 error ? " govuk-input--error" : "", error ? " token-error" : "");
	if (json_array_size(demo)) {
		html_raw(&b, "<h2 class=\"govuk-heading-l\">Demo users</h2><p class=\"govuk-body\">This server runs in demo mode: "
			 "pick a demo user to sign in as them. Their tokens are well known, so demo mode is never for real "
			 "families' data.</p><form method=\"post\" action=\"/app/sign-in\" novalidate>");
		web_csrf_input(&w, &b);
		json_array_foreach(demo, i, d) {
			const char *a = json_string_value(json_object_get(d, "authority"));
			json_t *r;
			size_t k;
			if (!last || strcmp(last, a) != 0) {
				if (last)
					html_raw(&b, "</div></fieldset></div>");
				html_raw(&b, "<div class=\"govuk-form-group\"><fieldset class=\"govuk-fieldset\">"
					 "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
				html_esc(&b, json_string_value(json_object_get(d, "authority_name")));
				html_raw(&b, "</legend><div class=\"govuk-radios govuk-radios--small\" data-module=\"govuk-radios\">");
				last = a;
			}
			html_fmt(&b, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"demo-%zu\" "
				 "name=\"token\" type=\"radio\" value=\"", i);
			html_esc(&b, json_string_value(json_object_get(d, "token")));
			html_fmt(&b, "\"><label class=\"govuk-label govuk-radios__label\" for=\"demo-%zu\">", i);
			html_esc(&b, json_string_value(json_object_get(d, "name")));
			html_raw(&b, " (");
			json_array_foreach(json_object_get(d, "roles"), k, r) {
				char *t = web_humanise(json_string_value(r));
				if (k)
					html_raw(&b, ", ");
				html_esc(&b, t);
				free(t);
			}
			html_raw(&b, ")</label></div>");
		}
		html_raw(&b, "</div></fieldset></div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" "
			 "data-module=\"govuk-button\">Sign in as this demo user</button></form>");
	}
	json_decref(demo);
	return web_page(&w, status, NAV_NONE, "Sign in", error != NULL, &b);
}

int web_sign_in_get(struct request *rq)
{
	int64_t uid;
	char authority[64], csrf[65];
	if (web_session_find(rq, &uid, authority, sizeof authority, csrf) == 0)
		return web_redirect(rq, "/app");
	return sign_in_page(rq, 200, NULL, http_query(rq, "signed_out") != NULL);
}

int web_sign_in_post(struct request *rq)
{
	struct evkeyvalq q;
	char expected[80];
	const char *token, *csrf;
	struct user u = { 0 };
	struct session *s;
	char *c;
	int rc;

	if (web_parse_form(rq, &q)) {
		evhttp_clear_headers(&q);
		return sign_in_page(rq, 400, "The form could not be read: try again", 0);
	}
	token = evhttp_find_header(&q, "token");
	csrf = evhttp_find_header(&q, "csrf");
	if (!origin_ok(rq) || !cookie(rq, SIGNIN_COOKIE, expected, sizeof expected) || !csrf ||
	    !web_token_equal(csrf, expected)) {
		rc = sign_in_page(rq, 403, "The sign-in form expired or cookies are blocked: allow cookies and try again", 0);
	} else if (!token || !token[0]) {
		rc = sign_in_page(rq, 422, "Enter your API token, or pick a demo user", 0);
	} else if (strlen(token) > 256 || store_user_by_token(service_store(rq->svc), token, &u, NULL)) {
		rc = sign_in_page(rq, 401, "That token was not recognised: check it and try again", 0);
	} else {
		time_t now = time(NULL);
		/* Signing in again ends the session this browser had, if any. */
		if ((s = find(rq)) != NULL) {
			util_wipe(s, sizeof *s);
			*s = sessions[--nsessions];
		}
		sweep(now);
		sessions = xrealloc(sessions, (nsessions + 1) * sizeof *sessions);
		s = &sessions[nsessions++];
		memset(s, 0, sizeof *s);
		web_random_hex(s->id);
		web_random_hex(s->csrf);
		s->user_id = u.id;
		snprintf(s->authority, sizeof s->authority, "%s", u.authority);
		s->expires = now + SESSION_SECONDS;
		session_cookie(rq, SESSION_COOKIE, s->id, SESSION_SECONDS, "/");
		session_cookie(rq, SIGNIN_COOKIE, "", 0, "/app/sign-in");
		rq->user.id = u.id;   /* for the access log */
		c = xasprintf("/app");
		rc = web_redirect(rq, c);
		free(c);
	}
	user_clear(&u);
	evhttp_clear_headers(&q);
	return rc;
}

int web_sign_out(struct request *rq)
{
	struct web w;
	struct session *s;
	int status;
	if (web_begin(rq, &w, &status))
		return status;
	s = find(rq);
	if (s) {
		util_wipe(s, sizeof *s);
		*s = sessions[--nsessions];
	}
	session_cookie(rq, SESSION_COOKIE, "", 0, "/");
	web_end(&w);
	return web_redirect(rq, "/app/sign-in?signed_out=1");
}
