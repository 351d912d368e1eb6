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

#endif
