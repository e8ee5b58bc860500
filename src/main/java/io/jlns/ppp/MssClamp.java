package io.jlns.ppp;

import io.netty.buffer.ByteBuf;

/**
 * {@code ip tcp adjust-mss N}: a TCP SYN (or SYN-ACK) in an IPv4 packet whose MSS option
 * (RFC 9293 section 3.7.1) is above N gets N, and the TCP checksum is adjusted for the change
 * (RFC 1624), so neither end sends segments that do not fit the tunnel once ESP, UDP and L2TP are
 * around them: the "pages that hang" of L2TP/IPsec. In place, no allocation; anything that is not
 * a well-formed first fragment of a TCP SYN is left as it is.
 */
public final class MssClamp {
  private MssClamp() {}

  /** Clamps the packet between {@code readerIndex} and {@code writerIndex}; true when it was changed. */
  public static boolean clamp(ByteBuf b, int mss) {
    int ip = b.readerIndex();
    int len = b.readableBytes();
    if (mss <= 0 || len < 40 || b.isReadOnly() || (b.getUnsignedByte(ip) >>> 4) != 4 || b.getUnsignedByte(ip + 9) != 6
        || (b.getUnsignedShort(ip + 6) & 0x1fff) != 0) {
      return false;
    }
    int ihl = (b.getUnsignedByte(ip) & 0x0f) * 4;
    int total = Math.min(len, b.getUnsignedShort(ip + 2));
    int tcp = ip + ihl;
    if (ihl < 20 || ihl + 20 > total || (b.getUnsignedByte(tcp + 13) & 0x02) == 0) {
      return false;
    }
    int dataOffset = (b.getUnsignedByte(tcp + 12) >>> 4) * 4;
    int end = tcp + Math.min(dataOffset, total - ihl);
    int o = tcp + 20;
    while (o < end) {
      int kind = b.getUnsignedByte(o);
      if (kind == 0) {
        return false;
      }
      if (kind == 1) {
        o++;
        continue;
      }
      if (o + 1 >= end) {
        return false;
      }
      int optLen = b.getUnsignedByte(o + 1);
      if (optLen < 2 || o + optLen > end) {
        return false;
      }
      if (kind == 2 && optLen == 4) {
        int old = b.getUnsignedShort(o + 2);
        if (old <= mss) {
          return false;
        }
        b.setShort(o + 2, mss);
        // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), in ones' complement.
        int sum = (~b.getUnsignedShort(tcp + 16) & 0xffff) + (~old & 0xffff) + mss;
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        b.setShort(tcp + 16, ~sum & 0xffff);
        return true;
      }
      o += optLen;
    }
    return false;
  }
}
