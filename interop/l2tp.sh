#!/bin/bash
# Real Linux L2TP clients (xl2tpd + pppd in user-mode Linux) over plain L2TP, behind one NAT,
# against jlns running the seed's configuration with 'l2tp cleartext' (tests only).
# Usage: l2tp.sh [-n N] [-a AUTH] [-p PPP_AUTH_LINE] [-k] [-l LOSS%] [-i]   AUTH: mschap-v2|mschap|chap|pap (the client's)
# -i: over IPsec (strongSwan in the clients, JH_IKE/JH_ESP their proposals), without 'l2tp cleartext'.
# -e SED: one more edit of the configuration (repeatable). JH_EXPECT: regexes (;;-separated) every client log must match.
# JH_RADIUS=1: PPP users are checked by a real FreeRADIUS in the LNS namespace ('aaa authentication ppp
# default group radius', no local fallback), with accounting; its log and detail file must show each client.
# Each client pings the LNS's Loopback0 (12.0.0.8) and every other client's pool address; with -k
# (kernel mode, a TUN device) also 172.31.255.1, an address that exists only in the LNS's namespace.
# -l drops that percentage of L2TP control packets (T bit set) both ways in the NAT, at random.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
edits=(); n=1; auth=mschap-v2; pppauth="chap ms-chap"; out=${JH_OUT:-/tmp/jlns-interop}; kernel=; loss=
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2;;
    -a) auth=$2; shift 2;;
    -p) pppauth=$2; shift 2;;
    -k) kernel=1; shift;;
    -l) loss=$2; shift 2;;
    -i) export JH_IPSEC=1; shift;;
    -e) edits+=("$2"); shift 2;;
    *) echo "unknown arg $1" >&2; exit 2;;
  esac
done
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
cfg="$out/lns.cfg"
if [ -n "${JH_RADIUS:-}" ]; then
  edits+=("s/^aaa authentication ppp default local\$/aaa authentication ppp default group radius\naaa accounting network default start-stop group radius/"
          "s/^end\$/radius-server host 127.0.0.1 auth-port 1812 acct-port 1813 key 0 interop-radius\nend/")
  "$root/scripts/freeradius-conf.sh" "$out/raddb" 1812 interop-radius
  printf 'alice Cleartext-Password := "alicepw"\n' > "$out/raddb/users"
fi
seed_config "$cfg" "s/^  ppp authentication chap ms-chap$/  ppp authentication $pppauth\n  ppp ipcp dns 192.0.2.53 192.0.2.54/" "${edits[@]}"
"$here/topology.sh" down; "$here/topology.sh" up "$n" || exit 2
server_pid=; radius_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; [ -n "$radius_pid" ] && kill "$radius_pid" 2>/dev/null
  wait 2>/dev/null; "$here/topology.sh" down; }
trap cleanup EXIT
if [ -n "${JH_RADIUS:-}" ]; then
  ip -n jh-lns link set lo up
  ip netns exec jh-lns freeradius -X -d "$out/raddb" > "$out/radius.log" 2>&1 &
  radius_pid=$!
  for t in $(seq 1 50); do grep -q 'Ready to process requests' "$out/radius.log" && break; sleep 0.1; done
fi
if [ -n "$loss" ]; then
  ip netns exec jh-nat nft -f - <<NFT || exit 2
table inet jlnsloss {
  chain lossy {
    type filter hook forward priority 0;
    udp dport 1701 @th,64,1 1 numgen random mod 100 < $loss counter drop
    udp sport 1701 @th,64,1 1 numgen random mod 100 < $loss counter drop
  }
}
NFT
fi
capture=
if [ -n "${JH_CAPTURE:-}" ] && command -v tshark >/dev/null; then
  filter="udp port 1701"; [ -n "${JH_IPSEC:-}" ] && filter="udp port 500 or udp port 4500 or ip proto 50"
  ip netns exec jh-lns tshark -q -i br1 -f "$filter" -w "$out/l2tp.pcap" > "$out/tshark.log" 2>&1 &
  capture=$!
  sleep 2
fi
tunopt=()
if [ -n "$kernel" ]; then
  ip -n jh-lns addr add 172.31.255.1/32 dev lo
  tunopt=(--tun jlns0)
fi
start_jlns "$out" "${tunopt[@]}" || exit 1
pool=""; for i in $(seq 1 "$n"); do pool="$pool${pool:+,}20.0.0.$((99+i))"; done
[ -n "$kernel" ] && pool="$pool,172.31.255.1"
sync=/var/tmp/jlns-sync.$$; stop=/var/tmp/jlns-stop.$$; rm -f "$sync" "$stop"
# With streams, client i (i > 1) also pings client i-1's address, which it got the moment before.
neighbour() { [ -n "${JH_STREAM:-}" ] && [ "$1" -gt 1 ] && echo "JH_NEIGHBOUR=20.0.0.$((98+$1))"; }
pids=()
for i in $(seq 1 "$n"); do
  timeout $((120 + 60 * n + ${JH_HOLD:-2})) "$here/boot-guest.sh" "$i" /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_SYNC="$sync" ${JH_IPSEC:+JH_PSK=${JH_PSKVAL:-interop-psk}} ${JH_AGGRESSIVE:+JH_AGGRESSIVE=1} ${JH_FLOOD:+JH_FLOOD=$JH_FLOOD} ${JH_LEFTID:+JH_LEFTID=$JH_LEFTID} \
      ${JH_IKE:+JH_IKE=$JH_IKE} ${JH_ESP:+JH_ESP=$JH_ESP} ${JH_KEYLIFE:+JH_KEYLIFE=$JH_KEYLIFE} \
      ${JH_IKELIFE:+JH_IKELIFE=$JH_IKELIFE} ${JH_REKEYMARGIN:+JH_REKEYMARGIN=$JH_REKEYMARGIN} ${JH_REKEY:+JH_REKEY=$JH_REKEY} ${JH_MODE:+JH_MODE=$JH_MODE} ${JH_STREAM:+JH_STREAM=1 JH_STOP=$stop} $(neighbour $i) \
      JH_USER=alice JH_PASS=alicepw JH_AUTH="$auth" JH_PING=12.0.0.8 JH_PING_MORE="$pool" JH_HOLD="${JH_HOLD:-2}" \
      > "$out/client$i.log" 2>&1 &
  pids+=($!)
  for t in $(seq 1 120); do grep -q "connected ppp_ip\|RESULT" "$out/client$i.log" 2>/dev/null && break; sleep 1; done
done
if [ -n "${JH_IPSEC:-}" ]; then
  # While every client is connected: one ISAKMP SA and one ESP SA pair each, with traffic both ways.
  jlns_cli "$out" 'show crypto isakmp sa' 'show crypto isakmp sa detail' 'show crypto ipsec sa' 'show crypto nat demux' > "$out/crypto.txt" 2>&1
  if [ -n "${JH_NONAT:-}" ]; then
    # No NAT: ESP over IP protocol 50 (plain transport or tunnel mode), each client at its own address, no demux port.
    mode=Transport; [ "${JH_MODE:-}" = tunnel ] && mode=Tunnel
    plain=$(grep -c "in use settings ={$mode, }" "$out/crypto.txt"); udp=$(grep -c "UDP-Encaps" "$out/crypto.txt")
    peers=$(grep -oE "current_peer 10\.0\.0\.[0-9]+ port 500" "$out/crypto.txt" | sort -u | wc -l)
    echo "show crypto ipsec sa: $plain SAs in plain $mode mode, $udp UDP-encapsulated, $peers clients at their own address, port 500"
    [ "$plain" -ge "$n" ] && [ "$udp" = 0 ] && [ "$peers" = "$n" ] || { echo "not plain ESP:"; cat "$out/crypto.txt"; ipsec_bad=1; }
  elif grep -q "^  set nat demux" "$out/lns.cfg"; then
    # NAT demux: one port per client, 1024 up, each with its own L2TP tunnel.
    ports=$(awk '/^198\.51\.100\.2:/ && $NF != "-" { print $2 }' "$out/crypto.txt" | sort -n | tr '\n' ' ')
    want=$(seq 1024 $((1023 + n)) | tr '\n' ' ')
    echo "show crypto nat demux: ports $ports"
    [ "$ports" = "$want" ] || { echo "NAT demux ports are not $want:"; sed -n '/^NAT demux/,$p' "$out/crypto.txt"; ipsec_bad=1; }
  fi
  isakmp=$(grep -c "QM_IDLE .* ACTIVE" "$out/crypto.txt"); flows=$(grep -c "current_peer" "$out/crypto.txt")
  decaps=$(grep -c "#pkts decaps: [1-9]" "$out/crypto.txt"); encaps=$(grep -c "#pkts encaps: [1-9]" "$out/crypto.txt")
  echo "show crypto: $isakmp ISAKMP SAs QM_IDLE, $flows ESP flows, $decaps with packets decrypted, $encaps with packets encrypted"
  [ "$isakmp" = "$n" ] && [ "$flows" = "$n" ] && [ "$decaps" = "$n" ] && [ "$encaps" = "$n" ] \
    || { echo "show crypto does not show $n working clients:"; cat "$out/crypto.txt"; ipsec_bad=1; }
fi
touch "$sync"
if [ -n "${JH_IPSEC:-}" ] && [ -n "${JH_STREAM:-}" ]; then
  # Part way through the hold (and the volume flood, 100 echoes a second) the SAs have been
  # rekeyed: show crypto ipsec sa lists the new SPIs.
  sleep $(( (${JH_HOLD:-2} + ${JH_FLOOD:-0} / 100) * 2 / 3 ))
  jlns_cli "$out" 'show crypto ipsec sa' 'show crypto isakmp sa' > "$out/crypto-later.txt" 2>&1
  spi1=$(grep -m1 "current outbound spi" "$out/crypto.txt"); spi2=$(grep -m1 "current outbound spi" "$out/crypto-later.txt")
  echo "rekey: at connect '${spi1## *: }', later '${spi2## *: }'"
  [ -n "$spi2" ] && [ "$spi1" != "$spi2" ] || { echo "no new SPI after the rekey time:"; cat "$out/crypto-later.txt"; ipsec_bad=1; }
fi
if [ -n "${JH_STREAM:-}" ]; then
  # Every client has done its pings after the hold: streams stop together, before anyone hangs up.
  for t in $(seq 1 $(( ${JH_HOLD:-2} + 120 ))); do
    done_=0; for i in $(seq 1 "$n"); do grep -q "pings done" "$out/client$i.log" 2>/dev/null && done_=$((done_+1)); done
    [ "$done_" = "$n" ] && break
    sleep 1
  done
  touch "$stop"
fi
for p in "${pids[@]}"; do wait "$p"; done
rm -f "$sync" "$stop"
sleep 2
jlns_cli "$out" 'show vpdn' 'show ip local pool' > "$out/show.txt" 2>&1
[ -n "$loss" ] && ip netns exec jh-nat nft list table inet jlnsloss | grep counter | sed 's/^ */nft loss: /'
# The clients hung up (xl2tpd's StopCCN): every tunnel, session and address must be released. Under
# loss a client's last StopCCN may be lost as its guest powers off: its empty tunnel then waits for HELLO.
want="Total tunnels 0 sessions 0"; [ -n "$loss" ] && want="sessions 0"
grep -q "$want" "$out/show.txt" && grep -qE "POOL +20.0.0.100 +20.0.0.110 +11 +0" "$out/show.txt" \
  || { echo "after the clients hung up, jlns still holds resources:"; cat "$out/show.txt"; exit 1; }
if [ -n "$capture" ]; then
  sleep 1; kill "$capture"; wait "$capture" 2>/dev/null
  # Every packet jlns sent must dissect cleanly: no malformed packet, no error-level expert info.
  bad=$(tshark -r "$out/l2tp.pcap" -Y "ip.src == 198.51.100.1 && (_ws.malformed || _ws.expert.severity >= 8388608)" 2>/dev/null | wc -l)
  proto=l2tp; fields=(-e l2tp.avp.message_type -e ppp.protocol)
  [ -n "${JH_IPSEC:-}" ] && { proto="isakmp || esp"; fields=(-e isakmp.exchangetype); }
  sent=$(tshark -r "$out/l2tp.pcap" -Y "ip.src == 198.51.100.1 && ($proto)" 2>/dev/null | wc -l)
  types=$(tshark -r "$out/l2tp.pcap" -Y "ip.src == 198.51.100.1 && ($proto)" -T fields "${fields[@]}" 2>/dev/null | sort | uniq -c | tr -s ' ' | tr '\n' ';')
  echo "tshark: $sent ${proto} packets from jlns, $bad malformed or in error; kinds: $types"
  [ "$sent" -gt 0 ] && [ "$bad" -eq 0 ] || { echo "tshark check failed"; exit 1; }
  if [ -n "${JH_IPSEC:-}" ]; then
    # Which way ESP went: in UDP 4500 (NAT-T) or straight over IP protocol 50.
    esp_ip=$(tshark -r "$out/l2tp.pcap" -Y "ip.proto == 50" 2>/dev/null | wc -l)
    esp_ip_out=$(tshark -r "$out/l2tp.pcap" -Y "ip.proto == 50 && ip.src == 198.51.100.1" 2>/dev/null | wc -l)
    esp_udp=$(tshark -r "$out/l2tp.pcap" -Y "udp.port == 4500 && esp" 2>/dev/null | wc -l)
    echo "tshark: $esp_ip ESP packets over IP protocol 50 ($esp_ip_out from jlns), $esp_udp ESP packets in UDP 4500"
    if [ -n "${JH_NONAT:-}" ]; then
      [ "$esp_ip_out" -gt 0 ] && [ "$esp_ip" -gt "$esp_ip_out" ] && [ "$esp_udp" = 0 ] || { echo "ESP did not go over IP protocol 50 both ways"; exit 1; }
    else
      [ "$esp_udp" -gt 0 ] && [ "$esp_ip" = 0 ] || { echo "ESP did not go in UDP 4500"; exit 1; }
    fi
  fi
fi
ok=0
for i in $(seq 1 "$n"); do
  line=$(grep -h "RESULT client=$i " "$out/client$i.log" | tail -1)
  echo "${line:-[guest $i] RESULT client=$i none}"
  missing=
  while IFS= read -r re; do
    [ -n "$re" ] && ! grep -qE "$re" "$out/client$i.log" && missing="$missing /$re/"
  done <<< "$(echo "${JH_EXPECT:-}" | sed 's/;;/\n/g')"
  if [ -n "$missing" ]; then
    echo "client $i log lacks$missing:"; grep -E "ipsec up|INSTALLED|bytes_i" "$out/client$i.log"; continue
  fi
  if [ -n "${JH_STREAM:-}" ]; then
    # Every echo of the stream must come back: the overlap of old and new SAs loses nothing.
    bad=$(echo "$line" | grep -oE "[0-9.]+=[0-9]+/[0-9]+" | awk -F'[=/]' '$2 != $3 || $3 < 100' | tr '\n' ' ')
    [ -z "$bad" ] && echo "$line" | grep -q "stream=" || { echo "client $i lost echoes in its streams: ${bad:-no streams}"; continue; }
  fi
  echo "$line" | grep -q "ping_start=ok ping_end=ok ping_more=ok neighbours=$((n-1+${kernel:-0}))" && ok=$((ok+1))
done
if [ -n "${JH_AGGRESSIVE:-}" ]; then
  # Aggressive Mode, with the identity the client gave.
  am=$(grep -c "IKMP_SA_ESTABLISHED.* id ${JH_LEFTID#@} in Aggressive Mode" "$out/server.log")
  echo "server: $am ISAKMP SA(s) established in Aggressive Mode with id ${JH_LEFTID#@}"
  [ "$am" -ge 1 ] || ipsec_bad=1
fi
if [ -n "${JH_JLNS_REKEYS:-}" ]; then
  # The responder's own rekey: the client does not rekey (rekey=no), jlns replaced its pairs itself.
  ours=$(grep -c "IPSEC_SA_CREATED: .*negotiated by jlns (rekey)" "$out/server.log")
  grep -E "IPSEC_REKEY" "$out/server.log" | head -3 | cut -c1-230
  echo "server: $ours ESP SA pair(s) negotiated by jlns's own Quick Mode (want at least $JH_JLNS_REKEYS)"
  [ "$ours" -ge "$JH_JLNS_REKEYS" ] || ipsec_bad=1
fi
if [ -n "${JH_JLNS_REAUTH:-}" ]; then
  # jlns's own Main Mode: the client never re-authenticates, jlns replaced its ISAKMP SA, and the
  # new SA carried jlns's next Quick Mode.
  ids=$(grep -oE "IKMP_SA_ESTABLISHED: ISAKMP SA \(conn-id [0-9]+\) .*Main Mode initiated by jlns" "$out/server.log" \
    | grep -oE "conn-id [0-9]+" | awk '{print $2}')
  reauths=$(echo "$ids" | grep -c .); carried=0
  for id in $ids; do
    grep -qE "IPSEC_SA_CREATED: ESP SAs with .* \(conn-id $id\): .*negotiated by jlns \(rekey\)" "$out/server.log" && carried=$((carried+1))
  done
  grep -E "IKMP_REAUTH|initiated by jlns" "$out/server.log" | head -4 | cut -c1-250
  echo "server: $reauths ISAKMP SA(s) from jlns's own Main Mode (want at least $JH_JLNS_REAUTH), $carried carried jlns's Quick Mode"
  [ "$reauths" -ge "$JH_JLNS_REAUTH" ] && [ "$carried" -ge 1 ] || ipsec_bad=1
fi
[ -n "${ipsec_bad:-}" ] && ok=0
if [ -n "${JH_RADIUS:-}" ]; then
  sleep 1
  logins=$(grep -c 'Login OK: \[alice' "$out/radius.log"); starts=$(grep -c 'Acct-Status-Type = Start' "$out/raddb/acct/detail" 2>/dev/null)
  stops=$(grep -c 'Acct-Status-Type = Stop' "$out/raddb/acct/detail" 2>/dev/null)
  echo "FreeRADIUS: $logins login(s) of alice, accounting $starts Start(s) and $stops Stop(s)"
  [ "$logins" -ge "$n" ] && [ "${starts:-0}" -ge "$n" ] && [ "${stops:-0}" -ge "$n" ] || ok=0
fi
if [ -n "${JH_DISPLACED:-}" ]; then
  # Without NAT demux (the seed's unconfigured router): the second client displaces the first,
  # and jlns says so once, naming both clients and the command that would fix it.
  warn=$(grep -c "%CRYPTO-4-NAT_DEMUX_OFF" "$out/server.log")
  grep "%CRYPTO-4-NAT_DEMUX_OFF" "$out/server.log" | cut -c1-260
  l1=$(grep -h "RESULT client=1 " "$out/client1.log" | tail -1); l2=$(grep -h "RESULT client=2 " "$out/client2.log" | tail -1)
  echo "$l1" | grep -q "ping_end=ok" && first=kept || first=displaced
  echo "$l2" | grep -q "ping_start=ok" && second=up || second=down
  echo "without NAT demux: first client $first, second client $second, $warn warning(s)"
  [ "$first" = displaced ] && [ "$second" = up ] && [ "$warn" -ge 1 ]; exit $?
fi
[ -n "${JH_IPSEC:-}" ] && echo "server: $(grep -c IPSEC_SA_CREATED "$out/server.log") ESP SA pairs and $(grep -c IKMP_SA_ESTABLISHED "$out/server.log") ISAKMP SAs created"
echo "l2tp interop (${JH_IPSEC:+IPsec, }$auth against 'ppp authentication $pppauth'${kernel:+, kernel mode}): $ok/$n clients ok (logs in $out)"
[ "$ok" = "$n" ]
