/*
 * store.h: the case store. Every SQL statement in casework lives in store.c,
 * behind this interface, so a second backend can follow.
 *
 * One SQLite file in WAL mode, foreign keys on, schema versioned with
 * user_version and forward migrations. Holds authorities, users (API tokens
 * only as SHA-256 hashes), definitions (full source and hash), cases with
 * their projection (the case view, JSON), family members, records, the
 * timescale index (pending ones indexed by due instant), the append-only
 * event log with a per-case hash chain, and the log of who read which case.
 *
 * Transactions are the caller's: store_begin/commit/rollback bracket one
 * action (event + projections + timers), so it all happens or none of it.
 */
#ifndef CASEWORK_STORE_H
#define CASEWORK_STORE_H

#include <jansson.h>
#include <stdint.h>

struct error;
struct definition;

struct store;

struct store_options {
	int synchronous_normal;   /* default FULL: an acknowledged action survives power loss */
	int readonly;
};

struct user {
	int64_t id;
	char *authority;
	char *name;
	json_t *roles;            /* array of strings */
	char *team;               /* may be NULL */
};
void user_clear(struct user *u);
int user_has_role(const struct user *u, const char *role);

/* An event as appended; the store fills seq's hash fields. Borrowed JSON. */
struct event {
	int64_t case_id;
	int64_t seq;              /* 1.. per case */
	int64_t at;               /* instant, UTC seconds */
	int64_t user_id;          /* 0 = the engine (timers) */
	const char *role;         /* role the actor acted in, or NULL */
	const char *kind;         /* open, action, record, timer, transfer, migrate */
	const char *name;
	json_t *input;
	json_t *facts;
	char prev_hash[65];
	char hash[65];
	char view_hash[65];       /* SHA-256 of the case view this event produced */
};
/* A case view as canonical text (caller frees), and the SHA-256 of such text. */
char *store_view_text(const json_t *view);
void store_view_hash(const char *text, char out[65]);
/* The size a view of n bytes is stored at, padded with spaces, where the row
 * holds `current` bytes now (0 for a new row); see store.c. */
size_t store_view_stored_size(size_t n, size_t current);
/* A stored view text's length without its padding. */
size_t store_view_trimmed(const char *text, size_t n);
/* The canonical hash of ev (from prev_hash and every field). */
void event_hash(const struct event *ev, char out[65]);

int store_open(const char *path, const struct store_options *opt, struct store **out,
	       struct error *err);
void store_close(struct store *st);                    /* accepts NULL */

/* One read transaction around a request that only reads (1 if begun; pass it to store_read_end). */
int store_read_begin(struct store *st);
void store_read_end(struct store *st, int begun);
int store_begin(struct store *st, struct error *err);
int store_commit(struct store *st, struct error *err);
void store_rollback(struct store *st);

/*
 * Group commit: one transaction holding many operations, each of them a
 * savepoint (store_begin/commit/rollback work unchanged inside it), made
 * durable by one commit, so operations that arrive together share one
 * fsync. Nothing in a group is durable, and nobody may be told it is,
 * until store_group_commit returns 0; if it fails, the whole group is gone.
 */
int store_group_begin(struct store *st, struct error *err);
int store_group_open(const struct store *st);
/* The open group was rolled back by SQLite itself (a full disk, an I/O error): nothing more can join it. */
int store_group_lost(const struct store *st);
int store_group_commit(struct store *st, struct error *err);
/* WAL pages after which a commit checkpoints (SQLite: 1000); 0: never. */
void store_autocheckpoint(struct store *st, int pages);
/* Copy what the WAL holds into the database, without waiting for readers or writers. */
void store_checkpoint(struct store *st);
/*
 * Zero-fill the store's WAL file to at least `bytes` (frames past its end are
 * not frames: recovery stops at the first whose salt and checksum do not
 * match). A commit then overwrites blocks the file already has: its
 * fdatasync on a growing file also wrote the file's new size and block map,
 * about 100-150 us more a commit on the bench machine (bench/README.md).
 * Done under the write lock, so no writer appends meanwhile. 0 if done or
 * nothing to do (a store in memory, a WAL already that long).
 */
int store_wal_reserve(struct store *st, int64_t bytes, struct error *err);

int store_authority_put(struct store *st, const char *id, const char *name,
			const json_t *config, struct error *err);

/*
 * Add a user. token: NULL to generate one (32 random bytes, hex) into
 * token_out[65]; else that token is used (demo users), and an existing user
 * with the same token is updated instead. *id receives the user id.
 */
int store_user_add(struct store *st, const char *authority, const char *name,
		   const json_t *roles, const char *team, const char *token, int demo,
		   char token_out[65], int64_t *id, struct error *err);
/* The user holding token (constant-time compare of hashes). ERR_UNAUTHORIZED. */
int store_user_by_token(struct store *st, const char *token, struct user *u, struct error *err);
/* A user of authority by id. ERR_NOT_FOUND. */
int store_user_get(struct store *st, const char *authority, int64_t id, struct user *u,
		   struct error *err);
/* Users of an authority as a JSON array of {id, name, roles, team}. */
json_t *store_users(struct store *st, const char *authority);

/* Remember a definition version (idempotent) and make it current for new cases. */
int store_definition_put(struct store *st, const struct definition *d, int64_t now,
			 struct error *err);
/* A stored version; caller frees *authority, *path, *source. ERR_NOT_FOUND. */
int store_definition_get(struct store *st, const char *hash, char **authority, char **path,
			 char **source, struct error *err);

/*
 * The full hash of the stored definition whose hash starts with prefix (at
 * least 8 hex digits) into hash[65]: 0 found, ERR_NOT_FOUND / ERR_INVALID (ambiguous).
 */
int store_definition_resolve(struct store *st, const char *prefix, char hash[65], struct error *err);
/* Stored versions of a workflow, newest first: [{hash, path, loaded_at, current}]. */
json_t *store_definition_versions(struct store *st, const char *authority, const char *workflow);

/* Make a case row (its view filled by store_case_save); *id receives the id. */
int store_case_new(struct store *st, const char *authority, const char *workflow,
		   const char *definition, int64_t at, struct error *err, int64_t *id);
/*
 * Save a case's projection after an event (view_text: its canonical text, or
 * NULL). changed: the timescale instances this event added or changed (NULL:
 * index them all).
 */
int store_case_save(struct store *st, int64_t id, const json_t *view, const char *view_text,
		    const json_t *changed, int64_t seq, const char *last_hash, int64_t at,
		    struct error *err);
/*
 * The stored view of a case (new reference), scoped to authority (NULL: any).
 * Another authority's case is ERR_NOT_FOUND, exactly like a missing one.
 */
json_t *store_case_view(struct store *st, const char *authority, int64_t id,
			struct error *err);
/*
 * The case's last event hash (the cache key of its view) into hash and,
 * unless it is `known` (the hash of the view a caller holds), its view into
 * *view (new reference; partial: settled clocks as stand-ins, dump_load_view,
 * for an action); *view NULL if unchanged. One read of the row, the view's
 * own pages only if it changed. Scoped like store_case_view.
 */
int store_case_view_since(struct store *st, const char *authority, int64_t id, const char *known,
			  int partial, char hash[65], json_t **view, struct error *err);

/*
 * A case's stored view as text (caller frees *text) with the columns needed
 * to answer for it without parsing it: its version (definition hash), state
 * and assigned worker (0 = none). Scoped like store_case_view.
 */
int store_case_text(struct store *st, const char *authority, int64_t id, char **text,
		    char definition[65], char **state, int64_t *assigned, struct error *err);

/* The case's authority and stored view text, unparsed (callers free both); scoped like store_case_view. */
int store_case_stored(struct store *st, const char *authority, int64_t id, char **case_authority,
		      char **text, struct error *err);

/*
 * Append ev, whose seq must follow the case's last event (else
 * ERR_CONFLICT); prev_hash is taken from that event; fills ev->hash.
 */
int store_event_append(struct store *st, struct event *ev, struct error *err);
/*
 * A case's events in order as a JSON array of objects {seq, at, user, role,
 * kind, name, input, facts, prev_hash, hash}; new reference.
 */
json_t *store_events(struct store *st, int64_t case_id, struct error *err);

/* Index timescale instances (an array of them) of a case of authority. */
int store_timescales_sync(struct store *st, int64_t case_id, const char *authority,
			  const json_t *instances, struct error *err);
/*
 * Pending timescales of a case (0: of every case) whose due instant has
 * passed (due < now: a clock due at 23:59:59 breaches at the next second),
 * earliest first, at most limit, as an array of [case_id, key, due]; new reference.
 */
json_t *store_due(struct store *st, int64_t case_id, int64_t now, int limit, struct error *err);
/* Earliest pending due instant: 0 found (*due set), 1 none, -1 error. */
int store_next_due(struct store *st, int64_t *due, struct error *err);

/*
 * A fact for a guard (see stdlib/dsl.lua FACTS): counted over open cases of
 * authority other than exclude_case. user_id/team/workflow narrow it.
 */
int store_fact(struct store *st, const char *fact, const char *authority,
	       const char *workflow, int64_t user_id, const char *team,
	       int64_t exclude_case, int64_t *value, struct error *err);

/*
 * Case ids of an authority (NULL: all) matching optional filters, as a JSON
 * array; after_id for cursor pagination (0 = from the start).
 */
struct case_filter {
	const char *authority;
	const char *state;
	const char *workflow;
	const char *team;
	int64_t assigned;         /* 0 = any */
	int overdue;              /* has a breached timescale still unmet */
	int64_t due_before;       /* 0 = any; has a pending timescale due before */
	int open_only;
	int64_t after_id;
	int limit;                /* 0 = no limit */
};
json_t *store_case_ids(struct store *st, const struct case_filter *f, struct error *err);

/*
 * Pending and breached timescales of an authority as a JSON array of objects
 * {case_id, key, name, status, due_epoch, assigned, team, workflow}, in
 * order of due, then case, then key; status/due_before/assigned/team narrow
 * it (NULL/0 = any). A page: the rows after the one named by after_* (when
 * after_key is set), at most limit of them (0 = all).
 */
struct ts_filter {
	const char *authority;
	const char *status;       /* "pending", "breached" or NULL: both */
	int64_t due_before;       /* 0 = any */
	int64_t assigned;         /* 0 = any */
	const char *team;
	int64_t after_due, after_case;
	const char *after_key;    /* NULL: from the first */
	int limit;                /* 0 = no limit */
};
json_t *store_timescales(struct store *st, const struct ts_filter *f, struct error *err);
/* Below this many open cases an authority's timescales are read by its cases, not by the index walk (tests change it). */
extern int store_ts_small_authority;
/* The cursor after a row of store_timescales (newly allocated), and back into f (f->after_key newly allocated); 0 ok. */
char *store_ts_cursor(const json_t *row);
int store_ts_after(const char *s, struct ts_filter *f);

/* The reads of a case logged before store version 5 (since then: readstore.h), with user names. */
json_t *store_reads(struct store *st, int64_t case_id, struct error *err);
/* A user's name (newly allocated; NULL if there is none). */
char *store_user_name(struct store *st, int64_t id);
/* The file the store was opened on. */
const char *store_path(const struct store *st);

/* Totals for /metrics: pending and breached timescales. */
int store_counts(struct store *st, int64_t *pending, int64_t *breached, int64_t *cases);

#endif
