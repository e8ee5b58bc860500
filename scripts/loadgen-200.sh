#!/usr/bin/env bash
# 200 load-generator clients from one source address (as 200 clients behind one NAT) against jlns on
# the seed's configuration with 'set nat demux': all connect, each pings Loopback0 with no loss,
# 'show crypto nat demux' lists 200 distinct ports, then all leave and the tunnels, sessions, pool
# addresses, demux ports and SAs are all released. Loopback only, high ports; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${LOADGEN_CLIENTS:-200}
tmp=$(mktemp -d)
CHECKS="loadgen-$N"
. scripts/checks.sh

# The seed's configuration with its key filled in, a user, and a pool range big enough for N clients.
sed -e 's/key change-this-psk/key loadgen-psk/' \
    -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
    -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.0.1.0 20.0.4.255/' \
    examples/seed-lns.cfg > "$tmp/lns.cfg"
grep -q '^ *set nat demux$' "$tmp/lns.cfg"
./jlns check --config "$tmp/lns.cfg" > /dev/null
java -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" --ike-port 10500 --nat-t-port 14500 --loops 2 \
  > "$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server $lg 2>/dev/null || true; rm -rf "$tmp"' EXIT
lg=
for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
cli() { java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable "$@"; }

./jlns loadgen --clients "$N" --source 127.0.0.1 --ike-port 10500 --nat-t-port 14500 --psk loadgen-psk \
  --user alice --password alicepw --profile windows,macos,linux --pps 2 --duration 15 --timeout 60 --max-time 150 \
  --ready-file "$tmp/ready" --json "$tmp/result.json" 127.0.0.1 > "$tmp/loadgen.out" 2>&1 &
lg=$!
for _ in $(seq 1 1200); do [ -f "$tmp/ready" ] && break; kill -0 $lg 2>/dev/null || break; sleep 0.1; done
check "all $N connected at once" "grep -q '^connected $N failed 0$' '$tmp/ready'"
cli 'show crypto nat demux' 'show vpdn' 'show ip local pool' 'show crypto isakmp sa' 'show crypto ipsec sa' > "$tmp/during.out"
check "show crypto isakmp sa and ipsec sa list the clients' SAs" "[ \$(grep -c QM_IDLE '$tmp/during.out') = $N ] && [ \$(grep -c 'current outbound spi' '$tmp/during.out') -ge $N ]"
check "show crypto nat demux lists $N clients" "grep -q '^NAT demux: $N clients$' '$tmp/during.out'"
ports=$(awk '$1 ~ /^127\.0\.0\.1:/ {print $2}' "$tmp/during.out" | sort -u | wc -l)
check "each client has its own demux port ($ports distinct, all from 127.0.0.1)" "[ '$ports' = '$N' ]"
check "show vpdn: $N tunnels and $N sessions" "grep -q 'Total tunnels $N sessions $N' '$tmp/during.out'"
check "the pool has $N addresses in use" "awk '/^ *(POOL)? *20\./ {s += \$NF} END {exit s != $N}' '$tmp/during.out'"
rc=0; wait $lg || rc=$?
lg=
check "loadgen exits 0" "[ $rc = 0 ]"
check "every client pinged Loopback0 with no loss" "grep -q '\"loss_percent\": 0.0,' '$tmp/result.json' && grep -q '\"connected\": $N,' '$tmp/result.json' && ! grep -q '\"echoes_received\": 0,' '$tmp/result.json'"
for _ in $(seq 1 50); do
  cli 'show crypto nat demux' 'show vpdn' 'show ip local pool' 'show crypto isakmp sa' 'show crypto ipsec sa' > "$tmp/after.out"
  grep -q '^NAT demux: 0 clients$' "$tmp/after.out" && grep -q 'Total tunnels 0 sessions 0' "$tmp/after.out" && break
  sleep 0.2
done
check "after leaving: no demux client" "grep -q '^NAT demux: 0 clients$' '$tmp/after.out'"
check "after leaving: no tunnel or session" "grep -q 'Total tunnels 0 sessions 0' '$tmp/after.out'"
check "after leaving: every pool address free" "awk '/^ *(POOL)? *20\./ {s += \$NF} END {exit s != 0}' '$tmp/after.out'"
check "after leaving: no ISAKMP or ESP SA" "! grep -qE 'QM_IDLE|current outbound spi|inbound esp sas' '$tmp/after.out'"
if [ "$fail" -gt 0 ]; then
  echo "---- loadgen"; cat "$tmp/loadgen.out"; echo "---- server (tail)"; tail -30 "$tmp/server.log"
fi
sed -n '/loadgen summary/,$p' "$tmp/loadgen.out"
echo "loadgen-$N: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
