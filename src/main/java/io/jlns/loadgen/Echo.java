package io.jlns.loadgen;

import io.jlns.ip.InternetChecksum;

/**
 * ICMP echo (RFC 792) in IPv4 (RFC 791), the traffic each client sends through its tunnel: the
 * request carries the time it was sent, so the reply gives the round trip without a table.
 */
final class Echo {
  static final int IP_HEADER = 20;
  static final int ICMP_HEADER = 8;
  /** The smallest packet: headers and the 8-byte send time. */
  static final int MIN_SIZE = IP_HEADER + ICMP_HEADER + 8;

  private Echo() {}

  /** An echo request of {@code size} bytes of IP packet from {@code src} to {@code dst}. */
  static byte[] request(byte[] src, byte[] dst, int id, int seq, int size, long nanos) {
    int n = Math.max(MIN_SIZE, size);
    byte[] p = new byte[n];
    p[0] = 0x45;
    p[2] = (byte) (n >>> 8);
    p[3] = (byte) n;
    p[4] = (byte) (seq >>> 8);
    p[5] = (byte) seq;
    p[8] = 64;
    p[9] = 1;
    System.arraycopy(src, 0, p, 12, 4);
    System.arraycopy(dst, 0, p, 16, 4);
    int c = checksum(p, 0, IP_HEADER);
    p[10] = (byte) (c >>> 8);
    p[11] = (byte) c;
    int i = IP_HEADER;
    p[i] = 8;
    p[i + 4] = (byte) (id >>> 8);
    p[i + 5] = (byte) id;
    p[i + 6] = (byte) (seq >>> 8);
    p[i + 7] = (byte) seq;
    for (int k = 0; k < 8; k++) {
      p[i + 8 + k] = (byte) (nanos >>> (56 - 8 * k));
    }
    for (int k = i + 16; k < n; k++) {
      p[k] = (byte) k;
    }
    c = checksum(p, i, n - i);
    p[i + 2] = (byte) (c >>> 8);
    p[i + 3] = (byte) c;
    return p;
  }

  /**
   * The send time of an echo reply to us with our identifier and a valid ICMP checksum, or 0
   * when the packet is anything else.
   */
  static long reply(byte[] b, int off, int len, byte[] us, int id) {
    if (len < MIN_SIZE || (b[off] & 0xF0) != 0x40 || b[off + 9] != 1) {
      return 0;
    }
    int ihl = (b[off] & 0x0F) * 4;
    int total = (b[off + 2] & 0xFF) << 8 | b[off + 3] & 0xFF;
    if (ihl < IP_HEADER || total > len || total < ihl + ICMP_HEADER + 8) {
      return 0;
    }
    for (int k = 0; k < 4; k++) {
      if (b[off + 16 + k] != us[k]) {
        return 0;
      }
    }
    int i = off + ihl;
    int rid = (b[i + 4] & 0xFF) << 8 | b[i + 5] & 0xFF;
    if (b[i] != 0 || rid != id || checksum(b, i, total - ihl) != 0) {
      return 0;
    }
    long t = 0;
    for (int k = 0; k < 8; k++) {
      t = t << 8 | b[i + 8 + k] & 0xFF;
    }
    return t == 0 ? 1 : t;
  }

  /** RFC 1071: the one's complement of the one's-complement sum (the project's one sum, ip.InternetChecksum). */
  static int checksum(byte[] b, int off, int len) {
    return InternetChecksum.of(b, off, len);
  }
}
