#!/usr/bin/env bash
# The command line: calendar examples from the engine issue, lint messages,
# graph output, user add, replay and verify on a scenario's store.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; fail=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fail=1; fi; }
is() { n=$((n+1)); if [ "$1" = "$2" ]; then echo "ok $n - $3"; else echo "not ok $n - $3"; echo "#   got: '$1'"; echo "#   expected: '$2'"; fail=1; fi; }

is "$($bin calendar 2025-04-17 +3 working-days 2>/dev/null)" 2025-04-24 "calendar: Easter 2025"
is "$($bin calendar 2026-12-24 +1 working-days 2>/dev/null)" 2026-12-29 "calendar: Boxing Day 2026 substituted to the 28th"
is "$($bin calendar 2022-06-01 +1 working-days 2>/dev/null)" 2022-06-06 "calendar: Platinum Jubilee"
is "$($bin calendar 2020-05-07 +1 working-days 2>/dev/null)" 2020-05-11 "calendar: VE Day 2020"
is "$($bin calendar 2025-01-31 +1 months)" 2025-02-28 "calendar: months clamp"
is "$($bin calendar 2026-12-30 +1 working-days --authority testshire --root tests/reference 2>/dev/null)" 2027-01-04 "calendar: authority closure day skipped"
is "$($bin calendar 2026-12-24 +1 working-days 2>&1 >/dev/null | head -1)" "skipped 2026-12-25 (bank holiday)" "calendar: says what it skipped"
$bin calendar 2025-02-30 +1 days >/dev/null 2>&1; is $? 2 "calendar: a bad date is refused"

$bin lint --root tests/reference >/dev/null 2>&1; ok $? "lint: the reference tree is clean"
sed 's/to = "allocated",/to = "alocated",/' tests/reference/workflows/testshire/referral.lua > "$tmp/referral.lua"
out=$($bin lint tests/reference/authorities/testshire.lua "$tmp/referral.lua" 2>&1); rc=$?
is $rc 1 "lint: a typo is an error"
case "$out" in *"referral.lua:"*": error: action 'allocate' to names unknown state 'alocated' (did you mean 'allocated'?)"*) r=0;; *) r=1; echo "# $out";; esac
ok $r "lint: file:line: error with the near match"
sed 's/by = "triage_officer",/by = "triage_oficer",/' tests/reference/workflows/testshire/referral.lua > "$tmp/referral.lua"
out=$($bin lint tests/reference/authorities/testshire.lua "$tmp/referral.lua" 2>&1)
case "$out" in *"role 'triage_oficer' is not declared by the authority (did you mean 'triage_officer'?)"*) r=0;; *) r=1; echo "# $out";; esac
ok $r "lint: undeclared role named"

$bin graph testshire/referral --root tests/reference > "$tmp/g.dot"; ok $? "graph: dot"
grep -q '"received" -> "awaiting_allocation" \[label="accept\\n\[triage_officer\] L50"\]' "$tmp/g.dot"; ok $? "graph: edge labelled with action, role and line"
grep -q '"closed" \[label="closed (L18)", peripheries=2\]' "$tmp/g.dot"; ok $? "graph: terminal state marked"
$bin graph testshire/referral --root tests/reference --format mermaid | grep -q "received --> awaiting_allocation : accept \[triage_officer\]"; ok $? "graph: mermaid"

$bin run --root tests/reference --db "$tmp/s.db" tests/reference/scenarios/reference.lua >/dev/null; ok $? "run: scenario passes and keeps its store"
$bin verify --db "$tmp/s.db" --root tests/reference >/dev/null; ok $? "verify: the scenario's store verifies"
$bin replay 1 --db "$tmp/s.db" --root tests/reference > "$tmp/r.txt"; ok $? "replay: case 1 matches"
grep -q "replay matches the store; hash chain intact" "$tmp/r.txt"; ok $? "replay: says so"
$bin replay 1 --db "$tmp/s.db" --root tests/reference --as-of 2026-04-02 > "$tmp/asof.txt"
grep -q "allocation#1 *pending" "$tmp/asof.txt" && ! grep -q "allocation#1 *breached" "$tmp/asof.txt"; ok $? "replay as of 2 April: allocation still pending"
$bin replay 1 --db "$tmp/s.db" --root tests/reference --as-of 2026-04-03 | grep -q "allocation#1 *breached"; ok $? "replay as of 3 April: allocation breached"
$bin explain 1 assessment --db "$tmp/s.db" --root tests/reference > "$tmp/x.txt"; ok $? "explain: runs"
grep -q "skipped 2026-04-03, 2026-04-06" "$tmp/x.txt"; ok $? "explain: names the bank holidays skipped"
grep -q "extended   to 2026-05-08 by user .* (team_manager)" "$tmp/x.txt"; ok $? "explain: shows the extension and who approved it"

# The timeliness report against the reference scenario's known outcomes (hand-checked):
#  allocation: case 1 breached on 2 April and met late on Good Friday 3 April (0 working days late);
#              cases 3 and 5 allocated in time -> met 2, met_late 1, lateness 0.
#  escalation: case 1 resumed once and stepped up once (met 2); case 3 left to breach (1).
#  first_contact (support): the linked case opened 6 May, never contacted -> breached 1.
$bin report timeliness --authority testshire --csv --db "$tmp/s.db" --root tests/reference > "$tmp/t.csv"; ok $? "report timeliness: CSV"
row() { grep "^testshire,$1,$2," "$tmp/t.csv" | cut -d, -f5-9; }
is "$(row referral allocation)" "2,1,0,0,0" "report: allocation met 2, met late 1 (L41)"
is "$(grep '^testshire,referral,allocation,' "$tmp/t.csv" | cut -d, -f10)" 0 "report: met late on Good Friday is 0 working days late"
is "$(row referral escalation)" "2,0,1,0,0" "report: escalation met 2, breached 1 (L48)"
is "$(row support first_contact)" "0,0,1,0,0" "report: the linked case's first contact breached (L72)"
is "$(row referral triage)" "3,0,0,1,0" "report: triage met 3, one still pending (case 4 never triaged)"
$bin report timeliness --authority testshire --from 2026-04-01 --to 2026-04-30 --csv --db "$tmp/s.db" --root tests/reference > "$tmp/t2.csv"
is "$(grep -c '^testshire,referral,triage,' "$tmp/t2.csv")" 0 "report: a date range leaves out clocks due outside it"

out=$($bin user add --authority testshire --role key_worker --name "New Worker" --db "$tmp/s.db" --root tests/reference); ok $? "user add"
tok=$(echo "$out" | awk '/^token/ {print $2}')
is "${#tok}" 64 "user add: prints a 64-hex token once"
is "$(sqlite3 "$tmp/s.db" "select count(*) from users where hex(token_hash) like '%$tok%'")" 0 "user add: the token itself is not stored"
$bin user add --authority testshire --role wizard --name X --db "$tmp/s.db" --root tests/reference >/dev/null 2>&1; is $? 1 "user add: unknown role refused"

echo "1..$n"
exit $fail
