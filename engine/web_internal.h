/*
 * web_internal.h: what the practitioners' HTML pages (issue 8) share.
 *
 * web.c        the route table, the HTML buffer and escaping, the page
 *              layout (GOV.UK template), replies, static assets
 * web_session.c sessions (cookie -> user), CSRF tokens, sign in and out
 * web_forms.c  forms generated from input schemas, their parsing into JSON
 *              input, and the GOV.UK error summary
 * web_pages.c  caseload, open a referral, team overdue, virtual clock
 * web_case.c   the case page, its actions and records
 * web_audit.c  the auditor's replay page and the workflow pages
 *
 * The pages never decide anything about a case: every change goes through
 * service_open_case / service_act and every read through the same store and
 * service calls as the JSON API, scoped to the signed-in user's authority, so
 * another authority's case is a 404 here exactly as it is there.
 *
 * Escaping discipline: html_esc for every value that did not come from a
 * string literal in this code; html_fmt only with literals and numbers.
 */
#ifndef CASEWORK_WEB_INTERNAL_H
#define CASEWORK_WEB_INTERNAL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "http.h"

struct evkeyvalq;
struct authority;
struct definition;
struct error;

/* --- an HTML buffer (web.c) --------------------------------------------------- */

struct html {
	char *p;
	size_t n, cap;
};
void html_raw(struct html *h, const char *s);                 /* trusted markup */
void html_esc(struct html *h, const char *s);                 /* text or attribute value; NULL = "" */
void html_fmt(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_free(struct html *h);

/* --- one request of a signed-in user (web.c, web_session.c) -------------------- */

enum web_nav { NAV_NONE, NAV_CASELOAD, NAV_OPEN, NAV_OVERDUE, NAV_WORKFLOWS, NAV_CLOCK };

struct web {
	struct request *rq;                 /* rq->user is the signed-in user */
	const struct authority *auth;
	char csrf[65];                      /* the session's CSRF token */
	struct evkeyvalq *form;             /* the posted form (POST), or NULL */
	int signed_in;
	json_t *users;                      /* users of the authority, loaded on demand */
};

/*
 * Start a page: read the session cookie and the user (re-read from the store
 * every request). For POST also parse the form body and check its CSRF token
 * and Origin. 0 ok; otherwise a reply was sent (redirect to sign in, or 403)
 * and its status is in *status.
 */
int web_begin(struct request *rq, struct web *w, int *status);
void web_end(struct web *w);
/* A posted form value, or NULL. */
const char *web_form(const struct web *w, const char *name);
/* The hidden CSRF input for a form. */
void web_csrf_input(const struct web *w, struct html *h);
/* Parse an application/x-www-form-urlencoded body into q (caller clears). 0 ok. */
int web_parse_form(struct request *rq, struct evkeyvalq *q);

/* Session store (web_session.c). */
int web_session_find(struct request *rq, int64_t *user_id, char *authority, size_t alen, char csrf[65]);
/* A fresh random token, 64 hex characters. */
void web_random_hex(char out[65]);
/* Constant-time comparison of two NUL-terminated tokens. */
int web_token_equal(const char *a, const char *b);

/* --- replies (web.c) ------------------------------------------------------------ */

/*
 * Send a whole page: the GOV.UK template around body, with navigation for
 * the signed-in user (w may be a signed-out struct web). title is text (it
 * is escaped); error prefixes it with "Error: ". Frees body. Returns status.
 */
int web_page(struct web *w, int status, enum web_nav nav, const char *title, int error,
	     struct html *body);
int web_redirect(struct request *rq, const char *location);  /* 303 See Other */
/* A page for a refusal with no form to show it beside (404, 403, 500). */
int web_error_page(struct web *w, int status, const char *title, const char *message);
/* Add a response header (before the reply). */
void web_header(struct request *rq, const char *name, const char *value);
int web_send(struct request *rq, int status, const char *type, const char *data, size_t len,
	     const char *cache);

/* --- words and dates (web.c) ------------------------------------------------------ */

/* "key_worker" -> "Key worker" (caller frees). */
char *web_humanise(const char *name);
/* An instant as London time: "Thu 8 Jan 2026" (date_only, or when 23:59:59 local) or with "at 9:00am". */
void web_when(int64_t instant, int date_only, char out[64]);
/* Where the built assets are: $CASEWORK_ASSETS, else build/assets. */
const char *web_assets_dir(void);
/* The name of a user of the authority, from w->users (loaded on first use). */
const char *web_user_name(struct web *w, int64_t id);
/* Is the user a manager (any role naming a manager, head or lead)? Shows the team page link. */
int web_is_manager(const struct user *u);
/* RAG of a timescale: "red" breached, "amber" due within 2 working days, "green", or NULL. */
const char *web_rag(struct web *w, const char *status, int64_t due);
/* A GOV.UK tag for a timescale status (text and colour: never colour alone). */
void web_status_tag(struct web *w, struct html *h, const char *status, int64_t due);
/* The title of a state in a definition, or the humanised name. Caller frees. */
char *web_state_title(const struct definition *d, const char *state);

/* --- forms (web_forms.c) --------------------------------------------------------- */

/*
 * What a form needs to render: the posted values (NULL for a fresh form),
 * errors (object: field name -> message), the users of the authority and the
 * case's members (for user and member fields), and the prefix of element ids.
 */
struct form_ctx {
	struct web *w;
	const json_t *members;
	const json_t *errors;
	const char *id_prefix;
	const char *name_prefix;   /* input names: name_prefix + field name */
	int fresh;                 /* not posted: show defaults */
};
/* Render each field of schema (array of {name, type, required, label?, values?, role?}). */
void form_fields(struct form_ctx *c, struct html *h, const json_t *schema);
/*
 * Read the posted values of schema into a JSON object (fields left empty
 * are omitted). Values that cannot be read as their type, and required
 * fields left empty, are added to errors (name -> message). New reference.
 */
json_t *form_read(struct form_ctx *c, const json_t *schema, json_t *errors);
/* The element id a field's error links to. Caller frees. */
char *form_field_id(const struct form_ctx *c, const json_t *field);
/* The GOV.UK error summary: items is an array of {href, message}. */
void form_error_summary(struct html *h, const json_t *items);
/* Summary items for errors over schema, in schema order, plus extra (form-level) messages. */
json_t *form_summary_items(const struct form_ctx *c, const json_t *schema, const json_t *errors);
/* The schema's fields, required ones first (each group keeps its order). New reference. */
json_t *form_ordered(const json_t *schema);
/* A schema (struct schema from def.h) as the JSON the forms read. */
json_t *form_schema_json(const void *schema);
/* Put an engine refusal beside its field (if it names one of schema) or in *general. */
void form_engine_error(const json_t *schema, const struct error *err, const char *strip,
		       json_t *errors, char **general);

/*
 * A form that posts to url (an escaped-on-output path), with the CSRF token,
 * an optional hidden field, the fields of schema and a submit button.
 */
void web_action_form(struct form_ctx *c, struct html *h, const char *url, const char *submit,
		     const json_t *schema, const char *hidden_name, const char *hidden_value);

/* --- pages ---------------------------------------------------------------------- */

int web_sign_in_get(struct request *rq);
int web_sign_in_post(struct request *rq);
int web_sign_out(struct request *rq);
int web_caseload(struct request *rq);
int web_open_get(struct request *rq);
int web_open_post(struct request *rq);
int web_overdue(struct request *rq);
int web_clock_get(struct request *rq);
int web_clock_post(struct request *rq);
int web_case(struct request *rq);
int web_action_get(struct request *rq);
int web_action_post(struct request *rq);
int web_record_get(struct request *rq);
int web_record_post(struct request *rq);
int web_audit(struct request *rq);
int web_workflows(struct request *rq);
int web_workflow(struct request *rq);
int web_asset(struct request *rq);
int web_not_found(struct request *rq);

/* A string member of a JSON object, or NULL. */
static inline const char *str(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

#endif
