#!/bin/sh
# Inside a UML guest: a Linux L2TP client: with $JH_PSK, strongSwan first builds IKEv1 and a
# transport-mode ESP SA for L2TP (the Windows client's proposals unless $JH_IKE/$JH_ESP say
# otherwise), else plain UDP; then xl2tpd as LAC and pppd,
# authenticating with exactly one method ($JH_AUTH), asking for DNS servers; pings $JH_PING
# (default: the PPP peer) through the tunnel, then every address of $JH_PING_MORE, holds
# $JH_HOLD seconds, pings again, and prints a RESULT line.
set -u
W=/run/jh; mkdir -p $W /var/run/xl2tpd
log() { echo "[guest $JH_ID] $*"; }
t0=$(date +%s%3N)
for m in ppp_generic ppp_async ppp_synctty pppox l2tp_core l2tp_ppp; do modprobe -q $m 2>/dev/null; done
ike=none
if [ -n "${JH_PSK:-}" ]; then
  for m in esp4 xfrm_user xfrm4_tunnel authenc cbc des3_ede aes_generic sha1_generic sha256_generic sha512_generic hmac \
      gcm ctr ghash_generic seqiv echainiv; do modprobe -q $m 2>/dev/null; done
  mkdir -p /run/strongswan
  cat > $W/ipsec.conf <<C
config setup
  charondebug="ike 1, knl 1, net 0, cfg 0"
conn vpn
  keyexchange=ikev1
  authby=secret
  type=${JH_MODE:-transport}
  left=%defaultroute
  leftprotoport=17/1701
  right=$JH_SERVER
  rightprotoport=17/1701
  rightid=%any
  ike=${JH_IKE:-aes256-sha1-modp2048,3des-sha1-modp1024}!
  esp=${JH_ESP:-aes256-sha1,3des-sha1}!
  ikelifetime=${JH_IKELIFE:-8h}
  keylife=${JH_KEYLIFE:-1h}
  rekeymargin=${JH_REKEYMARGIN:-3m}
  rekey=${JH_REKEY:-yes}
  dpddelay=15
  dpdtimeout=60
  dpdaction=clear
  auto=add
C
  # Aggressive Mode (JH_AGGRESSIVE), and an identity other than the address (JH_LEFTID, e.g. @name).
  [ -n "${JH_AGGRESSIVE:-}" ] && echo "  aggressive=yes" >> $W/ipsec.conf
  [ -n "${JH_LEFTID:-}" ] && echo "  leftid=$JH_LEFTID" >> $W/ipsec.conf
  echo "%any $JH_SERVER : PSK \"$JH_PSK\"" > $W/ipsec.secrets
  chmod 600 $W/ipsec.secrets
  mount --bind $W/ipsec.conf /etc/ipsec.conf
  mount --bind $W/ipsec.secrets /etc/ipsec.secrets
  ipsec start >/dev/null 2>&1
  i=0; while [ ! -S /var/run/charon.ctl ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  ipsec up vpn > $W/up.log 2>&1
  if ! grep -q "established successfully" $W/up.log; then
    log "RESULT client=$JH_ID ike=fail"; tail -25 $W/up.log; exit 1
  fi
  ike=up
  log "ipsec up in $(( $(date +%s%3N) - t0 )) ms: $(ipsec statusall | grep -E 'INSTALLED|IKE proposal' | tr -s ' ' | tr '\n' ';')"
fi
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
  log "RESULT client=$JH_ID ike=$ike ppp=fail"; tail -30 $W/xl2tpd.log; tail -40 $W/pppd.log; exit 1
fi
t_ppp=$(date +%s%3N)
local_ip=$(ip -4 -o addr show ppp0 | sed -n 's/.*inet \([0-9.]*\) peer \([0-9.]*\).*/\1/p')
peer_ip=$(ip -4 -o addr show ppp0 | sed -n 's/.*inet \([0-9.]*\) peer \([0-9.]*\).*/\2/p')
dns=$(grep -h "DNS address" $W/pppd.log | tr '\n' ' ')
log "connected ppp_ip=$local_ip peer=$peer_ip connect_ms=$((t_ppp-t0)) dns=[$dns]"
target=${JH_PING:-$peer_ip}
ping -c 3 -W 2 -I ppp0 $target > $W/ping1.log 2>&1 && p1=ok || { p1=fail; cat $W/ping1.log; }
# The other clients' addresses (the seed's pool) are reached through the tunnel, so echo replies to them return.
ip route add 20.0.0.0/24 dev ppp0 2>/dev/null
streams=
if [ -n "${JH_STREAM:-}" ]; then
  # From now until the host says stop: a ping every 0.5 s to the LNS and to the neighbour (the
  # client that connected before this one), through rekeys and the other clients' connections.
  ping -i 0.5 -I ppp0 $target > $W/stream-$target.log 2>&1 & streams="$!"
  if [ -n "${JH_NEIGHBOUR:-}" ]; then
    ip route add $JH_NEIGHBOUR/32 dev ppp0 2>/dev/null
    ping -i 0.5 -I ppp0 $JH_NEIGHBOUR > $W/stream-$JH_NEIGHBOUR.log 2>&1 & streams="$streams $!"
  fi
fi
if [ -n "${JH_SYNC:-}" ]; then
  i=0; while [ ! -e "$JH_SYNC" ] && [ $i -lt ${JH_SYNC_WAIT:-600} ]; do sleep 1; i=$((i+1)); done
fi
if [ -n "${JH_FLOOD:-}" ]; then
  # Volume: JH_FLOOD echoes of 1200 bytes, 100 a second, through the tunnel (past a small kilobyte lifetime).
  ping -q -s 1200 -i 0.01 -c $JH_FLOOD -W 2 -I ppp0 $target > $W/flood.log 2>&1
  log "flood: $(grep -E 'packets transmitted' $W/flood.log)"
fi
sleep ${JH_HOLD:-0}
if [ -n "${JH_ACTION:-}" ]; then
  # One of the seed's four endings, when the host says so (file $JH_CTL): this client ends.
  i=0; while [ ! -e "$JH_CTL" ] && [ $i -lt 9000 ]; do sleep 0.1; i=$((i+1)); done
  [ "$JH_ACTION" = server-stop ] || for p in $streams; do kill -INT $p 2>/dev/null; done
  case "$JH_ACTION" in
    ipsec-down) ipsec down vpn > $W/down.log 2>&1;;                       # the IPsec connection is closed
    client-hangup) echo "d vpn" > /var/run/xl2tpd/l2tp-control; sleep 2; ipsec down vpn > $W/down.log 2>&1;;  # the client closes
    *) ;;                                                                   # the LNS or the NAT ends it
  esac
  i=0; while ip -4 addr show ppp0 2>/dev/null | grep -q inet && [ $i -lt 1800 ]; do sleep 0.1; i=$((i+1)); done
  gone=no; ip -4 addr show ppp0 2>/dev/null | grep -q inet || gone=yes
  # The moment PPP went (the UML guest's clock is the host's): how long the client took to notice.
  log "RESULT client=$JH_ID ike=$ike ppp=up ppp_ip=$local_ip action=$JH_ACTION ppp_gone=$gone ppp_gone_at=$(date +%s%3N)"
  ipsec stop >/dev/null 2>&1
  exit 0
fi
more=ok; tried=0
for a in $(echo "${JH_PING_MORE:-}" | tr , " "); do
  [ "$a" = "$local_ip" ] && continue
  ip route add $a/32 dev ppp0 2>/dev/null
  tried=$((tried+1))
  ping -c 3 -W 2 -I ppp0 $a > $W/ping-$a.log 2>&1 && log "ping $a ok" || { more=fail; log "ping $a FAILED"; cat $W/ping-$a.log; }
done
if [ -n "${JH_FETCH:-}" ]; then
  # A web page through the tunnel (kernel mode: a server in the LNS's namespace), full-size segments.
  h=${JH_FETCH#http://}; h=${h%%[:/]*}
  ip route add $h/32 dev ppp0 2>/dev/null
  curl -s --max-time 60 --interface ppp0 -o $W/fetched "$JH_FETCH"
  log "fetch bytes=$(stat -c %s $W/fetched 2>/dev/null || echo 0) sha256=$(sha256sum $W/fetched 2>/dev/null | cut -c1-64)"
fi
ping -c 3 -W 2 -I ppp0 $target > $W/ping2.log 2>&1 && p2=ok || p2=fail
log "pings done"
stream=
if [ -n "${JH_STREAM:-}" ]; then
  # The streams ran from the connection on; the host says when every client has held long enough.
  i=0; while [ -n "${JH_STOP:-}" ] && [ ! -e "$JH_STOP" ] && [ $i -lt 300 ]; do sleep 1; i=$((i+1)); done
  for p in $streams; do kill -INT $p 2>/dev/null; done; sleep 1
  for f in $W/stream-*.log; do
    [ -e "$f" ] || continue
    # received/sent, where an echo still in flight when the stream was stopped (the last) is not counted as sent.
    r=$(awk '/icmp_seq=/ { sub(/.*icmp_seq=/, ""); got[$1 + 0] = 1 }
             /packets transmitted/ { t = $1 } END { n = 0; for (k in got) n++; if (t > 0 && !(t in got)) t--; print n "/" t }' $f)
    stream="$stream${stream:+,}$(basename $f .log | sed 's/stream-//')=$r"
    miss=$(awk '/icmp_seq=/ { sub(/.*icmp_seq=/, ""); got[$1 + 0] = 1 } /packets transmitted/ { t = $1 }
                END { for (i = 1; i < t; i++) if (!(i in got)) printf "%d ", i }' $f)
    [ -n "$miss" ] && log "stream $(basename $f .log): missing icmp_seq $miss"
  done
  log "streams: $stream"
  sleep ${JH_LINGER:-3}
fi
[ "$ike" = up ] && ipsec statusall | grep -E "ESTABLISHED|INSTALLED|bytes_i" | sed "s/^/[guest $JH_ID] /"
log "RESULT client=$JH_ID ike=$ike ppp=up ppp_ip=$local_ip peer=$peer_ip auth=${JH_AUTH:-mschap-v2} connect_ms=$((t_ppp-t0)) ping_start=$p1 ping_end=$p2 ping_more=$more neighbours=$tried${stream:+ stream=$stream}"
timeout 5 sh -c 'echo "d vpn" > /var/run/xl2tpd/l2tp-control'; sleep 1
[ "$ike" = up ] && { ipsec down vpn >/dev/null 2>&1; ipsec stop >/dev/null 2>&1; }
