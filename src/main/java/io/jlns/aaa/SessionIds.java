package io.jlns.aaa;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Acct-Session-Ids (RFC 2866 section 5.5): the boot time in seconds and a counter, in hex, so that
 * no two sessions share one, across restarts too ({@code aaa session-id common}: the same id in
 * the Access-Request and every Accounting-Request of the session). Safe across threads.
 */
public final class SessionIds {
  private final long boot;
  private final AtomicLong next = new AtomicLong(1);

  public SessionIds(long bootEpochSeconds) {
    this.boot = bootEpochSeconds;
  }

  public String next() {
    return String.format("%08X%08X", boot & 0xFFFFFFFFL, next.getAndIncrement() & 0xFFFFFFFFL);
  }

  /** The id of the NAS itself, for Accounting-On and -Off. */
  public String nas() {
    return String.format("%08X%08X", boot & 0xFFFFFFFFL, 0);
  }
}
