package io.jlns.esp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ESP SAs of one event loop: by inbound SPI in O(1), and by peer for the outbound direction. */
public final class SpiTable {
  private final Map<Integer, EspSa> byInboundSpi = new HashMap<>();
  private final List<EspSa> inOrder = new ArrayList<>();

  public void add(EspSa sa) {
    byInboundSpi.put(sa.inboundSpi, sa);
    inOrder.add(sa);
  }

  public EspSa remove(int inboundSpi) {
    EspSa sa = byInboundSpi.remove(inboundSpi);
    inOrder.remove(sa);
    return sa;
  }

  public EspSa inbound(int spi) {
    return byInboundSpi.get(spi);
  }

  /**
   * The newest usable SA to a peer address. Without NAT demux this is all L2TP can ask for: the
   * seed's failure, where the newest client behind a NAT takes the replies of the others.
   */
  public EspSa newestTo(InetAddress peer) {
    for (int i = inOrder.size() - 1; i >= 0; i--) {
      EspSa sa = inOrder.get(i);
      if (sa.peer().getAddress().equals(peer) && sa.outboundReady() && !sa.expired()) {
        return sa;
      }
    }
    return null;
  }

  public Collection<EspSa> all() {
    return List.copyOf(inOrder);
  }
}
