#!/usr/bin/env bash
# Coverage-guided fuzzing (Jazzer) of every input jlns takes: each target in fuzzing mode for a
# fixed time, one after the other, then a table of what each did. A finding (an exception that
# escaped, a broken invariant) fails the run; Jazzer writes the input that caused it under
# src/test/resources/<package>/<Class>Inputs/<method>/crash-*, where `mvn test` replays it from
# then on (fix it, then rename the file to say what it was). The corpus each target grows is kept
# in .cifuzz-corpus/ and picked up by the next run.
#
#   scripts/fuzz.sh                 # every target, 20 s each (what ./test.sh runs)
#   scripts/fuzz.sh -t 3600         # every target for an hour: the long run
#   scripts/fuzz.sh -t 600 IkeResponderFuzzTest L2tpLnsFuzzTest
#   scripts/fuzz.sh -t 60 -c DIR     # and Jazzer's coverage report of each target in DIR, with the
#                                    # line coverage of the files the target is about
#
# In process, no sockets: nothing leaves the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=20; covdir=
while [ $# -gt 0 ]; do
  case "$1" in
    -t) seconds=$2; shift 2;;
    -c) covdir=$(mkdir -p "$2" && cd "$2" && pwd); shift 2;;
    *) break;;
  esac
done
# The files each target is about, for the coverage summary.
declare -A files=(
  [IsakmpCodecFuzzTest]="IsakmpCodec.java"
  [IkeResponderFuzzTest]="IkeResponder.java Phase1Start.java MainModeKeyExchange.java MainModeAuth.java AggressiveMode.java QuickMode.java Informational.java Rekey.java"
  [EspReceiveFuzzTest]="EspSa.java EspCrypto.java ReplayWindow.java InnerDatagram.java"
  [L2tpCodecFuzzTest]="L2tpCodec.java"
  [L2tpLnsFuzzTest]="L2tpLns.java Tunnel.java Session.java ControlChannel.java"
  [PppSessionFuzzTest]="PppSession.java Automaton.java LcpNegotiation.java IpcpNegotiation.java Authenticator.java Keepalive.java"
  [ConfigLoaderFuzzTest]="ConfigLoader.java ConfigInterpreter.java ConfigPrinter.java"
  [CliFuzzTest]="ExecSession.java ExecGrammar.java ControlServer.java")
all=(IsakmpCodecFuzzTest IkeResponderFuzzTest EspReceiveFuzzTest L2tpCodecFuzzTest L2tpLnsFuzzTest PppSessionFuzzTest
     ConfigLoaderFuzzTest CliFuzzTest)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mvn -B -q -Dstyle.color=never test-compile > "$out/compile.log" 2>&1 || { cat "$out/compile.log"; exit 1; }
failed=()
printf '%-22s %12s %9s %8s %8s %6s  %s\n' target executions exec/s edges features corpus result
for t in "${targets[@]}"; do
  log="$out/$t.log"
  # Logging off: the targets drive the real code, whose log lines would cost more than the code.
  if JLNS_LOG_LEVEL=OFF JAZZER_FUZZ=1 timeout $((seconds + 300)) mvn -B -q -Dstyle.color=never surefire:test \
      -Dtest="$t" -Djazzer.max_duration="${seconds}s" -DargLine=-Xmx2g ${covdir:+-Djazzer.coverage_report=$covdir/$t.txt} \
      > "$log" 2>&1; then
    result=ok
  else
    result=FINDING
    failed+=("$t")
  fi
  done_line=$(grep -a -E '^#[0-9]+\s+DONE' "$log" | tail -1 || true)
  [ -n "$done_line" ] || done_line=$(grep -a -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$log" | tail -1 || true)
  execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")
  rate=$(grep -o -E 'exec/s: [0-9]+' <<<"$done_line" | awk '{print $2}')
  cov=$(grep -o -E 'cov: [0-9]+' <<<"$done_line" | awk '{print $2}')
  ft=$(grep -o -E 'ft: [0-9]+' <<<"$done_line" | awk '{print $2}')
  corp=$(grep -o -E 'corp: [0-9]+' <<<"$done_line" | awk '{print $2}')
  printf '%-22s %12s %9s %8s %8s %6s  %s\n' "$t" "${execs:--}" "${rate:--}" "${cov:--}" "${ft:--}" "${corp:--}" "$result"
  if [ -n "$covdir" ] && [ -f "$covdir/$t.txt" ]; then
    # Jazzer's report: a branch section, then a line section of 'File.java: covered/total (percent)'.
    awk -v want="${files[$t]}" 'BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) keep[w[i]] = 1 }
         /^Line coverage:/ { lines = 1; next }
         lines && $2 ~ /^[0-9]+\/[0-9]+$/ && substr($1, 1, length($1) - 1) in keep && !seen[$1]++ {
           split($2, f, "/"); c += f[1]; t += f[2]; printf "    %s %s %s\n", $1, $2, $3 }
         END { if (t > 0) printf "    lines of its files: %d/%d (%.1f%%)\n", c, t, 100 * c / t }' "$covdir/$t.txt"
  fi
  if [ "$result" != ok ]; then
    grep -a -E 'FuzzTestFindingException|Caused by|Test unit written to|expected|but was' "$log" | head -12 | sed 's/^/    /'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAIL - findings in: ${failed[*]}"
  exit 1
fi
echo "fuzz: ok - ${#targets[@]} targets, ${seconds} s each, no finding"
