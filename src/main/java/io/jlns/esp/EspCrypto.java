package io.jlns.esp;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The transform of one ESP SA in one direction (RFC 4303 section 2, RFC 3602 for CBC, RFC 4106
 * for GCM). Cipher, MAC and key objects are made once and reused: per packet only init and
 * doFinal run. Works in place on byte arrays; errors are {@link Result} values.
 */
public final class EspCrypto {
  /** Why a packet was refused. */
  public enum Result {
    OK,
    TRUNCATED,
    AUTH_FAILED,
    BAD_PADDING,
    REPLAYED
  }

  final EspCipher cipher;
  final EspIntegrity integrity;
  /**
   * JCA copies its input when input and output overlap (in place), a fresh array per packet: so
   * the cipher reads from or writes to this per-thread work area instead, and one copy moves the
   * bytes into the packet. One event loop thread, one area, grown to the largest packet seen.
   */
  private static final ThreadLocal<byte[][]> WORK = ThreadLocal.withInitial(() -> new byte[][] {new byte[2048]});
  /** GCM's cipher; null for CBC (its ciphers are made on first use, and never for esp-3des). */
  private final Cipher jca;
  /**
   * CBC without a per-packet init: both ciphers are set up once with an all-zero IV, and the
   * packet's IV is XORed into the first block by hand (before encryption, after decryption),
   * which is CBC with that IV. JCA resets a cipher to its initial IV after each doFinal.
   */
  private Cipher cbcEncrypt;
  private Cipher cbcDecrypt;
  /** esp-3des: our own 3DES (one IP/FP around the three passes), about 1.4 times the JDK's DESede. */
  private final io.jlns.crypto.TripleDes tdes;
  private final SecretKeySpec key;
  private final byte[] salt;
  private final Mac mac;
  private final byte[] icv;
  /** Made on the first packet sent: an inbound SA never needs it (a JCA cipher is a kilobyte, times 100,000 SAs). */
  private Cipher ivGenerator;
  private final byte[] ivSeed;
  private final byte[] ivCounter = new byte[16];
  private final byte[] nonce = new byte[12];
  private final byte[] ivBlock = new byte[16];

  /**
   * @param encKey the cipher's KEYMAT part (with the 4-byte salt last for GCM)
   * @param authKey the integrity key (empty for GCM)
   * @param ivSeed 16 random bytes for the CBC IV generator of an outbound SA
   */
  public EspCrypto(EspCipher cipher, EspIntegrity integrity, byte[] encKey, byte[] authKey, byte[] ivSeed) {
    this.cipher = cipher;
    this.integrity = integrity;
    try {
      tdes = cipher == EspCipher.TRIPLE_DES_CBC ? new io.jlns.crypto.TripleDes(encKey) : null;
      if (cipher.aead()) {
        jca = Cipher.getInstance("AES/GCM/NoPadding");
        key = new SecretKeySpec(encKey, 0, encKey.length - 4, "AES");
        salt = Arrays.copyOfRange(encKey, encKey.length - 4, encKey.length);
      } else {
        jca = null;
        key = new SecretKeySpec(encKey, cipher.jca());
        salt = null;
      }
      if (integrity != EspIntegrity.NONE) {
        mac = Mac.getInstance(integrity.jca());
        mac.init(new SecretKeySpec(authKey, integrity.jca()));
        icv = new byte[mac.getMacLength()];
      } else {
        mac = null;
        icv = null;
      }
      // CBC IVs must be unpredictable (RFC 3602 section 3): the encryption of a counter under a random key.
      this.ivSeed = Arrays.copyOf(ivSeed, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(cipher + "/" + integrity + ": " + e.getMessage(), e);
    }
  }

  public int ivLength() {
    return cipher.ivLength();
  }

  public int icvLength() {
    return cipher.aead() ? cipher.icvLength() : integrity.icvLength();
  }

  /** The largest payload whose ESP packet (with {@link #overhead}) fits in {@code room} bytes. */
  public int largestPayload(int room) {
    int n = room - overhead(0);
    while (n > 0 && n + overhead(n) > room) {
      n--;
    }
    while (n + 1 + overhead(n + 1) <= room) {
      n++;
    }
    return Math.max(0, n);
  }

  /** Bytes ESP adds around a payload of {@code n} bytes: header, IV, padding, trailer, ICV. */
  public int overhead(int n) {
    int align = cipher.blockSize();
    int padded = (n + 2 + align - 1) / align * align;
    return 8 + ivLength() + padded - n + icvLength();
  }

  /**
   * Verifies and decrypts the ESP packet {@code b[off..off+len)} in place. On success the
   * plaintext (payload, padding, trailer) lies at {@code off + 8 + ivLength()}; {@code out[0]}
   * gets the payload length and {@code out[1]} the next header.
   */
  public Result open(byte[] b, int off, int len, int[] out) {
    int ivLen = ivLength();
    int icvLen = icvLength();
    int ctLen = len - 8 - ivLen - icvLen;
    if (ctLen < 2 || ctLen % cipher.blockSize() != 0) {
      return Result.TRUNCATED;
    }
    int ct = off + 8 + ivLen;
    try {
      if (cipher.aead()) {
        System.arraycopy(salt, 0, nonce, 0, 4);
        System.arraycopy(b, off + 8, nonce, 4, 8);
        jca.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        jca.updateAAD(b, off, 8);
        byte[] w = work(ctLen);
        jca.doFinal(b, ct, ctLen + icvLen, w, 0);
        System.arraycopy(w, 0, b, ct, ctLen);
      } else {
        mac.update(b, off, len - icvLen);
        mac.doFinal(icv, 0);
        if (!sameIcv(b, off + len - icvLen, icvLen)) {
          return Result.AUTH_FAILED;
        }
        if (tdes != null) {
          tdes.decryptCbc(b, off + 8, ct, ctLen);
        } else {
          byte[] w = work(ctLen);
          cbc(Cipher.DECRYPT_MODE).doFinal(b, ct, ctLen, w, 0);
          System.arraycopy(w, 0, b, ct, ctLen);
          xorIv(b, off + 8, ct, ivLen);
        }
      }
    } catch (javax.crypto.AEADBadTagException e) {
      return Result.AUTH_FAILED;
    } catch (GeneralSecurityException e) {
      return Result.TRUNCATED;
    }
    int padLen = b[ct + ctLen - 2] & 0xFF;
    int payload = ctLen - 2 - padLen;
    if (payload < 0) {
      return Result.BAD_PADDING;
    }
    // RFC 4303 section 2.4: the default padding is 1, 2, 3, ...
    for (int i = 0; i < padLen; i++) {
      if ((b[ct + payload + i] & 0xFF) != i + 1) {
        return Result.BAD_PADDING;
      }
    }
    out[0] = payload;
    out[1] = b[ct + ctLen - 1] & 0xFF;
    return Result.OK;
  }

  /**
   * Builds the ESP packet for the payload already at {@code b[off + 8 + ivLength() ..+n)}: header,
   * IV, padding, trailer, encryption and ICV, all in place. {@code b} must have room for
   * {@link #overhead}. Returns the packet's length.
   */
  public int seal(int spi, int seq, int nextHeader, byte[] b, int off, int n) {
    int ivLen = ivLength();
    int align = cipher.blockSize();
    int padded = (n + 2 + align - 1) / align * align;
    int ct = off + 8 + ivLen;
    int padLen = padded - n - 2;
    for (int i = 0; i < padLen; i++) {
      b[ct + n + i] = (byte) (i + 1);
    }
    b[ct + padded - 2] = (byte) padLen;
    b[ct + padded - 1] = (byte) nextHeader;
    putInt(b, off, spi);
    putInt(b, off + 4, seq);
    try {
      if (cipher.aead()) {
        // RFC 4106 section 3.1: the IV must not repeat under a key; the sequence number never does.
        putInt(b, off + 8, 0);
        putInt(b, off + 12, seq);
        System.arraycopy(salt, 0, nonce, 0, 4);
        System.arraycopy(b, off + 8, nonce, 4, 8);
        jca.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        jca.updateAAD(b, off, 8);
        byte[] w = work(padded);
        System.arraycopy(b, ct, w, 0, padded);
        jca.doFinal(w, 0, padded, b, ct);
        return 8 + ivLen + padded + icvLength();
      }
      putInt(ivCounter, 12, seq);
      if (ivGenerator == null) {
        ivGenerator = Cipher.getInstance("AES/ECB/NoPadding");
        ivGenerator.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ivSeed, 0, 16, "AES"));
      }
      ivGenerator.doFinal(ivCounter, 0, 16, ivBlock, 0);
      System.arraycopy(ivBlock, 0, b, off + 8, ivLen);
      if (tdes != null) {
        tdes.encryptCbc(b, off + 8, ct, padded);
      } else {
        byte[] w = work(padded);
        System.arraycopy(b, ct, w, 0, padded);
        xorIv(b, off + 8, w, 0, ivLen);
        cbc(Cipher.ENCRYPT_MODE).doFinal(w, 0, padded, b, ct);
      }
      mac.update(b, off, 8 + ivLen + padded);
      mac.doFinal(icv, 0);
      System.arraycopy(icv, 0, b, ct + padded, integrity.icvLength());
      return 8 + ivLen + padded + integrity.icvLength();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ESP " + cipher + ": " + e.getMessage(), e);
    }
  }

  private Cipher cbc(int mode) throws GeneralSecurityException {
    Cipher c = mode == Cipher.ENCRYPT_MODE ? cbcEncrypt : cbcDecrypt;
    if (c == null) {
      c = Cipher.getInstance(cipher.jca() + "/CBC/NoPadding");
      c.init(mode, key, new IvParameterSpec(new byte[cipher.blockSize()]));
      if (mode == Cipher.ENCRYPT_MODE) {
        cbcEncrypt = c;
      } else {
        cbcDecrypt = c;
      }
    }
    return c;
  }

  /** {@code b[block..+n) ^= b[iv..+n)}: the IV's part of CBC for the first block. */
  private static void xorIv(byte[] b, int iv, int block, int n) {
    xorIv(b, iv, b, block, n);
  }

  private static void xorIv(byte[] src, int iv, byte[] dst, int block, int n) {
    for (int i = 0; i < n; i++) {
      dst[block + i] ^= src[iv + i];
    }
  }

  private static byte[] work(int n) {
    byte[][] holder = WORK.get();
    if (holder[0].length < n) {
      holder[0] = new byte[Math.max(n, holder[0].length * 2)];
    }
    return holder[0];
  }

  /** Constant time, like MessageDigest.isEqual, but on the packet in place (no copies per packet). */
  private boolean sameIcv(byte[] b, int at, int n) {
    int diff = 0;
    for (int i = 0; i < n; i++) {
      diff |= icv[i] ^ b[at + i];
    }
    return diff == 0;
  }

  static void putInt(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  static int getInt(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
  }
}
