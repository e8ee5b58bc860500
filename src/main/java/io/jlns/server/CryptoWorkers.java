package io.jlns.server;

import io.jlns.ike.Offload;
import io.netty.channel.EventLoop;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool where IKE's Diffie-Hellman runs, shared by every packet loop: a fixed number
 * of threads and a fixed queue, so a burst of connecting clients (or a flood of forged Main Mode
 * messages that got past admission control) waits here, or is dropped, and never delays the
 * packets of connected clients (the threads run at niceness 10, below the loops). Each loop gets its own {@link Offload} view, so a result goes
 * back to the loop that owns the SA.
 */
final class CryptoWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns");
  /** Enough for every in-negotiation SA of the default admission limit to wait its turn. */
  static final int NICENESS = 10;
  static final int QUEUE = 1024;
  private final ThreadPoolExecutor pool;
  private final LongAdder done = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  /** The workers, for their CPU time in the metrics. */
  final java.util.List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

  CryptoWorkers(int threads) {
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      // Below the packet loops (niceness 10): a burst of key exchanges yields to connected clients' packets.
      Thread t = new Thread(() -> {
        io.jlns.ip.ThreadNiceness.set(NICENESS);
        r.run();
      }, "jlns-crypto-" + n.incrementAndGet());
      t.setDaemon(true);
      workerThreads.add(t);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** The offload of one loop: work on the pool, its result back on {@code loop}. */
  Offload on(EventLoop loop) {
    return new Offload() {
      @Override
      public <T> boolean submit(Supplier<T> work, Consumer<T> then) {
        try {
          pool.execute(() -> {
            T result;
            try {
              result = work.get();
            } catch (RuntimeException e) {
              LOG.error("%CRYPTO-3-WORKER: a Diffie-Hellman computation failed: {}", e.toString());
              return;
            }
            done.increment();
            loop.execute(() -> then.accept(result));
          });
          return true;
        } catch (RejectedExecutionException e) {
          dropped.increment();
          return false;
        }
      }
    };
  }

  /** For {@code show crypto call admission statistics}. */
  record Stats(int threads, int queued, int capacity, long done, long dropped) {}

  Stats stats() {
    return new Stats(pool.getCorePoolSize(), pool.getQueue().size(), QUEUE, done.sum(), dropped.sum());
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
