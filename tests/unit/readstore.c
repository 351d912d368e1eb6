/*
 * readstore.c: the read log's own file. Reads wait unindexed and are folded
 * into the index by case, the oldest first, sorted by case; a case's reads
 * come back in the order they were logged however the folds fall between
 * them; the file is beside the store, named after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "readstore.h"
#include "tap.h"

/* "user@at user@at ..." */
static void text(struct readstore *rs, int64_t case_id, char *out, size_t cap)
{
	struct error err = { 0 };
	json_t *list = readstore_reads(rs, case_id, &err), *r;
	size_t i, len = 0;
	out[0] = '\0';
	json_array_foreach(list, i, r)
		len += (size_t)snprintf(out + len, len < cap ? cap - len : 0, "%s%lld@%lld", i ? " " : "",
					(long long)json_integer_value(json_array_get(r, 0)),
					(long long)json_integer_value(json_array_get(r, 1)));
	json_decref(list);
}

int main(void)
{
	char dir[] = "/tmp/casework-unit-readstore-XXXXXX", store[200], file[300], got[512], cmd[300];
	struct error err = { 0 };
	struct readstore *rs;
	const struct read_entry first[] = { { 1, 1, 101 }, { 2, 2, 102 }, { 1, 3, 103 }, { 2, 4, 104 }, { 1, 5, 105 } };
	const struct read_entry then[] = { { 2, 6, 106 }, { 1, 7, 107 } };

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(store, sizeof store, "%s/cases.db", dir);
	snprintf(file, sizeof file, "%s-reads", store);
	rs = readstore_open(store, &err);
	if (!tap_ok(rs != NULL, "the read log opens"))
		return done_testing();
	ok(access(file, F_OK) == 0, "in its own file beside the store, named after it");
	ok(readstore_write(rs, first, 5, &err) == 0, "five reads of two cases written");
	is_int(readstore_waiting(rs), 5, "they wait for a fold");
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105", "case 1's reads, in order, before any fold");
	ok(readstore_fold(rs, 2, &err) == 0, "the oldest two folded");
	is_int(readstore_waiting(rs), 3, "three wait");
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105", "case 1 reads the same across the fold");
	text(rs, 2, got, sizeof got);
	is_str(got, "2@102 4@104", "case 2 too");
	ok(readstore_write(rs, then, 2, &err) == 0, "two more");
	ok(readstore_fold(rs, 1000, &err) == 0 && readstore_waiting(rs) == 0, "the rest folded, sorted by case");
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105 7@107", "case 1: every read in the order it was logged");
	text(rs, 2, got, sizeof got);
	is_str(got, "2@102 4@104 6@106", "case 2: the same");
	text(rs, 3, got, sizeof got);
	is_str(got, "", "a case nobody read: none");
	ok(readstore_fold(rs, 1000, &err) == 0 && readstore_waiting(rs) == 0, "a fold with nothing waiting does nothing");
	{
		/* the unindexed table is empty now, so its ids start again at 1: below every folded id */
		const struct read_entry later[] = { { 1, 8, 108 }, { 1, 9, 109 } };
		ok(readstore_write(rs, later, 2, &err) == 0, "two more after everything was folded");
	}
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105 7@107 8@108 9@109", "they come after the folded ones, though their ids start again");
	ok(readstore_fold(rs, 1000, &err) == 0, "folded too");
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105 7@107 8@108 9@109", "and stay in order once folded");
	readstore_close(rs);
	rs = readstore_open(store, &err);
	text(rs, 1, got, sizeof got);
	is_str(got, "1@101 3@103 5@105 7@107 8@108 9@109", "reopened: the reads are still there");
	readstore_close(rs);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return done_testing();
}
