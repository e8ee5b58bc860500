#!/usr/bin/env bash
# SSH vty with the OpenSSH client (issue 14): jlns runs the seed's configuration with
# 'line vty 0 4 / login local / transport input ssh / access-class 10 in' on 'ip ssh server port'
# (loopback, a high port), a privilege-15 admin and a privilege-1 operator, and
# 'login block-for 20 attempts 3 within 60'. An interactive session logs in, runs enable,
# conf t, a change and show running-config; an exec request runs one command and returns; the
# operator lands in user EXEC; the ACL refuses another loopback source; three wrong passwords put
# the box in quiet mode, where even the right one is refused. Bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
CHECKS="ssh"
. scripts/checks.sh
PORT=12222
sed -e 's/key change-this-psk/key ssh-test-psk/' \
    -e "s/^aaa session-id common\$/aaa session-id common\nusername admin privilege 15 secret 0 adminpw\nusername op password 0 oppw\nip ssh version 2\nip ssh server port $PORT\nlogin block-for 20 attempts 3 within 60\naccess-list 10 permit 127.0.0.1/" \
    -e 's/^line vty 0 4$/line vty 0 4\n access-class 10 in\n exec-timeout 5 0\n login local\n transport input ssh/' \
    -e 's/^enable secret .*$//' \
    examples/seed-lns.cfg > "$tmp/lns.cfg"
./jlns check --config "$tmp/lns.cfg" > /dev/null
server=
trap 'kill $server 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
java -jar target/jlns.jar run --config "$tmp/lns.cfg" --socket "$tmp/jlns.sock" --ike-port 12500 --nat-t-port 16500 --loops 1 \
  > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do grep -q 'SSH-5-ENABLED' "$tmp/server.log" 2>/dev/null && break; sleep 0.1; done
check "SSH served on port $PORT" "grep -q 'SSH-5-ENABLED: SSH 2.0 has been enabled on TCP port $PORT' '$tmp/server.log'"
# The password comes from SSH_ASKPASS (no sshpass on a fresh machine).
askpass() { printf '#!/bin/sh\necho %s\n' "$1" > "$tmp/askpass"; chmod 700 "$tmp/askpass"; }
sshc() { # sshc USER 'COMMAND' [ssh options...]   (COMMAND '': an interactive shell)
  local user=$1 cmd=$2; shift 2
  SSH_ASKPASS="$tmp/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none timeout 30 setsid -w ssh -p $PORT \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile="$tmp/known_hosts" -o PubkeyAuthentication=no \
    -o PreferredAuthentications=password,keyboard-interactive -o NumberOfPasswordPrompts=1 -o ConnectTimeout=5 "$@" \
    "$user@127.0.0.1" ${cmd:+"$cmd"}
}
askpass adminpw
# An interactive session (a pty): the seed's hostname, privilege 15 lands in '#', a change, show running-config.
printf 'configure terminal\nhostname LNS-SSH\nend\nshow running-config | include ^hostname\nexit\n' \
  | sshc admin '' -tt > "$tmp/session.txt" 2>&1 || true
tr -d '\r' < "$tmp/session.txt" > "$tmp/session.clean"
check "interactive login lands in privileged EXEC" "grep -q '72_LNS#' '$tmp/session.clean'"
check "conf t, a change, show running-config shows it" "grep -q '^hostname LNS-SSH' '$tmp/session.clean'"
check "the prompt follows the change" "grep -q 'LNS-SSH#' '$tmp/session.clean'"
check "the change is logged as IOS logs it" "grep -q 'SYS-5-CONFIG_I: Configured from console by admin on vty0 (127.0.0.1)' '$tmp/server.log'"
check "login success logged" "grep -q 'SEC_LOGIN-5-LOGIN_SUCCESS: Login Success \[user: admin\] \[Source: 127.0.0.1\] \[localport: $PORT\]' '$tmp/server.log'"
# An exec request: one command, its output, and back.
out=$(sshc admin 'show version' 2>/dev/null || true)
check "ssh admin@lns 'show version' runs one command" "echo \"\$out\" | grep -q 'jlns'"
rc=0; sshc admin 'show crypto nonsense' > /dev/null 2>&1 || rc=$?
check "an exec request that fails exits non-zero" "[ $rc -ne 0 ]"
askpass oppw
rc=0; sshc op 'show running-config' > "$tmp/op.txt" 2>&1 || rc=$?
check "a privilege-1 user is in user EXEC (show running-config refused)" "[ $rc -ne 0 ] && grep -q 'Invalid input' '$tmp/op.txt'"
# A session held open: show users lists it on its vty line; clear line vty ends it.
askpass adminpw
( printf 'show version\n'; sleep 25 ) | sshc admin '' -tt > "$tmp/held.txt" 2>&1 &
held=$!
sleep 4
sshc admin 'show users' > "$tmp/users.txt" 2>&1 || true
check "show users lists the held vty session" "grep -qE 'vty +0 +admin .* 127.0.0.1' '$tmp/users.txt'"
sshc admin 'clear line vty 0' > /dev/null 2>&1 || true
sleep 2
check "clear line vty 0 ends it" "! kill -0 $held 2>/dev/null"
wait $held 2>/dev/null || true
# access-class 10 permits 127.0.0.1 only: from 127.0.0.2 the connection is closed at once.
askpass adminpw
rc=0; sshc admin 'show version' -b 127.0.0.2 > "$tmp/acl.txt" 2>&1 || rc=$?
check "access-class refuses another source" "[ $rc -ne 0 ] && ! grep -q jlns '$tmp/acl.txt'"
check "the refusal is logged" "grep -q 'SSH-4-REFUSED: SSH connection from 127.0.0.2 refused: access-class 10' '$tmp/server.log'"
# Public-key login (ip ssh pubkey-chain): the key pasted with key-string is kept as its MD5 key-hash
# (the fingerprint ssh-keygen prints); that key logs in without a password, another key does not.
ssh-keygen -q -t rsa -b 3072 -N '' -C 'admin@jump' -f "$tmp/id_admin"
ssh-keygen -q -t rsa -b 3072 -N '' -f "$tmp/id_other"
b64=$(cut -d' ' -f2 "$tmp/id_admin.pub")
java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable 'configure terminal' 'ip ssh pubkey-chain' 'username admin' \
  'key-string' "${b64:0:100}" "${b64:100:200}" "${b64:300}" 'exit' 'end' 'show running-config | section pubkey-chain' \
  > "$tmp/pubkey-conf.txt" 2>&1 || true
md5=$(ssh-keygen -l -E md5 -f "$tmp/id_admin.pub" | awk '{print $2}' | sed 's/^MD5://; s/://g' | tr a-f A-F)
check "key-string is kept as its MD5 key-hash ($md5)" "grep -q 'key-hash ssh-rsa $md5' '$tmp/pubkey-conf.txt'"
sshk() { # sshk KEY 'COMMAND'
  timeout 30 setsid -w ssh -p $PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile="$tmp/known_hosts" -o BatchMode=yes \
    -o IdentitiesOnly=yes -o PreferredAuthentications=publickey -o ConnectTimeout=5 -i "$1" admin@127.0.0.1 "$2"
}
out=$(sshk "$tmp/id_admin" 'show version' 2>/dev/null || true)
check "that key logs in without a password" "echo \"\$out\" | grep -q jlns"
check "the key login is logged with the key's hash" "grep -q 'LOGIN_SUCCESS: Login Success \[user: admin\].*\[publickey ssh-rsa $md5\]' '$tmp/server.log'"
rc=0; sshk "$tmp/id_other" 'show version' > /dev/null 2>&1 || rc=$?
check "another key is refused" "[ $rc -ne 0 ]"
# An Ed25519 key, pasted as the whole id_ed25519.pub line.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/id_ed"
java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable 'configure terminal' 'ip ssh pubkey-chain' 'username admin' \
  'key-string' "$(cat "$tmp/id_ed.pub")" 'exit' 'end' > /dev/null 2>&1 || true
out=$(sshk "$tmp/id_ed" 'show version' 2>/dev/null || true)
check "an Ed25519 key logs in too" "echo \"\$out\" | grep -q jlns"
check "each key login is logged once, after the signature" "[ \$(grep -c 'publickey ssh-rsa $md5' '$tmp/server.log') = 1 ] && grep -q 'publickey ssh-ed25519' '$tmp/server.log'"
# crypto key generate rsa modulus 2048: a new host key, in its file, served to new sessions (ssh-keyscan sees the change).
before=$(ssh-keyscan -p $PORT -t rsa 127.0.0.1 2>/dev/null | awk '{print $3}')
java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" enable 'configure terminal' 'crypto key generate rsa general-keys modulus 2048' \
  'end' > "$tmp/keygen.txt" 2>&1 || true
for _ in $(seq 1 100); do grep -q 'SSH-5-KEYGEN' "$tmp/server.log" && break; sleep 0.1; done
after=$(ssh-keyscan -p $PORT -t rsa 127.0.0.1 2>/dev/null | awk '{print $3}')
check "crypto key generate rsa modulus 2048: a new host key served" "grep -q 'SSH-5-KEYGEN: a 2048-bit RSA host key' '$tmp/server.log' && [ -n '$after' ] && [ '$before' != '$after' ]"
check "the new key is the one in the file" "[ \"\$(ssh-keygen -y -f '$tmp/jlns-ssh-host-rsa.key' 2>/dev/null | awk '{print \$2}')\" = '$after' ]"
check "and it is not in the running configuration" "! java -jar target/jlns.jar exec --socket '$tmp/jlns.sock' enable 'show running-config' | grep -q 'crypto key generate'"
java -jar target/jlns.jar exec --socket "$tmp/jlns.sock" 'show ip ssh' > "$tmp/show-ip-ssh.txt" 2>&1 || true
check "show ip ssh: enabled, methods, the host key a client is offered" "grep -q '^SSH Enabled - version 2.0' '$tmp/show-ip-ssh.txt' && grep -q 'Authentication methods:publickey,password' '$tmp/show-ip-ssh.txt' && grep -q '$after' '$tmp/show-ip-ssh.txt'"
# The client knew the old key: it would refuse passwords to a changed host key.
rm -f "$tmp/known_hosts"
# Password guessing: three failures within 60 s block every login for 20 s, the right password too.
askpass wrong
for _ in 1 2 3; do sshc admin 'show version' > /dev/null 2>&1 || true; done
check "three failures logged" "[ \$(grep -c 'SEC_LOGIN-4-LOGIN_FAILED: Login failed \[user: admin\].*Login Authentication Failed' '$tmp/server.log') -ge 3 ]"
check "quiet mode on" "grep -q 'SEC_LOGIN-1-QUIET_MODE_ON' '$tmp/server.log'"
askpass adminpw
rc=0; sshc admin 'show version' > /dev/null 2>&1 || rc=$?
check "in quiet mode the right password is refused too" "[ $rc -ne 0 ] && grep -q 'quiet mode' '$tmp/server.log'"
sleep 21
out=$(sshc admin 'show version' 2>/dev/null || true)
check "after the block period the right password works" "echo \"\$out\" | grep -q jlns"
check "quiet mode off logged" "grep -q 'SEC_LOGIN-5-QUIET_MODE_OFF' '$tmp/server.log'"
check "no password in the log" "! grep -q 'adminpw\|oppw' '$tmp/server.log'"
check "the host key was kept beside the configuration" "[ -f '$tmp/jlns-ssh-host-rsa.key' ]"
echo "$CHECKS: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { tail -40 "$tmp/server.log"; cat "$tmp/session.clean"; exit 1; }
