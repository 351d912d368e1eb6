/*
 * cli.h: the casework commands. Each is `int cmd_<name>(int argc, char **argv)`
 * returning the process exit status; main.c lists them in one table.
 */
#ifndef CASEWORK_CLI_H
#define CASEWORK_CLI_H

int cmd_serve(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_chronology(int argc, char **argv);
int cmd_versions(int argc, char **argv);
int cmd_migrate(int argc, char **argv);

struct service;
/* --root (or $CASEWORK_ROOT, or "."), --db (or var/casework.db). */
const char *cli_root(int argc, char **argv);
const char *cli_db(int argc, char **argv);
/* Open the service at db for a command; prints diagnostics; NULL on failure. */
struct service *cli_service(int argc, char **argv, const char *db, int quiet);

/* Look for --name VALUE (or --name=VALUE) in argv; NULL if absent. */
const char *cli_opt(int argc, char **argv, const char *name);
/* Is --name present? */
int cli_flag(int argc, char **argv, const char *name);
/* The positional arguments (not options or their values), into out; returns the count. */
int cli_positional(int argc, char **argv, const char **out, int max, const char *const *valued);

#endif
