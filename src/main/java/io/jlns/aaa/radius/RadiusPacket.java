package io.jlns.aaa.radius;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A RADIUS packet (RFC 2865 section 3): code, identifier, the 16-byte authenticator and the
 * attributes, at most 4,096 bytes. The codec only; what the authenticator must hold is
 * {@link RadiusAuthenticators}'s business.
 */
public record RadiusPacket(int code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {
  public static final int HEADER = 20;
  public static final int MAX_LENGTH = 4096;

  public RadiusPacket {
    attributes = List.copyOf(attributes);
    if (authenticator.length != 16) {
      throw new IllegalArgumentException("authenticator of " + authenticator.length + " bytes");
    }
  }

  /** A decoded packet, or why the bytes are not one. */
  public record Decoded(RadiusPacket packet, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  public int length() {
    int n = HEADER;
    for (RadiusAttribute a : attributes) {
      n += 2 + a.value().length;
    }
    return n;
  }

  public byte[] encode() {
    int length = length();
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(length + "-byte RADIUS packet: at most " + MAX_LENGTH);
    }
    ByteBuffer b = ByteBuffer.allocate(length).put((byte) code).put((byte) identifier).putShort((short) length).put(authenticator);
    for (RadiusAttribute a : attributes) {
      b.put((byte) a.type()).put((byte) (2 + a.value().length)).put(a.value());
    }
    return b.array();
  }

  /**
   * RFC 2865 section 3: bytes past the Length field are padding and ignored; a packet shorter than
   * its Length, or an attribute that does not fit, is silently discarded (here: an error value).
   */
  public static Decoded decode(byte[] b, int len) {
    if (len < HEADER) {
      return new Decoded(null, "shorter than a RADIUS header (" + len + " bytes)");
    }
    int length = (b[2] & 0xff) << 8 | b[3] & 0xff;
    if (length < HEADER || length > MAX_LENGTH) {
      return new Decoded(null, "Length " + length + " outside 20..4096");
    }
    if (length > len) {
      return new Decoded(null, "Length " + length + " but only " + len + " bytes received");
    }
    List<RadiusAttribute> attributes = new ArrayList<>();
    int at = HEADER;
    while (at < length) {
      if (at + 2 > length) {
        return new Decoded(null, "attribute header cut at byte " + at);
      }
      int type = b[at] & 0xff;
      int alen = b[at + 1] & 0xff;
      if (alen < 2 || at + alen > length) {
        return new Decoded(null, "attribute " + type + " of length " + alen + " at byte " + at + " does not fit");
      }
      if (type == 0) {
        return new Decoded(null, "attribute type 0 at byte " + at);
      }
      attributes.add(new RadiusAttribute(type, Arrays.copyOfRange(b, at + 2, at + alen)));
      at += alen;
    }
    return new Decoded(new RadiusPacket(b[0] & 0xff, b[1] & 0xff, Arrays.copyOfRange(b, 4, 20), attributes), null);
  }

  /** The first attribute of {@code type}, or null. */
  public RadiusAttribute first(int type) {
    for (RadiusAttribute a : attributes) {
      if (a.type() == type) {
        return a;
      }
    }
    return null;
  }

  /** The data of the first vendor attribute {@code vendorId}/{@code vendorType}, or null. */
  public byte[] vendor(int vendorId, int vendorType) {
    for (RadiusAttribute a : attributes) {
      if (a.vendorId() == vendorId && a.vendorType() == vendorType) {
        return a.vendorData();
      }
    }
    return null;
  }

  /** The same packet with {@code authenticator} in place. */
  public RadiusPacket withAuthenticator(byte[] authenticator) {
    return new RadiusPacket(code, identifier, authenticator, attributes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RadiusPacket p && p.code == code && p.identifier == identifier
        && Arrays.equals(p.authenticator, authenticator) && p.attributes.equals(attributes);
  }

  @Override
  public int hashCode() {
    return (code * 31 + identifier) * 31 + attributes.hashCode();
  }

  @Override
  public String toString() {
    return Radius.code(code) + " id " + identifier + " " + attributes;
  }
}
