/*
 * timers.c: timers at scale.
 *
 * `casework-bench startup --serve CASEWORK --db STORE [--runs 3]`
 *   Starts the real server (casework serve, real clock: every template due
 *   instant is in 2030, so nothing is due) and times it from fork() to the
 *   first HTTP answer (the loop is running, the overdue-timer pass and the
 *   re-arm on the earliest due instant are done), then reads its VmRSS and
 *   VmHWM. The page cache is warm (the store was just written).
 *
 * `casework-bench breaches --db STORE --sync full|normal [--seconds 5]`
 *   A child opens the service on a virtual clock before every due instant
 *   and moves it past all of them (service_advance -> service_fire_due, the
 *   code POST /clock and the server's timer run), so every pending timescale
 *   is due at once. The parent counts committed breach events (max event
 *   id, read from another connection) until the time is up or the child
 *   finishes, then kills the child (a kill mid-transaction loses only that
 *   transaction: that is what the WAL is for) and replays some breached
 *   cases to check them.
 */
#include "bench.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "service.h"
#include "store.h"
#include "util.h"

static void sleep_s(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* One HTTP request; returns the status, 0 if no answer. */
static int http_status(int port, const char *path)
{
	struct sockaddr_in sa = { 0 };
	char req[256], buf[512];
	int fd = socket(AF_INET, SOCK_STREAM, 0), status = 0;
	ssize_t n;
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
		snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n", path);
		if (write(fd, req, strlen(req)) == (ssize_t)strlen(req) && (n = read(fd, buf, sizeof buf - 1)) > 0) {
			buf[n] = '\0';
			sscanf(buf, "HTTP/1.%*d %d", &status);
		}
	}
	close(fd);
	return status;
}

int cmd_startup(int argc, char **argv)
{
	const char *serve = bench_opt(argc, argv, "serve", NULL), *db = bench_opt(argc, argv, "db", NULL);
	const char *root = bench_opt(argc, argv, "root", "tests/reference");
	int runs = (int)bench_opt_long(argc, argv, "runs", 3), i;
	double *secs, *rss, *hwm;
	if (!serve || !db)
		bench_die("startup --serve CASEWORK --db STORE");
	secs = xcalloc((size_t)runs, sizeof *secs);
	rss = xcalloc((size_t)runs, sizeof *rss);
	hwm = xcalloc((size_t)runs, sizeof *hwm);
	for (i = 0; i < runs; i++) {
		int out[2], port = 0, status = 0;
		double t0 = bench_now();
		pid_t pid;
		FILE *f;
		char line[512];
		if (pipe(out))
			bench_die("pipe");
		pid = fork();
		if (pid == 0) {
			int devnull = open("/dev/null", O_WRONLY);
			dup2(out[1], 1);
			dup2(devnull, 2);
			close(out[0]);
			execl(serve, serve, "serve", "--db", db, "--root", root, "--listen", "127.0.0.1:0", (char *)NULL);
			_exit(127);
		}
		close(out[1]);
		f = fdopen(out[0], "r");
		while (fgets(line, sizeof line, f)) {
			char *p = strstr(line, "serving on http://");
			if (p && (p = strrchr(p, ':')) && (port = atoi(p + 1)) > 0)
				break;
		}
		if (port <= 0)
			bench_die("the server did not start (%s serve --db %s)", serve, db);
		while ((status = http_status(port, "/bench-ready")) == 0) {
			if (bench_now() - t0 > 120)
				bench_die("the server did not answer within 120 s");
			sleep_s(0.0005);
		}
		secs[i] = bench_now() - t0;
		rss[i] = (double)bench_proc_kb(pid, "VmRSS") / 1024.0;
		hwm[i] = (double)bench_proc_kb(pid, "VmHWM") / 1024.0;
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
		fclose(f);
	}
	bench_emit(json_pack("{s:s, s:o, s:o, s:o, s:s}", "figure", "startup",
		"seconds", bench_series(secs, runs), "rss_mb", bench_series(rss, runs),
		"peak_rss_mb", bench_series(hwm, runs),
		"what", "casework serve: fork to first HTTP answer (warm page cache), RSS then"));
	free(secs);
	free(rss);
	free(hwm);
	return 0;
}

static int64_t scalar(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int cmd_breaches(int argc, char **argv)
{
	const char *db = bench_opt(argc, argv, "db", NULL);
	const char *root = bench_opt(argc, argv, "root", "tests/reference");
	const char *sync = bench_opt(argc, argv, "sync", "full");
	double seconds = bench_opt_double(argc, argv, "seconds", 5.0);
	int normal = strcmp(sync, "normal") == 0, ready[2], status = 0, finished = 0;
	int64_t pending, first_id, last_id = 0, start_at = 0, end_at = 0;
	double t0, t_first = -1, t_end, child_rss = -1, child_hwm = -1;
	sqlite3 *reader;
	pid_t pid;
	char c;
	long verified = 0;

	if (!db)
		bench_die("breaches --db STORE --sync full|normal");
	if (sqlite3_open_v2(db, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		bench_die("reader: %s", sqlite3_errmsg(reader));
	sqlite3_busy_timeout(reader, 5000);
	pending = scalar(reader, "SELECT count(*) FROM timescales WHERE status = 'pending'");
	first_id = scalar(reader, "SELECT coalesce(max(id), 0) FROM events");
	start_at = scalar(reader, "SELECT min(due) FROM timescales WHERE status = 'pending'");
	end_at = scalar(reader, "SELECT max(due) FROM timescales WHERE status = 'pending'");
	if (pipe(ready))
		bench_die("pipe");
	pid = fork();
	if (pid == 0) {
		struct service *svc;
		struct error err = { 0 };
		int fired = 0;
		close(ready[0]);
		svc = bench_service(db, root, normal, 1, start_at - 1);
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		if (service_advance(svc, end_at + 1, &fired, &err)) {
			fprintf(stderr, "casework-bench: breaches: %s\n", err.message);
			_exit(1);
		}
		service_close(svc);
		_exit(0);
	}
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1)
		bench_die("the firing child did not start");
	t0 = bench_now();
	for (;;) {
		int64_t id;
		sleep_s(t_first < 0 ? 0.01 : 0.1);
		id = scalar(reader, "SELECT coalesce(max(id), 0) FROM events");
		if (id > first_id && t_first < 0)
			t_first = bench_now() - t0;
		if (id >= 0)
			last_id = id;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			finished = 1;
			break;
		}
		if (bench_now() - t0 >= seconds)
			break;
	}
	t_end = bench_now() - t0;
	if (!finished) {
		child_rss = (double)bench_proc_kb(pid, "VmRSS") / 1024.0;
		child_hwm = (double)bench_proc_kb(pid, "VmHWM") / 1024.0;
		/* SIGTERM (default action: it dies mid-transaction, as a crash would;
		 * under valgrind the profile is still written), then SIGKILL */
		kill(pid, SIGTERM);
		{
			double tk = bench_now();
			while (waitpid(pid, &status, WNOHANG) != pid) {
				if (bench_now() - tk > 30) {
					kill(pid, SIGKILL);
					waitpid(pid, &status, 0);
					break;
				}
				sleep_s(0.01);
			}
		}
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		bench_die("the firing child failed");
	}
	last_id = scalar(reader, "SELECT coalesce(max(id), 0) FROM events");
	{
		/* check a few breached cases: each must still replay to its view */
		struct service *svc = bench_service(db, root, 1, 1, start_at - 1);
		sqlite3_stmt *s;
		sqlite3_prepare_v2(reader, "SELECT DISTINCT case_id FROM events WHERE id > ?1 AND kind = 'timer' LIMIT 20", -1, &s, NULL);
		sqlite3_bind_int64(s, 1, first_id);
		while (sqlite3_step(s) == SQLITE_ROW) {
			struct error err = { 0 };
			json_t *r = service_replay(svc, NULL, sqlite3_column_int64(s, 0), 0, NULL, &err);
			if (!r || !json_is_true(json_object_get(r, "matches")))
				bench_die("breached case %lld does not replay", (long long)sqlite3_column_int64(s, 0));
			json_decref(r);
			verified++;
		}
		sqlite3_finalize(s);
		service_close(svc);
	}
	{
		int64_t n = last_id - first_id;
		double rate = t_end > 0 ? (double)n / t_end : 0;
		double steady = t_first >= 0 && t_end > t_first ? (double)n / (t_end - t_first) : 0;
		bench_emit(json_pack("{s:s, s:s, s:I, s:I, s:f, s:f, s:f, s:f, s:b, s:f, s:f, s:I, s:s}",
			"figure", "breaches", "sync", normal ? "NORMAL" : "FULL",
			"pending_before", (json_int_t)pending, "breaches", (json_int_t)n,
			"seconds", t_end, "first_breach_s", t_first, "per_s", rate, "per_s_after_first", steady,
			"all_done", finished, "child_rss_mb", child_rss, "child_peak_rss_mb", child_hwm,
			"replayed_ok", (json_int_t)verified,
			"what", "service_advance past every due instant (all pending due at once), breaches committed in the window"));
	}
	sqlite3_close(reader);
	return 0;
}
