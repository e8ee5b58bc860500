package io.jlns.aaa;

import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.config.LocalPool;
import io.jlns.ppp.PppServices;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * {@code ip local pool}: hands out the lowest free address of a pool, never one in use, and takes
 * it back when the session ends. Ranges come from the running configuration at each allocation,
 * so a pool changed at the CLI applies to the next session.
 */
public final class LocalPools implements PppServices.AddressPool {
  private final Supplier<Config> config;
  private final Map<Integer, String> inUse = new HashMap<>();
  /**
   * Where each range's search for a free address starts: its lowest address never handed out or
   * given back since. Allocation stays O(1) on average with 100,000 addresses in use, where a
   * scan from the bottom each time cost n^2 over a burst of connects.
   */
  private final Map<LocalPool.Range, Long> low = new HashMap<>();

  public LocalPools(Supplier<Config> config) {
    this.config = config;
  }

  @Override
  public synchronized OptionalInt allocate(String pool, String owner) {
    LocalPool p = config.get().pools().get(pool);
    if (p == null) {
      return OptionalInt.empty();
    }
    for (LocalPool.Range r : p.ranges()) {
      long from = Math.max(r.start().unsigned(), low.getOrDefault(r, r.start().unsigned()));
      for (long a = from; a <= r.end().unsigned(); a++) {
        if (!inUse.containsKey((int) a)) {
          inUse.put((int) a, owner);
          low.put(r, a + 1);
          return OptionalInt.of((int) a);
        }
      }
      low.put(r, r.end().unsigned() + 1);
    }
    return OptionalInt.empty();
  }

  @Override
  public synchronized void release(String pool, int address) {
    inUse.remove(address);
    long a = address & 0xFFFFFFFFL;
    low.replaceAll((r, from) -> a >= r.start().unsigned() && a <= r.end().unsigned() && a < from ? a : from);
  }

  /** How many addresses of {@code range} are in use, for {@code show ip local pool}. */
  public synchronized long inUse(LocalPool.Range range) {
    return inUse.keySet().stream().filter(a -> {
      Ipv4Address x = new Ipv4Address(a);
      return x.compareTo(range.start()) >= 0 && x.compareTo(range.end()) <= 0;
    }).count();
  }

  public synchronized Map<Integer, String> snapshot() {
    return Map.copyOf(inUse);
  }
}
