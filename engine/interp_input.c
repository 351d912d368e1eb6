/*
 * interp_input.c: validating input against a schema (action input, record
 * fields, case data): the 422s of interp.c, each naming the field. Pure:
 * user ids are checked against the users the engine read into the event's
 * facts, member ids against the case.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "interp_impl.h"

#define MAX_TEXT INTERP_MAX_TEXT

/* --- input validation ------------------------------------------------------- */

static const char *type_name(enum field_type t)
{
	static const char *names[] = { "text", "boolean", "integer", "number", "date (YYYY-MM-DD)",
		"date-time (ISO 8601)", "one of the listed values", "user id", "member id", "list of strings" };
	return names[t];
}

int interp_member_exists(const json_t *view, const char *id, const char *role)
{
	size_t i;
	json_t *m;
	json_array_foreach(json_object_get(view, "members"), i, m) {
		const char *mid = json_string_value(json_object_get(m, "id"));
		const char *mrole = json_string_value(json_object_get(m, "role"));
		if (mid && strcmp(mid, id) == 0)
			return !role || (mrole && strcmp(mrole, role) == 0);
	}
	return 0;
}

/* A user field's id must be a user of the authority (engine-read, in facts.users) with the role. */
static int user_ok(const json_t *facts, json_int_t id, const char *role)
{
	char key[32];
	json_t *u, *r;
	size_t i;
	snprintf(key, sizeof key, "%lld", (long long)id);
	u = json_object_get(json_object_get(facts, "users"), key);
	if (!u)
		return 0;
	if (!role)
		return 1;
	json_array_foreach(json_object_get(u, "roles"), i, r)
		if (strcmp(json_string_value(r), role) == 0)
			return 1;
	return 0;
}

static int check_field(const struct field *f, const json_t *v, const char *path,
		       const json_t *view, const json_t *facts, struct error *err)
{
	int date;
	int64_t instant;
	size_t i;
	json_t *item;

	switch (f->type) {
	case FIELD_TEXT:
		if (!json_is_string(v))
			break;
		if (json_string_length(v) > (size_t)(f->max_length > 0 ? f->max_length : MAX_TEXT))
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s' is longer than %ld characters", path,
					   f->max_length > 0 ? f->max_length : (long)MAX_TEXT);
		return 0;
	case FIELD_BOOLEAN:
		if (json_is_boolean(v))
			return 0;
		break;
	case FIELD_INTEGER:
	case FIELD_NUMBER:
		if (f->type == FIELD_INTEGER ? !json_is_integer(v) : !json_is_number(v))
			break;
		if ((f->has_min && json_number_value(v) < f->min) || (f->has_max && json_number_value(v) > f->max))
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s' must be between %g and %g", path,
					   f->has_min ? f->min : -INFINITY, f->has_max ? f->max : INFINITY);
		return 0;
	case FIELD_DATE:
		if (json_is_string(v) && calendar_parse_date(json_string_value(v), &date) == 0)
			return 0;
		break;
	case FIELD_DATETIME:
		if (json_is_string(v) && calendar_parse_instant(json_string_value(v), &instant) == 0)
			return 0;
		break;
	case FIELD_ENUM:
		if (json_is_string(v) && strlist_has(&f->values, json_string_value(v)))
			return 0;
		if (json_is_string(v)) {
			char list[512] = "";
			for (i = 0; i < f->values.n; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", f->values.v[i]);
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s' must be one of: %s", path, list);
		}
		break;
	case FIELD_USER:
		if (!json_is_integer(v))
			break;
		if (!user_ok(facts, json_integer_value(v), f->role))
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s': user %lld is not a %s in this authority", path,
					   (long long)json_integer_value(v), f->role ? f->role : "user");
		return 0;
	case FIELD_MEMBER:
		if (!json_is_string(v))
			break;
		if (!interp_member_exists(view, json_string_value(v), f->role))
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s': '%s' is not a %s of this case", path,
					   json_string_value(v), f->role ? f->role : "member");
		return 0;
	case FIELD_LIST:
		if (!json_is_array(v))
			break;
		if (json_array_size(v) > 1000)
			return error_field(err, ERR_INVALID, "invalid_input", path,
					   "field '%s' lists more than 1000 items", path);
		json_array_foreach(v, i, item)
			if (!json_is_string(item) || json_string_length(item) > MAX_TEXT)
				return error_field(err, ERR_INVALID, "invalid_input", path,
						   "field '%s' must be a list of strings (each at most %d characters)", path, MAX_TEXT);
		return 0;
	}
	return error_field(err, ERR_INVALID, "invalid_input", path, "field '%s' must be %s",
			   path, type_name(f->type));
}

/*
 * Validate in (an object or null) against schema; prefix names nested
 * paths ("fields."). Unknown fields are refused: a misspelt field name
 * would otherwise be silently dropped.
 */
int interp_validate(const struct schema *s, const json_t *in, const char *prefix,
		    const json_t *view, const json_t *facts, struct error *err)
{
	const char *key;
	json_t *v;
	size_t i;
	char path[256];

	if (in && !json_is_object(in) && !json_is_null(in)) {
		char name[64];
		snprintf(name, sizeof name, "%s", prefix[0] ? prefix : "input");
		if (name[0] && name[strlen(name) - 1] == '.')
			name[strlen(name) - 1] = '\0';
		return error_field(err, ERR_INVALID, "invalid_input", name, "%s must be an object", name);
	}
	json_object_foreach((json_t *)in, key, v) {
		if (!schema_field(s, key)) {
			snprintf(path, sizeof path, "%s%s", prefix, key);
			return error_field(err, ERR_INVALID, "invalid_input", path, "unknown field '%s'", path);
		}
	}
	for (i = 0; i < s->n; i++) {
		const struct field *f = &s->fields[i];
		v = in ? json_object_get(in, f->name) : NULL;
		snprintf(path, sizeof path, "%s%s", prefix, f->name);
		if (!v || json_is_null(v)) {
			if (f->required)
				return error_field(err, ERR_INVALID, "invalid_input", path,
						   "field '%s' is required (%s)", path, type_name(f->type));
			continue;
		}
		if (check_field(f, v, path, view, facts, err))
			return -1;
	}
	return 0;
}

