package io.jlns.l2tp.message;

/** Control message types (RFC 2661 section 3.2). Unknown numbers survive decoding as {@link #UNKNOWN}. */
public enum MessageType {
  SCCRQ(1), SCCRP(2), SCCCN(3), STOPCCN(4), HELLO(6), OCRQ(7), OCRP(8), OCCN(9), ICRQ(10), ICRP(11), ICCN(12),
  CDN(14), WEN(15), SLI(16), UNKNOWN(-1);

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static MessageType of(int code) {
    for (MessageType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return UNKNOWN;
  }

  /** Messages about the tunnel as a whole; the others concern one session (section 4.1, M bit). */
  public boolean tunnelLevel() {
    return this == SCCRQ || this == SCCRP || this == SCCCN || this == STOPCCN || this == HELLO;
  }
}
