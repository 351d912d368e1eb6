/*
 * common.c: helpers shared by the bench subcommands, and main().
 */
#include "bench.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "error.h"
#include "readlog.h"
#include "service.h"
#include "store.h"

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

double bench_median(const double *v, int n)
{
	double *s;
	double m;
	if (n <= 0)
		return 0;
	s = malloc((size_t)n * sizeof *s);
	memcpy(s, v, (size_t)n * sizeof *s);
	qsort(s, (size_t)n, sizeof *s, dbl_cmp);
	m = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	free(s);
	return m;
}

long bench_proc_kb(pid_t pid, const char *field)
{
	char path[64], line[256];
	size_t n = strlen(field);
	long kb = -1;
	FILE *f;
	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0 && line[n] == ':') {
			kb = strtol(line + n + 1, NULL, 10);
			break;
		}
	fclose(f);
	return kb;
}

int64_t bench_instant(const char *iso)
{
	int64_t t;
	if (calendar_parse_instant(iso, &t))
		bench_die("bad instant %s", iso);
	return t;
}

void bench_die(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "casework-bench: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

const char *bench_opt(int argc, char **argv, const char *name, const char *dflt)
{
	int i;
	for (i = 2; i + 1 < argc; i++)
		if (strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i] + 2, name) == 0)
			return argv[i + 1];
	return dflt;
}

long bench_opt_long(int argc, char **argv, const char *name, long dflt)
{
	const char *v = bench_opt(argc, argv, name, NULL);
	return v ? strtol(v, NULL, 10) : dflt;
}

double bench_opt_double(int argc, char **argv, const char *name, double dflt)
{
	const char *v = bench_opt(argc, argv, name, NULL);
	return v ? strtod(v, NULL) : dflt;
}

struct service *bench_service(const char *db, const char *root, int sync_normal,
			      int virtual_clock, int64_t start)
{
	struct service_options so = { 0 };
	struct service *svc;
	struct error err = { 0 };
	json_t *diag = json_array();
	so.db = db;
	so.root = root;
	so.demo = 1;
	so.synchronous_normal = sync_normal;
	so.virtual_clock = virtual_clock;
	so.start = start;
	/* as casework serve runs it: the read log and the WAL checkpoints on their own thread, the WAL zero-filled */
	so.read_writer = 1;
	so.wal_reserve = READLOG_WAL_RESERVE;
	if (service_open(&so, &svc, diag, &err)) {
		size_t i;
		json_t *d;
		json_array_foreach(diag, i, d)
			fprintf(stderr, "%s\n", json_string_value(d));
		bench_die("service_open %s: %s", db, err.message);
	}
	json_decref(diag);
	return svc;
}

void bench_user(struct service *svc, const char *token, struct user *u)
{
	struct error err = { 0 };
	if (store_user_by_token(service_store(svc), token, u, &err))
		bench_die("user %s: %s", token, err.message);
}

void bench_emit(json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(6));
	printf("%s\n", s);
	fflush(stdout);
	free(s);
	json_decref(v);
}

json_t *bench_series(const double *v, int n)
{
	json_t *runs = json_array();
	int i;
	for (i = 0; i < n; i++)
		json_array_append_new(runs, json_real(v[i]));
	return json_pack("{s:o, s:f}", "runs", runs, "median", bench_median(v, n));
}

int bench_pin_one_core(void)
{
	cpu_set_t set;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	int cpu = n > 0 ? (int)n - 1 : 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof set, &set) == 0 ? cpu : -1;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "populate", cmd_populate }, { "actions", cmd_actions }, { "replay", cmd_replay },
		{ "startup", cmd_startup }, { "breaches", cmd_breaches }, { "report", cmd_report },
	};
	size_t i;
	if (argc >= 2)
		for (i = 0; i < sizeof cmds / sizeof *cmds; i++)
			if (strcmp(argv[1], cmds[i].name) == 0)
				return cmds[i].fn(argc, argv);
	fprintf(stderr, "usage: casework-bench populate|actions|replay|startup|breaches|report [--options]\n"
			"       (bench/run drives it; see the comments in bench/*.c)\n");
	return 2;
}
