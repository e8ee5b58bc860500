package io.jlns.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The CBC ciphers of IKEv1 phase 1 (RFC 2409 appendix A; RFC 3602 for AES). */
public enum BlockCipher {
  DES("DES", 8),
  TRIPLE_DES("DESede", 8),
  AES("AES", 16);

  private final String jca;
  private final int blockSize;
  /**
   * One JCA instance per thread (event loops, DH workers), re-keyed for each message: looking a
   * cipher up by name cost more than the message's encryption (a DPD exchange every 30 s for
   * each of 100,000 clients). A cache of stateless engines, not protocol state.
   */
  private final ThreadLocal<Cipher> engines;

  BlockCipher(String jca, int blockSize) {
    this.jca = jca;
    this.blockSize = blockSize;
    this.engines = ThreadLocal.withInitial(() -> {
      try {
        return Cipher.getInstance(jca + "/CBC/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(jca + ": " + e.getMessage(), e);
      }
    });
  }

  public int blockSize() {
    return blockSize;
  }

  public String jca() {
    return jca;
  }

  /** Key length in bytes for a policy's key size in bits (0: the cipher's only size). */
  public int keyLength(int bits) {
    return switch (this) {
      case DES -> 8;
      case TRIPLE_DES -> 24;
      case AES -> bits == 0 ? 16 : bits / 8;
    };
  }

  public byte[] encrypt(byte[] key, byte[] iv, byte[] data) {
    return run(Cipher.ENCRYPT_MODE, key, iv, data);
  }

  public byte[] decrypt(byte[] key, byte[] iv, byte[] data) {
    return run(Cipher.DECRYPT_MODE, key, iv, data);
  }

  private byte[] run(int mode, byte[] key, byte[] iv, byte[] data) {
    if (this == TRIPLE_DES && data.length % 8 == 0) {
      // Our 3DES (as ESP's): the JDK's DESede is the slower half of a phase 2 or DPD message.
      byte[] b = new byte[8 + data.length];
      System.arraycopy(iv, 0, b, 0, 8);
      System.arraycopy(data, 0, b, 8, data.length);
      TripleDes t = new TripleDes(key);
      if (mode == Cipher.ENCRYPT_MODE) {
        t.encryptCbc(b, 0, 8, data.length);
      } else {
        t.decryptCbc(b, 0, 8, data.length);
      }
      return java.util.Arrays.copyOfRange(b, 8, b.length);
    }
    try {
      Cipher c = engines.get();
      c.init(mode, new SecretKeySpec(key, jca), new IvParameterSpec(iv, 0, blockSize));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jca + ": " + e.getMessage(), e);
    }
  }
}
