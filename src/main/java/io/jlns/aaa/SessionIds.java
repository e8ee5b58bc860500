package io.jlns.aaa;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Acct-Session-Ids (RFC 2866 section 5.5): 32 random bits drawn at start and a counter, in hex, so
 * that no two sessions share one, across restarts and across the nodes that share one AAA server
 * too (two nodes started in the same second must not number alike; a time-based prefix did);
 * {@code aaa session-id common}: the same id in the Access-Request and every Accounting-Request
 * of the session. Safe across threads.
 */
public final class SessionIds {
  private final long boot;
  private final AtomicLong next = new AtomicLong(1);

  /** @param boot this run's prefix (random at start; fixed in tests) */
  public SessionIds(long boot) {
    this.boot = boot;
  }

  public String next() {
    return String.format("%08X%08X", boot & 0xFFFFFFFFL, next.getAndIncrement() & 0xFFFFFFFFL);
  }

  /** The id of the NAS itself, for Accounting-On and -Off. */
  public String nas() {
    return String.format("%08X%08X", boot & 0xFFFFFFFFL, 0);
  }
}
