#!/bin/bash
# The interop suite: real clients against jlns. Prints 'interop: N passed, M failed'.
set -u
here=$(cd "$(dirname "$0")" && pwd)
pass=0; fail=0
run() {
  local name=$1; shift
  if JH_OUT="/tmp/jlns-interop-$name" timeout 600 "$@" > "/tmp/jlns-interop-$name.txt" 2>&1; then
    pass=$((pass+1)); echo "interop: ok   - $name: $(tail -1 /tmp/jlns-interop-$name.txt)"
  else
    fail=$((fail+1)); echo "interop: FAIL - $name"; tail -30 "/tmp/jlns-interop-$name.txt"
    for f in /tmp/jlns-interop-$name/server.log /tmp/jlns-interop-$name/client*.log; do [ -f "$f" ] && { echo "---- $f"; tail -40 "$f"; }; done
  fi
}
JH_CAPTURE=1 run l2tp-mschapv2-seed "$here/l2tp.sh" -n 1 -a mschap-v2 -p "chap ms-chap"
run l2tp-chap "$here/l2tp.sh" -n 1 -a chap -p "chap"
run l2tp-mschap "$here/l2tp.sh" -n 1 -a mschap -p "ms-chap"
run l2tp-pap "$here/l2tp.sh" -n 1 -a pap -p "pap"
run l2tp-two-clients "$here/l2tp.sh" -n 2 -a mschap-v2 -p "ms-chap-v2"
# The same real clients authenticated by a real FreeRADIUS (issue 13), with accounting: MS-CHAPv2 (what
# Windows uses); every method with JH_LONG=1 (scripts/radius.sh runs all four against FreeRADIUS in ./test.sh).
for a in mschap-v2 ${JH_LONG:+mschap chap pap}; do
  JH_RADIUS=1 run "l2tp-radius-$a" "$here/l2tp.sh" -n 1 -a "$a" -p "${a/mschap/ms-chap}"
done
run l2tp-kernel-mode "$here/l2tp.sh" -n 1 -k
run l2tp-20pc-control-loss "$here/l2tp.sh" -n 2 -l 20
run l2tp-teardown "$here/teardown.sh"
# IPsec (issue 3): strongSwan clients behind the NAT, Windows' proposals (aes256-sha1-modp2048, then
# 3des-sha1-modp1024; ESP aes256-sha1, then 3des-sha1) against the seed's policy and transform set.
JH_CAPTURE=1 JH_EXPECT='IKE proposal: 3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024;;3DES_CBC/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-seed "$here/l2tp.sh" -i -n 1
# A Windows-like policy added in front of the seed's: AES-256, SHA-1, group 14, esp-aes 256.
JH_EXPECT='IKE proposal: AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048;;AES_CBC_256/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-windows-aes256 "$here/l2tp.sh" -i -n 1 \
  -e 's/^crypto isakmp policy 1$/crypto isakmp policy 1\n encr aes 256\n authentication pre-share\n group 14\ncrypto isakmp policy 10/' \
  -e 's/^crypto ipsec transform-set TS1 esp-3des esp-sha-hmac$/crypto ipsec transform-set TS2 esp-aes 256 esp-sha-hmac\n mode transport\n&/' \
  -e 's/^  set transform-set TS1!$/  set transform-set TS2 TS1/'
# Rekeying under traffic: ESP SAs of 60 s and ISAKMP SAs of 100 s on the client (strongSwan rekeys
# ESP before expiry and re-authenticates IKE), a ping every 0.5 s for 150 s: not one may be lost.
JH_STREAM=1 JH_HOLD=150 JH_KEYLIFE=60s JH_REKEYMARGIN=20s JH_IKELIFE=100s run ipsec-rekey "$here/l2tp.sh" -i -n 1
# The responder's own rekey (issue 12): a strongSwan client that never rekeys nor re-authenticates
# (rekey=no, and it proposes no volume limit) against jlns's smallest kilobyte lifetime (2560 KB) and
# an ISAKMP lifetime of 60 s, 1200-byte echoes 100 a second for 60 s (past three lifetimes), a ping
# every 0.5 s all along: jlns replaces each pair with its own Quick Mode before the kilobytes run out,
# and the ISAKMP SA with its own Main Mode at 45 s (the next Quick Modes run on that one); not one
# echo of the stream is lost.
JH_STREAM=1 JH_HOLD=10 JH_FLOOD=6000 JH_REKEY=no JH_JLNS_REKEYS=3 JH_JLNS_REAUTH=1 run ipsec-responder-rekey "$here/l2tp.sh" -i -n 1 \
  -e 's/^crypto ipsec security-association lifetime seconds 600$/&\ncrypto ipsec security-association lifetime kilobytes 2560/' \
  -e 's/^ lifetime 3600$/ lifetime 60/'
# AES-GCM ESP with PFS over an ECP group, SHA-256 and ECP-256 for IKE.
JH_IKE=aes128-sha256-ecp256 JH_ESP=aes256gcm16-ecp256 \
JH_EXPECT='IKE proposal: AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ECP_256;;AES_GCM_16_256/ECP_256, [1-9][0-9]* bytes_i' \
  run ipsec-gcm-pfs "$here/l2tp.sh" -i -n 1 \
  -e 's/^crypto isakmp policy 1$/crypto isakmp policy 1\n encr aes\n hash sha256\n authentication pre-share\n group 19\ncrypto isakmp policy 10/' \
  -e 's/^crypto ipsec transform-set TS1 esp-3des esp-sha-hmac$/crypto ipsec transform-set TSG esp-gcm 256\n mode transport\n&/' \
  -e 's/^  set transform-set TS1!$/  set transform-set TSG TS1\n  set pfs group19/'

# Tunnel mode ('mode tunnel' in the transform set; strongSwan type=tunnel): inner IPv4 both ways.
JH_MODE=tunnel JH_EXPECT='INSTALLED, TUNNEL, .*ESP in UDP;;3DES_CBC/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-tunnel-mode "$here/l2tp.sh" -i -n 1 -e 's/^ mode transport$/ mode tunnel/'
# No NAT between client and LNS (the middle namespace only routes): strongSwan detects none and
# uses ESP straight over IP protocol 50; jlns carries it on a raw socket. Two clients, at their own addresses.
JH_NONAT=1 JH_CAPTURE=1 JH_EXPECT='INSTALLED, TRANSPORT, reqid [0-9]+, ESP SPIs;;3DES_CBC/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-no-nat "$here/l2tp.sh" -i -n 2
JH_NONAT=1 JH_MODE=tunnel JH_CAPTURE=1 JH_EXPECT='INSTALLED, TUNNEL, reqid [0-9]+, ESP SPIs;;3DES_CBC/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-no-nat-tunnel "$here/l2tp.sh" -i -n 1 -e 's/^ mode transport$/ mode tunnel/'
# Aggressive Mode, allowed by 'no crypto isakmp aggressive-mode disable': the client says it is
# w2k01 (an FQDN identity) and holds the seed's 'crypto isakmp key cisco hostname w2k01', not the
# keyring's address key, so the key was found by name. Aggressive Mode fixes the group with its
# first message: the client offers only 3des-sha1-modp1024.
JH_AGGRESSIVE=1 JH_LEFTID=@w2k01 JH_PSKVAL=cisco JH_IKE=3des-sha1-modp1024 JH_CAPTURE=1 \
JH_EXPECT='IKE proposal: 3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024;;3DES_CBC/HMAC_SHA1_96, [1-9][0-9]* bytes_i' \
  run ipsec-aggressive-hostname-key "$here/l2tp.sh" -i -n 1 -e 's/^crypto isakmp keepalive 3600$/&\nno crypto isakmp aggressive-mode disable/'
run ipsec-bad-packets "$here/bad-packets.sh"
# NAT demux (issue 5), the seed's configuration as it is: clients behind one NAT each get their own
# port from 1024 up; each pings the LNS and its neighbour every 0.5 s from its connection on, for at
# least 60 s after all are up, through the others' connections and its own rekeys (SAs of 60 s).
JH_STREAM=1 JH_HOLD=60 JH_KEYLIFE=60s JH_REKEYMARGIN=20s run demux-2-clients "$here/l2tp.sh" -i -n 2
JH_STREAM=1 JH_HOLD=60 JH_KEYLIFE=60s JH_REKEYMARGIN=20s run demux-8-clients "$here/l2tp.sh" -i -n 8
# 'no set nat demux': the seed's failure, with the warning.
JH_DISPLACED=1 JH_HOLD=20 run no-demux-displaces "$here/l2tp.sh" -i -n 2 -e '/^  set nat demux$/d'
run demux-four-endings "$here/endings.sh"
# Pages that hang: ip tcp adjust-mss 1200, a real client fetches 2 MB from a web server behind jlns (kernel mode).
run adjust-mss "$here/mss.sh"
# SIGTERM with two real clients connected: each sees its PPP link end within 2 s; restarted, a client connects.
run graceful-stop "$here/graceful-stop.sh"
# IOS debugging and logging (issue 14): debug crypto isakmp on a terminal monitor explains a wrong
# pre-shared key and an unacceptable proposal of real clients, a debug condition keeps to one of
# them, and a real rsyslogd receives jlns's lines from 'logging host'.
run debug-and-syslog "$here/debug.sh"
# Captures people can open (issue 14): monitor capture of a real client, export and export-keys; tshark
# decrypts ISAKMP (Main Mode 5 on) and ESP with jlns's key tables and shows L2TP, PPP CHAP and the pings.
run capture-decrypted "$here/capture.sh"
echo "interop: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
