#!/usr/bin/env bash
# SIGHUP reloads definitions: a changed workflow file becomes a new version
# for new cases; open cases stay pinned to theirs. SIGTERM closes cleanly.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
tmp=$(mktemp -d)
cp -r tests/reference "$tmp/root"
"$bin" serve --db "$tmp/c.db" --root "$tmp/root" --listen 127.0.0.1:0 --clock virtual --start 2026-01-05T09:00:00Z --demo >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$tmp/out" && break; sleep 0.05; done
URL=http://$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | head -1)
n=0; fail=0
is() { n=$((n+1)); if [ "$1" = "$2" ]; then echo "ok $n - $3"; else echo "not ok $n - $3"; echo "#   got: '$1'"; echo "#   expected: '$2'"; fail=1; fi; }
T="Authorization: Bearer demo-testshire-triage"
open() { curl -s -H "$T" -X POST "$URL/cases" -d '{"workflow": "referral", "data": {"referrer": "gp", "consent": true}}'; }

v1=$(open | jq -r .definition)
is "${#v1}" 64 "a case opens under version 1"
sed -i 's/within = hours(24), from = "open"/within = hours(48), from = "open"/' "$tmp/root/workflows/testshire/referral.lua"
kill -HUP $pid
for _ in $(seq 100); do grep -q "definitions reloaded" "$tmp/err" && break; sleep 0.05; done
is "$(grep -c 'definitions reloaded' "$tmp/err")" 1 "SIGHUP reloads"
second=$(open)
v2=$(jq -r .definition <<<"$second")
[ "$v2" != "$v1" ] && [ ${#v2} = 64 ]; is $? 0 "a new case opens under version 2"
is "$(jq -r '.timescales[0].due' <<<"$second")" "2026-01-07T09:00:00Z" "...with version 2's rule (48 hours)"
is "$(curl -s -H "$T" "$URL/cases/1" | jq -r .definition)" "$v1" "the open case stays pinned to version 1"
is "$(curl -s -H "$T" "$URL/cases/1" | jq -r '.timescales[0].due')" "2026-01-06T09:00:00Z" "...with version 1's rule (24 hours)"
is "$(curl -s -o /dev/null -w '%{http_code}' -H "$T" -X POST "$URL/cases/1/actions/accept" -d '{}')" 200 "the pinned case still acts under version 1"
kill -TERM $pid; wait $pid; rc=$?
is "$rc" 0 "SIGTERM: a clean exit"
grep -q "closing the store" "$tmp/err"; is $? 0 "...saying so"
"$bin" verify --db "$tmp/c.db" --root "$tmp/root" >/dev/null; is $? 0 "both versions' cases verify"
echo "1..$n"
exit $fail
