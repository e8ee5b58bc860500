package io.jlns.ip;

import io.jlns.ppp.PppServices;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The userspace mode of IP delivery, which needs no privilege: it answers ICMP echo for the
 * LNS's own addresses and routes packets between connected clients. Anything else is dropped
 * and counted.
 */
public final class UserspaceRouter implements PppServices.IpNetwork {
  private final ByteBufAllocator alloc;
  private final Supplier<Set<Integer>> localAddresses;
  private final Map<Integer, Consumer<ByteBuf>> clients = new HashMap<>();
  private final Map<String, Long> counters = new HashMap<>();

  /** @param localAddresses the LNS's own addresses (Loopback0, the interfaces) */
  public UserspaceRouter(ByteBufAllocator alloc, Supplier<Set<Integer>> localAddresses) {
    this.alloc = alloc;
    this.localAddresses = localAddresses;
  }

  @Override
  public synchronized void attach(int address, Consumer<ByteBuf> toClient, String owner) {
    clients.put(address, toClient);
  }

  @Override
  public synchronized void detach(int address) {
    clients.remove(address);
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
    Consumer<ByteBuf> sink;
    synchronized (this) {
      sink = clients.get(p.destination());
    }
    if (localAddresses.get().contains(p.destination())) {
      ByteBuf reply = p.echoReply(packet, alloc);
      Consumer<ByteBuf> back;
      synchronized (this) {
        back = clients.get(address);
      }
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
    } else {
      count("no-route");
    }
  }

  private synchronized void count(String what) {
    counters.merge(what, 1L, Long::sum);
  }

  public synchronized Map<String, Long> counters() {
    return Map.copyOf(counters);
  }
}
