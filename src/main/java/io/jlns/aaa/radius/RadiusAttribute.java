package io.jlns.aaa.radius;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One RADIUS attribute (RFC 2865 section 5): a type and up to 253 bytes of value. A
 * Vendor-Specific attribute (type 26) carries a vendor's own (section 5.26, in the layout every
 * vendor of note uses: vendor id, vendor type, vendor length, data).
 */
public record RadiusAttribute(int type, byte[] value) {
  public static final int MAX_VALUE = 253;

  public RadiusAttribute {
    if (type < 1 || type > 255 || value.length > MAX_VALUE) {
      throw new IllegalArgumentException("attribute " + type + " with " + value.length + " bytes");
    }
  }

  public static RadiusAttribute text(int type, String s) {
    return new RadiusAttribute(type, s.getBytes(StandardCharsets.UTF_8));
  }

  public static RadiusAttribute integer(int type, long v) {
    return new RadiusAttribute(type, ByteBuffer.allocate(4).putInt((int) v).array());
  }

  /** An IPv4 address attribute, from the address as an int (network order). */
  public static RadiusAttribute address(int type, int v) {
    return integer(type, v);
  }

  /** A Vendor-Specific attribute holding {@code vendorType} of {@code vendorId}. */
  public static RadiusAttribute vendor(int vendorId, int vendorType, byte[] data) {
    if (data.length > MAX_VALUE - 6) {
      throw new IllegalArgumentException("vendor attribute " + vendorId + "/" + vendorType + " with " + data.length + " bytes");
    }
    return new RadiusAttribute(Radius.VENDOR_SPECIFIC, ByteBuffer.allocate(6 + data.length).putInt(vendorId)
        .put((byte) vendorType).put((byte) (2 + data.length)).put(data).array());
  }

  public String text() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** The value as an unsigned 32-bit integer, or -1 when it is not four bytes. */
  public long integer() {
    return value.length == 4 ? ByteBuffer.wrap(value).getInt() & 0xFFFFFFFFL : -1;
  }

  /** For a Vendor-Specific attribute: its vendor id, else -1. */
  public long vendorId() {
    return type == Radius.VENDOR_SPECIFIC && value.length >= 6 ? ByteBuffer.wrap(value).getInt() & 0xFFFFFFFFL : -1;
  }

  /** For a Vendor-Specific attribute in the usual layout: the vendor's type, else -1. */
  public int vendorType() {
    return vendorData() == null ? -1 : value[4] & 0xff;
  }

  /** For a Vendor-Specific attribute in the usual layout: the vendor attribute's data, else null. */
  public byte[] vendorData() {
    if (type != Radius.VENDOR_SPECIFIC || value.length < 6 || (value[5] & 0xff) != value.length - 4) {
      return null;
    }
    return Arrays.copyOfRange(value, 6, value.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RadiusAttribute a && a.type == type && Arrays.equals(a.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  /** The attribute's name and value as a log or a debug line shows them; hidden values never. */
  @Override
  public String toString() {
    String name = Radius.name(type);
    if (type == Radius.USER_PASSWORD || type == Radius.MESSAGE_AUTHENTICATOR || type == Radius.CHAP_PASSWORD) {
      return name + " <" + value.length + " bytes>";
    }
    return name + " " + switch (Radius.kind(type)) {
      case TEXT -> '"' + text() + '"';
      case INTEGER -> Long.toString(integer());
      case ADDRESS -> value.length == 4 ? (value[0] & 0xff) + "." + (value[1] & 0xff) + "." + (value[2] & 0xff) + "." + (value[3] & 0xff)
          : "?";
      case OCTETS -> type == Radius.VENDOR_SPECIFIC && vendorData() != null
          ? vendorId() + "/" + vendorType() + " <" + vendorData().length + " bytes>" : "<" + value.length + " bytes>";
    };
  }
}
