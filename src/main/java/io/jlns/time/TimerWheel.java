package io.jlns.time;

import java.util.function.LongSupplier;

/**
 * Protocol timers on a hashed timing wheel (Varghese and Lauck, 1987; Netty's HashedWheelTimer
 * without its thread): a timer is a 32-byte node in the list of the slot its deadline falls in,
 * so 100,000 sessions with several timers each cost a few megabytes and O(1) to set, where one
 * scheduled task per timer on the event loop's priority queue cost several times that and
 * O(log n). Each {@link #advance} runs the slots the clock passed, and in each only the nodes
 * due (the others wait for a later turn of the wheel). Not thread-safe: one wheel belongs to one
 * event loop, which calls {@link #advance} every tick.
 */
public final class TimerWheel implements Scheduler {
  private static final class Node {
    final long deadline;
    final Runnable task;
    Node next;

    Node(long deadline, Runnable task) {
      this.deadline = deadline;
      this.task = task;
    }
  }

  private final LongSupplier clock;
  private final long tickMillis;
  private final Node[] slots;
  private final int mask;
  /** The last tick whose slot was run. */
  private long tick;
  private int size;

  /**
   * @param clock milliseconds
   * @param tickMillis the wheel's resolution: a timer runs up to this late
   * @param slots a power of two
   */
  public TimerWheel(LongSupplier clock, long tickMillis, int slots) {
    if (Integer.bitCount(slots) != 1 || tickMillis <= 0) {
      throw new IllegalArgumentException("slots must be a power of two and the tick positive");
    }
    this.clock = clock;
    this.tickMillis = tickMillis;
    this.slots = new Node[slots];
    this.mask = slots - 1;
    this.tick = clock.getAsLong() / tickMillis;
  }

  @Override
  public long nowMillis() {
    return clock.getAsLong();
  }

  @Override
  public void schedule(long delayMillis, Runnable task) {
    long deadline = clock.getAsLong() + Math.max(0, delayMillis);
    // The first tick at or after the deadline, and never the one already run.
    long at = Math.max(tick + 1, (deadline + tickMillis - 1) / tickMillis);
    int i = (int) (at & mask);
    Node n = new Node(deadline, task);
    n.next = slots[i];
    slots[i] = n;
    size++;
  }

  /** Runs every timer due by now, in the order of their slots. */
  public void advance() {
    long now = clock.getAsLong();
    long target = now / tickMillis;
    while (tick < target) {
      tick++;
      runSlot((int) (tick & mask), now);
    }
  }

  private void runSlot(int i, long now) {
    Node due = null;
    Node keep = null;
    for (Node n = slots[i]; n != null; ) {
      Node next = n.next;
      if (n.deadline <= now && (n.deadline + tickMillis - 1) / tickMillis <= tick) {
        n.next = due;
        due = n;
      } else {
        n.next = keep;
        keep = n;
      }
      n = next;
    }
    slots[i] = keep;
    // Run after the slot is rebuilt: a task may set a timer in this very slot (a later turn).
    for (Node n = due; n != null; n = n.next) {
      size--;
      n.task.run();
    }
  }

  /** Timers set and not yet run. */
  public int size() {
    return size;
  }
}
