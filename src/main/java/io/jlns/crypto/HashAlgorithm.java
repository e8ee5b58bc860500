package io.jlns.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash functions of IKEv1 and their HMAC PRFs (RFC 2409 section 5: without a negotiated PRF
 * the HMAC of the negotiated hash is the PRF; RFC 4868 for SHA-2).
 */
public enum HashAlgorithm {
  MD5("MD5", "HmacMD5", 16),
  SHA1("SHA-1", "HmacSHA1", 20),
  SHA256("SHA-256", "HmacSHA256", 32),
  SHA384("SHA-384", "HmacSHA384", 48),
  SHA512("SHA-512", "HmacSHA512", 64);

  private final String digest;
  private final String mac;
  private final int length;
  /** One JCA engine per thread, reset or re-keyed for each use (a lookup by name cost more than the hash). */
  private final ThreadLocal<MessageDigest> digests;
  private final ThreadLocal<Mac> macs;

  HashAlgorithm(String digest, String mac, int length) {
    this.digest = digest;
    this.mac = mac;
    this.length = length;
    this.digests = ThreadLocal.withInitial(() -> {
      try {
        return MessageDigest.getInstance(digest);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        return Mac.getInstance(mac);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public int length() {
    return length;
  }

  public String jcaMac() {
    return mac;
  }

  public byte[] hash(byte[]... parts) {
    MessageDigest md = digests.get();
    md.reset();
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  /** prf(key, parts...) = HMAC(key, concatenation of parts). */
  public byte[] prf(byte[] key, byte[]... parts) {
    try {
      Mac m = macs.get();
      // JCA refuses an empty key; RFC 2104 pads keys with zeros, so one zero byte is the same key.
      m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac));
      for (byte[] p : parts) {
        m.update(p);
      }
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
