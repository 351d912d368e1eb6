/*
 * dump.h: compact JSON text of a jansson value, byte for byte what
 * json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY [| JSON_SORT_KEYS]
 * [| JSON_ENSURE_ASCII]) writes, several times faster.
 *
 * Why not json_dumps: every event writes its case's whole view (7 KB on a
 * typical case) and hashes it, and jansson's dumper, a callback per token,
 * took 85 us of that on the bench machine (an action took 700). The
 * output must not change by a byte: stored views and their hashes are
 * compared with replay's, and old stores were written by jansson.
 * tests/unit/dump.c holds it to jansson on random documents and on every
 * view the scenarios make.
 */
#ifndef CASEWORK_DUMP_H
#define CASEWORK_DUMP_H

#include <jansson.h>

#define DUMP_SORT_KEYS 1          /* object keys in strcmp order, not insertion order */
#define DUMP_ASCII 2              /* non-ASCII as \uXXXX (JSON_ENSURE_ASCII) */
#define DUMP_VIEW 4               /* a case view: its timescales' stand-ins as their text (with DUMP_ASCII only) */

/* The text (caller frees); NULL where jansson would fail (a string that is not UTF-8). */
char *dump_json(const json_t *v, int flags);

/*
 * The value of JSON text, as json_loads(text, JSON_DECODE_ANY) would give it
 * (the same types, key order and values), about three times faster; for
 * text the engine wrote itself (stored views, events' input and facts).
 * Anything unusual (an error, \u0000, an integer past 64 bits, nesting
 * past 2,048) is left to json_loads, so errors and edge cases
 * are jansson's own. New reference, or NULL if jansson refuses it too.
 */
json_t *dump_load(const char *text);
/* Only the fast path: NULL where dump_load would ask json_loads (for tests). */
json_t *dump_load_fast(const char *text);

/*
 * A stored case view, loaded for an action to change it. As dump_load, except
 * that each clock in the view's "timescales" whose status is settled (met,
 * met_late, cancelled: nothing changes such a clock again, engine/clocks.c)
 * is a stand-in: an object whose first member, DUMP_STANDIN_KEY, holds the
 * clock's text as stored, followed by the members an action reads of a
 * settled clock (key, name, member, status, due_epoch). A plan case's view
 * is mostly met clocks, and building, writing and freeing them was a fifth
 * of a review's CPU (bench/README.md).
 *
 * dump_json(view, DUMP_ASCII | DUMP_VIEW) writes a stand-in as that text, so
 * the view's text, and so its hash, is byte for byte the full view's. Only
 * the elements of the top-level "timescales" are looked at: a stand-in is
 * known by where the engine put it, never by keys a user's JSON could
 * imitate (and DUMP_VIEW with other flags fails: the stored text is ASCII
 * and in insertion order). A view with stand-ins
 * stays inside the action that loaded it: dump_view_expand gives the full
 * view back for anything else. Falls back to dump_load for text it does not
 * expect.
 */
#define DUMP_STANDIN_KEY "\001stored"
json_t *dump_load_view(const char *text);
int dump_is_standin(const json_t *v);
/* Does the view hold a stand-in? */
int dump_view_partial(const json_t *view);
/* Give the view a "timescales" with every stand-in replaced by the clock it stands for; -1 if one does not parse. */
int dump_view_expand(json_t *view);

#endif
