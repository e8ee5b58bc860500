package io.jlns.ppp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** An LCP/NCP/authentication packet (RFC 1661 section 5): code, identifier, data. */
public record ControlPacket(int code, int id, byte[] data) {
  public static final int CONFIGURE_REQUEST = 1;
  public static final int CONFIGURE_ACK = 2;
  public static final int CONFIGURE_NAK = 3;
  public static final int CONFIGURE_REJECT = 4;
  public static final int TERMINATE_REQUEST = 5;
  public static final int TERMINATE_ACK = 6;
  public static final int CODE_REJECT = 7;
  public static final int PROTOCOL_REJECT = 8;
  public static final int ECHO_REQUEST = 9;
  public static final int ECHO_REPLY = 10;
  public static final int DISCARD_REQUEST = 11;

  /** Parses the packet at the buffer's reader index; null when its Length is wrong (discard it). */
  public static ControlPacket parse(ByteBuf b) {
    if (b.readableBytes() < 4) {
      return null;
    }
    int start = b.readerIndex();
    int len = b.getUnsignedShort(start + 2);
    if (len < 4 || len > b.readableBytes()) {
      return null;
    }
    byte[] data = new byte[len - 4];
    b.getBytes(start + 4, data);
    // Section 5: octets beyond Length are padding and are ignored.
    return new ControlPacket(b.getUnsignedByte(start), b.getUnsignedByte(start + 1), data);
  }

  /** Writes protocol field and packet into {@code out}. */
  public void write(int protocol, ByteBuf out) {
    out.writeShort(protocol);
    out.writeByte(code);
    out.writeByte(id);
    out.writeShort(data.length + 4);
    out.writeBytes(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ControlPacket p && p.code == code && p.id == id && Arrays.equals(p.data, data);
  }

  @Override
  public int hashCode() {
    return (code * 31 + id) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ControlPacket[code=" + code + ", id=" + id + ", " + java.util.HexFormat.of().formatHex(data) + "]";
  }
}
