/*
 * alloc.h: which allocator the process runs on, and what it holds.
 *
 * casework links jemalloc by default (as Redis does): a durable action
 * parses, changes and writes a case view of several hundred small JSON
 * nodes, and glibc's malloc spent a fifth of an action on them
 * (bench/README.md). `make ALLOC=` builds on the C library's malloc, as
 * `make check` does (the sanitizers bring their own).
 */
#ifndef CASEWORK_ALLOC_H
#define CASEWORK_ALLOC_H

#include <stddef.h>

struct alloc_stats {
	const char *name;      /* "jemalloc" or "libc" */
	char version[64];
	size_t allocated;      /* bytes the program holds */
	size_t resident;       /* bytes the allocator holds in memory (0: not known) */
};

/* The allocator's name, version and current figures. */
void alloc_stats(struct alloc_stats *out);

#endif
