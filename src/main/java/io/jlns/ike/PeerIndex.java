package io.jlns.ike;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The established ISAKMP SAs and the ESP SA pairs of each peer endpoint (behind a NAT: public
 * address and NAT-T port). INITIAL-CONTACT, Deletes, dead peers and a client's L2TP tunnel
 * closing all ask "what does this peer have?": with 100,000 clients a scan of every SA for each
 * of those events would cost n^2 as they come and go.
 */
final class PeerIndex {
  private static final class Peer {
    final List<IkeSa> ikeSas = new ArrayList<>(1);
    final List<ChildSa> children = new ArrayList<>(2);

    boolean isEmpty() {
      return ikeSas.isEmpty() && children.isEmpty();
    }
  }

  private final Map<InetSocketAddress, Peer> peers = new HashMap<>();

  void addIke(IkeSa sa) {
    sa.indexedPeer = sa.peer;
    peers.computeIfAbsent(sa.peer, p -> new Peer()).ikeSas.add(sa);
  }

  void removeIke(IkeSa sa) {
    if (sa.indexedPeer != null) {
      Peer p = peers.get(sa.indexedPeer);
      if (p != null && p.ikeSas.remove(sa) && p.isEmpty()) {
        peers.remove(sa.indexedPeer);
      }
      sa.indexedPeer = null;
    }
  }

  /** An authenticated message came from a new endpoint (the peer's NAT mapping changed): the SA follows it. */
  void moved(IkeSa sa, InetSocketAddress remote) {
    if (!remote.equals(sa.peer)) {
      removeIke(sa);
      sa.peer = remote;
      if (sa.state == IkeSa.State.ESTABLISHED) {
        addIke(sa);
      }
    }
  }

  void addChild(ChildSa c) {
    peers.computeIfAbsent(c.peer(), p -> new Peer()).children.add(c);
  }

  void removeChild(ChildSa c) {
    Peer p = peers.get(c.peer());
    if (p != null && p.children.remove(c) && p.isEmpty()) {
      peers.remove(c.peer());
    }
  }

  /** The peer's established ISAKMP SAs, oldest first (a copy). */
  List<IkeSa> ikeSas(InetSocketAddress peer) {
    Peer p = peers.get(peer);
    return p == null ? List.of() : List.copyOf(p.ikeSas);
  }

  /** The peer's ESP SA pairs, oldest first (a copy). */
  List<ChildSa> children(InetSocketAddress peer) {
    Peer p = peers.get(peer);
    return p == null ? List.of() : List.copyOf(p.children);
  }

  /** The newest established ISAKMP SA of the peer, or null. */
  IkeSa newest(InetSocketAddress peer) {
    Peer p = peers.get(peer);
    IkeSa best = null;
    if (p != null) {
      for (IkeSa s : p.ikeSas) {
        if (s.state == IkeSa.State.ESTABLISHED && (best == null || s.establishedMillis >= best.establishedMillis)) {
          best = s;
        }
      }
    }
    return best;
  }
}
