package io.jlns.cli;

import java.util.List;

/** What the L2TP/PPP side shows to {@code show vpdn}, {@code show users}, and what clear commands reach. */
public interface VpdnView {
  /** One tunnel, as {@code show vpdn tunnel} lists it. */
  record Tunnel(int localId, int peerId, String peerHost, String peerAddress, int peerPort, String state, int sessions,
      long uptimeMillis) {}

  /** One session with its Virtual-Access interface and user. */
  record Session(int localId, int peerId, int localTunnel, String iface, String user, String address, String state,
      long uptimeMillis, String peerAddress, int peerPort, String acctSessionId, long inPackets, long inOctets,
      long outPackets, long outOctets) {}

  // Defaults are the view of a server with no L2TP running: nothing to show, nothing to clear.

  default List<Tunnel> tunnels() {
    return List.of();
  }

  default List<Session> sessions() {
    return List.of();
  }

  /** Addresses in use in {@code start..end} (inclusive, as ints), for {@code show ip local pool}. */
  default long poolInUse(int start, int end) {
    return 0;
  }

  default boolean clearTunnel(int localId) {
    return false;
  }

  default boolean clearInterface(String name) {
    return false;
  }

  /** L2TP event counters since start (drops by reason), summed over the event loops. */
  default java.util.Map<String, Long> events() {
    return java.util.Map.of();
  }

  VpdnView NONE = new VpdnView() { };
}
