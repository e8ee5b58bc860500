package io.jlns.crypto;

/**
 * ESP encryption algorithms with their IPsec DOI transform ids (RFC 2407 section 4.4.4, RFC 4106
 * section 8.1: id 20 is AES-GCM with a 16-byte ICV, the one IOS's esp-gcm means).
 */
public enum EspCipher {
  DES_CBC(2, "DES", 8, 8, false, "esp-des"),
  TRIPLE_DES_CBC(3, "DESede", 8, 8, false, "esp-3des"),
  AES_CBC(12, "AES", 16, 16, false, "esp-aes"),
  AES_GCM_16(20, "AES", 4, 8, true, "esp-gcm");

  private final int transformId;
  private final String jca;
  private final int blockSize;
  private final int ivLength;
  private final boolean aead;
  private final String iosName;

  EspCipher(int transformId, String jca, int blockSize, int ivLength, boolean aead, String iosName) {
    this.transformId = transformId;
    this.jca = jca;
    this.blockSize = blockSize;
    this.ivLength = ivLength;
    this.aead = aead;
    this.iosName = iosName;
  }

  public int transformId() {
    return transformId;
  }

  public String jca() {
    return jca;
  }

  /** The alignment of the encrypted part (RFC 4303 section 2.4; 4 for GCM, RFC 4106 section 3.2). */
  public int blockSize() {
    return blockSize;
  }

  public int ivLength() {
    return ivLength;
  }

  public boolean aead() {
    return aead;
  }

  public String iosName() {
    return iosName;
  }

  /** Keying material this cipher takes from KEYMAT: the key, plus a 4-byte salt for GCM (RFC 4106 section 8.1). */
  public int keymatLength(int keyBits) {
    return switch (this) {
      case DES_CBC -> 8;
      case TRIPLE_DES_CBC -> 24;
      case AES_CBC -> keyBits / 8;
      case AES_GCM_16 -> keyBits / 8 + 4;
    };
  }

  /** The ICV length an AEAD cipher appends. */
  public int icvLength() {
    return aead ? 16 : 0;
  }

  public static EspCipher ofTransformId(int id) {
    for (EspCipher c : values()) {
      if (c.transformId == id) {
        return c;
      }
    }
    return null;
  }
}
