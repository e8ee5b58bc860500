#!/bin/bash
# ESP benchmarks (JMH, one thread) next to 'openssl speed' for the same ciphers and sizes, run
# on this machine in the same run; writes BENCHMARKS.md. Extra arguments go to JMH (e.g. -f 1 -i 3).
# Run it on an otherwise idle machine: both measure one core.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
# -prof gc: bytes allocated per operation (per packet), next to the speed.
java -cp "$cp" org.openjdk.jmh.Main 'io.jlns.bench.EspBenchmark' -prof gc -rf json -rff target/jmh-esp.json "$@" | tee target/jmh-esp.txt
# OpenSSL: kilobytes (1000 bytes) per second of payload, per cipher, size and direction.
speed() { # speed SIZE ARGS... -> bytes/s
  openssl speed -elapsed -seconds 3 -bytes "$1" "${@:2}" 2>/dev/null | awk 'END { sub(/k$/, "", $NF); printf "%.0f\n", $NF * 1000 }'
}
: > target/openssl-speed.txt
for size in 64 1400; do
  for c in des-ede3-cbc aes-128-cbc aes-256-cbc aes-128-gcm aes-256-gcm; do
    echo "$c $size encrypt $(speed $size -evp $c)" >> target/openssl-speed.txt
    echo "$c $size decrypt $(speed $size -decrypt -evp $c)" >> target/openssl-speed.txt
  done
  for h in sha1 sha256; do
    echo "hmac-$h $size both $(speed $size -hmac $h)" >> target/openssl-speed.txt
  done
done
python3 - "$(openssl version)" "$(java -version 2>&1 | head -1)" "$(lscpu | sed -n 's/^Model name: *//p')" <<'PY'
import json, sys
openssl, java, cpu = sys.argv[1:4]
ossl = {}
for line in open('target/openssl-speed.txt'):
    c, size, op, bps = line.split()
    ossl[(c, int(size), op)] = float(bps)
suite = {
    'esp-3des esp-sha-hmac': ('des-ede3-cbc', 'hmac-sha1'),
    'esp-aes esp-sha-hmac': ('aes-128-cbc', 'hmac-sha1'),
    'esp-aes 256 esp-sha-hmac': ('aes-256-cbc', 'hmac-sha1'),
    'esp-aes 256 esp-sha256-hmac': ('aes-256-cbc', 'hmac-sha256'),
    'esp-gcm': ('aes-128-gcm', None),
    'esp-gcm 256': ('aes-256-gcm', None),
}
rows = []
for r in json.load(open('target/jmh-esp.json')):
    t = r['params']['transform']; size = int(r['params']['size']); op = r['benchmark'].rsplit('.', 1)[1]
    ops = r['primaryMetric']['score']
    jlns = ops * size
    cipher, mac = suite[t]
    c = ossl[(cipher, size, op)]
    # The same work done by OpenSSL: cipher and HMAC one after the other (their times add up).
    ref = c if mac is None else 1 / (1 / c + 1 / ossl[(mac, size, 'both')])
    alloc = r.get('secondaryMetrics', {}).get('gc.alloc.rate.norm', {}).get('score')
    rows.append((t, size, op, ops, jlns / 1e6, ref / 1e6, jlns / ref, alloc))
rows.sort(key=lambda x: (x[0], x[1], x[2]))
with open('BENCHMARKS.md', 'w') as f:
    f.write('# Benchmarks\n\n')
    f.write('## ESP per packet, one core (`bench/run.sh`)\n\n')
    f.write('jlns: JMH `io.jlns.bench.EspBenchmark`, one thread: encrypt is the send path (payload copied in, sequence\n'
            'number, padding, encryption, ICV); decrypt the receive path (copied out of the socket buffer, anti-replay\n'
            'check and update, ICV, decryption, padding check). OpenSSL: `openssl speed -evp CIPHER -bytes N` (with\n'
            '`-decrypt` for decryption) and `openssl speed -hmac DIGEST -bytes N`, in the same run on the same machine;\n'
            'for a CBC transform its reference is the cipher and the HMAC one after the other (1/(1/cipher + 1/hmac)).\n'
            'MB/s are of payload (10^6 bytes). B/packet: bytes the JVM allocated per packet (JMH `-prof gc`,\n'
            'gc.alloc.rate.norm).\n\n')
    f.write(f'Machine: {cpu}; {openssl}; {java}.\n\n')
    f.write('| transform | bytes | op | jlns packets/s | jlns MB/s | OpenSSL MB/s | ratio | B/packet |\n')
    f.write('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n')
    for t, size, op, ops, j, o, ratio, alloc in rows:
        a = '-' if alloc is None else f'{alloc:,.0f}'
        f.write(f'| {t} | {size} | {op} | {ops:,.0f} | {j:,.1f} | {o:,.1f} | {ratio:.2f} | {a} |\n')
print(open('BENCHMARKS.md').read())
PY
