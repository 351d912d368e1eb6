/*
 * service.h: casework as one object: the store, the loaded authorities and
 * definitions (the registry), and the clock. Every front end (HTTP, the
 * scenario runner, the CLI) goes through these calls, so the rules have one
 * code path.
 *
 * Each operation that changes a case runs in one store transaction: facts
 * are read, the interpreter folds the event into the view, the event is
 * appended to the hash chain, the projection and timer index are saved, and
 * linked cases are opened; or nothing happens.
 */
#ifndef CASEWORK_SERVICE_H
#define CASEWORK_SERVICE_H

#include <jansson.h>
#include <stdint.h>

struct authority;
struct definition;
struct error;
struct store;
struct user;

struct service_options {
	const char *db;           /* SQLite file, or ":memory:" */
	const char *root;         /* directory holding authorities/ and workflows/ */
	int demo;                 /* create the demo users of each authority */
	int synchronous_normal;   /* benchmarks only */
	int virtual_clock;
	int64_t start;            /* virtual clock start (0 = now) */
	int read_writer;          /* write the read log from its own thread (the server) */
	int64_t wal_reserve;      /* with read_writer: bytes of WAL zero-filled at open (store_wal_reserve) */
};

struct service;

/* Open the store, load every authority and workflow under root. Diagnostics into diag. */
int service_open(const struct service_options *opt, struct service **out, json_t *diag,
		 struct error *err);
void service_close(struct service *svc);                 /* accepts NULL */
struct store *service_store(struct service *svc);

/* Reload definitions from disk: changed files become new versions. */
int service_reload(struct service *svc, json_t *diag, struct error *err);

/* The clock: real time, or the virtual clock. */
int64_t service_now(const struct service *svc);
int service_is_virtual(const struct service *svc);
/* Set the virtual clock without firing timers (a scenario's start). */
void service_clock_set(struct service *svc, int64_t now);
/* Move the virtual clock forward to now, firing due timers in order. */
int service_advance(struct service *svc, int64_t now, int *fired, struct error *err);

const struct authority *service_authority(struct service *svc, const char *id);
/* Authorities loaded, in load order; NULL past the end. */
const struct authority *service_authority_at(struct service *svc, size_t i);
/* Current definition of a workflow (borrowed), or NULL. */
struct definition *service_definition(struct service *svc, const char *authority,
				      const char *workflow);
/* A definition version by hash, loaded from the store if needed (borrowed). */
struct definition *service_definition_by_hash(struct service *svc, const char *hash,
					      struct error *err);

/* Open a case: body {workflow, members, data, state?, team?}. *view_out is new. */
int service_open_case(struct service *svc, const struct user *u, const json_t *body,
		      json_t **view_out, struct error *err);
/*
 * Take an action (including the built-ins add_record {type, fields} and
 * extend_timescale {timescale, until, reason}). *view_out is the new view;
 * view_out may be NULL for a caller that does not want it (the HTTP API
 * answers with the stored text), which spares parsing its settled clocks.
 */
int service_act(struct service *svc, const struct user *u, int64_t case_id,
		const char *action, const json_t *input, json_t **view_out, struct error *err);
/*
 * The case as the caller sees it, with the actions they may take now. New
 * reference; below its top level it shares structure with the view cache,
 * so callers must not change anything but top-level keys.
 */
json_t *service_case_view(struct service *svc, const struct user *u, int64_t case_id,
			  int log_read, struct error *err);

/*
 * The same as service_case_view, as JSON text (caller frees): the stored view
 * with the caller's actions added, without parsing it (the API's GET).
 */
char *service_case_view_text(struct service *svc, const struct user *u, int64_t case_id,
			     int log_read, struct error *err);

/*
 * Move a case to another stored version of its workflow (to: a hash or a
 * prefix of 8+ digits), mapping its state through map (object old -> new;
 * unmapped states keep their name). Without apply it is a preview: the same
 * event is applied in a transaction that is rolled back, so preview and apply
 * cannot disagree. *report: {case, from, to, state: {from, to}, timescales: [...]}.
 */
int service_migrate(struct service *svc, int64_t case_id, const char *to, const json_t *map,
		    const char *reason, int apply, json_t **report, struct error *err);

/*
 * Write the reads of cases logged so far (who looked), waiting for the
 * server's read log thread if it runs (readlog.h). The server's thread writes
 * them every 200 ms, and on close; a crash can lose at most that much of the
 * read log, never an acknowledged action.
 */
int service_flush_reads(struct service *svc, struct error *err);

/* Who viewed a case (flushing the read log first, so it is complete). New reference. */
json_t *service_reads(struct service *svc, int64_t case_id, struct error *err);

/* Fire every timer due at or before now (each its own transaction). */
int service_fire_due(struct service *svc, int64_t now, int *fired, struct error *err);
/* Earliest pending due instant: 0 found, 1 none. */
int service_next_due(struct service *svc, int64_t *due);

/*
 * Replay a case from its events through the definition it ran under (or
 * def_path's, for a what-if), up to as_of (0 = all). The report: {case,
 * events, chain_ok, matches, divergence?, timeline[], view}. New reference.
 */
json_t *service_replay(struct service *svc, const char *authority, int64_t case_id,
		       int64_t as_of, const char *def_path, struct error *err);
/* Verify every case (of authority, or all): chains and replay. */
json_t *service_verify(struct service *svc, const char *authority, struct error *err);

#endif
