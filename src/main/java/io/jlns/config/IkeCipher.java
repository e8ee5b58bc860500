package io.jlns.config;

/** {@code encr} of a {@code crypto isakmp policy} (RFC 2409 appendix A encryption algorithms). */
public enum IkeCipher {
  DES("des", "DES - Data Encryption Standard (56 bit keys)."),
  TRIPLE_DES("3des", "Three key triple DES"),
  AES("aes", "AES - Advanced Encryption Standard");

  private final String keyword;
  private final String description;

  IkeCipher(String keyword, String description) {
    this.keyword = keyword;
    this.description = description;
  }

  public String keyword() {
    return keyword;
  }

  public String description() {
    return description;
  }

  public static IkeCipher of(String keyword) {
    for (IkeCipher c : values()) {
      if (c.keyword.equals(keyword)) {
        return c;
      }
    }
    throw new IllegalArgumentException(keyword);
  }
}
