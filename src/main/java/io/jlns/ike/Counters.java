package io.jlns.ike;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;

/** Named event counters, and a log line for a drop that stays quiet under a flood. */
final class Counters {
  private final Logger log;
  private final Map<String, Long> counts = new TreeMap<>();

  Counters(Logger log) {
    this.log = log;
  }

  long count(String name) {
    return counts.merge(name, 1L, Long::sum);
  }

  /** Counts and logs: one line for each of the first ten, then one per thousand. */
  void drop(String name, String line) {
    long n = count(name);
    if (n <= 10 || n % 1000 == 0) {
      log.warn("{}{}", line, n > 10 ? " (" + n + " such)" : "");
    }
  }

  Map<String, Long> snapshot() {
    return Map.copyOf(counts);
  }
}
