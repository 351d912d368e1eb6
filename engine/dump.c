/*
 * dump.c: compact JSON text, byte for byte jansson's (see dump.h).
 *
 * Must never: differ from json_dumps by a byte for the flags it accepts, or
 * accept text json_loads would refuse, or give a value it would not. Reals
 * are rare in views and have the subtlest formatting, so dumping them is
 * left to jansson itself; the parser hands anything unusual to json_loads.
 */
#include "dump.h"

#include <errno.h>
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
 * Past the plain bytes from p: printable ASCII, neither a quote nor a
 * backslash (most of a view's strings, whole), eight at a time while it can:
 * a byte-by-byte loop was a third of parsing a view. A word holds a byte to
 * stop at if one of its bytes is zero after xor with '"' or '\\', is below
 * 0x20, or has its top bit set (the bit tricks are exact about whether there
 * is one, which is all this asks); the loop after finds which.
 */
static const char *plain_run(const char *p, const char *end)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	while (end - p >= 8) {
		uint64_t x, q, b;
		memcpy(&x, p, 8);
		q = x ^ (ones * '"');
		b = x ^ (ones * '\\');
		if ((((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x) | x) & highs)
			break;
		p += 8;
	}
	while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x80 && *p != '"' && *p != '\\')
		p++;
	return p;
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
	while ((s = (const unsigned char *)plain_run((const char *)s, (const char *)end)) < end) {
		int32_t cp;
		size_t k;
		const char *esc = NULL;
		char seq[13];
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

/*
 * A view's "timescales" (DUMP_VIEW): a stand-in (dump_load_view) is written
 * as the clock's text as stored. Only there: a stand-in is recognised by the
 * place the engine put it, not by anything a user's JSON could imitate.
 */
static int put_clocks(struct buf *b, const json_t *list, int flags, int first)
{
	size_t i;
	if (!first)
		putc1(b, ',');
	put(b, "\"timescales\":[", 14);
	for (i = 0; i < json_array_size(list); i++) {
		const json_t *t = json_array_get(list, i);
		if (i)
			putc1(b, ',');
		if (dump_is_standin(t)) {
			const json_t *text = json_object_get(t, DUMP_STANDIN_KEY);
			if (!json_is_string(text))
				return -1;
			put(b, json_string_value(text), json_string_length(text));
		} else if (put_value(b, t, flags & ~DUMP_VIEW)) {
			return -1;
		}
	}
	putc1(b, ']');
	return 0;
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
			rc = put_member(b, keys[i], json_object_get(v, keys[i]), flags & ~DUMP_VIEW, i == 0);
		free(keys);
	} else {
		json_object_foreach((json_t *)v, key, value) {
			if ((flags & DUMP_VIEW) && strcmp(key, "timescales") == 0 && json_is_array(value)) {
				if (put_clocks(b, value, flags, i++ == 0))
					return -1;
			} else if (put_member(b, key, value, flags & ~DUMP_VIEW, i++ == 0)) {
				return -1;
			}
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
			if (put_value(b, json_array_get(v, i), flags & ~DUMP_VIEW))
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
	if ((flags & DUMP_VIEW) && (flags & (DUMP_SORT_KEYS | DUMP_ASCII)) != DUMP_ASCII)
		return NULL;   /* a stand-in's text is ASCII and in insertion order */
	if (!v || put_value(&b, v, flags)) {
		free(b.p);
		return NULL;
	}
	grow(&b, 0);
	b.p[b.n] = '\0';
	return b.p;
}

/* --- the parser --------------------------------------------------------------- */

struct in {
	const char *p, *end;
	int depth;
	char *tmp;                /* unescaped strings */
	size_t cap;
	int view;                 /* dump_load_view: settled timescales become stand-ins */
};

static void skip_ws(struct in *in)
{
	while (in->p < in->end && (*in->p == ' ' || *in->p == '\n' || *in->p == '\r' || *in->p == '\t'))
		in->p++;
}

static int hex4(const char *p, int32_t *out)
{
	int32_t v = 0;
	int i;
	for (i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *o, int32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A string at in->p (past its opening quote), unescaped into in->tmp; its length, or -1. */
static long get_string(struct in *in)
{
	size_t n = 0;
	const char *q = plain_run(in->p, in->end);
	if (q < in->end && *q == '"') {
		/* no escape and nothing past ASCII: a copy, without the loop below */
		n = (size_t)(q - in->p);
		if (in->cap < n + 8) {
			in->cap = n + 256;
			in->tmp = xrealloc(in->tmp, in->cap);
		}
		memcpy(in->tmp, in->p, n);
		in->p = q + 1;
		return (long)n;
	}
	for (;;) {
		const char *s = in->p;
		unsigned char c;
		if (in->cap < n + 8) {
			in->cap = in->cap ? 2 * in->cap : 256;
			in->tmp = xrealloc(in->tmp, in->cap);
			continue;
		}
		if (s >= in->end)
			return -1;
		c = (unsigned char)*s;
		if (c == '"') {
			in->p = s + 1;
			return (long)n;
		}
		if (c < 0x20)
			return -1;
		if (c == '\\') {
			int32_t cp;
			if (s + 1 >= in->end)
				return -1;
			switch (s[1]) {
			case '"': in->tmp[n++] = '"'; in->p = s + 2; continue;
			case '\\': in->tmp[n++] = '\\'; in->p = s + 2; continue;
			case '/': in->tmp[n++] = '/'; in->p = s + 2; continue;
			case 'b': in->tmp[n++] = '\b'; in->p = s + 2; continue;
			case 'f': in->tmp[n++] = '\f'; in->p = s + 2; continue;
			case 'n': in->tmp[n++] = '\n'; in->p = s + 2; continue;
			case 'r': in->tmp[n++] = '\r'; in->p = s + 2; continue;
			case 't': in->tmp[n++] = '\t'; in->p = s + 2; continue;
			case 'u':
				if (s + 6 > in->end || hex4(s + 2, &cp) || cp == 0)
					return -1;   /* \u0000: jansson's to refuse */
				s += 6;
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					int32_t lo;
					if (s + 6 > in->end || s[0] != '\\' || s[1] != 'u' || hex4(s + 2, &lo) ||
					    lo < 0xDC00 || lo > 0xDFFF)
						return -1;
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					s += 6;
				} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
					return -1;
				}
				n += put_utf8(in->tmp + n, cp);
				in->p = s;
				continue;
			default:
				return -1;
			}
		}
		if (c < 0x80) {
			in->tmp[n++] = (char)c;
			in->p = s + 1;
		} else {
			int32_t cp;
			size_t k = utf8_next((const unsigned char *)s, (size_t)(in->end - s), &cp);
			if (!k)
				return -1;
			memcpy(in->tmp + n, s, k);
			n += k;
			in->p = s + k;
		}
	}
}

static json_t *get_value(struct in *in);
static json_t *get_clocks(struct in *in);

/* Past a '{' or '[': -1 if nested too deep (jansson's to refuse), 1 if it closes at once, else 0. */
static int open_container(struct in *in, char close)
{
	if (++in->depth > 2048)
		return -1;
	in->p++;
	skip_ws(in);
	if (in->p < in->end && *in->p == close) {
		in->p++;
		in->depth--;
		return 1;
	}
	return 0;
}

/* After a member or element: 1 for another (past the ','), 0 at the close (past it), -1 otherwise. */
static int next_or_close(struct in *in, char close)
{
	skip_ws(in);
	if (in->p < in->end && *in->p == ',') {
		in->p++;
		return 1;
	}
	if (in->p < in->end && *in->p == close) {
		in->p++;
		in->depth--;
		return 0;
	}
	return -1;
}

/* An array at in->p ('['), each element read by get_item. */
static json_t *get_array(struct in *in, json_t *(*get_item)(struct in *))
{
	json_t *v;
	int empty = open_container(in, ']');
	if (empty < 0)
		return NULL;
	v = json_array();
	if (empty)
		return v;
	for (;;) {
		json_t *item = get_item(in);
		int rc;
		if (!item || json_array_append_new(v, item) || (rc = next_or_close(in, ']')) < 0)
			break;
		if (rc == 0)
			return v;
	}
	json_decref(v);
	return NULL;
}

static json_t *get_number(struct in *in)
{
	const char *s = in->p, *q = s;
	int real = 0;
	char buf[64];
	if (*q == '-')
		q++;
	if (q >= in->end || *q < '0' || *q > '9' || (*q == '0' && q + 1 < in->end && q[1] >= '0' && q[1] <= '9'))
		return NULL;
	while (q < in->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' || *q == '+' || *q == '-')) {
		if (*q == '.' || *q == 'e' || *q == 'E')
			real = 1;
		q++;
	}
	if ((size_t)(q - s) >= sizeof buf)
		return NULL;
	memcpy(buf, s, (size_t)(q - s));
	buf[q - s] = '\0';
	in->p = q;
	if (!real) {
		char *e;
		long long v;
		errno = 0;
		v = strtoll(buf, &e, 10);
		if (errno || *e)
			return NULL;   /* past 64 bits: jansson's error */
		return json_integer(v);
	}
	{
		/* strict JSON grammar for reals, as jansson's lexer checks it */
		const char *r = buf + (buf[0] == '-');
		char *e;
		double d;
		while (*r >= '0' && *r <= '9')
			r++;
		if (*r == '.') {
			if (!(r[1] >= '0' && r[1] <= '9'))
				return NULL;
			for (r++; *r >= '0' && *r <= '9'; r++)
				;
		}
		if (*r == 'e' || *r == 'E') {
			r++;
			if (*r == '+' || *r == '-')
				r++;
			if (!(*r >= '0' && *r <= '9'))
				return NULL;
			while (*r >= '0' && *r <= '9')
				r++;
		}
		if (*r)
			return NULL;
		errno = 0;
		d = strtod(buf, &e);
		if (errno || *e)
			return NULL;
		return json_real(d);
	}
}

static json_t *get_value(struct in *in)
{
	json_t *v;
	skip_ws(in);
	if (in->p >= in->end || in->depth + 1 > 2048)
		return NULL;   /* jansson counts every value, scalars too, against its 2,048 */
	switch (*in->p) {
	case '{': {
		int empty = open_container(in, '}');
		if (empty < 0)
			return NULL;
		v = json_object();
		if (empty)
			return v;
		for (;;) {
			long n;
			char small[128], *key;
			json_t *item;
			int rc;
			skip_ws(in);
			if (in->p >= in->end || *in->p != '"')
				break;
			in->p++;
			if ((n = get_string(in)) < 0)
				break;
			/* the value's strings reuse in->tmp: keep the key */
			key = (size_t)n < sizeof small ? small : xmalloc((size_t)n + 1);
			memcpy(key, in->tmp, (size_t)n);
			key[n] = '\0';
			skip_ws(in);
			if (in->p >= in->end || *in->p != ':') {
				if (key != small)
					free(key);
				break;
			}
			in->p++;
			item = in->view && in->depth == 1 && strcmp(key, "timescales") == 0 ? get_clocks(in) : get_value(in);
			/* a repeated key replaces the value in its first place, as in json_loads */
			rc = !item || json_object_set_new_nocheck(v, key, item);
			if (key != small)
				free(key);
			if (rc || (rc = next_or_close(in, '}')) < 0)
				break;
			if (rc == 0)
				return v;
		}
		json_decref(v);
		return NULL;
	}
	case '[':
		return get_array(in, get_value);
	case '"': {
		long n;
		in->p++;
		if ((n = get_string(in)) < 0)
			return NULL;
		return json_stringn_nocheck(in->tmp, (size_t)n);
	}
	case 't':
		if (in->end - in->p >= 4 && memcmp(in->p, "true", 4) == 0) {
			in->p += 4;
			return json_true();
		}
		return NULL;
	case 'f':
		if (in->end - in->p >= 5 && memcmp(in->p, "false", 5) == 0) {
			in->p += 5;
			return json_false();
		}
		return NULL;
	case 'n':
		if (in->end - in->p >= 4 && memcmp(in->p, "null", 4) == 0) {
			in->p += 4;
			return json_null();
		}
		return NULL;
	default:
		return get_number(in);
	}
}

/* --- a view to change: settled timescales as stand-ins (dump.h) ---------------- */

/*
 * Past one value at in->p without building it: 0, or -1 for anything the
 * full parser should see instead (the caller falls back to it). Stored views
 * are ASCII (DUMP_ASCII), so a byte past 0x7F in a string is sent there too.
 */
static int skip_value(struct in *in)
{
	int depth = 0;
	skip_ws(in);
	do {
		if (in->p >= in->end)
			return -1;
		switch (*in->p) {
		case '"':
			for (in->p = plain_run(in->p + 1, in->end); in->p < in->end && *in->p != '"';
			     in->p = plain_run(in->p, in->end)) {
				if (*in->p != '\\' || in->p + 1 >= in->end)
					return -1;   /* a control or non-ASCII byte, or a cut escape */
				in->p += 2;
			}
			if (in->p >= in->end)
				return -1;
			in->p++;
			break;
		case '{':
		case '[':
			depth++;
			in->p++;
			break;
		case '}':
		case ']':
			depth--;
			in->p++;
			break;
		case ',':
		case ':':
		case ' ':
		case '\n':
		case '\r':
		case '\t':
			if (!depth)
				return -1;
			in->p++;
			break;
		default: {
			const char *q = in->p;
			while (in->p < in->end && ((*in->p >= '0' && *in->p <= '9') || (*in->p >= 'a' && *in->p <= 'z') ||
						   *in->p == '-' || *in->p == '+' || *in->p == '.' || *in->p == 'E'))
				in->p++;
			if (in->p == q)
				return -1;
		}
		}
	} while (depth > 0);
	return depth == 0 ? 0 : -1;
}

static int settled(const char *status)
{
	return status && (strcmp(status, "met") == 0 || strcmp(status, "met_late") == 0 ||
			  strcmp(status, "cancelled") == 0);
}

/*
 * The timescale at in->p as a stand-in if its status is settled; otherwise
 * (or on anything unexpected) NULL, with in->p where it was, for the full
 * parser. Only the members an action reads of a settled clock are built.
 */
static json_t *settled_clock(struct in *in)
{
	static const char *const kept[] = { "key", "name", "member", "status", "due_epoch" };
	const char *start = in->p;
	int depth = in->depth;
	json_t *stand;
	if (open_container(in, '}') != 0) {
		in->p = start;
		in->depth = depth;
		return NULL;
	}
	stand = json_object();
	json_object_set_new_nocheck(stand, DUMP_STANDIN_KEY, json_null());   /* first: dump_json looks there */
	for (;;) {
		long n;
		size_t i;
		int want = 0, rc;
		char key[16];
		skip_ws(in);
		if (in->p >= in->end || *in->p != '"')
			break;
		in->p++;
		if ((n = get_string(in)) < 0)
			break;
		if ((size_t)n < sizeof key) {
			memcpy(key, in->tmp, (size_t)n);
			key[n] = '\0';
			for (i = 0; i < sizeof kept / sizeof *kept; i++)
				want |= strcmp(key, kept[i]) == 0;
		}
		skip_ws(in);
		if (in->p >= in->end || *in->p != ':')
			break;
		in->p++;
		if (want) {
			json_t *item = get_value(in);
			if (!item || json_object_set_new_nocheck(stand, key, item))
				break;
		} else if (skip_value(in)) {
			break;
		}
		if ((rc = next_or_close(in, '}')) < 0)
			break;
		if (rc == 0) {
			if (!settled(json_string_value(json_object_get(stand, "status"))))
				break;
			json_object_set_new_nocheck(stand, DUMP_STANDIN_KEY,
						    json_stringn_nocheck(start, (size_t)(in->p - start)));
			return stand;
		}
	}
	json_decref(stand);
	in->p = start;
	in->depth = depth;
	return NULL;
}

/* An element of the view's "timescales": a stand-in if it is a settled clock, else in full. */
static json_t *get_clock(struct in *in)
{
	json_t *item;
	skip_ws(in);
	item = in->p < in->end && *in->p == '{' ? settled_clock(in) : NULL;
	return item ? item : get_value(in);
}

/* The view's "timescales" array: settled clocks as stand-ins, the others in full. */
static json_t *get_clocks(struct in *in)
{
	skip_ws(in);
	if (in->p >= in->end || *in->p != '[' || in->depth + 1 > 2048)
		return get_value(in);
	return get_array(in, get_clock);
}

int dump_is_standin(const json_t *v)
{
	void *it = json_is_object(v) ? json_object_iter((json_t *)v) : NULL;
	return it && strcmp(json_object_iter_key(it), DUMP_STANDIN_KEY) == 0 &&
	       json_is_string(json_object_iter_value(it));
}

/* The fast path of dump_load (view: of dump_load_view); NULL where json_loads is to answer. */
static json_t *load(const char *text, int view)
{
	struct in in = { 0 };
	json_t *v;
	if (!text)
		return NULL;
	in.p = text;
	in.end = text + strlen(text);
	in.view = view;
	v = get_value(&in);
	skip_ws(&in);
	if (v && in.p != in.end) {
		json_decref(v);
		v = NULL;
	}
	free(in.tmp);
	return v;
}

json_t *dump_load_view(const char *text)
{
	json_t *v = load(text, 1);
	return v ? v : dump_load(text);
}

int dump_view_partial(const json_t *view)
{
	size_t i;
	json_t *t;
	json_array_foreach(json_object_get(view, "timescales"), i, t)
		if (dump_is_standin(t))
			return 1;
	return 0;
}

int dump_view_expand(json_t *view)
{
	json_t *t, *list;
	size_t i;
	if (!dump_view_partial(view))
		return 0;
	list = json_array();   /* a new array: the old one may be shared (the view cache) */
	json_array_foreach(json_object_get(view, "timescales"), i, t) {
		json_t *full = dump_is_standin(t) ? dump_load(json_string_value(json_object_get(t, DUMP_STANDIN_KEY)))
						  : json_incref(t);
		if (!full) {
			json_decref(list);
			return -1;
		}
		json_array_append_new(list, full);
	}
	return json_object_set_new(view, "timescales", list);
}

json_t *dump_load_fast(const char *text)
{
	return load(text, 0);
}

json_t *dump_load(const char *text)
{
	json_t *v = dump_load_fast(text);
	return v || !text ? v : json_loads(text, JSON_DECODE_ANY, NULL);
}
