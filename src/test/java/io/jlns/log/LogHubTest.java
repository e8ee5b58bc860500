package io.jlns.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hub: IOS stamps, sequence numbers, each destination's threshold, a bounded buffer, monitors that cannot block it. */
class LogHubTest {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-12-01T09:05:07.089Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static LogHub.Settings quiet(Severity buffered, int size, Timestamps log, boolean seq) {
    return new LogHub.Settings(null, Severity.DEBUGGING, buffered, size, log, Timestamps.DEFAULT, seq);
  }

  @Test
  void linesAreStampedAsIosStampsThem() {
    TestClock clock = new TestClock();
    LogHub hub = new LogHub(clock);
    hub.apply(quiet(Severity.DEBUGGING, 4096, Timestamps.DEFAULT, false));
    hub.log("%SYS-5-CONFIG_I: Configured from console by vty0", Severity.INFORMATIONAL);
    hub.apply(quiet(Severity.DEBUGGING, 4096, new Timestamps(true, false, true, true, false, true), true));
    hub.log("%CRYPTO-6-X: two", Severity.INFORMATIONAL);
    hub.apply(quiet(Severity.DEBUGGING, 4096, Timestamps.NONE, true));
    hub.log("%CRYPTO-6-X: three", Severity.INFORMATIONAL);
    clock.now = clock.now.plus(Duration.ofDays(2).plusHours(3));
    hub.apply(quiet(Severity.DEBUGGING, 4096, Timestamps.UPTIME, false));
    hub.log("%CRYPTO-6-X: four", Severity.INFORMATIONAL);
    hub.debug("ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1");
    assertThat(hub.status().buffer()).containsExactly(
        "Dec  1 09:05:07.089: %SYS-5-CONFIG_I: Configured from console by vty0",
        "000002: Dec  1 2026 09:05:07.089 UTC: %CRYPTO-6-X: two",
        "000003: %CRYPTO-6-X: three",
        "2d03h: %CRYPTO-6-X: four",
        "Dec  3 12:05:07.089: ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1");
    assertThat(Timestamps.uptime(Duration.ofSeconds(3725))).isEqualTo("01:02:05");
    assertThat(Timestamps.uptime(Duration.ofDays(9))).isEqualTo("1w2d");
  }

  @Test
  void theIosTagGivesTheSeverityAndEachDestinationItsThreshold() throws Exception {
    assertThat(LogHub.severityOf("%CRYPTO-4-IKMP_BAD_MESSAGE: x", Severity.INFORMATIONAL)).isEqualTo(Severity.WARNINGS);
    assertThat(LogHub.severityOf("no tag", Severity.ERRORS)).isEqualTo(Severity.ERRORS);
    LogHub hub = new LogHub(new TestClock());
    hub.apply(new LogHub.Settings(null, Severity.WARNINGS, Severity.INFORMATIONAL, 4096, Timestamps.NONE,
        Timestamps.NONE, false));
    try (LogHub.Monitor m = hub.monitor("vty0")) {
      hub.log("%SYS-5-A: notice", Severity.INFORMATIONAL);
      hub.log("%SYS-3-B: error", Severity.INFORMATIONAL);
      hub.debug("a debug line");
      assertThat(hub.status().buffer()).containsExactly("%SYS-5-A: notice", "%SYS-3-B: error");
      assertThat(hub.status().monitor()).isEqualTo(1);
      assertThat(m.next(0)).isEqualTo("%SYS-3-B: error");
      assertThat(m.next(0)).isNull();
    }
  }

  @Test
  void theBufferKeepsTheNewestLinesWithinItsSize() {
    LogHub hub = new LogHub(new TestClock());
    hub.apply(quiet(Severity.DEBUGGING, 4096, Timestamps.NONE, false));
    for (int i = 0; i < 1000; i++) {
      hub.log("%SYS-6-N: line " + i + " " + "x".repeat(80), Severity.INFORMATIONAL);
    }
    var buf = hub.status().buffer();
    assertThat(buf.stream().mapToInt(l -> l.length() + 1).sum()).isLessThanOrEqualTo(4096);
    assertThat(buf.get(buf.size() - 1)).startsWith("%SYS-6-N: line 999 ");
    assertThat(hub.status().buffered()).isEqualTo(1000);
    hub.clearBuffer();
    assertThat(hub.status().buffer()).isEmpty();
    hub.apply(quiet(null, 4096, Timestamps.NONE, false));
    hub.log("%SYS-6-N: not kept", Severity.INFORMATIONAL);
    assertThat(hub.status().buffer()).isEmpty();
  }

  @Test
  void aTerminalThatFallsBehindLosesLinesNotTheServerItsTime() throws Exception {
    LogHub hub = new LogHub(new TestClock());
    hub.apply(quiet(null, 4096, Timestamps.NONE, false));
    LogHub.Monitor m = hub.monitor("vty3");
    for (int i = 0; i < LogHub.Monitor.QUEUE + 10; i++) {
      hub.debug("line " + i);
    }
    assertThat(m.takeLost()).isEqualTo(10);
    assertThat(m.next(0)).isEqualTo("Dec  1 09:05:07.089: line 0");
    m.close();
    hub.debug("after");
    assertThat(m.next(0)).isNull();
    assertThat(hub.status().monitors()).isZero();
  }
}
