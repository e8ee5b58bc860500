package io.jlns.aaa.radius;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the shared secret protects in RADIUS: the hidden User-Password (RFC 2865 section 5.2),
 * the Response Authenticator (RFC 2865 section 3), the Accounting-Request Authenticator (RFC 2866
 * section 3; also Disconnect and CoA requests, RFC 5176 section 2.3) and the Message-Authenticator
 * (HMAC-MD5, RFC 3579 section 3.2). Works on encoded packets: the hashes cover bytes.
 */
public final class RadiusAuthenticators {
  private RadiusAuthenticators() {}

  /** RFC 2865 section 5.2: at most 128 bytes of password, in 16-byte blocks chained through MD5. */
  public static byte[] hidePassword(byte[] password, byte[] secret, byte[] requestAuthenticator) {
    if (password.length > 128) {
      throw new IllegalArgumentException("a User-Password holds at most 128 bytes");
    }
    byte[] out = Arrays.copyOf(password, Math.max(16, (password.length + 15) / 16 * 16));
    byte[] prev = requestAuthenticator;
    for (int i = 0; i < out.length; i += 16) {
      byte[] b = md5(secret, prev);
      for (int j = 0; j < 16; j++) {
        out[i + j] ^= b[j];
      }
      prev = Arrays.copyOfRange(out, i, i + 16);
    }
    return out;
  }

  /** The inverse of {@link #hidePassword}, the padding taken off; null if not a multiple of 16 bytes. */
  public static byte[] revealPassword(byte[] hidden, byte[] secret, byte[] requestAuthenticator) {
    if (hidden.length == 0 || hidden.length % 16 != 0 || hidden.length > 128) {
      return null;
    }
    byte[] out = new byte[hidden.length];
    byte[] prev = requestAuthenticator;
    for (int i = 0; i < hidden.length; i += 16) {
      byte[] b = md5(secret, prev);
      for (int j = 0; j < 16; j++) {
        out[i + j] = (byte) (hidden[i + j] ^ b[j]);
      }
      prev = Arrays.copyOfRange(hidden, i, i + 16);
    }
    int n = out.length;
    while (n > 0 && out[n - 1] == 0) {
      n--;
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * An Access-Request ready to send: its random Request Authenticator in place and, when the
   * packet carries a Message-Authenticator (its value zeros), that filled in (RFC 3579 section 3.2).
   */
  public static byte[] signAccessRequest(RadiusPacket request, byte[] secret) {
    byte[] b = request.encode();
    fillMessageAuthenticator(b, secret);
    return b;
  }

  /**
   * A response to a request whose authenticator was {@code requestAuthenticator}: the
   * Message-Authenticator (if present) over the packet with the request's authenticator, then the
   * Response Authenticator MD5(Code, Identifier, Length, Request Authenticator, Attributes, Secret).
   */
  public static byte[] signResponse(RadiusPacket response, byte[] requestAuthenticator, byte[] secret) {
    byte[] b = response.withAuthenticator(requestAuthenticator).encode();
    fillMessageAuthenticator(b, secret);
    System.arraycopy(md5(b, secret), 0, b, 4, 16);
    return b;
  }

  /**
   * An Accounting-Request, Disconnect-Request or CoA-Request ready to send: its Message-Authenticator
   * (if present) over the packet with a zero authenticator, then the authenticator
   * MD5(Code, Identifier, Length, 16 zero octets, Attributes, Secret).
   */
  public static byte[] signRequest(RadiusPacket request, byte[] secret) {
    byte[] b = request.withAuthenticator(new byte[16]).encode();
    fillMessageAuthenticator(b, secret);
    System.arraycopy(md5(b, secret), 0, b, 4, 16);
    return b;
  }

  /**
   * Checks a response to a request whose authenticator was {@code requestAuthenticator}: null if
   * it is authentic, else why not. A response to an Access-Request must carry a valid
   * Message-Authenticator when {@code messageAuthenticatorRequired} (RFC 3579 section 3.2).
   */
  public static String checkResponse(byte[] b, int len, byte[] requestAuthenticator, byte[] secret,
      boolean messageAuthenticatorRequired) {
    byte[] p = Arrays.copyOf(b, len);
    byte[] got = Arrays.copyOfRange(p, 4, 20);
    System.arraycopy(requestAuthenticator, 0, p, 4, 16);
    if (!MessageDigest.isEqual(got, md5(p, secret))) {
      return "wrong Response Authenticator (is the shared secret the same on both sides?)";
    }
    return checkMessageAuthenticator(p, secret, messageAuthenticatorRequired);
  }

  /** Checks an Accounting-, Disconnect- or CoA-Request: null if authentic, else why not. */
  public static String checkRequest(byte[] b, int len, byte[] secret) {
    byte[] p = Arrays.copyOf(b, len);
    byte[] got = Arrays.copyOfRange(p, 4, 20);
    Arrays.fill(p, 4, 20, (byte) 0);
    if (!MessageDigest.isEqual(got, md5(p, secret))) {
      return "wrong Request Authenticator (is the shared secret the same on both sides?)";
    }
    return checkMessageAuthenticator(p, secret, false);
  }

  /** {@code p} with the authenticator field the hash expects; the Message-Authenticator, if any, checked. */
  private static String checkMessageAuthenticator(byte[] p, byte[] secret, boolean required) {
    int at = messageAuthenticatorAt(p);
    if (at < 0) {
      return required ? "no Message-Authenticator" : null;
    }
    if (at == -2) {
      return "a Message-Authenticator that is not 16 bytes";
    }
    byte[] got = Arrays.copyOfRange(p, at, at + 16);
    Arrays.fill(p, at, at + 16, (byte) 0);
    return MessageDigest.isEqual(got, hmacMd5(secret, p)) ? null : "wrong Message-Authenticator";
  }

  private static void fillMessageAuthenticator(byte[] b, byte[] secret) {
    int at = messageAuthenticatorAt(b);
    if (at >= 0) {
      Arrays.fill(b, at, at + 16, (byte) 0);
      System.arraycopy(hmacMd5(secret, b), 0, b, at, 16);
    }
  }

  /** Where the Message-Authenticator's value starts in an encoded packet; -1 if none, -2 if malformed. */
  private static int messageAuthenticatorAt(byte[] b) {
    for (int at = RadiusPacket.HEADER; at + 2 <= b.length && (b[at + 1] & 0xff) >= 2; at += b[at + 1] & 0xff) {
      if ((b[at] & 0xff) == Radius.MESSAGE_AUTHENTICATOR) {
        return (b[at + 1] & 0xff) == 18 && at + 18 <= b.length ? at + 2 : -2;
      }
    }
    return -1;
  }

  private static byte[] md5(byte[] first, byte[] second) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update(first);
      md.update(second);
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
