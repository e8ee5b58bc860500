package io.jlns.log;

import java.util.Locale;

/** The eight syslog severities (RFC 5424 section 6.2.1) under the names IOS gives them. */
public enum Severity {
  EMERGENCIES("System is unusable"),
  ALERTS("Immediate action needed"),
  CRITICAL("Critical conditions"),
  ERRORS("Error conditions"),
  WARNINGS("Warning conditions"),
  NOTIFICATIONS("Normal but significant conditions"),
  INFORMATIONAL("Informational messages"),
  DEBUGGING("Debugging messages");

  private final String help;

  Severity(String help) {
    this.help = help;
  }

  public int level() {
    return ordinal();
  }

  /** The IOS keyword: {@code debugging}, {@code informational}... */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String help() {
    return help;
  }

  public static Severity of(int level) {
    return values()[level];
  }

  /** A keyword ({@code warnings}) or its number ({@code 4}), as IOS takes either. */
  public static Severity parse(String s) {
    if (s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '7') {
      return of(s.charAt(0) - '0');
    }
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** The IOS grammar alternative for a level, keyword or number, bound to {@code name}. */
  public static String syntax(String name) {
    StringBuilder b = new StringBuilder("(");
    for (Severity s : values()) {
      b.append(s.keyword()).append(':').append(name).append('|');
    }
    return b.append("<0-7>:").append(name).append(')').toString();
  }

  /** Help entries for {@link #syntax}: each keyword's meaning. */
  public static String[] helpEntries() {
    String[] h = new String[values().length * 2];
    for (Severity s : values()) {
      h[2 * s.ordinal()] = s.keyword();
      h[2 * s.ordinal() + 1] = s.help() + " (severity=" + s.ordinal() + ")";
    }
    return h;
  }
}
