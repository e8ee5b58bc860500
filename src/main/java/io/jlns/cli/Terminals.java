package io.jlns.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CLI sessions open now, for {@code show users} and {@code clear line}: SSH vty lines by
 * their number, control-socket sessions ({@code jlns cli}, {@code jlns exec}) as lines of their
 * own. Process-wide, as the terminal lines of a router are.
 */
public final class Terminals {
  private Terminals() {}

  /** One open session. */
  public record Line(String kind, int number, String user, String location, long sinceMillis, AtomicLong lastActive,
      Runnable closer) {
    public void touch() {
      lastActive.set(System.currentTimeMillis());
    }
  }

  private static final ConcurrentHashMap<String, Line> OPEN = new ConcurrentHashMap<>();

  public static Line open(String kind, int number, String user, String location, Runnable closer) {
    long now = System.currentTimeMillis();
    Line l = new Line(kind, number, user, location, now, new AtomicLong(now), closer);
    OPEN.put(kind + " " + number, l);
    return l;
  }

  public static void close(Line l) {
    OPEN.remove(l.kind() + " " + l.number(), l);
  }

  public static List<Line> list() {
    List<Line> all = new ArrayList<>(OPEN.values());
    all.sort(Comparator.comparing(Line::kind).thenComparingInt(Line::number));
    return all;
  }

  /** {@code clear line vty N}: ends that session; false when none is open there. */
  public static boolean clear(String kind, int number) {
    Line l = OPEN.get(kind + " " + number);
    if (l == null) {
      return false;
    }
    l.closer().run();
    return true;
  }

  /** The {@code show users} rows of the terminal lines. */
  static String rows() {
    StringBuilder b = new StringBuilder();
    long now = System.currentTimeMillis();
    for (Line l : list()) {
      long idle = Math.max(0, (now - l.lastActive().get()) / 1000);
      b.append(String.format("   %-3s %-6s %-10s %-20s %02d:%02d:%02d %s%n", l.kind(), l.number(), l.user(), "idle",
          idle / 3600, idle % 3600 / 60, idle % 60, l.location()));
    }
    return b.toString();
  }
}
