package io.jlns.esp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ESP SAs of one event loop: by inbound SPI in O(1) without boxing (open addressing with
 * linear probing on the int SPI, so the per-packet lookup allocates nothing), and in creation
 * order for the outbound direction.
 */
public final class SpiTable {
  private int[] keys = new int[64];
  private EspSa[] values = new EspSa[64];
  private int size;
  /** Every SA in creation order; removal is O(1) (100,000 clients leaving must not cost n^2). */
  private final Set<EspSa> inOrder = new LinkedHashSet<>();
  /** The SAs of each peer address, in creation order: what {@link #newestTo} and per-peer scans read. */
  private final Map<InetAddress, List<EspSa>> byAddress = new HashMap<>();

  public void add(EspSa sa) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    put(sa.inboundSpi, sa);
    inOrder.add(sa);
    index(sa);
  }

  private void index(EspSa sa) {
    sa.indexedAt = sa.peer().getAddress();
    byAddress.computeIfAbsent(sa.indexedAt, a -> new ArrayList<>(2)).add(sa);
  }

  private void unindex(EspSa sa) {
    List<EspSa> l = byAddress.get(sa.indexedAt);
    if (l != null && l.remove(sa) && l.isEmpty()) {
      byAddress.remove(sa.indexedAt);
    }
  }

  /** {@link EspSa#follow}, keeping the SA indexed under its peer's address if that changed. */
  public boolean follow(EspSa sa, InetSocketAddress from) {
    if (!sa.follow(from)) {
      return false;
    }
    if (!from.getAddress().equals(sa.indexedAt)) {
      unindex(sa);
      index(sa);
    }
    return true;
  }

  /** The SAs whose peer is at {@code address}, oldest first (a copy). */
  public List<EspSa> toAddress(InetAddress address) {
    List<EspSa> l = byAddress.get(address);
    return l == null ? List.of() : List.copyOf(l);
  }

  public EspSa remove(int inboundSpi) {
    int mask = keys.length - 1;
    int i = slot(inboundSpi, mask);
    while (values[i] != null) {
      if (keys[i] == inboundSpi) {
        EspSa sa = values[i];
        values[i] = null;
        size--;
        // Backward-shift deletion: move later entries of the probe chain into the hole.
        int hole = i;
        int j = (i + 1) & mask;
        while (values[j] != null) {
          int home = slot(keys[j], mask);
          if (((j - home) & mask) >= ((j - hole) & mask)) {
            keys[hole] = keys[j];
            values[hole] = values[j];
            values[j] = null;
            hole = j;
          }
          j = (j + 1) & mask;
        }
        inOrder.remove(sa);
        unindex(sa);
        return sa;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  public EspSa inbound(int spi) {
    int mask = keys.length - 1;
    int i = slot(spi, mask);
    EspSa v;
    while ((v = values[i]) != null) {
      if (keys[i] == spi) {
        return v;
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  /**
   * The newest usable SA to a peer address. Without NAT demux this is all L2TP can ask for: the
   * seed's failure, where the newest client behind a NAT takes the replies of the others.
   */
  public EspSa newestTo(InetAddress peer) {
    List<EspSa> l = byAddress.get(peer);
    for (int i = l == null ? -1 : l.size() - 1; i >= 0; i--) {
      EspSa sa = l.get(i);
      if (sa.outboundReady() && !sa.expired()) {
        return sa;
      }
    }
    return null;
  }

  public int size() {
    return size;
  }

  public Collection<EspSa> all() {
    return List.copyOf(inOrder);
  }

  private void put(int key, EspSa sa) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = sa;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = sa;
    size++;
  }

  private void grow() {
    int[] oldKeys = keys;
    EspSa[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new EspSa[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** SPIs are random, but mix anyway so that sequential SPIs from some peers do not cluster. */
  private static int slot(int spi, int mask) {
    int h = spi * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
