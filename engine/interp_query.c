/*
 * interp_query.c: questions about a definition that the service and the
 * pages ask without applying anything: which role a user acts in, which
 * facts and users an action needs, the actions a user may take now, and
 * input schemas as JSON. Pure.
 */
#include <string.h>

#include "clocks.h"
#include "def.h"
#include "interp.h"
#include "interp_impl.h"

/* --- questions about a definition ---------------------------------------------- */

const char *interp_role_for(const struct definition *def, const char *action,
			    const json_t *roles, int64_t user_id, const json_t *view,
			    const json_t *input)
{
	const struct strlist *by = NULL;
	struct strlist any = { 0 };
	size_t i;
	json_t *r;

	if (strcmp(action, "add_record") == 0) {
		const char *type = json_string_value(json_object_get(input, "type"));
		const struct record_def *rd = type ? def_record(def, type) : NULL;
		if (!rd || !rd->by.n)
			by = &any;   /* anyone in the authority: first role */
		else
			by = &rd->by;
	} else if (strcmp(action, "extend_timescale") == 0) {
		const char *key = json_string_value(json_object_get(input, "timescale"));
		const struct timescale_def *t = key ? clocks_def_for_key(def, key) : NULL;
		if (!t || !t->extendable)
			by = &any;
		else
			by = &t->extend_by;
	} else if (strcmp(action, "open") == 0) {
		by = &def->opened_by;
	} else {
		const struct action_def *a = def_action(def, action);
		if (!a)
			return NULL;
		by = &a->by;
	}
	if (by == &any) {
		r = json_array_get(roles, 0);
		return json_string_value(r);
	}
	json_array_foreach(roles, i, r)
		if (strlist_has(by, json_string_value(r)))
			return json_string_value(r);
	if (view && strlist_has(by, "assigned") && user_id &&
	    json_integer_value(json_object_get(view, "assigned")) == user_id)
		return "assigned";
	return NULL;
}

const struct strlist *interp_action_facts(const struct definition *def, const char *action)
{
	static const struct strlist none = { 0 };
	const struct action_def *a = def_action(def, action);
	return a ? &a->facts : &none;
}

static void user_ids(const struct schema *s, const json_t *values, json_t *ids_out)
{
	size_t i;
	for (i = 0; i < s->n; i++) {
		json_t *v = json_object_get(values, s->fields[i].name);
		if (s->fields[i].type == FIELD_USER && json_is_integer(v))
			json_array_append(ids_out, v);
	}
}

int interp_user_fields(const struct definition *def, const char *action, const json_t *input,
		       json_t *ids_out)
{
	const struct action_def *a = def_action(def, action);
	if (strcmp(action, "add_record") == 0) {
		const char *type = json_string_value(json_object_get(input, "type"));
		const struct record_def *r = type ? def_record(def, type) : NULL;
		if (r)
			user_ids(&r->fields, json_object_get(input, "fields"), ids_out);
	} else if (strcmp(action, "open") == 0) {
		user_ids(&def->data, json_object_get(input, "data"), ids_out);
	} else if (a) {
		user_ids(&a->input, input, ids_out);
	}
	return 0;
}

static json_t *schema_json(const struct schema *s)
{
	json_t *out = json_array();
	size_t i, j;
	for (i = 0; i < s->n; i++) {
		const struct field *f = &s->fields[i];
		static const char *names[] = { "text", "boolean", "integer", "number", "date",
					       "datetime", "enum", "user", "member", "list" };
		json_t *o = json_pack("{s:s, s:s, s:b}", "name", f->name, "type", names[f->type],
				      "required", f->required);
		if (f->label)
			json_object_set_new(o, "label", json_string(f->label));
		if (f->role)
			json_object_set_new(o, "role", json_string(f->role));
		if (f->values.n) {
			json_t *vals = json_array();
			for (j = 0; j < f->values.n; j++)
				json_array_append_new(vals, json_string(f->values.v[j]));
			json_object_set_new(o, "values", vals);
		}
		if (f->has_min)
			json_object_set_new(o, "min", json_real(f->min));
		if (f->has_max)
			json_object_set_new(o, "max", json_real(f->max));
		json_array_append_new(out, o);
	}
	return out;
}

json_t *interp_schema_json(const struct definition *def, const char *action)
{
	const struct action_def *a = def_action(def, action);
	return a ? schema_json(&a->input) : json_array();
}

json_t *interp_available(const struct definition *def, const json_t *view,
			 const json_t *roles, int64_t user_id)
{
	json_t *out = json_array();
	const char *state = interp_state_of(view);
	const struct state_def *s = def_state(def, state);
	size_t i;

	if (!s || s->terminal)
		return out;
	for (i = 0; i < def->nactions; i++) {
		const struct action_def *a = &def->actions[i];
		if (!interp_in_from(def, a, state) || !interp_role_for(def, a->name, roles, user_id, view, NULL))
			continue;
		json_array_append_new(out, json_pack("{s:s, s:s, s:i, s:o}", "name", a->name,
			"title", a->title ? a->title : a->name, "line", a->cites, "input", schema_json(&a->input)));
	}
	return out;
}

