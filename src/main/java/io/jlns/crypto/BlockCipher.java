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

  BlockCipher(String jca, int blockSize) {
    this.jca = jca;
    this.blockSize = blockSize;
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
    try {
      Cipher c = Cipher.getInstance(jca + "/CBC/NoPadding");
      c.init(mode, new SecretKeySpec(key, jca), new IvParameterSpec(iv, 0, blockSize));
      return c.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jca + ": " + e.getMessage(), e);
    }
  }
}
