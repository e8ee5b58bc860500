package io.jlns.loadgen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the fleet counts, written by every event loop at once: connects and their times,
 * failures by stage with the first reasons, pings, bytes and round-trip times (HdrHistogram).
 */
final class Stats {
  static final int FIRST_REASONS = 5;

  final LongAdder started = new LongAdder();
  final LongAdder connected = new LongAdder();
  final LongAdder up = new LongAdder();
  final LongAdder left = new LongAdder();
  /** Churn: clients still connecting when the run's time was up (neither connected nor failed). */
  final LongAdder cut = new LongAdder();
  final LongAdder rekeys = new LongAdder();
  final LongAdder pingsSent = new LongAdder();
  final LongAdder pingsReceived = new LongAdder();
  final LongAdder bytesSent = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
  final AtomicLong firstConnectNanos = new AtomicLong();
  final AtomicLong lastConnectNanos = new AtomicLong();
  /** Wall-clock times (epoch ms) of the first and the last drop after up: how long a server's ending took to reach everyone. */
  final AtomicLong firstDropEpochMillis = new AtomicLong();
  final AtomicLong lastDropEpochMillis = new AtomicLong();
  /** Connect times, ms: from the first IKE message to IPCP up. */
  final Histogram connectMillis = new ConcurrentHistogram(3_600_000L, 3);
  /** Round-trip times of echoes, µs. */
  final Histogram rttMicros = new ConcurrentHistogram(60_000_000L, 3);
  private final Map<Failure, LongAdder> failures = new EnumMap<>(Failure.class);
  private final List<String> reasons = new ArrayList<>();

  Stats() {
    for (Failure f : Failure.values()) {
      failures.put(f, new LongAdder());
    }
  }

  void connected(long startNanos, long nowNanos) {
    connected.increment();
    up.increment();
    firstConnectNanos.compareAndSet(0, nowNanos);
    lastConnectNanos.accumulateAndGet(nowNanos, Math::max);
    connectMillis.recordValue(Math.max(0, (nowNanos - startNanos) / 1_000_000));
  }

  void failed(Failure f, String reason) {
    failures.get(f).increment();
    if (f == Failure.DROPPED) {
      long now = System.currentTimeMillis();
      firstDropEpochMillis.compareAndSet(0, now);
      lastDropEpochMillis.accumulateAndGet(now, Math::max);
    }
    synchronized (reasons) {
      if (reasons.size() < FIRST_REASONS) {
        reasons.add(f.label + ": " + reason);
      }
    }
  }

  long failures(Failure f) {
    return failures.get(f).sum();
  }

  long failuresTotal() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Failures while connecting (not counting sessions that dropped after they were up). */
  long connectFailures() {
    return failuresTotal() - failures(Failure.DROPPED);
  }

  List<String> firstReasons() {
    synchronized (reasons) {
      return List.copyOf(reasons);
    }
  }

  /** Connects per second between the first and the last connect (all of them when only one). */
  double connectsPerSecond(long runStartNanos) {
    long n = connected.sum();
    long first = runStartNanos;
    long last = lastConnectNanos.get();
    if (n == 0 || last <= first) {
      return 0;
    }
    return n / ((last - first) / 1e9);
  }
}
