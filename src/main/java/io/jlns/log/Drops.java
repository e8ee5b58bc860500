package io.jlns.log;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Named event counters, and the log line of a dropped packet kept quiet under a flood: one line
 * for each of the first ten drops of a kind, then one per thousand, saying how many there were,
 * and never more than one per {@link #QUIET_MILLIS} of a kind (a flood of 80,000 forged
 * messages a second writes one line every ten seconds, not eighty a second).
 * One instance belongs to one event loop (no locks). On the per-packet path, {@link #loud} counts
 * without allocating, so the line is built only when it will be written:
 *
 * <pre>if (drops.loud("invalid-spi")) drops.log("invalid-spi", "%CRYPTO-4-... " + details);</pre>
 */
public final class Drops {
  private static final int QUIET_AFTER = 10;
  private static final int EVERY = 1000;
  static final long QUIET_MILLIS = 10_000;
  private final Logger log;
  private final LongSupplier clock;
  /** Per kind: the count, and when its last line past the first ten was written. */
  private final Map<String, long[]> counts = new HashMap<>();

  public Drops(Logger log) {
    this(log, () -> System.nanoTime() / 1_000_000);
  }

  /** @param clock milliseconds, for the one-line-per-ten-seconds rule (a scheduler's clock in tests) */
  public Drops(Logger log, LongSupplier clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Counts one event; returns the new count. */
  public long count(String name) {
    return entry(name)[0]++ + 1;
  }

  private long[] entry(String name) {
    long[] n = counts.get(name);
    if (n == null) {
      n = new long[] {0, Long.MIN_VALUE};
      counts.put(name, n);
    }
    return n;
  }

  /** Counts one drop; true when its line should be written. */
  public boolean loud(String name) {
    long[] e = entry(name);
    long n = ++e[0];
    if (n <= QUIET_AFTER) {
      return true;
    }
    if (n % EVERY != 0) {
      return false;
    }
    long now = clock.getAsLong();
    if (e[1] != Long.MIN_VALUE && now - e[1] < QUIET_MILLIS) {
      return false;
    }
    e[1] = now;
    return true;
  }

  /** Writes the line of a drop that {@link #loud} let through, with the count once past ten. */
  public void log(String name, String line) {
    long n = get(name);
    log.warn("{}{}", line, n > QUIET_AFTER ? " (" + n + " such)" : "");
  }

  /** Counts a drop and logs it (when loud): for paths where building the line costs nothing that matters. */
  public void drop(String name, String line) {
    if (loud(name)) {
      log(name, line);
    }
  }

  public long get(String name) {
    long[] n = counts.get(name);
    return n == null ? 0 : n[0];
  }

  /** A copy, sorted by name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v[0]));
    return out;
  }
}
