#!/bin/sh
# Inside a UML guest: a Linux L2TP client over plain UDP (no IPsec): xl2tpd as LAC and pppd,
# authenticating with exactly one method ($JH_AUTH), asking for DNS servers; pings $JH_PING
# (default: the PPP peer) through the tunnel, then every address of $JH_PING_MORE, holds
# $JH_HOLD seconds, pings again, and prints a RESULT line.
set -u
W=/run/jh; mkdir -p $W /var/run/xl2tpd
log() { echo "[guest $JH_ID] $*"; }
t0=$(date +%s%3N)
for m in ppp_generic ppp_async ppp_synctty pppox l2tp_core l2tp_ppp; do modprobe -q $m 2>/dev/null; done
case "${JH_AUTH:-mschap-v2}" in
  mschap-v2) auth="refuse-pap refuse-chap refuse-mschap";;
  mschap) auth="refuse-pap refuse-chap refuse-mschap-v2";;
  chap) auth="refuse-pap refuse-mschap refuse-mschap-v2";;
  pap) auth="refuse-chap refuse-mschap refuse-mschap-v2";;
  *) echo "bad JH_AUTH"; exit 2;;
esac
cat > $W/options <<C
ipcp-accept-local
ipcp-accept-remote
refuse-eap
$(echo $auth | tr ' ' '\n')
noccp
noauth
mtu 1280
mru 1280
noipdefault
nodefaultroute
usepeerdns
lcp-echo-interval 10
lcp-echo-failure 6
name $JH_USER
password $JH_PASS
logfile $W/pppd.log
debug
C
cat > $W/xl2tpd.conf <<C
[lac vpn]
lns = $JH_SERVER
ppp debug = yes
pppoptfile = $W/options
length bit = yes
C
xl2tpd -D -c $W/xl2tpd.conf -p $W/xl2tpd.pid -C /var/run/xl2tpd/l2tp-control > $W/xl2tpd.log 2>&1 &
i=0; while [ ! -p /var/run/xl2tpd/l2tp-control ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
timeout 10 sh -c 'echo "c vpn" > /var/run/xl2tpd/l2tp-control' || log "xl2tpd control FIFO not ready"
i=0; while ! ip -4 addr show ppp0 2>/dev/null | grep -q inet && [ $i -lt ${JH_PPP_WAIT:-300} ]; do sleep 0.1; i=$((i+1)); done
if ! ip -4 addr show ppp0 2>/dev/null | grep -q inet; then
  log "RESULT client=$JH_ID ppp=fail"; tail -30 $W/xl2tpd.log; tail -40 $W/pppd.log; exit 1
fi
t_ppp=$(date +%s%3N)
local_ip=$(ip -4 -o addr show ppp0 | sed -n 's/.*inet \([0-9.]*\) peer \([0-9.]*\).*/\1/p')
peer_ip=$(ip -4 -o addr show ppp0 | sed -n 's/.*inet \([0-9.]*\) peer \([0-9.]*\).*/\2/p')
dns=$(grep -h "DNS address" $W/pppd.log | tr '\n' ' ')
log "connected ppp_ip=$local_ip peer=$peer_ip connect_ms=$((t_ppp-t0)) dns=[$dns]"
target=${JH_PING:-$peer_ip}
ping -c 3 -W 2 -I ppp0 $target > $W/ping1.log 2>&1 && p1=ok || { p1=fail; cat $W/ping1.log; }
if [ -n "${JH_SYNC:-}" ]; then
  i=0; while [ ! -e "$JH_SYNC" ] && [ $i -lt ${JH_SYNC_WAIT:-600} ]; do sleep 1; i=$((i+1)); done
fi
sleep ${JH_HOLD:-0}
more=ok; tried=0
for a in $(echo "${JH_PING_MORE:-}" | tr , " "); do
  [ "$a" = "$local_ip" ] && continue
  ip route add $a/32 dev ppp0 2>/dev/null
  tried=$((tried+1))
  ping -c 3 -W 2 -I ppp0 $a > $W/ping-$a.log 2>&1 && log "ping $a ok" || { more=fail; log "ping $a FAILED"; cat $W/ping-$a.log; }
done
ping -c 3 -W 2 -I ppp0 $target > $W/ping2.log 2>&1 && p2=ok || p2=fail
log "RESULT client=$JH_ID ppp=up ppp_ip=$local_ip peer=$peer_ip auth=${JH_AUTH:-mschap-v2} connect_ms=$((t_ppp-t0)) ping_start=$p1 ping_end=$p2 ping_more=$more neighbours=$tried"
timeout 5 sh -c 'echo "d vpn" > /var/run/xl2tpd/l2tp-control'; sleep 1
