package io.jlns.l2tp;

import io.netty.buffer.ByteBuf;

/** The PPP side of an L2TP session: frames in, and notice of the session's end. */
public interface PppLink {
  /** A PPP frame from the client (address/control bytes, if any, still in front). Not retained. */
  void onFrame(ByteBuf frame);

  /** The session is gone (CDN, StopCCN, tunnel loss): release what it holds. */
  void onSessionClosed(String reason);

  /** What the L2TP session offers the PPP session. */
  interface Carrier {
    /** Sends a PPP frame (protocol field first; the session adds FF 03). Takes ownership. */
    void sendFrame(ByteBuf frame);

    /** Ends the session from the PPP side (authentication failure, LCP terminate). */
    void disconnect(String reason);

    /**
     * The client stopped answering (PPP keepalive): the session ends, and with its tunnel's last
     * session the tunnel, at once, without waiting for acknowledgements that will not come.
     */
    default void peerGone(String reason) {
      disconnect(reason);
    }

    /** Tunnel and session ids and the client, for logs and {@code show}. */
    String describe();
  }

  /** Creates the PPP side when a session is established (ICCN). */
  interface Factory {
    PppLink open(SessionInfo session, Carrier carrier);
  }
}
