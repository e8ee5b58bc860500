package io.jlns.server;

import io.jlns.aaa.LocalPools;
import io.jlns.config.RunningConfig;
import io.jlns.demux.PortSpace;
import io.jlns.ike.IkeShared;
import io.jlns.ip.UserspaceRouter;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the shards of every event loop share. Each piece is safe across threads by design, and
 * none is on the per-packet path of an established client except the router's lock-free lookup:
 * <ul>
 *   <li>{@link #pools}: synchronized, touched when IPCP gives an address and when a session ends;
 *   <li>{@link #router}: a concurrent map from client address to a sink that delivers on the
 *       client's own loop (a packet between clients of two loops is posted across);
 *   <li>{@link #demuxPorts}: synchronized, touched when a client's first SA comes and its last goes;
 *   <li>{@link #ike}: admission control (synchronized, once per new exchange) and the owner of each
 *       ISAKMP SA (concurrent map), so a message that arrives on another loop finds its SA;
 *   <li>{@link #spis}: the owner of each ESP SA by inbound SPI (concurrent map): plain ESP from the
 *       raw socket's thread, and ESP whose NAT mapping moved to another loop, go to their owner;
 *   <li>{@link #newestByAddress}: without NAT demux, which loop has the newest SA to an address;
 *   <li>{@link #workers}: the Diffie-Hellman pool;
 *   <li>{@link #virtualAccess}: the numbering of Virtual-Access interfaces;
 *   <li>{@link #sessionIds}: Acct-Session-Ids (an atomic counter after a random prefix);
 *   <li>{@link #radius}: the RADIUS client, on a thread of its own; answers are posted back to
 *       the session's loop;
 *   <li>{@link #captures}: {@code monitor capture}; one volatile read per packet while none is
 *       active, each capture's buffer under its own lock while one is.
 * </ul>
 */
final class Shared implements AutoCloseable {
  final RunningConfig running;
  final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  final LocalPools pools;
  final UserspaceRouter router;
  final PortSpace demuxPorts = new PortSpace();
  final IkeShared ike = new IkeShared();
  final Map<Integer, Shard> spis = new ConcurrentHashMap<>();
  /**
   * Without NAT demux, the newest ESP SA to each peer address, whichever loop has it: L2TP knows
   * such clients only by address (public-ip:1701), and replies go to the newest SA as with one SA
   * database (the seed's failure, warned about), not to whichever one the hash left on this loop.
   */
  final Map<java.net.InetAddress, Newest> newestByAddress = new ConcurrentHashMap<>();

  record Newest(Shard shard, java.net.InetSocketAddress endpoint) {}
  final CryptoWorkers workers;
  final AtomicInteger virtualAccess = new AtomicInteger(1);
  final RadiusRuntime radius;
  final io.jlns.aaa.SessionIds sessionIds = new io.jlns.aaa.SessionIds(new java.security.SecureRandom().nextInt());
  private volatile java.util.List<Shard> shards = java.util.List.of();
  final io.jlns.capture.Captures captures = new io.jlns.capture.Captures(
      () -> { java.time.Instant t = java.time.Instant.now(); return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000; },
      line -> { if (line.contains("-4-")) { CAPTURE_LOG.warn(line); } else { CAPTURE_LOG.info(line); } });
  private static final org.slf4j.Logger CAPTURE_LOG = org.slf4j.LoggerFactory.getLogger("jlns.capture");

  Shared(RunningConfig running, int cryptoThreads) {
    this.running = running;
    this.pools = new LocalPools(running::get);
    this.router = new UserspaceRouter(alloc, () -> L2tpRuntime.localAddresses(running.get()));
    this.workers = new CryptoWorkers(cryptoThreads);
    this.radius = new RadiusRuntime(running);
  }

  /** Every shard, by index; set once they are all built. */
  java.util.List<Shard> shards() {
    return shards;
  }

  void shards(java.util.List<Shard> all) {
    shards = java.util.List.copyOf(all);
  }

  @Override
  public void close() {
    workers.close();
    radius.close();
  }
}
