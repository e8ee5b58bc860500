package io.jlns.server;

import io.jlns.capture.Captures;
import io.jlns.capture.KeyTables;
import io.jlns.esp.EspSa;
import io.jlns.ike.ChildSa;
import io.jlns.ike.IkeResponder;
import io.jlns.ike.WiresharkKeys;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.List;

/** The packet path's side of {@code monitor capture}: each hook returns at once while no capture is active. */
final class Capturing {
  private Capturing() {}

  /**
   * A datagram received on ({@code inbound}) or about to be sent from one of the IKE ({@code natT}
   * false) or NAT-T sockets; an ISAKMP message's SA gives the captures its phase 1 key (from Main
   * Mode message 4 on), so the export has it even after the SA is gone.
   */
  static void udp(Captures c, IkeResponder ike, boolean natT, InetSocketAddress local, InetSocketAddress remote, ByteBuf content,
      boolean inbound) {
    if (!c.on()) {
      return;
    }
    byte[] b = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), b);
    c.udp(inbound, local, remote, b, 0, b.length);
    // On 4500 an ISAKMP message follows RFC 3948's four-byte non-ESP marker; ESP and keepalives have none.
    int at = !natT ? 0 : b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 ? 4 : -1;
    if (at >= 0 && b.length >= at + 28) {
      long icookie = java.nio.ByteBuffer.wrap(b, at, 8).getLong();
      long rcookie = java.nio.ByteBuffer.wrap(b, at + 8, 8).getLong();
      if (rcookie != 0) {
        c.ikeSa(icookie, () -> WiresharkKeys.key(ike, icookie, rcookie));
      }
    }
  }

  /** A whole IPv4 packet of plain ESP (protocol 50, no NAT) from a raw socket, on that socket's thread. */
  static void plainEsp(Captures c, byte[] ip) {
    if (c.on()) {
      c.ipReceived(ip);
    }
  }

  /** An inbound ESP packet found its SA: the captures that took it learn its keys once. */
  static void sawSa(Captures c, int spi, ChildSa child) {
    if (c.on()) {
      c.sa(spi, () -> keys(child));
    }
  }

  /** An ESP packet {@code a[off..off+len)} of {@code sa}, sealed and about to go out. */
  static void sent(Captures c, EspSa sa, byte[] a, int off, int len) {
    if (!c.on()) {
      return;
    }
    ChildSa child = (ChildSa) sa.owner;
    if (child.suite().udpEncapsulated()) {
      c.udp(false, child.local(), sa.peer(), a, off, len);
    } else {
      c.espSent(child.local().getAddress(), sa.peerAddressBytes(), a, off, len);
    }
    c.sa(child.inboundSpi(), () -> keys(child));
  }

  /** Both directions of an ESP SA pair as Wireshark's esp_sa table wants them. */
  static List<KeyTables.EspKey> keys(ChildSa c) {
    String peer = c.peer().getAddress().getHostAddress();
    String local = c.local().getAddress().getHostAddress();
    var s = c.suite();
    return List.of(new KeyTables.EspKey(peer, local, c.inboundSpi(), s.cipher(), c.encIn(), s.integrity(), c.authIn()),
        new KeyTables.EspKey(local, peer, c.outboundSpi(), s.cipher(), c.encOut(), s.integrity(), c.authOut()));
  }
}
