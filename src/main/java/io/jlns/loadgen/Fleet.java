package io.jlns.loadgen;

import io.jlns.crypto.DiffieHellman;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fleet: launches clients at the asked rate (or keeps {@code concurrency} connecting at
 * once), holds them with traffic, makes them leave, and stops by itself: every run is bounded
 * in clients and in time.
 */
final class Fleet {
  /** Everything a run is told (see {@link LoadGen} for the options). */
  record Settings(String scenario, InetAddress server, int ikePort, int natTPort, byte[] psk, List<String[]> users,
      PppPeer.Auth auth, String ikeOverride, String espOverride, DiffieHellman.Group pfs, List<Profile> profiles,
      List<InetAddress> sources, InetAddress ping, int size, int pps, int window, long durationMillis, int clients,
      double rate, int concurrency, long connectTimeoutMillis, long maxTimeMillis, String readyFile, boolean freshDh,
      int threads, long maxFailures) {

    List<Suites.Ike> ike(Profile p) {
      return Suites.ike(ikeOverride != null ? ikeOverride : p.ike());
    }

    List<Suites.Esp> esp(Profile p) {
      return Suites.esp(espOverride != null ? espOverride : p.esp());
    }

    String user(int i) {
      return users.get(i % users.size())[0];
    }

    String password(int i) {
      return users.get(i % users.size())[1];
    }
  }

  /** How many DH key pairs per group the generator reuses across clients (unless --fresh-dh). */
  private static final int DH_POOL = 32;

  private final Settings s;
  private final Stats stats = new Stats();
  private final LongAdder espDrops = new LongAdder();
  /** Clients not yet done (a churn run replaces them for hours: the finished ones are not kept). */
  private final java.util.Set<Client> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Semaphore permits;
  private final AtomicInteger settled = new AtomicInteger();
  /** Churn's next client number: several loops replace clients at once, and each needs its own. */
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final CountDownLatch rampDone = new CountDownLatch(1);
  private final Map<DiffieHellman.Group, List<DiffieHellman>> dhPools = new EnumMap<>(DiffieHellman.Group.class);
  private final SecureRandom secure = new SecureRandom();
  private final SplittableRandom seeds = new SplittableRandom();
  private volatile boolean trafficOn;
  private volatile boolean stopping;
  private EventLoopGroup group;
  private Bootstrap bootstrap;
  long runStartNanos;
  long trafficStartNanos;
  long trafficEndNanos;
  long rampEndNanos;

  Fleet(Settings s) {
    this.s = s;
    this.permits = new Semaphore(Math.max(1, s.concurrency()));
  }

  Settings settings() {
    return s;
  }

  Stats stats() {
    return stats;
  }

  boolean trafficOn() {
    return trafficOn;
  }

  long espDrops() {
    return espDrops.sum();
  }

  void espDropped() {
    espDrops.increment();
  }

  /**
   * Runs the scenario to its end: ramp, hold with traffic, leave. Returns when every client has
   * left or the run's time bound passed.
   */
  void run(Runnable progress) throws InterruptedException {
    nextIndex.set(s.clients());
    boolean epoll = Epoll.isAvailable();
    group = epoll ? new EpollEventLoopGroup(s.threads()) : new NioEventLoopGroup(s.threads());
    bootstrap = new Bootstrap().group(group).channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.SO_RCVBUF, 1 << 18);
    long deadline = System.nanoTime() + s.maxTimeMillis() * 1_000_000;
    runStartNanos = System.nanoTime();
    Thread ticker = new Thread(() -> {
      try {
        while (!stopping) {
          Thread.sleep(1000);
          progress.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "loadgen-progress");
    ticker.setDaemon(true);
    ticker.start();
    boolean churn = s.scenario().equals("churn");
    try {
      long next = System.nanoTime();
      for (int i = 0; i < s.clients() && System.nanoTime() < deadline; i++) {
        if (stats.connectFailures() > s.maxFailures()) {
          // --max-failures: the server has had enough; the clients not started count as not connected.
          rampDone.countDown();
          break;
        }
        if (s.rate() > 0) {
          next += (long) (1e9 / s.rate());
          long wait = next - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        launch(i);
      }
      rampDone.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      rampEndNanos = System.nanoTime();
      if (s.readyFile() != null) {
        java.nio.file.Files.writeString(java.nio.file.Path.of(s.readyFile()),
            "connected " + stats.connected.sum() + " failed " + stats.connectFailures() + "\n");
      }
      if (churn) {
        // Churn: clients leave after their hold and others take their place until the time is up.
        TimeUnit.NANOSECONDS.sleep(Math.max(0, deadline - System.nanoTime() - 5_000_000_000L));
      } else {
        trafficStartNanos = System.nanoTime();
        trafficOn = true;
        clients.forEach(c -> c.eventLoopExecute(c::startTraffic));
        long hold = Math.min(s.durationMillis() * 1_000_000, Math.max(0, deadline - System.nanoTime()));
        TimeUnit.NANOSECONDS.sleep(hold);
        trafficOn = false;
        trafficEndNanos = System.nanoTime();
        // Replies still in flight are counted for a second (at most a second more of RTT).
        Thread.sleep(s.pps() > 0 || s.window() > 0 ? 1000 : 0);
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write " + s.readyFile() + ": " + e.getMessage(), e);
    } finally {
      stopping = true;
      trafficOn = false;
      List<Client> remaining = List.copyOf(clients);
      remaining.forEach(c -> c.eventLoopExecute(c::leave));
      long until = System.nanoTime() + 5_000_000_000L;
      while (!clients.isEmpty() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      Thread.sleep(300);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
      ticker.interrupt();
    }
  }

  private void launch(int i) {
    Profile p = s.profiles().get(i % s.profiles().size());
    Client c = new Client(this, i, p, seeds.split());
    clients.add(c);
    stats.started.increment();
    InetAddress src = s.sources().get(i % s.sources().size());
    ChannelFuture f = bootstrap.clone().handler(c).bind(new InetSocketAddress(src, 0));
    f.addListener(x -> {
      if (x.isSuccess()) {
        c.start(f.channel());
      } else {
        c.socketFailed("bind " + src.getHostAddress() + ": " + x.cause().getMessage());
      }
    });
  }

  /** A client's IPCP came up. */
  void clientUp(Client c) {
    permits.release();
    settle();
    if (s.scenario().equals("churn")) {
      // Churn: each client holds for its duration (±50%, so clients do not leave in waves), leaves,
      // and another takes its place.
      c.leaveAfter(s.durationMillis() / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(s.durationMillis() + 1));
    }
  }

  /** A client is finished: it left, or it failed ({@code wasUp}: after it had been up). */
  void clientDone(Client c, boolean wasUp) {
    clients.remove(c);
    if (!wasUp) {
      permits.release();
      settle();
    }
    if (s.scenario().equals("churn") && !stopping && wasUp) {
      launch(nextIndex.getAndIncrement());
    }
  }

  private void settle() {
    if (settled.incrementAndGet() >= s.clients()) {
      rampDone.countDown();
    }
  }

  /** A DH key pair: one of a small pool per group, unless each client is to make its own. */
  DiffieHellman dhPair(DiffieHellman.Group g) {
    if (s.freshDh()) {
      return new DiffieHellman(g, secure);
    }
    List<DiffieHellman> pool;
    synchronized (dhPools) {
      pool = dhPools.computeIfAbsent(g, k -> new ArrayList<>());
      if (pool.size() < DH_POOL) {
        DiffieHellman d = new DiffieHellman(g, secure);
        pool.add(d);
        return d;
      }
      return pool.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(pool.size()));
    }
  }

  static InetAddress address(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
