/*
 * clocks.h: the timescale clocks of a case view (DESIGN.md §3).
 *
 * Called only by interp.c, inside interp_apply: pure functions of the
 * authority's calendar, the definition and the event. Each instance in the
 * view's "timescales" array carries its derivation (anchor event, rule and
 * procedure line, calendar and the non-working days it skipped, definition
 * version, extensions), so an auditor can ask why it was due when it was.
 *
 * Instance keys are "<name>#<n>" or "<name>@<member>#<n>" (n counts the
 * occurrences of that clock for that member).
 */
#ifndef CASEWORK_CLOCKS_H
#define CASEWORK_CLOCKS_H

#include <jansson.h>

#include "def.h"

struct authority;
struct interp_event;
struct error;

/* Timescales an action explicitly starts, satisfies and cancels. */
struct clock_ops {
	const struct strlist *start, *satisfy, *cancel;
};

/*
 * After an event: satisfy (met / met_late, re-arming recurring clocks),
 * cancel (by event, by state, terminal), then start clocks whose anchor is
 * among fired (event names: action, "open", "record:t", "enter:s", "breach:t").
 */
int clocks_update(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, json_t *fired, const struct clock_ops *ops,
		  struct error *err);

/*
 * A timer event: input {"key"}; marks the instance breached (it must be
 * pending and due), runs on_breach's effect, adds "breach:<name>" to fired
 * and sets *to (caller frees) to on_breach's target state, if any.
 */
int clocks_breach(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, json_t *fired, char **to, struct error *err);

/* The built-in extend_timescale action: input {timescale, until, reason}. */
int clocks_extend(const struct authority *auth, struct definition *def, json_t *view,
		  const struct interp_event *ev, struct error *err);

/*
 * A migration to newdef: every pending clock is re-derived from its anchor
 * under newdef's rule (an extension a person granted is kept if later), or
 * cancelled if newdef no longer has it. Met and breached clocks are history
 * and stay as they are.
 */
void clocks_migrate(const struct authority *auth, const struct definition *newdef, json_t *view,
		    const struct interp_event *ev);

/* Set obj[key] to the instant as "YYYY-MM-DDTHH:MM:SSZ" and obj[key_epoch] to its seconds. */
void clocks_set_time(json_t *obj, const char *key, int64_t at);

/* The definition of the clock a key (or bare name) refers to, or NULL. */
const struct timescale_def *clocks_def_for_key(const struct definition *def, const char *key);

#endif
