package io.jlns.vty;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * {@code login block-for S attempts N within W} (IOS Login Enhancements): N failed logins within W
 * seconds put the box in quiet mode for S seconds, when every login is refused. The clock is
 * injected (milliseconds) so tests need no sleeps.
 */
public final class LoginGuard {
  /** The settings; null: no blocking. */
  public record Policy(int blockSeconds, int attempts, int withinSeconds) {}

  private final LongSupplier clock;
  private final Deque<Long> failures = new ArrayDeque<>();
  private volatile Policy policy;
  private long quietUntil;

  public LoginGuard(LongSupplier clockMillis, Policy policy) {
    this.clock = clockMillis;
    this.policy = policy;
  }

  public void apply(Policy p) {
    policy = p;
  }

  /** Seconds left in quiet mode, 0 when logins are allowed. */
  public synchronized long quietSecondsLeft() {
    long left = quietUntil - clock.getAsLong();
    return left <= 0 ? 0 : (left + 999) / 1000;
  }

  /** A failed login; true when it starts quiet mode. */
  public synchronized boolean failed() {
    Policy p = policy;
    if (p == null) {
      return false;
    }
    long now = clock.getAsLong();
    failures.addLast(now);
    while (!failures.isEmpty() && failures.peekFirst() <= now - p.withinSeconds() * 1000L) {
      failures.removeFirst();
    }
    if (failures.size() >= p.attempts() && quietUntil <= now) {
      quietUntil = now + p.blockSeconds() * 1000L;
      failures.clear();
      return true;
    }
    return false;
  }

  /** Quiet mode ended since the last call (for the log line); cheap to call on each login. */
  public synchronized boolean quietEnded() {
    if (quietUntil != 0 && quietUntil <= clock.getAsLong()) {
      quietUntil = 0;
      return true;
    }
    return false;
  }
}
