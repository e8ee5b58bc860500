package io.jlns.ike;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admission control's second line: an IPv4 address whose new Main Modes are refused
 * {@link #THRESHOLD} times within a second is flooding (a real client retransmits every few
 * seconds; a NAT full of them reconnecting still stays far below), so for {@link #SHUN_MILLIS}
 * (the half-open lifetime: what it holds expires meanwhile) the opening messages of new IKE
 * exchanges from it are dropped by the kernel (a socket filter the server puts on its IKE
 * sockets), at no cost to the loops. Its exchanges under way, its established SAs and its ESP are
 * untouched; it would have been refused anyway. An address that has proven it knows a pre-shared
 * key (an ISAKMP SA established from it now, or phase 1 completed from it within the shun's
 * length) is never shunned: a NAT full of real clients arriving at once is throttled by admission
 * control alone. Shared by every loop: synchronized, called once
 * per refused exchange and by each loop's filter check.
 */
public final class Shunning {
  static final int THRESHOLD = 100;
  static final long SHUN_MILLIS = 30_000;
  /** As many as one socket filter holds ({@code ip.SocketFilter.MAX_ADDRESSES}). */
  static final int MAX = 1024;
  private static final int MAX_TRACKED = 65_536;

  /** The addresses shunned now (IPv4 as ints) and a version that changes whenever they do. */
  public record Snapshot(long version, int[] addresses) {}

  private final Map<Integer, int[]> refusedThisSecond = new HashMap<>();
  private final Map<Integer, Long> shunned = new LinkedHashMap<>();
  private final Map<Integer, Long> completed = new HashMap<>();
  private long second = Long.MIN_VALUE;
  private long version;
  private long total;

  /**
   * A new exchange from {@code from} was refused at {@code now}; true when that made the address
   * shunned (the caller logs it).
   */
  synchronized boolean refused(InetAddress from, long now, boolean hasEstablishedSa) {
    if (!(from instanceof Inet4Address) || hasEstablishedSa) {
      return false;
    }
    if (now / 1000 != second) {
      second = now / 1000;
      refusedThisSecond.clear();
    }
    int a = io.jlns.config.Ipv4Address.of((Inet4Address) from).bits();
    int[] n = refusedThisSecond.get(a);
    if (n == null) {
      if (refusedThisSecond.size() >= MAX_TRACKED) {
        return false;
      }
      refusedThisSecond.put(a, n = new int[1]);
    }
    if (++n[0] != THRESHOLD || shunned.containsKey(a) || shunned.size() >= MAX) {
      return false;
    }
    Long done = completed.get(a);
    if (done != null && now - done < SHUN_MILLIS) {
      return false;
    }
    shunned.put(a, now + SHUN_MILLIS);
    version++;
    total++;
    return true;
  }

  /** Phase 1 with a peer at {@code from} completed at {@code now}: that address is not shunned for a while. */
  synchronized void completed(InetAddress from, long now) {
    if (!(from instanceof Inet4Address a4)) {
      return;
    }
    if (completed.size() >= MAX_TRACKED) {
      completed.values().removeIf(t -> now - t >= SHUN_MILLIS);
      if (completed.size() >= MAX_TRACKED) {
        return;
      }
    }
    completed.put(io.jlns.config.Ipv4Address.of(a4).bits(), now);
  }

  /** The addresses shunned at {@code now}, those whose time is up let go. */
  synchronized Snapshot current(long now) {
    for (Iterator<Long> it = shunned.values().iterator(); it.hasNext();) {
      if (it.next() <= now) {
        it.remove();
        version++;
      }
    }
    int[] out = new int[shunned.size()];
    int i = 0;
    for (int a : shunned.keySet()) {
      out[i++] = a;
    }
    return new Snapshot(version, out);
  }

  synchronized int active() {
    return shunned.size();
  }

  synchronized long total() {
    return total;
  }

  synchronized void clearStatistics() {
    total = 0;
  }
}
