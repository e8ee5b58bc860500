package io.jlns.loadgen;

import io.jlns.crypto.BlockCipher;
import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Attribute;
import io.jlns.ike.message.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposals as strongSwan writes them on its command line ({@code aes256-sha1-modp2048},
 * {@code 3des-sha1}, {@code aes128gcm16}), turned into IKEv1 transforms (RFC 2409 appendix A
 * for Main Mode, RFC 2407 section 4.5 for ESP).
 */
final class Suites {
  private Suites() {}

  /** One Main Mode transform: cipher and key size, hash (also the PRF), DH group. */
  record Ike(BlockCipher cipher, int keyBits, HashAlgorithm hash, DiffieHellman.Group group) {
    /** The transform's attributes (RFC 2409 appendix A): pre-shared key authentication, lifetime in seconds. */
    Transform transform(int number, long lifetimeSeconds) {
      List<Attribute> a = new ArrayList<>();
      a.add(Attribute.basic(1, switch (cipher) {
        case DES -> 1;
        case TRIPLE_DES -> 5;
        case AES -> 7;
      }));
      if (cipher == BlockCipher.AES) {
        a.add(Attribute.basic(14, keyBits));
      }
      a.add(Attribute.basic(2, hashId(hash)));
      a.add(Attribute.basic(3, 1));
      a.add(Attribute.basic(4, group.number()));
      a.add(Attribute.basic(11, 1));
      a.add(Attribute.number(12, lifetimeSeconds));
      // Transform ID 1 = KEY_IKE (RFC 2407 section 4.4.1).
      return new Transform(number, 1, a);
    }

    /** The suite a responder's chosen transform names, or null when it is none we can speak. */
    static Ike of(Transform t) {
      BlockCipher c = switch ((int) t.attribute(1)) {
        case 1 -> BlockCipher.DES;
        case 5 -> BlockCipher.TRIPLE_DES;
        case 7 -> BlockCipher.AES;
        default -> null;
      };
      HashAlgorithm h = hashOf((int) t.attribute(2));
      DiffieHellman.Group g = DiffieHellman.Group.of((int) t.attribute(4));
      if (c == null || h == null || g == null) {
        return null;
      }
      int bits = c == BlockCipher.AES ? (int) Math.max(128, t.attribute(14)) : 0;
      return new Ike(c, bits, h, g);
    }

    int keyLength() {
      return cipher.keyLength(keyBits);
    }

    @Override
    public String toString() {
      return (cipher == BlockCipher.AES ? "aes" + keyBits : cipher == BlockCipher.DES ? "des" : "3des") + "-" + hashName(hash)
          + "-" + groupName(group);
    }
  }

  /** One ESP transform: cipher and key size, integrity (none for GCM). */
  record Esp(EspCipher cipher, int keyBits, EspIntegrity integrity) {
    /**
     * The transform's attributes (RFC 2407 section 4.5): lifetimes, UDP-encapsulated transport
     * mode ({@code encapsulation}: 3 or 4 per RFC 3947, 61443/61444 per the drafts), and PFS when
     * {@code pfs} is not null.
     */
    Transform transform(int number, long seconds, long kilobytes, int encapsulation, DiffieHellman.Group pfs) {
      List<Attribute> a = new ArrayList<>();
      a.add(Attribute.basic(1, 1));
      a.add(Attribute.number(2, seconds));
      if (kilobytes > 0) {
        a.add(Attribute.basic(1, 2));
        a.add(Attribute.number(2, kilobytes));
      }
      if (pfs != null) {
        a.add(Attribute.basic(3, pfs.number()));
      }
      a.add(Attribute.basic(4, encapsulation));
      if (integrity != EspIntegrity.NONE) {
        a.add(Attribute.basic(5, integrity.authAlgorithm()));
      }
      if (cipher == EspCipher.AES_CBC || cipher == EspCipher.AES_GCM_16) {
        a.add(Attribute.basic(6, keyBits));
      }
      return new Transform(number, cipher.transformId(), a);
    }

    /** The suite of the responder's chosen transform, or null when it is none we offered. */
    static Esp of(Transform t) {
      EspCipher c = EspCipher.ofTransformId(t.id());
      if (c == null) {
        return null;
      }
      EspIntegrity i = c.aead() ? EspIntegrity.NONE : EspIntegrity.ofAuthAlgorithm((int) t.attribute(5));
      int bits = switch (c) {
        case AES_CBC, AES_GCM_16 -> (int) Math.max(128, t.attribute(6));
        case TRIPLE_DES_CBC -> 192;
        default -> 64;
      };
      return i == null ? null : new Esp(c, bits, i);
    }

    @Override
    public String toString() {
      String c = switch (cipher) {
        case AES_CBC -> "aes" + keyBits;
        case AES_GCM_16 -> "aes" + keyBits + "gcm16";
        case TRIPLE_DES_CBC -> "3des";
        case DES_CBC -> "des";
      };
      return integrity == EspIntegrity.NONE ? c : c + "-" + switch (integrity) {
        case HMAC_MD5_96 -> "md5";
        case HMAC_SHA1_96 -> "sha1";
        case HMAC_SHA256_128 -> "sha256";
        case HMAC_SHA384_192 -> "sha384";
        default -> "sha512";
      };
    }
  }

  /** A comma-separated list of Main Mode suites: {@code aes256-sha1-modp2048,3des-sha1-modp1024}. */
  static List<Ike> ike(String list) {
    List<Ike> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String[] p = s.trim().toLowerCase().split("-");
      if (p.length != 3) {
        throw new IllegalArgumentException("IKE proposal '" + s + "': expected CIPHER-HASH-GROUP, as aes256-sha1-modp2048");
      }
      BlockCipher c = p[0].startsWith("aes") ? BlockCipher.AES : p[0].equals("3des") ? BlockCipher.TRIPLE_DES
          : p[0].equals("des") ? BlockCipher.DES : null;
      HashAlgorithm h = hashNamed(p[1]);
      DiffieHellman.Group g = groupNamed(p[2]);
      if (c == null || h == null || g == null) {
        throw new IllegalArgumentException("IKE proposal '" + s + "': unknown cipher, hash or group");
      }
      out.add(new Ike(c, c == BlockCipher.AES ? aesBits(p[0].substring(3), s) : 0, h, g));
    }
    return out;
  }

  /** A comma-separated list of ESP suites: {@code aes256-sha1,3des-sha1,aes128gcm16}. */
  static List<Esp> esp(String list) {
    List<Esp> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String t = s.trim().toLowerCase();
      if (t.matches("aes(128|192|256)?gcm(16)?")) {
        String bits = t.substring(3, t.indexOf("gcm"));
        out.add(new Esp(EspCipher.AES_GCM_16, aesBits(bits, s), EspIntegrity.NONE));
        continue;
      }
      String[] p = t.split("-");
      EspIntegrity i = p.length == 2 ? integrityNamed(p[1]) : null;
      EspCipher c = p[0].startsWith("aes") ? EspCipher.AES_CBC : p[0].equals("3des") ? EspCipher.TRIPLE_DES_CBC
          : p[0].equals("des") ? EspCipher.DES_CBC : null;
      if (c == null || i == null) {
        throw new IllegalArgumentException("ESP proposal '" + s + "': expected CIPHER-INTEGRITY (aes256-sha1) or aes128gcm16");
      }
      out.add(new Esp(c, c == EspCipher.AES_CBC ? aesBits(p[0].substring(3), s) : c == EspCipher.TRIPLE_DES_CBC ? 192 : 64, i));
    }
    return out;
  }

  private static int aesBits(String bits, String s) {
    if (bits.isEmpty()) {
      return 128;
    }
    return switch (bits) {
      case "128", "192", "256" -> Integer.parseInt(bits);
      default -> throw new IllegalArgumentException("proposal '" + s + "': AES key size is 128, 192 or 256");
    };
  }

  private static HashAlgorithm hashNamed(String s) {
    return switch (s) {
      case "md5" -> HashAlgorithm.MD5;
      case "sha1", "sha" -> HashAlgorithm.SHA1;
      case "sha256", "sha2_256" -> HashAlgorithm.SHA256;
      case "sha384", "sha2_384" -> HashAlgorithm.SHA384;
      case "sha512", "sha2_512" -> HashAlgorithm.SHA512;
      default -> null;
    };
  }

  private static EspIntegrity integrityNamed(String s) {
    return switch (s) {
      case "md5" -> EspIntegrity.HMAC_MD5_96;
      case "sha1", "sha" -> EspIntegrity.HMAC_SHA1_96;
      case "sha256", "sha2_256" -> EspIntegrity.HMAC_SHA256_128;
      case "sha384", "sha2_384" -> EspIntegrity.HMAC_SHA384_192;
      case "sha512", "sha2_512" -> EspIntegrity.HMAC_SHA512_256;
      default -> null;
    };
  }

  static DiffieHellman.Group groupNamed(String s) {
    return switch (s) {
      case "modp768" -> DiffieHellman.Group.MODP_768;
      case "modp1024" -> DiffieHellman.Group.MODP_1024;
      case "modp1536" -> DiffieHellman.Group.MODP_1536;
      case "modp2048" -> DiffieHellman.Group.MODP_2048;
      case "modp3072" -> DiffieHellman.Group.MODP_3072;
      case "modp4096" -> DiffieHellman.Group.MODP_4096;
      case "ecp256" -> DiffieHellman.Group.ECP_256;
      case "ecp384" -> DiffieHellman.Group.ECP_384;
      case "modp2048s256" -> DiffieHellman.Group.MODP_2048_256;
      default -> null;
    };
  }

  private static int hashId(HashAlgorithm h) {
    return switch (h) {
      case MD5 -> 1;
      case SHA1 -> 2;
      case SHA256 -> 4;
      case SHA384 -> 5;
      case SHA512 -> 6;
    };
  }

  private static HashAlgorithm hashOf(int id) {
    return switch (id) {
      case 1 -> HashAlgorithm.MD5;
      case 2 -> HashAlgorithm.SHA1;
      case 4 -> HashAlgorithm.SHA256;
      case 5 -> HashAlgorithm.SHA384;
      case 6 -> HashAlgorithm.SHA512;
      default -> null;
    };
  }

  private static String hashName(HashAlgorithm h) {
    return switch (h) {
      case MD5 -> "md5";
      case SHA1 -> "sha1";
      case SHA256 -> "sha256";
      case SHA384 -> "sha384";
      case SHA512 -> "sha512";
    };
  }

  private static String groupName(DiffieHellman.Group g) {
    return switch (g) {
      case ECP_256 -> "ecp256";
      case ECP_384 -> "ecp384";
      case MODP_2048_256 -> "modp2048s256";
      default -> "modp" + g.prime().bitLength();
    };
  }
}
