/*
 * def.c: lookups over a loaded definition, and freeing it. Pure C: the Lua
 * side of a definition (its sandbox) is closed here, but never called.
 */
#include "def.h"

#include <stdlib.h>
#include <string.h>

#include "sandbox.h"
#include "util.h"

int strlist_has(const struct strlist *l, const char *s)
{
	size_t i;
	if (!s)
		return 0;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

void strlist_free(struct strlist *l)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

#define FIND(arr, n, key) do { \
	size_t i_; \
	for (i_ = 0; i_ < (n); i_++) \
		if ((arr)[i_].name && strcmp((arr)[i_].name, key) == 0) \
			return &(arr)[i_]; \
	return NULL; \
} while (0)

const struct state_def *def_state(const struct definition *d, const char *name)
{
	FIND(d->states, d->nstates, name);
}

const struct action_def *def_action(const struct definition *d, const char *name)
{
	FIND(d->actions, d->nactions, name);
}

const struct record_def *def_record(const struct definition *d, const char *name)
{
	FIND(d->records, d->nrecords, name);
}

const struct timescale_def *def_timescale(const struct definition *d, const char *name)
{
	FIND(d->timescales, d->ntimescales, name);
}

static int field_key_cmp(const void *key, const void *f)
{
	return strcmp(key, ((const struct field *)f)->name);
}

const struct field *schema_field(const struct schema *s, const char *name)
{
	if (!s->n)
		return NULL;
	return bsearch(name, s->fields, s->n, sizeof *s->fields, field_key_cmp);
}

void schema_free(struct schema *s)
{
	size_t i;
	for (i = 0; i < s->n; i++) {
		free(s->fields[i].name);
		free(s->fields[i].label);
		free(s->fields[i].role);
		strlist_free(&s->fields[i].values);
	}
	free(s->fields);
	s->fields = NULL;
	s->n = 0;
}

char *def_rule_text(const struct timescale_def *t)
{
	return xasprintf("%s %d %s", t->recurring ? "every" : "within", t->dur.n,
			 calendar_unit_name(t->dur.unit));
}

void def_free(struct definition *d)
{
	size_t i, j;
	if (!d)
		return;
	for (i = 0; i < d->nstates; i++) {
		free(d->states[i].name);
		free(d->states[i].title);
	}
	for (i = 0; i < d->nrecords; i++) {
		struct record_def *r = &d->records[i];
		free(r->name);
		free(r->title);
		free(r->significant);
		schema_free(&r->fields);
		strlist_free(&r->by);
	}
	for (i = 0; i < d->ntimescales; i++) {
		struct timescale_def *t = &d->timescales[i];
		free(t->name);
		free(t->what);
		free(t->note);
		free(t->breach_to);
		strlist_free(&t->from);
		strlist_free(&t->satisfied_by);
		strlist_free(&t->cancelled_by);
		strlist_free(&t->cancelled_in);
		strlist_free(&t->applies_in);
		strlist_free(&t->extend_by);
	}
	for (i = 0; i < d->nactions; i++) {
		struct action_def *a = &d->actions[i];
		free(a->name);
		free(a->title);
		free(a->note);
		free(a->creates);
		free(a->to);
		free(a->assign);
		free(a->spawn_workflow);
		free(a->significant);
		json_decref(a->set);
		strlist_free(&a->from);
		strlist_free(&a->by);
		strlist_free(&a->requires);
		strlist_free(&a->targets);
		strlist_free(&a->facts);
		strlist_free(&a->start);
		strlist_free(&a->satisfy);
		strlist_free(&a->cancel);
		schema_free(&a->input);
		for (j = 0; j < a->nguards; j++)
			free(a->guards[j].reason);
		free(a->guards);
	}
	free(d->states);
	free(d->records);
	free(d->timescales);
	free(d->actions);
	schema_free(&d->data);
	strlist_free(&d->opened_by);
	free(d->authority);
	free(d->id);
	free(d->title);
	free(d->document);
	free(d->path);
	free(d->source);
	free(d->initial);
	free(d->significant_open);
	sandbox_free(d->sb);
	free(d);
}

void authority_free(struct authority *a)
{
	size_t i;
	if (!a)
		return;
	for (i = 0; i < a->ndemo; i++) {
		free(a->demo[i].name);
		free(a->demo[i].team);
		free(a->demo[i].token);
		strlist_free(&a->demo[i].roles);
	}
	free(a->demo);
	free(a->id);
	free(a->name);
	free(a->service);
	free(a->path);
	free(a->closures);
	strlist_free(&a->roles);
	strlist_free(&a->teams);
	strlist_free(&a->workflows);
	strlist_free(&a->transfer_out_by);
	free(a->transfer_in_workflow);
	free(a->transfer_in_state);
	json_decref(a->limits);
	json_decref(a->config);
	free(a);
}
