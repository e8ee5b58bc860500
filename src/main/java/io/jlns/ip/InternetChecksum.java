package io.jlns.ip;

import io.netty.buffer.ByteBuf;

/**
 * The Internet checksum (RFC 1071): the one's-complement sum of 16-bit words, over byte arrays or
 * buffers. The project's one implementation: the inner IPv4 and UDP headers of ESP, the userspace
 * router's packets, the load generator's echoes and the capture's synthetic headers.
 */
public final class InternetChecksum {
  private InternetChecksum() {}

  /** Adds the 16-bit words of {@code b[off..off+len)} to {@code sum} (an odd last byte padded with zero). */
  public static long add(long sum, byte[] b, int off, int len) {
    for (int i = 0; i + 1 < len; i += 2) {
      sum += (b[off + i] & 0xFF) << 8 | b[off + i + 1] & 0xFF;
    }
    if ((len & 1) != 0) {
      sum += (b[off + len - 1] & 0xFF) << 8;
    }
    return sum;
  }

  /** As {@link #add(long, byte[], int, int)}, over {@code b}'s bytes at absolute offsets. */
  public static long add(long sum, ByteBuf b, int off, int len) {
    int i = 0;
    for (; i + 1 < len; i += 2) {
      sum += b.getUnsignedShort(off + i);
    }
    if (i < len) {
      sum += b.getUnsignedByte(off + i) << 8;
    }
    return sum;
  }

  /** The checksum field's value: the one's complement of the folded sum of {@code len} bytes at {@code off}. */
  public static int of(byte[] b, int off, int len) {
    return ~fold(add(0, b, off, len)) & 0xFFFF;
  }

  /** The sum folded to 16 bits (end-around carry). */
  public static int fold(long sum) {
    while (sum >>> 16 != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) sum;
  }
}
