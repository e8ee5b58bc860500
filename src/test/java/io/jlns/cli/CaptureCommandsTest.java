package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.capture.Captures;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IOS Embedded Packet Capture commands in privileged EXEC, on a capture fed by hand. */
class CaptureCommandsTest {
  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();
  private final Captures caps = new Captures(() -> 1_000_000L, log::add);

  private ExecSession session() {
    IpsecView view = new IpsecView() {
      @Override
      public Captures captures() {
        return caps;
      }
    };
    ExecSession s = new Sessions(Sessions.load(Sessions.seed(), new io.jlns.config.ConfigGrammar()), null, view, VpdnView.NONE).session();
    s.execute("enable");
    return s;
  }

  private static String ok(ExecSession s, String line) {
    Response r = s.execute(line);
    assertThat(r.status()).as(line + ": " + r.output()).isNotEqualTo(Response.Status.ERROR);
    return r.output();
  }

  @Test
  void defineFilterStartStopExportAsOnIos() throws Exception {
    ExecSession s = session();
    assertThat(s.execute("monitor capture CAP start").output()).contains("does not exist");
    ok(s, "monitor capture CAP interface GigabitEthernet0/0 both");
    assertThat(s.execute("monitor capture CAP start").output()).contains("needs a filter");
    assertThat(s.execute("monitor capture CAP match ipv4 host 300.1.1.1 any").output()).contains("not an IPv4 address");
    assertThat(s.execute("monitor capture CAP match ipv4 any").output()).contains("Incomplete command");
    ok(s, "monitor capture CAP match ipv4 host 198.51.100.2 any");
    ok(s, "monitor capture CAP buffer size 2 circular");
    ok(s, "monitor capture CAP limit packets 100");
    ok(s, "monitor capture CAP start");
    caps.udp(true, new InetSocketAddress("198.51.100.1", 500), new InetSocketAddress("198.51.100.2", 500), new byte[40], 0, 40);
    caps.udp(true, new InetSocketAddress("198.51.100.1", 500), new InetSocketAddress("203.0.113.1", 500), new byte[40], 0, 40);
    assertThat(ok(s, "show monitor capture CAP")).contains("Interface GigabitEthernet0/0, Direction: BOTH", "Status : Active",
        "ipv4 host 198.51.100.2 any", "Buffer Type: CIRCULAR", "Buffer Size (in MB): 2", "Number of Packets to capture: 100",
        "Packets captured: 1 (68 bytes)");
    ok(s, "monitor capture CAP stop");
    assertThat(ok(s, "show monitor capture CAP buffer brief")).contains("198.51.100.2       ->  198.51.100.1     UDP 500");
    Path f = dir.resolve("cap.pcapng");
    assertThat(ok(s, "monitor capture CAP export flash:" + f)).contains("Exported 1 packet(s) to " + f);
    assertThat(Files.size(f)).isGreaterThan(68);
    assertThat(ok(s, "monitor capture CAP export-keys " + dir.resolve("keys"))).contains("WARNING", "WIRESHARK_CONFIG_DIR=");
    assertThat(Files.exists(dir.resolve("keys/esp_sa"))).isTrue();
    assertThat(log).contains("%BUFCAP-6-ENABLE: Capture Point CAP enabled.", "%BUFCAP-6-DISABLE: Capture Point CAP disabled.");
    ok(s, "no monitor capture CAP");
    assertThat(s.execute("show monitor capture CAP").output()).contains("does not exist");
  }

  @Test
  void captureIsPrivilegedAndNeedsAPacketPath() {
    ExecSession s = new Sessions(Sessions.seed(), null).session();
    assertThat(s.execute("monitor capture CAP control-plane both").status()).isEqualTo(Response.Status.ERROR);
    s.execute("enable");
    assertThat(s.execute("monitor capture CAP control-plane both").output()).contains("not available");
  }
}
