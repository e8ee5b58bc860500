package io.jlns.server;

import io.jlns.cli.VpdnView;
import io.jlns.l2tp.SessionInfo;
import io.jlns.ppp.PppSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link VpdnView} over the L2TP of every shard: each shard's part is taken on its own loop. */
final class VpdnSnapshot implements VpdnView {
  private final Shared shared;

  VpdnSnapshot(Shared shared) {
    this.shared = shared;
  }

  @Override
  public List<Tunnel> tunnels() {
    long now = System.nanoTime() / 1_000_000;
    return shared.shards().stream().flatMap(sh -> sh.l2tp().tunnels().stream()).map(t -> new Tunnel(t.localId(), t.peerId(), t.peerHost(),
        t.peer().getAddress().getHostAddress(), t.peer().getPort(), t.state(), t.sessions(), now - t.createdMillis())).toList();
  }

  @Override
  public java.util.Map<String, Long> events() {
    java.util.Map<String, Long> all = new java.util.TreeMap<>();
    for (Shard sh : shared.shards()) {
      sh.l2tp().onLoop(() -> {
        sh.l2tp().counters().forEach((k, v) -> all.merge(k, v, Long::sum));
        return null;
      });
    }
    return all;
  }

  @Override
  public List<Session> sessions() {
    List<Session> out = new ArrayList<>();
    for (Shard sh : shared.shards()) {
      out.addAll(sessions(sh.l2tp()));
    }
    out.sort(java.util.Comparator.comparing(Session::iface));
    return out;
  }

  private static List<Session> sessions(L2tpRuntime rt) {
    return rt.onLoop(() -> {
      long now = System.nanoTime() / 1_000_000;
      List<Session> out = new ArrayList<>();
      for (Map.Entry<String, PppSession> e : rt.ppp.sessions.entrySet()) {
        SessionInfo i = rt.ppp.l2tp.get(e.getKey());
        PppSession p = e.getValue();
        if (i == null) {
          continue;
        }
        io.jlns.ppp.SessionUsage u = p.usage();
        out.add(new Session(i.localSessionId(), i.peerSessionId(), i.localTunnelId(), p.name(), p.user(),
            p.address() == 0 ? "-" : new io.jlns.config.Ipv4Address(p.address()).toString(),
            p.phase() == PppSession.Phase.NETWORK ? "est" : p.phase().name().toLowerCase(java.util.Locale.ROOT),
            now - p.startedMillis(), i.peer().getAddress().getHostAddress(), i.peer().getPort(), p.caller().sessionId(),
            u.inPackets(), u.inOctets(), u.outPackets(), u.outOctets()));
      }
      out.sort(java.util.Comparator.comparing(Session::iface));
      return out;
    });
  }

  @Override
  public long poolInUse(int start, int end) {
    return shared.pools.inUse(new io.jlns.config.LocalPool.Range(new io.jlns.config.Ipv4Address(start),
        new io.jlns.config.Ipv4Address(end)));
  }

  @Override
  public boolean clearTunnel(int localId) {
    boolean any = false;
    for (Shard sh : shared.shards()) {
      any |= sh.l2tp().clearTunnel(localId);
    }
    return any;
  }

  @Override
  public boolean clearInterface(String name) {
    boolean any = false;
    for (Shard sh : shared.shards()) {
      any |= clearInterface(sh.l2tp(), name);
    }
    return any;
  }

  private static boolean clearInterface(L2tpRuntime rt, String name) {
    return rt.onLoop(() -> {
      PppSession p = rt.ppp.sessions.get(name);
      if (p == null) {
        return false;
      }
      p.administrativeClose("cleared by the administrator (clear interface " + name + ")");
      return true;
    });
  }
}
