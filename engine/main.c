/*
 * main.c: the casework binary. Only wires the command table to cli.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *usage;
} commands[] = {
	{ "serve", cmd_serve, "serve [--db FILE] [--listen 127.0.0.1:8080] [--clock real|virtual] [--start INSTANT] [--demo] [--root DIR] [--assets DIR] [--wal-reserve MB]" },
	{ "run", cmd_run, "run SCENARIO... [--db FILE] [--root DIR] [--only TEXT] [--coverage]" },
	{ "lint", cmd_lint, "lint [FILE...] [--root DIR]" },
	{ "graph", cmd_graph, "graph AUTHORITY/WORKFLOW [--format dot|mermaid] [--root DIR]" },
	{ "calendar", cmd_calendar, "calendar DATE +N working-days|days|weeks|months [--authority A] [--root DIR]" },
	{ "user", cmd_user, "user add --authority A --role R[,R...] --name N [--team T] [--db FILE]" },
	{ "replay", cmd_replay, "replay CASE [--as-of DATE] [--definition FILE] [--json] [--db FILE]" },
	{ "verify", cmd_verify, "verify [--db FILE] [--authority A]" },
	{ "explain", cmd_explain, "explain CASE TIMESCALE [--db FILE]" },
	{ "chronology", cmd_chronology, "chronology CASE [--db FILE]" },
	{ "versions", cmd_versions, "versions AUTHORITY/WORKFLOW [--db FILE]" },
	{ "migrate", cmd_migrate, "migrate CASE... --to VERSION --reason TEXT [--map OLD=NEW,...] [--apply] [--db FILE]" },
	{ "report", cmd_report, "report timeliness --authority A [--from DATE] [--to DATE] [--csv] [--db FILE]" },
};

static int usage(FILE *out)
{
	size_t i;
	fprintf(out, "usage: casework COMMAND ...\n");
	for (i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  casework %s\n", commands[i].usage);
	return out == stderr ? 2 : 0;
}

int main(int argc, char **argv)
{
	size_t i;
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return usage(stdout);
	for (i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "casework: unknown command '%s'\n", argv[1]);
	return usage(stderr);
}
