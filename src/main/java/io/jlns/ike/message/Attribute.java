package io.jlns.ike.message;

/**
 * RFC 2408 section 3.3: a data attribute, basic (TV, 16-bit value) or variable (TLV). Variable
 * values up to 8 bytes read as numbers (SA life durations are often sent as 4-byte TLVs).
 *
 * @param variable the TLV value, or null for a basic attribute
 */
public record Attribute(int type, int basic, byte[] variable) {
  public static Attribute basic(int type, int value) {
    return new Attribute(type, value, null);
  }

  /** A number as short as it can be: basic when it fits in 16 bits, else a 4-byte TLV. */
  public static Attribute number(int type, long value) {
    if (value >= 0 && value <= 0xFFFF) {
      return basic(type, (int) value);
    }
    return new Attribute(type, 0, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
  }

  public long value() {
    if (variable == null) {
      return basic;
    }
    if (variable.length > 8) {
      return -1;
    }
    long v = 0;
    for (byte b : variable) {
      v = v << 8 | (b & 0xFF);
    }
    return v;
  }
}
