/*
 * readstore.h: the read log's own file, <store>-reads, beside the store.
 *
 * Who looked at which case is written every 200 ms (readlog.c), thousands
 * of reads of random cases a batch under load. In the store's own file
 * those commits reset the server's page cache, filled the WAL the case
 * writes share, and took a leaf of the index by case for nearly every read:
 * they made most of GET's tail (docs/STATUS.md). Here reads go first to a
 * table without an index (reads_recent) and are folded into the one indexed
 * by case (reads), sorted by case, in large batches, which holds only this
 * file's write lock, never a case write's. Its own connections (SQLite's
 * BEGIN IMMEDIATE takes the write lock of every attached file), its own
 * WAL, on synchronous = NORMAL: a crash can lose the last moments of the
 * read log, never a case's event.
 *
 * Reads logged before store version 5 stay in the store's own table
 * (store_reads); service_reads lists both.
 */
#ifndef CASEWORK_READSTORE_H
#define CASEWORK_READSTORE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct error;
struct readstore;

struct read_entry {
	int64_t case_id, user_id, at;
};

/* Open (creating it if need be) the read log of the store at store_path; ":memory:" keeps it in memory. */
struct readstore *readstore_open(const char *store_path, struct error *err);
void readstore_close(struct readstore *rs);

/* Append k reads in one transaction: all or none. */
int readstore_write(struct readstore *rs, const struct read_entry *v, size_t k, struct error *err);

/*
 * Move the oldest max unindexed reads into the table indexed by case,
 * sorted by case, in one transaction. How many wait: readstore_waiting.
 */
int readstore_fold(struct readstore *rs, int64_t max, struct error *err);
int64_t readstore_waiting(struct readstore *rs);

/* A case's reads in the order they were logged: [[user_id, at], ...] (NULL: err). */
json_t *readstore_reads(struct readstore *rs, int64_t case_id, struct error *err);

#endif
