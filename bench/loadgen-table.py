#!/usr/bin/env python3
"""Writes the side-by-side table of bench/loadgen-bench.sh into BENCHMARKS.md (between markers)."""
import json
import os
import platform
import subprocess
import sys

results, target, connects, held = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
BEGIN, END = "<!-- loadgen-bench -->", "<!-- /loadgen-bench -->"


def load(server, tag):
    try:
        with open(os.path.join(results, f"{server}-{tag}.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


rows = []


def row(label, tag, fn, unit, higher_better=True, fmt="{:,.1f}"):
    j, s = load("jlns", tag), load("softether", tag)
    vj = fn(j) if j else None
    vs = fn(s) if s else None
    ratio = ""
    if vj and vs:
        r = vj / vs if higher_better else vs / vj
        ratio = f"{r:.2f}"
    show = lambda v: "n/a" if v is None else fmt.format(v)
    rows.append(f"| {label} | {unit} | {show(vj)} | {show(vs)} | {ratio} |")


def per_k(d):
    return d["server_cpu_s"] / max(1, d["connected"]) * 1000


def rss_per_session(d):
    if d["connected"] == 0:
        return None
    return (d["server_rss_kb_all_connected"] - d["server_rss_kb_before"]) / d["connected"]


for tag, name in (("connect-gentle", "seed suite, 20 connecting at once"), ("connect-seed", "seed suite 3des-sha1-modp1024"),
                  ("connect-windows", "Windows' aes256-sha1-modp2048")):
    row(f"connects/s to {connects:,} clients, {name}", tag, lambda d: d["connects_per_second"], "connects/s")
    row(f"clients connected of {connects:,}, {name}", tag, lambda d: d["connected"], "clients", fmt="{:,.0f}")
    row(f"connect time p99, {name}", tag, lambda d: d["connect_ms_p99"], "ms", higher_better=False, fmt="{:,.0f}")
    row(f"server CPU per 1,000 connects, {name}", tag, per_k, "CPU s", higher_better=False)
row(f"sessions held (of {held:,}), seed suite", "held", lambda d: d["connected"], "sessions", fmt="{:,.0f}")
row(f"time to {held:,} sessions (or to the run's end)", "held", lambda d: d["time_to_all_s"], "s", higher_better=False)
row("held: connects/s", "held", lambda d: d["connects_per_second"], "connects/s")
row("server resident memory per session", "held", rss_per_session, "KiB", higher_better=False)
for n in (1, 100):
    for size in (64, 512, 1400):
        tag = f"tput-{n}-{size}"
        label = f"{n} client{'s' if n > 1 else ''}, {size}-byte echoes"
        row(f"throughput, {label}", tag, lambda d: d["pps_in"], "packets/s in")
        row(f"throughput, {label}", tag, lambda d: d["mbit_in"] + d["mbit_out"], "Mbit/s both ways", fmt="{:,.2f}")
        row(f"echo RTT p99, {label}", tag, lambda d: d["rtt_ms_p99"], "ms", higher_better=False, fmt="{:,.3f}")
        row(f"echo loss, {label}", tag, lambda d: d["loss_percent"], "%", higher_better=False, fmt="{:,.2f}")
        row(f"server CPU in the run, {label}", tag, lambda d: d["server_cpu_s"], "CPU s", higher_better=False, fmt="{:,.2f}")

cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
java = sh("java -version 2>&1 | head -1")
se = sh("dpkg-query -W -f='${Version}' softether-vpnserver")
text = f"""{BEGIN}
## Load: jlns and SoftEther side by side (`bench/loadgen-bench.sh`)

Both servers on this machine, each in a network namespace of its own, driven one after the other by
the same `jlns loadgen` runs from inside that namespace (loopback); every client from one source
address, as behind one NAT (jlns: the seed's configuration with `set nat demux`, plus Windows'
suite; SoftEther: `bench/softether-server.sh`, SecureNAT). The generator runs on the same two
cores as the server, so absolute figures are a floor; the ratio column is the point. Profile
`linux` (strongSwan-like) for both: the Windows profile's IPV6CP and DNS/NBNS make SoftEther wait
~5 s for its DHCP. Connect runs keep 200 clients connecting at once (one run 20); throughput runs keep 8 echoes
in flight per client for {int(os.environ.get('THROUGHPUT_SECONDS', 10))} s (echo target: jlns's
Loopback0, SoftEther's SecureNAT gateway); ESP aes256-sha1. Server CPU and resident memory are
read from /proc for the server's processes; before each run the script waits until the server is
idle (under 5% of a core). Memory per session: growth from before the run to the
moment every client was up, divided by the sessions up (for the JVM this includes garbage not yet
collected). Each run comes from a new address
(SoftEther keeps an IKE client 150 s after it left, and takes at most 1,000 per address:
`IKE_QUOTA_MAX_NUM_CLIENTS_PER_IP`); the held run stops starting clients after 400 failures.

Machine: {cpu}, {os.cpu_count()} cores; {java}; SoftEther VPN Server {se}; kernel {platform.release()}.
Command: `bench/loadgen-bench.sh` (CONNECTS={connects}, HELD={held}); raw results in `bench/results/`.
Ratio: how many times better jlns is (jlns/SoftEther where higher is better, SoftEther/jlns where lower is).

| measure | unit | jlns | SoftEther | ratio |
| --- | --- | ---: | ---: | ---: |
""" + "\n".join(rows) + f"\n{END}\n"

try:
    with open(target) as f:
        doc = f.read()
except OSError:
    doc = "# Benchmarks\n"
if BEGIN in doc and END in doc:
    doc = doc[: doc.index(BEGIN)] + text + doc[doc.index(END) + len(END) + 1 :]
else:
    doc = doc.rstrip("\n") + "\n\n" + text
with open(target, "w") as f:
    f.write(doc)
