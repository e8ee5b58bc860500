package io.jlns.time;

/**
 * Time as protocol cores see it: the current time and one-shot timers. The server backs it with
 * the event loop of the client's state; tests with {@code ManualScheduler}, which moves time
 * forward without sleeping. Cancelling is never needed: a timer task checks a generation number
 * and does nothing when it is stale.
 */
public interface Scheduler {
  long nowMillis();

  void schedule(long delayMillis, Runnable task);
}
