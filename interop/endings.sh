#!/bin/bash
# The seed's four endings with real clients behind one NAT, NAT demux on (the seed's configuration):
# five strongSwan + xl2tpd + pppd clients connect; client 5 pings the LNS all along; then, one
# after the other:
#   client 1: the IPsec connection is closed (ipsec down: Delete notifications)
#   client 2: the NAT ends the session (the NAT drops the client's traffic: found by LCP echo,
#             L2TP HELLO or DPD, whichever comes first)
#   client 3: the LNS closes the session (clear vpdn tunnel l2tp ID)
#   client 4: the client closes the session (L2TP StopCCN, then ipsec down)
# After each, jlns must hold exactly one client fewer: NAT demux port, SAs, tunnel, session and
# pool address; and client 5 must not lose one echo.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-endings}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
export JH_IPSEC=1
seed_config "$out/lns.cfg" "s/^  ppp authentication chap ms-chap$/  ppp authentication chap ms-chap\n  ppp ipcp dns 192.0.2.53 192.0.2.54/"
"$here/topology.sh" down; "$here/topology.sh" up 5 || exit 2
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null
  ip netns exec jh-nat nft delete table inet jlnsend 2>/dev/null; "$here/topology.sh" down; rm -f /var/tmp/jlns-end.$$.*
}
trap cleanup EXIT
start_jlns "$out" || exit 1
ctl=/var/tmp/jlns-end.$$
actions=(x ipsec-down nat-drop lns-clear client-hangup)
pids=()
for i in 1 2 3 4 5; do
  extra=()
  if [ "$i" -le 4 ]; then extra=(JH_ACTION="${actions[$i]}" JH_CTL="$ctl.$i"); else extra=(JH_HOLD=1 JH_SYNC="$ctl.sync" JH_STOP="$ctl.stop"); fi
  timeout 900 "$here/boot-guest.sh" "$i" /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
      JH_USER=alice JH_PASS=alicepw JH_AUTH=mschap-v2 JH_PING=12.0.0.8 JH_STREAM=1 "${extra[@]}" > "$out/client$i.log" 2>&1 &
  pids+=($!)
  for t in $(seq 1 120); do grep -q "connected ppp_ip\|RESULT" "$out/client$i.log" 2>/dev/null && break; sleep 1; done
done
touch "$ctl.sync"
state() { # clients in NAT demux, pool addresses in use, tunnels (with their sessions), ISAKMP SAs, ESP SA pairs
  jlns_cli "$out" 'show crypto nat demux' 'show ip local pool' 'show vpdn' 'show crypto isakmp sa' 'show crypto ipsec sa' \
    > "$out/state.txt" 2>&1
  echo "$(sed -n 's/^NAT demux: \([0-9]*\) client.*/\1/p' "$out/state.txt") $(awk '$1 == "POOL" { print $5 }' "$out/state.txt")" \
    "$(sed -n 's/.*Total tunnels \([0-9]*\).*/\1/p' "$out/state.txt") $(grep -c QM_IDLE "$out/state.txt")" \
    "$(grep -c 'current outbound spi: 0x[0-9A-F]*[1-9A-F]' "$out/state.txt")"
}
s=$(state); echo "connected: demux clients, pool in use, tunnels, ISAKMP SAs, ESP pairs = $s"; cp "$out/state.txt" "$out/state-0.txt"
[ "$s" = "5 5 5 5 5" ] || { echo "not all five clients are connected:"; cat "$out/state.txt"; exit 1; }
fail=0
for k in 1 2 3 4; do
  t0=$(date +%s%3N)
  case "${actions[$k]}" in
    nat-drop)
      # The NAT forgets the client: nothing of it passes any more, either way.
      ip netns exec jh-nat nft add table inet jlnsend
      ip netns exec jh-nat nft "add chain inet jlnsend block { type filter hook forward priority -10; }"
      ip netns exec jh-nat nft add rule inet jlnsend block ip saddr 10.0.0.1$k drop
      ip netns exec jh-nat nft add rule inet jlnsend block ip daddr 10.0.0.1$k drop
      touch "$ctl.$k";;
    lns-clear)
      addr=$(grep -h "connected ppp_ip" "$out/client$k.log" | sed -n 's/.*ppp_ip=\([0-9.]*\).*/\1/p')
      tid=$(jlns_cli "$out" 'show vpdn session' | awk -v a="$addr" 'index($0, a) { print $3; exit }')
      echo "clearing the tunnel of client $k ($addr): tunnel ${tid:-?}"
      jlns_cli "$out" "clear vpdn tunnel l2tp $tid" > /dev/null 2>&1
      touch "$ctl.$k";;
    *) touch "$ctl.$k";;
  esac
  n=$((5-k)); want="$n $n $n $n $n"
  for t in $(seq 1 400); do s=$(state); [ "$s" = "$want" ] && break; sleep 0.5; done
  t1=$(date +%s%3N)
  cp "$out/state.txt" "$out/state-$k.txt"
  secs=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1000 }')
  echo "ending $k (${actions[$k]}): everything of the client released $secs s after the event; jlns holds demux clients, pool in use, tunnels, ISAKMP SAs, ESP pairs = $s (want $want)"
  [ "$s" = "$want" ] || fail=1
  # A vanished client (the NAT forgot it) must be known gone and released within 30 s (seed's settings).
  if [ "${actions[$k]}" = nat-drop ] && [ $((t1 - t0)) -gt 30000 ]; then echo "ending $k: the vanished client took over 30 s"; fail=1; fi
done
sleep 2
jlns_cli "$out" 'show crypto isakmp sa' 'show crypto ipsec sa' > "$out/crypto-end.txt" 2>&1
touch "$ctl.stop"
for p in "${pids[@]}"; do wait "$p"; done
for i in 1 2 3 4 5; do grep -h "RESULT client=$i " "$out/client$i.log" | tail -1; done
line=$(grep -h "RESULT client=5 " "$out/client5.log" | tail -1)
bad=$(echo "$line" | grep -oE "[0-9.]+=[0-9]+/[0-9]+" | awk -F'[=/]' '$2 != $3 || $3 < 40' | tr '\n' ' ')
if [ -z "$bad" ] && echo "$line" | grep -q "stream="; then echo "client 5 lost no echo: $(echo "$line" | grep -oE 'stream=[^ ]*')"
else echo "client 5 lost echoes: ${bad:-no stream}"; fail=1; fi
grep -E "NAT_DEMUX|DPD|TUNNEL_DOWN|IPSEC_SA_DELETED|IKMP_SA_DELETED" "$out/server.log" | cut -c1-200 > "$out/endings.log"
echo "four endings: $([ $fail = 0 ] && echo "each released exactly its client; the others did not notice" || echo FAILED) (logs in $out)"
[ "$fail" = 0 ]
