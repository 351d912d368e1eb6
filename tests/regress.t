#!/usr/bin/env bash
# Engine regressions: tests/regress/ is its own root (authority "regress",
# one small workflow per engine behaviour in workflows/regress/, each pinned
# by a scenario in scenarios/). The scenarios' TAP is passed through and
# renumbered into one stream with the checks below:
#  - the fixtures lint clean;
#  - refused/*.lua: refusals a scenario cannot expect (open_case stops the
#    file on a refused open; `refuse` checks a code but not the message),
#    run one at a time, their refusal read from the runner's output;
#  - the calendar change: scenarios/calendar_change.lua is run into a
#    database, then `casework verify` checks it against a copy of
#    tests/regress with an extra closure day (DESIGN.md §3: every due date
#    stores the calendar it was computed with), which must still pass.
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# tap OK DESCRIPTION [DIAGNOSTIC]: one TAP line (renumbered below).
tap() {
	if [ "$1" = 0 ]; then echo "ok 1 - $2"; else echo "not ok 1 - $2"; [ -n "${3-}" ] && sed 's/^/#   /' <<<"$3"; fi
	return 0
}

{
	"$bin" run --root tests/regress tests/regress/scenarios/*.lua

	out=$("$bin" lint --root tests/regress 2>&1); rc=$?
	[ $rc = 0 ] && [ -z "$out" ]; tap $? "regress: casework lint --root tests/regress is clean" "$out"

	# Refused opens: the run must fail at the open, with invalid_input on data.lead.
	for f in tests/regress/refused/open_*.lua; do
		out=$("$bin" run --root tests/regress "$f" 2>&1)
		grep -q '^not ok 1 - open user_fields$' <<<"$out" &&
			grep -qE "^#   refused: field 'data\.lead': .*\(invalid_input\)$" <<<"$out"
		tap $? "regress: $(basename "$f" .lua): the open is refused invalid_input on data.lead" "$out"
	done
	# The wrong_state message names every state the action applies in.
	out=$("$bin" run --root tests/regress tests/regress/refused/wrong_state_message.lua 2>&1)
	line=$(grep -E '^#   refused: .*\(wrong_state\)$' <<<"$out")
	grep -q '^not ok 3 - case 1: decline by tri$' <<<"$out" &&
		grep -qE '\breceived\b' <<<"$line" && grep -qE '\bstepdown_received\b' <<<"$line"
	tap $? "regress: wrong_state_message: the message names received and stepdown_received" "$out"

	# The calendar change.
	db="$tmp/cal.db"
	out=$("$bin" run --root tests/regress --db "$db" tests/regress/scenarios/calendar_change.lua 2>&1)
	tap $? "calendar: calendar_change.lua runs into a database" "$out"
	cp -r tests/regress "$tmp/root2"
	sed -i 's/closures = { "2026-12-31" }/closures = { "2026-04-01", "2026-12-31" }/' "$tmp/root2/authorities/regress.lua"
	old=$("$bin" calendar 2026-03-30 +3 working-days --authority regress --root tests/regress 2>/dev/null | head -n 1)
	new=$("$bin" calendar 2026-03-30 +3 working-days --authority regress --root "$tmp/root2" 2>/dev/null | head -n 1)
	[ "$old" = 2026-04-02 ] && [ "$new" = 2026-04-07 ]
	tap $? "calendar: the copy closes 1 April (30 March + 3 working days: $old before, $new after)"
	out=$("$bin" verify --db "$db" --root "$tmp/root2" 2>&1); rc=$?
	[ $rc = 0 ] && grep -qx '2 cases, [0-9]* events verified: ok' <<<"$out"
	tap $? "calendar: verify passes after a closure day is added (events keep their calendar)" "$out"
	out=$("$bin" explain 1 allocation --db "$db" --root "$tmp/root2" 2>&1)
	grep -qE '^  due +2026-04-02T22:59:59Z' <<<"$out" && grep -qE '^  status +met_late$' <<<"$out"
	tap $? "calendar: the stored due date is still 2 April, met late" "$out"
	out=$("$bin" explain 1 follow_up --db "$db" --root "$tmp/root2" 2>&1)
	grep -qE '^  due +2026-04-15T22:59:59Z' <<<"$out"
	tap $? "calendar: a pending clock keeps its due date too (15 April)" "$out"
	out=$("$bin" verify --db "$db" --root tests/regress 2>&1)
	tap $? "calendar: verify passes with the original calendar" "$out"
} | awk '
	/^1\.\.[0-9]+$/ { next }                       # one plan for the whole stream
	/^(not )?ok [0-9]+/ { n++; if ($1 == "not") fail = 1; sub(/^(not )?ok [0-9]+/, ($1 == "not" ? "not ok " : "ok ") n) }
	{ print }
	END { print "1.." n; exit fail }'
