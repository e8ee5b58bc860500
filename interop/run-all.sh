#!/bin/bash
# The interop suite: real clients against jlns. Prints 'interop: N passed, M failed'.
set -u
here=$(cd "$(dirname "$0")" && pwd)
pass=0; fail=0
run() {
  local name=$1; shift
  if JH_OUT="/tmp/jlns-interop-$name" timeout 600 "$@" > "/tmp/jlns-interop-$name.txt" 2>&1; then
    pass=$((pass+1)); echo "interop: ok   - $name: $(tail -1 /tmp/jlns-interop-$name.txt)"
  else
    fail=$((fail+1)); echo "interop: FAIL - $name"; tail -30 "/tmp/jlns-interop-$name.txt"
    for f in /tmp/jlns-interop-$name/server.log /tmp/jlns-interop-$name/client*.log; do [ -f "$f" ] && { echo "---- $f"; tail -40 "$f"; }; done
  fi
}
JH_CAPTURE=1 run l2tp-mschapv2-seed "$here/l2tp.sh" -n 1 -a mschap-v2 -p "chap ms-chap"
run l2tp-chap "$here/l2tp.sh" -n 1 -a chap -p "chap"
run l2tp-mschap "$here/l2tp.sh" -n 1 -a mschap -p "ms-chap"
run l2tp-pap "$here/l2tp.sh" -n 1 -a pap -p "pap"
run l2tp-two-clients "$here/l2tp.sh" -n 2 -a mschap-v2 -p "ms-chap-v2"
run l2tp-kernel-mode "$here/l2tp.sh" -n 1 -k
run l2tp-20pc-control-loss "$here/l2tp.sh" -n 2 -l 20
run l2tp-teardown "$here/teardown.sh"
echo "interop: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
