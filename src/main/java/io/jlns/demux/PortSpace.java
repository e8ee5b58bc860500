package io.jlns.demux;

import java.net.InetAddress;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The NAT demux ports of each public address, shared by the port translators of every event loop
 * (two clients behind one NAT may be owned by two loops; their ports must still differ). Taken
 * and given back once per client, never per packet, so a lock is cheap here.
 */
public final class PortSpace {
  private final Map<InetAddress, BitSet> used = new HashMap<>();

  /** The lowest free port of {@code address} from {@link PortTranslator#FIRST_PORT}, now taken; -1 when none is left. */
  public synchronized int take(InetAddress address) {
    BitSet b = used.computeIfAbsent(address, a -> new BitSet());
    int port = b.nextClearBit(PortTranslator.FIRST_PORT);
    if (port > PortTranslator.LAST_PORT) {
      return -1;
    }
    b.set(port);
    return port;
  }

  public synchronized void give(InetAddress address, int port) {
    BitSet b = used.get(address);
    if (b != null) {
      b.clear(port);
      if (b.isEmpty()) {
        used.remove(address);
      }
    }
  }
}
