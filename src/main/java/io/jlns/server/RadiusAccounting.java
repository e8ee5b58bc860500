package io.jlns.server;

import io.jlns.aaa.radius.AccessRequests;
import io.jlns.aaa.radius.AccountingRequests;
import io.jlns.aaa.radius.Radius;
import io.jlns.aaa.radius.RadiusAttribute;
import io.jlns.aaa.radius.RadiusClient;
import io.jlns.config.Config;
import io.jlns.config.RunningConfig;
import io.jlns.log.Drops;
import io.jlns.ppp.Accounting;
import io.jlns.ppp.SessionUsage;
import io.jlns.ppp.TerminateCause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aaa accounting network default start-stop group ...}: sessions' Accounting-Requests
 * (built on the session's loop, sent from the RADIUS loop). Records wait in a bounded queue while
 * no server answers and are sent again every 30 s (RETRY_MILLIS) with their
 * Acct-Delay-Time, oldest first; only a full queue loses records (counted, logged).
 */
final class RadiusAccounting implements Accounting {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.radius");
  static final int QUEUE = 20_000;
  static final int IN_FLIGHT = 64;
  /** How long a queue waits for servers that did not answer (a test shortens it with -Djlns.radius.acct.retry.ms). */
  static final long RETRY_MILLIS = Long.getLong("jlns.radius.acct.retry.ms", 30_000);

  private record Pending(List<RadiusAttribute> attributes, long queuedNanos, String what) {}

  private final RadiusRuntime radius;
  private final RunningConfig running;
  private final Drops drops = new Drops(LOG);
  /** On the RADIUS loop only. */
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private int inFlight;
  private boolean waiting;
  private long sent;
  private long lost;
  private long retries;

  RadiusAccounting(RadiusRuntime radius, RunningConfig running) {
    this.radius = radius;
    this.running = running;
  }

  private static boolean enabled(Config c) {
    return !c.aaa().accountingNetwork().isEmpty();
  }

  @Override
  public int interimSeconds() {
    return running.get().aaa().accountingUpdateMinutes() * 60;
  }

  @Override
  public void start(SessionUsage u) {
    session(AccountingRequests.START, u, null, "Start");
  }

  @Override
  public void interim(SessionUsage u) {
    session(AccountingRequests.INTERIM_UPDATE, u, null, "Interim-Update");
  }

  @Override
  public void stop(SessionUsage u, TerminateCause cause) {
    session(AccountingRequests.STOP, u, cause, "Stop");
  }

  private void session(int type, SessionUsage u, TerminateCause cause, String what) {
    Config c = running.get();
    if (enabled(c)) {
      enqueue(AccountingRequests.session(type, u, cause, nas(c), System.currentTimeMillis() / 1000),
          what + " of " + u.interfaceName() + " (" + u.caller().sessionId() + ")");
    }
  }

  /** Accounting-On (at start) or -Off (at a graceful stop). */
  void nas(int type, String sessionId) {
    Config c = running.get();
    if (enabled(c)) {
      enqueue(AccountingRequests.nas(type, sessionId, nas(c), System.currentTimeMillis() / 1000),
          type == AccountingRequests.ACCOUNTING_ON ? "Accounting-On" : "Accounting-Off");
    }
  }

  private static AccessRequests.Nas nas(Config c) {
    return new AccessRequests.Nas(RadiusRuntime.nasAddress(c), c.hostname());
  }

  private void enqueue(List<RadiusAttribute> attributes, String what) {
    Pending p = new Pending(attributes, System.nanoTime(), what);
    radius.loop.execute(() -> {
      if (queue.size() >= QUEUE) {
        lost++;
        if (drops.loud("acct-queue-full")) {
          drops.log("acct-queue-full", "%RADIUS-3-ACCT_LOST: accounting queue full (" + QUEUE + " records waiting for a"
              + " server): " + p.what + " lost, " + lost + " in all");
        }
        return;
      }
      queue.add(p);
      pump();
    });
  }

  /** Sends what is queued, up to {@link #IN_FLIGHT} at once; on the RADIUS loop. */
  private void pump() {
    while (!waiting && inFlight < IN_FLIGHT && !queue.isEmpty()) {
      Config c = running.get();
      List<RadiusClient.Target> targets = targets(c);
      if (targets.isEmpty()) {
        Pending p = queue.poll();
        lost++;
        if (drops.loud("acct-no-server")) {
          drops.log("acct-no-server", "%RADIUS-3-ACCT_LOST: no usable RADIUS server for accounting: " + p.what + " dropped");
        }
        continue;
      }
      Pending p = queue.poll();
      inFlight++;
      radius.ensureSocket(c);
      long delay = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - p.queuedNanos);
      radius.client.request(targets, new RadiusClient.Request(Radius.ACCOUNTING_REQUEST,
          AccountingRequests.delayed(p.attributes, delay)), answer -> {
            inFlight--;
            if (answer.answered()) {
              sent++;
            } else {
              queue.addFirst(p);
              retries++;
              if (!waiting) {
                waiting = true;
                LOG.warn("%RADIUS-4-ACCT_WAIT: {} not answered ({}): {} accounting records kept, sent again in {} s",
                    p.what, answer.error(), queue.size(), RETRY_MILLIS / 1000);
                radius.loop.schedule(() -> {
                  waiting = false;
                  pump();
                }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
              }
            }
            pump();
          });
    }
  }

  /** The servers of every group of the accounting list, in order, each once. */
  private static List<RadiusClient.Target> targets(Config c) {
    Map<String, RadiusClient.Target> out = new LinkedHashMap<>();
    for (String m : c.aaa().accountingNetwork()) {
      if (m.startsWith("group ")) {
        RadiusRuntime.targets(c, m.substring(6), true).forEach(t -> out.putIfAbsent(t.name(), t));
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Records waiting, sent, lost and sent again, read on the RADIUS loop. */
  long[] counters() {
    return new long[] {queue.size() + inFlight, sent, lost, retries};
  }

  /** Waits (bounded) for the queue to empty, for a graceful stop. */
  void drain(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      try {
        long[] n = radius.loop.submit(this::counters).get();
        if (n[0] == 0 || waiting) {
          return;
        }
        Thread.sleep(20);
      } catch (Exception e) {
        return;
      }
    }
  }
}
