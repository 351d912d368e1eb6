/*
 * util.h: allocation that never returns NULL (out-of-memory aborts: there is
 * nothing sensible a case engine can do half-way through a transaction without
 * memory), and small string helpers.
 */
#ifndef CASEWORK_UTIL_H
#define CASEWORK_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);          /* caller owns the copy; NULL stays NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read a whole file; caller owns the buffer (NUL-terminated). NULL on error. */
char *util_read_file(const char *path, size_t *len);

/* Lowercase hex of n bytes into out (2n+1 bytes). */
void util_hex(const unsigned char *in, size_t n, char *out);

/* Hashes, randomness and secrets: libcrypto (SHA-256 with the CPU's SHA extensions where it has them). */
#define UTIL_SHA256_BYTES 32
void util_sha256(const void *data, size_t n, unsigned char out[UTIL_SHA256_BYTES]);
/* SHA-256 of the parts, one after another (NULL-terminated list of NUL-terminated strings). */
void util_sha256_parts(unsigned char out[UTIL_SHA256_BYTES], const char *first, ...);
/* n cryptographically random bytes; aborts if there is no randomness (nothing is safe then). */
void util_random(unsigned char *out, size_t n);
/* Constant-time comparison of n bytes: 1 if equal. */
int util_secret_equal(const void *a, const void *b, size_t n);
/* Wipe a secret from memory (not optimised away). */
void util_wipe(void *p, size_t n);
/* Milliseconds on the monotonic clock (for durations: a stepped wall clock does not move it). */
double util_monotonic_ms(void);
/* A positive id written in decimal digits only (a path segment, a query value); 0 if s is not one. */
int64_t util_id(const char *s);

#endif
