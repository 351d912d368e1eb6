/*
 * cli.c: the authors' and operators' commands (run, lint, calendar, user);
 * the auditors' are in cli_audit.c, serve in server.c, graph in graph.c. Each parses
 * its options, calls the service, and prints for a person (or JSON with
 * --json). Exit status: 0 ok, 1 the thing checked failed, 2 usage.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "def.h"
#include "error.h"
#include "scenario.h"
#include "script.h"
#include "service.h"
#include "store.h"
#include "util.h"

#define DEFAULT_DB "var/casework.db"

const char *cli_opt(int argc, char **argv, const char *name)
{
	int i;
	size_t n = strlen(name);
	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || strncmp(argv[i] + 2, name, n) != 0)
			continue;
		if (argv[i][2 + n] == '=')
			return argv[i] + 3 + n;
		if (argv[i][2 + n] == '\0' && i + 1 < argc)
			return argv[i + 1];
	}
	return NULL;
}

int cli_flag(int argc, char **argv, const char *name)
{
	int i;
	for (i = 1; i < argc; i++)
		if (strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i] + 2, name) == 0)
			return 1;
	return 0;
}

int cli_positional(int argc, char **argv, const char **out, int max, const char *const *valued)
{
	int i, n = 0;
	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) == 0) {
			const char *const *v;
			for (v = valued; v && *v; v++)
				if (strcmp(argv[i] + 2, *v) == 0)
					i++;
			continue;
		}
		if (n < max)
			out[n++] = argv[i];
	}
	return n;
}

const char *cli_root(int argc, char **argv)
{
	const char *r = cli_opt(argc, argv, "root");
	if (!r)
		r = getenv("CASEWORK_ROOT");
	return r ? r : ".";
}

const char *cli_db(int argc, char **argv)
{
	const char *d = cli_opt(argc, argv, "db");
	return d ? d : DEFAULT_DB;
}

static void print_diag(const json_t *diag)
{
	size_t i;
	json_t *d;
	json_array_foreach(diag, i, d)
		fprintf(stderr, "%s\n", json_string_value(d));
}

struct service *cli_service(int argc, char **argv, const char *db, int quiet)
{
	struct service_options so = { .db = db, .root = cli_root(argc, argv) };
	struct service *svc;
	struct error err = { 0 };
	json_t *diag = json_array();
	if (service_open(&so, &svc, diag, &err)) {
		print_diag(diag);
		fprintf(stderr, "casework: %s\n", err.message);
		svc = NULL;
	} else if (!quiet) {
		print_diag(diag);
	}
	json_decref(diag);
	return svc;
}

/* --- run --------------------------------------------------------------------- */

struct cov {
	char **seen;
	size_t n;
};

static void cov_add(void *ctx, const char *kind, const char *a, const char *b)
{
	struct cov *c = ctx;
	char *key = xasprintf("%s %s %s", kind, a ? a : "", b ? b : "");
	size_t i;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->seen[i], key) == 0) {
			free(key);
			return;
		}
	c->seen = xrealloc(c->seen, (c->n + 1) * sizeof *c->seen);
	c->seen[c->n++] = key;
}

static int cov_has(const struct cov *c, const char *kind, const char *a, const char *b)
{
	char key[512];
	size_t i;
	snprintf(key, sizeof key, "%s %s %s", kind, a, b);
	for (i = 0; i < c->n; i++)
		if (strcmp(c->seen[i], key) == 0)
			return 1;
	return 0;
}

/* Print, per workflow, what the scenarios exercised and what none did. */
static int cov_report(const struct cov *c, int argc, char **argv)
{
	struct service *svc = cli_service(argc, argv, ":memory:", 1);
	const struct authority *a;
	size_t ai, wi, i;
	int missing_total = 0;
	if (!svc)
		return 1;
	printf("# coverage (actions, states, timescale outcomes exercised by these scenarios)\n");
	for (ai = 0; (a = service_authority_at(svc, ai)); ai++) {
		for (wi = 0; wi < a->workflows.n; wi++) {
			struct definition *d = service_definition(svc, a->id, a->workflows.v[wi]);
			int na = 0, ns = 0, nt = 0, ma = 0, ms = 0, mt = 0;
			char missing[8192] = "";
			if (!d)
				continue;
			for (i = 0; i < d->nactions; i++, na++)
				if (cov_has(c, "action", d->id, d->actions[i].name))
					ma++;
				else
					snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "#     action %s\n", d->actions[i].name);
			for (i = 0; i < d->nstates; i++, ns++)
				if (cov_has(c, "state", d->id, d->states[i].name))
					ms++;
				else
					snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "#     state %s\n", d->states[i].name);
			for (i = 0; i < d->ntimescales; i++) {
				char met[256], late[256], br[256];
				int any_met, any_breach;
				snprintf(met, sizeof met, "%s:met", d->timescales[i].name);
				snprintf(late, sizeof late, "%s:met_late", d->timescales[i].name);
				snprintf(br, sizeof br, "%s:breached", d->timescales[i].name);
				any_met = cov_has(c, "timescale", d->id, met);
				any_breach = cov_has(c, "timescale", d->id, br) || cov_has(c, "timescale", d->id, late);
				nt += 2;
				mt += any_met + any_breach;
				if (!any_met)
					snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "#     timescale %s met\n", d->timescales[i].name);
				if (!any_breach)
					snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "#     timescale %s breached\n", d->timescales[i].name);
			}
			if (ms == 0)
				continue;   /* no scenario of this run opened a case of it */
			printf("# %s/%s: actions %d/%d, states %d/%d, timescale outcomes %d/%d\n", a->id, d->id,
			       ma, na, ms, ns, mt, nt);
			if (missing[0])
				printf("#   not exercised:\n%s", missing);
			missing_total += (na - ma) + (nt - mt);
		}
	}
	service_close(svc);
	return missing_total;
}

int cmd_run(int argc, char **argv)
{
	static const char *const valued[] = { "db", "root", "only", NULL };
	const char *files[1024];
	int n = cli_positional(argc, argv, files, 1024, valued), rc;
	struct scenario_options opt = { .root = cli_root(argc, argv), .db = cli_opt(argc, argv, "db"),
					.only = cli_opt(argc, argv, "only"),
					.verbose = cli_flag(argc, argv, "verbose") };
	struct cov c = { 0 };
	struct scenario_coverage sc = { cov_add, &c };
	size_t i;
	if (n == 0) {
		fprintf(stderr, "usage: casework run SCENARIO.lua... [--db FILE] [--root DIR] [--only TEXT] [--coverage]\n");
		return 2;
	}
	rc = scenario_run(&opt, files, n, &sc);
	if (cli_flag(argc, argv, "coverage"))
		cov_report(&c, argc, argv);
	for (i = 0; i < c.n; i++)
		free(c.seen[i]);
	free(c.seen);
	return rc;
}

/* --- lint -------------------------------------------------------------------- */

int cmd_lint(int argc, char **argv)
{
	static const char *const valued[] = { "root", NULL };
	const char *files[1024];
	int n = cli_positional(argc, argv, files, 1024, valued), i, errors = 0;
	json_t *diag = json_array();
	struct strlist roles = { 0 };
	struct authority *last = NULL;
	struct error err = { 0 };
	size_t k;
	json_t *d;

	if (n == 0) {
		/* every authority and workflow under root */
		struct service *svc;
		struct service_options so = { .db = ":memory:", .root = cli_root(argc, argv) };
		if (service_open(&so, &svc, diag, &err))
			errors++;
		service_close(svc);
	}
	for (i = 0; i < n; i++) {
		size_t len;
		char *text = util_read_file(files[i], &len);
		if (!text) {
			json_array_append_new(diag, json_sprintf("%s:0: error: cannot read the file", files[i]));
			errors++;
			continue;
		}
		if (strstr(files[i], "authorities/")) {
			struct authority *a = script_load_authority(files[i], text, len, diag, &err);
			if (!a) {
				errors++;
			} else {
				authority_free(last);
				last = a;
				roles = a->roles;
			}
		} else {
			struct definition *def = script_load_definition(files[i], text, len,
									 last ? &roles : NULL, diag, &err);
			if (!def)
				errors++;
			def_free(def);
		}
		free(text);
	}
	json_array_foreach(diag, k, d) {
		printf("%s\n", json_string_value(d));
		if (strstr(json_string_value(d), ": error: "))
			errors++;
	}
	authority_free(last);
	json_decref(diag);
	return errors ? 1 : 0;
}

/* --- calendar ----------------------------------------------------------------- */

int cmd_calendar(int argc, char **argv)
{
	static const char *const valued[] = { "authority", "root", NULL };
	const char *pos[4];
	int n = cli_positional(argc, argv, pos, 4, valued), date, count, out, i;
	enum calendar_unit unit;
	const char *auth = cli_opt(argc, argv, "authority");
	struct calendar cal = { 0 };
	struct authority *a = NULL;
	char buf[11], *end;
	int skipped[64], ns;

	if (n != 3 || pos[1][0] != '+') {
		fprintf(stderr, "usage: casework calendar DATE +N working-days|days|weeks|months [--authority A]\n");
		return 2;
	}
	if (calendar_parse_date(pos[0], &date)) {
		fprintf(stderr, "casework: '%s' is not a date (YYYY-MM-DD)\n", pos[0]);
		return 2;
	}
	count = (int)strtol(pos[1] + 1, &end, 10);
	if (*end || count < 0 || count > 100000) {
		fprintf(stderr, "casework: '%s' is not +N with N a whole number\n", pos[1]);
		return 2;
	}
	if (calendar_parse_unit(pos[2], &unit) || unit == UNIT_HOURS) {
		fprintf(stderr, "casework: unit must be working-days, days, weeks or months, not '%s'\n", pos[2]);
		return 2;
	}
	if (auth) {
		char *path = xasprintf("%s/authorities/%s.lua", cli_root(argc, argv), auth);
		size_t len;
		char *text = util_read_file(path, &len);
		struct error err = { 0 };
		if (text)
			a = script_load_authority(path, text, len, NULL, &err);
		free(text);
		free(path);
		if (!a) {
			fprintf(stderr, "casework: no authority '%s'\n", auth);
			return 2;
		}
		cal = a->cal;
	}
	switch (unit) {
	case UNIT_WORKING_DAYS: out = calendar_add_working_days(&cal, date, count); break;
	case UNIT_DAYS: out = date + count; break;
	case UNIT_WEEKS: out = date + 7 * count; break;
	default: out = calendar_add_months(date, count); break;
	}
	calendar_format_date(out, buf);
	printf("%s\n", buf);
	if (unit == UNIT_WORKING_DAYS) {
		ns = calendar_skipped(&cal, date, out, skipped, 64);
		for (i = 0; i < ns && i < 64; i++) {
			calendar_format_date(skipped[i], buf);
			fprintf(stderr, "skipped %s (%s)\n", buf, calendar_is_bank_holiday(skipped[i]) ? "bank holiday" : "closure day");
		}
	}
	authority_free(a);
	return 0;
}

/* --- user --------------------------------------------------------------------- */

int cmd_user(int argc, char **argv)
{
	const char *auth = cli_opt(argc, argv, "authority"), *role = cli_opt(argc, argv, "role");
	const char *name = cli_opt(argc, argv, "name"), *team = cli_opt(argc, argv, "team");
	struct service *svc;
	struct error err = { 0 };
	const struct authority *a;
	json_t *roles;
	char token[65], *copy, *tok, *save;
	int64_t id;
	int rc = 1;

	if (argc < 2 || strcmp(argv[1], "add") != 0 || !auth || !role || !name) {
		fprintf(stderr, "usage: casework user add --authority A --role R[,R...] --name N [--team T] [--db FILE]\n");
		return 2;
	}
	svc = cli_service(argc, argv, cli_db(argc, argv), 1);
	if (!svc)
		return 1;
	a = service_authority(svc, auth);
	roles = json_array();
	copy = xstrdup(role);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (a && !strlist_has(&a->roles, tok)) {
			fprintf(stderr, "casework: %s has no role '%s'\n", auth, tok);
			goto done;
		}
		json_array_append_new(roles, json_string(tok));
	}
	if (!a) {
		fprintf(stderr, "casework: no authority '%s'\n", auth);
		goto done;
	}
	if (team && !strlist_has(&a->teams, team)) {
		fprintf(stderr, "casework: %s has no team '%s'\n", auth, team);
		goto done;
	}
	if (store_user_add(service_store(svc), auth, name, roles, team, NULL, 0, token, &id, &err)) {
		fprintf(stderr, "casework: %s\n", err.message);
		goto done;
	}
	printf("user %lld %s (%s) in %s\ntoken %s\n(the token is shown once; only its hash is stored)\n",
	       (long long)id, name, role, auth, token);
	rc = 0;
done:
	free(copy);
	json_decref(roles);
	service_close(svc);
	return rc;
}

