/*
 * interp_impl.h: what interp.c, interp_input.c and interp_query.c share.
 */
#ifndef CASEWORK_INTERP_IMPL_H
#define CASEWORK_INTERP_IMPL_H

#include <jansson.h>
#include <stdint.h>

#include "def.h"

struct error;

#define INTERP_MAX_TEXT 20000

/* Validate in (an object or null) against schema; prefix names nested paths ("fields."). */
int interp_validate(const struct schema *s, const json_t *in, const char *prefix,
		    const json_t *view, const json_t *facts, struct error *err);
/* Is id a member of the case (holding role, if given)? */
int interp_member_exists(const json_t *view, const char *id, const char *role);
const char *interp_state_of(const json_t *view);
/* May action a be taken in state (its from list, "*" for any open state)? */
int interp_in_from(const struct definition *def, const struct action_def *a, const char *state);
/* Does role (or "assigned", for the case's worker) satisfy by? */
int interp_role_allows(const struct strlist *by, const char *role, int64_t user, const json_t *view);

#endif
