/*
 * util.c: xmalloc and friends. Owns nothing; aborts on out-of-memory.
 */
#include "util.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void oom(size_t n)
{
	fprintf(stderr, "casework: out of memory allocating %zu bytes\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p;
	if (!s)
		return NULL;
	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *util_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, used = 0, got;

	if (!f)
		return NULL;
	do {
		if (cap - used < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + used, 1, cap - used - 1, f);
		used += got;
	} while (got > 0);
	if (ferror(f)) {
		free(buf);
		buf = NULL;
	} else {
		buf[used] = '\0';
		if (len)
			*len = used;
	}
	fclose(f);
	return buf;
}

void util_hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;
	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

void util_sha256(const void *data, size_t n, unsigned char out[UTIL_SHA256_BYTES])
{
	if (!EVP_Digest(data, n, out, NULL, EVP_sha256(), NULL))
		abort();   /* libcrypto without SHA-256: nothing can be verified */
}

void util_sha256_parts(unsigned char out[UTIL_SHA256_BYTES], const char *first, ...)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	const char *p;
	va_list ap;
	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
		abort();
	va_start(ap, first);
	for (p = first; p; p = va_arg(ap, const char *))
		EVP_DigestUpdate(ctx, p, strlen(p));
	va_end(ap);
	if (!EVP_DigestFinal_ex(ctx, out, NULL))
		abort();
	EVP_MD_CTX_free(ctx);
}

void util_random(unsigned char *out, size_t n)
{
	if (RAND_bytes(out, (int)n) != 1)
		abort();
}

int util_secret_equal(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}

void util_wipe(void *p, size_t n)
{
	OPENSSL_cleanse(p, n);
}

int64_t util_id(const char *s)
{
	size_t i, n = s ? strlen(s) : 0;
	if (n == 0 || n > 18)
		return 0;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return strtoll(s, NULL, 10);
}

double util_monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}
