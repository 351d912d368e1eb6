/*
 * tap.h: the few TAP primitives the C unit tests need (prove reads them).
 * Header-only; each test binary includes it once.
 */
#ifndef CASEWORK_TAP_H
#define CASEWORK_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static int tap_ok(int cond, const char *name)
{
	tap_n++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, name);
	if (!cond)
		tap_failed++;
	return cond;
}

#define ok(cond, ...) do { char tap_buf_[512]; snprintf(tap_buf_, sizeof tap_buf_, __VA_ARGS__); tap_ok(!!(cond), tap_buf_); } while (0)
#define is_int(got, want, ...) do { long long g_ = (long long)(got), w_ = (long long)(want); char tap_buf_[512]; \
	snprintf(tap_buf_, sizeof tap_buf_, __VA_ARGS__); \
	if (!tap_ok(g_ == w_, tap_buf_)) printf("#   got: %lld\n#   expected: %lld\n", g_, w_); } while (0)
#define is_str(got, want, ...) do { const char *g_ = (got), *w_ = (want); char tap_buf_[512]; \
	snprintf(tap_buf_, sizeof tap_buf_, __VA_ARGS__); \
	if (!tap_ok(g_ && w_ && strcmp(g_, w_) == 0, tap_buf_)) printf("#   got: '%s'\n#   expected: '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } while (0)

static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
