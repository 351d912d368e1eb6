/*
 * alloc.c: the allocator's figures for /metrics (see alloc.h). With
 * jemalloc they come from mallctl (refreshed by its "epoch"), under
 * AddressSanitizer from its allocator, with the C library from mallinfo2.
 */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CASEWORK_ASAN 1   /* clang says so this way */
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(CASEWORK_ASAN)
#define CASEWORK_ASAN 1   /* gcc this way */
#endif

#if defined(CASEWORK_ASAN)
/* from <sanitizer/allocator_interface.h>, which Debian's gcc does not install */
size_t __sanitizer_get_current_allocated_bytes(void);

/* Under AddressSanitizer (make check) its allocator serves every malloc. */
void alloc_stats(struct alloc_stats *out)
{
	memset(out, 0, sizeof *out);
	out->name = "asan";
	snprintf(out->version, sizeof out->version, "%s", __VERSION__);   /* the compiler that brought it */
	out->allocated = __sanitizer_get_current_allocated_bytes();
	out->resident = 0;
}

#elif defined(CASEWORK_JEMALLOC)
#include <jemalloc/jemalloc.h>

static size_t ctl_size(const char *name)
{
	size_t v = 0, len = sizeof v;
	return mallctl(name, &v, &len, NULL, 0) == 0 ? v : 0;
}

void alloc_stats(struct alloc_stats *out)
{
	const char *version = NULL;
	size_t len = sizeof version;
	uint64_t epoch = 1;
	size_t elen = sizeof epoch;
	memset(out, 0, sizeof *out);
	out->name = "jemalloc";
	if (mallctl("version", (void *)&version, &len, NULL, 0) == 0 && version)
		snprintf(out->version, sizeof out->version, "%s", version);
	mallctl("epoch", &epoch, &elen, &epoch, elen);   /* the stats are a snapshot taken at each epoch */
	out->allocated = ctl_size("stats.allocated");
	out->resident = ctl_size("stats.resident");
}

#else
#include <gnu/libc-version.h>
#include <malloc.h>

void alloc_stats(struct alloc_stats *out)
{
	struct mallinfo2 mi = mallinfo2();
	memset(out, 0, sizeof *out);
	out->name = "libc";
	snprintf(out->version, sizeof out->version, "glibc %s", gnu_get_libc_version());
	out->allocated = mi.uordblks + mi.hblkhd;
	out->resident = 0;
}
#endif
