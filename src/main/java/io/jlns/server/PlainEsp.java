package io.jlns.server;

import io.jlns.ip.RawIpSocket;
import io.jlns.log.Drops;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ESP straight over IP (protocol 50, RFC 4303) for clients that are not behind a NAT: one raw
 * socket per address IKE listens on, shared by every loop. Packets arrive on each socket's own
 * thread and are handed, copied, to the loop that owns their SA (by SPI); any loop sends. Without CAP_NET_RAW there are no
 * sockets, and Quick Modes that would need them are refused with a log line saying why.
 */
final class PlainEsp implements AutoCloseable {
  static final int PROTOCOL = 50;
  private static final Logger LOG = LoggerFactory.getLogger("jlns.esp");
  private final Map<InetAddress, RawIpSocket> sockets = new HashMap<>();

  /** Receives, on the event loop, one ESP packet: {@code esp[off..off+len)}, its IPv4 header checked and skipped. */
  interface Inbound {
    void packet(InetSocketAddress local, InetSocketAddress sender, byte[] esp, int off, int len);
  }

  /** Where a packet goes, from the socket's thread: {@code ip} is a copy, the IPv4 header still on. */
  interface Dispatch {
    void packet(InetSocketAddress local, byte[] ip);
  }

  PlainEsp(Set<InetAddress> addresses, Dispatch dispatch) {
    for (InetAddress a : addresses) {
      InetSocketAddress local = new InetSocketAddress(a, 0);
      try {
        sockets.put(a, RawIpSocket.open(PROTOCOL, a, (p, n) -> {
          dispatch.packet(local, Arrays.copyOf(p, n));
        }));
      } catch (IOException e) {
        LOG.warn("%CRYPTO-4-NO_PLAIN_ESP: {} on {}: only clients behind a NAT (ESP in UDP 4500) can be served there",
            e.getMessage(), a.getHostAddress());
      }
    }
    if (!sockets.isEmpty()) {
      LOG.info("%CRYPTO-6-PLAIN_ESP: ESP over IP protocol 50 on {}", sockets.keySet().stream().map(InetAddress::getHostAddress).toList());
    }
  }

  /** The IPv4 header as Linux gives it to a raw socket (reassembled; bound, so addressed to {@code local}). */
  static void received(InetSocketAddress local, byte[] ip, Drops drops, Inbound inbound) {
    int ihl = (ip[0] & 0x0F) * 4;
    int total = ip.length >= 20 ? (ip[2] & 0xFF) << 8 | ip[3] & 0xFF : 0;
    if (ip.length < 20 || (ip[0] & 0xF0) != 0x40 || ihl < 20 || total < ihl + 8 || total > ip.length) {
      drops.drop("malformed", "%CRYPTO-4-RECVD_PKT_MALFORMED: " + ip.length + "-byte ESP (IP protocol 50) packet"
          + (ip.length >= 16 ? " from " + (ip[12] & 0xFF) + "." + (ip[13] & 0xFF) + "." + (ip[14] & 0xFF) + "." + (ip[15] & 0xFF) : "")
          + " has no valid IPv4 header");
      return;
    }
    InetSocketAddress sender;
    try {
      sender = new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(ip, 12, 16)), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
    inbound.packet(local, sender, ip, ihl, total - ihl);
  }

  /** The SPI of a packet as the raw socket gives it (IPv4 header on), or 0 when too short to say. */
  static int spi(byte[] ip) {
    int ihl = (ip.length > 0 ? ip[0] & 0x0F : 0) * 4;
    if (ihl < 20 || ip.length < ihl + 4) {
      return 0;
    }
    return (ip[ihl] & 0xFF) << 24 | (ip[ihl + 1] & 0xFF) << 16 | (ip[ihl + 2] & 0xFF) << 8 | ip[ihl + 3] & 0xFF;
  }

  boolean available(InetAddress local) {
    return sockets.containsKey(local);
  }

  /** Sends one ESP packet from {@code local} to {@code peer}; false when no socket or the kernel refused. */
  boolean send(InetAddress local, byte[] a, int off, int len, byte[] peer) {
    RawIpSocket s = sockets.get(local);
    return s != null && s.send(a, off, len, peer);
  }

  @Override
  public void close() {
    sockets.values().forEach(RawIpSocket::close);
  }
}
