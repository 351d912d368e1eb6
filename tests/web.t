#!/usr/bin/env bash
# The practitioners' pages (issue 8), end to end in a real browser: starts a
# server (virtual clock, demo users, a temporary store) and runs
# tests/web/e2e.mjs, which drives Debian's Chromium headless with
# playwright-core and prints TAP. Screenshots go to build/screenshots/.
#
# Needs node, `npm ci` (playwright-core, govuk-frontend), `make web-assets`
# and chromium; .ci/run provides them all, so a missing one is a failure,
# not a skip. CASEWORK_SKIP_BROWSER=1 skips on purpose (say why you do).
set -u
cd "$(dirname "$0")/.."
bin=${CASEWORK:-build/casework}
assets=${CASEWORK_ASSETS:-$PWD/build/assets}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ "${CASEWORK_SKIP_BROWSER:-}" = 1 ]; then echo "1..0 # SKIP CASEWORK_SKIP_BROWSER=1"; exit 0; fi
# The assets are build products of npm ci: make them if they are not there yet.
[ -f "$assets/govuk-frontend.min.css" ] || [ ! -d node_modules/govuk-frontend ] || [ -n "${CASEWORK_ASSETS:-}" ] ||
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s web-assets >/dev/null 2>&1
missing=""
command -v node >/dev/null || missing="$missing node (apt-get install nodejs npm);"
[ -d node_modules/playwright-core ] || missing="$missing node_modules/playwright-core (npm ci);"
[ -x "$chromium" ] || missing="$missing $chromium (apt-get install chromium);"
[ -f "$assets/govuk-frontend.min.css" ] || missing="$missing $assets (make web-assets);"
if [ -n "$missing" ]; then
	echo "1..1"
	echo "not ok 1 - the browser tests can run # missing:$missing"
	exit 1
fi
tmp=$(mktemp -d)
# An auditor (Bristol has the role; no demo user holds it), made the way an
# administrator would, to sign in with a token and see who viewed a record.
auditor=$("$bin" user add --authority bristol --role auditor --name "Alex Auditor" --team north \
	--db "$tmp/web.db" 2>"$tmp/user.err" | awk '/^token/ {print $2}')
CASEWORK_ASSETS=$assets "$bin" serve --db "$tmp/web.db" --listen 127.0.0.1:0 --clock virtual \
	--start 2026-01-05T09:00:00Z --demo >"$tmp/out" 2>"$tmp/err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$tmp/out" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | head -1)
if [ -z "$port" ]; then
	echo "1..1"; echo "not ok 1 - the server starts"; sed 's/^/# /' "$tmp/err"; exit 1
fi
CASEWORK_ASSETS=$assets AUDITOR_TOKEN=$auditor CASEWORK_URL="http://$port" SCREENSHOTS=build/screenshots CHROMIUM=$chromium node tests/web/e2e.mjs
rc=$?
if ! kill -0 $pid 2>/dev/null; then
	echo "# the server died:"; tail -20 "$tmp/err" | sed 's/^/# /'; rc=1
fi
exit $rc
