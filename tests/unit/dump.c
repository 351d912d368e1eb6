/*
 * tests/unit/dump.c: dump_json writes exactly what json_dumps writes.
 *
 * Stored views and their hashes were written by jansson and are compared
 * with replay's, so a single differing byte would report every case of an
 * old store as diverged. Checked on hand-picked edge cases (escapes, control
 * characters, code points past the BMP, the integer limits, reals) and on
 * 20,000 random documents, under all four flag combinations; and a string
 * that is not UTF-8 fails in both.
 *
 * dump_load gives what json_loads gives: on the same random documents (as
 * text, escaped and not) its fast path accepts every one and builds the same
 * value, key order included; on broken or unusual text it answers as
 * jansson does.
 *
 * dump_load_view (a view for an action to change) makes stand-ins of the
 * settled clocks and nothing else, and the view is dumped again byte for
 * byte as it was stored (5,000 random views).
 */
#include "dump.h"
#include "tap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	int ours;
	size_t theirs;
} modes[] = {
	{ 0, JSON_COMPACT | JSON_ENCODE_ANY },
	{ DUMP_ASCII, JSON_COMPACT | JSON_ENCODE_ANY | JSON_ENSURE_ASCII },
	{ DUMP_SORT_KEYS, JSON_COMPACT | JSON_ENCODE_ANY | JSON_SORT_KEYS },
	{ DUMP_SORT_KEYS | DUMP_ASCII, JSON_COMPACT | JSON_ENCODE_ANY | JSON_SORT_KEYS | JSON_ENSURE_ASCII },
};
#define NMODES (sizeof modes / sizeof *modes)

/* 1 if the two dumpers agree on v in every mode; the first difference into why. */
static int same(const json_t *v, char *why, size_t n)
{
	size_t m;
	for (m = 0; m < NMODES; m++) {
		char *a = dump_json(v, modes[m].ours), *b = json_dumps(v, modes[m].theirs);
		int eq = (!a && !b) || (a && b && strcmp(a, b) == 0);
		if (!eq)
			snprintf(why, n, "mode %zu: ours %.200s | jansson %.200s", m, a ? a : "(fail)", b ? b : "(fail)");
		free(a);
		free(b);
		if (!eq)
			return 0;
	}
	return 1;
}

static uint64_t seed = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed >> 11);
}

/* A random valid UTF-8 string: ASCII, escapes, controls, 2-, 3- and 4-byte sequences. */
static void rand_string(char *out, size_t cap)
{
	static const char *pieces[] = { "a", "Z", "0", " ", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x01",
					"\x1f", "\x7f", "\xc3\xa9", "\xc2\x80", "\xdf\xbf", "\xe2\x82\xac", "\xef\xbf\xbd",
					"\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
					"\xf0\x90\x80\x80", "key", "due_epoch", "L42" };
	size_t n = rnd() % 12, len = 0, i;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *p = pieces[rnd() % (sizeof pieces / sizeof *pieces)];
		if (len + strlen(p) + 1 >= cap)
			break;
		strcpy(out + len, p);
		len += strlen(p);
	}
}

static json_t *rand_value(int depth)
{
	char s[128];
	uint32_t k = rnd() % (depth > 4 ? 6 : 9);
	switch (k) {
	case 0: return json_null();
	case 1: return json_true();
	case 2: return json_false();
	case 3: return json_integer((json_int_t)(int64_t)((uint64_t)rnd() << 32 | rnd()) >> (rnd() % 64));
	case 4: {
		static const double reals[] = { 0.0, -0.0, 0.1, 1.0, -2.5, 1e300, 1e-300, 123456789.125, 3.0e21, 6.02214076e23 };
		return rnd() % 2 ? json_real(reals[rnd() % 10]) : json_real((double)rnd() / 7.0);
	}
	case 5: rand_string(s, sizeof s); return json_string(s);
	case 6: case 7: {
		json_t *o = json_object();
		uint32_t i, n = rnd() % 6;
		for (i = 0; i < n; i++) {
			rand_string(s, sizeof s);
			json_object_set_new(o, s, rand_value(depth + 1));
		}
		return o;
	}
	default: {
		json_t *a = json_array();
		uint32_t i, n = rnd() % 6;
		for (i = 0; i < n; i++)
			json_array_append_new(a, rand_value(depth + 1));
		return a;
	}
	}
}

/*
 * A random case view as the engine stores it: random data (whose keys may
 * be anything, "\u0001stored" and "timescales" included) and random clocks,
 * each with a key, a name, a member or null, random members and a status
 * in a random place (or none, or not an object at all).
 */
static const char *statuses[] = { "pending", "breached", "met", "met_late", "cancelled" };

static json_t *rand_view(int *settled)
{
	json_t *v = json_object(), *list = json_array(), *data = json_object();
	uint32_t i, n = rnd() % 12;
	char s[128];
	json_object_set_new(v, "id", json_integer(rnd()));
	if (rnd() % 4 == 0)   /* a user's JSON imitating a stand-in and a view */
		json_object_set_new(data, DUMP_STANDIN_KEY, json_string("{\"not\":\"a clock\"}"));
	json_object_set_new(data, "timescales", json_pack("[{s:s, s:s, s:s}]", "key", "k#1", "name", "k", "status", "met"));
	json_object_set_new(data, "more", rand_value(1));
	json_object_set_new(v, "data", data);
	*settled = 0;
	for (i = 0; i < n; i++) {
		json_t *t;
		uint32_t j, extra = rnd() % 6, at = rnd() % (extra + 2), st = rnd() % 6;
		if (rnd() % 16 == 0) {
			json_array_append_new(list, rand_value(2));
			continue;
		}
		t = json_object();
		snprintf(s, sizeof s, "clock%u#%u", i, rnd() % 3);
		json_object_set_new(t, "key", json_string(s));
		rand_string(s, sizeof s);
		json_object_set_new(t, "name", json_string(s));
		json_object_set_new(t, "member", rnd() % 2 ? json_null() : json_string("amy"));
		for (j = 0; j <= extra; j++) {
			if (j == at && st < 5)
				json_object_set_new(t, "status", json_string(statuses[st]));
			rand_string(s, sizeof s);
			if (strcmp(s, "status") && strcmp(s, "key") && strcmp(s, "name") && strcmp(s, "member"))
				json_object_set_new(t, s, rand_value(2));
		}
		json_object_set_new(t, "due_epoch", json_integer((json_int_t)rnd() * 7));
		if (json_object_get(t, "status") && st >= 2)
			(*settled)++;
		json_array_append_new(list, t);
	}
	json_object_set_new(v, "timescales", list);
	json_object_set_new(v, "chronology", rand_value(1));
	return v;
}

/* dump_load_view (dump.h): stand-ins for settled clocks, the view's text unchanged. */
static void views(void)
{
	static const char *kept[] = { "key", "name", "member", "status", "due_epoch" };
	int i, bad_text = 0, bad_count = 0, bad_fields = 0, bad_expand = 0, bad_data = 0, standins = 0;
	seed = 0x853C49E6748FEA9Bull;
	for (i = 0; i < 5000; i++) {
		int settled, found = 0;
		json_t *v = rand_view(&settled), *p, *t, *full;
		char *text = dump_json(v, DUMP_ASCII), *again, *expanded;
		size_t j, k;
		p = dump_load_view(text);
		full = dump_load(text);
		again = p ? dump_json(p, DUMP_ASCII | DUMP_VIEW) : NULL;
		if (!again || strcmp(again, text) != 0) {
			if (!bad_text++)
				printf("# view %d (%s): %s\n#  became %.300s\n", i, p ? "loaded" : "not loaded", text, again ? again : "(fail)");
		}
		json_array_foreach(json_object_get(p, "timescales"), j, t) {
			json_t *f = json_array_get(json_object_get(full, "timescales"), j);
			if (!dump_is_standin(t))
				continue;
			found++;
			for (k = 0; k < sizeof kept / sizeof *kept; k++)
				if (!json_equal(json_object_get(t, kept[k]), json_object_get(f, kept[k])) &&
				    (json_object_get(t, kept[k]) || json_object_get(f, kept[k])))
					bad_fields++;
		}
		standins += found;
		bad_count += found != settled;
		bad_data += dump_view_partial(json_object_get(p, "data")) ||
			    !json_equal(json_object_get(p, "data"), json_object_get(full, "data"));
		if (dump_view_expand(p) || !json_equal(p, full) || dump_view_partial(p) ||
		    !(expanded = dump_json(p, DUMP_ASCII)) || strcmp(expanded, text) != 0)
			bad_expand++;
		else
			free(expanded);
		free(again);
		free(text);
		json_decref(p);
		json_decref(full);
		json_decref(v);
	}
	ok(bad_text == 0, "5,000 random views loaded to change: dumped again, the same bytes (%d differ)", bad_text);
	ok(bad_count == 0 && standins > 1000, "...a stand-in for every met, met_late and cancelled clock, none else (%d stand-ins, %d views wrong)",
	   standins, bad_count);
	ok(bad_fields == 0, "...holding the clock's key, name, member, status and due_epoch (%d differ)", bad_fields);
	ok(bad_data == 0, "...and a user's JSON is never taken for one, wherever it says '\\u0001stored' or 'timescales' (%d)", bad_data);
	ok(bad_expand == 0, "...expanded, the very view dump_load gives (%d differ)", bad_expand);
	{
		json_t *v = dump_load_view("{\"timescales\":[{\"key\":\"a#1\",\"name\":\"a\",\"status\":\"met\",\"due_epoch\":1}]}");
		char *sorted = dump_json(v, DUMP_VIEW | DUMP_ASCII | DUMP_SORT_KEYS), *utf8 = dump_json(v, DUMP_VIEW);
		ok(dump_view_partial(v) && !sorted && !utf8, "a view with stand-ins is only written as stored: ASCII, insertion order");
		free(sorted);
		free(utf8);
		json_decref(v);
	}
	{
		/* text the stand-in scanner does not take (a non-ASCII byte) is parsed in full */
		json_t *v = dump_load_view("{\"timescales\":[{\"key\":\"a#1\",\"what\":\"caf\xc3\xa9\",\"status\":\"met\"}]}");
		ok(v && !dump_view_partial(v) && json_object_get(json_array_get(json_object_get(v, "timescales"), 0), "what"),
		   "a clock the scanner does not expect is parsed in full");
		json_decref(v);
	}
}

int main(void)
{
	char why[512] = "";
	int i, bad = 0;
	static const char *docs[] = {
		"{}", "[]", "\"\"", "0", "-9223372036854775808", "9223372036854775807", "1.0", "0.1", "-0.0",
		"1e300", "[1e-7, 2.5e+20, 100000000000000000000.0]",
		"{\"b\":1,\"a\":{\"d\":[],\"c\":{}},\"\":null}",
		"\"\\u0000 \\u001f \\u007f / \\\\ \\\" \\b\\f\\n\\r\\t\"",
		"\"caf\\u00e9 \\u20ac \\ud83d\\ude00 \\udbff\\udfff\"",
		"{\"z\\u00e9\":1,\"z\":2,\"Z\":3,\"\\ud83d\\ude00\":4}",
	};
	for (i = 0; i < (int)(sizeof docs / sizeof *docs); i++) {
		json_t *v = json_loads(docs[i], JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
		ok(v && same(v, why, sizeof why), "edge case %.60s %.300s", docs[i], v ? why : "(did not parse)");
		json_decref(v);
	}
	for (i = 0; i < 20000; i++) {
		json_t *v = rand_value(0);
		if (!same(v, why, sizeof why) && !bad++)
			printf("# random document %d differs: %s\n", i, why);
		json_decref(v);
	}
	ok(bad == 0, "20,000 random documents, 4 modes: the same bytes as json_dumps (%d differ)", bad);

	/* parsing */
	{
		int refused = 0, differ = 0;
		seed = 0x2545F4914F6CDD1Dull;
		for (i = 0; i < 20000; i++) {
			json_t *v = rand_value(0);
			char *text = dump_json(v, i % 2 ? DUMP_ASCII : 0);
			json_t *ours = dump_load_fast(text), *theirs = json_loads(text, JSON_DECODE_ANY, NULL);
			char *a = ours ? dump_json(ours, 0) : NULL, *b = theirs ? dump_json(theirs, 0) : NULL;
			if (!ours && !refused++)
				printf("# fast path refused: %.300s\n", text);
			else if (ours && (!b || strcmp(a, b) != 0) && !differ++)
				printf("# differs: %.200s | %.200s\n", a, b ? b : "(jansson refused)");
			free(a);
			free(b);
			free(text);
			json_decref(ours);
			json_decref(theirs);
			json_decref(v);
		}
		ok(refused == 0, "parsing 20,000 random documents: the fast path takes every one (%d left to jansson)", refused);
		ok(differ == 0, "...and builds what json_loads builds, key order and types included (%d differ)", differ);
	}
	{
		static const char *texts[] = {
			"", " ", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10",
			"1.5e3", "-0", "-0.0", "1E-2", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
			"1e999", "\"\\u0000\"", "\"\\udc00\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\x\"",
			"\"a\tb\"", "\"\xff\"", "\"\xc0\x80\"", "tru", "nul", "falsey", "[] []", "{\"a\":1,\"a\":2}",
			"{\"\\u0000\":1}", " {\"k\" : [ true , false , null ] } ", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
			"\"\\uD83D\\uDE00\"", "[[[[[[[[[[]]]]]]]]]]",
		};
		int differ = 0;
		for (i = 0; i < (int)(sizeof texts / sizeof *texts); i++) {
			json_t *ours = dump_load(texts[i]), *theirs = json_loads(texts[i], JSON_DECODE_ANY, NULL);
			char *a = ours ? dump_json(ours, DUMP_ASCII) : NULL, *b = theirs ? dump_json(theirs, DUMP_ASCII) : NULL;
			if (!((!a && !b) || (a && b && strcmp(a, b) == 0)) && !differ++)
				printf("# %s: ours %s, jansson %s\n", texts[i], a ? a : "(refused)", b ? b : "(refused)");
			free(a);
			free(b);
			json_decref(ours);
			json_decref(theirs);
		}
		ok(differ == 0, "%d broken or unusual texts: dump_load answers as json_loads does (%d differ)",
		   (int)(sizeof texts / sizeof *texts), differ);
	}
	{
		/* jansson's depth limit counts every value, scalars too: 2,048 arrays hold nothing more */
		static char deep[2 * 2100 + 2];
		static const struct { int n; const char *inner; } d[] = {
			{ 2100, "" }, { 2048, "" }, { 2048, "1" }, { 2047, "1" }, { 2049, "" },
		};
		size_t k;
		for (k = 0; k < sizeof d / sizeof *d; k++) {
			size_t n = (size_t)d[k].n, m = strlen(d[k].inner);
			json_t *ours, *theirs;
			memset(deep, '[', n);
			memcpy(deep + n, d[k].inner, m);
			memset(deep + n + m, ']', n);
			deep[2 * n + m] = '\0';
			ours = dump_load_fast(deep);
			theirs = json_loads(deep, JSON_DECODE_ANY, NULL);
			ok(!ours == !theirs, "nesting %d deep around '%s': %s, as json_loads", d[k].n, d[k].inner,
			   theirs ? "accepted" : "refused");
			json_decref(ours);
			json_decref(theirs);
		}
	}
	{
		json_t *v = json_pack("{s:o}", "k", json_stringn_nocheck("\xff\xfe", 2));
		ok(!dump_json(v, 0) && !json_dumps(v, JSON_COMPACT), "a string that is not UTF-8: both refuse it");
		json_decref(v);
	}
	views();
	return done_testing();
}
