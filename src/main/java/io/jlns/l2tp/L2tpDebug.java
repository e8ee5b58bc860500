package io.jlns.l2tp;

import io.jlns.debug.Debug;
import io.jlns.debug.Debug.Category;
import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import java.net.InetSocketAddress;

/**
 * {@code debug vpdn l2x-packets} (each control message and its AVPs), {@code l2x-events} (tunnel
 * and session state changes) and {@code l2x-errors} (what is dropped and why). Challenge,
 * response and random-vector values are never printed, only their lengths.
 */
final class L2tpDebug {
  private L2tpDebug() {}

  static boolean on(Category c, InetSocketAddress peer) {
    return Debug.on(c, peer == null ? null : peer.getAddress(), null);
  }

  static void event(InetSocketAddress peer, String text) {
    if (on(Category.VPDN_EVENTS, peer)) {
      Debug.print(text);
    }
  }

  static void error(InetSocketAddress peer, String text) {
    if (on(Category.VPDN_ERRORS, peer)) {
      Debug.print("L2TP: error: " + text);
    }
  }

  static void packet(boolean in, InetSocketAddress peer, ControlMessage m) {
    if (!on(Category.VPDN_PACKETS, peer)) {
      return;
    }
    StringBuilder b = new StringBuilder("Tnl ").append(m.tunnelId()).append(" L2TP: ").append(in ? "I " : "O ")
        .append(m.zlb() ? "ZLB ctrl ack" : m.type()).append(in ? " from " : " to ").append(peer.getAddress().getHostAddress())
        .append(':').append(peer.getPort()).append(", session ").append(m.sessionId()).append(", ns ").append(m.ns())
        .append(" nr ").append(m.nr());
    Debug.print(b.toString());
    for (Avp a : m.avps()) {
      if (a.type() == AvpType.MESSAGE_TYPE && a.vendorId() == 0) {
        continue;
      }
      Debug.print("Tnl " + m.tunnelId() + " L2TP:    " + avp(a));
    }
  }

  private static String avp(Avp a) {
    String flags = (a.mandatory() ? "M" : "") + (a.hidden() ? "H" : "");
    String head = (a.vendorId() != 0 ? "vendor " + a.vendorId() + " " : "") + name(a) + (flags.isEmpty() ? "" : " (" + flags + ")")
        + ", len " + a.value().length;
    if (a.vendorId() != 0) {
      return head;
    }
    byte[] v = a.value();
    return switch (a.type()) {
      case AvpType.HOST_NAME, AvpType.VENDOR_NAME, AvpType.CALLED_NUMBER, AvpType.CALLING_NUMBER, AvpType.SUB_ADDRESS,
          AvpType.PRIVATE_GROUP_ID -> head + ": \"" + text(v) + "\"";
      case AvpType.ASSIGNED_TUNNEL_ID, AvpType.ASSIGNED_SESSION_ID, AvpType.RECEIVE_WINDOW_SIZE, AvpType.FIRMWARE_REVISION,
          AvpType.CALL_SERIAL_NUMBER, AvpType.TX_CONNECT_SPEED, AvpType.RX_CONNECT_SPEED, AvpType.FRAMING_CAPABILITIES,
          AvpType.BEARER_CAPABILITIES, AvpType.FRAMING_TYPE, AvpType.BEARER_TYPE, AvpType.PHYSICAL_CHANNEL_ID -> head + ": "
          + number(v);
      case AvpType.PROTOCOL_VERSION -> head + (v.length == 2 ? ": " + v[0] + "." + v[1] : "");
      case AvpType.RESULT_CODE -> head + (v.length >= 2 ? ": result " + ((v[0] & 0xff) << 8 | v[1] & 0xff) : "")
          + (v.length >= 4 ? " error " + ((v[2] & 0xff) << 8 | v[3] & 0xff) : "")
          + (v.length > 4 ? " \"" + text(java.util.Arrays.copyOfRange(v, 4, v.length)) + "\"" : "");
      default -> head;
    };
  }

  private static String name(Avp a) {
    return switch (a.type()) {
      case AvpType.RESULT_CODE -> "Result Code";
      case AvpType.PROTOCOL_VERSION -> "Protocol Version";
      case AvpType.FRAMING_CAPABILITIES -> "Framing Capabilities";
      case AvpType.BEARER_CAPABILITIES -> "Bearer Capabilities";
      case AvpType.TIE_BREAKER -> "Tie Breaker";
      case AvpType.FIRMWARE_REVISION -> "Firmware Revision";
      case AvpType.HOST_NAME -> "Host Name";
      case AvpType.VENDOR_NAME -> "Vendor Name";
      case AvpType.ASSIGNED_TUNNEL_ID -> "Assigned Tunnel ID";
      case AvpType.RECEIVE_WINDOW_SIZE -> "Receive Window Size";
      case AvpType.CHALLENGE -> "Challenge";
      case AvpType.CHALLENGE_RESPONSE -> "Challenge Response";
      case AvpType.ASSIGNED_SESSION_ID -> "Assigned Session ID";
      case AvpType.CALL_SERIAL_NUMBER -> "Call Serial Number";
      case AvpType.BEARER_TYPE -> "Bearer Type";
      case AvpType.FRAMING_TYPE -> "Framing Type";
      case AvpType.CALLED_NUMBER -> "Called Number";
      case AvpType.CALLING_NUMBER -> "Calling Number";
      case AvpType.TX_CONNECT_SPEED -> "Tx Connect Speed";
      case AvpType.RX_CONNECT_SPEED -> "Rx Connect Speed";
      case AvpType.RANDOM_VECTOR -> "Random Vector";
      case AvpType.PHYSICAL_CHANNEL_ID -> "Physical Channel ID";
      case AvpType.SEQUENCING_REQUIRED -> "Sequencing Required";
      default -> "AVP " + a.type();
    };
  }

  private static long number(byte[] v) {
    return Debug.number(v);
  }

  private static String text(byte[] v) {
    return Debug.printable(v, 0, v.length);
  }
}
