package io.jlns.loadgen;

import io.jlns.crypto.MsChap;
import io.jlns.ppp.ConfigOption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;

/**
 * The peer's side of PPP authentication: what it answers to a CHAP-MD5 challenge (RFC 1994
 * section 4.1), an MS-CHAPv2 challenge (RFC 2759 section 4, with the authenticator response
 * checked, section 5), and its PAP Authenticate-Request (RFC 1334 section 2.2.1).
 */
final class PeerCredentials {
  private final PppPeer.Auth auth;
  private final String user;
  private final String password;
  private final RandomGenerator random;
  private byte[] peerChallenge;
  private byte[] ntResponse;
  private byte[] authChallenge;
  private int lastId = -1;
  private byte[] lastChallenge;
  private byte[] lastResponse;

  PeerCredentials(PppPeer.Auth auth, String user, String password, RandomGenerator random) {
    this.auth = auth;
    this.user = user;
    this.password = password;
    this.random = random;
  }

  PppPeer.Auth auth() {
    return auth;
  }

  /** The LCP Authentication-Protocol option (RFC 1661 section 6.2) naming our method. */
  ConfigOption option() {
    return switch (auth) {
      case PAP -> ConfigOption.u16(3, PppPeer.PAP);
      case CHAP -> new ConfigOption(3, new byte[] {(byte) 0xC2, 0x23, 5});
      case MSCHAPV2 -> new ConfigOption(3, new byte[] {(byte) 0xC2, 0x23, (byte) 0x81});
    };
  }

  boolean matches(ConfigOption o) {
    return java.util.Arrays.equals(o.data(), option().data());
  }

  /**
   * The data of a CHAP Response to {@code challenge}: Value-Size, Value, Name. A Challenge the
   * authenticator repeats (same Identifier and value: our Response was lost or late, RFC 1994
   * section 4.1) gets the same Response, so its Success still matches what we sent.
   */
  byte[] chapResponse(int id, byte[] challenge) {
    if (lastResponse != null && id == lastId && java.util.Arrays.equals(challenge, lastChallenge)) {
      return lastResponse;
    }
    lastId = id;
    lastChallenge = challenge;
    lastResponse = response(id, challenge);
    return lastResponse;
  }

  private byte[] response(int id, byte[] challenge) {
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    byte[] value;
    if (auth == PppPeer.Auth.MSCHAPV2) {
      // RFC 2759 section 4: Peer-Challenge (16), 8 reserved, NT-Response (24), Flags.
      authChallenge = challenge;
      peerChallenge = new byte[16];
      random.nextBytes(peerChallenge);
      ntResponse = MsChap.v2NtResponse(challenge, peerChallenge, user, password);
      value = new byte[49];
      System.arraycopy(peerChallenge, 0, value, 0, 16);
      System.arraycopy(ntResponse, 0, value, 24, 24);
    } else {
      // RFC 1994 section 4.1: MD5(Identifier | secret | Challenge).
      value = md5(new byte[] {(byte) id}, password.getBytes(StandardCharsets.UTF_8), challenge);
    }
    byte[] r = new byte[1 + value.length + name.length];
    r[0] = (byte) value.length;
    System.arraycopy(value, 0, r, 1, value.length);
    System.arraycopy(name, 0, r, 1 + value.length, name.length);
    return r;
  }

  /** A CHAP Success is believed; an MS-CHAPv2 one only with the right "S=" authenticator response. */
  boolean successValid(byte[] message) {
    if (auth != PppPeer.Auth.MSCHAPV2) {
      return true;
    }
    if (ntResponse == null) {
      return false;
    }
    String want = MsChap.v2AuthenticatorResponse(password, ntResponse, peerChallenge, authChallenge, user);
    return new String(message, StandardCharsets.US_ASCII).startsWith(want);
  }

  /** Peer-ID Length, Peer-ID, Passwd-Length, Password. */
  byte[] papRequest() {
    byte[] u = user.getBytes(StandardCharsets.UTF_8);
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    byte[] r = new byte[2 + u.length + pw.length];
    r[0] = (byte) u.length;
    System.arraycopy(u, 0, r, 1, u.length);
    r[1 + u.length] = (byte) pw.length;
    System.arraycopy(pw, 0, r, 2 + u.length, pw.length);
    return r;
  }

  private static byte[] md5(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
