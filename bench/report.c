/*
 * report.c: `casework-bench report --results FILE.jsonl --machine FILE.json
 *            --mode quick|full --out build/bench.json`.
 *
 * Reads every line the other subcommands and wrk printed (bench/run adds
 * "size" to each), takes medians, prints the table (each figure, its target,
 * PASS/MISS) and the growth table, and writes the same data as JSON.
 */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static json_t *lines;       /* every result line */
static json_t *summary;     /* rows of the table */
static json_int_t *sizes;
static size_t nsizes;

/* The result line with figure (and key == value, if key) at size. */
static json_t *find(const char *figure, json_int_t size, const char *key, const char *value)
{
	size_t i;
	json_t *l;
	json_array_foreach(lines, i, l) {
		const char *f = json_string_value(json_object_get(l, "figure"));
		if (!f || strcmp(f, figure) || json_integer_value(json_object_get(l, "size")) != size)
			continue;
		if (key && (!json_is_string(json_object_get(l, key)) ||
			    strcmp(json_string_value(json_object_get(l, key)), value)))
			continue;
		return l;
	}
	return NULL;
}

static double num(const json_t *v)
{
	return json_is_number(v) ? json_number_value(v) : NAN;
}

/* A series' median ({runs, median}) or a plain number at key. */
static double med(const json_t *l, const char *key)
{
	json_t *v = json_object_get(l, key);
	if (json_is_object(v))
		return num(json_object_get(v, "median"));
	return num(v);
}

/* Median of field over the http runs (size, endpoint, connections, server sync). */
static double http_med_sync(json_int_t size, const char *endpoint, int conns, const char *sync,
			    const char *field, int *nruns);
static double http_med(json_int_t size, const char *endpoint, int conns, const char *field, int *nruns)
{
	return http_med_sync(size, endpoint, conns, "FULL", field, nruns);
}

static double http_med_sync(json_int_t size, const char *endpoint, int conns, const char *sync,
			    const char *field, int *nruns)
{
	double v[64];
	int n = 0;
	size_t i;
	json_t *l;
	json_array_foreach(lines, i, l) {
		const char *f = json_string_value(json_object_get(l, "figure"));
		if (!f || strcmp(f, "http") || json_integer_value(json_object_get(l, "size")) != size ||
		    strcmp(json_string_value(json_object_get(l, "endpoint")), endpoint) ||
		    json_integer_value(json_object_get(l, "connections")) != conns ||
		    !json_is_string(json_object_get(l, "sync")) ||
		    strcmp(json_string_value(json_object_get(l, "sync")), sync))
			continue;
		if (n < 64)
			v[n++] = num(json_object_get(l, field));
	}
	if (nruns)
		*nruns = n;
	return n ? bench_median(v, n) : NAN;
}

static void fmt_num(double v, char *out, size_t len)
{
	if (isnan(v)) {
		snprintf(out, len, "-");
	} else if (fabs(v) >= 1000) {
		char raw[64], *p = out;
		int n, i, first;
		snprintf(raw, sizeof raw, "%.0f", v);
		n = (int)strlen(raw);
		first = n % 3 ? n % 3 : 3;
		for (i = 0; i < n && (size_t)(p - out) + 2 < len; i++) {
			if (i && (i - first) % 3 == 0 && i >= first)
				*p++ = ',';
			*p++ = raw[i];
		}
		*p = '\0';
	} else if (fabs(v) >= 100) {
		snprintf(out, len, "%.0f", v);
	} else if (fabs(v) >= 10) {
		snprintf(out, len, "%.1f", v);
	} else {
		snprintf(out, len, "%.3g", v);
	}
}

enum cmp { NONE, AT_LEAST, BELOW };

/* One table row and one summary entry. */
static void row(const char *group, const char *name, json_int_t size, double value, const char *unit,
		enum cmp cmp, double target, const char *note)
{
	char v[64], t[64], sz[32], tv[48];
	const char *status = "";
	fmt_num(value, v, sizeof v);
	fmt_num((double)size, sz, sizeof sz);
	t[0] = '\0';
	if (cmp != NONE) {
		fmt_num(target, tv, sizeof tv);
		snprintf(t, sizeof t, "%s %s %s", cmp == AT_LEAST ? ">=" : "<", tv, unit);
		status = isnan(value) ? "MISS (no data)"
		       : (cmp == AT_LEAST ? value >= target : value < target) ? "PASS" : "MISS";
	}
	printf("%-2s %-50s %10s %12s %-11s %-24s %s\n", group, name, size ? sz : "-", v, unit, t, status);
	json_array_append_new(summary, json_pack("{s:s, s:s, s:I, s:o, s:s, s:s?, s:o, s:s?, s:s?}",
		"group", group, "figure", name, "cases", size, "value", isnan(value) ? json_null() : json_real(value),
		"unit", unit, "comparison", cmp == NONE ? NULL : cmp == AT_LEAST ? ">=" : "<",
		"target", cmp == NONE ? json_null() : json_real(target), "status", cmp == NONE ? NULL : status,
		"note", note));
}

static json_int_t pick_size(json_int_t want)
{
	size_t i;
	for (i = 0; i < nsizes; i++)
		if (sizes[i] == want)
			return want;
	return nsizes ? sizes[nsizes - 1] : 0;
}

struct gfig {
	const char *label, *figure, *key, *value, *field, *unit;
};

int cmd_report(int argc, char **argv)
{
	const char *results = bench_opt(argc, argv, "results", NULL), *mpath = bench_opt(argc, argv, "machine", NULL);
	const char *mode = bench_opt(argc, argv, "mode", "full"), *outp = bench_opt(argc, argv, "out", "build/bench.json");
	FILE *f;
	char *line = NULL;
	size_t cap = 0, i, j;
	json_t *machine, *l, *out;
	json_int_t hs, ts;
	static const int conns[] = { 1, 16, 64 };
	static const char *endpoints[] = { "get", "post" };

	if (!results || !mpath)
		bench_die("report --results FILE --machine FILE");
	machine = json_load_file(mpath, 0, NULL);
	if (!machine)
		bench_die("cannot read %s", mpath);
	lines = json_array();
	summary = json_array();
	f = fopen(results, "r");
	if (!f)
		bench_die("cannot read %s", results);
	while (getline(&line, &cap, f) > 0) {
		json_t *v = json_loads(line, 0, NULL);
		if (json_is_object(v)) {
			json_int_t s = json_integer_value(json_object_get(v, "size"));
			json_array_append_new(lines, v);
			for (i = 0; i < nsizes && sizes[i] != s; i++)
				;
			if (i == nsizes && s > 0) {
				sizes = xrealloc(sizes, (nsizes + 1) * sizeof *sizes);
				sizes[nsizes++] = s;
			}
		} else {
			json_decref(v);
		}
	}
	free(line);
	fclose(f);
	hs = pick_size(100000);             /* the issue's "store of 100,000 cases" */
	ts = nsizes ? sizes[nsizes - 1] : 0;  /* the largest: "1,000,000 pending timescales" */

	printf("\ncasework benchmarks: %s run (%s)\n", mode, strcmp(mode, "quick") == 0 ?
	       "BENCH_QUICK=1: reduced sizes and durations; targets are judged at these sizes" :
	       "full sizes");
	printf("machine: %s; %s CPUs; %s; %s; %s on %s; sqlite %s; %s\n",
	       json_string_value(json_object_get(machine, "cpu")), json_string_value(json_object_get(machine, "nproc")),
	       json_string_value(json_object_get(machine, "memory")), json_string_value(json_object_get(machine, "kernel")),
	       json_string_value(json_object_get(machine, "data_dir")), json_string_value(json_object_get(machine, "filesystem")),
	       json_string_value(json_object_get(machine, "sqlite")), json_string_value(json_object_get(machine, "wrk")));
	printf("run took %s s; load average (1 min) before: %s, after: %s (the machine was %s)\n",
	       json_string_value(json_object_get(machine, "seconds")),
	       json_string_value(json_object_get(machine, "load_before")), json_string_value(json_object_get(machine, "load_after")),
	       json_string_value(json_object_get(machine, "load_before")) &&
	       atof(json_string_value(json_object_get(machine, "load_before"))) > 0.5
	       ? "busy with other work before the run: expect noise" : "quiet before the run");
	l = find("populate", hs, NULL, NULL);
	if (l)
		printf("stores: %s\n", json_string_value(json_object_get(l, "method")));
	printf("each value is the median of the runs listed in bench.json; ratios are per round, engine and bare side by side\n");
	printf("actions: review on plan cases (1 in 10), shuffled; HTTP: casework serve on synchronous=FULL (default), access log\n"
	       "to /dev/null, wrk -t1 on the same machine; breaches: every pending timescale due at once\n\n");
	printf("%-2s %-50s %10s %12s %-11s %-24s %s\n", "#", "figure", "cases", "value", "unit", "target", "result");
	printf("%.*s\n", 120, "----------------------------------------------------------------------------------------------------------------------------");

	for (j = 0; j < 2; j++) {
		const char *sync = j ? "NORMAL" : "FULL";
		char name[96];
		l = find("actions", hs, "sync", sync);
		snprintf(name, sizeof name, "durable actions, %s: engine (review)", sync);
		row("1", name, hs, l ? med(l, "engine_per_s") : NAN, "actions/s", NONE, 0, NULL);
		snprintf(name, sizeof name, "durable actions, %s: bare SQLite insert", sync);
		row("1", name, hs, l ? med(l, "bare_per_s") : NAN, "rows/s", NONE, 0, NULL);
		snprintf(name, sizeof name, "durable actions, %s: ratio engine/bare", sync);
		row("1", name, hs, l ? med(l, "ratio") : NAN, "x", AT_LEAST, 0.5, NULL);
	}
	/* group commit: the POSTs at 64 connections, server on FULL (bench/run scrapes /metrics after them) */
	row("1", "group commit: POST action, 64 clients, FULL", hs, http_med(hs, "post", 64, "rps", NULL), "actions/s",
	    AT_LEAST, 20000, NULL);
	l = find("group", hs, NULL, NULL);
	row("1", "  writes per group commit", hs,
	    l && json_integer_value(json_object_get(l, "commits")) > 0
		    ? (double)json_integer_value(json_object_get(l, "writes")) / (double)json_integer_value(json_object_get(l, "commits"))
		    : NAN, "writes", NONE, 0, NULL);
	l = find("replay", hs, NULL, NULL);
	row("2", "replay and verify, one core", hs, l ? med(l, "events_per_s") : NAN, "events/s", AT_LEAST, 200000, NULL);
	l = find("populate", ts, NULL, NULL);
	{
		char name[96], p[32];
		fmt_num(l ? med(l, "pending_timescales") : NAN, p, sizeof p);
		snprintf(name, sizeof name, "start-up with %s pending timescales", p);
		l = find("startup", ts, NULL, NULL);
		row("3", name, ts, l ? med(l, "seconds") : NAN, "s", BELOW, 2, NULL);
		row("3", "RSS after start-up", ts, l ? med(l, "rss_mb") : NAN, "MB", BELOW, 256, NULL);
		for (j = 0; j < 2; j++) {
			const char *sync = j ? "NORMAL" : "FULL";
			l = find("breaches", ts, "sync", sync);
			snprintf(name, sizeof name, "breaches, all due at once, %s", sync);
			row("3", name, ts, l ? med(l, "per_s") : NAN, "breaches/s", AT_LEAST, 50000, NULL);
			snprintf(name, sizeof name, "  first breach after (%s)", sync);
			row("3", name, ts, l ? med(l, "first_breach_s") : NAN, "s", NONE, 0, NULL);
		}
		snprintf(name, sizeof name, "RSS while breaching (%s)", "FULL");
		l = find("breaches", ts, "sync", "FULL");
		row("3", name, ts, l ? med(l, "child_peak_rss_mb") : NAN, "MB", BELOW, 256, NULL);
	}
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++) {
			char name[96];
			int n = 0, is_target = i == 0 && conns[j] == 64;
			double nerr;
			const char *what = i ? "POST /cases/{id}/actions/review" : "GET /cases/{id}";
			snprintf(name, sizeof name, "%s, %d conn: requests", what, conns[j]);
			row("4", name, hs, http_med(hs, endpoints[i], conns[j], "rps", &n), "req/s",
			    is_target ? AT_LEAST : NONE, 10000, NULL);
			snprintf(name, sizeof name, "%s, %d conn: p50", what, conns[j]);
			row("4", name, hs, http_med(hs, endpoints[i], conns[j], "p50_ms", NULL), "ms", NONE, 0, NULL);
			snprintf(name, sizeof name, "%s, %d conn: p99", what, conns[j]);
			row("4", name, hs, http_med(hs, endpoints[i], conns[j], "p99_ms", NULL), "ms",
			    is_target ? BELOW : NONE, 10, NULL);
			nerr = http_med(hs, endpoints[i], conns[j], "non_2xx", NULL) +
			       http_med(hs, endpoints[i], conns[j], "errors_timeout", NULL);
			if (nerr > 0) {
				snprintf(name, sizeof name, "%s, %d conn: non-2xx + timeouts", what, conns[j]);
				row("4", name, hs, nerr, "per run", NONE, 0, NULL);
			}
		}

	for (i = 0; i < 2; i++) {
		char name[96];
		const char *what = i ? "POST .../review" : "GET /cases/{id}";
		snprintf(name, sizeof name, "%s, 64 conn, server NORMAL: requests", what);
		row("4", name, hs, http_med_sync(hs, endpoints[i], 64, "NORMAL", "rps", NULL), "req/s", NONE, 0,
		    "diagnostic: casework serve --sync-normal");
		snprintf(name, sizeof name, "%s, 64 conn, server NORMAL: p99", what);
		row("4", name, hs, http_med_sync(hs, endpoints[i], 64, "NORMAL", "p99_ms", NULL), "ms", NONE, 0,
		    "diagnostic: casework serve --sync-normal");
	}

	/* growth */
	{
		static const struct gfig g[] = {
			{ "pending timescales", "populate", NULL, NULL, "pending_timescales", "" },
			{ "store size", "populate", NULL, NULL, "db_mb", "MB" },
			{ "actions/s FULL (engine)", "actions", "sync", "FULL", "engine_per_s", "/s" },
			{ "actions/s FULL (bare insert)", "actions", "sync", "FULL", "bare_per_s", "/s" },
			{ "ratio FULL", "actions", "sync", "FULL", "ratio", "x" },
			{ "actions/s NORMAL (engine)", "actions", "sync", "NORMAL", "engine_per_s", "/s" },
			{ "actions/s NORMAL (bare insert)", "actions", "sync", "NORMAL", "bare_per_s", "/s" },
			{ "ratio NORMAL", "actions", "sync", "NORMAL", "ratio", "x" },
			{ "replay events/s (one core)", "replay", NULL, NULL, "events_per_s", "/s" },
			{ "start-up s", "startup", NULL, NULL, "seconds", "s" },
			{ "RSS after start-up MB", "startup", NULL, NULL, "rss_mb", "MB" },
			{ "breaches/s FULL", "breaches", "sync", "FULL", "per_s", "/s" },
			{ "breaches/s NORMAL", "breaches", "sync", "NORMAL", "per_s", "/s" },
			{ "first breach after s (FULL)", "breaches", "sync", "FULL", "first_breach_s", "s" },
		};
		json_t *growth = json_array();
		char buf[48];
		printf("\n5  growth: the same figures by store size (cases)\n%-2s %-40s", "", "figure");
		for (i = 0; i < nsizes; i++) {
			fmt_num((double)sizes[i], buf, sizeof buf);
			printf(" %14s", buf);
		}
		printf("\n");
		for (j = 0; j < sizeof g / sizeof *g; j++) {
			json_t *vals = json_object();
			printf("%-2s %-40s", "5", g[j].label);
			for (i = 0; i < nsizes; i++) {
				double v;
				l = find(g[j].figure, sizes[i], g[j].key, g[j].value);
				if (l && strcmp(g[j].field, "db_mb") == 0)
					v = med(l, "db_bytes") / 1048576.0;
				else
					v = l ? med(l, g[j].field) : NAN;
				fmt_num(v, buf, sizeof buf);
				printf(" %14s", buf);
				fmt_num((double)sizes[i], buf, sizeof buf);
				json_object_set_new(vals, buf, isnan(v) ? json_null() : json_real(v));
			}
			printf("\n");
			json_array_append_new(growth, json_pack("{s:s, s:s, s:o}", "figure", g[j].label, "unit", g[j].unit, "by_cases", vals));
		}
		for (i = 0; i < 2; i++)
			for (j = 0; j < 3; j++) {
				static const char *fields[] = { "rps", "p50_ms", "p99_ms" };
				size_t k, s;
				for (k = 0; k < 3; k++) {
					char label[96];
					json_t *vals = json_object();
					snprintf(label, sizeof label, "%s %d conn %s", i ? "POST action" : "GET case", conns[j], fields[k]);
					printf("%-2s %-40s", "5", label);
					for (s = 0; s < nsizes; s++) {
						double v = http_med(sizes[s], endpoints[i], conns[j], fields[k], NULL);
						fmt_num(v, buf, sizeof buf);
						printf(" %14s", buf);
						fmt_num((double)sizes[s], buf, sizeof buf);
						json_object_set_new(vals, buf, isnan(v) ? json_null() : json_real(v));
					}
					printf("\n");
					json_array_append_new(growth, json_pack("{s:s, s:s, s:o}", "figure", label,
						"unit", k ? "ms" : "req/s", "by_cases", vals));
				}
			}
		for (i = 0; i < 2; i++)
			for (j = 0; j < 2; j++) {
				static const char *fields[] = { "rps", "p99_ms" };
				char label[96];
				size_t s;
				json_t *vals = json_object();
				snprintf(label, sizeof label, "%s 64 conn %s, server NORMAL", i ? "POST action" : "GET case", fields[j]);
				printf("%-2s %-40s", "5", label);
				for (s = 0; s < nsizes; s++) {
					double v = http_med_sync(sizes[s], endpoints[i], 64, "NORMAL", fields[j], NULL);
					fmt_num(v, buf, sizeof buf);
					printf(" %14s", buf);
					fmt_num((double)sizes[s], buf, sizeof buf);
					json_object_set_new(vals, buf, isnan(v) ? json_null() : json_real(v));
				}
				printf("\n");
				json_array_append_new(growth, json_pack("{s:s, s:s, s:o}", "figure", label,
					"unit", j ? "ms" : "req/s", "by_cases", vals));
			}
		out = json_pack("{s:s, s:o, s:o, s:o, s:o}", "mode", mode, "machine", machine, "summary", summary,
				"growth", growth, "results", lines);
	}
	if (json_dump_file(out, outp, JSON_INDENT(1) | JSON_REAL_PRECISION(6)))
		bench_die("cannot write %s", outp);
	printf("\nwritten: %s\n", outp);
	json_decref(out);
	free(sizes);
	return 0;
}
