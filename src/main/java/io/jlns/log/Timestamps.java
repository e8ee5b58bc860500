package io.jlns.log;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * {@code service timestamps log|debug ...}: none ({@code no service timestamps}), the uptime, or
 * the date and time (UTC unless {@code localtime}), with milliseconds, the zone and the year as
 * asked, in IOS's form: {@code Dec  1 11:17:42.123}, {@code 2d03h}.
 */
public record Timestamps(boolean enabled, boolean uptime, boolean msec, boolean year, boolean localtime,
    boolean showTimezone) {
  public static final Timestamps NONE = new Timestamps(false, false, false, false, false, false);
  public static final Timestamps UPTIME = new Timestamps(true, true, false, false, false, false);
  /** What jlns does when nothing is configured: as IOS 15 and the seed, datetime msec. */
  public static final Timestamps DEFAULT = new Timestamps(true, false, true, false, false, false);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM ppd", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

  /** The words after {@code service timestamps log|debug}. */
  public String text() {
    if (!enabled) {
      return "";
    }
    if (uptime) {
      return "uptime";
    }
    return "datetime" + (msec ? " msec" : "") + (localtime ? " localtime" : "") + (showTimezone ? " show-timezone" : "")
        + (year ? " year" : "");
  }

  /** The stamp of a line logged at {@code at} by a server started at {@code started}; empty when none. */
  public String format(Instant at, Instant started) {
    if (!enabled) {
      return "";
    }
    if (uptime) {
      return uptime(Duration.between(started, at));
    }
    ZoneId zone = localtime ? ZoneId.systemDefault() : ZoneOffset.UTC;
    ZonedDateTime t = at.atZone(zone);
    StringBuilder b = new StringBuilder(28).append(DAY.format(t)).append(' ');
    if (year) {
      b.append(t.getYear()).append(' ');
    }
    b.append(TIME.format(t));
    if (msec) {
      int ms = t.getNano() / 1_000_000;
      b.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
    }
    if (showTimezone) {
      b.append(' ').append(localtime ? zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) : "UTC");
    }
    return b.toString();
  }

  /** IOS's uptime stamp: {@code 01:02:03} under a day, {@code 2d03h} under a week, {@code 1w2d} beyond. */
  static String uptime(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86400;
    if (days >= 7) {
      return (days / 7) + "w" + (days % 7) + "d";
    }
    if (days > 0) {
      return days + "d" + String.format("%02d", s % 86400 / 3600) + "h";
    }
    return String.format("%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
  }
}
