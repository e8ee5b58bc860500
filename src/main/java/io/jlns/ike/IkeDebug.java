package io.jlns.ike;

import io.jlns.debug.Debug;
import io.jlns.debug.Debug.Category;
import io.jlns.ike.message.Header;
import java.net.InetSocketAddress;

/**
 * {@code debug crypto isakmp} and {@code debug crypto ipsec} lines, in IOS's form
 * ({@code ISAKMP:(1002): ...}, {@code IPSEC: ...}). Call sites ask {@link #on} first, so nothing
 * is formatted while debugging is off or the client is not the one a condition names.
 */
final class IkeDebug {
  private IkeDebug() {}

  static boolean on(InetSocketAddress peer) {
    return Debug.on(Category.CRYPTO_ISAKMP, peer == null ? null : peer.getAddress(), null);
  }

  static boolean ipsec(InetSocketAddress peer) {
    return Debug.on(Category.CRYPTO_IPSEC, peer == null ? null : peer.getAddress(), null);
  }

  /** An ISAKMP line about the SA of conn-id {@code connId} (0 before it has one). */
  static void say(int connId, String text) {
    Debug.print("ISAKMP:(" + connId + "):" + text);
  }

  static void ipsecSay(String text) {
    Debug.print("IPSEC: " + text);
  }

  static void state(IkeSa sa, String from, String to) {
    say(sa.connId, "Old State = " + from + "  New State = " + to);
  }

  static String exchange(int type) {
    return switch (type) {
      case Header.MAIN_MODE -> "Main Mode";
      case Header.AGGRESSIVE -> "Aggressive Mode";
      case Header.QUICK_MODE -> "Quick Mode";
      case Header.INFORMATIONAL -> "Informational";
      default -> "exchange " + type;
    };
  }

  /** The first line of every datagram IKE takes. */
  static void received(InetSocketAddress local, InetSocketAddress remote, Header hd, int length) {
    Debug.print("ISAKMP (0): received packet from " + remote.getAddress().getHostAddress() + " dport " + local.getPort()
        + " sport " + remote.getPort() + " Global (R) " + exchange(hd.exchange()) + ", i_cookie "
        + Long.toHexString(hd.initiatorCookie()) + ", r_cookie " + Long.toHexString(hd.responderCookie()) + ", msgid 0x"
        + Integer.toHexString(hd.messageId()) + (hd.encrypted() ? ", encrypted" : "") + ", " + length + " bytes");
  }

  static void sending(IkeSa sa, String what) {
    say(sa.connId, " sending packet to " + sa.peer.getAddress().getHostAddress() + " my_port " + sa.local.getPort()
        + " peer_port " + sa.peer.getPort() + (sa.initiator ? " (I) " : " (R) ") + what);
  }
}
