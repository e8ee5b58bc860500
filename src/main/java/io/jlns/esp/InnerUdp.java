package io.jlns.esp;

import io.jlns.ip.InternetChecksum;

/**
 * The UDP datagram inside a transport-mode ESP packet. Behind a NAT its checksum covers the
 * client's private address, so it is checked against the original addresses from NAT-OA (RFC
 * 3948 section 3.1.2), or skipped by configuration ({@code vpdn ip udp ignore checksum}).
 */
public final class InnerUdp {
  public static final int HEADER = 8;
  public static final int PROTOCOL = 17;

  private InnerUdp() {}

  public static int sourcePort(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | b[off + 1] & 0xFF;
  }

  public static int destinationPort(byte[] b, int off) {
    return (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
  }

  public static int length(byte[] b, int off) {
    return (b[off + 4] & 0xFF) << 8 | b[off + 5] & 0xFF;
  }

  /** True when the checksum is absent (0) or right for these addresses (RFC 768 pseudo-header). */
  public static boolean checksumOk(byte[] b, int off, int len, byte[] src, byte[] dst) {
    if (b[off + 6] == 0 && b[off + 7] == 0) {
      return true;
    }
    long pseudo = word(src, 0) + word(src, 2) + word(dst, 0) + word(dst, 2) + PROTOCOL + len;
    return InternetChecksum.fold(InternetChecksum.add(pseudo, b, off, len)) == 0xFFFF;
  }

  /**
   * Writes a UDP header with checksum 0 ("not computed", RFC 768): after NAT the peer cannot
   * check one against addresses it does not know, and ESP's ICV protects the datagram.
   */
  public static void writeHeader(byte[] b, int off, int srcPort, int dstPort, int payloadLength) {
    int len = HEADER + payloadLength;
    b[off] = (byte) (srcPort >>> 8);
    b[off + 1] = (byte) srcPort;
    b[off + 2] = (byte) (dstPort >>> 8);
    b[off + 3] = (byte) dstPort;
    b[off + 4] = (byte) (len >>> 8);
    b[off + 5] = (byte) len;
    b[off + 6] = 0;
    b[off + 7] = 0;
  }

  /**
   * Fills in the checksum of the datagram {@code b[off..off+len)} (RFC 768) for these addresses,
   * as a client does with its own address and the server's (RFC 3948 section 3.1.2 lets the
   * receiver check it against NAT-OA).
   */
  public static void writeChecksum(byte[] b, int off, int len, byte[] src, byte[] dst) {
    b[off + 6] = 0;
    b[off + 7] = 0;
    long pseudo = word(src, 0) + word(src, 2) + word(dst, 0) + word(dst, 2) + PROTOCOL + len;
    int sum = ~InternetChecksum.fold(InternetChecksum.add(pseudo, b, off, len)) & 0xFFFF;
    // RFC 768: a computed zero is sent as all ones (zero means "no checksum").
    sum = sum == 0 ? 0xFFFF : sum;
    b[off + 6] = (byte) (sum >>> 8);
    b[off + 7] = (byte) sum;
  }

  private static int word(byte[] a, int i) {
    return (a[i] & 0xFF) << 8 | a[i + 1] & 0xFF;
  }
}
