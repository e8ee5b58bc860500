#!/bin/bash
# Teardown with real clients: the LNS clears a tunnel (clear vpdn tunnel l2tp ID), and a client
# vanishes without a word (its UML guest killed), which HELLO (l2tp tunnel hello 10) detects.
# Each time, show vpdn / show ip local pool must prove the session and its address are gone.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-teardown}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
seed_config "$out/lns.cfg" 's/^ l2tp cleartext$/ l2tp cleartext\n l2tp tunnel hello 10/'
"$here/topology.sh" down; "$here/topology.sh" up 3 || exit 2
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; pkill -f "umid=jlns" 2>/dev/null; wait 2>/dev/null; "$here/topology.sh" down; }
trap cleanup EXIT
start_jlns "$out" || exit 1
cli() { jlns_cli "$out" "$@"; }
fails=0
check() { # check NAME FILE PATTERN
  if grep -qE -- "$3" "$2"; then echo "teardown: ok   - $1"; else echo "teardown: FAIL - $1"; cat "$2"; fails=$((fails+1)); fi
}
connect() { # connect N: boots client N, which then holds; waits until its PPP is up
  "$here/boot-guest.sh" "$1" /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_SYNC=/var/tmp/jlns-never \
    JH_SYNC_WAIT=120 JH_USER=alice JH_PASS=alicepw JH_PING=12.0.0.8 > "$out/client$1.log" 2>&1 &
  for _ in $(seq 1 90); do grep -q "connected ppp_ip" "$out/client$1.log" 2>/dev/null && return 0; sleep 1; done
  return 1
}

connect 1 || { echo "client 1 did not connect"; cat "$out/client1.log"; exit 1; }
cli 'show vpdn' 'show users' 'show ip local pool' > "$out/up1.txt"
check "show vpdn lists the tunnel and session" "$out/up1.txt" "Total tunnels 1 sessions 1"
check "show users lists alice with her address" "$out/up1.txt" "Vi1 +alice +PPPoVPDN +- +20.0.0.100"
check "the pool has one address in use" "$out/up1.txt" "POOL +20.0.0.100 +20.0.0.110 +10 +1"
tid=$(awk '/^LocTunID/{getline; print $1}' "$out/up1.txt")
cli "clear vpdn tunnel l2tp $tid" > "$out/clear.txt"
sleep 2
cli 'show vpdn' 'show ip local pool' > "$out/after-clear.txt"
check "clear vpdn tunnel: no tunnel left" "$out/after-clear.txt" "Total tunnels 0 sessions 0"
check "clear vpdn tunnel: the address is back in the pool" "$out/after-clear.txt" "POOL +20.0.0.100 +20.0.0.110 +11 +0"
check "clear vpdn tunnel is logged" "$out/server.log" "TUNNEL_DOWN.*cleared by the administrator"
pkill -f "umid=jlns1" 2>/dev/null

connect 3 || { echo "client 3 did not connect"; cat "$out/client3.log"; exit 1; }
cli 'show users' > "$out/up3.txt"
vi=$(awk '/PPPoVPDN/{print $1}' "$out/up3.txt" | head -1)
cli "clear interface ${vi/Vi/Virtual-Access}" > "$out/clear-if.txt"
sleep 2
cli 'show vpdn' 'show ip local pool' > "$out/after-clear-if.txt"
check "clear interface $vi: the session is gone" "$out/after-clear-if.txt" "sessions 0"
check "clear interface $vi: the address is back in the pool" "$out/after-clear-if.txt" "POOL +20.0.0.100 +20.0.0.110 +11 +0"
check "clear interface is logged" "$out/server.log" "PPP-5-CLEAR"
pkill -f "umid=jlns3" 2>/dev/null

connect 2 || { echo "client 2 did not connect"; cat "$out/client2.log"; exit 1; }
cli 'show ip local pool' 'show vpdn session' > "$out/up2.txt"
check "client 2 holds an address" "$out/up2.txt" "POOL +20.0.0.100 +20.0.0.110 +10 +1"
tid2=$(awk '/alice, Vi/ {print $3}' "$out/up2.txt" | head -1)
t0=$(date +%s)
pkill -9 -f "umid=jlns2"
for _ in $(seq 1 90); do grep -q "TUNNEL_DOWN: L2TP tunnel $tid2 " "$out/server.log" && break; sleep 1; done
t1=$(date +%s)
cli 'show vpdn' 'show ip local pool' > "$out/after-vanish.txt"
check "a vanished client is detected (HELLO or LCP echo) in $((t1-t0)) s" "$out/server.log" \
  "tunnel $tid2 .*(retransmissions exhausted|LCP keepalive timeout)"
check "vanished: its session is gone" "$out/after-vanish.txt" "sessions 0"
check "vanished: the address is back in the pool" "$out/after-vanish.txt" "POOL +20.0.0.100 +20.0.0.110 +11 +0"
echo "teardown: $fails failures (logs in $out)"
[ "$fails" -eq 0 ]
