package io.jlns.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(String... args) throws Exception {
    return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void checkAcceptsTheSeedExampleAndListsTheInertCommands() throws Exception {
    assertThat(main("check", "--config", "examples/seed-lns.cfg")).isZero();
    assertThat(out()).contains("examples/seed-lns.cfg: accepted, not acted on (kept verbatim in the running configuration):",
        "line 103: router ospf 1", "line 121: line con 0", "examples/seed-lns.cfg:74: warning: '!' glued",
        "examples/seed-lns.cfg: OK: 129 lines, 0 errors");
  }

  @Test
  void checkFailsATypoWithLineCaretAndMessage() throws Exception {
    Path bad = dir.resolve("bad.cfg");
    Files.writeString(bad, Files.readString(Path.of("examples/seed-lns.cfg")).replace(" encr 3des", " encr 3dez"));
    assertThat(main("check", "--config", bad.toString())).isEqualTo(1);
    assertThat(out()).contains(bad + ":53:7: error: Invalid input detected at '^' marker.\n encr 3dez\n      ^\n")
        .contains("FAILED");
  }

  @Test
  void runRefusesAConfigurationWhoseKeyIsStillMasked() throws Exception {
    Path masked = dir.resolve("masked.cfg");
    Files.copy(Path.of("src/test/resources/seed/example-config.cfg"), masked);
    assertThat(main("run", "--config", masked.toString(), "--socket", dir.resolve("s").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("crypto keyring L2TP pre-shared-key address 0.0.0.0 0.0.0.0 is masked ('*****'); put the real secret there")
        .contains("refusing to start");
  }

  @Test
  void theEmbeddedDefaultIsTheSeedWithGeneratedSecretsPrintedOnce() throws Exception {
    PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
    String text = DefaultConfig.text(Map.of("JLNS_USER", "alice"), new java.util.SplittableRandom(5), console);
    assertThat(text).contains("crypto dynamic-map DYN_MAP 10", "set nat demux", "username alice password 0 ")
        .doesNotContain("*****").doesNotContain("${");
    String psk = out().lines().filter(l -> l.contains("pre-shared key")).findFirst().orElseThrow().replaceAll(".*: ", "");
    assertThat(text).contains("key " + psk);
    assertThat(DefaultConfig.text(Map.of("JLNS_PSK", "given-psk", "JLNS_PASSWORD", "pw"), new java.util.SplittableRandom(5),
        console)).contains("key given-psk", "username vpnuser password 0 pw");
  }
}
