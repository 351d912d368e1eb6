/*
 * dump.c: compact JSON text, byte for byte jansson's (see dump.h).
 *
 * Must never: differ from json_dumps by a byte for the flags it accepts.
 * Reals are rare in views and have the subtlest formatting, so they are
 * left to jansson itself.
 */
#include "dump.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct buf {
	char *p;
	size_t n, cap;
};

static void grow(struct buf *b, size_t more)
{
	if (b->n + more + 1 > b->cap) {
		while (b->n + more + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 256;
		b->p = xrealloc(b->p, b->cap);
	}
}

static void put(struct buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void putc1(struct buf *b, char c)
{
	grow(b, 1);
	b->p[b->n++] = c;
}

/*
 * One UTF-8 sequence at s (n bytes left): its length, and the code point
 * in *cp; 0 if it is not UTF-8 as jansson checks it (overlong forms,
 * surrogates and code points past U+10FFFF are refused).
 */
static size_t utf8_next(const unsigned char *s, size_t n, int32_t *cp)
{
	size_t len, i;
	int32_t v;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000))
		return 0;
	*cp = v;
	return len;
}

static int put_string(struct buf *b, const char *str, size_t len, int ascii)
{
	const unsigned char *s = (const unsigned char *)str, *run = s, *end = s + len;
	putc1(b, '"');
	while (s < end) {
		int32_t cp;
		size_t k;
		const char *esc = NULL;
		char seq[13];
		if (*s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\') {
			s++;
			continue;
		}
		k = utf8_next(s, (size_t)(end - s), &cp);
		if (!k)
			return -1;
		if (cp >= 0x80 && !ascii) {
			s += k;
			continue;
		}
		put(b, (const char *)run, (size_t)(s - run));
		switch (cp) {
		case '\\': esc = "\\\\"; break;
		case '"': esc = "\\\""; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		default:
			if (cp < 0x10000) {
				snprintf(seq, sizeof seq, "\\u%04X", (unsigned int)cp);
			} else {
				int32_t c = cp - 0x10000;
				snprintf(seq, sizeof seq, "\\u%04X\\u%04X", (unsigned int)(0xD800 | ((c & 0xffc00) >> 10)),
					 (unsigned int)(0xDC00 | (c & 0x003ff)));
			}
			esc = seq;
		}
		put(b, esc, strlen(esc));
		s += k;
		run = s;
	}
	put(b, (const char *)run, (size_t)(s - run));
	putc1(b, '"');
	return 0;
}

static int cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int put_value(struct buf *b, const json_t *v, int flags);

static int put_member(struct buf *b, const char *key, const json_t *value, int flags, int first)
{
	if (!first)
		putc1(b, ',');
	if (put_string(b, key, strlen(key), flags & DUMP_ASCII))
		return -1;
	putc1(b, ':');
	return put_value(b, value, flags);
}

static int put_object(struct buf *b, const json_t *v, int flags)
{
	const char *key;
	json_t *value;
	size_t n = json_object_size(v), i = 0;
	int rc = 0;
	putc1(b, '{');
	if (flags & DUMP_SORT_KEYS && n > 1) {
		const char **keys = xmalloc(n * sizeof *keys);
		json_object_foreach((json_t *)v, key, value)
			keys[i++] = key;
		qsort(keys, n, sizeof *keys, cmp_keys);
		for (i = 0; i < n && rc == 0; i++)
			rc = put_member(b, keys[i], json_object_get(v, keys[i]), flags, i == 0);
		free(keys);
	} else {
		json_object_foreach((json_t *)v, key, value) {
			if (put_member(b, key, value, flags, i++ == 0))
				return -1;
		}
	}
	putc1(b, '}');
	return rc;
}

static int put_value(struct buf *b, const json_t *v, int flags)
{
	char num[32];
	size_t i;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return put_object(b, v, flags);
	case JSON_ARRAY:
		putc1(b, '[');
		for (i = 0; i < json_array_size(v); i++) {
			if (i)
				putc1(b, ',');
			if (put_value(b, json_array_get(v, i), flags))
				return -1;
		}
		putc1(b, ']');
		return 0;
	case JSON_STRING:
		return put_string(b, json_string_value(v), json_string_length(v), flags & DUMP_ASCII);
	case JSON_INTEGER: {
		/* digits backwards: snprintf was a tenth of a view's dump */
		json_int_t x = json_integer_value(v);
		uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
		char *e = num + sizeof num, *p = e;
		do {
			*--p = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		if (x < 0)
			*--p = '-';
		put(b, p, (size_t)(e - p));
		return 0;
	}
	case JSON_REAL: {
		char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (!text)
			return -1;
		put(b, text, strlen(text));
		free(text);
		return 0;
	}
	case JSON_TRUE:
		put(b, "true", 4);
		return 0;
	case JSON_FALSE:
		put(b, "false", 5);
		return 0;
	case JSON_NULL:
		put(b, "null", 4);
		return 0;
	}
	return -1;
}

char *dump_json(const json_t *v, int flags)
{
	struct buf b = { 0 };
	if (!v || put_value(&b, v, flags)) {
		free(b.p);
		return NULL;
	}
	grow(&b, 0);
	b.p[b.n] = '\0';
	return b.p;
}
