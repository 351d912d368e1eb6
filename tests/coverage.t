#!/usr/bin/env bash
# The shipped workflows' scenarios exercise every action and every timescale
# outcome (met, and breached or met late): `casework run --coverage` lists
# nothing as not exercised.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
out=$("$bin" run --coverage tests/scenarios/*/*.lua 2>&1 | sed -n '/^# coverage/,$p')
n=0; fail=0
while read -r line; do
	wf=$(sed -E 's/^# ([a-z_]+\/[a-z_]+): .*/\1/' <<<"$line")
	n=$((n+1))
	if [[ "$line" =~ actions\ ([0-9]+)/([0-9]+),\ states\ [0-9]+/[0-9]+,\ timescale\ outcomes\ ([0-9]+)/([0-9]+) ]] &&
	   [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] && [ "${BASH_REMATCH[3]}" = "${BASH_REMATCH[4]}" ]; then
		echo "ok $n - $line" | sed 's/ - # / - /'
	else
		echo "not ok $n - $wf: full action and timescale coverage"; echo "#   $line"; fail=1
	fi
done < <(grep -E '^# [a-z_]+/[a-z_]+: actions' <<<"$out")
[ "$n" -ge 18 ] || { n=$((n+1)); echo "not ok $n - every shipped workflow is reported ($n)"; fail=1; }
grep -E "^#     (action|timescale) " <<<"$out" | sed 's/^/# not exercised: /'
echo "1..$n"
exit $fail
