package io.jlns.crypto;

/**
 * MD4 (RFC 1320), which the JDK does not offer: MS-CHAP's NT password hash needs it. Used on
 * passwords only, never as a general hash.
 */
public final class Md4 {
  private Md4() {}

  public static byte[] digest(byte[] msg) {
    int n = ((msg.length + 8) / 64 + 1) * 64;
    byte[] m = new byte[n];
    System.arraycopy(msg, 0, m, 0, msg.length);
    m[msg.length] = (byte) 0x80;
    long bits = (long) msg.length * 8;
    for (int i = 0; i < 8; i++) {
      m[n - 8 + i] = (byte) (bits >>> (8 * i));
    }
    int a = 0x67452301;
    int b = 0xefcdab89;
    int c = 0x98badcfe;
    int d = 0x10325476;
    int[] x = new int[16];
    for (int off = 0; off < n; off += 64) {
      for (int i = 0; i < 16; i++) {
        x[i] = (m[off + 4 * i] & 0xff) | (m[off + 4 * i + 1] & 0xff) << 8 | (m[off + 4 * i + 2] & 0xff) << 16
            | (m[off + 4 * i + 3] & 0xff) << 24;
      }
      int aa = a;
      int bb = b;
      int cc = c;
      int dd = d;
      int[] s1 = {3, 7, 11, 19};
      for (int i = 0; i < 16; i++) {
        int t = a + ((b & c) | (~b & d)) + x[i];
        a = d;
        d = c;
        c = b;
        b = Integer.rotateLeft(t, s1[i % 4]);
      }
      int[] s2 = {3, 5, 9, 13};
      for (int i = 0; i < 16; i++) {
        int k = (i % 4) * 4 + i / 4;
        int t = a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999;
        a = d;
        d = c;
        c = b;
        b = Integer.rotateLeft(t, s2[i % 4]);
      }
      int[] s3 = {3, 9, 11, 15};
      int[] order = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
      for (int i = 0; i < 16; i++) {
        int t = a + (b ^ c ^ d) + x[order[i]] + 0x6ed9eba1;
        a = d;
        d = c;
        c = b;
        b = Integer.rotateLeft(t, s3[i % 4]);
      }
      a += aa;
      b += bb;
      c += cc;
      d += dd;
    }
    byte[] out = new byte[16];
    int[] r = {a, b, c, d};
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        out[4 * i + k] = (byte) (r[i] >>> (8 * k));
      }
    }
    return out;
  }
}
