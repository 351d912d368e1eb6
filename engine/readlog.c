/*
 * readlog.c: the read log's queue and its writer thread (see readlog.h).
 *
 * Must never: touch the caller's store connection from the writer thread,
 * or drop a queued read after a failed write (it is put back, in order, and
 * tried again).
 */
#include "readlog.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "readstore.h"
#include "store.h"
#include "util.h"

struct readlog {
	pthread_mutex_t mu;
	pthread_cond_t wake;      /* to the writer: write now, or stop */
	pthread_cond_t written;   /* to flushers: an attempt finished */
	struct read_entry *q;     /* queued, oldest first */
	size_t n, cap;
	uint64_t queued, done;    /* reads ever queued, ever written */
	uint64_t attempts;        /* the writer's finished attempts */
	char failure[512];        /* the last attempt's error, "" if it succeeded */
	int threaded, urgent, stop;
	pthread_t thread;
	struct store *st;         /* the writer's own connection to the store (its checkpoints) */
	struct readstore *out;    /* where reads are written: the thread's, or the caller's without one */
	struct readstore *query;  /* the caller's, for readlog_reads */
	int64_t waiting;          /* written and not yet folded (-1: not counted yet) */
	double folded_ms;         /* when the last fold was (monotonic) */
};

/*
 * After a batch: fold the oldest READLOG_FOLD_ROWS reads into the index by
 * case once that many wait, or whatever waits after READLOG_FOLD_MS. One
 * fold a batch. A failed fold loses nothing (the reads stay where they
 * are) and is tried again.
 */
static void maybe_fold(struct readlog *rl, struct readstore *rs, size_t written)
{
	double now = util_monotonic_ms();
	if (rl->waiting < 0)
		rl->waiting = readstore_waiting(rs);
	else
		rl->waiting += (int64_t)written;
	if (rl->waiting >= READLOG_FOLD_ROWS || (rl->waiting > 0 && now - rl->folded_ms >= READLOG_FOLD_MS)) {
		if (readstore_fold(rs, READLOG_FOLD_ROWS, NULL) == 0)
			rl->waiting = rl->waiting > READLOG_FOLD_ROWS ? rl->waiting - READLOG_FOLD_ROWS : 0;
		rl->folded_ms = now;
	}
}

/* The caller's connection to the read log of st (opened the first time). */
static struct readstore *callers(struct readlog *rl, struct store *st, struct error *err)
{
	if (!rl->query && st)
		rl->query = readstore_open(store_path(st), err);
	else if (!rl->query)
		error_set(err, ERR_INTERNAL, "read_log", "the read log has no store");
	return rl->query;
}

struct readlog *readlog_new(void)
{
	struct readlog *rl = xcalloc(1, sizeof *rl);
	pthread_mutex_init(&rl->mu, NULL);
	{
		pthread_condattr_t a;
		pthread_condattr_init(&a);
		pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
		pthread_cond_init(&rl->wake, &a);
		pthread_condattr_destroy(&a);
	}
	pthread_cond_init(&rl->written, NULL);
	rl->waiting = -1;
	rl->folded_ms = util_monotonic_ms();
	return rl;
}

static void push(struct readlog *rl, const struct read_entry *v, size_t k, int front)
{
	if (rl->n + k > rl->cap) {
		rl->cap = (rl->n + k) * 2 > 256 ? (rl->n + k) * 2 : 256;
		rl->q = xrealloc(rl->q, rl->cap * sizeof *rl->q);
	}
	if (front) {
		memmove(rl->q + k, rl->q, rl->n * sizeof *rl->q);
		memcpy(rl->q, v, k * sizeof *v);
	} else {
		memcpy(rl->q + rl->n, v, k * sizeof *v);
	}
	rl->n += k;
}

/* Without a writer thread: write the queue on the caller's connection to the read log of st. */
static int write_inline(struct readlog *rl, struct store *st, struct error *err)
{
	struct readstore *rs;
	if (!rl->n)
		return 0;
	if (!(rs = callers(rl, st, err)) || readstore_write(rs, rl->q, rl->n, err))
		return -1;
	rl->done += rl->n;
	maybe_fold(rl, rs, rl->n);
	rl->n = 0;
	return 0;
}

static void *writer(void *arg)
{
	struct readlog *rl = arg;
	struct read_entry *batch = NULL;
	size_t cap = 0;

	pthread_mutex_lock(&rl->mu);
	for (;;) {
		struct error err = { 0 };
		size_t k;
		int rc;
		if (!rl->stop && !rl->urgent) {
			struct timespec until;
			clock_gettime(CLOCK_MONOTONIC, &until);   /* the condvar's clock: a stepped wall clock cannot stall it */
			until.tv_nsec += READLOG_EVERY_MS * 1000000L;
			until.tv_sec += until.tv_nsec / 1000000000L;
			until.tv_nsec %= 1000000000L;
			while (!rl->stop && !rl->urgent &&
			       pthread_cond_timedwait(&rl->wake, &rl->mu, &until) != ETIMEDOUT)
				;
		}
		if (!rl->urgent && !rl->stop) {
			/*
			 * Every period, a passive checkpoint: the WAL is copied into the
			 * database here, not in a commit on the event loop (the main
			 * connection checkpoints only past READLOG_BACKSTOP pages).
			 */
			pthread_mutex_unlock(&rl->mu);
			store_checkpoint(rl->st);
			pthread_mutex_lock(&rl->mu);
		}
		rl->urgent = 0;
		if (!rl->n) {
			rl->attempts++;
			rl->failure[0] = '\0';
			pthread_cond_broadcast(&rl->written);
			if (rl->stop)
				break;
			continue;
		}
		/* Take the queue and write it with the lock released: adds go on. */
		k = rl->n;
		if (k > cap) {
			cap = k * 2;
			batch = xrealloc(batch, cap * sizeof *batch);
		}
		memcpy(batch, rl->q, k * sizeof *batch);
		rl->n = 0;
		pthread_mutex_unlock(&rl->mu);
		rc = readstore_write(rl->out, batch, k, &err);
		pthread_mutex_lock(&rl->mu);
		rl->attempts++;
		if (rc == 0) {
			rl->done += k;
			rl->failure[0] = '\0';
		} else {
			push(rl, batch, k, 1);   /* back at the front, in order */
			snprintf(rl->failure, sizeof rl->failure, "%s", err.message);
			fprintf(stderr, "casework: read log: %s (%zu reads kept, will retry)\n", err.message, rl->n);
		}
		pthread_cond_broadcast(&rl->written);
		if (rc == 0) {   /* after the flushers are told: they need not wait for a fold */
			pthread_mutex_unlock(&rl->mu);
			maybe_fold(rl, rl->out, k);
			pthread_mutex_lock(&rl->mu);
		}
		if (rl->stop && (rc || !rl->n))
			break;
	}
	pthread_mutex_unlock(&rl->mu);
	free(batch);
	return NULL;
}

int readlog_start(struct readlog *rl, const char *db, const struct store_options *opt,
		  struct error *err)
{
	/*
	 * Its own connection to the store, for the checkpoints only (the reads
	 * go to the read log's file, rl->out, on synchronous = NORMAL).
	 */
	struct store_options mine = { .synchronous_normal = 1, .readonly = opt ? opt->readonly : 0 };
	if (store_open(db, &mine, &rl->st, err))
		return -1;
	if (!(rl->out = readstore_open(db, err))) {
		store_close(rl->st);
		rl->st = NULL;
		return -1;
	}
	if (pthread_create(&rl->thread, NULL, writer, rl) != 0) {
		store_close(rl->st);
		rl->st = NULL;
		readstore_close(rl->out);
		rl->out = NULL;
		return error_set(err, ERR_INTERNAL, "thread", "cannot start the read log's writer thread");
	}
	rl->threaded = 1;
	return 0;
}

void readlog_add(struct readlog *rl, struct store *st, int64_t case_id, int64_t user_id, int64_t at)
{
	struct read_entry e = { case_id, user_id, at };
	if (!rl->threaded) {
		push(rl, &e, 1, 0);
		rl->queued++;
		if (rl->n >= READLOG_HELD)
			write_inline(rl, st, NULL);
		return;
	}
	pthread_mutex_lock(&rl->mu);
	push(rl, &e, 1, 0);
	rl->queued++;
	if (rl->n >= READLOG_HELD) {
		rl->urgent = 1;
		pthread_cond_signal(&rl->wake);
	}
	pthread_mutex_unlock(&rl->mu);
}

int readlog_flush(struct readlog *rl, struct store *st, struct error *err)
{
	uint64_t target, started;
	int rc = 0;
	if (!rl->threaded)
		return write_inline(rl, st, err);
	if (st && store_group_open(st))
		/* the thread would wait for this connection's write lock, and this for the thread */
		return error_set(err, ERR_INTERNAL, "read_log", "the read log cannot be flushed inside a group transaction");
	pthread_mutex_lock(&rl->mu);
	target = rl->queued;
	started = rl->attempts;
	rl->urgent = 1;
	pthread_cond_signal(&rl->wake);
	while (rl->done < target) {
		if (rl->attempts > started && rl->failure[0]) {
			rc = error_set(err, ERR_UNAVAILABLE, "store_unavailable", "the read log could not be written: %s",
				       rl->failure);
			break;
		}
		pthread_cond_wait(&rl->written, &rl->mu);
	}
	pthread_mutex_unlock(&rl->mu);
	return rc;
}

void readlog_free(struct readlog *rl, struct store *st)
{
	if (!rl)
		return;
	if (rl->threaded) {
		pthread_mutex_lock(&rl->mu);
		rl->stop = 1;
		pthread_cond_signal(&rl->wake);
		pthread_mutex_unlock(&rl->mu);
		pthread_join(rl->thread, NULL);
		store_close(rl->st);
		readstore_close(rl->out);
	}
	/* what the thread could not write, one last try on the caller's connection */
	if (rl->n && st && write_inline(rl, st, NULL))
		fprintf(stderr, "casework: read log: %zu reads could not be written\n", rl->n);
	readstore_close(rl->query);
	pthread_cond_destroy(&rl->wake);
	pthread_cond_destroy(&rl->written);
	pthread_mutex_destroy(&rl->mu);
	free(rl->q);
	free(rl);
}

json_t *readlog_reads(struct readlog *rl, struct store *st, int64_t case_id, struct error *err)
{
	struct readstore *rs = callers(rl, st, err);
	return rs ? readstore_reads(rs, case_id, err) : NULL;
}
