package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI over the real Unix-domain control socket, as {@code jlns exec} uses it. */
class ControlSocketTest {
  @TempDir Path dir;

  private int exec(ControlServer server, StringWriter out, StringWriter err, String secret, String... cmds) throws Exception {
    return InteractiveCli.exec(server.path(), List.of(cmds), secret, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void execRunsTheSeedStepsAndExitsZero() throws Exception {
    Sessions s = new Sessions(Sessions.seed(), null);
    try (ControlServer server = new ControlServer(s.ctx, dir.resolve("run/jlns.sock"))) {
      assertThat(Files.getPosixFilePermissions(server.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(Files.getPosixFilePermissions(server.path().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
      StringWriter out = new StringWriter();
      int rc = exec(server, out, new StringWriter(), null, "enable", "configure terminal", "crypto dynamic-map DYN_MAP 10",
          "set nat demux", "exit", "exit", "show crypto map", "show crypto dynamic-map", "show crypto ipsec sa");
      assertThat(rc).isZero();
      assertThat(out.toString()).contains("Dynamic map template tag: DYN_MAP", "NAT demux (set nat demux): Enabled",
          "interface: FastEthernet0/0");
    }
  }

  @Test
  void execStopsWithExitOneAtAnError() throws Exception {
    Sessions s = new Sessions(Sessions.seed(), null);
    try (ControlServer server = new ControlServer(s.ctx, dir.resolve("jlns.sock"))) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int rc = exec(server, out, err, null, "enable", "conf t", "crypto isakmp polcy 1", "hostname never");
      assertThat(rc).isEqualTo(1);
      assertThat(out.toString()).contains("72_LNS(config)#crypto isakmp polcy 1\n"
          + " ".repeat("72_LNS(config)#crypto isakmp ".length()) + "^\n% Invalid input detected at '^' marker.");
      assertThat(err.toString()).contains("stopped at 'crypto isakmp polcy 1'");
      assertThat(s.config().hostname()).isEqualTo("72_LNS");
    }
  }

  @Test
  void execAnswersTheEnablePromptFromTheEnvironmentOnly() throws Exception {
    Sessions s = new Sessions(Sessions.seed().replace("\nend", "\nenable secret 0 letmein\nend"), null);
    try (ControlServer server = new ControlServer(s.ctx, dir.resolve("jlns.sock"))) {
      StringWriter err = new StringWriter();
      assertThat(exec(server, new StringWriter(), err, null, "enable", "show running-config")).isEqualTo(1);
      assertThat(err.toString()).contains("JLNS_ENABLE_SECRET");
      assertThat(exec(server, new StringWriter(), new StringWriter(), "nope", "enable")).isEqualTo(1);
      StringWriter out = new StringWriter();
      assertThat(exec(server, out, new StringWriter(), "letmein", "enable", "show running-config | include ^hostname")).isZero();
      assertThat(out.toString()).isEqualTo("hostname 72_LNS\n");
    }
  }

  @Test
  void helpAndCompletionTravelOverTheSocket() throws Exception {
    Sessions s = new Sessions(Sessions.seed(), null);
    try (ControlServer server = new ControlServer(s.ctx, dir.resolve("jlns.sock"));
        ControlClient c = new ControlClient(server.path())) {
      c.send(ControlProtocol.EXECUTE, "enable");
      assertThat(c.send(ControlProtocol.HELP, "show crypto ").text()).contains("  dynamic-map", "Crypto map templates");
      assertThat(c.send(ControlProtocol.COMPLETE, "sh cry dyn").lines()).containsExactly("dynamic-map");
      assertThat(c.send(ControlProtocol.EXECUTE, "conf t").prompt()).isEqualTo("72_LNS(config)#");
      assertThat(c.send(ControlProtocol.END, "").prompt()).isEqualTo("72_LNS#");
      assertThat(c.send(ControlProtocol.EXECUTE, "show running-config").lines()).contains("Building configuration...", "",
          "hostname 72_LNS");
    }
  }

  @Test
  void aSecondServerOnTheSameSocketIsRefused() throws Exception {
    Sessions s = new Sessions(Sessions.seed(), null);
    Path sock = dir.resolve("jlns.sock");
    try (ControlServer server = new ControlServer(s.ctx, sock)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ControlServer(s.ctx, sock))
          .hasMessageContaining("another jlns already listens");
    }
  }

  /** A request line of megabytes with no newline is not buffered whole: the session ends at 16 KiB with an error. */
  @Test
  void anEndlessRequestLineEndsTheSessionInsteadOfFillingMemory() throws Exception {
    Sessions s = new Sessions(Sessions.seed(), null);
    try (ControlServer server = new ControlServer(s.ctx, dir.resolve("jlns.sock"));
        java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(server.path()))) {
      java.nio.ByteBuffer chunk = java.nio.ByteBuffer.wrap("X ".concat("a".repeat(64 * 1024)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      while (chunk.hasRemaining()) {
        ch.write(chunk);
      }
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.channels.Channels.newInputStream(ch),
          java.nio.charset.StandardCharsets.UTF_8));
      // The server answers with an error and hangs up; what it did not read may turn the hang-up into a reset.
      try {
        String line = in.readLine();
        if (line != null) {
          assertThat(line).startsWith("$ ERROR ");
          assertThat(in.readLine()).as("the session is over").isNull();
        }
      } catch (java.net.SocketException reset) {
        assertThat(reset.getMessage()).contains("reset");
      }
      StringWriter out = new StringWriter();
      assertThat(exec(server, out, new StringWriter(), null, "show version")).as("the server still serves").isZero();
    }
  }
}
