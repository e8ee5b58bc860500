package io.jlns.config;

/**
 * {@code crypto isakmp policy N}: one IKE phase 1 protection suite. Defaults are IOS's (DES,
 * SHA, RSA signatures, group 1, 86400 s), so an IOS configuration means the same here.
 */
public record IsakmpPolicy(
    int priority, IkeCipher cipher, int keyBits, IkeHash hash, boolean preShare, DhGroup group, int lifetime) {
  public static final int DEFAULT_LIFETIME = 86400;

  public static IsakmpPolicy defaults(int priority) {
    return new IsakmpPolicy(priority, IkeCipher.DES, 0, IkeHash.SHA, false, DhGroup.GROUP1, DEFAULT_LIFETIME);
  }

  public IsakmpPolicy withCipher(IkeCipher c, int bits) {
    return new IsakmpPolicy(priority, c, c == IkeCipher.AES ? (bits == 0 ? 128 : bits) : 0, hash, preShare, group, lifetime);
  }

  public IsakmpPolicy withHash(IkeHash h) {
    return new IsakmpPolicy(priority, cipher, keyBits, h, preShare, group, lifetime);
  }

  public IsakmpPolicy withPreShare(boolean p) {
    return new IsakmpPolicy(priority, cipher, keyBits, hash, p, group, lifetime);
  }

  public IsakmpPolicy withGroup(DhGroup g) {
    return new IsakmpPolicy(priority, cipher, keyBits, hash, preShare, g, lifetime);
  }

  public IsakmpPolicy withLifetime(int s) {
    return new IsakmpPolicy(priority, cipher, keyBits, hash, preShare, group, s);
  }
}
