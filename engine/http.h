/*
 * http.h: the JSON API on libevent's evhttp, in the same loop as the timers.
 *
 * Routes are rows of one table (http_routes.c): {method, pattern, handler}.
 * http.c owns the listener, authentication (Bearer tokens, hashed), the
 * request body (1 MiB limit, JSON parsed with its error position), the error
 * shape {"error": {code, message, field?}}, metrics and the access log.
 */
#ifndef CASEWORK_HTTP_H
#define CASEWORK_HTTP_H

#include <jansson.h>
#include <stdint.h>

#include "store.h"

struct event_base;
struct evhttp_request;
struct server;
struct error;

#define HTTP_MAX_BODY (1024 * 1024)

struct request {
	struct evhttp_request *req;
	struct server *srv;
	struct service *svc;
	struct user user;          /* the caller (after authentication) */
	const char *params[4];     /* {captures} of the route pattern, in order */
	char *param_buf[4];
	json_t *body;              /* parsed JSON body (POST), or NULL */
	struct evkeyvalq *query;
	int held;                  /* in the server's group transaction: the reply waits for its commit */
};

typedef int (*http_handler)(struct request *rq);

struct route {
	const char *method;        /* "GET", "POST" */
	const char *pattern;       /* "/cases/{id}/actions/{action}" */
	http_handler handler;
	int public;                /* no Bearer token needed (the handler authenticates itself, if at all) */
	int raw_body;              /* don't parse the body as JSON (HTML forms) */
	int grouped;               /* a case write that may share a commit with others (group commit) */
	int snapshot;              /* only reads the store: one read transaction for the request */
};

extern const struct route http_routes[];   /* JSON API: http_routes.c */
extern const size_t http_nroutes;
extern const struct route web_routes[];    /* HTML pages: web.c */
extern const size_t web_nroutes;

struct http;
struct http *http_new(struct event_base *base, struct server *srv, const char *host, int port,
		      struct error *err);
void http_free(struct http *h);                    /* accepts NULL */
int http_port(const struct http *h);
/* Accept no new connections (shutdown); those open are still served. */
void http_stop_listening(struct http *h);

/* Replies (each sends the response; return the status for the access log). */
int http_reply_json(struct request *rq, int status, json_t *body);   /* steals body */
int http_reply_error(struct request *rq, const struct error *err);
/* The one error shape, {"error": {code, message, field?, line?}} (new reference). */
json_t *http_error_body(const struct error *err);
int http_reply_text(struct request *rq, int status, const char *type, const char *text);
/* A query parameter, or NULL. */
const char *http_query(struct request *rq, const char *name);
/* The prometheus text for /metrics; caller frees. */
char *http_metrics_text(struct request *rq);

#endif
