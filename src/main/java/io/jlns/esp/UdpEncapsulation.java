package io.jlns.esp;

/** What arrives on UDP 4500 (RFC 3948 section 2): NAT keepalives, IKE after a non-ESP marker, or ESP. */
public final class UdpEncapsulation {
  /** The kinds of datagram on the NAT-T port. */
  public enum Kind {
    KEEPALIVE,
    IKE,
    ESP,
    MALFORMED
  }

  public static final int NON_ESP_MARKER_LENGTH = 4;

  private UdpEncapsulation() {}

  public static Kind classify(byte[] b, int off, int len) {
    if (len == 1 && (b[off] & 0xFF) == 0xFF) {
      return Kind.KEEPALIVE;
    }
    if (len >= 4 && b[off] == 0 && b[off + 1] == 0 && b[off + 2] == 0 && b[off + 3] == 0) {
      return len > 4 ? Kind.IKE : Kind.MALFORMED;
    }
    // RFC 3948 section 2.2: an ESP header (SPI, sequence) and at least a minimal payload.
    return len >= 8 + 4 ? Kind.ESP : Kind.MALFORMED;
  }
}
