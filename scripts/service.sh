#!/usr/bin/env bash
# The service install (issue 14): 'jlns install --root DIR' puts the jar, a jlns command, the
# systemd unit and /etc/jlns/jlns.cfg (0600, from the seed's example with the PSK and user given)
# in place; 'systemd-analyze verify' accepts the unit; its ExecStart is run as systemd would (the
# paths under DIR; this machine runs no systemd), 'jlns run' finds its configuration without
# --config; 10 load-generator clients connect; the file is edited (a new user, a changed hostname)
# and ExecReload's SIGHUP applies it live: the clients stay, show running-config has the edit; an
# edit with an error is refused and changes nothing. Loopback, the seed's ports; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
CHECKS="service"
. scripts/checks.sh
command -v systemd-analyze >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd >/dev/null; }
root=$tmp/root
server=; lg=
trap 'kill $server $lg 2>/dev/null || true; rm -rf "$tmp"' EXIT
JLNS_PSK=service-psk JLNS_USER=alice JLNS_PASSWORD=alicepw java -jar target/jlns.jar install --root "$root" > "$tmp/install.out"
cfg=$root/etc/jlns/jlns.cfg
check "install wrote jar, command, unit and configuration" "[ -f '$root/opt/jlns/jlns.jar' ] && [ -x '$root/usr/local/bin/jlns' ] && [ -f '$root/etc/systemd/system/jlns.service' ] && [ -f '$cfg' ]"
check "the configuration is 0600 in a 0700 directory" "[ \$(stat -c %a '$cfg') = 600 ] && [ \$(stat -c %a '$root/etc/jlns') = 700 ]"
check "the configuration holds the PSK and user given" "grep -q 'key service-psk' '$cfg' && grep -q '^username alice password 0 alicepw' '$cfg'"
check "a second install keeps the configuration" "java -jar target/jlns.jar install --root '$root' | grep -q 'kept as it is'"
unit=$root/etc/systemd/system/jlns.service
verify_rc=0; systemd-analyze verify "$unit" > "$tmp/verify.out" 2>&1 || verify_rc=$?
check "systemd-analyze verify accepts the unit" "[ $verify_rc = 0 ] && ! grep -q 'jlns.service' '$tmp/verify.out'"
# As systemd would: RuntimeDirectory=jlns, then ExecStart (its paths moved under the test's root).
exec_start=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s|/opt/jlns|$root/opt/jlns|; s|/run/jlns|$tmp/run/jlns|; s| --config /etc/jlns/jlns.cfg||")
mkdir -p -m 0700 "$tmp/run/jlns"
JLNS_CONFIG=$cfg $exec_start > "$tmp/journal.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do grep -q 'SYS-5-RESTART' "$tmp/journal.log" 2>/dev/null && break; sleep 0.1; done
check "ExecStart runs and finds its configuration without --config" "grep -q 'SYS-5-RESTART: .*configuration $cfg' '$tmp/journal.log'"
./jlns loadgen --clients 10 --source 127.0.0.1 --psk service-psk --user alice --password alicepw --profile windows,macos,linux \
  --pps 2 --duration 12 --timeout 30 --max-time 60 --ready-file "$tmp/ready" --json "$tmp/result.json" 127.0.0.1 \
  > "$tmp/loadgen.out" 2>&1 &
lg=$!
for _ in $(seq 1 600); do [ -f "$tmp/ready" ] && break; kill -0 $lg 2>/dev/null || break; sleep 0.1; done
check "10 clients connected" "grep -q '^connected 10 failed 0$' '$tmp/ready'"
sed -i 's/^hostname 72_LNS$/hostname LNS-RELOADED/; s/^username alice password 0 alicepw$/&\nusername bob password 0 bobpw/' "$cfg"
reload=$(sed -n 's/^ExecReload=//p' "$unit" | sed "s/\$MAINPID/$server/")
$reload
for _ in $(seq 1 50); do grep -q 'SYS-5-CONFIG_R' "$tmp/journal.log" && break; sleep 0.1; done
check "ExecReload (SIGHUP) applied the file" "grep -q 'SYS-5-CONFIG_R: Running configuration replaced with the contents of $cfg' '$tmp/journal.log'"
sock=$tmp/run/jlns/jlns.sock
run_show() { java -jar target/jlns.jar exec --socket "$sock" enable "$@"; }
check "show running-config has the edit" "run_show 'show running-config' | grep -q '^hostname LNS-RELOADED' && run_show 'show running-config' | grep -q '^username bob'"
sed -i 's/^end$/crypto isakmp polcy 5\nend/' "$cfg"
$reload
for _ in $(seq 1 50); do grep -q 'SYS-3-CONFIG_R_FAIL' "$tmp/journal.log" && break; sleep 0.1; done
check "an edit with an error is refused, saying where" "grep -q 'SYS-3-CONFIG_R_FAIL: $cfg not applied.*polcy' '$tmp/journal.log'"
check "and the running configuration is unchanged" "run_show 'show running-config' | grep -q '^hostname LNS-RELOADED'"
sed -i '/^crypto isakmp polcy 5$/d' "$cfg"; echo 'hostname BELOW-END' >> "$cfg"
$reload
for _ in $(seq 1 50); do grep -q 'SYS-4-CONFIG_R_WARN' "$tmp/journal.log" && break; sleep 0.1; done
check "a line below 'end' is named as not read" "grep -q \"SYS-4-CONFIG_R_WARN: $cfg:[0-9]*: warning: not read, it is below 'end'.*hostname BELOW-END\" '$tmp/journal.log' && run_show 'show running-config' | grep -q '^hostname LNS-RELOADED'"
wait $lg || true
lg=
check "the clients stayed through both reloads and left cleanly" "grep -q '\"dropped\": 0,' '$tmp/result.json' && grep -q '\"left\": 10,' '$tmp/result.json'"
kill -TERM $server; wait $server 2>/dev/null || true; server=
check "SIGTERM (systemctl stop) ends it with its goodbye" "grep -q 'SYS-5-RELOAD: jlns stopped' '$tmp/journal.log'"
check "no secret in the journal" "! grep -q 'service-psk\|alicepw\|bobpw' '$tmp/journal.log'"
echo "$CHECKS: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { grep CONFIG_R "$tmp/journal.log"; cat "$tmp/install.out"; tail -30 "$tmp/journal.log"; cat "$tmp/loadgen.out"; exit 1; }
