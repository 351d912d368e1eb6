/*
 * standalone.c: runs a libFuzzer target over files, without libFuzzer, so
 * the seed corpus and every crash found (kept in tests/fuzz/<target>/) are
 * regression tests in `make test` and `make check`. Prints TAP.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i;
	for (i = 1; i < argc; i++) {
		size_t len = 0;
		char *data = util_read_file(argv[i], &len);
		if (!data) {
			printf("not ok %d - %s: unreadable\n", i, argv[i]);
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);   /* a crash or failed assert ends the run: prove reports it */
		printf("ok %d - %s\n", i, argv[i]);
		free(data);
	}
	printf("1..%d\n", argc - 1);
	return 0;
}
