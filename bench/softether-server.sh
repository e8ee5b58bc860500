#!/bin/bash
# SoftEther VPN Server (Debian softether-vpnserver) as the L2TP/IPsec rival of the side-by-side
# benchmark, in the current network namespace: as shared/harness/softether.sh (PSK, one hub,
# users, SecureNAT with 192.168.30.1 answering pings) but with a DHCP range for 65,000 clients and
# the NAT/DHCP log off (it writes a line per lease). Foreground until killed; prints its PIDs.
# Env: JH_PSK JH_USER JH_PASS
set -u
: "${JH_PSK:=testpsk}" "${JH_USER:=alice}" "${JH_PASS:=alicepw}"
dir=$(mktemp -d /tmp/jlns-bench-softether.XXXX)
cp /usr/libexec/softether/vpnserver/vpnserver "$dir/"; ln -s /usr/share/softether-common/hamcore.se2 "$dir/hamcore.se2"
cd "$dir"
./vpnserver start > "$dir/server.out" 2>&1
trap './vpnserver stop >/dev/null 2>&1; rm -rf "$dir"; exit 0' EXIT TERM INT
cmd() { /usr/libexec/softether/vpncmd/vpncmd localhost:5555 /SERVER /CMD "$@" > /dev/null; }
hubcmd() { /usr/libexec/softether/vpncmd/vpncmd localhost:5555 /SERVER /HUB:DEFAULT /CMD "$@" > /dev/null; }
for _ in $(seq 1 50); do cmd ServerInfoGet && break; sleep 0.2; done
cmd IPsecEnable /L2TP:yes /L2TPRAW:no /ETHERIP:no /PSK:"$JH_PSK" /DEFAULTHUB:DEFAULT
for u in $JH_USER; do
  hubcmd UserCreate "$u" /GROUP:none /REALNAME:none /NOTE:none
  hubcmd UserPasswordSet "$u" /PASSWORD:"$JH_PASS"
done
hubcmd SecureNatEnable
hubcmd SecureNatHostSet /MAC:none /IP:192.168.30.1 /MASK:255.255.0.0
hubcmd DhcpSet /START:192.168.31.1 /END:192.168.255.250 /MASK:255.255.0.0 /EXPIRE:7200 /GW:192.168.30.1 /DNS:192.168.30.1 \
  /DNS2:none /DOMAIN:none /LOG:no /PUSHROUTE:none
# UDP 500/4500 open a moment after IPsecEnable.
for _ in $(seq 1 50); do ss -uln | grep -q ':4500 ' && break; sleep 0.2; done
echo "SOFTETHER READY pids $(pgrep -d ' ' -f "$dir/vpnserver")"
while sleep 1; do :; done
