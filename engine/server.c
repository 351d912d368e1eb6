/*
 * server.c: the serve command: opens the service, binds the HTTP listener,
 * arms one timer for the earliest due timescale, and runs the loop.
 *
 * Timers are never held only in memory: the due instants live in the store
 * and the loop keeps exactly one libevent timer for the earliest (lsyncd's
 * getAlarm, Redis' usUntilEarliestTimer). On start, overdue timers fire once.
 * SIGTERM/SIGINT finish the request in flight and close the store cleanly;
 * SIGHUP reloads definitions (open cases stay pinned to their versions).
 */
#include "server.h"

#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cli.h"
#include "def.h"
#include "error.h"
#include "http.h"
#include "readlog.h"
#include "service.h"
#include "store.h"
#include "util.h"

struct held {
	struct evhttp_request *req;
	int status;
	const char *reason;       /* a string constant */
	struct evbuffer *body;
};

struct server {
	struct service *svc;
	struct event_base *base;
	struct event *timer;
	struct event *sigterm, *sigint, *sighup;
	struct http *http;
	struct event *commit;     /* commits the group after the loop's turn */
	struct held *held;        /* replies waiting for the group's commit */
	size_t nheld, capheld;
	uint64_t groups, grouped; /* groups committed, writes in them */
};

struct service *server_service(struct server *srv)
{
	return srv->svc;
}

/* --- group commit ------------------------------------------------------------ */


/*
 * The event base on epoll with its changelist: evhttp switches a
 * connection's read and write interest several times a request, and the
 * changelist makes that one epoll_ctl call at the next dispatch instead of
 * one per switch. With it GET /cases/{id} at 64 connections went from
 * 11,600-13,900 to 14,200-17,000 requests a second and p99 from 8.7-11.5 ms
 * to 7.4-9.9 ms (wrk, the 100,000-case bench store). The changelist's one
 * caveat, file descriptors shared through dup(), does not arise here.
 */
static struct event_base *new_base(void)
{
	struct event_config *cfg = event_config_new();
	struct event_base *base;
	if (!cfg)
		return event_base_new();
	event_config_set_flag(cfg, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
	base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	return base ? base : event_base_new();
}

int server_group_join(struct server *srv)
{
	struct store *st = service_store(srv->svc);
	struct timeval now = { 0, 0 };
	if (store_group_open(st))
		return 1;
	if (store_group_begin(st, NULL))
		return 0;   /* the write goes alone, and reports its own error */
	/* A timer, not event_active: it runs after the loop's next poll, so requests already waiting join first. */
	evtimer_add(srv->commit, &now);
	return 1;
}

void server_hold(struct server *srv, struct evhttp_request *req, int status, const char *reason,
		 struct evbuffer *body)
{
	if (srv->nheld == srv->capheld) {
		srv->capheld = srv->capheld ? 2 * srv->capheld : 64;
		srv->held = xrealloc(srv->held, srv->capheld * sizeof *srv->held);
	}
	srv->held[srv->nheld++] = (struct held){ req, status, reason, body };
	if (srv->nheld >= GROUP_MAX)
		server_group_flush(srv);
}

void server_group_flush(struct server *srv)
{
	struct error err = { 0 };
	size_t i, n = srv->nheld;
	int rc;
	if (!store_group_open(service_store(srv->svc)))
		return;
	evtimer_del(srv->commit);
	rc = store_group_commit(service_store(srv->svc), &err);
	srv->nheld = 0;
	if (rc == 0) {
		srv->groups++;
		srv->grouped += n;
	} else {
		fprintf(stderr, "casework: a group of %zu write(s) was not committed: %s\n", n, err.message);
	}
	for (i = 0; i < n; i++) {
		struct held *h = &srv->held[i];
		if (rc) {
			/* Nothing of the group is in the store: no reply may say otherwise. */
			json_t *e;
			snprintf(err.code, sizeof err.code, "store_unavailable");   /* the 503's code, whatever SQLite said */
			e = http_error_body(&err);
			char *text = json_dumps(e, JSON_COMPACT);
			evbuffer_drain(h->body, evbuffer_get_length(h->body));
			evbuffer_add_printf(h->body, "%s\n", text);
			free(text);
			json_decref(e);
			h->status = 503;
			h->reason = "Service Unavailable";
		}
		evhttp_send_reply(h->req, h->status, h->reason, h->body);
		evbuffer_free(h->body);
	}
}

void server_group_stats(const struct server *srv, uint64_t *groups, uint64_t *writes)
{
	*groups = srv->groups;
	*writes = srv->grouped;
}

static void on_commit(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	server_group_flush(arg);
}

static void fire(evutil_socket_t fd, short what, void *arg)
{
	struct server *srv = arg;
	struct error err = { 0 };
	int fired = 0;
	(void)fd;
	(void)what;
	if (service_is_virtual(srv->svc))
		return;    /* virtual time moves only through POST /clock */
	server_group_flush(srv);
	if (service_fire_due(srv->svc, service_now(srv->svc), &fired, &err)) {
		/* The others fired; the failing one stays pending: try again in 5 s, not at once. */
		struct timeval retry = { 5, 0 };
		fprintf(stderr, "casework: timers: %d breached, one or more failed: %s (retrying in 5 s)\n", fired, err.message);
		evtimer_del(srv->timer);
		evtimer_add(srv->timer, &retry);
		return;
	}
	if (fired)
		fprintf(stderr, "casework: %d timescale(s) breached\n", fired);
	server_rearm(srv);
}

void server_rearm(struct server *srv)
{
	int64_t due, now = service_now(srv->svc);
	struct timeval tv = { 0, 0 };
	evtimer_del(srv->timer);
	if (service_is_virtual(srv->svc) || service_next_due(srv->svc, &due) != 0)
		return;
	if (due + 1 > now) {
		/* Long waits are capped so a changed wall clock is noticed within a minute. */
		int64_t wait = due + 1 - now;
		tv.tv_sec = wait > 60 ? 60 : (time_t)wait;
	}
	evtimer_add(srv->timer, &tv);
}

static void on_stop(evutil_socket_t sig, short what, void *arg)
{
	static const struct timeval drain = { 0, 300 * 1000 };
	struct server *srv = arg;
	(void)what;
	fprintf(stderr, "casework: signal %d: finishing requests in flight and closing the store\n", (int)sig);
	/*
	 * Commit what is held and queue its replies; then take no new
	 * connections and give the loop a moment to write the replies out (and
	 * to finish requests already arriving on open connections): a reply
	 * queued as the loop ends is never sent, and a write committed without
	 * its 2xx is one the client will try again.
	 */
	server_group_flush(srv);
	http_stop_listening(srv->http);
	event_base_loopexit(srv->base, &drain);
}

static void on_hup(evutil_socket_t sig, short what, void *arg)
{
	struct server *srv = arg;
	struct error err = { 0 };
	json_t *diag = json_array();
	size_t i;
	json_t *d;
	(void)sig;
	(void)what;
	server_group_flush(srv);
	if (service_reload(srv->svc, diag, &err))
		fprintf(stderr, "casework: reload failed, keeping the loaded definitions: %s\n", err.message);
	else
		fprintf(stderr, "casework: definitions reloaded\n");
	json_array_foreach(diag, i, d)
		fprintf(stderr, "%s\n", json_string_value(d));
	json_decref(diag);
	server_rearm(srv);
}

static void print_demo(struct service *svc, const char *listen)
{
	const struct authority *a;
	size_t i, j;
	printf("casework is serving on http://%s\nWeb pages: http://%s/app (sign in as a demo user)\n\n"
	       "Demo users (demo mode only; tokens are well known):\n", listen, listen);
	for (i = 0; (a = service_authority_at(svc, i)); i++) {
		printf("  %s (%s)\n", a->name, a->id);
		for (j = 0; j < a->ndemo; j++)
			printf("    %-28s %-32s Authorization: Bearer %s\n", a->demo[j].name,
			       a->demo[j].roles.n ? a->demo[j].roles.v[0] : "", a->demo[j].token);
	}
	printf("\n");
	printf("Try: curl -H 'Authorization: Bearer %s' http://%s/workflows\n\n",
	       service_authority_at(svc, 0) && service_authority_at(svc, 0)->ndemo ? service_authority_at(svc, 0)->demo[0].token : "TOKEN",
	       listen);
	fflush(stdout);
}

int cmd_serve(int argc, char **argv)
{
	const char *db = cli_opt(argc, argv, "db"), *listen = cli_opt(argc, argv, "listen");
	const char *clock = cli_opt(argc, argv, "clock"), *start = cli_opt(argc, argv, "start");
	const char *root = cli_opt(argc, argv, "root"), *reserve = cli_opt(argc, argv, "wal-reserve");
	struct service_options so = { 0 };
	struct server srv = { 0 };
	struct error err = { 0 };
	json_t *diag;
	char host[256];
	int port, rc = 1;
	size_t i;
	json_t *d;

	so.db = db ? db : "var/casework.db";
	so.root = root ? root : (getenv("CASEWORK_ROOT") ? getenv("CASEWORK_ROOT") : ".");
	so.demo = cli_flag(argc, argv, "demo");
	so.virtual_clock = clock && strcmp(clock, "virtual") == 0;
	/*
	 * The read log never holds up the event loop: a thread writes it. Not for
	 * a store in memory, which the thread's own connection could not see (a
	 * second ":memory:" is a database of its own): there the server writes
	 * the reads on its own connection, in batches, with nothing to fsync.
	 */
	so.read_writer = strcmp(so.db, ":memory:") != 0;
	so.synchronous_normal = cli_flag(argc, argv, "sync-normal");
	/* The WAL zero-filled at start: by default the frames up to the backstop checkpoint (readlog.h). */
	so.wal_reserve = READLOG_WAL_RESERVE;
	if (reserve) {
		char *end;
		long mb = strtol(reserve, &end, 10);
		if (*end || end == reserve || mb < 0 || mb > 65536) {
			fprintf(stderr, "casework: --wal-reserve is a size in MB, 0 to 65536 (0: none)\n");
			return 2;
		}
		so.wal_reserve = (int64_t)mb << 20;
	}
	if (clock && strcmp(clock, "virtual") && strcmp(clock, "real")) {
		fprintf(stderr, "casework: --clock is real or virtual\n");
		return 2;
	}
	if (start && calendar_parse_instant(start, &so.start)) {
		fprintf(stderr, "casework: --start is an instant (YYYY-MM-DDTHH:MM:SSZ)\n");
		return 2;
	}
	if (!listen)
		listen = "127.0.0.1:8080";
	/* The web pages' assets (GOV.UK Frontend, graphs): web.c reads CASEWORK_ASSETS. */
	if (cli_opt(argc, argv, "assets"))
		setenv("CASEWORK_ASSETS", cli_opt(argc, argv, "assets"), 1);
	if (sscanf(listen, "%255[^:]:%d", host, &port) != 2 || port < 0 || port > 65535) {
		fprintf(stderr, "casework: --listen is HOST:PORT\n");
		return 2;
	}
	diag = json_array();
	if (service_open(&so, &srv.svc, diag, &err)) {
		json_array_foreach(diag, i, d)
			fprintf(stderr, "%s\n", json_string_value(d));
		fprintf(stderr, "casework: %s\n", err.message);
		json_decref(diag);
		return 1;
	}
	json_decref(diag);
	signal(SIGPIPE, SIG_IGN);
	srv.base = new_base();
	srv.timer = evtimer_new(srv.base, fire, &srv);
	srv.commit = evtimer_new(srv.base, on_commit, &srv);
	srv.http = http_new(srv.base, &srv, host, port, &err);
	if (!srv.http) {
		fprintf(stderr, "casework: %s\n", err.message);
		goto done;
	}
	srv.sigterm = evsignal_new(srv.base, SIGTERM, on_stop, &srv);
	srv.sigint = evsignal_new(srv.base, SIGINT, on_stop, &srv);
	srv.sighup = evsignal_new(srv.base, SIGHUP, on_hup, &srv);
	evsignal_add(srv.sigterm, NULL);
	evsignal_add(srv.sigint, NULL);
	evsignal_add(srv.sighup, NULL);
	snprintf(host + strlen(host), sizeof host - strlen(host), ":%d", http_port(srv.http));
	if (so.demo)
		print_demo(srv.svc, host);
	else
		printf("casework is serving on http://%s\n", host);
	fflush(stdout);
	/* Overdue timers (after a crash or restart) fire once, now. */
	fire(-1, 0, &srv);
	event_base_dispatch(srv.base);
	if (store_group_open(service_store(srv.svc))) {
		/* a group opened while draining: commit it, and write its replies out */
		struct timeval last = { 0, 100 * 1000 };
		server_group_flush(&srv);
		event_base_loopexit(srv.base, &last);
		event_base_dispatch(srv.base);
	}
	server_group_flush(&srv);
	rc = 0;
done:
	http_free(srv.http);
	if (srv.sigterm)
		event_free(srv.sigterm);
	if (srv.sigint)
		event_free(srv.sigint);
	if (srv.sighup)
		event_free(srv.sighup);
	event_free(srv.timer);
	if (srv.commit)
		event_free(srv.commit);
	free(srv.held);
	event_base_free(srv.base);
	service_close(srv.svc);
	return rc;
}
