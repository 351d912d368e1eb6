/*
 * http.c: the evhttp listener and everything common to the routes (see
 * http.h). Handlers are in http_routes.c. Never decides anything about a
 * case: that is the service's. Errors map to statuses only through
 * error_http_status().
 */
#include "http.h"

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <sys/queue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>

#include "alloc.h"
#include "dump.h"
#include "error.h"
#include "server.h"
#include "service.h"
#include "util.h"

#define NBUCKETS 9
static const double buckets[NBUCKETS] = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5 };

struct counter {
	int route;                 /* index into http_routes, -1 unmatched */
	const char *method;        /* a string literal: "GET", "POST" ... */
	int status;
	uint64_t n;
};

struct http {
	struct evhttp *evh;
	struct evhttp_bound_socket *sock;
	struct server *srv;
	int port;
	struct counter *counters;
	size_t ncounters;
	uint64_t hist[NBUCKETS + 1];
	double latency_sum;
	uint64_t latency_n;
};

static struct http *the_http;   /* for /metrics: one listener per process */

/* The API's routes, then the web pages'. */
static const struct route *route_at(size_t i)
{
	return i < http_nroutes ? &http_routes[i] : &web_routes[i - http_nroutes];
}

static double now_seconds(void)
{
	return util_monotonic_ms() / 1e3;
}

/* Send now, or, in a group transaction, when it commits (server_hold). Takes out. */
static void send_reply(struct request *rq, int status, const char *reason, struct evbuffer *out)
{
	if (rq->held) {
		server_hold(rq->srv, rq->req, status, reason, out);
		return;
	}
	evhttp_send_reply(rq->req, status, reason, out);
	evbuffer_free(out);
}

int http_reply_json(struct request *rq, int status, json_t *body)
{
	char *text = dump_json(body, 0);
	struct evbuffer *out = evbuffer_new();
	evhttp_add_header(evhttp_request_get_output_headers(rq->req), "Content-Type", "application/json");
	evbuffer_add(out, text, strlen(text));
	evbuffer_add(out, "\n", 1);
	send_reply(rq, status, status < 400 ? "OK" : "Error", out);
	free(text);
	json_decref(body);
	return status;
}

int http_reply_text(struct request *rq, int status, const char *type, const char *text)
{
	struct evbuffer *out = evbuffer_new();
	evhttp_add_header(evhttp_request_get_output_headers(rq->req), "Content-Type", type);
	evbuffer_add(out, text, strlen(text));
	send_reply(rq, status, "OK", out);
	return status;
}

json_t *http_error_body(const struct error *err)
{
	json_t *e = json_pack("{s:s, s:s}", "code", err->code[0] ? err->code : error_kind_name(err->kind),
			      "message", err->message);
	if (err->field[0])
		json_object_set_new(e, "field", json_string(err->field));
	if (err->line)
		json_object_set_new(e, "line", json_integer(err->line));
	return json_pack("{s:o}", "error", e);
}

int http_reply_error(struct request *rq, const struct error *err)
{
	return http_reply_json(rq, error_http_status(err->kind), http_error_body(err));
}

const char *http_query(struct request *rq, const char *name)
{
	return rq->query ? evhttp_find_header(rq->query, name) : NULL;
}

/* Match path against pattern, capturing {params}. 1 on match. */
static int match(const char *pattern, const char *path, struct request *rq)
{
	int np = 0;
	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *end = strchr(pattern, '}');
			size_t n = strcspn(path, "/");
			if (!end || n == 0 || np >= 4)
				return 0;
			rq->param_buf[np] = xstrndup(path, n);
			rq->params[np] = rq->param_buf[np];
			np++;
			pattern = end + 1;
			path += n;
		} else if (*pattern++ != *path++) {
			return 0;
		}
	}
	return *pattern == '\0' && *path == '\0';
}

static void clear_params(struct request *rq)
{
	int i;
	for (i = 0; i < 4; i++) {
		free(rq->param_buf[i]);
		rq->param_buf[i] = NULL;
		rq->params[i] = NULL;
	}
}

static void count(struct http *h, int route, const char *method, int status, double seconds)
{
	size_t i;
	int b;
	for (i = 0; i < h->ncounters; i++)
		if (h->counters[i].route == route && h->counters[i].status == status &&
		    strcmp(h->counters[i].method, method) == 0)
			break;
	if (i == h->ncounters) {
		h->counters = xrealloc(h->counters, (h->ncounters + 1) * sizeof *h->counters);
		h->counters[i] = (struct counter){ route, method, status, 0 };
		h->ncounters++;
	}
	h->counters[i].n++;
	for (b = 0; b < NBUCKETS && seconds > buckets[b]; b++)
		;
	h->hist[b]++;
	h->latency_sum += seconds;
	h->latency_n++;
}

char *http_metrics_text(struct request *rq)
{
	struct http *h = the_http;
	size_t i, len = 0, cap = 8192;
	char *out = xmalloc(cap);
	uint64_t cum = 0;
	int64_t pending = 0, breached = 0, cases = 0;
	int b;
#define APPEND(...) do { \
	int n_ = snprintf(out + len, cap - len, __VA_ARGS__); \
	while ((size_t)n_ >= cap - len) { cap *= 2; out = xrealloc(out, cap); n_ = snprintf(out + len, cap - len, __VA_ARGS__); } \
	len += (size_t)n_; \
} while (0)
	APPEND("# HELP casework_http_requests_total Requests by method, route and status.\n# TYPE casework_http_requests_total counter\n");
	for (i = 0; i < h->ncounters; i++)
		APPEND("casework_http_requests_total{method=\"%s\",route=\"%s\",status=\"%d\"} %llu\n",
		       h->counters[i].method,
		       h->counters[i].route >= 0 ? route_at((size_t)h->counters[i].route)->pattern : "unmatched",
		       h->counters[i].status, (unsigned long long)h->counters[i].n);
	APPEND("# HELP casework_http_request_seconds Request latency.\n# TYPE casework_http_request_seconds histogram\n");
	for (b = 0; b < NBUCKETS; b++) {
		cum += h->hist[b];
		APPEND("casework_http_request_seconds_bucket{le=\"%g\"} %llu\n", buckets[b], (unsigned long long)cum);
	}
	cum += h->hist[NBUCKETS];
	APPEND("casework_http_request_seconds_bucket{le=\"+Inf\"} %llu\n", (unsigned long long)cum);
	APPEND("casework_http_request_seconds_sum %f\ncasework_http_request_seconds_count %llu\n", h->latency_sum,
	       (unsigned long long)h->latency_n);
	store_counts(service_store(rq->svc), &pending, &breached, &cases);
	APPEND("# HELP casework_timescales Timescales by status.\n# TYPE casework_timescales gauge\n");
	APPEND("casework_timescales{status=\"pending\"} %lld\ncasework_timescales{status=\"breached\"} %lld\n",
	       (long long)pending, (long long)breached);
	APPEND("# HELP casework_cases Cases in the store.\n# TYPE casework_cases gauge\ncasework_cases %lld\n", (long long)cases);
	{
		uint64_t groups = 0, writes = 0;
		server_group_stats(rq->srv, &groups, &writes);
		APPEND("# HELP casework_group_commits_total Group transactions committed (case writes that shared a commit).\n"
		       "# TYPE casework_group_commits_total counter\ncasework_group_commits_total %llu\n"
		       "# HELP casework_group_writes_total Case writes committed in groups.\n"
		       "# TYPE casework_group_writes_total counter\ncasework_group_writes_total %llu\n",
		       (unsigned long long)groups, (unsigned long long)writes);
	}
	{
		struct alloc_stats as;
		alloc_stats(&as);
		APPEND("# HELP casework_allocator_info The memory allocator the server runs on.\n"
		       "# TYPE casework_allocator_info gauge\ncasework_allocator_info{name=\"%s\",version=\"%s\"} 1\n",
		       as.name, as.version);
		APPEND("# HELP casework_allocator_allocated_bytes Bytes the server holds from its allocator.\n"
		       "# TYPE casework_allocator_allocated_bytes gauge\ncasework_allocator_allocated_bytes %zu\n",
		       as.allocated);
		if (as.resident)
			APPEND("# HELP casework_allocator_resident_bytes Bytes the allocator keeps in memory.\n"
			       "# TYPE casework_allocator_resident_bytes gauge\ncasework_allocator_resident_bytes %zu\n",
			       as.resident);
	}
#undef APPEND
	return out;
}

/* Read and parse the body; 0 ok, else a reply was sent. */
static int read_body(struct request *rq, int *status)
{
	struct evbuffer *in = evhttp_request_get_input_buffer(rq->req);
	size_t len = evbuffer_get_length(in);
	json_error_t jerr;
	struct error err = { 0 };
	char *text;

	if (len > HTTP_MAX_BODY) {
		error_set(&err, ERR_TOO_LARGE, "too_large", "the body is %zu bytes; the limit is %d", len, HTTP_MAX_BODY);
		*status = http_reply_error(rq, &err);
		return -1;
	}
	if (len == 0)
		return 0;
	text = xmalloc(len + 1);
	evbuffer_copyout(in, text, len);
	text[len] = '\0';
	rq->body = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	free(text);
	if (!rq->body) {
		error_set(&err, ERR_BAD_REQUEST, "malformed_json", "the body is not valid JSON: %s at line %d, column %d (byte %d)",
			  jerr.text, jerr.line, jerr.column, jerr.position);
		*status = http_reply_error(rq, &err);
		return -1;
	}
	return 0;
}

static int authenticate(struct request *rq)
{
	const char *auth = evhttp_find_header(evhttp_request_get_input_headers(rq->req), "Authorization");
	struct error err = { 0 };
	if (!auth || strncmp(auth, "Bearer ", 7) != 0 || strlen(auth + 7) == 0 || strlen(auth + 7) > 256) {
		error_set(&err, ERR_UNAUTHORIZED, "unauthorized", "send Authorization: Bearer <token>");
		return http_reply_error(rq, &err);
	}
	if (store_user_by_token(service_store(rq->svc), auth + 7, &rq->user, &err))
		return http_reply_error(rq, &err);
	return 0;
}

static void dispatch(struct evhttp_request *req, void *arg)
{
	struct http *h = arg;
	struct request rq = { .req = req, .srv = h->srv, .svc = server_service(h->srv) };
	const struct evhttp_uri *uri = evhttp_request_get_evhttp_uri(req);
	const char *path = evhttp_uri_get_path(uri), *qs = evhttp_uri_get_query(uri);
	const char *method;
	struct evkeyvalq query;
	double t0 = now_seconds();
	int status = 0, route = -1, path_matched = 0, snapshot = 0;
	size_t i;
	struct error err = { 0 };

	switch (evhttp_request_get_command(req)) {
	case EVHTTP_REQ_GET: method = "GET"; break;
	case EVHTTP_REQ_POST: method = "POST"; break;
	case EVHTTP_REQ_PUT: method = "PUT"; break;
	case EVHTTP_REQ_DELETE: method = "DELETE"; break;
	case EVHTTP_REQ_PATCH: method = "PATCH"; break;
	case EVHTTP_REQ_HEAD: method = "HEAD"; break;
	case EVHTTP_REQ_OPTIONS: method = "OPTIONS"; break;
	default: method = "OTHER"; break;   /* evhttp is told to accept only the methods above */
	}
	TAILQ_INIT(&query);
	if (qs && evhttp_parse_query_str(qs, &query) == 0)
		rq.query = &query;
	for (i = 0; path && i < http_nroutes + web_nroutes; i++) {
		const struct route *r = route_at(i);
		if (!match(r->pattern, path, &rq)) {
			clear_params(&rq);
			continue;
		}
		path_matched = 1;
		if (strcmp(r->method, method) == 0) {
			route = (int)i;
			break;
		}
		clear_params(&rq);
	}
	if (route < 0) {
		if (path_matched) {
			/* A 405 says which methods the path has (RFC 9110 15.5.6). */
			char allow[64] = "";
			for (i = 0; i < http_nroutes + web_nroutes; i++) {
				const struct route *r = route_at(i);
				if (match(r->pattern, path, &rq) && !strstr(allow, r->method))
					snprintf(allow + strlen(allow), sizeof allow - strlen(allow), "%s%s",
						 allow[0] ? ", " : "", r->method);
				clear_params(&rq);
			}
			evhttp_add_header(evhttp_request_get_output_headers(req), "Allow", allow);
			error_set(&err, ERR_METHOD, "method_not_allowed", "%s is not allowed on %s", method, path);
		} else {
			error_set(&err, ERR_NOT_FOUND, "not_found", "no route %s", path ? path : "?");
		}
		status = http_reply_error(&rq, &err);
		goto done;
	}
	/*
	 * A route that only reads runs in one read transaction, the token check
	 * included; not while a group commit is open (store_read_begin says so),
	 * which is flushed below as for any other route, after the token check,
	 * so a request without one cannot hurry the group's commit.
	 */
	if (route_at((size_t)route)->snapshot)
		snapshot = store_read_begin(service_store(rq.svc));
	if (!route_at((size_t)route)->public && (status = authenticate(&rq)) != 0)
		goto done;
	/* A query string that does not parse must not silently drop its filters. */
	if (qs && !rq.query) {
		error_set(&err, ERR_BAD_REQUEST, "malformed_query",
			  "the query string is not name=value pairs joined by '&'");
		status = http_reply_error(&rq, &err);
		goto done;
	}
	if (strcmp(method, "POST") == 0 && !route_at((size_t)route)->raw_body && read_body(&rq, &status))
		goto done;
	/*
	 * A case write joins the group transaction (its reply waits for the
	 * commit, shared with the writes that arrived with it); anything else
	 * commits the group first, so it never sees, or reports, an uncommitted
	 * write.
	 */
	if (route_at((size_t)route)->grouped)
		rq.held = server_group_join(h->srv);
	else
		server_group_flush(h->srv);
	status = route_at((size_t)route)->handler(&rq);
	if (strcmp(method, "POST") == 0)
		server_rearm(h->srv);
done:
	store_read_end(service_store(rq.svc), snapshot);
	count(h, route, method, status, now_seconds() - t0);
	/* One line per request; no personal data (no query string, no body, user by id). */
	fprintf(stderr, "%ld %s %s %d %.2fms user=%lld\n", (long)time(NULL), method,
		route >= 0 ? route_at((size_t)route)->pattern : "-", status, (now_seconds() - t0) * 1000.0,
		(long long)rq.user.id);
	if (rq.query)
		evhttp_clear_headers(&query);
	clear_params(&rq);
	json_decref(rq.body);
	user_clear(&rq.user);
}

struct http *http_new(struct event_base *base, struct server *srv, const char *host, int port,
		      struct error *err)
{
	struct http *h = xcalloc(1, sizeof *h);
	evutil_socket_t fd;
	struct sockaddr_storage ss;
	ev_socklen_t len = sizeof ss;

	h->srv = srv;
	h->evh = evhttp_new(base);
	/* Hard caps below which our own checks answer in JSON. */
	evhttp_set_max_body_size(h->evh, 8 * HTTP_MAX_BODY);
	evhttp_set_max_headers_size(h->evh, 64 * 1024);
	evhttp_set_timeout(h->evh, 30);
	evhttp_set_allowed_methods(h->evh, EVHTTP_REQ_GET | EVHTTP_REQ_POST | EVHTTP_REQ_PUT |
				   EVHTTP_REQ_DELETE | EVHTTP_REQ_PATCH | EVHTTP_REQ_HEAD | EVHTTP_REQ_OPTIONS);
	evhttp_set_gencb(h->evh, dispatch, h);
	h->sock = evhttp_bind_socket_with_handle(h->evh, host, (ev_uint16_t)port);
	if (!h->sock) {
		error_set(err, ERR_UNAVAILABLE, "listen", "cannot listen on %s:%d", host, port);
		http_free(h);
		return NULL;
	}
	fd = evhttp_bound_socket_get_fd(h->sock);
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
		h->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
							 : ((struct sockaddr_in *)&ss)->sin_port);
	the_http = h;
	return h;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	if (h->evh)
		evhttp_free(h->evh);
	free(h->counters);
	if (the_http == h)
		the_http = NULL;
	free(h);
}

void http_stop_listening(struct http *h)
{
	if (h && h->sock) {
		evhttp_del_accept_socket(h->evh, h->sock);
		h->sock = NULL;
	}
}

int http_port(const struct http *h)
{
	return h->port;
}
