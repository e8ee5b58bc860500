#!/usr/bin/env bash
# 100,000 sessions held in one jlns for 10 minutes with LCP echo (every 10 s), L2TP HELLO (every
# 60 s) and DPD (periodic, every 60 s) running, and every ESP pair rekeyed once (the seed's 600 s
# lifetime): sessions dropped, heap per session (what outlives a young collection with everyone
# up, minus the same before, over the sessions; and the live heap of a class histogram), and the
# server's CPU while they only hold. jlns runs in a network namespace of its own; PROCS load-generator processes (a process
# holds at most ~19,000 UDP sockets under this machine's open-file limit) on its loopback, each
# from its own source addresses (a public address has 64,512 NAT demux ports).
#
#   bench/hold-100k.sh                           # 100,000 for 600 s
#   SESSIONS=20000 HOLD=120 bench/hold-100k.sh    # a shorter one
#
# Needs root (namespaces) and memory (jlns -Xmx8g, each generator -Xmx2g). Bounded: every
# generator has --max-time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SESSIONS=${SESSIONS:-100000}
HOLD=${HOLD:-600}
PROCS=${PROCS:-6}
RATE=${RATE:-30}
out=bench/results
mkdir -p "$out"
[ "$(id -u)" = 0 ] || { echo "hold-100k: needs root (network namespaces)"; exit 2; }
[ -f target/jlns.jar ] || mvn -q -B -DskipTests package
ulimit -n "$(ulimit -Hn)"
ns=lgb-hold
tmp=$(mktemp -d)
bench_config "$tmp/lns.cfg" windows
# DPD every 60 s whether or not traffic flows; an AES-256/SHA-1/MODP-1024 policy (AES-NI on both
# sides: the generators share the machine's two cores with the server).
sed -i -e 's/^crypto isakmp keepalive 3600$/crypto isakmp keepalive 60 5 periodic/' \
  -e 's/^crypto isakmp policy 2$/crypto isakmp policy 3\n encr aes 256\n authentication pre-share\n group 2\ncrypto isakmp policy 2/' \
  "$tmp/lns.cfg"
grep -q 'keepalive 60 5 periodic' "$tmp/lns.cfg" && grep -q '^crypto isakmp policy 3$' "$tmp/lns.cfg"
bench_netns $ns
# The NAT-T sockets ask for 16 MiB (a loop's garbage collection must not overflow them with
# 100,000 clients' keepalives): let the kernel give it for this run, as an operator would.
rmem=$(sysctl -n net.core.rmem_max)
sysctl -qw net.core.rmem_max=$(( rmem > 16777216 ? rmem : 16777216 ))
trap 'sysctl -qw net.core.rmem_max='"$rmem"'; ip netns pids $ns 2>/dev/null | xargs -r kill 2>/dev/null || true; sleep 2;
      ip netns pids $ns 2>/dev/null | xargs -r kill -9 2>/dev/null || true; ip netns del $ns 2>/dev/null || true; rm -rf "$tmp"' EXIT
ip netns exec $ns java ${JLNS_JAVA_OPTS:--Xms4g -Xmx8g -XX:+AlwaysPreTouch -XX:MaxGCPauseMillis=50} -jar target/jlns.jar run --config "$tmp/lns.cfg" \
  --socket "$tmp/jlns.sock" > "$tmp/jlns.log" 2>&1 &
for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
pid=$(ip netns pids $ns | head -1)
hz=$(getconf CLK_TCK)
cli() { java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable "$@"; }
# The heap that outlives a young collection (old generation and survivors), read after the next
# one: no forced full GC, whose seconds-long pause under 25,000 datagrams a second would itself
# drop sessions (it did, in a first run).
heap_kb() {
  local n0 n
  n0=$(jstat -gc "$pid" | awk 'NR==2 {print $13}')
  for _ in $(seq 1 120); do
    n=$(jstat -gc "$pid" | awk 'NR==2 {print $13}')
    [ "$n" != "$n0" ] && break
    sleep 0.5
  done
  jstat -gc "$pid" | awk 'NR==2 {printf "%d\n", $3 + $4 + $8}'
}
cpu_ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
sleep 3
jcmd "$pid" GC.run > /dev/null  # nothing to disturb yet
heap0=$(heap_kb)
per=$(( (SESSIONS + PROCS - 1) / PROCS ))
t0=$(date +%s)
pids=
for i in $(seq 1 "$PROCS"); do
  rm -f "$tmp/ready$i"
  ip netns exec $ns env JLNS_LOADGEN_JAVA_OPTS="-Xmx2g" ./jlns loadgen --scenario hold --clients "$per" --rate "$RATE" --pps 0 \
    --source "127.1.$i.1-127.1.$i.4" --psk bench-psk --user alice --password alicepw --profile windows,macos,linux \
    --ike aes256-sha1-modp1024 --esp aes256-sha1 --duration "$HOLD" --timeout 180 --max-time $(( per / RATE + HOLD + 600 )) \
    --threads 1 --ready-file "$tmp/ready$i" --json "$out/hold-100k-$i.json" 127.0.0.1 > "$out/hold-100k-$i.txt" 2>&1 &
  pids="$pids $!"
done
# Everyone up (or failed): heap, histogram, show output.
for _ in $(seq 1 $(( (per / RATE + 600) ))); do
  n=0; for i in $(seq 1 "$PROCS"); do [ -f "$tmp/ready$i" ] && n=$((n+1)); done
  [ "$n" = "$PROCS" ] && break
  sleep 1
done
t_up=$(date +%s)
heap1=$(heap_kb)
rss1=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)
cli 'show vpdn' 'show crypto call admission statistics' 'show ip local pool' | grep -E 'Total tunnels|Total IKE|POOL' \
  > "$out/hold-100k-show.txt" || true
# The server's CPU while the sessions only hold (keepalives, echoes, HELLO, DPD, rekeys): 60 s,
# two minutes into the hold (past the first wave of DPD and the heap's first use of its pages).
sleep $(( HOLD > 240 ? 120 : HOLD / 3 ))
c0=$(cpu_ticks); sleep 60; c1=$(cpu_ticks)
# The live heap by class with everyone up (a full collection: one pause of a few seconds, which the
# rest of the hold shows the sessions survive).
jcmd "$pid" GC.class_histogram > "$tmp/histogram.txt" 2>&1 || true
{ head -43 "$tmp/histogram.txt"; tail -1 "$tmp/histogram.txt"; } > "$out/hold-100k-histogram.txt"
for p in $pids; do wait "$p" || true; done
t_end=$(date +%s)
python3 - "$out" "$PROCS" "$SESSIONS" "$HOLD" "$heap0" "$heap1" "$rss1" "$(( c1 - c0 ))" "$hz" "$(( t_up - t0 ))" <<'PY' | bench_section hold-100k "100,000 sessions held (bench/hold-100k.sh)"
import json, re, sys
out, procs, sessions, hold, heap0, heap1, rss1, ticks, hz, ramp = sys.argv[1:]
procs, sessions = int(procs), int(sessions)
tot = {"connected": 0, "failed": 0, "dropped": 0, "left": 0}
for i in range(1, procs + 1):
    d = json.load(open(f"{out}/hold-100k-{i}.json"))
    for k in tot:
        tot[k] += d[k]
connected = tot["connected"]
per = (int(heap1) - int(heap0)) * 1024 / max(connected, 1)
hist = open(f"{out}/hold-100k-histogram.txt").read().strip().splitlines()
live = int(hist[-1].split()[2]) if hist and hist[-1].startswith("Total") else 0
show = open(f"{out}/hold-100k-show.txt").read().strip()
lines = [
  f"| sessions connected | {connected:,} of {sessions:,} ({tot['failed']} failed to connect) in {ramp} s |",
  "| --- | --- |",
  f"| held | {hold} s with LCP echo every 10 s, L2TP HELLO every 60 s, DPD every 60 s (periodic), ESP rekeyed at 540 s; AES-256/SHA-1 |",
  f"| dropped while held | {tot['dropped']} |",
  f"| left at the end | {tot['left']:,} |",
  f"| heap that outlives a young collection (old + survivors), before / with everyone up | {int(heap0)/1024:,.0f} MiB / {int(heap1)/1024:,.0f} MiB |",
  f"| heap per session | {per/1024:,.1f} KiB ({per:,.0f} bytes) |",
  f"| live heap by class histogram (after a full collection), with everyone up, per session | {live/1024/1024:,.0f} MiB, {live/max(connected,1)/1024:,.1f} KiB ({live/max(connected,1):,.0f} bytes) |",
  f"| RSS with everyone up | {int(rss1)/1024:,.0f} MiB |",
  f"| server CPU while holding (60 s, from 2 minutes into the hold) | {int(ticks)/int(hz)/60*100:.1f} % of one core (the machine has 2) |",
  "", "`show` with everyone up:", "", "```", show, "```", "",
  "The heap per session is an upper bound: what outlives a young collection includes connect-time garbage promoted before it died.",
  "The histogram (`jcmd GC.class_histogram`, 3 minutes into the hold: a full collection whose pause the sessions then survived, or",
  "not, in 'dropped while held') counts only what is live; its largest classes: bench/results/hold-100k-histogram.txt.",
]
print("\n".join(lines))
PY
