package io.jlns.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One-way IOS secrets: type 8 (PBKDF2-HMAC-SHA256, 20000 iterations, 14-character salt) is what
 * jlns writes for a secret given in clear; type 5 (MD5-crypt) is read for old configurations.
 * Randomness is injected so tests are repeatable.
 */
public final class SecretHasher {
  private static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int TYPE8_ITERATIONS = 20000;
  private final RandomGenerator random;

  public SecretHasher(RandomGenerator random) {
    this.random = random;
  }

  public static SecretHasher secure() {
    return new SecretHasher(new SecureRandom());
  }

  public Secret type8(String clear) {
    StringBuilder salt = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      salt.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new Secret(8, "$8$" + salt + "$" + pbkdf2(clear, salt.toString()));
  }

  /** Whether {@code attempt} is the secret; types 0 and 7 compare clear text in constant time. */
  public static boolean verify(Secret s, String attempt) {
    Optional<String> computed = switch (s.type()) {
      case 0, 7 -> s.cleartext();
      case 5 -> md5Crypt(attempt, s.value());
      case 8 -> type8Of(attempt, s.value());
      default -> Optional.empty();
    };
    String expected = s.type() == 0 || s.type() == 7 ? attempt : s.value();
    return computed.isPresent()
        && MessageDigest.isEqual(
            computed.get().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> type8Of(String attempt, String stored) {
    String[] p = stored.split("\\$");
    if (p.length != 4 || !p[1].equals("8")) {
      return Optional.empty();
    }
    return Optional.of("$8$" + p[2] + "$" + pbkdf2(attempt, p[2]));
  }

  private static String pbkdf2(String clear, String salt) {
    try {
      SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] dk = f.generateSecret(
              new PBEKeySpec(clear.toCharArray(), salt.getBytes(StandardCharsets.US_ASCII), TYPE8_ITERATIONS, 256))
          .getEncoded();
      return base64(dk);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  /** Base64 in the crypt alphabet, most significant bits first, no padding (Cisco type 8/9). */
  private static String base64(byte[] b) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i + 2 < b.length; i += 3) {
      int v = (b[i] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff);
      for (int s = 18; s >= 0; s -= 6) {
        out.append(ALPHABET.charAt((v >>> s) & 0x3f));
      }
    }
    int rest = b.length - i;
    if (rest > 0) {
      int v = (b[i] & 0xff) << 16 | (rest > 1 ? (b[i + 1] & 0xff) << 8 : 0);
      int chars = rest + 1;
      for (int k = 0, s = 18; k < chars; k++, s -= 6) {
        out.append(ALPHABET.charAt((v >>> s) & 0x3f));
      }
    }
    return out.toString();
  }

  /** MD5-crypt ({@code $1$salt$hash}), the algorithm of IOS type 5 secrets. */
  static Optional<String> md5Crypt(String password, String stored) {
    if (!stored.startsWith("$1$")) {
      return Optional.empty();
    }
    int end = stored.indexOf('$', 3);
    String salt = stored.substring(3, end < 0 ? stored.length() : end);
    if (salt.length() > 8) {
      salt = salt.substring(0, 8);
    }
    try {
      byte[] pw = password.getBytes(StandardCharsets.UTF_8);
      byte[] sl = salt.getBytes(StandardCharsets.US_ASCII);
      MessageDigest alt = MessageDigest.getInstance("MD5");
      alt.update(pw);
      alt.update(sl);
      alt.update(pw);
      byte[] altSum = alt.digest();
      MessageDigest ctx = MessageDigest.getInstance("MD5");
      ctx.update(pw);
      ctx.update("$1$".getBytes(StandardCharsets.US_ASCII));
      ctx.update(sl);
      for (int pl = pw.length; pl > 0; pl -= 16) {
        ctx.update(altSum, 0, Math.min(pl, 16));
      }
      for (int i = pw.length; i != 0; i >>>= 1) {
        if ((i & 1) != 0) {
          ctx.update((byte) 0);
        } else {
          ctx.update(pw, 0, 1);
        }
      }
      byte[] fin = ctx.digest();
      for (int i = 0; i < 1000; i++) {
        MessageDigest c = MessageDigest.getInstance("MD5");
        c.update((i & 1) != 0 ? pw : fin);
        if (i % 3 != 0) {
          c.update(sl);
        }
        if (i % 7 != 0) {
          c.update(pw);
        }
        c.update((i & 1) != 0 ? fin : pw);
        fin = c.digest();
      }
      StringBuilder out = new StringBuilder("$1$").append(salt).append('$');
      int[][] groups = {{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}};
      for (int[] g : groups) {
        to64(out, (fin[g[0]] & 0xff) << 16 | (fin[g[1]] & 0xff) << 8 | (fin[g[2]] & 0xff), 4);
      }
      to64(out, fin[11] & 0xff, 2);
      return Optional.of(out.toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }

  private static void to64(StringBuilder out, int v, int n) {
    for (int i = 0; i < n; i++) {
      out.append(ALPHABET.charAt(v & 0x3f));
      v >>>= 6;
    }
  }
}
