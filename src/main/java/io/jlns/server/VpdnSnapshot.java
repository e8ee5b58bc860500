package io.jlns.server;

import io.jlns.cli.VpdnView;
import io.jlns.l2tp.SessionInfo;
import io.jlns.ppp.PppSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link VpdnView} over the L2TP runtime: each call takes a snapshot on the runtime's event loop. */
final class VpdnSnapshot implements VpdnView {
  private final L2tpRuntime rt;

  VpdnSnapshot(L2tpRuntime rt) {
    this.rt = rt;
  }

  @Override
  public List<Tunnel> tunnels() {
    long now = System.nanoTime() / 1_000_000;
    return rt.tunnels().stream().map(t -> new Tunnel(t.localId(), t.peerId(), t.peerHost(),
        t.peer().getAddress().getHostAddress(), t.peer().getPort(), t.state(), t.sessions(), now - t.createdMillis())).toList();
  }

  @Override
  public List<Session> sessions() {
    return rt.onLoop(() -> {
      long now = System.nanoTime() / 1_000_000;
      List<Session> out = new ArrayList<>();
      for (Map.Entry<String, PppSession> e : rt.ppp.sessions.entrySet()) {
        SessionInfo i = rt.ppp.l2tp.get(e.getKey());
        PppSession p = e.getValue();
        if (i == null) {
          continue;
        }
        out.add(new Session(i.localSessionId(), i.peerSessionId(), i.localTunnelId(), p.name(), p.user(),
            p.address() == 0 ? "-" : new io.jlns.config.Ipv4Address(p.address()).toString(),
            p.phase() == PppSession.Phase.NETWORK ? "est" : p.phase().name().toLowerCase(java.util.Locale.ROOT),
            now - p.startedMillis(), i.peer().getAddress().getHostAddress(), i.peer().getPort()));
      }
      out.sort(java.util.Comparator.comparing(Session::iface));
      return out;
    });
  }

  @Override
  public long poolInUse(int start, int end) {
    return rt.pools.inUse(new io.jlns.config.LocalPool.Range(new io.jlns.config.Ipv4Address(start),
        new io.jlns.config.Ipv4Address(end)));
  }

  @Override
  public boolean clearTunnel(int localId) {
    return rt.clearTunnel(localId);
  }

  @Override
  public boolean clearInterface(String name) {
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
