package io.jlns.esp;

/** The Internet checksum's one's-complement sum (RFC 1071) over byte arrays, for the inner IPv4 and UDP headers. */
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

  /** The sum folded to 16 bits (end-around carry). */
  public static int fold(long sum) {
    while (sum >>> 16 != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) sum;
  }
}
