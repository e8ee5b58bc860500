package io.jlns.ike;

import io.jlns.crypto.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The key derivations of RFC 2409 sections 5, 5.5 and appendix B. */
public final class Keys {
  private Keys() {}

  /** SKEYID for pre-shared keys: prf(pre-shared-key, Ni_b | Nr_b). */
  public static byte[] skeyidPsk(HashAlgorithm prf, byte[] psk, byte[] ni, byte[] nr) {
    return prf.prf(psk, ni, nr);
  }

  /** {SKEYID_d, SKEYID_a, SKEYID_e}: each prf(SKEYID, previous | g^xy | CKY-I | CKY-R | n). */
  public static byte[][] derive(HashAlgorithm prf, byte[] skeyid, byte[] gxy, byte[] ckyI, byte[] ckyR) {
    byte[] d = prf.prf(skeyid, gxy, ckyI, ckyR, new byte[] {0});
    byte[] a = prf.prf(skeyid, d, gxy, ckyI, ckyR, new byte[] {1});
    byte[] e = prf.prf(skeyid, a, gxy, ckyI, ckyR, new byte[] {2});
    return new byte[][] {d, a, e};
  }

  /**
   * The phase 1 encryption key: the first bytes of SKEYID_e, or of Ka = K1 | K2 | ... with
   * K1 = prf(SKEYID_e, 0) and Kn = prf(SKEYID_e, Kn-1) when SKEYID_e is too short (appendix B).
   */
  public static byte[] encryptionKey(HashAlgorithm prf, byte[] skeyidE, int length) {
    if (skeyidE.length >= length) {
      return Arrays.copyOf(skeyidE, length);
    }
    ByteArrayOutputStream ka = new ByteArrayOutputStream();
    byte[] k = prf.prf(skeyidE, new byte[] {0});
    ka.writeBytes(k);
    while (ka.size() < length) {
      k = prf.prf(skeyidE, k);
      ka.writeBytes(k);
    }
    return Arrays.copyOf(ka.toByteArray(), length);
  }

  /** Phase 1's first IV: hash(g^xi | g^xr), cut to the block size (appendix B). */
  public static byte[] phase1Iv(HashAlgorithm hash, byte[] gxi, byte[] gxr, int blockSize) {
    return Arrays.copyOf(hash.hash(gxi, gxr), blockSize);
  }

  /** The IV of a new phase 2 or informational exchange: hash(last phase 1 CBC block | M-ID). */
  public static byte[] exchangeIv(HashAlgorithm hash, byte[] phase1LastBlock, int messageId, int blockSize) {
    return Arrays.copyOf(hash.hash(phase1LastBlock, int32(messageId)), blockSize);
  }

  /**
   * KEYMAT for one SA (section 5.5): K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b),
   * Kn = prf(SKEYID_d, Kn-1 | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b), concatenated to {@code length}.
   */
  public static byte[] keymat(HashAlgorithm prf, byte[] skeyidD, byte[] gxyQm, int protocol, byte[] spi, byte[] ni, byte[] nr, int length) {
    byte[] pfs = gxyQm == null ? new byte[0] : gxyQm;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] k = new byte[0];
    while (out.size() < length) {
      k = prf.prf(skeyidD, k, pfs, new byte[] {(byte) protocol}, spi, ni, nr);
      out.writeBytes(k);
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  public static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  public static int int32be(byte[] b) {
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
  }

  public static byte[] int64(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
