/*
 * graph.c: `casework graph AUTHORITY/WORKFLOW --format dot|mermaid`: a
 * workflow's states and actions, labelled with the roles that may take them,
 * terminal states marked, and the timescales shown on the states they start in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "def.h"
#include "error.h"
#include "service.h"
#include "util.h"

static void roles_text(const struct strlist *by, char *buf, size_t len)
{
	size_t i;
	buf[0] = '\0';
	for (i = 0; i < by->n; i++)
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", i ? ", " : "", by->v[i]);
}

/*
 * Does timescale t run in state s? Its applies_in says so, or else the state
 * the case stands in right after an event that starts it ("open": the initial
 * state; "enter:s": s; an action: where that action leads, or where it is
 * taken if it stays).
 */
static int runs_in(const struct definition *d, const struct timescale_def *t, const char *s)
{
	size_t i, j;
	if (t->has_applies_in)
		return strlist_has(&t->applies_in, s);
	for (i = 0; i < t->from.n; i++) {
		const char *ev = t->from.v[i];
		const struct action_def *a;
		if (strcmp(ev, "open") == 0 && strcmp(d->initial, s) == 0)
			return 1;
		if (strncmp(ev, "enter:", 6) == 0 && strcmp(ev + 6, s) == 0)
			return 1;
		if (!(a = def_action(d, ev)))
			continue;
		if (a->to && strcmp(a->to, s) == 0)
			return 1;
		if (strlist_has(&a->targets, s))
			return 1;
		for (j = 0; !a->to && !a->targets.n && j < a->from.n; j++)
			if (strcmp(a->from.v[j], s) == 0)
				return 1;
	}
	return 0;
}

static void timescales_text(const struct definition *d, const char *s, char *buf, size_t len)
{
	size_t i;
	buf[0] = '\0';
	for (i = 0; i < d->ntimescales; i++) {
		const struct timescale_def *t = &d->timescales[i];
		char *rule;
		if (!runs_in(d, t, s))
			continue;
		rule = def_rule_text(t);
		snprintf(buf + strlen(buf), len - strlen(buf), "\\n%s: %s (L%d)", t->name, rule, t->cites);
		free(rule);
	}
}

static void emit(const struct definition *d, int mermaid)
{
	size_t i, j, k;
	char roles[512], ts[2048];
	if (mermaid)
		printf("stateDiagram-v2\n  [*] --> %s\n", d->initial);
	else
		printf("digraph \"%s\" {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
		       "  edge [fontname=\"Helvetica\", fontsize=10];\n  start [shape=point];\n  start -> \"%s\";\n",
		       d->id, d->initial);
	for (i = 0; i < d->nstates; i++) {
		const struct state_def *s = &d->states[i];
		timescales_text(d, s->name, ts, sizeof ts);
		if (mermaid) {
			if (s->terminal)
				printf("  %s --> [*]\n", s->name);
			if (ts[0]) {
				char *p;
				for (p = ts; (p = strstr(p, "\\n")); )
					memcpy(p, "; ", 2);
				printf("  note right of %s : %s\n", s->name, ts + 2);
			}
		} else {
			printf("  \"%s\" [label=\"%s (L%d)%s\"%s];\n", s->name, s->name, s->cites, ts,
			       s->terminal ? ", peripheries=2" : "");
		}
	}
	for (i = 0; i < d->nactions; i++) {
		const struct action_def *a = &d->actions[i];
		const struct strlist *targets = a->to ? &(struct strlist){ .v = (char **)&a->to, .n = 1 } : &a->targets;
		roles_text(&a->by, roles, sizeof roles);
		for (j = 0; j < a->from.n; j++) {
			for (k = 0; k < d->nstates; k++) {
				const struct state_def *s = &d->states[k];
				size_t t;
				if (strcmp(a->from.v[j], s->name) != 0 && !(strcmp(a->from.v[j], "*") == 0 && !s->terminal))
					continue;
				for (t = 0; t < targets->n; t++) {
					if (mermaid)
						printf("  %s --> %s : %s [%s]\n", s->name, targets->v[t], a->name, roles);
					else
						printf("  \"%s\" -> \"%s\" [label=\"%s\\n[%s] L%d\"];\n", s->name, targets->v[t],
						       a->name, roles, a->cites);
				}
			}
		}
	}
	if (!mermaid)
		printf("}\n");
}

int cmd_graph(int argc, char **argv)
{
	static const char *const valued[] = { "format", "root", NULL };
	const char *pos[2], *format = cli_opt(argc, argv, "format");
	int n = cli_positional(argc, argv, pos, 2, valued);
	const char *root = cli_opt(argc, argv, "root");
	struct service_options so = { .db = ":memory:", .root = root ? root : (getenv("CASEWORK_ROOT") ? getenv("CASEWORK_ROOT") : ".") };
	struct service *svc;
	struct error err = { 0 };
	struct definition *d;
	char *auth, *slash;
	int rc = 1;

	if (n != 1 || !strchr(pos[0], '/') || (format && strcmp(format, "dot") && strcmp(format, "mermaid"))) {
		fprintf(stderr, "usage: casework graph AUTHORITY/WORKFLOW [--format dot|mermaid]\n");
		return 2;
	}
	if (service_open(&so, &svc, NULL, &err)) {
		fprintf(stderr, "casework: %s\n", err.message);
		return 1;
	}
	auth = xstrdup(pos[0]);
	slash = strchr(auth, '/');
	*slash = '\0';
	d = service_definition(svc, auth, slash + 1);
	if (!d) {
		fprintf(stderr, "casework: no workflow %s\n", pos[0]);
	} else {
		emit(d, format && strcmp(format, "mermaid") == 0);
		rc = 0;
	}
	free(auth);
	service_close(svc);
	return rc;
}
