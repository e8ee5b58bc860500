package io.jlns.ip;

import io.jlns.ppp.PppServices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivery of the clients' IP packets. It answers ICMP echo for the LNS's own addresses and
 * routes packets between connected clients itself; anything else goes to the host's stack in
 * kernel mode ({@link #kernel}), or is dropped and counted in userspace mode (the default, which
 * needs no privilege). Shared by every event loop: lookups are lock-free (a concurrent map), and
 * each client's sink delivers on that client's own loop (see the server's shards).
 */
public final class UserspaceRouter implements PppServices.IpNetwork {
  private final ByteBufAllocator alloc;
  private final Supplier<Set<Integer>> localAddresses;
  private final Map<Integer, Consumer<ByteBuf>> clients = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private volatile Consumer<ByteBuf> kernel;

  /** @param localAddresses the LNS's own addresses (Loopback0, the interfaces) */
  public UserspaceRouter(ByteBufAllocator alloc, Supplier<Set<Integer>> localAddresses) {
    this.alloc = alloc;
    this.localAddresses = localAddresses;
  }

  /**
   * Kernel mode: packets for destinations that are neither the LNS nor a client go to the host's
   * stack through {@code toKernel} (a TUN device); the host's answers come back by {@link #fromKernel}.
   */
  public void kernel(Consumer<ByteBuf> toKernel) {
    this.kernel = toKernel;
  }

  /** A packet the host routes to a client (from the TUN device; takes ownership). */
  public void fromKernel(ByteBuf packet) {
    Ipv4Packet p = Ipv4Packet.parse(packet);
    Consumer<ByteBuf> sink = p == null ? null : clients.get(p.destination());
    if (sink == null) {
      count(p == null ? "malformed-from-kernel" : "no-session");
      packet.release();
      return;
    }
    count("from-kernel");
    sink.accept(packet);
  }

  @Override
  public void attach(int address, Consumer<ByteBuf> toClient, String owner) {
    clients.put(address, toClient);
  }

  @Override
  public void detach(int address) {
    clients.remove(address);
  }

  @Override
  public boolean inUse(int address) {
    return clients.containsKey(address) || localAddresses.get().contains(address);
  }

  @Override
  public void fromClient(int address, ByteBuf packet) {
    Ipv4Packet p = Ipv4Packet.parse(packet);
    if (p == null) {
      count("malformed");
      return;
    }
    if (p.source() != address) {
      count("spoofed-source"); // a client may only send from the address IPCP gave it
      return;
    }
    Consumer<ByteBuf> sink = clients.get(p.destination());
    if (localAddresses.get().contains(p.destination())) {
      ByteBuf reply = p.echoReply(packet, alloc);
      Consumer<ByteBuf> back = clients.get(address);
      if (reply != null && back != null) {
        count("echo-replies");
        back.accept(reply);
      } else {
        if (reply != null) {
          reply.release();
        }
        count("local-not-echo");
      }
    } else if (sink != null) {
      ByteBuf copy = p.forwarded(packet, alloc);
      if (copy == null) {
        count("ttl-expired");
      } else {
        count("forwarded");
        sink.accept(copy);
      }
    } else if (kernel != null) {
      count("to-kernel");
      ByteBuf copy = alloc.buffer(p.totalLength());
      copy.writeBytes(packet, packet.readerIndex(), p.totalLength());
      kernel.accept(copy);
    } else {
      count("no-route");
    }
  }

  /**
   * A packet for a client that does not fit its link ({@code mtu}): an ICMP Fragmentation Needed
   * from {@code from} goes back to the sender (a client, or the host in kernel mode) when the
   * packet has DF set, so path MTU discovery (RFC 1191) finds the tunnel's size; dropped and
   * counted either way (takes ownership).
   */
  @Override
  public void tooBig(ByteBuf packet, int mtu, int from) {
    Ipv4Packet p = Ipv4Packet.parse(packet);
    ByteBuf icmp = p == null ? null : p.fragmentationNeeded(packet, from, mtu, alloc);
    packet.release();
    count("too-big");
    if (icmp == null) {
      return;
    }
    Consumer<ByteBuf> back = clients.get(p.source());
    Consumer<ByteBuf> k = kernel;
    if (back != null) {
      count("frag-needed-sent");
      back.accept(icmp);
    } else if (k != null) {
      count("frag-needed-sent");
      k.accept(icmp);
    } else {
      icmp.release();
    }
  }

  private void count(String what) {
    counters.computeIfAbsent(what, k -> new LongAdder()).increment();
  }

  public Map<String, Long> counters() {
    Map<String, Long> out = new java.util.TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
