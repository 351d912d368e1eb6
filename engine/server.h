/*
 * server.h: `casework serve`: one libevent loop serving HTTP (http.c) and
 * firing timers (one event armed for the earliest due instant).
 */
#ifndef CASEWORK_SERVER_H
#define CASEWORK_SERVER_H

#include <stdint.h>

struct service;
struct event_base;
struct evbuffer;
struct evhttp_request;

struct server;

/* Re-arm the timer for the earliest pending due instant (after any change). */
void server_rearm(struct server *srv);
struct service *server_service(struct server *srv);

/*
 * Group commit. The case writes that arrive together (those the loop reads
 * in one turn) run in one transaction, each in its own savepoint, and
 * share one commit; each is answered only after it (server_hold). A group
 * commits when the loop has read what was waiting, when it reaches
 * GROUP_MAX writes, or before any other request, timer or shutdown.
 */
#define GROUP_MAX 256
/* Join the open group, or open one: 1 if the request is in a group. */
int server_group_join(struct server *srv);
/* Keep a grouped request's reply until its group commits (takes body). */
void server_hold(struct server *srv, struct evhttp_request *req, int status, const char *reason,
		 struct evbuffer *body);
/* Commit the open group, if any, and send its replies (503 to each if it failed). */
void server_group_flush(struct server *srv);
/* Groups committed, and the writes in them, since start. */
void server_group_stats(const struct server *srv, uint64_t *groups, uint64_t *writes);

#endif
