package io.jlns.crypto;

/**
 * Triple DES (EDE3, NIST SP 800-67) in CBC mode, in place, for esp-3des. The JDK's DESede runs
 * each of the three DES passes with its own initial and final permutation and copies between
 * them; here one IP and one FP frame the 48 rounds (IP and FP cancel between passes), and each
 * round is eight lookups in S-box tables with the P permutation folded in. Tables are built at
 * class load from the standard's S-boxes and permutations; tests compare with the JDK.
 */
public final class TripleDes {
  private static final int[] SP = new int[8 * 64];
  private static final long[][] IP_T = new long[8][256];
  private static final long[][] FP_T = new long[8][256];
  private static final byte[] IP = {58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6,
      64, 56, 48, 40, 32, 24, 16, 8, 57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5,
      63, 55, 47, 39, 31, 23, 15, 7};
  private static final byte[] P = {16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13,
      30, 6, 22, 11, 4, 25};
  private static final byte[] PC1 = {57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3,
      60, 52, 44, 36, 63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4};
  private static final byte[] PC2 = {14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2, 41,
      52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
  private static final byte[] SHIFTS = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
  private static final String[] S = {
      "14 4 13 1 2 15 11 8 3 10 6 12 5 9 0 7 0 15 7 4 14 2 13 1 10 6 12 11 9 5 3 8 4 1 14 8 13 6 2 11 15 12 9 7 3 10 5 0 "
          + "15 12 8 2 4 9 1 7 5 11 3 14 10 0 6 13",
      "15 1 8 14 6 11 3 4 9 7 2 13 12 0 5 10 3 13 4 7 15 2 8 14 12 0 1 10 6 9 11 5 0 14 7 11 10 4 13 1 5 8 12 6 9 3 2 15 "
          + "13 8 10 1 3 15 4 2 11 6 7 12 0 5 14 9",
      "10 0 9 14 6 3 15 5 1 13 12 7 11 4 2 8 13 7 0 9 3 4 6 10 2 8 5 14 12 11 15 1 13 6 4 9 8 15 3 0 11 1 2 12 5 10 14 7 "
          + "1 10 13 0 6 9 8 7 4 15 14 3 11 5 2 12",
      "7 13 14 3 0 6 9 10 1 2 8 5 11 12 4 15 13 8 11 5 6 15 0 3 4 7 2 12 1 10 14 9 10 6 9 0 12 11 7 13 15 1 3 14 5 2 8 4 "
          + "3 15 0 6 10 1 13 8 9 4 5 11 12 7 2 14",
      "2 12 4 1 7 10 11 6 8 5 3 15 13 0 14 9 14 11 2 12 4 7 13 1 5 0 15 10 3 9 8 6 4 2 1 11 10 13 7 8 15 9 12 5 6 3 0 14 "
          + "11 8 12 7 1 14 2 13 6 15 0 9 10 4 5 3",
      "12 1 10 15 9 2 6 8 0 13 3 4 14 7 5 11 10 15 4 2 7 12 9 5 6 1 13 14 0 11 3 8 9 14 15 5 2 8 12 3 7 0 4 10 1 13 11 6 "
          + "4 3 2 12 9 5 15 10 11 14 1 7 6 0 8 13",
      "4 11 2 14 15 0 8 13 3 12 9 7 5 10 6 1 13 0 11 7 4 9 1 10 14 3 5 12 2 15 8 6 1 4 11 13 12 3 7 14 10 15 6 8 0 5 9 2 "
          + "6 11 13 8 1 4 10 7 9 5 0 15 14 2 3 12",
      "13 2 8 4 6 15 11 1 10 9 3 14 5 0 12 7 1 15 13 8 10 3 7 4 12 5 6 11 0 14 9 2 7 11 4 1 9 12 14 2 0 6 10 13 15 3 5 8 "
          + "2 1 14 7 4 10 8 13 15 12 9 0 3 5 6 11"};

  static {
    for (int k = 0; k < 8; k++) {
      String[] v = S[k].split(" ");
      for (int six = 0; six < 64; six++) {
        int row = (six >>> 4 & 2) | (six & 1);
        int col = six >>> 1 & 0xF;
        int out = Integer.parseInt(v[row * 16 + col]) << (28 - 4 * k);
        int p = 0;
        for (int i = 0; i < 32; i++) {
          if ((out >>> (32 - P[i]) & 1) != 0) {
            p |= 1 << (31 - i);
          }
        }
        SP[k * 64 + six] = p;
      }
    }
    byte[] fp = new byte[64];
    for (int i = 0; i < 64; i++) {
      fp[IP[i] - 1] = (byte) (i + 1);
    }
    fill(IP_T, IP);
    fill(FP_T, fp);
  }

  /** T[b][v]: the output bits that input byte b (MSB first) with value v sets under permutation perm. */
  private static void fill(long[][] t, byte[] perm) {
    for (int i = 0; i < 64; i++) {
      int in = perm[i] - 1;
      for (int v = 0; v < 256; v++) {
        if ((v >>> (7 - in % 8) & 1) != 0) {
          t[in / 8][v] |= 1L << (63 - i);
        }
      }
    }
  }

  private final byte[] k1;
  private final byte[] k2;
  private final byte[] k3;
  private final byte[] k1r;
  private final byte[] k2r;
  private final byte[] k3r;

  /** {@code key}: 24 bytes (K1, K2, K3; parity bits ignored). */
  public TripleDes(byte[] key) {
    if (key.length != 24) {
      throw new IllegalArgumentException("3DES keys are 24 bytes, not " + key.length);
    }
    k1 = schedule(key, 0);
    k2 = schedule(key, 8);
    k3 = schedule(key, 16);
    k1r = reversed(k1);
    k2r = reversed(k2);
    k3r = reversed(k3);
  }

  /**
   * The 16 round keys as 8 six-bit groups each (FIPS 46-3: PC-1, rotations, PC-2), a byte each:
   * six schedules of 128 bytes per key, where ints cost four times that for every SA of 100,000.
   */
  private static byte[] schedule(byte[] key, int off) {
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = k << 8 | (key[off + i] & 0xFF);
    }
    int c = 0;
    int d = 0;
    for (int i = 0; i < 28; i++) {
      c = c << 1 | (int) (k >>> (64 - PC1[i]) & 1);
      d = d << 1 | (int) (k >>> (64 - PC1[i + 28]) & 1);
    }
    byte[] out = new byte[128];
    for (int r = 0; r < 16; r++) {
      for (int s = 0; s < SHIFTS[r]; s++) {
        c = (c << 1 | c >>> 27) & 0x0FFFFFFF;
        d = (d << 1 | d >>> 27) & 0x0FFFFFFF;
      }
      long cd = (long) c << 28 | d;
      for (int g = 0; g < 8; g++) {
        int six = 0;
        for (int j = 0; j < 6; j++) {
          six = six << 1 | (int) (cd >>> (56 - PC2[g * 6 + j]) & 1);
        }
        out[r * 8 + g] = (byte) six;
      }
    }
    return out;
  }

  private static byte[] reversed(byte[] ks) {
    byte[] out = new byte[128];
    for (int r = 0; r < 16; r++) {
      System.arraycopy(ks, (15 - r) * 8, out, r * 8, 8);
    }
    return out;
  }

  private static long permute(long[][] t, long x) {
    return t[0][(int) (x >>> 56)] | t[1][(int) (x >>> 48) & 0xFF] | t[2][(int) (x >>> 40) & 0xFF] | t[3][(int) (x >>> 32) & 0xFF]
        | t[4][(int) (x >>> 24) & 0xFF] | t[5][(int) (x >>> 16) & 0xFF] | t[6][(int) (x >>> 8) & 0xFF] | t[7][(int) x & 0xFF];
  }

  /** 16 rounds on (L, R) after IP; returns the pre-output R16 L16, which is the next pass's input. */
  private static long rounds(long lr, byte[] k) {
    int l = (int) (lr >>> 32);
    int r = (int) lr;
    for (int i = 0; i < 128; i += 8) {
      int x = r >>> 1 | r << 31;
      int f = SP[((x >>> 26) ^ k[i]) & 0x3F] ^ SP[64 + (((x >>> 22) ^ k[i + 1]) & 0x3F)]
          ^ SP[128 + (((x >>> 18) ^ k[i + 2]) & 0x3F)] ^ SP[192 + (((x >>> 14) ^ k[i + 3]) & 0x3F)]
          ^ SP[256 + (((x >>> 10) ^ k[i + 4]) & 0x3F)] ^ SP[320 + (((x >>> 6) ^ k[i + 5]) & 0x3F)]
          ^ SP[384 + (((x >>> 2) ^ k[i + 6]) & 0x3F)] ^ SP[448 + ((((x & 0xF) << 2 | x >>> 30) ^ k[i + 7]) & 0x3F)];
      int t = r;
      r = l ^ f;
      l = t;
    }
    return (long) r << 32 | (l & 0xFFFFFFFFL);
  }

  public long encryptBlock(long block) {
    return permute(FP_T, rounds(rounds(rounds(permute(IP_T, block), k1), k2r), k3));
  }

  public long decryptBlock(long block) {
    return permute(FP_T, rounds(rounds(rounds(permute(IP_T, block), k3r), k2), k1r));
  }

  /** CBC encryption of {@code b[off..off+len)} in place ({@code len} a multiple of 8) under {@code iv} at {@code b[ivOff..+8)}. */
  public void encryptCbc(byte[] b, int ivOff, int off, int len) {
    long prev = get(b, ivOff);
    for (int i = off; i < off + len; i += 8) {
      prev = encryptBlock(get(b, i) ^ prev);
      put(b, i, prev);
    }
  }

  /** CBC decryption in place, the inverse of {@link #encryptCbc}. */
  public void decryptCbc(byte[] b, int ivOff, int off, int len) {
    long prev = get(b, ivOff);
    for (int i = off; i < off + len; i += 8) {
      long c = get(b, i);
      put(b, i, decryptBlock(c) ^ prev);
      prev = c;
    }
  }

  private static long get(byte[] b, int i) {
    return (b[i] & 0xFFL) << 56 | (b[i + 1] & 0xFFL) << 48 | (b[i + 2] & 0xFFL) << 40 | (b[i + 3] & 0xFFL) << 32
        | (b[i + 4] & 0xFFL) << 24 | (b[i + 5] & 0xFFL) << 16 | (b[i + 6] & 0xFFL) << 8 | (b[i + 7] & 0xFFL);
  }

  private static void put(byte[] b, int i, long v) {
    for (int j = 7; j >= 0; j--) {
      b[i + j] = (byte) v;
      v >>>= 8;
    }
  }
}
