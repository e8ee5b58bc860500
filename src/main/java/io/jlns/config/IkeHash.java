package io.jlns.config;

/** {@code hash} of a {@code crypto isakmp policy}. */
public enum IkeHash {
  MD5("md5", "Message Digest 5"),
  SHA("sha", "Secure Hash Standard"),
  SHA256("sha256", "Secure Hash Standard 2 (256 bit)"),
  SHA384("sha384", "Secure Hash Standard 2 (384 bit)"),
  SHA512("sha512", "Secure Hash Standard 2 (512 bit)");

  private final String keyword;
  private final String description;

  IkeHash(String keyword, String description) {
    this.keyword = keyword;
    this.description = description;
  }

  public String keyword() {
    return keyword;
  }

  public String description() {
    return description;
  }

  public static IkeHash of(String keyword) {
    for (IkeHash h : values()) {
      if (h.keyword.equals(keyword)) {
        return h;
      }
    }
    throw new IllegalArgumentException(keyword);
  }
}
