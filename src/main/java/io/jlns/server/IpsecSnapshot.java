package io.jlns.server;

import io.jlns.cli.IpsecView;
import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import io.jlns.ike.ChildSa;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link IpsecView} over the IPsec of every shard: each shard's part is taken on its own loop,
 * then the parts are put together in the order IOS shows them.
 */
final class IpsecSnapshot implements IpsecView {
  private final Shared shared;

  IpsecSnapshot(Shared shared) {
    this.shared = shared;
  }

  /** {@code part} run on each shard's loop, the results concatenated. */
  private <T> List<T> each(java.util.function.Function<IpsecRuntime, List<T>> part) {
    List<T> out = new ArrayList<>();
    for (Shard s : shared.shards()) {
      out.addAll(s.l2tp().onLoop(() -> part.apply(s.ipsec())));
    }
    return out;
  }

  private int sum(java.util.function.ToIntFunction<IpsecRuntime> part) {
    int n = 0;
    for (Shard s : shared.shards()) {
      n += s.l2tp().onLoop(() -> part.applyAsInt(s.ipsec()));
    }
    return n;
  }

  @Override
  public java.util.Map<String, Long> events() {
    java.util.Map<String, Long> all = new java.util.TreeMap<>();
    for (Shard s : shared.shards()) {
      s.l2tp().onLoop(() -> {
        s.ipsec().ike.counters().forEach((k, v) -> all.merge("ike." + k, v, Long::sum));
        s.ipsec().drops.snapshot().forEach((k, v) -> all.merge("esp." + k, v, Long::sum));
        return null;
      });
    }
    return all;
  }

  @Override
  public List<IsakmpSa> isakmpSas() {
    List<IsakmpSa> all = each(rt -> rt.ike.ikeSas().stream().map(s -> new IsakmpSa(s.connId(), s.local().getAddress().getHostAddress(),
        s.local().getPort(), s.peer().getAddress().getHostAddress(), s.peer().getPort(), s.state(),
        s.suite() == null ? null : s.suite().cipherName(), s.suite() == null ? null : s.suite().hashName(),
        s.suite() == null ? 0 : s.suite().group().number(), s.remainingSeconds(), s.dpd(), s.natT(), s.peerIdentity(),
        s.initiatedByUs())).toList());
    return all.stream().sorted(java.util.Comparator.comparingInt(IsakmpSa::connId)).toList();
  }

  @Override
  public List<IpsecSa> ipsecSas() {
    List<IpsecSa> all = each(rt -> {
      long now = System.nanoTime() / 1_000_000;
      List<IpsecSa> out = new ArrayList<>();
      for (ChildSa c : rt.ike.childSas()) {
        EspSa e = rt.table.inbound(c.inboundSpi());
        if (e == null) {
          continue;
        }
        var s = c.suite();
        var client = rt.demux.bySpi(c.inboundSpi());
        long remaining = Math.max(0, s.lifetimeSeconds() - (now - c.createdMillis()) / 1000);
        out.add(new IpsecSa(c.connId(), s.cryptoMap(), c.local().getAddress().getHostAddress(), c.local().getPort(),
            e.peer().getAddress().getHostAddress(), e.peer().getPort(), c.localIdentity(), c.localProtocol(), c.localPort(),
            c.peerIdentity(), c.peerProtocol(), c.peerPort(), c.inboundSpi(), c.outboundSpi(), s.transformText(),
            (s.transport() ? "Transport" : "Tunnel") + (s.udpEncapsulated() ? " UDP-Encaps" : ""), s.pfs() != null,
            s.pfs() == null ? 0 : s.pfs().number(), e.outbound().ivLength(), e.remainingKilobytes(), remaining, e.replayWindow(),
            e.pktsEncaps, e.pktsDecaps, e.replayFailures, e.authFailures, e.otherFailures,
            client == null ? 0 : client.port(),
            plaintextMtu(e.outbound(), s.transport(), s.udpEncapsulated())));
      }
      return out;
    });
    return all.stream().sorted(java.util.Comparator.comparingInt(IpsecSa::connId)).toList();
  }

  /**
   * The largest IP packet one SA packet carries within a 1500-byte path: the outer IPv4 header,
   * the UDP header of NAT-T, and ESP's own overhead (padding to the cipher block included) come
   * off; in transport mode the packet's own IP header is the outer one, so it counts back in.
   */
  static int plaintextMtu(EspCrypto esp, boolean transport, boolean udp) {
    int room = 1500 - 20 - (udp ? 8 : 0);
    int n = esp.largestPayload(room);
    return transport ? n + 20 : n;
  }

  @Override
  public List<DemuxClient> natDemux() {
    List<DemuxClient> all = each(rt -> rt.demux.clients().stream().map(c -> new DemuxClient(c.endpoint().getAddress().getHostAddress(),
        c.endpoint().getPort(), c.port(), c.innerPort(), c.sas().stream().sorted().toList())).toList());
    return all.stream().sorted(java.util.Comparator.comparing(DemuxClient::address).thenComparingInt(DemuxClient::port)).toList();
  }

  @Override
  public int clearIpsec(String peer) {
    InetAddress a;
    try {
      a = peer == null ? null : InetAddress.getByName(peer);
    } catch (UnknownHostException e) {
      return 0;
    }
    return sum(rt -> rt.ike.clearChildSas(a));
  }

  @Override
  public int clearIsakmp(Integer connId) {
    return sum(rt -> rt.ike.clearIkeSas(connId));
  }

  @Override
  public CallAdmission callAdmission() {
    io.jlns.config.CallAdmission limits = shared.running.get().callAdmission();
    CryptoWorkers.Stats w = shared.workers.stats();
    var a = shared.ike.admissionView();
    return new CallAdmission(limits.sa(), limits.inNegotiation(), limits.perAddress(), a.total(), a.negotiating(), a.accepted(),
        a.rejectedInNegotiation(), a.rejectedPerAddress(), a.rejectedSaLimit(), w.threads(), w.queued(), w.capacity(), w.done(),
        w.dropped(), a.shunnedNow(), a.shunnedTotal());
  }

  @Override
  public void clearCallAdmission() {
    shared.ike.clearAdmissionStatistics();
  }

  @Override
  public io.jlns.capture.Captures captures() {
    return shared.captures;
  }

  /** The phase 1 keys of every loop's ISAKMP SAs, for a capture's key export. */
  java.util.Map<Long, byte[]> ikeKeys() {
    java.util.Map<Long, byte[]> all = new java.util.LinkedHashMap<>();
    for (Shard s : shared.shards()) {
      all.putAll(s.l2tp().onLoop(() -> io.jlns.ike.WiresharkKeys.ikev1(s.ipsec().ike)));
    }
    return all;
  }

  /** Each loop's thread, learnt once on the loop itself. */
  private final java.util.Map<Integer, Thread> loopThreads = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public List<ThreadCpu> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    List<ThreadCpu> out = new ArrayList<>();
    for (Shard s : shared.shards()) {
      Thread t = loopThreads.computeIfAbsent(s.index(), i -> s.l2tp().onLoop(Thread::currentThread));
      out.add(new ThreadCpu("event-loop", t.getName(), Math.max(0, mx.getThreadCpuTime(t.getId()))));
    }
    for (Thread t : shared.workers.workerThreads) {
      out.add(new ThreadCpu("crypto-worker", t.getName(), Math.max(0, mx.getThreadCpuTime(t.getId()))));
    }
    return out;
  }
}
