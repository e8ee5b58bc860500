#!/usr/bin/env bash
# Throughput of two jlns builds side by side in one run: 100 load-generator clients (the HEAD
# loadgen for both) with 1,400-byte echoes, 8 in flight each, 10 s, against the seed's configuration
# on loopback; the builds alternate and each order is run (A B A B, then B A B A), since on a shared
# 2-core machine the first run of a pair tends to do better. Prints pkt/s per run and the ratio of means.
#
#   bench/ab-throughput.sh OLD.jar NEW.jar
#   git worktree add /tmp/old REV && (cd /tmp/old && mvn -q -DskipTests package) && bench/ab-throughput.sh /tmp/old/target/jlns.jar target/jlns.jar
#
# Loopback only, high ports; every loadgen run is bounded (--max-time).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# = 2 ] || { echo "usage: bench/ab-throughput.sh OLD.jar NEW.jar"; exit 2; }
declare -A jar=([A]=$1 [B]=$2)
tmp=$(mktemp -d)
trap 'kill $srv 2>/dev/null || true; rm -rf "$tmp"' EXIT
srv=
sed -e 's/key change-this-psk/key loadgen-psk/' \
    -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
    -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.0.1.0 20.0.1.255/' \
    examples/seed-lns.cfg > "$tmp/lns.cfg"
declare -A sum=([A]=0 [B]=0)
for order in "A B A B" "B A B A"; do
  for v in $order; do
    java -jar "${jar[$v]}" run --config "$tmp/lns.cfg" --socket "$tmp/s.sock" --ike-port 12500 --nat-t-port 16500 --loops 2 \
      > "$tmp/server.log" 2>&1 &
    srv=$!
    for _ in $(seq 1 100); do grep -q SYS-5-RESTART "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done
    java -cp "${jar[B]}" io.jlns.loadgen.LoadGen --scenario throughput --clients 100 --concurrency 100 --source 127.0.0.1 \
      --ike-port 12500 --nat-t-port 16500 --psk loadgen-psk --user alice --password alicepw --profile linux \
      --size 1400 --window 8 --duration 10 --timeout 120 --max-time 200 127.0.0.1 > "$tmp/lg.txt" 2>&1 || true
    kill $srv; wait $srv 2>/dev/null || true; srv=
    pps=$(sed -n 's/.*throughput *\([0-9.]*\) pkt\/s out.*/\1/p' "$tmp/lg.txt")
    echo "$v (${jar[$v]}): ${pps:-0} pkt/s"
    sum[$v]=$(awk -v a="${sum[$v]}" -v b="${pps:-0}" 'BEGIN { print a + b }')
  done
done
awk -v a="${sum[A]}" -v b="${sum[B]}" 'BEGIN { printf "mean pkt/s: A %.0f, B %.0f; B/A %.2f\n", a / 4, b / 4, (a > 0 ? b / a : 0) }'
