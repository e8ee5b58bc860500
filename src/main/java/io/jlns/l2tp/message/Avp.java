package io.jlns.l2tp.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An attribute-value pair (RFC 2661 section 4.1). {@code value} is always the clear value: a
 * hidden AVP is revealed on decoding and hidden again on encoding ({@code hidden} says which).
 */
public record Avp(boolean mandatory, boolean hidden, int vendorId, int type, byte[] value) {
  public static Avp of(int type, byte[] value) {
    return new Avp(true, false, 0, type, value);
  }

  public static Avp u16(int type, int v) {
    return of(type, new byte[] {(byte) (v >> 8), (byte) v});
  }

  public static Avp u32(int type, long v) {
    return of(type, new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
  }

  public static Avp text(int type, String s) {
    return of(type, s.getBytes(StandardCharsets.UTF_8));
  }

  public Avp optional() {
    return new Avp(false, hidden, vendorId, type, value);
  }

  public int u16() {
    return value.length < 2 ? -1 : (value[0] & 0xff) << 8 | (value[1] & 0xff);
  }

  public long u32() {
    return value.length < 4 ? -1
        : ((long) (value[0] & 0xff) << 24) | (value[1] & 0xff) << 16 | (value[2] & 0xff) << 8 | (value[3] & 0xff);
  }

  public String text() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** Whether RFC 2661 defines this attribute (vendor 0, a known type). */
  public boolean known() {
    return vendorId == 0 && type <= AvpType.MAX_KNOWN && type != 20;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Avp a && a.mandatory == mandatory && a.hidden == hidden && a.vendorId == vendorId
        && a.type == type && Arrays.equals(a.value, value);
  }

  @Override
  public int hashCode() {
    return (vendorId * 31 + type) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Avp[" + (mandatory ? "M" : "") + (hidden ? "H" : "") + " " + vendorId + ":" + type + " len " + value.length + "]";
  }
}
