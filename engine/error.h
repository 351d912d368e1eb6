/*
 * error.h: the one mechanism for expected failures.
 *
 * Bugs are assert(); out-of-memory aborts in xmalloc (util.h); everything a
 * caller may reasonably see (bad input, wrong role, a guard refusing, a script
 * error, a full disk) is returned as int -1 with a struct error filled in.
 * The mapping from kind to HTTP status lives in exactly one function,
 * error_http_status().
 */
#ifndef CASEWORK_ERROR_H
#define CASEWORK_ERROR_H

enum error_kind {
	ERR_NONE = 0,
	ERR_BAD_REQUEST,  /* malformed request: 400 */
	ERR_UNAUTHORIZED, /* no or unknown token: 401 */
	ERR_FORBIDDEN,    /* role or assignment does not allow it: 403 */
	ERR_NOT_FOUND,    /* no such thing in the caller's authority: 404 */
	ERR_METHOD,       /* route exists, method does not: 405 */
	ERR_CONFLICT,     /* not allowed now: state, guard, records: 409 */
	ERR_TOO_LARGE,    /* body over the limit: 413 */
	ERR_INVALID,      /* input fails its schema: 422 */
	ERR_SCRIPT,       /* workflow code raised, ran out of budget or memory: 500 */
	ERR_UNAVAILABLE,  /* store full or read-only: 503 */
	ERR_INTERNAL      /* anything else: 500 */
};

struct error {
	enum error_kind kind;
	char code[48];      /* machine-readable, e.g. "wrong_role", "guard_failed" */
	char message[512];  /* for a person: names the rule and its procedure line */
	char field[128];    /* the input field at fault, if any */
	char source[256];   /* script errors: file */
	int line;           /* script errors: line; guards: procedure line */
};

/* Fill err (if not NULL) and return -1, so callers can `return error_set(...)`. */
int error_set(struct error *err, enum error_kind kind, const char *code,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* As error_set, naming the input field at fault. */
int error_field(struct error *err, enum error_kind kind, const char *code,
		const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void error_clear(struct error *err);
int error_http_status(enum error_kind kind);
const char *error_kind_name(enum error_kind kind);

#endif
