#!/usr/bin/env bash
# Every fuzz corpus file (the seeds, and each crash fuzzing found, kept as a
# regression) through its target, built without libFuzzer. `make fuzz` runs
# the real fuzzers.
set -u
cd "$(dirname "$0")/.."
build=$(dirname "${CASEWORK:-build/casework}")
n=0; fail=0
for t in dates definition input; do
	for f in tests/fuzz/$t/*; do
		n=$((n+1))
		if "$build/fuzz-replay/fuzz_$t" "$f" >/dev/null 2>"$build/fuzz-replay/$t.err"; then
			echo "ok $n - fuzz_$t $f"
		else
			echo "not ok $n - fuzz_$t $f"; sed 's/^/# /' "$build/fuzz-replay/$t.err" | head -20; fail=1
		fi
	done
done
echo "1..$n"
exit $fail
