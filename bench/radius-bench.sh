#!/usr/bin/env bash
# Connects/s with RADIUS in the loop, side by side in one run (issue 13): the same CLIENTS MS-CHAPv2
# clients (windows profile, 50 connecting at once) against jlns with
#   local    'aaa authentication ppp default local' (the baseline),
#   radius   'group radius' to a real FreeRADIUS (threaded, not -X) on loopback, with accounting,
#   dead     'group radius local' where the only server does not answer: marked dead by the first
#            clients (dead-criteria time 1 tries 1, deadtime 10), the rest authenticate locally.
# Writes bench/results/radius-*.json and prints a table with ratios to the baseline. Loopback only,
# every run bounded (--max-time).
#
#   bench/radius-bench.sh              # 1,000 clients per run
#   CLIENTS=300 bench/radius-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${CLIENTS:-1000}
out=bench/results
mkdir -p "$out"
tmp=$(mktemp -d)
radiusd=; server=
trap 'kill $server $radiusd 2>/dev/null || true; rm -rf "$tmp"' EXIT
./jlns check --config examples/seed-lns.cfg > /dev/null 2>&1 || true
scripts/freeradius-conf.sh "$tmp/raddb" 11832 bench-secret
printf 'alice Cleartext-Password := "alicepw"\n' > "$tmp/raddb/users"
freeradius -f -d "$tmp/raddb" -l "$tmp/radius.log" &
radiusd=$!
sleep 1

config() { # config MODE
  local methods
  case $1 in
    local) methods="local" ;;
    radius) methods="group radius\naaa accounting network default start-stop group radius" ;;
    dead) methods="group radius local" ;;
  esac
  sed -e 's/key change-this-psk/key bench-psk/' \
      -e "s/^aaa authentication ppp default local\$/aaa authentication ppp default $methods/" \
      -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
      -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.0.8.0 20.0.15.255/' \
      -e '/^end$/d' examples/seed-lns.cfg
  if [ "$1" = dead ]; then
    printf 'radius server GONE\n address ipv4 127.0.0.1 auth-port 11932 acct-port 11933\n key 0 x\n timeout 1\n retransmit 0\n'
    printf 'radius-server dead-criteria time 1 tries 1\nradius-server deadtime 10\n'
  else
    printf 'radius server FR\n address ipv4 127.0.0.1 auth-port 11832 acct-port 11833\n key 0 bench-secret\n'
  fi
  echo end
}
for mode in local radius dead; do
  config $mode > "$tmp/$mode.cfg"
  java -jar target/jlns.jar run --config "$tmp/$mode.cfg" --socket "$tmp/$mode.sock" --ike-port 10530 --nat-t-port 14530 \
    > "$tmp/$mode.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do [ -S "$tmp/$mode.sock" ] && break; sleep 0.1; done
  ./jlns loadgen --clients "$CLIENTS" --concurrency 50 --source 127.0.0.1 --ike-port 10530 --nat-t-port 14530 --psk bench-psk \
    --user alice --password alicepw --profile windows --timeout 60 --max-time 300 --json "$out/radius-$mode.json" 127.0.0.1 \
    > "$tmp/$mode.out" 2>&1 || true
  kill $server; wait $server 2>/dev/null || true
  server=
done
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
r = {m: json.load(open(f"{out}/radius-{m}.json")) for m in ("local", "radius", "dead")}
base = r["local"]["connects_per_second"]
print(f"{'mode':8} {'connected':>10} {'failed':>7} {'connects/s':>11} {'ratio':>6} {'connect ms p50':>15} {'p99':>7}")
for m, j in r.items():
    print(f"{m:8} {j['connected']:>10} {j['failed']:>7} {j['connects_per_second']:>11} {j['connects_per_second'] / base:>6.2f}"
          f" {j['connect_ms_p50']:>15} {j['connect_ms_p99']:>7}")
PY
