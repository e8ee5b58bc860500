package io.jlns.l2tp;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A scripted LAC: builds control messages with its own Ns/Nr and reads what the LNS sent. */
final class FakeLac {
  final InetSocketAddress address;
  final int tunnelId;
  int lnsTunnelId;
  int ns;
  int nr;
  byte[] secret;

  FakeLac(String ip, int port, int tunnelId) {
    this.address = new InetSocketAddress(ip, port);
    this.tunnelId = tunnelId;
  }

  static Avp type(MessageType t) {
    return Avp.u16(AvpType.MESSAGE_TYPE, t.code());
  }

  ByteBuf message(int session, Avp... avps) {
    ByteBuf b = Unpooled.buffer();
    L2tpCodec.encode(new ControlMessage(lnsTunnelId, session, ns, nr, List.of(avps)), b, secret, new SplittableRandom(1));
    ns = (ns + 1) & 0xffff;
    return b;
  }

  ByteBuf sccrq(Avp... extra) {
    List<Avp> a = new ArrayList<>(List.of(type(MessageType.SCCRQ), Avp.u16(AvpType.PROTOCOL_VERSION, 0x0100),
        Avp.text(AvpType.HOST_NAME, "lac-" + tunnelId), Avp.u32(AvpType.FRAMING_CAPABILITIES, 3),
        Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, tunnelId), Avp.u16(AvpType.RECEIVE_WINDOW_SIZE, 4)));
    a.addAll(List.of(extra));
    return message(0, a.toArray(Avp[]::new));
  }

  ByteBuf zlb() {
    ByteBuf b = Unpooled.buffer();
    L2tpCodec.encode(new ControlMessage(lnsTunnelId, 0, ns, nr, List.of()), b, null, new SplittableRandom(1));
    return b;
  }

  ByteBuf data(int lnsSession, byte[] ppp) {
    ByteBuf b = Unpooled.buffer();
    L2tpCodec.encodeDataHeader(b, lnsTunnelId, lnsSession, -1, -1, ppp.length);
    b.writeBytes(ppp);
    return b;
  }

  /** Takes in a control message from the LNS, advancing Nr as a LAC would. */
  ControlMessage read(ByteBuf datagram) {
    Decoded d = L2tpCodec.decode(datagram.duplicate(), secret);
    if (!(d instanceof Decoded.Control c)) {
      throw new AssertionError("not a control message: " + d);
    }
    ControlMessage m = c.message();
    if (!m.zlb() && m.ns() == nr) {
      nr = (nr + 1) & 0xffff;
    }
    if (m.type() == MessageType.SCCRP) {
      lnsTunnelId = m.u16(AvpType.ASSIGNED_TUNNEL_ID);
    }
    return m;
  }
}
