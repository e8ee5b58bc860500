package io.jlns.ike;

import io.jlns.config.IkeCipher;
import io.jlns.config.IkeHash;
import io.jlns.config.IsakmpPolicy;
import io.jlns.crypto.BlockCipher;
import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Proposal;
import io.jlns.ike.message.Transform;
import java.util.Collection;
import java.util.List;

/**
 * Matches a peer's phase 1 SA payload against {@code crypto isakmp policy} entries: the local
 * policies in priority order, each against the peer's transforms in the peer's order (as IOS
 * does). A lower lifetime than the policy's is accepted and used; a higher one is cut to ours.
 */
final class Phase1Proposals {
  /** RFC 2409 appendix A attribute classes. */
  static final int ENCRYPTION = 1;
  static final int HASH = 2;
  static final int AUTH = 3;
  static final int GROUP = 4;
  static final int LIFE_TYPE = 11;
  static final int LIFE_DURATION = 12;
  static final int KEY_LENGTH = 14;
  static final int AUTH_PRE_SHARED = 1;
  static final int LIFE_SECONDS = 1;

  private Phase1Proposals() {}

  /** The chosen suite, or null when nothing matches. */
  static Phase1Suite choose(Collection<IsakmpPolicy> policies, Payload.Sa sa) {
    return choose(policies, sa, g -> true);
  }

  /**
   * As above, among groups {@code groupOk} accepts: in Aggressive Mode the initiator's KE already
   * fixes the group, so only transforms of a group whose public value has the KE's length fit.
   */
  static Phase1Suite choose(Collection<IsakmpPolicy> policies, Payload.Sa sa, java.util.function.IntPredicate groupOk) {
    for (IsakmpPolicy p : policies) {
      if (p.group() != null && !groupOk.test(p.group().number())) {
        continue;
      }
      if (!p.preShare()) {
        continue;
      }
      for (Proposal prop : sa.proposals()) {
        if (prop.protocol() != Proposal.PROTO_ISAKMP) {
          continue;
        }
        for (Transform t : prop.transforms()) {
          if (matches(p, t)) {
            long life = lifetime(t);
            long used = life <= 0 ? p.lifetime() : Math.min(life, p.lifetime());
            return new Phase1Suite(p.priority(), cipher(p.cipher()), cipher(p.cipher()).keyLength(p.keyBits()), hash(p.hash()),
                DiffieHellman.Group.of(p.group().number()), used, new Proposal(prop.number(), prop.protocol(), prop.spi(), List.of(t)));
          }
        }
      }
    }
    return null;
  }

  /** A short text of what the peer offered, for the log line of a refusal. */
  static String describe(Payload.Sa sa) {
    StringBuilder b = new StringBuilder();
    for (Proposal prop : sa.proposals()) {
      for (Transform t : prop.transforms()) {
        b.append(b.length() == 0 ? "" : ", ").append("enc ").append(t.attribute(ENCRYPTION));
        if (t.attribute(KEY_LENGTH) > 0) {
          b.append('/').append(t.attribute(KEY_LENGTH));
        }
        b.append(" hash ").append(t.attribute(HASH)).append(" auth ").append(t.attribute(AUTH)).append(" group ")
            .append(t.attribute(GROUP));
      }
    }
    return b.toString();
  }

  private static boolean matches(IsakmpPolicy p, Transform t) {
    return mismatch(p, t) == null;
  }

  /** Why transform {@code t} does not fit policy {@code p}, in IOS's words; null when it fits. */
  static String mismatch(IsakmpPolicy p, Transform t) {
    long enc = t.attribute(ENCRYPTION);
    long keyLen = t.attribute(KEY_LENGTH);
    boolean cipherOk = switch (p.cipher()) {
      case DES -> enc == 1;
      case TRIPLE_DES -> enc == 5;
      // RFC 3602 section 5 and RFC 2409: AES without a key length attribute means 128 bits.
      case AES -> enc == 7 && (keyLen <= 0 ? 128 : keyLen) == p.keyBits();
    };
    long lifeType = t.attribute(LIFE_TYPE);
    if (!cipherOk) {
      return enc == 7 && p.cipher() == IkeCipher.AES ? "Key length offered does not match policy!"
          : "Encryption algorithm offered does not match policy!";
    }
    if (t.attribute(HASH) != hashId(p.hash())) {
      return "Hash algorithm offered does not match policy!";
    }
    if (t.attribute(AUTH) != AUTH_PRE_SHARED) {
      return "Authentication method offered does not match policy! (auth " + t.attribute(AUTH) + ", pre-share is 1)";
    }
    if (t.attribute(GROUP) != p.group().number()) {
      return "Diffie-Hellman group offered does not match policy!";
    }
    if (!(lifeType < 0 || lifeType == LIFE_SECONDS || lifeType == 2)) {
      return "Life type offered is not seconds or kilobytes!";
    }
    return null;
  }

  /**
   * {@code debug crypto isakmp}: each check {@link #choose} makes, as IOS prints it: the
   * transform's attributes, then whether they fit the policy and why not.
   */
  static List<String> explain(Collection<IsakmpPolicy> policies, Payload.Sa sa) {
    List<String> out = new java.util.ArrayList<>();
    for (IsakmpPolicy p : policies) {
      if (!p.preShare()) {
        out.add("policy " + p.priority() + " skipped: its authentication is not pre-share");
        continue;
      }
      for (Proposal prop : sa.proposals()) {
        for (Transform t : prop.transforms()) {
          out.add("Checking ISAKMP transform " + t.number() + " against priority " + p.priority() + " policy");
          out.add(attributes(t));
          String why = prop.protocol() != Proposal.PROTO_ISAKMP ? "proposal protocol " + prop.protocol() + " is not ISAKMP"
              : mismatch(p, t);
          if (why == null) {
            out.add("atts are acceptable.");
            return out;
          }
          out.add(why);
          out.add("atts are not acceptable. Next payload is " + (t == last(prop) ? 0 : 3));
        }
      }
    }
    out.add("no offers accepted!");
    return out;
  }

  private static Transform last(Proposal p) {
    return p.transforms().get(p.transforms().size() - 1);
  }

  /** One transform's attributes in IOS's words ({@code encryption AES-CBC, keylength of 256, hash SHA...}). */
  static String attributes(Transform t) {
    long enc = t.attribute(ENCRYPTION);
    String e = switch ((int) enc) {
      case 1 -> "DES-CBC";
      case 5 -> "3DES-CBC";
      case 7 -> "AES-CBC";
      default -> "#" + enc;
    };
    long h = t.attribute(HASH);
    String hash = switch ((int) h) {
      case 1 -> "MD5";
      case 2 -> "SHA";
      case 4 -> "SHA256";
      case 5 -> "SHA384";
      case 6 -> "SHA512";
      default -> "#" + h;
    };
    long a = t.attribute(AUTH);
    String auth = switch ((int) a) {
      case 1 -> "pre-share";
      case 3 -> "RSA sig";
      case 64221, 65001 -> "XAUTH/hybrid " + a;
      default -> "#" + a;
    };
    long life = lifetime(t);
    return "    encryption " + e + (t.attribute(KEY_LENGTH) > 0 ? ", keylength of " + t.attribute(KEY_LENGTH) : "")
        + ", hash " + hash + ", default group " + t.attribute(GROUP) + ", auth " + auth
        + (life > 0 ? ", life " + life + " s" : "");
  }

  private static long lifetime(Transform t) {
    // Life type and duration come in pairs (RFC 2409 appendix A); only seconds bound IKE here.
    List<io.jlns.ike.message.Attribute> a = t.attributes();
    for (int i = 0; i + 1 < a.size(); i++) {
      if (a.get(i).type() == LIFE_TYPE && a.get(i).value() == LIFE_SECONDS && a.get(i + 1).type() == LIFE_DURATION) {
        return a.get(i + 1).value();
      }
    }
    return -1;
  }

  static int hashId(IkeHash h) {
    return switch (h) {
      case MD5 -> 1;
      case SHA -> 2;
      case SHA256 -> 4;
      case SHA384 -> 5;
      case SHA512 -> 6;
    };
  }

  static BlockCipher cipher(IkeCipher c) {
    return switch (c) {
      case DES -> BlockCipher.DES;
      case TRIPLE_DES -> BlockCipher.TRIPLE_DES;
      case AES -> BlockCipher.AES;
    };
  }

  static HashAlgorithm hash(IkeHash h) {
    return switch (h) {
      case MD5 -> HashAlgorithm.MD5;
      case SHA -> HashAlgorithm.SHA1;
      case SHA256 -> HashAlgorithm.SHA256;
      case SHA384 -> HashAlgorithm.SHA384;
      case SHA512 -> HashAlgorithm.SHA512;
    };
  }
}
