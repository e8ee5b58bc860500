package io.jlns.ppp;

import io.jlns.crypto.MsChap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Checks a CHAP-family Response against a clear-text password, as the authenticator (RFC 1994, 2433, 2759). */
public final class ChapCheck {
  private ChapCheck() {}

  /** The Success message if the response is right (for MS-CHAPv2, with the authenticator response), else null. */
  public static String successMessage(AuthRequest r, String user, String password) {
    byte[] value = r.response();
    byte[] challenge = r.challenge();
    switch (r.method()) {
      case CHAP -> {
        try {
          MessageDigest md5 = MessageDigest.getInstance("MD5");
          md5.update((byte) r.chapId());
          md5.update(password.getBytes(StandardCharsets.UTF_8));
          md5.update(challenge);
          return MessageDigest.isEqual(md5.digest(), value) ? "Welcome" : null;
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
      case MSCHAP -> {
        // RFC 2433 section 3: 24 bytes LM response, 24 bytes NT response, flag 1 = use NT.
        if (value.length != 49 || value[48] != 1) {
          return null;
        }
        byte[] nt = Arrays.copyOfRange(value, 24, 48);
        return MessageDigest.isEqual(nt, MsChap.v1NtResponse(challenge, password)) ? "" : null;
      }
      case MSCHAP_V2 -> {
        // RFC 2759 section 4: peer challenge 16, reserved 8, NT response 24, flags 1.
        if (value.length != 49) {
          return null;
        }
        byte[] peer = Arrays.copyOfRange(value, 0, 16);
        byte[] nt = Arrays.copyOfRange(value, 24, 48);
        if (!MessageDigest.isEqual(nt, MsChap.v2NtResponse(challenge, peer, user, password))) {
          return null;
        }
        return MsChap.v2AuthenticatorResponse(password, nt, peer, challenge, user) + " M=Welcome";
      }
      default -> {
        return null;
      }
    }
  }
}
