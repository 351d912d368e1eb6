#!/usr/bin/env bash
# soak.sh: the longer hardening runs (`make soak`):
#  1. valgrind: a serve session that handles the README walkthrough and a scenario's
#     worth of actions, stopped with SIGTERM, must report no leaks and no errors;
#  2. crash safety: tests/crash.t with CRASH_ROUNDS=20 (kill -9 at random moments under load).
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

echo "== valgrind: a serve session"
# --soname-synonyms: memcheck replaces jemalloc's malloc as it does the C library's, so it still sees every block.
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --soname-synonyms=somalloc=*jemalloc* \
	--log-file="$tmp/vg.log" "$bin" serve --db "$tmp/v.db" --listen 127.0.0.1:0 --clock virtual \
	--start 2026-01-05T09:00:00Z --demo >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 300); do grep -q "serving on" "$tmp/out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | head -1)
CASEWORK_URL="http://$port" docs/walkthrough.sh >/dev/null || { echo "walkthrough failed under valgrind"; fail=1; }
for i in $(seq 20); do
	curl -s -H "Authorization: Bearer demo-bexley-duty-manager" "http://$port/cases/1" >/dev/null
	curl -s -H "Authorization: Bearer demo-bexley-key-worker" -X POST "http://$port/cases/1/actions/record_first_contact" -d '{}' >/dev/null
done
curl -s "http://$port/metrics" >/dev/null
kill -TERM $pid; wait $pid; rc=$?
grep -E "definitely lost|indirectly lost|ERROR SUMMARY" "$tmp/vg.log"
if [ $rc != 0 ] || ! grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg.log"; then
	echo "valgrind: FAILED (exit $rc)"; sed -n '/definitely lost in/,/^==[0-9]*== $/p' "$tmp/vg.log" | head -60; fail=1
else
	echo "valgrind: no leaks, no errors"
fi

echo "== crash safety: 20 rounds"
CRASH_ROUNDS=20 CASEWORK=$bin prove --exec '' tests/crash.t || fail=1
exit $fail
