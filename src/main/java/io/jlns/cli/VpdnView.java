package io.jlns.cli;

import java.util.List;

/** What the L2TP/PPP side shows to {@code show vpdn}, {@code show users}, and what clear commands reach. */
public interface VpdnView {
  /** One tunnel, as {@code show vpdn tunnel} lists it. */
  record Tunnel(int localId, int peerId, String peerHost, String peerAddress, int peerPort, String state, int sessions,
      long uptimeMillis) {}

  /** One session with its Virtual-Access interface and user. */
  record Session(int localId, int peerId, int localTunnel, String iface, String user, String address, String state,
      long uptimeMillis, String peerAddress, int peerPort) {}

  List<Tunnel> tunnels();

  List<Session> sessions();

  /** Addresses in use in {@code start..end} (inclusive, as ints), for {@code show ip local pool}. */
  long poolInUse(int start, int end);

  boolean clearTunnel(int localId);

  boolean clearInterface(String name);

  VpdnView NONE = new VpdnView() {
    @Override
    public List<Tunnel> tunnels() {
      return List.of();
    }

    @Override
    public List<Session> sessions() {
      return List.of();
    }

    @Override
    public long poolInUse(int start, int end) {
      return 0;
    }

    @Override
    public boolean clearTunnel(int localId) {
      return false;
    }

    @Override
    public boolean clearInterface(String name) {
      return false;
    }
  };
}
