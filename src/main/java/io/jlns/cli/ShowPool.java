package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.LocalPool;

/** {@code show ip local pool [NAME]}. In-use counts come from the address allocator once it runs. */
final class ShowPool {
  private ShowPool() {}

  interface Usage {
    long inUse(String pool, LocalPool.Range range);

    Usage NONE = (p, r) -> 0;
  }

  static String pools(Config c, String name, Usage usage) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(" %-24s %-15s %-15s %6s %7s%n", "Pool", "Begin", "End", "Free", "In use"));
    boolean found = false;
    for (LocalPool p : c.pools().values()) {
      if (name != null && !p.name().equals(name)) {
        continue;
      }
      found = true;
      boolean first = true;
      for (LocalPool.Range r : p.ranges()) {
        long used = usage.inUse(p.name(), r);
        b.append(String.format(" %-24s %-15s %-15s %6d %7d%n", first ? p.name() : "", r.start(), r.end(),
            r.size() - used, used));
        first = false;
      }
    }
    if (name != null && !found) {
      return "% Pool " + name + " not found\n";
    }
    return b.toString();
  }
}
