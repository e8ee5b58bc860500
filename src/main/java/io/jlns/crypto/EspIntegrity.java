package io.jlns.crypto;

/**
 * ESP integrity algorithms with their IPsec DOI authentication-algorithm values (RFC 2407
 * section 4.5, RFC 4868) and truncated ICV lengths (RFC 2403, 2404, 4868 section 2.3).
 */
public enum EspIntegrity {
  NONE(0, null, 0, 0, ""),
  HMAC_MD5_96(1, "HmacMD5", 16, 12, "esp-md5-hmac"),
  HMAC_SHA1_96(2, "HmacSHA1", 20, 12, "esp-sha-hmac"),
  HMAC_SHA256_128(5, "HmacSHA256", 32, 16, "esp-sha256-hmac"),
  HMAC_SHA384_192(6, "HmacSHA384", 48, 24, "esp-sha384-hmac"),
  HMAC_SHA512_256(7, "HmacSHA512", 64, 32, "esp-sha512-hmac");

  private final int authAlgorithm;
  private final String jca;
  private final int keyLength;
  private final int icvLength;
  private final String iosName;

  EspIntegrity(int authAlgorithm, String jca, int keyLength, int icvLength, String iosName) {
    this.authAlgorithm = authAlgorithm;
    this.jca = jca;
    this.keyLength = keyLength;
    this.icvLength = icvLength;
    this.iosName = iosName;
  }

  public int authAlgorithm() {
    return authAlgorithm;
  }

  public String jca() {
    return jca;
  }

  public int keyLength() {
    return keyLength;
  }

  public int icvLength() {
    return icvLength;
  }

  public String iosName() {
    return iosName;
  }

  public static EspIntegrity ofAuthAlgorithm(int v) {
    for (EspIntegrity i : values()) {
      if (i.authAlgorithm == v && i != NONE) {
        return i;
      }
    }
    return null;
  }
}
