/*
 * cli_audit.c: the auditors' commands: replay (as of a date, what-if),
 * verify, explain, chronology, report, versions and migrate. Each parses its
 * options, calls the service, and prints for a person (or JSON with --json).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "report.h"
#include "service.h"
#include "store.h"
#include "util.h"

/* --- replay, verify, explain --------------------------------------------------- */

static void print_timeline(const json_t *report)
{
	json_t *step, *t;
	size_t i, j;
	json_array_foreach(json_object_get(report, "timeline"), i, step) {
		printf("%3lld  %s  %-6s %-28s %-18s -> %s%s%s\n",
		       (long long)json_integer_value(json_object_get(step, "seq")),
		       json_string_value(json_object_get(step, "at")),
		       json_string_value(json_object_get(step, "kind")),
		       json_string_value(json_object_get(step, "name")),
		       json_is_string(json_object_get(step, "role")) ? json_string_value(json_object_get(step, "role")) : "(engine)",
		       json_is_string(json_object_get(step, "state")) ? json_string_value(json_object_get(step, "state")) : "?",
		       json_object_get(step, "refused") ? "  REFUSED: " : "",
		       json_object_get(step, "refused") ? json_string_value(json_object_get(step, "refused")) : "");
		json_array_foreach(json_object_get(step, "timescales"), j, t) {
			const char *st = json_string_value(json_object_get(t, "status"));
			if (strcmp(st, "cancelled") == 0)
				continue;
			printf("       %-40s %-9s due %s (L%lld)\n", json_string_value(json_object_get(t, "key")), st,
			       json_string_value(json_object_get(t, "due")),
			       (long long)json_integer_value(json_object_get(t, "line")));
		}
	}
}

/*
 * What-if over a whole authority: every case of the workflow FILE defines,
 * replayed under it; a summary of refused actions and moved deadlines.
 */
static int whatif_authority(int argc, char **argv, const char *auth, const char *defp)
{
	struct service *svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	struct case_filter f = { .authority = auth };
	json_t *ids, *id;
	size_t i;
	int cases = 0, affected = 0, refused = 0, moved = 0, breaches = 0;
	const char *wf = strrchr(defp, '/');
	char workflow[128];
	if (!svc)
		return 1;
	snprintf(workflow, sizeof workflow, "%s", wf ? wf + 1 : defp);
	if (strstr(workflow, ".lua"))
		*strstr(workflow, ".lua") = '\0';
	f.workflow = workflow;
	ids = store_case_ids(service_store(svc), &f, NULL);
	json_array_foreach(ids, i, id) {
		struct error err = { 0 };
		json_t *rep = service_replay(svc, auth, json_integer_value(id), 0, defp, &err), *x;
		size_t j;
		int r, m = 0;
		if (!rep) {
			fprintf(stderr, "casework: case %lld: %s\n", (long long)json_integer_value(id), err.message);
			continue;
		}
		cases++;
		r = (int)json_array_size(json_object_get(rep, "refused"));
		json_array_foreach(json_object_get(rep, "timescales_changed"), j, x) {
			m++;
			if (json_is_string(json_object_get(x, "replayed_status")) &&
			    strcmp(json_string_value(json_object_get(x, "replayed_status")), "breached") == 0 &&
			    strcmp(json_string_value(json_object_get(x, "stored_status")), "breached") != 0)
				breaches++;
		}
		if (r || m) {
			affected++;
			printf("case %lld: %d action(s) would be refused, %d timescale(s) change\n",
			       (long long)json_integer_value(id), r, m);
		}
		refused += r;
		moved += m;
		json_decref(rep);
	}
	printf("%s/%s under %s: %d cases replayed, %d affected; %d actions would be refused; "
	       "%d timescales change, %d of them become breaches\n", auth, workflow, defp, cases, affected, refused, moved, breaches);
	json_decref(ids);
	service_close(svc);
	return 0;
}

int cmd_replay(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", "as-of", "definition", "authority", NULL };
	const char *pos[2], *as_of_s = cli_opt(argc, argv, "as-of"), *defp = cli_opt(argc, argv, "definition");
	int n = cli_positional(argc, argv, pos, 2, valued), rc = 1;
	int64_t as_of = 0, id;
	struct service *svc;
	struct error err = { 0 };
	json_t *rep;
	char *end;

	if (n == 0 && defp && cli_opt(argc, argv, "authority"))
		return whatif_authority(argc, argv, cli_opt(argc, argv, "authority"), defp);
	if (n != 1) {
		fprintf(stderr, "usage: casework replay CASE [--as-of DATE] [--definition FILE] [--json] [--db FILE]\n"
				"       casework replay --authority A --definition FILE   (what-if over every case of that workflow)\n");
		return 2;
	}
	id = strtoll(pos[0], &end, 10);
	if (*end || id <= 0 || (as_of_s && calendar_parse_until(as_of_s, &as_of))) {
		fprintf(stderr, "casework: CASE is a case number and --as-of a date or instant\n");
		return 2;
	}
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	rep = service_replay(svc, NULL, id, as_of, defp, &err);
	if (!rep) {
		fprintf(stderr, "casework: %s\n", err.message);
	} else if (cli_flag(argc, argv, "json")) {
		char *text = json_dumps(rep, JSON_INDENT(2) | JSON_SORT_KEYS);
		printf("%s\n", text);
		free(text);
		rc = defp || as_of || json_is_true(json_object_get(rep, "matches")) ? 0 : 1;
	} else {
		printf("case %lld: %lld events, definition %.12s%s\n", (long long)id,
		       (long long)json_integer_value(json_object_get(rep, "events")),
		       json_string_value(json_object_get(rep, "definition")), as_of_s ? " (as of " : "");
		if (as_of_s)
			printf("%s)\n", as_of_s);
		print_timeline(rep);
		if (defp) {
			json_t *x;
			size_t i;
			printf("what-if under %s:\n", defp);
			json_array_foreach(json_object_get(rep, "refused"), i, x)
				printf("  event %lld %s would now be refused: %s\n",
				       (long long)json_integer_value(json_object_get(x, "seq")),
				       json_string_value(json_object_get(x, "name")), json_string_value(json_object_get(x, "message")));
			json_array_foreach(json_object_get(rep, "timescales_changed"), i, x)
				printf("  %s: %s %s -> %s %s\n", json_string_value(json_object_get(x, "key")),
				       json_string_value(json_object_get(x, "stored_status")), json_string_value(json_object_get(x, "stored_due")),
				       json_string_value(json_object_get(x, "replayed_status")),
				       json_is_string(json_object_get(x, "replayed_due")) ? json_string_value(json_object_get(x, "replayed_due")) : "-");
			rc = 0;
		} else if (as_of) {
			rc = 0;
		} else if (json_is_true(json_object_get(rep, "matches"))) {
			printf("replay matches the store; hash chain intact\n");
			rc = 0;
		} else {
			char *d = json_dumps(json_object_get(rep, "divergence"), JSON_ENCODE_ANY | JSON_COMPACT);
			char *c = json_dumps(json_object_get(rep, "chain_problem"), JSON_ENCODE_ANY | JSON_COMPACT);
			printf("DIVERGENCE: %s\nCHAIN: %s\n", d ? d : "none", c ? c : "intact");
			if (json_object_get(rep, "note"))
				printf("NOTE: %s\n", json_string_value(json_object_get(rep, "note")));
			free(d);
			free(c);
		}
	}
	json_decref(rep);
	service_close(svc);
	return rc;
}

int cmd_verify(int argc, char **argv)
{
	struct service *svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	struct error err = { 0 };
	json_t *rep, *f;
	size_t i;
	int rc = 1;
	if (!svc)
		return 1;
	rep = service_verify(svc, cli_opt(argc, argv, "authority"), &err);
	if (!rep) {
		fprintf(stderr, "casework: %s\n", err.message);
	} else {
		json_array_foreach(json_object_get(rep, "failures"), i, f) {
			char *text = json_dumps(f, JSON_COMPACT);
			printf("case %lld: FAILED %s\n", (long long)json_integer_value(json_object_get(f, "case")), text);
			free(text);
		}
		printf("%lld cases, %lld events verified: %s\n", (long long)json_integer_value(json_object_get(rep, "cases")),
		       (long long)json_integer_value(json_object_get(rep, "events")),
		       json_is_true(json_object_get(rep, "ok")) ? "ok" : "FAILED");
		rc = json_is_true(json_object_get(rep, "ok")) ? 0 : 1;
	}
	json_decref(rep);
	service_close(svc);
	return rc;
}

int cmd_explain(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", NULL };
	const char *pos[2];
	int n = cli_positional(argc, argv, pos, 2, valued), rc = 1;
	struct service *svc;
	struct error err = { 0 };
	json_t *view, *t;
	size_t i;

	if (n != 2) {
		fprintf(stderr, "usage: casework explain CASE TIMESCALE [--db FILE]\n");
		return 2;
	}
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	view = store_case_view(service_store(svc), NULL, strtoll(pos[0], NULL, 10), &err);
	if (!view) {
		fprintf(stderr, "casework: %s\n", err.message);
		goto done;
	}
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		json_t *anchor = json_object_get(t, "anchor"), *x;
		size_t j;
		if (strcmp(json_string_value(json_object_get(t, "key")), pos[1]) != 0 &&
		    strcmp(json_string_value(json_object_get(t, "name")), pos[1]) != 0)
			continue;
		printf("%s: %s\n", json_string_value(json_object_get(t, "key")), json_string_value(json_object_get(t, "what")));
		printf("  status     %s\n", json_string_value(json_object_get(t, "status")));
		printf("  due        %s (%s, 23:59:59 Europe/London for day units)\n",
		       json_string_value(json_object_get(t, "due")), json_string_value(json_object_get(t, "due_date")));
		printf("  rule       %s, procedure line L%lld\n", json_string_value(json_object_get(t, "rule")),
		       (long long)json_integer_value(json_object_get(t, "line")));
		printf("  anchor     event %lld (%s) at %s\n", (long long)json_integer_value(json_object_get(anchor, "seq")),
		       json_string_value(json_object_get(anchor, "event")), json_string_value(json_object_get(anchor, "at")));
		printf("  calendar   England and Wales bank holidays and the authority's closure days, Europe/London");
		json_array_foreach(json_object_get(t, "skipped"), j, x)
			printf("%s%s", j ? ", " : "; skipped ", json_string_value(x));
		printf("\n  definition %s\n", json_string_value(json_object_get(t, "definition")));
		json_array_foreach(json_object_get(t, "extensions"), j, x)
			printf("  extended   to %s by user %lld (%s) on %s: %s\n", json_string_value(json_object_get(x, "until")),
			       (long long)json_integer_value(json_object_get(x, "by")), json_string_value(json_object_get(x, "role")),
			       json_string_value(json_object_get(x, "at")), json_string_value(json_object_get(x, "reason")));
		if (json_object_get(t, "note"))
			printf("  note       %s\n", json_string_value(json_object_get(t, "note")));
		rc = 0;
	}
	if (rc)
		fprintf(stderr, "casework: case %s has no timescale %s\n", pos[0], pos[1]);
done:
	json_decref(view);
	service_close(svc);
	return rc;
}

/* --- reports ------------------------------------------------------------------ */

int cmd_chronology(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", NULL };
	const char *pos[1];
	struct service *svc;
	struct error err = { 0 };
	json_t *c, *e;
	size_t i;
	int rc = 1;
	if (cli_positional(argc, argv, pos, 1, valued) != 1) {
		fprintf(stderr, "usage: casework chronology CASE [--db FILE]\n");
		return 2;
	}
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	c = report_chronology(svc, NULL, strtoll(pos[0], NULL, 10), &err);
	if (!c) {
		fprintf(stderr, "casework: %s\n", err.message);
	} else {
		json_array_foreach(json_object_get(c, "chronology"), i, e)
			printf("%s  %-60s %s%s%s\n", json_string_value(json_object_get(e, "at")),
			       json_string_value(json_object_get(e, "what")), json_string_value(json_object_get(e, "who")),
			       json_is_string(json_object_get(e, "role")) ? ", " : "",
			       json_is_string(json_object_get(e, "role")) ? json_string_value(json_object_get(e, "role")) : "");
		rc = 0;
	}
	json_decref(c);
	service_close(svc);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	const char *auth = cli_opt(argc, argv, "authority"), *from = cli_opt(argc, argv, "from"), *to = cli_opt(argc, argv, "to");
	struct service *svc;
	struct error err = { 0 };
	int64_t f = 0, t = 0;
	int date, rc = 1;
	json_t *rep, *r;
	size_t i;

	if (argc < 2 || strcmp(argv[1], "timeliness") != 0 || !auth ||
	    (from && calendar_parse_date(from, &date)) || (to && calendar_parse_date(to, &date))) {
		fprintf(stderr, "usage: casework report timeliness --authority A [--from DATE] [--to DATE] [--csv] [--db FILE]\n");
		return 2;
	}
	if (from && calendar_parse_date(from, &date) == 0)
		f = calendar_local_instant(date, 0, 0, 0);
	if (to && calendar_parse_date(to, &date) == 0)
		t = calendar_local_instant(date, 23, 59, 59);
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	rep = report_timeliness(svc, auth, f, t, &err);
	if (!rep) {
		fprintf(stderr, "casework: %s\n", err.message);
	} else if (cli_flag(argc, argv, "csv")) {
		char *csv = report_timeliness_csv(rep);
		fputs(csv, stdout);
		free(csv);
		rc = 0;
	} else {
		printf("%-22s %-34s %5s %5s %5s %5s %5s %8s %8s\n", "workflow", "timescale", "met", "late", "breach", "open",
		       "cancl", "median", "p90");
		json_array_foreach(json_object_get(rep, "rows"), i, r)
			printf("%-22s %-34s %5lld %5lld %5lld %5lld %5lld %8lld %8lld\n",
			       json_string_value(json_object_get(r, "workflow")), json_string_value(json_object_get(r, "timescale")),
			       (long long)json_integer_value(json_object_get(r, "met")),
			       (long long)json_integer_value(json_object_get(r, "met_late")),
			       (long long)json_integer_value(json_object_get(r, "breached")),
			       (long long)json_integer_value(json_object_get(r, "pending")),
			       (long long)json_integer_value(json_object_get(r, "cancelled")),
			       (long long)json_integer_value(json_object_get(r, "lateness_median_working_days")),
			       (long long)json_integer_value(json_object_get(r, "lateness_p90_working_days")));
		printf("(lateness in working days: met-late clocks to when met, breached ones to today)\n");
		rc = 0;
	}
	json_decref(rep);
	service_close(svc);
	return rc;
}

/* --- definition versions ------------------------------------------------------- */

int cmd_versions(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", NULL };
	const char *pos[1];
	struct service *svc;
	json_t *list, *v;
	char *auth, *slash;
	size_t i;
	if (cli_positional(argc, argv, pos, 1, valued) != 1 || !strchr(pos[0], '/')) {
		fprintf(stderr, "usage: casework versions AUTHORITY/WORKFLOW [--db FILE]\n");
		return 2;
	}
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	auth = xstrdup(pos[0]);
	slash = strchr(auth, '/');
	*slash = '\0';
	list = store_definition_versions(service_store(svc), auth, slash + 1);
	json_array_foreach(list, i, v)
		printf("%s  %s%s\n", json_string_value(json_object_get(v, "hash")), json_string_value(json_object_get(v, "path")),
		       json_is_true(json_object_get(v, "current")) ? "  (current: new cases open under it)" : "");
	json_decref(list);
	free(auth);
	service_close(svc);
	return 0;
}

int cmd_migrate(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", "to", "map", "reason", NULL };
	const char *pos[256], *to = cli_opt(argc, argv, "to"), *map_s = cli_opt(argc, argv, "map");
	const char *reason = cli_opt(argc, argv, "reason");
	int n = cli_positional(argc, argv, pos, 256, valued), i, rc = 0, apply = cli_flag(argc, argv, "apply");
	struct service *svc;
	json_t *map = json_object();
	char *copy, *tok, *save;

	if (n == 0 || !to || !reason) {
		fprintf(stderr, "usage: casework migrate CASE... --to VERSION --reason TEXT [--map OLD=NEW,...] [--apply] [--db FILE]\n"
				"(without --apply it previews: which state each case moves to and which due dates move)\n");
		json_decref(map);
		return 2;
	}
	copy = xstrdup(map_s ? map_s : "");
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		if (!eq) {
			fprintf(stderr, "casework: --map takes OLD=NEW pairs, not '%s'\n", tok);
			free(copy);
			json_decref(map);
			return 2;
		}
		*eq = '\0';
		json_object_set_new(map, tok, json_string(eq + 1));
	}
	free(copy);
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc) {
		json_decref(map);
		return 1;
	}
	for (i = 0; i < n; i++) {
		struct error err = { 0 };
		json_t *rep = NULL, *t;
		size_t j;
		if (service_migrate(svc, strtoll(pos[i], NULL, 10), to, map, reason, apply, &rep, &err)) {
			fprintf(stderr, "casework: case %s: %s\n", pos[i], err.message);
			rc = 1;
			continue;
		}
		printf("case %s: %.12s -> %.12s, state %s -> %s%s\n", pos[i],
		       json_string_value(json_object_get(rep, "from")), json_string_value(json_object_get(rep, "to")),
		       json_string_value(json_object_get(json_object_get(rep, "state"), "from")),
		       json_string_value(json_object_get(json_object_get(rep, "state"), "to")), apply ? " (applied)" : " (preview)");
		json_array_foreach(json_object_get(rep, "timescales"), j, t)
			printf("  %-40s %s -> %s%s%s\n", json_string_value(json_object_get(t, "key")),
			       json_string_value(json_object_get(t, "from_due")),
			       json_is_string(json_object_get(t, "to_due")) ? json_string_value(json_object_get(t, "to_due")) : "-",
			       strcmp(json_string_value(json_object_get(t, "status")) ? json_string_value(json_object_get(t, "status")) : "", "pending") ? "  " : "",
			       strcmp(json_string_value(json_object_get(t, "status")) ? json_string_value(json_object_get(t, "status")) : "", "pending") ? json_string_value(json_object_get(t, "status")) : "");
		json_decref(rep);
	}
	json_decref(map);
	service_close(svc);
	return rc;
}
