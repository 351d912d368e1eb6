/*
 * readlog.h: who looked at which case, written in batches.
 *
 * Every case read is queued in memory and written later, many to a
 * transaction, in the read log's own file (readstore.h). By default the
 * queue is written on the caller's own connection to that file, when it is
 * flushed or grows past READLOG_HELD. A server starts a writer thread
 * instead (readlog_start): it has its own connections and writes the queue
 * every 200 ms, so a batch (15 ms for 3,000 reads on the bench machine)
 * never holds up a request on the event loop. After a batch the thread
 * folds the unindexed reads into the index by case, READLOG_FOLD_ROWS at a
 * time, or whatever waits after READLOG_FOLD_MS.
 *
 * Reads are committed without waiting for the disk (the thread's connection
 * is on synchronous = NORMAL); a crash can lose the last moments of the read
 * log, never a case's event.
 *
 * The same thread checkpoints the WAL every period (passive: it never holds
 * up a reader or a writer), so the server's own commits do not stop the
 * event loop to copy pages into the database; the server's connection
 * checkpoints only if the WAL passes READLOG_BACKSTOP pages.
 */
#ifndef CASEWORK_READLOG_H
#define CASEWORK_READLOG_H

#include <jansson.h>
#include <stdint.h>

struct error;
struct store;
struct store_options;

#define READLOG_HELD 65536        /* queued reads that force a write on the caller's connection */
#define READLOG_EVERY_MS 200      /* the writer thread's period */
#define READLOG_BACKSTOP 20000    /* WAL pages (80 MB) past which the server's own commits checkpoint */
#define READLOG_WAL_RESERVE ((int64_t)READLOG_BACKSTOP * (4096 + 24) + 32)   /* that many frames and the header */
#define READLOG_FOLD_ROWS 200000  /* reads folded into the index by case at a time (readstore_fold) */
#define READLOG_FOLD_MS 60000     /* fewer than that are folded after this long */

struct readlog;

struct readlog *readlog_new(void);

/*
 * Start the writer thread, on its own connection to db. Until then (and if
 * this fails) reads are written on the caller's connection.
 */
int readlog_start(struct readlog *rl, const char *db, const struct store_options *opt,
		  struct error *err);

/* Queue one read. st: the caller's connection, used only without a writer thread. */
void readlog_add(struct readlog *rl, struct store *st, int64_t case_id, int64_t user_id, int64_t at);

/*
 * Every read queued so far is in the store when this returns 0: written on
 * st, or by the writer thread (this waits for it). -1 with err if the write
 * failed; the reads stay queued and are tried again.
 */
int readlog_flush(struct readlog *rl, struct store *st, struct error *err);

/* A case's reads logged since store version 5, [[user_id, at], ...], in order (flush first). */
json_t *readlog_reads(struct readlog *rl, struct store *st, int64_t case_id, struct error *err);

/* Write what is queued (stopping the writer thread) and free. Accepts NULL. */
void readlog_free(struct readlog *rl, struct store *st);

#endif
