/*
 * store_query.c: the store's read-only questions that are built per call:
 * facts for guards, case and timescale lists for the API, and definition
 * versions. Part of the store module (store.h); SQL lives only here and in
 * store.c.
 */
#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "store.h"
#include "store_impl.h"
#include "util.h"

int store_definition_resolve(struct store *st, const char *prefix, char hash[65], struct error *err)
{
	sqlite3_stmt *s;
	int n = 0, rc;
	size_t i, len = strlen(prefix);
	char pattern[80];
	if (len < 8 || len > 64)
		return error_field(err, ERR_INVALID, "invalid_input", "to", "a version is at least 8 hex digits of its hash");
	for (i = 0; i < len; i++)
		if (!strchr("0123456789abcdef", prefix[i]))
			return error_field(err, ERR_INVALID, "invalid_input", "to", "a version is hex digits of its hash");
	snprintf(pattern, sizeof pattern, "%s%%", prefix);
	if (sqlite3_prepare_v2(store_db(st), "SELECT hash FROM definitions WHERE hash LIKE ?1", -1, &s, NULL) != SQLITE_OK)
		return store_db_error(st, err, "versions");
	store_bind_text(s, 1, pattern);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (n == 0)
		return error_field(err, ERR_NOT_FOUND, "not_found", "to", "no stored version %s", prefix);
	if (n > 1)
		return error_field(err, ERR_INVALID, "invalid_input", "to", "%s matches %d versions: give more digits", prefix, n);
	return 0;
}

json_t *store_definition_versions(struct store *st, const char *authority, const char *workflow)
{
	sqlite3_stmt *s;
	json_t *out = json_array();
	if (sqlite3_prepare_v2(store_db(st),
		"SELECT d.hash, d.path, d.loaded_at, w.hash IS NOT NULL FROM definitions d"
		" LEFT JOIN workflows w ON w.hash = d.hash WHERE d.authority = ?1 AND d.workflow = ?2"
		" ORDER BY d.loaded_at DESC, d.rowid DESC", -1, &s, NULL) != SQLITE_OK)
		return out;
	store_bind_text(s, 1, authority);
	store_bind_text(s, 2, workflow);
	while (sqlite3_step(s) == SQLITE_ROW)
		json_array_append_new(out, json_pack("{s:s, s:s, s:I, s:b}", "hash", (const char *)sqlite3_column_text(s, 0),
			"path", (const char *)sqlite3_column_text(s, 1), "loaded_at", (json_int_t)sqlite3_column_int64(s, 2),
			"current", sqlite3_column_int(s, 3)));
	sqlite3_finalize(s);
	return out;
}


/* --- facts and queries ------------------------------------------------------ */

int store_fact(struct store *st, const char *fact, const char *authority,
	       const char *workflow, int64_t user_id, const char *team,
	       int64_t exclude_case, int64_t *value, struct error *err)
{
	const char *sql;
	sqlite3_stmt *s;
	int rc;

	if (strcmp(fact, "assignee_cases") == 0)
		sql = "SELECT count(*) FROM cases WHERE authority = ?1 AND open AND assigned = ?3 AND id <> ?5";
	else if (strcmp(fact, "assignee_workflow_cases") == 0)
		sql = "SELECT count(*) FROM cases WHERE authority = ?1 AND open AND assigned = ?3 AND workflow = ?2 AND id <> ?5";
	else if (strcmp(fact, "assignee_children") == 0)
		/* A linked case carries its parent's family: count those children once. */
		sql = "SELECT coalesce(sum(c.children), 0) FROM cases c WHERE c.authority = ?1 AND c.open AND c.assigned = ?3"
		      " AND c.id <> ?5 AND NOT EXISTS(SELECT 1 FROM cases p WHERE p.id = c.parent AND p.open"
		      " AND p.assigned = ?3 AND p.id <> ?5)";
	else if (strcmp(fact, "open_cases") == 0)
		sql = "SELECT count(*) FROM cases WHERE authority = ?1 AND open AND workflow = ?2 AND id <> ?5";
	else if (strcmp(fact, "authority_open_cases") == 0)
		sql = "SELECT count(*) FROM cases WHERE authority = ?1 AND open AND id <> ?5";
	else if (strcmp(fact, "team_open_cases") == 0)
		sql = "SELECT count(*) FROM cases WHERE authority = ?1 AND open AND team IS ?4 AND id <> ?5";
	else
		return error_set(err, ERR_INTERNAL, "unknown_fact", "unknown fact '%s'", fact);
	if (sqlite3_prepare_v3(store_db(st), sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		return store_db_error(st, err, "fact");
	store_bind_text(s, 1, authority);
	store_bind_text(s, 2, workflow);
	sqlite3_bind_int64(s, 3, user_id);
	store_bind_text(s, 4, team);
	sqlite3_bind_int64(s, 5, exclude_case);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : store_db_error(st, err, "fact");
}

json_t *store_case_ids(struct store *st, const struct case_filter *f, struct error *err)
{
	char sql[1024];
	sqlite3_stmt *s;
	json_t *out;
	int rc;

	snprintf(sql, sizeof sql,
		 "SELECT id FROM cases c WHERE (?1 IS NULL OR authority = ?1) AND (?2 IS NULL OR state = ?2)"
		 " AND (?3 IS NULL OR workflow = ?3) AND (?4 IS NULL OR team = ?4)"
		 " AND (?5 = 0 OR assigned = ?5) AND (?6 = 0 OR open) AND id > ?7"
		 " %s %s ORDER BY id %s",
		 f->overdue ? "AND EXISTS(SELECT 1 FROM timescales t WHERE t.case_id = c.id AND t.status = 'breached')" : "",
		 f->due_before ? "AND EXISTS(SELECT 1 FROM timescales t WHERE t.case_id = c.id AND t.status = 'pending' AND t.due < ?8)" : "",
		 f->limit ? "LIMIT ?9" : "");
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "case list");
		return NULL;
	}
	store_bind_text(s, 1, f->authority);
	store_bind_text(s, 2, f->state);
	store_bind_text(s, 3, f->workflow);
	store_bind_text(s, 4, f->team);
	sqlite3_bind_int64(s, 5, f->assigned);
	sqlite3_bind_int(s, 6, f->open_only);
	sqlite3_bind_int64(s, 7, f->after_id);
	if (f->due_before)
		sqlite3_bind_int64(s, 8, f->due_before);
	if (f->limit)
		sqlite3_bind_int(s, 9, f->limit);
	out = json_array();
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		json_array_append_new(out, json_integer(sqlite3_column_int64(s, 0)));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		store_db_error(st, err, "case list");
		return NULL;
	}
	return out;
}

/* The columns of a row of GET /timescales, in the order store_timescales reads them. */
#define TS_COLUMNS "SELECT t.case_id, t.key, t.name, t.status, t.due, c.assigned, c.team, c.workflow"

/*
 * One arm per status, each read in index order (timescales_due holds
 * status, due, then the key case_id, key), merged by SQLite (a compound
 * SELECT with ORDER BY is a merge, not a sort), so a page of the oldest
 * breaches of a million reads a page of rows. Without a worker or team
 * (?4, ?5: those are TS_BY_CASES).
 */
#define TS_ARM(st) \
	TS_COLUMNS \
	" FROM timescales t JOIN cases c ON c.id = t.case_id" \
	" WHERE t.status = '" st "' AND t." TS_LISTED " AND (?2 IS NULL OR ?2 = '" st "')" \
	" AND t.authority = ?1 AND c.open AND t.due < ?3 AND (t.due, t.case_id, t.key) > (?6, ?7, ?8)"

/*
 * By worker or team: from that caseload's cases (by their indexes), and
 * their timescales sorted: a worker's page is a sort of a few dozen rows,
 * not a walk of the whole authority's index. Only open cases, in every
 * plan: a closed case's breached clocks are its history, not something
 * still overdue. store_case_save takes a closed case's rows out of the
 * table, so no walk steps over them; c.open here and in TS_ARM keeps the
 * lists right even so. The unary '+' keeps SQLite from reading each case's timescales through
 * timescales_due (a walk of the whole status) instead of by case.
 */
#define TS_BY_CASES(cases) \
	TS_COLUMNS \
	" FROM cases c CROSS JOIN timescales t ON t.case_id = c.id" \
	" WHERE c.authority = ?1 AND c.open AND " cases \
	" AND +t.status IN ('pending', 'breached') AND (?2 IS NULL OR +t.status = ?2) AND +t.due < ?3" \
	" AND (+t.due, t.case_id, t.key) > (?6, ?7, ?8) ORDER BY t.due, t.case_id, t.key LIMIT ?9"

/*
 * The index walk skips other authorities' rows: cheap when authorities are
 * of a size, but an authority with few open cases in a store that another
 * fills would walk that other's rows to fill a page (89 ms for one with none
 * on the 100,000-case store). So an authority with fewer open cases than
 * this is read by its cases, as a worker's caseload is: counting up to it
 * reads at most that many index entries.
 */
int store_ts_small_authority = 500;

static int small_authority(struct store *st, const char *authority)
{
	sqlite3_stmt *s;
	int64_t n = INT64_MAX;
	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM (SELECT 1 FROM cases WHERE authority = ?1 AND open LIMIT ?2)",
			       -1, &s, NULL) != SQLITE_OK)
		return 0;
	store_bind_text(s, 1, authority);
	sqlite3_bind_int(s, 2, store_ts_small_authority);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n < store_ts_small_authority;
}

json_t *store_timescales(struct store *st, const struct ts_filter *f, struct error *err)
{
	static const char merged[] = TS_ARM("pending") " UNION ALL " TS_ARM("breached")
		" ORDER BY 5, 1, 2 LIMIT ?9";
	static const char by_worker[] = TS_BY_CASES("c.assigned = ?4 AND (?5 IS NULL OR c.team = ?5)");
	static const char by_team[] = TS_BY_CASES("c.team = ?5 AND ?4 = 0");
	static const char by_authority[] = TS_BY_CASES("?4 = 0 AND ?5 IS NULL");
	const char *sql = f->assigned ? by_worker : f->team ? by_team : small_authority(st, f->authority) ? by_authority : merged;
	sqlite3_stmt *s;
	json_t *out;
	int rc;
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "timescales");
		return NULL;
	}
	store_bind_text(s, 1, f->authority);
	store_bind_text(s, 2, f->status);
	sqlite3_bind_int64(s, 3, f->due_before ? f->due_before : INT64_MAX);
	sqlite3_bind_int64(s, 4, f->assigned);
	store_bind_text(s, 5, f->team);
	/* before the first row: every due is an instant, every key a text */
	sqlite3_bind_int64(s, 6, f->after_key ? f->after_due : INT64_MIN);
	sqlite3_bind_int64(s, 7, f->after_key ? f->after_case : INT64_MIN);
	store_bind_text(s, 8, f->after_key ? f->after_key : "");
	sqlite3_bind_int64(s, 9, f->limit > 0 ? f->limit : -1);
	out = json_array();
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		json_t *row = json_pack("{s:I, s:s, s:s, s:s, s:I, s:s?, s:s}",
			"case_id", (json_int_t)sqlite3_column_int64(s, 0),
			"key", (const char *)sqlite3_column_text(s, 1),
			"name", (const char *)sqlite3_column_text(s, 2),
			"status", (const char *)sqlite3_column_text(s, 3),
			"due_epoch", (json_int_t)sqlite3_column_int64(s, 4),
			"team", (const char *)sqlite3_column_text(s, 6),
			"workflow", (const char *)sqlite3_column_text(s, 7));
		if (sqlite3_column_type(s, 5) != SQLITE_NULL)
			json_object_set_new(row, "assigned", json_integer(sqlite3_column_int64(s, 5)));
		else
			json_object_set_new(row, "assigned", json_null());
		json_array_append_new(out, row);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		json_decref(out);
		store_db_error(st, err, "timescales");
		return NULL;
	}
	return out;
}

/*
 * A page of timescales (GET /timescales, the team overdue page) ends at a
 * row named by its due instant, case and key: the cursor "DUE.CASE.HEXKEY"
 * (the key in hex, as keys hold '#' and '@'), opaque to clients, given back
 * as ?after=.
 */
char *store_ts_cursor(const json_t *row)
{
	const char *key = json_string_value(json_object_get(row, "key"));
	size_t i, n = strlen(key);
	char *out = xmalloc(48 + 2 * n), *p;
	p = out + sprintf(out, "%lld.%lld.", (long long)json_integer_value(json_object_get(row, "due_epoch")),
			  (long long)json_integer_value(json_object_get(row, "case_id")));
	for (i = 0; i < n; i++)
		p += sprintf(p, "%02x", (unsigned char)key[i]);
	return out;
}

/* Parse a cursor into f (its key newly allocated, in f->after_key); 0 ok. */
int store_ts_after(const char *s, struct ts_filter *f)
{
	char *key;
	const char *dot1 = strchr(s, '.'), *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	char num[24];
	size_t n, i;
	if (!dot2 || (size_t)(dot1 - s) >= sizeof num || (size_t)(dot2 - dot1 - 1) >= sizeof num)
		return -1;
	memcpy(num, s, (size_t)(dot1 - s));
	num[dot1 - s] = '\0';
	{
		/* an instant: before 1970 it is negative */
		char *end = NULL;
		errno = 0;
		f->after_due = strtoll(num, &end, 10);
		if (!num[0] || *end || errno || !(isdigit((unsigned char)num[0]) || num[0] == '-'))
			return -1;
	}
	memcpy(num, dot1 + 1, (size_t)(dot2 - dot1 - 1));
	num[dot2 - dot1 - 1] = '\0';
	if (!(f->after_case = util_id(num)))
		return -1;
	n = strlen(dot2 + 1);
	if (n == 0 || n % 2)
		return -1;
	key = xmalloc(n / 2 + 1);
	for (i = 0; i < n / 2; i++) {
		unsigned int c;
		if (!isxdigit((unsigned char)dot2[1 + 2 * i]) || !isxdigit((unsigned char)dot2[2 + 2 * i]) ||
		    sscanf(dot2 + 1 + 2 * i, "%2x", &c) != 1 || c == 0) {
			free(key);
			return -1;
		}
		key[i] = (char)c;
	}
	key[n / 2] = '\0';
	f->after_key = key;
	return 0;
}
