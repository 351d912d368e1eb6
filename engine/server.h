/*
 * server.h: `casework serve`: one libevent loop serving HTTP (http.c) and
 * firing timers (one event armed for the earliest due instant).
 */
#ifndef CASEWORK_SERVER_H
#define CASEWORK_SERVER_H

struct service;
struct event_base;

struct server;

/* Re-arm the timer for the earliest pending due instant (after any change). */
void server_rearm(struct server *srv);
struct service *server_service(struct server *srv);

#endif
