package io.jlns.capture;

/**
 * {@code monitor capture NAME match any} or {@code match ipv4 SRC DST} (SRC and DST each
 * {@code any}, {@code host A} or {@code A/len}). A capture of one client wants both directions
 * of its conversation, so a packet matches SRC-to-DST either way round (IOS matches one way and
 * needs a second filter for the replies).
 */
public record CaptureMatch(int srcAddress, int srcBits, int dstAddress, int dstBits) {
  public static final CaptureMatch ANY = new CaptureMatch(0, 0, 0, 0);

  /** Parses one side: {@code any}, {@code host A.B.C.D} (given as the address alone) or {@code A.B.C.D/len}. */
  public static int[] side(String text) {
    if (text.equals("any")) {
      return new int[] {0, 0};
    }
    String[] parts = text.split("/", -1);
    int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
    if (parts.length > 2 || bits < 0 || bits > 32) {
      throw new IllegalArgumentException("not an address or prefix: " + text);
    }
    String[] o = parts[0].split("\\.", -1);
    if (o.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + parts[0]);
    }
    int a = 0;
    for (String x : o) {
      int v = Integer.parseInt(x);
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + parts[0]);
      }
      a = a << 8 | v;
    }
    return new int[] {a & mask(bits), bits};
  }

  public static CaptureMatch ipv4(String src, String dst) {
    int[] s = side(src);
    int[] d = side(dst);
    return new CaptureMatch(s[0], s[1], d[0], d[1]);
  }

  private static int mask(int bits) {
    return bits == 0 ? 0 : -1 << (32 - bits);
  }

  /** Whether an IPv4 packet (its header at 0) is one this filter takes, either way round. */
  public boolean matches(byte[] ip) {
    int src = (ip[12] & 0xFF) << 24 | (ip[13] & 0xFF) << 16 | (ip[14] & 0xFF) << 8 | ip[15] & 0xFF;
    int dst = (ip[16] & 0xFF) << 24 | (ip[17] & 0xFF) << 16 | (ip[18] & 0xFF) << 8 | ip[19] & 0xFF;
    return in(src, srcAddress, srcBits) && in(dst, dstAddress, dstBits) || in(dst, srcAddress, srcBits) && in(src, dstAddress, dstBits);
  }

  private static boolean in(int a, int net, int bits) {
    return (a & mask(bits)) == net;
  }

  /** As {@code show monitor capture} prints it. */
  public String text() {
    if (equals(ANY)) {
      return "any";
    }
    return "ipv4 " + side(srcAddress, srcBits) + " " + side(dstAddress, dstBits);
  }

  private static String side(int a, int bits) {
    if (bits == 0) {
      return "any";
    }
    String addr = (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    return bits == 32 ? "host " + addr : addr + "/" + bits;
  }
}
