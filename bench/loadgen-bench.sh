#!/usr/bin/env bash
# Side-by-side load benchmark: jlns and SoftEther VPN Server, each in a network namespace of its
# own, driven by the same `jlns loadgen` runs from inside that namespace (loopback only), all
# clients from one address (NAT demux on, as in the seed). Writes bench/results/*.json and the
# "Load: jlns and SoftEther side by side" section of BENCHMARKS.md.
#
#   bench/loadgen-bench.sh                 # the full run (1,000 connects, 10,000 held, throughput)
#   CONNECTS=200 HELD=1000 bench/loadgen-bench.sh   # a shorter one
#
# Needs root (namespaces) and the Debian packages softether-vpnserver softether-vpncmd (installed
# when missing). Every loadgen run is bounded in clients and in time (--max-time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
root=$(pwd)
CONNECTS=${CONNECTS:-1000}
HELD=${HELD:-10000}
THROUGHPUT_SECONDS=${THROUGHPUT_SECONDS:-10}
SERVERS=${SERVERS:-"jlns softether"}
out=bench/results
mkdir -p "$out"
[ "$(id -u)" = 0 ] || { echo "bench: needs root (network namespaces)"; exit 2; }
if ! [ -x /usr/libexec/softether/vpnserver/vpnserver ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq softether-vpnserver softether-vpncmd
fi
[ -f target/jlns.jar ] || mvn -q -B -DskipTests package
ulimit -n "$(ulimit -Hn)"  # one UDP socket per client
hz=$(getconf CLK_TCK)
tmp=$(mktemp -d)
server_pids=
cleanup() {
  [ -n "$server_pids" ] && kill $server_pids 2>/dev/null || true
  for ns in lgb-jlns lgb-softether; do
    ip netns pids $ns 2>/dev/null | xargs -r kill 2>/dev/null || true
    ip netns del $ns 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# jlns: the seed's configuration, plus Windows' suite (AES-256/SHA-1/MODP-2048, esp-aes 256), a
# pool for 131,072 clients and a user.
bench_config "$tmp/lns.cfg" windows
./jlns check --config "$tmp/lns.cfg" > /dev/null

cpu_ticks() { local t=0; for p in $server_pids; do t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat))); done; echo $t; }
rss_kb() { local t=0; for p in $server_pids; do t=$((t + $(awk '/^VmRSS/ {print $2}' /proc/$p/status))); done; echo $t; }

start_server() { # NAME
  local ns=lgb-$1
  ip netns add $ns; ip -n $ns link set lo up
  if [ "$1" = jlns ]; then
    ip netns exec $ns java ${JLNS_JAVA_OPTS:-} -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" \
      > "$tmp/jlns.log" 2>&1 &
    for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
    server_pids=$(ip netns pids $ns | tr '\n' ' ')
    psk=bench-psk; ping=12.0.0.8
  else
    ip netns exec $ns env JH_PSK=bench-psk JH_USER=alice JH_PASS=alicepw bench/softether-server.sh > "$tmp/se.log" 2>&1 &
    for _ in $(seq 1 120); do grep -q READY "$tmp/se.log" && break; sleep 0.5; done
    server_pids=$(sed -n 's/.*READY pids //p' "$tmp/se.log")
    psk=bench-psk; ping=192.168.30.1
  fi
  sleep 2
}

stop_server() { # NAME
  kill $server_pids 2>/dev/null || true
  ip netns pids lgb-$1 | xargs -r kill 2>/dev/null || true
  sleep 2
  ip netns pids lgb-$1 | xargs -r kill -9 2>/dev/null || true
  ip netns del lgb-$1
  server_pids=
  rm -f "$tmp/jlns.sock"
}

# run NAME TAG LOADGEN-ARGS...: one loadgen run in the server's namespace; adds the server's CPU
# seconds and resident memory (before, and at the moment every client was connected) to its JSON.
# Each run's clients come from one address, a new one per run (127.0.0.2, .3, ...): SoftEther keeps
# an IKE client 150 s after it left and takes at most 1,000 per address (IKE_QUOTA_MAX_NUM_CLIENTS_PER_IP),
# so a run from the previous run's address would meet the previous run's ghosts.
src_n=1
# settle: waits (at most 180 s) until the server has spent under 5% of a core for 2 s, so a run does
# not pay for the work the previous one left behind (SoftEther works through a collapsed run's
# clients for minutes).
settle() {
  local a b
  for _ in $(seq 1 90); do
    a=$(cpu_ticks); sleep 2; b=$(cpu_ticks)
    [ $(( (b - a) * 100 / (2 * hz) )) -lt 5 ] && return 0
  done
  echo "bench: the server did not settle in 180 s"
}
run() {
  local name=$1 tag=$2; shift 2
  local json="$out/$name-$tag.json"
  local c0 r0 r1 c1
  rm -f "$tmp/ready"
  src_n=$((src_n + 1))
  settle
  c0=$(cpu_ticks); r0=$(rss_kb)
  ip netns exec lgb-$name ./jlns loadgen --psk "$psk" --user alice --password alicepw --source 127.0.0.$src_n \
    --ready-file "$tmp/ready" --json "$json.tmp" "$@" 127.0.0.1 > "$out/$name-$tag.txt" 2>&1 &
  local lg=$!
  r1=$r0
  while kill -0 $lg 2>/dev/null; do
    if [ -f "$tmp/ready" ] && [ "$r1" = "$r0" ]; then r1=$(rss_kb); fi
    sleep 0.5
  done
  wait $lg || true
  c1=$(cpu_ticks)
  python3 - "$json.tmp" "$json" "$(( c1 - c0 ))" "$hz" "$r0" "$r1" <<'PY'
import json, sys
src, dst, ticks, hz, r0, r1 = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
d = json.load(open(src))
d["server_cpu_s"] = round(ticks / hz, 2)
d["server_rss_kb_before"] = r0
d["server_rss_kb_all_connected"] = r1
json.dump(d, open(dst, "w"), indent=1)
PY
  rm -f "$json.tmp"
  echo "bench: $name $tag: $(grep -E 'clients|connects/s|throughput|rtt' "$out/$name-$tag.txt" | tr -s ' ' | tr '\n' ' ')"
}

for s in $SERVERS; do
  start_server $s
  # Not reported: the JVM's JIT (and SoftEther's caches) warm up on 100 connects and some traffic first.
  run $s warmup --clients 100 --concurrency 100 --profile linux --ike 3des-sha1-modp1024 --esp aes256-sha1 --ping $ping \
    --size 512 --window 4 --scenario throughput --duration 5 --timeout 120 --max-time 300
  # The same 1,000 connects as they would come from a quieter office: 20 connecting at once.
  run $s connect-gentle --clients "$CONNECTS" --concurrency 20 --profile linux --ike 3des-sha1-modp1024 --esp 3des-sha1 \
    --timeout 120 --max-time 900
  run $s connect-seed --clients "$CONNECTS" --concurrency 200 --profile linux --ike 3des-sha1-modp1024 --esp 3des-sha1 \
    --timeout 120 --max-time 900
  run $s connect-windows --clients "$CONNECTS" --concurrency 200 --profile linux --ike aes256-sha1-modp2048 --esp aes256-sha1 \
    --timeout 120 --max-time 900
  for n in 1 100; do
    for size in 64 512 1400; do
      run $s tput-$n-$size --scenario throughput --clients $n --concurrency 100 --profile linux --ike aes256-sha1-modp2048 \
        --esp aes256-sha1 --ping $ping --size $size --window 8 --duration "$THROUGHPUT_SECONDS" --timeout 120 --max-time 300
    done
  done
  run $s held --clients "$HELD" --concurrency 200 --profile linux --ike 3des-sha1-modp1024 --esp 3des-sha1 \
    --duration 5 --timeout 180 --max-time 1800 --max-failures 400
  stop_server $s
done

python3 bench/loadgen-table.py "$out" BENCHMARKS.md "$CONNECTS" "$HELD"
echo "bench: BENCHMARKS.md updated"
