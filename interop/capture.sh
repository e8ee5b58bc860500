#!/bin/bash
# Captures people can open (issue 14): jlns runs the seed's configuration; 'monitor capture' (IOS
# Embedded Packet Capture syntax) takes the outer packets of one real client behind the NAT while
# it connects (IKEv1 Main and Quick Mode, NAT-T, ESP carrying L2TP and PPP with MS-CHAPv2) and
# pings through the tunnel; then 'export' writes pcapng and 'export-keys' Wireshark's ESP SA and
# IKEv1 decryption tables. tshark, given only those files, must show the ISAKMP exchanges with
# Main Mode messages 5 and 6 decrypted (the identity payloads), and the ESP decrypted to L2TP
# control messages, PPP LCP, CHAP and ICMP inside. The files are 0600, the key directory 0700.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-capture}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
export JH_IPSEC=1
seed_config "$out/lns.cfg"
"$here/topology.sh" down; "$here/topology.sh" up 1 || exit 2
server_pid=; guest=
cleanup() {
  for p in $guest $server_pid; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  "$here/topology.sh" down
}
trap cleanup EXIT
start_jlns "$out" || exit 1
jlns_cli "$out" 'monitor capture CAP control-plane both' 'monitor capture CAP match ipv4 host 198.51.100.2 any' \
  'monitor capture CAP start' > "$out/start.txt" 2>&1
timeout 300 "$here/boot-guest.sh" 1 /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
  JH_USER=alice JH_PASS=alicepw JH_PING=12.0.0.8 JH_HOLD=2 > "$out/client1.log" 2>&1 &
guest=$!
for _ in $(seq 1 180); do grep -q "RESULT" "$out/client1.log" 2>/dev/null && break; sleep 1; done
jlns_cli "$out" 'monitor capture CAP stop' 'show monitor capture CAP' "monitor capture CAP export $out/cap.pcapng" \
  "monitor capture CAP export-keys $out/keys" 'show monitor capture CAP buffer brief' > "$out/cli.txt" 2>&1
wait $guest 2>/dev/null; guest=
fail=0
check() { # check WHAT COMMAND...
  local what=$1; shift
  if "$@" > /dev/null 2>&1; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}
ts() { WIRESHARK_CONFIG_DIR="$out/keys" tshark -r "$out/cap.pcapng" "$@" 2>/dev/null; }
ts > "$out/tshark.txt"
ts -V > "$out/tshark-V.txt"
check "the client connected and pinged through the tunnel" grep -q "RESULT client=1 ike=up ppp=up" "$out/client1.log"
check "show monitor capture: captured packets and the ESP SA" grep -q "ESP SAs seen: [1-9]" "$out/cli.txt"
check "export wrote a pcapng file, mode 0600" test "$(stat -c %a "$out/cap.pcapng")" = 600
check "export-keys: a 0700 directory of 0600 files" bash -c "[ \$(stat -c %a '$out/keys') = 700 ] && [ \$(stat -c %a '$out/keys/esp_sa') = 600 ] && [ \$(stat -c %a '$out/keys/ikev1_decryption_table') = 600 ]"
check "export-keys warned" grep -q "WARNING: these files hold the keys of live clients" "$out/cli.txt"
check "capinfos reads it as pcapng" bash -c "capinfos '$out/cap.pcapng' | grep -q 'pcapng'"
check "tshark: ISAKMP Main Mode and Quick Mode" bash -c "grep -q 'Identity Protection (Main Mode)' '$out/tshark.txt' && grep -q 'Quick Mode' '$out/tshark.txt'"
# Main Mode 5 carries the client's own address (10.0.0.11, behind the NAT) in its encrypted identification payload.
check "tshark: Main Mode 5 decrypted with the exported IKEv1 key (the client's identity 10.0.0.11)" grep -q "ID_IPV4_ADDR: 10.0.0.11" "$out/tshark-V.txt"
check "tshark: Quick Mode decrypted (its hash and nonce payloads)" bash -c "awk '/Exchange type: Quick Mode/,/^Frame /' '$out/tshark-V.txt' | grep -q 'Payload: Nonce (10)'"
check "tshark: ESP decrypted to L2TP control (SCCRQ, ICCN)" bash -c "grep -q 'SCCRQ' '$out/tshark.txt' && grep -q 'ICCN' '$out/tshark.txt'"
check "tshark: PPP LCP and CHAP (MS-CHAPv2) inside" bash -c "grep -q 'PPP LCP' '$out/tshark.txt' && grep -q 'PPP CHAP .*Challenge' '$out/tshark.txt' && grep -q 'PPP CHAP .*Success' '$out/tshark.txt'"
check "tshark: the pings inside the tunnel" grep -q "ICMP .*Echo (ping) request" "$out/tshark.txt"
check "no pre-shared key or password in the server's log" bash -c "! grep -q 'interop-psk\|alicepw' '$out/server.log'"
echo "capture: $(grep -c . "$out/tshark.txt") packets; $(grep -c '= Encryption: Encrypted' "$out/tshark-V.txt") encrypted ISAKMP messages, $(grep -c 'Encapsulating Security Payload' "$out/tshark-V.txt") ESP packets; $(grep -c 'L2TP\|PPP' "$out/tshark.txt") L2TP/PPP"
[ "$fail" = 0 ] && echo "capture: tshark opened jlns's capture of a real client with the keys jlns exported: ISAKMP, ESP, L2TP, PPP CHAP"
exit $fail
