#!/usr/bin/env bash
# Two jlns nodes, one FreeRADIUS (issue 13, "beyond one machine"): one user base, one address plan
# (FreeRADIUS's rlm_ippool hands out Framed-IP-Address from 20.0.50.1-30 to sessions of both nodes,
# keyed by their Acct-Session-Ids, and takes each back with its accounting Stop), accounting from
# both in one detail file. 15 clients on each node fill the plan exactly: no address is handed out
# twice; then a second round of 30 connects too, so every address came back. Each node is its own
# process with its own ports, hostname (NAS-Identifier) and control socket, on loopback; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
CHECKS="radius-nodes"
. scripts/checks.sh
command -v freeradius > /dev/null || { echo "radius-nodes: FAIL - freeradius is not installed"; exit 1; }
AUTH_PORT=11822
IPPOOL="20.0.50.1 20.0.50.30" scripts/freeradius-conf.sh "$tmp/raddb" $AUTH_PORT nodes-secret
printf 'DEFAULT Pool-Name := "main_pool"\n      Fall-Through = Yes\nalice Cleartext-Password := "alicepw"\n' > "$tmp/raddb/users"
freeradius -X -d "$tmp/raddb" > "$tmp/radius.log" 2>&1 &
radiusd=$!
a=; b=; la=; lb=
trap 'kill $a $b $la $lb $radiusd 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"' EXIT
for _ in $(seq 1 50); do grep -q 'Ready to process requests' "$tmp/radius.log" && break; sleep 0.1; done

node() { # node NAME: its configuration (the seed's, RADIUS for everything, its own hostname)
  sed -e 's/key change-this-psk/key nodes-psk/' -e "s/^hostname .*/hostname $1/" \
      -e 's/^aaa authentication ppp default local$/aaa authentication ppp default group radius\naaa authorization network default group radius\naaa accounting network default start-stop group radius/' \
      -e 's/^ *ppp authentication chap ms-chap$/  ppp authentication ms-chap-v2/' -e '/^end$/d' examples/seed-lns.cfg
  printf 'radius server FR\n address ipv4 127.0.0.1 auth-port %s acct-port %s\n key 0 nodes-secret\nend\n' $AUTH_PORT $((AUTH_PORT + 1))
}
node LNS-A > "$tmp/a.cfg"; node LNS-B > "$tmp/b.cfg"
./jlns check --config "$tmp/a.cfg" > /dev/null
java -jar target/jlns.jar run --config "$tmp/a.cfg" --socket "$tmp/a.sock" --ike-port 10510 --nat-t-port 14510 --loops 1 > "$tmp/a.log" 2>&1 &
a=$!
java -jar target/jlns.jar run --config "$tmp/b.cfg" --socket "$tmp/b.sock" --ike-port 10520 --nat-t-port 14520 --loops 1 > "$tmp/b.log" 2>&1 &
b=$!
for _ in $(seq 1 100); do [ -S "$tmp/a.sock" ] && [ -S "$tmp/b.sock" ] && break; sleep 0.1; done

round() { # round N: 15 clients on each node at once, holding 6 s
  ./jlns loadgen --clients 15 --source 127.0.0.1 --ike-port 10510 --nat-t-port 14510 --psk nodes-psk --user alice \
    --password alicepw --pps 1 --duration 6 --timeout 30 --max-time 60 --json "$tmp/a$1.json" 127.0.0.1 > "$tmp/a$1.out" 2>&1 &
  la=$!
  ./jlns loadgen --clients 15 --source 127.0.0.1 --ike-port 10520 --nat-t-port 14520 --psk nodes-psk --user alice \
    --password alicepw --pps 1 --duration 6 --timeout 30 --max-time 60 --json "$tmp/b$1.json" 127.0.0.1 > "$tmp/b$1.out" 2>&1 &
  lb=$!
  rca=0; rcb=0; wait $la || rca=$?; wait $lb || rcb=$?
  la=; lb=
}
addresses() { grep -ho 'user alice has address [0-9.]*' "$tmp/a.log" "$tmp/b.log" | awk '{print $NF}'; }
round 1
check "round 1: 15 clients on each node connect and ping with no loss" \
  "[ $rca = 0 ] && [ $rcb = 0 ] && grep -q '\"connected\": 15,' '$tmp/a1.json' && grep -q '\"connected\": 15,' '$tmp/b1.json' \
   && grep -q '\"loss_percent\": 0.0,' '$tmp/a1.json' && grep -q '\"loss_percent\": 0.0,' '$tmp/b1.json'"
n=$(addresses | wc -l); d=$(addresses | sort -u | wc -l)
check "30 sessions on two nodes, 30 distinct addresses, all from FreeRADIUS's plan 20.0.50.1-30 ($d distinct of $n)" \
  "[ $n = 30 ] && [ $d = 30 ] && ! addresses | grep -vq '^20\.0\.50\.\([1-9]\|[12][0-9]\|30\)$'"
check "each node used its own hostname as NAS-Identifier" \
  "grep -q 'NAS-Identifier = \"LNS-A\"' '$tmp/radius.log' && grep -q 'NAS-Identifier = \"LNS-B\"' '$tmp/radius.log'"
for _ in $(seq 1 50); do [ "$(grep -c 'Acct-Status-Type = Stop' "$tmp/raddb/acct/detail" 2>/dev/null)" = 30 ] && break; sleep 0.1; done
round 2
check "round 2: the plan is full again with 30 new sessions (every Stop gave its address back)" \
  "[ $rca = 0 ] && [ $rcb = 0 ] && [ \$(addresses | wc -l) = 60 ]"
check "accounting of both nodes in one place: 60 Starts and 60 Stops" \
  "[ \$(grep -c 'Acct-Status-Type = Start' '$tmp/raddb/acct/detail') = 60 ] && sleep 1 && [ \$(grep -c 'Acct-Status-Type = Stop' '$tmp/raddb/acct/detail') = 60 ]"
if [ "$fail" -gt 0 ]; then
  for f in "$tmp"/*.out; do echo "---- $f"; tail -8 "$f"; done
  echo "---- node A (tail)"; tail -20 "$tmp/a.log"; echo "---- freeradius (tail)"; tail -30 "$tmp/radius.log"
fi
echo "radius-nodes: $pass passed, $fail failed"
[ "$fail" = 0 ]
