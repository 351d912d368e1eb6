/*
 * script.h: the one C-typed boundary to workflow code.
 *
 * script.c loads definitions and authority files in a sandbox (sandbox.h),
 * validates them with stdlib/dsl.lua, and hands back C structs (def.h).
 * The interpreter calls guards, effects and the other workflow functions
 * through here and gets C values back; it never includes lua.h.
 *
 * Calls follow a bind/unbind bracket: script_bind() converts the case view,
 * the input and the facts to Lua once, the calls read (and effects mutate)
 * them, script_case_data() reads the data back, script_unbind() drops them.
 */
#ifndef CASEWORK_SCRIPT_H
#define CASEWORK_SCRIPT_H

#include <jansson.h>
#include <stdint.h>

#include "def.h"

struct error;

/*
 * Load and validate a workflow definition. roles (may be NULL) are the
 * authority's declared roles. On success returns a new definition (caller
 * owns; def_free). On failure returns NULL; diagnostics (each
 * "file:line: error|warning: message") are appended to diag, err is filled
 * with the first error. Warnings are appended on success too.
 */
struct definition *script_load_definition(const char *path, const char *source, size_t len,
					  const struct strlist *roles, json_t *diag,
					  struct error *err);

/*
 * Pin d to its authority: sets d->authority and d->hash, the version id:
 * SHA-256 of "<authority>\n" and the source (so identical text in two
 * authorities is two versions, each its authority's own).
 */
void script_definition_pin(struct definition *d, const char *authority);

/* As above for an authority file; caller owns the result (authority_free). */
struct authority *script_load_authority(const char *path, const char *source, size_t len,
					json_t *diag, struct error *err);

/*
 * Remember the file-level variables d's functions capture, as loaded (the
 * loader calls it); every call afterwards checks they still hold them.
 */
void script_freeze(struct definition *d);

/* Bind the arguments of the next calls. view/input/facts are borrowed. */
int script_bind(struct definition *d, const json_t *view, const json_t *input,
		const json_t *facts, uint64_t seed_a, uint64_t seed_b, struct error *err);
void script_unbind(struct definition *d);

/* Run guard g: *allowed = 1 or 0; *reason (caller frees) is a reason the guard returned, or NULL. */
int script_guard(struct definition *d, const struct guard_def *g, int *allowed,
		 char **reason, struct error *err);
/* Run effect ref(case, input, facts); it may change case.data. */
int script_effect(struct definition *d, int ref, struct error *err);
/* Run a computed target ref(case, input, facts); *state is caller-owned. */
int script_target(struct definition *d, int ref, char **state, struct error *err);
/* Run spawn data ref(case, input, facts); *data is a new JSON object. */
int script_spawn_data(struct definition *d, int ref, json_t **data, struct error *err);
/* Run a member filter ref(member, on). */
int script_applies(struct definition *d, int ref, const json_t *member, const char *on,
		   int *yes, struct error *err);
/* The bound case's data after effects; new reference, NULL on error. */
json_t *script_case_data(struct definition *d, struct error *err);

#endif
