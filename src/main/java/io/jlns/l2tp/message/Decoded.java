package io.jlns.l2tp.message;

/** What the L2TP header says a datagram is: a control message, a data message, or garbage and why. */
public sealed interface Decoded {
  /** A control message. */
  record Control(ControlMessage message) implements Decoded {}

  /**
   * A data message; the PPP frame is {@code offset..offset+length} of the datagram.
   *
   * @param ns the sequence number, or -1 when the S bit is clear
   */
  record Data(int tunnelId, int sessionId, int ns, int nr, int offset, int length) implements Decoded {}

  /** A datagram that is not valid L2TP, with the reason, to count and log. */
  record Malformed(String reason) implements Decoded {}
}
