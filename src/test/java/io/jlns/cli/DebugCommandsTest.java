package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.debug.Debug;
import io.jlns.debug.Debug.Category;
import io.jlns.log.LogHub;
import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code debug}, {@code debug condition}, {@code show debugging}, {@code show logging} and {@code terminal monitor}. */
class DebugCommandsTest {
  @TempDir Path dir;
  private LogHub before;
  private LogHub hub;

  @BeforeEach
  void freshHub() {
    before = LogHub.get();
    hub = new LogHub(Clock.fixed(Instant.parse("2026-12-01T09:05:07.089Z"), ZoneOffset.UTC));
    hub.apply(new LogHub.Settings(null, Severity.DEBUGGING, Severity.DEBUGGING, 8192, Timestamps.DEFAULT,
        Timestamps.DEFAULT, false));
    LogHub.install(hub);
  }

  @AfterEach
  void restore() {
    Debug.allOff();
    Debug.removeCondition(0);
    LogHub.install(before);
  }

  private static String run(ExecSession s, String line) {
    Response r = s.execute(line);
    assertThat(r.status()).as(line + ": " + r.output()).isNotEqualTo(Response.Status.ERROR);
    return r.output();
  }

  @Test
  void debugTurnsCategoriesOnAndShowDebuggingListsThemByGroup() {
    ExecSession s = new Sessions(Sessions.seed(), null).session();
    run(s, "enable");
    assertThat(s.execute("debug crypto isakmp").output()).isEqualTo("Crypto ISAKMP debugging is on\n");
    assertThat(run(s, "deb ppp auth")).isEqualTo("PPP authentication debugging is on\n");
    assertThat(run(s, "debug vpdn l2x-events")).isEqualTo("L2X protocol events debugging is on\n");
    assertThat(Debug.on(Category.CRYPTO_ISAKMP)).isTrue();
    assertThat(Debug.on(Category.CRYPTO_IPSEC)).isFalse();
    assertThat(run(s, "show debugging")).isEqualTo("\nCryptographic Subsystem:\n  Crypto ISAKMP debugging is on\n"
        + "\nPPP:\n  PPP authentication debugging is on\n\nVPN:\n  L2X protocol events debugging is on\n");
    assertThat(run(s, "no debug ppp authentication")).isEqualTo("PPP authentication debugging is off\n");
    assertThat(run(s, "undebug all")).isEqualTo("All possible debugging has been turned off\n");
    assertThat(Debug.enabled()).isEmpty();
  }

  @Test
  void debugIsPrivileged() {
    ExecSession s = new Sessions(Sessions.seed(), null).session();
    assertThat(s.execute("debug crypto isakmp").status()).isEqualTo(Response.Status.ERROR);
    assertThat(Debug.enabled()).isEmpty();
  }

  @Test
  void conditionsLimitTheLinesToMatchingClients() throws Exception {
    ExecSession s = new Sessions(Sessions.seed(), null).session();
    run(s, "enable");
    run(s, "debug crypto isakmp");
    InetAddress a = InetAddress.getByName("198.51.100.7");
    InetAddress b = InetAddress.getByName("198.51.100.8");
    assertThat(Debug.on(Category.CRYPTO_ISAKMP, b, null)).isTrue();
    assertThat(run(s, "debug condition peer ipv4 198.51.100.7")).isEqualTo("Condition 1 set\n");
    assertThat(run(s, "debug condition username alice")).isEqualTo("Condition 2 set\n");
    assertThat(Debug.on(Category.CRYPTO_ISAKMP, a, null)).isTrue();
    assertThat(Debug.on(Category.CRYPTO_ISAKMP, b, null)).isFalse();
    assertThat(Debug.on(Category.CRYPTO_ISAKMP, b, "alice")).isTrue();
    assertThat(Debug.on(Category.PPP_NEGOTIATION, a, null)).isFalse();
    assertThat(run(s, "show debugging")).contains("Condition 1: peer ipv4 198.51.100.7\nCondition 2: username alice\n");
    assertThat(run(s, "no debug condition 1")).isEqualTo("Condition 1 has been removed\n");
    assertThat(s.execute("no debug condition 1").status()).isEqualTo(Response.Status.ERROR);
    run(s, "no debug condition all");
    assertThat(Debug.on(Category.CRYPTO_ISAKMP, b, null)).isTrue();
  }

  @Test
  void showLoggingPrintsTheBufferAndClearLoggingEmptiesIt() {
    ExecSession s = new Sessions(Sessions.seed(), null).session();
    run(s, "enable");
    hub.log("%SYS-5-CONFIG_I: Configured from console by vty0", Severity.INFORMATIONAL);
    String out = run(s, "show logging");
    assertThat(out).contains("Console logging: disabled", "Buffer logging:  level debugging, 1 messages logged",
        "Log Buffer (8192 bytes):\n\nDec  1 09:05:07.089: %SYS-5-CONFIG_I: Configured from console by vty0\n");
    run(s, "clear logging");
    assertThat(run(s, "show logging")).doesNotContain("Configured from console");
  }

  @Test
  void terminalMonitorCopiesLinesToThatSessionOverTheSocket() throws Exception {
    Sessions ss = new Sessions(Sessions.seed(), null);
    try (ControlServer server = new ControlServer(ss.ctx, dir.resolve("jlns.sock"));
        ControlClient watching = new ControlClient(server.path());
        ControlClient other = new ControlClient(server.path())) {
      LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<String> notSeen = new LinkedBlockingQueue<>();
      watching.onMonitor(seen::add);
      other.onMonitor(notSeen::add);
      for (String l : List.of("enable", "terminal monitor", "debug crypto isakmp")) {
        assertThat(watching.send(ControlProtocol.EXECUTE, l).status()).isEqualTo(Response.Status.OK);
      }
      other.send(ControlProtocol.EXECUTE, "enable");
      Debug.print("ISAKMP:(0): a debug line");
      assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("Dec  1 09:05:07.089: ISAKMP:(0): a debug line");
      // replies still arrive whole while monitor lines flow
      assertThat(watching.send(ControlProtocol.EXECUTE, "show debugging").text()).contains("Crypto ISAKMP debugging is on");
      watching.send(ControlProtocol.EXECUTE, "terminal no monitor");
      Debug.print("ISAKMP:(0): after no monitor");
      assertThat(seen.poll(700, TimeUnit.MILLISECONDS)).isNull();
      assertThat(notSeen).isEmpty();
    }
  }
}
