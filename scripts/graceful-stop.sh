#!/usr/bin/env bash
# Graceful stop: with N load-generator clients connected (behind one address, NAT demux), jlns gets
# SIGTERM. Each client must see the ending (PPP Terminate, StopCCN, IKE Delete) within 2 s, jlns
# must exit within 5 s having said goodbye in its log, and a jlns started again at once on the same
# ports and socket (no stale socket, no half-bound port) must take the same clients back.
# Loopback only, high ports; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${GRACEFUL_CLIENTS:-20}
tmp=$(mktemp -d)
CHECKS="graceful-stop"
. scripts/checks.sh
json() { sed -n "s/^ *\"$1\": \\([0-9.]*\\),*$/\\1/p" "$2"; }

sed -e 's/key change-this-psk/key loadgen-psk/' \
    -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
    -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.0.1.0 20.0.1.255/' \
    examples/seed-lns.cfg > "$tmp/lns.cfg"
./jlns check --config "$tmp/lns.cfg" > /dev/null
server=; lg=
trap 'kill $server $lg 2>/dev/null || true; rm -rf "$tmp"' EXIT
start() {
  java -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" --ike-port 11500 --nat-t-port 15500 --loops 2 \
    > "$tmp/server$1.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do grep -q 'SYS-5-RESTART' "$tmp/server$1.log" 2>/dev/null && break; sleep 0.1; done
}
fleet() {
  rm -f "$tmp/ready"
  ./jlns loadgen --clients "$N" --source 127.0.0.1 --ike-port 11500 --nat-t-port 15500 --psk loadgen-psk \
    --user alice --password alicepw --profile windows,macos,linux --pps 2 --duration "$2" --timeout 30 --max-time 90 \
    --ready-file "$tmp/ready" --json "$tmp/result$1.json" 127.0.0.1 > "$tmp/loadgen$1.out" 2>&1 &
  lg=$!
  for _ in $(seq 1 600); do [ -f "$tmp/ready" ] && break; kill -0 $lg 2>/dev/null || break; sleep 0.1; done
}

start 1
fleet 1 30
check "all $N clients connected" "grep -q '^connected $N failed 0$' '$tmp/ready'"
sleep 1
t0=$(date +%s%3N)
kill -TERM $server
for _ in $(seq 1 100); do kill -0 $server 2>/dev/null || break; sleep 0.05; done
t_exit=$(date +%s%3N)
check "jlns exits within 5 s of SIGTERM ($((t_exit - t0)) ms)" "! kill -0 $server 2>/dev/null && [ $((t_exit - t0)) -le 5000 ]"
server=
check "jlns logged its goodbye to every client" "grep -q 'SYS-5-SHUTDOWN: $N L2TP tunnel(s) stopped and $N ESP SA pair(s) deleted' '$tmp/server1.log'"
wait $lg || true
lg=
dropped=$(json dropped "$tmp/result1.json")
last=$(json dropped_last_epoch_ms "$tmp/result1.json")
check "every client saw the ending ($dropped of $N dropped)" "[ '$dropped' = '$N' ]"
check "the last client saw it within 2 s of SIGTERM ($((last - t0)) ms)" "[ -n '$last' ] && [ $((last - t0)) -le 2000 ]"
sed -n '/first failures/,+3p' "$tmp/loadgen1.out"
grep -E 'SYS-5-SHUTDOWN|SYS-5-RELOAD' "$tmp/server1.log" || true

# Started again at once: the same ports and socket, the same clients come back.
start 2
check "jlns starts again on the same ports and socket" "grep -q 'SYS-5-RESTART' '$tmp/server2.log' && ! grep -qi 'address already in use\|already serving' '$tmp/server2.log'"
fleet 2 3
check "all $N clients reconnect" "grep -q '^connected $N failed 0$' '$tmp/ready'"
wait $lg || true
lg=
check "and leave cleanly" "grep -q '\"dropped\": 0,' '$tmp/result2.json' && grep -q '\"left\": $N,' '$tmp/result2.json'"
if [ "$fail" -gt 0 ]; then
  echo "---- loadgen"; cat "$tmp/loadgen1.out"; cat "$tmp/loadgen2.out" 2>/dev/null; echo "---- server (tail)"; tail -30 "$tmp/server1.log"; tail -20 "$tmp/server2.log"
fi
echo "graceful-stop: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
