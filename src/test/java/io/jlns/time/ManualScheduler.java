package io.jlns.time;

import java.util.PriorityQueue;

/** A scheduler whose time moves only when a test says so; due tasks run in deadline order. */
public final class ManualScheduler implements Scheduler {
  private record Task(long at, long seq, Runnable run) {}

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public void schedule(long delayMillis, Runnable task) {
    tasks.add(new Task(now + delayMillis, seq++, task));
  }

  /** Moves time forward by {@code millis}, running every task that falls due on the way. */
  public void advance(long millis) {
    long end = now + millis;
    while (!tasks.isEmpty() && tasks.peek().at <= end) {
      Task t = tasks.poll();
      now = t.at;
      t.run.run();
    }
    now = end;
  }
}
