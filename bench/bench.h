/*
 * bench.h: the benchmark tool (build/casework-bench), one binary with a
 * subcommand per figure. bench/run drives it; each subcommand prints one JSON
 * object on stdout, and `report` turns them into the table and bench.json.
 *
 * Engine paths go through service.h (the code the HTTP API runs); only the
 * bare-insert baseline, the bulk population and the counters use SQLite
 * directly.
 */
#ifndef CASEWORK_BENCH_H
#define CASEWORK_BENCH_H

#include <jansson.h>
#include <stdint.h>
#include <sys/types.h>

struct service;
struct user;

/* The instant the template cases start (a Monday, after the machine's "now"). */
#define BENCH_T0 "2030-03-04T09:00:00Z"
#define BENCH_TOKEN_TRIAGE  "demo-testshire-triage"
#define BENCH_TOKEN_MANAGER "demo-testshire-manager"
#define BENCH_TOKEN_KW      "demo-testshire-kw"

double bench_now(void);                          /* monotonic seconds */
double bench_median(const double *v, int n);
long bench_proc_kb(pid_t pid, const char *field); /* VmRSS, VmHWM from /proc/pid/status */
int64_t bench_instant(const char *iso);
void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
const char *bench_opt(int argc, char **argv, const char *name, const char *dflt);
long bench_opt_long(int argc, char **argv, const char *name, long dflt);
double bench_opt_double(int argc, char **argv, const char *name, double dflt);

/* service_open with the bench's options; dies on failure. */
struct service *bench_service(const char *db, const char *root, int sync_normal,
			      int virtual_clock, int64_t start);
/* A demo user by token (fills u); dies if missing. */
void bench_user(struct service *svc, const char *token, struct user *u);
/* Print v (stolen) as one JSON line on stdout. */
void bench_emit(json_t *v);
/* An array of doubles as JSON, plus its median under "median". */
json_t *bench_series(const double *v, int n);
/* Pin this process to one CPU (the last one); returns the CPU or -1. */
int bench_pin_one_core(void);

int cmd_populate(int argc, char **argv);
int cmd_actions(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_startup(int argc, char **argv);
int cmd_breaches(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
