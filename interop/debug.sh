#!/bin/bash
# IOS debugging and logging with real clients (issue 14): jlns runs the seed's configuration with
# 'logging host' to a real rsyslogd in a namespace of its own; 'jlns monitor' (terminal monitor)
# watches 'debug crypto isakmp' limited by 'debug condition peer ipv4' to client 1. No NAT, so
# each client has an address of its own. Round 1: client 1 has the wrong pre-shared key and
# client 2 offers no proposal the seed accepts; the monitor must explain client 1's failure (a
# probable pre-shared key mismatch) and show nothing of client 2. Round 2, condition removed:
# client 2 again; the monitor must say which attribute of its offer matched no policy. The syslog
# collector must hold jlns's IOS-framed lines (<PRI>seq: stamp: %FAC-SEV-MNEMONIC).
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-debug}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
export JH_IPSEC=1 JH_NONAT=1
seed_config "$out/lns.cfg" 's/^end$/logging buffered 200000\nlogging host 192.0.2.2 transport udp port 5514\nend/'
"$here/topology.sh" down; "$here/topology.sh" up 2 || exit 2
ip netns del jh-syslog 2>/dev/null
server_pid=; mon=; rsys=; guests=()
cleanup() {
  for p in "${guests[@]}" $mon $rsys $server_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  "$here/topology.sh" down; ip netns del jh-syslog 2>/dev/null
}
trap cleanup EXIT
# The collector: rsyslogd in namespace jh-syslog (192.0.2.2), reached from jh-lns (192.0.2.1) over a veth.
ip netns add jh-syslog
ip link add jh-sl0 type veth peer name jh-sl1
ip link set jh-sl0 netns jh-lns; ip link set jh-sl1 netns jh-syslog
ip -n jh-lns addr add 192.0.2.1/30 dev jh-sl0; ip -n jh-lns link set jh-sl0 up
ip -n jh-syslog addr add 192.0.2.2/30 dev jh-sl1; ip -n jh-syslog link set jh-sl1 up; ip -n jh-syslog link set lo up
cat > "$out/rsyslog.conf" <<CONF
global(workDirectory="$out")
module(load="imudp")
input(type="imudp" address="192.0.2.2" port="5514")
template(name="raw" type="string" string="%rawmsg%\n")
*.* action(type="omfile" file="$out/syslog.txt" template="raw")
CONF
ip netns exec jh-syslog rsyslogd -n -f "$out/rsyslog.conf" -i "$out/rsyslog.pid" > "$out/rsyslogd.log" 2>&1 &
rsys=$!
start_jlns "$out" || exit 1
ip netns exec jh-lns java -jar "$root/target/jlns.jar" monitor --socket "$out/jlns.sock" --seconds 600 enable \
  'debug crypto isakmp' 'debug condition peer ipv4 10.0.0.11' > "$out/monitor.txt" 2>&1 &
mon=$!
for _ in $(seq 1 50); do grep -q "Condition 1 set" "$out/monitor.txt" 2>/dev/null && break; sleep 0.2; done
boot() { # boot N LOG ARGS...: a client guest in the background
  local n=$1 log=$2; shift 2
  timeout 300 "$here/boot-guest.sh" "$n" /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 \
    JH_USER=alice JH_PASS=alicepw "$@" > "$log" 2>&1 &
  guests+=($!)
}
wait_for() { # wait_for SECONDS FILE PATTERN
  for _ in $(seq 1 "$1"); do grep -q "$3" "$2" 2>/dev/null && return 0; sleep 1; done; return 1
}
boot 1 "$out/client1.log" JH_PSK=not-the-psk
boot 2 "$out/client2.log" JH_PSK=interop-psk JH_IKE=aes128-sha256-ecp256
wait_for 180 "$out/monitor.txt" "probable pre-shared key mismatch"
wait_for 120 "$out/client2.log" "RESULT client=2"
sleep 2
cp "$out/monitor.txt" "$out/round1.txt"
for p in "${guests[@]}"; do kill "$p" 2>/dev/null; done; wait "${guests[@]}" 2>/dev/null; guests=()
jlns_cli "$out" 'no debug condition all' 'show debugging' > "$out/debugging.txt" 2>&1
boot 2 "$out/client2b.log" JH_PSK=interop-psk JH_IKE=aes128-sha256-ecp256
wait_for 120 "$out/monitor.txt" "no offers accepted"
wait_for 120 "$out/client2b.log" "RESULT client=2"
sleep 1
jlns_cli "$out" 'show logging' > "$out/show-logging.txt" 2>&1
tail -n +$(( $(wc -l < "$out/round1.txt") + 1 )) "$out/monitor.txt" > "$out/round2.txt"
wait_for 10 "$out/syslog.txt" "IKMP_MODE_FAILURE: Main Mode from 10.0.0.12"
fail=0
check() { # check WHAT FILE PATTERN: the pattern must be in the file
  if grep -q -- "$3" "$2"; then echo "ok: $1: $(grep -m1 -- "$3" "$2" | cut -c1-200)"; else echo "MISSING: $1 ($3 in $2)"; fail=1; fi
}
check "round 1, client 1 received" "$out/round1.txt" "received packet from 10.0.0.11 dport 500"
check "round 1, client 1 policy checked" "$out/round1.txt" "atts are acceptable"
check "round 1, client 1 key found" "$out/round1.txt" "found a pre-shared key for peer 10.0.0.11"
check "round 1, client 1 wrong key explained" "$out/round1.txt" "does not decrypt to ID and HASH payloads.*probable pre-shared key mismatch"
# Log lines (%FAC-SEV-MNEMONIC) reach a monitor whatever the condition, as on IOS; debug lines must not.
if grep -v ': %[A-Z]' "$out/round1.txt" | grep -q "10.0.0.12"; then echo "FAIL: the condition let client 2's debug lines through"; fail=1
else echo "ok: round 1: no debug line of client 2 (10.0.0.12) under 'debug condition peer ipv4 10.0.0.11'"; fi
grep -q "ike=fail" "$out/client2.log" || { echo "FAIL: client 2 was not refused"; fail=1; }
check "round 2, condition removed" "$out/debugging.txt" "Crypto ISAKMP debugging is on"
check "round 2, client 2 offer" "$out/round2.txt" "encryption AES-CBC, keylength of 128, hash SHA256, default group 19"
check "round 2, client 2 why" "$out/round2.txt" "Encryption algorithm offered does not match policy!"
check "round 2, client 2 refused" "$out/round2.txt" "phase 1 SA policy not acceptable! (local 198.51.100.1:500 remote 10.0.0.12:500)"
check "show logging buffer" "$out/show-logging.txt" "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 5 from 10.0.0.11"
check "syslog: config line" "$out/syslog.txt" "^<189>[0-9]*: [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:.]*: %SYS-5-RESTART"
check "syslog: wrong key" "$out/syslog.txt" "^<188>[0-9]*: .*%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 5 from 10.0.0.11"
check "syslog: no proposal" "$out/syslog.txt" "^<190>[0-9]*: .*%CRYPTO-6-IKMP_MODE_FAILURE: Main Mode from 10.0.0.12"
if grep -q "not-the-psk\|interop-psk\|alicepw" "$out/monitor.txt" "$out/syslog.txt" "$out/show-logging.txt" "$out/server.log"; then
  echo "FAIL: a secret in the logs"; fail=1
fi
echo "monitor: $(wc -l < "$out/monitor.txt") lines; syslog: $(wc -l < "$out/syslog.txt") datagrams"
[ "$fail" = 0 ] && echo "debug: wrong PSK and no proposal explained by debug crypto isakmp; condition held; syslog received"
exit $fail
