package io.jlns.ppp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A configuration option (RFC 1661 section 6): type, and the data after type and length. */
public record ConfigOption(int type, byte[] data) {
  public static ConfigOption u16(int type, int v) {
    return new ConfigOption(type, new byte[] {(byte) (v >> 8), (byte) v});
  }

  public static ConfigOption u32(int type, int v) {
    return new ConfigOption(type, new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
  }

  public int u16() {
    return data.length < 2 ? -1 : (data[0] & 0xff) << 8 | (data[1] & 0xff);
  }

  public int u32() {
    return data.length < 4 ? 0 : (data[0] & 0xff) << 24 | (data[1] & 0xff) << 16 | (data[2] & 0xff) << 8 | (data[3] & 0xff);
  }

  /** Parses an option list; null when an option's length is wrong (the packet is then discarded). */
  public static List<ConfigOption> parse(byte[] b) {
    List<ConfigOption> out = new ArrayList<>();
    int i = 0;
    while (i < b.length) {
      if (i + 2 > b.length) {
        return null;
      }
      int len = b[i + 1] & 0xff;
      if (len < 2 || i + len > b.length) {
        return null;
      }
      out.add(new ConfigOption(b[i] & 0xff, Arrays.copyOfRange(b, i + 2, i + len)));
      i += len;
    }
    return out;
  }

  public static byte[] encode(List<ConfigOption> options) {
    int n = options.stream().mapToInt(o -> o.data.length + 2).sum();
    byte[] out = new byte[n];
    int i = 0;
    for (ConfigOption o : options) {
      out[i] = (byte) o.type;
      out[i + 1] = (byte) (o.data.length + 2);
      System.arraycopy(o.data, 0, out, i + 2, o.data.length);
      i += o.data.length + 2;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigOption c && c.type == type && Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return type + ":" + java.util.HexFormat.of().formatHex(data);
  }
}
