package io.jlns.l2tp.message;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The L2TPv2 header and AVP codec (RFC 2661 sections 3.1, 4.1 and 4.3). Decoding never throws on
 * bad input: it returns {@link Decoded.Malformed} with the reason.
 */
public final class L2tpCodec {
  static final int T = 0x80;
  static final int L = 0x40;
  static final int S = 0x08;
  static final int O = 0x02;
  static final int P = 0x01;
  static final int MANDATORY = 0x80;
  static final int HIDDEN = 0x40;
  /** Section 4.1: an AVP's Length is 10 bits. */
  static final int MAX_AVP = 1023;

  private L2tpCodec() {}

  /**
   * Decodes the header of {@code buf} (reader index to writer index), and for a control message
   * its AVPs, revealing hidden ones with {@code secret} (null when no tunnel secret is set).
   */
  public static Decoded decode(ByteBuf buf, byte[] secret) {
    int start = buf.readerIndex();
    int avail = buf.readableBytes();
    if (avail < 6) {
      return new Decoded.Malformed("datagram of " + avail + " bytes is shorter than an L2TP header");
    }
    int flags = buf.getUnsignedByte(start);
    int ver = buf.getUnsignedByte(start + 1) & 0x0f;
    if (ver != 2) {
      return new Decoded.Malformed("version " + ver + " (only L2TPv2, RFC 2661, is served)");
    }
    int pos = start + 2;
    int length = avail;
    if ((flags & L) != 0) {
      length = buf.getUnsignedShort(pos);
      pos += 2;
      if (length > avail || length < 6) {
        return new Decoded.Malformed("Length field " + length + " but datagram has " + avail + " bytes");
      }
    }
    int end = start + length;
    if (pos + 4 > end) {
      return new Decoded.Malformed("truncated header");
    }
    int tunnelId = buf.getUnsignedShort(pos);
    int sessionId = buf.getUnsignedShort(pos + 2);
    pos += 4;
    int ns = -1;
    int nr = -1;
    if ((flags & S) != 0) {
      if (pos + 4 > end) {
        return new Decoded.Malformed("truncated Ns/Nr");
      }
      ns = buf.getUnsignedShort(pos);
      nr = buf.getUnsignedShort(pos + 2);
      pos += 4;
    }
    if ((flags & T) != 0) {
      // Section 3.1: control messages MUST have L and S set, and O and P clear.
      if ((flags & (L | S)) != (L | S) || (flags & (O | P)) != 0) {
        return new Decoded.Malformed(String.format("control message with flags 0x%02x (L and S must be set, O and P clear)", flags));
      }
      return avps(buf, pos, end, secret, tunnelId, sessionId, ns, nr);
    }
    if ((flags & O) != 0) {
      if (pos + 2 > end) {
        return new Decoded.Malformed("truncated Offset Size");
      }
      int off = buf.getUnsignedShort(pos);
      pos += 2 + off;
      if (pos > end) {
        return new Decoded.Malformed("Offset Size " + off + " beyond the end of the datagram");
      }
    }
    return new Decoded.Data(tunnelId, sessionId, ns, nr, pos - start, end - pos);
  }

  private static Decoded avps(ByteBuf buf, int pos, int end, byte[] secret, int tid, int sid, int ns, int nr) {
    List<Avp> avps = new ArrayList<>();
    byte[] randomVector = null;
    while (pos < end) {
      if (pos + 6 > end) {
        return new Decoded.Malformed("truncated AVP header at offset " + pos);
      }
      int b0 = buf.getUnsignedByte(pos);
      int len = buf.getUnsignedShort(pos) & 0x03ff;
      if (len < 6 || pos + len > end) {
        return new Decoded.Malformed("AVP length " + len + " at offset " + pos + " overruns the message");
      }
      int vendor = buf.getUnsignedShort(pos + 2);
      int type = buf.getUnsignedShort(pos + 4);
      byte[] value = new byte[len - 6];
      buf.getBytes(pos + 6, value);
      boolean hidden = (b0 & HIDDEN) != 0;
      if (hidden) {
        if (secret == null || randomVector == null) {
          return new Decoded.Malformed("hidden AVP " + type + " but " + (secret == null ? "no tunnel secret is set"
              : "no Random Vector AVP precedes it"));
        }
        value = reveal(type, value, secret, randomVector);
        if (value == null) {
          return new Decoded.Malformed("hidden AVP " + type + " does not decrypt (wrong tunnel secret?)");
        }
      }
      if (vendor == 0 && type == AvpType.RANDOM_VECTOR) {
        randomVector = value;
      }
      avps.add(new Avp((b0 & MANDATORY) != 0, hidden, vendor, type, value));
      pos += len;
    }
    return new Decoded.Control(new ControlMessage(tid, sid, ns, nr, avps));
  }

  /** Encodes a control message into {@code out}; hidden AVPs need {@code secret} and a preceding Random Vector. */
  public static void encode(ControlMessage m, ByteBuf out, byte[] secret, RandomGenerator random) {
    int start = out.writerIndex();
    out.writeByte(T | L | S);
    out.writeByte(2);
    out.writeShort(0);
    out.writeShort(m.tunnelId());
    out.writeShort(m.sessionId());
    out.writeShort(m.ns());
    out.writeShort(m.nr());
    byte[] rv = null;
    for (Avp a : m.avps()) {
      byte[] v = a.value();
      if (a.hidden()) {
        v = hide(a.type(), v, secret, rv, random);
      }
      if (a.vendorId() == 0 && a.type() == AvpType.RANDOM_VECTOR) {
        rv = a.value();
      }
      if (v.length + 6 > MAX_AVP) {
        throw new IllegalArgumentException("AVP " + a.type() + " of " + v.length + " bytes exceeds the 1023-byte AVP length");
      }
      out.writeShort((a.mandatory() ? MANDATORY << 8 : 0) | (a.hidden() ? HIDDEN << 8 : 0) | (v.length + 6));
      out.writeShort(a.vendorId());
      out.writeShort(a.type());
      out.writeBytes(v);
    }
    out.setShort(start + 2, out.writerIndex() - start);
  }

  /**
   * Writes a data message header (with L, and S when {@code ns >= 0}) for {@code payloadLength}
   * bytes of PPP frame that follow.
   */
  public static void encodeDataHeader(ByteBuf out, int tunnelId, int sessionId, int ns, int nr, int payloadLength) {
    boolean seq = ns >= 0;
    out.writeByte(L | (seq ? S : 0));
    out.writeByte(2);
    out.writeShort((seq ? 12 : 8) + payloadLength);
    out.writeShort(tunnelId);
    out.writeShort(sessionId);
    if (seq) {
      out.writeShort(ns);
      out.writeShort(nr);
    }
  }

  /** Section 4.3: the hidden value is (2-byte length, value, padding) XOR an MD5 chain. */
  static byte[] hide(int type, byte[] value, byte[] secret, byte[] rv, RandomGenerator random) {
    if (secret == null || rv == null) {
      throw new IllegalArgumentException("hiding AVP " + type + " needs the tunnel secret and a Random Vector before it");
    }
    // The padding hides the value's length, but the AVP must still fit its 10-bit Length field.
    int pad = Math.min(random.nextInt(16), Math.max(0, MAX_AVP - 8 - value.length));
    byte[] plain = new byte[2 + value.length + pad];
    plain[0] = (byte) (value.length >> 8);
    plain[1] = (byte) value.length;
    System.arraycopy(value, 0, plain, 2, value.length);
    for (int i = 2 + value.length; i < plain.length; i++) {
      plain[i] = (byte) random.nextInt(256);
    }
    return xorChain(type, plain, secret, rv, true);
  }

  static byte[] reveal(int type, byte[] hidden, byte[] secret, byte[] rv) {
    byte[] plain = xorChain(type, hidden, secret, rv, false);
    if (plain.length < 2) {
      return null;
    }
    int len = (plain[0] & 0xff) << 8 | (plain[1] & 0xff);
    if (len > plain.length - 2) {
      return null;
    }
    byte[] v = new byte[len];
    System.arraycopy(plain, 2, v, 0, len);
    return v;
  }

  private static byte[] xorChain(int type, byte[] in, byte[] secret, byte[] rv, boolean encrypt) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      byte[] out = new byte[in.length];
      md5.update(new byte[] {(byte) (type >> 8), (byte) type});
      md5.update(secret);
      md5.update(rv);
      byte[] b = md5.digest();
      for (int i = 0; i < in.length; i += 16) {
        int n = Math.min(16, in.length - i);
        for (int k = 0; k < n; k++) {
          out[i + k] = (byte) (in[i + k] ^ b[k]);
        }
        // b(i) = MD5(S + c(i-1)): the chain runs over the cipher text in both directions.
        md5.update(secret);
        md5.update(encrypt ? out : in, i, n);
        b = md5.digest();
      }
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
