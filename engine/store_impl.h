/*
 * store_impl.h: what store.c shares with store_query.c (nothing else
 * includes it: SQL stays inside the store module).
 */
#ifndef CASEWORK_STORE_IMPL_H
#define CASEWORK_STORE_IMPL_H

#include <sqlite3.h>

struct store;
struct error;

/*
 * The condition of the index timescales_due (migration 4). SQLite uses a
 * partial index only for a query that states its condition, so every query
 * of pending or breached timescales by status and due repeats it.
 */
#define TS_LISTED "status IN ('pending', 'breached')"

sqlite3 *store_db(struct store *st);
/* Map the connection's last SQLite error to a struct error (503 for a full or read-only disk). */
int store_db_error(struct store *st, struct error *err, const char *what);
void store_bind_text(sqlite3_stmt *s, int i, const char *v);

#endif
