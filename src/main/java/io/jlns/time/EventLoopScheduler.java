package io.jlns.time;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/** Protocol timers on the event loop that owns the protocol state. */
public final class EventLoopScheduler implements Scheduler {
  private final EventLoop loop;

  public EventLoopScheduler(EventLoop loop) {
    this.loop = loop;
  }

  @Override
  public long nowMillis() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public void schedule(long delayMillis, Runnable task) {
    loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }
}
