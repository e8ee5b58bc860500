package io.jlns.ppp;

import io.jlns.time.Scheduler;
import java.util.function.Supplier;

/**
 * A session's accounting: its IP packet and octet counters, the Start once IPCP is up, an
 * Interim-Update every Acct-Interim-Interval (or {@code aaa accounting update periodic}), and one
 * Stop with the cause of the first ending seen. On the session's thread.
 */
final class Metering {
  private final Accounting accounting;
  private final Scheduler scheduler;
  private final Supplier<SessionUsage> identity;
  long inOctets;
  long outOctets;
  long inPackets;
  long outPackets;
  private long startMillis;
  private boolean started;
  private int generation;
  private TerminateCause cause;

  /** @param identity the session as it is now, with zero counters and times (filled in here) */
  Metering(Accounting accounting, Scheduler scheduler, Supplier<SessionUsage> identity) {
    this.accounting = accounting;
    this.scheduler = scheduler;
    this.identity = identity;
  }

  void in(int octets) {
    inPackets++;
    inOctets += octets;
  }

  void out(int octets) {
    outPackets++;
    outOctets += octets;
  }

  /** The first cause known wins (an administrator's clear, then the carrier that drops because of it). */
  void cause(TerminateCause c) {
    if (cause == null) {
      cause = c;
    }
  }

  void start(int interimSeconds) {
    if (started) {
      return;
    }
    started = true;
    startMillis = scheduler.nowMillis();
    accounting.start(usage());
    int every = interimSeconds > 0 ? interimSeconds : accounting.interimSeconds();
    if (every > 0) {
      interim(Math.max(60, every) * 1000L, generation);
    }
  }

  private void interim(long every, int gen) {
    scheduler.schedule(every, () -> {
      if (gen == generation && started) {
        accounting.interim(usage());
        interim(every, gen);
      }
    });
  }

  void stop(String reason) {
    if (!started) {
      return;
    }
    started = false;
    generation++;
    accounting.stop(usage(), cause != null ? cause : TerminateCause.of(reason));
  }

  SessionUsage usage() {
    SessionUsage u = identity.get();
    return new SessionUsage(u.interfaceName(), u.user(), u.address(), u.caller(), startMillis, scheduler.nowMillis(),
        inOctets, outOctets, inPackets, outPackets, u.classes());
  }
}
