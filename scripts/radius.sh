#!/usr/bin/env bash
# PPP users authenticated by a real FreeRADIUS (issue 13): load-generator clients behind one address
# connect to jlns (the seed's configuration with 'aaa authentication ppp default group FR local') with
# MS-CHAPv2 (the server's MS-CHAP2-Success reaches the client, which checks it), CHAP and PAP; a wrong
# password is refused; Framed-IP-Address from the Access-Accept is the client's address; each
# Access-Request names the client's public address and NAT-T port; with FreeRADIUS stopped, a local
# user still gets in (the method list falls through after the timeout). Accounting (RFC 2866):
# Accounting-On, a Start and a Stop per session with the Access-Request's Acct-Session-Id, counters
# and the right Acct-Terminate-Cause; records made while FreeRADIUS is down are delivered once it is
# back. Loopback only, bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
CHECKS="radius"
. scripts/checks.sh
command -v freeradius > /dev/null || { echo "radius: FAIL - freeradius is not installed (apt-get install freeradius)"; exit 1; }
AUTH_PORT=11812
DAE_PORT=13799

scripts/freeradius-conf.sh "$tmp/raddb" $AUTH_PORT radius-secret
cat > "$tmp/raddb/users" <<'USERS'
alice Cleartext-Password := "alicepw"
fixed Cleartext-Password := "fixedpw"
      Framed-IP-Address = 20.0.9.9,
      Session-Timeout = 3600,
      Class = "gold"
USERS
freeradius -X -d "$tmp/raddb" > "$tmp/radius.log" 2>&1 &
radiusd=$!
server=; lg=
trap 'kill $server $lg $radiusd 2>/dev/null || true; [ -n "${KEEP:-}" ] && echo "radius: kept $tmp" || rm -rf "$tmp"' EXIT
for _ in $(seq 1 50); do grep -q 'Ready to process requests' "$tmp/radius.log" && break; sleep 0.1; done

{
  sed -e 's/key change-this-psk/key radius-psk/' \
      -e 's/^aaa authentication ppp default local$/aaa group server radius FR\n server name GONE\n server name FR1\naaa authentication ppp default group FR local\naaa authorization network default group FR\naaa accounting network default start-stop group FR/' \
      -e 's/^aaa session-id common$/aaa session-id common\nusername carol password 0 carolpw/' \
      -e 's/^ *ppp authentication chap ms-chap$/  ppp authentication ms-chap-v2 chap pap/' \
      -e 's/^ip local pool POOL 20.0.0.100 20.0.0.110$/ip local pool POOL 20.0.0.100 20.0.0.110\nip local pool POOL 20.0.1.0 20.0.1.255/' \
      -e '/^end$/d' examples/seed-lns.cfg
  printf 'radius server FR1\n address ipv4 127.0.0.1 auth-port %s acct-port %s\n key 0 radius-secret\n timeout 1\n retransmit 1\n' \
      $AUTH_PORT $((AUTH_PORT + 1))
  printf 'radius server GONE\n address ipv4 127.0.0.1 auth-port %s acct-port %s\n key 0 radius-secret\n timeout 1\n retransmit 0\n' \
      $((AUTH_PORT + 100)) $((AUTH_PORT + 101))
  printf 'radius-server dead-criteria time 1 tries 1\nradius-server deadtime 5\n'
  printf 'aaa server radius dynamic-author\n client 127.0.0.1 server-key 0 dae-secret\n port %s\nend\n' $DAE_PORT
} > "$tmp/lns.cfg"
grep -q 'ppp authentication ms-chap-v2 chap pap' "$tmp/lns.cfg"
./jlns check --config "$tmp/lns.cfg" > "$tmp/check.out" 2>&1 || { cat "$tmp/check.out"; exit 1; }
java -Djlns.radius.acct.retry.ms=2000 -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" --ike-port 10500 --nat-t-port 14500 --loops 2 \
  > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -S "$tmp/jlns.sock" ] && break; sleep 0.1; done
cli() { java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable "$@"; }

# loadgen NAME CLIENTS AUTH USER PASSWORD [extra...]: connect, ping Loopback0 for 3 s, leave.
loadgen() {
  local name=$1 n=$2 auth=$3 user=$4 pw=$5; shift 5
  ./jlns loadgen --clients "$n" --source 127.0.0.1 --ike-port 10500 --nat-t-port 14500 --psk radius-psk \
    --auth "$auth" --user "$user" --password "$pw" --profile windows,macos,linux --pps 2 --duration 3 --timeout 30 \
    --max-time 60 --json "$tmp/$name.json" "$@" 127.0.0.1 > "$tmp/$name.out" 2>&1
}
for auth in mschapv2 chap pap; do
  rc=0; loadgen "$auth" 4 $auth alice alicepw || rc=$?
  check "$auth through FreeRADIUS: 4 clients connect and ping with no loss" \
    "[ $rc = 0 ] && grep -q '\"connected\": 4,' '$tmp/$auth.json' && grep -q '\"loss_percent\": 0.0,' '$tmp/$auth.json'"
done
check "failover: the first server (GONE) does not answer, is marked dead (%RADIUS-4-RADIUS_DEAD) and skipped after the first 4 clients" \
  "grep -q 'RADIUS_DEAD: RADIUS server GONE' '$tmp/server.log' && [ \$(grep -c 'Access-Request to GONE' '$tmp/server.log') -le 4 ]"
check "FreeRADIUS accepted alice by MS-CHAPv2, CHAP and PAP" \
  "grep -q 'Login OK: \[alice\].*' '$tmp/radius.log' && [ \$(grep -c 'Login OK: \[alice' '$tmp/radius.log') -ge 12 ]"
check "each Access-Request names the client's public address and NAT-T port, L2TP and the NAS" \
  "grep -q 'Calling-Station-Id = \"127.0.0.1:[0-9]*\"' '$tmp/radius.log' && grep -q 'Tunnel-Type:0 = L2TP' '$tmp/radius.log' \
   && grep -q 'NAS-Port-Type = Virtual' '$tmp/radius.log' && grep -q 'NAS-Identifier = \"72_LNS\"' '$tmp/radius.log'"
check "Message-Authenticator on every Access-Request (FreeRADIUS requires it)" \
  "! grep -q 'Message-Authenticator.*missing\|requires a Message-Authenticator' '$tmp/radius.log'"

detail=$tmp/raddb/acct/detail
acct() { # acct FIELD-REGEX: the count of matching lines in the accounting detail file
  grep -c "$1" "$detail" 2>/dev/null || true
}
for _ in $(seq 1 50); do [ "$(acct 'Acct-Status-Type = Stop')" = 12 ] && break; sleep 0.1; done
check "Accounting-On when jlns started" "[ \$(acct 'Acct-Status-Type = Accounting-On') = 1 ]"
check "12 sessions: 12 Starts and 12 Stops, each Stop with time, packets and octets" \
  "[ \$(acct 'Acct-Status-Type = Start') = 12 ] && [ \$(acct 'Acct-Status-Type = Stop') = 12 ] \
   && [ \$(acct 'Acct-Session-Time = ') = 12 ] && [ \$(acct 'Acct-Input-Packets = [1-9]') = 12 ] \
   && [ \$(acct 'Acct-Output-Octets = [1-9]') = 12 ] && [ \$(acct 'Acct-Input-Gigawords = 0') = 12 ]"
check "the clients left by themselves: Acct-Terminate-Cause User-Request" "[ \$(acct 'Acct-Terminate-Cause = User-Request') = 12 ]"
sid=$(awk '/Received Access-Request/ {f=1} f && /Acct-Session-Id = / {print; exit}' "$tmp/radius.log" | sed 's/.*= "\(.*\)"/\1/')
check "the Access-Request and the accounting of a session share its Acct-Session-Id ($sid)" \
  "[ -n '$sid' ] && [ \$(acct \"Acct-Session-Id = \\\"$sid\\\"\") = 2 ] && grep -q \"Acct-Session-Id = \\\"$sid\\\"\" '$tmp/radius.log'"
check "accounting names each client's NAT-T endpoint" \
  "[ \$(acct 'Calling-Station-Id = \"127.0.0.1:[0-9]*\"') -ge 24 ]"

cli 'test aaa group FR alice alicepw new-code' 'test aaa group FR alice nope new-code' 'show aaa servers' \
  'show radius statistics' > "$tmp/aaa.out" 2>&1 || true
check "test aaa group: accepted with the user's attributes, then rejected" \
  "grep -q 'User successfully authenticated (by FR1)' '$tmp/aaa.out' && grep -q '^User rejected' '$tmp/aaa.out'"
check "show aaa servers: FR1 up, its accepts and accounting responses counted" \
  "grep -q 'host 127.0.0.1, auth-port $AUTH_PORT, acct-port $((AUTH_PORT + 1)), name FR1' '$tmp/aaa.out' \
   && grep -q 'State: current UP' '$tmp/aaa.out' && grep -q 'Response: accept 1[3-9], reject 1' '$tmp/aaa.out' \
   && grep -q 'Response: accounting 2[5-9]' '$tmp/aaa.out'"

# Dynamic authorization (RFC 5176) with FreeRADIUS's radclient: two clients of one NAT; a Disconnect-Request
# names one by its Acct-Session-Id and ends it alone; a CoA-Request gives the other a Session-Timeout.
loadgen dae 2 mschapv2 alice alicepw --duration 15 --profile windows > /dev/null 2>&1 &
lg=$!
for _ in $(seq 1 100); do [ "$(acct 'Acct-Status-Type = Start')" = 14 ] && break; sleep 0.2; done
ids=$(grep 'Acct-Session-Id = ' "$detail" | sed 's/.*= "\(.*\)"/\1/' | sort | uniq -c | awk '$1 == 1 {print $2}' | grep -v '00000000$')
one=$(echo "$ids" | head -1); two=$(echo "$ids" | sed -n 2p)
dae() { echo "$2" | radclient -t 2 -r 1 -x 127.0.0.1:$DAE_PORT "$1" "${3:-dae-secret}" 2>&1 || true; }
dae disconnect "Acct-Session-Id = \"$one\"" > "$tmp/dae1.out"
check "Disconnect-Request for one session ($one): Disconnect-ACK" "grep -q 'Received Disconnect-ACK' '$tmp/dae1.out'"
dae disconnect "Acct-Session-Id = \"NOSUCHSESSION\"" > "$tmp/dae2.out"
check "Disconnect-Request for no session: Disconnect-NAK, Error-Cause Session-Context-Not-Found" \
  "grep -q 'Received Disconnect-NAK' '$tmp/dae2.out' && grep -q 'Error-Cause = Session-Context-Not-Found' '$tmp/dae2.out'"
dae disconnect "Acct-Session-Id = \"$two\"" wrong-secret > "$tmp/dae3.out"
check "a request signed with another key gets no answer" "! grep -q 'Received Disconnect' '$tmp/dae3.out'"
for _ in $(seq 1 50); do grep -q "Acct-Terminate-Cause = Admin-Reset" "$detail" && break; sleep 0.1; done
check "the disconnected session's Stop says Admin-Reset, and only that session stopped" \
  "[ \$(acct 'Acct-Terminate-Cause = Admin-Reset') = 1 ] && [ \$(acct 'Acct-Status-Type = Stop') = 13 ]"
dae coa "Acct-Session-Id = \"$two\", Session-Timeout = 3" > "$tmp/dae4.out"
check "CoA-Request with Session-Timeout 3 for the other: CoA-ACK" "grep -q 'Received CoA-ACK' '$tmp/dae4.out'"
for _ in $(seq 1 100); do grep -q "Acct-Terminate-Cause = Session-Timeout" "$detail" && break; sleep 0.1; done
check "the other session then ends by its new Session-Timeout" "[ \$(acct 'Acct-Terminate-Cause = Session-Timeout') = 1 ]"
wait $lg 2>/dev/null || true
lg=
# The next clients get demux ports again: wait until these two are gone entirely (bounded).
for _ in $(seq 1 200); do cli 'show crypto nat demux' 2>/dev/null | grep -q '^NAT demux: 0 clients$' && break; sleep 0.2; done

rc=0; loadgen wrong 1 mschapv2 alice wrongpw || rc=$?
check "a wrong password is refused (FreeRADIUS says no: no fall-through to local)" \
  "[ $rc != 0 ] && grep -q '\"connected\": 0,' '$tmp/wrong.json' && grep -q 'AUTHFAIL.*alice.*rejected' '$tmp/server.log'"

loadgen fixed 1 mschapv2 fixed fixedpw --duration 8 &
lg=$!
for _ in $(seq 1 100); do cli 'show vpdn session' 2>/dev/null | grep -q 'fixed' && break; sleep 0.2; done
sleep 3
cli 'show vpdn session' 'show ip local pool' 'show vpdn session all' > "$tmp/fixed-show.out" 2>&1 || true
rc=0; wait $lg || rc=$?
lg=
check "Framed-IP-Address from the Access-Accept is the client's address (not the pool's)" \
  "[ $rc = 0 ] && grep -q 'user fixed has address 20.0.9.9' '$tmp/server.log'"

kill $radiusd; wait $radiusd 2>/dev/null || true
rc=0; loadgen fallback 2 mschapv2 carol carolpw || rc=$?
check "FreeRADIUS stopped: the local user gets in after the timeout (group FR, then local)" \
  "[ $rc = 0 ] && grep -q '\"connected\": 2,' '$tmp/fallback.json' && grep -q 'NEXT_METHOD.*carol.*no response' '$tmp/server.log'"
freeradius -X -d "$tmp/raddb" > "$tmp/radius2.log" 2>&1 &
radiusd=$!
for _ in $(seq 1 100); do [ "$(acct "User-Name = \"carol\"")" -ge 4 ] && break; sleep 0.2; done
check "the local user's Start and Stop, made while FreeRADIUS was down, reach it once it is back (with Acct-Delay-Time)" \
  "[ \$(acct 'User-Name = \"carol\"') = 4 ] && grep -q 'Acct-Delay-Time = [1-9]' '$detail'"
check "the fixed user's session carried the Access-Accept's Class into accounting" "grep -q 'Class = 0x676f6c64' '$detail'"
sent=$(sed -n 's/.*"echoes_sent": \([0-9]*\).*/\1/p' "$tmp/fixed.json"); recv=$(sed -n 's/.*"echoes_received": \([0-9]*\).*/\1/p' "$tmp/fixed.json")
awk -v RS= '/Acct-Status-Type = Stop/ && /User-Name = "fixed"/' "$detail" > "$tmp/stop.txt"
check "the fixed user's Stop counts what the client sent and got: $sent echoes of 64 bytes in, $recv out" \
  "[ -n '$sent' ] && grep -q 'Acct-Input-Packets = $sent\$' '$tmp/stop.txt' && grep -q 'Acct-Input-Octets = $((sent * 64))\$' '$tmp/stop.txt' \
   && grep -q 'Acct-Output-Packets = $recv\$' '$tmp/stop.txt' && grep -q 'Acct-Output-Octets = $((recv * 64))\$' '$tmp/stop.txt'"
shown=$(awk '/Interface .* user fixed/ {f=1} f && /packets input/ {print $1, $4, $6, $9; exit}' "$tmp/fixed-show.out")
read -r sin sinb sout soutb <<< "${shown:-x x x x}"
check "show vpdn session all counted the session as accounting did: ${sin:-?} packets in ($sinb bytes) while up, $sent at the Stop" \
  "[ '$sin' -ge 1 ] && [ '$sin' -le '$sent' ] && [ '$sinb' = \$(( $sin * 64 )) ] && [ '$sout' -le '$recv' ]"
check "no secret in the server's log" "! grep -q 'radius-secret\|alicepw\|carolpw' '$tmp/server.log'"
check "show running-config masks the RADIUS key" \
  "cli 'show running-config' | grep -q '^ key 0 \*\*\*\*\*' && ! cli 'show running-config' | grep -q radius-secret"

if [ "$fail" -gt 0 ]; then
  for f in "$tmp"/*.out; do echo "---- $f"; tail -15 "$f"; done
  echo "---- server (tail)"; tail -40 "$tmp/server.log"; echo "---- freeradius (tail)"; tail -60 "$tmp/radius.log"
fi
echo "radius: $pass passed, $fail failed"
[ "$fail" = 0 ]
