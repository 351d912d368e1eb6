/*
 * codec.h: JSON (jansson) <-> Lua values, for the script boundary only.
 *
 * Tables whose keys are exactly 1..n (n > 0) become arrays; every other table
 * becomes an object (number keys written as strings). Empty tables become
 * objects. Functions, userdata and threads cannot cross: encoding them is an
 * error naming the path. Nesting deeper than CODEC_MAX_DEPTH is an error, so a
 * cyclic table cannot hang the engine.
 */
#ifndef CASEWORK_CODEC_H
#define CASEWORK_CODEC_H

#include <jansson.h>

struct lua_State;
struct error;

#define CODEC_MAX_DEPTH 32

/* Push v as a Lua value (NULL or JSON null pushes nil). [-0, +1, m] */
void codec_push(struct lua_State *L, const json_t *v);
/*
 * The Lua value at idx as JSON; caller owns the new reference. nil -> JSON
 * null. On error returns NULL and fills err (ERR_SCRIPT). [-0, +0, m]
 */
json_t *codec_to_json(struct lua_State *L, int idx, struct error *err);

#endif
