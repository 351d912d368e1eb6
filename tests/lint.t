#!/usr/bin/env bash
# casework lint: each static check, on a small broken definition, gives its
# exact file:line message (tests/lint/cases.txt: name|sed edit|expected line).
set -u
cd "$(dirname "$0")/lint"
bin=${CASEWORK:-../../build/casework}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; fail=0
mkdir -p "$tmp/authorities"
cp authority.lua "$tmp/authorities/lintshire.lua"
(cd "$tmp" && cp "$OLDPWD/base.lua" base.lua && "$bin" lint authorities/lintshire.lua base.lua >/dev/null 2>&1)
n=$((n+1)); if [ $? = 0 ]; then echo "ok $n - the base definition is clean"; else echo "not ok $n - the base definition is clean"; fail=1; fi
while IFS='|' read -r name edit want; do
	[ -z "$name" ] && continue
	sed "$edit" base.lua > "$tmp/base.lua"
	out=$(cd "$tmp" && "$bin" lint authorities/lintshire.lua base.lua 2>&1); rc=$?
	n=$((n+1))
	if grep -qxF -- "$want" <<<"$out"; then
		case "$want" in
		*": warning: "*) expect_rc=0 ;;
		*) expect_rc=1 ;;
		esac
		if [ $rc = $expect_rc ]; then echo "ok $n - $name"; else echo "not ok $n - $name (exit $rc)"; fail=1; fi
	else
		echo "not ok $n - $name"; echo "#   expected: $want"; echo "$out" | sed 's/^/#   got: /'; fail=1
	fi
done < cases.txt
echo "1..$n"
exit $fail
