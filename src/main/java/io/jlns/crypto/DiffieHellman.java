package io.jlns.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.KeyAgreement;

/**
 * The Diffie-Hellman groups of IKE: MODP groups (RFC 2409 section 6, RFC 3526, RFC 5114 section
 * 2.3) and ECP groups (RFC 5903: the public value is x|y, the shared secret is x). One instance
 * is one ephemeral key pair.
 */
public final class DiffieHellman {
  private static final String PI_PREFIX =
      "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A6";

  /** The group's public parameters. */
  public enum Group {
    MODP_768(1, PI_PREFIX + "3A3620FFFFFFFFFFFFFFFF", "2", null),
    MODP_1024(2, PI_PREFIX + "37ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", "2", null),
    MODP_1536(5, PI_PREFIX + Primes.TAIL_1536, "2", null),
    MODP_2048(14, PI_PREFIX + Primes.TAIL_2048, "2", null),
    MODP_3072(15, PI_PREFIX + Primes.TAIL_3072, "2", null),
    MODP_4096(16, PI_PREFIX + Primes.TAIL_4096, "2", null),
    ECP_256(19, null, null, "secp256r1"),
    ECP_384(20, null, null, "secp384r1"),
    MODP_2048_256(24, Primes.P_2048_256, Primes.G_2048_256, null);

    private final int number;
    private final BigInteger p;
    private final BigInteger g;
    private final String curve;

    Group(int number, String p, String g, String curve) {
      this.number = number;
      this.p = p == null ? null : new BigInteger(p, 16);
      this.g = g == null ? null : new BigInteger(g, 16);
      this.curve = curve;
    }

    public int number() {
      return number;
    }

    public BigInteger prime() {
      return p;
    }

    public boolean elliptic() {
      return curve != null;
    }

    /** Length in bytes of a public value of this group (the KE payload's data). */
    public int publicLength() {
      return curve == null ? (p.bitLength() + 7) / 8 : curve.equals("secp256r1") ? 64 : 96;
    }

    public static Group of(int number) {
      for (Group x : values()) {
        if (x.number == number) {
          return x;
        }
      }
      return null;
    }
  }

  private final Group group;
  private final BigInteger x;
  private final byte[] publicValue;
  private final KeyPair ecKeys;

  public DiffieHellman(Group group, SecureRandom random) {
    this.group = group;
    if (group.elliptic()) {
      try {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec(group.curve), random);
        ecKeys = kpg.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      ECPoint w = ((ECPublicKey) ecKeys.getPublic()).getW();
      int half = group.publicLength() / 2;
      publicValue = concat(fixed(w.getAffineX(), half), fixed(w.getAffineY(), half));
      x = null;
    } else {
      // Exponent of twice the group's security strength, at least 256 bits (RFC 3526 section 8).
      x = new BigInteger(Math.max(256, Math.min(group.p.bitLength() - 1, 512)), random).setBit(0);
      publicValue = fixed(group.g.modPow(x, group.p), group.publicLength());
      ecKeys = null;
    }
  }

  public Group group() {
    return group;
  }

  public byte[] publicValue() {
    return publicValue.clone();
  }

  /**
   * g^xy from the peer's public value, or null when that value is not a valid element of the
   * group (wrong length, 0, 1, p-1 or beyond p; a point not on the curve).
   */
  public byte[] sharedSecret(byte[] peer) {
    if (peer.length != group.publicLength()) {
      return null;
    }
    if (!group.elliptic()) {
      BigInteger y = new BigInteger(1, peer);
      if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(group.p.subtract(BigInteger.ONE)) >= 0) {
        return null;
      }
      return fixed(y.modPow(x, group.p), group.publicLength());
    }
    int half = peer.length / 2;
    try {
      ECParameterSpec params = ((ECPublicKey) ecKeys.getPublic()).getParams();
      ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOf(peer, half)), new BigInteger(1, Arrays.copyOfRange(peer, half, peer.length)));
      KeyAgreement ka = KeyAgreement.getInstance("ECDH");
      ka.init(ecKeys.getPrivate());
      ka.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params)), true);
      return ka.generateSecret();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  static byte[] fixed(BigInteger v, int len) {
    byte[] b = v.toByteArray();
    if (b.length == len) {
      return b;
    }
    byte[] out = new byte[len];
    int n = Math.min(len, b.length);
    System.arraycopy(b, b.length - n, out, len - n, n);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
