package io.jlns.config;

/**
 * A password, key or secret as written in the configuration, with its IOS encryption type
 * (0 clear, 5 MD5-crypt, 7 Cisco-reversible, 8 PBKDF2-SHA256, 9 scrypt). Its
 * {@link #toString()} never shows the value, so a secret cannot leak through a log line.
 */
public record Secret(int type, String value) {
  public static final String MASK = "*****";

  public static Secret clear(String value) {
    return new Secret(0, value);
  }

  /** A value that was masked in a published configuration, never a real key. */
  public boolean masked() {
    return !value.isEmpty() && value.chars().allMatch(c -> c == '*');
  }

  /** The clear text where the type allows it (0 and 7), for CHAP, PSKs and tunnel secrets. */
  public java.util.Optional<String> cleartext() {
    if (type == 0) {
      return java.util.Optional.of(value);
    }
    if (type == 7) {
      return Type7.decode(value);
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return "Secret[type=" + type + ", " + MASK + "]";
  }
}
