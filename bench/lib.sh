# Shared by the load benchmarks (sourced): the configuration jlns runs with, a network namespace
# that is removed on exit, and the writer of a BENCHMARKS.md section.

# bench_config FILE [windows]: the seed's configuration with the key bench-psk, user alice/alicepw
# and a pool of 131,072 addresses; with 'windows', also Windows' own suite (AES-256/SHA-1/MODP-2048
# policy and an esp-aes 256 transform set).
bench_config() {
  local extra=()
  if [ "${2:-}" = windows ]; then
    extra=(-e 's/^crypto isakmp key cisco hostname w2k01$/crypto isakmp policy 2\n encr aes 256\n authentication pre-share\n group 14\n lifetime 3600\ncrypto isakmp key cisco hostname w2k01/'
      -e 's/^crypto ipsec transform-set TS1 esp-3des esp-sha-hmac$/crypto ipsec transform-set TS2 esp-aes 256 esp-sha-hmac\n mode transport\ncrypto ipsec transform-set TS1 esp-3des esp-sha-hmac/'
      -e 's/^  set transform-set TS1!$/  set transform-set TS1 TS2/')
  fi
  sed -e 's/key change-this-psk/key bench-psk/' \
      -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
      -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.1.0.0 20.2.255.255/' \
      "${extra[@]}" examples/seed-lns.cfg > "$1"
}

# bench_netns NAME: a namespace with loopback up; it, its processes and $tmp go when the script exits.
bench_netns() {
  bench_ns=$1
  ip netns add "$bench_ns"
  ip -n "$bench_ns" link set lo up
  trap 'ip netns pids "$bench_ns" 2>/dev/null | xargs -r kill 2>/dev/null || true; sleep 2;
        ip netns pids "$bench_ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true;
        ip netns del "$bench_ns" 2>/dev/null || true; rm -rf "${tmp:-/nonexistent}"' EXIT
}

# bench_section MARKER TITLE < BODY: puts BODY between <!-- MARKER --> and <!-- /MARKER --> in
# BENCHMARKS.md (appending a "## TITLE" section the first time), and prints it.
bench_section() {
  local body
  body=$(cat)
  python3 - "$1" "$2" "$body" <<'PY'
import re, sys
marker, title, body = sys.argv[1], sys.argv[2], sys.argv[3].rstrip("\n")
path = "BENCHMARKS.md"
text = open(path).read()
start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
section = f"{start}\n{body}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: section, text, flags=re.S)
else:
    text += f"\n## {title}\n\n{section}\n"
open(path, "w").write(text)
print(body)
PY
}
