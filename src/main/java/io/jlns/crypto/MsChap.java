package io.jlns.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** The computations of MS-CHAP (RFC 2433) and MS-CHAPv2 (RFC 2759 section 8). */
public final class MsChap {
  private static final byte[] MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MAGIC2 = "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

  private MsChap() {}

  /** NtPasswordHash: MD4 of the password in UTF-16LE (RFC 2759 section 8.3). */
  public static byte[] ntPasswordHash(String password) {
    return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
  }

  /** ChallengeHash (section 8.2): the first 8 bytes of SHA-1(peer challenge, our challenge, user name). */
  public static byte[] challengeHash(byte[] peerChallenge, byte[] authChallenge, String userName) {
    MessageDigest sha = sha1();
    sha.update(peerChallenge);
    sha.update(authChallenge);
    sha.update(userName.getBytes(StandardCharsets.US_ASCII));
    return Arrays.copyOf(sha.digest(), 8);
  }

  /** ChallengeResponse (section 8.5): the 8-byte challenge DES-encrypted under three keys cut from the hash. */
  public static byte[] challengeResponse(byte[] challenge8, byte[] passwordHash) {
    byte[] z = Arrays.copyOf(passwordHash, 21);
    byte[] out = new byte[24];
    for (int i = 0; i < 3; i++) {
      byte[] block = des(Arrays.copyOfRange(z, 7 * i, 7 * i + 7), challenge8);
      System.arraycopy(block, 0, out, 8 * i, 8);
    }
    return out;
  }

  /** GenerateNTResponse (section 8.1). */
  public static byte[] v2NtResponse(byte[] authChallenge, byte[] peerChallenge, String userName, String password) {
    return challengeResponse(challengeHash(peerChallenge, authChallenge, userName), ntPasswordHash(password));
  }

  /** GenerateAuthenticatorResponse (section 8.7): "S=" and 40 upper-case hex digits. */
  public static String v2AuthenticatorResponse(String password, byte[] ntResponse, byte[] peerChallenge,
      byte[] authChallenge, String userName) {
    byte[] hashHash = Md4.digest(ntPasswordHash(password));
    MessageDigest sha = sha1();
    sha.update(hashHash);
    sha.update(ntResponse);
    sha.update(MAGIC1);
    byte[] digest = sha.digest();
    sha.update(digest);
    sha.update(challengeHash(peerChallenge, authChallenge, userName));
    sha.update(MAGIC2);
    return "S=" + HexFormat.of().formatHex(sha.digest()).toUpperCase(Locale.ROOT);
  }

  /** The NT response of MS-CHAP v1 (RFC 2433 section A.5): ChallengeResponse over the 8-byte challenge. */
  public static byte[] v1NtResponse(byte[] challenge8, String password) {
    return challengeResponse(challenge8, ntPasswordHash(password));
  }

  /** DES-ECB of one block with a 56-bit key given as 7 bytes, parity bits added (RFC 2759 section 8.6). */
  static byte[] des(byte[] key7, byte[] block) {
    byte[] k = new byte[8];
    k[0] = (byte) (key7[0] & 0xfe);
    k[1] = (byte) ((key7[0] << 7) | ((key7[1] & 0xff) >>> 1));
    k[2] = (byte) ((key7[1] << 6) | ((key7[2] & 0xff) >>> 2));
    k[3] = (byte) ((key7[2] << 5) | ((key7[3] & 0xff) >>> 3));
    k[4] = (byte) ((key7[3] << 4) | ((key7[4] & 0xff) >>> 4));
    k[5] = (byte) ((key7[4] << 3) | ((key7[5] & 0xff) >>> 5));
    k[6] = (byte) ((key7[5] << 2) | ((key7[6] & 0xff) >>> 6));
    k[7] = (byte) (key7[6] << 1);
    try {
      Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "DES"));
      return c.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("DES unavailable", e);
    }
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
