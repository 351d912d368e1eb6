/*
 * web_forms.c: forms generated from an input schema (the JSON of
 * interp_available / interp_schema_json, or a record type's or a workflow's
 * data fields), read back into the JSON input the service takes, and the
 * GOV.UK error summary.
 *
 * What this file checks is only what a form must before it can build JSON:
 * that a number is a number, a date a real date, and that a field the
 * schema marks required was filled in (so every missing field is shown at
 * once, not one per round trip). Everything else (ranges, enum values, a
 * user's role, guards, required records) is the engine's, whose refusal is
 * shown beside the field it names: there is one code path for the rules.
 */
#include "web_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "util.h"

static char *field_name(const struct form_ctx *c, const json_t *f, const char *suffix)
{
	return xasprintf("%s%s%s", c->name_prefix ? c->name_prefix : "", str(f, "name"), suffix ? suffix : "");
}

static char *base_id(const struct form_ctx *c, const json_t *f)
{
	return xasprintf("%s-%s", c->id_prefix ? c->id_prefix : "f", str(f, "name"));
}

char *form_field_id(const struct form_ctx *c, const json_t *f)
{
	const char *t = str(f, "type");
	char *id = base_id(c, f), *out;
	if (t && strcmp(t, "date") == 0) {
		out = xasprintf("%s-day", id);
		free(id);
		return out;
	}
	return id;
}

/* The posted value of a field (with a suffix for date parts), or NULL. */
static const char *posted(const struct form_ctx *c, const json_t *f, const char *suffix)
{
	char *n;
	const char *v;
	if (c->fresh)
		return NULL;
	n = field_name(c, f, suffix);
	v = web_form(c->w, n);
	free(n);
	return v;
}

static int long_text(const char *name)
{
	static const char *words[] = { "summary", "minutes", "rationale", "reason", "notes", "analysis", "worries",
				       "judgement", "discussion", "actions", "plan", "message", "observations",
				       "decision", "contribution", "response", "history", "strengths", "says",
				       "what_needs", "going_well", "help_needed", "network", "concern", "attendees" };
	size_t i;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strstr(name, words[i]))
			return 1;
	return 0;
}

static void label_text(struct html *h, const json_t *f)
{
	char *t = web_humanise(str(f, "name"));
	html_esc(h, str(f, "label") ? str(f, "label") : t);
	free(t);
	if (json_is_true(json_object_get(f, "required")))
		html_raw(h, " <span class=\"app-required\">(required)</span>");
	else
		html_raw(h, " <span class=\"app-optional\">(optional)</span>");
}

static void hint_text(struct html *h, const json_t *f, const char *id)
{
	const char *t = str(f, "type");
	json_t *min = json_object_get(f, "min"), *max = json_object_get(f, "max");
	struct html x = { 0 };
	if (strcmp(t, "integer") == 0 || strcmp(t, "number") == 0) {
		html_raw(&x, strcmp(t, "integer") == 0 ? "A whole number" : "A number");
		if (min && max)
			html_fmt(&x, " from %g to %g", json_number_value(min), json_number_value(max));
		else if (min)
			html_fmt(&x, ", at least %g", json_number_value(min));
		else if (max)
			html_fmt(&x, ", at most %g", json_number_value(max));
	} else if (strcmp(t, "date") == 0) {
		html_raw(&x, "For example, 27 3 2026");
	} else if (strcmp(t, "datetime") == 0) {
		html_raw(&x, "For example, 2026-03-27T14:30 (London time)");
	} else if (strcmp(t, "list") == 0) {
		html_raw(&x, "One per line");
	}
	if (x.n) {
		html_raw(h, "<div id=\"");
		html_esc(h, id);
		html_raw(h, "-hint\" class=\"govuk-hint\">");
		html_raw(h, x.p);
		html_raw(h, "</div>");
	}
	html_free(&x);
}

static int has_hint(const json_t *f)
{
	const char *t = str(f, "type");
	return strcmp(t, "integer") == 0 || strcmp(t, "number") == 0 || strcmp(t, "date") == 0 ||
	       strcmp(t, "datetime") == 0 || strcmp(t, "list") == 0;
}

static void error_text(struct html *h, const char *id, const char *msg)
{
	html_raw(h, "<p id=\"");
	html_esc(h, id);
	html_raw(h, "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
	html_esc(h, msg);
	html_raw(h, "</p>");
}

static void describedby(struct html *h, const char *id, int hint, int err)
{
	if (!hint && !err)
		return;
	html_raw(h, " aria-describedby=\"");
	if (hint) {
		html_esc(h, id);
		html_raw(h, "-hint");
	}
	if (err) {
		html_raw(h, hint ? " " : "");
		html_esc(h, id);
		html_raw(h, "-error");
	}
	html_raw(h, "\"");
}

static void attr(struct html *h, const char *name, const char *value)
{
	html_raw(h, " ");
	html_raw(h, name);
	html_raw(h, "=\"");
	html_esc(h, value);
	html_raw(h, "\"");
}

/* One radio (or select option when select). */
static void choice(struct html *h, int select, const char *id, const char *name, const char *value,
		   const char *text, int checked)
{
	if (select) {
		html_raw(h, "<option");
		attr(h, "value", value);
		html_raw(h, checked ? " selected>" : ">");
		html_esc(h, text);
		html_raw(h, "</option>");
		return;
	}
	html_raw(h, "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" type=\"radio\"");
	attr(h, "id", id);
	attr(h, "name", name);
	attr(h, "value", value);
	html_raw(h, checked ? " checked>" : ">");
	html_raw(h, "<label class=\"govuk-label govuk-radios__label\"");
	attr(h, "for", id);
	html_raw(h, ">");
	html_esc(h, text);
	html_raw(h, "</label></div>");
}

static void date_part(struct html *h, const struct form_ctx *c, const json_t *f, const char *id,
		      const char *part, const char *label, int width, int err)
{
	char *pid = xasprintf("%s-%s", id, part), *sfx = xasprintf("-%s", part), *name = field_name(c, f, sfx);
	html_raw(h, "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
		 "<label class=\"govuk-label govuk-date-input__label\"");
	attr(h, "for", pid);
	html_raw(h, ">");
	html_raw(h, label);
	html_fmt(h, "</label><input class=\"govuk-input govuk-date-input__input govuk-input--width-%d%s\" "
		 "type=\"text\" inputmode=\"numeric\"", width, err ? " govuk-input--error" : "");
	attr(h, "id", pid);
	attr(h, "name", name);
	attr(h, "value", posted(c, f, sfx) ? posted(c, f, sfx) : "");
	html_raw(h, "></div></div>");
	free(pid);
	free(sfx);
	free(name);
}

static void field(struct form_ctx *c, struct html *h, const json_t *f)
{
	const char *t = str(f, "type"), *msg = json_string_value(json_object_get(c->errors, str(f, "name")));
	char *id = base_id(c, f), *name = field_name(c, f, NULL);
	const char *val = posted(c, f, NULL);
	int hint = has_hint(f), err = msg != NULL;
	size_t i;
	json_t *v;
	int fieldset = strcmp(t, "boolean") == 0 || strcmp(t, "date") == 0 ||
		       (strcmp(t, "enum") == 0 && json_array_size(json_object_get(f, "values")) <= 6);

	html_raw(h, err ? "<div class=\"govuk-form-group govuk-form-group--error\">" : "<div class=\"govuk-form-group\">");
	if (fieldset) {
		html_raw(h, "<fieldset class=\"govuk-fieldset\"");
		if (strcmp(t, "date") == 0)
			html_raw(h, " role=\"group\"");
		describedby(h, id, hint, err);
		html_raw(h, "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
		label_text(h, f);
		html_raw(h, "</legend>");
	} else {
		html_raw(h, "<label class=\"govuk-label govuk-label--s\"");
		attr(h, "for", id);
		html_raw(h, ">");
		label_text(h, f);
		html_raw(h, "</label>");
	}
	hint_text(h, f, id);
	if (err)
		error_text(h, id, msg);
	if (strcmp(t, "boolean") == 0) {
		char *no = xasprintf("%s-no", id);
		html_raw(h, "<div class=\"govuk-radios govuk-radios--inline\" data-module=\"govuk-radios\">");
		choice(h, 0, id, name, "yes", "Yes", val && strcmp(val, "yes") == 0);
		choice(h, 0, no, name, "no", "No", val && strcmp(val, "no") == 0);
		html_raw(h, "</div>");
		free(no);
	} else if (strcmp(t, "date") == 0) {
		html_raw(h, "<div class=\"govuk-date-input\"");
		attr(h, "id", id);
		html_raw(h, ">");
		date_part(h, c, f, id, "day", "Day", 2, err);
		date_part(h, c, f, id, "month", "Month", 2, err);
		date_part(h, c, f, id, "year", "Year", 4, err);
		html_raw(h, "</div>");
	} else if (strcmp(t, "enum") == 0 || strcmp(t, "user") == 0 || strcmp(t, "member") == 0) {
		int select = !fieldset;
		if (select) {
			html_fmt(h, "<select class=\"govuk-select%s\"", err ? " govuk-select--error" : "");
			attr(h, "id", id);
			attr(h, "name", name);
			describedby(h, id, hint, err);
			html_raw(h, "><option value=\"\">Choose</option>");
		} else {
			html_raw(h, "<div class=\"govuk-radios\" data-module=\"govuk-radios\">");
		}
		if (strcmp(t, "enum") == 0) {
			json_array_foreach(json_object_get(f, "values"), i, v) {
				char *text = web_humanise(json_string_value(v)), *rid = i ? xasprintf("%s-%zu", id, i) : xstrdup(id);
				choice(h, select, rid, name, json_string_value(v), text, val && strcmp(val, json_string_value(v)) == 0);
				free(text);
				free(rid);
			}
		} else {
			const char *role = str(f, "role");
			int users = strcmp(t, "user") == 0;
			if (users && !c->w->users)
				web_user_name(c->w, 0);   /* loads the authority's users */
			json_array_foreach(users ? c->w->users : c->members, i, v) {
				char value[32], *text;
				json_t *r;
				size_t k;
				int ok = !role;
				if (users) {
					json_array_foreach(json_object_get(v, "roles"), k, r)
						if (role && strcmp(json_string_value(r), role) == 0)
							ok = 1;
					snprintf(value, sizeof value, "%lld", (long long)json_integer_value(json_object_get(v, "id")));
				} else {
					ok = ok || (str(v, "role") && strcmp(str(v, "role"), role) == 0);
					snprintf(value, sizeof value, "%s", str(v, "id") ? str(v, "id") : "");
				}
				if (!ok)
					continue;
				text = xasprintf("%s (%s)", str(v, "name") ? str(v, "name") : value,
						 users ? (str(v, "team") ? str(v, "team") : "no team") : (str(v, "role") ? str(v, "role") : "member"));
				choice(h, 1, NULL, name, value, text, val && strcmp(val, value) == 0);
				free(text);
			}
		}
		html_raw(h, select ? "</select>" : "</div>");
	} else if (strcmp(t, "list") == 0 || (strcmp(t, "text") == 0 && long_text(str(f, "name")))) {
		html_fmt(h, "<textarea class=\"govuk-textarea%s\" rows=\"%d\"", err ? " govuk-textarea--error" : "",
			 strcmp(t, "list") == 0 ? 3 : 4);
		attr(h, "id", id);
		attr(h, "name", name);
		describedby(h, id, hint, err);
		html_raw(h, ">");
		html_esc(h, val);
		html_raw(h, "</textarea>");
	} else {
		int num = strcmp(t, "integer") == 0 || strcmp(t, "number") == 0;
		html_fmt(h, "<input class=\"govuk-input%s%s\" type=\"text\"", num ? " govuk-input--width-5" : "",
			 err ? " govuk-input--error" : "");
		if (num)
			html_raw(h, strcmp(t, "integer") == 0 ? " inputmode=\"numeric\"" : " inputmode=\"decimal\"");
		attr(h, "id", id);
		attr(h, "name", name);
		attr(h, "value", val ? val : "");
		describedby(h, id, hint, err);
		html_raw(h, ">");
	}
	if (fieldset)
		html_raw(h, "</fieldset>");
	html_raw(h, "</div>");
	free(id);
	free(name);
}

void form_fields(struct form_ctx *c, struct html *h, const json_t *schema)
{
	size_t i;
	json_t *f;
	json_array_foreach(schema, i, f)
		field(c, h, f);
}

/* --- reading a posted form ------------------------------------------------------- */

static void add_error(json_t *errors, const json_t *f, const char *fmt_label, const char *how)
{
	char *t = web_humanise(str(f, "name")), *msg;
	const char *label = str(f, "label") ? str(f, "label") : t;
	msg = xasprintf("%s%s%s", fmt_label, label, how);
	json_object_set_new(errors, str(f, "name"), json_string(msg));
	free(msg);
	free(t);
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

static json_t *read_list(const char *s)
{
	json_t *out = json_array();
	while (s && *s) {
		size_t n = strcspn(s, "\r\n,");
		while (n && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		while (n && isspace((unsigned char)s[n - 1]))
			n--;
		if (n) {
			char *item = xstrndup(s, n);
			json_array_append_new(out, json_string(item));
			free(item);
		}
		s += strcspn(s, "\r\n,");
		s += strspn(s, "\r\n,");
	}
	return out;
}

json_t *form_read(struct form_ctx *c, const json_t *schema, json_t *errors)
{
	json_t *out = json_object(), *f;
	size_t i;
	json_array_foreach(schema, i, f) {
		const char *t = str(f, "type"), *name = str(f, "name"), *v = posted(c, f, NULL);
		int required = json_is_true(json_object_get(f, "required"));
		json_t *value = NULL;
		char *end = NULL;
		if (strcmp(t, "date") == 0) {
			const char *d = posted(c, f, "-day"), *m = posted(c, f, "-month"), *y = posted(c, f, "-year");
			int date;
			if (!blank(d) || !blank(m) || !blank(y)) {
				char buf[40];
				long dd = d ? strtol(d, NULL, 10) : 0, mm = m ? strtol(m, NULL, 10) : 0, yy = y ? strtol(y, NULL, 10) : 0;
				snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", yy, mm, dd);
				if (blank(d) || blank(m) || blank(y) || yy < 1900 || yy > 9999 || mm < 1 || mm > 12 || dd < 1 ||
				    dd > 31 || calendar_parse_date(buf, &date))
					add_error(errors, f, "", " must be a real date, for example 27 3 2026");
				else
					value = json_string(buf);
			}
		} else if (blank(v)) {
			value = NULL;
		} else if (strcmp(t, "boolean") == 0) {
			if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0)
				value = json_boolean(strcmp(v, "yes") == 0);
			else
				add_error(errors, f, "Select yes or no for ", "");
		} else if (strcmp(t, "integer") == 0 || strcmp(t, "user") == 0) {
			long long n;
			errno = 0;
			n = strtoll(v, &end, 10);
			if (errno || !end || !blank(end))
				add_error(errors, f, "", strcmp(t, "user") == 0 ? ": choose someone from the list" : " must be a whole number");
			else
				value = json_integer(n);
		} else if (strcmp(t, "number") == 0) {
			double n;
			errno = 0;
			n = strtod(v, &end);
			if (errno || !end || !blank(end))
				add_error(errors, f, "", " must be a number");
			else
				value = json_real(n);
		} else if (strcmp(t, "datetime") == 0) {
			int64_t at;
			if (calendar_parse_instant(v, &at))
				add_error(errors, f, "", " must be a date and time, for example 2026-03-27T14:30");
			else
				value = json_string(v);
		} else if (strcmp(t, "list") == 0) {
			value = read_list(v);
			if (!json_array_size(value)) {
				json_decref(value);
				value = NULL;
			}
		} else {
			value = json_string(v);
		}
		if (value)
			json_object_set_new(out, name, value);
		else if (required && !json_object_get(errors, name))
			add_error(errors, f, strcmp(t, "text") == 0 || strcmp(t, "integer") == 0 || strcmp(t, "number") == 0 ||
				  strcmp(t, "date") == 0 || strcmp(t, "list") == 0 || strcmp(t, "datetime") == 0 ? "Enter " : "Select ",
				  "");
	}
	return out;
}

/* --- errors ------------------------------------------------------------------------ */

void form_error_summary(struct html *h, const json_t *items)
{
	size_t i;
	json_t *it;
	if (!json_array_size(items))
		return;
	html_raw(h, "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
		 "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
		 "<ul class=\"govuk-list govuk-error-summary__list\">");
	json_array_foreach(items, i, it) {
		html_raw(h, "<li>");
		if (str(it, "href")) {
			html_raw(h, "<a");
			attr(h, "href", str(it, "href"));
			html_raw(h, ">");
		}
		html_esc(h, str(it, "message"));
		html_raw(h, str(it, "href") ? "</a></li>" : "</li>");
	}
	html_raw(h, "</ul></div></div></div>");
}

json_t *form_summary_items(const struct form_ctx *c, const json_t *schema, const json_t *errors)
{
	json_t *items = json_array(), *f;
	size_t i;
	json_array_foreach(schema, i, f) {
		const char *msg = json_string_value(json_object_get(errors, str(f, "name")));
		char *id, *href;
		if (!msg)
			continue;
		id = form_field_id(c, f);
		href = xasprintf("#%s", id);
		json_array_append_new(items, json_pack("{s:s, s:s}", "href", href, "message", msg));
		free(id);
		free(href);
	}
	return items;
}

json_t *form_ordered(const json_t *schema)
{
	json_t *out = json_array(), *f;
	size_t i;
	int pass;
	for (pass = 0; pass < 2; pass++)
		json_array_foreach(schema, i, f)
			if (json_is_true(json_object_get(f, "required")) == (pass == 0))
				json_array_append(out, f);
	return out;
}

json_t *form_schema_json(const void *schema)
{
	static const char *names[] = { "text", "boolean", "integer", "number", "date",
				       "datetime", "enum", "user", "member", "list" };
	const struct schema *s = schema;
	json_t *out = json_array();
	size_t i, j;
	for (i = 0; s && i < s->n; i++) {
		const struct field *f = &s->fields[i];
		json_t *o = json_pack("{s:s, s:s, s:b}", "name", f->name, "type", names[f->type], "required", f->required);
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

void form_engine_error(const json_t *schema, const struct error *err, const char *strip,
		       json_t *errors, char **general)
{
	const char *name = err->field;
	size_t i;
	json_t *f;
	if (strip && strncmp(name, strip, strlen(strip)) == 0)
		name = name + strlen(strip);
	if (name[0])
		json_array_foreach(schema, i, f)
			if (strcmp(str(f, "name"), name) == 0) {
				json_object_set_new(errors, name, json_string(err->message));
				return;
			}
	free(*general);
	*general = xstrdup(err->message);
}
