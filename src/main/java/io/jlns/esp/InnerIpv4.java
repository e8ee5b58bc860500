package io.jlns.esp;

import io.jlns.ip.InternetChecksum;

/** The inner IPv4 header of a tunnel-mode ESP packet (RFC 4303 section 3.1.2, RFC 791). */
public final class InnerIpv4 {
  public static final int PROTOCOL = 4;

  private InnerIpv4() {}

  /** Writes a 20-byte header for a UDP datagram of {@code totalLength} bytes with this header, checksum included. */
  public static void writeHeader(byte[] b, int off, int totalLength, byte[] src, byte[] dst) {
    b[off] = 0x45;
    b[off + 1] = 0;
    b[off + 2] = (byte) (totalLength >>> 8);
    b[off + 3] = (byte) totalLength;
    b[off + 4] = 0;
    b[off + 5] = 0;
    b[off + 6] = 0x40; // DF: the outer packet carries fragmentation, not this one
    b[off + 7] = 0;
    b[off + 8] = 64;
    b[off + 9] = (byte) InnerUdp.PROTOCOL;
    b[off + 10] = 0;
    b[off + 11] = 0;
    System.arraycopy(src, 0, b, off + 12, 4);
    System.arraycopy(dst, 0, b, off + 16, 4);
    int c = InternetChecksum.of(b, off, 20);
    b[off + 10] = (byte) (c >>> 8);
    b[off + 11] = (byte) c;
  }
}
