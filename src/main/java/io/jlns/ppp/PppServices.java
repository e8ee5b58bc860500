package io.jlns.ppp;

import io.netty.buffer.ByteBuf;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** What PPP sessions use of the rest of the server: AAA, address pools, the IP network. */
public record PppServices(AuthService auth, AddressPool pools, IpNetwork network, Accounting accounting) {
  public PppServices(AuthService auth, AddressPool pools, IpNetwork network) {
    this(auth, pools, network, Accounting.NONE);
  }

  /** The pool's next free address that no session holds already (AAA may have given one of its addresses). */
  OptionalInt freeAddress(String pool, String owner) {
    java.util.List<Integer> taken = new java.util.ArrayList<>();
    OptionalInt a = pools.allocate(pool, owner);
    while (a.isPresent() && network.inUse(a.getAsInt())) {
      taken.add(a.getAsInt());
      a = taken.size() < 64 ? pools.allocate(pool, owner) : OptionalInt.empty();
    }
    taken.forEach(t -> pools.release(pool, t));
    return a;
  }

  /** {@code ip local pool}: addresses handed to clients. */
  public interface AddressPool {
    /** The next free address of the pool, marked in use by {@code owner}; empty when exhausted or unknown. */
    OptionalInt allocate(String pool, String owner);

    void release(String pool, int address);
  }

  /** Where clients' IP packets go, and where packets for a client's address come from. */
  public interface IpNetwork {
    /** The client at {@code address} is reachable through {@code toClient} (which takes ownership). */
    void attach(int address, Consumer<ByteBuf> toClient, String owner);

    void detach(int address);

    /** An IP packet from the client at {@code address} (not retained). */
    void fromClient(int address, ByteBuf packet);

    /** Whether {@code address} is a client's already, or the LNS's own. */
    default boolean inUse(int address) {
      return false;
    }

    /**
     * A packet for a client does not fit its link ({@code mtu}, from its MRU and {@code ip mtu});
     * the network answers its sender if it should (ICMP Fragmentation Needed). Takes ownership.
     */
    default void tooBig(ByteBuf packet, int mtu, int from) {
      packet.release();
    }
  }
}
