package io.jlns.config;

import java.util.Optional;

/**
 * Cisco's type 7 password encoding: a Vigenere-like XOR with a fixed, published key. It hides a
 * password from a glance, nothing more; jlns reads it so IOS configurations load unchanged.
 */
final class Type7 {
  private static final String XLAT = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

  private Type7() {}

  static Optional<String> decode(String enc) {
    if (enc.length() < 4 || enc.length() % 2 != 0) {
      return Optional.empty();
    }
    try {
      int seed = Integer.parseInt(enc.substring(0, 2));
      StringBuilder out = new StringBuilder();
      for (int i = 2; i < enc.length(); i += 2) {
        int b = Integer.parseInt(enc.substring(i, i + 2), 16);
        out.append((char) (b ^ XLAT.charAt((seed + (i - 2) / 2) % XLAT.length())));
      }
      return Optional.of(out.toString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String encode(String clear, int seed) {
    StringBuilder out = new StringBuilder(String.format("%02d", seed));
    for (int i = 0; i < clear.length(); i++) {
      out.append(String.format("%02X", clear.charAt(i) ^ XLAT.charAt((seed + i) % XLAT.length())));
    }
    return out.toString();
  }
}
