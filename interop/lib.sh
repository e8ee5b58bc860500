# Shared by the interop scenarios (sourced): building jlns, its configuration, starting it, its CLI.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

build_jar() {
  # As the launcher does: (re)built when missing or older than the sources (a stale jar tests old code).
  if [ ! -f "$root/target/jlns.jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/jlns.jar" -print -quit)" ]; then
    (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests package)
  fi
}

# seed_config FILE [SED-EXPR...]: the seed's example configuration, verbatim but for its masked key,
# a PPP user alice, 'l2tp cleartext' (unless JH_IPSEC is set), and the given edits.
seed_config() {
  local file=$1; shift
  local edits=() clear='\n l2tp cleartext'
  [ -n "${JH_IPSEC:-}" ] && clear=''

  for e in "$@"; do edits+=(-e "$e"); done
  sed -e 's/key \*\*\*\*\*/key interop-psk/' \
      -e 's/^aaa session-id common$/aaa session-id common\nusername alice password 0 alicepw/' \
      -e "s/^no l2tp tunnel authentication\$/no l2tp tunnel authentication$clear/" \
      "${edits[@]}" "$root/src/test/resources/seed/example-config.cfg" > "$file"
}

# start_jlns OUT [RUN-ARGS...]: jlns in the LNS namespace with OUT/lns.cfg; sets server_pid and
# waits for the control socket. Two event loops (JLNS_LOOPS to change), whatever the machine's
# cores, so every real-client scenario crosses loops: a client's UDP 500 and 4500 are hashed apart.
start_jlns() {
  local out=$1; shift
  ip netns exec jh-lns java -jar "$root/target/jlns.jar" run --config "$out/lns.cfg" --socket "$out/jlns.sock" \
    --loops "${JLNS_LOOPS:-2}" "$@" \
    > "$out/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do [ -S "$out/jlns.sock" ] && return 0; sleep 0.1; done
  echo "jlns did not start:"; cat "$out/server.log"; return 1
}

# jlns_cli OUT CMD...: runs CLI lines (after enable) on the server of OUT.
jlns_cli() {
  local out=$1; shift
  ip netns exec jh-lns java -jar "$root/target/jlns.jar" exec --socket "$out/jlns.sock" enable "$@"
}
