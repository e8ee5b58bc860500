#!/bin/bash
# Bad ESP from the NAT side while a real client holds a session and pings the LNS every 0.5 s:
# a replay of one of its packets, a copy with one bit flipped, a truncated copy and a packet for
# an unknown SPI. Each must be dropped with one log line and counted in show crypto ipsec sa
# detail, and the client must not lose an echo.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-bad-packets}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
export JH_IPSEC=1
seed_config "$out/lns.cfg" 's/^end$/metrics prometheus address 127.0.0.1 port 9641\nend/'
"$here/topology.sh" down; "$here/topology.sh" up 1 || exit 2
server_pid=; cap=
cleanup() { [ -n "$cap" ] && kill "$cap" 2>/dev/null; [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; "$here/topology.sh" down; rm -f /var/tmp/jlns-bad.$$.*; }
trap cleanup EXIT
start_jlns "$out" || exit 1
ip netns exec jh-lns tshark -q -i br1 -f "udp dst port 4500 and greater 120" -w "$out/esp.pcap" > /dev/null 2>&1 &
cap=$!
timeout 600 "$here/boot-guest.sh" 1 /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
    JH_USER=alice JH_PASS=alicepw JH_PING=12.0.0.8 JH_STREAM=1 JH_HOLD=5 JH_SYNC=/var/tmp/jlns-bad.$$.sync \
    JH_STOP=/var/tmp/jlns-bad.$$.stop > "$out/client1.log" 2>&1 &
guest=$!
for t in $(seq 1 120); do grep -q "connected ppp_ip\|RESULT" "$out/client1.log" 2>/dev/null && break; sleep 1; done
sleep 3; kill "$cap"; wait "$cap" 2>/dev/null; cap=
hex=$(tshark -r "$out/esp.pcap" -Y "esp && ip.src == 198.51.100.2" -T fields -e udp.payload 2>/dev/null | sed -n 3p)
[ -n "$hex" ] || { echo "no ESP packet captured"; exit 1; }
send() { # send HEX: one datagram from the NAT's public address to the LNS's NAT-T port
  # Through a file and cat: printf may split its output at a 0x0a byte into several writes (datagrams).
  printf "$(echo "$1" | sed 's/../\\x&/g')" > "$out/packet.bin"
  ip netns exec jh-nat bash -c "cat '$out/packet.bin' > /dev/udp/198.51.100.1/4500"
}
# Anti-replay comes before the ICV (RFC 4303 section 3.4.3), so the corrupt and truncated copies
# carry a sequence number not seen yet: they reach the integrity and length checks.
fresh=${hex:0:8}7fffff00${hex:16}
flipped=${fresh:0:60}$(printf '%02x' $(( 0x${fresh:60:2} ^ 1 )))${fresh:62}
send "$hex"                      # replayed
send "$flipped"                  # one bit flipped in the ciphertext
send "${hex:0:8}7fffff01${hex:16:24}"   # truncated to 20 bytes
send "deadbeef${hex:8}"          # unknown SPI
sleep 2
jlns_cli "$out" 'show crypto ipsec sa detail' > "$out/detail.txt" 2>&1
# Prometheus, scraped while the client is connected: the same counts as show (issue 14).
ip netns exec jh-lns curl -s --max-time 5 http://127.0.0.1:9641/metrics > "$out/metrics.txt"
jlns_cli "$out" 'show vpdn session' 'show crypto isakmp sa' > "$out/show.txt" 2>&1
touch /var/tmp/jlns-bad.$$.sync
for t in $(seq 1 60); do grep -q "pings done" "$out/client1.log" && break; sleep 1; done
touch /var/tmp/jlns-bad.$$.stop
wait "$guest"
fail=0
for what in PKT_REPLAY_ERR RECVD_PKT_MAC_ERR RECVD_PKT_MALFORMED RECVD_PKT_INV_SPI; do
  n=$(grep -c "%CRYPTO-4-$what" "$out/server.log")
  echo "log: $n x %CRYPTO-4-$what: $(grep -m1 "%CRYPTO-4-$what" "$out/server.log" | sed "s/.*: %CRYPTO/%CRYPTO/" | cut -c1-180)"
  [ "$n" = 1 ] || fail=1
done
replay=$(sed -n 's/.*##pkts replay failed (rcv): \([0-9]*\).*/\1/p' "$out/detail.txt" | head -1)
verify=$(sed -n 's/.*#pkts verify failed: \([0-9]*\).*/\1/p' "$out/detail.txt" | head -1)
echo "show crypto ipsec sa detail: replay failed $replay, verify failed $verify"
[ "$replay" = 1 ] && [ "$verify" = 1 ] || fail=1
metric() { sed -n "s/^$1 \([0-9.]*\)$/\1/p" "$out/metrics.txt" | head -1 | cut -d. -f1; }
m_replay=$(metric 'jlns_ipsec_sa_failures{check="replay"}'); m_auth=$(metric 'jlns_ipsec_sa_failures{check="auth"}')
m_pairs=$(metric 'jlns_ipsec_sa_pairs'); m_ppp=$(metric 'jlns_vpdn_sessions{state="est"}'); m_ike=$(metric 'jlns_isakmp_sas{state="QM_IDLE"}')
echo "metrics: sa pairs $m_pairs, replay $m_replay, auth $m_auth, PPP est $m_ppp, QM_IDLE $m_ike; show: replay $replay, verify $verify, $(grep -c ' est ' "$out/show.txt") est session(s), $(grep -c QM_IDLE "$out/show.txt") QM_IDLE"
[ "$m_replay" = "$replay" ] && [ "$m_auth" = "$verify" ] && [ "$m_pairs" -ge 1 ] && [ "$m_ppp" = "$(grep -c ' est ' "$out/show.txt")" ] \
  && [ "$m_ike" = "$(grep -c QM_IDLE "$out/show.txt")" ] || { echo "metrics differ from show"; fail=1; }
line=$(grep -h "RESULT client=1 " "$out/client1.log" | tail -1)
echo "$line"
bad=$(echo "$line" | grep -oE "[0-9.]+=[0-9]+/[0-9]+" | awk -F'[=/]' '$2 != $3' | tr '\n' ' ')
[ -z "$bad" ] && echo "$line" | grep -q "ping_end=ok" || { echo "the client noticed: $bad"; fail=1; }
echo "bad ESP packets: $([ $fail = 0 ] && echo "each dropped with one log line and counted; the client lost no echo" || echo FAILED) (logs in $out)"
[ "$fail" = 0 ]
