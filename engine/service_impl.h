/*
 * service_impl.h: struct service, shared by service.c and replay.c only.
 */
#ifndef CASEWORK_SERVICE_IMPL_H
#define CASEWORK_SERVICE_IMPL_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct authority;
struct definition;
struct readlog;
struct store;
struct error;

/*
 * Parsed case views, so an action does not re-parse its case: direct-mapped
 * by id, each valid only while the store's last event hash for the case is
 * the one it was made from (a rolled-back transaction changes nothing in the
 * store, so its view can never be served).
 *
 * Small on purpose: it serves a case acted on again soon after (a
 * practitioner's run of actions, the breach an action fires first). A
 * parsed view is about 54 KB of scattered jansson nodes; with 4,096 slots
 * every miss freed a tree long gone from the CPU's caches, and durable
 * actions on 100,000 cases ran 10-20% slower (bench/README.md).
 */
#define VIEW_CACHE 16
struct view_slot {
	int64_t id;
	char hash[65];
	json_t *view;
	int partial;              /* its settled clocks are stand-ins (dump_load_view): for actions only */
};

struct service {
	struct view_slot *cache;
	struct readlog *reads;    /* who looked, queued (readlog.c) */
	struct store *store;
	char *root;
	int demo;
	int virtual_clock;
	int64_t now;              /* the virtual clock */
	struct authority **auth;
	size_t nauth;
	struct definition **defs; /* every version loaded; ->current marks the live ones */
	size_t ndefs;
};

struct interp_event;

/* The case's view for changing in place, taken out of the view cache (service.c). */
/*
 * partial: the caller only changes the view and stores it (an action, a
 * breach), so settled clocks may be stand-ins (dump_load_view).
 */
json_t *svc_view_take(struct service *svc, const char *authority, int64_t id, int partial,
		      struct error *err);
/* The authority's closure days as a fact of an event (service.c). */
void svc_calendar_facts(const struct authority *a, json_t *facts);
/* Fold one event into the case and persist it, inside the caller's transaction (service.c). */
int svc_commit_event(struct service *svc, const struct authority *a, struct definition *d,
		     json_t **view, struct interp_event *iev, json_t **spawns, struct error *err);
/* Fire the due timers of one case (0: all), in due order (timers.c). */
int svc_fire_due(struct service *svc, int64_t case_id, int64_t now, int *fired, struct error *err);

/* Load one workflow file for authority a (not registered). */
struct definition *service_load_definition_file(const struct authority *a, const char *path,
						json_t *diag, struct error *err);

#endif
