package io.jlns.ppp;

import io.jlns.time.Scheduler;
import java.util.function.Consumer;

/**
 * A session's Session-Timeout (RFC 2865 section 5.27: seconds of service from the start of the network phase) and
 * Idle-Timeout (section 5.28: seconds without IP from the client), from AAA or a CoA-Request; when one runs out
 * the session is closed. On the session's thread.
 */
final class Limits {
  private final Scheduler scheduler;
  private final Consumer<String> close;
  private int generation;
  private long startMillis;
  private long lastIpMillis;
  private int sessionTimeout;
  private int idleTimeout;

  Limits(Scheduler scheduler, Consumer<String> close) {
    this.scheduler = scheduler;
    this.close = close;
  }

  /** The network phase began with these limits (0: none). */
  void start(int sessionSeconds, int idleSeconds) {
    startMillis = scheduler.nowMillis();
    lastIpMillis = startMillis;
    arm(sessionSeconds, idleSeconds);
  }

  /** New limits for a running session (CoA): negative keeps a limit as it is, 0 removes it. */
  void change(int sessionSeconds, int idleSeconds) {
    arm(sessionSeconds < 0 ? sessionTimeout : sessionSeconds, idleSeconds < 0 ? idleTimeout : idleSeconds);
  }

  /** IP from the client at {@code nowMillis} (the time the session already read for the frame). */
  void ip(long nowMillis) {
    lastIpMillis = nowMillis;
  }

  void stop() {
    generation++;
  }

  int sessionTimeout() {
    return sessionTimeout;
  }

  private void arm(int sessionSeconds, int idleSeconds) {
    int gen = ++generation;
    sessionTimeout = sessionSeconds;
    idleTimeout = idleSeconds;
    if (sessionSeconds > 0) {
      long left = startMillis + sessionSeconds * 1000L - scheduler.nowMillis();
      scheduler.schedule(Math.max(0, left), () -> {
        if (gen == generation) {
          generation++;
          close.accept("session timeout (" + sessionSeconds + " s)");
        }
      });
    }
    if (idleSeconds > 0) {
      idle(idleSeconds * 1000L, gen);
    }
  }

  private void idle(long limit, int gen) {
    long left = lastIpMillis + limit - scheduler.nowMillis();
    scheduler.schedule(Math.max(1000, left), () -> {
      if (gen != generation) {
        return;
      }
      if (scheduler.nowMillis() - lastIpMillis >= limit) {
        generation++;
        close.accept("idle timeout (" + limit / 1000 + " s)");
      } else {
        idle(limit, gen);
      }
    });
  }
}
