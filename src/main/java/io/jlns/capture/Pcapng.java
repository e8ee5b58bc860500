package io.jlns.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pcapng file format (draft-ietf-opsawg-pcapng): a Section Header Block, one Interface
 * Description Block of link type LINKTYPE_IPV4 (228, raw IPv4 packets) with microsecond
 * timestamps, and an Enhanced Packet Block per frame carrying its direction in {@code epb_flags}
 * (inbound 1, outbound 2), so Wireshark shows which way each packet went. Little-endian.
 */
public final class Pcapng {
  static final int LINKTYPE_IPV4 = 228;

  private Pcapng() {}

  public static byte[] write(String interfaceName, String comment, List<Frame> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Section Header Block: magic, byte-order magic, version 1.0, section length unknown (-1).
    byte[] shbOpts = options(1, comment);
    ByteBuffer shb = block(0x0A0D0D0A, 16, shbOpts);
    shb.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
    out.writeBytes(finish(shb, shbOpts));
    // Interface Description Block: link type, reserved, snaplen 0 (no limit); if_name option.
    byte[] idbOpts = options(2, interfaceName);
    ByteBuffer idb = block(1, 8, idbOpts);
    idb.putShort((short) LINKTYPE_IPV4).putShort((short) 0).putInt(0);
    out.writeBytes(finish(idb, idbOpts));
    for (Frame f : frames) {
      byte[] flags = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2).putShort((short) 4)
          .putInt(f.inbound() ? 1 : 2).putInt(0).array(); // epb_flags, then opt_endofopt
      int padded = (f.ip().length + 3) & ~3;
      ByteBuffer epb = block(6, 20 + padded, flags);
      epb.putInt(0).putInt((int) (f.micros() >>> 32)).putInt((int) f.micros()).putInt(f.ip().length).putInt(f.ip().length);
      epb.put(f.ip()).put(new byte[padded - f.ip().length]);
      out.writeBytes(finish(epb, flags));
    }
    return out.toByteArray();
  }

  /** A block of {@code type} with {@code body} bytes of fixed fields, then the options, then the trailing length. */
  private static ByteBuffer block(int type, int body, byte[] opts) {
    int total = 12 + body + opts.length;
    return ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(total);
  }

  private static byte[] finish(ByteBuffer b, byte[] opts) {
    b.put(opts).putInt(b.capacity());
    return b.array();
  }

  /** One text option of {@code code} and opt_endofopt; nothing for an empty text. */
  private static byte[] options(int code, String text) {
    if (text == null || text.isEmpty()) {
      return new byte[0];
    }
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    int padded = (t.length + 3) & ~3;
    return ByteBuffer.allocate(4 + padded + 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) code).putShort((short) t.length)
        .put(t).put(new byte[padded - t.length]).putInt(0).array();
  }
}
