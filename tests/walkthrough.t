#!/usr/bin/env bash
# Runs the README's curl walkthrough (docs/walkthrough.sh) against a real
# server on a virtual clock, and checks what it shows.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
tmp=$(mktemp -d)
"$bin" serve --db "$tmp/w.db" --listen 127.0.0.1:0 --clock virtual --start 2026-01-05T09:00:00Z --demo >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do grep -q "serving on" "$tmp/out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | head -1)
echo "1..6"
out=$(CASEWORK_URL="http://$port" docs/walkthrough.sh 2>&1); rc=$?
[ $rc = 0 ] && echo "ok 1 - the walkthrough runs" || { echo "not ok 1 - the walkthrough runs"; echo "$out" | sed 's/^/# /'; }
grep -q "^opened case 1$" <<<"$out" && echo "ok 2 - a case is opened" || echo "not ok 2 - a case is opened"
grep -q "T05_allocation_3wd_of_receipt#1.2026-01-08T23:59:59Z.L233" <<<"$out" && echo "ok 3 - 3 working days of receipt: Thursday 8 January" || echo "not ok 3 - 3 working days of receipt"
grep -q '"code":"wrong_role"' <<<"$out" && echo "ok 4 - a key worker cannot accept" || echo "not ok 4 - a key worker cannot accept"
grep -q "^allocated$" <<<"$out" && echo "ok 5 - allocated" || echo "not ok 5 - allocated"
grep -q "^case 1.T07_intro_visit_5_days#1.2026-01-10T23:59:59Z$" <<<"$out" && echo "ok 6 - the overdue introductory visit shows in /timescales" || echo "not ok 6 - overdue visit in /timescales"
