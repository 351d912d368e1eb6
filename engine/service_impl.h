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
struct store;
struct error;

/*
 * Parsed case views, so an action does not re-parse its case: direct-mapped
 * by id, each valid only while the store's last event hash for the case is
 * the one it was made from (a rolled-back transaction changes nothing in the
 * store, so its view can never be served).
 */
#define VIEW_CACHE 4096
struct view_slot {
	int64_t id;
	char hash[65];
	json_t *view;
};

/* Reads of cases waiting to be logged (who looked), written in batches. */
struct read_entry {
	int64_t case_id, user_id, at;
};

struct service {
	struct view_slot *cache;
	struct read_entry *reads;
	size_t nreads, capreads;
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

/* Load one workflow file for authority a (not registered). */
struct definition *service_load_definition_file(const struct authority *a, const char *path,
						json_t *diag, struct error *err);

#endif
