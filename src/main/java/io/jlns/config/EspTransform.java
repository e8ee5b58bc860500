package io.jlns.config;

/** ESP transforms of {@code crypto ipsec transform-set}. */
public enum EspTransform {
  ESP_DES("esp-des", Kind.CIPHER, "ESP transform using DES cipher (56 bits)"),
  ESP_3DES("esp-3des", Kind.CIPHER, "ESP transform using 3DES(EDE) cipher (168 bits)"),
  ESP_AES("esp-aes", Kind.CIPHER, "ESP transform using AES cipher"),
  ESP_GCM("esp-gcm", Kind.AEAD, "ESP transform using GCM cipher"),
  ESP_MD5_HMAC("esp-md5-hmac", Kind.INTEGRITY, "ESP transform using HMAC-MD5 auth"),
  ESP_SHA_HMAC("esp-sha-hmac", Kind.INTEGRITY, "ESP transform using HMAC-SHA auth"),
  ESP_SHA256_HMAC("esp-sha256-hmac", Kind.INTEGRITY, "ESP transform using HMAC-SHA256 auth"),
  ESP_SHA384_HMAC("esp-sha384-hmac", Kind.INTEGRITY, "ESP transform using HMAC-SHA384 auth"),
  ESP_SHA512_HMAC("esp-sha512-hmac", Kind.INTEGRITY, "ESP transform using HMAC-SHA512 auth");

  /** What part of ESP a transform provides. */
  public enum Kind {
    CIPHER,
    AEAD,
    INTEGRITY
  }

  private final String keyword;
  private final Kind kind;
  private final String description;

  EspTransform(String keyword, Kind kind, String description) {
    this.keyword = keyword;
    this.kind = kind;
    this.description = description;
  }

  public String keyword() {
    return keyword;
  }

  public Kind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public static EspTransform of(String keyword) {
    for (EspTransform t : values()) {
      if (t.keyword.equals(keyword)) {
        return t;
      }
    }
    throw new IllegalArgumentException(keyword);
  }
}
