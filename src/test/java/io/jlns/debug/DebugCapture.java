package io.jlns.debug;

import io.jlns.log.LogHub;
import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns debug categories on for a test and collects the lines they print (unstamped); close restores everything. */
public final class DebugCapture implements AutoCloseable {
  private final LogHub before = LogHub.get();
  private final LogHub hub = new LogHub(Clock.systemUTC());
  private final LogHub.Monitor monitor;

  public DebugCapture(Debug.Category... on) {
    hub.apply(new LogHub.Settings(null, Severity.DEBUGGING, null, 4096, Timestamps.NONE, Timestamps.NONE, false));
    LogHub.install(hub);
    monitor = hub.monitor("test");
    for (Debug.Category c : on) {
      Debug.set(c, true);
    }
  }

  /** Every debug line printed so far and not yet taken (log lines, {@code %FAC-N-...}, left out). */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    try {
      String l;
      while ((l = monitor.next(0)) != null) {
        if (!l.startsWith("%")) {
          out.add(l);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    Debug.allOff();
    Debug.removeCondition(0);
    monitor.close();
    LogHub.install(before);
  }
}
