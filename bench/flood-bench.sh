#!/usr/bin/env bash
# IKE flood against jlns while established clients pass traffic: the established clients' RTT and
# loss with and without the flood, how many new clients still connect during it, and the server's
# memory after it. jlns runs in a network namespace of its own (standard ports 500/4500); every
# client, the flood included, is a `jlns loadgen` on that namespace's loopback. Writes
# bench/results/flood-*.json|txt and the "IKE flood" section of BENCHMARKS.md.
#
#   bench/flood-bench.sh                        # 1,000 held clients, 60 s of flood
#   HOLD=200 FLOOD_SECONDS=20 bench/flood-bench.sh   # a shorter one
#   FLOOD_NICE=idle FLOOD_BURST=1 bench/flood-bench.sh  # the flood at SCHED_IDLE, one datagram per system call
#
# The flood: from 64 UDP ports of one address, Main Mode message 1s as fast as one loadgen thread
# sends them, and a message 3 with a random public value for each message 2 (each costs the
# responder a Diffie-Hellman). A second run floods from 254 addresses at once, which fills the
# global in-negotiation limit rather than one address's. Needs root (namespaces). Bounded: every
# loadgen run has --max-time, the flood --duration.
#
# A real flood comes from elsewhere: its sender's CPU is not the server's. Here all of it shares
# one machine, so the flood process runs at nice FLOOD_NICE (default 19): it still sends as fast as
# the CPU left over lets it (its rate is reported), without taking the core the server and the
# held clients need. A third run floods from 64 ports again at nice 0, to show what sharing the
# machine's two cores with the attacker costs.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
HOLD=${HOLD:-1000}
FLOOD_NICE=${FLOOD_NICE:-19}   # or 'idle': SCHED_IDLE (chrt --idle 0)
FLOOD_BURST=${FLOOD_BURST:-64}  # message 1s per sendmmsg
PPS=${PPS:-5}
FLOOD_SECONDS=${FLOOD_SECONDS:-60}
NEW=${NEW:-100}
out=bench/results
mkdir -p "$out"
[ "$(id -u)" = 0 ] || { echo "flood-bench: needs root (network namespaces)"; exit 2; }
[ -f target/jlns.jar ] || mvn -q -B -DskipTests package
ulimit -n "$(ulimit -Hn)"
ns=lgb-flood
tmp=$(mktemp -d)

bench_config "$tmp/lns.cfg"
bench_netns $ns
ip netns exec $ns java ${JLNS_JAVA_OPTS:-} -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" \
  > "$tmp/jlns.log" 2>&1 &
for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
pid=$(ip netns pids $ns | head -1)
cli() { java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable "$@"; }
lg() { ip netns exec $ns ./jlns loadgen --psk bench-psk --user alice --password alicepw --profile linux \
  --ike 3des-sha1-modp1024 --esp 3des-sha1 "$@" 127.0.0.1; }
# Where the machine's CPU goes during a run, in ticks: softirq time of all CPUs (inline or in
# ksoftirqd), the ksoftirqd threads, and the processes whose command line matches a pattern.
softirq_ticks() { awk '/^cpu / {print $8}' /proc/stat; }
ksoftirqd_ticks() { for p in $(pgrep ksoftirqd); do awk '{print $14 + $15}' /proc/$p/stat; done | awk '{s += $1} END {print s + 0}'; }
proc_ticks() { for p in $(pgrep -f "$1"); do awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
cpu_snapshot() { echo "$(date +%s%N) $(softirq_ticks) $(ksoftirqd_ticks) $(proc_ticks 'jlns.jar run') $(proc_ticks 'scenario flood') $(proc_ticks 'scenario hold')"; }
# cpu_window TAG: snapshots now and FLOOD_SECONDS - 1 later (in the background), into $out/flood-TAG-cpu.txt.
cpu_window() { cpu_snapshot > "$out/flood-$1-cpu.txt"; (sleep "$((FLOOD_SECONDS - 1))"; cpu_snapshot >> "$out/flood-$1-cpu.txt") & }
heap_kb() { jcmd "$pid" GC.run > /dev/null 2>&1; jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {gsub("K","",$6); print $6}'; }
rss_kb() { awk '/^VmRSS/ {print $2}' /proc/$pid/status; }

# Warm-up (not reported): the JIT compiles the connect and traffic paths.
lg --clients 100 --concurrency 100 --scenario throughput --window 4 --duration 5 --source 127.0.0.2 --max-time 120 \
  > "$out/flood-warmup.txt" 2>&1 || true
sleep 5
heap0=$(heap_kb); rss0=$(rss_kb)

# quiet: HOLD clients, PPS echoes a second each, no flood.
lg --scenario hold --clients "$HOLD" --concurrency 100 --pps "$PPS" --duration "$FLOOD_SECONDS" --source 127.0.0.3 \
  --timeout 120 --max-time 600 --ready-file "$tmp/ready-quiet" --json "$out/flood-quiet.json" > "$out/flood-quiet.txt" 2>&1 &
for _ in $(seq 1 1200); do [ -f "$tmp/ready-quiet" ] && break; sleep 0.1; done
cpu_window quiet
wait $! || true
sleep 5

# flood: the same, with the flood running through the whole hold, and NEW clients arriving during it.
flood_run() { # TAG FLOOD-SOURCES HELD-SOURCE NEW-SOURCE NICE
  local tag=$1 fsrc=$2 hsrc=$3 nsrc=$4 niceness=$5
  rm -f "$tmp/ready"
  cli 'clear crypto call admission statistics' > /dev/null
  lg --scenario hold --clients "$HOLD" --concurrency 100 --pps "$PPS" --duration "$FLOOD_SECONDS" --source "$hsrc" \
    --timeout 120 --max-time 600 --ready-file "$tmp/ready" --json "$out/flood-$tag.json" > "$out/flood-$tag.txt" 2>&1 &
  local held=$!
  for _ in $(seq 1 1200); do [ -f "$tmp/ready" ] && break; sleep 0.1; done
  local sched=(nice -n "$niceness")
  [ "$niceness" = idle ] && sched=(chrt --idle 0)
  ip netns exec $ns "${sched[@]}" ./jlns loadgen --scenario flood --clients 64 --threads 1 --source "$fsrc" --profile windows \
    --window "$FLOOD_BURST" \
    --duration "$((FLOOD_SECONDS + 5))" --max-time "$((FLOOD_SECONDS + 30))" 127.0.0.1 > "$out/flood-$tag-attack.txt" 2>&1 &
  local flood=$!
  cpu_window "$tag"
  sleep 5
  # New clients during the flood: behind the held clients' NAT (an office already connected), and
  # from an address never seen before.
  lg --scenario connect --clients "$NEW" --rate 5 --source "$hsrc" --timeout 60 --max-time "$((FLOOD_SECONDS + 60))" \
    --json "$out/flood-$tag-office.json" > "$out/flood-$tag-office.txt" 2>&1 &
  local office=$!
  lg --scenario connect --clients "$NEW" --rate 5 --source "$nsrc" --timeout 60 --max-time "$((FLOOD_SECONDS + 60))" \
    --json "$out/flood-$tag-new.json" > "$out/flood-$tag-new.txt" 2>&1 || true
  wait $office || true
  wait $held || true
  wait $flood || true
  cli 'show crypto call admission statistics' > "$out/flood-$tag-cac.txt"
  sleep 35  # the flood's half-open SAs expire (30 s)
  echo "$(heap_kb) $(rss_kb) $(wc -l < "$tmp/jlns.log")" > "$tmp/mem-$tag"
}
flood_run ports 127.0.0.200 127.0.0.4 127.0.0.5 "$FLOOD_NICE"
flood_run addresses 127.0.1.1-127.0.1.254 127.0.0.6 127.0.0.7 "$FLOOD_NICE"
flood_run shared 127.0.0.201 127.0.0.8 127.0.0.9 0

python3 - "$out" "$HOLD" "$PPS" "$FLOOD_SECONDS" "$NEW" "$heap0" "$rss0" "$(cat "$tmp/mem-ports")" "$(cat "$tmp/mem-addresses")" "$FLOOD_NICE" "$FLOOD_BURST" <<'PY' | bench_section flood-bench "IKE flood (bench/flood-bench.sh)"
import json, re, sys
out, hold, pps, secs, new, heap0, rss0, mp, ma, niceness, burst = sys.argv[1:]
def j(n):
    return json.load(open(f"{out}/flood-{n}.json"))
def attack(tag):
    t = open(f"{out}/flood-{tag}-attack.txt").read()
    m = re.search(r"MM1 sent ([\d,]+) \(([\d,]+)/s\), MM2 received ([\d,]+), MM3 sent ([\d,]+),", t)
    return m.groups() if m else ("?", "?", "?", "?")
q, p, a, sh = j("quiet"), j("ports"), j("addresses"), j("shared")
np_, na = j("ports-new"), j("addresses-new")
op, oa = j("ports-office"), j("addresses-office")
def row(name, d):
    return f"| {name} | {d['connected']} | {d['dropped']} | {d['loss_percent']:.2f} % | {d['rtt_ms_p50']:.2f} | {d['rtt_ms_p99']:.2f} |"
ap, aa, ash = attack("ports"), attack("addresses"), attack("shared")
def cpu(tag, name):
    try:
        a, b = [list(map(int, l.split())) for l in open(f"{out}/flood-{tag}-cpu.txt").read().split("\n")[:2]]
    except (OSError, ValueError):
        return f"| {name} | | | | | |"
    secs = (b[0] - a[0]) / 1e9
    return f"| {name} | " + " | ".join(f"{(y - x) / secs:.0f} %" for x, y in zip(a[1:], b[1:])) + " |"
hp, rp, lp = mp.split(); ha, ra, la = ma.split()
lines = [
  f"{hold} clients hold, {pps} echoes a second each (Loopback0), for {secs} s; during the flood runs, {new} new clients",
  f"try to connect at 5 a second. jlns with its defaults (in-negotiation 1,000, per address 250, DH on 2 workers).",
  f"The flood process runs at {'SCHED_IDLE' if niceness == 'idle' else 'nice ' + niceness} (its CPU is not the server's, as for a real attacker), writing {burst} message 1s per system call; the last row at nice 0.",
  "",
  "| held clients | connected | dropped | echo loss | RTT p50 ms | RTT p99 ms |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  row("quiet (no flood)", q),
  row("flood from 64 ports of one address", p),
  row("flood from 254 addresses", a),
  row("flood from 64 ports of one address, flood at nice 0 (sharing the 2 cores)", sh),
  "",
  "| flood | MM1 sent | MM1/s | MM2 answered | MM3 (DH forced) | new clients connected: behind the held clients' NAT | from a new address | heap after (KiB) | RSS after (KiB) |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  f"| 64 ports, one address | {ap[0]} | {ap[1]} | {ap[2]} | {ap[3]} | {op['connected']}/{new} | {np_['connected']}/{new} | {hp} | {rp} |",
  f"| 254 addresses | {aa[0]} | {aa[1]} | {aa[2]} | {aa[3]} | {oa['connected']}/{new} | {na['connected']}/{new} | {ha} | {ra} |",
  f"| 64 ports, nice 0 | {ash[0]} | {ash[1]} | {ash[2]} | {ash[3]} | {j('shared-office')['connected']}/{new} | {j('shared-new')['connected']}/{new} | | |",
  "",
  f"Heap after warm-up, before the runs: {heap0} KiB (RSS {rss0} KiB); heap is measured after a full GC (`jcmd GC.run`),",
  "once the flood's half-open SAs have expired. `show crypto call admission statistics` after each flood:",
  "", "Where the CPU went while the held clients ran (percent of one core; the machine has 2; softirq counts the kernel's",
  "packet processing wherever it ran, inline or in ksoftirqd):", "",
  "| run | softirq | ksoftirqd threads | jlns | flood process | held clients' load generator |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  *[cpu(n, t) for n, t in (("quiet", "quiet (no flood)"), ("ports", "64 ports, one address"), ("addresses", "254 addresses"),
                           ("shared", "64 ports, nice 0"))],
  "", "```", open(f"{out}/flood-ports-cac.txt").read().strip(), "```", "", "```", open(f"{out}/flood-addresses-cac.txt").read().strip(), "```",
]
print("\n".join(lines))
PY
