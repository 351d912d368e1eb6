/*
 * interp.h: the interpreter. Folds one event into a case view.
 *
 * interp_apply is a pure function of (authority calendar, definition, view,
 * event): it reads no clock, no store and no other case. Anything from
 * outside the case arrives in ev->facts, which the caller read and records
 * in the event, so a live action and its replay compute the same view.
 *
 * It checks, in order, the actor's role (or assignment), the case's state,
 * the input against its schema, the guards, and the required records; a
 * refusal is a struct error (403 wrong_role, 409 wrong_state / case_closed /
 * guard_failed / missing_record, 422 invalid_input) and leaves the view as
 * it was. Then it applies the effects and the timescales.
 *
 * The case view (JSON) is the projection the store keeps: id, authority,
 * workflow, definition, state, open, data, members, records, timescales,
 * assigned, team, parent, links, opened_at, updated_at, seq.
 */
#ifndef CASEWORK_INTERP_H
#define CASEWORK_INTERP_H

#include <jansson.h>
#include <stdint.h>

struct authority;
struct definition;
struct error;

/*
 * The version of how the interpreter builds views from events. A case's open
 * event records the version it was written under; replay reports it, so a
 * divergence caused by a change to the engine (not to the case) says so.
 * Raise it with any change that makes the same events build a different view.
 */
#define INTERP_SEMANTICS 1

struct interp_event {
	int64_t case_id;
	int64_t seq;
	int64_t at;               /* instant */
	int64_t user_id;          /* 0 = the engine */
	const char *role;         /* role acted in; "assigned"; NULL for the engine */
	const char *kind;         /* "open", "action", "record", "timer", "transfer", "migrate" */
	const char *name;         /* action name, record type, "breach" */
	const json_t *input;
	const json_t *facts;
	struct definition *migrate_to;   /* kind "migrate": the version the case moves to */
};

/*
 * Apply ev to *view (NULL for an open event). On success *view is replaced
 * by the new view (caller owns it; the old reference is released) and, if
 * the action spawns linked cases, *spawns (if not NULL) receives a new array
 * of {workflow, data, members}. On refusal returns -1, *view is unchanged.
 */
int interp_apply(const struct authority *auth, struct definition *def, json_t **view,
		 const struct interp_event *ev, json_t **spawns, struct error *err);

/*
 * As interp_apply, changing *view in place (NULL for an open event: a new
 * view is made and stored in *view). The caller must own the view outright:
 * on refusal it may be partly changed and must be thrown away (the store,
 * rolled back, still has the case as it was). Replay and the service use
 * this; interp_apply (which copies) is for callers that keep the view.
 */
int interp_apply_owned(const struct authority *auth, struct definition *def, json_t **view,
		       const struct interp_event *ev, json_t **spawns, struct error *err);

/*
 * The role a user acts in for action (or "assigned"), given the user's roles
 * (array) and the view; NULL if none allows it. Built-in actions add_record
 * and extend_timescale are handled as well. Pure.
 */
const char *interp_role_for(const struct definition *def, const char *action,
			    const json_t *roles, int64_t user_id, const json_t *view,
			    const json_t *input);

/*
 * The facts an action declares (names), or an empty list; for building
 * ev->facts. Borrowed from the definition.
 */
const struct strlist *interp_action_facts(const struct definition *def, const char *action);
/* The user-typed input fields of action whose values the engine must resolve. */
int interp_user_fields(const struct definition *def, const char *action, const json_t *input,
		       json_t *ids_out);

/*
 * The actions a user may take now on a case (role and state allow; guards
 * not run), as an array of {name, title, line, input: schema}. New reference.
 */
json_t *interp_available(const struct definition *def, const json_t *view,
			 const json_t *roles, int64_t user_id);

/* An input schema as JSON (for the case view and the API). New reference. */
json_t *interp_schema_json(const struct definition *def, const char *action);

#endif
