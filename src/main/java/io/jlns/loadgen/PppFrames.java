package io.jlns.loadgen;

import io.jlns.ppp.ControlPacket;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** PPP frames in HDLC-like framing as L2TP carries them (RFC 1662 section 3, RFC 2661 section 5.4). */
final class PppFrames {
  private PppFrames() {}

  /**
   * The protocol of a frame and how many bytes precede its information field, packed as
   * {@code protocol << 8 | headerLength}: address/control (0xFF 0x03, which ACFC may omit) and
   * the protocol (one byte under PFC; RFC 1661 sections 6.5-6.6). -1 when the frame is too short.
   */
  static int header(byte[] b, int off, int len) {
    int i = 0;
    if (len >= 2 && (b[off] & 0xFF) == 0xFF && (b[off + 1] & 0xFF) == 0x03) {
      i = 2;
    }
    if (i >= len) {
      return -1;
    }
    if ((b[off + i] & 1) != 0) {
      return (b[off + i] & 0xFF) << 8 | i + 1;
    }
    return i + 2 <= len ? ((b[off + i] & 0xFF) << 8 | b[off + i + 1] & 0xFF) << 8 | i + 2 : -1;
  }

  /** A frame with address, control and a two-byte protocol (always accepted, section 6.5). */
  static byte[] frame(int protocol, byte[] packet, int off, int len) {
    byte[] f = new byte[4 + len];
    f[0] = (byte) 0xFF;
    f[1] = 0x03;
    f[2] = (byte) (protocol >>> 8);
    f[3] = (byte) protocol;
    System.arraycopy(packet, off, f, 4, len);
    return f;
  }

  static byte[] frame(int protocol, ControlPacket p) {
    byte[] f = new byte[8 + p.data().length];
    f[0] = (byte) 0xFF;
    f[1] = 0x03;
    p.write(protocol, Unpooled.wrappedBuffer(f).writerIndex(2));
    return f;
  }

  /** A Protocol-Reject's data (RFC 1661 section 5.7): the rejected protocol, then its packet. */
  static byte[] rejected(int protocol, ControlPacket p) {
    byte[] f = frame(protocol, p);
    return java.util.Arrays.copyOfRange(f, 2, f.length);
  }

  /** A magic number followed by text (LCP Identification, RFC 1570 section 2.3; Echo data). */
  static byte[] magicAnd(int magic, String text) {
    byte[] m = text.getBytes(StandardCharsets.US_ASCII);
    byte[] d = new byte[4 + m.length];
    d[0] = (byte) (magic >>> 24);
    d[1] = (byte) (magic >>> 16);
    d[2] = (byte) (magic >>> 8);
    d[3] = (byte) magic;
    System.arraycopy(m, 0, d, 4, m.length);
    return d;
  }
}
