#!/bin/bash
# Graceful stop with real clients: two strongSwan + xl2tpd + pppd clients behind the NAT (NAT
# demux, the seed's configuration) are connected when jlns gets SIGTERM. Each must see its PPP
# link end within 2 s (jlns sends LCP Terminate, StopCCN and IKE Deletes before it exits); jlns
# must exit within 5 s; started again at once on the same addresses, a client connects and pings.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-graceful}
rm -rf "$out"; mkdir -p "$out"
"$here/setup.sh"
build_jar
export JH_IPSEC=1
seed_config "$out/lns.cfg"
"$here/topology.sh" down; "$here/topology.sh" up 3 || exit 2
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null
  "$here/topology.sh" down; rm -f /var/tmp/jlns-gs.$$.*
}
trap cleanup EXIT
start_jlns "$out" || exit 1
ctl=/var/tmp/jlns-gs.$$
pids=()
for i in 1 2; do
  timeout 600 "$here/boot-guest.sh" "$i" /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
      JH_USER=alice JH_PASS=alicepw JH_AUTH=mschap-v2 JH_PING=12.0.0.8 JH_ACTION=server-stop JH_CTL="$ctl" > "$out/client$i.log" 2>&1 &
  pids+=($!)
  for t in $(seq 1 120); do grep -q "connected ppp_ip\|RESULT" "$out/client$i.log" 2>/dev/null && break; sleep 1; done
done
fail=0
n=$(grep -c "connected ppp_ip" "$out"/client*.log | awk -F: '{ s += $2 } END { print s }')
[ "$n" = 2 ] || { echo "not both clients connected"; fail=1; }
sleep 2
t0=$(date +%s%3N)
touch "$ctl"
kill -TERM "$server_pid"
for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
t_exit=$(date +%s%3N)
if kill -0 "$server_pid" 2>/dev/null; then echo "jlns still running 5 s after SIGTERM"; fail=1; else server_pid=; fi
echo "jlns exited $((t_exit - t0)) ms after SIGTERM: $(grep -o 'SYS-5-SHUTDOWN: .*' "$out/server.log")"
for p in "${pids[@]}"; do wait "$p"; done
for i in 1 2; do
  line=$(grep -h "RESULT client=$i " "$out/client$i.log" | tail -1)
  at=$(echo "$line" | sed -n 's/.*ppp_gone_at=\([0-9]*\).*/\1/p')
  if echo "$line" | grep -q "ppp_gone=yes" && [ -n "$at" ] && [ $((at - t0)) -le 2000 ]; then
    echo "client $i: its PPP link ended $((at - t0)) ms after SIGTERM"
  else
    echo "client $i: no ending seen within 2 s: $line"; fail=1
  fi
done
grep -h "LCP terminated by peer\|Connection terminated\|StopCCN\|received delete" "$out"/client*.log | head -4 | cut -c1-160
# Started again at once: same addresses and ports, a client connects and pings.
mv "$out/server.log" "$out/server-before.log"
start_jlns "$out" || exit 1
timeout 300 "$here/boot-guest.sh" 3 /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
    JH_USER=alice JH_PASS=alicepw JH_AUTH=mschap-v2 JH_PING=12.0.0.8 JH_HOLD=2 > "$out/client3.log" 2>&1
if grep -q "RESULT client=3 .*ping_start=ok" "$out/client3.log" && ! grep -qi "address already in use" "$out/server.log"; then
  echo "restarted at once: a client connected and pinged the LNS"
else
  echo "after the restart no client connected:"; tail -5 "$out/client3.log"; fail=1
fi
echo "graceful stop: $([ $fail = 0 ] && echo "every client told within 2 s, restarted cleanly" || echo FAILED) (logs in $out)"
[ "$fail" = 0 ]
