/*
 * scenario.h: running scenario files (`casework run`); see docs/authoring.md.
 */
#ifndef CASEWORK_SCENARIO_H
#define CASEWORK_SCENARIO_H

struct scenario_options {
	const char *root;         /* where authorities/ and workflows/ are */
	const char *db;           /* keep the resulting store here (NULL: in memory) */
	const char *only;         /* print only passing lines containing this */
	int verbose;
};

/* What the scenarios exercised: kind is state, action, record, refusal or timescale. */
struct scenario_coverage {
	void (*add)(void *ctx, const char *kind, const char *a, const char *b);
	void *ctx;
};

/* Run files, printing TAP to stdout; 0 if every test passed. cov may be NULL. */
int scenario_run(const struct scenario_options *opt, const char **files, int nfiles,
		 struct scenario_coverage *cov);

#endif
