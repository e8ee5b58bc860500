package io.jlns.ppp;

import io.jlns.time.Scheduler;

/**
 * LCP echo keepalive (RFC 1661 section 5.8) as {@code keepalive PERIOD RETRIES} on the virtual
 * template runs it: once nothing has been heard from the client for a period, an Echo-Request;
 * unanswered, it is repeated every {@link #RETRY_MILLIS} (not every period), and after RETRIES
 * unanswered the client is gone. With the seed's settings (10 s, 5) a client that vanished (its
 * NAT forgot it, its laptop closed) is known gone within 20 s of its last packet, where an echo
 * per period took a minute; brief loss still has five tries over ten seconds to get through.
 */
final class Keepalive {
  /** The repeat interval of an unanswered Echo-Request (at most the period). */
  static final long RETRY_MILLIS = 2_000;

  interface Target {
    /** LCP is Opened: echoes may be sent. */
    boolean opened();

    /** When anything was last received from the client. */
    long lastHeard();

    void sendEcho();

    /** {@code unanswered} Echo-Requests in a row got no reply: the client is gone. */
    void gone(int unanswered);
  }

  private final Scheduler scheduler;
  private final long periodMillis;
  private final int retries;
  private final Target target;
  private int outstanding;
  private int generation;
  private long firstEchoMillis;

  Keepalive(Scheduler scheduler, int periodSeconds, int retries, Target target) {
    this.scheduler = scheduler;
    this.periodMillis = periodSeconds * 1000L;
    this.retries = Math.max(1, retries);
    this.target = target;
  }

  /** LCP opened: the first check one period from now. */
  void start() {
    if (periodMillis <= 0) {
      return;
    }
    int gen = ++generation;
    outstanding = 0;
    scheduler.schedule(periodMillis, () -> check(gen));
  }

  void stop() {
    generation++;
  }

  private void check(int gen) {
    if (gen != generation || !target.opened()) {
      return;
    }
    long now = scheduler.nowMillis();
    long heard = target.lastHeard();
    if (outstanding > 0 && heard >= firstEchoMillis) {
      outstanding = 0; // heard from (a reply or anything else) since the echoes began: alive
    }
    if (outstanding == 0 && now - heard < periodMillis) {
      scheduler.schedule(periodMillis - (now - heard), () -> check(gen));
      return;
    }
    if (outstanding >= retries) {
      stop();
      target.gone(outstanding);
      return;
    }
    if (outstanding == 0) {
      firstEchoMillis = now;
    }
    outstanding++;
    target.sendEcho();
    scheduler.schedule(Math.min(RETRY_MILLIS, periodMillis), () -> check(gen));
  }
}
