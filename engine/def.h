/*
 * def.h: a loaded workflow definition and authority, as C data.
 *
 * script.c builds these from the validated Lua declarations (stdlib/dsl.lua);
 * the interpreter (interp.c) reads them and never touches Lua. Guards,
 * effects, computed targets, member filters and spawn-data builders stay in
 * the definition's sandbox as registry references (the *_ref fields, LUA_NOREF
 * when absent); script.c calls them.
 *
 * Everything here is owned by its struct definition / struct authority and
 * freed with def_free / authority_free.
 */
#ifndef CASEWORK_DEF_H
#define CASEWORK_DEF_H

#include <jansson.h>
#include <stddef.h>

#include "calendar.h"

struct sandbox;

/* A list of strings (NULL-terminated array plus count). */
struct strlist {
	char **v;
	size_t n;
};
int strlist_has(const struct strlist *l, const char *s);

enum field_type {
	FIELD_TEXT, FIELD_BOOLEAN, FIELD_INTEGER, FIELD_NUMBER, FIELD_DATE,
	FIELD_DATETIME, FIELD_ENUM, FIELD_USER, FIELD_MEMBER, FIELD_LIST
};

struct field {
	char *name;
	enum field_type type;
	int required;
	char *label;
	char *role;               /* user/member fields: the role the id must hold */
	struct strlist values;    /* enum */
	int has_min, has_max;
	double min, max;
	long max_length;          /* text; 0 = default cap */
};

struct schema {
	struct field *fields;     /* sorted by name */
	size_t n;
};

struct duration {
	enum calendar_unit unit;
	int n;
};

struct state_def {
	char *name;
	char *title;
	int terminal;
	int entry;
	int line;                 /* declaration line in the file */
	int cites;                /* procedure line, 0 if none */
};

struct record_def {
	char *name;
	char *title;
	struct schema fields;
	struct strlist by;        /* empty = anyone in the authority */
	char *significant;
	int line, cites;
};

struct guard_def {
	char *reason;
	int cites;
	int ref;
};

enum per_kind { PER_CASE, PER_MEMBER, PER_CHILD, PER_ADULT };

struct timescale_def {
	char *name;
	char *what;
	char *note;
	int line, cites;
	int recurring;            /* every = ... */
	int rearm_anchor;         /* rearm = "anchor" */
	int times;                /* 0 = unlimited */
	struct duration dur;
	struct strlist from, satisfied_by, cancelled_by, cancelled_in;
	int has_applies_in;
	struct strlist applies_in;
	enum per_kind per;
	int applies_ref;          /* member filter */
	int extendable;
	struct strlist extend_by;
	struct duration cap;
	int extend_cites;
	char *breach_to;          /* on_breach.to, NULL if none */
	int breach_ref;           /* on_breach.effect */
};

struct action_def {
	char *name;
	char *title;
	char *note;
	int line, cites;
	struct strlist from;      /* "*" = any non-terminal state */
	struct strlist by;        /* roles; "assigned" = assigned worker */
	struct schema input;      /* includes the created record's fields */
	struct guard_def *guards;
	size_t nguards;
	struct strlist requires;
	char *creates;
	char *to;                 /* static target, or NULL */
	int to_ref;               /* computed target */
	struct strlist targets;
	char *assign;
	json_t *set;              /* static data changes, or NULL */
	int effect_ref;
	struct strlist facts;
	struct strlist start, satisfy, cancel;
	char *spawn_workflow;
	int spawn_ref;            /* spawn.data */
	char *significant;
};

struct definition {
	char *authority;
	char *id;                 /* workflow id */
	char *title;
	char *document;
	char *path;               /* file it was loaded from */
	char *source;             /* full source text */
	char hash[65];            /* SHA-256 of source, hex */
	char *initial;
	struct strlist opened_by;
	struct schema data;
	char *significant_open;
	struct state_def *states;
	size_t nstates;
	struct record_def *records;
	size_t nrecords;
	struct timescale_def *timescales;
	size_t ntimescales;
	struct action_def *actions;
	size_t nactions;
	struct sandbox *sb;       /* holds the *_ref functions */
	int current;              /* the version new cases are opened under */
	int case_ref, input_ref, facts_ref;   /* bound call arguments (script.c) */
	int frozen_ref;           /* file-level variables the workflow functions capture, as loaded */
};

struct demo_user {
	char *name;
	struct strlist roles;
	char *team;
	char *token;
};

struct authority {
	char *id;
	char *name;
	char *service;
	char *path;
	struct strlist roles;
	struct strlist teams;
	struct strlist workflows;
	int *closures;            /* sorted dates */
	size_t nclosures;
	struct calendar cal;      /* points into closures */
	json_t *limits;           /* object of numbers (owned reference) */
	struct demo_user *demo;
	size_t ndemo;
	json_t *config;           /* the whole authority as JSON, for the store */
	struct strlist transfer_out_by;   /* roles that may transfer a family to another authority */
	char *transfer_in_workflow;       /* where families transferred in are received, or NULL */
	char *transfer_in_state;
};

const struct state_def *def_state(const struct definition *d, const char *name);
const struct action_def *def_action(const struct definition *d, const char *name);
const struct record_def *def_record(const struct definition *d, const char *name);
const struct timescale_def *def_timescale(const struct definition *d, const char *name);
const struct field *schema_field(const struct schema *s, const char *name);

void def_free(struct definition *d);          /* accepts NULL */
void authority_free(struct authority *a);     /* accepts NULL */
void strlist_free(struct strlist *l);
void schema_free(struct schema *s);

/* "within 3 working_days" / "every 6 weeks": caller owns the string. */
char *def_rule_text(const struct timescale_def *t);

#endif
