/*
 * replay.c: `casework-bench replay --db STORE [--runs 5] [--seconds 1]`.
 *
 * Replay and verification on one core: service_replay() (the code behind
 * GET /cases/{id}/replay and `casework verify`) over plan cases in random
 * order, each re-deriving every event hash and re-running every event
 * through the interpreter, then comparing with the stored view. Counts the
 * events replayed per second; any case that does not match is fatal. The
 * process is pinned to one CPU.
 */
#include "bench.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

int cmd_replay(int argc, char **argv)
{
	const char *db = bench_opt(argc, argv, "db", NULL);
	const char *root = bench_opt(argc, argv, "root", "tests/reference");
	int runs = (int)bench_opt_long(argc, argv, "runs", 5), i, cpu;
	double seconds = bench_opt_double(argc, argv, "seconds", 1.0);
	struct service *svc;
	sqlite3 *reader;
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0, next = 0, k;
	unsigned seed = 777;
	double *eps, *cps;
	long total_events = 0, total_cases = 0;

	if (!db)
		bench_die("replay --db STORE");
	cpu = bench_pin_one_core();
	svc = bench_service(db, root, 1, 1, bench_instant(BENCH_T0));
	if (sqlite3_open_v2(db, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		bench_die("reader: %s", sqlite3_errmsg(reader));
	sqlite3_prepare_v2(reader, "SELECT id FROM cases WHERE authority = 'testshire' AND state = 'plan'", -1, &s, NULL);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (nids == cap) {
			cap = cap ? cap * 2 : 1024;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[nids++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	sqlite3_close(reader);
	if (!nids)
		bench_die("no plan cases");
	for (k = nids; k > 1; k--) {
		size_t j = (size_t)rand_r(&seed) % k;
		int64_t t = ids[k - 1];
		ids[k - 1] = ids[j];
		ids[j] = t;
	}
	eps = xcalloc((size_t)runs + 1, sizeof *eps);
	cps = xcalloc((size_t)runs + 1, sizeof *cps);
	for (i = -1; i < runs; i++) {      /* run -1 warms up */
		double t0 = bench_now(), t;
		long events = 0, cases = 0;
		do {
			struct error err = { 0 };
			int64_t id = ids[next++ % nids];
			json_t *r = service_replay(svc, NULL, id, 0, NULL, &err);
			if (!r)
				bench_die("replay %lld: %s", (long long)id, err.message);
			if (!json_is_true(json_object_get(r, "matches")) || !json_is_true(json_object_get(r, "chain_ok"))) {
				char *why = json_dumps(json_pack("{s:O*, s:O*, s:O*}", "chain_ok", json_object_get(r, "chain_ok"),
					"chain_problem", json_object_get(r, "chain_problem"),
					"divergence", json_object_get(r, "divergence")), JSON_COMPACT);
				bench_die("case %lld does not verify: %s", (long long)id, why ? why : "?");
			}
			events += (long)json_integer_value(json_object_get(r, "events"));
			cases++;
			json_decref(r);
			t = bench_now() - t0;
		} while (t < (i < 0 ? seconds / 4 : seconds));
		if (i >= 0) {
			eps[i] = (double)events / t;
			cps[i] = (double)cases / t;
			total_events += events;
			total_cases += cases;
		}
	}
	bench_emit(json_pack("{s:s, s:i, s:I, s:I, s:I, s:f, s:o, s:o, s:s}",
		"figure", "replay", "cpu", cpu, "plan_cases", (json_int_t)nids,
		"cases_replayed", (json_int_t)total_cases, "events_replayed", (json_int_t)total_events,
		"events_per_case", total_cases ? (double)total_events / (double)total_cases : 0.0,
		"events_per_s", bench_series(eps, runs), "cases_per_s", bench_series(cps, runs),
		"what", "service_replay: hash chain re-derived and every event re-run, view compared; all matched"));
	free(eps);
	free(cps);
	free(ids);
	service_close(svc);
	return 0;
}
