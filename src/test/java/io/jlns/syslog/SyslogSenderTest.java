package io.jlns.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.log.LogHub;
import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syslog as IOS sends it: byte-exact frames in both formats, and datagrams to a collector on loopback. */
class SyslogSenderTest {
  private static final Instant T = Instant.parse("2026-12-01T09:05:07.089Z");
  private static final LogHub.Line LINE = new LogHub.Line(52, T, Severity.NOTIFICATIONS, false,
      "%SYS-5-CONFIG_I: Configured from console by vty0", "ignored");

  private static SyslogSender.Settings settings(String origin, boolean rfc5424, List<InetSocketAddress> hosts) {
    return new SyslogSender.Settings(Severity.INFORMATIONAL, hosts, 23, origin, rfc5424, "72_LNS", Timestamps.DEFAULT,
        T.minusSeconds(60));
  }

  @Test
  void bsdFramesAreIosFrames() {
    assertThat(SyslogSender.frame(settings(null, false, List.of()), LINE))
        .isEqualTo("<189>52: Dec  1 09:05:07.089: %SYS-5-CONFIG_I: Configured from console by vty0");
    assertThat(SyslogSender.frame(settings("", false, List.of()), LINE))
        .isEqualTo("<189>52: 72_LNS: Dec  1 09:05:07.089: %SYS-5-CONFIG_I: Configured from console by vty0");
  }

  @Test
  void rfc5424FramesCarryTheTagAsMsgidAndTheSequenceNumber() {
    assertThat(SyslogSender.frame(settings(null, true, List.of()), LINE)).isEqualTo("<189>1 2026-12-01T09:05:07.089Z "
        + "72_LNS jlns - SYS-CONFIG_I [meta sequenceId=\"52\"] %SYS-5-CONFIG_I: Configured from console by vty0");
    LogHub.Line debug = new LogHub.Line(7, T, Severity.DEBUGGING, true, "ISAKMP:(0): a debug line", "x");
    assertThat(SyslogSender.frame(settings("LNS-7", true, List.of()), debug)).isEqualTo(
        "<191>1 2026-12-01T09:05:07.089Z LNS-7 jlns - - [meta sequenceId=\"7\"] ISAKMP:(0): a debug line");
  }

  @Test
  void linesAtOrAboveTheTrapLevelReachTheCollector() throws Exception {
    try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      collector.setSoTimeout(5000);
      InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), collector.getLocalPort());
      try (SyslogSender s = new SyslogSender(settings(null, false, List.of(at)))) {
        s.accept(new LogHub.Line(1, T, Severity.DEBUGGING, true, "not sent: debugging is above informational", "x"));
        s.accept(LINE);
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        collector.receive(p);
        assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
            .isEqualTo("<189>52: Dec  1 09:05:07.089: %SYS-5-CONFIG_I: Configured from console by vty0");
        assertThat(s.status()).contains("level informational, 1 message lines logged", "Logging to 127.0.0.1",
            "BSD format");
      }
    }
  }
}
