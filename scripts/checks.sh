# Sourced by the test scripts: named checks, counted. Set CHECKS to the script's name first.
# check NAME CONDITION evaluates CONDITION (a shell expression) and reports NAME as ok or FAIL.
pass=0; fail=0
ok()  { echo "$CHECKS: ok   - $1"; pass=$((pass+1)); }
bad() { echo "$CHECKS: FAIL - $1"; fail=$((fail+1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
