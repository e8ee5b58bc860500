package io.jlns.ike;

import io.jlns.crypto.BlockCipher;
import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Proposal;

/**
 * The protection suite Main Mode agreed on, and the peer's proposal as we echo it (RFC 2409
 * section 5: the responder returns the one transform it chose).
 */
public record Phase1Suite(int policy, BlockCipher cipher, int keyLength, HashAlgorithm hash, DiffieHellman.Group group,
    long lifetimeSeconds, Proposal chosen) {
  /** IOS's short names, for {@code show crypto isakmp sa detail}. */
  public String cipherName() {
    return switch (cipher) {
      case DES -> "des";
      case TRIPLE_DES -> "3des";
      case AES -> "aes" + (keyLength == 16 ? "" : Integer.toString(keyLength * 8));
    };
  }

  public String hashName() {
    return switch (hash) {
      case MD5 -> "md5";
      case SHA1 -> "sha";
      case SHA256 -> "sha256";
      case SHA384 -> "sha384";
      case SHA512 -> "sha512";
    };
  }
}
