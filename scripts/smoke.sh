#!/usr/bin/env bash
# End-to-end smoke test of the launcher: `jlns check` on the seed example, then a real server
# on a private control socket driven through the seed document's steps 1 to 8 with `jlns exec`.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
export JLNS_SOCKET="$tmp/jlns.sock"
CHECKS="smoke"
. scripts/checks.sh
expect() { # expect NAME PATTERN FILE
  if grep -qE -- "$2" "$3"; then ok "$1"; else bad "$1"; echo "---- $3"; cat "$3"; fi
}

./jlns check --config examples/seed-lns.cfg > "$tmp/check.out" && ok "check seed example exits 0" || bad "check seed example exits 0"
expect "check lists inert commands" "line 103: router ospf 1" "$tmp/check.out"
sed 's/ encr 3des/ encr 3dez/' examples/seed-lns.cfg > "$tmp/typo.cfg"
if ./jlns check --config "$tmp/typo.cfg" > "$tmp/typo.out"; then bad "check typo exits 1"; else ok "check typo exits 1"; fi
expect "check typo names line and column" "typo.cfg:53:7: error: Invalid input" "$tmp/typo.out"

cp examples/seed-lns.cfg "$tmp/lns.cfg"
./jlns run --config "$tmp/lns.cfg" > "$tmp/run.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do [ -S "$JLNS_SOCKET" ] && break; sleep 0.1; done
[ -S "$JLNS_SOCKET" ] && ok "server listens on its control socket" || { bad "server listens"; cat "$tmp/run.log"; }

./jlns exec 'enable' 'configure terminal' 'crypto dynamic-map DYN_MAP 10' 'no set nat demux' 'exit' 'exit' \
  'show crypto dynamic-map' > "$tmp/off.out" && ok "exec: no set nat demux" || bad "exec: no set nat demux"
expect "dynamic-map says demux disabled" "NAT demux \(set nat demux\): Disabled" "$tmp/off.out"
./jlns exec 'enable' 'configure terminal' 'crypto dynamic-map DYN_MAP 10' 'set nat demux' 'exit' 'exit' \
  'show crypto map' 'show crypto dynamic-map' 'show crypto ipsec sa' 'show running-config' 'write memory' > "$tmp/on.out" \
  && ok "exec: seed steps 1-8" || bad "exec: seed steps 1-8"
expect "dynamic-map says demux enabled" "NAT demux \(set nat demux\): Enabled" "$tmp/on.out"
expect "running-config has the line" "^ set nat demux$" "$tmp/on.out"
expect "ipsec sa lists the crypto map interface" "interface: FastEthernet0/0" "$tmp/on.out"
expect "show output masks the key" "pre-shared-key address 0.0.0.0 0.0.0.0 key \*\*\*\*\*" "$tmp/on.out"
expect "write memory saved" "^\[OK\]" "$tmp/on.out"
expect "saved file keeps the real key" "key change-this-psk" "$tmp/lns.cfg"
[ "$(stat -c %a "$tmp/lns.cfg")" = 600 ] && ok "saved file is mode 0600" || bad "saved file is mode 0600"
if ./jlns exec 'enable' 'sh cry isakmp polcy' > "$tmp/err.out" 2>&1; then bad "exec error exits 1"; else ok "exec error exits 1"; fi
expect "exec error shows the caret" "% Invalid input detected at '\^' marker." "$tmp/err.out"
expect "log says configured from console" "%SYS-5-CONFIG_I: Configured from console by vty" "$tmp/run.log"
if grep -q "change-this-psk" "$tmp/run.log"; then bad "no secret in the log"; else ok "no secret in the log"; fi

echo "smoke: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
