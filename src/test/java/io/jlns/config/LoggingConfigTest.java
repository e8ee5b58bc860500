package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code logging ...} and {@code service timestamps|sequence-numbers}: IOS syntax, defaults, printed back in IOS order. */
class LoggingConfigTest {
  @Test
  void iosDefaultsAreNotPrinted() {
    Config c = Configs.parse("hostname R1\n");
    assertThat(c.logging()).isEqualTo(Logging.DEFAULTS);
    assertThat(ConfigPrinter.full(c)).doesNotContain("logging").doesNotContain("service");
  }

  @Test
  void theSeedsTimestampLinesAreUnderstoodAndKept() {
    Config c = Configs.parse(Configs.seed());
    Timestamps msec = new Timestamps(true, false, true, false, false, false);
    assertThat(c.logging().logTimestamps()).isEqualTo(msec);
    assertThat(c.logging().debugTimestamps()).isEqualTo(msec);
    assertThat(ConfigPrinter.full(c)).startsWith("!\nversion 12.3\nservice timestamps debug datetime msec\n"
        + "service timestamps log datetime msec\nno service password-encryption\n!\nhostname 72_LNS\n");
  }

  @Test
  void everyDestinationAndItsLevel() {
    Config c = Configs.parse("""
        service timestamps log datetime msec localtime show-timezone year
        service timestamps debug uptime
        service sequence-numbers
        logging buffered 64000 informational
        logging console warnings
        no logging monitor
        logging trap 5
        logging facility local5
        logging origin-id hostname
        logging host 192.0.2.9 transport udp port 1514
        logging 192.0.2.10
        logging trap syslog-format rfc5424
        logging rate-limit 10
        """);
    Logging l = c.logging();
    assertThat(l.buffered()).isEqualTo(Severity.INFORMATIONAL);
    assertThat(l.bufferSize()).isEqualTo(64000);
    assertThat(l.console()).isEqualTo(Severity.WARNINGS);
    assertThat(l.monitor()).isNull();
    assertThat(l.trap()).isEqualTo(Severity.NOTIFICATIONS);
    assertThat(l.facilityCode()).isEqualTo(21);
    assertThat(l.origin()).isEmpty();
    assertThat(l.rfc5424()).isTrue();
    assertThat(l.sequenceNumbers()).isTrue();
    assertThat(l.hosts()).containsExactly(new Logging.Host(Ipv4Address.of("192.0.2.9"), 1514),
        new Logging.Host(Ipv4Address.of("192.0.2.10"), 514));
    assertThat(l.logStamps().text()).isEqualTo("datetime msec localtime show-timezone year");
    assertThat(l.debugStamps()).isEqualTo(Timestamps.UPTIME);
    String text = ConfigPrinter.full(c);
    assertThat(text).contains("service timestamps debug uptime\nservice timestamps log datetime msec localtime "
        + "show-timezone year\nservice sequence-numbers\n");
    assertThat(text).contains("logging buffered 64000 informational\nlogging console warnings\nno logging monitor\n");
    assertThat(text).contains("logging trap notifications\nlogging trap syslog-format rfc5424\nlogging facility local5\n"
        + "logging origin-id hostname\nlogging host 192.0.2.9 transport udp port 1514\nlogging host 192.0.2.10\n");
    assertThat(text).contains("logging rate-limit 10");
    assertThat(Configs.parse(text)).isEqualTo(c);
  }

  @Test
  void noTurnsEachOffOrBack() {
    Config c = Configs.parse("""
        logging buffered 64000 informational
        logging host 192.0.2.9
        logging host 192.0.2.10
        no logging host 192.0.2.9
        no logging buffered
        no logging trap
        no service timestamps
        logging origin-id string LNS-7
        """);
    assertThat(c.logging().buffered()).isNull();
    assertThat(c.logging().trap()).isNull();
    assertThat(c.logging().hosts()).extracting(h -> h.address().toString()).isEqualTo(List.of("192.0.2.10"));
    assertThat(c.logging().logStamps().enabled()).isFalse();
    String text = ConfigPrinter.full(c);
    assertThat(text).contains("no service timestamps debug\nno service timestamps log\n", "no logging buffered\n",
        "no logging trap\n", "logging origin-id string LNS-7\n");
    assertThat(Configs.parse(text)).isEqualTo(c);
  }

  @Test
  void badLevelsAndSizesAreErrors() {
    assertThat(Configs.load("logging buffered 100\n").ok()).isFalse();
    assertThat(Configs.load("logging console 8\n").ok()).isFalse();
    assertThat(Configs.load("logging host 192.0.2.300\n").ok()).isFalse();
    assertThat(Configs.load("logging facility local9\n").ok()).isFalse();
  }
}
