#!/usr/bin/env bash
# Every scenario: the reference workflow's and each authority's, on a virtual
# clock, each file ending with replay equality for every case it touched.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
files=(tests/scenarios/*/*.lua)
{
	"$bin" run --root tests/reference tests/reference/scenarios/*.lua
	if [ -e "${files[0]}" ]; then "$bin" run --root . "${files[@]}"; fi
} | awk '
	/^1\.\.[0-9]+$/ { next }                       # one plan for the whole stream
	/^(not )?ok [0-9]+/ { n++; sub(/^(not )?ok [0-9]+/, ($1 == "not" ? "not ok " : "ok ") n) }
	{ print }
	END { print "1.." n }'
