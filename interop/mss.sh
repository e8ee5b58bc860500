#!/bin/bash
# Pages that hang, with a real client: 'ip tcp adjust-mss 1200' on the Virtual-Template, jlns in
# kernel mode (a TUN device into the LNS's namespace), a web server there, and the client (strongSwan
# + xl2tpd + pppd behind the NAT) fetching 2 MB through ESP, L2TP and PPP. The SYN reaching the
# server must carry MSS 1200 (the client offered its link's MSS), and the page must arrive whole.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
out=${JH_OUT:-/tmp/jlns-interop-mss}
rm -rf "$out"; mkdir -p "$out/www"
"$here/setup.sh"
build_jar
export JH_IPSEC=1
seed_config "$out/lns.cfg" 's/^  ppp mtu adaptive$/&\n  ip tcp adjust-mss 1200/'
"$here/topology.sh" down; "$here/topology.sh" up 1 || exit 2
server_pid=; web=; cap=
cleanup() {
  for p in $server_pid $web $cap; do kill "$p" 2>/dev/null; done; wait 2>/dev/null
  "$here/topology.sh" down
}
trap cleanup EXIT
head -c 2000000 /dev/urandom > "$out/www/page.bin"
want=$(sha256sum "$out/www/page.bin" | cut -c1-64)
ip -n jh-lns addr add 172.31.255.1/32 dev lo
start_jlns "$out" --tun jlns0 || exit 1
ip netns exec jh-lns python3 -m http.server 8080 --bind 172.31.255.1 --directory "$out/www" > "$out/web.log" 2>&1 &
web=$!
for _ in $(seq 1 50); do ip -n jh-lns link show jlns0 >/dev/null 2>&1 && break; sleep 0.1; done
ip netns exec jh-lns tshark -l -n -i jlns0 -f "tcp port 8080 and tcp[tcpflags] & tcp-syn != 0" -T fields \
    -e ip.src -e tcp.flags.ack -e tcp.options.mss_val > "$out/syns.txt" 2> "$out/tshark.log" &
cap=$!
sleep 2
timeout 300 "$here/boot-guest.sh" 1 /var/lib/jlns-interop/guest/l2tp-client.sh JH_SERVER=198.51.100.1 JH_PSK=interop-psk \
    JH_USER=alice JH_PASS=alicepw JH_AUTH=mschap-v2 JH_PING=12.0.0.8 JH_FETCH=http://172.31.255.1:8080/page.bin > "$out/client1.log" 2>&1
sleep 1
kill "$cap" 2>/dev/null; cap=
fail=0
got=$(grep -h "fetch bytes=" "$out/client1.log" | tail -1)
echo "client: ${got#*] }"
echo "$got" | grep -q "bytes=2000000 sha256=$want" || { echo "the page did not arrive whole"; fail=1; }
syn=$(awk '$2 == "0" || $2 == "False" { print $3; exit }' "$out/syns.txt")
echo "the client's SYN reached the server with MSS ${syn:-none} (its link offered more; jlns clamps to 1200)"
[ "$syn" = 1200 ] || { echo "SYNs seen:"; cat "$out/syns.txt"; fail=1; }
echo "adjust-mss: $([ $fail = 0 ] && echo "the page arrived whole, SYN clamped to 1200" || echo FAILED) (logs in $out)"
[ "$fail" = 0 ]
