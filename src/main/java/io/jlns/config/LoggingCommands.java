package io.jlns.config;

import io.jlns.config.Logging.Host;
import io.jlns.config.grammar.Args;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;
import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code logging ...} and {@code service timestamps|sequence-numbers} (see {@link Logging}). What
 * is not listed here ({@code logging rate-limit}, {@code logging source-interface}...) stays an
 * inert command, kept and printed back.
 */
final class LoggingCommands {
  private LoggingCommands() {}

  private static final String LEVEL = Severity.syntax("level");

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    String[] levels = Severity.helpEntries();
    m.add("service timestamps [(debug|log):kind] [(uptime|datetime [msec] [localtime] [show-timezone] [year])]",
        (c, a) -> set(c, l -> l.withTimestamps(kind(a), stamps(a))),
        "timestamps", "Timestamp debug/log messages", "debug", "Timestamp debug messages", "log",
        "Timestamp log messages", "uptime", "Timestamp with system uptime", "datetime", "Timestamp with date and time",
        "msec", "Include milliseconds in timestamp", "localtime", "Use local time zone for timestamps",
        "show-timezone", "Add time zone information to timestamp", "year", "Include year in timestamp");
    m.add("no service timestamps [(debug|log):kind] [LINE]", (c, a) -> {
      if (a.has("kind")) {
        return set(c, l -> l.withTimestamps(kind(a), Timestamps.NONE));
      }
      return set(c, l -> l.withTimestamps(true, Timestamps.NONE).withTimestamps(false, Timestamps.NONE));
    });
    m.add("[no] service sequence-numbers", (c, a) -> set(c, l -> l.withSequenceNumbers(!a.negated())),
        "sequence-numbers", "Stamp logger messages with a sequence number");
    m.add("logging buffered [<4096-2147483647>:size] [" + LEVEL + "]", (c, a) -> set(c, l -> l.withBuffered(
        level(a, Severity.DEBUGGING), a.has("size") ? a.integer("size") : l.bufferSize())),
        cat(new String[] {"buffered", "Set buffered logging parameters", "size", "Logging buffer size"}, levels));
    m.add("no logging buffered [LINE]", (c, a) -> set(c, l -> l.withBuffered(null, Logging.DEFAULT_BUFFER)));
    m.add("logging console [" + LEVEL + "]", (c, a) -> set(c, l -> l.withConsole(level(a, Severity.DEBUGGING))),
        cat(new String[] {"console", "Set console logging parameters"}, levels));
    m.add("no logging console [LINE]", (c, a) -> set(c, l -> l.withConsole(null)));
    m.add("logging monitor [" + LEVEL + "]", (c, a) -> set(c, l -> l.withMonitor(level(a, Severity.DEBUGGING))),
        cat(new String[] {"monitor", "Set terminal line (monitor) logging parameters"}, levels));
    m.add("no logging monitor [LINE]", (c, a) -> set(c, l -> l.withMonitor(null)));
    m.add("logging trap [" + LEVEL + "]", (c, a) -> set(c, l -> l.withTrap(level(a, Severity.INFORMATIONAL))),
        cat(new String[] {"trap", "Set syslog server logging level"}, levels));
    m.add("no logging trap [" + LEVEL + "]", (c, a) -> set(c, l -> l.withTrap(null)));
    m.add("[no] logging trap syslog-format rfc5424", (c, a) -> set(c, l -> l.withRfc5424(!a.negated())),
        "syslog-format", "Format of messages to syslog hosts", "rfc5424", "RFC 5424 (default: BSD, RFC 3164)");
    m.add("logging [host] A.B.C.D:addr [transport udp [port <1-65535>:udpport]]", (c, a) -> {
      Host h = new Host(Ipv4Address.of(a.get("addr")), a.has("udpport") ? a.integer("udpport") : Logging.SYSLOG_PORT);
      return set(c, l -> {
        List<Host> hosts = new ArrayList<>(l.hosts());
        hosts.removeIf(x -> x.address().equals(h.address()));
        hosts.add(h);
        return l.withHosts(hosts);
      });
    }, "host", "Set syslog server IP address and parameters", "addr", "IP address of the syslog server",
        "transport", "Specify the transport protocol (default=UDP)", "udp", "UDP",
        "udpport", "Specify the UDP port (default=514)");
    m.add("no logging [host] A.B.C.D:addr [LINE]", (c, a) -> set(c, l -> {
      List<Host> hosts = new ArrayList<>(l.hosts());
      hosts.removeIf(x -> x.address().equals(Ipv4Address.of(a.get("addr"))));
      return l.withHosts(hosts);
    }));
    m.add("logging facility " + Logging.FACILITY_SYNTAX + ":fac", (c, a) -> set(c, l -> l.withFacility(a.get("fac"))),
        "facility", "Facility parameter for syslog messages", "fac", "Syslog facility");
    m.add("no logging facility [LINE]", (c, a) -> set(c, l -> l.withFacility(Logging.DEFAULT_FACILITY)));
    m.add("logging origin-id (hostname|string WORD:text)", (c, a) -> set(c, l -> l.withOrigin(
        a.has("text") ? a.get("text") : "")), "origin-id", "Add origin ID to syslog messages",
        "hostname", "Use origin hostname as ID", "string", "Define a unique text string as ID");
    m.add("no logging origin-id [LINE]", (c, a) -> set(c, l -> l.withOrigin(null)));
  }

  private static Outcome set(ConfigEdit c, UnaryOperator<Logging> change) {
    c.draft().logging = change.apply(c.draft().logging);
    return Outcome.STAY;
  }

  /** {@code service timestamps} without {@code debug|log} is {@code debug}, as on IOS. */
  private static boolean kind(Args a) {
    return !a.opt("kind").orElse("debug").equals("log");
  }

  private static Timestamps stamps(Args a) {
    if (!a.has("datetime")) {
      return Timestamps.UPTIME;
    }
    return new Timestamps(true, false, a.has("msec"), a.has("year"), a.has("localtime"), a.has("show-timezone"));
  }

  private static Severity level(Args a, Severity otherwise) {
    return a.opt("level").map(Severity::parse).orElse(otherwise);
  }

  private static String[] cat(String[] a, String[] b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** {@code service ...} lines, printed after {@code version}. */
  static void printServices(Logging l, Consumer<String> line) {
    if (l.debugTimestamps() != null) {
      line.accept(stampLine("debug", l.debugTimestamps()));
    }
    if (l.logTimestamps() != null) {
      line.accept(stampLine("log", l.logTimestamps()));
    }
    if (l.sequenceNumbers()) {
      line.accept("service sequence-numbers");
    }
  }

  private static String stampLine(String kind, Timestamps t) {
    return t.enabled() ? "service timestamps " + kind + " " + t.text() : "no service timestamps " + kind;
  }

  /** The local destinations, printed after the boot markers as IOS does. */
  static void printLocal(Logging l, Consumer<String> line) {
    if (l.buffered() == null) {
      line.accept("no logging buffered");
    } else if (l.bufferSize() != Logging.DEFAULT_BUFFER || l.buffered() != Severity.DEBUGGING) {
      line.accept("logging buffered " + l.bufferSize() + (l.buffered() != Severity.DEBUGGING ? " " + l.buffered().keyword() : ""));
    }
    destination("console", l.console(), Severity.DEBUGGING, line);
    destination("monitor", l.monitor(), Severity.DEBUGGING, line);
  }

  /** Syslog: printed near the end, after the access lists, as IOS does. */
  static void printRemote(Logging l, Consumer<String> line) {
    destination("trap", l.trap(), Severity.INFORMATIONAL, line);
    if (l.rfc5424()) {
      line.accept("logging trap syslog-format rfc5424");
    }
    if (!l.facility().equals(Logging.DEFAULT_FACILITY)) {
      line.accept("logging facility " + l.facility());
    }
    if (l.origin() != null) {
      line.accept("logging origin-id " + (l.origin().isEmpty() ? "hostname" : "string " + l.origin()));
    }
    for (Host h : l.hosts()) {
      line.accept("logging host " + h.address() + (h.port() != Logging.SYSLOG_PORT ? " transport udp port " + h.port() : ""));
    }
  }

  private static void destination(String name, Severity s, Severity dflt, Consumer<String> line) {
    if (s == null) {
      line.accept("no logging " + name);
    } else if (s != dflt) {
      line.accept("logging " + name + " " + s.keyword());
    }
  }
}
