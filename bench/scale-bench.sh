#!/usr/bin/env bash
# jlns with 1 and with 2 event loops, side by side in one run: connects/s (against the
# Diffie-Hellman bound of this machine, measured alone with JMH in the same run) and throughput
# (1,400-byte packets, 100 clients). jlns runs in a network namespace of its own; the load
# generator on that namespace's loopback. Writes bench/results/scale-*.json|txt and the "Every
# core" section of BENCHMARKS.md.
#
#   bench/scale-bench.sh                       # 2,000 connects per run, 10 s of throughput
#   CONNECTS=500 SECONDS_TPUT=5 bench/scale-bench.sh
#
# Needs root (namespaces). Every loadgen run is bounded (--max-time).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CONNECTS=${CONNECTS:-2000}
SECONDS_TPUT=${SECONDS_TPUT:-10}
out=bench/results
mkdir -p "$out"
[ "$(id -u)" = 0 ] || { echo "scale-bench: needs root (network namespaces)"; exit 2; }
mvn -q -B -Dstyle.color=never -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
ulimit -n "$(ulimit -Hn)"
ns=lgb-scale
tmp=$(mktemp -d)

# The Diffie-Hellman a responder does per Main Mode, alone: 1 thread, then every core.
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
for t in 1 "$(nproc)"; do
  java -cp "$cp" org.openjdk.jmh.Main 'io.jlns.bench.DhBenchmark' -t "$t" -rf json -rff "$out/scale-dh-t$t.json" \
    > "$out/scale-dh-t$t.txt" 2>&1
done

bench_config "$tmp/lns.cfg" windows
bench_netns $ns
src=1
lg() { src=$((src + 1)); ip netns exec $ns ./jlns loadgen --psk bench-psk --user alice --password alicepw --profile linux \
  --source "127.0.0.$src" "$@" 127.0.0.1; }
for loops in 1 2; do
  rm -f "$tmp/jlns.sock"
  ip netns exec $ns java ${JLNS_JAVA_OPTS:-} -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" \
    --loops $loops > "$tmp/jlns-$loops.log" 2>&1 &
  for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
  # Warm-up (not reported).
  lg --scenario throughput --clients 100 --concurrency 100 --ike 3des-sha1-modp1024 --esp aes256-sha1 --size 512 --window 4 \
    --duration 5 --max-time 120 > "$out/scale-warmup-$loops.txt" 2>&1 || true
  sleep 3
  for g in modp1024 modp2048; do
    # The configuration's policies: 3DES/SHA-1/MODP-1024 (the seed's) and AES-256/SHA-1/MODP-2048 (Windows').
    ike=$([ $g = modp1024 ] && echo 3des-sha1-modp1024 || echo aes256-sha1-modp2048)
    lg --scenario connect --clients "$CONNECTS" --concurrency 200 --ike "$ike" --esp aes256-sha1 --timeout 120 \
      --max-time 600 --json "$out/scale-connect-$g-loops$loops.json" > "$out/scale-connect-$g-loops$loops.txt" 2>&1 || true
    sleep 3
  done
  lg --scenario throughput --clients 100 --concurrency 100 --ike aes256-sha1-modp2048 --esp aes256-sha1 --size 1400 --window 8 \
    --duration "$SECONDS_TPUT" --max-time 300 --json "$out/scale-tput-loops$loops.json" > "$out/scale-tput-loops$loops.txt" 2>&1 || true
  ip netns pids $ns | xargs -r kill 2>/dev/null || true
  sleep 2
done

python3 - "$out" "$CONNECTS" "$(nproc)" <<'PY' | bench_section scale-bench "Every core: 1 and 2 event loops (bench/scale-bench.sh)"
import json, re, sys
out, connects, cores = sys.argv[1], sys.argv[2], sys.argv[3]
def dh(t):
    r = {}
    for b in json.load(open(f"{out}/scale-dh-t{t}.json")):
        r[b["params"]["group"]] = b["primaryMetric"]["score"]
    return r
d1, dn = dh(1), dh(cores)
def j(n):
    return json.load(open(f"{out}/scale-{n}.json"))
rows = ["| | 1 loop | 2 loops | 2 loops / 1 loop |", "| --- | ---: | ---: | ---: |"]
for g, grp in (("modp1024", "2"), ("modp2048", "14")):
    a, b = j(f"connect-{g}-loops1"), j(f"connect-{g}-loops2")
    name = "3DES/SHA-1/MODP-1024" if g == "modp1024" else "AES-256/SHA-1/MODP-2048"
    rows.append(f"| connects/s, {connects} clients, 200 at once, {name} | {a['connects_per_second']:.1f} "
                f"({a['connected']} ok) | {b['connects_per_second']:.1f} ({b['connected']} ok) | "
                f"{b['connects_per_second'] / max(a['connects_per_second'], 0.001):.2f} |")
a, b = j("tput-loops1"), j("tput-loops2")
rows.append(f"| throughput, 100 clients, 1,400-byte echoes, 8 in flight each: Mbit/s each way | {a['mbit_in']:.0f} | "
            f"{b['mbit_in']:.0f} | {b['mbit_in'] / max(a['mbit_in'], 0.001):.2f} |")
rows.append(f"| the same: RTT p99 ms | {a['rtt_ms_p99']:.2f} | {b['rtt_ms_p99']:.2f} | |")
dhrows = ["| responder's DH per Main Mode (JMH `DhBenchmark`) | 1 thread | all " + cores + " cores |", "| --- | ---: | ---: |"]
for grp, name in (("2", "MODP-1024"), ("14", "MODP-2048")):
    dhrows.append(f"| {name}: key pair and shared secret per second | {d1[grp]:,.0f} | {dn[grp]:,.0f} |")
best = {}
for g, grp in (("modp1024", "2"), ("modp2048", "14")):
    best[g] = max(j(f"connect-{g}-loops1")["connects_per_second"], j(f"connect-{g}-loops2")["connects_per_second"])
lines = rows + [""] + dhrows + ["",
  "Connects/s against the DH bound: the best connects/s over the DH rate with every core "
  f"(MODP-1024 {best['modp1024'] / dn['2'] * 100:.0f} %, MODP-2048 {best['modp2048'] / dn['14'] * 100:.0f} %). "
  "The load generator runs on the same cores and does one exponentiation of its own per connect "
  "(its key pairs come from a pool), so the machine spends 3 exponentiations per connect where the "
  "bound counts the server's 2."]
print("\n".join(lines))
PY
