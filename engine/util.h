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

#endif
