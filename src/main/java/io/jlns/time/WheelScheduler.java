package io.jlns.time;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The server's protocol timers: one {@link TimerWheel} per event loop, turned by one periodic task
 * every {@link #TICK_MILLIS}, shared by everything the loop owns (IKE, ESP, L2TP, PPP). Timers set
 * from another thread are handed to the loop first. (The load generator, with one loop per few
 * thousand short-lived clients, keeps {@link EventLoopScheduler}.)
 */
public final class WheelScheduler implements Scheduler {
  /** The resolution of protocol timers: retransmissions (1 s and up), DPD, HELLO, LCP echo. */
  public static final long TICK_MILLIS = 10;
  private final EventLoop loop;
  private final TimerWheel wheel = new TimerWheel(() -> System.nanoTime() / 1_000_000, TICK_MILLIS, 2048);

  public WheelScheduler(EventLoop loop) {
    this.loop = loop;
    loop.scheduleAtFixedRate(wheel::advance, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public long nowMillis() {
    return wheel.nowMillis();
  }

  @Override
  public void schedule(long delayMillis, Runnable task) {
    if (loop.inEventLoop()) {
      wheel.schedule(delayMillis, task);
    } else {
      loop.execute(() -> wheel.schedule(delayMillis, task));
    }
  }
}
