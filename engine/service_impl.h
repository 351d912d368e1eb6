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

struct service {
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
