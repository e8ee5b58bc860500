package io.jlns.ip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The few IPv4 (RFC 791) and ICMP (RFC 792) facts the userspace router needs. */
record Ipv4Packet(int headerLength, int totalLength, int protocol, int source, int destination) {
  static final int ICMP = 1;

  /** Parses the header at the reader index; null if it is not a sound IPv4 header. */
  static Ipv4Packet parse(ByteBuf b) {
    int s = b.readerIndex();
    if (b.readableBytes() < 20 || (b.getUnsignedByte(s) >> 4) != 4) {
      return null;
    }
    int ihl = (b.getUnsignedByte(s) & 0x0f) * 4;
    int total = b.getUnsignedShort(s + 2);
    if (ihl < 20 || total < ihl || total > b.readableBytes() || checksum(b, s, ihl) != 0) {
      return null;
    }
    return new Ipv4Packet(ihl, total, b.getUnsignedByte(s + 9), b.getInt(s + 12), b.getInt(s + 16));
  }

  /** An ICMP echo reply to an echo request (RFC 792), or null if this is not one. */
  ByteBuf echoReply(ByteBuf in, ByteBufAllocator alloc) {
    int s = in.readerIndex();
    if (protocol != ICMP || totalLength - headerLength < 8 || in.getUnsignedByte(s + headerLength) != 8) {
      return null;
    }
    ByteBuf out = alloc.buffer(totalLength);
    out.writeBytes(in, s, totalLength);
    out.setByte(8, 64); // TTL
    out.setInt(12, destination);
    out.setInt(16, source);
    out.setShort(10, 0);
    out.setShort(10, checksum(out, 0, headerLength));
    out.setByte(headerLength, 0); // type 0: echo reply
    out.setShort(headerLength + 2, 0);
    out.setShort(headerLength + 2, checksum(out, headerLength, totalLength - headerLength));
    return out;
  }

  /**
   * ICMP Destination Unreachable, Fragmentation Needed and DF Set (RFC 792, with the next-hop
   * MTU of RFC 1191), from {@code from} to this packet's source, quoting its header and first
   * 8 bytes; null when none is due: DF clear, a later fragment, or itself an ICMP error (RFC 1812
   * section 4.3.2.7: no error about an error).
   */
  ByteBuf fragmentationNeeded(ByteBuf in, int from, int mtu, ByteBufAllocator alloc) {
    int s = in.readerIndex();
    int frag = in.getUnsignedShort(s + 6);
    if ((frag & 0x4000) == 0 || (frag & 0x1fff) != 0) {
      return null;
    }
    if (protocol == ICMP && totalLength - headerLength >= 1) {
      int type = in.getUnsignedByte(s + headerLength);
      if (type != 0 && type != 8) {
        return null;
      }
    }
    int quoted = Math.min(totalLength, headerLength + 8);
    ByteBuf out = alloc.buffer(28 + quoted);
    out.writeByte(0x45).writeByte(0).writeShort(28 + quoted).writeShort(0).writeShort(0x4000).writeByte(64).writeByte(ICMP)
        .writeShort(0).writeInt(from).writeInt(source);
    out.setShort(10, checksum(out, 0, 20));
    out.writeByte(3).writeByte(4).writeShort(0).writeShort(0).writeShort(mtu);
    out.writeBytes(in, s, quoted);
    out.setShort(22, checksum(out, 20, 8 + quoted));
    return out;
  }

  /** A copy with the TTL decremented and the header checksum updated, or null when the TTL runs out. */
  ByteBuf forwarded(ByteBuf in, ByteBufAllocator alloc) {
    int s = in.readerIndex();
    int ttl = in.getUnsignedByte(s + 8);
    if (ttl <= 1) {
      return null;
    }
    ByteBuf out = alloc.buffer(totalLength);
    out.writeBytes(in, s, totalLength);
    out.setByte(8, ttl - 1);
    out.setShort(10, 0);
    out.setShort(10, checksum(out, 0, headerLength));
    return out;
  }

  /** The Internet checksum (RFC 1071) of {@code len} bytes at {@code off}. */
  static int checksum(ByteBuf b, int off, int len) {
    return ~InternetChecksum.fold(InternetChecksum.add(0, b, off, len)) & 0xFFFF;
  }
}
