package io.jlns.config;

import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.util.List;

/**
 * Where log and debug lines go and how they look: the IOS {@code logging ...} and
 * {@code service timestamps|sequence-numbers} commands. Levels are inclusive (a destination at
 * {@code warnings} gets severities 0 to 4); a null level turns the destination off.
 *
 * @param console {@code logging console LEVEL} (stdout, hence journald), IOS default debugging
 * @param monitor {@code logging monitor LEVEL}: CLI sessions that typed {@code terminal monitor}
 * @param buffered {@code logging buffered [SIZE] [LEVEL]}: the buffer {@code show logging} prints
 * @param bufferSize the buffer's size in bytes (IOS default 4096)
 * @param trap {@code logging trap LEVEL}: syslog hosts, IOS default informational
 * @param hosts {@code logging host A [transport udp port P]}
 * @param facility {@code logging facility}: the syslog facility (IOS default local7)
 * @param origin {@code logging origin-id hostname|string S}: the HOSTNAME field, null for none
 * @param rfc5424 {@code logging trap syslog-format rfc5424} (IOS XE): RFC 5424 framing to hosts
 * @param logTimestamps {@code service timestamps log ...}; null when not configured (datetime msec)
 * @param debugTimestamps {@code service timestamps debug ...}
 * @param sequenceNumbers {@code service sequence-numbers}
 */
public record Logging(
    Severity console,
    Severity monitor,
    Severity buffered,
    int bufferSize,
    Severity trap,
    List<Host> hosts,
    String facility,
    String origin,
    boolean rfc5424,
    Timestamps logTimestamps,
    Timestamps debugTimestamps,
    boolean sequenceNumbers) {
  public Logging {
    hosts = List.copyOf(hosts);
    if (buffered == null) {
      bufferSize = DEFAULT_BUFFER; // 'no logging buffered' forgets the size, as it prints
    }
  }

  public static final int DEFAULT_BUFFER = 4096;
  public static final int SYSLOG_PORT = 514;
  public static final String DEFAULT_FACILITY = "local7";
  /** The syslog facilities by their RFC 5424 code (section 6.2.1). */
  private static final List<String> CODES = List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr",
      "news", "uucp", "cron", "authpriv", "ftp", "ntp", "audit", "alert", "clock", "local0", "local1", "local2",
      "local3", "local4", "local5", "local6", "local7");
  /** The facilities {@code logging facility} takes, as IOS names them. */
  public static final String FACILITY_SYNTAX =
      "(auth|cron|daemon|kern|local0|local1|local2|local3|local4|local5|local6|local7|lpr|mail|news|syslog|user|uucp)";

  public static final Logging DEFAULTS = new Logging(Severity.DEBUGGING, Severity.DEBUGGING, Severity.DEBUGGING,
      DEFAULT_BUFFER, Severity.INFORMATIONAL, List.of(), DEFAULT_FACILITY, null, false, null, null, false);

  /** A syslog collector. */
  public record Host(Ipv4Address address, int port) {}

  public int facilityCode() {
    return facilityCode(facility);
  }

  public static int facilityCode(String name) {
    int i = CODES.indexOf(name);
    return i < 0 ? 23 : i;
  }

  public Timestamps logStamps() {
    return logTimestamps == null ? Timestamps.DEFAULT : logTimestamps;
  }

  public Timestamps debugStamps() {
    return debugTimestamps == null ? Timestamps.DEFAULT : debugTimestamps;
  }

  public Logging withConsole(Severity s) {
    return new Logging(s, monitor, buffered, bufferSize, trap, hosts, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withMonitor(Severity s) {
    return new Logging(console, s, buffered, bufferSize, trap, hosts, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withBuffered(Severity s, int size) {
    return new Logging(console, monitor, s, size, trap, hosts, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withTrap(Severity s) {
    return new Logging(console, monitor, buffered, bufferSize, s, hosts, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withHosts(List<Host> h) {
    return new Logging(console, monitor, buffered, bufferSize, trap, h, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withFacility(String f) {
    return new Logging(console, monitor, buffered, bufferSize, trap, hosts, f, origin, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withOrigin(String o) {
    return new Logging(console, monitor, buffered, bufferSize, trap, hosts, facility, o, rfc5424, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withRfc5424(boolean on) {
    return new Logging(console, monitor, buffered, bufferSize, trap, hosts, facility, origin, on, logTimestamps,
        debugTimestamps, sequenceNumbers);
  }

  public Logging withTimestamps(boolean debug, Timestamps t) {
    return new Logging(console, monitor, buffered, bufferSize, trap, hosts, facility, origin, rfc5424,
        debug ? logTimestamps : t, debug ? t : debugTimestamps, sequenceNumbers);
  }

  public Logging withSequenceNumbers(boolean on) {
    return new Logging(console, monitor, buffered, bufferSize, trap, hosts, facility, origin, rfc5424, logTimestamps,
        debugTimestamps, on);
  }
}
